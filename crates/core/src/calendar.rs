//! Month and weekday names in English, Ukrainian, Russian and Belarusian.
//!
//! One table (`data/calendar.tsv`) for every date parser: publication dates
//! in `casefile-text`, dates in running text in `casefile-extract`, birth
//! dates in registry cells in `casefile-link`. Each reads the same words;
//! they differ only in how much context they demand around them.
//!
//! Three kinds of entry, see the table's header: *names* (every case form
//! listed: "липень", "липня", "липні"), *abbreviations* ("jan", "sept";
//! English only, the Cyrillic ones are everyday words) and *stems*
//! ("лип", "берез"), prefixes that name a month in any case form when the
//! word stands inside a date. Lookups take a lowercase word.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::Lang;

/// What a calendar word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A month, numbered 1 (January) to 12.
    Month,
    /// A day of the week, numbered 0 (Monday) to 6, as chrono's
    /// `num_days_from_monday`.
    Weekday,
}

/// How a calendar word is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A whole word in one of its case forms.
    Name,
    /// A short form standing for the whole word ("jan", "sept").
    Abbreviation,
    /// A prefix of every case form, for words inside a date.
    Stem,
}

/// One entry of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarWord {
    pub lang: Lang,
    pub unit: Unit,
    /// 1–12 for months, 0–6 from Monday for weekdays.
    pub number: u32,
    pub form: Form,
    /// Lowercase, as written (й, ў, ' kept).
    pub word: &'static str,
}

static WORDS: LazyLock<Vec<CalendarWord>> = LazyLock::new(|| {
    parse_table(include_str!("../data/calendar.tsv"))
        .expect("data/calendar.tsv is well formed (checked by its test)")
});

/// Names and abbreviations, by unit, to their number.
static NAMED: LazyLock<HashMap<(Unit, &'static str), u32>> = LazyLock::new(|| {
    WORDS
        .iter()
        .filter(|w| w.form != Form::Stem)
        .map(|w| ((w.unit, w.word), w.number))
        .collect()
});

fn parse_table(table: &'static str) -> Result<Vec<CalendarWord>, String> {
    let mut out = Vec::new();
    for (index, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fail = |why: &str| format!("calendar.tsv line {}: {why}", index + 1);
        let columns: Vec<&str> = line.split('\t').collect();
        let [lang, unit, number, names, abbreviations, stems] = columns[..] else {
            return Err(fail("not six tab-separated columns"));
        };
        let lang = Lang::from_code(lang).ok_or_else(|| fail("unknown language"))?;
        let (unit, range) = match unit {
            "month" => (Unit::Month, 1..=12),
            "weekday" => (Unit::Weekday, 0..=6),
            _ => return Err(fail("unit is neither month nor weekday")),
        };
        let number: u32 = number.parse().map_err(|_| fail("number is not a number"))?;
        if !range.contains(&number) {
            return Err(fail("number out of range"));
        }
        for (column, form) in [
            (names, Form::Name),
            (abbreviations, Form::Abbreviation),
            (stems, Form::Stem),
        ] {
            if column == "-" {
                continue;
            }
            for word in column.split_whitespace() {
                out.push(CalendarWord {
                    lang,
                    unit,
                    number,
                    form,
                    word,
                });
            }
        }
    }
    Ok(out)
}

/// Every entry of the table, in table order.
pub fn words() -> &'static [CalendarWord] {
    &WORDS
}

/// The month a lowercase word names in full or abbreviated, in any language
/// of the table ("липня", "june", "sept").
pub fn month_named(word: &str) -> Option<u32> {
    NAMED.get(&(Unit::Month, word)).copied()
}

/// The month whose stem a lowercase word starts with ("березня", "квітні",
/// "лістапада"): for a word inside a date, where other words are not
/// expected. No two months share a prefix, so the order does not matter.
pub fn month_by_stem(word: &str) -> Option<u32> {
    WORDS
        .iter()
        .find(|w| w.form == Form::Stem && w.unit == Unit::Month && word.starts_with(w.word))
        .map(|w| w.number)
}

/// The weekday (0 = Monday) a lowercase word names ("friday", "п'ятниці").
pub fn weekday_named(word: &str) -> Option<u32> {
    NAMED.get(&(Unit::Weekday, word)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed_and_complete() {
        let words = parse_table(include_str!("../data/calendar.tsv")).unwrap();
        for lang in Lang::ALL {
            for month in 1..=12 {
                assert!(
                    words.iter().any(|w| w.lang == lang
                        && w.unit == Unit::Month
                        && w.form == Form::Name
                        && w.number == month),
                    "{lang} has no name for month {month}"
                );
            }
            for day in 0..=6 {
                assert!(
                    words
                        .iter()
                        .any(|w| w.lang == lang && w.unit == Unit::Weekday && w.number == day),
                    "{lang} has no name for weekday {day}"
                );
            }
        }
        for w in &words {
            assert_eq!(w.word, w.word.to_lowercase(), "{} is not lowercase", w.word);
        }
    }

    #[test]
    fn a_word_names_one_number_whatever_its_language() {
        let mut seen: HashMap<(Unit, &str), u32> = HashMap::new();
        for w in words().iter().filter(|w| w.form != Form::Stem) {
            let first = *seen.entry((w.unit, w.word)).or_insert(w.number);
            assert_eq!(first, w.number, "{} names two numbers", w.word);
        }
    }

    #[test]
    fn no_stem_is_a_prefix_of_another_months_stem() {
        let stems: Vec<&CalendarWord> = words().iter().filter(|w| w.form == Form::Stem).collect();
        for a in &stems {
            for b in &stems {
                if a.number != b.number {
                    assert!(!b.word.starts_with(a.word), "{} / {}", a.word, b.word);
                }
            }
        }
    }

    #[test]
    fn forms_written_inside_dates_start_with_their_months_stem() {
        // Genitive and locative forms are the ones written inside dates.
        for (word, month) in [
            ("січня", 1),
            ("березні", 3),
            ("мая", 5),
            ("траўня", 5),
            ("жніўня", 8),
            ("студзеня", 1),
            ("сентября", 9),
            ("лістапада", 11),
        ] {
            assert_eq!(month_by_stem(word), Some(month), "{word}");
            assert_eq!(month_named(word), Some(month), "{word}");
        }
        assert_eq!(month_by_stem("берег"), None);
    }

    #[test]
    fn lookups() {
        assert_eq!(month_named("sept"), Some(9));
        assert_eq!(month_named("may"), Some(5));
        assert_eq!(month_named("лист"), None);
        assert_eq!(month_named("January"), None, "lookups take lowercase");
        assert_eq!(weekday_named("п'ятниці"), Some(4));
        assert_eq!(weekday_named("sunday"), Some(6));
        assert_eq!(weekday_named("july"), None);
    }
}
