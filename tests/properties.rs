//! Properties of the whole pipeline on generated input (bytes → articles → claims → facts →
//! diff): no panic, every offset on a character boundary inside the text, every claim's text
//! equal to its slice of the article. `PROPTEST_CASES` raises the number of cases for a long
//! run.

use crosscheck::corpus::load::{Loaded, load_bytes};
use crosscheck::index::Index;
use crosscheck::lexicon::Lexicon;
use proptest::prelude::*;

/// Pieces that exercise the extractors: figures, hedges, dates, names, quotes, noise,
/// controls, escapes, bidi marks, multibyte letters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("nearly 50,000 troops".to_string()),
        Just("more than 40%".to_string()),
        Just("between 10 and 12 million".to_string()),
        Just("$2bn".to_string()),
        Just("1,376 square kilometers (531 square miles)".to_string()),
        Just("on Nov. 22".to_string()),
        Just("last week".to_string()),
        Just("President Jana Novak said".to_string()),
        Just("The chancellor, Jana Novak, said: \"".to_string()),
        Just(", said ".to_string()),
        Just("\" said the ".to_string()),
        Just("according to a source speaking to Reuters,".to_string()),
        Just("\"We will hold,\" the mayor said.".to_string()),
        Just("Subscribe\n* indicates required\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just("Gen. ".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{202E}".to_string()),
        Just("Київ ".to_string()),
        Just("–—…“”’".to_string()),
        Just("M-1978/1989 ".to_string()),
        Just("5:20 PM ".to_string()),
        "[a-zA-Z ]{0,12}",
        "[0-9,. %$-]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn load(name: &str, bytes: &[u8]) -> Loaded {
    let mut out = Loaded::default();
    load_bytes(name, bytes, None, &mut out);
    out
}

fn check_articles(index: &Index) {
    for a in &index.articles {
        for p in &a.paragraphs {
            assert!(p.start() <= p.end() && p.end() <= a.text.len());
            assert!(a.text.is_char_boundary(p.start()) && a.text.is_char_boundary(p.end()));
        }
        for c in &a.claims {
            assert!(a.text.is_char_boundary(c.start()) && a.text.is_char_boundary(c.end()));
            assert_eq!(&a.text[c.start()..c.end()], c.text.as_str());
            for q in a.quantities(c) {
                assert!(
                    c.start() <= q.start() && q.end() <= c.end(),
                    "{q:?} outside {c:?}"
                );
                assert_eq!(&a.text[q.start()..q.end()], q.text.as_str());
            }
            for d in a.dates(c) {
                assert!(
                    c.text.get(d.start()..d.end()).is_some(),
                    "{d:?} outside {c:?}"
                );
            }
            for e in a.entities(c) {
                assert!(
                    c.text.get(e.start()..e.end()).is_some(),
                    "{e:?} outside {c:?}"
                );
            }
        }
        assert!(
            !a.text
                .chars()
                .any(|ch| ch.is_control() && ch != '\n' && ch != '\t')
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn text_to_claims_keeps_offsets_true(a in text(), b in text()) {
        let mut docs = load("a.txt", a.as_bytes()).documents;
        docs.extend(load("b.md", b.as_bytes()).documents);
        let lex = Lexicon::global();
        let arts = crosscheck::corpus::build_articles(docs, lex);
        let arts = crosscheck::extract::extract_all(arts, lex);
        let index = Index::build(arts, lex);
        check_articles(&index);
        if index.articles.len() == 2 {
            let d = crosscheck::index::diff::diff_articles(&index, 0, 1, lex);
            let s = d.summary();
            prop_assert_eq!(s.same + s.similar + s.conflict + s.left_only + s.right_only, d.rows.len());
        }
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for name in ["x.txt", "x.html", "x.json", "x.jsonl", "x.md"] {
            let loaded = load(name, &bytes);
            prop_assert!(!loaded.documents.is_empty() || !loaded.problems.is_empty() || bytes.iter().all(u8::is_ascii_whitespace));
            let lex = Lexicon::global();
            let arts = crosscheck::corpus::build_articles(loaded.documents, lex);
            let arts = crosscheck::extract::extract_all(arts, lex);
            check_articles(&Index::build(arts, lex));
        }
    }

    #[test]
    fn quantities_and_sentences_point_into_their_text(t in text()) {
        for q in crosscheck::extract::find_quantities(&t, Lexicon::global()) {
            prop_assert_eq!(&t[q.start()..q.end()], q.text.as_str());
        }
        for (s, e) in crosscheck::extract::sentences::split_text(&t, Lexicon::global()) {
            prop_assert!(s < e && t.is_char_boundary(s) && t.is_char_boundary(e));
            prop_assert_eq!(t[s..e].trim(), &t[s..e]);
        }
    }
}
