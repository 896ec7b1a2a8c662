//! `--format sarif`: SARIF 2.1.0, the format code-scanning tools read.
//!
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), the same as the
//! human and JSON formats; each suggestion becomes a fix replacing the finding's region.

use super::report::{FileReport, human_position};
use crate::checks::all_rules;
use crate::finding::Severity;
use ropey::Rope;
use serde_json::{Value, json};
use std::io::{self, Write};

pub fn write(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(reports))?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn region(rope: &Rope, span: &std::ops::Range<usize>) -> Value {
    let start = human_position(rope, span.start);
    let end = human_position(rope, span.end);
    json!({"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column})
}

/// The whole SARIF log for a run.
pub fn log(reports: &[FileReport]) -> Value {
    let rules: Vec<&crate::checks::Rule> = all_rules().collect();
    let rule_descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "defaultConfiguration": {"level": level(r.default_severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for report in reports {
        let rope = Rope::from_str(&report.text);
        let location = |span: &std::ops::Range<usize>| json!({"physicalLocation": {"artifactLocation": {"uri": report.path}, "region": region(&rope, span)}});
        for f in &report.findings {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [location(&f.span)],
            });
            if let Some(index) = rules.iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(index);
            }
            if !f.related.is_empty() {
                result["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut loc = location(&r.span);
                        loc["id"] = json!(i);
                        loc["message"] = json!({"text": r.message});
                        loc
                    })
                    .collect();
            }
            if !f.suggestions.is_empty() {
                result["fixes"] = f
                    .suggestions
                    .iter()
                    .map(|s| {
                        json!({
                            "description": {"text": format!("Replace with \"{s}\"")},
                            "artifactChanges": [{
                                "artifactLocation": {"uri": report.path},
                                "replacements": [{"deletedRegion": region(&rope, &f.span), "insertedContent": {"text": s}}],
                            }],
                        })
                    })
                    .collect();
            }
            results.push(result);
        }
        for message in report
            .warnings
            .iter()
            .map(|w| ("warning", w))
            .chain(report.error.iter().map(|e| ("error", e)))
        {
            notifications.push(json!({"level": message.0, "message": {"text": message.1}}));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": reports.iter().all(|r| r.error.is_none()), "toolExecutionNotifications": notifications}],
        }],
    })
}
