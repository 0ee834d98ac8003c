//! Sentence boundaries in news prose: abbreviations, initials, decimals, numbered lists,
//! quotations, parentheses, ellipses, and headlines without a final period.

use crate::corpus::clean::split_paragraphs;
use crate::lexicon::Lexicon;

/// Closing marks that may follow a sentence's final punctuation and belong to it.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '¿' | '¡' | '—' | '-'
    )
}

/// Splits raw text into sentence spans: paragraphs (blank lines, or lines that stand alone)
/// first, then sentences inside each.
pub fn split_text(text: &str) -> Vec<(usize, usize)> {
    split_paragraphs(text, false)
        .into_iter()
        .flat_map(|(s, e)| {
            split_sentences(&text[s..e])
                .into_iter()
                .map(move |(a, b)| (s + a, s + b))
        })
        .collect()
}

/// Splits one paragraph into sentence spans (byte offsets, trimmed, never empty).
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let lex = Lexicon::global();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        let ellipsis = c == '…' || j - i >= 3;
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == chars.len() {
            break;
        }
        if k == j {
            i = j.max(i + 1);
            continue;
        }
        if is_boundary(text, &chars, i, k, c, ellipsis, lex) {
            push_trimmed(text, start, end, &mut out);
            start = chars[k].0;
        }
        i = k;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push((s + lead, s + lead + trimmed.len()));
    }
}

fn token_before(text: &str, byte: usize) -> &str {
    let head = &text[..byte];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map_or(0, |(b, c)| b + c.len_utf8());
    &head[start..]
}

fn next_word(text: &str, byte: usize) -> &str {
    let rest = &text[byte..];
    let rest = rest.trim_start_matches(|c: char| is_opener(c));
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map_or(rest.len(), |(b, _)| b);
    &rest[..end]
}

/// Abbreviations that often end a sentence too: a following function word starts a new one.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &[
    "U.S", "U.K", "U.N", "E.U", "D.C", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "U.S.A",
];
/// Abbreviations after which a capitalised word (other than a time zone) starts a sentence.
const LOWERCASE_FINAL_ABBREVIATIONS: &[&str] = &["a.m", "p.m", "etc"];

fn is_boundary(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    k: usize,
    c: char,
    ellipsis: bool,
    lex: &Lexicon,
) -> bool {
    let next_char = chars[k].1;
    let next = next_word(text, chars[k].0);
    let next_starts_upper = next
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
        || (next.is_empty() && is_opener(next_char));
    if !next_starts_upper {
        return false;
    }
    if c != '.' || ellipsis {
        return true;
    }
    let before = token_before(text, chars[i].0);
    let word = before.trim_end_matches('.');
    let next_is_function_word = lex.is_stopword(next);
    if LOWERCASE_FINAL_ABBREVIATIONS.contains(&word) {
        return !(next.len() <= 4 && next.chars().all(|c| c.is_ascii_uppercase()));
    }
    if SENTENCE_FINAL_ABBREVIATIONS.contains(&word) {
        return next_is_function_word;
    }
    if lex.abbreviations.contains(word) {
        return false;
    }
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return next_is_function_word;
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return next_is_function_word;
    }
    if !word.is_empty() && word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit()) {
        let before = text[..chars[i].0 - word.len()].trim_end();
        let after_abbreviation = before.ends_with('.')
            && lex
                .abbreviations
                .contains(token_before(before, before.len() - 1).trim_end_matches('.'));
        if before.is_empty() || before.ends_with(['.', '!', '?', ':', ';']) && !after_abbreviation {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_text(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn boundary_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The vote is on Nov. 22. Polls open at 7 a.m. and close at 8 p.m. Results follow.",
                &[
                    "The vote is on Nov. 22.",
                    "Polls open at 7 a.m. and close at 8 p.m.",
                    "Results follow.",
                ],
            ),
            (
                "Gen. Oleh Petrenko spoke. He was brief.",
                &["Gen. Oleh Petrenko spoke.", "He was brief."],
            ),
            (
                "Mr. Smith met Dr. Jones at St. Mary's.",
                &["Mr. Smith met Dr. Jones at St. Mary's."],
            ),
            (
                "Jonas E. Smith testified on Monday.",
                &["Jonas E. Smith testified on Monday."],
            ),
            (
                "Growth was 2.5 percent. Inflation was 3.1.",
                &["Growth was 2.5 percent.", "Inflation was 3.1."],
            ),
            (
                "\"We will hold,\" the mayor said. The water kept rising.",
                &[
                    "\"We will hold,\" the mayor said.",
                    "The water kept rising.",
                ],
            ),
            (
                "\"It is over.\" She left the room.",
                &["\"It is over.\"", "She left the room."],
            ),
            (
                "\"Is it over?\" she asked.",
                &["\"Is it over?\" she asked."],
            ),
            ("Stop! Go now.", &["Stop!", "Go now."]),
            ("Why? Nobody knows.", &["Why?", "Nobody knows."]),
            (
                "He paused... Then he spoke.",
                &["He paused...", "Then he spoke."],
            ),
            (
                "He paused... and then spoke.",
                &["He paused... and then spoke."],
            ),
            (
                "The firm (founded in 1990.) grew. It hired more.",
                &["The firm (founded in 1990.) grew.", "It hired more."],
            ),
            (
                "Prices rose (see chart.) Sales fell.",
                &["Prices rose (see chart.)", "Sales fell."],
            ),
            (
                "Aid from the U.S. arrived. The U.S. Senate voted.",
                &["Aid from the U.S. arrived.", "The U.S. Senate voted."],
            ),
            ("The U.S. The other one.", &["The U.S.", "The other one."]),
            (
                "Acme Inc. said profits rose.",
                &["Acme Inc. said profits rose."],
            ),
            (
                "She works at Acme Inc. The firm is big.",
                &["She works at Acme Inc.", "The firm is big."],
            ),
            (
                "The cost was approx. three million.",
                &["The cost was approx. three million."],
            ),
            (
                "1. Open the valve. 2. Close the door.",
                &["1. Open the valve.", "2. Close the door."],
            ),
            (
                "Headline without a period\n\nBody sentence one. Body two.",
                &[
                    "Headline without a period",
                    "Body sentence one.",
                    "Body two.",
                ],
            ),
            (
                "Talks are set for Jan. 5 in Geneva.",
                &["Talks are set for Jan. 5 in Geneva."],
            ),
            (
                "It cost $4.5bn. Critics balked.",
                &["It cost $4.5bn.", "Critics balked."],
            ),
            (
                "Email me at a@b.com. Thanks.",
                &["Email me at a@b.com.", "Thanks."],
            ),
            (
                "The score was 3-1. Fans cheered.",
                &["The score was 3-1.", "Fans cheered."],
            ),
            ("Line one\nLine two\n", &["Line one", "Line two"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "  First one. Second one!  \n\nThird";
        for (s, e) in split_text(text) {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s < e);
            assert_eq!(text[s..e].trim(), &text[s..e]);
        }
    }
}

#[cfg(test)]
#[path = "sentences_tests.rs"]
mod cases;
