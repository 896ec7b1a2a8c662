//! `copydesk lsp`: the language server on stdio. Logs go to stderr, never stdout.

pub mod actions;
pub mod convert;
pub mod documents;
pub mod server;
pub mod workspace;

/// Runs the server until the client exits; returns the process exit code.
pub fn serve() -> i32 {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_max_level(log_level())
        .try_init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("copydesk: error: cannot start the server runtime: {e}");
            return 2;
        }
    };
    runtime.block_on(async {
        let (service, socket) = tower_lsp::LspService::new(server::Backend::new);
        tower_lsp::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    0
}

/// `COPYDESK_LOG=debug` for more; info by default.
fn log_level() -> tracing::Level {
    match std::env::var("COPYDESK_LOG")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "trace" => tracing::Level::TRACE,
        "debug" => tracing::Level::DEBUG,
        "warn" => tracing::Level::WARN,
        "error" => tracing::Level::ERROR,
        _ => tracing::Level::INFO,
    }
}
