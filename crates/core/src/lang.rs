//! The languages casefile reads, by ISO 639-1 code.
//!
//! Sources store their language as the ISO code string (`Source.language`,
//! the `language` of `casefile extract --json`), which may name any language
//! the detector knows. [`Lang`] is the closed set that the rules branch on:
//! the languages whose month names, given names, transliteration and
//! grammar casefile knows. A code outside it is simply not a [`Lang`].

use serde::{Deserialize, Serialize};

/// A language whose words casefile's rules know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
    /// Belarusian.
    Be,
}

impl Lang {
    /// Every language, in this order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Uk, Lang::Ru, Lang::Be];

    /// The ISO 639-1 code: `en`, `uk`, `ru`, `be`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Be => "be",
        }
    }

    /// The language of an ISO 639-1 code (any case), when it is one of these.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_none() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(serde_json::to_string(&lang).unwrap(), format!("\"{lang}\""));
        }
        assert_eq!(Lang::from_code("UK"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("pl"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
