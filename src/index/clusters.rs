//! Claim clusters: statements in different reports that say the same thing in other words.

use rustc_hash::FxHashMap as HashMap;
use ustr::Ustr;

use super::{ClaimRef, UnionFind};
use crate::corpus::Article;
use crate::extract::claims::stable_hash;
use crate::ids::ClusterId;
use crate::lexicon::Lexicon;
use crate::text;

/// Cosine of two claims' content words and names, each weighted by its rarity in the corpus
/// (inverse document frequency), above which the claims say the same thing.
const MIN_SIMILARITY: f32 = 0.4;
/// Shared words (or names) two claims need before their similarity is worth computing.
const MIN_SHARED: usize = 2;
/// Words in more claims than this are too common to propose candidates.
const MAX_POSTING: usize = 200;

/// Content words and entities of a claim, the basis of comparison: their hashes, sorted and
/// without repeats.
pub fn signature(text_: &str, entities: &[crate::extract::Entity]) -> Vec<u64> {
    signature_folded(text_, entities, &HashMap::default())
}

/// [`signature`] with person names read through corpus name folds not yet applied.
fn signature_folded(
    text_: &str,
    entities: &[crate::extract::Entity],
    folds: &HashMap<Ustr, Ustr>,
) -> Vec<u64> {
    let lex = Lexicon::global();
    let mut s: Vec<u64> = text::content_words(text_, lex)
        .map(|w| stable_hash(&[&w]))
        .chain(entities.iter().map(|e| {
            let name = folds.get(&e.canonical).unwrap_or(&e.canonical);
            stable_hash(&["@", &name.to_lowercase()])
        }))
        .collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// How many items two sorted, repeat-free lists share.
pub fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two signatures.
pub fn similarity<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let inter = shared_count(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Every claim's signature as numbered words (one number per distinct word of the corpus),
/// in one flat list, with the claims holding each word: compact enough for corpora of
/// millions of claims.
struct Signatures {
    /// Claim `i`'s words are `words[starts[i]..starts[i + 1]]`, sorted.
    starts: Vec<u32>,
    words: Vec<u32>,
    /// Word `w`'s claims are `claims[claim_starts[w]..claim_starts[w + 1]]`, ascending.
    claim_starts: Vec<u32>,
    claims: Vec<u32>,
}

impl Signatures {
    fn new(articles: &[Article], folds: &HashMap<Ustr, Ustr>) -> Signatures {
        let mut number: HashMap<u64, u32> = HashMap::default();
        let mut starts = vec![0u32];
        let mut words: Vec<u32> = Vec::new();
        for claim in articles.iter().flat_map(|a| &a.claims) {
            let from = words.len();
            for h in signature_folded(&claim.text, &claim.entities, folds) {
                let next = number.len() as u32;
                words.push(*number.entry(h).or_insert(next));
            }
            words[from..].sort_unstable();
            starts.push(words.len() as u32);
        }
        let mut claim_starts = vec![0u32; number.len() + 1];
        for &w in &words {
            claim_starts[w as usize + 1] += 1;
        }
        for w in 1..claim_starts.len() {
            claim_starts[w] += claim_starts[w - 1];
        }
        let mut filled = claim_starts.clone();
        let mut claims = vec![0u32; words.len()];
        for i in 0..starts.len() - 1 {
            for &w in &words[starts[i] as usize..starts[i + 1] as usize] {
                claims[filled[w as usize] as usize] = i as u32;
                filled[w as usize] += 1;
            }
        }
        Signatures {
            starts,
            words,
            claim_starts,
            claims,
        }
    }

    fn of(&self, claim: usize) -> &[u32] {
        &self.words[self.starts[claim] as usize..self.starts[claim + 1] as usize]
    }

    fn holding(&self, word: u32) -> &[u32] {
        &self.claims[self.claim_starts[word as usize] as usize
            ..self.claim_starts[word as usize + 1] as usize]
    }
}

/// The cluster id of every claim that shares its meaning with a claim of another report.
/// `folds` are the corpus's person-name folds, read as if applied.
pub fn cluster_claims(
    articles: &[Article],
    folds: &HashMap<Ustr, Ustr>,
) -> Vec<(ClaimRef, ClusterId)> {
    let refs: Vec<ClaimRef> = articles
        .iter()
        .enumerate()
        .flat_map(|(a, art)| {
            (0..art.claims.len()).map(move |c| ClaimRef {
                article: a as u32,
                claim: c as u32,
            })
        })
        .collect();
    let sigs = Signatures::new(articles, folds);
    // Each word's weight squared: a word most claims hold says little.
    let claims = refs.len() as f32;
    let weight2: Vec<f32> = (0..sigs.claim_starts.len().saturating_sub(1))
        .map(|w| {
            let df = sigs.holding(w as u32).len() as f32;
            (((claims + 1.0) / (df + 1.0)).ln() + 1.0).powi(2)
        })
        .collect();
    let norm: Vec<f32> = (0..refs.len())
        .map(|i| {
            sigs.of(i)
                .iter()
                .map(|&w| weight2[w as usize])
                .sum::<f32>()
                .sqrt()
        })
        .collect();
    let mut sets = UnionFind::new(refs.len());
    let mut others: Vec<(u32, f32)> = Vec::new();
    for i in 0..refs.len() {
        others.clear();
        for &w in sigs.of(i) {
            let list = sigs.holding(w);
            if list.len() > MAX_POSTING {
                continue;
            }
            let later = list.partition_point(|&j| j as usize <= i);
            others.extend(
                list[later..]
                    .iter()
                    .filter(|&&j| refs[j as usize].article != refs[i].article)
                    .map(|&j| (j, weight2[w as usize])),
            );
        }
        others.sort_unstable_by_key(|&(j, _)| j);
        for run in others.chunk_by(|a, b| a.0 == b.0) {
            let j = run[0].0;
            let dot: f32 = run.iter().map(|&(_, w)| w).sum();
            if run.len() >= MIN_SHARED
                && dot / (norm[i] * norm[j as usize]).max(f32::MIN_POSITIVE) >= MIN_SIMILARITY
            {
                sets.union(i as u32, j);
            }
        }
    }
    let roots = sets.roots();
    let mut size = vec![0u32; refs.len()];
    for &r in &roots {
        size[r as usize] += 1;
    }
    roots
        .iter()
        .zip(&refs)
        .filter(|&(&r, _)| size[r as usize] > 1)
        .map(|(&r, &at)| {
            let root = refs[r as usize];
            let root_id = &articles[root.article as usize].claims[root.claim as usize].id;
            (
                at,
                ClusterId::from_hash(stable_hash(&[&root_id.to_string()])),
            )
        })
        .collect()
}
