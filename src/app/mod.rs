//! The TUI's state and the one reducer that changes it. No terminal I/O here: keys arrive as
//! [`Action`]s, and side effects leave as [`Effect`]s for the event loop to carry out.

pub mod action;
pub mod help;
pub mod keymap;
pub mod state;
pub mod update;

pub use action::{Action, Command};
pub use keymap::Keymap;
pub use state::{AppState, Mode, Pane};
pub use update::{Effect, update};
