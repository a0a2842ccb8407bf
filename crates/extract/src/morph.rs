//! Dictionary forms of Russian and Ukrainian names and place words, from public
//! morphological dictionaries (OpenCorpora and the Ukrainian VESUM / LanguageTool
//! dictionary as packaged for pymorphy3; `data/SOURCES.md`).
//!
//! Why: hand-written case endings cover the regular forms, and a text the rules were never
//! tuned on soon shows the others: "Ростова-на-Дону", "Нижнего Новгорода", "Кравця",
//! "Анатолія" (a given name outside the short list of nominatives). The dictionaries
//! know every form of about a hundred thousand names and place words.
//!
//! `tools/build_morph.py` writes `data/morph.tsv` (paradigms grouped by lemma); `build.rs`
//! folds every form and compiles the table into an fst set embedded here, searched in place:
//! nothing is loaded or expanded when the extractor starts. A key is
//! `FORM \x01 TAG \x01 STRIP:TAIL` (see `build.rs`).
//!
//! Belarusian has no such dictionary among the public data packages; Belarusian forms go
//! through the case-ending rules alone.

use std::sync::LazyLock;

use casefile_core::Sex;
use fst::{IntoStreamer, Streamer};

static MORPH_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/morph.fst"));

/// The embedded set; None only if the build wrote a broken file (then no word has a reading).
static MORPH: LazyLock<Option<fst::Set<&'static [u8]>>> =
    LazyLock::new(|| fst::Set::new(MORPH_BYTES).ok());

/// What a dictionary entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Given,
    Surname,
    Patronymic,
    /// A place name (OpenCorpora's Geox).
    Place,
    /// An organisation's name (OpenCorpora's Orgn).
    Organization,
    /// A noun or adjective whose dictionary form is a word of a gazetteer name; it may also
    /// be a common word ("нижний", "тула").
    NameWord,
}

/// One reading of a word form: an entry of the dictionary it is a form of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    pub kind: Kind,
    /// The grammatical gender of the form, for persons' names their sex.
    pub sex: Option<Sex>,
    pub plural: bool,
    /// From the Russian dictionary (else the Ukrainian one).
    pub russian: bool,
    /// Letters to drop from the end of the form and what to add: the nominative.
    strip: usize,
    tail: String,
}

impl Reading {
    /// The nominative of `word` (as written, or folded) under this reading: "Марії" →
    /// "Марія", "Ростова-на-Дону" → "Ростов-на-Дону". The word's own letters are kept, so
    /// its capitals stay.
    pub fn nominative(&self, word: &str) -> String {
        let n = word.chars().count();
        let keep = n.saturating_sub(self.strip);
        let mut out: String = word.chars().take(keep).collect();
        out.push_str(&self.tail);
        out
    }

    /// Whether the form is already the nominative.
    pub fn is_nominative(&self) -> bool {
        self.strip == 0 && self.tail.is_empty()
    }
}

fn parse(key: &[u8], prefix_len: usize) -> Option<Reading> {
    let rest = std::str::from_utf8(key.get(prefix_len..)?).ok()?;
    let (tag, delta) = rest.split_once('\u{1}')?;
    let mut t = tag.chars();
    let kind = match t.next()? {
        'N' => Kind::Given,
        'S' => Kind::Surname,
        'P' => Kind::Patronymic,
        'G' => Kind::Place,
        'O' => Kind::Organization,
        _ => Kind::NameWord,
    };
    let (sex, plural) = match t.next()? {
        'm' => (Some(Sex::Male), false),
        'f' => (Some(Sex::Female), false),
        'p' => (None, true),
        _ => (None, false),
    };
    let russian = t.next()? == 'r';
    let (strip, tail) = delta.split_once(':')?;
    Some(Reading {
        kind,
        sex,
        plural,
        russian,
        strip: strip.parse().ok()?,
        tail: tail.to_string(),
    })
}

/// Words whose readings a thread keeps before it starts afresh: a bound on
/// memory, far above the distinct Cyrillic words of a batch of documents.
const KEPT_WORDS: usize = 50_000;

thread_local! {
    /// The readings of words this thread has looked up: a word is looked up
    /// several times per mention (places, then names) and recurs across a
    /// text, and a range search of the fst costs far more than a hash lookup.
    static KEPT: crate::memo::Memo<Vec<Reading>> = Default::default();
}

/// Every reading of a folded word form (`normalize::fold`), none for a word the
/// dictionaries do not list.
pub(crate) fn readings(folded: &str) -> Vec<Reading> {
    // Only Cyrillic words are listed; most words of a text are not, and cost nothing.
    if folded.is_ascii() || folded.chars().count() < 2 {
        return Vec::new();
    }
    crate::memo::kept(&KEPT, folded, KEPT_WORDS, || search(folded))
}

/// [`readings`] from the fst itself.
fn search(folded: &str) -> Vec<Reading> {
    let Some(set) = MORPH.as_ref() else {
        return Vec::new();
    };
    let mut lo = String::with_capacity(folded.len() + 1);
    lo.push_str(folded);
    lo.push('\u{1}');
    let mut hi = lo.clone();
    hi.pop();
    hi.push('\u{2}');
    let mut stream = set.range().ge(&lo).lt(&hi).into_stream();
    let mut out: Vec<Reading> = Vec::new();
    while let Some(key) = stream.next() {
        if let Some(r) = parse(key, lo.len()) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// Number of keys (word form and reading) in the embedded table.
#[cfg(test)]
fn size() -> usize {
    MORPH.as_ref().map_or(0, |s| s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn nominatives(word: &str, kind: Kind) -> Vec<String> {
        let mut v: Vec<String> = readings(&fold(word))
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.nominative(word))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn the_table_is_embedded_and_sizable() {
        assert!(size() > 400_000, "{}", size());
    }

    #[test]
    fn keys_are_folded_forms() {
        // The build script folds like `normalize::fold`: a key found by the folded word.
        assert!(!readings(&fold("Кравця")).is_empty());
        assert!(!readings(&fold("Андрієм")).is_empty());
        assert!(!readings(&fold("Орёл")).is_empty());
    }

    #[test]
    fn oblique_place_forms_give_their_nominative() {
        // The letters the nominative keeps are the word's own, the new ending the dictionary's.
        assert_eq!(
            nominatives("Ростова-на-Дону", Kind::Place),
            vec!["Ростов-на-дону"]
        );
        assert_eq!(nominatives("Белгороде", Kind::Place), vec!["Белгород"]);
        assert!(nominatives("Нижнего", Kind::NameWord).contains(&"Нижний".to_string()));
    }

    #[test]
    fn names_keep_their_gender() {
        // The woman's surname leads to the woman's nominative, not to the lemma "Иванов".
        let r = readings(&fold("Ивановой"));
        assert!(r.iter().any(|r| r.kind == Kind::Surname
            && r.sex == Some(Sex::Female)
            && r.nominative("Ивановой") == "Иванова"));
        assert_eq!(nominatives("Кравця", Kind::Surname), vec!["Кравець"]);
        assert!(nominatives("Анатолія", Kind::Given).contains(&"Анатолій".to_string()));
    }

    #[test]
    fn latin_and_unknown_words_have_no_reading() {
        assert!(readings("kherson").is_empty());
        assert!(readings(&fold("Шмыгльбрук")).is_empty());
    }
}
