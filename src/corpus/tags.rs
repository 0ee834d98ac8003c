//! Short tags that tell a corpus's sources apart, for the claims, facts and sources lists:
//! the outlet, else the shortest start of the file name that no other file shares.

use rustc_hash::FxHashMap as HashMap;
use unicode_width::UnicodeWidthChar;

use super::Article;

/// A tag is at most this many terminal columns wide.
pub const MAX_TAG_WIDTH: usize = 16;

/// Characters that split a file name into words.
const SEPARATORS: &[char] = &['_', '-', ' ', '.', ':', '#'];

/// One tag per article, all different: the outlet, numbered when several articles share it
/// ("Reuters·1", "Reuters·2"); else the shortest run of leading words of the file name (the
/// extension left out, a JSON Lines record's `:LINE` kept) that no other file name starts
/// with, shown from the first word that differs ("…floods") when that run is long.
pub fn source_tags<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<String> {
    let sources: Vec<(&str, Option<&str>)> = articles
        .into_iter()
        .map(|a| (a.path.as_str(), a.outlet.as_deref()))
        .collect();
    tags_for(&sources)
}

/// [`source_tags`] on `(path, outlet)` pairs.
pub fn tags_for(sources: &[(&str, Option<&str>)]) -> Vec<String> {
    let names: Vec<String> = sources.iter().map(|(p, _)| name_of(p)).collect();
    let short_names = unique_prefixes(&names);

    let outlet_key = |o: &str| o.trim().to_lowercase();
    let mut per_outlet: HashMap<String, usize> = HashMap::default();
    for (_, o) in sources {
        if let Some(o) = o.filter(|o| !o.trim().is_empty()) {
            *per_outlet.entry(outlet_key(o)).or_default() += 1;
        }
    }
    let mut seen_outlet: HashMap<String, usize> = HashMap::default();
    let tags: Vec<String> = sources
        .iter()
        .zip(short_names)
        .map(
            |((_, outlet), short)| match outlet.filter(|o| !o.trim().is_empty()) {
                Some(o) if per_outlet[&outlet_key(o)] > 1 => {
                    let n = seen_outlet.entry(outlet_key(o)).or_default();
                    *n += 1;
                    let number = format!("·{n}");
                    format!("{}{number}", fit(o.trim(), MAX_TAG_WIDTH - width(&number)))
                }
                Some(o) => fit(o.trim(), MAX_TAG_WIDTH),
                None => short,
            },
        )
        .collect();
    number_duplicates(tags)
}

/// A file's name without its folder and extension; a record's `:LINE` or `#INDEX` kept.
fn name_of(path: &str) -> String {
    let (file, record) = match path.rfind([':', '#']) {
        Some(i) if path[i + 1..].chars().all(|c| c.is_ascii_digit()) && i + 1 < path.len() => {
            (&path[..i], &path[i..])
        }
        _ => (path, ""),
    };
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match base.rsplit_once('.') {
        Some((s, ext)) if !s.is_empty() && !ext.is_empty() && ext.len() <= 8 => s,
        _ => base,
    };
    format!("{stem}{record}")
}

/// The words of a name and the separators after each.
fn words(name: &str) -> Vec<&str> {
    name.split_inclusive(SEPARATORS).collect()
}

/// For each name, its shortest run of leading words that no other name starts with (the
/// whole name when another name is it or starts with it). Sorting puts the names sharing the
/// most leading words side by side, so each is compared with two neighbours only.
fn unique_prefixes(names: &[String]) -> Vec<String> {
    let split: Vec<Vec<&str>> = names.iter().map(|n| words(n)).collect();
    let key = |ws: &[&str]| -> Vec<String> {
        ws.iter()
            .map(|w| w.trim_end_matches(SEPARATORS).to_lowercase())
            .collect()
    };
    let keys: Vec<Vec<String>> = split.iter().map(|ws| key(ws)).collect();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let shared = |a: usize, b: usize| {
        keys[a]
            .iter()
            .zip(&keys[b])
            .take_while(|(x, y)| x == y)
            .count()
    };
    let mut out = vec![String::new(); names.len()];
    for (pos, &i) in order.iter().enumerate() {
        let before = pos.checked_sub(1).map_or(0, |p| shared(order[p], i));
        let after = order.get(pos + 1).map_or(0, |&n| shared(i, n));
        let common = before.max(after);
        let take = (common + 1).min(split[i].len());
        let whole: String = split[i][..take].concat();
        let whole = match whole.trim_end_matches(SEPARATORS) {
            "" if names[i].is_empty() => "?",
            "" => names[i].as_str(),
            w => w,
        };
        out[i] = if width(whole) <= MAX_TAG_WIDTH || common == 0 || common >= take {
            fit(whole, MAX_TAG_WIDTH)
        } else {
            let tail: String = split[i][common..take].concat();
            format!(
                "…{}",
                fit(tail.trim_end_matches(SEPARATORS), MAX_TAG_WIDTH - 1)
            )
        };
    }
    out
}

/// Tags still equal (the same file name in two folders) get `·2`, `·3`... after the first.
fn number_duplicates(tags: Vec<String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::default();
    tags.into_iter()
        .map(|t| {
            let n = seen.entry(t.clone()).or_default();
            *n += 1;
            if *n == 1 {
                t
            } else {
                let number = format!("·{n}");
                format!("{}{number}", fit(&t, MAX_TAG_WIDTH - width(&number)))
            }
        })
        .collect()
}

fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The text cut to `max` columns, with `…` where it was cut.
fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(sources: &[(&str, Option<&str>)]) -> Vec<String> {
        tags_for(sources)
    }

    #[test]
    fn files_of_one_event_differ() {
        let got = tags(&[
            ("facts/text/6/6_L.txt", None),
            ("facts/text/6/6_LL.txt", None),
            ("facts/text/6/6_M.txt", None),
            ("facts/text/6/6_R.txt", None),
            ("facts/text/6/6_RR.txt", None),
        ]);
        assert_eq!(got, ["6_L", "6_LL", "6_M", "6_R", "6_RR"]);
    }

    #[test]
    fn the_shortest_distinct_start_of_a_name() {
        let got = tags(&[
            ("seeds/000_3a61d13428b3c666.txt", None),
            ("seeds/001_52ff78215ff53142.txt", None),
            ("a/report.txt", None),
            ("a/report_2.txt", None),
        ]);
        assert_eq!(got, ["000", "001", "report", "report_2"]);
    }

    #[test]
    fn long_shared_starts_are_left_out() {
        let got = tags(&[
            ("x/www-example-news-2024-03-05-floods-hit-coast.html", None),
            ("x/www-example-news-2024-03-05-bridge-reopens.html", None),
        ]);
        assert_eq!(got, ["…floods", "…bridge"]);
    }

    #[test]
    fn outlets_first_numbered_when_shared() {
        let got = tags(&[
            ("a.html", Some("Reuters")),
            ("b.html", Some("Valley Times")),
            ("c.html", Some("reuters ")),
            ("d.txt", None),
            ("e.html", Some("The Metropolitan Evening Chronicle")),
        ]);
        assert_eq!(
            got,
            [
                "Reuters·1",
                "Valley Times",
                "reuters·2",
                "d",
                "The Metropolita…"
            ]
        );
    }

    #[test]
    fn the_same_name_in_two_folders_and_records_of_one_file() {
        let got = tags(&[
            ("2023/report.txt", None),
            ("2024/report.txt", None),
            ("feed.jsonl:1", None),
            ("feed.jsonl:2", None),
            ("list.json#0", None),
        ]);
        assert_eq!(got, ["report", "report·2", "feed:1", "feed:2", "list"]);
    }

    #[test]
    fn every_tag_fits() {
        let got = tags(&[
            ("新闻报道关于洪水的长篇文章标题.txt", None),
            ("-", None),
            ("", None),
        ]);
        assert_eq!(got, ["新闻报道关于洪…", "-", "?"]);
        assert!(got.iter().all(|t| width(t) <= MAX_TAG_WIDTH));
    }
}
