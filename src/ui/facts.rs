//! The Facts popup: figures across sources with their verdicts; Enter lists a fact's claims.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{View, centered, popup};
use crate::app::AppState;
use crate::app::state::Loading;
use crate::index::{Index, Verdict};
use crate::text::display_safe;

/// Figures listed on a fact's row before "+N more".
const MAX_VALUES_SHOWN: usize = 6;

fn fmt_value(v: f64) -> String {
    let s = format!("{}", v.round() as i64);
    let mut out = String::new();
    for (i, c) in s.chars().rev().enumerate() {
        if i > 0 && i % 3 == 0 && c != '-' {
            out.push(',');
        }
        out.push(c);
    }
    out.chars().rev().collect()
}

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let inner = popup(
        frame,
        centered(area, 92, 86),
        "Facts: figures across sources",
        t,
    );
    let [list_area, detail_area] = Layout::default()
        .direction(Direction::Vertical)
        .constraints(if s.fact_open {
            [Constraint::Percentage(45), Constraint::Percentage(55)]
        } else {
            [Constraint::Percentage(100), Constraint::Length(0)]
        })
        .areas(inner);
    if !index.linked {
        let msg = match s.loading {
            Some(Loading::Linking) => format!(
                "Linking the figures of {} claims into facts: they appear here when it is done.",
                index.claims.len()
            ),
            _ => format!(
                "Still loading: figures are linked into facts once every article is in ({} claims so far).",
                index.claims.len()
            ),
        };
        frame.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            list_area,
        );
        return;
    }
    if index.facts.is_empty() {
        frame.render_widget(
            Paragraph::new("No figures were found in these articles."),
            list_area,
        );
        return;
    }
    let badge = |v: Verdict| {
        let style = match v {
            Verdict::Conflict => t.conflict,
            Verdict::Evolving => t.evolving,
            Verdict::Agree => t.agree,
            Verdict::Single => t.dim,
        };
        Span::styled(format!("{:<9}", v.as_str().to_uppercase()), style)
    };
    // Only the rows on screen are built: a big corpus has hundreds of thousands of facts.
    let rows = (list_area.height as usize).max(1);
    let offset = s.facts_sel.saturating_sub(rows - 1);
    let items: Vec<ListItem> = index
        .facts
        .iter()
        .skip(offset)
        .take(rows)
        .map(|f| {
            // A row shows the first few figures (as many as a wide screen holds); a big fact can have
            // thousands.
            let values: Vec<String> = f
                .members
                .iter()
                .take(MAX_VALUES_SHOWN)
                .map(|m| {
                    let q = m.quantity(&index.articles);
                    let pct = if q.unit.as_deref() == Some("%") {
                        "%"
                    } else {
                        ""
                    };
                    let (hedge, v) = match (q.value, q.low, q.high) {
                        (Some(v), _, _) => (
                            q.approx
                                .as_deref()
                                .map_or(String::new(), |a| format!("{a} ")),
                            format!("{}{pct}", fmt_value(v)),
                        ),
                        (None, Some(lo), Some(hi)) if q.approx.is_none() => (
                            String::new(),
                            format!("{}–{}{pct}", fmt_value(lo), fmt_value(hi)),
                        ),
                        _ => (
                            String::new(),
                            q.approx.map_or_else(|| "?".into(), |a| a.to_string()),
                        ),
                    };
                    let date = m.date.map_or(String::new(), |d| {
                        let d = d.to_string();
                        format!(" {}", d.get(5..).unwrap_or(&d))
                    });
                    format!(
                        "{}: {hedge}{v}{date}",
                        super::claims::source_tag(index, m.at.article as usize)
                    )
                })
                .collect();
            ListItem::new(Line::from(vec![
                badge(f.verdict),
                Span::styled(format!("{} ", display_safe(&f.label)), t.title),
                Span::styled(
                    format!("[{} src, {} indep.] ", f.sources, f.independent_sources),
                    t.dim,
                ),
                Span::raw(display_safe(&values.join(" · ")).into_owned()),
                Span::styled(
                    match f.members.len().saturating_sub(MAX_VALUES_SHOWN) {
                        0 => String::new(),
                        more => format!(" · +{more} more"),
                    },
                    t.dim,
                ),
            ]))
        })
        .collect();
    let list = List::new(items).highlight_style(t.selected);
    let mut state = ListState::default().with_selected(Some(s.facts_sel - offset));
    frame.render_stateful_widget(list, list_area, &mut state);
    if s.fact_open
        && let Some(f) = index.facts.get(s.facts_sel)
    {
        let [head, body] = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(1), Constraint::Min(0)])
            .areas(detail_area);
        let rows = (body.height as usize).max(1);
        let member_offset = s.member_sel.saturating_sub(rows - 1);
        let items: Vec<ListItem> = f
            .members
            .iter()
            .skip(member_offset)
            .take(rows)
            .map(|m| {
                ListItem::new(Line::from(vec![
                    Span::styled(
                        format!(
                            "{:<8} ",
                            super::claims::source_tag(index, m.at.article as usize)
                        ),
                        t.dim,
                    ),
                    Span::styled(format!("{:<10} ", m.date_label()), t.dim),
                    Span::raw(
                        display_safe(&m.claim(&index.articles).text.replace('\n', " "))
                            .into_owned(),
                    ),
                ]))
            })
            .collect();
        let title = Line::styled(
            format!(
                "claims stating \"{}\" (Enter opens one)",
                display_safe(&f.label)
            ),
            t.title,
        );
        frame.render_widget(Paragraph::new(title), head);
        let mut st = ListState::default().with_selected(Some(s.member_sel - member_offset));
        frame.render_stateful_widget(List::new(items).highlight_style(t.selected), body, &mut st);
    }
}
