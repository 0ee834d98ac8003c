//! No file can stall the loader (issue #19): a file past its time budget is stopped and
//! named while a good file beside it loads, and a slow file never holds the articles after
//! it in the TUI's stream.

mod common;
use common::*;

use std::time::{Duration, Instant};

use crosscheck::LoadEvent;
use crosscheck::arrivals::PATIENCE;
use crosscheck::corpus::load::LoadOptions;

/// Plain prose of about `bytes` bytes, every sentence with a figure (`figures`) or none: the
/// work to read it grows with its length, and without figures the cap on claims never cuts it
/// short.
fn long_story(bytes: usize, figures: bool) -> String {
    const PLACES: [&str; 4] = [
        "river district",
        "hill towns",
        "old harbour",
        "northern valley",
    ];
    let mut out = String::with_capacity(bytes + 200);
    let mut i = 0usize;
    while out.len() < bytes {
        i += 1;
        let place = PLACES[i % PLACES.len()];
        if figures {
            out.push_str(&format!(
                "Officials in the {place} said {} families left their homes on Monday, and {} \
                 more were moved by boat. ",
                100 + i % 900,
                i % 77
            ));
        } else {
            out.push_str(&format!(
                "Officials in the {place} said many families left their homes on Monday, and \
                 Maria Lopez said others were moved by boat. "
            ));
        }
        if i.is_multiple_of(5) {
            out.push_str("\n\n");
        }
    }
    out
}

const GOOD: &str = "The ferry between the two islands ran again on Thursday after three days \
    of storms, the operator said, carrying about 400 passengers on its first crossing.\n";

#[test]
fn a_file_past_its_budget_is_named_and_the_good_one_beside_it_loads() {
    let d = temp_dir("cli");
    // Without figures the cap on claims does not end the reading early: only the budget can.
    std::fs::write(d.join("a_long.txt"), long_story(5_000_000, false)).unwrap();
    std::fs::write(d.join("good.txt"), GOOD).unwrap();
    let started = Instant::now();
    let out = bin()
        .args(["extract", "--json", "--file-budget-secs", "0.1"])
        .arg(&d)
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a_long.txt")
            && stderr.contains("stopped after 0.1 s: time budget; --file-budget-secs to change"),
        "{stderr}"
    );
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let good = article(&all, "good.txt");
    assert_eq!(good["claims"].as_array().map(Vec::len), Some(1));
    // Without the budget the long file takes about three times the budget in a release build
    // (0.3 s), and many times it in a debug one.
    assert!(took < Duration::from_secs(5), "took {took:?}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn without_a_budget_the_same_file_loads_whole() {
    let d = temp_dir("none");
    std::fs::write(d.join("story.txt"), long_story(200_000, true)).unwrap();
    let out = bin()
        .args(["extract", "--json", "--file-budget-secs", "0"])
        .arg(&d)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("stopped"));
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = article(&all, "story.txt")["claims"]
        .as_array()
        .map(Vec::len);
    assert!(claims.is_some_and(|n| n > 1000), "{claims:?}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_slow_file_does_not_hold_the_articles_after_it() {
    let d = temp_dir("stream");
    // First in load order, and slow: no budget stops it, and it is made large enough to take
    // about four times the patience on this machine and build (timed on a megabyte, the
    // fastest of three runs: a run slowed by other work would make the file too small).
    let sample = d.join("sample.txt");
    std::fs::write(&sample, long_story(1_000_000, false)).unwrap();
    let sample_paths = [sample.display().to_string()];
    // The first run also builds the word lists.
    crosscheck::load(&sample_paths, &LoadOptions::default());
    let per_mb = (0..3)
        .map(|_| {
            let t = Instant::now();
            crosscheck::load(&sample_paths, &LoadOptions::default());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
        .max(Duration::from_millis(10));
    std::fs::remove_file(&sample).unwrap();
    let mb = (4.0 * PATIENCE.as_secs_f64() / per_mb.as_secs_f64()).clamp(4.0, 45.0);
    std::fs::write(d.join("a_slow.txt"), long_story((mb * 1e6) as usize, false)).unwrap();
    for n in 0..3 {
        std::fs::write(d.join(format!("good{n}.txt")), GOOD).unwrap();
    }
    let opts = LoadOptions {
        file_budget: None,
        ..LoadOptions::default()
    };
    let mut arrived: Vec<(String, Duration)> = Vec::new();
    let started = Instant::now();
    let paths = [d.display().to_string()];
    std::thread::scope(|s| {
        s.spawn(|| {
            crosscheck::load_streaming(&paths, &opts, &mut |event| {
                if let LoadEvent::Articles(batch) = event {
                    for a in batch {
                        let name = a.path.rsplit('/').next().unwrap_or_default().to_string();
                        arrived.push((name, started.elapsed()));
                    }
                }
            });
        });
    });
    eprintln!("{per_mb:?} per MB, {mb:.1} MB: {arrived:?}");
    let names: Vec<&str> = arrived.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["good0.txt", "good1.txt", "good2.txt", "a_slow.txt"],
        "{arrived:?}"
    );
    std::fs::remove_dir_all(&d).unwrap();
}
