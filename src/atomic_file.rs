//! Read-modify-write of the two files the server ever writes (the workspace dictionary
//! and `copydesk.toml`), safe against crashes and concurrent editors: under an advisory
//! lock, re-read, change, write a temporary file, sync it, rename it over the old one,
//! sync the folder. A reader sees the old file or the new one, never half of either.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Applies `change` to the current contents of `path` (empty if it does not exist) and
/// writes the result, unless `change` returns `Ok(None)` (nothing to do).
pub fn update(
    path: &Path,
    change: impl FnOnce(&str) -> io::Result<Option<String>>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!(".{file_name}.lock")))?;
    lock.lock()?;
    let result = locked_update(path, dir, file_name, change);
    let _ = lock.unlock();
    result
}

fn locked_update(
    path: &Path,
    dir: &Path,
    file_name: &str,
    change: impl FnOnce(&str) -> io::Result<Option<String>>,
) -> io::Result<()> {
    let current = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let Some(contents) = change(&current)? else {
        return Ok(());
    };
    let tmp = dir.join(format!(".{file_name}.tmp{}", std::process::id()));
    let written = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_never_see_a_partial_file_and_writers_never_lose_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.txt");
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for i in 0..25 {
                        update(&path, |old| Ok(Some(format!("{old}w{w}-{i}\n")))).unwrap();
                    }
                })
            })
            .collect();
        let reader = {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut reads = 0;
                while reads < 2000 {
                    if let Ok(text) = fs::read_to_string(&path) {
                        // Every version on disk is whole: complete lines only.
                        assert!(
                            text.is_empty() || text.ends_with('\n'),
                            "partial file seen: {text:?}"
                        );
                    }
                    reads += 1;
                }
            })
        };
        for w in writers {
            w.join().unwrap();
        }
        reader.join().unwrap();
        let lines = fs::read_to_string(&path).unwrap().lines().count();
        assert_eq!(lines, 100, "every writer's every line kept");
    }

    #[test]
    fn nothing_to_do_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "x\n").unwrap();
        update(&path, |_| Ok(None)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "x\n");
    }
}
