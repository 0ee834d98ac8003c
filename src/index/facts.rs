//! Facts: figures from different claims (and reports) that measure the same thing, and
//! whether they agree.
//!
//! A fact is one measured quantity: what is counted or measured (the counted noun and its
//! qualifiers, or for other kinds the words the figure is of), of which subject and event,
//! over which time. Figures are blocked by kind and canonical unit, so only figures of one
//! block are ever compared; within a block a figure joins the fact it fits best when the
//! counted nouns are the same (or one names only the class of the other), the qualifiers and
//! times are compatible, durations and shares have a shared subject, and the claims' context
//! says they report the same thing: more context is asked of figures whose values cannot both
//! hold than of figures that agree. Figures that measure nothing (a count of one thing, a
//! duration that only places something in time) never become facts.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ClaimRef;
use crate::extract::Extracted;
use crate::extract::{Claim, Quantity};
use crate::ids::FactId;
use crate::ids::stable_hash;
use crate::lexicon::{EntityKind, Lexicon, QuantityKind};
use crate::text;
use crate::text::{Interned, intern};
pub use verdict::{Compared, Conversion, ReasonDetail, ReasonRule};

#[path = "verdict.rs"]
mod verdict;

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

    pub fn claim<'a>(&self, articles: &'a [Extracted]) -> &'a Claim {
        &articles[self.at.article as usize].claims[self.at.claim as usize]
    }

    pub fn quantity<'a>(&self, articles: &'a [Extracted]) -> &'a Quantity {
        let a = &articles[self.at.article as usize];
        &a.quantities(&a.claims[self.at.claim as usize])[self.quantity_index as usize]
    }
}

/// Figures across sources measuring the same thing.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: FactId,
    /// What is measured ("troops killed in Bakhmut"); the same few words label many facts,
    /// so each is stored once.
    pub label: Interned,
    pub kind: QuantityKind,
    pub unit: Option<Interned>,
    pub verdict: Verdict,
    /// Why the verdict, in words ("47,000 (Mar 9) is above 40,000 (Mar 2): rising"); empty
    /// when [`Fact::reason`] writes it from the members (one source: most facts).
    reason: String,
    /// Why the verdict, as data: the rule applied, the values compared, the conversions made.
    pub reason_detail: ReasonDetail,
    /// Reports that state it.
    pub sources: usize,
    /// Reports that state it, counting copies and pages of one outlet once.
    pub independent_sources: usize,
    pub members: Vec<FactMember>,
}

impl Fact {
    /// Why the verdict, in words ("47,000 (Mar 9) is above 40,000 (Mar 2): rising").
    pub fn reason(&self) -> std::borrow::Cow<'_, str> {
        match self.reason_detail.rule {
            ReasonRule::OneSource => verdict::one_source_reason(self.members.len()).into(),
            _ => self.reason.as_str().into(),
        }
    }

    /// The fact as JSON (docs/json.md), its members filled in from the articles.
    pub fn json<'a>(&'a self, articles: &'a [Extracted]) -> impl Serialize + 'a {
        FactJson {
            id: self.id,
            label: &self.label,
            kind: self.kind,
            unit: self.unit.as_deref(),
            verdict: self.verdict,
            reason: self.reason(),
            reason_detail: &self.reason_detail,
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
                        value: q.value(),
                        low: q.low(),
                        high: q.high(),
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
    kind: QuantityKind,
    unit: Option<&'a str>,
    verdict: Verdict,
    reason: std::borrow::Cow<'a, str>,
    reason_detail: &'a ReasonDetail,
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

/// When a figure holds: a day, a month (of an unknown year), or a year.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    Day(NaiveDate),
    Month(Option<i32>, u32),
    Year(i32),
    Unknown,
}

impl When {
    fn year(self) -> Option<i32> {
        match self {
            When::Day(d) => Some(d.year()),
            When::Month(y, _) => y,
            When::Year(y) => Some(y),
            When::Unknown => None,
        }
    }
}

/// Figures more than this many days apart are about different moments.
const MAX_DAYS_APART: i64 = 45;
/// Context a figure needs to join a fact whose member it agrees with: the claims' weighted
/// word overlap plus what the figures themselves share (see [`pair_score`]).
const LINK_AGREEING: f64 = 0.4;
/// Context a figure needs to join a fact whose member it cannot hold with: a conflict is
/// only reported between figures that plainly measure the same thing.
const LINK_CONFLICTING: f64 = 0.65;
/// The claims' own context (before what the figures share) two figures that cannot both
/// hold need: reports of one statement, not two figures of one noun in one story. Less when
/// a word beside both names what they are of ("petition" beside "signatures").
const CONFLICT_CONTEXT: f64 = 0.45;
const CONFLICT_CONTEXT_SUBJECT: f64 = 0.2;
/// The claims' context two durations or shares of the same value need when no word beside
/// them names a shared subject ("a 30-day reprieve" and "extended by 30 days").
const SUBJECTLESS_CONTEXT: f64 = 0.3;
/// How far from its stated value an exact figure is read when linking: news rounds, but
/// "100,000 files" is not "55,000 files" (the verdict still reads the figure's full rounding).
const EXACT_SPREAD: f64 = 0.1;
/// Credit for the same counted noun when it names more than its class ("sites", "donors").
const SAME_NOUN: f64 = 0.3;
/// Debit for a noun that names only the class of the other ("people" and "migrants").
const BROADER_NOUN: f64 = 0.15;
/// Credit for a word the two figures are both of ("30-day delay", "a delay of 30 days"):
/// for durations and shares, where it names what is measured, and for counts, whose noun
/// already does.
const SAME_SUBJECT: f64 = 0.25;
const SAME_SUBJECT_COUNT: f64 = 0.15;
/// Credit for a shared proper qualifier ("Chilean", "South African").
const SAME_QUALIFIER: f64 = 0.2;
/// Credit for the same value (each within the other's rounding), by how unlikely the values
/// are to meet by chance: below 10, below 100, and larger; and for values that merely
/// overlap (hedged or vague figures).
const SAME_VALUE: [f64; 3] = [0.1, 0.15, 0.25];
/// Credit for the same value twice in one report (a headline and the sentence it sums up).
const SAME_REPORT: f64 = 0.15;
/// The most a quantity that grows or is revised is taken to move between two reports: more
/// than this, and two figures are of different things.
const MAX_REVISION: f64 = 3.0;
/// Members of a fact a new figure is compared with (its latest ones).
const MAX_COMPARED: usize = 12;
/// Content words either side of a figure read as what it is of.
const SUBJECT_REACH: usize = 3;

/// Words, names and qualifiers are compared by their hashes.
type Keys = Vec<u64>;
/// A claim's words and names with their weights, sorted by hash, and the vector's norm.
type Weighted = (Arc<[(u64, f32)]>, f32);
/// A figure to link: the hash of what it measures (kind and canonical unit), and where it is.
type Figure = (u64, ClaimRef, u32);

struct Candidate {
    at: ClaimRef,
    qi: usize,
    /// Proper qualifiers of a counted noun ("north korean"), hashed and sorted.
    modifiers: Arc<[u64]>,
    /// The counted noun's synonym set, hashed (0 for kinds other than counts).
    noun: u64,
    /// The noun names only its class ("people", "troops").
    generic: bool,
    /// Content words right beside the figure: what it is of.
    subject: Box<[u64]>,
    /// The content words of an "of" phrase right after the figure ("hundreds of square
    /// kilometers of territory": territory), hashed as context keys are.
    of_words: Box<[u64]>,
    /// The claim's content words and names, weighted by rarity.
    context: Weighted,
    /// When the figure holds, as shown: a date stated beside it, else its report's.
    when: When,
    /// A date stated beside the figure (`Unknown` when none).
    stated: When,
    /// The day the figure holds at, for the order of dated reports: an "as of" date, else
    /// its report's.
    day: Option<NaiveDate>,
    /// The interval of values the figure allows, in canonical units (money in dollars).
    interval: Option<(f64, f64)>,
    /// The interval read for linking: `interval`, an exact figure's kept within
    /// [`EXACT_SPREAD`] of it.
    linking: Option<(f64, f64)>,
    /// Stated as a possibility, a plan or a cap ("could be sent"), not as what happened.
    hypothetical: bool,
    /// The stated value in canonical units (money in dollars), without its hedge.
    point: Option<f64>,
    /// What it counts grows or is revised over time.
    accumulates: bool,
    conversion: Option<Conversion>,
}

/// A fact being built: its members and summaries of them, so that a new figure is checked
/// against the summaries and a few members rather than every member.
struct Draft {
    modifiers: Arc<[u64]>,
    subject: Keys,
    /// The members' counted nouns: (hash, generic), without repeats.
    nouns: Vec<(u64, bool)>,
    /// The first and last day members hold at.
    first_day: Option<NaiveDate>,
    last_day: Option<NaiveDate>,
    /// The first and last day stated beside members, and the months and years stated
    /// without a day.
    first_stated: Option<NaiveDate>,
    last_stated: Option<NaiveDate>,
    months: Vec<When>,
    /// (article, candidate) of every member, sorted by article, members of one article in
    /// the order they joined.
    by_article: Vec<(u32, u32)>,
    /// The latest members, for pairwise comparison.
    recent: Vec<u32>,
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

/// Whether a sorted list of keys holds `k`.
fn holds(keys: &[u64], k: u64) -> bool {
    keys.binary_search(&k).is_ok()
}

/// Whether two sorted lists share a key.
fn share(a: &[u64], b: &[u64]) -> bool {
    super::clusters::shared_count(a, b) > 0
}

/// Adds sorted keys to a sorted list, keeping it sorted and without repeats.
fn merge_keys(into: &mut Arc<[u64]>, add: &[u64]) {
    if add.iter().all(|&k| holds(into, k)) {
        return;
    }
    let mut merged: Vec<u64> = into.iter().chain(add).copied().collect();
    merged.sort_unstable();
    merged.dedup();
    *into = merged.into();
}

/// The cosine of two weighted word lists.
fn cosine(a: &Weighted, b: &Weighted) -> f64 {
    if a.1 == 0.0 || b.1 == 0.0 {
        return 0.0;
    }
    let (x, y) = (&a.0, &b.0);
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    f64::from(dot / (a.1 * b.1))
}

/// How two figures' values relate, read with the linking intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Values {
    /// Each figure's value lies within the other's interval.
    Same,
    /// The intervals share a value, or one is unknown.
    Overlapping,
    /// They cannot both hold.
    Apart,
}

fn values(c: &Candidate, m: &Candidate) -> Values {
    let inside = |v: Option<f64>, (lo, hi): (f64, f64)| v.is_some_and(|v| lo <= v && v <= hi);
    match (c.linking, m.linking) {
        (Some(x), Some(y)) if !overlap(x, y) => Values::Apart,
        (Some(x), Some(y)) if inside(c.point, y) && inside(m.point, x) => Values::Same,
        // One vague magnitude, worded alike: "thousands" and "thousands".
        (Some(x), Some(y)) if c.point.is_none() && m.point.is_none() && x == y => Values::Same,
        _ => Values::Overlapping,
    }
}

/// How strongly two figures say they measure the same thing, and whether that is enough to
/// link them: their claims' context, plus what the figures share (noun, subject, qualifier,
/// value). Figures whose values cannot both hold are linked only when their claims plainly
/// report the same thing, unless what they count grows or is revised and their reports'
/// dates differ. A possibility or a plan never joins what happened.
fn pair_score(c: &Candidate, m: &Candidate, kind: Kind) -> Option<f64> {
    let count = kind == Kind::Count;
    let context = cosine(&c.context, &m.context);
    let mut s = context;
    if count {
        if c.noun == m.noun {
            s += if c.generic { 0.0 } else { SAME_NOUN };
        } else if c.generic != m.generic {
            s -= BROADER_NOUN;
        }
    }
    let shared_subject = share(&c.subject, &m.subject);
    if shared_subject {
        s += if count {
            SAME_SUBJECT_COUNT
        } else {
            SAME_SUBJECT
        };
    }
    if share(&c.modifiers, &m.modifiers) {
        s += SAME_QUALIFIER;
    }
    // What one measure is said to be of, named in the other's sentence.
    let named = |a: &Candidate, b: &Candidate| {
        a.of_words
            .iter()
            .any(|k| b.context.0.binary_search_by_key(k, |&(x, _)| x).is_ok())
    };
    if !count && !shared_subject && (named(c, m) || named(m, c)) {
        s += SAME_SUBJECT;
    }
    let relation = values(c, m);
    // What might happen joins what happened only at the same value ("could cost $1.5
    // billion" and "will cost £1.2bn"), not "up to 4,000 could be sent" and "1,600 sent".
    if c.hypothetical != m.hypothetical && relation != Values::Same {
        return None;
    }
    // A year stated beside one figure, not the year the other holds at: another time,
    // unless the values are the same ("$6.4 billion in 2017" and last year's "€5.3bn").
    let other_year = |a: &Candidate, b: &Candidate| matches!((a.stated.year(), b.day), (Some(y), Some(d)) if y != d.year());
    if relation != Values::Same && (other_year(c, m) || other_year(m, c)) {
        return None;
    }
    if kind == Kind::NeedsSubject
        && !shared_subject
        && !(relation == Values::Same && context >= SUBJECTLESS_CONTEXT)
    {
        return None;
    }
    match relation {
        Values::Same => {
            s += value_credit(c);
            if c.at.article == m.at.article {
                s += SAME_REPORT;
            }
        }
        Values::Overlapping => {}
        Values::Apart => {
            // A quantity that grows or is revised may hold two values on two days.
            let moved = (c.accumulates || m.accumulates)
                && c.day.is_some()
                && m.day.is_some()
                && c.day != m.day
                && match (c.point, m.point) {
                    (Some(a), Some(b)) if a > 0.0 && b > 0.0 => a.max(b) / a.min(b) <= MAX_REVISION,
                    _ => false,
                };
            if !moved {
                let plainly_same = (!count || (c.noun == m.noun && (!c.generic || shared_subject)))
                    && if shared_subject {
                        context >= CONFLICT_CONTEXT_SUBJECT
                    } else {
                        context >= CONFLICT_CONTEXT
                            && (c.subject.is_empty() || m.subject.is_empty())
                    };
                return (plainly_same && s >= LINK_CONFLICTING).then_some(s);
            }
        }
    }
    (s >= LINK_AGREEING).then_some(s)
}

/// What the same value in two figures says about their being one fact: more the less
/// likely the value is to meet by chance.
fn value_credit(c: &Candidate) -> f64 {
    let v = c
        .point
        .or(c.linking.map(|(lo, _)| lo))
        .unwrap_or_default()
        .abs();
    SAME_VALUE[usize::from(v >= 10.0) + usize::from(v >= 100.0)]
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
            subject: Vec::new(),
            nouns: Vec::new(),
            first_day: None,
            last_day: None,
            first_stated: None,
            last_stated: None,
            months: Vec::new(),
            by_article: Vec::new(),
            recent: Vec::new(),
        }
    }

    /// Whether the figure's counted noun fits the members': one specific noun per fact, and
    /// nouns naming only its class.
    fn noun_fits(&self, c: &Candidate) -> bool {
        self.nouns
            .iter()
            .all(|&(n, generic)| n == c.noun || generic || c.generic)
    }

    /// Whether the figure's time fits the members': the days they hold at within
    /// [`MAX_DAYS_APART`], and dates stated beside figures compatible with those stated
    /// beside members (a date beside one figure says when something happened, not that
    /// another figure holds at another time).
    fn time_fits(&self, c: &Candidate) -> bool {
        let near = |d: NaiveDate, other: Option<NaiveDate>| {
            other.is_none_or(|o| (d - o).num_days().abs() <= MAX_DAYS_APART)
        };
        if let Some(d) = c.day
            && !(near(d, self.first_day) && near(d, self.last_day))
        {
            return false;
        }
        if c.stated == When::Unknown {
            return true;
        }
        self.months.iter().all(|&m| time_compatible(m, c.stated))
            && [self.first_stated, self.last_stated]
                .iter()
                .flatten()
                .all(|&d| time_compatible(When::Day(d), c.stated))
    }

    /// Whether a figure may belong to this fact at all: qualifiers, noun, time and subject
    /// compatible, and no member of its own report it cannot hold with.
    fn admits(&self, c: &Candidate, cands: &[Candidate]) -> bool {
        let mods_ok = c.modifiers.is_empty()
            || self.modifiers.is_empty()
            || share(&c.modifiers, &self.modifiers);
        if !mods_ok || !self.noun_fits(c) || !self.time_fits(c) {
            return false;
        }
        let from = self.by_article.partition_point(|&(a, _)| a < c.at.article);
        self.by_article[from..]
            .iter()
            .take_while(|&&(a, _)| a == c.at.article)
            .all(|&(_, m)| match (cands[m as usize].interval, c.interval) {
                (Some(x), Some(y)) => overlap(x, y),
                _ => true,
            })
    }

    /// How well a figure fits this fact, or `None` when it cannot belong.
    fn fit(&self, c: &Candidate, cands: &[Candidate], kind: Kind) -> Option<f64> {
        if !self.admits(c, cands) {
            return None;
        }
        self.recent
            .iter()
            .filter_map(|&m| pair_score(c, &cands[m as usize], kind))
            .reduce(f64::max)
    }

    fn add(&mut self, i: u32, c: &Candidate) {
        merge_keys(&mut self.modifiers, &c.modifiers);
        self.subject.extend_from_slice(&c.subject);
        self.subject.sort_unstable();
        self.subject.dedup();
        if !self.nouns.contains(&(c.noun, c.generic)) {
            self.nouns.push((c.noun, c.generic));
        }
        if let Some(d) = c.day {
            self.first_day = Some(self.first_day.map_or(d, |f| f.min(d)));
            self.last_day = Some(self.last_day.map_or(d, |l| l.max(d)));
        }
        match c.stated {
            When::Day(d) => {
                self.first_stated = Some(self.first_stated.map_or(d, |f| f.min(d)));
                self.last_stated = Some(self.last_stated.map_or(d, |l| l.max(d)));
            }
            When::Month(..) | When::Year(_) if !self.months.contains(&c.stated) => {
                self.months.push(c.stated);
            }
            _ => {}
        }

        let at = self.by_article.partition_point(|&(a, _)| a <= c.at.article);
        self.by_article.insert(at, (c.at.article, i));
        if self.recent.len() == MAX_COMPARED {
            self.recent.remove(1);
        }
        self.recent.push(i);
    }
}

/// How a block's figures are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Counts: by counted noun and qualifiers.
    Count,
    /// Durations and shares: only figures of a shared subject ("a 30-day delay").
    NeedsSubject,
    /// Money, areas, lengths and other measures: by context.
    Other,
}

fn block_kind(kind: QuantityKind) -> Kind {
    match kind {
        QuantityKind::Count => Kind::Count,
        QuantityKind::Duration | QuantityKind::Percent => Kind::NeedsSubject,
        _ => Kind::Other,
    }
}

/// A count's proper qualifiers ("North Korean", "U.S."), each folded to one key for every
/// name of its country or body (`qualifier_aliases` in fact_words.json, entity aliases).
fn modifier_set(q: &Quantity, lex: &Lexicon) -> Keys {
    let mut runs: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for m in q.modifiers.iter().map(Interned::as_str).chain([""]) {
        if text::is_capitalized(m) {
            run.push(m);
        } else if !run.is_empty() {
            let name = run.join(" ").to_lowercase();
            let folded = lex
                .qualifier_aliases
                .get(&name)
                .cloned()
                .or_else(|| {
                    let e = lex.entity_aliases.get(&crate::lexicon::alias_key(&name))?;
                    Some(lex.entities[*e].canonical.to_lowercase())
                })
                .unwrap_or(name);
            runs.push(folded);
            run.clear();
        }
    }
    keys(runs)
}

/// Classes a count takes from what happened to what it counts ("7,905 soldiers killed").
const STATE_CLASSES: [&str; 4] = ["deaths", "injured", "captured", "missing"];

/// What a count counts: its noun's synonym set (hashed), and whether the noun names only
/// its class. A noun the class was not read from ("a 40,000-strong group" counts troops)
/// names only the class; people counted as something ("signed by 1.8 million people") count
/// that.
fn counted_noun(claim: &Claim, q: &Quantity, lex: &Lexicon) -> (u64, bool) {
    if let Some(class) = state_class(q, lex).or_else(|| counted_as(claim, q, lex)) {
        return (stable_hash(&["noun", class]), false);
    }
    let class = q.canonical_unit.as_deref().unwrap_or_default();
    let unit = q.unit.map(|u| u.to_lowercase()).unwrap_or_default();
    let folded = text::fold_word(&unit);
    let from_noun =
        class == unit || class == folded || lex.count_nouns.get(&unit).is_some_and(|g| g == class);
    if !from_noun {
        return (stable_hash(&["noun", block_class(claim, q, lex)]), true);
    }
    let head = synonym_head(&unit, lex).unwrap_or(&folded);
    (
        stable_hash(&["noun", head]),
        lex.generic_nouns.contains(head) || lex.generic_nouns.contains(&unit),
    )
}

/// The first noun of a counted noun's synonym set.
fn synonym_head<'a>(noun: &str, lex: &'a Lexicon) -> Option<&'a str> {
    lex.count_synonyms
        .get(noun)
        .or_else(|| lex.count_synonyms.get(&text::fold_word(noun)))
        .map(String::as_str)
}

/// The class of what happened to what a count counts ("400 injured", "7,905 soldiers
/// killed"): its canonical unit or its predicate's.
fn state_class<'a>(q: &Quantity, lex: &'a Lexicon) -> Option<&'a str> {
    [q.predicate, q.canonical_unit]
        .iter()
        .flatten()
        .find_map(|w| lex.count_nouns.get_key_value(w.to_lowercase().as_str()))
        .map(|(_, g)| g.as_str())
        .filter(|g| STATE_CLASSES.contains(g))
}

/// What a count of people counts when a word beside it says what they are counted as
/// ("signed by 1.8 million people", "killed more than 40,000 people"): the synonym head of
/// the noun `fact_words.json` gives that word.
fn counted_as<'a>(claim: &Claim, q: &Quantity, lex: &'a Lexicon) -> Option<&'a str> {
    let unit = q.unit.map(|u| u.to_lowercase())?;
    let generic = q.canonical_unit.as_deref() == Some("people")
        && synonym_head(&unit, lex).is_none_or(|h| lex.generic_nouns.contains(h));
    if q.kind != QuantityKind::Count || !generic {
        return None;
    }
    let text = claim.text.as_str();
    let (qs, qe) = figure_span(claim, q);
    let role = |(_, w): (usize, &str)| {
        text::with_lower(w, |l| {
            lex.counted_as
                .get_key_value(l)
                .map(|(_, n)| synonym_head(n, lex).unwrap_or(n.as_str()))
        })
    };
    let content = |&(_, w): &(usize, &str)| !lex.is_stopword(w);
    phrase_after(text, qe, ROLE_REACH)
        .filter(content)
        .take(1)
        .chain(phrase_before(text, qs, ROLE_REACH).filter(content).take(1))
        .find_map(role)
}

/// Words read either side of a count of people for what they are counted as.
const ROLE_REACH: usize = 3;

/// The class a figure is blocked by: its canonical unit, read through the synonym sets for
/// counts ("site" and "location" are one class) and through what happened to what it counts.
fn block_class<'a>(claim: &Claim, q: &'a Quantity, lex: &'a Lexicon) -> &'a str {
    let unit = q.canonical_unit.as_deref().unwrap_or_default();
    if q.kind != QuantityKind::Count {
        return unit;
    }
    let class = state_class(q, lex)
        .or_else(|| counted_as(claim, q, lex))
        .unwrap_or(unit);
    synonym_head(class, lex).unwrap_or(class)
}

/// Whether a figure measures something a report can be checked on. Not: a count of one
/// thing ("one question", "a way"), a year read as a count, "the two" of a pair named
/// before, a duration that only places something in time ("two weeks ago").
fn measures_something(claim: &Claim, q: &Quantity, lex: &Lexicon) -> bool {
    if q.kind == QuantityKind::Number {
        return false;
    }
    let exact = q.approx.is_none() && q.low().is_none() && q.high().is_none();
    let before = &claim.text[..q.start().saturating_sub(claim.start())];
    let after = &claim.text[(q.end() - claim.start()).min(claim.text.len())..];
    let word_before = text::words(before).last().map(|(_, w)| w.to_lowercase());
    let word_after = text::words(after).next().map(|(_, w)| w.to_lowercase());
    match q.kind {
        QuantityKind::Count => {
            let v = q.value().unwrap_or(f64::INFINITY);
            let year_like = (1800.0..=2100.0).contains(&v)
                && v.fract() == 0.0
                && !q.text.contains(',')
                && q.text.starts_with(|c: char| c.is_ascii_digit());
            // A count is of whole things: "6.8" beside a noun is a magnitude or a reading.
            q.value().is_none_or(|v| v.fract() == 0.0)
                && !(exact
                    && (v <= 1.0
                        || year_like
                        || (v == 2.0 && word_before.as_deref() == Some("the"))))
        }
        QuantityKind::Duration => {
            !(word_before.is_some_and(|w| lex.time_refs_before.contains(&w))
                || word_after.is_some_and(|w| lex.time_refs_after.contains(&w)))
        }
        _ => true,
    }
}

/// Characters that end the phrase a figure belongs to.
fn breaks_phrase(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '"', '“', '”', '—', '–']) || gap.contains(". ")
}

/// Content words right beside a figure, within its phrase: what it is a figure of ("delay"
/// and "tariffs" in "a 30-day delay of the tariffs").
fn subject_words(claim: &Claim, q: &Quantity, lex: &Lexicon) -> Box<[u64]> {
    let text = claim.text.as_str();
    let (qs, qe) = figure_span(claim, q);
    let usable = |w: &str| {
        text::has_content_shape(w)
            && !lex.is_stopword(w)
            && !text::with_lower(w, |l| {
                lex.attribution_verbs.contains(l) || lex.time_refs_after.contains(l)
            })
    };
    let mut out: Vec<u64> = phrase_after(text, qe, usize::MAX)
        .filter(|&(_, w)| usable(w))
        .take(SUBJECT_REACH)
        .chain(
            phrase_before(text, qs, usize::MAX)
                .filter(|&(_, w)| usable(w) && !text::is_capitalized(w))
                .take(SUBJECT_REACH),
        )
        .map(|(_, w)| {
            let folded = text::fold_word(w);
            let word = lex.subject_synonyms.get(&folded).unwrap_or(&folded);
            stable_hash(&[word])
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out.into()
}

/// The content words of the "of" phrase right after a figure ("hundreds of square
/// kilometers of territory": territory), hashed as context keys are.
fn of_words(claim: &Claim, q: &Quantity, lex: &Lexicon) -> Box<[u64]> {
    let (_, qe) = figure_span(claim, q);
    let after = claim.text[qe..].trim_start();
    if !after.starts_with("of ") {
        return Box::new([]);
    }
    what_of(after, lex)
        .map(|p| keys(crate::lexicon::content_words(&p, lex)).into_boxed_slice())
        .unwrap_or_default()
}

/// Names that tie a figure to a place or body: places, organisations, other proper names.
fn anchors<'a>(a: &'a Extracted, c: &'a Claim) -> impl Iterator<Item = Interned> + 'a {
    a.entities(c)
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntityKind::Place | EntityKind::Org | EntityKind::Other | EntityKind::Person
            )
        })
        .map(|e| e.canonical)
}

/// The hashes a claim's context is compared by: its content words and its names.
fn context_keys(a: &Extracted, c: &Claim, lex: &Lexicon) -> Keys {
    let names = anchors(a, c).map(|n| format!("@{}", n.to_lowercase()));
    keys(crate::lexicon::content_words(&c.text, lex).chain(names))
}

/// How many claims with figures hold each context key, and how many such claims there are.
fn document_frequencies(articles: &[Extracted], lex: &Lexicon) -> (HashMap<u64, u32>, u32) {
    use rayon::prelude::*;
    articles
        .par_iter()
        .fold(
            || (HashMap::default(), 0u32),
            |(mut df, mut n): (HashMap<u64, u32>, u32), a| {
                for c in a.claims.iter().filter(|c| {
                    a.quantities(c)
                        .iter()
                        .any(|q| q.kind != QuantityKind::Number)
                }) {
                    n += 1;
                    for k in context_keys(a, c, lex) {
                        *df.entry(k).or_default() += 1;
                    }
                }
                (df, n)
            },
        )
        .reduce(
            || (HashMap::default(), 0),
            |(mut a, na), (b, nb)| {
                if a.len() < b.len() {
                    return merge_counts(b, a, na + nb);
                }
                merge_counts(std::mem::take(&mut a), b, na + nb)
            },
        )
}

fn merge_counts(
    mut into: HashMap<u64, u32>,
    from: HashMap<u64, u32>,
    n: u32,
) -> (HashMap<u64, u32>, u32) {
    for (k, v) in from {
        *into.entry(k).or_default() += v;
    }
    (into, n)
}

/// A claim's context keys weighted by how rare they are among claims with figures.
fn weighted(keys: Keys, df: &HashMap<u64, u32>, claims: u32) -> Weighted {
    let n = f64::from(claims.max(1));
    let v: Vec<(u64, f32)> = keys
        .into_iter()
        .map(|k| {
            let d = f64::from(df.get(&k).copied().unwrap_or(1));
            (k, ((n + 1.0) / (d + 0.5)).ln().max(0.0) as f32)
        })
        .filter(|&(_, w)| w > 0.0)
        .collect();
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    (v.into(), norm)
}

/// Characters within which a date in the claim is taken to date a figure.
const DATE_REACH: usize = 80;

/// Each report's date as the figures are dated by: the date its page states, or the date
/// inferred from the latest day it mentions when that lies within [`MAX_DAYS_APART`] of a
/// stated one (an inferred date alone is only a bound, often years off).
fn report_dates(articles: &[Extracted]) -> Vec<Option<NaiveDate>> {
    use crate::corpus::DateSource;
    let stated = |a: &Extracted| {
        a.date.filter(|_| {
            matches!(
                a.date_source,
                Some(DateSource::Metadata | DateSource::Dateline)
            )
        })
    };
    let mut known: Vec<NaiveDate> = articles.iter().filter_map(stated).collect();
    known.sort_unstable();
    articles
        .iter()
        .map(|a| {
            stated(a).or_else(|| {
                a.date.filter(|d| {
                    let at = known.partition_point(|k| k < d);
                    [at.checked_sub(1), Some(at)]
                        .into_iter()
                        .flatten()
                        .filter_map(|i| known.get(i))
                        .any(|k| (*k - *d).num_days().abs() <= MAX_DAYS_APART)
                })
            })
        })
        .collect()
}

/// The date stated beside a figure: an "as of" date in its claim, else a date near it
/// (`Unknown` when none). A date without a year, in a report whose own date is not known, is
/// only a month. Says too whether the date is an "as of" date.
fn stated_date(
    dates: &[crate::extract::DateRef],
    claim: &Claim,
    q: &Quantity,
    reported: Option<NaiveDate>,
    lex: &Lexicon,
) -> (When, bool) {
    let near = |d: &&crate::extract::DateRef| {
        let (qs, qe) = (q.start() - claim.start(), q.end() - claim.start());
        d.as_of || d.start().abs_diff(qe) <= DATE_REACH || d.end().abs_diff(qs) <= DATE_REACH
    };
    let anchored = reported.is_some();
    let mut dates: Vec<&crate::extract::DateRef> = dates.iter().filter(near).collect();
    dates.sort_by_key(|d| !d.as_of);
    for d in dates {
        let has_year = d
            .text(&claim.text)
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4);
        let iso = d.iso.filter(|_| anchored || has_year);
        let Some(iso) = iso else {
            if let Some(m) = month_of(d.text(&claim.text), lex) {
                return (When::Month(None, m), d.as_of);
            }
            continue;
        };
        if let Ok(day) = NaiveDate::parse_from_str(&iso, "%Y-%m-%d") {
            return (When::Day(day), d.as_of);
        }
        if let Some((y, m)) = iso.split_once('-')
            && let (Ok(y), Ok(m)) = (y.parse(), m.parse())
        {
            return (When::Month(Some(y), m), d.as_of);
        }
        if let Ok(y) = iso.parse() {
            return (When::Year(y), false);
        }
    }
    (When::Unknown, false)
}

fn month_of(text: &str, lex: &Lexicon) -> Option<u32> {
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
        When::Year(_) | When::Unknown => None,
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
        (When::Year(_), _) | (_, When::Year(_)) => match (a.year(), b.year()) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        },
        _ => months_apart(a, b).is_none_or(|m| m < 2),
    }
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
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

/// The interval a figure is read as when linking: an exact figure within [`EXACT_SPREAD`] of
/// its value (and of its interval), a lower bound ("more than 10,000") up to
/// [`LOWER_BOUND_REACH`] times it; hedged, vague and converted figures keep their interval.
/// A verdict reads "more than 10,000" as any value above; a link needs more than that:
/// "over 10,000 soldiers" and "47,000 troops" do not count one thing.
fn linking_interval(
    q: &Quantity,
    interval: Option<(f64, f64)>,
    point: Option<f64>,
    converted: bool,
    lex: &Lexicon,
) -> Option<(f64, f64)> {
    let (lo, hi) = interval?;
    let exact = q.approx.is_none() && q.low().is_none() && q.high().is_none() && !converted;
    let vague = q.value().is_none() && q.low().is_some() && q.high().is_some() && !converted;
    if vague {
        // "Hundreds" is 200 to 999 here, without the verdict's leniency above it.
        return q.interval(lex);
    }
    match point {
        Some(v) if exact && v > 0.0 => Some((
            lo.max(v * (1.0 - EXACT_SPREAD)),
            hi.min(v * (1.0 + EXACT_SPREAD)),
        )),
        _ if q.low().is_some() && q.high().is_none() => Some((lo, hi.min(lo * LOWER_BOUND_REACH))),
        _ => Some((lo, hi)),
    }
}

/// How far above a lower bound a figure is read when linking.
const LOWER_BOUND_REACH: f64 = 1.5;

/// Whether a figure is stated as a possibility, a plan or a cap: a word of
/// `fact_words.json`'s `hypothetical` list, in lowercase, in its phrase (a few words either
/// side, up to a comma or another figure).
fn hypothetical(claim: &Claim, q: &Quantity, lex: &Lexicon) -> bool {
    let text = claim.text.as_str();
    let (qs, qe) = figure_span(claim, q);
    let marks = |w: &str| !text::is_capitalized(w) && lex.hypothetical.contains(w);
    phrase_after(text, qe, MODAL_REACH_AFTER).any(|(_, w)| marks(w))
        || phrase_before(text, qs, MODAL_REACH_BEFORE).any(|(_, w)| marks(w))
}

/// Words read either side of a figure for a modal word ("could be sent").
const MODAL_REACH_AFTER: usize = 6;
const MODAL_REACH_BEFORE: usize = 3;

/// The figure's span within its claim's text, in bytes.
fn figure_span(claim: &Claim, q: &Quantity) -> (usize, usize) {
    let len = claim.text.len();
    let qs = q.start().saturating_sub(claim.start()).min(len);
    let qe = q.end().saturating_sub(claim.start()).clamp(qs, len);
    (qs, qe)
}

/// Up to `n` words after byte `from`, within the figure's phrase: they stop at a
/// punctuation mark that ends a phrase or at another figure.
fn phrase_after(text: &str, from: usize, n: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut end = from;
    text::words(&text[from..])
        .map(move |(at, w)| (from + at, w))
        .take_while(move |&(at, w)| {
            let ok = !breaks_phrase(&text[end..at]) && !starts_figure(w);
            end = at + w.len();
            ok
        })
        .take(n)
}

/// Up to `n` words before byte `to`, nearest first, within the figure's phrase.
fn phrase_before(text: &str, to: usize, n: usize) -> impl Iterator<Item = (usize, &str)> {
    let before: Vec<(usize, &str)> = text::words(&text[..to]).collect();
    let mut start = to;
    before
        .into_iter()
        .rev()
        .take_while(move |&(at, w)| {
            let ok = !breaks_phrase(&text[at + w.len()..start]) && !starts_figure(w);
            start = at;
            ok
        })
        .take(n)
}

/// A word that is (the start of) another figure: a number.
fn starts_figure(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// The interval a figure allows, widened for vague magnitudes.
fn interval(q: &Quantity, lex: &Lexicon) -> Option<(f64, f64)> {
    let (lo, hi) = q.interval(lex)?;
    if q.value().is_none() && q.approx.is_some() && q.low().is_some() && q.high().is_some() {
        return Some((lo, hi * 1.5));
    }
    // "At least 30", "more than 100": a lower bound, and no upper one.
    if q.low().is_some() && q.high().is_none() {
        return Some((lo, f64::INFINITY));
    }
    Some((lo, hi))
}

/// The year whose exchange rate converts a figure: the figure's own, else its report's, else
/// the latest year the report mentions.
fn conversion_year(when: When, article: &Extracted) -> Option<i32> {
    if let Some(y) = when.year() {
        return Some(y);
    }
    article.date.map(|d| d.year()).or_else(|| {
        article
            .claims
            .iter()
            .flat_map(|c| article.dates(c))
            .filter_map(|d| d.iso.as_deref()?.get(..4)?.parse::<i32>().ok())
            .max()
    })
}

/// The interval of a money figure in dollars at the yearly rate of its currency (the range of
/// the listed years when the year is unknown), widened by the rates' tolerance; `None` for
/// dollars and currencies without rates.
fn converted(q: &Quantity, year: Option<i32>, lex: &Lexicon) -> Option<Conversion> {
    let code = q.unit?;
    let rates = lex.exchange_rates.get(code.as_str())?;
    if q.kind != QuantityKind::Money || code == "USD" || rates.is_empty() {
        return None;
    }
    let mut raw = q.clone();
    raw.set_canonical_value(q.value().or(match (q.low(), q.high()) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        (a, b) => a.or(b),
    }));
    let (lo, hi) = interval(&raw, lex)?;
    let exact_year = year.and_then(|y| rates.iter().find(|&&(ry, _)| ry == y));
    let (rate_lo, rate_hi, year) = match exact_year {
        Some(&(y, r)) => (r, r, Some(y)),
        None => {
            let lo = rates.iter().map(|r| r.1).fold(f64::MAX, f64::min);
            let hi = rates.iter().map(|r| r.1).fold(f64::MIN, f64::max);
            (lo, hi, None)
        }
    };
    let tol = lex.exchange_tolerance;
    Some(Conversion {
        member: 0,
        from: code,
        rate: [rate_lo, rate_hi],
        year,
        years: [rates[0].0, rates[rates.len() - 1].0],
        low: lo * rate_lo * (1.0 - tol),
        high: hi * rate_hi * (1.0 + tol),
        value: raw.canonical_value().map(|v| v * (rate_lo + rate_hi) / 2.0),
    })
}

/// Links figures into facts; each member's `at` and `quantity_index` say which quantity
/// takes the fact's id.
pub fn link_facts(articles: &[Extracted], groups: &[usize], lex: &Lexicon) -> Vec<Fact> {
    use rayon::prelude::*;
    let (df, claims) = document_frequencies(articles, lex);
    let dates = report_dates(articles);
    // Every figure that can be linked, with the hash of what it measures (its block), sorted
    // by block and then corpus order. Figures of different blocks are never compared, so the
    // blocks are linked one at a time (two at once on two cores): only one block's working
    // set is in memory at a time, not the corpus's.
    let mut figures: Vec<Figure> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(ai, a)| {
            a.claims.iter().enumerate().flat_map(move |(ci, c)| {
                a.quantities(c)
                    .iter()
                    .enumerate()
                    .filter(move |(_, q)| measures_something(c, q, lex))
                    .map(move |(qi, q)| {
                        let block = stable_hash(&[q.kind.as_str(), block_class(c, q, lex)]);
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
        .flat_map_iter(|block| link_block(articles, groups, block, (&df, claims), &dates, lex))
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
fn link_block(
    articles: &[Extracted],
    groups: &[usize],
    block: &[Figure],
    (df, claims): (&HashMap<u64, u32>, u32),
    dates: &[Option<NaiveDate>],
    lex: &Lexicon,
) -> Vec<Fact> {
    // The weighted context of the claim last read, shared by its figures.
    let mut last_context: Option<(ClaimRef, Weighted)> = None;
    let kind = {
        let &(_, at, qi) = &block[0];
        let a = &articles[at.article as usize];
        block_kind(a.quantities(&a.claims[at.claim as usize])[qi as usize].kind)
    };
    let cands: Vec<Candidate> = block
        .iter()
        .map(|&(_, at, qi)| {
            let a = &articles[at.article as usize];
            let c = &a.claims[at.claim as usize];
            let q = &a.quantities(c)[qi as usize];
            if last_context.as_ref().is_none_or(|(r, _)| *r != at) {
                last_context = Some((at, weighted(context_keys(a, c, lex), df, claims)));
            }
            let (_, context) = last_context.as_ref().expect("set above");
            let (noun, generic) = if kind == Kind::Count {
                counted_noun(c, q, lex)
            } else {
                (0, false)
            };
            let reported = dates[at.article as usize];
            let (stated, as_of) = stated_date(a.dates(c), c, q, reported, lex);
            let when = match stated {
                When::Unknown => reported.map_or(When::Unknown, When::Day),
                _ => stated,
            };
            let conversion = converted(q, conversion_year(when, a), lex);
            let interval = conversion
                .as_ref()
                .map(|c| (c.low, c.high))
                .or_else(|| interval(q, lex));
            let point = conversion
                .as_ref()
                .map_or(q.value().and(q.canonical_value()), |conv| {
                    q.value().and(conv.value)
                });
            Candidate {
                at,
                qi: qi as usize,
                modifiers: modifier_set(q, lex).into(),
                noun,
                generic,
                subject: subject_words(c, q, lex),
                of_words: of_words(c, q, lex),
                context: (Arc::clone(&context.0), context.1),
                when,
                stated,
                day: match stated {
                    When::Day(d) if as_of || reported.is_none() => Some(d),
                    _ => reported,
                },
                interval,
                linking: linking_interval(q, interval, point, conversion.is_some(), lex),
                hypothetical: hypothetical(c, q, lex),
                point,
                accumulates: accumulates_quantity(c, q, lex),
                conversion,
            }
        })
        .collect();

    let mut drafts: Vec<Draft> = Vec::new();
    let mut postings = Postings::default();
    let mut seen: Vec<u32> = Vec::new();
    // Drafts merged into another point to it; the rest to themselves.
    let mut merged_into: Vec<u32> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let proposing = || {
            c.context
                .0
                .iter()
                .map(|&(k, _)| k)
                .chain(c.subject.iter().copied())
                .chain(std::iter::once(c.noun).filter(|&n| n != 0))
        };
        seen.clear();
        for key in proposing() {
            postings.read(key, &mut seen);
        }
        for d in seen.iter_mut() {
            while merged_into[*d as usize] != *d {
                *d = merged_into[*d as usize];
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut fitting: Vec<(f64, u32)> = seen
            .iter()
            .filter_map(|&d| Some((drafts[d as usize].fit(c, &cands, kind)?, d)))
            .collect();
        fitting.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let d = match fitting.first() {
            Some(&(_, d)) => d,
            None => {
                drafts.push(Draft::new());
                merged_into.push((drafts.len() - 1) as u32);
                (drafts.len() - 1) as u32
            }
        };
        drafts[d as usize].add(i as u32, c);
        // The figure joins facts it fits in more than one: they are one fact, when every
        // member of one fits the other.
        for &(_, other) in fitting.iter().skip(1) {
            let movable = drafts[other as usize]
                .members()
                .iter()
                .all(|&m| drafts[d as usize].admits(&cands[m as usize], &cands));
            if movable {
                for m in drafts[other as usize].members() {
                    drafts[d as usize].add(m, &cands[m as usize]);
                }
                drafts[other as usize] = Draft::new();
                merged_into[other as usize] = d;
            }
        }
        for key in proposing() {
            postings.add(key, d);
        }
    }
    drafts
        .iter()
        .filter(|d| !d.by_article.is_empty())
        .map(|d| build_fact(d, &cands, articles, groups, lex))
        .collect()
}

fn build_fact(
    d: &Draft,
    cands: &[Candidate],
    articles: &[Extracted],
    groups: &[usize],
    lex: &Lexicon,
) -> Fact {
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
    let first = &cands[order[0] as usize];
    let q0 = {
        let a = &articles[first.at.article as usize];
        &a.quantities(&a.claims[first.at.claim as usize])[first.qi]
    };
    let values: Vec<verdict::Value> = order
        .iter()
        .zip(&members)
        .enumerate()
        .map(|(k, (&i, m))| {
            let c = &cands[i as usize];
            verdict::Value {
                member: k,
                quantity: m.quantity(articles),
                interval: c.interval,
                day: c.day,
                conversion: c.conversion.clone().map(|mut conv| {
                    conv.member = k;
                    conv
                }),
            }
        })
        .collect();
    let accumulates = order.iter().any(|&i| cands[i as usize].accumulates);
    let (verdict, reason, reason_detail) = verdict::judge(&values, arts.len(), accumulates);
    let label = label(&order, cands, articles, lex);
    Fact {
        id: FactId::from_hash(stable_hash(&[
            &label,
            &members[0].claim(articles).id.to_string(),
            &first.qi.to_string(),
        ])),
        label: intern(&label),
        kind: q0.kind,
        unit: q0.canonical_unit,
        verdict,
        reason: match reason_detail.rule {
            ReasonRule::OneSource => String::new(),
            _ => reason,
        },
        reason_detail,
        sources: arts.len(),
        independent_sources: independent.len(),
        members,
    }
}

/// Whether what a figure counts grows or is revised over time (a toll, troops deployed,
/// signatures), by its class, noun or what happened to it, or a word beside it that says it
/// is a running total ("sent 2,500 rescue workers": a deployment).
fn accumulates_quantity(claim: &Claim, q: &Quantity, lex: &Lexicon) -> bool {
    let listed = [q.canonical_unit, q.unit, q.predicate]
        .iter()
        .flatten()
        .any(|w| {
            let w = w.to_lowercase();
            lex.accumulating.contains(&w)
                || lex
                    .count_synonyms
                    .get(&w)
                    .is_some_and(|h| lex.accumulating.contains(h))
        });
    if listed || q.kind != QuantityKind::Count {
        return listed;
    }
    let text = claim.text.as_str();
    let (qs, qe) = figure_span(claim, q);
    let cue = |(_, w): (usize, &str)| text::with_lower(w, |l| lex.accumulating_cues.contains(l));
    phrase_after(text, qe, MODAL_REACH_AFTER).any(cue)
        || phrase_before(text, qs, MODAL_REACH_BEFORE).any(cue)
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
fn label(members: &[u32], cands: &[Candidate], articles: &[Extracted], lex: &Lexicon) -> String {
    let mut mods: HashMap<String, usize> = HashMap::default();
    let mut units: HashMap<Interned, usize> = HashMap::default();
    let mut places: HashMap<Interned, usize> = HashMap::default();
    let mut predicate = None;
    let mut of_phrase = None;
    let mut subjects: HashMap<String, usize> = HashMap::default();
    for &i in members {
        let c = &cands[i as usize];
        let a = &articles[c.at.article as usize];
        let claim = &a.claims[c.at.claim as usize];
        let q = &a.quantities(claim)[c.qi];
        let m = q
            .modifiers
            .iter()
            .filter(|m| text::is_capitalized(m))
            .map(Interned::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        if !m.is_empty() {
            *mods.entry(m).or_default() += 1;
        }
        if let Some(u) = q.unit {
            *units.entry(u).or_default() += 1;
        }
        // Only a place in the figure's phrase says where it holds ("28,500 troops in South
        // Korea"); a place elsewhere in the sentence may be anything else.
        let (qs, qe) = figure_span(claim, q);
        let from = phrase_before(&claim.text, qs, PLACE_REACH)
            .last()
            .map_or(qs, |(at, _)| at);
        let to = phrase_after(&claim.text, qe, PLACE_REACH)
            .last()
            .map_or(qe, |(at, w)| at + w.len());
        // A name of no known kind is taken for a place only after "in" ("troops in Kursk");
        // elsewhere it is as often a person or a people ("to ask President Trump").
        let after_in = |at: usize| {
            text::words(&claim.text[from..at])
                .last()
                .is_some_and(|(_, w)| w.eq_ignore_ascii_case("in"))
        };
        for e in a.entities(claim).iter().filter(|e| {
            from <= e.start()
                && e.end() <= to
                && (e.kind == EntityKind::Place
                    || e.kind == EntityKind::Other && after_in(e.start()))
        }) {
            *places.entry(e.canonical).or_default() +=
                if e.kind == EntityKind::Place { 2 } else { 1 };
        }
        if of_phrase.is_none() {
            of_phrase = what_of(&claim.text[qe..], lex);
        }
        if q.kind != QuantityKind::Count
            && let Some(w) = what_it_is(&claim.text[qe..], lex)
        {
            *subjects.entry(w).or_default() += 1;
        }
        predicate = predicate.or(q.predicate);
    }
    let first = &cands[members[0] as usize];
    let kind = {
        let a = &articles[first.at.article as usize];
        a.quantities(&a.claims[first.at.claim as usize])[first.qi].kind
    };
    let noun = if kind == QuantityKind::Count {
        top(units).map(|u| u.to_string())
    } else {
        // A word after the figure names what it measures when members agree on it.
        let subject = top(subjects.clone())
            .filter(|w| members.len() == 1 || subjects.get(w).is_some_and(|&n| n > 1));
        Some(match (of_phrase, subject) {
            (Some(p), _) => format!("{kind} of {p}"),
            (None, Some(s)) => format!("{kind}: {s}"),
            (None, None) => kind.to_string(),
        })
    };
    let mut parts: Vec<String> = Vec::new();
    parts.extend(top(mods));
    parts.extend(noun);
    let noun_group = parts
        .last()
        .and_then(|n| lex.count_nouns.get(&n.to_lowercase()));
    parts.extend(
        predicate
            .filter(|p| lex.count_nouns.get(p.as_str()) != noun_group)
            .map(|p| p.to_string()),
    );
    let mut label = parts.join(" ");
    if let Some(p) = top(places).filter(|p| !label.to_lowercase().contains(&p.to_lowercase())) {
        label = format!("{label} in {p}");
    }
    label
}

/// Words either side of a figure a label looks in for the place it holds in.
const PLACE_REACH: usize = 6;

/// What a duration, share or measure is of when no "of" says it: the first content word
/// right after it, in its phrase ("30-day reprieve from tariffs": "reprieve", "25% on
/// steel": "steel"), lowercase; not a name or a word of time.
fn what_it_is(after: &str, lex: &Lexicon) -> Option<String> {
    text::words(after)
        .take_while(|&(at, w)| !breaks_phrase(&after[..at]) && !starts_figure(w))
        .take(3)
        .map(|(_, w)| w)
        .find(|w| text::has_content_shape(w) && !lex.is_stopword(w))
        .filter(|w| {
            !text::is_capitalized(w)
                && !text::with_lower(w, |l| {
                    lex.time_refs_before.contains(l)
                        || lex.time_refs_after.contains(l)
                        || lex.months.contains_key(l)
                        || lex.weekdays.contains_key(l)
                        || lex.attribution_verbs.contains(l)
                })
        })
        .map(|w| w.to_lowercase())
}

/// What a share or measure is of: "of their previously held territory" gives "previously held
/// territory".
fn what_of(after: &str, lex: &Lexicon) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::super::Index;
    use crate::corpus::Document;
    use crate::lexicon::Lexicon;

    /// An index of reports given as texts.
    fn index_of(reports: &[&str]) -> Index {
        let docs = reports
            .iter()
            .enumerate()
            .map(|(i, t)| Document::plain(&format!("r{i}.txt"), t.to_string()))
            .collect();
        let articles = crate::corpus::build_articles(docs, Lexicon::global());
        let articles = crate::extract::claims::extract_all(articles, Lexicon::global());
        Index::build(articles, Lexicon::global())
    }

    /// The fact of the figure written `figure` in report `report`, if it is one.
    fn fact_of(index: &Index, report: usize, figure: &str) -> Option<crate::ids::FactId> {
        index.articles[report]
            .all_quantities()
            .iter()
            .find(|q| q.text.as_str().starts_with(figure))
            .and_then(|q| q.fact)
    }

    #[test]
    fn a_label_names_a_place_of_no_known_kind_only_after_in() {
        let cases = [
            (
                "Ferry crews said 300 passengers were stranded in Vardholm on Monday.",
                "passengers in Vardholm",
            ),
            (
                "The committee sent 40 questions to Hallberg on Monday.",
                "questions",
            ),
            ("About 2,000 Icelanders signed the letter.", "icelanders"),
        ];
        for (text, want) in cases {
            let index = index_of(&[text, text]);
            let labels: Vec<&str> = index.facts.iter().map(|f| f.label.as_str()).collect();
            assert_eq!(labels, [want], "{text}");
        }
    }

    #[test]
    fn figures_join_only_when_they_measure_the_same_thing() {
        // Two reports, a figure in each, and whether they are one fact.
        let cases: &[(&str, &str, &str, &str, bool)] = &[
            (
                "Organisers said they were looking at four sites for the final in Oslo.",
                "four sites",
                "Four locations are being considered for the final in Oslo, organisers said.",
                "Four locations",
                true,
            ),
            (
                "The White House granted Canada a 30-day delay of the steel tariffs on Friday.",
                "30-day",
                "Canada won another 30 days of delay on the steel tariffs, officials said.",
                "30 days",
                true,
            ),
            (
                "More than 300 protesters gathered outside the ministry in Lagos.",
                "More than 300 protesters",
                "Some 5,000 people gathered outside the ministry in Lagos.",
                "Some 5,000 people",
                false,
            ),
            (
                "At least 12 people were killed when the storm hit the coast near Galle.",
                "At least 12 people",
                "The death toll from the storm near Galle stands at 12, police said.",
                "12",
                true,
            ),
            (
                "The council in Leeds said two people were arrested after the match.",
                "two people",
                "Two people were injured in a crash on the motorway near Leeds.",
                "Two people",
                false,
            ),
            // What might happen is not what happened.
            (
                "The ministry has sent about 500 engineers to the flooded district of Sylhet.",
                "about 500 engineers",
                "The ministry said up to 600 engineers could be sent to the flooded district of Sylhet.",
                "up to 600 engineers",
                false,
            ),
            // People counted as signers count signatures.
            (
                "A petition against the dam near Tarvik was signed by 40,000 people.",
                "40,000 people",
                "The petition against the Tarvik dam has gathered 40,000 signatures.",
                "40,000 signatures",
                true,
            ),
            // Members of one convoy doing different things.
            (
                "Eleven members of the convoy were detained at the Narva crossing.",
                "Eleven members",
                "Between 60 and 80 members of the convoy waited at the Narva crossing.",
                "Between 60 and 80",
                false,
            ),
            // A round figure is not every value its rounding allows.
            (
                "Investigators seized 100,000 files from the ministry in Tallinn.",
                "100,000 files",
                "Investigators copied 55,000 files onto disks at the ministry in Tallinn.",
                "55,000 files",
                false,
            ),
            // What one measure is of, named in the other's sentence.
            (
                "Rebels have held hundreds of square kilometers of farmland north of Goma.",
                "hundreds of square kilometers",
                "The farmland north of Goma that rebels now control covers about 600 square kilometers.",
                "about 600 square kilometers",
                true,
            ),
            // "Injured" after "killed" counts the injured.
            (
                "Nine people were killed and more than 200 injured in the blast in Mardin.",
                "more than 200 injured",
                "Some 230 people were hurt in the blast in Mardin, officials said.",
                "Some 230 people",
                true,
            ),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(a, fa, b, fb, want)| {
                let index = index_of(&[a, b]);
                let (x, y) = (fact_of(&index, 0, fa), fact_of(&index, 1, fb));
                let got = x.is_some() && x == y;
                (got != want).then(|| format!("{fa:?} ~ {fb:?}: want {want}, got {got}"))
            })
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn figures_that_measure_nothing_are_not_facts() {
        let cases = [
            (
                "Talks in Geneva began two weeks ago, mediators said.",
                "two weeks",
            ),
            (
                "Over the past three days the river rose sharply.",
                "three days",
            ),
            (
                "Nearly four months later, the pair faced new charges.",
                "Nearly four months",
            ),
            ("One question asks whether the mayor knew.", "One question"),
            (
                "The magnitude 5.9 tremor flattened parts of the old town.",
                "5.9",
            ),
            ("The two men met in Vienna for talks.", "two men"),
        ];
        for (text, figure) in cases {
            let index = index_of(&[text, text]);
            assert_eq!(fact_of(&index, 0, figure), None, "{text}");
        }
    }

    #[test]
    fn a_fact_stated_by_one_report_is_single() {
        let index = index_of(&[
            "Officials in Patras said 40 homes were flooded. Later 40 homes were counted again.",
            "The river in Patras burst its banks on Monday.",
        ]);
        let homes = index
            .facts
            .iter()
            .find(|f| f.unit.as_deref() == Some("homes"))
            .expect("homes");
        assert_eq!(homes.verdict, super::Verdict::Single);
        assert_eq!(homes.reason_detail.rule, super::ReasonRule::OneSource);
    }
}
