//! The TUI rendered into ratatui's TestBackend: snapshots of each pane and popup at 80x24 and
//! 160x45 on the seeds, plus cell-style checks for what snapshots cannot hold (colours,
//! highlights, focus), and hostile article text.

use crosscheck::app::{Action, AppState, Command, Effect, Keymap, Pane, update};
use crosscheck::index::{Index, Searcher, SkimMatcher};
use crosscheck::lexicon::Lexicon;
use crosscheck::ui::{self, Theme, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

fn seeds() -> Index {
    Index::build(
        crosscheck::load(&[], &Default::default()).articles,
        Lexicon::global(),
    )
}

/// Documents cleaned, read for claims and indexed.
fn indexed(docs: Vec<crosscheck::corpus::Document>) -> Index {
    let lex = Lexicon::global();
    let articles = crosscheck::corpus::build_articles(docs, lex);
    Index::build(crosscheck::extract::extract_all(articles, lex), lex)
}

fn draw(index: &Index, s: &AppState, theme: &Theme) -> Terminal<TestBackend> {
    let keymap = Keymap::default();
    let matcher = SkimMatcher::default();
    let view = View {
        theme,
        keymap: &keymap,
        matcher: &matcher,
        lex: Lexicon::global(),
    };
    let mut t = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    t.draw(|f| ui::render(f, s, index, &view)).unwrap();
    t
}

fn apply(s: &mut AppState, index: &Index, cmds: &[Command]) {
    for c in cmds {
        update(s, index, Action::Cmd(*c));
    }
}

fn search(s: &mut AppState, index: &Index, query: &str) {
    apply(s, index, &[Command::Search]);
    let m = SkimMatcher::default();
    let mut searcher = Searcher::default();
    for ch in query.chars() {
        for e in update(s, index, Action::SearchInput(ch)) {
            let Effect::Search { generation, query } = e else {
                panic!("typing searches")
            };
            let found = searcher.search(index, &query, &m, 1000);
            update(
                s,
                index,
                Action::SearchDone {
                    generation,
                    found,
                    micros: 1200,
                },
            );
        }
    }
}

fn text_of(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Position of the first cell where `needle` starts, on any line.
fn find(t: &Terminal<TestBackend>, needle: &str) -> Option<(u16, u16)> {
    let buf = t.backend().buffer();
    for y in 0..buf.area.height {
        let line: Vec<String> = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        let joined = line.concat();
        if let Some(b) = joined.find(needle) {
            let col = joined[..b].chars().count() as u16;
            return Some((col, y));
        }
    }
    None
}

#[test]
fn main_screen_snapshots() {
    let index = seeds();
    for (w, h) in [(80, 24), (160, 45)] {
        let s = AppState::new(&index, w, h);
        insta::assert_snapshot!(
            format!("main_{w}x{h}"),
            draw(&index, &s, &Theme::colored()).backend()
        );
    }
}

#[test]
fn while_loading_the_status_bar_counts_and_facts_wait_for_linking() {
    let articles = crosscheck::load(&[], &Default::default()).articles;
    let total = articles.len();
    let mut index = Index::default();
    index.push_articles(articles[..3].to_vec());
    let mut s = AppState::new(&index, 160, 45);
    update(&mut s, &index, Action::Grew { done: 3, total });
    let t = draw(&index, &s, &Theme::colored());
    let status = text_of(&t).lines().last().unwrap().to_string();
    let claims = index.claims.len();
    assert!(
        status.contains(&format!(
            "loading 3/{total} articles · {claims} claims so far"
        )),
        "{status}"
    );
    apply(&mut s, &index, &[Command::Facts]);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    assert!(
        screen.contains("Still loading: figures are linked into facts once every article is in"),
        "{screen}"
    );
    apply(&mut s, &index, &[Command::Back]);
    index.push_articles(articles[3..].to_vec());
    update(&mut s, &index, Action::Grew { done: total, total });
    update(&mut s, &index, Action::Linking);
    apply(&mut s, &index, &[Command::Facts]);
    let t = draw(&index, &s, &Theme::colored());
    let screen = text_of(&t);
    assert!(screen.contains("linking facts…"), "{screen}");
    assert!(
        screen.contains(&format!(
            "Linking the figures of {} claims into facts",
            index.claims.len()
        )),
        "{screen}"
    );
}

#[test]
fn the_facts_list_scrolls_to_its_last_fact() {
    let places = [
        "Arden", "Brill", "Corvo", "Dunmore", "Eskar", "Falun", "Gorsk", "Hallam",
    ];
    let things = ["homes", "bridges", "schools", "roads", "farms"];
    let docs = places
        .iter()
        .enumerate()
        .map(|(i, place)| {
            let text = things
                .iter()
                .enumerate()
                .map(|(j, thing)| {
                    format!(
                        "Officials in {place} said {} {thing} were damaged by the flood on 3 May {}.",
                        10 + i * 7 + j,
                        2001 + i
                    )
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            crosscheck::corpus::Document::plain(&format!("{place}.txt"), text)
        })
        .collect();
    let index = indexed(docs);
    let mut s = AppState::new(&index, 80, 24);
    apply(&mut s, &index, &[Command::Facts]);
    assert!(
        index.facts.len() > 24,
        "more facts than rows: {}",
        index.facts.len()
    );
    for _ in 0..index.facts.len() {
        apply(&mut s, &index, &[Command::MoveDown]);
    }
    let shown = |pos: usize| format!("{} ", index.facts[s.facts_order[pos]].label);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    let last = shown(s.facts_order.len() - 1);
    assert!(screen.contains(&last), "{last:?} not in\n{screen}");
    assert!(!screen.contains(&shown(0)), "the first fact scrolled away");
}

#[test]
fn reader_snapshot_after_opening_a_claim() {
    let index = seeds();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut s = AppState::new(&index, w, h);
        apply(
            &mut s,
            &index,
            &[
                Command::FocusClaims,
                Command::MoveDown,
                Command::MoveDown,
                Command::MoveDown,
                Command::Open,
            ],
        );
        insta::assert_snapshot!(
            format!("reader_{w}x{h}"),
            draw(&index, &s, &Theme::colored()).backend()
        );
    }
}

#[test]
fn search_snapshot() {
    let index = seeds();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut s = AppState::new(&index, w, h);
        search(&mut s, &index, "north korean");
        insta::assert_snapshot!(
            format!("search_{w}x{h}"),
            draw(&index, &s, &Theme::colored()).backend()
        );
    }
}

#[test]
fn compare_snapshot() {
    let index = seeds();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut s = AppState::new(&index, w, h);
        apply(
            &mut s,
            &index,
            &[
                Command::Mark,
                Command::MoveDown,
                Command::MoveDown,
                Command::MoveDown,
                Command::Mark,
                Command::Compare,
            ],
        );
        insta::assert_snapshot!(
            format!("compare_{w}x{h}"),
            draw(&index, &s, &Theme::colored()).backend()
        );
    }
}

#[test]
fn facts_and_help_snapshots() {
    let index = seeds();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut s = AppState::new(&index, w, h);
        apply(&mut s, &index, &[Command::Facts]);
        insta::assert_snapshot!(
            format!("facts_{w}x{h}"),
            draw(&index, &s, &Theme::colored()).backend()
        );
        let mut s = AppState::new(&index, w, h);
        apply(&mut s, &index, &[Command::Help]);
        insta::assert_snapshot!(
            format!("help_{w}x{h}"),
            draw(&index, &s, &Theme::colored()).backend()
        );
    }
}

#[test]
fn too_small_says_so_and_any_size_draws() {
    let index = seeds();
    let s = AppState::new(&index, 60, 20);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    assert!(screen.contains("Terminal too small"), "{screen}");
    for w in (1..=300).step_by(7) {
        for h in (1..=100).step_by(9) {
            let mut s = AppState::new(&index, w, h);
            apply(
                &mut s,
                &index,
                &[Command::FocusClaims, Command::Last, Command::Open],
            );
            draw(&index, &s, &Theme::colored());
        }
    }
}

#[test]
fn focus_selection_and_figures_are_styled() {
    let index = seeds();
    let mut s = AppState::new(&index, 160, 45);
    let t = draw(&index, &s, &Theme::colored());
    let buf = t.backend().buffer();
    let (sx, sy) = find(&t, "Sources").unwrap();
    assert_eq!(
        buf[(sx - 1, sy)].fg,
        Color::Cyan,
        "the focused pane's border is highlighted"
    );
    let (cx, cy) = find(&t, "Claims").unwrap();
    assert_eq!(buf[(cx - 1, cy)].fg, Color::DarkGray);
    assert!(
        buf[(2, 1)].modifier.contains(Modifier::REVERSED),
        "the selected source is reversed"
    );

    apply(
        &mut s,
        &index,
        &[Command::FocusClaims, Command::MoveDown, Command::Open],
    );
    let t = draw(&index, &s, &Theme::colored());
    let buf = t.backend().buffer();
    let (x, y) = find(&t, "nearly 50,000").expect("a hedged figure on screen");
    assert_eq!(
        buf[(x + 7, y)].fg,
        Color::Yellow,
        "hedged figures are yellow"
    );
    assert!(buf[(x + 7, y)].modifier.contains(Modifier::ITALIC));
    let (x, y) = find(&t, "7,905").expect("an exact figure on screen");
    assert_eq!(buf[(x, y)].fg, Color::Cyan, "exact figures are cyan");
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn search_matches_are_highlighted() {
    let index = seeds();
    let mut s = AppState::new(&index, 160, 45);
    search(&mut s, &index, "kursk");
    let t = draw(&index, &s, &Theme::colored());
    let buf = t.backend().buffer();
    let claims = crosscheck::app::state::areas(160, 45).claims;
    let (x, y) = (claims.y + 2..claims.bottom())
        .find_map(|y| {
            let line: String = (claims.x..claims.right())
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.find("Kursk")
                .map(|b| (claims.x + line[..b].chars().count() as u16, y))
        })
        .expect("a claim with Kursk listed");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "matched letters are underlined"
    );
    assert!(
        text_of(&t).contains("search:"),
        "the title shows the result count and time"
    );
}

#[test]
fn no_color_theme_uses_no_colours() {
    let index = seeds();
    let mut s = AppState::new(&index, 160, 45);
    apply(
        &mut s,
        &index,
        &[Command::FocusClaims, Command::MoveDown, Command::Open],
    );
    let t = draw(&index, &s, &Theme::monochrome());
    let buf = t.backend().buffer();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            assert_eq!(buf[(x, y)].fg, Color::Reset, "cell {x},{y}");
            assert_eq!(buf[(x, y)].bg, Color::Reset, "cell {x},{y}");
        }
    }
}

#[test]
fn hostile_text_never_reaches_a_cell() {
    let dir = std::env::temp_dir().join(format!("cc-hostile-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let hostile = "Dam \u{1b}[31mbreaks\u{1b}[0m in valley\n\nAbout 300 people\u{1b}]52;c;ZXZpbA==\u{7} were evacuated on Monday, the mayor \u{202E}said\u{202C}.\u{200B} Officials\u{9b}2J said 40\u{1b}P1$q\u{1b}\\ homes flooded.\n";
    std::fs::write(dir.join("hostile.txt"), hostile).unwrap();
    let index = Index::build(
        crosscheck::load(&[dir.display().to_string()], &Default::default()).articles,
        Lexicon::global(),
    );
    let mut s = AppState::new(&index, 160, 45);
    apply(&mut s, &index, &[Command::FocusClaims, Command::Open]);
    let t = draw(&index, &s, &Theme::colored());
    let buf = t.backend().buffer();
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(!c.is_control(), "control {c:?} in a cell");
            assert!(
                !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'),
                "invisible {c:?} in a cell"
            );
        }
    }
    assert!(text_of(&t).contains("About 300 people were evacuated"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Three reports in my own words: two give incompatible figures for one thing on one day.
fn conflicting() -> Index {
    let docs = vec![
        crosscheck::corpus::Document::plain(
            "a.txt",
            "Storm destroys homes in Arden\n\nThe storm destroyed 40 homes in Arden on 3 May 2021, the mayor said.\n\nRescue teams worked through the night to reach families in the valley.\n".into(),
        ),
        crosscheck::corpus::Document::plain(
            "b.txt",
            "Arden counts storm damage\n\nThe storm destroyed 400 homes in Arden on 3 May 2021, regional officials said.\n\nPower was restored to most of the town by the evening.\n".into(),
        ),
        crosscheck::corpus::Document::plain(
            "c.txt",
            "Bridge reopens in Brill\n\nThe Brill bridge reopened on 5 May 2021 after 12 days of repairs, the council said.\n".into(),
        ),
    ];
    indexed(docs)
}

#[test]
fn the_status_bar_sources_facts_view_and_compare_count_conflicts_alike() {
    let index = conflicting();
    assert_eq!(index.conflicts_among(&[]), 1, "the two reports conflict");
    let mut s = AppState::new(&index, 160, 45);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    let status = screen.lines().last().unwrap();
    assert!(status.contains("· 1 conflict "), "{status}");
    let sources: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" 2021-05-0"))
        .collect();
    assert_eq!(
        sources.iter().filter(|l| l.contains("!1")).count(),
        2,
        "each conflicting report shows one fact in conflict: {sources:#?}"
    );
    apply(&mut s, &index, &[Command::Facts]);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    assert!(screen.contains("· 1 conflict ·"), "{screen}");
    assert!(screen.contains("CONFLICT"), "{screen}");
    apply(&mut s, &index, &[Command::Back, Command::Compare]);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    assert!(screen.contains("Compare (1 conflict ·"), "{screen}");
    assert!(
        screen.lines().any(|l| l.starts_with("│! ")),
        "the row stating it is marked !: {screen}"
    );
}

#[test]
fn the_facts_view_colours_verdicts_and_draws_a_timeline() {
    let index = conflicting();
    let mut s = AppState::new(&index, 80, 24);
    apply(&mut s, &index, &[Command::Facts]);
    let t = draw(&index, &s, &Theme::colored());
    let buf = t.backend().buffer();
    let (x, y) = find(&t, "CONFLICT").expect("the verdict");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert!(find(&t, "Timeline").is_some());
    let chart = crosscheck::app::state::facts_areas(80, 24).chart;
    let dots = (chart.y..chart.bottom())
        .flat_map(|y| (chart.x..chart.right()).map(move |x| (x, y)))
        .filter(|&p| buf[p].symbol() == "•")
        .count();
    assert_eq!(dots, 2, "one dot per exact figure");
    let screen = text_of(&t);
    assert!(
        screen.contains("40 homes and 400 homes cannot both hold"),
        "{screen}"
    );
    let mono = draw(&index, &s, &Theme::monochrome());
    for cell in mono.backend().buffer().content() {
        assert_eq!(cell.fg, Color::Reset);
    }
}

#[test]
fn marks_show_in_every_pane_and_the_review_popup_snapshot() {
    let index = seeds();
    let mut s = AppState::new(&index, 80, 24);
    apply(&mut s, &index, &[Command::FocusClaims, Command::MoveDown]);
    let claim = s.claims[s.claim_sel];
    apply(&mut s, &index, &[Command::Review, Command::NextRating]);
    for c in "two counts \u{1b}[31mdiffer".chars() {
        update(
            &mut s,
            &index,
            Action::Edit(tui_input::InputRequest::InsertChar(c)),
        );
    }
    insta::assert_snapshot!(
        "review_80x24",
        draw(&index, &s, &Theme::colored()).backend()
    );
    apply(&mut s, &index, &[Command::Confirm]);
    assert_eq!(
        s.marks.claim(claim).map(|m| m.rating),
        Some(crosscheck::workspace::Rating::Disputed)
    );
    let t = draw(&index, &s, &Theme::colored());
    let screen = text_of(&t);
    assert!(screen.contains("± 000"), "Claims: {screen}");
    assert!(screen.contains("✎1"), "Sources: {screen}");
    assert!(screen.contains("1 marked"), "status: {screen}");
    let (x, y) = find(&t, "± 000").unwrap();
    assert_eq!(t.backend().buffer()[(x, y)].fg, Color::Yellow);
    apply(&mut s, &index, &[Command::Open]);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    assert!(screen.contains("± disputed"), "Reader title: {screen}");
    for cell in draw(&index, &s, &Theme::colored())
        .backend()
        .buffer()
        .content()
    {
        assert!(!cell.symbol().chars().any(|c| c.is_control()));
    }
}

#[test]
fn the_help_scrolled_to_its_end_shows_its_last_line() {
    let index = seeds();
    for (w, h) in [(80, 24), (160, 45)] {
        let mut s = AppState::new(&index, w, h);
        apply(&mut s, &index, &[Command::Help, Command::Last]);
        let screen = text_of(&draw(&index, &s, &Theme::colored()));
        let last = crosscheck::workspace::Rating::ALL[4].to_string();
        assert!(screen.contains(&last), "{w}x{h}: {screen}");
        let title = screen.lines().find(|l| l.contains("Help: keys")).unwrap();
        let (shown, total) = title
            .split("lines ")
            .nth(1)
            .and_then(|r| r.split(" (").next())
            .and_then(|r| r.split_once(" of "))
            .unwrap_or_else(|| panic!("{title}"));
        assert_eq!(shown.split('–').nth(1), Some(total), "{title}");
        // More keys go no further.
        apply(&mut s, &index, &[Command::MoveDown, Command::PageDown]);
        assert_eq!(text_of(&draw(&index, &s, &Theme::colored())), screen);
    }
}

/// Two reports from one outlet with a long name, and one text file with none.
fn mixed_sources() -> Index {
    let with_outlet = |path: &str, text: &str| {
        let mut d = crosscheck::corpus::Document::plain(path, text.into());
        d.outlet = Some("The Valley Evening Chronicle".into());
        d
    };
    let docs = vec![
        with_outlet(
            "pages/chronicle-storm.html",
            "Storm floods Arden\n\nThe storm flooded 40 homes in Arden on 3 May 2021, the mayor said.\n",
        ),
        with_outlet(
            "pages/chronicle-repairs.html",
            "Arden repairs begin\n\nCrews began repairing 40 homes in Arden on 5 May 2021, the council said.\n",
        ),
        crosscheck::corpus::Document::plain(
            "notes/wire.txt",
            "Arden storm\n\nAbout 40 homes were flooded in Arden, officials said.\n".into(),
        ),
    ];
    indexed(docs)
}

#[test]
fn sources_are_named_by_their_tags_in_a_column_with_their_files_beside_outlets() {
    let index = mixed_sources();
    let s = AppState::new(&index, 160, 45);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    let pane: Vec<String> = screen
        .lines()
        .take(8)
        .map(|l| l.chars().take(38).collect())
        .collect();
    insta::assert_snapshot!("sources_mixed_160x45", pane.join("\n"));
    // The tag column is as wide on every row: dates line up.
    let dates: Vec<usize> = pane[1..]
        .iter()
        .step_by(2)
        .take(3)
        .map(|l| {
            let at = l
                .find("2021")
                .or_else(|| l.find("undated"))
                .unwrap_or_else(|| panic!("{l}"));
            l[..at].chars().count()
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] == w[1]), "{pane:#?}");
    let reader = screen.lines().next().unwrap();
    assert!(reader.contains("· chronicle-storm.html)"), "{reader}");
}

#[test]
fn a_search_result_row_shows_where_it_matches() {
    let docs = vec![crosscheck::corpus::Document::plain(
        "a.txt",
        "Storm in Arden\n\nThe storm destroyed 40 homes in Arden on 3 May 2021 and left the valley without power for most of the night, according to the lighthouse keeper.\n".into(),
    )];
    let index = indexed(docs);
    let mut s = AppState::new(&index, 80, 24);
    search(&mut s, &index, "lighthouse");
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    // The Claims pane's row: the left column, below its title.
    let rows: Vec<String> = screen
        .lines()
        .skip_while(|l| !l.contains("Claims (search"))
        .skip(2)
        .take(1)
        .map(|l| l.chars().take(44).collect())
        .collect();
    assert!(rows[0].contains("lighthouse"), "{screen}");
}

#[test]
fn one_article_one_claim_and_one_fact_are_counted_in_the_singular() {
    let docs = vec![crosscheck::corpus::Document::plain(
        "a.txt",
        "Bridge closes\n\nThe old bridge closed for 12 days of repairs, the council said.\n".into(),
    )];
    let index = indexed(docs);
    assert_eq!((index.articles.len(), index.claims.len()), (1, 1));
    let mut s = AppState::new(&index, 160, 45);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    let status = screen.lines().last().unwrap();
    assert!(status.starts_with(" 1 article · 1 claim · "), "{status}");
    apply(&mut s, &index, &[Command::Facts]);
    let screen = text_of(&draw(&index, &s, &Theme::colored()));
    let title = screen.lines().next().unwrap();
    assert!(!title.contains("1 facts"), "{title}");
}
