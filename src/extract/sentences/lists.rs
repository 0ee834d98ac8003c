//! List markers: "1.) ", "1) ", "a. ", "(a) ", "iv. ", "• 9. ", "⁃9. ". A marker starts a
//! sentence when it belongs to a list (two or more written alike and numbered in sequence),
//! and is a sentence's label when it opens one.

use super::{Scan, char_at, is_closer, is_terminal, next_at};

/// Bullets that may stand before a list item's number.
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣' | '●' | '-')
}

/// How a list marker is written; markers form a list only with others written alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    /// "1." or "1.)", possibly after a bullet ("• 9.", "⁃9.").
    NumberPeriod,
    /// "1)".
    NumberParen,
    /// "a." or "a.)".
    LetterPeriod,
    /// "a)" or "(a)".
    LetterParen,
    /// "iv." or "iv.)".
    RomanPeriod,
    /// "iv)" or "(iv)".
    RomanParen,
}

/// What a marker counts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Number,
    Letter,
    Roman,
}

/// A possible list marker: where it starts (its bullet, if any), its number, where its item's
/// text starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub(super) start: usize,
    style: MarkerStyle,
    value: u32,
    pub(super) text: usize,
    bullet: bool,
}

/// The value of a lowercase roman numeral up to 39 ("i", "iv", "xii"), written canonically.
pub(super) fn roman_value(token: &str) -> Option<u32> {
    roman_bytes(token.as_bytes())
}

fn roman_bytes(token: &[u8]) -> Option<u32> {
    if token.is_empty() || token.len() > 6 || !token.iter().all(|c| matches!(c, b'i' | b'v' | b'x'))
    {
        return None;
    }
    let digit = |c: u8| match c {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let mut total = 0i32;
    for (k, &c) in token.iter().enumerate() {
        let v = digit(c);
        let next = token.get(k + 1).map_or(0, |&n| digit(n));
        total += if v < next { -v } else { v };
    }
    let value = u32::try_from(total).ok().filter(|v| (1..40).contains(v))?;
    let mut canon = [0u8; 8];
    let mut len = 0;
    let mut rest = value;
    for (n, spelled) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while rest >= n {
            for c in spelled.bytes() {
                *canon.get_mut(len)? = c;
                len += 1;
            }
            rest -= n;
        }
    }
    (canon[..len] == *token).then_some(value)
}

/// A list marker starting at byte `i` of `text` (a bullet, or the number or letter itself), if
/// any.
pub(super) fn marker_at(text: &str, i: usize) -> Option<Marker> {
    let get = |k: usize| char_at(text, k);
    let mut k = i;
    let mut bullet = false;
    if is_bullet(get(k)) {
        bullet = true;
        k = next_at(text, k);
        if get(i) != '-' {
            while get(k) == ' ' {
                k += 1;
            }
        }
        if !get(k).is_ascii_digit() {
            return None;
        }
    }
    let paren_open = !bullet && get(k) == '(';
    if paren_open {
        k += 1;
    }
    let body = k;
    while k - body < 6 && get(k).is_ascii_alphanumeric() {
        k += 1;
    }
    if !matches!(get(k), '.' | ')') {
        return None;
    }
    let token = text.as_bytes().get(body..k)?;
    let (numbering, value) = match *token {
        [d] if d.is_ascii_digit() => (Numbering::Number, u32::from(d - b'0')),
        [d, e] if d.is_ascii_digit() && e.is_ascii_digit() => (
            Numbering::Number,
            u32::from(d - b'0') * 10 + u32::from(e - b'0'),
        ),
        _ => match roman_bytes(token) {
            Some(v) => (Numbering::Roman, v),
            None if token.len() == 1 && token[0].is_ascii_lowercase() => {
                (Numbering::Letter, u32::from(token[0] - b'a') + 1)
            }
            None => return None,
        },
    };
    let period = get(k) == '.';
    if period {
        k += 1;
    }
    let paren_close = get(k) == ')';
    if paren_close {
        k += 1;
    }
    let closed = if paren_open {
        paren_close && !period
    } else {
        period || paren_close
    };
    if !closed {
        return None;
    }
    if numbering == Numbering::Number && paren_open {
        return None;
    }
    let gap = k;
    while get(k) == ' ' || get(k) == '\t' || get(k) == '\u{a0}' {
        k = next_at(text, k);
    }
    if k == gap || k >= text.len() || get(k).is_whitespace() {
        return None;
    }
    if numbering == Numbering::Number && period && get(k).is_lowercase() {
        return None;
    }
    let style = match (numbering, period) {
        (Numbering::Number, true) => MarkerStyle::NumberPeriod,
        (Numbering::Number, false) => MarkerStyle::NumberParen,
        (Numbering::Letter, true) => MarkerStyle::LetterPeriod,
        (Numbering::Letter, false) => MarkerStyle::LetterParen,
        (Numbering::Roman, true) => MarkerStyle::RomanPeriod,
        (Numbering::Roman, false) => MarkerStyle::RomanParen,
    };
    Some(Marker {
        start: i,
        style,
        value,
        text: k,
        bullet,
    })
}

impl Scan<'_> {
    /// The list markers of this paragraph that belong to a list: two or more written alike
    /// and numbered in sequence, the list starting at 1 (or "a", "i"), at the paragraph's
    /// start, after a sentence's end or with bullets. "He was 15. His brother was 16." is no
    /// list.
    pub(super) fn list_markers(&self) -> Vec<Marker> {
        let n = self.n();
        let mut found: Vec<Marker> = Vec::new();
        let mut i = 0;
        let mut space_before = true;
        while i < n {
            let b = self.b[i];
            if space_before
                && self.may_mark(i)
                && self.inside(i) == 0
                && let Some(m) = marker_at(self.text, i)
            {
                found.push(m);
                if (m.style == MarkerStyle::RomanPeriod || m.style == MarkerStyle::RomanParen)
                    && let Some(alt) = self.as_letter(m)
                {
                    found.push(alt);
                }
                i = m.text;
                space_before = self.before(i).is_whitespace();
                continue;
            }
            if b < 0x80 {
                space_before = char::from(b).is_whitespace();
                i += 1;
            } else {
                space_before = self.get(i).is_whitespace();
                i = self.next(i);
            }
        }
        let mut keep = vec![false; found.len()];
        let styles = [
            MarkerStyle::NumberPeriod,
            MarkerStyle::NumberParen,
            MarkerStyle::LetterPeriod,
            MarkerStyle::LetterParen,
            MarkerStyle::RomanPeriod,
            MarkerStyle::RomanParen,
        ];
        for style in styles {
            let idx: Vec<usize> = (0..found.len())
                .filter(|&k| found[k].style == style)
                .collect();
            let mut run_start = 0;
            for r in 1..=idx.len() {
                let linked = r < idx.len() && found[idx[r]].value == found[idx[r - 1]].value + 1;
                if linked {
                    continue;
                }
                if r - run_start >= 2 && self.list_may_start(&found[idx[run_start]]) {
                    for &k in &idx[run_start..r] {
                        keep[k] = true;
                    }
                }
                run_start = r;
            }
        }
        let mut out: Vec<Marker> = found
            .into_iter()
            .zip(keep)
            .filter_map(|(m, k)| k.then_some(m))
            .collect();
        out.sort_by_key(|m| m.start);
        out.dedup_by_key(|m| m.start);
        out
    }

    /// Whether a marker may start at `i`, by its bytes alone: a bullet (all but '-' led by
    /// 0xE2), or up to six ASCII letters or digits, after a '(' or not, then '.' or ')'.
    fn may_mark(&self, i: usize) -> bool {
        let b = self.b[i];
        if matches!(b, b'-' | 0xE2) {
            return true;
        }
        if !(b.is_ascii_alphanumeric() || b == b'(') {
            return false;
        }
        let body = i + usize::from(b == b'(');
        let len = self.b[body..]
            .iter()
            .take(7)
            .take_while(|x| x.is_ascii_alphanumeric())
            .count();
        len <= 6 && matches!(self.b.get(body + len), Some(b'.' | b')'))
    }

    /// A roman marker "i", "v" or "x" read as a letter too.
    fn as_letter(&self, m: Marker) -> Option<Marker> {
        let letter = match m.value {
            1 => 'i',
            5 => 'v',
            10 => 'x',
            _ => return None,
        };
        let style = if m.style == MarkerStyle::RomanPeriod {
            MarkerStyle::LetterPeriod
        } else {
            MarkerStyle::LetterParen
        };
        Some(Marker {
            style,
            value: u32::from(letter as u8 - b'a') + 1,
            ..m
        })
    }

    fn list_may_start(&self, m: &Marker) -> bool {
        if m.value == 1 || m.bullet {
            return true;
        }
        let before = self.skip_back_space(m.start);
        before == 0 || {
            let p = self.before(before);
            is_terminal(p) || is_closer(p) || p == ':'
        }
    }
}
