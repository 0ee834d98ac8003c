//! Styles for every part of the UI, in 16 colours, or none under NO_COLOR.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The app's styles.
#[derive(Debug, Clone)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub dim: Style,
    pub figure_exact: Style,
    pub figure_hedged: Style,
    pub matched: Style,
    pub conflict: Style,
    pub speaker: Style,
    pub target: Style,
    pub status: Style,
    pub mark: Style,
    pub same: Style,
    pub similar: Style,
    pub left_only: Style,
    pub right_only: Style,
    pub agree: Style,
    pub evolving: Style,
    /// Review marks, by rating.
    pub verified: Style,
    pub disputed: Style,
    pub rated_false: Style,
    pub misleading: Style,
    pub unverifiable: Style,
    /// The timeline's sources, in turn.
    pub series: [Style; 6],
}

/// Colour overrides from the config file, by name ("cyan", "lightred", "#ff8800").
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ThemeConfig {
    pub accent: Option<String>,
    pub figure: Option<String>,
    pub hedged: Option<String>,
    pub conflict: Option<String>,
}

impl Theme {
    /// The default theme: 16 colours only, so it reads on any terminal.
    pub fn colored() -> Theme {
        let fg = |c: Color| Style::default().fg(c);
        Theme {
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: Style::default().add_modifier(Modifier::BOLD),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            dim: fg(Color::DarkGray),
            figure_exact: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            figure_hedged: fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            matched: fg(Color::Magenta).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            conflict: fg(Color::Red).add_modifier(Modifier::BOLD),
            speaker: fg(Color::Green),
            target: Style::default().add_modifier(Modifier::UNDERLINED),
            status: Style::default().add_modifier(Modifier::REVERSED),
            mark: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            same: fg(Color::DarkGray),
            similar: fg(Color::Yellow),
            left_only: fg(Color::Cyan),
            right_only: fg(Color::Magenta),
            agree: fg(Color::Green),
            evolving: fg(Color::Yellow),
            verified: fg(Color::Green).add_modifier(Modifier::BOLD),
            disputed: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            rated_false: fg(Color::Red).add_modifier(Modifier::BOLD),
            misleading: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            unverifiable: fg(Color::Blue).add_modifier(Modifier::BOLD),
            series: [
                fg(Color::Cyan),
                fg(Color::Yellow),
                fg(Color::Magenta),
                fg(Color::Green),
                fg(Color::LightRed),
                fg(Color::LightBlue),
            ],
        }
    }

    /// No colours at all (NO_COLOR): emphasis by bold, italic, underline and reverse only.
    pub fn monochrome() -> Theme {
        let m = |x: Modifier| Style::default().add_modifier(x);
        Theme {
            border: Style::default(),
            border_focused: m(Modifier::BOLD),
            title: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            dim: m(Modifier::DIM),
            figure_exact: m(Modifier::BOLD),
            figure_hedged: m(Modifier::ITALIC),
            matched: m(Modifier::UNDERLINED | Modifier::BOLD),
            conflict: m(Modifier::BOLD),
            speaker: m(Modifier::ITALIC),
            target: m(Modifier::UNDERLINED),
            status: m(Modifier::REVERSED),
            mark: m(Modifier::BOLD),
            same: m(Modifier::DIM),
            similar: Style::default(),
            left_only: m(Modifier::BOLD),
            right_only: m(Modifier::BOLD),
            agree: Style::default(),
            evolving: m(Modifier::ITALIC),
            verified: m(Modifier::BOLD),
            disputed: m(Modifier::BOLD),
            rated_false: m(Modifier::BOLD),
            misleading: m(Modifier::BOLD),
            unverifiable: m(Modifier::BOLD),
            series: [Style::default(); 6],
        }
    }

    /// The style of a review rating.
    pub fn rating(&self, r: crate::workspace::Rating) -> Style {
        use crate::workspace::Rating;
        match r {
            Rating::Verified => self.verified,
            Rating::Disputed => self.disputed,
            Rating::False => self.rated_false,
            Rating::Misleading => self.misleading,
            Rating::Unverifiable => self.unverifiable,
        }
    }

    /// The style of a verdict.
    pub fn verdict(&self, v: crate::index::Verdict) -> Style {
        use crate::index::Verdict;
        match v {
            Verdict::Conflict => self.conflict,
            Verdict::Evolving => self.evolving,
            Verdict::Agree => self.agree,
            Verdict::Single => self.dim,
        }
    }

    /// The theme for this environment: monochrome when NO_COLOR is set (to anything).
    pub fn from_env() -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::monochrome()
        } else {
            Theme::colored()
        }
    }

    /// Applies the user's colour overrides (ignored under NO_COLOR).
    pub fn with_config(mut self, c: &ThemeConfig) -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return self;
        }
        let parse = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<Color>().ok());
        if let Some(col) = parse(&c.accent) {
            self.border_focused = self.border_focused.fg(col);
        }
        if let Some(col) = parse(&c.figure) {
            self.figure_exact = self.figure_exact.fg(col);
        }
        if let Some(col) = parse(&c.hedged) {
            self.figure_hedged = self.figure_hedged.fg(col);
        }
        if let Some(col) = parse(&c.conflict) {
            self.conflict = self.conflict.fg(col);
        }
        self
    }
}
