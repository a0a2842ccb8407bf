//! Finds dates: absolute ("July 22, 2023", "22 July 2023", "2024-01-04",
//! "17 березня 2023 року", "in March 2023") and relative ("on Tuesday",
//! "yesterday", "in March", "last year", "торік"), resolving the relative
//! ones against the source's published date when it is known and leaving
//! them unresolved otherwise.

use chrono::{Datelike, Duration, NaiveDate};

use crate::lexicon::{class, MONTHS, WEEKDAYS};
use crate::scan::Document;

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub first_word: usize,
    pub end_word: usize,
    pub start: usize,
    pub end: usize,
    /// The day, when known.
    pub date: Option<NaiveDate>,
    /// `YYYY-MM` or `YYYY` when only a month or a year is known.
    pub period: Option<String>,
}

impl DateMention {
    pub fn iso(&self) -> Option<String> {
        self.date.map(|d| d.format("%Y-%m-%d").to_string())
    }
}

fn day_value(folded: &str) -> Option<u32> {
    if !folded.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let digits = folded.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &folded[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "го" | "-го")
        || digits.is_empty()
        || digits.len() > 2
    {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_value(folded: &str) -> Option<i32> {
    if folded.len() != 4
        || !folded.as_bytes()[0].is_ascii_digit()
        || !folded.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let y: i32 = folded.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn is_year_word(folded: &str) -> bool {
    matches!(
        folded,
        "року" | "рік" | "році" | "года" | "год" | "году" | "р" | "г" | "рр" | "гг"
    )
}

/// The case ending hyphenated to a year ("в октябре 2022-го", "у жовтні 2022-го",
/// "у кастрычніку 2022-га", "в 2022-м"): it belongs to the year's mention.
fn is_year_ending(folded: &str, gap: &str) -> bool {
    gap == "-" && matches!(folded, "го" | "га" | "м" | "му")
}

/// Resolves a day and month without a year against the published date: the
/// nearest such day not more than two months after publication.
fn resolve_day_month(published: Option<NaiveDate>, month: u32, day: u32) -> Option<NaiveDate> {
    let p = published?;
    let this_year = NaiveDate::from_ymd_opt(p.year(), month, day)?;
    if this_year > p + Duration::days(60) {
        NaiveDate::from_ymd_opt(p.year() - 1, month, day)
    } else {
        Some(this_year)
    }
}

fn resolve_month(published: Option<NaiveDate>, month: u32) -> Option<String> {
    let p = published?;
    let year = if month > p.month() + 1 {
        p.year() - 1
    } else {
        p.year()
    };
    Some(format!("{year:04}-{month:02}"))
}

pub fn find_dates(doc: &Document, published: Option<NaiveDate>) -> Vec<DateMention> {
    let words = &doc.words;
    let mut out = Vec::new();
    // The last year written out in the text, for "с мая по август того же года".
    let mut written_year: Option<i32> = None;
    // The number of dates found when `narrative_point` was last read, and what it said.
    let mut narrative_of: (usize, Option<(i32, Option<u32>, usize)>) = (0, None);
    let mut i = 0;
    while i < words.len() {
        let sentence_end = doc.sentence_of(i).end_word;
        let w = &words[i];
        let at =
            |k: usize| -> Option<&str> { (k < sentence_end).then(|| words[k].folded.as_str()) };
        let gap = |k: usize| -> &str {
            if k < sentence_end {
                doc.gap(k - 1, k)
            } else {
                ""
            }
        };
        // Read before `push` borrows the mentions found.
        let year_just_named = year_named_before(doc, &out, i);
        // The narrative's time changes only when a date is found: read once per date.
        if narrative_of.0 != out.len() {
            narrative_of = (out.len(), narrative_point(doc, &out));
        }
        let narrative = narrative_of
            .1
            .filter(|(_, _, sentence)| w.sentence <= sentence + 5)
            .map(|(year, month, _)| (year, month));
        let mut push =
            |first: usize, end: usize, date: Option<NaiveDate>, period: Option<String>| {
                out.push(DateMention {
                    first_word: first,
                    end_word: end,
                    start: words[first].start,
                    end: words[end - 1].end,
                    date,
                    period,
                });
                end
            };
        // 2024-01-04 and 04.01.2024
        if let Some(y) = year_value(&w.folded) {
            if let (Some(m), Some(d)) = (at(i + 1), at(i + 2)) {
                if gap(i + 1) == "-" && gap(i + 2) == "-" {
                    if let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                            written_year = Some(y);
                            i = push(i, i + 3, Some(date), None);
                            continue;
                        }
                    }
                }
            }
        }
        if let Some(d) = day_value(&w.folded) {
            // 04.01.2024
            if let (Some(m), Some(y)) = (at(i + 1), at(i + 2)) {
                if gap(i + 1) == "." && gap(i + 2) == "." {
                    if let (Ok(m), Some(y)) = (m.parse::<u32>(), year_value(y)) {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                            written_year = Some(y);
                            i = push(i, i + 3, Some(date), None);
                            continue;
                        }
                    }
                }
            }
            // "02.12 — праз мяжу праехалі …": a log's or timeline's line opening with day and
            // month and a dash, the year that of publication.
            if let Some(m) = at(i + 1)
                .filter(|m| m.len() == 2 && w.folded.len() == 2 && gap(i + 1) == ".")
                .and_then(|m| m.parse::<u32>().ok())
                .filter(|m| (1..=12).contains(m))
            {
                let opens_line = doc.text[..w.start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with('\n')
                    || doc.text[..w.start].trim().is_empty();
                let dash_after = at(i + 2).is_some()
                    && matches!(gap(i + 2).trim(), "—" | "–" | "-" | ".—" | ". —");
                if opens_line && dash_after {
                    i = push(i, i + 2, day_in(None, m, d, published), None);
                    continue;
                }
            }
            // "5-го октября": the ordinal's ending, split off at the hyphen, belongs to the day.
            if at(i + 1).is_some_and(|f| matches!(f, "го" | "е" | "ое" | "ого"))
                && gap(i + 1) == "-"
                && at(i + 2).is_some_and(|f| MONTHS.contains_key(f))
            {
                if let Some(m) = at(i + 2).and_then(|f| MONTHS.get(f)).copied() {
                    let (end, year) = year_at(doc, i + 3, sentence_end);
                    if year.is_some() {
                        written_year = year;
                    }
                    i = push(i, end, day_in(year, m, d, published), None);
                    continue;
                }
            }
            // "з 20 по 25 жовтня 2022 року", "20–25 October 2022", "between 20 and 25 October":
            // two days of one month are a range of days, an ISO interval.
            if let Some((end, period)) = day_range(doc, i, d, sentence_end, published) {
                i = push(i, end, None, Some(period));
                continue;
            }
            // 22 July 2023 / 17 березня 2023 року / 4 січня
            if let Some(m) = at(i + 1).and_then(|f| MONTHS.get(f)).copied() {
                let (mut end, mut year) = year_at(doc, i + 2, sentence_end);
                if year.is_some() {
                    written_year = year;
                } else if let (Some(len), Some(y)) =
                    (same_year_at(doc, i + 2, sentence_end), written_year)
                {
                    // "а 19 июля того же года": the year last written out.
                    end = i + 2 + len;
                    year = Some(y);
                } else {
                    // "в прошлом году, 14 июля", "in 2023, on 14 July": the year just named.
                    year = year_just_named;
                }
                // "6, 14 і 27 ліпеня", "on 3 and 10 July": the days listed before this one
                // are days of its month, each a date of its own.
                for k in listed_days_before(doc, i, d) {
                    if let Some(listed) = day_value(&words[k].folded) {
                        push(k, k + 1, day_in(year, m, listed, published), None);
                    }
                }
                i = push(i, end, day_in(year, m, d, published), None);
                continue;
            }
        }
        // "у листопаді-грудні 2023 року", "в июле-августе", "July-August 2022": two months
        // joined by a hyphen into one word are a range.
        if let Some((m1, m2)) = hyphenated_months(&w.folded) {
            let (end, year) = year_at(doc, i + 1, sentence_end);
            let last = match year {
                Some(y) => Some(format!("{y:04}-{m2:02}")),
                None => resolve_month(published, m2),
            };
            if let Some(last) = last {
                let end_year: i32 = last[..4].parse().unwrap_or_default();
                let first_year = if m1 > m2 { end_year - 1 } else { end_year };
                if year.is_some() {
                    written_year = year;
                }
                i = push(
                    i,
                    end,
                    None,
                    Some(format!("{first_year:04}-{m1:02}/{last}")),
                );
                continue;
            }
        }
        if let Some(m) = doc
            .is(i, class::MONTH)
            .then(|| MONTHS.get(w.folded.as_str()).copied())
            .flatten()
        {
            // "May" is also a verb: accept it capitalised only.
            let month_ok = w.folded != "may" || w.cap;
            // A number after a month is its day only in English order, not after "in" ("In
            // April 30 children ...", "In April, 30 children"), and after a comma only when no
            // word follows it ("October, 4."): otherwise it counts something. Ukrainian,
            // Russian and Belarusian write the day first ("у квітні 30 дітей" is no date).
            let counts_after = |k: usize| {
                i > 0 && matches!(words[i - 1].folded.as_str(), "in" | "during")
                    || gap(k) == ", "
                        && at(k + 1).is_some_and(|f| year_value(f).is_none())
                        && !gap(k + 1).contains([',', '.', ';', ':', ')'])
                    || at(k + 1).is_some_and(|f| crate::lexicon::CHILD_NOUNS.contains(f))
            };
            // "Nov. 2", "Sept. 30": a wire's abbreviated month takes its full stop (which
            // `scan` leaves inside the sentence for these words only).
            let abbreviated = crate::scan::is_month_abbreviation(&w.folded) && gap(i + 1) == ". ";
            let day = at(i + 1)
                .and_then(day_value)
                .filter(|_| matches!(gap(i + 1), " " | ", " | "\u{a0}") || abbreviated)
                .filter(|_| !w.cyrillic && !counts_after(i + 1));
            if month_ok {
                if let Some((end, period)) =
                    day.and_then(|d| english_day_range(doc, i + 1, m, d, sentence_end, published))
                {
                    i = push(i, end, None, Some(period));
                    continue;
                }
                if let Some(d) = day {
                    // July 22, 2023 / July 18 / October, 4
                    let mut end = i + 2;
                    let year = at(i + 2)
                        .and_then(year_value)
                        .filter(|_| matches!(gap(i + 2), ", " | " "));
                    if year.is_some() {
                        written_year = year;
                        end += 1;
                    }
                    i = push(i, end, day_in(year, m, d, published), None);
                    continue;
                }
                // March 2023 / березні 2023 року / октябре 2022-го
                if let (end, Some(y)) = year_at(doc, i + 1, sentence_end) {
                    written_year = Some(y);
                    i = push(i, end, None, Some(format!("{y:04}-{m:02}")));
                    continue;
                }
                // "December last year", "у березні минулого року", "в марте прошлого года", "у березні торік".
                let relative_year = match (at(i + 1), at(i + 2)) {
                    (Some("last"), Some("year"))
                    | (Some("минулого"), Some("року"))
                    | (Some("прошлого"), Some("года")) => Some((-1, 3)),
                    (Some("this"), Some("year"))
                    | (Some("цього"), Some("року"))
                    | (Some("поточного"), Some("року"))
                    | (Some("этого"), Some("года"))
                    | (Some("текущего"), Some("года")) => Some((0, 3)),
                    (Some("торік"), _) => Some((-1, 2)),
                    _ => None,
                };
                if let Some((delta, len)) = relative_year {
                    let period = published.map(|p| format!("{:04}-{m:02}", p.year() + delta));
                    i = push(i, i + len, None, period);
                    continue;
                }
                // "по август того же года", "у травні того ж року", "in May of the same year":
                // the year last written out.
                if let (Some(len), Some(y)) = (same_year_at(doc, i + 1, sentence_end), written_year)
                {
                    i = push(i, i + 1 + len, None, Some(format!("{y:04}-{m:02}")));
                    continue;
                }
                // "in March": a month of the publication year (or the one before).
                let prev = if i > 0 {
                    words[i - 1].folded.as_str()
                } else {
                    ""
                };
                // "минулого жовтня", "прошлого мая", "last October": the latest such month
                // before the month of publication.
                if matches!(prev, "минулого" | "прошлого" | "мінулага" | "last")
                {
                    let period = published.map(|p| {
                        let year = if m >= p.month() {
                            p.year() - 1
                        } else {
                            p.year()
                        };
                        format!("{year:04}-{m:02}")
                    });
                    i = push(i - 1, i + 1, None, period);
                    continue;
                }
                if matches!(
                    prev,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "from"
                        | "to"
                        | "early"
                        | "late"
                        | "mid"
                        | "у"
                        | "в"
                        | "ў"
                        | "з"
                        | "із"
                        | "зі"
                        | "са"
                        | "со"
                        | "ад"
                        | "від"
                        | "от"
                        | "до"
                        | "да"
                        | "с"
                        | "по"
                        | "па"
                        | "між"
                        | "между"
                        | "паміж"
                        | "конце"
                        | "начале"
                        | "середине"
                        | "кінці"
                        | "початку"
                        | "середині"
                        | "наприкінці"
                        | "напочатку"
                        | "посередині"
                        | "концу"
                        | "напрыканцы"
                        | "пачатку"
                        | "канцы"
                        | "сярэдзіне"
                ) || w.cap && !w.cyrillic
                    || i > 0
                        && MONTHS.contains_key(prev)
                        && matches!(doc.gap(i - 1, i), "-" | "–" | "—")
                {
                    let period = narrative_month(narrative, published, m);
                    i = push(i, i + 1, None, period);
                    continue;
                }
            }
        }
        // Years: "in 2022", "у 2022 році".
        if let Some(y) = year_value(&w.folded) {
            let prev = if i > 0 {
                words[i - 1].folded.as_str()
            } else {
                ""
            };
            let next_year_word =
                at(i + 1).is_some_and(|f| is_year_word(f) || is_year_ending(f, gap(i + 1)));
            if next_year_word
                || matches!(
                    prev,
                    "in" | "since"
                        | "of"
                        | "by"
                        | "until"
                        | "till"
                        | "from"
                        | "to"
                        | "during"
                        | "early"
                        | "late"
                        | "mid"
                        | "у"
                        | "в"
                        | "ў"
                        | "з"
                        | "із"
                        | "зі"
                        | "са"
                        | "ад"
                        | "від"
                        | "до"
                        | "да"
                        | "по"
                        | "па"
                        | "с"
                        | "за"
                        | "от"
                )
                || i > 0
                    && year_value(prev).is_some()
                    && matches!(doc.gap(i - 1, i), "-" | "–" | "—")
            {
                let end = if next_year_word { i + 2 } else { i + 1 };
                // "осенью 2022 года", "in the summer of 2022": a season is a time scope and
                // dates no event, so the mention is kept without a date.
                let season = i > 0 && SEASONS.contains(prev)
                    || i > 1 && prev == "of" && SEASONS.contains(words[i - 2].folded.as_str());
                if season {
                    i = push(i, end, None, None);
                    continue;
                }
                // "1971 року народження", "born in 1971": a person's birth year dates no event.
                let birth = at(end)
                    .is_some_and(|f| matches!(f, "народження" | "рождения" | "нараджэння"))
                    || i > 1 && prev == "in" && words[i - 2].folded == "born";
                if birth {
                    i = push(i, end, None, None);
                    continue;
                }
                written_year = Some(y);
                i = push(i, end, None, Some(format!("{y:04}")));
                continue;
            }
            // "влітку 2023" without a year word or preposition: still a season's year.
            if i > 0 && SEASONS.contains(prev) {
                i = push(i, i + 1, None, None);
                continue;
            }
        }
        // Weekdays: "on Tuesday" -> the last such day up to publication.
        if let Some(wd) = doc
            .is(i, class::WEEKDAY)
            .then(|| WEEKDAYS.get(w.folded.as_str()).copied())
            .flatten()
        {
            // "у нядзелю, 16 чэрвеня", "on Thursday, March 12": the date that follows the
            // weekday gives the day.
            let month_at = |k: usize| k < words.len() && doc.is(k, class::MONTH);
            let day_at = |k: usize| k < words.len() && words[k].numeric;
            let dated_after = i + 2 < words.len()
                && words[i + 2].sentence == w.sentence
                && matches!(doc.gap(i, i + 1).trim(), "" | ",")
                && (day_at(i + 1) && month_at(i + 2) || month_at(i + 1) && day_at(i + 2));
            if dated_after {
                i += 1;
                continue;
            }
            // "у мінулы чацьвер", "last Thursday" on a Thursday: a week before, not that day.
            let last = i > 0 && {
                let prev = words[i - 1].folded.as_str();
                prev == "last"
                    || ["минул", "мінул", "прошл"]
                        .iter()
                        .any(|s| prev.starts_with(s))
            };
            let date = published.map(|p| {
                let back = (p.weekday().num_days_from_monday() + 7 - wd) % 7;
                let back = if back == 0 && last { 7 } else { back };
                p - Duration::days(back as i64)
            });
            i = push(i, i + 1, date, None);
            continue;
        }
        // Fixed-date holidays: "on Knowledge Day", "на День захисту дітей".
        // Holiday names are capitalised ("Knowledge Day", "День знань").
        if let Some((len, month, day)) = w.cap.then(|| holiday_at(doc, i, sentence_end)).flatten() {
            // "on Children's Day 2023", "на День знань 2023 року": the year written after it.
            let (end, year) = year_at(doc, i + len, sentence_end);
            if year.is_some() {
                written_year = year;
            }
            // "перад Новым годам, 22 снежня", "after Christmas": a time before or after the
            // holiday is not the holiday's day; its eve ("напередодні Різдва", "накануне Нового
            // года", "on the eve of Independence Day") is the day before it.
            // The word `back` words before the holiday's name.
            let before = |back: usize| i.checked_sub(back).map(|k| words[k].folded.as_str());
            let eve = matches!(before(1), Some("накануне" | "напередодні" | "напярэдадні"))
                || before(1) == Some("of") && before(2) == Some("eve");
            let around = matches!(
                before(1),
                Some("перед" | "перад" | "после" | "після" | "пасля" | "before" | "after")
            );
            let date = if around {
                None
            } else if eve {
                day_in(year, month, day, published).and_then(|d| d.pred_opt())
            } else {
                day_in(year, month, day, published)
            };
            i = push(i, end, date, None);
            continue;
        }
        // Relative words.
        if let Some(&delta) = RELATIVE_DAYS.get(w.folded.as_str()) {
            i = push(i, i + 1, published.map(|p| p + Duration::days(delta)), None);
            continue;
        }
        let relative_year = match (w.folded.as_str(), at(i + 1)) {
            ("last", Some("year"))
            | ("минулого", Some("року"))
            | ("минулому", Some("році"))
            | ("прошлом", Some("году"))
            | ("прошлого", Some("года"))
            | ("мінулым", Some("годзе"))
            | ("мінулага", Some("года")) => Some((-1, 2)),
            ("this", Some("year"))
            | ("цього", Some("року"))
            | ("цьому", Some("році"))
            | ("этом", Some("году"))
            | ("гэтым", Some("годзе"))
            | ("гэтага", Some("года")) => Some((0, 2)),
            ("торік" | "летась", _) => Some((-1, 1)),
            ("цьогоріч" | "сёлета" | "селета", _) => Some((0, 1)),
            _ => None,
        };
        if let Some((delta, len)) = relative_year {
            i = push(
                i,
                i + len,
                None,
                published.map(|p| format!("{:04}", p.year() + delta)),
            );
            continue;
        }
        i += 1;
    }
    merge_ranges(doc, &mut out);
    out
}

/// The two months of a word made of two month names joined by a hyphen ("листопаді-грудні",
/// "july-august"), in that order, when the first comes before the second in the year.
fn hyphenated_months(folded: &str) -> Option<(u32, u32)> {
    let (a, b) = folded.split_once('-')?;
    let (m1, m2) = (*MONTHS.get(a)?, *MONTHS.get(b)?);
    (m1 != m2).then_some((m1, m2))
}

/// The words of the days listed before the day `d` at word `day` ("6, 14 і 27 ліпеня": the
/// words of 6 and 14 before 27), in text order: days smaller than the next, each followed by a
/// comma or a word of "and".
fn listed_days_before(doc: &Document, day: usize, d: u32) -> Vec<usize> {
    let words = &doc.words;
    let mut listed = Vec::new();
    let (mut k, mut next) = (day, d);
    loop {
        let joined_by_word = k >= 2 && is_and(&words[k - 1].folded) && doc.gap(k - 2, k - 1) == " ";
        let j = if joined_by_word {
            k - 2
        } else if k >= 1 && doc.gap(k - 1, k) == ", " {
            k - 1
        } else {
            break;
        };
        if words[j].sentence != words[day].sentence || doc.gap(j, j + 1).starts_with('.') {
            break;
        }
        match day_value(&words[j].folded) {
            Some(v) if v < next && words[j].folded.len() <= 2 => {
                listed.push(j);
                (k, next) = (j, v);
            }
            _ => break,
        }
    }
    // A list has a comma or "and" before its last day: "у 2022 році 5 березня" is no list.
    listed.reverse();
    listed
}

/// The word "and" in the four languages (lowercase): two months or days joined by it.
pub(crate) fn is_and(word: &str) -> bool {
    matches!(word, "and" | "і" | "и" | "й" | "та" | "ды")
}

/// Words that join the two ends of a range ("з 20 по 25", "from 20 to 25", "between 20 and 25").
fn is_range_joiner(folded: &str) -> bool {
    matches!(
        folded,
        "по" | "па" | "до" | "да" | "to" | "and" | "until" | "till" | "through" | "і" | "и" | "та"
    )
}

/// Words that open a range ("from", "between", "з", "с", "між", ...).
fn is_range_opener(folded: &str) -> bool {
    matches!(
        folded,
        "between"
            | "from"
            | "з"
            | "із"
            | "зі"
            | "са"
            | "со"
            | "с"
            | "від"
            | "от"
            | "між"
            | "между"
            | "ад"
            | "паміж"
    )
}

/// Whether the gap before word `k` is a dash ("20–25", "20 - 25").
fn dash_before(doc: &Document, k: usize) -> bool {
    matches!(doc.gap(k - 1, k).trim(), "-" | "–" | "—")
}

/// The length of "того же года" / "того ж року" / "таго ж года" / "(of) the same year" /
/// "that year" at
/// word `k`, which gives a date the year last written out.
fn same_year_at(doc: &Document, k: usize, sentence_end: usize) -> Option<usize> {
    let at = |x: usize| (x < sentence_end).then(|| doc.words[x].folded.as_str());
    match (at(k), at(k + 1), at(k + 2), at(k + 3)) {
        (Some("того" | "таго"), Some("же" | "ж"), Some("года" | "року" | "году"), _) => {
            Some(3)
        }
        (Some("of"), Some("the"), Some("same"), Some("year")) => Some(4),
        (Some("the"), Some("same"), Some("year"), _) => Some(3),
        // "in early December that year", "в декабре того года", "у грудні того року".
        (Some("that"), Some("year"), _, _)
        | (Some("того" | "таго"), Some("года" | "року"), _, _) => Some(2),
        _ => None,
    }
}

/// The year of a mention of a year alone that ends right before word `i`, a comma or "on"
/// between ("в прошлом году, 14 июля", "торік, 3 травня", "in 2023, on 14 July"): the day
/// and month after it are of that year.
/// The year and month (when it names one) of the last date found, and its sentence, unless
/// it bounds a period ("since February 2022" is a scope, not a point a narrative has
/// reached): the time a narrative has reached, for the five sentences after it.
fn narrative_point(doc: &Document, found: &[DateMention]) -> Option<(i32, Option<u32>, usize)> {
    let last = found.last()?;
    let sentence = doc.words.get(last.first_word)?.sentence;
    if crate::events::opens_or_closes_a_period(doc, last) {
        return None;
    }
    if let Some(d) = last.date {
        return Some((d.year(), Some(d.month()), sentence));
    }
    let period = last.period.as_deref()?;
    // Of a range, its end.
    let end = period.rsplit('/').next()?;
    let year = end.get(..4)?.parse().ok()?;
    let month = end.get(5..7).and_then(|m| m.parse().ok());
    Some((year, month, sentence))
}

/// A month written without its year: in a narrative that has reached an earlier year ("It was
/// late August 2022 … In October they were moved again"), of that year when the month does
/// not come before the narrative's; else resolved against the published date
/// ([`resolve_month`]).
fn narrative_month(
    narrative: Option<(i32, Option<u32>)>,
    published: Option<NaiveDate>,
    month: u32,
) -> Option<String> {
    let resolved = resolve_month(published, month);
    match narrative {
        Some((year, reached))
            if reached.is_none_or(|r| month >= r)
                && resolved
                    .as_deref()
                    .and_then(|r| r.get(..4))
                    .and_then(|y| y.parse::<i32>().ok())
                    .is_some_and(|y| year < y) =>
        {
            Some(format!("{year:04}-{month:02}"))
        }
        _ => resolved,
    }
}

fn year_named_before(doc: &Document, found: &[DateMention], i: usize) -> Option<i32> {
    let mut k = i;
    if k > 0 && matches!(doc.words[k - 1].folded.as_str(), "on" | "у" | "в" | "ў") {
        k -= 1;
    }
    let last = found.last()?;
    let period = last.period.as_deref().filter(|p| p.len() == 4)?;
    (last.date.is_none()
        && last.end_word == k
        && k > 0
        && matches!(doc.gap(k - 1, k).trim(), "" | ","))
    .then(|| period.parse().ok())
    .flatten()
}

/// The year written at word `k` of a sentence ending at word `sentence_end`, if any, and the
/// word after it and after its "року" / "г." / "-го".
fn year_at(doc: &Document, k: usize, sentence_end: usize) -> (usize, Option<i32>) {
    let at = |x: usize| (x < sentence_end).then(|| doc.words[x].folded.as_str());
    let year = at(k).and_then(year_value);
    let mut end = k;
    if year.is_some() {
        end += 1;
        if at(end).is_some_and(|f| is_year_word(f) || is_year_ending(f, doc.gap(end - 1, end))) {
            end += 1;
        }
    }
    (end, year)
}

/// Day `d` of month `m`: of the year written, else resolved against the published date
/// ([`resolve_day_month`]).
fn day_in(year: Option<i32>, m: u32, d: u32, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d),
        None => resolve_day_month(published, m, d),
    }
}

/// Where the second day of a range of days is, the first being at word `day`: after a dash
/// ("20–25"), or after a joiner when an opener at word `opener` starts the range ("з 20 по
/// 25", "from 20 to 25").
fn second_day_at(
    doc: &Document,
    day: usize,
    opener: Option<usize>,
    sentence_end: usize,
) -> Option<usize> {
    let words = &doc.words;
    if day + 1 < sentence_end && dash_before(doc, day + 1) {
        Some(day + 1)
    } else if opener.is_some_and(|o| is_range_opener(&words[o].folded))
        && day + 1 < sentence_end
        && is_range_joiner(&words[day + 1].folded)
    {
        Some(day + 2)
    } else {
        None
    }
}

/// The ISO interval of two days of one month, the first without its month: the end word
/// and "YYYY-MM-DD/YYYY-MM-DD". The range is read from day `d` at word `i`: a dash or (after
/// an opener) a joiner, the second day, its month and an optional year.
fn day_range(
    doc: &Document,
    i: usize,
    d: u32,
    sentence_end: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, String)> {
    let words = &doc.words;
    let at = |k: usize| (k < sentence_end).then(|| words[k].folded.as_str());
    let j = second_day_at(doc, i, i.checked_sub(1), sentence_end)?;
    let d2 = at(j).and_then(day_value)?;
    let m = at(j + 1).and_then(|f| MONTHS.get(f)).copied()?;
    let (end, year) = year_at(doc, j + 2, sentence_end);
    let last = day_in(year, m, d2, published)?;
    let first = NaiveDate::from_ymd_opt(last.year(), m, d)?;
    (first < last).then(|| (end, format!("{first}/{last}")))
}

/// "October 20–25, 2022", "from October 20 to 25": an English range of days after the month
/// at word `k - 1`, day `d` at word `k`.
fn english_day_range(
    doc: &Document,
    k: usize,
    m: u32,
    d: u32,
    sentence_end: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, String)> {
    let words = &doc.words;
    let at = |x: usize| (x < sentence_end).then(|| words[x].folded.as_str());
    let j = second_day_at(doc, k, k.checked_sub(2), sentence_end)?;
    let d2 = at(j).and_then(day_value)?;
    // "October 20 to November 2" is two dates, merged as a range later.
    if at(j + 1).is_some_and(|f| MONTHS.contains_key(f)) {
        return None;
    }
    let mut end = j + 1;
    let year = at(end)
        .and_then(year_value)
        .filter(|_| matches!(doc.gap(end - 1, end), ", " | " "));
    if year.is_some() {
        end += 1;
    }
    let last = day_in(year, m, d2, published)?;
    let first = NaiveDate::from_ymd_opt(last.year(), m, d)?;
    (first < last).then(|| (end, format!("{first}/{last}")))
}

/// Whether a word names the day of publication ("today", "сьогодні", "сёньня").
pub(crate) fn is_today(folded: &str) -> bool {
    RELATIVE_DAYS.get(folded) == Some(&0)
}

/// Whether a word names a day relative to publication ("yesterday", "вчера", "учора"):
/// such a word opening a sentence is no part of a name after it.
pub(crate) fn is_relative_day(folded: &str) -> bool {
    RELATIVE_DAYS.contains_key(folded)
}

/// Words for a day relative to publication (`data/lexicon/relative_days.tsv`), folded.
static RELATIVE_DAYS: std::sync::LazyLock<rustc_hash::FxHashMap<String, i64>> =
    std::sync::LazyLock::new(|| {
        let file = "data/lexicon/relative_days.tsv";
        crate::wordlist::pairs(file, include_str!("../data/lexicon/relative_days.tsv"))
            .map(|(word, days)| {
                let days = days
                    .parse()
                    .unwrap_or_else(|_| panic!("{file}: {days:?} after {word:?} is not a number"));
                (crate::normalize::fold(word), days)
            })
            .collect()
    });

/// Seasons (`data/lexicon/seasons.txt`), folded: the year after one dates no event.
static SEASONS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        crate::wordlist::entries(include_str!("../data/lexicon/seasons.txt"))
            .map(crate::normalize::fold)
            .collect()
    });

/// Fixed-date holidays (`data/lexicon/holidays.tsv`): folded words, month, day; longest first.
static HOLIDAYS: std::sync::LazyLock<Vec<(Vec<String>, u32, u32)>> =
    std::sync::LazyLock::new(|| {
        let mut out: Vec<(Vec<String>, u32, u32)> = crate::wordlist::pairs(
            "data/lexicon/holidays.tsv",
            include_str!("../data/lexicon/holidays.tsv"),
        )
        .filter_map(|(phrase, md)| {
            let (m, d) = md.split_once('-')?;
            // The scanner drops an English possessive "'s" ("Children's" -> "children").
            let words = crate::gazetteer::key_words(phrase)
                .into_iter()
                .map(|w| w.strip_suffix("'s").unwrap_or(&w).to_string())
                .collect::<Vec<_>>();
            Some((words, m.parse().ok()?, d.parse().ok()?))
        })
        .collect();
        out.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        out
    });

/// The first words of the holidays' names, to rule most words out with one lookup.
static HOLIDAY_FIRST_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        HOLIDAYS
            .iter()
            .filter_map(|(w, _, _)| w.first().cloned())
            .collect()
    });

/// The holiday whose name starts at word `i`: (words, month, day).
fn holiday_at(doc: &Document, i: usize, sentence_end: usize) -> Option<(usize, u32, u32)> {
    let first = doc.keys[i].as_str();
    if !HOLIDAY_FIRST_WORDS.contains(first) {
        return None;
    }
    HOLIDAYS.iter().find_map(|(words, m, d)| {
        let n = words.len();
        (words.first().is_some_and(|w| w == first)
            && i + n <= sentence_end
            && (0..n).all(|k| doc.keys[i + k].as_str() == words[k]))
        .then_some((n, *m, *d))
    })
}

/// "between September 2022 and May 2023", "2022–2023", "з жовтня 2022 по березень 2023",
/// "в марте — апреле 2024 года": two dates joined as a range become one mention whose
/// `period` is an ISO 8601 interval of their two ends ("2022-09/2023-05", "2022/2023").
/// A start written without its year takes the year of the end ("с апреля по сентябрь
/// 2022 года" → "2022-04/2022-09"). A range whose ends cannot both be placed in time is
/// dropped: it is a time scope, not the date of one event.
fn merge_ranges(doc: &Document, dates: &mut Vec<DateMention>) {
    let mut out: Vec<DateMention> = Vec::with_capacity(dates.len());
    let mut k = 0;
    while k < dates.len() {
        let Some(b) = dates.get(k + 1) else {
            out.push(dates[k].clone());
            break;
        };
        let a = &dates[k];
        if doc.words[a.first_word].sentence != doc.words[b.first_word].sentence
            || !joined_as_range(doc, a, b)
        {
            out.push(a.clone());
            k += 1;
            continue;
        }
        if let Some(period) = interval(doc, a, b) {
            out.push(DateMention {
                first_word: a.first_word,
                end_word: b.end_word,
                start: a.start,
                end: b.end,
                date: None,
                period: Some(period),
            });
        }
        k += 2;
    }
    *dates = out;
}

/// Whether two dates in a row are the two ends of one range.
fn joined_as_range(doc: &Document, a: &DateMention, b: &DateMention) -> bool {
    let between = doc.text[a.end..b.start].trim().to_lowercase();
    let dash = matches!(between.as_str(), "-" | "–" | "—" | "/");
    let joiner = is_range_joiner(&between);
    let opener = a.first_word > 0 && is_range_opener(&doc.words[a.first_word - 1].folded);
    // "in October and November 2022", "у квітні та травні": two bare months joined by "and"
    // name one span of time.
    let bare_month = a.end_word == a.first_word + 1
        && a.date.is_none()
        && crate::lexicon::is_month(&doc.words[a.first_word].folded)
        && crate::lexicon::is_month(&doc.words[b.first_word].folded);
    let and = is_and(&between);
    dash || joiner && opener || and && bare_month
}

/// One end of a range as ISO text: the day, or the month or year it names.
fn end_text(d: &DateMention) -> Option<String> {
    d.iso().or_else(|| d.period.clone())
}

/// The ISO interval of a range, the start taking the end's year when it names none.
fn interval(doc: &Document, a: &DateMention, b: &DateMention) -> Option<String> {
    let end = end_text(b)?;
    let a_has_year = (a.first_word..a.end_word).any(|k| year_value(&doc.words[k].folded).is_some());
    let start = match (&a.period, a_has_year) {
        // A bare month: its year is the end's (or the year before when the month comes later).
        (Some(p), false) if p.len() == 7 => {
            let month: u32 = p.get(5..7)?.parse().ok()?;
            let end_year: i32 = end.get(0..4)?.parse().ok()?;
            let end_month: u32 = end.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
            let year = if month > end_month {
                end_year - 1
            } else {
                end_year
            };
            format!("{year:04}-{month:02}")
        }
        // A day without its year ("з 20 жовтня по 2 листопада 2022 року"): the end's year, or
        // the year before when the day comes after the end's in the year.
        (None, false)
            if a.date.is_some()
                && (doc.words[a.first_word].numeric
                    || crate::lexicon::is_month(&doc.words[a.first_word].folded)) =>
        {
            let day = a.date?;
            let end_year: i32 = end.get(0..4)?.parse().ok()?;
            let end_md: (u32, u32) = (
                end.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12),
                end.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(31),
            );
            let year = if (day.month(), day.day()) > end_md {
                end_year - 1
            } else {
                end_year
            };
            NaiveDate::from_ymd_opt(year, day.month(), day.day())?.to_string()
        }
        // "from 2022 to 2024" and days keep their own text.
        _ => end_text(a).or_else(|| {
            // An unresolved month start ("from May to June 2023") without a published date.
            let w = &doc.words[a.first_word];
            let month = MONTHS.get(w.folded.as_str())?;
            Some(format!("{}-{month:02}", end.get(0..4)?))
        })?,
    };
    Some(format!("{start}/{end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<(Option<String>, Option<String>)> {
        let p = published.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let d = Document::new(text);
        find_dates(&d, p)
            .into_iter()
            .map(|m| (m.iso(), m.period))
            .collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            dates("Signed on 12 August 2022 in Kyiv.", None),
            vec![(Some("2022-08-12".into()), None)]
        );
        assert_eq!(
            dates("By November 3, 2021, it was over.", None),
            vec![(Some("2021-11-03".into()), None)]
        );
        assert_eq!(
            dates("Updated 2021-05-09.", None),
            vec![(Some("2021-05-09".into()), None)]
        );
        assert_eq!(
            dates("Станом на 5 квітня 2022 року.", None),
            vec![(Some("2022-04-05".into()), None)]
        );
        assert_eq!(
            dates("Since April 2019 nothing changed.", None),
            vec![(None, Some("2019-04".into()))]
        );
    }

    #[test]
    fn relative_dates_need_the_published_date() {
        // 2021-06-10 is a Thursday.
        assert_eq!(
            dates("They left on Monday.", Some("2021-06-10")),
            vec![(Some("2021-06-07".into()), None)]
        );
        assert_eq!(dates("They left on Monday.", None), vec![(None, None)]);
        assert_eq!(
            dates("It happened in November.", Some("2021-06-10")),
            vec![(None, Some("2020-11".into()))]
        );
        assert_eq!(
            dates("It began on November 2.", Some("2022-01-15")),
            vec![(Some("2021-11-02".into()), None)]
        );
        assert_eq!(
            dates("Prices rose last year.", Some("2022-01-15")),
            vec![(None, Some("2021".into()))]
        );
        assert_eq!(
            dates("Ордер выдали в марте прошлого года.", Some("2024-05-23")),
            vec![(None, Some("2023-03".into()))]
        );
        assert_eq!(
            dates("Ордер видали у березні минулого року.", Some("2024-05-23")),
            vec![(None, Some("2023-03".into()))]
        );
    }

    #[test]
    fn a_log_line_opening_with_day_and_month_is_dated_in_the_year_of_publication() {
        let published = Some("2023-01-03");
        let text = "Зводка за сьнежань.\n\n02.12 — праз мяжу праехалі два аўтобусы.\n\n20.12 — з «Дубровы» выехалі 118 дзяцей.";
        let found: Vec<_> = dates(text, published).into_iter().map(|d| d.0).collect();
        assert_eq!(
            found,
            [
                Some("2022-12-02".to_string()),
                Some("2022-12-20".to_string())
            ],
            "{found:?}"
        );
        // A decimal inside a sentence is no date.
        assert!(dates("Выдаткі склалі 12.05 млн рублёў.", published).is_empty());
    }

    #[test]
    fn ranges_are_one_iso_interval() {
        assert_eq!(
            dates("Moved between April 2022 and June 2023.", None),
            vec![(None, Some("2022-04/2023-06".into()))]
        );
        assert_eq!(
            dates("Moved in 2022–2023.", None),
            vec![(None, Some("2022/2023".into()))]
        );
        assert_eq!(
            dates("Вывезли в апреле–мае 2022 года.", None),
            vec![(None, Some("2022-04/2022-05".into()))]
        );
        assert_eq!(
            dates("Вивезли з жовтня 2022 року по березень 2023 року.", None),
            vec![(None, Some("2022-10/2023-03".into()))]
        );
        assert_eq!(
            dates("Прыбылі з верасня па кастрычнік 2022 года.", None),
            vec![(None, Some("2022-09/2022-10".into()))]
        );
        assert_eq!(
            dates(
                "Передали с декабря по февраль 2023 года.",
                Some("2023-06-01")
            ),
            vec![(None, Some("2022-12/2023-02".into()))]
        );
        assert_eq!(
            dates("Вивезли в кінці травня 2022 року.", None),
            vec![(None, Some("2022-05".into()))]
        );
    }

    #[test]
    fn fixed_date_holidays() {
        assert_eq!(
            dates("They arrived on Knowledge Day.", Some("2023-09-05")),
            vec![(Some("2023-09-01".into()), None)]
        );
        assert_eq!(
            dates("Дітей привезли на День захисту дітей.", Some("2024-06-10")),
            vec![(Some("2024-06-01".into()), None)]
        );
    }

    #[test]
    fn end_of_a_month_without_a_year() {
        assert_eq!(
            dates(
                "Наприкінці травня дітей вивезли до табору.",
                Some("2025-06-03")
            ),
            vec![(None, Some("2025-05".into()))]
        );
    }

    #[test]
    fn belarusian_month_ranges_and_prepositions() {
        assert_eq!(
            dates(
                "Паводле падлікаў, са студзеня па лістапад 2024 г. вывезлі дзяцей.",
                Some("2024-12-05")
            ),
            vec![(None, Some("2024-01/2024-11".into()))]
        );
    }

    #[test]
    fn relative_days_in_every_language() {
        assert_eq!(
            dates("Учора ў Віцебск прыбылі дзеці.", Some("2023-06-01")),
            vec![(Some("2023-05-31".into()), None)]
        );
        assert_eq!(
            dates("Учора дітей повернули.", Some("2023-06-01")),
            vec![(Some("2023-05-31".into()), None)]
        );
        assert_eq!(
            dates("Позавчера детей вывезли.", Some("2023-06-01")),
            vec![(Some("2023-05-30".into()), None)]
        );
    }

    #[test]
    fn a_season_with_its_year_dates_nothing() {
        assert_eq!(
            dates("Детей вывезли осенью 2022 года.", None),
            vec![(None, None)]
        );
        assert_eq!(
            dates("They were taken in the summer of 2022.", None),
            vec![(None, None)]
        );
        assert_eq!(
            dates("Дітей вивезли влітку 2023.", None),
            vec![(None, None)]
        );
    }

    #[test]
    fn a_month_of_the_same_year() {
        assert_eq!(
            dates(
                "В марте 2023 года они получили паспорта, а с мая по август того же года их распределили по семьям.",
                Some("2025-06-03")
            ),
            vec![
                (None, Some("2023-03".into())),
                (None, Some("2023-05/2023-08".into()))
            ]
        );
    }

    #[test]
    fn world_childrens_day() {
        assert_eq!(
            dates(
                "On World Children's Day, the coalition calls on states to act.",
                Some("2023-11-22")
            ),
            vec![(Some("2023-11-20".into()), None)]
        );
    }
}
