//! Session 22 (issue 13, dated events and Belarusian places): the classes of constructions
//! the rules were extended to, each tested on sentences written for the test (not taken from
//! any article): agency datelines, tallies "as of today", plans, imperfective verbs of
//! speaking, a statement's verb after a time of day or a weekday's date in apposition, a body
//! adopting a document, indictments and arrests, a holiday's eve, the year of a day-month
//! named just before it or as "the same year", a repeated movement after "and", and
//! Belarusian forms of Russian and Ukrainian place names.

use casefile_extract::{extract, Extraction};
use chrono::NaiveDate;

fn extraction(text: &str, published: &str) -> Extraction {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    extract(text, None, p)
}

fn dated(text: &str, published: &str) -> Vec<(String, String)> {
    extraction(text, published)
        .events
        .into_iter()
        .filter_map(|e| Some((e.kind, e.date.or(e.period)?)))
        .collect()
}

fn has(text: &str, published: &str, kind: &str, date: &str) {
    let found = dated(text, published);
    assert!(
        found.contains(&(kind.into(), date.into())),
        "{text}: {found:?}"
    );
}

fn lacks_date(text: &str, published: &str, date: &str) {
    let found = dated(text, published);
    assert!(found.iter().all(|(_, d)| d != date), "{text}: {found:?}");
}

#[test]
fn an_agency_dateline_after_a_full_stop_dates_no_event() {
    let uk = "Одеса. 3 березня. УКРІНФОРМ — Окупанти вивезли з Олешок ще 20 дітей, повідомила обласна прокуратура.";
    lacks_date(uk, "2024-03-03", "2024-03-03");
    let ru =
        "САМАРА, 9 апреля. /ТАСС/. В лагерь под Самарой привезли 40 детей из Запорожской области.";
    lacks_date(ru, "2024-04-09", "2024-04-09");
}

#[test]
fn a_tally_as_of_today_dates_no_movement() {
    let uk = "На сьогодні відомо про 19 000 депортованих і примусово переміщених дітей.";
    assert!(
        dated(uk, "2024-05-02").is_empty(),
        "{:?}",
        dated(uk, "2024-05-02")
    );
    let be = "Сёння вядома пра больш за 19 000 дэпартаваных дзяцей.";
    assert!(
        dated(be, "2024-05-02").is_empty(),
        "{:?}",
        dated(be, "2024-05-02")
    );
}

#[test]
fn a_plan_is_no_dated_movement() {
    let be = "У жніўні 2025 года ў Беларусь плануюць прывезці яшчэ 300 дзяцей з Херсоншчыны.";
    assert!(
        dated(be, "2025-06-01").is_empty(),
        "{:?}",
        dated(be, "2025-06-01")
    );
    // What did happen still counts.
    has(
        "У ліпені 2025 года ў Беларусь прывезлі 300 дзяцей з Херсоншчыны.",
        "2025-08-01",
        "transfer",
        "2025-07",
    );
}

#[test]
fn a_statement_in_the_imperfective_or_after_a_time_of_day() {
    has(
        "Украинский омбудсмен в марте заявлял, что часть детей не вернулась.",
        "2025-06-10",
        "report",
        "2025-03",
    );
    has(
        "Губернатор во вторник вечером опубликовал фотографии детей из лагеря.",
        "2023-08-03",
        "report",
        "2023-08-01",
    );
    has(
        "Фонд «Крок» у аўторак, 1 ліпеня, апублікаваў справаздачу пра лагеры.",
        "2025-07-02",
        "report",
        "2025-07-01",
    );
    // A source named after what it reports: the date is the movement's.
    has(
        "Сорак падлеткаў прывезлі ў лагер у нядзелю, 16 чэрвеня, паведамляе мясцовая газета.",
        "2024-06-20",
        "transfer",
        "2024-06-16",
    );
}

#[test]
fn a_body_adopting_a_document_reports() {
    let en = "In a resolution adopted on Tuesday, the assembly condemned the removal of children.";
    has(en, "2024-02-08", "report", "2024-02-06");
    assert!(!dated(en, "2024-02-08").iter().any(|(k, _)| k == "adoption"));
}

#[test]
fn indictments_sent_to_court_and_arrests_ordered() {
    has(
        "Prosecutors sent the indictment to court on 9 May 2024.",
        "2024-06-01",
        "evidence_submission",
        "2024-05-09",
    );
    has(
        "12 квітня 2024 року прокурори скерували до суду обвинувальний акт щодо колишнього директора інтернату.",
        "2024-04-20",
        "evidence_submission",
        "2024-04-12",
    );
    has(
        "On 5 June 2024 the judges ordered the arrest of two officials.",
        "2024-06-10",
        "arrest_warrant",
        "2024-06-05",
    );
}

#[test]
fn the_eve_of_a_holiday_is_the_day_before_it() {
    has(
        "Напередодні Різдва окупанти відправили до Москви 30 дітей з Генічеська.",
        "2024-12-27",
        "transfer",
        "2024-12-24",
    );
}

#[test]
fn a_day_and_month_take_the_year_named_before_them() {
    has(
        "Напомним, в прошлом году, 14 июля, губернатор встретился с детьми из ЛНР.",
        "2024-06-20",
        "meeting",
        "2023-07-14",
    );
    has(
        "В мае 2022 года детей перевезли в Донецк, а 19 июля того же года — в Нижний Новгород.",
        "2024-02-14",
        "transfer",
        "2022-07-19",
    );
}

#[test]
fn the_same_movement_again_after_and_with_its_own_date() {
    let be = "10 чэрвеня 30 выхаванцаў прывезлі ў Магілёў, а ўжо 14 чэрвеня частку з іх перавезлі ў Смаленск.";
    has(be, "2025-07-01", "transfer", "2025-06-10");
    has(be, "2025-07-01", "transfer", "2025-06-14");
}

#[test]
fn belarusian_forms_of_russian_and_ukrainian_places() {
    let be = "Дзяцей з Генічаску спачатку прывезлі ў Брэсце, потым пад Бранскам, а ў жніўні — у Бранскую вобласьць.";
    let places = extraction(be, "2024-09-01").places;
    let named = |name: &str, kind: &str| {
        places
            .iter()
            .any(|p| p.name == name && format!("{:?}", p.kind).to_lowercase() == kind)
    };
    assert!(named("Henichesk", "settlement"), "{places:?}");
    assert!(named("Brest", "settlement"), "{places:?}");
    assert!(named("Bryansk", "settlement"), "{places:?}");
    assert!(named("Bryansk Oblast", "region"), "{places:?}");
}
