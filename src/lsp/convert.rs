//! The only place that builds or reads LSP positions and ranges.

use crate::document::{LineCol, PositionEncoding, TextChange, position_at};
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
    let p = position_at(rope, byte_offset, encoding);
    lsp::Position {
        line: p.line,
        character: p.col,
    }
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

/// A finding as an LSP diagnostic. The suggestions travel in `data` so that a code action
/// needs no re-check.
pub fn diagnostic(
    finding: &Finding,
    rope: &Rope,
    encoding: PositionEncoding,
    uri: &lsp::Url,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range: range(rope, r.span.clone(), encoding),
            },
            message: r.message.clone(),
        })
        .collect();
    lsp::Diagnostic {
        range: range(rope, finding.span.clone(), encoding),
        severity: Some(severity(finding.severity)),
        code: Some(lsp::NumberOrString::String(finding.rule.to_string())),
        code_description: None,
        source: Some("copydesk".into()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "suggestions": finding.suggestions })),
    }
}
