//! Places, facilities and organisations by their words, not only persons.
//!
//! A children's camp or a ministry is named in Russian, Ukrainian,
//! Belarusian and English, transliterated or translated word by word
//! ("Лесная сказка" / "Лісова казка" / "Lesnaya Skazka" / "Forest Fairy Tale
//! camp"), with or without a descriptor ("camp", "санаторий", "оздоровчий
//! табір"), and organisations by acronyms that differ between languages
//! (МВД / MVD / Ministry of Internal Affairs). This module reads such names
//! into *units*: a generic word becomes its concept from
//! `data/generic_words.tsv` (so a translation and a transliteration meet),
//! any other word stays a word compared by transliteration, a country
//! qualifier ("of Russia", "України") is set apart, and connecting words
//! are dropped.
//!
//! - [`compare_place`]: a place or facility name without the gazetteer
//!   (`casefile-extract` looks places up first): descriptors dropped, generic
//!   words translated, a name adjective read as its place when a descriptor
//!   shows it names a facility ("Бердянский санаторий" / "Berdiansk
//!   sanatorium"), then the word-by-word place rules of [`crate::compare`]
//!   (every word must find a partner; Nova Kakhovka is not Kakhovka; a city
//!   is not its district).
//! - [`compare_organization`]: countries must agree when both name one; an
//!   acronym is compared with an acronym by its letters and with a written
//!   name by the initials that name has in each of the four languages
//!   (Министерство внутренних дел → МВД, Міністерство внутрішніх справ →
//!   МВС, Ministry of Internal Affairs → MIA, and in Russian МВД); otherwise
//!   every unit must find a partner.
//! - [`compare_kind`]: one entry point by [`NameKind`]; persons go to
//!   [`crate::compare`] unchanged.
//!
//! Session 25 (issue 16), mechanisms rather than words of failed pairs. An
//! organisation's name is read with every word in any case: a word the
//! table does not list as written is looked up by its stem, the word less a
//! uk/ru/be case ending (`data/case_endings.txt`; "Міністэрствам унутраных
//! спраў"); places keep their words as written (a town's adjective is no
//! generic word). A compound abbreviation may have several clipped parts
//! (Держмитслужба) and may leave out the kind of state body
//! (`data/body_kinds.txt`: Держстат / Державна служба статистики). An
//! acronym takes the initials of any listed form of each word (ВРП: Вища
//! рада правосуддя) and may stand for a run of the other name's words
//! beside other words (Генштаб ЗСУ). Legal forms (ТОВ / ООО / LLC) are
//! optional words that translate; the kind before a quoted name ("партия
//! «…»") may be left out when nothing else is; a form of two lines is the
//! word in an organisation's name and the descriptor in a place's (health).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::compare::{place_score, step, token_similarity, Comparison, Step};
use crate::key::{fold_latin, is_cyrillic_text, token_keys};
use crate::translit::{transliterate, Scheme};

const TABLE_TSV: &str = include_str!("../data/generic_words.tsv");
const CASE_ENDINGS: &str = include_str!("../data/case_endings.txt");
const BODY_KINDS: &str = include_str!("../data/body_kinds.txt");

/// Whether a unit is a generic word of what kind of state body a name is
/// (`data/body_kinds.txt`: service, committee, agency).
fn is_body_kind(u: &Unit) -> bool {
    static KINDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        BODY_KINDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    concept_of(u).is_some_and(|c| kinds.contains(&c))
}

/// What a name names: the comparison rules differ by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    /// A person (the default): surname, given name, patronymic.
    #[default]
    Person,
    /// A settlement, region or facility (camp, sanatorium).
    Place,
    /// An organisation: ministry, agency, party, charity, outlet.
    Organization,
}

impl NameKind {
    /// Every kind, in a stable order.
    pub const ALL: [NameKind; 3] = [NameKind::Person, NameKind::Place, NameKind::Organization];

    /// The kind's name as the CLI and JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Place => "place",
            NameKind::Organization => "organization",
        }
    }
}

/// A kind name that is none of person, place, organization.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown name kind {0:?}: expected person, place or organization")]
pub struct UnknownKind(pub String);

impl std::str::FromStr for NameKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "person" | "persons" | "people" => Ok(NameKind::Person),
            "place" | "places" | "location" | "facility" => Ok(NameKind::Place),
            "organization" | "organisation" | "organizations" | "organisations" | "org" => {
                Ok(NameKind::Organization)
            }
            _ => Err(UnknownKind(s.to_string())),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Descriptor,
    Stop,
    Word,
    Optional,
    Country,
    Prefix,
}

/// Languages of the table's columns, in order.
const LANGS: [&str; 4] = ["en", "uk", "ru", "be"];

struct Line {
    class: Class,
    concept: String,
    /// Forms per language (en, uk, ru, be), the usual form first.
    forms: [Vec<String>; 4],
}

struct Table {
    lines: Vec<Line>,
    /// Keys of a form's words joined by a space → lines, in file order.
    phrases: HashMap<String, Vec<usize>>,
    /// Longest form in words.
    max_words: usize,
    /// Keys of one-word forms of word, optional and descriptor lines, for
    /// compound abbreviations (драмтеатр: драм + театр).
    /// With each its lowercase Cyrillic spelling (empty for a Latin form):
    /// a Cyrillic compound is cut into parts by its letters, not by keys,
    /// whose digraphs may straddle two parts (Держмитслужба: мит + служба).
    word_forms: Vec<(String, usize, String)>,
    /// Prefix key → line of its concept, with the prefix's lowercase
    /// Cyrillic spelling (empty for a Latin one).
    prefixes: Vec<(String, usize, String)>,
    /// Keys of the stems ([`stem`]) of a Cyrillic form's words joined by a
    /// space → lines: the same words in another case.
    stem_phrases: HashMap<String, Vec<usize>>,
}

/// Case endings of uk/ru/be nouns and adjectives, longest first.
pub(crate) fn case_endings() -> &'static [String] {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut v: Vec<String> = CASE_ENDINGS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
        v.dedup();
        v
    })
}

/// The stem of a Cyrillic word: the word less the longest case ending
/// (`data/case_endings.txt`) that leaves three letters or more. Every word
/// of an organisation's name is declined with the name ("Міністэрствам
/// унутраных спраў", "Верховним Судом"), so a word is looked up by its stem
/// when its form is not listed. `None` for a Latin word or one too short.
fn stem(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if !is_cyrillic_text(&lower) || lower.chars().count() < 4 {
        return None;
    }
    let n = lower.chars().count();
    case_endings()
        .iter()
        .find(|e| lower.ends_with(e.as_str()) && n - e.chars().count() >= 3)
        .map(|e| lower[..lower.len() - e.len()].to_string())
        .or(Some(lower))
}

/// A Cyrillic word lowercased without apostrophes, for cutting compounds;
/// empty for a Latin one.
fn cyrillic_spelling(word: &str) -> String {
    if !is_cyrillic_text(word) {
        return String::new();
    }
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key a word is looked up by in another case: its stem's key.
fn stem_key(word: &str) -> Option<String> {
    stem(word).map(|s| word_key(&s)).filter(|k| !k.is_empty())
}

fn word_key(word: &str) -> String {
    crate::key::primary_key(word)
}

/// The words of an organisation's or a place's name: split at spaces,
/// hyphens, quotes, brackets and punctuation, keeping only pieces with a
/// letter or digit.
pub fn split_words(s: &str) -> Vec<&str> {
    s.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | ',' | '«' | '»' | '"' | '“' | '”' | '„' | '(' | ')' | '.' | '/' | ':' | ';'
            )
    })
    .filter(|w| w.chars().any(char::is_alphanumeric))
    .collect()
}

fn build() -> Table {
    let mut lines = Vec::new();
    let mut phrases = HashMap::new();
    let mut max_words = 1;
    let mut word_forms = Vec::new();
    let mut prefixes = Vec::new();
    let mut stem_phrases = HashMap::new();
    for raw in TABLE_TSV.lines() {
        let raw = raw.trim_end();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        if cols.len() < 6 {
            continue;
        }
        let class = match cols[0] {
            "descriptor" => Class::Descriptor,
            "stop" => Class::Stop,
            "optional" => Class::Optional,
            "country" => Class::Country,
            "prefix" => Class::Prefix,
            _ => Class::Word,
        };
        let forms: [Vec<String>; 4] = std::array::from_fn(|i| {
            cols[2 + i]
                .split('|')
                .map(|f| f.trim().to_lowercase())
                .filter(|f| !f.is_empty())
                .collect()
        });
        let idx = lines.len();
        if class == Class::Prefix {
            // A prefix names the concept of the word line with the same label.
            for f in forms.iter().flatten() {
                prefixes.push((word_key(f), idx, cyrillic_spelling(f)));
            }
        } else {
            for f in forms.iter().flatten() {
                let words: Vec<String> = split_words(f).into_iter().map(word_key).collect();
                if words.is_empty() {
                    continue;
                }
                max_words = max_words.max(words.len());
                if words.len() == 1
                    && matches!(class, Class::Word | Class::Optional | Class::Descriptor)
                {
                    word_forms.push((words[0].clone(), idx, cyrillic_spelling(f)));
                }
                let lines_of = phrases.entry(words.join(" ")).or_insert_with(Vec::new);
                if !lines_of.contains(&idx) {
                    lines_of.push(idx);
                }
                // Connecting words are short and listed whole; a generic
                // word of a Cyrillic form is found in every case.
                let stems: Option<Vec<String>> = split_words(f).into_iter().map(stem_key).collect();
                if let (Some(stems), false) = (stems, class == Class::Stop) {
                    let lines_of = stem_phrases.entry(stems.join(" ")).or_insert_with(Vec::new);
                    if !lines_of.contains(&idx) {
                        lines_of.push(idx);
                    }
                }
            }
        }
        lines.push(Line {
            class,
            concept: cols[1].to_string(),
            forms,
        });
    }
    Table {
        lines,
        phrases,
        max_words,
        word_forms,
        prefixes,
        stem_phrases,
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// One unit of a name.
#[derive(Debug, Clone)]
enum Unit {
    /// A generic word (or phrase) read as its concept; `text` as written.
    Concept { line: usize, text: String },
    /// Any other word, compared by transliteration.
    Word(String),
    /// An acronym as written (МВД, ICC).
    Acronym(String),
}

/// A name read into units.
#[derive(Debug, Clone, Default)]
struct Reading {
    units: Vec<Unit>,
    /// Countries named as qualifiers (concept labels), with the words.
    countries: Vec<(String, String)>,
    /// Whether a descriptor (camp, санаторий) was dropped.
    had_descriptor: bool,
    /// Descriptor words dropped, as written.
    descriptors: Vec<String>,
    /// Per unit, whether its word stands right before a quoted part: a
    /// word that says what kind of body the quoted name is ("партия «…»",
    /// "фонд «…»"; not the adjectives before it).
    before_quote: Vec<bool>,
    /// Whether the name is one compound abbreviation (Держстат), which
    /// leaves out the words of its body's kind (служба, комитет).
    compound: bool,
}

fn is_acronym(word: &str, all_caps_name: bool) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.len();
    !all_caps_name
        && ((2..=6).contains(&n) && letters.iter().all(|c| c.is_uppercase())
            || clipped_head(word).is_some())
}

/// Session 28: the clipped first word of a syllabic acronym, one whose
/// first part is a word's first letters and the rest initials in capitals
/// (БелАЗ: Белорусский автомобильный завод; ГрГУ: Гродненский
/// государственный университет): "Бел", "Гр". Such an acronym ends in a
/// capital, has three to eight letters, two capitals or more, and lower
/// case only in a first part of at most four letters (ДніпроГЕС is a word
/// and an acronym, [`split_acronym_tail`]). `None` for other words.
fn clipped_head(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if !(3..=8).contains(&n) || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let head = 1 + chars[1..].iter().take_while(|c| c.is_lowercase()).count();
    let rest_upper = chars[head..].iter().all(|c| c.is_uppercase());
    (chars[0].is_uppercase() && (2..=4).contains(&head) && n - head >= 1 && rest_upper)
        .then(|| chars[..head].iter().collect())
}

/// The line a word sequence starting at `i` matches, longest first: (line,
/// words used). An acronym is never a connecting word (ООН has the key of "on").
fn match_phrase(
    keys: &[Vec<String>],
    stems: &[Option<String>],
    i: usize,
    acronym: bool,
    organisation: bool,
) -> Option<(usize, usize)> {
    let t = table();
    // A form of two lines (health: a camp's kind and a ministry's field) is
    // read in an organisation's name as the word, in a place's as the
    // descriptor, whichever the file lists first otherwise.
    let pick = |lines: &Vec<usize>| {
        let fits = |l: &usize| !(acronym && t.lines[*l].class == Class::Stop);
        lines
            .iter()
            .copied()
            .filter(fits)
            .find(|l| !organisation || t.lines[*l].class != Class::Descriptor)
            .or_else(|| lines.iter().copied().find(fits))
    };
    let longest = t.max_words.min(keys.len() - i);
    for len in (1..=longest).rev() {
        // Every combination of readings would be costly; the primary reading
        // of each word, and for one word every reading.
        if len == 1 {
            for k in &keys[i] {
                if let Some(line) = t.phrases.get(k).and_then(pick) {
                    return Some((line, 1));
                }
            }
            continue;
        }
        let joined = keys[i..i + len]
            .iter()
            .map(|k| k.first().map(String::as_str).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(line) = t.phrases.get(&joined).and_then(pick) {
            return Some((line, len));
        }
    }
    // The same words in another case, longest first; never an acronym's.
    if acronym {
        return None;
    }
    for len in (1..=longest).rev() {
        let Some(joined) = stems[i..i + len]
            .iter()
            .map(|s| s.as_deref())
            .collect::<Option<Vec<&str>>>()
        else {
            continue;
        };
        if let Some(line) = t.stem_phrases.get(&joined.join(" ")).and_then(pick) {
            return Some((line, len));
        }
    }
    None
}

/// A compound abbreviation, a word made of clipped words: the lines of its
/// parts in order (Минобороны: мин, обороны; Держстат: держ, стат(истики);
/// Роскомнадзор: рос, ком(итет), надзор). It opens with a listed prefix
/// (`prefix` lines), so that an ordinary name is never read as one (Агросвіт
/// is no агр(арний) and світ); each later part is a listed prefix or the
/// start, three letters or more, of a one-word form of the table (for a
/// Cyrillic word a Cyrillic form: стат is статистики, not the English
/// "state").
fn compound(word: &str) -> Option<Vec<usize>> {
    let t = table();
    // A compound abbreviation is a noun; a place's adjective ends in -ск-
    // and a case ending (Белгородской is no бел + городской).
    let lower = word.to_lowercase();
    let tail: String = lower
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if ["ск", "цк", "sk", "ck"].iter().any(|a| tail.contains(a)) {
        return None;
    }
    // A Cyrillic word is cut by its letters against the Cyrillic forms, a
    // Latin one by keys against every form.
    let cyrillic = is_cyrillic_text(&lower);
    let spelled = if cyrillic {
        cyrillic_spelling(word)
    } else {
        word_key(word)
    };
    for (key, pline, text) in &t.prefixes {
        let p = if cyrillic { text } else { key };
        if p.is_empty() {
            continue;
        }
        let Some(rest) = spelled.strip_prefix(p.as_str()) else {
            continue;
        };
        let Some(first) = prefix_target(*pline) else {
            continue;
        };
        // A letter the prefix ends in may begin the next part too, written
        // once (Rosstat in a key: ros + stat).
        let doubled = p.chars().last().map(|c| format!("{c}{rest}"));
        for rest in std::iter::once(rest.to_string()).chain(doubled) {
            // A settlement's word ends a town's name, not a compound
            // (Белгород, Райгород).
            let settles =
                |parts: &Vec<usize>| parts.iter().any(|l| t.lines[*l].concept == "settlement");
            if let Some(parts) =
                compound_parts(&rest, cyrillic, 0).filter(|p| !p.is_empty() && !settles(p))
            {
                let mut out = vec![first];
                out.extend(parts);
                return Some(out);
            }
        }
    }
    None
}

/// Whether a compound's last part is a descriptor of a facility, not of a
/// settlement: a place's name is read as a compound only then (драмтеатр:
/// драм + театр), since a town's may begin like one (Белгород, Райгород).
fn names_a_facility(lines: &[usize]) -> bool {
    let t = table();
    lines.last().is_some_and(|l| {
        t.lines[*l].class == Class::Descriptor && t.lines[*l].concept != "settlement"
    })
}

/// The line a prefix line stands for: the line of its concept that is a
/// word, a country or a descriptor (нац is "national").
fn prefix_target(pline: usize) -> Option<usize> {
    let t = table();
    let concept = &t.lines[pline].concept;
    t.lines.iter().position(|l| {
        &l.concept == concept && matches!(l.class, Class::Word | Class::Country | Class::Descriptor)
    })
}

/// The parts of the rest of a compound ([`compound`]), longest part first;
/// `None` when the rest cannot be read whole. `depth` bounds the search.
fn compound_parts(rest: &str, cyrillic: bool, depth: usize) -> Option<Vec<usize>> {
    let t = table();
    if rest.is_empty() {
        return Some(Vec::new());
    }
    if depth > 4 {
        return None;
    }
    let ends: Vec<usize> = rest
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([rest.len()])
        .collect();
    for &end in ends.iter().rev() {
        let (part, after) = rest.split_at(end);
        let found = if part.chars().count() >= 3 {
            t.word_forms
                .iter()
                .find(|(key, _, text)| {
                    if cyrillic {
                        text.starts_with(part)
                    } else {
                        key.starts_with(part)
                    }
                })
                .map(|(_, l, _)| *l)
        } else {
            None
        }
        .or_else(|| {
            t.prefixes
                .iter()
                .find(|(key, _, text)| if cyrillic { text == part } else { key == part })
                .and_then(|(_, l, _)| prefix_target(*l))
        });
        if let Some(line) = found {
            if let Some(mut more) = compound_parts(after, cyrillic, depth + 1) {
                more.insert(0, line);
                return Some(more);
            }
        }
    }
    None
}

thread_local! {
    /// Readings of the names compared lately, by name.
    static READINGS: std::cell::RefCell<rustc_hash::FxHashMap<String, std::rc::Rc<Reading>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Reads a name into units, kept per thread: a resolver compares each name
/// with many others, and the names of the organisations list with every
/// name that may be theirs.
fn read(name: &str) -> std::rc::Rc<Reading> {
    crate::key::memoised(&READINGS, name, |n| {
        std::rc::Rc::new(read_uncached(n, true))
    })
}

/// A place's or facility's name read without stems, and with compound
/// abbreviations only of a facility ([`names_a_facility`]): a town's name
/// may begin like one (Белгород is no бел + город),
/// and many are adjectives that a generic word's stem would swallow
/// (Шахтарськ, Шахтарське: шахтар-ськ-).
fn read_place(name: &str) -> std::rc::Rc<Reading> {
    crate::key::memoised(&PLACE_READINGS, name, |n| {
        std::rc::Rc::new(read_uncached(n, false))
    })
}

thread_local! {
    /// [`read_place`]'s readings, by name.
    static PLACE_READINGS: std::cell::RefCell<rustc_hash::FxHashMap<String, std::rc::Rc<Reading>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// `compounds`: an organisation's reading, with compound abbreviations and
/// words found by their stems in other cases.
fn read_uncached(name: &str, compounds: bool) -> Reading {
    let t = table();
    let (words, before) = words_and_quotes(name);
    let all_caps_name = words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 6)
        && words.iter().all(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        });
    let keys: Vec<Vec<String>> = words
        .iter()
        .map(|w| token_keys(w).iter().map(|k| k.key.clone()).collect())
        .collect();
    let stems: Vec<Option<String>> = words
        .iter()
        .map(|w| stem_key(w).filter(|_| compounds))
        .collect();
    // A name of acronyms only (МФОКК и КП) is one acronym: a legal form's
    // letters inside it are part of it.
    let acronyms_only = words
        .iter()
        .all(|w| is_acronym(w, all_caps_name) || w.chars().count() <= 2);
    let mut r = Reading::default();
    let mut i = 0;
    // Session 28: after "named after" (имени, імені, im.) a person's
    // initials are left out: "имени П. М. Машерова" and "имени Машерова"
    // name one person.
    let mut after_named = false;
    while i < words.len() {
        if after_named && words[i].chars().filter(|c| c.is_alphabetic()).count() == 1 {
            i += 1;
            continue;
        }
        after_named = false;
        let found = match_phrase(
            &keys,
            &stems,
            i,
            is_acronym(&words[i], all_caps_name),
            compounds,
        )
        .filter(|(line, _)| !(acronyms_only && t.lines[*line].class == Class::Optional));
        if let Some((line, used)) = found {
            let text = words[i..i + used].join(" ");
            let l = &t.lines[line];
            match l.class {
                Class::Stop => after_named = l.concept == "named",
                Class::Descriptor => {
                    r.had_descriptor = true;
                    r.descriptors.push(text.clone());
                    r.units.push(Unit::Concept { line, text });
                }
                Class::Country => r.countries.push((l.concept.clone(), text)),
                _ => r.units.push(Unit::Concept { line, text }),
            }
            i += used;
            r.before_quote.resize(r.units.len(), before[i - 1]);
            continue;
        }
        let w = words[i].as_str();
        if is_acronym(w, all_caps_name) {
            r.units.push(Unit::Acronym(w.to_string()));
        } else if let Some(lines) = compound(w).filter(|lines| compounds || names_a_facility(lines))
        {
            r.compound = words.len() == 1;
            for line in lines {
                let l = &t.lines[line];
                if l.class == Class::Country {
                    r.countries.push((l.concept.clone(), w.to_string()));
                } else {
                    r.units.push(Unit::Concept {
                        line,
                        text: w.to_string(),
                    });
                }
            }
        } else {
            r.units.push(Unit::Word(w.to_string()));
        }
        r.before_quote.resize(r.units.len(), before[i]);
        i += 1;
    }
    r
}

/// A word ending in an acronym written onto it (ДніпроГЕС, КиївЕнерго is
/// not one: one capital) as two words; other words as they are.
fn split_acronym_tail(word: &str) -> Vec<String> {
    if clipped_head(word).is_some() {
        return vec![word.to_string()];
    }
    let chars: Vec<char> = word.chars().collect();
    let tail = chars.iter().rev().take_while(|c| c.is_uppercase()).count();
    let head = chars.len() - tail;
    if tail >= 2 && head >= 3 && chars[head - 1].is_lowercase() {
        vec![
            chars[..head].iter().collect(),
            chars[head..].iter().collect(),
        ]
    } else {
        vec![word.to_string()]
    }
}

/// The words of a name as [`split_words`] cuts them, an acronym written
/// onto a word set apart ([`split_acronym_tail`]), each with whether it
/// is the word right before a quoted part (партия «…»: what kind of body
/// the quoted name is).
fn words_and_quotes(name: &str) -> (Vec<String>, Vec<bool>) {
    let mut words = Vec::new();
    let mut inside = Vec::new();
    let mut depth = 0usize;
    let mut straight = false;
    let mut start: Option<(usize, bool)> = None;
    let mut flush = |from: usize, to: usize, q: bool, words: &mut Vec<String>| {
        let piece = &name[from..to];
        if piece.chars().any(char::is_alphanumeric) {
            for w in split_acronym_tail(piece) {
                words.push(w);
                inside.push(q);
            }
        }
    };
    for (at, c) in name.char_indices() {
        let separator = c.is_whitespace()
            || matches!(
                c,
                '-' | ',' | '«' | '»' | '"' | '“' | '”' | '„' | '(' | ')' | '.' | '/' | ':' | ';'
            );
        if separator {
            if let Some((from, q)) = start.take() {
                flush(from, at, q, &mut words);
            }
            match c {
                '«' | '“' | '„' => depth += 1,
                '»' | '”' => depth = depth.saturating_sub(1),
                '"' => straight = !straight,
                _ => {}
            }
        } else if start.is_none() {
            start = Some((at, depth > 0 || straight));
        }
    }
    if let Some((from, q)) = start {
        flush(from, name.len(), q, &mut words);
    }
    let before = (0..inside.len())
        .map(|k| !inside[k] && inside.get(k + 1).copied().unwrap_or(false))
        .collect();
    (words, before)
}

fn concept_of(u: &Unit) -> Option<&'static str> {
    match u {
        Unit::Concept { line, .. } => Some(table().lines[*line].concept.as_str()),
        _ => None,
    }
}

fn is_descriptor(u: &Unit) -> bool {
    matches!(u, Unit::Concept { line, .. } if table().lines[*line].class == Class::Descriptor)
}

fn is_optional(u: &Unit) -> bool {
    matches!(u, Unit::Concept { line, .. } if table().lines[*line].class == Class::Optional)
}

fn text_of(u: &Unit) -> &str {
    match u {
        Unit::Concept { text, .. } => text,
        Unit::Word(w) | Unit::Acronym(w) => w,
    }
}

/// The words of a place or facility name with descriptors ("camp",
/// "санаторий", "оздоровчий табір"), connecting words and quotation marks
/// dropped, as written; the name itself when nothing else would be left.
/// For looking a facility up in a gazetteer.
pub fn strip_descriptors(name: &str) -> String {
    let r = read_place(name);
    let kept: Vec<&str> = r
        .units
        .iter()
        .filter(|u| !is_descriptor(u))
        .map(text_of)
        .collect();
    if kept.is_empty() {
        return name.trim().to_string();
    }
    let mut seen: Vec<&str> = Vec::new();
    for k in kept {
        if seen.last() != Some(&k) {
            seen.push(k);
        }
    }
    let mut words = seen;
    // Countries stay part of a place name ("Russia" is a place).
    for (_, text) in &r.countries {
        words.push(text);
    }
    words.join(" ")
}

/// The concepts of the descriptors a name carries ("camp", "sanatorium",
/// "children's"), sorted, each once: what kind of place or facility it
/// names. [`compare_place`] sets them aside, and a comparison that lets
/// them be missing on one side makes two names that carry different ones
/// each the same as a third that carries none; a resolver reads them to
/// keep such a third name from chaining the two.
pub fn descriptor_concepts(name: &str) -> Vec<String> {
    let mut out: Vec<String> = read_place(name)
        .units
        .iter()
        .filter(|u| is_descriptor(u))
        .filter_map(concept_of)
        .map(str::to_string)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A script-independent key of a place or facility name: descriptors
/// dropped, generic words as their concepts, other words by their
/// transliteration key, sorted. Equal keys are one name ("Лесная сказка",
/// "Lesnaya Skazka camp", "Forest Fairy Tale"); for grouping names the
/// gazetteer does not know.
pub fn place_key(name: &str) -> String {
    let r = read_place(name);
    let mut parts: Vec<String> = r
        .units
        .iter()
        .filter(|u| !is_descriptor(u))
        .map(|u| match u {
            Unit::Concept { line, .. } => format!("<{}>", table().lines[*line].concept),
            Unit::Word(w) | Unit::Acronym(w) => crate::key::primary_key(w),
        })
        .collect();
    parts.extend(r.countries.iter().map(|(c, _)| format!("<{c}>")));
    if parts.is_empty() {
        return crate::latin_key(name);
    }
    parts.sort();
    parts.dedup();
    parts.join(" ")
}

/// The text a place's units are compared as: a concept by its label (so two
/// languages meet), a word as written (adjectival ending dropped when the
/// name is a facility's).
fn place_text(r: &Reading, adjectival: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    for u in r.units.iter().filter(|u| !is_descriptor(u)) {
        match u {
            Unit::Concept { line, .. } => out.push(table().lines[*line].concept.clone()),
            Unit::Word(w) | Unit::Acronym(w) => {
                out.push(if adjectival {
                    crate::compare::strip_adjectival(w)
                } else {
                    w.clone()
                });
            }
        }
    }
    for (c, _) in &r.countries {
        out.push(format!("country{}", c.to_lowercase()));
    }
    out.join(" ")
}

fn finish(score: f64, steps: Vec<Step>) -> Comparison {
    Comparison::decided(score, steps)
}

/// Compares two place or facility names without a gazetteer (see the
/// module documentation), and explains the score.
pub fn compare_place(a: &str, b: &str) -> Comparison {
    let mut steps = Vec::new();
    let ra = read_place(a);
    let rb = read_place(b);
    let descriptors: Vec<&str> = ra
        .descriptors
        .iter()
        .chain(&rb.descriptors)
        .map(String::as_str)
        .collect();
    if !descriptors.is_empty() {
        steps.push(step(
            "place",
            format!(
                "descriptors set aside: {} (they say what kind of place it is, not which)",
                descriptors.join(", ")
            ),
        ));
    }
    let adjectival = ra.had_descriptor || rb.had_descriptor;
    let ta = place_text(&ra, adjectival);
    let tb = place_text(&rb, adjectival);
    let translated: Vec<String> = ra
        .units
        .iter()
        .chain(&rb.units)
        .filter(|u| !is_descriptor(u))
        .filter_map(|u| concept_of(u).map(|c| format!("{} = {c}", text_of(u))))
        .collect();
    if !translated.is_empty() {
        steps.push(step(
            "place",
            format!("generic words translated: {}", translated.join(", ")),
        ));
    }
    let score = if ta.trim().is_empty() || tb.trim().is_empty() {
        place_score(a, b, &mut steps)
    } else {
        place_score(&ta, &tb, &mut steps)
    };
    finish(score, steps)
}

/// The lines of a concept unit's concept that list the words as written
/// (or their stems): a synonym with other initials stands on a line of its
/// own (внешних beside иностранных, правосуддя beside юстиції), so a word
/// gives the initials of its own line in each language, and a word two
/// lines list (English "justice") those of both.
fn unit_lines(line: usize, text: &str) -> Vec<usize> {
    let t = table();
    let concept = &t.lines[line].concept;
    let words = split_words(text);
    let exact: String = words
        .iter()
        .map(|w| word_key(w))
        .collect::<Vec<_>>()
        .join(" ");
    let stems: Option<Vec<String>> = words.iter().map(|w| stem_key(w)).collect();
    let mut out: Vec<usize> = t
        .phrases
        .get(&exact)
        .into_iter()
        .chain(stems.and_then(|s| t.stem_phrases.get(&s.join(" "))))
        .flatten()
        .copied()
        .filter(|l| &t.lines[*l].concept == concept)
        .collect();
    out.sort_unstable();
    out.dedup();
    if out.is_empty() {
        out.push(line);
    }
    out
}

/// Initials of a unit in each language (en, uk, ru, be): of a generic
/// word, those of every form on its lines ([`unit_lines`]), the usual
/// form's first (Міністерство охорони здоров'я is МОЗ, "здоров'я" alone З).
fn unit_initials(u: &Unit) -> [Vec<String>; 4] {
    match u {
        Unit::Concept { line, text } => {
            let lines = unit_lines(*line, text);
            std::array::from_fn(|i| {
                let mut out: Vec<String> = Vec::new();
                for f in lines.iter().flat_map(|l| &table().lines[*l].forms[i]) {
                    let initials: String = split_words(f)
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect();
                    if !initials.is_empty() && !out.contains(&initials) {
                        out.push(initials);
                    }
                }
                if out.is_empty() {
                    out.push(text.chars().take(1).collect());
                }
                out
            })
        }
        Unit::Word(w) => {
            let c: String = w.chars().take(1).collect();
            std::array::from_fn(|_| vec![c.clone()])
        }
        Unit::Acronym(a) => std::array::from_fn(|_| vec![a.clone()]),
    }
}

/// Most initials of one name in one language that [`acronyms_of_units`]
/// makes: beyond it only the usual forms' are kept.
const MAX_INITIALS: usize = 64;

/// Letters of an acronym in one Latin spelling, for comparing across scripts.
fn acronym_letters(s: &str) -> String {
    // A syllabic acronym's letters are its capitals (ГрГУ: ГГУ), its
    // clipped first word checked apart ([`acronym_runs`]).
    if clipped_head(s).is_some() {
        let capitals: String = s.chars().filter(|c| c.is_uppercase()).collect();
        return acronym_letters_plain(&capitals);
    }
    acronym_letters_plain(s)
}

/// Letters of a word in one Latin spelling, lower case (as
/// [`acronym_letters`], a syllabic acronym's lower case kept).
fn acronym_letters_plain(s: &str) -> String {
    let lower = s.to_lowercase();
    if is_cyrillic_text(&lower) {
        fold_latin(&transliterate(&lower, Scheme::RuBgnPcgn))
    } else {
        fold_latin(&lower)
    }
}

/// Initials of a country in each language: the first letter of its first
/// form, and of its two-word official form (РФ).
fn country_initials(concept: &str) -> Vec<[String; 4]> {
    let t = table();
    let mut out = Vec::new();
    for l in t
        .lines
        .iter()
        .filter(|l| l.class == Class::Country && l.concept == concept)
    {
        out.push(std::array::from_fn(|i| {
            l.forms[i]
                .first()
                .and_then(|f| f.chars().next())
                .map(String::from)
                .unwrap_or_default()
        }));
        out.push(std::array::from_fn(|i| {
            l.forms[i]
                .iter()
                .find(|f| split_words(f).len() == 2)
                .map(|f| {
                    split_words(f)
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .collect()
                })
                .unwrap_or_default()
        }));
    }
    out
}

/// Acronyms a written name may go by, as (Latin letters, language).
fn acronyms_of(r: &Reading) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    // With and without the optional words (МВД keeps the Д of "дел").
    for keep_optional in [true, false] {
        let content: Vec<&Unit> = r
            .units
            .iter()
            .filter(|u| keep_optional || !is_optional(u))
            .collect();
        acronyms_of_units(&content, r, &mut out);
    }
    out.retain(|(a, _)| a.chars().count() >= 2);
    out.dedup();
    out
}

fn acronyms_of_units(content: &[&Unit], r: &Reading, out: &mut Vec<(String, &'static str)>) {
    let per_unit: Vec<[Vec<String>; 4]> = content.iter().map(|u| unit_initials(u)).collect();
    for (li, lang) in LANGS.iter().enumerate() {
        // Every combination of the units' initials, the usual forms' first.
        let mut bases: Vec<String> = vec![String::new()];
        for u in &per_unit {
            let mut next = Vec::new();
            for b in &bases {
                for i in &u[li] {
                    if next.len() < MAX_INITIALS {
                        next.push(format!("{b}{i}"));
                    }
                }
            }
            bases = next;
        }
        for base in bases {
            out.push((acronym_letters(&base), *lang));
            for (c, _) in &r.countries {
                for ci in country_initials(c) {
                    if !ci[li].is_empty() {
                        out.push((acronym_letters(&format!("{base}{}", ci[li])), *lang));
                        out.push((acronym_letters(&format!("{}{base}", ci[li])), *lang));
                    }
                }
            }
        }
    }
}

/// Whether an acronym may take a written name's words in another order:
/// unless both are Cyrillic. A translation reorders words (NRC / Норвезька
/// рада у справах біженців), and Latin acronyms come from several languages
/// (OTAN / NATO); Ukrainian, Russian and Belarusian names keep one order, and
/// other initials in Cyrillic make another body's acronym (ОАСК, Окружний
/// адміністративний суд міста Києва, is not Київський окружний
/// адміністративний суд).
fn may_reorder(short: &str, long: &str) -> bool {
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    !(cyrillic(short) && cyrillic(long))
}

fn sorted_letters(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    v.sort_unstable();
    v
}

/// Similarity of two organisation units.
fn unit_similarity(x: &Unit, y: &Unit) -> (f64, String) {
    match (concept_of(x), concept_of(y)) {
        (Some(cx), Some(cy)) if cx == cy => {
            return (1.0, format!("{} = {} ({cx})", text_of(x), text_of(y)))
        }
        (Some(_), Some(_)) => {
            return (0.0, format!("{} ≠ {}", text_of(x), text_of(y)));
        }
        _ => {}
    }
    if let (Unit::Acronym(p), Unit::Acronym(q)) = (x, y) {
        return if acronym_letters(p) == acronym_letters(q) {
            (1.0, format!("{p} = {q}"))
        } else {
            (0.0, format!("{p} ≠ {q}"))
        };
    }
    let (a, b) = (text_of(x), text_of(y));
    // Kept per thread: a resolver compares the same words of listed names
    // (Ministry, Міністерство, of …) with each other thousands of times.
    let (score, reason) = crate::key::memoised(&UNIT_MEMO, &format!("{a}\u{1f}{b}"), |_| {
        let s = token_similarity(a, b, false, true);
        if s.score < crate::DEFAULT_THRESHOLD {
            if let Some(m) = adjective_of_latin_name(a, b).or_else(|| adjective_of_latin_name(b, a))
            {
                return (m.score, std::rc::Rc::<str>::from(m.reason));
            }
        }
        (s.score, std::rc::Rc::<str>::from(s.reason))
    });
    (score, reason.to_string())
}

/// Adjectival endings of Cyrillic place adjectives, with the -ск- or -цк-
/// of the suffix (Мозырский, Львівська, Гродзенскага), the first that ends
/// a word; [`ADJECTIVE_ENDINGS_ALONE`] the ending without it (Минский is
/// of Минск, Новополоцкий of Новополоцк).
const PLACE_ADJECTIVE_SUFFIXES: &[&str] = &[
    "ського",
    "ському",
    "ській",
    "ської",
    "ською",
    "ським",
    "ський",
    "ська",
    "ське",
    "ского",
    "скому",
    "ской",
    "ским",
    "ский",
    "ская",
    "ское",
    "скага",
    "скаму",
    "скай",
    "скім",
    "скі",
    "цького",
    "цькому",
    "цької",
    "цький",
    "цька",
    "цьке",
    "цкого",
    "цкому",
    "цкой",
    "цкий",
    "цкая",
    "цкое",
    "цкага",
    "цкі",
];
const ADJECTIVE_ENDINGS_ALONE: &[&str] = &[
    "ого", "ому", "ой", "им", "ий", "ая", "ое", "ій", "а", "е", "і", "ага", "ы",
];

/// Session 28: a Cyrillic place adjective in an organisation's name against
/// the place's name in Latin letters, as English names a body (Мозырский
/// НПЗ / Mozyr Oil Refinery, Львівська політехніка / Lviv Polytechnic): the
/// adjective's stem, with or without its -ск- and with the nominative's
/// final -а or -о (Гродненский / Grodno), compared as words are. `None`
/// unless `adj` is a capitalised Cyrillic adjective and `latin` a Latin
/// word, or when no stem matches.
fn adjective_of_latin_name(adj: &str, latin: &str) -> Option<crate::compare::TokenSim> {
    let first = adj.chars().next()?;
    if !first.is_uppercase() || !is_cyrillic_text(adj) || is_cyrillic_text(latin) {
        return None;
    }
    let lower = adj.to_lowercase();
    let mut stems: Vec<String> = Vec::new();
    let mut push = |cut: usize| {
        let stem: String = adj.chars().take(cut).collect();
        if stem.chars().count() >= 3 {
            for s in [stem.clone(), format!("{stem}а"), format!("{stem}о")] {
                if !stems.contains(&s) {
                    stems.push(s);
                }
            }
        }
    };
    let n = lower.chars().count();
    if let Some(sfx) = PLACE_ADJECTIVE_SUFFIXES
        .iter()
        .find(|e| lower.ends_with(*e))
    {
        push(n - sfx.chars().count());
        if let Some(e) = ADJECTIVE_ENDINGS_ALONE.iter().find(|e| lower.ends_with(*e)) {
            push(n - e.chars().count());
        }
    } else {
        return None;
    }
    stems.iter().find_map(|stem| {
        let s = token_similarity(stem, latin, false, true);
        (s.score >= crate::DEFAULT_THRESHOLD).then(|| crate::compare::TokenSim {
            score: s.score,
            reason: format!("{adj} is the adjective of {stem}, {latin}"),
        })
    })
}

thread_local! {
    /// [`unit_similarity`]'s comparisons of two words, by the words joined
    /// with a unit separator (which no name contains).
    static UNIT_MEMO: std::cell::RefCell<rustc_hash::FxHashMap<String, (f64, std::rc::Rc<str>)>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Compares two organisation names (see the module documentation), and
/// explains the score.
pub fn compare_organization(a: &str, b: &str) -> Comparison {
    let mut steps = Vec::new();
    let ra = read(a);
    let rb = read(b);
    if ra.units.is_empty() && ra.countries.is_empty()
        || rb.units.is_empty() && rb.countries.is_empty()
    {
        steps.push(step(
            "organization",
            "one of the names is empty".to_string(),
        ));
        return finish(0.0, steps);
    }
    // Countries: two different ones make two organisations (МВД России / МВД Беларуси).
    let ca: Vec<&str> = ra.countries.iter().map(|c| c.0.as_str()).collect();
    let cb: Vec<&str> = rb.countries.iter().map(|c| c.0.as_str()).collect();
    if !ca.is_empty() && !cb.is_empty() && !ca.iter().any(|c| cb.contains(c)) {
        steps.push(step(
            "organization",
            format!(
                "different countries: {} / {}",
                ra.countries
                    .iter()
                    .map(|c| c.1.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                rb.countries
                    .iter()
                    .map(|c| c.1.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ));
        return finish(0.1, steps);
    }
    if ca.is_empty() != cb.is_empty() {
        steps.push(step(
            "organization",
            "a country is named on one side only: compatible".to_string(),
        ));
    }
    let only_acronyms =
        |r: &Reading| !r.units.is_empty() && r.units.iter().all(|u| matches!(u, Unit::Acronym(_)));
    let acr = |r: &Reading| -> String { r.units.iter().map(text_of).collect::<Vec<_>>().join("") };
    let score = match (only_acronyms(&ra), only_acronyms(&rb)) {
        (true, true) => {
            let (x, y) = (acr(&ra), acr(&rb));
            if acronym_letters(&x) == acronym_letters(&y) {
                steps.push(step("organization", format!("{x} = {y} (one acronym)")));
                1.0
            } else {
                steps.push(step(
                    "organization",
                    format!("{x} and {y} are different acronyms"),
                ));
                0.1
            }
        }
        (true, false) | (false, true) => {
            let (short, long, short_r, long_r) = if only_acronyms(&ra) {
                (a, b, &ra, &rb)
            } else {
                (b, a, &rb, &ra)
            };
            let letters = acronym_letters(&acr(short_r));
            let candidates = acronyms_of(long_r);
            if let Some((_, lang)) = candidates.iter().find(|(c, _)| *c == letters) {
                steps.push(step(
                    "organization",
                    format!("{short} is the acronym of {long} (initials in {lang})"),
                ));
                0.95
            } else if let Some((_, lang)) = candidates
                .iter()
                .filter(|_| may_reorder(short, long))
                .find(|(c, _)| sorted_letters(c) == sorted_letters(&letters))
            {
                steps.push(step(
                    "organization",
                    format!(
                        "{short} has the initials of {long} in {lang}, in that language's word order"
                    ),
                ));
                0.9
            } else {
                steps.push(step(
                    "organization",
                    format!("{short} is not an acronym of {long} in en, uk, ru or be"),
                ));
                0.15
            }
        }
        (false, false) => units_score(&ra, &rb, a, b, &mut steps),
    };
    finish(score, steps)
}

/// Every unit must find a partner; an optional word (affairs) may be missing.
fn units_score(ra: &Reading, rb: &Reading, a: &str, b: &str, steps: &mut Vec<Step>) -> f64 {
    let ua: Vec<&Unit> = ra.units.iter().collect();
    let ub: Vec<&Unit> = rb.units.iter().collect();
    if ua.is_empty() || ub.is_empty() {
        // Only countries on one side ("Russia" / "Росія").
        return if ua.len() == ub.len() { 1.0 } else { 0.3 };
    }
    let mut cands: Vec<(usize, usize, f64, String)> = Vec::new();
    for (i, x) in ua.iter().enumerate() {
        for (j, y) in ub.iter().enumerate() {
            let (s, why) = unit_similarity(x, y);
            if s >= 0.5 {
                cands.push((i, j, s, why));
            }
        }
    }
    cands.sort_by(|p, q| q.2.total_cmp(&p.2).then(p.0.cmp(&q.0)).then(p.1.cmp(&q.1)));
    let mut used_a = vec![false; ua.len()];
    let mut used_b = vec![false; ub.len()];
    let mut score = 1.0;
    for (i, j, s, why) in cands {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        score *= s;
        steps.push(step("organization", why));
    }
    // An acronym among other words may stand for a run of the other name's
    // words, in its order (Генштаб ЗСУ / Генеральний штаб Збройних сил
    // України; МВД Республики Беларусь / Міністэрства ўнутраных спраў
    // Рэспублікі Беларусь).
    score *= acronym_runs(&ua, &mut used_a, rb, &mut used_b, steps);
    score *= acronym_runs(&ub, &mut used_b, ra, &mut used_a, steps);
    // The word right before a quoted name that only says what kind of body
    // it is ("партия «…»", "фонд «…»") may be left out by the other name,
    // when nothing else of either is left over.
    let left_over = |units: &[&Unit], used: &[bool], r: &Reading| {
        units
            .iter()
            .zip(used)
            .enumerate()
            .filter(|(_, (u, used))| !**used && !is_optional(u))
            .map(|(k, (u, _))| is_kind_word(r, k, u))
            .collect::<Vec<bool>>()
    };
    // A compound abbreviation whose every part has its word in the other
    // name may leave out the kind of body (Держстат: Державна служба
    // статистики).
    score *= compound_leaves_out(ra, &ua, &used_a, &ub, &mut used_b, steps);
    score *= compound_leaves_out(rb, &ub, &used_b, &ua, &mut used_a, steps);
    let (lo_a, lo_b) = (left_over(&ua, &used_a, ra), left_over(&ub, &used_b, rb));
    let kinds_only = |mine: &[bool], theirs: &[bool]| {
        !mine.is_empty() && mine.iter().all(|k| *k) && theirs.is_empty()
    };
    let kind_free = kinds_only(&lo_a, &lo_b) || kinds_only(&lo_b, &lo_a);
    let mut unmatched = |units: &[&Unit], used: &[bool], other: &str| {
        for u in units
            .iter()
            .zip(used)
            .filter(|(_, used)| !**used)
            .map(|(u, _)| u)
        {
            if kind_free && !is_optional(u) {
                steps.push(step(
                    "organization",
                    format!(
                        "'{}' only says what kind of body the quoted name is",
                        text_of(u)
                    ),
                ));
                score *= 0.95;
            } else if is_optional(u) {
                steps.push(step(
                    "organization",
                    format!("'{}' may be left out (optional word)", text_of(u)),
                ));
                score *= 0.95;
            } else {
                steps.push(step(
                    "organization",
                    format!("'{}' has no counterpart in {other}", text_of(u)),
                ));
                score *= 0.45;
            }
        }
    };
    unmatched(&ua, &used_a, b);
    unmatched(&ub, &used_b, a);
    score
}

/// Pairs each acronym of `xs` left unpaired with a run of `r_y`'s units
/// left unpaired whose initials it is; the factor the pairs cost.
fn acronym_runs(
    xs: &[&Unit],
    used_x: &mut [bool],
    r_y: &Reading,
    used_y: &mut [bool],
    steps: &mut Vec<Step>,
) -> f64 {
    let mut factor = 1.0;
    for (i, x) in xs.iter().enumerate() {
        let Unit::Acronym(acr) = x else { continue };
        if used_x[i] {
            continue;
        }
        let letters = acronym_letters(acr);
        // A syllabic acronym's clipped first word begins the run's first
        // word (Бел of Белорусский), compared in one Latin spelling.
        let head = clipped_head(acr).map(|h| acronym_letters_plain(&h));
        let begins = |from: usize| {
            head.as_ref().is_none_or(|h| {
                acronym_letters_plain(text_of(&r_y.units[from])).starts_with(h.as_str())
            })
        };
        let run = run_acronyms(r_y).into_iter().find(|(from, to, l)| {
            *l == letters && used_y[*from..*to].iter().all(|u| !u) && begins(*from)
        });
        if let Some((from, to, _)) = run {
            used_x[i] = true;
            used_y[from..to].iter_mut().for_each(|u| *u = true);
            let words: Vec<&str> = r_y.units[from..to].iter().map(text_of).collect();
            steps.push(step(
                "organization",
                format!("{acr} is the acronym of '{}'", words.join(" ")),
            ));
            factor *= 0.95;
        }
    }
    factor
}

/// When `r` is one compound abbreviation whose units are all paired, pairs
/// the one word of the other name left over when it is the kind of state
/// body ([`is_body_kind`]) and the other is no compound itself (Нацгвардія
/// is not Росгвардия: their clipped parts differ); the factor that costs.
fn compound_leaves_out(
    r: &Reading,
    us: &[&Unit],
    used: &[bool],
    theirs: &[&Unit],
    their_used: &mut [bool],
    steps: &mut Vec<Step>,
) -> f64 {
    let rest: Vec<usize> = (0..theirs.len())
        .filter(|k| !their_used[*k] && !is_optional(theirs[*k]))
        .collect();
    let their_compound = theirs
        .iter()
        .any(|u| matches!(u, Unit::Concept { text, .. } if split_words(text).len() == 1 && compound(text).is_some()));
    if !(r.compound
        && !their_compound
        && used.iter().all(|u| *u)
        && us.len() + r.countries.len() >= 2
        && rest.len() == 1
        && rest.iter().all(|k| is_body_kind(theirs[*k])))
    {
        return 1.0;
    }
    let mut factor = 1.0;
    for k in rest {
        their_used[k] = true;
        steps.push(step(
            "organization",
            format!(
                "'{}' is left out by the compound abbreviation",
                text_of(theirs[k])
            ),
        ));
        factor *= 0.95;
    }
    factor
}

/// Whether unit `k` of a reading is a generic word right before a quoted
/// part: a word of what kind of body it is.
fn is_kind_word(r: &Reading, k: usize, u: &Unit) -> bool {
    matches!(u, Unit::Concept { .. }) && r.before_quote.get(k).copied().unwrap_or(false)
}

/// The acronyms of every run of two to six consecutive units of a reading,
/// as (first unit, past the last unit, Latin letters), in each language,
/// with and without the optional words inside it and with a country's
/// initial before or after (ЗСУ: Збройні сили України).
fn run_acronyms(r: &Reading) -> Vec<(usize, usize, String)> {
    let units: Vec<&Unit> = r.units.iter().collect();
    let mut out = Vec::new();
    for from in 0..units.len() {
        for to in from + 2..=(from + 6).min(units.len()) {
            if units[from..to]
                .iter()
                .any(|u| matches!(u, Unit::Acronym(_)))
            {
                continue;
            }
            let mut found = Vec::new();
            for keep_optional in [true, false] {
                let content: Vec<&Unit> = units[from..to]
                    .iter()
                    .copied()
                    .filter(|u| keep_optional || !is_optional(u))
                    .collect();
                if content.len() >= 2 {
                    acronyms_of_units(&content, r, &mut found);
                }
            }
            for (letters, _) in found {
                if letters.chars().count() >= 2
                    && !out
                        .iter()
                        .any(|(f, t, l)| (*f, *t, l) == (from, to, &letters))
                {
                    out.push((from, to, letters));
                }
            }
        }
    }
    out
}

/// Keys that find, among many organisation names, every name
/// [`compare_organization`] may call the same as a given one, so that a
/// resolver compares a name with a few candidates instead of with every
/// name (see [`organization_keys`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockKeys {
    /// The keys a name is filed under.
    pub index: Vec<u64>,
    /// Alternative queries: for every `b` with `compare_organization(a, b).same`
    /// or `compare_organization(b, a).same`, *each* of these sets shares a key
    /// with `organization_keys(b).index`, so any one of them (the one with
    /// the fewest names filed under it) finds every such `b`. A single empty
    /// set: nothing is ever the same as this name.
    pub queries: Vec<Vec<u64>>,
}

/// A key's hash (FNV-1a): a collision only adds a candidate, which the
/// comparison then turns down.
pub fn block_hash(tag: &str, key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in tag.bytes().chain([0xff]).chain(key.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Sorted letters of each acronym a written name may go by.
fn acronym_keys(r: &Reading) -> Vec<String> {
    let mut out: Vec<String> = acronyms_of(r)
        .into_iter()
        .map(|(a, _)| sorted_letters(&a).into_iter().collect())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The class of a unit for blocking: a concept (`K`), a word (`W`), an acronym (`A`).
fn unit_class(u: &Unit) -> &'static str {
    match u {
        Unit::Concept { .. } => "K",
        Unit::Word(_) => "W",
        Unit::Acronym(_) => "A",
    }
}

/// Index keys of one unit: its concept, its acronym's letters, and its
/// text's token keys tagged by its class.
fn unit_index_keys(u: &Unit, out: &mut Vec<u64>) {
    match u {
        Unit::Concept { .. } => out.push(block_hash("c", concept_of(u).unwrap_or_default())),
        Unit::Acronym(a) => out.push(block_hash("a", &acronym_letters(a))),
        Unit::Word(_) => {}
    }
    let tag = format!("t{}", unit_class(u));
    for k in crate::compare::token_block_keys(text_of(u), false) {
        out.push(block_hash(&tag, &k));
    }
}

/// Query keys of one unit: those of the units it may reach a similarity of
/// [`crate::DEFAULT_THRESHOLD`] with. Two concepts are alike only as one
/// concept, two acronyms only by their letters (`unit_similarity`); every
/// other pair goes through the token similarity of their texts.
fn unit_query_keys(u: &Unit, out: &mut Vec<u64>) {
    let others: &[&str] = match u {
        Unit::Concept { .. } => {
            out.push(block_hash("c", concept_of(u).unwrap_or_default()));
            &["tW", "tA"]
        }
        Unit::Acronym(a) => {
            out.push(block_hash("a", &acronym_letters(a)));
            &["tK", "tW"]
        }
        Unit::Word(_) => &["tK", "tW", "tA"],
    };
    let keys = crate::compare::token_block_keys(text_of(u), false);
    for tag in others {
        for k in &keys {
            out.push(block_hash(tag, k));
        }
    }
}

/// Blocking keys of an organisation name for [`compare_organization`].
///
/// Why they are enough, branch by branch of the comparison (a score of
/// [`crate::DEFAULT_THRESHOLD`] or more is "same"):
/// - a name with no units and no countries is never the same as anything;
/// - a name of acronyms only (`acr`, by the sorted letters of its acronym)
///   is the same as another of acronyms only when the letters are equal,
///   and as a written name only when one of the written name's acronyms
///   (`acronyms_of`, filed as `long`) has its letters in some order;
/// - two names neither of acronyms only: when one has only countries, both
///   must have only countries (else 0.3), sharing one (else 0.1): `conly`;
///   otherwise every factor of the product `units_score` takes is at most 1,
///   so for the product to reach the threshold no unit other than an
///   optional word may go unmatched (0.45) and every matched pair must
///   reach the threshold itself: each non-optional unit of the name shares
///   a unit key with some unit of the other (see `unit_query_keys`), which
///   makes one query per non-optional unit; a name of optional words only
///   is the same as another only through a matched pair or when the other
///   is of optional words only too (`allopt`).
pub fn organization_keys(name: &str) -> BlockKeys {
    let r = read(name);
    let mut keys = BlockKeys::default();
    if r.units.is_empty() && r.countries.is_empty() {
        keys.queries.push(Vec::new());
        return keys;
    }
    let only_acronyms =
        !r.units.is_empty() && r.units.iter().all(|u| matches!(u, Unit::Acronym(_)));
    if only_acronyms {
        let acr: String = r.units.iter().map(text_of).collect::<Vec<_>>().join("");
        let letters: String = sorted_letters(&acronym_letters(&acr)).into_iter().collect();
        keys.index.push(block_hash("acr", &letters));
        keys.queries.push(vec![
            block_hash("acr", &letters),
            block_hash("long", &letters),
        ]);
        return keys;
    }
    let acronyms = acronym_keys(&r);
    keys.index
        .extend(acronyms.iter().map(|a| block_hash("long", a)));
    let as_acronym: Vec<u64> = acronyms.iter().map(|a| block_hash("acr", a)).collect();
    if r.units.is_empty() {
        let countries: Vec<u64> = r
            .countries
            .iter()
            .map(|(c, _)| block_hash("conly", c))
            .collect();
        keys.index.extend(&countries);
        let mut q = as_acronym;
        q.extend(countries);
        keys.queries.push(q);
        return keys;
    }
    for u in &r.units {
        unit_index_keys(u, &mut keys.index);
    }
    // A compound abbreviation may leave out generic words of the other name
    // (see `units_score`): it is filed by its concepts under their own tag,
    // and every query of a name holds its concepts under that tag, which a
    // compound matched whole has among them.
    let compound_keys: Vec<u64> = r
        .units
        .iter()
        .filter_map(concept_of)
        .map(|c| block_hash("compound", c))
        .collect();
    if r.compound {
        keys.index.extend(&compound_keys);
    }
    // An acronym of the other name may stand for a run of this one's units
    // (`acronym_runs`): each run is filed by its acronyms, and each unit's
    // query takes those of the runs it is in.
    let runs = run_acronyms(&r);
    keys.index
        .extend(runs.iter().map(|(_, _, l)| block_hash("a", l)));
    let run_keys = |k: usize| {
        runs.iter()
            .filter(move |(from, to, _)| (*from..*to).contains(&k))
            .map(|(_, _, l)| block_hash("a", l))
    };
    // A word of what kind of body a quoted name is may be left out too.
    let required: Vec<(usize, &Unit)> = r
        .units
        .iter()
        .enumerate()
        .filter(|(k, u)| !is_optional(u) && !is_kind_word(&r, *k, u))
        .collect();
    if required.is_empty() {
        keys.index.push(block_hash("allopt", ""));
        let mut q = as_acronym;
        q.push(block_hash("allopt", ""));
        for (k, u) in r.units.iter().enumerate() {
            unit_query_keys(u, &mut q);
            q.extend(run_keys(k));
        }
        q.extend(&compound_keys);
        keys.queries.push(q);
    } else {
        for (k, u) in required {
            let mut q = as_acronym.clone();
            unit_query_keys(u, &mut q);
            q.extend(run_keys(k));
            q.extend(&compound_keys);
            keys.queries.push(q);
        }
    }
    keys.index.sort_unstable();
    keys.index.dedup();
    for q in &mut keys.queries {
        q.sort_unstable();
        q.dedup();
    }
    keys
}

/// Compares two names of one kind: persons by [`crate::compare`], places
/// by [`compare_place`], organisations by [`compare_organization`].
pub fn compare_kind(kind: NameKind, a: &str, b: &str) -> Comparison {
    match kind {
        NameKind::Person => crate::compare(a, b),
        NameKind::Place => compare_place(a, b),
        NameKind::Organization => compare_organization(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DEFAULT_THRESHOLD;

    fn place(a: &str, b: &str) -> f64 {
        compare_place(a, b).score
    }

    fn org(a: &str, b: &str) -> f64 {
        compare_organization(a, b).score
    }

    #[test]
    fn kinds_parse_and_refuse_others() {
        assert_eq!("place".parse::<NameKind>(), Ok(NameKind::Place));
        assert_eq!(
            "Organisation".parse::<NameKind>(),
            Ok(NameKind::Organization)
        );
        assert_eq!("person".parse::<NameKind>(), Ok(NameKind::Person));
        let err = "planet".parse::<NameKind>().unwrap_err();
        assert!(err.to_string().contains("planet"));
    }

    #[test]
    fn the_table_reads_and_every_line_has_four_languages() {
        let t = table();
        assert!(t.lines.len() > 100);
        for l in &t.lines {
            for (i, forms) in l.forms.iter().enumerate() {
                assert!(!forms.is_empty(), "{} has no {} form", l.concept, LANGS[i]);
            }
        }
    }

    #[test]
    fn descriptor_concepts_name_the_kind_of_facility() {
        assert_eq!(descriptor_concepts("лагерь «Лесная сказка»"), ["camp"]);
        assert_eq!(
            descriptor_concepts("Лісова казка санаторій"),
            ["sanatorium"]
        );
        assert!(descriptor_concepts("Lesnaya Skazka").is_empty());
    }

    #[test]
    fn descriptors_are_set_aside() {
        assert!(place("Lesnaya Skazka", "Lesnaya Skazka Children's Centre") >= 0.95);
        assert!(place("лагерь «Артек»", "Artek") >= 0.95);
        assert!(place("дитячий оздоровчий табір «Сокіл»", "Sokil camp") >= 0.95);
        assert_eq!(strip_descriptors("детский лагерь «Орлёнок»"), "Орлёнок");
    }

    #[test]
    fn half_translated_facility_names_meet() {
        let forms = [
            "Лесная сказка",
            "Лісова казка",
            "Lesnaya Skazka",
            "Lisova Kazka",
            "Forest Fairy Tale camp",
        ];
        for a in forms {
            for b in forms {
                assert!(
                    place(a, b) >= DEFAULT_THRESHOLD,
                    "{a} / {b}: {:?}",
                    compare_place(a, b)
                );
            }
        }
        assert_eq!(
            place_key("Лісова казка"),
            place_key("Forest Fairy Tale camp")
        );
    }

    #[test]
    fn different_facilities_stay_apart() {
        for (a, b) in [
            ("Лесная сказка", "Лесная поляна"),
            ("лагерь «Звёздный»", "лагерь «Звёздочка»"),
            ("Солнечный", "Солнечная поляна"),
            ("Маяк", "Мак"),
        ] {
            assert!(
                place(a, b) < DEFAULT_THRESHOLD,
                "{a} / {b}: {:?}",
                compare_place(a, b)
            );
        }
    }

    #[test]
    fn a_facility_named_after_its_town_by_an_adjective() {
        assert!(place("Бердянский санаторий", "Berdiansk sanatorium") >= DEFAULT_THRESHOLD);
        // Without a descriptor a district is not its town.
        assert!(place("Berdiansk", "Бердянський район") < DEFAULT_THRESHOLD);
    }

    #[test]
    fn acronyms_across_scripts_and_languages() {
        for (a, b) in [
            ("МВД", "MVD"),
            ("МВД", "Министерство внутренних дел"),
            ("MVD", "Ministry of Internal Affairs"),
            ("МВС", "Міністерство внутрішніх справ"),
            ("МЧС", "Ministry of Emergency Situations"),
            ("SBU", "Security Service of Ukraine"),
            ("ЗСУ", "Вооружённые силы Украины"),
            ("КПРФ", "Коммунистическая партия Российской Федерации"),
        ] {
            assert!(
                org(a, b) >= DEFAULT_THRESHOLD,
                "{a} / {b}: {:?}",
                compare_organization(a, b)
            );
        }
        for (a, b) in [
            ("МВД", "МИД"),
            ("ФСБ", "ФСО"),
            ("МЧС", "Ministry of Internal Affairs"),
        ] {
            assert!(
                org(a, b) < DEFAULT_THRESHOLD,
                "{a} / {b}: {:?}",
                compare_organization(a, b)
            );
        }
    }

    #[test]
    fn translated_organisation_names_and_compound_abbreviations() {
        assert!(
            org(
                "Министерство обороны России",
                "Ministry of Defence of Russia"
            ) >= 0.95
        );
        assert!(org("Минобороны", "Міністерство оборони") >= DEFAULT_THRESHOLD);
        assert!(org("Мінфін", "Ministry of Finance") >= DEFAULT_THRESHOLD);
        assert!(
            org(
                "Міністэрства ўнутраных спраў",
                "Министерство внутренних дел"
            ) >= 0.95
        );
        assert!(org("Ministry of Defence", "Ministry of Justice") < DEFAULT_THRESHOLD);
        assert!(org("Государственная дума", "Городская дума") < DEFAULT_THRESHOLD);
        assert!(org("Council of Europe", "European Council") < DEFAULT_THRESHOLD);
    }

    #[test]
    fn countries_must_agree_when_both_name_one() {
        assert!(org("МВД России", "МВД Беларуси") < DEFAULT_THRESHOLD);
        assert!(org("Russian Red Cross", "Belarusian Red Cross") < DEFAULT_THRESHOLD);
        assert!(org("Российский Красный Крест", "Russian Red Cross") >= 0.95);
        assert!(org("Ministry of Health", "Ministry of Health of Ukraine") >= DEFAULT_THRESHOLD);
    }

    #[test]
    fn every_word_of_an_inflected_organisation_name_is_read_by_its_stem() {
        assert_eq!(stem("Міністэрствам").as_deref(), Some("міністэрств"));
        assert_eq!(stem("суд").as_deref(), None);
        assert!(org("Міністерством охорони здоров'я", "Ministry of Health") >= 0.95);
        assert!(org("Верховним Судом", "Supreme Court") >= 0.95);
        assert!(org("Верховным Судом", "Конституционным Судом") < DEFAULT_THRESHOLD);
        // Place names keep their words: a town's adjective is no generic word's stem.
        assert!(matches!(read_place("Лісовому").units[..], [Unit::Word(_)]));
        assert!(matches!(read("Лісовому").units[..], [Unit::Concept { .. }]));
    }

    #[test]
    fn legal_forms_translate_and_may_be_left_out() {
        assert!(org("ООО «Северный ветер»", "«Северный ветер»") >= DEFAULT_THRESHOLD);
        assert!(org("ТОВ «Ромашка»", "Romashka LLC") >= 0.95);
        assert!(org("ТОВ «Ромашка»", "ООО «Ромашка»") >= 0.95);
        assert!(org("ООО «Ромашка»", "ООО «Ромашка-Юг»") < DEFAULT_THRESHOLD);
        // Inside a name of acronyms only, a legal form's letters are the acronym's.
        assert!(read("МКК и КП")
            .units
            .iter()
            .all(|u| matches!(u, Unit::Acronym(_))));
    }

    #[test]
    fn an_acronym_stands_for_a_run_of_the_other_names_words() {
        assert!(
            org(
                "Головне управління ДСНС",
                "Головне управління Державної служби з надзвичайних ситуацій"
            ) >= DEFAULT_THRESHOLD
        );
        assert!(
            org(
                "Головне управління ДСНС",
                "Головне управління Національної поліції"
            ) < DEFAULT_THRESHOLD
        );
    }

    #[test]
    fn acronyms_take_the_initials_of_any_listed_form() {
        // бюро and розслідувань are not the usual forms of office and investigative.
        assert!(org("ДБР", "Державне бюро розслідувань") >= DEFAULT_THRESHOLD);
        assert!(org("ДБР", "Державна прикордонна служба") < DEFAULT_THRESHOLD);
        // A synonym's initials are its own line's: "foreign" is иностранных
        // (МИД), not внешних, which would make it МВД.
        assert!(org("МВД", "Ministry of Foreign Affairs") < DEFAULT_THRESHOLD);
        assert!(org("МИД", "Ministry of Foreign Affairs") >= DEFAULT_THRESHOLD);
    }

    /// Session 28: a syllabic acronym, a clipped first word before the
    /// initials (КрАЗ: Кременчугский автомобильный завод), whose clipped
    /// part must begin the first word.
    #[test]
    fn syllabic_acronyms() {
        assert!(org("КрАЗ", "Кременчугский автомобильный завод") >= DEFAULT_THRESHOLD);
        assert!(org("МосГУ", "Московский гуманитарный университет") >= DEFAULT_THRESHOLD);
        assert!(org("КрАЗ", "Минский автомобильный завод") < DEFAULT_THRESHOLD);
        assert_eq!(clipped_head("БелАЗ").as_deref(), Some("Бел"));
        assert_eq!(clipped_head("ДніпроГЕС"), None);
        assert_eq!(clipped_head("Київ"), None);
        assert_eq!(clipped_head("МВД"), None);
    }

    /// Session 28: a Cyrillic place adjective against the place's Latin
    /// name (English names a body by its town), initials after "named
    /// after" left out, and a refinery's acronym.
    #[test]
    fn place_adjectives_initials_and_refineries() {
        assert!(org("Новополоцкий НПЗ", "Novopolotsk Oil Refinery") >= DEFAULT_THRESHOLD);
        assert!(org("Новополоцкий НПЗ", "Mozyr Oil Refinery") < DEFAULT_THRESHOLD);
        assert!(
            org(
                "Брестский государственный университет имени А. С. Пушкина",
                "Брестский государственный университет имени Пушкина"
            ) >= DEFAULT_THRESHOLD
        );
        assert!(
            org(
                "Брестский государственный университет имени А. С. Пушкина",
                "Брестский государственный университет имени Лермонтова"
            ) < DEFAULT_THRESHOLD
        );
    }

    #[test]
    fn compound_abbreviations_of_several_clipped_words() {
        assert!(org("Держмитслужба", "Державна митна служба") >= 0.95);
        assert!(org("Minoborony", "Ministry of Defence") >= 0.95);
        // The kind of state body may be left out, one word of it only.
        assert!(org("Держпраці", "Державна служба з питань праці") >= DEFAULT_THRESHOLD);
        assert!(org("Держпраці", "Державний фонд підтримки праці") < DEFAULT_THRESHOLD);
        // Clipped parts that differ tell two bodies apart.
        assert!(org("Нацполіція", "Росполиция") < DEFAULT_THRESHOLD);
        // A place's adjective is no compound, nor a town's name.
        assert!(compound("Белгородской").is_none());
        assert!(compound("Райгород").is_none());
        // A facility's compound is read in a place's name too.
        assert!(place("Kharkiv Drama Theatre", "Харківський драмтеатр") >= DEFAULT_THRESHOLD);
        assert!(place("Одеський драмтеатр", "Харківський драмтеатр") < DEFAULT_THRESHOLD);
    }

    #[test]
    fn the_kind_before_a_quoted_name_may_be_left_out() {
        assert!(org("рух «Чесно»", "Chesno") >= DEFAULT_THRESHOLD);
        assert!(org("рух «Чесно»", "фонд «Чесно»") < DEFAULT_THRESHOLD);
        // Adjectives before the kind are more than a kind.
        assert!(org("Молодіжний рух «Чесно»", "Chesno") < DEFAULT_THRESHOLD);
    }

    /// Whether every query of each name shares a key with the other's index.
    fn blocks_meet(a: &str, b: &str) -> bool {
        let (ka, kb) = (organization_keys(a), organization_keys(b));
        let meets = |q: &[u64], index: &[u64]| q.iter().any(|k| index.contains(k));
        ka.queries.iter().all(|q| meets(q, &kb.index))
            && kb.queries.iter().all(|q| meets(q, &ka.index))
    }

    #[test]
    fn this_sessions_rules_keep_their_pairs_in_one_block() {
        for (a, b) in [
            ("Міністерством охорони здоров'я", "Ministry of Health"),
            ("ТОВ «Ромашка»", "«Ромашка»"),
            ("ТОВ «Ромашка»", "Romashka LLC"),
            (
                "Головне управління ДСНС",
                "Головне управління Державної служби з надзвичайних ситуацій",
            ),
            ("ДБР", "Державне бюро розслідувань"),
            ("Держмитслужба", "Державна митна служба"),
            ("Держпраці", "Державна служба з питань праці"),
            ("рух «Чесно»", "Chesno"),
        ] {
            assert!(org(a, b) >= DEFAULT_THRESHOLD, "{a} / {b}");
            assert!(blocks_meet(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn persons_go_to_the_person_comparison() {
        assert_eq!(
            compare_kind(NameKind::Person, "Shevchenko", "Шевчук"),
            crate::compare("Shevchenko", "Шевчук")
        );
        assert!(!compare_kind(NameKind::Person, "Shevchenko", "Шевчук").same);
    }
}
