//! `copydesk eval attribution`: accuracy of the attribution checks on a labelled corpus.
//!
//! A corpus is a folder of `NAME.txt` drafts, each with `NAME.labels.toml` (format in
//! `tests/corpus/claims-dev/README.md`): spans of exact text with a label from
//! `tests/corpus/CLAIMS.md`. A finding matches a span when their byte ranges overlap.
//!
//! - Precision: `attribution.*` findings that overlap a flagged span (`unattributed`,
//!   `weasel`, `orphan-quote`) / findings that overlap any labelled span. Findings in
//!   unlabelled text (headlines, datelines) are ignored.
//! - Recall: flagged spans overlapped by a finding / all flagged spans.
//!
//! The baseline is the weasel-phrase list alone, matched everywhere with no context.

use crate::checks::attribution::weasel_baseline;
use crate::config::{Config, Sensitivity};
use crate::text::{Analysis, Markup};
use crate::{Context, check_analysis};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Arguments of `copydesk eval attribution`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder (default: tests/corpus/claims-dev).
    #[arg(value_name = "DIR")]
    pub corpus: Option<std::path::PathBuf>,
    /// Sensitivity to evaluate at.
    #[arg(long, value_enum, default_value = "normal")]
    pub sensitivity: SensitivityArg,
    /// Print only the figures, not the misses and false alarms.
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum SensitivityArg {
    Relaxed,
    Normal,
    Strict,
}

impl From<SensitivityArg> for Sensitivity {
    fn from(value: SensitivityArg) -> Self {
        match value {
            SensitivityArg::Relaxed => Sensitivity::Relaxed,
            SensitivityArg::Normal => Sensitivity::Normal,
            SensitivityArg::Strict => Sensitivity::Strict,
        }
    }
}

/// Labels that should draw a finding.
pub const FLAGGED: &[&str] = &["unattributed", "weasel", "orphan-quote"];
/// Every label of the guide.
pub const LABELS: &[&str] = &[
    "attributed",
    "unattributed",
    "weasel",
    "orphan-quote",
    "opinion",
    "plain",
];

#[derive(Debug, Deserialize)]
struct LabelFile {
    #[allow(dead_code)]
    source: String,
    #[allow(dead_code)]
    license: String,
    #[serde(default, rename = "label")]
    labels: Vec<LabelEntry>,
}

#[derive(Debug, Deserialize)]
struct LabelEntry {
    text: String,
    label: String,
    nth: Option<usize>,
}

/// A labelled span resolved in its draft.
#[derive(Clone, Debug)]
pub struct Span {
    pub file: String,
    pub range: Range<usize>,
    pub label: String,
    pub text: String,
}

/// A finding as scored: which labels it overlaps.
#[derive(Clone, Debug)]
pub struct Scored {
    pub file: String,
    pub rule: String,
    pub text: String,
    /// Labels of the spans it overlaps (empty: outside labelled text, ignored).
    pub labels: Vec<String>,
}

impl Scored {
    fn hit(&self) -> bool {
        self.labels.iter().any(|l| FLAGGED.contains(&l.as_str()))
    }
    fn counted(&self) -> bool {
        !self.labels.is_empty()
    }
}

/// The figures of one system (the checks, or the baseline) on a corpus.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Findings overlapping a labelled span.
    pub counted: usize,
    /// Of those, overlapping a flagged span.
    pub hits: usize,
    pub flagged_spans: usize,
    pub found_spans: usize,
    /// Per flagged label: (spans, found).
    pub by_label: BTreeMap<String, (usize, usize)>,
    /// Per rule: (counted findings, hits).
    pub by_rule: BTreeMap<String, (usize, usize)>,
    /// False alarms by the label they fall on.
    pub false_alarms_on: BTreeMap<String, usize>,
    pub misses: Vec<Span>,
    pub false_alarms: Vec<Scored>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.counted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found_spans, self.flagged_spans)
    }
    /// Recall of one flagged label.
    pub fn label_recall(&self, label: &str) -> f64 {
        self.by_label.get(label).map_or(0.0, |&(n, f)| ratio(f, n))
    }
}

/// The evaluation of a corpus.
#[derive(Clone, Debug)]
pub struct Report {
    pub files: usize,
    pub spans: usize,
    pub spans_by_label: BTreeMap<String, usize>,
    pub checks: Score,
    pub baseline: Score,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Evaluates every labelled draft in `dir` at `sensitivity`.
pub fn evaluate(dir: &Path, sensitivity: Sensitivity) -> Result<Report, String> {
    let mut drafts: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read folder: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| p.with_extension("labels.toml").exists())
        .collect();
    drafts.sort();
    if drafts.is_empty() {
        return Err(format!(
            "{}: no NAME.txt with NAME.labels.toml",
            dir.display()
        ));
    }
    let config = Config {
        sensitivity,
        ..Config::default()
    };
    let ctx = Context::new(&config);
    let mut report = Report {
        files: drafts.len(),
        spans: 0,
        spans_by_label: BTreeMap::new(),
        checks: Score::default(),
        baseline: Score::default(),
    };
    for draft in &drafts {
        let name = draft
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let text =
            std::fs::read_to_string(draft).map_err(|e| format!("{}: {e}", draft.display()))?;
        let labels_path = draft.with_extension("labels.toml");
        let labels_text = std::fs::read_to_string(&labels_path)
            .map_err(|e| format!("{}: {e}", labels_path.display()))?;
        let labels: LabelFile =
            toml::from_str(&labels_text).map_err(|e| format!("{}: {e}", labels_path.display()))?;
        let spans = resolve(&name, &text, &labels.labels)
            .map_err(|e| format!("{}: {e}", labels_path.display()))?;
        report.spans += spans.len();
        for span in &spans {
            *report.spans_by_label.entry(span.label.clone()).or_default() += 1;
        }
        let analysis = Analysis::new(&text, Markup::Plain);
        let findings: Vec<(String, Range<usize>)> = check_analysis(&analysis, &ctx)
            .into_iter()
            .filter(|f| f.family() == "attribution")
            .map(|f| (f.rule.to_string(), f.span))
            .collect();
        let baseline: Vec<(String, Range<usize>)> = weasel_baseline(&analysis)
            .into_iter()
            .map(|r| ("weasel-list".to_string(), r))
            .collect();
        score(&mut report.checks, &name, &text, &spans, &findings);
        score(&mut report.baseline, &name, &text, &spans, &baseline);
    }
    Ok(report)
}

/// Resolves label texts to byte ranges: the `nth` occurrence (from 1), each search
/// starting one character after the previous hit, as the README specifies.
fn resolve(file: &str, text: &str, labels: &[LabelEntry]) -> Result<Vec<Span>, String> {
    labels
        .iter()
        .map(|entry| {
            if !LABELS.contains(&entry.label.as_str()) {
                return Err(format!("unknown label {:?}", entry.label));
            }
            let nth = entry.nth.unwrap_or(1).max(1);
            let mut from = 0;
            let mut found = None;
            for _ in 0..nth {
                let at = text
                    .get(from..)
                    .and_then(|rest| rest.find(&entry.text))
                    .map(|p| from + p)
                    .ok_or_else(|| format!("text not found: {:?}", entry.text))?;
                found = Some(at);
                from = at + text[at..].chars().next().map_or(1, char::len_utf8);
            }
            let start = found.ok_or_else(|| format!("text not found: {:?}", entry.text))?;
            Ok(Span {
                file: file.to_string(),
                range: start..start + entry.text.len(),
                label: entry.label.clone(),
                text: entry.text.clone(),
            })
        })
        .collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn score(
    score: &mut Score,
    file: &str,
    text: &str,
    spans: &[Span],
    findings: &[(String, Range<usize>)],
) {
    for span in spans.iter().filter(|s| FLAGGED.contains(&s.label.as_str())) {
        let found = findings.iter().any(|(_, r)| overlaps(r, &span.range));
        score.flagged_spans += 1;
        let entry = score.by_label.entry(span.label.clone()).or_default();
        entry.0 += 1;
        if found {
            score.found_spans += 1;
            entry.1 += 1;
        } else {
            score.misses.push(span.clone());
        }
    }
    for (rule, range) in findings {
        let labels: Vec<String> = spans
            .iter()
            .filter(|s| overlaps(&s.range, range))
            .map(|s| s.label.clone())
            .collect();
        let scored = Scored {
            file: file.to_string(),
            rule: rule.clone(),
            text: text.get(range.clone()).unwrap_or("").to_string(),
            labels,
        };
        if !scored.counted() {
            continue;
        }
        score.counted += 1;
        let per_rule = score.by_rule.entry(rule.clone()).or_default();
        per_rule.0 += 1;
        if scored.hit() {
            score.hits += 1;
            per_rule.1 += 1;
        } else {
            for label in &scored.labels {
                *score.false_alarms_on.entry(label.clone()).or_default() += 1;
            }
            score.false_alarms.push(scored);
        }
    }
}

/// The printed report.
pub fn render(report: &Report, corpus: &Path, sensitivity: Sensitivity, details: bool) -> String {
    let mut out = String::new();
    let (c, b) = (&report.checks, &report.baseline);
    let _ = writeln!(
        out,
        "attribution evaluation: {} ({} files, {} labelled spans, {} flagged), sensitivity {:?}",
        corpus.display(),
        report.files,
        report.spans,
        c.flagged_spans,
        sensitivity
    );
    let labels: Vec<String> = report
        .spans_by_label
        .iter()
        .map(|(l, n)| format!("{l}={n}"))
        .collect();
    let _ = writeln!(out, "labels: {}\n", labels.join(" "));
    let _ = writeln!(out, "{:<28} {:>10} {:>10}", "", "checks", "weasel-list");
    let _ = writeln!(
        out,
        "{:<28} {:>10.3} {:>10.3}",
        "precision (flagged labels)",
        c.precision(),
        b.precision()
    );
    let _ = writeln!(
        out,
        "{:<28} {:>10.3} {:>10.3}",
        "recall (flagged labels)",
        c.recall(),
        b.recall()
    );
    let _ = writeln!(
        out,
        "{:<28} {:>10} {:>10}",
        "findings scored / hits",
        format!("{}/{}", c.counted, c.hits),
        format!("{}/{}", b.counted, b.hits)
    );
    for label in FLAGGED {
        let (n, f) = c.by_label.get(*label).copied().unwrap_or_default();
        let (_, bf) = b.by_label.get(*label).copied().unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<28} {:>10} {:>10}",
            format!("recall {label} ({n})"),
            format!("{:.3} ({f})", ratio(f, n)),
            format!("{:.3} ({bf})", ratio(bf, n))
        );
    }
    let _ = writeln!(
        out,
        "\nper rule (findings on labelled text, hits, precision):"
    );
    for (rule, (n, h)) in &c.by_rule {
        let _ = writeln!(out, "  {rule:<28} {n:>4} {h:>4} {:>7.3}", ratio(*h, *n));
    }
    let alarms: Vec<String> = c
        .false_alarms_on
        .iter()
        .map(|(l, n)| format!("{l}={n}"))
        .collect();
    let _ = writeln!(out, "false alarms by label: {}", alarms.join(" "));
    if details {
        let _ = writeln!(out, "\nmisses ({}):", c.misses.len());
        for miss in &c.misses {
            let _ = writeln!(out, "  {} [{}] {}", miss.file, miss.label, miss.text);
        }
        let _ = writeln!(out, "\nfalse alarms ({}):", c.false_alarms.len());
        for alarm in &c.false_alarms {
            let _ = writeln!(
                out,
                "  {} [{} on {}] {}",
                alarm.file,
                alarm.rule,
                alarm.labels.join("+"),
                alarm.text
            );
        }
    }
    out
}

/// Runs the evaluation and prints its report; returns the exit code.
pub fn run(args: &Args) -> i32 {
    let corpus = args
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from("tests/corpus/claims-dev"));
    let sensitivity = Sensitivity::from(args.sensitivity);
    match evaluate(&corpus, sensitivity) {
        Ok(report) => {
            let text = render(&report, &corpus, sensitivity, !args.quiet);
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()) {
                Ok(()) => 0,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                Err(e) => {
                    eprintln!("copydesk: cannot write output: {e}");
                    2
                }
            }
        }
        Err(message) => {
            eprintln!("copydesk: error: {message}");
            2
        }
    }
}
