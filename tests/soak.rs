//! Soak: a scripted client opens 20 drafts and sends 10,000 random edits and requests over
//! stdio. At the end the server's diagnostics equal a fresh full check of the final
//! texts, it answered every request, and its peak memory stayed bounded.

mod common;

use common::LspClient;
use copydesk::document::{Document, LineCol, PositionEncoding, TextChange, position_at};
use copydesk::{Config, Context, Markup};
use ropey::Rope;
use serde_json::{Value, json};

const DRAFTS: usize = 20;
const EDITS: usize = 10_000;
const PEAK_MEMORY_LIMIT_MB: u64 = 400;

const INSERTS: &[&str] = &[
    "a",
    " ",
    "the the ",
    "“",
    "”",
    "😀",
    "\r\n",
    "\n\n",
    "Зеленський ",
    "—",
    "e\u{301}",
    "was was",
    ". ",
    "",
];

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn uri(i: usize) -> String {
    format!(
        "file:///soak/draft-{i:02}.{}",
        if i.is_multiple_of(2) { "txt" } else { "md" }
    )
}

fn markup(i: usize) -> Markup {
    if i.is_multiple_of(2) {
        Markup::Plain
    } else {
        Markup::Markdown
    }
}

/// A random position, sometimes past the end of its line or of the text.
fn random_position(rng: &mut Rng, rope: &Rope) -> LineCol {
    let line = rng.below(rope.len_lines() + 1);
    let width = if line < rope.len_lines() {
        rope.line(line).len_chars() + 2
    } else {
        3
    };
    LineCol {
        line: line as u32,
        col: rng.below(width) as u32,
    }
}

/// (rule, start, end) with (line, UTF-16 column) positions.
type Ranges = Vec<(String, (u32, u32), (u32, u32))>;

fn expected_ranges(text: &str, markup: Markup) -> Ranges {
    let config = Config::default();
    let rope = Rope::from_str(text);
    copydesk::check(text, markup, &Context::new(&config))
        .into_iter()
        .map(|f| {
            let s = position_at(&rope, f.span.start, PositionEncoding::Utf16);
            let e = position_at(&rope, f.span.end, PositionEncoding::Utf16);
            (f.rule.to_string(), (s.line, s.col), (e.line, e.col))
        })
        .collect()
}

fn published_ranges(diagnostics: &[Value]) -> Ranges {
    let pos = |p: &Value| {
        (
            p["line"].as_u64().unwrap() as u32,
            p["character"].as_u64().unwrap() as u32,
        )
    };
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                pos(&d["range"]["start"]),
                pos(&d["range"]["end"]),
            )
        })
        .collect()
}

#[test]
fn ten_thousand_random_edits_and_requests() {
    let seed_text = include_str!("fixtures/seed.txt");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut client = LspClient::spawn();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": {"debounceMs": 20}}),
    );
    client.notify("initialized", json!({}));
    let mut docs: Vec<Document> = Vec::new();
    for i in 0..DRAFTS {
        let start = rng.below(seed_text.len() / 2);
        let start = (start..seed_text.len())
            .find(|&s| seed_text.is_char_boundary(s))
            .unwrap_or(0);
        let text = &seed_text[start..];
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(i), "languageId": if i.is_multiple_of(2) { "plaintext" } else { "markdown" }, "version": 1, "text": text}}),
        );
        docs.push(Document::new(text, 1));
    }
    let mut requests = 0;
    for n in 0..EDITS {
        let i = rng.below(DRAFTS);
        let doc = &mut docs[i];
        let start = random_position(&mut rng, doc.rope());
        let end = if rng.below(3) == 0 {
            random_position(&mut rng, doc.rope())
        } else {
            start
        };
        let insert = INSERTS[rng.below(INSERTS.len())];
        let version = doc.version() + 1;
        let change = TextChange {
            range: Some((start, end)),
            text: insert.to_string(),
        };
        doc.apply_changes(&[change], version, PositionEncoding::Utf16);
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(i), "version": version},
                "contentChanges": [{"range": {"start": {"line": start.line, "character": start.col}, "end": {"line": end.line, "character": end.col}}, "text": insert}]
            }),
        );
        if n.is_multiple_of(100) {
            let response = client.request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri(i)}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}, "context": {"diagnostics": []}}),
            );
            assert!(response.get("result").is_some(), "{response}");
            requests += 1;
        }
    }
    for (i, doc) in docs.iter().enumerate() {
        let published = client.diagnostics(&uri(i), i64::from(doc.version()));
        assert_eq!(
            published_ranges(&published),
            expected_ranges(&doc.text(), markup(i)),
            "draft {i}"
        );
    }
    let peak_mb = common::peak_memory_kb(client.pid()) / 1024;
    eprintln!(
        "soak: {DRAFTS} drafts, {EDITS} edits, {requests} requests, server peak memory {peak_mb} MB"
    );
    assert!(peak_mb < PEAK_MEMORY_LIMIT_MB, "peak memory {peak_mb} MB");
    assert_eq!(client.shutdown(), Some(0));
}
