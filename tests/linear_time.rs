//! Reading figures, dates and claims stays linear in the text's length: a text 8 times longer
//! takes about 8 times as long, not 64 times (a step comparing every figure, date or
//! quotation with every other one). The bound is wide (24x) so a busy machine does not fail
//! it; each size is timed several times, keeping the fastest run, one test at a time. Both
//! sizes are larger than a processor's caches, which make small texts faster per byte.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crosscheck::dates::find_dates;
use crosscheck::extract::find_quantities;
use crosscheck::lexicon::Lexicon;

/// News-like prose with many figures, hedges, dates, times, links and quotations, the same
/// for the same `bytes`. `paragraphs` false writes it as one paragraph with no line break.
fn news(bytes: usize, paragraphs: bool) -> String {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let hedges = ["", "about ", "nearly ", "more than ", "at least ", "up to "];
    let nouns = ["troops", "people", "homes", "vehicles", "workers"];
    let months = ["January", "March", "Sept.", "Nov."];
    let mut out = String::with_capacity(bytes + 400);
    while out.len() < bytes {
        let figure = format!(
            "{}{},{:03}",
            hedges[next(6) as usize],
            1 + next(90),
            next(1000)
        );
        let noun = nouns[next(5) as usize];
        let sentence = match next(7) {
            0 => format!(
                "Officials said {figure} {noun} had left by {} {}, {}. ",
                months[next(4) as usize],
                1 + next(28),
                2000 + next(25)
            ),
            1 => format!(
                "\"We counted {figure} {noun},\" the governor said at {}:{:02} a.m. Mr. Hart agreed. ",
                1 + next(11),
                next(60)
            ),
            2 => format!(
                "Prices rose {}.{} percent in {}, to ${} million, see www.example{}.org. ",
                next(30),
                next(10),
                1990 + next(35),
                1 + next(900),
                next(99)
            ),
            3 => format!(
                "Between {} and {} {noun} were moved on Monday. ",
                next(50),
                50 + next(50)
            ),
            4 => format!(
                "Two-thirds of the {noun} stayed for {} weeks. ",
                2 + next(10)
            ),
            5 => format!("\"They left,\" she said. \"All {figure} of them.\" "),
            _ => format!(
                "The convoy stretched {} km and carried {figure} tons of aid. ",
                next(80)
            ),
        };
        out.push_str(&sentence);
        if paragraphs && next(4) == 0 {
            out.push_str("\n\n");
        }
    }
    out
}

/// Tests time one at a time, so that they do not slow each other down.
static TIMING: Mutex<()> = Mutex::new(());

/// The fastest of three runs of `f`.
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Asserts that `f` on a text 8 times longer takes less than 24 times as long.
fn assert_linear(what: &str, paragraphs: bool, f: impl Fn(&str)) {
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let small = news(400_000, paragraphs);
    let large = news(3_200_000, paragraphs);
    let t_small = fastest(|| f(&small)).max(Duration::from_micros(100));
    let t_large = fastest(|| f(&large));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    eprintln!("{what}: 8x the text took {ratio:.1}x as long ({t_small:?} -> {t_large:?})");
    assert!(
        ratio < 24.0,
        "{what}: 8x the text took {ratio:.1}x as long ({t_small:?} -> {t_large:?})"
    );
}

#[test]
fn figures_in_one_long_text_take_linear_time() {
    assert_linear("find_quantities", true, |t| {
        assert!(!find_quantities(t, Lexicon::global()).is_empty());
    });
}

#[test]
fn dates_in_one_long_text_take_linear_time() {
    assert_linear("find_dates", false, |t| {
        assert!(!find_dates(t, Lexicon::global()).is_empty());
    });
}

#[test]
fn claims_of_one_long_paragraph_take_linear_time() {
    let dir = std::env::temp_dir().join(format!("cc-linear-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("story.txt");
    assert_linear("extract", false, |t| {
        std::fs::write(&path, t).expect("write");
        let loaded = crosscheck::load(&[path.display().to_string()], &Default::default());
        assert!(loaded.articles.iter().any(|a| !a.claims.is_empty()));
    });
    std::fs::remove_dir_all(&dir).ok();
}
