//! Code actions and commands: what a writer can do about a finding.
//!
//! A diagnostic's `data` ([`FixData`]) carries its rule and suggestions, so that answering
//! `textDocument/codeAction` needs no re-check: the client hands the diagnostic back with
//! its data. Ignore comments are placed from the open draft when the action is asked for.
//!
//! Actions that change files other than the draft (the workspace dictionary,
//! `copydesk.toml`) are commands the server runs itself (`workspace/executeCommand`), so
//! that the write is atomic and locked and the client needs no file-system access.

use super::convert;
use crate::checks::spelling::MAX_SUGGESTIONS;
use crate::document::PositionEncoding;
use ropey::Rope;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic, NumberOrString, Range,
    TextEdit, Url, WorkspaceEdit,
};

/// `copydesk.server.addWord` `{ uri, word }`: adds a word to the workspace dictionary.
pub const CMD_ADD_WORD: &str = "copydesk.server.addWord";
/// `copydesk.server.disableRuleInWorkspace` `{ uri, rule }`: turns a rule off in `copydesk.toml`.
pub const CMD_DISABLE_IN_WORKSPACE: &str = "copydesk.server.disableRuleInWorkspace";
/// `copydesk.server.recheck`: checks every open draft again.
pub const CMD_RECHECK: &str = "copydesk.server.recheck";
/// `copydesk.server.checkWorkspace`: checks every draft of every workspace folder (with progress).
pub const CMD_CHECK_WORKSPACE: &str = "copydesk.server.checkWorkspace";
/// Server commands are namespaced `copydesk.server.*`: VS Code's client registers each
/// as an editor command, and the extension's own palette commands use `copydesk.*`.
/// The commands the server advertises in `executeCommandProvider`.
pub const COMMANDS: &[&str] = &[
    CMD_ADD_WORD,
    CMD_DISABLE_IN_WORKSPACE,
    CMD_RECHECK,
    CMD_CHECK_WORKSPACE,
];

/// The code action kind of "apply every unambiguous fix".
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.copydesk")
}

/// The rule whose findings can be added to the dictionary.
pub const UNKNOWN_WORD_RULE: &str = "spelling.unknown-word";

/// What travels in `Diagnostic.data`: the rule and the suggestions, nothing that can be
/// derived from the draft (a long draft has thousands of findings, serialised and parsed
/// again on each keystroke). `suggestions` keeps its name from the first release so that
/// clients that read it keep working.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct FixData {
    pub rule: String,
    /// Replacements for the diagnostic's range, best first.
    pub suggestions: Vec<String>,
    /// The suggestions are the near candidates only; the full ranking is made when quick
    /// fixes are asked for ([`crate::checks::Suggestions::Near`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

/// The open draft a code action is asked about: where the ignore comments go and which
/// word "add to dictionary" adds are read from it.
pub struct Draft<'a> {
    pub text: &'a str,
    pub rope: &'a Rope,
    pub encoding: PositionEncoding,
    /// The full ranked suggestions for a word, asked only for a diagnostic that carried
    /// its near candidates alone (the server finds the draft's language then).
    pub ranked: &'a dyn Fn(&str) -> Vec<String>,
}

/// The fixes of one diagnostic that depend on the draft's text.
struct DraftFixes {
    /// The text the diagnostic covers, if it is a word's worth.
    word: Option<String>,
    /// Inserts `<!-- copydesk-disable-next-line RULE -->` on its own line before it.
    disable_line: TextEdit,
    /// Inserts `<!-- copydesk-disable RULE -->` at the top of the draft.
    disable_file: TextEdit,
}

impl Draft<'_> {
    fn fixes(&self, rule: &str, range: Range) -> DraftFixes {
        let start = convert::offset(self.rope, range.start, self.encoding);
        let end = convert::offset(self.rope, range.end, self.encoding).max(start);
        let edit = |at: Insertion| convert::insertion(self.rope, &at, self.encoding);
        DraftFixes {
            word: self
                .text
                .get(start..end)
                .filter(|t| t.len() <= 100 && !t.trim().is_empty())
                .map(str::to_string),
            disable_line: edit(disable_line_insertion(self.text, start, rule)),
            disable_file: edit(disable_file_insertion(self.text, rule)),
        }
    }
}

/// Where an ignore comment goes, as a byte offset and the text to insert there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insertion {
    pub byte_offset: usize,
    pub text: String,
}

/// The comment that silences `rule` on the finding's line: its own line just before, with
/// the same indentation and line ending, so that it reads as part of the draft.
pub fn disable_line_insertion(text: &str, start: usize, rule: &str) -> Insertion {
    let start = floor_char_boundary(text, start.min(text.len()));
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let line = &text[line_start..];
    let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
    let indent = &line[..indent_len];
    let eol = line_ending(text);
    Insertion {
        byte_offset: line_start,
        text: format!("{indent}<!-- copydesk-disable-next-line {rule} -->{eol}"),
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The comment that silences `rule` in the whole draft: first line, or just after a
/// Markdown front matter block (which must stay first to remain front matter).
pub fn disable_file_insertion(text: &str, rule: &str) -> Insertion {
    let eol = line_ending(text);
    Insertion {
        byte_offset: front_matter_end(text),
        text: format!("<!-- copydesk-disable {rule} -->{eol}"),
    }
}

/// The line break the draft uses (of its first line), `\n` if it has none.
fn line_ending(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(p) if text[p..].starts_with("\r\n") => "\r\n",
        Some(p) if text[p..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

/// The byte offset just after a `---` front matter block at the very top, else 0.
fn front_matter_end(text: &str) -> usize {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let body_start = text.len() - rest.len();
    let mut offset = body_start;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" {
            return offset;
        }
    }
    0 // unterminated: not front matter
}

/// The quick fixes for the copydesk diagnostics a client sent back.
pub fn quick_fixes(
    uri: &Url,
    diagnostics: &[Diagnostic],
    draft: Option<&Draft>,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for diagnostic in diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some("copydesk"))
    {
        let Some(data) = fix_data(diagnostic) else {
            continue;
        };
        let fixes = draft.map(|d| (d, d.fixes(&data.rule, diagnostic.range)));
        let suggestions = match &fixes {
            Some((
                draft,
                DraftFixes {
                    word: Some(word), ..
                },
            )) if data.partial => completed(&data.suggestions, (draft.ranked)(word)),
            _ => data.suggestions.clone(),
        };
        for (rank, suggestion) in suggestions.iter().enumerate() {
            let title = if suggestion.is_empty() {
                "Delete it".to_string()
            } else {
                format!("Replace with “{suggestion}”")
            };
            actions.push(edit_action(
                title,
                uri,
                diagnostic,
                vec![TextEdit {
                    range: diagnostic.range,
                    new_text: suggestion.clone(),
                }],
                rank == 0,
            ));
        }
        if let Some((_, fixes)) = fixes {
            if data.rule == UNKNOWN_WORD_RULE
                && let Some(word) = fixes.word
            {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Add “{word}” to the workspace dictionary"),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    command: Some(Command {
                        title: "Add to dictionary".into(),
                        command: CMD_ADD_WORD.into(),
                        arguments: Some(vec![serde_json::json!({ "uri": uri, "word": word })]),
                    }),
                    ..CodeAction::default()
                }));
            }
            for (title, edit) in [
                (
                    format!("Ignore {} on this line", data.rule),
                    fixes.disable_line,
                ),
                (
                    format!("Ignore {} in this file", data.rule),
                    fixes.disable_file,
                ),
            ] {
                actions.push(edit_action(title, uri, diagnostic, vec![edit], false));
            }
        }
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Turn {} off for the workspace (copydesk.toml)", data.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic.clone()]),
            command: Some(Command {
                title: "Turn rule off".into(),
                command: CMD_DISABLE_IN_WORKSPACE.into(),
                arguments: Some(vec![serde_json::json!({ "uri": uri, "rule": data.rule })]),
            }),
            ..CodeAction::default()
        }));
    }
    actions
}

/// Partial suggestions completed with the word's full ranking; the first stays first, as
/// the diagnostic's message names it.
fn completed(partial: &[String], ranked: Vec<String>) -> Vec<String> {
    let mut all: Vec<String> = partial.iter().take(1).cloned().collect();
    for s in ranked {
        if all.len() < MAX_SUGGESTIONS && !all.contains(&s) {
            all.push(s);
        }
    }
    all
}

/// The `data` of a copydesk diagnostic. Old or foreign data still yields the rule (from
/// the diagnostic's code) and any suggestions, so a fix is never lost to a format change.
pub fn fix_data(diagnostic: &Diagnostic) -> Option<FixData> {
    let rule = match &diagnostic.code {
        Some(NumberOrString::String(rule)) => rule.clone(),
        _ => return None,
    };
    // Missing fields default, so older or foreign data still yields its suggestions.
    let mut data = diagnostic
        .data
        .clone()
        .and_then(|d| serde_json::from_value::<FixData>(d).ok())
        .unwrap_or_default();
    data.rule = rule;
    Some(data)
}

/// "Apply every unambiguous fix": one edit per diagnostic with exactly one suggestion,
/// skipping any that overlaps one already taken (LSP forbids overlapping edits).
pub fn fix_all(uri: &Url, diagnostics: &[Diagnostic]) -> Option<CodeActionOrCommand> {
    let mut edits: Vec<TextEdit> = Vec::new();
    for diagnostic in diagnostics {
        let Some(data) = fix_data(diagnostic) else {
            continue;
        };
        // Near candidates alone may hide others: never apply one unasked.
        let [suggestion] = data.suggestions.as_slice() else {
            continue;
        };
        if data.partial {
            continue;
        }
        let range = diagnostic.range;
        let overlaps = edits
            .iter()
            .any(|e| super::convert::ranges_overlap(&e.range, &range));
        if !overlaps {
            edits.push(TextEdit {
                range,
                new_text: suggestion.clone(),
            });
        }
    }
    if edits.is_empty() {
        return None;
    }
    let n = edits.len();
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!(
            "Fix all unambiguous copydesk findings ({n} edit{})",
            if n == 1 { "" } else { "s" }
        ),
        kind: Some(fix_all_kind()),
        edit: Some(WorkspaceEdit {
            changes: Some([(uri.clone(), edits)].into_iter().collect()),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    }))
}

fn edit_action(
    title: String,
    uri: &Url,
    diagnostic: &Diagnostic,
    edits: Vec<TextEdit>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some([(uri.clone(), edits)].into_iter().collect()),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// Sets `[rules] RULE = "off"` in a `copydesk.toml`, creating the file or the table if
/// needed and keeping every comment and the layout of the rest.
pub fn disable_rule_in_config(path: &Path, rule: &str) -> Result<(), String> {
    crate::atomic_file::update(path, |text| {
        with_rule_off(text, rule)
            .map(Some)
            .map_err(std::io::Error::other)
    })
    .map_err(|e| format!("{}: {e}", path.display()))
}

/// `text` with `[rules] RULE = "off"`; an error if it is not valid TOML or `rules` is
/// not a table.
pub fn with_rule_off(text: &str, rule: &str) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        format!("not valid TOML, left unchanged: {}", e.message())
    })?;
    let rules = doc
        .entry("rules")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
    let Some(rules) = rules.as_table_like_mut() else {
        return Err("`rules` is not a table, left unchanged".into());
    };
    rules.insert(rule, toml_edit::value("off"));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Severity};

    fn finding_at(text: &str, needle: &str) -> Finding {
        let start = text.find(needle).expect("needle in text");
        Finding {
            rule: "spelling.repeated-word",
            severity: Severity::Warning,
            span: start..start + needle.len(),
            message: String::new(),
            suggestions: vec![],
            related: vec![],
        }
    }

    /// A diagnostic that carried only the near candidates gets the full ranking as quick
    /// fixes, its first suggestion (the one its message names) still first; "fix all"
    /// never applies a lone near candidate.
    #[test]
    fn partial_suggestions_are_completed_and_never_applied_unasked() {
        let text = "She will recieve it.\n";
        let rope = Rope::from_str(text);
        let range = convert::line_range(0, 9, 16);
        let diagnostic = |suggestions: &[&str], partial: bool| Diagnostic {
            range,
            source: Some("copydesk".into()),
            code: Some(NumberOrString::String(UNKNOWN_WORD_RULE.into())),
            data: serde_json::to_value(FixData {
                rule: UNKNOWN_WORD_RULE.into(),
                suggestions: suggestions.iter().map(|s| s.to_string()).collect(),
                partial,
            })
            .ok(),
            ..Diagnostic::default()
        };
        let uri = Url::parse("file:///draft.txt").expect("url");
        let ranked = |word: &str| {
            crate::checks::spelling::ranked_suggestions(crate::config::Language::EnUs, word)
        };
        let draft = Draft {
            text,
            rope: &rope,
            encoding: PositionEncoding::Utf16,
            ranked: &ranked,
        };
        let titles: Vec<String> =
            quick_fixes(&uri, &[diagnostic(&["relieve"], true)], Some(&draft))
                .into_iter()
                .filter_map(|a| match a {
                    CodeActionOrCommand::CodeAction(a) if a.title.starts_with("Replace") => {
                        Some(a.title)
                    }
                    _ => None,
                })
                .collect();
        assert_eq!(
            titles.first().map(String::as_str),
            Some("Replace with “relieve”")
        );
        assert!(
            titles.contains(&"Replace with “receive”".to_string()),
            "{titles:?}"
        );
        assert!(titles.len() <= MAX_SUGGESTIONS, "{titles:?}");
        assert!(fix_all(&uri, &[diagnostic(&["receive"], true)]).is_none());
        assert!(fix_all(&uri, &[diagnostic(&["receive"], false)]).is_some());
    }

    #[test]
    fn disable_line_goes_on_its_own_line_with_indent_and_crlf() {
        let text = "Title\r\n  her as as soon\r\n";
        let finding = finding_at(text, "as as");
        let ins = disable_line_insertion(text, finding.span.start, finding.rule);
        assert_eq!(ins.byte_offset, "Title\r\n".len());
        assert_eq!(
            ins.text,
            "  <!-- copydesk-disable-next-line spelling.repeated-word -->\r\n"
        );
    }

    #[test]
    fn disabled_line_really_silences_the_finding() {
        let text = "One line.\nher as as soon\n";
        let finding = finding_at(text, "as as");
        let ins = disable_line_insertion(text, finding.span.start, finding.rule);
        let mut edited = text.to_string();
        edited.insert_str(ins.byte_offset, &ins.text);
        let shifted = Finding {
            span: finding.span.start + ins.text.len()..finding.span.end + ins.text.len(),
            ..finding
        };
        let mut findings = vec![shifted];
        crate::suppress::apply(&edited, &mut findings);
        assert!(findings.is_empty(), "{edited:?}");
    }

    #[test]
    fn disable_file_goes_after_front_matter() {
        let text = "---\ntitle: x\n---\nBody as as\n";
        let ins = disable_file_insertion(text, "spelling");
        assert_eq!(ins.byte_offset, "---\ntitle: x\n---\n".len());
        assert_eq!(disable_file_insertion("Body", "spelling").byte_offset, 0);
        assert_eq!(disable_file_insertion("---\nno end", "x").byte_offset, 0);
    }

    #[test]
    fn rule_off_keeps_comments_and_other_keys() {
        let text = "# newsroom settings\nlanguage = \"en-GB\" # UK desk\n\n[rules]\n# loud\nattribution = \"info\"\n";
        let out = with_rule_off(text, "spelling.repeated-word").expect("valid toml");
        assert!(out.starts_with("# newsroom settings\nlanguage = \"en-GB\" # UK desk\n"));
        assert!(out.contains("# loud\nattribution = \"info\"\n"));
        assert!(
            out.contains("\"spelling.repeated-word\" = \"off\""),
            "{out}"
        );
        let (config, warnings) =
            crate::Config::parse(&out, Path::new("/x/copydesk.toml")).expect("still parses");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            config.level("spelling.repeated-word", Severity::Warning),
            None
        );
    }

    #[test]
    fn rule_off_creates_the_table_and_refuses_bad_toml() {
        let out = with_rule_off("", "spelling").expect("empty is valid");
        assert_eq!(out.trim(), "[rules]\nspelling = \"off\"");
        assert!(with_rule_off("rules = [", "spelling").is_err());
        assert!(with_rule_off("rules = 3", "spelling").is_err());
    }

    #[test]
    fn fix_all_takes_single_suggestions_without_overlap() {
        let uri = Url::parse("file:///d.txt").expect("url");
        let diag = |line: u32, start: u32, end: u32, suggestions: &[&str]| Diagnostic {
            range: super::super::convert::line_range(line, start, end),
            code: Some(NumberOrString::String("spelling.repeated-word".into())),
            source: Some("copydesk".into()),
            data: Some(serde_json::json!({ "suggestions": suggestions })),
            ..Diagnostic::default()
        };
        let diagnostics = vec![
            diag(0, 0, 5, &["as"]),
            diag(0, 3, 8, &["x"]),      // overlaps the first
            diag(1, 0, 5, &["a", "b"]), // ambiguous
            diag(2, 0, 5, &["to"]),
        ];
        let Some(CodeActionOrCommand::CodeAction(action)) = fix_all(&uri, &diagnostics) else {
            panic!("expected an action");
        };
        let edits = &action.edit.expect("edit").changes.expect("changes")[&uri];
        let texts: Vec<_> = edits.iter().map(|e| e.new_text.as_str()).collect();
        assert_eq!(texts, vec!["as", "to"]);
    }
}
