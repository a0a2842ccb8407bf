//! Splits a text into sentences and words with byte offsets.
//!
//! The search tokenizer of `casefile-text` folds and splits words for
//! indexing; extraction needs more: the original capitalisation, whether a
//! word is an initial ("A."), whether it carries an English possessive
//! ("Lukashenko's" is the name plus "'s"), hyphenated names kept whole
//! ("Lvova-Belova") and sentence boundaries that do not break after initials
//! or abbreviations ("St. Petersburg"). So this module keeps its own light
//! scanner and uses `casefile-text`'s folding for the normalised form.

use casefile_core::chars::is_apostrophe;
use compact_str::CompactString;

use crate::normalize::fold_into;

/// One word of the text.
#[derive(Debug, Clone)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Folded form (lowercase, no diacritics) used for every lexicon lookup.
    /// Inline for words up to 24 bytes: a heap string per word was a tenth of the run time.
    pub folded: CompactString,
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
    /// Letters in the word, and how many of them are uppercase.
    pub letters: u32,
    pub uppers: u32,
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
    pub keys: Vec<CompactString>,
    /// Per word, the word lists it is in ([`crate::lexicon::class`] bits).
    pub classes: Vec<u16>,
    pub sentences: Vec<Sentence>,
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

/// English months abbreviated in wire style ("on Nov. 2", "Sept. 30"): before a day in
/// digits their full stop ends no sentence.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether a folded word is an English month abbreviated in wire style ("nov", "sept"),
/// whose full stop before a day in digits ends no sentence.
pub(crate) fn is_month_abbreviation(folded: &str) -> bool {
    MONTH_ABBREVIATIONS.contains(&folded)
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut words = scan_words(text);
        if is_classical_belarusian(text, &words) {
            for w in words.iter_mut().filter(|w| w.cyrillic) {
                if let Some(standard) = standard_belarusian(&w.folded) {
                    w.folded = standard;
                }
            }
        }
        let sentences_ranges = split_sentences(text, &words);
        let mut sentences = Vec::with_capacity(sentences_ranges.len());
        // Words are numbered with their sentence in place (a Word is large: no second list).
        let mut next = 0;
        for (si, (s, e)) in sentences_ranges.into_iter().enumerate() {
            let first = next;
            // Every letter lies inside a word, so the words' letter counts are the sentence's.
            let (mut letters, mut uppers) = (0usize, 0usize);
            while let Some(w) = words.get_mut(next).filter(|w| w.start < e) {
                w.sentence = si;
                letters += w.letters as usize;
                uppers += w.uppers as usize;
                next += 1;
            }
            let shouting = is_shouting(letters, uppers);
            sentences.push(Sentence {
                start: s,
                end: e,
                first_word: first,
                end_word: next,
                shouting,
            });
        }
        words.truncate(next);
        let keys = words
            .iter()
            .map(|w| {
                // A key is the word or a prefix of it ("st" for "saint" aside): same length, same key.
                let key = crate::gazetteer::word_key(&w.folded);
                if key.len() == w.folded.len() {
                    w.folded.clone()
                } else {
                    CompactString::from(key)
                }
            })
            .collect();
        let classes = words
            .iter()
            .map(|w| {
                crate::lexicon::WORD_CLASSES
                    .get(w.folded.as_str())
                    .copied()
                    .unwrap_or_else(|| compound_child_noun(&w.folded))
            })
            .collect();
        Document {
            text,
            words,
            keys,
            classes,
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

    /// The end (exclusive word index) of a name in quotes whose first word is `i`: a quote
    /// opens right before word `i` and closes after at most `max_words` words, within its
    /// sentence, with only single spaces between the words.
    pub fn quoted_name_end(&self, i: usize, max_words: usize) -> Option<usize> {
        if i == 0
            || !self
                .gap(i - 1, i)
                .trim_start()
                .ends_with(['«', '"', '“', '„'])
        {
            return None;
        }
        let s = self.sentence_of(i);
        for e in i + 1..=(i + max_words).min(s.end_word) {
            let after = if e < s.end_word {
                self.gap(e - 1, e)
            } else {
                &self.text[self.words[e - 1].end..s.end]
            };
            if after.starts_with(['»', '"', '”', '“']) {
                return Some(e);
            }
            if after != " " {
                return None;
            }
        }
        None
    }

    /// The keys of words `first..first + max` joined by spaces into `joined`, stopping before
    /// the first word whose gap to the previous one is not `joinable`, with in `ends` the byte
    /// length of the prefix that holds the first n keys at index n - 1: one string serves every
    /// longest-first lookup of a multi-word name ("kherson region", then "kherson"). The
    /// buffers are the caller's, reused from word to word.
    pub fn joined_keys_into(
        &self,
        first: usize,
        max: usize,
        joinable: impl Fn(&str) -> bool,
        joined: &mut String,
        ends: &mut Vec<usize>,
    ) {
        joined.clear();
        ends.clear();
        for (n, key) in self.keys[first..first + max].iter().enumerate() {
            if n > 0 {
                if !joinable(self.gap(first + n - 1, first + n)) {
                    break;
                }
                joined.push(' ');
            }
            joined.push_str(key);
            ends.push(joined.len());
        }
    }

    /// Whether word `i` is in any of the word lists `classes` names ([`crate::lexicon::class`]).
    #[inline]
    pub fn is(&self, i: usize, classes: u16) -> bool {
        self.classes[i] & classes != 0
    }

    pub fn sentence_of(&self, word: usize) -> &Sentence {
        &self.sentences[self.words[word].sentence]
    }
}

/// Most letters uppercase: a shouted headline or boilerplate.
fn is_shouting(letters: usize, upper: usize) -> bool {
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
        match c {
            '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
            // Spaces, dashes, quotes and bullets: General Punctuation has no letter or digit.
            '\u{2000}'..='\u{206F}' | '«' | '»' | '\u{a0}' => false,
            _ => c.is_alphanumeric(),
        }
    }
}

/// The character that starts at byte `at`, if any.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        return Some(char::from(byte));
    }
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// Splits the text into words. Walks the bytes and decodes characters as it goes, so that
/// no per-character table of the whole text is built.
fn scan_words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    // One buffer serves the folding of every non-ASCII word.
    let mut folding = String::new();
    let len = text.len();
    let mut i = 0;
    while i < len {
        let Some(first) = char_at(text, i) else {
            break;
        };
        if !is_word_char(first) {
            i += first.len_utf8();
            continue;
        }
        let start = i;
        let mut prev = first;
        let mut j = i + first.len_utf8();
        // Where scanning resumes after an English possessive "'s" (skipped, not part of the word).
        let mut possessive_end = None;
        let bytes = text.as_bytes();
        loop {
            // Runs of ASCII letters and digits, the bulk of most words, byte by byte.
            let run_start = j;
            while j < len && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            if j > run_start {
                prev = char::from(bytes[j - 1]);
            }
            let Some(c) = char_at(text, j) else {
                break;
            };
            if is_word_char(c) {
                prev = c;
                j += c.len_utf8();
                continue;
            }
            // Joiners inside a word: hyphens in names, apostrophes in Ukrainian words.
            let after = j + c.len_utf8();
            let Some(next) = char_at(text, after) else {
                break;
            };
            if !((is_hyphen(c) || is_apostrophe(c)) && is_letter(next)) {
                break;
            }
            if is_apostrophe(c)
                && matches!(next, 's' | 'S')
                && char_at(text, after + 1).is_none_or(|c2| !c2.is_alphanumeric())
            {
                possessive_end = Some(after + 1);
                break;
            }
            if is_hyphen(c) && prev.is_ascii_digit() {
                break;
            }
            prev = next;
            j = after + next.len_utf8();
        }
        let end = j;
        let word = &text[start..end];
        let ascii = word.is_ascii();
        let mut letter_count = 0usize;
        let mut upper_count = 0usize;
        if ascii {
            // Most words: count bytes, without decoding characters.
            letter_count = word.bytes().filter(u8::is_ascii_alphabetic).count();
            upper_count = word.bytes().filter(u8::is_ascii_uppercase).count();
        } else {
            for c in word.chars().filter(|c| is_letter(*c)) {
                letter_count += 1;
                upper_count += usize::from(is_upper(c));
            }
        }
        let all_caps = letter_count >= 2 && upper_count == letter_count;
        let initial = letter_count == 1 && is_upper(first) && char_at(text, end) == Some('.');
        out.push(Word {
            start,
            end,
            // Filled in place below: a short string built on the stack and then moved into
            // the list stalls the processor (its bytes are written one way and read another).
            folded: CompactString::const_new(""),
            cap: is_upper(first),
            all_caps,
            numeric: first.is_ascii_digit(),
            cyrillic: !ascii && word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            initial,
            possessive: possessive_end.is_some(),
            sentence: 0,
            letters: u32::try_from(letter_count).unwrap_or(u32::MAX),
            uppers: u32::try_from(upper_count).unwrap_or(u32::MAX),
        });
        if let Some(added) = out.last_mut() {
            if ascii && !word.as_bytes().contains(&b'`') {
                // `fold` lowercases ASCII and does nothing else to it but for
                // the apostrophe look-alike '`'.
                added.folded.push_str(word);
                if upper_count > 0 {
                    added.folded.make_ascii_lowercase();
                }
            } else {
                folding.clear();
                fold_into(word, &mut folding);
                added.folded.push_str(&folding);
            }
        }
        i = possessive_end.unwrap_or(end);
    }
    out
}

/// Whether a text is Belarusian in the classical orthography (taraškievica, the spelling of
/// most Belarusian independent media: "сьнежня", "зьвестак", "дасьледаваньне"): it has the
/// Belarusian "ў" and at least two words with a soft sign marking assimilated softness before
/// a consonant, which the official orthography never writes.
fn is_classical_belarusian(text: &str, words: &[Word]) -> bool {
    text.contains(['ў', 'Ў'])
        && words
            .iter()
            .filter(|w| w.cyrillic && standard_belarusian(&w.folded).is_some())
            .take(2)
            .count()
            == 2
}

/// A folded word of the classical orthography in the official one, when they differ: the soft
/// sign of assimilated softness dropped, that is before a consonant that is soft itself (a soft
/// vowel or sign follows it): after с, з (and дз), ц before н, в, л, ц, дз, с, з; after н before
/// н, с, з, ц, дз; after л before л ("сьнежня" → "снежня", "зьвестак" → "звестак",
/// "дасьледаваньняў" → "даследаванняў", "дзьве" → "дзве"). A soft sign the official spelling
/// keeps stays ("бацька", "дзецьмі", "восьмы"), as does Ukrainian "-ськ-". So the word lists,
/// month names and gazetteer, written in the official spelling, find both.
fn standard_belarusian(folded: &str) -> Option<CompactString> {
    let chars: Vec<char> = folded.chars().collect();
    let soft = |k: usize| {
        chars
            .get(k)
            .is_some_and(|c| matches!(c, 'е' | 'ё' | 'і' | 'и' | 'ю' | 'я' | 'ь'))
    };
    // The consonant at `k` and whether it is soft: "дз" counts as one.
    let soft_consonant = |k: usize, allowed: &[char]| match chars.get(k) {
        Some('д') => allowed.contains(&'д') && chars.get(k + 1) == Some(&'з') && soft(k + 2),
        Some(c) => allowed.contains(c) && soft(k + 1),
        None => false,
    };
    let drops = |k: usize| {
        chars[k] == 'ь'
            && k > 0
            && match chars[k - 1] {
                'с' | 'з' | 'ц' => soft_consonant(k + 1, &['н', 'в', 'л', 'ц', 'д', 'с', 'з']),
                'н' => soft_consonant(k + 1, &['н', 'с', 'з', 'ц', 'д']),
                'л' => soft_consonant(k + 1, &['л']),
                _ => false,
            }
    };
    if !(0..chars.len()).any(drops) {
        return None;
    }
    Some(
        chars
            .iter()
            .enumerate()
            .filter(|(k, _)| !drops(*k))
            .map(|(_, c)| *c)
            .collect(),
    )
}

/// The bytes `split_sentences` stops at: `\n . ! ?` and the first byte of `…`.
static MAY_END_SENTENCE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE2] = true;
    table
};

fn split_sentences(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut wi = 0usize;
    // Only a few ASCII bytes (and the three bytes of '…') can end a sentence, and none of
    // them occurs inside another character's encoding, so the bytes are scanned directly.
    let mut at = 0usize;
    while at < bytes.len() {
        // Skip at once to the next byte that may end a sentence.
        match bytes[at..]
            .iter()
            .position(|b| MAY_END_SENTENCE[usize::from(*b)])
        {
            Some(skip) => at += skip,
            None => break,
        }
        let pos = at;
        let c = match bytes[pos] {
            b'\n' => '\n',
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if bytes.get(pos + 1..pos + 3) == Some(&[0x80, 0xA6][..]) => '…',
            _ => {
                at += 1;
                continue;
            }
        };
        at = pos + c.len_utf8();
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
                            || is_month_abbreviation(&w.folded)
                                && bytes.get(pos + 1) == Some(&b' ')
                                && bytes.get(pos + 2).is_some_and(u8::is_ascii_digit)
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

/// A hyphenated compound whose first part is a child noun names children too ("дітей-сиріт",
/// "детей-инвалидов", "дзяцей-сірот": orphans, children with disabilities), so it carries the
/// child-noun class; no other class passes through a hyphen. Cyrillic only: English compounds
/// with "child" are adjectives.
fn compound_child_noun(folded: &str) -> u16 {
    let Some((first, rest)) = folded.split_once('-') else {
        return 0;
    };
    // English compounds with "child" are adjectives ("child-friendly spaces").
    if rest.is_empty()
        || !first
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        return 0;
    }
    crate::lexicon::WORD_CLASSES
        .get(first)
        .map_or(0, |c| c & crate::lexicon::class::CHILD_NOUN)
}

#[cfg(test)]
mod tests {

    #[test]
    fn classical_belarusian_is_read_in_the_official_spelling() {
        let text = "У сьнежні паводле зьвестак дасьледаваньня ўсе дзьве групы прыехалі.";
        let doc = Document::new(text);
        let folded: Vec<&str> = doc.words.iter().map(|w| w.folded.as_str()).collect();
        assert!(folded.contains(&"снежні"), "{folded:?}");
        assert!(folded.contains(&"звестак"), "{folded:?}");
        assert!(folded.contains(&"даследавання"), "{folded:?}");
        assert!(folded.contains(&"дзве"), "{folded:?}");
        // Soft signs the official spelling keeps stay, and so does Ukrainian "-ськ-".
        for kept in ["бацька", "дзецьмі", "восьмы", "луганська"] {
            assert_eq!(super::standard_belarusian(kept), None, "{kept}");
        }
        // Without "ў", or with one such word only, a text is not rewritten.
        let ukrainian = Document::new("Сьнігур і зьвір у Луганській області.");
        assert!(ukrainian.words.iter().any(|w| w.folded == "сьнігур"));
        let once = Document::new("Усё роўна сьнег.");
        assert!(once.words.iter().any(|w| w.folded == "сьнег"));
    }

    use super::*;

    /// Extraction and search must split words alike, whichever apostrophe a
    /// text uses, or a finding's words would not be found by a search.
    #[test]
    fn words_are_the_search_tokens_with_every_apostrophe() {
        for a in casefile_core::chars::APOSTROPHES {
            let text = format!(
                "У п{a}ятницю Мар{a}яна та O{a}Neil з{a}їли м{a}ясо; {a}camp{a} and the children{a}s camp."
            );
            let scanned: Vec<(usize, usize, String)> = Document::new(&text)
                .words
                .iter()
                .map(|w| (w.start, w.end, w.folded.to_string()))
                .collect();
            let tokens: Vec<(usize, usize, String)> = casefile_text::tokenize(&text)
                .into_iter()
                .map(|t| (t.start, t.end, t.norm))
                .collect();
            assert_eq!(scanned, tokens, "apostrophe {a:?}");
            assert!(
                scanned.iter().any(|(_, _, w)| w == "п'ятницю"),
                "apostrophe {a:?}: {scanned:?}"
            );
        }
    }

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
    fn words_carry_their_folded_form_key_and_word_lists() {
        use crate::lexicon::class;
        let d = Document::new("In March the REGIONS of Донецької області sent 12 Children.");
        // The ASCII fast path and the general one agree with `fold`.
        for i in 0..d.words.len() {
            assert_eq!(d.words[i].folded, crate::normalize::fold(d.word_text(i)));
        }
        assert_eq!(d.words[1].folded, "march");
        assert_eq!(d.keys[3], "region");
        assert_eq!(
            d.keys[6].as_str(),
            crate::normalize::stem(&d.words[6].folded)
        );
        assert!(d.is(1, class::MONTH) && !d.is(1, class::WEEKDAY));
        assert!(d.is(9, class::CHILD_NOUN));
        assert!(!d.is(8, class::CHILD_NOUN | class::MONTH));
        assert!(d.words[3].all_caps && d.words[9].cap && !d.words[7].cap);
    }

    #[test]
    fn initials_and_abbreviations_do_not_end_sentences() {
        let d = Document::new("A. Lukashenko went to St. Petersburg. Then he left.\nNew line here");
        assert_eq!(d.sentences.len(), 3);
        assert!(d.words[0].initial);
    }
}
