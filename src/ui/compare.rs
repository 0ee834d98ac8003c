//! The Compare pane: two reports side by side, aligned claim by claim; long claims wrap inside
//! their column and both columns scroll together.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{View, focused, pane_block};
use crate::app::{AppState, Pane};
use crate::index::Index;
use crate::index::diff::{DiffRow, Relation};
use crate::text::{display_safe, wrap};

fn marker(r: Relation) -> &'static str {
    match r {
        Relation::Same => "=",
        Relation::Similar => "~",
        Relation::Conflict => "≠",
        Relation::LeftOnly => "<",
        Relation::RightOnly => ">",
    }
}

/// Whether the two claims of a row state a fact in conflict (the row then shows `!`, and
/// counts among the title's conflicts).
fn states_a_conflict(index: &Index, row: &DiffRow) -> bool {
    let (Some(l), Some(r)) = (row.left, row.right) else {
        return false;
    };
    index.claim_in_conflict(l)
        && index.quantities(l).iter().any(|ql| {
            ql.fact.is_some_and(|id| {
                index.quantities(r).iter().any(|qr| qr.fact == Some(id))
                    && index
                        .fact(id)
                        .is_some_and(|f| f.verdict == crate::index::Verdict::Conflict)
            })
        })
}

fn row_lines(index: &Index, row: &DiffRow, col: usize) -> (Vec<String>, Vec<String>) {
    let text = |r: Option<crate::index::ClaimRef>| {
        r.map_or(String::new(), |r| {
            display_safe(&index.claim(r).text.replace('\n', " ")).into_owned()
        })
    };
    let l = if row.left.is_some() {
        wrap(&text(row.left), col)
    } else {
        vec![]
    };
    let r = if row.right.is_some() {
        wrap(&text(row.right), col)
    } else {
        vec![]
    };
    (l, r)
}

pub fn render(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let t = view.theme;
    let Some(d) = &s.compare else { return };
    let sum = d.summary();
    let title = Line::from(vec![
        Span::styled(" Compare ", t.title),
        Span::styled(
            format!(
                "({} · {} same, {} similar, {} differ, {} only A, {} only B{}) ",
                super::conflicts(index.conflicts_among(&[d.left, d.right])),
                sum.same,
                sum.similar,
                sum.conflict,
                sum.left_only,
                sum.right_only,
                if s.hide_same {
                    "; same rows hidden"
                } else {
                    ""
                }
            ),
            t.dim,
        ),
    ]);
    let block = pane_block(title, focused(s, Pane::Reader), t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let col = (inner.width.saturating_sub(5) / 2) as usize;
    let style = |r: Relation| match r {
        Relation::Same => t.same,
        Relation::Similar => t.similar,
        Relation::Conflict => t.similar,
        Relation::LeftOnly => t.left_only,
        Relation::RightOnly => t.right_only,
    };
    let pad = |x: &str| {
        use unicode_width::UnicodeWidthStr;
        format!("{x}{}", " ".repeat(col.saturating_sub(x.width())))
    };
    let mut lines: Vec<Line> = Vec::new();
    let head = |a: usize| {
        let art = &index.articles[a];
        let label = format!(
            "{} {}",
            super::source_name(index, a),
            art.date.map_or(String::new(), |d| d.to_string())
        );
        display_safe(&label).chars().take(col).collect::<String>()
    };
    lines.push(Line::from(vec![
        Span::styled(
            format!("  {} ", pad(&format!("A: {}", head(d.left)))),
            t.title,
        ),
        Span::raw("│ "),
        Span::styled(format!("B: {}", head(d.right)), t.title),
    ]));
    let rows = s.compare_rows();
    let body_height = inner.height.saturating_sub(1) as usize;
    let heights: Vec<usize> = rows
        .iter()
        .map(|&i| {
            let (l, r) = row_lines(index, &d.rows[i], col);
            l.len().max(r.len()).max(1)
        })
        .collect();
    let sel_pos = rows.iter().position(|&i| i == s.compare_sel).unwrap_or(0);
    let mut first = sel_pos;
    let mut used = heights.get(sel_pos).copied().unwrap_or(0);
    while first > 0 && used + heights[first - 1] <= body_height / 2 {
        first -= 1;
        used += heights[first];
    }
    for &i in rows.iter().skip(first) {
        if lines.len() > body_height {
            break;
        }
        let row = &d.rows[i];
        let (l, r) = row_lines(index, row, col);
        let n = l.len().max(r.len()).max(1);
        let selected = i == s.compare_sel;
        let rel = style(row.relation);
        for k in 0..n {
            let conflict = states_a_conflict(index, row);
            let m = if k == 0 {
                if row.copied {
                    "c"
                } else if conflict {
                    "!"
                } else {
                    marker(row.relation)
                }
            } else {
                " "
            };
            let rel = if conflict { t.conflict } else { rel };
            let sign = |r: Option<crate::index::ClaimRef>| {
                if k == 0 {
                    super::mark_sign(r.and_then(|r| s.marks.claim(r)), t)
                } else {
                    Span::raw("")
                }
            };
            let base = if selected {
                t.selected
            } else {
                Style::default()
            };
            let lt = l.get(k).map_or(String::new(), |x| x.clone());
            let rt = r.get(k).map_or(String::new(), |x| x.clone());
            let text_style = if row.relation == Relation::Same {
                base.patch(t.same)
            } else {
                base
            };
            let (ls, rs) = (sign(row.left), sign(row.right));
            let left = pad(&lt);
            let left = super::pad(&left, col.saturating_sub(ls.width()));
            lines.push(Line::from(vec![
                Span::styled(format!("{m} "), rel),
                ls,
                Span::styled(left, text_style),
                Span::styled(" │ ", t.border),
                rs,
                Span::styled(rt, text_style),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_explains_every_row_sign() {
        let help: String = crate::app::help::entries(&Default::default())
            .iter()
            .filter_map(|e| match e {
                crate::app::help::HelpEntry::Note(n) => Some(*n),
                _ => None,
            })
            .collect();
        let legend = help
            .split_once("Compare rows")
            .expect("a note on compare rows")
            .1;
        let relations = [
            Relation::Same,
            Relation::Similar,
            Relation::Conflict,
            Relation::LeftOnly,
            Relation::RightOnly,
        ];
        for sign in relations.map(marker).into_iter().chain(["!", "c"]) {
            let explained = [": ", "· "]
                .iter()
                .any(|before| legend.contains(&format!("{before}{sign} ")));
            assert!(explained, "{sign} is explained");
        }
    }
}
