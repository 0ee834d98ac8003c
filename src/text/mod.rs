//! Text primitives shared by every layer: words, spans, tokens, display safety.

mod interned;
mod span;
mod tokens;
mod word_regex;

pub use interned::{Interned, intern};
pub use span::Span;
pub(crate) use tokens::{Tok, TokKind, tokenize, tokenize_into};
pub use word_regex::WordRegex;

/// The first token of a word as the figure parser reads it ("more-or-less" starts with
/// "more", "km2" with "km"), `None` for a word with none.
pub(crate) fn first_token(word: &str) -> Option<&str> {
    tokenize(word).first().map(|t| &word[t.start..t.end])
}

/// The words of a text with their byte offsets: runs of letters, digits, apostrophes and inner
/// hyphens or periods (so "U.S.", "Commander-in-Chief" and "Russia's" stay whole).
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            let (c, len) = char_at(text, pos)?;
            if c.is_alphanumeric() {
                break;
            }
            pos += len;
        }
        let start = pos;
        let mut end = start;
        while let Some((c, len)) = char_at(text, pos) {
            if c.is_alphanumeric() {
                pos += len;
                end = pos;
            } else if matches!(c, '\'' | '’' | '-' | '.')
                && char_at(text, pos + len).is_some_and(|(n, _)| n.is_alphanumeric())
            {
                pos += len;
            } else {
                break;
            }
        }
        Some((start, &text[start..end]))
    })
}

/// The character starting at byte `i` and its length, decoding only past ASCII.
pub(crate) fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => text[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// Calls `f` with `s` lowercased, without allocating for a short ASCII word (the common case
/// for lookups in word lists).
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 48;
    if s.len() > SHORT {
        return f(&lower(s));
    }
    if !s.is_ascii() {
        // Lowercased character by character into a buffer on the stack, unless it outgrows
        // it or holds a capital sigma (which lowercases by its neighbours).
        let mut buf = [0u8; 2 * SHORT];
        let mut len = 0;
        for c in s.chars() {
            for l in c.to_lowercase() {
                if c == 'Σ' || len + l.len_utf8() > buf.len() {
                    return f(&lower(s));
                }
                len += l.encode_utf8(&mut buf[len..]).len();
            }
        }
        return f(std::str::from_utf8(&buf[..len]).expect("characters encode as UTF-8"));
    }
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(s);
    }
    let mut buf = [0u8; SHORT];
    let buf = &mut buf[..s.len()];
    buf.copy_from_slice(s.as_bytes());
    buf.make_ascii_lowercase();
    f(std::str::from_utf8(buf).expect("ASCII stays UTF-8"))
}

/// Lowercases and collapses runs of whitespace to one space.
pub fn collapse_lower(s: &str) -> String {
    // Lowercasing a whole text or each of its words gives the same words (a final sigma is
    // final before whitespace either way), so a text past ASCII is lowercased once.
    let lowered;
    let text = if s.is_ascii() {
        s
    } else {
        lowered = to_lower(s);
        if is_collapsed(&lowered) {
            return lowered;
        }
        &lowered
    };
    // Most paragraphs are words split by single spaces already: copied and lowercased whole.
    if is_collapsed(text) {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let gap = space_len(text, i);
        if gap > 0 {
            i += gap;
            continue;
        }
        let start = i;
        // Byte by byte: a continuation byte never starts whitespace.
        while i < text.len() && space_len(text, i) == 0 {
            i += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..i]);
    }
    out.make_ascii_lowercase();
    out
}

/// Whether `text` is words split by single spaces: no whitespace at either end, none but a
/// space between words, never two together. Not an empty text.
fn is_collapsed(text: &str) -> bool {
    // Each test is a scan the compiler or memchr runs many bytes at a time.
    let b = text.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    first != b' '
        && last != b' '
        && !b.iter().any(|c| (0x09..=0x0D).contains(c))
        && memchr::memmem::find(b, b"  ").is_none()
        && !memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b)
            .chain(memchr::memchr_iter(0xE3, b))
            .any(|i| space_len(text, i) > 0)
}

/// The length of the whitespace character (as `char::is_whitespace` has it) at byte `i`, or 0.
/// Past ASCII only the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 start one, and only there is the
/// character decoded.
fn space_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => usize::from(char::from(b).is_whitespace()),
        Some(0xC2 | 0xE1 | 0xE2 | 0xE3) => char_at(text, i)
            .filter(|(c, _)| c.is_whitespace())
            .map_or(0, |(_, len)| len),
        _ => 0,
    }
}

/// Whether lowercasing `text` whole, whitespace runs collapsed or not, gives its words each
/// lowercased, with the same shape ([`has_content_shape`]): true unless it holds a capital
/// sigma (lowercased by its neighbours) or a dotted capital I (lowercased to a letter and a
/// mark, which splits the word). Looked for by their lead bytes, which most texts lack.
pub fn lowers_word_by_word(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2(0xC4, 0xCE, b).is_none() || !text.contains(['İ', 'Σ'])
}

/// Appends `s` lowercased (as `str::to_lowercase` does, final sigma included), without an
/// intermediate string.
pub fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    // A capital sigma lowercases by what surrounds it in `s`: left to the standard library.
    if s.contains('Σ') {
        out.push_str(&s.to_lowercase());
        return;
    }
    // The standard library lowercases character by character once it meets a non-ASCII one;
    // news text is ASCII but for a name or a quotation mark here and there, so the ASCII runs
    // between them are copied and lowercased whole.
    let mut rest = s;
    loop {
        let mut chars = push_ascii_run_lower(out, rest).chars();
        let Some(c) = chars.next() else {
            return;
        };
        out.extend(c.to_lowercase());
        rest = chars.as_str();
    }
}

/// Appends the ASCII run `s` starts with to `out`, lowercased, and returns the rest of `s`,
/// which starts at its first character outside ASCII (or is empty).
fn push_ascii_run_lower<'a>(out: &mut String, s: &'a str) -> &'a str {
    let ascii = s.bytes().position(|b| !b.is_ascii()).unwrap_or(s.len());
    let start = out.len();
    out.push_str(&s[..ascii]);
    out[start..].make_ascii_lowercase();
    &s[ascii..]
}

/// `s` lowercased, exactly as `str::to_lowercase` has it, faster on text that is mostly ASCII.
pub fn to_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

/// Words of one text lowercased, each as [`lower`] has it, in one buffer; or of many texts
/// (an article's sentences) added one after another, so that they cost a few allocations
/// between them, not two or three each.
#[derive(Debug, Default)]
pub struct LowerWords {
    buf: String,
    /// Each word's span in its text's part of `buf`.
    spans: Vec<(usize, usize)>,
    /// The part [`LowerWords::of`] made.
    first: LowerPart,
}

/// Where one text's words are in a [`LowerWords`]: its part of the buffer and of the spans.
#[derive(Debug, Default, Clone, Copy)]
pub struct LowerPart {
    buf: (usize, usize),
    spans: (usize, usize),
    /// The text's part of the buffer is the whole text lowercased, each character in its own
    /// place.
    in_place: bool,
}

/// One text's lowercase words, read from a [`LowerWords`].
#[derive(Debug, Clone, Copy)]
pub struct Lows<'a> {
    buf: &'a str,
    spans: &'a [(usize, usize)],
    in_place: bool,
}

impl LowerWords {
    /// The words of `text` at byte spans `words` (start, end), lowercased.
    pub fn of(text: &str, words: impl ExactSizeIterator<Item = (usize, usize)>) -> LowerWords {
        let mut out = LowerWords::with_capacity(text.len(), words.len());
        out.first = out.add(text, words);
        out
    }

    /// Room for texts of `bytes` in all, with `words` words.
    pub fn with_capacity(bytes: usize, words: usize) -> LowerWords {
        LowerWords {
            buf: String::with_capacity(bytes),
            spans: Vec::with_capacity(words),
            first: LowerPart::default(),
        }
    }

    /// Adds the words of `text` at byte spans `words`, lowercased; read them back with
    /// [`LowerWords::part`].
    pub fn add(
        &mut self,
        text: &str,
        words: impl ExactSizeIterator<Item = (usize, usize)>,
    ) -> LowerPart {
        let (buf_from, spans_from) = (self.buf.len(), self.spans.len());
        // Where no character changes its length when lowercased (all of an ASCII text), the
        // text is lowercased whole and the words keep their spans.
        let in_place = push_lower_in_place(&mut self.buf, text);
        if in_place {
            self.spans.extend(words);
        } else {
            self.spans.reserve(words.len());
            for (s, e) in words {
                let start = self.buf.len() - buf_from;
                push_lower(&mut self.buf, &text[s..e]);
                self.spans.push((start, self.buf.len() - buf_from));
            }
        }
        LowerPart {
            buf: (buf_from, self.buf.len()),
            spans: (spans_from, self.spans.len()),
            in_place,
        }
    }

    /// The words of a text added with [`LowerWords::add`].
    pub fn part(&self, p: LowerPart) -> Lows<'_> {
        Lows {
            buf: &self.buf[p.buf.0..p.buf.1],
            spans: &self.spans[p.spans.0..p.spans.1],
            in_place: p.in_place,
        }
    }

    /// The words of the text [`LowerWords::of`] was given.
    pub fn lows(&self) -> Lows<'_> {
        self.part(self.first)
    }

    /// Word `i` of the text [`LowerWords::of`] was given, lowercased; `None` past the last.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.lows().get(i)
    }
}

impl<'a> Lows<'a> {
    /// Word `i` lowercased, `None` past the last.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let &(s, e) = self.spans.get(i)?;
        self.buf.get(s..e)
    }

    /// The whole text lowercased with every character where it was, so that any span of the
    /// text is its own span lowercased; `None` where lowercasing moved characters (and the
    /// text was lowercased word by word).
    pub fn whole(&self) -> Option<&'a str> {
        self.in_place.then_some(self.buf)
    }
}

/// Appends `text` lowercased if every character of it lowercases, on its own, to one
/// character of the same length (so each word's lowercase form has the word's span), and
/// says so; appends nothing and says not otherwise, and for a capital sigma, which
/// lowercases by its neighbours.
fn push_lower_in_place(out: &mut String, text: &str) -> bool {
    let start = out.len();
    if text.is_ascii() {
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return true;
    }
    let mut rest = text;
    loop {
        let mut chars = push_ascii_run_lower(out, rest).chars();
        let Some(c) = chars.next() else {
            return true;
        };
        let mut lowered = c.to_lowercase();
        match (lowered.next(), lowered.next()) {
            (Some(l), None) if c != 'Σ' && l.len_utf8() == c.len_utf8() => out.push(l),
            _ => {
                out.truncate(start);
                return false;
            }
        }
        rest = chars.as_str();
    }
}

/// Lowercase, borrowing when the text has no uppercase letter (most words have none).
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) || !s.is_ascii() {
        std::borrow::Cow::Owned(to_lower(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A word folded for comparison: lowercase, possessive and simple plural removed.
pub fn fold_word(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    fold_word_into(word, &mut w);
    w
}

/// [`fold_word`] into a buffer, replacing what it held: for loops over many words.
pub fn fold_word_into(word: &str, w: &mut String) {
    w.clear();
    push_lower(w, word);
    fold_tail(w);
}

/// [`fold_word_into`] for a word already lowercased.
pub fn fold_lowered_into(lower: &str, w: &mut String) {
    w.clear();
    w.push_str(lower);
    fold_tail(w);
}

/// What folding does after lowercasing: quotes made plain, possessive and plural removed.
fn fold_tail(w: &mut String) {
    // The byte '’' starts with, looked for first: a cheaper test than for the character.
    if w.bytes().any(|b| b == 0xE2) && w.contains('’') {
        *w = w.replace('’', "'");
    }
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    }
    while w.ends_with('\'') {
        w.pop();
    }
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
}

/// A word that can carry content, stopwords aside: two characters or more, a letter among
/// them, not starting with a digit.
pub fn has_content_shape(w: &str) -> bool {
    w.chars().nth(1).is_some()
        && w.chars().any(char::is_alphabetic)
        && !w.starts_with(|c: char| c.is_ascii_digit())
}

/// True when a word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Characters that must not be shown raw: controls, bidi overrides, invisible formatters.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
        || matches!(c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Replaces anything unsafe for a terminal with nothing and tabs with spaces: the last guard
/// before text from an article is drawn or printed.
pub fn display_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| c == '\t' || is_unsafe(c)) {
        std::borrow::Cow::Owned(
            s.chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    c if is_unsafe(c) => None,
                    c => Some(c),
                })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whitespace-separated words with their byte offsets.
pub fn split_words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Wraps text into lines of at most `width` display columns, breaking at spaces (and inside
/// words longer than a line).
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let lw = line.width();
            let ww = word.width();
            if lw == 0 && ww <= width {
                line = word;
                break;
            }
            if lw > 0 && lw + 1 + ww <= width {
                line.push(' ');
                line.push_str(&word);
                break;
            }
            if lw > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            let mut head = String::new();
            let mut rest = String::new();
            for c in word.chars() {
                if rest.is_empty() && (head.clone() + &c.to_string()).width() <= width {
                    head.push(c);
                } else {
                    rest.push(c);
                }
            }
            lines.push(head);
            word = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_lower_lowercases_as_str_does() {
        for s in ["Kyiv SAID", "ΟΔΟΣ", "Zaporizhzhia’s ÉTAT"] {
            let mut out = String::from("> ");
            super::push_lower(&mut out, s);
            assert_eq!(out, format!("> {}", s.to_lowercase()), "{s}");
        }
    }

    #[test]
    fn to_lower_lowercases_as_str_does() {
        for s in [
            "",
            "plain ascii",
            "Zürich SAID “Yes”",
            "ÉTAT-İSTANBUL",
            "ΟΔΟΣ ΣΑΣ Σ",
            "Kelvin \u{212A} and ẞ",
            "ǅ ǈ ǋ ǲ",
            "a\u{0}B\u{7f}C\u{80}D",
        ] {
            assert_eq!(super::to_lower(s), s.to_lowercase(), "{s:?}");
        }
    }

    #[test]
    fn collapse_lower_folds_case_and_whitespace_in_any_script() {
        assert_eq!(
            super::collapse_lower("  Read MORE\t on\n\nKYIV Post  "),
            "read more on kyiv post"
        );
        assert_eq!(super::collapse_lower("ÉTAT Major ЗСУ"), "état major зсу");
        assert_eq!(super::collapse_lower(""), "");
        // Whitespace past ASCII separates words; other characters led by the same bytes
        // (a dash, an ideographic full stop) are kept.
        assert_eq!(
            super::collapse_lower("\u{a0}One\u{2009}TWO\u{3000}3\u{85}\u{2028} — Four。 "),
            "one two 3 — four。"
        );
    }

    proptest::proptest! {
        #[test]
        fn collapse_lower_is_the_lowercase_words_split_by_single_spaces(
            s in "[aAΣé \\t\\n\u{a0}\u{2009}\u{3000}’—]{0,12}|\\PC*"
        ) {
            let words: Vec<String> = s.to_lowercase().split_whitespace().map(String::from).collect();
            proptest::prop_assert_eq!(super::collapse_lower(&s), words.join(" "));
        }

        #[test]
        fn to_lower_agrees_with_the_standard_library(s in "\\PC*") {
            proptest::prop_assert_eq!(super::to_lower(&s), s.to_lowercase());
        }

        #[test]
        fn a_text_lowered_whole_holds_its_words_lowered(
            s in "[aAΑΣσİ0:.'’ \\-\u{a0}é\u{212A}]{0,16}|\\PC*"
        ) {
            if super::lowers_word_by_word(&s) {
                let whole = super::collapse_lower(&s);
                let whole: Vec<(&str, bool)> = super::words(&whole)
                    .map(|(_, w)| (w, super::has_content_shape(w)))
                    .collect();
                let each: Vec<(String, bool)> = super::words(&s)
                    .map(|(_, w)| (w.to_lowercase(), super::has_content_shape(w)))
                    .collect();
                let each: Vec<(&str, bool)> = each.iter().map(|(w, c)| (w.as_str(), *c)).collect();
                proptest::prop_assert_eq!(whole, each);
            }
        }
    }

    #[test]
    fn only_a_capital_sigma_or_dotted_i_keeps_a_text_from_lowering_whole() {
        for (text, whole) in [
            ("Kyiv SAID it", true),
            ("“Zürich’s” ÉTAT, \u{212A}elvin", true),
            ("ΟΔΟΣ", false),
            ("İSTANBUL", false),
            ("Ĳssel Ωmega", true),
        ] {
            assert_eq!(super::lowers_word_by_word(text), whole, "{text}");
        }
    }

    #[test]
    fn texts_added_one_after_another_each_read_back_their_own_words() {
        // An ASCII text, one lowercased word by word (a capital sigma), one in place with
        // letters outside ASCII, and an empty one, in one store: each part reads as if alone.
        let texts = ["Kyiv SAID it", "ΟΔΟΣ ΣΑΣ went", "Zürich’s ÉTAT said", ""];
        let mut store = super::LowerWords::default();
        let parts: Vec<_> = texts
            .iter()
            .map(|t| {
                let spans: Vec<_> = super::words(t).map(|(at, w)| (at, at + w.len())).collect();
                store.add(t, spans.into_iter())
            })
            .collect();
        for (text, part) in texts.iter().zip(parts) {
            let lows = store.part(part);
            let words: Vec<&str> = super::words(text).map(|(_, w)| w).collect();
            for (i, w) in words.iter().enumerate() {
                assert_eq!(lows.get(i), Some(w.to_lowercase().as_str()), "{text}: {w}");
            }
            assert_eq!(lows.get(words.len()), None, "{text}");
            let whole = (!text.contains('Σ')).then(|| text.to_lowercase());
            assert_eq!(lows.whole(), whole.as_deref(), "{text}");
        }
    }

    #[test]
    fn lower_words_are_each_word_lowercased() {
        for text in [
            "Kyiv SAID it",
            "“Zürich’s” ÉTAT said",
            "ΟΔΟΣ ΣΑΣ went",
            "İSTANBUL and \u{212A}elvin grew",
        ] {
            let spans: Vec<(usize, usize)> = super::words(text)
                .map(|(at, w)| (at, at + w.len()))
                .chain([(0, 0)])
                .collect();
            let low = super::LowerWords::of(text, spans.iter().copied());
            for (i, &(s, e)) in spans.iter().enumerate() {
                let want = text[s..e].to_lowercase();
                assert_eq!(low.get(i), Some(want.as_str()), "{text}: {}", &text[s..e]);
            }
            assert_eq!(low.get(spans.len()), None);
        }
    }

    #[test]
    fn with_lower_lowercases_short_long_and_non_ascii_words() {
        let low = |w: &str| super::with_lower(w, str::to_string);
        assert_eq!(low("Zaporizhzhia"), "zaporizhzhia");
        assert_eq!(low("said"), "said");
        assert_eq!(low("ÖSTERREICH"), "österreich");
        for word in ["ΟΔΟΣ", "ΣΑΣ", "İSTANBUL", "\u{212A}ELVIN", &"İ".repeat(24)] {
            assert_eq!(low(word), word.to_lowercase(), "{word}");
        }
        let long = "A".repeat(60);
        assert_eq!(low(&long), "a".repeat(60));
        assert_eq!(low(""), "");
    }

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), [""]);
    }

    use super::*;

    #[test]
    fn words_keep_inner_punctuation() {
        let w: Vec<_> = words("The U.S. and Russia's Commander-in-Chief, (quoted).")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "The",
                "U.S",
                "and",
                "Russia's",
                "Commander-in-Chief",
                "quoted"
            ]
        );
        let w: Vec<_> = words("«Київ’s» café-bar — 12.5%, 2024-11-22…ÉTÉ.").collect();
        assert_eq!(
            w,
            [
                (2, "Київ’s"),
                (17, "café-bar"),
                (31, "12.5"),
                (38, "2024-11-22"),
                (51, "ÉTÉ")
            ]
        );
    }

    #[test]
    fn folds_plurals_and_possessives() {
        assert_eq!(fold_word("Russia's"), "russia");
        assert_eq!(fold_word("troops"), "troop");
        assert_eq!(fold_word("casualties"), "casualty");
        assert_eq!(fold_word("press"), "press");
    }

    #[test]
    fn display_safe_removes_controls() {
        assert_eq!(display_safe("a\tb\u{202E}c\u{7}"), "a bc");
        assert!(matches!(
            display_safe("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
