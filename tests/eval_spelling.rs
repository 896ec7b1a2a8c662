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
    assert!(flagged >= 0.97, "flagged {flagged:.3}: {report:?}");
    assert!(first >= 0.85, "correction first {first:.3}: {report:?}");
    assert!(top5 >= 0.91, "correction in top five {top5:.3}: {report:?}");
}

#[test]
fn clean_prose_stays_below_its_false_alarm_ceiling() {
    let report = evaluate_clean(&corpus("clean-dev"), None, Language::EnUs)
        .expect("clean-dev is in the repository");
    assert!(report.words > 25_000, "{} words", report.words);
    assert!(
        report.per_10k_words() <= 10.0,
        "{:.2} false alarms per 10,000 words: {:?}",
        report.per_10k_words(),
        report.all
    );
    // The published typos the corpus marks are found.
    assert!(report.hits >= 3, "{} known typos found", report.hits);
}
