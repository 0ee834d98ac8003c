//! Text that points into an article instead of copying it.

use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// A slice of a shared text (an article's): claims and figures hold one of these, so a
/// corpus's sentences are stored once, in their articles. Reads as a `&str`.
#[derive(Clone)]
pub struct Span {
    text: Arc<str>,
    start: u32,
    end: u32,
}

impl Span {
    /// `text[range]`. Panics, like slicing, if the range is out of bounds or not on
    /// character boundaries, or if the text is 4 GiB or more.
    pub fn new(text: &Arc<str>, range: Range<usize>) -> Span {
        assert!(
            text.get(range.clone()).is_some(),
            "span {range:?} is not a slice of a text of {} bytes",
            text.len()
        );
        let offset = |i: usize| u32::try_from(i).expect("texts are shorter than 4 GiB");
        Span {
            text: Arc::clone(text),
            start: offset(range.start),
            end: offset(range.end),
        }
    }

    /// The part `range` of this span (offsets within it), sharing the same text. Panics like
    /// slicing.
    pub fn slice(&self, range: Range<usize>) -> Span {
        let base = self.start as usize;
        Span::new(&self.text, base + range.start..base + range.end)
    }

    pub fn as_str(&self) -> &str {
        &self.text[self.start()..self.end()]
    }

    /// Where the span starts in its text, in bytes.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the span ends in its text, in bytes.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Serialises a flattened span field as `text`, `start` and `end`: a claim's or a
    /// figure's wording and its byte offsets, kept once in the span.
    pub fn serialize_located<S: Serializer>(span: &Span, s: S) -> Result<S::Ok, S::Error> {
        let mut fields = s.serialize_struct("Span", 3)?;
        fields.serialize_field("text", span.as_str())?;
        fields.serialize_field("start", &span.start())?;
        fields.serialize_field("end", &span.end())?;
        fields.end()
    }
}

impl From<&str> for Span {
    /// A span over its own copy of the text.
    fn from(s: &str) -> Span {
        Span::new(&Arc::from(s), 0..s.len())
    }
}

impl Deref for Span {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Span {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Span {}

impl PartialEq<str> for Span {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Span {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_their_slice_and_share_the_text() {
        let text: Arc<str> = Arc::from("Kyiv said 40 drones were shot down.");
        let a = Span::new(&text, 10..19);
        assert_eq!(a, "40 drones");
        assert_eq!(a.len(), 9);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"40 drones\"");
        assert_eq!(Arc::strong_count(&text), 2, "no copy of the text");
        assert_eq!(Span::from("40 drones"), a);
        let drones = a.slice(3..9);
        assert_eq!(drones, "drones");
        assert_eq!(Arc::strong_count(&text), 3, "a slice shares the text too");
    }

    #[test]
    #[should_panic(expected = "not a slice")]
    fn a_span_must_fall_on_character_boundaries() {
        let text: Arc<str> = Arc::from("café");
        Span::new(&text, 0..4);
    }
}
