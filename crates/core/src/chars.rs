//! Characters that every text-handling crate must treat alike.
//!
//! Ukrainian spelling writes its apostrophe (м'ясо, П'ятниця) with any of
//! several look-alikes, depending on the keyboard and the publisher. If
//! search folded one set and extraction joined words on another, a word
//! would be one token in the index and two in a finding. So the set is
//! defined once, here.

/// Every character used as an apostrophe inside a word: ASCII `'`, the
/// right and left single quotation marks ’ ‘, the modifier letters ʼ ʹ,
/// the grave and acute accents `` ` `` ´, and the fullwidth ＇.
pub const APOSTROPHES: [char; 8] = [
    '\'', '\u{2019}', '\u{02BC}', '\u{2018}', '`', '\u{00B4}', '\u{02B9}', '\u{FF07}',
];

/// True for the characters of [`APOSTROPHES`].
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    APOSTROPHES.contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_marks_and_letters_are_not_apostrophes() {
        assert!(is_apostrophe('\u{2019}') && is_apostrophe('\u{02BC}'));
        for c in ['a', '"', '\u{201C}', '\u{201D}', '\u{02BA}', '-', ' '] {
            assert!(!is_apostrophe(c), "{c}");
        }
    }
}
