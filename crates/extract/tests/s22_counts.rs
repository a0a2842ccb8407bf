//! Session 22 (issue 13, counts on unseen text): the ages of a counted group told apart from
//! the count, each tested on sentences written for the test (not taken from any article): a
//! Belarusian "найменшы" for the youngest, ages in a later sentence before a share of the
//! children, a sentence about the children without ages stepped over, a headline's bare figure
//! that is the body's figure with its ages, and a share of the children that leaves the ages of
//! the youngest and oldest to the whole group.

use casefile_extract::extract;

type Row = (Option<u64>, Option<u32>, Option<u32>);

fn counts(text: &str) -> Vec<Row> {
    extract(text, None, None)
        .count_claims
        .into_iter()
        .map(|c| (c.number, c.age_min, c.age_max))
        .collect()
}

#[test]
fn the_smallest_child_in_belarusian_is_the_youngest() {
    let c = counts(
        "У лагеры пад Мазыром адпачываюць 58 дзяцей з Луганска. Найменшаму хлопчыку сем гадоў, найстарэйшай дзяўчынцы — чатырнаццаць.",
    );
    assert_eq!(c, vec![(Some(58), Some(7), Some(14))], "{c:?}");
}

#[test]
fn ages_before_a_share_of_the_children_are_the_groups() {
    let c = counts(
        "У санаторый прыехалі 64 дзіцяці з Данецка. Пра гэта паведаміў дырэктар. Усім ім ад 9 да 14 гадоў, 11 з іх — сіроты.",
    );
    assert!(c.contains(&(Some(64), Some(9), Some(14))), "{c:?}");
    assert!(!c.contains(&(Some(11), Some(9), Some(14))), "{c:?}");
}

#[test]
fn a_sentence_about_the_children_without_ages_is_stepped_over() {
    let c = counts(
        "Prosecutors say the official arranged the removal of 37 children from a care home in Oleshky. He signed the lists of pupils himself. The children, aged six to 15, were first taken to a camp near Yevpatoriia.",
    );
    assert!(c.contains(&(Some(37), Some(6), Some(15))), "{c:?}");
}

#[test]
fn a_headlines_bare_figure_is_the_bodys_figure_with_its_ages() {
    let c = counts(
        "До Пензи привезли 52 дитини з Луганщини\n\nГрупа з 52 дітей з Луганщини прибула до табору під Пензою в неділю. Дітям від 7 до 13 років.",
    );
    assert_eq!(c, vec![(Some(52), Some(7), Some(13))], "{c:?}");
    // A figure given with two different sets of ages stays two claims.
    let two = counts(
        "Тридцать детей в возрасте от 6 до 9 лет уехали в понедельник. Ещё тридцать детей в возрасте от 12 до 15 лет уехали в среду.",
    );
    assert_eq!(two.len(), 2, "{two:?}");
}

#[test]
fn a_share_of_them_leaves_the_youngest_to_the_group() {
    let c = counts(
        "На зімовых канікулах у калгасе жылі 32 школьнікі з Макееўкі, сярод іх сем выхаванцаў дзіцячага дома. Найменшаму — дзевяць гадоў.",
    );
    assert!(c.contains(&(Some(32), Some(9), None)), "{c:?}");
    assert!(c.contains(&(Some(7), None, None)), "{c:?}");
}

#[test]
fn an_age_not_reached_written_out_is_the_oldest_plus_one() {
    for (text, n, max) in [
        (
            "The charity traced 140 children from the region, 25 of them under seven.",
            25,
            6,
        ),
        (
            "Із 90 повернутих дітей 14 з них — молодші восьми років.",
            14,
            7,
        ),
        (
            "Серед евакуйованих — 33 дитини віком до чотирьох років.",
            33,
            3,
        ),
        (
            "Around 120 of the deported children were under the age of eleven.",
            120,
            10,
        ),
    ] {
        let c = counts(text);
        assert!(
            c.iter().any(|r| r.0 == Some(n) && r.2 == Some(max)),
            "{text}: {c:?}"
        );
    }
}

#[test]
fn ages_after_a_part_of_the_children_are_the_parts() {
    let c = counts(
        "Investigators documented the removal of 58 children, including seven under the age of four, from two towns.",
    );
    assert!(c.contains(&(Some(58), None, None)), "{c:?}");
    // The count spelled out in brackets is no other number.
    let c = counts(
        "Планируется оздоровление 2 400 (двух тысяч четырёхсот) детей в возрасте от 8 до 14 лет.",
    );
    assert!(c.contains(&(Some(2400), Some(8), Some(14))), "{c:?}");
}

#[test]
fn them_and_a_copula_before_a_number_count_the_children_before() {
    let c = counts(
        "Летам у санаторыях раёна адпачывалі дзеці з Данбаса. Толькі ў ліпені іх было каля трохсот.",
    );
    assert!(c.contains(&(Some(300), None, None)), "{c:?}");
    // Not after a sentence about something else.
    let c = counts("У горадзе адкрылі новыя крамы. Толькі ў ліпені іх было каля трохсот.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn the_smallest_in_belarusian_gives_the_youngest_age() {
    let c =
        counts("У першай групе прыехалі 45 дзяцей з Горлаўкі. Самым малым было па шэсць гадоў.");
    assert!(c.contains(&(Some(45), Some(6), None)), "{c:?}");
}
