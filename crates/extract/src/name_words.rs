//! Names of organisations and facilities translated word by word through a
//! multilingual table of generic words (`data/name_words.tsv`: English,
//! Ukrainian, Russian, Belarusian in Cyrillic and Łacinka, German, French,
//! Polish), for `name_kinds.rs`.
//!
//! A name is read into units: a generic word or phrase becomes its concept
//! (Міністерство / Ministry / Ministerium → ministry; АЕС / АЭС / nuclear
//! power plant → npp), a country or country adjective is set apart (Russia,
//! России, Russian, Rosji → RU), connecting words are dropped, and any
//! other word stays a proper word, compared across scripts. Two names are
//! one when their concepts are the same multiset and every proper word
//! finds a partner ([`translated`]); two names whose countries differ are
//! never one ([`countries`]); an acronym is one of a written name when it
//! is that name's initials in one of the table's languages ([`acronyms`]:
//! OSCE, ОБСЕ, ОБСЄ, OSZE, OBWE from one reading; any form of a word may
//! give its initials, "анти-корупційний" the АК of ВАКС). Proper words
//! that find no partner may still be one person's name on both sides,
//! compared as persons (Фонд Андрея Сахарова / Andrei Sakharov Foundation);
//! a one-word Soviet-style compound abbreviation is a longer name whose
//! words each give it their first letters ([`compound_abbreviation`]:
//! Мосгорсуд / Московский городской суд).

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

const TABLE: &str = include_str!("../data/name_words.tsv");

/// Languages of the table's columns, in order; the first four are those of
/// Cyrillic acronyms when the language writes Cyrillic.
const LANGS: [&str; 7] = ["en", "uk", "ru", "be", "de", "fr", "pl"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A word that says what kind of facility a place is (camp, АЕС): both
    /// sides must agree when both have one, and one may lack it.
    Descriptor,
    /// A generic word of an organisation or facility name, translated.
    Word,
    /// A country or country adjective.
    Country,
    /// A connecting word, dropped.
    Stop,
    /// The first part of a compound (Bundes|ministerium, Min|просвещения):
    /// the concept of the word line of its label, the rest read again.
    Prefix,
    /// A word that one translation has and another leaves out ("High"
    /// Commissioner / Уполномоченный): counted in acronyms, not required.
    Optional,
}

struct Line {
    class: Class,
    concept: String,
    /// The usual form in each language (its initials make acronyms).
    usual: [Option<String>; 7],
    /// Every form in each language: an acronym may take the initials of
    /// another (ВАКС: Вищий антикорупційний суд, "анти-корупційний").
    forms: [Vec<String>; 7],
}

struct Table {
    lines: Vec<Line>,
    /// Keys of a form's words joined by a space → line.
    phrases: HashMap<String, usize>,
    /// The same for lines that are not connecting words: an acronym (ООН)
    /// may have the key of one ("on").
    content_phrases: HashMap<String, usize>,
    /// One-word forms of five letters or more, for inflected words: each
    /// form's stem (see `stem_line`), its length in letters and its line.
    stems: Vec<(String, usize, usize)>,
    /// Prefixes in lower case → the word line of their concept.
    prefixes: Vec<(String, usize)>,
    /// Concept → its lines, in table order.
    by_concept: HashMap<String, Vec<usize>>,
    max_words: usize,
    /// Each word of the forms, in lower case → the languages (bits by
    /// [`LANGS`] index) whose columns write it so.
    languages: HashMap<String, u8>,
}

/// A word's key: its transliteration-independent key (Lisova / Лісова),
/// or, for a word too short to have one, the word in lower case.
fn key(word: &str) -> String {
    // Kept per thread: every comparison keys the words of both names again.
    crate::memo::kept(&KEYS, word, READINGS_KEPT, || key_uncached(word))
}

thread_local! {
    static KEYS: crate::memo::Memo<String> = Default::default();
}

fn key_uncached(word: &str) -> String {
    let lower = word.to_lowercase();
    // Session 30: Belarusian writes a word's first у as ў after a vowel
    // ("Галоўнае ўпраўленне", "на ўлік"): the word is the one with у, as the
    // table gives it.
    let lower = match lower.strip_prefix('ў') {
        Some(rest) if !rest.is_empty() => format!("у{rest}"),
        _ => lower,
    };
    let k = casefile_names::latin_key(&lower);
    if k.chars().count() < 2 {
        lower
    } else {
        k
    }
}

pub(crate) use casefile_names::split_name_words as split_words;

static WORDS: LazyLock<Table> = LazyLock::new(|| {
    let mut lines = Vec::new();
    let mut phrases = HashMap::new();
    let mut stems = Vec::new();
    let mut prefixes = Vec::new();
    let mut content_phrases = HashMap::new();
    let mut languages: HashMap<String, u8> = HashMap::new();
    let mut max_words = 1;
    for line in crate::wordlist::entries(TABLE) {
        let cols: Vec<&str> = line.split('\t').collect();
        let class = match cols.first().copied() {
            Some("descriptor") => Class::Descriptor,
            Some("country") => Class::Country,
            Some("stop") => Class::Stop,
            // A word facilities are named by (Ласточка): a word here; extraction
            // (persons.rs) sets these lines apart, surnames sharing them.
            Some("word") | Some("name") => Class::Word,
            Some("optional") => Class::Optional,
            Some("prefix") => Class::Prefix,
            _ => continue,
        };
        let Some(concept) = cols.get(1) else { continue };
        let idx = lines.len();
        if class == Class::Prefix {
            let target = lines
                .iter()
                .position(|l: &Line| l.concept == *concept && l.class == Class::Word);
            if let Some(target) = target {
                for col in cols.iter().skip(2) {
                    for form in col.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                        prefixes.push((form.to_lowercase(), target));
                    }
                }
            }
            continue;
        }
        let mut usual: [Option<String>; 7] = Default::default();
        let mut all_forms: [Vec<String>; 7] = Default::default();
        for (li, (slot, all)) in usual.iter_mut().zip(all_forms.iter_mut()).enumerate() {
            let Some(col) = cols.get(2 + li) else {
                continue;
            };
            for (fi, form) in col.split('|').map(str::trim).enumerate() {
                if form.is_empty() {
                    continue;
                }
                if fi == 0 {
                    *slot = Some(form.to_string());
                }
                all.push(form.to_string());
                for w in split_words(form) {
                    *languages.entry(w.to_lowercase()).or_insert(0u8) |= 1 << li;
                }
                let words: Vec<String> = split_words(form).into_iter().map(key).collect();
                if words.is_empty() || words.iter().any(String::is_empty) {
                    continue;
                }
                max_words = max_words.max(words.len());
                if words.len() == 1 && words[0].chars().count() >= 5 && class != Class::Stop {
                    let chars: Vec<char> = words[0].chars().collect();
                    let len = chars.len();
                    let mut keep = len;
                    while keep > len.saturating_sub(2)
                        && keep > 4
                        && "aeiouyvm".contains(chars[keep - 1])
                    {
                        keep -= 1;
                    }
                    stems.push((chars[..keep].iter().collect(), len, idx));
                }
                if class != Class::Stop {
                    content_phrases.entry(words.join(" ")).or_insert(idx);
                }
                phrases.entry(words.join(" ")).or_insert(idx);
            }
        }
        lines.push(Line {
            class,
            concept: concept.to_string(),
            usual,
            forms: all_forms,
        });
    }
    let mut by_concept: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        by_concept.entry(line.concept.clone()).or_default().push(i);
    }
    Table {
        lines,
        phrases,
        content_phrases,
        stems,
        prefixes,
        by_concept,
        max_words,
        languages,
    }
});

/// The Cyrillic language a name is written in, as far as its words show
/// it: a word the table writes so only in Ukrainian ("верховний") and none
/// only in Russian, or the letters і ї є ґ, make it Ukrainian ("uk"); ў, or
/// і with ы or э, Belarusian ("be"). `None` when the words do not tell or
/// the name is Russian.
pub(crate) fn cyrillic_language(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let has = |set: &str| lower.chars().any(|c| set.contains(c));
    if has("ў") || (has("і") && has("ыэ")) {
        return Some("be");
    }
    let (uk, ru, be) = (1u8 << 1, 1u8 << 2, 1u8 << 3);
    let mut only_uk = false;
    for w in split_words(&lower).into_iter().filter(|w| is_cyrillic(w)) {
        let Some(&bits) = WORDS.languages.get(w) else {
            continue;
        };
        if bits & ru != 0 && bits & uk == 0 {
            return None;
        }
        if bits & be != 0 && bits & uk == 0 && bits & ru == 0 {
            return Some("be");
        }
        only_uk |= bits & uk != 0 && bits & ru == 0;
    }
    (only_uk || has("іїєґ")).then_some("uk")
}

/// A compound word's prefix and the line of its rest (Bundesministerium:
/// federal + ministry); the rest must itself be a generic word.
fn compound(word: &str) -> Option<(usize, usize)> {
    let lower = word.to_lowercase();
    WORDS
        .prefixes
        .iter()
        .find_map(|(p, line)| {
            let rest = lower.strip_prefix(p.as_str())?;
            if rest.chars().count() < 4 {
                return None;
            }
            let k = key(rest);
            let rest_line = WORDS.phrases.get(&k).copied().or_else(|| stem_line(&k))?;
            // Session 23: the rest may be a country's adjective (Східно|український:
            // Eastern Ukrainian), read as that country, in an adjective only: a town's
            // name is no compound (Південноукраїнськ, Южноукраинск).
            let country =
                WORDS.lines[rest_line].class == Class::Country && adjective_stem(word).is_some();
            (WORDS.lines[rest_line].class == Class::Word || country).then_some((*line, rest_line))
        })
        .or_else(|| decompound(&lower))
}

/// A compound of two generic words (Justiz|ministerium): a split where
/// both parts, four letters at least, are generic words.
fn decompound(lower: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = lower.chars().collect();
    // Two generic words of four letters at least, and a search that costs
    // a look-up per split: long words only.
    if chars.len() < 9 {
        return None;
    }
    let word_line = |s: &str| {
        let k = key(s);
        WORDS
            .phrases
            .get(&k)
            .copied()
            .or_else(|| stem_line(&k))
            .filter(|l| WORDS.lines[*l].class == Class::Word)
    };
    (4..chars.len().saturating_sub(3)).find_map(|k| {
        let left: String = chars[..k].iter().collect();
        let right: String = chars[k..].iter().collect();
        Some((word_line(&left)?, word_line(&right)?))
    })
}

/// One unit of a name.
#[derive(Debug, Clone)]
pub(crate) enum Unit {
    /// A generic word or phrase read as its line.
    Concept(usize),
    /// Any other word, as written.
    Word(String),
}

/// A name read into units.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reading {
    pub units: Vec<Unit>,
    /// Countries named (concept labels).
    pub countries: BTreeSet<String>,
    /// The words of the units as written (countries and connecting words
    /// left out): "EMERCOM of Russia" → EMERCOM.
    pub rest: Vec<String>,
}

impl Reading {
    fn concepts(&self, class: Class) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .units
            .iter()
            .filter_map(|u| match u {
                Unit::Concept(l) if WORDS.lines[*l].class == class => {
                    Some(WORDS.lines[*l].concept.as_str())
                }
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v
    }

    fn words(&self) -> Vec<&str> {
        self.units
            .iter()
            .filter_map(|u| match u {
                Unit::Word(w) => Some(w.as_str()),
                Unit::Concept(_) => None,
            })
            .collect()
    }
}

/// An inflected form of a one-word form: the form's key less its ending
/// (at most two final letters that an ending may have: vowels, в, м)
/// begins the word, which is at most three letters longer (Міністерства /
/// міністерство, Ministerium / Ministeriums). A consonant of the stem stays:
/// "Євроюст" is not a form of "Європа".
fn stem_line(k: &str) -> Option<usize> {
    let n = k.chars().count();
    WORDS.stems.iter().find_map(|(stem, fl, line)| {
        // What follows the stem is an ending, three letters at most: a
        // longer tail makes another word (Интерфакс is not "interim").
        let tail = n.saturating_sub(stem.chars().count());
        (k.starts_with(stem.as_str()) && n <= fl + 3 && n + 2 >= *fl && tail <= 3).then_some(*line)
    })
}

/// Case endings of Cyrillic nouns, longest first, for the short generic
/// words `stem_line` leaves out (Судом, Суду, Радою).
static SHORT_NOUN_ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| case_endings("short_noun"));

/// The line of a short (three- or four-letter) one-word generic form that a
/// Cyrillic word is in another case of: the word less a noun case ending,
/// alone or with the nominative ending -а/-я/-о, is that form (Судом → суд,
/// Радою → рада). Only content lines, and only a closed set of endings: a
/// short stem with a longer tail is another word (судно is no court).
fn short_inflected_line(word: &str) -> Option<usize> {
    if !is_cyrillic(word) || is_acronym(word) {
        return None;
    }
    let lower = word.to_lowercase();
    SHORT_NOUN_ENDINGS.iter().find_map(|e| {
        let stem = lower.strip_suffix(e.as_str())?;
        let n = stem.chars().count();
        if !(3..=4).contains(&n) {
            return None;
        }
        ["", "а", "я", "о"].iter().find_map(|tail| {
            let line = *WORDS.content_phrases.get(&key(&format!("{stem}{tail}")))?;
            (WORDS.lines[line].class != Class::Country).then_some(line)
        })
    })
}

thread_local! {
    /// Readings of the names compared lately: the resolver compares each
    /// name with every organisation found so far, so one name is read many
    /// times. Cleared when it grows past a bound.
    static READINGS: crate::memo::Memo<Reading> = Default::default();
}

/// How many readings a thread keeps before it forgets them all: more than
/// the forms of the organisations list and the distinct names of a large
/// project, which a resolver reads again at every comparison (a smaller
/// bound is emptied again and again and keeps nothing).
const READINGS_KEPT: usize = 100_000;

/// Reads a name into units (see the module documentation), kept for the
/// names read lately.
pub(crate) fn read(name: &str) -> Reading {
    crate::memo::kept(&READINGS, name, READINGS_KEPT, || read_uncached(name))
}

fn read_uncached(name: &str) -> Reading {
    let t = &*WORDS;
    // A French elided article is its own (connecting) word: "l'Europe" is
    // "l'" and "Europe".
    let mut words: Vec<&str> = Vec::new();
    for w in split_words(name) {
        let elided = ["l'", "d'", "l’", "d’", "L'", "D'"]
            .iter()
            .find_map(|p| w.strip_prefix(p).map(|rest| (w.len() - rest.len(), rest)));
        match elided {
            Some((cut, rest)) if !rest.is_empty() => {
                words.push(&w[..cut]);
                words.push(rest);
            }
            _ => words.push(w),
        }
    }
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let mut r = Reading::default();
    let mut i = 0;
    while i < words.len() {
        let longest = t.max_words.min(words.len() - i);
        let mut found = None;
        for len in (1..=longest).rev() {
            let joined = keys[i..i + len].join(" ");
            if let Some(line) = t.phrases.get(&joined) {
                found = Some((*line, len));
                break;
            }
        }
        // An acronym written in capitals (ООН) is not a connecting word.
        if let Some((line, 1)) = found {
            if t.lines[line].class == Class::Stop && is_acronym(words[i]) {
                found = t.content_phrases.get(&keys[i]).map(|l| (*l, 1));
            }
        }
        if found.is_none() && !is_acronym(words[i]) {
            if let Some((first, second)) = compound(words[i]) {
                r.units.push(Unit::Concept(first));
                if t.lines[second].class == Class::Country {
                    r.countries.insert(t.lines[second].concept.clone());
                } else {
                    r.units.push(Unit::Concept(second));
                }
                r.rest.push(words[i].to_string());
                i += 1;
                continue;
            }
            found = stem_line(&keys[i])
                .or_else(|| short_inflected_line(words[i]))
                .map(|l| (l, 1));
        }
        match found {
            Some((line, used)) => {
                let l = &t.lines[line];
                match l.class {
                    Class::Stop => {}
                    Class::Country => {
                        r.countries.insert(l.concept.clone());
                    }
                    _ => {
                        r.units.push(Unit::Concept(line));
                        r.rest
                            .extend(words[i..i + used].iter().map(|w| w.to_string()));
                    }
                }
                i += used;
            }
            None => {
                r.units.push(Unit::Word(words[i].to_string()));
                r.rest.push(words[i].to_string());
                i += 1;
            }
        }
    }
    r
}

/// The countries a name names (RU, UA, BY …), for the rule that two names
/// of different countries are different organisations.
pub(crate) fn countries(name: &str) -> BTreeSet<String> {
    read(name).countries
}

/// The descriptors' concepts (camp, sanatorium) and the countries a name
/// carries, sorted: the words [`translated`] and the organisation
/// comparison let one side leave out, which the resolver reads so that a
/// name without them does not chain two names with different ones.
pub(crate) fn qualifiers(name: &str) -> (Vec<String>, BTreeSet<String>) {
    let r = read(name);
    let descriptors = r
        .concepts(Class::Descriptor)
        .into_iter()
        .map(str::to_string)
        .collect();
    (descriptors, r.countries)
}

/// Whether a word is a connecting word of the table (of, з, de, für …):
/// "National Police of Ukraine" names the country, "UNICEF Ukraine" a branch.
pub(crate) fn is_stop(word: &str) -> bool {
    WORDS
        .phrases
        .get(&key(word))
        .is_some_and(|l| WORDS.lines[*l].class == Class::Stop)
}

/// Whether a word is one of the table's optional words (м., міста, affairs),
/// which one naming of a body has and another leaves out.
fn is_optional(word: &str) -> bool {
    WORDS
        .phrases
        .get(&key(word))
        .is_some_and(|l| WORDS.lines[*l].class == Class::Optional)
}

pub(crate) fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=7).contains(&letters.len())
        && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
        && letters.first().is_some_and(|c| c.is_uppercase())
}

pub(crate) fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Folds letters that one acronym writes differently in related
/// languages (Є/Е, І/И, Ё/Е, Э/Е): ОБСЄ and ОБСЕ are one acronym.
fn fold_acronym(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .map(|c| match c {
            'Є' | 'Ё' | 'Э' => 'Е',
            'І' | 'Ї' => 'И',
            'Ў' => 'У',
            c => c,
        })
        .collect()
}

/// The initials a form gives an acronym: a form written in capitals (АЕС)
/// whole, else the first letter of each word.
fn initials(form: &str) -> String {
    let words = split_words(form);
    if words.len() == 1 && is_acronym(form) {
        return form.to_string();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// The acronyms a written name may go by in each of the table's languages,
/// folded ([`fold_acronym`]): the initials of each concept's forms in
/// that language (the usual one first) and of each proper word (transliterated to the language's
/// script), with and without the countries' initials at the end; in English, for a Cyrillic
/// name, also in English word order with the country first (see [`acronym_bases`]).
pub(crate) fn acronyms(r: &Reading) -> Vec<String> {
    let t = &*WORDS;
    let mut out = Vec::new();
    let units: Vec<&Unit> = r.units.iter().collect();
    let cyrillic_name = r.rest.iter().any(|w| is_cyrillic(w));
    for (li, _) in LANGS.iter().enumerate() {
        let cyr_lang = matches!(li, 1..=3);
        // Session 23: an English acronym of a name written in Cyrillic may take its words in
        // English order, where a noun's complement goes before it (рада у справах біженців:
        // Refugee Council, комітет порятунку: Rescue Committee): each unit may move to the
        // end; and an English name puts its country's adjective first (Norwegian …).
        let english_order = li == 0 && cyrillic_name;
        let mut orders: Vec<Vec<&Unit>> = vec![units.clone()];
        if english_order && units.len() <= 6 {
            for i in 0..units.len().saturating_sub(1) {
                let mut o = units.clone();
                let u = o.remove(i);
                o.push(u);
                orders.push(o);
            }
        }
        for order in &orders {
            let Some(bases) = acronym_bases(order, li, cyr_lang) else {
                continue;
            };
            for base in bases.iter().filter(|b| !b.is_empty()) {
                out.push(fold_acronym(base));
                for c in &r.countries {
                    if let Some(line) = t
                        .lines
                        .iter()
                        .find(|l| l.class == Class::Country && &l.concept == c)
                    {
                        if let Some(f) = &line.usual[li] {
                            out.push(fold_acronym(&format!("{base}{}", initials(f))));
                            if english_order {
                                out.push(fold_acronym(&format!("{}{base}", initials(f))));
                            }
                        }
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The initials of `units`, in order, in the language of column `li`: each
/// concept's initials by every line of its label (Бюро and Office are one
/// concept, with their own initials), a few combinations at most; an
/// optional word's or none (Окружний адміністративний суд міста Києва:
/// ОАСК, the city word left out); a proper word's first letter
/// (transliterated to the language's script), or all the letters of an
/// acronym among the words in the same script (Управління ФСБ: УФСБ).
/// `None` when a concept has no form in that language.
fn acronym_bases(units: &[&Unit], li: usize, cyr_lang: bool) -> Option<Vec<String>> {
    let t = &*WORDS;
    let mut bases: Vec<String> = vec![String::new()];
    let extend = |bases: &[String], options: &[String]| {
        let mut next = Vec::new();
        for b in bases {
            for o in options {
                if next.len() < 32 {
                    next.push(format!("{b}{o}"));
                }
            }
        }
        next
    };
    for u in units {
        match u {
            Unit::Concept(l) => {
                let concept = &t.lines[*l].concept;
                // The usual forms' initials first, then those of the
                // other forms that give other initials.
                let same: Vec<&Line> = t
                    .by_concept
                    .get(concept)
                    .into_iter()
                    .flatten()
                    .map(|i| &t.lines[*i])
                    .collect();
                let mut options: Vec<String> = same
                    .iter()
                    .filter_map(|x| x.usual[li].as_deref().map(initials))
                    .collect();
                if !options.is_empty() {
                    for f in same.iter().flat_map(|x| x.forms[li].iter()) {
                        let i = initials(f);
                        if !options.contains(&i) {
                            options.push(i);
                        }
                    }
                }
                options.dedup();
                if options.is_empty() {
                    return None;
                }
                if t.lines[*l].class == Class::Optional {
                    options.push(String::new());
                }
                bases = extend(&bases, &options);
            }
            Unit::Word(w) => {
                let first = if is_cyrillic(w) == cyr_lang {
                    w.chars().next()
                } else if cyr_lang {
                    casefile_names::to_cyrillic(w, cyrillic_lang(li))
                        .chars()
                        .next()
                } else {
                    casefile_names::transliterate(w, casefile_names::Scheme::UkNational2010)
                        .chars()
                        .next()
                };
                let Some(c) = first else { continue };
                let mut options = vec![c.to_string()];
                if is_acronym(w) && is_cyrillic(w) == cyr_lang && w.chars().count() > 1 {
                    options.push(w.chars().filter(|c| c.is_alphabetic()).collect());
                }
                bases = extend(&bases, &options);
            }
        }
    }
    Some(bases)
}

fn cyrillic_lang(li: usize) -> casefile_core::Lang {
    match li {
        2 => casefile_core::Lang::Ru,
        3 => casefile_core::Lang::Be,
        _ => casefile_core::Lang::Uk,
    }
}

/// Whether two proper words are one word across scripts, or a place's
/// adjective and its name (Каховська / Kakhovka, Олешківський / Oleshky).
fn words_match(x: &str, y: &str, adjectives: bool) -> bool {
    // Kept per thread: a name's words meet the same words of other names
    // at every comparison, and each costs place lookups and comparisons.
    let key = format!("{x}{sep}{y}{sep}{adjectives}", sep = crate::memo::SEPARATOR);
    crate::memo::kept(&WORDS_MATCH, &key, READINGS_KEPT, || {
        words_match_uncached(x, y, adjectives)
    })
}

thread_local! {
    static WORDS_MATCH: crate::memo::Memo<bool> = Default::default();
}

fn words_match_uncached(x: &str, y: &str, adjectives: bool) -> bool {
    if casefile_names::compare_place(x, y).score >= 0.85 || key(x) == key(y) {
        return true;
    }
    // One body's acronyms in two languages (OSCE / ОБСЕ, ICRC / МККК), as
    // the organisation list gives them.
    if is_acronym(x) && is_acronym(y) && crate::name_kinds::same_listed_organization(x, y) {
        return true;
    }
    // Session 24: one adjective of a common word in two of the Cyrillic
    // languages or in two cases (Драматический / драматичний / драматычны,
    // Педагогического / педагогічний).
    if cognate_adjectives(x, y) {
        return true;
    }
    if !adjectives {
        return false;
    }
    // Inflected place names (Москвы / Moscow) through the gazetteer.
    if crate::name_kinds::same_place(x, y) {
        return true;
    }
    // Session 30: the adjectives of one place in two languages' spellings,
    // through the places they are made of (Брестского / Брэсцкага: Брест,
    // whose entry lists Брэст).
    if crate::name_kinds::adjectives_of_one_place(x, y) {
        return true;
    }
    let (lx, ly) = (latin(x), latin(y));
    if adjective_of(&lx, &ly) || adjective_of(&ly, &lx) || stem_matches(x, y) || stem_matches(y, x)
    {
        return true;
    }
    // A place adjective of a town in -ичи: Russian writes its ч before the
    // suffix, Ukrainian and Belarusian a ц (Барановичский / Барановицький /
    // Баранавіцкі, Ляховичский / Ляхавіцкі).
    let (fx, fy) = (soft_suffix_folded(x), soft_suffix_folded(y));
    if (fx != x || fy != y) && casefile_names::compare_place(&fx, &fy).score >= 0.85 {
        return true;
    }
    // One place adjective in two cases (Сумської / Сумська, Курской /
    // Курская): the same stem before the case ending.
    // Belarusian writes an unstressed о as а (Аршанскі / Оршанский): the
    // stems equal with а and о read as one letter.
    // Session 22: Belarusian writes я, і, э where Russian writes е, и, е
    // (Нясвіжскі / Несвижский): the stems equal with those read as one.
    let akanye = |s: &str| {
        s.chars()
            .map(|c| match c {
                'а' => 'о',
                'я' | 'э' | 'ё' => 'е',
                'і' => 'и',
                'ў' => 'в',
                c => c,
            })
            .collect::<String>()
    };
    if matches!((adjective_stem(x), adjective_stem(y)), (Some(p), Some(q)) if p == q || akanye(&p) == akanye(&q))
    {
        return true;
    }
    same_adjective_place(x, y)
}

/// Case endings of Cyrillic adjectives in Ukrainian, Russian and
/// Belarusian, longest first, for [`cognate_stem`].
const COGNATE_ADJECTIVE_ENDINGS: &[&str] = &[
    "ого", "ому", "ими", "ыми", "ага", "аму", "ий", "ій", "ый", "ой", "ої", "ою", "ая", "яя", "ое",
    "ее", "ые", "ие", "ых", "их", "іх", "ыя", "ія", "ае", "ім", "ым", "ом", "ай", "а", "е", "і",
    "ы", "я",
];

/// Session 24: the stem of a Cyrillic adjective of a common word, as the
/// three languages spell it alike: its case ending dropped, the Russian
/// suffix -ическ- read as the -ичн-/-ічн-/-ычн- of Ukrainian and Belarusian
/// (драматический / драматичний / драматычны), and the letters the three
/// write for one sound read as one (і, ы, и; е, є, э, ё; а, о, which
/// Belarusian writes for an unstressed о; ў, в; ґ, г; soft signs and
/// apostrophes left out). `None` for a word that is not such an adjective
/// (a place adjective in -ськ-/-ск- is compared as a place's), or a stem of
/// fewer than six letters, where spellings of two words meet by chance.
fn cognate_stem(word: &str) -> Option<String> {
    if !is_cyrillic(word) || is_acronym(word) {
        return None;
    }
    let lower = word.to_lowercase();
    let stem = COGNATE_ADJECTIVE_ENDINGS
        .iter()
        .find_map(|e| lower.strip_suffix(e))?;
    let stem = stem
        .strip_suffix("ическ")
        .map(|s| format!("{s}ичн"))
        .unwrap_or_else(|| stem.to_string());
    // Only the suffix -н- of adjectives of common words after a consonant
    // (драматичн-, активн-, національн-): a surname's -ин-/-ын- (Пушкина)
    // has a vowel before it.
    let mut rev = stem.chars().rev();
    let suffixed =
        rev.next() == Some('н') && rev.next().is_some_and(|c| !"аеёиоуыэюяієїў".contains(c));
    if !suffixed {
        return None;
    }
    let folded: String = stem
        .chars()
        .filter(|c| !matches!(c, 'ь' | '\'' | '’' | 'ʼ'))
        .map(|c| match c {
            'і' | 'ы' | 'ї' => 'и',
            'є' | 'э' | 'ё' => 'е',
            'а' => 'о',
            'ў' => 'в',
            'ґ' => 'г',
            c => c,
        })
        .collect();
    (folded.chars().count() >= 6).then_some(folded)
}

/// Whether two Cyrillic words are one adjective of a common word, in two
/// languages or two cases ([`cognate_stem`]).
fn cognate_adjectives(x: &str, y: &str) -> bool {
    matches!((cognate_stem(x), cognate_stem(y)), (Some(p), Some(q)) if p == q)
}

/// Stem endings of place adjectives and the endings of the place names they
/// are made of (`data/lexicon/place_adjective_nouns.tsv`), in the file's order.
static ADJECTIVE_NOUNS: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/place_adjective_nouns.tsv"))
        .filter_map(|l| {
            let (from, to) = l.split_once('\t')?;
            let to = to.split('|').map(|e| e.trim().to_string()).collect();
            Some((from.trim().to_string(), to))
        })
        .collect()
});

/// The place names the gazetteer knows that a Cyrillic place adjective may be
/// made of (Олешківський: Олешки; Еленовская: Еленовка; Таганрозьке:
/// Таганрог), by [`ADJECTIVE_NOUNS`]; empty for a word that is no place
/// adjective.
fn adjective_places(word: &str) -> Vec<String> {
    let Some(stem) = adjective_stem(word) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for (from, endings) in ADJECTIVE_NOUNS.iter() {
        let Some(base) = stem.strip_suffix(from.as_str()) else {
            continue;
        };
        if base.chars().count() < 2 {
            continue;
        }
        for e in endings {
            let noun = format!("{base}{e}");
            if !out.contains(&noun) && crate::name_kinds::is_known_place(&noun) {
                out.push(noun);
            }
        }
    }
    out
}

/// Session 23: two place adjectives of one place in two languages, whose
/// stems differ by more than spelling (Олешківський / Алешкинский,
/// Оленівська / Еленовская): each made of a place name the gazetteer knows,
/// and the two names one place's.
fn same_adjective_place(x: &str, y: &str) -> bool {
    let (px, py) = (adjective_places(x), adjective_places(y));
    px.iter()
        .any(|a| py.iter().any(|b| crate::name_kinds::same_place(a, b)))
}

/// Case endings of Cyrillic adjectives after their "-ськ-"/"-ск-" suffix, in
/// Ukrainian, Russian and Belarusian, longest first.
const ADJECTIVE_CASE_ENDINGS: &[&str] = &[
    "ому", "ого", "ими", "ага", "ий", "ій", "ої", "им", "их", "ім", "ою", "ой", "ом", "ую", "ая",
    "ое", "ые", "ых", "ай", "ае", "ія", "іх", "ыя", "а", "е", "у", "і", "ы",
];

/// A Cyrillic place adjective (Сумської, Курская, Гродзенскай) less its case
/// ending: the stem through its "ськ"/"ск"/"цьк"/"цк"/"зьк"/"зк", which all
/// the cases share; `None` for any other word or a stem of fewer than five
/// letters.
fn adjective_stem(word: &str) -> Option<String> {
    if !is_cyrillic(word) {
        return None;
    }
    let lower = word.to_lowercase();
    ADJECTIVE_CASE_ENDINGS.iter().find_map(|e| {
        let stem = lower.strip_suffix(e)?;
        (stem.ends_with("ськ")
            || stem.ends_with("ск")
            || stem.ends_with("цьк")
            || stem.ends_with("цк")
            || stem.ends_with("зьк")
            || stem.ends_with("зк"))
        .then_some(stem)
        .filter(|s| s.chars().count() >= 5)
        .map(str::to_string)
    })
}

/// A Cyrillic word with the Russian "чск" of a place adjective written as
/// the "цк" of Ukrainian and Belarusian; the word as written otherwise.
fn soft_suffix_folded(word: &str) -> String {
    let lower = word.to_lowercase();
    if !lower.contains("чск") {
        return word.to_string();
    }
    lower.replace("чск", "цк")
}

/// Whether `adj` is the adjective of the place `place` (Берегівська /
/// Берегове, Каховська / Kakhovka), as the words of translated names pair.
pub(crate) fn adjective_names(adj: &str, place: &str) -> bool {
    let (la, lp) = (latin(adj), latin(place));
    adjective_of(&la, &lp) || stem_matches(adj, place)
}

/// Cyrillic adjectival endings of names made of places (-ський, -ский,
/// -скі, -ська …), longest first.
const CYRILLIC_ADJECTIVE_ENDINGS: &[&str] = &[
    "ського",
    "ского",
    "ський",
    "ська",
    "ське",
    "ский",
    "ская",
    "ское",
    "скі",
    "ская",
    "скае",
    "зька",
    "зький",
    "цька",
    "цький",
    "цкі",
];

/// `adj`, a Cyrillic adjective, less its ending, spells the name `noun`
/// (Хельсінкскі / Helsinki).
fn stem_matches(adj: &str, noun: &str) -> bool {
    let lower = adj.to_lowercase();
    let Some(stem) = CYRILLIC_ADJECTIVE_ENDINGS
        .iter()
        .find_map(|e| lower.strip_suffix(e))
    else {
        return false;
    };
    // A stem of three letters only for a place the gazetteer knows by it
    // (Мирский / Mir); and a stem the gazetteer gives the place's name in
    // another language's spelling (Нясвіжскі / Nesvizh, whose entry lists
    // Нясвіж).
    let short = stem.chars().count() == 3 && crate::name_kinds::is_known_place(noun);
    if stem.chars().count() < 4 && !short {
        return false;
    }
    if crate::name_kinds::is_known_place(noun) && crate::name_kinds::same_place(stem, noun) {
        return true;
    }
    // The noun with and without its last vowel (Helsinki / Хельсінк-), and
    // without a final -ка/-ки, which the adjective's suffix replaces
    // (Макіївка / Макеевский).
    let trimmed = noun.trim_end_matches(|c: char| "aeiouyаеиоуыяюєії".contains(c));
    let lower_noun = noun.to_lowercase();
    let unsuffixed = ["ка", "ки", "ky", "ka", "ki"]
        .iter()
        .find_map(|e| lower_noun.strip_suffix(e))
        .filter(|n| n.chars().count() >= 4)
        .unwrap_or("");
    // The adjective with and without the linking -ів-/-ев-/-ов- of a
    // plural or -ка name (Олешківський / Олешки).
    let linked = ["ів", "їв", "ев", "єв", "ов"]
        .iter()
        .find_map(|e| stem.strip_suffix(e))
        .filter(|s| s.chars().count() >= 4)
        .unwrap_or("");
    if [noun, trimmed]
        .iter()
        .any(|n| !n.is_empty() && casefile_names::compare_place(stem, n).score >= 0.8)
    {
        return true;
    }
    // The looser readings only for a place the gazetteer knows: a surname
    // is not the adjective of another (Вершиніна / Вершиновського).
    if (linked.is_empty() && unsuffixed.is_empty()) || !crate::name_kinds::is_known_place(noun) {
        return false;
    }
    [stem, linked].iter().filter(|s| !s.is_empty()).any(|s| {
        [noun, trimmed, unsuffixed]
            .iter()
            .any(|n| !n.is_empty() && casefile_names::compare_place(s, n).score >= 0.8)
    })
}

fn latin(w: &str) -> String {
    let t = if is_cyrillic(w) {
        casefile_names::transliterate(w, casefile_names::Scheme::UkNational2010)
    } else if w.chars().any(|c| "łńśźżćąęó".contains(c))
        || ["w", "cz", "sz", "rz"]
            .iter()
            .any(|p| w.to_lowercase().contains(p))
    {
        // A Polish spelling (winnicki) read in the Ukrainian romanisation's
        // letters (vinnicki).
        let mut out = w.to_lowercase();
        for (from, to) in [
            ("szcz", "shch"),
            ("sz", "sh"),
            ("cz", "\u{1}"),
            ("ch", "kh"),
            ("\u{1}", "ch"),
            ("rz", "zh"),
            ("w", "v"),
            ("ł", "l"),
            ("ń", "n"),
            ("ś", "s"),
            ("ź", "z"),
            ("ż", "zh"),
            ("ć", "ts"),
            ("ą", "on"),
            ("ę", "en"),
            ("ó", "o"),
        ] {
            out = out.replace(from, to);
        }
        out
    } else {
        w.to_string()
    };
    t.to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect()
}

/// Adjectival endings of place adjectives, romanised (Ukrainian, Russian,
/// Belarusian: -ська, -ский, -ская, -зька …; Polish -cki, -skie), longest
/// first within each length.
const ADJECTIVE_ENDINGS: &[&str] = &[
    "skoho", "skaia", "skaya", "skyi", "skyy", "skii", "skiy", "skoe", "skoi", "skaja", "skoje",
    "skie", "ckie", "ska", "ske", "sky", "ski", "zka", "zkyi", "zke", "tska", "tskyi", "tske",
    "cki", "cka",
];

/// `adj` (romanised, lower case) is an adjective made of the place `noun`:
/// without its ending it shares its first letters with the noun (four at
/// least, and all but three of its own).
fn adjective_of(adj: &str, noun: &str) -> bool {
    let Some(stem) = ADJECTIVE_ENDINGS.iter().find_map(|e| adj.strip_suffix(e)) else {
        return false;
    };
    // Two adjectives are two places' unless they are one word spelled two
    // ways, which `words_match` finds by itself: the loose prefix below is
    // for an adjective against its noun only (Черкаська is not
    // Чернігівська, though both begin "cher").
    if ADJECTIVE_ENDINGS.iter().any(|e| noun.ends_with(e)) {
        return false;
    }
    let n = stem.chars().count();
    let common = stem
        .chars()
        .zip(noun.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= 4 && common + 3 >= n
}

/// Two names translated word by word: `Some((true, why))` when their
/// concepts (descriptors aside, which must agree when both have them) are
/// one multiset, at least one concept is there, and every proper word finds a
/// partner, or the words left without one are, on both sides, one person's
/// name (two words at least: a foundation or a university named after a
/// person); `Some((false, why))` when they name different countries; `None`
/// when the table does not decide.
pub(crate) fn translated(a: &str, b: &str) -> Option<(bool, String)> {
    translated_with(a, b, false)
}

/// [`translated`] for two organisations: a place one side names besides
/// the words both share ("Лефортовский районный суд Москвы" / "Лефортовский
/// суд") locates the body the shared proper words already name; it does not
/// make another body. The shared words must hold a proper word that is not
/// an acronym: "МВД Москвы" is not "МВД".
pub(crate) fn translated_located(a: &str, b: &str) -> Option<(bool, String)> {
    translated_with(a, b, true)
}

fn translated_with(a: &str, b: &str, located: bool) -> Option<(bool, String)> {
    let (ra, rb) = (read(a), read(b));
    if !ra.countries.is_empty()
        && !rb.countries.is_empty()
        && ra.countries.is_disjoint(&rb.countries)
    {
        return Some((false, format!("{a} and {b} name different countries")));
    }
    let (wa, wb) = (ra.concepts(Class::Word), rb.concepts(Class::Word));
    let (da, db) = (
        ra.concepts(Class::Descriptor),
        rb.concepts(Class::Descriptor),
    );
    if wa != wb {
        return None;
    }
    if !da.is_empty() && !db.is_empty() && da != db && !loosely_rendered(a, b, &da, &db) {
        return None;
    }
    if wa.is_empty() && da.is_empty() && db.is_empty() {
        return None;
    }
    let (pa, pb) = numbered_words(ra.words(), rb.words());
    if pa.len() != pb.len() && !located {
        return None;
    }
    if wa.is_empty() && pa.is_empty() && pb.is_empty() {
        // Descriptors alone (a camp / a camp) name nothing, unless both name one country by
        // it: a country's only facility of its kind is named so (Belarusian NPP / Беларуская
        // атамная электрастанцыя / Белорусская АЭС).
        return country_named_facility(&ra, &rb, &da, &db).then(|| {
            (
                true,
                format!(
                    "{a} and {b} name one kind of facility ({}) of one country",
                    da.join(", ")
                ),
            )
        });
    }
    if wa.is_empty() && pa.is_empty() {
        return None;
    }
    // A facility and the town it is named after (Каховська ГЕС / Каховка)
    // are two places: where one side alone has a descriptor, its adjective
    // does not stand for the town's name.
    let adjectives = da.is_empty() == db.is_empty();
    if !adjectives {
        let bare = if da.is_empty() { a } else { b };
        if (crate::name_kinds::is_known_place(bare) || settlement_like(bare))
            && !wholly_quoted(bare)
        {
            return None;
        }
    }
    let mut used = vec![false; pb.len()];
    let mut unpaired: Vec<&str> = Vec::new();
    for x in &pa {
        match (0..pb.len()).find(|j| !used[*j] && words_match(x, pb[*j], adjectives)) {
            Some(j) => used[j] = true,
            None => unpaired.push(*x),
        }
    }
    let left: Vec<&str> = (0..pb.len()).filter(|j| !used[*j]).map(|j| pb[j]).collect();
    // A paired word of the body's own name: no acronym, and no place
    // unless a place's adjective (Лефортовский); "Kyiv District Court" is
    // not the Pecherskyi District Court of Kyiv.
    let paired_proper = pa.iter().any(|w| {
        !unpaired.contains(w)
            && !is_acronym(w)
            && w.chars().count() > 1
            && (adjective_stem(w).is_some() || !crate::name_kinds::is_known_place(w))
    });
    let locates = |words: &[&str]| {
        !words.is_empty()
            && words.iter().all(|w| {
                w.chars().count() > 2
                    && !is_acronym(w)
                    && crate::name_kinds::is_known_place(w)
                    && adjective_stem(w).is_none()
            })
    };
    if located
        && paired_proper
        && ((unpaired.is_empty() && locates(&left)) || (left.is_empty() && locates(&unpaired)))
    {
        // A place on one side only locates the body the shared words name.
    } else if !unpaired.is_empty() || !left.is_empty() {
        // The words left on both sides may be one person's name, declined
        // on one side (Фонд Ахмата Кадырова / Akhmat Kadyrov Foundation),
        // or all the proper words of both sides may be, when a given name
        // paired by itself (Фонд Сергія Жадана / Serhiy Zhadan Foundation).
        let person = |x: &[&str], y: &[&str]| {
            if located {
                named_after_person(x, y)
            } else {
                x.len() >= 2
                    && !y.is_empty()
                    && crate::name_kinds::same_person(&x.join(" "), &y.join(" "))
            }
        };
        if !(person(&unpaired, &left) || located && pa.len() == pb.len() && person(&pa, &pb)) {
            return None;
        }
    }
    Some((
        true,
        format!(
            "{a} and {b} are one name translated word by word (generic words: {})",
            wa.iter()
                .chain(da.iter().chain(db.iter()))
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

/// Nominative endings of Cyrillic adjectives, which many towns' names are
/// (Янтарный, Солнечное, Зелена).
const SETTLEMENT_ADJECTIVE_ENDINGS: &[&str] = &[
    "ый", "ий", "ій", "ой", "ое", "ее", "ая", "яя", "ае", "ые", "не", "на", "ны", "ні",
];

/// Session 24: a bare name of one Cyrillic adjective, unquoted (Янтарный):
/// named so, it may be a town the gazetteer lacks as well as a facility's
/// own name, so a facility named by its translation (лагерь «Янтарь»)
/// is not taken for it.
fn settlement_like(name: &str) -> bool {
    let words = split_words(name);
    let [word] = words.as_slice() else {
        return false;
    };
    let lower = word.to_lowercase();
    is_cyrillic(word)
        && !is_acronym(word)
        && SETTLEMENT_ADJECTIVE_ENDINGS
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Whether a word is a number written in digits (№ 120, СИЗО-2).
fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

/// The proper words of two names, with the numbers of one left out when only
/// that one carries numbers and the other has proper words of its own
/// (Таганрозьке СІЗО / СИЗО-2 Таганрог): a facility is often named without
/// its number, which then cannot tell it apart; two different numbers were
/// told apart before (`numbers_differ`), and a number is otherwise a proper
/// word that must find its partner.
fn numbered_words<'a>(pa: Vec<&'a str>, pb: Vec<&'a str>) -> (Vec<&'a str>, Vec<&'a str>) {
    let numbered = |v: &[&str]| v.iter().any(|w| is_number(w));
    let named = |v: &[&str]| v.iter().any(|w| !is_number(w));
    let drop = |v: Vec<&'a str>| v.into_iter().filter(|w| !is_number(w)).collect();
    match (numbered(&pa), numbered(&pb)) {
        (true, false) if named(&pa) && named(&pb) => (drop(pa), pb),
        (false, true) if named(&pa) && named(&pb) => (pa, drop(pb)),
        _ => (pa, pb),
    }
}

/// Two readings of nothing but the same descriptors and the same country,
/// named on both sides: one country's facility of that kind.
fn country_named_facility(ra: &Reading, rb: &Reading, da: &[&str], db: &[&str]) -> bool {
    !da.is_empty()
        && da == db
        && !ra.countries.is_empty()
        && ra.countries == rb.countries
        && ra.words().is_empty()
        && rb.words().is_empty()
}

/// Kinds of children's home, which a translation into another script
/// renders loosely (дитячий будинок-інтернат as "children's home", будинок
/// дитини as "children's home"): across scripts any two are compatible.
/// Within one script the words are the names' own, and differ.
const HOMES: &[&str] = &["orphanage", "boarding home", "baby home"];

/// Whether two names' different descriptors `da` / `db` may be one kind of
/// facility rendered loosely: both kinds of home, the names in two scripts.
fn loosely_rendered(a: &str, b: &str, da: &[&str], db: &[&str]) -> bool {
    is_cyrillic(a) != is_cyrillic(b) && da.iter().chain(db.iter()).all(|d| HOMES.contains(d))
}

/// A name written wholly in quotation marks («Сосновый бор»): a facility's
/// or a body's own name, not a settlement's, whatever town shares it.
pub(crate) fn wholly_quoted(name: &str) -> bool {
    let t = name.trim();
    let open = t.starts_with(['«', '"', '“', '„']);
    let close = t.ends_with(['»', '"', '”', '“']);
    open && close && t.chars().count() > 2
}

/// Two names that are one descriptor alone, the same (будинок дитини / дом
/// ребёнка / baby home), with no other word: a facility named by its kind,
/// which the place it is in identifies.
pub(crate) fn same_kind_alone(a: &str, b: &str) -> bool {
    let (ra, rb) = (read(a), read(b));
    let alone = |r: &Reading| {
        r.words().is_empty()
            && r.concepts(Class::Word).is_empty()
            && r.countries.is_empty()
            && !r.concepts(Class::Descriptor).is_empty()
    };
    alone(&ra) && alone(&rb) && ra.concepts(Class::Descriptor) == rb.concepts(Class::Descriptor)
}

/// Case endings a surname may carry in a foundation's name (the genitive
/// and other cases in Ukrainian, Russian, Belarusian and Polish), longest
/// first: the surname less one of them is its stem (Горчакова / Gorchakov,
/// Баторія / Batorego).
static SURNAME_CASE_ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| case_endings("surname"));

/// A surname and its stems (the word less one case ending, three letters
/// at least left).
fn surname_stems(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out = vec![lower.clone()];
    for e in SURNAME_CASE_ENDINGS.iter() {
        if let Some(stem) = lower.strip_suffix(e.as_str()) {
            if stem.chars().count() >= 3 && !out.iter().any(|o| o == stem) {
                out.push(stem.to_string());
            }
        }
    }
    out
}

/// Whether two words are one surname in any case and script: a stem of
/// one and a stem of the other spell one name (Горчакова / Gorchakov,
/// Баторія / Batorego, Потанина / Potanin). Strict: Любимова is not
/// Любимцева.
fn same_surname(x: &str, y: &str) -> bool {
    if x.chars().count() < 3 || y.chars().count() < 3 {
        return false;
    }
    // Kept per thread, like `words_match`: the same words meet again at
    // every comparison of the names holding them.
    let key = format!("{x}{}{y}", crate::memo::SEPARATOR);
    crate::memo::kept(&SAME_SURNAMES, &key, READINGS_KEPT, || {
        same_surname_uncached(x, y)
    })
}

thread_local! {
    static SAME_SURNAMES: crate::memo::Memo<bool> = Default::default();
}

fn same_surname_uncached(x: &str, y: &str) -> bool {
    let (sx, sy) = (surname_stems(x), surname_stems(y));
    // Session 23: or one foreign (German, Polish …) name read as it sounds in Cyrillic
    // (Бьолля / Böll), stems of four letters at least.
    sx.iter().any(|p| {
        sy.iter().any(|q| {
            key(p) == key(q)
                || (p.chars().count() >= 4
                    && q.chars().count() >= 4
                    && (casefile_names::compare_place(p, q).score >= 0.9
                        || (is_cyrillic(p) != is_cyrillic(q)
                            && casefile_names::same_foreign_name(p, q))))
        })
    })
}

/// A word that is an initial (G., А.) rather than a name.
fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

/// Whether the proper words of two names of one kind of body are one
/// person's name (a foundation or a centre named after someone): as persons
/// ([`crate::name_kinds::same_person`], declined on one side), with
/// initials on one side only set aside (Howard G. Buffett / Говарда
/// Баффета), or one side naming the person by the surname alone (Фонд
/// Горчакова / Gorchakov Fund, Fundacja Batorego / Фонд Стефана Баторія).
fn named_after_person(xs: &[&str], ys: &[&str]) -> bool {
    if xs.is_empty() || ys.is_empty() {
        return false;
    }
    if xs.len() >= 2
        && ys.len() >= 2
        && crate::name_kinds::same_person(&xs.join(" "), &ys.join(" "))
    {
        return true;
    }
    let full = |v: &[&str]| -> Vec<String> {
        v.iter()
            .filter(|w| !is_initial(w))
            .map(|w| w.to_string())
            .collect()
    };
    let (fx, fy) = (full(xs), full(ys));
    if fx.is_empty() || fy.is_empty() {
        return false;
    }
    if (fx.len() != xs.len() || fy.len() != ys.len())
        && fx.len() >= 2
        && fy.len() >= 2
        && crate::name_kinds::same_person(&fx.join(" "), &fy.join(" "))
    {
        return true;
    }
    // A name in another language's cases, word for word (Stefana Batorego
    // / Stefan Batory): each word's stem in common.
    if fx.len() == fy.len() && fx.iter().zip(fy.iter()).all(|(x, y)| same_surname(x, y)) {
        return true;
    }
    // A surname alone against a name whose last word is that surname, the
    // rest of that name a given name (and initials) or nothing.
    let surname_alone = |one: &[String], other: &[String]| {
        let ([s], Some(last)) = (one, other.last()) else {
            return false;
        };
        other.len() <= 3 && same_surname(s, last)
    };
    surname_alone(&fx, &fy) || surname_alone(&fy, &fx)
}

/// Case endings of Cyrillic nouns and adjectives (Ukrainian, Russian,
/// Belarusian), for [`same_words_in_other_cases`].
static INFLECTION_ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| case_endings("inflection"));

/// The endings of one rule set of `data/lexicon/word_case_endings.tsv`, in
/// the file's order.
fn case_endings(set: &str) -> Vec<String> {
    crate::wordlist::pairs(
        "word_case_endings.tsv",
        include_str!("../data/lexicon/word_case_endings.tsv"),
    )
    .filter(|(s, _)| *s == set)
    .map(|(_, e)| e.trim().to_string())
    .collect()
}

/// A Cyrillic word's keys with and without each case ending it may carry
/// (three letters at least left).
fn inflection_keys(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut out = vec![key(&lower)];
    for e in INFLECTION_ENDINGS.iter() {
        if let Some(stem) = lower.strip_suffix(e.as_str()) {
            if stem.chars().count() >= 3 {
                out.push(key(stem));
            }
        }
    }
    out
}

/// The blocking keys of [`same_words_in_other_cases`]: every key of its
/// first word's forms with and without a case ending (two names it joins
/// share one), for a Cyrillic name; none otherwise. The first word that is
/// not an optional word, which that comparison leaves out.
pub(crate) fn inflection_block_keys(name: &str) -> Vec<String> {
    if !is_cyrillic(name) {
        return Vec::new();
    }
    split_words(name)
        .into_iter()
        .find(|w| !is_optional(w))
        .map(inflection_keys)
        .unwrap_or_default()
}

/// Two Cyrillic names of the same words, word for word in order, each pair
/// one word in two cases (a stem in common once a case ending is set
/// aside): "Конституційним Судом України" / "Конституційний Суд України",
/// "Генпрокуратурой России" / "Генпрокуратура России", "Нашай Нівы" /
/// "Наша Ніва". The countries must be the same, digits equal, and a
/// one-word name keeps a stem of five letters.
pub(crate) fn same_words_in_other_cases(a: &str, b: &str) -> bool {
    if !is_cyrillic(a) || !is_cyrillic(b) || a == b {
        return false;
    }
    // Session 23: a word the table lets one naming leave out ("м." of "суд м. Києва") is
    // not one of the words compared.
    let kept = |n: &'_ str| -> Vec<String> {
        split_words(n)
            .into_iter()
            .filter(|w| !is_optional(w))
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (kept(a), kept(b));
    if wa.len() != wb.len() || wa.is_empty() || wa.iter().all(|w| is_acronym(w)) {
        return false;
    }
    if countries(a) != countries(b) {
        return false;
    }
    wa.iter().zip(wb.iter()).all(|(x, y)| {
        if x.to_lowercase() == y.to_lowercase() {
            return true;
        }
        if x.chars().any(|c| c.is_ascii_digit()) || y.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if is_acronym(x) || is_acronym(y) {
            return false;
        }
        let (kx, ky) = (inflection_keys(x), inflection_keys(y));
        kx.iter().any(|k| {
            (wa.len() > 1 || k.chars().count() >= 5) && k.chars().count() >= 3 && ky.contains(k)
        })
    })
}

/// A body named short by its kind and the person it is named after
/// ("Фонд Горчакова", "Ельцин-центр") against its full name, which has the
/// same kinds among more words and ends in that person's name ("Фонд
/// поддержки публичной дипломатии имени А. М. Горчакова", "Президентский
/// центр Б. Н. Ельцина"): the short name's generic words all among the
/// long one's, its proper words (a person's name, three words at most)
/// the last proper words of the long one as a person ([`named_after_person`]).
/// Countries must not differ.
pub(crate) fn named_short(short: &str, long: &str) -> bool {
    let (rs, rl) = (read(short), read(long));
    if !rs.countries.is_empty() && !rl.countries.is_empty() && rs.countries != rl.countries {
        return false;
    }
    let (ks, kl) = (rs.concepts(Class::Word), rl.concepts(Class::Word));
    if ks.is_empty() || rs.units.len() >= rl.units.len() {
        return false;
    }
    let mut rest = kl.clone();
    for k in &ks {
        match rest.iter().position(|x| x == k) {
            Some(i) => {
                rest.remove(i);
            }
            None => return false,
        }
    }
    let (ps, pl) = (rs.words(), rl.words());
    if ps.is_empty() || ps.len() > 3 || pl.len() <= ps.len() && rest.is_empty() {
        return false;
    }
    // The short name's proper words look like a person's: capitalised, no
    // acronym, no place or place adjective (Qatar Foundation, Рада
    // міністрів Криму, Херсонська ОВА name places, not persons).
    let personal = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !is_acronym(w)
            && adjective_stem(w).is_none()
            && !crate::name_kinds::is_known_place(w)
    };
    if !ps.iter().all(personal) {
        return false;
    }
    // The long name's proper words end in the person's, named in full or
    // by initials and surname (two words at least): the last run of two to
    // four.
    (2..=pl.len().min(4)).any(|n| named_after_person(&ps, &pl[pl.len() - n..]))
}

/// Blocking keys of [`named_short`] and of a person a body is named after
/// ([`named_after_person`]): the keys of the stems of a name's last proper
/// word, where a person's surname stands (both names of one person share
/// one when their surnames' stems spell alike).
pub(crate) fn person_block_keys(name: &str) -> Vec<String> {
    let r = read(name);
    if r.concepts(Class::Word).is_empty() {
        return Vec::new();
    }
    let words = r.words();
    let Some(last) = words
        .iter()
        .rev()
        .find(|w| !is_initial(w) && !is_acronym(w))
    else {
        return Vec::new();
    };
    let mut keys: Vec<String> = surname_stems(last).iter().map(|s| key(s)).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// An acronym inside a longer name (Правительство ХМАО / Правительство
/// Ханты-Мансийского автономного округа; ГУНП у Київській області / Main
/// Directorate of the National Police in Kyiv Oblast): `short` has one
/// acronym among its other units, which each find a partner in `long` (the
/// same concept, or a proper word that matches); the units of `long` left
/// over are one run, of two units at least, whose acronym in one of the
/// table's languages is that acronym. Countries must not differ.
pub(crate) fn acronym_within(short: &str, long: &str) -> bool {
    let (rs, rl) = (read(short), read(long));
    if !rs.countries.is_empty() && !rl.countries.is_empty() && rs.countries != rl.countries {
        return false;
    }
    let acronym_at: Vec<usize> = (0..rs.units.len())
        .filter(|i| matches!(&rs.units[*i], Unit::Word(w) if is_acronym(w)))
        .collect();
    let [at] = acronym_at.as_slice() else {
        return false;
    };
    if rs.units.len() < 2 {
        return false;
    }
    let Unit::Word(acronym) = &rs.units[*at] else {
        return false;
    };
    let mut used = vec![false; rl.units.len()];
    for (i, u) in rs.units.iter().enumerate() {
        if i == *at {
            continue;
        }
        let partner = (0..rl.units.len()).find(|j| {
            !used[*j]
                && match (u, &rl.units[*j]) {
                    (Unit::Concept(x), Unit::Concept(y)) => {
                        WORDS.lines[*x].concept == WORDS.lines[*y].concept
                    }
                    (Unit::Word(x), Unit::Word(y)) => words_match(x, y, true),
                    _ => false,
                }
        });
        match partner {
            Some(j) => used[j] = true,
            None => return false,
        }
    }
    let left: Vec<usize> = (0..rl.units.len()).filter(|j| !used[*j]).collect();
    let (Some(first), Some(last)) = (left.first(), left.last()) else {
        return false;
    };
    if left.len() < 2 || last - first + 1 != left.len() {
        return false;
    }
    let run = Reading {
        units: rl.units[*first..=*last].to_vec(),
        ..Reading::default()
    };
    acronyms(&run).contains(&fold_acronym(acronym))
}

/// The acronyms of every run of two units or more of a name's reading, for
/// the blocking keys of [`acronym_within`]; and the acronym of a name that
/// has one among other units.
fn acronym_within_keys(r: &Reading) -> Vec<String> {
    let mut out = Vec::new();
    let acronyms_in: Vec<&str> = r
        .units
        .iter()
        .filter_map(|u| match u {
            Unit::Word(w) if is_acronym(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    if let [one] = acronyms_in.as_slice() {
        if r.units.len() >= 2 {
            out.push(fold_acronym(one));
        }
    }
    let n = r.units.len();
    if n <= 12 {
        for first in 0..n {
            for last in first + 1..n {
                let run = Reading {
                    units: r.units[first..=last].to_vec(),
                    ..Reading::default()
                };
                out.extend(acronyms(&run));
            }
        }
    }
    out
}

/// Whether `short` (one acronym, optionally with a country) is an acronym of
/// the written name `long` in one of the table's languages.
pub(crate) fn acronym_of(short: &str, long: &str) -> bool {
    let rs = read(short);
    let letters: Vec<&str> = rs.words();
    if letters.len() != 1 || !is_acronym(letters[0]) || rs.units.len() != 1 {
        return false;
    }
    let rl = read(long);
    if rl.units.len() < 2 || rl.units.iter().all(|u| matches!(u, Unit::Word(_))) {
        return false;
    }
    if !rs.countries.is_empty()
        && !rl.countries.is_empty()
        && rs.countries.is_disjoint(&rl.countries)
    {
        return false;
    }
    let want = fold_acronym(letters[0]);
    acronyms(&rl).contains(&want)
}

/// The quoted name of a body named with what kind of body it is before or
/// after the quotation marks ("правозахисна організація «Truth Hounds»" →
/// "Truth Hounds", "ініціатива «Bring Kids Back UA»"): `None` unless the
/// words outside the quotation marks are all generic words of the table
/// (no proper word, no country), which say what the body is, not which.
pub(crate) fn quoted_core(name: &str) -> Option<String> {
    let open = name.find(['«', '"', '“', '„'])?;
    let quote_len = name[open..].chars().next()?.len_utf8();
    let after = &name[open + quote_len..];
    let close = after.find(['»', '"', '”', '“'])?;
    let close_len = after[close..].chars().next()?.len_utf8();
    let inner = after[..close].trim();
    let outside = format!("{} {}", &name[..open], &after[close + close_len..]);
    if split_words(inner).is_empty() || split_words(&outside).is_empty() {
        return None;
    }
    let r = read(&outside);
    let generic = r.countries.is_empty()
        && !r.units.is_empty()
        && r.units.iter().all(|u| matches!(u, Unit::Concept(_)));
    generic.then(|| inner.to_string())
}

/// [`quoted_core`] for a body whose words outside the quotation marks name
/// its country besides its kind ("Российское движение детей и молодёжи
/// «Движение первых»" → "Движение первых"): `None` unless they name one.
pub(crate) fn quoted_core_of_country(name: &str) -> Option<String> {
    let (inner, outside) = quoted_parts(name)?;
    let r = read(&outside);
    let generic = !r.countries.is_empty()
        && !r.units.is_empty()
        && r.units.iter().all(|u| matches!(u, Unit::Concept(_)));
    generic.then_some(inner)
}

/// A name less the words from its "named after" on (імені, имени, імя, im.,
/// named after: the table's connecting words of that concept), when words
/// precede it and follow it: "Донецький міжнародний аеропорт імені Сергія
/// Прокоф'єва" → "Донецький міжнародний аеропорт". `None` otherwise.
pub(crate) fn without_named_after(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = |from: usize, len: usize| {
        let Some(ws) = words.get(from..from + len) else {
            return false;
        };
        let joined = ws.iter().map(|w| key(w)).collect::<Vec<_>>().join(" ");
        WORDS.phrases.get(&joined).is_some_and(|l| {
            WORDS.lines[*l].class == Class::Stop && WORDS.lines[*l].concept == "named"
        })
    };
    let at =
        (1..words.len()).find(|i| (1..=2).any(|len| named(*i, len) && i + len < words.len()))?;
    let head = words[..at].join(" ");
    let head = head.trim_end_matches([',', ' ']);
    (!head.is_empty()).then(|| head.to_string())
}

/// Whether a text is a country's name and nothing else ("Республики
/// Беларусь", "РФ"), read through the table.
pub(crate) fn only_countries(text: &str) -> bool {
    let r = read(text);
    r.units.is_empty() && !r.countries.is_empty()
}

/// A name's first quoted part and the words outside it ("Государственный
/// фонд … «Защитники Отечества»" → the quoted name and the rest); `None`
/// without quotation marks or with nothing inside or outside them.
pub(crate) fn quoted_parts(name: &str) -> Option<(String, String)> {
    let open = name.find(['«', '"', '“', '„'])?;
    let quote_len = name[open..].chars().next()?.len_utf8();
    let after = &name[open + quote_len..];
    let close = after.rfind(['»', '"', '”', '“'])?;
    let close_len = after[close..].chars().next()?.len_utf8();
    let inner = after[..close].trim();
    let outside = format!("{} {}", &name[..open], &after[close + close_len..]);
    if split_words(inner).is_empty() || split_words(&outside).is_empty() {
        return None;
    }
    Some((inner.to_string(), outside))
}

/// The generic concepts (words and descriptors) of a text, sorted: what
/// the words outside a quoted name say the body is.
pub(crate) fn generic_concepts(text: &str) -> Vec<String> {
    let r = read(text);
    let mut v: Vec<String> = r
        .concepts(Class::Word)
        .into_iter()
        .chain(r.concepts(Class::Descriptor))
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

/// A word of a Latin name that may give its initial to an acronym or not:
/// one written in lower case (i, ir, al, against) or a connecting word of
/// the table.
fn connecting(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) || is_stop(word)
}

/// The words of a Latin name whose initials [`latin_initials`] reads:
/// three to twelve words, none an acronym, at most six connecting ones
/// (which bounds the spellings [`initials_spellings`] lists).
fn initials_words(name: &str) -> Option<Vec<&str>> {
    if is_cyrillic(name) {
        return None;
    }
    let words = split_words(name);
    let ok = (3..=12).contains(&words.len())
        && !words.iter().any(|w| is_acronym(w))
        && words.iter().filter(|w| connecting(w)).count() <= 6;
    ok.then_some(words)
}

/// Every acronym the initials of `words` may spell (see [`latin_initials`]),
/// in lower case.
fn initials_spellings(words: &[&str]) -> Vec<String> {
    fn go(words: &[&str], acc: &mut String, out: &mut Vec<String>) {
        let Some((first, rest)) = words.split_first() else {
            if acc.chars().count() >= 3 {
                out.push(acc.clone());
            }
            return;
        };
        let connects = connecting(first);
        // The name may go on after the acronym's last letter with a
        // connecting word (Ministerul Afacerilor Interne al Republicii
        // Moldova: MAI).
        if connects && acc.chars().count() >= 3 {
            out.push(acc.clone());
        }
        if let Some(c) = first.chars().next() {
            let n = acc.len();
            acc.extend(c.to_lowercase());
            go(rest, acc, out);
            acc.truncate(n);
        }
        if connects {
            go(rest, acc, out);
        }
    }
    let mut out = Vec::new();
    go(words, &mut String::new(), &mut out);
    out.sort();
    out.dedup();
    out
}

/// A Latin acronym against a Latin name whose words' initials spell it in
/// order, for languages the table lacks (ECRI: European Commission against
/// Racism and Intolerance; MSWiA: Ministerstwo Spraw Wewnętrznych i
/// Administracji; LRT: Lietuvos radijas ir televizija): every capitalised
/// word gives its initial, a word in lower case (a connecting word) its
/// initial or none, and the name may go on after the last letter only
/// with a connecting word. Three letters at least.
pub(crate) fn latin_initials(short: &str, long: &str) -> bool {
    let sw = split_words(short);
    let [acronym] = sw.as_slice() else {
        return false;
    };
    if !is_acronym(acronym) || is_cyrillic(acronym) {
        return false;
    }
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let Some(words) = initials_words(long) else {
        return false;
    };
    letters.chars().count() >= 3 && initials_spellings(&words).contains(&letters)
}

/// A United Nations body's acronym in Cyrillic, which renders the English
/// acronym as it is read aloud, "UN" as "ЮН" (ЮНЕСКО / UNESCO, ЮНОПС /
/// UNOPS, ЮНИСЕФ / UNICEF): after "ЮН" and "UN" the letters sound the
/// same ([`un_acronym_sound`]).
pub(crate) fn spoken_un_acronym(a: &str, b: &str) -> bool {
    if is_cyrillic(a) == is_cyrillic(b) {
        return false;
    }
    match (un_acronym_sound(a), un_acronym_sound(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// How the letters after "UN" / "ЮН" of a one-word acronym sound, in Latin
/// letters: a Latin c as s before e and i and as k elsewhere, a Cyrillic
/// letter as its usual sound. `None` for any other name.
fn un_acronym_sound(name: &str) -> Option<String> {
    let word = name.trim();
    if word.contains(char::is_whitespace) || !is_acronym(word) {
        return None;
    }
    let upper = word.to_uppercase();
    if is_cyrillic(word) {
        let rest = upper.strip_prefix("ЮН")?;
        if rest.chars().count() < 2 {
            return None;
        }
        return rest
            .chars()
            .map(|ch| {
                Some(match ch {
                    'А' => "a",
                    'Б' => "b",
                    'В' => "v",
                    'Г' => "g",
                    'Д' => "d",
                    'Е' | 'Ё' | 'Э' | 'Є' => "e",
                    'Ж' => "zh",
                    'З' => "z",
                    'И' | 'І' | 'Ы' => "i",
                    'Й' => "y",
                    'К' => "k",
                    'Л' => "l",
                    'М' => "m",
                    'Н' => "n",
                    'О' => "o",
                    'П' => "p",
                    'Р' => "r",
                    'С' => "s",
                    'Т' => "t",
                    'У' => "u",
                    'Ф' => "f",
                    'Х' => "kh",
                    'Ц' => "ts",
                    _ => return None,
                })
            })
            .collect();
    }
    let rest: Vec<char> = upper.strip_prefix("UN")?.to_lowercase().chars().collect();
    if rest.len() < 2 || !rest.iter().all(char::is_ascii_alphabetic) {
        return None;
    }
    Some(
        rest.iter()
            .enumerate()
            .map(|(i, ch)| match ch {
                'c' if matches!(rest.get(i + 1), Some('e' | 'i')) => "s".to_string(),
                'c' | 'q' => "k".to_string(),
                'w' => "v".to_string(),
                'x' => "ks".to_string(),
                ch => ch.to_string(),
            })
            .collect(),
    )
}

/// A compound abbreviation of the Soviet kind, one word made of the first
/// letters of each word of a longer name, in order (Мосгорсуд: Московский
/// городской суд; Минздрав: Министерство здравоохранения): the first word
/// of `short`, one Cyrillic word of six letters or more, is made of the
/// first two letters at least (or the whole word) of each of the first
/// two or more words of `long`, in Cyrillic (connecting words aside); the
/// other words of `short` pair up with the rest of `long`'s, the optional
/// words of the table aside (Минобрнауки Дагестана: Министерство
/// образования и науки Республики Дагестан).
pub(crate) fn compound_abbreviation(short: &str, long: &str) -> bool {
    let sw: Vec<&str> = split_words(short)
        .into_iter()
        .filter(|w| !is_stop(w))
        .collect();
    let Some((word, rest)) = sw.split_first() else {
        return false;
    };
    let s: Vec<char> = word.to_lowercase().chars().collect();
    if s.len() < 6 || !is_cyrillic(word) || is_acronym(word) {
        return false;
    }
    let lw: Vec<&str> = split_words(long)
        .into_iter()
        .filter(|w| !is_stop(w))
        .collect();
    if lw.len() < 2 || !lw.iter().all(|w| is_cyrillic(w)) {
        return false;
    }
    let lc: Vec<Vec<char>> = lw
        .iter()
        .map(|w| w.to_lowercase().chars().collect())
        .collect();
    // covers(i, j, end): s[i..] is made of prefixes of lc[j..end], one each.
    fn covers(s: &[char], i: usize, lc: &[Vec<char>], j: usize) -> bool {
        if j == lc.len() {
            return i == s.len();
        }
        let w = &lc[j];
        let min = w.len().min(2);
        (min..=w.len())
            .rev()
            .any(|n| i + n <= s.len() && s[i..i + n] == w[..n] && covers(s, i + n, lc, j + 1))
    }
    let optional = |w: &str| {
        WORDS
            .phrases
            .get(&key(w))
            .is_some_and(|l| WORDS.lines[*l].class == Class::Optional)
    };
    (2..=lw.len()).any(|k| {
        if !covers(&s, 0, &lc[..k], 0) {
            return false;
        }
        let left: Vec<&str> = lw[k..].iter().copied().filter(|w| !optional(w)).collect();
        if left.len() != rest.len() {
            return false;
        }
        let mut used = vec![false; left.len()];
        rest.iter().all(|x| {
            let found = (0..left.len()).find(|j| !used[*j] && words_match(x, left[*j], true));
            found.map(|j| used[j] = true).is_some()
        })
    })
}

/// The proper words of a name with neither generic words nor countries
/// (connecting words and articles aside: Der Spiegel is Spiegel); `None`
/// when it has a generic word or a country.
fn bare_words(name: &str) -> Option<Vec<String>> {
    let r = read(name);
    if !r.countries.is_empty() || r.units.iter().any(|u| matches!(u, Unit::Concept(_))) {
        return None;
    }
    let w: Vec<String> = r.words().into_iter().map(str::to_string).collect();
    (!w.is_empty()).then_some(w)
}

/// Two names of proper words only (a newspaper, a broadcaster) in two
/// scripts whose words pair up one to one, each by its key or as one
/// foreign word read as it sounds, one at least only so
/// (`casefile_names::same_foreign_name`: Frankfurter Allgemeine Zeitung /
/// Франкфуртер альгемайне цайтунг, Der Spiegel / Шпигель).
pub(crate) fn foreign_words(a: &str, b: &str) -> bool {
    if is_cyrillic(a) == is_cyrillic(b) {
        return false;
    }
    let (Some(wa), Some(wb)) = (bare_words(a), bare_words(b)) else {
        return false;
    };
    if wa.len() != wb.len() {
        return false;
    }
    let mut used = vec![false; wb.len()];
    let mut foreign = false;
    for x in &wa {
        let by_key = (0..wb.len()).find(|j| !used[*j] && key(x) == key(&wb[*j]));
        let j = match by_key {
            Some(j) => j,
            None => {
                let Some(j) = (0..wb.len())
                    .find(|j| !used[*j] && casefile_names::same_foreign_name(x, &wb[*j]))
                else {
                    return false;
                };
                foreign = true;
                j
            }
        };
        used[j] = true;
    }
    foreign
}

/// The blocking key of [`compound_abbreviation`]: the first two letters of
/// a one-word Cyrillic name, or of the first word of a longer one.
fn compound_key(name: &str) -> Option<String> {
    let words: Vec<&str> = split_words(name)
        .into_iter()
        .filter(|w| !is_stop(w))
        .collect();
    let first = words.first()?;
    let ok = if words.len() == 1 {
        first.chars().count() >= 6 && !is_acronym(first)
    } else {
        words.iter().all(|w| is_cyrillic(w))
    };
    if !ok || !is_cyrillic(first) {
        return None;
    }
    let two: String = first.to_lowercase().chars().take(2).collect();
    Some(format!("p:{two}"))
}

/// Keys that two names share whenever [`translated`] or [`acronym_of`]
/// finds them one, for a blocking index (`resolve.rs`): the sorted concepts
/// of the generic words (`c:`), which [`translated`] requires equal, and every
/// acronym a name has or may go by, folded (`a:`; for [`acronym_within`],
/// also those of every run of its units and the one acronym among them), the first letters
/// of a Cyrillic name, which [`compound_abbreviation`] starts with (`p:`),
/// and the keys and sound keys of the words of a name of proper words only,
/// which [`foreign_words`] pairs (`f:`).
/// A name with none of them has no key: these rules never join it.
#[allow(dead_code)] // for the resolver's blocking index, merged separately
pub(crate) fn block_keys(name: &str) -> Vec<String> {
    let r = read(name);
    let mut out = Vec::new();
    let concepts = r.concepts(Class::Word);
    if !concepts.is_empty() {
        out.push(format!("c:{}", concepts.join("+")));
    } else if !r.concepts(Class::Descriptor).is_empty() {
        // Descriptors alone may be missing on one side: the proper words
        // are then the only common ground, so no concept key is safe.
        out.push("c:".to_string());
    }
    let words = r.words();
    if r.units.len() == 1 && words.len() == 1 && is_acronym(words[0]) {
        out.push(format!("a:{}", fold_acronym(words[0])));
    } else if r.units.len() >= 2 && r.units.iter().any(|u| matches!(u, Unit::Concept(_))) {
        // The written names `acronym_of` derives acronyms from.
        out.extend(acronyms(&r).into_iter().map(|a| format!("a:{a}")));
    }
    out.extend(
        acronym_within_keys(&r)
            .into_iter()
            .map(|a| format!("a:{a}")),
    );
    out.extend(compound_key(name));
    // `latin_initials`: the acronym's letters, and every spelling a Latin
    // name's initials may give.
    let sw = split_words(name);
    if let [one] = sw.as_slice() {
        if is_acronym(one) && !is_cyrillic(one) {
            let letters: String = one
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            out.push(format!("i:{letters}"));
        }
    } else if let Some(words) = initials_words(name) {
        out.extend(
            initials_spellings(&words)
                .into_iter()
                .map(|s| format!("i:{s}")),
        );
    }
    // `spoken_un_acronym`: the sound of a UN body's acronym after UN / ЮН.
    out.extend(un_acronym_sound(name).map(|s| format!("u:{s}")));
    // `foreign_words`: every word of a bare name pairs with a word of the
    // other by its key or its sound keys, so the names share one.
    if let Some(words) = bare_words(name) {
        for w in &words {
            let keys = casefile_names::foreign_sound_keys(w)
                .into_iter()
                .chain(std::iter::once(key(w)));
            out.extend(keys.map(|k| format!("f:{k}")));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Session 30: a Belarusian word whose first у is written ў after a
    /// vowel keys as the table's form; ў alone stays a word of its own.
    #[test]
    fn a_belarusian_initial_u_short_keys_as_u() {
        assert_eq!(key("ўпраўленне"), key("упраўленне"));
        assert_eq!(key("ў"), "ў");
    }

    #[test]
    fn the_table_reads() {
        assert!(WORDS.lines.len() > 50);
        let r = read("Ministerium für Bildung der Russischen Föderation");
        assert!(r.countries.contains("RU"), "{r:?}");
    }

    /// Session 24: one adjective of a common word in three languages and
    /// two cases; a surname's -ина, a place adjective and two words of one
    /// suffix are not read so.
    #[test]
    fn cognate_adjectives_are_one_word() {
        for (a, b) in [
            ("драматический", "драматичний"),
            ("драматычны", "Драматического"),
            ("Політичної", "политическая"),
            ("національний", "национальной"),
        ] {
            assert!(cognate_adjectives(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Пушкина", "Пушкиной"),
            ("Сумська", "Сумской"),
            ("драматический", "химический"),
            ("зелёный", "красный"),
        ] {
            assert!(!cognate_adjectives(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn translations_word_by_word() {
        for (a, b) in [
            (
                "Federal Ministry of Sport",
                "Федеральне міністерство спорту",
            ),
            ("Ministerstwo Sportu", "Министерство спорта"),
            ("Рівненська АЕС", "Rivne Nuclear Power Plant"),
            ("Табір «Ялинка»", "лагерь «Ёлочка»"),
        ] {
            assert!(
                matches!(translated(a, b), Some((true, _))),
                "{a} / {b}: {:?} {:?}",
                read(a),
                read(b)
            );
        }
    }

    #[test]
    fn generic_words_alone_or_other_countries_stay_apart() {
        assert!(!matches!(
            translated("Ministry of Sport", "Ministry of Culture"),
            Some((true, _))
        ));
        assert!(matches!(
            translated(
                "Ministry of Sport of Russia",
                "Министерство спорта Беларуси"
            ),
            Some((false, _))
        ));
        assert!(!matches!(
            translated("Рівненська АЕС", "Хмельницька АЕС"),
            Some((true, _))
        ));
    }

    #[test]
    fn names_found_one_share_a_block_key() {
        for (a, b) in [
            (
                "Federal Ministry of Sport",
                "Федеральне міністерство спорту",
            ),
            ("Рівненська АЕС", "Rivne Nuclear Power Plant"),
            (
                "OBWE",
                "Organization for Security and Cooperation in Europe",
            ),
            ("ЗАЕС", "Запорізька АЕС"),
            ("Justizministerium", "Ministry of Justice"),
        ] {
            assert!(
                matches!(translated(a, b), Some((true, _))) || acronym_of(a, b),
                "{a} / {b}"
            );
            let (ka, kb) = (block_keys(a), block_keys(b));
            assert!(ka.iter().any(|k| kb.contains(k)), "{a} {ka:?} / {b} {kb:?}");
        }
        // A name of proper words only has only the keys of its words.
        assert!(block_keys("Viasna").iter().all(|k| k.starts_with("f:")));
    }

    #[test]
    fn acronyms_in_each_language() {
        let long = "Organization for Security and Cooperation in Europe";
        for short in ["OSCE", "ОБСЕ", "ОБСЄ", "OSZE", "OBWE"] {
            assert!(
                acronym_of(short, long),
                "{short}: {:?}",
                acronyms(&read(long))
            );
        }
        assert!(!acronym_of("OSCE", "Organization for Security in Europe"));
    }

    #[test]
    fn compound_abbreviations_take_the_first_letters_of_each_word() {
        assert!(compound_abbreviation(
            "Мосгорсуд",
            "Московский городской суд"
        ));
        assert!(compound_abbreviation("Минтранс", "Министерство транспорта"));
        // Every word gives a piece, in order.
        assert!(!compound_abbreviation(
            "Мосгорсуд",
            "Московский областной суд"
        ));
        assert!(!compound_abbreviation(
            "Мосгорсуд",
            "Московский городской суд присяжных"
        ));
        assert!(!compound_abbreviation("ГОРСУД", "Городской суд"));
        let (ka, kb) = (
            block_keys("Мосгорсуд"),
            block_keys("Московский городской суд"),
        );
        assert!(ka.iter().any(|k| kb.contains(k)), "{ka:?} / {kb:?}");
    }

    #[test]
    fn a_name_shows_its_language_by_the_table_words() {
        assert_eq!(cyrillic_language("Верховний суд"), Some("uk"));
        assert_eq!(cyrillic_language("Верховный суд"), None);
        assert_eq!(
            cyrillic_language("Федеральная служба исполнения наказаний"),
            None
        );
        assert_eq!(cyrillic_language("Вярхоўны суд"), Some("be"));
        assert_eq!(cyrillic_language("Ministerstwo Sportu"), None);
    }

    #[test]
    fn acronyms_from_any_form_of_a_word() {
        // "анти-корупційний" gives АК, the usual form А.
        let long = "Вищий антикорупційний суд";
        assert!(acronym_of("ВАКС", long), "{:?}", acronyms(&read(long)));
        assert!(acronym_of("ВАС", long));
        assert!(!acronym_of("ВКС", long));
    }

    #[test]
    fn proper_names_in_two_scripts_read_as_they_sound() {
        for (a, b) in [
            ("Süddeutsche Zeitung", "Зюддойче цайтунг"),
            ("Die Zeit", "Цайт"),
        ] {
            assert!(foreign_words(a, b), "{a} / {b}");
            let (ka, kb) = (block_keys(a), block_keys(b));
            assert!(ka.iter().any(|k| kb.contains(k)), "{a} {ka:?} / {b} {kb:?}");
        }
        assert!(!foreign_words("Die Zeit", "Вельт"));
        assert!(!foreign_words("Die Zeit", "Die Zeit"));
    }

    #[test]
    fn polish_adjectives_and_region_acronyms() {
        assert!(matches!(
            translated("Obwód charkowski", "Kharkiv Oblast"),
            Some((true, _))
        ));
        assert!(acronym_of("ХМАО", "Khanty-Mansi Autonomous Okrug"));
    }

    #[test]
    fn an_acronym_inside_a_longer_name() {
        for (a, b) in [
            (
                "Правительство ХМАО",
                "Правительство Ханты-Мансийского автономного округа",
            ),
            ("Мэрия ХМАО", "Мэрия Ханты-Мансийского автономного округа"),
        ] {
            assert!(acronym_within(a, b), "{a} / {b}");
            let (ka, kb) = (block_keys(a), block_keys(b));
            assert!(ka.iter().any(|k| kb.contains(k)), "{a} / {b}");
        }
        assert!(!acronym_within(
            "Правительство ХМАО",
            "Правительство Ямало-Ненецкого автономного округа"
        ));
        assert!(!acronym_within(
            "Правительство ХМАО",
            "Ханты-Мансийского автономного округа"
        ));
    }
}
