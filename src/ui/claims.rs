//! The Claims pane: every claim, the selected source's, or search results.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::text::{figure_ranges, paint};
use super::{View, focused, pane_block};
use crate::app::{AppState, Mode, Pane};
use crate::index::{Index, Query};
use crate::text::display_safe;

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let searching = s.mode == Mode::Search || s.search_results.is_some();
    // Room for the scope between the borders, " Claims " and its brackets.
    let room = (area.width as usize).saturating_sub(2 + 8 + 3);
    let scope = if s.search_results.is_some() {
        let found = match s.search_counts {
            Some((matches, loose)) => format!("{matches} matches · {loose} loose"),
            None => format!("{} results", s.claims.len()),
        };
        // The counts matter more than the time, and the time more than the word "search".
        let timed = s
            .search_micros
            .map(|us| format!("search: {found} in {:.1} ms", us as f64 / 1000.0));
        [timed, Some(format!("search: {found}"))]
            .into_iter()
            .flatten()
            .find(|t| super::width(t) <= room)
            .unwrap_or(found)
    } else if s.all_claims {
        format!("all sources · {}", s.claims.len())
    } else {
        let name = s
            .selected_article()
            .map_or(String::new(), |a| super::tag(index, a).to_string());
        format!("{name} · {}", s.claims.len())
    };
    let scope = match s.mark_filter.label() {
        Some(m) => format!("{scope} · {m}"),
        None => scope,
    };
    let title = Line::from(vec![
        Span::styled(" Claims ", t.title),
        Span::styled(format!("({scope}) "), t.dim),
    ]);
    let block = pane_block(title, focused(s, Pane::Claims), t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (input_area, list_area) = if searching {
        let [a, b] = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(1), Constraint::Min(0)])
            .areas(inner);
        (Some(a), b)
    } else {
        (None, inner)
    };
    if let Some(ia) = input_area {
        let cursor = if s.mode == Mode::Search { "▏" } else { "" };
        let line = Line::from(vec![
            Span::styled("/ ", t.mark),
            Span::raw(display_safe(&s.query).into_owned()),
            Span::styled(cursor, t.mark),
        ]);
        frame.render_widget(Paragraph::new(line), ia);
    }
    let query = Query::parse(&s.query);
    let rows = list_area.height as usize;
    let width = list_area.width as usize;
    // Tags are aligned over the rows on screen (all articles would cost a frame per 10k).
    let tag_width = s
        .claims
        .iter()
        .skip(s.claim_offset)
        .take(rows)
        .map(|r| super::tag(index, r.article as usize).chars().count())
        .max()
        .unwrap_or(0);
    let speaker_width = (width / 3).min(24);
    let items: Vec<ListItem> = s
        .claims
        .iter()
        .enumerate()
        .skip(s.claim_offset)
        .take(rows)
        .map(|(_, &r)| {
            let c = index.claim(r);
            let loose = searching && s.search_loose.binary_search(&r).is_ok();
            let mut spans = vec![
                super::mark_sign(s.marks.claim(r), t),
                Span::styled(
                    format!(
                        "{:<tag_width$}{}",
                        super::tag(index, r.article as usize),
                        if loose { "~" } else { " " }
                    ),
                    t.dim,
                ),
            ];
            if index.claim_in_conflict(r) {
                spans.push(Span::styled("!CONFLICT ", t.conflict));
            }
            let matched = if searching && !query.is_empty() {
                index.match_indices(r, &query, view.matcher)
            } else {
                Vec::new()
            };
            let speaker = index.attribution(r).map(|a| {
                let name: String = display_safe(&a.label())
                    .chars()
                    .take(speaker_width)
                    .collect();
                format!(" — {name}")
            });
            let used = spans
                .iter()
                .map(|s| s.content.chars().count())
                .sum::<usize>()
                + speaker.as_ref().map_or(0, |s| s.chars().count());
            let mut budget = width.saturating_sub(used).max(8);
            let figures = index.quantities(r);
            // A search result shows where it matches; other rows show their first figure.
            let focus = match matched.first() {
                Some(&m) => c.text.char_indices().nth(m).map(|(at, _)| at),
                None => figures.first().map(|q| q.start().saturating_sub(c.start())),
            };
            let from = focus.map_or(0, |at| window_start(&c.text, at, budget));
            let text = &c.text[from..];
            if from > 0 {
                spans.push(Span::styled("…", t.dim));
                budget -= 1;
            }
            let mut shown: String = text.chars().take(budget).collect();
            if text.chars().count() > budget {
                shown.pop();
                shown.push('…');
            }
            let base = if loose {
                t.dim
            } else {
                ratatui::style::Style::default()
            };
            let skipped = c.text[..from].chars().count();
            let matched: Vec<usize> = matched
                .iter()
                .filter_map(|&m| m.checked_sub(skipped))
                .collect();
            spans.extend(paint(
                &shown,
                base,
                &figure_ranges(figures, c.start() + from, t),
                &matched,
                t.matched,
            ));
            if let Some(sp) = speaker {
                spans.push(Span::styled(sp, t.speaker));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items).highlight_style(t.selected);
    let selected = s
        .claim_sel
        .checked_sub(s.claim_offset)
        .filter(|&i| i < rows);
    let mut state = ListState::default().with_selected(selected);
    if s.claims.is_empty() {
        let msg = if searching {
            "no claim matches"
        } else if s.mark_filter.label().is_some() {
            "no claim is marked so (M shows more)"
        } else {
            "no claims"
        };
        frame.render_widget(Paragraph::new(Span::styled(msg, t.dim)), list_area);
    } else {
        frame.render_stateful_widget(list, list_area, &mut state);
    }
}

/// Characters of context a row keeps before a figure it scrolls to.
const BEFORE_FIGURE: usize = 16;
/// How much of a figure must be on screen for a row not to scroll to it ("12,500").
const FIGURE_HEAD: usize = 6;
/// Rows narrower than this never scroll.
const MIN_WINDOW: usize = 24;

/// Where a row of `width` characters starts showing a claim's `text`, in bytes: at its
/// start, or when what the row is listed for (its first figure, a search match), at byte
/// `at`, would not be on screen, at a word a little before it.
fn window_start(text: &str, at: usize, width: usize) -> usize {
    // A row too narrow for context around it shows the claim's start.
    if width < MIN_WINDOW
        || text
            .get(..at)
            .is_none_or(|before| before.chars().count() + FIGURE_HEAD < width)
    {
        return 0;
    }
    let back = text[..at]
        .char_indices()
        .rev()
        .nth(BEFORE_FIGURE.min(width / 3))
        .map_or(0, |(i, _)| i);
    // The next word's start: the first character after a space.
    text[back..at].find(' ').map_or(back, |sp| back + sp + 1)
}

#[cfg(test)]
mod tests {
    use super::window_start;

    #[test]
    fn a_row_scrolls_to_what_it_is_listed_for_only_when_it_would_be_cut() {
        let text = "Officials in the northern province said on Tuesday that 40 homes flooded.";
        let at = text.find("40").unwrap();
        assert_eq!(window_start(text, at, 80), 0, "it fits");
        let from = window_start(text, at, 30);
        assert!(from > 0 && from < at, "{from}");
        assert!(text[from..].starts_with("that 40"), "{}", &text[from..]);
        assert_eq!(window_start(text, at, 12), 0, "too narrow to scroll");
    }
}
