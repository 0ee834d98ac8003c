//! crosscheck: cross-check several news reports of one event.
//!
//! The core loads articles ([`corpus`]), extracts claims ([`extract`]) and indexes them
//! ([`index`]) without any terminal code; [`app`] (state and reducer) and [`ui`] (rendering)
//! are the TUI's layers over it, and the binary's CLI is another face of the same library.
//! `app` and `ui` sit behind the default `tui` feature: without it the library has no
//! terminal crate in its tree.

#[cfg(feature = "tui")]
pub mod app;
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

/// A loaded corpus: its articles with claims, and what went wrong loading it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Extracted>,
    pub problems: Vec<Problem>,
}

/// Loads the given paths (none: the embedded seeds), cleans every article and extracts its
/// claims.
pub fn load(args: &[String], opts: &LoadOptions) -> Loaded {
    load_with_progress(args, opts, &mut |_, _| {})
}

/// [`load`], reporting `(articles done, articles in all)` as extraction goes.
pub fn load_with_progress(
    args: &[String],
    opts: &LoadOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Loaded {
    let mut out = Loaded::default();
    let (mut done, mut total) = (0, 0);
    load_streaming(args, opts, &mut |event| match event {
        LoadEvent::Read { problems, articles } => {
            out.problems = problems;
            total = articles;
            progress(0, total);
        }
        LoadEvent::Articles(batch) => {
            done += batch.len();
            out.articles.extend(batch);
            progress(done, total);
        }
    });
    out
}

/// What [`load_streaming`] hands over, in order: one `Read`, then batches of articles.
#[derive(Debug)]
pub enum LoadEvent {
    /// Every file has been read: what went wrong, and how many articles will follow.
    Read {
        problems: Vec<Problem>,
        articles: usize,
    },
    /// Articles cleaned and with their claims, in load order.
    Articles(Vec<Extracted>),
}

/// Articles are cleaned and extracted in parallel batches, so the first ones can be shown
/// while the rest are still being extracted. Batches start small and double up to the
/// largest: each batch waits for its slowest article, and 64-article batches cost a fifth
/// of the throughput on 10,000 articles.
const FIRST_BATCH: usize = 32;
const LARGEST_BATCH: usize = 1024;

/// Loads like [`load`] but hands the articles over in batches as soon as each is extracted.
pub fn load_streaming(args: &[String], opts: &LoadOptions, sink: &mut dyn FnMut(LoadEvent)) {
    use rayon::prelude::*;
    let loaded = load_paths(args, opts);
    sink(LoadEvent::Read {
        articles: loaded.documents.len(),
        problems: loaded.problems,
    });
    let stats = corpus::clean::CorpusStats::from_documents(&loaded.documents);
    let mut docs = loaded.documents.into_iter();
    let mut size = FIRST_BATCH;
    loop {
        let batch: Vec<corpus::Document> = docs.by_ref().take(size).collect();
        size = (size * 2).min(LARGEST_BATCH);
        if batch.is_empty() {
            break;
        }
        let articles = batch
            .into_par_iter()
            .map(|doc| Extracted::new(corpus::build_article(doc, &stats)))
            .collect();
        sink(LoadEvent::Articles(articles));
    }
}
