//! A saved web page to a [`Document`]: every visible block of the page in order, each marked
//! with whether the main-text extractor (the `trafilatura` crate) kept it, and the metadata
//! the page publishes.
//!
//! The extractor decides what is the story; [`super::clean`] then refines the kinds, so what
//! the extractor drops stays in the text as page noise instead of vanishing.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{Block, Document, Extracted, Problem, align, bounds, page_meta};

/// Tags whose content is never shown as text.
const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "canvas", "video", "audio",
    "object", "embed", "select", "option", "textarea", "input", "button", "math",
];

/// Tags that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "menu",
    "dialog",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "table",
    "tr",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "address",
    "time",
    "body",
    "details",
    "summary",
    "caption",
    "fieldset",
    "legend",
    "center",
];

/// Cells of a table row: one block per row, the cells apart.
const CELL_TAGS: &[&str] = &["td", "th"];

/// A page to a document: its blocks, which of them the extractor kept, and its metadata. A
/// page past the bounds of [`bounds`] is cut down to them, with a warning for each cut, and
/// read without the extractor.
pub fn html_document(name: &str, html: &str, problems: &mut Vec<Problem>) -> Document {
    let (html, cuts) = bounds::bound_html(html);
    for c in &cuts {
        problems.push(Problem::warning(name, c.message()));
    }
    let html = html.as_ref();
    let page = Html::parse_document(html);
    let mut doc = Document::structured(name, String::new());
    let blocks = page_blocks(&page);
    // A page past a bound is hostile or broken: crosscheck's own classifier, linear in the
    // page, reads it alone.
    let extracted = if cuts.is_empty() {
        extract_main_text(html)
    } else {
        None
    };
    let meta = page_meta::read(&page, extracted.as_ref().map(|e| &e.metadata));
    meta.apply(&mut doc);

    let kept = match &extracted {
        Some(e) if !e.content_text.trim().is_empty() => {
            Some(align::kept_blocks(&blocks, &e.content_text))
        }
        _ => None,
    };
    let mut text = String::with_capacity(blocks.iter().map(|b| b.len() + 2).sum());
    let mut spans = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(b);
        let extracted = match &kept {
            Some(k) if k[i] => Extracted::Kept,
            Some(_) => Extracted::Dropped,
            None => Extracted::Unknown,
        };
        spans.push(Block {
            start,
            end: text.len(),
            extracted,
        });
    }
    doc.text = text;
    doc.blocks = Some(spans);
    doc
}

/// What the extractor made of the page, or nothing when it found no main text.
fn extract_main_text(html: &str) -> Option<trafilatura::ExtractResult> {
    let opts = trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    trafilatura::extract(html, &opts).ok()
}

/// The visible text of the page's body as blocks, in page order, each with its whitespace
/// collapsed and unsafe characters removed. The walk is iterative, so no nesting depth can
/// overflow the stack.
fn page_blocks(page: &Html) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let root = page
        .root_element()
        .children()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or_else(|| *page.root_element());
    // The node whose subtree is being skipped, if any.
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => current.push_str(t),
                    Node::Element(e) => {
                        let tag = e.name();
                        if INVISIBLE_TAGS.contains(&tag)
                            || e.attr("hidden").is_some()
                            || e.attr("aria-hidden") == Some("true")
                        {
                            skipping = Some(node.id());
                        } else if BLOCK_TAGS.contains(&tag) {
                            push_block(&mut current, &mut blocks);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Some(e) = node.value().as_element()
                {
                    if BLOCK_TAGS.contains(&e.name()) {
                        push_block(&mut current, &mut blocks);
                    } else if CELL_TAGS.contains(&e.name()) {
                        current.push(' ');
                    }
                }
            }
        }
    }
    push_block(&mut current, &mut blocks);
    blocks
}

fn push_block(current: &mut String, blocks: &mut Vec<String>) {
    let clean = super::decode::clean_text(current);
    let p = collapse(&clean);
    if !p.is_empty() {
        blocks.push(p);
    }
    current.clear();
}

/// Whitespace runs to one space, ends trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(d: &Document) -> Vec<(&str, Extracted)> {
        d.blocks
            .as_ref()
            .unwrap()
            .iter()
            .map(|b| (&d.text[b.start..b.end], b.extracted))
            .collect()
    }

    #[test]
    fn navigation_stays_as_dropped_blocks_and_scripts_go() {
        let story = "The river rose four metres overnight and flooded the lower town, where most of the families live, the regional governor said on Tuesday. ";
        let html = format!(
            r#"<html><head><title>T</title></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <script>var x = 1;</script><article><h1>Dam breaks upstream</h1><p>{s}</p><p>{s} Rescue teams used boats.</p>
            <p>{s} The army sent two helicopters.</p></article><footer>All rights reserved</footer></body></html>"#,
            s = story
        );
        let d = html_document("p.html", &html, &mut Vec::new());
        let got = kinds(&d);
        assert!(!d.text.contains("var x"));
        assert_eq!(got[0], ("Home World", Extracted::Dropped));
        assert!(
            got.iter()
                .any(|(t, k)| t.ends_with("two helicopters.") && *k == Extracted::Kept)
        );
        assert_eq!(
            got.last().copied(),
            Some(("All rights reserved", Extracted::Dropped))
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_walk() {
        let html = format!(
            "<html><body>{}<p>Deep inside.</p>{}</body></html>",
            "<span>".repeat(5000),
            "</span>".repeat(5000)
        );
        let page = Html::parse_document(&html);
        assert_eq!(page_blocks(&page), ["Deep inside."]);
    }
}
