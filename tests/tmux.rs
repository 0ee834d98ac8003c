//! The real binary in a real terminal: tmux runs it, keys are typed, the screen is read.
//! Skipped (with a note) where tmux is not installed; CI installs it.

use std::process::Command;
use std::time::{Duration, Instant};

struct Session(String);

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .output();
    }
}

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// How long a screen may take to show what a test waits for: loading the seeds in a debug
/// build takes a second or two, many times that while the other test binaries run beside it.
const PATIENCE: Duration = Duration::from_secs(60);

fn wait_for(session: &str, needle: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", session]);
        if screen.contains(needle) {
            return screen;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "never saw {needle:?}; screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A workspace folder of its own for a test, so no test writes marks where a person keeps
/// theirs.
fn workspace(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-tmux-ws-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Starts the app in a new tmux session of the given size, under a shell that prints the
/// exit status afterwards; `None` (the test is skipped) where tmux is not installed.
fn start(tag: &str, width: &str, height: &str) -> Option<Session> {
    start_with(tag, width, height, &workspace(tag))
}

/// [`start`] with marks kept in the workspace folder `ws`.
fn start_with(tag: &str, width: &str, height: &str, ws: &std::path::Path) -> Option<Session> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("skipped: tmux is not installed");
        return None;
    }
    let name = format!("cc-{tag}-{}", std::process::id());
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let script = format!(
        "NO_COLOR= CROSSCHECK_CONFIG=/nonexistent CROSSCHECK_WORKSPACE={} {bin}; echo crosscheck-exited-$?; sleep 30",
        ws.display()
    );
    let status = Command::new("tmux")
        .args([
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            width,
            "-y",
            height,
            "sh",
            "-c",
            &script,
        ])
        .status()
        .expect("tmux starts");
    assert!(status.success());
    Some(Session(name))
}

#[test]
fn a_user_searches_compares_and_quits() {
    let Some(session) = start("e2e", "160", "45") else {
        return;
    };
    let s = session.0.as_str();

    let screen = wait_for(s, "BROWSE");
    assert!(screen.contains("Sources") && screen.contains("Claims") && screen.contains("Reader"));
    assert!(screen.contains("5 articles"));

    tmux(&["send-keys", "-t", s, "/"]);
    tmux(&["send-keys", "-t", s, "-l", "north korean"]);
    wait_for(s, "/ north korean");
    let screen = wait_for(s, "matches ·");
    assert!(screen.to_lowercase().contains("north korean"));

    tmux(&["send-keys", "-t", s, "Enter"]);
    tmux(&["send-keys", "-t", s, "Enter"]);
    wait_for(s, "Reader");
    tmux(&["send-keys", "-t", s, "Escape"]);
    tmux(&["send-keys", "-t", s, "1"]);
    tmux(&["send-keys", "-t", s, "Space"]);
    tmux(&["send-keys", "-t", s, "j"]);
    tmux(&["send-keys", "-t", s, "j"]);
    tmux(&["send-keys", "-t", s, "Space"]);
    tmux(&["send-keys", "-t", s, "c"]);
    let screen = wait_for(s, "COMPARE");
    assert!(screen.contains("A: ") && screen.contains("B: "));

    tmux(&["send-keys", "-t", s, "f"]);
    wait_for(s, "Timeline");
    tmux(&["send-keys", "-t", s, "Escape"]);
    tmux(&["send-keys", "-t", s, "?"]);
    wait_for(s, "Help: keys");
    tmux(&["send-keys", "-t", s, "Escape"]);
    tmux(&["send-keys", "-t", s, "Escape"]);
    tmux(&["send-keys", "-t", s, "q"]);
    let screen = wait_for(s, "crosscheck-exited-0");
    assert!(
        !screen.contains("BROWSE"),
        "the app's screen is gone after quitting:\n{screen}"
    );
}

#[test]
fn a_mark_set_on_a_claim_is_there_after_quitting_and_reopening() {
    let ws = workspace("marks");
    let Some(session) = start_with("mark1", "120", "40", &ws) else {
        return;
    };
    let s = session.0.as_str();
    wait_for(s, "BROWSE");
    wait_for(s, "11 facts");
    tmux(&["send-keys", "-t", s, "2"]);
    tmux(&["send-keys", "-t", s, "j"]);
    tmux(&["send-keys", "-t", s, "m"]);
    wait_for(s, "Review mark");
    tmux(&["send-keys", "-t", s, "Down"]);
    tmux(&[
        "send-keys",
        "-t",
        s,
        "-l",
        "two ministries give other counts",
    ]);
    tmux(&["send-keys", "-t", s, "Enter"]);
    wait_for(s, "mark saved in");
    tmux(&["send-keys", "-t", s, "q"]);
    wait_for(s, "crosscheck-exited-0");
    drop(session);

    let Some(session) = start_with("mark2", "120", "40", &ws) else {
        return;
    };
    let s = session.0.as_str();
    let screen = wait_for(s, "1 marked");
    assert!(
        screen.contains("± 000"),
        "the claim shows its mark:\n{screen}"
    );
    tmux(&["send-keys", "-t", s, "M"]);
    let screen = wait_for(s, "showing marked claims and facts");
    assert!(screen.contains("· marked)"), "{screen}");
    tmux(&["send-keys", "-t", s, "2"]);
    tmux(&["send-keys", "-t", s, "m"]);
    let screen = wait_for(s, "Review mark");
    assert!(
        screen.contains("two ministries give other counts") && screen.contains("▶ ± disputed"),
        "the popup shows the stored mark:\n{screen}"
    );
    tmux(&["send-keys", "-t", s, "Escape"]);
    // A key right after Esc would read as Alt and that key.
    std::thread::sleep(Duration::from_millis(300));
    tmux(&["send-keys", "-t", s, "q"]);
    wait_for(s, "crosscheck-exited-0");
    assert!(ws.join("workspace.sqlite").exists());
    let _ = std::fs::remove_dir_all(&ws);
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(session) = start("term", "120", "40") else {
        return;
    };
    let s = session.0.as_str();
    wait_for(s, "BROWSE");
    let shell = tmux(&["list-panes", "-t", s, "-F", "#{pane_pid}"]);
    let child = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep runs");
    let pid = String::from_utf8_lossy(&child.stdout).trim().to_string();
    assert!(!pid.is_empty(), "the app runs under the shell");
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let screen = wait_for(s, "crosscheck-exited-143");
    assert!(
        !screen.contains("BROWSE"),
        "the app's screen is gone after SIGTERM:\n{screen}"
    );
}
