//! The measure stage: what a number measures. A currency written before it ("$", "US$",
//! "HK$", "GBP") or after it ("75 USD", "10 €"); a unit ("km2", "square miles", "68-ounce");
//! a counted noun ("3,000 Danish soldiers") and what happened to it ("killed"); or a cue
//! shortly before a bare figure ("the death toll rose to 27").

use std::ops::Range;

use super::Parser;
use crate::text::TokKind;

/// Auxiliary words skipped between a counted noun and what happened to it ("people are now
/// believed to have died").
const PREDICATE_REACH: usize = 6;
/// Tokens before a bare figure searched for a cue to what it counts.
const CUE_REACH: usize = 8;

impl Parser<'_> {
    /// A currency before a number at `i`: a symbol ("$", "€", "US$"), letters naming whose
    /// dollar ("HK$", "C $"), or a code in capitals ("GBP 350", "USD50"); (code, token of
    /// the number).
    pub(super) fn currency_before(&self, i: usize) -> Option<(String, usize)> {
        let t = self.toks.get(i)?;
        if t.kind == TokKind::Num || !self.lex.currency_heads.contains(self.low(i)) {
            return None;
        }
        let rest = &self.text[t.start..];
        for (sym, code) in &self.lex.currency_symbols {
            if !rest.starts_with(sym.as_str()) {
                continue;
            }
            let sym_end = t.start + sym.len();
            let mut j = i;
            while j < self.toks.len() && self.toks[j].start < sym_end {
                j += 1;
            }
            // The symbol must end where a token ends: "Rsomething" is not "Rs".
            if self.toks[j - 1].end != sym_end {
                continue;
            }
            if self.number_follows(j) {
                return Some((code.clone(), j));
            }
        }
        if let Some(found) = self.dollar_prefix(i) {
            return Some(found);
        }
        let raw = self.s(i);
        let code = self
            .lex
            .currency_codes
            .get(raw)
            .filter(|_| raw.len() == 3)?;
        let j = i + 1;
        self.number_follows(j)
            .then(|| (self.lex.units[*code].unit.clone(), j))
    }

    /// Whether a number starts at `j`, right after a currency or one space after it.
    fn number_follows(&self, j: usize) -> bool {
        self.is(j, TokKind::Num)
            || (self.is_number_word(j) && self.toks[j].space_before)
            || (matches!(self.low(j), "a" | "an" | "half") && self.toks[j].space_before)
    }

    /// Letters naming whose dollar it is, then "$": "HK$ 10", "C$16", "NZD$15", "US $ 5".
    /// Single letters only attached to the "$"; spaced letters only in capitals.
    fn dollar_prefix(&self, i: usize) -> Option<(String, usize)> {
        let mut k = i;
        let mut letters = String::new();
        while k < i + 4 && (self.is(k, TokKind::Word) || self.s(k) == ".") {
            if k > i && !self.attached(k) {
                break;
            }
            if self.s(k) != "." {
                letters.push_str(self.low(k));
            }
            k += 1;
        }
        let code = self.lex.currency_prefixes.get(&letters)?;
        if self.s(k) != "$" {
            return None;
        }
        let raw = &self.text[self.toks[i].start..self.toks[k - 1].end];
        let capitals = raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let spaced = !self.attached(k);
        if spaced && (letters.len() < 2 || !capitals) {
            return None;
        }
        let j = k + 1;
        self.number_follows(j).then(|| (code.clone(), j))
    }

    /// A currency after a number at `j`: a symbol ("10 €", "100₾") not followed by another
    /// number; (code, token after).
    pub(super) fn currency_after(&self, j: usize) -> Option<(String, usize)> {
        let t = self.toks.get(j)?;
        if t.kind != TokKind::Sym || (t.space_before && self.toks[j - 1].kind != TokKind::Num) {
            return None;
        }
        let sym = &self.text[t.start..t.end];
        let (_, code) = self.lex.currency_symbols.iter().find(|(s, _)| s == sym)?;
        (!self.is(j + 1, TokKind::Num)).then(|| (code.clone(), j + 1))
    }

    /// A unit at `i`: (index in the lexicon's units, token after).
    pub(super) fn unit_at(&self, i: usize) -> Option<(usize, usize)> {
        if self.low(i) == "%" {
            return self
                .lex
                .units
                .iter()
                .position(|u| u.unit == "%")
                .map(|u| (u, i + 1));
        }
        self.lex
            .unit_aliases
            .starting_with(self.low(i))
            .find_map(|(w, u)| {
                let j = self.phrase(i, w)?;
                let single_letter = w.len() == 1 && w[0].chars().count() == 1;
                if single_letter && !self.attached(i) && !self.spaced_letter_unit(i, j) {
                    return None;
                }
                if self.is(j, TokKind::Word) && self.attached(j) {
                    return None;
                }
                Some((*u, j))
            })
            .or_else(|| self.cued_unit_at(i))
    }

    /// A unit's cued alias glued to the digits before it ("40C"), read as the unit only in a
    /// sentence with a cue of its kind ("temperatures reached 40C", not "form 10C").
    fn cued_unit_at(&self, i: usize) -> Option<(usize, usize)> {
        let &u = self.lex.cued_aliases.get(self.low(i))?;
        let glued = i > 0 && self.attached(i) && self.is(i - 1, TokKind::Num);
        if !glued || self.is(i + 1, TokKind::Word) && self.attached(i + 1) {
            return None;
        }
        let cues = self.lex.kind_cues.get(&self.lex.units[u].kind)?;
        (0..self.toks.len())
            .any(|k| cues.contains(self.low(k)))
            .then_some((u, i + 1))
    }

    /// Whether a one-letter unit written apart from its number reads as the unit: "10 m
    /// high", "1 m x 1 m", but not "10 m people" (a scale) or "Plan 10 m" (a label).
    fn spaced_letter_unit(&self, i: usize, next: usize) -> bool {
        let raw = self.s(i);
        let lowercase = raw.chars().all(char::is_lowercase);
        lowercase && !self.counted_word_at(next) && !matches!(self.low(i), "%")
    }

    /// Whether `w` (lowercase) is by itself a unit's alias ("m", "mm").
    pub(super) fn is_unit_alias(&self, w: &str) -> bool {
        self.lex
            .unit_aliases
            .starting_with(w)
            .any(|(words, _)| words.len() == 1 && words[0] == w)
    }

    /// Whether the word at `j` is a counted noun, a plural noun or "of": what makes "10m" ten
    /// million.
    pub(super) fn counted_word_at(&self, j: usize) -> bool {
        self.is(j, TokKind::Word)
            && (self.is_counted_word(self.low(j)) || self.plural_noun(j) || self.low(j) == "of")
    }

    pub(super) fn is_counted_word(&self, w: &str) -> bool {
        self.lex.count_nouns.contains_key(w)
    }

    pub(super) fn plural_noun(&self, i: usize) -> bool {
        let w = self.low(i);
        self.is(i, TokKind::Word)
            && w.chars().count() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !self.lex.not_counted.contains(w)
            && !self.lex.is_stopword(w)
            && self.lex.hedges.starting_with(w).next().is_none()
    }

    /// A word at `j` with the words hyphens join to it ("long-time", "neo-bank"): the token
    /// after it and its lowercase text; `None` if no word starts at `j`.
    pub(super) fn compound(&self, j: usize) -> Option<(usize, String)> {
        if !self.is(j, TokKind::Word) {
            return None;
        }
        let mut e = j + 1;
        let mut text = self.low(j).to_string();
        while self.low(e) == "-"
            && self.attached(e)
            && self.attached(e + 1)
            && self.is(e + 1, TokKind::Word)
        {
            text.push('-');
            text.push_str(self.low(e + 1));
            e += 2;
        }
        Some((e, text))
    }

    /// The counted noun after a figure: (noun tokens, modifiers' tokens, next index). A word
    /// joined by hyphens is one word ("long-time residents", "light-years").
    pub(super) fn counted_noun(
        &self,
        mut i: usize,
        strong: bool,
    ) -> Option<(Range<usize>, Vec<Range<usize>>, usize)> {
        // "met six times": occasions, unless a comparison follows ("three times as many").
        if self.is(i, TokKind::Word)
            && self.lex.occasions.contains(self.low(i))
            && !self.lex.is_ratio_word(self.low(i + 1))
        {
            return Some((i..i + 1, Vec::new(), i + 1));
        }
        let mut partitive = false;
        let determiner = |w: &str| matches!(w, "the" | "its" | "their" | "our" | "his" | "her");
        if self.low(i) == "of" && determiner(self.low(i + 1)) {
            i += 2;
            partitive = true;
        } else if i > 0 && self.low(i - 1) == "of" && determiner(self.low(i)) {
            // A vague figure's phrase takes its "of" ("thousands of | our supporters"): what
            // follows is what it counts, not a part of a whole.
            i += 1;
        }
        let mut mods = Vec::new();
        let mut j = i;
        // "3,000 more troops": a word that counts nothing, right after the figure, when a
        // noun follows it.
        if self.lex.before_noun.contains(self.low(j))
            && self.is(j + 1, TokKind::Word)
            && (self.is_counted_word(self.low(j + 1)) || self.plural_noun(j + 1))
        {
            mods.push(j..j + 1);
            j += 1;
        }
        while mods.len() < 4 {
            let (e, w) = self.compound(j)?;
            let head = e - 1;
            if self.lex.not_counted.contains(&w)
                || self.lex.is_stopword(&w) && !self.is_counted_word(&w)
            {
                return None;
            }
            let next = self.compound(e);
            let next_is_word = next.as_ref().is_some_and(|(_, n)| {
                !self.lex.is_stopword(n) && !self.lex.not_counted.contains(n)
            });
            let next_counted = next.as_ref().is_some_and(|(_, n)| self.is_counted_word(n));
            let next_plural = next
                .as_ref()
                .is_some_and(|(ne, _)| self.plural_noun(ne - 1));
            let next_is_state = self.predicate_at(e).is_some();
            let body = strong
                && (self.lex.strong_bodies.contains_key(&w)
                    || self.lex.generic_bodies.contains(&w));
            if body || self.is_counted_word(&w) && !(next_is_word && next_counted && !next_is_state)
            {
                return Some((j..e, mods, e));
            }
            if (self.plural_noun(head) && !partitive || strong)
                && !(next_is_word && (next_plural || next_counted || strong))
            {
                return Some((j..e, mods, e));
            }
            if w.ends_with("'s") || w.ends_with("’s") {
                mods.clear();
            } else {
                mods.push(j..e);
            }
            j = e;
        }
        None
    }

    /// A state word right after a counted noun, or after "were", "have been" and the like.
    pub(super) fn predicate_after(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j < k + PREDICATE_REACH
            && matches!(
                self.low(j),
                "were"
                    | "was"
                    | "are"
                    | "is"
                    | "have"
                    | "has"
                    | "had"
                    | "been"
                    | "be"
                    | "reportedly"
                    | "remain"
                    | "remained"
                    | "remains"
                    | "now"
                    | "still"
                    | "believed"
                    | "feared"
                    | "thought"
                    | "reported"
                    | "confirmed"
                    | "to"
                    | "may"
                    | "might"
                    | "likely"
            )
        {
            j += 1;
        }
        self.predicate_at(j)
    }

    /// What a bare figure counts, from a cue shortly before it in the same clause ("the death
    /// toll rose to 27").
    pub(super) fn cue_before(&self, i: usize) -> Option<String> {
        let start = i.saturating_sub(CUE_REACH);
        for j in (start..i).rev() {
            if matches!(self.low(j), "," | ";" | ":" | "." | "(" | ")") {
                return None;
            }
            for (words, group) in self.lex.measure_cues.starting_with(self.low(j)) {
                if self.phrase(j, words).is_some_and(|end| end <= i) {
                    return Some(group.clone());
                }
            }
        }
        None
    }

    pub(super) fn predicate_at(&self, i: usize) -> Option<usize> {
        let w = self.low(i);
        let group = self.lex.count_nouns.get(w)?;
        matches!(
            group.as_str(),
            "deaths" | "injured" | "captured" | "missing"
        )
        .then_some(i)
    }
}
