//! Generates a synthetic cross-script registry of children, deterministic
//! from a seed, with the truth in a `child` column.
//!
//! The name pool is meant to be as varied as real Ukrainian registries, so
//! that look-alike children are about as rare as in real lists:
//! - given names: every group of the `casefile-names` table (about 130 per
//!   sex, with their Ukrainian, Russian and Belarusian forms), drawn with a
//!   Zipf–Mandelbrot frequency (a few names carry much of the population, as
//!   Oleksandr, Maksym or Sofiia do), plus 2% rare names built from
//!   syllables that no table knows;
//! - surnames: a root (about 300 real Ukrainian roots, then 4,000 built
//!   from syllables for the long tail) plus a suffix weighted by how common
//!   it is (‑енко most), giving about a hundred thousand distinct surnames
//!   with a Zipf–Mandelbrot frequency over roots; girls get the feminine
//!   form of adjectival and possessive surnames (‑ська, ‑ова);
//! - birth dates uniform over 2005–2022, 24 birthplaces in the occupied
//!   and front-line regions.
//!
//! No public name list with a clear licence was at hand as a package, so
//! the pool is composed (roots written for this project, syllables drawn
//! from a fixed seed); it is the same for every `--seed`.
//!
//! Each child then appears in one to four records, each written the way a
//! different kind of list would write it: Ukrainian Cyrillic, Russian
//! Cyrillic (Russian name forms and spelling), Belarusian Cyrillic (‑енка,
//! ‑оў, ы), or Latin under one of the romanisation standards of
//! `casefile-names` (Ukrainian national, Russian BGN/PCGN, ISO 9, passport,
//! Belarusian national and BGN/PCGN, German and French press styles),
//! romanising the form its source list used. Records then get typos,
//! missing fields, ages on a list date instead of birth dates, transposed
//! day and month, swapped name columns, and whole names in one cell.
//!
//! Two things real lists do that exercise the linker's weaker levels:
//! - informal given names: 8% of Latin captions and 3% of Cyrillic lists
//!   write a diminutive instead of the full name (about 4% of records),
//!   drawn from the child's group in the `casefile-names` table (Саша,
//!   Сашко, Діма, Настя; Latin captions romanise it: Sasha, Sashko, Dima,
//!   Nastia). Ukrainian lists take forms without Russian letters (ё, ы, э),
//!   Russian and Belarusian lists forms without Ukrainian ones (і, ї, є, ');
//!   a group without such a form keeps the full name;
//! - ages off by one: of the records that give an age instead of a birth
//!   date (20%), 20% give the age "as of the year" (list year minus birth
//!   year, one too many when the birthday had not come yet) and 10% an age
//!   taken on a survey date one to eleven months before the list date it
//!   is stated on (one too few when a birthday fell between); about 12%
//!   of the aged records, 2.5% of all, carry an age one off (measured on
//!   100k records, seed 1).
//!
//! Usage: gen-registries --records N [--seed S] --out FILE.csv
//! Map for the linker: id=id,surname=surname,given=given,patronymic=patronymic,
//! full_name=full_name,sex=sex,birth_date=birth_date,age=age,age_at=age_at,birthplace=birthplace

// Many small allocations (one string per cell of a million rows) are a
// visible share of the run time with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;

use anyhow::{Context, Result};
use casefile_names::{transliterate, Scheme};
use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

/// Real Ukrainian surname roots (occupations, animals, plants, trades,
/// places and the given names most patronymic surnames come from), written
/// here for this project. A surname is a root plus a suffix; with the
/// syllable-built roots below they give about a hundred thousand distinct
/// surnames, drawn with a Zipf–Mandelbrot frequency so that, as in real
/// registries, a few are common and most are rare.
const REAL_ROOTS: &[&str] = &[
    "Коваль",
    "Шевч",
    "Бондар",
    "Ткач",
    "Кравч",
    "Мельн",
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
    "Захар",
    "Мороз",
    "Гриш",
    "Тимош",
    "Яковл",
    "Остап",
    "Семен",
    "Гриц",
    "Дорош",
    "Панас",
    "Голуб",
    "Гайдам",
    "Мартин",
    "Назар",
    "Онищ",
    "Прокоп",
    "Роман",
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
    "Чорн",
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
    "Білоус",
    "Білик",
    "Бабич",
    "Волош",
    "Гаврил",
    "Герасим",
    "Глушк",
    "Гордій",
    "Гуцал",
    "Демч",
    "Дідух",
    "Довгал",
    "Дубов",
    "Дудар",
    "Журавл",
    "Заїч",
    "Зайц",
    "Іщ",
    "Калин",
    "Кармазин",
    "Кирич",
    "Козак",
    "Колесн",
    "Коломі",
    "Конон",
    "Корн",
    "Костюч",
    "Котл",
    "Кривонос",
    "Крук",
    "Кулик",
    "Купч",
    "Лаврин",
    "Левч",
    "Лесик",
    "Лобод",
    "Мазур",
    "Малик",
    "Мамч",
    "Маруш",
    "Матві",
    "Мед",
    "Мисник",
    "Мірошнич",
    "Мовчан",
    "Нагорн",
    "Новик",
    "Носач",
    "Овчар",
    "Огій",
    "Оліфір",
    "Опанас",
    "Орлик",
    "Осипч",
    "Охрім",
    "Панч",
    "Пасічн",
    "Пащ",
    "Перепелиц",
    "Півн",
    "Підгорн",
    "Пономар",
    "Попов",
    "Присяжн",
    "Проц",
    "Пугач",
    "Пшеничн",
    "Рев",
    "Резнич",
    "Рябокон",
    "Сагайдач",
    "Свирид",
    "Середа",
    "Сердюч",
    "Синиц",
    "Скляр",
    "Сліпч",
    "Сокол",
    "Сорок",
    "Сохан",
    "Степан",
    "Стець",
    "Сулим",
    "Сушк",
    "Тарас",
    "Теслен",
    "Тимч",
    "Товстух",
    "Тріщ",
    "Турч",
    "Фесен",
    "Філон",
    "Хмар",
    "Ходак",
    "Цимбал",
    "Чабан",
    "Чуприн",
    "Шаповал",
    "Швец",
    "Шуст",
    "Яким",
    "Ярош",
    "Явор",
    "Бурлак",
    "Бугай",
    "Вакул",
    "Верес",
    "Вишн",
    "Гладк",
    "Горб",
    "Горобц",
    "Грабар",
    "Гребен",
    "Гук",
    "Дзюб",
    "Дробот",
    "Дяк",
    "Завгородн",
    "Задорож",
    "Запорож",
    "Зубар",
    "Іваниш",
    "Кваш",
    "Климч",
    "Ковтун",
    "Козач",
    "Копил",
    "Корол",
    "Косач",
    "Куц",
    "Лисак",
    "Мандрик",
    "Маринич",
    "Мовч",
    "Наумч",
    "Нечипор",
    "Оберем",
    "Павлиш",
    "Пархом",
    "Рак",
    "Решетн",
    "Савр",
    "Сивак",
    "Скрипн",
    "Смаг",
    "Тищ",
    "Фед",
    "Хомич",
    "Цвірк",
    "Черкас",
    "Чумак",
    "Шинкар",
    "Шкурат",
    "Юхим",
    "Яцен",
    "Бережн",
    "Бистр",
    "Бут",
    "Ващ",
    "Величк",
    "Вербиц",
    "Гаврилюч",
    "Гайов",
    "Гетьман",
    "Головач",
    "Гонт",
    "Грин",
    "Гуменн",
    "Дем'ян",
    "Добров",
    "Дячк",
    "Жовт",
    "Жураків",
    "Заболотн",
    "Засух",
    "Зелен",
    "Кал",
    "Кирилен",
    "Кісіль",
    "Коз",
    "Коцюб",
    "Кріп",
    "Кучер",
    "Лагод",
    "Легк",
    "Лозов",
    "Луц",
    "Макух",
    "Марущак",
    "Мельничук",
    "Мох",
];
/// Onsets, vowels and codas of the syllable-built roots (the long tail of
/// rare surnames that no list of real roots covers).
const ONSETS: &[&str] = &[
    "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "х", "ч", "ш", "бр",
    "гр", "др", "кр", "пр", "тр", "ст", "ск", "сл", "шв", "хв", "дз", "гл", "пл", "бл",
];
const VOWELS: &[&str] = &["а", "о", "у", "е", "и", "і", "я", "ю"];
const CODAS: &[&str] = &[
    "к", "л", "н", "р", "с", "ш", "ч", "х", "т", "д", "в", "м", "нч", "рт", "льч", "ль", "рд",
];
/// Surname suffixes with their relative frequency (‑енко is the commonest
/// Ukrainian ending; an empty suffix leaves the bare root, as in Мороз).
const SUFFIXES: &[(&str, u32)] = &[
    ("енко", 25),
    ("ук", 8),
    ("юк", 5),
    ("чук", 7),
    ("ак", 4),
    ("ик", 4),
    ("ко", 3),
    ("ець", 4),
    ("ський", 7),
    ("цький", 2),
    ("ович", 3),
    ("ів", 2),
    ("ишин", 2),
    ("ан", 2),
    ("ун", 2),
    ("", 10),
    ("ов", 3),
    ("ин", 2),
    ("ич", 3),
    ("як", 2),
    ("ило", 1),
    ("ега", 1),
];
/// Roots built from syllables, beyond the real ones.
const SYLLABLE_ROOTS: usize = 4000;
/// Share of children with a given name outside the name table (rare and
/// foreign names), built from syllables.
const RARE_GIVEN_SHARE: f64 = 0.02;
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
    ("Запоріжжя", "Запорожье", "Запарожжа"),
    ("Миколаїв", "Николаев", "Мікалаеў"),
    ("Олешки", "Алешки", "Аляшкі"),
    ("Скадовськ", "Скадовск", "Скадоўск"),
    ("Генічеськ", "Геническ", "Генічаск"),
    ("Рубіжне", "Рубежное", "Рубяжное"),
    ("Кремінна", "Кременная", "Крэмянная"),
    ("Алчевськ", "Алчевск", "Алчэўск"),
    ("Токмак", "Токмак", "Такмак"),
    ("Волноваха", "Волноваха", "Валнаваха"),
    ("Бахмут", "Бахмут", "Бахмут"),
    ("Куп'янськ", "Купянск", "Купянск"),
];
const LATIN_SCHEMES: [Scheme; 8] = [
    Scheme::UkNational2010,
    Scheme::RuBgnPcgn,
    Scheme::RuIso9,
    Scheme::RuPassport,
    Scheme::InformalGerman,
    Scheme::InformalFrench,
    Scheme::BeNational,
    Scheme::BeBgnPcgn,
];

/// (Ukrainian, Russian, Belarusian) forms of one name.
type Forms = [String; 3];

/// A given name: its forms and its group's diminutives (none for rare names).
#[derive(Clone)]
struct GivenName {
    forms: Forms,
    diminutives: &'static [String],
}

/// Share of Latin captions that write a diminutive instead of the full name.
const LATIN_DIMINUTIVE_SHARE: f64 = 0.08;
/// Share of Cyrillic lists that do.
const CYRILLIC_DIMINUTIVE_SHARE: f64 = 0.03;
/// Share of aged records whose age is reckoned as list year − birth year.
const AGE_AS_OF_YEAR_SHARE: f64 = 0.20;
/// Share of aged records whose age was taken on an earlier survey date.
const AGE_STALE_SHARE: f64 = 0.10;

struct Child {
    boy: bool,
    given: GivenName,
    /// Ukrainian surname in the child's own (grammatical) gender.
    surname: String,
    father: GivenName,
    birth: NaiveDate,
    place: usize,
}

/// Draws index `k` of `n` with weight 1/(k+q)^s: a few values are common,
/// most are rare (the shape of real name frequencies).
struct ZipfMandelbrot {
    weighted: casefile_bench::Weighted,
}

impl ZipfMandelbrot {
    fn new(n: usize, q: f64, s: f64) -> ZipfMandelbrot {
        ZipfMandelbrot {
            weighted: casefile_bench::Weighted::new(
                (0..n).map(|k| 1.0 / (k as f64 + 1.0 + q).powf(s)),
            ),
        }
    }

    fn draw(&self, rng: &mut StdRng) -> usize {
        self.weighted.draw(rng)
    }
}

/// The names children are drawn from: the given-name groups of
/// `casefile-names` (about 130 per sex, commonest first) plus rare
/// syllable-built names, and surnames as root × suffix.
struct NamePool {
    boys: Vec<GivenName>,
    girls: Vec<GivenName>,
    boys_zipf: ZipfMandelbrot,
    girls_zipf: ZipfMandelbrot,
    roots: Vec<String>,
    roots_zipf: ZipfMandelbrot,
    suffix_total: u32,
}

fn has_any(word: &str, letters: &str) -> bool {
    word.to_lowercase().chars().any(|c| letters.contains(c))
}

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

fn is_belarusian(word: &str) -> bool {
    has_any(word, "ў") || (has_any(word, "і") && has_any(word, "ыэ")) || word.contains("дз")
}

/// The Ukrainian, Russian and Belarusian forms of a name group, from its
/// Cyrillic full forms in table order (Ukrainian first; a language whose
/// form is missing uses the Russian one, as Belarusian lists often do).
fn forms_of_group(full_forms: &[String]) -> Option<Forms> {
    let cyrillic: Vec<&String> = full_forms.iter().filter(|f| is_cyrillic(f)).collect();
    let uk = (*cyrillic.first()?).clone();
    let ru = cyrillic[1..]
        .iter()
        .find(|f| !has_any(f, "іїєґў'ʼ") && !is_belarusian(f))
        .map_or_else(|| russian_spelling(&uk), |f| (*f).clone());
    let be = cyrillic
        .iter()
        .find(|f| is_belarusian(f))
        .map_or_else(|| ru.clone(), |f| (*f).clone());
    Some([uk, ru, be])
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn syllable_word(rng: &mut StdRng, syllables: usize) -> String {
    let mut word = String::new();
    for _ in 0..syllables {
        word.push_str(ONSETS[rng.gen_range(0..ONSETS.len())]);
        word.push_str(VOWELS[rng.gen_range(0..VOWELS.len())]);
    }
    capitalised(&word)
}

impl NamePool {
    /// The pool is fixed (its own seed), so registries made with different
    /// `--seed`s share their names as real lists do.
    fn new() -> NamePool {
        let mut rng = StdRng::seed_from_u64(0x6e61_6d65);
        let (mut boys, mut girls) = (Vec::new(), Vec::new());
        for (sex, label, full_forms) in casefile_names::given_name_groups() {
            if let Some(forms) = forms_of_group(full_forms) {
                let forms = GivenName {
                    forms,
                    diminutives: casefile_names::given_name_diminutives(label),
                };
                match sex {
                    casefile_core::Sex::Male => boys.push(forms),
                    casefile_core::Sex::Female => girls.push(forms),
                }
            }
        }
        let mut roots: Vec<String> = REAL_ROOTS.iter().map(|r| r.to_string()).collect();
        let mut seen: std::collections::HashSet<String> = roots.iter().cloned().collect();
        while roots.len() < REAL_ROOTS.len() + SYLLABLE_ROOTS {
            let syllables = rng.gen_range(1..3);
            let mut root = syllable_word(&mut rng, syllables);
            root.push_str(CODAS[rng.gen_range(0..CODAS.len())]);
            if seen.insert(root.clone()) {
                roots.push(root);
            }
        }
        NamePool {
            boys_zipf: ZipfMandelbrot::new(boys.len(), 3.0, 1.0),
            girls_zipf: ZipfMandelbrot::new(girls.len(), 3.0, 1.0),
            boys,
            girls,
            roots_zipf: ZipfMandelbrot::new(roots.len(), 20.0, 1.0),
            roots,
            suffix_total: SUFFIXES.iter().map(|s| s.1).sum(),
        }
    }

    fn given(&self, boy: bool, rng: &mut StdRng) -> GivenName {
        if rng.gen_bool(RARE_GIVEN_SHARE) {
            let stem = syllable_word(rng, 2);
            let ending = if boy {
                ["ан", "ор", "ій", "им", "ест", "ен"][rng.gen_range(0..6)]
            } else {
                ["ана", "ина", "ія", "ета", "ора", "іна"][rng.gen_range(0..6)]
            };
            let uk = format!("{stem}{ending}");
            return GivenName {
                forms: [uk.clone(), russian_spelling(&uk), belarusian_spelling(&uk)],
                diminutives: &[],
            };
        }
        if boy {
            self.boys[self.boys_zipf.draw(rng)].clone()
        } else {
            self.girls[self.girls_zipf.draw(rng)].clone()
        }
    }

    fn surname(&self, boy: bool, rng: &mut StdRng) -> String {
        let root = &self.roots[self.roots_zipf.draw(rng)];
        let mut pick = rng.gen_range(0..self.suffix_total);
        let mut suffix = "";
        for &(s, weight) in SUFFIXES {
            if pick < weight {
                suffix = s;
                break;
            }
            pick -= weight;
        }
        // A soft sign does not stand before a vowel (Коваль + енко = Коваленко).
        let root = match root.strip_suffix('ь') {
            Some(hard) if suffix.starts_with(['е', 'у', 'ю', 'о', 'а', 'і', 'и', 'я']) => {
                hard
            }
            _ => root.as_str(),
        };
        let surname = format!("{root}{suffix}");
        if boy {
            return surname;
        }
        // Adjectival and possessive surnames have feminine forms.
        for (masculine, feminine) in [
            ("ський", "ська"),
            ("цький", "цька"),
            ("ов", "ова"),
            ("ин", "іна"),
        ] {
            if let Some(stem) = surname.strip_suffix(masculine) {
                if masculine == "ин" && surname.ends_with("ишин") {
                    break;
                }
                return format!("{stem}{feminine}");
            }
        }
        surname
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Ukrainian,
    Russian,
    Belarusian,
    Latin(Scheme),
}

/// Russian spelling of a Ukrainian name (the letters and endings Russian lacks).
fn russian_spelling(uk: &str) -> String {
    let mut ru = uk
        .replace("ський", "ский")
        .replace("цький", "цкий")
        .replace("ська", "ская")
        .replace("цька", "цкая")
        .replace("ць", "ц")
        .replace('\'', "")
        .replace(['ї', 'і'], "и")
        .replace('є', "е")
        .replace('І', "И")
        .replace('Є', "Е");
    if let Some(stem) = ru.strip_suffix("ив") {
        ru = format!("{stem}ов");
    }
    ru
}

/// Belarusian spelling of a Ukrainian name: и → ы, щ → шч, ‑енко → ‑енка,
/// the adjectival ‑ський → ‑скі, and a final в after a vowel → ў.
fn belarusian_spelling(uk: &str) -> String {
    let mut be = uk
        .replace("ський", "скі")
        .replace("цький", "цкі")
        .replace("ська", "ская")
        .replace("цька", "цкая")
        .replace('и', "ы")
        .replace('щ', "шч")
        .replace("енко", "енка")
        .replace('є', "е")
        .replace('ї', "і")
        .replace('\'', "");
    for (ending, written) in [("ов", "оў"), ("ев", "еў"), ("ів", "оў")] {
        if let Some(stem) = be.strip_suffix(ending) {
            be = format!("{stem}{written}");
        }
    }
    be
}

/// A diminutive of the name fit for a list in `language` (0 Ukrainian,
/// 1 Russian, 2 Belarusian), in Cyrillic; `None` when the group has none.
fn diminutive(name: &GivenName, language: usize, rng: &mut StdRng) -> Option<String> {
    let fits = |d: &&String| {
        is_cyrillic(d)
            && if language == 0 {
                !has_any(d, "ёыэ")
            } else {
                !has_any(d, "іїє'ʼ")
            }
    };
    let fitting: Vec<&String> = name.diminutives.iter().filter(fits).collect();
    fitting.choose(rng).map(|d| (*d).clone())
}

/// An age on `at` reckoned as a list would: whole years since birth, or
/// (off by one at times) as of the year, or taken on an earlier survey date.
fn stated_age(birth: NaiveDate, at: NaiveDate, rng: &mut StdRng) -> i32 {
    let whole_years = |on: NaiveDate| {
        let years = on.year() - birth.year();
        if (on.month(), on.day()) < (birth.month(), birth.day()) {
            years - 1
        } else {
            years
        }
    };
    let draw: f64 = rng.gen();
    if draw < AGE_AS_OF_YEAR_SHARE {
        at.year() - birth.year()
    } else if draw < AGE_AS_OF_YEAR_SHARE + AGE_STALE_SHARE {
        // A survey cannot precede the birth.
        whole_years((at - Duration::days(rng.gen_range(30..335))).max(birth))
    } else {
        whole_years(at)
    }
}

/// A patronymic from the father's name in the list's language.
fn patronymic(father: &str, boy: bool, russian: bool) -> String {
    let soft = father.ends_with(['й', 'ь']);
    let stem = father.trim_end_matches(['о', 'а', 'й', 'ь']).to_string();
    match (russian, boy, soft) {
        (false, true, true) => format!("{father}ович"),
        (false, true, false) => format!("{stem}ович"),
        (false, false, _) => format!("{stem}івна"),
        (true, true, true) => format!("{stem}евич"),
        (true, false, true) => format!("{stem}евна"),
        (true, true, false) => format!("{stem}ович"),
        (true, false, false) => format!("{stem}овна"),
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

/// Zipf-like index over a short list (birthplaces): small indices are more common.
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

/// Writes a synthetic cross-script registry of children.
#[derive(Debug, clap::Parser)]
struct Cli {
    /// Records to write.
    #[arg(long)]
    records: usize,
    /// Seed of the random draws (the same seed gives the same file).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output CSV.
    #[arg(long, value_name = "FILE.csv")]
    out: String,
}

fn main() -> Result<()> {
    let cli = <Cli as clap::Parser>::parse();
    let (records, seed, out) = (cli.records, cli.seed, cli.out);
    let mut rng = StdRng::seed_from_u64(seed);
    let pool = NamePool::new();
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
        let child = Child {
            boy,
            given: pool.given(boy, &mut rng),
            surname: pool.surname(boy, &mut rng),
            father: pool.given(true, &mut rng),
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
    let forms = &child.given.forms;
    let father = &child.father.forms;
    let place = PLACES[child.place];
    // The language of the list (a Latin copy romanises the form its source
    // list used).
    let language = match style {
        Style::Russian | Style::Latin(Scheme::RuBgnPcgn | Scheme::RuIso9 | Scheme::RuPassport) => 1,
        Style::Belarusian | Style::Latin(Scheme::BeNational | Scheme::BeBgnPcgn) => 2,
        _ => 0,
    };
    let cyrillic_surname = match language {
        1 => russian_spelling(&child.surname),
        2 => belarusian_spelling(&child.surname),
        _ => child.surname.clone(),
    };
    let cyrillic_patronymic = patronymic(&father[language], child.boy, language != 0);
    let cyrillic_place = [place.0, place.1, place.2][language];
    let informal_share = match style {
        Style::Latin(_) => LATIN_DIMINUTIVE_SHARE,
        _ => CYRILLIC_DIMINUTIVE_SHARE,
    };
    let cyrillic_given = if rng.gen_bool(informal_share) {
        diminutive(&child.given, language, rng).unwrap_or_else(|| forms[language].clone())
    } else {
        forms[language].clone()
    };
    let cyrillic = [
        cyrillic_given,
        cyrillic_surname,
        cyrillic_patronymic,
        cyrillic_place.to_string(),
    ];
    let [mut given, mut surname, mut patro, place] = match style {
        Style::Latin(scheme) => cyrillic.map(|text| transliterate(&text, scheme)),
        _ => cyrillic,
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
            age = stated_age(child.birth, at, rng).to_string();
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
