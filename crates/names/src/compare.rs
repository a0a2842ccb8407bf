//! Scoring two names, with an explanation a family-tracing worker can check.
//!
//! A person's score is the product of a surname factor, a given-name factor
//! and a patronymic factor, each in [0, 1]. A product (not an average) is
//! used because one clearly different part is enough to make two people
//! different: "Oleksandr Kovalenko" and "Oleksii Kovalenko" share a surname
//! but are not the same person.
//!
//! Decision on gendered surnames: Ivanov and Ivanova are the same family
//! name but, for record linkage, a male and a female record are different
//! people; `compare_surname` therefore scores them below the threshold
//! (0.6) and says why. Callers that resolve *mentions* of a family name can
//! use [`crate::surname_stem_key`], which is equal for both.
//!
//! Place names are compared token by token: every word must find a partner,
//! because the words that differ are exactly what tells places apart
//! (Нова Каховка / Каховка, Ivano-Frankivsk / Frankivsk).

use crate::given::{self, table as given_table, Membership};
use crate::key::{edit_distance, token_keys, KeyVariant};
use crate::parse::{self, parse_name, ParsedName, Role};
use crate::places::{self, AdminWord};
use casefile_core::{Lang, Sex};
use serde::Serialize;

/// Score at or above which two names are taken to be the same.
pub const DEFAULT_THRESHOLD: f64 = 0.75;

/// One step of an explanation: which rule applied and what it found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Short rule name (`parse`, `given`, `surname`, `patronymic`, `place`, `score`).
    pub rule: String,
    /// Readable detail.
    pub detail: String,
}

/// The result of comparing two names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Similarity in [0, 1].
    pub score: f64,
    /// `score >= DEFAULT_THRESHOLD`.
    pub same: bool,
    /// How the score came about, in order.
    pub explanation: Vec<Step>,
}

pub(crate) fn step(rule: &str, detail: String) -> Step {
    Step::new(rule, detail)
}

impl Step {
    /// A step of rule `rule` saying `detail`.
    pub fn new(rule: &str, detail: String) -> Step {
        Step {
            rule: rule.to_string(),
            detail,
        }
    }
}

impl Comparison {
    /// The comparison of a score (clamped to [0, 1]) reached by `steps`: the
    /// decision at [`DEFAULT_THRESHOLD`], with a last step that states it.
    pub fn decided(score: f64, mut steps: Vec<Step>) -> Comparison {
        let score = score.clamp(0.0, 1.0);
        let same = score >= DEFAULT_THRESHOLD;
        steps.push(step(
            "score",
            format!(
                "{score:.3} {} the threshold {DEFAULT_THRESHOLD}: {}",
                if same { "≥" } else { "<" },
                if same { "same" } else { "different" }
            ),
        ));
        Comparison {
            score,
            same,
            explanation: steps,
        }
    }
}

/// Similarity of two single tokens plus the reason.
#[derive(Debug, Clone)]
pub(crate) struct TokenSim {
    pub score: f64,
    pub reason: String,
}

fn keys_meet(a: &[KeyVariant], b: &[KeyVariant]) -> Option<(KeyVariant, KeyVariant)> {
    for x in a {
        for y in b {
            if x.key == y.key {
                return Some((x.clone(), y.clone()));
            }
        }
    }
    None
}

/// Which romanisation standards turn the Cyrillic one of `a`, `b` into the
/// Latin one exactly (ignoring case and diacritics), for explanations.
fn scheme_note(a: &str, b: &str) -> String {
    use crate::key::{fold_latin, is_cyrillic_text};
    let (cyr, lat) = match (is_cyrillic_text(a), is_cyrillic_text(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        (true, true) => return " (Cyrillic spellings)".to_string(),
        (false, false) => return String::new(),
    };
    let target = fold_latin(lat);
    let hits: Vec<&str> = crate::translit::Scheme::ALL
        .iter()
        .filter(|s| fold_latin(&crate::translit::transliterate(cyr, **s)) == target)
        .map(|s| s.label())
        .collect();
    if hits.is_empty() {
        " (same phonetic key; no single standard gives this exact spelling)".to_string()
    } else {
        format!(" ({})", hits.join(", "))
    }
}

fn reading_note(x: &KeyVariant, y: &KeyVariant) -> String {
    let mut notes = Vec::new();
    for r in [x.reading, y.reading] {
        if r != "Latin" && r != "Cyrillic" && !notes.contains(&r) {
            notes.push(r);
        }
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(" (read as {})", notes.join(", "))
    }
}

/// Belarusian ↔ Russian ↔ Ukrainian regular correspondences applied to a
/// key, giving a "Russian-like" form: Belarusian ць/дзь (Ціханоўская → ti),
/// ў after a vowel written "u" (Tsikhanouskaya), akanne in the ending
/// (Лукашэнка / Лукашенко, Латушка / Латушко), Ukrainian і for Russian о in
/// a final closed syllable (Харків / Харьков, -івка / -овка).
/// A language form with every a, e and o after the first letter read as o
/// (Belarusian akanye writes unstressed о and е as а).
pub(crate) fn akanye_form(form: &str) -> String {
    form.chars()
        .enumerate()
        .map(|(i, c)| {
            if i > 0 && matches!(c, 'a' | 'e') {
                'o'
            } else {
                c
            }
        })
        .collect()
}

pub(crate) fn language_form(key: &str) -> String {
    let mut k = key.to_string();
    for (from, to) in [("Ti", "ti"), ("Te", "te"), ("dzi", "di"), ("dze", "de")] {
        if k.contains(from) {
            k = k.replace(from, to);
        }
    }
    for v in ["au", "ou", "eu", "iu"] {
        let mut from = 0;
        while let Some(found) = k[from..].find(v) {
            let pos = from + found;
            from = pos + 2;
            // Before a consonant: "ou" + vowel is a real diphthong. At the
            // end of a word too (Belarusian -оў / -аў, Shautsou), except
            // "iu", which there is ю.
            let after = k[pos + 2..].chars().next();
            let at_end = after.is_none() && v != "iu";
            if at_end || after.is_some_and(|c| !"aeiou".contains(c)) {
                k.replace_range(pos + 1..pos + 2, "v");
            }
        }
    }
    for (from, to) in [
        ("enka", "enko"),
        ("Ska", "Sko"),
        ("Cka", "Cko"),
        ("ivka", "ovka"),
        ("evka", "ovka"),
        ("ivsk", "ovsk"),
    ] {
        if k.ends_with(from) {
            k.truncate(k.len() - from.len());
            k.push_str(to);
        }
    }
    // Russian neuter adjectival -ое against Ukrainian and Belarusian -е / -ае
    // (Первомайское / Первомайське, Kirovskoye / Kirovske).
    if k.chars().count() > 5 && (k.ends_with("skoe") || k.ends_with("Tkoe") || k.ends_with("skae"))
    {
        k.truncate(k.len() - 2);
        k.push('e');
    }
    // Ukrainian -я after a lengthened consonant vs Russian -ье
    // (Високопілля / Высокополье, Запоріжжя / Запорожье).
    let before_ia = k.len().checked_sub(3).and_then(|i| k[i..].chars().next());
    if k.ends_with("ia") && k.chars().count() > 5 && before_ia.is_some_and(|c| !"aeiou".contains(c))
    {
        k.truncate(k.len() - 2);
        k.push('e');
    }
    if k.ends_with("iv") && k.chars().count() > 4 {
        k.truncate(k.len() - 2);
        k.push_str("ov");
    }
    k
}

/// Gendered surname endings (of keys), with the stem they leave.
/// Feminine first within each pair so that "ova" wins over "ov".
const GENDER_ENDINGS: [(&str, Sex); 11] = [
    ("skaia", Sex::Female),
    ("Tkaia", Sex::Female),
    ("ska", Sex::Female),
    ("Tka", Sex::Female),
    ("ski", Sex::Male),
    ("Tki", Sex::Male),
    ("ova", Sex::Female),
    ("eva", Sex::Female),
    ("ina", Sex::Female),
    ("ov", Sex::Male),
    ("ev", Sex::Male),
];

/// Splits a surname key into (stem, sex) by its gendered ending.
pub(crate) fn gender_split(key: &str) -> (String, Option<Sex>) {
    for (end, sex) in GENDER_ENDINGS {
        if let Some(stem) = key.strip_suffix(end) {
            if stem.chars().count() >= 2 {
                let stem_end = match end {
                    "skaia" | "ska" | "ski" => "sk",
                    "Tkaia" | "Tka" | "Tki" => "Tk",
                    "ova" | "ov" => "ov",
                    "eva" | "ev" => "ev",
                    _ => "",
                };
                return (format!("{stem}{stem_end}"), Some(sex));
            }
        }
    }
    if let Some(stem) = key.strip_suffix("in") {
        if stem.chars().count() >= 3 {
            return (format!("{stem}in"), Some(Sex::Male));
        }
    }
    (key.to_string(), None)
}

/// Suffixes that make a surname of a word (keys): -in, -ov, -ev, -sky.
const SURNAME_SUFFIXES: [&str; 4] = ["in", "ov", "ev", "ski"];

/// One key is the other less its final vowel plus a surname suffix
/// (koZemiako / koZemiakin), either way round.
fn derived_surname(x: &str, y: &str) -> bool {
    let one_way = |base: &str, derived: &str| {
        let Some(last) = base.chars().last() else {
            return false;
        };
        if !crate::phonetic::is_key_vowel(last) || base.chars().count() < 4 {
            return false;
        }
        let stem = &base[..base.len() - last.len_utf8()];
        derived
            .strip_prefix(stem)
            .is_some_and(|rest| SURNAME_SUFFIXES.contains(&rest))
    };
    one_way(x, y) || one_way(y, x)
}

/// Surname suffixes (keys) that make different families' names of one stem
/// (Kowalski / Kowalczyk, Ковальчук / Ковальчик, Petrenko / Petrovski): a
/// word with one of them in place of another is another surname, not a
/// typo of it, however few letters differ.
const ALTERNATE_SURNAME_SUFFIXES: [&str; 16] = [
    "ski", "Tki", "Cik", "Cak", "Cuk", "Cenko", "enko", "uk", "ak", "ek", "ik", "ovski", "evski",
    "oviC", "eviC", "in",
];

/// One key is a stem of four letters or more with one suffix of
/// [`ALTERNATE_SURNAME_SUFFIXES`], the other the same stem with another.
fn alternate_surname_suffix(x: &str, y: &str) -> bool {
    ALTERNATE_SURNAME_SUFFIXES.iter().any(|s1| {
        let Some(stem) = x.strip_suffix(s1) else {
            return false;
        };
        stem.chars().count() >= 4
            && ALTERNATE_SURNAME_SUFFIXES
                .iter()
                .any(|s2| s1 != s2 && y.strip_prefix(stem) == Some(*s2))
    })
}

/// Typo test over candidate spellings (keys, language forms, plain
/// romanisations). A word that merely extends another (Буча / Бучач,
/// Moroz / Morozov) is a different, derived name, not a typo; in `strict`
/// mode (places) only one differing letter is tolerated.
fn typo_score(a: &[String], b: &[String], strict: bool) -> Option<(f64, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for x in a {
        for y in b {
            let d = edit_distance(x, y);
            let len = x.chars().count().min(y.chars().count());
            let extension = x.starts_with(y.as_str()) || y.starts_with(x.as_str());
            if extension && (strict || d >= 2) {
                continue;
            }
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, len));
            }
        }
    }
    let (d, len) = best?;
    match (d, len, strict) {
        (1, l, false) if l >= 4 => Some((0.85, d)),
        (1, l, true) if l >= 5 => Some((0.85, d)),
        (2, l, false) if l >= 8 => Some((0.78, d)),
        _ => None,
    }
}

/// Candidate spellings of a token for the typo test.
fn typo_candidates(token: &str, keys: &[KeyVariant], with_language_forms: bool) -> Vec<String> {
    let mut out: Vec<String> = keys.iter().map(|k| k.key.clone()).collect();
    if with_language_forms {
        out.extend(keys.iter().map(|k| language_form(&k.key)));
    }
    out.extend(crate::key::plain_spellings(token));
    out.sort();
    out.dedup();
    out
}

fn weak_similarity(a: &[KeyVariant], b: &[KeyVariant]) -> f64 {
    let mut best: f64 = 0.0;
    for x in a {
        for y in b {
            best = best.max(strsim::jaro_winkler(&x.key, &y.key));
        }
    }
    // Scaled so that a merely similar-looking name can never pass the
    // threshold on its own (Kovalenko / Kovalchuk has Jaro-Winkler 0.87).
    0.5 * best
}

/// Compares two single tokens (one word of a surname or a place).
pub(crate) fn token_similarity(a: &str, b: &str, gendered: bool, explain: bool) -> TokenSim {
    let ka = token_keys(a);
    let kb = token_keys(b);
    if ka.is_empty() || kb.is_empty() {
        return TokenSim {
            score: 0.0,
            reason: format!("{a} / {b}: nothing to compare"),
        };
    }
    if let Some((x, y)) = keys_meet(&ka, &kb) {
        return TokenSim {
            score: 1.0,
            reason: if explain {
                format!(
                    "{a} = {b} after transliteration{}{}",
                    scheme_note(a, b),
                    reading_note(&x, &y)
                )
            } else {
                String::new()
            },
        };
    }
    if let (Some(pa), Some(pb)) = (
        places::lookup_place_key(&ka[0].key),
        places::lookup_place_key(&kb[0].key),
    ) {
        return if pa == pb {
            TokenSim {
                score: 1.0,
                reason: format!("{a} and {b} are forms of the place {pa}"),
            }
        } else {
            TokenSim {
                score: 0.05,
                reason: format!("{a} ({pa}) and {b} ({pb}) are different known places"),
            }
        };
    }
    let la: Vec<String> = ka.iter().map(|k| language_form(&k.key)).collect();
    let lb: Vec<String> = kb.iter().map(|k| language_form(&k.key)).collect();
    if la.iter().any(|x| lb.contains(x)) {
        return TokenSim {
            score: 0.95,
            reason: format!("{a} and {b} are Belarusian/Ukrainian/Russian forms of one name"),
        };
    }
    // Session 27: one surname in two traditions no transliteration joins
    // (`data/surname_variants.tsv`: Акопян / Hakobyan, Саркисян / Саргсян).
    if gendered && crate::variants::same_surname_variant(a, b) {
        return TokenSim {
            score: 0.9,
            reason: format!("{a} and {b} are one surname in two traditions of spelling"),
        };
    }
    // Belarusian akanye: an unstressed о or е is written а (Шаўцоў for
    // Шевцов, Кавалёў for Ковальов); only for surnames, whose length and
    // consonants must then agree exactly.
    // Session 28: one of the two must be writable in Belarusian (Каримова,
    // with its и, is no akanye of Керимова, nor either of the other).
    if gendered
        && (crate::spelling::may_be_belarusian(a) || crate::spelling::may_be_belarusian(b))
        && la
            .iter()
            .any(|x| lb.iter().any(|y| akanye_form(x) == akanye_form(y)))
    {
        return TokenSim {
            score: 0.9,
            reason: format!(
                "{a} and {b} differ only in unstressed vowels, as Belarusian spelling (akanye) writes them"
            ),
        };
    }
    // Belarusian akanye and yakanye, ё for о, -і for -ий, letter by letter
    // (`data/cyrillic_spellings.tsv`): Сямёнава / Семёнова, Цапкала / Цепкало.
    if gendered && crate::spelling::one_name_in_two_orthographies(a, b) {
        return TokenSim {
            score: 0.9,
            reason: format!(
                "{a} and {b} are one surname in Belarusian, Russian or Ukrainian spelling"
            ),
        };
    }
    if gendered {
        for x in &la {
            for y in &lb {
                let (sa, ga) = gender_split(x);
                let (sb, gb) = gender_split(y);
                if sa == sb {
                    if let (Some(ga), Some(gb)) = (ga, gb) {
                        if ga != gb {
                            return TokenSim {
                                score: 0.6,
                                reason: format!(
                                    "{a} and {b} are the masculine and feminine forms of one surname; \
                                     as records they are different people"
                                ),
                            };
                        }
                        return TokenSim {
                            score: 0.95,
                            reason: format!("{a} and {b} are Ukrainian/Russian forms of one feminine or masculine surname"),
                        };
                    }
                }
            }
        }
    }
    // A surname made of another by a suffix in place of its final vowel
    // (Кожемяко / Кожемякин, Петро / Петров) is another family's name.
    if gendered && la.iter().any(|x| lb.iter().any(|y| derived_surname(x, y))) {
        return TokenSim {
            score: weak_similarity(&ka, &kb),
            reason: format!(
                "{a} and {b}: one is made of the other by a surname suffix, another name"
            ),
        };
    }
    // One stem with two surname suffixes (Kowalski / Kowalczyk): two
    // families' names.
    if gendered
        && la
            .iter()
            .any(|x| lb.iter().any(|y| alternate_surname_suffix(x, y)))
    {
        return TokenSim {
            score: weak_similarity(&ka, &kb),
            reason: format!("{a} and {b}: one stem with two surname suffixes, another name"),
        };
    }
    // A foreign surname in Cyrillic and in Latin letters, read as it sounds
    // (Тюрк / Türk, Ляйен / Leyen), or declined (Тюрком / Тюрк).
    if gendered && crate::foreign::same_foreign_name(a, b) {
        return TokenSim {
            score: 0.9,
            reason: format!("{a} and {b} are one foreign name, read as it sounds"),
        };
    }
    // Two surnames in one script, one the other with a consonant more
    // (Кириенко / Кириленко, Краснов / Красов): names spelled by their
    // own writers, and two families', not a typo of one.
    if gendered && one_consonant_more(a, b) {
        return TokenSim {
            score: weak_similarity(&ka, &kb),
            reason: format!("{a} and {b}: one has a consonant more, another surname"),
        };
    }
    // Two surnames in Cyrillic that differ by a letter no correspondence of
    // the Ukrainian, Russian and Belarusian orthographies accounts for
    // (Мирошниченко / Мирощниченко, Бондарук / Бондарик): written by people
    // who spell in that alphabet, two families' names, not a typo
    // (`spelling.rs`, `data/cyrillic_spellings.tsv`).
    if gendered && crate::spelling::differ_beyond_orthography(a, b) {
        return TokenSim {
            score: weak_similarity(&ka, &kb),
            reason: format!(
                "{a} and {b} differ in Cyrillic by more than Ukrainian, Russian and Belarusian spelling accounts for: another surname"
            ),
        };
    }
    let ca = typo_candidates(a, &ka, true);
    let cb = typo_candidates(b, &kb, true);
    // Two surnames written in Cyrillic by their own writers that differ in
    // two letters are two families' (Любимова / Любимцева, Кочанова /
    // Кочетова), not one misspelled: only a transliteration varies that much.
    // Alike: both Cyrillic, and no letter shows two languages (Беляцкий /
    // Бяляцкі are one name in Russian and Belarusian spelling).
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let language = |s: &str| {
        let has = |set: &str| {
            s.chars()
                .any(|c| set.contains(c.to_lowercase().next().unwrap_or(c)))
        };
        match (has("ў"), has("і"), has("ыэ"), has("їєґ"), has("ъё")) {
            (true, ..) | (_, true, true, ..) => "be",
            (_, _, _, true, _) | (_, true, false, ..) => "uk",
            (_, _, true, ..) | (.., true) => "ru",
            _ => "",
        }
    };
    let written_alike = gendered && cyrillic(a) && cyrillic(b) && language(a) == language(b);
    if let Some((score, d)) =
        typo_score(&ca, &cb, !gendered).filter(|(_, d)| !(written_alike && *d >= 2))
    {
        return TokenSim {
            score,
            reason: format!("{a} ~ {b}: {d} letter(s) differ, probably a typo"),
        };
    }
    TokenSim {
        score: weak_similarity(&ka, &kb),
        reason: format!("{a} and {b} are different"),
    }
}

/// Whether two words of one script, five letters or more, are one word
/// with one consonant inserted inside it (not at either end, where a case
/// or a suffix ending differs, and not beside the same letter).
pub(crate) fn one_consonant_more(a: &str, b: &str) -> bool {
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    if crate::key::is_cyrillic_text(&la) != crate::key::is_cyrillic_text(&lb) {
        return false;
    }
    let (x, y): (Vec<char>, Vec<char>) = (la.chars().collect(), lb.chars().collect());
    let (short, long) = if x.len() < y.len() { (x, y) } else { (y, x) };
    if long.len() != short.len() + 1 || short.len() < 5 {
        return false;
    }
    let Some(at) = (0..long.len()).find(|i| short.get(*i) != long.get(*i)) else {
        return false;
    };
    let inserted = long[at];
    // A letter written twice (Кравченнко) is a slip of the pen.
    at > 0
        && at + 1 < long.len()
        && long[at - 1] != inserted
        && long[at + 1] != inserted
        && inserted.is_alphabetic()
        && !"aeiouyаеёиоуыэюяіїєўъь'’".contains(inserted)
        && long[at + 1..] == short[at..]
}

/// Keys of a token for blocking: two tokens whose
/// `token_similarity(a, b, gendered, _)` reaches [`DEFAULT_THRESHOLD`]
/// share at least one key (the keys of the other direction are the same
/// keys). Read off `token_similarity` branch by branch, each key tagged by
/// its branch: a shared phonetic key (`k`), one known place (`p`, the first
/// key's label, as looked up there), a shared language form (`l`); for
/// surnames (`gendered`) also one akanye form (`a`) and one stem of one
/// gender (`g`; two genders score 0.6); and a typo. A typo is, in strict
/// mode (not `gendered`), one edit (optimal string alignment) between
/// candidate spellings of at least five letters each; otherwise one edit
/// between spellings of at least four letters or two between spellings of
/// at least eight. Spellings within one edit share a spelling with at most
/// one letter deleted (`d`: a substitution or a transposition leaves both
/// sides one deletion in common, an insertion the shorter as a deletion of
/// the longer), within two edits one with at most two deleted (`e`). For
/// surnames, a foreign name read as it sounds (`f`, `foreign::sound_keys`).
/// The last branch scores at most 0.5 and needs no key.
pub(crate) fn token_block_keys(token: &str, gendered: bool) -> Vec<String> {
    let keys = token_keys(token);
    let mut out = Vec::new();
    let Some(first) = keys.first() else {
        // Nothing to compare: the similarity is 0.
        return out;
    };
    for k in keys.iter() {
        out.push(format!("k{}", k.key));
        let form = language_form(&k.key);
        if gendered {
            out.push(format!("a{}", akanye_form(&form)));
            if let (stem, Some(sex)) = gender_split(&form) {
                out.push(format!("g{sex:?}{stem}"));
            }
        }
        out.push(format!("l{form}"));
    }
    if let Some(place) = places::lookup_place_key(&first.key) {
        out.push(format!("p{place}"));
    }
    if gendered {
        out.extend(
            crate::foreign::sound_keys(token)
                .into_iter()
                .map(|k| format!("f{k}")),
        );
        // Session 29: the other branches that join two surnames, each with
        // the key its own data gives: one name in two Cyrillic
        // orthographies (`o`, `spelling::orthography_key`), one surname in
        // two traditions (`v`, the rows of `data/surname_variants.tsv`),
        // two Cyrillic spellings of which one is declined (`n`, the keys
        // as written and with a case ending replaced).
        if let Some(k) = crate::spelling::orthography_key(token) {
            out.push(format!("o{k}"));
        }
        out.extend(
            crate::variants::rows(token)
                .into_iter()
                .map(|r| format!("v{r}")),
        );
        out.extend(
            crate::foreign::cyrillic_name_keys(token)
                .into_iter()
                .map(|k| format!("n{k}")),
        );
    }
    let (one_edit, two_edits) = if gendered { (4, 8) } else { (5, usize::MAX) };
    for c in typo_candidates(token, &keys, true) {
        let chars: Vec<char> = c.chars().collect();
        if chars.len() >= one_edit {
            deletions(&chars, 1, "d", &mut out);
        }
        if chars.len() >= two_edits {
            deletions(&chars, 2, "e", &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `word` and every spelling with up to `depth` of its letters deleted, tagged.
fn deletions(word: &[char], depth: usize, tag: &str, out: &mut Vec<String>) {
    let mut s = String::with_capacity(word.len() + tag.len());
    s.push_str(tag);
    s.extend(word);
    out.push(s);
    if depth == 0 {
        return;
    }
    for skip in 0..word.len() {
        let mut shorter = word.to_vec();
        shorter.remove(skip);
        deletions(&shorter, depth - 1, tag, out);
    }
}

/// Blocking keys of a surname for [`compare_surname`]: two surnames it
/// scores at [`DEFAULT_THRESHOLD`] or more share one. One part against one
/// part is their token similarity; otherwise the score is the product of
/// the matched parts' similarities (each at least 0.5, none at all scores
/// at most 0.5) and of factors under 1, so some pair of parts reaches the
/// threshold on its own, and those parts share a key of
/// `token_block_keys`.
pub fn surname_block_keys(surname: &str) -> Vec<u64> {
    let mut out: Vec<u64> = split_parts(surname)
        .into_iter()
        .flat_map(|part| token_block_keys(part, true))
        .map(|k| crate::block_hash("surname", &k))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Aligned token pairs (index in a, index in b, similarity).
type Alignment = (Vec<(usize, usize, TokenSim)>, Vec<usize>, Vec<usize>);

/// Best one-to-one alignment of two token lists: (pairs (i, j, sim), unmatched a, unmatched b).
fn align(a: &[&str], b: &[&str], gendered: bool, explain: bool) -> Alignment {
    let mut cands: Vec<(usize, usize, TokenSim)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            cands.push((i, j, token_similarity(x, y, gendered, explain)));
        }
    }
    cands.sort_by(|p, q| q.2.score.total_cmp(&p.2.score));
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (i, j, s) in cands {
        if used_a[i] || used_b[j] || s.score < 0.5 {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        pairs.push((i, j, s));
    }
    let ua = (0..a.len()).filter(|&i| !used_a[i]).collect();
    let ub = (0..b.len()).filter(|&j| !used_b[j]).collect();
    (pairs, ua, ub)
}

fn split_parts(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|p| !p.is_empty())
        .collect()
}

fn surname_parts_score(a: &[&str], b: &[&str], steps: &mut Vec<Step>, explain: bool) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a.len() == 1 && b.len() == 1 {
        let s = token_similarity(a[0], b[0], true, explain);
        steps.push(step("surname", s.reason));
        return s.score;
    }
    let (pairs, ua, ub) = align(a, b, true, explain);
    if pairs.is_empty() {
        let s = token_similarity(a[0], b[0], true, explain);
        steps.push(step(
            "surname",
            format!("no part of {} matches {}", a.join("-"), b.join("-")),
        ));
        return s.score.min(0.5);
    }
    let mut score: f64 = pairs.iter().map(|p| p.2.score).product();
    for p in &pairs {
        steps.push(step("surname", p.2.reason.clone()));
    }
    if !ua.is_empty() && !ub.is_empty() {
        steps.push(step(
            "surname",
            "the surnames have different extra parts".to_string(),
        ));
        score *= 0.4;
    } else if !ua.is_empty() || !ub.is_empty() {
        let (longer, missing): (&[&str], Vec<usize>) =
            if ua.is_empty() { (b, ub) } else { (a, ua) };
        let missing: Vec<&str> = missing
            .iter()
            .filter_map(|&i| longer.get(i).copied())
            .collect();
        steps.push(step(
            "surname",
            format!(
                "{} is one part of the double surname {}; {} is absent on the other side",
                pairs.iter().map(|p| a[p.0]).collect::<Vec<_>>().join("-"),
                longer.join("-"),
                missing.join("-")
            ),
        ));
        score *= 0.88;
    } else if a.len() > 1 {
        steps.push(step(
            "surname",
            format!(
                "double surname {} = {} (hyphen or space)",
                a.join("-"),
                b.join("-")
            ),
        ));
    }
    score
}

/// Field-level surname similarity in [0, 1] (for record linkage). Handles
/// scripts, transliteration schemes, Belarusian/Russian forms, double
/// surnames and typos; masculine vs feminine forms score 0.6 (see module docs).
pub fn compare_surname(a: &str, b: &str) -> f64 {
    let mut steps = Vec::new();
    surname_parts_score(&split_parts(a), &split_parts(b), &mut steps, false)
}

fn group_label(m: &Membership) -> &'static str {
    given_table()
        .groups
        .get(m.group)
        .map(|g| g.label.as_str())
        .unwrap_or("?")
}

/// Script and, where the letters show it, the language of a word, for an
/// explanation: "Latin", "Cyrillic" or the language code.
fn script_of(s: &str) -> &'static str {
    if !crate::key::is_cyrillic_text(s) {
        return "Latin";
    }
    cyrillic_language(s).map_or("Cyrillic", Lang::code)
}

/// The language a Cyrillic word's letters show: і ї є ґ are Ukrainian; ў,
/// or і with ы/э, Belarusian; ы э ъ ё Russian. `None` when they show none.
fn cyrillic_language(s: &str) -> Option<Lang> {
    let lower = s.to_lowercase();
    let has = |set: &str| lower.chars().any(|c| set.contains(c));
    if has("ў") || (has("і") && has("ыэ")) {
        Some(Lang::Be)
    } else if has("іїєґ") {
        Some(Lang::Uk)
    } else if has("ыэъё") {
        Some(Lang::Ru)
    } else {
        None
    }
}

/// Given-name similarity with explanation.
fn given_score(a: &str, b: &str, explain: bool) -> (f64, String) {
    let ka = token_keys(a);
    let kb = token_keys(b);
    let ga = given::lookup_keys(&ka);
    let gb = given::lookup_keys(&kb);
    // Shared group: full forms of one name, or a diminutive of it.
    let mut best: Option<(f64, String)> = None;
    for x in &ga {
        for y in &gb {
            if x.group == y.group {
                let label = group_label(x);
                let (score, what) = match (x.diminutive, y.diminutive) {
                    (false, false) => (1.0, "are forms of the same name"),
                    (true, true) => (0.9, "are both diminutives of the name"),
                    _ => (0.9, "are a full form and a diminutive of the name"),
                };
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((
                        score,
                        format!(
                            "given names: {a} ({}) and {b} ({}) {what} '{label}'",
                            script_of(a),
                            script_of(b)
                        ),
                    ));
                }
            }
        }
    }
    if let Some(b) = best {
        return b;
    }
    if let Some((x, y)) = keys_meet(&ka, &kb) {
        return (
            1.0,
            if explain {
                format!(
                    "given names: {a} = {b} after transliteration{}{}",
                    scheme_note(a, b),
                    reading_note(&x, &y)
                )
            } else {
                String::new()
            },
        );
    }
    if !ga.is_empty() && !gb.is_empty() {
        let la: Vec<&str> = ga.iter().map(group_label).collect();
        let lb: Vec<&str> = gb.iter().map(group_label).collect();
        return (
            0.2 * weak_similarity(&ka, &kb) / 0.5,
            format!(
                "given names: {a} ('{}') and {b} ('{}') are different names",
                la.join("'/'"),
                lb.join("'/'")
            ),
        );
    }
    // A foreign given name in Cyrillic and in Latin letters (Фолькер /
    // Volker, Дениз / Denise), read as it sounds.
    if crate::foreign::same_foreign_name(a, b) {
        return (
            0.95,
            format!("given names: {a} and {b} are one foreign name, read as it sounds"),
        );
    }
    // At least one is not in the table: compare it with the other's forms too.
    let mut other_forms: Vec<KeyVariant> = kb.to_vec();
    let t = given_table();
    for m in &gb {
        if let Some(g) = t.groups.get(m.group) {
            for f in &g.full_forms {
                other_forms.extend(token_keys(f).iter().cloned());
            }
        }
    }
    let mut self_forms: Vec<KeyVariant> = ka.to_vec();
    for m in &ga {
        if let Some(g) = t.groups.get(m.group) {
            for f in &g.full_forms {
                self_forms.extend(token_keys(f).iter().cloned());
            }
        }
    }
    let mut self_c = typo_candidates(a, &self_forms, false);
    let mut other_c = typo_candidates(b, &other_forms, false);
    self_c.dedup();
    other_c.dedup();
    // A given name one letter longer than another (Daniel / Danielle, Paul
    // / Paula), or differing only in a voiced and a voiceless consonant
    // (Денис / Дениз), is another name, usually of the other sex: no typo.
    let closest = self_c
        .iter()
        .flat_map(|x| other_c.iter().map(move |y| (x, y)))
        .min_by_key(|(x, y)| edit_distance(x, y));
    let another_name = closest.is_some_and(|(x, y)| {
        let (short, long) = if x.chars().count() <= y.chars().count() {
            (x, y)
        } else {
            (y, x)
        };
        // One letter added after a consonant (Paul / Paula), not a vowel
        // changed by declension (Дарії / Дарья).
        let extended = long.starts_with(short.as_str())
            && short
                .chars()
                .last()
                .is_some_and(|c| !crate::phonetic::is_key_vowel(c));
        edit_distance(x, y) == 1 && (extended || voicing_pair(x, y))
    });
    if let Some((score, d)) = typo_score(&self_c, &other_c, false).filter(|_| !another_name) {
        return (
            score,
            format!("given names: {a} ~ {b}: {d} letter(s) differ, probably a typo"),
        );
    }
    (
        weak_similarity(&ka, &kb),
        format!("given names: {a} and {b} are different"),
    )
}

/// Two spellings of one length that differ in one place, where one has a
/// voiced and the other the matching voiceless consonant (s / z, f / v).
fn voicing_pair(x: &str, y: &str) -> bool {
    const PAIRS: [(char, char); 6] = [
        ('s', 'z'),
        ('f', 'v'),
        ('k', 'H'),
        ('t', 'd'),
        ('p', 'b'),
        ('S', 'Z'),
    ];
    let (xc, yc): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    if xc.len() != yc.len() {
        return false;
    }
    let diff: Vec<(char, char)> = xc
        .iter()
        .zip(&yc)
        .filter(|(p, q)| p != q)
        .map(|(p, q)| (*p, *q))
        .collect();
    matches!(diff.as_slice(), [(p, q)] if PAIRS.iter().any(|(v, w)| (p, q) == (v, w) || (p, q) == (w, v)))
}

/// Field-level given-name similarity in [0, 1] (for record linkage):
/// 1 for forms of one name in any of uk/ru/be or Latin, 0.9 for a
/// diminutive, 0.85 for a probable typo, low otherwise. A single letter is
/// treated as an initial (0.85 if consistent).
pub fn compare_given(a: &str, b: &str) -> f64 {
    let a = a.trim().trim_end_matches('.');
    let b = b.trim().trim_end_matches('.');
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let ia = a.chars().filter(|c| c.is_alphabetic()).count() == 1;
    let ib = b.chars().filter(|c| c.is_alphabetic()).count() == 1;
    match (ia, ib) {
        (true, true) => {
            if initial_letters(a)
                .iter()
                .any(|c| initial_letters(b).contains(c))
            {
                0.85
            } else {
                0.0
            }
        }
        (true, false) => initial_score(a, b).0,
        (false, true) => initial_score(b, a).0,
        (false, false) => given_score(a, b, false).0,
    }
}

/// First letters of the keys an initial may stand for. A Latin "Y", "J"
/// or "I" may also stand for Є/Е (Yevhen, Yekaterina), whose keys begin
/// with "e".
fn initial_letters(initial: &str) -> Vec<char> {
    let mut out: Vec<char> = token_keys(initial)
        .iter()
        .filter_map(|k| k.key.chars().next())
        .collect();
    if out.contains(&'i') && !crate::key::is_cyrillic_text(initial) {
        out.push('e');
    }
    out
}

/// Whether an initial is consistent with a full name (any of its forms).
fn initial_score(initial: &str, name: &str) -> (f64, String) {
    let letters = initial_letters(initial);
    let mut firsts: Vec<char> = token_keys(name)
        .iter()
        .filter_map(|k| k.key.chars().next())
        .collect();
    let t = given_table();
    for m in given::lookup(name) {
        if let Some(g) = t.groups.get(m.group) {
            for f in &g.full_forms {
                firsts.extend(token_keys(f).iter().filter_map(|k| k.key.chars().next()));
            }
        }
    }
    if letters.iter().any(|c| firsts.contains(c)) {
        (
            0.85,
            format!("initial {initial}. is consistent with {name}"),
        )
    } else {
        (0.1, format!("initial {initial}. does not fit {name}"))
    }
}

fn patronymic_score(a: &str, b: &str) -> (f64, String) {
    let ka = token_keys(a);
    let kb = token_keys(b);
    if let Some((x, y)) = keys_meet(&ka, &kb) {
        return (
            1.0,
            format!(
                "patronymics: {a} = {b} after transliteration{}",
                reading_note(&x, &y)
            ),
        );
    }
    let t = given_table();
    let groups = |p: &str| -> Vec<usize> {
        parse::patronymic_stems(p)
            .iter()
            .filter_map(|s| t.by_key.get(s))
            .flatten()
            .filter(|m| !m.diminutive)
            .map(|m| m.group)
            .collect()
    };
    let ga = groups(a);
    let gb = groups(b);
    if let Some(g) = ga.iter().find(|g| gb.contains(g)) {
        let label = t.groups.get(*g).map(|g| g.label.as_str()).unwrap_or("?");
        return (
            1.0,
            format!("patronymics: {a} and {b} both name the father '{label}'"),
        );
    }
    // Both name a father the table knows, and not the same one (Іванівна /
    // Іллівна): different fathers, however few letters differ.
    if !ga.is_empty() && !gb.is_empty() {
        return (
            0.5,
            format!("patronymics: {a} and {b} name different fathers"),
        );
    }
    let ca = typo_candidates(a, &ka, false);
    let cb = typo_candidates(b, &kb, false);
    if let Some((score, d)) = typo_score(&ca, &cb, false) {
        return (
            score.max(0.9),
            format!("patronymics: {a} ~ {b}: {d} letter(s) differ"),
        );
    }
    (
        0.5,
        format!("patronymics: {a} and {b} name different fathers"),
    )
}

fn person_score(pa: &ParsedName, pb: &ParsedName, steps: &mut Vec<Step>) -> f64 {
    // Surname.
    let sa = pa.surname_parts();
    let sb = pb.surname_parts();
    let s = match (sa.is_empty(), sb.is_empty()) {
        (false, false) => surname_parts_score(&sa, &sb, steps, true),
        (true, true) => {
            steps.push(step("surname", "no surname on either side".to_string()));
            1.0
        }
        _ => {
            steps.push(step(
                "surname",
                "surname present on one side only: a given name alone is weak evidence".to_string(),
            ));
            0.7
        }
    };
    // Given name (full or initial).
    let ia = pa.initials();
    let ib = pb.initials();
    let g = match (pa.given(), pb.given()) {
        (Some(x), Some(y)) => {
            let (score, why) = given_score(x, y, true);
            steps.push(step("given", why));
            score
        }
        (Some(x), None) if !ib.is_empty() => {
            let (score, why) = initial_score(ib[0], x);
            steps.push(step("given", why));
            score
        }
        (None, Some(y)) if !ia.is_empty() => {
            let (score, why) = initial_score(ia[0], y);
            steps.push(step("given", why));
            score
        }
        (None, None) if !ia.is_empty() && !ib.is_empty() => {
            if initial_letters(ia[0])
                .iter()
                .any(|c| initial_letters(ib[0]).contains(c))
            {
                steps.push(step("given", format!("same initial {}.", ia[0])));
                1.0
            } else {
                steps.push(step(
                    "given",
                    format!("initials {}. and {}. differ", ia[0], ib[0]),
                ));
                0.1
            }
        }
        (None, None) => 1.0,
        _ => {
            steps.push(step(
                "given",
                "given name on one side only: compatible, not confirmed".to_string(),
            ));
            0.88
        }
    };
    // Patronymic (optional on either side).
    let p_init_a = if pa.given().is_some() {
        ia.first()
    } else {
        ia.get(1)
    };
    let p_init_b = if pb.given().is_some() {
        ib.first()
    } else {
        ib.get(1)
    };
    let p = match (pa.patronymic(), pb.patronymic()) {
        (Some(x), Some(y)) => {
            let (score, why) = patronymic_score(x, y);
            steps.push(step("patronymic", why));
            score
        }
        (Some(x), None) | (None, Some(x)) => {
            let init = if pa.patronymic().is_some() {
                p_init_b
            } else {
                p_init_a
            };
            match init {
                Some(i) => {
                    let fits = initial_letters(i)
                        .iter()
                        .any(|c| token_keys(x).iter().any(|k| k.key.starts_with(*c)));
                    if fits {
                        steps.push(step(
                            "patronymic",
                            format!("initial {i}. fits patronymic {x}"),
                        ));
                        1.0
                    } else {
                        steps.push(step(
                            "patronymic",
                            format!("initial {i}. does not fit patronymic {x}"),
                        ));
                        0.5
                    }
                }
                None => {
                    steps.push(step(
                        "patronymic",
                        format!("patronymic {x} on one side only (optional)"),
                    ));
                    1.0
                }
            }
        }
        // Session 27: two patronymic initials that differ are two fathers
        // (Гордієнко О. П. / Гордієнко О. В.).
        (None, None) => match (p_init_a, p_init_b) {
            (Some(x), Some(y))
                if !initial_letters(x)
                    .iter()
                    .any(|c| initial_letters(y).contains(c)) =>
            {
                steps.push(step(
                    "patronymic",
                    format!("patronymic initials {x}. and {y}. differ"),
                ));
                0.5
            }
            _ => 1.0,
        },
    };
    s * g * p
}

fn is_person_like(p: &ParsedName, raw: &str) -> bool {
    if places::is_known_place(raw) {
        return false;
    }
    // A place modifier or an administrative word marks a place name.
    let words = raw.split(|c: char| c.is_whitespace() || c == '-' || c == ',');
    if words
        .filter(|w| !w.is_empty())
        .any(|w| places::modifier_of(w).is_some() || places::admin_word(w).is_some())
    {
        return false;
    }
    p.tokens.iter().any(|t| match t.role {
        Role::Given | Role::Patronymic | Role::Initial => true,
        Role::Surname => parse::looks_surname(&t.text),
    })
}

fn place_tokens(s: &str) -> (Vec<String>, Vec<AdminWord>) {
    let mut core = Vec::new();
    let mut admin = Vec::new();
    for w in s.split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '(' || c == ')') {
        if w.is_empty() {
            continue;
        }
        match places::admin_word(w) {
            Some(AdminWord::Ignorable) => {}
            Some(kind) => admin.push(kind),
            None => core.push(w.trim_end_matches('.').to_string()),
        }
    }
    (core, admin)
}

/// Adjectival forms in region names: "Луганська область" / "Luhansk
/// oblast" / "Luhanskaya oblast" all reduce to "Луган"/"Luhan"; "-цька" and
/// "-tsk" keep the ц ("Донецька" / "Donetsk" → "Донец" / "Donets").
pub(crate) fn strip_adjectival(token: &str) -> String {
    let lower = token.to_lowercase();
    const ENDINGS: [(&str, &str); 20] = [
        ("цька", "ц"),
        ("цкая", "ц"),
        ("цький", "ц"),
        ("цкий", "ц"),
        ("цьк", "ц"),
        ("цк", "ц"),
        ("tska", "ts"),
        ("tskaya", "ts"),
        ("tskyi", "ts"),
        ("tsk", "ts"),
        ("ська", ""),
        ("ская", ""),
        ("ський", ""),
        ("ский", ""),
        ("ськ", ""),
        ("ск", ""),
        ("skaya", ""),
        ("ska", ""),
        ("skyi", ""),
        ("sk", ""),
    ];
    let mut best: Option<(usize, &str)> = None;
    for (end, repl) in ENDINGS {
        if lower.ends_with(end) && best.is_none_or(|(l, _)| end.len() > l) {
            best = Some((end.len(), repl));
        }
    }
    match best {
        Some((len, repl)) if lower.len() > len + 2 => {
            format!("{}{repl}", &lower[..lower.len() - len])
        }
        _ => lower,
    }
}

pub(crate) fn place_score(a: &str, b: &str, steps: &mut Vec<Step>) -> f64 {
    let (ca, aa) = place_tokens(a);
    let (cb, ab) = place_tokens(b);
    if ca.is_empty() || cb.is_empty() {
        steps.push(step("place", "nothing left to compare".to_string()));
        return 0.0;
    }
    let mut factor = 1.0;
    if aa != ab {
        steps.push(step(
            "place",
            "one names a region or district, the other does not".to_string(),
        ));
        factor *= 0.5;
    }
    if let (Some(pa), Some(pb)) = (places::lookup_place(&ca), places::lookup_place(&cb)) {
        if pa == pb {
            steps.push(step(
                "place",
                format!("{a} and {b} are forms of the place {pa}"),
            ));
            return factor;
        }
        steps.push(step(
            "place",
            format!("{a} ({pa}) and {b} ({pb}) are different places"),
        ));
        return 0.05 * factor;
    }
    // Modifiers (Nova, Velyka...) must agree exactly.
    let ma: Vec<Option<usize>> = ca.iter().map(|t| places::modifier_of(t)).collect();
    let mb: Vec<Option<usize>> = cb.iter().map(|t| places::modifier_of(t)).collect();
    let mods_a: Vec<usize> = ma.iter().flatten().copied().collect();
    let mods_b: Vec<usize> = mb.iter().flatten().copied().collect();
    let mut sorted_a = mods_a.clone();
    let mut sorted_b = mods_b.clone();
    sorted_a.sort_unstable();
    sorted_b.sort_unstable();
    if sorted_a != sorted_b {
        let word = |ts: &[String], ms: &[Option<usize>]| {
            ts.iter()
                .zip(ms)
                .filter(|(_, m)| m.is_some())
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        steps.push(step(
            "place",
            format!(
                "distinguishing words differ: '{}' vs '{}' (e.g. Nova Kakhovka is not Kakhovka)",
                word(&ca, &ma),
                word(&cb, &mb)
            ),
        ));
        factor *= 0.4;
    } else if !mods_a.is_empty() {
        steps.push(step(
            "place",
            "same distinguishing words (e.g. Nova = Новая)".to_string(),
        ));
    }
    let rest_a: Vec<String> = ca
        .iter()
        .zip(&ma)
        .filter(|(_, m)| m.is_none())
        .map(|(t, _)| t.clone())
        .collect();
    let rest_b: Vec<String> = cb
        .iter()
        .zip(&mb)
        .filter(|(_, m)| m.is_none())
        .map(|(t, _)| t.clone())
        .collect();
    let (rest_a, rest_b) = if !aa.is_empty() && aa == ab {
        (
            rest_a
                .iter()
                .map(|t| strip_adjectival(t))
                .collect::<Vec<_>>(),
            rest_b
                .iter()
                .map(|t| strip_adjectival(t))
                .collect::<Vec<_>>(),
        )
    } else {
        (rest_a, rest_b)
    };
    let ra: Vec<&str> = rest_a.iter().map(String::as_str).collect();
    let rb: Vec<&str> = rest_b.iter().map(String::as_str).collect();
    if ra.is_empty() || rb.is_empty() {
        return if ra.len() == rb.len() {
            factor
        } else {
            0.3 * factor
        };
    }
    let (pairs, ua, ub) = align(&ra, &rb, false, true);
    let mut score: f64 = pairs.iter().map(|p| p.2.score).product();
    for p in &pairs {
        steps.push(step("place", p.2.reason.clone()));
    }
    if pairs.is_empty() {
        score = token_similarity(ra[0], rb[0], false, false).score.min(0.5);
        steps.push(step("place", format!("no word of {a} matches {b}")));
    }
    for &i in &ua {
        steps.push(step(
            "place",
            format!("'{}' has no counterpart in {b}", ra[i]),
        ));
        score *= 0.45;
    }
    for &j in &ub {
        steps.push(step(
            "place",
            format!("'{}' has no counterpart in {a}", rb[j]),
        ));
        score *= 0.45;
    }
    score * factor
}

fn describe(p: &ParsedName) -> String {
    let parts: Vec<String> = p
        .tokens
        .iter()
        .map(|t| {
            let role = match t.role {
                Role::Given => "given",
                Role::Patronymic => "patronymic",
                Role::Surname => "surname",
                Role::Initial => "initial",
            };
            format!("{}={role}", t.text)
        })
        .collect();
    format!("{} ({:?})", parts.join(", "), p.order)
}

/// Compares two full names (people or places), in any script, order and
/// romanisation, and explains the score.
pub fn compare(a: &str, b: &str) -> Comparison {
    let mut steps = Vec::new();
    let pa = parse_name(a);
    let pb = parse_name(b);
    let score = if pa.tokens.is_empty() || pb.tokens.is_empty() {
        steps.push(step("parse", "one of the names is empty".to_string()));
        0.0
    } else if is_person_like(&pa, a) || is_person_like(&pb, b) {
        steps.push(step(
            "parse",
            format!("person names: {} | {}", describe(&pa), describe(&pb)),
        ));
        // When only one side has a recognised given name, read the other
        // side's extra word as an (unknown) given name instead of as a
        // second surname.
        let base_a = match (parse::has_given_part(&pa), parse::has_given_part(&pb)) {
            (false, true) => parse::unknown_given_readings(&pa),
            _ => Vec::new(),
        };
        let base_b = match (parse::has_given_part(&pa), parse::has_given_part(&pb)) {
            (true, false) => parse::unknown_given_readings(&pb),
            _ => Vec::new(),
        };
        let base_a = if base_a.is_empty() {
            vec![pa.clone()]
        } else {
            base_a
        };
        let base_b = if base_b.is_empty() {
            vec![pb.clone()]
        } else {
            base_b
        };
        let mut best_steps = Vec::new();
        let mut best = person_score(&base_a[0], &base_b[0], &mut best_steps);
        let alts_a: Vec<ParsedName> = base_a
            .iter()
            .flat_map(|r| std::iter::once(r.clone()).chain(parse::swapped_reading(r)))
            .collect();
        let alts_b: Vec<ParsedName> = base_b
            .iter()
            .flat_map(|r| std::iter::once(r.clone()).chain(parse::swapped_reading(r)))
            .collect();
        for (i, x) in alts_a.iter().enumerate() {
            for (j, y) in alts_b.iter().enumerate() {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut s = Vec::new();
                let v = person_score(x, y, &mut s);
                if v > best {
                    best = v;
                    s.insert(
                        0,
                        step(
                            "parse",
                            format!(
                                "alternative reading of the name parts: {} | {}",
                                describe(x),
                                describe(y)
                            ),
                        ),
                    );
                    best_steps = s;
                }
            }
        }
        steps.extend(best_steps);
        // No given name or patronymic the table knows on either side, and
        // the parts do not fit: perhaps a foreign name with initials or a
        // title the other side leaves out (Karim A. A. Khan KC / Карим Хан).
        let slavic = |p: &ParsedName| {
            p.tokens
                .iter()
                .any(|t| matches!(t.role, Role::Given | Role::Patronymic))
        };
        if best < DEFAULT_THRESHOLD && !slavic(&pa) && !slavic(&pb) {
            let mut s = Vec::new();
            if let Some(f) = foreign_person_score(a, b, &mut s) {
                if f > best {
                    steps = s;
                    best = f;
                }
            }
        }
        best
    } else if let Some(score) = foreign_person_score(a, b, &mut steps) {
        score
    } else {
        steps.push(step(
            "parse",
            "place or other names: compared word by word".to_string(),
        ));
        place_score(a, b, &mut steps)
    };
    Comparison::decided(score, steps)
}

/// Two names that do not read as Slavic persons' (no given name of the
/// table), not places the crate knows, whose words pair up one to one, each
/// pair by a shared key or as one foreign name read as it sounds
/// (`foreign.rs`: Фолькер Тюрк / Volker Türk, Фолькером Тюрком / Фолькер
/// Тюрк): a foreign person's name, 0.9, when one pair at least is found only
/// as a foreign name. Initials and titles after a name
/// (`data/foreign_readings.tsv`: KC, PhD) are left out, and the longer name
/// may have one word more, not its first (a middle name or a second
/// surname: Rosario Salvatore Aitala / Розарио Айтала): 0.8.
fn foreign_person_score(a: &str, b: &str, steps: &mut Vec<Step>) -> Option<f64> {
    if places::is_known_place(a) || places::is_known_place(b) {
        return None;
    }
    let all_words = |s: &str| -> usize {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
            .filter(|w| !crate::foreign::is_title(w))
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    // Initials or titles left out on one side.
    let dropped = wa.len() != all_words(a) || wb.len() != all_words(b);
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.len() < 2 || long.len() > short.len() + 1 {
        return None;
    }
    let mut used = vec![false; long.len()];
    let mut foreign = Vec::new();
    for x in short {
        let kx = token_keys(x);
        let by_key =
            (0..long.len()).find(|j| !used[*j] && keys_meet(&kx, &token_keys(&long[*j])).is_some());
        let j = match by_key {
            Some(j) => j,
            None => {
                let j = (0..long.len())
                    .find(|j| !used[*j] && crate::foreign::same_foreign_name(x, &long[*j]))?;
                foreign.push(format!("{x} / {}", long[j]));
                j
            }
        };
        used[j] = true;
    }
    let extra: Vec<&str> = (0..long.len())
        .filter(|j| !used[*j])
        .map(|j| long[j].as_str())
        .collect();
    if used.first() == Some(&false) {
        return None;
    }
    let score = match (extra.is_empty(), foreign.is_empty(), dropped) {
        (true, false, false) => 0.9,
        (true, true, false) => return None,
        _ => 0.8,
    };
    steps.push(step(
        "foreign",
        format!(
            "{a} / {b}: a foreign name, each word paired{}{}{}",
            if dropped {
                " (initials and titles aside)"
            } else {
                ""
            },
            if foreign.is_empty() {
                String::new()
            } else {
                format!(" ({} read as they sound)", foreign.join(", "))
            },
            if extra.is_empty() {
                String::new()
            } else {
                format!("; {} on one side only", extra.join(" "))
            }
        ),
    ));
    Some(score)
}
