//! The `crosscheck` binary: parses arguments and hands over to the CLI or the TUI.

mod cli;
mod config;
mod tui;

use clap::Parser;
use cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    let args = Cli::parse();
    crosscheck::lexicon::set_override_dir(
        args.assets
            .clone()
            .or_else(|| std::env::var_os("CROSSCHECK_ASSETS").map(Into::into)),
    );
    let opts = args.load_options();
    let result = match &args.command {
        Some(Command::Extract { paths, json }) => cli::extract(paths, *json, &opts),
        Some(Command::Facts { paths, json }) => cli::facts(paths, *json, &opts),
        Some(Command::Search {
            query,
            paths,
            json,
            limit,
        }) => cli::search(query, paths, *json, *limit, &opts),
        Some(Command::Diff(args)) => cli::diff(args, &opts),
        Some(Command::Report {
            paths,
            format,
            output,
            marked,
            author,
        }) => cli::report_cmd(
            cli::ReportArgs {
                paths,
                format: format.as_deref(),
                output: output.as_deref(),
                marked: *marked,
                author: author.clone(),
                workspace: args.workspace_path(paths),
            },
            &opts,
        ),
        Some(Command::Mark {
            paths,
            claims,
            facts,
            rating,
            note,
            clear: _,
        }) => cli::mark_cmd(
            cli::MarkArgs {
                paths,
                claims,
                facts,
                rating: rating.as_deref(),
                note,
                workspace: args.workspace_path(paths),
            },
            &opts,
        ),
        Some(Command::Sentences { file }) => cli::sentences_cmd(file.as_deref(), &opts),
        Some(Command::Quantities { file }) => cli::quantities_cmd(file.as_deref(), &opts),
        None => {
            let (keymap, theme) = config::load();
            install_panic_hook();
            let workspace = args.workspace_path(&args.paths);
            tui::run(args.paths.clone(), opts, keymap, theme, workspace)
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// On a panic, mouse capture is released too and the details go to a log file whose path is
/// printed (ratatui's own hook, installed after this one, restores the screen first and then
/// calls this).
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
        previous(info);
        let log = std::env::temp_dir().join(format!("crosscheck-crash-{}.log", std::process::id()));
        let report = format!("{info}\n\n{}\n", std::backtrace::Backtrace::force_capture());
        match std::fs::write(&log, report) {
            Ok(()) => eprintln!(
                "crosscheck crashed; the terminal has been restored. Details: {}",
                log.display()
            ),
            Err(_) => eprintln!("crosscheck crashed; the terminal has been restored."),
        }
    }));
}

/// Output cut short by a closed pipe (`crosscheck extract | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
