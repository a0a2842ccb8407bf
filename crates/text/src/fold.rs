//! Folding: the one normal form that search compares words in.
//!
//! A query typed without diacritics or in another case must find the word
//! as printed, in Latin and in Cyrillic alike, so folding lowercases,
//! decomposes (NFKD) and drops the combining marks: `Й` → `и`, `ё` → `е`,
//! `ї` → `і`, `é` → `e`, `ﬁ` → `fi`. Every apostrophe look-alike (’ ʼ ‘ ` ´,
//! the one set of `casefile_core::chars`) becomes `'`, because Ukrainian
//! spelling uses them interchangeably.
//! Invisible joiners (soft hyphen, zero-width space/joiners, word joiner,
//! BOM) are dropped so that a word broken by them folds like the whole word.

use casefile_core::chars::is_apostrophe;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The folded form of `s`: lowercase, without diacritics, apostrophes unified.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out` (lets callers reuse a buffer).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        fold_char_into(c, out);
    }
}

/// Appends the folded form of one character to `out`.
#[inline]
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        // '`' is the one ASCII apostrophe look-alike.
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    // Fast path for the basic Cyrillic letters, which neither decompose nor
    // need the general case mapping (the bulk of Ukrainian and Russian text).
    match c {
        'а'..='и' | 'к'..='я' => {
            out.push(c);
            return;
        }
        'А'..='И' | 'К'..='Я' => {
            out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
            return;
        }
        'і' | 'І' => {
            out.push('і');
            return;
        }
        _ => {}
    }
    if is_apostrophe(c) {
        out.push('\'');
        return;
    }
    if is_invisible_joiner(c) {
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        if d.is_ascii() {
            out.push(d.to_ascii_lowercase());
        } else {
            out.extend(d.to_lowercase());
        }
    });
}

/// True for letters and digits of any script, with fast paths for ASCII
/// and Cyrillic (the general Unicode lookup is comparatively slow).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0400}'..='\u{0481}').contains(&c) || ('\u{048A}'..='\u{04FF}').contains(&c) {
        return true;
    }
    c.is_alphanumeric()
}

/// True for format characters that may sit inside a word without splitting it.
#[inline]
pub fn is_invisible_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_latin_and_cyrillic() {
        assert_eq!(fold("Lvova-Belova"), "lvova-belova");
        assert_eq!(fold("МАРІУПОЛЬ"), "маріуполь");
    }

    #[test]
    fn drops_diacritics() {
        assert_eq!(fold("й"), "и");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Україна Їжак"), "украіна іжак");
        assert_eq!(fold("café Łódź"), "cafe łodz");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn compatibility_forms_are_decomposed() {
        assert_eq!(fold("ﬁle"), "file");
        assert_eq!(fold("Ａ１"), "a1");
    }

    #[test]
    fn apostrophes_are_unified() {
        assert_eq!(fold("м’ясо"), "м'ясо");
        assert_eq!(fold("мʼясо"), "м'ясо");
        assert_eq!(fold("м'ясо"), "м'ясо");
        for a in casefile_core::chars::APOSTROPHES {
            assert_eq!(fold(&format!("м{a}ясо")), "м'ясо", "{a:?}");
        }
    }

    #[test]
    fn invisible_joiners_disappear() {
        assert_eq!(fold("Лука\u{00AD}шенко"), fold("Лукашенко"));
        assert_eq!(fold("a\u{200B}b"), "ab");
    }

    #[test]
    fn stress_marks_are_dropped() {
        assert_eq!(fold("ма\u{0301}ма"), "мама");
    }

    #[test]
    fn cyrillic_fast_path_agrees_with_the_general_rule() {
        for c in ('\u{0400}'..='\u{04FF}').chain('\u{0100}'..='\u{024F}') {
            let mut fast = String::new();
            fold_char_into(c, &mut fast);
            let mut general = String::new();
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    general.extend(d.to_lowercase());
                }
            });
            assert_eq!(fast, general, "{c}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn fold_is_idempotent() {
        for s in ["Їжачок Ёж", "Ωmega Straße", "ʼʼ''", "Lvova-Belova’s"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }
}
