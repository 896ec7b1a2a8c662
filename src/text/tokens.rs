//! Words, numbers, URLs and the like, with their byte spans.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What a token is. Checks decide per kind what to look at: spelling skips everything but
/// `Word`, the statistics rule reads `Number`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with internal apostrophes (straight or curly) and hyphens:
    /// `Zelensky’s`, `hasn't`, `pro-Western`, `land-for-peace`.
    Word,
    /// Digits with internal `.` or `,` and an optional `%`: `2014`, `3.5`, `1,000`, `4%`.
    Number,
    /// Digits and letters together: `30-day`, `53-year-old`, `1990s`, `5km`, `COVID-19`.
    Mixed,
    /// Dotted initials: `U.S.`, `a.m.`, `e.g.`.
    Abbreviation,
    Url,
    Email,
    /// A bare domain name: `OnlineColumnist.com`.
    Domain,
    /// `@handle`.
    Handle,
    /// `#tag`.
    Hashtag,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: TokenKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// True for characters that continue a word: letters, digits and combining marks.
pub fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_combining_mark(ch)
}

fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Apostrophes that may sit inside a word.
pub fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '’' | 'ʼ')
}

/// Hyphens that join a compound (not dashes).
pub fn is_hyphen(ch: char) -> bool {
    matches!(ch, '-' | '\u{2010}' | '\u{2011}')
}

static SPECIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<url>\b(?:https?://|ftp://|www\.)[^\s<>“”]+)",
        r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
        r"|(?P<domain>\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|edu|gov|mil|int|info|biz|io|co|uk|us|ca|de|fr|ru|ua|eu|au|in|jp|cn|nl|se|no|es|it|ch|at|be|me|tv|ai|app|dev|news|ly|gl)\b)",
        r"|(?P<handle>@\w+)",
        r"|(?P<tag>#\w+)",
    ))
    .expect("valid regex")
});

/// Tokenises `text[range]`, appending to `out`. Offsets are absolute.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let mut pos = 0;
    let specials = might_hold_special(slice).then(|| SPECIAL.captures_iter(slice));
    for caps in specials.into_iter().flatten() {
        let Some((kind, span)) = special_token(slice, &caps) else {
            continue;
        };
        if span.start < pos {
            continue;
        }
        words(slice, pos..span.start, range.start, out);
        out.push(Token {
            span: range.start + span.start..range.start + span.end,
            kind,
        });
        pos = span.end;
    }
    words(slice, pos..slice.len(), range.start, out);
}

/// Whether `slice` has what every [`SPECIAL`] match needs: `@`, `#`, `://`, `www.`, or a
/// dot before a letter (a domain's ending). Most sentences have none, and the scan costs
/// far less than the regex's Unicode word boundaries.
fn might_hold_special(slice: &str) -> bool {
    let bytes = slice.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'@' | b'#' => true,
        b'.' => {
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            next.is_ascii_alphabetic()
                || next >= 0x80
                || (i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www"))
        }
        b':' => bytes.get(i + 1..i + 3) == Some(b"//"),
        _ => false,
    })
}

/// Classifies a match, trimming trailing punctuation from URLs and rejecting handles and
/// tags glued to a word (`C#` is not a tag).
fn special_token(slice: &str, caps: &regex::Captures) -> Option<(TokenKind, Range<usize>)> {
    let m = caps.get(0)?.range();
    let glued = slice[..m.start]
        .chars()
        .next_back()
        .is_some_and(is_word_char);
    if caps.name("url").is_some() {
        let url = &slice[m.clone()];
        let trimmed =
            url.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '’', '\'', '"', ']']);
        return Some((TokenKind::Url, m.start..m.start + trimmed.len()));
    }
    if caps.name("email").is_some() {
        return Some((TokenKind::Email, m));
    }
    if caps.name("domain").is_some() {
        // "end.Next" (a missing space) is not a domain: the part after the last dot of a
        // domain is written in lower case.
        let tld = slice[m.clone()].rsplit('.').next().unwrap_or("");
        return (tld.chars().all(|c| c.is_ascii_lowercase()) && !glued)
            .then_some((TokenKind::Domain, m));
    }
    if glued {
        return None;
    }
    if caps.name("handle").is_some() {
        return Some((TokenKind::Handle, m));
    }
    Some((TokenKind::Hashtag, m))
}

/// Word, number and abbreviation tokens in `slice[range]`.
fn words(slice: &str, range: Range<usize>, base: usize, out: &mut Vec<Token>) {
    thread_local! {
        // Reused: one allocation per thread, not one per stretch of text.
        static CHARS: std::cell::RefCell<Vec<(usize, char)>> = const {
            std::cell::RefCell::new(Vec::new())
        };
    }
    CHARS.with_borrow_mut(|chars| {
        chars.clear();
        chars.extend(slice[range.clone()].char_indices());
        words_in(&slice[range.clone()], chars, range.start + base, out);
    });
}

fn words_in(part: &str, chars: &[(usize, char)], base: usize, out: &mut Vec<Token>) {
    let mut i = 0;
    while i < chars.len() {
        let (start, ch) = chars[i];
        if !is_word_char(ch) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut has_digit = ch.is_numeric();
        let mut has_letter = !has_digit;
        // Dotted initials first: U.S., a.m., e.g.
        if let Some(end) = dotted_initials(chars, i) {
            let end_byte = chars.get(end).map_or(part.len(), |c| c.0);
            out.push(Token {
                span: base + start..base + end_byte,
                kind: TokenKind::Abbreviation,
            });
            i = end;
            continue;
        }
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                has_digit |= c.is_numeric();
                has_letter |= !c.is_numeric();
                j += 1;
                continue;
            }
            let next_is_word = chars.get(j + 1).is_some_and(|n| is_word_char(n.1));
            let joins = next_is_word
                && (is_apostrophe(c) && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic())
                    || is_hyphen(c)
                    || (matches!(c, '.' | ',')
                        && chars[j - 1].1.is_ascii_digit()
                        && chars[j + 1].1.is_ascii_digit()));
            if !joins {
                break;
            }
            j += 1;
        }
        let mut end_byte = chars.get(j).map_or(part.len(), |c| c.0);
        let kind = if has_digit && !has_letter {
            if chars.get(j).is_some_and(|c| c.1 == '%') {
                end_byte += 1;
                j += 1;
            }
            TokenKind::Number
        } else if has_digit {
            TokenKind::Mixed
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: base + start..base + end_byte,
            kind,
        });
        i = j;
    }
}

/// If `chars[i..]` starts with letter-dot-letter-dot (`U.S.`), the index after the last dot.
fn dotted_initials(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut k = i;
    let mut groups = 0;
    while k + 1 < chars.len() && chars[k].1.is_alphabetic() && chars[k + 1].1 == '.' {
        // each group is a single letter: the char before must not be a letter
        if k > i && chars[k - 1].1 != '.' {
            break;
        }
        groups += 1;
        k += 2;
        if !chars.get(k).is_some_and(|c| c.1.is_alphabetic())
            || chars.get(k + 1).is_some_and(|c| is_word_char(c.1))
        {
            break;
        }
    }
    (groups >= 2).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        out.into_iter().map(|t| (&text[t.span], t.kind)).collect()
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        use TokenKind::*;
        assert_eq!(
            toks("Zelensky’s hasn't a CIA-backed land-for-peace ‘deal’"),
            vec![
                ("Zelensky’s", Word),
                ("hasn't", Word),
                ("a", Word),
                ("CIA-backed", Word),
                ("land-for-peace", Word),
                ("deal", Word)
            ]
        );
    }

    #[test]
    fn numbers_and_mixed() {
        use TokenKind::*;
        assert_eq!(
            toks("53-year-old, 2014, 3.5 and 1,000 rose 4% in the 1990s."),
            vec![
                ("53-year-old", Mixed),
                ("2014", Number),
                ("3.5", Number),
                ("and", Word),
                ("1,000", Number),
                ("rose", Word),
                ("4%", Number),
                ("in", Word),
                ("the", Word),
                ("1990s", Mixed)
            ]
        );
    }

    #[test]
    fn urls_emails_domains_handles_tags() {
        use TokenKind::*;
        assert_eq!(
            toks(
                "See https://example.org/a?b=1. Mail ed@news.co.uk, read OnlineColumnist.com, @copydesk #fact."
            ),
            vec![
                ("See", Word),
                ("https://example.org/a?b=1", Url),
                ("Mail", Word),
                ("ed@news.co.uk", Email),
                ("read", Word),
                ("OnlineColumnist.com", Domain),
                ("copydesk", Word),
                ("fact", Word)
            ]
            .into_iter()
            .map(|(t, k)| if t == "copydesk" {
                ("@copydesk", Handle)
            } else if t == "fact" {
                ("#fact", Hashtag)
            } else {
                (t, k)
            })
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn missing_space_is_not_a_domain() {
        assert_eq!(
            toks("the end.Next"),
            vec![
                ("the", TokenKind::Word),
                ("end", TokenKind::Word),
                ("Next", TokenKind::Word)
            ]
        );
    }

    #[test]
    fn dotted_abbreviations() {
        use TokenKind::*;
        assert_eq!(
            toks("U.S.-Russian ties at 9 a.m. John M. Curtis"),
            vec![
                ("U.S.", Abbreviation),
                ("Russian", Word),
                ("ties", Word),
                ("at", Word),
                ("9", Number),
                ("a.m.", Abbreviation),
                ("John", Word),
                ("M", Word),
                ("Curtis", Word)
            ]
        );
    }

    #[test]
    fn cyrillic_and_combining_marks() {
        assert_eq!(
            toks("Зеленський Dvor\u{30C}ák"),
            vec![
                ("Зеленський", TokenKind::Word),
                ("Dvor\u{30C}ák", TokenKind::Word)
            ]
        );
    }
}
