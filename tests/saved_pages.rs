//! Pages as a user saves them: metadata from JSON-LD and OpenGraph, "Save page as" folders,
//! MHTML, legacy encodings and UTF-16. Every page is built here.

mod common;
use common::*;

use crosscheck::lexicon::Lexicon;
use serde_json::Value;

/// A news page: navigation, a story of `paragraphs`, related links and a footer; `head` goes
/// into `<head>`.
fn page(head: &str, title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head>{head}</head><body>\n\
         <header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>\n\
         <main><article><h1>{title}</h1>\n{body}</article>\n\
         <aside><h2>Related</h2><ul><li><a href=\"/a\">Markets close higher on tech gains</a></li>\
         <li><a href=\"/b\">Weekend weather: sun returns to the coast</a></li></ul></aside></main>\n\
         <footer>Copyright 2024. All rights reserved.</footer></body></html>"
    )
}

const STORY: [&str; 3] = [
    "The river burst its banks early on Tuesday and flooded the lower town, where about 2,000 people live, the regional governor said at a briefing in the afternoon.",
    "Rescue teams used boats to reach families on the upper floors of their homes, and the army sent two helicopters to lift people from roofs, officials said.",
    "Forecasters expect the water to fall slowly over the next three days, though more rain is due at the weekend, according to the national weather service.",
];

fn extract(dir: &std::path::Path) -> (Value, String) {
    let out = bin()
        .args(["extract", "--json", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn metadata_from_json_ld_and_opengraph() {
    let d = temp_dir("meta");
    let json_ld = r#"<script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "@id": "https://www.rivertown-herald.example/#website", "name": "Herald Online"},
          {"@type": "NewsMediaOrganization", "@id": "https://www.rivertown-herald.example/#org", "name": "Rivertown Herald"},
          {"@type": "Person", "@id": "https://www.rivertown-herald.example/#ana", "name": "Ana Costa"},
          {"@type": "NewsArticle", "headline": "River floods lower town as rescue teams use boats",
           "datePublished": "2024-03-05T07:10:00+00:00", "dateModified": "2024-03-06T09:00:00+00:00",
           "author": [{"@id": "https://www.rivertown-herald.example/#ana"}, {"@type": "Person", "name": "Tom Reyes"}],
           "publisher": {"@id": "https://www.rivertown-herald.example/#org"},
           "mainEntityOfPage": {"@type": "WebPage", "@id": "https://www.rivertown-herald.example/2024/03/05/floods"}}]}
        </script>
        <meta property="og:title" content="Floods: live | Rivertown Herald">
        <meta property="og:site_name" content="Herald Online">"#;
    std::fs::write(
        d.join("ld.html"),
        page(
            json_ld,
            "River floods lower town as rescue teams use boats",
            &STORY,
        ),
    )
    .unwrap();
    let og = r#"<title>Council votes to rebuild the old bridge - Valley Times</title>
        <meta property="og:title" content="Council votes to rebuild the old bridge">
        <meta property="og:site_name" content="Valley Times">
        <meta property="og:url" content="https://valleytimes.example/bridge">
        <meta property="article:published_time" content="2023-11-20T10:00:00Z">
        <meta property="article:modified_time" content="2023-11-21T08:30:00Z">
        <meta name="author" content="Priya Nair">"#;
    std::fs::write(
        d.join("og.html"),
        page(og, "Council votes to rebuild the old bridge", &STORY),
    )
    .unwrap();
    let bare = r#"<link rel="canonical" href="https://www.coastal-daily.example/news/floods">"#;
    std::fs::write(
        d.join("bare.html"),
        page(bare, "Floods hit the coast", &STORY).replace(
            "<article><h1>",
            "<article><time datetime=\"2022-08-14T12:00:00Z\">14 August</time><h1>",
        ),
    )
    .unwrap();
    let (all, _) = extract(&d);

    let ld = article(&all, "ld.html");
    assert_eq!(
        ld["title"],
        "River floods lower town as rescue teams use boats"
    );
    assert_eq!(ld["date"], "2024-03-05");
    assert_eq!(ld["date_source"], "metadata");
    assert_eq!(ld["modified"], "2024-03-06");
    assert_eq!(ld["byline"], "Ana Costa, Tom Reyes");
    assert_eq!(ld["outlet"], "Rivertown Herald");
    assert_eq!(
        ld["url"],
        "https://www.rivertown-herald.example/2024/03/05/floods"
    );
    assert_eq!(kind_of(ld, "The river burst its banks"), "body");
    // The related links repeat on every page of the folder: site furniture.
    assert_eq!(kind_of(ld, "Markets close higher"), "boilerplate");
    assert_eq!(kind_of(ld, "All rights reserved"), "boilerplate");

    let og = article(&all, "og.html");
    assert_eq!(og["title"], "Council votes to rebuild the old bridge");
    assert_eq!(og["date"], "2023-11-20");
    assert_eq!(og["modified"], "2023-11-21");
    assert_eq!(og["byline"], "Priya Nair");
    assert_eq!(og["outlet"], "Valley Times");
    assert_eq!(og["url"], "https://valleytimes.example/bridge");

    let bare = article(&all, "bare.html");
    assert_eq!(bare["date"], "2022-08-14");
    assert_eq!(bare["outlet"], "coastal-daily.example");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_saved_page_s_files_folder_is_not_an_article() {
    let d = temp_dir("files");
    std::fs::write(d.join("Floods hit.html"), page("", "Floods hit", &STORY)).unwrap();
    let assets = d.join("Floods hit_files");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::write(
        assets.join("ad-frame.html"),
        "<html><body><p>Win a cruise! Click here to enter our prize draw today, it only takes a minute.</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        assets.join("notes.txt"),
        "Tracking pixel configuration, version 2.",
    )
    .unwrap();
    std::fs::write(assets.join("style.css"), "body { color: red }").unwrap();
    // A folder named like a page's assets, with no page beside it, is read.
    let other = d.join("Archive_files");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("note.txt"),
        "Bridge closed\n\nThe old bridge closed on Monday for repairs that will take 6 months, the council said.\n",
    )
    .unwrap();
    let (all, _) = extract(&d);
    let paths: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("note.txt") && paths[1].ends_with("Floods hit.html"));
    std::fs::remove_dir_all(&d).unwrap();
}

/// `text` in a legacy encoding, every character mapped.
fn encoded(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

const KYIV: [&str; 2] = [
    "Київ. Уряд заявив у понеділок, що понад 300 будинків залишилися без світла після нічного обстрілу, а ремонтні бригади працюють цілодобово.",
    "За словами міського голови, електропостачання відновлять протягом двох днів, якщо погода дозволить роботи на лініях.",
];

#[test]
fn mhtml_with_quoted_printable_html() {
    let d = temp_dir("mhtml");
    let html = page(
        "<meta charset=\"windows-1251\"><title>Київ без світла</title>",
        "Київ без світла",
        &KYIV,
    );
    let qp: String = encoded(&html, encoding_rs::WINDOWS_1251)
        .chunks(60)
        .map(|line| {
            let mut s: String = line
                .iter()
                .map(|&b| {
                    if b.is_ascii_graphic() && b != b'=' || b == b' ' {
                        (b as char).to_string()
                    } else {
                        format!("={b:02X}")
                    }
                })
                .collect();
            s.push_str("=\r\n");
            s
        })
        .collect();
    let file = format!(
        "From: <Saved by a browser>\r\nSnapshot-Content-Location: https://kyiv-news.example/power\r\nSubject: =?utf-8?Q?Kyiv?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x1\"\r\n\r\n------MultipartBoundary--x1\r\nContent-Type: text/html; charset=\"windows-1251\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://kyiv-news.example/power\r\n\r\n{qp}\r\n------MultipartBoundary--x1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://kyiv-news.example/logo.png\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n------MultipartBoundary--x1--\r\n"
    );
    std::fs::write(d.join("power.mhtml"), file).unwrap();
    std::fs::write(d.join("broken.mht"), "not a MIME file at all").unwrap();
    let out = bin()
        .args(["extract", "--json", d.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.mht") && stderr.contains("MHTML"),
        "{stderr}"
    );
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = article(&all, "power.mhtml");
    assert_eq!(a["title"], "Київ без світла");
    assert_eq!(kind_of(a, "Уряд заявив у понеділок"), "body");
    assert_eq!(kind_of(a, "За словами міського голови"), "body");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn windows_1251_and_utf16_pages_decode() {
    let d = temp_dir("enc");
    let declared = page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>Київ без світла</title>",
        "Київ без світла",
        &KYIV,
    );
    std::fs::write(
        d.join("declared.html"),
        encoded(&declared, encoding_rs::WINDOWS_1251),
    )
    .unwrap();
    let plain = format!("Київ без світла\n\n{}\n\n{}\n", KYIV[0], KYIV[1]);
    std::fs::write(
        d.join("plain.txt"),
        encoded(&plain, encoding_rs::WINDOWS_1251),
    )
    .unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            page("<meta charset=\"utf-16\">", "Floods hit", &STORY)
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(d.join("utf16.html"), utf16).unwrap();
    let (all, stderr) = extract(&d);
    let declared = article(&all, "declared.html");
    assert_eq!(declared["title"], "Київ без світла");
    assert_eq!(kind_of(declared, "Уряд заявив у понеділок"), "body");
    let plain = article(&all, "plain.txt");
    assert_eq!(kind_of(plain, "Уряд заявив у понеділок"), "body");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("plain.txt") && l.contains("read as windows-1251 (detected)")),
        "{stderr}"
    );
    assert!(!stderr.contains("declared.html"), "{stderr}");
    let utf16 = article(&all, "utf16.html");
    assert_eq!(kind_of(utf16, "The river burst its banks"), "body");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn source_tags_tell_every_source_of_a_folder_apart() {
    let d = temp_dir("tags");
    for side in ["L", "LL", "M", "R", "RR"] {
        std::fs::write(
            d.join(format!("6_{side}.txt")),
            format!("Talks resume\n\nNegotiators from both sides met for 3 hours on Monday, the {side} report said.\n"),
        )
        .unwrap();
    }
    std::fs::write(
        d.join("wire.html"),
        page(
            "<meta property=\"og:site_name\" content=\"Valley Times\">",
            "Floods hit",
            &STORY,
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("wire2.html"),
        page(
            "<meta property=\"og:site_name\" content=\"Valley Times\">",
            "Floods hit again",
            &STORY,
        ),
    )
    .unwrap();
    let loaded = crosscheck::load(
        &[d.display().to_string()],
        &crosscheck::corpus::load::LoadOptions::default(),
    );
    let index = crosscheck::index::Index::build(loaded.articles, Lexicon::global());
    assert_eq!(
        index.source_tags,
        [
            "6_L",
            "6_LL",
            "6_M",
            "6_R",
            "6_RR",
            "Valley Times·1",
            "Valley Times·2"
        ]
    );
    std::fs::remove_dir_all(&d).unwrap();
}
