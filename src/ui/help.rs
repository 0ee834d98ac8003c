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
    for (ctx, name) in [
        (KeyContext::Normal, "Browsing"),
        (KeyContext::Search, "Searching (other keys type)"),
        (KeyContext::Popup, "Popups"),
    ] {
        lines.push(Line::styled(name, t.title));
        for (keys, what) in view.keymap.help_rows(ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), t.mark),
                Span::raw(what),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Search terms: words match fuzzily and all must match; 'exact  !not  src:outlet  by:speaker  unit:km2  >=50000", t.dim));
    frame.render_widget(
        Paragraph::new(lines).scroll((s.help_scroll as u16, 0)),
        inner,
    );
}
