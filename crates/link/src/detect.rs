//! A column map found from a registry's own header and first rows, so that
//! the common layouts import without a hand-written `--map`.
//!
//! Headers are recognised in English, Ukrainian, Russian and Belarusian
//! (`data/column_names.tsv`: whole headers first, then words a header
//! contains). What the header leaves open, the values settle: a "name"
//! column whose cells mostly hold two or more words is a whole name
//! ("Surname Given Patronymic" in one cell); a column no header rule
//! knows is a birth date when its cells read as dates, an age when they
//! are small whole numbers, and an id when its cells are all distinct; the
//! first column is the id when nothing else is. Only the header and a
//! sample of rows are read, within the reader's limits: a header of more
//! than [`MAX_COLUMNS`] columns is refused as soon as it is counted (every
//! step after it is per column), and cells over [`MAX_CELL_BYTES`] are not
//! looked at.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use crate::dates::{parse_date, year_only, DateOrder};
use crate::registry::{sniff_delimiter, ColumnMap, MapKey};
use crate::rows::{Row, Rows, MAX_CELL_BYTES, MAX_COLUMNS};

const COLUMN_NAMES: &str = include_str!("../data/column_names.tsv");

/// Rows of the sample that decide a column by its values.
const SAMPLE_ROWS: usize = 500;

/// Why no column map could be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetectError {
    #[error("the registry has no header row")]
    NoHeader,
    #[error("no column could be taken for the record id; give one with --map id=COLUMN,...")]
    NoId,
    #[error("no column holds a name (surname, given name or full name); give a --map")]
    NoName,
    #[error("column {column:?} contains ',' or '=' and cannot be named in a map; give a --map")]
    Unnameable { column: String },
    #[error("the CSV cannot be read: {reason}")]
    Csv { reason: String },
    #[error("the header has {columns} columns; a registry may have at most {MAX_COLUMNS}")]
    TooManyColumns { columns: usize },
}

/// Recognised headers: (key, whole?, folded header).
fn header_rules() -> &'static [(MapKey, bool, String)] {
    static RULES: OnceLock<Vec<(MapKey, bool, String)>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = Vec::new();
        // The first entry is the table's header row.
        for line in casefile_text::wordlist::entries(COLUMN_NAMES).skip(1) {
            let mut cells = line.split('\t');
            let (Some(key), Some(how), Some(header)) = (cells.next(), cells.next(), cells.next())
            else {
                continue;
            };
            let Some(key) = MapKey::parse(key) else {
                continue;
            };
            rules.push((key, how == "exact", fold(header)));
        }
        // Whole headers before contained words.
        rules.sort_by_key(|r| !r.1);
        rules
    })
}

/// A header as the rules compare it: lower case, one kind of apostrophe,
/// dots, stars and colons dropped, underscores and dashes as spaces, one
/// space between words.
fn fold(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        match c {
            '’' | 'ʼ' | '`' | '´' => out.push('\''),
            '.' | '*' | ':' | '"' => {}
            '_' | '-' | '\u{a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn recognise(header: &str) -> Option<MapKey> {
    let folded = fold(header);
    if folded.is_empty() {
        return None;
    }
    header_rules()
        .iter()
        .find(|(_, whole, rule)| {
            if *whole {
                *rule == folded
            } else {
                folded.contains(rule.as_str())
            }
        })
        .map(|(key, _, _)| key.clone())
}

/// What a column's sampled values look like.
#[derive(Default)]
struct Shape {
    filled: usize,
    dates: usize,
    small_numbers: usize,
    multi_word: usize,
    /// Cells that tell of a changed surname (see [`tells_of_a_rename`]).
    renames: usize,
    distinct: HashSet<String>,
}

impl Shape {
    fn share(&self, n: usize) -> f64 {
        n as f64 / self.filled.max(1) as f64
    }
}

/// The column map for a registry's CSV text (UTF-8, any of `,;\t|`).
pub fn detect_column_map(text: &[u8]) -> Result<ColumnMap, DetectError> {
    let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    let delimiter = sniff_delimiter(&text[..text.len().min(64 * 1024)]);
    let mut rows = Rows::new(text, delimiter);
    let mut row = Row::default();
    if !rows.read(&mut row, MAX_COLUMNS + 1) {
        return Err(DetectError::NoHeader);
    }
    if row.fields > MAX_COLUMNS {
        return Err(DetectError::TooManyColumns {
            columns: row.fields,
        });
    }
    if row.bad_utf8 || row.has_long() {
        return Err(DetectError::Csv {
            reason: format!(
                "the header is not UTF-8 or has a name longer than {MAX_CELL_BYTES} bytes"
            ),
        });
    }
    let headers: Vec<String> = row.iter().map(str::to_string).collect();
    if headers.iter().all(|h| h.is_empty()) {
        return Err(DetectError::NoHeader);
    }
    let mut shapes: Vec<Shape> = headers.iter().map(|_| Shape::default()).collect();
    // The sampled rows' cells, for checks that read two columns together.
    let mut sample: Vec<Vec<String>> = Vec::new();
    for _ in 0..SAMPLE_ROWS {
        if !rows.read(&mut row, headers.len()) {
            break;
        }
        if row.bad_utf8 {
            continue;
        }
        sample.push(row.iter().map(str::to_string).collect());
        // Over-long cells read as empty: not looked at.
        for (shape, cell) in shapes.iter_mut().zip(row.iter()) {
            if cell.is_empty() {
                continue;
            }
            shape.filled += 1;
            shape.dates += usize::from(cell.len() >= 6 && parse_date(cell).is_ok());
            shape.small_numbers +=
                usize::from(cell.len() <= 2 && cell.chars().all(|c| c.is_ascii_digit()));
            shape.multi_word += usize::from(
                cell.split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    >= 2,
            );
            shape.renames += usize::from(tells_of_a_rename(cell));
            shape.distinct.insert(cell.to_string());
        }
    }

    let mut keys: Vec<Option<MapKey>> = headers.iter().map(|h| recognise(h)).collect();
    // A key goes to its first column only.
    let mut seen = HashSet::new();
    for key in keys.iter_mut() {
        if let Some(k) = key {
            if !seen.insert(k.clone()) {
                *key = None;
            }
        }
    }
    let has = |keys: &[Option<MapKey>], k: &MapKey| keys.iter().any(|x| x.as_ref() == Some(k));
    // A lone name column holding several words is the whole name.
    if !has(&keys, &MapKey::Surname) {
        for (c, key) in keys.iter_mut().enumerate() {
            if *key == Some(MapKey::Given)
                && !has_full(&seen)
                && shapes[c].share(shapes[c].multi_word) > 0.5
            {
                *key = Some(MapKey::FullName);
            }
        }
    }
    // A whole-name column that holds single words beside a surname column is the given name.
    if has(&keys, &MapKey::Surname) && !has(&keys, &MapKey::Given) {
        for (c, key) in keys.iter_mut().enumerate() {
            if *key == Some(MapKey::FullName) && shapes[c].share(shapes[c].multi_word) < 0.2 {
                *key = Some(MapKey::Given);
            }
        }
    }
    // An age header that names the date its ages refer to ("Возраст на дату
    // устройства") points at that date's column ("Дата устройства").
    if has(&keys, &MapKey::Age) && !has(&keys, &MapKey::AgeAt) {
        if let Some(c) = age_reference_column(&headers, &keys, &shapes)
            .or_else(|| age_reference_by_values(&sample, &keys, &shapes))
        {
            keys[c] = Some(MapKey::AgeAt);
        }
    }
    // Columns no header rule knew, by their values.
    for c in 0..headers.len() {
        if keys[c].is_some() || shapes[c].filled == 0 {
            continue;
        }
        let shape = &shapes[c];
        let guess = if shape.renames >= MIN_RENAME_NOTES
            && shape.share(shape.renames) > 0.5
            && !has(&keys, &MapKey::Note)
        {
            Some(MapKey::Note)
        } else if shape.share(shape.dates) > 0.8 && !has(&keys, &MapKey::BirthDate) {
            Some(MapKey::BirthDate)
        } else if shape.share(shape.small_numbers) > 0.9
            && shape.distinct.len() <= 25
            && shape.filled >= 20
            && !has(&keys, &MapKey::Age)
        {
            Some(MapKey::Age)
        } else if shape.share(shape.multi_word) > 0.8
            && ![MapKey::Surname, MapKey::Given, MapKey::FullName]
                .iter()
                .any(|k| has(&keys, k))
        {
            Some(MapKey::FullName)
        } else if shape.distinct.len() == shape.filled && !has(&keys, &MapKey::Id) {
            Some(MapKey::Id)
        } else {
            None
        };
        keys[c] = guess;
    }
    if !has(&keys, &MapKey::Id) {
        match keys.first() {
            Some(None) => keys[0] = Some(MapKey::Id),
            _ => return Err(DetectError::NoId),
        }
    }
    if ![MapKey::Surname, MapKey::Given, MapKey::FullName]
        .iter()
        .any(|k| has(&keys, k))
    {
        return Err(DetectError::NoName);
    }
    let mut columns = Vec::new();
    for (key, header) in keys.into_iter().zip(&headers) {
        let Some(key) = key else { continue };
        if header.contains([',', '=']) {
            return Err(DetectError::Unnameable {
                column: header.clone(),
            });
        }
        columns.push((key, header.trim().to_string()));
    }
    Ok(ColumnMap {
        columns,
        date_order: None,
    })
}

/// Words of an age header that name no date (`data/age_header_words.txt`).
fn age_header_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        casefile_text::wordlist::entries(include_str!("../data/age_header_words.txt"))
            .map(fold)
            .collect()
    })
}

/// Whether two folded words are one word in two cases (устройства /
/// устройство, placement / placements): a common beginning of four letters
/// or more that leaves at most two letters of either.
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    common >= 4 && la - common <= 2 && lb - common <= 2
}

/// The column whose dates an age column's header names as the day its
/// ages were reckoned on: the age header's words, less those of
/// `data/age_header_words.txt`, are all in that column's header
/// ("Возраст на дату устройства" → "Дата устройства", "Age at intake" →
/// "Intake date"), which no rule has taken and whose cells read as dates.
fn age_reference_column(
    headers: &[String],
    keys: &[Option<MapKey>],
    shapes: &[Shape],
) -> Option<usize> {
    let age = keys.iter().position(|k| *k == Some(MapKey::Age))?;
    let stop = age_header_words();
    let folded = fold(&headers[age]);
    let wanted: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !stop.contains(*w))
        .collect();
    if wanted.is_empty() {
        return None;
    }
    let mut found = (0..headers.len()).filter(|&c| {
        if c == age || keys[c].is_some() || shapes[c].filled == 0 {
            return false;
        }
        if shapes[c].share(shapes[c].dates) <= 0.8 {
            return false;
        }
        let header = fold(&headers[c]);
        let words: Vec<&str> = header
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        wanted.iter().all(|w| words.iter().any(|h| same_stem(w, h)))
    });
    let first = found.next()?;
    // Two columns the header could mean: neither.
    found.next().is_none().then_some(first)
}

/// Sampled rows with a birth date (or year), an age and a date in a
/// column that must agree before that column is taken for the date the
/// ages were stated on (see [`age_reference_by_values`]).
const MIN_AGE_CHECKS: usize = 20;

/// The share of those rows whose stated age the column's date and the
/// birth date must give. Clerks slip on ages and dates (a year off, a
/// birthday just passed), so not all; a column of other dates (a
/// deportation, a return) months or years from the one the ages were
/// stated on gives far fewer.
const MIN_AGE_AGREEMENT: f64 = 0.7;

/// The column whose dates the list's ages were stated on, by its values,
/// when no header tells (a hotline's "Дата звернення", a department's
/// "Дата постановки на учет", both only "the date" of a call or of
/// registration): of the columns no rule took whose cells read as dates,
/// the one on which most sampled rows' birth dates (or years) give their
/// stated ages, if it gives them for at least [`MIN_AGE_AGREEMENT`] of at
/// least [`MIN_AGE_CHECKS`] rows. Without it the linker reckons every age
/// on one date estimated for the whole list, years off for a list kept
/// over years.
fn age_reference_by_values(
    sample: &[Vec<String>],
    keys: &[Option<MapKey>],
    shapes: &[Shape],
) -> Option<usize> {
    let column = |k: MapKey| keys.iter().position(|x| *x == Some(k.clone()));
    let (age, birth) = (column(MapKey::Age)?, column(MapKey::BirthDate)?);
    fn cell(row: &[String], c: usize) -> Option<&str> {
        row.get(c).map(|s| s.trim()).filter(|s| !s.is_empty())
    }
    let mut best: Option<(usize, f64)> = None;
    for c in 0..keys.len() {
        if keys[c].is_some() || shapes[c].filled == 0 || shapes[c].share(shapes[c].dates) <= 0.8 {
            continue;
        }
        let (mut checked, mut agreed) = (0usize, 0usize);
        for row in sample {
            let (Some(a), Some(b), Some(d)) = (cell(row, age), cell(row, birth), cell(row, c))
            else {
                continue;
            };
            let (Some(stated), Ok(at)) = (crate::registry::parse_age(a), parse_date(d)) else {
                continue;
            };
            let at = at.resolve(DateOrder::DayFirst);
            let Some(ages) = ages_on(b, at) else { continue };
            checked += 1;
            agreed += usize::from(ages.contains(&stated));
        }
        if checked < MIN_AGE_CHECKS {
            continue;
        }
        let share = agreed as f64 / checked as f64;
        if share >= MIN_AGE_AGREEMENT && best.is_none_or(|(_, s)| share > s) {
            best = Some((c, share));
        }
    }
    best.map(|(c, _)| c)
}

/// The ages a birth-date cell allows on a date: one for a whole date, the
/// two of its year for a year alone; `None` when the cell is neither.
fn ages_on(birth: &str, at: NaiveDate) -> Option<Vec<u32>> {
    if let Ok(parsed) = parse_date(birth) {
        let born = parsed.resolve(DateOrder::DayFirst);
        let years = at.year()
            - born.year()
            - i32::from((at.month(), at.day()) < (born.month(), born.day()));
        return u32::try_from(years).ok().map(|y| vec![y]);
    }
    let year = year_only(birth)?;
    let years = u32::try_from(at.year() - year).ok()?;
    Some(years.checked_sub(1).into_iter().chain([years]).collect())
}

/// Sampled cells that must tell of a changed surname before a column no
/// header rule knows is read as the note column.
const MIN_RENAME_NOTES: usize = 5;

/// Whether a cell tells of a changed surname, with or without the former
/// one ("прежняя фамилия Шевченко", "фамилия изменена", "née Rudenko"):
/// a column of such cells under a header no rule knows (a register's
/// "Сведения", "Особые отметки") is a note the linker reads the former
/// surname from, so that a child renamed on adoption is still found.
fn tells_of_a_rename(cell: &str) -> bool {
    crate::names_bridge::former_surname(cell).is_some()
        || crate::names_bridge::surname_changed(cell)
}

fn has_full(seen: &HashSet<MapKey>) -> bool {
    seen.contains(&MapKey::FullName)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(csv: &str) -> String {
        detect_column_map(csv.as_bytes()).unwrap().to_string()
    }

    #[test]
    fn ukrainian_split_names() {
        let csv = "№;Прізвище;Ім'я;По батькові;Дата народження;Стать;Населений пункт\n\
                   1;Коваленко;Олена;Іванівна;05.03.2014;ж;Херсон\n";
        assert_eq!(
            spec(csv),
            "id=№,surname=Прізвище,given=Ім'я,patronymic=По батькові,\
             birth_date=Дата народження,sex=Стать,last_place=Населений пункт"
        );
    }

    #[test]
    fn russian_whole_names_and_ages() {
        let csv = "№ п/п\tФИО\tВозраст\tПол\tОткуда прибыл\n\
                   1\tКоваленко Елена Ивановна\t9\tж\tХерсон\n";
        assert_eq!(
            spec(csv),
            "id=№ п/п,full_name=ФИО,age=Возраст,sex=Пол,last_place=Откуда прибыл"
        );
    }

    #[test]
    fn a_name_column_of_several_words_is_the_whole_name() {
        let mut csv = String::from("Record,Name,DOB,Sex\n");
        for k in 0..30 {
            csv.push_str(&format!("L-{k},Olena Kovalenko,2014-03-05,F\n"));
        }
        assert_eq!(
            spec(&csv),
            "id=Record,full_name=Name,birth_date=DOB,sex=Sex"
        );
        let csv = "id,name,surname\n1,Olena,Kovalenko\n";
        assert_eq!(spec(csv), "id=id,given=name,surname=surname");
    }

    #[test]
    fn unknown_headers_by_their_values() {
        let mut csv = String::from("a,b,c,d\n");
        for k in 0..40 {
            csv.push_str(&format!(
                "x{k},Коваленко Олена,{},{}.03.2014\n",
                k % 15,
                k % 28 + 1
            ));
        }
        assert_eq!(spec(&csv), "id=a,full_name=b,age=c,birth_date=d");
    }

    /// A column of notes of changed surnames under a header no rule knows
    /// is the note column; one of other words is not.
    #[test]
    fn a_note_of_renames_by_its_values() {
        let table = |notes: [&str; 3]| {
            let mut csv = String::from("Номер\tФамилия\tИмя\tСведения\n");
            for k in 0..40 {
                let note = if k % 2 == 0 { notes[k % 3] } else { "" };
                csv.push_str(&format!("{k}\tКоваленко\tОлена\t{note}\n"));
            }
            spec(&csv)
        };
        assert_eq!(
            table([
                "прежняя фамилия Шевченко",
                "фамилия изменена",
                "ранее Руденко"
            ]),
            "id=Номер,surname=Фамилия,given=Имя,note=Сведения"
        );
        assert_eq!(
            table(["опека", "приемная семья", "усыновление"]),
            "id=Номер,surname=Фамилия,given=Имя"
        );
    }

    #[test]
    fn belarusian_and_intake_places_and_record_dates() {
        let csv = "№\tПрозвішча\tІмя\tІмя па бацьку\tУзрост\tАдкуль прыбыў\tДата заезду\n\
                   1\tКаваленка\tАлена\tІванаўна\t9\tг. Херсон\t01.06.2022\n";
        assert_eq!(
            spec(csv),
            "id=№,surname=Прозвішча,given=Імя,patronymic=Імя па бацьку,age=Узрост,\
             last_place=Адкуль прыбыў,age_at=Дата заезду"
        );
        let csv = "Child ID,Full name,Age,Registration date,Place of origin,Current location\n\
                   A-1,Olena Kovalenko,9,2023-05-01,Kherson,Georgia\n";
        assert_eq!(
            spec(csv),
            "id=Child ID,full_name=Full name,age=Age,age_at=Registration date,\
             last_place=Place of origin"
        );
    }

    /// An age header naming the date its ages refer to finds that date's
    /// column, under a header no rule knows.
    /// A Latin export's home town under "city_of_origin" is the last place.
    #[test]
    fn a_city_of_origin_is_the_home_town() {
        let csv = "id,last_name,first_name,dob,city_of_origin,oblast\n\
                   UA-1,Kovalenko,Olena,2014-03-05,Mariupol,Donetsk\n";
        assert_eq!(
            spec(csv),
            "id=id,surname=last_name,given=first_name,birth_date=dob,last_place=city_of_origin"
        );
    }

    /// Ages under a header naming no date are read on the one date column
    /// whose dates give them from the birth dates (or years) of most
    /// sampled rows ("Дата звернення", "Дата постановки на учет"); a column
    /// of other dates, years from those the ages were stated on, is not
    /// taken, nor any with too few rows to check.
    #[test]
    fn the_date_ages_were_stated_on_by_the_values() {
        let table = |rows: usize, birth: &dyn Fn(usize) -> String, offset: i32| {
            let mut csv =
                "Номер,ПІБ дитини,Дата народження,Вік,Дата звернення,Дата виїзду\n".to_string();
            for k in 0..rows {
                let born = 2008 + (k % 10) as i32;
                let called = 2023 + (k % 2) as i32;
                // Birthdays in January, calls from March: the age is the years between.
                let age = called - born;
                csv.push_str(&format!(
                    "{k},Коваленко Олена Іванівна,{},{age} р.,{:02}.03.{called},01.06.{}\n",
                    birth(k),
                    k % 28 + 1,
                    called + offset
                ));
            }
            spec(&csv)
        };
        let full = |k: usize| format!("{:02}.01.{}", k % 28 + 1, 2008 + k % 10);
        let year = |k: usize| format!("{} р.н.", 2008 + k % 10);
        let stated = "id=Номер,full_name=ПІБ дитини,birth_date=Дата народження,age=Вік,\
                      age_at=Дата звернення";
        assert_eq!(table(40, &full, -3), stated);
        assert_eq!(table(40, &year, -3), stated);
        // Too few rows to tell.
        assert_eq!(
            table(10, &full, -3),
            "id=Номер,full_name=ПІБ дитини,birth_date=Дата народження,age=Вік"
        );
    }

    #[test]
    fn the_date_an_age_header_names() {
        let table = |age: &str, date: &str| {
            let mut csv = format!("№;ФИО;{age};{date};Форма\n");
            for k in 0..30 {
                csv.push_str(&format!(
                    "{k};Коваленко Олена Іванівна;{};{}.05.2023;опека\n",
                    k % 15,
                    k % 28 + 1
                ));
            }
            spec(&csv)
        };
        assert_eq!(
            table("Возраст на дату передачи", "Дата передачи"),
            "id=№,full_name=ФИО,age=Возраст на дату передачи,age_at=Дата передачи"
        );
        assert_eq!(
            table("Age at intake", "Intake date"),
            "id=№,full_name=ФИО,age=Age at intake,age_at=Intake date"
        );
        // An age header that names no date takes no column.
        assert_eq!(
            table("Возраст", "Дата передачи"),
            "id=№,full_name=ФИО,age=Возраст,birth_date=Дата передачи"
        );
        // Nor one whose words the date's header lacks.
        assert_eq!(
            table("Возраст на дату передачи", "Дата выбытия"),
            "id=№,full_name=ФИО,age=Возраст на дату передачи,birth_date=Дата выбытия"
        );
    }

    #[test]
    fn headers_of_placement_lists_and_fathers_names() {
        let csv = "№;ФИО;Возраст на дату устройства;Дата устройства;Прежнее место жительства\n\
                   1;Коваленко Елена Ивановна;9;01.06.2023;г. Херсон\n";
        assert_eq!(
            spec(csv),
            "id=№,full_name=ФИО,age=Возраст на дату устройства,age_at=Дата устройства,\
             last_place=Прежнее место жительства"
        );
        let csv =
            "Record ID,Family name,First name(s),Father's name\nT-1,Kovalenko,Olena,Ivanivna\n";
        assert_eq!(
            spec(csv),
            "id=Record ID,surname=Family name,given=First name(s),patronymic=Father's name"
        );
    }

    #[test]
    fn no_name_is_an_error() {
        assert_eq!(
            detect_column_map(b"id,colour\n1,red\n").unwrap_err(),
            DetectError::NoName
        );
    }

    #[test]
    fn detected_map_parses_back() {
        let map = detect_column_map("rec_id,given_name,surname,date_of_birth,age_at\n".as_bytes())
            .unwrap();
        let again: ColumnMap = map.to_string().parse().unwrap();
        assert_eq!(again, map);
        assert_eq!(
            map.to_string(),
            "id=rec_id,given=given_name,surname=surname,birth_date=date_of_birth,age_at=age_at"
        );
    }
}
