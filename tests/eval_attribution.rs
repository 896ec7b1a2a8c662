//! Regression floors for the attribution checks on the development corpora (claims-dev,
//! claims-new, claims-dev2, claims-dev3 and claims-dev4), at sensitivity `normal`. The floors sit a little below the
//! measured figures (README, "Attribution"): a change that lowers them has to say why. The
//! held-out splits, tests/corpus/claims-test, claims-test2, claims-test3 and claims-test4,
//! are deliberately not run here.

use copydesk::config::Sensitivity;
use copydesk::eval::attribution::{Report, evaluate};
use std::path::Path;

fn corpus(name: &str) -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    match evaluate(&dir, Sensitivity::Normal) {
        Ok(report) => report,
        Err(e) => panic!("cannot evaluate {name}: {e}"),
    }
}

#[track_caller]
fn assert_floor(name: &str, what: &str, measured: f64, floor: f64) {
    assert!(
        measured >= floor,
        "{name}: {what} fell to {measured:.3}, below the floor {floor:.3}"
    );
}

/// Evaluates a corpus, checks its size (files, and flagged spans when pinned) and that
/// precision and recall stay at or above their floors.
fn holds(name: &str, files: usize, flagged: Option<usize>, precision: f64, recall: f64) -> Report {
    let report = corpus(name);
    assert_eq!(report.files, files, "{name}: files");
    if let Some(flagged) = flagged {
        assert_eq!(
            report.checks.flagged_spans, flagged,
            "{name}: flagged spans"
        );
    }
    assert_floor(name, "precision", report.checks.precision(), precision);
    assert_floor(name, "recall", report.checks.recall(), recall);
    report
}

#[test]
fn claims_dev_precision_and_recall_hold() {
    let report = holds("claims-dev", 10, Some(90), 0.87, 0.79);
    assert_floor(
        "claims-dev",
        "weasel recall",
        report.checks.label_recall("weasel"),
        0.70,
    );
}

#[test]
fn claims_new_precision_and_recall_hold() {
    holds("claims-new", 8, None, 0.82, 0.62);
}

#[test]
fn claims_dev2_precision_and_recall_hold() {
    holds("claims-dev2", 3, Some(11), 0.74, 0.78);
}

#[test]
fn claims_dev3_precision_and_recall_hold() {
    holds("claims-dev3", 3, Some(13), 0.79, 0.59);
}

/// Reference markers ("[4]") cite a document: the encyclopedia and academic texts of
/// claims-dev4 hold many, and a claim before one is attributed.
#[test]
fn claims_dev4_precision_and_recall_hold() {
    holds("claims-dev4", 2, Some(9), 0.45, 0.2);
}

#[test]
fn checks_beat_the_weasel_list_baseline_on_recall() {
    let report = corpus("claims-dev");
    assert!(report.checks.recall() > report.baseline.recall() + 0.3);
}
