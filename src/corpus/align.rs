//! Which blocks of a page a main-text extractor kept: its output is plain text, so each block
//! of the page is looked for in it, in page order, by the word trigrams they share.
//!
//! The extractor's text holds only what it kept, in page order: a block is placed where most
//! of its trigrams agree, and the kept blocks are the heaviest run of placed blocks whose
//! places rise with the page. A block of one or two words ("Share", "Video") is found anywhere,
//! so it counts only right where the story goes on.

use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};

/// A block of one or two words must start within this many words of where the previous kept
/// block ended in the extractor's text.
const SHORT_BLOCK_SLACK: usize = 12;
/// A block's trigrams count as one match when their offsets differ by at most this many words
/// (the extractor may drop or add a word: an inline link, a footnote mark).
const OFFSET_TOLERANCE: usize = 3;

/// The words of a text, folded to lowercase, as hashes: runs of letters and digits.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if !word.is_empty() {
            let mut h = rustc_hash::FxHasher::default();
            word.hash(&mut h);
            out.push(h.finish());
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
    out
}

fn gram(words: &[u64]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    words.hash(&mut h);
    h.finish()
}

/// Where each n-gram (n = 1, 2, 3) occurs in the extracted text, in ascending order.
struct Occurrences {
    by_gram: [HashMap<u64, Vec<u32>>; 3],
}

impl Occurrences {
    fn new(words: &[u64]) -> Occurrences {
        let mut by_gram: [HashMap<u64, Vec<u32>>; 3] = Default::default();
        for (n, map) in by_gram.iter_mut().enumerate() {
            for (i, w) in words.windows(n + 1).enumerate() {
                map.entry(gram(w)).or_default().push(i as u32);
            }
        }
        Occurrences { by_gram }
    }

    /// The first position of an n-gram at or after `from`.
    fn first_from(&self, n: usize, g: u64, from: usize) -> Option<usize> {
        let positions = self.by_gram[n - 1].get(&g)?;
        let i = positions.partition_point(|&p| (p as usize) < from);
        positions.get(i).map(|&p| p as usize)
    }
}

/// A trigram occurring more often than this in the extracted text says little about where a
/// block sits; only its first occurrences are looked at.
const MAX_OCCURRENCES_PER_GRAM: usize = 8;

/// For each block, whether the extractor's text holds it.
///
/// Each block of three words or more is placed where most of its trigrams agree; the kept
/// blocks are then the heaviest chain of placed blocks whose places rise in page order (a
/// teaser repeating a paragraph of the story, or a prompt the extractor kept at the end, cannot
/// pull the rest out of line). Each block off the chain is then looked for between the kept
/// blocks around it (a repeated block, placed at its first copy, is found there); one of one or
/// two words only right after the kept block before it.
pub fn kept_blocks<S: AsRef<str>>(blocks: &[S], extracted: &str) -> Vec<bool> {
    let words = word_hashes(extracted);
    let occ = Occurrences::new(&words);
    let block_words: Vec<Vec<u64>> = blocks.iter().map(|b| word_hashes(b.as_ref())).collect();
    let places: Vec<Option<Place>> = block_words.iter().map(|bw| place(bw, &occ)).collect();
    let chain = heaviest_rising_chain(&places);

    let mut kept = vec![false; blocks.len()];
    let mut cursor = 0usize;
    let mut next_in_chain = chain.iter().peekable();
    for (i, bw) in block_words.iter().enumerate() {
        while next_in_chain.peek().is_some_and(|&&c| c < i) {
            next_in_chain.next();
        }
        if next_in_chain.peek() == Some(&&i) {
            if let Some(p) = places[i] {
                kept[i] = true;
                cursor = cursor.max(p.start + bw.len());
            }
            continue;
        }
        if bw.is_empty() {
            continue;
        }
        let limit = next_in_chain
            .peek()
            .and_then(|&&c| places[c])
            .map_or(usize::MAX, |p| p.start);
        let found = if bw.len() >= 3 {
            place_from(bw, &occ, cursor)
                .filter(|p| p.start + bw.len() <= limit.saturating_add(OFFSET_TOLERANCE))
        } else {
            occ.first_from(bw.len(), gram(bw), cursor)
                .filter(|&p| p <= cursor + SHORT_BLOCK_SLACK && p + bw.len() <= limit)
                .map(|start| Place {
                    start,
                    end: start + bw.len(),
                    weight: 1,
                })
        };
        if let Some(p) = found {
            kept[i] = true;
            cursor = cursor.max(p.start + bw.len());
        }
    }
    kept
}

/// Where a block sits in the extracted text, and how many of its trigrams say so.
#[derive(Debug, Clone, Copy)]
struct Place {
    start: usize,
    /// Where the block ends in the extracted text: its start plus its words.
    end: usize,
    weight: usize,
}

/// The offset most of a block's trigrams agree on, if at least half of them do.
fn place(bw: &[u64], occ: &Occurrences) -> Option<Place> {
    if bw.len() < 3 {
        return None;
    }
    let mut offsets = Vec::new();
    for (j, w) in bw.windows(3).enumerate() {
        if let Some(positions) = occ.by_gram[2].get(&gram(w)) {
            offsets.extend(
                positions
                    .iter()
                    .take(MAX_OCCURRENCES_PER_GRAM)
                    .filter_map(|&p| (p as usize).checked_sub(j)),
            );
        }
    }
    let grams = bw.len() - 2;
    let (start, count) = densest(&mut offsets)?;
    (count * 2 >= grams).then_some(Place {
        start,
        end: start + bw.len(),
        weight: count,
    })
}

/// The offset around which most offsets gather (within the tolerance), and how many do.
fn densest(offsets: &mut [usize]) -> Option<(usize, usize)> {
    offsets.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    let mut lo = 0;
    for hi in 0..offsets.len() {
        while offsets[hi] - offsets[lo] > OFFSET_TOLERANCE {
            lo += 1;
        }
        let count = hi - lo + 1;
        if best.is_none_or(|(_, c)| count > c) {
            best = Some((offsets[lo], count));
        }
    }
    best
}

/// Where a block sits at or after `from`: each trigram's first occurrence there, and the
/// offset most of them agree on, if at least half of them do.
fn place_from(bw: &[u64], occ: &Occurrences, from: usize) -> Option<Place> {
    let mut offsets: Vec<usize> = bw
        .windows(3)
        .enumerate()
        .filter_map(|(j, w)| Some(occ.first_from(3, gram(w), from + j)? - j))
        .collect();
    let (start, count) = densest(&mut offsets)?;
    (count * 2 >= bw.len() - 2).then_some(Place {
        start,
        end: start + bw.len(),
        weight: count,
    })
}

/// The indexes of the placed blocks forming the heaviest chain in which each block starts
/// where the one before it ended (within the tolerance): a weighted longest increasing
/// subsequence, in n log n with a Fenwick tree of prefix maxima over the blocks' ends.
fn heaviest_rising_chain(places: &[Option<Place>]) -> Vec<usize> {
    let mut ends: Vec<usize> = places.iter().flatten().map(|p| p.end).collect();
    ends.sort_unstable();
    ends.dedup();
    let n = ends.len();
    // tree[k]: the best (weight, block) of chains over a range of ends up to rank k (1-based).
    let mut tree: Vec<(usize, usize)> = vec![(0, usize::MAX); n + 1];
    let mut prev: Vec<usize> = vec![usize::MAX; places.len()];
    let mut best: (usize, usize) = (0, usize::MAX);
    for (i, p) in places.iter().enumerate() {
        let Some(p) = p else { continue };
        // Chains ending at or before this block's start: ranks 1..=k.
        let mut k = ends.partition_point(|&e| e <= p.start + OFFSET_TOLERANCE);
        let mut before = (0, usize::MAX);
        while k > 0 {
            if tree[k].0 > before.0 {
                before = tree[k];
            }
            k &= k - 1;
        }
        let here = (before.0 + p.weight, i);
        prev[i] = before.1;
        if here.0 > best.0 {
            best = here;
        }
        let mut k = ends.partition_point(|&e| e < p.end) + 1;
        while k <= n {
            if here.0 > tree[k].0 {
                tree[k] = here;
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut chain = Vec::new();
    let mut at = best.1;
    while at != usize::MAX {
        chain.push(at);
        at = prev[at];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(blocks: &[&str], extracted: &str, want: &[bool]) {
        assert_eq!(kept_blocks(blocks, extracted), want, "{blocks:?}");
    }

    #[test]
    fn blocks_found_in_order_are_kept() {
        check(
            &[
                "Home",
                "World",
                "Storm floods the river towns",
                "The river rose four metres overnight, officials said.",
                "Share",
                "Rescue teams used boats to reach the villages.",
                "Most read",
                "Another story entirely about football transfers.",
            ],
            "The river rose four metres overnight, officials said.\nRescue teams used boats to reach the villages.",
            &[false, false, false, true, false, true, false, false],
        );
    }

    #[test]
    fn a_word_or_two_must_sit_where_the_story_goes_on() {
        check(
            &[
                "Video",
                "Prices rose by a fifth in the first quarter, a video of the briefing shows.",
                "Analysis",
                "Economists expect them to fall back by the summer.",
                "Sponsored links and more from around the web today",
                "Video",
            ],
            "Prices rose by a fifth in the first quarter, a video of the briefing shows.\nAnalysis\nEconomists expect them to fall back by the summer.",
            &[false, true, true, true, false, false],
        );
    }

    #[test]
    fn small_differences_in_the_extracted_text_still_match() {
        check(
            &["The minister — speaking in Kyiv on Monday — said talks would resume [1] next week."],
            "The minister, speaking in Kyiv on Monday, said talks would resume next week.",
            &[true],
        );
    }

    #[test]
    fn a_prompt_kept_at_the_end_does_not_pull_the_story_out_of_line() {
        check(
            &[
                "Download our free guide to the city's best walks",
                "The first paragraph of the story tells what happened on the day.",
                "The second paragraph of the story gives the reaction of the council.",
                "Download our free guide to the city's best walks",
            ],
            "The first paragraph of the story tells what happened on the day. The second paragraph of the story gives the reaction of the council. Download our free guide to the city's best walks",
            &[false, true, true, true],
        );
    }

    #[test]
    fn nothing_extracted_keeps_nothing() {
        check(&["One paragraph of text here.", "---"], "", &[false, false]);
    }
}
