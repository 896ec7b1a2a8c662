//! `copydesk eval attribution`: accuracy of the attribution checks on a corpus.

/// Arguments of `copydesk eval attribution`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    #[arg(value_name = "DIR")]
    pub corpus: Option<std::path::PathBuf>,
}

/// Runs the evaluation and prints its report; returns the exit code.
pub fn run(_args: &Args) -> i32 {
    eprintln!("copydesk: eval attribution is not available yet");
    2
}
