//! Ids of claims, and the ids that linking writes on claims and figures: 40 bits of a stable
//! hash, shown with a one-letter prefix ("f01a2b3c4d5" for a fact, "k…" for a claim cluster).
//!
//! They are stored as numbers, so the hundreds of thousands of claims and figures of a large
//! corpus do not each carry a string; they read and serialise as the strings the JSON
//! documents.

use std::num::NonZeroU64;

use serde::{Serialize, Serializer};

/// A stable short hash (FNV-1a) for ids.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// [`stable_hash`] of a text and a number written in decimal, without building the number's
/// string (a claim's id hashes its file and its offset in it).
pub fn stable_hash_at(text: &str, n: usize) -> u64 {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let number = std::str::from_utf8(&digits[at..]).expect("ASCII digits");
    stable_hash(&[text, number])
}

/// The 40 bits a linking id shows.
const LINK_BITS: u64 = 0xff_ffff_ffff;
/// The bit every stored linking id has set.
const LINK_MARK: NonZeroU64 = NonZeroU64::new(1 << 63).unwrap();

/// A linking id with its letter. The top bit is always set, so an `Option` of an id takes no
/// more room than the id (the shown bits may all be zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LinkId<const PREFIX: char>(NonZeroU64);

/// The id of a fact: figures across sources measuring one thing.
pub type FactId = LinkId<'f'>;
/// The id of a cluster: claims across sources saying one thing.
pub type ClusterId = LinkId<'k'>;

impl<const PREFIX: char> LinkId<PREFIX> {
    /// The id for a hash: its low 40 bits, which is what the text form shows.
    pub fn from_hash(h: u64) -> LinkId<PREFIX> {
        LinkId(LINK_MARK | (h & LINK_BITS))
    }
}

impl<const PREFIX: char> std::fmt::Display for LinkId<PREFIX> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{PREFIX}{:010x}", self.0.get() & LINK_BITS)
    }
}

impl<const PREFIX: char> Serialize for LinkId<PREFIX> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A claim's id: 48 bits of a stable hash of its file and place, shown as 12 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimId(u64);

impl ClaimId {
    pub fn from_hash(h: u64) -> ClaimId {
        ClaimId(h & 0xffff_ffff_ffff)
    }
}

impl std::fmt::Display for ClaimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:012x}", self.0)
    }
}

impl Serialize for ClaimId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_hashes_as_its_decimal_string_does() {
        for n in [0, 7, 10, 99, 1000, 123_456_789, usize::MAX] {
            assert_eq!(
                stable_hash_at("seeds/a.txt", n),
                stable_hash(&["seeds/a.txt", &n.to_string()]),
                "{n}"
            );
        }
    }

    #[test]
    fn ids_show_their_letter_and_ten_hex_digits() {
        let id = FactId::from_hash(0x1234_5678_9abc_def0);
        assert_eq!(id.to_string(), "f789abcdef0");
        assert_eq!(
            serde_json::to_string(&ClusterId::from_hash(255)).unwrap(),
            "\"k00000000ff\""
        );
        assert_eq!(FactId::from_hash(1 << 40).to_string(), "f0000000000");
        assert_eq!(
            std::mem::size_of::<Option<FactId>>(),
            8,
            "an absent id costs nothing"
        );
        assert_eq!(
            ClaimId::from_hash(0x1234_5678_9abc_def0).to_string(),
            "56789abcdef0"
        );
    }
}
