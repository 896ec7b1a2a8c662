//! Runs every fixture draft in tests/fixtures against its `NAME.expected.toml`, once
//! without and once with its `NAME.facts.toml`, and lists every miss before failing.

use copydesk::facts::Facts;
use copydesk::{Config, Context, Finding, Markup};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Expected {
    must: Vec<Entry>,
    must_not: Vec<Entry>,
    facts: Vec<Entry>,
    facts_not: Vec<Entry>,
}

#[derive(Deserialize, Clone, Debug)]
struct Entry {
    family: String,
    text: String,
    nth: Option<usize>,
    suggest: Option<String>,
    #[serde(default)]
    first: bool,
}

/// Entries not met yet, by (fixture, family, text): each must still fail, so that a fix
/// is noticed and the entry removed from here. FIXME: empty this list.
const PENDING: &[(&str, &str, &str)] = &[];

/// Start offsets of `needle` in `haystack`, each search starting one char after the last hit.
fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(needle) {
        let at = from + pos;
        hits.push(at);
        from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    hits
}

fn overlaps(f: &Finding, start: usize, len: usize) -> bool {
    f.span.start < start + len && start < f.span.end
}

/// Checks one entry; `None` when it holds, else why not.
fn verify(text: &str, findings: &[Finding], entry: &Entry, must: bool) -> Option<String> {
    let hits = occurrences(text, &entry.text);
    if hits.is_empty() {
        return Some(format!("text {:?} is not in the draft", entry.text));
    }
    let targets: Vec<usize> = match entry.nth {
        Some(n) => hits.get(n.wrapping_sub(1)).copied().into_iter().collect(),
        None if must => vec![hits[0]],
        None => hits,
    };
    for start in targets {
        let matching: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.family() == entry.family && overlaps(f, start, entry.text.len()))
            .collect();
        if !must {
            if let Some(f) = matching.first() {
                return Some(format!(
                    "{} reported on {:?}: {}",
                    f.rule,
                    &text[f.span.clone()],
                    f.message
                ));
            }
            continue;
        }
        if matching.is_empty() {
            return Some(format!("no {} finding on {:?}", entry.family, entry.text));
        }
        if let Some(want) = &entry.suggest {
            let ok = matching.iter().any(|f| match entry.first {
                true => f
                    .suggestions
                    .first()
                    .is_some_and(|s| s.contains(want.as_str())),
                false => f.suggestions.iter().any(|s| s.contains(want.as_str())),
            });
            if !ok {
                let got: Vec<_> = matching
                    .iter()
                    .map(|f| (f.rule, f.suggestions.clone()))
                    .collect();
                return Some(format!(
                    "{:?}: want suggestion {want:?}{}, got {got:?}",
                    entry.text,
                    if entry.first { " first" } else { "" }
                ));
            }
        }
    }
    None
}

fn run(path: &Path, facts: Option<&Facts>) -> (String, Vec<Finding>) {
    let text = std::fs::read_to_string(path).unwrap();
    let config = Config::default();
    let ctx = Context {
        suggestions: Default::default(),
        config: &config,
        facts,
        published: None,
    };
    let findings = copydesk::check(&text, Markup::from_path(path), &ctx);
    (text, findings)
}

fn fixture_drafts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut drafts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .filter(|p| p.with_extension("expected.toml").exists())
        .collect();
    drafts.sort();
    drafts
}

#[test]
fn fixture_drafts_meet_their_expectations() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for draft in fixture_drafts() {
        let name = draft.file_stem().unwrap().to_str().unwrap().to_string();
        let expected: Expected = toml::from_str(
            &std::fs::read_to_string(draft.with_extension("expected.toml")).unwrap(),
        )
        .unwrap();
        let facts_path = draft.with_extension("facts.toml");
        let facts = facts_path
            .exists()
            .then(|| Facts::load(&facts_path).unwrap());
        let mut runs = vec![(
            "without facts",
            None,
            vec![(&expected.must, true), (&expected.must_not, false)],
        )];
        if let Some(facts) = &facts {
            runs.push((
                "with facts",
                Some(facts),
                vec![
                    (&expected.must, true),
                    (&expected.must_not, false),
                    (&expected.facts, true),
                    (&expected.facts_not, false),
                ],
            ));
        }
        for (label, facts, groups) in runs {
            let (text, findings) = run(&draft, facts);
            for (entries, must) in groups {
                for entry in entries {
                    checked += 1;
                    let problem = verify(&text, &findings, entry, must);
                    let pending = PENDING.contains(&(
                        name.as_str(),
                        entry.family.as_str(),
                        entry.text.as_str(),
                    ));
                    match (problem, pending) {
                        (Some(p), false) => failures.push(format!("{name} ({label}): {p}")),
                        (None, true) if must => failures.push(format!(
                            "{name} ({label}): {:?} ({}) now passes: remove it from PENDING",
                            entry.text, entry.family
                        )),
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(checked > 0, "no fixture entries found");
    assert!(
        failures.is_empty(),
        "{} fixture problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
