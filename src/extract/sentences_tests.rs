//! Sentence-boundary cases from many kinds of story: each text with the sentences a reader
//! would see.

use super::split_text;

fn check(cases: &[(&str, &[&str])]) {
    crate::extract::check_table(cases, |text| {
        split_text(text)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect::<Vec<_>>()
    });
}

#[test]
fn abbreviations_titles_and_initials() {
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
            "Mrs. Okafor and Ms. Dean arrived together.",
            &["Mrs. Okafor and Ms. Dean arrived together."],
        ),
        (
            "The suspect, John T. Mills, was charged.",
            &["The suspect, John T. Mills, was charged."],
        ),
        (
            "J.K. Rowling wrote it. Fans queued overnight.",
            &["J.K. Rowling wrote it.", "Fans queued overnight."],
        ),
        (
            "George W. Bush spoke at noon.",
            &["George W. Bush spoke at noon."],
        ),
        (
            "Shares of Apple Inc. rose 3%. Rivals fell.",
            &["Shares of Apple Inc. rose 3%.", "Rivals fell."],
        ),
        (
            "Acme Corp. and Beta Ltd. merged.",
            &["Acme Corp. and Beta Ltd. merged."],
        ),
        (
            "They met on Fifth Ave. near the park.",
            &["They met on Fifth Ave. near the park."],
        ),
        (
            "Martin Luther King Jr. Day is a holiday.",
            &["Martin Luther King Jr. Day is a holiday."],
        ),
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
            "Mt. Etna erupted. Flights were halted.",
            &["Mt. Etna erupted.", "Flights were halted."],
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
            "Talks resume on Sept. 9 in Geneva.",
            &["Talks resume on Sept. 9 in Geneva."],
        ),
        (
            "The deadline is Dec. 31. Late filers pay a fine.",
            &["The deadline is Dec. 31.", "Late filers pay a fine."],
        ),
        (
            "Polls close at 8 p.m. ET on Tuesday.",
            &["Polls close at 8 p.m. ET on Tuesday."],
        ),
        (
            "The train left at 6 a.m. Passengers were stranded.",
            &["The train left at 6 a.m.", "Passengers were stranded."],
        ),
        ("See No. 5 on the list.", &["See No. 5 on the list."]),
        ("Fig. 3 shows the trend.", &["Fig. 3 shows the trend."]),
    ]);
}

#[test]
fn numbers_and_lists() {
    check(&[
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
            "Steps: 1. Turn off gas. 2. Leave.",
            &["Steps: 1. Turn off gas.", "2. Leave."],
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
            "Temperatures hit 45.5C on Monday.",
            &["Temperatures hit 45.5C on Monday."],
        ),
        (
            "Growth was 0.3 per cent in Q2. Economists expected more.",
            &[
                "Growth was 0.3 per cent in Q2.",
                "Economists expected more.",
            ],
        ),
        (
            "In 2024. Nothing changed.",
            &["In 2024.", "Nothing changed."],
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
            "The group (which formed in 2019) grew fast.",
            &["The group (which formed in 2019) grew fast."],
        ),
        (
            "The toll rose (officials gave no figure). Rescue work continued.",
            &[
                "The toll rose (officials gave no figure).",
                "Rescue work continued.",
            ],
        ),
        (
            "(Reporting by Ann Lee.) More follows.",
            &["(Reporting by Ann Lee.)", "More follows."],
        ),
        (
            "\"We controlled 1,376 km. Now it is less. The enemy advances,\" the source said.",
            &[
                "\"We controlled 1,376 km.",
                "Now it is less.",
                "The enemy advances,\" the source said.",
            ],
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
            "[Editor's note: updated.] The story follows.",
            &["[Editor's note: updated.]", "The story follows."],
        ),
    ]);
}

#[test]
fn ellipses_questions_and_exclamations() {
    check(&[
        (
            "Will rates rise? Analysts think so.",
            &["Will rates rise?", "Analysts think so."],
        ),
        ("What now?! Nobody knows.", &["What now?!", "Nobody knows."]),
        (
            "Stop the war! Crowds chanted for hours.",
            &["Stop the war!", "Crowds chanted for hours."],
        ),
        (
            "It was … unclear. Then it cleared.",
            &["It was … unclear.", "Then it cleared."],
        ),
        (
            "He hesitated… Then he signed.",
            &["He hesitated…", "Then he signed."],
        ),
        ("We waited... and waited.", &["We waited... and waited."]),
        ("Is it over? is it?", &["Is it over? is it?"]),
        ("Wow! what a goal.", &["Wow! what a goal."]),
    ]);
}

#[test]
fn headlines_lines_and_whitespace() {
    check(&[
        (
            "Storm kills 12 in coastal towns\nRescuers search for the missing.",
            &[
                "Storm kills 12 in coastal towns",
                "Rescuers search for the missing.",
            ],
        ),
        (
            "Markets\n\nStocks fell. Bonds rose.",
            &["Markets", "Stocks fell.", "Bonds rose."],
        ),
        (
            "Title one\n\nTitle two\n\nBody.",
            &["Title one", "Title two", "Body."],
        ),
        (
            "  Leading spaces. Trailing spaces.   ",
            &["Leading spaces.", "Trailing spaces."],
        ),
        ("One.  Two.\tThree.", &["One.", "Two.", "Three."]),
        (
            "A short line\nAnother short line",
            &["A short line", "Another short line"],
        ),
        (
            "The river rose four metres overnight and flooded the lower town\nwhere most families live, officials said.",
            &[
                "The river rose four metres overnight and flooded the lower town\nwhere most families live, officials said.",
            ],
        ),
        ("No final period", &["No final period"]),
        (
            "Ends with colon:\nThe list follows.",
            &["Ends with colon:", "The list follows."],
        ),
        ("", &[]),
        (
            "Email a@b.org today. Thanks.",
            &["Email a@b.org today.", "Thanks."],
        ),
        (
            "Visit www.example.com. It is free.",
            &["Visit www.example.com.", "It is free."],
        ),
        (
            "The 1990s ended. A new era began.",
            &["The 1990s ended.", "A new era began."],
        ),
    ]);
}
