//! Embeds every file in `seeds/` as the default corpus, so `crosscheck` works from any directory.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=seeds");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// The seed articles: (path, bytes).\npub static SEEDS: &[(&str, &[u8])] = &[\n",
    );
    for n in &names {
        let full = dir.join(n);
        writeln!(
            out,
            "    (\"seeds/{n}\", include_bytes!({:?})),",
            full.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("seeds.rs");
    std::fs::write(dest, out).unwrap();
}
