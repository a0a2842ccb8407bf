//! Splits a text into sentences and words with byte offsets.
//!
//! The search tokenizer of `casefile-text` folds and splits words for
//! indexing; extraction needs more: the original capitalisation, whether a
//! word is an initial ("A."), whether it carries an English possessive
//! ("Lukashenko's" is the name plus "'s"), hyphenated names kept whole
//! ("Lvova-Belova") and sentence boundaries that do not break after initials
//! or abbreviations ("St. Petersburg"). So this module keeps its own light
//! scanner and uses `casefile-text`'s folding for the normalised form.

use crate::normalize::fold;

/// One word of the text.
#[derive(Debug, Clone)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Folded form (lowercase, no diacritics) used for every lexicon lookup.
    pub folded: String,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Two or more letters, all uppercase ("ICC", "NAM").
    pub all_caps: bool,
    /// Starts with a digit.
    pub numeric: bool,
    /// Contains Cyrillic letters.
    pub cyrillic: bool,
    /// A single uppercase letter followed by a full stop ("A." in "A. Lukashenko").
    pub initial: bool,
    /// Followed by an English possessive "'s" / "’s" (not part of the word).
    pub possessive: bool,
    pub sentence: usize,
}

/// A sentence: a byte range and the range of its words in [`Document::words`].
#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_word: usize,
    pub end_word: usize,
    /// Most letters uppercase: a shouted headline or boilerplate, not prose.
    pub shouting: bool,
}

/// A text with its words and sentences.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
    /// Per word, the gazetteer key (folded, stemmed) the lookups use.
    pub keys: Vec<String>,
    pub sentences: Vec<Sentence>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "st", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "jr", "sr", "no", "vs", "prof", "sen",
    "rep", "gov", "approx", "etc", "inc", "ltd", "co", "ст", "им", "г", "гг", "р", "рр", "тис",
    "тыс", "млн", "ім", "вул", "ул", "обл", "с", "пгт", "смт", "м", "ок", "т", "д", "e.g", "i.e",
    "a.m", "p.m",
];

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let raw = scan_words(text);
        let sentences_ranges = split_sentences(text, &raw);
        let mut words = Vec::with_capacity(raw.len());
        let mut sentences = Vec::with_capacity(sentences_ranges.len());
        let mut wi = 0;
        for (si, (s, e)) in sentences_ranges.into_iter().enumerate() {
            let first = words.len();
            while wi < raw.len() && raw[wi].start < e {
                let mut w = raw[wi].clone();
                w.sentence = si;
                words.push(w);
                wi += 1;
            }
            let shouting = is_shouting(&text[s..e]);
            sentences.push(Sentence {
                start: s,
                end: e,
                first_word: first,
                end_word: words.len(),
                shouting,
            });
        }
        let keys = words
            .iter()
            .map(|w| crate::gazetteer::word_key(&w.folded))
            .collect();
        Document {
            text,
            words,
            keys,
            sentences,
        }
    }

    pub fn word_text(&self, i: usize) -> &'a str {
        let w = &self.words[i];
        &self.text[w.start..w.end]
    }

    /// The text between two words (exclusive of both).
    pub fn gap(&self, left: usize, right: usize) -> &'a str {
        &self.text[self.words[left].end..self.words[right].start]
    }

    pub fn sentence_of(&self, word: usize) -> &Sentence {
        &self.sentences[self.words[word].sentence]
    }
}

fn is_shouting(s: &str) -> bool {
    let mut upper = 0usize;
    let mut letters = 0usize;
    for c in s.chars().filter(|c| is_letter(*c)) {
        letters += 1;
        if is_upper(c) {
            upper += 1;
        }
    }
    letters >= 12 && upper * 10 >= letters * 7
}

/// `char::is_alphabetic` with fast paths for ASCII and Cyrillic, which is nearly all the text.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        _ if c.is_ascii() => false,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase` with fast paths for ASCII and the basic Cyrillic block.
#[inline]
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{0400}'..='\u{042F}' => true,
        _ if c.is_ascii() => false,
        '\u{0430}'..='\u{045F}' => false,
        _ => c.is_uppercase(),
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_alphanumeric()
    }
}

fn scan_words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start_i = i;
        let mut j = i + 1;
        let mut possessive = false;
        loop {
            if j < n && is_word_char(chars[j].1) {
                j += 1;
                continue;
            }
            // Joiners inside a word: hyphens in names, apostrophes in Ukrainian words.
            if j + 1 < n
                && (is_hyphen(chars[j].1) || is_apostrophe(chars[j].1))
                && is_letter(chars[j + 1].1)
            {
                if is_apostrophe(chars[j].1)
                    && matches!(chars[j + 1].1, 's' | 'S')
                    && (j + 2 >= n || !chars[j + 2].1.is_alphanumeric())
                {
                    possessive = true;
                    break;
                }
                if is_hyphen(chars[j].1) && chars[j - 1].1.is_ascii_digit() {
                    break;
                }
                j += 2;
                continue;
            }
            break;
        }
        let start = chars[start_i].0;
        let end = if j < n { chars[j].0 } else { text.len() };
        let word = &text[start..end];
        let first = chars[start_i].1;
        let mut letter_count = 0usize;
        let mut all_upper = true;
        for c in word.chars().filter(|c| is_letter(*c)) {
            letter_count += 1;
            all_upper &= is_upper(c);
        }
        let all_caps = letter_count >= 2 && all_upper;
        let initial = letter_count == 1 && is_upper(first) && j < n && chars[j].1 == '.';
        // English possessive written without s after a plural ("Ukraine’" is rare); ignore.
        if possessive {
            // Skip the apostrophe and the s.
            j += 2;
        }
        out.push(Word {
            start,
            end,
            folded: fold(word),
            cap: is_upper(first),
            all_caps,
            numeric: first.is_ascii_digit(),
            cyrillic: !word.is_ascii()
                && word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            initial,
            possessive,
            sentence: 0,
        });
        i = j;
    }
    out
}

fn split_sentences(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut wi = 0usize;
    for (pos, c) in text.char_indices() {
        while wi < words.len() && words[wi].end <= pos {
            wi += 1;
        }
        let boundary = match c {
            '\n' => true,
            '.' | '!' | '?' | '…' => {
                let after = &text[pos + c.len_utf8()..];
                let mut rest = after.trim_start_matches(['"', '”', '»', '\'', ')', '’']);
                let closers = after.len() - rest.len();
                let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}']);
                let had_space = trimmed.len() < rest.len();
                rest = trimmed;
                let next = rest.chars().next();
                let starts_new = match next {
                    None => true,
                    Some(n) => {
                        n.is_uppercase()
                            || n.is_ascii_digit()
                            || matches!(n, '"' | '“' | '«' | '\n' | '(' | '\r')
                    }
                };
                let _ = closers;
                let prev_word = if wi > 0 && words[wi - 1].end == pos {
                    Some(&words[wi - 1])
                } else {
                    None
                };
                let abbreviation = c == '.'
                    && prev_word.is_some_and(|w| {
                        w.initial
                            || ABBREVIATIONS.contains(&w.folded.as_str())
                                && bytes.get(pos + 1) == Some(&b' ')
                    });
                (had_space || next.is_none() || next == Some('\n')) && starts_new && !abbreviation
            }
            _ => false,
        };
        if boundary {
            let end = pos + c.len_utf8();
            if text[start..end].trim().is_empty() {
                start = end;
                continue;
            }
            out.push((start, end));
            start = end;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_hyphenated_names_and_splits_possessives() {
        let d = Document::new("Maria Lvova-Belova met Lukashenko's aide.");
        let texts: Vec<&str> = (0..d.words.len()).map(|i| d.word_text(i)).collect();
        assert_eq!(
            texts,
            vec!["Maria", "Lvova-Belova", "met", "Lukashenko", "aide"]
        );
        assert!(d.words[3].possessive);
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_sentences() {
        let d = Document::new("A. Lukashenko went to St. Petersburg. Then he left.\nNew line here");
        assert_eq!(d.sentences.len(), 3);
        assert!(d.words[0].initial);
    }
}
