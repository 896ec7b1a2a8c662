//! Regression floors for `copydesk eval names` (issue 4's targets), on the news corpus
//! with the default seed: the injected faults must keep being caught and the untouched
//! articles must stay quiet.

use copydesk::eval::names::{FaultKind, evaluate};
use std::path::Path;

#[test]
fn names_and_ages_meet_the_issue_targets_on_the_news_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news");
    let report = evaluate(&dir, 1, false).expect("corpus loads");
    assert!(report.articles >= 30, "{} articles", report.articles);
    let floors = [
        (FaultKind::AgeConflict, 0.95),
        (FaultKind::NameVariant, 0.90),
        (FaultKind::FirstName, 0.90),
    ];
    for (kind, floor) in floors {
        let d = report.detection(kind);
        assert!(d.injected >= 100, "{kind:?}: only {} faults", d.injected);
        assert!(
            d.rate() >= floor,
            "{kind:?}: {}/{} caught, floor {floor}",
            d.detected,
            d.injected
        );
    }
    // At most one false alarm per 20 untouched articles.
    assert!(
        report.total_false_alarms() * 20 <= report.articles,
        "{} false alarms on {} articles: {:?}",
        report.total_false_alarms(),
        report.articles,
        report.false_alarms
    );
}
