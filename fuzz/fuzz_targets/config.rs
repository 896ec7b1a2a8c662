//! copydesk.toml, editor settings and facts files: errors, never panics.
#![no_main]

use copydesk::Config;
use copydesk::facts::Facts;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Config::parse(&text, Path::new("copydesk.toml"));
    let _ = Facts::parse(&text, Path::new("facts.toml"));
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
        let _ = Config::default().apply_json(value);
    }
});
