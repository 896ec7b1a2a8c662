//! `spelling.unknown-word`: a word the dictionary does not know, with ranked suggestions.
//!
//! Lower-case words are checked in [`paragraph`]: an unknown one is flagged (inside a
//! quotation only when a close correction exists: quoted speech holds foreign words).
//! Capitalised words are names unless the draft gives evidence of a typo, which needs
//! the whole draft, so they are decided in [`document`] (see [`super::evidence`]).
//! Never checked: URLs, e-mail addresses, domains, @handles, #tags, numbers and numbers
//! with units, code, words in other scripts, `iPhone`-style mixed case, and ALL-CAPS
//! acronyms unless `spelling.skip_all_caps = false`.

use super::derived::{Derivation, derivation};
use super::distance::typing_cost;
use super::evidence::{self, DraftWords, NameSigns, Source, TypoEvidence};
use super::speller::{UserWords, accepts, dictionary, known};
use super::suggest::{self, MAX_SUGGESTIONS};
use super::words::{self, Shape, Word};
use crate::checks::{Context, Rule, Suggestions};
use crate::finding::{Finding, Severity};
use crate::hash::FastMap;
use crate::text::Analysis;
use std::ops::Range;
use std::sync::Arc;

pub const RULE: Rule = Rule {
    id: "spelling.unknown-word",
    default_severity: Severity::Warning,
    summary: "a word the dictionary does not know",
    explanation: "The word is not in the dictionary. Suggestions are ranked by how people \
mistype (swapped letters, neighbouring keys, doubled letters), how the word sounds and how \
common the correction is.\n\n**Fix:** pick a suggestion, or add the word to `words` in \
`copydesk.toml` or to `.copydesk/dictionary.txt`.\n\n**Example:** `recieve` → `receive`; \
`Instanbul` → `Istanbul` when the draft spells it `Istanbul` elsewhere.\n\n\
Not flagged: names (a capitalised word is a name unless it is one slip away from a place \
or from a word the draft spells otherwise), URLs, e-mail addresses, handles, acronyms.",
    yields_to: &["names"],
};

/// A correction this close (one slip) makes an unknown word a typo, not a coinage.
const SLIP_MAX_COST: f32 = 1.0;

/// A lower-case word in a quotation is flagged only if a correction is this close.
const QUOTED_MAX_COST: f32 = 0.75;

/// A lower-case word in parentheses is flagged only if a correction is this close (a
/// swap, a vowel for a vowel, a doubled letter).
const BRACKETED_MAX_COST: f32 = 0.7;

/// Extra typo evidence a capitalised word needs when every use is inside a quotation.
const QUOTED_EXTRA_MARGIN: f32 = 1.0;

/// What the unknown-word rule takes from one paragraph alone, with offsets relative to
/// the paragraph's start: kept with the paragraph's parts
/// ([`Analysis::paragraph_memo`]), so a server computes it once per version of the
/// paragraph and the draft-wide pass only recombines.
#[derive(Default)]
struct Facts {
    /// Lower-case (and checked ALL-CAPS) words the dictionary does not know that pass
    /// every filter (their suggestions are ranked when they are reported).
    lower: Vec<Lower>,
    /// Uses of each checkable lower-case word the dictionary does not know.
    unknown_lower: FastMap<String, usize>,
    /// Every checkable capitalised word: uses, whether known, first span.
    capitalised: FastMap<String, (usize, bool, Range<usize>)>,
    /// Uses of the capitalised words the dictionary does not know, in order.
    unknown_capitalised: Vec<CapitalisedUse>,
}

struct Lower {
    span: Range<usize>,
    text: String,
    /// One slip from a known word (decided per paragraph); otherwise far from every
    /// known word (decided with the draft: flagged when used once).
    slip: bool,
}

struct CapitalisedUse {
    text: String,
    span: Range<usize>,
    in_quote: bool,
    sentence_initial: bool,
    /// A title or first name stands before it.
    introduced: bool,
}

/// The paragraph's facts, computed on first use.
fn facts(doc: &Analysis, paragraph: usize, ctx: &Context) -> Arc<Facts> {
    doc.paragraph_memo(paragraph, || paragraph_facts(doc, paragraph, ctx))
}

fn paragraph_facts(doc: &Analysis, paragraph: usize, ctx: &Context) -> Facts {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Facts::default();
    };
    let base = para.span.start;
    let words = words::of_paragraph(doc, paragraph);
    let user = UserWords::new(&ctx.config.words);
    let mut facts = Facts::default();
    facts.lower = lower_case(
        doc,
        para.span.clone(),
        &words,
        ctx,
        &user,
        &mut facts.unknown_lower,
    );
    for flag in &mut facts.lower {
        flag.span = flag.span.start - base..flag.span.end - base;
    }
    let introduced = introduced_words(doc, paragraph);
    for word in &words {
        match word.shape {
            Shape::Capitalised if checkable(word) => {
                let span = word.span.start - base..word.span.end - base;
                if let Some(entry) = facts.capitalised.get_mut(word.text) {
                    entry.0 += 1;
                } else {
                    let is_known = known(ctx.config.language, word.text)
                        || user.accepts(word.text)
                        || super::lexicon::place_weight(word.text).is_some();
                    facts
                        .capitalised
                        .insert(word.text.to_string(), (1, is_known, span.clone()));
                }
                if facts.capitalised.get(word.text).is_some_and(|c| !c.1) {
                    facts.unknown_capitalised.push(CapitalisedUse {
                        text: word.text.to_string(),
                        span,
                        in_quote: word.in_quote,
                        sentence_initial: word.sentence_initial,
                        introduced: introduced.contains(&word.span.start),
                    });
                }
            }
            _ => {}
        }
    }
    facts
}

/// Lower-case unknown words of one paragraph that are one slip from a known word.
pub fn paragraph(doc: &Analysis, paragraph: usize, ctx: &Context) -> Vec<Finding> {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let base = para.span.start;
    facts(doc, paragraph, ctx)
        .lower
        .iter()
        .filter(|flag| flag.slip)
        .map(|flag| {
            let span = flag.span.start + base..flag.span.end + base;
            unknown(span, &flag.text, reported_suggestions(ctx, &flag.text))
        })
        .collect()
}

/// Lower-case unknown words that pass every filter (spans absolute), each with its
/// suggestions and whether it is one slip from a known word.
fn lower_case(
    doc: &Analysis,
    paragraph: Range<usize>,
    words: &[Word],
    ctx: &Context,
    user: &UserWords,
    unknown_lower: &mut FastMap<String, usize>,
) -> Vec<Lower> {
    let dict = dictionary(ctx.config.language);
    let mut flags = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let all_caps_checked = word.shape == Shape::AllCaps && !ctx.config.spelling.skip_all_caps;
        if !(word.shape == Shape::Lower || all_caps_checked) || !checkable(word) {
            continue;
        }
        let is_known = known(ctx.config.language, word.text);
        if !is_known && word.shape == Shape::Lower {
            match unknown_lower.get_mut(word.text) {
                Some(n) => *n += 1,
                None => {
                    unknown_lower.insert(word.text.to_string(), 1);
                }
            }
        }
        if is_known || user.accepts(word.text) || compound_known(dict, doc, word) {
            continue;
        }
        // A spelling of the other variety (`colour` in an en-US draft) is not a slip;
        // `spelling.inconsistent` reports a draft that mixes them.
        if is_unit(doc, paragraph.start, word) || known(ctx.config.language.other(), word.text) {
            continue;
        }
        // The second word of a Latin binomial (`Formica fusca`) or of a foreign name, a
        // word introduced as foreign (`in German, hund`), a French elision (`l'eau`).
        if (i > 0 && follows_unknown_capitalised(doc, dict, &words[i - 1], word))
            || near_language_name(&words[i.saturating_sub(3)..(i + 3).min(words.len())])
            || is_elision(word.text)
            || in_hyphenated_name(doc, &words[..i], word)
            || glued_to_bracket(doc, paragraph.clone(), word)
        {
            continue;
        }
        // A word in print, or a known word with a suffix (`commercialish`).
        let derived = derivation(dict, word.text);
        if derived.is_some_and(Derivation::despite_slips) {
            continue;
        }
        // The near candidates decide; the full ranking waits until the word is flagged.
        let suggestions = suggest::near(ctx.config.language, word.text);
        let slip = suggestions
            .first()
            .and_then(|s| typing_cost(word.text, s, SLIP_MAX_COST))
            .is_some();
        // A prefix on a word much commoner than the slip's correction is meant
        // (`defund`: `fund` is commoner than `defend`; `recommand` stays a slip).
        if slip
            && derived == Some(Derivation::Prefixed)
            && prefix_outweighs(dict, word.text, &suggestions)
        {
            continue;
        }
        // Two known words closed up (`wavenumber`) or a known word with a prefix
        // (`reinterred`) are accepted unless one slip away from a word (`checkpint` is
        // check + pint, but meant checkpoint; `cofiguration` is co + figuration).
        if !slip && (derived.is_some() || closed_compound(dict, word.text)) {
            continue;
        }
        // Quotations hold foreign speech, parentheses glosses and scientific names
        // (`the Desert Rose (adenium obesium)`, `(ragga, zouk, rnb)`), and two unknown
        // words close together are likely a foreign phrase: there, only a close
        // correction makes a word a slip.
        let max_cost = if word.in_quote {
            Some(QUOTED_MAX_COST)
        } else if in_parentheses(doc, paragraph.clone(), word)
            || in_foreign_run(ctx, user, words, i)
        {
            Some(BRACKETED_MAX_COST)
        } else {
            None
        };
        if let Some(max_cost) = max_cost {
            let close = suggestions
                .first()
                .and_then(|s| typing_cost(word.text, s, max_cost));
            if close.is_none() {
                continue;
            }
        }
        flags.push(Lower {
            span: word.span.clone(),
            text: word.text.to_string(),
            slip,
        });
    }
    flags
}

/// Capitalised unknown words decided with the whole draft as evidence, and lower-case
/// words far from every known word that the draft uses once. Only recombines each
/// paragraph's [`Facts`].
pub fn document(doc: &Analysis, ctx: &Context) -> Vec<Finding> {
    let all: Vec<(usize, Arc<Facts>)> = (0..doc.paragraphs.len())
        .map(|p| (doc.paragraphs[p].span.start, facts(doc, p, ctx)))
        .collect();
    let mut findings = Vec::new();
    // Lower-case words far from every known word: a term the writer uses more than once
    // is meant (`santorum` in a story about the coinage); a lone one is flagged.
    let mut lower_uses: FastMap<&str, usize> = FastMap::default();
    for (_, facts) in &all {
        for (text, n) in &facts.unknown_lower {
            *lower_uses.entry(text.as_str()).or_default() += n;
        }
    }
    for (base, facts) in &all {
        for flag in facts.lower.iter().filter(|f| !f.slip) {
            if lower_uses.get(flag.text.as_str()).is_some_and(|&n| n == 1) {
                let span = flag.span.start + base..flag.span.end + base;
                findings.push(unknown(
                    span,
                    &flag.text,
                    reported_suggestions(ctx, &flag.text),
                ));
            }
        }
    }
    // Every capitalised word of the draft, with its count and whether it is known.
    if all.iter().all(|(_, f)| f.unknown_capitalised.is_empty()) {
        return findings;
    }
    let mut draft = DraftWords::default();
    for (_, facts) in &all {
        for (text, &(n, is_known, _)) in &facts.capitalised {
            draft.counts.entry(text.as_str()).or_insert((0, is_known)).0 += n;
        }
    }
    draft.index();
    let mut unknown_uses: Vec<(&str, Vec<(usize, &CapitalisedUse)>)> = Vec::new();
    let mut index: FastMap<&str, usize> = FastMap::default();
    for (base, facts) in &all {
        for word in &facts.unknown_capitalised {
            let at = *index.entry(word.text.as_str()).or_insert_with(|| {
                unknown_uses.push((word.text.as_str(), Vec::new()));
                unknown_uses.len() - 1
            });
            unknown_uses[at].1.push((*base, word));
        }
    }
    for (text, uses) in unknown_uses {
        let signs = NameSigns {
            introduced: uses.iter().any(|(_, w)| w.introduced),
            uses: uses.len(),
        };
        // Quoted speech may hold foreign words: ask for more evidence there.
        let quoted = if uses.iter().all(|(_, w)| w.in_quote) {
            QUOTED_EXTRA_MARGIN
        } else {
            0.0
        };
        let evidence = evidence::typo_evidence(text, &draft).filter(|e| {
            e.score - evidence::name_score(text, &signs) >= evidence::TYPO_MARGIN + quoted
        });
        let evidence = evidence.or_else(|| sentence_start_slip(ctx, text, &uses, &signs));
        let Some(evidence) = evidence else {
            continue;
        };
        let related = all.iter().find_map(|(base, facts)| {
            facts
                .capitalised
                .get(evidence.correction.as_str())
                .map(|c| c.2.start + base..c.2.end + base)
        });
        let mut suggestions = vec![evidence.correction.clone()];
        for s in reported_suggestions(ctx, text) {
            if suggestions.len() < MAX_SUGGESTIONS && !suggestions.contains(&s) {
                suggestions.push(s);
            }
        }
        for (base, word) in uses {
            let span = word.span.start + base..word.span.end + base;
            let mut finding = Finding::new(&RULE, span, typo_message(text, &evidence))
                .with_suggestions(suggestions.clone());
            if let (Source::Draft, Some(span)) = (evidence.source, related.clone()) {
                finding =
                    finding.with_related(span, format!("spelled \"{}\" here", evidence.correction));
            }
            findings.push(finding);
        }
    }
    findings
}

/// A capitalised word seen only at the start of sentences may be an ordinary word with a
/// slip (`Recieve the ...`): flag it when a common word is one cheap slip away and nothing
/// says it is a name.
fn sentence_start_slip(
    ctx: &Context,
    text: &str,
    uses: &[(usize, &CapitalisedUse)],
    signs: &NameSigns,
) -> Option<TypoEvidence> {
    if !uses.iter().all(|(_, w)| w.sentence_initial)
        || evidence::name_score(text, signs) > 0.0
        || text.chars().count() < 4
    {
        return None;
    }
    // Only common words are candidates, so this stays cheap for the many names that
    // start sentences.
    let lower = text.to_lowercase();
    let best = super::lexicon::same_shape(super::lexicon::frequent_by_shape(), &lower, 1)
        .filter(|c| super::distance::may_be_one_edit(&lower, c))
        .filter(|c| super::lexicon::commonness(c) >= 0.5)
        .filter_map(|c| typing_cost(&lower, c, 0.75).map(|cost| (cost, c)))
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    let dict = dictionary(ctx.config.language);
    accepts(dict, best.1).then(|| TypoEvidence {
        correction: suggest::capitalise(best.1),
        source: Source::Word,
        score: evidence::TYPO_MARGIN,
    })
}

/// Longer "words" are pasted junk or identifiers, not prose; ranking suggestions for them
/// would cost time quadratic in their length.
const MAX_WORD_CHARS: usize = 45;

fn checkable(word: &Word) -> bool {
    let n_chars = word.text.chars().count();
    n_chars > 1 && n_chars <= MAX_WORD_CHARS && words::is_latin(word.text)
}

/// Whether a word is right as part of a hyphenated compound: the whole is in the
/// dictionary, the part is a prefix (`pre` in `pre-war`) or two letters (`sci-fi`).
fn compound_known(dict: &spellbook::Dictionary, doc: &Analysis, word: &Word) -> bool {
    word.in_compound
        && (word.text.chars().count() <= 2
            || PREFIXES.contains(&word.text.to_lowercase().as_str())
            || accepts(dict, doc.slice(word.token.clone())))
}

/// Prefixes written with a hyphen that the dictionary does not list alone.
const PREFIXES: &[&str] = &[
    "anti", "bi", "bio", "co", "counter", "de", "eco", "ex", "geo", "inter", "intra", "macro",
    "mega", "micro", "mid", "mini", "multi", "neo", "non", "post", "pre", "quasi", "re", "self",
    "semi", "socio", "tri", "ultra", "un", "vice",
];

/// Two known words of four letters or more closed up (`wavenumber`, `audiobooks`), the
/// first not a common function word (`eachother` stays flagged).
fn closed_compound(dict: &spellbook::Dictionary, word: &str) -> bool {
    let lower = word.to_lowercase();
    let prefixed = [
        "sub", "micro", "nano", "multi", "non", "pre", "post", "anti", "over", "under",
    ]
    .iter()
    .any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| rest.chars().count() >= 4 && accepts(dict, rest))
    });
    if prefixed {
        return true;
    }
    lower.char_indices().skip(4).any(|(at, _)| {
        let (head, tail) = lower.split_at(at);
        // The head a common word, the tail at least in the frequency list: a rare head
        // (`heir` + `achy`) is more likely a slip.
        let (head_common, tail_common) = (
            super::lexicon::commonness(head),
            super::lexicon::commonness(tail),
        );
        tail.chars().count() >= 4
            && (0.3..0.6).contains(&head_common)
            && tail_common > 0.0
            && dict.check(head)
            && accepts(dict, tail)
    })
}

/// Language names that introduce a foreign word (`in French by chien`).
const LANGUAGES: &[&str] = &[
    "Arabic",
    "Chinese",
    "Czech",
    "Danish",
    "Dutch",
    "Finnish",
    "French",
    "German",
    "Greek",
    "Hebrew",
    "Hindi",
    "Hungarian",
    "Italian",
    "Japanese",
    "Korean",
    "Latin",
    "Norwegian",
    "Persian",
    "Polish",
    "Portuguese",
    "Russian",
    "Spanish",
    "Swahili",
    "Swedish",
    "Turkish",
    "Ukrainian",
    "Urdu",
];

/// Whether a language is named within three words (`in German by hund`, `chien in
/// French`).
fn near_language_name(around: &[Word]) -> bool {
    around.iter().any(|w| LANGUAGES.contains(&w.text))
}

/// The lower-case part of a hyphenated given name after a surname (`Leung Yiu-chung`,
/// `Lee Cheuk-yan`): the compound starts with a capital and a capitalised word stands
/// right before it.
fn in_hyphenated_name(doc: &Analysis, before: &[Word], word: &Word) -> bool {
    if !word.in_compound
        || !doc
            .slice(word.token.clone())
            .starts_with(char::is_uppercase)
    {
        return false;
    }
    let previous = before.iter().rev().find(|w| w.token != word.token);
    previous.is_some_and(|p| {
        p.shape == Shape::Capitalised
            && p.span.end <= word.token.start
            && doc.slice(p.span.end..word.token.start) == " "
    })
}

/// How much commoner than the best correction a prefixed word's stem must be.
const STEM_COMMONER_BY: f32 = 0.15;

fn prefix_outweighs(dict: &spellbook::Dictionary, word: &str, suggestions: &[String]) -> bool {
    let (Some(stem), Some(best)) = (
        super::derived::prefixed_stem(dict, word),
        suggestions.first(),
    ) else {
        return false;
    };
    super::lexicon::commonness(stem) >= super::lexicon::commonness(best) + STEM_COMMONER_BY
}

/// Whether another lower-case word within two words of `words[at]` is unknown too: a
/// phrase in another language (`Lass' sic nach Berlin kommen`), where a close correction
/// is needed before calling a word a slip.
fn in_foreign_run(ctx: &Context, user: &UserWords, words: &[Word], at: usize) -> bool {
    let language = ctx.config.language;
    let around = at.saturating_sub(2)..(at + 3).min(words.len());
    around.filter(|&j| j != at).any(|j| {
        let w = &words[j];
        w.shape == Shape::Lower
            && checkable(w)
            && !known(language, w.text)
            && !known(language.other(), w.text)
            && !user.accepts(w.text)
    })
}

/// Whether the word sits inside parentheses in its paragraph: a `(` before it and a `)`
/// after it, each within 200 bytes and with no other bracket or line break between.
fn in_parentheses(doc: &Analysis, paragraph: Range<usize>, word: &Word) -> bool {
    const REACH: usize = 200;
    let prose = doc.prose();
    let before = prose.get(paragraph.start..word.span.start).unwrap_or("");
    let opened = before
        .bytes()
        .rev()
        .take(REACH)
        .find(|b| matches!(b, b'(' | b')' | b'\n'))
        == Some(b'(');
    opened
        && prose
            .get(word.span.end..paragraph.end)
            .unwrap_or("")
            .bytes()
            .take(REACH)
            .find(|b| matches!(b, b'(' | b')' | b'\n'))
            == Some(b')')
}

/// A word glued to a bracket inside a token is notation, not prose: the respelling
/// `d(ə)-VOR-zha(h)k`, `word(s)`.
fn glued_to_bracket(doc: &Analysis, paragraph: Range<usize>, word: &Word) -> bool {
    let prose = doc.prose();
    let after = prose
        .get(word.span.end..paragraph.end)
        .and_then(|s| s.chars().next());
    let before = prose
        .get(paragraph.start..word.span.start)
        .and_then(|s| s.chars().next_back());
    after == Some('(') || before == Some(')')
}

/// `l'eau`, `d'Artagnan`: a French article or preposition elided onto the word.
fn is_elision(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some('l' | 'd' | 'j' | 'n' | 's' | 'c' | 'm' | 't' | 'L' | 'D'),
            Some('\'' | '’')
        )
    )
}

/// A short word right after a number or a slash is a unit (`1 psu`, `K/psu`).
fn is_unit(doc: &Analysis, paragraph_start: usize, word: &Word) -> bool {
    if word.text.chars().count() > 4 {
        return false;
    }
    let before = doc.slice(paragraph_start..word.span.start);
    let trimmed = before.trim_end_matches(' ');
    before.ends_with('/')
        || (trimmed.len() < before.len() && trimmed.ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether `word` directly follows an unknown capitalised word in the same sentence:
/// the species of a genus (`Beauveria bassiana`) or a foreign name's second word.
fn follows_unknown_capitalised(
    doc: &Analysis,
    dict: &spellbook::Dictionary,
    previous: &Word,
    word: &Word,
) -> bool {
    previous.shape == Shape::Capitalised
        && !previous.sentence_initial
        && doc.slice(previous.span.end..word.span.start) == " "
        && !accepts(dict, previous.text)
}

/// Start offsets of the name words of one paragraph that a title or a first name
/// introduces (`Merz` in `Chancellor Friedrich Merz`, `Biden` in `Joe Biden`).
fn introduced_words(doc: &Analysis, paragraph: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return starts;
    };
    for candidate in doc.names.get(para.names.clone()).unwrap_or_default() {
        let first_name = candidate
            .name_words
            .first()
            .is_some_and(|first| super::lexicon::is_first_name(doc.slice(first.clone())));
        for (position, word) in candidate.name_words.iter().enumerate() {
            if candidate.title.is_some() || (position > 0 && first_name) {
                starts.push(word.start);
            }
        }
    }
    starts
}

/// The suggestions a reported word carries: the full ranking, or in an editor the near
/// candidates, the rest being ranked when quick fixes are asked for.
fn reported_suggestions(ctx: &Context, word: &str) -> Vec<String> {
    match ctx.suggestions {
        Suggestions::Ranked => suggest::ranked(ctx.config.language, word, &[]),
        Suggestions::Near => suggest::near(ctx.config.language, word),
    }
}

fn unknown(span: Range<usize>, text: &str, suggestions: Vec<String>) -> Finding {
    let message = match suggestions.first() {
        Some(best) => format!("\"{text}\" is not in the dictionary; did you mean \"{best}\"?"),
        None => format!("\"{text}\" is not in the dictionary"),
    };
    Finding::new(&RULE, span, message).with_suggestions(suggestions)
}

fn typo_message(text: &str, evidence: &TypoEvidence) -> String {
    let correction = &evidence.correction;
    match evidence.source {
        Source::Draft => format!(
            "\"{text}\" looks like a slip for \"{correction}\", as the draft spells it elsewhere"
        ),
        Source::Place => {
            format!("\"{text}\" looks like a misspelling of the place \"{correction}\"")
        }
        Source::Word => {
            format!("\"{text}\" is not in the dictionary; did you mean \"{correction}\"?")
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings, assert_no_findings_of};
    use crate::{Config, Context, Markup, check};

    const RULE: &str = "spelling.unknown-word";

    #[test]
    fn flags_lower_case_misspelling_with_correction_first() {
        assert_findings(
            "They will recieve the report today.",
            &[(RULE, "recieve", Some("receive"))],
        );
    }

    #[test]
    fn flags_place_misspelled_against_the_draft_and_the_gazetteer() {
        assert_findings(
            "Talks in Istanbul stalled. Delegates in Instanbul met again.",
            &[(RULE, "Instanbul", Some("Istanbul"))],
        );
        assert_findings(
            "He must give up Kherson, Zaporizhizhia and Luhansk.",
            &[(RULE, "Zaporizhizhia", Some("Zaporizhzhia"))],
        );
    }

    #[test]
    fn leaves_names_and_places_alone() {
        // `names.first-reference` rightly reports the bare `Lavrov`; spelling must not.
        assert_no_findings_of(
            "spelling",
            "Lavrov met Rubio in Kuala Lumpur. German Chancellor Friedrich Merz, \
             President Emmanuel Macron and Keir Starmer spoke to Kherson officials. \
             Lavrov said so. Former President Joe Biden agreed.",
        );
    }

    #[test]
    fn skips_urls_domains_handles_tags_units_and_acronyms() {
        assert_no_findings(
            "Read OnlineColumnist.com or https://exmple.org/qwzx, mail qwzx@exmple.org, \
             follow @qwzxy and #qwzxy, run 5km with the NATO and UNHCR teams.",
        );
    }

    #[test]
    fn all_caps_checked_when_configured() {
        let config = Config {
            spelling: crate::config::SpellingConfig {
                skip_all_caps: false,
            },
            ..Config::default()
        };
        let found = check("They RECIEVE it.", Markup::Plain, &Context::new(&config));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].suggestions.first().map(String::as_str),
            Some("RECEIVE")
        );
    }

    #[test]
    fn quoted_foreign_words_need_a_close_correction() {
        assert_no_findings("“Slava Ukraini,” she said, “vperde.”");
        assert_findings(
            "“We will recieve them,” she said.",
            &[(RULE, "recieve", Some("receive"))],
        );
    }

    #[test]
    fn leaves_words_introduced_as_foreign_alone() {
        assert_no_findings("A dog is chien in French and hund in German. Morne à l'eau is near.");
    }

    #[test]
    fn sentence_initial_slip_of_a_common_word() {
        assert_findings(
            "Becuase the talks failed, nothing changed.",
            &[(RULE, "Becuase", Some("Because"))],
        );
    }

    #[test]
    fn user_words_are_accepted_with_hunspell_case_rules() {
        let config = Config {
            words: vec!["gazumped".into(), "Qwzxabad".into()],
            ..Config::default()
        };
        let ctx = Context::new(&config);
        let text = "Buyers were gazumped. Gazumped again, they left Qwzxabad.";
        assert!(check(text, Markup::Plain, &ctx).is_empty());
        let found = check("the qwzxabad road", Markup::Plain, &ctx);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn suggestions_never_exceed_five() {
        let config = Config::default();
        for f in check(
            "the wrod and the tset",
            Markup::Plain,
            &Context::new(&config),
        ) {
            assert!(!f.suggestions.is_empty() && f.suggestions.len() <= 5);
        }
    }
}
