//! `copydesk eval names`: how many injected name and age faults the `names` and `ages`
//! checks catch in real articles, and how many false alarms they raise on the untouched
//! text.
//!
//! Faults are injected one per copy of an article, deterministically from `--seed`, by
//! patterns that do not use the checker's own person finder:
//!
//! - **age conflict**: a person the text gives an age (`Name, 19,`, `Name, a 14-year-old`,
//!   `19-year-old Name`, `Name (19)`, `Name, aged 19`) gets a second, different age at a
//!   later mention of the surname followed by a lower-case word (`Montalvo, 23, was
//!   charged`). Caught when an `ages.conflict` finding covers the injected number.
//! - **name variant**: a surname of five letters or more, of a person named in full
//!   (`First Last`, first name from the census list), gets one letter dropped, doubled,
//!   swapped with the next or substituted at a later mention; the result must not be a
//!   word of the corpus written in lower case nor a first name (the corpus stands in for
//!   a dictionary). Caught when a `names.variant-spelling` finding covers it.
//! - **first-name conflict**: a person named in full at least twice gets another first
//!   name (from the census list, another initial, not used in the article) at a later
//!   full mention. Caught when a `names.conflict` finding covers it.
//!
//! Rates come with 95% Wilson score intervals.

use crate::checks::ages::Ages;
use crate::checks::names::Names;
use crate::checks::{Check, all_rules};
use crate::text::people::is_given_name;
use crate::{Analysis, Config, Context, Finding, Markup};
use regex::Regex;
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Arguments of `copydesk eval names`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder with a MANIFEST.tsv (default: tests/corpus/news).
    #[arg(value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Seed for the injected faults.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Also print each missed fault (article and text around it) to standard error.
    #[arg(long)]
    pub misses: bool,
}

/// The three kinds of injected fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FaultKind {
    AgeConflict,
    NameVariant,
    FirstName,
}

impl FaultKind {
    pub fn label(self) -> &'static str {
        match self {
            FaultKind::AgeConflict => "second age for a person (ages.conflict)",
            FaultKind::NameVariant => "one-letter surname change (names.variant-spelling)",
            FaultKind::FirstName => "different first name (names.conflict)",
        }
    }

    fn rule(self) -> &'static str {
        match self {
            FaultKind::AgeConflict => "ages.conflict",
            FaultKind::NameVariant => "names.variant-spelling",
            FaultKind::FirstName => "names.conflict",
        }
    }
}

/// Counts for one fault kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detection {
    pub injected: usize,
    pub detected: usize,
    /// Articles that supplied at least one fault.
    pub articles: usize,
    /// Distinct places in the articles where faults were injected.
    pub sites: usize,
}

impl Detection {
    pub fn rate(&self) -> f64 {
        ratio(self.detected, self.injected)
    }

    pub fn interval(&self) -> (f64, f64) {
        wilson(self.detected, self.injected)
    }
}

/// The whole evaluation.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub detection: BTreeMap<FaultKind, Detection>,
    /// `names.*` and `ages.*` findings on the untouched articles, per rule.
    pub false_alarms: BTreeMap<&'static str, usize>,
    /// Articles with at least one such finding.
    pub articles_with_false_alarms: usize,
}

impl Report {
    pub fn detection(&self, kind: FaultKind) -> Detection {
        self.detection.get(&kind).cloned().unwrap_or_default()
    }

    pub fn total_false_alarms(&self) -> usize {
        self.false_alarms.values().sum()
    }

    pub fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "copydesk eval names: {} articles", self.articles)?;
        writeln!(out)?;
        writeln!(
            out,
            "{:<52} {:>8} {:>8} {:>7}  95% interval",
            "fault", "injected", "caught", "rate"
        )?;
        for (kind, d) in &self.detection {
            let (low, high) = d.interval();
            writeln!(
                out,
                "{:<52} {:>8} {:>8} {:>6.1}%  {:.1}%-{:.1}%  ({} places in {} articles)",
                kind.label(),
                d.injected,
                d.detected,
                100.0 * d.rate(),
                100.0 * low,
                100.0 * high,
                d.sites,
                d.articles
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "false alarms on the {} untouched articles:",
            self.articles
        )?;
        for (rule, count) in &self.false_alarms {
            writeln!(
                out,
                "  {rule:<28} {count:>4}  ({:.2} per article)",
                ratio(*count, self.articles)
            )?;
        }
        writeln!(
            out,
            "  {:<28} {:>4}  ({:.2} per article; {} articles with any)",
            "total",
            self.total_false_alarms(),
            ratio(self.total_false_alarms(), self.articles),
            self.articles_with_false_alarms
        )
    }
}

/// Runs the evaluation and prints its report; returns the exit code.
pub fn run(args: &Args) -> i32 {
    let dir = args
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from("tests/corpus/news"));
    match evaluate(&dir, args.seed, args.misses) {
        Ok(report) => {
            let stdout = std::io::stdout();
            match report.write(&mut stdout.lock()) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("copydesk: cannot write the report: {e}");
                    2
                }
            }
        }
        Err(message) => {
            eprintln!("copydesk: {message}");
            2
        }
    }
}

/// One article of the corpus.
pub struct Article {
    pub name: String,
    pub text: String,
    /// Typos the published text really has (from `KNOWN_TYPOS.tsv` beside it): a finding
    /// on one is a hit, not a false alarm.
    pub known_typos: Vec<String>,
}

/// Reads the articles a `MANIFEST.tsv` lists (first column: path relative to the folder).
pub fn load_corpus(dir: &Path) -> Result<Vec<Article>, String> {
    let manifest = dir.join("MANIFEST.tsv");
    let listing = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("{}: cannot read manifest: {e}", manifest.display()))?;
    listing
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next().filter(|f| !f.is_empty()))
        .map(|file| {
            let path = dir.join(file);
            std::fs::read_to_string(&path)
                .map(|text| Article {
                    name: file.to_string(),
                    text,
                    known_typos: known_typos(&path)
                        .into_iter()
                        .chain(known_errors(dir, file))
                        .collect(),
                })
                .map_err(|e| format!("{}: cannot read article: {e}", path.display()))
        })
        .collect()
}

/// Real errors in the published articles that the corpus documents itself
/// (`KNOWN_ERRORS.tsv` beside the manifest: file as in the manifest, text as published,
/// correction, why).
fn known_errors(dir: &Path, file: &str) -> Vec<String> {
    std::fs::read_to_string(dir.join("KNOWN_ERRORS.tsv"))
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut columns = line.split('\t');
            (columns.next() == Some(file)).then(|| columns.next().map(str::to_string))?
        })
        .collect()
}

/// The typos `KNOWN_TYPOS.tsv` (file, token as published, correction) lists for `path`.
fn known_typos(path: &Path) -> Vec<String> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    std::fs::read_to_string(dir.join("KNOWN_TYPOS.tsv"))
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut columns = line.split('\t');
            (columns.next() == Some(name)).then(|| columns.next().map(str::to_string))?
        })
        .collect()
}

/// Injects every fault the corpus allows and checks each copy.
pub fn evaluate(dir: &Path, seed: u64, show_misses: bool) -> Result<Report, String> {
    let articles = load_corpus(dir)?;
    let config = Config::default();
    let ctx = Context::new(&config);
    let dictionary = lower_case_words(&articles);
    let mut report = Report {
        articles: articles.len(),
        ..Report::default()
    };
    for rule in all_rules().filter(|r| r.id.starts_with("names.") || r.id.starts_with("ages.")) {
        report.false_alarms.insert(rule.id, 0);
    }
    for (index, article) in articles.iter().enumerate() {
        let found = names_and_ages(&article.text, &ctx);
        let mut any = false;
        for f in &found {
            let on_known_typo = article
                .known_typos
                .iter()
                .any(|t| article.text.get(f.span.clone()) == Some(t.as_str()));
            if on_known_typo {
                continue;
            }
            if let Some(count) = report.false_alarms.get_mut(f.rule) {
                *count += 1;
                any = true;
            }
        }
        report.articles_with_false_alarms += usize::from(any);
        let mut rng = SplitMix(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut faults = age_faults(&article.text, &mut rng);
        faults.extend(variant_faults(&article.text, &dictionary, &mut rng));
        faults.extend(first_name_faults(&article.text, &mut rng));
        let mut kinds_here = HashSet::new();
        let mut sites_here = HashSet::new();
        for fault in faults {
            if sites_here.insert((fault.kind, fault.site)) {
                report.detection.entry(fault.kind).or_default().sites += 1;
            }
            let findings = names_and_ages(&fault.text, &ctx);
            let caught = findings
                .iter()
                .any(|f| covers(f, fault.kind.rule(), &fault.span));
            if show_misses && !caught {
                let from = floor_char_boundary(&fault.text, fault.span.start.saturating_sub(70));
                let to =
                    floor_char_boundary(&fault.text, (fault.span.end + 40).min(fault.text.len()));
                eprintln!(
                    "missed {:?} in {}: {:?}",
                    fault.kind,
                    article.name,
                    &fault.text[from..to]
                );
            }
            let entry = report.detection.entry(fault.kind).or_default();
            entry.injected += 1;
            entry.detected += usize::from(caught);
            if kinds_here.insert(fault.kind) {
                entry.articles += 1;
            }
        }
    }
    Ok(report)
}

/// The findings of the `names` and `ages` checks alone: the other families do not bear
/// on these faults, and leaving them out keeps the evaluation fast.
fn names_and_ages(text: &str, ctx: &Context) -> Vec<Finding> {
    let analysis = Analysis::new(text, Markup::Plain);
    let checks: [&dyn Check; 2] = [&Ages, &Names];
    let mut findings = Vec::new();
    for check in checks {
        for paragraph in 0..analysis.paragraphs.len() {
            findings.extend(check.paragraph(&analysis, paragraph, ctx));
        }
        findings.extend(check.document(&analysis, ctx));
    }
    findings
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn covers(finding: &Finding, rule: &str, span: &Range<usize>) -> bool {
    finding.rule == rule && finding.span.start < span.end && span.start < finding.span.end
}

/// Ages and first names are few in news copy, so each place that can take an age or
/// first-name fault takes this many different ones (different ages, different names);
/// the report gives the number of distinct places as well.
const PER_SITE: usize = 5;
/// One-letter changes are many; each place takes two different ones.
const VARIANTS_PER_SITE: usize = 2;

/// One faulty copy of an article, with the span of the fault in it.
struct Fault {
    kind: FaultKind,
    /// Where in the untouched article the fault goes (distinct places are counted).
    site: usize,
    text: String,
    span: Range<usize>,
}

/// A person named in full: first name, surname and where the full name stands.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}\p{Ll}+) (?:\p{Lu}\. )?(\p{Lu}[\p{L}'-]*\p{Ll}[\p{L}-]*)")
        .expect("valid regex")
});

/// Ages next to a name, as newsrooms write them; group `age` is the number and `name`
/// the words whose last one is the surname.
static AGE_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let name = r"(?P<name>\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)*)";
    [
        format!(r"{name}, (?:aged )?(?P<age>\d{{1,3}}),"),
        format!(r"{name}, an? (?P<age>\d{{1,3}})-year-old"),
        format!(r"{name} \((?P<age>\d{{1,3}})\)"),
        format!(r"(?P<age>\d{{1,3}})-year-old {name}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid regex"))
    .collect()
});

fn age_faults(text: &str, rng: &mut SplitMix) -> Vec<Fault> {
    let mut faults = Vec::new();
    let mut seen = HashSet::new();
    for pattern in AGE_PATTERNS.iter() {
        for caps in pattern.captures_iter(text) {
            let (Some(name), Some(age)) = (caps.name("name"), caps.name("age")) else {
                continue;
            };
            let Some(surname) = name.as_str().split(' ').next_back() else {
                continue;
            };
            let Ok(years) = age.as_str().parse::<i32>() else {
                continue;
            };
            if !seen.insert((surname.to_string(), age.start())) {
                continue;
            }
            let after = caps.get(0).map_or(0, |m| m.end());
            for at in later_mentions(text, surname, after) {
                // Only where an age reads naturally: the surname then a lower-case word.
                let rest = &text[at + surname.len()..];
                if !rest.starts_with(' ')
                    || !rest[1..].chars().next().is_some_and(char::is_lowercase)
                {
                    continue;
                }
                let mut used = HashSet::new();
                while used.len() < PER_SITE {
                    let delta = 1 + (rng.next() % 12) as i32;
                    let other = if rng.next().is_multiple_of(2) || years <= delta {
                        years + delta
                    } else {
                        years - delta
                    };
                    if !used.insert(other) {
                        continue;
                    }
                    let insert_at = at + surname.len();
                    let mut faulty = text.to_string();
                    faulty.insert_str(insert_at, &format!(", {other},"));
                    let number_start = insert_at + 2;
                    faults.push(Fault {
                        kind: FaultKind::AgeConflict,
                        site: at,
                        text: faulty,
                        span: number_start..number_start + other.to_string().len(),
                    });
                }
            }
        }
    }
    faults
}

/// Whether a capitalised word that does not start its sentence, and is not a first
/// name, stands right before `at` (`El-Hassan Mohamed`, `the Andy Warhol`: not `Then
/// Daniel Montalvo`, not `Daniel Montalvo`).
fn capitalised_word_before(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let word_start = before.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let word = &before[word_start..];
    let earlier = before[..word_start].trim_end();
    let starts_sentence = earlier.is_empty() || earlier.ends_with(['.', '!', '?', '"', '”', '\n']);
    word.chars().next().is_some_and(char::is_uppercase) && !starts_sentence && !is_given_name(word)
}

/// Byte offsets of whole-word, capitalised uses of `surname` after `from`.
fn later_mentions(text: &str, surname: &str, from: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut start = from;
    while let Some(pos) = text.get(start..).and_then(|t| t.find(surname)) {
        let at = start + pos;
        let before = text[..at].chars().next_back();
        let after = text[at + surname.len()..].chars().next();
        // A person's name, not part of a longer one (`Warhol Foundation`, `Warhol-like`).
        let rest = &text[at + surname.len()..];
        let in_longer_name = rest.starts_with('-')
            || rest
                .strip_prefix(' ')
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase);
        if !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && !in_longer_name
            && !capitalised_word_before(text, at)
        {
            found.push(at);
        }
        start = at + surname.len();
    }
    found
}

/// Full names (`First Last`, first name from the census list), by first appearance,
/// with the spans of their uses as a person's name: not inside a longer capitalised run
/// (`Andy Warhol Foundation`, `Johnson Space Center`) and not a surname-first name
/// (`Lee Cheuk-yan`).
fn full_names(text: &str) -> Vec<(String, String, Vec<Range<usize>>)> {
    let mut names: Vec<(String, String, Vec<Range<usize>>)> = Vec::new();
    let mut from = 0;
    while let Some(caps) = FULL_NAME.captures_at(text, from) {
        let (Some(first), Some(last)) = (caps.get(1), caps.get(2)) else {
            break;
        };
        // Overlapping matches: `Then Daniel Montalvo` must still find `Daniel Montalvo`.
        from = last.start();
        let capitalised_before = capitalised_word_before(text, first.start());
        let capitalised_after = text[last.end()..]
            .strip_prefix(' ')
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        // `Lee Cheuk-yan`, `Lee Min-Woo`: East Asian names put the surname first.
        let surname_first = last.as_str().contains('-');
        if !is_given_name(first.as_str())
            || is_given_name(last.as_str())
            || capitalised_before
            || capitalised_after
            || surname_first
        {
            continue;
        }
        from = last.end();
        match names
            .iter_mut()
            .find(|(f, l, _)| f == first.as_str() && l == last.as_str())
        {
            Some(entry) => entry.2.push(first.start()..last.end()),
            None => {
                let spans = std::iter::once(first.start()..last.end()).collect();
                names.push((first.as_str().to_string(), last.as_str().to_string(), spans));
            }
        }
    }
    names
}

fn variant_faults(text: &str, dictionary: &HashSet<String>, rng: &mut SplitMix) -> Vec<Fault> {
    let mut faults = Vec::new();
    for (_, surname, spans) in full_names(text) {
        if surname.chars().count() < 5 || !surname.chars().all(char::is_alphabetic) {
            continue;
        }
        for at in later_mentions(text, &surname, spans[0].end) {
            let mut used = HashSet::new();
            for _ in 0..20 {
                if used.len() == VARIANTS_PER_SITE {
                    break;
                }
                let Some(changed) = one_letter_change(&surname, rng) else {
                    continue;
                };
                if dictionary.contains(&changed.to_lowercase())
                    || is_given_name(&changed)
                    || text.contains(&changed)
                    || !used.insert(changed.clone())
                {
                    continue;
                }
                let mut faulty = text.to_string();
                faulty.replace_range(at..at + surname.len(), &changed);
                faults.push(Fault {
                    kind: FaultKind::NameVariant,
                    site: at,
                    text: faulty,
                    span: at..at + changed.len(),
                });
            }
        }
    }
    faults
}

/// Drops, doubles, swaps (with the next) or substitutes one letter after the first.
fn one_letter_change(word: &str, rng: &mut SplitMix) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let at = 1 + (rng.next() as usize) % (n - 1);
    match rng.next() % 4 {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        2 if at + 1 < n => chars.swap(at, at + 1),
        2 => chars.swap(at - 1, at),
        _ => {
            let letters = "abcdefghijklmnopqrstuvwxyz";
            let pick = letters.chars().nth((rng.next() % 26) as usize)?;
            chars[at] = pick;
        }
    }
    let changed: String = chars.into_iter().collect();
    (changed != word).then_some(changed)
}

fn first_name_faults(text: &str, rng: &mut SplitMix) -> Vec<Fault> {
    let given: Vec<&str> = GIVEN_POOL.to_vec();
    let mut faults = Vec::new();
    for (first, _, spans) in full_names(text) {
        if spans.len() < 2 {
            continue;
        }
        for span in &spans[1..] {
            let initial = first.chars().next();
            let mut used = HashSet::new();
            for _ in 0..40 {
                if used.len() == PER_SITE {
                    break;
                }
                let replacement = given[(rng.next() as usize) % given.len()];
                if replacement.chars().next() == initial
                    || text.contains(replacement)
                    || !used.insert(replacement)
                {
                    continue;
                }
                let mut faulty = text.to_string();
                faulty.replace_range(span.start..span.start + first.len(), replacement);
                faults.push(Fault {
                    kind: FaultKind::FirstName,
                    site: span.start,
                    text: faulty,
                    span: span.start..span.start + replacement.len(),
                });
            }
        }
    }
    faults
}

/// Replacement first names: common ones, so that the fault is a plausible slip.
static GIVEN_POOL: &[&str] = &[
    "James",
    "John",
    "Robert",
    "Michael",
    "William",
    "David",
    "Richard",
    "Charles",
    "Joseph",
    "Thomas",
    "Mary",
    "Patricia",
    "Linda",
    "Barbara",
    "Elizabeth",
    "Jennifer",
    "Maria",
    "Susan",
    "Margaret",
    "Dorothy",
    "Lisa",
    "Nancy",
    "Karen",
    "Betty",
    "Helen",
    "Sandra",
    "Donna",
    "Carol",
    "Ruth",
    "Sharon",
    "Daniel",
    "Paul",
    "Mark",
    "Donald",
    "George",
    "Kenneth",
    "Steven",
    "Edward",
    "Brian",
    "Ronald",
    "Anthony",
    "Kevin",
    "Jason",
    "Jeff",
];

/// Every word written in lower case somewhere in the corpus: the dictionary stand-in.
fn lower_case_words(articles: &[Article]) -> HashSet<String> {
    articles
        .iter()
        .flat_map(|a| a.text.split(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// 95% Wilson score interval for `successes` out of `trials`.
pub fn wilson(successes: usize, trials: usize) -> (f64, f64) {
    if trials == 0 {
        return (0.0, 1.0);
    }
    let z = 1.96_f64;
    let n = trials as f64;
    let p = successes as f64 / n;
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// SplitMix64: a small, fixed generator, so that a seed gives the same faults everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_interval_matches_known_values() {
        let (low, high) = wilson(95, 100);
        assert!((low - 0.8882).abs() < 0.001, "{low}");
        assert!((high - 0.9785).abs() < 0.001, "{high}");
        assert_eq!(wilson(0, 0), (0.0, 1.0));
    }

    #[test]
    fn injects_age_at_a_later_natural_mention() {
        let text = "Daniel Montalvo, 19, was arrested. Montalvo was charged. Montalvo's bail.";
        let faults = age_faults(text, &mut SplitMix(7));
        assert_eq!(faults.len(), PER_SITE);
        let ages: HashSet<&str> = faults.iter().map(|f| &f.text[f.span.clone()]).collect();
        assert_eq!(ages.len(), PER_SITE, "each copy gets another age");
        let f = &faults[0];
        assert!(f.text.contains("Montalvo, "), "{}", f.text);
        let age: i32 = f.text[f.span.clone()].parse().unwrap();
        assert_ne!(age, 19);
        assert!(f.text[..f.span.start].ends_with("arrested. Montalvo, "));
    }

    #[test]
    fn variants_are_one_letter_and_not_words() {
        let text = "Daniel Montalvo spoke. Later Montalvo left.";
        let dictionary = HashSet::new();
        let faults = variant_faults(text, &dictionary, &mut SplitMix(3));
        assert_eq!(faults.len(), VARIANTS_PER_SITE);
        let changed = &faults[0].text[faults[0].span.clone()];
        assert_ne!(changed, "Montalvo");
        assert!(crate::checks::names::one_edit_apart(changed, "Montalvo"));
    }

    #[test]
    fn first_names_change_only_in_later_full_mentions() {
        let text = "Daniel Montalvo spoke. Then Daniel Montalvo left.";
        let faults = first_name_faults(text, &mut SplitMix(5));
        assert_eq!(faults.len(), PER_SITE);
        assert!(faults[0].text.starts_with("Daniel Montalvo spoke. Then "));
        assert!(!faults[0].text[faults[0].span.clone()].starts_with('D'));
    }
}
