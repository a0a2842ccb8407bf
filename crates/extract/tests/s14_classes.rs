//! Session 14: general classes of dated events and organisations, each tested on
//! sentences written for the test (not taken from any article or split).

use casefile_extract::{extract_with, Extraction, Models};
use chrono::NaiveDate;

/// Extraction with the rules' own dated events (`Models::rule_events`): the classes tested
/// here are the rules'; what the event model keeps is tested in `s25_events.rs`.
fn run(text: &str, published: &str) -> Extraction {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    extract_with(text, None, p, Models::rule_events(), None)
}

fn events(ex: &Extraction) -> Vec<(String, Option<String>)> {
    ex.events
        .iter()
        .map(|e| (e.kind.clone(), e.date.clone().or(e.period.clone())))
        .collect()
}

fn has(ex: &Extraction, kind: &str, date: &str) -> bool {
    events(ex).contains(&(kind.to_string(), Some(date.to_string())))
}

#[test]
fn coming_in_the_imperfective_or_by_air_is_an_arrival() {
    for text in [
        "В июле в Минск приезжали 40 школьников из Горловки.",
        "У липні до Мінська приїжджали 40 школярів з Горлівки.",
        "У ліпені ў Мінск прыязджалі 40 школьнікаў з Горлаўкі.",
        "Сорок школьников прилетели в Омск 3 июля 2023 года.",
        "Сорок школярів прилетіли до Омська 3 липня 2023 року.",
        "Сорак школьнікаў прыляцелі ў Омск 3 ліпеня 2023 года.",
    ] {
        let ex = run(text, "2023-09-01");
        assert!(
            has(&ex, "arrival", "2023-07") || has(&ex, "arrival", "2023-07-03"),
            "{text}: {:?}",
            events(&ex)
        );
    }
    // Not of children: no event.
    let ex = run("В июле в Минск приезжали министры.", "2023-09-01");
    assert!(events(&ex).is_empty(), "{:?}", events(&ex));
}

#[test]
fn being_settled_into_a_place_is_an_arrival() {
    let ex = run(
        "Тридцать детей из Донецка в среду заселились в пансионат «Сосны».",
        "2023-09-08",
    );
    assert!(has(&ex, "arrival", "2023-09-06"), "{:?}", events(&ex));
    let ex = run(
        "Трыццаць дзяцей з Данецка ў сераду засялілі ў пансіянат «Сосны».",
        "2023-09-08",
    );
    assert!(has(&ex, "arrival", "2023-09-06"), "{:?}", events(&ex));
}

#[test]
fn moving_children_on_is_a_transfer() {
    let ex = run(
        "В марте группу из 12 детей перевели из приюта в интернат под Тулой.",
        "2024-05-01",
    );
    assert!(has(&ex, "transfer", "2024-03"), "{:?}", events(&ex));
    // Of a text: no event.
    let ex = run("В марте доклад перевели на английский.", "2024-05-01");
    assert!(events(&ex).is_empty(), "{:?}", events(&ex));
}

#[test]
fn a_leaving_and_a_return_in_one_sentence_are_two_events() {
    let ex = run(
        "Ученики выехали из Энска 4 марта, в день открытия смены, и вернулись домой 11 марта.",
        "2024-05-01",
    );
    assert!(has(&ex, "transfer", "2024-03-04"), "{:?}", events(&ex));
    assert!(has(&ex, "arrival", "2024-03-11"), "{:?}", events(&ex));
    let ex = run(
        "The pupils arrived at the camp on 2 June and were moved to a dormitory on 20 June.",
        "2024-07-01",
    );
    assert!(has(&ex, "arrival", "2024-06-02"), "{:?}", events(&ex));
    assert!(has(&ex, "transfer", "2024-06-20"), "{:?}", events(&ex));
}

#[test]
fn setting_off_home_is_a_return() {
    // 2024-09-10 is a Tuesday: the Friday before is 2024-09-06.
    let ex = run(
        "Дзеці прабылі ў лагеры месяц, а ў мінулую пятніцу выправіліся дадому.",
        "2024-09-10",
    );
    assert!(has(&ex, "arrival", "2024-09-06"), "{:?}", events(&ex));
}

#[test]
fn presenting_a_report_and_the_about_this_formula_date_a_report() {
    // 2025-04-10 is a Thursday.
    let ex = run(
        "Во вторник фонд «Светлый путь» представил доклад о судьбе детей.",
        "2025-04-10",
    );
    assert!(has(&ex, "report", "2025-04-08"), "{:?}", events(&ex));
    let ex = run(
        "Группа из 30 подростков прибыла в Энск. Об этом в среду агентству рассказал губернатор.",
        "2025-04-10",
    );
    assert!(has(&ex, "report", "2025-04-09"), "{:?}", events(&ex));
}

#[test]
fn the_noun_of_coming_and_belarusian_pupils() {
    let ex = run(
        "У сакавіку валанцёры зафіксавалі прыезд у Гомель групы з 20 навучэнцаў.",
        "2025-05-10",
    );
    assert!(has(&ex, "arrival", "2025-03"), "{:?}", events(&ex));
}

fn orgs(ex: &Extraction) -> Vec<String> {
    ex.organizations.iter().map(|o| o.name.clone()).collect()
}

#[test]
fn another_case_of_a_quoted_camp_is_no_organisation() {
    let ex = run(
        "Дзяцей адвезлі ў лагер «Ластаўка» пад Оршай. У «Ластаўцы» жылі 40 дзяцей.",
        "2024-01-10",
    );
    assert!(
        !orgs(&ex).iter().any(|o| o.contains("Ластаў")),
        "{:?}",
        orgs(&ex)
    );
}

#[test]
fn an_organisation_name_stops_before_a_byline_acronym_an_infinitive_or_an_adverb() {
    let ex = run(
        "В Министерстве юстиции Молдовы ТАСС уточнили, что списки готовы.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert!(
        !o.iter()
            .any(|o| o.contains("ТАСС") && o.contains("юстиции")),
        "{o:?}"
    );
    let ex = run(
        "Омбудсман закликав Міжнародну організацію Червоного Хреста добитися доступу до дітей.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert!(!o.iter().any(|o| o.contains("добитися")), "{o:?}");
    let ex = run(
        "Официально Министерство здравоохранения Молдовы ничего не сообщило.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert!(!o.iter().any(|o| o.contains("Официально")), "{o:?}");
}

#[test]
fn reunited_or_met_on_coming_is_an_arrival_but_meeting_a_holiday_is_not() {
    // 2024-10-03 is a Thursday: the Monday before is 2024-09-30.
    let ex = run(
        "Five children were reunited with their families on Monday, officials said.",
        "2024-10-03",
    );
    assert!(has(&ex, "arrival", "2024-09-30"), "{:?}", events(&ex));
    let ex = run(
        "2 жовтня 2024 року дітей на вокзалі зустріли рідні.",
        "2024-10-03",
    );
    assert!(has(&ex, "arrival", "2024-10-02"), "{:?}", events(&ex));
    let ex = run("Дзеці з Энска сустрэлі Новы год у санаторыі.", "2024-10-03");
    assert!(
        !events(&ex).iter().any(|(k, _)| k == "arrival"),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn delivered_back_is_a_return_and_a_session_is_a_meeting() {
    let ex = run(
        "15 сентября самолет доставил детей обратно в Энск.",
        "2024-10-03",
    );
    assert!(has(&ex, "arrival", "2024-09-15"), "{:?}", events(&ex));
    let ex = run(
        "На заседании комиссии 12 сентября депутаты обсудили судьбу детей.",
        "2024-10-03",
    );
    assert!(has(&ex, "meeting", "2024-09-12"), "{:?}", events(&ex));
}

#[test]
fn files_sent_to_a_court_are_an_evidence_submission() {
    let ex = run(
        "The dossier, sent on 4 March 2024, covers 50 children who were moved to camps.",
        "2024-05-01",
    );
    assert!(
        has(&ex, "evidence_submission", "2024-03-04"),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn a_main_directorate_is_named_and_its_acronym_joins_it() {
    let ex = run(
        "Про це повідомило Головне управління Державної служби надзвичайних ситуацій у Волинській області. Начальник ГУДСНС подякував рятувальникам. Фахівці ГУДСНС працювали всю ніч.",
        "2024-01-10",
    );
    let found: Vec<(String, Vec<String>)> = ex
        .organizations
        .iter()
        .map(|o| {
            (
                o.name.clone(),
                o.mentions.iter().map(|m| m.text.clone()).collect(),
            )
        })
        .collect();
    let main = found
        .iter()
        .find(|(n, _)| n.starts_with("Головне управління"))
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(main.1.iter().any(|m| m.starts_with("ГУДСНС")), "{found:?}");
    assert!(!found.iter().any(|(n, _)| n == "ГУДСНС"), "{found:?}");
}

#[test]
fn a_ministry_keeps_the_list_of_its_fields() {
    let ex = run(
        "Письмо направило Министерство культуры, спорта и туризма Калужской области.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert!(
        o.iter()
            .any(|n| n.starts_with("Министерство культуры, спорта и туризма")),
        "{o:?}"
    );
    let ex = run(
        "Лист надіслало Міністерство освіти, науки та молоді Енської області.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert!(
        o.iter()
            .any(|n| n.starts_with("Міністерство освіти, науки та молоді")),
        "{o:?}"
    );
}

#[test]
fn a_known_brand_written_with_a_dot_inside_is_one_organisation() {
    let ex = run(
        "Як повідомили журналісти Крим.Реалії, дітей вивезли до Анапи.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert!(o.contains(&"Krym.Realii".to_string()), "{o:?}");
}

#[test]
fn a_document_dated_by_from_is_a_report() {
    for (text, date) in [
        (
            "В письме министерства от 3 мая 2023 года говорилось о 20 детях.",
            "2023-05-03",
        ),
        (
            "У звіті фонду від 3 травня 2023 року йдеться про 20 дітей.",
            "2023-05-03",
        ),
    ] {
        let ex = run(text, "2023-09-01");
        assert!(has(&ex, "report", date), "{text}: {:?}", events(&ex));
    }
}

#[test]
fn before_a_holiday_is_not_the_holiday() {
    let ex = run(
        "Група з 30 дзяцей прыехала ў Гомель перад Новым годам, 27 снежня 2023 года.",
        "2024-02-01",
    );
    assert!(has(&ex, "arrival", "2023-12-27"), "{:?}", events(&ex));
    assert!(!has(&ex, "arrival", "2024-01-01"), "{:?}", events(&ex));
}

#[test]
fn arriving_escorting_and_delivering_date_movements() {
    let ex = run(
        "On 4 May 2023, a video showed 40 children arriving at a camp near Omsk.",
        "2023-09-01",
    );
    assert!(has(&ex, "arrival", "2023-05-04"), "{:?}", events(&ex));
    let ex = run(
        "On 9 June 2023 the official accompanied 25 teenagers to a camp in Tula.",
        "2023-09-01",
    );
    assert!(has(&ex, "transfer", "2023-06-09"), "{:?}", events(&ex));
    let ex = run(
        "У травні 2023 року 20 дітей літаком доправили до Омська.",
        "2023-09-01",
    );
    assert!(has(&ex, "transfer", "2023-05"), "{:?}", events(&ex));
}

#[test]
fn a_claim_and_the_end_of_a_year_date_no_movement() {
    let ex = run(
        "В прошлом году чиновники утверждали, что дети передаются в семьи временно.",
        "2024-01-10",
    );
    assert!(
        !events(&ex)
            .iter()
            .any(|(k, d)| k == "adoption" && d.is_some()),
        "{:?}",
        events(&ex)
    );
    let ex = run(
        "На конец 2023 года в приемных семьях находились 40 детей из Энска.",
        "2024-01-10",
    );
    assert!(
        !events(&ex)
            .iter()
            .any(|(k, d)| k == "adoption" && d.is_some()),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn two_cases_of_one_cyrillic_name_are_one_organisation() {
    let ex = run(
        "Енський районний суд міста Омська ухвалив вирок. Рішення Енського районного суду оскаржать.",
        "2024-01-10",
    );
    let o = orgs(&ex);
    assert_eq!(o.len(), 1, "{o:?}");
    // English names of different length stay two bodies.
    let ex = run(
        "The Office of the Prosecutor opened a case. The Office of the Prosecutor General disagreed.",
        "2024-01-10",
    );
    assert_eq!(orgs(&ex).len(), 2, "{:?}", orgs(&ex));
}

#[test]
fn a_page_date_line_is_no_report() {
    let ex = run(
        "Published 8 May 2023\n\nThe ministry said on 3 May 2023 that 20 children were found.",
        "2023-05-08",
    );
    assert!(!has(&ex, "report", "2023-05-08"), "{:?}", events(&ex));
    assert!(has(&ex, "report", "2023-05-03"), "{:?}", events(&ex));
}
