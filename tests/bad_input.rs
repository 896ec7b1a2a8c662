//! Hostile and unusual input: every case gets a clear message or a normal result, never a
//! panic or a hang.

use std::path::Path;
use std::process::{Command, Output};

fn copydesk(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

#[test]
fn empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = copydesk(&["check", "empty.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn very_long_lines_and_words_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let long_line = "one two three four ".repeat(5_000) + "the the end.\n";
    let long_word = "a".repeat(100_000) + " b b\n";
    let long_token = "https://example.org/".to_string() + &"x".repeat(100_000) + "\n";
    std::fs::write(dir.path().join("line.txt"), long_line).unwrap();
    std::fs::write(dir.path().join("word.txt"), long_word).unwrap();
    std::fs::write(dir.path().join("url.md"), long_token).unwrap();
    let out = copydesk(
        &[
            "check", "--format", "json", "line.txt", "word.txt", "url.md",
        ],
        dir.path(),
    );
    assert_no_panic(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts: Vec<usize> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .collect();
    assert_eq!(counts[..2], [1, 1]);
}

#[test]
fn deeply_nested_markdown_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let quotes = ">".repeat(20_000) + " deep deep text\n";
    let lists: String = (0..2_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
        .collect();
    let brackets = "[".repeat(50_000) + "x" + &"]".repeat(50_000) + "\n";
    std::fs::write(dir.path().join("quotes.md"), quotes).unwrap();
    std::fs::write(dir.path().join("lists.md"), lists).unwrap();
    std::fs::write(dir.path().join("brackets.md"), brackets).unwrap();
    let out = copydesk(
        &["check", "quotes.md", "lists.md", "brackets.md"],
        dir.path(),
    );
    assert_no_panic(&out);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

#[test]
fn files_over_the_limit_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[limits]\nmax_file_bytes = 10000000\n",
    )
    .unwrap();
    let file = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap(); // sparse: 50 MB without writing it
    std::fs::write(dir.path().join("small.txt"), "It was was fine.\n").unwrap();
    let out = copydesk(
        &["check", "--format", "json", "huge.txt", "small.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = report["files"][0]["error"].as_str().unwrap();
    assert!(
        error.contains("huge.txt") && error.contains("max_file_bytes"),
        "{error}"
    );
    assert_eq!(
        report["files"][1]["diagnostics"].as_array().unwrap().len(),
        1
    );
}

#[test]
fn junk_config_is_an_error_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..10 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    std::fs::write(dir.path().join("copydesk.toml"), junk).unwrap();
    std::fs::write(dir.path().join("a.txt"), "fine\n").unwrap();
    let out = copydesk(&["check", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("copydesk.toml"), "{}", stderr(&out));
    assert_no_panic(&out);
}

#[test]
fn wrong_types_in_config_name_the_key_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.toml"), "words = \"Kyiv\"\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "fine\n").unwrap();
    let out = copydesk(&["check", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("copydesk.toml:1:9"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn broken_facts_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("facts.toml"),
        "published = \"last week\"\n[[person]]\nborn = 1970\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "fine\n").unwrap();
    let out = copydesk(&["check", "--facts", "facts.toml", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("facts.toml"), "{}", stderr(&out));
}

#[test]
fn dictionary_that_cannot_be_written_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // `.copydesk` is a file, so the dictionary folder cannot be made (even as root).
    std::fs::write(dir.path().join(".copydesk"), "not a folder").unwrap();
    let err = copydesk::user_dictionary::add_word(dir.path(), "Kyiv").unwrap_err();
    assert!(!err.to_string().is_empty());
}

#[test]
fn a_panic_in_a_check_fails_only_that_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("boom.txt"), "copydesk:inject-panic here\n").unwrap();
    std::fs::write(dir.path().join("ok.txt"), "It was was fine.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "boom.txt", "ok.txt"])
        .current_dir(dir.path())
        .env("COPYDESK_FAULT_INJECTION", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("internal error"),
        "{report}"
    );
    assert_eq!(
        report["files"][1]["diagnostics"].as_array().unwrap().len(),
        1
    );
}
