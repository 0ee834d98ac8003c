//! The figure parser's tokens: numbers, words and single other characters, each knowing
//! whether space stood before it.
//!
//! A number token is digits with the separators a figure uses: "2,418", "12.5", ".08",
//! "22,240,260". Commas must group thousands: "22,24,26" is three numbers and two commas, as
//! is "192.168.1.2" (four numbers). Words are letters, with apostrophes inside ("occupier's");
//! a hyphen is its own token, so "twenty-five" and "four-mile" read as their parts.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub space_before: bool,
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 4);
    tokenize_into(text, &mut toks);
    toks
}

/// [`tokenize`] into `toks`, emptied first: a caller that reads many texts keeps one vector.
pub(crate) fn tokenize_into(text: &str, toks: &mut Vec<Tok>) {
    toks.clear();
    let at = |i: usize| crate::text::char_at(text, i);
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut pos = 0;
    let mut space = true;
    let mut prev_alnum = false;
    while let Some((c, len)) = at(pos) {
        if c.is_whitespace() {
            space = true;
            prev_alnum = false;
            pos += len;
            continue;
        }
        let start = pos;
        if c.is_ascii_digit() || (c == '.' && digit(pos + 1) && !prev_alnum) {
            let mut end = pos + 1;
            while end < bytes.len()
                && (bytes[end].is_ascii_digit()
                    || (matches!(bytes[end], b',' | b'.') && digit(end + 1)))
            {
                end += 1;
            }
            push_number(toks, text, start, end, space);
            pos = end;
        } else if c.is_alphabetic() {
            let mut end = pos + len;
            // Plain ASCII letters first; the rest of the word by characters.
            while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                end += 1;
            }
            while let Some((d, l)) = at(end) {
                let joins =
                    matches!(d, '\'' | '’') && at(end + l).is_some_and(|(n, _)| n.is_alphabetic());
                if d.is_alphabetic() || joins {
                    end += l;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                start,
                end,
                kind: TokKind::Word,
                space_before: space,
            });
            pos = end;
        } else {
            toks.push(Tok {
                start,
                end: pos + len,
                kind: TokKind::Sym,
                space_before: space,
            });
            pos += len;
        }
        prev_alnum = toks.last().is_some_and(|t| t.kind != TokKind::Sym);
        space = false;
        if pos < bytes.len() && bytes[pos] == b' ' {
            // The common gap: one space.
            space = true;
            prev_alnum = false;
            pos += 1;
        }
    }
}

/// Pushes the digits and separators `text[start..end]` as one number token when its commas
/// group thousands and it has at most one decimal point, else as numbers between separators.
fn push_number(toks: &mut Vec<Tok>, text: &str, start: usize, end: usize, space: bool) {
    let raw = &text[start..end];
    if raw.bytes().all(|b| b.is_ascii_digit()) {
        toks.push(Tok {
            start,
            end,
            kind: TokKind::Num,
            space_before: space,
        });
        return;
    }
    let dots = raw.matches('.').count();
    let commas_group = {
        let whole = raw.split('.').next().unwrap_or("");
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        (first.len() <= 3 || !whole.contains(','))
            && groups.all(|g| g.len() == 3)
            && !raw.split('.').skip(1).any(|frac| frac.contains(','))
    };
    if dots <= 1 && commas_group {
        toks.push(Tok {
            start,
            end,
            kind: TokKind::Num,
            space_before: space,
        });
        return;
    }
    // Split at every separator that breaks the grouping: each comma, and each dot when there
    // are several (keeping one decimal point where it is the only one).
    let split_dots = dots > 1;
    let mut piece = start;
    let mut first = true;
    for (k, b) in raw.bytes().enumerate() {
        let at = start + k;
        let splits = b == b',' || (b == b'.' && split_dots);
        if !splits {
            continue;
        }
        if piece < at {
            toks.push(Tok {
                start: piece,
                end: at,
                kind: TokKind::Num,
                space_before: space && first,
            });
            first = false;
        }
        toks.push(Tok {
            start: at,
            end: at + 1,
            kind: TokKind::Sym,
            space_before: space && first,
        });
        first = false;
        piece = at + 1;
    }
    if piece < end {
        toks.push(Tok {
            start: piece,
            end,
            kind: TokKind::Num,
            space_before: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| {
                let k = match t.kind {
                    TokKind::Word => "w",
                    TokKind::Num => "n",
                    TokKind::Sym => "s",
                };
                format!(
                    "{}{k}:{}",
                    if t.space_before { " " } else { "" },
                    &text[t.start..t.end]
                )
            })
            .collect()
    }

    #[test]
    fn numbers_keep_only_separators_that_group_thousands() {
        let table: &[(&str, &[&str])] = &[
            ("1,376 km", &[" n:1,376", " w:km"]),
            ("22,240,260", &[" n:22,240,260"]),
            ("22,24,26", &[" n:22", "s:,", "n:24", "s:,", "n:26"]),
            (
                "192.168.1.2",
                &[" n:192", "s:.", "n:168", "s:.", "n:1", "s:.", "n:2"],
            ),
            ("1,674,200.5", &[" n:1,674,200.5"]),
            ("rose .08 points", &[" w:rose", " n:.08", " w:points"]),
            ("v.2", &[" w:v", "s:.", "n:2"]),
            ("ends 2019.", &[" w:ends", " n:2019", "s:."]),
            ("a, b 3,5", &[" w:a", "s:,", " w:b", " n:3", "s:,", "n:5"]),
        ];
        crate::extract::check_table(table, show);
    }

    #[test]
    fn hyphens_split_words_and_apostrophes_do_not() {
        let table: &[(&str, &[&str])] = &[
            ("twenty-five", &[" w:twenty", "s:-", "w:five"]),
            (
                "the occupier's army",
                &[" w:the", " w:occupier's", " w:army"],
            ),
            ("50,000-strong", &[" n:50,000", "s:-", "w:strong"]),
            ("km²", &[" w:km", "s:²"]),
        ];
        crate::extract::check_table(table, show);
    }
}
