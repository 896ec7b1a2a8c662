//! Helpers for the checks' unit tests.

use crate::{Config, Context, Markup, check};

/// Asserts the exact findings of a plain-text draft: (rule, spanned text, first suggestion).
#[track_caller]
pub fn assert_findings(text: &str, expected: &[(&str, &str, Option<&str>)]) {
    let config = Config::default();
    let found: Vec<(String, String, Option<String>)> =
        check(text, Markup::Plain, &Context::new(&config))
            .into_iter()
            .map(|f| {
                (
                    f.rule.to_string(),
                    text[f.span.clone()].to_string(),
                    f.suggestions.first().cloned(),
                )
            })
            .collect();
    let expected: Vec<(String, String, Option<String>)> = expected
        .iter()
        .map(|(r, t, s)| (r.to_string(), t.to_string(), s.map(String::from)))
        .collect();
    assert_eq!(found, expected, "findings for {text:?}");
}

#[track_caller]
pub fn assert_no_findings(text: &str) {
    assert_findings(text, &[]);
}

#[track_caller]
pub fn assert_no_findings_md(text: &str) {
    let config = Config::default();
    let found = check(text, Markup::Markdown, &Context::new(&config));
    assert!(
        found.is_empty(),
        "unexpected findings in {text:?}: {found:?}"
    );
}

/// Asserts that no rule of `family` reports on a plain-text draft (other families may).
#[track_caller]
pub fn assert_no_findings_of(family: &str, text: &str) {
    let config = Config::default();
    let found: Vec<_> = check(text, Markup::Plain, &Context::new(&config))
        .into_iter()
        .filter(|f| f.family() == family)
        .map(|f| (f.rule, text[f.span.clone()].to_string()))
        .collect();
    assert!(
        found.is_empty(),
        "unexpected {family} findings in {text:?}: {found:?}"
    );
}
