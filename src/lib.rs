//! copydesk: a copy desk for prose drafts.
//!
//! [`check`] is the whole pipeline both front ends call: analyse the text once, run every
//! check, apply ignore comments, sort. The core never touches a terminal or a protocol;
//! `cli` and `lsp` convert at the edge.

#![deny(clippy::print_stdout)]
// User input and client messages reach most of the library: failures are errors, not panics.
#![warn(clippy::unwrap_used)]

pub mod atomic_file;
pub mod checks;
pub mod cli;
pub mod config;
pub mod document;
pub mod eval;
pub mod facts;
pub mod finding;
pub mod incremental;
pub mod lsp;
pub mod suppress;
pub mod text;
pub mod user_dictionary;

mod data;

#[cfg(test)]
pub(crate) mod testing;

pub use checks::Context;
pub use config::Config;
pub use finding::{Finding, Related, Severity};
pub use text::{Analysis, Markup};

/// Checks a draft: every enabled rule, ignore comments applied, findings in output order.
pub fn check(text: &str, markup: Markup, ctx: &Context) -> Vec<Finding> {
    let analysis = Analysis::new(text, markup);
    check_analysis(&analysis, ctx)
}

/// Runs the checks on an analysis already made.
pub fn check_analysis(analysis: &Analysis, ctx: &Context) -> Vec<Finding> {
    fault_injection::maybe_panic(&analysis.text);
    let mut findings = checks::run(analysis, ctx);
    suppress::apply(&analysis.text, &mut findings);
    findings
}

/// Lets tests prove that a panic inside a check is contained: in debug builds, with
/// `COPYDESK_FAULT_INJECTION=1` set, a draft containing the marker panics the pipeline.
/// Release builds compile it to nothing.
pub(crate) mod fault_injection {
    #[cfg(debug_assertions)]
    pub const MARKER: &str = "copydesk:inject-panic";

    #[cfg(debug_assertions)]
    pub fn maybe_panic(text: &str) {
        if std::env::var_os("COPYDESK_FAULT_INJECTION").is_some() && text.contains(MARKER) {
            panic!("fault injected by the test marker");
        }
    }

    #[cfg(not(debug_assertions))]
    pub fn maybe_panic(_text: &str) {}
}
