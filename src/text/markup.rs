//! Which parts of a draft are prose.
//!
//! Checks never see markup. [`Prose::from_text`] returns a copy of the text of exactly the
//! same byte length in which everything that is not prose (Markdown syntax, code, link
//! targets, HTML, front matter, ignore comments) is blanked to spaces, line breaks kept.
//! Because offsets are unchanged, every span found in the prose points into the original.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The markup language of a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Markup {
    #[default]
    Plain,
    Markdown,
}

impl Markup {
    /// From a file name: `.md`, `.markdown`, `.mdown`, `.mkd` are Markdown, the rest plain.
    pub fn from_path(path: &std::path::Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Markup::Markdown,
            _ => Markup::Plain,
        }
    }

    /// From an LSP language id.
    pub fn from_language_id(id: &str) -> Self {
        if id.eq_ignore_ascii_case("markdown") {
            Markup::Markdown
        } else {
            Markup::Plain
        }
    }
}

/// The prose of a draft, as a same-length masked copy, plus block boundaries.
#[derive(Clone, Debug)]
pub struct Prose {
    /// The text with non-prose blanked; same byte length as the original.
    pub text: String,
    /// Offsets where a block (paragraph, heading, list item, table cell) starts or ends;
    /// paragraphs never span one. Sorted.
    pub block_breaks: Vec<usize>,
    /// The YAML front matter's content, if any (Markdown only).
    pub front_matter: Option<Range<usize>>,
}

static HTML_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));

impl Prose {
    pub fn from_text(text: &str, markup: Markup) -> Self {
        Self::from_text_into(String::new(), text, markup)
    }

    /// [`Prose::from_text`], writing plain prose into `buffer`'s allocation.
    pub fn from_text_into(buffer: String, text: &str, markup: Markup) -> Self {
        match markup {
            Markup::Plain => plain(buffer, text),
            Markup::Markdown => markdown(text),
        }
    }
}

fn plain(mut buffer: String, text: &str) -> Prose {
    let comments: Vec<_> = HTML_COMMENT.find_iter(text).map(|c| c.range()).collect();
    let text = if comments.is_empty() {
        buffer.clear();
        buffer.push_str(text);
        buffer
    } else {
        let mut keep = vec![true; text.len()];
        for comment in comments {
            keep[comment].fill(false);
        }
        mask(text, &keep)
    };
    Prose {
        text,
        block_breaks: Vec::new(),
        front_matter: None,
    }
}

fn markdown(text: &str) -> Prose {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut keep = vec![false; text.len()];
    let mut block_breaks = Vec::new();
    let mut front_matter = None;
    // Depth of containers whose text is not prose (code blocks, metadata, link targets are
    // never emitted as text, so they need no tracking).
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                match tag {
                    Tag::CodeBlock(_) | Tag::HtmlBlock => skip_depth += 1,
                    Tag::MetadataBlock(_) => {
                        skip_depth += 1;
                        front_matter = Some(range.clone());
                    }
                    _ => {}
                }
                if is_block(&tag) {
                    block_breaks.push(range.start);
                    block_breaks.push(range.end);
                }
            }
            Event::End(tag_end) => {
                if matches!(
                    tag_end,
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)
                ) {
                    skip_depth = skip_depth.saturating_sub(1);
                }
            }
            Event::Text(_) if skip_depth == 0 => {
                if let Some(slot) = keep.get_mut(range) {
                    slot.fill(true);
                }
            }
            _ => {}
        }
    }
    block_breaks.sort_unstable();
    block_breaks.dedup();
    Prose {
        text: mask(text, &keep),
        block_breaks,
        front_matter,
    }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_)
    )
}

/// Blanks every byte not marked `keep`, except line breaks, one space per byte, so char
/// boundaries and offsets stay where they were.
fn mask(text: &str, keep: &[bool]) -> String {
    // Byte by byte (it vectorises): every range in `keep` starts and ends on a character
    // boundary, so a character is kept or blanked whole, one space per byte.
    let bytes: Vec<u8> = text
        .bytes()
        .zip(keep)
        .map(|(b, &k)| {
            if k || b == b'\n' || b == b'\r' {
                b
            } else {
                b' '
            }
        })
        .collect();
    String::from_utf8(bytes).unwrap_or_else(|_| mask_by_char(text, keep))
}

/// [`mask`] for a `keep` that would split a character: never seen, kept for safety.
fn mask_by_char(text: &str, keep: &[bool]) -> String {
    let mut out = String::with_capacity(text.len());
    for (offset, ch) in text.char_indices() {
        if keep[offset] || ch == '\n' || ch == '\r' {
            out.push(ch);
        } else {
            out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(md: &str) -> String {
        let p = Prose::from_text(md, Markup::Markdown);
        assert_eq!(p.text.len(), md.len());
        p.text
    }

    #[test]
    fn blanks_code_links_html_and_front_matter() {
        let md = "---\ndate: 2025-07-11\n---\n# Héading\n\nSee [the “report”](https://x.org/a) and `as as`.\n\n```\nas as\n```\n<div>as as</div>\n";
        let out = prose(md);
        assert!(!out.contains("date"));
        assert!(out.contains("Héading"));
        assert!(out.contains("the “report”"));
        assert!(!out.contains("x.org"));
        assert!(!out.contains("as as"));
        assert!(!out.contains('#'));
    }

    #[test]
    fn records_front_matter_and_blocks() {
        let md = "---\ndate: 2025-07-11\n---\nOne para.\n\n- item one\n- item two\n";
        let p = Prose::from_text(md, Markup::Markdown);
        let fm = p.front_matter.expect("front matter");
        assert!(md[fm].contains("date: 2025-07-11"));
        assert!(p.block_breaks.len() >= 4);
    }

    #[test]
    fn plain_text_blanks_only_ignore_comments() {
        let text = "as “as” <!-- copydesk-disable -->\n# not a heading";
        let p = Prose::from_text(text, Markup::Plain);
        assert_eq!(p.text.len(), text.len());
        assert!(p.text.contains("# not a heading"));
        assert!(!p.text.contains("copydesk-disable"));
    }
}
