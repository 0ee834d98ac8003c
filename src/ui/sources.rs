//! The Sources pane: one entry per article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{View, fit, focused, pad, pane_block};
use crate::app::state::SOURCE_ROWS;
use crate::app::{AppState, Pane};
use crate::index::Index;
use unicode_width::UnicodeWidthStr;

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let order = if s.by_date { "by date" } else { "by name" };
    let title = Line::from(vec![
        Span::styled(" Sources ", t.title),
        Span::styled(format!("({}, {order}) ", s.sources.len()), t.dim),
    ]);
    let width = area.width.saturating_sub(4) as usize;
    // Only the sources on screen are built: each counts its claims in conflict.
    let rows = (area.height.saturating_sub(2) as usize / SOURCE_ROWS).max(1);
    let shown = || s.sources.iter().skip(s.source_offset).take(rows);
    // Every source is named by its tag, the name the other panes give it (its outlet, else
    // its file's short name), in a column as wide as the widest on screen; the line below
    // gives its title, after its file's name when the tag is its outlet.
    let signs = shown()
        .map(|&i| {
            usize::from(index.conflicts_among(&[i]) > 0) * 3
                + usize::from(s.marks.in_article(i) > 0) * 3
        })
        .max()
        .unwrap_or(0);
    let tag_w = shown()
        .map(|&i| UnicodeWidthStr::width(super::tag(index, i).as_ref()))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(26 + signs).max(6));
    let items: Vec<ListItem> = shown()
        .map(|&i| {
            let a = &index.articles[i];
            let mark = match s.marked.iter().position(|&m| m == i) {
                Some(0) => Span::styled("[A] ", t.mark),
                Some(_) => Span::styled("[B] ", t.mark),
                None => Span::raw("    "),
            };
            let date = a.date.map_or("undated   ".to_string(), |d| d.to_string());
            let conflicts = index.conflicts_among(&[i]);
            let marked = s.marks.in_article(i);
            let mut first = vec![
                mark,
                Span::styled(
                    format!("{} ", pad_tag(&super::tag(index, i), tag_w)),
                    t.title,
                ),
                Span::raw(format!("{date} ")),
                Span::styled(
                    format!("{:>3} {:<6} ", a.claims.len(), claims_word(a.claims.len())),
                    t.dim,
                ),
            ];
            if conflicts > 0 {
                first.push(Span::styled(format!("!{conflicts} "), t.conflict));
            }
            if marked > 0 {
                first.push(Span::styled(format!("✎{marked}"), t.mark));
            }
            let title = a.title.as_deref().unwrap_or("(no title)");
            let about = if a.outlet.as_deref().is_some_and(|o| !o.trim().is_empty()) {
                format!("{} · {title}", super::file_name(a))
            } else {
                title.to_string()
            };
            let second = format!("    {}", fit(&about, width.saturating_sub(2)));
            ListItem::new(vec![Line::from(first), Line::styled(second, t.dim)])
        })
        .collect();
    let list = List::new(items)
        .block(pane_block(title, focused(s, Pane::Sources), t))
        .highlight_style(t.selected);
    let mut state = ListState::default().with_selected(s.source_sel.checked_sub(s.source_offset));
    frame.render_stateful_widget(list, area, &mut state);
}

/// "claim" or "claims" after a count.
fn claims_word(n: usize) -> &'static str {
    if n == 1 { "claim" } else { "claims" }
}

/// A tag padded or cut to `width` columns, keeping the number that tells apart the reports
/// of one outlet ("The Valley Eve…·2" cut to "The Va…·2").
fn pad_tag(tag: &str, width: usize) -> String {
    match tag.rsplit_once('·') {
        Some((name, n))
            if !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
                && UnicodeWidthStr::width(tag) > width =>
        {
            let suffix = format!("·{n}");
            let room = width.saturating_sub(UnicodeWidthStr::width(suffix.as_str()));
            pad(
                &format!("{}{suffix}", fit(name.trim_end_matches('…'), room)),
                width,
            )
        }
        _ => pad(tag, width),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_tag_keeps_its_number() {
        assert_eq!(pad_tag("The Valley Eve…·2", 9), "The Va…·2");
        assert_eq!(pad_tag("Reuters·1", 12), "Reuters·1   ");
        assert_eq!(pad_tag("chronicle-storm", 8), "chronic…");
        assert_eq!(pad_tag("a·b", 2), "a…");
    }
}
