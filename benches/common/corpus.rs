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
