//! Quantity cases from many kinds of story: each sentence with the figures a reader would
//! underline, written compactly as `value [>=low] [<=high] [~hedge] [[unit]] kind`.

use super::find_quantities;
use crate::lexicon::{Lexicon, QuantityKind};

fn render(text: &str) -> Vec<String> {
    find_quantities(text, Lexicon::global())
        .iter()
        .map(|q| {
            let num = |v: f64| {
                let v = (v * 1e4).round() / 1e4;
                if v.fract() == 0.0 {
                    format!("{}", v as i64)
                } else {
                    format!("{v}")
                }
            };
            let mut s = q.value().map_or("-".to_string(), num);
            if let Some(l) = q.low() {
                s += &format!(" >={}", num(l));
            }
            if let Some(h) = q.high() {
                s += &format!(" <={}", num(h));
            }
            if let Some(a) = &q.approx {
                s += &format!(" ~{a}");
            }
            if let Some(u) = &q.unit {
                s += &format!(" [{u}]");
            }
            s += &format!(" {}", q.kind);
            s
        })
        .collect()
}

fn check(cases: &[(&str, &[&str])]) {
    crate::extract::check_table(cases, render);
}

#[test]
fn digits_separators_and_decimals() {
    check(&[
        (
            "The army holds 50,000 troops near the border.",
            &["50000 [troops] count"],
        ),
        (
            "Officials counted 1,376 ballots by noon.",
            &["1376 [ballots] count"],
        ),
        (
            "About 59 000 people marched.",
            &["59000 ~about [people] count"],
        ),
        ("Growth slowed to 1.5 percent.", &["1.5 [%] percent"]),
        ("The vote passed 312 to 101.", &["312 number", "101 number"]),
        (
            "The quake killed 2,456 people in three provinces.",
            &["2456 [people] count", "3 [provinces] count"],
        ),
        (
            "Turnout reached 67.3% in the capital.",
            &["67.3 [%] percent"],
        ),
        ("A total of 12 people were hurt.", &["12 [people] count"]),
        ("They found 3 bodies.", &["3 [bodies] count"]),
        (
            "Police arrested 45 protesters overnight.",
            &["45 [protesters] count"],
        ),
        ("The company cut 1,200 jobs.", &["1200 [jobs] count"]),
        (
            "The league fined the club 250,000 euros.",
            &["250000 [EUR] money"],
        ),
        (
            "The hospital treated 87 patients.",
            &["87 [patients] count"],
        ),
        (
            "He scored 31 points against Boston.",
            &["31 [points] count"],
        ),
        ("The record stood at 1,770 before.", &["1770 number"]),
    ]);
}

#[test]
fn number_words() {
    check(&[
        ("Eleven miners were rescued.", &["11 [miners] count"]),
        (
            "The storm destroyed two hundred and twenty homes.",
            &["220 [homes] count"],
        ),
        ("A dozen cars were torched.", &["12 [cars] count"]),
        ("Twenty-five students passed.", &["25 [students] count"]),
        (
            "The firm hired three thousand workers.",
            &["3000 [workers] count"],
        ),
        ("Nine people died in the fire.", &["9 [people] count"]),
        ("She waited for three months.", &["3 [month] duration"]),
        ("Four soldiers were wounded.", &["4 [soldiers] count"]),
        ("One of them left early.", &[]),
        ("No one was hurt.", &[]),
        ("No one else was hurt.", &[]),
        ("At one point the line broke.", &[]),
        ("It is the number one priority.", &[]),
        (
            "One man was killed and another 14 were injured.",
            &["1 [man] count", "14 [injured] count"],
        ),
        ("The court heard from one witness.", &["1 [witness] count"]),
        (
            "Seventeen candidates filed papers.",
            &["17 [candidates] count"],
        ),
        ("It rained for two weeks.", &["2 [week] duration"]),
        ("Forty percent of voters abstained.", &["40 [%] percent"]),
        ("Ninety-nine cases were confirmed.", &["99 [cases] count"]),
    ]);
}

#[test]
fn scales_and_suffixes() {
    check(&[
        (
            "The deal is worth 1.5 million dollars.",
            &["1500000 [USD] money"],
        ),
        (
            "The fund raised $2bn last year.",
            &["2000000000 [USD] money"],
        ),
        ("The app has 300K users.", &["300000 [users] count"]),
        ("Profits hit £4.2 billion.", &["4200000000 [GBP] money"]),
        (
            "The ministry spent €350m on roads.",
            &["350000000 [EUR] money"],
        ),
        (
            "About 2 million people live there.",
            &["2000000 ~about [people] count"],
        ),
        ("Aid of $50 million arrived.", &["50000000 [USD] money"]),
        (
            "The budget is 3 trillion yen.",
            &["3000000000000 [JPY] money"],
        ),
        ("It cost $4.5bn.", &["4500000000 [USD] money"]),
        (
            "Some 1.2 million refugees fled.",
            &["1200000 ~some [refugees] count"],
        ),
        (
            "Sales rose to 10 million units.",
            &["10000000 [units] count"],
        ),
        (
            "The region lost 5 billion rubles.",
            &["5000000000 [RUB] money"],
        ),
        (
            "Nearly 3 million viewers watched.",
            &["3000000 <=3000000 ~nearly [viewers] count"],
        ),
        ("US$7 billion was pledged.", &["7000000000 [USD] money"]),
        ("A $20 fine was imposed.", &["20 [USD] money"]),
    ]);
}

#[test]
fn vague_magnitudes_and_fractions() {
    check(&[
        (
            "Thousands of people fled the city.",
            &["- >=2000 <=9999 ~thousands [people] count"],
        ),
        (
            "Tens of thousands of fans gathered.",
            &["- >=20000 <=99999 ~tens of thousands [fans] count"],
        ),
        (
            "Hundreds of homes were flooded.",
            &["- >=200 <=999 ~hundreds [homes] count"],
        ),
        (
            "Dozens of flights were cancelled.",
            &["- >=24 <=99 ~dozens [flights] count"],
        ),
        (
            "Millions of voters stayed home.",
            &["- >=2000000 <=9999999 ~millions [voters] count"],
        ),
        (
            "About half of the territory was retaken.",
            &["50 ~about [%] percent"],
        ),
        (
            "A third of the budget went to defence.",
            &["33.3333 [%] percent"],
        ),
        ("Two-thirds of members voted yes.", &["66.6667 [%] percent"]),
        ("Half the staff were laid off.", &["50 [%] percent"]),
        ("Profit doubled in the first half of the year.", &[]),
        ("A quarter of the crop was lost.", &["25 [%] percent"]),
        (
            "Three quarters of the seats went to the ruling party.",
            &["75 [%] percent"],
        ),
        ("The party won a majority of seats.", &["50 [%] percent"]),
        (
            "Hundreds of thousands of people lost power.",
            &["- >=200000 <=999999 ~hundreds of thousands [people] count"],
        ),
        (
            "Scores of houses burned.",
            &["- >=40 <=99 ~scores [houses] count"],
        ),
        ("Half an hour later it ended.", &["0.5 [h] duration"]),
        (
            "The union said thousands of our members would strike.",
            &["- >=2000 <=9999 ~thousands [members] count"],
        ),
        (
            "Dozens of their neighbours came to help.",
            &["- >=24 <=99 ~dozens [neighbours] count"],
        ),
        (
            "Hundreds of the protesters were detained.",
            &["- >=200 <=999 ~hundreds [protesters] count"],
        ),
        (
            "The city council approved a multimillion-dollar stadium deal.",
            &["- >=2000000 <=999999999 ~multimillion [USD] money"],
        ),
        (
            "Regulators opened a multi-billion dollar inquiry.",
            &["- >=2000000000 <=999999999999 ~multi-billion [USD] money"],
        ),
        (
            "The families have feuded for decades.",
            &["- >=2 <=9 ~decades [decade] duration"],
        ),
        (
            "A decades-old rule was dropped.",
            &["- >=2 <=9 ~decades [decade] age"],
        ),
        (
            "Three decades later the mill reopened.",
            &["3 [decade] duration"],
        ),
    ]);
}

#[test]
fn hedges_set_bounds() {
    check(&[
        (
            "Nearly 60,000 troops are stationed there.",
            &["60000 <=60000 ~nearly [troops] count"],
        ),
        (
            "More than 40% of the land was lost.",
            &["40 >=40 ~more than [%] percent"],
        ),
        (
            "At least 12 people died.",
            &["12 >=12 ~at least [people] count"],
        ),
        (
            "Up to 300 families may be moved.",
            &["300 <=300 ~up to [families] count"],
        ),
        (
            "Around 11,000 soldiers arrived.",
            &["11000 ~around [soldiers] count"],
        ),
        (
            "Roughly 800 square kilometers remain.",
            &["800 ~roughly [km2] area"],
        ),
        (
            "Approximately 5,000 tickets sold.",
            &["5000 ~approximately [tickets] count"],
        ),
        (
            "Almost 90 percent agreed.",
            &["90 <=90 ~almost [%] percent"],
        ),
        (
            "Over 10,000 soldiers were sent.",
            &["10000 >=10000 ~over [soldiers] count"],
        ),
        (
            "Fewer than 20 people attended.",
            &["20 <=20 ~fewer than [people] count"],
        ),
        (
            "Less than 5% of the vote went to him.",
            &["5 <=5 ~less than [%] percent"],
        ),
        (
            "At most, they held 1,376 square kilometers.",
            &["1376 <=1376 ~at most [km2] area"],
        ),
        (
            "An estimated 50,000 people attended.",
            &["50000 ~an estimated [people] count"],
        ),
        (
            "Some 11,000 troops are in the region.",
            &["11000 ~some [troops] count"],
        ),
        (
            "About 2,000 homes lost power.",
            &["2000 ~about [homes] count"],
        ),
        (
            "At most 40 vehicles were damaged.",
            &["40 <=40 ~at most [vehicles] count"],
        ),
        (
            "Estimated 700 people died.",
            &["700 ~estimated [people] count"],
        ),
        (
            "Close to 3,000 ballots were spoiled.",
            &["3000 ~close to [ballots] count"],
        ),
        (
            "In excess of 500 calls came in.",
            &["500 >=500 ~in excess of [calls] count"],
        ),
        (
            "No fewer than 30 ships took part.",
            &["30 >=30 ~no fewer than [ships] count"],
        ),
        (
            "1,000 people or more gathered.",
            &["1000 >=1000 ~or more [people] count"],
        ),
        (
            "It moved 600 troops and more than 40 tanks.",
            &["600 [troops] count", "40 >=40 ~more than [tanks] count"],
        ),
        (
            "As many as 400 migrants drowned.",
            &["400 <=400 ~as many as [migrants] count"],
        ),
        ("The toll is 100 or so.", &["100 ~or so [deaths] count"]),
        (
            "Just over 2,000 runners finished.",
            &["2000 >=2000 ~just over [runners] count"],
        ),
        (
            "Under 10% of homes have fibre.",
            &["10 <=10 ~under [%] percent"],
        ),
    ]);
}

#[test]
fn ranges() {
    check(&[
        (
            "Between 10,000 and 12,000 people marched.",
            &["- >=10000 <=12000 [people] count"],
        ),
        (
            "The storm left 10,000-12,000 homeless.",
            &["- >=10000 <=12000 number"],
        ),
        (
            "Estimates range from 10 to 12 million people.",
            &["- >=10000000 <=12000000 [people] count"],
        ),
        (
            "Between 10 and 12 boats sank.",
            &["- >=10 <=12 [boats] count"],
        ),
        (
            "Winds of 100-120 km/h hit the coast.",
            &["- >=100 <=120 [km/h] speed"],
        ),
        (
            "It will cost $3-5 billion.",
            &["- >=3000000000 <=5000000000 [USD] money"],
        ),
        (
            "Some 20 to 30 people were inside.",
            &["- >=20 <=30 ~some [people] count"],
        ),
        (
            "Temperatures of 40–45 degrees Celsius are expected.",
            &["- >=40 <=45 [°C] temperature"],
        ),
        (
            "They expect 5 to 7 percent growth.",
            &["- >=5 <=7 [%] percent"],
        ),
        ("The match ended 3-1.", &[]),
        (
            "Around 70% to 80% of cases were mild.",
            &["- >=70 <=80 ~around [%] percent"],
        ),
        ("Between 10% and 15% voted.", &["- >=10 <=15 [%] percent"]),
        (
            "The camp is 5 km - 10 km away.",
            &["- >=5 <=10 [km] length"],
        ),
        (
            "Prices rose 5% to 10% a year.",
            &["5 [%] percent", "10 [%] percent"],
        ),
        (
            "Shares fell 3 to 145 pence.",
            &["3 number", "145 [GBp] money"],
        ),
        ("The festival runs March 5-7.", &[]),
    ]);
}

#[test]
fn units_and_conversions() {
    check(&[
        (
            "We controlled about 1,376 square kilometers (531 square miles).",
            &["1376 ~about [km2] area", "531 [mi2] area"],
        ),
        ("The fire burned 5,000 hectares.", &["5000 [ha] area"]),
        ("The park covers 300 acres.", &["300 [acre] area"]),
        (
            "Temperatures reached 40C in the capital.",
            &["40 [°C] temperature"],
        ),
        (
            "The thermometer hit 104F in Phoenix.",
            &["104 [°F] temperature"],
        ),
        (
            "Lows of -5C are forecast overnight.",
            &["-5 [°C] temperature"],
        ),
        ("Flight 10C to Paris was cancelled.", &[]),
        ("Troops advanced 15 km overnight.", &["15 [km] length"]),
        ("The convoy stretched 40 miles.", &["40 [mi] length"]),
        ("Rain fell at 50 mm an hour.", &["50 [mm] length"]),
        ("Koksan 170mm howitzers were moved.", &["170 [mm] length"]),
        ("The wall is 6 meters high.", &["6 [m] length"]),
        ("The border area is 2,000 km2.", &["2000 [km2] area"]),
        ("A zone of 120 km² was closed.", &["120 [km2] area"]),
        ("The parcel weighed 20 kg.", &["20 [kg] mass"]),
        ("Exports reached 3 million tonnes.", &["3000000 [t] mass"]),
        ("Unemployment fell to 4.1 per cent.", &["4.1 [%] percent"]),
        ("Rates rose 0.25 percentage points.", &["0.25 [%] percent"]),
        ("The talks lasted 14 hours.", &["14 [h] duration"]),
        ("He served 25 years in prison.", &["25 [year] duration"]),
        ("It took 90 minutes.", &["90 [min] duration"]),
        ("Aid was paused for 90 days.", &["90 [day] duration"]),
        ("Wind gusts hit 150 mph.", &["150 [mph] speed"]),
        ("A 3-kilometer exclusion zone was set.", &["3 [km] length"]),
        ("The fine was 2,000 hryvnias.", &["2000 [UAH] money"]),
        ("The bill was 500 rupees.", &["500 [INR] money"]),
        ("Inflation hit 40%.", &["40 [%] percent"]),
        ("The plant used 80 tons of steel.", &["80 [t] mass"]),
        ("The 12 ft boat capsized.", &["12 [ft] length"]),
        ("The 66-page complaint was filed.", &["66 [page] count"]),
        ("A 12-member panel met.", &["12 [member] count"]),
        ("It was a 3-D film.", &["3 number"]),
        (
            "Close to two million long-time residents left.",
            &["2000000 ~close to [residents] count"],
        ),
        (
            "The galaxy is 230 million light-years away.",
            &["230000000 [light-years] count"],
        ),
        ("It opened one neo-bank.", &["1 [neo-bank] count"]),
        (
            "The 13.8-billion-year-old universe.",
            &["13800000000 [year] age"],
        ),
        ("It offers a 360-degree view.", &["360 [degree] count"]),
        (
            "The ministry sent 3,000 more soldiers to the region.",
            &["3000 [soldiers] count"],
        ),
        (
            "At least 12 other people were evacuated.",
            &["12 >=12 ~at least [people] count"],
        ),
        (
            "Tens of thousands more residents marched on Sunday.",
            &["- >=20000 <=99999 ~tens of thousands [residents] count"],
        ),
        (
            "The team scored 20 more in the second half.",
            &["20 number"],
        ),
        (
            "The two ministers have met six times this year.",
            &["2 [ministers] count", "6 [times] count"],
        ),
        (
            "He has been arrested five times, police said.",
            &["5 [times] count"],
        ),
        (
            "She was questioned four times after the vote.",
            &["4 [times] count"],
        ),
        ("They have met three times together.", &["3 [times] count"]),
        ("The rate is three times as high as in 2019.", &["3 number"]),
        ("Rents were 10 times higher in the capital.", &["10 number"]),
        (
            "The new plant is four times the size of the old.",
            &["4 number"],
        ),
    ]);
}

#[test]
fn counted_nouns_and_qualifiers() {
    let q = find_quantities(
        "Around 11,000 North Korean soldiers were stationed there.",
        Lexicon::global(),
    );
    assert_eq!(*q[0].modifiers, ["North", "Korean"]);
    assert_eq!(q[0].canonical_unit.as_deref(), Some("troops"));
    let q = find_quantities(
        "Russian forces have suffered 7,905 soldiers killed, 12,220 injured, and 717 captured.",
        Lexicon::global(),
    );
    assert_eq!(q.len(), 3);
    assert_eq!(q[0].predicate.as_deref(), Some("killed"));
    assert_eq!(q[1].unit.as_deref(), Some("soldiers"));
    assert_eq!(q[1].predicate.as_deref(), Some("injured"));
    assert_eq!(q[2].predicate.as_deref(), Some("captured"));
    let q = find_quantities(
        "They hold back the nearly 50,000-strong enemy group.",
        Lexicon::global(),
    );
    assert_eq!(q[0].kind, QuantityKind::Count);
    assert_eq!(q[0].canonical_unit.as_deref(), Some("troops"));
    assert_eq!(q[0].approx.as_deref(), Some("nearly"));
    let q = find_quantities(
        "A 2,000-strong group marched on the capital.",
        Lexicon::global(),
    );
    assert_eq!(
        q[0].canonical_unit.as_deref(),
        Some("group"),
        "a group of whom?"
    );
    let q = find_quantities("The 3,000-strong brigade pulled back.", Lexicon::global());
    assert_eq!(q[0].canonical_unit.as_deref(), Some("troops"));
    let q = find_quantities(
        "Officials reported 40 casualties, and the hospital 12 deaths.",
        Lexicon::global(),
    );
    assert_eq!(q[0].canonical_unit.as_deref(), Some("casualties"));
    assert_eq!(q[1].canonical_unit.as_deref(), Some("deaths"));
    let q = find_quantities(
        "After three rounds of talks, 10 buildings and 4 homes burned.",
        Lexicon::global(),
    );
    assert_eq!(q[0].canonical_unit.as_deref(), Some("round"));
    assert_eq!(q[1].canonical_unit.as_deref(), Some("buildings"));
    let q = find_quantities(
        "Holding back 50,000 of the occupier's army personnel.",
        Lexicon::global(),
    );
    assert_eq!(q[0].unit.as_deref(), Some("personnel"));
    check(&[
        (
            "The army lost 40 tanks and 12 aircraft.",
            &["40 [tanks] count", "12 [aircraft] count"],
        ),
        (
            "Officials said 3,000 civilians were evacuated.",
            &["3000 [civilians] count"],
        ),
        (
            "The virus infected 1,200 new patients.",
            &["1200 [patients] count"],
        ),
        ("The strike grounded 300 flights.", &["300 [flights] count"]),
        ("Police detained 87 fans.", &["87 [fans] count"]),
        (
            "About 4,000 residents were told to leave.",
            &["4000 ~about [residents] count"],
        ),
        ("Rebels freed 15 hostages.", &["15 [hostages] count"]),
        (
            "The flood damaged 2,300 buildings.",
            &["2300 [buildings] count"],
        ),
        ("The blast injured 46 workers.", &["46 [workers] count"]),
        ("Israel released 90 prisoners.", &["90 [prisoners] count"]),
    ]);
}

#[test]
fn not_quantities() {
    check(&[
        ("The session opened at 5:20 PM on Monday.", &[]),
        ("Nov 23, 2024 - 23:00", &[]),
        ("The summit is on November 11, 2024.", &[]),
        ("Elections were held in 2019.", &[]),
        ("For the 2nd day straight, losses rose.", &[]),
        ("The 79th brigade held the line.", &[]),
        ("Pilots flew F-16 jets.", &[]),
        ("A Su-34 bomber was downed.", &[]),
        ("Rail cars carried M-1978/1989 guns.", &[]),
        ("Call +1 (202) 555-0143 for details.", &[]),
        ("Call 555-0143 for details.", &[]),
        ("See https://example.com/page/2024 for more.", &[]),
        ("Follow @Archer83Able on the network.", &[]),
        ("Resolution 2231 was adopted.", &[]),
        ("Flight 17 was shot down.", &[]),
        ("The COVID-19 pandemic hit trade.", &[]),
        ("The G7 met in Italy.", &[]),
        ("Windows 11 was released.", &[]),
        ("It happened at 9 a.m. sharp.", &[]),
        ("The meeting is at 10pm.", &[]),
        ("Article 5 of the treaty applies.", &[]),
        ("He was born on 3 March 1990.", &[]),
        ("Since February 2022, prices have doubled.", &[]),
        ("The 2024 budget passed.", &[]),
        ("Status-6 posted the photo.", &[]),
        ("Room 101 was locked.", &[]),
        ("The 1990s were different.", &[]),
        ("It is the 21st century.", &[]),
        ("Highway 1 was closed.", &[]),
        ("The Boeing 737 landed.", &[]),
    ]);
}

#[test]
fn fractions_and_mixed_numbers() {
    check(&[
        ("Three fifths of the budget is spent.", &["60 [%] percent"]),
        ("The answer was three fifths.", &["0.6 number"]),
        ("One fifth is gone.", &["0.2 number"]),
        (
            "The fund lost two thirds of a million dollars.",
            &["666666.6667 [USD] money"],
        ),
        (
            "The city has five and a half million people.",
            &["5500000 [people] count"],
        ),
        (
            "The state has one million and a half residents.",
            &["1500000 [residents] count"],
        ),
        ("The score was twenty and three fifths.", &["20.6 number"]),
        ("It rose 3 1/2 points.", &["3.5 [points] count"]),
        ("He added ¾ of a cup.", &["0.75 [cup] volume"]),
        ("The pipe is 1½ inches wide.", &["1.5 [in] length"]),
        (
            "Prices fell as much as 1 / 4 point.",
            &["0.25 <=0.25 ~as much as number"],
        ),
        ("The yield rose 7 3/4%.", &["7.75 [%] percent"]),
        ("Only a fifth.", &["0.2 number"]),
        (
            "He lost by five-and-a-half points.",
            &["5.5 [points] count"],
        ),
        ("The notes read 6/8 and 2/4.", &[]),
        ("She won a third term in office.", &[]),
        ("The mayor spoke for half an hour.", &["0.5 [h] duration"]),
        (
            "It ended a week and a half later.",
            &["1.5 [week] duration"],
        ),
        (
            "They talked for two hours and a quarter.",
            &["2.25 [h] duration"],
        ),
        (
            "A third of a mile of road was paved.",
            &["0.3333 [mi] length"],
        ),
        ("Nine in ten parents agreed.", &["90 [%] percent"]),
        (
            "Two out of three voters stayed home.",
            &["66.6667 [%] percent"],
        ),
        ("One in 20 tests was positive.", &["5 [%] percent"]),
        ("They won 3 in 2019.", &["3 number"]),
        ("Codes like 9/11 and 24/7 are not fractions.", &[]),
    ]);
}

#[test]
fn spelled_compounds() {
    check(&[
        (
            "The jury heard one hundred and sixty-one witnesses.",
            &["161 [witnesses] count"],
        ),
        (
            "The form lists 3 hundred and 21 names.",
            &["321 [names] count"],
        ),
        (
            "Some 4 thousand 3 hundred and 21 ballots were void.",
            &["4321 ~some [ballots] count"],
        ),
        (
            "It costs a quarter million dollars.",
            &["250000 [USD] money"],
        ),
        ("Half a dozen boats capsized.", &["6 [boats] count"]),
        ("They seized 3 dozen rifles.", &["36 [rifles] count"]),
        ("There are three dozen eggs.", &["36 [eggs] count"]),
        ("Fifty - two cars were hit.", &["52 [cars] count"]),
        ("Twenty one people died.", &["21 [people] count"]),
        (
            "Two hundred and two thousand votes were cast.",
            &["202000 [votes] count"],
        ),
        (
            "Inflation hit two point five percent.",
            &["2.5 [%] percent"],
        ),
        (
            "The debt is three lakh crore rupees.",
            &["3000000000000 [INR] money"],
        ),
        ("It was the twenty-first time.", &[]),
        ("The one hundred and fifth session opened.", &[]),
    ]);
}

#[test]
fn signs_and_decimals() {
    check(&[
        ("The index closed at -9.23.", &["-9.23 number"]),
        ("Temperatures of minus 5 were forecast.", &["-5 number"]),
        ("It was −3 °C at dawn.", &["-3 [°C] temperature"]),
        ("The rate rose .08 points.", &["0.08 [points] count"]),
        ("Growth was negative one percent.", &["-1 [%] percent"]),
        ("The flask held 1.2e3 litres.", &["1200 [l] volume"]),
        ("The rout ended 10-2.", &[]),
        (
            "It fell to -40 degrees Fahrenheit.",
            &["-40 [°F] temperature"],
        ),
    ]);
    let f = find_quantities("It fell to -40 degrees Fahrenheit.", Lexicon::global());
    assert_eq!(f[0].canonical_value(), Some(-40.0), "-40 °F is -40 °C");
}

#[test]
fn scale_suffixes_by_context() {
    check(&[
        ("The target is US$ 1MM this year.", &["1000000 [USD] money"]),
        ("Its valuation hit $10M.", &["10000000 [USD] money"]),
        ("They raised 10K in a week.", &["10000 number"]),
        ("Losses reached £2.8bn.", &["2800000000 [GBP] money"]),
        ("The app has 1.5bn users.", &["1500000000 [users] count"]),
        ("India has 1.5bn.", &["1500000000 number"]),
        ("The wall stands 10 m high.", &["10 [m] length"]),
        ("He is 1.8m tall.", &["1.8 [m] length"]),
        ("The region has 10m people.", &["10000000 [people] count"]),
        ("The fund is 1.2 M strong.", &["1200000 number"]),
        ("They paid 75 USD million.", &["75000000 [USD] money"]),
        (
            "The price starts at USD 22.5 million.",
            &["22500000 [USD] money"],
        ),
        (
            "The 4K screen cost $900.",
            &["4000 number", "900 [USD] money"],
        ),
    ]);
}

#[test]
fn lists_are_not_thousands() {
    check(&[
        (
            "See items 22, 24, 26 and 31.",
            &["22 number", "24 number", "26 number", "31 number"],
        ),
        (
            "He drew 22,24,26.",
            &["22 number", "24 number", "26 number"],
        ),
        ("The district has 22,240 voters.", &["22240 [voters] count"]),
        (
            "China's population is 1 414 021 100.",
            &["1414021100 number"],
        ),
        (
            "The census found 40 000 households.",
            &["40000 [households] count"],
        ),
        (
            "The router at 192.168.1.2 failed.",
            &["192 number", "168 number", "1 number", "2 number"],
        ),
        ("Turnout was 1,674,200.5 exactly.", &["1674200.5 number"]),
    ]);
}

#[test]
fn years_dates_ages_and_clock_times_are_not_counts() {
    check(&[
        ("The 1988 sales slump hurt.", &[]),
        ("He won the 2016 election.", &[]),
        ("Records from 2016-2020 were lost.", &[]),
        ("The 2019-20 budget passed.", &[]),
        ("Maria Lopez, 45, said she would run.", &["45 number"]),
        ("A man aged 45 was held.", &["45 [year] age"]),
        ("The suspect is a 45-year-old man.", &["45 [year] age"]),
        ("The child was ten months old.", &["10 [month] age"]),
        ("The polls close at 8 p.m. sharp.", &[]),
        ("The raid began at 0400 GMT.", &[]),
        ("They met at 9 o'clock.", &[]),
        ("The 13F filing and the 5G rollout were delayed.", &[]),
        ("Sales in the 1990s doubled.", &[]),
        ("About 2000 people came.", &["2000 ~about [people] count"]),
        ("The pipeline is 2000 km long.", &["2000 [km] length"]),
    ]);
}

#[test]
fn currencies_before_and_after() {
    check(&[
        ("The fee is GBP 350.", &["350 [GBP] money"]),
        (
            "Exports hit HK$ 10.05 billion.",
            &["10050000000 [HKD] money"],
        ),
        (
            "The deal was worth C$16.4 million.",
            &["16400000 [CAD] money"],
        ),
        ("A ticket costs 10 €.", &["10 [EUR] money"]),
        ("The bike cost 100₾.", &["100 [GEL] money"]),
        ("Each share paid 34 cents.", &["34 [USc] money"]),
        ("It only cost 3 dollars 50 cents.", &["3.5 [USD] money"]),
        ("It costs 15 dollars 50.", &["15.5 [USD] money"]),
        (
            "The bill was $4.25 and 32 items were sold.",
            &["4.25 [USD] money", "32 [items] count"],
        ),
        ("The aid totals Rs 500 crore.", &["5000000000 [INR] money"]),
        ("ALL 5 solutions are wrong.", &["5 [solutions] count"]),
    ]);
}

#[test]
fn measures_in_two_units_add_up() {
    check(&[
        ("He is 5 feet and 2 inches tall.", &["5.1667 [ft] length"]),
        (
            "The talks lasted 2 hours 30 minutes.",
            &["2.5 [h] duration"],
        ),
        ("The mat is 1 m x 1 m.", &["1 [m] length", "1 [m] length"]),
        ("The 20-square-mile park burned.", &["20 [mi2] area"]),
        ("Winds of 150-mile-per-hour hit.", &["150 [mph] speed"]),
    ]);
}

#[test]
fn hedges_say_which_side_of_the_figure() {
    let bound = |text: &str| {
        find_quantities(text, Lexicon::global())
            .iter()
            .map(|q| (q.approx.map(|a| a.to_string()), q.bound, q.low(), q.high()))
            .collect::<Vec<_>>()
    };
    use crate::lexicon::HedgeBound::{self, *};
    /// The hedge as written, what it says, and the bounds it sets.
    type Hedging = (Option<String>, Option<HedgeBound>, Option<f64>, Option<f64>);
    let some = |s: &str| Some(s.to_string());
    let table: &[(&str, Vec<Hedging>)] = &[
        (
            "More than 40 died.",
            vec![(some("more than"), Some(Lower), Some(40.0), None)],
        ),
        (
            "Over 300 came.",
            vec![(some("over"), Some(Lower), Some(300.0), None)],
        ),
        (
            "At least 12 were hurt.",
            vec![(some("at least"), Some(Lower), Some(12.0), None)],
        ),
        (
            "Up to 300 may go.",
            vec![(some("up to"), Some(Upper), None, Some(300.0))],
        ),
        (
            "At most 40 cars were hit.",
            vec![(some("at most"), Some(Upper), None, Some(40.0))],
        ),
        (
            "No more than 5 spoke.",
            vec![(some("no more than"), Some(Upper), None, Some(5.0))],
        ),
        (
            "Nearly 60,000 troops.",
            vec![(some("nearly"), Some(JustBelow), None, Some(60000.0))],
        ),
        (
            "Almost 90% agreed.",
            vec![(some("almost"), Some(JustBelow), None, Some(90.0))],
        ),
        (
            "Just over 2,000 ran.",
            vec![(some("just over"), Some(JustAbove), Some(2000.0), None)],
        ),
        (
            "About 800 stayed.",
            vec![(some("about"), Some(Approx), None, None)],
        ),
        (
            "Some 11,000 troops.",
            vec![(some("some"), Some(Approx), None, None)],
        ),
        (
            "Roughly 5 km away.",
            vec![(some("roughly"), Some(Approx), None, None)],
        ),
        (
            "1,000 people or more.",
            vec![(some("or more"), Some(Lower), Some(1000.0), None)],
        ),
        (
            "Values greater than 100 were cut.",
            vec![(some("greater than"), Some(Lower), Some(100.0), None)],
        ),
        (
            "Values less than or equal to 30 fail.",
            vec![(some("less than or equal to"), Some(Upper), None, Some(30.0))],
        ),
        (
            "When x >= 30 it stops.",
            vec![(some(">="), Some(Lower), Some(30.0), None)],
        ),
        (
            // A bound for the clause is the figure's bound, over its own "about".
            "At most, the army held about 900 km2.",
            vec![(some("at most"), Some(Upper), None, Some(900.0))],
        ),
        (
            "At least, they said, 12 boats sank. Then 3 more.",
            vec![
                (some("at least"), Some(Lower), Some(12.0), None),
                (None, None, None, None),
            ],
        ),
    ];
    crate::extract::check_table(table, bound);
}

#[test]
fn figures_are_the_same_whether_the_sentence_words_are_known_or_not() {
    let lex = Lexicon::global();
    for sentence in [
        "Nearly two-thirds of the roughly 1,200 workers, about 800, left.",
        "Some twenty-five multi-million-dollar deals were signed; dozens more were not.",
        "Ärzte said «around thirty» patients, up from a dozen, were moved €5m away.",
        "Between 300 and 400 of them – at most half – came back on Tuesday.",
    ] {
        let ws: Vec<(usize, &str)> = crate::text::words(sentence).collect();
        let lows =
            crate::text::LowerWords::of(sentence, ws.iter().map(|&(at, w)| (at, at + w.len())));
        let classes: Vec<u16> = lex.word_classes(lows.lows(), ws.len()).collect();
        let dates = crate::dates::find_dates(sentence, lex);
        let span = crate::text::Span::from(sentence);
        let known = super::KnownWords {
            words: &ws,
            classes: &classes,
        };
        let with = super::quantities_in(&span, &dates, lows.lows().whole(), Some(known), lex);
        let without = super::quantities_in(&span, &dates, None, None, lex);
        assert!(!with.is_empty(), "{sentence}");
        assert_eq!(format!("{with:?}"), format!("{without:?}"), "{sentence}");
    }
}
