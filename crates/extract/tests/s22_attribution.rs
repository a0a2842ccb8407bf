//! Session 22 (issue 13, `asserted_by` on unseen text), tested on texts written for the test:
//! an interview printed as dashed turns with no speaker labels, where the answers are the
//! words of the one person the introduction names.

use casefile_extract::extract;

fn asserters(text: &str) -> Vec<(Option<u64>, Option<String>)> {
    extract(text, None, None)
        .count_claims
        .into_iter()
        .map(|c| (c.number, c.asserted_by))
        .collect()
}

/// Who asserts the claim of `number` among `asserters`.
fn asserter_of(asserters: &[(Option<u64>, Option<String>)], number: u64) -> Option<String> {
    asserters
        .iter()
        .find(|(n, _)| *n == Some(number))
        .and_then(|(_, w)| w.clone())
}

#[test]
fn the_answers_of_a_dashed_interview_are_the_guests() {
    let text = "«Кожна дитина має ім'я»: волонтерка про пошук\n\nРедакція поговорила з Мариною Ковальчук, координаторкою пошукової групи з Полтави.\n\n— Скількох дітей ви вже знайшли?\n\n— Ми підтвердили місце перебування 74 дітей. Близько двадцяти з них досі в таборах.\n\n— Як ви працюєте?\n\n— Через родини й відкриті джерела.\n";
    let a = asserters(text);
    let who = asserter_of(&a, 74);
    assert!(
        who.as_deref().is_some_and(|w| w.contains("Ковальчук")),
        "{a:?}"
    );
}

#[test]
fn an_introduction_naming_two_people_names_no_guest() {
    let text = "Розмова про пошук дітей\n\nРедакція поговорила з Мариною Ковальчук і Андрієм Литвиненком.\n\n— Скількох дітей ви вже знайшли?\n\n— Ми підтвердили місце перебування 74 дітей.\n\n— Як ви працюєте?\n\n— Через родини й відкриті джерела.\n";
    let a = asserters(text);
    let who = asserter_of(&a, 74);
    assert!(
        !who.as_deref().is_some_and(|w| w.contains("Ковальчук")),
        "{a:?}"
    );
}

#[test]
fn the_author_of_a_statement_named_after_its_noun_is_the_source() {
    for (text, lang, author) in [
        (
            "Херсонская областная прокуратура сообщила о подозрении. Как говорится в сообщении прокуратуры, 23 ребёнка вывезли в Крым.",
            "ru",
            "прокуратур",
        ),
        (
            "Як ідеться в повідомленні Національної поліції, 17 дітей досі розшукують.",
            "uk",
            "поліці",
        ),
    ] {
        let a = extract(text, Some(lang), None).count_claims;
        assert!(
            a.iter().any(|c| c
                .asserted_by
                .as_deref()
                .is_some_and(|w| w.to_lowercase().contains(author)
                    || w.contains("Police")
                    || w.contains("Prosecutor"))),
            "{text}: {:?}",
            a.iter().map(|c| (&c.number, &c.asserted_by)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_outlet_told_is_not_the_speaker_after_the_verb() {
    let text = "Група з 40 дзяцей з Луганска прыехала ў лагер «Сонейка» ў нядзелю. Пра гэта карэспандэнту БЕЛТА паведаміў старшыня Лідскага райвыканкама.";
    let a = asserters(text);
    let who = asserter_of(&a, 40);
    assert_eq!(
        who.as_deref(),
        Some("старшыня Лідскага райвыканкама"),
        "{a:?}"
    );
}

#[test]
fn a_body_after_the_last_comma_before_said_is_the_subject_not_the_count() {
    let text = "In all, more than 2,300 children have been brought home since 2022, the Ministry of Reintegration said on Friday.";
    let a = asserters(text);
    let who = asserter_of(&a, 2300);
    assert!(
        who.as_deref().is_some_and(|w| w.contains("Reintegration")),
        "{a:?}"
    );
    // A count is no one's name, whoever said it.
    let a = asserters("In all, more than 2,300 children have been brought home, officials said.");
    assert!(
        !a.iter()
            .any(|(_, w)| w.as_deref().is_some_and(|w| w.contains("2,300"))),
        "{a:?}"
    );
}
