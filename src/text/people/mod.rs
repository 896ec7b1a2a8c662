//! People in a draft: the name candidates that name a person, grouped per person, with
//! the ages and birth dates the text attaches to them.
//!
//! Built in two steps so that a server could cache the first: [`paragraph_people`] reads
//! one paragraph only (which candidates are people, which ages and births sit next to
//! them); [`People::new`] recombines the paragraphs and groups mentions by person.
//!
//! Grouping is by folded surname ([`fold`]): a full name (`Marco Rubio`) starts or joins
//! the person with that surname and first name; a surname alone (`Rubio`) joins the person
//! with that surname mentioned last. Surnames are numbered once per draft
//! ([`People::keys`]) and grouping indexes vectors by that number, so the work is linear
//! in the number of mentions.
//!
//! A server recombines the paragraphs on every keystroke, so what can be worked out from
//! one paragraph alone (the hash of each key, whether a surname is also a common word)
//! is kept in the paragraph's memo and the recombination only copies and numbers.

use super::Analysis;
use super::tokens::TokenKind;
use crate::data::{SENTENCE_STARTERS, lines};
use crate::facts::{Born, Date};
use regex::Regex;
use std::ops::Range;
use std::sync::{Arc, LazyLock};
use unicode_normalization::UnicodeNormalization;

mod keys;

/// One place where the draft names a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Analysis::names`].
    pub candidate: usize,
    pub paragraph: usize,
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
    /// The name as written, first to last word (no title, no possessive ending).
    pub span: Range<usize>,
    /// The first name, for a full name.
    pub given: Option<Range<usize>>,
    /// The surname (a generational suffix such as `Jr.` is not part of it).
    pub surname: Range<usize>,
    /// Folded surname ([`fold`]): the grouping key.
    pub key: Arc<str>,
    /// Index into [`People::keys`]: mentions with equal keys share it.
    pub key_id: usize,
    /// Folded first name, for a full name.
    pub given_key: Option<Arc<str>>,
    /// How sure the finder is that this is a person and not a place or a thing.
    pub kind: MentionKind,
    /// A title stands before the name (`Sen.`, `Russian President`).
    pub titled: bool,
    pub possessive: bool,
    pub sentence_initial: bool,
    /// Inside a quotation: the speaker's words, not the writer's.
    pub quoted: bool,
    /// The first name is in the list of first names (not merely a capitalised word).
    pub given_listed: bool,
    /// The surname as written is also a place, a first name or a word that merely starts
    /// sentences: used alone, it may well not name a person.
    pub surname_ambiguous: bool,
    /// Index into [`People::persons`].
    pub person: usize,
}

/// What a mention's words say about it being a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A first name from the list, a title, or an initial: `Marco Rubio`, `John M. Curtis`.
    Full,
    /// Two or three capitalised words with no such sign (`Khaled Al-Maeena`, but also
    /// `Kuala Lumpur`): a person only if the draft later uses the last word alone.
    WeakFull,
    /// One word: `Rubio`, `Zelensky’s`.
    Single,
}

/// A person: every mention of one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub key: Arc<str>,
    pub given_key: Option<Arc<str>>,
    /// Indices into [`People::mentions`], in order.
    pub mentions: Vec<usize>,
    /// The first full-name mention, if any.
    pub introduction: Option<usize>,
}

/// An age the text gives a person (`53-year-old Marco Rubio`, `Rubio, 54,`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Age {
    /// Index into [`People::mentions`].
    pub mention: usize,
    pub years: i32,
    /// The digits of the age: a fix replaces exactly this.
    pub number: Range<usize>,
}

/// A birth date the text gives a person (`Rubio, born May 28, 1971,`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Birth {
    pub mention: usize,
    pub born: Born,
    /// `born May 28, 1971`.
    pub span: Range<usize>,
}

/// An age given to a title with no name after it (`75-year-old Russian Foreign Minister`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unnamed {
    /// From the age to the end of the title.
    pub span: Range<usize>,
    pub title: Range<usize>,
    pub years: i32,
}

/// The people of one paragraph, before grouping. Mentions' `person` is not set yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphPeople {
    pub mentions: Vec<Mention>,
    /// `Age::mention` indexes `mentions` of this paragraph.
    pub ages: Vec<Age>,
    pub births: Vec<Birth>,
    pub unnamed: Vec<Unnamed>,
}

/// Every person of a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    pub mentions: Vec<Mention>,
    /// The distinct [`Mention::key`]s, in order of first mention.
    pub keys: Vec<Arc<str>>,
    pub persons: Vec<Person>,
    pub ages: Vec<Age>,
    pub births: Vec<Birth>,
    pub unnamed: Vec<Unnamed>,
}

use crate::hash::{FastMap, FastSet};

static GIVEN_NAMES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/names/given_names.txt")).collect());
/// Places and organisations: words used like a person's name that are not people.
static PLACES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    lines(include_str!("../../data/names/places.txt"))
        .chain(lines(include_str!("../../data/names/organisations.txt")))
        .collect()
});
/// Folded first names to the folded full forms they are short for. A map of sets, not a
/// set of pairs, so that a lookup borrows the names instead of building two strings.
static NICKNAMES: LazyLock<FastMap<String, FastSet<String>>> = LazyLock::new(|| {
    let mut nicknames: FastMap<String, FastSet<String>> = FastMap::default();
    for (short, full) in
        lines(include_str!("../../data/names/nicknames.txt")).filter_map(|l| l.split_once(' '))
    {
        nicknames
            .entry(fold(short))
            .or_default()
            .insert(fold(full.trim()));
    }
    nicknames
});
static NOT_SURNAMES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/names/not_surnames.txt")).collect());
static NAME_SUFFIXES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/names/name_suffixes.txt")).collect());

/// Whether a word (as written) is a known first name and not a word that merely starts
/// sentences (`My` and `Will` are both in the census lists).
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(word) && !SENTENCE_STARTERS.contains(word)
}

/// Whether a word (as written) names a country, region, big city or a well-known
/// organisation.
pub fn is_place(word: &str) -> bool {
    PLACES.contains(word)
}

/// Compatibility fold for comparing names: NFKD, combining marks removed, lower case.
/// `Erdoğan` and `ERDOGAN` both fold to `erdogan`; Cyrillic stays Cyrillic.
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    name.nfkd()
        .filter(|c| !is_combining(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c })
        .collect()
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// A paragraph's people with offsets and indices relative to the paragraph, as kept in
/// its memo.
struct RelativePeople {
    people: ParagraphPeople,
    /// [`keys::key_hash`] of each mention's key.
    key_hashes: Vec<u64>,
}

impl RelativePeople {
    fn new(doc: &Analysis, paragraph: usize, para: &super::Paragraph) -> Self {
        let people = paragraph_people(doc, paragraph).rebase(para);
        let key_hashes = people
            .mentions
            .iter()
            .map(|m| keys::key_hash(&m.key))
            .collect();
        Self { people, key_hashes }
    }
}

impl ParagraphPeople {
    /// From the draft's offsets and indices to the paragraph's, for the memo.
    fn rebase(mut self, para: &super::Paragraph) -> Self {
        let by = |n: usize, base: usize| n.saturating_sub(base);
        let bytes =
            |r: &mut Range<usize>| *r = by(r.start, para.span.start)..by(r.end, para.span.start);
        for m in &mut self.mentions {
            m.candidate = by(m.candidate, para.names.start);
            m.sentence = by(m.sentence, para.sentences.start);
            bytes(&mut m.span);
            bytes(&mut m.surname);
            if let Some(given) = &mut m.given {
                bytes(given);
            }
        }
        for a in &mut self.ages {
            bytes(&mut a.number);
        }
        for b in &mut self.births {
            bytes(&mut b.span);
        }
        for u in &mut self.unnamed {
            bytes(&mut u.span);
            bytes(&mut u.title);
        }
        self
    }
}

/// Back from the paragraph's offsets and indices (as kept in the memo) to the draft's.
struct Placement<'a> {
    para: &'a super::Paragraph,
    paragraph: usize,
}

impl Placement<'_> {
    fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        r.start + self.para.span.start..r.end + self.para.span.start
    }

    fn mention(&self, m: &Mention, key_id: usize) -> Mention {
        Mention {
            candidate: m.candidate + self.para.names.start,
            paragraph: self.paragraph,
            sentence: m.sentence + self.para.sentences.start,
            span: self.bytes(&m.span),
            given: m.given.as_ref().map(|g| self.bytes(g)),
            surname: self.bytes(&m.surname),
            key: m.key.clone(),
            key_id,
            given_key: m.given_key.clone(),
            ..*m
        }
    }
}

impl People {
    /// The draft's people, found once per analysis and shared by the checks that need
    /// them.
    pub fn of(doc: &Analysis) -> std::sync::Arc<Self> {
        doc.document_memo(|| Self::new(doc))
    }

    /// Finds and groups the people of a whole draft.
    pub fn new(doc: &Analysis) -> Self {
        let memos: Vec<_> = (doc.paragraphs.iter().enumerate())
            .map(|(paragraph, para)| {
                doc.paragraph_memo(paragraph, || RelativePeople::new(doc, paragraph, para))
            })
            .collect();
        // Sized once: a long draft has thousands of mentions, and growing the vector
        // step by step copied them over and over on every keystroke.
        let mut people = People {
            mentions: Vec::with_capacity(memos.iter().map(|m| m.people.mentions.len()).sum()),
            ..People::default()
        };
        let mut numbering = keys::Numbering::default();
        // Copies straight from the memo, placed as they go: this runs on every keystroke.
        for (paragraph, (para, memo)) in doc.paragraphs.iter().zip(&memos).enumerate() {
            let place = Placement { para, paragraph };
            let local = &memo.people;
            let base = people.mentions.len();
            people.mentions.extend(
                local
                    .mentions
                    .iter()
                    .zip(&memo.key_hashes)
                    .map(|(m, &hash)| place.mention(m, numbering.number(hash, &m.key))),
            );
            people.ages.extend(local.ages.iter().map(|a| Age {
                mention: a.mention + base,
                years: a.years,
                number: place.bytes(&a.number),
            }));
            people.births.extend(local.births.iter().map(|b| Birth {
                mention: b.mention + base,
                born: b.born,
                span: place.bytes(&b.span),
            }));
            people.unnamed.extend(local.unnamed.iter().map(|u| Unnamed {
                span: place.bytes(&u.span),
                title: place.bytes(&u.title),
                years: u.years,
            }));
        }
        people.keys = numbering.keys;
        people.promote_weak_names();
        people.group();
        people
    }

    /// A two- or three-word run with no first name from the list counts as a person when
    /// the draft also uses its last word alone (`Khaled Al-Maeena` ... `Al-Maeena said`),
    /// which places (`Kuala Lumpur`) seldom do.
    fn promote_weak_names(&mut self) {
        let mut used_alone = vec![false; self.keys.len()];
        for m in &self.mentions {
            if m.kind == MentionKind::Single {
                used_alone[m.key_id] = true;
            }
        }
        for m in &mut self.mentions {
            if m.kind == MentionKind::WeakFull && used_alone[m.key_id] {
                m.kind = MentionKind::Full;
            }
        }
    }

    fn group(&mut self) {
        // Persons by surname key; the last one mentioned comes last in each list.
        let mut by_key: Vec<Vec<usize>> = vec![Vec::new(); self.keys.len()];
        // Per person: the last mention and the number of mentions so far. The persons'
        // lists of mentions are filled afterwards, each sized once.
        let mut last_seen: Vec<usize> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        for index in 0..self.mentions.len() {
            let mention = &self.mentions[index];
            let candidates = by_key[mention.key_id].as_slice();
            // `Yesterday Mohamed`: an unknown word opening the sentence before a known
            // surname is more likely an adverb than another first name.
            let doubtful_given = mention.sentence_initial && !mention.given_listed;
            let kind = match mention.kind {
                MentionKind::Full | MentionKind::WeakFull
                    if doubtful_given && !candidates.is_empty() =>
                {
                    MentionKind::Single
                }
                kind => kind,
            };
            let person = match (&kind, &mention.given_key) {
                // An unsure full name with another first name is someone else too.
                (MentionKind::Full | MentionKind::WeakFull, Some(given)) => candidates
                    .iter()
                    .copied()
                    .find(|&p| {
                        self.persons[p]
                            .given_key
                            .as_deref()
                            .is_none_or(|g| given_names_agree(g, given))
                    })
                    .inspect(|&p| {
                        if self.persons[p].given_key.is_none() {
                            self.persons[p].given_key = Some(given.clone());
                        }
                    }),
                // A surname alone most often means the story's main bearer of it (the
                // boy, not his father named once), then the one mentioned last.
                _ => candidates
                    .iter()
                    .copied()
                    .max_by_key(|&p| (counts[p], last_seen[p])),
            };
            let person = person.unwrap_or_else(|| {
                self.persons.push(Person {
                    key: mention.key.clone(),
                    given_key: match kind {
                        MentionKind::Full => mention.given_key.clone(),
                        _ => None,
                    },
                    mentions: Vec::new(),
                    introduction: None,
                });
                last_seen.push(0);
                counts.push(0);
                let p = self.persons.len() - 1;
                by_key[mention.key_id].push(p);
                p
            });
            if kind == MentionKind::Full && self.persons[person].introduction.is_none() {
                self.persons[person].introduction = Some(index);
            }
            counts[person] += 1;
            last_seen[person] = index;
            self.mentions[index].person = person;
        }
        for (person, &count) in self.persons.iter_mut().zip(&counts) {
            person.mentions = Vec::with_capacity(count);
        }
        for (index, mention) in self.mentions.iter().enumerate() {
            self.persons[mention.person].mentions.push(index);
        }
    }

    /// The ages given to a person, in order.
    pub fn ages_of(&self, person: usize) -> impl Iterator<Item = &Age> {
        self.ages
            .iter()
            .filter(move |a| self.mentions[a.mention].person == person)
    }
}

/// Two folded first names that may belong to one person: equal, one is the other's
/// initial (`j` and `john`), or a short form of it (`larry` and `lawrence`).
pub fn given_names_agree(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    if a == b {
        return true;
    }
    let pair = |x: &str, y: &str| NICKNAMES.get(x).is_some_and(|full| full.contains(y));
    if pair(a, b) || pair(b, a) {
        return true;
    }
    let initial = |short: &str, long: &str| {
        short.chars().count() == 1 && long.chars().next() == short.chars().next()
    };
    initial(a, b) || initial(b, a)
}

/// Ages given to titles with no name in one paragraph (`75-year-old Russian Foreign
/// Minister`); cheaper than [`paragraph_people`] when only these are wanted.
pub fn paragraph_unnamed(doc: &Analysis, paragraph: usize) -> Vec<Unnamed> {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    doc.names[para.names.clone()]
        .iter()
        .filter_map(|candidate| match (&candidate.title, &candidate.name) {
            (Some(title), None) => {
                let (years, age_span) =
                    age_adjective_before(doc, para.tokens.start, candidate.tokens.start)?;
                Some(Unnamed {
                    span: age_span.start..title.end,
                    title: title.clone(),
                    years,
                })
            }
            _ => None,
        })
        .collect()
}

/// The people of one paragraph: depends on nothing else, so it can be cached per
/// paragraph.
pub fn paragraph_people(doc: &Analysis, paragraph: usize) -> ParagraphPeople {
    let mut out = ParagraphPeople::default();
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return out;
    };
    let prose = doc.prose();
    out.unnamed = paragraph_unnamed(doc, paragraph);
    for candidate_index in para.names.clone() {
        let candidate = &doc.names[candidate_index];
        let age_before = age_adjective_before(doc, para.tokens.start, candidate.tokens.start);
        let Some(mention) = mention_of(doc, candidate_index, paragraph) else {
            continue;
        };
        let local = out.mentions.len();
        if let Some((years, span)) = age_before {
            out.ages.push(Age {
                mention: local,
                years,
                number: span.start..span.start + digits_len(&prose[span]),
            });
        }
        if !mention.possessive {
            let after = window_after(prose, candidate.span.end, para.span.end);
            let offset = candidate.span.end;
            if let Some((years, number)) = age_after(after) {
                out.ages.push(Age {
                    mention: local,
                    years,
                    number: offset + number.start..offset + number.end,
                });
            }
            if let Some((born, span)) = birth_after(after) {
                out.births.push(Birth {
                    mention: local,
                    born,
                    span: offset + span.start..offset + span.end,
                });
            }
        }
        out.mentions.push(mention);
    }
    out
}

/// The few bytes after a name where an age or birth date can sit: the patterns are
/// anchored, and a bounded window keeps each match O(1) however long the paragraph.
const AFTER_NAME_WINDOW: usize = 96;

fn window_after(prose: &str, from: usize, paragraph_end: usize) -> &str {
    let mut end = paragraph_end.min(from + AFTER_NAME_WINDOW);
    while end > from && !prose.is_char_boundary(end) {
        end -= 1;
    }
    prose.get(from..end).unwrap_or("")
}

fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Builds a mention from a name candidate, or `None` when it does not name a person.
fn mention_of(doc: &Analysis, candidate_index: usize, paragraph: usize) -> Option<Mention> {
    let candidate = &doc.names[candidate_index];
    let text = doc.prose();
    let mut words: &[Range<usize>] = &candidate.name_words;
    while let Some((last, rest)) = words.split_last() {
        let word = text[last.clone()].trim_end_matches('.');
        if NAME_SUFFIXES.contains(word) && !rest.is_empty() {
            words = rest;
        } else {
            break;
        }
    }
    let surname = words.last()?.clone();
    let surname_text = &text[surname.clone()];
    if !looks_like_name(surname_text) || NOT_SURNAMES.contains(surname_text) {
        return None;
    }
    let titled = candidate.title.is_some();
    let (kind, given) = if words.len() == 1 {
        if is_place(surname_text) && !titled {
            return None;
        }
        (MentionKind::Single, None)
    } else {
        let word_text = |r: &Range<usize>| &text[r.clone()];
        // The first word of the run that is a known first name leaves room for a surname.
        let listed = words[..words.len() - 1]
            .iter()
            .position(|w| is_given_name(word_text(w)));
        // `John M. Curtis`, `K.C. Maurer`, `L. Ron Hubbard`: an initial marks a name.
        let is_initial = |w: &Range<usize>| {
            let t = word_text(w).trim_end_matches('.');
            t.chars().count() == 1 || t.split('.').all(|p| p.chars().count() == 1)
        };
        let has_initial = words[..words.len() - 1].iter().any(is_initial);
        match listed {
            Some(g) => (MentionKind::Full, Some(words[g].clone())),
            None if (titled || has_initial) && words.len() <= 4 => {
                (MentionKind::Full, Some(words[0].clone()))
            }
            None if words.len() <= 3
                && words.iter().all(|w| !is_place(word_text(w)))
                && looks_like_name(word_text(&words[0])) =>
            {
                (MentionKind::WeakFull, Some(words[0].clone()))
            }
            // A long run may end in a name (`University of Texas Arlington Amneh
            // Jafari`): its last two words are a weak full name.
            None => {
                let given = &words[words.len() - 2];
                if is_place(word_text(given)) || !looks_like_name(word_text(given)) {
                    return None;
                }
                (MentionKind::WeakFull, Some(given.clone()))
            }
        }
    };
    // Searching the paragraph's own sentences keeps this cheap on long drafts.
    let sentences = doc.paragraphs[paragraph].sentences.clone();
    let sentence = sentences.start
        + doc.sentences[sentences.clone()].partition_point(|s| s.span.end <= surname.start);
    let quoted = doc.paragraphs[paragraph]
        .quotes
        .clone()
        .any(|q| doc.quotes[q].inner.contains(&surname.start));
    Some(Mention {
        candidate: candidate_index,
        paragraph,
        sentence,
        span: given.as_ref().map_or(surname.start, |g| g.start)..surname.end,
        given_key: given.as_ref().map(|g| Arc::from(fold(&text[g.clone()]))),
        given_listed: given
            .as_ref()
            .is_some_and(|g| is_given_name(&text[g.clone()])),
        given,
        key: Arc::from(fold(surname_text)),
        key_id: 0,
        surname_ambiguous: {
            let written = doc.slice(surname.clone());
            is_place(written) || is_given_name(written) || SENTENCE_STARTERS.contains(written)
        },
        surname,
        kind,
        titled,
        possessive: candidate.possessive,
        sentence_initial: candidate.sentence_initial,
        quoted,
        person: 0,
    })
}

/// A word that can be a name: starts upper case and has a lower-case letter (not `EU`,
/// `CIA`, `I`), no digits.
fn looks_like_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !word.chars().any(|c| c.is_ascii_digit())
}

static YEAR_OLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})-years?-old$").expect("valid regex"));

/// `53-year-old` right before token `start` (only spaces between): the age and its span.
/// The `53-year-old` right before token `start`, within the paragraph whose first token
/// is `first` (a paragraph is read alone).
fn age_adjective_before(doc: &Analysis, first: usize, start: usize) -> Option<(i32, Range<usize>)> {
    if start <= first {
        return None;
    }
    let previous = doc.tokens.get(start - 1)?;
    let token = doc.tokens.get(start)?;
    if previous.kind != TokenKind::Mixed {
        return None;
    }
    let gap = doc.prose().get(previous.span.end..token.span.start)?;
    if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
        return None;
    }
    let caps = YEAR_OLD.captures(doc.prose().get(previous.span.clone())?)?;
    let years = plausible_age(caps.get(1)?.as_str())?;
    Some((years, previous.span.clone()))
}

fn plausible_age(digits: &str) -> Option<i32> {
    digits.parse().ok().filter(|a| (0..=125).contains(a))
}

/// Ages written right after a name: `, 54,`, `, aged 54`, `, age 54,`, ` (54)`,
/// `, who is 54`, `, a 54-year-old`, ` is 54 years old`.
static AGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r",\s+(?:aged?\s+)?(?P<a>\d{1,3})(?:\s+years?\s+old)?(?:[,;)]|\.(?:\s|$)|\s+(?:and|when|said|says|of|from|in)\b|$)",
        r"|\s+\((?:aged?\s+)?(?P<b>\d{1,3})\)",
        r"|,?\s+aged\s+(?P<c>\d{1,3})\b",
        r"|,\s+who\s+is\s+(?P<d>\d{1,3})\b",
        r"|,\s+(?:an?\s+)?(?P<e>\d{1,3})-years?-old\b",
        r"|\s+is\s+(?P<f>\d{1,3})\s+years?\s+old\b",
        r")"
    ))
    .expect("valid regex")
});

/// The age right after a name, with the digits' span relative to `after`.
fn age_after(after: &str) -> Option<(i32, Range<usize>)> {
    let caps = AGE_AFTER.captures(after)?;
    let number = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .find_map(|group| caps.name(group))?;
    Some((plausible_age(number.as_str())?, number.range()))
}

const MONTHS: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

/// A date: `March 3, 1980`, `3 March 1980`, `1980-03-03`, or a year alone.
static DATE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})|(?P<y4>\d{{4}})\b)"
    )
});

static BORN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:,|\s*\(|,?\s+(?:who\s+)?was)?\s*born\s+(?:on\s+|in\s+)?{}",
        *DATE
    ))
    .expect("valid regex")
});

/// `, born March 3, 1980`, ` (born 1980)`, ` was born on 3 March 1980` right after a name.
fn birth_after(after: &str) -> Option<(Born, Range<usize>)> {
    let caps = BORN_AFTER.captures(after)?;
    let whole = caps.get(0)?;
    let born_at = after[..whole.end()].find("born")?;
    Some((date_from_captures(&caps)?, born_at..whole.end()))
}

/// Reads a [`DATE`] match into a birth: a full date or a year alone.
fn date_from_captures(caps: &regex::Captures) -> Option<Born> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    if let Some(year) = num("y4") {
        return Some(Born::Year(year));
    }
    let (year, month, day) = if let Some(year) = num("y1") {
        (year, month_number(caps.name("m1")?.as_str())?, num("d1")?)
    } else if let Some(year) = num("y2") {
        (year, month_number(caps.name("m2")?.as_str())?, num("d2")?)
    } else {
        (num("y3")?, u8::try_from(num("m3")?).ok()?, num("d3")?)
    };
    Date::new(year, month, u8::try_from(day).ok()?).map(Born::Date)
}

/// `March`, `Mar.`, `Sept.` -> 3, 3, 9.
pub fn month_number(word: &str) -> Option<u8> {
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    let index = PREFIXES.iter().position(|p| lower.starts_with(p))?;
    u8::try_from(index + 1).ok()
}

static DATE_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&DATE).expect("valid regex"));

/// The first full date in `text` (`September 12, 2015`, `12 September 2015`,
/// `2015-09-12`), with its span; years alone are skipped.
pub fn find_date(text: &str) -> Option<(Date, Range<usize>)> {
    DATE_ANYWHERE.captures_iter(text).find_map(|caps| {
        let whole = caps.get(0)?.range();
        match date_from_captures(&caps)? {
            Born::Date(date) => Some((date, whole)),
            Born::Year(_) => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Markup;

    fn people(text: &str) -> (Analysis, People) {
        let doc = Analysis::new(text, Markup::Plain);
        let people = People::new(&doc);
        (doc, people)
    }

    /// (name as written, person index, kind) of every mention.
    fn mentions(text: &str) -> Vec<(String, usize, MentionKind)> {
        let (doc, people) = people(text);
        people
            .mentions
            .iter()
            .map(|m| (doc.slice(m.span.clone()).to_string(), m.person, m.kind))
            .collect()
    }

    /// (surname, age) of every age found.
    fn ages(text: &str) -> Vec<(String, i32, String)> {
        let (doc, people) = people(text);
        people
            .ages
            .iter()
            .map(|a| {
                let m = &people.mentions[a.mention];
                (
                    doc.slice(m.surname.clone()).to_string(),
                    a.years,
                    doc.slice(a.number.clone()).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn full_names_titles_and_surnames_group_per_person() {
        use MentionKind::*;
        assert_eq!(
            mentions(
                "Secretary of State Marco Rubio met Sergey Lavrov. Rubio said Lavrov’s plan was new."
            ),
            vec![
                ("Marco Rubio".into(), 0, Full),
                ("Sergey Lavrov".into(), 1, Full),
                ("Rubio".into(), 0, Single),
                ("Lavrov".into(), 1, Single),
            ]
        );
    }

    #[test]
    fn places_and_acronyms_are_not_people() {
        assert_eq!(mentions("Russia and the EU met with NATO."), vec![]);
        // An unknown two-word run becomes a person when its last word recurs alone.
        assert_eq!(
            mentions("Editor Khaled Al-Maeena spoke. Later, Al-Maeena left.")
                .iter()
                .map(|m| m.2)
                .collect::<Vec<_>>(),
            vec![MentionKind::Full, MentionKind::Single]
        );
        assert_eq!(
            mentions("They met Khaled Al-Maeena. Al-Maeena left.")[0].2,
            MentionKind::Full
        );
        assert_eq!(
            mentions("They flew to Kuala Lumpur.")[0].2,
            MentionKind::WeakFull
        );
    }

    #[test]
    fn suffixes_initials_and_particles() {
        let (doc, people) = people(
            "Martin Luther King Jr. spoke. John M. Curtis wrote. Ursula von der Leyen came. Then Curtis left.",
        );
        let surnames: Vec<&str> = people
            .mentions
            .iter()
            .map(|m| doc.slice(m.surname.clone()))
            .collect();
        assert_eq!(surnames, vec!["King", "Curtis", "Leyen", "Curtis"]);
        assert_eq!(people.mentions[3].person, people.mentions[1].person);
    }

    #[test]
    fn same_surname_different_first_names_are_two_people() {
        let (_, people) = people("John Smith met Mary Smith. Smith said no.");
        assert_eq!(people.persons.len(), 2);
        // A surname alone joins the person mentioned most, then last.
        assert_eq!(people.mentions[2].person, 1);
    }

    #[test]
    fn newsroom_age_forms() {
        let text = "53-year-old Marco Rubio met Ann Lee, 54, and Bob Day, aged 61, then \
                    Carl Young (70) and Diane Ross, who is 33, and Ed Fox, a 45-year-old cook. \
                    Al Gore is 77 years old. Jo March, age 20, left.";
        assert_eq!(
            ages(text),
            vec![
                ("Rubio".into(), 53, "53".into()),
                ("Lee".into(), 54, "54".into()),
                ("Day".into(), 61, "61".into()),
                ("Young".into(), 70, "70".into()),
                ("Ross".into(), 33, "33".into()),
                ("Fox".into(), 45, "45".into()),
                ("Gore".into(), 77, "77".into()),
                ("March".into(), 20, "20".into()),
            ]
        );
    }

    #[test]
    fn numbers_that_are_not_ages() {
        assert_eq!(ages("Marco Rubio, 2025, was busy."), vec![]);
        assert_eq!(ages("In Washington, 20 people met."), vec![]);
        assert_eq!(ages("Marco Rubio’s 53-year-old aide left."), vec![]);
    }

    #[test]
    fn birth_dates() {
        let (doc, people) = people(
            "Marco Rubio, born May 28, 1971, met Ann Lee (born 1950) and Bo Diddley, who was born on 30 December 1928.",
        );
        let births: Vec<(Born, &str)> = people
            .births
            .iter()
            .map(|b| (b.born, doc.slice(b.span.clone())))
            .collect();
        assert_eq!(
            births,
            vec![
                (
                    Born::Date(Date::new(1971, 5, 28).unwrap()),
                    "born May 28, 1971"
                ),
                (Born::Year(1950), "born 1950"),
                (
                    Born::Date(Date::new(1928, 12, 30).unwrap()),
                    "born on 30 December 1928"
                ),
            ]
        );
    }

    #[test]
    fn unnamed_title_with_age() {
        let (doc, people) =
            people("The 75-year-old Russian Foreign Minister discussed it with Sen. Cruz.");
        let unnamed: Vec<&str> = people
            .unnamed
            .iter()
            .map(|u| doc.slice(u.span.clone()))
            .collect();
        assert_eq!(unnamed, vec!["75-year-old Russian Foreign Minister"]);
    }

    #[test]
    fn folding_matches_accents_and_case_but_keeps_scripts() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("ERDOGAN"), "erdogan");
        assert_eq!(fold("Зеленський"), fold("ЗЕЛЕНСЬКИЙ"));
        assert!(fold("Зеленський").starts_with("зелен"));
        assert_eq!(fold("Zelensky’s"), "zelensky's");
    }

    #[test]
    fn non_ascii_names_group() {
        let (_, people) = people(
            "Recep Tayyip Erdoğan spoke. Erdogan left. Володимир Зеленський said it. Зеленський left.",
        );
        assert_eq!(people.persons.len(), 2, "{people:?}");
    }

    #[test]
    fn finds_dates() {
        assert_eq!(
            find_date("Saturday, September 12, 2015").map(|d| d.0),
            Date::new(2015, 9, 12)
        );
        assert_eq!(
            find_date("In 2014, on 1 March 2014").map(|d| d.0),
            Date::new(2014, 3, 1)
        );
        assert_eq!(find_date("In 2014 only"), None);
    }
}
