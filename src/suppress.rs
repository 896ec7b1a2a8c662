//! Ignore comments, applied once after every check ran.
//!
//! ```text
//! <!-- copydesk-disable-next-line spelling.unknown-word -->
//! <!-- copydesk-disable attribution -->  ...  <!-- copydesk-enable attribution -->
//! ```
//! No ids means every rule; an id may be a family. The same syntax works in plain text
//! and Markdown.

use crate::finding::{Finding, family_of};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copydesk-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("valid regex")
});

/// A span of text in which some rules (or all) are silenced.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Silence {
    range: Range<usize>,
    /// Rule ids or families; `None` means every rule.
    ids: Option<Vec<String>>,
}

/// Removes findings silenced by ignore comments in `text`.
pub fn apply(text: &str, findings: &mut Vec<Finding>) {
    let silences = silences(text);
    if silences.is_empty() {
        return;
    }
    findings.retain(|f| {
        !silences
            .iter()
            .any(|s| s.range.contains(&f.span.start) && matches(&s.ids, f.rule))
    });
}

fn matches(ids: &Option<Vec<String>>, rule: &str) -> bool {
    ids.as_ref()
        .is_none_or(|ids| ids.iter().any(|id| id == rule || id == family_of(rule)))
}

fn silences(text: &str) -> Vec<Silence> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, Option<Vec<String>>)> = Vec::new();
    for caps in DIRECTIVE.captures_iter(text) {
        let (Some(whole), Some(kind), Some(args)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let ids: Vec<String> = args
            .as_str()
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let ids = (!ids.is_empty()).then_some(ids);
        match kind.as_str() {
            "disable-next-line" => {
                let next_line_start = text[whole.end()..]
                    .find('\n')
                    .map_or(text.len(), |p| whole.end() + p + 1);
                let next_line_end = text[next_line_start..]
                    .find('\n')
                    .map_or(text.len(), |p| next_line_start + p);
                out.push(Silence {
                    range: next_line_start..next_line_end.max(next_line_start + 1),
                    ids,
                });
            }
            "disable" => open.push((whole.end(), ids)),
            _ => {
                // enable: closes the disables it names (all of them when it names none).
                open.retain(|(start, disabled)| {
                    let closes = match (&ids, disabled) {
                        (None, _) => true,
                        (Some(enabled), None) => enabled.is_empty(),
                        (Some(enabled), Some(disabled)) => {
                            disabled.iter().all(|d| enabled.contains(d))
                        }
                    };
                    if closes {
                        out.push(Silence {
                            range: *start..whole.start(),
                            ids: disabled.clone(),
                        });
                    }
                    !closes
                });
            }
        }
    }
    for (start, ids) in open {
        out.push(Silence {
            range: start..text.len() + 1,
            ids,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Severity};

    fn finding(rule: &'static str, text: &str, needle: &str) -> Finding {
        let start = text.find(needle).unwrap();
        Finding {
            rule,
            severity: Severity::Warning,
            span: start..start + needle.len(),
            message: String::new(),
            suggestions: vec![],
            related: vec![],
        }
    }

    fn kept(text: &str, findings: Vec<Finding>) -> Vec<&'static str> {
        let mut findings = findings;
        apply(text, &mut findings);
        findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn next_line_silences_only_that_line_and_those_ids() {
        let text = "<!-- copydesk-disable-next-line spelling -->\nas as X\nas as Y";
        let fs = vec![
            finding("spelling.repeated-word", text, "as as X"),
            finding("names.conflict", text, "X"),
            finding("spelling.repeated-word", text, "as as Y"),
        ];
        assert_eq!(
            kept(text, fs),
            vec!["names.conflict", "spelling.repeated-word"]
        );
    }

    #[test]
    fn disable_enable_ranges() {
        let text = "A <!-- copydesk-disable --> B <!-- copydesk-enable --> C <!-- copydesk-disable attribution.weasel --> D";
        let fs = vec![
            finding("spelling.repeated-word", text, "A"),
            finding("spelling.repeated-word", text, "B"),
            finding("spelling.repeated-word", text, "C"),
            finding("attribution.weasel", text, "D"),
            finding("attribution.causal", text, " D"),
        ];
        assert_eq!(
            kept(text, fs),
            vec![
                "spelling.repeated-word",
                "spelling.repeated-word",
                "attribution.causal"
            ]
        );
    }
}
