//! Output: the human format and the frozen JSON format (`schema.json` beside this file).

use crate::document::{PositionEncoding, position_at};
use crate::finding::{Finding, Severity};
use ropey::Rope;
use serde::Serialize;
use std::io::{self, Write};
use std::ops::Range;

/// The result of checking one file.
pub struct FileReport {
    pub path: String,
    pub warnings: Vec<String>,
    pub error: Option<String>,
    pub text: String,
    pub findings: Vec<Finding>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    warnings: &'a [String],
    error: Option<&'a str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    span: JsonSpan,
    start: JsonPosition,
    end: JsonPosition,
    suggestions: &'a [String],
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    span: JsonSpan,
    start: JsonPosition,
    end: JsonPosition,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

/// 1-based line and column; columns count Unicode scalar values.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonPosition {
    pub line: u32,
    pub column: u32,
}

/// 1-based line and column (Unicode scalar values) of a byte offset.
pub fn human_position(rope: &Rope, byte_offset: usize) -> JsonPosition {
    let p = position_at(rope, byte_offset, PositionEncoding::Utf32);
    JsonPosition {
        line: p.line + 1,
        column: p.col + 1,
    }
}

pub fn write_json(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let files = reports
        .iter()
        .map(|r| {
            let rope = Rope::from_str(&r.text);
            let diagnostics = r
                .findings
                .iter()
                .map(|f| JsonDiagnostic {
                    rule: f.rule,
                    severity: f.severity,
                    message: &f.message,
                    span: JsonSpan {
                        start: f.span.start,
                        end: f.span.end,
                    },
                    start: human_position(&rope, f.span.start),
                    end: human_position(&rope, f.span.end),
                    suggestions: &f.suggestions,
                    related: f
                        .related
                        .iter()
                        .map(|rel| JsonRelated {
                            path: &r.path,
                            span: JsonSpan {
                                start: rel.span.start,
                                end: rel.span.end,
                            },
                            start: human_position(&rope, rel.span.start),
                            end: human_position(&rope, rel.span.end),
                            message: &rel.message,
                        })
                        .collect(),
                })
                .collect();
            JsonFile {
                path: &r.path,
                warnings: &r.warnings,
                error: r.error.as_deref(),
                diagnostics,
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &JsonReport { version: 1, files })?;
    writeln!(out)
}

/// Terminal colours, or none.
#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn severity_color(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
        Severity::Hint => "1;32",
    }
}

/// `path:line:col: severity[rule]: message`, the line with carets under the span, and the
/// suggestions. Long lines are cut to a window around the span.
pub fn write_human(out: &mut impl Write, report: &FileReport, style: Style) -> io::Result<()> {
    let rope = Rope::from_str(&report.text);
    for f in &report.findings {
        let start = human_position(&rope, f.span.start);
        writeln!(
            out,
            "{}:{}:{}: {}: {}",
            style.paint("1", &report.path),
            start.line,
            start.column,
            style.paint(
                severity_color(f.severity),
                &format!("{}[{}]", f.severity.as_str(), f.rule)
            ),
            f.message
        )?;
        write_excerpt(out, &rope, f.span.clone(), start.line, style)?;
        if !f.suggestions.is_empty() {
            let quoted: Vec<String> = f.suggestions.iter().map(|s| format!("\"{s}\"")).collect();
            writeln!(out, "      = suggestion: {}", quoted.join(", "))?;
        }
        for related in &f.related {
            let at = human_position(&rope, related.span.start);
            writeln!(
                out,
                "      = see {}:{}:{}: {}",
                report.path, at.line, at.column, related.message
            )?;
        }
    }
    Ok(())
}

/// Characters shown either side of the span on long lines.
const CONTEXT_CHARS: usize = 40;

fn write_excerpt(
    out: &mut impl Write,
    rope: &Rope,
    span: Range<usize>,
    line_no: u32,
    style: Style,
) -> io::Result<()> {
    let line_idx = (line_no - 1) as usize;
    let line_start = rope.line_to_byte(line_idx);
    let line = rope.line(line_idx).to_string();
    let line = line.trim_end_matches(['\n', '\r']);
    let span_start = span.start.saturating_sub(line_start).min(line.len());
    let span_end = span
        .end
        .saturating_sub(line_start)
        .clamp(span_start, line.len());
    let before: Vec<char> = line[..span_start].chars().collect();
    let inside: String = line[span_start..span_end]
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let after: Vec<char> = line[span_end..].chars().collect();
    let (lead, before_shown) = if before.len() > CONTEXT_CHARS {
        (
            "…",
            before[before.len() - CONTEXT_CHARS..]
                .iter()
                .collect::<String>(),
        )
    } else {
        ("", before.iter().collect::<String>())
    };
    let (after_shown, tail) = if after.len() > CONTEXT_CHARS {
        (after[..CONTEXT_CHARS].iter().collect::<String>(), "…")
    } else {
        (after.iter().collect::<String>(), "")
    };
    let before_shown = before_shown.replace('\t', " ");
    let gutter = format!("{line_no:>5} | ");
    writeln!(
        out,
        "{gutter}{lead}{before_shown}{inside}{}{tail}",
        after_shown.replace('\t', " ")
    )?;
    let pad = " ".repeat(lead.chars().count() + before_shown.chars().count());
    let carets = "^".repeat(inside.chars().count().max(1));
    writeln!(out, "{:>5} | {pad}{}", "", style.paint("1;31", &carets))
}

/// GitHub Actions workflow commands: one `::warning file=..,line=..,col=..::message` line
/// per finding, shown as annotations on the pull request.
pub fn write_github(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    for r in reports {
        let rope = Rope::from_str(&r.text);
        for f in &r.findings {
            let start = human_position(&rope, f.span.start);
            let end = human_position(&rope, f.span.end);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let mut message = f.message.clone();
            if let Some(best) = f.suggestions.first() {
                message.push_str(&format!(" (suggestion: \"{best}\")"));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&r.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(f.rule),
                escape_data(&message)
            )?;
        }
        if let Some(error) = &r.error {
            writeln!(
                out,
                "::error file={}::{}",
                escape_property(&r.path),
                escape_data(error)
            )?;
        }
    }
    Ok(())
}

/// Escaping of workflow command data (the message).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of workflow command properties (file, title).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
