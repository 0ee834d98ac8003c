//! Pinning a quote to bytes anyone can check: the claim's sentence found in its file's own
//! bytes, or else in the extracted text that a digest pins.

use memchr::memmem;
use serde::Serialize;

/// What a quote's byte offsets refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetsIn {
    /// The file's own bytes, whose SHA-256 is `sha256`.
    File,
    /// The text crosscheck extracted from the file (HTML and JSON, or a text file whose
    /// bytes differ from its text), whose SHA-256 is `text_sha256`.
    Text,
}

/// Failed searches may scan the file this many times over in all before the rest of an
/// article's quotes fall back to the extracted text: keeps anchoring linear.
const FAILED_SCAN_BUDGET: usize = 4;

/// Where each sentence (given with its place in the extracted text, sorted by that place) is
/// found in the file's bytes, if found: the first occurrence at or after the previous one's
/// end. A sentence the file's bytes do not hold as they are (a line break inside it in
/// Markdown, a CRLF ending, another encoding) is `None`.
pub fn locate(file: &[u8], sentences: &[(usize, &str)]) -> Vec<Option<(usize, usize)>> {
    let mut cursor = 0;
    let mut failed_scans = 0usize;
    let budget = file.len().saturating_mul(FAILED_SCAN_BUDGET).max(1 << 16);
    sentences
        .iter()
        .map(|&(_, s)| {
            if s.is_empty() || failed_scans > budget || cursor > file.len() {
                return None;
            }
            let rest = &file[cursor..];
            match memmem::find(rest, s.as_bytes()) {
                Some(at) => {
                    let start = cursor + at;
                    cursor = start + s.len();
                    Some((start, cursor))
                }
                None => {
                    failed_scans += rest.len();
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_found_in_order_and_repeats_each_get_their_own_place() {
        let file = "Intro. The river rose.\r\nThe river rose. It rained.".as_bytes();
        let got = locate(
            file,
            &[
                (0, "Intro."),
                (7, "The river rose."),
                (23, "The river rose."),
            ],
        );
        assert_eq!(got, [Some((0, 6)), Some((7, 22)), Some((24, 39))]);
        for (start, end) in got.into_iter().flatten() {
            assert!(std::str::from_utf8(&file[start..end]).is_ok());
        }
    }

    #[test]
    fn a_sentence_the_bytes_do_not_hold_is_not_placed() {
        let file = b"The river\nrose fast. Then it fell.";
        let got = locate(file, &[(0, "The river rose fast."), (21, "Then it fell.")]);
        assert_eq!(got, [None, Some((21, 34))]);
    }
}
