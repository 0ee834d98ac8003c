//! A deterministic generator of realistic news articles for benchmarks: varied sentence
//! templates, names, places, figures with hedges and units, attributions, and page noise.

#![allow(dead_code)]

/// A small deterministic PRNG (xorshift64*), so every run builds the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Marco", "Li", "Oleh", "Priya", "Tom", "Fatima", "Jonas", "Elena", "Kwame", "Sofia",
    "Hiroshi", "Maria", "David", "Amara",
];
const LAST: &[&str] = &[
    "Novak", "Bellini", "Wei", "Petrenko", "Raman", "Reyes", "Haddad", "Berg", "Costa", "Mensah",
    "Lind", "Tanaka", "Okafor", "Hart", "Weiss",
];
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Governor",
    "Mayor",
    "General",
    "Senator",
    "Dr.",
];
const PLACES: &[&str] = &[
    "Kharkiv", "Lagos", "Patras", "Valencia", "Mosul", "Chennai", "Recife", "Gdansk", "Mombasa",
    "Cebu", "Tabriz", "Leeds", "Izmir", "Kazan", "Quito",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "CNN",
    "the BBC",
    "local media",
    "state television",
    "The Daily Herald",
    "Al Jazeera",
];
const HEDGES: &[&str] = &[
    "nearly",
    "about",
    "more than",
    "at least",
    "some",
    "around",
    "up to",
    "roughly",
    "",
    "",
    "",
];
const NOUNS: &[&str] = &[
    "people",
    "troops",
    "residents",
    "homes",
    "soldiers",
    "civilians",
    "families",
    "workers",
    "vehicles",
    "patients",
    "voters",
    "refugees",
];
const VERBS: &[&str] = &[
    "were evacuated",
    "were deployed",
    "were reported",
    "were counted",
    "were affected",
    "arrived",
    "were injured",
    "were moved",
];
const SAYS: &[&str] = &[
    "said",
    "told reporters",
    "said on Monday",
    "confirmed",
    "warned",
    "said in a statement",
];
const UNITS: &[&str] = &[
    "square kilometers",
    "km",
    "hectares",
    "percent",
    "million dollars",
    "tonnes",
    "miles",
];
const DAYS: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "last week",
    "on Nov. 4",
    "as of March 3",
    "yesterday",
    "in early August",
];
const NOISE: &[&str] = &[
    "Subscribe",
    "* indicates required",
    "Read more:",
    "Share this article",
    "10:42 AM",
    "Most read",
    "Sign up for our newsletter",
    "Advertisement",
];

fn figure(r: &mut Rng) -> String {
    let n = match r.below(4) {
        0 => (r.below(90) + 10) * 1000,
        1 => r.below(900) + 100,
        2 => (r.below(60) + 1) * 500,
        _ => r.below(20000) + 1000,
    };
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn person(r: &mut Rng) -> String {
    format!("{} {} {}", r.pick(TITLES), r.pick(FIRST), r.pick(LAST))
}

fn sentence(r: &mut Rng, place: &str) -> String {
    let hedge = r.pick(HEDGES);
    let hedge = if hedge.is_empty() {
        String::new()
    } else {
        format!("{hedge} ")
    };
    match r.below(7) {
        0 => format!(
            "{}{} {} {} in {place} {}, {} {}.",
            capital(&hedge),
            figure(r),
            r.pick(NOUNS),
            r.pick(VERBS),
            r.pick(DAYS),
            person(r),
            r.pick(SAYS)
        ),
        1 => format!(
            "According to {}, {hedge}{} {} {} near {place}.",
            r.pick(OUTLETS),
            figure(r),
            r.pick(NOUNS),
            r.pick(VERBS)
        ),
        2 => format!(
            "\"The situation in {place} remains serious,\" {} {}.",
            person(r),
            r.pick(SAYS)
        ),
        3 => format!(
            "The affected area covers {hedge}{} {}, officials in {place} said.",
            figure(r),
            r.pick(UNITS)
        ),
        4 => format!(
            "{} reported that {hedge}{} {} {} {}, citing a source in the regional government.",
            capital(r.pick(OUTLETS)),
            figure(r),
            r.pick(NOUNS),
            r.pick(VERBS),
            r.pick(DAYS)
        ),
        5 => format!(
            "Aid groups in {place} say the response has been slow and that more help is needed before winter."
        ),
        _ => format!(
            "Between {} and {} {} {} after the storm, a spokesperson for the Red Cross said.",
            r.below(50) + 10,
            r.below(50) + 70,
            r.pick(NOUNS),
            r.pick(VERBS)
        ),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// One article of about `bytes` bytes: headline, byline, dateline, story paragraphs, noise.
pub fn article(r: &mut Rng, bytes: usize) -> String {
    let place = r.pick(PLACES);
    let mut out = format!(
        "{} {} in {place} as {} {}\n\nBy {} {}\n\nNov {}, 2024 - 10:{:02}\n\n",
        figure(r),
        r.pick(NOUNS),
        r.pick(NOUNS),
        r.pick(VERBS),
        r.pick(FIRST),
        r.pick(LAST),
        r.below(28) + 1,
        r.below(60)
    );
    while out.len() < bytes {
        let n = r.below(3) + 2;
        let para: Vec<String> = (0..n).map(|_| sentence(r, place)).collect();
        out.push_str(&para.join(" "));
        out.push_str("\n\n");
        if r.below(6) == 0 {
            out.push_str(r.pick(NOISE));
            out.push_str("\n\n");
        }
    }
    out
}

/// `n` articles of about 4 KB each, deterministic from `seed`.
pub fn corpus(n: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    (0..n).map(|_| article(&mut r, 4000)).collect()
}

/// Writes a corpus to a fresh directory and returns its path.
pub fn write_corpus(n: usize, seed: u64) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-bench-{n}-{seed}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (i, a) in corpus(n, seed).iter().enumerate() {
        std::fs::write(dir.join(format!("{i:06}.txt")), a).expect("write article");
    }
    dir
}

const SECTIONS: &[&str] = &[
    "World",
    "Politics",
    "Business",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Climate",
    "Technology",
    "Travel",
    "Video",
];
const COMMENTERS: &[&str] = &[
    "jk_77",
    "river_rat",
    "Margot",
    "anon",
    "T. Lee",
    "north_wind",
];

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A headline about another story, for related links and teasers.
fn other_headline(r: &mut Rng) -> String {
    format!(
        "{} {} {} in {} as talks stall",
        figure(r),
        r.pick(NOUNS),
        r.pick(VERBS),
        r.pick(PLACES)
    )
}

/// One web page as a news site serves it: about `story_bytes` of story among the rest of a
/// page: meta tags and JSON-LD, a style sheet and scripts, a cookie banner, navigation, share
/// buttons, a photo caption, related links, comments and a footer. Real pages are mostly
/// markup (the 60 dev pages: median 115 KB); this one is about 60 KB plus the story.
pub fn html_page(r: &mut Rng, story_bytes: usize) -> String {
    let place = r.pick(PLACES);
    let title = format!(
        "{} {} in {place} as {} {}",
        figure(r),
        r.pick(NOUNS),
        r.pick(NOUNS),
        r.pick(VERBS)
    );
    let author = format!("{} {}", r.pick(FIRST), r.pick(LAST));
    let day = r.below(28) + 1;
    let outlet = [
        "Daily Herald",
        "Morning Post",
        "The Courier",
        "Evening Star",
    ][r.below(4)];
    let mut p = String::with_capacity(story_bytes + 70_000);
    p.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    p.push_str(&format!(
        "<title>{t} | {outlet}</title>\n<meta property=\"og:title\" content=\"{t}\">\n\
         <meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"article:published_time\" content=\"2024-11-{day:02}T10:00:00Z\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <link rel=\"canonical\" href=\"https://www.{host}.example/2024/11/{day:02}/story-{n}\">\n",
        t = esc(&title),
        host = outlet.to_lowercase().replace(' ', "-"),
        n = r.below(100_000)
    ));
    p.push_str(&format!(
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@graph\":[\
         {{\"@type\":\"NewsMediaOrganization\",\"@id\":\"#org\",\"name\":\"{outlet}\"}},\
         {{\"@type\":\"NewsArticle\",\"headline\":\"{t}\",\"datePublished\":\"2024-11-{day:02}T10:00:00Z\",\
         \"author\":[{{\"@type\":\"Person\",\"name\":\"{author}\"}}],\"publisher\":{{\"@id\":\"#org\"}}}}]}}</script>\n",
        t = esc(&title)
    ));
    p.push_str("<style>");
    for i in 0..400 {
        p.push_str(&format!(
            ".c{i}{{margin:{}px;padding:{}px;color:#{:06x}}}\n",
            r.below(20),
            r.below(20),
            r.below(0xffffff)
        ));
    }
    p.push_str("</style>\n<script>");
    for i in 0..500 {
        p.push_str(&format!(
            "window.cfg{i}={{id:{},slot:'ad-{}',lazy:true,sizes:[[300,250],[728,90]]}};\n",
            r.below(1_000_000),
            r.below(50)
        ));
    }
    p.push_str("</script></head>\n<body class=\"article-page\">\n");
    p.push_str(
        "<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to personalise content and ads \
         and to analyse our traffic.</p><button>Accept all cookies</button><button>Manage cookies</button></div>\n",
    );
    p.push_str("<header class=\"site-header\"><a class=\"logo\" href=\"/\">");
    p.push_str(outlet);
    p.push_str("</a><nav><ul>");
    for s in SECTIONS {
        p.push_str(&format!(
            "<li><a href=\"/{0}\">{1}</a></li>",
            s.to_lowercase(),
            s
        ));
    }
    p.push_str("</ul></nav><form class=\"search\"><input type=\"search\" placeholder=\"Search\"></form></header>\n");
    p.push_str(&format!(
        "<main><nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/world\">World</a></nav>\n\
         <article class=\"story\"><h1>{t}</h1>\n<p class=\"byline\">By {author}</p>\n\
         <time datetime=\"2024-11-{day:02}T10:00:00Z\">Nov {day}, 2024</time>\n\
         <div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on Twitter</a> <a href=\"#\">Email</a></div>\n\
         <figure><img src=\"/img/{n}.jpg\" alt=\"\"><figcaption>Residents of {place} on Nov. {day}, 2024. (Photo: {first} {last}/AFP)</figcaption></figure>\n",
        t = esc(&title),
        n = r.below(100_000),
        first = r.pick(FIRST),
        last = r.pick(LAST)
    ));
    let start = p.len();
    let mut paragraphs = 0;
    while p.len() - start < story_bytes {
        let n = r.below(3) + 2;
        let para: Vec<String> = (0..n).map(|_| esc(&sentence(r, place))).collect();
        p.push_str(&format!("<p>{}</p>\n", para.join(" ")));
        paragraphs += 1;
        if paragraphs == 3 {
            p.push_str(&format!(
                "<aside class=\"inline-teaser\"><a href=\"/x\">Read more: {}</a></aside>\n",
                esc(&other_headline(r))
            ));
        }
        if paragraphs == 5 {
            p.push_str("<div class=\"ad-slot\">Advertisement</div>\n");
        }
    }
    p.push_str("</article>\n<aside class=\"related\"><h2>Related stories</h2><ul>\n");
    for _ in 0..6 {
        p.push_str(&format!(
            "<li><a href=\"/r/{}\">{}</a></li>\n",
            r.below(100_000),
            esc(&other_headline(r))
        ));
    }
    p.push_str("</ul></aside>\n<section class=\"comments\"><h2>Comments</h2>\n");
    for _ in 0..r.below(4) + 2 {
        let user = r.pick(COMMENTERS);
        let elsewhere = r.pick(PLACES);
        p.push_str(&format!(
            "<div class=\"comment\"><span class=\"user\">{user}</span><p>{}</p></div>\n",
            esc(&sentence(r, elsewhere))
        ));
    }
    p.push_str("<p>Log in to comment</p></section></main>\n<footer><ul>");
    for l in [
        "About us",
        "Contact us",
        "Terms of use",
        "Privacy policy",
        "Advertise",
    ] {
        p.push_str(&format!(
            "<li><a href=\"/{}\">{l}</a></li>",
            l.to_lowercase().replace(' ', "-")
        ));
    }
    p.push_str(&format!(
        "</ul><p>&copy; 2024 {outlet}. All rights reserved.</p></footer>\n\
         <script src=\"/js/app.js\"></script></body></html>\n"
    ));
    p
}

/// Writes `n` web pages with about 5 KB of story each to a fresh directory.
pub fn write_pages(n: usize, seed: u64) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("cc-bench-pages-{n}-{seed}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut r = Rng::new(seed);
    for i in 0..n {
        std::fs::write(dir.join(format!("{i:05}.html")), html_page(&mut r, 5000))
            .expect("write page");
    }
    dir
}
