//! Word lists beside the dictionary: word frequency, places, census names. Each is parsed
//! on first use; sources and licences are in `src/data/spelling/README.md`.

use crate::hash::{FastMap as HashMap, FastSet as HashSet};
use std::sync::LazyLock;

fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Frequency rank (0 = most frequent) of lower-case English words.
static FREQUENCY: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    map.reserve(60_000);
    map.extend(lines(include_str!("../../data/spelling/frequency.txt")).zip(0u32..));
    map
});

/// Whether the frequency list records this exact word (its entries are lower case).
pub fn is_frequent(word: &str) -> bool {
    FREQUENCY.contains_key(word)
}

/// How common a word is, from 0.0 (not in the list) to 1.0 (`the`), on a log scale.
pub fn commonness(word: &str) -> f32 {
    let rank = FREQUENCY.get(word).or_else(|| {
        let lower = word.to_lowercase();
        FREQUENCY.get(lower.as_str())
    });
    rank.map_or(0.0, |&rank| {
        let n = FREQUENCY.len().max(2) as f32;
        1.0 - ((rank + 1) as f32).ln() / n.ln()
    })
}

/// Words of the frequency list grouped by (first letter, length in chars), for finding
/// near words without scanning the whole list.
pub static FREQUENT_BY_SHAPE: LazyLock<ShapeGroups> =
    LazyLock::new(|| by_shape(FREQUENCY.keys().copied()));

/// Frequent words by a hash of their sound key ([`super::distance::phonetic_key`]),
/// sorted, for words spelt by ear (`maskeraid` -> `masquerade`). One sorted vector
/// rather than a map of strings: building it is part of a first check's cost, and a
/// hash collision only adds a candidate the caller's own sound test drops.
pub static FREQUENT_BY_SOUND: LazyLock<Vec<(u64, &'static str)>> = LazyLock::new(|| {
    let mut sounds: Vec<(u64, &'static str)> = FREQUENCY
        .keys()
        .map(|&word| (sound_hash(&super::distance::phonetic_key(word)), word))
        .collect();
    sounds.sort_unstable();
    sounds
});

fn sound_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    crate::hash::FastHash::default().hash_one(key)
}

/// Frequent words whose sound key may be `key` (a few others may share its hash).
pub fn frequent_by_sound(key: &str) -> impl Iterator<Item = &'static str> {
    let hash = sound_hash(key);
    let start = FREQUENT_BY_SOUND.partition_point(|&(h, _)| h < hash);
    FREQUENT_BY_SOUND[start..]
        .iter()
        .take_while(move |&&(h, _)| h == hash)
        .map(|&(_, word)| word)
}

/// Single words of place names (`Kuala`, `Lumpur`), with the notability of the most
/// notable place using them (1-9, log10 of its population; 9 for countries).
static PLACE_WORDS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, u8> = HashMap::default();
    words.reserve(60_000);
    let places = lines(include_str!("../../data/spelling/places.txt")).filter_map(|l| {
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
});

/// Place words grouped like [`FREQUENT_BY_SHAPE`].
pub static PLACES_BY_SHAPE: LazyLock<ShapeGroups> =
    LazyLock::new(|| by_shape(PLACE_WORDS.keys().copied()));

/// The notability of a place word, if it is one.
pub fn place_weight(word: &str) -> Option<u8> {
    PLACE_WORDS.get(word).copied()
}

static FIRST_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/spelling/first_names.txt")).collect());

static LAST_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/spelling/last_names.txt")).collect());

/// Whether a capitalised word is a common US first name (census list).
pub fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word)
}

/// Whether a capitalised word is a common first name or surname (census lists).
pub fn is_census_name(word: &str) -> bool {
    FIRST_NAMES.contains(word) || LAST_NAMES.contains(word)
}

/// Words grouped by (first letter in lower case, length in chars).
pub type ShapeGroups = HashMap<(char, usize), Vec<&'static str>>;

pub fn by_shape(words: impl Iterator<Item = &'static str>) -> ShapeGroups {
    let mut groups: HashMap<(char, usize), Vec<&'static str>> = HashMap::default();
    for word in words {
        if let Some(first) = word.chars().next() {
            let key = (
                first.to_lowercase().next().unwrap_or(first),
                word.chars().count(),
            );
            groups.entry(key).or_default().push(word);
        }
    }
    for group in groups.values_mut() {
        group.sort_unstable();
    }
    groups
}

/// Words of `groups` whose first letter matches `word`'s (case-insensitively) and whose
/// length is within `max_length_difference` chars of it.
pub fn same_shape<'a>(
    groups: &'a ShapeGroups,
    word: &str,
    max_length_difference: usize,
) -> impl Iterator<Item = &'static str> + 'a {
    let first = word
        .chars()
        .next()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    let length = word.chars().count();
    let lengths = length.saturating_sub(max_length_difference)..=length + max_length_difference;
    lengths.flat_map(move |l| {
        first
            .and_then(|c| groups.get(&(c, l)))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_rank_above_rare_ones() {
        assert!(commonness("the") > 0.95);
        assert!(commonness("receive") > commonness("recede"));
        assert_eq!(commonness("zzzqx"), 0.0);
    }

    #[test]
    fn places_and_names_load() {
        assert!(place_weight("Istanbul").is_some_and(|w| w >= 6));
        assert!(place_weight("Zaporizhzhia").is_some());
        assert!(place_weight("Lumpur").is_some());
        assert!(is_first_name("Mary"));
        assert!(is_census_name("Johnson"));
        assert!(!is_census_name("Zaporizhzhia"));
    }
}
