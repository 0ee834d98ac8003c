//! Hedges as honest intervals: the values "nearly 60,000", "more than 40%", "up to 300" or
//! "about 800" allow. This is the one place that says how far a hedge reaches; figures are
//! compared across reports (verdicts, diffs, arithmetic checks) through it.
//!
//! The policy:
//! - a floor ("more than", "over", "at least") bounds the value below and sets no ceiling;
//! - a ceiling ("up to", "at most", "fewer than") bounds it above and sets no floor;
//! - "nearly", "almost", "just under" put it a little below the figure, at most
//!   [`JUST_BELOW`] of it; "just over" a little above, at most [`JUST_ABOVE`];
//! - "about", "some", "roughly" put it within [`APPROX`] either side;
//! - an exact figure is as good as its rounding: "40,000" stands for 35,000 to 45,000,
//!   "7,413" for itself ([`rounding`]).
//!
//! Bounds the wording does not set are infinite: [`interval`] never invents a limit. Linking
//! figures into one fact needs a limit all the same ("more than 300 protesters" is not the
//! same figure as "5,000 people"): [`closed`] reads a floor or ceiling as reaching
//! [`OPEN_END`] past its figure, and nothing else.

pub use crate::lexicon::HedgeBound;

/// How far below its figure "nearly X" may be, relative to X: "nearly 60,000" allows
/// 54,000 to 60,000.
pub const JUST_BELOW: f64 = 0.10;

/// How far above its figure "just over X" may be, relative to X.
pub const JUST_ABOVE: f64 = 0.10;

/// How far either side of its figure "about X" may be, relative to X: "about 800" allows
/// 704 to 896.
pub const APPROX: f64 = 0.12;

/// How far past its figure a floor or ceiling is read when figures are linked as one fact:
/// "more than 300" links figures up to 450, "up to 300" down to 150.
pub const OPEN_END: f64 = 0.5;

/// The values a figure allows, given its hedge: `(low, high)`, either end infinite where the
/// wording sets no bound.
pub fn interval(value: f64, hedge: Option<HedgeBound>) -> (f64, f64) {
    let size = value.abs();
    match hedge {
        Some(HedgeBound::Lower) => (value, f64::INFINITY),
        Some(HedgeBound::Upper) => (f64::NEG_INFINITY, value),
        Some(HedgeBound::JustBelow) => (value - size * JUST_BELOW, value),
        Some(HedgeBound::JustAbove) => (value, value + size * JUST_ABOVE),
        Some(HedgeBound::Approx) => (value - size * APPROX, value + size * APPROX),
        None => {
            let tol = size * rounding(value);
            (value - tol, value + tol)
        }
    }
}

/// [`interval`] with the end a floor or ceiling leaves open closed at [`OPEN_END`]: the
/// figures a hedged figure may be linked with as one fact.
pub fn closed(value: f64, hedge: Option<HedgeBound>) -> (f64, f64) {
    let size = value.abs();
    match hedge {
        Some(HedgeBound::Lower) => (value, value + size * OPEN_END),
        Some(HedgeBound::Upper) => (value - size * OPEN_END, value),
        _ => interval(value, hedge),
    }
}

/// How far from an exact figure the true value may be, relative to it, judged by how round
/// the figure is: half the step of its last non-zero digit, at least 0.05%, and 1% for
/// small or fractional figures. 40,000 is good to ±5,000, 12,000 to ±500, 7,413 to ±3.7.
pub fn rounding(value: f64) -> f64 {
    let v = value.abs();
    if v < 10.0 || v.fract() != 0.0 || v >= 1e18 {
        return 0.01;
    }
    let mut n = v as u64;
    let mut zeros = 0;
    while n.is_multiple_of(10) && n > 0 {
        n /= 10;
        zeros += 1;
    }
    let step = 10f64.powi(zeros);
    (0.5 * step / v).max(0.0005)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(value: f64, hedge: Option<HedgeBound>) -> (f64, f64) {
        let (lo, hi) = interval(value, hedge);
        (
            (lo * 1000.0).round() / 1000.0,
            (hi * 1000.0).round() / 1000.0,
        )
    }

    #[test]
    fn floors_and_ceilings_set_one_bound_only() {
        assert_eq!(case(40.0, Some(HedgeBound::Lower)), (40.0, f64::INFINITY));
        assert_eq!(
            case(1376.0, Some(HedgeBound::Upper)),
            (f64::NEG_INFINITY, 1376.0)
        );
    }

    #[test]
    fn closing_reaches_half_past_a_floor_or_ceiling_and_changes_nothing_else() {
        assert_eq!(closed(300.0, Some(HedgeBound::Lower)), (300.0, 450.0));
        assert_eq!(closed(300.0, Some(HedgeBound::Upper)), (150.0, 300.0));
        for h in [None, Some(HedgeBound::Approx), Some(HedgeBound::JustBelow)] {
            assert_eq!(closed(800.0, h), interval(800.0, h));
        }
    }

    #[test]
    fn near_hedges_keep_to_their_side() {
        assert_eq!(
            case(60000.0, Some(HedgeBound::JustBelow)),
            (54000.0, 60000.0)
        );
        assert_eq!(case(2000.0, Some(HedgeBound::JustAbove)), (2000.0, 2200.0));
        assert_eq!(case(800.0, Some(HedgeBound::Approx)), (704.0, 896.0));
        assert_eq!(case(-30.0, Some(HedgeBound::JustBelow)), (-33.0, -30.0));
    }

    #[test]
    fn exact_figures_are_as_good_as_their_rounding() {
        assert_eq!(case(40000.0, None), (35000.0, 45000.0));
        assert_eq!(case(12000.0, None), (11500.0, 12500.0));
        assert_eq!(case(7413.0, None), (7409.294, 7416.707));
        assert_eq!(case(2.5, None), (2.475, 2.525));
    }
}
