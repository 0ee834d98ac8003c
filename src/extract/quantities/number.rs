//! The number stage: a number read from tokens, before any unit. Digits with their groups,
//! sign and exponent ("2,418", "40 000", "-9.23", "1.2e5"); number words ("one hundred and
//! sixty-one", "3 hundred and 21"); fractions ("three fifths", "3 1/2", "¾") and mixed
//! numbers ("five and a half", "one million and a half"); scales ("1.5bn", "a quarter
//! million", "three dozen"); shares ("one in five"); vague magnitudes ("tens of thousands").

use super::Parser;
use crate::text::TokKind;

/// The most tokens one spelled number or fraction is read over.
const MAX_SPELLED: usize = 24;

/// Two-part digit fractions are read as fractions only with these denominators ("3/4",
/// "1/2"); other pairs ("24/7", "9/11") are codes or dates.
const FRACTION_DENOMINATORS: [u64; 11] = [2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 100];

/// A number read from tokens.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Number {
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The token after the number.
    pub next: usize,
    /// Digits alone, without separators, sign, decimals or scale: a candidate year or label.
    pub plain_digits: bool,
    pub scaled: bool,
    /// A vague magnitude ("thousands"): bounds only.
    pub vague: bool,
    /// A share of a whole ("two thirds of", "one in five"), as a percentage.
    pub share: bool,
    /// "one" alone: a figure only before a noun.
    pub word_one: bool,
    /// Begins with a word ("five", "half"), not digits or a symbol.
    pub spelled: bool,
}

/// What a place in the text holds.
pub(super) enum Read {
    Number(Number),
    /// Not a figure, to be passed over whole up to this token: an ordinal
    /// ("twenty-first"), a code ("24/7").
    Skip(usize),
}

/// The last part of a spelled or written whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    Unit,
    Tens,
    Multiplier,
    Digits,
}

/// A whole number read from words and digits ("two hundred and two thousand", "4 thousand 3
/// hundred and 21", "1.5 million").
#[derive(Debug, Clone, Copy)]
struct Cardinal {
    value: f64,
    next: usize,
    /// What was added after the last multiplier ("two" in "three hundred and two"): what a
    /// following "dozen" multiplies.
    tail: f64,
    /// The largest multiplier word read, 1 without one.
    multiplier: f64,
    last: Atom,
    /// Digits alone, no word.
    digits_only: bool,
    /// Digits alone, no separator, decimal point or exponent.
    plain: bool,
}

impl Parser<'_> {
    /// A number at `i`, signed or not.
    pub(super) fn number(&self, i: usize, money: bool) -> Option<Read> {
        let Some(after_sign) = self.sign_at(i) else {
            return self.unsigned(i, money);
        };
        match self.unsigned(after_sign, money)? {
            Read::Number(mut n) => {
                let neg = |v: Option<f64>| v.map(|v| -v);
                n.value = neg(n.value);
                (n.low, n.high) = (neg(n.high), neg(n.low));
                n.plain_digits = false;
                n.word_one = false;
                Some(Read::Number(n))
            }
            skip => Some(skip),
        }
    }

    /// The token after a minus sign at `i`: "minus 5", "negative one", "-9.23" and "−3" (a
    /// hyphen only right before digits, not after a word or number it would join).
    fn sign_at(&self, i: usize) -> Option<usize> {
        let w = self.low(i);
        if self.is(i, TokKind::Word) && self.lex.negative_words.contains(w) {
            let n = i + 1;
            return (self.is(n, TokKind::Num) || self.is_number_word(n)).then_some(n);
        }
        let joins_before = i > 0 && self.attached(i) && !self.is(i - 1, TokKind::Sym);
        (matches!(w, "-" | "−")
            && !joins_before
            && self.is(i + 1, TokKind::Num)
            && self.attached(i + 1))
        .then_some(i + 1)
    }

    fn unsigned(&self, i: usize, money: bool) -> Option<Read> {
        let lex = self.lex;
        let base = Number {
            next: i,
            ..Number::default()
        };
        if self.is(i, TokKind::Num) {
            // Digits: no phrase, fraction word or ordinal starts here.
            let c = self.cardinal(i, self.toks.len(), true)?;
            return self.after_cardinal(c, money, base);
        }
        if !self.starter(i) {
            return None;
        }
        for (words, (lo, hi)) in lex.vague.starting_with(self.low(i)) {
            if let Some(mut j) = self.phrase(i, words) {
                if self.low(j) == "of" {
                    j += 1;
                }
                return Some(Read::Number(Number {
                    low: Some(*lo),
                    high: Some(*hi),
                    next: j,
                    vague: true,
                    spelled: true,
                    ..base
                }));
            }
        }
        // "for decades": the word is its own unit, read after the magnitude from the same
        // token.
        for (words, (lo, hi)) in lex.vague_units.starting_with(self.low(i)) {
            if self.phrase(i, words).is_some() && self.unit_at(i).is_some() {
                return Some(Read::Number(Number {
                    low: Some(*lo),
                    high: Some(*hi),
                    vague: true,
                    spelled: true,
                    ..base
                }));
            }
        }
        for (words, v) in lex.number_counts.starting_with(self.low(i)) {
            if let Some(j) = self.phrase(i, words)
                && !self.is(j, TokKind::Num)
            {
                let n = Number {
                    value: Some(*v),
                    next: j,
                    spelled: true,
                    ..base
                };
                return Some(Read::Number(self.scaled(n, money, None)));
            }
        }
        for (words, f) in lex.fractions.starting_with(self.low(i)) {
            if let Some(j) = self.phrase(i, words)
                && self.share_follows(j)
            {
                return Some(Read::Number(Number {
                    value: Some(f * 100.0),
                    next: j,
                    share: true,
                    spelled: true,
                    ..base
                }));
            }
        }
        if let Some(&f) = self.vulgar(i) {
            return Some(self.fraction_use(f, i + 1, false, base));
        }
        if matches!(self.low(i), "a" | "an") {
            // "a" begins a number only before a multiplier, a part or a unit.
            let n = i + 1;
            let begins = self.is_multiplier_word(n)
                || self.denominator(n).is_some()
                || lex.unit_aliases.starting_with(self.low(n)).next().is_some();
            if !begins {
                return None;
            }
        }
        if let Some(&parts) = lex
            .parts
            .get(self.low(i))
            .filter(|&&p| p == 2 && self.is_singular_part(i))
        {
            // "half the staff", "half a million": a part with no numerator.
            let f = 1.0 / parts as f64;
            let j = i + 1;
            let period = i > 0
                && (self.ordinal_word(i - 1).is_some()
                    || matches!(self.low(i - 1), "last" | "final" | "latter" | "former"));
            if period {
                // "the first half of 2024": a period, not a share.
                return None;
            }
            if self.counted_word_at(j) && !self.share_follows(j) {
                // "more than half people": a share of them.
                return Some(Read::Number(Number {
                    value: Some(f * 100.0),
                    next: j,
                    share: true,
                    spelled: true,
                    ..base
                }));
            }
            let follows = self.share_follows(j)
                || matches!(self.low(j), "a" | "an")
                || self.multiplier_at(j).is_some();
            return follows.then(|| self.fraction_use(f, j, false, base));
        }
        if matches!(self.low(i), "a" | "an")
            && let Some((_, k)) = self.unit_at(i + 1)
            && self.low(k) == "and"
            && self.proper_fraction_at(k + 1)
        {
            // "a week and a half": one of the unit, and the fraction the measure adds.
            return Some(Read::Number(Number {
                value: Some(1.0),
                next: i + 1,
                spelled: true,
                ..base
            }));
        }
        if let Some((num, den, j, by_a)) = self.fraction_words(i) {
            return Some(self.fraction_use(num / den, j, by_a, base));
        }
        let c = self.cardinal(i, self.toks.len(), true)?;
        if let Some(end) = self.ordinal_after(&c, i) {
            return Some(Read::Skip(end));
        }
        self.after_cardinal(c, money, base)
    }

    /// What follows a whole number: a fraction making it mixed, a share, a scale.
    fn after_cardinal(&self, c: Cardinal, money: bool, base: Number) -> Option<Read> {
        let mut n = Number {
            value: Some(c.value),
            next: c.next,
            scaled: c.multiplier > 1.0,
            plain_digits: c.plain,
            spelled: self.is(base.next, TokKind::Word),
            word_one: !c.digits_only && c.next == base.next + 1 && c.value == 1.0,
            ..base
        };
        let j = c.next;
        if c.digits_only {
            if let Some((f, k)) = self
                .digit_fraction(j, true)
                .filter(|_| c.value < 1000.0 && c.value.fract() == 0.0)
            {
                // "3 1/2", "1½": a whole and a fraction.
                n.value = Some(c.value + f);
                n.next = k;
                n.plain_digits = false;
                return Some(Read::Number(self.scaled(n, money, None)));
            }
            if self.low(j) == "/" {
                return match self.digit_fraction(base.next, false) {
                    Some((f, k)) => Some(self.fraction_use(f, k, false, base)),
                    None => Some(Read::Skip(self.after_digits(j))),
                };
            }
        }
        if let Some((v, k)) = self.point_decimals(c, j) {
            // "two point five", "two hundred point zero three".
            n.value = Some(v);
            n.next = k;
            n.plain_digits = false;
            n.word_one = false;
            return Some(Read::Number(self.scaled(n, money, None)));
        }
        if let Some((v, k)) = self.one_over(c, j) {
            return Some(Read::Number(Number {
                value: Some(v),
                next: k,
                spelled: n.spelled,
                ..base
            }));
        }
        // "five and a half", "five-and-a-half".
        let hyphens = self.low(j) == "-" && self.attached(j) && self.attached(j + 1);
        let and = if hyphens { j + 1 } else { j };
        let after_and = if hyphens && self.low(and + 1) == "-" {
            and + 2
        } else {
            and + 1
        };
        if self.low(and) == "and"
            && let Some((num, den, k, _)) = self.fraction_words(after_and)
            && num < den
        {
            // "five and a half", "one million and a half", "one billion and a half million".
            let f = num / den;
            let v = match self.multiplier_at(k) {
                Some((m, after)) => {
                    n.next = after;
                    if c.multiplier > 1.0 {
                        c.value + f * m
                    } else {
                        (c.value + f) * m
                    }
                }
                None => {
                    n.next = k;
                    if c.multiplier >= 1e6 {
                        c.value + f * c.multiplier
                    } else {
                        c.value + f
                    }
                }
            };
            n.value = Some(v);
            n.plain_digits = false;
            n.word_one = false;
            return Some(Read::Number(self.scaled(n, money, None)));
        }
        if let Some((share, k)) = self.share_of(c, j) {
            return Some(Read::Number(Number {
                value: Some(share),
                next: k,
                share: true,
                spelled: n.spelled,
                ..base
            }));
        }
        Some(Read::Number(self.scaled(n, money, Some(c))))
    }

    /// A whole number from words and digits at `i`, read no further than `limit`.
    fn cardinal(&self, i: usize, limit: usize, digits: bool) -> Option<Cardinal> {
        let lex = self.lex;
        let (mut total, mut current, mut tail) = (0.0_f64, 0.0_f64, 0.0_f64);
        let mut last: Option<Atom> = None;
        let mut last_multiplier = f64::INFINITY;
        let mut biggest = 1.0_f64;
        let mut multiplier = 1.0_f64;
        let mut started_with_digits = false;
        let mut plain = false;
        let mut digits_only = true;
        let (mut j, mut end) = (i, i);
        while j < limit {
            let w = self.low(j);
            if let Some(prev) = last {
                if w == "-" {
                    // "twenty-five", "fifty - two": a hyphen joins tens and a unit.
                    let unit = self.unit_word(j + 1).is_some_and(|u| (1..=9).contains(&u));
                    if prev == Atom::Tens && unit && self.attached(j) == self.attached(j + 1) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if w == "and" {
                    let n = j + 1;
                    if self.proper_fraction_at(n) {
                        // "one hundred and three quarters": the fraction is added, not read
                        // into the whole number.
                        break;
                    }
                    let joins = match prev {
                        Atom::Multiplier => {
                            self.unit_word(n).is_some()
                                || self.tens_word(n).is_some()
                                || (started_with_digits && self.small_digits(n, last_multiplier))
                        }
                        Atom::Tens => self.unit_word(n).is_some_and(|u| (1..=9).contains(&u)),
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    j += 1;
                    continue;
                }
            }
            // What may follow what was read: a unit after nothing, a multiplier or tens; tens
            // after nothing or a multiplier; a multiplier after anything.
            let word = self.is(j, TokKind::Word);
            let unit_fits = matches!(last, None | Some(Atom::Multiplier | Atom::Tens));
            let tens_fits = matches!(last, None | Some(Atom::Multiplier));
            if let Some(u) = (word && unit_fits).then(|| self.unit_word(j)).flatten() {
                if last == Some(Atom::Tens) && !(1..=9).contains(&u) {
                    break;
                }
                current += u as f64;
                tail += u as f64;
                last = Some(Atom::Unit);
            } else if let Some(t) = (word && tens_fits).then(|| self.tens_word(j)).flatten() {
                current += t as f64;
                tail += t as f64;
                last = Some(Atom::Tens);
            } else if matches!(w, "a" | "an") && last.is_none() {
                if !self.is_multiplier_word(j + 1) {
                    break;
                }
                current = 1.0;
                tail = 1.0;
                last = Some(Atom::Unit);
            } else if let Some(&m) = (word && last.is_some())
                .then(|| lex.number_multipliers.get(w))
                .flatten()
            {
                let m = m as f64;
                let fits = match last {
                    Some(Atom::Unit | Atom::Tens | Atom::Digits) => true,
                    Some(Atom::Multiplier) => m > last_multiplier,
                    None => false,
                };
                if !fits {
                    break;
                }
                if m == 100.0 && last != Some(Atom::Multiplier) {
                    current *= 100.0;
                } else if m > biggest {
                    total = (total + current) * m;
                    current = 0.0;
                    biggest = m;
                } else {
                    total += current * m;
                    current = 0.0;
                }
                tail = 0.0;
                last_multiplier = m;
                multiplier = multiplier.max(m);
                last = Some(Atom::Multiplier);
            } else if digits && self.is(j, TokKind::Num) {
                let (v, k, p) = match last {
                    None => self.digits(j)?,
                    Some(Atom::Multiplier)
                        if started_with_digits && self.small_digits(j, last_multiplier) =>
                    {
                        (self.s(j).parse::<f64>().ok()?, j + 1, false)
                    }
                    _ => break,
                };
                if last.is_none() {
                    started_with_digits = true;
                    plain = p;
                }
                current += v;
                tail += v;
                last = Some(Atom::Digits);
                j = k;
                end = k;
                continue;
            } else {
                break;
            }
            if last != Some(Atom::Digits) {
                digits_only = false;
            }
            j += 1;
            end = j;
        }
        let last = last?;
        Some(Cardinal {
            value: total + current,
            next: end,
            tail,
            multiplier,
            last,
            digits_only,
            plain: plain && digits_only && end == i + 1,
        })
    }

    /// Digits at `i`: one number token, or groups of three split by single spaces ("40 000",
    /// "1 414 021 100"), with an exponent ("1.2e5", "1.1^23"). Returns the value, the token
    /// after, and whether the digits stand alone (no separator, decimal point or exponent).
    pub(super) fn digits(&self, i: usize) -> Option<(f64, usize, bool)> {
        if !self.is(i, TokKind::Num) || self.is_excluded(i) {
            return None;
        }
        let raw = self.s(i);
        let mut text = std::borrow::Cow::Borrowed(raw);
        if raw.contains(',') {
            text = std::borrow::Cow::Owned(raw.replace(',', ""));
        }
        let mut j = i + 1;
        let bare = raw.bytes().all(|b| b.is_ascii_digit());
        if bare && raw.len() <= 3 {
            while self.is(j, TokKind::Num)
                && self.one_space_before(j)
                && is_group_of_three(self.s(j))
                && !self.is_excluded(j)
                && !(matches!(self.low(j + 1), "-" | "–") && self.attached(j + 1))
            {
                text.to_mut().push_str(self.s(j));
                j += 1;
            }
        }
        let mut v = text.parse::<f64>().ok()?;
        let mut plain = bare && j == i + 1;
        if let Some((e, power, k)) = self.exponent(j) {
            v = if power { v.powi(e) } else { v * 10f64.powi(e) };
            j = k;
            plain = false;
        }
        v.is_finite().then_some((v, j, plain))
    }

    /// An exponent attached at `j`: "e13", "E-1", "^23", "^-1"; (exponent, whether a power
    /// of the number rather than of ten, token after).
    fn exponent(&self, j: usize) -> Option<(i32, bool, usize)> {
        let power = match self.s(j) {
            "^" => true,
            "e" | "E" => false,
            _ => return None,
        };
        if !self.attached(j) {
            return None;
        }
        let mut k = j + 1;
        let mut sign = 1;
        if matches!(self.s(k), "+" | "-" | "−") && self.attached(k) {
            if self.s(k) != "+" {
                sign = -1;
            }
            k += 1;
        }
        if !(self.is(k, TokKind::Num) && self.attached(k)) {
            return None;
        }
        let e: i32 = self.s(k).parse().ok().filter(|e: &i32| *e <= 300)?;
        Some((sign * e, power, k + 1))
    }

    /// A digit fraction at `j`: "1/4", "1 / 4"; with `whole`, one following a whole number
    /// ("3 1/2", "1½"): (value, token after).
    fn digit_fraction(&self, j: usize, whole: bool) -> Option<(f64, usize)> {
        if whole {
            if let Some(&f) = self
                .vulgar(j)
                .filter(|_| self.attached(j) || self.one_space_before(j))
            {
                return Some((f, j + 1));
            }
            if !(self.is(j, TokKind::Num) && self.toks[j].space_before) {
                return None;
            }
        }
        let slash = j + 1;
        let (a, b) = (self.s(j), self.s(slash + 1));
        let spaced = !self.attached(slash) && !self.attached(slash + 1);
        let tight = self.attached(slash) && self.attached(slash + 1);
        if self.s(slash) != "/" || !(spaced || tight) || !self.is(slash + 1, TokKind::Num) {
            return None;
        }
        // A third part makes a date ("5/17/2018").
        if self.s(slash + 2) == "/" && self.is(slash + 3, TokKind::Num) {
            return None;
        }
        let (a, b) = (a.parse::<u64>().ok()?, b.parse::<u64>().ok()?);
        // A fraction is written in lowest terms: "6/8" is a date or a code.
        (FRACTION_DENOMINATORS.contains(&b) && a < b && a > 0 && gcd(a, b) == 1)
            .then(|| (a as f64 / b as f64, slash + 2))
    }

    /// The token after digits joined by slashes at `j` ("24/7", "5/17/2018").
    fn after_digits(&self, mut j: usize) -> usize {
        while self.s(j) == "/" && self.is(j + 1, TokKind::Num) && self.attached(j + 1) {
            j += 2;
        }
        j
    }

    /// A fraction in words at `i`: "three fifths", "a hundredth", "two-thirds", "one one
    /// hundred fifth" (1/105), "twenty twenty fifths" (20/25): (numerator, denominator, token
    /// after, whether the numerator is "a"). Of the ways to split the words into a numerator and
    /// an ordinal, the one with the longest ordinal is taken; a singular ordinal takes only "a"
    /// or "one".
    pub(super) fn fraction_words(&self, i: usize) -> Option<(f64, f64, usize, bool)> {
        let mut d = None;
        for k in i..(i + MAX_SPELLED).min(self.toks.len()) {
            if k > i && self.denominator(k).is_some() {
                d = Some(k);
                break;
            }
            let w = self.low(k);
            let number_word = self.unit_word(k).is_some()
                || self.tens_word(k).is_some()
                || self.is_multiplier_word(k)
                || (k > i && matches!(w, "and" | "-"))
                || (k == i && matches!(w, "a" | "an"));
            if !number_word {
                return None;
            }
        }
        let d = d?;
        if (i + 1..d).any(|k| self.low(k) == "and" && self.proper_fraction_at(k + 1)) {
            // "twenty and three fifths" is 20 + 3/5, read as a whole and a fraction.
            return None;
        }
        let (den_word, singular) = self.denominator(d)?;
        let by_a = matches!(self.low(i), "a" | "an");
        for s in (i + 1)..=d {
            let hyphen = self.low(s - 1) == "-";
            if hyphen && self.tens_word(s - 2).is_some() && self.unit_word(s).is_some() {
                continue;
            }
            let num_end = if hyphen && s - 1 > i { s - 1 } else { s };
            let num = if by_a && num_end == i + 1 {
                1.0
            } else {
                match self.cardinal(i, num_end, false) {
                    Some(c) if c.next == num_end => c.value,
                    _ => continue,
                }
            };
            let den = if s == d {
                if !self.stands_alone(d) {
                    continue;
                }
                den_word
            } else {
                let e = if matches!(self.low(d - 1), "-" | "and") {
                    d - 1
                } else {
                    d
                };
                if e <= s
                    || matches!(self.low(s), "a" | "an" | "and" | "-")
                    || self.is_multiplier_word(s)
                {
                    continue;
                }
                let Some(ord) = self.ordinal_word(d) else {
                    continue;
                };
                match self.cardinal(s, e, false) {
                    Some(c) if c.next == e && c.last == Atom::Tens && ord < 10 => {
                        c.value + ord as f64
                    }
                    Some(c) if c.next == e && c.last == Atom::Multiplier && ord < 100 => {
                        c.value + ord as f64
                    }
                    _ => continue,
                }
            };
            if singular && num != 1.0 {
                continue;
            }
            return Some((num, den, d + 1, by_a));
        }
        None
    }

    /// How a fraction at the tokens before `j` is used: "two thirds of a million" and "a
    /// quarter million" scale; "half a dozen" multiplies; "two thirds of the seats" is a share;
    /// alone it is a number ("three fifths"). "a third term" is an ordinal, not a fraction.
    fn fraction_use(&self, f: f64, j: usize, by_a: bool, base: Number) -> Read {
        let n = Number {
            value: Some(f),
            next: j,
            spelled: self.is(base.next, TokKind::Word),
            ..base
        };
        let article = matches!(self.low(j), "a" | "an");
        let of_article = self.low(j) == "of" && matches!(self.low(j + 1), "a" | "an");
        // "half an hour", "a third of a mile": the fraction of a unit.
        for unit_at in [j + 1, j + 2] {
            let through = if unit_at == j + 1 {
                article
            } else {
                of_article
            };
            if through && self.unit_at(unit_at).is_some() {
                return Read::Number(Number { next: unit_at, ..n });
            }
        }
        let scale_from = if of_article {
            j + 2
        } else if article {
            j + 1
        } else {
            j
        };
        if let Some((m, k)) = self
            .multiplier_at(scale_from)
            .or_else(|| self.multiple_at(scale_from).filter(|_| scale_from > j))
        {
            return Read::Number(Number {
                value: Some(f * m),
                next: k,
                scaled: true,
                ..n
            });
        }
        if self.share_follows(j) {
            return Read::Number(Number {
                value: Some(f * 100.0),
                share: true,
                ..n
            });
        }
        if by_a && self.is(j, TokKind::Word) && !article && self.ordinal_word(j - 1).is_some() {
            return Read::Skip(j);
        }
        Read::Number(n)
    }

    /// A proper fraction in words at `j` ("three quarters", "a half").
    fn proper_fraction_at(&self, j: usize) -> bool {
        (matches!(self.low(j), "a" | "an") || self.is_number_word(j))
            && self
                .fraction_words(j)
                .is_some_and(|(num, den, _, _)| num < den)
    }

    /// Decimals spoken after "point": "two point five" (2.5), "two hundred point zero three"
    /// (200.03), "point seventy-one" (.71); (value, token after).
    fn point_decimals(&self, c: Cardinal, j: usize) -> Option<(f64, usize)> {
        if self.low(j) != "point" || c.value.fract() != 0.0 {
            return None;
        }
        let mut digits = String::new();
        let mut k = j + 1;
        while let Some(u) = self.unit_word(k).filter(|&u| u <= 9) {
            digits.push(char::from(b'0' + u as u8));
            k += 1;
        }
        if digits.is_empty() {
            let two = self.cardinal(k, self.toks.len(), false)?;
            if two.value >= 100.0 || two.value < 10.0 || two.multiplier > 1.0 {
                return None;
            }
            digits = format!("{}", two.value as u64);
            k = two.next;
        }
        let frac: f64 = format!("0.{digits}").parse().ok()?;
        Some((c.value + frac, k))
    }

    /// "one over three", "1 over twenty-one": one part in a whole; (value, token after). Only
    /// "one": "2 over 10 days" is a hedge on what follows.
    fn one_over(&self, c: Cardinal, j: usize) -> Option<(f64, usize)> {
        if c.value != 1.0 || self.low(j) != "over" {
            return None;
        }
        let whole = self.cardinal(j + 1, self.toks.len(), true)?;
        let year_like = whole.plain && (1800.0..=2100.0).contains(&whole.value);
        let measured = self.unit_at(whole.next).is_some()
            || self.scale_at(whole.next, false).is_some()
            || self.counted_word_at(whole.next);
        (whole.value > 1.0 && whole.value.fract() == 0.0 && !year_like && !measured)
            .then(|| (1.0 / whole.value, whole.next))
    }

    /// "one in five", "two out of three": a share of `c` in the number after (larger, not a
    /// year, not a measure): (percentage, token after).
    fn share_of(&self, c: Cardinal, j: usize) -> Option<(f64, usize)> {
        let (k, strict) = match self.low(j) {
            "in" => (j + 1, true),
            "out" if self.low(j + 1) == "of" => (j + 2, false),
            _ => return None,
        };
        let whole = self.cardinal(k, self.toks.len(), true)?;
        let year_like = whole.plain && (1800.0..=2100.0).contains(&whole.value);
        let fits = if strict {
            whole.value > c.value
        } else {
            whole.value >= c.value
        };
        let measured =
            self.unit_at(whole.next).is_some() || self.scale_at(whole.next, false).is_some();
        (fits && !year_like && !measured && c.value.fract() == 0.0 && whole.value.fract() == 0.0)
            .then(|| (c.value / whole.value * 100.0, whole.next))
    }

    /// A number with what scales it after: "1.5bn", "300K", "$10m", "three dozen", "2.33 k".
    /// `c` is the whole number read, for "three hundred and two dozen" (300 + 2 x 12).
    fn scaled(&self, mut n: Number, money: bool, c: Option<Cardinal>) -> Number {
        let Some(v) = n.value else {
            return n;
        };
        // "a 13.8-billion-year-old universe": a scale word after a hyphen.
        let hyphened = self.low(n.next) == "-"
            && self.attached(n.next)
            && self.attached(n.next + 1)
            && self.is_multiplier_word(n.next + 1);
        let at = if hyphened { n.next + 1 } else { n.next };
        if let Some((f, k)) = self.scale_at(at, money) {
            n.value = Some(v * f);
            n.next = k;
            n.scaled = true;
            n.plain_digits = false;
            n.word_one = false;
        } else if let Some((f, k)) = self.multiple_at(n.next) {
            let tail = c.map_or(v, |c| c.tail);
            n.value = Some(if tail > 0.0 {
                v - tail + tail * f
            } else {
                v * f
            });
            n.next = k;
            n.scaled = true;
            n.plain_digits = false;
            n.word_one = false;
        }
        n
    }

    /// A scale at `j` and the token after: a word ("million", "lakh"), or letters ("bn",
    /// "k", "M", "MM"). Letters that also name a unit ("m", "mm") scale only where money or a
    /// counted noun follows, or when written in capitals; single letters only attached or for
    /// money.
    pub(super) fn scale_at(&self, j: usize, money: bool) -> Option<(f64, usize)> {
        let w = self.low(j);
        let &f = self.lex.scales.get(w)?;
        if !self.is(j, TokKind::Word) || self.is(j + 1, TokKind::Word) && self.attached(j + 1) {
            return None;
        }
        if self.lex.number_multipliers.contains_key(w) || w.len() > 3 || matches!(w, "mln" | "bln")
        {
            return Some((f, j + 1));
        }
        let capitals = self.s(j).chars().all(|c| c.is_uppercase());
        if self.is_unit_alias(w) {
            // "10m people" is ten million; "170mm howitzers" are millimetres.
            let counted = w.len() == 1 && self.counted_word_at(j + 1);
            return (money || capitals || counted).then_some((f, j + 1));
        }
        let letters = w.chars().count();
        let fits = self.attached(j) || money || letters >= 2 || w == "k";
        fits.then_some((f, j + 1))
    }

    /// A multiplier word at `j` ("million", "billion"), or a scale word after "of a"; (factor,
    /// token after).
    fn multiplier_at(&self, j: usize) -> Option<(f64, usize)> {
        let w = self.low(j);
        if let Some(&m) = self.lex.number_multipliers.get(w) {
            return Some((m as f64, j + 1));
        }
        self.lex
            .scales
            .get(w)
            .filter(|_| w.len() >= 2 && !self.is_unit_alias(w))
            .map(|&f| (f, j + 1))
    }

    /// "dozen", "dozens", "dzs" at `j`: (factor, token after).
    fn multiple_at(&self, j: usize) -> Option<(f64, usize)> {
        self.lex
            .multiples
            .get(self.low(j))
            .filter(|_| self.is(j, TokKind::Word))
            .map(|&f| (f, j + 1))
    }

    /// The end of an ordinal a spelled number begins ("twenty-first", "one hundred and
    /// fifth"): such a number is not a figure. "$280 million first" is not one.
    fn ordinal_after(&self, c: &Cardinal, i: usize) -> Option<usize> {
        if !self.is(i, TokKind::Word) || !matches!(c.last, Atom::Tens | Atom::Multiplier) {
            return None;
        }
        let j = if matches!(self.low(c.next), "-" | "and") {
            c.next + 1
        } else {
            c.next
        };
        self.ordinal_word(j).map(|_| j + 1)
    }

    /// A word naming parts of a whole at `j`: an ordinal ("fifth", "fifths") or a part word
    /// ("half", "quarters"); (parts, singular).
    fn denominator(&self, j: usize) -> Option<(f64, bool)> {
        let w = self.low(j);
        if !self.is(j, TokKind::Word) {
            return None;
        }
        if let Some(&p) = self.lex.parts.get(w) {
            return Some((p as f64, !w.ends_with('s')));
        }
        if let Some(&o) = self.lex.ordinals.get(w) {
            return Some((o as f64, true));
        }
        let singular = w.strip_suffix('s')?;
        self.lex.ordinals.get(singular).map(|&o| (o as f64, false))
    }

    /// An ordinal word at `j`, singular or plural: its number.
    fn ordinal_word(&self, j: usize) -> Option<u64> {
        let w = self.low(j);
        if !self.is(j, TokKind::Word) {
            return None;
        }
        self.lex
            .ordinals
            .get(w)
            .or_else(|| w.strip_suffix('s').and_then(|s| self.lex.ordinals.get(s)))
            .copied()
    }

    /// Whether the part word at `j` names a fraction without a compound before it: not
    /// "first" or "second" ("two seconds" is a time).
    fn stands_alone(&self, j: usize) -> bool {
        let w = self.low(j);
        let w = w.strip_suffix('s').unwrap_or(w);
        !matches!(w, "first" | "second")
    }

    /// "half" or "quarter" at `i`, singular.
    fn is_singular_part(&self, i: usize) -> bool {
        self.is(i, TokKind::Word) && !self.low(i).ends_with('s')
    }

    /// Whether a share of a whole follows: "of", "the", a possessive.
    pub(super) fn share_follows(&self, j: usize) -> bool {
        matches!(
            self.low(j),
            "of" | "the" | "its" | "their" | "our" | "his" | "her" | "all"
        )
    }

    fn vulgar(&self, i: usize) -> Option<&f64> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Sym {
            return None;
        }
        let mut c = self.text[t.start..t.end].chars();
        c.next().and_then(|c| self.lex.vulgar_fractions.get(&c))
    }

    fn unit_word(&self, i: usize) -> Option<u64> {
        self.is(i, TokKind::Word)
            .then(|| self.lex.number_units.get(self.low(i)).copied())
            .flatten()
    }

    fn tens_word(&self, i: usize) -> Option<u64> {
        self.is(i, TokKind::Word)
            .then(|| self.lex.number_tens.get(self.low(i)).copied())
            .flatten()
    }

    fn is_multiplier_word(&self, i: usize) -> bool {
        self.is(i, TokKind::Word) && self.lex.number_multipliers.contains_key(self.low(i))
    }

    /// A number word at `i`: a unit or tens ("one", "twenty").
    pub(super) fn is_number_word(&self, i: usize) -> bool {
        self.unit_word(i).is_some() || self.tens_word(i).is_some()
    }

    /// Up to three bare digits at `i` worth less than `below`: "21" in "3 hundred and 21".
    fn small_digits(&self, i: usize, below: f64) -> bool {
        let s = self.s(i);
        self.is(i, TokKind::Num)
            && s.len() <= 3
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<f64>().is_ok_and(|v| v < below)
    }

    /// Whether exactly one space (of any width) stands between token `i` and the one before.
    fn one_space_before(&self, i: usize) -> bool {
        if i == 0 || i >= self.toks.len() {
            return false;
        }
        let gap = &self.text[self.toks[i - 1].end..self.toks[i].start];
        let mut c = gap.chars();
        c.next()
            .is_some_and(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
            && c.next().is_none()
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Three digits, with a decimal part or not: a thousands group written after a space.
fn is_group_of_three(s: &str) -> bool {
    let whole = s.split('.').next().unwrap_or("");
    whole.len() == 3 && !s.contains(',')
}
