//! Finds places by looking capitalised word sequences up in the gazetteer.
//!
//! A town name in a list that ends with "regions" / "oblasts" / "областей"
//! ("from Donetsk, Luhansk and Zaporizhzhia regions") names the region, not
//! the town, so such lists are re-read as regions.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use compact_str::CompactString;

use crate::gazetteer::{GazetteerEntry, GAZETTEER};
use crate::lexicon::{is_given_name, NOT_NAMES, ORG_HEADS, ROLES};
use crate::scan::Document;
use crate::{Mention, Place};

/// Where a place was found, for the other extractors.
#[derive(Debug, Clone)]
pub struct PlaceSpan {
    pub first_word: usize,
    pub end_word: usize,
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

pub struct PlacesFound {
    pub places: Vec<Place>,
    pub spans: Vec<PlaceSpan>,
    /// Facilities of this text that the gazetteer lacks, named in quotes after a word for a
    /// camp or sanatorium; a span's `entry` past the gazetteer's entries is one of these.
    pub extra: Vec<GazetteerEntry>,
}

impl PlacesFound {
    pub fn canonical(&self, span: &PlaceSpan) -> &str {
        &self.entry(span.entry).canonical
    }

    /// The gazetteer's entry `id`, or this text's own facility.
    pub fn entry(&self, id: u32) -> &GazetteerEntry {
        entry_in(&self.extra, id)
    }
}

fn entry_in(extra: &[GazetteerEntry], id: u32) -> &GazetteerEntry {
    let g = &GAZETTEER.entries;
    match (id as usize).checked_sub(g.len()) {
        Some(k) => &extra[k],
        None => &g[id as usize],
    }
}

/// Keys of the words for a camp or sanatorium before a quoted name, and (second) of the
/// English ones after a name (`data/lexicon/facility_heads.txt`).
static FACILITY_HEADS: LazyLock<(HashSet<String>, HashSet<String>)> = LazyLock::new(|| {
    let mut before = HashSet::new();
    let mut after = HashSet::new();
    for w in crate::wordlist::entries(include_str!("../data/lexicon/facility_heads.txt")) {
        match w.strip_prefix('+') {
            Some(e) => after.insert(crate::gazetteer::name_key(e)),
            None => before.insert(crate::gazetteer::name_key(w)),
        };
    }
    (before, after)
});

/// Whether a word's key is a word for a camp or a sanatorium before a quoted name ("ДОЛ",
/// "санаторий"): the quoted name after it is a facility, no organisation.
pub(crate) fn is_facility_head_key(key: &str) -> bool {
    FACILITY_HEADS.0.contains(key)
}

/// Words that make a centre or a home a place of children's care rather than an
/// organisation (`data/lexicon/care_centre_words.txt`): the Cyrillic adjectives before
/// "центр"/"цэнтр" as folded prefixes ("реабілітаційн", "аздараўленч"), and the English
/// words before and the nouns after ("children's" / "rehabilitation" + "centre" / "home").
static CARE_CENTRE: LazyLock<(Vec<String>, HashSet<String>, HashSet<String>)> =
    LazyLock::new(|| {
        let (mut adjectives, mut before, mut nouns) = (Vec::new(), HashSet::new(), HashSet::new());
        for line in crate::wordlist::entries(include_str!("../data/lexicon/care_centre_words.txt"))
        {
            match line.split_once('\t') {
                Some(("adjective", w)) => adjectives.push(crate::normalize::fold(w.trim())),
                Some(("before", w)) => {
                    before.insert(crate::normalize::fold(w.trim()));
                }
                Some(("noun", w)) => {
                    nouns.insert(crate::normalize::fold(w.trim()));
                }
                _ => {}
            }
        }
        (adjectives, before, nouns)
    });

/// Whether word `k` is "центр"/"цэнтр" in any case after an adjective of children's care
/// ("навчально-реабілітаційного центру «Чайка»", "дзіцячы рэабілітацыйна-аздараўленчы цэнтр
/// «Зорны бераг»"): the quoted name after it is a facility's.
fn is_care_centre(doc: &Document, k: usize) -> bool {
    let f = doc.words[k].folded.as_str();
    let centre = (f.starts_with("центр") || f.starts_with("цэнтр")) && f.chars().count() <= 7;
    centre
        && k > 0
        && CARE_CENTRE
            .0
            .iter()
            .any(|a| doc.words[k - 1].folded.contains(a.as_str()))
}

/// Facilities the gazetteer lacks, named in quotes after a word for a camp or sanatorium
/// ("в лагерях «Звездный» и «Россонь»", "the "Zvezdny" camp") or, in English, by a
/// capitalised name before "camp" / "health resort" ("the Sosnovaya Roshcha health
/// centre"); and every later quoted mention of such a name ("у «Нёмане»"). A quoted
/// settlement's name after such a word is the facility ("табір «Сонячний»"). The work per
/// word is a look at the gap before it; a hash lookup at an opening quote.
fn find_facilities(doc: &Document, spans: &mut Vec<PlaceSpan>, extra: &mut Vec<GazetteerEntry>) {
    let words = &doc.words;
    let (before, after) = &*FACILITY_HEADS;
    let base = GAZETTEER.entries.len() as u32;
    let mut keys: Vec<String> = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut found: Vec<(usize, usize)> = Vec::new();
    for i in 1..words.len() {
        let s = doc.sentence_of(i);
        if s.shouting || !words[i].cap || i <= s.first_word {
            continue;
        }
        let quoted_end = doc.quoted_name_end(i, 4);
        let end = match quoted_end {
            Some(e) => e,
            None => {
                // English: "the Sosnovaya Roshcha health centre", "at the Solnechny health
                // resort": one or two capitalised Latin words after "the", then the noun.
                if words[i].cyrillic || words[i - 1].folded != "the" {
                    continue;
                }
                let mut e = i + 1;
                while e < s.end_word && e < i + 2 && words[e].cap && doc.gap(e - 1, e) == " " {
                    e += 1;
                }
                e
            }
        };
        // The head before the opening quote, or the second of a list after one ("в лагерях
        // «Звездный» и «Россонь»").
        let head_before = quoted_end.is_some()
            && (before.contains(doc.keys[i - 1].as_str())
                || is_care_centre(doc, i - 1)
                || i >= 2
                    && matches!(words[i - 1].folded.as_str(), "и" | "і" | "та" | "й" | "and")
                    && last_end == Some(i - 1));
        // The English noun after the name, past the closing quote: "camp", "health resort".
        // Lowercase: a title-case headline ("Held in Russian "Re-education" Camp") names none.
        let next = |k: usize| (k < s.end_word && !words[k].cap).then(|| doc.keys[k].as_str());
        // "Zorka children's centre", "Rodnik rehabilitation centre", "Kalynka children's
        // home": a centre or home for children's care (`data/lexicon/care_centre_words.txt`).
        let lowercase =
            |k: usize| (k < s.end_word && !words[k].cap).then(|| words[k].folded.as_str());
        let care_after = lowercase(end).is_some_and(|w| CARE_CENTRE.1.contains(w))
            && lowercase(end + 1).is_some_and(|w| CARE_CENTRE.2.contains(w));
        let head_after = !words[i].cyrillic
            && (next(end).is_some_and(|k| after.contains(k))
                && !matches!(next(end), Some("centre" | "center" | "resort"))
                || next(end) == Some("health") && next(end + 1).is_some_and(|k| after.contains(k))
                || care_after);
        // Only a name with a head, or a quoted one once a facility is known, costs a key.
        if !(head_before || head_after || quoted_end.is_some() && !keys.is_empty()) {
            continue;
        }
        let key = crate::gazetteer::name_key(&doc.text[words[i].start..words[end - 1].end]);
        let seen = quoted_end.is_some() && keys.iter().any(|k| same_name_in_other_case(k, &key));
        if !(head_before || head_after || seen) {
            continue;
        }
        let known = spans.iter().any(|p| {
            p.first_word < end && i < p.end_word && {
                let e = &GAZETTEER.entries[p.entry as usize];
                e.kind != crate::PlaceKind::Settlement
            }
        });
        if known {
            continue;
        }
        let names_people = (i..end).any(|k| {
            crate::lexicon::DEMONYMS.contains(words[k].folded.as_str())
                || crate::lexicon::NOT_NAMES.contains(words[k].folded.as_str())
        });
        if names_people {
            continue;
        }
        if !keys.contains(&key) {
            keys.push(key);
        }
        found.push((i, end));
        last_end = Some(end);
    }
    // A quoted mention before the one a head introduces ("отдыхали в «Звонких ключах»" before
    // "лагерь «Звонкие ключи»"): the same name in another case, once the name is known.
    if !keys.is_empty() {
        for i in 1..words.len() {
            let Some(end) = doc.quoted_name_end(i, 4) else {
                continue;
            };
            let s = doc.sentence_of(i);
            let taken = found.iter().any(|&(a, e)| a < end && i < e)
                || spans.iter().any(|p| p.first_word < end && i < p.end_word);
            if taken || s.shouting || !words[i].cap || i <= s.first_word {
                continue;
            }
            let key = crate::gazetteer::name_key(&doc.text[words[i].start..words[end - 1].end]);
            if keys.iter().any(|k| same_name_in_other_case(k, &key)) {
                found.push((i, end));
            }
        }
        found.sort_unstable();
    }
    for (i, end) in found {
        let text = &doc.text[words[i].start..words[end - 1].end];
        let key = crate::gazetteer::name_key(text);
        // A settlement's span inside the name gives way to the facility.
        spans.retain(|p| !(p.first_word < end && i < p.end_word));
        let id = match extra.iter().position(|e| {
            e.names
                .iter()
                .any(|n| same_name_in_other_case(&crate::gazetteer::name_key(n), &key))
        }) {
            Some(k) => base + k as u32,
            None => add_extra(extra, crate::PlaceKind::Facility, text.to_string()),
        };
        spans.push(place_span(doc, i, end, id));
    }
    spans.sort_by_key(|p| p.start);
}

/// A place of this text the gazetteer lacks, added to `extra`: its entry's id, past the
/// gazetteer's own.
fn add_extra(extra: &mut Vec<GazetteerEntry>, kind: crate::PlaceKind, name: String) -> u32 {
    extra.push(GazetteerEntry {
        kind,
        country: None,
        population: 0,
        canonical: name.clone(),
        names: vec![name],
    });
    (GAZETTEER.entries.len() + extra.len() - 1) as u32
}

/// The span of words `first..end` naming place `entry`.
fn place_span(doc: &Document, first: usize, end: usize, entry: u32) -> PlaceSpan {
    PlaceSpan {
        first_word: first,
        end_word: end,
        start: doc.words[first].start,
        end: doc.words[end - 1].end,
        entry,
    }
}

/// Whether two name keys (stemmed words joined by spaces) are one name in two cases: as many
/// words, each pair [`same_word_in_other_case`] ("звонких ключах" / "звонки ключ",
/// "пружанскіх сосн" / "пружанск сосн").
fn same_name_in_other_case(a: &str, b: &str) -> bool {
    let (mut wa, mut wb) = (a.split(' '), b.split(' '));
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word_in_other_case(x, y) => {}
            _ => return false,
        }
    }
}

/// Whether two words are one word in two cases: equal, or sharing all but at most two of the
/// longer one's letters and at least three (the ending, and a stem's last consonant that may
/// alternate: «Бярозка» / «Бярозцы», «Чайка» / «Чайцы»).
pub(crate) fn same_word_in_other_case(x: &str, y: &str) -> bool {
    if x == y {
        return true;
    }
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    let longer = x.chars().count().max(y.chars().count());
    common >= 3 && common + 2 >= longer
}

/// The key of a plural town name from its genitive plural with a fleeting vowel:
/// "олешок" (of "Олешки") -> the key of "олешки".
fn genitive_plural_key(folded: &str) -> Option<String> {
    let base = folded
        .strip_suffix("ок")
        .or_else(|| folded.strip_suffix("ек"))?;
    (base.chars().count() >= 3)
        .then(|| crate::gazetteer::word_key(&format!("{base}ки")).to_string())
}

/// The gazetteer keys of the nominatives a Cyrillic word has as a place or a word of a place
/// name in the morphological dictionaries ("ростова-на-дону" -> "ростов-на-дон", "нижнего"
/// -> "нижн"), without its own key; each says whether the dictionary marks the word as a
/// place (else it is a common word of a place name, as "нижний", "перемога").
fn dictionary_keys(doc: &Document, k: usize) -> Vec<(String, bool)> {
    let w = &doc.words[k];
    if !w.cyrillic {
        return Vec::new();
    }
    let readings = crate::morph::readings(&w.folded);
    // A word that may be a person's name ("Марією") counts only where the dictionary marks
    // it as a place.
    let personal = readings.iter().any(|r| {
        matches!(
            r.kind,
            crate::morph::Kind::Given
                | crate::morph::Kind::Surname
                | crate::morph::Kind::Patronymic
        )
    });
    let mut out: Vec<(String, bool)> = Vec::new();
    for r in readings {
        let place = match r.kind {
            crate::morph::Kind::Place => true,
            crate::morph::Kind::NameWord if !personal => false,
            _ => continue,
        };
        if r.is_nominative() {
            continue;
        }
        let nominative = crate::normalize::fold(&r.nominative(&w.folded));
        let key = crate::gazetteer::word_key(&nominative);
        // A short key names no settlement alone (the rule of the plain lookup).
        if key == doc.keys[k].as_str() || key.chars().count() < 4 {
            continue;
        }
        match out.iter_mut().find(|(o, _)| o == key) {
            Some(o) => o.1 |= place,
            None => out.push((key.to_string(), place)),
        }
    }
    out
}

/// [`dictionary_keys`] of the words of one text, each computed when first asked for: a word
/// is asked for as the first of a name and again as the second or third after another.
struct DictionaryKeys(Vec<Option<Vec<(String, bool)>>>);

impl DictionaryKeys {
    /// The keys of word `k`, computed now if they were not yet.
    fn of(&mut self, doc: &Document, k: usize) -> &[(String, bool)] {
        if self.0.len() < doc.words.len() {
            self.0.resize(doc.words.len(), None);
        }
        self.0[k].get_or_insert_with(|| dictionary_keys(doc, k))
    }

    /// The keys of word `k` as computed by [`DictionaryKeys::of`] (none before).
    fn kept(&self, k: usize) -> &[(String, bool)] {
        self.0.get(k).and_then(Option::as_deref).unwrap_or(&[])
    }
}

/// Whether the dictionary gives a word as a form of a name of the entry: "Тулы" is a form of
/// the town Тула, though its stem "тул" is too short to name a town alone. Opening a
/// sentence, only a reading the dictionary marks as a place counts (see `dictionary_place`).
fn dictionary_names_place(folded: &str, entry: u32, initial: bool) -> bool {
    let names = &GAZETTEER.entries[entry as usize].names;
    crate::morph::readings(folded)
        .iter()
        .filter(|r| {
            r.kind == crate::morph::Kind::Place
                || r.kind == crate::morph::Kind::NameWord && !initial
        })
        .any(|r| {
            let nominative = crate::normalize::fold(&r.nominative(folded));
            names
                .iter()
                .any(|n| crate::normalize::fold(n) == nominative)
        })
}

/// The oblique endings of short settlement names and their nominatives
/// (`data/lexicon/short_place_case_endings.tsv`), folded.
static SHORT_PLACE_CASE_ENDINGS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/short_place_case_endings.tsv"))
        .filter_map(|line| {
            let (oblique, nominative) = line.split_once('\t')?;
            let nominative = if nominative.trim() == "-" {
                ""
            } else {
                nominative.trim()
            };
            Some((
                crate::normalize::fold(oblique.trim()),
                crate::normalize::fold(nominative),
            ))
        })
        .collect()
});

/// "з Оршы", "у Лідзе": whether a short word, its ending put back into the nominative by
/// one of the rules, is a name of the gazetteer entry its key found. The dictionaries have
/// no Belarusian forms, and a short stem alone ("орш", "лід") is too weak a key to trust.
fn oblique_names_place(folded: &str, entry: u32) -> bool {
    let names = &GAZETTEER.entries[entry as usize].names;
    SHORT_PLACE_CASE_ENDINGS
        .iter()
        .any(|(oblique, nominative)| {
            folded.strip_suffix(oblique.as_str()).is_some_and(|base| {
                base.chars().count() >= 2 && {
                    let candidate = format!("{base}{nominative}");
                    names.iter().any(|n| crate::normalize::fold(n) == candidate)
                }
            })
        })
}

/// A place of one to three words found by the dictionary forms of its words, longest first;
/// at least one word must have been put into its nominative (the plain keys were tried).
/// A lone word opening a sentence, where any word is capitalised, counts only when the
/// dictionary marks it as a place: "Перемозі передували місяці" (victory) is no village
/// Peremoha.
fn dictionary_place(
    doc: &Document,
    i: usize,
    end: usize,
    known: &mut DictionaryKeys,
) -> Option<(usize, u32)> {
    let g = &*GAZETTEER;
    if known.of(doc, i).is_empty() && !g.first_words.contains(doc.keys[i].as_str()) {
        return None;
    }
    let initial = i == doc.sentence_of(i).first_word;
    let mut k = i + 1;
    while k < end && k < i + 3 && matches!(doc.gap(k - 1, k), " " | "-" | "\u{a0}") {
        if !doc.words[k].cyrillic {
            break;
        }
        known.of(doc, k);
        k += 1;
    }
    let alternatives: Vec<&[(String, bool)]> = (i..k).map(|j| known.kept(j)).collect();
    for n in (1..=alternatives.len()).rev() {
        // Every choice of plain key or dictionary key per word, with one dictionary key at least.
        let choices: Vec<Vec<Option<&str>>> = alternatives[..n]
            .iter()
            .map(|alt| {
                std::iter::once(None)
                    .chain(
                        alt.iter()
                            .filter(|(_, place)| *place || !(initial && n == 1))
                            .map(|(a, _)| Some(a.as_str())),
                    )
                    .collect()
            })
            .collect();
        let mut pick = vec![0usize; n];
        loop {
            if pick.iter().any(|&p| p > 0) {
                let mut joined = String::new();
                for (j, &p) in pick.iter().enumerate() {
                    if j > 0 {
                        joined.push(' ');
                    }
                    joined.push_str(choices[j][p].unwrap_or(doc.keys[i + j].as_str()));
                }
                if let Some(ids) = g.index.get(&joined) {
                    return Some((n, ids[0]));
                }
            }
            // The next combination.
            let mut j = 0;
            while j < n {
                pick[j] += 1;
                if pick[j] < choices[j].len() {
                    break;
                }
                pick[j] = 0;
                j += 1;
            }
            if j == n {
                break;
            }
        }
    }
    None
}

fn keys_are_place(keys: &[CompactString]) -> bool {
    GAZETTEER.index.contains_key(&keys.join(" "))
}

fn is_region_word(key: &str) -> bool {
    matches!(
        key,
        "region" | "oblast" | "област" | "обл" | "краи" | "krai" | "kray" | "вобласц" | "абласц"
    )
}

/// The stem of a Cyrillic place adjective, the same in Ukrainian, Russian and Belarusian
/// case forms: "херсонська", "Херсонской", "Херсонскай" -> "херсонск"; "Брэсцкай" ->
/// "брэсцк". None when the word does not end like an adjective in -ськ-/-ск-/-цк-/-зьк-.
fn adjective_stem(folded: &str) -> Option<String> {
    let k = folded.rfind('к')?;
    let tail = &folded[k + 'к'.len_utf8()..];
    // Adjectival endings have two letters or more ("-а", "-у" end the nouns "Мінська",
    // "Мінську").
    let ending_ok = tail.chars().count() >= 2
        && tail.chars().count() <= 4
        && tail.chars().all(|c| "аеиоуыіюяйхмг".contains(c));
    if !ending_ok {
        return None;
    }
    let base = &folded[..k];
    let base = base.strip_suffix('ь').unwrap_or(base);
    (base.chars().count() >= 3).then(|| format!("{base}к"))
}

/// Regions by the stem of the adjective of their Cyrillic name ("Херсонська область",
/// "Брэсцкая вобласць", "Краснодарский край"), so that the adjective alone or in a
/// coordinated list finds the region ("у Гомельській", "Мінскай і Брэсцкай абласцей").
static REGION_ADJECTIVES: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for (i, e) in GAZETTEER.entries.iter().enumerate() {
        if e.kind != crate::PlaceKind::Region {
            continue;
        }
        for name in &e.names {
            let words: Vec<&str> = name.split_whitespace().collect();
            let [adjective, head] = words[..] else {
                continue;
            };
            let head = crate::normalize::fold(head);
            let region_head = ["област", "вобласц", "краи", "край"]
                .iter()
                .any(|h| head.starts_with(h));
            if !region_head {
                continue;
            }
            // The Ukrainian nominative ("Псковська", "Донецька") ends in one letter after
            // "к", which `adjective_stem` leaves to nouns; before "область" it is the adjective.
            let folded = crate::normalize::fold(adjective);
            let stem = adjective_stem(&folded).or_else(|| {
                folded
                    .strip_suffix("ька")
                    .or_else(|| folded.strip_suffix("ка"))
                    .filter(|b| b.chars().count() >= 3)
                    .map(|b| format!("{b}к"))
            });
            if let Some(stem) = stem {
                out.entry(stem).or_insert(i as u32);
            }
        }
    }
    out
});

/// A region named by its adjective: followed by a region word ("Херсонскай вобласці"), by
/// another such adjective and a plural region word ("Мінскай і Брэсцкай абласцей"), or
/// standing alone after a preposition ("у Гомельській", "в Брестской"). Returns the
/// number of words (the region word included when it follows) and the entry.
fn region_adjective(doc: &Document, i: usize) -> Option<(usize, u32)> {
    let words = &doc.words;
    let w = &words[i];
    let entry = *REGION_ADJECTIVES.get(&adjective_stem(&w.folded)?)?;
    let end = doc.sentence_of(i).end_word;
    let next_key = |k: usize| (k < end).then(|| doc.keys[k].as_str());
    if next_key(i + 1).is_some_and(is_region_word) && doc.gap(i, i + 1) == " " {
        return Some((2, entry));
    }
    let joiner = |k: usize| matches!(words[k].folded.as_str(), "і" | "и" | "та" | "й");
    let adjective =
        |k: usize| k < end && words[k].cap && adjective_stem(&words[k].folded).is_some();
    // "Мінскай і Брэсцкай абласцей", "Гомельської, Мінської та Брестської областей": one of
    // a list of adjectives before a plural region word.
    let mut k = i;
    let mut joined = false;
    for _ in 0..5 {
        if k > i && next_key(k + 1).is_some_and(is_region_word) && doc.gap(k, k + 1) == " " {
            joined = true;
            break;
        }
        if k + 2 < end && joiner(k + 1) && adjective(k + 2) {
            k += 2;
        } else if k + 1 < end && doc.gap(k, k + 1).trim() == "," && adjective(k + 1) {
            k += 1;
        } else {
            break;
        }
    }
    // "Мінскай і Брэсцкай абласцей": the second, before the region word.
    let second = i >= 2
        && matches!(words[i - 1].folded.as_str(), "і" | "и" | "та" | "й")
        && next_key(i + 1).is_some_and(is_region_word);
    if joined {
        return Some((1, entry));
    }
    if second {
        return Some((1, entry));
    }
    // "у Гомельській", "в Брестской": after a preposition, with no noun after it.
    let after_preposition = i > 0
        && matches!(
            words[i - 1].folded.as_str(),
            "у" | "в" | "во" | "на" | "з" | "із" | "с" | "по" | "из"
        );
    let no_noun_after = i + 1 >= end
        || doc.gap(i, i + 1).trim() != ""
        || matches!(words[i + 1].folded.as_str(), "і" | "и" | "та" | "й");
    // "из Херсонской и Запорожской": the second of a pair after a preposition.
    let second_after_preposition = i >= 3
        && joiner(i - 1)
        && adjective_stem(&words[i - 2].folded).is_some_and(|s| REGION_ADJECTIVES.contains_key(&s))
        && matches!(
            words[i - 3].folded.as_str(),
            "у" | "в" | "во" | "на" | "з" | "із" | "с" | "по" | "из"
        );
    ((after_preposition || second_after_preposition) && no_noun_after).then_some((1, entry))
}

/// Whether a folded word is a form of a region's adjective ("гомельскага", "херсонской").
pub(crate) fn is_region_adjective(folded: &str) -> bool {
    adjective_stem(folded).is_some_and(|s| REGION_ADJECTIVES.contains_key(&s))
}

/// Feminine adjective endings after "-ськ-"/"-ск-"/"-цк-" (folded: "й" is "и"): "-ої",
/// "-ой", "-ая", "-ую", "-ою", "-ій", "-ай", "-ей" ("Луганської", "Херсонской", "Брэсцкай").
fn has_feminine_adjective_ending(folded: &str) -> bool {
    let Some(k) = folded.rfind('к') else {
        return false;
    };
    matches!(
        &folded[k + 'к'.len_utf8()..],
        "оі" | "ои"
            | "ая"
            | "ую"
            | "ою"
            | "іи"
            | "аи"
            | "еи"
            | "ої"
            | "ой"
            | "ій"
            | "ай"
            | "ей"
    )
}

/// Keys of the words for a district (folded: "й" is "и", "ё" "е"): "район" (any case:
/// "району", "районі"), Belarusian "раён", English "district" / "raion".
fn is_district_word(key: &str) -> bool {
    matches!(
        key,
        "раион" | "раен" | "district" | "raion" | "rayon" | "districts"
    ) || is_okrug_word(key)
}

/// Keys of the word for a municipal district ("округ", "окрузі", Belarusian "акруга"), which
/// the occupation authorities and Russia's regions name their districts with ("Горловского
/// округа", "в Шебекинском округе").
fn is_okrug_word(key: &str) -> bool {
    matches!(key, "округ" | "окруз" | "акруг" | "акруз")
}

/// Districts the gazetteer lacks, named by their centre's adjective before a district word:
/// "в Гдовском районе", "администрации Лискинского района", "у Барысаўскім раёне",
/// "Пологівського району", "Шебекинского округа". Russia's and Belarus's districts are
/// named after small towns the gazetteer does not list, and the press names them this way
/// far more often than by the town. Each becomes a region of this text, named in the
/// nominative of the text's language ("Гдовский район"), so its case forms are one place.
/// A one-word settlement read from the adjective alone gives way to the district. Several
/// adjectives may share one plural district word, a level word may come before "округ", and a
/// district may be named by its informal "-шчына"/"-щина" name, which is the known region or
/// district of the same stem when there is one.
fn find_unlisted_districts(
    doc: &Document,
    spans: &mut Vec<PlaceSpan>,
    extra: &mut Vec<GazetteerEntry>,
) {
    let words = &doc.words;
    let base = GAZETTEER.entries.len() as u32;
    // (first word, end word, the gazetteer's district or the name of a new one)
    let mut found: Vec<(usize, usize, Result<u32, String>)> = Vec::new();
    let cap_adjective = |k: usize| {
        let w = &words[k];
        w.cyrillic && w.cap && !w.all_caps && adjective_stem(&w.folded).is_some()
    };
    let mut i = 0;
    while i + 1 < words.len() {
        let s = doc.sentence_of(i);
        if s.shouting || !cap_adjective(i) {
            i += 1;
            continue;
        }
        // Adjectives of several centres before one plural district word ("Мелитопольского,
        // Бердянского и Васильевского муниципальных округов").
        let spaced = |k: usize| k < s.end_word && doc.gap(k - 1, k) == " ";
        let mut k = i + 1;
        loop {
            if spaced(k)
                && matches!(words[k].folded.as_str(), "и" | "і" | "та" | "й" | "ды")
                && spaced(k + 1)
                && cap_adjective(k + 1)
            {
                k += 2;
            } else if k < s.end_word && doc.gap(k - 1, k) == ", " && cap_adjective(k) {
                k += 1;
            } else {
                break;
            }
        }
        // "Мелитопольского муниципального округа", "Старооскольского городского округа".
        let mut d = k;
        if spaced(d) && is_district_level(&words[d].folded) {
            d += 1;
        }
        if !spaced(d) || !is_district_word(&doc.keys[d]) {
            i += 1;
            continue;
        }
        let adjectives: Vec<usize> = (i..k).filter(|&a| cap_adjective(a)).collect();
        for &a in &adjectives {
            let end = if a + 1 == k { d + 1 } else { a + 1 };
            // Another place's span over these words (a district the gazetteer knows, a
            // region) stands; only a settlement read from the adjective alone gives way.
            let taken = spans.iter().any(|p| {
                p.first_word < end
                    && a < p.end_word
                    && !(p.first_word == a
                        && p.end_word == a + 1
                        && entry_in(extra, p.entry).kind == crate::PlaceKind::Settlement)
            });
            let Some(stem) = adjective_stem(&words[a].folded) else {
                continue;
            };
            if taken || stem.chars().count() < 5 {
                continue;
            }
            let target = match district_by_stem(&stem) {
                Some(entry) => Ok(entry),
                None => {
                    // The name as written, not folded ("Барысаўскі", not "Барысаускі").
                    let written = doc.word_text(a).to_lowercase();
                    let stem = adjective_stem(&written).unwrap_or(stem);
                    Err(district_nominative(&stem, &written, &words[d].folded))
                }
            };
            found.push((a, end, target));
        }
        i = d + 1;
    }
    // Districts by their informal "-шчына"/"-щина" name the gazetteer lacks ("на Мядзельшчыне",
    // "Случчыну", "з Пологівщини").
    for (i, w) in words.iter().enumerate().skip(1) {
        let s = doc.sentence_of(i);
        if !w.cyrillic || !w.cap || w.all_caps || s.shouting || i == s.first_word {
            continue;
        }
        // The ending first: few words have it, and the spans are many in a long text.
        if !(w.folded.contains("щин") || w.folded.contains("чын")) {
            continue;
        }
        let written = doc.word_text(i).to_lowercase();
        let Some((name, stem)) = informal_district_name(&written) else {
            continue;
        };
        let taken = spans.iter().any(|p| p.first_word <= i && i < p.end_word)
            || found.iter().any(|(a, e, _)| *a <= i && i < *e);
        if taken {
            continue;
        }
        // The region or district whose adjective has the same stem is the place named
        // ("Запарожчыны" is Запарожская вобласць, "Мядзельшчыне" the text's "Мядзельскі раён").
        let adjective = format!("{}ск", crate::normalize::fold(&stem).replace('ь', ""));
        let target = match REGION_ADJECTIVES
            .get(&adjective)
            .copied()
            .or_else(|| district_by_stem(&adjective))
        {
            Some(entry) => Ok(entry),
            None => Err(found
                .iter()
                .find_map(|(_, _, t)| match t {
                    Err(c) if crate::normalize::fold(c).starts_with(&adjective) => Some(c.clone()),
                    _ => None,
                })
                .unwrap_or(name)),
        };
        found.push((i, i + 1, target));
    }
    found.sort_by_key(|(a, _, _)| *a);
    for (first, end, target) in found {
        spans.retain(|p| !(p.first_word == first && p.end_word == first + 1));
        let id = match target {
            Ok(entry) => entry,
            Err(canonical) => match extra.iter().position(|e| e.canonical == canonical) {
                Some(k) => base + k as u32,
                None => add_extra(extra, crate::PlaceKind::Region, canonical),
            },
        };
        spans.push(place_span(doc, first, end, id));
    }
    spans.sort_by_key(|p| p.start);
}

/// The district the gazetteer names by an adjective's stem ([`adjective_stem`]), with or
/// without a soft sign before its suffix: the Belarusian town is "Мядзел", its adjective
/// "Мядзельскі".
fn district_by_stem(stem: &str) -> Option<u32> {
    let stems = &crate::gazetteer::DISTRICT_STEMS;
    stems
        .get(stem)
        .or_else(|| {
            stem.contains('ь')
                .then(|| stems.get(&stem.replace('ь', "")))
                .flatten()
        })
        .copied()
}

/// The word between a district's adjective and "округ" that says which kind it is
/// ("муниципального", "городского", "міського"), folded.
fn is_district_level(folded: &str) -> bool {
    ["муниципальн", "муніципальн", "городск", "міськ", "гарадск"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// The nominative of a district's informal name from one of its case forms, written
/// lowercase: Belarusian "-шчына"/"-чына" ("мядзельшчыне" -> "Мядзельшчына", "случчыну" ->
/// "Случчына"), Ukrainian and Russian "-щина" ("пологівщини" -> "Пологівщина"). None for
/// other words and for the words for a fatherland (Батьківщина, Бацькаўшчына, Айчына). The
/// stem before the suffix comes second ("мядзель").
fn informal_district_name(written: &str) -> Option<(String, String)> {
    const ENDINGS: [&str; 9] = ["а", "ы", "е", "у", "ай", "і", "и", "ою", "ой"];
    let (stem, suffix) = ["шчын", "щин", "чын"].iter().find_map(|suffix| {
        ENDINGS.iter().find_map(|e| {
            written
                .strip_suffix(e)
                .and_then(|w| w.strip_suffix(suffix))
                .map(|stem| (stem, *suffix))
        })
    })?;
    let fatherland = ["батьків", "бацькаў", "айч", "вітч", "отч"]
        .iter()
        .any(|f| stem.starts_with(f));
    if fatherland || stem.chars().count() < 3 {
        return None;
    }
    Some((format!("{}{suffix}а", capitalised(stem)), stem.to_string()))
}

/// The nominative of a district's name from its adjective's stem ([`adjective_stem`]) in the
/// language its words are spelled in: Belarusian "Барысаўскі раён" (a "раён" or a "ў"),
/// Ukrainian "Пологівський район" (a soft sign or "і", "ї", "є"), else Russian "Гдовский
/// район"; "округ" for a municipal district, Belarusian "акруга".
fn district_nominative(stem: &str, adjective: &str, district: &str) -> String {
    // Folded words: "раён" is "раен".
    let okrug = district.starts_with("окру") || district.starts_with("акру");
    let belarusian =
        district.starts_with("раен") || district.starts_with("акру") || adjective.contains('ў');
    let ukrainian = !belarusian && adjective.contains(['ь', 'і', 'ї', 'є']);
    let base = stem.strip_suffix('к').unwrap_or(stem);
    let adjective = if belarusian {
        format!("{base}кі")
    } else if ukrainian && base.ends_with(['с', 'з', 'ц']) {
        format!("{base}ький")
    } else {
        format!("{base}кий")
    };
    let noun = match (belarusian, okrug) {
        (true, true) => "акруга",
        (true, false) => "раён",
        (false, true) => "округ",
        (false, false) => "район",
    };
    format!("{} {noun}", capitalised(&adjective))
}

/// A lowercase word with its first letter in capitals, as a name of a place starts.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A district named by its centre: the town's adjective before a district word
/// ("Мелітопольського району", "Вилейского района") or its "-щина" name ("Мелітопольщини",
/// "Куп'янщини"). Returns the number of words and the district's entry.
fn district_at(doc: &Document, i: usize, end: usize) -> Option<(usize, u32)> {
    let w = &doc.words[i];
    if i + 1 < end && doc.gap(i, i + 1) == " " && is_district_word(&doc.keys[i + 1]) {
        let stem = adjective_stem(&w.folded)?;
        return district_by_stem(&stem).map(|d| (2, d));
    }
    let folded = w.folded.as_str();
    let at = folded.rfind("щин").or_else(|| folded.rfind("шчын"))?;
    let tail = &folded[at..];
    let ending_ok = matches!(
        tail,
        "щина"
            | "щини"
            | "щині"
            | "щину"
            | "щиною"
            | "шчына"
            | "шчыны"
            | "шчыне"
            | "шчыну"
            | "шчынай"
    );
    if !ending_ok {
        return None;
    }
    crate::gazetteer::DISTRICT_STEMS
        .get(&format!("щ:{}", &folded[..at]))
        .map(|&d| (1, d))
}

/// A place of one to three words by the skeletons of their keys ([`crate::gazetteer::skeleton`]):
/// Belarusian forms of names the gazetteer has in Russian or Ukrainian ("Скадоўска", "Новай
/// Кахоўкі", "Растова-на-Доне"). Longest first; skeletons of five letters or more only.
fn skeleton_place(doc: &Document, i: usize, end: usize) -> Option<(usize, u32)> {
    let words = &doc.words;
    // The joined keys after each word; words of a name are joined by spaces or hyphens
    // ("Растова-на-Доне"), as the gazetteer's names are.
    let mut joined = String::new();
    let mut ends: Vec<usize> = Vec::with_capacity(5);
    let mut k = i;
    while k < end && k < i + 5 {
        let w = &words[k];
        let gap = if k > i { doc.gap(k - 1, k) } else { " " };
        // "Бранскую вобласьць", "Маскоўскай вобласці": the region word as the gazetteer
        // spells it in Russian, the adjective's skeleton then finds the region.
        let region_word = k > i
            && (is_region_word(doc.keys[k].as_str())
                || w.folded.replace('ь', "").starts_with("вобласц"));
        if !w.cyrillic || !matches!(gap, " " | "-") || gap == " " && !w.cap && !region_word {
            break;
        }
        if k > i {
            joined.push_str(gap);
        }
        if region_word {
            joined.push_str(&crate::gazetteer::skeleton_key("область", false));
        } else {
            joined.push_str(&crate::gazetteer::skeleton_key(&w.folded, false));
        }
        ends.push(joined.len());
        k += 1;
    }
    for (n, &at) in ends.iter().enumerate().rev() {
        let key = &joined[..at];
        if key.chars().filter(|c| *c != ' ' && *c != '-').count() < 5 {
            continue;
        }
        if let Some(&id) = crate::gazetteer::SKELETONS.get(key) {
            return Some((n + 1, id));
        }
    }
    None
}

fn is_list_joiner(gap_and_word: &str) -> bool {
    matches!(
        gap_and_word,
        "and" | "та" | "і" | "и" | "й" | "&" | "or" | "або" | "или"
    )
}

/// Common words that also name small settlements (`data/lexicon/not_places.txt`), folded.
static NOT_PLACES: LazyLock<rustc_hash::FxHashSet<String>> =
    LazyLock::new(|| crate::wordlist::folded_set(include_str!("../data/lexicon/not_places.txt")));

pub fn find_places(doc: &Document) -> PlacesFound {
    let g = &*GAZETTEER;
    let words = &doc.words;
    let keys = &doc.keys;
    let mut spans: Vec<PlaceSpan> = Vec::new();
    let (mut joined, mut ends) = (String::new(), Vec::new());
    let mut known = DictionaryKeys(Vec::new());
    // Only Belarusian writes "ў": a text with it is read for Belarusian forms of names too.
    let belarusian = doc.text.contains('ў');
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let sentence = doc.sentence_of(i);
        // Ukrainian media write the aggressor state in lowercase ("росія", "рф"): those
        // forms are places whatever their case.
        let lowercase_state = !w.cap
            && w.cyrillic
            && (w.folded == "рф" || w.folded.starts_with("росі") && w.folded.chars().count() <= 6);
        if !(w.cap || lowercase_state) || w.numeric || sentence.shouting {
            i += 1;
            continue;
        }
        let mut found = None;
        let max = if g.first_words.contains(keys[i].as_str()) {
            g.max_words.min(sentence.end_word - i)
        } else {
            0
        };
        // Words of a place name are separated by spaces or hyphens only.
        doc.joined_keys_into(
            i,
            max,
            |gap| matches!(gap, " " | "-" | ". " | "\u{a0}"),
            &mut joined,
            &mut ends,
        );
        for n in (1..=ends.len()).rev() {
            if let Some(ids) = g.index.get(&joined[..ends[n - 1]]) {
                found = Some((n, ids[0]));
                break;
            }
        }
        // A facility whose name is also a common word or a given name, in quotes after
        // an opening quote mark ("санаторий «Надежда»", "the \"Smena\" camp").
        if i > 0
            && doc
                .gap(i - 1, i)
                .trim_start()
                .ends_with(['«', '"', '“', '„'])
        {
            let mut quoted = String::from("«");
            for n in 1..=3.min(sentence.end_word - i) {
                if n > 1 {
                    if doc.gap(i + n - 2, i + n - 1) != " " {
                        break;
                    }
                    quoted.push(' ');
                }
                quoted.push_str(&keys[i + n - 1]);
                if let Some(ids) = g.index.get(&quoted) {
                    found = Some((n, ids[0]));
                }
            }
        }
        // Forms the stems do not reach, through the dictionary: "Ростова-на-Дону", "Нижнего
        // Новгорода", "Кривого Рога".
        // A longer name wins over a one-word match ("у Новій Каховці" is not Kakhovka).
        if w.cyrillic && found.is_none_or(|(n, _)| n == 1) {
            if let Some(d) = dictionary_place(doc, i, sentence.end_word, &mut known) {
                if found.is_none() || d.0 >= 2 {
                    found = Some(d);
                }
            }
        }
        // "a Kyiv-based NGO": the place a body is based in, the compound's first part.
        if found.is_none() && !w.cyrillic {
            if let Some(base) = w.folded.strip_suffix("-based") {
                if let Some(ids) = g.index.get(crate::gazetteer::word_key(base)) {
                    // The span ends at the hyphen as written (folding may change lengths).
                    let text = doc.word_text(i);
                    let cut = text.rfind(['-', '‐', '‑']).unwrap_or(text.len());
                    if g.entries[ids[0] as usize].kind != crate::PlaceKind::Facility && cut > 0 {
                        spans.push(PlaceSpan {
                            first_word: i,
                            end_word: i + 1,
                            start: w.start,
                            end: w.start + cut,
                            entry: ids[0],
                        });
                    }
                }
                i += 1;
                continue;
            }
        }
        // Plural town names lose a vowel in the genitive ("Олешки" -> "з Олешок").
        if found.is_none() && w.cyrillic {
            found = genitive_plural_key(&w.folded)
                .and_then(|k| g.index.get(&k))
                .map(|ids| (1, ids[0]));
        }
        // Neuter names of the young of animals keep a "-т-" in their oblique cases
        // ("Зубраня" -> "Зубраняці", "Зубреня" -> "Зубреняти", "Орлятко" aside).
        if found.is_none() && w.cyrillic {
            found = ["яці", "яти", "ятi"]
                .iter()
                .find_map(|e| w.folded.strip_suffix(e))
                .map(|b| crate::gazetteer::word_key(&format!("{b}я")).to_string())
                .and_then(|k| g.index.get(&k))
                .map(|ids| (1, ids[0]));
        }
        // A region by its adjective ("у Гомельській", "Брэсцкай вобласці").
        // A one-word match yields only to the adjective with its region word after it.
        if w.cyrillic && found.is_none_or(|(n, _)| n == 1) && w.folded.contains('к') {
            if let Some(r) = region_adjective(doc, i) {
                // "из Луганской", "з Луганської": a feminine adjective ending is never a
                // form of the town ("из Луганска", "під Луганськом").
                if found.is_none() || r.0 == 2 || has_feminine_adjective_ending(&w.folded) {
                    found = Some(r);
                }
            }
        }
        // Districts by their centre ("Мелітопольського району", "Мелітопольщини").
        // A one-word match yields only to an adjective before a district word (the "-щина"
        // name of an oblast is the oblast, found above).
        let district_word_next = i + 1 < sentence.end_word && is_district_word(&keys[i + 1]);
        if w.cyrillic
            && (found.is_none() || district_word_next && found.is_some_and(|(n, _)| n == 1))
        {
            if let Some(d) = district_at(doc, i, sentence.end_word) {
                if found.is_none() || d.0 == 2 {
                    found = Some(d);
                }
            }
        }
        // "Borisov District", "Izium district", "Вилейка район": a town's name before a
        // district word names its district (English writes the word in either case).
        if let Some((n, entry)) = found {
            let next = i + n;
            if g.entries[entry as usize].kind == crate::PlaceKind::Settlement
                && next < sentence.end_word
                && doc.gap(next - 1, next) == " "
                && is_district_word(&keys[next])
            {
                if let Some(d) = crate::gazetteer::district_of(entry) {
                    found = Some((n + 1, d));
                }
            }
        }
        // Belarusian forms of names known in Russian or Ukrainian spelling.
        // A longer name wins over a one-word match ("Новай Кахоўкі" is not Kakhovka).
        if belarusian && w.cyrillic && i > sentence.first_word && found.is_none_or(|(n, _)| n == 1)
        {
            if let Some(sk) = skeleton_place(doc, i, sentence.end_word) {
                if found.is_none() || sk.0 >= 2 {
                    found = Some(sk);
                }
            }
        }
        let Some((n, entry)) = found else {
            i += 1;
            continue;
        };
        // A single common word, a given name before a surname, or a short stem is not a place.
        if n == 1 {
            let kind = g.entries[entry as usize].kind;
            let next = i + 1;
            let next_is_name = next < sentence.end_word
                && words[next].cap
                && doc.gap(i, next) == " "
                && !keys_are_place(&keys[next..(next + 1)])
                && !NOT_NAMES.contains(words[next].folded.as_str())
                && !ROLES.contains(words[next].folded.as_str())
                && !ORG_HEADS.contains(words[next].folded.as_str());
            let settlement = matches!(
                kind,
                crate::PlaceKind::Settlement | crate::PlaceKind::Facility
            );
            // "Украинский омбудсмен": an adjective before a noun, not the town Ukrainsk.
            let adjective_before_noun = w.cyrillic
                && crate::persons::has_adjectival_ending(&w.folded)
                && next < sentence.end_word
                && !words[next].cap
                && doc.gap(i, next) == " "
                && words[next].folded.chars().count() > 3
                && !is_region_word(&keys[next]);
            // "в Грозный выехали": the town's own name, though it ends like an adjective.
            let own_name = || {
                g.entries[entry as usize]
                    .names
                    .iter()
                    .any(|n| crate::normalize::fold(n) == w.folded.as_str())
            };
            if settlement && adjective_before_noun && !own_name() {
                i += 1;
                continue;
            }
            // "Шевцов Дмитрий", "Кравцов Сергій": a given name after a surname (official
            // surname-first order) is part of a person's name.
            let after_name = i > sentence.first_word
                && words[i - 1].cap
                && !words[i - 1].all_caps
                && doc.gap(i - 1, i) == " "
                && !keys_are_place(&keys[i - 1..i])
                && !NOT_NAMES.contains(words[i - 1].folded.as_str())
                && !ROLES.contains(words[i - 1].folded.as_str())
                && !ORG_HEADS.contains(words[i - 1].folded.as_str());
            // "в Москве Ахмед ан-Нуайми": after a preposition a town's name is a place, though a
            // name follows it.
            let after_preposition = i > sentence.first_word
                && matches!(
                    words[i - 1].folded.as_str(),
                    "в" | "у"
                        | "во"
                        | "з"
                        | "із"
                        | "из"
                        | "с"
                        | "под"
                        | "під"
                        | "пад"
                        | "ў"
                        | "да"
                        | "до"
                        | "каля"
                        | "біля"
                        | "in"
                        | "from"
                        | "to"
                        | "near"
                );
            // "Людмила Лубина", "Олена Маслова": a settlement's name right after a given name
            // is a surname.
            let after_given_name = i > sentence.first_word
                && words[i - 1].cap
                && doc.gap(i - 1, i) == " "
                && is_given_name(&words[i - 1].folded);
            // "Очільник Мелітополя Іван Федоров": a town the dictionary knows only as a
            // place, before a given name and a surname, is no part of that name.
            let before_full_name = next_is_name
                && settlement
                && is_given_name(&words[next].folded)
                && next + 1 < sentence.end_word
                && words[next + 1].cap
                && doc.gap(next, next + 1) == " "
                && w.cyrillic
                && {
                    let readings = crate::morph::readings(&w.folded);
                    readings.iter().any(|r| {
                        matches!(
                            r.kind,
                            crate::morph::Kind::Place | crate::morph::Kind::NameWord
                        )
                    }) && !readings.iter().any(|r| {
                        matches!(
                            r.kind,
                            crate::morph::Kind::Given | crate::morph::Kind::Surname
                        )
                    })
                };
            // "Петрова А. С.", "Бондарь И. В.": a settlement's name before initials is a
            // surname (official style puts initials after it).
            let before_initials = i + 1 < sentence.end_word
                && w.cyrillic
                && words[i + 1].initial
                && words[i + 1].cyrillic
                && doc.gap(i, i + 1) == " ";
            // "Сёння", "Перамогі", "Решта": a common word that names some small settlement
            // too. "Artem", "Софія": a given name alone, with no preposition of place
            // before it, is a person's (children are named by first name alone), unless
            // it names a city (Geneva) or heads a dateline ("GENEVA –").
            let common_word = NOT_PLACES.contains(w.folded.as_str())
                || kind == crate::PlaceKind::Settlement
                    && g.entries[entry as usize].population < 150_000
                    && !w.all_caps
                    && is_given_name(&w.folded)
                    && !after_preposition;
            if common_word
                || NOT_NAMES.contains(w.folded.as_str()) && kind != crate::PlaceKind::Country
                || settlement && (after_given_name || before_initials)
                || is_given_name(&w.folded) && after_name
                || (is_given_name(&w.folded) || settlement && !after_preposition)
                    && next_is_name
                    && !before_full_name
                || w.all_caps
                    && w.folded.chars().count() <= 3
                    && !matches!(kind, crate::PlaceKind::Country | crate::PlaceKind::Region)
                || settlement
                    && keys[i].chars().count() < 4
                    && !dictionary_names_place(&w.folded, entry, i == sentence.first_word)
                    && !(after_preposition && oblique_names_place(&w.folded, entry))
                // "Дані свідчать…", "Того дня…": a word opening a sentence whose short stem
                // happens to be a country's ("дан" of Данія, "тог" of Того) is a place only
                // when the dictionary reads it as one.
                || w.cyrillic
                    && i == sentence.first_word
                    && n == 1
                    && keys[i].chars().count() < 4
                    && !dictionary_names_place(&w.folded, entry, false)
            {
                i += 1;
                continue;
            }
        }
        spans.push(PlaceSpan {
            first_word: i,
            end_word: i + n,
            start: w.start,
            end: words[i + n - 1].end,
            entry,
        });
        i += n;
    }
    reread_region_lists(doc, keys, &mut spans);
    let mut extra = Vec::new();
    find_unlisted_districts(doc, &mut spans, &mut extra);
    find_facilities(doc, &mut spans, &mut extra);
    PlacesFound {
        places: group(doc, &spans, &extra),
        spans,
        extra,
    }
}

impl PlacesFound {
    /// Drops places named inside an organization's name ("Kyiv Independent",
    /// "Ministry of Foreign Affairs of Ukraine"): they name the organization, not a place.
    pub fn drop_inside(&mut self, doc: &Document, orgs: &[crate::orgs::OrgSpan]) {
        let before = self.spans.len();
        // The region a body serves, named at its end ("Головного управління СБУ в Донецькій
        // та Луганській областях", "Министерства труда ... Ростовской области"), is a place
        // the text names as well; a state or town inside a name ("Министерство ... Украины",
        // "Kyiv District Court") is only part of the name.
        let served_region = |p: &PlaceSpan, o: &crate::orgs::OrgSpan| {
            o.end_word > o.first_word
                && (is_region_word(&doc.keys[o.end_word - 1])
                    || crate::orgs::is_district_word(&doc.words[o.end_word - 1].folded))
                && p.first_word + 4 >= o.end_word
        };
        // The city a court or an administration serves, after the word or abbreviation
        // for "city" at the end of its name ("районний суд м. Херсона", "администрации
        // города Мариуполя"), is a place the text names too.
        let served_city = |p: &PlaceSpan, o: &crate::orgs::OrgSpan| {
            p.end_word == o.end_word
                && p.first_word > o.first_word
                && matches!(
                    doc.words[p.first_word - 1].folded.as_str(),
                    "г" | "м" | "міста" | "города" | "горада"
                )
        };
        // A state's mission is named by two places the text names: the state it represents
        // and where it sits ("Embassy of Ukraine in Poland", "Посольства Швеції в Україні").
        let mission = |o: &crate::orgs::OrgSpan| {
            (o.first_word..o.end_word).any(|k| crate::orgs::is_mission_head(&doc.keys[k]))
        };
        // The state a body belongs to, ending its name ("Міністерство … України",
        // "Упаўнаважанага … Украіны па …" aside), is the country the text names too: the
        // annotated splits since heldout14 list it as a place.
        // Not a quoted name's word («Рятуємо Україну»): that is the name, not its state.
        let state_at_end = |p: &PlaceSpan, o: &crate::orgs::OrgSpan| {
            p.end_word == o.end_word
                && p.first_word > o.first_word
                && !doc.text[p.end..].starts_with(['»', '"', '”', '“'])
                && GAZETTEER
                    .entries
                    .get(p.entry as usize)
                    .is_some_and(|e| e.kind == crate::PlaceKind::Country)
        };
        self.spans.retain(|p| {
            !orgs.iter().any(|o| {
                o.start <= p.start
                    && p.end <= o.end
                    && !served_region(p, o)
                    && !served_city(p, o)
                    && !state_at_end(p, o)
                    && !mission(o)
            })
        });
        if self.spans.len() != before {
            self.places = group(doc, &self.spans, &self.extra);
        }
    }
}

/// "Donetsk, Luhansk and Zaporizhzhia regions": each town becomes its region.
fn reread_region_lists(doc: &Document, keys: &[CompactString], spans: &mut [PlaceSpan]) {
    let g = &*GAZETTEER;
    let mut k = 0;
    while k < spans.len() {
        // Collect a run of spans joined by commas / "and".
        let mut last = k;
        while last + 1 < spans.len() {
            let a = &spans[last];
            let b = &spans[last + 1];
            if doc.words[a.first_word].sentence != doc.words[b.first_word].sentence {
                break;
            }
            let between = &doc.text[a.end..b.start];
            let t = between.trim().trim_start_matches(',').trim();
            if between.trim() == "," || is_list_joiner(&crate::normalize::fold(t)) {
                last += 1;
            } else {
                break;
            }
        }
        let after = spans[last].end_word;
        let region_follows = after < doc.words.len()
            && doc.words[after].sentence == doc.words[spans[last].first_word].sentence
            && is_region_word(&keys[after]);
        // "... and Donetsk regions" may already have matched as one region name.
        let last_has_region_word = last > k && is_region_word(&keys[spans[last].end_word - 1]);
        if region_follows || last_has_region_word {
            let region_key = if region_follows {
                &keys[after]
            } else {
                &keys[spans[last].end_word - 1]
            };
            for s in spans.iter_mut().take(last + 1).skip(k) {
                if g.entries[s.entry as usize].kind == crate::PlaceKind::Region {
                    continue;
                }
                let base = keys[s.first_word..s.end_word].join(" ");
                let candidates = [
                    format!("{base} {region_key}"),
                    format!("{base} region"),
                    format!("{base} област"),
                ];
                if let Some(id) = candidates
                    .iter()
                    .find_map(|c| g.index.get(c).map(|ids| ids[0]))
                {
                    s.entry = id;
                    // The region word itself belongs to the last item's mention.
                }
            }
            if region_follows
                && g.entries[spans[last].entry as usize].kind == crate::PlaceKind::Region
                && last == k
            {
                let s = &mut spans[last];
                s.end_word = after + 1;
                s.end = doc.words[after].end;
            }
        }
        k = last + 1;
    }
}

fn group(doc: &Document, spans: &[PlaceSpan], extra: &[GazetteerEntry]) -> Vec<Place> {
    let mut order: Vec<u32> = Vec::new();
    let mut by_entry: HashMap<u32, Place> = HashMap::new();
    for s in spans {
        let e = entry_in(extra, s.entry);
        let text = doc.text[s.start..s.end].to_string();
        let place = by_entry.entry(s.entry).or_insert_with(|| {
            order.push(s.entry);
            Place {
                name: e.canonical.clone(),
                kind: e.kind,
                country: e.country.clone(),
                variants: Vec::new(),
                mentions: Vec::new(),
            }
        });
        if !place.variants.contains(&text) {
            place.variants.push(text.clone());
        }
        place.mentions.push(Mention {
            start: s.start,
            end: s.end,
            text,
        });
    }
    order
        .into_iter()
        .filter_map(|id| by_entry.remove(&id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PlaceKind;

    fn places(text: &str) -> Vec<(String, PlaceKind)> {
        let d = Document::new(text);
        find_places(&d)
            .places
            .into_iter()
            .map(|p| (p.name, p.kind))
            .collect()
    }

    #[test]
    fn common_words_and_given_names_alone_are_no_small_settlements() {
        for text in [
            "Сёння ў Мінску адкрылі выставу.",
            "Дети пели песни ко Дню Победы.",
            "Решта дітей залишилася в таборі.",
            "Artem, 14, said he wanted to go home to Kherson.",
        ] {
            let p = places(text);
            assert!(
                p.iter()
                    .all(|(name, _)| matches!(name.as_str(), "Minsk" | "Kherson")),
                "{text}: {p:?}"
            );
        }
        // A city that is also a given name, and a town after a preposition, stay places.
        let p = places("GENEVA – The committee met in Geneva. Вони жили в Артемівську.");
        assert!(p.iter().any(|(name, _)| name == "Geneva"), "{p:?}");
        assert_eq!(p.len(), 2, "{p:?}");
    }

    #[test]
    fn town_lists_before_regions_become_regions() {
        let p = places(
            "Children were taken from the occupied Kherson, Luhansk and Donetsk regions to Minsk.",
        );
        assert!(
            p.contains(&("Kherson Oblast".to_string(), PlaceKind::Region)),
            "{p:?}"
        );
        assert!(
            p.contains(&("Luhansk Oblast".to_string(), PlaceKind::Region)),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|(n, k)| n == "Minsk" && *k == PlaceKind::Settlement),
            "{p:?}"
        );
    }

    #[test]
    fn genitive_plural_town_names() {
        let p = places("Дітей вивезли з Олешок на Херсонщині.");
        assert!(p.iter().any(|(n, _)| n == "Oleshky"), "{p:?}");
    }

    #[test]
    fn inflected_cyrillic_places() {
        let p = places("Дітей вивезли з Маріуполя до Білорусі через Росію.");
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"Mariupol") && names.contains(&"Belarus") && names.contains(&"Russia"),
            "{names:?}"
        );
    }

    #[test]
    fn spellings_of_one_town_group_together() {
        let d = Document::new("They came from Lisichansk. Lysychansk was shelled.");
        let found = find_places(&d);
        assert_eq!(found.places.len(), 1);
        assert_eq!(found.places[0].variants.len(), 2);
    }

    #[test]
    fn a_facility_named_by_a_common_word_is_found_only_in_quotes() {
        let p = places("Группа прибыла в санаторий «Надежда» под Минском.");
        assert!(
            p.contains(&("Nadezhda XXI Century".to_string(), PlaceKind::Facility)),
            "{p:?}"
        );
        let p = places("Надежда Петрова прибыла в Минск.");
        assert!(!p.iter().any(|(_, k)| *k == PlaceKind::Facility), "{p:?}");
    }

    #[test]
    fn the_aggressor_state_in_lowercase_is_a_place() {
        let p = places("Загалом росія депортувала тисячі дітей до рф.");
        assert!(
            p.contains(&("Russia".to_string(), PlaceKind::Country)),
            "{p:?}"
        );
    }

    #[test]
    fn inflected_forms_the_stems_miss_are_found_through_the_dictionary() {
        // The genitive of a hyphenated name and an adjective before its noun: the stems of
        // these forms ("ростова-на-дон", "нижнег") differ from the names' ("ростов-на-дон",
        // "нижн"); the dictionary's nominatives do not.
        let p = places("Детей перевезли из Ростова-на-Дону, а потом из Нижнего Новгорода.");
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.contains(&"Rostov-on-Don") && names.contains(&"Nizhniy Novgorod"),
            "{p:?}"
        );
        // Not Veliky Novgorod, which "Новгорода" alone would name.
        assert_eq!(p.len(), 2, "{p:?}");
        let p = places("Дітей вивезли до Нижнього Новгорода.");
        assert!(p.iter().any(|(n, _)| n == "Nizhniy Novgorod"), "{p:?}");
        // Ukrainian locatives in -ці of names in -ка, and a two-word name whose first word
        // alone is a place too; a short stem confirmed by the dictionary ("тул").
        let p = places("Дітей тримали у Новій Каховці та в Авдіївці, потім вивезли до Тули.");
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Nova Kakhovka", "Avdiyivka", "Tula"], "{p:?}");
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_place() {
        // "Перемозі" is the dative of "перемога" (victory) and of the village Peremoha; its
        // stem ("перемоз") misses the name, its dictionary form would not.
        let p = places("Перемозі передували довгі місяці.");
        assert!(p.is_empty(), "{p:?}");
        let p = places("Дітей з Перемоги вивезли до Донецька.");
        assert!(p.iter().any(|(n, _)| n == "Donetsk"), "{p:?}");
    }

    #[test]
    fn oblique_cases_of_towns_in_ov() {
        let p = places("Детей вывезли под Ростовом, потом в Ростове их разделили.");
        assert_eq!(
            p,
            vec![("Rostov-on-Don".to_string(), PlaceKind::Settlement)],
            "{p:?}"
        );
    }

    #[test]
    fn belarusian_forms_of_names_spelled_in_russian_or_ukrainian() {
        let p =
            places("Дзяцей вывезлі са Скадоўска і з Новай Кахоўкі ў Растоў-на-Доне праз Гарлаўку.");
        let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Skadovsk", "Nova Kakhovka", "Rostov-on-Don", "Horlivka"],
            "{p:?}"
        );
        // Without "ў" in the text the skeletons are not read: Russian and Ukrainian texts keep
        // their own spellings.
        let p = places("Детей вывезли из Скадовска.");
        assert!(p.iter().any(|(n, _)| n == "Skadovsk"), "{p:?}");
    }

    #[test]
    fn districts_named_by_their_centre() {
        for text in [
            "Дітей вивезли з Мелітопольського району.",
            "Детей вывезли из Мелитопольского района.",
            "Дітей вивезли з Мелітопольщини.",
            "Children were taken from Melitopol District.",
        ] {
            let p = places(text);
            assert_eq!(
                p,
                vec![("Melitopol District".to_string(), PlaceKind::Region)],
                "{text}"
            );
        }
        // The oblast's own "-щина" name stays the oblast.
        let p = places("Дітей вивезли з Херсонщини.");
        assert_eq!(p[0].1, PlaceKind::Region, "{p:?}");
        assert_ne!(p[0].0, "Kherson District", "{p:?}");
    }

    #[test]
    fn districts_the_gazetteer_lacks_are_named_by_their_adjective() {
        for (text, name) in [
            ("Дети отдыхали в Гдовском районе.", "Гдовский район"),
            (
                "Семьи из Лискинского района получили помощь.",
                "Лискинский район",
            ),
            ("Сям'і пасяліліся ў Барысаўскім раёне.", "Барысаўскі раён"),
            (
                "Дітей вивезли з Пологівського району.",
                "Пологівський район",
            ),
            (
                "Лагерь находится в Шебекинском округе.",
                "Шебекинский округ",
            ),
        ] {
            assert_eq!(
                places(text),
                vec![(name.to_string(), PlaceKind::Region)],
                "{text}"
            );
        }
        // Several centres before one plural district word, a level word before "округ", and
        // the informal "-шчына" names.
        let p = places("Дети из Гдовского, Лискинского и Поддорского районов уехали.");
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(
            places("Лагерь находится в Гдовском муниципальном округе."),
            vec![("Гдовский округ".to_string(), PlaceKind::Region)]
        );
        assert_eq!(
            places("Дзеці адпачывалі на Мядзельшчыне і Случчыне."),
            vec![
                // The gazetteer knows Myadzel district by its adjective.
                ("Myadzyel District".to_string(), PlaceKind::Region),
                ("Случчына".to_string(), PlaceKind::Region)
            ]
        );
        assert!(places("Ён вярнуўся на Бацькаўшчыну.").is_empty());
        // The district's adjective and its informal name are one place; an oblast's informal
        // name is the oblast.
        let p = places("Лагер у Мядзельскім раёне. Дзеці адпачывалі на Мядзельшчыне.");
        assert_eq!(p.len(), 1, "{p:?}");
        let p = places("Дзеці з Запарожскай вобласці. Іх вывезлі з Запарожчыны.");
        assert_eq!(p.len(), 1, "{p:?}");
        // Two case forms of one district are one place; a district the gazetteer knows keeps
        // its entry.
        let p = places("В Гдовском районе тихо. Из Гдовского района уехали все.");
        assert_eq!(p.len(), 1, "{p:?}");
        let p = places("Детей вывезли из Мелитопольского района.");
        assert_eq!(p[0].0, "Melitopol District", "{p:?}");
        // A lowercase word before "район" names no district.
        assert!(places("В нашем районе тихо.").is_empty());
    }

    #[test]
    fn a_town_before_a_full_name_is_a_place() {
        let p = places("Очільник Мелітополя Іван Федоров заявив про це.");
        assert!(p.iter().any(|(n, _)| n == "Melitopol"), "{p:?}");
    }

    #[test]
    fn russian_regions_by_adjective_known_only_in_ukrainian() {
        let p = places("Детей отправили в детский дом Псковской области.");
        assert_eq!(p[0].1, PlaceKind::Region, "{p:?}");
    }

    #[test]
    fn facilities_named_in_quotes_after_a_camp_word() {
        let p = places("Дети проведут три недели в лагерях «Звездный» и «Россонь» под Минском.");
        assert!(
            p.contains(&("Звездный".to_string(), PlaceKind::Facility))
                && p.contains(&("Россонь".to_string(), PlaceKind::Facility)),
            "{p:?}"
        );
        // A settlement's name in quotes after the word is the facility, and a later quoted
        // mention in another case is the same one.
        let d =
            Document::new("Дзяцей прывезлі ў санаторый «Нёман». Сын прабыў у «Нёмане» два месяцы.");
        let found = find_places(&d);
        assert_eq!(found.places.len(), 1, "{:?}", found.places);
        assert_eq!(found.places[0].mentions.len(), 2);
        let p = places("They stayed at the Solnechny health resort near Minsk.");
        assert!(
            p.contains(&("Solnechny".to_string(), PlaceKind::Facility)),
            "{p:?}"
        );
        for text in [
            "Children were held in Russian \"re-education\" camps.",
            "Ukraine: Children Held in Russian \"Re-education\" Camp",
        ] {
            let p = places(text);
            assert!(p.iter().all(|(_, k)| *k != PlaceKind::Facility), "{p:?}");
        }
    }

    #[test]
    fn a_facility_named_in_another_case_before_or_after_its_head_is_one_place() {
        // The inflected mention comes first; both words change their ending.
        let d = Document::new(
            "Летом в «Звонких ключах» отдыхали 58 детей. В этом году их привезли в лагерь \
             «Звонкие ключи» в июне.",
        );
        let found = find_places(&d);
        let camps: Vec<_> = found
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Facility)
            .collect();
        assert_eq!(camps.len(), 1, "{:?}", found.places);
        assert_eq!(camps[0].mentions.len(), 2, "{:?}", camps[0]);
        // A quoted name that only shares a first word with the camp's is no mention of it.
        let d = Document::new(
            "Дзяцей прывезлі ў лагер «Лясны ручай». Пра гэта паведаміла «Лясная газета».",
        );
        let found = find_places(&d);
        let camp = found.places.iter().find(|p| p.kind == PlaceKind::Facility);
        assert_eq!(
            camp.map(|c| c.mentions.len()),
            Some(1),
            "{:?}",
            found.places
        );
    }

    #[test]
    fn the_place_a_body_is_based_in() {
        let d = Document::new("The Regional Centre for Human Rights, a Kyiv-based NGO, said so.");
        let found = find_places(&d);
        assert_eq!(found.places.len(), 1, "{:?}", found.places);
        assert_eq!(found.places[0].name, "Kyiv");
        assert_eq!(found.places[0].mentions[0].text, "Kyiv");
    }
}
