//! Generated hostile input, built from the shapes that make parsers and extractors slow or
//! make them fall over (deep and misnested tags, attribute floods, entities, scripts and
//! styles, broken markup, long lines, mixed scripts and bidi controls, huge numbers,
//! thousands of quotes), loads without a panic and within a time bound per case (issue #19).
//!
//! The bound does not depend on the build profile or the machine: each case may take at most
//! `SLACK` times what a plain news page of the same size takes in this process, plus a floor
//! for timer noise. Linear code stays far inside it (the worst case measured was a tenth of
//! it); a step that grows with the square of a run of tags, attributes, quotes or
//! digits of these sizes (up to 20,000) does not. `PROPTEST_CASES` raises the case count.

use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crosscheck::corpus::load::{Loaded, load_bytes};
use crosscheck::lexicon::Lexicon;
use proptest::prelude::*;

/// How many times a plain page's time per byte a case may take: about ten times the worst
/// measured (1.8x, a 40 KB page of misnested tags, in the dev profile on 2 cores).
const SLACK: f64 = 20.0;
/// Below this, a case is never too slow: timer and scheduler noise.
const FLOOR: Duration = Duration::from_millis(150);

/// Cases are timed one at a time, so that they do not slow each other down.
static TIMING: Mutex<()> = Mutex::new(());

/// A run of one hostile shape, repeated up to 20,000 times.
fn run() -> impl Strategy<Value = String> {
    let shape = prop_oneof![
        Just("<div>"),
        Just("</div>"),
        Just("<b><i><u>"),
        Just("<a href=x><b></a></b>"),
        Just("<p><table><tr><td>"),
        Just("<li><ul>"),
        Just("<font><nobr><s>"),
        Just(" data-x=\"y\""),
        Just("&amp;&#x202E;&#99999999;&nbsp;&bogus;&#0;"),
        Just("<script>if (a < b) { x = \"</scr\" + \"ipt>\"; }"),
        Just("<style>p { content: \"<\"; }"),
        Just("</script></style>"),
        Just("<!-- <p> --"),
        Just("<![CDATA[ ]]"),
        Just("<p class=\"unclosed"),
        Just("<"),
        Just("word"),
        Just("Київ مرحبا 東京 \u{202E}\u{2066}\u{200B}"),
        Just("9"),
        Just("1,000,"),
        Just("\""),
        Just("“We will hold,” she said. "),
        Just("'"),
        Just("\n"),
        Just("The council approved 12 new schools on Monday, officials said. "),
    ];
    (shape, 1usize..20_000).prop_map(|(s, n)| s.repeat(n))
}

/// A page of a few runs between ordinary markup.
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(run(), 1..4).prop_map(|runs| {
        format!(
            "<html><head><title>Storm closes ferry</title></head><body><article>\
             <p>About 400 passengers were stranded on Thursday, the operator said.</p>{}\
             </article></body></html>",
            runs.concat()
        )
    })
}

/// Plain text of a few runs.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(run(), 1..4).prop_map(|runs| runs.concat())
}

/// Reads `bytes` as the file `name` and extracts every article's claims.
fn load_and_extract(name: &str, bytes: &[u8]) -> usize {
    let mut out = Loaded::default();
    load_bytes(name, bytes, None, &mut out);
    let lex = Lexicon::global();
    let articles = crosscheck::corpus::build_articles(out.documents, lex);
    let mut claims = 0;
    for a in crosscheck::extract::extract_all(articles, lex) {
        for c in &a.claims {
            assert_eq!(&a.text[c.start()..c.end()], c.text.as_str());
        }
        claims += a.claims.len();
    }
    claims
}

/// Plain news prose as a web page of about `bytes` bytes.
fn plain_page(bytes: usize) -> String {
    let mut body = String::new();
    let mut i = 0;
    while body.len() < bytes {
        i += 1;
        body.push_str(&format!(
            "<p>Officials said {} families left the valley on Monday, and the mayor, Ana Ruiz, \
             said \"{} more\" would follow by Friday.</p>\n",
            100 + i % 900,
            i % 50
        ));
    }
    format!(
        "<html><head><title>Valley flood</title></head><body><article>{body}</article></body></html>"
    )
}

/// The time per byte of a plain page in this build, on this machine: the fastest of three.
fn plain_time_per_byte() -> f64 {
    static PER_BYTE: OnceLock<f64> = OnceLock::new();
    *PER_BYTE.get_or_init(|| {
        let page = plain_page(200_000);
        load_and_extract("plain.html", page.as_bytes());
        let fastest = (0..3)
            .map(|_| {
                let t = Instant::now();
                load_and_extract("plain.html", page.as_bytes());
                t.elapsed()
            })
            .min()
            .unwrap_or_default();
        fastest.as_secs_f64() / page.len() as f64
    })
}

/// Runs `f` on `input` and fails if it takes longer than the bound for its size.
fn within_bound(what: &str, input: &str, f: impl FnOnce()) -> Result<(), TestCaseError> {
    let per_byte = plain_time_per_byte();
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let bound = FLOOR + Duration::from_secs_f64(SLACK * per_byte * input.len() as f64);
    let t = Instant::now();
    f();
    let took = t.elapsed();
    let plain = Duration::from_secs_f64(per_byte * input.len() as f64);
    eprintln!(
        "{what}: {} bytes in {took:?} ({:.1}x a plain page's time)",
        input.len(),
        took.as_secs_f64() / plain.as_secs_f64().max(1e-9)
    );
    prop_assert!(
        took <= bound,
        "{what} of {} bytes took {took:?}, bound {bound:?}; starts {:?}",
        input.len(),
        input.chars().take(120).collect::<String>()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 16, ..ProptestConfig::default() })]

    #[test]
    fn hostile_pages_load_within_a_bound(page in page()) {
        within_bound("page", &page, || {
            load_and_extract("x.html", page.as_bytes());
        })?;
    }

    #[test]
    fn hostile_text_loads_within_a_bound(text in text()) {
        within_bound("text", &text, || {
            load_and_extract("x.txt", text.as_bytes());
            load_and_extract("x.md", text.as_bytes());
        })?;
    }

    #[test]
    fn hostile_text_reads_figures_and_sentences_within_a_bound(text in text()) {
        within_bound("figures and sentences", &text, || {
            for q in crosscheck::extract::find_quantities(&text, Lexicon::global()) {
                assert_eq!(&text[q.start()..q.end()], q.text.as_str());
            }
            for (s, e) in crosscheck::extract::sentences::split_text(&text, Lexicon::global()) {
                assert!(s < e && text.is_char_boundary(s) && text.is_char_boundary(e));
            }
        })?;
    }
}

/// Found by `hostile_pages_load_within_a_bound`: a paragraph followed by a few hundred unclosed
/// `<div>`s made the block aligner add to "no limit" (`usize::MAX`), which overflows.
#[test]
fn a_paragraph_before_hundreds_of_unclosed_divs_loads() {
    let page = format!(
        "<html><head><title>Storm closes ferry</title></head><body><article><p>About 400 \
         passengers were stranded on Thursday, the operator said.</p>{}</article></body></html>",
        "<div>".repeat(230)
    );
    assert_eq!(load_and_extract("x.html", page.as_bytes()), 1);
}
