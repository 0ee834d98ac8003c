//! An article's title, byline, date and outlet, from its metadata or its meta lines.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{DateSource, Document, Paragraph, ParagraphKind};
use crate::dates;
use crate::lexicon::Lexicon;
use crate::text;

/// What was read about an article.
#[derive(Debug, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    pub outlet: Option<String>,
}

fn wire_dateline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^[A-Z][A-Za-z .,'-]{1,40}\s*\(([A-Z][A-Za-z .&'-]{1,40})\)\s*[-–—]")
            .expect("dateline pattern compiles")
    })
}

/// Reads metadata from the document's fields first, then from its classified paragraphs.
pub fn read_meta(doc: &Document, paragraphs: &[Paragraph], lex: &Lexicon) -> Meta {
    let text = |p: &Paragraph| doc.text[p.start()..p.end()].trim();
    let of_kind = |k: ParagraphKind| paragraphs.iter().filter(move |p| p.kind == k);

    let title = doc.title.clone().or_else(|| {
        of_kind(ParagraphKind::Meta)
            .map(text)
            .find(|t| !is_byline_text(t, lex) && !dates_only(t, lex))
            .map(str::to_string)
    });

    let byline = doc.byline.clone().or_else(|| {
        of_kind(ParagraphKind::Meta)
            .map(text)
            .find_map(|t| byline_name(t, lex))
    });

    let outlet = doc.outlet.clone().or_else(|| {
        of_kind(ParagraphKind::Body).take(2).find_map(|p| {
            wire_dateline()
                .captures(text(p))
                .map(|c| c[1].trim().to_string())
        })
    });

    let parse_date = |s: &str| dates::parse_date(s, lex);
    let (date, date_source) = if let Some(d) = doc.date.as_deref().and_then(parse_date) {
        (Some(d), Some(DateSource::Metadata))
    } else if let Some(d) = of_kind(ParagraphKind::Meta).map(text).find_map(parse_date) {
        (Some(d), Some(DateSource::Dateline))
    } else {
        let story = [
            ParagraphKind::Body,
            ParagraphKind::Caption,
            ParagraphKind::Meta,
        ];
        // The lede says when the news happened ("said on Tuesday, Nov. 22"); dates further
        // down are as often history ("the 2002 ruling", "in July 2016") as news.
        let lede_end = paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == ParagraphKind::Body)
            .nth(LEDE_PARAGRAPHS)
            .map_or(paragraphs.len(), |(i, _)| i);
        let from = |kinds: &[ParagraphKind]| {
            latest_date(
                paragraphs[..lede_end]
                    .iter()
                    .filter(|p| kinds.contains(&p.kind))
                    .map(text),
                lex,
            )
        };
        let d = from(&story).or_else(|| from(&[ParagraphKind::Boilerplate]));
        (d, d.map(|_| DateSource::Inferred))
    };

    Meta {
        title,
        byline,
        date,
        date_source,
        outlet,
    }
}

/// Body paragraphs at the top of a story a publication date may be inferred from (with the
/// headline, byline and captions above them).
const LEDE_PARAGRAPHS: usize = 3;

fn is_byline_text(t: &str, lex: &Lexicon) -> bool {
    byline_name(t, lex).is_some()
}

fn dates_only(t: &str, lex: &Lexicon) -> bool {
    text::words(t).all(|(_, w)| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit()) || dates::parse_date(w, lex).is_some()
    }) || dates::parse_date(t, lex).is_some() && text::words(t).count() <= 8
}

/// The name in a byline line: "by Jane Doe March 3, 2023" gives "Jane Doe".
pub fn byline_name(line: &str, lex: &Lexicon) -> Option<String> {
    let lower = line.to_lowercase();
    let start = [
        "written by ",
        "reporting by ",
        "words by ",
        "story by ",
        "by ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then_some(p.len()))?;
    let rest = &line[start..];
    let cut = dates::find_dates(rest, lex)
        .first()
        .map_or(rest.len(), |m| m.start);
    let mut name = Vec::new();
    for (_, w) in text::words(&rest[..cut]) {
        if text::is_capitalized(w)
            || (matches!(w, "and" | "de" | "van" | "von" | "al") && !name.is_empty())
        {
            name.push(w);
        } else {
            break;
        }
    }
    while name
        .last()
        .is_some_and(|w| matches!(*w, "and" | "de" | "van" | "von" | "al"))
    {
        name.pop();
    }
    (!name.is_empty() && name.len() <= 8).then(|| name.join(" "))
}

/// The latest full date among the lines; a date without a year takes the year of the others.
fn latest_date<'a>(lines: impl Iterator<Item = &'a str>, lex: &Lexicon) -> Option<NaiveDate> {
    let found: Vec<dates::DateMention> = lines.flat_map(|l| dates::find_dates(l, lex)).collect();
    let anchor = found
        .iter()
        .filter_map(|m| match m.value {
            dates::DateValue::Day { year: Some(_), .. } => m.value.day(None),
            _ => None,
        })
        .max()?;
    found
        .iter()
        .filter(|m| matches!(m.value, dates::DateValue::Day { .. }))
        .filter_map(|m| m.value.day(Some(anchor)))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_inferred_from_the_lede_not_from_history_further_down() {
        let story = |lede: &str| {
            format!(
                "Court blocks port expansion\n\n{lede}\n\nThe harbour board said it would appeal.\n\n\
                 Dredging was halted once before.\n\nThe first plan was drawn up on March 3, 2009, \
                 when the board still owned the land.\n"
            )
        };
        let date_of = |text: String| {
            let a = crate::corpus::build_articles(
                vec![Document::plain("t.txt", text)],
                Lexicon::global(),
            );
            a[0].date.map(|d| d.to_string())
        };
        assert_eq!(
            date_of(story(
                "A court on Tuesday, June 4, 2024, halted the expansion of the port, judges said."
            ))
            .as_deref(),
            Some("2024-06-04")
        );
        assert_eq!(
            date_of(story(
                "A court halted the expansion of the port, judges said."
            )),
            None
        );
    }

    #[test]
    fn byline_names() {
        assert_eq!(
            byline_name("by Kate Doe November 11, 2024 5:20 PM", Lexicon::global()).as_deref(),
            Some("Kate Doe")
        );
        assert_eq!(
            byline_name("By Ana de Souza and Li Wei", Lexicon::global()).as_deref(),
            Some("Ana de Souza and Li Wei")
        );
        assert_eq!(byline_name("by the way, nothing", Lexicon::global()), None);
    }

    #[test]
    fn inferred_date_takes_the_latest_with_years_filled_in() {
        let lines = [
            "Seen on Aug. 18, 2024.",
            "It said on Nov. 22 that",
            "launched on Aug. 6",
        ];
        assert_eq!(
            latest_date(lines.into_iter(), Lexicon::global()),
            NaiveDate::from_ymd_opt(2024, 11, 22)
        );
    }

    #[test]
    fn wire_dateline_names_the_outlet() {
        let doc = Document::plain(
            "w.txt",
            "Quake hits coast\n\nLIMA (Reuters) - A strong earthquake struck on Monday.".into(),
        );
        let paras = vec![
            Paragraph::new(0..16, ParagraphKind::Meta),
            Paragraph::new(18..doc.text.len(), ParagraphKind::Body),
        ];
        let m = read_meta(&doc, &paras, Lexicon::global());
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
        assert_eq!(m.title.as_deref(), Some("Quake hits coast"));
    }
}
