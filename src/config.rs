//! The user's config file: key overrides by action name and theme colours, in TOML.
//!
//! ```toml
//! [keys.normal]
//! quit = ["q", "ctrl-c"]
//! move_down = ["j", "down", "ctrl-n"]
//!
//! [theme]
//! accent = "lightblue"
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crosscheck::app::Keymap;
use crosscheck::ui::Theme;
use crosscheck::ui::theme::ThemeConfig;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    theme: ThemeConfig,
}

/// Where the config file is: `CROSSCHECK_CONFIG`, else the platform's config directory.
pub fn config_path() -> Option<PathBuf> {
    std::env::var_os("CROSSCHECK_CONFIG")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "crosscheck")
                .map(|d| d.config_dir().join("config.toml"))
        })
}

/// The keymap and theme, with the user's overrides when the config file exists and is valid.
/// A broken config is reported and the defaults are used.
pub fn load() -> (Keymap, Theme) {
    let defaults = (Keymap::default(), Theme::from_env());
    let Some(path) = config_path() else {
        return defaults;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return defaults,
        Err(e) => {
            eprintln!(
                "crosscheck: {}: {e}; using default keys and colours",
                path.display()
            );
            return defaults;
        }
    };
    let file: ConfigFile = match toml::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            eprintln!(
                "crosscheck: {}: {e}; using default keys and colours",
                path.display()
            );
            return defaults;
        }
    };
    let keymap = Keymap::default()
        .with_overrides(&file.keys)
        .unwrap_or_else(|e| {
            eprintln!("crosscheck: {}: {e}; using default keys", path.display());
            Keymap::default()
        });
    (keymap, Theme::from_env().with_config(&file.theme))
}
