//! Behaviour of the attribution family on small drafts: each rule, what an attribution
//! covers, carry-over, quotations and opinion.

use crate::config::{Config, Sensitivity};
use crate::{Context, Markup, check};

/// Attribution findings as (rule, spanned text), at a sensitivity.
fn found_at(text: &str, sensitivity: Sensitivity) -> Vec<(String, String)> {
    let config = Config {
        sensitivity,
        ..Config::default()
    };
    check(text, Markup::Plain, &Context::new(&config))
        .into_iter()
        .filter(|f| f.family() == "attribution")
        .map(|f| (f.rule.to_string(), text[f.span.clone()].to_string()))
        .collect()
}

fn found(text: &str) -> Vec<(String, String)> {
    found_at(text, Sensitivity::Normal)
}

#[track_caller]
fn assert_found(text: &str, expected: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(r, t)| (format!("attribution.{r}"), t.to_string()))
        .collect();
    assert_eq!(found(text), expected, "attribution findings for {text:?}");
}

#[track_caller]
fn assert_none(text: &str) {
    assert_found(text, &[]);
}

#[test]
fn flags_mental_state_of_a_third_person() {
    assert_found(
        "Rubio knows that the main obstacle is Zelensky.",
        &[(
            "mental-state",
            "Rubio knows that the main obstacle is Zelensky",
        )],
    );
}

#[test]
fn mental_state_message_names_the_person_and_the_fix() {
    let config = Config::default();
    let findings = check(
        "Rubio knows that the main obstacle is Zelensky.",
        Markup::Plain,
        &Context::new(&config),
    );
    let message = &findings[0].message;
    assert!(message.contains("Rubio"), "{message}");
    assert!(message.contains("said"), "{message}");
}

#[test]
fn allows_the_writers_own_state_and_hypotheticals() {
    assert_none("I hope the talks go well. If Zelensky wants peace, he will call.");
}

#[test]
fn flags_consequence_clause_after_an_attributed_clause() {
    assert_found(
        "Zelensky called the memorandum “blackmail,” leaving Putin no choice but to escalate the war.",
        &[("causal", "leaving Putin no choice but to escalate the war")],
    );
}

#[test]
fn flags_superlative_and_record() {
    assert_found(
        "Russia fired the most intense drone strikes on Kyiv.",
        &[(
            "superlative",
            "Russia fired the most intense drone strikes on Kyiv",
        )],
    );
    assert_found(
        "It was the club's first win at home since 1958.",
        &[(
            "superlative",
            "It was the club's first win at home since 1958",
        )],
    );
}

#[test]
fn flags_statistics_but_not_dates_or_ages() {
    assert_found(
        "More than 230 people were wounded.",
        &[("statistic", "More than 230 people were wounded")],
    );
    assert_none("On March 14, 2024, the 53-year-old minister met 12 ambassadors at 9 a.m.");
}

#[test]
fn flags_prediction_stated_as_certain() {
    assert_found(
        "New sanctions would certainly set back peace talks.",
        &[(
            "certainty",
            "New sanctions would certainly set back peace talks",
        )],
    );
}

#[test]
fn flags_first_person_hedge_as_no_source() {
    assert_found(
        "We believe at least two of the boats were sunk.",
        &[(
            "certainty",
            "We believe at least two of the boats were sunk",
        )],
    );
}

#[test]
fn flags_loaded_characterisation() {
    assert_found(
        "Putin moved after a CIA-backed coup in Kyiv.",
        &[("contested", "Putin moved after a CIA-backed coup in Kyiv")],
    );
}

#[test]
fn flags_weasel_phrases_and_weasel_subjects() {
    assert_found(
        "Many experts believe the talks have stalled.",
        &[("weasel", "Many experts believe the talks have stalled")],
    );
    assert_found(
        "Critics said the plan was doomed.",
        &[("weasel", "Critics said the plan was doomed")],
    );
    assert_found(
        "There are some who say the war is over.",
        &[("weasel", "There are some who say the war is over")],
    );
}

#[test]
fn named_sources_cover_their_sentence() {
    assert_none("Lavrov told Rubio that Russia wants a ceasefire and fears more sanctions.");
    assert_none("More than 230 people were wounded, according to the West Berlin police.");
    assert_none("Russia's Foreign Ministry said the strikes were the most intense of the war.");
    assert_none("Lavrov, who met Rubio on Thursday, said Moscow knows what it wants.");
    assert_none("A report by the World Bank found that 40% of households were poor.");
}

#[test]
fn indefinite_and_bare_plural_sources_are_weasels() {
    assert_found(
        "Officials said the talks had stalled.",
        &[("weasel", "Officials said the talks had stalled")],
    );
    assert_found(
        "A new study has revealed that children lack iodine.",
        &[(
            "weasel",
            "A new study has revealed that children lack iodine",
        )],
    );
}

#[test]
fn attribution_carries_to_a_pronoun_sentence() {
    assert_none(
        "Lavrov met Rubio on Thursday, a State Department official said. He wants a ceasefire by May.",
    );
    assert_found(
        "Lavrov met Rubio on Thursday. He wants a ceasefire by May.",
        &[("mental-state", "He wants a ceasefire by May")],
    );
}

#[test]
fn quotations_with_speakers_before_after_or_interrupting() {
    assert_none("“I think it is new and different,” Rubio told reporters.");
    assert_none("Rubio said: “It is the biggest step we have taken in years.”");
    assert_none("“I think,” Rubio said, “it is the most important step since 1991.”");
    assert_none("Rubio spoke after the meeting. “We hope that can change and we will stay.”");
}

#[test]
fn flags_quotation_without_speaker() {
    assert_found(
        "The talks ended on Friday.\n\n“This changes everything for all of us.”\n\nThe delegates left.",
        &[("orphan-quote", "“This changes everything for all of us.”")],
    );
    assert_found(
        "As was said long ago, “the judgments of the Lord are true.”",
        &[("orphan-quote", "“the judgments of the Lord are true.”")],
    );
}

#[test]
fn scare_quotes_and_titles_are_not_orphans() {
    assert_none("Putin revealed his “memorandum” and his “substantive and frank exchange” plan.");
}

#[test]
fn quotation_continuing_into_next_paragraph_keeps_its_speaker() {
    assert_none(
        "“We will go on with the talks,” Rubio said. “It is a long road.\n\n“We hope it leads to peace, and soon.”",
    );
}

#[test]
fn claims_inside_attributed_quotations_are_not_flagged() {
    assert_none("“Putin knows the coup was CIA-backed,” Lavrov said.");
}

#[test]
fn opinion_is_left_alone_below_strict() {
    let text = "Trump should look at the most important progress he has made.";
    assert!(found(text).is_empty());
    assert_eq!(
        found_at(text, Sensitivity::Strict),
        vec![(
            "attribution.superlative".to_string(),
            "Trump should look at the most important progress he has made".to_string()
        )]
    );
}

#[test]
fn questions_assert_nothing() {
    assert_none("Why does Putin want the largest army in Europe?");
}

#[test]
fn relaxed_sensitivity_drops_figures_superlatives_and_causes() {
    let text = "More than 230 people were wounded in the deadliest attack, leading to panic.";
    assert!(!found(text).is_empty());
    assert!(found_at(text, Sensitivity::Relaxed).is_empty());
}

#[test]
fn possibility_is_not_a_causal_claim() {
    assert_none("Iodine deficiency can lead to serious health problems.");
}

#[test]
fn weasel_phrase_is_flagged_beside_an_attribution() {
    assert_found(
        "Allegedly, his sister pleaded with him, but he replied that he could not.",
        &[("weasel", "Allegedly")],
    );
}

#[test]
fn strict_sensitivity_flags_plain_predictions() {
    let text = "The talks will end within a month.";
    assert!(found(text).is_empty());
    assert_eq!(
        found_at(text, Sensitivity::Strict),
        vec![(
            "attribution.certainty".to_string(),
            "The talks will end within a month".to_string()
        )]
    );
    assert!(found_at("We will meet again in May.", Sensitivity::Strict).is_empty());
}

#[test]
fn paragraph_findings_depend_on_their_paragraph_only() {
    use crate::checks::Check;
    use crate::text::Analysis;
    let paragraph =
        "“We will win,” he said. Rubio knows the most intense strikes led to 230 deaths.";
    let per_paragraph = |before: &str| {
        let text = format!("{before}\n\n{paragraph}");
        let doc = Analysis::new(&text, Markup::Plain);
        let config = Config::default();
        let last = doc.paragraphs.len() - 1;
        let start = doc.paragraphs[last].span.start;
        super::Attribution
            .paragraph(&doc, last, &Context::new(&config))
            .into_iter()
            .map(|f| (f.rule, f.span.start - start, f.span.end - start, f.message))
            .collect::<Vec<_>>()
    };
    let after_plain = per_paragraph("The board met.");
    assert!(!after_plain.is_empty());
    assert_eq!(
        after_plain,
        per_paragraph("Critics said: “Nothing will change")
    );
}

#[test]
fn flags_intent_of_a_third_party() {
    assert_found(
        "Insurgent agents were in the city seeking to dissolve the Union.",
        &[(
            "mental-state",
            "Insurgent agents were in the city seeking to dissolve the Union",
        )],
    );
}

#[test]
fn leaves_the_speakers_own_purpose_alone() {
    assert_none("We sent the destroyers back seeking to avoid a wider war.");
}

#[test]
fn flags_a_private_act_only_an_insider_could_know() {
    assert_found(
        "The President later personally took action to allow the team in.",
        &[(
            "mental-state",
            "The President later personally took action to allow the team in",
        )],
    );
}

#[test]
fn flags_speculation_in_the_writers_voice() {
    assert_found(
        "The boat apparently sank after midnight.",
        &[("certainty", "The boat apparently sank after midnight")],
    );
}

#[test]
fn leaves_first_person_speculation_alone() {
    assert_none("I will probably go back to the lab next year.");
}

#[test]
fn flags_a_casualty_report_without_a_number() {
    assert_found(
        "There were no U. S. losses.",
        &[("statistic", "There were no U. S. losses")],
    );
}

#[test]
fn attributed_casualty_report_is_not_flagged() {
    assert_none("Two soldiers were killed, the army said.");
}

#[test]
fn flags_counts_in_words_and_approximations() {
    assert_found(
        "The army detained dozens of civilians at the posts.",
        &[(
            "statistic",
            "The army detained dozens of civilians at the posts",
        )],
    );
    assert_found(
        "Police evacuated about 80 people from the town.",
        &[(
            "statistic",
            "Police evacuated about 80 people from the town",
        )],
    );
}

#[test]
fn distances_are_not_figures() {
    assert_none("The team had to travel about 500 miles to the embassy.");
}

#[test]
fn flags_a_response_stated_as_fact() {
    assert_found(
        "The city raised the fee in response to the ruling.",
        &[(
            "causal",
            "The city raised the fee in response to the ruling",
        )],
    );
}

#[test]
fn flags_a_sentence_that_carries_on_an_unsourced_accusation() {
    assert_found(
        "Orders were sent from Tripoli to plan a massacre. Libya's agents then planted the bomb.",
        &[
            (
                "contested",
                "Orders were sent from Tripoli to plan a massacre",
            ),
            ("contested", "Libya's agents then planted the bomb"),
        ],
    );
}

#[test]
fn an_attributed_or_present_tense_sentence_does_not_carry_on_the_account() {
    assert_found(
        "Orders were sent from Tripoli to plan a massacre. The agents planted the bomb, police said.",
        &[(
            "contested",
            "Orders were sent from Tripoli to plan a massacre",
        )],
    );
    assert_found(
        "Orders were sent from Tripoli to plan a massacre. The Libyan people are a decent people.",
        &[(
            "contested",
            "Orders were sent from Tripoli to plan a massacre",
        )],
    );
}

#[test]
fn a_figure_alone_does_not_open_an_account() {
    assert_found(
        "More than 230 people were wounded. The police closed the street.",
        &[("statistic", "More than 230 people were wounded")],
    );
}

#[test]
fn the_account_does_not_cross_paragraphs() {
    assert_found(
        "Orders were sent from Tripoli to plan a massacre.\n\nThe ministers met in Rome on Thursday.",
        &[(
            "contested",
            "Orders were sent from Tripoli to plan a massacre",
        )],
    );
}

#[test]
fn leaves_speculation_addressed_to_the_reader_alone() {
    assert_none("You'd probably be having the cocktail at dessert time.");
}

#[test]
fn a_carried_on_account_stops_after_four_sentences() {
    let text = "Orders were sent from Tripoli to plan a massacre. The agents bought a car. \
The agents drove to Berlin. The agents met a courier. The agents rented a flat. \
The agents hid the bomb.";
    let found = found(text);
    assert_eq!(found.len(), 5, "{found:?}");
    assert_eq!(found[4].1, "The agents rented a flat");
}

#[test]
fn finds_the_subject_past_an_adverb_in_ly_a_coordination_or_a_relative() {
    assert_found(
        "A teacher mistakenly thought it resembled a bomb.",
        &[(
            "mental-state",
            "A teacher mistakenly thought it resembled a bomb",
        )],
    );
    assert_found(
        "Jafari heard of the incident and wanted to help him.",
        &[(
            "mental-state",
            "Jafari heard of the incident and wanted to help him",
        )],
    );
    assert_found(
        "The wall divides a people who wish to be joined together.",
        &[(
            "mental-state",
            "The wall divides a people who wish to be joined together",
        )],
    );
    // A noun "thought" and a possessive are no mental state.
    assert_none("A final thought: the lists are open to everyone.");
    assert_none("We read his wish list at the meeting.");
    assert_none("He later gave in to his father's wish and studied business.");
}

#[test]
fn flags_figures_in_words_and_trends() {
    assert_found(
        "A year earlier it was forty percent.",
        &[("statistic", "A year earlier it was forty percent")],
    );
    assert_found(
        "Unemployment has fallen sharply across the region.",
        &[(
            "statistic",
            "Unemployment has fallen sharply across the region",
        )],
    );
    assert_found(
        "The festival grows in popularity every year.",
        &[("statistic", "The festival grows in popularity every year")],
    );
    // Nothing says what was measured.
    assert_none("Things have grown steadily since then.");
}

#[test]
fn a_report_in_a_time_clause_is_no_weasel() {
    assert_none("After news of the arrest was reported, the boy received letters.");
    assert_found(
        "Two arrests were reported on Monday.",
        &[("weasel", "Two arrests were reported on Monday")],
    );
}

#[test]
fn a_request_or_order_covers_nothing() {
    assert_found(
        "Trump personally asked the council to help the girls.",
        &[(
            "mental-state",
            "Trump personally asked the council to help the girls",
        )],
    );
    assert_none("Trump told reporters that the talks went well.");
}

#[test]
fn plural_nouns_that_look_like_reporting_verbs_attribute_nothing() {
    assert_none("Paris also claims that the ship was a prison.");
    assert_found(
        "His record against the neighboring states is long. He ordered the murder of exiles.",
        &[("contested", "He ordered the murder of exiles")],
    );
    // An infinitive reports nothing yet: "studies" is no weasel source here.
    assert_none("I needed an internship for my studies, and decided to write to professors.");
}

#[test]
fn a_quotation_with_a_common_noun_speaker_is_no_orphan() {
    assert_none("“This is blackmail, pure and simple,” the letter continued.");
    assert_none("One poster on the forum writing: “We will not stop until it is gone.”");
    assert_found(
        "“This changes everything for all of us.”",
        &[("orphan-quote", "“This changes everything for all of us.”")],
    );
}

#[test]
fn flags_certainty_words() {
    assert_found(
        "Their guilt is irrefutable.",
        &[("certainty", "Their guilt is irrefutable")],
    );
}

#[test]
fn a_pronoun_after_a_connective_continues_the_account() {
    assert_none("Lavrov told Rubio that Russia wants peace. But he knows the talks have stalled.");
}

#[test]
fn flags_a_general_cause_in_the_present_tense() {
    assert_found(
        "Climate change affects the distribution of pests.",
        &[("causal", "Climate change affects the distribution of pests")],
    );
    assert_found(
        "However, global warming also increases the probability of floods.",
        &[(
            "causal",
            "global warming also increases the probability of floods",
        )],
    );
}

#[test]
fn a_causal_verb_in_a_condition_or_without_object_is_no_cause() {
    assert_none(
        "A consequence of this law is that if the velocity increases then the pressure falls.",
    );
    assert_none("The air velocity increases.");
    assert_none("We hope it improves.");
}

#[test]
fn flags_a_trend_with_what_was_measured_for_object() {
    assert_found(
        "Mozilla Firefox has been actively increasing its market share.",
        &[(
            "statistic",
            "Mozilla Firefox has been actively increasing its market share",
        )],
    );
    assert_none("Ground-level ozone increases with temperatures.");
}

#[test]
fn leaves_a_hypothetical_sentence_alone() {
    assert_none(
        "If someone were able to shut the system down, or hack inside and corrupt the \
         information, it could affect the prosecution of the lawbreakers.",
    );
    // An "if" without a modal of condition in the main clause is no hypothetical.
    assert_found(
        "If nothing else, the coup failed.",
        &[("contested", "the coup failed")],
    );
}

#[test]
fn a_hypothetical_keeps_a_prediction_stated_as_certain() {
    assert_found(
        "If he signs onto more sanctions, Trump would certainly set back peace talks.",
        &[("certainty", "Trump would certainly set back peace talks")],
    );
}

#[test]
fn flags_an_agentless_passive_of_judgement() {
    assert_found(
        "The bridge is widely considered to be unsafe.",
        &[("weasel", "The bridge is widely considered to be unsafe")],
    );
    assert_found(
        "He has been described as a recluse.",
        &[("weasel", "He has been described as a recluse")],
    );
    // An agent, a name, a possibility or an attribution covering the words: no weasel.
    assert_none("The bridge is considered unsafe by the city engineer.");
    assert_none("The island is known as Manhattan.");
    assert_none("Such effects can be expected to fade.");
    assert_none("Heald said that the two are known to affect crop yields.");
}

#[test]
fn a_vague_quantity_of_any_plural_is_a_weasel_source() {
    assert_found(
        "Many parents say the school is failing.",
        &[("weasel", "Many parents say the school is failing")],
    );
}

#[test]
fn recency_is_no_superlative() {
    assert_none("They use the newest markup language.");
}

#[test]
fn a_target_is_no_figure() {
    assert_none("Its goal is to decrease IE6 users to less than one percent.");
    assert_found(
        "The share fell to less than one percent.",
        &[("statistic", "The share fell to less than one percent")],
    );
}

#[test]
fn a_reference_marker_after_a_sentence_cites_it() {
    assert_none(
        "The opera was staged in Vienna in 1901, leading to many more performances abroad. [3]",
    );
    assert_none("The bridge is the longest in the region, [12] and it opened in 1998.");
    // With no marker the same clauses are flagged.
    assert_found(
        "The opera was staged in Vienna in 1901, leading to many more performances abroad.",
        &[("causal", "leading to many more performances abroad")],
    );
}

#[test]
fn a_reference_marker_covers_only_what_comes_before_it() {
    assert_found(
        "The club was founded in 1902 [4], and it is the oldest in the league.",
        &[("superlative", "and it is the oldest in the league")],
    );
}

#[test]
fn brackets_that_are_not_reference_markers_cite_nothing() {
    // An editorial insertion and a capital letter are not markers.
    assert_found(
        "The storm [of 1953] caused the largest flood on record.",
        &[(
            "causal",
            "The storm [of 1953] caused the largest flood on record",
        )],
    );
    assert_found(
        "The tower is the tallest in Europe [A].",
        &[("superlative", "The tower is the tallest in Europe [A")],
    );
}

#[test]
fn an_ordinal_record_since_a_year_is_a_superlative() {
    assert_found(
        "Against the Cubs, she became only the second pitcher since 1950 to throw two shutouts in a week.",
        &[(
            "superlative",
            "she became only the second pitcher since 1950 to throw two shutouts in a week",
        )],
    );
    // An ordinal with no "since" orders events; it claims no record.
    assert_none("She pitched the second game of the series in Denver.");
}
