//! Figures in prose: numbers in digits or words, their hedges, ranges, scales and units, and
//! the numbers that are not quantities (times, dates, ordinals, model names, phone numbers).
//!
//! A figure is read in stages, each in its own place: a hedge before it ("nearly", "more
//! than"); a currency before it; the number itself ([`number`]: digits, words, fractions,
//! scales); a range ("10-12", "between 10 and 12"); what it measures ([`measure`]: unit,
//! currency, counted noun); a hedge after it ("or more"); and the filters that drop numbers
//! that are not figures (years, labels, ages in names).

mod measure;
mod number;

use std::ops::Range;
use std::sync::OnceLock;

use crate::text::WordRegex;
use crate::text::{Interned, intern};
use serde::Serialize;

use crate::dates;
pub use crate::lexicon::{HedgeBound, QuantityKind};
use crate::lexicon::{Lexicon, word_class};
use crate::text::Span;
use crate::text::{Tok, TokKind, tokenize_into};
use number::{Number, Read};

use super::hedge;

/// One figure found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The figure as written, hedge and unit included, a span of the text it was found in
    /// (the article's, for a claim's figures); serialised as `text`, `start` and `end`.
    #[serde(flatten, serialize_with = "Span::serialize_located")]
    pub text: Span,
    /// The stated value; `null` for ranges and vague magnitudes, which have bounds only.
    #[serde(serialize_with = "MaybeNumber::serialize")]
    value: MaybeNumber,
    /// The lowest value the wording allows, where it sets one ("more than 40%": 40).
    #[serde(serialize_with = "MaybeNumber::serialize")]
    low: MaybeNumber,
    /// The highest value the wording allows ("nearly 60,000": 60,000).
    #[serde(serialize_with = "MaybeNumber::serialize")]
    high: MaybeNumber,
    /// The hedge as written ("nearly", "more than"), `null` when the figure is exact.
    pub approx: Option<Interned>,
    /// What the hedge says about the value: below it, above it, near it (see
    /// [`hedge`](super::hedge)); `null` when the figure is exact.
    pub bound: Option<HedgeBound>,
    /// The unit as written and folded ("troops", "km2", "%", "USD"); `null` for a bare number.
    pub unit: Option<Interned>,
    /// What is measured.
    pub kind: QuantityKind,
    /// The unit every figure of this kind is compared in (count: the folded noun group).
    pub canonical_unit: Option<Interned>,
    /// The value (or bounds' middle) in `canonical_unit`.
    #[serde(serialize_with = "MaybeNumber::serialize")]
    canonical_value: MaybeNumber,
    /// Words qualifying a counted noun: "Danish" in "3,000 Danish soldiers".
    pub modifiers: Box<[Interned]>,
    /// What happened to what is counted: "killed" in "7,905 soldiers killed".
    pub predicate: Option<Interned>,
    /// The fact this figure measures, once linked across sources.
    pub fact: Option<crate::ids::FactId>,
}

// A corpus of 10,000 articles holds some 80,000 figures.
const _: () = assert!(std::mem::size_of::<Quantity>() <= 104);

/// An `Option<f64>` in the eight bytes of an `f64`, NaN standing for none: a figure's value
/// and bounds, four to a figure, 32 bytes less each than `Option<f64>`. No wording is read as
/// NaN; one that computed to NaN would be none, which JSON writes as it would write NaN.
#[derive(Clone, Copy)]
struct MaybeNumber(f64);

impl MaybeNumber {
    fn new(v: Option<f64>) -> MaybeNumber {
        MaybeNumber(v.unwrap_or(f64::NAN))
    }

    fn get(self) -> Option<f64> {
        (!self.0.is_nan()).then_some(self.0)
    }

    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::opt_number(&self.get(), s)
    }
}

impl PartialEq for MaybeNumber {
    fn eq(&self, other: &MaybeNumber) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for MaybeNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl Quantity {
    /// The stated value; `None` for ranges and vague magnitudes, which have bounds only.
    pub fn value(&self) -> Option<f64> {
        self.value.get()
    }

    /// The lowest value the wording allows, where it sets one ("more than 40%": 40).
    pub fn low(&self) -> Option<f64> {
        self.low.get()
    }

    /// The highest value the wording allows ("nearly 60,000": 60,000).
    pub fn high(&self) -> Option<f64> {
        self.high.get()
    }

    /// The value (or bounds' middle) in `canonical_unit`.
    pub fn canonical_value(&self) -> Option<f64> {
        self.canonical_value.get()
    }

    /// Sets the value in `canonical_unit`.
    pub fn set_canonical_value(&mut self, v: Option<f64>) {
        self.canonical_value = MaybeNumber::new(v);
    }

    /// Where the figure starts in the text it was found in, in bytes.
    pub fn start(&self) -> usize {
        self.text.start()
    }

    /// Where the figure ends in the text it was found in, in bytes.
    pub fn end(&self) -> usize {
        self.text.end()
    }

    /// The values the wording allows, in canonical units: the hedge policy of
    /// [`hedge`](super::hedge) applied to the stated value, range or vague magnitude. An end the
    /// wording leaves open is infinite ("more than 40%": 40 to infinity).
    pub fn bounds(&self, lex: &Lexicon) -> Option<(f64, f64)> {
        self.canonical(hedge::interval, lex)
    }

    /// The values a figure of the same fact may take, in canonical units: [`Quantity::bounds`]
    /// with an open end closed by [`hedge::closed`](super::hedge::closed) ("more than 300": 300
    /// to 450).
    pub fn interval(&self, lex: &Lexicon) -> Option<(f64, f64)> {
        self.canonical(hedge::closed, lex)
    }

    fn canonical(
        &self,
        point: fn(f64, Option<HedgeBound>) -> (f64, f64),
        lex: &Lexicon,
    ) -> Option<(f64, f64)> {
        let (lo, hi) = match (self.value(), self.low(), self.high()) {
            (Some(v), _, _) => point(v, self.bound),
            // A range ("some 20 to 30") widens at each end by its hedge.
            (None, Some(lo), Some(hi)) => match self.bound {
                None => (lo, hi),
                b => (point(lo, b).0, point(hi, b).1),
            },
            (None, Some(lo), None) => point(lo, Some(HedgeBound::Lower)),
            (None, None, Some(hi)) => point(hi, Some(HedgeBound::Upper)),
            (None, None, None) => return None,
        };
        let (factor, offset) = self.to_canonical(lex);
        Some((lo * factor + offset, hi * factor + offset))
    }

    /// How a stated value converts to the canonical unit: `canonical = value * factor + offset`.
    /// The factor is read from the canonical and stated values, so a copy whose canonical value
    /// is set to its stated one is compared in its own unit.
    fn to_canonical(&self, lex: &Lexicon) -> (f64, f64) {
        if self.kind == QuantityKind::Temperature
            && let Some(def) = self
                .unit
                .and_then(|u| lex.units.iter().find(|d| d.unit == u.as_str()))
                .filter(|d| d.offset != 0.0)
        {
            return (def.factor, def.offset);
        }
        let stated = self.value().or(match (self.low(), self.high()) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            (a, b) => a.or(b),
        });
        match (self.canonical_value(), stated) {
            (Some(c), Some(v)) if v != 0.0 => (c / v, 0.0),
            _ => (1.0, 0.0),
        }
    }
}

/// Spans where digits are not quantities: links, handles, times, phone numbers, ordinals,
/// model names, dates.
fn excluded_spans(text: &str, found_dates: &[dates::DateMention]) -> Vec<Range<usize>> {
    static R: OnceLock<WordRegex> = OnceLock::new();
    let re = R.get_or_init(|| {
        WordRegex::new(concat!(
            r"(?i)https?://\S+|www\.\S+|\b[\w.-]+@[\w-]+\.[\w.]+|(?:^|[^\w])[@#][A-Za-z0-9_]+|\b[a-z0-9-]+\.(?:com|org|net|gov|io|co|ly)(?:/\S*)?",
            r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s?[ap]m\b|\b\d{1,2}\s?o['’]clock\b",
            r"|\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|hrs|hours\s+(?:GMT|UTC|local))\b",
            r"|\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s*\d{3}[\s.-]\d{4}|\b\d{3}[.-]\d{3,4}[.-]\d{4}\b|\b\d{3}-\d{4}\b",
            r"|\b\d+(?:st|nd|rd|th)\b",
            r"|\b[A-Za-z]+-\d+[A-Za-z]*(?:/\d+)*\b|\b[A-Z]+\d+[A-Za-z]*\b|\b\d+/\d+/\d+\b",
        ))
        .expect("exclusion pattern compiles")
    });
    let mut spans: Vec<Range<usize>> = re.find_iter(text).collect();
    for d in found_dates {
        if matches!(
            d.value,
            dates::DateValue::Day { .. }
                | dates::DateValue::Month { .. }
                | dates::DateValue::Year(_)
        ) {
            spans.push(d.start..d.end);
        }
    }
    merge_spans(spans)
}

/// Spans sorted and merged where they overlap, so that both starts and ends ascend and a
/// position is looked up by binary search.
fn merge_spans(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

struct Parser<'a> {
    /// The text read, whose slices become the figures' text.
    source: &'a Span,
    text: &'a str,
    toks: Vec<Tok>,
    lower: Lowered<'a>,
    found_dates: &'a [dates::DateMention],
    /// [`excluded_spans`], found when first asked for: most sentences hold no figure to
    /// check against them.
    excluded: std::cell::OnceCell<Vec<Range<usize>>>,
    /// Whether a figure may start at each token: digits, or a listed starter.
    starts: Vec<bool>,
    lex: &'a Lexicon,
}

/// A sentence's words as extraction split them (`text::words`, at their offsets in the
/// sentence) with their [`Lexicon::word_class`]es: a token that is a whole word reads its
/// class there instead of looking itself up.
#[derive(Clone, Copy)]
pub struct KnownWords<'a> {
    pub words: &'a [(usize, &'a str)],
    pub classes: &'a [u16],
}

/// A hedge as read: what it says and how it was written.
#[derive(Debug, Clone)]
struct Hedged {
    bound: HedgeBound,
    text: String,
}

/// What a figure measures, as the measure stage read it.
#[derive(Debug)]
struct Measure {
    kind: QuantityKind,
    unit: Option<Interned>,
    canonical_unit: Option<Interned>,
    factor: f64,
    offset: f64,
    modifiers: Vec<Interned>,
    predicate: Option<Interned>,
    /// The token after what was read.
    next: usize,
}

/// The tokens lowercased: in a lowercase copy of the whole text made before, at their own
/// spans, or each lowercased here.
enum Lowered<'a> {
    Whole(&'a str),
    Tokens(crate::text::LowerWords),
}

impl<'a> Parser<'a> {
    /// `whole` is the text lowercased with every character in its place, when one was made
    /// ([`crate::text::Lows::whole`]).
    /// `toks` are the text's tokens ([`tokenize_into`]).
    /// `known` are the text's words with their classes, when extraction has them; `starts`
    /// is a vector to reuse.
    fn new(
        source: &'a Span,
        found_dates: &'a [dates::DateMention],
        (toks, starts): (Vec<Tok>, Vec<bool>),
        whole: Option<&'a str>,
        known: Option<KnownWords<'_>>,
        lex: &'a Lexicon,
    ) -> Parser<'a> {
        let text = source.as_str();
        let lower = match whole {
            Some(w) if w.len() == text.len() => Lowered::Whole(w),
            _ => Lowered::Tokens(crate::text::LowerWords::of(
                text,
                toks.iter().map(|t| (t.start, t.end)),
            )),
        };
        let mut parser = Parser {
            source,
            text,
            toks,
            lower,
            found_dates,
            excluded: std::cell::OnceCell::new(),
            starts,
            lex,
        };
        parser.find_starts(known);
        parser
    }

    /// Fills [`Parser::starts`]: a token that is one of the `known` words reads its class,
    /// any other is looked up.
    fn find_starts(&mut self, known: Option<KnownWords<'_>>) {
        let mut starts = std::mem::take(&mut self.starts);
        starts.clear();
        let (words, classes) = known.map_or((&[][..], &[][..]), |k| (k.words, k.classes));
        let mut k = 0;
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind == TokKind::Num {
                starts.push(true);
                continue;
            }
            while words.get(k).is_some_and(|&(at, _)| at < t.start) {
                k += 1;
            }
            let class = match words.get(k) {
                Some(&(at, w)) if at == t.start && at + w.len() == t.end => classes.get(k).copied(),
                _ => None,
            };
            starts.push(match class {
                Some(c) => c & word_class::QUANTITY_STARTER != 0,
                None => self.lex.quantity_starters.contains(self.low(i)),
            });
        }
        self.starts = starts;
    }

    /// Whether token `i` is a word a figure can start with ([`Lexicon::quantity_starters`]),
    /// or digits.
    fn starter(&self, i: usize) -> bool {
        self.starts.get(i).copied().unwrap_or(false)
    }

    fn excluded(&self) -> &[Range<usize>] {
        self.excluded
            .get_or_init(|| excluded_spans(self.text, self.found_dates))
    }

    fn s(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn low(&self, i: usize) -> &str {
        match &self.lower {
            Lowered::Whole(w) => self.toks.get(i).and_then(|t| w.get(t.start..t.end)),
            Lowered::Tokens(l) => l.get(i),
        }
        .unwrap_or("")
    }

    /// The text of tokens `r` as written.
    fn raw_text(&self, r: Range<usize>) -> &str {
        match (
            self.toks.get(r.start),
            self.toks.get(r.end.saturating_sub(1)),
        ) {
            (Some(a), Some(b)) if r.start < r.end => &self.text[a.start..b.end],
            _ => "",
        }
    }

    /// The text of tokens `r`, lowercase.
    fn lower_text(&self, r: Range<usize>) -> String {
        self.raw_text(r).to_lowercase()
    }

    fn is(&self, i: usize, kind: TokKind) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == kind)
    }

    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_excluded(&self, i: usize) -> bool {
        let t = self.toks[i];
        let excluded = self.excluded();
        let first_ending_after = excluded.partition_point(|r| r.end <= t.start);
        excluded
            .get(first_ending_after)
            .is_some_and(|r| r.start < t.end)
    }

    /// Matches a phrase of lowercase words at `i`; returns the index after it.
    fn phrase(&self, i: usize, words: &[String]) -> Option<usize> {
        let mut j = i;
        for w in words {
            let mut k = j;
            let mut rest = w.as_str();
            while !rest.is_empty() {
                let t = self.low(k);
                if t.is_empty() {
                    return None;
                }
                rest = rest.strip_prefix(t)?;
                k += 1;
                if !rest.is_empty() && !self.attached(k) {
                    return None;
                }
            }
            j = k;
        }
        (j > i).then_some(j)
    }

    fn hedge_at(&self, i: usize) -> Option<(usize, HedgeBound)> {
        self.lex
            .hedges
            .starting_with(self.low(i))
            .find_map(|(w, b)| self.phrase(i, w).map(|j| (j, *b)))
    }

    /// Whether a quantity can begin at token `i`: digits, or a word or symbol listed as a
    /// starter. Saves trying every token.
    fn may_start(&self, i: usize) -> bool {
        match self.low(i) {
            // A minus sign only right before digits.
            "-" | "−" => self.is(i + 1, TokKind::Num) && self.attached(i + 1),
            _ => self.starter(i),
        }
    }

    fn parse_all(&self) -> Vec<Quantity> {
        let mut out: Vec<Quantity> = Vec::new();
        // A bound stated for the clause ahead: "At most, they held 900 km2".
        let mut clause_bound: Option<Hedged> = None;
        let mut i = 0;
        while i < self.toks.len() {
            if matches!(self.low(i), "." | ";" | "!" | "?") {
                clause_bound = None;
            }
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            let hedge = self.hedge_at(i);
            if let Some((j, bound)) = hedge
                && self.low(j) == ","
                && matches!(bound, HedgeBound::Upper | HedgeBound::Lower)
            {
                clause_bound = Some(Hedged {
                    bound,
                    text: self.text[self.toks[i].start..self.toks[j - 1].end].to_lowercase(),
                });
                i = j + 1;
                continue;
            }
            match self.parse_at(i, hedge, out.last()) {
                Some((found, next)) => {
                    if let Some(mut q) = found {
                        if let Some(h) = clause_bound.take() {
                            bound_by_clause(&mut q, h);
                        }
                        out.push(q);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Reads a quantity starting at token `i`: `Some((Some(q), next))` for a figure,
    /// `Some((None, next))` for digits that are not one and must be skipped whole (a score,
    /// an ordinal), `None` when nothing starts here. `hedge_at_i` is [`Parser::hedge_at`] at `i`.
    fn parse_at(
        &self,
        i: usize,
        hedge_at_i: Option<(usize, HedgeBound)>,
        previous: Option<&Quantity>,
    ) -> Option<(Option<Quantity>, usize)> {
        let (after_hedge, hedge) = self.hedge_before(i, hedge_at_i);
        let opener = match self.low(after_hedge) {
            "between" => Some(true),
            "from" => Some(false),
            _ => None,
        };
        let start_num = after_hedge + usize::from(opener.is_some());
        let (currency, num_at) = match self.currency_before(start_num) {
            Some((c, j)) => (Some(c), j),
            None => (None, start_num),
        };
        let mut n = match self.number(num_at, currency.is_some())? {
            Read::Number(n) => n,
            Read::Skip(end) => return (i == num_at).then_some((None, end)),
        };
        if hedge.is_none() && i != num_at && currency.is_none() && opener.is_none() {
            return None;
        }
        if hedge.is_none()
            && num_at > 0
            && self.attached(num_at)
            && matches!(self.low(num_at - 1), "=" | "<" | ">")
        {
            // "=>30", "<>30": a comparison the hedges do not read.
            return Some((None, n.next));
        }
        if n.spelled && num_at > 0 && self.low(num_at - 1) == "-" && self.attached(num_at) {
            return None;
        }
        if self.glued_label(&n) {
            return (i == num_at).then_some((None, n.next + 1));
        }
        let between = opener == Some(true);
        let mut range_high = match self.range_after(&mut n, i, currency.is_some(), between) {
            Ok(r) => r,
            Err(skip) => return Some((None, skip)),
        };
        let strong =
            self.low(n.next) == "-" && self.attached(n.next) && self.low(n.next + 1) == "strong";
        let mut m = self.measure(&mut n, i, num_at, currency, strong, previous);
        if range_high.is_none() {
            range_high = self.range_in_units(&n, &mut m, i, between);
        }
        if opener.is_some() && range_high.is_none() {
            return None;
        }
        let (approx, bound) = match self.hedge_after(m.next) {
            Some((h, j)) => {
                m.next = j;
                (Some(intern(&h.text)), Some(h.bound))
            }
            None => (
                hedge.as_ref().map(|h| intern(&h.text)),
                hedge.as_ref().map(|h| h.bound),
            ),
        };
        if self.not_a_figure(&n, num_at, range_high, &m, hedge.is_some()) {
            return None;
        }
        if n.word_one && m.unit.is_none() && !self.one_counts(&mut m, num_at) {
            return None;
        }
        let built = self.build(i, &n, num_at, range_high, m, approx, bound);
        Some((Some(built.quantity), built.next_token))
    }

    /// Stage 1: a hedge before the figure ("nearly", "more than"); the token after it.
    /// `found` is [`Parser::hedge_at`] at `i`.
    fn hedge_before(
        &self,
        i: usize,
        found: Option<(usize, HedgeBound)>,
    ) -> (usize, Option<Hedged>) {
        match found {
            // "=>30", "<>30": a comparison sign glued to another is not a hedge.
            Some((j, _))
                if i > 0 && self.attached(i) && matches!(self.low(i - 1), "=" | "<" | ">") =>
            {
                (j, None)
            }
            Some((j, bound)) => (
                j,
                Some(Hedged {
                    bound,
                    text: self.text[self.toks[i].start..self.toks[j - 1].end].to_lowercase(),
                }),
            ),
            None => (i, None),
        }
    }

    /// Digits glued to letters that are neither a unit nor a scale: a label ("13F", "777F",
    /// "5G", "the 1990s").
    fn glued_label(&self, n: &Number) -> bool {
        let j = n.next;
        !n.spelled
            && !n.scaled
            && self.is(j, TokKind::Word)
            && self.attached(j)
            && self.unit_at(j).is_none()
            && !self
                .lex
                .currency_codes
                .contains_key(&self.s(j).to_uppercase())
    }

    /// Stage 4: a range after the number ("10-12", "10 to 12 million", "between 10 and 12",
    /// "20~100"): the upper end, with `n` moved past it; `Err(next)` for digits that are not
    /// a figure ("3-1", a score).
    fn range_after(
        &self,
        n: &mut Number,
        start: usize,
        money: bool,
        between: bool,
    ) -> Result<Option<f64>, usize> {
        let j = n.next;
        let sep = self.low(j);
        let tight = self.attached(j) && self.attached(j + 1);
        let spaced = !self.attached(j) && !self.attached(j + 1);
        let dash = matches!(sep, "-" | "–" | "—" | "~") && (tight || spaced);
        let word_sep = matches!(sep, "through" | "thru")
            || (sep == "to" && !self.after_change(start))
            || (between && sep == "and");
        if !(dash || word_sep) || n.vague || n.share {
            return Ok(None);
        }
        let k = self.currency_before(j + 1).map_or(j + 1, |(_, k)| k);
        let Some(Read::Number(m)) = self.number(k, money) else {
            return Ok(None);
        };
        let (Some(a), Some(b)) = (n.value, m.value) else {
            return Ok(None);
        };
        // "7-Eleven": a range is written in digits at both ends, or in words at both.
        if m.share || m.vague || (dash && n.spelled != m.spelled) {
            return Ok(None);
        }
        // "10 to 12 million": the scale of the upper end applies to the lower.
        let a = match (m.scaled, n.scaled, self.digits(k)) {
            (true, false, Some((raw, _, _))) if raw != 0.0 => a * (b / raw),
            _ => a,
        };
        if b > a || (word_sep && b >= a) {
            n.value = Some(a);
            n.next = m.next;
            n.plain_digits &= m.plain_digits;
            return Ok(Some(b));
        }
        if dash && tight && b < a && !n.spelled {
            return Err(m.next);
        }
        Ok(None)
    }

    /// Whether a word of change stands right before the figure starting at `i`: "rose 5% to
    /// 10%" is a change and a level, not a range.
    fn after_change(&self, i: usize) -> bool {
        i > 0 && self.lex.change_verbs.contains(self.low(i - 1))
    }

    /// A range whose ends both carry the unit ("70% to 80%", "between 5 km and 10 km"): the
    /// upper end, with `m` moved past it.
    fn range_in_units(
        &self,
        n: &Number,
        m: &mut Measure,
        start: usize,
        between: bool,
    ) -> Option<f64> {
        let unit = m.unit.filter(|_| m.kind != QuantityKind::Count)?;
        let j = m.next;
        let sep = self.low(j);
        let dash = matches!(sep, "-" | "–" | "—") && self.attached(j) == self.attached(j + 1);
        let to = sep == "to" && !self.after_change(start);
        if !(dash || to || (between && sep == "and")) {
            return None;
        }
        let k = self.currency_before(j + 1).map_or(j + 1, |(_, k)| k);
        let Some(Read::Number(second)) = self.number(k, m.kind == QuantityKind::Money) else {
            return None;
        };
        let (a, b) = (n.value?, second.value?);
        let (u, end) = self.unit_at(second.next)?;
        (self.lex.units[u].unit == unit.as_str() && b > a && !second.share).then(|| {
            m.next = end;
            b
        })
    }

    /// Stage 5: what the number measures, and the token after it. May adjust the number for
    /// what the measure says ("75 USD million", "5 feet and 2 inches", "15 dollars 50").
    fn measure(
        &self,
        n: &mut Number,
        i: usize,
        num_at: usize,
        currency: Option<String>,
        strong: bool,
        previous: Option<&Quantity>,
    ) -> Measure {
        let lex = self.lex;
        let mut j = n.next;
        if strong {
            j += 2;
        } else if self.low(j) == "-"
            && self.attached(j)
            && self.attached(j + 1)
            && self.unit_at(j + 1).is_some()
        {
            j += 1;
        }
        let mut m = Measure {
            kind: QuantityKind::Number,
            unit: None,
            canonical_unit: None,
            factor: 1.0,
            offset: 0.0,
            modifiers: Vec::new(),
            predicate: None,
            next: j,
        };
        let currency = currency.or_else(|| {
            self.currency_after(j).map(|(c, k)| {
                j = k;
                c
            })
        });
        if let Some(code) = currency {
            m.kind = QuantityKind::Money;
            m.unit = Some(intern(&code));
            if let Some(def) = lex.units.iter().find(|u| u.unit == code) {
                m.factor = def.factor;
            }
            m.canonical_unit = Some(intern("USD"));
            m.next = self.cents(n, j, true);
            return m;
        }
        if let Some((u, k)) = (!strong && !n.share).then(|| self.unit_at(j)).flatten() {
            self.measure_in_unit(n, &mut m, u, k, num_at);
            return m;
        }
        if let Some((noun, k)) = self.hyphen_noun(j) {
            // "a 66-page complaint", "a 12-member panel".
            let w = self.low(noun);
            m.kind = QuantityKind::Count;
            m.unit = Some(intern(w));
            m.canonical_unit = Some(intern(
                lex.count_nouns
                    .get(w)
                    .map_or_else(|| crate::text::fold_word(w), String::clone)
                    .as_str(),
            ));
            m.next = k;
            return m;
        }
        if self.is_age(n, num_at) {
            m.kind = QuantityKind::Age;
            m.unit = Some(intern("year"));
            m.canonical_unit = Some(intern("year"));
            return m;
        }
        if n.share {
            m.kind = QuantityKind::Percent;
            m.unit = Some(intern("%"));
            m.canonical_unit = Some(intern("%"));
            return m;
        }
        if let Some((noun, mods, k)) = self.counted_noun(j, strong) {
            self.count_of_noun(&mut m, noun, mods, k, strong, previous);
            return m;
        }
        if let Some(p) = (!strong).then(|| self.predicate_after(j)).flatten() {
            // "another 14 were injured".
            let w = self.low(p);
            let group = lex.count_nouns.get(w).map_or(w, String::as_str);
            m.kind = QuantityKind::Count;
            m.unit = Some(intern(group));
            m.canonical_unit = Some(intern(group));
            m.predicate = Some(intern(w));
            return m;
        }
        if let Some(group) = (!strong).then(|| self.cue_before(i)).flatten() {
            m.kind = QuantityKind::Count;
            m.unit = Some(intern(&group));
            m.canonical_unit = Some(intern(&group));
        }
        m
    }

    /// Stage 5, a unit after the number (`lex.units[u]`, ending before token `k`): its kind,
    /// conversion and canonical unit, then what may follow it ("75 USD million", "15 dollars
    /// 50", "5 feet 2 inches", "3 and a half hours", "10 years old").
    fn measure_in_unit(&self, n: &mut Number, m: &mut Measure, u: usize, k: usize, num_at: usize) {
        let def = &self.lex.units[u];
        m.kind = def.kind;
        m.unit = Some(intern(&def.unit));
        m.factor = def.factor;
        m.offset = def.offset;
        m.canonical_unit = Some(intern(self.canonical_unit_of(def.kind, &def.unit)));
        m.next = k;
        if def.kind == QuantityKind::Money {
            if let Some((f, k)) = self.scale_at(k, true).filter(|_| !n.scaled) {
                // "75 USD million".
                n.value = n.value.map(|v| v * f);
                n.scaled = true;
                m.next = k;
            }
            m.next = self.cents(n, m.next, false);
        } else {
            m.next = self.smaller_unit(n, m.next, u);
            m.next = self.and_a_fraction(n, m.next);
        }
        if def.kind == QuantityKind::Duration {
            self.age(m, num_at);
        }
    }

    /// Stage 5, a counted noun after the number (`noun`, with its qualifiers `mods`, ending
    /// before token `k`): a count of it, or of what the figure before counted when the noun
    /// is a state ("7,905 soldiers killed, 12,220 injured").
    fn count_of_noun(
        &self,
        m: &mut Measure,
        noun: Range<usize>,
        mods: Vec<Range<usize>>,
        k: usize,
        strong: bool,
        previous: Option<&Quantity>,
    ) {
        let lex = self.lex;
        let w = self.lower_text(noun.clone());
        let w = w.as_str();
        let body_class = || {
            if lex.generic_bodies.contains(w) {
                mods.iter()
                    .find_map(|r| lex.body_modifiers.get(&self.lower_text(r.clone())))
            } else {
                lex.strong_bodies.get(w)
            }
        };
        let group = lex
            .count_nouns
            .get(w)
            .or_else(|| strong.then(body_class).flatten());
        // "12,220 injured" after "7,905 soldiers killed" counts soldiers too; a noun of
        // its own ("12 deaths") does not take the figure before it.
        let state = self.predicate_at(noun.end - 1).is_some() && !w.ends_with('s');
        let inherit =
            previous.filter(|p| state && p.kind == QuantityKind::Count && p.unit.is_some());
        m.kind = QuantityKind::Count;
        if let Some(p) = inherit {
            m.unit = p.unit;
            m.canonical_unit = p.canonical_unit;
            m.modifiers = p.modifiers.to_vec();
            m.predicate = Some(intern(w));
        } else {
            m.canonical_unit =
                Some(group.map_or_else(|| intern(&crate::text::fold_word(w)), |g| intern(g)));
            m.unit = Some(intern(w));
            m.modifiers = mods.into_iter().map(|r| intern(self.raw_text(r))).collect();
            if let Some(p) = self.predicate_after(k) {
                m.predicate = Some(intern(self.low(p)));
            }
        }
        if let Some(g) = m.predicate.and_then(|p| lex.count_nouns.get(p.as_str()))
            && matches!(m.canonical_unit.as_deref(), Some("people" | "troops"))
        {
            m.canonical_unit = Some(intern(g));
        }
        m.next = k;
    }

    /// The unit every figure of a kind is compared in: the kind's unit with factor 1.
    fn canonical_unit_of<'u>(&'u self, kind: QuantityKind, unit: &'u str) -> &'u str {
        self.lex
            .units
            .iter()
            .find(|d| d.kind == kind && d.factor == 1.0 && d.offset == 0.0)
            .map_or(unit, |d| d.unit.as_str())
    }

    /// "15 dollars 50", "3 dollars 50 cents", "$4 and 50 cents": cents after a whole amount
    /// of money, added to it; the token after. After a currency written before the number
    /// ("$4"), only a number that says "cents" is read so.
    fn cents(&self, n: &mut Number, j: usize, symbol: bool) -> usize {
        let k = if self.low(j) == "and" { j + 1 } else { j };
        let Some(v) = n.value.filter(|v| !n.scaled && v.fract() == 0.0) else {
            return j;
        };
        let Some(Read::Number(c)) = self.number(k, false) else {
            return j;
        };
        let Some(cents) = c
            .value
            .filter(|c| (0.0..100.0).contains(c) && c.fract() == 0.0)
        else {
            return j;
        };
        if c.scaled || c.share || c.vague || !(c.spelled || self.s(k).len() <= 2) {
            return j;
        }
        let end = match self.unit_at(c.next) {
            Some((u, e)) if self.lex.units[u].unit == "USc" => e,
            Some(_) => return j,
            None if symbol => return j,
            None if self.is(c.next, TokKind::Word)
                && !self.lex.is_stopword(self.low(c.next))
                && !self.lex.not_counted.contains(self.low(c.next)) =>
            {
                return j;
            }
            None if self.is(c.next, TokKind::Num) => return j,
            None => c.next,
        };
        n.value = Some(v + cents / 100.0);
        end
    }

    /// "5 feet and 2 inches", "2 hours 30 minutes": a smaller unit of the same kind after a
    /// measure, added to it in the first unit; the token after.
    fn smaller_unit(&self, n: &mut Number, j: usize, unit: usize) -> usize {
        let Some(v) = n.value else {
            return j;
        };
        let k = if self.low(j) == "and" { j + 1 } else { j };
        let Some(Read::Number(c)) = self.number(k, false) else {
            return j;
        };
        let Some((u2, end)) = c.value.and(self.unit_at(c.next)) else {
            return j;
        };
        let (first, second) = (&self.lex.units[unit], &self.lex.units[u2]);
        if first.kind != second.kind
            || second.factor >= first.factor
            || first.offset != 0.0
            || c.share
            || c.vague
        {
            return j;
        }
        n.value = Some(v + c.value.unwrap_or(0.0) * second.factor / first.factor);
        end
    }

    /// "a week and a half", "two hours and a quarter": a fraction of the unit after it, added
    /// to the figure; the token after.
    fn and_a_fraction(&self, n: &mut Number, j: usize) -> usize {
        let Some(v) = n.value.filter(|_| self.low(j) == "and") else {
            return j;
        };
        match self.fraction_words(j + 1) {
            Some((num, den, k, _)) if num < den => {
                n.value = Some(v + num / den);
                k
            }
            _ => j,
        }
    }

    /// A noun glued by a hyphen after a number, counted by it ("66-page", "12-member"): the
    /// noun and the token after.
    fn hyphen_noun(&self, j: usize) -> Option<(usize, usize)> {
        let k = j + 1;
        let w = self.low(k);
        let noun = self.low(j) == "-"
            && self.attached(j)
            && self.attached(k)
            && self.is(k, TokKind::Word)
            && w.chars().count() >= 3
            && self.s(k).chars().all(char::is_lowercase)
            && !self.lex.is_stopword(w)
            && !self.lex.not_counted.contains(w)
            && !self.lex.number_multipliers.contains_key(w)
            && !self.is_number_word(k)
            && self.lex.post_hedges.starting_with(w).next().is_none();
        noun.then_some((k, k + 1))
    }

    /// A duration that says how old: "29 years old", "a 45-year-old man", "ninety five years
    /// of age", "aged 45".
    fn age(&self, m: &mut Measure, num_at: usize) {
        let j = m.next;
        let hyphen_old = self.low(j) == "-" && self.attached(j) && self.low(j + 1) == "old";
        let of_age = self.low(j) == "of" && self.low(j + 1) == "age";
        let old = if self.low(j) == "old" {
            Some(j + 1)
        } else if hyphen_old || of_age {
            Some(j + 2)
        } else {
            None
        };
        let aged = num_at > 0 && self.low(num_at - 1) == "aged";
        if old.is_none() && !aged {
            return;
        }
        m.kind = QuantityKind::Age;
        m.canonical_unit = Some(intern("year"));
        m.factor /= self
            .lex
            .units
            .iter()
            .find(|d| d.unit == "year")
            .map_or(1.0, |d| d.factor);
        if let Some(k) = old {
            m.next = k;
        }
    }

    /// A bare number said to be an age: "aged 45". (An age after a name, "John Smith, 45,",
    /// stays a bare number: it is not a count.)
    fn is_age(&self, n: &Number, num_at: usize) -> bool {
        let years = n
            .value
            .filter(|v| (1.0..=120.0).contains(v) && v.fract() == 0.0);
        years.is_some() && n.plain_digits && num_at > 0 && self.low(num_at - 1) == "aged"
    }

    /// Stage 6: a hedge after the figure ("or more", "-plus"): the hedge and the token after.
    fn hedge_after(&self, j: usize) -> Option<(Hedged, usize)> {
        let at = if self.low(j) == "-" && self.attached(j) {
            j + 1
        } else {
            j
        };
        for (words, b) in self.lex.post_hedges.starting_with(self.low(at)) {
            if let Some(k) = self.phrase(at, words)
                && !matches!(self.low(k), "than" | "of")
                && !self.is(k, TokKind::Num)
            {
                let text = words.join(" ");
                return Some((Hedged { bound: *b, text }, k));
            }
        }
        None
    }

    /// Stage 7: numbers that are not figures. Years ("the 2016 election", "1988 sales"),
    /// year spans ("2016-2020"), labels after a reference word or a name ("Resolution 2231",
    /// "Boeing 737").
    fn not_a_figure(
        &self,
        n: &Number,
        num_at: usize,
        range_high: Option<f64>,
        m: &Measure,
        hedged: bool,
    ) -> bool {
        let counts = matches!(m.kind, QuantityKind::Count | QuantityKind::Number);
        if counts && !hedged && num_at > 0 && self.follows_excluded_dash(num_at) {
            // "March 5-7": the end of a span of dates.
            return true;
        }
        if n.word_one && num_at > 0 && self.is_reference_word(num_at - 1) {
            // "the number one priority".
            return true;
        }
        if !n.plain_digits || hedged || !counts {
            return false;
        }
        let year_like = |v: f64| (1800.0..=2100.0).contains(&v) && v.fract() == 0.0;
        let v = n.value.unwrap_or(0.0);
        if let Some(hi) = range_high {
            return year_like(v) && (year_like(hi) || (hi < 100.0 && hi > v % 100.0));
        }
        if year_like(v) {
            return true;
        }
        if m.unit.is_some() || num_at == 0 {
            return false;
        }
        let prev = self.low(num_at - 1);
        if self.is_reference_word(num_at - 1) {
            return true;
        }
        crate::text::is_capitalized(self.s(num_at - 1))
            && self.is(num_at - 1, TokKind::Word)
            && !self.lex.months.contains_key(prev)
            && !self.lex.is_stopword(prev)
            && !self.is_number_word(num_at - 1)
    }

    /// Whether the word at `i` makes the number after it a name ("Resolution 2231").
    fn is_reference_word(&self, i: usize) -> bool {
        let w = self.low(i);
        self.lex.reference_words.contains(w) || self.lex.reference_words.contains(&format!("{w}."))
    }

    /// Whether a dash glues the number at `i` to an excluded span before it ("March 5-7").
    fn follows_excluded_dash(&self, i: usize) -> bool {
        i >= 2
            && matches!(self.low(i - 1), "-" | "–")
            && self.attached(i - 1)
            && self.attached(i)
            && self.is(i - 2, TokKind::Num)
            && self.is_excluded(i - 2)
    }

    /// "one witness": the noun after a lone "one" makes it a count. False when none does
    /// ("one of them", "no one was hurt").
    fn one_counts(&self, m: &mut Measure, num_at: usize) -> bool {
        let j = m.next;
        let Some((end, w)) = self.compound(j) else {
            return false;
        };
        let w = w.as_str();
        // "no one", "any one", "the one": a pronoun.
        let pronoun = num_at > 0
            && matches!(
                self.low(num_at - 1),
                "no" | "any" | "every" | "some" | "each" | "which" | "this" | "that" | "the"
            );
        let noun_like = !pronoun
            && !self.lex.is_stopword(w)
            && !self.lex.not_counted.contains(w)
            && !self.lex.attribution_verbs.contains(w)
            && !w.ends_with("ed")
            && !crate::text::is_capitalized(self.s(j));
        if !noun_like {
            return false;
        }
        m.kind = QuantityKind::Count;
        m.unit = Some(intern(w));
        m.canonical_unit = Some(
            self.lex
                .count_nouns
                .get(w)
                .map_or_else(|| intern(&crate::text::fold_word(w)), |g| intern(g)),
        );
        m.next = end;
        true
    }

    /// The figure from its stages.
    #[allow(clippy::too_many_arguments)]
    fn build(
        &self,
        i: usize,
        n: &Number,
        num_at: usize,
        range_high: Option<f64>,
        m: Measure,
        mut approx: Option<Interned>,
        bound: Option<HedgeBound>,
    ) -> Built {
        let (value, mut low, mut high) = match range_high {
            Some(hi) => (None, n.value, Some(hi)),
            None => (n.value, n.low, n.high),
        };
        if n.vague {
            // A vague unit ("decades") is its own magnitude: the word ends the phrase.
            let last = n.next.max(num_at + 1) - 1;
            approx = Some(intern(
                self.text[self.toks[num_at].start..self.toks[last].end]
                    .trim_end_matches(" of")
                    .to_lowercase()
                    .as_str(),
            ));
        }
        if let Some(v) = value {
            match bound {
                Some(HedgeBound::Upper | HedgeBound::JustBelow) => high = Some(v),
                Some(HedgeBound::Lower | HedgeBound::JustAbove) => low = Some(v),
                _ => {}
            }
        }
        let mid = value.or(match (low, high) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            (a, b) => a.or(b),
        });
        let end = m.next.min(self.toks.len()).max(i + 1);
        Built {
            quantity: Quantity {
                text: self
                    .source
                    .slice(self.toks[i].start..self.toks[end - 1].end),
                value: MaybeNumber::new(value),
                low: MaybeNumber::new(low),
                high: MaybeNumber::new(high),
                approx,
                bound,
                unit: m.unit,
                kind: m.kind,
                canonical_value: MaybeNumber::new(mid.map(|v| v * m.factor + m.offset)),
                canonical_unit: m.canonical_unit,
                modifiers: m.modifiers.into(),
                predicate: m.predicate,
                fact: None,
            },
            next_token: end,
        }
    }
}

/// A figure and the token after it.
struct Built {
    quantity: Quantity,
    next_token: usize,
}

/// Applies a bound stated for the clause ("At most, they held about 900 km2") to its first
/// figure, unless the figure states its own bound: the clause's bound is the figure's, and
/// its own "about" stays its word.
fn bound_by_clause(q: &mut Quantity, h: Hedged) {
    if matches!(q.bound, Some(HedgeBound::Upper | HedgeBound::Lower)) {
        return;
    }
    let Some(v) = q.value() else {
        return;
    };
    q.approx = Some(intern(&h.text));
    q.bound = Some(h.bound);
    match h.bound {
        HedgeBound::Upper => q.high = MaybeNumber(v),
        _ => q.low = MaybeNumber(v),
    }
}

/// Every quantity in `text`, in order, with byte offsets into it.
pub fn find_quantities(text: &str, lex: &Lexicon) -> Vec<Quantity> {
    quantities_in(
        &Span::from(text),
        &dates::find_dates(text, lex),
        None,
        None,
        lex,
    )
}

/// [`find_quantities`] for a text whose dates were already found (dates are not figures),
/// and which may have been lowercased in place already (`whole`, as
/// [`crate::text::Lows::whole`] gives it), and whose words may be known with their classes
/// (`known`). The figures' text points into `text`'s shared text; their offsets are within
/// `text`.
pub fn quantities_in(
    text: &Span,
    found_dates: &[dates::DateMention],
    whole: Option<&str>,
    known: Option<KnownWords<'_>>,
    lex: &Lexicon,
) -> Vec<Quantity> {
    thread_local! {
        /// The tokens' vector and their starts, kept for the thread's next sentence: a
        /// sentence's tokens take a kilobyte or two, which the allocator is slow to find
        /// once its heap is large.
        static TOKENS: std::cell::Cell<(Vec<Tok>, Vec<bool>)> =
            const { std::cell::Cell::new((Vec::new(), Vec::new())) };
    }
    let (mut toks, starts) = TOKENS.take();
    tokenize_into(text.as_str(), &mut toks);
    let parser = Parser::new(text, found_dates, (toks, starts), whole, known, lex);
    let found = parser.parse_all();
    TOKENS.set((parser.toks, parser.starts));
    found
}

#[cfg(test)]
#[path = "quantities_tests.rs"]
mod cases;
