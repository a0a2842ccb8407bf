//! Word lists the rules consult: titles and roles, nationality adjectives,
//! head nouns of organization names, capitalised words that are not names,
//! months and weekdays, child nouns, verbs of moving people, qualifiers and
//! reporting verbs, in English, Ukrainian and Russian (Belarusian where the
//! rules have met it: child nouns, months, weekdays).
//!
//! The long lists are data files, `data/lexicon/*.txt` (one entry a line,
//! read by `wordlist`). Every list is folded once (with the same `fold` the
//! words are folded with), so entries may be written with their diacritics
//! and case.

use casefile_core::calendar;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::normalize::fold;
use crate::wordlist::entries;

fn set<'a>(words: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    words.into_iter().map(fold).collect()
}

/// Titles and roles that introduce a person ("President", "Commissioner", "dictator").
pub static ROLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/roles.txt"))));

/// Whether a folded word is a title or role of [`ROLES`], or a Cyrillic one in another case or
/// number: one or two letters of ending after a listed form ("губернатора", "актывісты").
pub fn is_role_form(folded: &str) -> bool {
    if ROLES.contains(folded) {
        return true;
    }
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let cyrillic = chars.iter().all(|(_, c)| {
        matches!(
            c,
            'а'..='я' | 'ё' | 'є' | 'і' | 'ї' | 'ў' | 'ґ' | '\'' | '’' | '-'
        )
    });
    cyrillic
        && (1..=2)
            .any(|d| chars.len() > d + 3 && ROLES.contains(&folded[..chars[chars.len() - d].0]))
}

/// Adjectives of nationality and affiliation that sit before titles ("Belarusian President").
pub static DEMONYMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/demonyms.txt"))));

/// Head nouns that make a capitalised run an organization name.
pub static ORG_HEADS: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/org_heads.txt"))));

/// Generic nouns that introduce an organization named after them ("the charity X", "news agency X").
pub static ORG_INTRODUCERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/org_introducers.txt"))));

/// Capitalised words that begin sentences or headings and are never part of a name.
pub static NOT_NAMES: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/not_names.txt"))));

/// Nouns denoting children, in every case form the rules meet.
pub static CHILD_NOUNS: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/child_nouns.txt"))));

/// Participles and nouns that name the displaced without saying they are children
/// ("the number of deported ...", "кількість депортованих"): they count children only
/// where the sentence or the one before it is about children.
pub static DISPLACED: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/displaced.txt"))));

/// Stems (folded prefixes) of verbs that move, return or place people: a bare number in a
/// sentence about children with one of these ("58 were later sent on", "a few hundred have
/// been returned", "повернути вдалося лише кілька сотень") counts children.
pub static MOVEMENT_STEMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/lexicon/movement_stems.txt")).collect());

/// Whether a folded word is a form of a verb of moving, returning or placing people.
pub fn is_movement_verb(folded: &str) -> bool {
    MOVEMENT_STEMS.iter().any(|s| folded.starts_with(s))
}

/// Nouns that count children indirectly, in a sentence about children ("2,100 cases",
/// "1 874 украинцев"), from `data/lexicon/count_nouns_in_context.txt`.
pub static CASE_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    set(entries(include_str!(
        "../data/lexicon/count_nouns_in_context.txt"
    )))
});

/// Verbs and nouns that report or assert ("said", "reported", "stated").
pub static REPORTING: LazyLock<HashSet<String>> =
    LazyLock::new(|| set(entries(include_str!("../data/lexicon/reporting.txt"))));

/// Speech verbs that right after a name make it a person ("Latushko said").
pub static SPEECH_AFTER_NAME: LazyLock<HashSet<String>> = LazyLock::new(|| {
    set(entries(include_str!(
        "../data/lexicon/speech_after_name.txt"
    )))
});

/// Month names (all cases) and abbreviations to month number, folded, from
/// the shared table `casefile_core::calendar`.
pub static MONTHS: LazyLock<HashMap<String, u32>> =
    LazyLock::new(|| calendar_names(calendar::Unit::Month));

/// Weekday names (genitive forms too: "минулої п'ятниці", "прошлой среды")
/// to chrono weekday index (Monday = 0), folded, from `casefile_core::calendar`.
pub static WEEKDAYS: LazyLock<HashMap<String, u32>> =
    LazyLock::new(|| calendar_names(calendar::Unit::Weekday));

/// The calendar's names and abbreviations of `unit`, folded (its stems only
/// serve inside dates, never to classify a word of running text).
fn calendar_names(unit: calendar::Unit) -> HashMap<String, u32> {
    calendar::words()
        .iter()
        .filter(|w| w.unit == unit && w.form != calendar::Form::Stem)
        .map(|w| (fold(w.word), w.number))
        .collect()
}

/// Given names common in the countries the texts come from (see data/SOURCES.md), and the
/// Latin spellings of the Ukrainian, Russian and Belarusian ones ([`SLAVIC_GIVEN_LATIN`]).
pub static GIVEN_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    entries(include_str!("../data/given_names.txt"))
        .map(fold)
        .chain(SLAVIC_GIVEN_LATIN.iter().cloned())
        .collect()
});

/// Given names that are also common words ("Слава", "Віра", "Roman"): they still vouch for
/// a surname after them, but are no person when they stand alone
/// (`data/lexicon/given_name_homographs.txt`; stems, so that case forms count too).
pub static GIVEN_NAME_HOMOGRAPHS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    entries(include_str!("../data/lexicon/given_name_homographs.txt"))
        .map(|l| crate::normalize::stem_parts(&fold(l)))
        .collect()
});

/// Every form, full or diminutive, of the Ukrainian, Russian and Belarusian given names: the
/// given-name table of `casefile-names` (Олександр/Александр/Аляксандр, Саша, Sasha…) and
/// `data/given_names_extra.txt` (Belarusian spellings of both orthographies, more
/// diminutives). The lone-given-name rule (`persons`) accepts only these, not the long Latin
/// list of every country, which holds words like "Will" and "May".
fn slavic_given_forms() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, label, full) in casefile_names::given_name_groups() {
        out.extend(full.iter().cloned());
        out.extend(
            casefile_names::given_name_diminutives(label)
                .iter()
                .cloned(),
        );
    }
    out.extend(entries(include_str!("../data/given_names_extra.txt")).map(str::to_string));
    out
}

fn is_cyrillic_word(w: &str) -> bool {
    w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Folded Latin spellings of the Slavic given names: the table's own Latin forms and every
/// romanisation of its Cyrillic ones (Ольга → Olha, Olga; Илья → Ilya), apostrophes and
/// soft signs dropped as English reporting writes them.
pub static SLAVIC_GIVEN_LATIN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut out = HashSet::default();
    for form in slavic_given_forms() {
        if !is_cyrillic_word(&form) {
            out.insert(fold(&form));
            continue;
        }
        for scheme in casefile_names::Scheme::ALL {
            let latin = casefile_names::transliterate(&form, scheme);
            let plain: String = fold(&latin).chars().filter(|c| c.is_alphabetic()).collect();
            if plain.is_ascii() && plain.len() >= 3 {
                out.insert(plain);
            }
        }
    }
    out.retain(|w: &String| !GIVEN_NAME_HOMOGRAPHS.contains(w.as_str()));
    out
});

/// Stems of Cyrillic given names, so that "Марії" and "Марія" both count: the curated
/// nominatives of `data/given_names_cyrillic.txt` and the Cyrillic forms of
/// [`slavic_given_forms`] that are not common words.
pub static GIVEN_NAME_STEMS_CYRILLIC: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let curated = entries(include_str!("../data/given_names_cyrillic.txt"))
        .map(|l| crate::normalize::stem_parts(&fold(l)));
    let table = slavic_given_forms()
        .into_iter()
        .filter(|f| is_cyrillic_word(f))
        .map(|f| crate::normalize::stem_parts(&fold(&f)))
        .filter(|s| s.chars().count() >= 3 && !GIVEN_NAME_HOMOGRAPHS.contains(s.as_str()));
    curated.chain(table).collect()
});

/// Whether a folded word is a Ukrainian, Russian or Belarusian given name (any script, any
/// case form, diminutives too) that is not also a common word: what may name a person alone
/// ("Sasha", "Злату", "Іллі", "Натальляй").
pub fn is_lone_given_name(folded: &str) -> bool {
    if GIVEN_NAME_HOMOGRAPHS.contains(crate::normalize::stem_parts(folded).as_str()) {
        return false;
    }
    if folded.is_ascii() {
        return SLAVIC_GIVEN_LATIN.contains(folded);
    }
    GIVEN_NAME_STEMS_CYRILLIC.contains(&crate::normalize::stem_parts(folded))
}

/// [`GIVEN_NAMES`] and [`GIVEN_NAME_STEMS_CYRILLIC`] in one set, for [`is_given_name`].
static GIVEN_NAMES_OR_STEMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    GIVEN_NAMES
        .iter()
        .chain(GIVEN_NAME_STEMS_CYRILLIC.iter())
        .cloned()
        .collect()
});

/// Whether a folded word is a known given name, in Latin or (any case of) Cyrillic.
pub fn is_given_name(folded: &str) -> bool {
    // A word that does not end in a Cyrillic letter is its own stem (`normalize::stem`):
    // one lookup in both lists at once (most words asked about are Latin).
    if !folded.contains('-')
        && !folded
            .chars()
            .next_back()
            .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        return GIVEN_NAMES_OR_STEMS.contains(folded);
    }
    GIVEN_NAMES.contains(folded)
        || if folded.contains('-') {
            GIVEN_NAME_STEMS_CYRILLIC.contains(&crate::normalize::stem_parts(folded))
        } else {
            // One part: its stem, without building a string.
            GIVEN_NAME_STEMS_CYRILLIC.contains(crate::normalize::stem(folded))
        }
}

/// Well-known public figures whose surname alone names them in this domain
/// (`data/public_figures.tsv`): surname forms -> full canonical name.
pub static PUBLIC_FIGURES: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    entries(include_str!("../data/public_figures.tsv"))
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let name = parts.next()?.trim().to_string();
            let surnames = parts.next()?.split('|').map(fold).collect();
            Some((name, surnames))
        })
        .collect()
});

/// Word lists a folded word belongs to, as bits: [`WORD_CLASSES`] is consulted once per word
/// when a text is scanned (`scan::Document::classes`), so that the rules that test every word
/// of a text against a list test a bit instead of hashing the word again.
pub mod class {
    pub const MONTH: u16 = 1;
    pub const WEEKDAY: u16 = 1 << 1;
    pub const NUMBER_START: u16 = 1 << 2;
    pub const CHILD_NOUN: u16 = 1 << 3;
    pub const NOT_NAME: u16 = 1 << 4;
    pub const ROLE: u16 = 1 << 5;
    pub const DEMONYM: u16 = 1 << 6;
    pub const ORG_HEAD: u16 = 1 << 7;
    /// A reporting verb ([`super::REPORTING`]).
    pub const REPORTING: u16 = 1 << 8;
    /// A word of the attribution model's cue table (`attribution_features::CUES`).
    pub const ATTRIBUTION_CUE: u16 = 1 << 9;
}

/// Folded word -> the [`class`] bits of every list it is in.
pub static WORD_CLASSES: LazyLock<HashMap<String, u16>> = LazyLock::new(|| {
    let mut classes: HashMap<String, u16> = HashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &String>, bit: u16| {
        for w in words {
            *classes.entry(w.clone()).or_default() |= bit;
        }
    };
    add(&mut MONTHS.keys(), class::MONTH);
    add(&mut WEEKDAYS.keys(), class::WEEKDAY);
    add(
        &mut crate::numbers::NUMBER_STARTS.iter(),
        class::NUMBER_START,
    );
    add(&mut CHILD_NOUNS.iter(), class::CHILD_NOUN);
    add(&mut NOT_NAMES.iter(), class::NOT_NAME);
    add(&mut ROLES.iter(), class::ROLE);
    add(&mut DEMONYMS.iter(), class::DEMONYM);
    add(&mut ORG_HEADS.iter(), class::ORG_HEAD);
    add(&mut REPORTING.iter(), class::REPORTING);
    add(
        &mut crate::attribution_features::CUES.keys(),
        class::ATTRIBUTION_CUE,
    );
    classes
});

pub fn is_month(folded: &str) -> bool {
    MONTHS.contains_key(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-lookup path gives what looking in both lists gives.
    #[test]
    fn given_names_by_one_lookup_or_two() {
        let words = [
            "maria",
            "alexei",
            "dmytro",
            "minsk",
            "lukashenko",
            "марія",
            "марії",
            "марією",
            "олексія",
            "талая",
            "мария",
            "anna-maria",
            "марія-олена",
            "ivan",
            "",
            "x",
        ];
        let mut names = 0;
        for w in words {
            let folded = fold(w);
            let both = GIVEN_NAMES.contains(&folded)
                || GIVEN_NAME_STEMS_CYRILLIC.contains(&crate::normalize::stem_parts(&folded));
            assert_eq!(is_given_name(&folded), both, "{w:?}");
            names += usize::from(both);
        }
        assert!(names >= 6, "{names} given names");
    }
}
