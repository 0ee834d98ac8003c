//! Diffing two reports claim by claim: pairs of claims stating the same thing, in the left
//! report's order, with the right report's unmatched claims placed where they fit.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use super::clusters::signature;
use super::{ClaimRef, Index};
use crate::extract::Claim;
use crate::ids::FactId;
use crate::lexicon::Lexicon;

/// How a row's two claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Same,
    Similar,
    Conflict,
    LeftOnly,
    RightOnly,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Similar => "similar",
            Relation::Conflict => "conflict",
            Relation::LeftOnly => "left_only",
            Relation::RightOnly => "right_only",
        }
    }
}

/// A piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordOp {
    /// equal, delete (left only) or insert (right only).
    pub op: &'static str,
    pub text: String,
}

/// One row of the side-by-side diff.
#[derive(Debug, Clone)]
pub struct DiffRow {
    pub relation: Relation,
    pub left: Option<ClaimRef>,
    pub right: Option<ClaimRef>,
    /// For similar and conflicting rows: the words that differ.
    pub words: Vec<WordOp>,
    /// The two claims are the same passage copied word for word.
    pub copied: bool,
}

/// Two reports aligned claim by claim.
#[derive(Debug, Clone)]
pub struct ReportDiff {
    pub left: usize,
    pub right: usize,
    pub rows: Vec<DiffRow>,
}

/// Counts of each relation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub same: usize,
    pub similar: usize,
    pub conflict: usize,
    pub left_only: usize,
    pub right_only: usize,
}

impl ReportDiff {
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for r in &self.rows {
            match r.relation {
                Relation::Same => s.same += 1,
                Relation::Similar => s.similar += 1,
                Relation::Conflict => s.conflict += 1,
                Relation::LeftOnly => s.left_only += 1,
                Relation::RightOnly => s.right_only += 1,
            }
        }
        s
    }

    /// The JSON form (see docs/json.md).
    pub fn to_json(&self, index: &Index) -> serde_json::Value {
        let claim = |r: Option<ClaimRef>| r.map(|r| index.claim_json(r));
        serde_json::json!({
            "schema_version": 1,
            "left": index.articles[self.left].path,
            "right": index.articles[self.right].path,
            "rows": self.rows.iter().map(|r| serde_json::json!({
                "relation": r.relation,
                "left": claim(r.left),
                "right": claim(r.right),
                "copied": r.copied,
                "words": r.words,
            })).collect::<Vec<_>>(),
            "summary": self.summary(),
        })
    }
}

/// Claims this similar (content words and entities, plus shared facts) state the same thing.
const MIN_PAIR_SCORE: f64 = 0.3;
/// Candidate pairs share at least this many uncommon words (or a fact).
const MIN_SHARED_WORDS: usize = 2;
/// Words in more than a quarter of the right report's claims (and this many at least) are
/// too common to propose pairs.
const COMMON_WORD_MIN: usize = 8;
/// Identical claims at least this long are flagged as copied passages.
const COPIED_MIN_WORDS: usize = 10;

/// Text folded for "same up to trivial differences": case, quotes, whitespace, punctuation.
pub fn fold_text(s: &str) -> String {
    crate::text::words(s)
        .map(|(_, w)| w.to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shared_facts<'a>(
    a: &'a [crate::extract::Quantity],
    b: &'a [crate::extract::Quantity],
) -> Vec<(&'a crate::extract::Quantity, &'a crate::extract::Quantity)> {
    let mut out = Vec::new();
    for qa in a {
        for qb in b {
            if qa.fact.is_some() && qa.fact == qb.fact {
                out.push((qa, qb));
            }
        }
    }
    out
}

fn incompatible(
    qa: &crate::extract::Quantity,
    qb: &crate::extract::Quantity,
    lex: &Lexicon,
) -> bool {
    match (qa.interval(lex), qb.interval(lex)) {
        (Some(x), Some(y)) => x.1 < y.0 || y.1 < x.0,
        _ => false,
    }
}

/// Aligns the claims of two articles of the index.
pub fn diff_articles(index: &Index, left: usize, right: usize, lex: &Lexicon) -> ReportDiff {
    let la = &index.articles[left];
    let ra = &index.articles[right];
    let ls: Vec<Vec<u64>> = la.claims.iter().map(|c| signature(la, c, lex)).collect();
    let rs: Vec<Vec<u64>> = ra.claims.iter().map(|c| signature(ra, c, lex)).collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::default();
    for (j, s) in rs.iter().enumerate() {
        for &w in s {
            postings.entry(w).or_default().push(j);
        }
    }
    let mut facts_r: HashMap<FactId, Vec<usize>> = HashMap::default();
    for (j, c) in ra.claims.iter().enumerate() {
        for f in ra.quantities(c).iter().filter_map(|q| q.fact) {
            facts_r.entry(f).or_default().push(j);
        }
    }
    let l_folded: Vec<String> = la.claims.iter().map(|c| fold_text(&c.text)).collect();
    let r_folded: Vec<String> = ra.claims.iter().map(|c| fold_text(&c.text)).collect();
    let common = (ra.claims.len() / 4).max(COMMON_WORD_MIN);
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, c) in la.claims.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::default();
        for w in &ls[i] {
            let list = postings.get(w).map(Vec::as_slice).unwrap_or(&[]);
            if list.len() <= common {
                for &j in list {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let mut cands: HashSet<usize> = shared
            .into_iter()
            .filter(|&(_, n)| n >= MIN_SHARED_WORDS)
            .map(|(j, _)| j)
            .collect();
        for f in la.quantities(c).iter().filter_map(|q| q.fact) {
            cands.extend(facts_r.get(&f).into_iter().flatten());
        }
        for j in cands {
            let d = &ra.claims[j];
            let mut score = index.claim_weights.cosine(&ls[i], &rs[j]);
            if !shared_facts(la.quantities(c), ra.quantities(d)).is_empty() {
                score += 0.35;
            }
            if c.cluster.is_some() && c.cluster == d.cluster {
                score += 0.3;
            }
            if l_folded[i] == r_folded[j] {
                score += 2.0;
            }
            if score >= MIN_PAIR_SCORE {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut l_match: Vec<Option<usize>> = vec![None; la.claims.len()];
    let mut r_used = vec![false; ra.claims.len()];
    for (_, i, j) in pairs {
        if l_match[i].is_none() && !r_used[j] {
            l_match[i] = Some(j);
            r_used[j] = true;
        }
    }

    let lref = |i: usize| ClaimRef {
        article: left as u32,
        claim: i as u32,
    };
    let rref = |j: usize| ClaimRef {
        article: right as u32,
        claim: j as u32,
    };
    let mut rows = Vec::new();
    let mut emitted = vec![false; ra.claims.len()];
    let emit_right_before = |j: usize, rows: &mut Vec<DiffRow>, emitted: &mut Vec<bool>| {
        for k in 0..j {
            if !r_used[k] && !emitted[k] {
                emitted[k] = true;
                rows.push(DiffRow {
                    relation: Relation::RightOnly,
                    left: None,
                    right: Some(rref(k)),
                    words: vec![],
                    copied: false,
                });
            }
        }
    };
    for (i, matched) in l_match.iter().enumerate() {
        match *matched {
            Some(j) => {
                emit_right_before(j, &mut rows, &mut emitted);
                emitted[j] = true;
                rows.push(pair_row(
                    (la, &la.claims[i]),
                    (ra, &ra.claims[j]),
                    lref(i),
                    rref(j),
                    lex,
                ));
            }
            None => rows.push(DiffRow {
                relation: Relation::LeftOnly,
                left: Some(lref(i)),
                right: None,
                words: vec![],
                copied: false,
            }),
        }
    }
    emit_right_before(ra.claims.len(), &mut rows, &mut emitted);
    ReportDiff { left, right, rows }
}

fn pair_row(
    (la, a): (&crate::extract::Extracted, &Claim),
    (ra, b): (&crate::extract::Extracted, &Claim),
    l: ClaimRef,
    r: ClaimRef,
    lex: &Lexicon,
) -> DiffRow {
    let same = fold_text(&a.text) == fold_text(&b.text);
    let conflict = shared_facts(la.quantities(a), ra.quantities(b))
        .iter()
        .any(|(x, y)| incompatible(x, y, lex));
    let relation = if same {
        Relation::Same
    } else if conflict {
        Relation::Conflict
    } else {
        Relation::Similar
    };
    let words = if same {
        vec![]
    } else {
        word_diff(&a.text, &b.text)
    };
    let copied = same && crate::text::words(&a.text).count() >= COPIED_MIN_WORDS;
    DiffRow {
        relation,
        left: Some(l),
        right: Some(r),
        words,
        copied,
    }
}

/// Word-level differences between two texts.
pub fn word_diff(a: &str, b: &str) -> Vec<WordOp> {
    let diff = TextDiff::from_words(a, b);
    let mut out: Vec<WordOp> = Vec::new();
    for ch in diff.iter_all_changes() {
        let op = match ch.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(ch.value()),
            _ => out.push(WordOp {
                op,
                text: ch.value().to_string(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, build_articles};

    fn index_of(a: &str, b: &str) -> Index {
        let arts = build_articles(
            vec![
                Document::plain("a.txt", a.to_string()),
                Document::plain("b.txt", b.to_string()),
            ],
            Lexicon::global(),
        );
        let arts = crate::extract::extract_all(arts, Lexicon::global());
        Index::build(arts, Lexicon::global())
    }

    fn relations(a: &str, b: &str) -> Vec<(Relation, String, String)> {
        let index = index_of(a, b);
        let d = diff_articles(&index, 0, 1, Lexicon::global());
        let first_words = |r: Option<ClaimRef>| {
            r.map_or(String::new(), |r| {
                index
                    .claim(r)
                    .text
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        d.rows
            .iter()
            .map(|r| (r.relation, first_words(r.left), first_words(r.right)))
            .collect()
    }

    const STORY: &str = "Floods force 3,000 from homes in river towns\n\nSome 3,000 people left their homes on Friday after the river burst its banks, Governor Ana Ruiz said.\n\nRescue teams used boats to reach villages cut off by the water near Almora.\n\nThe army sent two helicopters and 150 soldiers to help, the defence ministry said.\n\nSchools in 12 districts will stay closed until Monday, officials in Almora said.\n";

    #[test]
    fn identical_reports_are_all_same() {
        let rows = relations(STORY, STORY);
        assert!(rows.iter().all(|r| r.0 == Relation::Same), "{rows:?}");
    }

    #[test]
    fn one_figure_changed_is_a_conflict() {
        let b = STORY.replace("150 soldiers", "400 soldiers");
        let rows = relations(STORY, &b);
        let conflicts: Vec<_> = rows.iter().filter(|r| r.0 == Relation::Conflict).collect();
        assert_eq!(conflicts.len(), 1, "{rows:?}");
        assert_eq!(conflicts[0].1, "The army");
        assert_eq!(
            rows.iter().filter(|r| r.0 == Relation::Same).count(),
            rows.len() - 1
        );
    }

    #[test]
    fn a_reworded_paragraph_is_similar_with_a_word_diff() {
        let b = STORY.replace(
            "Rescue teams used boats to reach villages cut off by the water near Almora.",
            "Rescuers used boats to reach villages near Almora that the water had cut off.",
        );
        let index = index_of(STORY, &b);
        let d = diff_articles(&index, 0, 1, Lexicon::global());
        let row = d
            .rows
            .iter()
            .find(|r| r.relation == Relation::Similar)
            .expect("a similar row");
        assert!(
            index
                .claim(row.left.unwrap())
                .text
                .starts_with("Rescue teams")
        );
        assert!(
            row.words
                .iter()
                .any(|w| w.op == "insert" && w.text.contains("Rescuers"))
        );
        assert!(
            row.words
                .iter()
                .any(|w| w.op == "equal" && w.text.contains("boats"))
        );
    }

    #[test]
    fn reordered_sentences_still_pair_up() {
        let b = "Floods force 3,000 from homes in river towns\n\nSchools in 12 districts will stay closed until Monday, officials in Almora said.\n\nThe army sent two helicopters and 150 soldiers to help, the defence ministry said.\n\nSome 3,000 people left their homes on Friday after the river burst its banks, Governor Ana Ruiz said.\n\nRescue teams used boats to reach villages cut off by the water near Almora.\n";
        let rows = relations(STORY, b);
        assert!(rows.iter().all(|r| r.0 == Relation::Same), "{rows:?}");
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn a_missing_paragraph_is_left_only_and_an_extra_one_right_only() {
        let b = STORY.replace(
            "Schools in 12 districts will stay closed until Monday, officials in Almora said.\n",
            "Power was cut to 20,000 homes in the region overnight, the utility said.\n",
        );
        let rows = relations(STORY, &b);
        let left_only: Vec<_> = rows.iter().filter(|r| r.0 == Relation::LeftOnly).collect();
        let right_only: Vec<_> = rows.iter().filter(|r| r.0 == Relation::RightOnly).collect();
        assert_eq!(left_only.len(), 1, "{rows:?}");
        assert_eq!(left_only[0].1, "Schools in");
        assert_eq!(right_only.len(), 1, "{rows:?}");
        assert_eq!(right_only[0].2, "Power was");
    }

    #[test]
    fn same_ignores_case_quotes_and_reflowed_whitespace() {
        let b = STORY.replace(
            "Some 3,000 people left their homes on Friday after the river burst its banks, Governor Ana Ruiz said.",
            "some 3,000 people left their homes on Friday after the river\nburst its banks, Governor Ana Ruiz said.",
        );
        let rows = relations(STORY, &b);
        assert!(rows.iter().all(|r| r.0 == Relation::Same), "{rows:?}");
    }
}
