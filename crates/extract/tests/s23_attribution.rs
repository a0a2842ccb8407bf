//! Session 23 (issue 13, `asserted_by` and organisations on unseen text), tested on sentences
//! written for the test: the outlet a source told after the verb, "согласно" and the author of
//! a report named before, a participle clause after the speaker, a release signed by its
//! press service, and a day opening a sentence before a body.

use casefile_extract::extract;

/// Who asserts the claim of `number` in `text` (language `lang`).
fn asserter_of(text: &str, lang: &str, number: u64) -> Option<String> {
    extract(text, Some(lang), None)
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
fn an_outlet_told_after_the_verb_is_not_the_speaker() {
    for (text, lang, speaker) in [
        (
            "В субботу в лагерь приехали около 140 детей, сообщил «Ведомостям» источник в областной администрации.",
            "ru",
            "источник",
        ),
        (
            "Всего, как рассказала «Ведомостям» пресс-служба движения, в лагерях побывали 2 310 детей.",
            "ru",
            "пресс-служба",
        ),
    ] {
        let who = asserter_of(text, lang, if text.contains("140") { 140 } else { 2310 });
        assert!(
            who.as_deref().is_some_and(|w| w.starts_with(speaker)),
            "{text}: {who:?}"
        );
    }
}

#[test]
fn an_outlet_after_the_verb_with_nothing_after_it_speaks() {
    let who = asserter_of(
        "В лагерь отправили 212 детей из Херсонской области, сообщил РБК.",
        "ru",
        212,
    );
    assert!(
        who.as_deref()
            .is_some_and(|w| w.contains("RBC") || w.contains("РБК")),
        "{who:?}"
    );
}

#[test]
fn a_report_named_before_is_asserted_by_its_author() {
    let text = "Международный комитет Красного Креста во вторник опубликовал доклад о работе в регионе.\n\nВ нём двенадцать страниц.\n\nСогласно докладу, за год родным вернули 318 детей.";
    let who = asserter_of(text, "ru", 318);
    assert!(
        who.as_deref()
            .is_some_and(|w| w.contains("Red Cross") || w.contains("Красного Креста")),
        "{who:?}"
    );
}

#[test]
fn according_to_which_defers_to_the_report_named_in_its_sentence() {
    let text = "Центр опубликовал новое исследование, согласно которому в семьях живут 415 детей.";
    let who = asserter_of(text, "ru", 415);
    assert_ne!(who.as_deref(), Some("которому"), "{who:?}");
}

#[test]
fn a_participle_clause_after_the_speaker_is_not_the_speaker() {
    let text = "Воспитательница лагеря, работавшая там всё лето, рассказала, что в корпусе жили 46 детей из Ровеньков.";
    let who = asserter_of(text, "ru", 46);
    assert!(
        who.as_deref()
            .is_some_and(|w| w.starts_with("Воспитательница")),
        "{who:?}"
    );
}

#[test]
fn a_release_signed_by_a_press_service_is_the_bodys() {
    let text = "Дзеці з Херсоншчыны адпачываюць у Беларусі\n\nУ аздараўленчым лагеры адпачываюць 124 дзіцяці.\n\nПрэс-служба Міністэрства аховы здароўя";
    let who = asserter_of(text, "be", 124);
    assert!(
        who.as_deref()
            .is_some_and(|w| w.contains("аховы здароўя") || w.contains("Health")),
        "{who:?}"
    );
    let orgs = organisations(text, "be");
    assert!(
        !orgs.iter().any(|o| o.starts_with("Прэс-служба")),
        "{orgs:?}"
    );
}

#[test]
fn a_day_opening_a_sentence_is_no_part_of_a_body() {
    let orgs = organisations(
        "Вчера в министерстве сообщили о новой смене. Учора суд Ленінскага раёна вынес рашэнне.",
        "ru",
    );
    assert!(
        !orgs
            .iter()
            .any(|o| o.starts_with("Вчера") || o.starts_with("Учора")),
        "{orgs:?}"
    );
}

#[test]
fn a_bare_regional_administration_acronym_is_the_one_named_in_full() {
    let text = "Полтавська обласна військова адміністрація повідомила про повернення дітей.\n\nНачальник ОВА заявив, що додому повернулися 14 дітей.";
    let orgs = extract(text, Some("uk"), None).organizations;
    let admins: Vec<_> = orgs
        .iter()
        .filter(|o| o.mentions.iter().any(|m| m.text == "ОВА"))
        .collect();
    assert_eq!(admins.len(), 1, "{orgs:?}");
    assert!(
        admins[0].mentions.len() >= 2,
        "the acronym joins the full name: {orgs:?}"
    );
}

#[test]
fn a_bare_acronym_with_two_administrations_named_stays_apart() {
    let text = "Полтавська обласна військова адміністрація і Сумська обласна військова адміністрація повідомили про повернення дітей.\n\nНачальник ОВА заявив, що додому повернулися 14 дітей.";
    let orgs = extract(text, Some("uk"), None).organizations;
    assert!(
        !orgs
            .iter()
            .any(|o| o.mentions.len() >= 2 && o.mentions.iter().any(|m| m.text == "ОВА")),
        "{orgs:?}"
    );
}

#[test]
fn a_past_event_on_a_day_without_its_year_is_not_in_the_future() {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 25);
    let text = "Мінулым летам, 14 ліпеня, з Горлаўкі ў санаторый адправілі 48 дзяцей.";
    let events = extract(text, Some("be"), published).events;
    let dates: Vec<_> = events.iter().filter_map(|e| e.date.clone()).collect();
    assert!(dates.contains(&"2023-07-14".to_string()), "{events:?}");
    // Announced for tomorrow: left in the year of publication.
    let published = chrono::NaiveDate::from_ymd_opt(2024, 7, 13);
    let events = extract(text, Some("be"), published).events;
    let dates: Vec<_> = events.iter().filter_map(|e| e.date.clone()).collect();
    assert!(!dates.contains(&"2023-07-14".to_string()), "{events:?}");
}

#[test]
fn press_and_a_unit_of_an_unnamed_body_is_no_organisation() {
    let orgs = organisations(
        "Press Release\n\nThe Press Office said on Monday that 12 children had come home. The Associated Press reported it too.",
        "en",
    );
    assert!(!orgs.iter().any(|o| o.starts_with("Press")), "{orgs:?}");
    assert!(
        orgs.iter().any(|o| o.contains("Associated Press")),
        "{orgs:?}"
    );
}

#[test]
fn ages_given_to_all_of_a_group_in_the_next_sentence_are_its_ages() {
    let claims = extract(
        "У верасні ў санаторый прывезлі 37 дзяцей з Луганшчыны. Усім ад 5 да 14 гадоў.",
        Some("be"),
        None,
    )
    .count_claims;
    let c = claims.iter().find(|c| c.number == Some(37));
    assert!(
        c.is_some_and(|c| c.age_min == Some(5) && c.age_max == Some(14)),
        "{claims:?}"
    );
}

#[test]
fn a_wire_abbreviated_month_dates_the_day() {
    let published = chrono::NaiveDate::from_ymd_opt(2022, 12, 6);
    let text = "KHERSON, Ukraine (AP) — Officials said 52 children were put on buses on Nov. 2 and driven to Simferopol.";
    let events = extract(text, Some("en"), published).events;
    assert!(
        events
            .iter()
            .any(|e| e.kind == "transfer" && e.date.as_deref() == Some("2022-11-02")),
        "{events:?}"
    );
}
