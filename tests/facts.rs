//! Facts on sets of reports about other events: a death toll rising over three days, a budget
//! in two currencies, a poll with and without its margin of error.

mod common;
use common::*;

use serde_json::Value;

fn facts_of(dir: &str) -> Value {
    json(&["facts", "--json", &fixture(dir)])
}

fn fact_containing<'a>(facts: &'a Value, quantity: &str) -> &'a Value {
    fact_where(facts, quantity, |q| q.contains(quantity))
}

#[test]
fn a_rising_death_toll_is_one_evolving_fact() {
    let f = facts_of("events/storm");
    let toll = fact_containing(&f, "27");
    let members = member_quantities(toll);
    assert!(members.iter().any(|m| m.contains("12")), "{members:?}");
    assert!(members.iter().any(|m| m.contains("41")), "{members:?}");
    assert_eq!(toll["verdict"], "evolving");
    assert_eq!(toll["independent_sources"], 3);
    let shelters = fact_containing(&f, "40,000");
    assert_ne!(
        shelters["id"], toll["id"],
        "people in shelters are not deaths"
    );
    assert_eq!(shelters["verdict"], "agree");
}

#[test]
fn a_budget_in_two_currencies_agrees() {
    let f = facts_of("events/budget");
    let budget = fact_containing(&f, "4.2 billion");
    let members = member_quantities(budget);
    assert!(
        members.iter().any(|m| m.contains("$4.5 billion")),
        "{members:?}"
    );
    assert_eq!(budget["verdict"], "agree");
    let ships = fact_containing(&f, "900 million");
    assert_ne!(
        ships["id"], budget["id"],
        "a part of the budget is another figure"
    );
}

#[test]
fn a_poll_with_and_without_its_margin_agrees() {
    let f = facts_of("events/poll");
    let share = fact_containing(&f, "34");
    assert_eq!(share["sources"], 2);
    assert_eq!(share["verdict"], "agree");
    let members = member_quantities(share);
    assert!(
        !members.iter().any(|m| m.contains('3') && !m.contains("34")),
        "the margin is not the share: {members:?}"
    );
}
