//! Deterministic benchmark inputs built from the openly licensed prose in
//! tests/corpus/clean-dev (see its MANIFEST.tsv): the documents in name order, separated
//! by blank lines, repeated until the size is reached, cut at a paragraph boundary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub const MB: usize = 1_000_000;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/clean-dev");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus/clean-dev exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus text is UTF-8"))
        .collect()
}

/// A draft of about `bytes` bytes (never more), ending at a paragraph boundary.
pub fn draft(bytes: usize) -> String {
    let docs = corpus();
    let mut out = String::with_capacity(bytes + 10_000);
    'fill: loop {
        for doc in &docs {
            for paragraph in doc.split("\n\n") {
                if out.len() + paragraph.len() + 2 > bytes {
                    break 'fill;
                }
                out.push_str(paragraph.trim_end());
                out.push_str("\n\n");
            }
        }
    }
    out
}

pub fn seed() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed.txt"))
        .expect("seed fixture")
}

/// A draft of `n` whitespace-separated words, cut after the last one.
pub fn words(n: usize) -> String {
    let mut text = draft(n * 8);
    let mut count = 0;
    let mut in_word = false;
    for (offset, ch) in text.char_indices() {
        if ch.is_whitespace() {
            if in_word && count == n {
                text.truncate(offset);
                break;
            }
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
    }
    text.push('\n');
    text
}
