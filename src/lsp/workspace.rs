//! Workspace folders, the settings of each, and where their files are.
//!
//! Each workspace folder has its own `copydesk.toml` (found from the draft upwards, never
//! above the folder), its own dictionary and its own editor settings (a client answers
//! `workspace/configuration` per folder). Drafts outside every folder use the nearest
//! config above them and the global editor settings.

use crate::config::Config;
use crate::facts::Facts;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Editor settings: the client's global `copydesk` section and, where the client answered
/// per folder, each folder's.
#[derive(Clone, Debug, Default)]
pub struct EditorSettings {
    pub global: serde_json::Value,
    pub folders: HashMap<PathBuf, serde_json::Value>,
}

/// Keys of the `copydesk` section that only the editor client reads: not config, so
/// never passed on (they would be reported as unknown keys).
const CLIENT_ONLY_KEYS: &[&str] = &["path", "trace", "enable", "debounceMs", "server"];

/// Removes client-only keys and `null`s (an editor setting left at its default is `null`,
/// so that it does not override `copydesk.toml`).
pub fn config_part(settings: &serde_json::Value) -> serde_json::Value {
    match settings {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .filter(|(k, v)| !v.is_null() && !CLIENT_ONLY_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        _ => serde_json::Value::Null,
    }
}

fn strip_nulls(value: &serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The workspace folder a path is in: the deepest one, as folders may nest.
pub fn root_of<'a>(roots: &'a [PathBuf], path: &Path) -> Option<&'a PathBuf> {
    roots
        .iter()
        .filter(|r| path.starts_with(r))
        .max_by_key(|r| r.as_os_str().len())
}

/// The config for a draft at `path` (`None` for an unsaved buffer): the nearest
/// `copydesk.toml` (not above its workspace folder), its workspace dictionary, the editor
/// settings over both, and its facts file. A broken file gives warnings and the defaults,
/// never a dead server.
pub fn resolve_config(
    roots: &[PathBuf],
    settings: &EditorSettings,
    path: Option<&Path>,
) -> (Config, Option<Facts>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut config = Config::default();
    let root = path.and_then(|p| root_of(roots, p));
    if let Some(dir) = path.and_then(Path::parent) {
        if let Some(file) = Config::find_file(dir, root.map(PathBuf::as_path)) {
            match Config::load(&file) {
                Ok((loaded, file_warnings)) => {
                    config = loaded;
                    warnings.extend(file_warnings);
                }
                Err(e) => warnings.push(format!("{e}; using the default settings")),
            }
        }
        warnings.extend(config.add_workspace_words(dir, root.map(PathBuf::as_path)));
    }
    let editor = root
        .and_then(|r| settings.folders.get(r))
        .unwrap_or(&settings.global);
    let editor = config_part(editor);
    if editor.as_object().is_some_and(|o| !o.is_empty()) {
        warnings.extend(config.apply_json(editor));
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

/// The folder whose `.copydesk/dictionary.txt` gets a new word: the one already in use
/// for the draft, else its workspace folder, else the draft's own folder.
pub fn dictionary_root(roots: &[PathBuf], draft: &Path) -> Option<PathBuf> {
    let dir = draft.parent()?;
    let root = root_of(roots, draft);
    if let Some(existing) = crate::user_dictionary::find(dir, root.map(PathBuf::as_path)) {
        // `.copydesk/dictionary.txt` -> the folder holding `.copydesk`.
        return existing
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
    }
    Some(root.cloned().unwrap_or_else(|| dir.to_path_buf()))
}

/// The `copydesk.toml` that turning a rule off edits: the one in use for the draft, else a
/// new one in its workspace folder, else beside the draft.
pub fn config_file_for(roots: &[PathBuf], draft: &Path) -> Option<PathBuf> {
    let dir = draft.parent()?;
    let root = root_of(roots, draft);
    Config::find_file(dir, root.map(PathBuf::as_path)).or_else(|| {
        Some(
            root.cloned()
                .unwrap_or_else(|| dir.to_path_buf())
                .join(crate::config::FILE_NAME),
        )
    })
}

/// Every draft (`.txt`, `.md`, `.markdown`) under the workspace folders, honouring
/// `.gitignore` as `copydesk check` does.
pub fn drafts(roots: &[PathBuf]) -> Vec<PathBuf> {
    let extensions: Vec<String> = ["txt", "md", "markdown"].map(String::from).to_vec();
    let (sources, errors) = crate::cli::input::expand(roots, &extensions);
    for error in errors {
        tracing::warn!("listing drafts: {error}");
    }
    let mut paths: Vec<PathBuf> = sources
        .into_iter()
        .filter_map(|s| match s {
            crate::cli::input::Source::File(p) => Some(p),
            crate::cli::input::Source::Stdin => None,
        })
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_defaults_and_client_keys_do_not_override_the_file() {
        let settings = serde_json::json!({
            "path": "/usr/bin/copydesk",
            "trace": { "server": "off" },
            "language": null,
            "rules": { "spelling": "off" },
            "spelling": { "skip_all_caps": null },
        });
        assert_eq!(
            config_part(&settings),
            serde_json::json!({ "rules": { "spelling": "off" }, "spelling": {} })
        );
    }

    #[test]
    fn each_folder_has_its_own_settings_and_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("copydesk.toml"), "sensitivity = \"strict\"\n").unwrap();
        let roots = vec![a.clone(), b.clone()];
        let mut settings = EditorSettings::default();
        settings.folders.insert(
            b.clone(),
            serde_json::json!({ "rules": { "spelling": "off" } }),
        );
        let (config_a, _, warnings) = resolve_config(&roots, &settings, Some(&a.join("x.txt")));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config_a.sensitivity, crate::config::Sensitivity::Strict);
        assert!(config_a.rules.is_empty());
        let (config_b, _, _) = resolve_config(&roots, &settings, Some(&b.join("x.txt")));
        assert_eq!(config_b.sensitivity, crate::config::Sensitivity::Normal);
        assert_eq!(
            config_b.level("spelling.repeated-word", crate::Severity::Warning),
            None
        );
        assert_eq!(
            config_file_for(&roots, &b.join("sub/x.txt")),
            Some(b.join("copydesk.toml"))
        );
        assert_eq!(
            config_file_for(&roots, &a.join("sub/x.txt")),
            Some(a.join("copydesk.toml"))
        );
    }
}
