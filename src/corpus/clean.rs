//! Separating the story from page noise, in the manner of jusText: each paragraph is judged
//! by its own shape (length, stopword density, links, known noise phrases), by repetition
//! within the page and across the corpus, and by its neighbours and its distance in content
//! words from the headline and lead.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::WordRegex;
use std::sync::OnceLock;

use super::{Document, Extracted, Paragraph, ParagraphKind};
use crate::budget::{Budget, Stopped};
use crate::dates;
use crate::lexicon::Lexicon;
use crate::text;
use crate::text::collapse_lower;

/// Below this share of its content words in the story's topic, a segment apart from the
/// story is another story.
const NEAR_SEGMENT_MIN_TOPIC_SHARE: f64 = 0.2;
/// The same, for a segment separated from the story by more page furniture.
const FAR_SEGMENT_MIN_TOPIC_SHARE: f64 = 0.35;
/// A headline-shaped line with at most a short paragraph after the story is a teaser unless
/// nearly all its words are the story's.
const TEASER_MIN_TOPIC_SHARE: f64 = 0.6;
/// Teaser headlines are whole headlines; in-story subheadings are shorter.
const TEASER_MIN_WORDS: usize = 7;
/// More boilerplate paragraphs than this between the story and a segment make it "far".
const NEAR_GAP: usize = 2;

/// How often each short line occurs across the loaded documents.
#[derive(Debug, Default)]
pub struct CorpusStats {
    docs_with_line: HashMap<String, usize>,
}

impl CorpusStats {
    pub fn from_documents(docs: &[Document]) -> CorpusStats {
        use rayon::prelude::*;
        let per_doc: Vec<HashSet<String>> = docs
            .par_iter()
            .map(|d| {
                split_paragraphs(&d.text, d.structured)
                    .into_iter()
                    .map(|(s, e)| &d.text[s..e])
                    .filter(|p| normalized_words_at_most(p, MAX_REPEATED_WORDS))
                    .map(normalize)
                    .collect()
            })
            .collect();
        let mut docs_with_line: HashMap<String, usize> = HashMap::default();
        for l in per_doc.into_iter().flatten() {
            *docs_with_line.entry(l).or_default() += 1;
        }
        CorpusStats { docs_with_line }
    }

    fn docs_with(&self, norm: &str) -> usize {
        self.docs_with_line.get(norm).copied().unwrap_or(0)
    }
}

/// Short lines before the headline are navigation.
const MAX_LABEL_WORDS: usize = 5;

/// A paragraph of running prose: a finished sentence of some length.
fn is_prose(f: &Features) -> bool {
    f.ends_sentence && f.words >= 12
}

/// Short lines that repeat (within a page or across pages) are furniture.
const MAX_REPEATED_WORDS: usize = 8;

/// Lowercase, whitespace collapsed, typographic quotes folded, edge punctuation trimmed.
pub fn normalize(s: &str) -> String {
    normalize_lowered(collapse_lower(s))
}

/// Whether [`normalize`] leaves at most `max` words of a text (an empty one counts as one
/// word), without building it: the words but those of punctuation only at either end. The
/// words are counted between the first and the last that are not, and only up to `max + 1`,
/// so a long paragraph is not read through.
fn normalized_words_at_most(s: &str, max: usize) -> bool {
    let edge_only = |w: &&str| w.chars().all(|c| is_edge(c) || matches!(c, '’' | '‘'));
    let mut words = s.split_whitespace();
    let Some(first) = words.by_ref().find(|w| !edge_only(w)) else {
        return 1 <= max;
    };
    let last = words.rev().find(|w| !edge_only(w)).unwrap_or(first);
    let offset = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize;
    s[offset(first)..offset(last) + last.len()]
        .split_whitespace()
        .take(max + 1)
        .count()
        <= max
}

/// What [`normalize`] trims from either end of a text.
fn is_edge(c: char) -> bool {
    c.is_ascii_punctuation() && c != '*' && c != '(' || c.is_whitespace()
}

/// [`normalize`] for a text already lowercased with its whitespace collapsed.
fn normalize_lowered(mut out: String) -> String {
    if out.contains(['’', '‘']) {
        out = out.replace(['’', '‘'], "'");
    }
    let end = out.trim_end_matches(is_edge).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(is_edge).len();
    out.drain(..start);
    out
}

/// Splits text into paragraph spans. Blank lines always separate paragraphs; inside a block,
/// lines are joined only when they are hard-wrapped prose, otherwise each line stands alone.
pub fn split_paragraphs(text: &str, structured: bool) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        lines.push((pos, pos + content.len()));
        pos += line.len();
    }
    let mut out = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    let flush = |block: &mut Vec<(usize, usize)>, out: &mut Vec<(usize, usize)>| {
        if block.is_empty() {
            return;
        }
        if structured || hard_wrapped(text, block) {
            out.push((block[0].0, block[block.len() - 1].1));
        } else {
            out.extend(block.iter().copied());
        }
        block.clear();
    };
    for (s, e) in lines {
        if text[s..e].trim().is_empty() {
            flush(&mut block, &mut out);
        } else {
            block.push((s, e));
        }
    }
    flush(&mut block, &mut out);
    out.into_iter()
        .map(|(s, e)| trim_span(text, s, e))
        .filter(|(s, e)| s < e)
        .collect()
}

fn trim_span(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

/// A block is hard-wrapped prose when its lines (all but the last) are long and of like
/// length, none longer than the wrap width the others suggest, and its breaks fall inside
/// sentences (the next line goes on in lowercase, or the line ends with a comma or hyphen).
fn hard_wrapped(text: &str, block: &[(usize, usize)]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let lens: Vec<usize> = block
        .iter()
        .map(|&(s, e)| text[s..e].trim().chars().count())
        .collect();
    let width = lens[..lens.len() - 1].iter().copied().max().unwrap_or(0);
    let even = lens[..lens.len() - 1]
        .iter()
        .all(|&l| l >= 40 && l * 4 >= width * 3)
        && lens[lens.len() - 1] <= width;
    let inside = block
        .windows(2)
        .filter(|w| {
            let line = text[w[0].0..w[0].1].trim_end();
            let next = text[w[1].0..w[1].1].trim_start();
            line.ends_with([',', '-', ';']) || next.chars().next().is_some_and(|c| c.is_lowercase())
        })
        .count();
    even && inside * 2 >= block.len() - 1 && inside > 0
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    s.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// What the classifier measures of one paragraph.
#[derive(Debug)]
struct Features {
    /// The text lowercased, whitespace collapsed, normalised: quotes folded, edge
    /// punctuation trimmed.
    norm: String,
    /// How many of the boilerplate phrases the text holds (lowercased, whitespace collapsed,
    /// curly apostrophes plain).
    boilerplate_hits: usize,
    words: usize,
    stop_share: f64,
    ends_sentence: bool,
    has_link: bool,
    /// Only a time, date stamp or "updated" marker.
    timestamp: bool,
    /// Its content words, folded, by hash: sorted, each once.
    content: Vec<u64>,
}

fn link_re() -> &'static WordRegex {
    static R: OnceLock<WordRegex> = OnceLock::new();
    R.get_or_init(|| {
        WordRegex::new(r"(?i)\bhttps?://|\bwww\.|\b[a-z0-9-]+\.(?:com|org|net|co|io|ly|gl)/\S|(?:^|[\s(])@[A-Za-z0-9_]{2,}|pic\.twitter\.com")
            .expect("link pattern compiles")
    })
}

/// Whether `text` may hold what `link_re` matches: every form of it has a '/' or an '@', or is
/// "www." or "pic." (any case); most paragraphs have none and skip the pattern.
fn may_link(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2(b'/', b'@', b).is_some()
        || memchr::memchr_iter(b'.', b).any(|i| {
            i >= 3 && {
                let head = &b[i - 3..i];
                head.eq_ignore_ascii_case(b"www") || head.eq_ignore_ascii_case(b"pic")
            }
        })
}

/// A timestamp line has at most this many words ("Nov 23, 2024 - 23:00 GMT").
const TIMESTAMP_MAX_WORDS: usize = 12;

fn timestamp_re() -> &'static WordRegex {
    static R: OnceLock<WordRegex> = OnceLock::new();
    R.get_or_init(|| {
        WordRegex::new(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\((?:updated|edited)?:?\s*\)|\b(?:updated|published|posted|edited)\b:?|\b(?:gmt|utc|bst|cet|cest|eet|eest|msk|ist|jst|aest|[ecmp][sd]t)\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?|\b\d{1,2}\.\d{2}\b|\b[a-z]{3,4}\s+ago\b|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b")
            .expect("timestamp pattern compiles")
    })
}

fn features(text: &str, lex: &Lexicon) -> Features {
    let (mut words, mut stops) = (0, 0);
    // Room for a content word in eight bytes, so that the list is seldom grown.
    let mut content = Vec::with_capacity(text.len() / 8);
    let mut folded = String::with_capacity(32);
    // Counts a word, given lowercased, and keys it if it is content: `written` is the word
    // whose shape is judged, as written.
    let mut count = |lower: &str, written: &str| {
        words += 1;
        if lex.stopwords.contains(lower) {
            stops += 1;
        } else if text::has_content_shape(written) {
            // As `word_keys` has it, with the stopword test shared with the count above
            // and the word lowercased once for both.
            text::fold_lowered_into(lower, &mut folded);
            content.push(word_key(&folded));
        }
    };
    let lower = collapse_lower(text);
    if text::lowers_word_by_word(text) {
        // The lowered text holds the same words, each lowercased: it is read instead.
        text::words(&lower).for_each(|(_, w)| count(w, w));
    } else {
        text::words(text).for_each(|(_, w)| text::with_lower(w, |l| count(l, w)));
    }
    content.sort_unstable();
    content.dedup();
    let boilerplate_hits = if lower.contains('’') {
        lex.boilerplate_hits(&lower.replace('’', "'"))
    } else {
        lex.boilerplate_hits(&lower)
    };
    Features {
        norm: normalize_lowered(lower),
        boilerplate_hits,
        words,
        stop_share: if words == 0 {
            0.0
        } else {
            stops as f64 / words as f64
        },
        ends_sentence: ends_sentence(text.trim()),
        has_link: may_link(text) && link_re().is_match(text),
        timestamp: words <= TIMESTAMP_MAX_WORDS && is_timestamp_only(text, lex),
        content,
    }
}

fn is_boilerplate_phrase(f: &Features, lex: &Lexicon) -> bool {
    if lex.boilerplate_exact.contains(&f.norm) {
        return true;
    }
    if f.words <= 12
        && let Some((head, _)) = f.norm.split_once(':')
        && lex.boilerplate_exact.contains(head.trim())
    {
        return true;
    }
    let hits = f.boilerplate_hits;
    hits >= 2 || (hits == 1 && f.words <= 40)
}

/// A paragraph that is only a time, a date stamp or an "updated" marker.
fn is_timestamp_only(text: &str, lex: &Lexicon) -> bool {
    // Without a digit or a bracket it is none, whatever its words (checked first: it is
    // cheap, and most short lines have neither).
    if !text.chars().any(|c| c.is_ascii_digit() || c == '(') {
        return false;
    }
    let mut rest = timestamp_re().replace_all(text, " ");
    let mut found: Vec<_> = dates::find_dates(&rest, lex);
    found.reverse();
    for m in found {
        rest.replace_range(m.start..m.end, " ");
    }
    let words = text::words(&rest)
        .filter(|(_, w)| w.chars().any(char::is_alphabetic))
        .count();
    words == 0
}

fn is_caption(text: &str, lex: &Lexicon) -> bool {
    let t = text.trim();
    if t.contains('Σ') {
        // A capital sigma lowercases by its neighbours: such a line is lowercased whole.
        return caption_in(&text::to_lower(t), text, lex, std::borrow::Cow::Borrowed);
    }
    // Lowercasing maps each character on its own and never makes or removes whitespace, '.',
    // '(' or ')', so the parts read (the line's head, its closing credit) are found in the
    // line as written and lowercased alone.
    caption_in(t, text, lex, |s| std::borrow::Cow::Owned(text::to_lower(s)))
}

/// [`is_caption`] of `text`, trimmed as `t`, lowercased or not: `lower` lowercases the parts
/// of `t` that are read.
fn caption_in<'t, L>(t: &'t str, text: &str, lex: &Lexicon, lower: L) -> bool
where
    L: Fn(&'t str) -> std::borrow::Cow<'t, str>,
{
    // A prefix of n bytes lies within the first n characters lowercased.
    let longest = lex
        .caption_prefixes
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0);
    let head = lower(t.char_indices().nth(longest).map_or(t, |(i, _)| &t[..i]));
    if lex
        .caption_prefixes
        .iter()
        .any(|p| head.starts_with(p.as_str()))
    {
        return true;
    }
    let trimmed = t.trim_end_matches(['.', ' ']);
    if let Some(open) = trimmed.rfind('(')
        && trimmed.ends_with(')')
    {
        let credit = lower(&trimmed[open..]);
        let words = credit.split_whitespace().count();
        return lex
            .caption_marks
            .iter()
            .any(|m| credit.contains(m.as_str()))
            || (credit.contains('/') && words <= 8 && !credit.chars().any(|c| c.is_ascii_digit()));
    }
    // A credit starts at a space with at most CREDIT_MAX_WORDS words after it, so only the
    // line's last words are searched.
    let tail = match trimmed.split_whitespace().nth_back(CREDIT_MAX_WORDS - 1) {
        Some(w) => {
            let at = w.as_ptr() as usize - trimmed.as_ptr() as usize;
            let space = trimmed[..at]
                .char_indices()
                .next_back()
                .map_or(0, |(i, _)| i);
            &trimmed[space..]
        }
        None => trimmed,
    };
    let tail = lower(tail);
    let credit_at_end = lex
        .caption_credits
        .iter()
        .any(|c| tail.contains(c.as_str()));
    credit_at_end && text.split_whitespace().count() <= CAPTION_MAX_WORDS
}

/// A photo credit closing a line ("... Photo: AFP") has at most this many words.
const CREDIT_MAX_WORDS: usize = 5;
/// Captions are short.
const CAPTION_MAX_WORDS: usize = 40;

/// The line after a caption label ("Image caption,") is the caption; the short line under a
/// byline names the outlet or the author's desk.
fn label_followers(kinds: &mut [Option<ParagraphKind>], feats: &[Features], texts: &[&str]) {
    for i in 1..kinds.len() {
        if kinds[i].is_some() {
            continue;
        }
        let prev = texts[i - 1].trim_end();
        if kinds[i - 1] == Some(ParagraphKind::Caption) && prev.ends_with([',', ':']) {
            kinds[i] = Some(ParagraphKind::Caption);
        } else if kinds[i - 1] == Some(ParagraphKind::Meta)
            && is_byline(prev)
            && feats[i].words <= 4
            && !feats[i].ends_sentence
        {
            kinds[i] = Some(ParagraphKind::Meta);
        }
    }
}

/// A line shaped like a headline: a handful of words and no sentence ending.
fn is_headline_like(f: &Features) -> bool {
    (3..=20).contains(&f.words) && !f.ends_sentence
}

/// A line that is an embedded post's text or signature, or a bare link.
fn is_embed_or_link(f: &Features, text: &str) -> bool {
    f.has_link && (f.words <= 40 || text.trim_start().starts_with(['—', '–', '-']))
}

fn is_byline(text: &str) -> bool {
    const OPENERS: [&str; 5] = [
        "by ",
        "written by ",
        "words by ",
        "reporting by ",
        "story by ",
    ];
    let t = text.trim();
    // Each character lowercases to at least one byte, so the openers (ASCII, one byte a
    // character) are found among as many of the line's first characters, lowercased.
    let longest = OPENERS.iter().map(|p| p.len()).max().unwrap_or(0);
    let head = t.char_indices().nth(longest).map_or(t, |(i, _)| &t[..i]);
    let rest = text::with_lower(head, |lower| {
        OPENERS
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))
    });
    rest.is_some_and(|r| {
        r.split_whitespace()
            .next()
            .is_some_and(text::is_capitalized)
    }) && text::words(t).count() <= 25
}

fn has_full_date(text: &str, lex: &Lexicon) -> bool {
    dates::find_dates(text, lex)
        .iter()
        .any(|m| matches!(m.value, dates::DateValue::Day { year: Some(_), .. }))
}

/// Classifies each paragraph of a document.
pub fn classify(doc: &Document, stats: &CorpusStats, lex: &Lexicon) -> Vec<Paragraph> {
    classify_within(doc, stats, &Budget::unlimited(), lex).unwrap_or_default()
}

/// [`classify`] within a time budget, checked after each paragraph is read and between the
/// passes over them.
pub fn classify_within(
    doc: &Document,
    stats: &CorpusStats,
    budget: &Budget,
    lex: &Lexicon,
) -> Result<Vec<Paragraph>, Stopped> {
    let spans = match &doc.blocks {
        Some(blocks) => blocks.iter().map(|b| (b.start, b.end)).collect(),
        None => split_paragraphs(&doc.text, doc.structured),
    };
    let texts: Vec<&str> = spans.iter().map(|&(s, e)| &doc.text[s..e]).collect();
    let feats: Vec<Features> = texts
        .iter()
        .map(|t| budget.check().map(|()| features(t, lex)))
        .collect::<Result<_, _>>()?;
    let mut kinds: Vec<Option<ParagraphKind>> = vec![None; spans.len()];

    let mut in_page: HashMap<&str, usize> = HashMap::default();
    for f in &feats {
        *in_page.entry(f.norm.as_str()).or_default() += 1;
    }

    let title_norm = doc
        .title
        .as_deref()
        .map(normalize)
        .or_else(|| find_title(&texts, &feats, lex).map(|i| feats[i].norm.clone()));

    for (i, (t, f)) in texts.iter().zip(&feats).enumerate() {
        let short = f.words <= MAX_REPEATED_WORDS;
        kinds[i] = if title_norm.as_deref() == Some(f.norm.as_str())
            || is_byline(t)
            || (f.timestamp && has_full_date(t, lex))
        {
            Some(ParagraphKind::Meta)
        } else if is_boilerplate_phrase(f, lex)
            || is_embed_or_link(f, t)
            || f.timestamp
            || (short && !f.ends_sentence && stats.docs_with(&f.norm) >= 2)
            || (short && in_page.get(f.norm.as_str()).copied().unwrap_or(0) >= 2)
            || f.words == 0
        {
            Some(ParagraphKind::Boilerplate)
        } else if is_caption(t, lex) {
            Some(ParagraphKind::Caption)
        } else {
            None
        };
    }

    if let Some(t) =
        (0..kinds.len()).find(|&i| title_norm.as_deref() == Some(feats[i].norm.as_str()))
    {
        for i in 0..t {
            if kinds[i].is_none() && feats[i].words <= MAX_LABEL_WORDS && !feats[i].ends_sentence {
                kinds[i] = Some(ParagraphKind::Boilerplate);
            }
        }
    }
    label_followers(&mut kinds, &feats, &texts);
    sandwiched_lines_are_noise(&mut kinds, &feats);
    after_closing_credit_is_noise(&mut kinds, &feats, &texts);
    let soft: Vec<bool> = feats.iter().map(|f| f.timestamp).collect();
    budget.check()?;
    judge_segments(&mut kinds, &feats, &soft, title_norm.as_deref(), lex);
    let mut kinds: Vec<ParagraphKind> = kinds
        .into_iter()
        .map(|k| k.unwrap_or(ParagraphKind::Body))
        .collect();
    if let Some(blocks) = &doc.blocks
        && blocks.iter().any(|b| b.extracted == Extracted::Kept)
    {
        for (i, b) in blocks.iter().enumerate() {
            kinds[i] = match b.extracted {
                Extracted::Kept => kept_kind(texts[i], &feats[i], title_norm.as_deref(), lex),
                Extracted::Dropped => dropped_kind(kinds[i], &feats[i]),
                Extracted::Unknown => kinds[i],
            };
        }
    }

    Ok(spans
        .iter()
        .zip(kinds)
        .map(|(&(start, end), kind)| Paragraph::new(start..end, kind))
        .collect())
}

/// The kind of a block the page extractor kept as main text: the story, unless it is plainly
/// the headline, a byline or dateline, a photo caption, or a known noise phrase.
fn kept_kind(t: &str, f: &Features, title: Option<&str>, lex: &Lexicon) -> ParagraphKind {
    if title == Some(f.norm.as_str()) || is_byline(t) || (f.timestamp && has_full_date(t, lex)) {
        ParagraphKind::Meta
    } else if is_boilerplate_phrase(f, lex) || f.timestamp {
        ParagraphKind::Boilerplate
    } else if is_caption(t, lex) {
        ParagraphKind::Caption
    } else {
        ParagraphKind::Body
    }
}

/// The kind of a block the page extractor left out: what this classifier made of it, and
/// where that was the story, another story if it is prose or a headline, else page furniture.
fn dropped_kind(ours: ParagraphKind, f: &Features) -> ParagraphKind {
    match ours {
        ParagraphKind::Body if is_prose(f) || is_headline_like(f) => ParagraphKind::OffTopic,
        ParagraphKind::Body => ParagraphKind::Boilerplate,
        other => other,
    }
}

/// Paragraphs looked at for a headline.
const TITLE_REACH: usize = 8;
/// A headline's words: fewer is a label, more is prose.
const MIN_TITLE_WORDS: usize = 3;
const MAX_TITLE_WORDS: usize = 30;
/// A first paragraph ending with a period is a headline only this short; longer, it is the
/// story's first sentence.
const MAX_TITLE_WORDS_WITH_PERIOD: usize = 20;

/// The headline of a text that names none: among the first few paragraphs that are not
/// furniture, the first if it is short (a headline may end with a period), else a later short
/// one without a final period, but never one after the story has begun (a long paragraph):
/// a subheading or a quoted line further down is not the headline.
fn find_title(texts: &[&str], feats: &[Features], lex: &Lexicon) -> Option<usize> {
    let mut first = true;
    for (i, (t, f)) in texts.iter().zip(feats).enumerate().take(TITLE_REACH) {
        let furniture = is_boilerplate_phrase(f, lex) || is_byline(t) || f.timestamp || f.has_link;
        if furniture || f.words < MIN_TITLE_WORDS {
            continue;
        }
        if f.words > MAX_TITLE_WORDS {
            return None;
        }
        // A headline heads a story: something longer follows it.
        let heads_a_story = feats[i + 1..].iter().any(|g| g.words > f.words);
        if heads_a_story
            && (!t.trim_end().ends_with('.') || (first && f.words <= MAX_TITLE_WORDS_WITH_PERIOD))
        {
            return Some(i);
        }
        first = false;
    }
    None
}

/// A short line between two lines of furniture is furniture too (a newsletter's name among
/// sign-up prompts).
fn sandwiched_lines_are_noise(kinds: &mut [Option<ParagraphKind>], feats: &[Features]) {
    let noise = |k: Option<ParagraphKind>| k == Some(ParagraphKind::Boilerplate);
    let label_edge = |k: Option<ParagraphKind>| noise(k) || k == Some(ParagraphKind::Meta);
    for i in 0..kinds.len() {
        if kinds[i].is_some() || feats[i].words > MAX_REPEATED_WORDS || feats[i].ends_sentence {
            continue;
        }
        let label = feats[i].words <= 3;
        let edge = |k: Option<ParagraphKind>| if label { label_edge(k) } else { noise(k) };
        let before = i == 0 || edge(kinds[i - 1]);
        let after = i + 1 == kinds.len() || edge(kinds[i + 1]);
        if before && after {
            kinds[i] = Some(ParagraphKind::Boilerplate);
        }
    }
}

/// A credit line after the story ("Reporting by ...") closes it: short lines after it are
/// page furniture.
fn after_closing_credit_is_noise(
    kinds: &mut [Option<ParagraphKind>],
    feats: &[Features],
    texts: &[&str],
) {
    let Some(first_body) = (0..kinds.len()).find(|&i| kinds[i].is_none() && is_prose(&feats[i]))
    else {
        return;
    };
    let Some(credit) = (first_body..kinds.len())
        .find(|&i| kinds[i] == Some(ParagraphKind::Meta) && is_byline(texts[i]))
    else {
        return;
    };
    for i in credit + 1..kinds.len() {
        if kinds[i].is_none() && feats[i].words <= AFTER_CREDIT_MAX_WORDS {
            kinds[i] = Some(ParagraphKind::Boilerplate);
        }
    }
}

/// Lines after a closing credit up to this long are furniture.
const AFTER_CREDIT_MAX_WORDS: usize = 15;

/// Content paragraphs grouped into runs broken by furniture or by a headline-shaped line.
struct Segment {
    members: Vec<usize>,
    /// Boilerplate paragraphs between this segment and the previous one.
    gap: usize,
}

fn segments(kinds: &[Option<ParagraphKind>], feats: &[Features], soft: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut gap = 0;
    let mut open = false;
    for (i, k) in kinds.iter().enumerate() {
        match k {
            Some(ParagraphKind::Boilerplate) if soft[i] && open => {}
            Some(ParagraphKind::Boilerplate) => {
                gap += 1;
                open = false;
            }
            Some(_) => {}
            None => {
                if !open || is_headline_like(&feats[i]) {
                    out.push(Segment {
                        members: Vec::new(),
                        gap,
                    });
                    gap = 0;
                }
                open = true;
                if let Some(s) = out.last_mut() {
                    s.members.push(i);
                }
            }
        }
    }
    out
}

fn share_in(words: &HashSet<u64>, topic: &HashSet<u64>) -> f64 {
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| topic.contains(*w)).count() as f64 / words.len() as f64
}

/// A text's folded content words as hashes: paragraphs and segments are compared by these.
fn word_keys(text: &str, lex: &Lexicon) -> HashSet<u64> {
    crate::lexicon::content_words(text, lex)
        .map(|w| word_key(&w))
        .collect()
}

/// A folded word's key. Keys are only compared within one load, never stored, so the hash
/// is a fast one (eight bytes a step) rather than the byte-at-a-time one ids use.
fn word_key(folded: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(folded.as_bytes());
    h.finish()
}

/// Whether only meta lines (the title, byline, dateline) stand between the title and
/// paragraph `i`: a standfirst under the headline.
fn follows_title(kinds: &[Option<ParagraphKind>], i: usize) -> bool {
    let before = &kinds[..i];
    let metas = before
        .iter()
        .rev()
        .take_while(|k| **k == Some(ParagraphKind::Meta))
        .count();
    metas > 0 && metas <= 3
}

/// Decides which runs of content are the story and which are other stories swept in.
fn judge_segments(
    kinds: &mut [Option<ParagraphKind>],
    feats: &[Features],
    soft: &[bool],
    title: Option<&str>,
    lex: &Lexicon,
) {
    let segs = segments(kinds, feats, soft);
    if segs.is_empty() {
        return;
    }
    let title_words: HashSet<u64> = title.map(|t| word_keys(t, lex)).unwrap_or_default();
    // Each segment's words, gathered once: choosing the main segment compares segments
    // pairwise, and every segment is then measured against the topic.
    let seg_words: Vec<HashSet<u64>> = segs
        .iter()
        .map(|s| {
            // Sized for all the members' words at once: grown word by word, a long
            // segment's set was rebuilt at every doubling.
            let most = s.members.iter().map(|&i| feats[i].content.len()).sum();
            let mut words = HashSet::with_capacity_and_hasher(most, Default::default());
            for &i in &s.members {
                words.extend(feats[i].content.iter().copied());
            }
            words
        })
        .collect();
    let seg_len = |s: &Segment| s.members.iter().map(|&i| feats[i].words).sum::<usize>();
    let has_prose = |s: &Segment| {
        s.members
            .iter()
            .any(|&i| is_prose(&feats[i]) && feats[i].stop_share > 0.2)
    };
    let main = (0..segs.len())
        .filter(|&i| has_prose(&segs[i]))
        .max_by(|&a, &b| {
            let score = |i: usize| {
                let fit = if title_words.is_empty() {
                    1.0
                } else {
                    share_in(&title_words, &seg_words[i]) + 0.05
                };
                fit * (seg_len(&segs[i]) as f64).sqrt()
            };
            score(a).total_cmp(&score(b)).then(b.cmp(&a))
        })
        .unwrap_or(0);

    let mut topic: HashSet<u64> = title_words.clone();
    for &i in &segs[main].members {
        topic.extend(feats[i].content.iter().copied());
    }

    // Boilerplate between segments a..=b is gap_before[b + 1] - gap_before[a]: summing the
    // gaps afresh for every segment took the square of their number.
    let gap_before: Vec<usize> = std::iter::once(0)
        .chain(segs.iter().scan(0, |sum, s| {
            *sum += s.gap;
            Some(*sum)
        }))
        .collect();
    let gaps = |a: usize, b: usize| gap_before[b + 1] - gap_before[a];
    let mut last_story = main;
    for (n, seg) in segs.iter().enumerate() {
        if n == main {
            last_story = n;
            continue;
        }
        let all_headlines = seg.members.iter().all(|&i| is_headline_like(&feats[i]));
        let teaser = n > main
            && is_headline_like(&feats[seg.members[0]])
            && feats[seg.members[0]].words >= TEASER_MIN_WORDS
            && seg.members.len() <= 2
            && seg_len(seg) <= 60;
        let gap = if n > main {
            gaps(last_story + 1, n)
        } else {
            gaps(n + 1, main)
        };
        let need = if gap <= NEAR_GAP {
            NEAR_SEGMENT_MIN_TOPIC_SHARE
        } else {
            FAR_SEGMENT_MIN_TOPIC_SHARE
        };
        let share = share_in(&seg_words[n], &topic);
        let dek = n < main
            && seg
                .members
                .first()
                .is_some_and(|&i| follows_title(kinds, i));
        let story = if dek {
            true
        } else if all_headlines {
            n < main && share >= TEASER_MIN_TOPIC_SHARE
        } else if teaser {
            share >= TEASER_MIN_TOPIC_SHARE
        } else {
            (n == last_story + 1 && seg.gap == 0) || share >= need
        };
        let kind = if story {
            if n > main {
                last_story = n;
            }
            ParagraphKind::Body
        } else {
            ParagraphKind::OffTopic
        };
        for &i in &seg.members {
            kinds[i] = Some(kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_prefilter_passes_every_link_form() {
        for (text, link) in [
            ("Read it at https://example.net/a", true),
            ("Visit WWW.Example.org for more", true),
            ("Photo: Pic.Twitter.com/abc123", true),
            ("Follow @newsdesk for updates", true),
            ("More on example.co/story today", true),
            ("The mayor spoke at noon. Nobody left.", false),
            ("A ratio of 3/4 and an email-free line", false),
            ("Thew. Topic. Epic.", false),
        ] {
            assert_eq!(link_re().is_match(text), link, "{text}");
            assert_eq!(may_link(text) && link_re().is_match(text), link, "{text}");
        }
        assert!(!may_link("The mayor spoke at noon. Nobody left."));
    }

    fn kinds_of(text: &str) -> Vec<(String, ParagraphKind)> {
        let doc = Document::plain("t.txt", text.to_string());
        classify(&doc, &CorpusStats::default(), Lexicon::global())
            .iter()
            .map(|p| (doc.text[p.start()..p.end()].to_string(), p.kind))
            .collect()
    }

    #[test]
    fn normalized_words_are_counted_between_the_edges() {
        for (text, words) in [
            ("", 1),
            ("- . -", 1),
            ("Home", 1),
            ("-- Read more --", 2),
            ("\"- one two three four five six seven eight -\"", 8),
            ("one two three four five six seven eight nine", 9),
            ("one - two", 3),
            ("* Home", 2),
        ] {
            for max in 0..11 {
                assert_eq!(
                    normalized_words_at_most(text, max),
                    words <= max,
                    "{text:?} at most {max}"
                );
            }
            let normalized = normalize(text);
            assert_eq!(
                normalized.split_whitespace().count().max(1),
                words,
                "{text:?}"
            );
        }
    }

    #[test]
    fn hard_wrapped_prose_joins_but_lists_do_not() {
        let text = "The river rose four metres overnight and flooded the lower town\nwhere most families live, officials said on Tuesday.\n\nHome\nWorld\nSport\n";
        let spans = split_paragraphs(text, false);
        assert_eq!(spans.len(), 4);
        assert!(text[spans[0].0..spans[0].1].ends_with("Tuesday."));
    }

    #[test]
    fn prompts_timestamps_and_captions_are_not_story() {
        let got = kinds_of(
            "Skip to content\n\nFloods force 3,000 from homes in river towns\n\nBy Jane Doe March 3, 2023 10:15 AM\n\nSome 3,000 people left their homes after the river burst its banks, the regional governor said on Friday.\n\nRescue teams used boats to reach villages cut off by the water, and the army sent two helicopters.\n\nResidents wade through water in the town centre on March 3, 2023. (John Smith/AFP via Getty Images)\n\n10:45 AM\n\nSign up for our newsletter\n\n* indicates required\n",
        );
        let kind = |needle: &str| {
            got.iter()
                .find(|(t, _)| t.contains(needle))
                .map(|(_, k)| *k)
        };
        assert_eq!(kind("Skip to content"), Some(ParagraphKind::Boilerplate));
        assert_eq!(kind("Floods force"), Some(ParagraphKind::Meta));
        assert_eq!(kind("By Jane Doe"), Some(ParagraphKind::Meta));
        assert_eq!(kind("Some 3,000"), Some(ParagraphKind::Body));
        assert_eq!(kind("Rescue teams"), Some(ParagraphKind::Body));
        assert_eq!(kind("Residents wade"), Some(ParagraphKind::Caption));
        assert_eq!(kind("10:45"), Some(ParagraphKind::Boilerplate));
        assert_eq!(kind("Sign up"), Some(ParagraphKind::Boilerplate));
        assert_eq!(kind("indicates"), Some(ParagraphKind::Boilerplate));
    }

    #[test]
    fn a_plain_text_headline_is_its_first_short_paragraph_before_the_story() {
        let story = "Crews worked through the night to clear the line, and the operator said that \
                     services on the northern branch would run to a reduced timetable until the \
                     end of the week while engineers inspect the damaged bridge.";
        let cases: &[(&str, Option<&str>)] = &[
            // A headline may end with a period, or hold two sentences.
            (
                "Storm cuts rail link to the north.\n\nSTORY",
                Some("Storm cuts rail link to the north."),
            ),
            (
                "The storm is over. Here is what comes next.\n\nSTORY",
                Some("The storm is over. Here is what comes next."),
            ),
            // Furniture before the headline is passed over.
            (
                "Skip to content\n\nStorm cuts rail link to the north\n\nSTORY",
                Some("Storm cuts rail link to the north"),
            ),
            // A text that opens with its story has no headline; a subheading or a short
            // quoted line further down is not one.
            ("STORY\n\nWhat happens next?\n\nSTORY", None),
            (
                "STORY\n\n\"We will rebuild,\" the mayor said\n\nSTORY",
                None,
            ),
            // A text of one short paragraph is a story without a headline.
            ("Storm cuts rail link to the north.", None),
            // A one-sentence first paragraph longer than a headline is the story's start.
            (
                "Crews worked through the night to clear the line after the storm brought down \
                 trees across the northern branch, officials said.\n\nSTORY",
                None,
            ),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(text, want)| {
                let text = text.replace("STORY", story);
                let doc = Document::plain("t.txt", text.clone());
                let got = crate::corpus::build_articles(vec![doc], Lexicon::global())
                    .pop()
                    .and_then(|a| a.title);
                (got.as_deref() != want).then(|| format!("{text:?}: want {want:?}, got {got:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn general_appeals_and_sign_up_prompts_are_furniture() {
        let lex = Lexicon::global();
        let noise = |t: &str| is_boilerplate_phrase(&features(t, lex), lex);
        for line in [
            "Thanks for subscribing! Check your inbox to confirm your address.",
            "Please enter a valid email address",
            "Get the morning briefing delivered straight to your inbox. You can unsubscribe at any time.",
            "Our newsroom is reader-funded. Your support helps us stay independent: support us on Patreon.",
            "This audio was generated automatically from the text of the article.",
        ] {
            assert!(noise(line), "{line}");
        }
        for line in [
            "The country hopes to become a member of the alliance by 2030, the minister said.",
            "Each state will make a contribution of $2 billion to the fund, officials said.",
            "The charity received a one-time donation of $5 million from a local family.",
        ] {
            assert!(!noise(line), "{line}");
        }
    }

    #[test]
    fn a_credit_counts_only_among_a_line_s_last_words() {
        let lex = Lexicon::global();
        assert!(is_caption(
            "Rescuers carry a child across the flooded square. Photo: Jane Doe",
            lex
        ));
        assert!(is_caption("Rescuers at work. Photo:  Jane  Q. Doe", lex));
        assert!(is_caption("Rescuers at work. Photo: Jane Q. Doe Jr", lex));
        assert!(!is_caption(
            "Rescuers at work. Photo: Jane Q. Doe Jr Sr",
            lex
        ));
        assert!(!is_caption(
            "The agency said its photo: archive shows the square flooded twice before in a decade.",
            lex
        ));
    }

    #[test]
    fn feed_entries_after_the_story_are_off_topic() {
        let got = kinds_of(
            "Central bank raises rates to 5% to fight inflation\n\nThe central bank raised its main interest rate to 5% on Thursday, its third increase this year, as inflation stayed above target.\n\nThe bank's governor said inflation would fall back to target by next spring as higher borrowing costs cool demand.\n\nMost read\n\n9:30 AM\n\nStriker signs four-year deal with rival club after long transfer saga.\n\nThe forward, who scored 22 goals last season, will undergo a medical on Monday before joining the squad for pre-season training.\n",
        );
        let kind = |needle: &str| {
            got.iter()
                .find(|(t, _)| t.contains(needle))
                .map(|(_, k)| *k)
        };
        assert_eq!(kind("governor said"), Some(ParagraphKind::Body));
        assert_eq!(kind("Striker signs"), Some(ParagraphKind::OffTopic));
        assert_eq!(kind("The forward"), Some(ParagraphKind::OffTopic));
    }
}
