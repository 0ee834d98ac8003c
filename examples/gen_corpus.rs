//! Writes the benchmarks' generated corpus to a directory, for measuring the real binary:
//! `cargo run --release --example gen_corpus -- 10000 /tmp/corpus10k`.

#[path = "../benches/common/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (args.next().and_then(|n| n.parse().ok()), args.next()) else {
        eprintln!("usage: gen_corpus ARTICLES DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the directory");
    for (i, a) in corpus::corpus(n, 7).iter().enumerate() {
        std::fs::write(dir.join(format!("{i:06}.txt")), a).expect("write an article");
    }
    println!("{n} articles in {}", dir.display());
}
