//! Server latency: a scripted LSP client opens a 100,000-word draft, applies 200
//! single-character edits with the debounce set to 0, and reports the time from each
//! didChange to the matching publishDiagnostics (p50, p95), the time to answer
//! `initialize` after the process starts, and the server's peak memory.
//! `cargo bench --bench lsp_latency`.

#![allow(clippy::print_stdout)] // a report printed for the reader

#[path = "../tests/common/mod.rs"]
mod common;
mod inputs;

use common::LspClient;
use serde_json::json;
use std::time::{Duration, Instant};

const URI: &str = "file:///bench/draft.txt";
const EDITS: usize = 200;

fn main() {
    let text = inputs::words(100_000);
    let n_words = text.split_whitespace().count();
    let started = Instant::now();
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    let initialize = started.elapsed();
    client.open(URI, "plaintext", &text);
    let open_started = Instant::now();
    let published = client.diagnostics(URI, 1);
    let first_check = open_started.elapsed();
    let payload = serde_json::to_string(&published).map_or(0, |s| s.len());

    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.len() > 20)
        .map(|(i, _)| i)
        .collect();
    let mut latencies = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let line = lines[(i * 7919) % lines.len()];
        let version = i as i64 + 2;
        let sent = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": 3}, "end": {"line": line, "character": 3}}, "text": "x"}]
            }),
        );
        client.diagnostics(URI, version);
        latencies.push(sent.elapsed());
    }
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    let peak_kb = common::peak_memory_kb(client.pid());
    println!("draft: {n_words} words, {} bytes", text.len());
    println!(
        "initialize answered after process start: {:.1} ms",
        ms(initialize)
    );
    println!("first full check: {:.1} ms", ms(first_check));
    println!(
        "diagnostics published: {} ({} KB of JSON)",
        published.len(),
        payload / 1024
    );
    println!(
        "keystroke to diagnostics over {EDITS} edits: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(1.0))
    );
    println!("server peak memory: {:.1} MB", peak_kb as f64 / 1024.0);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
