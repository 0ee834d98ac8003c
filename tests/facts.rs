//! Facts on sets of reports about other events: a death toll rising over three days, a budget
//! in two currencies, a poll with and without its margin of error.

mod common;
use common::*;

use serde_json::Value;

fn facts_of(dir: &str) -> Value {
    json(&["facts", "--json", &fixture(dir)])
}

fn fact_containing<'a>(facts: &'a Value, quantity: &str) -> &'a Value {
    fact_where(facts, quantity, |q| q.contains(quantity))
}

#[test]
fn a_rising_death_toll_is_one_evolving_fact() {
    let f = facts_of("events/storm");
    let toll = fact_containing(&f, "27");
    let members = member_quantities(toll);
    assert!(members.iter().any(|m| m.contains("12")), "{members:?}");
    assert!(members.iter().any(|m| m.contains("41")), "{members:?}");
    assert_eq!(toll["verdict"], "evolving");
    assert_eq!(toll["independent_sources"], 3);
    let shelters = fact_containing(&f, "40,000");
    assert_ne!(
        shelters["id"], toll["id"],
        "people in shelters are not deaths"
    );
    assert_eq!(shelters["verdict"], "agree");
}

#[test]
fn a_budget_in_two_currencies_agrees() {
    let f = facts_of("events/budget");
    let budget = fact_containing(&f, "4.2 billion");
    let members = member_quantities(budget);
    assert!(
        members.iter().any(|m| m.contains("$4.5 billion")),
        "{members:?}"
    );
    assert_eq!(budget["verdict"], "agree");
    let ships = fact_containing(&f, "900 million");
    assert_ne!(
        ships["id"], budget["id"],
        "a part of the budget is another figure"
    );
}

#[test]
fn a_poll_with_and_without_its_margin_agrees() {
    let f = facts_of("events/poll");
    let share = fact_containing(&f, "34");
    assert_eq!(share["sources"], 2);
    assert_eq!(share["verdict"], "agree");
    let members = member_quantities(share);
    assert!(
        !members.iter().any(|m| m.contains('3') && !m.contains("34")),
        "the margin is not the share: {members:?}"
    );
}

#[test]
fn a_revised_toll_says_why_it_evolves() {
    let f = facts_of("events/storm");
    let toll = fact_containing(&f, "41");
    assert_eq!(
        toll["reason"],
        "41 (Mar 3) is above at least 12 (Mar 1): rising"
    );
    assert_eq!(toll["reason_detail"]["rule"], "rising");
    let compared = toll["reason_detail"]["compared"].as_array().unwrap();
    assert_eq!(compared.len(), 2);
    assert_eq!(compared[0]["date"], "2023-03-01");
    assert_eq!(compared[1]["date"], "2023-03-03");
}

#[test]
fn a_fine_in_euros_agrees_with_its_dollar_figure_at_that_years_rate() {
    let f = facts_of("events/fine");
    let fine = fact_containing(&f, "€2.8bn");
    let members = member_quantities(fine);
    assert!(members.contains(&"$3.5 billion"), "{members:?}");
    assert_eq!(fine["verdict"], "agree");
    assert_eq!(
        fine["reason"],
        "€2.8bn ≈ $3.3bn at 2018 rates, within 6% of $3.5 billion"
    );
    let conversion = &fine["reason_detail"]["conversions"][0];
    assert_eq!(conversion["from"], "EUR");
    assert_eq!(conversion["year"], 2018);
    assert_eq!(conversion["rate"][0], 1.18);
    let durations: Vec<&Value> = f["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["kind"] == "duration")
        .collect();
    assert!(
        durations.iter().all(|d| d["sources"] == 1),
        "90 days to comply and two years of appeal are different things: {durations:?}"
    );
}

#[test]
fn hundreds_of_thousands_against_millions_is_a_conflict_of_magnitude() {
    let f = facts_of("events/petition");
    let signatures = fact_containing(&f, "hundreds of thousands of signatures");
    let members = member_quantities(signatures);
    assert!(
        members.contains(&"more than 1.8 million signatures"),
        "{members:?}"
    );
    assert_eq!(signatures["verdict"], "conflict");
    assert_eq!(signatures["reason_detail"]["rule"], "magnitude");
    assert!(
        signatures["reason"]
            .as_str()
            .unwrap()
            .ends_with("a different order of magnitude"),
        "{}",
        signatures["reason"]
    );
}

#[test]
fn ages_and_counts_of_one_thing_are_not_facts() {
    let f = facts_of("events/petition");
    for junk in ["23", "One question"] {
        assert!(
            !f["facts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| member_quantities(x).iter().any(|q| q.starts_with(junk))),
            "{junk} became a fact: {f:#}"
        );
    }
}

#[test]
fn durations_join_only_with_a_shared_subject() {
    let f = facts_of("events/ceasefire");
    let truce = fact_containing(&f, "30-day");
    assert_eq!(truce["sources"], 2);
    assert_eq!(truce["verdict"], "agree");
    let members = member_quantities(truce);
    assert!(!members.contains(&"two weeks"), "{members:?}");
    let talks = fact_containing(&f, "two weeks");
    assert_eq!(talks["verdict"], "single");
    let convoys = fact_containing(&f, "about three days");
    assert_eq!(convoys["verdict"], "single");
    assert_ne!(talks["id"], convoys["id"]);
    assert!(
        !f["facts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| member_quantities(x).contains(&"10 years")),
        "'10 years ago' places a truce in time; it measures nothing"
    );
}

#[test]
fn durations_join_when_their_subjects_are_synonyms() {
    let f = facts_of("events/talks");
    let summit = fact_containing(&f, "three-day");
    let members = member_quantities(summit);
    assert!(members.contains(&"three days"), "{members:?}");
    assert_eq!(summit["verdict"], "agree");
    assert_eq!(summit["sources"], 2);
    let dispute = fact_containing(&f, "18 months");
    assert_eq!(dispute["verdict"], "single");
    assert_ne!(dispute["id"], summit["id"]);
}

#[test]
fn synonyms_of_the_counted_noun_join_and_other_counts_stay_apart() {
    let f = facts_of("events/summit");
    let venues = fact_containing(&f, "four sites");
    assert!(member_quantities(venues).contains(&"Four locations"));
    assert_eq!(venues["verdict"], "agree");
    let protesters = fact_containing(&f, "More than 300 protesters");
    assert_eq!(protesters["verdict"], "single");
    let people = fact_containing(&f, "5,000 people");
    assert_ne!(people["id"], protesters["id"]);
    assert_eq!(people["sources"], 1);
}

#[test]
fn facts_text_output_gives_each_verdict_its_reason() {
    let out = bin()
        .args(["facts", &fixture("events/storm")])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("    why: 41 (Mar 3) is above at least 12 (Mar 1): rising"),
        "{text}"
    );
}

/// Claim pairs across reports that `extract --json` puts in one cluster, by (report, first
/// words) of each claim.
fn clustered_pairs(dir: &str) -> Vec<((String, String), (String, String))> {
    let all = json(&["extract", "--json", &fixture(dir)]);
    let mut claims: Vec<(String, String, String)> = Vec::new();
    for a in all.as_array().unwrap() {
        let path = a["path"].as_str().unwrap();
        let report = path.rsplit('/').take(2).collect::<Vec<_>>();
        let report = format!("{}/{}", report[1], report[0]);
        for c in a["claims"].as_array().unwrap() {
            if let Some(cluster) = c["cluster"].as_str() {
                let text = c["text"].as_str().unwrap().to_string();
                claims.push((report.clone(), text, cluster.to_string()));
            }
        }
    }
    let mut pairs = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if a.0 != b.0 && a.2 == b.2 {
                pairs.push(((a.0.clone(), a.1.clone()), (b.0.clone(), b.1.clone())));
            }
        }
    }
    pairs
}

#[test]
fn claims_reporting_one_event_are_clustered_and_others_are_not() {
    let pairs = clustered_pairs("clusters");
    let linked = |a: &str, b: &str| {
        pairs.iter().any(|(x, y)| {
            let m = |c: &(String, String), w: &str| {
                let (r, t) = w.split_once(':').unwrap();
                c.0 == r && c.1.starts_with(t)
            };
            (m(x, a) && m(y, b)) || (m(x, b) && m(y, a))
        })
    };
    for (a, b) in [
        (
            "bridge/a.txt:Engineers closed",
            "bridge/b.txt:Inspectors discovered",
        ),
        (
            "strike/a.txt:Dock workers",
            "strike/b.txt:Workers at Dunmore",
        ),
        (
            "vote/a.txt:Lawmakers in Valdora",
            "vote/b.txt:Valdora's parliament",
        ),
        (
            "bridge/a.txt:Mayor Elsa Brandt",
            "bridge/c.txt:Mayor Elsa Brandt",
        ),
    ] {
        assert!(linked(a, b), "{a} ~ {b} not clustered: {pairs:#?}");
    }
    for (a, b) in [
        ("bridge/b.txt:Local shops", "strike/b.txt:Fruit importers"),
        ("vote/b.txt:Water companies", "vote/c.txt:Farmers' groups"),
        (
            "strike/b.txt:The port authority said",
            "bridge/b.txt:The bridge will remain",
        ),
    ] {
        assert!(!linked(a, b), "{a} ~ {b} clustered");
    }
}

/// Linking scored on the five-outlet events of tests/fixtures/events against their gold
/// (gold.json beside them: every figure a reader would compare, and which measure the same
/// thing): pairs of figures in different reports that the tool links (same fact) against
/// pairs the gold links, and the verdicts of the gold's facts the tool links.
struct Scored {
    linked: usize,
    right: usize,
    gold: usize,
    verdicts: usize,
    verdicts_right: usize,
    errors: Vec<String>,
}

fn score_event(event: &str, gold: &Value) -> Scored {
    let dir = fixture(&format!("events/{event}"));
    let articles = json(&["extract", "--json", &dir]);
    let facts = json(&["facts", "--json", &dir]);
    let verdict_of = |id: &str| {
        facts["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| f["verdict"].as_str().unwrap().to_string())
    };
    // Each gold mention: (id, report, gold fact, the tool's fact id if the figure is read).
    let mut mentions: Vec<(String, String, String, Option<String>)> = Vec::new();
    for m in gold["mentions"].as_array().unwrap() {
        let doc = m["doc"].as_str().unwrap();
        let a = article(&articles, &format!("/{doc}.txt"));
        let text = a["text"].as_str().unwrap();
        let (snippet, figure) = (
            m["sentence"].as_str().unwrap(),
            m["figure"].as_str().unwrap(),
        );
        let at = text.find(snippet).expect("gold snippet in its report")
            + snippet.find(figure).expect("figure in its snippet");
        let fact = claims(a)
            .iter()
            .flat_map(|c| c["quantities"].as_array().unwrap())
            .find(|q| {
                let (s, e) = (
                    q["start"].as_u64().unwrap() as usize,
                    q["end"].as_u64().unwrap() as usize,
                );
                s < at + figure.len() && at < e
            })
            .and_then(|q| q["fact"].as_str().map(String::from));
        mentions.push((
            format!("{doc}:{figure}"),
            doc.to_string(),
            m["fact"].as_str().unwrap().to_string(),
            fact,
        ));
    }
    let mut s = Scored {
        linked: 0,
        right: 0,
        gold: 0,
        verdicts: 0,
        verdicts_right: 0,
        errors: vec![],
    };
    for (i, a) in mentions.iter().enumerate() {
        for b in &mentions[i + 1..] {
            if a.1 == b.1 {
                continue;
            }
            let same_gold = a.2 == b.2;
            let same_tool = a.3.is_some() && a.3 == b.3;
            s.gold += usize::from(same_gold);
            s.linked += usize::from(same_tool);
            s.right += usize::from(same_gold && same_tool);
            if same_tool && !same_gold {
                s.errors
                    .push(format!("{event}: wrong link {} ~ {}", a.0, b.0));
            }
        }
    }
    for f in gold["facts"].as_array().unwrap() {
        let members: Vec<&(String, String, String, Option<String>)> = mentions
            .iter()
            .filter(|m| m.2 == f["id"].as_str().unwrap())
            .collect();
        let mut ids: Vec<&str> = members.iter().filter_map(|m| m.3.as_deref()).collect();
        ids.sort_unstable();
        let Some(top) = ids.chunk_by(|a, b| a == b).max_by_key(|run| run.len()) else {
            continue;
        };
        if f["verdict"] == "single" || top.len() < 2 {
            continue;
        }
        s.verdicts += 1;
        let got = verdict_of(top[0]);
        if got.as_deref() == f["verdict"].as_str() {
            s.verdicts_right += 1;
        } else {
            s.errors.push(format!(
                "{event}: {} is {got:?}, not {}",
                f["label"], f["verdict"]
            ));
        }
    }
    s
}

#[test]
fn five_outlet_events_link_what_measures_the_same_thing() {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("events/gold.json")).unwrap())
            .unwrap();
    let events = gold["events"].as_object().unwrap();
    let (mut linked, mut right, mut pairs, mut verdicts, mut verdicts_right) = (0, 0, 0, 0, 0);
    let mut errors = Vec::new();
    for (event, g) in events {
        let s = score_event(event, g);
        linked += s.linked;
        right += s.right;
        pairs += s.gold;
        verdicts += s.verdicts;
        verdicts_right += s.verdicts_right;
        errors.extend(s.errors);
    }
    let precision = right as f64 / linked.max(1) as f64;
    let recall = right as f64 / pairs.max(1) as f64;
    let summary = format!(
        "pairs P {precision:.2} R {recall:.2} ({right} of {linked} linked, {pairs} in gold), verdicts {verdicts_right}/{verdicts}: {errors:#?}"
    );
    assert!(precision >= 0.95, "{summary}");
    assert!(recall >= 0.5, "{summary}");
    // One known miss: a toll of evacuees whose first figure names residents and the later
    // ones people, with little else in common, stays apart; the later figures agree.
    assert!(verdicts_right + 1 >= verdicts, "{summary}");
}

/// Pair precision, recall and F1 of a clustering of claims against labels: over pairs of
/// claims of different reports, linked when `linked(a, b)`.
fn pair_f1(
    claims: &[(String, String, Option<String>)],
    label: &[Option<&str>],
    linked: impl Fn(usize, usize) -> bool,
) -> (f64, f64, f64) {
    let (mut tp, mut predicted, mut gold) = (0, 0, 0);
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            if claims[i].0 == claims[j].0 {
                continue;
            }
            let g = label[i].is_some() && label[i] == label[j];
            let p = linked(i, j);
            gold += usize::from(g);
            predicted += usize::from(p);
            tp += usize::from(g && p);
        }
    }
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// A plain TF-IDF cosine of two claims' words (lowercase letters and digits, smoothed idf,
/// l2 norm): the baseline claim clusters must beat.
fn tfidf_cosines(texts: &[&str]) -> Vec<Vec<f64>> {
    let tokens: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            t.to_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        })
        .collect();
    let n = tokens.len() as f64;
    let mut df: std::collections::HashMap<&str, f64> = Default::default();
    for t in &tokens {
        let mut seen: Vec<&str> = t.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_default() += 1.0;
        }
    }
    let vectors: Vec<std::collections::HashMap<&str, f64>> = tokens
        .iter()
        .map(|t| {
            let mut v: std::collections::HashMap<&str, f64> = Default::default();
            for w in t {
                *v.entry(w.as_str()).or_default() += 1.0;
            }
            for (w, x) in v.iter_mut() {
                *x *= ((1.0 + n) / (1.0 + df[w])).ln() + 1.0;
            }
            let norm = v
                .values()
                .map(|x| x * x)
                .sum::<f64>()
                .sqrt()
                .max(f64::MIN_POSITIVE);
            v.values_mut().for_each(|x| *x /= norm);
            v
        })
        .collect();
    vectors
        .iter()
        .map(|a| {
            vectors
                .iter()
                .map(|b| a.iter().map(|(w, x)| x * b.get(w).unwrap_or(&0.0)).sum())
                .collect()
        })
        .collect()
}

/// Claim clusters against a labelled set: crosscheck's F1, and TF-IDF's at its best
/// threshold.
fn clusters_against_tfidf(dir: &str, gold: &str) -> ((f64, f64, f64), (f64, f64, f64)) {
    let all = json(&["extract", "--json", &fixture(dir)]);
    let mut claims: Vec<(String, String, Option<String>)> = Vec::new();
    for a in all.as_array().unwrap() {
        let path = a["path"].as_str().unwrap();
        let parts: Vec<&str> = path.rsplit('/').take(2).collect();
        let report = format!("{}/{}", parts[1], parts[0]);
        for c in a["claims"].as_array().unwrap() {
            claims.push((
                report.clone(),
                c["text"].as_str().unwrap().to_string(),
                c["cluster"].as_str().map(String::from),
            ));
        }
    }
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(gold)).unwrap()).unwrap();
    let mut label: Vec<Option<&str>> = vec![None; claims.len()];
    for (name, items) in gold["clusters"].as_object().unwrap() {
        for item in items.as_array().unwrap() {
            let (report, start) = item.as_str().unwrap().split_once(':').unwrap();
            let hits: Vec<usize> = (0..claims.len())
                .filter(|&i| claims[i].0 == report && claims[i].1.starts_with(start))
                .collect();
            if let [i] = hits[..] {
                label[i] = Some(name.as_str());
            }
        }
    }
    let ours = pair_f1(&claims, &label, |i, j| {
        claims[i].2.is_some() && claims[i].2 == claims[j].2
    });
    let texts: Vec<&str> = claims.iter().map(|c| c.1.as_str()).collect();
    let cos = tfidf_cosines(&texts);
    let tfidf = (5..96)
        .map(|t| pair_f1(&claims, &label, |i, j| cos[i][j] >= f64::from(t) / 100.0))
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .unwrap();
    (ours, tfidf)
}

#[test]
fn claim_clusters_beat_a_tfidf_cosine_on_five_outlet_events() {
    for (dir, gold) in [
        ("events", "events/clusters.json"),
        ("clusters", "clusters/gold.json"),
    ] {
        let (ours, tfidf) = clusters_against_tfidf(dir, gold);
        assert!(
            ours.2 > tfidf.2,
            "{dir}: crosscheck P {:.2} R {:.2} F1 {:.2}, TF-IDF at its best threshold P {:.2} R {:.2} F1 {:.2}",
            ours.0,
            ours.1,
            ours.2,
            tfidf.0,
            tfidf.1,
            tfidf.2
        );
    }
}

/// Seed 002 gives an area "at most" (a peak, an upper bound) and the smaller area held now;
/// seed 004 says "hundreds of square kilometers". The vague figure fits under the bound and
/// its sentence shares the bound's words ("territory"), so it joins the bound; the current
/// area, in a sentence sharing nothing but its unit, stays apart. (Which of the two a
/// reader means by "held" is a matter of tense, which linking does not read.)
#[test]
fn a_vague_area_joins_the_upper_bound_it_fits_under_and_not_the_current_area() {
    let f = json(&["facts", "--json"]);
    let peak = fact_where(&f, "about 1,376", |q| q == "about 1,376 square kilometers");
    assert!(
        member_quantities(peak).contains(&"hundreds of square kilometers"),
        "{peak:#}"
    );
    assert_eq!(peak["verdict"], "agree");
    let now = fact_where(&f, "approximately 800", |q| {
        q == "approximately 800 square kilometers"
    });
    assert_ne!(peak["id"], now["id"]);
}
