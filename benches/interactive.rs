//! What a person waits on at the keyboard: a search keystroke, a diff, a frame.

#[path = "common/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crosscheck::app::{Action, AppState, Command, Keymap, update};
use crosscheck::corpus::Document;
use crosscheck::extract::Claim;
use crosscheck::extract::Extracted;
use crosscheck::ids::ClaimId;
use crosscheck::index::{Index, Query, SkimMatcher};
use crosscheck::text::Span;
use crosscheck::ui::{self, Theme, View};
use std::sync::Arc;

/// An index of `n` claims drawn from generated sentences (claims built directly, so the
/// benchmark measures search, not extraction).
fn claim_index(n: usize) -> Index {
    let mut r = corpus::Rng::new(3);
    let texts = corpus::corpus(200, 5);
    let sentences: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            t.split(". ")
                .map(|s| s.trim().replace('\n', " "))
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
                    Claim {
                        id: ClaimId::from_hash((a * per_article + c) as u64),
                        text: Span::new(&text, span),
                        quantities: Box::default(),
                        attribution: None,
                        entities: Box::default(),
                        dates: Box::default(),
                        score: 0.5,
                        cluster: None,
                        headline: false,
                    }
                })
                .collect();
            let mut article = crosscheck::corpus::build_articles(vec![Document::plain(
                &format!("a{a}.txt"),
                String::from("x"),
            )])
            .remove(0);
            article.text = text;
            Extracted { article, claims }
        })
        .collect();
    Index::build(articles)
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
    let index = Index::build(loaded.articles);
    c.bench_function("diff_two_5000_word_reports", |bch| {
        bch.iter(|| crosscheck::index::diff::diff_articles(&index, 0, 1))
    });
    std::fs::remove_dir_all(&dir).unwrap();
}

fn render(c: &mut Criterion) {
    let seeds = Index::build(crosscheck::load(&[], &Default::default()).articles);
    let dir = corpus::write_corpus(2000, 13);
    let big =
        Index::build(crosscheck::load(&[dir.display().to_string()], &Default::default()).articles);
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
    };
    let mut g = c.benchmark_group("render_frame_160x45");
    for (corpus, index) in [("seeds", &seeds), ("2000_articles", &big)] {
        for screen in ["main", "facts"] {
            let mut state = AppState::new(index, 160, 45);
            if screen == "facts" {
                update(&mut state, index, Action::Cmd(Command::Facts));
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

criterion_group!(benches, search, diff, render);
criterion_main!(benches);
