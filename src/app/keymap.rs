//! Keys to commands, per mode: defaults in one table, overridable by command name from the
//! config file. Help and footer hints are generated from it.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Command};
use super::state::Mode;

/// A key as written in the config: "j", "G", "ctrl-c", "shift-tab", "pagedown", "enter".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("ctrl-") {
            Some(r) => (true, r),
            None => (false, s),
        };
        let code = match rest.to_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(Key { code, ctrl })
    }

    pub fn from_event(ev: &KeyEvent) -> Key {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// How help and hints show the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            _ => "?".to_string(),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// Which table a key is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyContext {
    /// Browsing panes.
    Normal,
    /// Typing a search.
    Search,
    /// The help popup is open.
    Popup,
    /// The Facts view.
    Facts,
    /// Typing a review note or a report's file name.
    Input,
}

impl KeyContext {
    /// Every context, in the order help lists them.
    pub const ALL: [KeyContext; 5] = [
        KeyContext::Normal,
        KeyContext::Facts,
        KeyContext::Search,
        KeyContext::Input,
        KeyContext::Popup,
    ];

    pub fn of(mode: Mode) -> KeyContext {
        match mode {
            Mode::Normal | Mode::Compare => KeyContext::Normal,
            Mode::Search => KeyContext::Search,
            Mode::Help => KeyContext::Popup,
            Mode::Facts => KeyContext::Facts,
            Mode::Review | Mode::Report => KeyContext::Input,
        }
    }

    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            KeyContext::Normal => "normal",
            KeyContext::Search => "search",
            KeyContext::Popup => "popup",
            KeyContext::Facts => "facts",
            KeyContext::Input => "input",
        }
    }

    /// How help heads the context's keys.
    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Normal => "Browsing",
            KeyContext::Search => "Searching (other keys type)",
            KeyContext::Popup => "Help",
            KeyContext::Facts => "Facts view",
            KeyContext::Input => "Review mark and report name (other keys edit the text)",
        }
    }
}

/// The live key bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<(KeyContext, Key), Command>,
}

const NORMAL: &[(&str, Command)] = &[
    ("q", Command::Quit),
    ("ctrl-c", Command::Quit),
    ("1", Command::FocusSources),
    ("2", Command::FocusClaims),
    ("3", Command::FocusReader),
    ("tab", Command::NextPane),
    ("shift-tab", Command::PrevPane),
    ("j", Command::MoveDown),
    ("down", Command::MoveDown),
    ("k", Command::MoveUp),
    ("up", Command::MoveUp),
    ("pagedown", Command::PageDown),
    ("pageup", Command::PageUp),
    ("g", Command::First),
    ("home", Command::First),
    ("G", Command::Last),
    ("end", Command::Last),
    ("enter", Command::Open),
    ("/", Command::Search),
    ("esc", Command::Back),
    ("space", Command::Mark),
    ("c", Command::Compare),
    ("n", Command::NextDifference),
    ("N", Command::PrevDifference),
    ("u", Command::ToggleUnchanged),
    ("f", Command::Facts),
    ("?", Command::Help),
    ("b", Command::ToggleNoise),
    ("a", Command::ToggleAllClaims),
    ("d", Command::SortByDate),
    ("m", Command::Review),
    ("M", Command::FilterMarks),
    ("R", Command::Report),
];

const FACTS: &[(&str, Command)] = &[
    ("esc", Command::Back),
    ("q", Command::Back),
    ("f", Command::Facts),
    ("?", Command::Help),
    ("j", Command::MoveDown),
    ("down", Command::MoveDown),
    ("k", Command::MoveUp),
    ("up", Command::MoveUp),
    ("pagedown", Command::PageDown),
    ("pageup", Command::PageUp),
    ("g", Command::First),
    ("home", Command::First),
    ("G", Command::Last),
    ("end", Command::Last),
    ("enter", Command::Open),
    ("tab", Command::NextPane),
    ("shift-tab", Command::PrevPane),
    ("s", Command::SortFacts),
    ("v", Command::FilterVerdict),
    ("m", Command::Review),
    ("M", Command::FilterMarks),
    ("R", Command::Report),
    ("ctrl-c", Command::Quit),
];

const INPUT: &[(&str, Command)] = &[
    ("esc", Command::Back),
    ("enter", Command::Confirm),
    ("down", Command::NextRating),
    ("tab", Command::NextRating),
    ("up", Command::PrevRating),
    ("shift-tab", Command::PrevRating),
    ("ctrl-c", Command::Quit),
];

const SEARCH: &[(&str, Command)] = &[
    ("esc", Command::Back),
    ("enter", Command::SearchAccept),
    ("backspace", Command::SearchDeleteChar),
    ("ctrl-u", Command::SearchClear),
    ("down", Command::MoveDown),
    ("up", Command::MoveUp),
    ("pagedown", Command::PageDown),
    ("pageup", Command::PageUp),
    ("ctrl-c", Command::Quit),
    ("tab", Command::NextPane),
];

const POPUP: &[(&str, Command)] = &[
    ("esc", Command::Back),
    ("q", Command::Back),
    ("?", Command::Back),
    ("j", Command::MoveDown),
    ("down", Command::MoveDown),
    ("k", Command::MoveUp),
    ("up", Command::MoveUp),
    ("pagedown", Command::PageDown),
    ("pageup", Command::PageUp),
    ("g", Command::First),
    ("G", Command::Last),
    ("enter", Command::Open),
    ("ctrl-c", Command::Quit),
];

/// A config file's key section could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeymapError {
    #[error("unknown mode {0:?} (normal, search, popup, facts, input)")]
    Mode(String),
    #[error("unknown action {0:?}")]
    Action(String),
    #[error("unknown key {0:?}")]
    Key(String),
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = HashMap::default();
        for (ctx, table) in [
            (KeyContext::Normal, NORMAL),
            (KeyContext::Search, SEARCH),
            (KeyContext::Popup, POPUP),
            (KeyContext::Facts, FACTS),
            (KeyContext::Input, INPUT),
        ] {
            for (k, c) in table {
                bindings.insert((ctx, Key::parse(k).expect("default keys parse")), *c);
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// Applies overrides: mode name → action name → keys. An action's keys in that mode are
    /// replaced by the given ones.
    pub fn with_overrides(
        mut self,
        overrides: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
    ) -> Result<Keymap, KeymapError> {
        for (mode, actions) in overrides {
            let ctx = KeyContext::ALL
                .into_iter()
                .find(|c| c.name() == mode)
                .ok_or_else(|| KeymapError::Mode(mode.clone()))?;
            for (name, keys) in actions {
                let cmd = Command::ALL
                    .iter()
                    .chain([Command::Quit].iter())
                    .find(|c| c.name() == name)
                    .copied()
                    .ok_or_else(|| KeymapError::Action(name.clone()))?;
                self.bindings.retain(|(c, _), v| !(*c == ctx && *v == cmd));
                for k in keys {
                    let key = Key::parse(k).ok_or_else(|| KeymapError::Key(k.clone()))?;
                    self.bindings.insert((ctx, key), cmd);
                }
            }
        }
        Ok(self)
    }

    /// The action for a key in a mode. In search mode, an unbound character is typed; while
    /// typing a note or a file name, an unbound key edits it (characters, Backspace, arrows,
    /// Home, End, Ctrl-W and the other readline keys).
    pub fn action(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        let ctx = KeyContext::of(mode);
        let key = Key::from_event(ev);
        if let Some(c) = self.bindings.get(&(ctx, key)) {
            return Some(Action::Cmd(*c));
        }
        match (ctx, ev.code) {
            (KeyContext::Search, KeyCode::Char(c)) if !key.ctrl => Some(Action::SearchInput(c)),
            (KeyContext::Input, _) => {
                tui_input::backend::crossterm::to_input_request(&crossterm::event::Event::Key(*ev))
                    .map(Action::Edit)
            }
            _ => None,
        }
    }

    /// The keys bound to a command in a mode, for help and hints.
    pub fn keys_for(&self, ctx: KeyContext, cmd: Command) -> Vec<String> {
        let mut keys: Vec<(bool, String)> = self
            .bindings
            .iter()
            .filter(|((c, _), v)| *c == ctx && **v == cmd)
            .map(|((_, k), _)| (!matches!(k.code, KeyCode::Char(_)) || k.ctrl, k.label()))
            .collect();
        keys.sort();
        keys.into_iter().map(|(_, l)| l).collect()
    }

    /// Every binding of a mode, grouped by command in help order.
    pub fn help_rows(&self, ctx: KeyContext) -> Vec<(String, &'static str)> {
        Command::ALL
            .iter()
            .filter_map(|&c| {
                let keys = self.keys_for(ctx, c);
                (!keys.is_empty()).then(|| (keys.join(" "), c.describe()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn defaults_follow_the_contract() {
        let km = Keymap::default();
        assert_eq!(
            km.action(Mode::Normal, &key(KeyCode::Char('q'))),
            Some(Action::Cmd(Command::Quit))
        );
        assert_eq!(
            km.action(Mode::Normal, &key(KeyCode::Char('/'))),
            Some(Action::Cmd(Command::Search))
        );
        assert_eq!(
            km.action(Mode::Normal, &key(KeyCode::BackTab)),
            Some(Action::Cmd(Command::PrevPane))
        );
        assert_eq!(
            km.action(Mode::Search, &key(KeyCode::Char('q'))),
            Some(Action::SearchInput('q'))
        );
    }

    #[test]
    fn while_typing_a_note_keys_edit_it_and_enter_saves() {
        use tui_input::InputRequest;
        let km = Keymap::default();
        assert_eq!(
            km.action(Mode::Review, &key(KeyCode::Char('q'))),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
        assert_eq!(
            km.action(Mode::Review, &key(KeyCode::Backspace)),
            Some(Action::Edit(InputRequest::DeletePrevChar))
        );
        assert_eq!(
            km.action(Mode::Report, &key(KeyCode::Enter)),
            Some(Action::Cmd(Command::Confirm))
        );
        assert_eq!(
            km.action(Mode::Review, &key(KeyCode::Down)),
            Some(Action::Cmd(Command::NextRating))
        );
        assert_eq!(
            km.action(Mode::Facts, &key(KeyCode::Char('s'))),
            Some(Action::Cmd(Command::SortFacts))
        );
        assert_eq!(
            km.action(Mode::Normal, &key(KeyCode::Char('m'))),
            Some(Action::Cmd(Command::Review))
        );
    }

    #[test]
    fn overrides_replace_an_actions_keys() {
        let mut o = BTreeMap::new();
        o.insert(
            "normal".to_string(),
            BTreeMap::from([("quit".to_string(), vec!["x".to_string()])]),
        );
        let km = Keymap::default().with_overrides(&o).unwrap();
        assert_eq!(
            km.action(Mode::Normal, &key(KeyCode::Char('x'))),
            Some(Action::Cmd(Command::Quit))
        );
        assert_eq!(km.action(Mode::Normal, &key(KeyCode::Char('q'))), None);
        assert_eq!(km.keys_for(KeyContext::Normal, Command::Quit), ["x"]);
        let bad = BTreeMap::from([(
            "normal".to_string(),
            BTreeMap::from([("fly".to_string(), vec!["x".to_string()])]),
        )]);
        assert_eq!(
            Keymap::default().with_overrides(&bad).unwrap_err(),
            KeymapError::Action("fly".into())
        );
    }
}
