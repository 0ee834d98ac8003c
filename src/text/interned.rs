//! Short strings kept once for the whole process (units, hedges, speakers, roles, predicates)
//! and handed around as a four-byte number.
//!
//! The table grows with the strings it holds and nothing else: a corpus of 10,000 articles
//! interns about 36,000 strings, 1.4 MB, and the table costs about as much again. (The `ustr`
//! crate this replaces sets aside 64 shards of hash table and arena up front, 12.6 MB, which
//! a large corpus touches all of, and its handles are pointers, twice the size.) Interned
//! strings are never freed.

use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::num::NonZeroU32;
use std::ops::Deref;
use std::sync::{Mutex, OnceLock};

/// A string stored once for the process: copied as its number in the table, compared by
/// number, hashed and ordered by its text.
#[derive(Clone, Copy)]
pub struct Interned(NonZeroU32);

/// Slots in the first chunk of the table; chunk `k` holds `FIRST << k`, so `CHUNKS` chunks
/// hold every number a `u32` can name.
const FIRST: usize = 1024;
const CHUNKS: usize = 23;

/// Every interned string by number, in chunks that never move once made: a reader finds a
/// string without taking the lock that writers hold.
static STRINGS: [OnceLock<Box<[OnceLock<&'static str>]>>; CHUNKS] =
    [const { OnceLock::new() }; CHUNKS];

/// The chunk and the place in it of string `i` (counting from 0).
fn slot(i: usize) -> (usize, usize) {
    let n = i / FIRST + 1;
    let k = n.ilog2() as usize;
    (k, i - FIRST * ((1 << k) - 1))
}

fn chunk(k: usize) -> &'static [OnceLock<&'static str>] {
    STRINGS[k].get_or_init(|| (0..FIRST << k).map(|_| OnceLock::new()).collect())
}

/// The number of every string stored so far.
fn table() -> &'static Mutex<FxHashMap<&'static str, Interned>> {
    static TABLE: OnceLock<Mutex<FxHashMap<&'static str, Interned>>> = OnceLock::new();
    TABLE.get_or_init(Default::default)
}

/// The one `Interned` for `s`, stored on first sight.
pub fn intern(s: &str) -> Interned {
    // A panic while the table is held leaves it whole (an insert either happened or not).
    let mut table = table()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&found) = table.get(s) {
        return found;
    }
    let i = table.len();
    let number = u32::try_from(i + 1)
        .ok()
        .and_then(NonZeroU32::new)
        .expect("fewer than 4 billion interned strings");
    let text: &'static str = Box::leak(Box::from(s));
    let (k, at) = slot(i);
    // Numbers are handed out in order under the lock, so the slot is empty.
    let _ = chunk(k)[at].set(text);
    let found = Interned(number);
    table.insert(text, found);
    found
}

impl Interned {
    pub fn as_str(&self) -> &'static str {
        let (k, at) = slot(self.0.get() as usize - 1);
        // The slot was filled before its number was handed out.
        STRINGS[k]
            .get()
            .and_then(|chunk| chunk[at].get())
            .expect("an interned string's slot is filled")
    }
}

impl Deref for Interned {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Interned {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Interned {
    fn from(s: &str) -> Interned {
        intern(s)
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        self.0 == other.0
    }
}

impl Eq for Interned {}

impl PartialEq<str> for Interned {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Interned {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Hash for Interned {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Ord for Interned {
    fn cmp(&self, other: &Interned) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Interned {
    fn partial_cmp(&self, other: &Interned) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_string_is_stored_once_and_compares_by_text() {
        let a = intern("troops");
        let b = intern(&String::from("troops"));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, b);
        assert_ne!(a, intern("Troops"));
        assert_eq!(a, "troops");
        assert!(intern("apples") < a && a < intern("zebras"));
        assert_eq!(format!("{a} {a:?}"), "troops \"troops\"");
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"troops\"");
        assert_eq!(std::mem::size_of::<Option<Interned>>(), 4);
    }

    #[test]
    fn numbers_map_to_chunks_without_gaps() {
        assert_eq!(slot(0), (0, 0));
        assert_eq!(slot(FIRST - 1), (0, FIRST - 1));
        assert_eq!(slot(FIRST), (1, 0));
        assert_eq!(slot(3 * FIRST - 1), (1, 2 * FIRST - 1));
        assert_eq!(slot(3 * FIRST), (2, 0));
        assert_eq!(slot(u32::MAX as usize - 1).0, CHUNKS - 1);
    }

    #[test]
    fn threads_interning_the_same_string_get_the_same_one() {
        let got: Vec<Interned> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| intern("per cent of voters")))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(got.windows(2).all(|w| w[0] == w[1]));
    }
}
