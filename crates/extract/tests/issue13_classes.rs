//! Issue 13: the general classes of constructions the rules were extended to, each
//! tested on sentences written for the test (not taken from any article): date ranges
//! and dated reports, attribution in Ukrainian, Russian, Belarusian and English, number
//! words and abbreviated counts, counts that are not claims, regions named by their
//! adjective and the "people's republics", foundations named after a person.

use casefile_extract::{extract_with, Extraction, Models, Qualifier};
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

#[test]
fn a_range_dates_an_event_by_an_iso_interval() {
    let ex = run(
        "Між жовтнем і груднем нічого не сталося. З березня 2022 року по січень 2023 року окупанти вивезли з міста сорок дітей.",
        "2024-01-10",
    );
    assert!(
        events(&ex).contains(&("transfer".into(), Some("2022-03/2023-01".into()))),
        "{:?}",
        events(&ex)
    );
    let ex = run(
        "Between May and July 2023, 25 children were moved to a camp.",
        "2024-01-10",
    );
    assert!(
        events(&ex).contains(&("transfer".into(), Some("2023-05/2023-07".into()))),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn a_dated_statement_is_a_report_and_leaves_the_reported_event_its_own_date() {
    // 2024-05-16 is a Thursday.
    let ex = run(
        "Омбудсман у вівторок повідомив, що у квітні окупанти вивезли групу дітей.",
        "2024-05-16",
    );
    let e = events(&ex);
    assert!(
        e.contains(&("report".into(), Some("2024-05-14".into()))),
        "{e:?}"
    );
    assert!(
        e.contains(&("transfer".into(), Some("2024-04".into()))),
        "{e:?}"
    );
    let ex = run("В субботу об этом написал губернатор.", "2024-05-16");
    assert_eq!(
        events(&ex),
        vec![("report".into(), Some("2024-05-11".into()))]
    );
}

#[test]
fn belarusian_months_in_the_locative() {
    let ex = run(
        "У жніўні 2023 года ў лагер прывезлі 30 дзяцей.",
        "2024-01-10",
    );
    assert!(
        events(&ex).contains(&("transfer".into(), Some("2023-08".into()))),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn attribution_in_four_languages() {
    let cases = [
        (
            "Паводле звестак праваабаронцаў з «Вясны», у лагеры было 40 дзяцей.",
            "Вясн",
        ),
        (
            "Как сообщает Медиазона, из города вывезли 52 ребенка.",
            "Mediazona",
        ),
        (
            "Омбудсман Дмитро Лубінець заявив, що з області вивезли 75 дітей.",
            "Лубінець",
        ),
        (
            "Some 64 children were taken to the camp, the regional ombudsman Olena Petrenko said.",
            "Petrenko",
        ),
    ];
    for (text, who) in cases {
        let ex = run(text, "2024-01-10");
        let by = ex.count_claims.first().and_then(|c| c.asserted_by.clone());
        assert!(
            by.as_deref().is_some_and(|b| b.contains(who)),
            "{text}: {by:?} ({:?})",
            ex.count_claims
        );
    }
}

#[test]
fn attribution_from_a_later_or_earlier_sentence_or_the_headline() {
    let ex = run(
        "До табору привезли ще 33 дитини. Про це повідомив голова ради Петро Коваленко.",
        "2024-01-10",
    );
    let by = ex.count_claims.first().and_then(|c| c.asserted_by.clone());
    assert!(
        by.as_deref().is_some_and(|b| b.contains("Коваленко")),
        "{by:?}"
    );
    let ex = run(
        "В лагерь привезли еще 48 детей – Иван Сидоренко\n\nГруппа прибыла ночью.",
        "2024-01-10",
    );
    let by = ex.count_claims.first().and_then(|c| c.asserted_by.clone());
    assert!(
        by.as_deref().is_some_and(|b| b.contains("Сидоренко")),
        "{by:?}"
    );
}

#[test]
fn number_words_and_abbreviated_counts() {
    let rows = |text: &str| -> Vec<(Option<u64>, Qualifier)> {
        run(text, "2024-01-10")
            .count_claims
            .iter()
            .map(|c| (c.number, c.qualifier))
            .collect()
    };
    assert_eq!(
        rows("В лагерях побывали более тысячи детей."),
        vec![(Some(1000), Qualifier::MoreThan)]
    );
    assert_eq!(
        rows("Праз лагеры прайшлі каля тысячы непаўналетніх."),
        vec![(Some(1000), Qualifier::About)]
    );
    assert_eq!(
        rows("Торік там побувало понад 3 тис. дітей."),
        vec![(Some(3000), Qualifier::MoreThan)]
    );
    assert_eq!(
        rows("They said more than a thousand children had stayed there."),
        vec![(Some(1000), Qualifier::MoreThan)]
    );
}

#[test]
fn counts_that_are_not_claims() {
    for text in [
        "Одна мати розповіла, що її двоє дітей досі там.",
        "Журналісти нарахували 12 поїздок українських дітей.",
        "Організатори відкрили п'ять таборів для дітей.",
        "One of them, a 12-year-old boy, was ill. The children were tired.",
    ] {
        let ex = run(text, "2024-01-10");
        assert!(ex.count_claims.is_empty(), "{text}: {:?}", ex.count_claims);
    }
}

#[test]
fn regions_named_by_their_adjective_and_the_peoples_republics() {
    let names = |text: &str| -> Vec<String> {
        run(text, "2024-01-10")
            .places
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    let found = names("Дзеці адпачываюць у санаторыях Мінскай і Брэсцкай абласцей.");
    assert!(found.contains(&"Minsk Region".to_string()), "{found:?}");
    assert!(found.contains(&"Brest Region".to_string()), "{found:?}");
    let found = names("Детей из ДНР и ЛНР привезли в лагерь.");
    assert!(
        found.contains(&"Donetsk People's Republic".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Luhansk People's Republic".to_string()),
        "{found:?}"
    );
    // The noun "Мінську" stays the city.
    let found = names("Зустріч відбулася в Мінську.");
    assert_eq!(found, vec!["Minsk".to_string()]);
}

#[test]
fn a_foundation_named_after_a_person_is_one_organization() {
    let ex = run(
        "Поїздки організував фонд Олексія Талая, повідомили журналісти.",
        "2024-01-10",
    );
    let orgs: Vec<&str> = ex.organizations.iter().map(|o| o.name.as_str()).collect();
    assert!(orgs.contains(&"фонд Олексія Талая"), "{orgs:?}");
}

#[test]
fn a_speaker_named_by_a_title_alone_is_the_source_of_the_next_sentence() {
    let ex = run(
        "Омбудсман провела встречу с представителями Красного Креста. «Мы ищем каждого ребенка», — сказала омбудсман. По ее словам, с весны домой вернулись 17 детей.",
        "2025-03-01",
    );
    let c = ex.count_claims.iter().find(|c| c.number == Some(17));
    assert_eq!(
        c.and_then(|c| c.asserted_by.as_deref()),
        Some("омбудсман"),
        "{:?}",
        ex.count_claims
    );
    let ex = run(
        "Міністр сустрэўся з бацькамі. «Мы шукаем кожнае дзіця», — сказала міністр. Паводле яе слоў, дадому вярнуліся 12 дзяцей.",
        "2025-03-01",
    );
    let c = ex.count_claims.iter().find(|c| c.number == Some(12));
    assert_eq!(
        c.and_then(|c| c.asserted_by.as_deref()),
        Some("міністр"),
        "{:?}",
        ex.count_claims
    );
}

#[test]
fn the_youngest_and_oldest_before_the_next_count_are_this_counts() {
    let ex = run(
        "Окупанти вивезли 23 вихованців інтернату. Вихованцям, наймолодшому з яких було сім, а найстаршому – чотирнадцять, сказали, що вони їдуть на екскурсію. Згодом 6 із них повернули родичам.",
        "2025-03-01",
    );
    let c = ex.count_claims.iter().find(|c| c.number == Some(23));
    assert_eq!(
        c.map(|c| (c.age_min, c.age_max)),
        Some((Some(7), Some(14))),
        "{:?}",
        ex.count_claims
    );
    // The later count does not take ages named before it.
    let c = ex.count_claims.iter().find(|c| c.number == Some(6));
    assert_eq!(
        c.map(|c| (c.age_min, c.age_max)),
        Some((None, None)),
        "{:?}",
        ex.count_claims
    );
    // Not named again by their noun: "the children" may be all of them, not these 30.
    let ex = run(
        "Officials moved 80 children from the town. The first 30 of them reached the camp in May. The children, the youngest of whom was six, were later split up. Nine of them are still there.",
        "2025-03-01",
    );
    let c = ex.count_claims.iter().find(|c| c.number == Some(30));
    assert_eq!(c.map(|c| c.age_min), Some(None), "{:?}", ex.count_claims);
}

#[test]
fn children_sent_away_are_a_dated_transfer() {
    let ex = run(
        "Pupils of the school were sent away in June and July 2023 for what their parents were told would be a short holiday.",
        "2024-01-10",
    );
    assert!(
        events(&ex).contains(&("transfer".into(), Some("2023-06/2023-07".into()))),
        "{:?}",
        events(&ex)
    );
}

/// The first event of `kind` in `text` (published 2024-05-16, a Thursday): its date or period.
fn dated(text: &str, kind: &str) -> Option<String> {
    let ex = run(text, "2024-05-16");
    ex.events
        .iter()
        .find(|e| e.kind == kind)
        .and_then(|e| e.date.clone().or(e.period.clone()))
}

#[test]
fn two_days_of_one_month_are_a_range_of_days() {
    for text in [
        "З 12 по 18 вересня 2023 року окупанти вивезли з міста тридцять дітей.",
        "С 12 по 18 сентября 2023 года из города вывезли тридцать детей.",
        "З 12 па 18 верасня 2023 года з горада вывезлі трыццаць дзяцей.",
        "Между 12 и 18 сентября 2023 года из города вывезли тридцать детей.",
        "12–18 вересня 2023 року з міста вивезли тридцять дітей.",
        "From 12 to 18 September 2023, thirty children were taken from the town.",
        "Thirty children were taken from the town on September 12-18, 2023.",
    ] {
        assert_eq!(
            dated(text, "transfer").as_deref(),
            Some("2023-09-12/2023-09-18"),
            "{text}"
        );
    }
}

#[test]
fn a_range_start_without_its_year_takes_the_year_of_the_end() {
    for (text, want) in [
        (
            "З 28 грудня по 3 січня 2023 року дітей вивозили до табору.",
            "2022-12-28/2023-01-03",
        ),
        (
            "С 5 октября по 9 ноября 2022 года детей вывозили в лагерь.",
            "2022-10-05/2022-11-09",
        ),
        (
            "From 5 October to 9 November 2022 children were moved to a camp.",
            "2022-10-05/2022-11-09",
        ),
    ] {
        assert_eq!(dated(text, "transfer").as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_number_after_a_month_counts_children_rather_than_naming_a_day() {
    for text in [
        "У березні 14 дітей вивезли до Криму.",
        "В марте 14 детей вывезли в Крым.",
        "In March 14 children were moved to Crimea.",
        "In March, 14 children were moved to Crimea.",
    ] {
        assert_eq!(
            dated(text, "transfer").as_deref(),
            Some("2024-03"),
            "{text}"
        );
    }
    // The English order still dates by day.
    assert_eq!(
        dated("On March 14 the children were moved to Crimea.", "transfer").as_deref(),
        Some("2024-03-14")
    );
}

#[test]
fn a_year_with_a_hyphenated_ending_dates_the_event() {
    for text in [
        "В ноябре 2022-го детей перевезли в Крым.",
        "У листопаді 2022-го дітей перевезли до Криму.",
        "У лістападзе 2022-га дзяцей перавезлі ў Крым.",
    ] {
        assert_eq!(
            dated(text, "transfer").as_deref(),
            Some("2022-11"),
            "{text}"
        );
    }
}

#[test]
fn a_holiday_with_its_year_is_that_year_s_day() {
    assert_eq!(
        dated(
            "На День знань 2022 року до школи в Криму прибули 40 дітей.",
            "arrival"
        )
        .as_deref(),
        Some("2022-09-01")
    );
    assert_eq!(
        dated(
            "On Children's Day 2023, 30 children were taken to a camp.",
            "transfer"
        )
        .as_deref(),
        Some("2023-06-01")
    );
}

#[test]
fn verbs_of_taking_adopting_and_coming_into_a_camp() {
    for (text, kind, want) in [
        (
            "У липні 2023 року 25 дітей забрали до табору.",
            "transfer",
            "2023-07",
        ),
        (
            "В июле 2023 года 25 детей отвезли в лагерь.",
            "transfer",
            "2023-07",
        ),
        (
            "У ліпені 2023 года 25 дзяцей адвезлі ў лагер.",
            "transfer",
            "2023-07",
        ),
        (
            "У ліпені 2023 года ў лагеры трапілі 25 дзяцей.",
            "transfer",
            "2023-07",
        ),
        (
            "У липні 2023 року до таборів потрапили 25 дітей.",
            "transfer",
            "2023-07",
        ),
        (
            "У липні 2023 року в табір заїхали 25 дітей.",
            "arrival",
            "2023-07",
        ),
        (
            "В июле 2023 года в лагерь заехали 25 детей.",
            "arrival",
            "2023-07",
        ),
        (
            "У ліпені 2023 года ўдалося вярнуць 25 дзяцей.",
            "arrival",
            "2023-07",
        ),
        (
            "У липні 2023 року подружжя з Москви усиновило хлопчика.",
            "adoption",
            "2023-07",
        ),
        (
            "В июле 2023 года семья из Москвы удочерила девочку.",
            "adoption",
            "2023-07",
        ),
        (
            "У ліпені 2023 года сям'я з Масквы ўсынавіла хлопчыка.",
            "adoption",
            "2023-07",
        ),
    ] {
        assert_eq!(dated(text, kind).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn more_verbs_of_telling_date_a_report() {
    for text in [
        "Про це в середу розповіла уповноважена.",
        "Об этом в среду сообщает прокуратура.",
        "Пра гэта ў сераду расказалі ў пракуратуры.",
        "Про це в середу інформує прокуратура.",
        "The office confirmed on Wednesday.",
    ] {
        assert_eq!(
            dated(text, "report").as_deref(),
            Some("2024-05-15"),
            "{text}"
        );
    }
    // A verdict announced on a day is no report.
    assert_eq!(
        dated("Вирок суд оголосив 12 березня 2024 року.", "report"),
        None
    );
}

#[test]
fn leaving_is_a_transfer_and_leaving_for_ukraine_or_home_a_return() {
    for (text, kind) in [
        ("У вівторок до табору в Криму виїхали 35 дітей.", "transfer"),
        (
            "Во вторник в лагерь под Казанью выехали 35 детей.",
            "transfer",
        ),
        (
            "У аўторак у лагер пад Мінскам выехалі 35 дзяцей.",
            "transfer",
        ),
        (
            "У вівторок до рідних в Україну виїхали шестеро дітей.",
            "arrival",
        ),
        (
            "Во вторник к родным на Украину выехали шестеро детей.",
            "arrival",
        ),
        ("У аўторак дадому выехалі шасцёра дзяцей.", "arrival"),
    ] {
        assert_eq!(dated(text, kind).as_deref(), Some("2024-05-14"), "{text}");
    }
}

#[test]
fn passing_through_camps_and_sending_in_the_imperfective_are_transfers() {
    for text in [
        "У 2023 році 200 дітей пройшли через табори в Білорусі.",
        "В 2023 году 200 детей прошли через лагеря в Беларуси.",
        "У 2023 годзе 200 дзяцей прайшлі праз санаторыі ў Беларусі.",
        "In 2023, 200 children passed through camps in Belarus.",
        "В 2023 году в лагеря направляли группы школьников.",
    ] {
        assert_eq!(dated(text, "transfer").as_deref(), Some("2023"), "{text}");
    }
}

#[test]
fn a_date_opening_a_clause_after_a_comma_dates_the_statement_of_that_clause() {
    let ex = run(
        "Нагадаємо, у вівторок обласна прокуратура повідомила, що дітей вивезли до Криму.",
        "2024-05-16",
    );
    assert!(
        events(&ex).contains(&("report".into(), Some("2024-05-14".into()))),
        "{:?}",
        events(&ex)
    );
    // A date set off after a weekday, then a verb of telling: the date is the event's.
    assert_eq!(
        dated(
            "Дзяцей прывезлі ў лагер у нядзелю, 12 мая, паведамляе выданне.",
            "transfer"
        )
        .as_deref(),
        Some("2024-05-12")
    );
}

#[test]
fn returns_in_the_passive_are_arrivals() {
    for text in [
        "У вівторок в Україну повернуто ще вісьмох дітей.",
        "Во вторник на Украину возвращены еще восемь детей.",
        "У аўторак яшчэ восем дзяцей былі вернутыя ва Украіну.",
        "Eight more children were brought back to Ukraine on Tuesday.",
    ] {
        assert_eq!(
            dated(text, "arrival").as_deref(),
            Some("2024-05-14"),
            "{text}"
        );
    }
    // The infinitive is a plan, not a return.
    assert_eq!(
        dated(
            "Во вторник правительство пообещало вернуть детей.",
            "arrival"
        ),
        None
    );
}

#[test]
fn participles_date_an_event_unless_they_only_name_the_children() {
    assert_eq!(
        dated(
            "Діти, депортовані у травні 2022 року, досі в Росії.",
            "deportation"
        )
        .as_deref(),
        Some("2022-05")
    );
    // "депортованих дітей": the participle names the children; Monday dates the appeal.
    for text in [
        "У понеділок омбудсман направив до ООН звернення щодо депортованих дітей.",
        "В понедельник омбудсмен направил в ООН обращение о вывезенных детях.",
    ] {
        let ex = run(text, "2024-05-16");
        assert!(
            !ex.events
                .iter()
                .any(|e| matches!(e.kind.as_str(), "deportation" | "transfer")),
            "{text}: {:?}",
            events(&ex)
        );
    }
}

#[test]
fn an_arrest_in_absentia_is_a_warrant() {
    for text in [
        "У понеділок суд заочно заарештував посадовця, причетного до депортації.",
        "В понедельник суд заочно арестовал чиновника, причастного к депортации.",
    ] {
        assert_eq!(
            dated(text, "arrest_warrant").as_deref(),
            Some("2024-05-13"),
            "{text}"
        );
    }
}

#[test]
fn a_wire_dateline_with_the_agency_dates_no_event() {
    let ex = run(
        "LVIV, May 14 (Wire) - Nine children have been brought back to Ukraine, officials said.",
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
fn holidays_in_oblique_cases_and_the_russian_and_belarusian_holidays() {
    for (text, want) in [
        (
            "До Дня захисту дітей 2023 року окупанти вивезли 20 дітей.",
            "2023-06-01",
        ),
        (
            "Ко Дню знаний 2023 года в лагерь привезли 20 детей.",
            "2023-09-01",
        ),
        ("На Рождество в лагерь привезли 20 детей.", "2024-01-07"),
        (
            "На Дзень Перамогі ў лагер прывезлі 20 дзяцей.",
            "2024-05-09",
        ),
    ] {
        assert_eq!(dated(text, "transfer").as_deref(), Some(want), "{text}");
    }
}

#[test]
fn russian_regions_by_their_english_names() {
    for (name, canonical) in [
        ("Kaluga Region", "Kaluga Oblast"),
        ("Nizhny Novgorod region", "Nizhny Novgorod Oblast"),
        ("Perm Krai", "Perm Krai"),
        ("Tatarstan", "Tatarstan"),
        ("Krasnodar Krai", "Krasnodar Krai"),
    ] {
        let found = casefile_extract::lookup_place(name);
        assert!(
            found
                .iter()
                .any(|e| e.canonical == canonical && e.country.as_deref() == Some("RU")),
            "{name}: {:?}",
            found.iter().map(|e| &e.canonical).collect::<Vec<_>>()
        );
    }
    // Chelyabinsk's names belong to its own region, not to Chechnya's.
    let found = casefile_extract::lookup_place("Челябинская область");
    assert!(
        found.iter().all(|e| e.canonical != "Chechnya") && !found.is_empty(),
        "{:?}",
        found.iter().map(|e| &e.canonical).collect::<Vec<_>>()
    );
    let ex = run(
        "In May 2023, 20 children were taken to a camp in the Kaluga Region.",
        "2024-01-10",
    );
    assert!(
        ex.places.iter().any(|p| p.name.contains("Kaluga")),
        "{:?}",
        ex.places.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
}

#[test]
fn english_bussed_and_flown_are_transfers() {
    for text in [
        "The group of children was bussed to Crimea in September 2022.",
        "The orphans were flown to Moscow in September 2022.",
    ] {
        assert_eq!(
            dated(text, "transfer").as_deref(),
            Some("2022-09"),
            "{text}"
        );
    }
}

#[test]
fn relative_years_and_months_and_hyphenated_ordinal_days() {
    for (text, want) in [
        ("У мінулым годзе акупанты вывезлі дзяцей з Херсона.", "2023"),
        ("Сёлета акупанты вывезлі дзяцей з Херсона.", "2024"),
        ("Цьогоріч окупанти вивезли дітей з Херсона.", "2024"),
        (
            "Минулого жовтня окупанти вивезли дітей з Херсона.",
            "2023-10",
        ),
        // Published in May: last May is a year back, last March this year.
        (
            "Прошлого мая оккупанты вывезли детей из Херсона.",
            "2023-05",
        ),
        (
            "Минулого березня окупанти вивезли дітей з Херсона.",
            "2024-03",
        ),
        (
            "5-го октября 2022 года оккупанты вывезли детей из Херсона.",
            "2022-10-05",
        ),
    ] {
        assert_eq!(dated(text, "transfer").as_deref(), Some(want), "{text}");
    }
}

#[test]
fn common_verbs_report_a_movement_only_where_children_are_named() {
    for text in [
        "У березні 2024 року село потрапило під обстріл.",
        "В марте 2024 года в санкционный список попали 12 чиновников.",
        "У березні 2024 року державі повернуто 2 мільйони гривень.",
        "В марте 2024 года на место выехали следователи.",
        "У сакавіку 2024 года на месца выехалі следчыя.",
        "У березні 2024 року поліцейські забрали зброю у затриманих.",
        "In March 2024 the envoy was flown to Doha for talks.",
    ] {
        let ex = run(text, "2024-05-16");
        assert!(ex.events.is_empty(), "{text}: {:?}", events(&ex));
    }
    // The sentence before may name them.
    let ex = run(
        "Сорок дітей з Херсона опинилися в Криму. У березні 2024 року їх забрали до табору.",
        "2024-05-16",
    );
    assert!(
        events(&ex).contains(&("transfer".into(), Some("2024-03".into()))),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn a_date_in_a_relative_clause_is_the_clause_s_event() {
    for text in [
        "Омбудсманка зустрілася з опікунами, які в червні взяли у сім'ї дітей-сиріт.",
        "Омбудсмен провела встречу с опекунами, которые в июне приняли в свои семьи детей-сирот.",
    ] {
        let ex = run(text, "2022-07-05");
        let e = events(&ex);
        assert!(
            e.contains(&("adoption".into(), Some("2022-06".into()))),
            "{text}: {e:?}"
        );
        assert!(
            !e.contains(&("meeting".into(), Some("2022-06".into()))),
            "{text}: {e:?}"
        );
    }
    // A clause about the antecedent keeps its date for it.
    let ex = run(
        "The report covers the transfer of children to Belarus, which began in May 2022, as well as their later deportation.",
        "2022-07-05",
    );
    assert!(
        events(&ex).contains(&("transfer".into(), Some("2022-05".into()))),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn a_group_of_children_that_left_in_a_relative_clause() {
    assert_eq!(
        dated(
            "Staff said a third group of 20 children, which left the boarding school on 9 May 2022, included infants.",
            "transfer"
        )
        .as_deref(),
        Some("2022-05-09")
    );
    // Not where no children are named.
    let ex = run(
        "The delegation, which left Minsk on 9 May 2022, met officials in Moscow.",
        "2024-05-16",
    );
    assert!(
        !ex.events.iter().any(|e| e.kind == "transfer"),
        "{:?}",
        events(&ex)
    );
}

#[test]
fn a_negated_movement_is_no_event() {
    for text in [
        "У травні 2023 року ці діти так і не повернулися додому.",
        "В мае 2023 года эти дети так и не вернулись домой.",
        "У траўні 2023 года гэтыя дзеці так і не вярнуліся дадому.",
        "In May 2023 the children never came back to Ukraine.",
    ] {
        let ex = run(text, "2024-05-16");
        assert!(
            !ex.events.iter().any(|e| e.kind == "arrival"),
            "{text}: {:?}",
            events(&ex)
        );
    }
    assert_eq!(
        dated(
            "У травні 2023 року дітей не тільки вивезли до Криму, а й розлучили з братами.",
            "transfer"
        )
        .as_deref(),
        Some("2023-05")
    );
}
