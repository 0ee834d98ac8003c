//! What can happen in the app.

use serde::Deserialize;

use crate::index::SearchOutcome;
use crate::workspace::Marks;

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
    SearchClear,
    Review,
    FilterMarks,
    Report,
    SortFacts,
    FilterVerdict,
    NextRating,
    PrevRating,
    Confirm,
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
        Command::SearchClear,
        Command::Back,
        Command::Mark,
        Command::Compare,
        Command::NextDifference,
        Command::PrevDifference,
        Command::ToggleUnchanged,
        Command::Facts,
        Command::SortFacts,
        Command::FilterVerdict,
        Command::Review,
        Command::FilterMarks,
        Command::Report,
        Command::NextRating,
        Command::PrevRating,
        Command::Confirm,
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
            Command::SearchClear => "search_clear",
            Command::Review => "review",
            Command::FilterMarks => "filter_marks",
            Command::Report => "report",
            Command::SortFacts => "sort_facts",
            Command::FilterVerdict => "filter_verdict",
            Command::NextRating => "next_rating",
            Command::PrevRating => "prev_rating",
            Command::Confirm => "confirm",
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
            Command::Open => "open: source in Reader, claim at its place, a fact's figure",
            Command::Search => "fuzzy search all claims",
            Command::Back => "leave search, close popup, go back",
            Command::Mark => "mark source for comparison",
            Command::Compare => "compare two marked sources side by side",
            Command::Facts => "Facts view: figures across sources, verdicts, timeline",
            Command::Help => "this help",
            Command::ToggleNoise => "Reader: show page noise dimmed",
            Command::ToggleAllClaims => "Claims: all sources / selected source",
            Command::SortByDate => "Sources: sort by date / by name",
            Command::NextDifference => "Compare: next difference",
            Command::PrevDifference => "Compare: previous difference",
            Command::ToggleUnchanged => "Compare: hide / show same rows",
            Command::SearchAccept => "search: keep results, browse them",
            Command::SearchDeleteChar => "search: delete a character",
            Command::SearchClear => "search: clear the query",
            Command::Review => "review mark: rate the claim or fact, add a note",
            Command::FilterMarks => "show all / marked / each rating / unmarked",
            Command::Report => "write a fact-check report (.md .csv .json .jsonld)",
            Command::SortFacts => "Facts: sort by verdict / sources / date",
            Command::FilterVerdict => "Facts: every verdict / one verdict",
            Command::NextRating => "next rating",
            Command::PrevRating => "previous rating",
            Command::Confirm => "save the mark / write the report",
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
        found: SearchOutcome,
        micros: u128,
    },
    /// An edit of the text being typed (a review note, a report's file name).
    Edit(tui_input::InputRequest),
    /// The workspace's marks, matched to the index.
    MarksLoaded(Marks),
    /// Marks cannot be saved (or read): why.
    WorkspaceNotice(String),
    /// A mark was written to the workspace (`Ok`, with where) or could not be.
    MarkSaved(Result<String, String>),
    /// A report was written (`Ok`, saying where and what) or could not be.
    ReportWritten(Result<String, String>),
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
    /// Every file has been read and `total` articles are being extracted; `unreadable` files
    /// could not be loaded, and `first_problem` says what went wrong first.
    Read {
        total: usize,
        unreadable: usize,
        first_problem: Option<String>,
    },
    /// Articles were added to the index: `done` of the `total` being loaded are in.
    Grew {
        done: usize,
        total: usize,
    },
    /// Something went wrong loading a file after the app opened (a file stopped by its time
    /// budget): shown in the status bar.
    LoadNotice(String),
    /// Linking across the index has started.
    Linking,
    /// Facts, clusters and copies are linked across every article.
    Linked,
}
