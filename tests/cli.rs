//! The CLI on page shapes other than the seeds, on bad input, and its smaller commands.

mod common;
use common::*;

use std::io::Write;

#[test]
fn page_shapes_keep_the_story_and_drop_the_furniture() {
    let all = json(&["extract", "--json", &fixture("pages")]);
    let wire = article(&all, "wire.txt");
    assert_eq!(wire["outlet"], "Reuters");
    assert_eq!(wire["byline"], "Marco Bellini");
    assert_eq!(kind_of(wire, "MILAN (Reuters)"), "body");
    assert_eq!(kind_of(wire, "Farm groups estimated"), "body");
    assert_eq!(kind_of(wire, "Reporting by"), "meta");
    assert_eq!(kind_of(wire, "Our Standards"), "boilerplate");

    let cookies = article(&all, "cookies_comments.html");
    assert_eq!(
        cookies["title"],
        "Port strike halts exports for a third day"
    );
    assert_eq!(cookies["date"], "2023-06-14");
    assert_eq!(cookies["outlet"], "Harbour Gazette");
    assert_eq!(kind_of(cookies, "Dock workers"), "body");
    assert_eq!(kind_of(cookies, "Container ships wait"), "caption");
    // What the extractor leaves out stays in the text as page noise, never as story.
    assert_eq!(kind_of(cookies, "We use cookies"), "boilerplate");
    assert_eq!(kind_of(cookies, "Log in to comment"), "boilerplate");
    assert_eq!(kind_of(cookies, "Great article"), "off_topic");
    assert_eq!(kind_of(cookies, "All rights reserved"), "boilerplate");
    assert!(!cookies["text"].as_str().unwrap().contains("Accept all"));

    let live = article(&all, "liveblog.txt");
    for entry in [
        "Firefighters say the blaze",
        "The fire service said 220",
        "Authorities ordered the evacuation",
    ] {
        assert_eq!(kind_of(live, entry), "body", "{entry}");
    }
    assert_eq!(kind_of(live, "10:15 AM"), "boilerplate");
    assert_eq!(kind_of(live, "Live updates"), "boilerplate");

    let blog = article(&all, "blog.md");
    assert_eq!(blog["title"], "What the new census says about our city");
    assert_eq!(blog["date"], "2022-09-03");
    assert_eq!(kind_of(blog, "Older and smaller households"), "body");
    assert_eq!(kind_of(blog, "The share of residents over 65"), "body");
    assert_eq!(kind_of(blog, "Read more"), "boilerplate");
    assert!(!blog["text"].as_str().unwrap().contains("**"));

    let a = article(&all, "page_a.html");
    assert_eq!(a["outlet"], "City Courier");
    assert_eq!(kind_of(a, "Airport expansion delayed"), "off_topic");
    assert_eq!(kind_of(a, "Opponents say"), "body");
    assert!(!a["text"].as_str().unwrap().contains("analytics"));
    let b = article(&all, "page_b.html");
    assert_eq!(b["title"], "Drought cuts wheat harvest by a third");
    assert_eq!(b["outlet"], "Farm Weekly");
    assert_eq!(kind_of(b, "Growers expect"), "body");

    let side = article(&all, "sidebar_other_story.txt");
    assert_eq!(kind_of(side, "Vaccination rates"), "body");
    assert_eq!(kind_of(side, "Football club appoints"), "off_topic");
    assert_eq!(kind_of(side, "Nobody matched all six"), "off_topic");

    let bridge = article(&all, "export.jsonl:1");
    assert_eq!(bridge["outlet"], "Valley News");
    let school = article(&all, "export.jsonl:2");
    assert_eq!(school["outlet"], "Metro Daily");
    assert_eq!(school["date"], "2020-05-11");
    assert_eq!(kind_of(school, "They won a 6% raise"), "body");
}

#[test]
fn malformed_json_lines_are_named_and_the_rest_loads() {
    let out = bin()
        .args(["extract", "--json", &fixture("pages/export.jsonl")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("export.jsonl:3") && stderr.contains("malformed JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("export.jsonl:4") && stderr.contains("no text"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_loads() {
    let d = temp_dir("bad");
    std::fs::write(
        d.join("good.txt"),
        "Dam bursts in valley\n\nAbout 300 people were evacuated on Monday, the mayor said.\n",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(
        d.join("broken.json"),
        "{\"title\": \"x\",\n \"text\": \"unterminated}\n",
    )
    .unwrap();
    std::fs::write(d.join("notext.json"), "{\"title\": \"x\"}").unwrap();
    std::fs::write(
        d.join("latin1.txt"),
        b"Caf\xe9 owners protest\n\nAbout 40 caf\xe9s closed on Friday.\n",
    )
    .unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Tram strike ends\n\nTrams ran again on Monday.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(d.join("utf16.txt"), utf16).unwrap();
    std::fs::write(d.join("nested.json"), "[".repeat(5000)).unwrap();
    let missing = d.join("missing.txt").display().to_string();
    let out = bin()
        .args(["extract", "--json", &d.display().to_string(), &missing])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("broken.json", "malformed JSON at line"),
        ("notext.json", "no text"),
        ("missing.txt", "no such file"),
        ("latin1.txt", "not UTF-8: read as windows-1252 (detected)"),
        ("nested.json", "malformed JSON"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason}\n{stderr}"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    let tram = article(&v, "utf16.txt");
    assert_eq!(tram["title"], "Tram strike ends");
    let cafe = article(&v, "latin1.txt");
    assert!(cafe["text"].as_str().unwrap().contains("40 cafés closed"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn nothing_loaded_exits_1_with_the_reason() {
    let d = temp_dir("nothing");
    std::fs::write(d.join("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let out = bin()
        .args(["extract", &d.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no articles"), "{stderr}");
    assert!(stderr.contains("no article could be loaded"), "{stderr}");
    let out = bin().args(["facts", "/no/such/path"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/path: no such file"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn oversized_files_are_refused_unread() {
    let d = temp_dir("big");
    let big = d.join("big.txt");
    let mut f = std::fs::File::create(&big).unwrap();
    let line = "Figures rose again this week, officials said.\n".repeat(1000);
    for _ in 0..30 {
        f.write_all(line.as_bytes()).unwrap();
    }
    drop(f);
    let out = bin()
        .args(["extract", "--max-file-mb", "1", &big.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("too large"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn stdin_is_an_article() {
    let out = bin()
        .args(["extract", "--json", "-"])
        .write_stdin("Quake hits coast\n\nA magnitude 6.1 quake struck on Monday, killing at least 12 people, officials said.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = article(&v, "-");
    let q = &claim(a, "magnitude")["quantities"];
    assert!(
        q.as_array()
            .unwrap()
            .iter()
            .any(|q| q["value"] == 12 && q["approx"] == "at least")
    );
}

#[test]
fn sentences_command_splits_raw_text() {
    let out = bin()
        .args(["sentences", "-"])
        .write_stdin("Gen. Ray Boyd spoke at 9 a.m. He was brief. \"Leave now!\" he said.")
        .output()
        .unwrap();
    let v: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        [
            "Gen. Ray Boyd spoke at 9 a.m.",
            "He was brief.",
            "\"Leave now!\" he said."
        ]
    );
}

#[test]
fn quantities_command_reports_offsets_into_the_input() {
    let text = "Nearly 60,000 troops and more than 40% of the land, at 5:20 PM.";
    let out = bin()
        .args(["quantities"])
        .write_stdin(text)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let qs = v.as_array().unwrap();
    assert_eq!(qs.len(), 2);
    for q in qs {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], q["text"].as_str().unwrap());
    }
    assert_eq!(qs[0]["high"], 60000);
    assert_eq!(qs[1]["low"], 40);
}

#[test]
fn search_ranks_whole_words_and_reports_indices() {
    let v = json(&["search", "north korean", "--json"]);
    let hits = v.as_array().unwrap();
    assert!(!hits.is_empty());
    let top = hits[0]["text"].as_str().unwrap().to_lowercase();
    assert!(top.contains("north korean"), "{top}");
    for h in hits.iter().take(5) {
        let text: Vec<char> = h["text"].as_str().unwrap().chars().collect();
        let matched: String = h["indices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| text[i.as_u64().unwrap() as usize])
            .collect();
        assert!(
            matched
                .to_lowercase()
                .replace(' ', "")
                .contains("northkorean")
                || !matched.is_empty()
        );
        assert!(h["path"].is_string() && h["claim_id"].is_string() && h["score"].is_i64());
    }
    let filtered = json(&["search", "troops >=55000", "--json"]);
    for h in filtered.as_array().unwrap() {
        assert!(
            h["text"].as_str().unwrap().contains("59,000")
                || h["text"].as_str().unwrap().contains("60,000")
        );
    }
    let none = json(&["search", "zzzzqqq", "--json"]);
    assert!(none.as_array().unwrap().is_empty());
}

#[test]
fn help_and_version() {
    let out = bin().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in [
        "extract",
        "facts",
        "search",
        "diff",
        "sentences",
        "quantities",
    ] {
        assert!(help.contains(cmd), "{cmd}");
    }
    let out = bin().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn hostile_text_is_inert_in_cli_output() {
    let d = temp_dir("hostile");
    std::fs::write(
        d.join("hostile.txt"),
        "Dam \u{1b}[31mbreaks\u{1b}[0m in valley\n\nAbout 300 people\u{1b}]52;c;ZXZpbA==\u{7} were evacuated on Monday, the mayor \u{202E}said\u{202C}. Officials\u{9b}2J said 40 homes flooded.\n",
    )
    .unwrap();
    let path = d.join("hostile.txt").display().to_string();
    for args in [
        vec!["extract", path.as_str()],
        vec!["facts", path.as_str()],
        vec!["search", "people", path.as_str()],
    ] {
        let out = bin().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}') && !stdout.contains('\u{9b}'),
            "{args:?}: {stdout:?}"
        );
        assert!(!stdout.contains('\u{202E}'), "{args:?}");
    }
    let diff = bin()
        .args(["diff", &path, &path, "--width", "100"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(diff.stdout).unwrap();
    assert!(
        !stdout.contains('\u{1b}'),
        "piped diff output has no colour codes or article escapes"
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn symlink_loops_and_large_directories() {
    let d = temp_dir("many");
    let sub = d.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::os::unix::fs::symlink(&d, sub.join("loop")).unwrap();
    for i in 0..20_000 {
        std::fs::write(
            sub.join(format!("{i:05}.txt")),
            format!("Report {i}\n\nAbout {i} people were counted on Monday, officials said.\n"),
        )
        .unwrap();
    }
    let out = bin()
        .args(["facts", "--json", &d.display().to_string()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["facts"].as_array().is_some());
    let out = bin()
        .args(["extract", &d.display().to_string()])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.ends_with(".txt"))
        .count();
    assert_eq!(listed, 20_000, "each file once, the link loop not followed");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn one_huge_line_loads() {
    let d = temp_dir("line");
    let line = "word ".repeat(2 * 1024 * 1024);
    std::fs::write(d.join("line.txt"), &line).unwrap();
    let started = std::time::Instant::now();
    let out = bin()
        .args([
            "extract",
            "--json",
            &d.join("line.txt").display().to_string(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        started.elapsed().as_secs() < 60,
        "no quadratic step on a 10 MB line"
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn empty_html_and_all_boilerplate_pages() {
    let d = temp_dir("furniture");
    std::fs::write(
        d.join("empty.html"),
        "<html><head><title>x</title></head><body><script>var a=1;</script></body></html>",
    )
    .unwrap();
    std::fs::write(
        d.join("furniture.txt"),
        "Skip to content\n\nSubscribe\n\n* indicates required\n\nRead more\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", &d.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty.html") && stderr.contains("no text"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("furniture.txt"));
    assert!(stdout.contains("no story text found"), "{stdout}");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn navigation_standfirsts_and_credits() {
    let all = json(&["extract", "--json", &fixture("pages")]);
    let nav = article(&all, "nav_and_related.txt");
    assert_eq!(
        nav["title"],
        "Wildfire forces thousands to flee as winds push flames toward towns"
    );
    assert_eq!(nav["outlet"], "AP");
    for nav_line in ["Politics", "Entertainment"] {
        assert_eq!(kind_of(nav, nav_line), "boilerplate", "{nav_line}");
    }
    for story in [
        "LOS ANGELES (AP)",
        "Officials said about 1,800",
        "The National Weather Service warned",
    ] {
        assert_eq!(kind_of(nav, story), "body", "{story}");
    }
    assert_ne!(kind_of(nav, "Heat wave breaks records"), "body");
    assert_ne!(kind_of(nav, "Copyright 2023"), "body");

    let dek = article(&all, "standfirst.txt");
    assert_eq!(
        dek["title"],
        "Inflation in UK falls to 6.8% as fuel prices drop"
    );
    assert_eq!(dek["date"], "2023-08-16");
    assert_eq!(
        kind_of(dek, "Rate lowest since February 2022"),
        "body",
        "the standfirst is story"
    );
    assert_eq!(kind_of(dek, "Skip to main content"), "boilerplate");
    assert_eq!(kind_of(dek, "Wed 16 Aug 2023"), "meta");
    assert_eq!(kind_of(dek, "Photograph:"), "caption");
    assert_eq!(kind_of(dek, "Most viewed"), "boilerplate");
    assert_eq!(kind_of(dek, "Man arrested after stabbing"), "off_topic");
    let hunt = claim(dek, "The chancellor");
    assert_eq!(hunt["attribution"]["speaker"], "Jeremy Hunt");
}

#[test]
fn caption_labels_and_desk_lines() {
    let all = json(&["extract", "--json", &fixture("pages")]);
    let a = article(&all, "caption_labels.txt");
    assert_eq!(kind_of(a, "Image caption"), "caption");
    assert_eq!(
        kind_of(a, "Rescue teams search for survivors"),
        "caption",
        "the line after a caption label"
    );
    assert_eq!(
        kind_of(a, "BBC News"),
        "meta",
        "the desk line under the byline"
    );
    assert_eq!(kind_of(a, "More than 5,300 people"), "body");
    assert_eq!(kind_of(a, "More on this story"), "boilerplate");
    let died = &claim(a, "More than 5,300 people")["quantities"][0];
    assert_eq!(died["predicate"], "died");
    assert_eq!(died["canonical_unit"], "deaths");
}

#[test]
fn search_counts_one_match_in_the_singular() {
    let d = temp_dir("search-one");
    std::fs::write(
        d.join("a.txt"),
        "Bridge closes\n\nThe old bridge closed for 12 days of repairs, the council said.\n\nTraffic moved to the ferry.\n",
    )
    .unwrap();
    let out = bin().args(["search", "'council"]).arg(&d).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("1 matching claim · 0 loose"), "{text}");
    std::fs::remove_dir_all(&d).unwrap();
}
