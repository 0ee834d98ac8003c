//! The embedded seed corpus through the binary: noise removal, metadata, figures, speakers,
//! facts and diffs as a reader of these five reports would check them.

mod common;
use common::*;

#[test]
fn story_paragraphs_are_body_and_noise_is_not() {
    let all = json(&["extract", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 5);
    let a = article(&all, "000_3a61d13428b3c666.txt");
    for story in [
        "Ukrainian soldiers are holding off",
        "Zelensky's statement came",
        "Kyiv launched the surprise",
        "The Kursk incursion was also",
        "According to Commander-in-Chief",
        "Zelensky has previously said",
    ] {
        assert_eq!(kind_of(a, story), "body", "{story}");
    }
    assert_eq!(kind_of(a, "Skip to content"), "boilerplate");
    assert_eq!(kind_of(a, "indicates required"), "boilerplate");
    assert_eq!(kind_of(a, "Thank you for signing up"), "boilerplate");
    assert_eq!(kind_of(a, "This audio is created"), "boilerplate");
    assert_eq!(
        kind_of(a, "Trump pauses US foreign development aid"),
        "off_topic"
    );
    assert_eq!(kind_of(a, "Defense Minister Rustem Umerov"), "off_topic");
    assert_eq!(kind_of(a, "For 2nd day straight"), "off_topic");
    assert_eq!(
        kind_of(a, "A checkpoint with Ukrainian military personnel"),
        "caption"
    );
    assert_eq!(kind_of(a, "by Kateryna Denisova"), "meta");

    let b = article(&all, "001_52ff78215ff53142.txt");
    assert_eq!(kind_of(b, "Meanwhile, amid rumors"), "body");
    assert_eq!(kind_of(b, "Elon Musk Joins Call"), "off_topic");
    assert_eq!(kind_of(b, "Join NewsTrack"), "boilerplate");

    let c = article(&all, "002_7bc8560885d1862f.txt");
    assert_eq!(kind_of(c, "At most, we controlled"), "body");
    assert_eq!(kind_of(c, "You could close this page"), "boilerplate");
    assert_eq!(kind_of(c, "Read more"), "boilerplate");

    let d = article(&all, "003_61728f3f3aa5c50a.txt");
    assert_eq!(kind_of(d, "Nearly 60,000 Russian army personnel"), "body");
    assert_eq!(kind_of(d, "The Votkinsk Plant"), "off_topic");
    assert_eq!(kind_of(d, "Hlib Benia"), "off_topic");
    assert_eq!(kind_of(d, "Show More"), "boilerplate");

    let e = article(&all, "004_9198fc828b265cef.txt");
    assert_eq!(
        kind_of(e, "Given the incoming Trump administration"),
        "body"
    );
    assert_eq!(kind_of(e, "pic.twitter.com"), "boilerplate");
    assert_eq!(kind_of(e, "@Archer83Able"), "boilerplate");
}

#[test]
fn titles_and_dates() {
    let all = json(&["extract", "--json"]);
    let want = [
        (
            "000_3a61d13428b3c666.txt",
            "Ukraine holds off nearly 50,000 Russian troops in Kursk Oblast, Zelensky says",
            Some("2024-11-11"),
        ),
        (
            "001_52ff78215ff53142.txt",
            "Ukraine: Forces Battling 50,000 troops in Russia’s Kursk region",
            None,
        ),
        (
            "002_7bc8560885d1862f.txt",
            "Reuters: Ukraine loses 40% of captured territory in Russia’s Kursk",
            Some("2024-11-23"),
        ),
        (
            "003_61728f3f3aa5c50a.txt",
            "Russia has deployed nearly 60,000 troops to Kursk Oblast, media reports",
            Some("2024-11-22"),
        ),
        (
            "004_9198fc828b265cef.txt",
            "Russia Has Surged 50,000 Troops Into Kursk Region To Boot Ukrainian Army",
            // No date in its lede: the only full date is an embedded post's, far down.
            None,
        ),
    ];
    for (path, title, date) in want {
        let a = article(&all, path);
        assert_eq!(a["title"], title, "{path}");
        assert_eq!(a["date"].as_str(), date, "{path}");
    }
    assert_eq!(
        article(&all, "000_3a61d13428b3c666.txt")["byline"],
        "Kateryna Denisova"
    );
}

/// The figure in the claim containing `needle`, as (value, low, high, approx, kind).
fn figure(
    a: &serde_json::Value,
    needle: &str,
    text: &str,
) -> (
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<String>,
    String,
) {
    let c = claim(a, needle);
    let q = c["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().is_some_and(|t| t.contains(text)))
        .unwrap_or_else(|| panic!("no figure {text:?} in {:?}", c["text"]));
    (
        q["value"].as_f64(),
        q["low"].as_f64(),
        q["high"].as_f64(),
        q["approx"].as_str().map(String::from),
        q["kind"].as_str().unwrap().to_string(),
    )
}

#[test]
fn every_explicit_figure_with_value_kind_and_hedge() {
    let all = json(&["extract", "--json"]);
    let a = article(&all, "000_3a61d13428b3c666.txt");
    assert_eq!(
        figure(a, "Ukrainian soldiers are holding", "50,000"),
        (
            Some(50000.0),
            None,
            Some(50000.0),
            Some("nearly".into()),
            "count".into()
        )
    );
    assert_eq!(
        figure(a, "Around 11,000", "11,000"),
        (
            Some(11000.0),
            None,
            None,
            Some("around".into()),
            "count".into()
        )
    );
    assert_eq!(figure(a, "7,905", "7,905").0, Some(7905.0));
    assert_eq!(figure(a, "7,905", "12,220").0, Some(12220.0));
    assert_eq!(figure(a, "7,905", "717").0, Some(717.0));
    assert_eq!(figure(a, "7,905", "three months").4, "duration");
    assert_eq!(figure(a, "thousands of North Korean", "thousands").0, None);
    let c = article(&all, "002_7bc8560885d1862f.txt");
    assert_eq!(
        figure(c, "lost control", "40%"),
        (
            Some(40.0),
            Some(40.0),
            None,
            Some("more than".into()),
            "percent".into()
        )
    );
    assert_eq!(figure(c, "At most", "1,376").4, "area");
    assert_eq!(figure(c, "At most", "531").4, "area");
    assert_eq!(
        figure(c, "approximately 800", "800").3.as_deref(),
        Some("approximately")
    );
    assert_eq!(
        figure(c, "59,000 troops, including", "59,000").0,
        Some(59000.0)
    );
    let d = article(&all, "003_61728f3f3aa5c50a.txt");
    assert_eq!(
        figure(d, "Nearly 60,000 Russian army", "60,000").2,
        Some(60000.0)
    );
    let e = article(&all, "004_9198fc828b265cef.txt");
    assert_eq!(
        figure(e, "50,000-strong", "50,000").3.as_deref(),
        Some("nearly")
    );
    assert_eq!(
        figure(e, "some 11,000", "11,000").3.as_deref(),
        Some("some")
    );
    let b = article(&all, "001_52ff78215ff53142.txt");
    assert_eq!(figure(b, "over 10,000", "10,000").1, Some(10000.0));
    assert_eq!(
        figure(b, "an estimated 50,000", "50,000").3.as_deref(),
        Some("an estimated")
    );
    for a in all.as_array().unwrap() {
        for c in claims(a) {
            for q in c["quantities"].as_array().unwrap() {
                let t = q["text"].as_str().unwrap();
                assert!(
                    !t.contains("2024") && !t.contains("5:20") && !t.contains("M-1978"),
                    "not a quantity: {t}"
                );
            }
        }
    }
}

#[test]
fn named_speakers() {
    let all = json(&["extract", "--json"]);
    let speaker = |path: &str, needle: &str| -> String {
        claim(article(&all, path), needle)["attribution"]["speaker"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(
        speaker("000_3a61d13428b3c666.txt", "Ukrainian soldiers are holding").contains("Zelensky")
    );
    assert_eq!(
        speaker("000_3a61d13428b3c666.txt", "Zelensky's statement came"),
        "The New York Times"
    );
    assert!(
        speaker(
            "000_3a61d13428b3c666.txt",
            "According to Commander-in-Chief"
        )
        .starts_with("Oleksandr Syrsky")
    );
    assert!(speaker("001_52ff78215ff53142.txt", "The President stated").contains("Zelensky"));
    assert_eq!(
        speaker("001_52ff78215ff53142.txt", "The paper also suggests"),
        "The New York Times"
    );
    assert!(
        speaker("001_52ff78215ff53142.txt", "Gen. Syrskyy added").starts_with("Oleksandr Syrsky")
    );
    assert_eq!(
        speaker("001_52ff78215ff53142.txt", "initially reported"),
        "Institute for the Study of War"
    );
    assert_eq!(
        speaker("002_7bc8560885d1862f.txt", "Reuters: Ukraine loses"),
        "Reuters"
    );
    let relayed = &claim(
        article(&all, "003_61728f3f3aa5c50a.txt"),
        "Suspilne reported",
    )["attribution"];
    assert_eq!(relayed["via"][0], "Suspilne");
    assert_eq!(relayed["named"], false);
    let cnn = &claim(
        article(&all, "004_9198fc828b265cef.txt"),
        "A US official told CNN",
    )["attribution"];
    assert_eq!(cnn["named"], false);
    assert_eq!(cnn["via"][0], "CNN");
}

#[test]
fn spellings_of_one_name_fold_across_reports() {
    let all = json(&["extract", "--json"]);
    let b = claim(
        article(&all, "001_52ff78215ff53142.txt"),
        "Gen. Syrskyy added",
    );
    let a = claim(
        article(&all, "000_3a61d13428b3c666.txt"),
        "According to Commander-in-Chief",
    );
    assert_eq!(a["attribution"]["speaker"], b["attribution"]["speaker"]);
    let kyiv = claim(
        article(&all, "004_9198fc828b265cef.txt"),
        "which Kiev was hoping",
    )["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "Kiev" && e["canonical"] == "Kyiv");
    assert!(kyiv);
}

fn fact_with<'a>(facts: &'a serde_json::Value, quantity: &str) -> &'a serde_json::Value {
    fact_where(facts, quantity, |q| q == quantity)
}

#[test]
fn facts_link_figures_across_reports() {
    let facts = json(&["facts", "--json"]);
    let troops = fact_with(&facts, "59,000 troops");
    assert_eq!(troops["verdict"], "evolving");
    let members = member_quantities(troops);
    assert!(members.contains(&"nearly 50,000 Russian troops"));
    assert!(members.contains(&"Nearly 60,000 Russian army personnel"));
    assert!(!members.iter().any(|m| m.contains("North Korean")));

    let nk = fact_with(&facts, "Around 11,000 North Korean soldiers");
    assert_eq!(nk["verdict"], "agree");
    let nk_members = member_quantities(nk);
    assert!(nk_members.contains(&"over 10,000 North Korean soldiers"));
    assert!(nk_members.contains(&"some 11,000 North Korean troops"));

    let killed = fact_with(&facts, "7,905 soldiers");
    assert_eq!(killed["sources"], 2);
    assert_eq!(killed["independent_sources"], 1);

    let early = fact_with(&facts, "11,000 troops");
    assert_ne!(early["id"], nk["id"]);
    assert_ne!(early["id"], troops["id"]);
}

#[test]
fn arithmetic_within_a_report() {
    let facts = json(&["facts", "--json"]);
    let checks = facts["checks"].as_array().unwrap();
    assert!(checks.iter().any(|c| c["consistent"] == true
        && c["description"].as_str().unwrap().contains("more than 40%")
        && c["description"].as_str().unwrap().contains("1,376")));
}

#[test]
fn diff_of_two_pages_of_one_outlet_marks_shared_paragraphs_same() {
    let d = json(&[
        "diff",
        "seeds/000_3a61d13428b3c666.txt",
        "seeds/003_61728f3f3aa5c50a.txt",
        "--json",
    ]);
    let rows = d["rows"].as_array().unwrap();
    let same: Vec<&str> = rows
        .iter()
        .filter(|r| r["relation"] == "same")
        .map(|r| r["left"]["text"].as_str().unwrap())
        .collect();
    assert!(
        same.iter()
            .any(|t| t.starts_with("According to Commander-in-Chief"))
    );
    assert!(
        same.iter()
            .any(|t| t.starts_with("Around 11,000 North Korean soldiers"))
    );
    assert!(
        rows.iter()
            .any(|r| r["relation"] == "same" && r["copied"] == true)
    );
    let s = &d["summary"];
    let total: u64 = ["same", "similar", "conflict", "left_only", "right_only"]
        .iter()
        .map(|k| s[k].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, rows.len());
}

#[test]
fn diff_shows_the_troop_figure_conflict() {
    let d = json(&[
        "diff",
        "seeds/002_7bc8560885d1862f.txt",
        "seeds/000_3a61d13428b3c666.txt",
        "--json",
    ]);
    let conflict = d["rows"].as_array().unwrap().iter().any(|r| {
        r["relation"] == "conflict"
            && r["left"]["text"].as_str().unwrap().contains("59,000")
            && r["right"]["text"].as_str().unwrap().contains("50,000")
    });
    assert!(conflict, "{:#}", d["summary"]);
}
