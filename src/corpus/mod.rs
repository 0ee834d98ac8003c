//! Loading articles and separating each story from its page noise.

pub mod align;
pub mod bounds;
pub mod clean;
pub mod decode;
pub mod formats;
pub mod html;
pub mod load;
pub mod meta;
pub mod mhtml;
pub mod page_meta;
pub mod tags;

use chrono::NaiveDate;
use serde::Serialize;

use crate::budget::{Budget, Stopped};
use crate::lexicon::Lexicon;

/// A file or part of a file, decoded, before its paragraphs are classified.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file path (with `:LINE` or `#INDEX` for one article of a JSON Lines or array file).
    pub path: String,
    /// What the ids of its claims are made from: the file named the same way however its path
    /// was typed (see [`load::load_paths`]); the path itself until the loader sets it.
    pub id_path: String,
    /// The article's text, paragraphs separated by blank lines where the format knows them.
    pub text: String,
    /// Whether the format gave the paragraphs (HTML, Markdown, JSON) or the lines must be read.
    pub structured: bool,
    pub title: Option<String>,
    /// When the story was published, as the source wrote it.
    pub date: Option<String>,
    /// When the story was last changed, as the source wrote it.
    pub modified: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// For a web page, its blocks in order (each a paragraph of `text`, blank lines between)
    /// and what the main-text extractor made of each; `None` for other formats.
    pub blocks: Option<Vec<Block>>,
    /// Time spent reading, decoding and parsing its file: counted against the file's budget
    /// when the document is cleaned and its claims extracted.
    pub read_time: std::time::Duration,
}

/// What the main-text extractor made of a block of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extracted {
    /// Part of the main text.
    Kept,
    /// Left out: page furniture, other stories, comments.
    Dropped,
    /// The extractor found no main text on the page, so it decided nothing.
    Unknown,
}

/// A block of a page as a span of its document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub extracted: Extracted,
}

impl Document {
    pub fn plain(path: &str, text: String) -> Document {
        Document {
            path: path.to_string(),
            id_path: path.to_string(),
            text,
            structured: false,
            title: None,
            date: None,
            modified: None,
            byline: None,
            outlet: None,
            url: None,
            blocks: None,
            read_time: std::time::Duration::ZERO,
        }
    }

    pub fn structured(path: &str, text: String) -> Document {
        Document {
            structured: true,
            ..Document::plain(path, text)
        }
    }
}

/// Something wrong with one input, named by its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// True when the input could not be loaded at all; false for a repair or a note.
    pub fatal: bool,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            fatal: true,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            fatal: false,
            ..Problem::error(path, message)
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.fatal { "error" } else { "warning" };
        write!(
            f,
            "{level}: {}: {}",
            crate::text::display_safe(&self.path),
            crate::text::display_safe(&self.message)
        )
    }
}

/// What a paragraph of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The story itself.
    Body,
    /// Navigation, prompts, appeals, timestamps, embeds: page furniture.
    Boilerplate,
    /// Teasers and feed entries about other stories.
    OffTopic,
    /// Title, byline and dateline lines.
    Meta,
    /// Photo captions and credits.
    Caption,
}

/// A paragraph as a span of its article's text, in 32-bit offsets (a text is under 4 GiB,
/// as [`Span`](crate::text::Span) requires): 12 bytes, for the quarter of a million
/// paragraphs of 10,000 articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    start: u32,
    end: u32,
    pub kind: ParagraphKind,
}

impl Paragraph {
    /// The paragraph at `range` of its article's text. Panics if the text is 4 GiB or more.
    pub fn new(range: std::ops::Range<usize>, kind: ParagraphKind) -> Paragraph {
        let offset = |i: usize| u32::try_from(i).expect("texts are shorter than 4 GiB");
        Paragraph {
            start: offset(range.start),
            end: offset(range.end),
            kind,
        }
    }

    /// Where the paragraph starts in its article's text, in bytes.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the paragraph ends in its article's text, in bytes.
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// Where an article's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The file's metadata (HTML meta tags, JSON field, front matter).
    Metadata,
    /// A byline or dateline on the page.
    Dateline,
    /// The latest date the story mentions: the report is no older than that.
    Inferred,
}

/// One loaded article: its text, its paragraphs classified and its metadata. Its claims come
/// from `extract`, which pairs them with it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the user gave it, for display.
    pub path: String,
    /// What its claims' ids are made from: the same for every spelling of the path (see
    /// [`load::load_paths`]).
    pub id_path: String,
    /// Shared with the claims, which point into it.
    pub text: std::sync::Arc<str>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    /// When the story was last changed, from the page's metadata.
    pub modified: Option<NaiveDate>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    /// The text of a paragraph.
    pub fn paragraph_text(&self, p: &Paragraph) -> &str {
        &self.text[p.start()..p.end()]
    }

    /// The story paragraphs.
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Body)
    }

    /// A short name for the source: the outlet, else the file name.
    pub fn source_label(&self) -> String {
        if let Some(o) = &self.outlet {
            return o.clone();
        }
        let name = self.path.rsplit('/').next().unwrap_or(&self.path);
        name.to_string()
    }
}

/// Classifies every document's paragraphs and reads its metadata, in parallel. Lines that
/// recur across many documents count as noise, so the whole set is classified together.
pub fn build_articles(docs: Vec<Document>, lex: &Lexicon) -> Vec<Article> {
    use rayon::prelude::*;
    let stats = clean::CorpusStats::from_documents(&docs);
    docs.into_par_iter()
        .map(|doc| build_article(doc, &stats, lex))
        .collect()
}

/// One document cleaned into an article (without claims), judged against the corpus's stats.
pub fn build_article(doc: Document, stats: &clean::CorpusStats, lex: &Lexicon) -> Article {
    let paragraphs = clean::classify(&doc, stats, lex);
    article_of(doc, paragraphs, lex)
}

/// [`build_article`] within a time budget: `Err` when the budget ran out while its
/// paragraphs were being classified.
pub fn build_article_within(
    doc: Document,
    stats: &clean::CorpusStats,
    budget: &Budget,
    lex: &Lexicon,
) -> Result<Article, Stopped> {
    let paragraphs = clean::classify_within(&doc, stats, budget, lex)?;
    Ok(article_of(doc, paragraphs, lex))
}

fn article_of(doc: Document, mut paragraphs: Vec<Paragraph>, lex: &Lexicon) -> Article {
    paragraphs.shrink_to_fit();
    let m = meta::read_meta(&doc, &paragraphs, lex);
    Article {
        path: doc.path,
        id_path: doc.id_path,
        text: doc.text.into(),
        title: m.title,
        date: m.date,
        date_source: m.date_source,
        modified: doc
            .modified
            .as_deref()
            .and_then(|d| crate::dates::parse_date(d, lex)),
        byline: m.byline,
        outlet: m.outlet,
        url: doc.url,
        paragraphs,
    }
}
