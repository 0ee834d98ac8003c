//! Rendering: reads the state and the index, draws, changes nothing.

pub mod claims;
pub mod compare;
pub mod facts;
pub mod help;
pub mod reader;
pub mod sources;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::keymap::KeyContext;
use crate::app::state::{Loading, MIN_HEIGHT, MIN_WIDTH, areas};
use crate::app::{AppState, Command, Keymap, Mode, Pane};
use crate::index::{Index, Matcher};
pub use theme::Theme;

/// What rendering needs besides the state and the index.
pub struct View<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub matcher: &'a dyn Matcher,
}

/// A bordered block titled with the pane's name, its border showing focus.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(title)
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame, s: &AppState, index: &Index, view: &View) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area);
        return;
    }
    let a = areas(area.width, area.height);
    if s.mode == Mode::Compare
        || (matches!(s.mode, Mode::Help | Mode::Facts) && s.behind_popup == Mode::Compare)
    {
        compare::render(frame, a.main, s, index, view);
    } else {
        sources::render(frame, a.sources, s, index, view);
        claims::render(frame, a.claims, s, index, view);
        reader::render(frame, a.reader, s, index, view);
    }
    render_status(frame, a.status, s, index, view);
    match s.mode {
        Mode::Help => help::render(frame, area, s, view),
        Mode::Facts => facts::render(frame, area, s, index, view),
        _ => {}
    }
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small: {}x{}. crosscheck needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(msg)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

/// The hint for a command: its first key and a word.
fn hint(view: &View, ctx: KeyContext, cmd: Command, word: &str) -> Option<String> {
    view.keymap
        .keys_for(ctx, cmd)
        .into_iter()
        .next()
        .map(|k| format!("{k} {word}"))
}

fn render_status(frame: &mut Frame, area: Rect, s: &AppState, index: &Index, view: &View) {
    let ctx = KeyContext::of(s.mode);
    let hints: Vec<String> = match s.mode {
        Mode::Search => vec![
            hint(view, ctx, Command::SearchAccept, "browse results"),
            hint(view, ctx, Command::Back, "cancel"),
        ],
        Mode::Compare => vec![
            hint(view, ctx, Command::NextDifference, "next diff"),
            hint(view, ctx, Command::ToggleUnchanged, "hide same"),
            hint(view, ctx, Command::Open, "open"),
            hint(view, ctx, Command::Back, "back"),
            hint(view, ctx, Command::Help, "help"),
        ],
        Mode::Help | Mode::Facts => vec![
            hint(view, ctx, Command::Open, "open"),
            hint(view, ctx, Command::Back, "close"),
        ],
        Mode::Normal => vec![
            hint(view, ctx, Command::Search, "search"),
            hint(view, ctx, Command::Mark, "mark"),
            hint(view, ctx, Command::Compare, "compare"),
            hint(view, ctx, Command::Facts, "facts"),
            hint(view, ctx, Command::Help, "help"),
            hint(view, ctx, Command::Quit, "quit"),
        ],
    }
    .into_iter()
    .flatten()
    .collect();
    let counts = match s.loading {
        Some(Loading::Extracting { done, total }) => format!(
            " loading {done}/{total} articles · {} claims so far ",
            index.claims.len()
        ),
        Some(Loading::Linking) => format!(
            " {} articles · {} claims · linking facts… ",
            index.articles.len(),
            index.claims.len()
        ),
        None => format!(
            " {} articles · {} claims · {} facts · {} conflicts ",
            index.articles.len(),
            index.claims.len(),
            index.facts.len(),
            index.conflict_count()
        ),
    };
    let mut spans = vec![
        Span::styled(counts, view.theme.status),
        Span::styled(format!(" {} ", s.mode.label()), view.theme.title),
        Span::raw(" "),
    ];
    match &s.status {
        Some(msg) => spans.push(Span::styled(msg.clone(), view.theme.conflict)),
        None => spans.push(Span::styled(hints.join("  "), view.theme.dim)),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A centred rectangle `pw` percent wide and `ph` percent high.
pub fn centered(area: Rect, pw: u16, ph: u16) -> Rect {
    let w = area.width * pw / 100;
    let h = area.height * ph / 100;
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears a popup's area and draws its frame; returns the inner area.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = pane_block(Line::styled(format!(" {title} "), theme.title), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The loading screen, while the files are read (the main screen follows).
pub fn render_loading(frame: &mut Frame, what: &str) {
    let area = frame.area();
    let box_area = Rect::new(
        area.x + area.width / 6,
        area.y + area.height / 2,
        area.width * 2 / 3,
        3.min(area.height),
    );
    let text = Paragraph::new(what).alignment(Alignment::Center).block(
        Block::default()
            .borders(Borders::ALL)
            .title(" crosscheck: loading "),
    );
    frame.render_widget(text, box_area);
}

/// Whether a pane has focus in this state.
pub fn focused(s: &AppState, pane: Pane) -> bool {
    s.focus == pane && matches!(s.mode, Mode::Normal | Mode::Search | Mode::Compare)
}
