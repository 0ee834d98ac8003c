//! Source independence: articles that copy each other's text, or come from one outlet, are
//! one source.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

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
/// Shared shingles are paired up in 2^PART_BITS passes over slices of their hashes.
const PART_BITS: u32 = 3;
/// Two articles sharing this many shingles copied a passage (about a sentence) between them.
const MIN_SHARED_SHINGLES: usize = 6;

/// Calls `f` with the hash of each word shingle of an article's story text, in order, repeats
/// included. Quotations are left out: outlets that quote one speaker share the speaker's
/// words, not each other's.
fn each_shingle(a: &Extracted, mut f: impl FnMut(u64)) {
    // The last SHINGLE words' hashes, word `k` at `k % SHINGLE`.
    let mut window = [0u64; SHINGLE];
    for p in a.body() {
        let mut words = 0;
        let para = a.paragraph_text(p);
        let quoted = quotation_spans(para);
        let mut q = 0;
        for (at, w) in text::words(para) {
            while q < quoted.len() && quoted[q].1 <= at {
                q += 1;
            }
            if quoted.get(q).is_some_and(|&(s, _)| s <= at) {
                words = 0;
                continue;
            }
            window[words % SHINGLE] = word_hash(w);
            words += 1;
            if words >= SHINGLE {
                f(
                    (words..words + SHINGLE).fold(0xcbf2_9ce4_8422_2325_u64, |h, k| {
                        (h ^ window[k % SHINGLE]).wrapping_mul(0x0000_0100_0000_01b3)
                    }),
                );
            }
        }
    }
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
    let step = |h: u64, c: u64| (h ^ c).wrapping_mul(0x0000_0100_0000_01b3);
    if w.is_ascii() {
        // An ASCII letter lowercases to one ASCII letter: the same hash, without decoding.
        w.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            step(h, u64::from(b.to_ascii_lowercase()))
        })
    } else {
        w.chars()
            .flat_map(char::to_lowercase)
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| step(h, u64::from(c)))
    }
}

/// Which shingle hashes were seen twice (in two articles, or twice in one), two bits a slot
/// picked by a hash's low bits: a hash seen twice is always marked so, and a hash seen once
/// is too when another hash took its slot (as often as slots are taken).
struct SeenTwice {
    /// Slot `k`'s bits are `1 << (2 * (k % 32))` (seen) and the one above it (again), in
    /// word `k / 32`.
    bits: Vec<AtomicU64>,
    slots: u64,
}

impl SeenTwice {
    /// At least `slots` slots, a power of two no larger than 2^31: a slot depends on a
    /// hash's low 31 bits alone, which every hash that [`source_groups`] counts as one
    /// shingle shares.
    fn new(slots: usize) -> SeenTwice {
        let slots = slots.clamp(32, 1 << 31).next_power_of_two();
        SeenTwice {
            bits: (0..slots / 32).map(|_| AtomicU64::new(0)).collect(),
            slots: slots as u64,
        }
    }

    /// The word and the "seen" bit of a hash's slot.
    fn slot(&self, h: u64) -> (&AtomicU64, u64) {
        let k = h & (self.slots - 1);
        (&self.bits[(k / 32) as usize], 1 << (2 * (k % 32)))
    }

    /// Marks a batch of hashes. The slots are read first, in a loop of independent reads
    /// the processor overlaps, so the marks that follow find them in cache: a table this
    /// size is mostly out of it, and each mark waits for its word.
    fn mark_all(&self, hashes: &[u64]) {
        let read = hashes
            .iter()
            .fold(0, |acc, &h| acc ^ self.slot(h).0.load(Relaxed));
        std::hint::black_box(read);
        for &h in hashes {
            let (word, seen) = self.slot(h);
            let was = word.fetch_or(seen, Relaxed);
            if was & seen != 0 && was & seen << 1 == 0 {
                word.fetch_or(seen << 1, Relaxed);
            }
        }
    }

    fn seen_twice(&self, h: u64) -> bool {
        let (word, seen) = self.slot(h);
        word.load(Relaxed) & seen << 1 != 0
    }
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
    // The shingles each article shares with another (and some it does not), sorted: a first
    // pass marks the hashes seen twice, a second keeps those. Holding every article's
    // shingles would take most of the corpus's text again, and few are shared. A slot for
    // two bytes of text is about five a shingle: most hashes seen once are dropped.
    let text: usize = articles.iter().map(|a| a.text.len()).sum();
    let twice = SeenTwice::new(text / 2);
    articles.par_iter().for_each_init(Vec::new, |hashes, a| {
        hashes.clear();
        each_shingle(a, |h| hashes.push(h));
        twice.mark_all(hashes);
    });
    let per_article: Vec<Vec<u64>> = articles
        .par_iter()
        .map_init(Vec::new, |hashes, a| {
            hashes.clear();
            each_shingle(a, |h| hashes.push(h));
            let mut kept: Vec<u64> = hashes
                .iter()
                .copied()
                .filter(|&h| twice.seen_twice(h))
                .collect();
            kept.sort_unstable();
            kept.dedup();
            kept.shrink_to_fit();
            kept
        })
        .collect();
    drop(twice);
    // Every (shingle, article) pair, sorted, so each shingle's articles are one run. The pairs
    // are packed into one u64 (the shingle's hash above the article's number) and sorted one
    // slice of the hash range at a time.
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
    fn a_word_hash_ignores_case_in_any_script() {
        let by_chars = |w: &str| {
            w.chars()
                .flat_map(char::to_lowercase)
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                    (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
                })
        };
        for w in [
            "Minister",
            "MARCH",
            "o'clock",
            "co-op",
            "Ärzte",
            "İstanbul",
            "Σοφία",
        ] {
            assert_eq!(word_hash(w), by_chars(w), "{w}");
        }
        assert_eq!(word_hash("Minister"), word_hash("minister"));
        assert_eq!(word_hash("ÄRZTE"), word_hash("ärzte"));
    }

    #[test]
    fn a_hash_seen_twice_is_marked_even_in_a_crowded_table() {
        let crowded = SeenTwice::new(64);
        let once: Vec<u64> = (0..200u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        crowded.mark_all(&once);
        crowded.mark_all(&[once[7]]);
        crowded.mark_all(&[5, 5]);
        assert!(crowded.seen_twice(once[7]), "in two articles");
        assert!(crowded.seen_twice(5), "twice in one article");
        let roomy = SeenTwice::new(1 << 20);
        roomy.mark_all(&[3, 1 << 40, 7]);
        roomy.mark_all(&[7]);
        assert!(!roomy.seen_twice(3), "seen once, alone in its slot");
        assert!(roomy.seen_twice(7));
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
