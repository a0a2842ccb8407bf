//! Session 22 (issue 13, organisations on unseen text), tested on sentences written for the
//! test: the Ukrainian parliament's commissioner for human rights named by the full title is the
//! institution in Ukrainian, Belarusian and English, in any case, and the parliament inside the
//! title is no organisation of its own.

use casefile_extract::extract;

fn orgs(text: &str) -> Vec<String> {
    extract(text, None, None)
        .organizations
        .into_iter()
        .map(|o| o.name)
        .collect()
}

/// The text of every organisation mention found in `text`.
fn mention_texts(text: &str) -> Vec<String> {
    extract(text, None, None)
        .organizations
        .into_iter()
        .flat_map(|o| o.mentions.into_iter().map(|m| m.text))
        .collect()
}

const OMBUDSMAN: &str = "Ukrainian Parliament Commissioner for Human Rights";

#[test]
fn the_parliaments_commissioner_by_full_title_is_the_institution() {
    for text in [
        "Про повернення хлопчика повідомив Уповноважений Верховної Ради України з прав людини.",
        "Лист надіслали Уповноваженому Верховної Ради України з прав людини ще в березні.",
        "Звесткі перадалі Упаўнаважанаму Вярхоўнай Рады Украіны па правах чалавека.",
        "The case was raised by the Ukrainian Parliament Commissioner for Human Rights on Monday.",
    ] {
        let o = orgs(text);
        assert!(o.iter().any(|n| n == OMBUDSMAN), "{text}: {o:?}");
        assert!(!o.iter().any(|n| n == "Verkhovna Rada"), "{text}: {o:?}");
    }
}

#[test]
fn the_parliament_alone_is_still_the_parliament() {
    let o = orgs("Постанову ухвалила Верховна Рада України у четвер.");
    assert!(o.iter().any(|n| n == "Verkhovna Rada"), "{o:?}");
    assert!(!o.iter().any(|n| n == OMBUDSMAN), "{o:?}");
}

#[test]
fn executive_committees_in_the_nominative_and_the_classical_genitive() {
    for (text, name) in [
        (
            "Спіс дзяцей зацвердзіў Лідскі райвыканкам.",
            "Лідскі райвыканкам",
        ),
        (
            "Як паведамілі ў Віцебскім гарвыканкаме, група прыехала ўчора.",
            "Віцебскім гарвыканкаме",
        ),
        (
            "Паводле звестак Лідскага райвыканкаму, дзеці жывуць у лагеры.",
            "Лідскага райвыканкаму",
        ),
        (
            "Распоряжение подписал Речицкий райисполком.",
            "Речицкий райисполком",
        ),
    ] {
        let found = mention_texts(text);
        assert!(found.iter().any(|m| m == name), "{text}: {found:?}");
    }
}

#[test]
fn a_listed_name_with_a_comma_inside_is_matched_whole() {
    let found: Vec<String> = extract(
        "Дані оприлюднили в Міністерстві соціальної політики, сім'ї та єдності в понеділок.",
        None,
        None,
    )
    .organizations
    .into_iter()
    .flat_map(|o| o.mentions.into_iter().map(|m| m.text))
    .collect();
    assert!(
        found
            .iter()
            .any(|m| m == "Міністерстві соціальної політики, сім'ї та єдності"),
        "{found:?}"
    );
    // A comma between two listed names joins nothing.
    let o = orgs("Звернення підтримали ЮНІСЕФ, ОБСЄ та Рада Європи.");
    assert!(o.len() >= 3, "{o:?}");
}

#[test]
fn the_state_ending_a_bodys_name_is_a_place_too() {
    let e = extract(
        "Запит надіслали до Міністерства юстиції України минулого тижня.",
        None,
        None,
    );
    assert!(
        e.places.iter().any(|p| p.name == "Ukraine"),
        "{:?}",
        e.places
    );
}

#[test]
fn a_country_inside_a_quoted_name_is_the_names_not_a_place() {
    let e = extract(
        "Дітей повернули за допомогою «Рятуємо Україну», повідомили в ОВА.",
        None,
        None,
    );
    let o: Vec<String> = e.organizations.iter().map(|o| o.name.clone()).collect();
    assert!(o.iter().any(|n| n == "Save Ukraine"), "{o:?}");
    assert!(e.places.is_empty(), "{:?}", e.places);
    let e = extract(
        "Депутаты партии «Единая Россия» приехали в лагерь.",
        None,
        None,
    );
    assert!(e.places.is_empty(), "{:?}", e.places);
}

#[test]
fn a_foundation_named_after_someone_in_lowercase_keeps_the_person() {
    for (text, name) in [
        (
            "Психологиня благодійного фонду імені Ярослава Мудренка розповіла про табори.",
            "благодійного фонду імені Ярослава Мудренка",
        ),
        (
            "Поездку оплатил фонд имени Нины Соколовой.",
            "фонд имени Нины Соколовой",
        ),
    ] {
        let found = mention_texts(text);
        assert!(found.iter().any(|m| m == name), "{text}: {found:?}");
    }
    // The head of the foundation is no part of its name.
    let found: Vec<String> = extract(
        "Размову вёў з кіраўніком фонду імя Яна Лабановіча.",
        None,
        None,
    )
    .organizations
    .into_iter()
    .flat_map(|o| o.mentions.into_iter().map(|m| m.text))
    .collect();
    assert!(
        !found.iter().any(|m| m.starts_with("кіраўніком")),
        "{found:?}"
    );
}
