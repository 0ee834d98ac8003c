//! The reducer: the only code that changes [`AppState`].

use super::action::{Action, Command};
use super::state::{
    AppState, Loading, Mode, Pane, Review, ReviewTarget, SOURCE_ROWS, areas, fact_rows,
    facts_areas, inner_rows, member_rows, next_verdict_filter, reader_lines,
};
use crate::index::diff::{Relation, diff_articles};
use crate::index::{ClaimRef, Index, MatchKind, Query, SearchOutcome};
use crate::lexicon::Lexicon;
use crate::report::ReportFormat;
use crate::workspace::{Mark, Marks, Rating};

/// Work for the event loop to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search off the UI thread (a [`crate::index::Searcher`], which narrows on its own);
    /// reply with `Action::SearchDone` of this generation.
    Search { generation: u64, query: Query },
    /// Write a review mark to the workspace (`None`: remove it); reply with
    /// `Action::MarkSaved`.
    SaveMark {
        target: ReviewTarget,
        mark: Option<Mark>,
        /// Stored keys the mark replaces: a claim's older article keys, a fact's older
        /// digests (see [`crate::workspace::Marks`]).
        replaces: Vec<String>,
    },
    /// Write a report of the index and its marks to a file, atomically; reply with
    /// `Action::ReportWritten`.
    WriteReport { path: String, format: ReportFormat },
}

/// Applies an action to the state. Returns the effects to carry out.
pub fn update(s: &mut AppState, index: &Index, action: Action) -> Vec<Effect> {
    // Background progress leaves a message standing until the user acts.
    if !matches!(
        action,
        Action::Grew { .. } | Action::Linking | Action::Linked
    ) {
        s.status = None;
    }
    match action {
        Action::Cmd(c) => command(s, index, c),
        Action::SearchInput(c) => {
            s.query.push(c);
            search_effect(s)
        }
        Action::SearchDone {
            generation,
            found,
            micros,
        } => {
            search_done(s, index, generation, &found, micros);
            vec![]
        }
        Action::Click { pane, row } => {
            click(s, index, pane, row);
            vec![]
        }
        Action::Scroll { pane, lines } => {
            scroll(s, index, pane, lines);
            vec![]
        }
        Action::Resize { width, height } => {
            s.width = width;
            s.height = height;
            s.help_scroll = s
                .help_scroll
                .min(super::help::max_scroll(&s.help, width, height));
            keep_visible(s, index);
            vec![]
        }
        Action::Read {
            total,
            unreadable,
            first_problem,
        } => {
            files_read(s, total, unreadable, first_problem);
            vec![]
        }
        Action::Grew { done, total } => {
            s.loading = (done < total).then_some(Loading::Extracting { done, total });
            index_changed(s, index)
        }
        Action::LoadNotice(why) => {
            s.status = Some(why);
            vec![]
        }
        Action::Linking => {
            s.loading = Some(Loading::Linking);
            vec![]
        }
        Action::Linked => {
            s.loading = None;
            index_changed(s, index)
        }
        Action::Edit(req) => {
            match (s.mode, &mut s.review) {
                (Mode::Review, Some(r)) => {
                    r.note.handle(req);
                }
                (Mode::Report, _) => {
                    s.report_path.handle(req);
                }
                _ => {}
            }
            vec![]
        }
        Action::MarksLoaded(marks) => {
            marks_loaded(s, index, marks);
            vec![]
        }
        Action::WorkspaceNotice(why) => {
            s.status = Some(why.clone());
            s.workspace_notice = Some(why);
            vec![]
        }
        Action::MarkSaved(result) => {
            s.status = Some(match result {
                Ok(place) => format!("mark saved in {place}"),
                Err(e) => format!("mark kept for this session only: {e}"),
            });
            vec![]
        }
        Action::ReportWritten(result) => {
            s.status = Some(match result {
                Ok(done) => done,
                Err(e) => format!("report not written: {e}"),
            });
            vec![]
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
    s.refresh_facts(index);
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

fn clear_search(s: &mut AppState) {
    s.search_results = None;
    s.search_micros = None;
    s.search_counts = None;
    s.search_loose.clear();
}

fn search_effect(s: &mut AppState) -> Vec<Effect> {
    s.search_generation += 1;
    let query = Query::parse(&s.query);
    if query.is_empty() {
        clear_search(s);
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
    if s.mode == Mode::Facts {
        let fa = facts_areas(s.width, s.height);
        return if s.members_focused {
            member_rows(&fa)
        } else {
            fact_rows(&fa)
        };
    }
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
        Mode::Help => {
            let last = super::help::max_scroll(&s.help, s.width, s.height);
            s.help_scroll = step(s.help_scroll, last + 1);
        }
        Mode::Review | Mode::Report => {}
        Mode::Facts => {
            if s.members_focused {
                let n = s.selected_fact(index).map_or(0, |f| f.members.len());
                s.member_sel = step(s.member_sel, n);
            } else {
                let before = s.facts_sel;
                s.facts_sel = step(s.facts_sel, s.facts_order.len());
                if s.facts_sel != before {
                    s.member_sel = 0;
                }
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

/// The first row a list shows so that `sel` is among its `rows` rows.
fn fit(sel: usize, offset: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if sel < offset {
        sel
    } else if sel >= offset + rows {
        sel + 1 - rows
    } else {
        offset
    }
}

/// Keeps each list's selection inside its visible rows.
fn keep_visible(s: &mut AppState, _index: &Index) {
    let a = areas(s.width, s.height);
    s.source_offset = fit(
        s.source_sel,
        s.source_offset,
        inner_rows(a.sources) / SOURCE_ROWS,
    );
    let claim_rows = inner_rows(a.claims).saturating_sub(usize::from(
        s.mode == Mode::Search || s.search_results.is_some(),
    ));
    s.claim_offset = fit(s.claim_sel, s.claim_offset, claim_rows);
    let fa = facts_areas(s.width, s.height);
    s.facts_sel = s.facts_sel.min(s.facts_order.len().saturating_sub(1));
    s.facts_offset = fit(s.facts_sel, s.facts_offset, fact_rows(&fa));
}

fn open_claim(s: &mut AppState, index: &Index, r: ClaimRef) {
    s.reader_article = r.article as usize;
    s.reader_target = Some(r);
    s.reader_from = None;
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

/// What a review mark would be set on now: the selected fact or figure in the Facts view,
/// the selected claim, the claim opened in the Reader, the selected row of a comparison.
fn review_target(s: &AppState, index: &Index) -> Result<ReviewTarget, &'static str> {
    match s.mode {
        Mode::Facts => {
            let f = s.selected_fact(index).ok_or("no fact to mark")?;
            if s.members_focused {
                let m = f.members.get(s.member_sel).ok_or("no figure to mark")?;
                Ok(ReviewTarget::Claim(m.at))
            } else {
                Ok(ReviewTarget::Fact(f.id))
            }
        }
        Mode::Compare if s.focus == Pane::Reader => s
            .compare
            .as_ref()
            .and_then(|d| d.rows.get(s.compare_sel))
            .and_then(|row| row.left.or(row.right))
            .map(ReviewTarget::Claim)
            .ok_or("no claim on this row to mark"),
        _ => match s.focus {
            Pane::Claims => s
                .claims
                .get(s.claim_sel)
                .map(|&r| ReviewTarget::Claim(r))
                .ok_or("no claim to mark"),
            Pane::Reader => s
                .reader_target
                .map(ReviewTarget::Claim)
                .ok_or("open a claim (Enter in Claims) to mark it"),
            Pane::Sources => Err("select a claim (2 for Claims) to mark it"),
        },
    }
}

/// The mode a popup opened now returns to.
fn popup_return(mode: Mode) -> Mode {
    match mode {
        Mode::Compare | Mode::Facts => mode,
        _ => Mode::Normal,
    }
}

fn close_facts(s: &mut AppState) {
    s.mode = s.behind_facts;
    s.members_focused = false;
}

fn confirm(s: &mut AppState, index: &Index) -> Vec<Effect> {
    match s.mode {
        Mode::Review => {
            let Some(r) = s.review.take() else {
                s.mode = s.behind_popup;
                return vec![];
            };
            let mark = r.rating.map(|rating| Mark::now(rating, r.note.value()));
            let replaces = match r.target {
                ReviewTarget::Claim(c) => {
                    let old = s.marks.claim_aliases.get(&c).cloned();
                    s.marks.set_claim(c, mark.clone());
                    old
                }
                ReviewTarget::Fact(f) => {
                    let old = s.marks.fact_digests.get(&f).cloned();
                    s.marks.set_fact(f, mark.clone());
                    old
                }
            }
            .unwrap_or_default();
            s.mode = s.behind_popup;
            s.refresh_claims(index);
            s.refresh_facts(index);
            keep_visible(s, index);
            vec![Effect::SaveMark {
                target: r.target,
                mark,
                replaces,
            }]
        }
        Mode::Report => {
            let path = s.report_path.value().trim().to_string();
            match ReportFormat::from_path(&path) {
                Some(format) if !path.is_empty() => {
                    s.mode = s.behind_popup;
                    s.status = Some(format!("writing {path}…"));
                    vec![Effect::WriteReport { path, format }]
                }
                _ => {
                    s.status = Some(
                        "name the report file .md, .csv, .json or .jsonld (ClaimReview)".into(),
                    );
                    vec![]
                }
            }
        }
        _ => vec![],
    }
}

/// A search's results arrive: taken only when they answer the latest query and a search is
/// still shown.
fn search_done(
    s: &mut AppState,
    index: &Index,
    generation: u64,
    found: &SearchOutcome,
    micros: u128,
) {
    if generation != s.search_generation || !(s.mode == Mode::Search || s.search_results.is_some())
    {
        return;
    }
    // An erased query lists every claim again, as before typing, not "no claim matches".
    if Query::parse(&s.query).is_empty() {
        clear_search(s);
        s.refresh_claims(index);
        return;
    }
    // While typing, the best match is selected; when browsing results that are searched
    // again (the corpus grew), the selection stays on its claim.
    let kept = (s.mode != Mode::Search)
        .then(|| s.claims.get(s.claim_sel).copied())
        .flatten();
    let mut loose: Vec<ClaimRef> = found
        .hits
        .iter()
        .filter(|h| h.kind == MatchKind::Loose)
        .map(|h| h.at)
        .collect();
    loose.sort_unstable();
    s.search_loose = loose;
    s.search_results = Some(found.hits.iter().map(|h| h.at).collect());
    s.search_counts = Some((found.matches, found.loose));
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

/// A click on a pane's `row`: focuses the pane and selects the row's source or claim.
fn click(s: &mut AppState, index: &Index, pane: Pane, row: usize) {
    if !matches!(s.mode, Mode::Normal | Mode::Search | Mode::Compare) {
        return;
    }
    s.focus = pane;
    match pane {
        Pane::Sources => select_source(s, index, s.source_offset + row / SOURCE_ROWS),
        Pane::Claims => s.claim_sel = (s.claim_offset + row).min(s.claims.len().saturating_sub(1)),
        Pane::Reader => {}
    }
    keep_visible(s, index);
}

/// The mouse wheel over a pane: moves that pane by `lines`, leaving the focus where it was.
fn scroll(s: &mut AppState, index: &Index, pane: Pane, lines: i32) {
    if s.mode.is_popup() {
        return;
    }
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
}

/// The files are read: extraction starts, and files that could not be loaded are reported.
fn files_read(s: &mut AppState, total: usize, unreadable: usize, first_problem: Option<String>) {
    s.loading = Some(Loading::Extracting { done: 0, total });
    if unreadable > 0 {
        s.status = Some(format!(
            "{unreadable} file(s) could not be loaded: {}",
            first_problem.unwrap_or_default()
        ));
    }
    if total == 0 {
        s.status = Some("nothing could be loaded: press q to quit".into());
    }
}

/// The workspace's review marks arrive: the lists filter by them from now on.
fn marks_loaded(s: &mut AppState, index: &Index, marks: Marks) {
    let unmatched = marks.unmatched;
    s.marks = marks;
    s.refresh_claims(index);
    s.refresh_facts(index);
    keep_visible(s, index);
    if unmatched > 0 {
        s.status = Some(format!(
            "{unmatched} stored mark(s) match nothing in these articles (kept in the workspace)"
        ));
    }
}

fn command(s: &mut AppState, index: &Index, c: Command) -> Vec<Effect> {
    match c {
        Command::Quit => s.quit = true,
        Command::FocusSources => s.focus = Pane::Sources,
        Command::FocusClaims => s.focus = Pane::Claims,
        Command::FocusReader => s.focus = Pane::Reader,
        Command::NextPane | Command::PrevPane => cycle_pane(s, c == Command::NextPane),
        Command::MoveDown => move_by(s, index, 1),
        Command::MoveUp => move_by(s, index, -1),
        Command::PageDown => move_by(s, index, page(s) as isize),
        Command::PageUp => move_by(s, index, -(page(s) as isize)),
        Command::First => move_by(s, index, isize::MIN / 2),
        Command::Last => move_by(s, index, isize::MAX / 2),
        Command::Open => open(s, index),
        Command::Search => {
            s.mode = Mode::Search;
            s.focus = Pane::Claims;
            s.query.clear();
            clear_search(s);
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
        Command::SearchClear => {
            if !s.query.is_empty() {
                s.query.clear();
                return search_effect(s);
            }
        }
        Command::Back => back(s, index),
        Command::Mark => toggle_mark(s, index),
        Command::Compare => match compare_pair(s) {
            Some((l, r)) => {
                // The index was read with the process's lexicon: compare with the same.
                s.compare = Some(diff_articles(index, l, r, Lexicon::global()));
                s.compare_sel = 0;
                s.reader_from = None;
                s.mode = Mode::Compare;
                s.focus = Pane::Reader;
            }
            None => s.status = Some("mark two sources with Space to compare them".into()),
        },
        Command::NextDifference | Command::PrevDifference => {
            step_difference(s, c == Command::NextDifference);
        }
        Command::ToggleUnchanged => toggle_unchanged(s),
        Command::Facts => toggle_facts(s, index),
        Command::SortFacts => {
            s.fact_sort = s.fact_sort.next();
            s.refresh_facts(index);
            keep_visible(s, index);
        }
        Command::FilterVerdict => {
            s.verdict_filter = next_verdict_filter(s.verdict_filter);
            s.refresh_facts(index);
            keep_visible(s, index);
        }
        Command::FilterMarks => filter_marks(s, index),
        Command::Review => start_review(s, index),
        Command::NextRating | Command::PrevRating => {
            if let Some(r) = &mut s.review {
                r.step(if c == Command::NextRating { 1 } else { -1 });
            }
        }
        Command::Confirm => return confirm(s, index),
        Command::Report => {
            if !matches!(s.mode, Mode::Report | Mode::Review | Mode::Help) {
                s.behind_popup = popup_return(s.mode);
                s.mode = Mode::Report;
            }
        }
        Command::Help => {
            if s.mode != Mode::Help {
                s.behind_popup = popup_return(s.mode);
                s.mode = Mode::Help;
                s.help_scroll = 0;
            }
        }
        Command::ToggleNoise => toggle_noise(s, index),
        Command::ToggleAllClaims => {
            s.all_claims = !s.all_claims;
            s.claim_sel = 0;
            s.claim_offset = 0;
            s.refresh_claims(index);
        }
        Command::SortByDate => sort_by_date(s, index),
    }
    vec![]
}

/// Tab and Shift-Tab: between a fact and its members in the Facts view, else round the
/// three panes (leaving search mode).
fn cycle_pane(s: &mut AppState, forward: bool) {
    if s.mode == Mode::Facts {
        s.members_focused = !s.members_focused;
        return;
    }
    let order = [Pane::Sources, Pane::Claims, Pane::Reader];
    let i = order.iter().position(|&p| p == s.focus).unwrap_or(0);
    let next = if forward { (i + 1) % 3 } else { (i + 2) % 3 };
    s.focus = order[next];
    if s.mode == Mode::Search {
        s.mode = Mode::Normal;
    }
}

/// Enter: opens what is selected (a fact's members, a member's or a row's claim, a source,
/// a claim) where it is read.
fn open(s: &mut AppState, index: &Index) {
    match s.mode {
        Mode::Facts => {
            if s.members_focused {
                if let Some(m) = s
                    .selected_fact(index)
                    .and_then(|f| f.members.get(s.member_sel))
                {
                    let at = m.at;
                    s.mode = Mode::Normal;
                    s.members_focused = false;
                    open_claim(s, index, at);
                    s.reader_from = Some(Mode::Facts);
                }
            } else if s.selected_fact(index).is_some() {
                s.members_focused = true;
                s.member_sel = 0;
            }
        }
        Mode::Compare => {
            if let Some(row) = s.compare.as_ref().and_then(|d| d.rows.get(s.compare_sel))
                && let Some(r) = row.left.or(row.right)
            {
                s.mode = Mode::Normal;
                open_claim(s, index, r);
                s.reader_from = Some(Mode::Compare);
            }
        }
        _ => match s.focus {
            Pane::Sources => {
                if let Some(a) = s.selected_article() {
                    s.reader_article = a;
                    s.reader_scroll = 0;
                    s.reader_target = None;
                    s.reader_from = None;
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
    }
}

/// Esc: closes the popup or view on top, or clears the search.
fn back(s: &mut AppState, index: &Index) {
    match s.mode {
        Mode::Help => s.mode = s.behind_popup,
        Mode::Review | Mode::Report => {
            s.review = None;
            s.mode = s.behind_popup;
        }
        Mode::Facts if s.members_focused => s.members_focused = false,
        Mode::Facts => close_facts(s),
        Mode::Compare => {
            s.mode = Mode::Normal;
            s.compare = None;
        }
        Mode::Normal if s.focus == Pane::Reader && s.reader_from.is_some() => {
            if let Some(view) = s.reader_from.take() {
                s.mode = view;
                s.members_focused = view == Mode::Facts;
            }
        }
        // Back from a result opened in the Reader (or from another pane) to the results,
        // the query kept; Esc on the results clears the search.
        Mode::Normal if s.focus != Pane::Claims && s.search_results.is_some() => {
            s.focus = Pane::Claims;
        }
        Mode::Search | Mode::Normal => {
            s.mode = Mode::Normal;
            if s.search_results.is_some() || !s.query.is_empty() {
                s.query.clear();
                clear_search(s);
                s.search_generation += 1;
                s.claim_sel = 0;
                s.refresh_claims(index);
            }
        }
    }
}

/// Space: marks the selected source (in the Claims pane, the selected claim's) for
/// comparison (at most two: the oldest mark goes), or unmarks it, and says which.
fn toggle_mark(s: &mut AppState, index: &Index) {
    let selected = if s.focus == Pane::Claims {
        s.claims.get(s.claim_sel).map(|r| r.article as usize)
    } else {
        s.selected_article()
    };
    let Some(a) = selected else {
        return;
    };
    let tag = index.source_tags.get(a).map_or("?", String::as_str);
    if let Some(p) = s.marked.iter().position(|&m| m == a) {
        s.marked.remove(p);
        s.status = Some(format!("{tag} unmarked for comparison"));
    } else {
        if s.marked.len() == 2 {
            s.marked.remove(0);
        }
        s.marked.push(a);
        s.status = Some(match s.marked.len() {
            1 => format!("{tag} marked for comparison: mark another source, then c compares"),
            _ => format!("{tag} marked for comparison: c compares the two"),
        });
    }
}

/// Moves a comparison's selection to the next (or previous) row that differs.
fn step_difference(s: &mut AppState, forward: bool) {
    let Some(d) = &s.compare else {
        return;
    };
    let rows = s.compare_rows();
    let differs = |i: &&usize| d.rows[**i].relation != Relation::Same;
    let found = if forward {
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

/// Shows or hides a comparison's unchanged rows, keeping the selection on a shown row.
fn toggle_unchanged(s: &mut AppState) {
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

/// Opens the Facts view over what is shown, or closes it.
fn toggle_facts(s: &mut AppState, index: &Index) {
    if s.mode == Mode::Facts {
        close_facts(s);
        return;
    }
    s.behind_facts = if s.mode == Mode::Compare {
        Mode::Compare
    } else {
        Mode::Normal
    };
    s.mode = Mode::Facts;
    s.members_focused = false;
    s.reader_from = None;
    s.refresh_facts(index);
    keep_visible(s, index);
}

/// Steps the review-mark filter of the claim and fact lists, and says what is shown.
fn filter_marks(s: &mut AppState, index: &Index) {
    s.mark_filter = s.mark_filter.next();
    s.refresh_claims(index);
    s.refresh_facts(index);
    keep_visible(s, index);
    s.status = Some(match s.mark_filter.label() {
        Some(l) => format!("showing {l} claims and facts"),
        None => "showing every claim and fact".into(),
    });
}

/// Opens the review popup on what is selected, starting from its current mark.
fn start_review(s: &mut AppState, index: &Index) {
    match review_target(s, index) {
        Ok(target) => {
            let old = s.mark_of(target);
            s.review = Some(Review {
                target,
                rating: Some(old.map_or(Rating::Verified, |m| m.rating)),
                note: tui_input::Input::new(old.map_or(String::new(), |m| m.note.clone())),
            });
            s.behind_popup = popup_return(s.mode);
            s.mode = Mode::Review;
        }
        Err(hint) => s.status = Some(hint.into()),
    }
}

/// Shows or hides page noise in the Reader, keeping the claim read in view.
fn toggle_noise(s: &mut AppState, index: &Index) {
    s.show_noise = !s.show_noise;
    if let Some(r) = s.reader_target {
        let focus = s.focus;
        open_claim(s, index, r);
        s.focus = focus;
    } else {
        s.reader_scroll = 0;
    }
}

/// Orders sources by date or back by name, keeping the selected source selected.
fn sort_by_date(s: &mut AppState, index: &Index) {
    let current = s.selected_article();
    s.by_date = !s.by_date;
    s.order_sources(index);
    s.source_sel = current
        .and_then(|c| s.sources.iter().position(|&x| x == c))
        .unwrap_or(0);
    keep_visible(s, index);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Loading;
    use crate::index::Verdict;
    use crate::index::{SearchHit, SearchOutcome, Searcher, SkimMatcher};
    use crate::workspace::{MarkFilter, Marks};
    use tui_input::InputRequest;

    fn seeds() -> Index {
        Index::build(
            crate::load(&[], &Default::default()).articles,
            Lexicon::global(),
        )
    }

    fn cmd(s: &mut AppState, index: &Index, c: Command) -> Vec<Effect> {
        update(s, index, Action::Cmd(c))
    }

    #[test]
    fn the_help_scrolls_to_its_last_line_and_no_further() {
        let index = Index::default();
        let mut s = AppState::new(&index, 80, 24);
        cmd(&mut s, &index, Command::Help);
        cmd(&mut s, &index, Command::Last);
        let last = super::super::help::max_scroll(&s.help, 80, 24);
        assert!(last > 10, "the help is longer than a small screen");
        assert_eq!(s.help_scroll, last);
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::PageDown);
        assert_eq!(s.help_scroll, last, "nothing past the end");
        cmd(&mut s, &index, Command::MoveUp);
        assert_eq!(s.help_scroll, last - 1, "one key back up");
        // A taller screen shows more of it, so the end comes sooner.
        update(
            &mut s,
            &index,
            Action::Resize {
                width: 80,
                height: 60,
            },
        );
        let taller = super::super::help::max_scroll(&s.help, 80, 60);
        assert!(taller < last);
        assert_eq!(s.help_scroll, taller);
    }

    #[test]
    fn reading_the_files_starts_the_loading_and_says_what_failed() {
        let index = Index::default();
        let mut s = AppState::new(&index, 160, 45);
        update(
            &mut s,
            &index,
            Action::Read {
                total: 3,
                unreadable: 2,
                first_problem: Some("a.pdf: not a text format".into()),
            },
        );
        assert_eq!(s.loading, Some(Loading::Extracting { done: 0, total: 3 }));
        assert_eq!(
            s.status.as_deref(),
            Some("2 file(s) could not be loaded: a.pdf: not a text format")
        );
        let mut s = AppState::new(&index, 160, 45);
        update(
            &mut s,
            &index,
            Action::Read {
                total: 0,
                unreadable: 1,
                first_problem: Some("b.txt: empty".into()),
            },
        );
        assert_eq!(
            s.status.as_deref(),
            Some("nothing could be loaded: press q to quit")
        );
        let mut s = AppState::new(&index, 160, 45);
        update(
            &mut s,
            &index,
            Action::Read {
                total: 4,
                unreadable: 0,
                first_problem: None,
            },
        );
        assert_eq!(s.status, None);
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
    fn ctrl_u_clears_the_search_query_and_lists_every_claim_again() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Search);
        for c in "troops".chars() {
            update(&mut s, &index, Action::SearchInput(c));
        }
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        let action = crate::app::Keymap::default()
            .action(s.mode, &ctrl_u)
            .expect("Ctrl-U is bound while searching");
        let generation = s.search_generation;
        let effects = update(&mut s, &index, action.clone());
        assert_eq!(s.query, "");
        assert_eq!(s.mode, Mode::Search, "still searching");
        assert_eq!(
            effects,
            vec![Effect::Search {
                generation: generation + 1,
                query: Query::parse(""),
            }]
        );
        let Some(Effect::Search { generation, query }) = effects.into_iter().next() else {
            unreachable!("checked above")
        };
        let found = Searcher::default().search(&index, &query, &SkimMatcher::default(), 1000);
        update(
            &mut s,
            &index,
            Action::SearchDone {
                generation,
                found,
                micros: 5,
            },
        );
        assert_eq!(
            s.claims.len(),
            index.claims.len(),
            "every claim listed again, as before typing"
        );
        assert_eq!(s.search_counts, None);
        assert!(
            update(&mut s, &index, action).is_empty(),
            "nothing to clear"
        );
    }

    /// Types `query` and delivers its results.
    fn search_for(s: &mut AppState, index: &Index, query: &str) {
        cmd(s, index, Command::Search);
        for c in query.chars() {
            update(s, index, Action::SearchInput(c));
        }
        let generation = s.search_generation;
        let found =
            Searcher::default().search(index, &Query::parse(query), &SkimMatcher::default(), 1000);
        update(
            s,
            index,
            Action::SearchDone {
                generation,
                found,
                micros: 5,
            },
        );
    }

    #[test]
    fn esc_from_a_search_result_goes_back_to_the_results() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        search_for(&mut s, &index, "troops");
        let results = s.claims.clone();
        assert!(results.len() > 1 && results.len() < index.claims.len());
        cmd(&mut s, &index, Command::SearchAccept);
        assert_eq!((s.mode, s.focus), (Mode::Normal, Pane::Claims));
        cmd(&mut s, &index, Command::MoveDown);
        cmd(&mut s, &index, Command::Open);
        assert_eq!(s.focus, Pane::Reader);
        assert_eq!(s.reader_target, Some(results[1]));
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.focus, Pane::Claims, "back to the results");
        assert_eq!(s.query, "troops", "the query kept");
        assert_eq!(s.claims, results);
        assert_eq!(s.claim_sel, 1, "on the result that was opened");
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.query, "", "Esc on the results clears the search");
        assert_eq!(s.claims.len(), index.claims.len());
    }

    #[test]
    fn esc_from_a_figure_opened_in_the_reader_goes_back_to_the_facts_view() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Facts);
        cmd(&mut s, &index, Command::MoveDown);
        let fact = s.selected_fact(&index).map(|f| f.id);
        cmd(&mut s, &index, Command::Open);
        cmd(&mut s, &index, Command::Open);
        assert_eq!((s.mode, s.focus), (Mode::Normal, Pane::Reader));
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Facts);
        assert!(s.members_focused, "on the figures, where Enter was pressed");
        assert_eq!(s.selected_fact(&index).map(|f| f.id), fact);
        // Opening a source afterwards reads it: Esc there has no view to go back to.
        cmd(&mut s, &index, Command::Back);
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
        cmd(&mut s, &index, Command::FocusSources);
        cmd(&mut s, &index, Command::Open);
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
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
                    let found = searcher.search(&index, &query, &m, 1000);
                    update(
                        s,
                        &index,
                        Action::SearchDone {
                            generation,
                            found,
                            micros: 5,
                        },
                    );
                }
                _ => panic!("typing searches"),
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
        let (matches, loose) = s.search_counts.expect("counted");
        assert!(matches > 0 && matches + loose >= s.claims.len());
        let stale = SearchHit {
            at: index.claims[0],
            kind: MatchKind::Word,
            score: 1,
        };
        update(
            &mut s,
            &index,
            Action::SearchDone {
                generation: 1,
                found: SearchOutcome {
                    hits: vec![stale],
                    matches: 1,
                    loose: 0,
                },
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
        assert!(s.search_counts.is_none());
        assert_eq!(s.claims.len(), index.claims.len());
    }

    #[test]
    fn space_in_the_claims_pane_marks_the_selected_claims_source_and_says_so() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::FocusClaims);
        let last = s.claims.len() - 1;
        s.claim_sel = last;
        let article = s.claims[last].article as usize;
        assert_ne!(
            article,
            s.selected_article().unwrap(),
            "another source than Sources'"
        );
        cmd(&mut s, &index, Command::Mark);
        assert_eq!(s.marked, vec![article]);
        let tag = &index.source_tags[article];
        assert_eq!(
            s.status.as_deref(),
            Some(
                format!("{tag} marked for comparison: mark another source, then c compares")
                    .as_str()
            )
        );
        cmd(&mut s, &index, Command::Mark);
        assert!(s.marked.is_empty());
        assert_eq!(
            s.status.as_deref(),
            Some(format!("{tag} unmarked for comparison").as_str())
        );
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
    fn the_facts_view_lists_members_and_opens_one_in_the_reader() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Facts);
        assert_eq!(s.mode, Mode::Facts);
        assert_eq!(s.facts_order.len(), index.facts.len());
        cmd(&mut s, &index, Command::Open);
        assert!(s.members_focused);
        cmd(&mut s, &index, Command::MoveDown);
        let fact = s.selected_fact(&index).unwrap();
        let member = fact.members[1].at;
        cmd(&mut s, &index, Command::Open);
        assert_eq!(s.mode, Mode::Normal);
        assert_eq!(s.reader_target, Some(member));
        cmd(&mut s, &index, Command::Facts);
        assert_eq!(s.mode, Mode::Facts, "back to the view");
        assert_eq!(s.selected_fact(&index).map(|f| f.id), Some(fact.id));
        cmd(&mut s, &index, Command::Help);
        assert_eq!(s.mode, Mode::Help);
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Facts, "help returns to the Facts view");
        cmd(&mut s, &index, Command::NextPane);
        assert!(s.members_focused);
        cmd(&mut s, &index, Command::Back);
        assert!(!s.members_focused, "Esc leaves the members first");
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
    }

    #[test]
    fn the_facts_view_sorts_and_filters_by_verdict_keeping_the_selection() {
        let index = seeds();
        let mut s = AppState::new(&index, 80, 24);
        cmd(&mut s, &index, Command::Facts);
        let verdicts = |s: &AppState| -> Vec<Verdict> {
            s.facts_order
                .iter()
                .map(|&i| index.facts[i].verdict)
                .collect()
        };
        let v = verdicts(&s);
        assert!(v.windows(2).all(|w| w[0] <= w[1]), "by verdict: {v:?}");
        cmd(&mut s, &index, Command::Last);
        let last = s.selected_fact(&index).unwrap().id;
        cmd(&mut s, &index, Command::SortFacts);
        assert_eq!(s.fact_sort, crate::app::state::FactSort::Sources);
        let sources: Vec<usize> = s
            .facts_order
            .iter()
            .map(|&i| index.facts[i].independent_sources)
            .collect();
        assert!(sources.windows(2).all(|w| w[0] >= w[1]), "{sources:?}");
        assert_eq!(s.selected_fact(&index).unwrap().id, last, "selection kept");
        cmd(&mut s, &index, Command::SortFacts);
        assert_eq!(s.fact_sort, crate::app::state::FactSort::Date);
        cmd(&mut s, &index, Command::FilterVerdict);
        assert_eq!(s.verdict_filter, Some(Verdict::Conflict));
        assert!(verdicts(&s).iter().all(|&v| v == Verdict::Conflict));
        for _ in 0..3 {
            cmd(&mut s, &index, Command::FilterVerdict);
        }
        assert_eq!(s.verdict_filter, Some(Verdict::Single));
        assert!(!s.facts_order.is_empty());
        assert!(verdicts(&s).iter().all(|&v| v == Verdict::Single));
        cmd(&mut s, &index, Command::FilterVerdict);
        assert_eq!(s.facts_order.len(), index.facts.len());
        cmd(&mut s, &index, Command::PageDown);
        assert!(s.facts_sel > 0);
        assert!(s.facts_offset <= s.facts_sel);
    }

    /// Sets a mark through the review popup: rating steps down from the first, a note typed.
    fn review(s: &mut AppState, index: &Index, steps: usize, note: &str) -> Vec<Effect> {
        cmd(s, index, Command::Review);
        assert_eq!(s.mode, Mode::Review, "{:?}", s.status);
        cmd(s, index, Command::First);
        for _ in 0..steps {
            cmd(s, index, Command::NextRating);
        }
        update(s, index, Action::Edit(InputRequest::DeleteLine));
        for c in note.chars() {
            update(s, index, Action::Edit(InputRequest::InsertChar(c)));
        }
        cmd(s, index, Command::Confirm)
    }

    #[test]
    fn a_review_mark_on_a_claim_is_kept_and_saved_and_can_be_removed() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Review);
        assert_eq!(s.mode, Mode::Normal, "nothing to mark in Sources");
        assert!(s.status.as_deref().unwrap().contains("select a claim"));
        cmd(&mut s, &index, Command::FocusClaims);
        cmd(&mut s, &index, Command::MoveDown);
        let claim = s.claims[s.claim_sel];
        let effects = review(&mut s, &index, 1, "two ministries disagree");
        assert_eq!(s.mode, Mode::Normal);
        let mark = s.marks.claim(claim).cloned().expect("marked");
        assert_eq!(mark.rating, Rating::Disputed);
        assert_eq!(mark.note, "two ministries disagree");
        assert_eq!(
            effects,
            vec![Effect::SaveMark {
                target: ReviewTarget::Claim(claim),
                mark: Some(mark.clone()),
                replaces: vec![],
            }]
        );
        cmd(&mut s, &index, Command::Review);
        let open = s.review.as_ref().unwrap();
        assert_eq!(
            open.rating,
            Some(Rating::Disputed),
            "the popup shows the mark"
        );
        assert_eq!(open.note.value(), "two ministries disagree");
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
        assert!(s.review.is_none());
        assert_eq!(s.marks.claim(claim), Some(&mark), "cancel changes nothing");
        cmd(&mut s, &index, Command::Review);
        cmd(&mut s, &index, Command::PrevRating);
        cmd(&mut s, &index, Command::PrevRating);
        assert_eq!(
            s.review.as_ref().unwrap().rating,
            None,
            "the last choice removes"
        );
        let effects = cmd(&mut s, &index, Command::Confirm);
        assert!(s.marks.claim(claim).is_none());
        assert_eq!(
            effects,
            vec![Effect::SaveMark {
                target: ReviewTarget::Claim(claim),
                mark: None,
                replaces: vec![],
            }]
        );
        update(&mut s, &index, Action::MarkSaved(Ok("ws.sqlite".into())));
        assert_eq!(s.status.as_deref(), Some("mark saved in ws.sqlite"));
        update(&mut s, &index, Action::MarkSaved(Err("read-only".into())));
        assert!(s.status.as_deref().unwrap().contains("this session only"));
    }

    #[test]
    fn a_review_mark_on_a_fact_and_on_a_figure_from_the_facts_view() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Facts);
        let fact = s.selected_fact(&index).unwrap().id;
        let effects = review(&mut s, &index, 2, "");
        assert_eq!(s.mode, Mode::Facts, "back to the view");
        assert_eq!(s.marks.fact(fact).map(|m| m.rating), Some(Rating::False));
        assert!(matches!(
            effects.as_slice(),
            [Effect::SaveMark {
                target: ReviewTarget::Fact(f),
                ..
            }] if *f == fact
        ));
        cmd(&mut s, &index, Command::Open);
        let member = s.selected_fact(&index).unwrap().members[0].at;
        review(&mut s, &index, 4, "no public record");
        assert_eq!(
            s.marks.claim(member).map(|m| m.rating),
            Some(Rating::Unverifiable)
        );
    }

    #[test]
    fn the_mark_filter_narrows_claims_and_facts() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        let mut marks = Marks::default();
        let claim = index.claims[3];
        marks.set_claim(claim, Some(Mark::now(Rating::Misleading, "")));
        let fact = index.facts[1].id;
        marks.set_fact(fact, Some(Mark::now(Rating::Verified, "")));
        marks.unmatched = 2;
        update(&mut s, &index, Action::MarksLoaded(marks));
        assert!(s.status.as_deref().unwrap().contains("2 stored mark(s)"));
        cmd(&mut s, &index, Command::FilterMarks);
        assert_eq!(s.mark_filter, MarkFilter::Marked);
        assert_eq!(s.claims, vec![claim]);
        assert_eq!(s.facts_order, vec![1]);
        cmd(&mut s, &index, Command::FilterMarks);
        assert_eq!(s.mark_filter, MarkFilter::Rating(Rating::Verified));
        assert!(s.claims.is_empty());
        assert_eq!(s.facts_order, vec![1]);
        while s.mark_filter != MarkFilter::Unmarked {
            cmd(&mut s, &index, Command::FilterMarks);
        }
        assert_eq!(s.claims.len(), index.claims.len() - 1);
        assert_eq!(s.facts_order.len(), index.facts.len() - 1);
        cmd(&mut s, &index, Command::FilterMarks);
        assert_eq!(s.mark_filter, MarkFilter::All);
        assert_eq!(s.claims.len(), index.claims.len());
    }

    #[test]
    fn a_report_is_asked_for_by_file_name_and_its_format_follows_the_extension() {
        let index = seeds();
        let mut s = AppState::new(&index, 160, 45);
        cmd(&mut s, &index, Command::Report);
        assert_eq!(s.mode, Mode::Report);
        assert_eq!(s.report_path.value(), crate::app::state::DEFAULT_REPORT);
        update(&mut s, &index, Action::Edit(InputRequest::DeleteLine));
        for c in "review".chars() {
            update(&mut s, &index, Action::Edit(InputRequest::InsertChar(c)));
        }
        assert!(cmd(&mut s, &index, Command::Confirm).is_empty());
        assert_eq!(s.mode, Mode::Report, "stays open");
        assert!(s.status.as_deref().unwrap().contains(".jsonld"));
        for c in ".jsonld".chars() {
            update(&mut s, &index, Action::Edit(InputRequest::InsertChar(c)));
        }
        assert_eq!(
            cmd(&mut s, &index, Command::Confirm),
            vec![Effect::WriteReport {
                path: "review.jsonld".into(),
                format: ReportFormat::Claimreview,
            }]
        );
        assert_eq!(s.mode, Mode::Normal);
        update(&mut s, &index, Action::ReportWritten(Ok("wrote it".into())));
        assert_eq!(s.status.as_deref(), Some("wrote it"));
        update(
            &mut s,
            &index,
            Action::ReportWritten(Err("disk full".into())),
        );
        assert_eq!(s.status.as_deref(), Some("report not written: disk full"));
        cmd(&mut s, &index, Command::Report);
        cmd(&mut s, &index, Command::Back);
        assert_eq!(s.mode, Mode::Normal);
        update(&mut s, &index, Action::WorkspaceNotice("read-only".into()));
        assert_eq!(s.workspace_notice.as_deref(), Some("read-only"));
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
