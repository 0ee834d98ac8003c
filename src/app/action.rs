//! What can happen in the app.

use serde::Deserialize;

use crate::index::SearchHit;

/// A user command: bindable to keys by name in the config (`move_down = ["j", "down"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Quit,
    FocusSources,
    FocusClaims,
    FocusReader,
    NextPane,
    PrevPane,
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    First,
    Last,
    Open,
    Search,
    Back,
    Mark,
    Compare,
    Facts,
    Help,
    ToggleNoise,
    ToggleAllClaims,
    SortByDate,
    NextDifference,
    PrevDifference,
    ToggleUnchanged,
    SearchAccept,
    SearchDeleteChar,
}

impl Command {
    /// Every command, in the order help lists them.
    pub const ALL: &'static [Command] = &[
        Command::FocusSources,
        Command::FocusClaims,
        Command::FocusReader,
        Command::NextPane,
        Command::PrevPane,
        Command::MoveDown,
        Command::MoveUp,
        Command::PageDown,
        Command::PageUp,
        Command::First,
        Command::Last,
        Command::Open,
        Command::Search,
        Command::SearchAccept,
        Command::SearchDeleteChar,
        Command::Back,
        Command::Mark,
        Command::Compare,
        Command::NextDifference,
        Command::PrevDifference,
        Command::ToggleUnchanged,
        Command::Facts,
        Command::ToggleNoise,
        Command::ToggleAllClaims,
        Command::SortByDate,
        Command::Help,
        Command::Quit,
    ];

    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::FocusSources => "focus_sources",
            Command::FocusClaims => "focus_claims",
            Command::FocusReader => "focus_reader",
            Command::NextPane => "next_pane",
            Command::PrevPane => "prev_pane",
            Command::MoveDown => "move_down",
            Command::MoveUp => "move_up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::First => "first",
            Command::Last => "last",
            Command::Open => "open",
            Command::Search => "search",
            Command::Back => "back",
            Command::Mark => "mark",
            Command::Compare => "compare",
            Command::Facts => "facts",
            Command::Help => "help",
            Command::ToggleNoise => "toggle_noise",
            Command::ToggleAllClaims => "toggle_all_claims",
            Command::SortByDate => "sort_by_date",
            Command::NextDifference => "next_difference",
            Command::PrevDifference => "prev_difference",
            Command::ToggleUnchanged => "toggle_unchanged",
            Command::SearchAccept => "search_accept",
            Command::SearchDeleteChar => "search_delete_char",
        }
    }

    /// What it does, for the help popup.
    pub fn describe(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::FocusSources => "focus Sources",
            Command::FocusClaims => "focus Claims",
            Command::FocusReader => "focus Reader / Compare",
            Command::NextPane => "next pane",
            Command::PrevPane => "previous pane",
            Command::MoveDown => "move down",
            Command::MoveUp => "move up",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::First => "first",
            Command::Last => "last",
            Command::Open => "open: source in Reader, claim at its place, fact's claims",
            Command::Search => "fuzzy search all claims",
            Command::Back => "leave search, close popup, go back",
            Command::Mark => "mark source for comparison",
            Command::Compare => "compare two marked sources side by side",
            Command::Facts => "facts: figures across sources, verdicts",
            Command::Help => "this help",
            Command::ToggleNoise => "Reader: show page noise dimmed",
            Command::ToggleAllClaims => "Claims: all sources / selected source",
            Command::SortByDate => "Sources: sort by date / by name",
            Command::NextDifference => "Compare: next difference",
            Command::PrevDifference => "Compare: previous difference",
            Command::ToggleUnchanged => "Compare: hide / show same rows",
            Command::SearchAccept => "search: keep results, browse them",
            Command::SearchDeleteChar => "search: delete a character",
        }
    }
}

/// Something that changes the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Cmd(Command),
    /// A character typed into the search box.
    SearchInput(char),
    /// Search results for the query of generation `generation`.
    SearchDone {
        generation: u64,
        hits: Vec<SearchHit>,
        micros: u128,
    },
    /// A click at a row of a pane (0 = first visible row).
    Click {
        pane: crate::app::Pane,
        row: usize,
    },
    /// Mouse wheel over a pane: positive scrolls down.
    Scroll {
        pane: crate::app::Pane,
        lines: i32,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// Articles were added to the index: `done` of the `total` being loaded are in.
    Grew {
        done: usize,
        total: usize,
    },
    /// Linking across the index has started.
    Linking,
    /// Facts, clusters and copies are linked across every article.
    Linked,
}
