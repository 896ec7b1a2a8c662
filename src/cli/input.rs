//! Reading drafts: files, folders and standard input, decoded with clear warnings.

use std::io::Read;
use std::path::{Path, PathBuf};

/// A draft to check, as named to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name used in output: the path as given, or `<stdin>`.
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".into(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// A draft read and decoded.
pub enum Loaded {
    Text {
        text: String,
        warnings: Vec<String>,
    },
    /// Skipped on purpose (binary); the note says why.
    Skipped(String),
}

/// Expands the command-line paths: files as given, folders searched recursively for the
/// given extensions, honouring `.gitignore`. Paths that do not exist are errors.
pub fn expand(paths: &[PathBuf], extensions: &[String]) -> (Vec<Source>, Vec<String>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                .require_git(false)
                .build()
                .filter_map(|entry| match entry {
                    Ok(e) => Some(e),
                    Err(err) => {
                        errors.push(format!("{}: {err}", path.display()));
                        None
                    }
                })
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| has_extension(p, extensions))
                .collect();
            found.sort();
            sources.extend(found.into_iter().map(Source::File));
        } else if path.exists() {
            sources.push(Source::File(path.clone()));
        } else {
            errors.push(format!("{}: no such file or folder", path.display()));
        }
    }
    (sources, errors)
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        extensions
            .iter()
            .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(e))
    })
}

/// Reads a draft, refusing files over `max_bytes`.
pub fn load(source: &Source, max_bytes: u64) -> Result<Loaded, String> {
    let name = source.display_name();
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| format!("{name}: cannot read: {e}"))?;
            buf
        }
        Source::File(path) => {
            let size = std::fs::metadata(path)
                .map_err(|e| format!("{name}: cannot read: {e}"))?
                .len();
            if size > max_bytes {
                return Err(format!(
                    "{name}: {size} bytes is over the limit of {max_bytes} ([limits] max_file_bytes in copydesk.toml)"
                ));
            }
            std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?
        }
    };
    Ok(decode(&name, bytes))
}

/// Decodes bytes: binary is skipped, invalid UTF-8 is replaced with U+FFFD and warned
/// about, a byte-order mark is dropped.
pub fn decode(name: &str, bytes: Vec<u8>) -> Loaded {
    if looks_binary(&bytes) {
        return Loaded::Skipped(format!(
            "{name}: skipped: looks like a binary file, not text"
        ));
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let (line, column) = crate::config::line_col(
                &String::from_utf8_lossy(&bytes[..valid_up_to]),
                valid_up_to,
            );
            warnings.push(format!(
                "{name}:{line}:{column}: not valid UTF-8; invalid bytes were replaced with U+FFFD and the rest was checked"
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Loaded::Text { text, warnings }
}

/// A NUL byte in the first 8 KiB means binary, as git and ripgrep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let Loaded::Text { text, warnings } = decode("a.txt", b"ok\nbad \xff here".to_vec()) else {
            panic!("skipped")
        };
        assert_eq!(text, "ok\nbad \u{FFFD} here");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("a.txt:2:5: not valid UTF-8"),
            "{}",
            warnings[0]
        );
    }

    #[test]
    fn binary_is_skipped() {
        assert!(matches!(
            decode("a.bin", vec![0x89, b'P', 0, 0]),
            Loaded::Skipped(_)
        ));
    }
}
