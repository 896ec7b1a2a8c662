//! Prebuilds the spelling word tables (`src/checks/spelling/tables.rs` reads them), so a
//! process's first unknown word does not pay for hashing, grouping and sorting 60,000
//! words of each list at run time. Each table holds only spans (offset and length) into
//! the text files the crate already embeds; the keys come from the crate's own
//! `keys.rs`, compiled in here too. No network, no dependencies; well under a second.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[path = "src/checks/spelling/keys.rs"]
#[allow(dead_code)]
mod keys;

const DATA: &str = "src/data/spelling";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/checks/spelling/keys.rs");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("spelling");
    std::fs::create_dir_all(&out).expect("OUT_DIR is writable");
    let write = |name: &str, bytes: Vec<u8>| {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    };

    let frequency = read("frequency.txt");
    // Rank = line number among the entries; a repeated word keeps its last rank, as a
    // map filled in order would.
    let ranks: BTreeMap<&str, u32> = lines(&frequency).zip(0u32..).collect();
    write(
        "frequency.map",
        word_map(&frequency, ranks.iter().map(|(&w, &r)| (w, r))),
    );
    write(
        "frequency.shape",
        shape_table(&frequency, ranks.keys().copied()),
    );
    write(
        "frequency.sound",
        sound_index(&frequency, ranks.keys().copied()),
    );

    let places = read("places.txt");
    let weights = place_words(&places);
    write(
        "places.map",
        word_map(&places, weights.iter().map(|(&w, &n)| (w, u32::from(n)))),
    );
    write(
        "places.shape",
        shape_table(&places, weights.keys().copied()),
    );

    for list in ["first_names", "last_names"] {
        let text = read(&format!("{list}.txt"));
        let names: BTreeSet<&str> = lines(&text).collect();
        write(
            &format!("{list}.map"),
            word_map(&text, names.iter().map(|&w| (w, 0))),
        );
    }

    for language in ["en_US", "en_GB"] {
        let dic = read(&format!("{language}.dic"));
        write(&format!("{language}.stems"), shape_table(&dic, stems(&dic)));
    }
}

fn read(name: &str) -> String {
    let path = format!("{DATA}/{name}");
    println!("cargo::rerun-if-changed={path}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Entry lines: trimmed, without blanks and `#` comments.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Single words of place names (`Kuala`, `Lumpur`: capitalised, three chars or more)
/// with the notability of the most notable place using them.
fn place_words(text: &str) -> BTreeMap<&str, u8> {
    let mut words = BTreeMap::new();
    let places = lines(text).filter_map(|l| {
        let (name, weight) = l.split_once('\t')?;
        Some((name, weight.parse::<u8>().ok()?))
    });
    for (name, weight) in places {
        for word in name.split([' ', '-']) {
            if word.starts_with(char::is_uppercase) && word.chars().nth(2).is_some() {
                let entry = words.entry(word).or_insert(0);
                *entry = (*entry).max(weight);
            }
        }
    }
    words
}

/// Stems of a `.dic` file (`abbreviate/DSGNX` -> `abbreviate`): not the first line (the
/// entry count), nor entries shorter than three chars or with digits or spaces.
fn stems(dic: &str) -> impl Iterator<Item = &str> {
    dic.lines().skip(1).filter_map(|line| {
        let stem = line.split('/').next()?.trim();
        (stem.chars().count() >= 3 && stem.chars().all(|c| c.is_alphabetic() || c == '\''))
            .then_some(stem)
    })
}

/// A word as a span of `text`: byte offset in the low 24 bits, byte length in the high 8.
fn span(text: &str, word: &str) -> u32 {
    let start = word.as_ptr() as usize - text.as_ptr() as usize;
    assert!(start + word.len() <= text.len(), "{word} lies in the text");
    assert!(start < 1 << 24 && word.len() < 1 << 8, "{word} fits a span");
    start as u32 | (word.len() as u32) << 24
}

fn put(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// Distinct words sorted by shape, then bytes; then a sorted index of the shapes, each
/// with its range of words. Layout: group count; per group (first char, length, start,
/// end); the spans.
fn shape_table<'a>(text: &'a str, words: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let sorted: BTreeSet<((char, usize), &str)> = words
        .filter_map(|w| Some((keys::shape_key(w)?, w)))
        .collect();
    let mut groups: Vec<((char, usize), u32, u32)> = Vec::new();
    for (i, (shape, _)) in sorted.iter().enumerate() {
        match groups.last_mut() {
            Some(last) if last.0 == *shape => last.2 = i as u32 + 1,
            _ => groups.push((*shape, i as u32, i as u32 + 1)),
        }
    }
    let mut out = Vec::new();
    put(&mut out, groups.len() as u32);
    for ((first, length), start, end) in groups {
        for n in [first as u32, length as u32, start, end] {
            put(&mut out, n);
        }
    }
    for (_, word) in sorted {
        put(&mut out, span(text, word));
    }
    out
}

/// Words by the hash of their sound key, sorted by (hash, word). Layout: count; the
/// hashes (u64); the spans.
fn sound_index<'a>(text: &'a str, words: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let sorted: BTreeSet<(u64, &str)> = words
        .map(|w| (keys::sound_hash(&keys::phonetic_key(w)), w))
        .collect();
    let mut out = Vec::new();
    put(&mut out, sorted.len() as u32);
    for (hash, _) in &sorted {
        out.extend_from_slice(&hash.to_le_bytes());
    }
    for (_, word) in sorted {
        put(&mut out, span(text, word));
    }
    out
}

/// A hash table of distinct words with a value each: a power-of-two bucket count, the
/// start of each bucket's entries (and the end of the last), then (span, value) entries.
fn word_map<'a>(text: &'a str, entries: impl Iterator<Item = (&'a str, u32)>) -> Vec<u8> {
    let entries: Vec<(&str, u32)> = entries.collect();
    let buckets = entries.len().next_power_of_two().max(1);
    let mut by_bucket: Vec<Vec<(&str, u32)>> = vec![Vec::new(); buckets];
    for &(word, value) in &entries {
        by_bucket[keys::word_hash(word) as usize & (buckets - 1)].push((word, value));
    }
    let mut out = Vec::new();
    put(&mut out, buckets as u32);
    let mut start = 0;
    for bucket in &by_bucket {
        put(&mut out, start);
        start += bucket.len() as u32;
    }
    put(&mut out, start);
    for (word, value) in by_bucket.into_iter().flatten() {
        put(&mut out, span(text, word));
        put(&mut out, value);
    }
    out
}
