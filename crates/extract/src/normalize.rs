//! The normal forms extraction compares words in, borrowed from the crates
//! that own them: folding from `casefile-text`, name comparison from
//! `casefile-names`. Kept in one place so every rule compares the same way.

use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write;
use std::sync::LazyLock;

pub use casefile_text::{fold, fold_into};

/// Ukrainian/Russian/Belarusian case endings, folded like the words they strip (folding turns "ї"
/// into "і" and "й" into "и"), grouped by their last letter, longest first in each group.
static ENDINGS: LazyLock<HashMap<char, Vec<(String, usize)>>> = LazyLock::new(|| {
    let mut v: Vec<String> = [
        "ами", "ями", "ього", "ьому", "ого", "ому", "ою", "ею", "ої", "ой", "ей", "ий", "ій", "ый",
        "ии", "ея", "еем", "ія", "ії", "ію", "ия", "ию", "ья", "ьи", "ам", "ям", "ах", "ях", "ом",
        "ем", "ым", "им", "ую", "юю", "ая", "яя", "ое", "ее", "ов", "ев", "ів", "ові", "еві", "ы",
        "и", "і", "а", "я", "у", "ю", "е", "о", "ь", "й",
        // Belarusian adjective endings ("Луганскай", "Нацыянальнага", "Брэсцкаю") and the
        // genitive plural of adjectives ("народных").
        "ай", "ага", "аму", "аю", "ых", "ымі", "імі",
        // Belarusian masculine and neuter instrumental after a soft or velar stem
        // ("Беларускім Чырвоным Крыжам").
        "ім",
        // Belarusian neuter and plural adjectives ("Беларускае таварыства", "Лясныя азёры").
        "ае", "ыя",
    ]
    .iter()
    .map(|e| fold(e))
    .collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
    v.dedup();
    let mut by_last: HashMap<char, Vec<(String, usize)>> = HashMap::default();
    for e in v {
        if let Some(last) = e.chars().last() {
            let n = e.chars().count();
            by_last.entry(last).or_default().push((e, n));
        }
    }
    by_last
});

/// Removes a Ukrainian/Russian case ending from a folded Cyrillic word so that
/// "україні", "україну" and "україна" meet at "україн". Used for gazetteer and
/// name grouping in inflected languages; Latin words are returned unchanged.
pub fn stem(folded: &str) -> &str {
    let Some(last) = folded.chars().last() else {
        return folded;
    };
    if !('\u{0400}'..='\u{04FF}').contains(&last) {
        return folded;
    }
    let Some(candidates) = ENDINGS.get(&last) else {
        return folded;
    };
    let n = folded.chars().count();
    for (e, len) in candidates {
        if let Some(s) = folded.strip_suffix(e.as_str()) {
            if n - len >= 3 {
                return s;
            }
        }
    }
    folded
}

/// Answers of [`same_surname`] already given on this thread, keyed by "len(a):ab": the same few
/// names recur in every report, and comparing two across scripts costs a transliteration
/// and an edit distance. Cleared when full, so it stays small.
struct SurnameCache {
    answers: HashMap<String, bool>,
    key: String,
}

const SURNAME_CACHE_SIZE: usize = 4096;

thread_local! {
    static SURNAME_CACHE: std::cell::RefCell<SurnameCache> = std::cell::RefCell::new(SurnameCache {
        answers: HashMap::default(),
        key: String::new(),
    });
}

/// Whether two surnames (single words, possibly hyphenated) denote the same
/// family name across transliterations, scripts and Ukrainian/Russian case
/// endings (Latushka/Latushko, Lukashenko/Лукашенко, Львова-Білова/Львової-Білової).
/// Masculine and feminine forms stay apart (casefile-names scores them low).
pub fn same_surname(a: &str, b: &str) -> bool {
    SURNAME_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let cache = &mut *cache;
        cache.key.clear();
        let _ = write!(cache.key, "{}:", a.len());
        cache.key.push_str(a);
        cache.key.push_str(b);
        if let Some(&same) = cache.answers.get(cache.key.as_str()) {
            return same;
        }
        let same = compare_surnames(a, b);
        if cache.answers.len() >= SURNAME_CACHE_SIZE {
            cache.answers.clear();
        }
        cache.answers.insert(cache.key.clone(), same);
        same
    })
}

fn compare_surnames(a: &str, b: &str) -> bool {
    let fa = fold(a);
    let fb = fold(b);
    if fa == fb {
        return true;
    }
    let (cyr_a, cyr_b) = (is_cyrillic(&fa), is_cyrillic(&fb));
    // Stemming only changes Cyrillic words: Latin forms that differ have different stems.
    if (cyr_a || cyr_b) && stem_parts(&fa) == stem_parts(&fb) {
        return true;
    }
    // The full comparison is costly: in one script, names that do not even share
    // their first two letters or differ much in length are not the same.
    if cyr_a == cyr_b {
        let (la, lb) = (fa.chars().count(), fb.chars().count());
        if la.abs_diff(lb) > 3 || fa.chars().take(2).ne(fb.chars().take(2)) {
            return false;
        }
    }
    casefile_names::compare_surname(a, b) >= casefile_names::DEFAULT_THRESHOLD
}

/// Whether two given names are forms of one name (Alexander/Олександр/Aleksandr),
/// in any case form.
pub fn same_given(a: &str, b: &str) -> bool {
    let fa = fold(a);
    let fb = fold(b);
    if fa == fb || (is_cyrillic(&fa) || is_cyrillic(&fb)) && stem_parts(&fa) == stem_parts(&fb) {
        return true;
    }
    casefile_names::compare_given(a, b) >= 0.85
}

/// Whether a word has a Cyrillic letter (the only words [`stem`] changes).
fn is_cyrillic(folded: &str) -> bool {
    !folded.is_ascii()
        && folded
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Stems each hyphen part: "львової-білової" and "львова-білова" meet.
pub fn stem_parts(folded: &str) -> String {
    folded.split('-').map(stem).collect::<Vec<_>>().join("-")
}

/// The first letter of a name in Latin, lowercase (Cyrillic initials transliterated).
pub fn latin_initial(name: &str) -> Option<char> {
    let latin = casefile_names::transliterate(name.trim(), casefile_names::Scheme::UkNational2010);
    fold(&latin).chars().find(|c| c.is_alphabetic())
}
