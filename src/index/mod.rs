//! The in-memory index over a loaded corpus: articles, their claims in one flat list, facts
//! linked across sources, claim clusters, source independence, and search.

pub mod checks;
pub mod clusters;
pub mod diff;
pub mod facts;
pub mod search;
pub mod sources;

use crate::corpus::Article;
use crate::extract::Claim;

pub use checks::ArithmeticCheck;
pub use facts::{Fact, Verdict};
pub use search::{Matcher, Query, SearchHit, Searcher, SkimMatcher};

/// Where a claim lives: article index and claim index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub article: u32,
    pub claim: u32,
}

/// Everything the faces need: articles with claims, and what links them.
#[derive(Debug, Default)]
pub struct Index {
    pub articles: Vec<Article>,
    /// Every claim of every article, in article order.
    pub claims: Vec<ClaimRef>,
    pub facts: Vec<Fact>,
    /// For each article, the id of its group of copies and same-outlet pages.
    pub source_group: Vec<usize>,
    pub checks: Vec<ArithmeticCheck>,
    /// Lowercased claim texts, parallel to `claims`, for search.
    pub(crate) search_text: Vec<String>,
}

impl Index {
    /// Builds the index: links facts, clusters claims, groups copies. The articles' claims
    /// are updated with their fact and cluster ids.
    pub fn build(mut articles: Vec<Article>) -> Index {
        crate::extract::entities::fold_corpus_names(&mut articles);
        let source_group = sources::source_groups(&articles);
        let facts = facts::link_facts(&mut articles, &source_group);
        clusters::cluster_claims(&mut articles);
        let checks = checks::arithmetic_checks(&articles);
        let claims: Vec<ClaimRef> = articles
            .iter()
            .enumerate()
            .flat_map(|(a, art)| {
                (0..art.claims.len()).map(move |c| ClaimRef {
                    article: a as u32,
                    claim: c as u32,
                })
            })
            .collect();
        let search_text = claims
            .iter()
            .map(|r| {
                articles[r.article as usize].claims[r.claim as usize]
                    .text
                    .to_lowercase()
            })
            .collect();
        Index {
            articles,
            claims,
            facts,
            source_group,
            checks,
            search_text,
        }
    }

    pub fn claim(&self, r: ClaimRef) -> &Claim {
        &self.articles[r.article as usize].claims[r.claim as usize]
    }

    pub fn article_of(&self, r: ClaimRef) -> &Article {
        &self.articles[r.article as usize]
    }

    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// Whether any figure of the claim belongs to a fact whose sources conflict.
    pub fn claim_in_conflict(&self, r: ClaimRef) -> bool {
        self.claim(r)
            .quantities
            .iter()
            .filter_map(|q| q.fact.as_deref())
            .any(|id| {
                self.fact(id)
                    .is_some_and(|f| f.verdict == Verdict::Conflict)
            })
    }

    /// Facts with at least one conflict.
    pub fn conflict_count(&self) -> usize {
        self.facts
            .iter()
            .filter(|f| f.verdict == Verdict::Conflict)
            .count()
    }
}
