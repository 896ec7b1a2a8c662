//! The language server end to end: a real `copydesk lsp` process over stdio.

mod common;

use common::{LspClient, utf16_position};
use serde_json::{Value, json};

const SEED: &str = include_str!("fixtures/seed.txt");
const URI: &str = "file:///tmp/copydesk-test/draft.txt";

fn range_of(diagnostic: &Value) -> ((u64, u64), (u64, u64)) {
    let r = &diagnostic["range"];
    (
        (
            r["start"]["line"].as_u64().unwrap(),
            r["start"]["character"].as_u64().unwrap(),
        ),
        (
            r["end"]["line"].as_u64().unwrap(),
            r["end"]["character"].as_u64().unwrap(),
        ),
    )
}

fn repeat(diagnostics: &[Value]) -> &Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == "spelling.repeated-word")
        .expect("repeated-word diagnostic")
}

#[test]
fn seed_diagnostics_follow_an_edit_in_utf16() {
    let mut client = LspClient::spawn();
    let init = client.initialize(json!({}));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        init["result"]["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );

    client.open(URI, "plaintext", SEED);
    let v1 = client.diagnostics(URI, 1);
    let d = repeat(&v1);
    let start = SEED.find("as as").unwrap();
    assert_eq!(
        range_of(d),
        (utf16_position(SEED, start), utf16_position(SEED, start + 5))
    );
    assert_eq!(d["source"], "copydesk");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["data"]["suggestions"], json!(["as"]));

    // Insert a word (with a curly apostrophe) just before the repeat.
    let (line, character) = utf16_position(SEED, start);
    let insert = "Zelensky’s ";
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": insert}]
        }),
    );
    let v2 = client.diagnostics(URI, 2);
    let edited = format!("{}{insert}{}", &SEED[..start], &SEED[start..]);
    let new_start = start + insert.len();
    assert_eq!(
        range_of(repeat(&v2)),
        (
            utf16_position(&edited, new_start),
            utf16_position(&edited, new_start + 5)
        )
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn emoji_and_curly_quotes_before_a_finding_count_in_utf16_units() {
    let text = "“Ha” 😀 — Зеленський said it it\n";
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    client.open(URI, "plaintext", text);
    let diagnostics = client.diagnostics(URI, 1);
    // “ H a ” space (5) + emoji (2 units) + " — " (3) + Зеленський (10) + " said " (6) = 26
    assert_eq!(range_of(repeat(&diagnostics)), ((0, 26), (0, 31)));
}

#[test]
fn utf8_is_negotiated_when_offered() {
    let text = "“Ha” 😀 said it it\n";
    let mut client = LspClient::spawn();
    let init = client.initialize(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.open(URI, "plaintext", text);
    let start = text.find("it it").unwrap() as u64;
    assert_eq!(
        range_of(repeat(&client.diagnostics(URI, 1))),
        ((0, start), (0, start + 5))
    );
}

#[test]
fn a_burst_of_edits_is_applied_in_order() {
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    client.open(URI, "plaintext", "");
    client.diagnostics(URI, 1);
    let typed = "Café — “it it” is 😀 done done.";
    let mut version = 1;
    let mut column = 0u64;
    for ch in typed.chars() {
        version += 1;
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": {"start": {"line": 0, "character": column}, "end": {"line": 0, "character": column}}, "text": ch.to_string()}]
            }),
        );
        column += ch.len_utf16() as u64;
    }
    let diagnostics = client.diagnostics(URI, version);
    let ranges: Vec<_> = diagnostics.iter().map(range_of).collect();
    let expected: Vec<_> = ["it it", "done done"]
        .iter()
        .map(|w| {
            let s = typed.find(w).unwrap();
            (utf16_position(typed, s), utf16_position(typed, s + w.len()))
        })
        .collect();
    assert_eq!(ranges, expected);
}

#[test]
fn close_clears_diagnostics_and_unknown_documents_are_ignored() {
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///never/opened.txt", "version": 5}, "contentChanges": [{"text": "x x"}]}),
    );
    client.open(URI, "markdown", "It was was fine. `code code`\n");
    assert_eq!(client.diagnostics(URI, 1).len(), 1);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn quick_fix_replaces_with_the_suggestion() {
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    client.open(URI, "plaintext", "It was was fine.\n");
    let diagnostics = client.diagnostics(URI, 1);
    let response = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": diagnostics[0]["range"], "context": {"diagnostics": diagnostics}}),
    );
    let action = &response["result"][0];
    assert_eq!(action["kind"], "quickfix");
    let edit = &action["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "was");
    assert_eq!(edit["range"], diagnostics[0]["range"]);
}

#[test]
fn undecodable_messages_get_errors_and_the_server_keeps_serving() {
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    for (body, code) in [
        (
            &b"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hov"[..],
            -32700,
        ),
        (&b"\xff\xfe\xfd"[..], -32700),
        (
            &b"[{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}]"[..],
            -32600,
        ),
    ] {
        client.send_raw(body);
        let reply = client.wait_for(|m| m.get("error").is_some() && m["id"].is_null());
        assert_eq!(reply["error"]["code"], code, "{reply}");
    }
    let unknown = client.request("copydesk/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    client.open(URI, "plaintext", "still still serving\n");
    assert_eq!(client.diagnostics(URI, 1).len(), 1);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_panic_in_a_check_becomes_one_diagnostic_and_other_documents_are_served() {
    let mut client = LspClient::spawn_with_env(&[("COPYDESK_FAULT_INJECTION", "1")]);
    client.initialize(json!({}));
    let boom = "file:///tmp/copydesk-test/boom.txt";
    client.open(boom, "plaintext", "copydesk:inject-panic was was\n");
    let diagnostics = client.diagnostics(boom, 1);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["severity"], 1);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("failed while checking"),
        "{diagnostics:?}"
    );
    client.open(URI, "plaintext", "It was was fine.\n");
    assert_eq!(
        client.diagnostics(URI, 1)[0]["code"],
        "spelling.repeated-word"
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn requests_after_shutdown_are_refused_and_exit_without_shutdown_is_code_one() {
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    let response = client.request("shutdown", Value::Null);
    assert!(response.get("error").is_none());
    let after = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(after["error"]["code"], -32600, "{after}");

    let mut abrupt = LspClient::spawn();
    abrupt.initialize(json!({}));
    abrupt.notify("exit", Value::Null);
    assert_eq!(abrupt.wait_exit(), Some(1));
}

#[test]
fn cancelling_requests_is_harmless() {
    let mut client = LspClient::spawn();
    client.initialize(json!({}));
    // A cancel for a request that never existed, and one for a request already answered.
    client.notify("$/cancelRequest", json!({"id": 4242}));
    let answered = client.request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}));
    client.notify("$/cancelRequest", json!({"id": answered["id"]}));
    client.open(URI, "plaintext", "It was was fine.\n");
    assert_eq!(client.diagnostics(URI, 1).len(), 1);
    assert_eq!(client.shutdown(), Some(0));
}
