//! The interface's languages: English and Ukrainian.
//!
//! Every string a page shows is a key of the message files in `messages/`
//! (one flat TOML table per language, compiled in); the pages never hold
//! words of their own. A user picks a language with a cookie; without one,
//! the browser's `Accept-Language` decides. Numbers, dates and
//! probabilities are written as each language writes them (Ukrainian: a
//! no-break space between thousands, a decimal comma, month names in the
//! genitive).

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The cookie that keeps a user's choice of language.
pub const LANG_COOKIE: &str = "casefile_lang";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Uk,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Uk, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "uk" => Some(Lang::Uk),
            _ => None,
        }
    }

    /// The language of a cookie's value, else the first of `Accept-Language`
    /// that the interface speaks, else Ukrainian (the users' language).
    pub fn choose(cookie: Option<&str>, accept: Option<&str>) -> Lang {
        if let Some(lang) = cookie.and_then(Lang::parse) {
            return lang;
        }
        accept
            .into_iter()
            .flat_map(|a| a.split(','))
            .filter_map(|part| {
                let tag = part.split(';').next()?.trim();
                Lang::parse(tag.split('-').next()?.to_ascii_lowercase().as_str())
            })
            .next()
            .unwrap_or(Lang::Uk)
    }

    /// The messages of this language.
    pub fn messages(self) -> &'static BTreeMap<String, String> {
        static EN: OnceLock<BTreeMap<String, String>> = OnceLock::new();
        static UK: OnceLock<BTreeMap<String, String>> = OnceLock::new();
        match self {
            Lang::En => EN.get_or_init(|| parse(include_str!("../messages/en.toml"))),
            Lang::Uk => UK.get_or_init(|| parse(include_str!("../messages/uk.toml"))),
        }
    }

    /// The message `key`, or the key itself when the file lacks it (a test
    /// checks that both files have every key).
    pub fn t(self, key: &str) -> String {
        self.messages()
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// `n` with the language's thousands separator.
    pub fn number(self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let sep = match self {
            Lang::En => ",",
            Lang::Uk => "\u{a0}",
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        if n < 0 {
            out.insert(0, '-');
        }
        out
    }

    /// `x` with `places` decimals and the language's decimal mark.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        match self {
            Lang::En => s,
            Lang::Uk => s.replace('.', ","),
        }
    }

    fn month(self, m: u32) -> &'static str {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        // The genitive, as a Ukrainian date is written ("2 грудня 2026").
        const UK: [&str; 12] = [
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ];
        let i = (m.clamp(1, 12) - 1) as usize;
        match self {
            Lang::En => EN[i],
            Lang::Uk => UK[i],
        }
    }

    /// A calendar date given as `YYYY-MM-DD` (or a prefix of it), written
    /// out; anything else is returned as it is.
    pub fn day(self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(y), m, d) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let num = |s: Option<&str>| {
            s.and_then(|s| s.get(..2))
                .and_then(|s| s.parse::<u32>().ok())
        };
        match (num(m), num(d)) {
            (Some(m), Some(d)) if (1..=12).contains(&m) => {
                format!("{d} {} {y}", self.month(m))
            }
            (Some(m), None) if (1..=12).contains(&m) => match self {
                Lang::En => format!("{} {y}", self.month(m)),
                Lang::Uk => format!("{} {y}", self.month(m)),
            },
            _ => iso.to_string(),
        }
    }

    /// An RFC 3339 time (UTC) as a date and hours:minutes.
    pub fn time(self, rfc3339: &str) -> String {
        match chrono::DateTime::parse_from_rfc3339(rfc3339) {
            Ok(t) => {
                let t = t.with_timezone(&chrono::Utc);
                let day = self.day(&t.format("%Y-%m-%d").to_string());
                format!("{day}, {} UTC", t.format("%H:%M"))
            }
            Err(_) => rfc3339.to_string(),
        }
    }
}

fn parse(text: &str) -> BTreeMap<String, String> {
    // The files are part of the binary and checked by a test; a broken file
    // shows keys instead of words rather than stopping the server.
    toml::from_str::<BTreeMap<String, String>>(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_message() {
        let en: Vec<&String> = Lang::En.messages().keys().collect();
        let uk: Vec<&String> = Lang::Uk.messages().keys().collect();
        assert!(en.len() > 50, "the English file parses");
        assert_eq!(en, uk, "the same keys in en.toml and uk.toml");
        for (key, value) in Lang::Uk.messages() {
            assert!(!value.trim().is_empty(), "uk {key} is empty");
        }
    }

    #[test]
    fn numbers_and_dates_per_language() {
        assert_eq!(Lang::En.number(1234567), "1,234,567");
        assert_eq!(Lang::Uk.number(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(Lang::Uk.number(-12), "-12");
        assert_eq!(Lang::Uk.decimal(0.875, 2), "0,88");
        assert_eq!(Lang::En.day("2023-03-17"), "17 March 2023");
        assert_eq!(Lang::Uk.day("2023-03-17"), "17 березня 2023");
        assert_eq!(Lang::Uk.day("2023"), "2023");
        assert_eq!(
            Lang::Uk.time("2026-12-02T01:20:21Z"),
            "2 грудня 2026, 01:20 UTC"
        );
        assert_eq!(Lang::En.time("not a time"), "not a time");
    }

    #[test]
    fn choice_of_language() {
        assert_eq!(Lang::choose(Some("en"), Some("uk")), Lang::En);
        assert_eq!(Lang::choose(None, Some("en-GB,en;q=0.8")), Lang::En);
        assert_eq!(Lang::choose(Some("xx"), Some("de, uk;q=0.5")), Lang::Uk);
        assert_eq!(Lang::choose(None, None), Lang::Uk);
    }
}
