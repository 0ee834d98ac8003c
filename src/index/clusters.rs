//! Claim clusters: statements in different reports that say the same thing in other words.
//!
//! Two claims are compared by the cosine of their content words, names and figures, each
//! weighted by its rarity among the corpus's claims (inverse document frequency); claims
//! whose figures were linked into one fact count as more alike. Claims are grouped by
//! average linkage: pairs are taken from the most alike down, and two groups join when the
//! average similarity of their claims of different reports reaches [`MIN_SIMILARITY`], so
//! a chain of loosely alike claims does not become one group.

use crate::text::Interned;
use rustc_hash::FxHashMap as HashMap;

use super::ClaimRef;
use crate::extract::Claim;
use crate::extract::Extracted;
use crate::ids::stable_hash;
use crate::ids::{ClusterId, FactId};
use crate::lexicon::{Lexicon, QuantityKind};

/// Average similarity of two groups' claims (of different reports) above which they join.
const MIN_SIMILARITY: f32 = 0.28;
/// Similarity below which a pair is not kept: it counts as 0 in the averages.
const MIN_KEPT: f32 = 0.1;
/// Shared words (or names) two claims need before their similarity is worth computing.
const MIN_SHARED: usize = 2;
/// Words in more claims than this are too common to propose candidates.
const MAX_POSTING: usize = 200;
/// Added to the similarity of two claims with a figure of one fact: they report one
/// statement far more often than two claims that merely share words.
const SAME_FACT: f32 = 0.25;
/// Facts with more member claims than this add no pairs of their own (only the bonus on
/// pairs their words propose): their pairs would grow with the square of their size.
const MAX_FACT_CLAIMS: usize = 16;

/// Content words, names and figures of a claim, the basis of comparison: their hashes,
/// sorted and without repeats.
pub fn signature(article: &Extracted, claim: &Claim, lex: &Lexicon) -> Vec<u64> {
    signature_folded(article, claim, &HashMap::default(), lex)
}

/// [`signature`] with person names read through corpus name folds not yet applied.
fn signature_folded(
    article: &Extracted,
    claim: &Claim,
    folds: &HashMap<Interned, Interned>,
    lex: &Lexicon,
) -> Vec<u64> {
    let mut s: Vec<u64> = crate::lexicon::content_words(&claim.text, lex)
        .map(|w| stable_hash(&[&w]))
        .chain(article.entities(claim).iter().map(|e| {
            let name = folds.get(&e.canonical).unwrap_or(&e.canonical);
            stable_hash(&["@", &name.to_lowercase()])
        }))
        .chain(article.quantities(claim).iter().filter_map(figure_key))
        .collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// A figure as a word: its kind and value to three significant digits ("count 28,500"),
/// for figures that say something (not a bare number, nor a count below ten).
fn figure_key(q: &crate::extract::Quantity) -> Option<u64> {
    let v = q.canonical_value().or(q.value())?;
    if q.kind == QuantityKind::Number
        || (q.kind == QuantityKind::Count && v < 10.0)
        || !v.is_finite()
    {
        return None;
    }
    Some(stable_hash(&["#", q.kind.as_str(), &format!("{v:.3e}")]))
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

/// The weight of each word of the corpus's claims (inverse document frequency): what two
/// claims are compared by, here and in the Compare pane.
#[derive(Debug, Default)]
pub struct ClaimWeights {
    idf: HashMap<u64, f32>,
    /// The weight of a word no claim of the corpus holds.
    unseen: f32,
}

impl ClaimWeights {
    fn weight(&self, w: u64) -> f32 {
        self.idf.get(&w).copied().unwrap_or(self.unseen.max(1.0))
    }

    /// The weighted cosine of two signatures, 0 to 1.
    pub fn cosine(&self, a: &[u64], b: &[u64]) -> f64 {
        let norm = |s: &[u64]| {
            s.iter()
                .map(|&w| self.weight(w).powi(2))
                .sum::<f32>()
                .sqrt()
        };
        let (na, nb) = (norm(a), norm(b));
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += self.weight(a[i]).powi(2);
                    i += 1;
                    j += 1;
                }
            }
        }
        f64::from(dot / (na * nb))
    }
}

/// Every claim's signature as numbered words (one number per distinct word of the corpus),
/// in one flat list: compact enough for corpora of millions of claims.
struct ClaimWords {
    /// Claim `i`'s words are `words[starts[i]..starts[i + 1]]`, sorted.
    starts: Vec<u32>,
    words: Vec<u32>,
}

impl ClaimWords {
    fn of(&self, claim: usize) -> &[u32] {
        &self.words[self.starts[claim] as usize..self.starts[claim + 1] as usize]
    }
}

/// Every claim's words, with the claims holding each word: what pairs are found from.
struct Signatures {
    words: ClaimWords,
    /// How many claims hold each word, by number.
    df: Vec<u32>,
    /// Word `w`'s claims are `claims[claim_starts[w]..claim_starts[w + 1]]`, ascending; only
    /// words in [`MAX_POSTING`] claims or fewer are listed (the others propose no pairs).
    claim_starts: Vec<u32>,
    claims: Vec<u32>,
    /// Each word's hash, by number.
    hashes: Vec<u64>,
}

impl Signatures {
    fn new(
        articles: &[Extracted],
        folds: &HashMap<Interned, Interned>,
        lex: &Lexicon,
    ) -> Signatures {
        let mut number: HashMap<u64, u32> = HashMap::default();
        let mut hashes = Vec::new();
        let mut starts = vec![0u32];
        let mut words: Vec<u32> = Vec::new();
        for (article, claim) in articles
            .iter()
            .flat_map(|a| a.claims.iter().map(move |c| (a, c)))
        {
            let from = words.len();
            for h in signature_folded(article, claim, folds, lex) {
                let next = number.len() as u32;
                words.push(*number.entry(h).or_insert_with(|| {
                    hashes.push(h);
                    next
                }));
            }
            words[from..].sort_unstable();
            starts.push(words.len() as u32);
        }
        // The numbering is done: freed, with the room the words grew into, before the
        // inverted lists take as much again.
        drop(number);
        words.shrink_to_fit();
        let mut df = vec![0u32; hashes.len()];
        for &w in &words {
            df[w as usize] += 1;
        }
        let listed = |w: u32| df[w as usize] as usize <= MAX_POSTING;
        let mut claim_starts = vec![0u32; hashes.len() + 1];
        for w in 0..df.len() {
            claim_starts[w + 1] = claim_starts[w] + if listed(w as u32) { df[w] } else { 0 };
        }
        let mut filled = claim_starts.clone();
        let mut claims = vec![0u32; claim_starts[df.len()] as usize];
        for i in 0..starts.len() - 1 {
            for &w in &words[starts[i] as usize..starts[i + 1] as usize] {
                if listed(w) {
                    claims[filled[w as usize] as usize] = i as u32;
                    filled[w as usize] += 1;
                }
            }
        }
        Signatures {
            words: ClaimWords { starts, words },
            df,
            claim_starts,
            claims,
            hashes,
        }
    }

    fn of(&self, claim: usize) -> &[u32] {
        self.words.of(claim)
    }

    fn holding(&self, word: u32) -> &[u32] {
        &self.claims[self.claim_starts[word as usize] as usize
            ..self.claim_starts[word as usize + 1] as usize]
    }
}

/// Pairs of claims of different reports alike enough to matter, with their similarity, and
/// what clustering compares further claims by: the part of clustering that does not need
/// facts, so that it can run beside fact linking.
pub struct ClaimPairs {
    refs: Vec<ClaimRef>,
    words: ClaimWords,
    /// Each word's weight squared, by number.
    weight2: Vec<f32>,
    norm: Vec<f32>,
    /// (similarity, claim, claim), the first claim the lower.
    pairs: Vec<(f32, u32, u32)>,
    weights: ClaimWeights,
}

impl ClaimPairs {
    /// The weighted cosine of two claims, by their numbers.
    fn cosine(&self, i: usize, j: usize) -> f32 {
        let (a, b) = (self.words.of(i), self.words.of(j));
        let (mut x, mut y, mut dot) = (0, 0, 0.0f32);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    dot += self.weight2[a[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        dot / (self.norm[i] * self.norm[j]).max(f32::MIN_POSITIVE)
    }
}

/// Finds the pairs of claims of different reports that share at least [`MIN_SHARED`] words
/// not too common to say anything, with their weighted cosine. `folds` are the corpus's
/// person-name folds, read as if applied.
pub fn claim_pairs(
    articles: &[Extracted],
    folds: &HashMap<Interned, Interned>,
    lex: &Lexicon,
) -> ClaimPairs {
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
    let mut sigs = Signatures::new(articles, folds, lex);
    let claims = refs.len() as f32;
    let idf: Vec<f32> = (0..sigs.hashes.len())
        .map(|w| {
            let df = sigs.df[w] as f32;
            ((claims + 1.0) / (df + 1.0)).ln() + 1.0
        })
        .collect();
    let weight2: Vec<f32> = idf.iter().map(|w| w * w).collect();
    let norm: Vec<f32> = (0..refs.len())
        .map(|i| {
            sigs.of(i)
                .iter()
                .map(|&w| weight2[w as usize])
                .sum::<f32>()
                .sqrt()
        })
        .collect();
    let weights = ClaimWeights {
        idf: std::mem::take(&mut sigs.hashes)
            .into_iter()
            .zip(idf.iter().copied())
            .collect(),
        unseen: (claims + 1.0).ln() + 1.0,
    };
    let mut pairs = Vec::new();
    let mut others: Vec<(u32, f32)> = Vec::new();
    for i in 0..refs.len() {
        others.clear();
        for &w in sigs.of(i) {
            let list = sigs.holding(w);
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
            let sim = dot / (norm[i] * norm[j as usize]).max(f32::MIN_POSITIVE);
            if run.len() >= MIN_SHARED && sim >= MIN_KEPT {
                pairs.push((sim, i as u32, j));
            }
        }
    }
    pairs.shrink_to_fit();
    ClaimPairs {
        refs,
        words: sigs.words,
        weight2,
        norm,
        pairs,
        weights,
    }
}

/// A group of claims being built, kept at the slot of its root.
struct Group {
    size: u32,
    /// Claims of each report: (article, count), sorted by article.
    reports: Vec<(u32, u32)>,
    /// The slot whose links follow this slot's in its group's chain ([`NO_SLOT`] at the end).
    next: u32,
    /// The last slot of the chain, for a root.
    last: u32,
    /// Neighbours listed in the chain, for a root (some may be stale: in its own group now, or
    /// repeated).
    chain_len: u32,
}

/// No slot: the end of a chain, or a claim without one.
const NO_SLOT: u32 = u32::MAX;

impl Group {
    /// Pairs of claims of different reports between two groups.
    fn cross_pairs(&self, other: &Group) -> f32 {
        let (few, many) = if self.reports.len() <= other.reports.len() {
            (self, other)
        } else {
            (other, self)
        };
        let same: u64 = few
            .reports
            .iter()
            .filter_map(|&(a, n)| {
                let k = many.reports.binary_search_by_key(&a, |&(b, _)| b).ok()?;
                Some(u64::from(n) * u64::from(many.reports[k].1))
            })
            .sum();
        (u64::from(self.size) * u64::from(other.size) - same) as f32
    }

    /// Adds another group's claims of each report to this one's.
    fn add_reports(&mut self, mut other: Vec<(u32, u32)>) {
        if other.len() > self.reports.len() {
            std::mem::swap(&mut self.reports, &mut other);
        }
        for (a, k) in other {
            match self.reports.binary_search_by_key(&a, |&(b, _)| b) {
                Ok(at) => self.reports[at].1 += k,
                Err(at) => self.reports.insert(at, (a, k)),
            }
        }
    }
}

/// The cluster id of every claim that shares its meaning with a claim of another report.
/// `facts` are the corpus's linked facts: claims with a figure of one fact count as more
/// alike.
pub fn cluster_claims(
    articles: &[Extracted],
    mut found: ClaimPairs,
    facts: &[super::Fact],
) -> (Vec<(ClaimRef, ClusterId)>, ClaimWeights) {
    let added = credit_shared_facts(&mut found, facts);
    // What claims were compared by is no longer needed: freed before the pairs grow and
    // linkage takes its own.
    let ClaimPairs {
        refs,
        mut pairs,
        weights,
        words,
        weight2,
        norm,
    } = found;
    drop((words, weight2, norm));
    pairs.reserve_exact(added.len());
    pairs.extend(added);
    pairs.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let roots = average_linkage(&refs, &pairs);
    let n = roots.len();
    let mut size = vec![0u32; n];
    for &r in &roots {
        size[r as usize] += 1;
    }
    // A cluster is named by its first claim.
    let mut first = vec![u32::MAX; n];
    for (i, &r) in roots.iter().enumerate() {
        first[r as usize] = first[r as usize].min(i as u32);
    }
    let clusters = roots
        .iter()
        .zip(&refs)
        .filter(|&(&r, _)| size[r as usize] > 1)
        .map(|(&r, &at)| {
            let root = refs[first[r as usize] as usize];
            let root_id = &articles[root.article as usize].claims[root.claim as usize].id;
            (
                at,
                ClusterId::from_hash(stable_hash(&[&root_id.to_string()])),
            )
        })
        .collect();
    (clusters, weights)
}

/// Credits pairs whose claims hold figures of one fact (stated by more than one source), and
/// returns such pairs across reports that similarity alone did not find.
fn credit_shared_facts(found: &mut ClaimPairs, facts: &[super::Fact]) -> Vec<(f32, u32, u32)> {
    let index_of = |r: ClaimRef| {
        found
            .refs
            .partition_point(|x| (x.article, x.claim) < (r.article, r.claim))
    };
    // The facts each claim's figures belong to, to credit pairs that share one.
    let mut claim_facts: Vec<(u32, FactId)> = Vec::new();
    let mut extra: Vec<(u32, u32)> = Vec::new();
    for f in facts.iter().filter(|f| f.sources > 1) {
        let mut members: Vec<u32> = f.members.iter().map(|m| index_of(m.at) as u32).collect();
        members.sort_unstable();
        members.dedup();
        claim_facts.extend(members.iter().map(|&c| (c, f.id)));
        if members.len() <= MAX_FACT_CLAIMS {
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    if found.refs[a as usize].article != found.refs[b as usize].article {
                        extra.push((a, b));
                    }
                }
            }
        }
    }
    claim_facts.sort_unstable();
    claim_facts.dedup();
    let facts_of = |c: u32| {
        let from = claim_facts.partition_point(|&(x, _)| x < c);
        claim_facts[from..]
            .iter()
            .take_while(move |&&(x, _)| x == c)
            .map(|&(_, f)| f)
    };
    let share_fact = |a: u32, b: u32| facts_of(a).any(|f| facts_of(b).any(|g| g == f));
    for p in &mut found.pairs {
        if share_fact(p.1, p.2) {
            p.0 += SAME_FACT;
        }
    }
    found.pairs.sort_unstable_by_key(|&(_, a, b)| (a, b));
    extra.sort_unstable();
    extra.dedup();
    extra.retain(|&(a, b)| {
        found
            .pairs
            .binary_search_by_key(&(a, b), |&(_, x, y)| (x, y))
            .is_err()
    });
    extra
        .into_iter()
        .map(|(a, b)| (found.cosine(a as usize, b as usize) + SAME_FACT, a, b))
        .collect()
}

/// The root of a slot's group.
fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        parent[i as usize] = parent[parent[i as usize] as usize];
        i = parent[i as usize];
    }
    i
}

/// Two groups' key in the map of links.
fn link_key(x: u32, y: u32) -> (u32, u32) {
    (x.min(y), x.max(y))
}

/// Average linkage over the pairs (similarity, claim, claim), strongest first, of the claims
/// at `refs`: each claim's group, as the index of one of its claims.
///
/// Only the claims of pairs strong enough to join can share a group, so only they get a
/// group slot, and only the pairs between them are read. The summed similarity of the pairs
/// between two groups is kept once, in a map keyed by the two groups' roots; each slot's
/// neighbours are listed once, and a group's lists are chained. When two groups join, the
/// one with the shorter chain is walked and its links re-keyed to the other's root, so a
/// link moves O(log n) times however many claims a group links to.
fn average_linkage(refs: &[ClaimRef], pairs: &[(f32, u32, u32)]) -> Vec<u32> {
    let strong = pairs
        .iter()
        .position(|p| p.0 < MIN_SIMILARITY)
        .unwrap_or(pairs.len());
    let strong = &pairs[..strong];
    // Each claim's slot (NO_SLOT for a claim that stays alone), then, at the end, its group.
    let mut slot_of = vec![NO_SLOT; refs.len()];
    let mut claim_of: Vec<u32> = Vec::new();
    for &(_, a, b) in strong {
        for c in [a, b] {
            if slot_of[c as usize] == NO_SLOT {
                slot_of[c as usize] = claim_of.len() as u32;
                claim_of.push(c);
            }
        }
    }
    let m = claim_of.len();
    let read = pairs.iter().filter_map(|&(sim, a, b)| {
        let (x, y) = (slot_of[a as usize], slot_of[b as usize]);
        (x != NO_SLOT && y != NO_SLOT).then_some((sim, x, y))
    });
    // Slot `s`'s neighbours are `adjacent[starts[s]..starts[s + 1]]`.
    let mut starts = vec![0u32; m + 1];
    for (_, x, y) in read.clone() {
        starts[x as usize + 1] += 1;
        starts[y as usize + 1] += 1;
    }
    for s in 1..=m {
        starts[s] += starts[s - 1];
    }
    let mut adjacent = vec![0u32; starts[m] as usize];
    let mut filled = starts.clone();
    let mut links: HashMap<(u32, u32), f32> = HashMap::default();
    links.reserve(adjacent.len() / 2);
    for (sim, x, y) in read {
        for (from, to) in [(x, y), (y, x)] {
            adjacent[filled[from as usize] as usize] = to;
            filled[from as usize] += 1;
        }
        *links.entry(link_key(x, y)).or_default() += sim;
    }
    drop(filled);
    let mut parent: Vec<u32> = (0..m as u32).collect();
    let mut groups: Vec<Group> = claim_of
        .iter()
        .enumerate()
        .map(|(s, &c)| Group {
            size: 1,
            reports: vec![(refs[c as usize].article, 1)],
            next: NO_SLOT,
            last: s as u32,
            chain_len: starts[s + 1] - starts[s],
        })
        .collect();
    for &(_, a, b) in strong {
        let x = find(&mut parent, slot_of[a as usize]);
        let y = find(&mut parent, slot_of[b as usize]);
        if x == y {
            continue;
        }
        let (gx, gy) = (&groups[x as usize], &groups[y as usize]);
        let linked = links.get(&link_key(x, y)).copied().unwrap_or_default();
        if linked / gx.cross_pairs(gy).max(1.0) < MIN_SIMILARITY {
            continue;
        }
        let (keep, gone) = if gx.chain_len >= gy.chain_len {
            (x, y)
        } else {
            (y, x)
        };
        parent[gone as usize] = keep;
        links.remove(&link_key(x, y));
        let mut s = gone;
        while s != NO_SLOT {
            for &o in &adjacent[starts[s as usize] as usize..starts[s as usize + 1] as usize] {
                let o = find(&mut parent, o);
                if o == keep {
                    continue;
                }
                // A link gets one addition a join, and f32 addition commutes: the sums do
                // not depend on which of the two groups is walked.
                if let Some(sim) = links.remove(&link_key(gone, o)) {
                    *links.entry(link_key(keep, o)).or_default() += sim;
                }
            }
            s = groups[s as usize].next;
        }
        let g = &mut groups[gone as usize];
        let (size, reports, last, chained) =
            (g.size, std::mem::take(&mut g.reports), g.last, g.chain_len);
        let k = groups[keep as usize].last;
        groups[k as usize].next = gone;
        let g = &mut groups[keep as usize];
        g.last = last;
        g.chain_len += chained;
        g.size += size;
        g.add_reports(reports);
    }
    for (c, s) in slot_of.iter_mut().enumerate() {
        *s = if *s == NO_SLOT {
            c as u32
        } else {
            claim_of[find(&mut parent, *s) as usize]
        };
    }
    slot_of
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims of reports `articles`, one claim each unless an article repeats.
    fn refs(articles: &[u32]) -> Vec<ClaimRef> {
        articles
            .iter()
            .enumerate()
            .map(|(c, &article)| ClaimRef {
                article,
                claim: c as u32,
            })
            .collect()
    }

    /// The groups of more than one claim, each as its claims in order.
    fn groups(roots: &[u32]) -> Vec<Vec<u32>> {
        let mut out: Vec<Vec<u32>> = Vec::new();
        for (c, &r) in roots.iter().enumerate() {
            match out.iter_mut().find(|g| roots[g[0] as usize] == r) {
                Some(g) => g.push(c as u32),
                None => out.push(vec![c as u32]),
            }
        }
        out.retain(|g| g.len() > 1);
        out
    }

    #[test]
    fn a_chain_of_loosely_alike_claims_is_not_one_group() {
        let pairs = [(0.9, 0, 1), (0.5, 2, 3), (0.3, 1, 2), (0.2, 0, 2)];
        let roots = average_linkage(&refs(&[0, 1, 2, 3]), &pairs);
        // {0, 1} and {2, 3} average (0.3 + 0.2) / 4.
        assert_eq!(groups(&roots), [vec![0, 1], vec![2, 3]]);
        let roots = average_linkage(&refs(&[0, 1, 2]), &[(0.9, 0, 1), (0.35, 1, 2)]);
        assert_eq!(groups(&roots), [vec![0, 1]], "0.35 / 2 < 0.28");
        let pairs = [(0.9, 0, 1), (0.35, 1, 2), (0.25, 0, 2)];
        let roots = average_linkage(&refs(&[0, 1, 2]), &pairs);
        assert_eq!(groups(&roots), [vec![0, 1, 2]], "(0.35 + 0.25) / 2 >= 0.28");
    }

    #[test]
    fn a_claim_alike_to_thousands_joins_few_of_them() {
        // Claim 0 is alike to every other claim, none of which is alike to another: a group
        // around it grows while its one link a claim still averages MIN_SIMILARITY.
        let pairs: Vec<(f32, u32, u32)> = (1..3000).map(|c| (0.9, 0, c)).collect();
        let articles: Vec<u32> = (0..3000).collect();
        let roots = average_linkage(&refs(&articles), &pairs);
        assert_eq!(groups(&roots), [vec![0, 1, 2, 3]], "0.9 / 4 < 0.28");
    }

    #[test]
    fn pairs_within_one_report_do_not_lower_the_average() {
        // Claims 1 and 2 are of one report: {0, 1} and 2 have one pair across reports.
        let pairs = [(0.9, 0, 1), (0.5, 0, 2)];
        let roots = average_linkage(&refs(&[0, 1, 1]), &pairs);
        assert_eq!(groups(&roots), [vec![0, 1, 2]]);
    }
}
