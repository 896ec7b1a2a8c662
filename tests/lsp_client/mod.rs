//! A small LSP client for tests: runs the real `copydesk lsp` binary as a child process
//! and speaks JSON-RPC to it over its stdin and stdout.
//!
//! Server-to-client requests are answered as an editor would: `workspace/configuration`
//! from the settings the test set, everything else (`client/registerCapability`,
//! `window/workDoneProgress/create`, `workspace/diagnostic/refresh`) with `null`. Every
//! message from the server is kept in `log` so a test can look back at what was sent.

#![allow(dead_code)] // each test binary uses a different part of the client

use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};
use tower_lsp::lsp_types::Url;

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Every message received from the server, in order.
    pub log: Vec<Value>,
    /// Messages received but not yet matched by a wait.
    pending: VecDeque<Value>,
    /// Answers to `workspace/configuration`: by scope URI, `""` for the global scope.
    pub settings: HashMap<String, Value>,
    /// The open documents' texts, kept in step with the edits sent.
    pub texts: HashMap<String, String>,
    versions: HashMap<String, i32>,
}

pub fn uri(path: &Path) -> String {
    Url::from_file_path(path)
        .expect("absolute path")
        .to_string()
}

pub fn dir_uri(path: &Path) -> String {
    Url::from_directory_path(path)
        .expect("absolute path")
        .to_string()
}

impl Client {
    /// Starts the server and runs `initialize` / `initialized`. `capabilities` is merged
    /// over a minimal client's; returns the client and the server's capabilities.
    pub fn start(folders: &[&Path], capabilities: Value, options: Value) -> (Self, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .env("COPYDESK_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start copydesk lsp");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            stdin: child.stdin.take(),
            child,
            incoming: rx,
            next_id: 0,
            log: Vec::new(),
            pending: VecDeque::new(),
            settings: HashMap::new(),
            texts: HashMap::new(),
            versions: HashMap::new(),
        };
        let mut caps = json!({
            "general": { "positionEncodings": ["utf-16"] },
            "textDocument": { "publishDiagnostics": { "relatedInformation": true } },
        });
        merge(&mut caps, capabilities);
        let folders_json: Vec<Value> = folders
            .iter()
            .map(|f| json!({ "uri": dir_uri(f), "name": f.display().to_string() }))
            .collect();
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": folders.first().map(|f| dir_uri(f)),
                "workspaceFolders": folders_json,
                "capabilities": caps,
                "initializationOptions": options,
            }),
        );
        let server_caps = result["result"]["capabilities"].clone();
        client.notify("initialized", json!({}));
        (client, server_caps)
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to server");
        stdin.flush().expect("flush");
    }

    /// A `Null` `params` is left out, as for `shutdown` and `exit` (tower-lsp refuses
    /// `"params": null` there).
    pub fn notify(&mut self, method: &str, params: Value) {
        let mut message = json!({ "jsonrpc": "2.0", "method": method, "params": params });
        if params_is_void(&message) {
            message.as_object_mut().map(|m| m.remove("params"));
        }
        self.send(message);
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        if params_is_void(&message) {
            message.as_object_mut().map(|m| m.remove("params"));
        }
        self.send(message);
        self.wait(&format!("the response to {method}"), |m| {
            m.get("method").is_none() && m["id"] == json!(id)
        })
    }

    /// Waits for a message from the server matching `pred`, answering the server's
    /// requests meanwhile. Messages that did not match are kept, in order, for a later
    /// wait (diagnostics for one draft may arrive while waiting for another's). Panics
    /// after [`TIMEOUT`].
    pub fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&pred) {
            return self.pending.remove(i).expect("index in range");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => panic!("server exited before {what}"),
            };
            self.log.push(message.clone());
            if message.get("method").is_some() && message.get("id").is_some() {
                self.answer(&message);
            }
            if pred(&message) {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    fn answer(&mut self, request: &Value) {
        let result = match request["method"].as_str() {
            Some("workspace/configuration") => {
                let items = request["params"]["items"].as_array().cloned();
                Value::Array(
                    items
                        .unwrap_or_default()
                        .iter()
                        .map(|item| {
                            let scope = item["scopeUri"].as_str().unwrap_or("");
                            self.settings
                                .get(scope)
                                .or_else(|| self.settings.get(""))
                                .cloned()
                                .unwrap_or(Value::Null)
                        })
                        .collect(),
                )
            }
            _ => Value::Null,
        };
        self.send(json!({ "jsonrpc": "2.0", "id": request["id"], "result": result }));
    }

    pub fn open(&mut self, path: &Path, language_id: &str) -> String {
        let text = std::fs::read_to_string(path).expect("read draft");
        let uri = uri(path);
        self.texts.insert(uri.clone(), text.clone());
        self.versions.insert(uri.clone(), 1);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language_id, "version": 1, "text": text } }),
        );
        uri
    }

    /// Applies LSP text edits (UTF-16 positions) to our copy of the document and sends
    /// them as one incremental didChange; returns the new version.
    pub fn edit(&mut self, uri: &str, edits: &[Value]) -> i32 {
        let mut edits = edits.to_vec();
        // Apply from the end so earlier positions stay valid; send in the same order, as
        // each change is applied to the text as already changed.
        edits.sort_by_key(|e| {
            std::cmp::Reverse((
                e["range"]["start"]["line"].as_u64(),
                e["range"]["start"]["character"].as_u64(),
            ))
        });
        let text = self.texts.get_mut(uri).expect("document open");
        for edit in &edits {
            let start = offset_utf16(text, &edit["range"]["start"]);
            let end = offset_utf16(text, &edit["range"]["end"]);
            text.replace_range(start..end, edit["newText"].as_str().expect("newText"));
        }
        let version = self.versions.get(uri).copied().unwrap_or(1) + 1;
        self.versions.insert(uri.to_string(), version);
        let changes: Vec<Value> = edits
            .iter()
            .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
            .collect();
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
        version
    }

    /// Applies a code action's edit for `uri`; returns the new version.
    pub fn apply_action(&mut self, uri: &str, action: &Value) -> i32 {
        let edits = action["edit"]["changes"][uri]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("action without an edit for {uri}: {action}"));
        self.edit(uri, &edits)
    }

    /// The next `publishDiagnostics` for `uri` (at `version`, if given).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i32>) -> Vec<Value> {
        let message = self.wait(&format!("diagnostics for {uri} at {version:?}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == json!(v))
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// `shutdown` then `exit`; returns the exit code.
    pub fn shutdown(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Byte offset of an LSP (UTF-16) position, computed naively as a reference for the
/// server's rope-based conversion.
pub fn offset_utf16(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let character = position["character"].as_u64().expect("character") as usize;
    let mut line_start = 0;
    for _ in 0..line {
        line_start += text[line_start..]
            .find('\n')
            .map_or(text.len() - line_start, |p| p + 1);
    }
    let mut units = 0;
    for (i, c) in text[line_start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The LSP (UTF-16) position of a byte offset, computed naively.
pub fn position_utf16(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

fn params_is_void(message: &Value) -> bool {
    message["params"].is_null()
}

fn merge(base: &mut Value, extra: Value) {
    match (base, extra) {
        (Value::Object(b), Value::Object(e)) => {
            for (k, v) in e {
                merge(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (b, e) => *b = e,
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length:") {
            length = n.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
