//! `copydesk.toml`: which rules run and how loudly, word lists, the facts file.
//!
//! The same keys come from the file and from editor settings (`copydesk.*`); the editor's
//! win. Unknown keys are warnings, not errors, so a config written for a newer copydesk
//! still loads.

use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for next to drafts and in their parent folders.
pub const FILE_NAME: &str = "copydesk.toml";

/// Effective settings for one draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub language: Language,
    pub sensitivity: Sensitivity,
    /// Facts file, resolved against the config file's folder.
    pub facts: Option<PathBuf>,
    /// The user's own words, accepted by the speller.
    pub words: Vec<String>,
    /// Per rule id or family: off, or a severity.
    pub rules: BTreeMap<String, RuleLevel>,
    pub spelling: SpellingConfig,
    pub limits: Limits,
    /// Where this config came from (for messages), if from a file.
    pub source: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en-US")]
    EnUs,
    #[serde(rename = "en-GB")]
    EnGb,
}

impl Language {
    /// The other variety: a spelling it accepts (`colour` in an en-US draft) is no slip.
    pub fn other(self) -> Self {
        match self {
            Language::EnUs => Language::EnGb,
            Language::EnGb => Language::EnUs,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    Relaxed,
    #[default]
    Normal,
    Strict,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

impl RuleLevel {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Hint => Some(Severity::Hint),
            RuleLevel::Info => Some(Severity::Info),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Error => Some(Severity::Error),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellingConfig {
    /// Leave ALL-CAPS words (acronyms) alone.
    pub skip_all_caps: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Larger files are refused with a message instead of checked.
    pub max_file_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            language: Language::default(),
            sensitivity: Sensitivity::default(),
            facts: None,
            words: Vec::new(),
            rules: BTreeMap::new(),
            spelling: SpellingConfig {
                skip_all_caps: true,
            },
            limits: Limits {
                max_file_bytes: 64 * 1024 * 1024,
            },
            source: None,
        }
    }
}

/// The file's (or the editor's) settings as written: every key optional.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Settings {
    pub language: Option<Language>,
    pub sensitivity: Option<Sensitivity>,
    pub facts: Option<String>,
    pub words: Option<Vec<String>>,
    pub rules: Option<BTreeMap<String, RuleLevel>>,
    pub spelling: Option<SpellingSettings>,
    pub limits: Option<LimitSettings>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct SpellingSettings {
    pub skip_all_caps: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct LimitSettings {
    pub max_file_bytes: Option<u64>,
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl Config {
    /// Loads a config file. Unknown keys and rule ids come back as warnings.
    pub fn load(path: &Path) -> Result<(Config, Vec<String>), ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Parses config text; `path` names it in messages and anchors `facts`.
    pub fn parse(text: &str, path: &Path) -> Result<(Config, Vec<String>), ConfigError> {
        let mut unknown = Vec::new();
        let deserializer = toml::Deserializer::new(text);
        let settings: Settings =
            serde_ignored::deserialize(deserializer, |key| unknown.push(key.to_string())).map_err(
                |e| {
                    let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
                    ConfigError::Parse {
                        path: path.to_owned(),
                        line,
                        column,
                        message: e.message().trim().to_string(),
                    }
                },
            )?;
        let mut config = Config {
            source: Some(path.to_owned()),
            ..Config::default()
        };
        let mut warnings: Vec<String> = unknown
            .into_iter()
            .map(|key| format!("{}: unknown key `{key}` ignored", path.display()))
            .collect();
        warnings.extend(
            config
                .apply(settings, path.parent())
                .into_iter()
                .map(|w| format!("{}: {w}", path.display())),
        );
        Ok((config, warnings))
    }

    /// Layers settings over this config; `base` resolves a relative facts path. Returns
    /// warnings for rule ids that no check has.
    pub fn apply(&mut self, settings: Settings, base: Option<&Path>) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(language) = settings.language {
            self.language = language;
        }
        if let Some(sensitivity) = settings.sensitivity {
            self.sensitivity = sensitivity;
        }
        if let Some(facts) = settings.facts {
            let facts = PathBuf::from(facts);
            self.facts = Some(match base {
                Some(base) if facts.is_relative() => base.join(facts),
                _ => facts,
            });
        }
        if let Some(words) = settings.words {
            self.words.extend(words);
        }
        for (id, level) in settings.rules.unwrap_or_default() {
            if !crate::checks::is_known_rule_or_family(&id) {
                warnings.push(format!("unknown rule `{id}` in [rules] ignored"));
            }
            self.rules.insert(id, level);
        }
        if let Some(skip) = settings.spelling.and_then(|s| s.skip_all_caps) {
            self.spelling.skip_all_caps = skip;
        }
        if let Some(max) = settings.limits.and_then(|l| l.max_file_bytes) {
            self.limits.max_file_bytes = max;
        }
        warnings
    }

    /// Layers editor settings (the JSON of `workspace/configuration` section `copydesk`).
    pub fn apply_json(&mut self, value: serde_json::Value) -> Vec<String> {
        let mut unknown = Vec::new();
        match serde_ignored::deserialize(value, |key| unknown.push(key.to_string())) {
            Ok(settings) => {
                let mut warnings: Vec<String> = unknown
                    .into_iter()
                    .map(|k| format!("editor settings: unknown key `copydesk.{k}` ignored"))
                    .collect();
                warnings.extend(self.apply(settings, None));
                warnings
            }
            Err(e) => vec![format!("editor settings ignored: {e}")],
        }
    }

    /// The severity a rule reports at, or `None` when it is off: the rule's own entry,
    /// else its family's, else the rule's default.
    pub fn level(&self, rule_id: &str, default: Severity) -> Option<Severity> {
        if let Some(level) = self.rules.get(rule_id) {
            return level.severity();
        }
        if let Some(level) = self.rules.get(crate::finding::family_of(rule_id)) {
            return level.severity();
        }
        Some(default)
    }

    /// Adds the words of the nearest workspace dictionary (`.copydesk/dictionary.txt`)
    /// above `start`, not above `stop`. Returns a warning if it exists but cannot be read.
    pub fn add_workspace_words(&mut self, start: &Path, stop: Option<&Path>) -> Option<String> {
        let path = crate::user_dictionary::find(start, stop)?;
        match crate::user_dictionary::read(&path) {
            Ok(words) => {
                self.words.extend(words);
                None
            }
            Err(e) => Some(format!(
                "{}: cannot read the workspace dictionary: {e}",
                path.display()
            )),
        }
    }

    /// The nearest `copydesk.toml` in `start` or its ancestors, not above `stop` if given.
    pub fn find_file(start: &Path, stop: Option<&Path>) -> Option<PathBuf> {
        find_upwards(start, stop, FILE_NAME)
    }
}

/// The nearest `start/relative` in `start` or its ancestors, not above `stop` if given.
pub fn find_upwards(start: &Path, stop: Option<&Path>, relative: &str) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(relative);
        if candidate.is_file() {
            return Some(candidate);
        }
        if stop.is_some_and(|s| d == s) {
            return None;
        }
        dir = d.parent();
    }
    None
}

/// 1-based line and column (in chars) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<(Config, Vec<String>), ConfigError> {
        Config::parse(text, Path::new("/work/copydesk.toml"))
    }

    #[test]
    fn reads_every_key() {
        let (config, warnings) = parse(
            r#"
language = "en-GB"
sensitivity = "strict"
facts = "facts.toml"
words = ["Zaporizhzhia"]
[rules]
"spelling.repeated-word" = "off"
"attribution" = "info"
[spelling]
skip_all_caps = false
[limits]
max_file_bytes = 1000
"#,
        )
        .unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.language, Language::EnGb);
        assert_eq!(config.sensitivity, Sensitivity::Strict);
        assert_eq!(config.facts.as_deref(), Some(Path::new("/work/facts.toml")));
        assert_eq!(config.words, vec!["Zaporizhzhia"]);
        assert_eq!(
            config.level("spelling.repeated-word", Severity::Warning),
            None
        );
        assert_eq!(
            config.level("attribution.weasel", Severity::Warning),
            Some(Severity::Info)
        );
        assert!(!config.spelling.skip_all_caps);
        assert_eq!(config.limits.max_file_bytes, 1000);
    }

    #[test]
    fn unknown_keys_and_rules_are_warnings() {
        let (_, warnings) = parse("colour = true\n[rules]\n\"spelling.nope\" = \"off\"\n").unwrap();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("`colour`"));
        assert!(warnings[1].contains("spelling.nope"));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = parse("language = \"en-US\"\nsensitivity = 3\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("/work/copydesk.toml:2:15:"), "{msg}");
        let err = parse("words = [\n").unwrap_err().to_string();
        assert!(err.starts_with("/work/copydesk.toml:"), "{err}");
    }

    #[test]
    fn editor_settings_win() {
        let (mut config, _) = parse("sensitivity = \"relaxed\"\n").unwrap();
        let warnings = config
            .apply_json(serde_json::json!({"sensitivity": "strict", "rules": {"spelling": "off"}}));
        assert!(warnings.is_empty());
        assert_eq!(config.sensitivity, Sensitivity::Strict);
        assert_eq!(
            config.level("spelling.repeated-word", Severity::Warning),
            None
        );
    }
}
