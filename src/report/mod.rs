//! Fact-check reports: the facts with their verdicts and reasons, each figure's sentence
//! quoted with byte offsets and digests anyone can check against the file, and the review
//! marks, as Markdown, CSV, JSON or schema.org ClaimReview (see docs/reports.md).

pub mod anchor;
pub mod claimreview;
pub mod csv;
pub mod figures;
pub mod markdown;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::formats::Format;
use crate::extract::Extracted;
use crate::index::facts::ReasonDetail;
use crate::index::{ClaimRef, Fact, Index, Verdict};
use crate::lexicon::QuantityKind;
use crate::workspace::{Mark, Marks, sha256_hex};
pub use anchor::OffsetsIn;

/// The report's JSON schema version.
pub const SCHEMA_VERSION: u32 = 1;

/// A report's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Markdown,
    Csv,
    Json,
    /// schema.org ClaimReview objects, JSON-LD.
    Claimreview,
}

impl ReportFormat {
    /// The format a file name's extension asks for: .md, .csv, .json, .jsonld.
    pub fn from_path(path: &str) -> Option<ReportFormat> {
        let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => ReportFormat::Markdown,
            "csv" => ReportFormat::Csv,
            "json" => ReportFormat::Json,
            "jsonld" => ReportFormat::Claimreview,
            _ => return None,
        })
    }

    /// The format named on the command line: md, csv, json, claimreview.
    pub fn parse(name: &str) -> Option<ReportFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => ReportFormat::Markdown,
            "csv" => ReportFormat::Csv,
            "json" => ReportFormat::Json,
            "claimreview" | "jsonld" | "json-ld" => ReportFormat::Claimreview,
            _ => return None,
        })
    }
}

/// What goes into a report.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Only marked facts and claims.
    pub marked_only: bool,
    /// Who publishes the review (ClaimReview's `author`).
    pub author: Option<String>,
    /// Where the marks came from, for the report's header.
    pub workspace: Option<String>,
}

/// A quote pinned to bytes: `quote` is exactly the bytes `start..end` of the file (`offsets`
/// = file, whose SHA-256 is `sha256`) or of the extracted text (`offsets` = text, pinned by
/// `text_sha256`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// SHA-256 of the file's bytes; `null` when the file cannot be read (standard input).
    pub sha256: Option<String>,
    /// SHA-256 of the text crosscheck extracted from the file (also the article's key in
    /// the workspace).
    pub text_sha256: String,
    pub offsets: OffsetsIn,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

/// One figure of a fact in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportMember {
    pub path: String,
    /// The report's outlet or file name.
    pub source: String,
    pub claim_id: String,
    /// The claim's sentence.
    pub text: String,
    /// The figure as written.
    pub quantity: String,
    #[serde(serialize_with = "crate::extract::opt_number")]
    pub value: Option<f64>,
    #[serde(serialize_with = "crate::extract::opt_number")]
    pub low: Option<f64>,
    #[serde(serialize_with = "crate::extract::opt_number")]
    pub high: Option<f64>,
    pub approx: Option<String>,
    pub unit: Option<String>,
    /// The figure in the fact's unit, with any conversion ("800 km2 (from 309 sq mi)").
    pub normalised: String,
    /// The date the figure holds at (ISO 8601), `null` when unknown.
    pub date: Option<String>,
    pub speaker: Option<String>,
    #[serde(flatten)]
    pub quote: Quote,
    /// The claim's own review mark.
    pub mark: Option<Mark>,
}

/// A fact in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportFact {
    pub id: String,
    pub label: String,
    pub kind: QuantityKind,
    pub unit: Option<String>,
    pub verdict: Verdict,
    pub reason: String,
    pub reason_detail: ReasonDetail,
    pub sources: usize,
    pub independent_sources: usize,
    /// The distinct figures as written.
    pub values: Vec<String>,
    /// The interval the stated values span, in `span_unit`.
    #[serde(serialize_with = "opt_pair")]
    pub span: Option<[f64; 2]>,
    pub span_unit: String,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub mark: Option<Mark>,
    pub members: Vec<ReportMember>,
}

/// A marked claim in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportClaim {
    pub path: String,
    pub source: String,
    pub claim_id: String,
    /// The report's date.
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub speaker: Option<String>,
    #[serde(flatten)]
    pub quote: Quote,
    pub mark: Mark,
}

/// A fact-check report (its JSON form is `--format json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema_version: u32,
    /// When the report was made, RFC 3339.
    pub generated: String,
    pub articles: usize,
    /// Facts in conflict in the whole corpus.
    pub conflicts: usize,
    pub workspace: Option<String>,
    /// Who publishes the review, when given.
    pub author: Option<String>,
    pub facts: Vec<ReportFact>,
    /// The marked claims.
    pub claims: Vec<ReportClaim>,
    /// Articles quoted, by path: title, outlet, date, URL (for ClaimReview appearances).
    #[serde(skip)]
    pub sources: BTreeMap<String, SourceInfo>,
}

/// What a report says about a quoted article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceInfo {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// Reads a file's bytes for checking quotes; `None` when it cannot be read.
pub type ReadFile<'a> = &'a (dyn Fn(&str) -> Option<Vec<u8>> + Sync);

fn opt_pair<S: serde::Serializer>(v: &Option<[f64; 2]>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    match v {
        None => s.serialize_none(),
        Some([a, b]) => {
            let round = |x: f64| (x * 1e6).round() / 1e6;
            let mut seq = s.serialize_seq(Some(2))?;
            seq.serialize_element(&round(*a))?;
            seq.serialize_element(&round(*b))?;
            seq.end()
        }
    }
}

/// Reads files from disk (at most `max_bytes` each).
pub fn read_from_disk(max_bytes: u64) -> impl Fn(&str) -> Option<Vec<u8>> + Sync {
    move |path: &str| {
        let meta = std::fs::metadata(path).ok()?;
        (meta.is_file() && meta.len() <= max_bytes)
            .then(|| std::fs::read(path).ok())
            .flatten()
    }
}

/// Reads an embedded seed article's bytes by its path ("seeds/…").
pub fn read_seed(path: &str) -> Option<Vec<u8>> {
    crate::corpus::load::SEEDS
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, bytes)| bytes.to_vec())
}

/// A fact is reported when more than one figure states it, or it is marked.
fn reported(f: &Fact, marks: &Marks, opts: &ReportOptions) -> bool {
    let marked = marks.fact(f.id).is_some();
    if opts.marked_only {
        marked
    } else {
        marked || f.sources > 1 || f.members.len() > 1
    }
}

/// Builds the report of an index and its marks; `read` gives each article's file.
pub fn build(index: &Index, marks: &Marks, read: ReadFile, opts: &ReportOptions) -> Report {
    let facts: Vec<&Fact> = index
        .facts
        .iter()
        .filter(|f| reported(f, marks, opts))
        .collect();
    let mut marked: Vec<ClaimRef> = marks.claims.keys().copied().collect();
    marked.sort();
    let mut needed: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in facts
        .iter()
        .flat_map(|f| f.members.iter().map(|m| m.at))
        .chain(marked.iter().copied())
    {
        needed
            .entry(r.article as usize)
            .or_default()
            .push(r.claim as usize);
    }
    let quotes = pin_quotes(&index.articles, needed, read);
    let quote = |r: ClaimRef| {
        quotes
            .get(&(r.article as usize, r.claim as usize))
            .cloned()
            .unwrap_or_else(|| text_quote(&index.articles[r.article as usize], r))
    };
    let articles = &index.articles;
    let mut sources = BTreeMap::new();
    let mut note_source = |a: &Extracted| {
        sources.entry(a.path.clone()).or_insert_with(|| SourceInfo {
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            date: a.date.map(|d| d.to_string()),
            url: a.url.clone(),
        });
    };
    let facts = facts
        .into_iter()
        .map(|f| {
            let sc = figures::scale(f, articles);
            let members = f
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let a = &articles[m.at.article as usize];
                    note_source(a);
                    let claim = m.claim(articles);
                    let q = m.quantity(articles);
                    ReportMember {
                        path: a.path.clone(),
                        source: a.source_label(),
                        claim_id: claim.id.to_string(),
                        text: claim.text.to_string(),
                        quantity: q.text.to_string(),
                        value: q.value(),
                        low: q.low(),
                        high: q.high(),
                        approx: q.approx.map(|x| x.to_string()),
                        unit: q.unit.map(|x| x.to_string()),
                        normalised: figures::normalised(
                            q,
                            &sc,
                            f.reason_detail.conversions.iter().find(|c| c.member == i),
                        ),
                        date: m.date.map(|d| d.to_string()),
                        speaker: a.attribution(claim).map(|x| x.label().into_owned()),
                        quote: quote(m.at),
                        mark: marks.claim(m.at).cloned(),
                    }
                })
                .collect();
            let dates = figures::first_last(f);
            ReportFact {
                id: f.id.to_string(),
                label: f.label.to_string(),
                kind: f.kind,
                unit: f.unit.map(|u| u.to_string()),
                verdict: f.verdict,
                reason: f.reason().into_owned(),
                reason_detail: f.reason_detail.clone(),
                sources: f.sources,
                independent_sources: f.independent_sources,
                values: figures::as_written(f, articles)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                span: figures::span(f, articles).map(|(a, b)| [a / sc.factor, b / sc.factor]),
                span_unit: sc.unit.clone(),
                first_date: dates.map(|(a, _)| a.to_string()),
                last_date: dates.map(|(_, b)| b.to_string()),
                mark: marks.fact(f.id).cloned(),
                members,
            }
        })
        .collect();
    let claims = marked
        .into_iter()
        .filter_map(|r| {
            let a = &articles[r.article as usize];
            let claim = index.claim(r);
            note_source(a);
            Some(ReportClaim {
                path: a.path.clone(),
                source: a.source_label(),
                claim_id: claim.id.to_string(),
                date: a.date.map(|d| d.to_string()),
                title: a.title.clone(),
                url: a.url.clone(),
                speaker: a.attribution(claim).map(|x| x.label().into_owned()),
                quote: quote(r),
                mark: marks.claim(r)?.clone(),
            })
        })
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        generated: crate::workspace::marks::now_rfc3339(),
        articles: articles.len(),
        conflicts: index.conflicts_among(&[]),
        workspace: opts.workspace.clone(),
        author: opts.author.clone(),
        facts,
        claims,
        sources,
    }
}

/// A quote in the extracted text.
fn text_quote(a: &Extracted, r: ClaimRef) -> Quote {
    let claim = &a.claims[r.claim as usize];
    Quote {
        sha256: None,
        text_sha256: sha256_hex(a.text.as_bytes()),
        offsets: OffsetsIn::Text,
        start: claim.start(),
        end: claim.end(),
        quote: claim.text.to_string(),
    }
}

/// The file an article comes from, and whether the file holds that article alone (JSON
/// arrays and JSON Lines name an article `file#N` or `file:LINE`).
fn file_of(path: &str) -> (&str, bool) {
    for sep in ['#', ':'] {
        if let Some((base, n)) = path.rsplit_once(sep)
            && !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && !base.is_empty()
        {
            return (base, false);
        }
    }
    (path, true)
}

/// Whether a file's own bytes are the article's text (plain text, Markdown), so quotes can
/// point into the file; HTML and JSON keep markup between the words.
fn is_plain(path: &str, bytes: &[u8]) -> bool {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = ext
        .as_deref()
        .and_then(Format::from_extension)
        .unwrap_or_else(|| {
            Format::sniff(&String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]))
        });
    matches!(format, Format::Text | Format::Markdown)
}

/// Pins the needed claims' quotes, reading each file once (files in parallel).
fn pin_quotes(
    articles: &[Extracted],
    needed: BTreeMap<usize, Vec<usize>>,
    read: ReadFile,
) -> rustc_hash::FxHashMap<(usize, usize), Quote> {
    let mut by_file: BTreeMap<&str, Vec<(usize, Vec<usize>)>> = BTreeMap::new();
    let mut whole: rustc_hash::FxHashMap<&str, bool> = Default::default();
    for (a, claims) in needed {
        let (file, alone) = file_of(&articles[a].path);
        *whole.entry(file).or_insert(true) &= alone;
        by_file.entry(file).or_default().push((a, claims));
    }
    by_file
        .into_par_iter()
        .flat_map_iter(|(file, group)| {
            let alone = whole.get(file).copied().unwrap_or(false) && group.len() == 1;
            let bytes = read(file).or_else(|| {
                let a = &articles[group[0].0];
                (a.path != file).then(|| read(&a.path)).flatten()
            });
            let sha = bytes.as_deref().map(sha256_hex);
            let mut out = Vec::new();
            for (a, mut claims) in group {
                let art = &articles[a];
                claims.sort_by_key(|&c| (art.claims[c].start(), c));
                claims.dedup();
                let text_sha = sha256_hex(art.text.as_bytes());
                let placed = match &bytes {
                    Some(b) if alone && is_plain(file, b) => {
                        let sentences: Vec<(usize, &str)> = claims
                            .iter()
                            .map(|&c| (art.claims[c].start(), &*art.claims[c].text))
                            .collect();
                        anchor::locate(b, &sentences)
                    }
                    _ => vec![None; claims.len()],
                };
                for (c, at) in claims.into_iter().zip(placed) {
                    let claim = &art.claims[c];
                    let (offsets, start, end) = match at {
                        Some((s, e)) => (OffsetsIn::File, s, e),
                        None => (OffsetsIn::Text, claim.start(), claim.end()),
                    };
                    out.push((
                        (a, c),
                        Quote {
                            sha256: sha.clone(),
                            text_sha256: text_sha.clone(),
                            offsets,
                            start,
                            end,
                            quote: claim.text.to_string(),
                        },
                    ));
                }
            }
            out
        })
        .collect()
}

impl Report {
    /// The report in a format, as the bytes to write.
    pub fn render(&self, format: ReportFormat) -> Vec<u8> {
        match format {
            ReportFormat::Markdown => markdown::render(self).into_bytes(),
            ReportFormat::Csv => csv::render(self).into_bytes(),
            ReportFormat::Json => json_bytes(self),
            ReportFormat::Claimreview => json_bytes(&claimreview::render(self)),
        }
    }

    /// How many marks the report carries.
    pub fn marks(&self) -> usize {
        self.claims.len() + self.facts.iter().filter(|f| f.mark.is_some()).count()
    }
}

fn json_bytes(v: &impl Serialize) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Writes a file whole or not at all: the bytes go to a temporary file beside it, are synced,
/// and the temporary file is renamed over the target, so a crash never leaves half a report.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name_and_by_extension() {
        assert_eq!(ReportFormat::parse("md"), Some(ReportFormat::Markdown));
        assert_eq!(
            ReportFormat::parse("claimreview"),
            Some(ReportFormat::Claimreview)
        );
        assert_eq!(ReportFormat::parse("pdf"), None);
        assert_eq!(
            ReportFormat::from_path("out/review.JSONLD"),
            Some(ReportFormat::Claimreview)
        );
        assert_eq!(ReportFormat::from_path("a.csv"), Some(ReportFormat::Csv));
        assert_eq!(ReportFormat::from_path("notes"), None);
    }

    #[test]
    fn parts_of_json_files_name_their_file() {
        assert_eq!(file_of("feed.jsonl:12"), ("feed.jsonl", false));
        assert_eq!(file_of("list.json#0"), ("list.json", false));
        assert_eq!(file_of("dir/a.txt"), ("dir/a.txt", true));
        assert_eq!(file_of("odd:name.txt"), ("odd:name.txt", true));
    }

    #[test]
    fn an_atomic_write_replaces_the_file_whole() {
        let dir = std::env::temp_dir().join(format!("cc-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("report.md");
        std::fs::write(&target, "old").unwrap();
        write_atomic(&target, b"new report").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new report");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
        assert!(write_atomic(&dir.join("missing/x.md"), b"x").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
