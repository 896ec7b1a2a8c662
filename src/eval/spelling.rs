//! `copydesk eval spelling`: accuracy and speed of the spelling checks.
//!
//! - Misspelling pairs (`misspelling<TAB>correction`): the share flagged, and the share
//!   whose correction comes first and in the top five, for copydesk's ranking and for the
//!   plain speller's own suggestions side by side. Pairs are kept only when the
//!   dictionary rejects the misspelling and accepts the correction; N is reported.
//! - Folders of clean prose: false alarms per 10,000 words (whitespace tokens) and the
//!   20 most frequent. A finding on a token listed for its file in `KNOWN_TYPOS.tsv` (the
//!   folder's own, or the one given with `--known`) is a hit, not a false alarm.
//! - `--speed`: dictionary load time, and the spelling family's time on a 1 MB draft.
//!
//! The same functions back the regression floors in `tests/eval_spelling.rs`.

use crate::checks::Check;
use crate::checks::spelling::{Spelling, dictionary_accepts, plain_suggestions};
use crate::config::{Config, Language};
use crate::text::{Analysis, Markup};
use crate::{Context, check};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Arguments of `copydesk eval spelling`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Misspelling pairs file (`misspelling<TAB>correction` per line).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "tests/corpus/misspellings/pairs.tsv"
    )]
    pub pairs: PathBuf,
    /// Folder of clean prose (`*.txt`, `*.md`; not `README.md`); repeat for several,
    /// each reported on its own. The first also makes the speed draft.
    #[arg(
        long,
        value_name = "DIR",
        default_values = ["tests/corpus/clean-dev", "tests/corpus/news"]
    )]
    pub clean: Vec<PathBuf>,
    /// Typos the clean texts really contain (`file<TAB>token`), read besides each
    /// folder's own `KNOWN_TYPOS.tsv`: a finding on one is a hit, not a false alarm.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "tests/corpus/clean-dev/KNOWN_TYPOS.tsv"
    )]
    pub known: PathBuf,
    /// Also time the dictionary load and the spelling checks on a 1 MB draft built from
    /// the clean folder (use a release build).
    #[arg(long)]
    pub speed: bool,
    /// Run the plain speller on every Nth kept pair only (0: never); its own suggestion
    /// algorithm takes ~40 ms a word.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub plain_every: usize,
    /// Print this many flagged pairs whose correction is not in the top five.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_misses: usize,
    /// Language of the dictionary.
    #[arg(long, default_value = "en-US", value_parser = parse_language)]
    pub language: Language,
}

fn parse_language(s: &str) -> Result<Language, String> {
    match s {
        "en-US" => Ok(Language::EnUs),
        "en-GB" => Ok(Language::EnGb),
        _ => Err(format!("unknown language {s:?} (en-US or en-GB)")),
    }
}

/// Results on misspelling pairs.
#[derive(Clone, Debug, Default)]
pub struct PairReport {
    /// Pairs in the file.
    pub read: usize,
    /// Pairs kept: misspelling rejected, correction accepted (N).
    pub kept: usize,
    pub flagged: usize,
    pub first: usize,
    pub top5: usize,
    /// Pairs on which the plain speller was also run (every `plain_every`-th kept pair:
    /// its own suggestion algorithm takes ~40 ms a word).
    pub plain_kept: usize,
    pub plain_first: usize,
    pub plain_top5: usize,
    /// copydesk on the same pairs as the plain speller.
    pub same_first: usize,
    pub same_top5: usize,
    /// Flagged pairs whose correction is not in the top five: (misspelling, correction,
    /// our suggestions).
    pub misses: Vec<(String, String, Vec<String>)>,
}

impl PairReport {
    pub fn share(&self, count: usize) -> f64 {
        if self.kept == 0 {
            0.0
        } else {
            count as f64 / self.kept as f64
        }
    }

    pub fn plain_share(&self, count: usize) -> f64 {
        if self.plain_kept == 0 {
            0.0
        } else {
            count as f64 / self.plain_kept as f64
        }
    }
}

/// Evaluates copydesk on `misspelling<TAB>correction` lines, and the plain speller on
/// every `plain_every`-th kept pair (0: never).
pub fn evaluate_pairs(pairs: &str, language: Language, plain_every: usize) -> PairReport {
    let config = Config {
        language,
        ..Config::default()
    };
    let ctx = Context::new(&config);
    let mut report = PairReport::default();
    for line in pairs.lines().filter(|l| !l.starts_with('#')) {
        let Some((typo, correction)) = line.split_once('\t') else {
            continue;
        };
        let (typo, correction) = (typo.trim(), correction.trim());
        report.read += 1;
        if dictionary_accepts(language, typo) || !dictionary_accepts(language, correction) {
            continue;
        }
        report.kept += 1;
        let findings = check(typo, Markup::Plain, &ctx);
        let mut ours = None;
        if let Some(finding) = findings.iter().find(|f| f.family() == "spelling") {
            report.flagged += 1;
            ours = finding.suggestions.iter().position(|s| s == correction);
            report.first += usize::from(ours == Some(0));
            report.top5 += usize::from(ours.is_some_and(|p| p < 5));
            if ours.is_none_or(|p| p >= 5) {
                report.misses.push((
                    typo.to_string(),
                    correction.to_string(),
                    finding.suggestions.clone(),
                ));
            }
        }
        if plain_every == 0 || (report.kept - 1) % plain_every != 0 {
            continue;
        }
        report.plain_kept += 1;
        report.same_first += usize::from(ours == Some(0));
        report.same_top5 += usize::from(ours.is_some_and(|p| p < 5));
        let plain = plain_suggestions(language, typo);
        let position = plain.iter().position(|s| s == correction);
        report.plain_first += usize::from(position == Some(0));
        report.plain_top5 += usize::from(position.is_some_and(|p| p < 5));
    }
    report
}

/// Results on a folder of clean prose.
#[derive(Clone, Debug, Default)]
pub struct CleanReport {
    pub files: usize,
    /// Whitespace-separated tokens.
    pub words: usize,
    /// Spelling findings on tokens listed in `KNOWN_TYPOS.tsv`.
    pub hits: usize,
    pub false_alarms: usize,
    /// The most frequent false alarms (flagged text, count), most frequent first.
    pub top: Vec<(String, usize)>,
    /// Every false alarm: (file, flagged text, rule).
    pub all: Vec<(String, String, &'static str)>,
}

impl CleanReport {
    pub fn per_10k_words(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.false_alarms as f64 * 10_000.0 / self.words as f64
        }
    }
}

/// Runs every spelling rule on each `.txt` / `.md` file of `dir` (not `README.md`).
/// Typos listed in the folder's `KNOWN_TYPOS.tsv` or in `also_known` are hits.
pub fn evaluate_clean(
    dir: &Path,
    also_known: Option<&Path>,
    language: Language,
) -> std::io::Result<CleanReport> {
    let mut known = known_typos(&dir.join("KNOWN_TYPOS.tsv"));
    if let Some(path) = also_known {
        for (file, tokens) in known_typos(path) {
            known.entry(file).or_default().extend(tokens);
        }
    }
    let config = Config {
        language,
        ..Config::default()
    };
    let ctx = Context::new(&config);
    let mut report = CleanReport::default();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for path in drafts(dir)? {
        let text = std::fs::read_to_string(&path)?;
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let listed = known.get(&name);
        report.files += 1;
        report.words += text.split_whitespace().count();
        for finding in check(&text, Markup::from_path(&path), &ctx) {
            if finding.family() != "spelling" {
                continue;
            }
            let flagged = text.get(finding.span.clone()).unwrap_or("").to_string();
            let token = whitespace_token(&text, finding.span.start);
            let is_hit = listed.is_some_and(|l| l.contains(&flagged) || l.contains(token));
            if is_hit {
                report.hits += 1;
            } else {
                report.false_alarms += 1;
                *counts.entry(flagged.clone()).or_default() += 1;
                report.all.push((name.clone(), flagged, finding.rule));
            }
        }
    }
    let mut top: Vec<(String, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(20);
    report.top = top;
    Ok(report)
}

/// Text files of a folder, sorted.
fn drafts(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .filter(|p| p.file_name().is_none_or(|n| n != "README.md"))
        .collect();
    files.sort();
    Ok(files)
}

/// `KNOWN_TYPOS.tsv`: file -> tokens as published (stripped of punctuation).
fn known_typos(path: &Path) -> HashMap<String, HashSet<String>> {
    let mut known: HashMap<String, HashSet<String>> = HashMap::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        return known;
    };
    for line in text.lines().skip(1) {
        let mut fields = line.split('\t');
        if let (Some(file), Some(token)) = (fields.next(), fields.next()) {
            known
                .entry(file.to_string())
                .or_default()
                .insert(trim_punctuation(token).to_string());
        }
    }
    known
}

/// The whitespace-separated token around a byte offset, without surrounding punctuation.
fn whitespace_token(text: &str, offset: usize) -> &str {
    let start = text[..offset]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = text[offset..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| offset + i);
    trim_punctuation(&text[start..end])
}

fn trim_punctuation(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Timings of the spelling family.
#[derive(Clone, Debug)]
pub struct SpeedReport {
    pub dictionary_load: Duration,
    pub draft_bytes: usize,
    /// Loading the other word lists (the other variety's dictionary, word frequency,
    /// sound index, places, census names): once per process.
    pub word_lists: Duration,
    /// First run after the word lists are loaded, per-word caches cold (every distinct
    /// word looked up, every suggestion computed).
    pub cold: Duration,
    /// Second run on a fresh analysis of the same draft, word caches warm.
    pub warm: Duration,
    /// The draft-wide pass on 100,000 words with every paragraph's facts kept (what a
    /// server runs after an edit), median of five.
    pub document_100k: Duration,
}

/// Times the dictionary load (first use) and the spelling checks on a draft of at least
/// 1 MB made by repeating the clean folder's files. Only the spelling family is timed:
/// the shared analysis is built before the clock starts.
pub fn measure_speed(dir: &Path, language: Language) -> std::io::Result<SpeedReport> {
    let started = Instant::now();
    let _ = dictionary_accepts(language, "warm");
    let dictionary_load = started.elapsed();
    let mut pieces = Vec::new();
    for path in drafts(dir)? {
        pieces.push(std::fs::read_to_string(path)?);
    }
    let mut draft = String::new();
    while draft.len() < 1 << 20 && !pieces.is_empty() {
        for piece in &pieces {
            draft.push_str(piece);
            draft.push_str("\n\n");
        }
    }
    let config = Config {
        language,
        ..Config::default()
    };
    let ctx = Context::new(&config);
    let run = |analysis: &Analysis| {
        let started = Instant::now();
        let mut n = 0;
        for paragraph in 0..analysis.paragraphs.len() {
            n += Spelling.paragraph(analysis, paragraph, &ctx).len();
        }
        n += Spelling.document(analysis, &ctx).len();
        (started.elapsed(), n)
    };
    // Each run gets a fresh analysis, so nothing is kept with the paragraphs: "warm" is
    // a second draft checked by the same process (the word lists and per-word caches
    // loaded), not a re-run served from the paragraph memos.
    let first = Analysis::new(&draft, Markup::Plain);
    let started = Instant::now();
    crate::checks::spelling::load_dictionaries();
    let word_lists = started.elapsed();
    let (cold, _) = run(&first);
    let (warm, _) = run(&Analysis::new(&draft, Markup::Plain));
    // The draft-wide pass as a server runs it after an edit: 100,000 words, every
    // paragraph's facts already kept with its parts; the median of five runs.
    let mut words = 0;
    let mut end = 0;
    for (at, _) in draft.match_indices(' ') {
        words += 1;
        end = at;
        if words == 100_000 {
            break;
        }
    }
    let analysis = Analysis::new(&draft[..end], Markup::Plain);
    let _ = Spelling.document(&analysis, &ctx);
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let _ = Spelling.document(&analysis, &ctx);
            started.elapsed()
        })
        .collect();
    times.sort();
    Ok(SpeedReport {
        dictionary_load,
        draft_bytes: draft.len(),
        word_lists,
        cold,
        warm,
        document_100k: times[2],
    })
}

/// Runs the evaluation and prints its report; returns the exit code.
pub fn run(args: &Args) -> i32 {
    match report(args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("copydesk: eval spelling: {e}");
            2
        }
    }
}

fn report(args: &Args) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let mut out = std::io::stdout().lock();
    let speed = if args.speed {
        // Before anything else touches the dictionary, so its load is timed.
        let first = args.clean.first().context("no --clean folder")?;
        Some(measure_speed(first, args.language)?)
    } else {
        None
    };
    let pairs = std::fs::read_to_string(&args.pairs)
        .with_context(|| format!("cannot read {}", args.pairs.display()))?;
    let started = Instant::now();
    let p = evaluate_pairs(&pairs, args.language, args.plain_every);
    writeln!(
        out,
        "misspelling pairs: {} ({} read, N = {} kept)",
        args.pairs.display(),
        p.read,
        p.kept
    )?;
    writeln!(
        out,
        "  flagged                {:6.2}%",
        100.0 * p.share(p.flagged)
    )?;
    writeln!(
        out,
        "  correction first       {:6.2}%",
        100.0 * p.share(p.first)
    )?;
    writeln!(
        out,
        "  correction in top 5    {:6.2}%",
        100.0 * p.share(p.top5)
    )?;
    if p.plain_kept > 0 {
        writeln!(
            out,
            "  side by side on every {}th pair ({} pairs):",
            args.plain_every, p.plain_kept
        )?;
        writeln!(
            out,
            "                         copydesk   plain speller (Hunspell algorithm)"
        )?;
        writeln!(
            out,
            "  correction first       {:6.2}%    {:6.2}%",
            100.0 * p.plain_share(p.same_first),
            100.0 * p.plain_share(p.plain_first)
        )?;
        writeln!(
            out,
            "  correction in top 5    {:6.2}%    {:6.2}%",
            100.0 * p.plain_share(p.same_top5),
            100.0 * p.plain_share(p.plain_top5)
        )?;
    }
    writeln!(out, "  ({:.1} s)", started.elapsed().as_secs_f64())?;
    for (typo, correction, ours) in p.misses.iter().take(args.show_misses) {
        writeln!(out, "    miss  {typo} -> {correction}: {}", ours.join(", "))?;
    }
    for dir in &args.clean {
        let c = evaluate_clean(dir, Some(&args.known), args.language)
            .with_context(|| format!("cannot read {}", dir.display()))?;
        writeln!(
            out,
            "clean prose: {} ({} files, {} words)",
            dir.display(),
            c.files,
            c.words
        )?;
        writeln!(
            out,
            "  false alarms           {} ({:.2} per 10,000 words); known typos found: {}",
            c.false_alarms,
            c.per_10k_words(),
            c.hits
        )?;
        for (text, count) in &c.top {
            writeln!(out, "    {count:4}  {text}")?;
        }
    }
    if let Some(s) = speed {
        writeln!(
            out,
            "speed ({}):",
            if cfg!(debug_assertions) {
                "debug build: use --release"
            } else {
                "release build"
            }
        )?;
        writeln!(
            out,
            "  dictionary load        {:.1} ms",
            s.dictionary_load.as_secs_f64() * 1000.0
        )?;
        writeln!(
            out,
            "  other word lists load  {:.1} ms",
            s.word_lists.as_secs_f64() * 1000.0
        )?;
        writeln!(
            out,
            "  spelling, {:.2} MB draft: {:.1} ms cold (per-word caches empty), {:.1} ms warm",
            s.draft_bytes as f64 / (1 << 20) as f64,
            s.cold.as_secs_f64() * 1000.0,
            s.warm.as_secs_f64() * 1000.0
        )?;
        writeln!(
            out,
            "  draft-wide pass, 100,000 words, paragraphs kept: {:.2} ms",
            s.document_100k.as_secs_f64() * 1000.0
        )?;
    }
    Ok(())
}
