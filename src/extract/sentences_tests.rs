//! Sentence-boundary cases from many kinds of text, one table per phenomenon: each text with
//! the sentences a reader would see.

use super::{split_sentences, split_text};
use crate::lexicon::Lexicon;

fn check(cases: &[(&str, &[&str])]) {
    crate::extract::check_table(cases, |text| {
        split_text(text, Lexicon::global())
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect::<Vec<_>>()
    });
}

#[test]
fn titles_initials_and_name_parts() {
    check(&[
        (
            "Gov. Ella Hart signed the bill. It takes effect in May.",
            &["Gov. Ella Hart signed the bill.", "It takes effect in May."],
        ),
        (
            "Sen. Joe Lin voted no. Rep. Amy Cho voted yes.",
            &["Sen. Joe Lin voted no.", "Rep. Amy Cho voted yes."],
        ),
        (
            "Lt. Col. Ray Boyd led the unit.",
            &["Lt. Col. Ray Boyd led the unit."],
        ),
        (
            "Prof. Anna Weiss disagreed. Dr. Li agreed.",
            &["Prof. Anna Weiss disagreed.", "Dr. Li agreed."],
        ),
        (
            "Mr. Smith met Dr. Jones at St. Mary's.",
            &["Mr. Smith met Dr. Jones at St. Mary's."],
        ),
        (
            "The suspect, John T. Mills, was charged.",
            &["The suspect, John T. Mills, was charged."],
        ),
        (
            "Gen. Oleh Petrenko spoke. He was brief.",
            &["Gen. Oleh Petrenko spoke.", "He was brief."],
        ),
        (
            "J.K. Rowling wrote it. Fans queued overnight.",
            &["J.K. Rowling wrote it.", "Fans queued overnight."],
        ),
        (
            "George W. Bush spoke at noon. The crowd listened.",
            &["George W. Bush spoke at noon.", "The crowd listened."],
        ),
        (
            "Ask Tom and me. I. M. Pei drew the plans.",
            &["Ask Tom and me.", "I. M. Pei drew the plans."],
        ),
        (
            "The deal was signed by you and I. It holds.",
            &["The deal was signed by you and I.", "It holds."],
        ),
        (
            "Shares of Apple Inc. rose 3%. Rivals fell.",
            &["Shares of Apple Inc. rose 3%.", "Rivals fell."],
        ),
        (
            "She works at Acme Inc. The firm is big.",
            &["She works at Acme Inc.", "The firm is big."],
        ),
        (
            "Acme Corp. and Beta Ltd. merged.",
            &["Acme Corp. and Beta Ltd. merged."],
        ),
        (
            "Ask Lee and co. They will know.",
            &["Ask Lee and co.", "They will know."],
        ),
        (
            "Martin Luther King Jr. Day is a holiday.",
            &["Martin Luther King Jr. Day is a holiday."],
        ),
        (
            "That was Ruiz Jr.'s last race.",
            &["That was Ruiz Jr.'s last race."],
        ),
        (
            "They met on Fifth Ave. near the park.",
            &["They met on Fifth Ave. near the park."],
        ),
        (
            "The shop is on 3rd st. by the river.",
            &["The shop is on 3rd st. by the river."],
        ),
        (
            "Climbers left Mt. Blanc at dawn.",
            &["Climbers left Mt. Blanc at dawn."],
        ),
        (
            "They met at 10 Downing St. The talks lasted an hour.",
            &["They met at 10 Downing St.", "The talks lasted an hour."],
        ),
        (
            "The case, Smith vs. Jones, was heard.",
            &["The case, Smith vs. Jones, was heard."],
        ),
        (
            "Apples, pears, etc. were sold. Prices rose.",
            &["Apples, pears, etc. were sold.", "Prices rose."],
        ),
        (
            "They sold apples, pears, etc. Prices rose.",
            &["They sold apples, pears, etc.", "Prices rose."],
        ),
        (
            "The cost was approx. three million.",
            &["The cost was approx. three million."],
        ),
        (
            "SPOKANE, Wash. — The mayor resigned on Monday.",
            &["SPOKANE, Wash. — The mayor resigned on Monday."],
        ),
        (
            "The firm is based in Austin, Tex. The staff are remote.",
            &["The firm is based in Austin, Tex.", "The staff are remote."],
        ),
        (
            "Q. Where were you? A. At home with Sara K. Lund.",
            &["Q. Where were you?", "A. At home with Sara K. Lund."],
        ),
    ]);
}

#[test]
fn country_initialisms_end_sentences_only_before_a_new_one() {
    check(&[
        (
            "Aid from the U.S. arrived. The U.S. Senate voted.",
            &["Aid from the U.S. arrived.", "The U.S. Senate voted."],
        ),
        ("The U.S. The other one.", &["The U.S.", "The other one."]),
        (
            "The U.N. Security Council met. It issued a statement.",
            &["The U.N. Security Council met.", "It issued a statement."],
        ),
        (
            "He moved to Washington, D.C. in 2010.",
            &["He moved to Washington, D.C. in 2010."],
        ),
        (
            "Aid flowed from the E.U. and the U.K. to the region.",
            &["Aid flowed from the E.U. and the U.K. to the region."],
        ),
        (
            "It was signed in the U.K. The treaty is binding.",
            &["It was signed in the U.K.", "The treaty is binding."],
        ),
        (
            "She studied in the U.S.A. for a year.",
            &["She studied in the U.S.A. for a year."],
        ),
        (
            "Fuel came from the E.U. Thousands queued for it.",
            &["Fuel came from the E.U.", "Thousands queued for it."],
        ),
        (
            "Is the deal good for the U.K. Government or not?",
            &["Is the deal good for the U.K. Government or not?"],
        ),
    ]);
}

#[test]
fn clock_times_end_a_sentence_before_a_capital_but_not_a_name_after_an_opening_time() {
    check(&[
        (
            "The vote is on Nov. 22. Polls open at 7 a.m. and close at 8 p.m. Results follow.",
            &[
                "The vote is on Nov. 22.",
                "Polls open at 7 a.m. and close at 8 p.m.",
                "Results follow.",
            ],
        ),
        (
            "By 7 a.m. Ms. Okoro had reached the border. She crossed it at 9 P.M. Ms. Okoro then rested.",
            &[
                "By 7 a.m. Ms. Okoro had reached the border.",
                "She crossed it at 9 P.M.",
                "Ms. Okoro then rested.",
            ],
        ),
        (
            "The convoy moved at 4 a.m. Gen. Diaz led it.",
            &["The convoy moved at 4 a.m.", "Gen. Diaz led it."],
        ),
        (
            "The train left at 6 a.m. Passengers were stranded.",
            &["The train left at 6 a.m.", "Passengers were stranded."],
        ),
        (
            "We leave at 10 A.M. I will drive.",
            &["We leave at 10 A.M.", "I will drive."],
        ),
        (
            "Polls close at 8 p.m. ET on Tuesday.",
            &["Polls close at 8 p.m. ET on Tuesday."],
        ),
        (
            "The talks end at 5 p.m. Friday in Oslo.",
            &["The talks end at 5 p.m. Friday in Oslo."],
        ),
        (
            "Shelling began at 3 a.m. local time.",
            &["Shelling began at 3 a.m. local time."],
        ),
    ]);
}

#[test]
fn numbers_and_abbreviations_before_numbers() {
    check(&[
        ("See p. 55 for the table.", &["See p. 55 for the table."]),
        ("The rule is on pp. 12-14.", &["The rule is on pp. 12-14."]),
        ("See No. 5 on the list.", &["See No. 5 on the list."]),
        (
            "He wears no. 9 for the club.",
            &["He wears no. 9 for the club."],
        ),
        (
            "The shelter is at N°. 1026.253.553. Nobody lives there.",
            &["The shelter is at N°. 1026.253.553.", "Nobody lives there."],
        ),
        (
            "It falls under SEC. 1201 of the act.",
            &["It falls under SEC. 1201 of the act."],
        ),
        (
            "Each worker got Rs. 4500 in cash.",
            &["Each worker got Rs. 4500 in cash."],
        ),
        ("Fig. 3 shows the trend.", &["Fig. 3 shows the trend."]),
        (
            "Talks resume on Sept. 9 in Geneva.",
            &["Talks resume on Sept. 9 in Geneva."],
        ),
        (
            "The deadline is Dec. 31. Late filers pay a fine.",
            &["The deadline is Dec. 31.", "Late filers pay a fine."],
        ),
        (
            "The rate is 4.25%. Banks followed.",
            &["The rate is 4.25%.", "Banks followed."],
        ),
        ("It weighed 1.5 tonnes.", &["It weighed 1.5 tonnes."]),
        (
            "Version 2.0.1 shipped. Users upgraded.",
            &["Version 2.0.1 shipped.", "Users upgraded."],
        ),
        (
            "The bill costs $1.2bn. Critics balked.",
            &["The bill costs $1.2bn.", "Critics balked."],
        ),
        (
            "She paid $80.00. It was worth it.",
            &["She paid $80.00.", "It was worth it."],
        ),
        (
            "He finished 3rd. She won.",
            &["He finished 3rd.", "She won."],
        ),
        (
            "The vote was 52-48. The motion passed.",
            &["The vote was 52-48.", "The motion passed."],
        ),
        (
            "Добавьте 500 г. Тушите 10 минут.",
            &["Добавьте 500 г.", "Тушите 10 минут."],
        ),
        (
            "In 2024. Nothing changed.",
            &["In 2024.", "Nothing changed."],
        ),
        (
            "Clause 4.2. Each party pays its costs.",
            &["Clause 4.2.", "Each party pays its costs."],
        ),
        (
            "Growth was 0.3 per cent in Q2. Economists expected more.",
            &[
                "Growth was 0.3 per cent in Q2.",
                "Economists expected more.",
            ],
        ),
        (
            "The crowd grew to 20,000. 300 were hurt.",
            &["The crowd grew to 20,000.", "300 were hurt."],
        ),
    ]);
}

#[test]
fn list_items() {
    check(&[
        (
            "1.) Check the tyres 2.) Check the oil",
            &["1.) Check the tyres", "2.) Check the oil"],
        ),
        (
            "1.) Check the tyres. 2.) Check the oil.",
            &["1.) Check the tyres.", "2.) Check the oil."],
        ),
        (
            "1) Pack water 2) Pack bread",
            &["1) Pack water", "2) Pack bread"],
        ),
        (
            "1. Pack water. 2. Pack bread. 3. Lock the door.",
            &["1. Pack water.", "2. Pack bread.", "3. Lock the door."],
        ),
        (
            "1. Pack water 2. Pack bread",
            &["1. Pack water", "2. Pack bread"],
        ),
        (
            "• 4. Call home • 5. Charge the phone",
            &["• 4. Call home", "• 5. Charge the phone"],
        ),
        (
            "⁃4. Call home ⁃5. Charge the phone",
            &["⁃4. Call home", "⁃5. Charge the phone"],
        ),
        (
            "a. Count the ballots b. Seal the boxes c. Sign the form",
            &[
                "a. Count the ballots",
                "b. Seal the boxes",
                "c. Sign the form",
            ],
        ),
        (
            "a) count b) seal c) sign",
            &["a) count", "b) seal", "c) sign"],
        ),
        (
            "(a) Count them. (b) Seal them. (c) Sign.",
            &["(a) Count them.", "(b) Seal them.", "(c) Sign."],
        ),
        (
            "i. Arrive early ii. Bring an ID iii. Vote",
            &["i. Arrive early", "ii. Bring an ID", "iii. Vote"],
        ),
        (
            "Steps: 1. Turn off gas. 2. Leave.",
            &["Steps: 1. Turn off gas.", "2. Leave."],
        ),
        (
            "1. Open the valve. 2. Close the door.",
            &["1. Open the valve.", "2. Close the door."],
        ),
        (
            "He was 15. His brother was 16. Both enlisted.",
            &["He was 15.", "His brother was 16.", "Both enlisted."],
        ),
        (
            "Fees for 1. above are waived and for 2. above halved.",
            &["Fees for 1. above are waived and for 2. above halved."],
        ),
        ("1.) A list of one item.", &["1.) A list of one item."]),
        (
            "• 4. Call home\n• 5. Charge the phone\n\nThen wait for news.",
            &[
                "• 4. Call home",
                "• 5. Charge the phone",
                "Then wait for news.",
            ],
        ),
        (
            "d. Supply routes and depots\ne. Medical evacuation",
            &["d. Supply routes and depots", "e. Medical evacuation"],
        ),
    ]);
}

#[test]
fn every_form_of_ellipsis() {
    check(&[
        (
            "He paused... Then he spoke.",
            &["He paused...", "Then he spoke."],
        ),
        (
            "He paused... and then spoke.",
            &["He paused... and then spoke."],
        ),
        ("We waited...and waited.", &["We waited...and waited."]),
        (
            "He hesitated… Then he signed.",
            &["He hesitated…", "Then he signed."],
        ),
        (
            "It was … unclear. Then it cleared.",
            &["It was … unclear.", "Then it cleared."],
        ),
        (
            "I never agreed to that.... She hung up.",
            &["I never agreed to that....", "She hung up."],
        ),
        (
            "The plan was . . . delayed. Nobody said why.",
            &["The plan was . . . delayed.", "Nobody said why."],
        ),
        (
            "the point is . . . I did not know.",
            &["the point is . . . I did not know."],
        ),
        (
            "The text breaks off here . . . . A new one begins.",
            &["The text breaks off here . . . .", "A new one begins."],
        ),
        (
            "The first part ends. . . . The second part was cut. . . .",
            &[
                "The first part ends.",
                ". . . The second part was cut. . . .",
            ],
        ),
        (
            "\"The treaty [...] binds both sides [...]\" (Art. 4).",
            &["\"The treaty [...] binds both sides [...]\" (Art. 4)."],
        ),
        (
            "The memo said the army […] had withdrawn. Officials denied it.",
            &[
                "The memo said the army […] had withdrawn.",
                "Officials denied it.",
            ],
        ),
        (
            "Her note ends, “the rest is silence. . . .” Nobody replied.",
            &[
                "Her note ends, “the rest is silence. . . .”",
                "Nobody replied.",
            ],
        ),
        ("Done. .. Next part.", &["Done.", "..", "Next part."]),
    ]);
}

#[test]
fn questions_and_exclamations() {
    check(&[
        (
            "Will rates rise? Analysts think so.",
            &["Will rates rise?", "Analysts think so."],
        ),
        ("What now?! Nobody knows.", &["What now?!", "Nobody knows."]),
        ("Hey!! Over here.", &["Hey!!", "Over here."]),
        ("Really?? Yes.", &["Really??", "Yes."]),
        ("Stop! Go now.", &["Stop!", "Go now."]),
        ("Is it over? is it?", &["Is it over? is it?"]),
        ("Wow! what a goal.", &["Wow! what a goal."]),
        (
            "He applied to Yahoo! and to two banks.",
            &["He applied to Yahoo! and to two banks."],
        ),
        (
            "She won on Jeopardy! Her prize was large.",
            &["She won on Jeopardy! Her prize was large."],
        ),
        (
            "Mix, bake, and -- presto! -- dinner is served.",
            &["Mix, bake, and -- presto! -- dinner is served."],
        ),
        (
            "Who fired first? - Nobody will say.",
            &["Who fired first?", "- Nobody will say."],
        ),
    ]);
}

#[test]
fn quotations_and_parentheses() {
    check(&[
        (
            "\"We are not leaving,\" she said. \"Never.\"",
            &["\"We are not leaving,\" she said.", "\"Never.\""],
        ),
        (
            "\"Leave now!\" the officer shouted. People ran.",
            &["\"Leave now!\" the officer shouted.", "People ran."],
        ),
        (
            "He said, \"The war is over.\" Nobody believed him.",
            &["He said, \"The war is over.\"", "Nobody believed him."],
        ),
        (
            "He said, \"The war is over.\" he said it twice.",
            &["He said, \"The war is over.\" he said it twice."],
        ),
        (
            "She wrote, 'It is done.' she told us.",
            &["She wrote, 'It is done.' she told us."],
        ),
        (
            "“Prices will rise,” the minister warned. “Prepare.”",
            &["“Prices will rise,” the minister warned.", "“Prepare.”"],
        ),
        (
            "‘It was chaos,’ a witness said.",
            &["‘It was chaos,’ a witness said."],
        ),
        (
            "\"Why now?\" asked the reporter.",
            &["\"Why now?\" asked the reporter."],
        ),
        (
            "\"We controlled 1,376 km. Now it is less. The enemy advances,\" the source said.",
            &["\"We controlled 1,376 km. Now it is less. The enemy advances,\" the source said."],
        ),
        (
            "“Help! Help! The bridge is down!” a driver shouted, and others ran.",
            &["“Help! Help! The bridge is down!” a driver shouted, and others ran."],
        ),
        (
            "«Nous partons. Maintenant.» Elle est partie.",
            &["«Nous partons. Maintenant.»", "Elle est partie."],
        ),
        (
            "She called it \"a turning point.\" Others disagreed.",
            &["She called it \"a turning point.\"", "Others disagreed."],
        ),
        (
            "The sign read \"Closed.\" so we left.",
            &["The sign read \"Closed.\" so we left."],
        ),
        (
            "The group (which formed in 2019) grew fast.",
            &["The group (which formed in 2019) grew fast."],
        ),
        (
            "The firm (founded in 1990.) grew. It hired more.",
            &["The firm (founded in 1990.) grew.", "It hired more."],
        ),
        (
            "He rested (He had marched for 9 hours.) before dusk.",
            &["He rested (He had marched for 9 hours.) before dusk."],
        ),
        (
            "The toll rose (officials gave no figure). Rescue work continued.",
            &[
                "The toll rose (officials gave no figure).",
                "Rescue work continued.",
            ],
        ),
        (
            "Prices rose (see chart.) Sales fell.",
            &["Prices rose (see chart.)", "Sales fell."],
        ),
        (
            "(Reporting by Ann Lee.) More follows.",
            &["(Reporting by Ann Lee.)", "More follows."],
        ),
        (
            "[Editor's note: updated.] The story follows.",
            &["[Editor's note: updated.]", "The story follows."],
        ),
        (
            "\"We are ready!\" (The crowd cheered.) \"Let us go.\"",
            &[
                "\"We are ready!\"",
                "(The crowd cheered.)",
                "\"Let us go.\"",
            ],
        ),
        (
            "'We are ready!' she said to them, 'all of us!' (That was untrue.)",
            &["'We are ready!' she said to them, 'all of us!' (That was untrue.)"],
        ),
        (
            "He nodded. \" We agree.\"",
            &["He nodded.", "\" We agree.\""],
        ),
        (
            "“ Three days… ” Nobody argued.",
            &["“ Three days… ”", "Nobody argued."],
        ),
        (
            "\"If you would only--\" The door slammed.",
            &["\"If you would only--\"", "The door slammed."],
        ),
        (
            "The dogs' owners stayed. They waited.",
            &["The dogs' owners stayed.", "They waited."],
        ),
        (
            "In the '90s the economy grew. Workers' wages rose.",
            &["In the '90s the economy grew.", "Workers' wages rose."],
        ),
        (
            "We went 'round the town. Drivers' tempers flared.",
            &["We went 'round the town.", "Drivers' tempers flared."],
        ),
    ]);
}

#[test]
fn footnote_marks_and_sentences_typed_without_a_space() {
    check(&[
        (
            "The fort fell in 1942.[3] The town burned.",
            &["The fort fell in 1942.[3]", "The town burned."],
        ),
        (
            "It was a turning point.[4][5] Few saw it.",
            &["It was a turning point.[4][5]", "Few saw it."],
        ),
        (
            "Costs doubled over the decade.12 Planners were alarmed.",
            &["Costs doubled over the decade.12", "Planners were alarmed."],
        ),
        (
            "Talks failed.It rained.The end.",
            &["Talks failed.", "It rained.", "The end."],
        ),
        (
            "Write to news.desk@example.org. Thanks.",
            &["Write to news.desk@example.org.", "Thanks."],
        ),
        (
            "Email me at a@b.com. Thanks.",
            &["Email me at a@b.com.", "Thanks."],
        ),
        (
            "Visit www.example.com. It is free.",
            &["Visit www.example.com.", "It is free."],
        ),
        (
            "The page is https://example.org/a.Html today.",
            &["The page is https://example.org/a.Html today."],
        ),
    ]);
}

#[test]
fn lines_headings_and_wrapped_prose() {
    check(&[
        (
            "Headline without a period\n\nBody sentence one. Body two.",
            &[
                "Headline without a period",
                "Body sentence one.",
                "Body two.",
            ],
        ),
        (
            "Storm kills 12 in coastal towns\nRescuers search for the missing.",
            &[
                "Storm kills 12 in coastal towns",
                "Rescuers search for the missing.",
            ],
        ),
        (
            "Title one\n\nTitle two\n\nBody.",
            &["Title one", "Title two", "Body."],
        ),
        (
            "The river rose four metres overnight and flooded the lower town\nwhere most families live, officials said.",
            &[
                "The river rose four metres overnight and flooded the lower town\nwhere most families live, officials said.",
            ],
        ),
        (
            "The night was very \ncold in the valley.",
            &["The night was very \ncold in the valley."],
        ),
        (
            "Talks will resume in the\nspring, diplomats said.",
            &["Talks will resume in the\nspring, diplomats said."],
        ),
        (
            "Roads, bridges,\nrailways were hit.",
            &["Roads, bridges,\nrailways were hit."],
        ),
        (
            "The shell landed 400 m away \n(about 1,300 ft).",
            &["The shell landed 400 m away \n(about 1,300 ft)."],
        ),
        ("menu\nsearch\nsign in", &["menu", "search", "sign in"]),
        (
            "Line one\r\nLine two\rLine three",
            &["Line one", "Line two", "Line three"],
        ),
        (
            "Ends with colon:\nThe list follows.",
            &["Ends with colon:", "The list follows."],
        ),
        ("Line one\nLine two\n", &["Line one", "Line two"]),
        (
            "  Leading spaces. Trailing spaces.   ",
            &["Leading spaces.", "Trailing spaces."],
        ),
        ("One.  Two.\tThree.", &["One.", "Two.", "Three."]),
        ("No final period", &["No final period"]),
        ("", &[]),
        (
            "The 1990s ended. A new era began.",
            &["The 1990s ended.", "A new era began."],
        ),
    ]);
}

#[test]
fn page_debris_around_sentences() {
    check(&[
        (
            "Contents..................4\nMaps and sources ......... 12-13",
            &["Contents", "Maps and sources"],
        ),
        (
            "<h3>Update</h3>\n<p>Roads reopened. Trains run.</p>",
            &["Update", "Roads reopened.", "Trains run."],
        ),
        ("&lt;b&gt;Alert&lt;/b&gt;", &["Alert"]),
        (
            "Power is back. \\n Schools reopen.",
            &["Power is back.", "Schools reopen."],
        ),
        ("=====\nSection two\n=====", &["Section two"]),
        ("////////////Notice starts here", &["Notice starts here"]),
        ("Signed: Ann***", &["Signed: Ann***"]),
        (
            "We loved the show! 🙂 See you soon.",
            &["We loved the show! 🙂", "See you soon."],
        ),
    ]);
}

#[test]
fn a_paragraph_is_split_with_its_line_breaks_as_spaces() {
    let para = "The army said it had lost\nContact with the unit. Talks go on.";
    let got: Vec<&str> = split_sentences(para, Lexicon::global())
        .into_iter()
        .map(|(s, e)| &para[s..e])
        .collect();
    assert_eq!(
        got,
        [
            "The army said it had lost\nContact with the unit.",
            "Talks go on."
        ]
    );
}

#[test]
fn offsets_point_into_the_text() {
    let text = "  First one. Second one!  \n\nThird «é» … [ok.] <b>x</b> \\n y";
    for (s, e) in split_text(text, Lexicon::global()) {
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s < e);
        assert_eq!(text[s..e].trim(), &text[s..e]);
    }
}

#[test]
fn long_inputs_stay_linear() {
    let many_dots = ". ".repeat(50_000) + &"..".repeat(50_000);
    let one_word = "a.".repeat(100_000);
    let quotes = "\"a. B. ".repeat(20_000);
    let clocks = "At 5 a.m. ".repeat(20_000);
    for text in [many_dots, one_word, quotes, clocks] {
        let started = std::time::Instant::now();
        let spans = split_text(&text, Lexicon::global());
        assert!(spans.iter().all(|&(s, e)| s < e && e <= text.len()));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{} bytes took {:?}",
            text.len(),
            started.elapsed()
        );
    }
}

proptest::proptest! {
    /// Text made of the marks the splitter reads (quotes, brackets, dots, list markers, markup,
    /// escapes) never panics it, and its spans are ordered, disjoint, trimmed and on character
    /// boundaries.
    #[test]
    fn any_punctuation_gives_ordered_trimmed_spans(
        text in "([.!?…\"'“”‘’«»()\\[\\]<>/&;:,•⁃*=#-]|[ \\n\\r]|a|I|Mr|p|iv|U\\.S|[0-9]|\\\\n|&lt;b&gt;|🙂| \\. \\. \\.){0,60}"
    ) {
        let mut last = 0;
        for (s, e) in split_text(&text, Lexicon::global()) {
            proptest::prop_assert!(last <= s && s < e && e <= text.len());
            proptest::prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            proptest::prop_assert_eq!(text[s..e].trim(), &text[s..e]);
            last = e;
        }
    }
}

proptest::proptest! {
    /// The word-at-a-time search for a byte that may end a sentence finds the same byte a
    /// byte-by-byte one does, whatever the bytes around it and wherever it starts and stops.
    #[test]
    fn the_next_stop_is_the_first_byte_that_may_stop(
        bytes in proptest::collection::vec(
            proptest::prop_oneof![
                8 => 0x20u8..0x7f,
                1 => proptest::sample::select(vec![b'.', b'!', b'?', b'-']),
                1 => 0x80u8..=0xff,
            ],
            0..40,
        ),
        from in 0usize..40,
        limit in 0usize..40,
    ) {
        let limit = limit.min(bytes.len());
        let want = (from..limit).find(|&i| super::may_stop(bytes[i])).unwrap_or(limit.max(from));
        proptest::prop_assert_eq!(super::next_stop(&bytes, from, limit), want);
    }
}
