//! The in-memory index over a loaded corpus: articles, their claims in one flat list, facts
//! linked across sources, claim clusters, source independence, and search.

pub mod checks;
pub mod clusters;
pub mod diff;
pub mod facts;
mod reading;
pub mod search;
pub mod sources;

use crate::text::Interned;
use rustc_hash::FxHashMap as HashMap;

use crate::extract::Claim;
use crate::extract::Extracted;
use crate::ids::{ClusterId, FactId};
use crate::lexicon::Lexicon;

pub use checks::ArithmeticCheck;
pub use facts::{Fact, Verdict};
pub use search::{MatchKind, Matcher, Query, SearchHit, SearchOutcome, Searcher, SkimMatcher};

/// Where a claim lives: article index and claim index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub article: u32,
    pub claim: u32,
}

/// Everything the faces need: articles with claims, and what links them.
///
/// An index can grow: [`Index::push_articles`] adds articles as they are extracted (search
/// and browsing work at once), and [`Links::compute`] + [`Links::apply`] then link facts,
/// clusters and copies across all of them. [`Index::build`] does both.
#[derive(Debug, Default)]
pub struct Index {
    pub articles: Vec<Extracted>,
    /// Every claim of every article, in article order.
    pub claims: Vec<ClaimRef>,
    pub facts: Vec<Fact>,
    /// For each article, the id of its group of copies and same-outlet pages (before linking,
    /// every article is its own group).
    pub source_group: Vec<usize>,
    pub checks: Vec<ArithmeticCheck>,
    /// Whether facts, clusters and copies have been linked across the articles pushed so far.
    pub linked: bool,
    /// For each article, the short tag that tells it apart from every other source
    /// ([`crate::corpus::tags::source_tags`]).
    pub source_tags: Vec<String>,
    /// How search reads each claim's text, parallel to `claims`.
    pub(crate) readings: reading::Readings,
    /// Position of each fact in `facts`, by id.
    fact_pos: HashMap<FactId, usize>,
    /// What claims are compared by (clusters, the Compare pane): each word's weight.
    pub claim_weights: clusters::ClaimWeights,
}

/// What linking found across a corpus, computed from a shared index and then written into it.
#[derive(Debug, Default)]
pub struct Links {
    folds: HashMap<Interned, Interned>,
    source_group: Vec<usize>,
    facts: Vec<Fact>,
    clusters: Vec<(ClaimRef, ClusterId)>,
    claim_weights: clusters::ClaimWeights,
    checks: Vec<ArithmeticCheck>,
}

impl Links {
    /// Folds names, groups copies, links facts, clusters claims and checks arithmetic: the
    /// slow part of indexing, reading the index only, so it can run beside a UI using it.
    /// Claims are compared for clusters once facts are linked (a figure of one fact makes
    /// two claims more alike): one stage's working memory is freed before the next takes its
    /// own, so the peak is the largest stage's rather than their sum.
    pub fn compute(index: &Index, lex: &Lexicon) -> Links {
        Links::compute_releasing(index, lex, &|| {})
    }

    /// [`Links::compute`], calling `release` after each stage that frees working memory, so
    /// that a caller can hand the freed pages back to the system before the next stage
    /// takes its own (the TUI does, to lower its peak while linking).
    pub fn compute_releasing(index: &Index, lex: &Lexicon, release: &dyn Fn()) -> Links {
        let articles = &index.articles;
        let folds = crate::extract::entities::name_folds(articles);
        let source_group = sources::source_groups(articles);
        release();
        let facts = facts::link_facts(articles, &source_group, lex);
        release();
        let (pairs, checks) = rayon::join(
            || clusters::claim_pairs(articles, &folds, lex),
            || checks::arithmetic_checks(articles, lex),
        );
        let (clusters, claim_weights) = clusters::cluster_claims(articles, pairs, &facts);
        Links {
            folds,
            source_group,
            facts,
            clusters,
            claim_weights,
            checks,
        }
    }

    /// Writes the links into the index they were computed from: fact ids on quantities,
    /// cluster ids on claims, folded names.
    pub fn apply(self, index: &mut Index) {
        crate::extract::entities::apply_name_folds(&mut index.articles, &self.folds);
        for f in &self.facts {
            for m in &f.members {
                index.articles[m.at.article as usize]
                    .quantity_mut(m.at.claim as usize, m.quantity_index as usize)
                    .fact = Some(f.id);
            }
        }
        for (at, cluster) in self.clusters {
            index.articles[at.article as usize].claims[at.claim as usize].cluster = Some(cluster);
        }
        index.fact_pos = self
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id, i))
            .collect();
        index.facts = self.facts;
        index.source_group = self.source_group;
        index.checks = self.checks;
        index.claim_weights = self.claim_weights;
        index.linked = true;
    }
}

/// Disjoint sets over `0..n` (copies of one source, claims of one cluster): each set is named
/// by its smallest member.
pub(crate) struct UnionFind(Vec<u32>);

impl UnionFind {
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind((0..n as u32).collect())
    }

    pub(crate) fn find(&mut self, mut i: u32) -> u32 {
        let p = &mut self.0;
        while p[i as usize] != i {
            p[i as usize] = p[p[i as usize] as usize];
            i = p[i as usize];
        }
        i
    }

    pub(crate) fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb) as usize] = ra.min(rb);
        }
    }

    /// Every member's set, by its smallest member.
    pub(crate) fn roots(mut self) -> Vec<u32> {
        (0..self.0.len() as u32).map(|i| self.find(i)).collect()
    }
}

impl Index {
    /// Builds the index: links facts, clusters claims, groups copies. The articles' claims
    /// are updated with their fact and cluster ids.
    pub fn build(articles: Vec<Extracted>, lex: &Lexicon) -> Index {
        let mut index = Index::default();
        index.push_articles(articles);
        Links::compute(&index, lex).apply(&mut index);
        index
    }

    /// Adds articles, unlinked: their claims are listed and searchable at once.
    pub fn push_articles(&mut self, articles: Vec<Extracted>) {
        // Exact reservations: doubling would leave up to half of the largest buffers unused.
        let claims = articles.iter().map(|a| a.claims.len()).sum();
        self.claims.reserve_exact(claims);
        self.readings.reserve(claims);
        self.articles.reserve_exact(articles.len());
        self.source_group.reserve_exact(articles.len());
        for art in articles {
            let a = self.articles.len() as u32;
            for (c, claim) in art.claims.iter().enumerate() {
                self.claims.push(ClaimRef {
                    article: a,
                    claim: c as u32,
                });
                self.readings.push(reading::Reading::of(&claim.text));
            }
            self.source_group.push(a as usize);
            self.articles.push(art);
        }
        self.source_tags =
            crate::corpus::tags::source_tags(self.articles.iter().map(|a| &a.article));
        self.linked = false;
    }

    pub fn claim(&self, r: ClaimRef) -> &Claim {
        &self.articles[r.article as usize].claims[r.claim as usize]
    }

    pub fn article_of(&self, r: ClaimRef) -> &Extracted {
        &self.articles[r.article as usize]
    }

    /// The figures of a claim.
    pub fn quantities(&self, r: ClaimRef) -> &[crate::extract::Quantity] {
        self.article_of(r).quantities(self.claim(r))
    }

    /// The names in a claim, located in its text.
    pub fn entities(&self, r: ClaimRef) -> &[crate::extract::Entity] {
        self.article_of(r).entities(self.claim(r))
    }

    /// Who said a claim, if its article says.
    pub fn attribution(&self, r: ClaimRef) -> Option<&crate::extract::Attribution> {
        self.article_of(r).attribution(self.claim(r))
    }

    /// A claim as JSON writes it (docs/json.md).
    pub fn claim_json(&self, r: ClaimRef) -> serde_json::Value {
        let a = self.article_of(r);
        serde_json::to_value(a.claim_json(self.claim(r))).unwrap_or_default()
    }

    /// The fact with this id.
    pub fn fact(&self, id: FactId) -> Option<&Fact> {
        self.fact_pos.get(&id).map(|&i| &self.facts[i])
    }

    /// Whether any figure of the claim belongs to a fact whose sources conflict.
    pub fn claim_in_conflict(&self, r: ClaimRef) -> bool {
        self.quantities(r).iter().filter_map(|q| q.fact).any(|id| {
            self.fact(id)
                .is_some_and(|f| f.verdict == Verdict::Conflict)
        })
    }

    /// Facts in conflict that every one of `articles` states (every fact in conflict when
    /// `articles` is empty). The one count of conflicts: the status bar (all articles), the
    /// Sources pane (one article), the Facts view and Compare (the two compared) all use it.
    pub fn conflicts_among(&self, articles: &[usize]) -> usize {
        let Some((&first, rest)) = articles.split_first() else {
            return self
                .facts
                .iter()
                .filter(|f| f.verdict == Verdict::Conflict)
                .count();
        };
        let Some(a) = self.articles.get(first) else {
            return 0;
        };
        let mut ids: Vec<FactId> = a
            .claims
            .iter()
            .flat_map(|c| a.quantities(c).iter().filter_map(|q| q.fact))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| self.fact(id))
            .filter(|f| f.verdict == Verdict::Conflict)
            .filter(|f| {
                rest.iter()
                    .all(|&o| f.members.iter().any(|m| m.at.article as usize == o))
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What linking wrote on one claim: its figures' fact ids, its cluster, its speaker.
    type Written = (Vec<Option<FactId>>, Option<ClusterId>, Option<Interned>);

    fn written(index: &Index) -> Vec<Written> {
        index
            .claims
            .iter()
            .map(|&r| {
                let c = index.claim(r);
                (
                    index.quantities(r).iter().map(|q| q.fact).collect(),
                    c.cluster,
                    index.attribution(r).map(|a| a.speaker),
                )
            })
            .collect()
    }

    #[test]
    fn sets_are_named_by_their_smallest_member() {
        let mut sets = UnionFind::new(6);
        sets.union(3, 5);
        sets.union(5, 1);
        sets.union(4, 4);
        assert_eq!(sets.roots(), [0, 1, 2, 1, 4, 1]);
    }

    #[test]
    fn an_index_grown_in_batches_then_linked_equals_one_built_at_once() {
        let articles = crate::load(&[], &Default::default()).articles;
        let built = Index::build(articles.clone(), Lexicon::global());
        let mut grown = Index::default();
        for batch in articles.chunks(2) {
            grown.push_articles(batch.to_vec());
        }
        assert!(!grown.linked);
        assert!(grown.facts.is_empty(), "no facts before linking");
        assert_eq!(
            grown.claims, built.claims,
            "every claim listed before linking"
        );
        // Linked with a release hook between stages, as the TUI links: same links.
        let released = std::cell::Cell::new(0);
        let release = || released.set(released.get() + 1);
        Links::compute_releasing(&grown, Lexicon::global(), &release).apply(&mut grown);
        assert_eq!(
            released.get(),
            2,
            "after copies are grouped and after facts"
        );
        assert!(grown.linked);
        assert_eq!(written(&grown), written(&built));
        assert_eq!(grown.source_group, built.source_group);
        let ids = |i: &Index| i.facts.iter().map(|f| f.id).collect::<Vec<_>>();
        assert_eq!(ids(&grown), ids(&built));
        let shared = built
            .facts
            .iter()
            .find(|f| f.sources > 1)
            .expect("the seeds share a figure");
        assert_eq!(
            grown.fact(shared.id).map(|f| (f.verdict, f.members.len())),
            Some((shared.verdict, shared.members.len()))
        );
        let conflicts = |i: &Index| i.claims.iter().filter(|&&r| i.claim_in_conflict(r)).count();
        assert_eq!(conflicts(&grown), conflicts(&built));
        assert_eq!(grown.conflicts_among(&[]), built.conflicts_among(&[]));
    }
}
