//! Content keys: how a mark names its claim or fact without paths or positions, so it
//! survives renamed files, re-ordered folders and a new extraction.

use sha2::{Digest, Sha256};

use crate::extract::Extracted;
use crate::index::{Fact, Index};

/// The SHA-256 of some bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// An article's content key: the SHA-256 of its extracted text (a report's `text_sha256`).
pub fn article_key(a: &Extracted) -> String {
    sha256_hex(a.text.as_bytes())
}

/// A claim by content: its article's key and its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClaimKey {
    pub article: String,
    pub text: String,
}

/// One figure of a fact by content: its article's key, its claim's text, the figure as
/// written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MemberKey {
    pub article: String,
    pub claim: String,
    pub figure: String,
}

/// A fact by content: its members' keys, sorted, and a digest of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FactKey {
    /// SHA-256 of the sorted members' keys.
    pub digest: String,
    pub members: Vec<MemberKey>,
}

impl FactKey {
    /// The key of a set of members (in any order, repeats dropped).
    pub fn new(mut members: Vec<MemberKey>) -> FactKey {
        members.sort();
        members.dedup();
        let mut joined = Vec::new();
        for m in &members {
            for part in [&m.article, &m.claim, &m.figure] {
                joined.extend_from_slice(part.as_bytes());
                joined.push(0);
            }
            joined.push(0xff);
        }
        FactKey {
            digest: sha256_hex(&joined),
            members,
        }
    }

    /// The key of a fact of the index; `keys` holds each article's key.
    pub fn of(fact: &Fact, index: &Index, keys: &[String]) -> FactKey {
        FactKey::new(
            fact.members
                .iter()
                .filter_map(|m| {
                    Some(MemberKey {
                        article: keys.get(m.at.article as usize)?.clone(),
                        claim: m.claim(&index.articles).text.to_string(),
                        figure: m.quantity(&index.articles).text.to_string(),
                    })
                })
                .collect(),
        )
    }
}

/// Every article's key, in index order.
pub fn article_keys(index: &Index) -> Vec<String> {
    use rayon::prelude::*;
    index.articles.par_iter().map(article_key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_fact_key_ignores_member_order_and_repeats() {
        let m = |a: &str, c: &str, f: &str| MemberKey {
            article: a.into(),
            claim: c.into(),
            figure: f.into(),
        };
        let one = FactKey::new(vec![m("a", "x", "1"), m("b", "y", "2")]);
        let two = FactKey::new(vec![m("b", "y", "2"), m("a", "x", "1"), m("a", "x", "1")]);
        assert_eq!(one, two);
        assert_ne!(one.digest, FactKey::new(vec![m("a", "x", "1")]).digest);
    }
}
