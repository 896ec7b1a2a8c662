//! Request and notification handlers.
//!
//! tower-lsp may run notification handlers concurrently (its issue #284), so every edit is
//! applied to the document before the handler's first `.await`: handlers start in arrival
//! order, and nothing that can reorder them runs before the edit is in. Checking happens
//! later, debounced, on the blocking pool; a result for a text that has changed since is
//! dropped.

use super::convert;
use super::documents::{Documents, Snapshot};
use crate::config::Config;
use crate::document::PositionEncoding;
use crate::facts::Facts;
use crate::text::Markup;
use crate::{Context, check};
use ropey::Rope;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

/// Delay between the last keystroke and a check, unless the client sets `debounceMs`.
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

pub struct Backend {
    client: Client,
    state: Arc<State>,
}

struct State {
    documents: Documents,
    encoding: RwLock<PositionEncoding>,
    roots: RwLock<Vec<PathBuf>>,
    /// Editor settings (the `copydesk` section), layered over `copydesk.toml`.
    settings: RwLock<serde_json::Value>,
    debounce: RwLock<Duration>,
    /// Config warnings already shown, so that each is shown once.
    shown: Mutex<HashSet<String>>,
}

fn read<T: Clone>(lock: &RwLock<T>) -> T {
    lock.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

fn write<T>(lock: &RwLock<T>, value: T) {
    *lock
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = value;
}

impl Backend {
    pub fn new(client: Client) -> Self {
        let state = State {
            documents: Documents::default(),
            encoding: RwLock::new(PositionEncoding::Utf16),
            roots: RwLock::new(Vec::new()),
            settings: RwLock::new(serde_json::Value::Null),
            debounce: RwLock::new(DEFAULT_DEBOUNCE),
            shown: Mutex::new(HashSet::new()),
        };
        Self {
            client,
            state: Arc::new(state),
        }
    }

    /// Schedules a debounced check of `uri` at its current generation.
    fn schedule(&self, uri: Url) {
        let Some(generation) = self.state.documents.generation(&uri) else {
            return;
        };
        let client = self.client.clone();
        let state = Arc::clone(&self.state);
        tokio::spawn(async move {
            let debounce = read(&state.debounce);
            if !debounce.is_zero() {
                tokio::time::sleep(debounce).await;
            }
            let Some(snapshot) = state.documents.snapshot(&uri) else {
                return;
            };
            if snapshot.generation != generation {
                return; // a newer edit has scheduled its own check
            }
            check_and_publish(&client, &state, uri, snapshot).await;
        });
    }

    fn recheck_all(&self) {
        for uri in self.state.documents.uris() {
            self.schedule(uri);
        }
    }
}

async fn check_and_publish(client: &Client, state: &Arc<State>, uri: Url, snapshot: Snapshot) {
    let (config, facts, warnings) = resolve_config(state, &uri);
    for warning in warnings {
        let first_time = state
            .shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(warning.clone());
        if first_time {
            client
                .show_message(MessageType::WARNING, format!("copydesk: {warning}"))
                .await;
        }
    }
    let encoding = read(&state.encoding);
    let job_uri = uri.clone();
    let text = snapshot.text;
    let markup = snapshot.markup;
    let result = tokio::task::spawn_blocking(move || {
        let ctx = Context {
            config: &config,
            facts: facts.as_ref(),
            published: None,
        };
        let findings = check(&text, markup, &ctx);
        let rope = Rope::from_str(&text);
        findings
            .iter()
            .map(|f| convert::diagnostic(f, &rope, encoding, &job_uri))
            .collect::<Vec<_>>()
    })
    .await;
    let diagnostics = match result {
        Ok(diagnostics) => diagnostics,
        Err(err) => {
            tracing::error!("checking {uri} failed: {err}");
            vec![Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("copydesk".into()),
                message: format!(
                    "copydesk failed while checking this document ({err}); please report it. Other documents are unaffected."
                ),
                ..Diagnostic::default()
            }]
        }
    };
    if state.documents.generation(&uri) == Some(snapshot.generation) {
        client
            .publish_diagnostics(uri, diagnostics, Some(snapshot.version))
            .await;
    }
}

/// The config for a document: the nearest `copydesk.toml` (not above its workspace
/// folder), editor settings over it, and its facts file. A broken file gives warnings
/// and the defaults, never a dead server.
fn resolve_config(state: &State, uri: &Url) -> (Config, Option<Facts>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut config = Config::default();
    if let Ok(path) = uri.to_file_path() {
        let roots = read(&state.roots);
        let root = roots
            .iter()
            .filter(|r| path.starts_with(r))
            .max_by_key(|r| r.as_os_str().len());
        if let Some(file) = path
            .parent()
            .and_then(|dir| Config::find_file(dir, root.map(PathBuf::as_path)))
        {
            match Config::load(&file) {
                Ok((loaded, file_warnings)) => {
                    config = loaded;
                    warnings.extend(file_warnings);
                }
                Err(e) => warnings.push(format!("{e}; using the default settings")),
            }
        }
        if let Some(dir) = path.parent() {
            warnings.extend(config.add_workspace_words(dir, root.map(PathBuf::as_path)));
        }
    }
    let settings = read(&state.settings);
    if !settings.is_null() {
        warnings.extend(config.apply_json(settings));
    }
    let facts = config
        .facts
        .as_deref()
        .and_then(|path: &Path| match Facts::load(path) {
            Ok(facts) => Some(facts),
            Err(e) => {
                warnings.push(format!("{e}; ages are not checked against it"));
                None
            }
        });
    (config, facts, warnings)
}

/// Splits initialization options into editor settings and server tuning (`debounceMs`).
fn take_debounce(mut options: serde_json::Value) -> (serde_json::Value, Option<Duration>) {
    let debounce = options
        .as_object_mut()
        .and_then(|o| o.remove("debounceMs"))
        .and_then(|v| v.as_u64())
        .map(Duration::from_millis);
    (options, debounce)
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = convert::negotiate_encoding(&params);
        write(&self.state.encoding, encoding);
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
        #[allow(deprecated)] // root_uri is how older clients name their single folder
        if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
            roots.push(root);
        }
        write(&self.state.roots, roots);
        if let Some(options) = params.initialization_options {
            let (settings, debounce) = take_debounce(options);
            if let Some(d) = debounce {
                write(&self.state.debounce, d);
            }
            write(&self.state.settings, settings);
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        tracing::info!("copydesk {} ready", env!("CARGO_PKG_VERSION"));
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let markup = Markup::from_language_id(&doc.language_id);
        let markup = if markup == Markup::Plain {
            doc.uri
                .to_file_path()
                .map_or(markup, |p| Markup::from_path(&p))
        } else {
            markup
        };
        self.state
            .documents
            .open(doc.uri.clone(), &doc.text, doc.version, markup);
        self.schedule(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let changes: Vec<_> = params
            .content_changes
            .into_iter()
            .map(convert::text_change)
            .collect();
        let encoding = read(&self.state.encoding);
        if self
            .state
            .documents
            .change(&uri, &changes, params.text_document.version, encoding)
        {
            self.schedule(uri);
        } else {
            tracing::warn!("didChange for {uri}, which is not open: ignored");
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state.documents.close(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let settings = params
            .settings
            .get("copydesk")
            .cloned()
            .unwrap_or(params.settings);
        let (settings, debounce) = take_debounce(settings);
        if let Some(d) = debounce {
            write(&self.state.debounce, d);
        }
        write(&self.state.settings, settings);
        self.recheck_all();
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let mut actions = Vec::new();
        for diagnostic in params
            .context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some("copydesk"))
        {
            let suggestions = diagnostic
                .data
                .as_ref()
                .and_then(|d| d.get("suggestions"))
                .and_then(|s| s.as_array())
                .cloned()
                .unwrap_or_default();
            for (rank, suggestion) in suggestions.iter().filter_map(|s| s.as_str()).enumerate() {
                let edit = TextEdit {
                    range: diagnostic.range,
                    new_text: suggestion.to_string(),
                };
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Replace with “{suggestion}”"),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some([(uri.clone(), vec![edit])].into_iter().collect()),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(rank == 0),
                    ..CodeAction::default()
                }));
            }
        }
        Ok(Some(actions))
    }
}
