//! Generates a synthetic cross-script registry of children, deterministic
//! from a seed, with the truth in a `child` column.
//!
//! Every child gets a Ukrainian given name (with its Russian and Belarusian
//! forms), a surname built from common Ukrainian stems and endings,
//! a patronymic, a birth date and a birthplace. Each child then appears in
//! one to four records, each written the way a different kind of list would
//! write it: Ukrainian Cyrillic, Russian Cyrillic (Russian name forms and
//! spelling), Belarusian Cyrillic, or Latin under one of the romanisation
//! standards of `casefile-names` (national Ukrainian, BGN/PCGN, ISO 9,
//! passport, German and French press styles). Records then get typos,
//! missing fields, ages on a list date instead of birth dates, transposed
//! day and month, swapped name columns, and whole names in one cell.
//!
//! Usage: gen-registries --records N [--seed S] --out FILE.csv
//! Map for the linker: id=id,surname=surname,given=given,patronymic=patronymic,
//! full_name=full_name,sex=sex,birth_date=birth_date,age=age,age_at=age_at,birthplace=birthplace

use std::io::Write;

use anyhow::{bail, Context, Result};
use casefile_names::{transliterate, Scheme};
use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

/// (Ukrainian, Russian, Belarusian) forms of a given name.
const BOYS: &[(&str, &str, &str)] = &[
    ("Олександр", "Александр", "Аляксандр"),
    ("Микола", "Николай", "Мікалай"),
    ("Іван", "Иван", "Іван"),
    ("Дмитро", "Дмитрий", "Дзмітрый"),
    ("Андрій", "Андрей", "Андрэй"),
    ("Сергій", "Сергей", "Сяргей"),
    ("Олексій", "Алексей", "Аляксей"),
    ("Петро", "Пётр", "Пятро"),
    ("Юрій", "Юрий", "Юрый"),
    ("Володимир", "Владимир", "Уладзімір"),
    ("Михайло", "Михаил", "Міхаіл"),
    ("Василь", "Василий", "Васіль"),
    ("Павло", "Павел", "Павел"),
    ("Богдан", "Богдан", "Багдан"),
    ("Максим", "Максим", "Максім"),
    ("Артем", "Артём", "Арцём"),
    ("Денис", "Денис", "Дзяніс"),
    ("Тарас", "Тарас", "Тарас"),
    ("Віктор", "Виктор", "Віктар"),
    ("Євген", "Евгений", "Яўген"),
    ("Назар", "Назар", "Назар"),
    ("Кирило", "Кирилл", "Кірыл"),
    ("Данило", "Даниил", "Данііл"),
    ("Матвій", "Матвей", "Мацвей"),
    ("Ярослав", "Ярослав", "Яраслаў"),
];
const GIRLS: &[(&str, &str, &str)] = &[
    ("Олена", "Елена", "Алена"),
    ("Ольга", "Ольга", "Вольга"),
    ("Наталія", "Наталья", "Наталля"),
    ("Тетяна", "Татьяна", "Таццяна"),
    ("Ірина", "Ирина", "Ірына"),
    ("Марія", "Мария", "Марыя"),
    ("Анна", "Анна", "Ганна"),
    ("Катерина", "Екатерина", "Кацярына"),
    ("Юлія", "Юлия", "Юлія"),
    ("Софія", "София", "Сафія"),
    ("Дарина", "Дарина", "Дарына"),
    ("Вікторія", "Виктория", "Вікторыя"),
    ("Анастасія", "Анастасия", "Анастасія"),
    ("Поліна", "Полина", "Паліна"),
    ("Аліна", "Алина", "Аліна"),
    ("Валентина", "Валентина", "Валянціна"),
    ("Христина", "Кристина", "Крысціна"),
    ("Злата", "Злата", "Злата"),
    ("Вероніка", "Вероника", "Веранiка"),
    ("Ганна", "Анна", "Ганна"),
];
/// Surname stems; a surname is a stem plus one of the endings below
/// (drawn uniformly: real surnames are far more varied than given names).
const STEMS: &[&str] = &[
    "Коваль",
    "Шевч",
    "Бондар",
    "Ткач",
    "Кравч",
    "Мельнич",
    "Олійн",
    "Марч",
    "Руд",
    "Савч",
    "Лис",
    "Петр",
    "Кузьм",
    "Гончар",
    "Лев",
    "Павл",
    "Іван",
    "Клим",
    "Харч",
    "Сидор",
    "Литвин",
    "Карп",
    "Захарч",
    "Мороз",
    "Грищ",
    "Тимош",
    "Яковл",
    "Остап",
    "Семен",
    "Гриц",
    "Дорош",
    "Панас",
    "Голуб",
    "Гайдам",
    "Кириленк",
    "Мартин",
    "Назар",
    "Онищ",
    "Прокоп",
    "Романч",
    "Федор",
    "Юрч",
    "Антон",
    "Борис",
    "Василь",
    "Гнат",
    "Данил",
    "Євтуш",
    "Жук",
    "Зінч",
    "Кушнір",
    "Лук",
    "Мирон",
    "Нестер",
    "Олекс",
    "Пилип",
    "Рибал",
    "Стельмах",
    "Титар",
    "Устим",
    "Хом",
    "Циб",
    "Чорнов",
    "Шапов",
    "Щерб",
    "Ющ",
    "Ярем",
    "Бойч",
    "Вовч",
    "Гузь",
    "Дяч",
    "Єрем",
    "Кобз",
    "Лукаш",
    "Мацю",
    "Ничипор",
    "Осадч",
    "Приход",
    "Радч",
    "Сав",
];
/// Optional middles between stem and ending, for a realistic variety of
/// surnames (about five thousand) at a million records.
const MIDDLES: &[&str] = &["", "ов", "ан", "ен", "ич", "ар", "аш", "ал"];
const ENDINGS: &[&str] = &["енко", "ук", "чук", "ишин", "ець", "ко", "ин", "ар"];
/// (Ukrainian, Russian, Belarusian) forms of birthplaces.
const PLACES: &[(&str, &str, &str)] = &[
    ("Маріуполь", "Мариуполь", "Марыупаль"),
    ("Херсон", "Херсон", "Херсон"),
    ("Мелітополь", "Мелитополь", "Мелітопаль"),
    ("Бердянськ", "Бердянск", "Бердзянск"),
    ("Луганськ", "Луганск", "Луганск"),
    ("Донецьк", "Донецк", "Данецк"),
    ("Лисичанськ", "Лисичанск", "Лісічанск"),
    ("Нова Каховка", "Новая Каховка", "Новая Кахоўка"),
    ("Енергодар", "Энергодар", "Энергадар"),
    ("Сєвєродонецьк", "Северодонецк", "Севераданецк"),
    ("Харків", "Харьков", "Харкаў"),
    ("Ізюм", "Изюм", "Ізюм"),
];
const LATIN_SCHEMES: [Scheme; 6] = [
    Scheme::UkNational2010,
    Scheme::RuBgnPcgn,
    Scheme::RuIso9,
    Scheme::RuPassport,
    Scheme::InformalGerman,
    Scheme::InformalFrench,
];

struct Child {
    boy: bool,
    given: usize,
    surname: String,
    father: usize,
    birth: NaiveDate,
    place: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Ukrainian,
    Russian,
    Belarusian,
    Latin(Scheme),
}

/// Russian spelling of a Ukrainian surname (the letters Russian lacks).
fn russian_spelling(uk: &str) -> String {
    uk.replace("ць", "ц")
        .replace(['і', 'ї'], "и")
        .replace('є', "е")
        .replace('І', "И")
        .replace('Є', "Е")
}

/// Belarusian spelling of a Ukrainian surname.
fn belarusian_spelling(uk: &str) -> String {
    uk.replace('и', "ы")
        .replace('щ', "шч")
        .replace("енко", "енка")
        .replace('є', "е")
}

fn patronymic(father: &str, boy: bool, russian: bool) -> String {
    let stem = father.trim_end_matches(['о', 'а', 'й', 'ь']).to_string();
    match (russian, boy) {
        (false, true) => format!("{stem}ович"),
        (false, false) => format!("{stem}івна"),
        (true, true) => format!("{stem}ович"),
        (true, false) => format!("{stem}овна"),
    }
}

/// A typing slip: a letter dropped, doubled, swapped with the next, or replaced by a neighbour's.
fn typo(text: &str, rng: &mut StdRng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.len() < 3 {
        return text.to_string();
    }
    let at = rng.gen_range(1..chars.len() - 1);
    match rng.gen_range(0..4) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        2 => chars.swap(at, at + 1),
        _ => chars[at] = chars[at - 1],
    }
    chars.into_iter().collect()
}

/// Zipf-like index: small indices are much more common (real name frequencies).
fn zipf(rng: &mut StdRng, n: usize) -> usize {
    let x: f64 = rng.gen();
    ((n as f64).powf(x) - 1.0) as usize % n
}

fn format_date(date: NaiveDate, style: Style, rng: &mut StdRng) -> String {
    match style {
        Style::Latin(_) => match rng.gen_range(0..3) {
            0 => date.format("%Y-%m-%d").to_string(),
            1 => date.format("%m/%d/%Y").to_string(),
            _ => date.format("%Y%m%d").to_string(),
        },
        _ => date.format("%d.%m.%Y").to_string(),
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let records: usize = value("--records")
        .context("--records N is required")?
        .replace('_', "")
        .parse()?;
    let seed: u64 = value("--seed").map_or(Ok(1), |s| s.parse())?;
    let Some(out) = value("--out") else {
        bail!("--out FILE.csv is required")
    };
    let mut rng = StdRng::seed_from_u64(seed);
    let list_date = NaiveDate::from_ymd_opt(2023, 6, 1).context("list date")?;
    let first_birth = NaiveDate::from_ymd_opt(2005, 1, 1).context("first birth")?;

    let file = std::fs::File::create(&out).with_context(|| format!("creating {out}"))?;
    let mut writer = csv::Writer::from_writer(std::io::BufWriter::new(file));
    writer.write_record([
        "id",
        "surname",
        "given",
        "patronymic",
        "full_name",
        "sex",
        "birth_date",
        "age",
        "age_at",
        "birthplace",
        "child",
    ])?;
    let mut written = 0usize;
    let mut child_number = 0usize;
    while written < records {
        child_number += 1;
        let boy = rng.gen_bool(0.5);
        let names = if boy { BOYS } else { GIRLS };
        let child = Child {
            boy,
            given: zipf(&mut rng, names.len()),
            surname: format!(
                "{}{}{}",
                STEMS[rng.gen_range(0..STEMS.len())],
                MIDDLES[rng.gen_range(0..MIDDLES.len())],
                ENDINGS[rng.gen_range(0..ENDINGS.len())]
            ),
            father: zipf(&mut rng, BOYS.len()),
            birth: first_birth + Duration::days(rng.gen_range(0..6570)),
            place: zipf(&mut rng, PLACES.len()),
        };
        let copies = match rng.gen_range(0..100) {
            0..=39 => 1,
            40..=74 => 2,
            75..=92 => 3,
            _ => 4,
        }
        .min(records - written);
        let mut styles = vec![
            Style::Ukrainian,
            Style::Russian,
            Style::Belarusian,
            Style::Latin(
                *LATIN_SCHEMES
                    .choose(&mut rng)
                    .unwrap_or(&Scheme::UkNational2010),
            ),
            Style::Latin(*LATIN_SCHEMES.choose(&mut rng).unwrap_or(&Scheme::RuBgnPcgn)),
        ];
        styles.shuffle(&mut rng);
        for style in styles.into_iter().take(copies) {
            written += 1;
            let row = render(&child, style, written, child_number, list_date, &mut rng);
            writer.write_record(&row)?;
        }
    }
    writer.flush()?;
    let mut stdout = std::io::stdout();
    writeln!(
        stdout,
        "wrote {written} records of {child_number} children to {out}"
    )?;
    Ok(())
}

fn render(
    child: &Child,
    style: Style,
    record: usize,
    child_number: usize,
    list_date: NaiveDate,
    rng: &mut StdRng,
) -> [String; 11] {
    let forms = if child.boy {
        BOYS[child.given]
    } else {
        GIRLS[child.given]
    };
    let father = BOYS[child.father];
    let place = PLACES[child.place];
    let (mut given, mut surname, mut patro, place) = match style {
        Style::Russian => (
            forms.1.to_string(),
            russian_spelling(&child.surname),
            patronymic(father.1, child.boy, true),
            place.1.to_string(),
        ),
        Style::Belarusian => (
            forms.2.to_string(),
            belarusian_spelling(&child.surname),
            patronymic(father.2, child.boy, true),
            place.2.to_string(),
        ),
        Style::Ukrainian => (
            forms.0.to_string(),
            child.surname.clone(),
            patronymic(father.0, child.boy, false),
            place.0.to_string(),
        ),
        Style::Latin(scheme) => {
            // A Latin copy romanises the form its source list used.
            let russian_source = matches!(
                scheme,
                Scheme::RuBgnPcgn | Scheme::RuIso9 | Scheme::RuPassport
            );
            let (g, s, p, pl) = if russian_source {
                (
                    forms.1.to_string(),
                    russian_spelling(&child.surname),
                    patronymic(father.1, child.boy, true),
                    place.1,
                )
            } else {
                (
                    forms.0.to_string(),
                    child.surname.clone(),
                    patronymic(father.0, child.boy, false),
                    place.0,
                )
            };
            (
                transliterate(&g, scheme),
                transliterate(&s, scheme),
                transliterate(&p, scheme),
                transliterate(pl, scheme),
            )
        }
    };
    if rng.gen_bool(0.12) {
        surname = typo(&surname, rng);
    }
    if rng.gen_bool(0.08) {
        given = typo(&given, rng);
    }
    if rng.gen_bool(0.4) {
        patro.clear();
    }
    if matches!(style, Style::Latin(_)) && rng.gen_bool(0.05) {
        std::mem::swap(&mut given, &mut surname);
    }
    let mut birth_date = String::new();
    let mut age = String::new();
    let mut age_at = String::new();
    match rng.gen_range(0..100) {
        0..=19 => {
            // An age on the list's date instead of a birth date.
            let at = list_date + Duration::days(rng.gen_range(0..200));
            let mut years = at.year() - child.birth.year();
            if (at.month(), at.day()) < (child.birth.month(), child.birth.day()) {
                years -= 1;
            }
            age = years.to_string();
            age_at = at.format("%Y-%m-%d").to_string();
        }
        20..=23 => {}
        24..=26 => {
            // Day and month transposed (possible only when the day is ≤ 12).
            let swapped =
                NaiveDate::from_ymd_opt(child.birth.year(), child.birth.day(), child.birth.month())
                    .unwrap_or(child.birth);
            birth_date = format_date(swapped, style, rng);
        }
        27..=29 => {
            let slip = child.birth + Duration::days(rng.gen_range(1..4));
            birth_date = format_date(slip, style, rng);
        }
        _ => birth_date = format_date(child.birth, style, rng),
    }
    let sex = if rng.gen_bool(0.3) {
        String::new()
    } else {
        match (style, child.boy) {
            (Style::Latin(_), true) => "M".into(),
            (Style::Latin(_), false) => "F".into(),
            (Style::Ukrainian, true) => "ч".into(),
            (_, true) => "м".into(),
            (_, false) => "ж".into(),
        }
    };
    let birthplace = if rng.gen_bool(0.5) {
        place
    } else {
        String::new()
    };
    // One list in five writes the whole name in one cell.
    let whole = !matches!(style, Style::Latin(_)) && rng.gen_bool(0.2);
    let full_name = if whole {
        let mut parts = vec![surname.clone(), given.clone()];
        if !patro.is_empty() {
            parts.push(patro.clone());
        }
        parts.join(" ")
    } else {
        String::new()
    };
    let (surname, given, patro) = if whole {
        (String::new(), String::new(), String::new())
    } else {
        (surname, given, patro)
    };
    [
        format!("r{record:07}"),
        surname,
        given,
        patro,
        full_name,
        sex,
        birth_date,
        age,
        age_at,
        birthplace,
        format!("c{child_number}"),
    ]
}
