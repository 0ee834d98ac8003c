//! Page debris around sentences: markup that reads as space (HTML tags, escaped tags,
//! literal escaped line breaks), runs of decoration ("/////", "====="), and the leader and
//! page number of a table-of-contents line. None of it is part of a sentence.

use super::Scan;

/// Characters repeated as decoration around a line ("/////", "=====").
fn is_decoration(c: char) -> bool {
    matches!(c, '/' | '=' | '*' | '_' | '~' | '#' | '+' | '-')
}

/// The longest markup tag skipped as space.
const TAG_LOOK: usize = 200;

impl Scan<'_> {
    /// The length of markup at `i` that reads as space: an HTML tag, an escaped tag
    /// ("&lt;b&gt;"), or a literal escaped line break ("\n", "\r").
    pub(super) fn markup_len(&self, i: usize) -> usize {
        let c = self.get(i);
        if c == '<' {
            let mut k = i + 1;
            if self.get(k) == '/' {
                k += 1;
            }
            if !self.get(k).is_ascii_alphabetic() {
                return 0;
            }
            let mut len = k - i;
            while k < self.n() && len < TAG_LOOK {
                match self.b[k] {
                    b'>' => return k + 1 - i,
                    b'<' | b'\n' => return 0,
                    _ => {
                        k = self.next(k);
                        len += 1;
                    }
                }
            }
            return 0;
        }
        if c == '&' && self.b[i..].starts_with(b"&lt;") {
            let mut k = i + 4;
            if self.get(k) == '/' {
                k += 1;
            }
            if !self.get(k).is_ascii_alphabetic() {
                return 0;
            }
            let mut len = k - i;
            while k < self.n() && len < TAG_LOOK {
                if self.b[k] == b'&' {
                    return if self.b[k..].starts_with(b"&gt;") {
                        k + 4 - i
                    } else {
                        0
                    };
                }
                k = self.next(k);
                len += 1;
            }
            return 0;
        }
        if c == '\\' {
            let k = if self.get(i + 1) == ' ' { i + 2 } else { i + 1 };
            let after = self.get(k + 1);
            if matches!(self.get(k), 'n' | 'r')
                && (k + 1 >= self.n()
                    || after.is_whitespace()
                    || after.is_uppercase()
                    || after == '\\')
            {
                return k + 1 - i;
            }
        }
        0
    }

    /// Where the paragraph's text ends: before a table-of-contents leader and page number
    /// ("Chapter 2 ........ 16").
    pub(super) fn contents_end(&self) -> usize {
        let n = self.n();
        let mut k = n;
        while k > 0 && self.before(k).is_whitespace() {
            k = self.prev(k);
        }
        let digits_end = k;
        while k > 0 && (self.b[k - 1].is_ascii_digit() || self.b[k - 1] == b'-') {
            k -= 1;
        }
        if k == digits_end || !self.get(k).is_ascii_digit() {
            return n;
        }
        while k > 0 && self.before(k).is_whitespace() {
            k = self.prev(k);
        }
        let dots_end = k;
        while k > 0 && self.b[k - 1] == b'.' {
            k -= 1;
        }
        if dots_end - k >= 5 { k } else { n }
    }

    /// The segment from `s` to `e` without the space, markup and decoration at its ends.
    pub(super) fn trim(&self, mut s: usize, mut e: usize) -> (usize, usize) {
        loop {
            if s < e && self.get(s).is_whitespace() {
                s = self.next(s);
                continue;
            }
            let m = self.markup_len(s);
            if m > 0 && s + m <= e {
                s += m;
                continue;
            }
            let d = self.decoration_len(s, e, true);
            if d > 0 {
                s += d;
                continue;
            }
            break;
        }
        loop {
            if e > s && self.before(e).is_whitespace() {
                e = self.prev(e);
                continue;
            }
            let m = self.markup_ending(s, e);
            if m > 0 {
                e -= m;
                continue;
            }
            let d = self.decoration_len(s, e, false);
            if d > 0 {
                e -= d;
                continue;
            }
            break;
        }
        (s, e)
    }

    /// The length of markup ending just before `e` (and starting at or after `s`).
    fn markup_ending(&self, s: usize, e: usize) -> usize {
        if e <= s {
            return 0;
        }
        let start = match self.before(e) {
            '>' => self.back_find(s, e - 1, |k| self.b[k] == b'<'),
            ';' if self.slice(s, e).ends_with("&gt;") => {
                self.back_find(s, e, |k| self.b[k..].starts_with(b"&lt;"))
            }
            'n' | 'r' => {
                // A backslash one or two characters before the letter.
                let one = (e - 1 > s).then(|| self.prev(e - 1));
                let two = one.filter(|&p| p > s).map(|p| self.prev(p));
                two.into_iter().chain(one).find(|&k| self.b[k] == b'\\')
            }
            _ => None,
        };
        start.map_or(0, |k| {
            let m = self.markup_len(k);
            if k + m == e { m } else { 0 }
        })
    }

    /// The last of the `TAG_LOOK` characters before `e` (and at or after `s`) where `hit` holds,
    /// looking backwards.
    fn back_find(&self, s: usize, e: usize, hit: impl Fn(usize) -> bool) -> Option<usize> {
        let mut k = e;
        let mut len = 0;
        while k > s && len < TAG_LOOK {
            k = self.prev(k);
            len += 1;
            if hit(k) {
                return Some(k);
            }
        }
        None
    }

    /// A run of three or more of one decoration character at the segment's start or end.
    fn decoration_len(&self, s: usize, e: usize, from_start: bool) -> usize {
        if e <= s {
            return 0;
        }
        let at = if from_start { s } else { self.prev(e) };
        let c = self.get(at);
        if !is_decoration(c) {
            return 0;
        }
        // Decoration is ASCII: a run of its bytes is a run of characters.
        let c = c as u8;
        let run = if from_start {
            self.b[s..e].iter().take_while(|&&x| x == c).count()
        } else {
            self.b[s..e].iter().rev().take_while(|&&x| x == c).count()
        };
        // A short run is decoration only apart from the words ("***", not "Ali***").
        let apart = if from_start {
            self.get(s + run).is_whitespace() || s + run == e
        } else {
            e - run == s || self.before(e - run).is_whitespace()
        };
        if run >= 10 || run >= 3 && apart {
            run
        } else {
            0
        }
    }
}
