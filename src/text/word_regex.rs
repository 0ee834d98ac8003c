//! Regular expressions whose `\b` means what it means in Unicode, at the speed of an ASCII one.
//!
//! The regex crate's fast engine gives up on a Unicode word boundary at the first non-ASCII
//! byte of the text, so a pattern with `\b` runs several times slower on text with accents,
//! curly quotes or dashes. [`WordRegex`] compiles the pattern with ASCII boundaries, which the
//! fast engine keeps, and drops a match whose first or last character is a word character
//! joined to a non-ASCII letter or digit beside it: exactly the matches whose edge would be no
//! boundary in Unicode ("ller-2" inside "Müller-2").

use std::ops::Range;

use regex::Regex;

#[derive(Debug)]
pub struct WordRegex(Regex);

impl WordRegex {
    /// Compiles `pattern`, its `\b` read as an ASCII boundary checked against Unicode at the
    /// edges of each match.
    pub fn new(pattern: &str) -> Result<WordRegex, regex::Error> {
        Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).map(WordRegex)
    }

    /// The matches, leftmost first, that hold with Unicode word boundaries.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        self.0
            .find_iter(text)
            .map(|m| m.range())
            .filter(move |r| unicode_edges(text, r.clone()))
    }

    /// [`WordRegex::find_iter`] with each match's groups.
    pub fn captures_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> + 't {
        self.0
            .captures_iter(text)
            .filter(move |c| c.get(0).is_some_and(|m| unicode_edges(text, m.range())))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }

    /// `text` with every match replaced by `with`.
    pub fn replace_all(&self, text: &str, with: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for r in self.find_iter(text) {
            out.push_str(&text[at..r.start]);
            out.push_str(with);
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether neither edge of `r` joins a word character of the match to a non-ASCII letter or
/// digit outside it.
fn unicode_edges(text: &str, r: Range<usize>) -> bool {
    let joined = |inside: Option<char>, outside: Option<char>| matches!((inside, outside), (Some(i), Some(o)) if is_word(i) && !o.is_ascii() && is_word(o));
    let matched = &text[r.clone()];
    !joined(matched.chars().next(), text[..r.start].chars().next_back())
        && !joined(matched.chars().next_back(), text[r.end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_as_a_unicode_pattern_would() {
        let pattern = r"\b[A-Za-z]+-\d+\b|\b\d+(?:st|nd|rd|th)\b|https?://\S+";
        let unicode = Regex::new(pattern).unwrap();
        let ours = WordRegex::new(pattern).unwrap();
        for text in [
            "Route A-7 and the 21st stage",
            "Müller-2 is a name, ZÜRICH-9 too",
            "the 3rdé mark, the 4th—then https://example.org/ü",
            "Straße 5th and naïve-3 beside café-4",
            "«B-52» and “C-130”, 1st–2nd",
        ] {
            let want: Vec<_> = unicode.find_iter(text).map(|m| m.range()).collect();
            let got: Vec<_> = ours.find_iter(text).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn groups_are_those_a_unicode_pattern_captures() {
        // A match right after another, one whose start needs the text before it for `\b`,
        // and one an ASCII boundary would take inside a word.
        let pattern = r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]+)\b";
        let unicode = Regex::new(pattern).unwrap();
        let ours = WordRegex::new(pattern).unwrap();
        for text in [
            "3 March 4 April, the 5th of May",
            "x3 March, é4 April and 6 June",
            "Straße 7 July; 8th August",
        ] {
            let groups = |c: regex::Captures<'_>| {
                (1..c.len())
                    .map(|i| c.get(i).map(|m| m.range()))
                    .collect::<Vec<_>>()
            };
            let want: Vec<_> = unicode.captures_iter(text).map(groups).collect();
            let got: Vec<_> = ours.captures_iter(text).map(groups).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn replaces_only_what_holds() {
        let re = WordRegex::new(r"\b\d+th\b").unwrap();
        assert_eq!(re.replace_all("the 5th and é6th", "#"), "the # and é6th");
    }
}
