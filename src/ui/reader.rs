//! The Reader pane: an article's story with its claims and figures highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::paint;
use super::{View, focused, pane_block};
use crate::app::state::reader_lines;
use crate::app::{AppState, Pane};
use crate::corpus::ParagraphKind;
use crate::index::Index;

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let Some(a) = index.articles.get(s.reader_article) else {
        frame.render_widget(
            pane_block(
                Line::styled(" Reader ", t.title),
                focused(s, Pane::Reader),
                t,
            ),
            area,
        );
        return;
    };
    let noise = if s.show_noise { ", noise shown" } else { "" };
    let marked = s.marks.in_article(s.reader_article);
    let marked = if marked > 0 {
        format!(" · {marked} marked")
    } else {
        String::new()
    };
    let mut title = vec![Span::styled(" Reader ", t.title)];
    if let Some(m) = s
        .reader_target
        .filter(|r| r.article as usize == s.reader_article)
        .and_then(|r| s.marks.claim(r))
    {
        title.push(Span::styled(
            format!("{} {} ", m.rating.sign(), m.rating),
            t.rating(m.rating),
        ));
    }
    title.push(Span::styled(
        format!(
            "({}{noise}{marked}) ",
            super::source_name(index, s.reader_article)
        ),
        t.dim,
    ));
    let title = Line::from(title);
    let block = pane_block(title, focused(s, Pane::Reader), t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = reader_lines(a, inner.width as usize, s.show_noise);
    let target = s
        .reader_target
        .filter(|r| r.article as usize == s.reader_article)
        .map(|r| index.claim(r));
    let out: Vec<Line> = lines
        .iter()
        .skip(s.reader_scroll)
        .take(inner.height as usize)
        .map(|l| {
            let text = &a.text[l.start..l.end];
            let base = match l.kind {
                ParagraphKind::Body => Style::default(),
                ParagraphKind::Meta => t.title,
                _ => t.dim,
            };
            let mut ranges = Vec::new();
            for (ci, c) in a
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.end() > l.start && c.start() < l.end)
            {
                let at = crate::index::ClaimRef {
                    article: s.reader_article as u32,
                    claim: ci as u32,
                };
                if let Some(m) = s.marks.claim(at) {
                    ranges.push((
                        c.start().max(l.start) - l.start..c.end().min(l.end) - l.start,
                        t.rating(m.rating)
                            .remove_modifier(ratatui::style::Modifier::BOLD),
                    ));
                }
                for q in a
                    .quantities(c)
                    .iter()
                    .filter(|q| q.end() > l.start && q.start() < l.end)
                {
                    let style = if q.approx.is_some() {
                        t.figure_hedged
                    } else {
                        t.figure_exact
                    };
                    ranges.push((
                        q.start().max(l.start) - l.start..q.end().min(l.end) - l.start,
                        style,
                    ));
                }
                if target.is_some_and(|tc| tc.id == c.id) {
                    ranges.push((
                        c.start().max(l.start) - l.start..c.end().min(l.end) - l.start,
                        t.target,
                    ));
                }
            }
            let mut spans = paint(text, base, &ranges, &[], Style::default());
            if l.start == l.end {
                spans.clear();
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(out), inner);
}
