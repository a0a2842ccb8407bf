//! The date a list's ages were stated on, when the list does not say.
//!
//! A camp list gives "Возраст: 9" and no date; an age means nothing
//! against a birth date until one knows when it was true. When records
//! with ages but no `age_at` meet records with birth dates, the date is
//! estimated from the pairs whose names agree and are unique on both
//! sides: each such pair says "the list was drawn up between birth + age
//! years and birth + age + 1 years", and the date most of these spans
//! share is taken (most of the pairs are the same child; the others
//! scatter). Without such pairs (a list of ages alone, deduplicated or
//! linked with another list of ages) every undated age is taken as of one
//! fixed date, so that ages are compared with ages.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::names_bridge::latin_key;
use crate::record::Record;
#[cfg(test)]
use crate::registry::birth_range_from_age;

/// Spans needed before an estimate is trusted.
const MIN_SPANS: usize = 5;

/// The date taken for undated ages when nothing tells it.
fn fallback_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

fn undated_age(r: &Record) -> bool {
    r.age.is_some() && r.age_at.is_none() && r.birth_date.is_none()
}

/// Whether any record needs a date for its age.
pub(crate) fn needs_dates(records: &[Record]) -> bool {
    records.iter().any(undated_age)
}

fn name_key(r: &Record) -> Option<String> {
    let surname = r.surname.as_deref()?;
    let given = r.given.as_deref()?;
    let key = latin_key(&format!("{surname} {given}"));
    (!key.is_empty()).then_some(key)
}

/// Gives every undated age of `aged` a date estimated against the birth
/// dates of `dated` (see the module comment); returns the date used.
pub(crate) fn date_ages(aged: &mut [Record], dated: &[&[Record]]) -> Option<NaiveDate> {
    if !needs_dates(aged) {
        return None;
    }
    // Birth dates by name key; a key seen twice is ambiguous (None).
    let mut births: FxHashMap<String, Option<NaiveDate>> = FxHashMap::default();
    for r in dated.iter().flat_map(|side| side.iter()) {
        let (Some(birth), Some(key)) = (r.birth_date, name_key(r)) else {
            continue;
        };
        births
            .entry(key)
            .and_modify(|b| *b = None)
            .or_insert(Some(birth));
    }
    let mut aged_keys: FxHashMap<String, usize> = FxHashMap::default();
    for r in aged.iter().filter(|r| undated_age(r)) {
        if let Some(key) = name_key(r) {
            *aged_keys.entry(key).or_default() += 1;
        }
    }
    // Each span [from, to) as day numbers: +1 at from, −1 at to.
    let mut events: Vec<(i32, i32)> = Vec::new();
    for r in aged.iter().filter(|r| undated_age(r)) {
        let (Some(age), Some(key)) = (r.age, name_key(r)) else {
            continue;
        };
        if aged_keys.get(&key) != Some(&1) {
            continue;
        }
        let Some(Some(birth)) = births.get(&key) else {
            continue;
        };
        // The list date lies where this birth gives this age: from the
        // age-th birthday to the next one.
        let (Some(from), Some(to)) = (add_years(*birth, age), add_years(*birth, age + 1)) else {
            continue;
        };
        use chrono::Datelike;
        events.push((from.num_days_from_ce(), 1));
        events.push((to.num_days_from_ce(), -1));
    }
    let date = densest_day(&mut events).unwrap_or_else(fallback_date);
    for r in aged.iter_mut().filter(|r| undated_age(r)) {
        r.age_at = Some(date);
    }
    Some(date)
}

fn add_years(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    use chrono::Datelike;
    let year = date.year() + years as i32;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
}

/// The middle of the longest run of days covered by the most spans, when
/// there are enough spans and the best day is shared by a good part of them.
fn densest_day(events: &mut [(i32, i32)]) -> Option<NaiveDate> {
    let spans = events.len() / 2;
    if spans < MIN_SPANS {
        return None;
    }
    // Ends before starts on the same day: spans are half open.
    events.sort_unstable();
    let (mut depth, mut best, mut best_from, mut best_to) = (0, 0, 0, 0);
    for k in 0..events.len() {
        depth += events[k].1;
        let next = events.get(k + 1).map_or(events[k].0, |e| e.0);
        if depth > best && next > events[k].0 {
            (best, best_from, best_to) = (depth, events[k].0, next);
        } else if depth == best && events[k].0 == best_to && next > best_to {
            best_to = next;
        }
    }
    // Too little agreement: the pairs are not mostly one child each.
    if (best as usize) * 4 < spans {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(best_from + (best_to - best_from - 1).max(0) / 2)
}

/// Whether `age` on `at` fits `birth` (for tests).
#[cfg(test)]
fn fits(birth: NaiveDate, age: u32, at: NaiveDate) -> bool {
    birth_range_from_age(age, at).is_some_and(|(lo, hi)| lo <= birth && birth <= hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(id: usize, surname: &str, given: &str) -> Record {
        let mut r = Record::new(id.to_string());
        r.surname = Some(surname.into());
        r.given = Some(given.into());
        r
    }

    #[test]
    fn the_list_date_is_found_from_name_pairs() {
        let list_date = d(2023, 8, 15);
        let names = [
            ("Коваленко", "Олена", "Kovalenko", "Olena"),
            ("Шевченко", "Іван", "Shevchenko", "Ivan"),
            ("Бондаренко", "Марія", "Bondarenko", "Mariia"),
            ("Ткаченко", "Андрій", "Tkachenko", "Andrii"),
            ("Мельник", "Софія", "Melnyk", "Sofiia"),
            ("Бойко", "Максим", "Boiko", "Maksym"),
            ("Лисенко", "Дарина", "Lysenko", "Daryna"),
        ];
        let births = [
            d(2012, 1, 3),
            d(2010, 9, 30),
            d(2015, 8, 1),
            d(2009, 12, 12),
            d(2016, 3, 8),
            d(2013, 8, 20),
            d(2011, 5, 5),
        ];
        let mut dated = Vec::new();
        let mut aged = Vec::new();
        for (k, ((s, g, ls, lg), birth)) in names.iter().zip(births).enumerate() {
            let mut r = person(k, ls, lg);
            r.birth_date = Some(birth);
            dated.push(r);
            let mut a = person(k, s, g);
            let years = list_date.years_since(birth).unwrap();
            a.age = Some(years);
            aged.push(a);
        }
        let date = date_ages(&mut aged, &[&dated]).unwrap();
        for (a, birth) in aged.iter().zip(births) {
            assert_eq!(a.age_at, Some(date));
            assert!(fits(birth, a.age.unwrap(), date), "{birth} {date}");
        }
        // The births narrow the date to between 2023-08-01 and 2023-08-19.
        assert!(date >= d(2023, 8, 1) && date < d(2023, 8, 20), "{date}");
    }

    #[test]
    fn without_dated_pairs_every_age_shares_one_date() {
        let mut aged = vec![person(1, "Коваленко", "Олена"), person(2, "Бойко", "Іван")];
        aged[0].age = Some(9);
        aged[1].age = Some(11);
        let date = date_ages(&mut aged, &[]).unwrap();
        assert_eq!(date, fallback_date());
        assert!(aged.iter().all(|r| r.age_at == Some(date)));
        // Records with a date of their own keep it.
        let mut kept = vec![person(3, "Мороз", "Ганна")];
        kept[0].age = Some(5);
        kept[0].age_at = Some(d(2022, 1, 1));
        assert_eq!(date_ages(&mut kept, &[]), None);
        assert_eq!(kept[0].age_at, Some(d(2022, 1, 1)));
    }
}
