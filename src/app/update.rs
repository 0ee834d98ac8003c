//! The reducer: the only code that changes [`AppState`].

use super::action::{Action, Command};
use super::state::{AppState, Loading, Mode, Pane, SOURCE_ROWS, areas, inner_rows, reader_lines};
use crate::index::diff::{Relation, diff_articles};
use crate::index::{ClaimRef, Index, Query};

/// Work for the event loop to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search off the UI thread (a [`crate::index::Searcher`], which narrows on its own);
    /// reply with `Action::SearchDone` of this generation.
    Search { generation: u64, query: Query },
}

/// Applies an action to the state. Returns the effects to carry out.
pub fn update(s: &mut AppState, index: &Index, action: Action) -> Vec<Effect> {
    s.status = None;
    match action {
        Action::Cmd(c) => command(s, index, c),
        Action::SearchInput(c) => {
            s.query.push(c);
            search_effect(s)
        }
        Action::SearchDone {
            generation,
            hits,
            micros,
        } => {
            if generation == s.search_generation
                && (s.mode == Mode::Search || s.search_results.is_some())
            {
                // While typing, the best match is selected; when browsing results that are
                // searched again (the corpus grew), the selection stays on its claim.
                let kept = (s.mode != Mode::Search)
                    .then(|| s.claims.get(s.claim_sel).copied())
                    .flatten();
                s.search_results = Some(hits.into_iter().map(|h| h.at).collect());
                s.search_micros = Some(micros);
                s.refresh_claims(index);
                s.claim_sel = kept
                    .and_then(|c| s.claims.iter().position(|&x| x == c))
                    .unwrap_or(0);
                if s.claim_sel == 0 {
                    s.claim_offset = 0;
                }
                keep_visible(s, index);
            }
            vec![]
        }
        Action::Click { pane, row } => {
            if matches!(s.mode, Mode::Help | Mode::Facts) {
                return vec![];
            }
            s.focus = pane;
            match pane {
                Pane::Sources => select_source(s, index, s.source_offset + row / SOURCE_ROWS),
                Pane::Claims => {
                    s.claim_sel = (s.claim_offset + row).min(s.claims.len().saturating_sub(1))
                }
                Pane::Reader => {}
            }
            keep_visible(s, index);
            vec![]
        }
        Action::Scroll { pane, lines } => {
            let prev = s.focus;
            s.focus = pane;
            let cmd = if lines > 0 {
                Command::MoveDown
            } else {
                Command::MoveUp
            };
            for _ in 0..lines.unsigned_abs() {
                command(s, index, cmd);
            }
            s.focus = prev;
            vec![]
        }
        Action::Resize { width, height } => {
            s.width = width;
            s.height = height;
            keep_visible(s, index);
            vec![]
        }
        Action::Grew { done, total } => {
            s.loading = (done < total).then_some(Loading::Extracting { done, total });
            index_changed(s, index)
        }
        Action::Linking => {
            s.loading = Some(Loading::Linking);
            vec![]
        }
        Action::Linked => {
            s.loading = None;
            index_changed(s, index)
        }
    }
}

/// The index grew or was linked: the lists take in the new articles and claims (selections
/// stay on what they were), and a search in progress runs again over them.
fn index_changed(s: &mut AppState, index: &Index) -> Vec<Effect> {
    let current = s.selected_article();
    s.order_sources(index);
    s.source_sel = current
        .and_then(|c| s.sources.iter().position(|&x| x == c))
        .unwrap_or(0);
    let claim = s.claims.get(s.claim_sel).copied();
    s.refresh_claims(index);
    if let Some(c) = claim {
        s.claim_sel = s.claims.iter().position(|&x| x == c).unwrap_or(s.claim_sel);
    }
    keep_visible(s, index);
    if s.query.is_empty() || (s.mode != Mode::Search && s.search_results.is_none()) {
        return vec![];
    }
    s.search_generation += 1;
    vec![Effect::Search {
        generation: s.search_generation,
        query: Query::parse(&s.query),
    }]
}

fn search_effect(s: &mut AppState) -> Vec<Effect> {
    s.search_generation += 1;
    let query = Query::parse(&s.query);
    if query.is_empty() {
        s.search_results = None;
        s.search_micros = None;
    }
    vec![Effect::Search {
        generation: s.search_generation,
        query,
    }]
}

fn select_source(s: &mut AppState, index: &Index, i: usize) {
    if s.sources.is_empty() {
        return;
    }
    s.source_sel = i.min(s.sources.len() - 1);
    if !s.all_claims && s.search_results.is_none() {
        s.claim_sel = 0;
        s.refresh_claims(index);
    }
}

fn page(s: &AppState) -> usize {
    let a = areas(s.width, s.height);
    match s.focus {
        Pane::Sources => inner_rows(a.sources) / SOURCE_ROWS,
        Pane::Claims => inner_rows(a.claims).saturating_sub(usize::from(s.mode == Mode::Search)),
        Pane::Reader => inner_rows(a.reader),
    }
    .max(1)
}

/// Moves the focused list or view by `delta` rows (clamped).
fn move_by(s: &mut AppState, index: &Index, delta: isize) {
    let step = |cur: usize, len: usize| -> usize {
        if len == 0 {
            return 0;
        }
        (cur as isize + delta).clamp(0, len as isize - 1) as usize
    };
    match s.mode {
        Mode::Help => s.help_scroll = step(s.help_scroll, 200),
        Mode::Facts => {
            if s.fact_open {
                let n = index.facts.get(s.facts_sel).map_or(0, |f| f.members.len());
                s.member_sel = step(s.member_sel, n);
            } else {
                s.facts_sel = step(s.facts_sel, index.facts.len());
            }
        }
        Mode::Compare if s.focus == Pane::Reader => {
            let rows = s.compare_rows();
            let pos = rows.iter().position(|&r| r >= s.compare_sel).unwrap_or(0);
            s.compare_sel = rows.get(step(pos, rows.len())).copied().unwrap_or(0);
        }
        _ => match s.focus {
            Pane::Sources => {
                let i = step(s.source_sel, s.sources.len());
                select_source(s, index, i);
            }
            Pane::Claims => s.claim_sel = step(s.claim_sel, s.claims.len()),
            Pane::Reader => {
                let a = areas(s.width, s.height);
                let n = index.articles.get(s.reader_article).map_or(0, |art| {
                    reader_lines(art, a.reader.width.saturating_sub(2) as usize, s.show_noise).len()
                });
                s.reader_scroll = step(s.reader_scroll, n.saturating_sub(inner_rows(a.reader)) + 1);
            }
        },
    }
    keep_visible(s, index);
}

/// Keeps each list's selection inside its visible rows.
fn keep_visible(s: &mut AppState, _index: &Index) {
    let a = areas(s.width, s.height);
    let fit = |sel: usize, offset: usize, rows: usize| -> usize {
        let rows = rows.max(1);
        if sel < offset {
            sel
        } else if sel >= offset + rows {
            sel + 1 - rows
        } else {
            offset
        }
    };
    s.source_offset = fit(
        s.source_sel,
        s.source_offset,
        inner_rows(a.sources) / SOURCE_ROWS,
    );
    let claim_rows = inner_rows(a.claims).saturating_sub(usize::from(
        s.mode == Mode::Search || s.search_results.is_some(),
    ));
    s.claim_offset = fit(s.claim_sel, s.claim_offset, claim_rows);
}

fn open_claim(s: &mut AppState, index: &Index, r: ClaimRef) {
    s.reader_article = r.article as usize;
    s.reader_target = Some(r);
    let a = areas(s.width, s.height);
    let lines = reader_lines(
        &index.articles[r.article as usize],
        a.reader.width.saturating_sub(2) as usize,
        s.show_noise,
    );
    let start = index.claim(r).start();
    let line = lines
        .iter()
        .position(|l| l.end > start && l.start <= start.max(l.start))
        .unwrap_or(0);
    s.reader_scroll = line.saturating_sub(2);
    s.focus = Pane::Reader;
    if let Some(pos) = s.sources.iter().position(|&x| x == r.article as usize) {
        s.source_sel = pos;
        keep_visible(s, index);
    }
}

fn compare_pair(s: &AppState) -> Option<(usize, usize)> {
    match s.marked.as_slice() {
        [a, b] => Some((*a, *b)),
        [a] => {
            let sel = s.selected_article()?;
            (sel != *a).then_some((*a, sel))
        }
        _ => {
            let sel = s.selected_article()?;
            let next = s.sources.get(s.source_sel + 1).copied()?;
            Some((sel, next))
        }
    }
}

fn command(s: &mut AppState, index: &Index, c: Command) -> Vec<Effect> {
    match c {
        Command::Quit => s.quit = true,
        Command::FocusSources => s.focus = Pane::Sources,
        Command::FocusClaims => s.focus = Pane::Claims,
        Command::FocusReader => s.focus = Pane::Reader,
        Command::NextPane | Command::PrevPane => {
            let order = [Pane::Sources, Pane::Claims, Pane::Reader];
            let i = order.iter().position(|&p| p == s.focus).unwrap_or(0);
            let next = if c == Command::NextPane {
                (i + 1) % 3
            } else {
                (i + 2) % 3
            };
            s.focus = order[next];
            if s.mode == Mode::Search {
                s.mode = Mode::Normal;
            }
        }
        Command::MoveDown => move_by(s, index, 1),
        Command::MoveUp => move_by(s, index, -1),
        Command::PageDown => move_by(s, index, page(s) as isize),
        Command::PageUp => move_by(s, index, -(page(s) as isize)),
        Command::First => move_by(s, index, isize::MIN / 2),
        Command::Last => move_by(s, index, isize::MAX / 2),
        Command::Open => match s.mode {
            Mode::Facts => {
                if s.fact_open {
                    if let Some(m) = index
                        .facts
                        .get(s.facts_sel)
                        .and_then(|f| f.members.get(s.member_sel))
                    {
                        let at = m.at;
                        s.mode = Mode::Normal;
                        s.fact_open = false;
                        open_claim(s, index, at);
                    }
                } else if !index.facts.is_empty() {
                    s.fact_open = true;
                    s.member_sel = 0;
                }
            }
            Mode::Compare => {
                if let Some(row) = s.compare.as_ref().and_then(|d| d.rows.get(s.compare_sel))
                    && let Some(r) = row.left.or(row.right)
                {
                    s.mode = Mode::Normal;
                    open_claim(s, index, r);
                }
            }
            _ => match s.focus {
                Pane::Sources => {
                    if let Some(a) = s.selected_article() {
                        s.reader_article = a;
                        s.reader_scroll = 0;
                        s.reader_target = None;
                        s.focus = Pane::Reader;
                    }
                }
                Pane::Claims => {
                    if let Some(&r) = s.claims.get(s.claim_sel) {
                        if s.mode == Mode::Search {
                            s.mode = Mode::Normal;
                        }
                        open_claim(s, index, r);
                    }
                }
                Pane::Reader => {}
            },
        },
        Command::Search => {
            s.mode = Mode::Search;
            s.focus = Pane::Claims;
            s.query.clear();
            s.search_results = None;
            s.search_micros = None;
            s.refresh_claims(index);
        }
        Command::SearchAccept => {
            s.mode = Mode::Normal;
            s.focus = Pane::Claims;
        }
        Command::SearchDeleteChar => {
            if s.query.pop().is_some() {
                return search_effect(s);
            }
        }
        Command::Back => match s.mode {
            Mode::Help => s.mode = s.behind_popup,
            Mode::Facts if s.fact_open => s.fact_open = false,
            Mode::Facts => s.mode = s.behind_popup,
            Mode::Compare => {
                s.mode = Mode::Normal;
                s.compare = None;
            }
            Mode::Search | Mode::Normal => {
                s.mode = Mode::Normal;
                if s.search_results.is_some() || !s.query.is_empty() {
                    s.query.clear();
                    s.search_results = None;
                    s.search_micros = None;
                    s.search_generation += 1;
                    s.claim_sel = 0;
                    s.refresh_claims(index);
                }
            }
        },
        Command::Mark => {
            if let Some(a) = s.selected_article() {
                if let Some(p) = s.marked.iter().position(|&m| m == a) {
                    s.marked.remove(p);
                } else {
                    if s.marked.len() == 2 {
                        s.marked.remove(0);
                    }
                    s.marked.push(a);
                }
            }
        }
        Command::Compare => match compare_pair(s) {
            Some((l, r)) => {
                s.compare = Some(diff_articles(index, l, r));
                s.compare_sel = 0;
                s.mode = Mode::Compare;
                s.focus = Pane::Reader;
            }
            None => s.status = Some("mark two sources with Space to compare them".into()),
        },
        Command::NextDifference | Command::PrevDifference => {
            if let Some(d) = &s.compare {
                let rows = s.compare_rows();
                let differs = |i: &&usize| d.rows[**i].relation != Relation::Same;
                let found = if c == Command::NextDifference {
                    rows.iter().filter(|&&i| i > s.compare_sel).find(differs)
                } else {
                    rows.iter()
                        .rev()
                        .filter(|&&i| i < s.compare_sel)
                        .find(differs)
                };
                match found {
                    Some(&i) => s.compare_sel = i,
                    None => s.status = Some("no more differences".into()),
                }
            }
        }
        Command::ToggleUnchanged => {
            s.hide_same = !s.hide_same;
            let rows = s.compare_rows();
            if !rows.contains(&s.compare_sel) {
                s.compare_sel = rows
                    .iter()
                    .copied()
                    .find(|&r| r > s.compare_sel)
                    .or(rows.last().copied())
                    .unwrap_or(0);
            }
        }
        Command::Facts => {
            if s.mode != Mode::Facts {
                s.behind_popup = if s.mode == Mode::Compare {
                    Mode::Compare
                } else {
                    Mode::Normal
                };
                s.mode = Mode::Facts;
                s.fact_open = false;
            }
        }
        Command::Help => {
            if s.mode != Mode::Help {
                s.behind_popup = match s.mode {
                    Mode::Compare => Mode::Compare,
                    _ => Mode::Normal,
                };
                s.mode = Mode::Help;
                s.help_scroll = 0;
            }
        }
        Command::ToggleNoise => {
            s.show_noise = !s.show_noise;
            if let Some(r) = s.reader_target {
                let focus = s.focus;
                open_claim(s, index, r);
                s.focus = focus;
            } else {
                s.reader_scroll = 0;
            }
        }
        Command::ToggleAllClaims => {
            s.all_claims = !s.all_claims;
            s.claim_sel = 0;
            s.claim_offset = 0;
            s.refresh_claims(index);
        }
        Command::SortByDate => {
            let current = s.selected_article();
            s.by_date = !s.by_date;
            s.order_sources(index);
            s.source_sel = current
                .and_then(|c| s.sources.iter().position(|&x| x == c))
                .unwrap_or(0);
            keep_visible(s, index);
        }
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Loading;
    use crate::index::{SearchHit, Searcher, SkimMatcher};

    fn seeds() -> Index {
        Index::build(crate::load(&[], &Default::default()).articles)
    }

    fn cmd(s: &mut AppState, index: &Index, c: Command) -> Vec<Effect> {
        update(s, index, Action::Cmd(c))
    }

    #[test]
    fn articles_arriving_while_browsing_keep_the_selection_and_rerun_the_search() {
        let full = seeds();
        let articles = crate::load(&[], &Default::default()).articles;
        let total = articles.len();
        let mut index = Index::default();
        index.push_articles(articles[..2].to_vec());
        let mut s = AppState::new(&index, 160, 45);
        update(&mut s, &index, Action::Grew { done: 2, total });
        assert_eq!(
            s.loading,
            Some(Loading::Extracting { done: 2, total }),
            "the status bar shows the loading"
        );
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::FocusClaims);
        cmd(&mut s, &index, Command::MoveDown);
        let claim = s.claims[s.claim_sel];
        index.push_articles(articles[2..].to_vec());
        let effects = update(&mut s, &index, Action::Grew { done: total, total });
        assert!(effects.is_empty(), "no search to run again");
        assert_eq!(s.loading, None);
        assert_eq!(s.sources.len(), total);
        assert_eq!(s.selected_article(), Some(1), "Sources selection kept");
        assert_eq!(s.claims.len(), full.claims.len(), "new claims listed");
        assert_eq!(s.claims[s.claim_sel], claim, "Claims selection kept");

        cmd(&mut s, &index, Command::Search);
        for c in "troops".chars() {
            update(&mut s, &index, Action::SearchInput(c));
        }
        update(&mut s, &index, Action::Linking);
        assert_eq!(s.loading, Some(Loading::Linking));
        let generation = s.search_generation;
        let effects = update(&mut s, &index, Action::Linked);
        assert_eq!(s.loading, None);
        assert_eq!(
            effects,
            vec![Effect::Search {
                generation: generation + 1,
                query: Query::parse("troops"),
            }],
            "the query runs again over the linked index"
        );
    }

    #[test]
    fn opens_on_sources_and_moves_between_panes() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        assert_eq!(s.focus, Pane::Sources);
        assert_eq!(s.claims.len(), index.claims.len());
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::MoveDown);
        assert_eq!(s.source_sel, 2);
        cmd(&mut s, &index, Command::Last);
        assert_eq!(s.source_sel, index.articles.len() - 1);
        cmd(&mut s, &index, Command::MoveDown);
        assert_eq!(
            s.source_sel,
            index.articles.len() - 1,
            "stays on the last row"
        );
        cmd(&mut s, &index, Command::NextPane);
        assert_eq!(s.focus, Pane::Claims);
        cmd(&mut s, &index, Command::PrevPane);
        cmd(&mut s, &index, Command::PrevPane);
        assert_eq!(s.focus, Pane::Reader);
        cmd(&mut s, &index, Command::FocusClaims);
        cmd(&mut s, &index, Command::PageDown);
        assert!(s.claim_sel > 10);
        assert!(
            s.claim_offset > 0,
            "the list scrolls to keep the selection visible"
        );
    }

    #[test]
    fn claims_follow_the_selected_source_when_asked() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::ToggleAllClaims);
        assert!(s.claims.iter().all(|r| r.article == 0));
        cmd(&mut s, &index, Command::MoveDown);
        assert!(!s.claims.is_empty() && s.claims.iter().all(|r| r.article == 1));
    }

    #[test]
    fn opening_a_claim_scrolls_the_reader_to_it() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::FocusClaims);
        cmd(&mut s, &index, Command::Last);
        let target = s.claims[s.claim_sel];
        cmd(&mut s, &index, Command::Open);
        assert_eq!(s.focus, Pane::Reader);
        assert_eq!(s.reader_article, target.article as usize);
        assert_eq!(s.reader_target, Some(target));
        assert!(s.reader_scroll > 0);
        assert_eq!(s.selected_article(), Some(target.article as usize));
    }

    #[test]
    fn search_updates_results_and_ignores_stale_ones() {
        let index = seeds();
        let m = SkimMatcher::default();
        let mut searcher = Searcher::default();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Search);
        assert_eq!((s.mode, s.focus), (Mode::Search, Pane::Claims));
        let mut run =
            |s: &mut AppState, c: char| match update(s, &index, Action::SearchInput(c)).pop() {
                Some(Effect::Search { generation, query }) => {
                    let hits = searcher.search(&index, &query, &m, 1000);
                    update(
                        s,
                        &index,
                        Action::SearchDone {
                            generation,
                            hits,
                            micros: 5,
                        },
                    );
                }
                None => panic!("typing searches"),
            };
        run(&mut s, 'n');
        let broad = s.claims.len();
        for c in "orth".chars() {
            run(&mut s, c);
        }
        assert!(s.claims.len() < broad);
        assert!(
            index
                .claim(s.claims[0])
                .text
                .to_lowercase()
                .contains("north"),
            "whole words rank first"
        );
        let stale = SearchHit {
            at: index.claims[0],
            score: 1,
        };
        update(
            &mut s,
            &index,
            Action::SearchDone {
                generation: 1,
                hits: vec![stale],
                micros: 1,
            },
        );
        assert_ne!(
            s.claims,
            vec![index.claims[0]],
            "results of an older query are dropped"
        );
        cmd(&mut s, &index, Command::SearchAccept);
        assert_eq!(s.mode, Mode::Normal);
        assert!(s.search_results.is_some(), "accepted results stay listed");
        cmd(&mut s, &index, Command::Back);
        assert!(s.search_results.is_none());
        assert_eq!(s.claims.len(), index.claims.len());
    }

    #[test]
    fn marking_two_sources_opens_their_comparison() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Mark);
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::Mark);
        assert_eq!(s.marked, vec![0, 3]);
        cmd(&mut s, &index, Command::Compare);
        assert_eq!(s.mode, Mode::Compare);
        let d = s.compare.as_ref().unwrap();
        assert_eq!((d.left, d.right), (0, 3));
        let before = s.compare_sel;
        cmd(&mut s, &index, Command::NextDifference);
        let d = s.compare.as_ref().unwrap();
        assert!(s.compare_sel > before || d.rows[before].relation != Relation::Same);
        assert_ne!(d.rows[s.compare_sel].relation, Relation::Same);
        cmd(&mut s, &index, Command::ToggleUnchanged);
        assert!(
            s.compare_rows()
                .iter()
                .all(|&i| s.compare.as_ref().unwrap().rows[i].relation != Relation::Same)
        );
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
        assert!(s.compare.is_none());
    }

    #[test]
    fn compare_without_marks_takes_the_selected_and_the_next() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::Compare);
        let d = s.compare.as_ref().unwrap();
        assert_eq!((d.left, d.right), (1, 2));
    }

    #[test]
    fn facts_popup_lists_members_and_opens_one() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Facts);
        assert_eq!(s.mode, Mode::Facts);
        cmd(&mut s, &index, Command::Open);
        assert!(s.fact_open);
        cmd(&mut s, &index, Command::MoveDown);
        let member = index.facts[0].members[1].at;
        cmd(&mut s, &index, Command::Open);
        assert_eq!(s.mode, Mode::Normal);
        assert_eq!(s.reader_target, Some(member));
        cmd(&mut s, &index, Command::Help);
        assert_eq!(s.mode, Mode::Help);
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
    }

    #[test]
    fn clicks_focus_and_select() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        update(
            &mut s,
            &index,
            Action::Click {
                pane: Pane::Claims,
                row: 3,
            },
        );
        assert_eq!((s.focus, s.claim_sel), (Pane::Claims, 3));
        update(
            &mut s,
            &index,
            Action::Click {
                pane: Pane::Sources,
                row: 5,
            },
        );
        assert_eq!(
            (s.focus, s.source_sel),
            (Pane::Sources, 2),
            "two rows per source"
        );
        update(
            &mut s,
            &index,
            Action::Scroll {
                pane: Pane::Claims,
                lines: 3,
            },
        );
        assert_eq!(s.claim_sel, 6);
        assert_eq!(s.focus, Pane::Sources, "the wheel does not move focus");
        cmd(&mut s, &index, Command::Quit);
        assert!(s.quit);
    }
}
