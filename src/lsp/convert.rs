//! The only place that builds or reads LSP positions and ranges.

use super::actions::{FixData, Insertion};
use crate::checks::Suggestions;
use crate::document::{
    LineCol, PositionEncoding, TextChange, offset_at, position_at, positions_at,
};
use crate::finding::{Finding, Severity};
use ropey::Rope;
use std::ops::Range;
use tower_lsp::lsp_types as lsp;

pub fn encoding_kind(encoding: PositionEncoding) -> lsp::PositionEncodingKind {
    match encoding {
        PositionEncoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

/// UTF-8 when the client offers it (no conversion cost), else the mandatory UTF-16.
pub fn negotiate_encoding(params: &lsp::InitializeParams) -> PositionEncoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&lsp::PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
        _ => PositionEncoding::Utf16,
    }
}

pub fn line_col(position: lsp::Position) -> LineCol {
    LineCol {
        line: position.line,
        col: position.character,
    }
}

pub fn position(rope: &Rope, byte_offset: usize, encoding: PositionEncoding) -> lsp::Position {
    lsp_position(position_at(rope, byte_offset, encoding))
}

pub fn range(rope: &Rope, span: Range<usize>, encoding: PositionEncoding) -> lsp::Range {
    lsp::Range {
        start: position(rope, span.start, encoding),
        end: position(rope, span.end, encoding),
    }
}

pub fn text_change(change: lsp::TextDocumentContentChangeEvent) -> TextChange {
    TextChange {
        range: change.range.map(|r| (line_col(r.start), line_col(r.end))),
        text: change.text,
    }
}

pub fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// Findings as LSP diagnostics, each with its rule and suggestions in `data`
/// ([`FixData`]). Positions come from one pass over `text` ([`positions_at`]).
/// `suggestions` says how far misspellings' suggestions were searched.
pub fn diagnostics(
    findings: &[Finding],
    text: &str,
    encoding: PositionEncoding,
    uri: &lsp::Url,
    suggestions: Suggestions,
) -> Vec<lsp::Diagnostic> {
    let spans = findings
        .iter()
        .flat_map(|f| std::iter::once(&f.span).chain(f.related.iter().map(|r| &r.span)));
    let offsets: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
    let positions = positions_at(text, &offsets, encoding);
    let mut ranges = positions.chunks_exact(2).map(|ends| lsp::Range {
        start: lsp_position(ends[0]),
        end: lsp_position(ends[1]),
    });
    let mut next_range = || ranges.next().unwrap_or_default();
    findings
        .iter()
        .map(|finding| {
            let range = next_range();
            let related: Vec<lsp::DiagnosticRelatedInformation> = finding
                .related
                .iter()
                .map(|r| lsp::DiagnosticRelatedInformation {
                    location: lsp::Location {
                        uri: uri.clone(),
                        range: next_range(),
                    },
                    message: r.message.clone(),
                })
                .collect();
            let partial = suggestions == Suggestions::Near
                && finding.rule == super::actions::UNKNOWN_WORD_RULE;
            diagnostic(finding, range, related, partial)
        })
        .collect()
}

fn diagnostic(
    finding: &Finding,
    range: lsp::Range,
    related: Vec<lsp::DiagnosticRelatedInformation>,
    partial: bool,
) -> lsp::Diagnostic {
    let data = FixData {
        rule: finding.rule.to_string(),
        suggestions: finding.suggestions.clone(),
        partial,
    };
    lsp::Diagnostic {
        range,
        severity: Some(severity(finding.severity)),
        code: Some(lsp::NumberOrString::String(finding.rule.to_string())),
        code_description: None,
        source: Some("copydesk".into()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

fn lsp_position(p: LineCol) -> lsp::Position {
    lsp::Position {
        line: p.line,
        character: p.col,
    }
}

/// An insertion (byte offset + text) as an LSP edit with an empty range.
pub fn insertion(rope: &Rope, insertion: &Insertion, encoding: PositionEncoding) -> lsp::TextEdit {
    let at = position(rope, insertion.byte_offset, encoding);
    lsp::TextEdit {
        range: lsp::Range { start: at, end: at },
        new_text: insertion.text.clone(),
    }
}

/// The byte offset of a client position; out-of-range positions clamp (see `offset_at`).
pub fn offset(rope: &Rope, position: lsp::Position, encoding: PositionEncoding) -> usize {
    offset_at(rope, line_col(position), encoding)
}

/// Whether two ranges share at least one character (touching ends do not overlap).
pub fn ranges_overlap(a: &lsp::Range, b: &lsp::Range) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a position lies in a range, both ends included (a hover at a word's last
/// character boundary still belongs to it).
pub fn range_contains(range: &lsp::Range, position: lsp::Position) -> bool {
    range.start <= position && position <= range.end
}

/// A range starting at `line`, `character` on both ends; for tests and clients that
/// describe a whole line.
pub fn line_range(line: u32, start: u32, end: u32) -> lsp::Range {
    lsp::Range {
        start: lsp::Position {
            line,
            character: start,
        },
        end: lsp::Position {
            line,
            character: end,
        },
    }
}
