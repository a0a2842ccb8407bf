//! The few name operations the linker needs, in one place.
//!
//! Transliteration and cross-language name knowledge live in
//! `casefile-names`; the linker only asks it for a Latin key (used for
//! "transliteration-equal" levels, term frequencies and cross-script
//! blocking), a similarity for given names and surnames, and a split of a
//! whole-name cell. Keeping the calls here means the rest of the crate never
//! depends on how that crate spells its API.

/// A name split into its parts; parts that could not be told apart are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameParts {
    pub given: Option<String>,
    pub surname: Option<String>,
    pub patronymic: Option<String>,
}

/// Script-independent key of a name or place: equal keys mean "the same
/// name written in another script or transliteration standard".
pub fn latin_key(text: &str) -> String {
    let key = casefile_names::latin_key(text);
    if key.is_empty() {
        fallback_key(text)
    } else {
        key
    }
}

/// Script-independent key of any other text (places, addresses, numbers).
/// Words with letters get their name key (places are names too), others
/// (numbers, codes) are only folded; the word order is kept.
pub fn latin_key_of_text(text: &str) -> String {
    text.split_whitespace()
        .map(|word| {
            if word.chars().any(char::is_alphabetic) {
                let key = casefile_names::latin_key(word);
                if key.is_empty() {
                    fallback_key(word)
                } else {
                    key
                }
            } else {
                fallback_key(word)
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What kind of place a word names (see `data/place_words.tsv`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PlaceWord {
    Settlement,
    Region,
}

fn place_words() -> &'static std::collections::HashMap<String, PlaceWord> {
    static WORDS: std::sync::OnceLock<std::collections::HashMap<String, PlaceWord>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        casefile_text::wordlist::entries(include_str!("../data/place_words.tsv"))
            .skip(1)
            .filter_map(|line| {
                let (kind, word) = line.split_once('\t')?;
                let kind = match kind {
                    "settlement" => PlaceWord::Settlement,
                    "region" => PlaceWord::Region,
                    _ => return None,
                };
                Some((word.trim().to_string(), kind))
            })
            .collect()
    })
}

/// The key of a place cell: the Latin key of its settlement's name alone.
/// Lists write one town as "м. Токмак, Запорізька обл.", "Запорожская
/// обл., г. Токмак" or "Tokmak, Zaporizhzhia Oblast"; keyed whole, these
/// are different places. Of the cell's comma-separated parts, the one
/// with a settlement word (г., м., пгт) is the settlement's, else the
/// first without a region word (обл., Oblast, ДНР); its kind words are
/// dropped. A cell without such words keys as [`latin_key_of_text`].
pub fn place_key(text: &str) -> String {
    latin_key_of_text(&settlement_name(text).unwrap_or_else(|| text.to_string()))
}

/// Whether a place cell names a settlement, not only a region (see
/// [`place_key`]): "ДНР", "Запорожская обл.", "Республика Крым" and
/// "Luhansk Oblast" do not.
pub fn names_a_settlement(text: &str) -> bool {
    settlement_name(text).is_some()
}

/// The settlements a place cell may name, as ids shared by all their
/// names (Артёмовск and Бахмут, see `place_names`); empty when the name
/// is no Ukrainian settlement's.
pub fn place_groups(text: &str) -> Vec<u32> {
    crate::place_names::settlements_of(&place_key(text)).to_vec()
}

/// The words of a place cell that name its settlement (see [`place_key`]),
/// or `None` when no part of the cell can be told to be it.
fn settlement_name(text: &str) -> Option<String> {
    let words = place_words();
    let fold = |w: &str| {
        w.trim_matches(|c: char| c == '.' || c == ',' || c == '(' || c == ')')
            .to_lowercase()
    };
    let kind = |w: &str| words.get(&fold(w)).copied();
    let parts: Vec<&str> = text
        .split([',', ';'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    let has =
        |part: &str, wanted: PlaceWord| part.split_whitespace().any(|w| kind(w) == Some(wanted));
    let part = parts
        .iter()
        .find(|p| has(p, PlaceWord::Settlement))
        .or_else(|| parts.iter().find(|p| !has(p, PlaceWord::Region)))?;
    let name: Vec<&str> = part
        .split_whitespace()
        .filter(|w| kind(w).is_none())
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// The given-name groups a name may belong to, diminutives included
/// (Саша: Oleksandr's and Oleksandra's); empty for unknown names.
pub fn given_groups(name: &str) -> Vec<u32> {
    casefile_names::given_name_group_ids(name)
}

/// The father's given-name groups a patronymic names
/// (Олександрович / Aleksandrovna → Oleksandr's).
pub fn father_groups(patronymic: &str) -> Vec<u32> {
    let groups = casefile_names::patronymic_father_group_ids(patronymic);
    if !groups.is_empty() {
        return groups;
    }
    // A Belarusian daughter's patronymic in Latin letters (Andreieuna,
    // Aliaksandrauna, Mikalaeŭna) names her father as her brother's does
    // (Andreievich, Aliaksandravich, Mikalaevič), which the tables read.
    let trimmed = patronymic.trim();
    let lower = trimmed.to_lowercase();
    BELARUSIAN_DAUGHTERS_IN_LATIN
        .iter()
        .find(|(feminine, _)| lower.ends_with(feminine) && lower.chars().count() >= 8)
        .and_then(|(feminine, masculine)| {
            let stem = lower.strip_suffix(feminine)?;
            Some(casefile_names::patronymic_father_group_ids(&format!(
                "{stem}{masculine}"
            )))
        })
        .unwrap_or_default()
}

/// The Latin key, sound keys and spelling forms of a surname at once (as
/// [`latin_key`], [`casefile_names::surname_sound_keys`] — loose keys shared
/// by Шевцов / Шаўцоў / Shautsou — and [`casefile_names::surname_form_keys`]
/// — tight keys, equal only up to the regular uk/ru/be ending
/// correspondences, the sex kept), its spelling read once.
pub fn surname_keys(surname: &str) -> casefile_names::SurnameKeys {
    let mut keys = casefile_names::surname_keys(surname);
    if keys.latin.is_empty() {
        keys.latin = fallback_key(surname);
    }
    keys
}

/// Splits a whole-name cell written in either order. When no word is a
/// known given name (a rare name, or one with a typo), a cell of two or
/// three words is read in the order lists use: Cyrillic lists write
/// "Surname Given Patronymic", Latin ones "Given [Patronymic] Surname". A
/// wrong guess still meets the other record through the "names swapped"
/// comparison, while no split at all would lose the given name.
///
/// A word in capitals among words that are not (BONDAR Lissja, Olena
/// KOVALENKO) is the surname whatever the order: the convention of
/// passports and of French and international lists, more reliable than
/// any guess from the words themselves.
pub fn split_full_name(text: &str) -> NameParts {
    if let Some(parts) = split_at_capital_surname(text) {
        return parts;
    }
    if let Some(parts) = split_at_comma(text) {
        return parts;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(parts) = split_by_patronymic_and_given(&words) {
        return parts;
    }
    let parsed = casefile_names::parse_name(text);
    if let Some(parts) = middle_word_as_patronymic(&parsed, &words) {
        return parts;
    }
    if parsed.given().is_some() {
        return NameParts {
            given: parsed.given().map(str::to_string),
            surname: parsed.surname(),
            patronymic: parsed.patronymic().map(str::to_string),
        };
    }
    let cyrillic = text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let owned = |w: Option<&&str>| w.map(|w| w.to_string());
    // A patronymic fixes the order of three words whatever the script:
    // in the middle, the given name is before it and the surname after
    // (Тапя Вадимовна Петренко, a given name mistyped); last, the
    // surname leads.
    if words.len() == 3 {
        let patronymic_at = |i: usize| casefile_names::looks_patronymic(words[i]);
        if patronymic_at(1) && !patronymic_at(2) {
            return NameParts {
                given: owned(words.first()),
                patronymic: owned(words.get(1)),
                surname: owned(words.get(2)),
            };
        }
        if patronymic_at(2) && !patronymic_at(1) {
            return NameParts {
                surname: owned(words.first()),
                given: owned(words.get(1)),
                patronymic: owned(words.get(2)),
            };
        }
    }
    match (words.len(), cyrillic) {
        (2 | 3, true) => NameParts {
            surname: owned(words.first()),
            given: owned(words.get(1)),
            patronymic: owned(words.get(2)),
        },
        (2 | 3, false) => NameParts {
            given: owned(words.first()),
            patronymic: owned(words.get(1).filter(|_| words.len() == 3)),
            surname: owned(words.last()),
        },
        _ => NameParts {
            given: None,
            surname: parsed.surname(),
            patronymic: parsed.patronymic().map(str::to_string),
        },
    }
}

/// The endings of a Belarusian daughter's patronymic in Latin letters and
/// of her brother's (-аўна / -авіч): given_groups reads the father through
/// the son's form, and looks_patronymic knows the daughter's by them.
const BELARUSIAN_DAUGHTERS_IN_LATIN: [(&str, &str); 6] = [
    ("auna", "avich"),
    ("euna", "evich"),
    ("ouna", "ovich"),
    ("aŭna", "avič"),
    ("eŭna", "evič"),
    ("oŭna", "ovič"),
];

/// Three words of which one is a patronymic by its ending and, of the
/// other two, one a known given name and the other not: the known name is
/// the given name and the other the surname, in whatever order the three
/// stand (lists mix "Given Surname Patronymic" with the usual orders, and
/// a transliterated Belarusian patronymic, Andreieuna, is no ending a
/// parser of Russian and Ukrainian forms knows). Word knowledge decides
/// here before any guess from the order.
fn split_by_patronymic_and_given(words: &[&str]) -> Option<NameParts> {
    if words.len() != 3 || words.iter().any(|w| w.contains('-')) {
        return None;
    }
    let patronymic: Vec<usize> = (0..3).filter(|&i| looks_patronymic(words[i])).collect();
    let [p] = patronymic[..] else {
        return None;
    };
    let others: Vec<usize> = (0..3).filter(|&i| i != p).collect();
    let known: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&i| !given_groups(words[i]).is_empty())
        .collect();
    let [g] = known[..] else {
        return None;
    };
    let surname = others.into_iter().find(|&i| i != g)?;
    Some(NameParts {
        given: Some(words[g].to_string()),
        surname: Some(words[surname].to_string()),
        patronymic: Some(words[p].to_string()),
    })
}

/// A patronymic by its ending: the Russian and Ukrainian ones the name
/// parser knows, and the Belarusian feminine "-аўна"/"-еўна"/"-оўна" in
/// Latin letters (Andreieuna, Viktarauna, Piatrouna, Andrejeŭna), whose
/// "ў" no Russian or Ukrainian reading gives.
fn looks_patronymic(word: &str) -> bool {
    if casefile_names::looks_patronymic(word) {
        return true;
    }
    let lower = word.to_lowercase();
    lower.chars().count() >= 8
        && BELARUSIAN_DAUGHTERS_IN_LATIN
            .iter()
            .map(|(feminine, _)| *feminine)
            .chain(["аўна", "еўна", "оўна"])
            .any(|e| lower.ends_with(e))
}

/// Whether a note says the child's surname was changed without saying what
/// it was ("фамилия изменена", "прізвище змінено", "surname changed", the
/// old one not given): the current surname may be a new family's (an
/// adoptive parent's, a guardian's), so a surname that disagrees with
/// another record's is no evidence against a match (see
/// `TextColumn::renamed`). A note that names the former surname is read
/// by [`former_surname`] instead.
pub fn surname_changed(note: &str) -> bool {
    const MARKERS: [&str; 8] = [
        "фамилия изменена",
        "изменена фамилия",
        "смена фамилии",
        "прізвище змінено",
        "змінено прізвище",
        "прозвішча зменена",
        "surname changed",
        "name changed",
    ];
    let lower = note.to_lowercase();
    MARKERS
        .iter()
        .any(|m| end_of_whole_words(&lower, m).is_some())
}

/// Where the first occurrence of `marker` in `lower` that stands as whole
/// words ends: "раней" is no marker inside "ранейшае прозвішча", nor "ранее"
/// inside "заранее".
fn end_of_whole_words(lower: &str, marker: &str) -> Option<usize> {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    lower
        .match_indices(marker)
        .map(|(at, _)| (at, at + marker.len()))
        .find(|&(at, end)| {
            !letter(lower[..at].chars().next_back()) && !letter(lower[end..].chars().next())
        })
        .map(|(_, end)| end)
}

/// What a note says a child's surname was before: the word after
/// "прежняя фамилия", "попереднє прізвище", "ранейшае прозвішча", "former
/// surname", "née", "фамилия изменена (была …)", "ранее …" and the like (an
/// adopted child renamed, the old name kept in the list's notes),
/// capitalised as a name is; a double surname keeps its hyphen.
pub fn former_surname(note: &str) -> Option<&str> {
    const MARKERS: [&str; 30] = [
        // A change of surname with the old one after it ("фамилия изменена (была Левченко)",
        // "ранее Харченко"); a lowercase word such as "была" is stepped over below.
        "фамилия изменена",
        "прізвище змінено",
        "прозвішча зменена",
        "surname changed",
        "ранее",
        "раніше",
        "раней",
        "previously",
        "прежняя фамилия",
        "прежн. фамилия",
        "бывшая фамилия",
        "фамилия до усыновления",
        "фамилия при рождении",
        "урожденная",
        "урождённая",
        "урожденный",
        "урождённый",
        "попереднє прізвище",
        "колишнє прізвище",
        "прізвище до усиновлення",
        "прізвище при народженні",
        "ранейшае прозвішча",
        "былое прозвішча",
        "прозвішча да ўсынаўлення",
        "former surname",
        "previous surname",
        "former last name",
        "previous last name",
        "surname at birth",
        "née",
    ];
    let lower = note.to_lowercase();
    // Lower-casing these scripts keeps every character's length in bytes
    // only by chance; a note whose length moved is read no further.
    if lower.len() != note.len() {
        return None;
    }
    let end = MARKERS
        .iter()
        .filter_map(|m| end_of_whole_words(&lower, m))
        .min()?;
    let rest = note.get(end..)?;
    let mut words = rest
        .split(|c: char| c.is_whitespace() || "—–:,.;()«»\"'".contains(c))
        .filter(|w| w.chars().any(char::is_alphabetic));
    let mut word = words.next()?;
    // "(была Левченко)", "(was Levchenko)": the verb before the old surname.
    if matches!(
        word,
        "была" | "был" | "було" | "був" | "була" | "была:" | "was" | "were"
    ) {
        word = words.next()?;
    }
    let first = word.chars().next()?;
    let letters = word.chars().all(|c| c.is_alphabetic() || c == '-');
    (word.chars().count() >= 2 && first.is_uppercase() && letters).then_some(word)
}

/// Three words, the first a known given name, read by the parser as a
/// given name and a double surname of the other two (Виктория Вадимова
/// Шеевченко): a double surname is written with a hyphen, so two words
/// after a given name are a patronymic (here mistyped, or in a form the
/// endings miss) and the surname, the order of "Given Patronymic
/// Surname". A middle word that is itself a given name (Anna Maria
/// Kowalska) is left as parsed.
fn middle_word_as_patronymic(
    parsed: &casefile_names::ParsedName,
    words: &[&str],
) -> Option<NameParts> {
    let [first, middle, last] = words else {
        return None;
    };
    if words.iter().any(|w| w.contains('-'))
        || parsed.given() != Some(*first)
        || parsed.patronymic().is_some()
        || parsed.surname_parts() != [*middle, *last]
        || !given_groups(middle).is_empty()
    {
        return None;
    }
    Some(NameParts {
        given: Some(first.to_string()),
        patronymic: Some(middle.to_string()),
        surname: Some(last.to_string()),
    })
}

/// The split of "Surname, Given [Patronymic]": one word before a single
/// comma is the surname, whatever the words are (the comma is how
/// catalogues and international lists mark the surname written first).
fn split_at_comma(text: &str) -> Option<NameParts> {
    let (before, after) = text.split_once(',')?;
    let surname: Vec<&str> = before.split_whitespace().collect();
    let rest: Vec<&str> = after.split_whitespace().collect();
    let wordlike = |w: &&str| w.chars().any(char::is_alphabetic) && !w.contains(',');
    if surname.len() != 1 || !(1..=2).contains(&rest.len()) || !rest.iter().all(wordlike) {
        return None;
    }
    if !surname.iter().all(wordlike) {
        return None;
    }
    Some(NameParts {
        surname: Some(surname[0].to_string()),
        given: Some(rest[0].to_string()),
        patronymic: rest.get(1).map(|w| w.to_string()),
    })
}

/// The split of a cell of two or three words with exactly one in
/// capitals (of at least two letters) and the others in mixed case: that
/// word is the surname, the others given name and patronymic in order.
fn split_at_capital_surname(text: &str) -> Option<NameParts> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    let mixed = |w: &str| w.chars().any(char::is_lowercase);
    let surname_at = words.iter().position(|w| capitals(w))?;
    let others: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != surname_at)
        .map(|(_, w)| *w)
        .collect();
    if !others.iter().all(|w| mixed(w)) {
        return None;
    }
    Some(NameParts {
        surname: Some(words[surname_at].to_string()),
        given: others.first().map(|w| w.to_string()),
        patronymic: others.get(1).map(|w| w.to_string()),
    })
}

/// Case folding without any script knowledge, for text that has no name key.
fn fallback_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_script_forms_share_a_key() {
        assert_eq!(latin_key("Олександр"), latin_key("Oleksandr"));
        assert_eq!(latin_key("Коваленко"), latin_key("Kovalenko"));
        assert_ne!(latin_key("Коваленко"), latin_key("Ковальчук"));
    }

    #[test]
    fn places_are_keyed_by_their_settlement() {
        let tokmak = place_key("Tokmak");
        assert_eq!(place_key("м. Токмак, Запорізька обл."), tokmak);
        assert_eq!(place_key("Запорожская обл., г. Токмак"), tokmak);
        assert_eq!(place_key("Tokmak, Zaporizhzhia Oblast"), tokmak);
        assert_eq!(place_key("пгт Белозерка"), place_key("Белозерка"));
        assert_eq!(place_key("ДНР, г. Донецк"), place_key("Донецк"));
        assert_ne!(place_key("м. Херсон"), tokmak);
        // Nothing to drop: as any text.
        assert_eq!(place_key("Нова Каховка"), latin_key_of_text("Нова Каховка"));
        for region in [
            "ДНР",
            "Запорожская обл.",
            "Республика Крым",
            "Luhansk Oblast",
        ] {
            assert!(!names_a_settlement(region), "{region}");
        }
        for town in ["г. Донецк (ДНР)", "ДНР, г. Горловка", "Мариуполь", "Tokmak"]
        {
            assert!(names_a_settlement(town), "{town}");
        }
    }

    #[test]
    fn text_keys_keep_numbers() {
        assert_eq!(latin_key_of_text("4223"), "4223");
        assert!(latin_key_of_text("8 Stanley Street").starts_with("8 "));
    }

    #[test]
    fn unknown_given_names_split_in_list_order() {
        let parts = split_full_name("Коваленка Жяріеа Андреевна");
        assert_eq!(parts.surname.as_deref(), Some("Коваленка"));
        assert_eq!(parts.given.as_deref(), Some("Жяріеа"));
        assert_eq!(parts.patronymic.as_deref(), Some("Андреевна"));
        let parts = split_full_name("Zhiariea Kovalenka");
        assert_eq!(parts.given.as_deref(), Some("Zhiariea"));
        assert_eq!(parts.surname.as_deref(), Some("Kovalenka"));
        assert_eq!(parts.patronymic, None);
    }

    #[test]
    fn a_comma_marks_the_surname() {
        // An unknown (mistyped) given name: no table decides the order.
        let parts = split_full_name("Onyshchenko, Ivzn Vitaliyovych");
        assert_eq!(parts.surname.as_deref(), Some("Onyshchenko"));
        assert_eq!(parts.given.as_deref(), Some("Ivzn"));
        assert_eq!(parts.patronymic.as_deref(), Some("Vitaliyovych"));
        let parts = split_full_name("Stepanow, Artjom Iwanowitsch");
        assert_eq!(parts.surname.as_deref(), Some("Stepanow"));
        assert_eq!(parts.patronymic.as_deref(), Some("Iwanowitsch"));
        let parts = split_full_name("Polishchuk, Oleh");
        assert_eq!(parts.surname.as_deref(), Some("Polishchuk"));
        assert_eq!(parts.given.as_deref(), Some("Oleh"));
    }

    #[test]
    fn two_words_after_a_given_name_are_patronymic_and_surname() {
        let parts = split_full_name("Виктория Вадимова Шеевченко");
        assert_eq!(parts.given.as_deref(), Some("Виктория"));
        assert_eq!(parts.patronymic.as_deref(), Some("Вадимова"));
        assert_eq!(parts.surname.as_deref(), Some("Шеевченко"));
        // A hyphen writes a double surname.
        let parts = split_full_name("Олена Лвова-Белова");
        assert_eq!(parts.surname.as_deref(), Some("Лвова-Белова"));
    }

    #[test]
    fn a_patronymic_and_a_known_given_name_fix_any_order() {
        for (text, surname) in [
            ("Daryna Boiko Denysivna", "Boiko"),
            ("Bielova Katsiaryna Andreieuna", "Bielova"),
            ("Anastasiia Shvets Ruslanivna", "Shvets"),
            ("Lyebidzieva Karyna Piatrouna", "Lyebidzieva"),
        ] {
            let parts = split_full_name(text);
            assert_eq!(parts.surname.as_deref(), Some(surname), "{text}");
            assert!(parts.patronymic.is_some(), "{text}");
        }
        let parts = split_full_name("Daryna Boiko Denysivna");
        assert_eq!(parts.given.as_deref(), Some("Daryna"));
        assert_eq!(parts.patronymic.as_deref(), Some("Denysivna"));
    }

    #[test]
    fn a_note_gives_a_former_surname() {
        assert_eq!(former_surname("прежняя фамилия — Руденко"), Some("Руденко"));
        assert_eq!(
            former_surname("усыновление; Прежняя фамилия: Коваль."),
            Some("Коваль")
        );
        assert_eq!(
            former_surname("former surname Rudenko, adopted"),
            Some("Rudenko")
        );
        assert_eq!(former_surname("попереднє прізвище «Бойко»"), Some("Бойко"));
        assert_eq!(
            former_surname("фамилия изменена (была Левченко)"),
            Some("Левченко")
        );
        assert_eq!(former_surname("ранее Харченко"), Some("Харченко"));
        assert_eq!(former_surname("ранейшае прозвішча Коваль"), Some("Коваль"));
        assert_eq!(former_surname("узгоднена заранее Коваль"), None);
        assert_eq!(
            former_surname("прежняя фамилия - Львова-Белова"),
            Some("Львова-Белова")
        );
        assert_eq!(former_surname("ранее проживал в Херсоне"), None);
        assert_eq!(former_surname("смена 1, отряд 5"), None);
        assert_eq!(former_surname("прежняя фамилия неизвестна"), None);
    }

    #[test]
    fn a_patronymic_fixes_the_order() {
        let parts = split_full_name("Тапя Вадимовна Петренко");
        assert_eq!(parts.given.as_deref(), Some("Тапя"));
        assert_eq!(parts.patronymic.as_deref(), Some("Вадимовна"));
        assert_eq!(parts.surname.as_deref(), Some("Петренко"));
        let parts = split_full_name("Максии Станиславович Кравчук");
        assert_eq!(parts.given.as_deref(), Some("Максии"));
        assert_eq!(parts.surname.as_deref(), Some("Кравчук"));
        let parts = split_full_name("Kirill Ruslanowitsch Sawtschenko");
        assert_eq!(parts.surname.as_deref(), Some("Sawtschenko"));
        assert_eq!(parts.patronymic.as_deref(), Some("Ruslanowitsch"));
    }

    #[test]
    fn a_surname_in_capitals_is_the_surname() {
        let parts = split_full_name("BONDAR Lissja");
        assert_eq!(parts.surname.as_deref(), Some("BONDAR"));
        assert_eq!(parts.given.as_deref(), Some("Lissja"));
        let parts = split_full_name("Olena KOVALENKO");
        assert_eq!(parts.surname.as_deref(), Some("KOVALENKO"));
        assert_eq!(parts.given.as_deref(), Some("Olena"));
        let parts = split_full_name("SHEVCHENKO Taras Hryhorovych");
        assert_eq!(parts.given.as_deref(), Some("Taras"));
        assert_eq!(parts.patronymic.as_deref(), Some("Hryhorovych"));
        // All in capitals says nothing about the order.
        let parts = split_full_name("OLENA KOVALENKO");
        assert_eq!(parts.given.as_deref(), Some("OLENA"));
    }

    #[test]
    fn full_names_split_in_either_order() {
        let parts = split_full_name("Коваленко Олена Іванівна");
        assert_eq!(parts.given.as_deref(), Some("Олена"));
        assert_eq!(parts.surname.as_deref(), Some("Коваленко"));
        assert_eq!(parts.patronymic.as_deref(), Some("Іванівна"));
    }
}
#[cfg(test)]
mod belarusian_patronymics {
    /// A Belarusian daughter's patronymic in Latin letters names her
    /// father as her brother's does.
    #[test]
    fn a_daughters_patronymic_in_latin_letters_names_her_father() {
        for (daughter, son) in [
            ("Andreieuna", "Андрэевіч"),
            ("Aliaksandrauna", "Аляксандравіч"),
            ("Mikalaeŭna", "Мікалаевіч"),
            ("Siarhieieuna", "Сяргеевіч"),
        ] {
            let groups = super::father_groups(daughter);
            assert!(!groups.is_empty(), "{daughter}");
            assert_eq!(groups, super::father_groups(son), "{daughter}");
        }
        assert!(super::father_groups("Kovaluna").is_empty());
    }
}
