//! A fast hash for the short keys of built-in word lists and per-draft word maps.

use std::collections::{HashMap, HashSet};

/// FNV-1a: names are short, and SipHash's protection against crafted keys buys nothing
/// for word lists built into the binary; this hash is several times faster on them.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// The hash of per-draft word maps and built-in word sets: foldhash reads a word eight
/// bytes at a time where [`Fnv`] takes one, and a check hashes every word of a draft
/// several times. A fixed seed keeps runs repeatable.
pub type FastHash = foldhash::fast::FixedState;
pub type FastSet<T> = HashSet<T, FastHash>;
pub type FastMap<K, V> = HashMap<K, V, FastHash>;

/// For keys that are already hashes (cache keys of paragraphs): hashing them again buys
/// nothing.
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is expected; anything else is folded in so it still works.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a hash the caller computed.
pub type PrehashedMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<Prehashed>>;
