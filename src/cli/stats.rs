//! `--stats`: what a run covered and how long it took.

use super::report::FileReport;
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

pub struct Stats {
    files: usize,
    bytes: usize,
    words: usize,
    per_rule: BTreeMap<&'static str, usize>,
    elapsed: Duration,
}

impl Stats {
    pub fn of(reports: &[FileReport], elapsed: Duration) -> Self {
        let mut per_rule = BTreeMap::new();
        for f in reports.iter().flat_map(|r| &r.findings) {
            *per_rule.entry(f.rule).or_insert(0) += 1;
        }
        Self {
            files: reports.iter().filter(|r| r.error.is_none()).count(),
            bytes: reports.iter().map(|r| r.text.len()).sum(),
            words: reports
                .iter()
                .map(|r| r.text.split_whitespace().count())
                .sum(),
            per_rule,
            elapsed,
        }
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        let mb_per_s = if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        };
        writeln!(f, "files     {}", self.files)?;
        writeln!(f, "words     {}", self.words)?;
        writeln!(f, "bytes     {}", self.bytes)?;
        writeln!(f, "time      {:.1} ms ({mb_per_s:.1} MB/s)", secs * 1000.0)?;
        let total: usize = self.per_rule.values().sum();
        writeln!(f, "findings  {total}")?;
        for (rule, n) in &self.per_rule {
            writeln!(f, "  {n:>7}  {rule}")?;
        }
        Ok(())
    }
}
