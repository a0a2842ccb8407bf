//! Session 17: general classes of organisations and places, each tested on sentences
//! written for the test (not taken from any article or split).

use casefile_extract::{extract, Extraction};
use chrono::NaiveDate;

fn run(text: &str) -> Extraction {
    extract(text, None, NaiveDate::from_ymd_opt(2024, 3, 1))
}

/// Every surface form of every organisation found.
fn org_forms(ex: &Extraction) -> Vec<String> {
    ex.organizations
        .iter()
        .flat_map(|o| o.variants.iter().cloned().chain([o.name.clone()]))
        .collect()
}

fn place_names(ex: &Extraction) -> Vec<String> {
    ex.places.iter().map(|p| p.name.clone()).collect()
}

#[test]
fn a_single_letter_is_no_organisation() {
    // Kommersant's logo letter is a form of the outlet in the curated list, not a name of one
    // letter found by a rule.
    let ex = run("Об этом сообщил «Ъ» со ссылкой на источник.");
    let names: Vec<&str> = ex.organizations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, vec!["Kommersant"], "{names:?}");
    for text in [
        "Сотрудники Центра «Э» провели обыск у волонтёров.",
        "Пункт А. Списки детей. Пункт Б. Списки сопровождающих.",
    ] {
        let ex = run(text);
        let forms = org_forms(&ex);
        assert!(
            !forms
                .iter()
                .any(|f| f.chars().filter(|c| c.is_alphanumeric()).count() < 2),
            "{text}: {forms:?}"
        );
    }
}

#[test]
fn the_sentences_verb_ends_a_cyrillic_organisation_name() {
    for (text, verb) in [
        (
            "Поліція Харківщини розшукує двох підлітків з Куп'янська.",
            "розшукує",
        ),
        (
            "Ленинский районный суд назначил ей штраф за пост о детях.",
            "назначил",
        ),
        (
            "Міністэрства адукацыі Беларусі адкрыў новую праграму для дзяцей.",
            "адкрыў",
        ),
        (
            "Обласному управлінню освіти доручити перевірити списки дітей.",
            "доручити",
        ),
    ] {
        let ex = run(text);
        let forms = org_forms(&ex);
        assert!(!forms.is_empty(), "{text}: no organisation");
        assert!(!forms.iter().any(|f| f.contains(verb)), "{text}: {forms:?}");
    }
}

#[test]
fn a_court_is_named_with_its_city_after_the_abbreviation() {
    let ex = run("Ленинский районный суд г. Курска вынес решение об опеке над тремя детьми.");
    let forms = org_forms(&ex);
    assert!(
        forms
            .iter()
            .any(|f| f == "Ленинский районный суд г. Курска"),
        "{forms:?}"
    );
}

#[test]
fn a_prosecutors_office_in_lowercase_is_named_by_its_region() {
    let ex = run("Материалы о вывозе детей направлены в прокуратуру Курской области.");
    let forms = org_forms(&ex);
    assert!(
        forms.iter().any(|f| f == "прокуратуру Курской области"),
        "{forms:?}"
    );
}

#[test]
fn a_clause_opener_is_no_part_of_an_organisation() {
    let ex =
        run("Whereas the Ministry of Justice has documented the removals, the Senate resolves.");
    let forms = org_forms(&ex);
    assert!(!forms.iter().any(|f| f.starts_with("Whereas")), "{forms:?}");
}

#[test]
fn short_belarusian_town_names_after_a_preposition() {
    let ex = run("Дзяцей з Оршы прывезлі ў Ліду, а потым пад Оршай пасялілі ў лагеры.");
    let names = place_names(&ex);
    assert!(names.iter().any(|n| n == "Orsha"), "{names:?}");
    assert!(names.iter().any(|n| n == "Lida"), "{names:?}");
}

#[test]
fn a_sentence_opening_word_with_a_countrys_short_stem_is_no_country() {
    // ("Того" stays Togo: the dictionary reads "того" as a form of that country's name.)
    let text = "Дані свідчать, що дітей вивезли до Криму.";
    let names = place_names(&run(text));
    assert!(!names.iter().any(|n| n == "Denmark"), "{text}: {names:?}");
    // The real place of the sentence is still found.
    assert!(!names.is_empty(), "{text}: no place");
}

#[test]
fn a_source_after_according_to_ends_before_the_rest_of_the_sentence() {
    let ex = run("За даними української сторони з окупованих територій вивезено 19 546 дітей.");
    let asserted: Vec<Option<String>> = ex
        .count_claims
        .iter()
        .map(|c| c.asserted_by.clone())
        .collect();
    assert_eq!(
        asserted,
        vec![Some("української сторони".to_string())],
        "{:?}",
        ex.count_claims
    );
    // A set complement of a body's name stays in the source.
    let ex = run("За даними уповноваженого з прав людини, вивезено 300 дітей.");
    let asserted: Vec<Option<String>> = ex
        .count_claims
        .iter()
        .map(|c| c.asserted_by.clone())
        .collect();
    assert!(
        asserted
            .iter()
            .all(|a| a.as_deref().is_some_and(|a| a.contains("з прав людини"))),
        "{asserted:?}"
    );
}

fn person_forms(ex: &Extraction) -> Vec<String> {
    ex.persons
        .iter()
        .flat_map(|p| p.variants.iter().cloned().chain([p.name.clone()]))
        .collect()
}

#[test]
fn a_surname_in_capitals_after_a_given_name() {
    for (text, surname) in [
        (
            "Заяву до поліції подала мати хлопця Оксана ГРИЦЕНКО з Ізюма.",
            "ГРИЦЕНКО",
        ),
        (
            "The chair then recognised Representative Nancy HALLORAN for five minutes.",
            "HALLORAN",
        ),
    ] {
        let ex = run(text);
        let forms = person_forms(&ex);
        assert!(
            forms.iter().any(|f| f.contains(surname)),
            "{text}: {forms:?}"
        );
    }
    // An acronym after a given name in a list is no surname.
    let ex = run("До НІБ і СБУ звернулися 12 родин.");
    assert!(person_forms(&ex).is_empty(), "{:?}", person_forms(&ex));
}

#[test]
fn a_belarusian_given_name_and_patronymic_join_the_person_named_in_full() {
    let ex = run(
        "Дырэктарка школы Таццяна Міхайлаўна Сакалова расказала пра паездку. \
         Таццяна Міхайлаўна дадала, што дзеці вярнуліся.",
    );
    let names: Vec<&str> = ex.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
