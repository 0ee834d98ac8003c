//! Attribution cases from many kinds of story. Each text is read sentence by sentence as an
//! article would be; the expectation is for its last sentence: `speaker`, `speaker|via`, or
//! `-` for no attribution. Anonymous speakers are marked with a leading `?`; a speaker named
//! by a pronoun and guessed from earlier sentences reads "he (Name?)".

use super::{Context, attribute};
use crate::extract::entities::find_entities;
use crate::extract::sentences::split_sentences;
use crate::lexicon::Lexicon;

fn last_speaker(text: &str) -> String {
    let mut ctx = Context::default();
    let sentences = split_sentences(text, Lexicon::global());
    for (s, e) in &sentences {
        ctx.know(&find_entities(&text[*s..*e], Lexicon::global()));
    }
    let mut last = None;
    for (s, e) in sentences {
        let sentence = &text[s..e];
        let entities = find_entities(sentence, Lexicon::global());
        ctx.learn(&entities);
        let a = attribute(sentence, &entities, &ctx, Lexicon::global());
        if let Some(a) = &a {
            ctx.heard(a);
        }
        last = a;
    }
    match last {
        None => "-".into(),
        Some(a) => {
            let mut s = if a.named {
                a.label().into_owned()
            } else {
                format!("?{}", a.speaker)
            };
            if !a.via.is_empty() {
                s += &format!(
                    "|{}",
                    a.via
                        .iter()
                        .map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                );
            }
            s
        }
    }
}

fn check(cases: &[(&str, &str)]) {
    crate::extract::check_table(cases, last_speaker);
}

#[test]
fn speaker_before_the_verb() {
    check(&[
        (
            "The river will crest on Friday, Mayor Ana Lopez said.",
            "Ana Lopez",
        ),
        (
            "Mayor Ana Lopez said the river would crest on Friday.",
            "Ana Lopez",
        ),
        (
            "Prime Minister Jana Novak said taxes would not rise.",
            "Jana Novak",
        ),
        (
            "The central bank said inflation had peaked.",
            "?The central bank",
        ),
        ("Reuters reported that the talks had stalled.", "Reuters"),
        (
            "The New York Times reported that the plan was shelved.",
            "The New York Times",
        ),
        ("Coach Mark Ellis says the team is ready.", "Mark Ellis"),
        (
            "Dr. Priya Raman told reporters the outbreak was contained.",
            "Priya Raman",
        ),
        (
            "Governor Tom Reyes has repeatedly said the budget is balanced.",
            "Tom Reyes",
        ),
        (
            "Health Minister Karl Berg announced 200 new beds.",
            "Karl Berg",
        ),
        (
            "Senator Lisa Park warned that the bill would fail.",
            "Lisa Park",
        ),
        ("Police said three people were arrested.", "?Police"),
        (
            "The World Health Organization said cases had doubled.",
            "World Health Organization",
        ),
        (
            "Judge Maria Costa ruled that the evidence was admissible and said the trial would go on.",
            "Maria Costa",
        ),
        ("Fire chief Dan Moss confirmed two deaths.", "Dan Moss"),
        (
            "The Ministry of Defence stated that the drills were routine.",
            "Ministry of Defence",
        ),
        (
            "Airline spokesperson Eva Lind said 40 flights were cancelled.",
            "Eva Lind",
        ),
        ("Witnesses said the blast shook buildings.", "?Witnesses"),
        (
            "Residents told local media the water rose fast.",
            "?Residents",
        ),
        (
            "The company also said profits fell 12 percent.",
            "?The company",
        ),
    ]);
}

#[test]
fn speaker_after_the_verb_and_quotes() {
    check(&[
        ("\"We will rebuild,\" said Mayor Ana Lopez.", "Ana Lopez"),
        ("\"We will rebuild,\" Lopez said.", "Lopez"),
        (
            "Mayor Ana Lopez toured the site. \"We will rebuild,\" Lopez said.",
            "Ana Lopez",
        ),
        (
            "\"The numbers are wrong,\" the minister said. Minister Karl Berg later left.",
            "-",
        ),
        (
            "“It is a disaster,” said the governor, Tom Reyes.",
            "Tom Reyes",
        ),
        ("\"Prices will fall,\" said one trader.", "?one trader"),
        ("\"Nothing has changed,\" a spokesman said.", "?a spokesman"),
        ("\"We are ready,\" the coach told reporters.", "?the coach"),
        ("\"No comment,\" she said.", "-"),
        (
            "Jana Novak spoke at the rally. \"We will win,\" she said.",
            "she (Jana Novak?)",
        ),
        (
            "Coach Mark Ellis was blunt. He said the team had failed.",
            "he (Mark Ellis?)",
        ),
        ("\"It is over,\" says Ellis.", "Ellis"),
        (
            "The report continues, \"Separately, a local commander told CNN that troops fought.\"",
            "?a local commander|CNN",
        ),
        (
            "The chancellor, Jeremy Hunt, said: \"Inflation is falling.\"",
            "Jeremy Hunt",
        ),
        (
            "The mayor, Ana Lopez, told reporters the river was falling.",
            "Ana Lopez",
        ),
    ]);
}

#[test]
fn according_to_and_citing() {
    check(&[
        (
            "According to the health ministry, 40 people died.",
            "?the health ministry",
        ),
        ("According to Reuters, the deal is done.", "Reuters"),
        ("According to police, the driver fled.", "?police"),
        (
            "Forty people died, according to state media.",
            "?state media",
        ),
        (
            "The port was hit, according to two officials familiar with the matter.",
            "?two officials familiar with the matter",
        ),
        (
            "Turnout was 61%, according to the election commission.",
            "?the election commission",
        ),
        (
            "According to Commander Oleh Petrenko, the line held.",
            "Oleh Petrenko",
        ),
        (
            "The line held, according to a military source speaking to Reuters.",
            "?a military source|Reuters",
        ),
        (
            "The agency reported the figure on Monday, citing a government source.",
            "?a government source|The agency",
        ),
        (
            "Interfax reported the strike, citing the defence ministry.",
            "?the defence ministry|Interfax",
        ),
        (
            "The Daily Herald reported on Tuesday, citing unnamed officials, that talks had collapsed.",
            "?unnamed officials|Daily Herald",
        ),
        (
            "Citing satellite images, analysts said the base was empty.",
            "?analysts",
        ),
    ]);
}

#[test]
fn told_an_outlet() {
    check(&[
        (
            "A senior official told CNN the strike was planned.",
            "?A senior official|CNN",
        ),
        (
            "Jana Novak told the BBC she would run again.",
            "Jana Novak|BBC",
        ),
        (
            "An officer of a mechanised unit told CNN that the attack failed.",
            "?An officer of a mechanised unit|CNN",
        ),
        (
            "Two diplomats told Reuters the vote was delayed.",
            "?Two diplomats|Reuters",
        ),
        (
            "The minister told parliament the plan was sound.",
            "?The minister",
        ),
        (
            "Lopez told reporters on Monday that the river was falling.",
            "Lopez",
        ),
    ]);
}

#[test]
fn roles_and_references_resolve() {
    check(&[
        (
            "President Jana Novak opened the session. The President stated that taxes would fall.",
            "Jana Novak",
        ),
        (
            "The New York Times reported the leak. The paper also said the memo was real.",
            "The New York Times",
        ),
        (
            "Governor Tom Reyes spoke first. The governor said the roads were closed.",
            "Tom Reyes",
        ),
        (
            "Gen. Oleh Petrenko briefed allies. Gen. Petrenko added that the line held.",
            "Oleh Petrenko",
        ),
        (
            "A military source told Reuters the line was thin. The line held, the source said.",
            "?A military source|Reuters",
        ),
        (
            "An anonymous source said troops were moving. According to the source, troops withdrew.",
            "?An anonymous source",
        ),
        (
            "The Institute for Fiscal Studies, a London think tank, estimated the gap at 2%.",
            "Institute for Fiscal Studies",
        ),
    ]);
}

#[test]
fn headlines_and_no_attribution() {
    check(&[
        (
            "Floods force thousands from homes, governor says",
            "?governor",
        ),
        ("Inflation falls to 3%, Novak says", "Novak"),
        ("Reuters: talks stall over border", "Reuters"),
        ("Ukraine: talks stall over border", "-"),
        ("The river rose four metres overnight.", "-"),
        ("They are said to be near the border.", "-"),
        ("Thousands marched in the capital on Sunday.", "-"),
        (
            "The plan was first reported by the Washington Post.",
            "The Washington Post",
        ),
        ("The claim was denied by the Kremlin.", "Kremlin"),
        ("Prices rose 4% in March.", "-"),
    ]);
}

#[test]
fn names_that_hold_a_verb_of_saying_or_an_owner_are_not_speakers() {
    check(&[
        // "States" in a country's name is no verb.
        (
            "The minister hopes to sign a trade pact with the United States by spring.",
            "-",
        ),
        (
            "\"Talks will resume,\" Ana Lopez said. The deal was welcomed in the United States.",
            "-",
        ),
        // A possessive names an owner: the critics speak, not the person they criticise.
        (
            "Some of Mr. Okafor's critics have said that the budget hides the deficit.",
            "?Mr. Okafor's critics",
        ),
    ]);
}

#[test]
fn a_pronoun_stands_for_the_person_the_sentence_named_before_it() {
    check(&[
        (
            "\"We expect delays,\" Ana Lopez said. The transport chief, Tom Reyes, shared the mayor's post: \"Roads close at noon,\" he wrote.",
            "Tom Reyes",
        ),
        // A name inside the quotation is not who speaks.
        (
            "\"We expect delays,\" Ana Lopez said. \"We flew Tom Reyes in on Monday,\" she added.",
            "she (Ana Lopez?)",
        ),
    ]);
}

#[test]
fn words_that_only_look_like_reports_of_speech() {
    check(&[
        // An adjective, a noun and an infinitive.
        (
            "The pact binds a declared nuclear power to inspections.",
            "-",
        ),
        (
            "Markets fell sharply after reports that the port would close.",
            "-",
        ),
        ("It was a strange thing to say at a funeral.", "-"),
        // What follows "said" is what was said, not who said it; the speaker is before a
        // long appositive.
        (
            "Ana Lopez, a lecturer in trade law at a university in Lisbon for two decades, said Tom Reyes arrived late.",
            "Ana Lopez",
        ),
        (
            "In the end, the court said Tom Reyes arrived late.",
            "?the court",
        ),
        // A sentence-initial "But" is not part of the speaker.
        ("But analysts said the rate cut came too late.", "?analysts"),
        // "but said": the subject is further back, not the object before "but".
        (
            "The minister would not name the towns but said two were on the coast.",
            "-",
        ),
    ]);
}

#[test]
fn a_speaker_phrase_goes_on_before_a_preposition() {
    check(&[
        (
            "The bridge will reopen in May, a spokesman for the city council said.",
            "?a spokesman for the city council",
        ),
        (
            "The minister flew to Oslo last week, two people briefed on the secret talks said.",
            "?two people briefed on the secret talks",
        ),
    ]);
}

#[test]
fn a_role_keeps_its_to_phrase() {
    check(&[
        (
            "The treaty will be signed in June, the Dutch ambassador to Canada said.",
            "?the Dutch ambassador to Canada",
        ),
        (
            "Talks resume next week, the Kenyan envoy to the African Union has confirmed.",
            "?the Kenyan envoy to the African Union",
        ),
    ]);
}

#[test]
fn adverbs_and_time_phrases_before_the_verb_are_not_the_speaker() {
    check(&[
        (
            "In a statement, Clean Rivers Trust on Friday noted that the permit had lapsed.",
            "Clean Rivers Trust",
        ),
        (
            "Maria Ortega on Tuesday morning said the bridge would reopen.",
            "Maria Ortega",
        ),
        (
            "Councillor Ruth Obi flatly denied that the count had been rigged.",
            "Ruth Obi",
        ),
        (
            "Deputy Mayor Tomas Berg has also said the tunnel is safe.",
            "Tomas Berg",
        ),
        // A month alone is as often a name: "Theresa May" stays the speaker.
        (
            "The deal is the best on offer, Theresa May said.",
            "Theresa May",
        ),
    ]);
}

#[test]
fn a_role_phrase_holding_a_name_is_that_person() {
    check(&[(
        "Dutch Ambassador to Canada Sir Ian Bell said the treaty was ready.",
        "Ian Bell",
    )]);
}

#[test]
fn it_stands_for_an_organisation_named_before_it() {
    check(&[(
        "Mayor Ana Lopez said the list was fake. Reuters obtained a list of questions it said the panel had drafted.",
        "Reuters",
    )]);
}

#[test]
fn an_opening_adverb_is_not_the_speaker() {
    check(&[(
        "Earlier reports from Danish officials said 300 homes were flooded.",
        "?Danish officials",
    )]);
}

#[test]
fn a_role_after_a_name_and_a_comma_is_that_persons() {
    check(&[
        (
            "Anna Berg, Green Party deputy leader and Transport spokesperson said the fares were unfair.",
            "Anna Berg",
        ),
        // A comma closing the appositive is read as before.
        (
            "Tomas Lind, a spokesman for the port, said the cranes were idle.",
            "Tomas Lind",
        ),
    ]);
}

#[test]
fn an_aside_between_an_opening_subject_and_the_verb_is_skipped() {
    check(&[
        // An age after a surname named earlier in the story.
        (
            "Police questioned Marta Kovac on Monday. Kovac, 61, said the boat left at dawn.",
            "Marta Kovac",
        ),
        // A clause after a role.
        (
            "The harbour master, who toured the docks on Monday, said two cranes had fallen.",
            "?The harbour master",
        ),
        // A clause after a name.
        (
            "Berg, who has run the port for a decade, said the cranes were idle.",
            "Berg",
        ),
        // What opens the sentence is an adverb, not the subject.
        (
            "Meanwhile, the ferries, which run hourly, said nothing.",
            "-",
        ),
    ]);
}

#[test]
fn a_clause_after_a_name_is_no_role_of_it() {
    check(&[(
        "Anna Berg, who led the inquiry and the harbour spokesman said the cranes were idle.",
        "?the harbour spokesman",
    )]);
}

#[test]
fn a_name_inside_the_clause_before_a_comma_is_not_the_speaker() {
    check(&[(
        "The barrels were counted by the Red Cross near Anna Berg, a spokeswoman said.",
        "?a spokeswoman",
    )]);
}

#[test]
fn a_pronoun_with_a_contracted_verb_is_a_pronoun() {
    check(&[
        (
            "Coach Mark Ellis was blunt. He's said the team failed.",
            "he (Mark Ellis?)",
        ),
        (
            "Ana Lopez spoke at the rally. She'd said the river would rise.",
            "she (Ana Lopez?)",
        ),
    ]);
}

#[test]
fn i_and_we_are_the_writers_outside_quotation_marks_and_the_quoted_speaker_inside() {
    check(&[
        (
            "Ana Lopez spoke at the rally. We said this before: the port is too small.",
            "-",
        ),
        (
            "Ana Lopez spoke at the rally. I wrote about the port last year.",
            "-",
        ),
        (
            "Tom Reyes spoke first. \"Anything we wrote was true,\" Ana Lopez said.",
            "Ana Lopez",
        ),
        (
            "\"The port is too small,\" Ana Lopez said. \"I said it then and I say it now.\"",
            "I (Ana Lopez?)",
        ),
    ]);
}

#[test]
fn a_saying_verb_after_a_preposition_is_an_adjective() {
    check(&[
        ("Police opened a probe into alleged fraud at the port.", "-"),
        (
            "The court heard evidence about reported abuses in the camp.",
            "-",
        ),
        ("\"The worst is over,\" says Ana Lopez.", "Ana Lopez"),
    ]);
}

#[test]
fn a_relative_who_hands_the_verb_to_the_phrase_before_it() {
    check(&[(
        "The board hired a former adviser who said the plan would fail.",
        "?a former adviser",
    )]);
}

#[test]
fn a_lexicon_passed_in_is_read_through_its_own_word_classes() {
    let dir = std::env::temp_dir().join(format!("cc-attr-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("attribution_verbs.txt"), "intoned\n").unwrap();
    let user = Lexicon::load(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let plain = Lexicon::embedded();
    let s = "The budget will be cut by a third next year, Maria Lopez intoned.";
    let speaker = |lex: &Lexicon| {
        let entities = find_entities(s, lex);
        attribute(s, &entities, &Context::default(), lex).map(|a| a.label().into_owned())
    };
    // Each lexicon answers by its own verbs, whichever was read first.
    assert_eq!(speaker(&plain), None);
    assert_eq!(speaker(&user).as_deref(), Some("Maria Lopez"));
    assert_eq!(speaker(&plain), None);
}

#[test]
fn a_name_ends_with_a_word_only_after_a_space() {
    for (name, word, ends) in [
        ("Maria Lopez", "Lopez", true),
        ("Maria Lopez", "Maria Lopez", false),
        ("Maria Lopez", "opez", false),
        ("Gen. Ann Smith", "Ann Smith", true),
        ("Lopez", "Lopez", false),
    ] {
        assert_eq!(super::ends_with_word(name, word), ends, "{name} / {word}");
    }
}
