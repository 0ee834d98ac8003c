//! Helpers shared by the CLI tests: run the built binary and read its JSON.

#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

pub fn bin() -> Command {
    let mut c = Command::cargo_bin("crosscheck").expect("binary built");
    c.env_remove("NO_COLOR")
        .env_remove("CROSSCHECK_ASSETS")
        .env("CROSSCHECK_CONFIG", "/nonexistent");
    c
}

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Runs the binary with `args`, expects success, parses stdout as JSON.
pub fn json(args: &[&str]) -> Value {
    let out = bin().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// The article whose path ends with `suffix`.
pub fn article<'a>(articles: &'a Value, suffix: &str) -> &'a Value {
    articles
        .as_array()
        .expect("array")
        .iter()
        .find(|a| a["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .unwrap_or_else(|| panic!("no article {suffix}"))
}

/// The kind of the paragraph containing `needle`.
pub fn kind_of(article: &Value, needle: &str) -> String {
    article["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .find(|p| p["text"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("no paragraph with {needle:?} in {}", article["path"]))["kind"]
        .as_str()
        .expect("kind")
        .to_string()
}

/// Every claim of an article.
pub fn claims(article: &Value) -> &Vec<Value> {
    article["claims"].as_array().expect("claims")
}

/// The claim containing `needle`.
pub fn claim<'a>(article: &'a Value, needle: &str) -> &'a Value {
    claims(article)
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.contains(needle)))
        .unwrap_or_else(|| panic!("no claim with {needle:?} in {}", article["path"]))
}

/// The first fact (of `facts --json` output) with a member whose figure, as written, passes
/// `test`.
pub fn fact_where<'a>(facts: &'a Value, what: &str, test: impl Fn(&str) -> bool) -> &'a Value {
    facts["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .find(|f| member_quantities(f).into_iter().any(&test))
        .unwrap_or_else(|| panic!("no fact with {what}: {facts:#}"))
}

/// The figures of a fact's members, as written.
pub fn member_quantities(fact: &Value) -> Vec<&str> {
    fact["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["quantity"].as_str())
        .collect()
}

/// An empty scratch folder for one test, named for it and the test process.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("cc-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
