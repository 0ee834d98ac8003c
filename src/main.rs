//! The `crosscheck` binary: parses arguments and hands over to the CLI or the TUI.

mod cli;

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
        Some(Command::Diff {
            a,
            b,
            corpus,
            json,
            no_color,
            width,
        }) => cli::diff(a, b, corpus.as_deref(), *json, *no_color, *width, &opts),
        Some(Command::Sentences { file }) => cli::sentences_cmd(file.as_deref(), &opts),
        Some(Command::Quantities { file }) => cli::quantities_cmd(file.as_deref(), &opts),
        None => cli::extract(&args.paths, false, &opts),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
