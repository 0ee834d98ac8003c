//! Everything the TUI shows that is not the index itself: focus, selections, scroll offsets,
//! the search, the comparison.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::corpus::ParagraphKind;
use crate::extract::Extracted;
use crate::ids::FactId;
use crate::index::diff::{Relation, ReportDiff};
use crate::index::{ClaimRef, Index, Verdict};
use crate::report::figures::{date_key, first_last};
use crate::workspace::{Mark, MarkFilter, Marks, Rating};

/// A pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Sources,
    Claims,
    /// The Reader, or the Compare view when a comparison is open.
    Reader,
}

/// What the app is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    /// Typing a search query.
    Search,
    /// Two reports side by side.
    Compare,
    Help,
    /// The Facts view: figures across sources, one fact's members, its timeline.
    Facts,
    /// Setting a review mark: a rating and a note.
    Review,
    /// Typing the file name of a report.
    Report,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Normal => "BROWSE",
            Mode::Search => "SEARCH",
            Mode::Compare => "COMPARE",
            Mode::Help => "HELP",
            Mode::Facts => "FACTS",
            Mode::Review => "REVIEW",
            Mode::Report => "REPORT",
        }
    }

    /// Whether the mode is a popup over another mode's screen.
    pub fn is_popup(self) -> bool {
        matches!(self, Mode::Help | Mode::Review | Mode::Report)
    }
}

/// How the Facts view orders its facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FactSort {
    /// Conflicts first, then evolving, agreeing and single-source facts; more sources first.
    #[default]
    Verdict,
    /// More independent sources first.
    Sources,
    /// The latest report date first; undated facts last.
    Date,
}

impl FactSort {
    pub fn next(self) -> FactSort {
        match self {
            FactSort::Verdict => FactSort::Sources,
            FactSort::Sources => FactSort::Date,
            FactSort::Date => FactSort::Verdict,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FactSort::Verdict => "by verdict",
            FactSort::Sources => "by sources",
            FactSort::Date => "by date",
        }
    }
}

/// The next verdict filter: every verdict, then each verdict alone.
pub fn next_verdict_filter(v: Option<Verdict>) -> Option<Verdict> {
    match v {
        None => Some(Verdict::Conflict),
        Some(Verdict::Conflict) => Some(Verdict::Evolving),
        Some(Verdict::Evolving) => Some(Verdict::Agree),
        Some(Verdict::Agree) => Some(Verdict::Single),
        Some(Verdict::Single) => None,
    }
}

/// What a review mark is set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewTarget {
    Claim(ClaimRef),
    Fact(FactId),
}

/// A review mark being set: the rating chosen (`None`: remove the mark) and the note typed.
#[derive(Debug, Clone)]
pub struct Review {
    pub target: ReviewTarget,
    pub rating: Option<Rating>,
    pub note: tui_input::Input,
}

impl Review {
    /// The ratings listed in the review popup; the last entry removes the mark.
    pub fn choices() -> impl Iterator<Item = Option<Rating>> {
        Rating::ALL.into_iter().map(Some).chain([None])
    }

    /// Moves the choice by `delta` entries, wrapping around.
    pub fn step(&mut self, delta: isize) {
        let all: Vec<Option<Rating>> = Review::choices().collect();
        let at = all.iter().position(|&c| c == self.rating).unwrap_or(0) as isize;
        let n = all.len() as isize;
        self.rating = all[(at + delta).rem_euclid(n) as usize];
    }
}

/// The file name a report is written to unless another is typed.
pub const DEFAULT_REPORT: &str = "crosscheck-report.md";

/// Rows each source takes in the Sources list.
pub const SOURCE_ROWS: usize = 2;

/// The smallest terminal the app draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The state of the TUI.
#[derive(Debug, Clone)]
pub struct AppState {
    pub focus: Pane,
    pub mode: Mode,
    /// The mode a popup returns to.
    pub behind_popup: Mode,
    /// The mode the Facts view returns to (browsing or a comparison).
    pub behind_facts: Mode,
    /// Articles in display order.
    pub sources: Vec<usize>,
    pub by_date: bool,
    pub source_sel: usize,
    pub source_offset: usize,
    /// Claims pane: every source, or the selected one only.
    pub all_claims: bool,
    /// The claims the Claims pane lists now.
    pub claims: Vec<ClaimRef>,
    pub claim_sel: usize,
    pub claim_offset: usize,
    pub reader_article: usize,
    pub reader_scroll: usize,
    /// The claim opened in the Reader, highlighted there.
    pub reader_target: Option<ClaimRef>,
    /// The view (Facts or Compare) the Reader's claim was opened from, which Esc in the
    /// Reader goes back to.
    pub reader_from: Option<Mode>,
    pub show_noise: bool,
    pub query: String,
    pub search_generation: u64,
    /// Results of the current query, best first; `None` when not searching.
    pub search_results: Option<Vec<ClaimRef>>,
    pub search_micros: Option<u128>,
    /// Marked articles, oldest first (two at most).
    pub marked: Vec<usize>,
    pub compare: Option<ReportDiff>,
    pub compare_sel: usize,
    pub hide_same: bool,
    /// The Facts view's list: positions in `index.facts`, filtered and sorted.
    pub facts_order: Vec<usize>,
    /// The selected row of `facts_order`.
    pub facts_sel: usize,
    pub facts_offset: usize,
    pub fact_sort: FactSort,
    /// Only facts of this verdict; `None`: every verdict.
    pub verdict_filter: Option<Verdict>,
    /// The Facts view's members list has focus (else its table).
    pub members_focused: bool,
    pub member_sel: usize,
    pub help_scroll: usize,
    /// What the help popup says, from the live keymap (the default one until the event loop
    /// sets its own).
    pub help: Vec<super::help::HelpEntry>,
    /// Review marks on claims and facts, as loaded from the workspace and set since.
    pub marks: Marks,
    /// Claims and facts listed by their marks.
    pub mark_filter: MarkFilter,
    /// Why marks are not saved, when they are not (shown in the status bar).
    pub workspace_notice: Option<String>,
    /// The mark being set.
    pub review: Option<Review>,
    /// The report's file name being typed.
    pub report_path: tui_input::Input,
    /// Matches and loose matches in all for the current search.
    pub search_counts: Option<(usize, usize)>,
    /// Search results whose letters are only scattered, sorted.
    pub search_loose: Vec<ClaimRef>,
    pub width: u16,
    pub height: u16,
    pub status: Option<String>,
    /// Work still under way on the corpus, shown in the status bar.
    pub loading: Option<Loading>,
    pub quit: bool,
}

/// Background work on the corpus while the app is already usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Articles still being cleaned and extracted.
    Extracting { done: usize, total: usize },
    /// Every article is in; facts, clusters and copies are being linked.
    Linking,
}

impl AppState {
    /// The opening state: Sources focused, every claim listed.
    pub fn new(index: &Index, width: u16, height: u16) -> AppState {
        let mut s = AppState {
            focus: Pane::Sources,
            mode: Mode::Normal,
            behind_popup: Mode::Normal,
            behind_facts: Mode::Normal,
            sources: (0..index.articles.len()).collect(),
            by_date: false,
            source_sel: 0,
            source_offset: 0,
            all_claims: true,
            claims: Vec::new(),
            claim_sel: 0,
            claim_offset: 0,
            reader_article: 0,
            reader_scroll: 0,
            reader_target: None,
            reader_from: None,
            show_noise: false,
            query: String::new(),
            search_generation: 0,
            search_results: None,
            search_micros: None,
            marked: Vec::new(),
            compare: None,
            compare_sel: 0,
            hide_same: false,
            facts_order: Vec::new(),
            facts_sel: 0,
            facts_offset: 0,
            fact_sort: FactSort::default(),
            verdict_filter: None,
            members_focused: false,
            member_sel: 0,
            help_scroll: 0,
            help: super::help::entries(&super::Keymap::default()),
            marks: Marks::default(),
            mark_filter: MarkFilter::All,
            workspace_notice: None,
            review: None,
            report_path: tui_input::Input::new(DEFAULT_REPORT.to_string()),
            search_counts: None,
            search_loose: Vec::new(),
            width,
            height,
            status: None,
            loading: None,
            quit: false,
        };
        s.refresh_claims(index);
        s.refresh_facts(index);
        s
    }

    /// The article selected in Sources.
    pub fn selected_article(&self) -> Option<usize> {
        self.sources.get(self.source_sel).copied()
    }

    /// The Sources list in its current order.
    pub fn order_sources(&mut self, index: &Index) {
        self.sources = (0..index.articles.len()).collect();
        if self.by_date {
            self.sources
                .sort_by_key(|&i| (index.articles[i].date.is_none(), index.articles[i].date, i));
        }
    }

    /// Recomputes the Claims pane's list from the search or the source filter, and the mark
    /// filter.
    pub fn refresh_claims(&mut self, index: &Index) {
        let filter = self.mark_filter;
        let marks = &self.marks;
        let admit = |r: &ClaimRef| filter.admits(marks.claim(*r));
        self.claims = match &self.search_results {
            Some(r) => r.clone(),
            None if self.all_claims => index.claims.clone(),
            None => match self.selected_article() {
                Some(a) => index
                    .claims
                    .iter()
                    .copied()
                    .filter(|r| r.article as usize == a)
                    .collect(),
                None => Vec::new(),
            },
        };
        if filter != MarkFilter::All {
            self.claims.retain(admit);
        }
        self.claim_sel = self.claim_sel.min(self.claims.len().saturating_sub(1));
    }

    /// Recomputes the Facts view's list from the verdict and mark filters and the sort,
    /// keeping the selected fact selected when it is still listed.
    pub fn refresh_facts(&mut self, index: &Index) {
        let selected = self.selected_fact(index).map(|f| f.id);
        let (verdict, filter, marks) = (self.verdict_filter, self.mark_filter, &self.marks);
        let mut order: Vec<usize> = (0..index.facts.len())
            .filter(|&i| {
                let f = &index.facts[i];
                verdict.is_none_or(|v| f.verdict == v) && filter.admits(marks.fact(f.id))
            })
            .collect();
        let facts = &index.facts;
        match self.fact_sort {
            FactSort::Verdict => order.sort_by_key(|&i| {
                let f = &facts[i];
                (
                    f.verdict,
                    std::cmp::Reverse(f.independent_sources),
                    std::cmp::Reverse(f.sources),
                    i,
                )
            }),
            FactSort::Sources => order.sort_by_key(|&i| {
                let f = &facts[i];
                (
                    std::cmp::Reverse(f.independent_sources),
                    std::cmp::Reverse(f.sources),
                    f.verdict,
                    i,
                )
            }),
            FactSort::Date => order.sort_by_key(|&i| {
                let last = first_last(&facts[i]).map(|(_, b)| date_key(b));
                (last.is_none(), std::cmp::Reverse(last), i)
            }),
        }
        self.facts_order = order;
        self.facts_sel = selected
            .and_then(|id| {
                self.facts_order
                    .iter()
                    .position(|&i| index.facts[i].id == id)
            })
            .unwrap_or(0);
        let members = self.selected_fact(index).map_or(0, |f| f.members.len());
        self.member_sel = self.member_sel.min(members.saturating_sub(1));
    }

    /// The fact selected in the Facts view.
    pub fn selected_fact<'a>(&self, index: &'a Index) -> Option<&'a crate::index::Fact> {
        self.facts_order
            .get(self.facts_sel)
            .and_then(|&i| index.facts.get(i))
    }

    /// The mark of a review target.
    pub fn mark_of(&self, target: ReviewTarget) -> Option<&Mark> {
        match target {
            ReviewTarget::Claim(r) => self.marks.claim(r),
            ReviewTarget::Fact(id) => self.marks.fact(id),
        }
    }

    /// Rows of the comparison as shown (same rows hidden when asked).
    pub fn compare_rows(&self) -> Vec<usize> {
        match &self.compare {
            Some(d) => (0..d.rows.len())
                .filter(|&i| !(self.hide_same && d.rows[i].relation == Relation::Same))
                .collect(),
            None => Vec::new(),
        }
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }
}

/// Where each part of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub sources: Rect,
    pub claims: Rect,
    pub reader: Rect,
    pub status: Rect,
    /// The whole main area (Compare takes it).
    pub main: Rect,
}

/// Lays out the screen: three columns from 120 columns wide, else Sources above Claims
/// beside the Reader. Compare takes the whole main area.
pub fn areas(width: u16, height: u16) -> Areas {
    let full = Rect::new(0, 0, width, height);
    let [main, status] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1)])
        .areas(full);
    let [sources, claims, reader] = if width >= 120 {
        Layout::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Percentage(24),
                Constraint::Percentage(42),
                Constraint::Percentage(34),
            ])
            .areas(main)
    } else {
        let [left, reader] = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(main);
        let [sources, claims] = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Length(left.height.min(9)), Constraint::Min(3)])
            .areas(left);
        [sources, claims, reader]
    };
    Areas {
        sources,
        claims,
        reader,
        status,
        main,
    }
}

/// Where each part of the Facts view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactsAreas {
    /// The facts table, bordered, a header row inside.
    pub table: Rect,
    /// The selected fact's verdict and reason, two lines.
    pub reason: Rect,
    /// The selected fact's members, bordered.
    pub members: Rect,
    /// The timeline chart, bordered.
    pub chart: Rect,
    pub status: Rect,
}

/// Lines the Facts view gives the selected member's sentence.
pub fn sentence_rows(members: Rect) -> usize {
    if members.height >= 20 { 4 } else { 3 }
}

/// Lays out the Facts view: the table over the reason, the members beside the chart.
pub fn facts_areas(width: u16, height: u16) -> FactsAreas {
    let full = Rect::new(0, 0, width, height);
    let [main, status] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1)])
        .areas(full);
    let table_h = (main.height * 2 / 5).max(9);
    let [table, reason, bottom] = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(table_h),
            Constraint::Length(2),
            Constraint::Min(3),
        ])
        .areas(main);
    let [members, chart] = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(58), Constraint::Percentage(42)])
        .areas(bottom);
    FactsAreas {
        table,
        reason,
        members,
        chart,
        status,
    }
}

/// Rows of the facts table (inside its border, under its header).
pub fn fact_rows(a: &FactsAreas) -> usize {
    a.table.height.saturating_sub(3).max(1) as usize
}

/// Rows of the members list (inside its border, above the selected member's sentence).
pub fn member_rows(a: &FactsAreas) -> usize {
    (a.members.height.saturating_sub(2) as usize)
        .saturating_sub(sentence_rows(a.members) + 1)
        .max(1)
}

/// Rows a bordered pane of this height shows.
pub fn inner_rows(r: Rect) -> usize {
    r.height.saturating_sub(2) as usize
}

/// One line of the Reader.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderLine {
    /// Byte span of the article text on this line (empty for blank lines).
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

/// The Reader's lines for an article at a width: story paragraphs (and noise when asked)
/// wrapped at word boundaries, a blank line between paragraphs.
pub fn reader_lines(a: &Extracted, width: usize, show_noise: bool) -> Vec<ReaderLine> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(8);
    let mut out = Vec::new();
    for p in &a.paragraphs {
        if !show_noise && p.kind != ParagraphKind::Body && p.kind != ParagraphKind::Meta {
            continue;
        }
        let text = &a.text[p.start()..p.end()];
        let mut line_start: Option<usize> = None;
        let mut line_end = 0;
        let mut line_w = 0;
        for (off, word) in crate::text::split_words_with_offsets(text) {
            let w = crate::text::display_safe(word).width();
            match line_start {
                Some(s) if line_w + 1 + w > width => {
                    out.push(ReaderLine {
                        start: p.start() + s,
                        end: p.start() + line_end,
                        kind: p.kind,
                    });
                    line_start = Some(off);
                    line_w = w;
                }
                Some(_) => line_w += 1 + w,
                None => {
                    line_start = Some(off);
                    line_w = w;
                }
            }
            line_end = off + word.len();
        }
        if let Some(s) = line_start {
            out.push(ReaderLine {
                start: p.start() + s,
                end: p.start() + line_end,
                kind: p.kind,
            });
        }
        out.push(ReaderLine {
            start: p.end(),
            end: p.end(),
            kind: p.kind,
        });
    }
    out
}
