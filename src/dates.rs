//! Finding dates in text ("November 11, 2024", "Nov. 22", "on Monday", "last week") and
//! resolving them against a report's own date.

use std::collections::BTreeMap;

use crate::text::WordRegex;
use chrono::{Datelike, Duration, NaiveDate};

use crate::lexicon::{DerivedTable, Lexicon, word_class};

/// What a date mention says, before it is resolved against the report's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// A calendar date; the year may be missing ("Nov. 22").
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A month, of a year or not ("February 2022", "in August").
    Month { year: Option<i32>, month: u32 },
    /// A year alone ("in 2022").
    Year(i32),
    /// A weekday, `offset` -1 for "last", +1 for "next", 0 for "on Monday".
    Weekday { weekday: u32, offset: i32 },
    /// Days from the report's date ("yesterday": -1).
    RelativeDays(i64),
    /// A week, month or year relative to the report's date ("last week": ("week", -1)).
    RelativePeriod { unit: String, offset: i32 },
}

/// A date found in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    /// Preceded by "as of", "since" and the like: the figure holds at that date.
    pub as_of: bool,
}

struct Patterns {
    iso: WordRegex,
    month_day: WordRegex,
    day_month: WordRegex,
    month_year: WordRegex,
    month_only: WordRegex,
    year: WordRegex,
    weekday: WordRegex,
    relative: WordRegex,
}

fn alternation<'a>(words: impl Iterator<Item = &'a String>, capitalize: bool) -> String {
    let mut w: Vec<String> = words
        .map(|w| {
            let mut c = w.chars();
            let first = c
                .next()
                .map(|f| {
                    if capitalize {
                        f.to_uppercase().collect::<String>()
                    } else {
                        f.to_string()
                    }
                })
                .unwrap_or_default();
            regex::escape(&(first + c.as_str()))
        })
        .collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.join("|")
}

/// The date patterns, compiled from `lex` once.
fn patterns(lex: &Lexicon) -> &Patterns {
    lex.derived(DerivedTable::DatePatterns, |lex| {
        let months = alternation(lex.months.keys(), true);
        let weekdays = alternation(lex.weekdays.keys().filter(|k| k.len() > 4), true);
        let mut relative: Vec<&String> = lex.relative_days.keys().chain(lex.relative_periods.keys()).collect();
        relative.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let relative = relative.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|");
        let re = |s: &str| WordRegex::new(s).expect("date pattern compiles");
        Patterns {
            iso: re(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"),
            month_day: re(&format!(r"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")),
            day_month: re(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({months})\b\.?(?:,?\s+(\d{{4}})\b)?")),
            month_year: re(&format!(r"\b({months})\.?,?\s+(\d{{4}})\b")),
            month_only: re(&format!(r"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id|[Ff]rom|[Uu]ntil|[Bb]y|[Tt]hrough)[ -]({months})\b")),
            year: re(r"(?i)\b(?:(?:in|since|by|from|until|during|of|early|late|mid)\s+|mid-)((?:1[89]|20)\d\d)\b"),
            weekday: re(&format!(r"\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?({weekdays})s?\b")),
            relative: re(&format!(r"(?i)\b(?:earlier |later )?({relative})\b")),
        }
    })
}

/// The matches of a pattern in `text`, none without reading it when its cue is absent.
fn captures<'t>(
    re: &'t WordRegex,
    text: &'t str,
    cue: bool,
) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    cue.then(|| re.captures_iter(text)).into_iter().flatten()
}

fn month_number(lex: &Lexicon, name: &str) -> Option<u32> {
    crate::text::with_lower(name, |l| lex.months.get(l).copied())
}

/// Which kinds of date a text can hold, found in one cheap pass so that patterns that cannot
/// match are not run.
struct Cues {
    digits: bool,
    /// A run of exactly four digits: what a year needs.
    four_digits: bool,
    /// Such a run followed by a hyphen: what an ISO date needs.
    four_digits_hyphen: bool,
    month: bool,
    weekday: bool,
    relative: bool,
}

impl Cues {
    /// The cues of `text`, whose words come each with its lowercase form and its
    /// [`Lexicon::word_class`] if known.
    fn of<'t>(
        text: &str,
        words: impl Iterator<Item = (&'t str, Option<(&'t str, u16)>)>,
        lex: &Lexicon,
    ) -> Cues {
        // Runs of exactly four ASCII digits, and whether one is followed by a hyphen.
        let (mut four_digits, mut four_digits_hyphen) = (false, false);
        let bytes = text.as_bytes();
        let mut at = 0;
        for run in bytes.split(|b| !b.is_ascii_digit()) {
            if run.len() == 4 {
                four_digits = true;
                four_digits_hyphen |= bytes.get(at + 4) == Some(&b'-');
            }
            at += run.len() + 1;
        }
        let mut c = Cues {
            digits: text.bytes().any(|b| b.is_ascii_digit()),
            four_digits,
            four_digits_hyphen,
            month: false,
            weekday: false,
            relative: false,
        };
        for (w, known) in words {
            if c.month && c.weekday && c.relative {
                break;
            }
            let trimmed = w.trim_end_matches('.');
            let mut read = |lower: &str, class: Option<u16>| {
                let found = class.unwrap_or_else(|| lex.word_class(lower));
                if crate::text::is_capitalized(w) {
                    c.month |= found & word_class::MONTH != 0;
                    // "Mondays" is a weekday's.
                    let key = lower
                        .strip_suffix('s')
                        .filter(|_| lower.len() > 6)
                        .unwrap_or(lower);
                    let of_key = if key.len() == lower.len() {
                        found
                    } else {
                        lex.word_class(key)
                    };
                    c.weekday |= of_key & word_class::WEEKDAY != 0;
                }
                c.relative |= found & word_class::RELATIVE_DATE_HEAD != 0;
            };
            match known {
                Some((lower, class)) if trimmed.len() == w.len() => read(lower, Some(class)),
                _ => crate::text::with_lower(trimmed, |l| read(l, None)),
            }
        }
        c
    }
}

/// Every date mention in `text`, in order, without overlaps.
pub fn find_dates(text: &str, lex: &Lexicon) -> Vec<DateMention> {
    dates_with_cues(
        text,
        Cues::of(text, crate::text::words(text).map(|(_, w)| (w, None)), lex),
        lex,
    )
}

/// [`find_dates`] for a text already split into its words (`text::words`), each also
/// lowercased (`lows`, in the same order) and classed (`classes`, [`Lexicon::word_class`]).
pub fn find_dates_in(
    text: &str,
    words: &[(usize, &str)],
    lows: crate::text::Lows<'_>,
    classes: &[u16],
    lex: &Lexicon,
) -> Vec<DateMention> {
    let words = words
        .iter()
        .enumerate()
        .map(|(i, &(_, w))| (w, lows.get(i).zip(classes.get(i).copied())));
    dates_with_cues(text, Cues::of(text, words, lex), lex)
}

/// The dates in `text`, running only the patterns its cues allow.
fn dates_with_cues(text: &str, cue: Cues, lex: &Lexicon) -> Vec<DateMention> {
    let p = patterns(lex);
    let mut found: Vec<DateMention> = Vec::new();
    // The spans taken so far, start to end: a new mention is checked against its two
    // neighbours, not against every mention found.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut push = |start: usize, end: usize, value: DateValue| {
        let before_free = taken
            .range(..end)
            .next_back()
            .is_none_or(|(_, &e)| e <= start);
        if before_free {
            taken.insert(start, end);
            found.push(DateMention {
                start,
                end,
                value,
                as_of: false,
            });
        }
    };
    for c in captures(&p.iso, text, cue.four_digits_hyphen) {
        let m = c.get(0).expect("match");
        let (y, mo, d) = (c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok());
        if let (Some(y), Some(mo), Some(d)) = (y, mo, d)
            && NaiveDate::from_ymd_opt(y, mo, d).is_some()
        {
            push(
                m.start(),
                m.end(),
                DateValue::Day {
                    year: Some(y),
                    month: mo,
                    day: d,
                },
            );
        }
    }
    let month_digits = cue.month && cue.digits;
    for c in captures(&p.month_day, text, month_digits) {
        let m = c.get(0).expect("match");
        let Some(month) = month_number(lex, &c[1]) else {
            continue;
        };
        let Ok(day) = c[2].parse::<u32>() else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        push(m.start(), m.end(), DateValue::Day { year, month, day });
    }
    for c in captures(&p.day_month, text, month_digits) {
        let m = c.get(0).expect("match");
        let Some(month) = month_number(lex, &c[2]) else {
            continue;
        };
        let Ok(day) = c[1].parse::<u32>() else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        push(m.start(), m.end(), DateValue::Day { year, month, day });
    }
    for c in captures(&p.month_year, text, cue.month && cue.four_digits) {
        let m = c.get(0).expect("match");
        let (Some(month), Ok(year)) = (month_number(lex, &c[1]), c[2].parse()) else {
            continue;
        };
        push(
            m.start(),
            m.end(),
            DateValue::Month {
                year: Some(year),
                month,
            },
        );
    }
    for c in captures(&p.month_only, text, cue.month) {
        let m = c.get(1).expect("group");
        let Some(month) = month_number(lex, m.as_str()) else {
            continue;
        };
        if m.as_str() == "May" {
            continue;
        }
        push(m.start(), m.end(), DateValue::Month { year: None, month });
    }
    for c in captures(&p.weekday, text, cue.weekday) {
        let m = c.get(0).expect("match");
        let Some(&weekday) = lex.weekdays.get(&c[2].to_lowercase()) else {
            continue;
        };
        let offset = match c.get(1).map(|m| m.as_str().to_lowercase()).as_deref() {
            Some("last") => -1,
            Some("next") => 1,
            _ => 0,
        };
        push(m.start(), m.end(), DateValue::Weekday { weekday, offset });
    }
    for c in captures(&p.relative, text, cue.relative) {
        let m = c.get(0).expect("match");
        let key = c[1].to_lowercase();
        if let Some(&days) = lex.relative_days.get(&key) {
            push(m.start(), m.end(), DateValue::RelativeDays(days));
        } else if let Some(code) = lex.relative_periods.get(&key)
            && let Some((unit, offset)) = parse_period(code)
        {
            push(
                m.start(),
                m.end(),
                DateValue::RelativePeriod { unit, offset },
            );
        }
    }
    for c in captures(&p.year, text, cue.four_digits) {
        let y = c.get(1).expect("group");
        if let Ok(year) = y.as_str().parse() {
            push(y.start(), y.end(), DateValue::Year(year));
        }
    }
    found.sort_by_key(|m| m.start);
    for m in &mut found {
        m.as_of = follows_as_of(&text[..m.start], lex);
    }
    found
}

/// Whether `before` ends with an "as of" phrase (a whole word or words), read from its last
/// few words only: each date looks back a bounded distance, so finding dates stays linear.
/// The longest phrase is measured once for each lexicon.
fn follows_as_of(before: &str, lex: &Lexicon) -> bool {
    let longest = *lex.derived(DerivedTable::LongestAsOf, |lex| {
        lex.as_of.iter().map(String::len).max().unwrap_or(0)
    });
    let before = before.trim_end();
    // Lowercasing may lengthen a character, so take a generous tail: one word more than the
    // longest phrase, in characters as wide as UTF-8 allows.
    let mut from = before.len().saturating_sub(4 * (longest + 1));
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let whole = from == 0;
    let ends_with_phrase = |tail: &str| {
        lex.as_of.iter().any(|p| {
            tail.strip_suffix(p.as_str())
                .is_some_and(|rest| rest.ends_with(' ') || (rest.is_empty() && whole))
        })
    };
    // Every date reads its tail: an ASCII one is lowercased on the stack.
    let tail = &before[from..];
    let mut buf = [0u8; 128];
    match buf.get_mut(..tail.len()) {
        Some(low) if tail.is_ascii() => {
            low.copy_from_slice(tail.as_bytes());
            low.make_ascii_lowercase();
            ends_with_phrase(std::str::from_utf8(low).expect("ASCII stays UTF-8"))
        }
        _ => ends_with_phrase(&tail.to_lowercase()),
    }
}

fn parse_period(code: &str) -> Option<(String, i32)> {
    let unit_end = code.find(|c: char| c == '-' || c.is_ascii_digit())?;
    let (unit, offset) = code.split_at(unit_end);
    Some((unit.to_string(), offset.parse().ok()?))
}

impl DateValue {
    /// The ISO 8601 form (`2024-11-22`, `2022-02`, `2024`, `2024-W45`), resolved against
    /// `anchor` (the report's date) where the mention needs it; `None` when it cannot be.
    pub fn resolve(&self, anchor: Option<NaiveDate>) -> Option<String> {
        match *self {
            DateValue::Day {
                year: Some(y),
                month,
                day,
            } => NaiveDate::from_ymd_opt(y, month, day).map(|d| d.to_string()),
            DateValue::Day {
                year: None,
                month,
                day,
            } => nearest_year(anchor?, month, day).map(|d| d.to_string()),
            DateValue::Month {
                year: Some(year),
                month,
            } => Some(format!("{year:04}-{month:02}")),
            DateValue::Month { year: None, month } => {
                let a = anchor?;
                let year = if month <= a.month() + 1 {
                    a.year()
                } else {
                    a.year() - 1
                };
                Some(format!("{year:04}-{month:02}"))
            }
            DateValue::Year(y) => Some(format!("{y:04}")),
            DateValue::Weekday { weekday, offset } => {
                let anchor = anchor?;
                let today = anchor.weekday().num_days_from_monday() as i64;
                let back = (today - weekday as i64).rem_euclid(7);
                let d = match offset {
                    1 => anchor + Duration::days((weekday as i64 - today).rem_euclid(7).max(1)),
                    -1 => anchor - Duration::days(if back == 0 { 7 } else { back }),
                    _ => anchor - Duration::days(back),
                };
                Some(d.to_string())
            }
            DateValue::RelativeDays(n) => Some((anchor? + Duration::days(n)).to_string()),
            DateValue::RelativePeriod { ref unit, offset } => {
                let a = anchor?;
                match unit.as_str() {
                    "week" => {
                        let w = (a + Duration::days(7 * offset as i64)).iso_week();
                        Some(format!("{:04}-W{:02}", w.year(), w.week()))
                    }
                    "month" => {
                        let m0 = a.year() * 12 + a.month0() as i32 + offset;
                        Some(format!(
                            "{:04}-{:02}",
                            m0.div_euclid(12),
                            m0.rem_euclid(12) + 1
                        ))
                    }
                    "year" => Some(format!("{:04}", a.year() + offset)),
                    _ => None,
                }
            }
        }
    }

    /// The calendar date, when the mention names one day.
    pub fn day(&self, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            DateValue::Day { .. } | DateValue::Weekday { .. } | DateValue::RelativeDays(_) => {
                NaiveDate::parse_from_str(&self.resolve(anchor)?, "%Y-%m-%d").ok()
            }
            _ => None,
        }
    }
}

/// The date with that month and day closest to `anchor` (a year before, the same, or after).
fn nearest_year(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

/// Reads a single date from a metadata string ("2024-11-11T17:20:00Z", "November 11, 2024").
pub fn parse_date(s: &str, lex: &Lexicon) -> Option<NaiveDate> {
    find_dates(s, lex)
        .iter()
        .find_map(|m| match m.value {
            DateValue::Day { year: Some(_), .. } => m.value.day(None),
            _ => None,
        })
        .or_else(|| numeric_date(s))
}

/// "16/09/2023" or "09/16/2023": read only where the order is plain (one part over 12).
fn numeric_date(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split(['/', '.']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.get(..4)?.parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => NaiveDate::from_ymd_opt(y, b, a),
        (false, true) => NaiveDate::from_ymd_opt(y, a, b),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str, anchor: &str) -> Vec<Option<String>> {
        let a = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
        find_dates(text, Lexicon::global())
            .iter()
            .map(|m| m.value.resolve(a))
            .collect()
    }

    fn one(text: &str, anchor: &str) -> Option<String> {
        let all = iso(text, anchor);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().flatten()
    }

    #[test]
    fn absolute_dates() {
        let cases = [
            ("on November 11, 2024 at noon", "2024-11-11"),
            ("Nov 23, 2024 - 23:00", "2024-11-23"),
            ("published 2024-11-11T17:20:00Z", "2024-11-11"),
            (
                "its 1990 plan, a €1234 grant, filed 2021-05-04",
                "2021-05-04",
            ),
            ("held on 3 March 2023 in Paris", "2023-03-03"),
            ("the 4th of July, 1976", "1976-07-04"),
            ("Sept. 9, 2001", "2001-09-09"),
            ("on Jan. 6th, 2021", "2021-01-06"),
            ("since February 2022", "2022-02"),
            ("elected in 2019", "2019"),
            ("by mid-2025", "2025"),
            ("the offensive in August", "2029-08"),
            ("since early March", "2029-03"),
        ];
        for (text, want) in cases {
            assert_eq!(one(text, "2030-01-01").as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn years_come_from_the_report_date() {
        let cases = [
            ("reported on Nov. 22, citing", "2024-11-23", "2024-11-22"),
            ("launched on Aug. 6.", "2024-11-22", "2024-08-06"),
            ("as of Nov. 4", "2024-11-11", "2024-11-04"),
            ("the vote on Dec. 30", "2025-01-02", "2024-12-30"),
            ("talks on Jan. 3", "2024-12-29", "2025-01-03"),
            ("on 14 February", "2020-02-20", "2020-02-14"),
        ];
        for (text, anchor, want) in cases {
            assert_eq!(one(text, anchor).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn relative_dates_resolve_against_the_report() {
        let cases = [
            ("He spoke on Monday.", "2024-11-14", "2024-11-11"),
            ("told CNN on Sunday", "2024-11-14", "2024-11-10"),
            ("statements on Thursday", "2024-11-14", "2024-11-14"),
            ("last Thursday", "2024-11-14", "2024-11-07"),
            ("next Friday", "2024-11-14", "2024-11-15"),
            ("Police said yesterday", "2023-03-02", "2023-03-01"),
            ("announced today", "2023-03-02", "2023-03-02"),
            ("Starting last week, clashes", "2024-11-14", "2024-W45"),
            ("earlier this month", "2024-11-14", "2024-11"),
            ("last year", "2024-11-14", "2023"),
            ("launched in August", "2024-11-11", "2024-08"),
            ("set for early December", "2024-11-11", "2024-12"),
        ];
        for (text, anchor, want) in cases {
            assert_eq!(one(text, anchor).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn unresolved_without_a_report_date_but_still_found() {
        assert_eq!(iso("on Monday", ""), vec![None]);
        assert_eq!(iso("Nov. 22", ""), vec![None]);
    }

    #[test]
    fn not_dates() {
        for text in [
            "You may go.",
            "They march on.",
            "a sunday roast",
            "2,024 people",
            "May we?",
            "the 79th brigade",
        ] {
            assert!(find_dates(text, Lexicon::global()).is_empty(), "{text}");
        }
    }

    #[test]
    fn as_of_is_marked() {
        let m = find_dates("stationed there as of Nov. 4", Lexicon::global());
        assert!(m[0].as_of);
        let m = find_dates("stationed there on Nov. 4", Lexicon::global());
        assert!(!m[0].as_of);
    }

    #[test]
    fn metadata_dates() {
        assert_eq!(
            parse_date("2024-11-11T17:20:00+02:00", Lexicon::global()),
            NaiveDate::from_ymd_opt(2024, 11, 11)
        );
        assert_eq!(
            parse_date("November 11, 2024 5:20 PM", Lexicon::global()),
            NaiveDate::from_ymd_opt(2024, 11, 11)
        );
        assert_eq!(parse_date("Nov. 22", Lexicon::global()), None);
        assert_eq!(
            parse_date("16/09/2023", Lexicon::global()),
            NaiveDate::from_ymd_opt(2023, 9, 16)
        );
        assert_eq!(
            parse_date("09/16/2023", Lexicon::global()),
            NaiveDate::from_ymd_opt(2023, 9, 16)
        );
        assert_eq!(
            parse_date("03/04/2023", Lexicon::global()),
            None,
            "day and month could be either"
        );
    }
}
