//! A child's record as one registry holds it.
//!
//! Every field but the registry's own id is optional: real lists lack birth
//! dates (giving an age on some date instead), mix name orders in one
//! column, or hold nothing but a name. The linker treats a missing field as
//! neutral evidence, never as disagreement.

use casefile_core::Sex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// The year of birth alone, when the birth-date cell gives no more
    /// (`2014`, `2014 г.р.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i32>,
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
