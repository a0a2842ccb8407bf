//! Publication dates: recognising dates in the usual written forms and
//! normalising them to `YYYY-MM-DD`.
//!
//! Two uses: normalising the value of a metadata field (`2023-07-22T22:08:00+03:00`,
//! `Sat, 22 Jul 2023`, `22.07.2023`), and finding the publication date that
//! a captured page's chrome carries near the top of its text (a leading
//! `date 2024-01-04`, a byline `... July 22, 2023 10:08 PM`). The second
//! must never pick up the date of an event reported in the article, so it
//! only looks at the first [`TEXT_HEAD_LEN`] bytes and only accepts a date
//! in a dateline: after a keyword (`date`, `published`, `опубліковано`,
//! ...), at the start of a line, followed by a clock time, or on a short
//! line that is not a sentence.
//!
//! Written forms: `2023-07-22`, `2023/07/22`, `22.07.2023`, `22/07/2023`
//! (only when the day is > 12, else the order is unknowable), `July 22, 2023`,
//! `22 July 2023`, `Jul 22 2023`, and the Ukrainian, Russian and Belarusian
//! `22 липня 2023`, `22 июля 2023 г.`, `22 ліпеня 2023`.

use std::collections::HashMap;
use std::sync::LazyLock;

use casefile_core::calendar::{self, Form, Unit};

use crate::fold::fold;
use crate::lang::head;

/// How far into a plain text a publication date is looked for.
pub const TEXT_HEAD_LEN: usize = 600;

/// The first date written in `value`, as `YYYY-MM-DD`.
pub fn normalize_date(value: &str) -> Option<String> {
    find_dates(value)
        .into_iter()
        .next()
        .map(|found| found.iso())
}

/// The publication date carried by the chrome at the top of a plain text.
pub fn published_from_text(text: &str) -> Option<String> {
    let top = head(text, TEXT_HEAD_LEN);
    for line in top.lines() {
        let tokens = scan(line);
        let words = line.split_whitespace().count();
        let is_sentence = line.trim_end().ends_with(['.', '!', '?']);
        for found in match_dates(&tokens) {
            let before = &tokens[..found.first_token];
            let after = &tokens[found.last_token + 1..];
            // "Published 1 December 2023", "Published Friday, 1 December 2023".
            let after_keyword = before
                .iter()
                .rev()
                .take(2)
                .any(|t| t.kind == Kind::Word && is_date_keyword(&t.folded));
            let at_line_start = before.is_empty();
            let byline = before.first().is_some_and(|t| {
                t.kind == Kind::Word && matches!(t.folded.as_str(), "by" | "від" | "автор" | "от")
            });
            let followed_by_time = after.len() >= 2
                && after[0].kind == Kind::Number
                && after[1].kind == Kind::Number
                && after[1].sep_before == ':'
                && after[0].value <= 24;
            let short_non_sentence = words <= 16 && !is_sentence;
            if after_keyword || at_line_start || followed_by_time || byline || short_non_sentence {
                return Some(found.iso());
            }
        }
    }
    None
}

fn is_date_keyword(word: &str) -> bool {
    matches!(
        word,
        "date"
            | "dated"
            | "published"
            | "posted"
            | "updated"
            | "modified"
            | "дата"
            | "опубліковано"
            | "оновлено"
            | "опубликовано"
            | "обновлено"
            | "апублікавана"
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FoundDate {
    year: u32,
    month: u32,
    day: u32,
    first_token: usize,
    last_token: usize,
}

impl FoundDate {
    fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Word,
}

#[derive(Debug, Clone)]
struct ScanToken {
    kind: Kind,
    /// The numeric value (numbers only; saturates for absurd lengths).
    value: u32,
    /// Number of digits (numbers) or bytes (words).
    len: usize,
    folded: String,
    /// The separator before this token: the one punctuation character
    /// between it and the previous token, ' ' for whitespace only, '\0'
    /// for none, '?' for a longer mix.
    sep_before: char,
}

fn scan(text: &str) -> Vec<ScanToken> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut separator = String::new();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() || c.is_alphabetic() {
            let numeric = c.is_ascii_digit();
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                let same = if numeric {
                    c.is_ascii_digit()
                } else {
                    c.is_alphabetic()
                };
                if !same {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let slice = &text[start..end];
            let sep_before = summarize_separator(&separator);
            separator.clear();
            tokens.push(if numeric {
                ScanToken {
                    kind: Kind::Number,
                    value: slice.parse().unwrap_or(u32::MAX),
                    len: slice.len(),
                    folded: String::new(),
                    sep_before,
                }
            } else {
                ScanToken {
                    kind: Kind::Word,
                    value: 0,
                    len: slice.len(),
                    folded: fold(slice),
                    sep_before,
                }
            });
        } else {
            separator.push(c);
            chars.next();
        }
    }
    tokens
}

fn summarize_separator(separator: &str) -> char {
    let trimmed = separator.trim();
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (None, _) if separator.is_empty() => '\0',
        (None, _) => ' ',
        (Some(c), None) => c,
        _ => '?',
    }
}

fn find_dates(text: &str) -> Vec<FoundDate> {
    match_dates(&scan(text))
}

fn match_dates(tokens: &[ScanToken]) -> Vec<FoundDate> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(date) = date_at(tokens, i) {
            i = date.last_token + 1;
            found.push(date);
        } else {
            i += 1;
        }
    }
    found
}

fn date_at(tokens: &[ScanToken], i: usize) -> Option<FoundDate> {
    let t0 = &tokens[i];
    let t1 = tokens.get(i + 1);
    let t2 = tokens.get(i + 2);
    let make = |year: u32, month: u32, day: u32, last: usize| {
        valid(year, month, day).then_some(FoundDate {
            year,
            month,
            day,
            first_token: i,
            last_token: last,
        })
    };
    match (t0.kind, t1, t2) {
        // 2023-07-22, 2023/07/22, 2023.07.22
        (Kind::Number, Some(m), Some(d))
            if t0.len == 4
                && m.kind == Kind::Number
                && d.kind == Kind::Number
                && m.len <= 2
                && d.len <= 2
                && matches!(m.sep_before, '-' | '/' | '.')
                && d.sep_before == m.sep_before =>
        {
            make(t0.value, m.value, d.value, i + 2)
        }
        // 22.07.2023, 22/07/2023 (day first; slashes only when unambiguous)
        (Kind::Number, Some(m), Some(y))
            if t0.len <= 2
                && m.kind == Kind::Number
                && y.kind == Kind::Number
                && m.len <= 2
                && y.len == 4
                && matches!(m.sep_before, '.' | '/' | '-')
                && y.sep_before == m.sep_before =>
        {
            if m.sep_before == '/' && t0.value <= 12 {
                if m.value > 12 {
                    return make(y.value, t0.value, m.value, i + 2);
                }
                return None;
            }
            make(y.value, m.value, t0.value, i + 2)
        }
        // 22 July 2023, 22 липня 2023, 22 июля 2023
        (Kind::Number, Some(m), Some(y))
            if t0.len <= 2 && m.kind == Kind::Word && y.kind == Kind::Number && y.len == 4 =>
        {
            make(y.value, month_number(&m.folded)?, t0.value, i + 2)
        }
        // July 22, 2023
        (Kind::Word, Some(d), Some(y))
            if d.kind == Kind::Number && d.len <= 2 && y.kind == Kind::Number && y.len == 4 =>
        {
            make(y.value, month_number(&t0.folded)?, d.value, i + 2)
        }
        _ => None,
    }
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    // Within 1900..=2100 the only century years are 1900, 2000 and 2100.
    let leap = year & 3 == 0 && year != 1900 && year != 2100;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

/// Month names and abbreviations of `casefile_core::calendar`, folded as the
/// words they are compared with are (й → и, ў → у).
static MONTH_NAMES: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    calendar_folded(Form::Name)
        .chain(calendar_folded(Form::Abbreviation))
        .collect()
});

/// The calendar's month stems, folded.
static MONTH_STEMS: LazyLock<Vec<(String, u32)>> =
    LazyLock::new(|| calendar_folded(Form::Stem).collect());

fn calendar_folded(form: Form) -> impl Iterator<Item = (String, u32)> {
    calendar::words()
        .iter()
        .filter(move |w| w.unit == Unit::Month && w.form == form)
        .map(|w| (fold(w.word), w.number))
}

/// The month a (folded) month name or abbreviation stands for, in English,
/// Ukrainian, Russian or Belarusian, in any grammatical case.
fn month_number(word: &str) -> Option<u32> {
    MONTH_NAMES.get(word).copied().or_else(|| {
        MONTH_STEMS
            .iter()
            .find(|(stem, _)| word.starts_with(stem.as_str()))
            .map(|(_, month)| *month)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_values() {
        assert_eq!(
            normalize_date("2023-07-22T22:08:00+03:00").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(
            normalize_date("Sat, 22 Jul 2023 19:08:00 GMT").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(normalize_date("22.07.2023").as_deref(), Some("2023-07-22"));
        assert_eq!(normalize_date("2023/7/2").as_deref(), Some("2023-07-02"));
        assert_eq!(
            normalize_date("July 22, 2023").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(
            normalize_date("22 липня 2023 року").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(
            normalize_date("22 июля 2023 г.").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(normalize_date("3 мая 2022").as_deref(), Some("2022-05-03"));
        assert_eq!(
            normalize_date("1 травня 2022").as_deref(),
            Some("2022-05-01")
        );
        assert_eq!(
            normalize_date("22 ліпеня 2023").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(normalize_date("Sept 9 2022").as_deref(), Some("2022-09-09"));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        assert_eq!(normalize_date("2023-02-30"), None);
        assert_eq!(normalize_date("31.13.2023"), None);
        assert_eq!(normalize_date("03/04/2023"), None);
        assert_eq!(normalize_date("25/04/2023").as_deref(), Some("2023-04-25"));
        assert_eq!(normalize_date("04/25/2023").as_deref(), Some("2023-04-25"));
        assert_eq!(normalize_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(normalize_date("no date here"), None);
        assert_eq!(normalize_date("22 widgets 2023"), None);
    }

    #[test]
    fn dateline_forms_at_the_top_of_a_text() {
        let leading =
            " date 2024-01-04 The president hosted a party, the paper reported on January 4.";
        assert_eq!(published_from_text(leading).as_deref(), Some("2024-01-04"));
        let byline = "Some headline\n\nby the news desk March 3, 2023 10:08 PM 2 min read\nText.";
        assert_eq!(published_from_text(byline).as_deref(), Some("2023-03-03"));
        assert_eq!(
            published_from_text("Новина\n14.05.2022, 12:40\nТекст.").as_deref(),
            Some("2022-05-14")
        );
        assert_eq!(
            published_from_text("Заголовок\nОпубліковано 22 липня 2023 о 14:05\n").as_deref(),
            Some("2023-07-22")
        );
        assert_eq!(
            published_from_text("Заголовок\n22 июля 2023\nТекст статьи.").as_deref(),
            Some("2023-07-22")
        );
    }

    #[test]
    fn keyword_may_be_followed_by_a_weekday() {
        let text = "Digest\n\nA weekly digest of news from the region, in plain words. Published Friday, 1 December 2023, by the desk.";
        assert_eq!(published_from_text(text).as_deref(), Some("2023-12-01"));
    }

    #[test]
    fn event_dates_in_the_body_are_not_publication_dates() {
        let body = "Officials said the children were moved to a camp in the north of the region, \
            and on March 17, 2023 the court issued warrants for two officials.";
        assert_eq!(published_from_text(body), None);
        let mut late = "Headline without a date\n\n".to_string();
        late.push_str(&"A long sentence about something else entirely. ".repeat(15));
        late.push_str("\n\n22.07.2023\n");
        assert_eq!(published_from_text(&late), None);
    }
}
