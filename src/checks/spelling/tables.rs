//! Readers for the word tables `build.rs` prebuilds: a shape index, a sound index and a
//! hash map of words, each a byte table of spans into a text the binary embeds anyway.
//! Opening one costs nothing; a lookup decodes the few numbers it touches. The layouts
//! are documented where `build.rs` writes them, and the tests of `lexicon` and `stems`
//! check every table against the lists built the slow way from the same files.

/// A word of `text` as the span `build.rs` stored: byte offset in the low 24 bits,
/// byte length in the high 8. `None` only for a table that does not match its text.
fn word(text: &'static str, span: u32) -> Option<&'static str> {
    let start = (span & 0x00ff_ffff) as usize;
    text.get(start..start + (span >> 24) as usize)
}

/// The `index`th little-endian u32 of `bytes` (0 past the end: never, for a table the
/// build wrote; the tests read every entry).
fn u32_at(bytes: &[u8], index: usize) -> u32 {
    bytes
        .get(index * 4..index * 4 + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

fn u64_at(bytes: &[u8], index: usize) -> u64 {
    bytes
        .get(index * 8..index * 8 + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The first of `0..len` for which `below` is false, `below` being true for a prefix
/// (`partition_point` for a table read in place rather than a slice).
fn first_not_below(len: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let mid = (low + high) / 2;
        if below(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

/// A table's text and its two parts: after the leading count, the first `head(count)`
/// bytes (an index), then the rest (the spans). Both parts are empty for a table too
/// short: never, for one the build wrote.
#[derive(Clone, Copy)]
struct Parts {
    text: &'static str,
    head: &'static [u8],
    body: &'static [u8],
}

impl Parts {
    fn new(text: &'static str, table: &'static [u8], head: impl Fn(usize) -> usize) -> Self {
        let (head, body) = table
            .get(4..)
            .unwrap_or_default()
            .split_at_checked(head(u32_at(table, 0) as usize))
            .unwrap_or_default();
        Parts { text, head, body }
    }
}

/// Words grouped by [`super::keys::shape_key`], each group sorted.
/// The head holds (first char, length, start, end) per group, sorted.
#[derive(Clone, Copy)]
pub struct Shapes(Parts);

const GROUP_BYTES: usize = 16;

impl Shapes {
    pub fn new(text: &'static str, table: &'static [u8]) -> Self {
        Shapes(Parts::new(text, table, |count| count * GROUP_BYTES))
    }

    fn group_count(&self) -> usize {
        self.0.head.len() / GROUP_BYTES
    }

    fn group_key(&self, group: usize) -> (u32, u32) {
        (
            u32_at(self.0.head, group * 4),
            u32_at(self.0.head, group * 4 + 1),
        )
    }

    /// The words of one shape, in byte order.
    pub fn group(self, first: char, length: usize) -> impl Iterator<Item = &'static str> {
        let key = (first as u32, u32::try_from(length).unwrap_or(u32::MAX));
        let low = first_not_below(self.group_count(), |g| self.group_key(g) < key);
        let range = if low < self.group_count() && self.group_key(low) == key {
            u32_at(self.0.head, low * 4 + 2) as usize..u32_at(self.0.head, low * 4 + 3) as usize
        } else {
            0..0
        };
        range.filter_map(move |i| word(self.0.text, u32_at(self.0.body, i)))
    }

    /// Every word, by shape then bytes.
    #[cfg(test)]
    pub fn all(self) -> impl Iterator<Item = ((char, usize), &'static str)> {
        (0..self.group_count()).flat_map(move |g| {
            let (first, length) = self.group_key(g);
            let first = char::from_u32(first).unwrap_or_default();
            self.group(first, length as usize)
                .map(move |w| ((first, length as usize), w))
        })
    }
}

/// Words sorted by the hash of their sound key.
/// The head holds the sorted hashes (u64); the body, a span for each.
#[derive(Clone, Copy)]
pub struct Sounds(Parts);

impl Sounds {
    pub fn new(text: &'static str, table: &'static [u8]) -> Self {
        Sounds(Parts::new(text, table, |count| count * 8))
    }

    pub fn len(self) -> usize {
        self.0.head.len() / 8
    }

    /// The words whose sound key hashes to `hash`, in byte order.
    pub fn with_hash(self, hash: u64) -> impl Iterator<Item = &'static str> {
        let low = first_not_below(self.len(), |i| u64_at(self.0.head, i) < hash);
        (low..self.len())
            .take_while(move |&i| u64_at(self.0.head, i) == hash)
            .filter_map(move |i| word(self.0.text, u32_at(self.0.body, i)))
    }

    /// Every (hash, word), in order.
    #[cfg(test)]
    pub fn all(self) -> impl Iterator<Item = (u64, &'static str)> {
        (0..self.len()).map(move |i| {
            let word = word(self.0.text, u32_at(self.0.body, i)).unwrap_or_default();
            (u64_at(self.0.head, i), word)
        })
    }
}

/// Distinct words with a number each, or without (a set), in a hash table bucketed by
/// [`super::keys::word_hash`]. The head holds each bucket's first entry (and the end of
/// the last); the body, (span, number) entries, or spans alone for a set.
#[derive(Clone, Copy)]
pub struct WordMap {
    parts: Parts,
    /// u32s an entry takes: 2 with a number, 1 without.
    stride: usize,
}

impl WordMap {
    pub fn new(text: &'static str, table: &'static [u8]) -> Self {
        let parts = Parts::new(text, table, |buckets| (buckets + 1) * 4);
        let entries = u32_at(parts.head, (parts.head.len() / 4).saturating_sub(1)) as usize;
        let stride = if entries > 0 && parts.body.len() >= entries * 8 {
            2
        } else {
            1
        };
        WordMap { parts, stride }
    }

    pub fn len(self) -> usize {
        self.parts.body.len() / (4 * self.stride)
    }

    /// The word's number (0 in a set), if the word is there.
    pub fn get(self, key: &str) -> Option<u32> {
        let Parts { text, head, body } = self.parts;
        let buckets = (head.len() / 4).saturating_sub(1);
        if buckets == 0 {
            return None;
        }
        let bucket = super::keys::word_hash(key) as usize & (buckets - 1);
        let range = u32_at(head, bucket) as usize..u32_at(head, bucket + 1) as usize;
        range
            .into_iter()
            .find(|&i| {
                let span = u32_at(body, i * self.stride);
                // The length is in the span: most entries of a bucket fail on it.
                (span >> 24) as usize == key.len() && word(text, span) == Some(key)
            })
            .map(|i| self.number(i))
    }

    fn number(self, entry: usize) -> u32 {
        if self.stride == 2 {
            u32_at(self.parts.body, entry * 2 + 1)
        } else {
            0
        }
    }

    /// Every (word, number), in table order.
    #[cfg(test)]
    pub fn all(self) -> impl Iterator<Item = (&'static str, u32)> {
        (0..self.len()).map(move |i| {
            let span = u32_at(self.parts.body, i * self.stride);
            (
                word(self.parts.text, span).unwrap_or_default(),
                self.number(i),
            )
        })
    }
}

/// A table `build.rs` wrote to `OUT_DIR/spelling`.
macro_rules! table {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/spelling/", $name))
    };
}
pub(super) use table;
