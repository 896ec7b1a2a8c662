//! Surname keys numbered per draft.
//!
//! The server recombines every paragraph's mentions on each keystroke; numbering the keys
//! once lets grouping and the name checks index vectors instead of hashing each mention's
//! key string again in every map they build. The hash of a key is computed with the
//! paragraph's memo, so numbering costs one lookup of a ready hash per mention.

use crate::hash::{FastHash, FastMap, PrehashedMap};
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;
use std::sync::Arc;

/// The hash a key is looked up by.
pub(super) fn key_hash(key: &str) -> u64 {
    FastHash::default().hash_one(key)
}

/// Numbers distinct keys in order of first sight.
#[derive(Default)]
pub(super) struct Numbering {
    by_hash: PrehashedMap<usize>,
    /// Keys whose hash an earlier, different key already took: rare, but they must still
    /// get numbers of their own.
    collided: FastMap<Arc<str>, usize>,
    pub keys: Vec<Arc<str>>,
}

impl Numbering {
    /// The number of `key`, whose [`key_hash`] is `hash`.
    pub fn number(&mut self, hash: u64, key: &Arc<str>) -> usize {
        // Most mentions repeat a key already numbered: a plain lookup serves them.
        if let Some(&id) = self.by_hash.get(&hash)
            && *self.keys[id] == **key
        {
            return id;
        }
        let next = self.keys.len();
        let id = match self.by_hash.entry(hash) {
            Entry::Vacant(free) => *free.insert(next),
            Entry::Occupied(_) => *self.collided.entry(key.clone()).or_insert(next),
        };
        if id == next {
            self.keys.push(key.clone());
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_share_a_number_and_colliding_hashes_do_not_merge_keys() {
        let mut numbering = Numbering::default();
        let (a, b): (Arc<str>, Arc<str>) = (Arc::from("rubio"), Arc::from("lavrov"));
        assert_eq!(numbering.number(key_hash(&a), &a), 0);
        assert_eq!(numbering.number(key_hash(&b), &b), 1);
        assert_eq!(numbering.number(key_hash(&a), &Arc::from("rubio")), 0);
        // Two keys forced onto one hash keep their own numbers.
        let c: Arc<str> = Arc::from("curtis");
        assert_eq!(numbering.number(key_hash(&a), &c), 2);
        assert_eq!(numbering.number(key_hash(&a), &c), 2);
        assert_eq!(numbering.number(key_hash(&a), &a), 0);
        assert_eq!(numbering.keys.len(), 3);
    }
}
