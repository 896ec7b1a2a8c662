//! How far a typed word is from a candidate: edit distance with transpositions, weighed
//! by how people mistype (neighbouring keys, doubled letters, swapped vowels), and a
//! rough phonetic key for words spelt by ear (in `keys`, shared with `build.rs`).

use super::keys::is_vowel;
pub use super::keys::phonetic_key;

/// Optimal-string-alignment distance (Damerau: an adjacent swap is one edit), case
/// sensitive, or `None` when it exceeds `max`.
pub fn damerau(a: &str, b: &str, max: usize) -> Option<usize> {
    // On the stack: typo evidence compares a new word with thousands of candidates.
    let a: Chars = a.chars().collect();
    let b: Chars = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let cost = osa(&a, &b, |_, _| 1.0, |_, _| 1.0, |_, _| 1.0, max as f32 + 0.5)?;
    Some(cost.round() as usize)
}

type Chars = smallvec::SmallVec<[char; 24]>;

/// A one-pass test that holds whenever `damerau(a, b, 1) == Some(1)` (and seldom
/// otherwise): the words differ by one substitution, insertion or deletion, or by one or
/// two swaps of neighbours (a swap costs 0.7 in [`damerau`], so two may still round to
/// one edit). Typo evidence runs it before the table on thousands of candidates a word.
/// `fold` compares in lower case.
pub fn may_be_within_one_edit(a: &str, b: &str, fold: bool) -> bool {
    // ASCII words, the common case, as bytes: no decoding, no case tables.
    if a.is_ascii() && b.is_ascii() {
        if !fold {
            return within_one_edit(a.as_bytes(), b.as_bytes());
        }
        let lower = |w: &str| -> Bytes { w.bytes().map(|c| c.to_ascii_lowercase()).collect() };
        return within_one_edit(&lower(a), &lower(b));
    }
    let letters = |w: &str| -> Chars {
        if fold {
            w.chars().flat_map(char::to_lowercase).collect()
        } else {
            w.chars().collect()
        }
    };
    within_one_edit(&letters(a), &letters(b))
}

type Bytes = smallvec::SmallVec<[u8; 32]>;

fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let Some(first) = a.iter().zip(b).position(|(x, y)| x != y) else {
        // One is a prefix of the other: one letter added at the end, or equal.
        return a.len().abs_diff(b.len()) == 1;
    };
    let (a, b) = (&a[first..], &b[first..]);
    match a.len() as isize - b.len() as isize {
        1 => a[1..] == *b,
        -1 => *a == b[1..],
        0 => a[1..] == b[1..] || swaps_apart(a, b, 2),
        _ => false,
    }
}

/// Whether `a` becomes `b` (same length, differing at their first letter) by at most
/// `swaps` swaps of neighbouring letters, no letter swapped twice.
fn swaps_apart<T: PartialEq>(a: &[T], b: &[T], swaps: usize) -> bool {
    if swaps == 0 || a.len() < 2 || a[0] != b[1] || a[1] != b[0] {
        return false;
    }
    let (a, b) = (&a[2..], &b[2..]);
    match a.iter().zip(b).position(|(x, y)| x != y) {
        None => true,
        Some(next) => swaps_apart(&a[next..], &b[next..], swaps - 1),
    }
}

/// A cheap test that must hold for two words of five letters or more to be one edit
/// apart (case-insensitive at the first letter): one edit touches at most two
/// neighbouring letters, so the first two or the last two letters agree.
pub fn may_be_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let head = |w: &[u8]| (w.first().map(u8::to_ascii_lowercase), w.get(1).copied());
        let tail = |w: &[u8]| (w.last().copied(), w.len().checked_sub(2).map(|i| w[i]));
        return a.len().abs_diff(b.len()) <= 1 && (head(a) == head(b) || tail(a) == tail(b));
    }
    letters_may_be_one_edit(a, b)
}

/// [`may_be_one_edit`] letter by letter, for words with non-ASCII letters.
fn letters_may_be_one_edit(a: &str, b: &str) -> bool {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let head = |w: &str| {
        let mut chars = w.chars();
        (chars.next().map(fold), chars.next())
    };
    let tail = |w: &str| {
        let mut chars = w.chars().rev();
        (chars.next(), chars.next())
    };
    a.chars().count().abs_diff(b.chars().count()) <= 1 && (head(a) == head(b) || tail(a) == tail(b))
}

/// The edit distance with each edit costed by how likely a writer is to make it: a
/// neighbouring key, a vowel for a vowel, a doubled or undoubled letter and a swap cost
/// less than an arbitrary edit. Case-insensitive. `None` beyond `max`.
pub fn typing_cost(typed: &str, candidate: &str, max: f32) -> Option<f32> {
    let lower = |w: &str| -> Vec<char> {
        if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            w.to_lowercase().chars().collect()
        } else {
            w.chars().collect()
        }
    };
    // Every edit costs at least 0.5: words whose lengths differ by more than twice the
    // budget cannot be within it.
    if typed.len().abs_diff(candidate.len()) as f32 * 0.5 > max + 4.0 {
        // (Byte lengths: a generous margin for letters of two bytes.)
        return None;
    }
    // The common case, lower-case ASCII words, on the stack: this runs for every
    // candidate of every suggestion.
    let mut a = [' '; STACK_WORD];
    let mut b = [' '; STACK_WORD];
    if let (Some(n), Some(m)) = (ascii_lower(typed, &mut a), ascii_lower(candidate, &mut b)) {
        if n.abs_diff(m) as f32 * 0.5 > max || letters_bound(&a[..n], &b[..m]) > max + 1e-3 {
            return None;
        }
        return osa(
            &a[..n],
            &b[..m],
            substitution_cost,
            indel_cost,
            indel_cost,
            max,
        );
    }
    let (a, b) = (lower(typed), lower(candidate));
    if a.len().abs_diff(b.len()) as f32 * 0.5 > max {
        return None;
    }
    osa(&a, &b, substitution_cost, indel_cost, indel_cost, max)
}

/// A lower bound on [`typing_cost`] from letter counts alone, far cheaper than the table:
/// each letter counted differently costs at least 0.35 (see [`differing_letters`]; a
/// substitution costs at least 0.7, an insertion or deletion 0.5). Most candidates of a
/// suggestion search share too few letters with the typed word to come near, and stop
/// here.
fn letters_bound(a: &[char], b: &[char]) -> f32 {
    // The words are in lower case already.
    let slot = |c: char| ((c as u32).wrapping_sub('a' as u32) as usize).min(26);
    0.35 * differing_letters(a, b, slot) as f32
}

/// Whether two words one edit apart could be these, as written or folded: their letters
/// differ in at most two counts (see [`differing_letters`]). ASCII words only; others
/// always pass. Typo evidence runs it on the candidates the cheaper
/// [`may_be_one_edit`] lets through.
pub fn letter_counts_within(a: &str, b: &str, max: u32) -> bool {
    let slot = |c: u8| usize::from(c.to_ascii_lowercase().wrapping_sub(b'a')).min(26);
    !a.is_ascii() || !b.is_ascii() || differing_letters(a.as_bytes(), b.as_bytes(), slot) <= max
}

/// How many letter counts differ between two words, `slot` numbering the letters `a..=z`
/// 0 to 25 and everything else 26: a substitution changes two counts, an insertion or
/// deletion one, a swap none. Letters sharing slot 26 only lower the figure.
fn differing_letters<T: Copy>(a: &[T], b: &[T], slot: impl Fn(T) -> usize) -> u32 {
    let mut counts = [0i16; 27];
    for &c in a {
        counts[slot(c)] = counts[slot(c)].saturating_add(1);
    }
    for &c in b {
        counts[slot(c)] = counts[slot(c)].saturating_sub(1);
    }
    counts.iter().map(|n| u32::from(n.unsigned_abs())).sum()
}

/// Longest word [`typing_cost`] handles without allocating.
const STACK_WORD: usize = 48;

/// Copies an ASCII word into `out` in lower case; `None` if it is not ASCII or too long.
fn ascii_lower(word: &str, out: &mut [char; STACK_WORD]) -> Option<usize> {
    if word.len() > STACK_WORD || !word.is_ascii() {
        return None;
    }
    for (slot, b) in out.iter_mut().zip(word.bytes()) {
        *slot = char::from(b.to_ascii_lowercase());
    }
    Some(word.len())
}

/// What one edit turned the typed word into the candidate, when exactly one did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Two neighbouring letters swapped (`Chirstmas`).
    Transposition,
    /// A letter doubled or undoubled (`Pittsburg`).
    Doubling,
    /// One letter too many, not at the end (`Instanbul`).
    Insertion,
    /// One letter too many at the very end (`Zelensky` next to `Zelensk`): how names are
    /// made from places, so weak evidence of a typo.
    TrailingInsertion,
    /// One letter missing.
    Deletion,
    /// One letter missing at the very end (`Mathematica` next to `mathematical`):
    /// languages clip words differently, so weak evidence of a typo.
    TrailingDeletion,
    /// One letter replaced.
    Substitution,
}

/// The single edit that turns `typed` into `candidate` (case-insensitive), if one does.
pub fn single_edit(typed: &str, candidate: &str) -> Option<Edit> {
    let a: Vec<char> = typed.to_lowercase().chars().collect();
    let b: Vec<char> = candidate.to_lowercase().chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    match (a_mid.len(), b_mid.len()) {
        (1, 0) => {
            let extra = a_mid[0];
            let doubled =
                (prefix > 0 && a[prefix - 1] == extra) || a.get(prefix + 1) == Some(&extra);
            Some(if doubled {
                Edit::Doubling
            } else if prefix + 1 == a.len() {
                Edit::TrailingInsertion
            } else {
                Edit::Insertion
            })
        }
        (0, 1) => {
            let missing = b_mid[0];
            let doubled =
                (prefix > 0 && b[prefix - 1] == missing) || b.get(prefix + 1) == Some(&missing);
            Some(if doubled {
                Edit::Doubling
            } else if prefix == a.len() {
                Edit::TrailingDeletion
            } else {
                Edit::Deletion
            })
        }
        (1, 1) => Some(Edit::Substitution),
        (2, 2) if a_mid[0] == b_mid[1] && a_mid[1] == b_mid[0] => Some(Edit::Transposition),
        // Equal words, or more than one edit. Shared letters at the ends can hide a
        // single edit in a run (`aab` vs `ab`): the prefix/suffix overlap handles that.
        (0, 0) => None,
        _ if a.len() == b.len() + 1 || b.len() == a.len() + 1 => {
            (damerau(typed, candidate, 1) == Some(1)).then_some(if a.len() > b.len() {
                Edit::Insertion
            } else {
                Edit::Deletion
            })
        }
        _ => None,
    }
}

/// Optimal-string-alignment distance with costed edits, `None` beyond `max`. Keeps three
/// rows (a swap looks two back) and each letter's deletion and insertion cost, on the
/// stack for words up to [`STACK_WORD`] letters: it runs for every candidate of every
/// suggestion, and zeroing a full matrix, or costing a letter once per cell, showed in
/// profiles.
fn osa(
    a: &[char],
    b: &[char],
    substitute: impl Fn(char, char) -> f32,
    delete: impl Fn(&[char], usize) -> f32,
    insert: impl Fn(&[char], usize) -> f32,
    max: f32,
) -> Option<f32> {
    let width = b.len() + 1;
    let mut stack = [0f32; 4 * (STACK_WORD + 1)];
    let mut heap = Vec::new();
    let cells: &mut [f32] = if 4 * width <= stack.len() {
        &mut stack[..4 * width]
    } else {
        heap.resize(4 * width, 0f32);
        &mut heap
    };
    // Three rows, row `i` at `(i % 3) * width`, then the insertion cost of each letter
    // of `b` (index `j - 1` at `3 * width + j`).
    let (rows, inserts) = cells.split_at_mut(3 * width);
    for j in 1..width {
        inserts[j] = insert(b, j - 1);
        rows[j] = rows[j - 1] + inserts[j];
    }
    for i in 1..=a.len() {
        let (this, up, up2) = (
            (i % 3) * width,
            ((i - 1) % 3) * width,
            ((i + 1) % 3) * width,
        );
        let x = a[i - 1];
        let deletion = delete(a, i - 1);
        rows[this] = rows[up] + deletion;
        let mut row_min = rows[this];
        for j in 1..width {
            let y = b[j - 1];
            let mut best = rows[up + j - 1] + if x == y { 0.0 } else { substitute(x, y) };
            best = least(best, rows[up + j] + deletion);
            best = least(best, rows[this + j - 1] + inserts[j]);
            if i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y && x != y {
                best = least(best, rows[up2 + j - 2] + TRANSPOSITION);
            }
            rows[this + j] = best;
            row_min = least(row_min, best);
        }
        if row_min > max {
            return None;
        }
    }
    let cost = rows[(a.len() % 3) * width + b.len()];
    (cost <= max).then_some(cost)
}

/// The smaller of two costs (never NaN, so simpler than `f32::min`, which checks).
fn least(a: f32, b: f32) -> f32 {
    if b < a { b } else { a }
}

const TRANSPOSITION: f32 = 0.7;

fn substitution_cost(x: char, y: char) -> f32 {
    let (i, j) = (
        (x as u32).wrapping_sub('a' as u32) as usize,
        (y as u32).wrapping_sub('a' as u32) as usize,
    );
    if i < 26 && j < 26 {
        return SUBSTITUTION_COSTS[i][j];
    }
    letter_substitution_cost(x, y)
}

/// [`letter_substitution_cost`] of every pair of `a..=z`, built at compile time.
const SUBSTITUTION_COSTS: [[f32; 26]; 26] = {
    let mut table = [[0f32; 26]; 26];
    let mut i = 0;
    while i < 26 {
        let mut j = 0;
        while j < 26 {
            table[i][j] =
                letter_substitution_cost((b'a' + i as u8) as char, (b'a' + j as u8) as char);
            j += 1;
        }
        i += 1;
    }
    table
};

const fn letter_substitution_cost(x: char, y: char) -> f32 {
    if is_vowel(x) && is_vowel(y) {
        0.7
    } else if keyboard_neighbours(x, y) {
        0.75
    } else {
        1.0
    }
}

/// Dropping or adding a letter next to the same letter (`ocurred`, `untill`) is the
/// commonest slip; an apostrophe or hyphen is cheap too.
fn indel_cost(word: &[char], at: usize) -> f32 {
    let c = word[at];
    let doubled = (at > 0 && word[at - 1] == c) || word.get(at + 1) == Some(&c);
    if doubled {
        0.5
    } else if matches!(c, '\'' | '-' | ' ') {
        0.6
    } else if is_vowel(c) {
        0.85
    } else {
        1.0
    }
}

const QWERTY: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/// Row and column of each letter `a..=z`, built once at compile time: this lookup runs
/// for every letter pair of every candidate, so a search of the rows showed in profiles.
const KEY_POSITIONS: [(i8, i8); 26] = {
    let mut table = [(-1i8, -1i8); 26];
    let mut r = 0;
    while r < QWERTY.len() {
        let row = QWERTY[r].as_bytes();
        let mut c = 0;
        while c < row.len() {
            table[(row[c] - b'a') as usize] = (r as i8, c as i8);
            c += 1;
        }
        r += 1;
    }
    table
};

const fn key_position(c: char) -> Option<(i32, i32)> {
    let index = (c as u32).wrapping_sub('a' as u32) as usize;
    if index >= KEY_POSITIONS.len() || KEY_POSITIONS[index].0 < 0 {
        return None;
    }
    let (row, column) = KEY_POSITIONS[index];
    Some((row as i32, column as i32))
}

/// Whether two letters sit next to each other on a QWERTY keyboard (rows are staggered,
/// so the key below-left and below counts).
pub const fn keyboard_neighbours(x: char, y: char) -> bool {
    let (Some((r1, c1)), Some((r2, c2))) = (key_position(x), key_position(y)) else {
        return false;
    };
    match r2 - r1 {
        0 => (c1 - c2).abs() == 1,
        1 => c2 == c1 || c2 == c1 - 1,
        -1 => c1 == c2 || c1 == c2 - 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-pass test never rejects a pair the table finds one edit apart, on
        /// words over a small alphabet where near pairs are common; folded too.
        #[test]
        fn one_pass_test_passes_every_pair_one_edit_apart(
            a in "[abAB]{0,7}",
            b in "[abAB]{0,7}",
        ) {
            if damerau(&a, &b, 1) == Some(1) {
                proptest::prop_assert!(may_be_within_one_edit(&a, &b, false));
            }
            if damerau(&a.to_lowercase(), &b.to_lowercase(), 1) == Some(1) {
                proptest::prop_assert!(may_be_within_one_edit(&a, &b, true));
            }
        }
    }

    proptest::proptest! {
        /// The byte path for ASCII words answers as the letter path does.
        #[test]
        fn ascii_paths_agree_with_letter_paths(a in "[abAB]{0,7}", b in "[abAB]{0,7}") {
            for fold in [false, true] {
                let letters = |w: &str| -> Chars {
                    if fold { w.chars().flat_map(char::to_lowercase).collect() } else { w.chars().collect() }
                };
                proptest::prop_assert_eq!(
                    may_be_within_one_edit(&a, &b, fold),
                    within_one_edit(&letters(&a), &letters(&b))
                );
            }
            proptest::prop_assert_eq!(may_be_one_edit(&a, &b), letters_may_be_one_edit(&a, &b));
        }
    }

    proptest::proptest! {
        /// The letter-count bound never exceeds the cost it bounds.
        #[test]
        fn letters_bound_is_a_lower_bound(a in "[a-fy'-]{0,9}", b in "[a-fy'-]{0,9}") {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            if let Some(cost) = typing_cost(&a, &b, 100.0) {
                proptest::prop_assert!(letters_bound(&x, &y) <= cost + 1e-3);
            }
        }
    }

    proptest::proptest! {
        /// Words one edit apart, as written or folded, pass the letter-count test.
        #[test]
        fn one_edit_apart_passes_letter_counts(a in "[abcAB]{0,7}", b in "[abcAB]{0,7}") {
            if damerau(&a, &b, 1) == Some(1)
                || damerau(&a.to_lowercase(), &b.to_lowercase(), 1) == Some(1)
            {
                proptest::prop_assert!(letter_counts_within(&a, &b, 2));
            }
        }
    }

    #[test]
    fn damerau_counts_a_swap_as_one_edit() {
        assert_eq!(damerau("recieve", "receive", 2), Some(1));
        assert_eq!(damerau("Instanbul", "Istanbul", 2), Some(1));
        assert_eq!(damerau("kitten", "sitting", 2), None);
    }

    #[test]
    fn likely_slips_cost_less() {
        let neighbour = typing_cost("tesr", "test", 2.0).unwrap_or(9.0);
        let far = typing_cost("tesp", "test", 2.0).unwrap_or(9.0);
        assert!(neighbour < far);
        let doubled = typing_cost("untill", "until", 2.0).unwrap_or(9.0);
        let other = typing_cost("unteil", "until", 2.0).unwrap_or(9.0);
        assert!(doubled < other);
    }

    #[test]
    fn single_edits_are_classified() {
        assert_eq!(single_edit("Instanbul", "Istanbul"), Some(Edit::Insertion));
        assert_eq!(
            single_edit("Zelensky", "Zelensk"),
            Some(Edit::TrailingInsertion)
        );
        assert_eq!(
            single_edit("Chirstmas", "Christmas"),
            Some(Edit::Transposition)
        );
        assert_eq!(single_edit("Pitsburgh", "Pittsburgh"), Some(Edit::Doubling));
        assert_eq!(single_edit("Merz", "Metz"), Some(Edit::Substitution));
        assert_eq!(single_edit("Lavrov", "Lavrov"), None);
        assert_eq!(single_edit("Kyiv", "Kiev"), None);
    }

    #[test]
    fn one_edit_prefilter_never_drops_a_single_edit() {
        for (a, b) in [
            ("Instanbul", "Istanbul"),
            ("Chirstmas", "Christmas"),
            ("Zaporizhizhia", "Zaporizhzhia"),
            ("becuase", "because"),
            ("Becuase", "because"),
        ] {
            assert!(may_be_one_edit(a, b), "{a} {b}");
        }
        assert!(!may_be_one_edit("Lavrov", "Moscow"));
    }

    #[test]
    fn keyboard_and_sound() {
        assert!(keyboard_neighbours('r', 't'));
        assert!(keyboard_neighbours('s', 'z'));
        assert!(!keyboard_neighbours('a', 'p'));
        assert_eq!(phonetic_key("fonetic"), phonetic_key("phonetic"));
        assert_eq!(phonetic_key("definately"), phonetic_key("definitely"));
    }
}
