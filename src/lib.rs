//! crosscheck: cross-check several news reports of one event.
//!
//! The library loads articles ([`corpus`]), extracts claims ([`extract`]) and indexes them
//! ([`index`]); the binary's TUI and CLI are thin faces over it.

pub mod corpus;
pub mod extract;
pub mod index;
pub mod lexicon;
pub mod text;

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
    let loaded = load_paths(args, opts);
    let mut articles = corpus::build_articles(loaded.documents);
    for a in &mut articles {
        a.claims = extract::extract_claims(a);
    }
    Loaded {
        articles,
        problems: loaded.problems,
    }
}
