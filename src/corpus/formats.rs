//! Article formats: plain text, Markdown, HTML, and JSON / JSON Lines.

use serde_json::Value;

use super::html::html_document;
use super::{Document, Problem};

/// How a file's text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format a file extension names, if any.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }

    /// Guesses the format from the text itself.
    pub fn sniff(text: &str) -> Format {
        let t = text.trim_start();
        let lower: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || (lower.starts_with('<') && (lower.contains("<body") || lower.contains("<p")))
        {
            return Format::Html;
        }
        if t.starts_with('[') {
            return Format::Json;
        }
        if t.starts_with('{') {
            let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).take(3).collect();
            let each_line_object = lines.len() > 1
                && lines
                    .iter()
                    .all(|l| l.trim_start().starts_with('{') && l.trim_end().ends_with('}'));
            return if each_line_object {
                Format::JsonLines
            } else {
                Format::Json
            };
        }
        let md_lines = t
            .lines()
            .take(200)
            .filter(|l| {
                let l = l.trim_start();
                l.starts_with("# ")
                    || l.starts_with("## ")
                    || l.starts_with("```")
                    || (l.contains("](") && l.contains('['))
            })
            .count();
        if md_lines >= 2 || t.starts_with("---\n") && md_lines >= 1 {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// Documents parsed from one file, and what went wrong in it.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
}

/// Parses a decoded file into one or more documents.
pub fn parse_document(name: &str, text: &str, format: Format) -> Parsed {
    let mut out = Parsed::default();
    match format {
        Format::Text => out.documents.push(Document::plain(name, text.to_string())),
        Format::Markdown => out.documents.push(markdown(name, text)),
        Format::Html => push_html(name, text, &mut out),
        Format::Json => match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    json_article(&format!("{name}#{i}"), item, &mut out);
                }
            }
            Ok(v) => json_article(name, &v, &mut out),
            Err(e) => out.problems.push(Problem::error(
                name,
                format!(
                    "malformed JSON at line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            )),
        },
        Format::JsonLines => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let path = format!("{name}:{}", i + 1);
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => json_article(&path, &v, &mut out),
                    Err(e) => out.problems.push(Problem::error(
                        path,
                        format!("malformed JSON line, skipped: {e}"),
                    )),
                }
            }
        }
    }
    out
}

fn push_html(name: &str, html: &str, out: &mut Parsed) {
    let doc = html_document(name, html, &mut out.problems);
    if doc.text.trim().is_empty() {
        out.problems
            .push(Problem::error(name, "HTML page has no text in its body"));
    } else {
        out.documents.push(doc);
    }
}

const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "maintext",
    "article_text",
    "full_text",
    "description",
];
const TITLE_FIELDS: &[&str] = &["title", "headline", "name"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "publish_date",
    "date_publish",
    "pubDate",
    "datePublished",
    "created_at",
    "timestamp",
];
const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source",
    "site",
    "site_name",
    "publisher",
    "source_domain",
    "domain",
];
const BYLINE_FIELDS: &[&str] = &["byline", "author", "authors", "creator"];
const URL_FIELDS: &[&str] = &["url", "link", "canonical_url", "href"];

fn field<'a>(v: &'a Value, names: &[&str]) -> Option<&'a Value> {
    names
        .iter()
        .find_map(|n| v.get(*n))
        .filter(|v| !v.is_null())
}

/// A field as text: a string, a number, an object's `name`, or a list of those joined.
fn field_text(v: &Value, names: &[&str]) -> Option<String> {
    fn as_text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Object(o) => o.get("name").and_then(as_text),
            Value::Array(a) => {
                let parts: Vec<String> = a.iter().filter_map(as_text).collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
            _ => None,
        }
    }
    field(v, names)
        .and_then(as_text)
        .map(|s| super::decode::clean_text(&s))
}

fn json_article(path: &str, v: &Value, out: &mut Parsed) {
    if !v.is_object() {
        out.problems
            .push(Problem::error(path, "JSON article is not an object"));
        return;
    }
    let Some(body) = field_text(v, TEXT_FIELDS) else {
        out.problems.push(Problem::error(
            path,
            "JSON article has no text (expected a \"text\", \"body\" or \"content\" field)",
        ));
        return;
    };
    let mut doc = if Format::sniff(&body) == Format::Html {
        html_document(path, &body, &mut out.problems)
    } else {
        Document::structured(path, body)
    };
    doc.title = field_text(v, TITLE_FIELDS).or(doc.title);
    doc.date = field_text(v, DATE_FIELDS).or(doc.date);
    doc.outlet = field_text(v, OUTLET_FIELDS).or(doc.outlet);
    doc.byline = field_text(v, BYLINE_FIELDS).or(doc.byline);
    doc.url = field_text(v, URL_FIELDS).or(doc.url);
    out.documents.push(doc);
}

/// Markdown to plain paragraphs: markup stripped, headings kept as their own paragraphs,
/// front matter read for title, date and author.
fn markdown(name: &str, text: &str) -> Document {
    let mut doc = Document::structured(name, String::new());
    let mut body = text;
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---")
    {
        for line in rest[..end].lines() {
            if let Some((k, v)) = line.split_once(':') {
                let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
                match k.trim().to_ascii_lowercase().as_str() {
                    "title" => doc.title = Some(v),
                    "date" | "published" => doc.date = Some(v),
                    "author" | "byline" => doc.byline = Some(v),
                    "site" | "outlet" | "publisher" => doc.outlet = Some(v),
                    "url" => doc.url = Some(v),
                    _ => {}
                }
            }
        }
        body = rest[end + 4..].trim_start_matches(|c| c != '\n');
    }
    let mut paras: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    let flush = |current: &mut String, paras: &mut Vec<String>| {
        if !current.trim().is_empty() {
            paras.push(current.trim().to_string());
        }
        current.clear();
    };
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            flush(&mut current, &mut paras);
            continue;
        }
        if in_code {
            continue;
        }
        if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')) && t.len() >= 3 {
            flush(&mut current, &mut paras);
            continue;
        }
        let heading = t.starts_with('#');
        let is_item = t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("+ ")
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let stripped = strip_inline_markdown(
            t.trim_start_matches('#')
                .trim_start_matches('>')
                .trim_start_matches(['-', '*', '+'])
                .trim(),
        );
        let stripped = if is_item && !t.starts_with(['-', '*', '+']) {
            strip_inline_markdown(t.split_once(". ").map_or(t, |(_, r)| r))
        } else {
            stripped
        };
        if heading || is_item {
            flush(&mut current, &mut paras);
            if heading && doc.title.is_none() && t.starts_with("# ") {
                doc.title = Some(stripped.clone());
            }
            paras.push(stripped);
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&stripped);
        }
    }
    flush(&mut current, &mut paras);
    doc.text = paras.join("\n\n");
    doc
}

/// Removes emphasis, inline code, images and link targets, keeping the visible words.
fn strip_inline_markdown(s: &str) -> String {
    // Links and emphasis all hold one of these; most lines hold none and stay as they are.
    if !s.bytes().any(|b| matches!(b, b'[' | b'*' | b'`' | b'_')) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '!' && chars.get(i + 1) == Some(&'[')) || c == '[' {
            let open = if c == '!' { i + 1 } else { i };
            if let Some(close) = chars[open..]
                .iter()
                .position(|&c| c == ']')
                .map(|p| p + open)
                && chars.get(close + 1) == Some(&'(')
                && let Some(end) = chars[close..]
                    .iter()
                    .position(|&c| c == ')')
                    .map(|p| p + close)
            {
                if c != '!' {
                    out.extend(&chars[open + 1..close]);
                }
                i = end + 1;
                continue;
            }
        }
        let emphasis = matches!(c, '*' | '`')
            || (c == '_'
                && (i == 0
                    || !chars[i - 1].is_alphanumeric()
                    || chars.get(i + 1).is_none_or(|n| !n.is_alphanumeric())));
        if !emphasis {
            out.push(c);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(Format::sniff("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("[{\"text\": \"a\"}]"), Format::Json);
        assert_eq!(
            Format::sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(Format::sniff("{\n  \"text\": \"a\"\n}"), Format::Json);
        assert_eq!(
            Format::sniff("# Title\n\nSome text.\n\n## Section\n"),
            Format::Markdown
        );
        assert_eq!(Format::sniff("Plain headline\n\nPlain text."), Format::Text);
    }

    #[test]
    fn markdown_keeps_words_and_headings() {
        let p = parse_document(
            "a.md",
            "---\ntitle: Storm toll rises\ndate: 2023-03-02\n---\n# Storm toll rises\n\nThe **storm** killed [14 people](http://x.y) in _two_ days.\n\n![a photo](p.jpg)\n\n## What next\n",
            Format::Markdown,
        );
        let d = &p.documents[0];
        assert_eq!(d.title.as_deref(), Some("Storm toll rises"));
        assert_eq!(d.date.as_deref(), Some("2023-03-02"));
        assert_eq!(
            d.text,
            "Storm toll rises\n\nThe storm killed 14 people in two days.\n\nWhat next"
        );
    }

    #[test]
    fn html_keeps_navigation_as_text_and_drops_scripts() {
        let html = r#"<html><head><title>T</title><meta property="og:site_name" content="Daily Planet">
            <meta property="article:published_time" content="2024-05-01T10:00:00Z"></head>
            <body><nav>Home | World</nav><script>var x = 1;</script>
            <article><h1>Dam breaks</h1><p>Water rose <b>two</b> metres.</p><aside>Read also</aside></article>
            <footer>All rights reserved</footer></body></html>"#;
        let p = parse_document("p.html", html, Format::Html);
        let d = &p.documents[0];
        assert_eq!(
            d.text,
            "Home | World\n\nDam breaks\n\nWater rose two metres.\n\nRead also\n\nAll rights reserved"
        );
        assert_eq!(d.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(d.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(d.title.as_deref(), Some("Dam breaks"));
    }

    #[test]
    fn json_lines_keep_good_lines_and_name_bad_ones() {
        let text = "{\"title\": \"A\", \"text\": \"First.\"}\n{broken\n{\"title\": \"C\", \"body\": \"Third.\", \"source\": {\"name\": \"Wire\"}}\n{\"title\": \"D\"}\n";
        let p = parse_document("feed.jsonl", text, Format::JsonLines);
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.documents[1].outlet.as_deref(), Some("Wire"));
        assert_eq!(p.documents[1].path, "feed.jsonl:3");
        let paths: Vec<_> = p.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["feed.jsonl:2", "feed.jsonl:4"]);
    }
}
