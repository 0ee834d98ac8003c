//! Source independence: articles that copy each other's text, or come from one outlet, are
//! one source.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::corpus::Article;
use crate::extract::claims::stable_hash;
use crate::text;

/// Word n-gram length for detecting copied passages.
const SHINGLE: usize = 8;
/// A passage found in more articles than this is boilerplate or a template, not a copy
/// between reports; counting its pairs would also grow with the square of its spread.
const MAX_SHINGLE_DOCS: usize = 8;
/// Two articles sharing this many shingles copied a passage (about a sentence) between them.
const MIN_SHARED_SHINGLES: usize = 6;

/// Hashes of the word shingles of an article's story text.
pub fn shingles(a: &Article) -> HashSet<u64> {
    let mut out = HashSet::default();
    for p in a.body() {
        let words: Vec<String> = text::words(a.paragraph_text(p))
            .map(|(_, w)| w.to_lowercase())
            .collect();
        for w in words.windows(SHINGLE) {
            let parts: Vec<&str> = w.iter().map(String::as_str).collect();
            out.insert(stable_hash(&parts));
        }
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// For each article, a group id shared by every article it copies from or shares an outlet
/// with (directly or through others). Shingles are indexed, so no pair of articles without
/// shared text is compared.
pub fn source_groups(articles: &[Article]) -> Vec<usize> {
    let n = articles.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    let mut by_outlet: HashMap<String, usize> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        if let Some(o) = &a.outlet {
            let key = o.to_lowercase();
            match by_outlet.get(&key) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_outlet.insert(key, i);
                }
            }
        }
    }
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        for s in shingles(a) {
            postings.entry(s).or_default().push(i as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), usize> = HashMap::default();
    for docs in postings.values() {
        if docs.len() < 2 || docs.len() > MAX_SHINGLE_DOCS {
            continue;
        }
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<_> = shared
        .into_iter()
        .filter(|&(_, c)| c >= MIN_SHARED_SHINGLES)
        .collect();
    pairs.sort_unstable();
    for ((a, b), _) in pairs {
        union(&mut parent, a as usize, b as usize);
    }
    (0..n).map(|i| find(&mut parent, i)).collect()
}
