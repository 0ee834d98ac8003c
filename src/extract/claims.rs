//! Claims: story sentences (and the headline) that assert something checkable.

use crate::text::{Interned, intern};
use serde::Serialize;

use super::attribution::{Attribution, Context, attribute_lowered};
use super::entities::{Entity, entities_in};
use super::quantities::{KnownWords, Quantity, quantities_in};
use super::sentences::split_sentences;
use crate::budget::{Budget, Stopped};
use crate::corpus::{Article, ParagraphKind};
use crate::dates::find_dates_in;
use crate::ids::{ClaimId, ClusterId, stable_hash_at};
use crate::lexicon::Lexicon;
use crate::text::Span;

/// A date a claim mentions, located in the claim's text (at most [`MAX_SENTENCE_BYTES`], so
/// its offsets take two bytes each and its words are read from there, not copied).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRef {
    /// ISO 8601, resolved against the report's date; `null` when it cannot be.
    pub iso: Option<Interned>,
    start: u16,
    end: u16,
    /// "as of Nov. 4": the claim holds at that date.
    pub as_of: bool,
}

impl DateRef {
    /// Byte offset of the date's start within its claim's text.
    pub fn start(&self) -> usize {
        usize::from(self.start)
    }

    /// Byte offset of the date's end within its claim's text.
    pub fn end(&self) -> usize {
        usize::from(self.end)
    }

    /// The date as written in `claim`, the text of the claim it was found in.
    pub fn text<'a>(&self, claim: &'a str) -> &'a str {
        &claim[self.start()..self.end()]
    }

    /// The date as JSON writes it (docs/json.md), its words read from `claim`.
    fn json<'a>(&'a self, claim: &'a str) -> impl Serialize + 'a {
        #[derive(Serialize)]
        struct Json<'a> {
            text: &'a str,
            iso: Option<Interned>,
            as_of: bool,
            start: usize,
            end: usize,
        }
        Json {
            text: self.text(claim),
            iso: self.iso,
            as_of: self.as_of,
            start: self.start(),
            end: self.end(),
        }
    }
}

/// A checkable assertion from one article. Its figures, names and dates are kept in its
/// article's lists, one each for all its claims ([`Extracted::quantities`] and the like):
/// a corpus's claims then take a few allocations per article instead of three per claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Stable across runs for the same file and text.
    pub id: ClaimId,
    /// The sentence, a span of the article's text; serialised as `text`, `start` and `end`
    /// (byte offsets into the article's text).
    pub text: Span,
    /// Claims saying the same thing across sources share a cluster id.
    pub cluster: Option<ClusterId>,
    parts: Parts,
}

// A corpus of 10,000 articles holds a quarter of a million claims: keep each in 64 bytes.
const _: () = assert!(std::mem::size_of::<Claim>() <= 64);

/// Where a claim's figures, names, dates and speaker sit in its article's lists: the first of
/// each and how many, and the speaker's place ([`NO_SPEAKER`] for none). A sentence read for
/// claims is at most [`MAX_SENTENCE_BYTES`] long, so it holds fewer than 65,536 of any. The
/// claim's score and headline flag fill the struct's last two bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts {
    quantities: u32,
    entities: u32,
    dates: u32,
    speaker: u32,
    quantity_count: u16,
    entity_count: u16,
    date_count: u16,
    /// How check-worthy the claim is, in hundredths (see [`Claim::score`]).
    score: u8,
    /// The claim is the article's headline.
    headline: bool,
}

/// The places in an article's list of a run starting at `start` with `count` items.
fn run(start: u32, count: u16) -> std::ops::Range<usize> {
    let start = start as usize;
    start..start + usize::from(count)
}

/// [`Parts::speaker`] of a claim without one.
const NO_SPEAKER: u32 = u32::MAX;

impl Default for Parts {
    fn default() -> Parts {
        Parts {
            quantities: 0,
            entities: 0,
            dates: 0,
            speaker: NO_SPEAKER,
            quantity_count: 0,
            entity_count: 0,
            date_count: 0,
            score: 0,
            headline: false,
        }
    }
}

impl Claim {
    /// A claim with no figures, names, dates or speaker (for generated corpora and tests);
    /// `score` is rounded to hundredths and kept between 0 and 1.
    pub fn plain(id: ClaimId, text: Span, score: f64) -> Claim {
        Claim {
            id,
            text,
            cluster: None,
            parts: Parts {
                score: (score.clamp(0.0, 1.0) * 100.0).round() as u8,
                ..Parts::default()
            },
        }
    }

    /// Where the claim starts in its article's text, in bytes.
    pub fn start(&self) -> usize {
        self.text.start()
    }

    /// Where the claim ends in its article's text, in bytes.
    pub fn end(&self) -> usize {
        self.text.end()
    }

    /// How check-worthy the claim is, 0 to 1 in hundredths.
    pub fn score(&self) -> f64 {
        f64::from(self.parts.score) / 100.0
    }

    /// Whether the claim is its article's headline.
    pub fn headline(&self) -> bool {
        self.parts.headline
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
    /// Every claim's figures, in claim order; a claim's are a run of them.
    quantities: Vec<Quantity>,
    /// Every claim's names, in claim order, each located in its claim's text.
    entities: Vec<Entity>,
    /// Every claim's dates, in claim order.
    dates: Vec<DateRef>,
    /// The speakers of the claims that have one (about half of a news story's).
    speakers: Vec<Attribution>,
}

impl Extracted {
    /// Extracts the article's claims and pairs them with it.
    pub fn new(article: Article, lex: &Lexicon) -> Extracted {
        Extracted::within(article, &Budget::unlimited(), lex).0
    }

    /// [`Extracted::new`] within a time budget, checked before each paragraph and sentence:
    /// when it runs out, the claims found so far, and why the rest of the text was not read.
    pub fn within(
        article: Article,
        budget: &Budget,
        lex: &Lexicon,
    ) -> (Extracted, Option<Stopped>) {
        let (lists, stopped) = extract_claims(&article, budget, lex);
        let out = Extracted {
            article,
            claims: lists.claims,
            quantities: lists.quantities,
            entities: lists.entities,
            dates: lists.dates,
            speakers: lists.speakers,
        };
        (out, stopped)
    }

    /// An article paired with claims made elsewhere ([`Claim::plain`]).
    pub fn from_claims(article: Article, claims: Vec<Claim>) -> Extracted {
        Extracted {
            article,
            claims,
            quantities: Vec::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            speakers: Vec::new(),
        }
    }

    /// The figures of one of this article's claims, in text order. A claim's runs are
    /// places in its own article's lists: given another article's claim, this and the
    /// accessors below read the wrong figures, or panic as slicing past the end does.
    pub fn quantities(&self, claim: &Claim) -> &[Quantity] {
        let p = claim.parts;
        &self.quantities[run(p.quantities, p.quantity_count)]
    }

    /// The names in one of this article's claims, located in its text.
    pub fn entities(&self, claim: &Claim) -> &[Entity] {
        let p = claim.parts;
        &self.entities[run(p.entities, p.entity_count)]
    }

    /// The dates one of this article's claims mentions.
    pub fn dates(&self, claim: &Claim) -> &[DateRef] {
        let p = claim.parts;
        &self.dates[run(p.dates, p.date_count)]
    }

    /// Who said a claim, if the article says.
    pub fn attribution(&self, claim: &Claim) -> Option<&Attribution> {
        self.speakers.get(claim.parts.speaker as usize)
    }

    /// Every speaker of the article's claims, to be written into (folded spellings).
    pub(crate) fn speakers_mut(&mut self) -> &mut [Attribution] {
        &mut self.speakers
    }

    /// Every figure of every claim of the article, in claim order.
    pub fn all_quantities(&self) -> &[Quantity] {
        &self.quantities
    }

    /// Every name of every claim of the article, in claim order.
    pub fn all_entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Figure `quantity` of claim `claim`, to be written into (its fact, once linked).
    pub(crate) fn quantity_mut(&mut self, claim: usize, quantity: usize) -> &mut Quantity {
        let p = self.claims[claim].parts;
        &mut self.quantities[run(p.quantities, p.quantity_count)][quantity]
    }

    /// Every name of every claim of the article, to be written into (folded spellings).
    pub(crate) fn all_entities_mut(&mut self) -> &mut [Entity] {
        &mut self.entities
    }

    /// One of this article's claims as JSON writes it (docs/json.md).
    pub fn claim_json<'a>(&'a self, claim: &'a Claim) -> impl Serialize + 'a {
        #[derive(Serialize)]
        struct Json<'a> {
            id: ClaimId,
            #[serde(flatten, serialize_with = "located")]
            text: &'a Span,
            quantities: &'a [Quantity],
            attribution: Option<&'a Attribution>,
            #[serde(serialize_with = "entities")]
            entities: (&'a [Entity], &'a str),
            #[serde(serialize_with = "dates")]
            dates: (&'a [DateRef], &'a str),
            #[serde(serialize_with = "super::number")]
            score: f64,
            cluster: Option<ClusterId>,
            headline: bool,
        }
        fn located<S: serde::Serializer>(span: &&Span, s: S) -> Result<S::Ok, S::Error> {
            Span::serialize_located(span, s)
        }
        fn entities<S: serde::Serializer>(
            (entities, text): &(&[Entity], &str),
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.collect_seq(entities.iter().map(|e| e.json(text)))
        }
        fn dates<S: serde::Serializer>(
            (dates, text): &(&[DateRef], &str),
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.collect_seq(dates.iter().map(|d| d.json(text)))
        }
        Json {
            id: claim.id,
            text: &claim.text,
            quantities: self.quantities(claim),
            attribution: self.attribution(claim),
            entities: (self.entities(claim), &claim.text),
            dates: (self.dates(claim), &claim.text),
            score: claim.score(),
            cluster: claim.cluster,
            headline: claim.headline(),
        }
    }
}

impl std::ops::Deref for Extracted {
    type Target = Article;

    fn deref(&self) -> &Article {
        &self.article
    }
}

/// An article's claims with their figures, names and dates, as extraction gathers them.
#[derive(Default)]
struct Lists {
    claims: Vec<Claim>,
    quantities: Vec<Quantity>,
    entities: Vec<Entity>,
    dates: Vec<DateRef>,
    speakers: Vec<Attribution>,
}

impl Lists {
    /// Adds a claim with its own figures, names and dates; `None` (and nothing added) when the
    /// lists would pass the offsets a claim holds, which no article read within its limits
    /// reaches.
    fn push(&mut self, mut claim: Claim, own: Own) -> Option<()> {
        claim.parts = Parts {
            quantities: u32::try_from(self.quantities.len()).ok()?,
            entities: u32::try_from(self.entities.len()).ok()?,
            dates: u32::try_from(self.dates.len()).ok()?,
            quantity_count: u16::try_from(own.quantities.len()).ok()?,
            entity_count: u16::try_from(own.entities.len()).ok()?,
            date_count: u16::try_from(own.dates.len()).ok()?,
            speaker: match own.attribution {
                Some(_) => u32::try_from(self.speakers.len())
                    .ok()
                    .filter(|&i| i != NO_SPEAKER)?,
                None => NO_SPEAKER,
            },
            ..claim.parts
        };
        self.speakers.extend(own.attribution);
        self.quantities.extend(own.quantities);
        self.entities.extend(own.entities);
        self.dates.extend(own.dates);
        self.claims.push(claim);
        Some(())
    }

    /// Gives back the growth slack: it was a large part of a loaded corpus's resident memory.
    fn shrink_to_fit(&mut self) {
        self.claims.shrink_to_fit();
        self.quantities.shrink_to_fit();
        self.entities.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.speakers.shrink_to_fit();
    }
}

/// A sentence's figures, names and dates while its paragraph is read, before the sentence is
/// known to be a claim.
struct Own {
    quantities: Vec<Quantity>,
    entities: Vec<Entity>,
    dates: Vec<DateRef>,
    attribution: Option<Attribution>,
}

/// Extracts the claims of every article, in order.
pub fn extract_all(articles: Vec<Article>, lex: &Lexicon) -> Vec<Extracted> {
    articles
        .into_iter()
        .map(|a| Extracted::new(a, lex))
        .collect()
}

/// Reads the claims of an article's headline and body paragraphs, within a time budget
/// checked before each paragraph and sentence: when it runs out, the claims found so far, and
/// why the rest of the text was not read.
fn extract_claims(article: &Article, budget: &Budget, lex: &Lexicon) -> (Lists, Option<Stopped>) {
    let mut ctx = Context::default();
    let mut out = Lists::default();
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
    // Every sentence's words and their lowercase forms, in two buffers for the article.
    let mut words = Words::for_text(&article.text);
    let mut read: Vec<Sentence> = Vec::new();
    // Each paragraph's sentences in `read`.
    let mut in_paragraph: Vec<std::ops::Range<usize>> =
        Vec::with_capacity(article.paragraphs.len());
    for p in &article.paragraphs {
        if let Err(e) = reading.check() {
            stopped = Some(e);
            break;
        }
        let from = read.len();
        if p.kind == ParagraphKind::Body {
            read_sentences(article.paragraph_text(p), &mut words, &mut read, lex);
        }
        in_paragraph.push(from..read.len());
    }
    for sentence in &read {
        ctx.know(&sentence.entities);
    }
    let mut out_of_time = false;
    for (p, body_sentences) in article.paragraphs.iter().zip(in_paragraph) {
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
            let from = read.len();
            read_sentences(para, &mut words, &mut read, lex);
            from..read.len()
        } else {
            body_sentences
        };
        let quotes = quote_spans(para);
        let mut parts: Vec<Claim> = Vec::with_capacity(sentences.len());
        // The figures, names and dates of each of `parts`, and its words, counted when it was
        // split.
        let mut owns: Vec<(Own, usize)> = Vec::with_capacity(sentences.len());
        for sentence in &mut read[sentences] {
            if let Err(e) = budget.check() {
                stopped = Some(e);
                out_of_time = true;
                break;
            }
            let (s, e) = (sentence.start, sentence.end);
            let entities = std::mem::take(&mut sentence.entities);
            let (ws, lows, classes) = words.of(sentence);
            let text = &para[s..e];
            let found_dates = find_dates_in(text, ws, lows, classes, lex);
            let word_count = ws.len();
            let start = p.start() + s;
            let sentence = Span::new(&article.text, start..p.start() + e);
            let known = KnownWords { words: ws, classes };
            let quantities = quantities_in(&sentence, &found_dates, lows.whole(), Some(known), lex);
            ctx.learn(&entities);
            let attribution = attribute_lowered(text, ws, lows, classes, &entities, &ctx, lex);
            if let Some(a) = &attribution {
                ctx.heard(a);
            }
            // A sentence read for claims is under MAX_SENTENCE_BYTES, so its dates' offsets
            // fit in two bytes.
            let dates = found_dates
                .into_iter()
                .filter_map(|d| {
                    Some(DateRef {
                        iso: d.value.resolve(article.date).map(|iso| intern(&iso)),
                        start: u16::try_from(d.start).ok()?,
                        end: u16::try_from(d.end).ok()?,
                        as_of: d.as_of,
                    })
                })
                .collect();
            let own = Own {
                quantities,
                entities,
                dates,
                attribution,
            };
            let mut claim = Claim::plain(
                ClaimId::from_hash(stable_hash_at(&article.id_path, start)),
                sentence,
                0.0,
            );
            claim.parts.headline = headline;
            claim.parts.score = check_worthiness(&claim, &own);
            parts.push(claim);
            owns.push((own, word_count));
        }
        inherit_quote_speakers(&parts, &mut owns, &quotes, p.start());
        for (claim, (own, words)) in parts.into_iter().zip(owns) {
            if out.claims.len() >= MAX_CLAIMS_PER_ARTICLE {
                break;
            }
            if is_claim(&own, words) && out.push(claim, own).is_none() {
                break;
            }
        }
        if out.claims.len() >= MAX_CLAIMS_PER_ARTICLE {
            break;
        }
        if out_of_time {
            break;
        }
    }
    out.shrink_to_fit();
    (out, stopped)
}

/// A sentence of a paragraph as extraction reads it: its offsets in the paragraph, where its
/// words are in the article's [`Words`], and the names in it.
struct Sentence {
    start: usize,
    end: usize,
    words: std::ops::Range<usize>,
    lows: crate::text::LowerPart,
    entities: Vec<Entity>,
}

/// The words of an article's sentences (each at its offset in its sentence), each word
/// lowercased, and what each is ([`Lexicon::word_class`]), kept together for the whole
/// article: a word is lowercased and looked up once, however many extractors read it.
struct Words<'a> {
    all: Vec<(usize, &'a str)>,
    lows: crate::text::LowerWords,
    classes: Vec<u16>,
}

impl<'a> Words<'a> {
    /// Room for the words of `text`: a word in five bytes, so that the lists seldom grow.
    fn for_text(text: &str) -> Words<'a> {
        Words {
            all: Vec::with_capacity(text.len() / 5 + 1),
            lows: crate::text::LowerWords::with_capacity(text.len(), text.len() / 5 + 1),
            classes: Vec::with_capacity(text.len() / 5 + 1),
        }
    }

    fn of(&self, s: &Sentence) -> (&[(usize, &'a str)], crate::text::Lows<'_>, &[u16]) {
        (
            &self.all[s.words.clone()],
            self.lows.part(s.lows),
            &self.classes[s.words.clone()],
        )
    }
}

/// Adds the sentences of a paragraph short enough to read to `out`, split into words (kept
/// in `words`) with their names found.
fn read_sentences<'a>(
    para: &'a str,
    words: &mut Words<'a>,
    out: &mut Vec<Sentence>,
    lex: &Lexicon,
) {
    for (start, end) in split_sentences(para, lex) {
        if end - start > MAX_SENTENCE_BYTES {
            continue;
        }
        let text = &para[start..end];
        let from = words.all.len();
        words.all.extend(crate::text::words(text));
        let ws = &words.all[from..];
        let lows = words
            .lows
            .add(text, ws.iter().map(|&(at, w)| (at, at + w.len())));
        let part = words.lows.part(lows);
        words.classes.extend(lex.word_classes(part, ws.len()));
        let entities = entities_in(text, ws, part, &words.classes[from..], lex);
        out.push(Sentence {
            start,
            end,
            words: from..words.all.len(),
            lows,
            entities,
        });
    }
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
fn inherit_quote_speakers(
    parts: &[Claim],
    owns: &mut [(Own, usize)],
    quotes: &[(usize, usize)],
    base: usize,
) {
    for &(qs, qe) in quotes {
        let first = parts.partition_point(|p| p.end() - base <= qs);
        let last = first + parts[first..].partition_point(|p| p.start() - base < qe);
        let inside: Vec<usize> = (first..last).collect();
        let speaker = inside
            .iter()
            .rev()
            .chain(inside.iter())
            .find_map(|&k| owns[k].0.attribution.clone());
        if let Some(a) = speaker {
            for k in inside {
                if owns[k].0.attribution.is_none() {
                    owns[k].0.attribution = Some(a.clone());
                }
            }
        }
    }
}

/// Whether a sentence of `words` words (`text::words`) is a claim.
fn is_claim(own: &Own, words: usize) -> bool {
    words >= 4
        && (!own.quantities.is_empty()
            || !own.dates.is_empty()
            || own.attribution.is_some()
            || (!own.entities.is_empty() && words >= 6))
}

/// Figures weigh most, then a named speaker, dates and named entities; in hundredths.
fn check_worthiness(c: &Claim, own: &Own) -> u8 {
    let mut s = 0.0;
    if !own.quantities.is_empty() {
        s += 0.4 + 0.1 * (own.quantities.len().min(3) as f64 - 1.0);
    }
    match &own.attribution {
        Some(a) if a.named => s += 0.2,
        Some(_) => s += 0.12,
        None => {}
    }
    if !own.dates.is_empty() {
        s += 0.1;
    }
    s += 0.05 * own.entities.len().min(3) as f64;
    if c.text.trim_end().ends_with('?') {
        s *= 0.5;
    }
    // At most 0.4 + 0.2 + 0.2 + 0.1 + 0.15 = 1.05: within a byte in hundredths.
    (s * 100.0).round() as u8
}
