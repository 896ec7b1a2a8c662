//! The date at which ages are computed.
//!
//! First found: `--published`, a `date:` in Markdown front matter, the facts file's
//! `published`, a dateline date near the top of the draft, today.

use crate::checks::Context;
use crate::facts::Date;
use crate::text::Analysis;
use crate::text::people::find_date;

/// Where a publication date came from, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    CommandLine,
    FrontMatter,
    FactsFile,
    Dateline,
    Today,
}

/// A dateline paragraph is short (`Saturday, September 12, 2015`) or opens with the date
/// (`WASHINGTON, March 3, 2025 —`); only the first few paragraphs are looked at.
const DATELINE_PARAGRAPHS: usize = 3;
const DATELINE_REACH: usize = 80;

pub fn publication_date(doc: &Analysis, ctx: &Context) -> (Date, Source) {
    if let Some(date) = ctx.published {
        return (date, Source::CommandLine);
    }
    if let Some(date) = front_matter_date(doc) {
        return (date, Source::FrontMatter);
    }
    if let Some(date) = ctx.facts.and_then(|f| f.published) {
        return (date, Source::FactsFile);
    }
    if let Some(date) = dateline_date(doc) {
        return (date, Source::Dateline);
    }
    (Date::today(), Source::Today)
}

fn front_matter_date(doc: &Analysis) -> Option<Date> {
    let block = doc.text.get(doc.prose.front_matter.clone()?)?;
    block.lines().find_map(|line| {
        let value = line.trim().strip_prefix("date:")?;
        let value = value.trim().trim_matches(['"', '\'']);
        Date::parse(value).or_else(|| find_date(value).map(|d| d.0))
    })
}

fn dateline_date(doc: &Analysis) -> Option<Date> {
    doc.paragraphs
        .iter()
        .take(DATELINE_PARAGRAPHS)
        .find_map(|p| {
            let head = doc.prose().get(p.span.clone())?;
            let (date, span) = find_date(head)?;
            (span.start <= DATELINE_REACH && (span.end + 2 >= head.len() || span.start < 40))
                .then_some(date)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use crate::facts::Facts;
    use crate::text::Markup;

    fn date(text: &str, markup: Markup, ctx: &Context) -> (Date, Source) {
        publication_date(&Analysis::new(text, markup), ctx)
    }

    #[test]
    fn order_of_sources() {
        let config = Config::default();
        let facts = Facts {
            published: Date::new(2025, 7, 11),
            ..Facts::default()
        };
        let md = "---\ndate: 2024-01-02\n---\nSaturday, September 12, 2015\n\nText.";
        let mut ctx = Context::new(&config);
        ctx.facts = Some(&facts);
        ctx.published = Date::new(2023, 5, 6);
        assert_eq!(
            date(md, Markup::Markdown, &ctx),
            (Date::new(2023, 5, 6).unwrap(), Source::CommandLine)
        );
        ctx.published = None;
        assert_eq!(
            date(md, Markup::Markdown, &ctx),
            (Date::new(2024, 1, 2).unwrap(), Source::FrontMatter)
        );
        let plain = "Saturday, September 12, 2015\n\nText.";
        assert_eq!(
            date(plain, Markup::Plain, &ctx),
            (Date::new(2025, 7, 11).unwrap(), Source::FactsFile)
        );
        ctx.facts = None;
        assert_eq!(
            date(plain, Markup::Plain, &ctx),
            (Date::new(2015, 9, 12).unwrap(), Source::Dateline)
        );
        assert_eq!(date("Text only.", Markup::Plain, &ctx).1, Source::Today);
    }

    #[test]
    fn dates_deep_in_the_story_are_not_datelines() {
        let config = Config::default();
        let ctx = Context::new(&config);
        let text = "Lede paragraph that runs on for a while about many things before it says that Putin seized Crimea March 1, 2014.";
        assert_eq!(date(text, Markup::Plain, &ctx).1, Source::Today);
        let text = "WASHINGTON, March 3, 2025 — The Senate voted.";
        assert_eq!(
            date(text, Markup::Plain, &ctx),
            (Date::new(2025, 3, 3).unwrap(), Source::Dateline)
        );
    }
}
