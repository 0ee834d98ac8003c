//! Facts: figures from different claims (and reports) that measure the same thing, and
//! whether they agree.
//!
//! Candidates are blocked by what is measured (kind, canonical unit, predicate), so only
//! figures of one block are ever compared; within a block a figure joins the best-fitting fact
//! whose qualifiers, time and context are compatible, or starts a new one.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ClaimRef;
use crate::corpus::Article;
use crate::extract::claims::stable_hash;
use crate::extract::{Claim, Quantity};
use crate::ids::FactId;
use crate::lexicon::Lexicon;
use crate::text;
use ustr::Ustr;

/// How the sources' figures for one fact relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Values incompatible at the same time.
    Conflict,
    /// Values change with the reports' dates.
    Evolving,
    /// Every value compatible once hedges are read as intervals.
    Agree,
    /// One source only.
    Single,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Evolving => "evolving",
            Verdict::Agree => "agree",
            Verdict::Single => "single",
        }
    }
}

/// When a figure holds: a day, or a month of a known year. Shown as ISO 8601.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactDate {
    Day(NaiveDate),
    Month(i32, u32),
}

impl std::fmt::Display for FactDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactDate::Day(d) => write!(f, "{d}"),
            FactDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

impl Serialize for FactDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One figure of a fact: where it is stated, and when it holds. Everything else (the text,
/// the value, the hedge) is read from the claim it points to.
#[derive(Debug, Clone, PartialEq)]
pub struct FactMember {
    pub at: ClaimRef,
    pub quantity_index: u32,
    /// The date the figure holds at: the claim's own date, else the report's.
    pub date: Option<FactDate>,
}

impl FactMember {
    /// The date as shown in lists: ISO 8601, or "undated".
    pub fn date_label(&self) -> String {
        self.date
            .map_or_else(|| "undated".to_string(), |d| d.to_string())
    }

    pub fn claim<'a>(&self, articles: &'a [Article]) -> &'a Claim {
        &articles[self.at.article as usize].claims[self.at.claim as usize]
    }

    pub fn quantity<'a>(&self, articles: &'a [Article]) -> &'a Quantity {
        &self.claim(articles).quantities[self.quantity_index as usize]
    }
}

/// Figures across sources measuring the same thing.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: FactId,
    pub label: String,
    pub kind: Ustr,
    pub unit: Option<Ustr>,
    pub verdict: Verdict,
    /// Why the verdict, in words ("all 3 values overlap once hedges are read as intervals").
    pub reason: String,
    /// Reports that state it.
    pub sources: usize,
    /// Reports that state it, counting copies and pages of one outlet once.
    pub independent_sources: usize,
    pub members: Vec<FactMember>,
}

impl Fact {
    /// The fact as JSON (docs/json.md), its members filled in from the articles.
    pub fn json<'a>(&'a self, articles: &'a [Article]) -> impl Serialize + 'a {
        FactJson {
            id: self.id,
            label: &self.label,
            kind: &self.kind,
            unit: self.unit.as_deref(),
            verdict: self.verdict,
            reason: &self.reason,
            sources: self.sources,
            independent_sources: self.independent_sources,
            members: self
                .members
                .iter()
                .map(|m| {
                    let a = &articles[m.at.article as usize];
                    let claim = m.claim(articles);
                    let q = m.quantity(articles);
                    MemberJson {
                        path: &a.path,
                        claim_id: claim.id,
                        text: &claim.text,
                        quantity: &q.text,
                        value: q.value,
                        low: q.low,
                        high: q.high,
                        approx: q.approx.as_deref(),
                        unit: q.unit.as_deref(),
                        date: m.date,
                        source: a.source_label(),
                    }
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct FactJson<'a> {
    id: FactId,
    label: &'a str,
    kind: &'a str,
    unit: Option<&'a str>,
    verdict: Verdict,
    reason: &'a str,
    sources: usize,
    independent_sources: usize,
    members: Vec<MemberJson<'a>>,
}

/// One figure of a fact, as a source states it.
#[derive(Serialize)]
struct MemberJson<'a> {
    path: &'a str,
    claim_id: crate::ids::ClaimId,
    text: &'a str,
    /// The figure as written.
    quantity: &'a str,
    #[serde(serialize_with = "crate::extract::opt_number")]
    value: Option<f64>,
    #[serde(serialize_with = "crate::extract::opt_number")]
    low: Option<f64>,
    #[serde(serialize_with = "crate::extract::opt_number")]
    high: Option<f64>,
    approx: Option<&'a str>,
    unit: Option<&'a str>,
    date: Option<FactDate>,
    /// The report's outlet or file name.
    source: String,
}

/// When a figure holds: a day, or just a month (of an unknown year).
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    Day(NaiveDate),
    Month(Option<i32>, u32),
    Unknown,
}

/// Figures more than this many days apart are about different moments.
const MAX_DAYS_APART: i64 = 45;
/// Context overlap (share of the claim's content words the fact already has, plus half for a
/// shared place or name) to join a fact.
const MIN_CONTEXT: f64 = 0.4;

/// Words, names and qualifiers are compared by their hashes.
type Keys = Vec<u64>;
/// A claim's places and content words, shared by its figures.
type ClaimKeys = (Arc<[u64]>, Arc<[u64]>);
/// A figure to link: the hash of what it measures (kind and canonical unit), and where it is.
type Figure = (u64, ClaimRef, u32);

struct Candidate {
    at: ClaimRef,
    qi: usize,
    modifiers: Arc<[u64]>,
    /// The claim's places and content words, shared by its figures.
    places: Arc<[u64]>,
    words: Arc<[u64]>,
    when: When,
    /// The report's own date: reports published later may give later figures.
    reported: Option<NaiveDate>,
    interval: Option<(f64, f64)>,
}

/// A fact being built: its members and summaries of them, so that a new figure is checked
/// against the summaries rather than every member.
///
/// A corpus makes about as many drafts as it has facts (most with one member), so the
/// summaries are sorted lists, and a one-member draft shares its figure's lists.
struct Draft {
    modifiers: Arc<[u64]>,
    places: Arc<[u64]>,
    words: Arc<[u64]>,
    first_day: Option<NaiveDate>,
    last_day: Option<NaiveDate>,
    months: Vec<When>,
    /// (article, candidate) of every member, sorted by article, members of one article in
    /// the order they joined.
    by_article: Vec<(u32, u32)>,
    log_mid_sum: f64,
    mids: usize,
}

/// Drafts indexed under a word or place shared by more figures than this are not proposed
/// through it (too common to discriminate).
const MAX_POSTING: usize = 256;

/// For each word or place: the drafts holding it, newest first. One hash map entry
/// per key and one arena of linked entries, instead of a vector per key.
#[derive(Default)]
struct Postings {
    /// Key -> (newest entry in `entries`, number of entries).
    heads: HashMap<u64, (u32, u32)>,
    /// (draft, next older entry of the same key, or `u32::MAX`).
    entries: Vec<(u32, u32)>,
}

impl Postings {
    /// Appends the drafts under a key, unless it is too common to discriminate.
    fn read(&self, key: u64, out: &mut Vec<u32>) {
        let Some(&(mut at, len)) = self.heads.get(&key) else {
            return;
        };
        if len as usize > MAX_POSTING {
            return;
        }
        while at != u32::MAX {
            let (draft, next) = self.entries[at as usize];
            out.push(draft);
            at = next;
        }
    }

    /// Files a draft under a key. A key already past [`MAX_POSTING`] drafts is never read
    /// again, so only its count grows.
    fn add(&mut self, key: u64, draft: u32) {
        let head = self.heads.entry(key).or_insert((u32::MAX, 0));
        if head.0 != u32::MAX && self.entries[head.0 as usize].0 == draft {
            return;
        }
        if head.1 as usize > MAX_POSTING {
            head.1 += 1;
            return;
        }
        self.entries.push((draft, head.0));
        *head = ((self.entries.len() - 1) as u32, head.1 + 1);
    }
}

fn mid(iv: Option<(f64, f64)>) -> Option<f64> {
    iv.map(|(a, b)| (a + b) / 2.0).filter(|m| *m > 0.0)
}

/// Whether a sorted list of keys holds `k`.
fn holds(keys: &[u64], k: u64) -> bool {
    keys.binary_search(&k).is_ok()
}

/// Adds sorted keys to a sorted list, keeping it sorted and without repeats.
fn merge_keys(into: &mut Arc<[u64]>, add: &Arc<[u64]>) {
    if into.is_empty() {
        *into = Arc::clone(add);
        return;
    }
    if add.iter().all(|&k| holds(into, k)) {
        return;
    }
    let mut merged = Vec::with_capacity(into.len() + add.len());
    let (mut i, mut j) = (0, 0);
    while i < into.len() && j < add.len() {
        let (a, b) = (into[i], add[j]);
        merged.push(a.min(b));
        i += usize::from(a <= b);
        j += usize::from(b <= a);
    }
    merged.extend_from_slice(&into[i..]);
    merged.extend_from_slice(&add[j..]);
    *into = merged.into();
}

impl Draft {
    /// Its figures (candidate indices) in the order they joined, which is candidate order.
    fn members(&self) -> Vec<u32> {
        let mut m: Vec<u32> = self.by_article.iter().map(|&(_, c)| c).collect();
        m.sort_unstable();
        m
    }

    fn new() -> Draft {
        Draft {
            modifiers: Arc::new([]),
            places: Arc::new([]),
            words: Arc::new([]),
            first_day: None,
            last_day: None,
            months: Vec::new(),
            by_article: Vec::new(),
            log_mid_sum: 0.0,
            mids: 0,
        }
    }

    /// How well a figure fits this fact, or `None` when it cannot belong.
    fn fit(&self, c: &Candidate, cands: &[Candidate]) -> Option<f64> {
        let mods_ok = c.modifiers.is_empty()
            || self.modifiers.is_empty()
            || c.modifiers.iter().any(|&m| holds(&self.modifiers, m));
        if !mods_ok {
            return None;
        }
        let day_ok = match c.when {
            When::Day(d) => {
                self.first_day
                    .is_none_or(|f| (d - f).num_days().abs() <= MAX_DAYS_APART)
                    && self
                        .last_day
                        .is_none_or(|l| (d - l).num_days().abs() <= MAX_DAYS_APART)
            }
            _ => true,
        };
        if !day_ok || !self.months.iter().all(|&m| time_compatible(m, c.when)) {
            return None;
        }
        if !matches!(c.when, When::Day(_) | When::Unknown) {
            let ends = [self.first_day, self.last_day];
            if !ends
                .iter()
                .flatten()
                .all(|&d| time_compatible(When::Day(d), c.when))
            {
                return None;
            }
        }
        let from = self.by_article.partition_point(|&(a, _)| a < c.at.article);
        for &(_, m) in self.by_article[from..]
            .iter()
            .take_while(|&&(a, _)| a == c.at.article)
        {
            let m = &cands[m as usize];
            let compatible = match (m.interval, c.interval) {
                (Some(x), Some(y)) => overlap(x, y),
                _ => true,
            };
            if !compatible {
                return None;
            }
        }
        let shared_place = c.places.iter().any(|&p| holds(&self.places, p));
        let context = coverage(&c.words, &self.words) + if shared_place { 0.5 } else { 0.0 };
        if context < MIN_CONTEXT {
            return None;
        }
        let same_mods = c.modifiers.iter().any(|&m| holds(&self.modifiers, m));
        let closeness = match mid(c.interval) {
            Some(m) if self.mids > 0 => {
                (1.0 - (m.ln() - self.log_mid_sum / self.mids as f64).abs()).max(0.0)
            }
            _ => 0.0,
        };
        Some(context + if same_mods { 0.5 } else { 0.0 } + 0.5 * closeness)
    }

    fn add(&mut self, i: u32, c: &Candidate) {
        merge_keys(&mut self.modifiers, &c.modifiers);
        merge_keys(&mut self.places, &c.places);
        merge_keys(&mut self.words, &c.words);
        match c.when {
            When::Day(d) => {
                self.first_day = Some(self.first_day.map_or(d, |f| f.min(d)));
                self.last_day = Some(self.last_day.map_or(d, |l| l.max(d)));
            }
            When::Month(..) if !self.months.contains(&c.when) => self.months.push(c.when),
            _ => {}
        }
        let at = self.by_article.partition_point(|&(a, _)| a <= c.at.article);
        self.by_article.insert(at, (c.at.article, i));
        if let Some(m) = mid(c.interval) {
            self.log_mid_sum += m.ln();
            self.mids += 1;
        }
    }
}

fn modifier_set(q: &Quantity) -> Keys {
    let mut runs: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for m in q.modifiers.iter().map(Ustr::as_str).chain([""]) {
        if text::is_capitalized(m) {
            run.push(m);
        } else if !run.is_empty() {
            runs.push(run.join(" ").to_lowercase());
            run.clear();
        }
    }
    keys(runs)
}

/// Names that tie a figure to a place or body: places, organisations, other proper names.
fn anchors(c: &Claim) -> impl Iterator<Item = Ustr> + '_ {
    c.entities
        .iter()
        .filter(|e| matches!(e.kind.as_str(), "place" | "org" | "other"))
        .map(|e| e.canonical)
}

/// Characters within which a date in the claim is taken to date a figure.
const DATE_REACH: usize = 80;

/// When a figure holds: an "as of" date in its claim, else a date near it, else the report's.
fn when(claim: &Claim, q: &Quantity, article: &Article) -> When {
    let near = |d: &&crate::extract::DateRef| {
        let (qs, qe) = (q.start() - claim.start(), q.end() - claim.start());
        d.as_of || d.start.abs_diff(qe) <= DATE_REACH || d.end.abs_diff(qs) <= DATE_REACH
    };
    let mut dates: Vec<&crate::extract::DateRef> = claim.dates.iter().filter(near).collect();
    dates.sort_by_key(|d| !d.as_of);
    for d in dates {
        let Some(iso) = &d.iso else {
            if let Some(m) = month_of(&d.text) {
                return When::Month(None, m);
            }
            continue;
        };
        if let Ok(day) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
            return When::Day(day);
        }
        if let Some((y, m)) = iso.split_once('-')
            && let (Ok(y), Ok(m)) = (y.parse(), m.parse())
        {
            return When::Month(Some(y), m);
        }
    }
    article.date.map_or(When::Unknown, When::Day)
}

fn month_of(text: &str) -> Option<u32> {
    let lex = Lexicon::global();
    text::words(text).find_map(|(_, w)| {
        lex.months
            .get(w.to_lowercase().trim_end_matches('.'))
            .copied()
    })
}

fn months_apart(a: When, b: When) -> Option<i64> {
    let ym = |w: When| match w {
        When::Day(d) => Some((Some(d.year()), d.month())),
        When::Month(y, m) => Some((y, m)),
        When::Unknown => None,
    };
    let ((ya, ma), (yb, mb)) = (ym(a)?, ym(b)?);
    Some(match (ya, yb) {
        (Some(ya), Some(yb)) => ((ya * 12 + ma as i32) - (yb * 12 + mb as i32)).abs() as i64,
        _ => {
            let d = (ma as i64 - mb as i64).abs();
            d.min(12 - d)
        }
    })
}

fn time_compatible(a: When, b: When) -> bool {
    match (a, b) {
        (When::Day(x), When::Day(y)) => (x - y).num_days().abs() <= MAX_DAYS_APART,
        _ => months_apart(a, b).is_none_or(|m| m < 2),
    }
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// The share of a claim's words that the fact's claims use too.
fn coverage(words: &[u64], of: &[u64]) -> f64 {
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|&&w| holds(of, w)).count() as f64 / words.len() as f64
}

/// Sorted, repeat-free hashes of some strings.
fn keys<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Keys {
    let mut out: Keys = items
        .into_iter()
        .map(|s| stable_hash(&[s.as_ref()]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The interval a figure allows, widened for vague magnitudes.
fn interval(q: &Quantity) -> Option<(f64, f64)> {
    let (lo, hi) = q.interval()?;
    if q.value.is_none() && q.approx.is_some() && q.low.is_some() && q.high.is_some() {
        return Some((lo, hi * 1.5));
    }
    Some((lo, hi))
}

/// Links figures into facts; each member's `at` and `quantity_index` say which quantity
/// takes the fact's id.
pub fn link_facts(articles: &[Article], groups: &[usize]) -> Vec<Fact> {
    use rayon::prelude::*;
    // Every figure that can be linked, with the hash of what it measures (its block), sorted
    // by block and then corpus order. Figures of different blocks are never compared, so the
    // blocks are linked one at a time (two at once on two cores): only one block's working
    // set is in memory at a time, not the corpus's.
    let mut figures: Vec<Figure> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ai, a)| {
            a.claims.iter().enumerate().flat_map(move |(ci, c)| {
                c.quantities
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.kind != "number")
                    .map(move |(qi, q)| {
                        let block = stable_hash(&[
                            &q.kind,
                            q.canonical_unit.as_deref().unwrap_or_default(),
                        ]);
                        let at = ClaimRef {
                            article: ai as u32,
                            claim: ci as u32,
                        };
                        (block, at, qi as u32)
                    })
            })
        })
        .collect();
    figures.par_sort_unstable();
    let mut blocks: Vec<&[Figure]> = figures.chunk_by(|x, y| x.0 == y.0).collect();
    blocks.sort_by_key(|b| std::cmp::Reverse(b.len()));
    let mut facts: Vec<Fact> = blocks
        .par_iter()
        .with_max_len(1)
        .flat_map_iter(|block| link_block(articles, groups, block))
        .collect();
    facts.sort_by(|a, b| {
        a.verdict
            .cmp(&b.verdict)
            .then(b.independent_sources.cmp(&a.independent_sources))
            .then(b.members.len().cmp(&a.members.len()))
            .then(a.id.cmp(&b.id))
    });
    facts
}

/// Links the figures of one block (one kind and canonical unit), given in corpus order.
fn link_block(articles: &[Article], groups: &[usize], block: &[Figure]) -> Vec<Fact> {
    let lex = Lexicon::global();
    let mut title_places: Option<(u32, Vec<Ustr>)> = None;
    // The places and content words of the claim last read, shared by its figures.
    let mut claim_keys: Option<(ClaimRef, ClaimKeys)> = None;
    let cands: Vec<Candidate> = block
        .iter()
        .map(|&(_, at, qi)| {
            let a = &articles[at.article as usize];
            let c = &a.claims[at.claim as usize];
            let q = &c.quantities[qi as usize];
            if title_places
                .as_ref()
                .is_none_or(|(ai, _)| *ai != at.article)
            {
                let lead = a.claims.iter().find(|c| !c.headline);
                let anchors = a
                    .claims
                    .iter()
                    .filter(|c| c.headline)
                    .chain(lead)
                    .flat_map(anchors)
                    .collect();
                title_places = Some((at.article, anchors));
            }
            if claim_keys.as_ref().is_none_or(|(r, _)| *r != at) {
                let titles = title_places.as_ref().map_or(&[][..], |(_, t)| t);
                let places = keys(anchors(c).chain(titles.iter().copied())).into();
                let words = keys(text::content_words(&c.text, lex)).into();
                claim_keys = Some((at, (places, words)));
            }
            let (_, (places, words)) = claim_keys.as_ref().expect("set above");
            Candidate {
                at,
                qi: qi as usize,
                modifiers: modifier_set(q).into(),
                places: Arc::clone(places),
                words: Arc::clone(words),
                when: when(c, q, a),
                reported: a.date,
                interval: interval(q),
            }
        })
        .collect();

    let mut drafts: Vec<Draft> = Vec::new();
    let mut postings = Postings::default();
    let mut seen: Vec<u32> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        seen.clear();
        for &key in c.places.iter().chain(c.words.iter()) {
            postings.read(key, &mut seen);
        }
        seen.sort_unstable();
        seen.dedup();
        let mut best: Option<(f64, u32)> = None;
        for &d in &seen {
            if let Some(score) = drafts[d as usize].fit(c, &cands)
                && best.is_none_or(|(s, _)| score > s)
            {
                best = Some((score, d));
            }
        }
        let d = match best {
            Some((_, d)) => d,
            None => {
                drafts.push(Draft::new());
                (drafts.len() - 1) as u32
            }
        };
        drafts[d as usize].add(i as u32, c);
        for &key in c.places.iter().chain(c.words.iter()) {
            postings.add(key, d);
        }
    }
    drafts
        .iter()
        .map(|d| build_fact(d, &cands, articles, groups))
        .collect()
}

fn build_fact(d: &Draft, cands: &[Candidate], articles: &[Article], groups: &[usize]) -> Fact {
    let order = d.members();
    let members: Vec<FactMember> = order
        .iter()
        .map(|&i| {
            let c = &cands[i as usize];
            FactMember {
                at: c.at,
                quantity_index: c.qi as u32,
                date: match c.when {
                    When::Day(d) => Some(FactDate::Day(d)),
                    When::Month(Some(y), m) => Some(FactDate::Month(y, m)),
                    _ => None,
                },
            }
        })
        .collect();
    let arts: HashSet<u32> = d.by_article.iter().map(|&(a, _)| a).collect();
    let independent: HashSet<usize> = arts.iter().map(|&a| groups[a as usize]).collect();
    let verdict = verdict(&order, cands, arts.len());
    let reason = verdict_reason(verdict, arts.len());
    let first = &cands[order[0] as usize];
    let q0 =
        &articles[first.at.article as usize].claims[first.at.claim as usize].quantities[first.qi];
    let label = label(&order, cands, articles);
    Fact {
        id: FactId::from_hash(stable_hash(&[
            &label,
            &members[0].claim(articles).id.to_string(),
            &first.qi.to_string(),
        ])),
        label,
        kind: q0.kind,
        unit: q0.canonical_unit,
        verdict,
        reason,
        sources: arts.len(),
        independent_sources: independent.len(),
        members,
    }
}

fn common_interval(items: &[(f64, f64)]) -> bool {
    let lo = items.iter().map(|i| i.0).fold(f64::MIN, f64::max);
    let hi = items.iter().map(|i| i.1).fold(f64::MAX, f64::min);
    lo <= hi
}

fn verdict(members: &[u32], cands: &[Candidate], articles: usize) -> Verdict {
    if articles < 2 {
        return Verdict::Single;
    }
    let all: Vec<(f64, f64)> = members
        .iter()
        .filter_map(|&i| cands[i as usize].interval)
        .collect();
    if common_interval(&all) {
        return Verdict::Agree;
    }
    let mut by_day: std::collections::BTreeMap<NaiveDate, Vec<(f64, f64)>> = Default::default();
    for &i in members {
        if let (Some(day), Some(iv)) = (cands[i as usize].reported, cands[i as usize].interval) {
            by_day.entry(day).or_default().push(iv);
        }
    }
    if by_day.len() < 2 || !by_day.values().all(|v| common_interval(v)) {
        return Verdict::Conflict;
    }
    let spans: Vec<(f64, f64)> = by_day
        .values()
        .map(|v| {
            let lo = v.iter().map(|i| i.0).fold(f64::MIN, f64::max);
            let hi = v.iter().map(|i| i.1).fold(f64::MAX, f64::min);
            (lo, hi)
        })
        .collect();
    let mut direction = 0i8;
    for w in spans.windows(2) {
        let step = if w[1].0 > w[0].1 {
            1
        } else if w[1].1 < w[0].0 {
            -1
        } else {
            0
        };
        if step != 0 && direction != 0 && step != direction {
            return Verdict::Conflict;
        }
        if step != 0 {
            direction = step;
        }
    }
    Verdict::Evolving
}

/// The verdict's reason in words.
fn verdict_reason(verdict: Verdict, sources: usize) -> String {
    match verdict {
        Verdict::Single => "stated by one source only".to_string(),
        Verdict::Agree => {
            format!("the {sources} sources' values overlap once hedges are read as intervals")
        }
        Verdict::Conflict => format!("the {sources} sources' values cannot all hold at once"),
        Verdict::Evolving => "the values move one way as the reports' dates advance".to_string(),
    }
}

/// The most counted key; of equal counts, the first in order.
fn top<K: Ord>(counts: HashMap<K, usize>) -> Option<K> {
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

/// "Danish troops in Aarhus": the commonest qualifier, the counted noun, what happened to it,
/// and the commonest place.
fn label(members: &[u32], cands: &[Candidate], articles: &[Article]) -> String {
    let mut mods: HashMap<String, usize> = HashMap::default();
    let mut units: HashMap<Ustr, usize> = HashMap::default();
    let mut places: HashMap<Ustr, usize> = HashMap::default();
    let mut predicate = None;
    let mut of_phrase = None;
    for &i in members {
        let c = &cands[i as usize];
        let claim = &articles[c.at.article as usize].claims[c.at.claim as usize];
        let q = &claim.quantities[c.qi];
        let m = q
            .modifiers
            .iter()
            .filter(|m| text::is_capitalized(m))
            .map(Ustr::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        if !m.is_empty() {
            *mods.entry(m).or_default() += 1;
        }
        if let Some(u) = q.unit {
            *units.entry(u).or_default() += 1;
        }
        for e in claim
            .entities
            .iter()
            .filter(|e| matches!(e.kind.as_str(), "place" | "other"))
        {
            *places.entry(e.canonical).or_default() += if e.kind == "place" { 2 } else { 1 };
        }
        if of_phrase.is_none() {
            of_phrase = what_of(&claim.text[q.end() - claim.start()..]);
        }
        predicate = predicate.or(q.predicate);
    }
    let first = &cands[members[0] as usize];
    let kind = articles[first.at.article as usize].claims[first.at.claim as usize].quantities
        [first.qi]
        .kind;
    let noun = if kind == "count" {
        top(units).map(|u| u.to_string())
    } else {
        Some(of_phrase.map_or(kind.to_string(), |p| format!("{kind} of {p}")))
    };
    let mut parts: Vec<String> = Vec::new();
    parts.extend(top(mods));
    parts.extend(noun);
    let lex = Lexicon::global();
    let noun_group = parts
        .last()
        .and_then(|n| lex.count_nouns.get(&n.to_lowercase()));
    parts.extend(
        predicate
            .filter(|p| lex.count_nouns.get(p.as_str()) != noun_group)
            .map(|p| p.to_string()),
    );
    let mut label = parts.join(" ");
    if let Some(p) = top(places).filter(|p| !label.contains(p.as_str())) {
        label = format!("{label} in {p}");
    }
    label
}

/// What a share or measure is of: "of their previously held territory" gives "previously held
/// territory".
fn what_of(after: &str) -> Option<String> {
    let lex = Lexicon::global();
    let rest = after.trim_start().strip_prefix("of ")?;
    let words: Vec<&str> = text::words(rest).map(|(_, w)| w).take(5).collect();
    let mut out: Vec<&str> = Vec::new();
    for w in words {
        if lex.is_stopword(w) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        out.push(w);
    }
    (!out.is_empty()).then(|| out.join(" "))
}
