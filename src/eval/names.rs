//! `copydesk eval names`: accuracy of the names checks on a corpus.

/// Arguments of `copydesk eval names`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    #[arg(value_name = "DIR")]
    pub corpus: Option<std::path::PathBuf>,
}

/// Runs the evaluation and prints its report; returns the exit code.
pub fn run(_args: &Args) -> i32 {
    eprintln!("copydesk: eval names is not available yet");
    2
}
