//! Source independence: articles that copy each other's text, or come from one outlet, are
//! one source.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::UnionFind;
use crate::extract::Extracted;
use crate::text;

/// Word n-gram length for detecting copied passages.
const SHINGLE: usize = 8;
/// A passage found in more articles than this is boilerplate or a template, not a copy
/// between reports; counting its pairs would also grow with the square of its spread.
const MAX_SHINGLE_DOCS: usize = 8;
/// Copied passages are found in 2^PART_BITS passes over slices of the shingle hashes.
const PART_BITS: u32 = 3;
/// Two articles sharing this many shingles copied a passage (about a sentence) between them.
const MIN_SHARED_SHINGLES: usize = 6;

/// Hashes of the word shingles of an article's story text, sorted and without repeats.
/// Quotations are left out: outlets that quote one speaker share the speaker's words, not
/// each other's.
pub fn shingles(a: &Extracted) -> Vec<u64> {
    let mut out = Vec::new();
    let mut window: Vec<u64> = Vec::new();
    for p in a.body() {
        window.clear();
        let para = a.paragraph_text(p);
        let quoted = quotation_spans(para);
        let mut q = 0;
        for (at, w) in text::words(para) {
            while q < quoted.len() && quoted[q].1 <= at {
                q += 1;
            }
            if quoted.get(q).is_some_and(|&(s, _)| s <= at) {
                window.clear();
                continue;
            }
            window.push(word_hash(w));
            if window.len() >= SHINGLE {
                let shingle = &window[window.len() - SHINGLE..];
                out.push(shingle.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &w| {
                    (h ^ w).wrapping_mul(0x0000_0100_0000_01b3)
                }));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out.shrink_to_fit();
    out
}

/// Byte spans of a paragraph's quotations, in order; a quotation still open at the end of
/// the paragraph (one that goes on in the next) runs to its end.
fn quotation_spans(para: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in para.char_indices() {
        match (c, open) {
            ('“', None) | ('"', None) => open = Some(i),
            ('”', Some(s)) | ('"', Some(s)) => {
                out.push((s, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    out.extend(open.map(|s| (s, para.len())));
    out
}

/// A word's hash, letter case ignored, without allocating.
fn word_hash(w: &str) -> u64 {
    w.chars()
        .flat_map(char::to_lowercase)
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// For each article, a group id shared by every article it copies from or shares an outlet
/// with (directly or through others). Shingles are indexed, so no pair of articles without
/// shared text is compared.
pub fn source_groups(articles: &[Extracted]) -> Vec<usize> {
    let n = articles.len();
    let mut sets = UnionFind::new(n);
    let mut by_outlet: HashMap<String, usize> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        if let Some(o) = &a.outlet {
            let key = o.to_lowercase();
            match by_outlet.get(&key) {
                Some(&j) => sets.union(i as u32, j as u32),
                None => {
                    by_outlet.insert(key, i);
                }
            }
        }
    }
    // Every (shingle, article) pair, sorted, so each shingle's articles are one run. The pairs
    // are packed into one u64 (the shingle's hash above the article's number) and sorted one
    // slice of the hash range at a time: the whole list would take twice the corpus's text.
    let per_article: Vec<Vec<u64>> = articles.par_iter().map(shingles).collect();
    let article_bits = usize::BITS - n.leading_zeros();
    let mut shared: HashMap<(u32, u32), usize> = HashMap::default();
    for part in 0..1u64 << PART_BITS {
        let in_part = |h: &u64| h >> (64 - PART_BITS) == part;
        let mut postings: Vec<u64> = per_article
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, hashes)| {
                let from = hashes.partition_point(|h| h >> (64 - PART_BITS) < part);
                hashes[from..]
                    .iter()
                    .take_while(|h| in_part(h))
                    .map(move |&h| h << article_bits | i as u64)
            })
            .collect();
        postings.par_sort_unstable();
        let article = |p: u64| (p & ((1 << article_bits) - 1)) as u32;
        for run in postings.chunk_by(|x, y| x >> article_bits == y >> article_bits) {
            if run.len() < 2 || run.len() > MAX_SHINGLE_DOCS {
                continue;
            }
            for (x, &a) in run.iter().enumerate() {
                for &b in &run[x + 1..] {
                    *shared.entry((article(a), article(b))).or_default() += 1;
                }
            }
        }
    }
    drop(per_article);
    let mut pairs: Vec<_> = shared
        .into_iter()
        .filter(|&(_, c)| c >= MIN_SHARED_SHINGLES)
        .collect();
    pairs.sort_unstable();
    for ((a, b), _) in pairs {
        sets.union(a, b);
    }
    sets.roots().into_iter().map(|r| r as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::lexicon::Lexicon;

    fn groups(texts: &[&str]) -> Vec<usize> {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::plain(&format!("r{i}.txt"), t.to_string()))
            .collect();
        source_groups(&crate::extract::extract_all(
            crate::corpus::build_articles(docs, Lexicon::global()),
            Lexicon::global(),
        ))
    }

    #[test]
    fn a_shared_quotation_is_not_a_copy_and_a_shared_passage_is() {
        let quote = "“When the minister arrives in this city we and thousands of our members will very definitely be making our voices heard in every street,” the union leader said.";
        let shared_quote = groups(&[
            &format!("The union plans a march on Friday.\n\n{quote}"),
            &format!("Police expect a large crowd near the station.\n\n{quote}"),
        ]);
        assert_ne!(shared_quote[0], shared_quote[1]);
        let passage = "The union said it expected the march to pass the station at noon, and the police said two roads near the old market would be closed for most of the afternoon.";
        let copied = groups(&[
            &format!("The union plans a march on Friday.\n\n{passage}"),
            &format!("Police expect a large crowd.\n\n{passage}"),
        ]);
        assert_eq!(copied[0], copied[1]);
    }
}
