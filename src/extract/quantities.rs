//! Figures in prose: numbers in digits or words, their hedges, ranges, scales and units, and
//! the numbers that are not quantities (times, dates, ordinals, model names, phone numbers).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;
use ustr::{Ustr, ustr};

use crate::lexicon::{HedgeBound, Lexicon};
use crate::text::{Span, dates};

/// Auxiliary words skipped between a counted noun and what happened to it ("people are now
/// believed to have died").
const PREDICATE_REACH: usize = 6;
/// Tokens before a bare figure searched for a cue to what it counts.
const CUE_REACH: usize = 8;

/// One figure found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The figure as written, hedge and unit included, a span of the text it was found in
    /// (the article's, for a claim's figures); serialised as `text`, `start` and `end`.
    #[serde(flatten, serialize_with = "Span::serialize_located")]
    pub text: Span,
    /// The stated value; `null` for ranges and vague magnitudes, which have bounds only.
    #[serde(serialize_with = "super::opt_number")]
    pub value: Option<f64>,
    /// The lowest value the wording allows, where it sets one ("more than 40%": 40).
    #[serde(serialize_with = "super::opt_number")]
    pub low: Option<f64>,
    /// The highest value the wording allows ("nearly 60,000": 60,000).
    #[serde(serialize_with = "super::opt_number")]
    pub high: Option<f64>,
    /// The hedge as written ("nearly", "more than"), `null` when the figure is exact.
    pub approx: Option<Ustr>,
    /// The unit as written and folded ("troops", "km2", "%", "USD"); `null` for a bare number.
    pub unit: Option<Ustr>,
    /// What is measured: count, area, length, money, percent, duration, mass, speed, number.
    pub kind: Ustr,
    /// The unit every figure of this kind is compared in (count: the folded noun group).
    pub canonical_unit: Option<Ustr>,
    /// The value (or bounds' middle) in `canonical_unit`.
    #[serde(serialize_with = "super::opt_number")]
    pub canonical_value: Option<f64>,
    /// Words qualifying a counted noun: "Danish" in "3,000 Danish soldiers".
    pub modifiers: Box<[Ustr]>,
    /// What happened to what is counted: "killed" in "7,905 soldiers killed".
    pub predicate: Option<Ustr>,
    /// The fact this figure measures, once linked across sources.
    pub fact: Option<crate::ids::FactId>,
}

impl Quantity {
    /// Where the figure starts in the text it was found in, in bytes.
    pub fn start(&self) -> usize {
        self.text.start()
    }

    /// Where the figure ends in the text it was found in, in bytes.
    pub fn end(&self) -> usize {
        self.text.end()
    }

    /// The interval of values the wording allows, with a tolerance for rounding and hedges,
    /// in canonical units.
    pub fn interval(&self) -> Option<(f64, f64)> {
        let factor = match (self.canonical_value, self.value) {
            (Some(c), Some(v)) if v != 0.0 => c / v,
            _ => 1.0,
        };
        let scale = |x: f64| x * factor;
        match (self.value, self.low, self.high) {
            (_, Some(lo), Some(hi)) => Some((scale(lo), scale(hi))),
            (Some(v), Some(lo), None) => Some((scale(lo), scale(v.max(lo) * 1.5))),
            (Some(v), None, Some(hi)) => Some((scale(v.min(hi) * 0.85), scale(hi))),
            (Some(v), None, None) => {
                let tol = if self.approx.is_some() {
                    0.12
                } else {
                    rounding_tolerance(v)
                };
                Some((scale(v * (1.0 - tol)), scale(v * (1.0 + tol))))
            }
            _ => None,
        }
    }
}

/// How far a figure may stand from the true one, relative to it, judged by how round it is:
/// 40,000 is good to ±5,000, 12,000 to ±500, 7,413 to ±0.5.
fn rounding_tolerance(v: f64) -> f64 {
    let v = v.abs();
    if v < 10.0 || v.fract() != 0.0 {
        return 0.01;
    }
    let mut n = v as u64;
    let mut zeros = 0;
    while n % 10 == 0 && n > 0 {
        n /= 10;
        zeros += 1;
    }
    let step = 10f64.powi(zeros);
    (0.5 * step / v).max(0.0005)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
    space_before: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let at = |i: usize| crate::text::char_at(text, i);
    // Extends a token over characters of its class, and over a joiner followed by one.
    let run = |mut pos: usize, class: fn(char) -> bool, joiner: fn(char) -> bool| {
        while let Some((c, len)) = at(pos) {
            if class(c) || (joiner(c) && at(pos + len).is_some_and(|(n, _)| class(n))) {
                pos += len;
            } else {
                break;
            }
        }
        pos
    };
    let mut toks = Vec::new();
    let mut pos = 0;
    let mut space = true;
    while let Some((c, len)) = at(pos) {
        if c.is_whitespace() {
            space = true;
            pos += len;
            continue;
        }
        let start = pos;
        let (kind, end) = if c.is_ascii_digit() {
            let end = run(
                pos + len,
                |d| d.is_ascii_digit(),
                |d| matches!(d, ',' | '.'),
            );
            (TokKind::Num, end)
        } else if c.is_alphabetic() {
            let end = run(pos + len, char::is_alphabetic, |d| {
                matches!(d, '-' | '\'' | '’')
            });
            (TokKind::Word, end)
        } else {
            (TokKind::Sym, pos + len)
        };
        pos = end;
        toks.push(Tok {
            start,
            end,
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
}

/// The first token of a word as the figure parser reads it ("more-or-less" is one token,
/// "km2" starts with "km"), `None` for a word with none.
pub(crate) fn first_token(word: &str) -> Option<&str> {
    tokenize(word).first().map(|t| &word[t.start..t.end])
}

/// Spans where digits are not quantities: links, handles, times, phone numbers, ordinals,
/// model names, dates.
fn excluded_spans(text: &str, found_dates: &[dates::DateMention]) -> Vec<Range<usize>> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)https?://\S+|www\.\S+|\b[\w.-]+@[\w-]+\.[\w.]+|(?:^|[^\w])[@#][A-Za-z0-9_]+|\b[a-z0-9-]+\.(?:com|org|net|gov|io|co|ly)(?:/\S*)?",
            r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s?[ap]m\b",
            r"|\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s*\d{3}[\s.-]\d{4}|\b\d{3}[.-]\d{3,4}[.-]\d{4}\b|\b\d{3}-\d{4}\b",
            r"|\b\d+(?:st|nd|rd|th)\b",
            r"|\b[A-Za-z]+-\d+[A-Za-z]*(?:/\d+)*\b|\b[A-Z]+\d+[A-Za-z]*\b|\b\d+/\d+(?:/\d+)?\b",
        ))
        .expect("exclusion pattern compiles")
    });
    let mut spans: Vec<Range<usize>> = re.find_iter(text).map(|m| m.range()).collect();
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
    lower: Vec<std::borrow::Cow<'a, str>>,
    excluded: Vec<Range<usize>>,
    lex: &'a Lexicon,
}

/// A number read from tokens: value, or bounds for ranges and vague magnitudes.
#[derive(Debug, Clone, Copy)]
struct Number {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    next: usize,
    /// Written with digits and no separators: a candidate year or label.
    plain_digits: bool,
    scaled: bool,
    vague: bool,
    fraction: bool,
    word_one: bool,
}

impl<'a> Parser<'a> {
    fn new(source: &'a Span, found_dates: &[dates::DateMention], lex: &'a Lexicon) -> Parser<'a> {
        let text = source.as_str();
        let toks = tokenize(text);
        let lower = toks
            .iter()
            .map(|t| crate::text::lower(&text[t.start..t.end]))
            .collect();
        Parser {
            source,
            text,
            toks,
            lower,
            excluded: excluded_spans(text, found_dates),
            lex,
        }
    }

    fn s(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |l| l.as_ref())
    }

    fn is(&self, i: usize, kind: TokKind) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == kind)
    }

    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_excluded(&self, i: usize) -> bool {
        let t = self.toks[i];
        let first_ending_after = self.excluded.partition_point(|r| r.end <= t.start);
        self.excluded
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

    fn digits(&self, i: usize) -> Option<(f64, usize, bool)> {
        if !self.is(i, TokKind::Num) || self.is_excluded(i) {
            return None;
        }
        let raw = self.s(i);
        let mut text = raw.replace(',', "");
        let mut j = i + 1;
        let first_group = raw.len() <= 3 && !raw.contains([',', '.']);
        if first_group {
            while self.is(j, TokKind::Num)
                && self.s(j).len() == 3
                && !self.s(j).contains([',', '.'])
                && self.toks[j].space_before
                && !self.is(j + 1, TokKind::Num)
            {
                text.push_str(self.s(j));
                j += 1;
            }
        }
        let plain = !raw.contains(',') && j == i + 1;
        text.parse::<f64>()
            .ok()
            .map(|v| (v, j, plain && !raw.contains('.')))
    }

    fn word_number(&self, i: usize) -> Option<(f64, usize)> {
        let lex = self.lex;
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut j = i;
        let mut any = false;
        loop {
            let w = self.low(j);
            let parts: Vec<&str> = w.split('-').collect();
            let compound = parts.len() == 2
                && lex.number_tens.contains_key(parts[0])
                && lex.number_units.contains_key(parts[1]);
            if let Some(&u) = lex.number_units.get(w) {
                current += u;
            } else if let Some(&t) = lex.number_tens.get(w) {
                current += t;
            } else if compound {
                current += lex.number_tens[parts[0]] + lex.number_units[parts[1]];
            } else if let Some(&m) = lex.number_multipliers.get(w).filter(|_| any) {
                if m == 100 {
                    current = current.max(1) * 100;
                } else {
                    total += current.max(1) * m;
                    current = 0;
                }
            } else if w == "and"
                && any
                && (lex.number_units.contains_key(self.low(j + 1))
                    || lex.number_tens.contains_key(self.low(j + 1)))
            {
                j += 1;
                continue;
            } else {
                break;
            }
            any = true;
            j += 1;
        }
        any.then_some(((total + current) as f64, j))
    }

    fn scale_at(&self, i: usize, allow_short: bool) -> Option<(f64, usize)> {
        let w = self.low(i);
        let &f = self.lex.scales.get(w)?;
        let short = w.len() <= 3 && !matches!(w, "mln" | "bln" | "trln");
        if short && !(allow_short && self.attached(i)) && !(allow_short && w.len() >= 2) {
            return None;
        }
        Some((f, i + 1))
    }

    /// A number at `i`: digits, words, counts like "a dozen", vague magnitudes, fractions.
    fn number(&self, i: usize, money: bool) -> Option<Number> {
        let lex = self.lex;
        let base = Number {
            value: None,
            low: None,
            high: None,
            next: i,
            plain_digits: false,
            scaled: false,
            vague: false,
            fraction: false,
            word_one: false,
        };
        if let Some((v, j, plain)) = self.digits(i) {
            let mut n = Number {
                value: Some(v),
                next: j,
                plain_digits: plain,
                ..base
            };
            let allow_short = money || self.attached(j);
            if let Some((f, k)) = self
                .scale_at(j, allow_short)
                .filter(|_| !self.unit_first(j, money))
            {
                n.value = Some(v * f);
                n.next = k;
                n.scaled = true;
                n.plain_digits = false;
            }
            return Some(n);
        }
        for (words, (lo, hi)) in lex.vague.starting_with(self.low(i)) {
            if let Some(mut j) = self.phrase(i, words) {
                if self.low(j) == "of" {
                    j += 1;
                }
                return Some(Number {
                    low: Some(*lo),
                    high: Some(*hi),
                    next: j,
                    vague: true,
                    ..base
                });
            }
        }
        for (words, f) in lex.fractions.starting_with(self.low(i)) {
            if let Some(j) = self.phrase(i, words)
                && matches!(self.low(j), "of" | "the")
            {
                return Some(Number {
                    value: Some(f * 100.0),
                    next: j,
                    fraction: true,
                    ..base
                });
            }
        }
        for (words, v) in lex.number_counts.starting_with(self.low(i)) {
            if let Some(j) = self.phrase(i, words)
                && !self.is(j, TokKind::Num)
            {
                let mut n = Number {
                    value: Some(*v),
                    next: j,
                    ..base
                };
                if let Some((f, k)) = self.scale_at(j, false) {
                    n.value = Some(v * f);
                    n.next = k;
                }
                return Some(n);
            }
        }
        if let Some((v, j)) = self.word_number(i) {
            let mut n = Number {
                value: Some(v),
                next: j,
                word_one: j == i + 1 && v <= 1.0,
                ..base
            };
            if let Some((f, k)) = self.scale_at(j, false) {
                n.value = Some(v * f);
                n.next = k;
                n.scaled = true;
            }
            return Some(n);
        }
        None
    }

    /// Whether the word at `i` reads better as a unit than as a scale ("50m" of length).
    fn unit_first(&self, i: usize, money: bool) -> bool {
        !money
            && matches!(self.low(i), "m" | "b")
            && self
                .lex
                .unit_aliases
                .iter()
                .any(|(w, _)| w.len() == 1 && w[0] == self.low(i))
    }

    fn currency_at(&self, i: usize) -> Option<(String, usize)> {
        let t = self.toks.get(i)?;
        let rest = &self.text[t.start..];
        for (sym, code) in &self.lex.currency_symbols {
            if rest.starts_with(sym.as_str()) {
                let mut j = i;
                while j < self.toks.len() && self.toks[j].start < t.start + sym.len() {
                    j += 1;
                }
                if self.is(j, TokKind::Num) && self.attached(j)
                    || self.is(j, TokKind::Num) && sym.chars().all(|c| !c.is_alphabetic())
                {
                    return Some((code.clone(), j));
                }
            }
        }
        None
    }

    fn unit_at(&self, i: usize) -> Option<(usize, usize)> {
        if self.low(i) == "%" {
            return self
                .lex
                .units
                .iter()
                .position(|u| u.unit == "%")
                .map(|u| (u, i + 1));
        }
        self.lex
            .unit_aliases
            .starting_with(self.low(i))
            .find_map(|(w, u)| {
                let j = self.phrase(i, w)?;
                let def = &self.lex.units[*u];
                let single_letter = w.len() == 1 && w[0].chars().count() == 1;
                if single_letter && !self.attached(i) && def.kind != "percent" {
                    return None;
                }
                if self.is(j, TokKind::Word) && self.attached(j) {
                    return None;
                }
                Some((*u, j))
            })
    }

    fn is_counted_word(&self, w: &str) -> bool {
        self.lex.count_nouns.contains_key(w)
    }

    fn plural_noun(&self, i: usize) -> bool {
        let w = self.low(i);
        self.is(i, TokKind::Word)
            && w.chars().count() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !self.lex.not_counted.contains(w)
            && !self.lex.is_stopword(w)
            && !self.lex.hedges.iter().any(|(h, _)| h[0] == w)
    }

    /// The counted noun after a figure: (noun index, modifier indexes, next index).
    fn counted_noun(&self, mut i: usize, strong: bool) -> Option<(usize, Vec<usize>, usize)> {
        let mut partitive = false;
        if self.low(i) == "of"
            && matches!(
                self.low(i + 1),
                "the" | "its" | "their" | "our" | "his" | "her"
            )
        {
            i += 2;
            partitive = true;
        }
        let mut mods = Vec::new();
        for j in i..i + 4 {
            if !self.is(j, TokKind::Word) {
                if self.low(j) == "-" && self.attached(j) && self.is(j + 1, TokKind::Word) {
                    continue;
                }
                return None;
            }
            let w = self.low(j);
            if self.lex.not_counted.contains(w)
                || self.lex.is_stopword(w) && !self.is_counted_word(w)
            {
                return None;
            }
            let next_is_word = self.is(j + 1, TokKind::Word)
                && !self.lex.is_stopword(self.low(j + 1))
                && !self.lex.not_counted.contains(self.low(j + 1));
            let next_is_state = self.predicate_at(j + 1).is_some();
            if self.is_counted_word(w)
                && !(next_is_word && self.is_counted_word(self.low(j + 1)) && !next_is_state)
            {
                return Some((j, mods, j + 1));
            }
            if (self.plural_noun(j) && !partitive || strong)
                && !(next_is_word
                    && (self.plural_noun(j + 1) || self.is_counted_word(self.low(j + 1)) || strong))
            {
                return Some((j, mods, j + 1));
            }
            if w.ends_with("'s") || w.ends_with("’s") {
                mods.clear();
                continue;
            }
            mods.push(j);
        }
        None
    }

    /// A state word right after a counted noun, or after "were", "have been" and the like.
    fn predicate_after(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j < k + PREDICATE_REACH
            && matches!(
                self.low(j),
                "were"
                    | "was"
                    | "are"
                    | "is"
                    | "have"
                    | "has"
                    | "had"
                    | "been"
                    | "be"
                    | "reportedly"
                    | "remain"
                    | "remained"
                    | "remains"
                    | "now"
                    | "still"
                    | "believed"
                    | "feared"
                    | "thought"
                    | "reported"
                    | "confirmed"
                    | "to"
                    | "may"
                    | "might"
                    | "likely"
            )
        {
            j += 1;
        }
        self.predicate_at(j)
    }

    /// What a bare figure counts, from a cue shortly before it in the same clause ("the death
    /// toll rose to 27").
    fn cue_before(&self, i: usize) -> Option<String> {
        let start = i.saturating_sub(CUE_REACH);
        for j in (start..i).rev() {
            if matches!(self.low(j), "," | ";" | ":" | "." | "(" | ")") {
                return None;
            }
            for (words, group) in self.lex.measure_cues.starting_with(self.low(j)) {
                if self.phrase(j, words).is_some_and(|end| end <= i) {
                    return Some(group.clone());
                }
            }
        }
        None
    }

    fn predicate_at(&self, i: usize) -> Option<usize> {
        let w = self.low(i);
        let group = self.lex.count_nouns.get(w)?;
        matches!(
            group.as_str(),
            "deaths" | "injured" | "captured" | "missing"
        )
        .then_some(i)
    }

    /// Whether a quantity can begin at token `i`: digits, or a word or symbol listed as a
    /// starter. Saves trying every token.
    fn may_start(&self, i: usize) -> bool {
        let low = self.low(i);
        self.is(i, TokKind::Num)
            || self.lex.quantity_starters.contains(low)
            || low
                .split_once('-')
                .is_some_and(|(head, _)| self.lex.number_tens.contains_key(head))
    }

    fn parse_all(&self) -> Vec<Quantity> {
        let mut out: Vec<Quantity> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.parse_at(i, out.last()) {
                Some((found, next)) => {
                    out.extend(found);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Reads a quantity starting at token `i`: `Some((Some(q), next))` for a figure,
    /// `Some((None, next))` for digits that are not one and must be skipped whole (a score),
    /// `None` when nothing starts here.
    fn parse_at(&self, i: usize, previous: Option<&Quantity>) -> Option<(Option<Quantity>, usize)> {
        let lex = self.lex;
        let (after_hedge, hedge) = match self.hedge_at(i) {
            Some((j, b)) => (
                j,
                Some((
                    b,
                    self.text[self.toks[i].start..self.toks[j - 1].end].to_lowercase(),
                )),
            ),
            None => (i, None),
        };
        let between = self.low(after_hedge) == "between";
        let start_num = if between {
            after_hedge + 1
        } else {
            after_hedge
        };
        let (currency, num_at) = match self.currency_at(start_num) {
            Some((c, j)) => (Some(c), j),
            None => (None, start_num),
        };
        let mut n = self.number(num_at, currency.is_some())?;
        if hedge.is_none() && i != num_at && currency.is_none() && !between {
            return None;
        }
        if self.is(num_at, TokKind::Word)
            && num_at > 0
            && self.low(num_at - 1) == "-"
            && self.attached(num_at)
        {
            return None;
        }

        let mut j = n.next;
        let mut range_high: Option<(f64, bool)> = None;
        let dash =
            matches!(self.low(j), "-" | "–" | "—") && self.attached(j) && self.attached(j + 1);
        let word_sep = matches!(self.low(j), "to") || (between && self.low(j) == "and");
        if (dash || word_sep) && !n.vague && !n.fraction {
            let k = j + 1;
            let k = if self.currency_at(k).is_some() {
                self.currency_at(k).map(|(_, k)| k).unwrap_or(k)
            } else {
                k
            };
            if let Some(m) = self.number(k, currency.is_some()) {
                if let (Some(a), Some(b)) = (n.value, m.value) {
                    let a_scaled = if m.scaled && !n.scaled {
                        a * (b / self.digits(k).map_or(b, |d| d.0))
                    } else {
                        a
                    };
                    if b > a_scaled || (word_sep && b >= a_scaled) {
                        n.value = Some(a_scaled);
                        range_high = Some((b, m.plain_digits));
                        j = m.next;
                    } else if dash && b < a {
                        return Some((None, m.next));
                    }
                }
            }
        }

        let mut approx = hedge.as_ref().map(|(_, h)| ustr(h));
        let mut bound = hedge.as_ref().map(|(b, _)| *b);
        let mut strong = false;
        if self.low(j) == "-" && self.attached(j) && self.low(j + 1) == "strong" {
            strong = true;
            j += 2;
        } else if self.low(j) == "-"
            && self.attached(j)
            && self.attached(j + 1)
            && self.unit_at(j + 1).is_some()
        {
            j += 1;
        }
        let mut unit = None;
        let mut kind = ustr("number");
        let mut canonical_unit = None;
        let mut factor = 1.0;
        let mut modifiers = Vec::new();
        let mut predicate = None;

        if let Some(code) = &currency {
            kind = ustr("money");
            unit = Some(ustr(code));
            if let Some(def) = lex.units.iter().find(|u| &u.unit == code) {
                factor = def.factor;
            }
            canonical_unit = Some(ustr("USD"));
        } else if let Some((u, k)) = (!strong).then(|| self.unit_at(j)).flatten() {
            let def = &lex.units[u];
            kind = ustr(&def.kind);
            unit = Some(ustr(&def.unit));
            factor = def.factor;
            canonical_unit = Some(ustr(
                lex.units
                    .iter()
                    .find(|d| d.kind == def.kind && d.factor == 1.0)
                    .map_or(&def.unit, |d| &d.unit),
            ));
            j = k;
        } else if let Some((noun, mods, k)) = (!n.fraction)
            .then(|| self.counted_noun(j, strong))
            .flatten()
        {
            let w = self.low(noun);
            let group = lex
                .count_nouns
                .get(w)
                .or_else(|| strong.then(|| lex.strong_bodies.get(w)).flatten());
            let state = self.predicate_at(noun).is_some();
            let inherit = previous.filter(|p| state && p.kind == "count" && p.unit.is_some());
            kind = ustr("count");
            if let Some(p) = inherit {
                unit = p.unit;
                canonical_unit = p.canonical_unit;
                modifiers = p.modifiers.to_vec();
                predicate = Some(ustr(w));
            } else {
                canonical_unit =
                    Some(group.map_or_else(|| ustr(&crate::text::fold_word(w)), |g| ustr(g)));
                unit = Some(ustr(w));
                modifiers = mods.iter().map(|&m| ustr(self.s(m))).collect();
                if let Some(p) = self.predicate_after(k) {
                    predicate = Some(ustr(self.low(p)));
                }
            }
            if let Some(g) = predicate.and_then(|p| lex.count_nouns.get(p.as_str()))
                && matches!(canonical_unit.as_deref(), Some("people" | "troops"))
            {
                canonical_unit = Some(ustr(g));
            }
            j = k;
        } else if n.fraction {
            kind = ustr("percent");
            unit = Some(ustr("%"));
            canonical_unit = Some(ustr("%"));
        } else if let Some(group) = (currency.is_none() && !strong)
            .then(|| self.cue_before(i))
            .flatten()
        {
            kind = ustr("count");
            unit = Some(ustr(&group));
            canonical_unit = Some(ustr(&group));
        }

        let at = if self.low(j) == "-" && self.attached(j) {
            j + 1
        } else {
            j
        };
        for (words, b) in lex.post_hedges.starting_with(self.low(at)) {
            if let Some(k) = self.phrase(at, words)
                && !matches!(self.low(k), "than" | "of")
                && !self.is(k, TokKind::Num)
            {
                approx = Some(ustr(&words.join(" ")));
                bound = Some(*b);
                j = k;
                break;
            }
        }
        if n.plain_digits
            && range_high.is_none()
            && currency.is_none()
            && unit.is_none()
            && hedge.is_none()
        {
            let v = n.value.unwrap_or(0.0);
            if (1800.0..=2100.0).contains(&v) {
                return None;
            }
            if num_at > 0 {
                let prev = self.low(num_at - 1);
                let prev_raw = self.s(num_at - 1);
                if lex.reference_words.contains(prev)
                    || lex.reference_words.contains(&format!("{prev}."))
                {
                    return None;
                }
                if crate::text::is_capitalized(prev_raw)
                    && self.is(num_at - 1, TokKind::Word)
                    && !lex.months.contains_key(prev)
                    && self.word_number(num_at - 1).is_none()
                {
                    return None;
                }
            }
        }
        if n.word_one && unit.is_none() {
            let w = self.low(j);
            let noun_like = self.is(j, TokKind::Word)
                && !lex.is_stopword(w)
                && !lex.attribution_verbs.contains(w)
                && !w.ends_with("ed")
                && !crate::text::is_capitalized(self.s(j));
            if !noun_like {
                return None;
            }
            kind = ustr("count");
            unit = Some(ustr(w));
            canonical_unit = Some(
                lex.count_nouns
                    .get(w)
                    .map_or_else(|| ustr(&crate::text::fold_word(w)), |g| ustr(g)),
            );
            j += 1;
        }

        let (value, mut low, mut high) = match range_high {
            Some((hi, _)) => (None, n.value, Some(hi)),
            None => (n.value, n.low, n.high),
        };
        if n.vague {
            approx = Some(ustr(
                &self.text[self.toks[num_at].start..self.toks[n.next - 1].end]
                    .trim_end_matches(" of")
                    .to_lowercase(),
            ));
        }
        if let Some(v) = value {
            match bound {
                Some(HedgeBound::Upper) => high = Some(v),
                Some(HedgeBound::Lower) => low = Some(v),
                _ => {}
            }
        }
        let mid = value.or_else(|| match (low, high) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            (a, b) => a.or(b),
        });
        let q = Quantity {
            text: self.source.slice(self.toks[i].start..self.toks[j - 1].end),
            value,
            low,
            high,
            approx,
            unit,
            kind,
            canonical_value: mid.map(|m| m * factor),
            canonical_unit,
            modifiers: modifiers.into(),
            predicate,
            fact: None,
        };
        Some((Some(q), j))
    }
}

/// Every quantity in `text`, in order, with byte offsets into it.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    quantities_in(&Span::from(text), &dates::find_dates(text))
}

/// [`find_quantities`] for a text whose dates were already found (dates are not figures). The
/// figures' text points into `text`'s shared text; their offsets are within `text`.
pub fn quantities_in(text: &Span, found_dates: &[dates::DateMention]) -> Vec<Quantity> {
    Parser::new(text, found_dates, Lexicon::global()).parse_all()
}

#[cfg(test)]
#[path = "quantities_tests.rs"]
mod cases;
