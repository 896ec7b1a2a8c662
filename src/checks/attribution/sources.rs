//! The attribution finder: reporting verbs with the source that speaks through them.
//!
//! Finds "X said", "said X", "X told reporters", "X wrote in a statement", "according to
//! X", "X's office said", "a report by X found" and "X, who ..., said". The source is a
//! name (person, title, organisation) from the shared name candidates, a pronoun, or a
//! source noun (`official`, `report`, `ministry`) from the data. A reporting verb whose
//! subject is a weasel word ("critics said") is a weasel, not an attribution; an agentless
//! passive ("it was said") has no source at all.

use super::lexicon::class;
use super::sentence::SentenceView;
use std::ops::Range;

/// One attribution found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Word index of the reporting verb (or of `according`).
    pub verb: usize,
    /// Word indices of the source found.
    pub source: Range<usize>,
    /// The source is only gestured at ("critics", "experts"): a weasel, not a source.
    pub weasel: bool,
}

/// Forms of "be": a reporting verb after one of them is passive ("was said").
const BE_FORMS: &[&str] = &["is", "was", "were", "are", "been", "be", "being", "'s"];

/// Words skipped when looking for the subject or object of a reporting verb.
const SKIPPABLE: &[&str] = &[
    "the",
    "a",
    "an",
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "again",
    "previously",
    "earlier",
    "recently",
    "once",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "repeatedly",
    "publicly",
    "privately",
    "in",
    "of",
    "by",
    "for",
    "and",
    "to",
];

/// Words that make a plural refer back to a source already named: "the researchers".
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "my", "your",
];

/// Relative pronouns: the source is their antecedent ("some who say", "Lavrov, who ...").
const RELATIVES: &[&str] = &["who", "which", "that"];

/// How far back a subject may be (words), and how many clause breaks the search may
/// cross: "Lavrov, who met Rubio on Thursday, said" crosses two.
const BACK_WINDOW: usize = 10;
const MAX_CLAUSE_CROSSINGS: usize = 2;
const FORWARD_WINDOW: usize = 5;
/// How far from the start of its sentence the subject of ", saying ..." may be.
const SENTENCE_SUBJECT_REACH: usize = 40;

/// Every attribution in the sentence, outside quoted statements.
pub fn find(view: &SentenceView) -> Vec<Attribution> {
    let mut found = Vec::new();
    for i in 0..view.words.len() {
        if view.words[i].quoted {
            continue;
        }
        let word = view.word(i);
        if word == "according" && view.word(i + 1) == "to" {
            if let Some(attribution) = according_to(view, i) {
                found.push(attribution);
            }
            continue;
        }
        if !view.is(i, class::REPORTING_VERB) || is_passive(view, i) {
            continue;
        }
        // "the United States", "Notes from the field": a capital inside a sentence is a name.
        // "decided to write a couple of professors": an infinitive reports nothing yet.
        if i > 0 && (view.words[i].capitalised || view.word(i - 1) == "to") {
            continue;
        }
        // "a program called Euro-NATO Joint Jet Pilot Training" names, it does not report.
        if word == "called" && view.words.get(i + 1).is_some_and(|w| w.capitalised) {
            continue;
        }
        if is_request(view, i) {
            continue;
        }
        if NOUN_FORMS.contains(&word) {
            // "the neighboring states", "comments made by": the plural noun reports nothing;
            // the verb has its subject right before it ("Paris also claims").
            if let Some(attribution) = adjacent_subject(view, i) {
                found.push(attribution);
            }
            continue;
        }
        if let Some(attribution) = subject_before(view, i).or_else(|| object_after(view, i)) {
            found.push(attribution);
        }
    }
    found
}

/// "asked the council to help", "told him to leave": a request or an order reports no
/// claim, so it covers nothing (the act itself may still need a source).
fn is_request(view: &SentenceView, verb: usize) -> bool {
    const REQUEST_REACH: usize = 8;
    if !matches!(
        view.word(verb),
        "asked" | "asks" | "asking" | "told" | "tells" | "telling"
    ) {
        return false;
    }
    let clause = view.words[verb].clause;
    (verb + 2..(verb + REQUEST_REACH).min(view.words.len()))
        .take_while(|&j| view.words[j].clause == clause && !view.words[j].quoted)
        .take_while(|&j| !matches!(view.word(j), "that" | "whether" | "if" | "why" | "how"))
        .any(|j| view.word(j) == "to" && view.words.get(j + 1).is_some_and(|w| !w.capitalised))
}

/// Reporting verbs that are also plural nouns.
const NOUN_FORMS: &[&str] = &[
    "claims",
    "reports",
    "notes",
    "states",
    "estimates",
    "comments",
    "remarks",
    "claim",
    "note",
    "estimate",
    "written",
];

/// The source right before a verb, past "also" and the like: "Paris also claims".
fn adjacent_subject(view: &SentenceView, verb: usize) -> Option<Attribution> {
    let mut j = verb.checked_sub(1)?;
    while matches!(
        view.word(j),
        "also" | "still" | "now" | "further" | "repeatedly"
    ) {
        j = j.checked_sub(1)?;
    }
    if view.words[j].clause != view.words[verb].clause {
        return None;
    }
    let kind = source_kind(view, j).or_else(|| {
        matches!(view.word(j), "he" | "she" | "they" | "it").then_some(SourceKind::Named)
    })?;
    Some(Attribution {
        verb,
        source: j..j + 1,
        weasel: kind == SourceKind::Weasel,
    })
}

fn is_passive(view: &SentenceView, verb: usize) -> bool {
    verb > 0 && BE_FORMS.contains(&view.word(verb - 1)) && view.word(verb + 1) != "by"
}

/// What a word can be as the source of a reporting verb.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SourceKind {
    Named,
    Weasel,
}

fn source_kind(view: &SentenceView, index: usize) -> Option<SourceKind> {
    let word = view.words.get(index)?;
    if word.quoted {
        return None;
    }
    if view.is(index, class::WEASEL_SUBJECT) {
        // "the researchers", "these critics" point back to a source named before.
        let determined = index
            .checked_sub(1)
            .is_some_and(|p| DETERMINERS.contains(&view.word(p)) || view.word(p).ends_with("'s"));
        return Some(if determined {
            SourceKind::Named
        } else {
            SourceKind::Weasel
        });
    }
    // "many parents say", "some Democrats argue": a vague quantity of any plural gestures
    // at a source without naming it.
    let vague = index
        .checked_sub(1)
        .is_some_and(|p| VAGUE_QUANTIFIERS.contains(&view.word(p)));
    if vague && view.word(index).len() > 3 && view.word(index).ends_with('s') {
        return Some(SourceKind::Weasel);
    }
    let named = word.name && (index != 0 || word.capitalised);
    if named || is_possessive_name(view, index) {
        return Some(SourceKind::Named);
    }
    if view.is(index, class::SOURCE_NOUN) {
        return Some(if is_indefinite(view, index) {
            SourceKind::Weasel
        } else {
            SourceKind::Named
        });
    }
    None
}

/// Quantities that name no one: "many parents", "some Democrats".
const VAGUE_QUANTIFIERS: &[&str] = &[
    "many",
    "some",
    "several",
    "most",
    "few",
    "numerous",
    "countless",
    "various",
];

/// "a new study", "an official": a source noun with an indefinite article and no name
/// between names no one ("a State Department official" names a department).
fn is_indefinite(view: &SentenceView, index: usize) -> bool {
    const INDEFINITE: &[&str] = &["a", "an", "one", "some", "several", "another"];
    let lowest = index.saturating_sub(3);
    for j in (lowest..index).rev() {
        if INDEFINITE.contains(&view.word(j)) {
            return true;
        }
        if view.words[j].capitalised || view.words[j].clause != view.words[index].clause {
            return false;
        }
    }
    false
}

/// `Russia's` in "Russia's Foreign Ministry said" even when the name finder stopped at it.
fn is_possessive_name(view: &SentenceView, index: usize) -> bool {
    view.words[index].capitalised && view.word(index).ends_with("'s")
}

fn subject_before(view: &SentenceView, verb: usize) -> Option<Attribution> {
    // A participle opening a clause (", saying ...", ", adding ...") takes the subject of
    // the sentence, however far back it is.
    let participle = view.word(verb).ends_with("ing")
        && verb > 0
        && view.words[verb - 1].clause != view.words[verb].clause;
    if participle {
        // Bounded, so that a long run of participles stays linear.
        return (0..verb)
            .take(SENTENCE_SUBJECT_REACH)
            .take_while(|&j| !view.words[j].quoted)
            .find_map(|j| source_kind(view, j).map(|kind| (j, kind)))
            .map(|(j, kind)| Attribution {
                verb,
                source: j..j + 1,
                weasel: kind == SourceKind::Weasel,
            });
    }
    let mut crossings = 0;
    let mut clause = view.words[verb].clause;
    let lowest = verb.saturating_sub(BACK_WINDOW);
    let mut j = verb;
    while j > lowest {
        j -= 1;
        let word = &view.words[j];
        if word.quoted {
            return None;
        }
        if word.clause != clause {
            crossings += 1;
            clause = word.clause;
            if crossings > MAX_CLAUSE_CROSSINGS {
                return None;
            }
        }
        if RELATIVES.contains(&view.word(j)) {
            // The antecedent right before the relative decides: "some who say" is a weasel.
            if let Some(kind) = j.checked_sub(1).and_then(|a| source_kind(view, a)) {
                return Some(Attribution {
                    verb,
                    source: j - 1..j,
                    weasel: kind == SourceKind::Weasel,
                });
            }
            continue;
        }
        if let Some(kind) = source_kind(view, j) {
            // "officials have not said why": nothing is attributed, and nothing gestured at.
            let negated = view.lower[j..verb]
                .iter()
                .any(|w| matches!(w.as_str(), "not" | "never" | "n't"));
            if negated && kind == SourceKind::Weasel {
                return None;
            }
            return Some(Attribution {
                verb,
                source: j..j + 1,
                weasel: kind == SourceKind::Weasel,
            });
        }
    }
    None
}

/// "said Russia's Foreign Ministry", "said the official", "told the newspaper".
fn object_after(view: &SentenceView, verb: usize) -> Option<Attribution> {
    let end = (verb + 1 + FORWARD_WINDOW).min(view.words.len());
    for j in verb + 1..end {
        if view.words[j].quoted || view.words[j].clause != view.words[verb].clause {
            return None;
        }
        if let Some(kind) = source_kind(view, j) {
            return Some(Attribution {
                verb,
                source: j..j + 1,
                weasel: kind == SourceKind::Weasel,
            });
        }
        if !SKIPPABLE.contains(&view.word(j)) && !view.words[j].capitalised {
            return None;
        }
    }
    None
}

/// "according to X": any noun phrase is a source unless it is a weasel ("according to
/// sources", "according to reports").
fn according_to(view: &SentenceView, at: usize) -> Option<Attribution> {
    let first = (at + 2..view.words.len())
        .take(FORWARD_WINDOW)
        .find(|&j| !SKIPPABLE.contains(&view.word(j)) && !view.words[j].quoted)?;
    let weasel = view.is(first, class::WEASEL_SUBJECT) && !has_name_near(view, first);
    Some(Attribution {
        verb: at,
        source: first..first + 1,
        weasel,
    })
}

/// "experts at the Brookings Institution said" names its experts.
fn has_name_near(view: &SentenceView, index: usize) -> bool {
    let clause = view.words[index].clause;
    (index + 1..view.words.len().min(index + 5))
        .any(|j| view.words[j].clause == clause && view.words[j].name && view.words[j].capitalised)
}
