//! Session 17 (issue 13, dated events): the classes of constructions the event rules were
//! extended to, each tested on sentences written for the test (not taken from any article):
//! a log's or timeline's entry opening with its date and a dash, a date standing as a heading
//! over the sentences after it, an aside naming a source between a date and its event,
//! seasons in the genitive, children sent in the passive participle, consultations and talks.

use casefile_extract::{extract, Extraction};
use chrono::NaiveDate;

fn run(text: &str, published: &str) -> Extraction {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    extract(text, None, p)
}

fn events(ex: &Extraction) -> Vec<(String, Option<String>)> {
    ex.events
        .iter()
        .map(|e| (e.kind.clone(), e.date.clone().or(e.period.clone())))
        .collect()
}

fn has(text: &str, published: &str, kind: &str, date: &str) {
    let ex = run(text, published);
    assert!(
        events(&ex).contains(&(kind.into(), Some(date.into()))),
        "{text}: {:?}",
        events(&ex)
    );
}

#[test]
fn a_log_entry_opening_with_its_date_and_a_dash_dates_its_event() {
    let log = "Зводка за месяц.\n\n\
               5 снежня — у санаторый пад Барысавам прыехалі 40 дзяцей з Луганска.\n\n\
               18.12 — з лагера выехалі дадому 60 дзяцей.";
    has(log, "2023-01-04", "arrival", "2022-12-05");
    has(log, "2023-01-04", "arrival", "2022-12-18");
    let en = "Timeline\n\n3 March — a bus with 25 children from Kherson arrived in Minsk.";
    has(en, "2024-04-01", "arrival", "2024-03-03");
}

#[test]
fn a_wire_dateline_before_a_dash_still_dates_nothing() {
    let ex = run(
        "KYIV, May 16 (Reuters) - Russia deported more children from Kherson, officials said.",
        "2024-05-16",
    );
    assert!(
        ex.events
            .iter()
            .all(|e| e.date.is_none() && e.period.is_none()),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn a_date_standing_as_a_heading_dates_the_sentences_after_it() {
    let timeline = "Хронологія подій.\n\n\
                    9 квітня 2023 року. Шестеро дітей прибувають до Києва.\n\n\
                    2 травня 2023 року. Ще вісім дітей прибувають до Одеси.";
    has(timeline, "2023-06-01", "arrival", "2023-04-09");
    has(timeline, "2023-06-01", "arrival", "2023-05-02");
    // A weekday heading over a digest's paragraph dates the statement under it.
    let digest = "Огляд тижня.\n\nСереда. Перший канал\n\n\
                  У вечірніх новинах ведучий заявив, що діти з Херсона відпочивають у таборі.";
    has(digest, "2024-03-11", "report", "2024-03-06");
}

#[test]
fn a_date_on_a_line_of_its_own_heads_nothing() {
    let ex = run(
        "14 березня 2023\n\nОкупанти вивезли дітей з Херсонщини до Криму.",
        "2023-03-14",
    );
    assert!(
        ex.events
            .iter()
            .all(|e| e.date.is_none() && e.period.is_none()),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn an_aside_naming_a_source_leaves_the_date_to_the_event() {
    has(
        "В августе 2022 года, по данным регионального министерства образования и науки, \
         в санатории Краснодарского края и Республики Адыгея были отправлены 700 школьников.",
        "2023-02-01",
        "transfer",
        "2022-08",
    );
    has(
        "З листопада 2022 по лютий 2023 року, як повідомила обласна військова адміністрація, \
         до таборів Криму та Краснодарського краю вивезли ще 400 дітей.",
        "2023-06-01",
        "transfer",
        "2022-11/2023-02",
    );
    // The weekday dates the moving, not the statement in the aside.
    has(
        "А ў чацвер, як паведамляе тэлеграм-канал, яшчэ 20 дзяцей прывезлі ў санаторый.",
        "2023-06-03",
        "transfer",
        "2023-06-01",
    );
}

#[test]
fn a_season_in_the_genitive_dates_no_event() {
    for text in [
        "На початку осені 2022 року дітей вивезли до табору.",
        "В конце лета 2023 года детей вывезли в лагерь.",
    ] {
        let ex = run(text, "2024-01-10");
        assert!(
            ex.events
                .iter()
                .all(|e| e.date.is_none() && e.period.is_none()),
            "{text}: {:?}",
            events(&ex)
        );
    }
}

#[test]
fn children_sent_in_the_passive_participle_are_a_transfer() {
    has(
        "В июне 2023 года в лагеря Крыма были направлены 300 детей.",
        "2023-09-01",
        "transfer",
        "2023-06",
    );
    // Not where no children are named.
    let ex = run(
        "В июне 2023 года письмо было направлено в министерство.",
        "2023-09-01",
    );
    assert!(
        ex.events.iter().all(|e| e.kind != "transfer"),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn consultations_and_talks_are_meetings() {
    has(
        "20 березня представник омбудсмена провів консультації з представниками Катару щодо повернення дітей.",
        "2024-04-02",
        "meeting",
        "2024-03-20",
    );
    has(
        "On 4 June the minister discussed the return of the children with her counterpart in Vienna.",
        "2024-06-20",
        "meeting",
        "2024-06-04",
    );
}
