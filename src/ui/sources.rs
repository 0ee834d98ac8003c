//! The Sources pane: one entry per article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{View, focused, pane_block};
use crate::app::state::SOURCE_ROWS;
use crate::app::{AppState, Pane};
use crate::index::Index;
use crate::text::display_safe;

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
    let items: Vec<ListItem> = s
        .sources
        .iter()
        .skip(s.source_offset)
        .take(rows)
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
            let extra = usize::from(conflicts > 0) * 3 + usize::from(marked > 0) * 3;
            let label = display_safe(&a.source_label()).into_owned();
            let label: String = label
                .chars()
                .take(width.saturating_sub(26 + extra).max(6))
                .collect();
            let mut first = vec![
                mark,
                Span::styled(format!("{label} "), t.title),
                Span::raw(format!("{date} ")),
                Span::styled(format!("{:>3} claims ", a.claims.len()), t.dim),
            ];
            if conflicts > 0 {
                first.push(Span::styled(format!("!{conflicts} "), t.conflict));
            }
            if marked > 0 {
                first.push(Span::styled(format!("✎{marked}"), t.mark));
            }
            let title = display_safe(a.title.as_deref().unwrap_or("(no title)")).into_owned();
            let second = format!("    {title}");
            let second: String = second.chars().take(width.max(8)).collect();
            ListItem::new(vec![Line::from(first), Line::styled(second, t.dim)])
        })
        .collect();
    let list = List::new(items)
        .block(pane_block(title, focused(s, Pane::Sources), t))
        .highlight_style(t.selected);
    let mut state = ListState::default().with_selected(s.source_sel.checked_sub(s.source_offset));
    frame.render_stateful_widget(list, area, &mut state);
}
