//! Writes the benchmarks' generated corpus to a directory, for measuring the real binary:
//! `cargo run --release --example gen_corpus -- 10000 /tmp/corpus10k` (text and Markdown;
//! `--html-every 10` makes every tenth article a full web page). `gen_corpus --stats DIR`
//! reports what the text and Markdown files under DIR look like to the sentence splitter
//! (sentences, their length in words, the share holding a digit or a number word), for a
//! generated folder and a folder of real news alike. `gen_corpus --time THREADS DIR...` loads,
//! cleans and extracts each folder five times on that many threads (as the `pipeline` bench
//! does, without criterion) and prints the best and every run, to compare folders in one
//! session on a machine whose speed drifts.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use crosscheck::extract::sentences::split_text;
use crosscheck::lexicon::Lexicon;
use std::path::{Path, PathBuf};

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "third",
    "quarter",
    "twice",
];

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            text_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            out.push(p);
        }
    }
}

fn stats(dir: &Path) {
    let mut paths = Vec::new();
    text_files(dir, &mut paths);
    let mut lengths = Vec::new();
    let mut with_figure = 0;
    let mut prose = Vec::new();
    let mut prose_with_figure = 0;
    for p in &paths {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        for (a, b) in split_text(&text, Lexicon::global()) {
            let s = &text[a..b];
            let words: Vec<&str> = s.split_whitespace().collect();
            lengths.push(words.len());
            let number_word = words.iter().any(|w| {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                NUMBER_WORDS.contains(&w.as_str())
            });
            let figure = number_word || s.contains(|c: char| c.is_ascii_digit());
            with_figure += usize::from(figure);
            // Story prose ends a sentence; headlines, bylines and most page noise do not.
            if words.len() > 3 && s.ends_with(['.', '?', '!', '"', '”']) {
                prose.push(words.len());
                prose_with_figure += usize::from(figure);
            }
        }
    }
    if lengths.is_empty() {
        println!("no sentences in .txt or .md files under {}", dir.display());
        return;
    }
    println!("{}: {} files", dir.display(), paths.len());
    describe("every sentence", lengths, with_figure);
    describe(
        "prose (over 3 words, ending . ? ! or a quote)",
        prose,
        prose_with_figure,
    );
}

fn describe(what: &str, mut lengths: Vec<usize>, with_figure: usize) {
    if lengths.is_empty() {
        return;
    }
    let n = lengths.len();
    let mean = lengths.iter().sum::<usize>() as f64 / n as f64;
    lengths.sort_unstable();
    println!(
        "  {what}: {n} sentences, words per sentence mean {mean:.1} / median {} / 90th \
         percentile {} / max {}; holding a digit or number word {with_figure} ({:.1}%)",
        lengths[n / 2],
        lengths[n * 9 / 10],
        lengths[n - 1],
        100.0 * with_figure as f64 / n as f64
    );
}

fn time_loads(threads: usize, dirs: &[String]) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    for d in dirs {
        let arg = vec![d.clone()];
        let runs: Vec<f64> = (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                let loaded = pool.install(|| crosscheck::load(&arg, &Default::default()));
                let took = start.elapsed().as_secs_f64();
                std::hint::black_box(loaded);
                took
            })
            .collect();
        let best = runs.iter().copied().fold(f64::MAX, f64::min);
        let shown: Vec<String> = runs.iter().map(|s| format!("{s:.3}")).collect();
        println!(
            "{d}: {threads} thread(s), best {best:.3} s (runs {})",
            shown.join(" ")
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        let threads = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
        time_loads(threads, args.get(2..).unwrap_or_default());
        return;
    }
    if args.first().map(String::as_str) == Some("--stats") {
        println!(
            "generator lexicon: {} content word forms",
            corpus::lexicon_size()
        );
        for d in &args[1..] {
            stats(Path::new(d));
        }
        return;
    }
    let html_every = match args.iter().position(|a| a == "--html-every") {
        Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(10),
        None => 0,
    };
    let (Some(n), Some(dir)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!(
            "usage: gen_corpus ARTICLES DIR [--html-every N] | --stats DIR... | --time THREADS DIR..."
        );
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the directory");
    let files = corpus::files(n, 7, html_every);
    let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
    for f in &files {
        std::fs::write(dir.join(&f.name), &f.contents).expect("write an article");
    }
    println!("{n} articles ({bytes} bytes) in {}", dir.display());
}
