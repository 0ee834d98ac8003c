//! A fact's verdict from its members' honest intervals, and the reason for it in words and as
//! data.
//!
//! Agree: every interval shares a value (hedges and rounding read by `Quantity::interval`,
//! money converted to dollars at the year's rate). Evolving: the intervals do not meet, but
//! the fact counts something that grows or is revised and its dated reports move one way.
//! Conflict: they cannot all hold. Single: one report states it.

use crate::text::Interned;
use chrono::NaiveDate;
use serde::Serialize;

use super::{FactDate, Verdict};
use crate::extract::Quantity;

/// The rule a verdict rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonRule {
    /// One report states the fact.
    OneSource,
    /// Every source gives the same exact figure.
    Same,
    /// The intervals share a value.
    Overlap,
    /// Two intervals do not meet.
    Disjoint,
    /// Two intervals do not meet and their figures are of different orders of magnitude.
    Magnitude,
    /// Dated figures of a quantity that accumulates or is revised, moving up.
    Rising,
    /// The same, moving down.
    Falling,
}

/// One figure a verdict compares, in the fact's canonical unit (money in dollars).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// Position in the fact's `members`.
    pub member: usize,
    #[serde(serialize_with = "crate::extract::number")]
    pub low: f64,
    #[serde(serialize_with = "crate::extract::number")]
    pub high: f64,
    pub date: Option<FactDate>,
}

/// A money figure converted to dollars for comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversion {
    /// Position in the fact's `members`.
    pub member: usize,
    /// The currency converted from ("EUR").
    pub from: Interned,
    /// Dollars per unit: one yearly rate, or the lowest and highest of the listed years when
    /// the figure's year is unknown.
    pub rate: [f64; 2],
    /// The year whose rate was used, `null` when unknown.
    pub year: Option<i32>,
    /// The years the rates cover.
    pub years: [i32; 2],
    /// The dollar interval compared, the rates' tolerance included.
    #[serde(serialize_with = "crate::extract::number")]
    pub low: f64,
    #[serde(serialize_with = "crate::extract::number")]
    pub high: f64,
    /// The figure's own value in dollars.
    #[serde(serialize_with = "crate::extract::opt_number")]
    pub value: Option<f64>,
}

/// Why a verdict, as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonDetail {
    pub rule: ReasonRule,
    /// The values every member allows (agree), in the fact's canonical unit.
    pub common: Option<[f64; 2]>,
    /// The figures the verdict turns on: the two furthest apart (agree), the two that cannot
    /// both hold (conflict), the earliest and the latest (evolving).
    pub compared: Vec<Compared>,
    /// Money converted to dollars to be compared.
    pub conversions: Vec<Conversion>,
}

/// A member's figure as the verdict reads it.
pub(super) struct Value<'a> {
    pub member: usize,
    pub quantity: &'a Quantity,
    pub interval: Option<(f64, f64)>,
    pub day: Option<NaiveDate>,
    pub conversion: Option<Conversion>,
}

impl Value<'_> {
    fn compared(&self) -> Compared {
        let (low, high) = bounds(self);
        Compared {
            member: self.member,
            low,
            high,
            date: self.day.map(FactDate::Day),
        }
    }

    /// The value as stated, in canonical units: the figure itself, else the bound it
    /// states ("hundreds of thousands": 200,000).
    fn stated(&self) -> f64 {
        let q = self.quantity;
        let raw = q.value().or(q.low()).or(q.high());
        match (
            raw,
            q.canonical_value(),
            q.value()
                .or(q.low().zip(q.high()).map(|(a, b)| (a + b) / 2.0)),
        ) {
            (Some(r), Some(c), Some(m)) if m != 0.0 => r * c / m,
            (Some(r), _, _) => r,
            _ => self.mid(),
        }
    }

    fn mid(&self) -> f64 {
        self.interval.map_or(f64::NAN, |(a, b)| (a + b) / 2.0)
    }

    /// The figure as written.
    fn text(&self) -> String {
        self.quantity.text.as_str().to_string()
    }

    fn dated(&self) -> String {
        match self.day {
            Some(d) => format!("{} ({})", self.text(), d.format("%b %-d")),
            None => self.text(),
        }
    }
}

/// A verdict with its reason, before the conversions are attached.
struct Judged {
    verdict: Verdict,
    why: String,
    rule: ReasonRule,
    common: Option<[f64; 2]>,
    compared: Vec<Compared>,
}

/// The verdict on a fact's members stated by `sources` reports, and its reason.
pub(super) fn judge(
    values: &[Value],
    sources: usize,
    accumulates: bool,
) -> (Verdict, String, ReasonDetail) {
    let j = decide(values, sources, accumulates);
    let detail = ReasonDetail {
        rule: j.rule,
        common: j.common,
        compared: j.compared,
        conversions: values.iter().filter_map(|v| v.conversion.clone()).collect(),
    };
    (j.verdict, j.why, detail)
}

fn bounds(v: &Value) -> (f64, f64) {
    v.interval.unwrap_or((f64::NAN, f64::NAN))
}

/// The reason of a fact stated by one source, `mentions` times.
pub(super) fn one_source_reason(mentions: usize) -> String {
    match mentions {
        1 => "stated by one source only".to_string(),
        n => format!("stated by one source only ({n} mentions)"),
    }
}

fn decide(values: &[Value], sources: usize, accumulates: bool) -> Judged {
    if sources < 2 {
        let why = one_source_reason(values.len());
        return Judged {
            verdict: Verdict::Single,
            why,
            rule: ReasonRule::OneSource,
            common: None,
            compared: vec![],
        };
    }
    let known: Vec<&Value> = values.iter().filter(|v| v.interval.is_some()).collect();
    let lo = known.iter().map(|v| bounds(v).0).fold(f64::MIN, f64::max);
    let hi = known.iter().map(|v| bounds(v).1).fold(f64::MAX, f64::min);
    if known.len() < 2 || lo <= hi {
        return agree(values, &known, sources, (lo, hi));
    }
    if accumulates && let Some(found) = evolving(&known) {
        return found;
    }
    // The two figures furthest apart: the lowest upper bound and the highest lower bound.
    let (Some(low), Some(high)) = (
        known
            .iter()
            .min_by(|a, b| bounds(a).1.total_cmp(&bounds(b).1)),
        known
            .iter()
            .max_by(|a, b| bounds(a).0.total_cmp(&bounds(b).0)),
    ) else {
        return agree(values, &known, sources, (lo, hi));
    };
    let magnitude = different_magnitude(low.stated(), high.stated());
    let why = format!(
        "{} and {} cannot both hold{}",
        low.text(),
        high.text(),
        if magnitude {
            ": a different order of magnitude"
        } else {
            ""
        }
    );
    Judged {
        verdict: Verdict::Conflict,
        why: with_conversions(why, values),
        rule: if magnitude {
            ReasonRule::Magnitude
        } else {
            ReasonRule::Disjoint
        },
        common: None,
        compared: vec![low.compared(), high.compared()],
    }
}

fn agree(values: &[Value], known: &[&Value], sources: usize, (lo, hi): (f64, f64)) -> Judged {
    let common = (known.len() >= 2).then_some([lo, hi]);
    let a = known.iter().min_by(|a, b| a.mid().total_cmp(&b.mid()));
    let b = known.iter().max_by(|a, b| a.mid().total_cmp(&b.mid()));
    let compared: Vec<Compared> = a.into_iter().chain(b).map(|v| v.compared()).collect();
    let exact = |v: &Value| {
        let q = v.quantity;
        (q.approx.is_none() && q.low().is_none() && q.high().is_none() && v.conversion.is_none())
            .then_some(q.canonical_value())
            .flatten()
    };
    let exact_values: Vec<f64> = values.iter().filter_map(exact).collect();
    if exact_values.len() == values.len()
        && exact_values.windows(2).all(|w| w[0] == w[1])
        && let Some(first) = values.first()
    {
        return Judged {
            verdict: Verdict::Agree,
            why: format!(
                "the {sources} sources give the same figure: {}",
                first.text()
            ),
            rule: ReasonRule::Same,
            common,
            compared,
        };
    }
    let why = match values
        .iter()
        .find_map(|v| v.conversion.as_ref().map(|c| (v, c)))
    {
        Some((v, conv)) => {
            let usd = conv.value.unwrap_or(v.mid());
            let other = known
                .iter()
                .filter(|o| o.conversion.is_none() && o.mid().is_finite())
                .max_by(|a, b| (a.mid() - usd).abs().total_cmp(&(b.mid() - usd).abs()));
            let converted = conversion_words(v, conv);
            match other {
                Some(o) if o.mid() > 0.0 => {
                    let off = ((usd - o.mid()).abs() / o.mid() * 100.0).ceil();
                    format!("{converted}, within {off}% of {}", o.text())
                }
                _ => format!("{converted}; the {} values overlap", known.len()),
            }
        }
        None => format!(
            "the {} values overlap once hedges and rounding are read as intervals",
            known.len()
        ),
    };
    Judged {
        verdict: Verdict::Agree,
        why,
        rule: ReasonRule::Overlap,
        common,
        compared,
    }
}

/// "€2.8bn ≈ $3.3bn at 2018 rates".
fn conversion_words(v: &Value, c: &Conversion) -> String {
    let usd = c.value.map_or_else(|| "?".to_string(), dollars);
    match c.year {
        Some(y) => format!("{} ≈ {usd} at {y} rates", v.text()),
        None => format!(
            "{} ≈ {usd} at {}–{} rates (year unknown)",
            v.text(),
            c.years[0],
            c.years[1]
        ),
    }
}

/// Appends the conversions made to a reason.
fn with_conversions(why: String, values: &[Value]) -> String {
    let words: Vec<String> = values
        .iter()
        .filter_map(|v| v.conversion.as_ref().map(|c| conversion_words(v, c)))
        .collect();
    if words.is_empty() {
        why
    } else {
        format!("{why} ({})", words.join("; "))
    }
}

/// A dollar amount the way reports write it: "$3.3bn", "$450m", "$12,500".
fn dollars(v: f64) -> String {
    let short = |x: f64| {
        let s = format!("{x:.1}");
        s.trim_end_matches(".0").to_string()
    };
    if v.abs() >= 1e9 {
        format!("${}bn", short(v / 1e9))
    } else if v.abs() >= 1e6 {
        format!("${}m", short(v / 1e6))
    } else {
        format!("${}", grouped(v.round()))
    }
}

/// A whole number with thousands separators.
fn grouped(v: f64) -> String {
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Whether two values are of different orders of magnitude: one at least five times the
/// other and their powers of ten differ ("hundreds of thousands" and "1.8 million").
fn different_magnitude(a: f64, b: f64) -> bool {
    if !(a > 0.0 && b > 0.0) {
        return false;
    }
    let (lo, hi) = (a.min(b), a.max(b));
    hi / lo >= 5.0 && lo.log10().floor() != hi.log10().floor()
}

/// Evolving: the dated figures, grouped by day, agree within each day and move one way from
/// day to day (undated figures do not order anything).
fn evolving(known: &[&Value]) -> Option<Judged> {
    let mut by_day: std::collections::BTreeMap<NaiveDate, Vec<&Value>> = Default::default();
    for v in known {
        if let Some(day) = v.day {
            by_day.entry(day).or_default().push(v);
        }
    }
    if by_day.len() < 2 {
        return None;
    }
    let mut spans: Vec<(f64, f64, &Value)> = Vec::new();
    for vs in by_day.values() {
        let lo = vs.iter().map(|v| bounds(v).0).fold(f64::MIN, f64::max);
        let hi = vs.iter().map(|v| bounds(v).1).fold(f64::MAX, f64::min);
        if lo > hi {
            return None;
        }
        spans.push((lo, hi, vs[0]));
    }
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
            return None;
        }
        if step != 0 {
            direction = step;
        }
    }
    let (first, last) = (spans[0].2, spans[spans.len() - 1].2);
    let (rule, words, trend) = if direction > 0 {
        (ReasonRule::Rising, "above", "rising")
    } else {
        (ReasonRule::Falling, "below", "falling")
    };
    Some(Judged {
        verdict: Verdict::Evolving,
        why: format!("{} is {words} {}: {trend}", last.dated(), first.dated()),
        rule,
        common: None,
        compared: vec![first.compared(), last.compared()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_of_magnitude() {
        let table = [
            (500_000.0, 1_800_000.0, false),
            (200_000.0, 1_800_000.0, true),
            (28_000.0, 100_000.0, false),
            (20.0, 150.0, true),
            (40.0, 41.0, false),
        ];
        for (a, b, want) in table {
            assert_eq!(different_magnitude(a, b), want, "{a} vs {b}");
        }
    }

    #[test]
    fn dollars_as_reports_write_them() {
        let table = [
            (3.3e9, "$3.3bn"),
            (3.0e9, "$3bn"),
            (450e6, "$450m"),
            (12_500.0, "$12,500"),
        ];
        for (v, want) in table {
            assert_eq!(dollars(v), want);
        }
    }
}
