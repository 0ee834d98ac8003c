//! Any bytes, read as each format crosscheck knows, cleaned and read for claims: no panic,
//! and (with `-timeout`) no input that takes long.
#![no_main]

use crosscheck::corpus::load::{Loaded, load_bytes};
use crosscheck::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&format, bytes)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "html", "md", "json", "jsonl", "mhtml"]
        .get(usize::from(format % 7))
        .copied();
    let mut out = Loaded::default();
    load_bytes("fuzz", bytes, ext, &mut out);
    let lex = Lexicon::global();
    let articles = crosscheck::extract::extract_all(
        crosscheck::corpus::build_articles(out.documents, lex),
        lex,
    );
    for a in &articles {
        for c in &a.claims {
            assert_eq!(&a.text[c.start()..c.end()], c.text.as_str());
        }
    }
    let _ = crosscheck::index::Index::build(articles, lex);
});
