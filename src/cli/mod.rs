//! `copydesk check`: the command-line front end.

pub mod args;
pub mod input;
pub mod report;
pub mod sarif;
mod stats;

use crate::config::{Config, ConfigError};
use crate::facts::Facts;
use crate::finding::Severity;
use crate::text::Markup;
use crate::{Context, check};
use args::{CheckArgs, ColorChoice, FailOn, Format, MarkupArg};
use input::{Loaded, Source};
use rayon::prelude::*;
use report::{FileReport, Style};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Exit codes.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// Runs `copydesk check` and returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    match run_inner(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("copydesk: error: {message}");
            EXIT_ERROR
        }
    }
}

/// One draft with everything needed to check it.
struct Job {
    source: Source,
    config: Arc<Config>,
    facts: Option<Arc<Facts>>,
    warnings: Vec<String>,
}

fn run_inner(args: &CheckArgs) -> Result<i32, String> {
    let started = Instant::now();
    let (sources, mut errors) = input::expand(&args.paths, &args.extensions);
    let jobs = plan(args, sources)?;
    let progress = progress_bar(jobs.len());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    // Checked in parallel, reported in the order given: `collect` keeps order.
    let reports: Vec<FileReport> = pool.install(|| {
        jobs.into_par_iter()
            .map(|job| {
                let report = check_one(job, args);
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                report
            })
            .collect()
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    errors.extend(reports.iter().filter_map(|r| r.error.clone()));
    emit(args, &reports, &errors).map_err(|e| format!("cannot write output: {e}"))?;
    if args.stats {
        eprint!("{}", stats::Stats::of(&reports, started.elapsed()));
    }
    let threshold = match args.fail_on {
        FailOn::Never => None,
        FailOn::Hint => Some(Severity::Hint),
        FailOn::Info => Some(Severity::Info),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
    };
    let failed = threshold.is_some_and(|t| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= t)
    });
    Ok(if !errors.is_empty() {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// Resolves config and facts for every draft, sequentially (each file is read once).
fn plan(args: &CheckArgs, sources: Vec<Source>) -> Result<Vec<Job>, String> {
    let mut configs = ConfigCache::new(args.config.clone())?;
    let facts_override = match &args.facts {
        Some(path) => Some(Arc::new(Facts::load(path).map_err(|e| e.to_string())?)),
        None => None,
    };
    let mut facts_by_path: HashMap<PathBuf, Arc<Facts>> = HashMap::new();
    let mut jobs = Vec::with_capacity(sources.len());
    for source in sources {
        let (config, warnings) = configs.for_source(&source)?;
        let facts = match (&facts_override, &config.facts) {
            (Some(facts), _) => Some(Arc::clone(facts)),
            (None, Some(path)) => match facts_by_path.get(path) {
                Some(facts) => Some(Arc::clone(facts)),
                None => {
                    let facts = Arc::new(Facts::load(path).map_err(|e| e.to_string())?);
                    facts_by_path.insert(path.clone(), Arc::clone(&facts));
                    Some(facts)
                }
            },
            (None, None) => None,
        };
        jobs.push(Job {
            source,
            config: Arc::new(config),
            facts,
            warnings,
        });
    }
    Ok(jobs)
}

fn check_one(job: Job, args: &CheckArgs) -> FileReport {
    let mut report = FileReport {
        path: job.source.display_name(),
        warnings: job.warnings,
        error: None,
        text: String::new(),
        findings: Vec::new(),
    };
    match input::load(&job.source, job.config.limits.max_file_bytes) {
        Ok(Loaded::Text { text, warnings }) => {
            report.warnings.extend(warnings);
            let ctx = Context {
                suggestions: Default::default(),
                config: &job.config,
                facts: job.facts.as_deref(),
                published: args.published,
            };
            let markup = markup_for(&job.source, args.markup);
            // A bug in one check must not take the other files down with it.
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check(&text, markup, &ctx)
            })) {
                Ok(findings) => report.findings = findings,
                Err(_) => {
                    report.error = Some(format!(
                        "{}: internal error while checking this file (a bug in copydesk; please report it)",
                        report.path
                    ))
                }
            }
            report.text = text;
        }
        Ok(Loaded::Skipped(note)) => report.warnings.push(note),
        Err(message) => report.error = Some(message),
    }
    report
}

/// A progress bar on stderr for long runs on a terminal.
fn progress_bar(n_files: usize) -> Option<indicatif::ProgressBar> {
    if n_files < 20 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n_files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, {eta} left")
    {
        bar.set_style(style);
    }
    Some(bar)
}

fn emit(args: &CheckArgs, reports: &[FileReport], errors: &[String]) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for r in reports {
        for w in &r.warnings {
            eprintln!("copydesk: warning: {w}");
        }
    }
    let result = match args.format {
        Format::Json => report::write_json(&mut out, reports),
        Format::Sarif => sarif::write(&mut out, reports),
        Format::Github => report::write_github(&mut out, reports),
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            write_human_all(&mut out, reports, Style { color })
        }
    };
    for e in errors {
        eprintln!("copydesk: error: {e}");
    }
    // A closed pipe (`copydesk check . | head`) is the reader's choice, not an error.
    match result.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_human_all(
    out: &mut impl Write,
    reports: &[FileReport],
    style: Style,
) -> std::io::Result<()> {
    for r in reports {
        report::write_human(out, r, style)?;
    }
    let n_findings: usize = reports.iter().map(|r| r.findings.len()).sum();
    let n_files = reports.iter().filter(|r| r.error.is_none()).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "{} in {} checked",
        plural(n_findings, "finding"),
        plural(n_files, "file")
    )
}

fn markup_for(source: &Source, forced: Option<MarkupArg>) -> Markup {
    match (forced, source) {
        (Some(MarkupArg::Markdown), _) => Markup::Markdown,
        (Some(MarkupArg::Plain), _) => Markup::Plain,
        (None, Source::File(path)) => Markup::from_path(path),
        (None, Source::Stdin) => Markup::Plain,
    }
}

/// Finds and caches the config for each draft's folder; `--config` overrides the search.
struct ConfigCache {
    fixed: Option<(Config, Vec<String>)>,
    by_file: HashMap<PathBuf, (Config, Vec<String>)>,
}

impl ConfigCache {
    fn new(fixed: Option<PathBuf>) -> Result<Self, String> {
        let fixed = match fixed {
            Some(path) => Some(Config::load(&path).map_err(|e| config_error(&e))?),
            None => None,
        };
        Ok(Self {
            fixed,
            by_file: HashMap::new(),
        })
    }

    /// The config and its warnings; warnings are reported once, with the first draft.
    fn for_source(&mut self, source: &Source) -> Result<(Config, Vec<String>), String> {
        if let Some((config, warnings)) = &mut self.fixed {
            return Ok((config.clone(), std::mem::take(warnings)));
        }
        let dir = match source {
            Source::Stdin => std::env::current_dir().unwrap_or_default(),
            Source::File(path) => absolute_parent(path),
        };
        let (mut config, mut warnings) = match Config::find_file(&dir, None) {
            None => (Config::default(), Vec::new()),
            Some(file) => match self.by_file.get(&file) {
                Some((config, _)) => (config.clone(), Vec::new()),
                None => {
                    let (config, warnings) = Config::load(&file).map_err(|e| config_error(&e))?;
                    self.by_file.insert(file, (config.clone(), Vec::new()));
                    (config, warnings)
                }
            },
        };
        warnings.extend(config.add_workspace_words(&dir, None));
        Ok((config, warnings))
    }
}

fn config_error(e: &ConfigError) -> String {
    format!("bad config: {e}")
}

fn absolute_parent(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// `copydesk rules`: every rule, its default severity and summary.
pub fn list_rules() -> i32 {
    let mut out = std::io::stdout().lock();
    for rule in crate::checks::all_rules() {
        if writeln!(
            out,
            "{:<28} {:<8} {}",
            rule.id,
            rule.default_severity.as_str(),
            rule.summary
        )
        .is_err()
        {
            break;
        }
    }
    EXIT_CLEAN
}
