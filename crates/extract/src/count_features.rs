//! The features the count model (`count_model`) reads for one number: the rules'
//! verdict and why they gave it, the number's form and size, the words around it
//! (as folded words, as Cyrillic endings, and as the classes of the crate's word
//! lists: child nouns, nouns counted in place of children, the displaced, units that
//! are not children, kin, ages), the qualifier, and whether the sentence, the one
//! before or the one after is about children. General by construction: nothing here
//! names a sentence of any text.

use crate::counts::{is_not_child_unit, is_own_kin};
use crate::lexicon::{class, is_movement_verb, CASE_NOUNS, DISPLACED};
use crate::logistic::FeatureHash;
use crate::numbers::NumberPhrase;
use crate::scan::Document;
use crate::Qualifier;

/// Whether a number the rules did not take is still worth the model's look: children
/// are named in its sentence or the one before, or a noun counted in place of children
/// (cases, nationalities, the displaced) follows it closely.
pub(crate) fn wide_candidate(doc: &Document, i: usize, end: usize) -> bool {
    let s = doc.sentence_of(i);
    let sentence_has = |s: usize| {
        let s = &doc.sentences[s];
        (s.first_word..s.end_word).any(|k| doc.is(k, class::CHILD_NOUN))
    };
    let index = doc.words[i].sentence;
    sentence_has(index)
        || index > 0 && sentence_has(index - 1)
        || (end..(end + 3).min(s.end_word)).any(|k| {
            let f = doc.words[k].folded.as_str();
            CASE_NOUNS.contains(f) || DISPLACED.contains(f)
        })
}

/// The list classes of word `k`, as short names.
fn word_class(doc: &Document, k: usize) -> &'static str {
    let f = doc.words[k].folded.as_str();
    if doc.is(k, class::CHILD_NOUN) {
        "child"
    } else if CASE_NOUNS.contains(f) {
        "case"
    } else if DISPLACED.contains(f) {
        "displaced"
    } else if is_not_child_unit(f) {
        "unit"
    } else if is_own_kin(f) {
        "kin"
    } else if doc.is(k, class::MONTH) {
        "month"
    } else if doc.is(k, class::DEMONYM) {
        "demonym"
    } else if is_age_word(f) {
        "age"
    } else if is_movement_verb(f) {
        "move"
    } else if doc.is(k, class::REPORTING) {
        "report"
    } else if doc.words[k].numeric {
        "num"
    } else if doc.words[k].cap {
        "cap"
    } else {
        ""
    }
}

/// Words of years and age ("years", "років", "лет", "гадоў", "old").
fn is_age_word(f: &str) -> bool {
    [
        "year",
        "рок",
        "рік",
        "лет",
        "год",
        "гад",
        "old",
        "месяц",
        "місяц",
        "month",
    ]
    .iter()
    .any(|p| f.starts_with(p))
}

/// The last (up to) three letters of a Cyrillic word: its ending, which carries case
/// and number where the word itself is too rare to have a weight.
fn ending(f: &str) -> Option<&str> {
    let n = f.chars().count();
    if n < 4 || !f.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return None;
    }
    f.char_indices().nth(n - 3).map(|(b, _)| &f[b..])
}

fn push_word(out: &mut FeatureWriter, doc: &Document, k: usize, name: &str) {
    let f = doc.words[k].folded.as_str();
    if doc.words[k].numeric {
        out.add(&[name, "=#"]);
    } else {
        out.add(&[name, "=", f]);
    }
    if let Some(e) = ending(f) {
        out.add(&[name, "e=", e]);
    }
    let c = word_class(doc, k);
    if !c.is_empty() {
        out.add(&[name, "c=", c]);
    }
}

fn gap_class(gap: &str) -> Option<&'static str> {
    let t = gap.trim();
    if t.is_empty() {
        return None;
    }
    Some(match t.chars().last() {
        Some('-' | '–' | '—') => "dash",
        Some(':') => ":",
        Some(',') => ",",
        Some('.') => ".",
        Some('(') => "(",
        Some(')') => ")",
        Some('/') => "/",
        Some('«' | '"' | '“' | '»' | '”') => "quote",
        _ => "other",
    })
}

/// A number's features as the count model reads them: by name (training, a trace, a model
/// given at run time), or, for the shipped model, by the hash of each name
/// (`logistic::FeatureHash`, written piece by piece), so that no string is built: a string
/// per feature, and a second with "N:" before it, were a twentieth of English extraction.
#[derive(Debug, Clone)]
pub(crate) enum CountFeatures {
    Named(Vec<String>),
    Hashed(Vec<u64>),
}

impl CountFeatures {
    /// Adds the feature named by `parts` written one after the other.
    pub(crate) fn add(&mut self, parts: &[&str]) {
        match self {
            CountFeatures::Named(names) => names.push(parts.concat()),
            CountFeatures::Hashed(hashes) => {
                hashes.push(FeatureHash::of_parts(parts.iter().copied()))
            }
        }
    }

    /// The features' names (none when only their hashes were kept).
    pub(crate) fn names(&self) -> Vec<String> {
        match self {
            CountFeatures::Named(names) => names.clone(),
            CountFeatures::Hashed(_) => Vec::new(),
        }
    }
}

/// The prefix of a number's features repeated for a number the rules left.
pub(crate) const LEFT_BY_RULES: &str = "N:";

/// Writes one number's features; a number the rules left gets a copy of each with
/// [`LEFT_BY_RULES`] before it, after them all.
struct FeatureWriter {
    out: CountFeatures,
    /// The hashes of the copies, made with each feature (none when named: the copies are
    /// made from the names at the end).
    hashed_copies: Option<Vec<u64>>,
}

impl FeatureWriter {
    fn add(&mut self, parts: &[&str]) {
        self.out.add(parts);
        if let Some(copies) = &mut self.hashed_copies {
            copies.push(FeatureHash::of_parts(
                std::iter::once(LEFT_BY_RULES).chain(parts.iter().copied()),
            ));
        }
    }
}

/// Digits as features' text, for the small numbers the features count up to.
const DIGITS: [&str; 8] = ["0", "1", "2", "3", "4", "5", "6", "7"];

/// The names of the words after (`n1`…) and before (`p1`…) the number.
const AFTER: [&str; 3] = ["n1", "n2", "n3"];
const BEFORE: [&str; 2] = ["p1", "p2"];

/// The features of the number `num` (its qualifier found), with the rules' verdict:
/// `rule` is how the rules took it (the kind of head) or `None`, `reason` why not. With
/// `hashed`, only the hashes of their names are kept ([`CountFeatures`]).
pub(crate) fn candidate_features(
    doc: &Document,
    num: &NumberPhrase,
    qualifier: Qualifier,
    rule: Option<&str>,
    reason: Option<&str>,
    language: Option<&str>,
    hashed: bool,
) -> CountFeatures {
    let words = &doc.words;
    let i = num.first;
    let s = doc.sentence_of(i);
    let mut out = FeatureWriter {
        out: if hashed {
            CountFeatures::Hashed(Vec::with_capacity(40))
        } else {
            CountFeatures::Named(Vec::with_capacity(40))
        },
        hashed_copies: (hashed && rule.is_none()).then(|| Vec::with_capacity(40)),
    };
    let lang = language.unwrap_or("?");
    out.add(&["lang=", lang]);
    match rule {
        Some(kind) => {
            out.add(&["rule"]);
            out.add(&["rule=", kind]);
            out.add(&["rule&lang=", lang]);
        }
        None => {
            out.add(&["norule=", reason.unwrap_or("")]);
            out.add(&["norule&lang=", lang]);
        }
    }
    match num.value {
        None => out.add(&["vague"]),
        Some(v) => {
            let digits = v.to_string().len();
            out.add(&["mag=", DIGITS[digits.min(7)]]);
            if v == 1 {
                out.add(&["one"]);
            }
            if words[i].numeric && (1900..=2100).contains(&v) && num.end == i + 1 {
                out.add(&["year_like"]);
            }
        }
    }
    if !words[i].numeric {
        out.add(&["in_words"]);
    }
    if num.end > i + 1 {
        out.add(&["multiword"]);
    }
    if qualifier != Qualifier::Exact {
        out.add(&["q=", qualifier.as_str()]);
    }
    // The words after the number, up to the sentence's end.
    for (d, k) in (num.end..(num.end + 3).min(s.end_word)).enumerate() {
        push_word(&mut out, doc, k, AFTER[d]);
    }
    if num.end >= s.end_word {
        out.add(&["last_in_sentence"]);
    }
    // A child noun shortly after, within the phrase (no stop, comma or bracket between).
    for k in num.end..(num.end + 5).min(s.end_word) {
        if k > num.end && gap_class(doc.gap(k - 1, k)).is_some_and(|g| g != "dash") {
            break;
        }
        if doc.is(k, class::CHILD_NOUN) {
            out.add(&["child_after=", DIGITS[(k - num.end).min(3)]]);
            break;
        }
    }
    // The words before it (before its qualifier too).
    for (d, k) in (s.first_word..i).rev().take(2).enumerate() {
        push_word(&mut out, doc, k, BEFORE[d]);
    }
    if i == s.first_word {
        out.add(&["first_in_sentence"]);
    }
    if i > 0 {
        if let Some(g) = gap_class(doc.gap(i - 1, i)) {
            out.add(&["gap_before=", g]);
        }
    }
    if num.end < words.len() {
        if let Some(g) = gap_class(doc.gap(num.end - 1, num.end)) {
            out.add(&["gap_after=", g]);
        }
    }
    // The line: a list item or a table row.
    // Within the sentence: a scan back to the last line break would cross whole paragraphs.
    let line_start = doc.text[s.start..words[i].start]
        .rfind('\n')
        .map_or(s.start, |p| s.start + p + 1);
    let line = doc.text[line_start..s.end].split('\n').next().unwrap_or("");
    if line.contains('|') || line.contains('\t') {
        out.add(&["table_line"]);
    }
    if line
        .trim_start()
        .starts_with(['-', '•', '*', '–', '—', '▪', '●'])
    {
        out.add(&["list_line"]);
    }
    // What the sentence is about.
    let has = |from: usize, to: usize, f: &dyn Fn(usize) -> bool| (from..to).any(f);
    let child = |k: usize| doc.is(k, class::CHILD_NOUN);
    if has(s.first_word, i, &child) {
        out.add(&["child_before_in_sentence"]);
    }
    if has(num.end, s.end_word, &child) {
        out.add(&["child_later_in_sentence"]);
    }
    let index = words[i].sentence;
    if index > 0 {
        let p = &doc.sentences[index - 1];
        if has(p.first_word, p.end_word, &child) {
            out.add(&["child_previous_sentence"]);
        }
    }
    if let Some(n) = doc.sentences.get(index + 1) {
        if has(n.first_word, n.end_word, &child) {
            out.add(&["child_next_sentence"]);
        }
    }
    if has(s.first_word, s.end_word, &|k| {
        is_movement_verb(&words[k].folded)
    }) {
        out.add(&["movement_in_sentence"]);
    }
    if has(s.first_word, s.end_word, &|k| {
        is_age_word(&words[k].folded) && k > 0 && words[k - 1].numeric
    }) {
        out.add(&["ages_in_sentence"]);
    }
    // Numbers beside it in the sentence: lists of figures, ranges.
    let numbers = (s.first_word..s.end_word)
        .filter(|&k| words[k].numeric && (k < i || k >= num.end))
        .count();
    out.add(&["other_numbers=", DIGITS[numbers.min(3)]]);
    // A number the rules left gets its own copy of every feature: what makes a count
    // among the rules' finds (their size, say) is not what makes one among the rest.
    let FeatureWriter {
        out: mut features,
        hashed_copies,
    } = out;
    if rule.is_none() {
        match &mut features {
            CountFeatures::Named(names) => {
                let own: Vec<String> = names
                    .iter()
                    .map(|f| format!("{LEFT_BY_RULES}{f}"))
                    .collect();
                names.extend(own);
            }
            CountFeatures::Hashed(hashes) => hashes.extend(hashed_copies.unwrap_or_default()),
        }
    }
    features
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::number_at;

    fn features_of(text: &str, word: &str) -> Vec<String> {
        let doc = Document::new(text);
        let i = doc
            .words
            .iter()
            .position(|w| w.folded == word)
            .expect("word in text");
        let num = number_at(&doc, i).expect("a number");
        candidate_features(
            &doc,
            &num,
            Qualifier::Exact,
            None,
            Some("no_head"),
            Some("en"),
            false,
        )
        .names()
    }

    #[test]
    fn features_name_the_words_and_classes_around_a_number() {
        let f = features_of("Officials said 58 children were taken to camps.", "58");
        assert!(f.contains(&"n1=children".to_string()), "{f:?}");
        assert!(f.contains(&"n1c=child".to_string()), "{f:?}");
        assert!(f.contains(&"child_after=0".to_string()), "{f:?}");
        assert!(f.contains(&"p1=said".to_string()), "{f:?}");
        assert!(f.contains(&"mag=2".to_string()), "{f:?}");
        assert!(f.contains(&"norule=no_head".to_string()), "{f:?}");
    }

    #[test]
    fn cyrillic_endings_and_units_are_features() {
        let doc = Document::new("Діти жили у п'яти таборах, 1 874 українців вивезли.");
        let i = doc
            .words
            .iter()
            .position(|w| w.folded == "1")
            .expect("number");
        let num = number_at(&doc, i).expect("a number");
        assert_eq!(num.value, Some(1874));
        let f = candidate_features(
            &doc,
            &num,
            Qualifier::Exact,
            Some("case"),
            None,
            Some("uk"),
            false,
        )
        .names();
        assert!(f.contains(&"n1e=ців".to_string()), "{f:?}");
        assert!(f.contains(&"rule=case".to_string()), "{f:?}");
        assert!(f.contains(&"lang=uk".to_string()), "{f:?}");
        assert!(f.contains(&"child_before_in_sentence".to_string()), "{f:?}");
    }

    #[test]
    fn wide_candidates_need_children_nearby() {
        let doc = Document::new("The city has 40 schools. Nothing else.");
        let i = doc.words.iter().position(|w| w.folded == "40").expect("40");
        assert!(!wide_candidate(&doc, i, i + 1));
        let doc = Document::new("Children were moved. Then 40 went home.");
        let i = doc.words.iter().position(|w| w.folded == "40").expect("40");
        assert!(wide_candidate(&doc, i, i + 1));
    }

    #[test]
    fn hashed_features_are_the_hashes_of_the_named_ones() {
        let doc =
            Document::new("За даними ЦНС, 1 874 українців вивезли. Officials said 58 kids went.");
        for (k, w) in doc.words.iter().enumerate().filter(|(_, w)| w.numeric) {
            let num = number_at(&doc, k).expect("a number");
            for rule in [None, Some("child")] {
                let named = candidate_features(
                    &doc,
                    &num,
                    Qualifier::About,
                    rule,
                    Some("no_head"),
                    None,
                    false,
                )
                .names();
                let hashed = candidate_features(
                    &doc,
                    &num,
                    Qualifier::About,
                    rule,
                    Some("no_head"),
                    None,
                    true,
                );
                let CountFeatures::Hashed(hashes) = hashed else {
                    panic!("{} gave named features", w.folded);
                };
                let expected: Vec<u64> = named.iter().map(|f| FeatureHash::of(f)).collect();
                assert_eq!(hashes, expected, "{}: {named:?}", w.folded);
            }
        }
    }
}
