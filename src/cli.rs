//! The command line: arguments, and the headless subcommands that print text or JSON.

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use serde::Serialize;
use serde_json::json;

use crosscheck::corpus::load::LoadOptions;
use crosscheck::corpus::{Article, ParagraphKind};
use crosscheck::extract::{self, sentences};
use crosscheck::text::display_safe;

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

/// Schema version of every JSON document the CLI prints (see docs/json.md).
pub const SCHEMA_VERSION: u32 = 1;

impl Cli {
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            max_file_bytes: self.max_file_mb.saturating_mul(1024 * 1024),
        }
    }
}

/// Loads the paths and reports every problem on stderr. Fails when nothing loaded.
pub fn load_or_fail(paths: &[String], opts: &LoadOptions) -> anyhow::Result<Vec<Article>> {
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
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// The JSON form of an article (see docs/json.md).
pub fn article_json(a: &Article) -> serde_json::Value {
    json!({
        "schema_version": SCHEMA_VERSION,
        "path": a.path,
        "title": a.title,
        "date": a.date.map(|d| d.to_string()),
        "date_source": a.date_source,
        "byline": a.byline,
        "outlet": a.outlet,
        "url": a.url,
        "text": a.text,
        "paragraphs": a.paragraphs.iter().map(|p| json!({
            "text": a.paragraph_text(p),
            "kind": p.kind,
            "start": p.start,
            "end": p.end,
        })).collect::<Vec<_>>(),
        "claims": a.claims,
    })
}

pub fn extract(paths: &[String], json_out: bool, opts: &LoadOptions) -> anyhow::Result<()> {
    let articles = load_or_fail(paths, opts)?;
    if json_out {
        return print_json(&articles.iter().map(article_json).collect::<Vec<_>>());
    }
    let mut out = std::io::stdout().lock();
    for a in &articles {
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
            let speaker = c.attribution.as_ref().map_or(String::new(), |at| {
                format!("  [{}]", display_safe(&at.speaker))
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

fn date_source_word(a: &Article) -> &'static str {
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

pub fn sentences_cmd(file: Option<&str>, opts: &LoadOptions) -> anyhow::Result<()> {
    let text = read_raw(file, opts)?;
    let out: Vec<&str> = sentences::split_text(&text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    print_json(&out)
}

pub fn quantities_cmd(file: Option<&str>, opts: &LoadOptions) -> anyhow::Result<()> {
    let text = read_raw(file, opts)?;
    print_json(&extract::find_quantities(&text))
}
