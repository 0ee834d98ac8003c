//! Load + clean + extract throughput (text and Markdown articles, a mixed folder with web
//! pages, web pages alone), index building and fact linking, on generated corpora.

#[path = "common/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::index::{Index, facts};
use crosscheck::lexicon::Lexicon;

fn extract(c: &mut Criterion) {
    let mut g = c.benchmark_group("load_clean_extract");
    g.sample_size(10);
    for n in [100, 1000, 10_000] {
        let dir = corpus::write_corpus(n, 7);
        let bytes = folder_bytes(&dir);
        g.throughput(Throughput::Bytes(bytes));
        let arg = vec![dir.display().to_string()];
        // 10,000 articles on one thread would take minutes of samples; two threads show it.
        let threads: &[usize] = if n > 1000 { &[2] } else { &[1, 2] };
        for &threads in threads {
            let pool = thread_pool(threads);
            g.bench_with_input(
                BenchmarkId::new(format!("{threads}_threads"), n),
                &arg,
                |b, arg| b.iter(|| pool.install(|| crosscheck::load(arg, &Default::default()))),
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    g.finish();
}

/// A folder as a person saves it: text, Markdown and, one file in ten, a full web page.
fn mixed(c: &mut Criterion) {
    let mut g = c.benchmark_group("load_clean_extract_mixed");
    g.sample_size(10);
    let n = 1000;
    let dir = corpus::write_mixed(n, 7);
    let bytes = folder_bytes(&dir);
    eprintln!("load_clean_extract_mixed: {n} files, {bytes} bytes");
    g.throughput(Throughput::Bytes(bytes));
    let arg = vec![dir.display().to_string()];
    let pool = thread_pool(2);
    g.bench_with_input(BenchmarkId::new("2_threads", n), &arg, |b, arg| {
        b.iter(|| pool.install(|| crosscheck::load(arg, &Default::default())))
    });
    std::fs::remove_dir_all(&dir).unwrap();
    g.finish();
}

/// Saved web pages: parse, bound, main-text extraction and alignment, cleaning, claims.
/// Throughput in bytes gives MB/s; pages per second is the page count over the median.
fn html_pages(c: &mut Criterion) {
    let mut g = c.benchmark_group("html_pages");
    g.sample_size(10);
    let n = 100;
    let dir = corpus::write_pages(n, 5);
    let bytes = folder_bytes(&dir);
    eprintln!("html_pages: {n} pages, {bytes} bytes");
    g.throughput(Throughput::Bytes(bytes));
    let arg = vec![dir.display().to_string()];
    for threads in [1, 2] {
        let pool = thread_pool(threads);
        g.bench_with_input(
            BenchmarkId::new(format!("{threads}_threads"), format!("{n}_pages")),
            &arg,
            |b, arg| b.iter(|| pool.install(|| crosscheck::load(arg, &Default::default()))),
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
    g.finish();
}

fn index(c: &mut Criterion) {
    let mut g = c.benchmark_group("index_build");
    g.sample_size(10);
    for n in [1000, 10_000] {
        let dir = corpus::write_corpus(n, 11);
        let loaded = crosscheck::load(&[dir.display().to_string()], &Default::default());
        let claims: usize = loaded.articles.iter().map(|a| a.claims.len()).sum();
        eprintln!("index_build/{n}: {claims} claims");
        g.throughput(Throughput::Elements(claims as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{n}_articles_{claims}_claims")),
            &loaded.articles,
            |b, arts| {
                b.iter_batched(
                    || arts.clone(),
                    |arts| Index::build(arts, Lexicon::global()),
                    criterion::BatchSize::LargeInput,
                )
            },
        );
        let built = Index::build(loaded.articles, Lexicon::global());
        g.bench_function(
            BenchmarkId::new("link_facts_only", format!("{n}_articles_{claims}_claims")),
            |b| {
                b.iter(|| {
                    facts::link_facts(&built.articles, &built.source_group, Lexicon::global())
                })
            },
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
    g.finish();
}

criterion_group!(benches, extract, mixed, html_pages, index);
criterion_main!(benches);

/// The bytes of the files directly in a folder.
fn folder_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum()
}

fn thread_pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}
