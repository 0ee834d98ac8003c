//! The help popup, generated from the live keymap and wrapped as the reducer counts it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, popup};
use crate::app::AppState;
use crate::app::help::{HelpStyle, KEYS_WIDTH, area as help_area, lines};

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, view: &View) {
    let t = view.theme;
    let at = help_area(area.width, area.height);
    let at = Rect::new(area.x + at.x, area.y + at.y, at.width, at.height);
    let (inner_w, inner_h) = (
        at.width.saturating_sub(2) as usize,
        at.height.saturating_sub(2) as usize,
    );
    let all = lines(&s.help, inner_w);
    // Where the view is when the help is longer than the popup, and the keys that scroll it.
    let title = if all.len() > inner_h {
        let last = (s.help_scroll + inner_h).min(all.len());
        format!(
            "Help: keys · lines {}–{last} of {} (j k scroll)",
            s.help_scroll + 1,
            all.len()
        )
    } else {
        "Help: keys".to_string()
    };
    let inner = popup(frame, at, &title, t);
    let shown: Vec<Line> = all
        .into_iter()
        .skip(s.help_scroll)
        .take(inner.height as usize)
        .map(|l| match l.style {
            HelpStyle::Title => Line::styled(l.text, t.title),
            HelpStyle::Keys => Line::from(vec![
                Span::styled(format!("{:<KEYS_WIDTH$}", l.keys), t.mark),
                Span::raw(l.text),
            ]),
            HelpStyle::Note => Line::styled(l.text, t.dim),
            HelpStyle::Rating(r) => Line::from(vec![
                Span::styled(format!("{:<KEYS_WIDTH$}", l.keys), t.rating(r)),
                Span::styled(l.text, t.dim),
            ]),
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
