//! crosscheck: cross-check several news reports of one event.
//!
//! The core loads articles ([`corpus`]), extracts claims ([`extract`]) and indexes them
//! ([`index`]) without any terminal code; [`app`] (state and reducer) and [`ui`] (rendering)
//! are the TUI's layers over it, and the binary's CLI is another face of the same library.
//! `app` and `ui` sit behind the default `tui` feature: without it the library has no
//! terminal crate in its tree.

#[cfg(feature = "tui")]
pub mod app;
pub mod arrivals;
pub mod budget;
pub mod corpus;
pub mod dates;
pub mod extract;
pub mod ids;
pub mod index;
pub mod lexicon;
pub mod report;
pub mod text;
#[cfg(feature = "tui")]
pub mod ui;
pub mod workspace;

use corpus::Problem;
use corpus::load::{LoadOptions, load_paths};
use extract::Extracted;
use lexicon::Lexicon;

/// A loaded corpus: its articles with claims, and what went wrong loading it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Extracted>,
    pub problems: Vec<Problem>,
}

/// Loads the given paths (none: the embedded seeds), cleans every article and extracts its
/// claims, in parallel, keeping load order, with the process's lexicon ([`Lexicon::global`]).
/// A file past its time budget is named in the problems (see [`budget`]).
pub fn load(args: &[String], opts: &LoadOptions) -> Loaded {
    use rayon::prelude::*;
    let lex = Lexicon::global();
    let loaded = load_paths(args, opts);
    let mut out = Loaded {
        articles: Vec::with_capacity(loaded.documents.len()),
        problems: loaded.problems,
    };
    let stats = corpus::clean::CorpusStats::from_documents(&loaded.documents);
    let done: Vec<Outcome> = loaded
        .documents
        .into_par_iter()
        .map(|doc| extract_article(doc, &stats, opts.file_budget, lex))
        .collect();
    for d in done {
        out.articles.extend(d.article);
        out.problems.extend(d.problem);
    }
    out
}

/// What [`load_streaming`] hands over: one `Read`, then articles and the files their
/// budget stopped.
#[derive(Debug)]
pub enum LoadEvent {
    /// Every file has been read: what went wrong, and how many articles will follow.
    Read {
        problems: Vec<Problem>,
        articles: usize,
    },
    /// Articles cleaned and with their claims, in load order except that one that takes long
    /// is passed over and comes when it is done (see [`arrivals`]).
    Articles(Vec<Extracted>),
    /// Articles their file's time budget stopped, each named with the reason: the `dropped`
    /// fatal ones will not follow; the others follow with the claims found in time.
    Stopped {
        problems: Vec<Problem>,
        dropped: usize,
    },
}

/// One document cleaned and its claims extracted within what is left of its file's budget.
struct Outcome {
    article: Option<Extracted>,
    problem: Option<Problem>,
}

fn extract_article(
    doc: corpus::Document,
    stats: &corpus::clean::CorpusStats,
    limit: Option<std::time::Duration>,
    lex: &Lexicon,
) -> Outcome {
    let budget = budget::Budget::starting_now(limit, doc.read_time);
    let path = doc.path.clone();
    let article = match corpus::build_article_within(doc, stats, &budget, lex) {
        Ok(a) => a,
        Err(stopped) => {
            return Outcome {
                article: None,
                problem: Some(Problem::error(path, format!("not loaded: {stopped}"))),
            };
        }
    };
    let (extracted, stopped) = Extracted::within(article, &budget, lex);
    Outcome {
        problem: stopped.map(|stopped| {
            Problem::warning(
                path,
                format!(
                    "claims read from part of the text only ({} found): {stopped}",
                    extracted.claims.len()
                ),
            )
        }),
        article: Some(extracted),
    }
}

/// Loads like [`load`] but hands the articles over as they are extracted, so the first ones
/// can be shown while the rest are still being read; no article waits on a slow one for
/// more than [`arrivals::PATIENCE`]. Runs the extraction on rayon's global pool: call it
/// from a thread of its own, not from inside the pool.
pub fn load_streaming(args: &[String], opts: &LoadOptions, sink: &mut dyn FnMut(LoadEvent)) {
    use rayon::prelude::*;
    use std::sync::mpsc;
    let lex = Lexicon::global();
    let loaded = load_paths(args, opts);
    let total = loaded.documents.len();
    sink(LoadEvent::Read {
        articles: total,
        problems: loaded.problems,
    });
    let stats = corpus::clean::CorpusStats::from_documents(&loaded.documents);
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let limit = opts.file_budget;
    let docs = loaded.documents;
    let stats = &stats;
    rayon::in_place_scope(|scope| {
        scope.spawn(move |_| {
            // One article per task, so that no article waits in a slow one's task.
            docs.into_par_iter()
                .enumerate()
                .with_max_len(1)
                .for_each_with(tx, |tx, (i, doc)| {
                    let _ = tx.send((i, extract_article(doc, stats, limit, lex)));
                });
        });
        let mut order = arrivals::Arrivals::new(total, std::time::Instant::now());
        let mut open = true;
        while open {
            let (mut batch, mut problems, mut dropped) = (Vec::new(), Vec::new(), 0);
            let mut take = |(i, e): (usize, Outcome), batch: &mut Vec<Extracted>| {
                problems.extend(e.problem);
                match e.article {
                    Some(a) => order.arrive(i, a, batch),
                    None => {
                        dropped += 1;
                        order.arrive_nothing(i);
                    }
                }
            };
            match rx.recv_timeout(arrivals::PATIENCE / 4) {
                Ok(first) => take(first, &mut batch),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => open = false,
            }
            while let Ok(more) = rx.try_recv() {
                take(more, &mut batch);
            }
            order.release(std::time::Instant::now(), &mut batch);
            if !problems.is_empty() {
                sink(LoadEvent::Stopped { problems, dropped });
            }
            if !batch.is_empty() {
                sink(LoadEvent::Articles(batch));
            }
        }
    });
}
