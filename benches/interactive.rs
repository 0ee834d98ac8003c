//! What a person waits on at the keyboard: a search keystroke, a diff, a frame.

#[path = "common/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crosscheck::app::{Action, AppState, Command, Effect, Keymap, update};
use crosscheck::corpus::Document;
use crosscheck::extract::Claim;
use crosscheck::extract::Extracted;
use crosscheck::extract::sentences::split_text;
use crosscheck::ids::ClaimId;
use crosscheck::index::{Index, Query, Searcher, SkimMatcher};
use crosscheck::lexicon::Lexicon;
use crosscheck::text::Span;
use crosscheck::ui::{self, Theme, View};
use std::sync::Arc;

/// An index of `n` claims drawn from generated sentences, split as crosscheck splits them
/// (claims built directly, so the benchmark measures search, not extraction).
fn claim_index(n: usize) -> Index {
    let mut r = corpus::Rng::new(3);
    let texts = corpus::corpus(200, 5);
    let sentences: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            split_text(t, Lexicon::global())
                .into_iter()
                .map(|(a, b)| t[a..b].replace('\n', " "))
                .filter(|s| s.len() > 30)
                .collect::<Vec<_>>()
        })
        .collect();
    let per_article = 50;
    let articles: Vec<Extracted> = (0..n.div_ceil(per_article))
        .map(|a| {
            // As in a loaded corpus, an article's claims are slices of its one text.
            let picked: Vec<&str> = (0..per_article.min(n - a * per_article))
                .map(|_| sentences[r.below(sentences.len())].as_str())
                .collect();
            let text: Arc<str> = picked.join(" ").into();
            let mut start = 0;
            let claims: Vec<Claim> = picked
                .iter()
                .enumerate()
                .map(|(c, s)| {
                    let span = start..start + s.len();
                    start = span.end + 1;
                    Claim::plain(
                        ClaimId::from_hash((a * per_article + c) as u64),
                        Span::new(&text, span),
                        0.5,
                    )
                })
                .collect();
            let mut article = crosscheck::corpus::build_articles(
                vec![Document::plain(&format!("a{a}.txt"), String::from("x"))],
                Lexicon::global(),
            )
            .remove(0);
            article.text = text;
            Extracted::from_claims(article, claims)
        })
        .collect();
    Index::build(articles, Lexicon::global())
}

/// An index loaded from generated articles (extracted for real, so claims carry figures,
/// units and speakers for the filters to read) with at least `claims` claims.
fn loaded_index(claims: usize, seed: u64) -> Index {
    // The generator's articles give about 24.5 claims each; 22 leaves a margin.
    let dir = corpus::write_corpus(claims / 22, seed);
    let index = Index::build(
        crosscheck::load(&[dir.display().to_string()], &Default::default()).articles,
        Lexicon::global(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    index
}

fn search(c: &mut Criterion) {
    let m = SkimMatcher::default();
    let mut g = c.benchmark_group("search_keystroke");
    g.sample_size(10);
    for n in [10_000, 100_000, 1_000_000] {
        let index = claim_index(n);
        for q in ["k", "kha", "evacuate", "troops evacuate"] {
            let query = Query::parse(q);
            g.bench_with_input(
                BenchmarkId::new(format!("{n}_claims"), format!("{}_chars", q.len())),
                &query,
                |b, query| b.iter(|| index.search(query, &m, None, 200)),
            );
        }
    }
    g.finish();
}

/// Queries with filters over claims extracted from generated articles: a source (the outlet
/// in the file name), a speaker, a unit or kind, alone and with fuzzy terms and a value bound.
fn search_filters(c: &mut Criterion) {
    let m = SkimMatcher::default();
    let index = loaded_index(100_000, 17);
    let n = index.claims.len();
    let mut g = c.benchmark_group("search_filters");
    g.sample_size(10);
    for q in [
        "src:courier",
        "by:spokes",
        "unit:km2",
        "src:herald budget",
        "by:police >=100",
        "unit:usd >=1000000 fund",
        "src:post troops evacuate >=50",
    ] {
        let query = Query::parse(q);
        let found = index.search(&query, &m, None, 200);
        eprintln!(
            "search_filters {q:?}: {} matches, {} loose over {n} claims",
            found.matches, found.loose
        );
        g.bench_with_input(
            BenchmarkId::new(format!("{n}_claims"), q),
            &query,
            |b, query| b.iter(|| index.search(query, &m, None, 200)),
        );
    }
    g.finish();
}

/// Opens the search bar and types `query` through the reducer, running each search it asks
/// for and handing back the results, as the TUI's loop does.
fn type_search(state: &mut AppState, index: &Index, query: &str) {
    let m = SkimMatcher::default();
    let mut searcher = Searcher::default();
    update(state, index, Action::Cmd(Command::Search));
    for ch in query.chars() {
        for effect in update(state, index, Action::SearchInput(ch)) {
            if let Effect::Search { generation, query } = effect {
                let found = searcher.search(index, &query, &m, 1000);
                update(
                    state,
                    index,
                    Action::SearchDone {
                        generation,
                        found,
                        micros: 0,
                    },
                );
            }
        }
    }
}

fn diff(c: &mut Criterion) {
    let mut r = corpus::Rng::new(9);
    let a = corpus::article(&mut r, 33_000);
    let other = corpus::article(&mut r, 16_500);
    let half = a
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= a.len() / 2 && a[i..].starts_with("\n\n"))
        .unwrap_or(a.len() / 2);
    let b = format!("{}\n\n{other}", &a[..half]);
    let dir = std::env::temp_dir().join(format!("cc-bench-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), &a).unwrap();
    std::fs::write(dir.join("b.txt"), &b).unwrap();
    let loaded = crosscheck::load(&[dir.display().to_string()], &Default::default());
    let words: usize = loaded
        .articles
        .iter()
        .map(|x| x.text.split_whitespace().count())
        .sum::<usize>()
        / 2;
    eprintln!("diff: reports of about {words} words");
    let index = Index::build(loaded.articles, Lexicon::global());
    c.bench_function("diff_two_5000_word_reports", |bch| {
        bch.iter(|| crosscheck::index::diff::diff_articles(&index, 0, 1, Lexicon::global()))
    });
    std::fs::remove_dir_all(&dir).unwrap();
}

fn render(c: &mut Criterion) {
    let seeds = Index::build(
        crosscheck::load(&[], &Default::default()).articles,
        Lexicon::global(),
    );
    let dir = corpus::write_corpus(2000, 13);
    let big = Index::build(
        crosscheck::load(&[dir.display().to_string()], &Default::default()).articles,
        Lexicon::global(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    eprintln!(
        "render: {} claims, {} facts",
        big.claims.len(),
        big.facts.len()
    );
    let theme = Theme::colored();
    let keymap = Keymap::default();
    let matcher = SkimMatcher::default();
    let view = View {
        theme: &theme,
        keymap: &keymap,
        matcher: &matcher,
        lex: Lexicon::global(),
    };
    let mut g = c.benchmark_group("render_frame_160x45");
    for (corpus, index, query) in [
        ("seeds", &seeds, "north >=2"),
        ("2000_articles", &big, "evacuated >=100"),
    ] {
        for screen in ["main", "facts", "search"] {
            let mut state = AppState::new(index, 160, 45);
            match screen {
                "facts" => {
                    update(&mut state, index, Action::Cmd(Command::Facts));
                }
                "search" => {
                    type_search(&mut state, index, query);
                    eprintln!(
                        "render {corpus} search {query:?}: {} claims listed",
                        state.claims.len()
                    );
                }
                _ => {}
            }
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 45)).unwrap();
            g.bench_function(BenchmarkId::new(corpus, screen), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| ui::render(f, &state, index, &view))
                        .map(|_| ())
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, search, search_filters, diff, render);
criterion_main!(benches);
