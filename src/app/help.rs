//! The help popup's text and size: what it says comes from the live keymap, and the reducer
//! and the renderer wrap it at the same width, so scrolling stops at its last line.

use ratatui::layout::Rect;

use super::keymap::{KeyContext, Keymap};
use crate::workspace::Rating;

/// Columns the keys take before what they do.
pub const KEYS_WIDTH: usize = 24;

/// One entry of the help, before wrapping.
#[derive(Debug, Clone, PartialEq)]
pub enum HelpEntry {
    /// A mode's heading.
    Title(&'static str),
    /// Keys and what they do.
    Keys {
        keys: String,
        what: &'static str,
    },
    Blank,
    /// A sentence about searching or the workspace.
    Note(&'static str),
    /// What a review rating's sign means.
    Rating(Rating),
}

/// How a line of the help is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpStyle {
    Title,
    /// Keys (the first line of an entry) and what they do.
    Keys,
    Note,
    Rating(Rating),
}

/// One line of the help as shown: the keys column (blank on continuation lines) and text.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpLine {
    pub style: HelpStyle,
    pub keys: String,
    pub text: String,
}

const NOTES: &[&str] = &[
    "Search terms: every word must match; whole words first, then parts of words, then loose (scattered letters, marked ~).",
    "Filters: 'exact (as written) · !not (without) · src:outlet · by:speaker · unit:km2 · >=50000",
    "Compare rows: = same sentence · ~ similar · ≠ figures that cannot both hold · < only in A · > only in B · ! states a fact in conflict · c copied passage.",
    "Marks are saved in .crosscheck/workspace.sqlite beside the opened folder; ! in Sources counts facts in conflict, ✎ marked claims.",
];

/// Everything the help says, from a keymap: each mode's keys, then notes on search and marks.
pub fn entries(keymap: &Keymap) -> Vec<HelpEntry> {
    let mut out = Vec::new();
    for ctx in KeyContext::ALL {
        out.push(HelpEntry::Title(ctx.title()));
        for (keys, what) in keymap.help_rows(ctx) {
            out.push(HelpEntry::Keys { keys, what });
        }
        out.push(HelpEntry::Blank);
    }
    out.extend(NOTES.iter().map(|n| HelpEntry::Note(n)));
    out.push(HelpEntry::Note("Review marks:"));
    out.extend(Rating::ALL.into_iter().map(HelpEntry::Rating));
    out
}

/// The help's lines at `width` columns: what keys do wraps under its column, notes wrap.
pub fn lines(entries: &[HelpEntry], width: usize) -> Vec<HelpLine> {
    let mut out = Vec::new();
    let line = |style, keys: String, text: String| HelpLine { style, keys, text };
    for e in entries {
        match e {
            HelpEntry::Title(t) => {
                for text in crate::text::wrap(t, width) {
                    out.push(line(HelpStyle::Title, String::new(), text));
                }
            }
            HelpEntry::Keys { keys, what } => {
                let keys = format!("  {keys}");
                // Keys wider than their column take a line of their own.
                let mut first_keys =
                    if unicode_width::UnicodeWidthStr::width(keys.as_str()) >= KEYS_WIDTH {
                        out.push(line(HelpStyle::Keys, keys, String::new()));
                        String::new()
                    } else {
                        keys
                    };
                let wrapped = crate::text::wrap(what, width.saturating_sub(KEYS_WIDTH).max(8));
                for text in wrapped {
                    out.push(line(HelpStyle::Keys, std::mem::take(&mut first_keys), text));
                }
            }
            HelpEntry::Blank => out.push(line(HelpStyle::Note, String::new(), String::new())),
            HelpEntry::Note(n) => {
                for text in crate::text::wrap(n, width) {
                    out.push(line(HelpStyle::Note, String::new(), text));
                }
            }
            HelpEntry::Rating(r) => out.push(line(
                HelpStyle::Rating(*r),
                format!("  {}", r.sign()),
                r.to_string(),
            )),
        }
    }
    out
}

/// The help popup's frame on a screen of `width` × `height`: most of the screen, wide enough
/// on a small terminal for what keys do to be read.
pub fn area(width: u16, height: u16) -> Rect {
    let w = (width * 7 / 10)
        .max(width.saturating_sub(4).min(76))
        .min(width);
    let h = height * 9 / 10;
    Rect::new((width - w) / 2, (height - h) / 2, w, h)
}

/// The furthest the help scrolls: its last line at the bottom of the popup.
pub fn max_scroll(entries: &[HelpEntry], width: u16, height: u16) -> usize {
    let a = area(width, height);
    let inner_w = a.width.saturating_sub(2) as usize;
    let inner_h = a.height.saturating_sub(2) as usize;
    lines(entries, inner_w).len().saturating_sub(inner_h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_key_does_wraps_under_its_column() {
        let e = [HelpEntry::Keys {
            keys: "Enter".into(),
            what: "open: a source in the Reader, a claim at its place",
        }];
        let l = lines(&e, KEYS_WIDTH + 20);
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["open: a source in", "the Reader, a claim", "at its place"]
        );
        assert_eq!(l[0].keys, "  Enter");
        assert!(l[1].keys.is_empty() && l[2].keys.is_empty());
    }

    #[test]
    fn keys_wider_than_their_column_take_a_line() {
        let e = [HelpEntry::Keys {
            keys: "a b c d e f g h i j k l".into(),
            what: "many keys",
        }];
        let l = lines(&e, 60);
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].text.as_str(), l[1].text.as_str()), ("", "many keys"));
    }

    #[test]
    fn notes_separate_items_with_marks_that_wrapping_keeps() {
        // Wrapping joins words with one space: a run of spaces would not survive it.
        for n in NOTES {
            assert!(!n.contains("  "), "{n}");
            let wrapped = lines(&[HelpEntry::Note(n)], 30);
            let joined: Vec<&str> = wrapped.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(joined.join(" "), *n);
        }
    }

    #[test]
    fn the_help_scrolls_less_on_a_taller_or_wider_screen() {
        let e = entries(&Keymap::default());
        let small = max_scroll(&e, 80, 24);
        let tall = max_scroll(&e, 80, 60);
        let wide = max_scroll(&e, 200, 24);
        assert!(small > tall && small > wide, "{small} {tall} {wide}");
        assert_eq!(max_scroll(&e, 200, 200), 0);
    }
}
