//! Name normalisation, transliteration (uk/ru/be ↔ Latin) and comparison.
//!
//! Children moved from occupied Ukraine appear in Ukrainian, Russian and
//! Belarusian Cyrillic lists and in Latin captions under several
//! romanisation standards, with diminutives, initials, either name order
//! and typos. This crate decides whether two written names denote the same
//! person (or place) and says why, so that a family-tracing worker can check
//! the reasoning before acting on it.
//!
//! Pure logic, no I/O: all tables are compiled in.
//!
//! Decisions a user of the scores should know:
//! - Ivanov / Ivanova (and -skyi / -ska, -in / -ina): the same family name,
//!   but a male and a female record are different people, so
//!   [`compare_surname`] gives 0.6 (below [`DEFAULT_THRESHOLD`]); for
//!   grouping *mentions* of a family use [`surname_stem_key`].
//! - Maria / Mariia / Marija / Марія / Мария / Марыя are one name.
//! - Саша (Sasha) may stand for Oleksandr or Oleksandra: a diminutive
//!   matches every full name it can stand for, with 0.9 instead of 1.0.
//! - Lvova-Belova / Lvova Belova are equal; Belova alone matches one part
//!   of the double surname (0.88) for people, while for places every word
//!   must match (Нова Каховка ≠ Каховка).
//! - Kovalenko (-enko, -uk, -ko) is unisex and compares equal across sexes.
//! - A single differing letter is read as a typo (0.85) unless one word
//!   merely extends the other (Буча / Бучач, Moroz / Morozov) or both are
//!   known, different given names (Oleksandr / Oleksii). Two surnames both
//!   in Cyrillic that differ by a letter the Ukrainian, Russian and
//!   Belarusian orthographies do not account for (Мирошниченко /
//!   Мирощниченко; `data/cyrillic_spellings.tsv`) are two names, not a typo.
//! - A foreign (non-Slavic) name in Cyrillic meets its Latin original read
//!   as it sounds in German, English, French or Italian spelling (Фолькер
//!   Тюрк / Volker Türk, rules as data in `data/foreign_readings.tsv`),
//!   declined or not; initials, titles (KC) and one middle name on one side
//!   are left aside there (0.8). A given name one letter longer than
//!   another (Daniel / Danielle) or one voicing apart (Денис / Дениз), and
//!   a surname made of another by a suffix (Кожемяко / Кожемякин), are
//!   other names.
//! - [`DEFAULT_THRESHOLD`] (0.75) was fixed from the score design: one
//!   typo (0.85), one diminutive (0.9) or one initial (0.85) stays above it,
//!   a diminutive with a typo (0.765) just above, a typo with an initial
//!   (0.72) or any clear mismatch (≤ 0.6) below. It coincides with the best
//!   threshold found on the even half of the labelled set.
//!
//! - [`compare`]: full names → [`Comparison`] (score, decision, explanation).
//! - [`compare_given`], [`compare_surname`]: field-level scores for record linkage.
//! - [`variants`]: spellings the matcher treats as equivalent.
//! - [`latin_key`], [`surname_stem_key`], [`given_name_group`]: keys for blocking and grouping;
//!   [`given_name_sex`] for a missing sex field; [`soundex`] and
//!   [`consonant_class_skeleton`]: the phonetic keys of a Latin key (one
//!   implementation, which `casefile-link` blocks on).
//! - [`transliterate`] / [`to_cyrillic`]: the standards themselves (one [`Scheme`] per
//!   romanisation standard; the Cyrillic orthography is a `casefile_core::Lang`).
//! - [`parse_name`]: token roles and name order.
//! - [`compare_kind`] by [`NameKind`]: places and facilities ([`compare_place`]:
//!   descriptors such as "camp" dropped, generic words translated through
//!   `data/generic_words.tsv`) and organisations ([`compare_organization`]:
//!   acronyms across languages, countries that must agree); [`place_key`] and
//!   [`strip_descriptors`] for grouping and gazetteer look-ups. The gazetteer
//!   itself lives in `casefile-extract`, which compares places through it.

mod compare;
mod foreign;
mod generic;
mod given;
mod key;
mod parse;
mod phonetic;
mod places;
mod spelling;
mod translit;
mod variants;

use casefile_core::Sex;

pub use compare::{
    compare, compare_given, compare_surname, surname_block_keys, Comparison, Step,
    DEFAULT_THRESHOLD,
};
pub use foreign::{declined_readings, foreign_sound_keys, same_foreign_name};
pub use generic::{
    block_hash, compare_kind, compare_organization, compare_place, descriptor_concepts,
    organization_keys, place_key, split_words as split_name_words, strip_descriptors, BlockKeys,
    NameKind, UnknownKind,
};
pub use given::{
    diminutives as given_name_diminutives, group_count as given_name_group_count,
    groups as given_name_groups,
};
pub use parse::{parse_name, NameOrder, NameToken, ParsedName, Role};

/// Whether a word reads as a patronymic in some romanisation or script
/// (Олександрович, Ivanovna, Iwanowitsch): for telling the parts of a
/// whole-name cell apart by where the patronymic stands.
pub fn looks_patronymic(word: &str) -> bool {
    parse::looks_patronymic(word)
}
pub use phonetic::{consonant_class_skeleton, soundex};
use phonetic::{consonant_skeleton, is_key_vowel};
pub use translit::{to_cyrillic, transliterate, Scheme};

/// A canonical, script-independent key for blocking and grouping: each
/// word is reduced to its phonetic skeleton (see the `key` module: one
/// symbol per Cyrillic letter whatever the romanisation), a known given
/// name is replaced by its name group's label (so Олександр, Александр,
/// Аляксандр and Alexander share a key), and the words are sorted so that
/// the order of writing does not matter. Diminutives are *not* replaced
/// (Саша may be Oleksandr or Oleksandra).
pub fn latin_key(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(|w| word_latin_key(w, &key::token_keys(w)))
        .filter(|k| !k.is_empty())
        .collect();
    words.sort();
    words.join(" ")
}

/// [`latin_key`] of one word whose readings are `keys`.
fn word_latin_key(word: &str, keys: &[key::KeyVariant]) -> String {
    let full = given::lookup_keys(keys).into_iter().find(|m| !m.diminutive);
    match full.and_then(|m| given::table().groups.get(m.group)) {
        Some(g) => key::primary_key(&g.label),
        None if !word.contains('-') => keys.first().map(|k| k.key.clone()).unwrap_or_default(),
        None => word
            .split('-')
            .map(key::primary_key)
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>()
            .join("-"),
    }
}

/// The keys record linkage takes of a surname: [`latin_key`],
/// [`surname_sound_keys`] and [`surname_form_keys`], equal to calling the
/// three, but reading a one-word surname's spelling once instead of three
/// times (a million-record registry has a few hundred thousand surnames).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurnameKeys {
    pub latin: String,
    pub sound: Vec<String>,
    pub forms: Vec<String>,
    /// The keys of a Latin spelling under each plausible reading (standard,
    /// German-, French- or Polish-style), the standard one (`latin`) first:
    /// "Tkatschenko" read German-style is Ткаченко's key. A Cyrillic or
    /// several-word surname has `latin` alone.
    pub readings: Vec<String>,
}

/// [`SurnameKeys`] of a surname.
pub fn surname_keys(surname: &str) -> SurnameKeys {
    let single_word = !surname.is_empty()
        && !surname.contains(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '.'))
        && surname.chars().any(char::is_alphabetic);
    if !single_word {
        let latin = latin_key(surname);
        return SurnameKeys {
            readings: vec![latin.clone()],
            latin,
            sound: surname_sound_keys(surname),
            forms: surname_form_keys(surname),
        };
    }
    let readings = key::token_keys(surname);
    let latin = word_latin_key(surname, &readings);
    let mut keys = vec![latin.clone()];
    for reading in readings.iter() {
        if !reading.key.is_empty() && !keys.contains(&reading.key) {
            keys.push(reading.key.clone());
        }
    }
    SurnameKeys {
        latin,
        sound: never_empty(keys_of_readings(&readings, sound_key_of)),
        forms: keys_of_readings(&readings, form_key_of),
        readings: keys,
    }
}

/// The label of the given-name group a name belongs to as a full form
/// (Олександр, Александр, Аляксандр, Alexander → "Oleksandr"); `None` for
/// names outside the table and for diminutives (Саша is ambiguous).
pub fn given_name_group(name: &str) -> Option<String> {
    given::lookup(name.trim())
        .into_iter()
        .find(|m| !m.diminutive)
        .and_then(|m| given::table().groups.get(m.group))
        .map(|g| g.label.clone())
}

/// The sex a given name indicates, when every group it may belong to agrees
/// (Олена → Female; Саша → None).
pub fn given_name_sex(name: &str) -> Option<Sex> {
    given::sex_of(name.trim())
}

/// The key of a surname with its gendered ending removed, equal for
/// Ivanov/Ivanova/Иванова, Kovalskyi/Kovalska/Ковальская,
/// Lukashenko/Lukashenka. For grouping *mentions* of one family name; record
/// linkage should use [`compare_surname`], which keeps the sexes apart.
pub fn surname_stem_key(surname: &str) -> String {
    surname
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let k = key::primary_key(w);
            compare::gender_split(&k).0
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A loose "sounds alike" key of a surname, for record linkage: each word's
/// phonetic key with its gendered ending removed (Kovalskyi / Kovalska /
/// Ковальская), Belarusian ў read as в where a romanisation wrote it "u"
/// after a vowel (Shautsou = Шаўцоў), then only its first letter and its
/// consonants, doubled ones once. Unstressed vowels are what Ukrainian,
/// Russian and Belarusian spell differently (akanye: Шевцов / Шаўцоў,
/// Грабаренко / Грабаренка), so dropping them equates those forms. Loose by
/// design: different surnames can share it, so a linker must weigh this
/// agreement by how often unrelated records share it.
pub fn surname_sound_key(surname: &str) -> String {
    surname_sound_keys(surname).swap_remove(0)
}

/// As [`surname_sound_key`], one key per plausible reading of a Latin
/// spelling (standard, German-, French- or Polish-style: "Kowalenko",
/// "Chevtchouk"), the standard reading first; never empty. A surname of
/// several words gets the standard reading only.
pub fn surname_sound_keys(surname: &str) -> Vec<String> {
    never_empty(surname_keys_by(surname, sound_key_of))
}

fn sound_key_of(key: &str) -> String {
    consonant_skeleton(&compare::gender_split(&belarusian_u_as_v(key)).0)
}

/// A surname's keys under `key_of`: one per reading of a one-word surname's
/// spelling, the standard reading first; for several words, their standard
/// readings' keys sorted and joined into one; none without letters.
fn surname_keys_by(surname: &str, key_of: fn(&str) -> String) -> Vec<String> {
    let words: Vec<&str> = surname
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let [word] = words.as_slice() {
        return keys_of_readings(&key::token_keys(word), key_of);
    }
    let mut keys: Vec<String> = words
        .iter()
        .map(|w| key::primary_key(w))
        .filter(|k| !k.is_empty())
        .map(|k| key_of(&k))
        .collect();
    if keys.is_empty() {
        return keys;
    }
    keys.sort();
    vec![keys.join("-")]
}

/// `key_of` of each of a word's readings, repeats dropped.
fn keys_of_readings(readings: &[key::KeyVariant], key_of: fn(&str) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(4);
    for reading in readings.iter().filter(|r| !r.key.is_empty()) {
        let k = key_of(&reading.key);
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Sound keys are never empty: a surname with no letters has the empty key.
fn never_empty(mut keys: Vec<String>) -> Vec<String> {
    if keys.is_empty() {
        keys.push(String::new());
    }
    keys
}

/// A tight key of a surname's spelling, for record linkage: equal only
/// when two spellings are one surname up to the regular correspondences of
/// Ukrainian, Russian and Belarusian spelling — the language endings
/// (Коваленко / Каваленка, Ковальова / Ковалёва, Шевцов / Шаўцоў,
/// Ковальська / Ковальская) and Belarusian akanye (unstressed о and е
/// written а) — with every consonant and the length kept, and the sex of a
/// gendered ending kept (Ivanov and Ivanova differ). The same rules that
/// [`compare_surname`] explains as "forms of one name" and "akanye"; much
/// rarer among unrelated surnames than [`surname_sound_keys`], which drops
/// every vowel. One key per reading of a Latin spelling, the standard
/// reading first; empty for a surname with no letters. A surname of
/// several words gets the standard reading only.
pub fn surname_form_keys(surname: &str) -> Vec<String> {
    surname_keys_by(surname, form_key_of)
}

fn form_key_of(key: &str) -> String {
    let (stem, sex) = compare::gender_split(&compare::language_form(key));
    let marker = match sex {
        None => "",
        Some(Sex::Female) => "/f",
        Some(Sex::Male) => "/m",
    };
    format!("{}{marker}", compare::akanye_form(&stem))
}

/// In a key, "u" after a or e (anywhere) or after o (at the end) is the
/// Belarusian ў (romanised ŭ, w or u), which stands where the other
/// languages write в. Inside a word "ou" is left alone: it is how French
/// press spellings write у (Melnitchouk).
fn belarusian_u_as_v(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let previous = if i > 0 { Some(chars[i - 1]) } else { None };
            let next = chars.get(i + 1).copied();
            let before_consonant = next.is_none_or(|n| !is_key_vowel(n));
            let after = match previous {
                Some('a' | 'e') => true,
                Some('o') => next.is_none(),
                _ => false,
            };
            if c == 'u' && after && before_consonant {
                'v'
            } else {
                c
            }
        })
        .collect()
}

/// The given-name groups of the father a patronymic names (Олександрович,
/// Александровна, Aliaksandravich → Oleksandr's group), as in
/// [`given_name_group_ids`]; empty when it names no known name. For
/// linkage: patronymics of one father in different languages share a group.
pub fn patronymic_father_group_ids(patronymic: &str) -> Vec<u32> {
    let t = given::table();
    let mut out: Vec<u32> = parse::patronymic_stems(patronymic.trim())
        .iter()
        .filter_map(|stem| t.by_key.get(stem))
        .flatten()
        .filter(|m| !m.diminutive)
        .map(|m| m.group as u32)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every given-name group a name may belong to, as a full form or as a
/// diminutive (Саша → Oleksandr's and Oleksandra's), as small numbers that
/// are stable for the life of the process. Empty for unknown names. For
/// linkage: two names that share a group may be the same person's.
pub fn given_name_group_ids(name: &str) -> Vec<u32> {
    given::lookup(name.trim())
        .into_iter()
        .map(|m| m.group as u32)
        .collect()
}

/// Spellings the matcher considers equivalent to `name`: for each word, its
/// forms in the three Cyrillic orthographies (from the given-name table),
/// their romanisations under every [`Scheme`], and informal Western forms;
/// for several words, the combinations word by word (first form of the
/// other words), in the original order. Sorted, without duplicates.
pub fn variants(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let per_word: Vec<Vec<String>> = words.iter().map(|w| word_variants(w)).collect();
    let mut out: Vec<String> = Vec::new();
    for (i, vs) in per_word.iter().enumerate() {
        for v in vs {
            // A Latin variant goes with the other words in Latin (national
            // Ukrainian romanisation), a Cyrillic one with them as written.
            let latin = !key::is_cyrillic_text(v);
            let combined: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(j, w)| {
                    if i == j {
                        v.clone()
                    } else if latin && key::is_cyrillic_text(w) {
                        transliterate(w, Scheme::UkNational2010)
                    } else {
                        (*w).to_string()
                    }
                })
                .collect();
            out.push(combined.join(" "));
        }
    }
    // Whole-name romanisations under the schemes that fit its letters.
    for s in schemes_for(name) {
        out.push(transliterate(name, *s));
    }
    out.retain(|v| !v.trim().is_empty());
    out.sort();
    out.dedup();
    out
}

/// The romanisation schemes that apply to a Cyrillic word, judged by its
/// letters: і ї є ґ are Ukrainian, ў (or і with ы/э) Belarusian, ы э ъ ё
/// Russian; a word without tell-tale letters gets the Ukrainian and Russian
/// schemes. Applying the Belarusian tables to a Ukrainian word would invent
/// spellings nobody writes ("Olieksandr").
fn schemes_for(word: &str) -> &'static [Scheme] {
    const UK: &[Scheme] = &[
        Scheme::UkNational2010,
        Scheme::RuIso9,
        Scheme::InformalGerman,
        Scheme::InformalFrench,
    ];
    const RU: &[Scheme] = &[
        Scheme::RuBgnPcgn,
        Scheme::RuPassport,
        Scheme::RuIso9,
        Scheme::InformalGerman,
        Scheme::InformalFrench,
    ];
    const BE: &[Scheme] = &[
        Scheme::BeNational,
        Scheme::BeBgnPcgn,
        Scheme::BeLacinka,
        Scheme::RuIso9,
    ];
    const UK_RU: &[Scheme] = &[
        Scheme::UkNational2010,
        Scheme::RuBgnPcgn,
        Scheme::RuPassport,
        Scheme::RuIso9,
        Scheme::InformalGerman,
        Scheme::InformalFrench,
    ];
    let lower = word.to_lowercase();
    let has = |set: &str| lower.chars().any(|c| set.contains(c));
    if has("ў") || (has("і") && has("ыэ")) {
        BE
    } else if has("іїєґ") {
        UK
    } else if has("ыэъё") {
        RU
    } else {
        UK_RU
    }
}

fn word_variants(word: &str) -> Vec<String> {
    let mut forms: Vec<String> = vec![word.to_string()];
    let t = given::table();
    for m in given::lookup(word) {
        if let Some(g) = t.groups.get(m.group) {
            forms.extend(g.full_forms.iter().cloned());
            if m.diminutive || word_is_diminutive_free(word) {
                forms.extend(g.diminutives.iter().cloned());
            }
        }
    }
    let mut out = Vec::new();
    for f in &forms {
        out.push(f.clone());
        if key::is_cyrillic_text(f) {
            for s in schemes_for(f) {
                out.push(transliterate(f, *s));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Full forms also list their diminutives (Oleksandr → Sasha); a diminutive
/// lists only the full forms it may stand for.
fn word_is_diminutive_free(word: &str) -> bool {
    given::lookup(word).iter().any(|m| !m.diminutive)
}

#[cfg(test)]
mod tests;
