//! `copydesk lsp`: the language server on stdio. Logs go to stderr, never stdout.

pub mod actions;
mod checker;
pub mod convert;
pub mod documents;
pub mod framing;
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
    let ending = runtime.block_on(serve_stdio());
    // tokio reads stdin on a blocking thread that never returns while the client keeps the
    // pipe open; waiting for it would hang the exit.
    runtime.shutdown_background();
    match ending {
        framing::Ending::ExitWithoutShutdown => 1,
        framing::Ending::Clean | framing::Ending::Eof => 0,
    }
}

/// Serves on stdio through the framing layer; returns how the client ended the session.
async fn serve_stdio() -> framing::Ending {
    let (to_server, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, from_server) = tokio::io::duplex(1 << 16);
    let (frames_tx, frames_rx) = tokio::sync::mpsc::unbounded_channel();
    let writer = tokio::spawn(framing::write_frames(tokio::io::stdout(), frames_rx));
    let output = tokio::spawn(framing::pump_output(from_server, frames_tx.clone()));
    let input = tokio::spawn(framing::pump_input(
        tokio::io::stdin(),
        to_server,
        frames_tx.clone(),
    ));
    let (service, socket) =
        tower_lsp::LspService::new(move |client| server::Backend::new(client, frames_tx));
    tower_lsp::Server::new(server_input, server_output, socket)
        .serve(service)
        .await;
    let ending = input.await.unwrap_or(framing::Ending::Eof);
    let _ = output.await;
    // The writer ends when every sender has gone; a check still running holds the
    // server's, so it gets a moment to finish rather than holding up the exit.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), writer).await;
    ending
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
