//! Bounds on the shape of a page, applied in one linear pass over its markup before any
//! parser sees it. Real pages stay far inside them; a hostile or broken page is cut down to
//! them, and each cut is reported, so no page can make the HTML parser or the main-text
//! extractor work in the square of its size (nesting depth and attribute lists are both
//! quadratic there).

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// Elements nested deeper than this lose their tags (their text stays, in its place). Real
/// pages nest far less (at most 29 levels on each of 60 news pages measured).
pub const MAX_DEPTH: usize = 256;
/// Tables nested deeper than this lose their table tags (their text stays): the extractor's
/// work grows with table depth times the rows inside. Layout tables of old sites nest a few
/// levels; news pages one.
pub const MAX_TABLE_DEPTH: usize = 8;
/// Attributes of one element past this many are dropped. Real elements carry a handful.
pub const MAX_ATTRIBUTES: usize = 64;
/// A page is cut after this many block elements (paragraphs, list items, table rows, line
/// breaks, divisions): a whole news page, navigation and comments included, has a few
/// hundred (under 900 on each of 60 real pages measured).
pub const MAX_BLOCKS: usize = 10_000;

/// A bound a page went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    Depth,
    TableDepth,
    Attributes,
    Blocks,
}

impl Cut {
    /// What was done, in words, for a warning naming the file.
    pub fn message(self) -> String {
        match self {
            Cut::Depth => format!(
                "page nested deeper than {MAX_DEPTH} elements: tags below that depth ignored, their text kept"
            ),
            Cut::TableDepth => format!(
                "tables nested deeper than {MAX_TABLE_DEPTH}: inner table tags ignored, their text kept"
            ),
            Cut::Attributes => format!(
                "an element carries more than {MAX_ATTRIBUTES} attributes: the rest ignored"
            ),
            Cut::Blocks => format!(
                "page has more than {MAX_BLOCKS} paragraphs and other blocks: read up to there only"
            ),
        }
    }
}

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "basefont", "bgsound",
];
/// Elements the parser closes by itself when a sibling opens (`<p>` before `<p>`, `<li>`
/// before `<li>`, `<td>` before `<td>`): a start tag of the first kind closes the nearest open
/// element of the second (and all above it), unless an element of the third comes first
/// (the edge of a list, a table, a cell). A page of unclosed list items is not deep.
type Closes = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);
const TABLE_EDGE: &[&str] = &["table", "template", "html"];
const CELL_EDGE: &[&str] = &[
    "table", "td", "th", "caption", "button", "object", "marquee", "applet", "template", "html",
];
const LIST_EDGE: &[&str] = &[
    "ul", "ol", "menu", "dl", "table", "td", "th", "template", "html",
];
const CLOSED_BY: &[Closes] = &[
    ("p", &["p"], CELL_EDGE),
    ("li", &["li"], LIST_EDGE),
    ("dt", &["dt", "dd"], LIST_EDGE),
    ("dd", &["dt", "dd"], LIST_EDGE),
    ("tr", &["tr"], TABLE_EDGE),
    ("td", &["td", "th"], TABLE_EDGE),
    ("th", &["td", "th"], TABLE_EDGE),
    ("thead", &["thead", "tbody", "tfoot"], TABLE_EDGE),
    ("tbody", &["thead", "tbody", "tfoot"], TABLE_EDGE),
    ("tfoot", &["thead", "tbody", "tfoot"], TABLE_EDGE),
    ("option", &["option"], &["select", "datalist", "html"]),
    ("optgroup", &["optgroup"], &["select", "html"]),
    ("rb", &["rb", "rt", "rp", "rtc"], &["ruby", "html"]),
    ("rt", &["rb", "rt", "rp"], &["ruby", "html"]),
    ("rp", &["rb", "rt", "rp"], &["ruby", "html"]),
];
/// Elements whose content is raw text up to their end tag: no tags inside count.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
/// Elements that count as a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "dd",
    "dt",
    "pre",
    "figure",
    "figcaption",
    "table",
    "ul",
    "ol",
    "hr",
];

/// The page within the bounds, and which bounds it went past. A page inside all of them is
/// returned as it is, unchanged and uncopied.
pub fn bound_html(html: &str) -> (Cow<'_, str>, Vec<Cut>) {
    let mut pass = Pass {
        html,
        out: String::new(),
        copied_to: 0,
        cuts: Vec::new(),
    };
    pass.run();
    if pass.cuts.is_empty() {
        return (Cow::Borrowed(html), Vec::new());
    }
    pass.out.push_str(&html[pass.copied_to..]);
    (Cow::Owned(pass.out), pass.cuts)
}

struct Pass<'a> {
    html: &'a str,
    /// The bounded page, built only from the first cut on: everything before `copied_to` that
    /// is kept has been copied.
    out: String,
    copied_to: usize,
    cuts: Vec<Cut>,
}

impl Pass<'_> {
    fn cut(&mut self, c: Cut) {
        if !self.cuts.contains(&c) {
            self.cuts.push(c);
        }
    }

    /// Leaves out `html[from..to]`: what comes before it is copied first.
    fn skip(&mut self, from: usize, to: usize) {
        if self.out.is_empty() && self.copied_to == 0 {
            self.out.reserve(self.html.len());
        }
        self.out.push_str(&self.html[self.copied_to..from]);
        self.copied_to = to;
    }

    fn run(&mut self) {
        let bytes = self.html.as_bytes();
        let mut open = OpenElements::default();
        // Start tags dropped, by name, whose end tags are still to come.
        let mut dropped: HashMap<String, usize> = HashMap::default();
        let mut blocks = 0usize;
        let mut i = 0;
        while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|p| i + p) {
            i = lt + 1;
            let Some(&next) = bytes.get(i) else { break };
            if next == b'!' || next == b'?' {
                i = skip_markup_declaration(bytes, lt);
                continue;
            }
            let end_tag = next == b'/';
            let name_start = if end_tag { i + 1 } else { i };
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let name_end = name_start
                + bytes[name_start..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
                    .unwrap_or(bytes.len() - name_start);
            let raw_name = &self.html[name_start..name_end];
            let name = lower(raw_name);
            let tag = read_attributes(bytes, name_end);
            i = tag.end;
            if end_tag {
                if let Some(n) = dropped.get_mut(name.as_ref())
                    && *n > 0
                {
                    *n -= 1;
                    self.skip(lt, tag.end);
                } else {
                    open.close(&name);
                }
                continue;
            }
            if let Some((_, anchors, edges)) = CLOSED_BY.iter().find(|(n, ..)| *n == name.as_ref())
            {
                open.close_sibling(anchors, edges);
            }
            // `<div/>` opens a div in HTML; only inside SVG and MathML does `/>` close.
            let closes_itself = tag.self_closed && open.foreign > 0;
            let nests = !(VOID.contains(&name.as_ref()) || closes_itself);
            let too_deep = open.names.len() >= MAX_DEPTH;
            let tables_too_deep = name == "table" && open.tables >= MAX_TABLE_DEPTH;
            if nests && (too_deep || tables_too_deep) {
                self.cut(if too_deep {
                    Cut::Depth
                } else {
                    Cut::TableDepth
                });
                *dropped.entry(name.into_owned()).or_default() += 1;
                self.skip(lt, tag.end);
                continue;
            }
            if BLOCKS.contains(&name.as_ref()) {
                blocks += 1;
                if blocks > MAX_BLOCKS {
                    self.cut(Cut::Blocks);
                    self.skip(lt, self.html.len());
                    return;
                }
            }
            if nests {
                open.push(raw_name);
            }
            if tag.attributes > MAX_ATTRIBUTES {
                self.cut(Cut::Attributes);
                // The tag up to its last allowed attribute, then closed.
                self.skip(tag.kept_until, tag.end);
                self.out.push('>');
            }
            if RAW_TEXT.contains(&name.as_ref()) && !tag.self_closed {
                i = skip_raw_text(bytes, i, &name);
            }
        }
    }
}

/// The elements open at a point of the page, as the parser would mostly have them: at most
/// [`MAX_DEPTH`], so every search down them is bounded.
#[derive(Default)]
struct OpenElements<'a> {
    names: Vec<&'a str>,
    /// How many of them are tables.
    tables: usize,
    /// How many of them are `<svg>` or `<math>`.
    foreign: usize,
}

impl<'a> OpenElements<'a> {
    fn push(&mut self, name: &'a str) {
        self.tables += usize::from(name.eq_ignore_ascii_case("table"));
        self.foreign +=
            usize::from(name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math"));
        self.names.push(name);
    }

    /// Pops the elements from position `at` up.
    fn truncate(&mut self, at: usize) {
        for n in self.names.drain(at..) {
            self.tables -= usize::from(n.eq_ignore_ascii_case("table"));
            self.foreign -=
                usize::from(n.eq_ignore_ascii_case("svg") || n.eq_ignore_ascii_case("math"));
        }
    }

    /// An end tag closes the nearest open element of its name and all above it; a stray one
    /// closes nothing.
    fn close(&mut self, name: &str) {
        if let Some(k) = self
            .names
            .iter()
            .rposition(|o| o.eq_ignore_ascii_case(name))
        {
            self.truncate(k);
        }
    }

    /// A start tag that closes an open sibling: the nearest of `anchors` below any of `edges`.
    fn close_sibling(&mut self, anchors: &[&str], edges: &[&str]) {
        let is = |o: &str, set: &[&str]| set.iter().any(|c| o.eq_ignore_ascii_case(c));
        for k in (0..self.names.len()).rev() {
            if is(self.names[k], anchors) {
                self.truncate(k);
                return;
            }
            if is(self.names[k], edges) {
                return;
            }
        }
    }
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// A tag's attributes, read the way the HTML tokenizer reads them.
struct Tag {
    /// Just past the tag's `>` (or the end of the page).
    end: usize,
    attributes: usize,
    /// Where the last attribute within [`MAX_ATTRIBUTES`] ends.
    kept_until: usize,
    /// Written `<name ... />`.
    self_closed: bool,
}

fn read_attributes(b: &[u8], mut i: usize) -> Tag {
    let mut attributes = 0;
    let mut kept_until = i;
    let mut self_closed = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closed = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        self_closed = false;
        // The name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to it).
        i += 1;
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    i = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |p| i + 1 + p + 1);
                }
                _ => {
                    while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'>') {
                        i += 1;
                    }
                }
            }
        }
        attributes += 1;
        if attributes <= MAX_ATTRIBUTES {
            kept_until = i;
        }
    }
    Tag {
        end: i,
        attributes,
        kept_until,
        self_closed,
    }
}

/// Past a comment (`<!-- ... -->`), a doctype, CDATA or processing instruction starting at
/// `lt`.
fn skip_markup_declaration(b: &[u8], lt: usize) -> usize {
    if b[lt..].starts_with(b"<!--") {
        return memchr::memmem::find(&b[lt + 4..], b"-->").map_or(b.len(), |p| lt + 4 + p + 3);
    }
    memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |p| lt + p + 1)
}

/// Past the end tag of a raw-text element (`</script>`), matched case-insensitively.
fn skip_raw_text(b: &[u8], mut i: usize, name: &str) -> usize {
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + p + 2;
        if b.len() >= at + name.len()
            && b[at..at + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at - 2;
        }
        i = at;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_inside_the_bounds_are_untouched() {
        let html = "<html><body><div class=\"a\"><p>One<p>Two<br>three</div><script>if (a<b) x = '</div>';</script></body></html>";
        let (out, cuts) = bound_html(html);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(cuts.is_empty());
    }

    #[test]
    fn deep_nesting_loses_its_deepest_tags_but_not_its_text() {
        let n = MAX_DEPTH + 500;
        let html = format!(
            "<div>{}deep text{}</div><p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (out, cuts) = bound_html(&html);
        assert_eq!(cuts, [Cut::Depth]);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text") && out.ends_with("<p>after</p>"));
    }

    #[test]
    fn sibling_closed_elements_do_not_count_as_depth() {
        let html = "<ul>".to_string() + &"<li>item".repeat(MAX_DEPTH * 3) + "</ul>";
        assert!(bound_html(&html).1.is_empty());
        let html = "<table>".to_string() + &"<tr><td>a<td>b".repeat(MAX_DEPTH * 3) + "</table>";
        assert!(bound_html(&html).1.is_empty());
        let html = "<div>".to_string() + &"<p>one".repeat(MAX_DEPTH * 3) + "</div>";
        assert!(bound_html(&html).1.is_empty());
    }

    #[test]
    fn tables_nest_only_so_deep() {
        let html = "<table><tr><td>".repeat(MAX_TABLE_DEPTH + 5)
            + "cell"
            + &"</td></tr></table>".repeat(MAX_TABLE_DEPTH + 5);
        let (out, cuts) = bound_html(&html);
        assert_eq!(cuts, [Cut::TableDepth]);
        assert_eq!(out.matches("<table>").count(), MAX_TABLE_DEPTH);
        assert_eq!(out.matches("</table>").count(), MAX_TABLE_DEPTH);
        assert!(out.contains("cell"));
    }

    #[test]
    fn self_closing_tags_close_only_inside_svg() {
        let svg = format!("<svg>{}</svg>", "<path d=\"M0 0\"/>".repeat(MAX_DEPTH * 2));
        assert!(bound_html(&format!("<div>{svg}</div>")).1.is_empty());
        let divs = "<div/>".repeat(MAX_DEPTH + 1);
        assert_eq!(bound_html(&divs).1, [Cut::Depth]);
    }

    #[test]
    fn an_attribute_flood_is_cut_to_the_bound() {
        let attrs: String = (0..MAX_ATTRIBUTES + 100)
            .map(|i| format!(" a{i}=\"v>{i}\""))
            .collect();
        let html = format!("<p{attrs}>Text stays.</p>");
        let (out, cuts) = bound_html(&html);
        assert_eq!(cuts, [Cut::Attributes]);
        assert!(out.contains(&format!("a{}=", MAX_ATTRIBUTES - 1)));
        assert!(!out.contains(&format!("a{}=", MAX_ATTRIBUTES)));
        assert!(out.ends_with(">Text stays.</p>"));
    }

    #[test]
    fn a_page_of_too_many_blocks_is_cut() {
        let html = "<p>Short paragraph.</p>".repeat(MAX_BLOCKS + 10);
        let (out, cuts) = bound_html(&html);
        assert_eq!(cuts, [Cut::Blocks]);
        assert_eq!(out.matches("<p>").count(), MAX_BLOCKS);
    }

    #[test]
    fn unterminated_markup_ends_the_pass_without_panic() {
        for html in [
            "<div a=\"",
            "<!-- open",
            "<script>x",
            "<",
            "</",
            "<div",
            "<p a='1' b",
        ] {
            let _ = bound_html(html);
        }
    }
}
