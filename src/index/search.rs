//! Fuzzy search across claims, fzf-style: space-separated terms must all match; filter terms
//! narrow by source, speaker, unit or figure.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use rayon::prelude::*;
use serde::Serialize;

use super::{ClaimRef, Index};

/// A fuzzy scorer. The index and the UI use this trait, never a matcher crate directly.
pub trait Matcher: Send + Sync {
    /// How well `pattern` matches `text`; `None` when it does not.
    fn score(&self, text: &str, pattern: &str) -> Option<i64>;
    /// The score and the matched character positions.
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)>;
}

/// fuzzy-matcher's skim algorithm, case-insensitive.
pub struct SkimMatcher(SkimMatcherV2);

impl Default for SkimMatcher {
    fn default() -> Self {
        SkimMatcher(SkimMatcherV2::default().ignore_case())
    }
}

impl Matcher for SkimMatcher {
    fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        self.0.fuzzy_match(text, pattern)
    }
    fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(text, pattern)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Compare {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// Letters in order, scattered or not.
    Fuzzy(String),
    /// `'word`: the exact text.
    Exact(String),
    /// `!word`: claims without the text.
    Not(String),
    /// `src:name`: the outlet or file name contains it.
    Source(String),
    /// `by:name`: the speaker contains it.
    Speaker(String),
    /// `unit:km2`: a figure in that unit (or kind).
    Unit(String),
    /// `>=50000`: a figure in that range.
    Value(Compare, f64),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(s: &str) -> Query {
        let terms = s
            .split_whitespace()
            .filter_map(|t| {
                let lower = t.to_lowercase();
                let num = |r: &str| r.replace(',', "").parse::<f64>().ok();
                let term = if let Some(r) = lower.strip_prefix("src:") {
                    Term::Source(r.to_string())
                } else if let Some(r) = lower.strip_prefix("by:") {
                    Term::Speaker(r.to_string())
                } else if let Some(r) = lower.strip_prefix("unit:") {
                    Term::Unit(r.to_string())
                } else if let Some(v) = lower.strip_prefix(">=").and_then(num) {
                    Term::Value(Compare::Ge, v)
                } else if let Some(v) = lower.strip_prefix("<=").and_then(num) {
                    Term::Value(Compare::Le, v)
                } else if let Some(v) = lower.strip_prefix('>').and_then(num) {
                    Term::Value(Compare::Gt, v)
                } else if let Some(v) = lower.strip_prefix('<').and_then(num) {
                    Term::Value(Compare::Lt, v)
                } else if let Some(v) = lower.strip_prefix('=').and_then(num) {
                    Term::Value(Compare::Eq, v)
                } else if let Some(r) = lower.strip_prefix('\'') {
                    Term::Exact(r.to_string())
                } else if let Some(r) = lower.strip_prefix('!') {
                    Term::Not(r.to_string())
                } else {
                    Term::Fuzzy(lower)
                };
                let empty = matches!(&term, Term::Fuzzy(s) | Term::Exact(s) | Term::Not(s) | Term::Source(s) | Term::Speaker(s) | Term::Unit(s) if s.is_empty());
                (!empty).then_some(term)
            })
            .collect();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every claim matching `self` also matches `narrower`'s terms except that one
    /// fuzzy or exact term grew: the earlier results can be searched instead of all claims.
    pub fn narrows_to(&self, narrower: &Query) -> bool {
        if self.terms.is_empty() || self.terms.len() > narrower.terms.len() {
            return false;
        }
        self.terms
            .iter()
            .zip(&narrower.terms)
            .all(|(a, b)| match (a, b) {
                (Term::Fuzzy(x), Term::Fuzzy(y)) | (Term::Exact(x), Term::Exact(y)) => {
                    y.starts_with(x.as_str())
                }
                _ => a == b,
            })
    }
}

/// At most this many fuzzy scorings (candidates ranked by the cheap first score, times the
/// query's fuzzy terms) are spent on a search.
const FULL_SCORE_BUDGET: usize = 1000;

/// How closely a claim holds a query's words, best first: a search lists every whole-word
/// match, then the claims holding the words inside longer ones, then the loose matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Every term is a whole word of the claim ("coast" in "the Gold Coast ferries").
    Word,
    /// Every term is in the claim as typed, some inside a longer word ("korea" in "Korean").
    Part,
    /// Some term's letters are only scattered through the claim, in order.
    Loose,
}

/// A quick ranking of a claim that passed the filters: how closely it holds the terms, and
/// within that, earlier and more compact matches first. Only the best candidates by this
/// ranking are given to the fuzzy matcher.
fn cheap_score(
    hay: Hay,
    q: &Query,
    finders: &[Option<TermFinder>],
    buf: &mut String,
) -> (MatchKind, i64) {
    let mut total = 0;
    let mut kind = MatchKind::Word;
    for (t, finder) in q.terms.iter().zip(finders) {
        match (t, finder) {
            (Term::Fuzzy(f), Some(finder)) => {
                total += match finder.find_from(hay, 0) {
                    Some(pos) => {
                        let text = hay.text();
                        let word = is_word_at(text, pos, f.len())
                            || finder
                                .find_all(hay, pos + 1)
                                .any(|p| is_word_at(text, p, f.len()));
                        if !word {
                            kind = kind.max(MatchKind::Part);
                        }
                        1000 + if word { 500 } else { 0 } - (pos.min(200) / 20) as i64
                    }
                    None => {
                        kind = MatchKind::Loose;
                        // The claim passed the letters-in-order test, so they are all there.
                        let spread = hay
                            .letters_in_order(f)
                            .map_or(0, |(first, end)| end - first);
                        500 - spread.min(450) as i64
                    }
                }
            }
            (Term::Exact(e), _) => {
                if !whole_word(hay.lower(buf), e) {
                    kind = kind.max(MatchKind::Part);
                }
                total += 10 * e.len() as i64
            }
            _ => {}
        }
    }
    (kind, total)
}

/// A substring searcher for each fuzzy term (`None` for other terms), built once per search.
fn term_finders(q: &Query) -> Vec<Option<TermFinder<'_>>> {
    q.terms
        .iter()
        .map(|t| match t {
            Term::Fuzzy(f) => Some(TermFinder::new(f)),
            _ => None,
        })
        .collect()
}

/// The terms of a query read in claims' texts, prepared once for a search.
struct TextTerms<'q> {
    /// A substring searcher for each fuzzy term, `None` for other terms.
    finders: Vec<Option<TermFinder<'q>>>,
    /// Whether the query reads claims' texts at all (its filters do not).
    any: bool,
    /// Whether every term read in claims' texts is in ASCII.
    ascii: bool,
}

impl<'q> TextTerms<'q> {
    fn new(q: &'q Query) -> TextTerms<'q> {
        let read = || {
            q.terms.iter().filter_map(|t| match t {
                Term::Fuzzy(w) | Term::Exact(w) | Term::Not(w) => Some(w),
                _ => None,
            })
        };
        TextTerms {
            finders: term_finders(q),
            any: read().next().is_some(),
            ascii: read().all(|w| w.is_ascii()),
        }
    }
}

/// Room one thread of a search lowercases claims' texts in, reused from claim to claim.
#[derive(Default)]
struct Scratch {
    /// The text of a claim that cannot be read as written.
    hay: String,
    /// The lowercase of a text read as written, for exact and excluded terms.
    lower: String,
}

/// A claim's text as search reads it.
#[derive(Debug, Clone, Copy)]
enum Hay<'a> {
    /// Lowercased.
    Lower(&'a str),
    /// As written: lowering its ASCII capitals as it is read gives its lowercase byte for
    /// byte, or, for terms in ASCII, finds them at the same places as whole words or not alike
    /// ([`super::reading::Reading`]).
    Folded(&'a str),
}

impl<'a> Hay<'a> {
    /// The text, at the same byte positions as its lowercase.
    fn text(self) -> &'a str {
        match self {
            Hay::Lower(s) | Hay::Folded(s) => s,
        }
    }

    /// The lowercase text: itself, or the text as written lowered into `buf`.
    fn lower<'b>(self, buf: &'b mut String) -> &'b str
    where
        'a: 'b,
    {
        match self {
            Hay::Lower(s) => s,
            Hay::Folded(s) => {
                buf.clear();
                buf.push_str(s);
                buf.make_ascii_lowercase();
                buf
            }
        }
    }

    /// [`letters_in_order`] on the lowercase text.
    fn letters_in_order(self, needle: &str) -> Option<(usize, usize)> {
        letters_in_order(self.text(), needle, matches!(self, Hay::Folded(_)))
    }
}

/// Finds a lowercase term in a claim's text, lowercased or folded as it is read.
struct TermFinder<'q> {
    lower: memmem::Finder<'q>,
    term: &'q [u8],
    /// The term's rarest byte in prose, and where it sits in the term: a folded text is
    /// scanned for it (in either case) and each place it occurs checked for the whole term.
    rare: usize,
}

impl<'q> TermFinder<'q> {
    fn new(term: &'q str) -> TermFinder<'q> {
        let term = term.as_bytes();
        let rare = (0..term.len())
            .min_by_key(|&i| commonness(term[i]))
            .unwrap_or(0);
        TermFinder {
            lower: memmem::Finder::new(term),
            term,
            rare,
        }
    }

    /// Where the term starts in `hay`, searching from byte `from`.
    fn find_from(&self, hay: Hay, from: usize) -> Option<usize> {
        let bytes = hay.text().as_bytes().get(from..)?;
        match hay {
            Hay::Lower(_) => self.lower.find(bytes).map(|p| from + p),
            Hay::Folded(_) => {
                let n = self.term.len();
                let (Some(&byte), Some(last)) =
                    (self.term.get(self.rare), bytes.len().checked_sub(n))
                else {
                    return (n == 0).then_some(from);
                };
                let upper = byte.to_ascii_uppercase();
                let mut at = self.rare;
                while at <= last + self.rare {
                    let window = &bytes[at..=last + self.rare];
                    let p = at + memchr::memchr2(byte, upper, window)?;
                    let start = p - self.rare;
                    if bytes[start..start + n].eq_ignore_ascii_case(self.term) {
                        return Some(from + start);
                    }
                    at = p + 1;
                }
                None
            }
        }
    }

    /// Every place the term starts in `hay` from byte `from` on, first to last, not
    /// overlapping.
    fn find_all<'s>(&'s self, hay: Hay<'s>, mut from: usize) -> impl Iterator<Item = usize> + 's {
        std::iter::from_fn(move || {
            let p = self.find_from(hay, from)?;
            from = p + self.term.len().max(1);
            Some(p)
        })
    }
}

/// Roughly how often a byte occurs in English prose, rarest lowest: the byte a term is
/// scanned for is its least common one, so fewer places need checking.
fn commonness(b: u8) -> u8 {
    match b {
        b' ' => 9,
        b'e' => 8,
        b't' | b'a' | b'o' | b'i' | b'n' => 7,
        b's' | b'r' | b'h' | b'l' | b'd' => 6,
        b'c' | b'u' | b'm' | b'f' | b'p' | b'g' | b'w' | b'y' | b'b' | b',' | b'.' => 5,
        b'v' | b'k' => 4,
        b'x' | b'j' | b'q' | b'z' => 3,
        b'0'..=b'9' => 2,
        _ => 1,
    }
}

/// A claim found by a search./// A claim found by a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchHit {
    pub at: ClaimRef,
    pub kind: MatchKind,
    pub score: i64,
}

impl SearchHit {
    /// Best first: whole words, then parts of words, then loose matches; higher scores first
    /// within each; index order between equals.
    fn order(a: &SearchHit, b: &SearchHit) -> std::cmp::Ordering {
        a.kind
            .cmp(&b.kind)
            .then(b.score.cmp(&a.score))
            .then(a.at.cmp(&b.at))
    }
}

/// What a search found: the best hits, and how many claims match in all, the loose matches
/// (letters scattered in order) counted apart from the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchOutcome {
    pub hits: Vec<SearchHit>,
    /// Claims holding every term as typed (whole words or inside words).
    pub matches: usize,
    /// Claims holding some term's letters only scattered, in order.
    pub loose: usize,
}

/// Runs the queries of one search box: when a query extends an earlier one (the last, or one
/// typed before and come back to with backspace), only the claims that matched it are scanned
/// (all of them, not only the best shown), plus any claims added to the index since.
#[derive(Debug, Default)]
pub struct Searcher {
    /// The latest queries, oldest first.
    recent: Vec<PastSearch>,
}

/// Queries a [`Searcher`] remembers: enough to go back through a word or two with backspace.
const RECENT_QUERIES: usize = 12;

#[derive(Debug)]
struct PastSearch {
    query: Query,
    matching: Vec<ClaimRef>,
    /// How many claims the index had, and whether it was linked (linking folds speakers'
    /// names, which `by:` reads).
    claims: usize,
    linked: bool,
}

impl Searcher {
    /// The best `limit` claims for the query, and how many match in all.
    pub fn search(
        &mut self,
        index: &Index,
        q: &Query,
        m: &dyn Matcher,
        limit: usize,
    ) -> SearchOutcome {
        if q.is_empty() {
            self.recent.clear();
            return SearchOutcome::default();
        }
        self.recent
            .retain(|p| p.linked == index.linked && p.claims <= index.claims.len());
        let among: Option<std::borrow::Cow<[ClaimRef]>> = self
            .recent
            .iter()
            .rev()
            .find(|p| p.query.narrows_to(q))
            .map(|p| {
                if p.claims == index.claims.len() {
                    p.matching.as_slice().into()
                } else {
                    let added = &index.claims[p.claims..];
                    p.matching.iter().chain(added).copied().collect()
                }
            });
        let matching = index.matching(q, among.as_deref());
        let hits = index.search(q, m, Some(&matching), limit);
        if self.recent.len() == RECENT_QUERIES {
            self.recent.remove(0);
        }
        self.recent.push(PastSearch {
            query: q.clone(),
            matching,
            claims: index.claims.len(),
            linked: index.linked,
        });
        hits
    }
}

/// A search result as the CLI prints it.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    pub score: i64,
    pub path: String,
    pub claim_id: crate::ids::ClaimId,
    pub text: String,
    /// How closely the claim holds the query's words: `word`, `part` or `loose`.
    #[serde(rename = "match")]
    pub kind: MatchKind,
    /// Character positions of the matched letters in `text`.
    pub indices: Vec<usize>,
}

/// Where the letters of `needle` (lowercase) are first found in order in `hay`: the first
/// letter's byte position and the end of the last one's, or `None` if they are not all there.
/// Each letter is searched from just after the previous one. A `folded` hay is read as its
/// lowercase: an ASCII letter is found in either case.
fn letters_in_order(hay: &str, needle: &str, folded: bool) -> Option<(usize, usize)> {
    let mut first = None;
    let mut end = 0;
    if needle.is_ascii() {
        // An ASCII byte never occurs inside a multi-byte character, so bytes can be searched
        // directly, with memchr.
        for &b in needle.as_bytes() {
            let rest = &hay.as_bytes()[end..];
            let upper = b.to_ascii_uppercase();
            end += if folded && upper != b {
                memchr::memchr2(b, upper, rest)?
            } else {
                memchr::memchr(b, rest)?
            } + 1;
            first.get_or_insert(end - 1);
        }
    } else {
        for n in needle.chars() {
            let upper = n.to_ascii_uppercase();
            let p = if folded && upper != n {
                hay[end..].find([n, upper])?
            } else {
                hay[end..].find(n)?
            };
            first.get_or_insert(end + p);
            end += p + n.len_utf8();
        }
    }
    Some((first.unwrap_or(0), end))
}

fn whole_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word)
        .any(|(i, _)| is_word_at(hay, i, word.len()))
}

/// Whether `hay[i..i + len]` is a whole word: no letter or digit right before or after it.
fn is_word_at(hay: &str, i: usize, len: usize) -> bool {
    let before = hay[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after = hay[i + len..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before && after
}

impl Index {
    /// Claim `i`'s text as search reads it for terms that are all in ASCII (`ascii`) or not:
    /// as written, or, for the few claims whose capitals outside ASCII do not lowercase in
    /// place, lowercased into `buf`.
    fn hay<'a>(&'a self, i: usize, ascii: bool, buf: &'a mut String) -> Hay<'a> {
        let text = &*self.claim(self.claims[i]).text;
        if self.readings.get(i).as_written(ascii) {
            Hay::Folded(text)
        } else {
            buf.clear();
            crate::text::push_lower(buf, text);
            Hay::Lower(buf)
        }
    }

    /// Whether claim `i` passes the query: its filters first, then the terms read in its
    /// text, which is lowercased into `hay_buf` if it must be (and into `lower` for exact and
    /// excluded terms). The claim's text as read, if the query reads it.
    fn passes<'a>(
        &'a self,
        i: usize,
        q: &Query,
        terms: &TextTerms,
        hay_buf: &'a mut String,
        lower: &mut String,
    ) -> Option<Option<Hay<'a>>> {
        if !self.passes_filters(self.claims[i], q) {
            return None;
        }
        if !terms.any {
            return Some(None);
        }
        let hay = self.hay(i, terms.ascii, hay_buf);
        let holds = q.terms.iter().all(|t| match t {
            Term::Fuzzy(f) => hay.letters_in_order(f).is_some(),
            Term::Exact(e) => hay.lower(lower).contains(e.as_str()),
            Term::Not(n) => !hay.lower(lower).contains(n.as_str()),
            _ => true,
        });
        holds.then_some(Some(hay))
    }

    /// Whether the claim passes every filter (source, speaker, unit, value); the terms read in
    /// its text are tested by [`Index::passes`].
    fn passes_filters(&self, r: ClaimRef, q: &Query) -> bool {
        q.terms.iter().all(|t| match t {
            Term::Fuzzy(_) | Term::Exact(_) | Term::Not(_) => true,
            Term::Source(s) => {
                let a = self.article_of(r);
                a.source_label().to_lowercase().contains(s.as_str())
                    || a.path.to_lowercase().contains(s.as_str())
            }
            Term::Speaker(s) => self
                .attribution(r)
                .is_some_and(|a| a.speaker.to_lowercase().contains(s.as_str())),
            Term::Unit(u) => self.quantities(r).iter().any(|q| {
                q.unit.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(u))
                    || q.canonical_unit
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(u))
                    || q.kind.as_str() == u.as_str()
            }),
            Term::Value(cmp, v) => self.quantities(r).iter().any(|q| {
                let (lo, hi) = (q.value().or(q.low()), q.value().or(q.high()));
                match cmp {
                    Compare::Ge => lo.is_some_and(|x| x >= *v),
                    Compare::Gt => lo.is_some_and(|x| x > *v),
                    Compare::Le => hi.is_some_and(|x| x <= *v),
                    Compare::Lt => hi.is_some_and(|x| x < *v),
                    Compare::Eq => q.value().is_some_and(|x| (x - v).abs() < 1e-9),
                }
            }),
        })
    }

    /// The fuzzy matcher's score of a claim's lowercase text `hay`, with bonuses for the
    /// fuzzy terms it holds as typed.
    fn score_claim(hay: &str, q: &Query, m: &dyn Matcher) -> Option<i64> {
        let mut total = 0;
        for t in &q.terms {
            match t {
                Term::Fuzzy(f) => {
                    total += m.score(hay, f)?;
                    if whole_word(hay, f) {
                        total += 40 + 4 * f.len() as i64;
                    } else if hay.contains(f.as_str()) {
                        total += 20 + 2 * f.len() as i64;
                    }
                }
                Term::Exact(e) => total += 10 * e.len() as i64,
                _ => {}
            }
        }
        Some(total)
    }

    /// Every claim that passes the query's filters and contains each fuzzy term's letters in
    /// order (within `among` when given), in index order.
    pub fn matching(&self, q: &Query, among: Option<&[ClaimRef]>) -> Vec<ClaimRef> {
        let terms = TextTerms::new(q);
        self.scan(among, |s, i| {
            let passed = self.passes(i, q, &terms, &mut s.hay, &mut s.lower);
            passed.map(|_| self.claims[i])
        })
    }

    /// `f` over the positions of every claim (of `among` when given) in parallel, keeping
    /// what it returns in index order. `f` is given room to lowercase texts in.
    fn scan<T: Send>(
        &self,
        among: Option<&[ClaimRef]>,
        f: impl Fn(&mut Scratch, usize) -> Option<T> + Sync + Send,
    ) -> Vec<T> {
        match among {
            Some(list) => list
                .par_iter()
                .filter_map(|r| self.claims.binary_search(r).ok())
                .map_init(Scratch::default, f)
                // Not `flatten`: rayon would collect each item apart.
                .filter_map(std::convert::identity)
                .collect(),
            None => (0..self.claims.len())
                .into_par_iter()
                .map_init(Scratch::default, f)
                // Not `flatten`: rayon would collect each item apart.
                .filter_map(std::convert::identity)
                .collect(),
        }
    }

    /// Every claim matching the query (within `among` when given), best first, at most
    /// `limit`, with the number of matches and loose matches in all.
    pub fn search(
        &self,
        q: &Query,
        m: &dyn Matcher,
        among: Option<&[ClaimRef]>,
        limit: usize,
    ) -> SearchOutcome {
        let terms = TextTerms::new(q);
        let first_pass = |s: &mut Scratch, i: usize| -> Option<SearchHit> {
            let Scratch { hay, lower } = s;
            let (kind, score) = match self.passes(i, q, &terms, hay, lower)? {
                Some(hay) => cheap_score(hay, q, &terms.finders, lower),
                None => (MatchKind::Word, 0),
            };
            Some(SearchHit {
                at: self.claims[i],
                kind,
                score,
            })
        };
        let mut hits = self.scan(among, first_pass);
        let loose = hits.iter().filter(|h| h.kind == MatchKind::Loose).count();
        let matches = hits.len() - loose;
        let fuzzy_terms = q
            .terms
            .iter()
            .filter(|t| matches!(t, Term::Fuzzy(_)))
            .count()
            .max(1);
        let budget = limit.saturating_mul(2).max(FULL_SCORE_BUDGET / fuzzy_terms);
        if hits.len() > budget {
            hits.select_nth_unstable_by(budget - 1, SearchHit::order);
            hits.truncate(budget);
        }
        let mut hits: Vec<SearchHit> = hits
            .into_par_iter()
            .filter_map(|h| {
                let lower = crate::text::to_lower(&self.claim(h.at).text);
                Some(SearchHit {
                    score: Self::score_claim(&lower, q, m)?,
                    ..h
                })
            })
            .collect();
        if hits.len() > limit && limit > 0 {
            hits.select_nth_unstable_by(limit - 1, SearchHit::order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(SearchHit::order);
        SearchOutcome {
            hits,
            matches,
            loose,
        }
    }

    /// Matched character positions of the query's fuzzy terms in a claim's text, for
    /// highlighting the rows on screen.
    pub fn match_indices(&self, r: ClaimRef, q: &Query, m: &dyn Matcher) -> Vec<usize> {
        let text = &self.claim(r).text;
        let mut out: Vec<usize> = Vec::new();
        for t in &q.terms {
            match t {
                Term::Fuzzy(f) => {
                    let lower = text.to_lowercase();
                    if let Some(byte) = lower.find(f.as_str()).filter(|_| lower.len() == text.len())
                    {
                        let start = lower[..byte].chars().count();
                        out.extend(start..start + f.chars().count());
                    } else if let Some((_, idx)) = m.indices(text, f) {
                        out.extend(idx);
                    }
                }
                Term::Exact(e) => {
                    let lower = text.to_lowercase();
                    if lower.len() == text.len()
                        && let Some(byte) = lower.find(e.as_str())
                    {
                        let start = lower[..byte].chars().count();
                        out.extend(start..start + e.chars().count());
                    }
                }
                _ => {}
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Search results in the CLI's JSON shape, with the numbers of matches and loose
    /// matches in all.
    pub fn search_results(
        &self,
        q: &Query,
        m: &dyn Matcher,
        limit: usize,
    ) -> (Vec<SearchResult>, usize, usize) {
        let found = self.search(q, m, None, limit);
        let results = found
            .hits
            .into_iter()
            .map(|h| {
                let c = self.claim(h.at);
                SearchResult {
                    score: h.score,
                    path: self.article_of(h.at).path.clone(),
                    claim_id: c.id,
                    text: c.text.to_string(),
                    kind: h.kind,
                    indices: self.match_indices(h.at, q, m),
                }
            })
            .collect();
        (results, found.matches, found.loose)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::reading::Reading;

    #[test]
    fn parses_filters_and_terms() {
        let q = Query::parse("north 'korean !russian src:wire by:smith unit:km2 >=40,000 <10");
        assert_eq!(
            q.terms,
            vec![
                Term::Fuzzy("north".into()),
                Term::Exact("korean".into()),
                Term::Not("russian".into()),
                Term::Source("wire".into()),
                Term::Speaker("smith".into()),
                Term::Unit("km2".into()),
                Term::Value(Compare::Ge, 40000.0),
                Term::Value(Compare::Lt, 10.0),
            ]
        );
    }

    #[test]
    fn whole_words_rank_before_parts_of_words_and_loose_matches_are_counted_apart() {
        let q = Query::parse("north korean");
        let finders = term_finders(&q);
        // A text read as written ranks as its lowercase copy would.
        let kind = |written: &str| {
            let buf = &mut String::new();
            let lower = written.to_lowercase();
            let folded = cheap_score(Hay::Folded(written), &q, &finders, buf);
            assert_eq!(folded, cheap_score(Hay::Lower(&lower), &q, &finders, buf));
            folded.0
        };
        assert_eq!(kind("North Korean troops crossed"), MatchKind::Word);
        assert_eq!(
            kind("The Korean border, north of the river"),
            MatchKind::Word
        );
        assert_eq!(kind("Northern Koreans fled"), MatchKind::Part);
        assert_eq!(
            kind("No threat, the Kremlin's oreans said now"),
            MatchKind::Loose
        );
        let exact = Query::parse("'troop");
        let finders = term_finders(&exact);
        assert_eq!(
            cheap_score(
                Hay::Folded("50,000 Troops"),
                &exact,
                &finders,
                &mut String::new()
            )
            .0,
            MatchKind::Part
        );
        let hit = |kind, score, claim| SearchHit {
            at: ClaimRef { article: 0, claim },
            kind,
            score,
        };
        let mut hits = [
            hit(MatchKind::Loose, 900, 0),
            hit(MatchKind::Part, 10, 1),
            hit(MatchKind::Word, 5, 2),
            hit(MatchKind::Word, 50, 3),
        ];
        hits.sort_by(SearchHit::order);
        let claims: Vec<u32> = hits.iter().map(|h| h.at.claim).collect();
        assert_eq!(claims, [3, 2, 1, 0], "kind first, then score");
    }

    #[test]
    fn narrowing() {
        assert!(Query::parse("nor").narrows_to(&Query::parse("nort")));
        assert!(Query::parse("nor").narrows_to(&Query::parse("nor kor")));
        assert!(!Query::parse("nort").narrows_to(&Query::parse("nor")));
        assert!(!Query::parse("").narrows_to(&Query::parse("a")));
    }

    #[test]
    fn subsequence() {
        let at = |hay, needle| letters_in_order(hay, needle, false);
        assert_eq!(at("north korean troops", "nkt"), Some((0, 14)));
        assert_eq!(at("north korean troops", "kor"), Some((6, 9)));
        assert_eq!(at("north korean troops", "spn"), None);
        assert_eq!(at("abc", ""), Some((0, 0)));
        assert_eq!(at("київ і львів", "ївв"), Some((4, 18)));
        assert_eq!(at("київ і львів", "вк"), None);
    }

    /// Texts written with capitals, none of them outside ASCII: the texts search reads as
    /// written.
    const WRITTEN: [&str; 4] = [
        "North Korean Troops reached Kursk, NATO said",
        "Zoë Simić of the Kraków office told TASS “nothing”",
        "AAA aaa Aa-aA: the BBC's bbc.com",
        "Nearly 60,000 — or 59,000? — troops",
    ];

    #[test]
    fn a_text_read_folded_is_searched_as_its_lowercase() {
        let terms = [
            "north",
            "korean troops",
            "kursk",
            "nato said",
            "zoë",
            "simić",
            "kraków",
            "tass",
            "“nothing”",
            "aa",
            "aaa",
            "a-a",
            "bbc",
            "'s bbc",
            "60,000",
            "— or",
            "s",
            "ot",
            "xyz",
            "troops,",
        ];
        for written in WRITTEN {
            let lower = written.to_lowercase();
            assert_eq!(lower, written.to_ascii_lowercase());
            let (folded, lowered) = (Hay::Folded(written), Hay::Lower(&lower));
            for term in terms {
                let finder = TermFinder::new(term);
                for from in 0..=written.len() {
                    if !written.is_char_boundary(from) {
                        continue;
                    }
                    let expected: Vec<usize> = finder.find_all(lowered, from).collect();
                    let got: Vec<usize> = finder.find_all(folded, from).collect();
                    assert_eq!(got, expected, "{term:?} in {written:?} from {from}");
                }
                assert_eq!(
                    folded.letters_in_order(term),
                    lowered.letters_in_order(term),
                    "{term:?} in {written:?}"
                );
            }
        }
    }

    /// Texts with capitals outside ASCII that lowercase in place: read as written for terms in
    /// ASCII.
    const WRITTEN_FOR_ASCII: [&str; 4] = [
        "ÉCOLE Normale: the École's ÉTÉ-term ended",
        "ÖSTERSUND (Östersund) council, ÖBB said",
        "Министр ЖУКОВ told TASS: 40 ÉLUS",
        "ΟΔΥΣΣΕΑΣ said ΣΑΣ Σ-ΣΣ ok",
    ];

    #[test]
    fn a_text_with_capitals_outside_ascii_is_read_as_written_for_terms_in_ascii() {
        let terms = [
            "cole", "ecole", "normal", "s e", "te", "te-term", "ersund", "stersund", "bb", "said",
            "obb", "tass", "40", "lus", "s", "ok", ": ", "(", "k", "ss",
        ];
        let loose = ["cole", "nt", "sd", "tk", "ok", "ss"];
        for written in WRITTEN_FOR_ASCII {
            assert_eq!(Reading::of(written), Reading::AsWrittenForAscii);
            let lower = written.to_lowercase();
            assert_eq!(lower.len(), written.len());
            let (folded, lowered) = (Hay::Folded(written), Hay::Lower(&lower));
            for term in terms {
                let finder = TermFinder::new(term);
                for from in (0..=written.len()).filter(|&i| written.is_char_boundary(i)) {
                    let expected: Vec<usize> = finder.find_all(lowered, from).collect();
                    let got: Vec<usize> = finder.find_all(folded, from).collect();
                    assert_eq!(got, expected, "{term:?} in {written:?} from {from}");
                }
                let q = Query::parse(&format!("{term} '{term}"));
                let finders = term_finders(&q);
                let buf = &mut String::new();
                assert_eq!(
                    cheap_score(folded, &q, &finders, buf),
                    cheap_score(lowered, &q, &finders, buf),
                    "{term:?} in {written:?}"
                );
            }
            for letters in loose {
                assert_eq!(
                    folded.letters_in_order(letters),
                    lowered.letters_in_order(letters),
                    "{letters:?} in {written:?}"
                );
            }
        }
        // "cole" sits inside a word in "ÉCOLE" as in "école": a folded capital is a letter.
        let q = Query::parse("cole");
        let buf = &mut String::new();
        let kind = cheap_score(Hay::Folded("ÉCOLE"), &q, &term_finders(&q), buf).0;
        assert_eq!(kind, MatchKind::Part);
    }

    #[test]
    fn a_term_is_found_in_a_written_text_whatever_its_capitals() {
        let hay = Hay::Folded("Reports from KYIV and Kyiv, not kyivan");
        let finder = TermFinder::new("kyiv");
        assert_eq!(finder.find_all(hay, 0).collect::<Vec<_>>(), [13, 22, 32]);
        assert_eq!(hay.letters_in_order("rk"), Some((0, 14)));
        assert_eq!(hay.letters_in_order("vvv"), Some((16, 36)));
        assert_eq!(hay.letters_in_order("vvvv"), None);
    }
}

#[cfg(test)]
mod searcher_tests {
    use super::*;
    use crate::extract::{Claim, Extracted};
    use crate::ids::ClaimId;
    use crate::lexicon::Lexicon;
    use crate::text::Span;

    /// An index of one article whose claims are `sentences`, built directly.
    fn index_of(sentences: &[String]) -> Index {
        let text: std::sync::Arc<str> = sentences.join(" ").into();
        let mut start = 0;
        let claims = sentences
            .iter()
            .enumerate()
            .map(|(c, s)| {
                let span = start..start + s.len();
                start = span.end + 1;
                Claim::plain(ClaimId::from_hash(c as u64), Span::new(&text, span), 0.5)
            })
            .collect();
        let doc = crate::corpus::Document::plain("a.txt", String::from("x"));
        let mut article = crate::corpus::build_articles(vec![doc], Lexicon::global()).remove(0);
        article.text = text;
        Index::build(
            vec![Extracted::from_claims(article, claims)],
            Lexicon::global(),
        )
    }

    /// Claims with capitals outside ASCII, some lowercasing in place ("É", "Ж", "Σ"), some
    /// not: "İ" grows, "ẞ" shrinks, the kelvin sign lowercases to ASCII.
    const CAPITALS: [&str; 9] = [
        "Officials in İSTANBUL said 4,000 people were evacuated from İzmir",
        "The ÖSTERSUND council said 120 homes in Östersund were flooded",
        "Scientists at the ÉCOLE Normale measured 300 kelvin at night",
        "A probe read 4 \u{212A} above zero in the lab, NASA said",
        "Министр ЖУКОВ said 40 troops reached Kursk on Monday",
        "ΟΔΥΣΣΕΑΣ and 12 ΣΑΣ ships said troops left",
        "GROẞE Straße traffic rose 12 per cent, said the city",
        "Nearly 60,000 troops left, officials said",
        "Zoë Simić of the Kraków office said nothing",
    ];

    #[test]
    fn a_claim_is_searched_as_its_lowercase_whatever_its_capitals() {
        let written: Vec<String> = CAPITALS.iter().map(|s| s.to_string()).collect();
        let lowered: Vec<String> = CAPITALS.iter().map(|s| s.to_lowercase()).collect();
        let (written, lowered) = (index_of(&written), index_of(&lowered));
        let m = SkimMatcher::default();
        for q in [
            "k",
            "i",
            "ist",
            "istanbul",
            "'stanbul",
            "izmir",
            "östersund",
            "'tersund",
            "ersu",
            "ecole",
            "école",
            "cole",
            "'cole",
            "300 k",
            "4 k",
            "'4 k",
            "министр",
            "жуков",
            "ков",
            "οδυσσεας",
            "σας",
            "ς",
            "strasse",
            "straße",
            "gro",
            "'ße",
            "troops",
            "said troops",
            "!said",
            "!ö troops",
            "'ö",
            "zoë",
            "s",
            "sd",
            "xq",
        ] {
            let q = Query::parse(q);
            assert_eq!(
                written.search(&q, &m, None, 100),
                lowered.search(&q, &m, None, 100),
                "{q:?}"
            );
            assert_eq!(
                written.matching(&q, None),
                lowered.matching(&q, None),
                "{q:?}"
            );
        }
    }

    #[test]
    fn a_match_across_a_capital_outside_ascii_is_highlighted_in_the_text_as_written() {
        let index = index_of(&CAPITALS.map(String::from));
        let m = SkimMatcher::default();
        let highlighted = |q: &str| {
            let q = Query::parse(q);
            let hits = index.search(&q, &m, None, 1).hits;
            let hit = hits.first().expect("a claim matches");
            let text = &index.claim(hit.at).text;
            let at = index.match_indices(hit.at, &q, &m);
            let chars: String = text
                .chars()
                .enumerate()
                .filter(|(i, _)| at.contains(i))
                .map(|(_, c)| c)
                .collect();
            (hit.kind, chars)
        };
        assert_eq!(
            highlighted("östersund"),
            (MatchKind::Word, "ÖSTERSUND".into())
        );
        assert_eq!(highlighted("ersu"), (MatchKind::Part, "ERSU".into()));
        assert_eq!(highlighted("'cole"), (MatchKind::Part, "COLE".into()));
        assert_eq!(highlighted("жуков"), (MatchKind::Word, "ЖУКОВ".into()));
        // "İ" lowercases to "i" and a combining dot: "istanbul" is not in the lowercase as
        // typed, but its letters are, in order.
        let (kind, chars) = highlighted("istanbul");
        assert_eq!(kind, MatchKind::Loose);
        assert!(chars.ends_with("STANBUL"), "{chars:?}");
    }

    #[test]
    fn narrowing_finds_what_a_fresh_search_finds() {
        let index = Index::build(
            crate::load(&[], &Default::default()).articles,
            Lexicon::global(),
        );
        let m = SkimMatcher::default();
        let mut searcher = Searcher::default();
        for q in ["t", "tr", "tro", "troo", "troops", "troops n", "troops no"] {
            let q = Query::parse(q);
            let narrowed = searcher.search(&index, &q, &m, 3);
            let fresh = index.search(&q, &m, None, 3);
            assert_eq!(narrowed, fresh, "{q:?}");
        }
    }

    #[test]
    fn backspace_comes_back_to_what_a_fresh_search_finds() {
        let index = Index::build(
            crate::load(&[], &Default::default()).articles,
            Lexicon::global(),
        );
        let m = SkimMatcher::default();
        let mut searcher = Searcher::default();
        for q in [
            "t", "tr", "tro", "troo", "troops", "troop", "tro", "troo", "tr", "said",
        ] {
            let q = Query::parse(q);
            let typed = searcher.search(&index, &q, &m, 1000);
            assert_eq!(typed, index.search(&q, &m, None, 1000), "{q:?}");
        }
    }

    #[test]
    fn search_ignores_case_in_any_script() {
        let dir = std::env::temp_dir().join(format!("cc-case-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.txt"),
            "Officials in İSTANBUL said 4,000 people were evacuated on Monday.\n\n\
             The ÖSTERSUND council said 120 homes were flooded.\n",
        )
        .unwrap();
        let args = [dir.display().to_string()];
        let index = Index::build(
            crate::load(&args, &Default::default()).articles,
            Lexicon::global(),
        );
        std::fs::remove_dir_all(&dir).unwrap();
        let m = SkimMatcher::default();
        let found = |q: &str| {
            index
                .search(&Query::parse(q), &m, None, 10)
                .hits
                .iter()
                .map(|h| index.claim(h.at).text.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("istanbul").len(), 1);
        assert!(found("istanbul")[0].contains("İSTANBUL"));
        assert_eq!(found("'östersund").len(), 1);
        assert_eq!(found("EVACUATED"), found("evacuated"));
        assert!(
            found("!flooded said")
                .iter()
                .all(|t| !t.contains("flooded"))
        );
    }

    #[test]
    fn narrowing_takes_in_claims_added_since_the_last_query() {
        let mut articles = crate::load(&[], &Default::default()).articles;
        let later = articles.split_off(articles.len() / 2);
        let m = SkimMatcher::default();
        let mut searcher = Searcher::default();
        let mut index = Index::default();
        index.push_articles(articles);
        searcher.search(&index, &Query::parse("sai"), &m, 1000);
        index.push_articles(later);
        let q = Query::parse("said");
        let narrowed = searcher.search(&index, &q, &m, 1000);
        assert_eq!(narrowed, index.search(&q, &m, None, 1000));
        let half = index.claims.len() / 2;
        assert!(
            narrowed.hits.iter().any(|h| h.at >= index.claims[half]),
            "hits among the claims pushed after the first query"
        );
    }
}
