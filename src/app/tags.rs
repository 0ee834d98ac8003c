//! Short tags naming each article's source in lists: as short as they can be while telling
//! apart sources that differ.

use rustc_hash::FxHashMap as HashMap;

use crate::corpus::Article;
use crate::text::display_safe;

/// Characters a first-word tag keeps ("000" of "000_3a61d1.txt", "Reuters").
const SHORT: usize = 8;
/// Characters a whole-name tag keeps when first words collide ("0_LL" of "0_LL.txt").
const LONG: usize = 14;

/// The name a tag is made from: the outlet, else the file name without its extension.
fn stem(a: &Article) -> String {
    let label = a.source_label();
    let stem = label.rsplit_once('.').map_or(label.as_str(), |(s, _)| s);
    display_safe(stem).into_owned()
}

/// One tag per article, in index order. A tag is the name's first word (split at `_` or a
/// space); names that share a first word but differ get their whole name (cut to a length),
/// and names still alike after the cut are numbered. Articles of one name share a tag.
pub fn source_tags(articles: &[Article]) -> Vec<String> {
    let stems: Vec<String> = articles.iter().map(stem).collect();
    let mut tags: Vec<String> = stems
        .iter()
        .map(|s| {
            s.split(['_', ' '])
                .find(|w| !w.is_empty())
                .unwrap_or(s)
                .chars()
                .take(SHORT)
                .collect()
        })
        .collect();
    for (i, _) in names_sharing_a_tag(&tags, &stems) {
        tags[i] = stems[i].chars().take(LONG).collect();
    }
    for (i, k) in names_sharing_a_tag(&tags, &stems) {
        tags[i] = format!("{}~{k}", tags[i]);
    }
    tags
}

/// Every article whose tag another name also has: its position, and the order its name
/// first appears in among the names sharing the tag (from 1).
fn names_sharing_a_tag(tags: &[String], stems: &[String]) -> Vec<(usize, usize)> {
    let mut names: HashMap<&str, Vec<&str>> = HashMap::default();
    for (t, s) in tags.iter().zip(stems) {
        let e = names.entry(t.as_str()).or_default();
        if !e.contains(&s.as_str()) {
            e.push(s);
        }
    }
    tags.iter()
        .zip(stems)
        .enumerate()
        .filter_map(|(i, (t, s))| {
            let shared = names.get(t.as_str()).filter(|v| v.len() > 1)?;
            Some((i, shared.iter().position(|x| x == s).unwrap_or(0) + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, build_articles};

    fn tags(names: &[&str]) -> Vec<String> {
        let docs = names
            .iter()
            .map(|n| Document::plain(n, "Some words of a story here.".into()))
            .collect();
        source_tags(&build_articles(docs))
    }

    #[test]
    fn tags_are_short_unless_sources_would_share_one() {
        assert_eq!(
            tags(&["seeds/000_3a61d1.txt", "seeds/001_52ff78.txt"]),
            ["000", "001"]
        );
        assert_eq!(
            tags(&["dev/6_L.txt", "dev/6_LL.txt", "dev/6_M.txt", "dev/7_R.txt"]),
            ["6_L", "6_LL", "6_M", "7"]
        );
        assert_eq!(
            tags(&[
                "a/wire_report_monday_morning_a.txt",
                "b/wire_report_monday_morning_b.txt"
            ]),
            ["wire_report_mo~1", "wire_report_mo~2"]
        );
        assert_eq!(
            tags(&["x/same.txt", "y/same.txt"]),
            ["same", "same"],
            "one name, one tag"
        );
    }
}
