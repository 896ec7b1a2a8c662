//! Regression floors for the spelling checks on the development data (see
//! `copydesk eval spelling` for the full figures). The pairs are a fixed sample so that
//! this runs in seconds in a debug build: every 10th line of
//! `tests/corpus/misspellings/sample.tsv` (itself every 40th pair of `pairs.tsv`).

use copydesk::config::Language;
use copydesk::eval::spelling::{evaluate_clean, evaluate_pairs};
use std::path::Path;

fn corpus(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(path)
}

#[test]
fn misspelling_pairs_stay_above_their_floors() {
    let sample = std::fs::read_to_string(corpus("misspellings/sample.tsv"))
        .expect("sample.tsv is in the repository");
    let pairs: String = sample
        .lines()
        .filter(|l| !l.starts_with('#'))
        .step_by(10)
        .map(|l| format!("{l}\n"))
        .collect();
    let report = evaluate_pairs(&pairs, Language::EnUs, 0);
    assert!(report.kept >= 120, "{report:?}");
    let (flagged, first, top5) = (
        report.share(report.flagged),
        report.share(report.first),
        report.share(report.top5),
    );
    assert!(flagged >= 0.98, "flagged {flagged:.3}: {report:?}");
    assert!(first >= 0.89, "correction first {first:.3}: {report:?}");
    assert!(
        top5 >= 0.935,
        "correction in top five {top5:.3}: {report:?}"
    );
}

/// False alarms per 10,000 words on a clean folder stay at or below `ceiling`, and the
/// typos it really contains are found.
fn assert_clean(folder: &str, known: Option<&Path>, min_words: usize, ceiling: f64, hits: usize) {
    let report = evaluate_clean(&corpus(folder), known, Language::EnUs)
        .unwrap_or_else(|e| panic!("{folder} is in the repository: {e}"));
    assert!(report.words > min_words, "{} words", report.words);
    assert!(
        report.per_10k_words() <= ceiling,
        "{folder}: {:.2} false alarms per 10,000 words: {:?}",
        report.per_10k_words(),
        report.all
    );
    assert!(
        report.hits >= hits,
        "{folder}: {} known typos found",
        report.hits
    );
}

#[test]
fn clean_prose_stays_below_its_false_alarm_ceiling() {
    // The published typos the corpus marks are found.
    assert_clean("clean-dev", None, 25_000, 1.0, 3);
}

#[test]
fn news_prose_stays_below_its_false_alarm_ceiling() {
    // A second clean folder (the names evaluation's Wikinews articles), with the typos
    // they really contain listed beside clean-dev's.
    let known = corpus("clean-dev/KNOWN_TYPOS.tsv");
    assert_clean("news", Some(&known), 5_000, 1.0, 3);
}
