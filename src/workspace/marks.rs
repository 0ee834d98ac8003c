//! Review marks: a rating and a note a person sets on a claim or a fact, and how the marks
//! stored by content find their claims and facts in a loaded index.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::store::{Stored, StoredFactMark};
use crate::ids::FactId;
use crate::index::{ClaimRef, Index};

/// What a fact-checker concluded about a claim or a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Verified,
    Disputed,
    False,
    Misleading,
    Unverifiable,
}

impl Rating {
    /// Every rating, in the order the review popup lists them.
    pub const ALL: [Rating; 5] = [
        Rating::Verified,
        Rating::Disputed,
        Rating::False,
        Rating::Misleading,
        Rating::Unverifiable,
    ];

    /// The name used in JSON, the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Verified => "verified",
            Rating::Disputed => "disputed",
            Rating::False => "false",
            Rating::Misleading => "misleading",
            Rating::Unverifiable => "unverifiable",
        }
    }

    pub fn parse(s: &str) -> Option<Rating> {
        Rating::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// A one-character sign for lists where a word does not fit.
    pub fn sign(self) -> &'static str {
        match self {
            Rating::Verified => "✓",
            Rating::Disputed => "±",
            Rating::False => "✗",
            Rating::Misleading => "~",
            Rating::Unverifiable => "?",
        }
    }

    /// What the rating means, for the review popup and reports.
    pub fn describe(self) -> &'static str {
        match self {
            Rating::Verified => "checked against a source and found accurate",
            Rating::Disputed => "credible sources disagree",
            Rating::False => "checked and found wrong",
            Rating::Misleading => "accurate words, wrong impression",
            Rating::Unverifiable => "cannot be checked with what is public",
        }
    }
}

impl std::fmt::Display for Rating {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A review mark: the rating, the reviewer's note, and when it was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub rating: Rating,
    pub note: String,
    /// When the mark was set, RFC 3339 in UTC.
    pub at: String,
}

impl Mark {
    /// A mark set now; control characters are dropped from the note.
    pub fn now(rating: Rating, note: &str) -> Mark {
        let note: String = note.chars().filter(|c| !c.is_control()).collect();
        Mark {
            rating,
            note: note.trim().to_string(),
            at: now_rfc3339(),
        }
    }
}

/// The current time as RFC 3339 in UTC, to the second.
pub fn now_rfc3339() -> String {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    chrono::DateTime::from_timestamp(since.as_secs() as i64, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Which claims and facts a list shows, by their marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MarkFilter {
    #[default]
    All,
    /// Anything marked.
    Marked,
    Rating(Rating),
    /// Nothing marked yet: what is left to review.
    Unmarked,
}

impl MarkFilter {
    /// The next filter in the cycle: all, marked, each rating, unmarked, all.
    pub fn next(self) -> MarkFilter {
        match self {
            MarkFilter::All => MarkFilter::Marked,
            MarkFilter::Marked => MarkFilter::Rating(Rating::ALL[0]),
            MarkFilter::Rating(r) => match Rating::ALL.iter().position(|&x| x == r) {
                Some(i) if i + 1 < Rating::ALL.len() => MarkFilter::Rating(Rating::ALL[i + 1]),
                _ => MarkFilter::Unmarked,
            },
            MarkFilter::Unmarked => MarkFilter::All,
        }
    }

    pub fn admits(self, mark: Option<&Mark>) -> bool {
        match self {
            MarkFilter::All => true,
            MarkFilter::Marked => mark.is_some(),
            MarkFilter::Rating(r) => mark.is_some_and(|m| m.rating == r),
            MarkFilter::Unmarked => mark.is_none(),
        }
    }

    /// How titles name the filter; `None` when everything is shown.
    pub fn label(self) -> Option<String> {
        match self {
            MarkFilter::All => None,
            MarkFilter::Marked => Some("marked".into()),
            MarkFilter::Rating(r) => Some(format!("marked {r}")),
            MarkFilter::Unmarked => Some("unmarked".into()),
        }
    }
}

/// The marks of a loaded index: stored marks matched to its claims and facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    pub claims: HashMap<ClaimRef, Mark>,
    pub facts: HashMap<FactId, Mark>,
    /// Stored marks that match no claim or fact of this corpus (kept in the workspace).
    pub unmatched: usize,
    /// The article keys a claim's mark is stored under when it was found by its text alone
    /// (its article's text changed since): a new mark on the claim replaces them.
    pub claim_aliases: HashMap<ClaimRef, Vec<String>>,
    /// The stored digests of each marked fact (more than one when its members changed): a new
    /// mark on the fact replaces them.
    pub fact_digests: HashMap<FactId, Vec<String>>,
}

/// A fact's members are the same as a stored fact mark's when at least this share of the two
/// lists are common (the fact gained or lost a figure since it was marked).
const MIN_FACT_OVERLAP: f64 = 0.5;

impl Marks {
    pub fn claim(&self, r: ClaimRef) -> Option<&Mark> {
        self.claims.get(&r)
    }

    pub fn fact(&self, id: FactId) -> Option<&Mark> {
        self.facts.get(&id)
    }

    /// Sets or clears a claim's mark in memory (the workspace is written apart).
    pub fn set_claim(&mut self, r: ClaimRef, mark: Option<Mark>) {
        self.claim_aliases.remove(&r);
        match mark {
            Some(m) => self.claims.insert(r, m),
            None => self.claims.remove(&r),
        };
    }

    /// Sets or clears a fact's mark in memory.
    pub fn set_fact(&mut self, id: FactId, mark: Option<Mark>) {
        self.fact_digests.remove(&id);
        match mark {
            Some(m) => self.facts.insert(id, m),
            None => self.facts.remove(&id),
        };
    }

    /// Marked claims of one article.
    pub fn in_article(&self, article: usize) -> usize {
        self.claims
            .keys()
            .filter(|r| r.article as usize == article)
            .count()
    }

    /// Finds each stored mark's claim or fact in the index. `keys` holds each article's
    /// content key ([`super::keys::article_key`]). A claim mark matches the claim with its
    /// article's key and its text; when no article has that key (its text changed, say by a
    /// better cleaning), the one claim in the corpus with that text, if only one has it. A
    /// fact mark matches the fact sharing most of its members (article, claim and figure),
    /// if they share at least half.
    pub fn resolve(index: &Index, keys: &[String], stored: &Stored) -> Marks {
        let mut out = Marks::default();
        let mut by_key: HashMap<(&str, &str), usize> = HashMap::default();
        for (i, m) in stored.claims.iter().enumerate() {
            by_key.insert((m.key.article.as_str(), m.key.text.as_str()), i);
        }
        let stored_articles: rustc_hash::FxHashSet<&str> = stored
            .claims
            .iter()
            .map(|m| m.key.article.as_str())
            .collect();
        let mut found = vec![false; stored.claims.len()];
        for (a, art) in index.articles.iter().enumerate() {
            let Some(key) = keys.get(a).map(String::as_str) else {
                continue;
            };
            if !stored_articles.contains(key) {
                continue;
            }
            for (c, claim) in art.claims.iter().enumerate() {
                if let Some(&i) = by_key.get(&(key, &*claim.text)) {
                    found[i] = true;
                    out.claims
                        .insert(claim_ref(a, c), stored.claims[i].mark.clone());
                }
            }
        }
        let present: rustc_hash::FxHashSet<&str> = keys.iter().map(String::as_str).collect();
        let mut by_text: HashMap<&str, (usize, Vec<ClaimRef>)> = HashMap::default();
        for (i, m) in stored.claims.iter().enumerate() {
            if !found[i] && !present.contains(m.key.article.as_str()) {
                by_text.insert(m.key.text.as_str(), (i, Vec::new()));
            }
        }
        if !by_text.is_empty() {
            for (a, art) in index.articles.iter().enumerate() {
                for (c, claim) in art.claims.iter().enumerate() {
                    if let Some((_, at)) = by_text.get_mut(&*claim.text) {
                        at.push(claim_ref(a, c));
                    }
                }
            }
            for (i, at) in by_text.into_values() {
                if let [r] = at.as_slice() {
                    found[i] = true;
                    out.claims
                        .entry(*r)
                        .or_insert_with(|| stored.claims[i].mark.clone());
                    out.claim_aliases
                        .entry(*r)
                        .or_default()
                        .push(stored.claims[i].key.article.clone());
                }
            }
        }
        out.unmatched = found.iter().filter(|f| !**f).count();
        out.unmatched += resolve_facts(index, keys, &stored.facts, &mut out);
        out
    }
}

fn claim_ref(a: usize, c: usize) -> ClaimRef {
    ClaimRef {
        article: a as u32,
        claim: c as u32,
    }
}

/// Matches stored fact marks to facts by shared members; returns how many matched none.
fn resolve_facts(
    index: &Index,
    keys: &[String],
    stored: &[StoredFactMark],
    out: &mut Marks,
) -> usize {
    if stored.is_empty() {
        return 0;
    }
    let mut by_member: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::default();
    for (i, m) in stored.iter().enumerate() {
        for k in &m.key.members {
            by_member
                .entry((k.article.as_str(), k.claim.as_str(), k.figure.as_str()))
                .or_default()
                .push(i);
        }
    }
    // (shared members, fact position) of the best fact for each stored mark.
    let mut best: Vec<Option<(f64, usize)>> = vec![None; stored.len()];
    let mut shared: HashMap<usize, usize> = HashMap::default();
    for (fi, f) in index.facts.iter().enumerate() {
        shared.clear();
        for m in &f.members {
            let Some(key) = keys.get(m.at.article as usize) else {
                continue;
            };
            let claim = m.claim(&index.articles);
            let figure = m.quantity(&index.articles);
            if let Some(marks) = by_member.get(&(key.as_str(), &*claim.text, &*figure.text)) {
                for &i in marks {
                    *shared.entry(i).or_default() += 1;
                }
            }
        }
        for (&i, &n) in &shared {
            let union = stored[i].key.members.len() + f.members.len() - n;
            let overlap = n as f64 / union.max(1) as f64;
            if overlap >= MIN_FACT_OVERLAP && best[i].is_none_or(|(o, _)| overlap > o) {
                best[i] = Some((overlap, fi));
            }
        }
    }
    let mut unmatched = 0;
    let mut newest: HashMap<FactId, &str> = HashMap::default();
    for (i, b) in best.iter().enumerate() {
        let Some((_, fi)) = b else {
            unmatched += 1;
            continue;
        };
        let id = index.facts[*fi].id;
        let mark = &stored[i].mark;
        out.fact_digests
            .entry(id)
            .or_default()
            .push(stored[i].key.digest.clone());
        if newest.get(&id).is_none_or(|at| mark.at.as_str() > *at) {
            newest.insert(id, mark.at.as_str());
            out.facts.insert(id, mark.clone());
        }
    }
    unmatched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, build_articles};
    use crate::lexicon::Lexicon;
    use crate::workspace::keys::{ClaimKey, FactKey, article_keys};
    use crate::workspace::store::{StoredClaimMark, StoredFactMark};

    const FLOOD: &str = "Floods force 3,000 from homes in river towns\n\nSome 3,000 people left their homes on Friday after the river burst its banks, Governor Ana Ruiz said.\n\nThe army sent 150 soldiers to help, the defence ministry said.\n";
    const WIRE: &str = "River floods: 3,000 evacuated\n\nAbout 3,000 people left their homes on Friday after the river burst its banks, officials said.\n\nSchools in 12 districts will stay closed until Monday.\n";
    const LATER: &str = "Flood toll rises\n\nNearly 3,000 people left their homes on Friday after the river burst its banks, the governor said on Sunday.\n";

    fn index_of(docs: &[(&str, &str)]) -> Index {
        let arts = build_articles(
            docs.iter()
                .map(|(p, t)| Document::plain(p, t.to_string()))
                .collect(),
            Lexicon::global(),
        );
        let arts = crate::extract::extract_all(arts, Lexicon::global());
        Index::build(arts, Lexicon::global())
    }

    fn mark(rating: Rating) -> Mark {
        Mark {
            rating,
            note: "checked with the county".into(),
            at: "2026-01-02T03:04:05Z".into(),
        }
    }

    fn claim_with(index: &Index, needle: &str) -> ClaimRef {
        *index
            .claims
            .iter()
            .find(|&&r| index.claim(r).text.contains(needle))
            .expect("claim")
    }

    fn stored_claim(index: &Index, keys: &[String], r: ClaimRef) -> StoredClaimMark {
        StoredClaimMark {
            key: ClaimKey {
                article: keys[r.article as usize].clone(),
                text: index.claim(r).text.to_string(),
            },
            mark: mark(Rating::Verified),
        }
    }

    #[test]
    fn a_claim_mark_follows_its_text_through_renamed_and_reordered_files() {
        let before = index_of(&[("a.txt", FLOOD), ("b.txt", WIRE)]);
        let keys = article_keys(&before);
        let r = claim_with(&before, "150 soldiers");
        let stored = Stored {
            claims: vec![stored_claim(&before, &keys, r)],
            facts: vec![],
        };
        let after = index_of(&[("wire.txt", WIRE), ("renamed.txt", FLOOD)]);
        let marks = Marks::resolve(&after, &article_keys(&after), &stored);
        let found: Vec<_> = marks.claims.keys().copied().collect();
        assert_eq!(found, [claim_with(&after, "150 soldiers")]);
        assert_eq!(found[0].article, 1);
        assert_eq!(marks.unmatched, 0);
        assert!(marks.claim_aliases.is_empty(), "found by its key");
    }

    #[test]
    fn a_claim_whose_article_changed_is_found_by_its_text_when_only_one_claim_has_it() {
        let before = index_of(&[("a.txt", FLOOD)]);
        let keys = article_keys(&before);
        let r = claim_with(&before, "150 soldiers");
        let stored = Stored {
            claims: vec![stored_claim(&before, &keys, r)],
            facts: vec![],
        };
        let edited = FLOOD.replace("Floods force", "Flooding forces");
        let after = index_of(&[("a.txt", &edited)]);
        let marks = Marks::resolve(&after, &article_keys(&after), &stored);
        let at = claim_with(&after, "150 soldiers");
        assert_eq!(marks.claim(at), Some(&mark(Rating::Verified)));
        assert_eq!(
            marks.claim_aliases[&at],
            [stored.claims[0].key.article.clone()]
        );
        let twice = index_of(&[("a.txt", &edited), ("copy.txt", &edited)]);
        let marks = Marks::resolve(&twice, &article_keys(&twice), &stored);
        assert!(marks.claims.is_empty(), "two claims have that text");
        assert_eq!(marks.unmatched, 1);
    }

    #[test]
    fn a_fact_mark_follows_its_fact_when_a_report_adds_a_figure() {
        let before = index_of(&[("a.txt", FLOOD), ("b.txt", WIRE)]);
        let keys = article_keys(&before);
        let fact = before
            .facts
            .iter()
            .find(|f| f.sources == 2)
            .expect("the two reports share a figure");
        let stored = Stored {
            claims: vec![],
            facts: vec![StoredFactMark {
                key: FactKey::of(fact, &before, &keys),
                label: fact.label.to_string(),
                mark: mark(Rating::Disputed),
            }],
        };
        let after = index_of(&[("a.txt", FLOOD), ("b.txt", WIRE), ("c.txt", LATER)]);
        let grown = after
            .facts
            .iter()
            .find(|f| f.sources == 3)
            .expect("the third report states it too");
        let marks = Marks::resolve(&after, &article_keys(&after), &stored);
        assert_eq!(
            marks.fact(grown.id).map(|m| m.rating),
            Some(Rating::Disputed)
        );
        assert_eq!(marks.fact_digests[&grown.id].len(), 1);
        let unrelated = index_of(&[("c.txt", LATER)]);
        let marks = Marks::resolve(&unrelated, &article_keys(&unrelated), &stored);
        assert!(marks.facts.is_empty());
        assert_eq!(marks.unmatched, 1);
    }

    #[test]
    fn the_mark_filter_cycles_through_every_rating() {
        let mut f = MarkFilter::All;
        let mut seen = vec![f];
        loop {
            f = f.next();
            if f == MarkFilter::All {
                break;
            }
            seen.push(f);
        }
        assert_eq!(seen.len(), 3 + Rating::ALL.len());
        let m = mark(Rating::False);
        assert!(MarkFilter::Marked.admits(Some(&m)));
        assert!(!MarkFilter::Marked.admits(None));
        assert!(MarkFilter::Rating(Rating::False).admits(Some(&m)));
        assert!(!MarkFilter::Rating(Rating::Verified).admits(Some(&m)));
        assert!(MarkFilter::Unmarked.admits(None));
        assert_eq!(Rating::parse(" Misleading"), Some(Rating::Misleading));
    }
}
