//! The metadata a news page publishes about itself: schema.org JSON-LD first (an article
//! object, alone, in a list or in an `@graph`), then OpenGraph, `article:` and other meta
//! tags, then `<time datetime>`, the headline and the `<title>`, then what the main-text
//! extractor read. Visible bylines and datelines are read later from the classified
//! paragraphs ([`super::meta`]).

use rustc_hash::FxHashMap as HashMap;
use scraper::{Html, Node};
use serde_json::Value;

use super::Document;
use super::decode::clean_text;
use super::html::collapse;

/// schema.org types of a news or blog article, read before any other object of a page.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
    "SocialMediaPosting",
];
/// Types that name the site itself, read for the outlet when the article names no publisher.
const SITE_TYPES: &[&str] = &["NewsMediaOrganization", "Organization", "WebSite"];
/// A JSON-LD script longer than this is not read (real ones are a few kilobytes).
const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// At most this many objects of a page's JSON-LD are looked at.
const MAX_JSON_LD_OBJECTS: usize = 10_000;

/// What a page says about itself; each field from the first source that has it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub modified: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

impl PageMeta {
    /// Fills the document's fields it does not have yet.
    pub fn apply(self, doc: &mut Document) {
        fn fill(slot: &mut Option<String>, v: Option<String>) {
            if slot.is_none() {
                *slot = v;
            }
        }
        fill(&mut doc.title, self.title);
        fill(&mut doc.date, self.date);
        fill(&mut doc.modified, self.modified);
        fill(&mut doc.byline, self.byline);
        fill(&mut doc.outlet, self.outlet);
        fill(&mut doc.url, self.url);
    }

    /// Takes from `other` what this one lacks.
    fn or(mut self, other: PageMeta) -> PageMeta {
        self.title = self.title.or(other.title);
        self.date = self.date.or(other.date);
        self.modified = self.modified.or(other.modified);
        self.byline = self.byline.or(other.byline);
        self.outlet = self.outlet.or(other.outlet);
        self.url = self.url.or(other.url);
        self
    }
}

/// Reads a parsed page's metadata; `extracted` is what the main-text extractor found, the
/// last resort before the page's visible lines.
pub fn read(page: &Html, extracted: Option<&trafilatura::Metadata>) -> PageMeta {
    let tags = Tags::collect(page);
    let json_ld = tags
        .json_ld
        .iter()
        .map(|s| from_json_ld(s))
        .fold(PageMeta::default(), PageMeta::or);
    let from_tags = tags.meta();
    let mut m = json_ld.or(from_tags);
    if let Some(x) = extracted {
        let some = |s: &str| Some(clean(s)).filter(|s| !s.is_empty());
        m = m.or(PageMeta {
            title: some(&x.title),
            date: x.date.map(|d| d.to_string()),
            modified: None,
            byline: some(&x.author),
            outlet: some(&x.sitename),
            url: some(&x.url),
        });
    }
    if m.outlet.is_none() {
        m.outlet = m.url.as_deref().and_then(domain);
    }
    m
}

/// One pass over the page: meta tags by name, the canonical link, the first `<time>` with a
/// datetime, the first `<h1>`, the `<title>` and the JSON-LD scripts.
#[derive(Default)]
struct Tags {
    /// `name`, `property` or `itemprop` (lowercased) to `content`; the first of each wins.
    meta: HashMap<String, String>,
    canonical: Option<String>,
    time: Option<String>,
    h1: Option<String>,
    title: Option<String>,
    json_ld: Vec<String>,
}

impl Tags {
    fn collect(page: &Html) -> Tags {
        let mut t = Tags::default();
        for node in page.tree.nodes() {
            let Node::Element(e) = node.value() else {
                continue;
            };
            match e.name() {
                "meta" => {
                    let Some(content) = e.attr("content").or(e.attr("datetime")) else {
                        continue;
                    };
                    for key in ["property", "name", "itemprop"] {
                        if let Some(k) = e.attr(key) {
                            t.meta
                                .entry(k.trim().to_ascii_lowercase())
                                .or_insert_with(|| content.to_string());
                        }
                    }
                }
                "link" if t.canonical.is_none() => {
                    let rel = e.attr("rel").unwrap_or("");
                    if rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        t.canonical = e.attr("href").map(str::to_string);
                    }
                }
                "time" if t.time.is_none() => {
                    t.time = e.attr("datetime").map(str::to_string);
                }
                "h1" if t.h1.is_none() => t.h1 = Some(text_of(node)),
                "title" if t.title.is_none() => t.title = Some(text_of(node)),
                "script"
                    if e.attr("type").is_some_and(|ty| {
                        ty.trim()
                            .to_ascii_lowercase()
                            .starts_with("application/ld+json")
                    }) =>
                {
                    let s = text_of_raw(node);
                    if s.len() <= MAX_JSON_LD_BYTES {
                        t.json_ld.push(s);
                    }
                }
                _ => {}
            }
        }
        t
    }

    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .filter_map(|k| self.meta.get(*k))
            .map(|v| clean(v))
            .find(|v| !v.is_empty())
    }

    /// The fields from meta tags, the headline and the title.
    fn meta(&self) -> PageMeta {
        let title_tag = self.title.as_deref().map(clean).filter(|t| !t.is_empty());
        let title = self
            .get(&["og:title", "twitter:title", "headline", "dc.title"])
            .or_else(|| self.h1.as_deref().map(clean).filter(|t| !t.is_empty()))
            .or_else(|| title_tag.as_deref().map(|t| strip_site_suffix(t).0));
        let date = self
            .get(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "dcterms.date",
                "parsely-pub-date",
            ])
            .or_else(|| self.time.as_deref().map(clean).filter(|t| !t.is_empty()));
        let modified = self.get(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "last-modified",
            "dcterms.modified",
        ]);
        let byline = self
            .get(&[
                "author",
                "article:author",
                "byl",
                "parsely-author",
                "dc.creator",
            ])
            .filter(|a| !is_url(a))
            .map(|a| {
                a.trim_start_matches("By ")
                    .trim_start_matches("by ")
                    .to_string()
            });
        let outlet = self
            .get(&[
                "og:site_name",
                "application-name",
                "publisher",
                "twitter:site",
            ])
            .map(|o| o.trim_start_matches('@').to_string())
            .or_else(|| title_tag.as_deref().and_then(|t| strip_site_suffix(t).1));
        let url = self
            .canonical
            .as_deref()
            .map(clean)
            .filter(|u| is_url(u))
            .or_else(|| self.get(&["og:url"]).filter(|u| is_url(u)));
        PageMeta {
            title,
            date,
            modified,
            byline,
            outlet,
            url,
        }
    }
}

fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    collapse(&clean_text(&text_of_raw(node)))
}

fn text_of_raw(node: ego_tree::NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect()
}

fn clean(s: &str) -> String {
    collapse(&clean_text(s))
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// The site a URL belongs to: its host without `www.`.
pub fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (host.contains('.') && host.len() <= 253).then(|| host.to_ascii_lowercase())
}

/// Splits "Headline - Site" or "Headline | Site" into the headline and the site name.
pub fn strip_site_suffix(title: &str) -> (String, Option<String>) {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((head, site)) = title.rsplit_once(sep)
            && site.split_whitespace().count() <= 4
            && head.split_whitespace().count() >= 3
        {
            return (head.trim().to_string(), Some(site.trim().to_string()));
        }
    }
    (title.to_string(), None)
}

/// The metadata in one JSON-LD script: the first article object, wherever it sits (alone, in
/// a list, in an `@graph`, under another object), with its author and publisher read through
/// `@id` references to other objects of the script.
fn from_json_ld(script: &str) -> PageMeta {
    let s = script
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("/*<![CDATA[*/")
        .trim_end_matches("/*]]>*/")
        .trim();
    let Ok(root) = serde_json::from_str::<Value>(s) else {
        return PageMeta::default();
    };
    let objects = objects_of(&root);
    let mut by_id: HashMap<&str, &Value> = HashMap::default();
    for o in &objects {
        // A bare reference ({"@id": ...} alone) names an object; it is not one.
        if let Some(id) = o.get("@id").and_then(Value::as_str)
            && o.as_object().is_some_and(|m| m.len() > 1)
        {
            by_id.entry(id).or_insert(*o);
        }
    }
    let resolve = |v| resolve(v, &by_id);
    let site_name = objects
        .iter()
        .find(|o| has_type(o, SITE_TYPES))
        .and_then(|o| name_of(o));
    let Some(article) = objects.iter().find(|o| has_type(o, ARTICLE_TYPES)) else {
        return PageMeta {
            outlet: site_name,
            ..PageMeta::default()
        };
    };
    let text = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(clean)
            .filter(|s| !s.is_empty())
    };
    let authors = article.get("author").map(|a| match a {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| name_of(resolve(i)))
            .collect::<Vec<_>>(),
        other => name_of(resolve(other)).into_iter().collect(),
    });
    let byline = authors.filter(|a| !a.is_empty()).map(|a| a.join(", "));
    let outlet = article
        .get("publisher")
        .and_then(|p| name_of(resolve(p)))
        .or(site_name);
    let url = text("url").filter(|u| is_url(u)).or_else(|| {
        article
            .get("mainEntityOfPage")
            .and_then(|m| match m {
                Value::String(s) => Some(clean(s)),
                other => other.get("@id").and_then(Value::as_str).map(clean),
            })
            .filter(|u| is_url(u))
    });
    PageMeta {
        title: text("headline").or_else(|| text("name")),
        date: text("datePublished").or_else(|| text("dateCreated")),
        modified: text("dateModified"),
        byline,
        outlet,
        url,
    }
}

/// The object an `{"@id": ...}` reference names, or the value itself.
fn resolve<'a>(v: &'a Value, by_id: &HashMap<&str, &'a Value>) -> &'a Value {
    match v.get("@id").and_then(Value::as_str) {
        Some(id) if v.get("name").is_none() => by_id.get(id).copied().unwrap_or(v),
        _ => v,
    }
}

/// Every object of a JSON-LD value, outer ones first, iteratively and bounded.
fn objects_of(root: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut queue = std::collections::VecDeque::from([root]);
    while let Some(v) = queue.pop_front() {
        if out.len() >= MAX_JSON_LD_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => queue.extend(items),
            Value::Object(o) => {
                out.push(v);
                queue.extend(o.values().filter(|c| c.is_object() || c.is_array()));
            }
            _ => {}
        }
    }
    out
}

fn has_type(v: &Value, types: &[&str]) -> bool {
    let is = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit(['/', ':']).next().unwrap_or(t);
            types.contains(&t)
        })
    };
    match v.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A person's or organisation's name: a string, or an object's `name`.
fn name_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(_) => v.get("name")?.as_str()?,
        _ => return None,
    };
    Some(clean(s)).filter(|s| !s.is_empty() && !is_url(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        read(&Html::parse_document(html), None)
    }

    #[test]
    fn json_ld_in_a_graph_with_references() {
        let html = r#"<html><head>
            <meta property="og:title" content="Social headline | Site">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://news.example/#site","name":"Example Site"},
              {"@type":"Organization","@id":"https://news.example/#org","name":"Example News Group"},
              {"@type":"Person","@id":"https://news.example/#p1","name":"Ana Lima"},
              {"@type":["ReportageNewsArticle"],"headline":"Bridge reopens after repairs",
               "datePublished":"2024-03-02T08:00:00+01:00","dateModified":"2024-03-03T10:00:00+01:00",
               "author":[{"@id":"https://news.example/#p1"},{"@type":"Person","name":"Li Wei"}],
               "publisher":{"@id":"https://news.example/#org"},
               "mainEntityOfPage":{"@id":"https://news.example/2024/bridge"}}]}
            </script></head><body><p>x</p></body></html>"#;
        let m = meta_of(html);
        assert_eq!(m.title.as_deref(), Some("Bridge reopens after repairs"));
        assert_eq!(m.date.as_deref(), Some("2024-03-02T08:00:00+01:00"));
        assert_eq!(m.modified.as_deref(), Some("2024-03-03T10:00:00+01:00"));
        assert_eq!(m.byline.as_deref(), Some("Ana Lima, Li Wei"));
        assert_eq!(m.outlet.as_deref(), Some("Example News Group"));
        assert_eq!(m.url.as_deref(), Some("https://news.example/2024/bridge"));
    }

    #[test]
    fn opengraph_and_meta_tags_when_there_is_no_json_ld() {
        let html = r#"<html><head><title>Storm hits the coast - Coast Daily</title>
            <meta property="og:title" content="Storm hits the coast">
            <meta property="og:site_name" content="Coast Daily">
            <meta property="article:published_time" content="2023-10-01T06:00:00Z">
            <meta property="article:modified_time" content="2023-10-02T06:00:00Z">
            <meta property="article:author" content="https://coast.example/staff/jo">
            <meta name="author" content="Jo Park">
            <link rel="canonical" href="https://www.coast.example/storm"></head>
            <body><p>x</p></body></html>"#;
        let m = meta_of(html);
        assert_eq!(m.title.as_deref(), Some("Storm hits the coast"));
        assert_eq!(m.date.as_deref(), Some("2023-10-01T06:00:00Z"));
        assert_eq!(m.modified.as_deref(), Some("2023-10-02T06:00:00Z"));
        assert_eq!(m.byline.as_deref(), Some("Jo Park"));
        assert_eq!(m.outlet.as_deref(), Some("Coast Daily"));
        assert_eq!(m.url.as_deref(), Some("https://www.coast.example/storm"));
    }

    #[test]
    fn time_element_title_suffix_and_domain_as_last_resorts() {
        let html = r#"<html><head><title>Council votes to close the old bridge | Riverside Post</title></head>
            <body><time datetime="2022-05-06">May 6</time><p>x</p></body></html>"#;
        let m = meta_of(html);
        assert_eq!(
            m.title.as_deref(),
            Some("Council votes to close the old bridge")
        );
        assert_eq!(m.date.as_deref(), Some("2022-05-06"));
        assert_eq!(m.outlet.as_deref(), Some("Riverside Post"));
        let html = r#"<html><head><link rel="canonical" href="https://www.valley-news.example/a/1"></head><body><p>x</p></body></html>"#;
        assert_eq!(meta_of(html).outlet.as_deref(), Some("valley-news.example"));
    }

    #[test]
    fn broken_json_ld_is_skipped() {
        let html = r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script>
            <meta property="og:title" content="Still read"></head><body><p>x</p></body></html>"#;
        assert_eq!(meta_of(html).title.as_deref(), Some("Still read"));
    }
}
