//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk for prose drafts: unattributed claims, inconsistent names and ages, misspellings"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (files, folders, or - for standard input) and report findings.
    Check(CheckArgs),
    /// Run the language server on standard input and output.
    Lsp(LspArgs),
    /// List every rule with its default severity.
    Rules,
    /// Measure a check family's accuracy on an annotated corpus.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Misspelling pairs (flagged, correction first, in top five) and false alarms on clean prose.
    Spelling(crate::eval::spelling::Args),
    /// Injected name and age faults in real articles: detection rates and false alarms.
    Names(crate::eval::names::Args),
    /// Precision and recall against sentence labels (unattributed, weasel, orphan-quote).
    Attribution(crate::eval::attribution::Args),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are searched recursively, honouring .gitignore.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Use this config file instead of looking for copydesk.toml next to each draft.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Newsroom facts file (dates of birth, publication date); wins over the config's.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) at which ages are computed.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<crate::facts::Date>,
    /// Treat standard input (or every file) as this markup instead of guessing from the extension.
    #[arg(long, value_enum)]
    pub markup: Option<MarkupArg>,
    /// File extensions searched for in folders.
    #[arg(long, value_delimiter = ',', default_value = "txt,md,markdown")]
    pub extensions: Vec<String>,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print a summary to stderr: files, words, findings per rule, time.
    #[arg(long)]
    pub stats: bool,
    /// Files checked at once (default: one per core).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for clients that pass it; the server always speaks over stdio.
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:col: severity[rule]: message`, the line, carets, suggestions.
    Human,
    /// The frozen JSON report (src/cli/schema.json).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations (`::warning file=...::message`).
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Hint,
    Info,
    Warning,
    Error,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MarkupArg {
    Plain,
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<crate::facts::Date, String> {
    crate::facts::Date::parse(s).ok_or_else(|| format!("`{s}` is not a date: use YYYY-MM-DD"))
}
