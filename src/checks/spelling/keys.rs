//! The keys the prebuilt word tables are sorted and looked up by: a word's shape, its
//! sound key and the hashes. `build.rs` compiles this same file (`#[path]`) to build the
//! tables, so the order it writes and the order the lookups assume cannot drift apart.
//! Standard library only, for that reason.

/// A word's shape: its first letter in lower case and its length in chars. Near words
/// are looked for among the words of the same or a nearby shape.
pub fn shape_key(word: &str) -> Option<(char, usize)> {
    let first = word.chars().next()?;
    Some((
        first.to_lowercase().next().unwrap_or(first),
        word.chars().count(),
    ))
}

/// FNV-1a, continuing from `state` (0 starts afresh).
fn fnv(state: u64, bytes: &[u8]) -> u64 {
    let mut hash = if state == 0 {
        0xcbf2_9ce4_8422_2325
    } else {
        state
    };
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The hash a word table is bucketed by.
pub fn word_hash(word: &str) -> u64 {
    fnv(0, word.as_bytes())
}

/// The hash the sound index is sorted by: FNV-1a of the key's bytes and `0xff`, which is
/// what the index was sorted by when it was built at run time (with the crate's hasher of
/// then), so words that share a hash come in the same order as they did.
pub fn sound_hash(key: &str) -> u64 {
    fnv(fnv(0, key.as_bytes()), &[0xff])
}

/// A rough sound key: consonant skeleton with letters that sound alike merged, so that
/// `definately` and `definitely`, `fonetic` and `phonetic` share one.
pub fn phonetic_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    if word.is_ascii() {
        // The common case, without collecting chars: the frequency list is ASCII.
        let lower: Vec<u8> = word
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        push_sounds(&mut key, lower.len(), |i| {
            lower.get(i).map(|&b| char::from(b))
        });
    } else {
        let lower: Vec<char> = word
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        push_sounds(&mut key, lower.len(), |i| lower.get(i).copied());
    }
    key
}

fn push_sounds(key: &mut String, len: usize, at: impl Fn(usize) -> Option<char>) {
    let mut i = 0;
    while i < len {
        let Some(c) = at(i) else {
            break;
        };
        let next = at(i + 1);
        let (sound, skip) = match (c, next) {
            ('p', Some('h')) => (Some('f'), 2),
            ('c', Some('k')) => (Some('k'), 2),
            ('s', Some('h')) | ('c', Some('h')) => (Some('x'), 2),
            ('g', Some('h')) => (None, 2),
            ('w', Some('h')) => (Some('w'), 2),
            ('c', Some('e' | 'i' | 'y')) => (Some('s'), 1),
            ('c' | 'q' | 'k', _) => (Some('k'), 1),
            ('z', _) => (Some('s'), 1),
            ('x', _) => (Some('k'), 1),
            ('v', _) => (Some('f'), 1),
            ('d', _) => (Some('t'), 1),
            ('b', _) => (Some('p'), 1),
            ('h', _) => (None, 1),
            (v, _) if is_vowel(v) || v == 'w' => (if i == 0 { Some('a') } else { None }, 1),
            (other, _) => (Some(other), 1),
        };
        if let Some(s) = sound
            && !key.ends_with(s)
        {
            key.push(s);
        }
        i += skip;
    }
}

pub const fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_fnv_1a() {
        // Published FNV-1a test vectors.
        assert_eq!(word_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(word_hash("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(sound_hash("a"), fnv(word_hash("a"), &[0xff]));
    }

    #[test]
    fn shapes_fold_the_first_letter() {
        assert_eq!(shape_key("Émile"), Some(('é', 5)));
        assert_eq!(shape_key(""), None);
    }
}
