//! Session 26 (issue 13, `asserted_by` on unseen text), on sentences written for the test:
//! sources named by what they are, not by a name — a title and whose it is, a body of people,
//! a capital standing for its government — are candidates the attribution model can choose,
//! and a title right before a person's name leaves the claim to the person.

use casefile_extract::extract;

/// Who asserts the claim of `number` in `text` (language `lang`).
fn asserter_of(text: &str, lang: &str, number: u64) -> Option<String> {
    extract(text, Some(lang), None)
        .count_claims
        .into_iter()
        .find(|c| c.number == Some(number))
        .and_then(|c| c.asserted_by)
}

#[test]
fn a_title_or_a_body_of_people_is_the_source() {
    for (text, lang, number, source) in [
        (
            "Губернатор заявил, что летом в лагерях области отдохнули 640 детей из Херсонской области.",
            "ru",
            640,
            "Губернатор",
        ),
        (
            "Заступниця міністра освіти повідомила, що до школи повернулися 57 дітей з окупованих територій.",
            "uk",
            57,
            "Заступниця міністра освіти",
        ),
        (
            "The Ukrainian authorities say 318 children were taken from the region last year.",
            "en",
            318,
            "Ukrainian authorities",
        ),
    ] {
        let who = asserter_of(text, lang, number);
        assert!(
            who.as_deref().is_some_and(|w| w.contains(source)),
            "{text}: {who:?}"
        );
    }
}

#[test]
fn a_title_named_in_the_sentence_before_is_the_source() {
    let who = asserter_of(
        "Уполномоченный по правам ребёнка в ДНР встретилась с родителями в Донецке. По её словам, с начала года домой вернулись 23 ребёнка.",
        "ru",
        23,
    );
    assert!(
        who.as_deref().is_some_and(|w| w.contains("Уполномоченный")),
        "{who:?}"
    );
}

#[test]
fn a_title_before_a_name_leaves_the_claim_to_the_person() {
    let who = asserter_of(
        "Міністр освіти Оксана Верес повідомила, що до школи повернулися 57 дітей з окупованих територій.",
        "uk",
        57,
    );
    assert!(
        who.as_deref().is_some_and(|w| w.contains("Верес")),
        "{who:?}"
    );
}

#[test]
fn the_reporters_told_are_not_the_source_the_title_after_them_is() {
    let text = "Как рассказала журналистам начальник управления образования, школьники проведут \
                три недели в санатории.\n\nПо ее словам, в январе в регион приезжали 60 ребят \
                из Каховки.";
    let who = asserter_of(text, "ru", 60);
    assert_eq!(who.as_deref(), Some("начальник управления образования"));
}
