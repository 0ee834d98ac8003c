//! Language knowledge loaded from `assets/`: embedded at build time, extendable by the user.
//!
//! Plain-text lists hold one entry per line (`#` starts a comment). A user directory named by
//! `CROSSCHECK_ASSETS` (or `--assets`) may hold files with the same names: a `.txt` file there
//! adds its entries to the embedded list (a line `-entry` removes one), a `.json` file replaces
//! the embedded one.

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// What a hedge word says about the figure it qualifies: which side of it the true value
/// lies, and whether close to it. `extract::hedge` turns this into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeBound {
    /// "up to 300", "at most", "fewer than": a ceiling; how far below it is not said.
    Upper,
    /// "more than 40%", "at least", "over": a floor; how far above it is not said.
    Lower,
    /// "nearly 60,000", "almost", "just under": a little below the figure.
    JustBelow,
    /// "just over 2,000", "slightly more than": a little above the figure.
    JustAbove,
    /// "about 800", "some", "roughly": near the figure, either side.
    Approx,
}

/// What a figure measures. A closed set: every unit in `units.json` names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// Things counted: troops, homes, votes.
    Count,
    Area,
    Length,
    Volume,
    Mass,
    Money,
    /// Shares of a whole: "40%", "two thirds of the seats", "one in five adults".
    Percent,
    Duration,
    Speed,
    Temperature,
    /// Amounts of data: megabytes, gigabytes.
    Data,
    Energy,
    Power,
    /// How old someone or something is: "a 45-year-old man", "ten years old".
    Age,
    /// A bare number: what it measures is not said.
    Number,
}

impl QuantityKind {
    /// The kind's name as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Count => "count",
            QuantityKind::Area => "area",
            QuantityKind::Length => "length",
            QuantityKind::Volume => "volume",
            QuantityKind::Mass => "mass",
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Duration => "duration",
            QuantityKind::Speed => "speed",
            QuantityKind::Temperature => "temperature",
            QuantityKind::Data => "data",
            QuantityKind::Energy => "energy",
            QuantityKind::Power => "power",
            QuantityKind::Age => "age",
            QuantityKind::Number => "number",
        }
    }
}

impl std::fmt::Display for QuantityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an abbreviation's period stands to the end of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Stands before a name or a number ("Dr. Li", "Mt. Etna"): never ends a sentence.
    Title,
    /// A clock time's "a.m." / "p.m.": ends a sentence before a capitalised word other than a
    /// time zone, a weekday or a month, unless the sentence only began with the time.
    Clock,
    /// Often closes a sentence ("etc."): ends it before any capitalised word.
    Final,
    /// A name's part or a suffix ("Inc.", "U.S.", "Jr."): ends a sentence only before a word
    /// that starts sentences ("The", "It").
    Other,
}

/// The words sentence splitting needs besides abbreviations (`sentence_words.txt`).
#[derive(Debug, Default)]
pub struct SentenceWords {
    /// Abbreviation (exact spelling, without the final period) to its kind.
    pub abbreviations: HashMap<String, AbbreviationKind>,
    /// Every abbreviation lowercase: before a digit none ends a sentence ("no. 5", "SEC. 12").
    pub abbreviations_folded: HashSet<String>,
    /// Words (lowercase) that start sentences and are rarely part of a name.
    pub starters: HashSet<String>,
    /// Names written with a final "!" or "?" ("Yahoo!"), exactly.
    pub exclaimed_names: HashSet<String>,
    /// Words (lowercase) that open an introductory time phrase ("At 5 a.m. the ...").
    pub time_openers: HashSet<String>,
}

/// A measurement unit and how it converts to its kind's canonical unit.
#[derive(Debug, Clone, Deserialize)]
pub struct UnitDef {
    pub unit: String,
    pub kind: QuantityKind,
    /// How many canonical units one of these is.
    pub factor: f64,
    /// Added after scaling, for scales that do not share a zero (°F to °C).
    #[serde(default)]
    pub offset: f64,
    pub aliases: Vec<String>,
    /// Letters read as this unit only glued to a figure ("40C") in a sentence holding one of
    /// its kind's cue words ([`Lexicon::kind_cues`]); elsewhere they are labels ("777F").
    #[serde(default)]
    pub cued_aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct UnitsFile {
    units: Vec<UnitDef>,
    currency_symbols: HashMap<String, String>,
    #[serde(default)]
    currency_prefixes: HashMap<String, String>,
    scales: HashMap<String, f64>,
    #[serde(default)]
    kind_cues: HashMap<QuantityKind, Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct NumbersFile {
    units: HashMap<String, u64>,
    tens: HashMap<String, u64>,
    multipliers: HashMap<String, u64>,
    #[serde(default)]
    ordinals: HashMap<String, u64>,
    #[serde(default)]
    parts: HashMap<String, u64>,
    #[serde(default)]
    multiples: HashMap<String, f64>,
    #[serde(default)]
    vulgar: HashMap<String, f64>,
    #[serde(default)]
    negative: Vec<String>,
    counts: HashMap<String, f64>,
    vague: HashMap<String, (f64, f64)>,
    #[serde(default)]
    vague_units: HashMap<String, (f64, f64)>,
    fractions: HashMap<String, f64>,
}

#[derive(Debug, Deserialize)]
struct DatesFile {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    relative_days: HashMap<String, i64>,
    relative_periods: HashMap<String, String>,
    as_of: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CountNounsFile {
    groups: HashMap<String, Vec<String>>,
    not_counted: Vec<String>,
    #[serde(default)]
    before_noun: Vec<String>,
    #[serde(default)]
    occasions: Vec<String>,
    #[serde(default)]
    ratio_after: Vec<String>,
    #[serde(default)]
    ratio_suffixes: Vec<String>,
    #[serde(default)]
    not_ratio: Vec<String>,
    #[serde(default)]
    synonyms: Vec<Vec<String>>,
    #[serde(default)]
    generic: Vec<String>,
    #[serde(default)]
    strong_bodies: HashMap<String, Vec<String>>,
    #[serde(default)]
    generic_bodies: Vec<String>,
    #[serde(default)]
    body_modifiers: HashMap<String, Vec<String>>,
    #[serde(default)]
    accumulating: Vec<String>,
}

/// `fact_words.json`: what tells figures measuring the same thing apart.
#[derive(Debug, Deserialize)]
struct FactWordsFile {
    hypothetical: Vec<String>,
    #[serde(default)]
    counted_as: HashMap<String, String>,
    #[serde(default)]
    accumulating_cues: Vec<String>,
    #[serde(default)]
    qualifier_aliases: HashMap<String, String>,
    #[serde(default)]
    subject_synonyms: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct ExchangeRatesFile {
    tolerance: f64,
    usd_per_unit: HashMap<String, HashMap<String, f64>>,
}

/// What a named thing is. A closed set: the gazetteer's `type` names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    /// An organisation that is not a news outlet: a ministry, a company, an army.
    Org,
    /// A news outlet: a paper, an agency, a broadcaster.
    Outlet,
    Place,
    /// A name whose kind the words around it do not tell.
    Other,
}

impl EntityKind {
    /// The kind JSON names `name` ("person", "org", ...).
    pub fn named(name: &str) -> Option<EntityKind> {
        use serde::de::IntoDeserializer;
        let name: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        EntityKind::deserialize(name).ok()
    }
}

/// One entry of the entity gazetteer.
#[derive(Debug, Clone, Deserialize)]
pub struct EntityDef {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct EntitiesFile {
    entities: Vec<EntityDef>,
    place_suffixes: Vec<String>,
    org_words: Vec<String>,
    outlet_words: Vec<String>,
    place_words: Vec<String>,
    demonyms: Vec<String>,
}

/// Phrases (lowercase word sequences) with a value each, in their order of preference, and
/// which of them begin with each token, so that a place in a text tries only the phrases that
/// can start there.
#[derive(Debug)]
pub struct Phrases<T> {
    items: Vec<(Vec<String>, T)>,
    /// Positions in `items` by the first token of the phrase's first word, in order.
    by_head: HashMap<String, Vec<u32>>,
    /// Every position, for a list where some phrase's first word has no token.
    all: Option<Vec<u32>>,
}

impl<T> Phrases<T> {
    fn new(items: Vec<(Vec<String>, T)>) -> Phrases<T> {
        let mut by_head: HashMap<String, Vec<u32>> = HashMap::default();
        let mut headless = false;
        for (k, (words, _)) in items.iter().enumerate() {
            match words.first().and_then(|w| crate::text::first_token(w)) {
                Some(head) => by_head.entry(head.to_string()).or_default().push(k as u32),
                None => headless = true,
            }
        }
        let all = headless.then(|| (0..items.len() as u32).collect());
        Phrases {
            items,
            by_head,
            all,
        }
    }

    /// The phrases that can begin with `token` (lowercase), in order.
    pub fn starting_with<'a>(
        &'a self,
        token: &str,
    ) -> impl Iterator<Item = &'a (Vec<String>, T)> + 'a {
        let at: &[u32] = match &self.all {
            Some(all) => all,
            None => self.by_head.get(token).map_or(&[], Vec::as_slice),
        };
        at.iter().map(|&k| &self.items[k as usize])
    }
}

impl<T> std::ops::Deref for Phrases<T> {
    type Target = [(Vec<String>, T)];

    fn deref(&self) -> &Self::Target {
        &self.items
    }
}

/// Every word list the pipeline uses, in lookup-friendly form.
#[derive(Debug)]
pub struct Lexicon {
    pub stopwords: HashSet<String>,
    /// Phrases a noise paragraph consists of (lowercase, whitespace collapsed).
    pub boilerplate_exact: HashSet<String>,
    /// Phrases whose mere presence marks a paragraph as noise.
    pub boilerplate_contains: Vec<String>,
    /// `boilerplate_contains` as one automaton: a paragraph is read once, not once a phrase.
    boilerplate_finder: AhoCorasick,
    /// What each listed word can be ([`Lexicon::word_class`]).
    word_classes: HashMap<String, u16>,
    /// Tables other modules build from these lists, kept with them ([`Lexicon::derived`]).
    derived: Derived,
    /// Hedge phrases before a figure, lowercase, as word sequences, longest first.
    pub hedges: Phrases<HedgeBound>,
    /// Hedge phrases after a figure ("or more"), the same way.
    pub post_hedges: Phrases<HedgeBound>,
    pub attribution_verbs: HashSet<String>,
    pub attribution_prefixes: Vec<Vec<String>>,
    /// Titles before names, each word lowercase without a final period, joined by spaces.
    pub titles: HashSet<String>,
    /// The most words a title has.
    pub title_max_words: usize,
    /// The first word of each title, as in `titles`.
    pub title_heads: HashSet<String>,
    /// Role words that refer back to a thing named earlier ("the president", "the paper"),
    /// with the kind of thing they refer to.
    pub role_nouns: HashMap<String, EntityKind>,
    /// Words attribution reads around a speaker (`speaker_words.txt`).
    pub speaker_words: SpeakerWords,
    pub anonymous_heads: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub sentence: SentenceWords,
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub relative_days: HashMap<String, i64>,
    pub relative_periods: HashMap<String, String>,
    pub as_of: Vec<String>,
    pub units: Vec<UnitDef>,
    /// Unit aliases (lowercase word sequences) to their index in `units`, longest first.
    pub unit_aliases: Phrases<usize>,
    /// Units' cued aliases (lowercase) to their index in `units`.
    pub cued_aliases: HashMap<String, usize>,
    /// Words that show a sentence measures a kind ("temperatures", "heatwave"), lowercase.
    pub kind_cues: HashMap<QuantityKind, HashSet<String>>,
    pub currency_symbols: Vec<(String, String)>,
    /// Letters written before "$" that name whose dollar it is ("HK", "C", "NZ"),
    /// lowercase and without periods, to the currency's code.
    pub currency_prefixes: HashMap<String, String>,
    /// The first tokens (lowercase) a currency written before a figure can begin with: a
    /// symbol's ("$", "us" of "US$"), a prefix's, a code's. Saves trying every symbol at
    /// every token.
    pub currency_heads: HashSet<String>,
    /// Currency codes written before or after a figure ("GBP 350", "75 USD"), uppercase,
    /// to their index in `units`.
    pub currency_codes: HashMap<String, usize>,
    pub scales: HashMap<String, f64>,
    pub number_units: HashMap<String, u64>,
    pub number_tens: HashMap<String, u64>,
    pub number_multipliers: HashMap<String, u64>,
    /// Ordinal words to their number ("fifth": 5, "hundredth": 100), singular.
    pub ordinals: HashMap<String, u64>,
    /// Words naming equal parts of a whole that are not ordinals ("half": 2, "quarters": 4).
    pub parts: HashMap<String, u64>,
    /// Words that multiply a number before them ("three dozen"), lowercase.
    pub multiples: HashMap<String, f64>,
    /// Single-character fractions ("½", "¾").
    pub vulgar_fractions: HashMap<char, f64>,
    /// Words that make the number after them negative ("minus", "negative").
    pub negative_words: HashSet<String>,
    pub number_counts: Phrases<f64>,
    pub vague: Phrases<(f64, f64)>,
    /// Plural units that are vague magnitudes of themselves ("decades": 2 to 9 decades).
    pub vague_units: Phrases<(f64, f64)>,
    pub fractions: Phrases<f64>,
    /// Lowercase tokens a quantity can start with, other than digits: hedges, number words,
    /// vague magnitudes, fractions, "between", currency symbols.
    pub quantity_starters: HashSet<String>,
    /// Counted noun (lowercase) to its canonical group.
    pub count_nouns: HashMap<String, String>,
    pub not_counted: HashSet<String>,
    /// Words that may stand between a figure and the noun it counts though they count
    /// nothing themselves ("3,000 more troops", "12 other people").
    pub before_noun: HashSet<String>,
    /// Nouns that count occasions after a figure ("met six times"), unless a comparison
    /// follows them ([`Lexicon::is_ratio_word`]: "three times as many").
    pub occasions: HashSet<String>,
    /// Words after "times" that make it a ratio ("as", "the", "more").
    pub ratio_after: HashSet<String>,
    /// Endings of comparatives that do the same ("higher", "faster").
    pub ratio_suffixes: Vec<String>,
    /// Words with such an ending that are no comparative ("never", "together").
    pub not_ratio: HashSet<String>,
    /// Counted noun (lowercase) to the first noun of its synonym set: nouns counting the
    /// same thing.
    pub count_synonyms: HashMap<String, String>,
    /// Nouns naming only their class ("people").
    pub generic_nouns: HashSet<String>,
    /// Bodies counted by their members ("a 40,000-strong brigade"), to the members' class.
    pub strong_bodies: HashMap<String, String>,
    /// Bodies whose members' class a word before them names ("enemy group").
    pub generic_bodies: HashSet<String>,
    /// Words naming the class of a generic body's members ("enemy": troops).
    pub body_modifiers: HashMap<String, String>,
    /// Classes and nouns whose figures grow or are revised over time.
    pub accumulating: HashSet<String>,
    /// Words just before a duration that make it a time reference ("the past two weeks").
    pub time_refs_before: HashSet<String>,
    /// Words just after a duration that make it a time reference ("two weeks ago").
    pub time_refs_after: HashSet<String>,
    /// US dollars per unit of a currency, by year, years ascending.
    pub exchange_rates: HashMap<String, Vec<(i32, f64)>>,
    /// How far either side of a converted amount the true one may be, relative to it.
    pub exchange_tolerance: f64,
    /// Phrases before a bare figure naming what it counts, as word sequences, longest first.
    pub measure_cues: Phrases<String>,
    /// Words of change before a figure ("rose", "fell"): "rose 5% to 10%" is no range.
    pub change_verbs: HashSet<String>,
    pub reference_words: HashSet<String>,
    /// Words beside a figure that make it a possibility or a plan, not what happened.
    pub hypothetical: HashSet<String>,
    /// Words beside a count of people saying what they are counted as ("signed": signatures).
    pub counted_as: HashMap<String, String>,
    /// Words beside a count saying it is a running total ("deployed", "evacuated").
    pub accumulating_cues: HashSet<String>,
    /// Qualifiers naming one country or body ("american", "u.s."), lowercase, to one key.
    pub qualifier_aliases: HashMap<String, String>,
    /// A figure's subject word, folded (`text::fold_word`), to the first word of its synonym
    /// set ("talk" and "meeting": "summit").
    pub subject_synonyms: HashMap<String, String>,
    pub entities: Vec<EntityDef>,
    /// Alias or canonical name (folded by [`alias_key`]) to index in `entities`.
    pub entity_aliases: HashMap<String, usize>,
    pub place_suffixes: HashSet<String>,
    pub org_words: HashSet<String>,
    pub outlet_words: HashSet<String>,
    pub place_words: HashSet<String>,
    pub demonyms: HashSet<String>,
    /// Countries, regions and cities (lowercase) typed as places.
    pub places: HashSet<String>,
    pub caption_marks: Vec<String>,
    pub caption_prefixes: Vec<String>,
    /// The caption prefixes after a space: a credit closing a line ("... photo: afp").
    pub caption_credits: Vec<String>,
}

/// An asset file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("asset {name}: {source}")]
    Json {
        name: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("asset {name}: line {line}: {reason}")]
    Line {
        name: String,
        line: usize,
        reason: String,
    },
    #[error("asset {name}: {reason}")]
    Build { name: String, reason: String },
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../assets/", $name)))),*]
    };
}

/// Every asset file, by name, as built into the binary.
pub const EMBEDDED: &[(&str, &str)] = embedded!(
    "abbreviations.txt",
    "anonymous_sources.txt",
    "attribution_prefixes.txt",
    "attribution_verbs.txt",
    "boilerplate.txt",
    "captions.txt",
    "change_verbs.txt",
    "count_nouns.json",
    "dates.json",
    "entities.json",
    "exchange_rates.json",
    "fact_words.json",
    "hedges.txt",
    "measure_cues.txt",
    "numbers.json",
    "places.txt",
    "reference_words.txt",
    "role_nouns.txt",
    "sentence_words.txt",
    "speaker_words.txt",
    "stopwords.txt",
    "time_references.txt",
    "titles.txt",
    "units.json",
);

/// A table a module derives from the lexicon: compiled patterns, a word's classes found with
/// one lookup. Each is built from the lexicon it is asked of, the first time it is asked, and
/// kept with it, so a lexicon passed in is never read through another's tables.
#[derive(Debug, Clone, Copy)]
pub enum DerivedTable {
    DatePatterns,
    LongestAsOf,
}

const DERIVED_TABLES: usize = 2;

/// The bits of [`Lexicon::word_class`]: what a lowercase word can be to the extractors.
pub mod word_class {
    /// A month's name or abbreviation ("may", "sept").
    pub const MONTH: u16 = 1;
    /// A weekday's name ("monday", "tues").
    pub const WEEKDAY: u16 = 1 << 1;
    /// The first word of a relative date ("yesterday", "last" of "last week").
    pub const RELATIVE_DATE_HEAD: u16 = 1 << 2;
    /// The first word of an attribution prefix ("according" of "according to").
    pub const ATTRIBUTION_PREFIX_HEAD: u16 = 1 << 3;
    /// A verb of saying ("said", "told").
    pub const SAYING_VERB: u16 = 1 << 4;
    /// A stopword ("the", "would").
    pub const STOPWORD: u16 = 1 << 5;
    /// A place's name, or a word of one ("kyiv", "york").
    pub const PLACE: u16 = 1 << 6;
    /// A word a figure can start with other than digits ("nearly", "twenty", "dozens").
    pub const QUANTITY_STARTER: u16 = 1 << 7;
}

/// The derived tables of one lexicon, each built on first use. They are typed by the modules
/// that build them, which the lexicon does not know (they read the lexicon).
#[derive(Default)]
struct Derived([OnceLock<Box<dyn std::any::Any + Send + Sync>>; DERIVED_TABLES]);

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let built = self.0.iter().filter(|t| t.get().is_some()).count();
        write!(f, "Derived({built} of {DERIVED_TABLES} tables built)")
    }
}

impl Lexicon {
    /// Table `table`, built by `build` from this lexicon the first time it is asked for.
    ///
    /// Panics if one table is asked for as two types: a defect in the caller, caught by any
    /// test that reads it.
    pub fn derived<T: std::any::Any + Send + Sync>(
        &self,
        table: DerivedTable,
        build: impl FnOnce(&Lexicon) -> T,
    ) -> &T {
        self.derived.0[table as usize]
            .get_or_init(|| Box::new(build(self)))
            .downcast_ref()
            .expect("a derived table is always asked for as the type it was built as")
    }
}

static OVERRIDE_DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
static GLOBAL: OnceLock<Lexicon> = OnceLock::new();

/// Chooses the user's asset directory. Must be called before the first [`Lexicon::global`];
/// returns false if the lexicon was already loaded.
pub fn set_override_dir(dir: Option<PathBuf>) -> bool {
    OVERRIDE_DIR.set(dir).is_ok() && GLOBAL.get().is_none()
}

/// Splits a phrase into lowercase words the way the extractors tokenise text.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

fn list_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

impl Lexicon {
    /// The process's lexicon: embedded assets plus the user's. The entry points (`crate::load`,
    /// the CLI, the TUI) take it once and pass it down; the library's stages take a `&Lexicon`
    /// and do not read this.
    ///
    /// Panics only if the embedded assets are malformed (a build defect caught by tests); a
    /// malformed user file is reported on first load by [`Lexicon::load`] and replaced by
    /// the embedded lexicon.
    pub fn global() -> &'static Lexicon {
        GLOBAL.get_or_init(|| {
            let dir = OVERRIDE_DIR
                .get_or_init(|| std::env::var_os("CROSSCHECK_ASSETS").map(PathBuf::from))
                .clone();
            match dir.as_deref().map(Lexicon::load) {
                Some(Ok(lex)) => lex,
                Some(Err(err)) => {
                    eprintln!("crosscheck: ignoring user assets: {err}");
                    Lexicon::embedded()
                }
                None => Lexicon::embedded(),
            }
        })
    }

    /// The lexicon built from the embedded assets alone.
    pub fn embedded() -> Lexicon {
        Lexicon::build(|name| asset(name).to_string()).expect("embedded assets are well-formed")
    }

    /// The embedded lexicon extended by the files in `dir`.
    pub fn load(dir: &Path) -> Result<Lexicon, LexiconError> {
        Lexicon::build(|name| {
            let base = asset(name);
            match std::fs::read_to_string(dir.join(name)) {
                Ok(user) if name.ends_with(".json") => user,
                Ok(user) => merge_lists(base, &user),
                Err(_) => base.to_string(),
            }
        })
    }

    fn build(read: impl Fn(&str) -> String) -> Result<Lexicon, LexiconError> {
        let words = |name: &str| -> HashSet<String> {
            list_lines(&read(name))
                .map(|(_, l)| l.trim().to_lowercase())
                .collect()
        };
        let json = |name: &str| -> Result<serde_json::Value, LexiconError> {
            serde_json::from_str(&read(name)).map_err(|source| LexiconError::Json {
                name: name.to_string(),
                source,
            })
        };
        fn typed<T: serde::de::DeserializeOwned>(
            name: &str,
            v: serde_json::Value,
        ) -> Result<T, LexiconError> {
            serde_json::from_value(v).map_err(|source| LexiconError::Json {
                name: name.to_string(),
                source,
            })
        }

        let (boilerplate_exact, boilerplate_contains) = boilerplate(&read("boilerplate.txt"));
        let (hedges, post_hedges) = hedge_phrases(&read("hedges.txt"))?;
        let role_nouns = role_nouns(&read("role_nouns.txt"))?;
        let speaker_words = speaker_words(&read("speaker_words.txt"))?;
        let titles: HashSet<String> = list_lines(&read("titles.txt"))
            .map(|(_, l)| title_key(&l.split_whitespace().collect::<Vec<_>>()))
            .collect();
        let title_max_words = titles
            .iter()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(0);
        let title_heads = titles
            .iter()
            .filter_map(|t| t.split(' ').next())
            .map(str::to_string)
            .collect();

        let attribution_prefixes = list_lines(&read("attribution_prefixes.txt"))
            .map(|(_, l)| phrase_words(l))
            .collect();

        let sentence = sentence_words(&read("abbreviations.txt"), &read("sentence_words.txt"))?;
        let abbreviations = sentence.abbreviations.keys().cloned().collect();

        let dates: DatesFile = typed("dates.json", json("dates.json")?)?;
        let units_file: UnitsFile = typed("units.json", json("units.json")?)?;
        let numbers: NumbersFile = typed("numbers.json", json("numbers.json")?)?;
        let nouns: CountNounsFile = typed("count_nouns.json", json("count_nouns.json")?)?;
        let ents: EntitiesFile = typed("entities.json", json("entities.json")?)?;

        let unit_aliases = unit_aliases(&units_file.units);
        let cued_aliases = units_file
            .units
            .iter()
            .enumerate()
            .flat_map(|(i, u)| u.cued_aliases.iter().map(move |a| (a.to_lowercase(), i)))
            .collect();
        let kind_cues = units_file
            .kind_cues
            .iter()
            .map(|(k, ws)| (*k, ws.iter().map(|w| w.to_lowercase()).collect()))
            .collect();
        let mut currency_symbols: Vec<(String, String)> =
            units_file.currency_symbols.into_iter().collect();
        currency_symbols.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let currency_codes = currency_codes(&units_file.units);

        let vague = phrases(numbers.vague);
        let vague_units = phrases(numbers.vague_units);

        let mut count_nouns = HashMap::default();
        for (canon, aliases) in nouns.groups {
            for a in aliases {
                count_nouns.insert(a.to_lowercase(), canon.clone());
            }
            count_nouns.insert(canon.to_lowercase(), canon);
        }

        let mut count_synonyms = HashMap::default();
        for set in &nouns.synonyms {
            for w in set {
                let w = w.to_lowercase();
                count_synonyms.insert(crate::text::fold_word(&w), set[0].to_lowercase());
                count_synonyms.insert(w, set[0].to_lowercase());
            }
        }
        let mut strong_bodies = HashMap::default();
        for (class, bodies) in nouns.strong_bodies {
            for b in bodies {
                strong_bodies.insert(b.to_lowercase(), class.clone());
            }
        }
        let mut body_modifiers = HashMap::default();
        for (class, words) in nouns.body_modifiers {
            for w in words {
                body_modifiers.insert(w.to_lowercase(), class.clone());
            }
        }
        let mut time_refs_before = HashSet::default();
        let mut time_refs_after = HashSet::default();
        for (_, l) in list_lines(&read("time_references.txt")) {
            let l = l.trim().to_lowercase();
            match l.strip_prefix('+') {
                Some(after) => time_refs_after.insert(after.trim().to_string()),
                None => time_refs_before.insert(l),
            };
        }
        let fact_words: FactWordsFile = typed("fact_words.json", json("fact_words.json")?)?;
        let rates: ExchangeRatesFile = typed("exchange_rates.json", json("exchange_rates.json")?)?;
        let exchange_tolerance = rates.tolerance;
        let exchange_rates = exchange_rates(rates.usd_per_unit)?;

        let mut entity_aliases = HashMap::default();
        for (i, e) in ents.entities.iter().enumerate() {
            entity_aliases.insert(alias_key(&e.canonical), i);
            for a in &e.aliases {
                entity_aliases.insert(alias_key(a), i);
            }
        }

        let mut measure_cues: Vec<(Vec<String>, String)> = list_lines(&read("measure_cues.txt"))
            .filter_map(|(_, l)| {
                l.split_once('\t')
                    .map(|(p, g)| (phrase_words(p), g.trim().to_string()))
            })
            .collect();
        measure_cues.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

        let number_counts = phrases(numbers.counts);
        let fractions = phrases(numbers.fractions);
        let phrase_heads = hedges
            .iter()
            .map(|(w, _)| &w[0])
            .chain(vague.iter().map(|(w, _)| &w[0]))
            .chain(vague_units.iter().map(|(w, _)| &w[0]))
            .chain(number_counts.iter().map(|(w, _)| &w[0]))
            .chain(fractions.iter().map(|(w, _)| &w[0]))
            .chain(numbers.units.keys())
            .chain(numbers.tens.keys())
            .chain(numbers.vulgar.keys())
            .chain(numbers.parts.keys())
            .chain(&numbers.negative);
        let mut quantity_starters = quantity_starters(phrase_heads);
        let currency_heads = currency_heads(
            &currency_codes,
            &units_file.currency_prefixes,
            &currency_symbols,
            &mut quantity_starters,
        );

        let (caption_marks, caption_prefixes) = captions(&read("captions.txt"));

        Ok(Lexicon {
            stopwords: words("stopwords.txt"),
            boilerplate_exact,
            boilerplate_finder: AhoCorasick::new(&boilerplate_contains).map_err(|e| {
                LexiconError::Build {
                    name: "boilerplate.txt".into(),
                    reason: e.to_string(),
                }
            })?,
            boilerplate_contains,
            word_classes: HashMap::default(),
            derived: Derived::default(),
            hedges: Phrases::new(hedges),
            post_hedges: Phrases::new(post_hedges),
            attribution_verbs: words("attribution_verbs.txt"),
            attribution_prefixes,
            titles,
            title_max_words,
            title_heads,
            role_nouns,
            speaker_words,
            anonymous_heads: words("anonymous_sources.txt"),
            abbreviations,
            sentence,
            months: dates.months,
            weekdays: dates.weekdays,
            relative_days: dates.relative_days,
            relative_periods: dates.relative_periods,
            as_of: dates.as_of,
            units: units_file.units,
            unit_aliases: Phrases::new(unit_aliases),
            cued_aliases,
            kind_cues,
            currency_symbols,
            currency_prefixes: units_file.currency_prefixes,
            currency_heads,
            currency_codes,
            scales: units_file.scales,
            number_units: numbers.units,
            number_tens: numbers.tens,
            number_multipliers: numbers.multipliers,
            ordinals: numbers.ordinals,
            parts: numbers.parts,
            multiples: numbers.multiples,
            vulgar_fractions: numbers
                .vulgar
                .iter()
                .filter_map(|(k, &v)| {
                    let mut c = k.chars();
                    c.next().filter(|_| c.next().is_none()).map(|c| (c, v))
                })
                .collect(),
            negative_words: numbers.negative.into_iter().collect(),
            number_counts: Phrases::new(number_counts),
            vague: Phrases::new(vague),
            vague_units: Phrases::new(vague_units),
            fractions: Phrases::new(fractions),
            quantity_starters,
            count_nouns,
            not_counted: nouns.not_counted.into_iter().collect(),
            before_noun: nouns.before_noun.iter().map(|w| w.to_lowercase()).collect(),
            occasions: nouns.occasions.iter().map(|w| w.to_lowercase()).collect(),
            ratio_after: nouns.ratio_after.iter().map(|w| w.to_lowercase()).collect(),
            ratio_suffixes: nouns
                .ratio_suffixes
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            not_ratio: nouns.not_ratio.iter().map(|w| w.to_lowercase()).collect(),
            count_synonyms,
            generic_nouns: nouns.generic.iter().map(|w| w.to_lowercase()).collect(),
            strong_bodies,
            generic_bodies: nouns
                .generic_bodies
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            body_modifiers,
            accumulating: nouns
                .accumulating
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            time_refs_before,
            time_refs_after,
            exchange_rates,
            exchange_tolerance,
            measure_cues: Phrases::new(measure_cues),
            change_verbs: words("change_verbs.txt"),
            reference_words: words("reference_words.txt"),
            hypothetical: fact_words
                .hypothetical
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            counted_as: fact_words
                .counted_as
                .into_iter()
                .map(|(w, n)| (w.to_lowercase(), n.to_lowercase()))
                .collect(),
            accumulating_cues: fact_words
                .accumulating_cues
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            subject_synonyms: fact_words
                .subject_synonyms
                .iter()
                .filter(|set| !set.is_empty())
                .flat_map(|set| {
                    let head = crate::text::fold_word(&set[0]);
                    set.iter()
                        .map(move |w| (crate::text::fold_word(w), head.clone()))
                })
                .collect(),
            qualifier_aliases: fact_words
                .qualifier_aliases
                .into_iter()
                .map(|(w, k)| (w.to_lowercase(), k.to_lowercase()))
                .collect(),
            entities: ents.entities,
            entity_aliases,
            place_suffixes: ents.place_suffixes.into_iter().collect(),
            org_words: ents.org_words.into_iter().collect(),
            outlet_words: ents.outlet_words.into_iter().collect(),
            place_words: ents.place_words.into_iter().collect(),
            demonyms: ents.demonyms.into_iter().collect(),
            places: words("places.txt"),
            caption_marks,
            caption_credits: caption_prefixes.iter().map(|p| format!(" {p}")).collect(),
            caption_prefixes,
        }
        .with_word_classes())
    }

    /// The lexicon with [`Lexicon::word_class`]'s table built from its lists.
    fn with_word_classes(mut self) -> Lexicon {
        let mut classes: HashMap<String, u16> = HashMap::default();
        let mut mark = |w: &str, bit: u16| *classes.entry(w.to_string()).or_default() |= bit;
        for m in self.months.keys() {
            mark(m, word_class::MONTH);
        }
        for d in self.weekdays.keys() {
            mark(d, word_class::WEEKDAY);
        }
        let relative = self
            .relative_days
            .keys()
            .chain(self.relative_periods.keys());
        for head in relative.filter_map(|k| k.split_whitespace().next()) {
            mark(head, word_class::RELATIVE_DATE_HEAD);
        }
        for head in self.attribution_prefixes.iter().filter_map(|p| p.first()) {
            mark(head, word_class::ATTRIBUTION_PREFIX_HEAD);
        }
        for verb in &self.attribution_verbs {
            mark(verb, word_class::SAYING_VERB);
        }
        for w in &self.stopwords {
            mark(w, word_class::STOPWORD);
        }
        for p in &self.places {
            mark(p, word_class::PLACE);
        }
        for w in &self.quantity_starters {
            mark(w, word_class::QUANTITY_STARTER);
        }
        self.word_classes = classes;
        self
    }

    /// What a lowercase word can be ([`word_class`] bits, 0 for none), found with one lookup:
    /// a sentence's words are looked up once, and each extractor reads the bits it needs.
    pub fn word_class(&self, lower: &str) -> u16 {
        self.word_classes.get(lower).copied().unwrap_or(0)
    }

    /// The [`Lexicon::word_class`] of each of a text's `n` words, lowercased in `lows`.
    pub fn word_classes<'a>(
        &'a self,
        lows: crate::text::Lows<'a>,
        n: usize,
    ) -> impl Iterator<Item = u16> + 'a {
        (0..n).map(move |i| self.word_class(lows.get(i).unwrap_or("")))
    }

    /// Whether `lower`, right after "times", makes a ratio of the figure ("three times as
    /// many", "ten times higher").
    pub fn is_ratio_word(&self, lower: &str) -> bool {
        self.ratio_after.contains(lower)
            || self
                .ratio_suffixes
                .iter()
                .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e.as_str()))
                && !self.not_ratio.contains(lower)
                && !self.stopwords.contains(lower)
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        crate::text::with_lower(word, |w| self.stopwords.contains(w))
    }

    /// How many of the leading `words` form a title ("Prime Minister", "Gen."), or 0.
    pub fn title_len(&self, words: &[&str]) -> usize {
        let Some(first) = words.first() else {
            return 0;
        };
        // Most words start no title, and one lookup of the first word's key tells (a word
        // with a space in it would hold more than a title's first word: it is looked up whole).
        let first_key = |k: &str| self.title_heads.contains(k);
        if !first.contains(' ') && !crate::text::with_lower(first.trim_end_matches('.'), first_key)
        {
            return 0;
        }
        // The keys of the first 1, 2, ... words, as `title_key` makes them, in one buffer: the
        // longest that is a title wins.
        let mut key = String::with_capacity(64);
        let mut longest = 0;
        for (i, w) in words.iter().take(self.title_max_words).enumerate() {
            if i > 0 {
                key.push(' ');
            }
            crate::text::push_lower(&mut key, w.trim_end_matches('.'));
            if self.titles.contains(&key) {
                longest = i + 1;
            }
        }
        longest
    }
}

/// Reads `boilerplate.txt`: lines a page holds whole (lowercase, whitespace collapsed), and
/// phrases (`~phrase`) a line holding them is noise by.
fn boilerplate(text: &str) -> (HashSet<String>, Vec<String>) {
    let mut exact = HashSet::default();
    let mut contains = Vec::new();
    for (_, l) in list_lines(text) {
        let l = crate::text::collapse_lower(l);
        match l.strip_prefix('~') {
            Some(p) => contains.push(p.trim().to_string()),
            None => {
                exact.insert(l);
            }
        }
    }
    (exact, contains)
}

/// A hedge phrase's words and what it says of the figure.
type HedgePhrase = (Vec<String>, HedgeBound);

/// Reads `hedges.txt` (`phrase<TAB>bound`; `+phrase` follows the figure): hedges before
/// and after a figure, each longest first.
/// A table of phrases as word sequences with their values, longest first, then in order.
fn phrases<T>(table: HashMap<String, T>) -> Vec<(Vec<String>, T)> {
    let mut v: Vec<(Vec<String>, T)> = table
        .into_iter()
        .map(|(k, v)| (phrase_words(&k), v))
        .collect();
    v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    v
}

fn hedge_phrases(text: &str) -> Result<(Vec<HedgePhrase>, Vec<HedgePhrase>), LexiconError> {
    let mut hedges = Vec::new();
    let mut post_hedges = Vec::new();
    for (line, l) in list_lines(text) {
        let (phrase, bound) = l.split_once('\t').ok_or_else(|| LexiconError::Line {
            name: "hedges.txt".into(),
            line,
            reason: "expected phrase<TAB>bound".into(),
        })?;
        let bound: HedgeBound = serde_json::from_value(serde_json::Value::String(
            bound.trim().to_string(),
        ))
        .map_err(|_| LexiconError::Line {
            name: "hedges.txt".into(),
            line,
            reason: format!("unknown bound {:?}", bound.trim()),
        })?;
        match phrase.strip_prefix('+') {
            Some(after) => post_hedges.push((phrase_words(after), bound)),
            None => hedges.push((phrase_words(phrase), bound)),
        }
    }
    let longest_first = |(w, _): &HedgePhrase| {
        std::cmp::Reverse((w.len(), w.iter().map(String::len).sum::<usize>()))
    };
    hedges.sort_by_key(longest_first);
    post_hedges.sort_by_key(longest_first);
    Ok((hedges, post_hedges))
}

/// Reads `role_nouns.txt` (`phrase<TAB>type`).
fn role_nouns(text: &str) -> Result<HashMap<String, EntityKind>, LexiconError> {
    let mut out = HashMap::default();
    for (line, l) in list_lines(text) {
        if let Some((phrase, kind)) = l.split_once('\t') {
            let kind = EntityKind::named(kind.trim()).ok_or_else(|| LexiconError::Line {
                name: "role_nouns.txt".into(),
                line,
                reason: format!("unknown type {:?}", kind.trim()),
            })?;
            out.insert(crate::text::collapse_lower(phrase), kind);
        }
    }
    Ok(out)
}

/// Every unit's aliases as phrases, with the unit's index; longest first.
fn unit_aliases(units: &[UnitDef]) -> Vec<(Vec<String>, usize)> {
    let mut out = Vec::new();
    for (i, u) in units.iter().enumerate() {
        for a in &u.aliases {
            out.push((phrase_words(a), i));
        }
    }
    out.sort_by_key(|(w, _)| {
        std::cmp::Reverse((w.len(), w.iter().map(String::len).sum::<usize>()))
    });
    out
}

/// Three-letter currency codes (uppercase) to their unit's index: a money unit's own name
/// in capitals, and its lowercase three-letter aliases.
fn currency_codes(units: &[UnitDef]) -> HashMap<String, usize> {
    let mut out = HashMap::default();
    for (i, u) in units.iter().enumerate() {
        if u.kind != QuantityKind::Money {
            continue;
        }
        let unit_code = u
            .unit
            .chars()
            .all(|c| c.is_ascii_uppercase())
            .then_some(&u.unit);
        let alias_codes = u
            .aliases
            .iter()
            .filter(|a| a.chars().all(|c| c.is_ascii_lowercase()));
        for code in unit_code.into_iter().chain(alias_codes) {
            if code.len() == 3 {
                out.insert(code.to_uppercase(), i);
            }
        }
    }
    out
}

/// Lowercase first tokens a figure may start with: those of number words and of hedge and
/// number phrases (`heads`), and the words that open a range or stand for one.
fn quantity_starters<'a>(heads: impl Iterator<Item = &'a String>) -> HashSet<String> {
    let mut out: HashSet<String> = heads
        .filter_map(|w| crate::text::first_token(w))
        .map(str::to_string)
        .collect();
    for w in ["between", "from", "a", "an", "-", "−"] {
        out.insert(w.into());
    }
    out
}

/// Lowercase first tokens of currency codes, prefixes and symbols; adds what starts a
/// currency to `quantity_starters` too.
fn currency_heads(
    currency_codes: &HashMap<String, usize>,
    currency_prefixes: &HashMap<String, String>,
    currency_symbols: &[(String, String)],
    quantity_starters: &mut HashSet<String>,
) -> HashSet<String> {
    quantity_starters.extend(currency_codes.keys().map(|c| c.to_lowercase()));
    quantity_starters.extend(currency_prefixes.keys().cloned());
    let mut heads: HashSet<String> = currency_codes
        .keys()
        .map(|c| c.to_lowercase())
        .chain(currency_prefixes.keys().cloned())
        .collect();
    for (sym, _) in currency_symbols {
        heads.extend(crate::text::first_token(sym).map(str::to_lowercase));
    }
    for p in currency_prefixes.keys() {
        heads.extend(crate::text::first_token(p).map(str::to_lowercase));
    }
    for (sym, _) in currency_symbols {
        quantity_starters.extend(sym.chars().next().map(|c| c.to_lowercase().to_string()));
        quantity_starters.insert(
            sym.to_lowercase()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect(),
        );
    }
    heads
}

/// `exchange_rates.json`'s rates by currency (uppercase), each by year, years in order.
type ExchangeRates = HashMap<String, Vec<(i32, f64)>>;

/// Reads `exchange_rates.json`'s `usd_per_unit`: a currency's rates by year.
fn exchange_rates(
    usd_per_unit: HashMap<String, HashMap<String, f64>>,
) -> Result<ExchangeRates, LexiconError> {
    let mut out = HashMap::default();
    for (code, by_year) in usd_per_unit {
        let mut years = Vec::new();
        for (y, r) in by_year {
            let y = y.parse::<i32>().map_err(|_| LexiconError::Build {
                name: "exchange_rates.json".into(),
                reason: format!("{code}: year {y:?} is not a number"),
            })?;
            years.push((y, r));
        }
        years.sort_by_key(|&(y, _)| y);
        out.insert(code.to_uppercase(), years);
    }
    Ok(out)
}

/// Reads `captions.txt`: marks a caption holds anywhere, and prefixes (`^prefix`) it starts
/// with, lowercase.
fn captions(text: &str) -> (Vec<String>, Vec<String>) {
    let mut marks = Vec::new();
    let mut prefixes = Vec::new();
    for (_, l) in list_lines(text) {
        match l.strip_prefix('^') {
            Some(p) => prefixes.push(p.to_lowercase()),
            None => marks.push(l.to_lowercase()),
        }
    }
    (marks, prefixes)
}

/// Words attribution reads around a speaker, lowercase.
#[derive(Debug, Default)]
pub struct SpeakerWords {
    /// May stand between a speaker and the verb of saying ("later", "flatly").
    pub between: HashSet<String>,
    /// Roles whose "to" phrase belongs to them ("ambassador", "envoy").
    pub role_to: HashSet<String>,
}

/// Reads `speaker_words.txt` (`word<TAB>role`).
fn speaker_words(text: &str) -> Result<SpeakerWords, LexiconError> {
    let mut out = SpeakerWords::default();
    for (line, l) in list_lines(text) {
        let bad = |reason: String| LexiconError::Line {
            name: "speaker_words.txt".into(),
            line,
            reason,
        };
        let (word, role) = l
            .split_once('\t')
            .ok_or_else(|| bad("expected word<TAB>role".into()))?;
        let word = word.trim().to_lowercase();
        match role.trim() {
            "between" => out.between.insert(word),
            "role_to" => out.role_to.insert(word),
            other => return Err(bad(format!("unknown role {other:?}"))),
        };
    }
    Ok(out)
}

/// Reads `abbreviations.txt` (`abbreviation[<TAB>kind]`) and `sentence_words.txt`
/// (`word<TAB>role`).
fn sentence_words(abbreviations: &str, words: &str) -> Result<SentenceWords, LexiconError> {
    let bad = |name: &str, line: usize, reason: String| LexiconError::Line {
        name: name.into(),
        line,
        reason,
    };
    let mut out = SentenceWords::default();
    for (line, l) in list_lines(abbreviations) {
        let (word, kind) = l.split_once('\t').unwrap_or((l, ""));
        let kind = match kind.trim() {
            "" => AbbreviationKind::Other,
            "title" => AbbreviationKind::Title,
            "clock" => AbbreviationKind::Clock,
            "final" => AbbreviationKind::Final,
            other => {
                return Err(bad(
                    "abbreviations.txt",
                    line,
                    format!("unknown kind {other:?}"),
                ));
            }
        };
        let word = word.trim();
        out.abbreviations_folded.insert(word.to_lowercase());
        out.abbreviations.insert(word.to_string(), kind);
    }
    for (line, l) in list_lines(words) {
        let (word, role) = l
            .split_once('\t')
            .ok_or_else(|| bad("sentence_words.txt", line, "expected word<TAB>role".into()))?;
        let word = word.trim();
        match role.trim() {
            "starter" => out.starters.insert(word.to_lowercase()),
            "name" => out.exclaimed_names.insert(word.to_string()),
            "time_opener" => out.time_openers.insert(word.to_lowercase()),
            other => {
                return Err(bad(
                    "sentence_words.txt",
                    line,
                    format!("unknown role {other:?}"),
                ));
            }
        };
    }
    Ok(out)
}

fn asset(name: &str) -> &'static str {
    EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or("")
}

/// Content words of a text, folded: no stopwords, no numbers, no one-letter words.
pub fn content_words<'a>(text: &'a str, lex: &'a Lexicon) -> impl Iterator<Item = String> + 'a {
    crate::text::words(text)
        .map(|(_, w)| w)
        .filter(|w| crate::text::has_content_shape(w) && !lex.is_stopword(w))
        .map(crate::text::fold_word)
}

/// A name folded for alias lookup: lowercase, no periods, typographic apostrophes plain.
pub fn alias_key(name: &str) -> String {
    let mut key = crate::text::to_lower(name);
    key.retain(|c| c != '.');
    if key.contains('’') {
        key = key.replace('’', "'");
    }
    key
}

/// Title words folded for lookup: lowercase, final periods dropped, joined by spaces.
fn title_key(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexicon {
    /// How many of the `boilerplate_contains` phrases occur in a lowercased text.
    pub fn boilerplate_hits(&self, lower: &str) -> usize {
        // Most lines hold none, which a search for any one match tells soonest.
        if !self.boilerplate_finder.is_match(lower) {
            return 0;
        }
        let mut found: Vec<usize> = self
            .boilerplate_finder
            .find_overlapping_iter(lower)
            .map(|m| m.pattern().as_usize())
            .collect();
        found.sort_unstable();
        found.dedup();
        found.len()
    }
}

fn merge_lists(base: &str, user: &str) -> String {
    let removed: HashSet<&str> = list_lines(user)
        .filter_map(|(_, l)| l.strip_prefix('-'))
        .map(str::trim)
        .collect();
    let mut out: Vec<&str> = list_lines(base)
        .map(|(_, l)| l)
        .filter(|l| !removed.contains(l.trim()))
        .collect();
    out.extend(
        list_lines(user)
            .map(|(_, l)| l)
            .filter(|l| !l.starts_with('-')),
    );
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_by_their_first_token_in_order() {
        let words = |p: &str| phrase_words(p);
        let list = Phrases::new(vec![
            (words("more than"), 1),
            (words("more-or-less"), 2),
            (words("km2"), 3),
            (words("more"), 4),
        ]);
        let at = |t: &str| list.starting_with(t).map(|(_, v)| *v).collect::<Vec<_>>();
        assert_eq!(at("more"), [1, 2, 4], "a hyphen ends a token");
        assert_eq!(at("more-or-less"), Vec::<i32>::new());
        assert_eq!(at("km"), [3]);
        assert_eq!(at("than"), Vec::<i32>::new());
        let odd = Phrases::new(vec![(words("about"), 1), (vec![String::new()], 2)]);
        assert_eq!(
            odd.starting_with("x").count(),
            2,
            "a phrase with no token is tried anywhere"
        );
    }

    #[test]
    fn title_len_takes_the_longest_title_at_the_start() {
        let lex = Lexicon::global();
        assert_eq!(lex.title_len(&["Lt.", "Gen.", "Jane", "Doe"]), 2);
        assert_eq!(lex.title_len(&["LT", "GEN", "Smith"]), 2);
        assert_eq!(lex.title_len(&["Prime", "Minister", "Smith"]), 2);
        assert_eq!(lex.title_len(&["Minister", "Smith"]), 1);
        assert_eq!(lex.title_len(&["Smith", "Minister"]), 0);
        assert_eq!(lex.title_len(&[]), 0);
    }

    #[test]
    fn entity_kinds_keep_their_json_names() {
        for (kind, name) in [
            (EntityKind::Person, "person"),
            (EntityKind::Org, "org"),
            (EntityKind::Outlet, "outlet"),
            (EntityKind::Place, "place"),
            (EntityKind::Other, "other"),
        ] {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{name}\""));
            assert_eq!(EntityKind::named(name), Some(kind));
        }
        assert_eq!(EntityKind::named("Person"), None);
        assert_eq!(EntityKind::named("city"), None);
    }

    #[test]
    fn embedded_assets_load() {
        let lex = Lexicon::embedded();
        assert!(lex.stopwords.contains("the"));
        assert_eq!(
            lex.sentence.abbreviations.get("Mr"),
            Some(&AbbreviationKind::Title)
        );
        assert_eq!(
            lex.sentence.abbreviations.get("p.m"),
            Some(&AbbreviationKind::Clock)
        );
        assert!(lex.sentence.abbreviations_folded.contains("sec"));
        assert!(lex.sentence.starters.contains("millions"));
        assert!(lex.sentence.exclaimed_names.contains("Yahoo!"));
        assert!(lex.boilerplate_exact.contains("subscribe"));
        assert!(
            lex.hedges
                .iter()
                .any(|(w, b)| w == &["nearly"] && *b == HedgeBound::JustBelow)
        );
        assert_eq!(
            lex.count_nouns.get("personnel").map(String::as_str),
            Some("troops")
        );
        assert!(
            lex.unit_aliases.first().map(|(w, _)| w.len())
                >= lex.unit_aliases.last().map(|(w, _)| w.len())
        );
    }

    #[test]
    fn a_word_class_holds_every_list_the_word_is_in() {
        use word_class::*;
        let lex = Lexicon::embedded();
        assert_eq!(lex.word_class("sept"), MONTH);
        assert_eq!(lex.word_class("tuesday"), WEEKDAY);
        assert_eq!(lex.word_class("yesterday"), RELATIVE_DATE_HEAD);
        assert_eq!(lex.word_class("according"), ATTRIBUTION_PREFIX_HEAD);
        assert_eq!(lex.word_class("said"), SAYING_VERB);
        assert_eq!(lex.word_class("would"), STOPWORD);
        assert_eq!(lex.word_class("paris"), PLACE);
        assert_eq!(lex.word_class("harbour"), 0);
        // A user's list is classed with the built-in ones.
        let dir = std::env::temp_dir().join(format!("cc-lex-class-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("attribution_verbs.txt"), "blurted\n").unwrap();
        let lex = Lexicon::load(&dir).unwrap();
        assert_eq!(lex.word_class("blurted"), SAYING_VERB);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn user_lists_extend_and_remove() {
        let dir = std::env::temp_dir().join(format!("cc-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("stopwords.txt"), "zzyzx\n-the\n").unwrap();
        let lex = Lexicon::load(&dir).unwrap();
        assert!(lex.stopwords.contains("zzyzx"));
        assert!(!lex.stopwords.contains("the"));
        assert!(lex.stopwords.contains("and"));
        std::fs::write(dir.join("abbreviations.txt"), "Blvd\tnowhere\n").unwrap();
        let err = Lexicon::load(&dir).unwrap_err();
        assert!(
            err.to_string().contains("abbreviations.txt: line 1"),
            "{err}"
        );
        std::fs::write(dir.join("abbreviations.txt"), "Cpt\ttitle\n-Inc\n").unwrap();
        let lex = Lexicon::load(&dir).unwrap();
        assert_eq!(
            lex.sentence.abbreviations.get("Cpt"),
            Some(&AbbreviationKind::Title)
        );
        assert!(!lex.abbreviations.contains("Inc"));
        std::fs::write(dir.join("role_nouns.txt"), "the desk\tnewsroom\n").unwrap();
        let err = Lexicon::load(&dir).unwrap_err();
        assert!(err.to_string().contains("role_nouns.txt"), "{err}");
        std::fs::write(dir.join("role_nouns.txt"), "the desk\toutlet\n").unwrap();
        let lex = Lexicon::load(&dir).unwrap();
        assert_eq!(lex.role_nouns.get("the desk"), Some(&EntityKind::Outlet));
        assert_eq!(lex.role_nouns.get("president"), Some(&EntityKind::Person));
        std::fs::write(dir.join("units.json"), "{ not json").unwrap();
        let err = Lexicon::load(&dir).unwrap_err();
        assert!(err.to_string().contains("units.json"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
