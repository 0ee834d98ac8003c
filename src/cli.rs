//! The command line: arguments, and the headless subcommands that print text or JSON.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use serde::Serialize;
use serde_json::json;

use crosscheck::corpus::ParagraphKind;
use crosscheck::corpus::load::LoadOptions;
use crosscheck::extract::Extracted;
use crosscheck::extract::{self, sentences};
use crosscheck::index::diff::{self, Relation};
use crosscheck::index::{Fact, Index, Query, SkimMatcher};
use crosscheck::lexicon::Lexicon;
use crosscheck::report::{self, ReportFormat, ReportOptions};
use crosscheck::text::display_safe;
use crosscheck::workspace::{self, Marks, Workspace};

/// Cross-check several news reports of one event: claims, figures, speakers and sources.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open in the TUI: files, directories, or - for standard input. None: the
    /// embedded seed articles.
    pub paths: Vec<String>,
    /// A directory of asset files that extend the built-in word lists (also CROSSCHECK_ASSETS).
    #[arg(long, global = true, value_name = "DIR")]
    pub assets: Option<PathBuf>,
    /// Refuse files larger than this many megabytes.
    #[arg(long, global = true, value_name = "MB", default_value_t = 50)]
    pub max_file_mb: u64,
    /// Stop reading a file after this many seconds (its claims found so far are kept, or it is
    /// named and left out), so no file can stall the load; 0: no limit.
    #[arg(long, global = true, value_name = "SECS", default_value_t = 10.0)]
    pub file_budget_secs: f64,
    /// The review workspace: a folder (holding workspace.sqlite) or a .sqlite file (also
    /// CROSSCHECK_WORKSPACE). Default: .crosscheck/ in the opened folder, or the platform's
    /// data folder for the seeds and standard input.
    #[arg(long, global = true, value_name = "PATH")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Articles with their paragraphs classified and their claims.
    Extract {
        paths: Vec<String>,
        /// Print JSON (one object per article, in an array).
        #[arg(long)]
        json: bool,
    },
    /// Figures linked across articles, with their verdicts: conflicts first.
    Facts {
        paths: Vec<String>,
        /// Print JSON (see docs/json.md).
        #[arg(long)]
        json: bool,
    },
    /// Claims ranked by fuzzy match (fzf-style terms; src:, by:, unit:, >=N, 'exact, !not).
    Search {
        query: String,
        paths: Vec<String>,
        /// Print JSON (see docs/json.md).
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Two reports aligned claim by claim, side by side.
    Diff(DiffArgs),
    /// A fact-check report: facts with verdicts and reasons, each figure's sentence quoted
    /// with byte offsets and the sha256 of its file, review marks and notes.
    Report {
        paths: Vec<String>,
        /// md (Markdown), csv, json, claimreview (schema.org ClaimReview JSON-LD); default:
        /// from the -o file's extension, else md.
        #[arg(long, value_parser = ["md", "csv", "json", "claimreview"])]
        format: Option<String>,
        /// Write to this file (replaced whole, never left half-written) instead of stdout.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only marked facts and claims.
        #[arg(long)]
        marked: bool,
        /// Who publishes the review (ClaimReview's author).
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
    },
    /// Set or remove review marks on claims and facts by id (from extract --json and facts
    /// --json); each mark is its own transaction in the workspace.
    Mark {
        paths: Vec<String>,
        /// A claim's id (repeatable).
        #[arg(long = "claim", value_name = "ID")]
        claims: Vec<String>,
        /// A fact's id (repeatable).
        #[arg(long = "fact", value_name = "ID")]
        facts: Vec<String>,
        #[arg(long, value_parser = ["verified", "disputed", "false", "misleading", "unverifiable"], required_unless_present = "clear")]
        rating: Option<String>,
        /// The reviewer's note.
        #[arg(long, default_value = "")]
        note: String,
        /// Remove the marks instead of setting them.
        #[arg(long, conflicts_with = "rating")]
        clear: bool,
    },
    /// Raw text split into sentences, without cleaning: a JSON array of strings.
    Sentences {
        /// A file, or - (or nothing) for standard input.
        file: Option<String>,
    },
    /// Every quantity in raw text: a JSON array of quantity objects.
    Quantities {
        /// A file, or - (or nothing) for standard input.
        file: Option<String>,
    },
}

/// What `crosscheck diff` takes.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The left report: a file, or with --corpus an article's number or path in it.
    pub a: String,
    /// The right report, the same way.
    pub b: String,
    /// Load this corpus and pick A and B from it (index or path).
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<String>,
    /// Print JSON (see docs/json.md).
    #[arg(long)]
    pub json: bool,
    /// No colours (also NO_COLOR).
    #[arg(long)]
    pub no_color: bool,
    /// Width of the output; defaults to the terminal's, or 100.
    #[arg(long)]
    pub width: Option<usize>,
}

/// Schema version of every JSON document the CLI prints (see docs/json.md).
pub const SCHEMA_VERSION: u32 = 1;

impl Cli {
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            max_file_bytes: self.max_file_mb.saturating_mul(1024 * 1024),
            file_budget: (self.file_budget_secs > 0.0)
                .then(|| std::time::Duration::try_from_secs_f64(self.file_budget_secs).ok())
                .flatten(),
            ..LoadOptions::default()
        }
    }

    /// The workspace database for a corpus opened from `paths`: --workspace, else
    /// CROSSCHECK_WORKSPACE, else beside the corpus (see [`workspace::store::location`]).
    pub fn workspace_path(&self, paths: &[String]) -> Option<PathBuf> {
        let given = self
            .workspace
            .clone()
            .or_else(|| std::env::var_os("CROSSCHECK_WORKSPACE").map(PathBuf::from));
        match given {
            Some(p) if p.extension().is_some_and(|e| e == "sqlite") => Some(p),
            Some(dir) => Some(dir.join(workspace::store::DB_FILE)),
            None => {
                let data = directories::ProjectDirs::from("", "", "crosscheck")
                    .map(|d| d.data_dir().to_path_buf());
                workspace::store::location(paths, data.as_deref())
            }
        }
    }
}

/// Loads the paths and reports every problem on stderr. Fails when nothing loaded.
pub fn load_or_fail(paths: &[String], opts: &LoadOptions) -> anyhow::Result<Vec<Extracted>> {
    let loaded = crosscheck::load(paths, opts);
    report_problems(&loaded.problems);
    if loaded.articles.is_empty() {
        anyhow::bail!("no article could be loaded");
    }
    Ok(loaded.articles)
}

pub fn report_problems(problems: &[crosscheck::corpus::Problem]) {
    let mut err = std::io::stderr().lock();
    for p in problems {
        let _ = writeln!(err, "crosscheck: {p}");
    }
}

fn print_json(v: &impl Serialize) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// Prints a JSON array one element at a time, as [`print_json`] prints a whole one, so only
/// one element's tree is in memory at once.
fn print_json_array<T: Serialize>(items: impl ExactSizeIterator<Item = T>) -> anyhow::Result<()> {
    use serde::ser::{SerializeSeq, Serializer as _};
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut ser = serde_json::Serializer::pretty(&mut out);
    let mut seq = ser.serialize_seq(Some(items.len()))?;
    for item in items {
        seq.serialize_element(&item)?;
    }
    seq.end()?;
    writeln!(out)?;
    Ok(())
}

/// The JSON form of an article (see docs/json.md).
pub fn article_json(a: &Extracted) -> serde_json::Value {
    json!({
        "schema_version": SCHEMA_VERSION,
        "path": a.path,
        "title": a.title,
        "date": a.date.map(|d| d.to_string()),
        "date_source": a.date_source,
        "modified": a.modified.map(|d| d.to_string()),
        "byline": a.byline,
        "outlet": a.outlet,
        "url": a.url,
        "text": &*a.text,
        "paragraphs": a.paragraphs.iter().map(|p| json!({
            "text": a.paragraph_text(p),
            "kind": p.kind,
            "start": p.start(),
            "end": p.end(),
        })).collect::<Vec<_>>(),
        "claims": a.claims.iter().map(|c| a.claim_json(c)).collect::<Vec<_>>(),
    })
}

pub fn extract(paths: &[String], json_out: bool, opts: &LoadOptions) -> anyhow::Result<()> {
    let index = index_or_fail(paths, opts)?;
    let articles = &index.articles;
    if json_out {
        return print_json_array(articles.iter().map(article_json));
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in articles {
        let count = |k: ParagraphKind| a.paragraphs.iter().filter(|p| p.kind == k).count();
        writeln!(out, "{}", display_safe(&a.path))?;
        writeln!(
            out,
            "  title:  {}",
            display_safe(a.title.as_deref().unwrap_or("(none)"))
        )?;
        writeln!(
            out,
            "  date:   {}",
            a.date.map_or("(unknown)".to_string(), |d| format!(
                "{d} ({})",
                date_source_word(a)
            ))
        )?;
        if let Some(b) = &a.byline {
            writeln!(out, "  byline: {}", display_safe(b))?;
        }
        if let Some(o) = &a.outlet {
            writeln!(out, "  outlet: {}", display_safe(o))?;
        }
        writeln!(
            out,
            "  paragraphs: {} kept as story, {} dropped ({} boilerplate, {} off-topic, {} meta, {} caption)",
            count(ParagraphKind::Body),
            a.paragraphs.len() - count(ParagraphKind::Body),
            count(ParagraphKind::Boilerplate),
            count(ParagraphKind::OffTopic),
            count(ParagraphKind::Meta),
            count(ParagraphKind::Caption),
        )?;
        if count(ParagraphKind::Body) == 0 {
            writeln!(
                out,
                "  (no story text found: every paragraph looks like page furniture)"
            )?;
        }
        writeln!(out, "  claims: {}", a.claims.len())?;
        for c in &a.claims {
            let speaker = a.attribution(c).map_or(String::new(), |at| {
                format!("  [{}]", display_safe(&at.label()))
            });
            writeln!(
                out,
                "    - {}{}",
                display_safe(&c.text.replace('\n', " ")),
                speaker
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn date_source_word(a: &Extracted) -> &'static str {
    match a.date_source {
        Some(crosscheck::corpus::DateSource::Metadata) => "from metadata",
        Some(crosscheck::corpus::DateSource::Dateline) => "from the dateline",
        Some(crosscheck::corpus::DateSource::Inferred) => {
            "inferred from the latest date in the story"
        }
        None => "unknown",
    }
}

/// Reads a whole file, or standard input for `-` or no file, decoded the way articles are.
fn read_raw(file: Option<&str>, opts: &LoadOptions) -> anyhow::Result<String> {
    let name = file.unwrap_or("-");
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .take(opts.max_file_bytes + 1)
            .read_to_end(&mut b)?;
        b
    } else {
        let size = std::fs::metadata(name)
            .map_err(|e| anyhow::anyhow!("{name}: {e}"))?
            .len();
        if size > opts.max_file_bytes {
            anyhow::bail!(
                "{name}: file too large: over the {} MB limit, not read",
                opts.max_file_bytes / (1024 * 1024)
            );
        }
        std::fs::read(name).map_err(|e| anyhow::anyhow!("{name}: {e}"))?
    };
    if bytes.len() as u64 > opts.max_file_bytes {
        anyhow::bail!("{name}: input too large");
    }
    match crosscheck::corpus::decode::decode(&bytes) {
        Ok(d) => {
            for w in d.warnings {
                eprintln!("crosscheck: warning: {}: {w}", display_safe(name));
            }
            Ok(d.text)
        }
        Err(crosscheck::corpus::decode::DecodeError::Empty) => Ok(String::new()),
        Err(e) => anyhow::bail!("{}: {e}", display_safe(name)),
    }
}

/// Loads the corpus and builds the index.
pub fn index_or_fail(paths: &[String], opts: &LoadOptions) -> anyhow::Result<Index> {
    Ok(Index::build(load_or_fail(paths, opts)?, Lexicon::global()))
}

pub fn facts(paths: &[String], json_out: bool, opts: &LoadOptions) -> anyhow::Result<()> {
    let index = index_or_fail(paths, opts)?;
    if json_out {
        return print_json(&json!({
            "schema_version": SCHEMA_VERSION,
            "facts": index
                .facts
                .iter()
                .map(|f| f.json(&index.articles))
                .collect::<Vec<_>>(),
            "checks": index.checks,
        }));
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let shown: Vec<&Fact> = index
        .facts
        .iter()
        .filter(|f| f.sources > 1 || f.members.len() > 1)
        .collect();
    writeln!(
        out,
        "{} facts linked across {} articles ({} stated by one source only, not listed); {} in conflict",
        index.facts.len(),
        index.articles.len(),
        index.facts.len() - shown.len(),
        index.conflicts_among(&[])
    )?;
    for f in shown {
        writeln!(out)?;
        writeln!(
            out,
            "[{}] {}  ({} sources, {} independent)",
            f.verdict.as_str().to_uppercase(),
            display_safe(&f.label),
            f.sources,
            f.independent_sources
        )?;
        writeln!(out, "    why: {}", display_safe(&f.reason()))?;
        for m in &f.members {
            writeln!(
                out,
                "    {:<24} {:<10} {}",
                display_safe(&truncate(
                    &index.articles[m.at.article as usize].source_label(),
                    24
                )),
                m.date_label(),
                display_safe(&m.quantity(&index.articles).text)
            )?;
        }
    }
    if !index.checks.is_empty() {
        writeln!(out, "\nArithmetic within reports:")?;
        for c in &index.checks {
            let mark = if c.consistent {
                "consistent"
            } else {
                "INCONSISTENT"
            };
            writeln!(
                out,
                "    [{mark}] {}: {}",
                display_safe(&c.path),
                display_safe(&c.description)
            )?;
        }
    }
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn search(
    query: &str,
    paths: &[String],
    json_out: bool,
    limit: usize,
    opts: &LoadOptions,
) -> anyhow::Result<()> {
    let index = index_or_fail(paths, opts)?;
    let q = Query::parse(query);
    let (results, matches, loose) = index.search_results(&q, &SkimMatcher::default(), limit);
    if json_out {
        return print_json(&results);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(
        out,
        "{matches} matching {} · {loose} loose (letters scattered){}",
        if matches == 1 { "claim" } else { "claims" },
        if results.len() < matches + loose {
            format!(" · best {} shown", results.len())
        } else {
            String::new()
        }
    )?;
    for r in results {
        writeln!(
            out,
            "{:>5}{} {}  {}",
            r.score,
            if r.kind == crosscheck::index::MatchKind::Loose {
                "~"
            } else {
                " "
            },
            display_safe(&r.path),
            display_safe(&r.text.replace('\n', " "))
        )?;
    }
    Ok(())
}

/// The workspace's marks matched to the index, read without changing anything; what could
/// not be read is said on stderr.
fn read_marks(index: &Index, db: Option<&std::path::Path>) -> (Marks, Option<String>) {
    let Some(db) = db.filter(|p| p.exists()) else {
        return (Marks::default(), None);
    };
    let ws = Workspace::open_read_only(db);
    if let Some(why) = ws.notice() {
        eprintln!("crosscheck: {}; the report has no marks", display_safe(why));
    }
    match ws.stored() {
        Ok(stored) => {
            let marks = Marks::resolve(index, &workspace::article_keys(index), &stored);
            if marks.unmatched > 0 {
                eprintln!(
                    "crosscheck: {} stored mark(s) match nothing in these articles",
                    marks.unmatched
                );
            }
            (marks, Some(db.display().to_string()))
        }
        Err(e) => {
            eprintln!("crosscheck: {e}; the report has no marks");
            (Marks::default(), None)
        }
    }
}

/// What `crosscheck report` takes.
pub struct ReportArgs<'a> {
    pub paths: &'a [String],
    pub format: Option<&'a str>,
    pub output: Option<&'a std::path::Path>,
    pub marked: bool,
    pub author: Option<String>,
    pub workspace: Option<PathBuf>,
}

pub fn report_cmd(args: ReportArgs, opts: &LoadOptions) -> anyhow::Result<()> {
    let format = match (args.format, args.output) {
        (Some(f), _) => ReportFormat::parse(f),
        (None, Some(o)) => ReportFormat::from_path(&o.to_string_lossy()),
        (None, None) => None,
    }
    .unwrap_or(ReportFormat::Markdown);
    let index = index_or_fail(args.paths, opts)?;
    let (marks, db) = read_marks(&index, args.workspace.as_deref());
    let seeds = args.paths.is_empty();
    let disk = report::read_from_disk(opts.max_file_bytes);
    let read = move |p: &str| {
        if seeds { report::read_seed(p) } else { disk(p) }
    };
    let r = report::build(
        &index,
        &marks,
        &read,
        &ReportOptions {
            marked_only: args.marked,
            author: args.author,
            workspace: db,
        },
    );
    let bytes = r.render(format);
    match args.output {
        Some(path) => {
            report::write_atomic(path, &bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            eprintln!(
                "crosscheck: wrote {}: {} facts, {} marked claims and facts",
                path.display(),
                r.facts.len(),
                r.marks()
            );
            Ok(())
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// What `crosscheck mark` takes.
pub struct MarkArgs<'a> {
    pub paths: &'a [String],
    pub claims: &'a [String],
    pub facts: &'a [String],
    pub rating: Option<&'a str>,
    pub note: &'a str,
    pub workspace: Option<PathBuf>,
}

pub fn mark_cmd(args: MarkArgs, opts: &LoadOptions) -> anyhow::Result<()> {
    use crosscheck::workspace::{ClaimKey, FactKey, Mark, Rating};
    if args.claims.is_empty() && args.facts.is_empty() {
        anyhow::bail!("name what to mark: --claim ID or --fact ID");
    }
    let rating = args.rating.and_then(Rating::parse);
    let index = index_or_fail(args.paths, opts)?;
    let Some(db) = args.workspace else {
        anyhow::bail!("no folder for a workspace: give --workspace");
    };
    let mut ws = Workspace::open(&db);
    if let Some(why) = ws.notice() {
        anyhow::bail!("{}", display_safe(why));
    }
    let keys = workspace::article_keys(&index);
    let marks = Marks::resolve(&index, &keys, &ws.stored()?);
    let by_id: std::collections::HashMap<String, crosscheck::index::ClaimRef> = index
        .claims
        .iter()
        .map(|&r| (index.claim(r).id.to_string(), r))
        .collect();
    let claims: Vec<crosscheck::index::ClaimRef> = args
        .claims
        .iter()
        .map(|id| {
            by_id
                .get(id)
                .copied()
                .ok_or_else(|| anyhow::anyhow!("{}: no claim with this id", display_safe(id)))
        })
        .collect::<anyhow::Result<_>>()?;
    let facts_by_id: std::collections::HashMap<String, &Fact> =
        index.facts.iter().map(|f| (f.id.to_string(), f)).collect();
    let facts: Vec<&Fact> = args
        .facts
        .iter()
        .map(|id| {
            facts_by_id
                .get(id)
                .copied()
                .ok_or_else(|| anyhow::anyhow!("{}: no fact with this id", display_safe(id)))
        })
        .collect::<anyhow::Result<_>>()?;
    let mark = rating.map(|r| Mark::now(r, args.note));
    let done = match &mark {
        Some(m) => format!("marked {}", m.rating),
        None => "cleared".to_string(),
    };
    let mut out = std::io::stdout().lock();
    for r in claims {
        let key = ClaimKey {
            article: keys[r.article as usize].clone(),
            text: index.claim(r).text.to_string(),
        };
        let replaces = marks.claim_aliases.get(&r).cloned().unwrap_or_default();
        ws.set_claim_mark(&key, &replaces, &index.article_of(r).path, mark.as_ref())?;
        writeln!(out, "{done}: claim {}", index.claim(r).id)?;
    }
    for f in facts {
        let key = FactKey::of(f, &index, &keys);
        let replaces = marks.fact_digests.get(&f.id).cloned().unwrap_or_default();
        ws.set_fact_mark(&key, &replaces, &f.label, mark.as_ref())?;
        writeln!(out, "{done}: fact {}", f.id)?;
    }
    eprintln!("crosscheck: workspace {}", ws.path().display());
    Ok(())
}

pub fn sentences_cmd(file: Option<&str>, opts: &LoadOptions) -> anyhow::Result<()> {
    let text = read_raw(file, opts)?;
    let out: Vec<&str> = sentences::split_text(&text, Lexicon::global())
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    print_json(&out)
}

pub fn quantities_cmd(file: Option<&str>, opts: &LoadOptions) -> anyhow::Result<()> {
    let text = read_raw(file, opts)?;
    print_json(&extract::find_quantities(&text, Lexicon::global()))
}

/// Picks one article: by 1-based number or by path (exact, else a unique part of it).
fn pick(articles: &[Extracted], key: &str) -> anyhow::Result<usize> {
    if let Ok(n) = key.parse::<usize>()
        && (1..=articles.len()).contains(&n)
    {
        return Ok(n - 1);
    }
    if let Some(i) = articles.iter().position(|a| a.path == key) {
        return Ok(i);
    }
    let found: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].path.contains(key))
        .collect();
    match found.as_slice() {
        [i] => Ok(*i),
        [] => anyhow::bail!("{}: no such article in the corpus", display_safe(key)),
        _ => anyhow::bail!(
            "{}: names {} articles; be more specific",
            display_safe(key),
            found.len()
        ),
    }
}

pub fn diff(args: &DiffArgs, opts: &LoadOptions) -> anyhow::Result<()> {
    let (a, b) = (args.a.as_str(), args.b.as_str());
    let (json_out, no_color, width) = (args.json, args.no_color, args.width);
    let lex = Lexicon::global();
    let (index, left, right) = match args.corpus.as_deref() {
        Some(dir) => {
            let articles = load_or_fail(&[dir.to_string()], opts)?;
            let (l, r) = (pick(&articles, a)?, pick(&articles, b)?);
            (Index::build(articles, lex), l, r)
        }
        None => {
            let mut left = load_or_fail(&[a.to_string()], opts)?;
            let mut right = load_or_fail(&[b.to_string()], opts)?;
            left.truncate(1);
            right.truncate(1);
            left.append(&mut right);
            (Index::build(left, lex), 0, 1)
        }
    };
    let d = diff::diff_articles(&index, left, right, lex);
    if json_out {
        return print_json(&d.to_json(&index));
    }
    let colour =
        !no_color && std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal();
    let width = width
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .or_else(|| {
            crossterm::terminal::size()
                .ok()
                .filter(|_| std::io::stdout().is_terminal())
                .map(|(w, _)| w as usize)
        })
        .unwrap_or(100)
        .max(40);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    out.write_all(render_diff(&index, &d, width, colour).as_bytes())?;
    Ok(())
}

const RESET: &str = "\x1b[0m";

fn relation_style(r: Relation) -> (&'static str, &'static str) {
    match r {
        Relation::Same => ("=", "\x1b[2m"),
        Relation::Similar => ("~", "\x1b[33m"),
        Relation::Conflict => ("!", "\x1b[1;31m"),
        Relation::LeftOnly => ("<", "\x1b[36m"),
        Relation::RightOnly => (">", "\x1b[35m"),
    }
}

/// The side-by-side diff for people: a legend, rows in two wrapped columns, a summary.
pub fn render_diff(index: &Index, d: &diff::ReportDiff, width: usize, colour: bool) -> String {
    use std::fmt::Write as _;
    let col = (width - 5) / 2;
    let paint = |s: &str, code: &str| {
        if colour {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let la = &index.articles[d.left];
    let ra = &index.articles[d.right];
    let head = |a: &Extracted| {
        display_safe(&format!(
            "{} ({})",
            a.title.as_deref().unwrap_or(&a.path),
            a.source_label()
        ))
        .into_owned()
    };
    let lh = sentence_cells(&head(la), col);
    let rh = sentence_cells(&head(ra), col);
    for k in 0..lh.len().max(rh.len()) {
        let _ = writeln!(
            out,
            "  {} | {}",
            pad(lh.get(k).map_or("", String::as_str), col),
            rh.get(k).map_or("", String::as_str)
        );
    }
    let _ = writeln!(out, "{}", "-".repeat(width.min(col * 2 + 5)));
    let _ = writeln!(
        out,
        "legend: {} same  {} similar  {} conflict  {} only left  {} only right",
        paint("=", relation_style(Relation::Same).1),
        paint("~", relation_style(Relation::Similar).1),
        paint("!", relation_style(Relation::Conflict).1),
        paint("<", relation_style(Relation::LeftOnly).1),
        paint(">", relation_style(Relation::RightOnly).1),
    );
    let _ = writeln!(out);
    for row in &d.rows {
        let (mark, code) = relation_style(row.relation);
        let text = |r: Option<crosscheck::index::ClaimRef>| {
            r.map_or(String::new(), |r| {
                display_safe(&index.claim(r).text).into_owned()
            })
        };
        let l = sentence_cells(&text(row.left), col);
        let r = sentence_cells(&text(row.right), col);
        let mark = if row.copied { "c" } else { mark };
        for k in 0..l.len().max(r.len()) {
            let m = if k == 0 {
                paint(mark, code)
            } else {
                " ".to_string()
            };
            let lt = pad(l.get(k).map_or("", String::as_str), col);
            let rt = r.get(k).map_or("", String::as_str);
            let (lt, rt) = if row.relation == Relation::Same {
                (paint(&lt, code), paint(rt, code))
            } else {
                (lt, rt.to_string())
            };
            let _ = writeln!(out, "{m} {lt} | {rt}");
        }
        if matches!(row.relation, Relation::Similar | Relation::Conflict) && !row.words.is_empty() {
            let changed: Vec<String> = row
                .words
                .iter()
                .filter(|w| w.op != "equal" && !w.text.trim().is_empty())
                .map(|w| {
                    format!(
                        "{}{}",
                        if w.op == "delete" { "-" } else { "+" },
                        display_safe(w.text.trim())
                    )
                })
                .collect();
            let total = row
                .words
                .iter()
                .filter(|w| !w.text.trim().is_empty())
                .count();
            if !changed.is_empty() && changed.len() * 2 <= total.max(1) {
                let line = format!("  words: {}", changed.join(" "));
                for (k, l) in crosscheck::text::wrap(&line, width - 2)
                    .into_iter()
                    .enumerate()
                {
                    let _ = writeln!(out, "{}{}", if k == 0 { "" } else { "  " }, paint(&l, code));
                }
            }
        }
    }
    let s = d.summary();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{} same, {} similar, {} conflicting, {} only in A, {} only in B",
        s.same, s.similar, s.conflict, s.left_only, s.right_only
    );
    out
}

fn sentence_cells(s: &str, width: usize) -> Vec<String> {
    crosscheck::text::wrap(&s.replace('\n', " "), width)
}

fn pad(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}
