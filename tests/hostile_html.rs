//! Pages built to make an HTML loader work in the square of their size load within a bound,
//! cut at a documented limit with a warning naming the file, while a good page beside them
//! loads in full (issue #19; bounds in docs/RELIABILITY.md).

mod common;
use common::*;

use std::time::{Duration, Instant};

/// Far above what a linear pass needs (well under a second in a release build), far below
/// what the quadratic cases took (25 s to over 120 s).
const BOUND: Duration = Duration::from_secs(15);

const GOOD: &str = "<html><head><title>Ferry service resumes after storm</title></head><body><article>\
    <h1>Ferry service resumes after storm</h1>\
    <p>The ferry between the two islands ran again on Thursday after three days of storms, the operator said, carrying about 400 passengers on its first crossing.</p>\
    <p>Repairs to the northern pier will take another two weeks, the harbour master said.</p>\
    </article></body></html>";

/// Runs `extract --json` on a folder holding `name` (the hostile page) and a good page; checks
/// it finishes within the bound, warns about `name` with `warning`, and loads the good page.
fn loads_within_bound(name: &str, page: &str, warning: &str) -> serde_json::Value {
    let d = temp_dir(name);
    std::fs::write(d.join(name), page).unwrap();
    std::fs::write(d.join("good.html"), GOOD).unwrap();
    let started = Instant::now();
    let out = bin()
        .args(["extract", "--json", d.to_str().unwrap()])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(took < BOUND, "{name} took {took:?}");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(name) && stderr.contains(warning),
        "{name}: {stderr}"
    );
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let good = article(&all, "good.html");
    assert_eq!(kind_of(good, "The ferry between"), "body");
    assert_eq!(kind_of(good, "Repairs to the northern pier"), "body");
    std::fs::remove_dir_all(&d).unwrap();
    all
}

#[test]
fn two_hundred_thousand_nested_divs() {
    let n = 200_000;
    let page = format!(
        "<html><body>{}<p>The council approved 12 new schools on Monday, officials said.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let all = loads_within_bound("nested.html", &page, "nested deeper than 256");
    let a = article(&all, "nested.html");
    assert_eq!(kind_of(a, "The council approved 12 new schools"), "body");
}

#[test]
fn one_paragraph_with_two_hundred_thousand_attributes() {
    let attrs: String = (0..200_000).map(|i| format!(" data-a{i}=\"x\"")).collect();
    let page = format!(
        "<html><body><p{attrs}>The council approved 12 new schools on Monday, officials said.</p></body></html>"
    );
    let all = loads_within_bound("attributes.html", &page, "more than 64 attributes");
    let a = article(&all, "attributes.html");
    assert_eq!(kind_of(a, "The council approved 12 new schools"), "body");
}

#[test]
fn a_page_of_two_hundred_thousand_short_paragraphs() {
    let paras: String = (0..200_000)
        .map(|i| format!("<p>Short paragraph number {i} of the page says little.</p>\n"))
        .collect();
    let page = format!("<html><body><article>{paras}</article></body></html>");
    assert!(page.len() > 12_000_000);
    let all = loads_within_bound("paragraphs.html", &page, "more than 10000 paragraphs");
    let a = article(&all, "paragraphs.html");
    assert_eq!(kind_of(a, "Short paragraph number 9000 "), "body");
    assert!(
        !a["text"]
            .as_str()
            .unwrap()
            .contains("Short paragraph number 10000 ")
    );
}

#[test]
fn tables_nested_in_tables() {
    let n = 5_000;
    let page = format!(
        "<html><body>{}The council approved 12 new schools on Monday, officials said.{}</body></html>",
        "<table><tr><td>".repeat(n),
        "</td></tr></table>".repeat(n)
    );
    let all = loads_within_bound("tables.html", &page, "tables nested deeper than 8");
    let a = article(&all, "tables.html");
    assert_eq!(kind_of(a, "The council approved 12 new schools"), "body");
}
