//! Session 21 (issue 13, dated events): the classes of constructions the event rules were
//! extended to, each tested on sentences written for the test (not taken from any article):
//! days listed before one month, a second clause that repeats the event with its verb left
//! out after a dash, two movements each with its own date, two months joined by a hyphen,
//! children received or lodged by a place (and the same verbs about laws or a year's tally),
//! and the other prefixes of carrying children.

use casefile_extract::{extract_with, Extraction, Models};
use chrono::NaiveDate;

/// The rules' own dated events (`Models::rule_events`), as in `issue13_classes.rs`: the classes
/// tested here are the rules'; what the event model keeps of them on a one-sentence text moves
/// with its training (`s25_events.rs` tests the model).
fn events(text: &str, published: &str) -> Vec<(String, Option<String>)> {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let ex: Extraction = extract_with(text, None, p, Models::rule_events(), None);
    ex.events
        .into_iter()
        .map(|e| (e.kind, e.date.or(e.period)))
        .collect()
}

fn has(text: &str, published: &str, kind: &str, date: &str) {
    let found = events(text, published);
    assert!(
        found.contains(&(kind.into(), Some(date.into()))),
        "{text}: {found:?}"
    );
}

fn dated(text: &str, published: &str) -> Vec<(String, Option<String>)> {
    events(text, published)
        .into_iter()
        .filter(|(_, d)| d.is_some())
        .collect()
}

#[test]
fn every_day_of_a_list_dates_an_event() {
    let be = "Тры групы дзяцей з Луганска прыехалі ў лагер 4, 11 і 25 жніўня.";
    for day in ["2024-08-04", "2024-08-11", "2024-08-25"] {
        has(be, "2024-09-02", "arrival", day);
    }
    let en = "The children were taken to Crimea on 5 and 19 October 2022.";
    has(en, "2023-01-10", "transfer", "2022-10-05");
    has(en, "2023-01-10", "transfer", "2022-10-19");
    // A holiday and its date name one day, not two.
    let holiday = "The children were reunited with their parents on Christmas Eve, 24 December.";
    assert_eq!(
        dated(holiday, "2025-01-15"),
        [("arrival".to_string(), Some("2024-12-24".to_string()))]
    );
    // "between 5 and 19 October" is a range, not a list.
    has(
        "Children were moved between 5 and 19 October 2022.",
        "2023-01-10",
        "transfer",
        "2022-10-05/2022-10-19",
    );
}

#[test]
fn a_clause_with_its_verb_left_out_repeats_the_event() {
    let ru = "Первая группа школьников прибыла в Пензу 2 августа, вторая — 16 августа.";
    has(ru, "2024-09-01", "arrival", "2024-08-02");
    has(ru, "2024-09-01", "arrival", "2024-08-16");
    let uk = "Першу групу дітей вивезли до Анапи 12 вересня 2022 року, решту — в жовтні.";
    has(uk, "2023-02-01", "transfer", "2022-09-12");
    has(uk, "2023-02-01", "transfer", "2022-10");
}

#[test]
fn two_movements_each_with_its_own_date() {
    let be =
        "Дзяцей прывезлі ў Гомельскую вобласць 5 лютага 2024 года, дадому яны вярнуліся 20 лютага.";
    has(be, "2024-03-01", "transfer", "2024-02-05");
    has(be, "2024-03-01", "arrival", "2024-02-20");
}

#[test]
fn two_months_joined_by_a_hyphen_are_a_range() {
    has(
        "У липні-серпні 2023 року дітей вивезли до табору під Ростовом.",
        "2024-01-10",
        "transfer",
        "2023-07/2023-08",
    );
    has(
        "В ноябре-декабре 2022 года детей вывезли в Крым.",
        "2023-03-10",
        "transfer",
        "2022-11/2022-12",
    );
}

#[test]
fn a_place_receiving_or_lodging_children_is_an_arrival() {
    has(
        "В июле 2023 года лагерь принял ещё 120 детей из Донецка.",
        "2023-09-01",
        "arrival",
        "2023-07",
    );
    has(
        "У жніўні 2023 года ў санаторыі пасялілі 75 дзяцей з Луганска.",
        "2023-10-01",
        "arrival",
        "2023-08",
    );
    // The same verbs of a law, of a plan, or of a year's tally are no arrival.
    for (text, published) in [
        (
            "В июле 2023 года парламент принял закон о защите детей.",
            "2023-09-01",
        ),
        (
            "У 2024 годзе плануецца прыняць 300 дзяцей з Данбаса.",
            "2023-12-01",
        ),
        ("В 2023 году регион принял 500 детей из ДНР.", "2024-02-01"),
    ] {
        assert!(
            dated(text, published).iter().all(|(k, _)| k != "arrival"),
            "{text}: {:?}",
            dated(text, published)
        );
    }
}

#[test]
fn the_other_prefixes_of_carrying_children() {
    has(
        "З вересня 2022 по квітень 2023 року дітей регулярно привозили потягами до Мінська.",
        "2023-06-01",
        "transfer",
        "2022-09/2023-04",
    );
    has(
        "У ліпені 2024 года ў лагер завезлі 40 дзяцей з Данецка.",
        "2024-09-01",
        "transfer",
        "2024-07",
    );
    has(
        "Того ж дня, 14 березня 2023 року, поїхали ще 20 дітей із села.",
        "2023-05-01",
        "transfer",
        "2023-03-14",
    );
    has(
        "On 3 May 2023 twelve children were loaded onto a bus bound for Donetsk.",
        "2023-06-01",
        "transfer",
        "2023-05-03",
    );
    // Carrying aid is no movement of children.
    assert!(dated(
        "У березні 2023 року волонтери возили гуманітарну допомогу до Херсона.",
        "2023-05-01"
    )
    .is_empty());
}

#[test]
fn a_date_opening_or_closing_the_sentence_dates_its_event_from_further_away() {
    has(
        "On 9 March 2023 the four sisters, together with nine other pupils who had stayed \
         behind in the dormitory of the lyceum, were taken by armed men to a hotel in Melitopol.",
        "2023-06-01",
        "transfer",
        "2023-03-09",
    );
    has(
        "Olena, 13, was taken with the rest of her class from a village in the Kakhovka \
         district to a camp outside Yevpatoria on 21 September 2022.",
        "2023-06-01",
        "transfer",
        "2022-09-21",
    );
    // "Today" opens many sentences about something else (here it dates the publishing, a
    // report, not the deportations).
    assert!(dated(
        "Today, the foundation published a list of organisations that, according to the \
         documents it has gathered over many months, have helped to arrange for children to be \
         deported from the occupied areas.",
        "2024-05-01"
    )
    .iter()
    .all(|(kind, _)| kind == "report"));
}

#[test]
fn the_time_a_tally_stands_by_dates_no_event() {
    for (text, published) in [
        (
            "By August 2023 more than 1,500 children had been brought to Belarus, the group says.",
            "2023-10-01",
        ),
        (
            "By the end of 2022 at least 900 children had been moved to camps in Crimea.",
            "2023-02-01",
        ),
        (
            "На 1 жовтня 2023 року депортованими вважаються 19 тисяч дітей.",
            "2023-10-05",
        ),
        (
            "Возвращение детей из лагеря запланировано на 14 августа.",
            "2023-08-01",
        ),
    ] {
        let found = dated(text, published);
        assert!(
            found.iter().all(|(k, _)| k == "report"),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn speaking_of_a_figure_or_a_statement_dated_by_a_participle_is_a_report() {
    has(
        "Міністэрства ў сакавіку 2024-га казала пра «каля пяцісот» дзяцей.",
        "2024-06-01",
        "report",
        "2024-03",
    );
    has(
        "Паводле справаздачы фонду, датаванай 14 лютага, у санаторыях пабывалі 300 дзяцей.",
        "2024-03-01",
        "report",
        "2024-02-14",
    );
    // A meeting right after the verb of speaking keeps the date too.
    has(
        "Про табори ще 12 квітня говорили на зустрічі омбудсманів у Відні.",
        "2024-05-01",
        "meeting",
        "2024-04-12",
    );
}

#[test]
fn meeting_children_who_come_is_an_arrival_and_a_birth_year_dates_nothing() {
    has(
        "Дітей з Херсонщини 3 травня зустрічали на вокзалі волонтери.",
        "2024-05-20",
        "arrival",
        "2024-05-03",
    );
    let found = dated(
        "Обвинувачена, 1968 року народження, на засіданні не була.",
        "2024-05-20",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_clause_of_speaking_between_commas_leaves_the_date_to_the_event() {
    has(
        "On 5 May, the volunteers say, the grandmothers crossed back into Ukraine with 12 children.",
        "2024-06-01",
        "arrival",
        "2024-05-05",
    );
    let ru = "Группа из 80 детей выехала автобусом из Мелитополя в четверг, 3 октября, и в \
              субботу прибыла в Анапу.";
    has(ru, "2024-10-10", "transfer", "2024-10-03");
    has(ru, "2024-10-10", "arrival", "2024-10-05");
}
