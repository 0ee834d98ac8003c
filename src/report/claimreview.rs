//! schema.org ClaimReview (JSON-LD) for the marked claims and facts: the form fact-checkers
//! publish their verdicts in for search engines.

use serde_json::{Value, json};

use super::Report;
use crate::workspace::{Mark, Rating};

/// A rating on ClaimReview's 1 (false) to 5 (true) scale, where the rating has a place on it.
fn scale(r: Rating) -> Option<u8> {
    match r {
        Rating::False => Some(1),
        Rating::Misleading => Some(2),
        Rating::Disputed => Some(3),
        Rating::Verified => Some(5),
        Rating::Unverifiable => None,
    }
}

fn title_case(r: Rating) -> String {
    let s = r.as_str();
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn review_rating(m: &Mark) -> Value {
    let mut v = json!({
        "@type": "Rating",
        "alternateName": title_case(m.rating),
        "bestRating": 5,
        "worstRating": 1,
    });
    if let Some(n) = scale(m.rating) {
        v["ratingValue"] = json!(n);
    }
    v
}

/// Where a claim appeared: one report.
fn appearance(r: &Report, path: &str) -> Value {
    let info = r.sources.get(path).cloned().unwrap_or_default();
    let mut v = json!({ "@type": "CreativeWork", "identifier": path });
    if let Some(t) = info.title {
        v["headline"] = json!(t);
    }
    if let Some(u) = info.url {
        v["url"] = json!(u);
    }
    if let Some(d) = info.date {
        v["datePublished"] = json!(d);
    }
    if let Some(o) = info.outlet {
        v["publisher"] = json!({ "@type": "Organization", "name": o });
    }
    v
}

fn review(
    r: &Report,
    claim: &str,
    mark: &Mark,
    speaker: Option<&str>,
    appearances: Vec<Value>,
) -> Value {
    let mut item = json!({ "@type": "Claim", "appearance": appearances });
    if let Some(s) = speaker {
        item["author"] = json!({ "@type": "Person", "name": s });
    }
    let mut v = json!({
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "datePublished": mark.at.get(..10).unwrap_or(&mark.at),
        "reviewRating": review_rating(mark),
        "itemReviewed": item,
    });
    if !mark.note.is_empty() {
        v["reviewBody"] = json!(mark.note);
    }
    if let Some(a) = &r.author {
        v["author"] = json!({ "@type": "Organization", "name": a });
    }
    v
}

/// A JSON-LD document: a ClaimReview for each marked claim, then each marked fact.
pub fn render(r: &Report) -> Value {
    let mut graph: Vec<Value> = r
        .claims
        .iter()
        .map(|c| {
            review(
                r,
                &c.quote.quote,
                &c.mark,
                c.speaker.as_deref(),
                vec![appearance(r, &c.path)],
            )
        })
        .collect();
    for f in r.facts.iter() {
        let Some(mark) = &f.mark else { continue };
        let mut paths: Vec<&str> = f.members.iter().map(|m| m.path.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        let claim = format!("{}: {}", f.label, f.values.join(" · "));
        graph.push(review(
            r,
            &claim,
            mark,
            None,
            paths.into_iter().map(|p| appearance(r, p)).collect(),
        ));
    }
    json!({ "@context": "https://schema.org", "@graph": graph })
}
