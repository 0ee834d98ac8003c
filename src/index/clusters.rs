//! Claim clusters: statements in different reports that say the same thing in other words.

use rustc_hash::FxHashMap as HashMap;

use super::ClaimRef;
use crate::corpus::Article;
use crate::extract::claims::stable_hash;
use crate::ids::ClusterId;
use crate::lexicon::Lexicon;
use crate::text;

/// Content-word overlap (Jaccard) above which two claims say the same thing.
const MIN_SIMILARITY: f64 = 0.45;
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
    folds: &HashMap<String, String>,
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
pub fn shared_count(a: &[u64], b: &[u64]) -> usize {
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
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let inter = shared_count(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// The cluster id of every claim that shares its meaning with a claim of another report.
/// `folds` are the corpus's person-name folds, read as if applied.
pub fn cluster_claims(
    articles: &[Article],
    folds: &HashMap<String, String>,
) -> Vec<(ClaimRef, ClusterId)> {
    let mut refs: Vec<(usize, usize)> = Vec::new();
    let mut sigs: Vec<Vec<u64>> = Vec::new();
    for (a, art) in articles.iter().enumerate() {
        for (c, claim) in art.claims.iter().enumerate() {
            refs.push((a, c));
            sigs.push(signature_folded(&claim.text, &claim.entities, folds));
        }
    }
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    for (i, s) in sigs.iter().enumerate() {
        for &w in s {
            postings.entry(w).or_default().push(i as u32);
        }
    }
    let mut parent: Vec<usize> = (0..refs.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..refs.len() {
        let mut shared: HashMap<u32, usize> = HashMap::default();
        for w in &sigs[i] {
            let list = &postings[w];
            if list.len() > MAX_POSTING {
                continue;
            }
            for &j in list {
                if j as usize > i && refs[j as usize].0 != refs[i].0 {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (j, n) in shared {
            if n >= 3 && similarity(&sigs[i], &sigs[j as usize]) >= MIN_SIMILARITY {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j as usize));
                if ri != rj {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut size: HashMap<usize, usize> = HashMap::default();
    for i in 0..refs.len() {
        let r = find(&mut parent, i);
        *size.entry(r).or_default() += 1;
    }
    let mut out = Vec::new();
    for i in 0..refs.len() {
        let r = find(&mut parent, i);
        if size[&r] > 1 {
            let (ra, rc) = refs[r];
            let root_id = &articles[ra].claims[rc].id;
            let (a, c) = refs[i];
            let at = ClaimRef {
                article: a as u32,
                claim: c as u32,
            };
            out.push((at, ClusterId::from_hash(stable_hash(&[root_id]))));
        }
    }
    out
}
