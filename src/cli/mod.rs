//! `copydesk check`: the command-line front end.

pub mod args;
pub mod input;
pub mod report;

use crate::config::{Config, ConfigError};
use crate::facts::Facts;
use crate::finding::Severity;
use crate::text::Markup;
use crate::{Context, check};
use args::{CheckArgs, ColorChoice, FailOn, Format, MarkupArg};
use input::{Loaded, Source};
use report::{FileReport, Style};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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

fn run_inner(args: &CheckArgs) -> Result<i32, String> {
    let mut configs = ConfigCache::new(args.config.clone())?;
    let facts_override = match &args.facts {
        Some(path) => Some(Facts::load(path).map_err(|e| e.to_string())?),
        None => None,
    };
    let (sources, mut errors) = input::expand(&args.paths, &args.extensions);
    let mut reports = Vec::new();
    let mut facts_cache: HashMap<PathBuf, Facts> = HashMap::new();
    for source in &sources {
        let name = source.display_name();
        let (config, config_warnings) = configs.for_source(source)?;
        let facts = match (&facts_override, &config.facts) {
            (Some(facts), _) => Some(facts),
            (None, Some(path)) => {
                if !facts_cache.contains_key(path) {
                    let facts = Facts::load(path).map_err(|e| e.to_string())?;
                    facts_cache.insert(path.clone(), facts);
                }
                facts_cache.get(path)
            }
            (None, None) => None,
        };
        let mut file = FileReport {
            path: name.clone(),
            warnings: config_warnings,
            error: None,
            text: String::new(),
            findings: Vec::new(),
        };
        match input::load(source, config.limits.max_file_bytes) {
            Ok(Loaded::Text { text, warnings }) => {
                file.warnings.extend(warnings);
                let markup = markup_for(source, args.markup);
                let ctx = Context {
                    config: &config,
                    facts,
                    published: args.published,
                };
                file.findings = check(&text, markup, &ctx);
                file.text = text;
            }
            Ok(Loaded::Skipped(note)) => file.warnings.push(note),
            Err(message) => {
                errors.push(message.clone());
                file.error = Some(message);
            }
        }
        reports.push(file);
    }
    emit(args, &reports, &errors).map_err(|e| format!("cannot write output: {e}"))?;
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

fn emit(args: &CheckArgs, reports: &[FileReport], errors: &[String]) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match args.format {
        Format::Json => report::write_json(&mut out, reports),
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            write_human_all(&mut out, reports, errors, Style { color })
        }
    };
    // A closed pipe (`copydesk check . | head`) is the reader's choice, not an error.
    match result.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_human_all(
    out: &mut impl Write,
    reports: &[FileReport],
    errors: &[String],
    style: Style,
) -> std::io::Result<()> {
    for r in reports {
        for w in &r.warnings {
            eprintln!("copydesk: warning: {w}");
        }
        report::write_human(out, r, style)?;
    }
    for e in errors {
        eprintln!("copydesk: error: {e}");
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
