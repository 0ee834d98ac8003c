//! The library's modules form layers, and imports never run back up: `ids`, `budget`,
//! `arrivals` and `text` at the bottom, then `lexicon`, `dates`, `corpus`, `extract`, `index`, `workspace`, `report`, and
//! the terminal faces `app` and `ui` on top. This reads every library source file and fails
//! when a module names (`crate::…`) a module of a higher layer. Test modules are left out:
//! a test may build its fixtures with the whole pipeline.

use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest first. A module may use its own layer and those
/// before it.
const LAYERS: &[&str] = &[
    "ids",
    "budget",
    "arrivals",
    "text",
    "lexicon",
    "dates",
    "corpus",
    "extract",
    "index",
    "workspace",
    "report",
    "app",
    "ui",
];

/// The crate root's own items (the load pipeline in lib.rs) sit above every layer but the
/// faces; naming them counts as naming a layer this high.
const ROOT_LAYER: usize = 8;

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|m| *m == module)
}

/// A file's code without comments and without its inline test module.
fn code_of(source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.trim_start())
                .find(|l| !l.starts_with("#["));
            if next.is_some_and(|l| l.starts_with("mod ") && l.ends_with('{')) {
                break;
            }
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The first path segments named after `crate::` in some code, including each member of a
/// `use crate::{a::…, b}` group.
fn named_modules(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for member in group[..end].split(',') {
                let name: String = member
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// What a module at `layer` names that sits above it, as "name (layer)" strings.
fn violations(layer: usize, code: &str) -> Vec<String> {
    named_modules(code)
        .into_iter()
        .filter_map(|name| {
            let named = layer_of(&name).unwrap_or(ROOT_LAYER);
            (named > layer).then_some(name)
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    let mut checked = 0;
    for path in files {
        let rel = path.strip_prefix(&src).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|s| s.trim_end_matches(".rs"))
            .unwrap_or_default();
        let Some(layer) = layer_of(top) else {
            continue;
        };
        if path.to_string_lossy().ends_with("_tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("source is readable");
        checked += 1;
        for name in violations(layer, &code_of(&source)) {
            found.push(format!("{} ({top}) uses crate::{name}", rel.display()));
        }
    }
    assert!(
        checked > 40,
        "only {checked} library files found under src/"
    );
    assert!(
        found.is_empty(),
        "imports up the layers:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_imports_up_the_layers() {
    let corpus = layer_of("corpus").expect("corpus is a layer");
    let up = "use crate::text::words;\nuse crate::{lexicon::Lexicon, extract::Claim};\nfn f() { crate::index::Index::default(); }\n";
    assert_eq!(violations(corpus, &code_of(up)), ["extract", "index"]);
    let root = "fn f() { crate::load(&[], &Default::default()); }\n";
    assert_eq!(violations(corpus, &code_of(root)), ["load"]);
}

#[test]
fn the_check_leaves_out_comments_and_test_modules() {
    let text = layer_of("text").expect("text is a layer");
    let code = "/// See [`crate::index::Index`].\nfn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::extract::Claim;\n}\n";
    assert!(violations(text, &code_of(code)).is_empty());
    let after_path_mod =
        "#[cfg(test)]\n#[path = \"x_tests.rs\"]\nmod tests;\nuse crate::index::Index;\n";
    assert_eq!(violations(text, &code_of(after_path_mod)), ["index"]);
}
