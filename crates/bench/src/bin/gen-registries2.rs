//! A second generator of synthetic child registries, designed apart from
//! `gen-registries` so that the linker's defaults can be checked on data
//! they were not tuned on. Deterministic from a seed.
//!
//! Where `gen-registries` writes one file with a `child` column, this one
//! writes what a tracing worker actually receives: separate lists, each
//! laid out, spelled and encoded its own way, and the truth apart in
//! `truth.csv` (`file,id,child`), which no list carries.
//!
//! `--mode cross` (the default) writes three lists of the same population:
//! - `missing_uk.csv`: a Ukrainian missing-children list, Windows-1251,
//!   `;`-separated, Ukrainian headers, names split into surname / given /
//!   patronymic, birth dates as DD.MM.YYYY;
//! - `camp_ru.tsv`: a Russian camp list, UTF-8 with a BOM, tab-separated,
//!   Russian headers, the whole name in one `ФИО` column ("Surname Given
//!   Patronymic", at times "Given Surname"), Russian name forms, and an age
//!   on the list's date instead of a birth date (no column gives that date);
//! - `site_latin.csv`: a Latin list (an adoption site, a press caption),
//!   the whole name in one column in several romanisation standards mixed
//!   (Ukrainian national, Russian BGN/PCGN, passport and ISO 9, German and
//!   French press styles), "Given Surname" or "SURNAME Given", two date
//!   formats mixed.
//!
//! `--mode latin` writes `latin_dedupe.csv`, one Latin-only list with
//! repeated records of the same child (for `dedupe`), split name columns,
//! and its `truth.csv`.
//!
//! The population differs from `gen-registries`': surnames are real
//! Ukrainian surnames from `data/registries2/surnames.tsv` with their own
//! weights, plus a tail of patronymic surnames made from given names
//! (Петро → Петренко, Петрук, Петрів); given names are the groups of
//! `casefile-names` in a shuffled order with a steeper power law; birth
//! dates favour younger children; towns come from
//! `data/registries2/places.tsv`. One family in six sends two or three
//! children (same surname, father, town; twins share the birth date),
//! which are the hard negatives a registry of children is full of.
//!
//! Corruptions, each at its own rate per list (see `ListStyle`): typos,
//! given and surname swapped, patronymic dropped, diminutives, missing
//! fields, birth dates off by a day, by a month, day and month swapped or
//! a year off, ages reckoned as of the year, and duplicates within a list.
//!
//! Usage: gen-registries2 --children N [--seed S] --out DIR [--mode cross|latin]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use casefile_bench::Weighted;
use casefile_names::{transliterate, Scheme};
use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

const SURNAMES: &str = include_str!("../../data/registries2/surnames.tsv");
const PLACES: &str = include_str!("../../data/registries2/places.tsv");

/// Rows of a tab-separated data file, comments and the header skipped.
fn table_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// A given name: Ukrainian and Russian forms, and the group's diminutives.
#[derive(Clone)]
struct Given {
    uk: String,
    ru: String,
    diminutives: &'static [String],
}

struct Place {
    uk: String,
    ru: String,
    en: String,
}

struct Pools {
    boys: Vec<Given>,
    girls: Vec<Given>,
    boys_w: Weighted,
    girls_w: Weighted,
    surnames: Vec<String>,
    surnames_w: Weighted,
    places: Vec<Place>,
    places_w: Weighted,
}

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

fn has_any(word: &str, letters: &str) -> bool {
    word.to_lowercase().chars().any(|c| letters.contains(c))
}

impl Pools {
    fn new() -> Result<Pools> {
        // Its own seed: every --seed shares the pools, as real lists share names.
        let mut rng = StdRng::seed_from_u64(0x7265_6732);
        let (mut boys, mut girls) = (Vec::new(), Vec::new());
        for (sex, label, forms) in casefile_names::given_name_groups() {
            let cyrillic: Vec<&String> = forms.iter().filter(|f| is_cyrillic(f)).collect();
            let Some(uk) = cyrillic.first() else { continue };
            let ru = cyrillic
                .iter()
                .skip(1)
                .find(|f| !has_any(f, "іїєґў'ʼ"))
                .map_or_else(|| russify(uk), |f| (*f).clone());
            let given = Given {
                uk: (*uk).clone(),
                ru,
                diminutives: casefile_names::given_name_diminutives(label),
            };
            match sex {
                casefile_core::Sex::Male => boys.push(given),
                casefile_core::Sex::Female => girls.push(given),
            }
        }
        // Other weights than the table order gives: a shuffled order and a
        // steeper power law.
        boys.shuffle(&mut rng);
        girls.shuffle(&mut rng);
        let power = |n: usize| Weighted::new((0..n).map(|k| 1.0 / (k as f64 + 2.0).powf(1.25)));
        let mut surnames = Vec::new();
        let mut weights = Vec::new();
        for row in table_rows(SURNAMES) {
            let [name, weight] = row[..] else {
                bail!("surnames.tsv: a row is not NAME<TAB>WEIGHT")
            };
            surnames.push(name.to_string());
            weights.push(weight.parse::<f64>().context("surnames.tsv weight")?);
        }
        // The tail: patronymic surnames from given names, each rare.
        let listed: f64 = weights.iter().sum();
        let tail: Vec<String> = boys
            .iter()
            .flat_map(|g| {
                let stem = g.uk.trim_end_matches(['о', 'а', 'й', 'ь']).to_string();
                ["енко", "ук", "ів", "ович", "ишин", "чак"]
                    .iter()
                    .map(move |s| format!("{stem}{s}"))
            })
            .filter(|s| !surnames.contains(s))
            .collect();
        let tail_weight = listed * 0.35 / tail.len().max(1) as f64;
        for s in tail {
            surnames.push(s);
            weights.push(tail_weight);
        }
        let mut places = Vec::new();
        let mut place_weights = Vec::new();
        for row in table_rows(PLACES) {
            let [uk, ru, en, weight] = row[..] else {
                bail!("places.tsv: a row is not UK<TAB>RU<TAB>EN<TAB>WEIGHT")
            };
            places.push(Place {
                uk: uk.into(),
                ru: ru.into(),
                en: en.into(),
            });
            place_weights.push(weight.parse::<f64>().context("places.tsv weight")?);
        }
        Ok(Pools {
            boys_w: power(boys.len()),
            girls_w: power(girls.len()),
            boys,
            girls,
            surnames_w: Weighted::new(weights),
            surnames,
            places_w: Weighted::new(place_weights),
            places,
        })
    }

    fn given(&self, boy: bool, rng: &mut StdRng) -> Given {
        if boy {
            self.boys[self.boys_w.draw(rng)].clone()
        } else {
            self.girls[self.girls_w.draw(rng)].clone()
        }
    }
}

/// Russian spelling of a Ukrainian word (letters and endings Russian lacks).
fn russify(uk: &str) -> String {
    let mut ru = uk
        .replace("ський", "ский")
        .replace("цький", "цкий")
        .replace("ська", "ская")
        .replace("цька", "цкая")
        .replace('\'', "")
        .replace(['ї', 'і'], "и")
        .replace('є', "е")
        .replace('І', "И")
        .replace('Є', "Е")
        .replace("ьо", "ё");
    if let Some(stem) = ru.strip_suffix("ів") {
        ru = format!("{stem}ов");
    }
    ru
}

/// The feminine form of a surname where Ukrainian has one.
fn feminine(surname: &str) -> String {
    for (m, f) in [
        ("ський", "ська"),
        ("цький", "цька"),
        ("ний", "на"),
        ("ий", "а"),
        ("ов", "ова"),
        ("ьов", "ьова"),
        ("ин", "іна"),
    ] {
        if let Some(stem) = surname.strip_suffix(m) {
            if m == "ин" && (surname.ends_with("шин") || surname.ends_with("тин")) {
                break;
            }
            return format!("{stem}{f}");
        }
    }
    surname.to_string()
}

fn patronymic(father: &Given, boy: bool, russian: bool) -> String {
    let name = if russian { &father.ru } else { &father.uk };
    let soft = name.ends_with(['й', 'ь']);
    let stem = name.trim_end_matches(['о', 'а', 'й', 'ь']);
    match (russian, boy, soft) {
        (false, true, true) => format!("{stem}йович"),
        (false, true, false) => format!("{stem}ович"),
        (false, false, true) => format!("{stem}ївна"),
        (false, false, false) => format!("{stem}івна"),
        (true, true, true) => format!("{stem}евич"),
        (true, false, true) => format!("{stem}евна"),
        (true, true, false) => format!("{stem}ович"),
        (true, false, false) => format!("{stem}овна"),
    }
}

struct Child {
    boy: bool,
    given: Given,
    /// Ukrainian surname in the child's gender.
    surname: String,
    father: Given,
    birth: NaiveDate,
    place: usize,
    family: usize,
}

/// How one list writes and spoils its records.
struct ListStyle {
    typo_surname: f64,
    typo_given: f64,
    swap_names: f64,
    drop_patronymic: f64,
    diminutive: f64,
    missing_sex: f64,
    missing_place: f64,
    missing_birth: f64,
    /// Off by a day, by a month, day/month swapped, a year off.
    date_slips: [f64; 4],
    duplicate: f64,
}

const UK_STYLE: ListStyle = ListStyle {
    typo_surname: 0.05,
    typo_given: 0.04,
    swap_names: 0.02,
    drop_patronymic: 0.15,
    diminutive: 0.02,
    missing_sex: 0.10,
    missing_place: 0.20,
    missing_birth: 0.04,
    date_slips: [0.03, 0.02, 0.02, 0.01],
    duplicate: 0.03,
};
const RU_STYLE: ListStyle = ListStyle {
    typo_surname: 0.08,
    typo_given: 0.05,
    swap_names: 0.10,
    drop_patronymic: 0.30,
    diminutive: 0.10,
    missing_sex: 0.30,
    missing_place: 0.35,
    missing_birth: 0.05,
    date_slips: [0.0; 4],
    duplicate: 0.02,
};
const LATIN_STYLE: ListStyle = ListStyle {
    typo_surname: 0.07,
    typo_given: 0.05,
    swap_names: 0.04,
    drop_patronymic: 1.0,
    diminutive: 0.07,
    missing_sex: 0.40,
    missing_place: 0.50,
    missing_birth: 0.10,
    date_slips: [0.03, 0.02, 0.03, 0.015],
    duplicate: 0.01,
};

/// Share of stated ages reckoned as list year − birth year.
const AGE_BY_YEAR: f64 = 0.15;
/// Share of stated ages taken some months before the list date.
const AGE_STALE: f64 = 0.05;

/// Romanisation schemes of the Latin lists with their shares, and whether
/// each romanises the Russian form of a name.
const LATIN_SCHEMES: &[(Scheme, f64, bool)] = &[
    (Scheme::UkNational2010, 0.40, false),
    (Scheme::RuBgnPcgn, 0.20, true),
    (Scheme::RuPassport, 0.12, true),
    (Scheme::InformalGerman, 0.10, false),
    (Scheme::InformalFrench, 0.06, false),
    (Scheme::RuIso9, 0.06, true),
    (Scheme::BeBgnPcgn, 0.06, true),
];

/// A keyboard slip: a letter dropped, doubled, two swapped, one replaced by
/// a vowel (the commonest misheard letters).
fn typo(text: &str, rng: &mut StdRng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.len() < 4 {
        return text.to_string();
    }
    let at = rng.gen_range(1..chars.len() - 1);
    let cyrillic = is_cyrillic(text);
    match rng.gen_range(0..4) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        2 => chars.swap(at, at + 1),
        _ => {
            let vowels: &[char] = if cyrillic {
                &['а', 'о', 'е', 'и', 'у']
            } else {
                &['a', 'o', 'e', 'i', 'u']
            };
            chars[at] = *vowels.choose(rng).unwrap_or(&'a');
        }
    }
    chars.into_iter().collect()
}

fn slipped_birth(birth: NaiveDate, slips: &[f64; 4], rng: &mut StdRng) -> NaiveDate {
    let x: f64 = rng.gen();
    let mut edge = slips[0];
    if x < edge {
        return birth + Duration::days(if rng.gen_bool(0.5) { 1 } else { -1 });
    }
    edge += slips[1];
    if x < edge {
        let month = if birth.month() == 12 {
            11
        } else {
            birth.month() + 1
        };
        return NaiveDate::from_ymd_opt(birth.year(), month, birth.day().min(28)).unwrap_or(birth);
    }
    edge += slips[2];
    if x < edge {
        return NaiveDate::from_ymd_opt(birth.year(), birth.day(), birth.month()).unwrap_or(birth);
    }
    edge += slips[3];
    if x < edge {
        let year = birth.year() + if rng.gen_bool(0.5) { 1 } else { -1 };
        return NaiveDate::from_ymd_opt(year, birth.month(), birth.day().min(28)).unwrap_or(birth);
    }
    birth
}

fn whole_years(birth: NaiveDate, on: NaiveDate) -> i32 {
    let years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

fn stated_age(birth: NaiveDate, at: NaiveDate, rng: &mut StdRng) -> i32 {
    let x: f64 = rng.gen();
    if x < AGE_BY_YEAR {
        at.year() - birth.year()
    } else if x < AGE_BY_YEAR + AGE_STALE {
        whole_years(
            birth,
            (at - Duration::days(rng.gen_range(60..300))).max(birth),
        )
    } else {
        whole_years(birth, at)
    }
}

fn diminutive(given: &Given, russian: bool, rng: &mut StdRng) -> Option<String> {
    let fitting: Vec<&String> = given
        .diminutives
        .iter()
        .filter(|d| {
            is_cyrillic(d)
                && if russian {
                    !has_any(d, "іїє'ʼ")
                } else {
                    !has_any(d, "ёыэ")
                }
        })
        .collect();
    fitting.choose(rng).map(|d| (*d).clone())
}

/// The names of a child as a list in Russian (`russian`) or Ukrainian
/// writes them: (surname, given, patronymic), spoilt by `style`.
fn names(child: &Child, russian: bool, style: &ListStyle, rng: &mut StdRng) -> [String; 3] {
    let mut surname = if russian && rng.gen_bool(0.85) {
        russify(&child.surname)
    } else {
        child.surname.clone()
    };
    let mut given = if rng.gen_bool(style.diminutive) {
        diminutive(&child.given, russian, rng)
    } else {
        None
    }
    .unwrap_or_else(|| {
        if russian {
            child.given.ru.clone()
        } else {
            child.given.uk.clone()
        }
    });
    let patro = if rng.gen_bool(style.drop_patronymic) {
        String::new()
    } else {
        patronymic(&child.father, child.boy, russian)
    };
    if rng.gen_bool(style.typo_surname) {
        surname = typo(&surname, rng);
    }
    if rng.gen_bool(style.typo_given) {
        given = typo(&given, rng);
    }
    [surname, given, patro]
}

fn sex_word(boy: bool, words: [&str; 2], style: &ListStyle, rng: &mut StdRng) -> String {
    if rng.gen_bool(style.missing_sex) {
        String::new()
    } else {
        words[usize::from(!boy)].to_string()
    }
}

fn pick_scheme(rng: &mut StdRng) -> (Scheme, bool) {
    let x: f64 = rng.gen::<f64>() * LATIN_SCHEMES.iter().map(|s| s.1).sum::<f64>();
    let mut edge = 0.0;
    for &(scheme, share, russian) in LATIN_SCHEMES {
        edge += share;
        if x < edge {
            return (scheme, russian);
        }
    }
    (Scheme::UkNational2010, false)
}

/// Writes a synthetic set of registries and their truth.
#[derive(Debug, clap::Parser)]
struct Cli {
    /// Children in the population (cross) or records to write (latin).
    #[arg(long)]
    children: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory to write the lists and truth.csv into (created).
    #[arg(long)]
    out: PathBuf,
    /// cross: three lists in three scripts and layouts; latin: one Latin list to deduplicate.
    #[arg(long, default_value = "cross")]
    mode: String,
}

fn population(pools: &Pools, children: usize, rng: &mut StdRng) -> Vec<Child> {
    let first = NaiveDate::from_ymd_opt(2005, 9, 1).unwrap_or_default();
    let mut out: Vec<Child> = Vec::with_capacity(children);
    let mut family = 0;
    while out.len() < children {
        family += 1;
        let surname_m = pools.surnames[pools.surnames_w.draw(rng)].clone();
        let father = pools.given(true, rng);
        let place = pools.places_w.draw(rng);
        let size = match rng.gen_range(0..100) {
            0..=83 => 1,
            84..=95 => 2,
            _ => 3,
        };
        let mut births: Vec<NaiveDate> = Vec::new();
        for k in 0..size {
            if out.len() == children {
                break;
            }
            // Younger children are more numerous in the lists: a square root skew.
            let span = 6200.0 * rng.gen::<f64>().sqrt();
            let mut birth = first + Duration::days(span as i64);
            if k > 0 && rng.gen_bool(0.2) {
                birth = births[0];
            }
            births.push(birth);
            let boy = rng.gen_bool(0.51);
            let mut given = pools.given(boy, rng);
            while out
                .iter()
                .rev()
                .take(k)
                .any(|c: &Child| c.given.uk == given.uk)
            {
                given = pools.given(boy, rng);
            }
            out.push(Child {
                boy,
                given,
                surname: if boy {
                    surname_m.clone()
                } else {
                    feminine(&surname_m)
                },
                father: father.clone(),
                birth,
                place,
                family,
            });
        }
    }
    out
}

/// A list file under construction: its rows, each with the child it is.
struct List {
    file: &'static str,
    header: Vec<&'static str>,
    /// The id of the n-th row (from 1).
    id: fn(usize) -> String,
    rows: Vec<(Vec<String>, usize)>,
}

fn main() -> Result<()> {
    let cli = <Cli as clap::Parser>::parse();
    let mut rng = StdRng::seed_from_u64(cli.seed);
    let pools = Pools::new()?;
    std::fs::create_dir_all(&cli.out).with_context(|| format!("creating {}", cli.out.display()))?;
    let mut lists = match cli.mode.as_str() {
        "cross" => cross_lists(&pools, cli.children, &mut rng),
        "latin" => vec![latin_dedupe(&pools, cli.children, &mut rng)],
        other => bail!("--mode {other:?}: expected cross or latin"),
    };
    let mut truth = csv::Writer::from_path(cli.out.join("truth.csv"))?;
    truth.write_record(["file", "id", "child"])?;
    for list in &mut lists {
        // Lists are not in the order of families; ids follow the new order.
        list.rows.shuffle(&mut rng);
        for (n, (row, _)) in list.rows.iter_mut().enumerate() {
            row[0] = (list.id)(n + 1);
        }
    }
    for list in &lists {
        write_list(&cli.out, list)?;
        for (row, child) in &list.rows {
            truth.write_record([list.file, row[0].as_str(), &format!("c{child}")])?;
        }
        println!(
            "wrote {} records to {}",
            list.rows.len(),
            cli.out.join(list.file).display()
        );
    }
    truth.flush()?;
    Ok(())
}

/// Writes a list in its own delimiter and encoding.
fn write_list(dir: &Path, list: &List) -> Result<()> {
    let path = dir.join(list.file);
    let (delimiter, encoding, bom) = match list.file {
        "missing_uk.csv" => (b';', Some(encoding_rs::WINDOWS_1251), false),
        "camp_ru.tsv" => (b'\t', None, true),
        _ => (b',', None, false),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    writer.write_record(&list.header)?;
    for (row, _) in &list.rows {
        writer.write_record(row)?;
    }
    let text = String::from_utf8(writer.into_inner().context("csv buffer")?)?;
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice(b"\xef\xbb\xbf");
    }
    match encoding {
        Some(enc) => {
            // The Ukrainian apostrophe as a modifier letter (U+02BC) has no
            // Windows-1251 byte; office software of such lists writes the
            // right single quotation mark it does have.
            let text = text.replace('\u{02BC}', "\u{2019}");
            let (encoded, _, unmappable) = enc.encode(&text);
            if unmappable {
                let (line, c) = text
                    .lines()
                    .enumerate()
                    .find_map(|(n, l)| {
                        l.chars()
                            .find(|c| enc.encode(&c.to_string()).2)
                            .map(|c| (n + 1, c))
                    })
                    .unwrap_or((0, '?'));
                bail!(
                    "{}: {c:?} (U+{:04X}) on line {line} has no Windows-1251 form",
                    list.file,
                    c as u32
                );
            }
            bytes.extend_from_slice(&encoded);
        }
        None => bytes.extend_from_slice(text.as_bytes()),
    }
    let mut file =
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    file.write_all(&bytes)?;
    Ok(())
}

fn cross_lists(pools: &Pools, children: usize, rng: &mut StdRng) -> Vec<List> {
    let kids = population(pools, children, rng);
    let mut uk = List {
        file: "missing_uk.csv",
        id: |n| n.to_string(),
        header: vec![
            "№",
            "Прізвище",
            "Ім'я",
            "По батькові",
            "Дата народження",
            "Стать",
            "Населений пункт",
        ],
        rows: Vec::new(),
    };
    let mut ru = List {
        file: "camp_ru.tsv",
        id: |n| format!("{n}"),
        header: vec!["№ п/п", "ФИО", "Возраст", "Пол", "Откуда прибыл"],
        rows: Vec::new(),
    };
    let mut latin = List {
        file: "site_latin.csv",
        id: |n| format!("L-{n:06}"),
        header: vec!["Record", "Full name", "Date of birth", "Sex", "Home town"],
        rows: Vec::new(),
    };
    let camp_date = NaiveDate::from_ymd_opt(2023, 8, 15).unwrap_or_default();
    // Families travel together: presence in a list is drawn per family
    // most of the time.
    let mut family_draw: Vec<[f64; 3]> = Vec::new();
    for (k, child) in kids.iter().enumerate() {
        if family_draw.len() < child.family {
            family_draw.resize(child.family, [0.0; 3]);
            family_draw[child.family - 1] = [rng.gen(), rng.gen(), rng.gen()];
        }
        let mut draw = family_draw[child.family - 1];
        if rng.gen_bool(0.3) {
            draw = [rng.gen(), rng.gen(), rng.gen()];
        }
        let mut present = [draw[0] < 0.72, draw[1] < 0.5, draw[2] < 0.4];
        if !present.iter().any(|p| *p) {
            present[rng.gen_range(0..3)] = true;
        }
        if present[0] {
            for _ in 0..1 + usize::from(rng.gen_bool(UK_STYLE.duplicate)) {
                let [mut surname, mut given, patro] = names(child, false, &UK_STYLE, rng);
                if rng.gen_bool(UK_STYLE.swap_names) {
                    std::mem::swap(&mut surname, &mut given);
                }
                let birth = if rng.gen_bool(UK_STYLE.missing_birth) {
                    String::new()
                } else {
                    slipped_birth(child.birth, &UK_STYLE.date_slips, rng)
                        .format("%d.%m.%Y")
                        .to_string()
                };
                let sex = sex_word(child.boy, ["ч", "ж"], &UK_STYLE, rng);
                let place = if rng.gen_bool(UK_STYLE.missing_place) {
                    String::new()
                } else {
                    pools.places[child.place].uk.clone()
                };
                let id = String::new();
                uk.rows
                    .push((vec![id, surname, given, patro, birth, sex, place], k));
            }
        }
        if present[1] {
            for _ in 0..1 + usize::from(rng.gen_bool(RU_STYLE.duplicate)) {
                let [surname, given, patro] = names(child, true, &RU_STYLE, rng);
                let full = if rng.gen_bool(RU_STYLE.swap_names) {
                    format!("{given} {surname}")
                } else if patro.is_empty() {
                    format!("{surname} {given}")
                } else {
                    format!("{surname} {given} {patro}")
                };
                let age = if rng.gen_bool(RU_STYLE.missing_birth) {
                    String::new()
                } else {
                    stated_age(child.birth, camp_date, rng).to_string()
                };
                let sex = sex_word(child.boy, ["м", "ж"], &RU_STYLE, rng);
                let place = if rng.gen_bool(RU_STYLE.missing_place) {
                    String::new()
                } else {
                    pools.places[child.place].ru.clone()
                };
                let id = String::new();
                ru.rows.push((vec![id, full, age, sex, place], k));
            }
        }
        if present[2] {
            for _ in 0..1 + usize::from(rng.gen_bool(LATIN_STYLE.duplicate)) {
                let (scheme, russian) = pick_scheme(rng);
                let [surname, given, _] = names(child, russian, &LATIN_STYLE, rng);
                let (surname, given) = (
                    transliterate(&surname, scheme),
                    transliterate(&given, scheme),
                );
                let full = match rng.gen_range(0..100) {
                    0..=59 => format!("{given} {surname}"),
                    60..=84 => format!("{} {given}", surname.to_uppercase()),
                    _ => format!("{surname} {given}"),
                };
                let full = if rng.gen_bool(LATIN_STYLE.swap_names) {
                    format!("{surname} {given}")
                } else {
                    full
                };
                let birth = if rng.gen_bool(LATIN_STYLE.missing_birth) {
                    String::new()
                } else {
                    let date = slipped_birth(child.birth, &LATIN_STYLE.date_slips, rng);
                    if rng.gen_bool(0.7) {
                        date.format("%d.%m.%Y").to_string()
                    } else {
                        date.format("%Y-%m-%d").to_string()
                    }
                };
                let sex = sex_word(child.boy, ["M", "F"], &LATIN_STYLE, rng);
                let place = if rng.gen_bool(LATIN_STYLE.missing_place) {
                    String::new()
                } else {
                    pools.places[child.place].en.clone()
                };
                let id = String::new();
                latin.rows.push((vec![id, full, birth, sex, place], k));
            }
        }
    }
    vec![uk, ru, latin]
}

/// One Latin list in which most children appear more than once, each
/// record romanised on its own (as records gathered from several sources).
fn latin_dedupe(pools: &Pools, records: usize, rng: &mut StdRng) -> List {
    let mut list = List {
        file: "latin_dedupe.csv",
        id: |n| format!("rec-{n:07}"),
        header: vec![
            "rec_id",
            "first_name",
            "last_name",
            "middle_name",
            "dob",
            "gender",
            "city",
        ],
        rows: Vec::with_capacity(records),
    };
    let style = ListStyle {
        drop_patronymic: 0.6,
        ..LATIN_STYLE
    };
    // Enough children for the wanted records at about 1.9 records each.
    let kids = population(pools, records * 10 / 19 + 1, rng);
    let mut k = 0;
    while list.rows.len() < records && k < kids.len() {
        let child = &kids[k];
        let copies = match rng.gen_range(0..100) {
            0..=44 => 1,
            45..=74 => 2,
            75..=89 => 3,
            90..=96 => 4,
            _ => 5,
        };
        for _ in 0..copies {
            if list.rows.len() == records {
                break;
            }
            let (scheme, russian) = pick_scheme(rng);
            let [surname, given, patro] = names(child, russian, &style, rng);
            let [mut surname, mut given, patro] =
                [surname, given, patro].map(|t| transliterate(&t, scheme));
            if rng.gen_bool(style.swap_names) {
                std::mem::swap(&mut surname, &mut given);
            }
            let dob = if rng.gen_bool(style.missing_birth) {
                String::new()
            } else {
                slipped_birth(child.birth, &style.date_slips, rng)
                    .format("%Y-%m-%d")
                    .to_string()
            };
            let sex = sex_word(child.boy, ["M", "F"], &style, rng);
            let city = if rng.gen_bool(style.missing_place) {
                String::new()
            } else {
                pools.places[child.place].en.clone()
            };
            let id = String::new();
            list.rows
                .push((vec![id, given, surname, patro, dob, sex, city], k));
        }
        k += 1;
    }
    list
}
