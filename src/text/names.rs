//! Name candidates: runs of capitalised words that may name a person, place or
//! organisation, with a title before them and a possessive after.
//!
//! This is the shared first layer: it over-generates on purpose (`Kuala Lumpur`, `EU`,
//! `Black Sea` are candidates too). The spelling, names and attribution checks decide what
//! each candidate is.

use super::tokens::{Token, TokenKind, is_apostrophe};
use crate::data::{SENTENCE_STARTERS, TITLES};
use crate::hash::FastMap;
use std::ops::Range;
use std::sync::LazyLock;

pub type NameWords = smallvec::SmallVec<[Range<usize>; 3]>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameCandidate {
    /// Title and name together, without a possessive ending.
    pub span: Range<usize>,
    /// The title phrase, with any words before it: `Russian Foreign Minister`,
    /// `Secretary of State`, `Sen.`.
    pub title: Option<Range<usize>>,
    /// The name after the title: `Marco Rubio`, `John M. Curtis`. `None` for a title alone.
    pub name: Option<Range<usize>>,
    /// Each word of the name (initials included), possessive ending removed. Inline: a
    /// draft has thousands of candidates, rebuilt on every keystroke.
    pub name_words: NameWords,
    /// Whether the last word carries `’s` / `'s` / `s’`.
    pub possessive: bool,
    /// Whether the candidate starts its sentence.
    pub sentence_initial: bool,
    /// Token indices covered (possessive word included).
    pub tokens: Range<usize>,
}

/// Indices into [`TITLES`] (longest first) by the title's first word without its period.
static TITLES_BY_FIRST_WORD: LazyLock<FastMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut index: FastMap<&'static str, Vec<usize>> = FastMap::default();
    for (i, title) in TITLES.iter().enumerate() {
        if let Some(first) = title.words.first() {
            index
                .entry(first.strip_suffix('.').unwrap_or(first))
                .or_default()
                .push(i);
        }
    }
    index
});

/// Lower-case particles inside names: `Ursula von der Leyen`, `Osama bin Laden`.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das",
    "bin", "ibn", "al", "el", "ter", "zu", "y",
];
const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// Finds candidates in one sentence: `tokens` indexes `toks`, whose spans index the
/// prose `text`.
pub fn find(text: &str, toks: &[Token], tokens: Range<usize>, out: &mut Vec<NameCandidate>) {
    let mut i = tokens.start;
    while i < tokens.end {
        if !is_capitalised(text, &toks[i]) && title_len(text, toks, i, tokens.end, true) == 0 {
            i += 1;
            continue;
        }
        if i == tokens.start
            && SENTENCE_STARTERS.contains(strip_possessive(&text[toks[i].span.clone()]))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut title_end: Option<usize> = None;
        let mut possessive = false;
        while j < tokens.end {
            if !adjacent(text, toks, j, start) {
                break;
            }
            let t = title_len(text, toks, j, tokens.end, j == start);
            if t > 0 {
                j += t;
                title_end = Some(j);
                continue;
            }
            let word = &text[toks[j].span.clone()];
            let is_particle = PARTICLES.contains(&word)
                && j > start
                && j + 1 < tokens.end
                && (is_capitalised(text, &toks[j + 1])
                    || PARTICLES.contains(&&text[toks[j + 1].span.clone()]));
            if is_capitalised(text, &toks[j]) || is_particle || SUFFIXES.contains(&word) {
                j += 1;
                if has_possessive(word) {
                    possessive = true;
                    break;
                }
                continue;
            }
            break;
        }
        if j == start {
            i += 1;
            continue;
        }
        // Particles may not end a name.
        let mut name_end = j;
        while name_end > start
            && PARTICLES.contains(&&text[toks[name_end - 1].span.clone()])
            && !possessive
        {
            name_end -= 1;
        }
        let name_start = title_end.unwrap_or(start);
        let name_words: NameWords = toks[name_start..name_end]
            .iter()
            .map(|t| {
                let w = &text[t.span.clone()];
                t.span.start..t.span.start + strip_possessive(w).len()
            })
            .collect();
        let last_end = name_words
            .last()
            .map(|w| w.end)
            .unwrap_or_else(|| toks[name_end.max(start + 1) - 1].span.end);
        out.push(NameCandidate {
            span: toks[start].span.start..last_end,
            title: title_end.map(|e| {
                toks[start].span.start..toks[e - 1].span.end + title_period(text, &toks[e - 1])
            }),
            name: (!name_words.is_empty()).then(|| name_words[0].start..last_end),
            name_words,
            possessive,
            sentence_initial: start == tokens.start,
            tokens: start..j.max(start + 1),
        });
        i = j.max(start + 1);
    }
}

fn is_capitalised(text: &str, token: &Token) -> bool {
    matches!(token.kind, TokenKind::Word | TokenKind::Abbreviation)
        && text[token.span.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && &text[token.span.clone()] != "I"
}

/// Whether token `j` continues a run begun at `start`: only spaces (and an initial's
/// period) lie between it and the token before.
fn adjacent(text: &str, toks: &[Token], j: usize, start: usize) -> bool {
    if j == start {
        return true;
    }
    let gap = &text[toks[j - 1].span.end..toks[j].span.start];
    let gap = gap.strip_prefix('.').unwrap_or(gap);
    !gap.is_empty() && gap.chars().all(super::sentences::is_space) && !gap.contains("\n\n")
}

/// Length in tokens of the longest title starting at token `i`; `leading` says whether a
/// name run starts there.
fn title_len(text: &str, toks: &[Token], i: usize, end: usize, leading: bool) -> usize {
    // Only titles whose first word is this token can match: looking them up by first
    // word keeps this O(1) per token instead of a scan of every title.
    let first = &text[toks[i].span.clone()];
    // Every title starts with a capital: skip the lookup for the many words that do not.
    if !first.starts_with(|c: char| c.is_uppercase()) {
        return 0;
    }
    let Some(candidates) = TITLES_BY_FIRST_WORD.get(first) else {
        return 0;
    };
    'titles: for title in candidates.iter().map(|&t| &TITLES[t]) {
        if i + title.words.len() > end || (title.leading_only && !leading) {
            continue;
        }
        for (k, word) in title.words.iter().enumerate() {
            let token = &toks[i + k];
            let token_text = &text[token.span.clone()];
            let (bare, needs_period) = match word.strip_suffix('.') {
                Some(bare) => (bare, true),
                None => (*word, false),
            };
            if token_text != bare || (needs_period && !text[token.span.end..].starts_with('.')) {
                continue 'titles;
            }
            if k > 0 && !adjacent(text, toks, i + k, i) {
                continue 'titles;
            }
        }
        return title.words.len();
    }
    0
}

fn title_period(text: &str, token: &Token) -> usize {
    let word = &text[token.span.clone()];
    let abbreviated = TITLES
        .iter()
        .any(|t| t.words.len() == 1 && t.words[0].strip_suffix('.') == Some(word));
    usize::from(abbreviated && text[token.span.end..].starts_with('.'))
}

fn has_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// `Zelensky’s` -> `Zelensky`; `Davis’` is left alone (a closing quote is as likely).
pub fn strip_possessive(word: &str) -> &str {
    let mut chars = word.char_indices().rev();
    if let (Some((_, 's')), Some((pos, apostrophe))) = (chars.next(), chars.next())
        && is_apostrophe(apostrophe)
        && pos > 0
    {
        return &word[..pos];
    }
    word
}

#[cfg(test)]
mod tests {
    use crate::text::{Analysis, Markup};

    #[test]
    fn every_title_starts_with_a_capital() {
        // title_len skips the lookup for words that do not.
        for title in crate::data::TITLES.iter() {
            let first = title.words.first().copied().unwrap_or("");
            assert!(first.starts_with(char::is_uppercase), "{first}");
        }
    }

    fn candidates(text: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        let a = Analysis::new(text, Markup::Plain);
        a.names
            .iter()
            .map(|c| {
                (
                    text[c.span.clone()].to_string(),
                    c.title.clone().map(|t| text[t].to_string()),
                    c.name.clone().map(|n| text[n].to_string()),
                    c.possessive,
                )
            })
            .collect()
    }

    fn cand(
        span: &str,
        title: Option<&str>,
        name: Option<&str>,
        possessive: bool,
    ) -> (String, Option<String>, Option<String>, bool) {
        (
            span.into(),
            title.map(Into::into),
            name.map(Into::into),
            possessive,
        )
    }

    #[test]
    fn titles_names_and_possessives() {
        assert_eq!(
            candidates(
                "Meeting him, Secretary of State Marco Rubio praised Ukraine’s President Volodymyr Zelensky’s plan."
            ),
            vec![
                cand("Meeting", None, Some("Meeting"), false),
                cand(
                    "Secretary of State Marco Rubio",
                    Some("Secretary of State"),
                    Some("Marco Rubio"),
                    false
                ),
                cand("Ukraine", None, Some("Ukraine"), true),
                cand(
                    "President Volodymyr Zelensky",
                    Some("President"),
                    Some("Volodymyr Zelensky"),
                    true
                ),
            ]
        );
    }

    #[test]
    fn initials_particles_and_suffixes() {
        assert_eq!(
            candidates(
                "Then John M. Curtis met Ursula von der Leyen and Martin Luther King Jr. there."
            ),
            vec![
                cand("John M. Curtis", None, Some("John M. Curtis"), false),
                cand(
                    "Ursula von der Leyen",
                    None,
                    Some("Ursula von der Leyen"),
                    false
                ),
                cand(
                    "Martin Luther King Jr",
                    None,
                    Some("Martin Luther King Jr"),
                    false
                ),
            ]
        );
    }

    #[test]
    fn title_alone_and_words_before_a_title() {
        assert_eq!(
            candidates(
                "The 75-year-old Russian Foreign Minister discussed it with Sen. Cruz and Dr. Erdoğan."
            ),
            vec![
                cand(
                    "Russian Foreign Minister",
                    Some("Russian Foreign Minister"),
                    None,
                    false
                ),
                cand("Sen. Cruz", Some("Sen."), Some("Cruz"), false),
                cand("Dr. Erdoğan", Some("Dr."), Some("Erdoğan"), false),
            ]
        );
    }
}
