//! Which lines of raw text form one paragraph: a line break ends a sentence (a heading, a
//! list item, a menu entry) unless the line is visibly wrapped prose.

use super::marker_at;
use crate::corpus::clean::split_paragraphs;
use crate::lexicon::Lexicon;

/// The text's lines as trimmed spans: the paragraphs `split_paragraphs` finds (which keeps a
/// hard-wrapped block whole), each cut again at a lone carriage return.
pub(super) fn lines_of(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in split_paragraphs(text, false) {
        let mut from = s;
        let bytes = text.as_bytes();
        for (k, _) in text[s..e].match_indices('\r') {
            let at = s + k;
            if bytes.get(at + 1) != Some(&b'\n') {
                push_line(text, from, at, &mut out);
                from = at + 1;
            }
        }
        push_line(text, from, e, &mut out);
    }
    out
}

fn push_line(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push((s + lead, s + lead + trimmed.len()));
    }
}

/// Whether the line `next` goes on the sentence of the line ending at `end`: one line break
/// between them (no blank line), the next line starts in lowercase (or with a parenthesis after
/// a line without final punctuation), and the first line is visibly cut short: a trailing
/// space before the break, or a final comma, hyphen or function word.
pub(super) fn continues(text: &str, end: usize, next: (usize, usize), lex: &Lexicon) -> bool {
    let gap = &text[end..next.0];
    let breaks =
        gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count();
    if breaks != 1 {
        return false;
    }
    let line = &text[..end];
    let first = text[next.0..next.1].chars().next().unwrap_or(' ');
    let ends_open = !line.ends_with(['.', '!', '?', '…', ':', ';', '"', '”', '\'', '’', ')']);
    let starts_on = first.is_lowercase() || (first == '(' && ends_open);
    if !starts_on || starts_with_marker(&text[next.0..next.1]) {
        return false;
    }
    let trailing_space = gap.starts_with([' ', '\t']);
    let last_word = line
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    trailing_space || line.ends_with([',', '-', '–']) || lex.is_stopword(last_word)
}

/// Whether a line opens with a list marker ("a) ", "iv. ", "b.) ").
fn starts_with_marker(line: &str) -> bool {
    let head = line.char_indices().nth(8).map_or(line, |(b, _)| &line[..b]);
    marker_at(head, 0).is_some()
}
