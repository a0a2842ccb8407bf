//! Session 15 (issue 13): general classes of person extraction, each tested on sentences
//! written for the test (not taken from any article or split), in English, Ukrainian,
//! Russian and Belarusian.

use casefile_extract::{extract, Extraction};

fn run(text: &str) -> Extraction {
    extract(text, None, None)
}

/// Every form (name and variants) of every person found.
fn forms(ex: &Extraction) -> Vec<String> {
    ex.persons
        .iter()
        .flat_map(|p| p.variants.iter().cloned().chain([p.name.clone()]))
        .collect()
}

fn has_person(text: &str, form: &str) -> bool {
    forms(&run(text)).iter().any(|f| f == form)
}

/// Asserts that none of `texts` names a person.
fn assert_no_persons(texts: &[&str]) {
    for text in texts {
        let ex = run(text);
        assert!(ex.persons.is_empty(), "{text}: {:?}", forms(&ex));
    }
}

/// Asserts that each text names a person with the form given.
fn assert_forms(cases: &[(&str, &str)]) {
    for (text, form) in cases {
        assert!(has_person(text, form), "{text}: {:?}", forms(&run(text)));
    }
}

#[test]
fn a_child_named_by_a_lone_given_name_is_no_person() {
    // Reports name children by their given name alone to keep them unidentified: no entity.
    assert_no_persons(&[
        "Masha is nine and her brother Kolya is six.",
        "We met Kolya at the station in October.",
        "Волонтерам вдалося повернути Ярину додому лише в травні.",
        "Сусіди розповіли, що Тимофія забрали восени.",
        "Соседи рассказали, что Глеба увезли осенью.",
        "Жанчына папрасіла называць яе Сьвятланай у гэтым артыкуле.",
        "Пасля гэтага Настасся вярнулася дадому.",
    ]);
}

#[test]
fn a_lone_given_name_in_any_case_joins_the_person_named_in_full() {
    // The given name is still recognised in any case and spelling: it joins the full name.
    for (text, lone) in [
        (
            "Ярина Коваль прийшла до суду. Волонтерам вдалося повернути Ярину додому.",
            "Ярину",
        ),
        (
            "Глеб Орлов дал показания. Соседи рассказали, что Глеба увезли осенью.",
            "Глеба",
        ),
        (
            "Сьвятлана Барысевіч прыехала. Мы называем яе Сьвятланай.",
            "Сьвятланай",
        ),
    ] {
        let ex = run(text);
        assert_eq!(ex.persons.len(), 1, "{text}: {:?}", forms(&ex));
        assert!(
            ex.persons[0].mentions.iter().any(|m| m.text == lone),
            "{text}: {:?}",
            ex.persons[0]
        );
    }
}

#[test]
fn a_lone_given_name_that_is_a_common_word_is_no_person() {
    assert_no_persons(&[
        "Слава Україні, сказали вони на зустрічі.",
        "Роман вийшов друком у жовтні минулого року.",
        "Вера в победу помогала им в те месяцы.",
        "Колькі дзяцей вывезлі, невядома.",
    ]);
}

#[test]
fn a_lone_given_name_joins_the_full_name_it_shortens() {
    let ex =
        run("Her aunt, Oksana Melnychuk, travelled to Taganrog. Oksana waited there for a week.");
    assert_eq!(ex.persons.len(), 1, "{:?}", forms(&ex));
    assert_eq!(ex.persons[0].mentions.len(), 2, "{:?}", ex.persons[0]);
}

#[test]
fn initials_after_the_surname_and_for_the_surname() {
    assert_forms(&[
        (
            "Ответ подготовила Сидоренко Т. В., тел. 000-00-00.",
            "Сидоренко Т. В.",
        ),
        (
            "Письмо подписано Кузнецовой А. П. в пятницу.",
            "Кузнецовой А. П.",
        ),
        (
            "Відповідь підписав Гнатюк О. М. наприкінці березня.",
            "Гнатюк О. М.",
        ),
        (
            "Мать мальчика, Ольга Д., нашла его по фотографии.",
            "Ольга Д.",
        ),
    ]);
    // Two people who share a surname but not their initials stay apart.
    let ex = run("В заседании участвовали Петрова А. С. и Петровой Н. В. в качестве свидетелей.");
    assert_eq!(ex.persons.len(), 2, "{:?}", forms(&ex));
}

#[test]
fn belarusian_full_names_in_both_orthographies() {
    assert_forms(&[
        (
            "Дзяцей сустрэў дэпутат Зьміцер Лагутка ў аэрапорце.",
            "Зьміцер Лагутка",
        ),
        (
            "Пра гэта распавяла Таццяна Малышава на сустрэчы ў школе.",
            "Таццяна Малышава",
        ),
        (
            "Остап Гуменюк\nЖурналіст, автор розслідування",
            "Остап Гуменюк",
        ),
        ("Halyna Marchuk is a teacher in Odesa.", "Halyna Marchuk"),
    ]);
}

#[test]
fn places_bodies_titles_and_kin_are_no_persons() {
    assert_no_persons(&[
        "Дзяцей вывезлі на тэрыторыю Расійскай Федэрацыі ў жніўні.",
        "Дзяцей вывезлі з Новай Каўхоўкі ў жніўні.",
        "Детский омбудсмен Смоленской области рассказала об этом журналистам.",
        "Члени комітету звернулися до Кабінету Міністрів України з пропозицією.",
        "Першы намеснік Міністра падпісаў ліст.",
        "Мама сказала, что дети вернутся через две недели.",
    ]);
}

#[test]
fn a_person_who_names_a_foundation_is_not_mentioned_as_a_person() {
    assert_no_persons(&[
        "Благотворительный фонд имени Ольги Сидоренко собрал средства на поездку.",
        "Юристи фонду імені Марії Ткачук підготували документи.",
        "Паездку прафінансаваў фонд імя Мікалая Шыбекі.",
        "Since the Olena Hrytsenko Foundation began its work, it has helped families.",
    ]);
    // Named as a person elsewhere, the same person is still found.
    let ex = run("Ольга Сидоренко основала фонд. Фонд имени Ольги Сидоренко работает с 2015 года.");
    assert_eq!(ex.persons.len(), 1, "{:?}", forms(&ex));
}
