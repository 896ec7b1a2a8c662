//! `spelling.inconsistent`: one word spelt two ways in the same draft.
//!
//! Flags the minority spelling when a draft writes `judgment` and `judgement`, `Kyiv` and
//! `Kiev`, `email` and `e-mail`, `color` and `colour`; the fix is the form the draft uses
//! most. Only a clear majority is acted on: the main form used at least twice and more
//! often than all the others together (one `email` beside one `e-mail` is left alone). The variant groups are data:
//! `src/data/spelling/variants.txt`. Leaves alone a draft that keeps to one form, even the
//! less usual one.

use crate::checks::Rule;
use crate::finding::{Finding, Severity};
use crate::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::text::Analysis;
use crate::text::names::strip_possessive;
use std::ops::Range;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    id: "spelling.inconsistent",
    default_severity: Severity::Info,
    summary: "one word spelt two ways in the same draft",
    explanation: "The draft spells the same word two ways (`judgment` and `judgement`, \
`Kyiv` and `Kiev`, `email` and `e-mail`). Both may be right, but a story should keep to \
one.\n\n**Fix:** use the form the draft uses most (offered as the suggestion).\n\n\
**Example:** `the judgment ... the judgement` → `the judgment ... the judgment`.",
    yields_to: &["names"],
};

/// Variant groups, and each lower-case form's (group, form index).
type Variants = (Vec<Vec<&'static str>>, HashMap<String, (usize, usize)>);

/// Uses of a group's forms: (form index, spans), in draft order.
type Uses = Vec<(usize, Vec<Range<usize>>)>;

static VARIANTS: LazyLock<Variants> = LazyLock::new(|| {
    let mut groups = Vec::new();
    let mut index = HashMap::default();
    let lines = crate::data::lines(include_str!("../../data/spelling/variants.txt"));
    for line in lines {
        let forms: Vec<&'static str> = line.split('|').map(str::trim).collect();
        for (i, form) in forms.iter().enumerate() {
            index.insert(form.to_lowercase(), (groups.len(), i));
        }
        groups.push(forms);
    }
    (groups, index)
});

/// Byte lengths of every variant form.
static LENGTHS: LazyLock<HashSet<usize>> =
    LazyLock::new(|| VARIANTS.1.keys().map(String::len).collect());

/// The variant forms one paragraph uses: (group, form, span relative to the paragraph),
/// kept with the paragraph's parts ([`Analysis::paragraph_memo`]).
struct ParagraphVariants(Vec<(usize, usize, Range<usize>)>);

fn paragraph_variants(doc: &Analysis, paragraph: usize) -> ParagraphVariants {
    let index = &VARIANTS.1;
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return ParagraphVariants(Vec::new());
    };
    let mut found = Vec::new();
    let tokens = doc.tokens.get(para.tokens.clone()).unwrap_or_default();
    for token in tokens.iter().filter(|t| t.is_word()) {
        let text = strip_possessive(doc.slice(token.span.clone()));
        // Most words are no variant; skip the lower-casing (an allocation) for lengths
        // no variant has.
        if !LENGTHS.contains(&text.len()) {
            continue;
        }
        // ASCII words lower-cased on the stack, the rest through `to_lowercase`.
        let mut buffer = [0u8; 32];
        let lower: std::borrow::Cow<'_, str> = match buffer.get_mut(..text.len()) {
            Some(out) if text.is_ascii() => {
                for (o, b) in out.iter_mut().zip(text.bytes()) {
                    *o = b.to_ascii_lowercase();
                }
                std::str::from_utf8(out).unwrap_or_default().into()
            }
            _ => text.to_lowercase().into(),
        };
        let Some(&(group, form)) = index.get(lower.as_ref()) else {
            continue;
        };
        let start = token.span.start - para.span.start;
        found.push((group, form, start..start + text.len()));
    }
    ParagraphVariants(found)
}

pub fn check(doc: &Analysis) -> Vec<Finding> {
    let groups = &VARIANTS.0;
    // group -> form -> spans, in draft order.
    let mut seen: HashMap<usize, Uses> = HashMap::default();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let variants = doc.paragraph_memo(p, || paragraph_variants(doc, p));
        for (group, form, span) in &variants.0 {
            let span = span.start + para.span.start..span.end + para.span.start;
            let forms = seen.entry(*group).or_default();
            match forms.iter_mut().find(|f| f.0 == *form) {
                Some(f) => f.1.push(span),
                None => forms.push((*form, vec![span])),
            }
        }
    }
    let mut findings = Vec::new();
    for (group, forms) in seen {
        if forms.len() < 2 {
            continue;
        }
        // Most used wins; `max_by_key` keeps the last of equals, so scan reversed to keep
        // the first used.
        let Some(majority) = forms.iter().rev().max_by_key(|f| f.1.len()) else {
            continue;
        };
        // Only a clear majority says which form the draft means: one `email` beside one
        // `e-mail` is a toss-up, not a slip.
        let total: usize = forms.iter().map(|f| f.1.len()).sum();
        if majority.1.len() < 2 || majority.1.len() * 2 <= total {
            continue;
        }
        let preferred = groups[group][majority.0];
        for (form, spans) in &forms {
            if form == &majority.0 {
                continue;
            }
            for span in spans {
                let written = doc.slice(span.clone());
                let fix = in_case_of(written, preferred);
                findings.push(
                    Finding::new(
                        &RULE,
                        span.clone(),
                        format!(
                            "\"{written}\" is spelt \"{fix}\" elsewhere in this draft ({} times); keep to one",
                            majority.1.len()
                        ),
                    )
                    .with_suggestions([fix.clone()])
                    .with_related(majority.1[0].clone(), format!("spelt \"{preferred}\" here")),
                );
            }
        }
    }
    findings
}

fn in_case_of(written: &str, form: &str) -> String {
    if written.starts_with(char::is_uppercase) && form.starts_with(char::is_lowercase) {
        super::suggest::capitalise(form)
    } else {
        form.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings};

    const RULE: &str = "spelling.inconsistent";

    #[test]
    fn flags_minority_spelling_with_majority_fix() {
        assert_findings(
            "The judgment stood. A second judgment followed. Her judgement was final.",
            &[(RULE, "judgement", Some("judgment"))],
        );
    }

    #[test]
    fn place_and_hyphen_variants() {
        assert_findings(
            "Kyiv was shelled. Officials in Kiev said so. Kyiv’s mayor agreed.",
            &[(RULE, "Kiev", Some("Kyiv"))],
        );
        assert_findings(
            "Send an e-mail. The email was read. Another e-mail came.",
            &[(RULE, "email", Some("e-mail"))],
        );
    }

    #[test]
    fn one_form_throughout_is_fine() {
        assert_no_findings("The pro-Kremlin Kiev government fell. Kiev was calm.");
        assert_no_findings("Her judgement, and his judgement, stood.");
        // No clear majority: a style choice, not a slip.
        assert_no_findings("Send an e-mail. The email was read.");
        assert_no_findings("The judgment and the judgement, then a judgment and a judgement.");
    }
}
