//! Sex as a registry records it, and the words that name it.
//!
//! One enum for every crate: the linker compares it, name rules infer it
//! from a given name or a gendered ending. The words a sex column uses
//! ("Ж", "чол.", "girl") are data: `data/sex_words.tsv`.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// Female or male; anything else is left unknown (`Option<Sex>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

/// Every word of `data/sex_words.tsv` with the sex it names.
static WORDS: LazyLock<Vec<(&'static str, Sex)>> = LazyLock::new(|| {
    parse_words(include_str!("../data/sex_words.tsv"))
        .expect("data/sex_words.tsv is well formed (checked by its test)")
});

fn parse_words(table: &'static str) -> Result<Vec<(&'static str, Sex)>, String> {
    let mut out = Vec::new();
    for line in table.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (sex, words) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {line:?} has no tab"))?;
        let sex = match sex {
            "female" => Sex::Female,
            "male" => Sex::Male,
            other => return Err(format!("unknown sex {other:?}")),
        };
        out.extend(words.split_whitespace().map(|w| (w, sex)));
    }
    Ok(out)
}

impl Sex {
    /// Reads the usual spellings in English, Ukrainian, Russian and
    /// Belarusian ("F", "Ж", "чол.", "хлопчык"); `None` for anything else.
    pub fn parse(text: &str) -> Option<Sex> {
        let word = text.trim().trim_end_matches('.').to_lowercase();
        WORDS
            .iter()
            .find(|(known, _)| *known == word)
            .map(|&(_, sex)| sex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_table_is_well_formed_and_each_word_names_one_sex() {
        let words = parse_words(include_str!("../data/sex_words.tsv")).unwrap();
        assert!(words.len() > 20);
        for (word, sex) in &words {
            assert_eq!(*word, word.to_lowercase(), "{word} is not lowercase");
            assert_eq!(Sex::parse(word), Some(*sex), "{word}");
        }
    }

    #[test]
    fn sex_spellings() {
        assert_eq!(Sex::parse("Ж"), Some(Sex::Female));
        assert_eq!(Sex::parse("чол."), Some(Sex::Male));
        assert_eq!(Sex::parse("M"), Some(Sex::Male));
        assert_eq!(Sex::parse(" Дзяўчынка "), Some(Sex::Female));
        assert_eq!(Sex::parse("?"), None);
        assert_eq!(Sex::parse(""), None);
    }

    #[test]
    fn serialises_lowercase() {
        assert_eq!(serde_json::to_string(&Sex::Female).unwrap(), "\"female\"");
        assert_eq!(serde_json::from_str::<Sex>("\"male\"").unwrap(), Sex::Male);
    }
}
