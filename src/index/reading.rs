//! How search reads each claim's text: as written, its ASCII capitals folded as they are
//! compared, or lowercased first into a buffer of the search's own. No claim's text is copied
//! into the index: two bits a claim say which reading it takes.

/// How search can read a claim's text and find terms where its lowercase has them, at the
/// same byte positions, as whole words or not alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Reading {
    /// Lowercased first: some capital lowercases to ASCII ("K", the kelvin sign), to more than
    /// one character ("İ" to "i̇") or to one of another length ("ẞ" to "ß").
    Lowered,
    /// As written when every term is in ASCII, else lowercased first: each capital outside
    /// ASCII lowercases to one character outside ASCII of its own length ("É" to "é", "Ж" to
    /// "ж", "Σ" to "σ" or, ending a word, "ς"). The lowercase then has the text's ASCII bytes,
    /// lowered, at the same places, and a letter or digit wherever the text has one.
    AsWrittenForAscii,
    /// As written: no capital outside ASCII, so folding the ASCII ones as they are compared
    /// reads the lowercase byte for byte.
    AsWritten,
}

impl Reading {
    /// How `text` can be read: the most careful reading any of its characters needs.
    pub(crate) fn of(text: &str) -> Reading {
        if text.is_ascii() {
            return Reading::AsWritten;
        }
        text.chars()
            .filter(|c| !c.is_ascii())
            .map(Reading::of_char)
            .min()
            .unwrap_or(Reading::AsWritten)
    }

    fn of_char(c: char) -> Reading {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l == c => Reading::AsWritten,
            (Some(l), None) if !l.is_ascii() && l.len_utf8() == c.len_utf8() => {
                Reading::AsWrittenForAscii
            }
            _ => Reading::Lowered,
        }
    }

    /// Whether a text so read is searched as written for terms that are all in ASCII
    /// (`ascii`) or not.
    pub(crate) fn as_written(self, ascii: bool) -> bool {
        match self {
            Reading::AsWritten => true,
            Reading::AsWrittenForAscii => ascii,
            Reading::Lowered => false,
        }
    }
}

/// The reading of each claim of an index, in claim order, four claims a byte.
#[derive(Debug, Default)]
pub(crate) struct Readings {
    bits: Vec<u8>,
    len: usize,
}

impl Readings {
    /// Room for `more` readings, exactly.
    pub(crate) fn reserve(&mut self, more: usize) {
        let bytes = (self.len + more).div_ceil(4);
        self.bits
            .reserve_exact(bytes.saturating_sub(self.bits.len()));
    }

    pub(crate) fn push(&mut self, reading: Reading) {
        let shift = 2 * (self.len % 4);
        if shift == 0 {
            self.bits.push(0);
        }
        if let Some(last) = self.bits.last_mut() {
            *last |= (reading as u8) << shift;
        }
        self.len += 1;
    }

    /// The reading of claim `i`. Panics, like indexing, if there is none.
    pub(crate) fn get(&self, i: usize) -> Reading {
        match self.bits[i / 4] >> (2 * (i % 4)) & 0b11 {
            0 => Reading::Lowered,
            1 => Reading::AsWrittenForAscii,
            _ => Reading::AsWritten,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_takes_the_most_careful_reading_of_its_characters() {
        let table = [
            (
                "Troops reached the river, officials said",
                Reading::AsWritten,
            ),
            (
                "Zoë Simić told the “Kraków” office — nothing",
                Reading::AsWritten,
            ),
            ("киев і львів", Reading::AsWritten),
            ("Élodie Durand of ÖBB", Reading::AsWrittenForAscii),
            ("Министр said ΣΟΦΙΑ", Reading::AsWrittenForAscii),
            ("Officials in İstanbul said", Reading::Lowered),
            ("Élodie at 300 \u{212A}", Reading::Lowered),
            ("GROẞE Straße", Reading::Lowered),
            ("", Reading::AsWritten),
        ];
        for (text, reading) in table {
            assert_eq!(Reading::of(text), reading, "{text:?}");
        }
    }

    /// What [`Reading::AsWrittenForAscii`] promises, for every character: a capital read as
    /// written is a letter or digit where its lowercase is one, and takes its place.
    #[test]
    fn a_capital_read_as_written_is_a_letter_where_its_lowercase_is() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if Reading::of_char(c) != Reading::AsWrittenForAscii {
                continue;
            }
            let lower: Vec<char> = c.to_lowercase().collect();
            assert_eq!(lower.len(), 1, "{c:?}");
            assert_eq!(lower[0].len_utf8(), c.len_utf8(), "{c:?}");
            assert!(!lower[0].is_ascii(), "{c:?}");
            assert_eq!(lower[0].is_alphanumeric(), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn readings_are_kept_four_to_a_byte() {
        let all = [
            Reading::AsWritten,
            Reading::Lowered,
            Reading::AsWrittenForAscii,
            Reading::AsWritten,
            Reading::AsWrittenForAscii,
            Reading::Lowered,
        ];
        let mut readings = Readings::default();
        readings.reserve(all.len());
        for r in all {
            readings.push(r);
        }
        assert_eq!(readings.bits.len(), 2);
        for (i, r) in all.into_iter().enumerate() {
            assert_eq!(readings.get(i), r, "claim {i}");
        }
    }
}
