//! Phonetic keys derived from a Latin key (see `latin_key`): codes under
//! which spellings that the key itself still keeps apart meet. Record
//! linkage blocks on them (`casefile-link`'s `soundex` and `skeleton`
//! transforms), the surname sound keys are built on them; they live here
//! only, so that every caller derives them alike.
//!
//! - [`soundex`]: American Soundex of a key's letters.
//! - [`consonant_class_skeleton`]: one symbol per class of consonant
//!   (sibilants, velars, labials, dentals, nasals, l, r).
//! - `consonant_skeleton`: the consonants themselves, each run once (for
//!   `surname_sound_keys`).

/// The vowels of a Latin key (y included: it stands for и, ы or й).
pub(crate) fn is_key_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// American Soundex of the letters of a Latin key (other characters are skipped).
pub fn soundex(key: &str) -> String {
    let code = |c: char| match c {
        'b' | 'f' | 'p' | 'v' => '1',
        'c' | 'g' | 'j' | 'k' | 'q' | 's' | 'x' | 'z' => '2',
        'd' | 't' => '3',
        'l' => '4',
        'm' | 'n' => '5',
        'r' => '6',
        'h' | 'w' => 'h',
        _ => '0',
    };
    let mut letters = key
        .chars()
        .flat_map(char::to_lowercase)
        .filter(char::is_ascii_lowercase);
    let Some(first) = letters.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(4);
    out.push(first);
    let mut last = code(first);
    for c in letters {
        let digit = code(c);
        if digit == 'h' {
            continue;
        }
        if digit != '0' && digit != last {
            out.push(digit);
            if out.len() == 4 {
                break;
            }
        }
        last = digit;
    }
    while out.len() < 4 {
        out.push('0');
    }
    out
}

/// Consonant skeleton of a Latin key: a class per consonant (sibilants and
/// affricates one class, velars and h one, labials one, dentals one, m/n
/// one), vowels dropped after a leading vowel marker, repeats collapsed, and
/// a dental next to a sibilant dropped. Spellings that the Latin key still
/// keeps apart — German "tsch"/"sch" against ч/ш, French "tch", a doubled or
/// dropped vowel, an inserted letter of the same class — meet here, so a
/// rule on it catches typos and press romanisations the key misses.
/// At most `limit` classes are kept.
pub fn consonant_class_skeleton(key: &str, limit: usize) -> String {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Vowel,
        Other,
        Letter(u8),
    }
    let class = |c: char| match c {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'j' => Class::Vowel,
        's' | 'z' | 'c' | 'S' | 'Q' | 'Z' | 'C' | 'T' => Class::Letter(b's'),
        'k' | 'g' | 'h' | 'x' | 'q' | 'H' | 'K' | 'G' => Class::Letter(b'k'),
        'b' | 'p' | 'f' | 'v' | 'w' | 'B' | 'P' | 'F' | 'V' | 'W' => Class::Letter(b'p'),
        'd' | 't' | 'D' => Class::Letter(b't'),
        'm' | 'n' | 'M' | 'N' => Class::Letter(b'n'),
        'l' | 'L' => Class::Letter(b'l'),
        'r' | 'R' => Class::Letter(b'r'),
        _ => Class::Other,
    };
    let classes: Vec<Class> = key
        .chars()
        .map(class)
        .filter(|c| *c != Class::Other)
        .collect();
    let mut out = String::new();
    let mut last = 0u8;
    for (position, &current) in classes.iter().enumerate() {
        let symbol = match current {
            Class::Vowel if position == 0 => b'a',
            Class::Letter(b't') => {
                let beside_sibilant = |other: Option<&Class>| other == Some(&Class::Letter(b's'));
                if beside_sibilant(classes.get(position + 1))
                    || position
                        .checked_sub(1)
                        .is_some_and(|p| beside_sibilant(classes.get(p)))
                {
                    continue;
                }
                b't'
            }
            Class::Letter(symbol) => symbol,
            Class::Vowel | Class::Other => continue,
        };
        if symbol != last {
            if out.len() == limit {
                break;
            }
            out.push(char::from(symbol));
            last = symbol;
        }
    }
    out
}

/// A key's consonants, each run of one letter once, after its first letter
/// (a first vowel only as "_": akanye changes first vowels too, Остап / Астап).
pub(crate) fn consonant_skeleton(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut last = None;
    for (i, c) in key.chars().enumerate() {
        if i == 0 && is_key_vowel(c) {
            out.push('_');
        } else if !is_key_vowel(c) && last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soundex_codes() {
        assert_eq!(soundex("robert"), "r163");
        assert_eq!(soundex("rupert"), "r163");
        assert_eq!(soundex("oliinyk"), soundex("oleinik"));
        assert_eq!(soundex("tymchenko"), "t525");
        assert_eq!(soundex(""), "");
    }

    #[test]
    fn skeleton_joins_press_spellings() {
        let key = crate::latin_key;
        assert_eq!(
            consonant_class_skeleton(&key("Онищчук"), 99),
            consonant_class_skeleton(&key("Onichtchtchouk"), 99)
        );
        assert_eq!(
            consonant_class_skeleton(&key("Жукашин"), 99),
            consonant_class_skeleton(&key("Shukaschin"), 99)
        );
        assert_eq!(
            consonant_class_skeleton(&key("Yaremichko"), 99),
            consonant_class_skeleton(&key("Jaremitschko"), 99)
        );
        assert_eq!(
            consonant_class_skeleton(&key("Mikola"), 99),
            consonant_class_skeleton(&key("ММкола"), 99)
        );
        assert_ne!(
            consonant_class_skeleton(&key("Kovalenko"), 99),
            consonant_class_skeleton(&key("Bondarenko"), 99)
        );
        assert_eq!(consonant_class_skeleton("kovalenko", 3), "kpl");
        assert_eq!(consonant_class_skeleton("", 3), "");
    }
}
