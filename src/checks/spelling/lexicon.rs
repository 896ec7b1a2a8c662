//! Word lists beside the dictionary: word frequency, places, census names. Their lookup
//! tables are prebuilt by `build.rs` (see `tables`), so a first lookup costs no more than
//! any other; sources and licences are in `src/data/spelling/README.md`.

use super::keys::{shape_key, sound_hash};
use super::tables::{Shapes, Sounds, WordMap, table};

static FREQUENCY_TEXT: &str = include_str!("../../data/spelling/frequency.txt");
static PLACES_TEXT: &str = include_str!("../../data/spelling/places.txt");
static FIRST_NAMES_TEXT: &str = include_str!("../../data/spelling/first_names.txt");
static LAST_NAMES_TEXT: &str = include_str!("../../data/spelling/last_names.txt");

/// Frequency rank (0 = most frequent) of lower-case English words.
fn frequency() -> WordMap {
    WordMap::new(FREQUENCY_TEXT, table!("frequency.map"))
}

/// Whether the frequency list records this exact word (its entries are lower case).
pub fn is_frequent(word: &str) -> bool {
    frequency_rank(word).is_some()
}

/// The word's rank in the frequency list (0 = most frequent), if it is there.
pub fn frequency_rank(word: &str) -> Option<u32> {
    frequency().get(word)
}

/// How common a word is, from 0.0 (not in the list) to 1.0 (`the`), on a log scale.
pub fn commonness(word: &str) -> f32 {
    let frequency = frequency();
    let rank = frequency
        .get(word)
        .or_else(|| frequency.get(&word.to_lowercase()));
    rank.map_or(0.0, |rank| {
        let n = frequency.len().max(2) as f32;
        1.0 - ((rank + 1) as f32).ln() / n.ln()
    })
}

/// Words of the frequency list grouped by (first letter, length in chars), for finding
/// near words without scanning the whole list.
pub fn frequent_by_shape() -> Shapes {
    Shapes::new(FREQUENCY_TEXT, table!("frequency.shape"))
}

/// Frequent words by a hash of their sound key ([`super::keys::phonetic_key`]), for
/// words spelt by ear (`maskeraid` -> `masquerade`). A hash collision only adds a
/// candidate the caller weighs like any other.
fn frequent_by_sound_index() -> Sounds {
    Sounds::new(FREQUENCY_TEXT, table!("frequency.sound"))
}

/// Frequent words whose sound key may be `key` (a few others may share its hash).
pub fn frequent_by_sound(key: &str) -> impl Iterator<Item = &'static str> {
    frequent_by_sound_index().with_hash(sound_hash(key))
}

/// Single words of place names (`Kuala`, `Lumpur`), with the notability of the most
/// notable place using them (1-9, log10 of its population; 9 for countries).
fn place_words() -> WordMap {
    WordMap::new(PLACES_TEXT, table!("places.map"))
}

/// Place words grouped like [`frequent_by_shape`].
pub fn places_by_shape() -> Shapes {
    Shapes::new(PLACES_TEXT, table!("places.shape"))
}

/// The notability of a place word, if it is one.
pub fn place_weight(word: &str) -> Option<u8> {
    place_words()
        .get(word)
        .and_then(|weight| u8::try_from(weight).ok())
}

/// Whether a capitalised word is a common US first name (census list).
pub fn is_first_name(word: &str) -> bool {
    WordMap::new(FIRST_NAMES_TEXT, table!("first_names.map"))
        .get(word)
        .is_some()
}

/// Whether a capitalised word is a common first name or surname (census lists).
pub fn is_census_name(word: &str) -> bool {
    is_first_name(word)
        || WordMap::new(LAST_NAMES_TEXT, table!("last_names.map"))
            .get(word)
            .is_some()
}

/// Words of `groups` whose first letter matches `word`'s (case-insensitively) and whose
/// length is within `max_length_difference` chars of it: shorter lengths first, each
/// group in byte order.
pub fn same_shape(
    groups: Shapes,
    word: &str,
    max_length_difference: usize,
) -> impl Iterator<Item = &'static str> {
    let shape = shape_key(word);
    let (first, length) = shape.unwrap_or((' ', 0));
    let lengths = length.saturating_sub(max_length_difference)..=length + max_length_difference;
    lengths
        .filter(move |_| shape.is_some())
        .flat_map(move |l| groups.group(first, l))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::data::lines;
    use std::collections::{BTreeMap, BTreeSet};

    /// Words grouped by shape, each group sorted: what a prebuilt shape table must hold,
    /// computed here the slow way, as the lists were once built at run time.
    pub fn by_shape(
        words: impl Iterator<Item = &'static str>,
    ) -> Vec<((char, usize), &'static str)> {
        let sorted: Vec<_> = words
            .filter_map(|w| {
                let first = w.chars().next()?;
                let key = (
                    first.to_lowercase().next().unwrap_or(first),
                    w.chars().count(),
                );
                Some((key, w))
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        sorted
    }

    #[test]
    fn prebuilt_frequency_tables_hold_the_list() {
        let mut ranks = BTreeMap::new();
        for (word, rank) in lines(FREQUENCY_TEXT).zip(0u32..) {
            ranks.insert(word, rank);
        }
        let mut table: Vec<_> = frequency().all().collect();
        table.sort_unstable();
        assert_eq!(
            table,
            ranks.iter().map(|(&w, &r)| (w, r)).collect::<Vec<_>>()
        );
        for (&word, &rank) in &ranks {
            assert_eq!(frequency().get(word), Some(rank), "{word}");
        }
        assert_eq!(
            frequent_by_shape().all().collect::<Vec<_>>(),
            by_shape(ranks.keys().copied())
        );
        let mut sounds: Vec<(u64, &str)> = ranks
            .keys()
            .map(|&w| (sound_hash(&super::super::keys::phonetic_key(w)), w))
            .collect();
        sounds.sort_unstable();
        assert_eq!(frequent_by_sound_index().all().collect::<Vec<_>>(), sounds);
    }

    #[test]
    fn prebuilt_place_and_name_tables_hold_the_lists() {
        let mut weights: BTreeMap<&str, u8> = BTreeMap::new();
        for line in lines(PLACES_TEXT) {
            let Some((name, weight)) = line.split_once('\t') else {
                continue;
            };
            let Ok(weight) = weight.parse::<u8>() else {
                continue;
            };
            for word in name.split([' ', '-']) {
                if word.starts_with(char::is_uppercase) && word.chars().nth(2).is_some() {
                    let entry = weights.entry(word).or_insert(0);
                    *entry = (*entry).max(weight);
                }
            }
        }
        let mut table: Vec<_> = place_words().all().collect();
        table.sort_unstable();
        let expected: Vec<_> = weights.iter().map(|(&w, &n)| (w, u32::from(n))).collect();
        assert_eq!(table, expected);
        for (&word, &weight) in &weights {
            assert_eq!(place_weight(word), Some(weight), "{word}");
        }
        assert_eq!(
            places_by_shape().all().collect::<Vec<_>>(),
            by_shape(weights.keys().copied())
        );
        for name in lines(FIRST_NAMES_TEXT) {
            assert!(is_first_name(name) && is_census_name(name), "{name}");
        }
        for name in lines(LAST_NAMES_TEXT) {
            assert!(is_census_name(name), "{name}");
        }
        let names: BTreeSet<_> = lines(FIRST_NAMES_TEXT)
            .chain(lines(LAST_NAMES_TEXT))
            .collect();
        for word in ["the", "Paris", "Zaporizhzhia", "", "smith"] {
            assert_eq!(is_census_name(word), names.contains(word), "{word}");
        }
    }

    #[test]
    fn words_outside_the_tables_are_not_found() {
        // `The` is a place word (`The Hague`), not a frequency-list one.
        for word in ["", "zzzqx", "The", "thé", "the the"] {
            assert_eq!(frequency().get(word), None, "{word}");
        }
        for word in ["", "Zzzqx", "the", "Istanbu", "Kuala Lumpur"] {
            assert_eq!(place_weight(word), None, "{word}");
        }
        assert_eq!(frequent_by_sound("qqqqqqq").count(), 0);
        assert_eq!(same_shape(frequent_by_shape(), "", 2).count(), 0);
    }

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
