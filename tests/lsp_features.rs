//! The language server's editor features, end to end: the real `copydesk lsp` binary in a
//! child process, driven over stdio JSON-RPC by the small client in `lsp_client/`.
//!
//! Expected findings come from `copydesk check --format json` on the same file, so these
//! tests keep holding as checks are added; only the exact spots below are pinned.

mod lsp_client;

use lsp_client::{Client, position_utf16, uri};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Findings pinned to an exact place in the seed draft: (rule, context, the flagged text
/// within the context).
const SEED_SPOTS: &[(&str, &str, &str)] = &[
    ("spelling.repeated-word", "her as as soon", "as as"),
    (
        "spelling.unknown-word",
        "delegations in Instanbul",
        "Instanbul",
    ),
    ("names.variant-spelling", "ousting Yanukoych", "Yanukoych"),
];

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");

/// A workspace folder with a copy of the seed draft in it.
fn workspace_with_seed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = dir.path().join("seed.txt");
    std::fs::copy(SEED, &draft).expect("copy seed");
    (dir, draft)
}

/// What the CLI reports for a file: (rule, byte span) sorted.
fn cli_findings(path: &Path) -> Vec<(String, usize, usize)> {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(path)
        .output()
        .expect("run copydesk check");
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let mut findings: Vec<(String, usize, usize)> = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["span"]["start"].as_u64().expect("start") as usize,
                d["span"]["end"].as_u64().expect("end") as usize,
            )
        })
        .collect();
    findings.sort();
    findings
}

/// LSP diagnostics as (rule, byte span), converting their UTF-16 ranges naively.
fn lsp_findings(text: &str, diagnostics: &[Value]) -> Vec<(String, usize, usize)> {
    let mut findings: Vec<(String, usize, usize)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code").to_string(),
                lsp_client::offset_utf16(text, &d["range"]["start"]),
                lsp_client::offset_utf16(text, &d["range"]["end"]),
            )
        })
        .collect();
    findings.sort();
    findings
}

fn per_family(findings: &[(String, usize, usize)]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for (rule, _, _) in findings {
        let family = rule.split('.').next().unwrap_or(rule).to_string();
        *counts.entry(family).or_insert(0) += 1;
    }
    counts
}

fn count_rule(diagnostics: &[Value], rule: &str) -> usize {
    diagnostics.iter().filter(|d| d["code"] == rule).count()
}

/// The diagnostic of `rule` covering `needle` inside `context` in `text`.
fn spot<'a>(
    text: &str,
    diagnostics: &'a [Value],
    rule: &str,
    context: &str,
    needle: &str,
) -> &'a Value {
    let start =
        text.find(context).expect("context in draft") + context.find(needle).expect("needle");
    let range = json!({
        "start": position_utf16(text, start),
        "end": position_utf16(text, start + needle.len()),
    });
    diagnostics
        .iter()
        .find(|d| d["code"] == rule && d["range"] == range)
        .unwrap_or_else(|| panic!("no {rule} at {range} among {diagnostics:#?}"))
}

fn push_client(folders: &[&Path]) -> Client {
    let (client, caps) = Client::start(folders, json!({}), json!({ "debounceMs": 0 }));
    assert!(
        caps.get("diagnosticProvider").is_none(),
        "push client: {caps}"
    );
    client
}

fn code_actions(
    client: &mut Client,
    uri: &str,
    diagnostic: &Value,
    only: Option<&str>,
) -> Vec<Value> {
    let mut context = json!({ "diagnostics": [diagnostic] });
    if let Some(kind) = only {
        context["only"] = json!([kind]);
    }
    let response = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": diagnostic["range"], "context": context }),
    );
    response["result"].as_array().cloned().unwrap_or_default()
}

fn action_titled<'a>(actions: &'a [Value], prefix: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no action {prefix:?} in {actions:#?}"))
}

#[test]
fn seed_diagnostics_match_the_cli_exactly() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let diagnostics = client.diagnostics(&uri, Some(1));
    let text = client.texts[&uri].clone();
    let expected = cli_findings(&draft);
    assert!(!expected.is_empty(), "the seed draft has findings");
    let got = lsp_findings(&text, &diagnostics);
    assert_eq!(per_family(&got), per_family(&expected));
    assert_eq!(got, expected, "same rules at the same places as the CLI");
    for (rule, context, needle) in SEED_SPOTS {
        spot(&text, &diagnostics, rule, context, needle);
    }
    // The README's example: `as as` on line 3, column 437 (1-based, in characters).
    let repeat = spot(
        &text,
        &diagnostics,
        "spelling.repeated-word",
        "her as as soon",
        "as as",
    );
    assert_eq!(
        repeat["range"]["start"],
        json!({ "line": 2, "character": 436 })
    );
    assert_eq!(repeat["source"], "copydesk");
    assert_eq!(repeat["data"]["suggestions"], json!(["as"]));
    // `Instanbul`: line 3, column 175 (1-based; no character before it is outside the BMP).
    let typo = spot(
        &text,
        &diagnostics,
        "spelling.unknown-word",
        "delegations in Instanbul",
        "Instanbul",
    );
    assert_eq!(
        typo["range"]["start"],
        json!({ "line": 2, "character": 174 })
    );
    assert_eq!(typo["range"]["end"], json!({ "line": 2, "character": 183 }));
    assert_eq!(typo["data"]["suggestions"][0], "Istanbul");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn quick_fix_then_edit_updates_diagnostics() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let before = client.diagnostics(&uri, Some(1));
    let text = client.texts[&uri].clone();
    let repeat = spot(
        &text,
        &before,
        "spelling.repeated-word",
        "her as as soon",
        "as as",
    )
    .clone();

    let actions = code_actions(&mut client, &uri, &repeat, None);
    let replace = action_titled(&actions, "Replace with “as”");
    assert_eq!(replace["kind"], "quickfix");
    assert_eq!(replace["isPreferred"], true);
    let version = client.apply_action(&uri, replace);
    let after = client.diagnostics(&uri, Some(version));
    assert!(client.texts[&uri].contains("her as soon"));
    assert_eq!(
        count_rule(&after, "spelling.repeated-word"),
        count_rule(&before, "spelling.repeated-word") - 1
    );
    assert_eq!(after.len(), before.len() - 1, "nothing else changed");

    // A typed edit: a new doubled word at the start of line 1 is reported where it is.
    let typed = json!({
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
        "newText": "the the ",
    });
    let version = client.edit(&uri, &[typed]);
    let edited = client.diagnostics(&uri, Some(version));
    let new_text = client.texts[&uri].clone();
    spot(
        &new_text,
        &edited,
        "spelling.repeated-word",
        "the the ",
        "the the",
    );
    assert_eq!(edited.len(), after.len() + 1);
    assert_eq!(
        lsp_findings(&new_text, &edited),
        {
            let path = dir.path().join("edited.txt");
            std::fs::write(&path, &new_text).expect("write");
            cli_findings(&path)
        },
        "after edits the server agrees with the CLI on the same text"
    );
}

#[test]
fn ignore_comments_for_line_and_file() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let before = client.diagnostics(&uri, Some(1));
    let text = client.texts[&uri].clone();
    let repeat = spot(
        &text,
        &before,
        "spelling.repeated-word",
        "her as as soon",
        "as as",
    )
    .clone();

    let actions = code_actions(&mut client, &uri, &repeat, None);
    let line = action_titled(&actions, "Ignore spelling.repeated-word on this line");
    let version = client.apply_action(&uri, line);
    let after = client.diagnostics(&uri, Some(version));
    let new_text = client.texts[&uri].clone();
    let old_line: String = text
        .lines()
        .nth(2)
        .expect("line 3")
        .chars()
        .take(30)
        .collect();
    assert!(
        new_text.contains(&format!(
            "\n<!-- copydesk-disable-next-line spelling.repeated-word -->\n{old_line}"
        )),
        "the comment goes on its own line just before the finding's line"
    );
    assert_eq!(after.len(), before.len() - 1, "{after:#?}");
    assert!(
        !after
            .iter()
            .any(|d| d["range"]["start"]["line"] == 3 && d["code"] == "spelling.repeated-word"),
        "the silenced line (now line 4) has no repeat"
    );

    // The whole file: a comment on the first line silences every repeat.
    let version = client.edit(
        &uri,
        &[json!({
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "newText": "x the the y\n",
        })],
    );
    let with_new = client.diagnostics(&uri, Some(version));
    let new_repeat = with_new
        .iter()
        .find(|d| d["code"] == "spelling.repeated-word")
        .expect("the new repeat")
        .clone();
    let actions = code_actions(&mut client, &uri, &new_repeat, None);
    let file = action_titled(&actions, "Ignore spelling.repeated-word in this file");
    let version = client.apply_action(&uri, file);
    let silenced = client.diagnostics(&uri, Some(version));
    assert!(client.texts[&uri].starts_with("<!-- copydesk-disable spelling.repeated-word -->\n"));
    assert_eq!(
        count_rule(&silenced, "spelling.repeated-word"),
        0,
        "{silenced:#?}"
    );
}

#[test]
fn fix_all_applies_every_unambiguous_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "She said the the thing.\n\nIt was was late, and and then some.\n",
    )
    .expect("write");
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "markdown");
    let before = client.diagnostics(&uri, Some(1));
    assert_eq!(
        count_rule(&before, "spelling.repeated-word"),
        3,
        "{before:#?}"
    );
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll.copydesk"] },
        }),
    );
    let actions = response["result"].as_array().cloned().unwrap_or_default();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
    let version = client.apply_action(&uri, &actions[0]);
    let after = client.diagnostics(&uri, Some(version));
    assert_eq!(
        client.texts[&uri],
        "She said the thing.\n\nIt was late, and then some.\n"
    );
    assert!(after.is_empty(), "{after:#?}");
}

#[test]
fn hover_explains_the_rule() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let diagnostics = client.diagnostics(&uri, Some(1));
    let text = client.texts[&uri].clone();
    let repeat = spot(
        &text,
        &diagnostics,
        "spelling.repeated-word",
        "her as as soon",
        "as as",
    )
    .clone();
    let mut inside = repeat["range"]["start"].clone();
    inside["character"] = json!(inside["character"].as_u64().expect("character") + 2);
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": inside }),
    );
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .expect("markdown hover");
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    assert!(value.contains("spelling.repeated-word"), "{value}");
    assert!(
        value.contains(repeat["message"].as_str().expect("message")),
        "{value}"
    );
    assert!(
        value.contains("**Fix:**") && value.contains("**Example:**"),
        "{value}"
    );
    assert_eq!(hover["result"]["range"], repeat["range"]);
    // Off any finding: nothing.
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 1 } }),
    );
    assert_eq!(nothing["result"], Value::Null);
}

#[test]
fn add_word_writes_the_workspace_dictionary() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let diagnostics = client.diagnostics(&uri, Some(1));
    // The word "add to dictionary" offers is read from the open draft at the range.
    let typo = diagnostics
        .iter()
        .find(|d| d["code"] == "spelling.unknown-word" && d["data"]["suggestions"][0] == "Istanbul")
        .expect("the seed's Instanbul is reported")
        .clone();
    let actions = code_actions(&mut client, &uri, &typo, None);
    let add = action_titled(&actions, "Add “Instanbul” to the workspace dictionary");
    assert_eq!(add["command"]["command"], "copydesk.server.addWord");
    let result = client.request("workspace/executeCommand", add["command"].clone());
    assert!(result.get("error").is_none(), "{result}");
    let dictionary = dir.path().join(".copydesk/dictionary.txt");
    assert_eq!(
        std::fs::read_to_string(&dictionary).expect("dictionary written"),
        "Instanbul\n"
    );
    // The open draft is checked again with the new word list.
    client.diagnostics(&uri, Some(1));
    // A phrase is refused with an error, and the server goes on.
    let bad = client.request(
        "workspace/executeCommand",
        json!({ "command": "copydesk.server.addWord", "arguments": [{ "uri": uri, "word": "two words" }] }),
    );
    assert!(bad.get("error").is_some(), "{bad}");
    assert_eq!(
        std::fs::read_to_string(&dictionary).expect("read"),
        "Instanbul\n"
    );
}

#[test]
fn turning_a_rule_off_for_the_workspace_keeps_config_comments() {
    let (dir, draft) = workspace_with_seed();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "# desk settings\nsensitivity = \"normal\" # default\n\n[rules]\nattribution = \"info\" # quiet\n")
        .expect("write config");
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let before = client.diagnostics(&uri, Some(1));
    let text = client.texts[&uri].clone();
    let repeat = spot(
        &text,
        &before,
        "spelling.repeated-word",
        "her as as soon",
        "as as",
    )
    .clone();
    let actions = code_actions(&mut client, &uri, &repeat, None);
    let off = action_titled(
        &actions,
        "Turn spelling.repeated-word off for the workspace",
    );
    let result = client.request("workspace/executeCommand", off["command"].clone());
    assert!(result.get("error").is_none(), "{result}");
    let written = std::fs::read_to_string(&config).expect("config");
    assert!(
        written.starts_with("# desk settings\nsensitivity = \"normal\" # default\n"),
        "{written}"
    );
    assert!(
        written.contains("attribution = \"info\" # quiet\n"),
        "{written}"
    );
    assert!(
        written.contains("\"spelling.repeated-word\" = \"off\""),
        "{written}"
    );
    let after = client.diagnostics(&uri, Some(1));
    assert_eq!(
        count_rule(&after, "spelling.repeated-word"),
        0,
        "{after:#?}"
    );
}

#[test]
fn settings_per_folder_come_from_workspace_configuration() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    for dir in [&a, &b] {
        std::fs::copy(SEED, dir.path().join("seed.txt")).expect("copy");
    }
    let (mut client, _) = Client::start(
        &[a.path(), b.path()],
        json!({ "workspace": { "configuration": true } }),
        json!({ "debounceMs": 0 }),
    );
    // Folder b turns the spelling family off in its editor settings; a says nothing.
    client.settings.insert(
        lsp_client::dir_uri(b.path()),
        json!({ "rules": { "spelling": "off" }, "path": "/ignored" }),
    );
    client
        .settings
        .insert(String::new(), json!({ "language": null }));
    let uri_a = client.open(&a.path().join("seed.txt"), "plaintext");
    let uri_b = client.open(&b.path().join("seed.txt"), "plaintext");
    // Results published before the settings arrived may come first: wait for the
    // state after them (the server re-checks once it has the settings).
    let text = client.texts[&uri_a].clone();
    let wanted = cli_findings(&a.path().join("seed.txt"));
    let mut diags_a = client.diagnostics(&uri_a, Some(1));
    while lsp_findings(&text, &diags_a) != wanted {
        diags_a = client.diagnostics(&uri_a, Some(1));
    }
    let mut diags_b = client.diagnostics(&uri_b, Some(1));
    while count_rule(&diags_b, "spelling.repeated-word") != 0 {
        diags_b = client.diagnostics(&uri_b, Some(1));
    }
    // Change the settings: b back on, a off; didChangeConfiguration re-checks both.
    client.settings.insert(
        lsp_client::dir_uri(a.path()),
        json!({ "rules": { "spelling": "off" } }),
    );
    client
        .settings
        .insert(lsp_client::dir_uri(b.path()), json!({}));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let mut diags_a = client.diagnostics(&uri_a, Some(1));
    while count_rule(&diags_a, "spelling.repeated-word") != 0 {
        diags_a = client.diagnostics(&uri_a, Some(1));
    }
    let mut diags_b = client.diagnostics(&uri_b, Some(1));
    while lsp_findings(&text, &diags_b) != wanted {
        diags_b = client.diagnostics(&uri_b, Some(1));
    }
    // No warning about the client-only `path` key reached the user.
    assert!(
        !client
            .log
            .iter()
            .any(|m| m["method"] == "window/showMessage"),
        "{:#?}",
        client
            .log
            .iter()
            .filter(|m| m["method"] == "window/showMessage")
            .collect::<Vec<_>>()
    );
}

#[test]
fn watched_config_change_rechecks_open_drafts() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let uri = client.open(&draft, "plaintext");
    let before = client.diagnostics(&uri, Some(1));
    assert!(count_rule(&before, "spelling.repeated-word") > 0);
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "[rules]\nspelling = \"off\"\n").expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&config), "type": 1 }] }),
    );
    let after = client.diagnostics(&uri, Some(1));
    assert_eq!(
        count_rule(&after, "spelling.repeated-word"),
        0,
        "{after:#?}"
    );
}

fn uri_of(path: &Path) -> String {
    uri(path)
}

#[test]
fn pull_diagnostics_for_documents_and_the_workspace() {
    let (dir, draft) = workspace_with_seed();
    let other = dir.path().join("notes.md");
    std::fs::write(&other, "It was was late.\n").expect("write");
    std::fs::write(dir.path().join("image.png"), [0u8, 1, 2]).expect("write");
    let (mut client, caps) = Client::start(
        &[dir.path()],
        json!({
            "textDocument": { "diagnostic": { "dynamicRegistration": false } },
            "workspace": { "diagnostic": { "refreshSupport": true } },
            "window": { "workDoneProgress": true },
        }),
        json!({}),
    );
    assert_eq!(
        caps["diagnosticProvider"]["workspaceDiagnostics"], true,
        "{caps}"
    );
    let uri = client.open(&draft, "plaintext");
    let report = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    let result = &report["result"];
    assert_eq!(result["kind"], "full", "{report}");
    let items = result["items"].as_array().cloned().unwrap_or_default();
    let text = client.texts[&uri].clone();
    assert_eq!(lsp_findings(&text, &items), cli_findings(&draft));
    // Asked again with the result id: unchanged.
    let again = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri }, "previousResultId": result["resultId"] }),
    );
    assert_eq!(again["result"]["kind"], "unchanged", "{again}");
    // After an edit: a full report again, with the fix.
    let text = client.texts[&uri].clone();
    let repeat = spot(
        &text,
        &items,
        "spelling.repeated-word",
        "her as as soon",
        "as as",
    )
    .clone();
    client.edit(
        &uri,
        &[json!({ "range": repeat["range"], "newText": "as" })],
    );
    let edited = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri }, "previousResultId": result["resultId"] }),
    );
    assert_eq!(edited["result"]["kind"], "full");
    assert_eq!(
        edited["result"]["items"].as_array().map(Vec::len),
        Some(items.len() - 1)
    );

    // The workspace: the draft that is not open, with progress on the token given.
    let workspace = client.request(
        "workspace/diagnostic",
        json!({ "previousResultIds": [], "workDoneToken": "ws-1" }),
    );
    let reports = workspace["result"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        reports.len(),
        1,
        "only notes.md (seed.txt is open): {workspace}"
    );
    assert_eq!(reports[0]["uri"], uri_of(&other));
    assert_eq!(
        count_rule(
            reports[0]["items"].as_array().expect("items"),
            "spelling.repeated-word"
        ),
        1
    );
    // `$/progress` may trail the response: wait for its end.
    if !client
        .log
        .iter()
        .any(|m| m["params"]["value"]["kind"] == "end")
    {
        client.wait("the end of progress", |m| {
            m["params"]["value"]["kind"] == "end"
        });
    }
    let progress: Vec<&Value> = client
        .log
        .iter()
        .filter(|m| m["method"] == "$/progress" && m["params"]["token"] == "ws-1")
        .collect();
    assert_eq!(
        progress.first().map(|m| &m["params"]["value"]["kind"]),
        Some(&json!("begin"))
    );
    assert_eq!(
        progress.last().map(|m| &m["params"]["value"]["kind"]),
        Some(&json!("end"))
    );
    let unchanged = client.request(
        "workspace/diagnostic",
        json!({ "previousResultIds": [{ "uri": reports[0]["uri"], "value": reports[0]["resultId"] }] }),
    );
    assert_eq!(
        unchanged["result"]["items"][0]["kind"], "unchanged",
        "{unchanged}"
    );
    // A settings change asks the client to pull again.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "copydesk": {} } }),
    );
    client.wait("workspace/diagnostic/refresh", |m| {
        m["method"] == "workspace/diagnostic/refresh"
    });
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_client_that_pulls_without_refresh_gets_pushed_diagnostics() {
    // Neovim 0.11's capabilities: it could pull, but the server could never ask it to pull
    // again after a settings or dictionary change, so the server pushes.
    let (dir, draft) = workspace_with_seed();
    let (mut client, caps) = Client::start(
        &[dir.path()],
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }),
        json!({ "debounceMs": 0 }),
    );
    assert!(caps.get("diagnosticProvider").is_none(), "{caps}");
    let uri = client.open(&draft, "plaintext");
    let diagnostics = client.diagnostics(&uri, Some(1));
    assert_eq!(diagnostics.len(), cli_findings(&draft).len());
}

#[test]
fn check_workspace_command_reports_progress_and_publishes() {
    let (dir, _draft) = workspace_with_seed();
    let (mut client, _) = Client::start(
        &[dir.path()],
        json!({ "window": { "workDoneProgress": true } }),
        json!({ "debounceMs": 0 }),
    );
    let result = client.request(
        "workspace/executeCommand",
        json!({ "command": "copydesk.server.checkWorkspace", "arguments": [] }),
    );
    assert_eq!(result["result"]["drafts"], 1, "{result}");
    let seed_uri = uri_of(&dir.path().join("seed.txt"));
    let published = client
        .log
        .iter()
        .find(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == seed_uri
        })
        .cloned()
        .unwrap_or_else(|| client.wait("seed diagnostics", |m| m["params"]["uri"] == seed_uri));
    assert_eq!(
        published["params"]["diagnostics"].as_array().map(Vec::len),
        Some(cli_findings(&dir.path().join("seed.txt")).len())
    );
    assert!(
        client
            .log
            .iter()
            .any(|m| m["method"] == "window/workDoneProgress/create")
    );
    // The end of progress is a notification: it may arrive just after the response.
    let is_end = |m: &Value| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end";
    if !client.log.iter().any(is_end) {
        client.wait("the end of progress", is_end);
    }
}

#[test]
fn bad_input_never_stops_the_server() {
    let (dir, draft) = workspace_with_seed();
    let mut client = push_client(&[dir.path()]);
    let nowhere = "file:///nowhere/missing.txt";
    // Requests about documents that are not open, positions past the end, broken data.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": nowhere }, "position": { "line": 99, "character": 99 } }),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": nowhere, "version": 2 }, "contentChanges": [{ "text": "x" }] }),
    );
    let junk = json!({
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 1 } },
        "code": 42, "source": "copydesk", "message": "m", "data": "not an object",
    });
    let actions = code_actions(&mut client, nowhere, &junk, None);
    assert!(actions.is_empty(), "{actions:#?}");
    for bad in [
        json!({ "command": "copydesk.server.addWord", "arguments": ["nonsense"] }),
        json!({ "command": "copydesk.server.addWord", "arguments": [] }),
        json!({ "command": "copydesk.server.disableRuleInWorkspace", "arguments": [{ "uri": "untitled:1", "rule": "spelling" }] }),
        json!({ "command": "copydesk.server.disableRuleInWorkspace", "arguments": [{ "uri": uri_of(&draft), "rule": "x = 1\n[y]" }] }),
        json!({ "command": "copydesk.nope" }),
    ] {
        let response = client.request("workspace/executeCommand", bad.clone());
        assert!(response.get("error").is_some(), "{bad} -> {response}");
    }
    assert!(!dir.path().join("copydesk.toml").exists());
    // A change range past the end of the document clamps instead of failing.
    let uri = client.open(&draft, "plaintext");
    client.diagnostics(&uri, Some(1));
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{
            "range": { "start": { "line": 9999, "character": 0 }, "end": { "line": 9999, "character": 5 } },
            "text": "\nthe the end" }] }),
    );
    let after = client.diagnostics(&uri, Some(2));
    assert!(after.iter().any(|d| d["code"] == "spelling.repeated-word"
        && d["range"]["start"]["character"] == 0), "{after:#?}");
    assert_eq!(client.shutdown(), Some(0));
}
