//! Session 24 (issue 13, dated events, attribution and organisations on unseen text), tested
//! on sentences written for the test: "that year", a date a few words into its sentence, a
//! relative clause's own date, a plan, a page's date line, a participle opening a sentence,
//! a title after a determiner, an adverb after a subject, a body that publishes figures,
//! English names in apposition, and people after "і" ending a body's name.

use casefile_extract::{extract, Event};
use chrono::NaiveDate;

fn published(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The dated events of `text`: (kind, date or period).
fn dated_events(text: &str, lang: &str, on: Option<NaiveDate>) -> Vec<(String, String)> {
    extract(text, Some(lang), on)
        .events
        .into_iter()
        .filter_map(
            |Event {
                 kind, date, period, ..
             }| date.or(period).map(|d| (kind, d)),
        )
        .collect()
}

/// Who asserts the claim of `number` in `text`.
fn asserter_of(text: &str, lang: &str, number: u64) -> Option<String> {
    extract(text, Some(lang), published(2025, 3, 3))
        .count_claims
        .into_iter()
        .find(|c| c.number == Some(number))
        .and_then(|c| c.asserted_by)
}

/// The names of the organisations found in `text`.
fn organisations(text: &str, lang: &str) -> Vec<String> {
    extract(text, Some(lang), None)
        .organizations
        .into_iter()
        .map(|o| o.name)
        .collect()
}

#[test]
fn that_year_is_the_year_last_written() {
    let events = dated_events(
        "The pupils were taken from the school in August 2022. They were flown to Rostov in early December that year.",
        "en",
        published(2024, 5, 1),
    );
    assert!(
        events.contains(&("transfer".into(), "2022-12".into())),
        "{events:?}"
    );
    assert!(!events.iter().any(|(_, d)| d == "2023-12"), "{events:?}");
}

#[test]
fn a_date_two_words_into_its_sentence_reaches_a_verb_after_a_long_clause() {
    let events = dated_events(
        "In late October 2022, shortly before the troops withdrew across the river to the eastern bank of the Dnipro, occupation officials moved all 30 pupils of the orphanage.",
        "en",
        published(2024, 5, 1),
    );
    assert!(
        events.contains(&("transfer".into(), "2022-10".into())),
        "{events:?}"
    );
}

#[test]
fn a_date_in_a_relative_clause_dates_the_clause_and_not_the_main_verb() {
    let events = dated_events(
        "Twelve children who were taken from Kherson last year have come back to their families.",
        "en",
        published(2023, 6, 8),
    );
    assert!(
        events.contains(&("transfer".into(), "2022".into())),
        "{events:?}"
    );
    assert!(
        !events.contains(&("arrival".into(), "2022".into())),
        "{events:?}"
    );
}

#[test]
fn a_return_children_are_due_to_make_and_a_page_date_line_are_no_events() {
    let events = dated_events(
        "Published On 8 Jun 2023\n\nFourteen children are due to arrive in Kyiv in December.",
        "en",
        published(2023, 6, 8),
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn talks_a_third_country_hosted_are_a_meeting() {
    let events = dated_events(
        "Qatar, which hosted talks between the two ombudsmen in Doha on 3 October, has mediated several returns of children.",
        "en",
        published(2025, 11, 20),
    );
    assert!(
        events.contains(&("meeting".into(), "2025-10-03".into())),
        "{events:?}"
    );
}

#[test]
fn a_participle_opening_a_sentence_is_neither_a_name_nor_the_speaker() {
    let text = "The Independent International Commission of Inquiry on Ukraine met in Geneva. Presenting the Commission's findings, its chair said investigators had documented the cases of 61 children.";
    assert_eq!(asserter_of(text, "en", 61).as_deref(), Some("its chair"));
    let orgs = organisations(text, "en");
    assert!(
        !orgs.iter().any(|o| o.starts_with("Presenting")),
        "{orgs:?}"
    );
    let who = asserter_of(
        "Speaking for a neighbouring country, the envoy of Moldova said that 37 children had been returned.",
        "en",
        37,
    );
    assert!(
        who.as_deref()
            .is_some_and(|w| w.contains("envoy of Moldova")),
        "{who:?}"
    );
}

#[test]
fn an_adverb_after_the_subject_is_no_part_of_it() {
    let who = asserter_of(
        "The Commission further reported that 23 children had been placed in a cadet school.",
        "en",
        23,
    );
    assert!(
        who.as_deref().is_some_and(|w| !w.contains("further")),
        "{who:?}"
    );
}

#[test]
fn a_body_that_publishes_a_register_asserts_its_figures() {
    let who = asserter_of(
        "A team at the University of Lund has published a register that traces 1,420 children taken to Russia.",
        "en",
        1420,
    );
    assert!(
        who.as_deref()
            .is_some_and(|w| w.contains("University of Lund")),
        "{who:?}"
    );
}

#[test]
fn english_names_in_apposition_to_a_descriptive_noun_are_organisations() {
    let orgs = organisations(
        "The trip was arranged by Warm Harbour, a volunteer network based in Lviv. Help came from a Kharkiv-based charity, Open Door, and from relatives. On Friday, a charity said more help was needed.",
        "en",
    );
    assert!(orgs.iter().any(|o| o == "Warm Harbour"), "{orgs:?}");
    assert!(orgs.iter().any(|o| o == "Open Door"), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o == "Friday"), "{orgs:?}");
    // A person in apposition to a job at a charity is no organisation.
    let orgs = organisations(
        "Olena Kravets, a lawyer at the charity, said the files were incomplete.",
        "en",
    );
    assert!(!orgs.iter().any(|o| o.contains("Olena")), "{orgs:?}");
}

#[test]
fn people_after_and_end_a_body_name() {
    let orgs = organisations(
        "Дзяцей на вакзале сустрэлі супрацоўнікі Слуцкага райвыканкама і актывісты Беларускай рэспубліканскай піянерскай арганізацыі.",
        "be",
    );
    assert!(!orgs.iter().any(|o| o.contains("актывісты")), "{orgs:?}");
    assert!(orgs.iter().any(|o| o.contains("райвыканкам")), "{orgs:?}");
}

#[test]
fn last_weekday_on_that_weekday_is_a_week_before() {
    // Published on Thursday 16 October 2025: "мінулы чацьвер" is 9 October.
    let events = dated_events(
        "Дзеці з Запарожжа ў Берасці\n\nУпраўленне адукацыі ў мінулы чацвер адказала на наш запыт, што дзеці з Запарожжа вучацца законна.",
        "be",
        published(2025, 10, 16),
    );
    assert!(
        events.contains(&("report".into(), "2025-10-09".into())),
        "{events:?}"
    );
}

#[test]
fn a_date_in_brackets_after_the_place_is_a_dateline() {
    let events = dated_events(
        "GENEVA (4 April 2025) – The commission told the council on Thursday that it had documented new cases.",
        "en",
        published(2025, 4, 4),
    );
    assert!(
        events.contains(&("report".into(), "2025-04-03".into())),
        "{events:?}"
    );
    assert!(!events.iter().any(|(_, d)| d == "2025-04-04"), "{events:?}");
}

#[test]
fn until_a_day_dates_no_movement() {
    let events = dated_events(
        "Смена в лагере продлится до 16 сентября, после чего детей отвезут обратно в Луганск.",
        "ru",
        published(2024, 9, 3),
    );
    assert!(events.is_empty(), "{events:?}");
}

#[test]
fn naming_something_in_a_statement_is_the_statement() {
    let events = dated_events(
        "В четверг министр назвал такие поездки детей в лагеря «ширмой для принудительного перемещения».",
        "ru",
        published(2023, 5, 12),
    );
    assert!(
        events.contains(&("report".into(), "2023-05-11".into())),
        "{events:?}"
    );
    assert!(!events.iter().any(|(k, _)| k == "transfer"), "{events:?}");
}

#[test]
fn evidence_in_the_classical_belarusian_spelling_is_handed_over() {
    let events = dated_events(
        "Зьвесткі пра гэтую групу дзяцей мы ў панядзелак перадалі ў Офіс Упаўнаважанага.",
        "be",
        published(2025, 10, 16),
    );
    assert!(
        events.contains(&("evidence_submission".into(), "2025-10-13".into())),
        "{events:?}"
    );
}
