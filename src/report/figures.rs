//! How a fact's figures read to people: values as written, the interval they span, the value
//! in the fact's unit with any conversion, the dates they hold at. Shared by the Facts view
//! and the reports.

use crate::extract::Extracted;
use crate::extract::Quantity;
use crate::index::Fact;
use crate::index::facts::{Conversion, FactDate};
use crate::lexicon::QuantityKind;

/// A number with thousands separators; two decimals at most below 100, none above
/// ("2,418", "0.5", "12.25").
pub fn fmt_value(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let rounded = if v.abs() >= 100.0 {
        v.round()
    } else {
        (v * 100.0).round() / 100.0
    };
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let frac = (rounded.abs().fract() * 100.0).round() as u64;
    if frac > 0 {
        let f = format!("{frac:02}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// The values a figure's wording states, in the fact's canonical unit: the value itself, or
/// the bounds it gives ("more than 40%": 40 and up; "between 10 and 20").
pub fn stated(q: &Quantity) -> Option<(f64, f64)> {
    let factor = match (q.canonical_value(), q.value()) {
        (Some(c), Some(v)) if v != 0.0 => c / v,
        (Some(c), None) => match (q.low(), q.high()) {
            (Some(lo), Some(hi)) if lo + hi != 0.0 => c / ((lo + hi) / 2.0),
            _ => 1.0,
        },
        _ => 1.0,
    };
    let (lo, hi) = match (q.value(), q.low(), q.high()) {
        (Some(v), _, _) => (v, v),
        (None, Some(lo), Some(hi)) => (lo, hi),
        (None, Some(lo), None) => (lo, lo),
        (None, None, Some(hi)) => (hi, hi),
        (None, None, None) => return None,
    };
    Some((lo * factor, hi * factor))
}

/// How a fact's values are shown: the canonical value divided by `factor`, in `unit`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub factor: f64,
    pub unit: String,
}

/// Durations compared in seconds read in the largest unit their values reach.
const DURATIONS: &[(f64, &str)] = &[
    (31_557_600.0, "years"),
    (2_629_800.0, "months"),
    (86_400.0, "days"),
    (3_600.0, "hours"),
    (60.0, "minutes"),
];

/// The scale a fact's values read in: counts in the noun most of its figures count,
/// durations in years, months, days, hours or minutes, other kinds in their canonical unit.
pub fn scale(f: &Fact, articles: &[Extracted]) -> Scale {
    let quantities = || f.members.iter().map(|m| m.quantity(articles));
    let canonical = quantities()
        .find_map(|q| q.canonical_unit)
        .or(f.unit)
        .map_or_else(String::new, |u| u.to_string());
    match f.kind {
        QuantityKind::Count => {
            let mut nouns: rustc_hash::FxHashMap<crate::text::Interned, (usize, usize)> =
                Default::default();
            for (i, u) in quantities().filter_map(|q| q.unit).enumerate() {
                nouns.entry(u).or_insert((0, i)).0 += 1;
            }
            // The most frequent noun; between equals, the first stated.
            let unit = nouns
                .into_iter()
                .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
                .map_or(canonical, |(u, _)| u.to_string());
            Scale { factor: 1.0, unit }
        }
        QuantityKind::Duration if canonical == "s" => {
            // Figures all written in one unit read in it ("15 months", not "1.25 years").
            let mut units = quantities().map(|q| q.unit);
            let first = units.next().flatten();
            if let Some((secs, name)) = first.filter(|_| units.all(|u| u == first)).and_then(|u| {
                DURATIONS
                    .iter()
                    .find(|(_, name)| name.strip_suffix('s') == Some(&u))
            }) {
                return Scale {
                    factor: *secs,
                    unit: name.to_string(),
                };
            }
            let largest = quantities()
                .filter_map(stated)
                .map(|(_, hi)| hi)
                .fold(0.0, f64::max);
            DURATIONS.iter().find(|(secs, _)| largest >= *secs).map_or(
                Scale {
                    factor: 1.0,
                    unit: "seconds".into(),
                },
                |(secs, name)| Scale {
                    factor: *secs,
                    unit: name.to_string(),
                },
            )
        }
        _ => Scale {
            factor: 1.0,
            unit: canonical,
        },
    }
}

/// The interval a fact's stated values span, in its canonical unit.
pub fn span(f: &Fact, articles: &[Extracted]) -> Option<(f64, f64)> {
    f.members
        .iter()
        .filter_map(|m| stated(m.quantity(articles)))
        .fold(None, |acc, (lo, hi)| match acc {
            None => Some((lo, hi)),
            Some((a, b)) => Some((f64::min(a, lo), f64::max(b, hi))),
        })
}

/// The span of a fact's values in its scale: "40,000–48,000 troops".
pub fn span_text(f: &Fact, articles: &[Extracted]) -> Option<String> {
    let sc = scale(f, articles);
    span(f, articles)
        .map(|(lo, hi)| with_unit(&fmt_interval((lo / sc.factor, hi / sc.factor)), &sc.unit))
}

/// A number followed by its unit: "40%", "800 km2", "12" (no unit), "1 day".
fn with_unit(value: &str, unit: &str) -> String {
    match unit {
        "" => value.to_string(),
        "%" => format!("{value}%"),
        u => format!("{value} {}", unit_after(value, u)),
    }
}

/// A duration's unit after one of it in the singular: "1 day", "about 1 day", "2 days".
fn unit_after<'u>(value: &str, unit: &'u str) -> &'u str {
    match unit.strip_suffix('s') {
        Some(one)
            if value.rsplit(' ').next() == Some("1")
                && DURATIONS.iter().any(|(_, name)| *name == unit) =>
        {
            one
        }
        _ => unit,
    }
}

/// "40,000" or "40,000–48,000".
pub fn fmt_interval((lo, hi): (f64, f64)) -> String {
    if fmt_value(lo) == fmt_value(hi) {
        fmt_value(lo)
    } else {
        format!("{}–{}", fmt_value(lo), fmt_value(hi))
    }
}

/// The distinct figures of a fact as written, in member order.
pub fn as_written<'a>(f: &Fact, articles: &'a [Extracted]) -> Vec<&'a str> {
    let mut seen = rustc_hash::FxHashSet::default();
    f.members
        .iter()
        .map(|m| m.quantity(articles).text.as_str())
        .filter(|t| seen.insert(*t))
        .collect()
}

/// A line of a fact's values lists at most this many; a fact of thousands of figures is
/// summed up by its first ones and its span.
const COMPACT_ITEMS: usize = 12;

/// A fact's distinct figures in a short line: each hedge and number once, in member order,
/// the unit after the numbers it follows ("nearly 40,000 · 40,000 · 47,000 troops",
/// "approximately 800 km2 · 309 mi2", "40% · more than 40%"); money and figures written in
/// words stay as written ("$1.5 million", "around half", "thousands of troops").
pub fn values_compact(f: &Fact, articles: &[Extracted]) -> String {
    let sc = scale(f, articles);
    let mut items: Vec<(String, String)> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut more = false;
    for m in &f.members {
        let q = m.quantity(articles);
        // Money reads best as written ("$1.5 million"); so do figures written in words.
        let digits = q.text.bytes().any(|b| b.is_ascii_digit()) && q.kind != QuantityKind::Money;
        let numeric = q.value().filter(|_| digits);
        let key = match numeric {
            Some(v) => (q.approx, v.to_bits(), q.unit, None),
            None => (None, 0, None, Some(q.text.as_str())),
        };
        if !seen.insert(key) {
            continue;
        }
        let item = match numeric {
            Some(v) => {
                let hedge = q.approx.map_or_else(String::new, |a| format!("{a} "));
                match (f.kind, q.unit.as_deref()) {
                    (_, Some("%")) => (format!("{hedge}{}%", fmt_value(v)), String::new()),
                    (QuantityKind::Count, _) => {
                        (format!("{hedge}{}", fmt_value(v)), sc.unit.clone())
                    }
                    (QuantityKind::Duration, _) => {
                        let c = q.canonical_value().unwrap_or(v);
                        (
                            format!("{hedge}{}", fmt_value(c / sc.factor)),
                            sc.unit.clone(),
                        )
                    }
                    (_, unit) => (
                        format!("{hedge}{}", fmt_value(v)),
                        unit.unwrap_or_default().to_string(),
                    ),
                }
            }
            None => (q.text.to_string(), String::new()),
        };
        if !items.contains(&item) {
            if items.len() == COMPACT_ITEMS {
                more = true;
                break;
            }
            items.push(item);
        }
    }
    let mut out = String::new();
    for (i, (value, unit)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        out.push_str(value);
        let next_unit = items.get(i + 1).map(|(_, u)| u);
        if !unit.is_empty() && next_unit != Some(unit) {
            out.push(' ');
            out.push_str(unit_after(value, unit));
        }
    }
    if more {
        out.push_str(" · …");
    }
    out
}

/// A figure in its fact's scale, saying what it was converted from when its unit differs
/// ("800 km2 (from mi2)", "3 months", "40,000 troops" for "40,000 personnel"); money compared in
/// dollars shows the dollars ("≈ 1,080,000 USD (from EUR)").
pub fn normalised(q: &Quantity, sc: &Scale, conversion: Option<&Conversion>) -> String {
    if let Some(c) = conversion {
        let value = c.value.unwrap_or((c.low + c.high) / 2.0);
        return format!("≈ {} USD (from {})", fmt_value(value), c.from);
    }
    let Some((lo, hi)) = stated(q) else {
        return q.approx.map_or_else(|| "?".into(), |a| a.to_string());
    };
    if q.kind == QuantityKind::Count {
        let value = fmt_interval((lo, hi));
        // Counted in the fact's noun: "40,000 troops" for "40,000 personnel" or "a
        // 40,000-strong group" (the written noun is beside it, in the figure as written);
        // a noun only brought to its singular ("sites", "site") reads as written.
        let noun = match (q.unit, q.canonical_unit) {
            (Some(written), Some(canonical)) if written.starts_with(canonical.as_str()) => {
                Some(written)
            }
            (written, canonical) => canonical.or(written),
        };
        return match noun {
            Some(u) => format!("{value} {u}"),
            None => value,
        };
    }
    let value = with_unit(&fmt_interval((lo / sc.factor, hi / sc.factor)), &sc.unit);
    match (q.unit, q.canonical_unit) {
        (Some(from), Some(to)) if from != to && q.kind != QuantityKind::Duration => {
            format!("{value} (from {from})")
        }
        _ => value,
    }
}

/// Sorts dates: a month before every day of it.
pub fn date_key(d: FactDate) -> (i32, u32, u32) {
    use chrono::Datelike;
    match d {
        FactDate::Day(d) => (d.year(), d.month(), d.day()),
        FactDate::Month(y, m) => (y, m, 0),
    }
}

/// The earliest and the latest date a fact's figures hold at.
pub fn first_last(f: &Fact) -> Option<(FactDate, FactDate)> {
    let mut dates = f.members.iter().filter_map(|m| m.date);
    let first = dates.next()?;
    Some(dates.fold((first, first), |(a, b), d| {
        (
            if date_key(d) < date_key(a) { d } else { a },
            if date_key(d) > date_key(b) { d } else { b },
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn values_read_with_separators_and_short_decimals() {
        let cases = [
            (1376.0, "1,376"),
            (800.31, "800"),
            (99.5, "99.5"),
            (50000.0, "50,000"),
            (0.5, "0.5"),
            (12.25, "12.25"),
            (-3200.0, "-3,200"),
            (999.0, "999"),
            (1_000_000.0, "1,000,000"),
            (f64::NAN, "?"),
        ];
        let got: Vec<String> = cases.iter().map(|(v, _)| fmt_value(*v)).collect();
        let want: Vec<&str> = cases.iter().map(|(_, s)| *s).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_count_is_normalised_to_the_noun_its_fact_counts() {
        let sc = Scale {
            factor: 1.0,
            unit: String::new(),
        };
        let cases = [
            ("Some 50,000 personnel were sent north.", "50,000 troops"),
            (
                "A 2,000-strong enemy group crossed the river.",
                "2,000 troops",
            ),
            ("About 300 homes lost power.", "300 homes"),
            ("The team looked at five sites.", "5 sites"),
            ("Three leaders met.", "3 leaders"),
        ];
        let got: Vec<String> = cases
            .iter()
            .map(|(t, _)| {
                let q = crate::extract::quantities::find_quantities(t, Lexicon::global()).remove(0);
                normalised(&q, &sc, None)
            })
            .collect();
        let want: Vec<&str> = cases.iter().map(|(_, w)| *w).collect();
        assert_eq!(got, want);
    }

    /// The fact with the most figures across one-sentence reports.
    fn largest_fact(texts: &[&str]) -> (crate::index::Index, usize) {
        use crate::corpus::{Document, build_articles};
        let articles = build_articles(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::plain(&format!("{i}.txt"), format!("Fire\n\n{t}\n")))
                .collect(),
            Lexicon::global(),
        );
        let index = crate::index::Index::build(
            crate::extract::extract_all(articles, Lexicon::global()),
            Lexicon::global(),
        );
        let at = (0..index.facts.len())
            .max_by_key(|&i| index.facts[i].members.len())
            .expect("a fact");
        (index, at)
    }

    #[test]
    fn a_facts_values_read_once_each_with_hedges_and_units() {
        let (index, at) = largest_fact(&[
            "About 1,200 people fled the fire on 2 June 2022, officials said.",
            "About 1,200 people fled the fire on 2 June 2022, the mayor said.",
            "Some 1,200 people fled the fire on 2 June 2022, firefighters said.",
            "Firefighters said 1,500 people fled the fire on 2 June 2022.",
        ]);
        let f = &index.facts[at];
        let line = values_compact(f, &index.articles);
        assert_eq!(f.members.len(), 4, "{line}");
        assert_eq!(line, "about 1,200 · some 1,200 · 1,500 people");
    }

    #[test]
    fn durations_read_in_the_unit_they_were_written_in() {
        let cases: [(&[&str], &str, &str); 3] = [
            (
                &[
                    "The ferry strike lasted 15 months, the union said.",
                    "The ferry strike lasted 14 months, the company said.",
                ],
                "15 · 14 months",
                "14–15 months",
            ),
            (
                &[
                    "The ferry strike lasted 18 months, the union said.",
                    "The ferry strike lasted 1.5 years, the company said.",
                ],
                "1.5 years",
                "1.5 years",
            ),
            (
                &["The ferry strike lasted one day, the union said."],
                "one day",
                "1 day",
            ),
        ];
        for (texts, values, span) in cases {
            let (index, at) = largest_fact(texts);
            let f = &index.facts[at];
            assert_eq!(values_compact(f, &index.articles), values, "{texts:?}");
            assert_eq!(
                span_text(f, &index.articles).as_deref(),
                Some(span),
                "{texts:?}"
            );
        }
    }

    #[test]
    fn an_interval_of_one_value_reads_as_the_value() {
        assert_eq!(fmt_interval((40.0, 40.0)), "40");
        assert_eq!(fmt_interval((50000.0, 60000.0)), "50,000–60,000");
    }
}
