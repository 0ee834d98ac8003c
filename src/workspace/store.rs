//! The workspace database: SQLite in WAL mode with a busy timeout, one transaction per change,
//! a schema version (`user_version`) with migrations, and never a write to a database this
//! build cannot read.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};

use super::keys::{ClaimKey, FactKey, MemberKey};
use super::marks::{Mark, Rating};

/// The database's file name inside a workspace folder.
pub const DB_FILE: &str = "workspace.sqlite";
/// The workspace folder made beside an opened corpus.
pub const DIR_NAME: &str = ".crosscheck";
/// Tells a crosscheck workspace from other SQLite files ("ccws").
const APPLICATION_ID: i64 = 0x6363_7773;
/// The schema this build reads and writes.
pub const SCHEMA_VERSION: i64 = 1;
/// How long a change waits for another instance's transaction to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// `MIGRATIONS[v]` takes a database from schema `v` to `v + 1`.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE claim_marks (
        article TEXT NOT NULL,   -- SHA-256 of the article's extracted text
        claim   TEXT NOT NULL,   -- the claim's sentence
        rating  TEXT NOT NULL,
        note    TEXT NOT NULL,
        at      TEXT NOT NULL,   -- RFC 3339
        path    TEXT NOT NULL,   -- where the article was when marked, for people
        PRIMARY KEY (article, claim)
    ) WITHOUT ROWID;
    CREATE TABLE fact_marks (
        fact   TEXT PRIMARY KEY, -- SHA-256 of the sorted members' keys
        label  TEXT NOT NULL,
        rating TEXT NOT NULL,
        note   TEXT NOT NULL,
        at     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE fact_mark_members (
        fact    TEXT NOT NULL,
        article TEXT NOT NULL,
        claim   TEXT NOT NULL,
        figure  TEXT NOT NULL,   -- the figure as written
        PRIMARY KEY (fact, article, claim, figure)
    ) WITHOUT ROWID;
"];

/// Why marks cannot be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(
        "{path}: damaged or not a database ({reason}); left as it is (move it aside to start a new workspace)"
    )]
    Damaged { path: String, reason: String },
    #[error(
        "{path}: written by a newer crosscheck (workspace schema {found}; this one knows {known}); left as it is, marks are neither read nor saved (update crosscheck to use them)"
    )]
    Newer {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path}: another program's database, not a crosscheck workspace; left as it is")]
    Foreign { path: String },
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    #[error("cannot create the workspace folder {path}: {source}")]
    Create {
        path: String,
        source: std::io::Error,
    },
    #[error("marks are not saved: {0}")]
    NotWritable(String),
}

/// What can be done with a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// No database yet: the first mark creates it.
    New,
    ReadWrite,
    /// Marks are read, never written (as `crosscheck report` opens a workspace); why.
    ReadOnly(String),
    /// No marks at all; why.
    Unavailable(String),
}

/// A claim mark as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredClaimMark {
    pub key: ClaimKey,
    pub mark: Mark,
}

/// A fact mark as stored, with the members it was set on.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFactMark {
    pub key: FactKey,
    pub label: String,
    pub mark: Mark,
}

/// Every mark in a workspace.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    pub claims: Vec<StoredClaimMark>,
    pub facts: Vec<StoredFactMark>,
}

/// A workspace database, open or still to be created.
#[derive(Debug)]
pub struct Workspace {
    path: PathBuf,
    conn: Option<Connection>,
    access: Access,
}

/// Where the workspace of a corpus opened from `paths` lives: `.crosscheck/workspace.sqlite`
/// in the first path's folder (the folder itself, or a file's folder), or in `data_dir` for
/// the embedded seeds and standard input.
pub fn location(paths: &[String], data_dir: Option<&Path>) -> Option<PathBuf> {
    match paths.first() {
        None => data_dir.map(|d| d.join(DB_FILE)),
        Some(p) if p == "-" => data_dir.map(|d| d.join(DB_FILE)),
        Some(p) => {
            let p = Path::new(p);
            let dir = if p.is_dir() {
                p.to_path_buf()
            } else {
                match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => PathBuf::from("."),
                }
            };
            Some(dir.join(DIR_NAME).join(DB_FILE))
        }
    }
}

impl Workspace {
    /// Opens the workspace at `path` to read and write marks. An existing database is checked
    /// (format, integrity, schema version) and migrated; a missing one is created with the
    /// first mark. Never fails: what cannot be done is in [`Workspace::access`].
    pub fn open(path: &Path) -> Workspace {
        let mut ws = Workspace {
            path: path.to_path_buf(),
            conn: None,
            access: Access::New,
        };
        if !path.exists() {
            return ws;
        }
        if let Err(e) = ws.connect(false) {
            ws.conn = None;
            ws.access = Access::Unavailable(e.to_string());
        }
        ws
    }

    /// Opens the workspace at `path` to read marks only: nothing is created or changed.
    pub fn open_read_only(path: &Path) -> Workspace {
        let mut ws = Workspace {
            path: path.to_path_buf(),
            conn: None,
            access: Access::Unavailable("no workspace yet".into()),
        };
        if !path.exists() {
            return ws;
        }
        match ws.connect(true) {
            Ok(()) => ws.access = Access::ReadOnly("opened read-only".into()),
            Err(e) => {
                ws.conn = None;
                ws.access = Access::Unavailable(e.to_string());
            }
        }
        ws
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    /// A sentence for people when marks cannot be saved or read; `None` when all is well.
    pub fn notice(&self) -> Option<&str> {
        match &self.access {
            Access::New | Access::ReadWrite | Access::ReadOnly(_) => None,
            Access::Unavailable(why) => Some(why),
        }
    }

    fn name(&self) -> String {
        self.path.display().to_string()
    }

    fn sqlite(&self) -> impl Fn(rusqlite::Error) -> WorkspaceError + '_ {
        move |source| WorkspaceError::Sqlite {
            path: self.name(),
            source,
        }
    }

    /// Opens the existing file and checks it; read-write connections are migrated.
    fn connect(&mut self, read_only: bool) -> Result<(), WorkspaceError> {
        let flags = if read_only {
            read_only_flags()
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(&self.path, flags).map_err(|e| self.damaged(e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(self.sqlite())?;
        self.check(&conn)?;
        if !read_only {
            prepare(&conn).map_err(self.sqlite())?;
            self.migrate(&conn)?;
            self.access = Access::ReadWrite;
        }
        self.conn = Some(conn);
        Ok(())
    }

    fn damaged(&self, e: rusqlite::Error) -> WorkspaceError {
        WorkspaceError::Damaged {
            path: self.name(),
            reason: e.to_string(),
        }
    }

    /// Refuses a file that is not a database, is damaged, belongs to another program, or was
    /// written by a newer schema.
    fn check(&self, conn: &Connection) -> Result<(), WorkspaceError> {
        // One read transaction: the header and the tables are read from one snapshot, not
        // from either side of another process's first commit.
        let snapshot = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Deferred)
            .map_err(|e| self.damaged(e))?;
        let conn: &Connection = &snapshot;
        let (app, version) = header(conn).map_err(|e| self.damaged(e))?;
        if app != 0 && app != APPLICATION_ID {
            return Err(WorkspaceError::Foreign { path: self.name() });
        }
        if app == 0 {
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(|e| self.damaged(e))?;
            if tables > 0 {
                return Err(WorkspaceError::Foreign { path: self.name() });
            }
        }
        if version > SCHEMA_VERSION {
            return Err(WorkspaceError::Newer {
                path: self.name(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        let verdict: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| self.damaged(e))?;
        if verdict != "ok" {
            return Err(WorkspaceError::Damaged {
                path: self.name(),
                reason: verdict,
            });
        }
        Ok(())
    }

    /// Brings the schema up to date in one transaction (another instance may be doing the
    /// same: the version is read again inside it).
    fn migrate(&self, conn: &Connection) -> Result<(), WorkspaceError> {
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
            .map_err(self.sqlite())?;
        let (_, version) = header(&tx).map_err(self.sqlite())?;
        if version > SCHEMA_VERSION {
            return Err(WorkspaceError::Newer {
                path: self.name(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        for step in &MIGRATIONS[version.max(0) as usize..] {
            tx.execute_batch(step).map_err(self.sqlite())?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(self.sqlite())?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(self.sqlite())?;
        tx.commit().map_err(self.sqlite())
    }

    /// The connection to write with, creating the database if it is new.
    fn writable(&mut self) -> Result<&mut Connection, WorkspaceError> {
        match &self.access {
            Access::ReadWrite => {}
            Access::New => {
                if let Some(dir) = self.path.parent() {
                    std::fs::create_dir_all(dir).map_err(|source| WorkspaceError::Create {
                        path: dir.display().to_string(),
                        source,
                    })?;
                }
                let conn = Connection::open(&self.path).map_err(self.sqlite())?;
                conn.busy_timeout(BUSY_TIMEOUT).map_err(self.sqlite())?;
                self.check(&conn)?;
                prepare(&conn).map_err(self.sqlite())?;
                self.migrate(&conn)?;
                self.conn = Some(conn);
                self.access = Access::ReadWrite;
            }
            Access::ReadOnly(why) | Access::Unavailable(why) => {
                return Err(WorkspaceError::NotWritable(why.clone()));
            }
        }
        let path = self.name();
        self.conn.as_mut().ok_or(WorkspaceError::NotWritable(path))
    }

    /// Every stored mark; none while the workspace is new or unavailable. Rows this build
    /// cannot read (a rating it does not know) are skipped.
    pub fn stored(&self) -> Result<Stored, WorkspaceError> {
        let Some(conn) = &self.conn else {
            return Ok(Stored::default());
        };
        let rating = |s: String| Rating::parse(&s);
        let mut out = Stored::default();
        let mut q = conn
            .prepare("SELECT article, claim, rating, note, at FROM claim_marks")
            .map_err(self.sqlite())?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    ClaimKey {
                        article: r.get(0)?,
                        text: r.get(1)?,
                    },
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(self.sqlite())?;
        for row in rows {
            let (key, r, note, at) = row.map_err(self.sqlite())?;
            if let Some(rating) = rating(r) {
                out.claims.push(StoredClaimMark {
                    key,
                    mark: Mark { rating, note, at },
                });
            }
        }
        let mut members: rustc_hash::FxHashMap<String, Vec<MemberKey>> = Default::default();
        let mut q = conn
            .prepare("SELECT fact, article, claim, figure FROM fact_mark_members")
            .map_err(self.sqlite())?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    MemberKey {
                        article: r.get(1)?,
                        claim: r.get(2)?,
                        figure: r.get(3)?,
                    },
                ))
            })
            .map_err(self.sqlite())?;
        for row in rows {
            let (fact, m) = row.map_err(self.sqlite())?;
            members.entry(fact).or_default().push(m);
        }
        let mut q = conn
            .prepare("SELECT fact, label, rating, note, at FROM fact_marks")
            .map_err(self.sqlite())?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(self.sqlite())?;
        for row in rows {
            let (digest, label, r, note, at) = row.map_err(self.sqlite())?;
            if let Some(rating) = rating(r) {
                let mut key = FactKey::new(members.remove(&digest).unwrap_or_default());
                key.digest = digest;
                out.facts.push(StoredFactMark {
                    key,
                    label,
                    mark: Mark { rating, note, at },
                });
            }
        }
        Ok(out)
    }

    /// Runs `write` in one immediate transaction on the writable connection and commits it:
    /// every change is whole or absent.
    fn in_transaction(
        &mut self,
        write: impl FnOnce(&rusqlite::Transaction) -> rusqlite::Result<()>,
    ) -> Result<(), WorkspaceError> {
        let name = self.name();
        let err = move |source| WorkspaceError::Sqlite {
            path: name.clone(),
            source,
        };
        let conn = self.writable()?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        write(&tx).map_err(&err)?;
        tx.commit().map_err(&err)
    }

    /// Sets (or with `None` clears) a claim's mark in one transaction, replacing the marks of
    /// its text stored under the article keys in `replaces` (its article's older texts).
    pub fn set_claim_mark(
        &mut self,
        key: &ClaimKey,
        replaces: &[String],
        path: &str,
        mark: Option<&Mark>,
    ) -> Result<(), WorkspaceError> {
        self.in_transaction(|tx| {
            for article in replaces.iter().chain([&key.article]) {
                tx.execute(
                    "DELETE FROM claim_marks WHERE article = ?1 AND claim = ?2",
                    params![article, key.text],
                )?;
            }
            if let Some(m) = mark {
                tx.execute(
                    "INSERT INTO claim_marks (article, claim, rating, note, at, path)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![key.article, key.text, m.rating.as_str(), m.note, m.at, path],
                )?;
            }
            Ok(())
        })
    }

    /// Sets (or with `None` clears) a fact's mark in one transaction, replacing the marks
    /// stored under the digests in `replaces` (the same fact when its members differed).
    pub fn set_fact_mark(
        &mut self,
        key: &FactKey,
        replaces: &[String],
        label: &str,
        mark: Option<&Mark>,
    ) -> Result<(), WorkspaceError> {
        self.in_transaction(|tx| {
            for digest in replaces.iter().chain([&key.digest]) {
                tx.execute("DELETE FROM fact_marks WHERE fact = ?1", params![digest])?;
                tx.execute(
                    "DELETE FROM fact_mark_members WHERE fact = ?1",
                    params![digest],
                )?;
            }
            if let Some(m) = mark {
                tx.execute(
                    "INSERT INTO fact_marks (fact, label, rating, note, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![key.digest, label, m.rating.as_str(), m.note, m.at],
                )?;
                for k in &key.members {
                    tx.execute(
                        "INSERT OR IGNORE INTO fact_mark_members (fact, article, claim, figure)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![key.digest, k.article, k.claim, k.figure],
                    )?;
                }
            }
            Ok(())
        })
    }
}

fn read_only_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// The application id and schema version in the database header.
fn header(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok((app, version))
}

/// WAL, so readers never block the writer and a killed writer leaves the last commit intact;
/// every commit synced.
fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    // Switching to WAL needs the file to itself and does not wait on the busy handler: a
    // second process setting up the same new workspace retries until the timeout.
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(())) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            done => break done?,
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cc-ws-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn key(text: &str) -> ClaimKey {
        ClaimKey {
            article: "a".repeat(64),
            text: text.into(),
        }
    }

    fn mark(rating: Rating, note: &str) -> Mark {
        Mark {
            rating,
            note: note.into(),
            at: "2026-01-02T03:04:05Z".into(),
        }
    }

    #[test]
    fn a_new_workspace_is_created_with_the_first_mark_and_reopened() {
        let dir = temp("new");
        let path = dir.join(DIR_NAME).join(DB_FILE);
        let mut ws = Workspace::open(&path);
        assert_eq!(ws.access(), &Access::New);
        assert!(!path.exists(), "opening creates nothing");
        ws.set_claim_mark(
            &key("Two bridges closed."),
            &[],
            "a.txt",
            Some(&mark(Rating::Verified, "city site")),
        )
        .unwrap();
        assert!(path.exists());
        drop(ws);
        let ws = Workspace::open(&path);
        assert_eq!(ws.access(), &Access::ReadWrite);
        let stored = ws.stored().unwrap();
        assert_eq!(stored.claims.len(), 1);
        assert_eq!(stored.claims[0].mark.note, "city site");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_change_replaces_the_mark_and_none_clears_it() {
        let dir = temp("change");
        let path = dir.join(DB_FILE);
        let mut ws = Workspace::open(&path);
        let k = key("Ten people were hurt.");
        ws.set_claim_mark(&k, &[], "a.txt", Some(&mark(Rating::Disputed, "")))
            .unwrap();
        ws.set_claim_mark(&k, &[], "a.txt", Some(&mark(Rating::False, "x")))
            .unwrap();
        let stored = ws.stored().unwrap();
        assert_eq!(stored.claims.len(), 1);
        assert_eq!(stored.claims[0].mark.rating, Rating::False);
        ws.set_claim_mark(&k, &[], "a.txt", None).unwrap();
        assert!(ws.stored().unwrap().claims.is_empty());
        let fact = FactKey::new(vec![MemberKey {
            article: "b".into(),
            claim: "Ten people were hurt.".into(),
            figure: "Ten people".into(),
        }]);
        ws.set_fact_mark(&fact, &[], "people hurt", Some(&mark(Rating::Verified, "")))
            .unwrap();
        let stored = ws.stored().unwrap();
        assert_eq!(stored.facts.len(), 1);
        assert_eq!(stored.facts[0].key, fact);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_that_is_not_a_database_is_left_alone() {
        let dir = temp("junk");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(DB_FILE);
        let junk = b"these are not the pages of a database, just some words".repeat(100);
        std::fs::write(&path, &junk).unwrap();
        let mut ws = Workspace::open(&path);
        assert!(
            matches!(ws.access(), Access::Unavailable(why) if why.contains("damaged")),
            "{:?}",
            ws.access()
        );
        assert!(ws.stored().unwrap().claims.is_empty());
        let err = ws
            .set_claim_mark(&key("x"), &[], "a.txt", Some(&mark(Rating::False, "")))
            .unwrap_err();
        assert!(matches!(err, WorkspaceError::NotWritable(_)), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), junk, "never overwritten");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_unchanged() {
        let dir = temp("newer");
        let path = dir.join(DB_FILE);
        let mut ws = Workspace::open(&path);
        ws.set_claim_mark(&key("x"), &[], "a.txt", Some(&mark(Rating::False, "")))
            .unwrap();
        drop(ws);
        let future = Connection::open(&path).unwrap();
        future
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        future
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
        drop(future);
        let before = std::fs::read(&path).unwrap();
        for mut ws in [Workspace::open(&path), Workspace::open_read_only(&path)] {
            let why = ws.notice().expect("a notice").to_string();
            assert!(why.contains("newer crosscheck"), "{why}");
            assert!(ws.stored().unwrap().claims.is_empty());
            assert!(
                ws.set_claim_mark(&key("y"), &[], "a.txt", Some(&mark(Rating::False, "")))
                    .is_err()
            );
        }
        assert_eq!(std::fs::read(&path).unwrap(), before, "never written");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn another_programs_database_is_refused() {
        let dir = temp("foreign");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(DB_FILE);
        let other = Connection::open(&path).unwrap();
        other
            .execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a');")
            .unwrap();
        drop(other);
        let ws = Workspace::open(&path);
        assert!(
            matches!(ws.access(), Access::Unavailable(why) if why.contains("another program")),
            "{:?}",
            ws.access()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_workspace_folder_sits_beside_the_opened_corpus() {
        let data = Path::new("/data/crosscheck");
        assert_eq!(location(&[], Some(data)), Some(data.join(DB_FILE)));
        assert_eq!(
            location(&["-".into()], Some(data)),
            Some(data.join(DB_FILE))
        );
        assert_eq!(
            location(&["news/a.txt".into()], Some(data)),
            Some(PathBuf::from("news/.crosscheck/workspace.sqlite"))
        );
        assert_eq!(
            location(&["a.txt".into()], None),
            Some(PathBuf::from("./.crosscheck/workspace.sqlite"))
        );
    }
}
