//! The "add to dictionary" code action end to end, on a real `spelling.unknown-word`
//! diagnostic: the server writes the word to `.copydesk/dictionary.txt` in the workspace
//! and the diagnostic is gone when the draft is checked again.

mod lsp_client;

use lsp_client::Client;
use serde_json::{Value, json};

const DRAFT: &str = "Talks in Istanbul stalled. Delegates in Instanbul met again.\n";

fn unknown_words(diagnostics: &[Value]) -> Vec<&Value> {
    diagnostics
        .iter()
        .filter(|d| d["code"] == "spelling.unknown-word")
        .collect()
}

#[test]
fn adding_a_word_writes_the_dictionary_and_clears_the_diagnostic() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, DRAFT).expect("draft written");
    let (mut client, _) = Client::start(&[dir.path()], json!({}), json!({ "debounceMs": 0 }));
    let uri = client.open(&draft, "plaintext");
    let diagnostics = client.diagnostics(&uri, Some(1));
    let found = unknown_words(&diagnostics);
    assert_eq!(found.len(), 1, "{diagnostics:#?}");
    let diagnostic = found[0].clone();

    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        }),
    );
    let actions = response["result"].as_array().cloned().unwrap_or_default();
    let add = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Add “Instanbul”"))
        })
        .unwrap_or_else(|| panic!("no add-word action in {actions:#?}"));
    let result = client.request("workspace/executeCommand", add["command"].clone());
    assert!(result.get("error").is_none(), "{result}");

    let dictionary = dir.path().join(".copydesk/dictionary.txt");
    let words = std::fs::read_to_string(&dictionary).expect("dictionary written");
    assert_eq!(words.lines().collect::<Vec<_>>(), ["Instanbul"]);

    // The draft is checked again with the new word list, without an edit.
    let again = client.diagnostics(&uri, Some(1));
    assert!(unknown_words(&again).is_empty(), "{again:#?}");
    client.shutdown();
}
