//! Birth-date parsing for registry cells.
//!
//! Registries write dates in every common way: `31.01.2016` (Ukrainian and
//! Russian lists), `2016-01-31` (ISO), `01/31/2016` (US exports), `19160131`
//! (FEBRL and database dumps), `31 січня 2016` / `31 января 2016` /
//! `31 студзеня 2016` / `31 January 2016` (month names from
//! `casefile_core::calendar`). Slash dates are the only genuinely ambiguous form; they
//! are returned as [`ParsedDate::Ambiguous`] so that the registry reader can
//! settle the order for the whole column from the values that are not
//! ambiguous (a column never mixes orders in practice).

use casefile_core::calendar;
use chrono::NaiveDate;

/// Which number comes first in a slash date such as `05/06/2016`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `DD/MM/YYYY`, as in Europe.
    DayFirst,
    /// `MM/DD/YYYY`, as in US exports.
    MonthFirst,
}

/// The outcome of parsing one date cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParsedDate {
    /// Only one reading is possible.
    Exact(NaiveDate),
    /// A slash date whose day and month are both ≤ 12 and differ.
    Ambiguous {
        day_first: NaiveDate,
        month_first: NaiveDate,
    },
}

impl ParsedDate {
    /// The date under a given order (the order only matters when ambiguous).
    pub fn resolve(self, order: DateOrder) -> NaiveDate {
        match (self, order) {
            (ParsedDate::Exact(d), _) => d,
            (ParsedDate::Ambiguous { day_first, .. }, DateOrder::DayFirst) => day_first,
            (ParsedDate::Ambiguous { month_first, .. }, DateOrder::MonthFirst) => month_first,
        }
    }
}

/// Why a cell is not a date. Carries no part of the cell (it may be a child's birth date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a recognised date format (expected e.g. 31.01.2016, 2016-01-31, 01/31/2016 or 20160131)")]
    Format,
    #[error("day, month or year out of range")]
    OutOfRange,
    #[error("two-digit years are not accepted (the century is unknown)")]
    TwoDigitYear,
}

/// Words that may stand beside a year of birth written alone: "2014 г.р.",
/// "2014 р.н.", "born 2014", "2014 year".
const YEAR_WORDS: [&str; 12] = [
    "г", "р", "рн", "н", "гр", "год", "года", "рік", "року", "born", "year", "b",
];

/// A birth-date cell that gives the year alone (`2014`, `2014 г.р.`,
/// `р.н. 2014`): the year, when it is one a child now living was born in.
pub fn year_only(text: &str) -> Option<i32> {
    let mut year = None;
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
    {
        if word.chars().all(|c| c.is_ascii_digit()) {
            if word.len() != 4 || year.is_some() {
                return None;
            }
            year = word.parse::<i32>().ok();
        } else if !YEAR_WORDS.contains(&word.to_lowercase().as_str()) {
            return None;
        }
    }
    year.filter(|y| (1900..=2100).contains(y))
}

/// Words that say a number is an age: "age 7", "7 years", "7 лет".
const AGE_WORDS: [&str; 14] = [
    "age",
    "aged",
    "years",
    "year",
    "yrs",
    "y",
    "лет",
    "год",
    "года",
    "років",
    "роки",
    "рік",
    "вік",
    "возраст",
];

/// A birth-date cell that gives an age in years instead (`age 7`,
/// `7 years`, `7 лет`, `вік 7`): the age.
pub fn age_instead_of_date(text: &str) -> Option<u32> {
    let mut age = None;
    let mut said = false;
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
    {
        if word.chars().all(|c| c.is_ascii_digit()) {
            if word.len() > 2 || age.is_some() {
                return None;
            }
            age = word.parse::<u32>().ok();
        } else if AGE_WORDS.contains(&word.to_lowercase().as_str()) {
            said = true;
        } else {
            return None;
        }
    }
    age.filter(|&a| said && a <= 25)
}

/// Parses one date cell, see the module documentation for the accepted forms.
pub fn parse_date(text: &str) -> Result<ParsedDate, DateError> {
    let text = text.trim();
    let text = without_time_of_day(text);
    let mut numbers: Vec<(u32, usize)> = Vec::with_capacity(3);
    let mut month_from_word: Option<u32> = None;
    let mut separator: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let digits = &text[start..end];
            let value = digits.parse::<u32>().map_err(|_| DateError::Format)?;
            numbers.push((value, digits.len()));
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphabetic() || d == '\'' {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = text[start..end].to_lowercase();
            match month_from_name(&word) {
                Some(m) if month_from_word.is_none() => month_from_word = Some(m),
                // Year markers such as "р." or "г." after the year are harmless.
                _ if matches!(word.as_str(), "р" | "г" | "року" | "года" | "рік" | "год") =>
                    {}
                _ => return Err(DateError::Format),
            }
        } else {
            if matches!(c, '.' | '-' | '/') {
                separator.get_or_insert(c);
            }
            chars.next();
        }
        if numbers.len() > 3 {
            return Err(DateError::Format);
        }
    }

    if let Some(month) = month_from_word {
        // "31 січня 2016", "January 31, 2016"
        return match numbers.as_slice() {
            [(a, _), (y, 4)] | [(y, 4), (a, _)] => exact(*y as i32, month, *a),
            [(_, _), (_, 2)] => Err(DateError::TwoDigitYear),
            _ => Err(DateError::Format),
        };
    }
    match numbers.as_slice() {
        [(value, 8)] => {
            let (y, m, d) = (value / 10_000, value / 100 % 100, value % 100);
            if (1800..=2200).contains(&y) {
                exact(y as i32, m, d)
            } else {
                // DDMMYYYY
                exact(
                    (value % 10_000) as i32,
                    value / 10_000 % 100,
                    value / 1_000_000,
                )
            }
        }
        [(y, 4), (m, _), (d, _)] => exact(*y as i32, *m, *d),
        [(a, 1..=2), (b, 1..=2), (y, 4)] => {
            if separator == Some('/') {
                slash_date(*y as i32, *a, *b)
            } else {
                exact(*y as i32, *b, *a)
            }
        }
        [(_, 1..=2), (_, 1..=2), (_, 2)] => Err(DateError::TwoDigitYear),
        _ => Err(DateError::Format),
    }
}

/// Drops a time of day after the date ("2016-01-31T00:00:00", "31.01.2016 00:00").
fn without_time_of_day(text: &str) -> &str {
    let bytes = text.as_bytes();
    if let Some(t) = text.find('T') {
        let digit_before = t > 0 && bytes[t - 1].is_ascii_digit();
        let digit_after = bytes.get(t + 1).is_some_and(u8::is_ascii_digit);
        if digit_before && digit_after {
            return &text[..t];
        }
    }
    match text.find(':') {
        Some(colon) => text[..colon]
            .rfind(char::is_whitespace)
            .map_or(text, |space| &text[..space]),
        None => text,
    }
}

fn exact(year: i32, month: u32, day: u32) -> Result<ParsedDate, DateError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .map(ParsedDate::Exact)
        .ok_or(DateError::OutOfRange)
}

fn slash_date(year: i32, first: u32, second: u32) -> Result<ParsedDate, DateError> {
    let day_first = NaiveDate::from_ymd_opt(year, second, first);
    let month_first = NaiveDate::from_ymd_opt(year, first, second);
    match (day_first, month_first) {
        (Some(d), Some(m)) if d == m => Ok(ParsedDate::Exact(d)),
        (Some(d), Some(m)) => Ok(ParsedDate::Ambiguous {
            day_first: d,
            month_first: m,
        }),
        (Some(d), None) | (None, Some(d)) => Ok(ParsedDate::Exact(d)),
        (None, None) => Err(DateError::OutOfRange),
    }
}

/// Month number from a lowercase English, Ukrainian, Russian or Belarusian
/// month name, in any grammatical case ("січня", "студзеня") or abbreviated
/// ("sept"): the shared table of `casefile_core::calendar`.
fn month_from_name(word: &str) -> Option<u32> {
    calendar::month_named(word).or_else(|| calendar::month_by_stem(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn common_formats_parse_to_the_same_day() {
        for text in [
            "31.01.2016",
            "31.01.2016 00:00",
            "2016-01-31",
            "01/31/2016",
            "31/01/2016",
            "20160131",
            "31 січня 2016",
            "31 января 2016 г.",
            "January 31, 2016",
            "2016-01-31T00:00:00",
            " 31-01-2016 ",
        ] {
            assert_eq!(
                parse_date(text),
                Ok(ParsedDate::Exact(d(2016, 1, 31))),
                "{text}"
            );
        }
    }

    #[test]
    fn month_names_of_every_language_are_read() {
        for (text, month) in [
            ("31 студзеня 2016", 1),
            ("1 лютага 2016", 2),
            ("5 траўня 2016", 5),
            ("5 жніўня 2016", 8),
            ("5 лістапада 2016", 11),
            ("5 снежня 2016", 12),
            ("5 мая 2016", 5),
            ("5 травня 2016", 5),
            ("5 Sept 2016", 9),
        ] {
            assert_eq!(
                parse_date(text).map(|p| p.resolve(DateOrder::DayFirst).format("%m").to_string()),
                Ok(format!("{month:02}")),
                "{text}"
            );
        }
        assert_eq!(
            parse_date("31 студзеня 2016"),
            Ok(ParsedDate::Exact(d(2016, 1, 31)))
        );
        assert_eq!(parse_date("31 берег 2016"), Err(DateError::Format));
    }

    #[test]
    fn a_year_or_an_age_in_a_date_cell_is_read_as_such() {
        for cell in ["2014", "2014 г.р.", "р.н. 2014", "born 2014"] {
            assert_eq!(year_only(cell), Some(2014), "{cell}");
        }
        for cell in [
            "31.01.2014",
            "14",
            "2014 2015",
            "12345",
            "1850",
            "2014 Kyiv",
        ] {
            assert_eq!(year_only(cell), None, "{cell}");
        }
        for (cell, age) in [("age 7", 7), ("7 years", 7), ("7 лет", 7), ("вік 12", 12)] {
            assert_eq!(age_instead_of_date(cell), Some(age), "{cell}");
        }
        for cell in ["7", "age 70", "2014", "age seven"] {
            assert_eq!(age_instead_of_date(cell), None, "{cell}");
        }
    }

    #[test]
    fn febrl_dates_parse() {
        assert_eq!(
            parse_date("5 October 2015"),
            Ok(ParsedDate::Exact(d(2015, 10, 5)))
        );
        assert_eq!(
            parse_date("19151111"),
            Ok(ParsedDate::Exact(d(1915, 11, 11)))
        );
    }

    #[test]
    fn ambiguous_slash_dates_keep_both_readings() {
        let parsed = parse_date("05/06/2016").unwrap();
        assert_eq!(parsed.resolve(DateOrder::DayFirst), d(2016, 6, 5));
        assert_eq!(parsed.resolve(DateOrder::MonthFirst), d(2016, 5, 6));
        // Equal day and month are not ambiguous.
        assert_eq!(
            parse_date("07/07/2016"),
            Ok(ParsedDate::Exact(d(2016, 7, 7)))
        );
    }

    #[test]
    fn invalid_dates_are_rejected_with_a_reason() {
        assert_eq!(parse_date("31.02.2016"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("31.01.16"), Err(DateError::TwoDigitYear));
        assert_eq!(parse_date("unknown"), Err(DateError::Format));
        assert_eq!(parse_date(""), Err(DateError::Format));
        assert_eq!(parse_date("1.2.3.4"), Err(DateError::Format));
    }
}
