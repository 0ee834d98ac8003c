//! Styled text: figures, search matches and claim spans painted over plain text.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

use crate::extract::Quantity;
use crate::text::display_safe;
use crate::ui::theme::Theme;

/// Splits `text` into spans: each byte range in `ranges` patched with its style, characters at
/// `matched` (char indices) patched with the match style. Text is made display-safe and
/// newlines become spaces.
pub fn paint<'a>(
    text: &str,
    base: Style,
    ranges: &[(Range<usize>, Style)],
    matched: &[usize],
    match_style: Style,
) -> Vec<Span<'a>> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut current = String::new();
    let mut current_style = base;
    for (ci, (bi, ch)) in text.char_indices().enumerate() {
        let mut style = base;
        for (r, s) in ranges {
            if r.contains(&bi) {
                style = style.patch(*s);
            }
        }
        if matched.binary_search(&ci).is_ok() {
            style = style.patch(match_style);
        }
        if style != current_style && !current.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut current), current_style));
        }
        current_style = style;
        let ch = if ch == '\n' { ' ' } else { ch };
        current.push_str(&display_safe(&ch.to_string()));
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, current_style));
    }
    spans
}

/// Byte ranges of a claim's figures (relative to `offset` in the article text), styled by
/// whether they are hedged.
pub fn figure_ranges(
    figures: &[Quantity],
    offset: usize,
    theme: &Theme,
) -> Vec<(Range<usize>, Style)> {
    figures
        .iter()
        .filter(|q| q.start() >= offset)
        .map(|q| {
            let style = if q.approx.is_some() {
                theme.figure_hedged
            } else {
                theme.figure_exact
            };
            (q.start() - offset..q.end() - offset, style)
        })
        .collect()
}
