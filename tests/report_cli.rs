//! `crosscheck report` run as a user would: every format parses, and every quote is exactly
//! the bytes at its offsets, in a file whose sha256 matches (or in the extracted text whose
//! sha256 matches, where the report says so).

mod common;

use std::path::{Path, PathBuf};

use common::{bin, json};
use crosscheck::workspace::sha256_hex;
use serde_json::Value;

/// A corpus in my own words, in the shapes files come in: Windows line endings, a byte-order
/// mark, Markdown with a sentence over two lines, HTML with an entity.
fn corpus(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-report-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("news")).unwrap();
    let news = dir.join("news");
    std::fs::write(
        news.join("a.txt"),
        "Storm destroys homes in Arden\r\n\r\nThe storm destroyed 40 homes in Arden on 3 May 2021, the mayor said.\r\n\r\nRescue teams worked through the night.\r\n",
    )
    .unwrap();
    std::fs::write(
        news.join("b.txt"),
        "\u{feff}Arden counts storm damage\n\nThe storm destroyed 400 homes in Arden on 3 May 2021, regional officials said.\n\nPower came back by the evening.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("c.md"),
        "---\ntitle: Arden after the storm\ndate: 2021-05-04\n---\n\n# Arden after the storm\n\nThe storm destroyed about 45 homes in Arden on 3 May 2021,\nthe county said.\n\nTwelve families remain in shelters, and 3 schools are closed.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("d.html"),
        "<html><head><title>Arden storm</title></head><body><article><p>The storm destroyed 40 homes in Arden on 3 May 2021, the fire chief said.</p><p>Donations &amp; help poured in from 5 towns.</p></article></body></html>",
    )
    .unwrap();
    dir
}

fn workspace(dir: &Path) -> String {
    dir.join("ws").display().to_string()
}

fn news(dir: &Path) -> String {
    dir.join("news").display().to_string()
}

/// Marks the claim holding `needle` and the first fact.
fn mark_some(dir: &Path) {
    let articles = json(&["extract", &news(dir), "--json"]);
    let id = articles
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["claims"].as_array().unwrap())
        .find(|c| c["text"].as_str().unwrap().contains("400 homes"))
        .expect("the claim")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let facts = json(&["facts", &news(dir), "--json"]);
    let fact = facts["facts"][0]["id"].as_str().unwrap().to_string();
    let ws = workspace(dir);
    for args in [
        vec!["--claim", id.as_str(), "--rating", "false"],
        vec!["--fact", fact.as_str(), "--rating", "disputed"],
    ] {
        let out = bin()
            .args([
                "mark",
                &news(dir),
                "--workspace",
                &ws,
                "--note",
                "the county's list, \"45\"",
            ])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The extracted text of the article at `path`.
fn extracted(dir: &Path, path: &str) -> String {
    let articles = json(&["extract", &news(dir), "--json"]);
    articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"] == path)
        .expect("the article")["text"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Checks one pinned quote; returns what its offsets point into.
fn check_quote(dir: &Path, q: &Value) -> String {
    let (start, end) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    let quote = q["quote"].as_str().unwrap().as_bytes();
    let path = q["path"].as_str().unwrap();
    let file = std::fs::read(path).unwrap();
    assert_eq!(
        q["sha256"].as_str(),
        Some(sha256_hex(&file).as_str()),
        "{path}"
    );
    let offsets = q["offsets"].as_str().unwrap().to_string();
    match offsets.as_str() {
        "file" => assert_eq!(&file[start..end], quote, "{path} {start}..{end}"),
        "text" => {
            let text = extracted(dir, path);
            assert_eq!(
                q["text_sha256"].as_str(),
                Some(sha256_hex(text.as_bytes()).as_str())
            );
            assert_eq!(&text.as_bytes()[start..end], quote, "{path} {start}..{end}");
        }
        other => panic!("offsets {other:?}"),
    }
    offsets
}

#[test]
fn every_quote_in_the_json_report_is_the_bytes_at_its_offsets() {
    let dir = corpus("json");
    mark_some(&dir);
    let out_file = dir.join("report.json");
    let out = bin()
        .args([
            "report",
            &news(&dir),
            "--workspace",
            &workspace(&dir),
            "--format",
            "json",
            "-o",
        ])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(report["schema_version"], 1);
    let facts = report["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    let mut seen = std::collections::BTreeMap::new();
    for f in facts {
        assert!(f["verdict"].is_string() && f["reason"].is_string());
        for m in f["members"].as_array().unwrap() {
            let offsets = check_quote(&dir, m);
            let name = m["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            seen.insert(name, offsets);
        }
    }
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "the marked claim");
    assert_eq!(claims[0]["mark"]["rating"], "false");
    assert_eq!(claims[0]["mark"]["note"], "the county's list, \"45\"");
    assert!(claims[0]["mark"]["at"].as_str().unwrap().ends_with('Z'));
    let b = check_quote(&dir, &claims[0]);
    assert_eq!(
        b, "file",
        "a byte-order mark does not stop a quote from pointing into the file"
    );
    assert_eq!(
        seen.get("a.txt").map(String::as_str),
        Some("file"),
        "CRLF lines: {seen:?}"
    );
    assert_eq!(
        seen.get("d.html").map(String::as_str),
        Some("text"),
        "{seen:?}"
    );
    assert_eq!(
        seen.get("c.md").map(String::as_str),
        Some("text"),
        "a sentence over two lines is not the file's bytes: {seen:?}"
    );
    assert!(facts.iter().any(|f| f["mark"]["rating"] == "disputed"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Splits CSV (RFC 4180) into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn markdown_csv_and_claimreview_carry_the_same_facts_and_marks() {
    let dir = corpus("formats");
    mark_some(&dir);
    let ws = workspace(&dir);
    let run = |format: &str| {
        let out = bin()
            .args([
                "report",
                &news(&dir),
                "--workspace",
                &ws,
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let md = run("md");
    assert!(md.starts_with("# Fact-check report"), "{md}");
    assert!(md.contains("| # | Source | Date | As written | Value | Hedge | Speaker | Review |"));
    assert!(md.contains(
        "> The storm destroyed 400 homes in Arden on 3 May 2021, regional officials said."
    ));
    assert!(
        md.contains("**Why:**") && md.contains("**disputed**"),
        "{md}"
    );
    assert!(md.contains("file sha256 `"), "{md}");

    let csv = parse_csv(&run("csv"));
    let header = &csv[0];
    assert_eq!(header[0], "fact_id");
    assert!(
        csv.iter().all(|r| r.len() == header.len()),
        "every row has every field"
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let marked = csv
        .iter()
        .find(|r| r[col("claim_rating")] == "false")
        .expect("the marked claim's row");
    assert_eq!(marked[col("claim_note")], "the county's list, \"45\"");
    assert_eq!(marked[col("offsets")], "file");
    let file = std::fs::read(&marked[col("path")]).unwrap();
    let (s, e): (usize, usize) = (
        marked[col("start")].parse().unwrap(),
        marked[col("end")].parse().unwrap(),
    );
    assert_eq!(&file[s..e], marked[col("quote")].as_bytes());
    assert_eq!(marked[col("sha256")], sha256_hex(&file));

    let ld: Value = serde_json::from_str(&run("claimreview")).expect("JSON-LD parses");
    assert_eq!(ld["@context"], "https://schema.org");
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), 2, "the marked claim and the marked fact");
    for review in graph {
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert!(review["reviewRating"]["alternateName"].is_string());
        assert_eq!(review["reviewBody"], "the county's list, \"45\"");
        assert!(
            !review["itemReviewed"]["appearance"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
    assert_eq!(
        graph[0]["claimReviewed"],
        "The storm destroyed 400 homes in Arden on 3 May 2021, regional officials said."
    );
    assert_eq!(graph[0]["reviewRating"]["ratingValue"], 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_seed_report_quotes_the_seed_files_and_standard_input_says_it_has_no_file() {
    let ws = std::env::temp_dir().join(format!("cc-report-seeds-{}", std::process::id()));
    let out = bin()
        .args(["report", "--format", "json", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut quotes = 0;
    for m in report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["members"].as_array().unwrap())
    {
        let file = std::fs::read(root.join(m["path"].as_str().unwrap())).unwrap();
        assert_eq!(m["sha256"].as_str(), Some(sha256_hex(&file).as_str()));
        if m["offsets"] == "file" {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&file[s..e], m["quote"].as_str().unwrap().as_bytes());
            quotes += 1;
        }
    }
    assert!(
        quotes > 10,
        "the seeds are plain text: their quotes point into the files"
    );
    assert!(!ws.exists(), "a report never creates a workspace");

    let out = bin()
        .args(["report", "-", "--format", "json", "--workspace"])
        .arg(&ws)
        .write_stdin("Flood in Brill\n\nThe flood closed 12 roads in Brill on 2 June 2022, the council said.\n\nA second report said 12 roads were closed in Brill on 2 June 2022.\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!report["facts"].as_array().unwrap().is_empty());
    for m in report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["members"].as_array().unwrap())
    {
        assert_eq!(m["sha256"], Value::Null, "no file to hash");
        assert_eq!(m["offsets"], "text");
    }
}

#[test]
fn an_output_file_is_replaced_whole_or_left_alone() {
    let dir = corpus("atomic");
    let target = dir.join("report.md");
    std::fs::write(&target, "an older report").unwrap();
    let out = bin()
        .args(["report", &news(&dir), "--workspace", &workspace(&dir), "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with("# Fact-check report"),
        "the format follows the extension"
    );
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    let out = bin()
        .args(["report", &news(&dir), "--workspace", &workspace(&dir), "-o"])
        .arg(dir.join("missing/report.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing/report.md"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), written);
    std::fs::remove_dir_all(&dir).unwrap();
}
