//! `copydesk eval spelling`: accuracy of the spelling checks on a corpus.

/// Arguments of `copydesk eval spelling`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    #[arg(value_name = "DIR")]
    pub corpus: Option<std::path::PathBuf>,
}

/// Runs the evaluation and prints its report; returns the exit code.
pub fn run(_args: &Args) -> i32 {
    eprintln!("copydesk: eval spelling is not available yet");
    2
}
