//! A child's record as one registry holds it.
//!
//! Every field but the registry's own id is optional: real lists lack birth
//! dates (giving an age on some date instead), mix name orders in one
//! column, or hold nothing but a name. The linker treats a missing field as
//! neutral evidence, never as disagreement.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Sex as recorded; anything else is left unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    /// Reads the usual spellings in English, Ukrainian and Russian.
    pub fn parse(text: &str) -> Option<Sex> {
        let word = text.trim().trim_end_matches('.').to_lowercase();
        const FEMALE: [&str; 14] = [
            "f",
            "female",
            "girl",
            "w",
            "woman",
            "ж",
            "жін",
            "жіноча",
            "жен",
            "женский",
            "дівчинка",
            "девочка",
            "дзяўчынка",
            "жаночы",
        ];
        const MALE: [&str; 15] = [
            "m",
            "male",
            "boy",
            "man",
            "ч",
            "чол",
            "чоловіча",
            "м",
            "муж",
            "мужской",
            "хлопчик",
            "мальчик",
            "хлопчык",
            "мужчынскі",
            "чал",
        ];
        if FEMALE.contains(&word.as_str()) {
            Some(Sex::Female)
        } else if MALE.contains(&word.as_str()) {
            Some(Sex::Male)
        } else {
            None
        }
    }
}

/// One registry record. Sensitive: holds a child's name and birth date, so
/// it is never printed by this crate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The registry's own record id; every output names records by it.
    pub id: String,
    pub given: Option<String>,
    pub surname: Option<String>,
    pub patronymic: Option<String>,
    /// The whole-name cell as written, when the registry has one.
    pub full_name: Option<String>,
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    /// Age in whole years on `age_at`, for lists without birth dates.
    pub age: Option<u32>,
    pub age_at: Option<NaiveDate>,
    pub birthplace: Option<String>,
    pub last_place: Option<String>,
    pub guardian: Option<String>,
    pub note: Option<String>,
    /// Further columns mapped as `extra.NAME=COL`, compared as text by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
}

impl Record {
    /// A record with only its id set.
    pub fn new(id: impl Into<String>) -> Record {
        Record {
            id: id.into(),
            ..Record::default()
        }
    }

    /// The value of an extra field by name.
    pub fn extra_value(&self, name: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sex_spellings() {
        assert_eq!(Sex::parse("Ж"), Some(Sex::Female));
        assert_eq!(Sex::parse("чол."), Some(Sex::Male));
        assert_eq!(Sex::parse("M"), Some(Sex::Male));
        assert_eq!(Sex::parse("?"), None);
    }
}
