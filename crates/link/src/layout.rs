//! Cyrillic names typed with the keyboard in the wrong layout, or with
//! Latin letters that look like Cyrillic ones.
//!
//! A clerk who starts typing "Шевченко" with the Latin layout still on
//! writes "ITВЧЕНКО" or "Itdчenko"; a copy from a scan gives "Kовальчук"
//! with a Latin K. A word that starts with Latin letters (or the keys
//! `[ ] ; ' , . \``) and goes on in Cyrillic is read as the Cyrillic
//! letters under those keys of the ЙЦУКЕН layout (Ukrainian when the rest
//! of the word has і, ї, є or ґ, Russian otherwise), unless each of those
//! Latin letters looks like a Cyrillic one: then, as elsewhere in a
//! Cyrillic word, they are read as the letters they look like. Words
//! wholly in one script are left as written. The table is
//! `data/keyboard_layout.tsv`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One key's letters: Russian, Ukrainian, and the Cyrillic look-alikes of
/// the small and the capital Latin letter.
struct Key {
    ru: char,
    uk: char,
    lookalike: Option<char>,
    upper_lookalike: Option<char>,
}

fn keys() -> &'static HashMap<char, Key> {
    static KEYS: OnceLock<HashMap<char, Key>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = HashMap::new();
        // The first entry is the table's header row.
        for line in
            casefile_text::wordlist::entries(include_str!("../data/keyboard_layout.tsv")).skip(1)
        {
            let cells: Vec<&str> = line.split('\t').collect();
            let first = |i: usize| cells.get(i).and_then(|c| c.chars().next());
            let (Some(key), Some(ru), Some(uk)) = (first(0), first(1), first(2)) else {
                continue;
            };
            keys.insert(
                key,
                Key {
                    ru,
                    uk,
                    lookalike: first(3),
                    upper_lookalike: first(4),
                },
            );
        }
        keys
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4ff}')
}

/// The key a character was typed with, if it is on the table.
fn key_of(c: char) -> Option<&'static Key> {
    keys().get(&c.to_ascii_lowercase())
}

/// The Cyrillic a Latin character looks like, in its case.
fn lookalike(c: char) -> Option<char> {
    let key = key_of(c)?;
    if c.is_ascii_uppercase() {
        key.upper_lookalike
    } else if c.is_ascii_lowercase() {
        key.lookalike
    } else {
        None
    }
}

/// A Cyrillic letter in the case of the key's character.
fn in_case(c: char, like: char) -> char {
    if like.is_ascii_uppercase() {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// One word read again, or `None` when it is left as written.
fn repair_word(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let cyrillic = chars
        .iter()
        .filter(|c| is_cyrillic(**c) && c.is_alphabetic())
        .count();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if cyrillic < 2 || latin == 0 {
        return None;
    }
    // The Latin start: letters and keys before the first Cyrillic letter.
    let start = chars.iter().take_while(|c| !is_cyrillic(**c)).count();
    let latin_after = chars[start..].iter().any(|c| c.is_ascii_alphabetic());
    let starts_latin = chars[..start].iter().any(|c| c.is_ascii_alphabetic())
        && chars[..start].iter().all(|c| key_of(*c).is_some());
    let all_lookalikes = chars
        .iter()
        .filter(|c| c.is_ascii_alphabetic())
        .all(|c| lookalike(*c).is_some());
    if all_lookalikes {
        return Some(chars.iter().map(|&c| lookalike(c).unwrap_or(c)).collect());
    }
    if !starts_latin || latin_after {
        return None;
    }
    let ukrainian = chars[start..]
        .iter()
        .any(|c| matches!(c.to_lowercase().next(), Some('і' | 'ї' | 'є' | 'ґ')));
    let mut out = String::with_capacity(word.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        match key_of(c) {
            Some(key) if i < start => {
                let letter = if ukrainian { key.uk } else { key.ru };
                out.push(in_case(letter, c));
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A name cell with its mixed-script words read again (see the module
/// documentation); borrowed when nothing changes.
pub(crate) fn repair(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut changed = false;
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        match repair_word(word) {
            Some(fixed) => {
                out.push_str(&fixed);
                changed = true;
            }
            None => out.push_str(word),
        }
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        out.push_str(&after[..space_end]);
        rest = &after[space_end..];
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn a_latin_start_is_read_through_the_keyboard() {
        assert_eq!(repair("GFНЧЕНКО ДЕНИС"), "ПАНЧЕНКО ДЕНИС");
        assert_eq!(repair("RJDАЛЬСКИЙ Андрей"), "КОВАЛЬСКИЙ Андрей");
        assert_eq!(repair("Jhлов"), "Орлов");
        // Ukrainian letters in the rest: the Ukrainian layout.
        assert_eq!(repair("Sвченко-Їжак"), "Івченко-Їжак");
        // A start of Б typed as ",".
        assert_eq!(repair(",jгдан"), "богдан");
    }

    #[test]
    fn lookalikes_are_read_as_what_they_look_like() {
        // Latin K, then Latin e inside: look-alikes, not keys.
        assert_eq!(repair("Kовальчук"), "Ковальчук");
        assert_eq!(repair("ШевчEнко"), "ШевчЕнко");
        // Look-alikes only at the start: read as look-alikes, though
        // "IT" are also the keys of "ШЕ".
        assert_eq!(repair("ITВЧЕНКО"), "ІТВЧЕНКО");
    }

    #[test]
    fn words_of_one_script_are_left_as_written() {
        assert!(matches!(
            repair("Shevchenko Denys"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            repair("Шевченко Денис"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            repair("Шевченко O."),
            std::borrow::Cow::Borrowed(_)
        ));
        // Latin letters after the Cyrillic start, not look-alikes: left.
        assert_eq!(repair("Шевчуk-Smith"), "Шевчуk-Smith");
        assert_eq!(repair("  two  spaces "), "  two  spaces ");
    }
}
