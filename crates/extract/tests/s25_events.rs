//! Session 25 (issue 13, dated events on unseen text), on sentences written for the test: a
//! month without its year in a narrative that has reached an earlier year, and the learned
//! event model's place in extraction (it drops rules' dated events and adds other candidates
//! of sentences with a date, never an event without a time).

use casefile_extract::{extract_with, EventModel, ModelChoice, Models, Trace};
use chrono::NaiveDate;

const STORY: &str = "It was late August 2022 when the bus left the town with 23 pupils. \
    Parents were told it was a rest by the sea. Nobody called for weeks. \
    In October the children were moved to a sanatorium near Anapa, officials said on Tuesday. \
    Volunteers later returned the children home.";

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 5, 12)
}

/// A model of one bias and no weights that keeps (or drops) everything it is asked about.
fn constant_model(keep_everything: bool) -> EventModel {
    let bias = if keep_everything { 50.0 } else { -50.0 };
    EventModel::parse(&format!("@bias\t{bias}\n@keep\t0.5\nunused\t0\n")).unwrap()
}

fn with_event_model(choice: ModelChoice<'_, EventModel>) -> Models<'_> {
    Models {
        event: choice,
        ..Models::rules()
    }
}

fn times(models: Models<'_>, trace: Option<&mut Trace>) -> Vec<(String, Option<String>)> {
    extract_with(STORY, Some("en"), published(), models, trace)
        .events
        .into_iter()
        .map(|e| (e.kind, e.date.or(e.period)))
        .collect()
}

#[test]
fn a_month_without_its_year_continues_the_narrative_year() {
    let events = times(Models::rules(), None);
    assert!(
        events
            .iter()
            .any(|(kind, t)| kind == "transfer" && t.as_deref() == Some("2022-10")),
        "October after late August 2022 is October 2022, not the October before publication: {events:?}"
    );
    assert!(!events.iter().any(|(_, t)| t.as_deref() == Some("2023-10")));
}

#[test]
fn a_month_after_a_period_bound_is_resolved_against_publication() {
    let text = "Since February 2022 the team has documented 300 cases. \
        In October the children were moved to a sanatorium near Anapa.";
    let events: Vec<Option<String>> =
        extract_with(text, Some("en"), published(), Models::rules(), None)
            .events
            .into_iter()
            .map(|e| e.date.or(e.period))
            .collect();
    assert!(
        events.iter().any(|t| t.as_deref() == Some("2023-10")),
        "a scope's start is no point of a narrative: {events:?}"
    );
}

#[test]
fn the_event_model_drops_dated_events_and_keeps_undated_ones() {
    let rules = times(Models::rules(), None);
    assert!(
        rules.iter().any(|(_, t)| t.is_some()),
        "the rules date an event: {rules:?}"
    );
    let dropped = constant_model(false);
    let none = times(with_event_model(ModelChoice::Given(&dropped)), None);
    assert!(none.iter().all(|(_, t)| t.is_none()), "{none:?}");
    // Every undated event of the rules stays (relations may add one where a dated one went).
    for e in rules.iter().filter(|(_, t)| t.is_none()) {
        assert!(none.contains(e), "{e:?} kept: {none:?}");
    }
}

#[test]
fn the_event_model_weighs_the_other_candidates_of_dated_sentences() {
    let mut trace = Trace::default();
    let rules = times(Models::rules(), Some(&mut trace));
    let rule_dated = rules.iter().filter(|(_, t)| t.is_some()).count();
    assert_eq!(trace.events.iter().filter(|c| c.rule).count(), rule_dated);
    assert!(
        trace.events.iter().all(|c| !c.features.is_empty()),
        "every candidate has features"
    );
    let others = trace.events.iter().filter(|c| !c.rule).count();
    let kept = constant_model(true);
    let all = times(with_event_model(ModelChoice::Given(&kept)), None);
    assert_eq!(
        all.iter().filter(|(_, t)| t.is_some()).count(),
        rule_dated + others,
        "a model that keeps everything keeps the rules' events and adds every other candidate"
    );
}

#[test]
fn letters_that_change_length_when_lowercased_do_not_break_extraction() {
    // "İ" lowercases to three bytes and "ẞ" to two: the sentence keeps its length, not its
    // offsets. Extraction panicked on such a sentence (and a panic prints the text).
    for text in [
        "İ вывезли ẞ 3 мая 2023 года детей из Херсона.",
        "İ вывезли ẞ детей 3 мая 2023 года.",
        "ẞ İ children were deported on 3 May 2023 from Kherson.",
    ] {
        let ex = extract_with(text, None, published(), Models::shipped(), None);
        for e in &ex.events {
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        }
    }
}
