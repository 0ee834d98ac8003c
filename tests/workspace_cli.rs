//! The review workspace under stress, through the binary: killed mid-write, written by a
//! future version, damaged, shared by two processes at once.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use common::{bin, json, temp_dir};
use rusqlite::Connection;

/// Every seed claim's id.
fn seed_claims() -> Vec<String> {
    json(&["extract", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["claims"].as_array().unwrap())
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// `crosscheck mark` on the seeds, with the workspace in `ws`.
fn mark(ws: &Path, ids: &[String], rating: &str, note: &str) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.env("CROSSCHECK_CONFIG", "/nonexistent")
        .arg("mark")
        .arg("--workspace")
        .arg(ws)
        .args(["--rating", rating, "--note", note]);
    for id in ids {
        c.args(["--claim", id]);
    }
    c
}

/// Every stored claim mark: (rating, note).
fn rows(db: &Path) -> Vec<(String, String)> {
    let conn = Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut q = conn
        .prepare("SELECT rating, note FROM claim_marks")
        .unwrap();
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_process_killed_while_writing_marks_leaves_the_workspace_whole() {
    let ws = temp_dir("kill");
    let db = ws.join("workspace.sqlite");
    let ids = seed_claims();
    let note_of = |rating: &str| {
        format!(
            "{rating}: {}",
            ["checked against the ministry's list"; 20].join(" ")
        )
    };
    let status = mark(&ws, &ids[..5], "verified", &note_of("verified"))
        .output()
        .unwrap();
    assert!(status.status.success());
    for (round, rating) in [
        "false",
        "misleading",
        "verified",
        "disputed",
        "false",
        "verified",
    ]
    .into_iter()
    .enumerate()
    {
        // Every claim twenty times over: the process is still writing when it is killed.
        let many: Vec<String> = ids.iter().cycle().take(ids.len() * 20).cloned().collect();
        let mut child = mark(&ws, &many, rating, &note_of(rating))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Each line is a committed mark: kill after a few, while the next is being written.
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        for _ in 0..(3 + round * 9) {
            lines.next();
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "killed, not finished");
        }
        let stored = rows(&db);
        assert!(
            stored.len() >= 5 && stored.len() <= ids.len(),
            "{}",
            stored.len()
        );
        for (r, note) in &stored {
            assert_eq!(note, &note_of(r), "every mark is whole");
        }
        assert!(
            stored.iter().filter(|(r, _)| r == rating).count() >= 3 + round * 9,
            "the marks committed before the kill are kept"
        );
    }
    let out = mark(&ws, &ids[..2], "unverifiable", "after the kills")
        .output()
        .unwrap();
    assert!(out.status.success(), "the workspace still takes marks");
    let report = bin()
        .args(["report", "--marked", "--format", "json", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(report.status.success());
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(report["claims"].as_array().unwrap().len(), rows(&db).len());
    std::fs::remove_dir_all(&ws).unwrap();
}

#[test]
fn a_workspace_from_a_future_version_is_refused_and_left_as_it_is() {
    let ws = temp_dir("future");
    let db = ws.join("workspace.sqlite");
    let ids = seed_claims();
    assert!(
        mark(&ws, &ids[..1], "verified", "")
            .output()
            .unwrap()
            .status
            .success()
    );
    let conn = Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    conn.pragma_update(None, "user_version", 7).unwrap();
    conn.execute_batch("CREATE TABLE source_notes (text TEXT)")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&db).unwrap();
    let out = mark(&ws, &ids[1..2], "false", "").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("written by a newer crosscheck (workspace schema 7; this one knows 1)"),
        "{err}"
    );
    let out = bin()
        .args(["report", "--format", "json", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a report is still made, without marks"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer crosscheck"));
    assert_eq!(std::fs::read(&db).unwrap(), before, "not a byte changed");
    std::fs::remove_dir_all(&ws).unwrap();
}

#[test]
fn a_damaged_workspace_is_named_and_never_overwritten() {
    let ws = temp_dir("damaged");
    let db = ws.join("workspace.sqlite");
    let ids = seed_claims();
    assert!(
        mark(&ws, &ids[..3], "verified", "")
            .output()
            .unwrap()
            .status
            .success()
    );
    let conn = Connection::open(&db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().skip(100).take(3000) {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let out = mark(&ws, &ids[..1], "false", "").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("damaged") && err.contains("workspace.sqlite"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    std::fs::remove_dir_all(&ws).unwrap();
}

#[test]
fn two_processes_marking_at_once_both_land() {
    let ws = temp_dir("two");
    let ids = seed_claims();
    let (a, b) = ids.split_at(ids.len() / 2);
    let quiet = |mut c: std::process::Command| {
        c.stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut first = quiet(mark(&ws, a, "verified", "first"));
    let mut second = quiet(mark(&ws, b, "disputed", "second"));
    assert!(first.wait().unwrap().success());
    assert!(second.wait().unwrap().success());
    let stored = rows(&ws.join("workspace.sqlite"));
    assert_eq!(stored.len(), ids.len());
    assert_eq!(
        stored.iter().filter(|(r, _)| r == "verified").count(),
        a.len()
    );
    std::fs::remove_dir_all(&ws).unwrap();
}
