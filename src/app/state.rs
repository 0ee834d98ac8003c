//! Everything the TUI shows that is not the index itself: focus, selections, scroll offsets,
//! the search, the comparison.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use crate::corpus::{Article, ParagraphKind};
use crate::index::diff::{Relation, ReportDiff};
use crate::index::{ClaimRef, Index};

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
    Facts,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Normal => "BROWSE",
            Mode::Search => "SEARCH",
            Mode::Compare => "COMPARE",
            Mode::Help => "HELP",
            Mode::Facts => "FACTS",
        }
    }
}

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
    pub facts_sel: usize,
    pub fact_open: bool,
    pub member_sel: usize,
    pub help_scroll: usize,
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
            show_noise: false,
            query: String::new(),
            search_generation: 0,
            search_results: None,
            search_micros: None,
            marked: Vec::new(),
            compare: None,
            compare_sel: 0,
            hide_same: false,
            facts_sel: 0,
            fact_open: false,
            member_sel: 0,
            help_scroll: 0,
            width,
            height,
            status: None,
            loading: None,
            quit: false,
        };
        s.refresh_claims(index);
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

    /// Recomputes the Claims pane's list from the search or the source filter.
    pub fn refresh_claims(&mut self, index: &Index) {
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
        self.claim_sel = self.claim_sel.min(self.claims.len().saturating_sub(1));
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
pub fn reader_lines(a: &Article, width: usize, show_noise: bool) -> Vec<ReaderLine> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(8);
    let mut out = Vec::new();
    for p in &a.paragraphs {
        if !show_noise && p.kind != ParagraphKind::Body && p.kind != ParagraphKind::Meta {
            continue;
        }
        let text = &a.text[p.start..p.end];
        let mut line_start: Option<usize> = None;
        let mut line_end = 0;
        let mut line_w = 0;
        for (off, word) in crate::text::split_words_with_offsets(text) {
            let w = crate::text::display_safe(word).width();
            match line_start {
                Some(s) if line_w + 1 + w > width => {
                    out.push(ReaderLine {
                        start: p.start + s,
                        end: p.start + line_end,
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
                start: p.start + s,
                end: p.start + line_end,
                kind: p.kind,
            });
        }
        out.push(ReaderLine {
            start: p.end,
            end: p.end,
            kind: p.kind,
        });
    }
    out
}
