//! `crosscheck diff` for people: two columns sized to the width asked for, a legend and a
//! summary line; snapshots at 100 and 160 columns.

mod common;
use common::*;

fn diff_text(width: &str) -> String {
    let out = bin()
        .args([
            "diff",
            "seeds/002_7bc8560885d1862f.txt",
            "seeds/003_61728f3f3aa5c50a.txt",
            "--width",
            width,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn side_by_side_at_100_and_160_columns() {
    for width in ["100", "160"] {
        let text = diff_text(width);
        let w: usize = width.parse().unwrap();
        assert!(
            text.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= w),
            "no line wider than {w}"
        );
        assert!(text.contains("legend:"));
        assert!(
            text.trim_end()
                .lines()
                .last()
                .unwrap()
                .contains("only in B")
        );
        insta::assert_snapshot!(format!("diff_{width}"), text);
    }
}

#[test]
fn colour_only_when_asked_for_a_terminal() {
    let out = bin()
        .env("NO_COLOR", "1")
        .args([
            "diff",
            "seeds/000_3a61d13428b3c666.txt",
            "seeds/003_61728f3f3aa5c50a.txt",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}
