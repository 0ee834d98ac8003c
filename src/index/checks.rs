//! Arithmetic checks within a report: a share stated near the two figures it is a share of.

use serde::Serialize;

use crate::extract::Extracted;
use crate::extract::Quantity;
use crate::lexicon::{Lexicon, QuantityKind};

/// A share checked against two figures of the same report.
#[derive(Debug, Clone, Serialize)]
pub struct ArithmeticCheck {
    pub path: String,
    pub claim_ids: Vec<crate::ids::ClaimId>,
    /// What was computed, for people.
    pub description: String,
    pub consistent: bool,
}

/// Claims this close (in claim order) may state a share and the totals it comes from.
const WINDOW: usize = 6;

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Checks every stated share against pairs of like figures near it: "more than 40% lost"
/// beside "controlled 2,418 km², now about 700 km²" (71% lost) is consistent.
pub fn arithmetic_checks(articles: &[Extracted], lex: &Lexicon) -> Vec<ArithmeticCheck> {
    let mut out = Vec::new();
    for a in articles {
        let qs: Vec<(usize, &Quantity)> = a
            .claims
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| a.quantities(c).iter().map(move |q| (ci, q)))
            .collect();
        for &(pc, p) in qs.iter().filter(|(_, q)| q.kind == QuantityKind::Percent) {
            let Some((lo, hi)) = p.interval(lex) else {
                continue;
            };
            let near: Vec<&(usize, &Quantity)> = qs
                .iter()
                .filter(|(ci, q)| {
                    ci.abs_diff(pc) <= WINDOW
                        && !matches!(
                            q.kind,
                            QuantityKind::Percent | QuantityKind::Number | QuantityKind::Duration
                        )
                        && q.value().is_some()
                        && q.canonical_value().is_some()
                })
                .collect();
            let mut found = None;
            for (i, &&(xc, x)) in near.iter().enumerate() {
                for &&(yc, y) in &near[i + 1..] {
                    let (Some(xv), Some(yv)) = (x.canonical_value(), y.canonical_value()) else {
                        continue;
                    };
                    let same_measure = x.kind == y.kind
                        && x.canonical_unit == y.canonical_unit
                        && x.predicate == y.predicate
                        && x.modifiers == y.modifiers;
                    if !same_measure || found.is_some() {
                        continue;
                    }
                    let (big, small) = if xv >= yv { (x, y) } else { (y, x) };
                    let (bv, sv) = (xv.max(yv), xv.min(yv));
                    if bv <= 0.0 || (bv - sv) / bv < 0.05 {
                        continue;
                    }
                    let change = (bv - sv) / bv * 100.0;
                    let share = sv / bv * 100.0;
                    let ids = vec![a.claims[pc].id, a.claims[xc].id, a.claims[yc].id];
                    for (v, what) in [(change, "difference"), (share, "ratio")] {
                        if found.is_none() && (lo..=hi).contains(&v) {
                            found = Some(ArithmeticCheck {
                                path: a.path.clone(),
                                claim_ids: ids.clone(),
                                description: format!(
                                    "{} matches the {what} of {} and {}: {}%",
                                    p.text,
                                    big.text,
                                    small.text,
                                    fmt((v * 10.0).round() / 10.0)
                                ),
                                consistent: true,
                            });
                        }
                    }
                    if found.is_none() && pc == xc && pc == yc {
                        found = Some(ArithmeticCheck {
                            path: a.path.clone(),
                            claim_ids: ids,
                            description: format!(
                                "{} matches neither the difference ({}%) nor the ratio ({}%) of {} and {}",
                                p.text,
                                fmt(change.round()),
                                fmt(share.round()),
                                big.text,
                                small.text
                            ),
                            consistent: false,
                        });
                    }
                }
            }
            out.extend(found);
        }
    }
    out
}
