//! Unsourced reports with no cue: a sentence that tells what third parties did or what
//! happened, in a paragraph that names no source, scored by a small logistic regression
//! over a few features of the sentence and its paragraph.
//!
//! Only sentences the cue rules leave alone are scored: no cue, no attribution, no
//! quotation, no opinion, question or hypothetical. The weights are data
//! (`src/data/attribution/report_weights.txt`), trained offline on the development
//! corpora by `scripts/train_attribution_reports.py`, which chooses them and the
//! threshold by leave-one-file-out cross-validation and writes the file.

use super::sentence::SentenceView;
use crate::text::TokenKind;
use std::sync::LazyLock;

/// The features, in the order of the weights file.
pub const FEATURES: &[&str] = &[
    "past",
    "past_perfect",
    "number",
    "year",
    "names",
    "opens_with_name",
    "opens_with_pronoun",
    "first_person",
    "second_person",
    "modal",
    "present_be",
    "negation",
    "length",
    "previous_claim",
    "previous_attributed",
    "source_earlier_in_paragraph",
    "first_person_in_paragraph",
    "paragraph_lead",
    "there_is",
];

/// What the paragraph has shown before the sentence scored.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The sentence before had a claim cue of its own.
    pub previous_claim: bool,
    /// The sentence before was attributed (a source that is not a weasel).
    pub previous_attributed: bool,
    /// An attribution, any kind, earlier in the paragraph.
    pub source_earlier: bool,
    /// A first-person word anywhere in the paragraph outside quotations (a speech).
    pub first_person_in_paragraph: bool,
    /// The sentence opens the paragraph.
    pub lead: bool,
}

const FIRST: &[&str] = &[
    "i", "we", "me", "us", "my", "our", "i'm", "we're", "i've", "we've", "ours",
];
const SECOND: &[&str] = &["you", "your", "you're", "you've", "you'd", "yours"];
const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "shall", "won't", "can't",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "his", "her", "their", "its"];
/// Connectives skipped before the first word ("But the army ...").
const CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "however",
    "also",
    "still",
    "yet",
    "so",
    "then",
    "meanwhile",
];

/// Whether word `i` is first or second person.
pub fn is_first_person(word: &str) -> bool {
    FIRST.contains(&word)
}

/// The features of a sentence, one pass over its words. `past` says which words are
/// past-tense verbs (the account rule's test).
pub fn features(
    view: &SentenceView,
    context: Context,
    past: impl Fn(usize) -> bool,
) -> [f32; FEATURES.len()] {
    let mut f = [0.0f32; FEATURES.len()];
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let n = view.words.len();
    let mut names = 0usize;
    let mut opener = None;
    for i in 0..n {
        let word = view.word(i);
        let w = &view.words[i];
        if opener.is_none() && w.kind == TokenKind::Word && !CONNECTIVES.contains(&word) {
            opener = Some(i);
        }
        if w.quoted {
            continue;
        }
        if past(i) {
            f[0] = 1.0;
        }
        match word {
            "had" => f[1] = 1.0,
            "not" | "no" | "never" | "n't" | "didn't" | "wasn't" | "weren't" | "don't"
            | "doesn't" | "isn't" | "aren't" => f[11] = 1.0,
            "is" | "are" | "'s" => f[10] = 1.0,
            "there" => {
                if matches!(view.word(i + 1), "is" | "are" | "was" | "were") {
                    f[18] = 1.0;
                }
            }
            _ => {}
        }
        if w.kind == TokenKind::Number {
            let value: f64 = word.replace(',', "").parse().unwrap_or(0.0);
            if word.len() == 4 && (1000.0..=2100.0).contains(&value) {
                f[3] = 1.0;
            } else {
                f[2] = 1.0;
            }
        }
        if w.name && w.capitalised && i > 0 {
            names += 1;
        }
        if FIRST.contains(&word) {
            f[7] = 1.0;
        }
        if SECOND.contains(&word) {
            f[8] = 1.0;
        }
        if MODALS.contains(&word) {
            f[9] = 1.0;
        }
    }
    f[4] = names.min(3) as f32 / 3.0;
    if let Some(o) = opener {
        f[5] = flag(view.words[o].name && view.words[o].capitalised);
        f[6] = flag(PRONOUNS.contains(&view.word(o)));
    }
    f[12] = (n as f32 / 40.0).min(1.0);
    f[13] = flag(context.previous_claim);
    f[14] = flag(context.previous_attributed);
    f[15] = flag(context.source_earlier);
    f[16] = flag(context.first_person_in_paragraph);
    f[17] = flag(context.lead);
    f
}

/// The trained model: a bias, one weight per feature, and the score from which a
/// sentence is reported.
#[derive(Debug)]
pub struct Model {
    pub bias: f32,
    pub weights: [f32; FEATURES.len()],
    pub threshold: f32,
}

impl Model {
    /// The logistic score of a sentence's features.
    pub fn score(&self, features: &[f32; FEATURES.len()]) -> f32 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether a sentence with these features is reported.
    pub fn reports(&self, features: &[f32; FEATURES.len()]) -> bool {
        self.score(features) >= self.threshold
    }

    /// Parses the weights file: `name value` lines (`bias`, `threshold` and each feature),
    /// `#` comments. A missing feature weighs 0; an unknown name or a bad number is an
    /// error. No threshold means the model reports nothing.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model {
            bias: 0.0,
            weights: [0.0; FEATURES.len()],
            threshold: f32::INFINITY,
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("line {}: expected `name value`", n + 1));
            };
            let value: f32 = value
                .parse()
                .map_err(|_| format!("line {}: bad number {value:?}", n + 1))?;
            match name {
                "bias" => model.bias = value,
                "threshold" => model.threshold = value,
                _ => {
                    let i = FEATURES
                        .iter()
                        .position(|f| *f == name)
                        .ok_or_else(|| format!("line {}: unknown feature {name:?}", n + 1))?;
                    model.weights[i] = value;
                }
            }
        }
        Ok(model)
    }
}

/// The shipped model. A weights file that does not parse (a build-time mistake the unit
/// tests catch) turns the rule off rather than failing a check.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_str!("../../data/attribution/report_weights.txt")).unwrap_or(Model {
        bias: 0.0,
        weights: [0.0; FEATURES.len()],
        threshold: f32::INFINITY,
    })
});
