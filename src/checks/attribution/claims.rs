//! Claims that need a source: the cues of each kind, found in the words of a sentence
//! that no attribution covers and no quotation holds.

use super::lexicon::{List, class};
use super::phrases::PhraseMatch;
use super::sentence::SentenceView;
use crate::config::Sensitivity;
use crate::text::TokenKind;
use std::ops::Range;

/// The kinds of claim, one rule each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClaimKind {
    // Ordered by priority: when one clause holds several cues, the first kind reports.
    Weasel,
    Contested,
    MentalState,
    /// What a third party meant to do: "aimed at", "in order to" (a mental state).
    Intent,
    Certainty,
    /// The writer vouching with their own belief ("we believe"): reported as certainty.
    Hedge,
    /// Speculation in the writer's voice: "apparently", "probably".
    Speculation,
    Causal,
    Superlative,
    Statistic,
    /// A sentence carrying on an unsourced account from the sentence before.
    Account,
}

/// A cue found in a sentence.
#[derive(Clone, Debug)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Word indices of the cue.
    pub words: Range<usize>,
    /// Word indices of the subject, for messages (`Rubio` in "Rubio knows").
    pub subject: Option<usize>,
}

/// First- and second-person subjects: the writer's own state is not a third person's.
const FIRST_SECOND_PERSON: &[&str] = &["i", "we", "you", "i'm", "we're", "you're", "me", "us"];

/// Words that cannot be the subject right before a verb (articles, auxiliaries,
/// prepositions, relatives): "a planned attack", "is expected", "than thought".
const NOT_SUBJECT: &[&str] = &[
    "a", "an", "the", "to", "not", "do", "does", "did", "don't", "doesn't", "didn't", "will",
    "would", "can", "could", "should", "might", "may", "must", "is", "was", "were", "are", "be",
    "been", "being", "than", "as", "of", "in", "on", "for", "with", "by", "at", "from", "and",
    "or", "but", "that", "which", "it", "this", "there", "what", "if", "when", "because", "so",
    "never", "ever", "well", "more", "most", "less", "had", "has", "have", "how", "why", "whether",
    "where", "also", "who", "his", "her", "their", "its", "my", "our", "your",
];

/// Adverbs that may sit between a subject and its verb: "Trump still wants".
const SUBJECT_ADVERBS: &[&str] = &[
    "still",
    "really",
    "also",
    "clearly",
    "obviously",
    "probably",
    "surely",
    "certainly",
    "genuinely",
    "truly",
    "always",
    "never",
    "now",
    "only",
    "deeply",
    "secretly",
    "privately",
    "desperately",
    "increasingly",
    "already",
];

/// Forms of "be" and linking verbs before a mental-state adjective: "he is disappointed".
const LINKING: &[&str] = &[
    "is", "was", "are", "were", "been", "'s", "seems", "seemed", "remains", "remained", "became",
    "becomes", "appears", "appeared", "grew", "felt", "feels",
];

/// Words that keep a number from being a statistic: dates, times, pages, ages.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const NOT_A_FIGURE_AFTER: &[&str] = &[
    "o'clock",
    "a.m",
    "p.m",
    "a.m.",
    "p.m.",
    "years",
    "year",
    "bc",
    "ad",
    // Distances and durations describe a journey or a wait, not a count anyone disputes.
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "feet",
    "metres",
    "meters",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
];
/// `percent` and friends first; from index 3 on, the scale words that make "two billion".
const SCALE_WORDS: &[&str] = &[
    "percent",
    "per",
    "percentage",
    "million",
    "billion",
    "trillion",
];
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
    "hundreds", "tens", "dozens",
];
/// Plural number words that count ("dozens of", "thousands of").
const PLURAL_NUMBERS: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "scores",
    "tens",
];
/// Words before a number that make it an estimate.
const APPROXIMATIONS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "over",
    "nearly",
    "almost",
    "approximately",
    "estimated",
    "some",
];
const APPROXIMATIONS_TWO: &[&str] = &[
    "more than",
    "at least",
    "up to",
    "as many",
    "fewer than",
    "less than",
];

/// Every claim cue in the sentence among `eligible` words (not quoted, not covered).
/// Weasel phrases need only `unquoted` words: "allegedly" gestures at a source even in a
/// sentence that attributes something else ("Allegedly, his sister pleaded, but he replied
/// ...").
pub fn find(
    view: &SentenceView,
    eligible: &[bool],
    unquoted: &[bool],
    sensitivity: Sensitivity,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    let phrases = |list: List, kind: ClaimKind, mask: &[bool], claims: &mut Vec<Claim>| {
        for (_, PhraseMatch { start, end }) in view.phrases.iter().filter(|(l, _)| *l == list) {
            if (*start..*end).all(|i| mask[i]) {
                claims.push(Claim {
                    kind,
                    words: *start..*end,
                    subject: None,
                });
            }
        }
    };
    phrases(List::Weasel, ClaimKind::Weasel, unquoted, &mut claims);
    agentless_passives(view, eligible, &mut claims);
    // "After news of the arrest was reported": a report in a time clause dates an event; it
    // gestures at no source for a claim.
    if !claims.is_empty() {
        let timed = view.after_in_clause(TIME_SUBORDINATORS);
        claims.retain(|c| !(timed[c.words.start] && view.word(c.words.end - 1) == "reported"));
    }
    phrases(List::Contested, ClaimKind::Contested, eligible, &mut claims);
    phrases(List::Hedge, ClaimKind::Hedge, eligible, &mut claims);
    certainty(view, eligible, &mut claims);
    if sensitivity == Sensitivity::Strict {
        plain_predictions(view, eligible, &mut claims);
    }
    mental_states(view, eligible, &mut claims);
    intents(view, eligible, &mut claims);
    if sensitivity >= Sensitivity::Normal {
        phrases(List::Causal, ClaimKind::Causal, eligible, &mut claims);
        phrases(
            List::Superlative,
            ClaimKind::Superlative,
            eligible,
            &mut claims,
        );
        statistics(view, eligible, &mut claims);
        trends(view, eligible, &mut claims);
        phrases(List::Figure, ClaimKind::Statistic, eligible, &mut claims);
        consequences(view, eligible, &mut claims);
        causal_verbs(view, eligible, &mut claims);
        superlative_forms(
            view,
            eligible,
            sensitivity == Sensitivity::Strict,
            &mut claims,
        );
    }
    for (i, word) in view.lower.iter().enumerate() {
        // Compounds in -backed ("CIA-backed coup", "Kremlin-backed separatists") assert who
        // stands behind whom.
        if eligible[i] && word.ends_with("-backed") {
            claims.push(Claim {
                kind: ClaimKind::Contested,
                words: i..i + 1,
                subject: None,
            });
        }
    }
    // "can lead to", "could cause": a possibility is not asserted (the guide counts it as
    // opinion).
    claims.retain(|c| {
        !matches!(c.kind, ClaimKind::Causal | ClaimKind::Certainty)
            || c.words.start == 0
            || !POSSIBILITY.contains(&view.word(c.words.start - 1))
    });
    claims
}

/// Participles of judging and reporting that, passive and with no agent, leave out who
/// judges: "is considered the best", "are widely seen as", "was estimated to".
const JUDGING_PARTICIPLES: &[&str] = &[
    "considered",
    "regarded",
    "seen",
    "viewed",
    "described",
    "thought",
    "believed",
    "said",
    "reported",
    "alleged",
    "claimed",
    "rumoured",
    "rumored",
    "estimated",
    "expected",
    "understood",
    "known",
];

/// "X is considered the best", "it was reported that": a form of "be", a judging
/// participle (adverbs allowed between: "is widely seen"), then "to", "as" or "that", and no
/// "by" naming the agent in the clause. Only in words no attribution covers: "Heald said
/// that the two are known to ..." names who knows.
fn agentless_passives(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    for (i, _) in eligible.iter().enumerate().filter(|(_, ok)| **ok) {
        // "can be expected to" is a possibility, not a judgement reported.
        let possible = i > 0 && POSSIBILITY.contains(&view.word(i - 1));
        if possible || !matches!(view.word(i), "is" | "are" | "was" | "were" | "been" | "be") {
            continue;
        }
        let mut p = i + 1;
        while p < view.words.len() && is_adverb(view, p) {
            p += 1;
        }
        if p + 1 >= view.words.len()
            || !JUDGING_PARTICIPLES.contains(&view.word(p))
            || !matches!(view.word(p + 1), "to" | "as" | "that")
            || !eligible[p]
        {
            continue;
        }
        // "known as" names; "said to" in "said to him" has its agent elsewhere.
        if view.word(p) == "known" && view.word(p + 1) == "as" {
            continue;
        }
        // Bounded, so that a long clause of many passives stays linear.
        const AGENT_REACH: usize = 12;
        let clause = view.words[p].clause;
        let agent = (p + 1..view.words.len())
            .take(AGENT_REACH)
            .take_while(|&j| view.words[j].clause == clause)
            .any(|j| view.word(j) == "by");
        if !agent {
            claims.push(Claim {
                kind: ClaimKind::Weasel,
                words: i..p + 2,
                subject: None,
            });
        }
    }
}

/// Conjunctions that open a time clause.
const TIME_SUBORDINATORS: &[&str] = &["after", "when", "before", "once", "until", "since"];

/// Modals of possibility.
const POSSIBILITY: &[&str] = &["can", "could", "may", "might"];

fn certainty(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    for &(_, PhraseMatch { start, end }) in
        view.phrases.iter().filter(|(l, _)| *l == List::Certainty)
    {
        if !(start..end).all(|i| eligible[i]) {
            continue;
        }
        // "We will never forget" is the speaker's own resolve, not a prediction.
        let subject = start.checked_sub(1).map(|s| view.word(s));
        if subject.is_some_and(|s| FIRST_SECOND_PERSON.contains(&s)) {
            continue;
        }
        claims.push(Claim {
            kind: ClaimKind::Certainty,
            words: start..end,
            subject: None,
        });
    }
}

/// At strict sensitivity, any prediction about a third party: "the talks will fail".
fn plain_predictions(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    for (i, _) in eligible.iter().enumerate().filter(|(_, ok)| **ok) {
        if !matches!(view.word(i), "will" | "shall" | "won't") {
            continue;
        }
        if let Some(subject) = third_person_subject(view, i) {
            claims.push(Claim {
                kind: ClaimKind::Certainty,
                words: subject..i + 1,
                subject: None,
            });
        }
    }
}

/// Words after "thought" that make it a verb: "thought that", "thought it resembled".
const THOUGHT_OBJECTS: &[&str] = &[
    "that", "it", "he", "she", "they", "the", "a", "his", "her", "their", "this", "so", "we", "i",
];

/// "Rubio knows", "Trump hoped", ", knowing that", "he is disappointed".
fn mental_states(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    // A hypothetical asserts nothing: "if he wants a deal". Computed on the first cue only.
    let mut conditional: Option<Vec<bool>> = None;
    for (i, _) in eligible.iter().enumerate().filter(|(_, ok)| **ok) {
        let word = view.word(i);
        let is_verb = view.is(i, class::MENTAL_VERB);
        if !is_verb && !view.is(i, class::MENTAL_ADJECTIVE) {
            continue;
        }
        let conditional =
            conditional.get_or_insert_with(|| view.after_in_clause(&["if", "unless", "whether"]));
        if conditional[i] {
            continue;
        }
        if is_verb {
            if word.ends_with("ing") {
                // A participle opening a clause takes the sentence's subject: ", knowing that".
                let opens_clause = i > 0 && view.words[i - 1].clause != view.words[i].clause;
                if opens_clause {
                    claims.push(Claim {
                        kind: ClaimKind::MentalState,
                        words: i..i + 1,
                        subject: None,
                    });
                }
                continue;
            }
            // "thought" is a noun as often as a verb: "A final thought".
            let object_follows = view
                .words
                .get(i + 1)
                .is_some_and(|w| w.clause == view.words[i].clause)
                && THOUGHT_OBJECTS.contains(&view.word(i + 1));
            if word == "thought" && !object_follows {
                continue;
            }
            // "his father's wish": a possessive is no subject of a verb.
            if let Some(subject) =
                third_person_subject(view, i).filter(|&s| !view.word(s).ends_with("'s"))
            {
                claims.push(Claim {
                    kind: ClaimKind::MentalState,
                    words: subject..i + 1,
                    subject: Some(subject),
                });
            }
        } else if view.is(i, class::MENTAL_ADJECTIVE) {
            let mut link = i;
            while link > 0
                && (SUBJECT_ADVERBS.contains(&view.word(link - 1))
                    || matches!(view.word(link - 1), "very" | "so" | "not" | "too"))
            {
                link -= 1;
            }
            if link == 0 || !LINKING.contains(&view.word(link - 1)) {
                continue;
            }
            if let Some(subject) = third_person_subject(view, link - 1) {
                claims.push(Claim {
                    kind: ClaimKind::MentalState,
                    words: subject..i + 1,
                    subject: Some(subject),
                });
            }
        }
    }
}

/// Intent and purpose ("aimed at", "seeking to") and speculation ("apparently") about a
/// third party. The speaker's own purpose or plan is plain ("we struck in order to deter",
/// "I'll probably go"): a first-person word earlier in the sentence leaves the cue alone.
fn intents(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    third_party_phrases(view, eligible, List::Intent, ClaimKind::Intent, claims);
    third_party_phrases(
        view,
        eligible,
        List::Speculation,
        ClaimKind::Speculation,
        claims,
    );
}

/// The phrases of `list` in eligible words with no first- or second-person word before them
/// in the sentence.
fn third_party_phrases(
    view: &SentenceView,
    eligible: &[bool],
    list: List,
    kind: ClaimKind,
    claims: &mut Vec<Claim>,
) {
    // Found once, so that many cues in one long sentence stay linear.
    let first_person = (0..view.words.len()).find(|&i| FIRST_PERSON.contains(&view.word(i)));
    for &(_, PhraseMatch { start, end }) in view.phrases.iter().filter(|(l, _)| *l == list) {
        if !(start..end).all(|i| eligible[i]) || first_person.is_some_and(|f| f < start) {
            continue;
        }
        claims.push(Claim {
            kind,
            words: start..end,
            subject: None,
        });
    }
}

/// First- and second-person words: the writer or speaker talking about themselves or to the
/// reader ("you are probably wondering", "you'd probably have it at dessert").
const FIRST_PERSON: &[&str] = &[
    "i", "we", "me", "us", "my", "our", "i'm", "we're", "i've", "we've", "you", "your", "you'd",
    "you're", "you've",
];

/// The subject right before the verb at `verb` (adverbs skipped), if it is a third person.
/// A verb coordinated with an earlier one ("Jafari heard of it and wanted ...") takes the
/// subject of the clause; a relative pronoun ("a people who wish ...") its antecedent.
fn third_person_subject(view: &SentenceView, verb: usize) -> Option<usize> {
    let mut s = verb.checked_sub(1)?;
    while is_adverb(view, s) {
        s = s.checked_sub(1)?;
    }
    let word = view.word(s);
    let w = &view.words[s];
    if w.quoted || w.clause != view.words[verb].clause || w.kind != TokenKind::Word {
        return None;
    }
    if matches!(word, "and" | "but") {
        return coordinated_subject(view, s);
    }
    if word == "who" {
        return s
            .checked_sub(1)
            .filter(|&a| is_third_person_noun(view, a, verb));
    }
    if FIRST_SECOND_PERSON.contains(&word) || NOT_SUBJECT.contains(&word) {
        return None;
    }
    Some(s)
}

/// Adverbs that may stand between a subject and its verb: the listed ones and any word
/// in -ly ("a teacher mistakenly thought").
fn is_adverb(view: &SentenceView, at: usize) -> bool {
    let word = view.word(at);
    SUBJECT_ADVERBS.contains(&word)
        || (word == "well" && view.is(at + 1, class::MENTAL_VERB))
        || (word.len() > 4
            && word.ends_with("ly")
            && !view.words[at].capitalised
            && !matches!(
                word,
                "only" | "early" | "family" | "italy" | "july" | "holy"
            ))
}

/// How far back the subject of a coordinated verb may be.
const COORDINATED_REACH: usize = 12;

/// The subject of the clause a coordinated verb joins: the nearest name or third-person
/// pronoun before the "and", in the same clause, with no first or second person between.
fn coordinated_subject(view: &SentenceView, and: usize) -> Option<usize> {
    let clause = view.words[and].clause;
    (and.saturating_sub(COORDINATED_REACH)..and)
        .rev()
        .take_while(|&j| view.words[j].clause == clause && !view.words[j].quoted)
        .take_while(|&j| !FIRST_SECOND_PERSON.contains(&view.word(j)))
        .find(|&j| {
            (view.words[j].name && view.words[j].capitalised)
                || matches!(view.word(j), "he" | "she" | "they")
        })
}

/// Whether word `at` can be a third-person antecedent of a relative pronoun before `verb`.
fn is_third_person_noun(view: &SentenceView, at: usize, verb: usize) -> bool {
    let word = view.word(at);
    let w = &view.words[at];
    w.kind == TokenKind::Word
        && !w.quoted
        && w.clause == view.words[verb].clause
        && !FIRST_SECOND_PERSON.contains(&word)
        && !NOT_SUBJECT.contains(&word)
        && !matches!(word, "those" | "anyone" | "everyone" | "all")
}

/// Figures: percentages, amounts with a scale word ("two billion", "$4 million"), and
/// counts of ten or more that are estimates ("more than 230", "at least 107") or counts of
/// people and casualties ("230 wounded"). Dates, times, ages, scores and numbers inside
/// names ("Building 31") are left alone.
fn statistics(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    // Found once: the word after which a clause states a target ("to cut emissions by 40
    // percent", "to decrease users to less than one percent"): a plan, not a measure.
    let mut target_from = vec![false; view.words.len()];
    for i in 1..view.words.len() {
        let opens = view.word(i - 1) == "to" && TARGET_VERBS.contains(&view.word(i));
        target_from[i] =
            opens || (target_from[i - 1] && view.words[i].clause == view.words[i - 1].clause);
    }
    for (i, word) in view.words.iter().enumerate() {
        if !eligible[i] || target_from[i] {
            continue;
        }
        let lower = view.word(i);
        let next = view.word(i + 1);
        let previous = i.checked_sub(1).map_or("", |p| view.word(p));
        let before_previous = i.checked_sub(2).map_or("", |p| view.word(p));
        let in_name = i > 0 && view.words[i - 1].capitalised && view.words[i - 1].name;
        let figure = match word.kind {
            TokenKind::Number => {
                let value: f64 = lower
                    .replace(',', "")
                    .trim_end_matches('%')
                    .parse()
                    .unwrap_or(0.0);
                let year_like = lower.len() == 4 && (1000.0..=2100.0).contains(&value);
                let estimate = APPROXIMATIONS.contains(&previous)
                    || APPROXIMATIONS_TWO.contains(&[before_previous, previous].join(" ").as_str());
                let counted = (i + 1..(i + 4).min(view.words.len()))
                    .any(|j| view.is(j, class::COUNT_NOUN) || is_rate(view, j));
                lower.ends_with('%')
                    || SCALE_WORDS.contains(&next)
                    || (value >= 10.0
                        && !year_like
                        && !in_name
                        && !MONTHS.contains(&previous)
                        && !MONTHS.contains(&next)
                        && !NOT_A_FIGURE_AFTER.contains(&next)
                        && (estimate || counted))
            }
            TokenKind::Word => {
                (SCALE_WORDS[3..].contains(&next) && NUMBER_WORDS.contains(&lower))
                    // "forty percent", "twenty-five per cent"
                    || (matches!(next, "percent" | "per")
                        && (NUMBER_WORDS.contains(&lower) || is_tens_word(lower)))
                    // "dozens of rounds", "thousands of people": a count of people or
                    // things counted.
                    || (PLURAL_NUMBERS.contains(&lower)
                        && next == "of"
                        && (i + 2..(i + 5).min(view.words.len()))
                            .any(|j| view.is(j, class::COUNT_NOUN)))
                    // "an 18-fold increase"
                    || (lower.ends_with("-fold") && lower.len() > 5)
            }
            _ => false,
        };
        if figure {
            claims.push(Claim {
                kind: ClaimKind::Statistic,
                words: i..i + 1,
                subject: None,
            });
        }
    }
}

/// Verbs of change whose infinitive sets a target: "to cut emissions by 40 percent".
const TARGET_VERBS: &[&str] = &[
    "decrease", "reduce", "cut", "increase", "raise", "lower", "bring", "double", "halve", "grow",
    "boost", "limit",
];

/// Trends: a change verb with a quantity for subject ("prices are rising"), a measure after
/// it ("grows in popularity", "fell to 56 percent"). "Things have grown steadily" is left
/// alone: nothing says what was measured.
fn trends(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    for (i, _) in eligible.iter().enumerate().filter(|(_, ok)| **ok) {
        if !view.is(i, class::CHANGE_VERB) {
            continue;
        }
        let mut s = i;
        while s > 0
            && (matches!(
                view.word(s - 1),
                "is" | "are" | "has" | "have" | "had" | "was" | "were" | "been"
            ) || is_adverb(view, s - 1))
        {
            s -= 1;
        }
        let quantity = s > 0 && view.is(s - 1, class::QUANTITY_NOUN);
        let mut e = i + 1;
        if view.word(e) == "in" && view.is(e + 1, class::QUANTITY_NOUN) {
            e += 2;
        }
        // "fell to 56 percent", "grew by about a third".
        let measured = matches!(view.word(e), "by" | "to")
            && (view
                .words
                .get(e + 1)
                .is_some_and(|w| w.kind == TokenKind::Number)
                || APPROXIMATIONS.contains(&view.word(e + 1)));
        // "increasing its market share", "gaining users": a change with what was measured
        // for object.
        let mut o = i + 1;
        while matches!(
            view.word(o),
            "its" | "their" | "his" | "her" | "the" | "new"
        ) {
            o += 1;
        }
        let object = !matches!(
            view.word(o),
            "with" | "in" | "by" | "to" | "from" | "over" | "at" | "as"
        ) && (o..(o + 2).min(view.words.len())).any(|j| {
            view.words[j].clause == view.words[i].clause
                && !view.words[j].quoted
                && (view.is(j, class::QUANTITY_NOUN) || view.is(j, class::COUNT_NOUN))
        });
        let measured = measured || object;
        let third_person = !FIRST_SECOND_PERSON.contains(&view.word(s.saturating_sub(1)));
        if (quantity || measured || e > i + 1) && third_person {
            // The cue names what changed: "population grew".
            let start = if quantity { s - 1 } else { i };
            claims.push(Claim {
                kind: ClaimKind::Statistic,
                words: start..i + 1,
                subject: None,
            });
        }
    }
}

/// Causal verbs in the present tense with a third-person subject and an object: a general
/// claim of cause ("Climate change affects the distribution of pests", "global warming
/// also increases the probability of floods").
const CAUSAL_VERBS: &[&str] = &[
    "affects",
    "increases",
    "reduces",
    "decreases",
    "raises",
    "lowers",
    "boosts",
    "harms",
    "damages",
    "impacts",
    "worsens",
    "improves",
    "threatens",
    "weakens",
    "strengthens",
    "prevents",
    "encourages",
    "discourages",
    "promotes",
];

fn causal_verbs(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    // A condition asserts nothing: "if the velocity increases then ...". Computed on the
    // first cue only.
    let mut conditional: Option<Vec<bool>> = None;
    for (i, _) in eligible.iter().enumerate().skip(1).filter(|(_, ok)| **ok) {
        if !CAUSAL_VERBS.contains(&view.word(i)) {
            continue;
        }
        let conditional =
            conditional.get_or_insert_with(|| view.after_in_clause(&["if", "unless", "whether"]));
        if conditional[i] {
            continue;
        }
        let mut s = i - 1;
        while s > 0 && s + 3 > i && is_adverb(view, s) {
            s -= 1;
        }
        let subject = view.word(s);
        let w = &view.words[s];
        if w.quoted
            || w.clause != view.words[i].clause
            || w.kind != TokenKind::Word
            || FIRST_SECOND_PERSON.contains(&subject)
            || matches!(
                subject,
                "to" | "and" | "or" | "the" | "a" | "an" | "he" | "she"
            )
        {
            continue;
        }
        // An object, not a measure: "increases by 5%" is a trend.
        let next = view.word(i + 1);
        let object = i + 1 < view.words.len()
            && view.words[i + 1].clause == view.words[i].clause
            && view.words[i + 1].kind == TokenKind::Word
            && !matches!(
                next,
                "by" | "to" | "in" | "on" | "from" | "with" | "over" | "and" | "or" | "then"
            );
        if object {
            claims.push(Claim {
                kind: ClaimKind::Causal,
                words: s..i + 1,
                subject: None,
            });
        }
    }
}

/// A consequence clause: ", leaving them only two weeks", ", forcing the team to ...".
fn consequences(view: &SentenceView, eligible: &[bool], claims: &mut Vec<Claim>) {
    for (i, _) in eligible.iter().enumerate().skip(1).filter(|(_, ok)| **ok) {
        let opens_clause = view.words[i - 1].clause != view.words[i].clause;
        if opens_clause && view.is(i, class::CONSEQUENCE_PARTICIPLE) {
            claims.push(Claim {
                kind: ClaimKind::Causal,
                words: i..i + 1,
                subject: None,
            });
        }
    }
}

/// Superlatives by form ("the greatest pride", "Europe's oldest") and records ("the first
/// ... since 1958").
fn superlative_forms(
    view: &SentenceView,
    eligible: &[bool],
    strict: bool,
    claims: &mut Vec<Claim>,
) {
    const RECORD_REACH: usize = 12;
    for (i, _) in eligible.iter().enumerate().skip(1).filter(|(_, ok)| **ok) {
        let word = view.word(i);
        let previous = view.word(i - 1);
        let determined = previous == "the" || previous.ends_with("'s") || previous == "its";
        let by_form = determined
            && word.len() >= 5
            && word.ends_with("est")
            && view.words[i].kind == TokenKind::Word
            && !view.words[i].capitalised
            && !view.is(i, class::NOT_SUPERLATIVE)
            && (strict || !view.is(i, class::EVALUATIVE_SUPERLATIVE));
        // "the first ... since 1958", "only the second player since 1900".
        let record = determined
            && matches!(word, "first" | "second" | "third" | "fourth" | "fifth")
            && (i + 1..(i + RECORD_REACH).min(view.words.len())).any(|j| view.word(j) == "since");
        if by_form || record {
            claims.push(Claim {
                kind: ClaimKind::Superlative,
                words: i..i + 1,
                subject: None,
            });
        }
    }
}

/// "twenty", "forty-five", "eleven" ... "nineteen": number words a figure is written in.
fn is_tens_word(word: &str) -> bool {
    const TENS: &[&str] = &[
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
    ];
    TENS.iter()
        .any(|t| word == *t || word.strip_prefix(t).is_some_and(|r| r.starts_with('-')))
}

/// "a year", "per day", "each week": a number with a rate is a statistic.
fn is_rate(view: &SentenceView, at: usize) -> bool {
    matches!(view.word(at), "a" | "per" | "each" | "every")
        && matches!(
            view.word(at + 1),
            "year" | "day" | "week" | "month" | "hour"
        )
}
