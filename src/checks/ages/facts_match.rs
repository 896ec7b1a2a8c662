//! Which facts-file entry a person of the draft is.
//!
//! By full name or alias (first and last word, folded: `Erdoğan` matches `Erdogan`, a
//! middle name may be left out), and by surname alone only when that surname belongs to
//! one person in the draft and one entry in the file.

use crate::facts::{Facts, Person as FactsPerson};
use crate::text::people::{People, fold, given_names_agree};
use std::collections::HashMap;

/// Facts entry for each person of the draft (`None` when none matches).
pub fn match_people<'f>(people: &People, facts: &'f Facts) -> Vec<Option<&'f FactsPerson>> {
    // (first, last) folded -> entry; last -> entries.
    let mut by_full: HashMap<(String, String), usize> = HashMap::new();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, person) in facts.people.iter().enumerate() {
        for name in std::iter::once(&person.name).chain(&person.aliases) {
            if let Some((first, last)) = first_last(name) {
                by_full.entry((first, last.clone())).or_insert(index);
                let entries = by_surname.entry(last).or_default();
                if !entries.contains(&index) {
                    entries.push(index);
                }
            }
        }
    }
    let mut persons_per_surname: HashMap<&str, usize> = HashMap::new();
    for person in &people.persons {
        *persons_per_surname.entry(&*person.key).or_default() += 1;
    }
    people
        .persons
        .iter()
        .map(|person| {
            let introduction = person.introduction.map(|m| &people.mentions[m]);
            if let Some(given) = introduction.and_then(|m| m.given_key.clone())
                && let Some(&entry) = by_full.get(&(given.to_string(), person.key.to_string()))
            {
                return Some(&facts.people[entry]);
            }
            let entries = by_surname.get(&*person.key)?;
            let unique = entries.len() == 1 && persons_per_surname.get(&*person.key) == Some(&1);
            let entry = &facts.people[*entries.first()?];
            // A different first name in the draft is another person, however unique.
            let compatible = match (&person.given_key, first_last(&entry.name)) {
                (Some(given), Some((first, _))) => given_names_agree(given, &first),
                _ => true,
            };
            (unique && compatible).then_some(entry)
        })
        .collect()
}

/// Folded first and last word of a name, generational suffixes dropped.
fn first_last(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.trim_end_matches(['.', ',']),
                "Jr" | "Sr" | "II" | "III" | "IV"
            )
        })
        .collect();
    let last = fold(words.last()?);
    let first = fold(words.first()?);
    Some((first, last))
}
