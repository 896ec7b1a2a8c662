//! Checking after an edit through an incremental session gives exactly what a full check
//! of the new text gives.

use copydesk::incremental::Session;
use copydesk::{Config, Context, Markup};
use proptest::prelude::*;

const SEED: &str = include_str!("fixtures/seed.txt");

fn edit() -> impl Strategy<Value = (prop::sample::Index, prop::sample::Index, String)> {
    let insert = prop_oneof![
        Just(String::new()),
        Just("x".to_string()),
        Just(" ".to_string()),
        Just("\n\n".to_string()),
        Just("the the ".to_string()),
        Just("“".to_string()),
        Just("Mr. ".to_string()),
        Just("Yanukoych ".to_string()),
        Just(", 61,".to_string()),
        Just("😀".to_string()),
        "[A-Za-z ]{1,8}",
    ];
    (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        insert,
    )
}

fn boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn session_matches_full_check_after_every_edit(
        edits in prop::collection::vec(edit(), 1..8),
        markdown in any::<bool>(),
    ) {
        let config = Config::default();
        let ctx = Context::new(&config);
        let markup = if markdown { Markup::Markdown } else { Markup::Plain };
        let mut session = Session::new();
        let mut text = SEED.to_string();
        prop_assert_eq!(session.check(&text, markup, &ctx), copydesk::check(&text, markup, &ctx));
        for (a, b, insert) in edits {
            let (mut start, mut end) = (boundary(&text, a.index(text.len() + 1)), boundary(&text, b.index(text.len() + 1)));
            if start > end {
                std::mem::swap(&mut start, &mut end);
            }
            // Single-character-sized edits mostly: keep deletions short.
            let end = boundary(&text, end.min(start + 12));
            text.replace_range(start..end, &insert);
            prop_assert_eq!(session.check(&text, markup, &ctx), copydesk::check(&text, markup, &ctx));
        }
    }
}

#[test]
fn a_config_change_is_not_served_from_the_cache() {
    let mut session = Session::new();
    let text = "It was was fine.\n\nAnother paragraph.\n";
    let on = Config::default();
    assert_eq!(
        session.check(text, Markup::Plain, &Context::new(&on)).len(),
        1
    );
    let (off, _) = Config::parse(
        "[rules]\nspelling = \"off\"\n",
        std::path::Path::new("c.toml"),
    )
    .unwrap();
    assert!(
        session
            .check(text, Markup::Plain, &Context::new(&off))
            .is_empty()
    );
}
