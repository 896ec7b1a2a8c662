//! Request and notification handlers.
//!
//! tower-lsp may run notification handlers concurrently (its issue #284), so every edit is
//! applied to the document before the handler's first `.await`: handlers start in arrival
//! order, and nothing that can reorder them runs before the edit is in. Checking happens
//! on the check thread ([`super::checker`]); a result for a text that has changed since is never published.
//!
//! Diagnostics are pulled (`textDocument/diagnostic`, `workspace/diagnostic`) when the
//! client says it can, and pushed (debounced `publishDiagnostics`) otherwise. Both paths
//! share one cache keyed by the document's generation and the settings epoch, which hover
//! and "fix all" read too, so a draft is checked once per edit whoever asks.

use super::actions::{self, COMMANDS};
use super::checker::{Checker, Priority};
use super::convert;
use super::documents::{Documents, Snapshot};
use super::framing::Outlet;
use super::workspace::{self, EditorSettings};
use crate::checks::Suggestions;
use crate::document::PositionEncoding;
use crate::incremental::Session;
use crate::text::Markup;
use crate::{Context, check};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::notification::Progress;
use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

/// Delay between the last keystroke and a pushed check, unless the client sets
/// `debounceMs`. Pulled diagnostics are not delayed: the client paces its own requests.
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

pub struct Backend {
    client: Client,
    state: Arc<State>,
}

/// What the client said it can do, at initialize.
#[derive(Clone, Copy, Debug, Default)]
struct ClientCaps {
    pull_diagnostics: bool,
    diagnostic_refresh: bool,
    configuration: bool,
    work_done_progress: bool,
    watched_files_registration: bool,
}

/// Diagnostics of one document at one generation and settings epoch.
#[derive(Clone, Debug)]
struct Cached {
    generation: u64,
    epoch: u64,
    diagnostics: Arc<Vec<Diagnostic>>,
}

struct State {
    documents: Documents,
    encoding: RwLock<PositionEncoding>,
    roots: RwLock<Vec<PathBuf>>,
    /// Editor settings (the `copydesk` section), layered over `copydesk.toml`.
    settings: RwLock<EditorSettings>,
    debounce: RwLock<Duration>,
    caps: RwLock<ClientCaps>,
    /// Bumped whenever anything but the text can change results (settings, config files,
    /// the dictionary), so cached results and result ids from before are recognised.
    epoch: AtomicU64,
    cache: Mutex<HashMap<Url, Cached>>,
    /// Per open document: what an edit leaves unchanged is not analysed again.
    sessions: Mutex<HashMap<Url, Arc<Mutex<Session>>>>,
    /// Config warnings already shown, so that each is shown once.
    shown: Mutex<HashSet<String>>,
    shutting_down: AtomicBool,
    checker: Checker,
    /// The frames channel to the client ([`super::framing`]): pushed diagnostics go
    /// there as ready-made frames (see [`publish`]).
    outlet: Outlet,
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

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Every critical section below is a single insert, lookup or removal, or a session's
    // check, whose caches are keyed by the text they were computed from: a panic cannot
    // leave the data inconsistent, so a poisoned lock is still good to use.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Backend {
    /// A server whose pushed diagnostics go straight into the client's frame channel.
    pub fn new(client: Client, outlet: Outlet) -> Self {
        let state = State {
            documents: Documents::default(),
            encoding: RwLock::new(PositionEncoding::Utf16),
            roots: RwLock::new(Vec::new()),
            settings: RwLock::new(EditorSettings::default()),
            debounce: RwLock::new(DEFAULT_DEBOUNCE),
            caps: RwLock::new(ClientCaps::default()),
            epoch: AtomicU64::new(0),
            cache: Mutex::new(HashMap::new()),
            sessions: Mutex::new(HashMap::new()),
            shown: Mutex::new(HashSet::new()),
            shutting_down: AtomicBool::new(false),
            checker: Checker::default(),
            outlet,
        };
        Self {
            client,
            state: Arc::new(state),
        }
    }

    /// Takes pushed editor settings (initialization options or didChangeConfiguration)
    /// as the global settings; `debounceMs` among them tunes the server instead.
    fn set_global_settings(&self, options: serde_json::Value) {
        let (settings, debounce) = take_debounce(options);
        if let Some(d) = debounce {
            write(&self.state.debounce, d);
        }
        write(
            &self.state.settings,
            EditorSettings {
                global: settings,
                folders: HashMap::new(),
            },
        );
    }

    fn pull_mode(&self) -> bool {
        read(&self.state.caps).pull_diagnostics
    }

    /// Schedules a debounced check and push of `uri` at its current generation (push mode
    /// only: a pulling client asks when it wants them).
    fn schedule(&self, uri: Url) {
        if self.pull_mode() {
            return;
        }
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
            if state.documents.generation(&uri) != Some(generation) {
                return; // a newer edit has scheduled its own check
            }
            let Some((snapshot, diagnostics)) = diagnostics_for(&client, &state, &uri).await else {
                return;
            };
            if state.documents.generation(&uri) == Some(snapshot.generation)
                && !state.shutting_down.load(Ordering::Relaxed)
            {
                publish(&state, &uri, &diagnostics, Some(snapshot.version));
            }
        });
    }

    /// Settings, a config file or the dictionary changed: every result may differ.
    fn refresh(&self) {
        self.state.epoch.fetch_add(1, Ordering::Relaxed);
        if self.pull_mode() {
            if read(&self.state.caps).diagnostic_refresh {
                let client = self.client.clone();
                tokio::spawn(async move {
                    if let Err(e) = client.workspace_diagnostic_refresh().await {
                        tracing::warn!("workspace/diagnostic/refresh failed: {e}");
                    }
                });
            }
        } else {
            for uri in self.state.documents.uris() {
                self.schedule(uri);
            }
        }
    }

    /// Asks the client for the `copydesk` section, globally and for each folder.
    async fn pull_settings(&self) {
        if !read(&self.state.caps).configuration {
            return;
        }
        let roots = read(&self.state.roots);
        let mut items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        }];
        items.extend(roots.iter().filter_map(|r| {
            Some(ConfigurationItem {
                scope_uri: Some(Url::from_directory_path(r).ok()?),
                section: Some("copydesk".into()),
            })
        }));
        let scoped: Vec<PathBuf> = roots
            .iter()
            .filter(|r| Url::from_directory_path(r).is_ok())
            .cloned()
            .collect();
        match self.client.configuration(items).await {
            Ok(values) => {
                let mut values = values.into_iter();
                let global = values.next().unwrap_or_default();
                let folders = scoped.into_iter().zip(values).collect();
                let debounce = global
                    .get("debounceMs")
                    .and_then(serde_json::Value::as_u64)
                    .map(Duration::from_millis);
                if let Some(d) = debounce {
                    write(&self.state.debounce, d);
                }
                write(&self.state.settings, EditorSettings { global, folders });
            }
            Err(e) => tracing::warn!("workspace/configuration failed: {e}"),
        }
    }

    fn document_path(&self, uri: &Url) -> Result<PathBuf> {
        uri.to_file_path()
            .map_err(|()| Error::invalid_params(format!("{uri} is not a file on disk")))
    }

    async fn add_word(&self, args: serde_json::Value) -> Result<Option<serde_json::Value>> {
        #[derive(serde::Deserialize)]
        struct Args {
            uri: Url,
            word: String,
        }
        let Args { uri, word } = serde_json::from_value(args)
            .map_err(|e| Error::invalid_params(format!("expected {{uri, word}}: {e}")))?;
        let draft = self.document_path(&uri)?;
        let roots = read(&self.state.roots);
        let root = workspace::dictionary_root(&roots, &draft)
            .ok_or_else(|| Error::invalid_params(format!("{uri} has no folder")))?;
        let written =
            tokio::task::spawn_blocking(move || crate::user_dictionary::add_word(&root, &word))
                .await
                .map_err(|e| internal(format!("adding the word failed: {e}")))?
                .map_err(|e| Error::invalid_params(format!("cannot add the word: {e}")))?;
        self.refresh();
        Ok(Some(serde_json::json!({ "path": written })))
    }

    async fn disable_in_workspace(
        &self,
        args: serde_json::Value,
    ) -> Result<Option<serde_json::Value>> {
        #[derive(serde::Deserialize)]
        struct Args {
            uri: Url,
            rule: String,
        }
        let Args { uri, rule } = serde_json::from_value(args)
            .map_err(|e| Error::invalid_params(format!("expected {{uri, rule}}: {e}")))?;
        let looks_like_rule = !rule.is_empty()
            && rule
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
        if !looks_like_rule {
            return Err(Error::invalid_params(format!("`{rule}` is not a rule id")));
        }
        let draft = self.document_path(&uri)?;
        let roots = read(&self.state.roots);
        let path = workspace::config_file_for(&roots, &draft)
            .ok_or_else(|| Error::invalid_params(format!("{uri} has no folder")))?;
        let target = path.clone();
        tokio::task::spawn_blocking(move || actions::disable_rule_in_config(&target, &rule))
            .await
            .map_err(|e| internal(format!("editing the config failed: {e}")))?
            .map_err(Error::invalid_params)?;
        self.refresh();
        Ok(Some(serde_json::json!({ "path": path })))
    }

    /// Checks every draft of every workspace folder that is not open, reporting progress.
    /// A draft whose result id (settings epoch, modification time, size) is the one in
    /// `previous` is not read again: it comes back as `None`, unchanged. Clients re-ask
    /// for workspace diagnostics every few seconds, so this keeps the repeats to a walk.
    async fn check_workspace(
        &self,
        token: Option<ProgressToken>,
        previous: &HashMap<Url, String>,
    ) -> Vec<(Url, String, Option<Vec<Diagnostic>>)> {
        let roots = read(&self.state.roots);
        let open: HashSet<Url> = self.state.documents.uris().into_iter().collect();
        let epoch = self.state.epoch.load(Ordering::Relaxed);
        let drafts = tokio::task::spawn_blocking(move || {
            workspace::drafts(&roots)
                .into_iter()
                .filter_map(|path| {
                    let uri = Url::from_file_path(&path).ok()?;
                    let meta = std::fs::metadata(&path).ok()?;
                    let modified = meta
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| d.as_nanos());
                    let result_id = format!("{epoch}:{modified}:{}", meta.len());
                    Some((uri, path, result_id))
                })
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let (unchanged, to_check): (Vec<_>, Vec<_>) = drafts
            .into_iter()
            .filter(|(uri, _, _)| !open.contains(uri))
            .partition(|(uri, _, id)| previous.get(uri) == Some(id));
        let mut out: Vec<(Url, String, Option<Vec<Diagnostic>>)> = unchanged
            .into_iter()
            .map(|(uri, _, id)| (uri, id, None))
            .collect();
        if to_check.is_empty() {
            return out;
        }
        let total = to_check.len();
        let progress = Reporter::begin(&self.client, &self.state, token, total).await;
        for (done, (uri, path, result_id)) in to_check.into_iter().enumerate() {
            progress
                .report(&format!("{}/{total}: {}", done + 1, path.display()), done)
                .await;
            if let Some(diagnostics) = check_file(&self.client, &self.state, &uri, path).await {
                out.push((uri, result_id, Some(diagnostics)));
            }
        }
        progress.end(&format!("checked {total} drafts")).await;
        out
    }
}

fn internal(message: String) -> Error {
    Error {
        code: tower_lsp::jsonrpc::ErrorCode::InternalError,
        message: message.into(),
        data: None,
    }
}

/// `window/workDoneProgress` for a workspace check: the client's token if it gave one,
/// else one we ask it to create, else nothing.
struct Reporter {
    client: Client,
    token: Option<ProgressToken>,
    total: usize,
}

impl Reporter {
    async fn begin(
        client: &Client,
        state: &State,
        token: Option<ProgressToken>,
        total: usize,
    ) -> Self {
        let token = match token {
            Some(token) => Some(token),
            None if read(&state.caps).work_done_progress => {
                // Unique per run: two workspace checks may overlap.
                static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);
                let token = ProgressToken::String(format!(
                    "copydesk/workspace/{}",
                    NEXT_TOKEN.fetch_add(1, Ordering::Relaxed)
                ));
                let created = client
                    .send_request::<WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                        token: token.clone(),
                    })
                    .await;
                created.is_ok().then_some(token)
            }
            None => None,
        };
        let reporter = Self {
            client: client.clone(),
            token,
            total,
        };
        reporter
            .send(WorkDoneProgress::Begin(WorkDoneProgressBegin {
                title: "copydesk: checking the workspace".into(),
                cancellable: Some(false),
                message: Some(format!("{total} drafts")),
                percentage: Some(0),
            }))
            .await;
        reporter
    }

    async fn report(&self, message: &str, done: usize) {
        let percentage = (done * 100).checked_div(self.total).unwrap_or(100);
        self.send(WorkDoneProgress::Report(WorkDoneProgressReport {
            cancellable: Some(false),
            message: Some(message.into()),
            percentage: u32::try_from(percentage).ok(),
        }))
        .await;
    }

    async fn end(&self, message: &str) {
        self.send(WorkDoneProgress::End(WorkDoneProgressEnd {
            message: Some(message.into()),
        }))
        .await;
    }

    async fn send(&self, value: WorkDoneProgress) {
        if let Some(token) = &self.token {
            self.client
                .send_notification::<Progress>(ProgressParams {
                    token: token.clone(),
                    value: ProgressParamsValue::WorkDone(value),
                })
                .await;
        }
    }
}

/// The diagnostics of an open document at its current text: cached if nothing changed
/// since, else checked now. `None` once it is closed.
async fn diagnostics_for(
    client: &Client,
    state: &Arc<State>,
    uri: &Url,
) -> Option<(Snapshot, Arc<Vec<Diagnostic>>)> {
    let snapshot = state.documents.snapshot(uri)?;
    let epoch = state.epoch.load(Ordering::Relaxed);
    if let Some(cached) = lock(&state.cache).get(uri)
        && cached.generation == snapshot.generation
        && cached.epoch == epoch
    {
        return Some((snapshot, Arc::clone(&cached.diagnostics)));
    }
    let path = uri.to_file_path().ok();
    let session = Arc::clone(lock(&state.sessions).entry(uri.clone()).or_default());
    let diagnostics = run_check(
        client,
        state,
        uri,
        path,
        CheckInput {
            text: snapshot.text.clone(),
            markup: snapshot.markup,
        },
        Some(session),
    )
    .await;
    let diagnostics = Arc::new(diagnostics);
    lock(&state.cache).insert(
        uri.clone(),
        Cached {
            generation: snapshot.generation,
            epoch,
            diagnostics: Arc::clone(&diagnostics),
        },
    );
    Some((snapshot, diagnostics))
}

/// Pushes a document's diagnostics, written straight to the client's frame channel:
/// through tower-lsp they would be built into a JSON tree, printed, and passed through an
/// in-memory pipe to be framed again, which on a long draft (hundreds of diagnostics,
/// 250 KB) took longer than checking the keystroke. Every push takes this one path, so
/// pushes reach the client in the order they are made.
fn publish(state: &State, uri: &Url, diagnostics: &[Diagnostic], version: Option<i32>) {
    #[derive(serde::Serialize)]
    struct Params<'a> {
        uri: &'a Url,
        diagnostics: &'a [Diagnostic],
        #[serde(skip_serializing_if = "Option::is_none")]
        version: Option<i32>,
    }
    #[derive(serde::Serialize)]
    struct Notification<'a> {
        jsonrpc: &'static str,
        method: &'static str,
        params: Params<'a>,
    }
    let notification = Notification {
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: Params {
            uri,
            diagnostics,
            version,
        },
    };
    match serde_json::to_vec(&notification) {
        Ok(body) => {
            // The channel closes only when the client has gone.
            let _ = state.outlet.send(super::framing::encode(&body));
        }
        Err(e) => tracing::error!("cannot encode the diagnostics of {uri}: {e}"),
    }
}

/// Checks a draft on disk that is not open (workspace diagnostics).
async fn check_file(
    client: &Client,
    state: &Arc<State>,
    uri: &Url,
    path: PathBuf,
) -> Option<Vec<Diagnostic>> {
    let source = crate::cli::input::Source::File(path.clone());
    let loaded = tokio::task::spawn_blocking(move || crate::cli::input::load(&source, u64::MAX))
        .await
        .ok()?;
    let text = match loaded {
        Ok(crate::cli::input::Loaded::Text { text, .. }) => text,
        Ok(crate::cli::input::Loaded::Skipped(note)) => {
            tracing::info!("{note}");
            return None;
        }
        Err(e) => {
            tracing::warn!("{e}");
            return None;
        }
    };
    let markup = Markup::from_path(&path);
    let input = CheckInput { text, markup };
    Some(run_check(client, state, uri, Some(path), input, None).await)
}

/// A text to check.
struct CheckInput {
    text: String,
    markup: Markup,
}

/// Checks one text off the async runtime. A panic in a check becomes one error diagnostic
/// on that document; the server goes on serving the others.
async fn run_check(
    client: &Client,
    state: &Arc<State>,
    uri: &Url,
    path: Option<PathBuf>,
    input: CheckInput,
    session: Option<Arc<Mutex<Session>>>,
) -> Vec<Diagnostic> {
    let CheckInput { text, markup } = input;
    let roots = read(&state.roots);
    let settings = read(&state.settings);
    let (config, facts, warnings) = workspace::resolve_config(&roots, &settings, path.as_deref());
    for warning in warnings {
        let first_time = lock(&state.shown).insert(warning.clone());
        if first_time {
            client
                .show_message(MessageType::WARNING, format!("copydesk: {warning}"))
                .await;
        }
    }
    let encoding = read(&state.encoding);
    let job_uri = uri.clone();
    let max_bytes = config.limits.max_file_bytes;
    let priority = if session.is_some() {
        Priority::Open
    } else {
        Priority::Background
    };
    let result = state.checker.run(priority, move || {
        if text.len() as u64 > max_bytes {
            return Err(format!(
                "{} bytes is over the limit of {max_bytes} ([limits] max_file_bytes in copydesk.toml): not checked",
                text.len()
            ));
        }
        let ctx = Context {
            suggestions: Suggestions::Near,
            config: &config,
            facts: facts.as_ref(),
            published: None,
        };
        let findings = match &session {
            Some(session) => lock(session).check(&text, markup, &ctx),
            None => check(&text, markup, &ctx),
        };
        Ok(convert::diagnostics(
            &findings,
            &text,
            encoding,
            &job_uri,
            ctx.suggestions,
        ))
    })
    .await;
    let message = match result {
        Ok(Ok(diagnostics)) => return diagnostics,
        Ok(Err(refusal)) => refusal,
        Err(err) => {
            tracing::error!("checking {uri} failed: {err}");
            format!(
                "copydesk failed while checking this document ({err}); please report it. Other documents are unaffected."
            )
        }
    };
    vec![Diagnostic {
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("copydesk".into()),
        message,
        ..Diagnostic::default()
    }]
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

fn client_caps(params: &InitializeParams) -> ClientCaps {
    let caps = &params.capabilities;
    let text = caps.text_document.as_ref();
    let ws = caps.workspace.as_ref();
    let diagnostic_refresh = ws
        .and_then(|w| w.diagnostic.as_ref())
        .and_then(|d| d.refresh_support)
        .unwrap_or(false);
    // Pull only when the server can also ask for a new pull (`workspace/diagnostic/refresh`):
    // without it, a settings or dictionary change could not reach the client until the
    // next keystroke (Neovim 0.11 pulls but has no refresh support, so it gets pushes).
    // `COPYDESK_DIAGNOSTICS=push` forces the push model for any client.
    let force_push = std::env::var("COPYDESK_DIAGNOSTICS").is_ok_and(|v| v == "push");
    ClientCaps {
        pull_diagnostics: !force_push
            && diagnostic_refresh
            && text.and_then(|t| t.diagnostic.as_ref()).is_some(),
        diagnostic_refresh,
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        watched_files_registration: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
    }
}

fn full_report(result_id: String, items: Vec<Diagnostic>) -> FullDocumentDiagnosticReport {
    FullDocumentDiagnosticReport {
        result_id: Some(result_id),
        items,
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = convert::negotiate_encoding(&params);
        write(&self.state.encoding, encoding);
        let caps = client_caps(&params);
        write(&self.state.caps, caps);
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
        #[allow(deprecated)] // root_uri is how older clients name their single folder
        if roots.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok())
        {
            roots.push(root);
        }
        write(&self.state.roots, roots);
        if let Some(options) = params.initialization_options {
            self.set_global_settings(options);
        }
        let diagnostic_provider = caps.pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("copydesk".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: true,
                work_done_progress_options: WorkDoneProgressOptions {
                    work_done_progress: Some(true),
                },
            })
        });
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
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            actions::fix_all_kind(),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                diagnostic_provider,
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: COMMANDS.iter().map(|c| c.to_string()).collect(),
                    ..ExecuteCommandOptions::default()
                }),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
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
        // Both varieties' dictionaries, parsed while the client opens its first draft
        // rather than when that draft's words need them.
        let _ = std::thread::Builder::new()
            .name("warm-up".into())
            .spawn(crate::checks::spelling::load_dictionaries);
        let caps = read(&self.state.caps);
        if caps.watched_files_registration {
            // Config files, facts files (TOML too) and the workspace dictionary: a change
            // to any of them can change every open draft's findings.
            let watchers = ["**/*.toml", "**/.copydesk/dictionary.txt"]
                .into_iter()
                .map(|glob| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(glob.into()),
                    kind: None,
                })
                .collect();
            let registration = Registration {
                id: "copydesk-watched-files".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                    watchers,
                })
                .ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                tracing::warn!("cannot watch config files: {e}");
            }
        }
        if caps.configuration {
            self.pull_settings().await;
            self.refresh();
        }
    }

    async fn shutdown(&self) -> Result<()> {
        // Pending debounced checks see this and publish nothing; tower-lsp answers any
        // later request with an error and stops on `exit`.
        self.state.shutting_down.store(true, Ordering::Relaxed);
        tracing::info!("shutting down");
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
        lock(&self.state.cache).remove(&uri);
        lock(&self.state.sessions).remove(&uri);
        if !self.pull_mode() {
            publish(&self.state, &uri, &[], None);
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if read(&self.state.caps).configuration {
            // The notification's payload is unreliable across clients (often null):
            // ask for the section, per folder.
            self.pull_settings().await;
        } else {
            let settings = params
                .settings
                .get("copydesk")
                .cloned()
                .unwrap_or(params.settings);
            self.set_global_settings(settings);
        }
        self.refresh();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        tracing::debug!("{} watched files changed", params.changes.len());
        self.refresh();
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut roots = self
                .state
                .roots
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for removed in &params.event.removed {
                if let Ok(path) = removed.uri.to_file_path() {
                    roots.retain(|r| *r != path);
                }
            }
            for added in &params.event.added {
                if let Ok(path) = added.uri.to_file_path()
                    && !roots.contains(&path)
                {
                    roots.push(path);
                }
            }
        }
        self.pull_settings().await;
        self.refresh();
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let only = params.context.only.as_ref();
        let wants = |kind: &CodeActionKind| {
            only.is_none_or(|kinds| {
                kinds
                    .iter()
                    .any(|k| kind.as_str().starts_with(k.as_str()) || k == kind)
            })
        };
        let mut actions = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            let snapshot = self.state.documents.snapshot(&uri);
            // The configuration is read from disk only if a diagnostic needs its full
            // ranking, and then once for the request.
            let language = std::cell::OnceCell::new();
            let ranked = |word: &str| {
                let language = *language.get_or_init(|| {
                    let roots = read(&self.state.roots);
                    let settings = read(&self.state.settings);
                    let path = uri.to_file_path().ok();
                    workspace::resolve_config(&roots, &settings, path.as_deref())
                        .0
                        .language
                });
                crate::checks::spelling::ranked_suggestions(language, word)
            };
            let draft = snapshot.as_ref().map(|s| actions::Draft {
                text: &s.text,
                rope: &s.rope,
                encoding: read(&self.state.encoding),
                ranked: &ranked,
            });
            actions.extend(actions::quick_fixes(
                &uri,
                &params.context.diagnostics,
                draft.as_ref(),
            ));
        }
        if wants(&actions::fix_all_kind())
            && let Some((_, diagnostics)) = diagnostics_for(&self.client, &self.state, &uri).await
        {
            actions.extend(actions::fix_all(&uri, &diagnostics));
        }
        Ok(Some(actions))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let position = params.text_document_position_params.position;
        let Some((_, diagnostics)) = diagnostics_for(&self.client, &self.state, &uri).await else {
            return Ok(None);
        };
        let here: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| convert::range_contains(&d.range, position))
            .collect();
        let Some(first) = here.first() else {
            return Ok(None);
        };
        let sections: Vec<String> = here
            .iter()
            .map(|d| {
                let rule = match &d.code {
                    Some(NumberOrString::String(rule)) => rule.as_str(),
                    _ => "copydesk",
                };
                let explanation = crate::checks::rule(rule)
                    .map(|r| format!("\n\n**{}.** {}", capitalise(r.summary), r.explanation))
                    .unwrap_or_default();
                format!("**copydesk** `{rule}`: {}{explanation}", d.message)
            })
            .collect();
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range: Some(first.range),
        }))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let epoch = self.state.epoch.load(Ordering::Relaxed);
        let Some((snapshot, diagnostics)) = diagnostics_for(&self.client, &self.state, &uri).await
        else {
            // Not open (or closed meanwhile): nothing to say about it.
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport::default(),
                }),
            ));
        };
        let result_id = format!("{epoch}:{}", snapshot.generation);
        if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                }),
            ));
        }
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: full_report(result_id, diagnostics.to_vec()),
            }),
        ))
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let previous: HashMap<Url, String> = params
            .previous_result_ids
            .into_iter()
            .map(|p| (p.uri, p.value))
            .collect();
        let checked = self
            .check_workspace(params.work_done_progress_params.work_done_token, &previous)
            .await;
        let items = checked
            .into_iter()
            .map(|(uri, result_id, diagnostics)| match diagnostics {
                None => WorkspaceDocumentDiagnosticReport::Unchanged(
                    WorkspaceUnchangedDocumentDiagnosticReport {
                        uri,
                        version: None,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                            result_id,
                        },
                    },
                ),
                Some(diagnostics) => {
                    WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                        uri,
                        version: None,
                        full_document_diagnostic_report: full_report(result_id, diagnostics),
                    })
                }
            })
            .collect();
        Ok(WorkspaceDiagnosticReportResult::Report(
            WorkspaceDiagnosticReport { items },
        ))
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        let arg = params
            .arguments
            .into_iter()
            .next()
            .unwrap_or(serde_json::Value::Null);
        match params.command.as_str() {
            actions::CMD_ADD_WORD => self.add_word(arg).await,
            actions::CMD_DISABLE_IN_WORKSPACE => self.disable_in_workspace(arg).await,
            actions::CMD_RECHECK => {
                self.refresh();
                Ok(None)
            }
            actions::CMD_CHECK_WORKSPACE => {
                let checked = self
                    .check_workspace(
                        params.work_done_progress_params.work_done_token,
                        &HashMap::new(),
                    )
                    .await;
                let drafts = checked.len();
                let findings: usize = checked
                    .iter()
                    .map(|(_, _, d)| d.as_ref().map_or(0, Vec::len))
                    .sum();
                if !self.pull_mode() {
                    for (uri, _, diagnostics) in checked {
                        publish(&self.state, &uri, &diagnostics.unwrap_or_default(), None);
                    }
                }
                Ok(Some(
                    serde_json::json!({ "drafts": drafts, "findings": findings }),
                ))
            }
            other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
