//! Claims: the sentences a fact-checker would underline, with their figures, dates, speakers
//! and entities.

pub mod attribution;
pub mod claims;
pub mod entities;
pub mod hedge;
pub mod quantities;
pub mod sentences;

use serde::{Serialize, Serializer};

pub use attribution::Attribution;
pub use claims::{Claim, DateRef, Extracted, extract_all};
pub use entities::Entity;
pub use quantities::{Quantity, QuantityKind, find_quantities};

/// Writes whole numbers without a fractional part, so 50000.0 reads as 50000.
pub(crate) fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64((v * 1e6).round() / 1e6)
    }
}

pub(crate) fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

/// Runs a table of cases: `f(input)` must equal the expected value; every failure is
/// reported together.
#[cfg(test)]
pub(crate) fn check_table<W, G>(cases: &[(&str, W)], f: impl Fn(&str) -> G)
where
    W: std::fmt::Debug,
    G: std::fmt::Debug + PartialEq<W>,
{
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = f(text);
            (got != *want).then(|| format!("{text}\n   want {want:?}\n   got  {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Serialises a value the serde way, for tests and callers that want a JSON tree.
pub fn to_json<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}
