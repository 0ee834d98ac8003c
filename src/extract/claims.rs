//! Claims: story sentences (and the headline) that assert something checkable.

use serde::Serialize;
use ustr::{Ustr, ustr};

use super::attribution::{Attribution, Context, attribute_lowered};
use super::entities::{Entity, entities_in};
use super::quantities::{Quantity, quantities_in};
use super::sentences::split_sentences;
use crate::budget::{Budget, Stopped};
use crate::corpus::{Article, ParagraphKind};
use crate::dates::find_dates_in;
use crate::ids::{ClaimId, ClusterId, stable_hash};
use crate::text::Span;

/// A date a claim mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRef {
    pub text: Ustr,
    /// ISO 8601, resolved against the report's date; `null` when it cannot be.
    pub iso: Option<Ustr>,
    /// "as of Nov. 4": the claim holds at that date.
    pub as_of: bool,
    /// Byte offsets within the claim's text.
    pub start: usize,
    pub end: usize,
}

/// A checkable assertion from one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable across runs for the same file and text.
    pub id: ClaimId,
    /// The sentence, a span of the article's text; serialised as `text`, `start` and `end`
    /// (byte offsets into the article's text).
    #[serde(flatten, serialize_with = "Span::serialize_located")]
    pub text: Span,
    pub quantities: Box<[Quantity]>,
    /// Boxed: about half of a news story's claims have a speaker, and the claims without one
    /// should not carry its room.
    pub attribution: Option<Box<Attribution>>,
    pub entities: Box<[Entity]>,
    pub dates: Box<[DateRef]>,
    /// How check-worthy the claim is, 0 to 1.
    #[serde(serialize_with = "super::number")]
    pub score: f64,
    /// Claims saying the same thing across sources share a cluster id.
    pub cluster: Option<ClusterId>,
    /// The claim is the article's headline.
    pub headline: bool,
}

impl Claim {
    /// Where the claim starts in its article's text, in bytes.
    pub fn start(&self) -> usize {
        self.text.start()
    }

    /// Where the claim ends in its article's text, in bytes.
    pub fn end(&self) -> usize {
        self.text.end()
    }
}

/// At most this many claims are kept per article; the rest are dropped with the article
/// still usable.
pub const MAX_CLAIMS_PER_ARTICLE: usize = 5000;

/// Longer "sentences" (a page with no punctuation, a pasted table) are not read for claims.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// An article with the claims extracted from it: what the index holds. It reads as its
/// article (`Deref`), so `extracted.title` is the article's title.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub article: Article,
    pub claims: Vec<Claim>,
}

impl Extracted {
    /// Extracts the article's claims and pairs them with it.
    pub fn new(article: Article) -> Extracted {
        let claims = extract_claims(&article);
        Extracted { article, claims }
    }
}

impl std::ops::Deref for Extracted {
    type Target = Article;

    fn deref(&self) -> &Article {
        &self.article
    }
}

/// Extracts the claims of every article, in order.
pub fn extract_all(articles: Vec<Article>) -> Vec<Extracted> {
    articles.into_iter().map(Extracted::new).collect()
}

/// Extracts the claims of an article's headline and body paragraphs.
pub fn extract_claims(article: &Article) -> Vec<Claim> {
    extract_claims_within(article, &Budget::unlimited()).0
}

/// [`extract_claims`] within a time budget, checked before each paragraph and sentence: when
/// it runs out, the claims found so far, and why the rest of the text was not read.
pub fn extract_claims_within(article: &Article, budget: &Budget) -> (Vec<Claim>, Option<Stopped>) {
    let mut ctx = Context::default();
    let mut out = Vec::new();
    let mut stopped = None;
    let title_norm = article
        .title
        .as_deref()
        .map(crate::corpus::clean::normalize);
    let mut title_done = false;
    // Body sentences, their words and their names are read first, so that every name the
    // article uses is known before any sentence is attributed; the second pass reuses them.
    // Reading takes at most half the time left, so that what it read can still be extracted
    // in the other half; past it, only the paragraphs read so far are extracted.
    let reading = budget.halfway();
    let mut read: Vec<Vec<Sentence>> = Vec::with_capacity(article.paragraphs.len());
    for p in &article.paragraphs {
        if let Err(e) = reading.check() {
            stopped = Some(e);
            break;
        }
        read.push(match p.kind {
            ParagraphKind::Body => read_sentences(article.paragraph_text(p)),
            _ => Vec::new(),
        });
    }
    for sentence in read.iter().flatten() {
        ctx.know(&sentence.entities);
    }
    let mut out_of_time = false;
    for (p, body_sentences) in article.paragraphs.iter().zip(read) {
        let headline = p.kind == ParagraphKind::Meta
            && !title_done
            && title_norm.as_deref()
                == Some(crate::corpus::clean::normalize(article.paragraph_text(p)).as_str());
        if p.kind != ParagraphKind::Body && !headline {
            continue;
        }
        title_done |= headline;
        let para = article.paragraph_text(p);
        let sentences = if headline {
            read_sentences(para)
        } else {
            body_sentences
        };
        let quotes = quote_spans(para);
        let mut parts: Vec<Claim> = Vec::new();
        // The words in each of `parts`, counted when it was split.
        let mut word_counts: Vec<usize> = Vec::new();
        for Sentence {
            start: s,
            end: e,
            words,
            entities,
        } in sentences
        {
            if let Err(e) = budget.check() {
                stopped = Some(e);
                out_of_time = true;
                break;
            }
            let text = &para[s..e];
            let lows =
                crate::text::LowerWords::of(text, words.iter().map(|&(at, w)| (at, at + w.len())));
            let found_dates = find_dates_in(text, &words, &lows);
            word_counts.push(words.len());
            ctx.learn(&entities);
            let attribution = attribute_lowered(text, words, lows, &entities, &ctx);
            if let Some(a) = &attribution {
                ctx.heard(a);
            }
            let start = p.start + s;
            let sentence = Span::new(&article.text, start..p.start + e);
            let quantities = quantities_in(&sentence, &found_dates);
            let dates = found_dates
                .into_iter()
                .map(|d| DateRef {
                    text: ustr(&text[d.start..d.end]),
                    iso: d.value.resolve(article.date).map(|iso| ustr(&iso)),
                    as_of: d.as_of,
                    start: d.start,
                    end: d.end,
                })
                .collect();
            let mut claim = Claim {
                id: ClaimId::from_hash(stable_hash(&[&article.id_path, &start.to_string()])),
                text: sentence,
                quantities: quantities.into(),
                attribution: attribution.map(Box::new),
                entities: entities.into(),
                dates,
                score: 0.0,
                cluster: None,
                headline,
            };
            claim.score = check_worthiness(&claim);
            parts.push(claim);
        }
        inherit_quote_speakers(&mut parts, &quotes, p.start);
        out.extend(
            parts
                .into_iter()
                .zip(word_counts)
                .filter(|(c, words)| is_claim(c, *words))
                .map(|(c, _)| c),
        );
        if out.len() >= MAX_CLAIMS_PER_ARTICLE {
            out.truncate(MAX_CLAIMS_PER_ARTICLE);
            break;
        }
        if out_of_time {
            break;
        }
    }
    // The growth slack left in the claims' vector was a large part of a loaded corpus's
    // resident memory.
    out.shrink_to_fit();
    (out, stopped)
}

/// A sentence of a paragraph as extraction reads it: its offsets in the paragraph, its words
/// and the names in it.
struct Sentence<'a> {
    start: usize,
    end: usize,
    words: Vec<(usize, &'a str)>,
    entities: Vec<Entity>,
}

/// The sentences of a paragraph short enough to read, split into words with their names found.
fn read_sentences(para: &str) -> Vec<Sentence<'_>> {
    split_sentences(para)
        .into_iter()
        .filter(|(s, e)| e - s <= MAX_SENTENCE_BYTES)
        .map(|(start, end)| {
            let text = &para[start..end];
            // Room for a word in five bytes, so that the vector is seldom grown.
            let mut words = Vec::with_capacity(text.len() / 5 + 1);
            words.extend(crate::text::words(text));
            let entities = entities_in(text, &words);
            Sentence {
                start,
                end,
                words,
                entities,
            }
        })
        .collect()
}

/// Byte spans of quotations in a paragraph, marks included.
fn quote_spans(para: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Only '"' and the curly double quotes (whose UTF-8 starts with 0xE2) are read: the
    // characters at those bytes.
    let marks = memchr::memchr2_iter(b'"', 0xE2, para.as_bytes()).filter_map(|i| {
        para.get(i..)
            .and_then(|rest| rest.chars().next())
            .map(|c| (i, c))
    });
    for (i, c) in marks {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('”', Some(s)) => {
                out.push((s, i + c.len_utf8()));
                open = None;
            }
            ('"', None) => open = Some(i),
            ('"', Some(s)) => {
                out.push((s, i + 1));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Sentences inside a quotation that spans several sentences take the speaker named where the
/// quotation ends or begins. `parts` are in text order and do not overlap, nor do `quotes`:
/// the sentences a quotation touches are a run found by binary search, so a paragraph of many
/// quotations and sentences is read in linear time.
fn inherit_quote_speakers(parts: &mut [Claim], quotes: &[(usize, usize)], base: usize) {
    for &(qs, qe) in quotes {
        let first = parts.partition_point(|p| p.end() - base <= qs);
        let last = first + parts[first..].partition_point(|p| p.start() - base < qe);
        let inside: Vec<usize> = (first..last).collect();
        let speaker = inside
            .iter()
            .rev()
            .chain(inside.iter())
            .find_map(|&k| parts[k].attribution.clone());
        if let Some(a) = speaker {
            for k in inside {
                if parts[k].attribution.is_none() {
                    parts[k].attribution = Some(a.clone());
                }
            }
        }
    }
}

/// Whether a sentence of `words` words (`text::words`) is a claim.
fn is_claim(c: &Claim, words: usize) -> bool {
    words >= 4
        && (!c.quantities.is_empty()
            || !c.dates.is_empty()
            || c.attribution.is_some()
            || (!c.entities.is_empty() && words >= 6))
}

/// Figures weigh most, then a named speaker, dates and named entities.
fn check_worthiness(c: &Claim) -> f64 {
    let mut s = 0.0;
    if !c.quantities.is_empty() {
        s += 0.4 + 0.1 * (c.quantities.len().min(3) as f64 - 1.0);
    }
    match &c.attribution {
        Some(a) if a.named => s += 0.2,
        Some(_) => s += 0.12,
        None => {}
    }
    if !c.dates.is_empty() {
        s += 0.1;
    }
    s += 0.05 * c.entities.len().min(3) as f64;
    if c.text.trim_end().ends_with('?') {
        s *= 0.5;
    }
    (s * 100.0).round() / 100.0
}
