//! What a check reports: [`Finding`], with its [`Severity`] and related places.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How much a finding matters. Ordered: `Hint < Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "hint" => Some(Severity::Hint),
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// One problem in a draft.
///
/// `span` is a half-open range of UTF-8 byte offsets into the document text, on char
/// boundaries. Each suggestion replaces exactly `span`; the best comes first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule id, `family.name`.
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Range<usize>,
    /// What is wrong and why, in one or two sentences.
    pub message: String,
    pub suggestions: Vec<String>,
    /// Other places that explain this one (the first mention of a name, the other age).
    pub related: Vec<Related>,
}

/// Another place in the same document that explains a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Range<usize>,
    pub message: String,
}

impl Finding {
    /// A finding at the rule's default severity; the pipeline applies the user's severity.
    pub fn new(rule: &crate::checks::Rule, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            rule: rule.id,
            severity: rule.default_severity,
            span,
            message: message.into(),
            suggestions: Vec::new(),
            related: Vec::new(),
        }
    }

    pub fn with_suggestions(mut self, suggestions: impl IntoIterator<Item = String>) -> Self {
        self.suggestions.extend(suggestions);
        self
    }

    pub fn with_related(mut self, span: Range<usize>, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    /// The rule's family: the part of the id before the dot.
    pub fn family(&self) -> &'static str {
        family_of(self.rule)
    }
}

/// `"spelling.unknown-word"` -> `"spelling"`.
pub fn family_of(rule_id: &str) -> &str {
    rule_id
        .split_once('.')
        .map_or(rule_id, |(family, _)| family)
}
