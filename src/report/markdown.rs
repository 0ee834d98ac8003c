//! The report as Markdown that reads on its own: a section and a table per fact, each quote
//! as a blockquote with where to check it.

use std::fmt::Write as _;

use super::figures::fmt_interval;
use super::{OffsetsIn, Quote, Report, ReportFact};
use crate::text::display_safe;
use crate::workspace::Mark;

/// "1 fact", "3 facts".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A table cell: one line, pipes escaped, control characters gone.
fn cell(s: &str) -> String {
    display_safe(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Running text: one line, control characters gone.
fn line(s: &str) -> String {
    display_safe(s).replace(['\n', '\r'], " ")
}

fn blockquote(out: &mut String, text: &str, indent: &str) {
    for l in display_safe(text).lines() {
        let _ = writeln!(out, "{indent}> {l}");
    }
}

fn mark_words(m: &Mark) -> String {
    if m.note.is_empty() {
        format!("**{}** ({})", m.rating, m.at)
    } else {
        format!("**{}**: {} ({})", m.rating, line(&m.note), m.at)
    }
}

/// Where a quote can be checked.
fn pinned(q: &Quote, path: &str) -> String {
    let path = line(path);
    match (q.offsets, &q.sha256) {
        (OffsetsIn::File, Some(sha)) => {
            format!("`{path}` bytes {}–{} (file sha256 `{sha}`)", q.start, q.end)
        }
        _ => format!(
            "`{path}`, extracted text bytes {}–{} (text sha256 `{}`)",
            q.start, q.end, q.text_sha256
        ),
    }
}

fn fact_section(out: &mut String, n: usize, f: &ReportFact) {
    let _ = writeln!(out, "## {n}. {}: {}\n", line(&f.label), f.verdict.as_str());
    let _ = writeln!(out, "**Why:** {}  ", line(&f.reason));
    if let Some(m) = &f.mark {
        let _ = writeln!(out, "**Review:** {}  ", mark_words(m));
    }
    let span = f.span.map_or(String::new(), |[a, b]| {
        format!(
            "Values span {} {} · ",
            fmt_interval((a, b)),
            line(&f.span_unit)
        )
    });
    let dates = match (&f.first_date, &f.last_date) {
        (Some(a), Some(b)) if a == b => format!(" · {a}"),
        (Some(a), Some(b)) => format!(" · {a} to {b}"),
        _ => " · undated".to_string(),
    };
    let _ = writeln!(
        out,
        "{span}{} sources ({} independent){dates} · id `{}`\n",
        f.sources, f.independent_sources, f.id
    );
    let _ = writeln!(
        out,
        "| # | Source | Date | As written | Value | Hedge | Speaker | Review |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for (i, m) in f.members.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            cell(&m.source),
            m.date.as_deref().unwrap_or("undated"),
            cell(&m.quantity),
            cell(&m.normalised),
            cell(m.approx.as_deref().unwrap_or("exact")),
            cell(m.speaker.as_deref().unwrap_or("")),
            m.mark.as_ref().map_or(String::new(), |x| {
                if x.note.is_empty() {
                    x.rating.to_string()
                } else {
                    format!("{}: {}", x.rating, cell(&x.note))
                }
            }),
        );
    }
    out.push('\n');
    for (i, m) in f.members.iter().enumerate() {
        let _ = writeln!(out, "{}. {}:", i + 1, pinned(&m.quote, &m.path));
        out.push('\n');
        blockquote(out, &m.quote.quote, "   ");
        out.push('\n');
    }
}

/// The report as Markdown.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Fact-check report\n");
    let marks = r.marks();
    let _ = writeln!(
        out,
        "{} · {} listed · {} in conflict · {} marked · generated {}{}\n",
        plural(r.articles, "article"),
        plural(r.facts.len(), "fact"),
        r.conflicts,
        marks,
        r.generated,
        r.author
            .as_deref()
            .map_or(String::new(), |a| format!(" by {}", line(a)))
    );
    let _ = writeln!(
        out,
        "Every quote is exactly the bytes at its offsets: of the file itself, whose sha256 is \
         given, or, for HTML, JSON and files whose bytes differ from their text, of the text \
         crosscheck extracts from the file (`crosscheck extract --json` gives it; its sha256 \
         is given).\n"
    );
    if r.facts.is_empty() {
        let _ = writeln!(out, "No facts to report.\n");
    }
    for (i, f) in r.facts.iter().enumerate() {
        fact_section(&mut out, i + 1, f);
    }
    if !r.claims.is_empty() {
        let _ = writeln!(out, "## Marked claims\n");
        for c in &r.claims {
            let who = c
                .speaker
                .as_deref()
                .map_or(String::new(), |s| format!(", {}", line(s)));
            let _ = writeln!(
                out,
                "### {} ({}){who}: {}\n",
                line(&c.source),
                c.date.as_deref().unwrap_or("undated"),
                c.mark.rating
            );
            blockquote(&mut out, &c.quote.quote, "");
            out.push('\n');
            if !c.mark.note.is_empty() {
                let _ = writeln!(out, "**Note:** {}  ", line(&c.mark.note));
            }
            let _ = writeln!(
                out,
                "Marked {} · {}\n",
                c.mark.at,
                pinned(&c.quote, &c.path)
            );
        }
    }
    out
}
