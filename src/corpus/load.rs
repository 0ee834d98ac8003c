//! Paths, directories, standard input and the embedded seeds to [`Document`]s.

use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::decode::{DecodeError, decode, decode_declared};
use super::formats::{Format, parse_document};
use super::{Document, Problem, mhtml};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// Files larger than this are refused by name without being read.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Extensions read from a directory; other files there are skipped.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "mhtml", "mht", "json", "jsonl",
    "ndjson",
];
/// Extensions of a saved web page, whose assets a browser puts in a folder beside it.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// Where the articles come from, and how much to read at most.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
    /// Files past this many bytes in all are refused by name, so a huge folder cannot exhaust
    /// memory.
    pub max_total_bytes: u64,
    /// How long one file may take from reading to its last claim; `None`: no limit. A file
    /// past it stops cooperatively and is named (see [`crate::budget`]).
    pub file_budget: Option<std::time::Duration>,
}

/// The default bound on a whole corpus: the in-memory index takes a few times the text.
pub const DEFAULT_MAX_TOTAL_BYTES: u64 = 2 * 1024 * 1024 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_total_bytes: DEFAULT_MAX_TOTAL_BYTES,
            file_budget: Some(crate::budget::DEFAULT_FILE_BUDGET),
        }
    }
}

/// What loading produced: the documents, and every file that failed or needed repair.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    /// Bytes of files read so far.
    pub bytes: u64,
}

impl Loaded {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::error(path, message));
    }
}

/// Loads the given arguments: files, directories (recursive, sorted, hidden entries skipped),
/// and `-` for standard input. No arguments means the embedded seed corpus.
///
/// Each document keeps its path as the user typed it, and gets an `id_path` that names the
/// file the same way however it was typed ("events/quake", "/home/me/events/quake", or `.`
/// inside that folder), so that claim ids, and the fact and cluster ids made from them, do
/// not change with the spelling: a folder's files are named by the folder's own name (its
/// canonical path's last part) and their path inside it ("quake/wire/a.txt"); a file given
/// by itself by its folder's name and its file name ("quake/a.txt"), which is the name it
/// gets when its folder is given. When two different folders of the same name are given,
/// the later one's name takes a number in argument order ("quake~2"), so ids stay unique.
/// Standard input is `-`; the seeds keep their `seeds/...` names.
pub fn load_paths(args: &[String], opts: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    if args.is_empty() {
        load_seeds(&mut out);
        return out;
    }
    let mut roots = RootNames::default();
    for arg in args {
        if arg == "-" {
            let mut bytes = Vec::new();
            let limit = opts.max_file_bytes;
            match std::io::stdin().take(limit + 1).read_to_end(&mut bytes) {
                Ok(n) if n as u64 > limit => out.error("-", too_large(limit)),
                Ok(_) => load_bytes("-", &bytes, None, &mut out),
                Err(e) => out.error("-", format!("cannot read standard input: {e}")),
            }
            continue;
        }
        let path = PathBuf::from(arg);
        match std::fs::metadata(&path) {
            Err(e) => out.error(arg, io_reason(&e)),
            Ok(m) if m.is_dir() => {
                let root = roots.name(&path);
                load_dir(&path, &root, opts, &mut out)
            }
            Ok(_) => {
                let folder = match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let root = roots.name(folder);
                let file = path.file_name().map(|n| n.to_string_lossy());
                let id_path = join_id(&root, file.as_deref().unwrap_or(arg));
                load_file(&path, &id_path, opts, &mut out)
            }
        }
    }
    out
}

/// The names ids give the folders of one load: a folder's own name, numbered when another
/// folder of the same name came first.
#[derive(Default)]
struct RootNames {
    /// Each name given, with the canonical folders that had it, in order.
    seen: rustc_hash::FxHashMap<String, Vec<PathBuf>>,
}

impl RootNames {
    fn name(&mut self, folder: &Path) -> String {
        let canonical = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        let name = canonical
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folders = self.seen.entry(name.clone()).or_default();
        let n = match folders.iter().position(|f| *f == canonical) {
            Some(n) => n,
            None => {
                folders.push(canonical);
                folders.len() - 1
            }
        };
        if n == 0 {
            name
        } else {
            format!("{name}~{}", n + 1)
        }
    }
}

/// `root/rest`, or `rest` alone under a root with no name (the file system's root).
fn join_id(root: &str, rest: &str) -> String {
    if root.is_empty() {
        rest.to_string()
    } else {
        format!("{root}/{rest}")
    }
}

/// The seed articles built into the binary.
pub fn load_seeds(out: &mut Loaded) {
    for (name, bytes) in SEEDS {
        load_bytes(name, bytes, None, out);
    }
}

fn load_dir(dir: &Path, root: &str, opts: &LoadOptions, out: &mut Loaded) {
    let before = out.documents.len();
    let mut files = Vec::new();
    let mut skipped = 0usize;
    walk(dir, &mut files, &mut skipped, out);
    files.sort();
    // Files are admitted in order (the corpus budget counts them in that order), then read,
    // decoded and parsed in parallel, and their documents kept in order.
    let admitted: Vec<&PathBuf> = files.iter().filter(|f| admit(f, opts, out)).collect();
    let parts: Vec<Loaded> = admitted
        .par_iter()
        .map(|f| {
            let mut part = Loaded::default();
            let inside = f.strip_prefix(dir).unwrap_or(f);
            let inside: Vec<_> = inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            read_file(f, &join_id(root, &inside.join("/")), opts, &mut part);
            part
        })
        .collect();
    for part in parts {
        out.documents.extend(part.documents);
        out.problems.extend(part.problems);
    }
    if out.documents.len() == before && files.is_empty() {
        let extra = if skipped > 0 {
            format!(" ({skipped} file(s) with other extensions skipped)")
        } else {
            String::new()
        };
        out.error(
            dir.display().to_string(),
            format!("directory holds no articles (.txt, .md, .html, .mhtml, .json, .jsonl){extra}"),
        );
    }
}

/// Collects article files below `dir`. Symbolic links to directories are not followed, so a
/// link loop cannot trap the walk. The folder a browser saves beside a page ("Page_files",
/// "Page-Dateien" beside "Page.html") holds the page's images, scripts and frames, not
/// articles: it is skipped.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut usize, out: &mut Loaded) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.error(dir.display().to_string(), io_reason(&e));
            return;
        }
    };
    let entries: Vec<std::fs::DirEntry> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    let page_stems: rustc_hash::FxHashSet<String> = entries
        .iter()
        .map(|e| e.path())
        .filter(|p| has_extension(p, PAGE_EXTENSIONS))
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    for entry in entries {
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            if !is_saved_page_assets(&entry.file_name().to_string_lossy(), &page_stems) {
                walk(&path, files, skipped, out);
            }
        } else if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_file() && has_article_extension(&path) => files.push(path),
                Ok(m) if m.is_file() => *skipped += 1,
                Ok(_) => {}
                Err(e) => out.error(path.display().to_string(), io_reason(&e)),
            }
        } else if has_article_extension(&path) {
            files.push(path);
        } else {
            *skipped += 1;
        }
    }
}

/// A folder named after a page beside it, a separator and one word: "Page_files".
fn is_saved_page_assets(name: &str, page_stems: &rustc_hash::FxHashSet<String>) -> bool {
    name.char_indices()
        .filter(|&(_, c)| matches!(c, '_' | '-' | '.'))
        .any(|(i, _)| {
            let word = &name[i + 1..];
            page_stems.contains(&name[..i])
                && (1..=20).contains(&word.chars().count())
                && word.chars().all(char::is_alphabetic)
        })
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
}

fn has_article_extension(path: &Path) -> bool {
    has_extension(path, ARTICLE_EXTENSIONS)
}

fn load_file(path: &Path, id_path: &str, opts: &LoadOptions, out: &mut Loaded) {
    if admit(path, opts, out) {
        read_file(path, id_path, opts, out);
    }
}

/// Whether a file fits the per-file and corpus size limits (counting it in the corpus if so);
/// if not, the reason is recorded.
fn admit(path: &Path, opts: &LoadOptions, out: &mut Loaded) -> bool {
    let name = path.display().to_string();
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => {
            out.error(name, io_reason(&e));
            return false;
        }
    };
    if size > opts.max_file_bytes {
        out.error(name, too_large(opts.max_file_bytes));
        return false;
    }
    if out.bytes + size > opts.max_total_bytes {
        out.error(
            name,
            format!(
                "corpus size limit reached ({} MB in all): not loaded",
                opts.max_total_bytes / (1024 * 1024)
            ),
        );
        return false;
    }
    out.bytes += size;
    true
}

/// Reads, decodes and parses an admitted file, whose documents' ids are made from `id_path`
/// (with each record's `:LINE` or `#INDEX`).
fn read_file(path: &Path, id_path: &str, opts: &LoadOptions, out: &mut Loaded) {
    let name = path.display().to_string();
    let before = out.documents.len();
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| {
        // Sized from the file's length (within the cap), so that reading it seldom grows
        // and copies the buffer; a file that grew since is still read to its end.
        let len = f.metadata().map_or(0, |m| m.len()).min(opts.max_file_bytes);
        bytes.reserve_exact(usize::try_from(len).unwrap_or(0).saturating_add(1));
        f.take(opts.max_file_bytes + 1).read_to_end(&mut bytes)
    });
    match read {
        Err(e) => out.error(&name, io_reason(&e)),
        Ok(n) if n as u64 > opts.max_file_bytes => out.error(&name, too_large(opts.max_file_bytes)),
        Ok(_) => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            load_bytes(&name, &bytes, ext.as_deref(), out)
        }
    }
    for doc in &mut out.documents[before..] {
        let record = doc.path.strip_prefix(name.as_str()).unwrap_or_default();
        doc.id_path = format!("{id_path}{record}");
    }
}

/// Decodes and parses one file's bytes; `ext` chooses the format, else the content decides.
/// Each document records the time this took, which counts against its file's budget.
pub fn load_bytes(name: &str, bytes: &[u8], ext: Option<&str>, out: &mut Loaded) {
    let started = std::time::Instant::now();
    let before = out.documents.len();
    parse_bytes(name, bytes, ext, out);
    let read_time = started.elapsed();
    for doc in &mut out.documents[before..] {
        doc.read_time = read_time;
    }
}

fn parse_bytes(name: &str, bytes: &[u8], ext: Option<&str>, out: &mut Loaded) {
    let named_mhtml = matches!(ext, Some("mhtml" | "mht"));
    if named_mhtml || (ext.is_none() && mhtml::sniff(bytes)) {
        match mhtml::page(bytes) {
            Ok(page) => {
                return load_decoded(
                    name,
                    decode_declared(&page.html, page.charset),
                    Some(Format::Html),
                    out,
                );
            }
            Err(e) if named_mhtml => return out.error(name, e.to_string()),
            Err(_) => {}
        }
    }
    load_decoded(
        name,
        decode(bytes),
        ext.and_then(Format::from_extension),
        out,
    );
}

/// Parses decoded text in the given format, else the one its content suggests.
fn load_decoded(
    name: &str,
    decoded: Result<super::decode::Decoded, DecodeError>,
    format: Option<Format>,
    out: &mut Loaded,
) {
    let decoded = match decoded {
        Ok(d) => d,
        Err(DecodeError::Empty) => return out.error(name, "empty file: nothing to read"),
        Err(DecodeError::Binary) => return out.error(name, "binary file: not an article"),
    };
    for w in decoded.warnings {
        out.problems.push(Problem::warning(name, w));
    }
    let format = format.unwrap_or_else(|| Format::sniff(&decoded.text));
    let parsed = parse_document(name, &decoded.text, format);
    out.documents.extend(parsed.documents);
    out.problems.extend(parsed.problems);
}

fn too_large(limit: u64) -> String {
    format!(
        "file too large: over the {} MB limit, not read",
        limit / (1024 * 1024)
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links".into(),
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_embedded() {
        let mut out = Loaded::default();
        load_seeds(&mut out);
        assert!(!out.documents.is_empty());
        assert!(out.documents.iter().all(|d| d.path.starts_with("seeds/")));
        assert!(out.problems.is_empty());
    }

    #[test]
    fn directory_walk_is_sorted_and_skips_hidden() {
        let dir = std::env::temp_dir().join(format!("cc-walk-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "Second article body text here.").unwrap();
        std::fs::write(dir.join("sub/a.txt"), "First article body text here.").unwrap();
        std::fs::write(dir.join(".hidden.txt"), "Hidden.").unwrap();
        std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G']).unwrap();
        let loaded = load_paths(&[dir.display().to_string()], &LoadOptions::default());
        let names: Vec<_> = loaded
            .documents
            .iter()
            .map(|d| d.path.rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, ["b.txt", "a.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The id paths of a load, in order.
    fn id_paths(args: &[PathBuf]) -> Vec<String> {
        let args: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
        load_paths(&args, &LoadOptions::default())
            .documents
            .into_iter()
            .map(|d| d.id_path)
            .collect()
    }

    #[test]
    fn id_paths_name_files_the_same_however_their_folder_is_spelled() {
        let dir = std::env::temp_dir().join(format!("cc-ids-{}", std::process::id()));
        let event = dir.join("flood");
        std::fs::create_dir_all(event.join("wire")).unwrap();
        std::fs::write(event.join("a.txt"), "Rain fell for two days.").unwrap();
        std::fs::write(event.join("wire/b.txt"), "Rivers rose by a metre.").unwrap();
        std::fs::write(
            event.join("feed.jsonl"),
            "{\"title\": \"T\", \"text\": \"Roads closed.\"}\n",
        )
        .unwrap();
        let expected = ["flood/a.txt", "flood/feed.jsonl:1", "flood/wire/b.txt"];
        assert_eq!(id_paths(std::slice::from_ref(&event)), expected);
        assert_eq!(id_paths(&[event.join("wire/..")]), expected);
        assert_eq!(id_paths(&[event.join(".")]), expected);
        // A file given by itself is named as when its folder is given.
        assert_eq!(id_paths(&[event.join("wire/../a.txt")]), ["flood/a.txt"]);
        assert_eq!(id_paths(&[event.join("wire/b.txt")]), ["wire/b.txt"]);
        // The displayed path stays as typed.
        let typed = event.join("wire/..").display().to_string();
        let loaded = load_paths(std::slice::from_ref(&typed), &LoadOptions::default());
        assert!(loaded.documents[0].path.starts_with(&typed));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn two_folders_of_one_name_get_different_id_paths() {
        let dir = std::env::temp_dir().join(format!("cc-ids-twice-{}", std::process::id()));
        for side in ["left", "right"] {
            std::fs::create_dir_all(dir.join(side).join("flood")).unwrap();
            std::fs::write(dir.join(side).join("flood/a.txt"), "Rain fell.").unwrap();
        }
        let (left, right) = (dir.join("left/flood"), dir.join("right/flood"));
        assert_eq!(
            id_paths(&[left.clone(), right.clone(), left.join("a.txt")]),
            ["flood/a.txt", "flood~2/a.txt", "flood/a.txt"]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn oversized_file_is_refused_unread() {
        let dir = std::env::temp_dir().join(format!("cc-big-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("big.txt");
        std::fs::write(&f, "x".repeat(2048)).unwrap();
        let loaded = load_paths(
            &[f.display().to_string()],
            &LoadOptions {
                max_file_bytes: 1024,
                ..LoadOptions::default()
            },
        );
        assert!(loaded.documents.is_empty());
        assert!(loaded.problems[0].message.contains("too large"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_corpus_budget_refuses_files_past_it_by_name() {
        let dir = std::env::temp_dir().join(format!("cc-budget-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for n in 0..3 {
            std::fs::write(
                dir.join(format!("{n}.txt")),
                "Figures rose again this week, officials said.\n".repeat(20),
            )
            .unwrap();
        }
        let opts = LoadOptions {
            max_total_bytes: 2000,
            ..LoadOptions::default()
        };
        let loaded = load_paths(&[dir.display().to_string()], &opts);
        assert_eq!(loaded.documents.len(), 2);
        assert!(loaded.problems[0].path.ends_with("2.txt"));
        assert!(loaded.problems[0].message.contains("corpus size limit"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
