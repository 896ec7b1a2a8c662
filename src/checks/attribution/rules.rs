//! The eight attribution rules: ids, severities, hover explanations and messages.

use super::claims::ClaimKind;
use crate::checks::Rule;
use crate::finding::Severity;

/// `attribution.mental-state`: "Rubio knows that ...", "Trump hoped ...", ", knowing that ...",
/// "he is disappointed", and intent or a private act ("seeking to dissolve the Union",
/// "personally asked"). Leaves alone the writer's own state, purpose and hypotheticals.
pub const MENTAL_STATE: Rule = Rule {
    id: "attribution.mental-state",
    default_severity: Severity::Warning,
    summary: "what a third person knows, wants, hopes, fears, feels or intends, with no source",
    explanation: "A reporter cannot see inside a head: what someone knows, wants, hopes or fears \
is a claim that needs a source, usually the person or someone who speaks for them.\n\n\
**Fix:** name who says so, or report what the person said or did.\n\n\
**Example:** `Rubio knows that the main obstacle is Zelensky.` → `Rubio believes the main \
obstacle is Zelensky, a State Department official said.`\n\n\
Intent and private acts count too: `agents were in the city seeking to dissolve the Union`, \
`Trump personally asked the council`.\n\n\
Not flagged: the writer's own state or purpose (`I hope`, `we fear`, `we acted seeking to ...`), \
a hypothetical (`if he wants a deal`), \
and a sentence covered by an attribution (`Lavrov said Russia wanted talks`).",
    yields_to: &[],
};

/// `attribution.causal`: "led to", "because of", ", leaving X no choice", "in response to",
/// "retaliated". Leaves alone
/// possibilities ("can lead to") and attributed clauses.
pub const CAUSAL: Rule = Rule {
    id: "attribution.causal",
    default_severity: Severity::Warning,
    summary: "a cause or consequence stated as fact, with no source",
    explanation: "Why something happened, and what it led to, are the most disputed parts of a \
story. Stated in the writer's voice they read as fact.\n\n\
**Fix:** attribute the causal link to someone who makes it, or report the events without it.\n\n\
**Example:** `Zelensky called the memorandum “blackmail,” leaving Putin no choice but to \
escalate the war.` → `..., a step the Kremlin said left Putin no choice.`\n\n\
Not flagged at `relaxed` sensitivity, nor inside an attributed clause.",
    yields_to: &[],
};

/// `attribution.superlative`: "the most intense", "largest", "the first ... since 1958".
/// Leaves alone superlatives of judgement below strict ("the proudest boast").
pub const SUPERLATIVE: Rule = Rule {
    id: "attribution.superlative",
    default_severity: Severity::Warning,
    summary: "a superlative or record (most, largest, first ever) with no source",
    explanation: "Superlatives and records are checkable and often wrong: who measured that this \
was the largest, the first, the most?\n\n\
**Fix:** give the source of the comparison, or drop it.\n\n\
**Example:** `firing the most intense drone and missile strikes` → `firing what Ukraine's air \
force called the most intense strikes of the war`.\n\n\
Not flagged at `relaxed` sensitivity, in opinion, or in an attributed clause.",
    yields_to: &[],
};

/// `attribution.statistic`: percentages, scaled amounts, estimates ("about 80 people"),
/// counts of people ("dozens of civilians"), trends ("unemployment has fallen") and casualty
/// reports with or without a number ("There were no losses", "were killed"). Leaves alone
/// dates, times, ages, scores, distances, durations and numbers inside names.
pub const STATISTIC: Rule = Rule {
    id: "attribution.statistic",
    default_severity: Severity::Warning,
    summary: "a figure or statistic with no source",
    explanation: "A number invites the question where it came from: a count, a survey, an \
estimate; so does a trend (`unemployment has fallen`). Dates, times, ages and small counts \
are left alone.\n\n\
**Fix:** say whose figure it is.\n\n\
**Example:** `230 others were wounded` → `230 others were wounded, according to the West \
Berlin police`.\n\n\
Not flagged at `relaxed` sensitivity, or in an attributed clause.",
    yields_to: &[],
};

/// `attribution.certainty`: "would certainly", "inevitably", "we believe" as proof, and
/// speculation in the writer's voice ("apparently", "probably", "seems to"). Leaves alone
/// the speaker's own resolve ("we will never forget") and plans ("I will probably go").
pub const CERTAINTY: Rule = Rule {
    id: "attribution.certainty",
    default_severity: Severity::Warning,
    summary: "a prediction or inference stated as certain, with no source",
    explanation: "The future is not a fact: a prediction stated as certain (`would certainly`, \
`inevitably`) is the writer's guess presented as news.\n\n\
**Fix:** attribute the prediction to someone who makes it, or hedge it as the writer's view \
in a commentary.\n\n\
**Example:** `Trump would certainly set back peace talks.` → `Trump would set back peace \
talks, European diplomats warned.`\n\n\
A hedge does not make a claim safe: `the boat apparently sank` still needs a source.\n\n\
Not flagged: the speaker's own resolve or plans (`we will never forget`, `I will probably go`).",
    yields_to: &[],
};

/// `attribution.contested`: loaded terms and accusations ("coup", "CIA-backed", "proxy
/// war") in the writer's voice, and a past-tense sentence that carries on such an account
/// (or an unsourced intent, cause or prediction) from the sentence before with nothing
/// attributed in it ("Orders were sent to plan a massacre. Libya's agents then planted the
/// bomb."). Leaves alone a following sentence in the present tense, with a first or second
/// person, a source or a quotation, and the next paragraph.
pub const CONTESTED: Rule = Rule {
    id: "attribution.contested",
    default_severity: Severity::Warning,
    summary: "an accusation or loaded characterisation stated as fact",
    explanation: "Words such as `coup`, `CIA-backed`, `proxy war`, `regime` or `terrorist` take \
a side in a dispute. In the writer's voice they state one side's account as fact.\n\n\
**Fix:** attribute the characterisation to those who make it, or describe the events in \
neutral terms.\n\n\
**Example:** `Putin seized Crimea after a CIA-backed coup.` → `Russia annexed Crimea in 2014 \
after what the Kremlin calls a CIA-backed coup.`\n\n\
An unsourced account carries on: a past-tense sentence right after such a claim, with no \
source of its own, is part of the same account (`Orders were sent to plan a massacre. \
**Libya's agents then planted the bomb.**`): name who gives it.",
    yields_to: &[],
};

/// `attribution.weasel`: "some say", "critics argue", "a new study", "allegedly". Leaves
/// alone "the researchers" (pointing back to a named source) and negations ("officials have
/// not said").
pub const WEASEL: Rule = Rule {
    id: "attribution.weasel",
    default_severity: Severity::Warning,
    summary: "a source gestured at but not named (some say, experts believe, studies show)",
    explanation: "`Some say`, `critics argue`, `experts believe`, `studies show`, `sources say`, \
`it is widely thought`: the sentence sounds sourced but names no one the reader could check.\n\n\
**Fix:** name the critics, experts, study or sources, or say why a source cannot be named.\n\n\
**Example:** `Many experts believe the talks have stalled.` → `The talks have stalled, said \
Fiona Hill, a Russia analyst at the Brookings Institution.`",
    yields_to: &[],
};

/// `attribution.orphan-quote`: a quoted statement with no speaker nearby. Leaves alone
/// scare quotes, continued quotations and quotations with a speech verb beside them.
pub const ORPHAN_QUOTE: Rule = Rule {
    id: "attribution.orphan-quote",
    default_severity: Severity::Warning,
    summary: "a quoted statement with no speaker",
    explanation: "Words in quotation marks presented as someone's statement need a speaker in \
the sentence or the one before or after.\n\n\
**Fix:** say who said it.\n\n\
**Example:** `“This changes everything.”` → `“This changes everything,” Lavrov said.`\n\n\
Not flagged: quoted terms and scare quotes in the middle of a sentence (`his “memorandum”`), \
the continuation of a quotation whose speaker is named, and a quotation with a speech verb \
beside it, whatever its subject (`“This is blackmail,” the letter continued.`).",
    yields_to: &[],
};

pub static RULES: &[Rule] = &[
    CAUSAL,
    CERTAINTY,
    CONTESTED,
    MENTAL_STATE,
    ORPHAN_QUOTE,
    STATISTIC,
    SUPERLATIVE,
    WEASEL,
];

/// The rule of a kind of claim.
pub fn rule_for(kind: ClaimKind) -> &'static Rule {
    match kind {
        ClaimKind::MentalState | ClaimKind::Intent => &MENTAL_STATE,
        ClaimKind::Causal => &CAUSAL,
        ClaimKind::Superlative => &SUPERLATIVE,
        ClaimKind::Statistic => &STATISTIC,
        ClaimKind::Certainty | ClaimKind::Hedge | ClaimKind::Speculation => &CERTAINTY,
        ClaimKind::Contested | ClaimKind::Account => &CONTESTED,
        ClaimKind::Weasel => &WEASEL,
    }
}

/// The message of a claim: what kind it is and what would fix it. `cue` is the cue as
/// written, `subject` the person it is about, if known.
pub fn message(kind: ClaimKind, cue: &str, subject: Option<&str>) -> String {
    match kind {
        ClaimKind::MentalState => match subject {
            Some(who) => format!(
                "\"{cue}\" says what {who} thinks or feels, with no source: name who says so, e.g. '..., an aide to {who} said.'"
            ),
            None => format!(
                "\"{cue}\" says what someone thinks or feels, with no source: name who says so, e.g. '..., an official close to them said.'"
            ),
        },
        ClaimKind::Intent => format!(
            "\"{cue}\" states what someone meant to do as fact: name who says that was the aim, e.g. '..., investigators said.'"
        ),
        ClaimKind::Causal => format!(
            "\"{cue}\" states a cause or consequence as fact: attribute it to someone who makes that link, e.g. '..., analysts at the institute said.'"
        ),
        ClaimKind::Superlative => format!(
            "\"{cue}\" is a superlative or record with no source: say who measured it, e.g. '..., according to the interior ministry.'"
        ),
        ClaimKind::Statistic => format!(
            "the figure \"{cue}\" has no source: say whose count or estimate it is, e.g. '..., according to police.'"
        ),
        ClaimKind::Certainty => format!(
            "\"{cue}\" states a prediction or inference as certain: attribute it, e.g. '..., diplomats warned,' or hedge it"
        ),
        ClaimKind::Hedge => format!(
            "\"{cue}\" vouches for a claim with the writer's own belief, which is not a source: say who established it, e.g. '..., the Pentagon said.'"
        ),
        ClaimKind::Speculation => format!(
            "\"{cue}\" hedges a claim the text gives no source for: a hedged claim is still a claim; say who says so, e.g. '..., officials said.'"
        ),
        ClaimKind::Contested => format!(
            "\"{cue}\" is an accusation or loaded characterisation stated as fact: attribute it to those who make it, e.g. 'what the Kremlin calls ...'"
        ),
        ClaimKind::Account => "this sentence carries on an unsourced account from the sentence before: say who gives it, e.g. '..., police said.'".to_string(),
        ClaimKind::Weasel => format!(
            "\"{cue}\" gestures at a source without naming it: name the people, study or document"
        ),
    }
}

pub fn orphan_message(excerpt: &str) -> String {
    format!(
        "the quotation \"{excerpt}\" has no speaker: say who said it, e.g. '“...,” the minister said.'"
    )
}
