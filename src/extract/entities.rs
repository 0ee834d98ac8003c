//! People, organisations, outlets and places named in a sentence, folded to canonical names
//! through the alias list in `assets/entities.json`.

use crate::text::{Interned, intern};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::lexicon::{EntityKind, Lexicon, alias_key, word_class};
use crate::text;

/// A named thing in a claim. It keeps where it stands in its sentence, not its words: a
/// corpus names a third of a million things, and a copy of each name's spelling and full
/// offsets took twice the room (see [`Entity::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The one name all spellings fold to.
    pub canonical: Interned,
    /// A title or role written before a person's name ("President").
    pub role: Option<Interned>,
    /// Byte offsets of the name, possessive removed, in its sentence: under
    /// [`MAX_SENTENCE_BYTES`](super::claims::MAX_SENTENCE_BYTES), so two bytes each.
    start: u16,
    end: u16,
    pub kind: EntityKind,
}

const _: () = assert!(std::mem::size_of::<Entity>() <= 16);

impl Entity {
    /// The entity at `range` of its sentence, or `None` past the offsets an entity can hold
    /// (sentences that long are not read for claims).
    pub fn new(
        range: std::ops::Range<usize>,
        canonical: Interned,
        kind: EntityKind,
        role: Option<Interned>,
    ) -> Option<Entity> {
        Some(Entity {
            canonical,
            role,
            start: u16::try_from(range.start).ok()?,
            end: u16::try_from(range.end).ok()?,
            kind,
        })
    }

    /// Where the name starts in its sentence, in bytes.
    pub fn start(&self) -> usize {
        usize::from(self.start)
    }

    /// Where the name ends in its sentence, in bytes (a possessive "'s" left out).
    pub fn end(&self) -> usize {
        usize::from(self.end)
    }

    /// The name as written in `sentence`, the text it was found in.
    pub fn text<'a>(&self, sentence: &'a str) -> &'a str {
        &sentence[self.start()..self.end()]
    }

    /// The entity as JSON writes it (docs/json.md), its spelling read from `sentence`.
    pub fn json<'a>(&'a self, sentence: &'a str) -> impl Serialize + 'a {
        #[derive(Serialize)]
        struct Json<'a> {
            text: &'a str,
            canonical: Interned,
            #[serde(rename = "type")]
            kind: EntityKind,
            #[serde(skip_serializing_if = "Option::is_none")]
            role: Option<Interned>,
        }
        Json {
            text: self.text(sentence),
            canonical: self.canonical,
            kind: self.kind,
            role: self.role,
        }
    }
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Looks a name up in the gazetteer.
pub fn lookup<'a>(name: &str, lex: &'a Lexicon) -> Option<(&'a str, EntityKind)> {
    text::with_lower(name, |lower| lookup_lowered(name, lower, lex))
}

/// [`lookup`] of a name whose lowercase form is known.
fn lookup_lowered<'a>(name: &str, lower: &str, lex: &'a Lexicon) -> Option<(&'a str, EntityKind)> {
    // The key is the name lowercased when it holds no period or curly apostrophe (most
    // names): no string is built for it then.
    let index = if lower.contains(['.', '’']) {
        lex.entity_aliases.get(&alias_key(name)).copied()
    } else {
        lex.entity_aliases.get(lower).copied()
    }?;
    Some((
        lex.entities[index].canonical.as_str(),
        lex.entities[index].kind,
    ))
}

/// The longest title at the start of `words` (lowercase compare), as a word count.
pub fn title_len(words: &[&str], lex: &Lexicon) -> usize {
    lex.title_len(words)
}

const CONNECTORS: &[&str] = &["of", "for", "the", "de", "al", "bin", "van", "von", "and"];

/// Named entities in a sentence, in order.
pub fn find_entities(sentence: &str, lex: &Lexicon) -> Vec<Entity> {
    let ws: Vec<_> = text::words(sentence).collect();
    let lows = text::LowerWords::of(sentence, ws.iter().map(|&(at, w)| (at, at + w.len())));
    let lows = lows.lows();
    let classes: Vec<u16> = lex.word_classes(lows, ws.len()).collect();
    entities_in(sentence, &ws, lows, &classes, lex)
}

/// [`find_entities`] for a sentence already split into its words (`text::words`), each also
/// lowercased (`lows`, in the same order) and classed (`classes`, [`Lexicon::word_class`]).
pub fn entities_in(
    sentence: &str,
    ws: &[(usize, &str)],
    lows: text::Lows<'_>,
    classes: &[u16],
    lex: &Lexicon,
) -> Vec<Entity> {
    let low = |i: usize| lows.get(i).unwrap_or("");
    let class = |i: usize| classes.get(i).copied().unwrap_or(0);
    let capitals = ws.iter().filter(|(_, w)| text::is_capitalized(w)).count();
    let title_case = ws.len() >= 4 && capitals * 10 >= ws.len() * 7;
    let breaks_run = |i: usize| {
        let (w, low) = (ws[i].1, low(i));
        title_case
            && (class(i) & word_class::STOPWORD != 0
                || class(i) & word_class::PLACE == 0
                    && lookup_lowered(w, low, lex).is_none()
                    && !lex.place_suffixes.contains(w)
                    && ws.iter().filter(|(_, x)| *x == w).count() == 1
                    && w.ends_with('s')
                    && !w.ends_with("ss"))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !text::is_capitalized(ws[i].1) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() {
            let w = ws[j].1;
            let gap = sentence[ws[j - 1].0 + ws[j - 1].1.len()..ws[j].0].trim();
            let prev = ws[j - 1].1;
            let gap_ok = gap.is_empty()
                || (gap == "."
                    && (lex.abbreviations.contains(prev)
                        || prev.chars().count() == 1
                        || prev.contains('.')));
            if !gap_ok || ws[j - 1].1.ends_with("'s") || ws[j - 1].1.ends_with("’s") {
                break;
            }
            if text::is_capitalized(w) && !breaks_run(j) && !breaks_run(j - 1) {
                j += 1;
            } else if CONNECTORS.contains(&w) && w != "and" {
                let mut k = j;
                while ws
                    .get(k)
                    .is_some_and(|n| CONNECTORS.contains(&n.1) && n.1 != "and")
                    && k - j < 2
                {
                    k += 1;
                }
                if ws.get(k).is_some_and(|n| text::is_capitalized(n.1)) {
                    j = k + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let (run, first) = (&ws[i..j], i);
        let region_after = ws
            .get(j)
            .is_some_and(|(_, w)| lex.place_suffixes.contains(*w) && !text::is_capitalized(w));
        i = j;
        let run_class = |k: usize| class(first + k);
        if let Some(mut e) = entity_from_run(sentence, run, &run_class, run[0].0 == ws[0].0, lex) {
            if region_after && e.kind == EntityKind::Other {
                e.kind = EntityKind::Place;
            }
            out.push(e);
        }
    }
    out
}

/// The entity a run of capitalised words names, if any: `run` is its words, and `class(k)`
/// word k's [`Lexicon::word_class`].
fn entity_from_run(
    sentence: &str,
    run: &[(usize, &str)],
    class: &dyn Fn(usize) -> u16,
    sentence_start: bool,
    lex: &Lexicon,
) -> Option<Entity> {
    use word_class::{MONTH, STOPWORD, WEEKDAY};
    // The words kept are run[a..b].
    let (mut a, mut b) = (0, run.len());
    while a < b && class(a) & (STOPWORD | MONTH | WEEKDAY) != 0 {
        a += 1;
    }
    // A month closing a run is a date's ("Kyiv May 5") only when a number follows it; else it
    // is a surname ("Theresa May"), even one that is also a stopword.
    let dated = |&(at, w): &(usize, &str)| {
        sentence[at + w.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    };
    while b > a && {
        let c = class(b - 1);
        let (month, weekday) = (c & MONTH != 0, c & WEEKDAY != 0);
        c & STOPWORD != 0 && !month || month && (b - a == 1 || dated(&run[b - 1])) || weekday
    } {
        b -= 1;
    }
    let mut words = &run[a..b];
    if words.is_empty() {
        return None;
    }
    // The words alone, on the stack for a run of up to 16 (nearly all are).
    let (mut on_stack, mut spilled) = ([""; 16], Vec::new());
    let mut plain: &[&str] = match on_stack.get_mut(..words.len()) {
        Some(plain) => {
            for (p, &(_, w)) in plain.iter_mut().zip(words) {
                *p = w;
            }
            plain
        }
        None => {
            spilled.extend(words.iter().map(|&(_, w)| w));
            &spilled
        }
    };
    if plain.len() > 2
        && lex.demonyms.contains(strip_possessive(plain[0]))
        && title_len(&plain[1..], lex) > 0
    {
        words = &words[1..];
        plain = &plain[1..];
    }
    let t = (0..=2.min(plain.len().saturating_sub(1)))
        .find_map(|k| {
            let t = title_len(&plain[k..], lex);
            (t > 0 && k + t < plain.len()).then_some(k + t)
        })
        .unwrap_or(0);
    let role = (t > 0).then(|| intern(&plain[..t].join(" ")));
    let name_words = &words[t..];
    if name_words.is_empty() {
        return None;
    }
    let start = name_words[0].0;
    let last = name_words[name_words.len() - 1];
    let end = last.0 + strip_possessive(last.1).len();
    let name = &sentence[start..end];
    let joined = lex_demonym(name, lex);
    if joined {
        return None;
    }
    if let Some((canonical, kind)) = lookup(name, lex) {
        return Entity::new(start..end, intern(canonical), kind, role);
    }
    // The name's words, a possessive's "'s" dropped.
    let names = || name_words.iter().map(|(_, w)| strip_possessive(w));
    let n = name_words.len();
    if sentence_start
        && t == 0
        && n == 1
        && run.len() == 1
        && !text::with_lower(strip_possessive(name_words[0].1), |l| {
            lex.places.contains(l)
        })
    {
        return None;
    }
    let last_word = strip_possessive(name_words[n - 1].1);
    if n > 1 && lex.place_suffixes.contains(last_word) {
        let base = names().take(n - 1).collect::<Vec<_>>().join(" ");
        let canonical = lookup(&base, lex).map_or_else(|| intern(&base), |(c, _)| intern(c));
        return Entity::new(start..end, canonical, EntityKind::Place, role);
    }
    let kind = if text::with_lower(name, |l| lex.places.contains(l)) {
        EntityKind::Place
    } else if names().any(|w| lex.outlet_words.contains(w))
        && !names().any(|w| lex.org_words.contains(w))
    {
        EntityKind::Outlet
    } else if names().any(|w| lex.org_words.contains(w)) {
        EntityKind::Org
    } else if names().any(|w| lex.place_words.contains(w)) {
        EntityKind::Place
    } else if role.is_some()
        || (2..=4).contains(&n)
            && names().all(|w| {
                w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            })
    {
        EntityKind::Person
    } else {
        EntityKind::Other
    };
    Entity::new(start..end, intern(name), kind, role)
}

fn lex_demonym(name: &str, lex: &Lexicon) -> bool {
    lex.demonyms.contains(strip_possessive(name))
}

/// Edit distance between two short strings, for folding names that differ by a letter or two.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether two person names are spellings of one name: the same surname up to a letter or
/// two ("Petrenkyi", "Petrenkyy"), and the same or a missing first name.
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else {
        return false;
    };
    let close = |x: &str, y: &str| {
        x == y
            || x.chars().count() >= 5
                && y.chars().count() >= 5
                && edit_distance(&x.to_lowercase(), &y.to_lowercase()) <= 2
                && x.chars().next() == y.chars().next()
    };
    if !close(la, lb) {
        return false;
    }
    match (wa.len(), wb.len()) {
        (1, _) | (_, 1) => true,
        _ => {
            close(wa[0], wb[0])
                || wa[0].chars().next() == wb[0].chars().next()
                    && (wa[0].len() <= 2 || wb[0].len() <= 2)
        }
    }
}

/// Person-name spellings to fold across the corpus: every spelling of one person maps to the
/// most common full spelling. Only spellings that change are listed.
pub fn name_folds(articles: &[super::Extracted]) -> HashMap<Interned, Interned> {
    let mut counts: HashMap<Interned, usize> = HashMap::default();
    for a in articles {
        for e in a
            .all_entities()
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
        {
            *counts.entry(e.canonical).or_default() += 1;
        }
        for c in &a.claims {
            if let Some(at) = a.attribution(c).filter(|at| at.named) {
                *counts.entry(at.speaker).or_default() += 1;
            }
        }
    }
    let mut names: Vec<(Interned, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| {
        let full = |n: &str| n.split_whitespace().count() > 1;
        full(&b.0)
            .cmp(&full(&a.0))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    let mut canonical: HashMap<Interned, Interned> = HashMap::default();
    // Spellings of one person share their surname's first letter, so a name is only compared
    // with the earlier names under that letter.
    let mut by_initial: HashMap<char, Vec<usize>> = HashMap::default();
    for (i, (name, _)) in names.iter().enumerate() {
        let Some(initial) = name
            .split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
        else {
            continue;
        };
        let earlier = by_initial.entry(initial).or_default();
        let target = earlier
            .iter()
            .map(|&j| canonical.get(&names[j].0).unwrap_or(&names[j].0))
            .find(|n| same_person(n, name))
            .cloned();
        if let Some(t) = target {
            canonical.insert(*name, t);
        }
        earlier.push(i);
    }
    canonical
}

/// Writes [`name_folds`] into the articles' person entities and named speakers.
pub fn apply_name_folds(articles: &mut [super::Extracted], folds: &HashMap<Interned, Interned>) {
    for a in articles {
        for e in a
            .all_entities_mut()
            .iter_mut()
            .filter(|e| e.kind == EntityKind::Person)
        {
            if let Some(t) = folds.get(&e.canonical) {
                e.canonical = *t;
            }
        }
        for at in a.speakers_mut().iter_mut().filter(|at| at.named) {
            if let Some(t) = folds.get(&at.speaker) {
                at.speaker = *t;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(s: &str) -> Vec<(Interned, Interned, EntityKind)> {
        find_entities(s, Lexicon::global())
            .into_iter()
            .map(|e| (intern(e.text(s)), e.canonical, e.kind))
            .collect()
    }

    #[test]
    fn aliases_fold() {
        let e = ents("Officials in Kiev and the U.S. spoke to the NYT.");
        assert_eq!(e[0], ("Kiev".into(), "Kyiv".into(), EntityKind::Place));
        assert_eq!(e[1].1, "United States");
        assert_eq!(e[2].1, "The New York Times");
    }

    #[test]
    fn region_suffixes_fold_to_the_place() {
        for s in [
            "Troops in Lipetsk Oblast held.",
            "Troops in the Lipetsk region held.",
            "Troops in Lipetsk Province held.",
        ] {
            let e = find_entities(s, Lexicon::global());
            assert_eq!(e[0].canonical, "Lipetsk", "{s}");
            assert_eq!(e[0].kind, EntityKind::Place);
        }
    }

    #[test]
    fn titles_become_roles() {
        let s = "It was Prime Minister Jana Novak who spoke.";
        let e = find_entities(s, Lexicon::global());
        assert_eq!(e[0].text(s), "Jana Novak");
        assert_eq!(e[0].role.as_deref(), Some("Prime Minister"));
        assert_eq!(e[0].kind, EntityKind::Person);
    }

    #[test]
    fn a_name_past_the_offsets_an_entity_holds_is_not_kept() {
        let s = format!("{} met Jana Novak.", "word ".repeat(14_000));
        assert!(find_entities(&s, Lexicon::global()).is_empty());
        assert!(Entity::new(65_530..65_540, intern("X"), EntityKind::Person, None).is_none());
    }

    #[test]
    fn organisations_and_outlets() {
        let e = ents("The Ministry of Health told the Daily Herald on Monday.");
        assert_eq!(e[0].2, EntityKind::Org);
        assert_eq!(e[1].2, EntityKind::Outlet);
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn same_person_spellings() {
        assert!(same_person("Oleh Petrenkyi", "Oleh Petrenkyy"));
        assert!(same_person("Petrenkyy", "Oleh Petrenkyi"));
        assert!(!same_person("Oleh Petrenko", "Anna Petrenko"));
        assert!(!same_person("John Smith", "John Smythe-Jones"));
    }

    #[test]
    fn spelling_distance() {
        assert_eq!(edit_distance("Petrenkyi", "Petrenkyy"), 1);
        assert_eq!(edit_distance("Kyiv", "Kiev"), 2);
    }
}
