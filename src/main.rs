//! The `copydesk` binary: `copydesk check PATH...` or `copydesk lsp`.

use clap::Parser;
use copydesk::cli::args::{Cli, Command};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => copydesk::cli::run(&args),
        Command::Lsp(_) => copydesk::lsp::serve(),
        Command::Rules => copydesk::cli::list_rules(),
    };
    std::process::exit(code);
}
