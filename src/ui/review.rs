//! The review popup (a rating and a note for a claim or a fact) and the report prompt (the
//! file a report is written to).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;

use super::{View, fit, pad, popup};
use crate::app::AppState;
use crate::app::state::{Review, ReviewTarget};
use crate::index::Index;
use crate::text::wrap;

/// A centred rectangle `w` columns wide (at most the area) and `h` rows high.
fn centered_fixed(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// What is being reviewed, in a few lines: the claim's sentence and source, or the fact's
/// label and figures.
fn subject(s: &AppState, index: &Index, r: &Review, width: usize) -> (String, Vec<String>) {
    match r.target {
        ReviewTarget::Claim(c) => {
            let a = index.article_of(c);
            let date = a.date.map_or("undated".to_string(), |d| d.to_string());
            let mut lines = wrap(&index.claim(c).text.replace('\n', " "), width);
            lines.truncate(3);
            (
                format!("claim · {} · {date}", s.tag(c.article as usize)),
                lines,
            )
        }
        ReviewTarget::Fact(id) => match index.fact(id) {
            Some(f) => {
                let values = crate::report::figures::as_written(f, &index.articles).join(" · ");
                let mut lines = wrap(&format!("{}: {values}", f.label), width);
                lines.truncate(3);
                (
                    format!("fact · {} · {} sources", f.verdict.as_str(), f.sources),
                    lines,
                )
            }
            None => (format!("fact {id}"), vec![]),
        },
    }
}

/// Draws a one-line text input with its cursor, scrolled to keep the cursor in view.
fn input_line(frame: &mut Frame, area: Rect, label: &str, input: &Input, view: &View) {
    let t = view.theme;
    let label_w = label.chars().count() as u16;
    let width = area.width.saturating_sub(label_w + 1) as usize;
    let scroll = input.visual_scroll(width);
    let shown: String = input.value().chars().skip(scroll).collect();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label.to_string(), t.title),
            Span::styled(pad(&shown, width), t.selected),
        ])),
        area,
    );
    let x = area.x + label_w + (input.visual_cursor().saturating_sub(scroll)) as u16;
    frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
}

/// The review popup.
pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let Some(r) = &s.review else { return };
    let t = view.theme;
    let outer = centered_fixed(area, 76, 17);
    let inner = popup(frame, outer, "Review mark", t);
    let width = inner.width.saturating_sub(2) as usize;
    let (head, text) = subject(s, index, r, width);
    let mut lines = vec![Line::styled(fit(&head, width), t.dim)];
    for l in &text {
        lines.push(Line::raw(format!(" {l}")));
    }
    while lines.len() < 4 {
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(""));
    for choice in Review::choices() {
        let chosen = choice == r.rating;
        let (sign, name, what, style) = match choice {
            Some(k) => (k.sign(), k.as_str(), k.describe(), t.rating(k)),
            None => (" ", "no mark", "remove the mark", t.dim),
        };
        let row = format!(
            " {} {sign} {name:<13}{what}",
            if chosen { "▶" } else { " " }
        );
        lines.push(Line::styled(
            pad(&row, width + 1),
            if chosen {
                style.patch(t.selected)
            } else {
                style
            },
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if inner.height >= 14 {
        let note = Rect::new(inner.x, inner.y + 12, inner.width, 1);
        input_line(frame, note, "Note: ", &r.note, view);
        let help = Rect::new(inner.x, inner.y + 13, inner.width, 1);
        frame.render_widget(
            Paragraph::new(Line::styled(
                "Enter save · ↑ ↓ rating · Esc cancel · type the note; Ctrl-U clears it",
                t.dim,
            )),
            help,
        );
    }
}

/// The report prompt: the file name to write, the format following its extension.
pub fn render_report(frame: &mut Frame, area: Rect, s: &AppState, view: &View) {
    let t = view.theme;
    let outer = centered_fixed(area, 72, 7);
    let inner = popup(frame, outer, "Write a fact-check report", t);
    if inner.height < 4 {
        return;
    }
    let marked = s.marks.claims.len() + s.marks.facts.len();
    let lines = vec![
        Line::raw(""),
        Line::styled(
            ".md Markdown · .csv · .json · .jsonld ClaimReview (marked items)",
            t.dim,
        ),
        Line::styled(
            format!("{marked} marked · Enter write (replaces the file whole) · Esc cancel"),
            t.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    input_line(
        frame,
        Rect::new(inner.x, inner.y, inner.width, 1),
        "File: ",
        &s.report_path,
        view,
    );
}
