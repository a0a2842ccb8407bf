//! Word tokens with their byte offsets in the original text.
//!
//! The search index and the code that highlights hits both call
//! [`tokenize`], so a hit found through the index can always be located in
//! the clean text by its offsets.
//!
//! What a word is:
//! - a run of letters and digits (any script), with the combining marks and
//!   invisible joiners (soft hyphen, zero-width joiners) that sit inside it;
//! - an apostrophe between two letters or digits stays inside the word
//!   (`м'ясо`, `В’ячеслав`, `O'Brien`), because Ukrainian spelling needs it;
//!   its folded form is always `'`;
//! - an English possessive `'s` at the end of a word is left out of the
//!   token, so `Lvova-Belova's` still finds `Belova`;
//! - hyphens, dots, slashes and every other punctuation split words. A
//!   hyphenated name like `Lvova-Belova` is two tokens, `lvova` and `belova`,
//!   so it is found by `Belova` alone, and by the query `Lvova-Belova`, which
//!   tokenizes to the same two adjacent tokens (a phrase query).
//!
//! `norm` is always [`fold()`](crate::fold()) of the token's slice of the text.

use crate::fold::{fold_char_into, is_invisible_joiner, is_word_char};
use casefile_core::chars::is_apostrophe;
use unicode_normalization::char::is_combining_mark;

/// One word of a text: `text[start..end]` and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte of the word in the original text.
    pub start: usize,
    /// Byte offset just past the word (half-open range).
    pub end: usize,
    /// The folded form of the word (see [`crate::fold()`]).
    pub norm: String,
}

/// Splits `text` into word tokens (see the module docs for the rules).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    for_each_token(text, |start, end, norm| {
        tokens.push(Token {
            start,
            end,
            norm: norm.to_string(),
        })
    });
    tokens
}

/// Calls `emit(start, end, norm)` for every token of `text` without
/// allocating a vector; `norm` is only valid during the call. This is what a
/// search-engine tokenizer adapter should use.
pub fn for_each_token(text: &str, mut emit: impl FnMut(usize, usize, &str)) {
    let bytes = text.as_bytes();
    let mut norm = String::with_capacity(32);
    let mut pos = 0;
    while pos < bytes.len() {
        // Skip to the start of a word; ASCII separators are the common case.
        let b = bytes[pos];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                pos += 1;
                continue;
            }
        } else {
            let c = char_at(text, pos);
            if !is_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
        }
        let start = pos;
        norm.clear();
        let mut end = pos;
        // Where scanning resumes: past the word, and past a possessive `'s`.
        let mut resume = None;
        while end < bytes.len() {
            let b = bytes[end];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    norm.push(b.to_ascii_lowercase() as char);
                    end += 1;
                    continue;
                }
                if b == b'\'' || b == b'`' {
                    match apostrophe_role(text, end, 1) {
                        Apostrophe::Inside(next) => {
                            norm.push('\'');
                            end = next;
                            continue;
                        }
                        Apostrophe::Possessive(next) => resume = Some(next),
                        Apostrophe::Outside => {}
                    }
                }
                break;
            }
            let c = char_at(text, end);
            let len = c.len_utf8();
            if is_word_char(c) || is_combining_mark(c) || is_invisible_joiner(c) {
                fold_char_into(c, &mut norm);
                end += len;
            } else if is_apostrophe(c) {
                match apostrophe_role(text, end, len) {
                    Apostrophe::Inside(next) => {
                        norm.push('\'');
                        end = next;
                    }
                    Apostrophe::Possessive(next) => {
                        resume = Some(next);
                        break;
                    }
                    Apostrophe::Outside => break,
                }
            } else {
                break;
            }
        }
        emit(start, end, &norm);
        pos = resume.unwrap_or(end);
    }
}

/// What an apostrophe ending a run of letters does.
enum Apostrophe {
    /// It is inside the word, which goes on at this offset.
    Inside(usize),
    /// It starts an English possessive `'s` that ends the word; scanning
    /// resumes at this offset, past the `s`.
    Possessive(usize),
    /// It ends the word (a closing quote).
    Outside,
}

/// The role of the apostrophe at `at` (of `len` bytes) that follows a letter or digit.
#[inline]
fn apostrophe_role(text: &str, at: usize, len: usize) -> Apostrophe {
    let after = at + len;
    let Some(next) = text.get(after..).and_then(|rest| rest.chars().next()) else {
        return Apostrophe::Outside;
    };
    if !is_word_char(next) {
        return Apostrophe::Outside;
    }
    if next == 's' || next == 'S' {
        let following = text.get(after + 1..).and_then(|rest| rest.chars().next());
        if !following.is_some_and(|c| is_word_char(c) || is_combining_mark(c)) {
            return Apostrophe::Possessive(after + 1);
        }
    }
    Apostrophe::Inside(after)
}

#[inline]
fn char_at(text: &str, pos: usize) -> char {
    // `pos` always sits on a char boundary here; fall back to a replacement
    // character rather than panicking if that invariant were ever broken.
    text.get(pos..)
        .and_then(|rest| rest.chars().next())
        .unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "  Марія Львова-Білова, 2023 р.";
        for token in tokenize(text) {
            assert_eq!(fold(&text[token.start..token.end]), token.norm);
        }
        let words: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(words, ["Марія", "Львова", "Білова", "2023", "р"]);
    }

    #[test]
    fn hyphenated_names_split_so_either_half_matches() {
        assert_eq!(norms("Lvova-Belova"), ["lvova", "belova"]);
        assert_eq!(
            norms("Maria Lvova-Belova said"),
            ["maria", "lvova", "belova", "said"]
        );
    }

    #[test]
    fn inner_apostrophes_stay_and_are_unified() {
        assert_eq!(norms("м’ясо мʼясо м'ясо"), ["м'ясо", "м'ясо", "м'ясо"]);
        assert_eq!(norms("O'Brien"), ["o'brien"]);
        assert_eq!(norms("'quoted'"), ["quoted"]);
        assert_eq!(norms("п'ять'"), ["п'ять"]);
    }

    #[test]
    fn english_possessive_is_left_out() {
        let text = "Lvova-Belova's office and the children’s camp";
        assert_eq!(
            norms(text),
            ["lvova", "belova", "office", "and", "the", "children", "camp"]
        );
        assert_eq!(norms("it'sy"), ["it'sy"]);
    }

    #[test]
    fn diacritics_and_case_fold_in_norm_only() {
        let text = "ЙОГО Ёлка Café";
        let tokens = tokenize(text);
        assert_eq!(&text[tokens[0].start..tokens[0].end], "ЙОГО");
        assert_eq!(tokens[0].norm, "иого");
        assert_eq!(tokens[1].norm, "елка");
        assert_eq!(tokens[2].norm, "cafe");
    }

    #[test]
    fn combining_marks_and_soft_hyphens_stay_inside_words() {
        let text = "ма\u{0301}ма Лука\u{00AD}шенко";
        assert_eq!(norms(text), ["мама", "лукашенко"]);
        let tokens = tokenize(text);
        assert_eq!(tokens[1].end, text.len());
    }

    #[test]
    fn punctuation_and_symbols_split() {
        assert_eq!(
            norms("22.07.2023, 10:08 PM — ok/no"),
            ["22", "07", "2023", "10", "08", "pm", "ok", "no"]
        );
        assert!(tokenize("… — !!").is_empty());
        assert!(tokenize("").is_empty());
    }
}
