//! Claim and fact ids do not depend on how the corpus's path was typed: a folder given by a
//! relative path, an absolute path or `.` from inside it gives the same ids, so an id copied
//! from one command works in another.

mod common;

use std::path::{Path, PathBuf};

use common::{bin, fixture, temp_dir};
use serde_json::Value;

/// The event folder the tests read, and the folder it sits in.
fn event() -> (PathBuf, PathBuf) {
    let event = PathBuf::from(fixture("events/quake"));
    let parent = event.parent().expect("a parent").to_path_buf();
    (event, parent)
}

/// Runs the binary in `dir` with `args`, expects success, parses stdout as JSON.
fn json_in(dir: &Path, args: &[&str]) -> Value {
    let out = bin().current_dir(dir).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// The three spellings of the event folder: (where to run, the path to give).
fn spellings() -> Vec<(PathBuf, String)> {
    let (event, parent) = event();
    vec![
        (parent.clone(), "quake".to_string()),
        (parent, event.display().to_string()),
        (event, ".".to_string()),
    ]
}

/// Every claim id of `extract --json`, in order.
fn claim_ids(articles: &Value) -> Vec<String> {
    articles
        .as_array()
        .expect("articles")
        .iter()
        .flat_map(|a| a["claims"].as_array().expect("claims"))
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect()
}

/// Every fact id of `facts --json` with its members' claim ids, in order.
fn fact_ids(facts: &Value) -> Vec<(String, Vec<String>)> {
    facts["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .map(|f| {
            let members = f["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| m["claim_id"].as_str().expect("claim id").to_string())
                .collect();
            (f["id"].as_str().expect("id").to_string(), members)
        })
        .collect()
}

#[test]
fn a_relative_an_absolute_and_a_dot_path_give_the_same_ids() {
    let mut claims = Vec::new();
    let mut facts = Vec::new();
    let mut paths = Vec::new();
    for (dir, arg) in spellings() {
        let articles = json_in(&dir, &["extract", "--json", &arg]);
        claims.push(claim_ids(&articles));
        facts.push(fact_ids(&json_in(&dir, &["facts", "--json", &arg])));
        paths.push(articles[0]["path"].as_str().expect("path").to_string());
    }
    assert!(claims[0].len() > 5, "{:?}", claims[0]);
    assert!(facts[0].len() > 2, "{:?}", facts[0]);
    assert_eq!(claims[0], claims[1], "relative and absolute");
    assert_eq!(claims[0], claims[2], "relative and .");
    assert_eq!(facts[0], facts[1], "relative and absolute");
    assert_eq!(facts[0], facts[2], "relative and .");
    // The paths shown stay as typed.
    assert!(paths[0].starts_with("quake/"), "{}", paths[0]);
    assert!(paths[1].starts_with('/'), "{}", paths[1]);
    assert!(paths[2].starts_with("./"), "{}", paths[2]);
}

#[test]
fn a_file_given_alone_keeps_the_claim_ids_it_has_in_its_folder() {
    let (event, _) = event();
    let in_folder = json_in(&event, &["extract", "--json", "."]);
    let tribune = in_folder
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| {
            a["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("tribune.txt"))
        })
        .expect("tribune");
    let alone = json_in(&event, &["extract", "--json", "tribune.txt"]);
    let ids = claim_ids(&alone);
    assert!(!ids.is_empty());
    assert_eq!(ids, claim_ids(&Value::Array(vec![tribune.clone()])));
}

#[test]
fn mark_accepts_ids_copied_from_another_spelling() {
    let ws = temp_dir("ids-mark");
    let (event, parent) = event();
    let facts = json_in(&event, &["facts", "--json", "."]);
    let fact = facts["facts"][0]["id"]
        .as_str()
        .expect("a fact")
        .to_string();
    let claim = facts["facts"][0]["members"][0]["claim_id"]
        .as_str()
        .expect("a claim")
        .to_string();
    for arg in ["quake".to_string(), event.display().to_string()] {
        let out = bin()
            .current_dir(&parent)
            .args(["mark", &arg, "--workspace"])
            .arg(&ws)
            .args(["--fact", &fact, "--claim", &claim, "--rating", "verified"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "mark {arg}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(&format!("fact {fact}")), "{said}");
        assert!(said.contains(&format!("claim {claim}")), "{said}");
    }
    // The marks set through one spelling show in a report made through another.
    let report = json_in(
        &event,
        &[
            "report",
            ".",
            "--format",
            "json",
            "--workspace",
            &ws.display().to_string(),
        ],
    );
    let marked = report["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .find(|f| f["id"] == fact.as_str())
        .expect("the marked fact");
    assert_eq!(marked["mark"]["rating"], "verified");
    std::fs::remove_dir_all(&ws).unwrap();
}
