//! The workspace word list, `.copydesk/dictionary.txt`: one word a line, `#` comments.
//!
//! Written only on an explicit user action ("Add to dictionary"), through
//! [`crate::atomic_file::update`], so that a crash mid-write loses nothing and two editors
//! adding words at once both keep theirs.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Where the list lives, relative to a workspace (or draft) folder.
pub const RELATIVE_PATH: &str = ".copydesk/dictionary.txt";

/// The nearest `.copydesk/dictionary.txt` in `start` or its ancestors, not above `stop`.
pub fn find(start: &Path, stop: Option<&Path>) -> Option<PathBuf> {
    crate::config::find_upwards(start, stop, RELATIVE_PATH)
}

/// The words of a list file.
pub fn read(path: &Path) -> io::Result<Vec<String>> {
    Ok(parse(&fs::read_to_string(path)?))
}

fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Adds `word` to `root/.copydesk/dictionary.txt`, creating it if needed. Returns the
/// file's path. Adding a word already present changes nothing.
pub fn add_word(root: &Path, word: &str) -> io::Result<PathBuf> {
    let word = word.trim();
    if word.is_empty() || word.contains(char::is_whitespace) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{word}` is not a single word"),
        ));
    }
    let path = root.join(RELATIVE_PATH);
    crate::atomic_file::update(&path, |existing| {
        if parse(existing).iter().any(|w| w == word) {
            return Ok(None);
        }
        let mut contents = existing.to_string();
        if !contents.is_empty() && !contents.ends_with('\n') {
            contents.push('\n');
        }
        contents.push_str(word);
        contents.push('\n');
        Ok(Some(contents))
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_words_once_and_keeps_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = add_word(dir.path(), "Zaporizhzhia").unwrap();
        add_word(dir.path(), "Yanukovych").unwrap();
        add_word(dir.path(), "Zaporizhzhia").unwrap();
        assert_eq!(read(&path).unwrap(), vec!["Zaporizhzhia", "Yanukovych"]);
        assert_eq!(
            find(&dir.path().join("a/b"), None).or_else(|| find(dir.path(), None)),
            Some(path)
        );
    }

    #[test]
    fn concurrent_writers_keep_every_word() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let root = root.clone();
                std::thread::spawn(move || add_word(&root, &format!("word{i}")).unwrap())
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let mut words = read(&root.join(RELATIVE_PATH)).unwrap();
        words.sort();
        assert_eq!(
            words,
            (0..8).map(|i| format!("word{i}")).collect::<Vec<_>>()
        );
    }

    #[test]
    fn rejects_phrases() {
        let dir = tempfile::tempdir().unwrap();
        assert!(add_word(dir.path(), "two words").is_err());
    }
}
