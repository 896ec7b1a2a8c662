//! Any text, plain or Markdown, through the whole pipeline: no panic, spans in bounds and
//! on char boundaries.
#![no_main]

use copydesk::{Config, Context, Markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let markup = if selector & 1 == 0 {
        Markup::Plain
    } else {
        Markup::Markdown
    };
    let config = Config::default();
    for finding in copydesk::check(&text, markup, &Context::new(&config)) {
        assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
        assert!(
            text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end)
        );
    }
});
