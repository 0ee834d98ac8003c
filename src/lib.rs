//! crosscheck: cross-check several news reports of one event.
//!
//! The core loads articles ([`corpus`]), extracts claims ([`extract`]) and indexes them
//! ([`index`]) without any terminal code; [`app`] (state and reducer) and [`ui`] (rendering)
//! are the TUI's layers over it, and the binary's CLI is another face of the same library.

pub mod app;
pub mod corpus;
pub mod extract;
pub mod index;
pub mod lexicon;
pub mod text;
pub mod ui;

use corpus::load::{LoadOptions, load_paths};
use corpus::{Article, Problem};

/// A loaded corpus: its articles with claims, and what went wrong loading it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Loads the given paths (none: the embedded seeds), cleans every article and extracts its
/// claims.
pub fn load(args: &[String], opts: &LoadOptions) -> Loaded {
    load_with_progress(args, opts, &mut |_, _| {})
}

/// Articles are extracted in batches of this many, in parallel, between progress reports.
const BATCH: usize = 64;

/// [`load`], reporting `(articles done, articles in all)` as extraction goes.
pub fn load_with_progress(
    args: &[String],
    opts: &LoadOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Loaded {
    use rayon::prelude::*;
    let loaded = load_paths(args, opts);
    let mut articles = corpus::build_articles(loaded.documents);
    let total = articles.len();
    progress(0, total);
    for (n, chunk) in articles.chunks_mut(BATCH).enumerate() {
        chunk
            .par_iter_mut()
            .for_each(|a| a.claims = extract::extract_claims(a));
        progress(((n + 1) * BATCH).min(total), total);
    }
    Loaded {
        articles,
        problems: loaded.problems,
    }
}
