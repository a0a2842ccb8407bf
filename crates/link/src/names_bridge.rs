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

/// Whether pair comparison asks the similarities below about names whose
/// keys differ (the "name variant" level: diminutives such as Sasha for
/// Oleksandr). Off: they cost about 17 µs a call, which at tens of millions
/// of pairs dwarfs everything else, while the Latin key already equates the
/// transliterations and the Ukrainian / Russian / Belarusian full forms.
pub const HAS_NAME_KNOWLEDGE: bool = false;

/// Similarity in [0, 1] of two given names, aware of Ukrainian / Russian /
/// Belarusian forms and diminutives where `casefile-names` knows them.
pub fn given_similarity(a: &str, b: &str) -> f64 {
    casefile_names::compare_given(a, b)
}

/// Similarity in [0, 1] of two surnames (gendered endings, hyphenation).
pub fn surname_similarity(a: &str, b: &str) -> f64 {
    casefile_names::compare_surname(a, b)
}

/// Splits a whole-name cell written in either order.
pub fn split_full_name(text: &str) -> NameParts {
    let parsed = casefile_names::parse_name(text);
    NameParts {
        given: parsed.given().map(str::to_string),
        surname: parsed.surname(),
        patronymic: parsed.patronymic().map(str::to_string),
    }
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
    fn text_keys_keep_numbers() {
        assert_eq!(latin_key_of_text("4223"), "4223");
        assert!(latin_key_of_text("8 Stanley Street").starts_with("8 "));
    }

    #[test]
    fn full_names_split_in_either_order() {
        let parts = split_full_name("Коваленко Олена Іванівна");
        assert_eq!(parts.given.as_deref(), Some("Олена"));
        assert_eq!(parts.surname.as_deref(), Some("Коваленко"));
        assert_eq!(parts.patronymic.as_deref(), Some("Іванівна"));
    }
}
