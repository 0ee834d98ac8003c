//! Sentence boundaries in real text: abbreviations, initials and clock times; numbers and
//! numbered, lettered or bulleted list items; every form of ellipsis; quotations and
//! parentheses that hold or close a sentence; footnote marks; and lines that are headings,
//! list items or wrapped prose.
//!
//! One pass over a paragraph's bytes, after two linear passes that pair quotation marks and
//! brackets and find list markers; characters are decoded only where a rule looks at one.
//! Every look around a candidate boundary is bounded (in characters), so the whole stays
//! linear in the text.

mod debris;
mod lines;
mod lists;

use crate::lexicon::{AbbreviationKind, Lexicon};
use lines::{continues, lines_of};
use lists::{Marker, marker_at, roman_value};

/// Splits raw text into sentence spans (byte offsets into `text`, trimmed, never empty).
///
/// Blank lines separate paragraphs. A single line break ends a sentence too (a heading, a list
/// item, a line of a table of contents) unless the lines are wrapped prose: a block of long even
/// lines, or a line that goes on in lowercase after a trailing space, a function word or a comma.
pub fn split_text(text: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let lines = lines_of(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i].0;
        let mut end = lines[i].1;
        while i + 1 < lines.len() && continues(text, end, lines[i + 1], lex) {
            i += 1;
            end = lines[i].1;
        }
        let para = &text[start..end];
        out.extend(
            split_sentences(para, lex)
                .into_iter()
                .map(|(a, b)| (start + a, start + b)),
        );
        i += 1;
    }
    out
}

/// Splits one paragraph into sentence spans (byte offsets, trimmed, never empty). Line breaks
/// inside it count as spaces: the caller has decided which lines form the paragraph.
pub fn split_sentences(text: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    Scan::new(text, lex).sentences()
}

/// Characters that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '．' | '！' | '？' | '‼' | '⁇'
    )
}

/// Full-width terminals end a sentence with no space after them.
fn is_wide_terminal(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// Marks that may follow a sentence's final punctuation and belong to it.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*')
}

/// Marks that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '„' | '¿' | '¡'
    )
}

/// Symbols a sentence may start with: currencies, hashtags and handles, markup, bullets and
/// marks of reference. (An emoji after a sentence's end belongs to that sentence.)
fn is_sentence_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₴'
            | '₽'
            | '₹'
            | '#'
            | '@'
            | '<'
            | '&'
            | '*'
            | '•'
            | '§'
            | '¶'
            | '№'
    ) || is_opener(c)
}

/// Emoji and other pictographs, with the joiners and selectors that build them.
fn is_pictograph(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{FE0F}'
            | '\u{200D}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// Whether a byte may start a terminal or a dash: the ASCII ones, or the first byte of the
/// UTF-8 of the others (all three bytes long, led by 0xE2, 0xE3 or 0xEF).
fn may_stop(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'-' | 0xE2 | 0xE3 | 0xEF)
}

/// The first byte of `b[from..limit]` that [`may_stop`], or `limit`. Eight bytes are tested
/// at once: a word of them holds none when none is '.', '!', '?' or '-' and none is past
/// ASCII (which every other byte [`may_stop`] is).
fn next_stop(b: &[u8], from: usize, limit: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `w` is zero (exact as a yes or no).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH != 0;
    let mut i = from;
    while i + 8 <= limit {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let maybe = w & HIGH != 0
            || has_zero(w ^ (ONES * u64::from(b'.')))
            || has_zero(w ^ (ONES * u64::from(b'!')))
            || has_zero(w ^ (ONES * u64::from(b'?')))
            || has_zero(w ^ (ONES * u64::from(b'-')));
        if maybe && let Some(k) = b[i..i + 8].iter().position(|&c| may_stop(c)) {
            return i + k;
        }
        i += 8;
    }
    while i < limit && !may_stop(b[i]) {
        i += 1;
    }
    i
}

/// Whether a byte may start a quotation mark or bracket: the ASCII ones, or the first byte of
/// the UTF-8 of the curly quotes (0xE2) and guillemets (0xC2).
fn may_pair(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | 0xE2 | 0xC2)
}

/// The longest word looked at around a candidate boundary: a longer run of letters is no
/// abbreviation, and the bound keeps every look constant-time.
const WORD_LOOK: usize = 40;

/// What ends a run of final punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    /// One period.
    Period,
    /// Two or more periods, or "…".
    Ellipsis,
    /// "!" or "?", alone or mixed.
    Exclaim,
    /// Full-width punctuation.
    Wide,
}

/// The character starting at byte `i` of `text` ('\n' past the end or off a boundary).
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => char::from(b),
        Some(_) => text.get(i..).and_then(|t| t.chars().next()).unwrap_or('\n'),
        None => '\n',
    }
}

/// The byte offset of the character after the one starting at byte `i` (one past `i` at or
/// past the end, as an index one character further would be).
fn next_at(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => i + 1,
        Some(&b) if b < 0xE0 => i + 2,
        Some(&b) if b < 0xF0 => i + 3,
        Some(_) => i + 4,
        None => i + 1,
    }
}

/// One paragraph being split. Every index is a byte offset at a character boundary; the
/// bounds of looks around a boundary are counted in characters.
struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    /// How many quotation or bracket pairs enclose each byte (empty when none do).
    enclosing: Vec<u32>,
    /// For an opening quotation mark or bracket, the offset of its partner (empty when the
    /// paragraph has no pair).
    partners: Vec<u32>,
    lex: &'a Lexicon,
}

const NONE: u32 = u32::MAX;

impl<'a> Scan<'a> {
    fn new(text: &'a str, lex: &'a Lexicon) -> Self {
        let mut scan = Scan {
            text,
            b: text.as_bytes(),
            enclosing: Vec::new(),
            partners: Vec::new(),
            lex,
        };
        scan.pair_marks();
        scan
    }

    fn n(&self) -> usize {
        self.b.len()
    }

    /// The character at `i` ('\n' past the end).
    fn get(&self, i: usize) -> char {
        char_at(self.text, i)
    }

    /// The offset of the character after the one at `i`.
    fn next(&self, i: usize) -> usize {
        next_at(self.text, i)
    }

    /// The offset of the character before `i` (`i` > 0).
    fn prev(&self, i: usize) -> usize {
        let mut k = i.saturating_sub(1);
        while k > 0 && self.b.get(k).is_some_and(|&b| b & 0xC0 == 0x80) {
            k -= 1;
        }
        k
    }

    /// The character just before `i` (`i` > 0).
    fn before(&self, i: usize) -> char {
        self.get(self.prev(i))
    }

    /// Pairs quotation marks and brackets so that punctuation inside them does not end the
    /// sentence around them. A straight or curly quote, a guillemet or a bracket opens where
    /// it stands before a word and closes after one; an apostrophe inside a word ("don't",
    /// "dragon’s") is no quotation mark.
    fn pair_marks(&mut self) {
        let n = self.n();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut straight: Option<usize> = None;
        let mut single: Option<usize> = None;
        let mut curly: Option<usize> = None;
        let mut curly_single: Option<usize> = None;
        let mut guillemet: Option<usize> = None;
        let mut low: Option<usize> = None;
        let mut brackets: Vec<(usize, char)> = Vec::new();
        let candidates = self.b.iter().enumerate().filter(|&(_, &b)| may_pair(b));
        for (i, _) in candidates {
            let c = self.get(i);
            if !(is_quote(c) || matches!(c, '(' | ')' | '[' | ']')) {
                continue;
            }
            let space_before = i == 0 || {
                let p = self.before(i);
                p.is_whitespace() || is_opener(p) || is_dash(p)
            };
            let after = i + c.len_utf8();
            let word_after = self.get(after).is_alphanumeric();
            let space_after = after == n || self.get(after).is_whitespace();
            match c {
                '"' => match straight {
                    Some(o) if !space_before || space_after => {
                        pairs.push((o, i));
                        straight = None;
                    }
                    _ if !space_after => straight = Some(i),
                    _ => {}
                },
                '\'' | '’' | '‘' => {
                    let pending = if c == '\'' {
                        &mut single
                    } else {
                        &mut curly_single
                    };
                    // "Workers' wages": an apostrophe after a plural, before a lowercase word.
                    let possessive = i > 0
                        && self.b[i - 1] == b's'
                        && space_after
                        && self.get(self.next(after)).is_lowercase();
                    if c != '‘'
                        && let Some(o) = *pending
                        && !space_before
                        && !word_after
                        && !possessive
                    {
                        pairs.push((o, i));
                        *pending = None;
                    } else if c != '’' && space_before && self.get(after).is_alphabetic() {
                        *pending = Some(i);
                    }
                }
                '“' => curly = Some(i),
                '”' => {
                    if let Some(o) = curly.take() {
                        pairs.push((o, i));
                    }
                }
                '„' => low = Some(i),
                '«' => guillemet = Some(i),
                '»' => {
                    if let Some(o) = guillemet.take() {
                        pairs.push((o, i));
                    }
                }
                '(' | '[' => brackets.push((i, c)),
                ')' | ']' => {
                    let want = if c == ')' { '(' } else { '[' };
                    if brackets.last().is_some_and(|&(_, o)| o == want)
                        && let Some((o, _)) = brackets.pop()
                    {
                        pairs.push((o, i));
                    }
                }
                _ => {}
            }
            if c == '“'
                && let Some(o) = low.take()
            {
                pairs.push((o, i));
                curly = None;
            }
        }
        if pairs.is_empty() {
            return;
        }
        // Each pair's partners point at each other; the count of pairs around each character
        // is a running sum of +1 after each opening and -1 at each closing.
        let mut partners = vec![NONE; n];
        let mut diff = vec![0i32; n + 1];
        for &(o, c) in &pairs {
            partners[o] = c as u32;
            partners[c] = o as u32;
            diff[o + 1] += 1;
            diff[c] -= 1;
        }
        let mut depth = 0i32;
        self.enclosing = diff
            .into_iter()
            .map(|d| {
                depth += d;
                depth.max(0) as u32
            })
            .collect();
        self.partners = partners;
    }

    /// How many pairs enclose index `i` (0 past the end).
    fn inside(&self, i: usize) -> u32 {
        self.enclosing.get(i).copied().unwrap_or(0)
    }

    /// Whether the mark at `i` closes a pair.
    fn closes(&self, i: usize) -> bool {
        self.partners
            .get(i)
            .is_some_and(|&p| p != NONE && (p as usize) < i)
    }

    /// The closing partner of an opening mark at `i`.
    fn partner(&self, i: usize) -> Option<usize> {
        self.partners
            .get(i)
            .map(|&p| p as usize)
            .filter(|&p| p != NONE as usize && p > i)
    }

    /// The index after the last non-space character before `i`.
    fn skip_back_space(&self, mut i: usize) -> usize {
        while i > 0 && self.before(i).is_whitespace() {
            i = self.prev(i);
        }
        i
    }

    /// The first index at or after `i` that is neither space nor markup.
    fn skip_space(&self, mut i: usize) -> usize {
        loop {
            if i < self.n() && self.get(i).is_whitespace() {
                i = self.next(i);
                continue;
            }
            let m = self.markup_len(i);
            if m == 0 {
                return i;
            }
            i += m;
        }
    }

    /// The word just before index `i` and not before `from` (letters, digits and inner
    /// periods, as in "U.S" or "3.5"); empty when longer than a word can be.
    fn word_before(&self, i: usize, from: usize) -> (usize, usize) {
        let mut s = i;
        let mut len = 0;
        while s > from && len <= WORD_LOOK {
            let p = self.prev(s);
            let c = self.get(p);
            if c.is_alphanumeric()
                || matches!(c, '.' | '\'' | '’' | '°' | 'º' | '&' | '_')
                || (c == '-' && p > 0 && self.before(p).is_alphanumeric())
            {
                s = p;
                len += 1;
            } else {
                break;
            }
        }
        if len > WORD_LOOK {
            return (i, i);
        }
        while s < i && !self.get(s).is_alphanumeric() {
            s = self.next(s);
        }
        (s, i)
    }

    fn slice(&self, s: usize, e: usize) -> &'a str {
        self.text.get(s..e).unwrap_or("")
    }

    /// The word starting at `i` after any opening marks, up to the first character that is
    /// neither a letter nor a digit.
    fn word_at(&self, mut i: usize) -> &'a str {
        while i < self.n() && is_opener(self.get(i)) {
            i = self.next(i);
        }
        let mut e = i;
        let mut len = 0;
        while e < self.n() && len < WORD_LOOK && self.get(e).is_alphanumeric() {
            e = self.next(e);
            len += 1;
        }
        self.slice(i, e)
    }

    /// Whether what starts at `i` can start a sentence: a capital letter, a digit, a letter
    /// of a script without case, a symbol, or opening marks before any of these.
    fn starts_sentence(&self, i: usize) -> bool {
        let mut k = i;
        let mut openers = 0;
        while k < self.n() && openers < 4 && is_opener(self.get(k)) {
            k = self.next(k);
            openers += 1;
        }
        if k > i && self.get(k) == ' ' {
            k += 1;
        }
        if k >= self.n() {
            return false;
        }
        let c = self.get(k);
        if c.is_alphabetic() {
            return !c.is_lowercase();
        }
        c.is_numeric() || (k == i && is_opener(c)) || is_sentence_symbol(c)
    }

    fn is_starter(&self, word: &str) -> bool {
        crate::text::with_lower(word, |w| self.lex.sentence.starters.contains(w))
    }

    /// The sentences of the paragraph.
    fn sentences(&self) -> Vec<(usize, usize)> {
        let n = self.n();
        let markers = self.list_markers();
        let mut next_marker = 0;
        let mut out = Vec::new();
        let mut seg = 0;
        let mut seg_text = self.skip_space(0);
        let mut i = 0;
        let end = self.contents_end();
        while i < end {
            if i == seg_text
                && let Some(m) = marker_at(self.text, i)
            {
                // A marker opening a sentence is its label ("1.) Mix", "d. Compliance").
                i = m.text;
                continue;
            }
            if let Some(m) = markers.get(next_marker)
                && m.start <= i
            {
                next_marker += 1;
                if m.start == i {
                    let after_colon = {
                        let b = self.skip_back_space(i);
                        b > 0 && self.b[b - 1] == b':'
                    };
                    if !after_colon {
                        self.push(seg, i, &mut out);
                        seg = i;
                        seg_text = i;
                    }
                    i = m.text;
                    continue;
                }
            }
            let c = self.get(i);
            let after = self.next(i);
            let interrupted = is_dash(c) && self.closes(after) && is_quote(self.get(after));
            if !is_terminal(c) && !interrupted {
                // Nothing happens before the next byte that may start final punctuation or a
                // dash, the next segment's text or the next list marker.
                let mut limit = end;
                if seg_text >= after {
                    limit = limit.min(seg_text);
                }
                if let Some(m) = markers.get(next_marker) {
                    limit = limit.min(m.start.max(after));
                }
                i = next_stop(self.b, after, limit);
                continue;
            }
            match self.at_terminal(i, seg, end, &markers) {
                Step::Split { end: e, next } => {
                    self.push(seg, e, &mut out);
                    seg = next;
                    seg_text = self.skip_space(next);
                    i = next.max(after);
                }
                Step::Skip(to) => i = to.max(after),
            }
        }
        self.push(seg, end.min(n), &mut out);
        out
    }

    /// Decides the run of final punctuation starting at `i`.
    fn at_terminal(&self, i: usize, seg: usize, end: usize, markers: &[Marker]) -> Step {
        let c = self.get(i);
        // A spaced ellipsis: ". . ." (an omission) or ". . . ." (an omission and a period).
        if c == '.' && self.get(i + 1) == ' ' && self.get(i + 2) == '.' && self.get(i + 3) != '.' {
            let mut dots = 1;
            let mut k = i + 1;
            while self.get(k) == ' ' && self.get(k + 1) == '.' && self.get(k + 2) != '.' {
                dots += 1;
                k += 2;
            }
            if dots >= 3 {
                return self.spaced_ellipsis(i, k, dots, end);
            }
        }
        let mut j = i;
        let mut marks = 0;
        while j < end && is_terminal(self.get(j)) {
            j = self.next(j);
            marks += 1;
        }
        if is_dash(c) {
            j = self.next(i);
        }
        let run = if is_dash(c) {
            Run::Ellipsis
        } else if self.slice(i, j).chars().any(is_wide_terminal) {
            Run::Wide
        } else if self
            .slice(i, j)
            .chars()
            .any(|c| c == '!' || c == '?' || c == '‼' || c == '⁇')
        {
            Run::Exclaim
        } else if marks >= 2 || c == '…' {
            Run::Ellipsis
        } else {
            Run::Period
        };
        let mut k = j;
        if self.get(k) == ' ' && self.closes(k + 1) && is_quote(self.get(k + 1)) {
            // A quotation closed after a space: "“ 3 years… ” Nobody".
            k += 1;
        }
        let spaced = k > j;
        while k < end && self.closes_here(k) {
            k = self.next(k);
        }
        let closed = k > j + usize::from(spaced);
        if spaced && !closed {
            k = j;
        }
        // Emoji after the punctuation belong to the sentence: "We loved it! 🙂 See you".
        let mut p = if self.get(k) == ' ' { k + 1 } else { k };
        if is_pictograph(self.get(p)) {
            while p < end && (is_pictograph(self.get(p)) || self.get(p) == ' ') {
                p = self.next(p);
            }
            while self.b[p - 1] == b' ' {
                p -= 1;
            }
            k = p;
        }
        if self.inside(i) > 0 && self.inside(k) > 0 {
            return Step::Skip(j);
        }
        if run == Run::Period
            && !closed
            && let Some(after) = self.footnote_end(i, j, end)
        {
            return Step::Split {
                end: after,
                next: after,
            };
        }
        let next = self.skip_space(k);
        if next >= end {
            return Step::Skip(end);
        }
        if next == k {
            let glued = run == Run::Wide || (run == Run::Period && !closed && self.glued_end(i));
            return if glued {
                Step::Split { end: k, next: k }
            } else {
                Step::Skip(j)
            };
        }
        let split = Step::Split { end: k, next };
        if markers.binary_search_by_key(&next, |m| m.start).is_ok() {
            return split;
        }
        let nc = self.get(next);
        if nc == '.' && !is_dash(c) {
            // "It ended. . . . The next" and "Done. .. Next": the period ends the sentence
            // when a new one starts after the dots.
            let mut p = next;
            while p < end && p - next < WORD_LOOK && matches!(self.b[p], b'.' | b' ') {
                p += 1;
            }
            return if run == Run::Period && p < end && self.starts_sentence(p) {
                split
            } else {
                Step::Skip(j)
            };
        }
        // After a dash a question or exclamation ends if a new sentence starts beyond it
        // ("What do you see? - Posted ..."), not in an aside ("and -- voila! -- you have
        // cake"); a period before a dash closes a dateline ("SPOKANE, Wash. — The mayor").
        if is_dash(nc) && run == Run::Period {
            return Step::Skip(j);
        }
        let mut look = next;
        let mut len = 0;
        while look < end && len < WORD_LOOK && (is_dash(self.get(look)) || self.get(look) == ' ') {
            look = self.next(look);
            len += 1;
        }
        if look >= end {
            return Step::Skip(j);
        }
        if self.get(look).is_lowercase() {
            let ends =
                run == Run::Period && !closed && look == next && self.ends_before_lowercase(i, seg);
            return if ends { split } else { Step::Skip(j) };
        }
        if !self.starts_sentence(look) {
            return Step::Skip(j);
        }
        if closed && self.get(look) == '(' && self.b[k - 1] != b')' {
            return if self.parenthetical_stands_alone(look, end) {
                split
            } else {
                Step::Skip(j)
            };
        }
        let boundary = match run {
            Run::Wide | Run::Ellipsis => true,
            Run::Exclaim => !self.exclaimed_name(i, j),
            Run::Period => closed || self.period_ends(i, seg, look),
        };
        if boundary { split } else { Step::Skip(j) }
    }

    /// Whether `k` holds a mark that closes the sentence before it: the closing mark of a pair,
    /// or a closing mark nothing opened (a quotation carried over from the paragraph before).
    fn closes_here(&self, k: usize) -> bool {
        if self.closes(k) {
            return true;
        }
        let c = self.get(k);
        if !is_closer(c) || self.partner(k).is_some() {
            return false;
        }
        !is_quote(c) || !self.get(self.next(k)).is_alphanumeric()
    }

    /// A footnote mark glued to a sentence's period and followed by the next sentence:
    /// "martyr.[1] The", "in a consultation.11 12 Take", "(1987).1 According". Returns where
    /// the mark ends.
    fn footnote_end(&self, i: usize, j: usize, end: usize) -> Option<usize> {
        let before = if i > 0 { self.before(i) } else { ' ' };
        if before.is_whitespace() {
            return None;
        }
        let mut k = j;
        if self.get(k) == '[' {
            while self.get(k) == '[' {
                let close = self
                    .partner(k)
                    .filter(|&c| c - k <= 48 && self.slice(k, c).chars().count() <= 12)?;
                let inner = self.slice(k + 1, close);
                if inner.is_empty()
                    || !inner
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–'))
                {
                    return None;
                }
                k = close + 1;
            }
        } else {
            if before.is_ascii_digit() {
                return None;
            }
            let mut groups = 0;
            loop {
                let s = k;
                while self.get(k).is_ascii_digit() && k - s < 4 {
                    k += 1;
                }
                if k == s || k - s > 3 || self.get(k).is_ascii_digit() {
                    return None;
                }
                groups += 1;
                if groups < 2 && self.get(k) == ' ' && self.get(k + 1).is_ascii_digit() {
                    let mut t = k + 1;
                    while self.get(t).is_ascii_digit() {
                        t += 1;
                    }
                    if t - (k + 1) <= 3 && self.get(t).is_whitespace() {
                        k += 1;
                        continue;
                    }
                }
                break;
            }
        }
        let next = self.skip_space(k);
        (next > k && next < end && {
            let c = self.get(next);
            c.is_uppercase() || (is_opener(c) && self.starts_sentence(next))
        })
        .then_some(k)
    }

    /// A period between two sentences typed without a space: "world.Today", "1,000.That",
    /// but not "Jane.Doe@example.com", "www.Example.org" or "Mr.Smith".
    fn glued_end(&self, i: usize) -> bool {
        let before = if i > 0 { self.before(i) } else { ' ' };
        let (after, after2) = (self.get(i + 1), self.get(self.next(i + 1)));
        if !(after.is_uppercase() && after2.is_lowercase()) {
            return false;
        }
        let (ws, _) = self.word_before(i, 0);
        let word = self.slice(ws, i);
        let letters_before = i > 0 && {
            let p = self.prev(i);
            p > 0 && before.is_lowercase() && self.before(p).is_alphabetic()
        };
        if !(letters_before || before.is_ascii_digit()) || word.contains('.') {
            return false;
        }
        if self.lex.sentence.abbreviations.contains_key(word) {
            return false;
        }
        let mut s = i;
        let mut len = 0;
        while s > 0 && len < WORD_LOOK && !self.before(s).is_whitespace() {
            s = self.prev(s);
            len += 1;
        }
        let mut e = i + 1;
        let mut len = 1;
        while e < self.n() && len < WORD_LOOK && !self.get(e).is_whitespace() {
            e = self.next(e);
            len += 1;
        }
        let token = self.slice(s, e);
        !(token.contains(['@', '/', ':', '\\']) || token.contains("www"))
    }

    /// A name written with a final "!" ("Yahoo!").
    fn exclaimed_name(&self, i: usize, j: usize) -> bool {
        let (s, _) = self.word_before(i, 0);
        let name = self.slice(s, j);
        self.lex.sentence.exclaimed_names.contains(name)
    }

    /// Whether a parenthesis after a closing quotation is a sentence of its own: it is when a
    /// new sentence follows it ("... think!" (Dinah was the cat.) "I hope ..."), not when it
    /// closes the paragraph ("... the house!' (Which was true.)").
    fn parenthetical_stands_alone(&self, open: usize, end: usize) -> bool {
        let Some(close) = self.partner(open) else {
            return true;
        };
        let after = close + 1;
        let next = self.skip_space(after);
        next > after && next < end && self.starts_sentence(next)
    }

    /// A spaced ellipsis of `dots` periods from `i` to `k`. One that stands apart from the
    /// word before (" . . . ") marks an omission inside the sentence; a fourth period closes
    /// the sentence. One glued to the word before ("word. . . .") is the sentence's period and
    /// an omission opening the next sentence, if one follows.
    fn spaced_ellipsis(&self, i: usize, k: usize, dots: usize, end: usize) -> Step {
        let apart = i == 0 || self.before(i).is_whitespace();
        let mut close = k;
        while close < end && self.closes_here(close) {
            close = self.next(close);
        }
        if self.inside(i) > 0 && self.inside(close) > 0 {
            return Step::Skip(k);
        }
        let next = self.skip_space(close);
        let new_sentence = next > close && next < end && self.starts_sentence(next);
        if apart && dots == 3 || !new_sentence {
            return Step::Skip(k);
        }
        if !apart && dots >= 4 && self.inside(i) == 0 {
            return Step::Split {
                end: i + 1,
                next: i + 1,
            };
        }
        Step::Split { end: close, next }
    }

    /// Whether a single period after a word, followed by something that can start a sentence
    /// at `next`, ends the sentence: the abbreviation rules.
    fn period_ends(&self, i: usize, seg: usize, next: usize) -> bool {
        let (ws, _) = self.word_before(i, seg);
        let word = self.slice(ws, i);
        if word.is_empty() {
            return true;
        }
        let first_word = self.skip_space(seg) == ws;
        let nc = self.get(next);
        let sentence = &self.lex.sentence;
        if nc.is_numeric() {
            let folded = word.to_lowercase();
            return !(sentence.abbreviations_folded.contains(&folded)
                || word.ends_with(['°', 'º'])
                || first_word && is_label(word));
        }
        let following = self.word_at(next);
        if let Some(&kind) = sentence.abbreviations.get(word) {
            return match kind {
                AbbreviationKind::Title => false,
                AbbreviationKind::Final => true,
                AbbreviationKind::Clock => self.clock_ends(seg, ws, following),
                AbbreviationKind::Other => self.is_starter(following),
            };
        }
        if first_word && is_label(word) {
            return false;
        }
        let mut letters = word.chars();
        let single = letters.next().filter(|_| letters.next().is_none());
        if let Some(letter) = single
            && letter.is_alphabetic()
        {
            // A capital is an initial ("John F. Kennedy") or a label, but "I" is a word.
            return letter.is_lowercase() || letter == 'I' && self.is_starter(following);
        }
        if is_initialism(word) {
            return self.is_starter(following);
        }
        true
    }

    /// Whether a single period before a lowercase word ends the sentence: it does after a
    /// plain word ("in the city. features"), not after an abbreviation, a short word or a
    /// cluster of consonants ("a min. may", "5 pct. of", "approx. three").
    fn ends_before_lowercase(&self, i: usize, seg: usize) -> bool {
        let (ws, _) = self.word_before(i, seg);
        let word = self.slice(ws, i);
        let folded = word.to_lowercase();
        word.chars().count() >= 4
            && word.chars().all(char::is_alphabetic)
            && folded.contains(['a', 'e', 'i', 'o', 'u', 'y'])
            && !self.lex.sentence.abbreviations_folded.contains(&folded)
    }

    /// After "a.m." or "p.m.": a time zone, weekday or month goes on the sentence, and so does
    /// everything after a sentence that only began with the time ("At 5 a.m. Mr. Smith left").
    fn clock_ends(&self, seg: usize, ws: usize, following: &str) -> bool {
        let zone =
            (2..=4).contains(&following.len()) && following.chars().all(|c| c.is_ascii_uppercase());
        let lower = following.to_lowercase();
        if zone || self.lex.weekdays.contains_key(&lower) || self.lex.months.contains_key(&lower) {
            return false;
        }
        let from = self.skip_space(seg);
        let opening = self.slice(from, ws);
        let words: Vec<&str> = opening.split_whitespace().take(4).collect();
        let introduces = opening.chars().take(WORD_LOOK + 1).count() <= WORD_LOOK
            && words.len() <= 3
            && !opening.contains(',')
            && words.first().is_some_and(|w| {
                crate::text::with_lower(w.trim_start_matches(is_opener), |w| {
                    self.lex.sentence.time_openers.contains(w)
                })
            });
        !introduces
    }

    /// Adds the segment from `s` to `e`, trimmed of space, markup and decoration.
    fn push(&self, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
        let (s, e) = self.trim(s, e);
        if s >= e {
            return;
        }
        out.push((s, e));
    }
}

/// What the scan does at a run of final punctuation.
enum Step {
    /// The sentence ends at `end`; the next one starts at `next`.
    Split { end: usize, next: usize },
    /// No boundary: go on from the given index.
    Skip(usize),
}

/// A label opening a sentence rather than ending one: "Q.", "A.", "d.", "1.", "iv.".
fn is_label(word: &str) -> bool {
    let mut cs = word.chars();
    let one_letter = cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none();
    one_letter
        || (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        || roman_value(word).is_some()
}

/// An initialism written with periods: "U.S", "J.K", "Ph.D" (parts of one or two letters).
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
#[path = "sentences_tests.rs"]
mod cases;
