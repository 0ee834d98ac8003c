//! A deterministic generator of news-like text for the benchmarks.
//!
//! Articles come in events: several outlets report one event, so they share its people,
//! places and key figures, each in its own house style (curly or straight quotes, `%` or
//! "per cent", dashes, date formats, how a person is named the second time). Sentences are
//! built by a small grammar from a Zipf-distributed lexicon of several thousand word forms
//! (real English function and common content words, plus generated content words with
//! English endings), in many shapes: reported speech, quotes with the attribution before,
//! after or around them, lists, parentheticals, dashes, questions, dates in several formats.
//! About one sentence in five carries a figure (counts, money, percentages, measures, ranges,
//! durations, with and without hedges); with dates and clock times about one in four holds a
//! digit or a number word. Page noise (newsletter prompts, share lines, photo credits,
//! related links, cookie notices, advertisement markers, author bios, copyright lines) is
//! written here in its own words, never read from the cleaner's lists; each outlet repeats its
//! own lines on every article and adds lines that vary. Articles render as plain text,
//! Markdown or a full HTML page.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::sync::OnceLock;

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
    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// Ranks drawn with probability proportional to 1 / rank^s.
struct Zipf {
    cum: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cum = (1..=n)
            .map(|k| {
                total += 1.0 / (k as f64).powf(s);
                total
            })
            .collect();
        Zipf { cum }
    }
    fn draw(&self, r: &mut Rng) -> usize {
        let x = r.unit() * self.cum[self.cum.len() - 1];
        self.cum
            .partition_point(|&c| c <= x)
            .min(self.cum.len() - 1)
    }
}

// ---------------------------------------------------------------- the lexicon

/// Common nouns, most frequent first; `singular|plural` where the plural is irregular.
const NOUNS: &str = "year official city country person|people government week day \
    month report plan company state group minister leader council court law family \
    child|children woman|women man|men home house school hospital road bridge river border \
    village region area water power fire flood storm attack vote election party budget price \
    market bank job worker farmer student patient doctor soldier troop resident refugee voter \
    vehicle building project deal agreement investigation case trial decision statement policy \
    tax fund aid service system network energy oil gas food health crisis war ceasefire protest \
    strike rescue evacuation damage survey study figure rate cost contract program industry \
    economy site camp shelter town district province port airport train flight plant mine field \
    crop forest coast island team club match season player coach fan officer suspect victim \
    witness judge lawyer prosecutor ministry agency committee commission union spokesperson \
    analyst expert researcher scientist engineer volunteer crew driver passenger shop business \
    supply shortage sanction reform proposal bill measure question concern warning risk threat \
    response effort operation mission force weapon missile drone ship aircraft|aircraft talk";

/// Common verbs: `base|past` or `base|past|participle` where irregular, else the base.
const VERBS: &str = "approve announce reject launch open close build|built|built hold|held|held \
    send|sent|sent meet|met|met lead|led|led raise cut|cut|cut increase reduce expand delay \
    cancel confirm deny report warn urge criticize accept block suspend restore repair evacuate \
    deploy arrest charge release sign pass review investigate discuss propose plan seek|sought|sought \
    win|won|won lose|lost|lost face leave|left|left take|took|taken give|gave|given make|made|made \
    find|found|found bring|brought|brought keep|kept|kept move reach receive return visit replace \
    support oppose fund protect damage destroy hit|hit|hit kill injure rescue train hire \
    buy|bought|bought sell|sold|sold pay|paid|paid spend|spent|spent invest borrow produce export \
    import shut|shut|shut reopen extend introduce require allow ban limit question welcome \
    double halt resume inspect monitor secure clear flood surround";

const ADJECTIVES: &str = "new local national former public major regional federal political \
    economic military international foreign official early late recent previous final senior key \
    small large big long short high low strong heavy severe serious critical difficult clear \
    free open full private legal social financial second annual daily human central northern \
    southern eastern western coastal rural urban temporary independent significant further \
    additional initial current possible likely widespread sharp rapid slow quiet tense deadly";

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "b", "c", "d",
    "l", "m", "n", "p", "r", "s", "t", "br", "ch", "cl", "cr", "dr", "fl", "gr", "pl", "pr", "sh",
    "st", "tr", "", "", "", "",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "i", "ai", "ea", "ou", "io",
];
const CODAS: &[&str] = &[
    "", "", "", "", "", "", "n", "r", "s", "t", "l", "m", "n", "r", "nd", "nt", "st", "ck", "ng",
];
const NOUN_ENDS: &[&str] = &[
    "", "", "", "", "tion", "ment", "ness", "er", "ity", "ance", "ism", "age", "ure", "ship", "ist",
];
const VERB_ENDS: &[&str] = &["", "", "", "ate", "ize", "en", "ify", "ish"];
const ADJ_ENDS: &[&str] = &[
    "al", "ive", "ous", "ic", "ful", "less", "able", "ent", "ish", "ary", "ed",
];

fn pseudo_word(r: &mut Rng, ends: &[&str]) -> String {
    let syllables = match r.below(10) {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    let ends = if syllables == 3 { &ends[..1] } else { ends };
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(r.pick(ONSETS));
        w.push_str(r.pick(VOWELS));
        w.push_str(r.pick(CODAS));
    }
    let end = r.pick(ends);
    if !end.is_empty() && w.ends_with(|c: char| "aeiouy".contains(c)) {
        w.pop();
    }
    w.push_str(end);
    if w.len() < 3 {
        w.push_str("ton");
    }
    w
}

fn plural_of(w: &str) -> String {
    if w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy") {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

fn past_of(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") {
        format!("{}ied", &w[..w.len() - 1])
    } else {
        format!("{w}ed")
    }
}

fn third_person(w: &str) -> String {
    plural_of(w)
}

struct Noun {
    one: String,
    many: String,
}

struct Verb {
    base: String,
    past: String,
    participle: String,
}

/// The word forms the story grammar draws from, each list ranked for a Zipf draw.
struct Vocab {
    nouns: Vec<Noun>,
    noun_rank: Zipf,
    verbs: Vec<Verb>,
    verb_rank: Zipf,
    adjectives: Vec<String>,
    adjective_rank: Zipf,
    adverbs: Vec<String>,
    adverb_rank: Zipf,
}

/// Generated word forms beside the real ones: a long tail, as in real text.
const GENERATED_NOUNS: usize = 2400;
const GENERATED_VERBS: usize = 700;
const GENERATED_ADJECTIVES: usize = 700;

impl Vocab {
    fn build() -> Vocab {
        let mut r = Rng::new(0x5EED_1E71C0);
        let mut nouns: Vec<Noun> = NOUNS
            .split_whitespace()
            .map(|w| match w.split_once('|') {
                Some((one, many)) => Noun {
                    one: one.into(),
                    many: many.into(),
                },
                None => Noun {
                    one: w.into(),
                    many: plural_of(w),
                },
            })
            .collect();
        nouns.extend((0..GENERATED_NOUNS).map(|_| {
            let w = pseudo_word(&mut r, NOUN_ENDS);
            Noun {
                many: plural_of(&w),
                one: w,
            }
        }));
        let mut verbs: Vec<Verb> = VERBS
            .split_whitespace()
            .map(|w| {
                let mut parts = w.split('|');
                let base = parts.next().unwrap_or(w).to_string();
                let past = parts.next().map_or_else(|| past_of(&base), String::from);
                let participle = parts.next().map_or_else(|| past.clone(), String::from);
                Verb {
                    base,
                    past,
                    participle,
                }
            })
            .collect();
        verbs.extend((0..GENERATED_VERBS).map(|_| {
            let base = pseudo_word(&mut r, VERB_ENDS);
            let past = past_of(&base);
            Verb {
                base,
                participle: past.clone(),
                past,
            }
        }));
        let mut adjectives: Vec<String> = ADJECTIVES.split_whitespace().map(String::from).collect();
        adjectives.extend((0..GENERATED_ADJECTIVES).map(|_| pseudo_word(&mut r, ADJ_ENDS)));
        let mut adverbs: Vec<String> = [
            "also", "still", "already", "now", "later", "recently", "quickly", "largely", "again",
            "nearly", "publicly", "formally", "briefly", "finally",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        adverbs.extend(adjectives.iter().skip(80).step_by(3).map(|a| {
            if let Some(stem) = a.strip_suffix("ic") {
                format!("{stem}ically")
            } else if let Some(stem) = a.strip_suffix("le") {
                format!("{stem}ly")
            } else {
                format!("{a}ly")
            }
        }));
        Vocab {
            noun_rank: Zipf::new(nouns.len(), 1.0),
            verb_rank: Zipf::new(verbs.len(), 1.0),
            adjective_rank: Zipf::new(adjectives.len(), 1.0),
            adverb_rank: Zipf::new(adverbs.len(), 1.1),
            nouns,
            verbs,
            adjectives,
            adverbs,
        }
    }

    fn get() -> &'static Vocab {
        static V: OnceLock<Vocab> = OnceLock::new();
        V.get_or_init(Vocab::build)
    }

    /// How many distinct word forms the lexicon holds (nouns in both numbers, verbs in all
    /// three forms, adjectives, adverbs).
    pub fn forms() -> usize {
        let v = Vocab::get();
        let mut all: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for n in &v.nouns {
            all.insert(&n.one);
            all.insert(&n.many);
        }
        for x in &v.verbs {
            all.insert(&x.base);
            all.insert(&x.past);
            all.insert(&x.participle);
        }
        all.extend(v.adjectives.iter().map(String::as_str));
        all.extend(v.adverbs.iter().map(String::as_str));
        all.len()
    }
}

/// How many distinct content word forms the generator draws from.
pub fn lexicon_size() -> usize {
    Vocab::forms()
}

// ---------------------------------------------------------------- names, places, outlets

const FIRST: &[&str] = &[
    "Anna",
    "Marco",
    "Li",
    "Oleh",
    "Priya",
    "Tom",
    "Fatima",
    "Jonas",
    "Elena",
    "Kwame",
    "Sofia",
    "Hiroshi",
    "Maria",
    "David",
    "Amara",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Chloé",
    "Björn",
    "Renée",
    "Çağla",
    "İlker",
    "Aleksandr",
    "Mónica",
    "François",
    "Jürgen",
    "Dolores",
    "Nnamdi",
    "Siobhán",
    "Tomás",
    "Ngozi",
    "Mateus",
    "Inês",
    "Yusuf",
    "Aisha",
    "Rahul",
    "Mei",
    "Jae-won",
    "Olga",
    "Pavel",
    "Ingrid",
    "Kofi",
    "Lucía",
    "Hélène",
    "Miloš",
    "Dagný",
    "Thanh",
    "Ahmed",
    "Sarah",
    "James",
    "Michael",
    "Laura",
    "Peter",
    "Emily",
    "Robert",
    "Jennifer",
    "Daniel",
    "Grace",
    "Mary-Kate",
    "Jean-Luc",
];
const LAST: &[&str] = &[
    "Novak",
    "Bellini",
    "Wei",
    "Petrenko",
    "Raman",
    "Reyes",
    "Haddad",
    "Berg",
    "Costa",
    "Mensah",
    "Lind",
    "Tanaka",
    "Okafor",
    "Hart",
    "Weiss",
    "Gonçalves",
    "Müller",
    "Nowakowski",
    "Ødegaard",
    "Jiménez",
    "Kovačević",
    "Öztürk",
    "Lefèvre",
    "Dvořák",
    "de la Cruz",
    "van der Berg",
    "al-Hassan",
    "O'Connor",
    "Nguyễn",
    "Kowalczyk",
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Williams",
    "Chen",
    "Kim",
    "Park",
    "Singh",
    "Patel",
    "Hernández",
    "Sánchez",
    "Ivanova",
    "Sokolov",
    "Andersson",
    "Nakamura-Lee",
    "Abdullahi",
    "Dubois",
    "Rossi",
    "Papadopoulos",
    "Schäfer",
    "Þórsson",
    "Ó Súilleabháin",
    "dos Santos",
];
/// Names as some outlets print them, in Cyrillic.
const CYRILLIC: &[(&str, &str)] = &[
    ("Олег", "Петренко"),
    ("Ірина", "Коваленко"),
    ("Сергей", "Волков"),
    ("Анна", "Смирнова"),
    ("Дмитро", "Шевчук"),
];
const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Mayor",
    "Governor",
    "Gen.",
    "Sen.",
    "Rep.",
    "Dr.",
    "Prof.",
    "Minister",
    "Judge",
    "Chief Inspector",
    "Capt.",
    "Deputy Mayor",
];
const PLACES: &[&str] = &[
    "Kharkiv",
    "Lagos",
    "Patras",
    "Valencia",
    "Mosul",
    "Chennai",
    "Recife",
    "Mombasa",
    "Cebu",
    "Tabriz",
    "Leeds",
    "Izmir",
    "Kazan",
    "Quito",
    "São Paulo",
    "Kraków",
    "Zürich",
    "Reykjavík",
    "Đà Nẵng",
    "Gdańsk",
    "Malmö",
    "Cádiz",
    "Düsseldorf",
    "Île-de-France",
    "Rio de Janeiro",
    "New South Wales",
    "Port-au-Prince",
    "Ciudad Juárez",
    "Harbin",
    "Bogotá",
    "Montréal",
    "Tromsø",
    "Århus",
    "Łódź",
    "Brașov",
    "Plzeň",
    "Ankara",
    "Accra",
    "Nairobi",
    "Da Nang",
    "St. Louis",
    "Fort Worth",
    "Baton Rouge",
    "Salt Lake City",
    "Cape Town",
    "Kuala Lumpur",
    "Tel Aviv",
    "Buenos Aires",
    "Одеса",
    "Новосибирск",
    "Toulouse",
    "Marseille",
    "Porto",
    "Thessaloniki",
    "Cork",
    "Galway",
    "Hobart",
    "Darwin",
    "Winnipeg",
    "Halifax",
];
const FIELDS: &[&str] = &[
    "Health",
    "Transport",
    "Energy",
    "Finance",
    "the Interior",
    "Defence",
    "Agriculture",
    "Education",
    "Water",
    "Environment",
    "Labour",
    "Justice",
    "Housing",
];
const BODIES: &[&str] = &[
    "City Council",
    "Regional Authority",
    "Port Authority",
    "Water Board",
    "Police Department",
    "Fire Service",
    "Chamber of Commerce",
    "University",
    "General Hospital",
    "District Court",
    "Transit Agency",
    "Electoral Commission",
];
const GLOBAL_ORGS: &[&str] = &[
    "the United Nations",
    "the World Bank",
    "the Red Cross",
    "the International Monetary Fund",
    "the European Commission",
    "the World Health Organization",
    "UNICEF",
    "Amnesty International",
    "the U.N. refugee agency",
    "Médecins Sans Frontières",
];
const OUTLETS: &[&str] = &[
    "The Daily Herald",
    "Morning Post",
    "The Courier",
    "Evening Star",
    "Northern Ledger",
    "Harbour Times",
    "The Chronicle",
    "Metro Wire",
    "Valley Gazette",
    "The Observer-Tribune",
    "Coastal News",
    "Capital Report",
    "Reuters",
    "AP",
    "AFP",
];
const AGENCIES: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "EPA",
    "Getty Images",
    "Anadolu",
    "Shutterstock",
    "Bloomberg",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// How an outlet writes.
struct Style {
    outlet: &'static str,
    host: String,
    curly: bool,
    percent: &'static str,
    dash: &'static str,
    /// "3 March" rather than "March 3".
    day_first: bool,
    /// "Mr. Novak" rather than "Novak" on a second mention.
    honorifics: bool,
    /// A wire dateline ("KRAKÓW (Reuters) —") opens the story.
    wire: bool,
    /// Lines this outlet prints on every article.
    site: SiteNoise,
}

struct SiteNoise {
    newsletter: String,
    share: String,
    cookie: String,
    advert: &'static str,
    copyright: String,
    follow: String,
}

fn style(i: usize) -> Style {
    let mut r = Rng::new(1000 + i as u64);
    let outlet = OUTLETS[i % OUTLETS.len()];
    let wire = matches!(outlet, "Reuters" | "AP" | "AFP");
    let host = outlet
        .trim_start_matches("The ")
        .to_lowercase()
        .replace([' ', '-'], "");
    let newsletter = format!(
        "{} {} {}{}",
        r.pick(&[
            "Get",
            "Sign up for",
            "Subscribe to",
            "Join 40,000 readers of"
        ]),
        r.pick(&["our", "the"]),
        r.pick(&[
            "morning briefing",
            "daily digest",
            "evening newsletter",
            "weekend reads",
            "breaking news alerts",
        ]),
        r.pick(&[
            "",
            ", free to your inbox",
            ": the stories that matter, every weekday",
            ". It's free.",
            " and never miss a story",
        ])
    );
    let share = format!(
        "{}{}",
        r.pick(&["Share", "Share this", "Share this story", "Share article"]),
        r.pick(&[
            " · Facebook · X · WhatsApp · Email",
            " on social media",
            ": Facebook, LinkedIn, Email",
            "",
            " | Copy link",
        ])
    );
    let cookie = format!(
        "{}{}",
        r.pick(&[
            "We use cookies to improve your experience on our site.",
            "This website stores cookies on your device.",
            "Cookies help us run this site and show you relevant offers.",
        ]),
        r.pick(&[
            " By continuing, you accept our use of cookies.",
            " Find out more in our privacy notice.",
            " You can change your settings at any time.",
        ])
    );
    let copyright = r
        .pick(&[
            "© {year} {outlet}. All rights reserved.",
            "Copyright {year} {outlet}. This material may not be republished without permission.",
            "© {outlet} {year}",
            "All content © {outlet}, {year}",
        ])
        .replace("{outlet}", outlet);
    let follow = r
        .pick(&[
            "Follow us on Facebook, X and Instagram",
            "Follow {outlet} on social media for the latest updates",
            "Download our app for the latest news",
            "Have a story tip? Write to us",
        ])
        .replace("{outlet}", outlet);
    Style {
        outlet,
        host,
        curly: !i.is_multiple_of(3),
        percent: ["%", " percent", " per cent"][r.below(3)],
        dash: ["—", " — ", " – ", " - ", " -- "][r.below(5)],
        day_first: r.chance(0.4),
        honorifics: r.chance(0.3),
        wire,
        site: SiteNoise {
            newsletter,
            share,
            cookie,
            advert: r.pick(&[
                "Advertisement",
                "ADVERTISEMENT",
                "Story continues below advertisement",
                "Sponsored content",
                "Ad",
            ]),
            copyright,
            follow,
        },
    }
}

// ---------------------------------------------------------------- events

struct Person {
    first: String,
    last: String,
    title: Option<&'static str>,
    role: String,
}

struct KeyFigure {
    value: f64,
    kind: FigureKind,
    noun: usize,
}

#[derive(Clone, Copy)]
enum FigureKind {
    Count,
    Money(&'static str),
    Percent,
    Measure(&'static str),
}

/// One news event: what the articles about it share.
struct Event {
    places: Vec<&'static str>,
    cast: Vec<Person>,
    orgs: Vec<String>,
    topic: Vec<usize>,
    figures: Vec<KeyFigure>,
    year: usize,
    month: usize,
    day: usize,
    weekday: usize,
}

fn org(r: &mut Rng, place: &str) -> String {
    match r.below(5) {
        0 => format!("the Ministry of {}", r.pick(FIELDS)),
        1 | 2 => format!("the {place} {}", r.pick(BODIES)),
        3 => {
            let field = r.pick(FIELDS).trim_start_matches("the ");
            let kind = r.pick(&["Agency", "Institute", "Office", "Council"]);
            let acr: String = ["National", field, kind]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect();
            format!("the National {field} {kind} ({acr})")
        }
        _ => r.pick(GLOBAL_ORGS).to_string(),
    }
}

impl Event {
    fn new(r: &mut Rng) -> Event {
        let v = Vocab::get();
        let places: Vec<&str> = (0..r.between(1, 3)).map(|_| r.pick(PLACES)).collect();
        let orgs: Vec<String> = (0..r.between(2, 3)).map(|_| org(r, places[0])).collect();
        let cast = (0..r.between(2, 4))
            .map(|k| {
                let (first, last) = if r.chance(0.04) {
                    let (f, l) = CYRILLIC[r.below(CYRILLIC.len())];
                    (f.to_string(), l.to_string())
                } else if r.chance(0.1) {
                    let initial = (b'A' + r.below(26) as u8) as char;
                    (format!("{} {initial}.", r.pick(FIRST)), r.pick(LAST).into())
                } else {
                    (r.pick(FIRST).into(), r.pick(LAST).into())
                };
                let o = &orgs[k % orgs.len()];
                let role = match r.below(6) {
                    0 => format!("a spokesperson for {o}"),
                    1 => format!("the head of {o}"),
                    2 => format!("a senior official at {o}"),
                    3 => format!("an analyst at {o}"),
                    4 => format!("the {} director of {o}", v.adjectives[r.below(40)]),
                    _ => format!("who leads {o}"),
                };
                Person {
                    first,
                    last,
                    title: r.chance(0.35).then(|| r.pick(TITLES)),
                    role,
                }
            })
            .collect();
        let topic = (0..8)
            .map(|k| {
                if k < 5 {
                    v.noun_rank.draw(r)
                } else {
                    r.below(v.nouns.len())
                }
            })
            .collect();
        let figures = (0..r.between(3, 6))
            .map(|_| {
                let kind = match r.below(6) {
                    0..=2 => FigureKind::Count,
                    3 => FigureKind::Money(r.pick(&["$", "€", "£", "$"])),
                    4 => FigureKind::Percent,
                    _ => FigureKind::Measure(r.pick(&[
                        "square kilometres",
                        "hectares",
                        "km",
                        "tonnes",
                        "miles",
                        "acres",
                        "megawatts",
                    ])),
                };
                let value = match kind {
                    FigureKind::Percent => (r.below(950) + 5) as f64 / 10.0,
                    _ => magnitude(r),
                };
                KeyFigure {
                    value,
                    kind,
                    noun: v.noun_rank.draw(r),
                }
            })
            .collect();
        Event {
            places,
            cast,
            orgs,
            topic,
            figures,
            year: r.between(2019, 2025),
            month: r.below(12),
            day: r.between(1, 28),
            weekday: r.below(7),
        }
    }
}

/// A count of the size news reports: mostly hundreds and thousands, a long tail up to
/// billions.
fn magnitude(r: &mut Rng) -> f64 {
    let exp = match r.below(20) {
        0..=3 => 1,
        4..=9 => 2,
        10..=15 => 3,
        16..=17 => 4,
        18 => 6,
        _ => 9,
    };
    let mantissa = 1.0 + r.unit() * 9.0;
    let raw = mantissa * 10f64.powi(exp);
    // Reported figures are mostly round.
    let step = 10f64.powi((exp - 1).max(0));
    match r.below(3) {
        0 => raw.round(),
        _ => (raw / step).round() * step,
    }
}

fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number as news prints it: words below ten, commas, "2.4 million".
fn number(r: &mut Rng, v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", trim_decimal(v / 1e9))
    } else if v >= 1e6 {
        format!("{} million", trim_decimal(v / 1e6))
    } else if v < 10.0 && v.fract() == 0.0 && r.chance(0.8) {
        NUMBER_WORDS[v as usize].to_string()
    } else if v.fract() != 0.0 {
        format!("{v:.1}")
    } else {
        commas(v as u64)
    }
}

fn trim_decimal(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), String::from)
}

// ---------------------------------------------------------------- sentences

/// Writes one article's sentences for one outlet.
struct Writer<'a> {
    r: &'a mut Rng,
    v: &'static Vocab,
    ev: &'a Event,
    st: &'a Style,
    introduced: Vec<bool>,
    depth: usize,
}

const HEDGES: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "more than",
    "over",
    "at least",
    "up to",
    "roughly",
    "some",
    "an estimated",
    "fewer than",
    "less than",
    "close to",
    "as many as",
    "just over",
    "just under",
    "approximately",
];
const PREPOSITIONS: &[&str] = &[
    "in",
    "in",
    "in",
    "on",
    "for",
    "for",
    "with",
    "at",
    "from",
    "by",
    "after",
    "over",
    "into",
    "during",
    "against",
    "under",
    "across",
    "without",
    "through",
    "near",
    "about",
    "ahead of",
    "despite",
    "around",
    "between the",
    "toward",
    "within",
    "outside",
];
const SUBORDINATORS: &[&str] = &[
    "after",
    "before",
    "because",
    "while",
    "as",
    "although",
    "when",
    "since",
    "until",
    "if",
    "even though",
    "once",
];
const SAYS: &[&str] = &[
    "said",
    "said",
    "said",
    "told reporters",
    "added",
    "warned",
    "noted",
    "said in a statement",
    "wrote on X",
    "confirmed",
    "explained",
    "told local radio",
];
const THINKS: &[&str] = &[
    "argued",
    "noted",
    "acknowledged",
    "found",
    "showed",
    "suggested",
    "insisted",
    "believed",
    "feared",
    "estimated",
];

impl<'a> Writer<'a> {
    /// A writer of one event's sentences in one outlet's style, no one introduced yet.
    fn new(r: &'a mut Rng, ev: &'a Event, st: &'a Style) -> Writer<'a> {
        Writer {
            r,
            v: Vocab::get(),
            ev,
            st,
            introduced: vec![false; ev.cast.len()],
            depth: 0,
        }
    }

    fn open_quote(&self) -> &'static str {
        if self.st.curly { "“" } else { "\"" }
    }
    fn close_quote(&self) -> &'static str {
        if self.st.curly { "”" } else { "\"" }
    }
    fn apostrophe(&self) -> &'static str {
        if self.st.curly { "’" } else { "'" }
    }

    fn noun(&mut self) -> usize {
        if self.r.chance(0.25) {
            self.ev.topic[self.r.below(self.ev.topic.len())]
        } else {
            self.v.noun_rank.draw(self.r)
        }
    }
    fn adjective(&mut self) -> &'static str {
        &self.v.adjectives[self.v.adjective_rank.draw(self.r)]
    }
    fn verb(&mut self) -> &'static Verb {
        &self.v.verbs[self.v.verb_rank.draw(self.r)]
    }
    fn adverb(&mut self) -> &'static str {
        &self.v.adverbs[self.v.adverb_rank.draw(self.r)]
    }

    /// A name with its title and role the first time, the surname (or "Mr. Novak") after.
    fn person(&mut self, k: usize, appositive: bool) -> String {
        let p = &self.ev.cast[k];
        if self.introduced[k] {
            return if self.st.honorifics && p.title.is_none() {
                format!("{} {}", self.r.pick(&["Mr.", "Ms."]), p.last)
            } else if let Some(t) = p.title.filter(|_| self.st.honorifics) {
                format!("{t} {}", p.last)
            } else {
                p.last.replace('\'', self.apostrophe())
            };
        }
        self.introduced[k] = true;
        let name = format!("{} {}", p.first, p.last).replace('\'', self.apostrophe());
        match p.title {
            Some(t) => format!("{t} {name}"),
            None if appositive => format!("{name}, {},", p.role),
            None => name,
        }
    }

    fn org(&mut self) -> String {
        let o = self.ev.orgs[self.r.below(self.ev.orgs.len())].clone();
        match o.split_once(" (") {
            Some((name, _)) if self.r.chance(0.5) => name.to_string(),
            _ => o,
        }
    }

    fn place(&mut self) -> &'static str {
        if self.r.chance(0.7) {
            self.ev.places[0]
        } else {
            self.r.pick(PLACES)
        }
    }

    /// Someone who says something, and whether they are plural.
    fn speaker(&mut self) -> String {
        match self.r.below(10) {
            0..=4 => {
                let k = self.r.below(self.ev.cast.len());
                self.person(k, true)
            }
            5 => format!("a spokesperson for {}", self.org()),
            6 => self.org(),
            7 => self
                .r
                .pick(&[
                    "officials",
                    "police",
                    "local authorities",
                    "residents",
                    "two people familiar with the matter",
                    "a senior diplomat who asked not to be named",
                ])
                .to_string(),
            8 => self
                .r
                .pick(&[
                    "a spokeswoman",
                    "a spokesman",
                    "the company",
                    "the ministry",
                    "the union",
                    "the mayor’s office",
                ])
                .replace('’', self.apostrophe()),
            _ => {
                let k = self.r.below(self.ev.cast.len());
                self.person(k, false)
            }
        }
    }

    /// A noun phrase and whether it is plural.
    fn np(&mut self) -> (String, bool) {
        match self.r.below(20) {
            0..=8 => {
                let plural = self.r.chance(0.4);
                let n = &self.v.nouns[self.noun()];
                let det = if plural {
                    self.r.pick(&[
                        "the", "the", "the", "", "some", "many", "their", "its", "several", "other",
                    ])
                } else {
                    self.r.pick(&[
                        "the", "the", "the", "a", "a", "this", "their", "its", "another",
                    ])
                };
                let adj = if self.r.chance(0.3) {
                    format!("{} ", self.adjective())
                } else {
                    String::new()
                };
                let head = if plural { &n.many } else { &n.one };
                let det = if det == "a" && starts_with_vowel(&adj, head) {
                    "an"
                } else {
                    det
                };
                let phrase = format!("{det} {adj}{head}");
                (phrase.trim_start().to_string(), plural)
            }
            9..=11 => {
                let a = &self.v.nouns[self.noun()].one;
                let b = &self.v.nouns[self.noun()];
                let plural = self.r.chance(0.5);
                (
                    format!(
                        "the {a} of {} {}",
                        self.r.pick(&["the", "its", "their", "a"]),
                        if plural { &b.many } else { &b.one }
                    )
                    .replace(" of a ", if plural { " of " } else { " of a " }),
                    false,
                )
            }
            12 => {
                let k = self.r.below(self.ev.cast.len());
                (self.person(k, false), false)
            }
            13..=15 => {
                let a = self.adjective();
                let n = &self.v.nouns[self.noun()];
                let m = &self.v.nouns[self.noun()];
                (format!("the {a} {} {}", n.one, m.many), true)
            }
            16 if self.r.chance(0.5) => (self.org(), false),
            16 => {
                let place = self.place();
                (
                    format!("the {place} {}", self.v.nouns[self.noun()].one),
                    false,
                )
            }
            17 => (self.place().to_string(), false),
            _ => (
                self.r
                    .pick(&[
                        "officials",
                        "residents",
                        "the government",
                        "police",
                        "investigators",
                        "rescue teams",
                        "opposition lawmakers",
                        "the authorities",
                    ])
                    .to_string(),
                true,
            ),
        }
    }

    fn pp(&mut self) -> String {
        let p = self.r.pick(PREPOSITIONS);
        if p == "between the" {
            let a = &self.v.nouns[self.noun()].one;
            let b = &self.v.nouns[self.noun()].one;
            return format!("between the {a} and the {b}");
        }
        if self.r.chance(0.06) {
            return format!("{p} {}", self.place());
        }
        format!("{p} {}", self.np().0)
    }

    fn date(&mut self) -> String {
        let ev = self.ev;
        let m = ev.month;
        let d = ev.day;
        match self.r.below(14) {
            0..=3 => format!("on {}", WEEKDAYS[(ev.weekday + self.r.below(3)) % 7]),
            4 | 5 => {
                if self.st.day_first {
                    format!("on {d} {}", MONTHS[m])
                } else {
                    format!("on {} {d}", MONTHS_AP[m])
                }
            }
            6 => {
                if self.st.day_first {
                    format!("on {d} {} {}", MONTHS[m], ev.year)
                } else {
                    format!("on {} {d}, {}", MONTHS[m], ev.year)
                }
            }
            7 => format!("on {}-{:02}-{d:02}", ev.year, m + 1),
            8 => self
                .r
                .pick(&[
                    "last week",
                    "earlier this month",
                    "last month",
                    "this week",
                    "overnight",
                ])
                .to_string(),
            9 => format!(
                "in {} {}",
                self.r.pick(&["early", "mid-", "late"]),
                MONTHS[m]
            )
            .replace("mid- ", "mid-"),
            10 => format!("since {}", ev.year - self.r.between(1, 12)),
            11 => {
                let h = self.r.between(1, 11);
                let min = self.r.below(4) * 15;
                if self.r.chance(0.5) {
                    format!(
                        "at {h}:{min:02} {}",
                        self.r.pick(&["a.m.", "p.m.", "a.m. local time"])
                    )
                } else {
                    format!("at {:02}:{min:02} GMT", h + 12)
                }
            }
            12 => format!(
                "on {}, {} {d}",
                WEEKDAYS[ev.weekday],
                if self.st.day_first {
                    MONTHS[m]
                } else {
                    MONTHS_AP[m]
                }
            ),
            _ => format!(
                "on {} {}",
                WEEKDAYS[ev.weekday],
                self.r.pick(&["morning", "evening", "night"])
            ),
        }
    }

    fn vp(&mut self, plural: bool) -> String {
        let (was, has, is) = if plural {
            ("were", "have", "are")
        } else {
            ("was", "has", "is")
        };
        let verb = self.verb();
        let mut out = match self.r.below(14) {
            0..=4 => format!("{} {}", verb.past, self.np().0),
            5 => format!("{has} been {}", verb.participle),
            6 => format!("will {} {}", verb.base, self.np().0),
            7 => format!("{was} {}", self.adjective()),
            8 => format!("{is} expected to {} {}", verb.base, self.np().0),
            9 => format!(
                "{} {} {}",
                self.r.pick(&["could", "would", "may", "must"]),
                verb.base,
                self.np().0
            ),
            10 => format!("did not {} {}", verb.base, self.np().0),
            11 if self.depth < 2 => {
                self.depth += 1;
                let c = self.clause();
                self.depth -= 1;
                format!("{} that {c}", self.r.pick(THINKS))
            }
            12 => format!("{} {} {}", self.adverb(), verb.past, self.np().0),
            _ => format!("had {} {}", verb.participle, self.np().0),
        };
        let pps = match self.r.below(20) {
            0..=2 => 0,
            3..=9 => 1,
            10..=16 => 2,
            _ => 3,
        };
        for _ in 0..pps {
            out.push(' ');
            out.push_str(&self.pp());
        }
        out
    }

    fn clause(&mut self) -> String {
        let (s, plural) = self.np();
        let vp = self.vp(plural);
        format!("{s} {vp}")
    }

    /// A clause that may carry a date, a subordinate clause or a second clause.
    fn long_clause(&mut self) -> String {
        let mut c = self.clause();
        if self.r.chance(0.2) {
            c = format!("{c} {}", self.date());
        }
        if self.depth < 2 {
            self.depth += 1;
            match self.r.below(8) {
                0..=2 => c = format!("{c} {} {}", self.r.pick(SUBORDINATORS), self.clause()),
                3 => c = format!("{c}, and {}", self.clause()),
                4 => c = format!("{c}, but {}", self.clause()),
                5 => c = format!("{c}, {} {}", self.r.pick(&["which", "who"]), self.vp(false)),
                _ => {}
            }
            self.depth -= 1;
        }
        c
    }

    /// One sentence: a little under one in five carries a figure (dates and times add digits
    /// to others).
    fn sentence(&mut self) -> String {
        let s = if self.r.chance(0.18) {
            self.figure_sentence()
        } else {
            self.plain_sentence()
        };
        capitalise(&s)
    }

    fn plain_sentence(&mut self) -> String {
        let (oq, cq) = (self.open_quote(), self.close_quote());
        match self.r.below(24) {
            0..=5 => format!("{}.", self.long_clause()),
            6 | 7 => {
                let sub = self.r.pick(SUBORDINATORS);
                let a = self.clause();
                format!("{sub} {a}, {}.", self.long_clause())
            }
            8 => {
                let s = self.speaker();
                format!("{s} said {}.", self.long_clause())
            }
            9 => {
                let c = self.long_clause();
                let s = self.speaker();
                format!("{c}, {s} {}.", self.r.pick(SAYS))
            }
            10 => {
                let src = self.source();
                format!("According to {src}, {}.", self.long_clause())
            }
            11 | 12 => {
                let c = self.long_clause();
                let s = self.speaker();
                let says = self.r.pick(SAYS);
                if self.r.chance(0.3) {
                    format!("{oq}{},{cq} said {s}.", capitalise(&c))
                } else {
                    format!("{oq}{},{cq} {s} {says}.", capitalise(&c))
                }
            }
            13 => {
                let s = self.speaker();
                let c = self.long_clause();
                format!("{s} said: {oq}{}.{cq}", capitalise(&c))
            }
            14 => {
                let s = self.speaker();
                let (n, _) = self.np();
                let a = self.adjective();
                let b = self.adjective();
                format!("{s} called {n} {oq}{a} and {b}{cq}.")
            }
            15 => {
                let (n, _) = self.np();
                let items: Vec<String> = (0..self.r.between(3, 5)).map(|_| self.np().0).collect();
                let (last, rest) = items.split_last().unwrap_or((&items[0], &[]));
                let oxford = if self.r.chance(0.4) { "," } else { "" };
                format!(
                    "{n} {} {}{oxford} and {last}.",
                    self.r.pick(&["included", "listed", "named", "pointed to"]),
                    rest.join(", ")
                )
            }
            16 => {
                let o = self.org();
                let vp = self.vp(false);
                let aside = self.np().0;
                if o.contains(" (") {
                    format!("{o} {vp}.")
                } else {
                    format!(
                        "{o} (which {} {aside}) {vp}.",
                        self.r.pick(&["runs", "oversees", "funds", "represents"])
                    )
                }
            }
            17 => {
                let (s, plural) = self.np();
                let aside = self.long_clause();
                let vp = self.vp(plural);
                let d = self.st.dash;
                format!("{s}{d}{aside}{d}{vp}.")
            }
            18 => {
                let n = &self.v.nouns[self.noun()].one;
                let verb = self.verb();
                format!(
                    "{} the {n} {} {}?",
                    self.r.pick(&["Will", "Can", "Should", "Could", "Did"]),
                    verb.base,
                    self.np().0
                )
            }
            19 => {
                let c = self.clause();
                format!("{}; {}.", c, self.clause())
            }
            20 => {
                let d = self.date();
                format!("{d}, {}.", self.long_clause())
            }
            21 => {
                let k = self.r.below(self.ev.cast.len());
                let p = self.person(k, false);
                format!(
                    "{p} {}.",
                    self.r.pick(&[
                        "declined to comment",
                        "did not respond to a request for comment",
                        "could not be reached",
                        "did not return calls seeking comment on the matter",
                    ])
                )
            }
            22 => {
                let wh = self.r.pick(&["how", "whether", "why", "when"]);
                format!("It was not clear {wh} {}.", self.clause())
            }
            _ => {
                let (s, plural) = self.np();
                let verb = self.verb();
                format!(
                    "{s} {} {} in the {} {}.",
                    if plural { "were" } else { "was" },
                    verb.participle,
                    self.adjective(),
                    self.v.nouns[self.noun()].one
                )
            }
        }
    }

    fn source(&mut self) -> String {
        match self.r.below(5) {
            0 => format!("a report by {}", self.org()),
            1 => self.r.pick(OUTLETS).to_string(),
            2 => format!("figures from {}", self.org()),
            3 => self.speaker(),
            _ => format!("{} {}", self.r.pick(&["local", "state"]), "media"),
        }
    }

    fn hedge(&mut self) -> String {
        if self.r.chance(0.5) {
            format!("{} ", self.r.pick(HEDGES))
        } else {
            String::new()
        }
    }

    fn money(&mut self, cur: &str, v: f64) -> String {
        let v = if v < 50.0 { v * 1000.0 } else { v };
        if v >= 1e6 {
            let (x, long, short) = if v >= 1e9 {
                (v / 1e9, "billion", "bn")
            } else {
                (v / 1e6, "million", "m")
            };
            match self.r.below(4) {
                0 => format!("{cur}{}{short}", trim_decimal(x)),
                1 => format!(
                    "{} {long} {}",
                    trim_decimal(x),
                    match cur {
                        "€" => "euros",
                        "£" => "pounds",
                        _ => "dollars",
                    }
                ),
                _ => format!("{cur}{} {long}", trim_decimal(x)),
            }
        } else {
            format!("{cur}{}", commas(v as u64))
        }
    }

    fn percent(&mut self, p: f64) -> String {
        format!("{}{}", trim_decimal(p), self.st.percent)
    }

    /// A count of something: "at least 42 people", "dozens of homes".
    fn count(&mut self, v: f64, noun: usize) -> String {
        let n = &self.v.nouns[noun];
        if self.r.chance(0.08) {
            return format!(
                "{} of {}",
                self.r.pick(&[
                    "dozens",
                    "hundreds",
                    "thousands",
                    "scores",
                    "tens of thousands"
                ]),
                n.many
            );
        }
        let hedge = self.hedge();
        let num = number(self.r, v);
        let head = if num == "one" { &n.one } else { &n.many };
        format!("{hedge}{num} {head}")
    }

    fn measure(&mut self, unit: &str, v: f64) -> String {
        let hedge = self.hedge();
        let num = number(self.r, v);
        if unit == "km" && self.r.chance(0.3) {
            let miles = (v * 0.621).round();
            return format!("{hedge}{num} km ({} miles)", commas(miles as u64));
        }
        format!("{hedge}{num} {unit}")
    }

    /// One of the event's own figures, said this outlet's way, or a new one.
    fn figure_phrase(&mut self) -> (String, bool) {
        if self.r.chance(0.45) {
            let k = self.r.below(self.ev.figures.len());
            let f = &self.ev.figures[k];
            let (value, kind, noun) = (f.value, f.kind, f.noun);
            // Sources round the same figure differently.
            let value = if value >= 1000.0 && self.r.chance(0.3) {
                let step = 10f64.powi(value.log10().floor() as i32 - 1);
                (value / step).round() * step
            } else {
                value
            };
            return match kind {
                FigureKind::Count => (self.count(value, noun), true),
                FigureKind::Money(c) => (self.money(c, value), false),
                FigureKind::Percent => {
                    let n = self.v.nouns[noun].many.clone();
                    (format!("{} of {n}", self.percent(value)), true)
                }
                FigureKind::Measure(u) => (self.measure(u, value), false),
            };
        }
        let noun = self.noun();
        match self.r.below(10) {
            0..=3 => {
                let v = magnitude(self.r);
                (self.count(v, noun), true)
            }
            4 => {
                let v = magnitude(self.r);
                let cur = self.r.pick(&["$", "€", "£", "¥", "US$"]);
                (self.money(cur, v), false)
            }
            5 => {
                let p = (self.r.below(990) + 5) as f64 / 10.0;
                let n = self.v.nouns[noun].many.clone();
                (format!("{} of the {n}", self.percent(p)), true)
            }
            6 => {
                let a = magnitude(self.r);
                let b = a * (1.2 + self.r.unit());
                let n = &self.v.nouns[noun].many;
                let (a, b) = (number(self.r, a), number(self.r, b.round()));
                let phrase = match self.r.below(3) {
                    0 => format!("between {a} and {b} {n}"),
                    1 => format!("{a} to {b} {n}"),
                    _ => format!("{a}-{b} {n}").replace(" million-", "-"),
                };
                (phrase, true)
            }
            7 => {
                let unit = self.r.pick(&[
                    "kilometres",
                    "kilometers",
                    "metres",
                    "feet",
                    "hectares",
                    "tonnes",
                    "kg",
                    "litres",
                    "gallons",
                    "mm of rain",
                    "km²",
                    "MW",
                    "barrels a day",
                    "km/h",
                ]);
                let v = magnitude(self.r);
                (self.measure(unit, v), false)
            }
            8 => {
                let n = self.r.between(2, 40);
                let unit = self.r.pick(&["hours", "days", "weeks", "months", "years"]);
                (
                    format!("{}{} {unit}", self.hedge(), number(self.r, n as f64)),
                    true,
                )
            }
            _ => {
                let k = self.r.between(2, 10);
                let n = &self.v.nouns[noun].many;
                (format!("one in {} {n}", NUMBER_WORDS[k]), false)
            }
        }
    }

    fn figure_sentence(&mut self) -> String {
        let (oq, cq) = (self.open_quote(), self.close_quote());
        match self.r.below(28) {
            0..=5 => {
                let (f, plural) = self.figure_phrase();
                let verb = self.verb();
                let pp = self.pp();
                let tail = if self.r.chance(0.4) {
                    format!(" {}", self.date())
                } else {
                    String::new()
                };
                let attr = if self.r.chance(0.4) {
                    format!(", {} {}", self.speaker(), self.r.pick(SAYS))
                } else {
                    String::new()
                };
                format!(
                    "{f} {} {} {pp}{tail}{attr}.",
                    if plural { "were" } else { "was" },
                    verb.participle
                )
            }
            6..=9 => {
                let (s, _) = self.np();
                let verb = self.verb();
                let (f, _) = self.figure_phrase();
                let pp = self.pp();
                format!("{s} {} {f} {pp}.", verb.past)
            }
            10 | 11 => {
                let (s, _) = self.np();
                let p = (self.r.below(400) + 5) as f64 / 10.0;
                let p = self.percent(p);
                let dir = self.r.pick(&["rose", "fell", "grew", "dropped", "climbed"]);
                let by = if self.r.chance(0.5) { "by " } else { "" };
                let period = self.r.pick(&[
                    "in the first quarter",
                    "last year",
                    "over the past decade",
                    "compared with a year earlier",
                    "since January",
                ]);
                format!("{s} {dir} {by}{p} {period}.")
            }
            12 | 13 => {
                let src = self.source();
                let (f, plural) = self.figure_phrase();
                let vp = self.vp(plural);
                format!("According to {src}, {f} {vp}.")
            }
            14 | 15 => {
                let (f, plural) = self.figure_phrase();
                let vp = self.vp(plural);
                let s = self.speaker();
                let says = self.r.pick(SAYS);
                format!("{oq}{} {vp},{cq} {s} {says}.", capitalise(&f))
            }
            16 | 17 => {
                let s = self.speaker();
                let (f, plural) = self.figure_phrase();
                let vp = self.vp(plural);
                format!("{s} said {f} {vp}.")
            }
            18 | 19 => {
                let total = magnitude(self.r).max(20.0);
                let part = (total * self.r.unit() * 0.8).round().max(2.0);
                let n = self.v.nouns[self.noun()].many.clone();
                let vp = self.vp(true);
                let total = number(self.r, total);
                let part = number(self.r, part);
                format!("Of the {total} {n}, {part} {vp}.")
            }
            20 | 21 => {
                let c = self.clause();
                let n = self.r.between(2, 30);
                let unit = self.r.pick(&["hours", "days", "weeks", "months"]);
                let prep = self.r.pick(&["for", "over", "within", "in the past"]);
                let n = number(self.r, n as f64);
                format!("{c} {prep} {n} {unit}.")
            }
            22 | 23 => {
                let (s, _) = self.np();
                let (a, _) = self.figure_phrase();
                let (b, _) = self.figure_phrase();
                let verb = self.verb();
                let d = self.date();
                format!("{s} {} {a}, up from {b} {d}.", verb.past)
            }
            24..=26 => {
                let (n, _) = self.np();
                let items: Vec<String> = (0..3).map(|_| self.figure_phrase().0).collect();
                format!(
                    "{n} {} {}, {} and {}.",
                    self.r.pick(&["included", "involved", "counted"]),
                    items[0],
                    items[1],
                    items[2]
                )
            }
            _ => {
                let c = self.r.between(18, 44);
                let f = (c as f64 * 9.0 / 5.0 + 32.0).round();
                let place = self.place();
                let d = self.date();
                format!(
                    "Temperatures {} {c}°C ({f}°F) in {place} {d}.",
                    self.r.pick(&["reached", "climbed to", "peaked at", "hit"])
                )
            }
        }
    }

    fn paragraph(&mut self) -> Vec<String> {
        let n = match self.r.below(20) {
            0..=4 => 1,
            5..=10 => 2,
            11..=15 => 3,
            16..=18 => 4,
            _ => 5,
        };
        (0..n).map(|_| self.sentence()).collect()
    }

    fn headline(&mut self) -> String {
        let place = self.ev.places[0];
        let verb = self.verb();
        let h = match self.r.below(6) {
            0 => {
                let (f, _) = self.figure_phrase();
                format!("{f} {} in {place}", verb.participle)
            }
            1 => {
                let o = self.org();
                let o = o.trim_start_matches("the ");
                let (n, _) = self.np();
                format!("{o} {} {n}", third_person(&verb.base))
            }
            2 => {
                let (n, _) = self.np();
                format!("{place}: {n} {} after {}", verb.past, self.np().0)
            }
            3 => {
                let (n, _) = self.np();
                let p = &self.ev.cast[0].last;
                let (oq, cq) = if self.st.curly {
                    ("‘", "’")
                } else {
                    ("'", "'")
                };
                format!(
                    "{oq}{} {}{cq}: {p} on {n}",
                    capitalise(self.adjective()),
                    self.v.nouns[self.noun()].many
                )
            }
            4 => {
                let (f, _) = self.figure_phrase();
                let n = &self.v.nouns[self.noun()].one;
                format!("{n} {} {f} as {place} {}", verb.past, self.verb().past)
            }
            _ => {
                let p = &self.ev.cast[0].last;
                format!("{p} to {} {} in {place}", verb.base, self.np().0)
            }
        };
        capitalise(&h)
    }
}

fn starts_with_vowel(adj: &str, head: &str) -> bool {
    let w = if adj.is_empty() { head } else { adj };
    w.starts_with(|c: char| "aeiouAEIOU".contains(c))
}

fn capitalise(s: &str) -> String {
    let (lead, rest) = match s.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((i, _)) => s.split_at(i),
        None => return s.to_string(),
    };
    let mut c = rest.chars();
    c.next().map_or(s.to_string(), |f| {
        format!("{lead}{}{}", f.to_uppercase(), c.as_str())
    })
}

// ---------------------------------------------------------------- articles

/// A piece of an article, before it is written as text, Markdown or HTML.
enum Block {
    Title(String),
    Standfirst(String),
    Byline(String),
    Dateline(String),
    Caption(String),
    Para(String),
    Quote(String),
    List(String, Vec<String>),
    Related(String),
    Noise(String),
}

struct Story {
    blocks: Vec<Block>,
    title: String,
    author: String,
}

fn full_name(r: &mut Rng) -> String {
    format!("{} {}", r.pick(FIRST), r.pick(LAST))
}

fn other_headline(r: &mut Rng, st: &Style) -> String {
    let ev = Event::new(r);
    let mut w = Writer::new(r, &ev, st);
    w.headline()
}

/// The noise an article carries beyond its outlet's fixed lines: credits, links, bios.
fn varied_noise(r: &mut Rng, st: &Style, author: &str, ev: &Event) -> String {
    match r.below(9) {
        0 => format!(
            "{} {}/{}",
            r.pick(&["Photo:", "Photograph:", "Image:", "Pictured:"]),
            full_name(r),
            r.pick(AGENCIES)
        ),
        1 => format!(
            "(Photo by {} / {} via Getty Images)",
            full_name(r),
            r.pick(AGENCIES)
        ),
        2 => format!(
            "{} {}",
            r.pick(&[
                "Related:",
                "READ MORE:",
                "Also read:",
                "See also:",
                "More on this story:",
                "Recommended:"
            ]),
            other_headline(r, st)
        ),
        3 => format!(
            "{} {} {}",
            r.pick(&["Updated", "Published", "Last modified"]),
            r.between(2, 59),
            r.pick(&["minutes ago", "hours ago", "min read"])
        ),
        4 => format!(
            "{author} {} for {}. {}",
            r.pick(&[
                "is a reporter covering politics",
                "covers energy and climate",
                "is a correspondent based in",
                "writes about courts and crime",
                "has reported on health",
            ])
            .replace("based in", &format!("based in {}", ev.places[0])),
            st.outlet,
            r.pick(&[
                "Follow her on X.",
                "Follow him on X.",
                "Reach them by email.",
                "Send tips securely.",
            ])
        ),
        5 => format!(
            "Reporting by {}; additional reporting by {}; editing by {}",
            full_name(r),
            full_name(r),
            full_name(r)
        ),
        6 => format!(
            "Tags: {}, {}, {}",
            ev.places[0],
            capitalise(&Vocab::get().nouns[ev.topic[0]].many),
            capitalise(&Vocab::get().nouns[ev.topic[1]].one)
        ),
        7 => format!("Comments ({})", r.between(0, 480)),
        _ => format!(
            "{} {}",
            r.pick(&["Watch:", "Video:", "Listen:", "Live updates:"]),
            other_headline(r, st)
        ),
    }
}

/// One article of about `bytes` bytes of story by outlet `st` on `ev`.
fn story(r: &mut Rng, ev: &Event, st: &Style, bytes: usize) -> Story {
    let author = full_name(r);
    let mut w = Writer::new(r, ev, st);
    let title = w.headline();
    let mut blocks = vec![Block::Title(title.clone())];
    if w.r.chance(0.5) {
        blocks.push(Block::Standfirst(w.sentence()));
    }
    let byline = match w.r.below(4) {
        0 => format!("By {author}"),
        1 => format!("By {author}, {}", st.outlet),
        2 => format!("{author} | {}", st.outlet),
        _ => format!("By {author} and {}", full_name(w.r)),
    };
    blocks.push(Block::Byline(byline));
    let (m, d, y) = (ev.month, ev.day, ev.year);
    let (h, min) = (w.r.between(6, 22), w.r.below(60));
    let dateline = match w.r.below(5) {
        0 => format!(
            "{} {d}, {y} {}:{min:02} {} EST",
            MONTHS[m],
            (h - 1) % 12 + 1,
            if h < 12 { "AM" } else { "PM" }
        ),
        1 => format!("Published {d} {} {y}", MONTHS[m]),
        2 => format!("Updated: {y}-{:02}-{d:02} {h}:{min:02}", m + 1),
        3 => format!(
            "{} {d} {} {y} {h}.{min:02} GMT",
            &WEEKDAYS[ev.weekday][..3],
            &MONTHS[m][..3]
        ),
        _ => format!("{}/{d}/{y}", m + 1),
    };
    blocks.push(Block::Dateline(dateline));
    if w.r.chance(0.5) {
        let credit = format!("{}/{}", full_name(w.r), w.r.pick(AGENCIES));
        let c = w.clause();
        blocks.push(Block::Caption(format!(
            "{} {}. ({credit})",
            capitalise(&c),
            w.date()
        )));
    }
    let start = blocks.len();
    let mut written = 0;
    let mut paragraphs = 0;
    while written < bytes {
        let kind = w.r.below(30);
        let block = if kind == 0 && paragraphs > 1 {
            let intro = format!(
                "{} {}:",
                w.np().0,
                w.r.pick(&["include", "were", "are listed below", "so far"])
            );
            let items: Vec<String> = (0..w.r.between(3, 6))
                .map(|_| {
                    if w.r.chance(0.4) {
                        capitalise(&w.figure_phrase().0)
                    } else {
                        capitalise(&w.np().0)
                    }
                })
                .collect();
            Block::List(capitalise(&intro), items)
        } else if kind == 1 && paragraphs > 1 {
            Block::Quote(w.sentence())
        } else {
            Block::Para(w.paragraph().join(" "))
        };
        written += match &block {
            Block::Para(t) | Block::Quote(t) => t.len(),
            Block::List(t, items) => t.len() + items.iter().map(String::len).sum::<usize>(),
            _ => 0,
        };
        if paragraphs == 0
            && st.wire
            && let Block::Para(t) = &block
        {
            let place = ev.places[0].to_uppercase();
            blocks.push(Block::Para(format!(
                "{place} ({}){}{t}",
                st.outlet, st.dash
            )));
        } else {
            blocks.push(block);
        }
        paragraphs += 1;
        if w.r.chance(0.14) {
            blocks.push(match w.r.below(5) {
                0 => Block::Noise(st.site.advert.to_string()),
                1 => Block::Noise(st.site.newsletter.clone()),
                2 => Block::Related(other_headline(w.r, st)),
                _ => Block::Noise(varied_noise(w.r, st, &author, ev)),
            });
        }
    }
    // A share line near the top of some stories, the rest at the end.
    if w.r.chance(0.5) {
        blocks.insert(start, Block::Noise(st.site.share.clone()));
    }
    let mut tail = vec![
        st.site.share.clone(),
        varied_noise(w.r, st, &author, ev),
        st.site.follow.clone(),
        st.site.copyright.replace("{year}", &ev.year.to_string()),
    ];
    if w.r.chance(0.3) {
        tail.push(st.site.cookie.clone());
    }
    tail.retain(|_| w.r.chance(0.75));
    blocks.extend(tail.into_iter().map(Block::Noise));
    Story {
        blocks,
        title,
        author,
    }
}

fn render_text(s: &Story) -> String {
    let mut out = String::new();
    for b in &s.blocks {
        match b {
            Block::Title(t)
            | Block::Standfirst(t)
            | Block::Byline(t)
            | Block::Dateline(t)
            | Block::Caption(t)
            | Block::Para(t)
            | Block::Quote(t)
            | Block::Noise(t) => out.push_str(t),
            Block::Related(h) => {
                let _ = write!(out, "Related: {h}");
            }
            Block::List(intro, items) => {
                out.push_str(intro);
                for i in items {
                    let _ = write!(out, "\n• {i}");
                }
            }
        }
        out.push_str("\n\n");
    }
    out
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .take(60)
        .collect::<String>()
        .trim()
        .to_lowercase()
        .replace(' ', "-")
}

fn render_markdown(s: &Story, st: &Style) -> String {
    let mut out = String::new();
    for b in &s.blocks {
        match b {
            Block::Title(t) => {
                let _ = write!(out, "# {t}");
            }
            Block::Standfirst(t) => {
                let _ = write!(out, "**{t}**");
            }
            Block::Byline(t) | Block::Dateline(t) => {
                let _ = write!(out, "*{t}*");
            }
            Block::Caption(t) => {
                let _ = write!(
                    out,
                    "![{t}](https://{}.example/img/{}.jpg)",
                    st.host,
                    t.len()
                );
            }
            Block::Para(t) | Block::Noise(t) => out.push_str(t),
            Block::Quote(t) => {
                let _ = write!(out, "> {t}");
            }
            Block::Related(h) => {
                let _ = write!(
                    out,
                    "**Related:** [{h}](https://{}.example/{})",
                    st.host,
                    slug(h)
                );
            }
            Block::List(intro, items) => {
                out.push_str(intro);
                out.push('\n');
                for i in items {
                    let _ = write!(out, "\n- {i}");
                }
            }
        }
        out.push_str("\n\n");
    }
    out
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    "Ségolène_B",
    "old_reader",
];

/// A story as a news site serves it: meta tags and JSON-LD, a style sheet and scripts, a
/// cookie banner, navigation, share buttons, the story with its captions, teasers and ad
/// slots, a newsletter box, the author's bio, related links, comments and a footer. 60-120 KB
/// in all, as real pages are (the 60 dev pages: median 115 KB).
fn render_html(r: &mut Rng, s: &Story, st: &Style, ev: &Event) -> String {
    let outlet = st.outlet;
    let (y, m, d) = (ev.year, ev.month + 1, ev.day);
    let title = esc(&s.title);
    let mut p = String::with_capacity(130_000);
    let _ = write!(
        p,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <title>{title} | {outlet}</title>\n<meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"article:published_time\" content=\"{y}-{m:02}-{d:02}T10:00:00Z\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <link rel=\"canonical\" href=\"https://www.{host}.example/{y}/{m:02}/{d:02}/{slug}\">\n\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@graph\":[\
         {{\"@type\":\"NewsMediaOrganization\",\"@id\":\"#org\",\"name\":\"{outlet}\"}},\
         {{\"@type\":\"NewsArticle\",\"headline\":\"{title}\",\"datePublished\":\"{y}-{m:02}-{d:02}T10:00:00Z\",\
         \"author\":[{{\"@type\":\"Person\",\"name\":\"{author}\"}}],\"publisher\":{{\"@id\":\"#org\"}}}}]}}</script>\n<style>",
        host = st.host,
        slug = slug(&s.title),
        author = esc(&s.author),
    );
    let prefix = &st.host[..st.host.len().min(4)];
    for i in 0..r.between(400, 1000) {
        let _ = writeln!(
            p,
            ".{prefix}-c{i}{{margin:{}px;padding:{}px;color:#{:06x}}}",
            r.below(20),
            r.below(20),
            r.below(0xffffff)
        );
    }
    p.push_str("</style>\n<script>");
    for i in 0..r.between(400, 900) {
        let _ = writeln!(
            p,
            "window.cfg{i}={{id:{},slot:'ad-{}',lazy:true,sizes:[[300,250],[728,90]]}};",
            r.below(1_000_000),
            r.below(50)
        );
    }
    let _ = write!(
        p,
        "</script></head>\n<body class=\"article-page\">\n\
         <div class=\"consent\" role=\"dialog\"><p>{}</p><button>Accept</button><button>Settings</button></div>\n\
         <header class=\"masthead\"><a class=\"logo\" href=\"/\">{outlet}</a><nav><ul>",
        esc(&st.site.cookie)
    );
    for sec in SECTIONS {
        let _ = write!(p, "<li><a href=\"/{}\">{sec}</a></li>", sec.to_lowercase());
    }
    p.push_str("</ul></nav><form class=\"search\"><input type=\"search\" placeholder=\"Search\"></form></header>\n<main><article class=\"story\">\n");
    let mut paragraphs = 0;
    for b in &s.blocks {
        match b {
            Block::Title(t) => {
                let _ = writeln!(p, "<h1>{}</h1>", esc(t));
            }
            Block::Standfirst(t) => {
                let _ = writeln!(p, "<p class=\"standfirst\">{}</p>", esc(t));
            }
            Block::Byline(t) => {
                let _ = writeln!(
                    p,
                    "<p class=\"byline\"><a rel=\"author\" href=\"/by/{}\">{}</a></p>",
                    slug(&s.author),
                    esc(t)
                );
            }
            Block::Dateline(t) => {
                let _ = writeln!(
                    p,
                    "<time datetime=\"{y}-{m:02}-{d:02}T10:00:00Z\">{}</time>\n<div class=\"share\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>",
                    esc(t)
                );
            }
            Block::Caption(t) => {
                let _ = writeln!(
                    p,
                    "<figure><img src=\"/img/{}.jpg\" alt=\"\"><figcaption>{}</figcaption></figure>",
                    r.below(100_000),
                    esc(t)
                );
            }
            Block::Para(t) => {
                let _ = writeln!(p, "<p>{}</p>", esc(t));
                paragraphs += 1;
                if paragraphs == 4 {
                    let _ = writeln!(
                        p,
                        "<div class=\"ad-slot\" data-slot=\"mid\">{}</div>",
                        st.site.advert
                    );
                }
            }
            Block::Quote(t) => {
                let _ = writeln!(p, "<blockquote><p>{}</p></blockquote>", esc(t));
            }
            Block::List(intro, items) => {
                let _ = write!(p, "<p>{}</p>\n<ul>", esc(intro));
                for i in items {
                    let _ = write!(p, "<li>{}</li>", esc(i));
                }
                p.push_str("</ul>\n");
            }
            Block::Related(h) => {
                let _ = writeln!(
                    p,
                    "<aside class=\"teaser\"><a href=\"/{}\">{}</a></aside>",
                    slug(h),
                    esc(h)
                );
            }
            Block::Noise(t) => {
                let _ = writeln!(p, "<div class=\"inline-promo\">{}</div>", esc(t));
            }
        }
    }
    let _ = write!(
        p,
        "</article>\n<section class=\"newsletter\"><h2>{}</h2><form><input type=\"email\" placeholder=\"Your email\"><button>Sign up</button></form></section>\n\
         <section class=\"author-bio\"><p>{}</p></section>\n<aside class=\"related\"><h2>{}</h2><ul>\n",
        esc(&st.site.newsletter),
        esc(&varied_noise(r, st, &s.author, ev)),
        r.pick(&[
            "Related stories",
            "More from this section",
            "You may also like",
            "Most read"
        ])
    );
    for _ in 0..6 {
        let _ = writeln!(
            p,
            "<li><a href=\"/r/{}\">{}</a></li>",
            r.below(100_000),
            esc(&other_headline(r, st))
        );
    }
    p.push_str("</ul></aside>\n<section class=\"comments\"><h2>Comments</h2>\n");
    let other = Event::new(r);
    let mut w = Writer::new(r, &other, st);
    for _ in 0..w.r.between(2, 6) {
        let user = w.r.pick(COMMENTERS);
        let said = w.sentence();
        let _ = writeln!(
            p,
            "<div class=\"comment\"><span class=\"user\">{user}</span><p>{}</p></div>",
            esc(&said)
        );
    }
    p.push_str("<p>Log in to comment</p></section></main>\n<footer><ul>");
    for l in [
        "About us",
        "Contact us",
        "Terms of use",
        "Privacy policy",
        "Advertise",
        "Careers",
    ] {
        let _ = write!(
            p,
            "<li><a href=\"/{}\">{l}</a></li>",
            l.to_lowercase().replace(' ', "-")
        );
    }
    let _ = write!(
        p,
        "</ul><p>{}</p><p>{}</p></footer>\n<script src=\"/js/app.js\"></script></body></html>\n",
        esc(&st.site.follow),
        esc(&st.site.copyright.replace("{year}", &y.to_string()))
    );
    p
}

// ---------------------------------------------------------------- the public face

/// How a generated article is stored.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// One generated file: its name (which holds the outlet, as saved articles' names often do)
/// and its contents.
pub struct GeneratedFile {
    pub name: String,
    pub contents: String,
}

/// Articles in events of one to six outlets each, deterministic from `seed`. `html_every`:
/// every how many articles is a full web page (0: none); of the rest one in four is Markdown.
pub fn files(n: usize, seed: u64, html_every: usize) -> Vec<GeneratedFile> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let ev = Event::new(&mut r);
        let first = r.below(OUTLETS.len());
        for k in 0..r.between(1, 6).min(n - out.len()) {
            let st = style((first + k * 5) % OUTLETS.len());
            let i = out.len();
            let format = if html_every > 0 && i % html_every == html_every - 1 {
                Format::Html
            } else if r.chance(0.25) {
                Format::Markdown
            } else {
                Format::Text
            };
            let bytes = r.between(2800, 5600);
            let s = story(&mut r, &ev, &st, bytes);
            let contents = match format {
                Format::Text => render_text(&s),
                Format::Markdown => render_markdown(&s, &st),
                Format::Html => render_html(&mut r, &s, &st, &ev),
            };
            out.push(GeneratedFile {
                name: format!("{i:06}-{}.{}", st.host, format.extension()),
                contents,
            });
        }
    }
    out
}

/// One plain-text article of about `bytes` bytes of story (headline, byline, dateline, story
/// paragraphs, page noise), by a random outlet on a new event.
pub fn article(r: &mut Rng, bytes: usize) -> String {
    let ev = Event::new(r);
    let st = style(r.below(OUTLETS.len()));
    render_text(&story(r, &ev, &st, bytes))
}

/// `n` plain-text articles of 3-6 KB, deterministic from `seed`.
pub fn corpus(n: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let ev = Event::new(&mut r);
        let first = r.below(OUTLETS.len());
        for k in 0..r.between(1, 6).min(n - out.len()) {
            let st = style((first + k * 5) % OUTLETS.len());
            let bytes = r.between(2800, 5600);
            out.push(render_text(&story(&mut r, &ev, &st, bytes)));
        }
    }
    out
}

fn write_files(dir: std::path::PathBuf, files: &[GeneratedFile]) -> std::path::PathBuf {
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in files {
        std::fs::write(dir.join(&f.name), &f.contents).expect("write article");
    }
    dir
}

/// Writes `n` text articles (three in four plain text, one in four Markdown) to a fresh
/// directory and returns its path.
pub fn write_corpus(n: usize, seed: u64) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-bench-{n}-{seed}-{}", std::process::id()));
    write_files(dir, &files(n, seed, 0))
}

/// Writes `n` articles of which one in ten is a full web page, the rest text and Markdown.
pub fn write_mixed(n: usize, seed: u64) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("cc-bench-mixed-{n}-{seed}-{}", std::process::id()));
    write_files(dir, &files(n, seed, 10))
}

/// One web page as a news site serves it, with about `story_bytes` of story.
pub fn html_page(r: &mut Rng, story_bytes: usize) -> String {
    let ev = Event::new(r);
    let st = style(r.below(OUTLETS.len()));
    let s = story(r, &ev, &st, story_bytes);
    render_html(r, &s, &st, &ev)
}

/// Writes `n` web pages with 3-6 KB of story each to a fresh directory.
pub fn write_pages(n: usize, seed: u64) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("cc-bench-pages-{n}-{seed}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut r = Rng::new(seed);
    for i in 0..n {
        let bytes = r.between(2800, 5600);
        std::fs::write(dir.join(format!("{i:05}.html")), html_page(&mut r, bytes))
            .expect("write page");
    }
    dir
}
