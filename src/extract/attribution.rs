//! Who asserts a claim: "X said", "said X", "according to X", "X told CNN", "citing its
//! source", headlines ending ", X says", roles and pronouns resolved to the person named
//! earlier, anonymous sources kept as such.

use crate::text::{Interned, intern};
use serde::Serialize;

use super::entities::{Entity, title_len};
use crate::lexicon::{EntityKind, Lexicon, word_class};
use crate::text;

/// The speaker of a claim and the chain it reached the report through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// Who asserts it: a name, or the anonymous source as described ("a US official").
    pub speaker: Interned,
    /// The speaker's title or role when given ("President").
    pub role: Option<Interned>,
    /// False for anonymous sources.
    pub named: bool,
    /// Outlets or sources the claim was relayed through, nearest to the speaker last.
    pub via: Vec<Interned>,
    /// True when the speaker told this report directly (nothing in `via`).
    pub first_hand: bool,
    /// The attributing word or phrase ("said", "according to").
    pub verb: Interned,
    /// The pronoun the sentence names its speaker by ("he"), when the speaker is a guess
    /// from earlier sentences: the last speaker, or the last person named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pronoun: Option<Interned>,
}

impl Attribution {
    /// The speaker as a reader should see it: the name, or the pronoun the sentence has with
    /// the guessed name ("he (Ana Ruiz?)").
    pub fn label(&self) -> std::borrow::Cow<'_, str> {
        match self.pronoun {
            Some(p) => format!("{p} ({}?)", self.speaker).into(),
            None => self.speaker.as_str().into(),
        }
    }
}

/// What earlier sentences of the same article named, for resolving roles and pronouns.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// People named so far: full name and title.
    people: Vec<(Interned, Option<Interned>)>,
    outlets: Vec<Interned>,
    last_speaker: Option<Attribution>,
    anonymous: Vec<Attribution>,
    /// Every person the article names anywhere, for completing surnames in its headline.
    known: Vec<Interned>,
}

/// Whether `name` ends with `word` after a space ("Maria Lopez" with "Lopez").
fn ends_with_word(name: &str, word: &str) -> bool {
    name.strip_suffix(word)
        .is_some_and(|head| head.ends_with(' '))
}

impl Context {
    /// Records the entities of a sentence.
    pub fn learn(&mut self, entities: &[Entity]) {
        for e in entities {
            match e.kind {
                EntityKind::Person => {
                    if let Some(p) = self.people.iter_mut().find(|(n, _)| *n == e.canonical) {
                        if e.role.is_some() {
                            p.1 = e.role;
                        }
                    } else if !self
                        .people
                        .iter()
                        .any(|(n, _)| ends_with_word(n, &e.canonical))
                    {
                        self.people.push((e.canonical, e.role));
                    }
                }
                EntityKind::Outlet => self.outlets.push(e.canonical),
                _ => {}
            }
        }
    }

    /// Records every person an article names, before its sentences are read in order.
    pub fn know(&mut self, entities: &[Entity]) {
        for e in entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.canonical.contains(' '))
        {
            if !self.known.contains(&e.canonical) {
                self.known.push(e.canonical);
            }
        }
    }

    /// The full name of someone named by surname ("Petrenko" → "Oleh Petrenko"): the last
    /// such person named so far, else anyone the article names.
    fn full_name(&self, name: &str) -> Option<Interned> {
        let last = name.split_whitespace().last()?;
        let same = |n: &Interned| n != name && n.split_whitespace().last() == Some(last);
        self.people
            .iter()
            .rev()
            .map(|(n, _)| n)
            .find(|n| same(n))
            .or_else(|| self.known.iter().find(|n| same(n)))
            .cloned()
    }

    fn by_role(&self, role: &str) -> Option<(Interned, Option<Interned>)> {
        self.people
            .iter()
            .rev()
            .find(|(_, r)| {
                r.as_deref().is_some_and(|r| {
                    r.eq_ignore_ascii_case(role) || r.to_lowercase().ends_with(&role.to_lowercase())
                })
            })
            .cloned()
    }
}

struct Words<'a> {
    text: &'a str,
    ws: &'a [(usize, &'a str)],
    /// Each word lowercased, computed once: the rules read them many times.
    lows: text::Lows<'a>,
}

impl<'a> Words<'a> {
    /// Word `i` lowercased, or "" past the end.
    fn low(&self, i: usize) -> &'a str {
        self.lows.get(i).unwrap_or("")
    }

    /// Text between word `a` and word `b` (inclusive), as written.
    fn span(&self, a: usize, b: usize) -> &'a str {
        let s = self.ws[a].0;
        let e = self.ws[b].0 + self.ws[b].1.len();
        &self.text[s..e]
    }

    /// Whether punctuation (other than an apostrophe or hyphen) separates word i from i+1.
    fn broken_after(&self, i: usize) -> bool {
        let (s, w) = self.ws[i];
        let next = self.ws.get(i + 1).map_or(self.text.len(), |n| n.0);
        self.text[s + w.len()..next]
            .chars()
            .any(|c| !c.is_whitespace())
    }
}

const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "may", "might", "not", "never",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// The pronoun word `k` is, alone or with a contracted verb ("he's said", "they've said").
fn pronoun_at(w: &Words<'_>, k: usize) -> Option<&'static str> {
    let word = w.low(k);
    PRONOUNS.iter().copied().find(|&p| {
        word.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty() || ["'s", "’s", "'ve", "’ve", "'d", "’d"].contains(&rest)
        })
    })
}
/// Words that open a clause of its own, which a role phrase does not hold ("Ana Ruiz, who
/// led the inquiry, ...").
const CLAUSE_OPENERS: &[&str] = &[
    "who", "whose", "whom", "which", "that", "when", "while", "because", "but", "although",
    "after", "before", "since", "as", "if",
];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "one", "two", "three", "several", "some",
    "other", "another", "multiple",
];

/// Finds the attribution of one sentence, using the article context.
pub fn attribute(
    sentence: &str,
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    attribute_words(
        sentence,
        text::words(sentence).collect(),
        entities,
        ctx,
        lex,
    )
}

/// [`attribute`] for a sentence already split into its words (`text::words`).
pub fn attribute_words<'a>(
    sentence: &'a str,
    words: Vec<(usize, &'a str)>,
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    let lows = text::LowerWords::of(sentence, words.iter().map(|&(at, w)| (at, at + w.len())));
    let lows = lows.lows();
    let classes: Vec<u16> = lex.word_classes(lows, words.len()).collect();
    let w = Words {
        text: sentence,
        ws: &words,
        lows,
    };
    attribute_read(w, &classes, entities, ctx, lex)
}

/// [`attribute_words`] for words also lowercased (`lows`, in the same order) and classed
/// (`classes`, [`Lexicon::word_class`]).
pub fn attribute_lowered<'a>(
    sentence: &'a str,
    words: &'a [(usize, &'a str)],
    lows: text::Lows<'a>,
    classes: &[u16],
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    let w = Words {
        text: sentence,
        ws: words,
        lows,
    };
    attribute_read(w, classes, entities, ctx, lex)
}

fn attribute_read(
    w: Words<'_>,
    class: &[u16],
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    let sentence = w.text;
    let n = w.ws.len();
    let prefix_at =
        |i: usize, prefix: &[String]| prefix.iter().enumerate().all(|(k, p)| w.low(i + k) == *p);
    // Most sentences hold no word a prefix starts with, and are not scanned for prefixes (an
    // empty prefix, were there one, would start anywhere).
    let any_prefix = lex.attribution_prefixes.iter().any(Vec::is_empty)
        || class.iter().any(|c| c & PREFIX_HEAD != 0);

    for prefix in lex
        .attribution_prefixes
        .iter()
        .filter(|p| any_prefix && p.as_slice() != ["citing"])
    {
        // A prefix of words starts only at a word it can start with.
        let starts = |i: usize| prefix.is_empty() || class[i] & PREFIX_HEAD != 0;
        for i in 0..n {
            if starts(i) && prefix_at(i, prefix) && i + prefix.len() < n {
                let start = i + prefix.len();
                let end = phrase_end(&w, start, 14, lex);
                if let Some(a) =
                    speaker_from_phrase(&w, start, end, entities, ctx, &prefix.join(" "), lex)
                {
                    return Some(a);
                }
            }
        }
    }

    let mut quoted_self = None;
    for (i, &c) in class.iter().enumerate() {
        let word = w.low(i);
        if c & SAYING_VERB == 0 || within_name(w.ws[i].0, entities) {
            continue;
        }
        if w.low(i + 1) == "by" && i + 2 < n {
            if let Some(mut a) = speaker_from_phrase(
                &w,
                i + 2,
                phrase_end(&w, i + 2, 8, lex),
                entities,
                ctx,
                &format!("{word} by"),
                lex,
            ) {
                a.verb = intern(&format!("{word} by"));
                return Some(a);
            }
            continue;
        }
        // "was told", "a declared aim", "to say", "after reports that": not a report of speech
        // by a subject.
        if i > 0
            && (NOT_BEFORE_A_SAYING_VERB.contains(&w.low(i - 1))
                || PREPOSITIONS_BEFORE_AN_ADJECTIVE.contains(&w.low(i - 1))
                    && !w.broken_after(i - 1))
        {
            continue;
        }
        let Some(mut a) = subject_before_verb(&w, i, entities, ctx, lex)
            .or_else(|| subject_after_verb(&w, i, entities, ctx, lex))
        else {
            continue;
        };
        a.verb = intern(word);
        // "I" or "we" inside a quotation is the quoted speaker, whom a verb of saying after
        // the quotation names; only without one is it a guess from earlier sentences.
        if matches!(a.pronoun.as_deref(), Some("we" | "I")) {
            quoted_self.get_or_insert(a);
            continue;
        }
        if matches!(word, "told" | "tells") && i + 1 < n && !w.broken_after(i) {
            let obj = w.span(i + 1, phrase_end(&w, i + 1, 4, lex));
            if let Some(e) = entities
                .iter()
                .find(|e| e.kind == EntityKind::Outlet && obj.contains(e.text(w.text)))
            {
                a.via.push(e.canonical);
                a.first_hand = false;
            }
        }
        if let Some(c) = (i + 1..n).find(|&k| w.low(k) == "citing")
            && c + 1 < n
            && let Some(mut src) = speaker_from_phrase(
                &w,
                c + 1,
                phrase_end(&w, c + 1, 14, lex),
                entities,
                ctx,
                "citing",
                lex,
            )
        {
            src.via.insert(0, a.speaker);
            src.first_hand = false;
            src.verb = intern(&format!("{word}, citing"));
            return Some(src);
        }
        return Some(a);
    }
    if quoted_self.is_some() {
        return quoted_self;
    }

    if let Some(c) = (0..n).find(|&k| w.low(k) == "citing")
        && c + 1 < n
    {
        return speaker_from_phrase(
            &w,
            c + 1,
            phrase_end(&w, c + 1, 14, lex),
            entities,
            ctx,
            "citing",
            lex,
        );
    }

    let (head, _) = sentence.split_once(": ")?;
    let head_words: Vec<&str> = text::words(head).map(|(_, w)| w).collect();
    let speaker = entities
        .iter()
        .find(|e| {
            e.text(sentence) == head.trim()
                && matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::Outlet | EntityKind::Org
                )
        })
        .map(|e| e.canonical)
        .or_else(|| {
            super::entities::lookup(head.trim(), lex)
                .filter(|(_, k)| *k != EntityKind::Place)
                .map(|(c, _)| intern(c))
        })?;
    (head_words.len() <= 3).then(|| Attribution {
        verb: intern(":"),
        ..Attribution::person(speaker, None)
    })
}

const PREFIX_HEAD: u16 = word_class::ATTRIBUTION_PREFIX_HEAD;
const SAYING_VERB: u16 = word_class::SAYING_VERB;

/// Prepositions inside a speaker's noun phrase ("a spokesman for the court").
const PHRASE_PREPOSITIONS: &[&str] = &["of", "for", "on", "at", "with", "from"];

/// Words after which a verb of saying is passive, an adjective, an infinitive or a noun.
const NOT_BEFORE_A_SAYING_VERB: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "a", "an", "the", "its", "their", "his",
    "her", "our", "my", "your", "to", "after", "before", "of", "for", "amid", "despite",
];

/// Prepositions right before a verb of saying, nothing between, make it an adjective ("a
/// probe into alleged fraud", "concern about reported abuses").
const PREPOSITIONS_BEFORE_AN_ADJECTIVE: &[&str] = &[
    "into", "about", "over", "on", "in", "against", "with", "from", "at", "under", "by", "than",
];

/// Last word index of a noun phrase starting at `start`: up to punctuation, "that", a verb
/// of saying, or `max` words.
fn phrase_end(w: &Words<'_>, start: usize, max: usize, lex: &Lexicon) -> usize {
    let mut end = start;
    while end + 1 < w.ws.len() && end - start + 1 < max {
        if w.broken_after(end)
            && !w.ws[end].1.ends_with(['.'])
            && !is_abbreviation(w.ws[end].1, lex)
        {
            break;
        }
        let next = w.low(end + 1);
        if next == "that" || next == "who" || lex.attribution_verbs.contains(next) {
            break;
        }
        end += 1;
    }
    end
}

fn is_abbreviation(word: &str, lex: &Lexicon) -> bool {
    lex.abbreviations.contains(word) || word.chars().count() == 1 && text::is_capitalized(word)
}

fn subject_before_verb(
    w: &Words<'_>,
    v: usize,
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    let mut end = subject_end(w, v, lex);
    // "Ana Ruiz, a former adviser who claimed": the subject is the phrase before "who".
    if end > 1 && w.low(end - 1) == "who" {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let last = end - 1;
    // "... would not name the sites but said": the subject is the clause's, further back.
    if matches!(w.low(last), "but" | "and" | "yet") {
        return None;
    }
    if w.broken_after(last) {
        return appositive_subject(w, last, entities, ctx, lex);
    }
    if let Some(pronoun) = pronoun_at(w, last) {
        if let Some(e) = named_earlier(w, last, entities) {
            return Some(Attribution::person(e.canonical, e.role));
        }
        // "We" and "I" in the story's own words are its writers, not anyone it named.
        if matches!(pronoun, "we" | "i") && !quoted(w.text, w.ws[last].0) {
            return None;
        }
        let guess = ctx.last_speaker.clone().or_else(|| {
            ctx.people
                .last()
                .map(|&(speaker, role)| Attribution::person(speaker, role))
        });
        return guess.map(|a| Attribution {
            pronoun: Some(intern(if pronoun == "i" { "I" } else { pronoun })),
            ..a
        });
    }
    let mut start = last;
    while start > 0 && last - start < 10 {
        let k = start - 1;
        if w.broken_after(k) && !is_abbreviation(w.ws[k].1, lex) {
            break;
        }
        let prev = w.low(k);
        let cap = text::is_capitalized(w.ws[k].1);
        if DETERMINERS.contains(&prev) {
            start = k;
            if k > 0 && !w.broken_after(k - 1) && continues_phrase(w, k - 1, lex) {
                start = k - 1;
                continue;
            }
            break;
        } else if prev == "and" && k > 0 && text::is_capitalized(w.ws[k - 1].1) {
            start = k - 1;
        } else if cap
            || (!lex.is_stopword(prev) && !lex.attribution_verbs.contains(prev) && prev != "of")
        {
            start = k;
        } else if prev == "of" && k > 0 && !lex.is_stopword(w.low(k - 1)) {
            start = k - 1;
        } else if prev == "to" && continues_phrase(w, k, lex) {
            start = k;
        } else {
            break;
        }
    }
    while start < last && matches!(w.low(start), "of" | "but" | "and" | "yet" | "so") {
        start += 1;
    }
    role_after_name(w, start, last, entities, lex)
        .or_else(|| speaker_from_phrase(w, start, last, entities, ctx, "", lex))
}

/// "Ana Ruiz, deputy leader and health spokesperson said": a role phrase right after the
/// name that opens the sentence and a comma, with no comma closing it, is that person's.
/// `start..=last` is the subject phrase found before the verb.
fn role_after_name(
    w: &Words<'_>,
    start: usize,
    last: usize,
    entities: &[Entity],
    lex: &Lexicon,
) -> Option<Attribution> {
    let head = w.low(last);
    let role_head = lex.role_nouns.contains_key(head)
        || lex.anonymous_heads.contains(head)
        || title_len(&[head], lex) > 0;
    if start == 0 || !role_head {
        return None;
    }
    // The role phrase may go back past "and" to the comma: "deputy leader and ...".
    let comma = (start.saturating_sub(APPOSITIVE_REACH)..start)
        .rev()
        .find(|&k| w.broken_after(k))?;
    let gap = &w.text[w.ws[comma].0 + w.ws[comma].1.len()..w.ws[comma + 1].0];
    let words_between = comma + 1..start;
    if gap.trim() != ","
        || words_between.clone().any(|k| {
            let word = w.low(k);
            lex.attribution_verbs.contains(word)
                || PRONOUNS.contains(&word)
                || CLAUSE_OPENERS.contains(&word)
        })
    {
        return None;
    }
    // The name must open the sentence: in "..., the ministry said" a name before the comma
    // belongs to the clause before it, not to the speaker.
    let name_end = w.ws[comma].0 + w.ws[comma].1.len();
    let opening = w.ws[0].0;
    let person = entities.iter().find(|e| {
        e.kind == EntityKind::Person
            && e.end() == name_end
            && w.text[opening..e.start()].split_whitespace().count() <= 2
            && !possessive(w.text, e)
    })?;
    Some(Attribution::person(
        person.canonical,
        Some(intern(w.span(comma + 1, last))),
    ))
}

/// Where the subject of the verb of saying at `v` ends: before the auxiliaries, adverbs and
/// time phrases between them ("has also said", "later said", "on Friday noted", "last
/// Tuesday told"), which are not the speaker.
fn subject_end(w: &Words<'_>, v: usize, lex: &Lexicon) -> usize {
    let mut end = v;
    while end > 0 && !w.broken_after(end - 1) {
        let k = end - 1;
        let word = w.low(k);
        let before = (k > 0 && !w.broken_after(k - 1)).then(|| w.low(k - 1));
        let weekday = word.len() >= 6 && lex.weekdays.contains_key(word);
        let month = lex.months.contains_key(word);
        // Written with a capital inside a sentence, "May" or "Will" is a name ("Theresa May
        // said"); opening one, any word has a capital.
        let lowercase = k == 0 || !text::is_capitalized(w.ws[k].1);
        if lowercase && (AUXILIARIES.contains(&word) || lex.speaker_words.between.contains(word)) {
            end = k;
        } else if weekday || month && matches!(before, Some("in" | "last" | "this")) {
            // "May" alone is as often a name as a month: only "in May" is a time phrase.
            end = match before {
                Some("on" | "in" | "last" | "this") => k - 1,
                _ => k,
            };
        } else if matches!(word, "morning" | "afternoon" | "evening" | "night")
            && before.is_some_and(|b| b.len() >= 6 && lex.weekdays.contains_key(b))
        {
            end = k;
        } else {
            break;
        }
    }
    end
}

/// Whether the subject's phrase goes on before the preposition at `at`: "officials of the
/// ministry", "a spokesman for the court", "people briefed on the talks", and "to" after a
/// role that takes it ("the envoy to Japan").
fn continues_phrase(w: &Words<'_>, at: usize, lex: &Lexicon) -> bool {
    let word = w.low(at);
    PHRASE_PREPOSITIONS.contains(&word)
        || word == "to"
            && at > 0
            && !w.broken_after(at - 1)
            && lex.speaker_words.role_to.contains(w.low(at - 1))
}

/// A word at `at` belongs to a name ("the United States"): it is no verb of saying.
fn within_name(at: usize, entities: &[Entity]) -> bool {
    entities.iter().any(|e| e.start() <= at && at < e.end())
}

/// A name written as a possessive ("Mr. Trump's critics") names an owner, not a speaker.
fn possessive(text: &str, e: &Entity) -> bool {
    text.get(e.end()..)
        .is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s"))
}

/// Whether byte `at` of `text` stands inside a quotation.
fn quoted(text: &str, at: usize) -> bool {
    let mut open = false;
    for c in text[..at.min(text.len())].chars() {
        match c {
            '"' => open = !open,
            '“' => open = true,
            '”' => open = false,
            _ => {}
        }
    }
    open
}

/// The person a pronoun before word `pronoun` stands for when the sentence names one ahead of
/// it: the first person named outside quotation marks and not as an owner ("Britain's
/// foreign minister, Ana Ruiz, quoted Mr. Lee's tweet: '...,' she wrote").
fn named_earlier<'e>(w: &Words<'_>, pronoun: usize, entities: &'e [Entity]) -> Option<&'e Entity> {
    let before = w.ws[pronoun].0;
    // "it" stands for an organisation or an outlet ("The paper obtained a list it said ..."),
    // the others for a person.
    let kinds: &[EntityKind] = if pronoun_at(w, pronoun) == Some("it") {
        &[EntityKind::Org, EntityKind::Outlet]
    } else {
        &[EntityKind::Person]
    };
    entities.iter().find(|e| {
        kinds.contains(&e.kind)
            && e.end() <= before
            && !possessive(w.text, e)
            && !quoted(w.text, e.start())
    })
}

/// Words an appositive between commas may hold ("Ana Ruiz, a lecturer in trade law at the
/// university in Porto, said").
const APPOSITIVE_REACH: usize = 20;

/// "The Institute, a U.S. non-profit, reported": the name before an appositive between commas.
fn appositive_subject(
    w: &Words<'_>,
    last: usize,
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    let gap_after = |k: usize| {
        let (s, word) = w.ws[k];
        let next = w.ws.get(k + 1).map_or(w.text.len(), |n| n.0);
        w.text[s + word.len()..next].trim().to_string()
    };
    if gap_after(last) != "," {
        return None;
    }
    let open = (last.saturating_sub(APPOSITIVE_REACH)..last)
        .rev()
        .find(|&k| gap_after(k) == ",")?;
    let last_end = w.ws[last].0 + w.ws[last].1.len();
    if let Some(name) = entities.iter().find(|e| {
        e.kind == EntityKind::Person && e.end() == last_end && e.start() >= w.ws[open + 1].0
    }) {
        let role = w.text[w.ws[0].0..w.ws[open].0 + w.ws[open].1.len()].trim();
        let role = (text::words(role).count() <= 4).then(|| intern(role));
        return Some(Attribution::person(name.canonical, role));
    }
    let end_byte = w.ws[open].0 + w.ws[open].1.len();
    match entities
        .iter()
        .find(|e| e.end() == end_byte && e.kind != EntityKind::Place)
    {
        Some(e) => {
            let first = w.ws.iter().position(|(b, _)| *b >= e.start())?;
            speaker_from_phrase(w, first, open, entities, ctx, "", lex)
        }
        // "Smith, 54, said", "The mayor, who toured the site, said": the short phrase
        // that opens the sentence, before the aside, is the subject.
        None if open < OPENING_SUBJECT_WORDS && (0..open).all(|k| !w.broken_after(k)) => {
            speaker_from_phrase(w, 0, open, entities, ctx, "", lex)
        }
        None => None,
    }
}

/// The most words a subject opening its sentence before an aside has ("A spokesman for
/// the army").
const OPENING_SUBJECT_WORDS: usize = 6;

fn subject_after_verb(
    w: &Words<'_>,
    v: usize,
    entities: &[Entity],
    ctx: &Context,
    lex: &Lexicon,
) -> Option<Attribution> {
    if v == 0 {
        return None;
    }
    let before = &w.text[..w.ws[v].0];
    if !before.trim_end().ends_with([',', '"', '”', '’']) {
        return None;
    }
    if v + 1 >= w.ws.len() {
        return None;
    }
    let first = w.low(v + 1);
    if lex.is_stopword(first) && !DETERMINERS.contains(&first) {
        return None;
    }
    let end = phrase_end(w, v + 1, 8, lex);
    // An inverted subject closes its clause ("..., said Ana Ruiz." or "said Ana Ruiz, a
    // spokeswoman"); "said Ana arrived at noon" reports what was said, not who said it.
    let after = &w.text[w.ws[end].0 + w.ws[end].1.len()..];
    let after = after.trim_start();
    if !(after.is_empty() || after.starts_with([',', '.', ';', ':', '!', '?', ')'])) {
        return None;
    }
    let a = speaker_from_phrase(w, v + 1, end, entities, ctx, "", lex)?;
    if !a.named
        && let Some(e) = entities.iter().find(|e| {
            let after = w.ws[end].0 + w.ws[end].1.len();
            e.kind == EntityKind::Person
                && w.text
                    .get(after..e.start())
                    .is_some_and(|gap| gap.trim() == ",")
        })
    {
        return Some(Attribution {
            speaker: e.canonical,
            role: Some(a.speaker),
            named: true,
            ..a
        });
    }
    Some(a)
}

/// Builds an attribution from words `a..=b`, which name the speaker.
fn speaker_from_phrase(
    w: &Words<'_>,
    a: usize,
    b: usize,
    entities: &[Entity],
    ctx: &Context,
    verb: &str,
    lex: &Lexicon,
) -> Option<Attribution> {
    if a > b || b >= w.ws.len() {
        return None;
    }
    let mut via = Vec::new();
    let mut b = b;
    if let Some(k) = (a..=b).find(|&k| matches!(w.low(k), "speaking" | "talking")) {
        if let Some(c) = (k + 1..=b).find(|&c| text::is_capitalized(w.ws[c].1)) {
            let rest = w.span(c, b);
            via.push(
                entities
                    .iter()
                    .find(|e| rest.contains(e.text(w.text)))
                    .map_or_else(|| intern(rest), |e| e.canonical),
            );
        }
        b = k.checked_sub(1)?;
        if b < a {
            return None;
        }
    }
    let phrase = w.span(a, b).trim_end_matches([',', '.']);
    let words: Vec<&str> = (a..=b).map(|k| w.ws[k].1).collect();
    let first_hand = via.is_empty();
    let make =
        |speaker: Interned, role: Option<Interned>, named: bool, via: Vec<Interned>| Attribution {
            speaker,
            role,
            named,
            via,
            first_hand,
            verb: intern(verb),
            pronoun: None,
        };

    // The words' lowercase forms, read from the sentence's: words[k] is w.ws[a + k].
    let first_low = w.low(a);
    let definite = matches!(first_low, "the" | "its" | "their");
    let rest: &[&str] = if definite { &words[1..] } else { &words };
    if !rest.is_empty()
        && title_len(rest, lex) == rest.len()
        && let Some((name, role)) = ctx.by_role(&rest.join(" "))
    {
        return Some(make(name, role, true, via));
    }
    let head = w.low(b);
    if definite && words.len() <= 3 {
        match lex.role_nouns.get(head) {
            Some(EntityKind::Outlet) => {
                if let Some(o) = ctx.outlets.last() {
                    return Some(make(*o, None, true, via));
                }
            }
            Some(EntityKind::Person) => {
                if let Some((name, role)) = ctx.by_role(head) {
                    return Some(make(name, role, true, via));
                }
            }
            _ => {}
        }
        if let Some(prev) = ctx
            .anonymous
            .iter()
            .rev()
            .find(|p| text::words(&p.speaker).any(|(_, x)| x.eq_ignore_ascii_case(head)))
        {
            return Some(prev.clone());
        }
    }
    // The person named last in the phrase, nearest the verb, is the speaker ("Dutch envoy
    // to Canada Sir Ian Bell"), when the name is a full one or has a title (a lone capital
    // word opening a sentence, "Earlier", is weak evidence of a name); else its first name
    // of something other than a place.
    let in_phrase = |e: &&Entity| {
        e.start() >= w.ws[a].0
            && e.end() <= w.ws[b].0 + w.ws[b].1.len()
            && e.kind != EntityKind::Place
            && !possessive(w.text, e)
    };
    let entity = entities
        .iter()
        .filter(in_phrase)
        .rfind(|e| {
            e.kind == EntityKind::Person && (e.text(w.text).contains(' ') || e.role.is_some())
        })
        .or_else(|| entities.iter().find(in_phrase));
    let outside_entity =
        |k: usize| entity.is_none_or(|e| w.ws[k].0 < e.start() || w.ws[k].0 >= e.end());
    let lowercase_outside = (a..=b).any(|k| {
        outside_entity(k)
            && !text::is_capitalized(w.ws[k].1)
            && !lex.stopwords.contains(w.low(k))
            && !DETERMINERS.contains(&w.low(k))
    });
    let head_is_noun = lex.anonymous_heads.contains(head)
        || lex.role_nouns.contains_key(head)
        || title_len(&[head], lex) > 0;
    let determined = DETERMINERS.contains(&first_low);
    if entity.is_none()
        && !determined
        && !head_is_noun
        && words.iter().any(|x| !text::is_capitalized(x))
    {
        return None;
    }
    let anonymous = entity.is_none_or(|e| e.kind != EntityKind::Person)
        && (entity.is_none() && determined
            || lowercase_outside
            || (a..=b).any(|k| outside_entity(k) && lex.anonymous_heads.contains(w.low(k))));
    if anonymous {
        let closes = w.text[w.ws[b].0 + w.ws[b].1.len()..]
            .trim_start()
            .starts_with(',');
        if determined && words[0].len() <= 2 && closes {
            let before = w.text[..w.ws[a].0].trim_end();
            if let Some(stripped) = before.strip_suffix(',')
                && let Some(e) = entities.iter().find(|e| {
                    stripped.trim_end().ends_with(e.text(w.text))
                        && matches!(
                            e.kind,
                            EntityKind::Person | EntityKind::Org | EntityKind::Outlet
                        )
                })
            {
                return Some(make(e.canonical, None, true, via));
            }
        }
        return Some(make(intern(phrase), None, false, via));
    }
    let (mut name, role) = match entity {
        Some(e) => (e.canonical, e.role),
        None => {
            let t = title_len(rest, lex);
            if t == rest.len() && !rest.is_empty() {
                return Some(make(intern(phrase), None, false, via));
            }
            if !rest[t..].iter().all(|x| text::is_capitalized(x)) {
                return None;
            }
            (
                intern(&rest[t..].join(" ")),
                (t > 0).then(|| intern(&rest[..t].join(" "))),
            )
        }
    };
    if !name.contains(' ')
        && let Some(full) = ctx.full_name(&name)
    {
        name = full;
    }
    let role = role.or_else(|| {
        ctx.people
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, r)| *r)
    });
    Some(make(name, role, true, via))
}

impl Attribution {
    /// A named person who said it to this report directly, the verb not yet set.
    fn person(speaker: Interned, role: Option<Interned>) -> Attribution {
        Attribution {
            speaker,
            role,
            named: true,
            via: vec![],
            first_hand: true,
            verb: intern(""),
            pronoun: None,
        }
    }
}

impl Context {
    /// Remembers the speaker of the last attributed sentence, for "he said" after it.
    pub fn heard(&mut self, a: &Attribution) {
        if a.named {
            self.last_speaker = Some(Attribution {
                pronoun: None,
                ..a.clone()
            });
        } else {
            self.anonymous.push(a.clone());
        }
    }
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod cases;
