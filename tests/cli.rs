//! The CLI as a user runs it: the built binary on temporary folders.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SEED: &str = include_str!("fixtures/seed.txt");

fn copydesk(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../src/cli/schema.json")).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn seed_json_reports_the_repeat_with_its_fix_and_matches_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "seed.txt", SEED);
    let out = copydesk(&["check", "--format", "json", "seed.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    let errors: Vec<String> = schema_validator()
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:?}");
    let file = &report["files"][0];
    assert_eq!(file["path"], "seed.txt");
    let repeat = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "spelling.repeated-word")
        .expect("as as reported");
    let (start, end) = (
        repeat["span"]["start"].as_u64().unwrap() as usize,
        repeat["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&SEED[start..end], "as as");
    assert_eq!(repeat["suggestions"], serde_json::json!(["as"]));
    // Line 3; the column counts characters (curly quotes and dashes are one each).
    let line_start = SEED[..start].rfind('\n').unwrap() + 1;
    assert_eq!(repeat["start"]["line"], 3);
    assert_eq!(
        repeat["start"]["column"],
        SEED[line_start..start].chars().count() + 1
    );
    assert_eq!(
        repeat["end"]["column"],
        SEED[line_start..end].chars().count() + 1
    );
}

#[test]
fn json_snapshot_of_a_small_draft() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "# “Title”\n\nShe — 😀 — said it it twice.\r\nAnd `as as` is code.\n",
    );
    let out = copydesk(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert!(schema_validator().is_valid(&report));
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().unwrap().len(),
        1
    );
    insta::assert_json_snapshot!(report);
}

#[test]
fn human_format_shows_location_line_carets_and_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d.txt", "First line.\n“Quoted” the the end.\n");
    let out = copydesk(&["check", "d.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("d.txt:2:10: warning[spelling.repeated-word]: \"the\" is repeated"),
        "{text}"
    );
    assert!(
        text.contains("    2 | “Quoted” the the end.\n      |          ^^^^^^^\n"),
        "{text}"
    );
    assert!(text.contains("= suggestion: \"the\""), "{text}");
    assert!(text.contains("1 finding in 1 file checked"), "{text}");
}

#[test]
fn clean_draft_exits_zero_and_fail_on_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.txt", "Nothing to see here.\n");
    write(dir.path(), "dup.txt", "It was was fine.\n");
    assert_eq!(
        copydesk(&["check", "clean.txt"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        copydesk(&["check", "dup.txt"], dir.path()).status.code(),
        Some(1)
    );
    assert_eq!(
        copydesk(&["check", "--fail-on", "error", "dup.txt"], dir.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        copydesk(&["check", "--fail-on", "never", "dup.txt"], dir.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        copydesk(&["check", "--fail-on", "hint", "dup.txt"], dir.path())
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn folders_are_searched_recursively_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "drafts/a.txt", "one one\n");
    write(dir.path(), "drafts/deep/b.md", "two two\n");
    write(dir.path(), "drafts/c.rs", "three three\n");
    write(dir.path(), "drafts/skip/d.txt", "four four\n");
    write(dir.path(), "drafts/.gitignore", "skip/\n");
    let out = copydesk(&["check", "--format", "json", "drafts"], dir.path());
    let report = json(&out);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["drafts/a.txt", "drafts/deep/b.md"]);
}

#[test]
fn stdin_is_named_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("so so so it goes on on".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let report = json(&out);
    assert_eq!(report["files"][0]["path"], "<stdin>");
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().unwrap().len(),
        1,
        "`so so` is allowed, `on on` is not"
    );
}

#[test]
fn missing_file_is_an_error_naming_it_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "It was was fine.\n");
    let out = copydesk(&["check", "nope.txt", "ok.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nope.txt: no such file or folder"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("ok.txt:1:4"), "{}", stdout(&out));
}

#[test]
fn binary_files_are_skipped_with_a_note_and_invalid_utf8_is_checked_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    write(dir.path(), "latin1.txt", b"Caf\xe9 it it was.\n");
    let out = copydesk(
        &["check", "--format", "json", "image.txt", "latin1.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let image = &report["files"][0];
    assert!(
        image["warnings"][0].as_str().unwrap().contains("binary"),
        "{image}"
    );
    assert_eq!(image["diagnostics"].as_array().unwrap().len(), 0);
    let latin1 = &report["files"][1];
    assert!(
        latin1["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("latin1.txt:1:4: not valid UTF-8"),
        "{latin1}"
    );
    assert_eq!(latin1["diagnostics"][0]["rule"], "spelling.repeated-word");
}

#[test]
fn broken_config_exits_two_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "language = \"en-US\"\nsensitivity = [\n",
    );
    write(dir.path(), "a.txt", "fine\n");
    let out = copydesk(&["check", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("copydesk.toml:3:1"), "{err}");
}

#[test]
fn config_turns_rules_off_and_warns_on_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "colour = \"red\"\n[rules]\n\"spelling.repeated-word\" = \"off\"\n",
    );
    write(dir.path(), "sub/a.txt", "It was was fine.\n");
    let out = copydesk(&["check", "sub/a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("unknown key `colour`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_changes_severity_by_family() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "strict.toml",
        "[rules]\n\"spelling\" = \"error\"\n",
    );
    write(dir.path(), "a.txt", "It was was fine.\n");
    let out = copydesk(
        &[
            "check",
            "--config",
            "strict.toml",
            "--format",
            "json",
            "--fail-on",
            "error",
            "a.txt",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json(&out)["files"][0]["diagnostics"][0]["severity"],
        "error"
    );
}

#[test]
fn ignore_comments_silence_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "<!-- copydesk-disable-next-line spelling.repeated-word -->\nIt was was fine.\nIt was was not.\n",
    );
    let out = copydesk(&["check", "--format", "json", "a.md"], dir.path());
    let diags = json(&out)["files"][0]["diagnostics"].clone();
    assert_eq!(diags.as_array().unwrap().len(), 1);
    assert_eq!(diags[0]["start"]["line"], 3);
}

#[test]
fn usage_errors_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(copydesk(&["check"], dir.path()).status.code(), Some(2));
    assert_eq!(
        copydesk(&["check", "--format", "xml", "a.txt"], dir.path())
            .status
            .code(),
        Some(2)
    );
    let out = copydesk(&["check", "--published", "yesterday", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let many: String = (0..2000)
        .map(|i| format!("Line {i} has has a repeat.\n"))
        .collect();
    write(dir.path(), "many.txt", many);
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "many.txt"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn sarif_output_validates_against_the_published_schema() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "seed.txt", SEED);
    write(dir.path(), "bad.txt", b"\xff it it\n");
    let out = copydesk(
        &["check", "--format", "sarif", "seed.txt", "bad.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let log = json(&out);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("schemas/sarif-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let repeat = results
        .iter()
        .find(|r| r["ruleId"] == "spelling.repeated-word")
        .unwrap();
    assert_eq!(
        repeat["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(
        repeat["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "as"
    );
    let notes = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8"),
        "{notes}"
    );
}

#[test]
fn github_annotations() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a, b.txt", "“Quoted” the the end.\n");
    let out = copydesk(&["check", "--format", "github", "a, b.txt"], dir.path());
    assert_eq!(
        stdout(&out),
        "::warning file=a%2C b.txt,line=1,col=10,endLine=1,endColumn=17,title=spelling.repeated-word::\"the\" is repeated: a doubled word is usually a slip made while revising (suggestion: \"the\")\n"
    );
}

#[test]
fn stats_summarise_the_run_on_stderr_and_many_files_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            dir.path(),
            &format!("d/{i:02}.txt"),
            format!("Draft {i} has has a repeat.\n"),
        );
    }
    let out = copydesk(&["check", "--stats", "--format", "json", "d"], dir.path());
    let report = json(&out);
    let paths: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..40).map(|i| format!("d/{i:02}.txt")).collect();
    assert_eq!(paths, expected);
    let err = stderr(&out);
    assert!(err.contains("files     40"), "{err}");
    assert!(err.contains("words     240"), "{err}");
    assert!(err.contains("     40  spelling.repeated-word"), "{err}");
}
