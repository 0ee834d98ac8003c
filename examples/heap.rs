//! Live heap of a loaded and indexed corpus, counted by a wrapping allocator:
//! `cargo run --release --example heap -- DIR`. Prints the live bytes after loading, after
//! indexing, and the peak, beside the corpus's text size; what each linking stage keeps and
//! its peak; and the bytes each kind of record takes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use crosscheck::lexicon::Lexicon;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        COUNT.fetch_sub(1, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pre = LIVE.load(Relaxed);
    let lex = Lexicon::global();
    println!("lexicon {:.1} MB", mb(LIVE.load(Relaxed) - pre));
    let before = LIVE.load(Relaxed);
    let loaded = crosscheck::load(&args, &Default::default());
    let text: usize = loaded.articles.iter().map(|a| a.text.len()).sum();
    let claims: usize = loaded.articles.iter().map(|a| a.claims.len()).sum();
    let loaded_bytes = LIVE.load(Relaxed) - before;
    println!("live allocations after loading: {}", COUNT.load(Relaxed));
    // Each linking stage alone: what it keeps and how far above that it peaks.
    {
        use crosscheck::index::{checks, clusters, facts, sources};
        let arts = &loaded.articles;
        let stage = |name: &str, f: &mut dyn FnMut()| {
            let base = LIVE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let t = std::time::Instant::now();
            f();
            let took = t.elapsed();
            let kept = LIVE.load(Relaxed) as f64 - base as f64;
            println!(
                "{name:>12}: kept {:+.1} MB, peak +{:.1} MB, {took:.2?}",
                kept / 1e6,
                mb(PEAK.load(Relaxed) - base)
            );
        };
        let mut folds = Default::default();
        stage("folds", &mut || {
            folds = crosscheck::extract::entities::name_folds(arts)
        });
        let mut groups = Vec::new();
        stage("groups", &mut || groups = sources::source_groups(arts));
        let mut fs = Vec::new();
        stage("facts", &mut || fs = facts::link_facts(arts, &groups, lex));
        let mut pairs = None;
        stage("pairs", &mut || {
            pairs = Some(clusters::claim_pairs(arts, &folds, lex))
        });
        let mut cl = None;
        stage("clusters", &mut || {
            cl = Some(clusters::cluster_claims(arts, pairs.take().unwrap(), &fs))
        });
        stage("checks", &mut || {
            checks::arithmetic_checks(arts, lex);
        });
    }
    let mark = LIVE.load(Relaxed);
    let mut index = crosscheck::index::Index::default();
    index.push_articles(loaded.articles);
    let pushed = LIVE.load(Relaxed);
    let links = crosscheck::index::Links::compute(&index, lex);
    let computed = LIVE.load(Relaxed);
    links.apply(&mut index);
    println!(
        "indexing: claim list and search text {:+.1} MB, links computed {:+.1} MB, applied {:+.1} MB",
        (pushed as f64 - mark as f64) / 1e6,
        (computed as f64 - pushed as f64) / 1e6,
        (LIVE.load(Relaxed) as f64 - computed as f64) / 1e6
    );
    let indexed = LIVE.load(Relaxed) - before;
    println!("live allocations after indexing: {}", COUNT.load(Relaxed));
    println!(
        "{} articles, {:.1} MB of text, {claims} claims, {} facts",
        index.articles.len(),
        mb(text),
        index.facts.len()
    );
    println!(
        "live after loading {:.1} MB, after indexing {:.1} MB ({:.2}x the text), peak {:.1} MB",
        mb(loaded_bytes),
        mb(indexed),
        indexed as f64 / text as f64,
        mb(PEAK.load(Relaxed) - before)
    );
    breakdown(&index);
}

/// The bytes each kind of record holds, inline and in its own allocations.
fn breakdown(index: &crosscheck::index::Index) {
    use crosscheck::extract::{Attribution, Claim, DateRef, Entity, Quantity};
    use std::mem::size_of;
    let (mut c, mut q, mut e, mut d, mut at, mut m, mut p) = (0, 0, 0, 0, 0, 0, 0);
    for a in &index.articles {
        c += a.claims.len();
        q += a.all_quantities().len();
        m += a
            .all_quantities()
            .iter()
            .map(|q| q.modifiers.len())
            .sum::<usize>();
        e += a.all_entities().len();
        d += a.claims.iter().map(|c| a.dates(c).len()).sum::<usize>();
        for claim in &a.claims {
            if let Some(a) = a.attribution(claim) {
                at += 1 + a.via.len();
            }
        }
    }
    for a in &index.articles {
        p += a.paragraphs.len();
    }
    let members: usize = index.facts.iter().map(|f| f.members.len()).sum();
    // Reasons a fact keeps rather than writes from its members (those with two sources or more).
    let strings: usize = index
        .facts
        .iter()
        .filter(|f| f.sources > 1)
        .map(|f| f.reason().len())
        .sum();
    let rows = [
        ("claims", c, c * size_of::<Claim>()),
        ("quantities", q, q * size_of::<Quantity>()),
        ("modifiers", m, m * 8),
        ("entities", e, e * size_of::<Entity>()),
        ("dates", d, d * size_of::<DateRef>()),
        ("attributions (+via)", at, at * size_of::<Attribution>()),
        (
            "paragraphs",
            p,
            p * size_of::<crosscheck::corpus::Paragraph>(),
        ),
        (
            "facts",
            index.facts.len(),
            index.facts.len() * size_of::<crosscheck::index::Fact>() + strings,
        ),
        (
            "fact members",
            members,
            members * size_of::<crosscheck::index::facts::FactMember>(),
        ),
    ];
    for (what, n, bytes) in rows {
        println!("{what:>20} {n:>9} {:>8.1} MB", mb(bytes));
    }
}
