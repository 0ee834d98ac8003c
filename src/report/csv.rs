//! The report as CSV (RFC 4180): one row per figure of a reported fact, then one per marked
//! claim, for spreadsheets.

use super::{Quote, Report};
use crate::workspace::Mark;

const HEADER: &[&str] = &[
    "fact_id",
    "fact",
    "verdict",
    "reason",
    "fact_rating",
    "fact_note",
    "source",
    "path",
    "date",
    "figure",
    "value",
    "hedge",
    "speaker",
    "claim_rating",
    "claim_note",
    "offsets",
    "start",
    "end",
    "sha256",
    "text_sha256",
    "quote",
];

/// A field, quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn rating(m: Option<&Mark>) -> (String, String) {
    m.map_or((String::new(), String::new()), |m| {
        (m.rating.to_string(), m.note.clone())
    })
}

fn quote_fields(q: &Quote) -> [String; 6] {
    [
        match q.offsets {
            super::OffsetsIn::File => "file".into(),
            super::OffsetsIn::Text => "text".into(),
        },
        q.start.to_string(),
        q.end.to_string(),
        q.sha256.clone().unwrap_or_default(),
        q.text_sha256.clone(),
        q.quote.clone(),
    ]
}

/// The report as CSV.
pub fn render(r: &Report) -> String {
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|h| h.to_string()).collect()];
    for f in &r.facts {
        let (fr, fnote) = rating(f.mark.as_ref());
        for m in &f.members {
            let (cr, cnote) = rating(m.mark.as_ref());
            let mut row = vec![
                f.id.clone(),
                f.label.clone(),
                f.verdict.as_str().to_string(),
                f.reason.clone(),
                fr.clone(),
                fnote.clone(),
                m.source.clone(),
                m.path.clone(),
                m.date.clone().unwrap_or_default(),
                m.quantity.clone(),
                m.normalised.clone(),
                m.approx.clone().unwrap_or_default(),
                m.speaker.clone().unwrap_or_default(),
                cr,
                cnote,
            ];
            row.extend(quote_fields(&m.quote));
            rows.push(row);
        }
    }
    for c in &r.claims {
        let (cr, cnote) = rating(Some(&c.mark));
        let mut row = vec![String::new(); 6];
        row.extend([
            c.source.clone(),
            c.path.clone(),
            c.date.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            c.speaker.clone().unwrap_or_default(),
            cr,
            cnote,
        ]);
        row.extend(quote_fields(&c.quote));
        rows.push(row);
    }
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
