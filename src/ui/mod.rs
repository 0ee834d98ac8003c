//! Rendering: reads the state and the index, draws, changes nothing.

pub mod claims;
pub mod compare;
pub mod facts;
pub mod help;
pub mod reader;
pub mod review;
pub mod sources;
pub mod text;
pub mod theme;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::keymap::KeyContext;
use crate::app::state::{Loading, MIN_HEIGHT, MIN_WIDTH, areas};
use crate::app::{AppState, Command, Keymap, Mode, Pane};
use crate::index::{Index, Matcher};
use crate::lexicon::Lexicon;
use crate::workspace::Mark;
pub use theme::Theme;

/// What rendering needs besides the state and the index.
pub struct View<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub matcher: &'a dyn Matcher,
    /// The lexicon the index was read with.
    pub lex: &'a Lexicon,
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
    let screen = if s.mode.is_popup() {
        s.behind_popup
    } else {
        s.mode
    };
    match screen {
        Mode::Facts => facts::render(frame, area, s, index, view),
        Mode::Compare => compare::render(frame, a.main, s, index, view),
        _ => {
            sources::render(frame, a.sources, s, index, view);
            claims::render(frame, a.claims, s, index, view);
            reader::render(frame, a.reader, s, index, view);
        }
    }
    render_status(frame, a.status, s, index, view);
    match s.mode {
        Mode::Help => help::render(frame, area, s, view),
        Mode::Review => review::render(frame, area, s, index, view),
        Mode::Report => review::render_report(frame, area, s, view),
        _ => {}
    }
}

/// A claim's or a fact's review mark as a sign and a space, in its rating's style; blank
/// when unmarked.
pub fn mark_sign<'a>(mark: Option<&Mark>, theme: &Theme) -> Span<'a> {
    match mark {
        Some(m) => Span::styled(format!("{} ", m.rating.sign()), theme.rating(m.rating)),
        None => Span::raw(""),
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
            hint(view, ctx, Command::Review, "review"),
            hint(view, ctx, Command::Back, "back"),
            hint(view, ctx, Command::Help, "help"),
        ],
        Mode::Help => vec![hint(view, ctx, Command::Back, "close")],
        Mode::Facts => vec![
            hint(view, ctx, Command::Open, "open"),
            hint(view, ctx, Command::NextPane, "members"),
            hint(view, ctx, Command::SortFacts, "sort"),
            hint(view, ctx, Command::FilterVerdict, "verdict"),
            hint(view, ctx, Command::Review, "review"),
            hint(view, ctx, Command::FilterMarks, "marked"),
            hint(view, ctx, Command::Report, "report"),
            hint(view, ctx, Command::Back, "back"),
            hint(view, ctx, Command::Help, "help"),
        ],
        Mode::Review => vec![
            hint(view, ctx, Command::Confirm, "save"),
            hint(view, ctx, Command::NextRating, "rating"),
            hint(view, ctx, Command::Back, "cancel"),
        ],
        Mode::Report => vec![
            hint(view, ctx, Command::Confirm, "write"),
            hint(view, ctx, Command::Back, "cancel"),
        ],
        Mode::Normal => vec![
            hint(view, ctx, Command::Search, "search"),
            hint(view, ctx, Command::Facts, "facts"),
            hint(view, ctx, Command::Review, "review"),
            hint(view, ctx, Command::Report, "report"),
            hint(view, ctx, Command::Mark, "pick"),
            hint(view, ctx, Command::Compare, "compare"),
            hint(view, ctx, Command::Help, "help"),
            hint(view, ctx, Command::Quit, "quit"),
        ],
    }
    .into_iter()
    .flatten()
    .collect();
    let help = hint(view, ctx, Command::Help, "help");
    let marked = s.marks.claims.len() + s.marks.facts.len();
    let marks = match (&s.workspace_notice, marked) {
        (Some(_), _) => " · marks not saved".to_string(),
        (None, 0) => String::new(),
        (None, n) => format!(" · {n} marked"),
    };
    let counts = match s.loading {
        Some(Loading::Extracting { done, total }) => format!(
            " loading {done}/{total} articles · {} claims so far ",
            index.claims.len()
        ),
        Some(Loading::Linking) => format!(
            " {} · {} · linking facts… ",
            count(index.articles.len(), "article"),
            count(index.claims.len(), "claim")
        ),
        None => format!(
            " {} · {} · {} · {}{marks} ",
            count(index.articles.len(), "article"),
            count(index.claims.len(), "claim"),
            count(index.facts.len(), "fact"),
            conflicts(index.conflicts_among(&[]))
        ),
    };
    let label = format!(" {} ", s.mode.label());
    let room = (area.width as usize).saturating_sub(width(&counts) + width(&label) + 1);
    let mut spans = vec![
        Span::styled(counts, view.theme.status),
        Span::styled(label, view.theme.title),
        Span::raw(" "),
    ];
    match &s.status {
        Some(msg) => spans.push(Span::styled(
            crate::text::display_safe(msg).into_owned(),
            view.theme.conflict,
        )),
        None => spans.push(Span::styled(
            fit_hints(hints, help.as_deref(), room),
            view.theme.dim,
        )),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The hints that fit in `room` columns, whole and in order, two spaces apart; the help
/// hint (when among them) is kept first of all, so a narrow screen still says where the
/// keys are.
fn fit_hints(hints: Vec<String>, help: Option<&str>, room: usize) -> String {
    let reserved = help
        .filter(|h| hints.iter().any(|x| x == h))
        .map_or(0, |h| width(h) + 2);
    let mut used = reserved;
    let mut kept = Vec::new();
    for h in hints {
        if Some(h.as_str()) == help {
            kept.push(h);
            continue;
        }
        if used + width(&h) + 2 <= room + 2 {
            used += width(&h) + 2;
            kept.push(h);
        }
    }
    if reserved > room + 2 {
        kept.retain(|h| Some(h.as_str()) != help);
    }
    kept.join("  ")
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
/// An article's source tag ([`crate::corpus::tags`]), safe to draw.
pub fn tag(index: &Index, article: usize) -> Cow<'_, str> {
    index
        .source_tags
        .get(article)
        .map_or(Cow::Borrowed("?"), |t| crate::text::display_safe(t))
}

/// A source named where a pane has room: its tag, as every list names it, and its file when
/// the tag is its outlet ("Reuters·2 · day2.html"); a tag made from the file is the start of
/// the file's name, so the file's name alone says both.
pub fn source_name(index: &Index, article: usize) -> String {
    let Some(a) = index.articles.get(article) else {
        return "?".into();
    };
    if a.outlet.as_deref().is_some_and(|o| !o.trim().is_empty()) {
        format!("{} · {}", tag(index, article), file_name(a))
    } else {
        file_name(a).into_owned()
    }
}

/// An article's file name without its folders, safe to show.
pub fn file_name(a: &crate::corpus::Article) -> Cow<'_, str> {
    crate::text::display_safe(a.path.rsplit(['/', '\\']).next().unwrap_or(&a.path))
}

pub fn focused(s: &AppState, pane: Pane) -> bool {
    s.focus == pane && matches!(s.mode, Mode::Normal | Mode::Search | Mode::Compare)
}

/// A count of facts in conflict: "1 conflict", "3 conflicts".
pub fn conflicts(n: usize) -> String {
    count(n, "conflict")
}

/// "1 article", "2 articles": a count and its noun, in the singular for one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Text cut to `width` columns, with an ellipsis when cut; control characters removed.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let safe = crate::text::display_safe(s).replace('\n', " ");
    let mut out = String::new();
    let mut used = 0;
    let total: usize = safe.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return safe;
    }
    for c in safe.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Text padded with spaces (or cut) to exactly `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let cut = fit(s, width);
    let w = cut.width();
    format!("{cut}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole_and_help_stays() {
        let hints = || -> Vec<String> {
            ["/ search", "f facts", "m review", "? help", "q quit"]
                .map(String::from)
                .into()
        };
        assert_eq!(
            fit_hints(hints(), Some("? help"), 100),
            "/ search  f facts  m review  ? help  q quit"
        );
        assert_eq!(
            fit_hints(hints(), Some("? help"), 25),
            "/ search  f facts  ? help"
        );
        assert_eq!(fit_hints(hints(), Some("? help"), 10), "? help");
        assert_eq!(fit_hints(hints(), Some("? help"), 3), "");
        assert_eq!(fit_hints(hints(), None, 8), "/ search");
    }
}
