//! The `copydesk` binary: `copydesk check PATH...` or `copydesk lsp`.

use clap::Parser;
use copydesk::cli::args::{Cli, Command, EvalCommand};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => copydesk::cli::run(&args),
        Command::Lsp(_) => copydesk::lsp::serve(),
        Command::Rules => copydesk::cli::list_rules(),
        Command::Eval(EvalCommand::Spelling(args)) => copydesk::eval::spelling::run(&args),
        Command::Eval(EvalCommand::Names(args)) => copydesk::eval::names::run(&args),
        Command::Eval(EvalCommand::Attribution(args)) => copydesk::eval::attribution::run(&args),
    };
    std::process::exit(code);
}
