//! The help popup, generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, centered, popup};
use crate::app::AppState;
use crate::app::keymap::KeyContext;

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, view: &View) {
    let t = view.theme;
    let inner = popup(frame, centered(area, 70, 90), "Help: keys", t);
    let mut lines = Vec::new();
    for ctx in KeyContext::ALL {
        lines.push(Line::styled(ctx.title(), t.title));
        for (keys, what) in view.keymap.help_rows(ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), t.mark),
                Span::raw(what),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Search terms: every word must match; whole words first, then parts of words, then loose (scattered letters, marked ~); 'exact  !not  src:outlet  by:speaker  unit:km2  >=50000", t.dim));
    let mut signs = vec![Span::styled("Review marks: ", t.dim)];
    for r in crate::workspace::Rating::ALL {
        signs.push(Span::styled(format!("{} ", r.sign()), t.rating(r)));
        signs.push(Span::styled(format!("{r}  "), t.dim));
    }
    lines.push(Line::from(signs));
    lines.push(Line::styled(
        "Marks are saved in .crosscheck/workspace.sqlite beside the opened folder; ! in Sources counts facts in conflict, ✎ marked claims",
        t.dim,
    ));
    frame.render_widget(
        Paragraph::new(lines).scroll((s.help_scroll as u16, 0)),
        inner,
    );
}
