//! Finds organizations and ties acronyms to their expansions.
//!
//! Four patterns, from most to least certain:
//! 1. an expansion followed by its acronym in brackets ("National Anti-Crisis
//!    Management (NAM)"), checked by initials, which defines the acronym for
//!    the rest of the text;
//! 2. names from the curated list `data/organizations.tsv` (ICC, PACE, UN...,
//!    with their Ukrainian and Russian forms);
//! 3. capitalised runs headed by an organization noun ("European Parliament",
//!    "Yale University", "Commission of Inquiry on Ukraine");
//! 4. a capitalised name introduced by a descriptive phrase ("the news agency
//!    Belta", "an opposition organization National Anti-Crisis Management"),
//!    and acronyms seen twice or after "the".

use std::collections::HashMap;
use std::ops::Not;
use std::sync::LazyLock;

use crate::gazetteer::key_words;
use crate::lexicon::{DEMONYMS, ORG_HEADS, ORG_INTRODUCERS};
use crate::normalize::fold;
use crate::places::PlaceSpan;
use crate::scan::Document;
use crate::{Mention, Organization};

/// Where an organization was named, for the other extractors.
#[derive(Debug, Clone)]
pub struct OrgSpan {
    pub first_word: usize,
    pub end_word: usize,
    pub start: usize,
    pub end: usize,
    /// Index into [`OrgsFound::organizations`].
    pub org: usize,
}

pub struct OrgsFound {
    pub organizations: Vec<Organization>,
    pub spans: Vec<OrgSpan>,
}

struct Curated {
    name: String,
    acronym: Option<String>,
}

struct CuratedIndex {
    orgs: Vec<Curated>,
    by_key: rustc_hash::FxHashMap<String, usize>,
    max_words: usize,
    first_words: rustc_hash::FxHashSet<String>,
}

static CURATED: LazyLock<CuratedIndex> = LazyLock::new(|| {
    let mut orgs = Vec::new();
    let mut by_key = rustc_hash::FxHashMap::default();
    let mut max_words = 1;
    for line in include_str!("../data/organizations.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let name = cols[0].trim().to_string();
        let acronym = cols
            .get(1)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let id = orgs.len();
        let mut forms: Vec<String> = vec![name.clone()];
        forms.extend(acronym.clone());
        if let Some(rest) = cols.get(2) {
            forms.extend(
                rest.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            );
        }
        for f in forms {
            let k = key_words(&f);
            max_words = max_words.max(k.len());
            by_key.entry(k.join(" ")).or_insert(id);
        }
        orgs.push(Curated { name, acronym });
    }
    let first_words = by_key
        .keys()
        .filter_map(|k| k.split(' ').next().map(str::to_string))
        .collect();
    CuratedIndex {
        orgs,
        by_key,
        max_words,
        first_words,
    }
});

/// Acronyms that are not organizations.
const NOT_ACRONYMS: &[&str] = &[
    "ai", "pm", "am", "tv", "usa", "us", "uk", "ok", "id", "dna", "covid", "ceo", "mep", "meps",
    "mp", "mps", "ngo", "ngos", "pdf", "faq", "url", "gps", "sms", "it", "ii", "iii", "iv", "vi",
    "vii", "viii", "ix", "xi", "xx", "xxi", "i", "a", "ad", "bc", "gmt", "utc", "est", "cet",
    "eet", "msk", "km", "kg", "hq", "vs", "etc", "cv", "rss", "nb", "ps", "pr", "hr", "it's", "rf",
    "рф", "сша", "ес", "лнр", "днр", "dpr", "lpr", "ussr", "срср", "ссср", "war",
];

fn acronym_matches(acronym: &str, words: &[&str]) -> bool {
    // Initials of the words and of hyphen parts; connectors may be skipped.
    let acr: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    if acr.len() < 2 {
        return false;
    }
    let mut initials: Vec<(char, bool)> = Vec::new();
    for w in words {
        for part in w.split('-') {
            if let Some(c) = part.chars().next() {
                let connector = matches!(
                    fold(part).as_str(),
                    "of" | "the" | "for" | "on" | "and" | "in" | "de"
                );
                initials.push((c.to_lowercase().next().unwrap_or(c), connector));
            }
        }
    }
    if initials.first().map(|x| x.0) != Some(acr[0]) {
        return false;
    }
    // acr must be a subsequence of initials, skipping only connectors or words whose
    // initial is not needed; at most two content words may be skipped.
    let mut ai = 0;
    let mut skipped = 0;
    for (c, connector) in &initials {
        if ai < acr.len() && *c == acr[ai] {
            ai += 1;
        } else if !connector {
            skipped += 1;
        }
    }
    ai == acr.len() && skipped <= 1 + acr.len() / 3
}

/// Lowercase words inside organization names ("Commission of Inquiry on Ukraine").
/// "and" and "to" are left out: they join two names more often than they sit inside one.
fn is_connector(folded: &str) -> bool {
    matches!(folded, "of" | "the" | "for" | "on" | "in" | "de")
}

struct Builder {
    orgs: Vec<Organization>,
    spans: Vec<OrgSpan>,
    /// Grouping key (acronym or folded name) -> org index.
    keys: HashMap<String, usize>,
}

impl Builder {
    fn key_of(name: &str) -> String {
        key_words(name.trim_start_matches("The ").trim_start_matches("the ")).join(" ")
    }

    fn add(&mut self, doc: &Document, first: usize, end: usize, name: &str, acronym: Option<&str>) {
        if end <= first
            || self
                .spans
                .iter()
                .any(|s| s.first_word < end && first < s.end_word)
        {
            return;
        }
        let name_key = Self::key_of(name);
        let acr_key = acronym.map(|a| format!("acr:{}", fold(a)));
        let existing = acr_key
            .as_ref()
            .and_then(|k| self.keys.get(k))
            .or_else(|| self.keys.get(&name_key))
            .copied()
            .or_else(|| {
                // "UN Independent International Commission..." contains "Independent International Commission...".
                if name_key.split(' ').count() < 3 {
                    return None;
                }
                self.keys
                    .iter()
                    .find(|(k, _)| {
                        !k.starts_with("acr:")
                            && k.split(' ').count() >= 3
                            && (k.ends_with(&format!(" {name_key}"))
                                || name_key.ends_with(&format!(" {k}")))
                    })
                    .map(|(_, v)| *v)
            });
        let idx = match existing {
            Some(i) => i,
            None => {
                self.orgs.push(Organization {
                    name: name.to_string(),
                    acronym: acronym.map(str::to_string),
                    variants: Vec::new(),
                    mentions: Vec::new(),
                });
                self.orgs.len() - 1
            }
        };
        let org = &mut self.orgs[idx];
        if org.acronym.is_none() {
            org.acronym = acronym.map(str::to_string);
        }
        // Prefer an expansion over an acronym as the name.
        if org.acronym.as_deref() == Some(org.name.as_str()) && acronym != Some(name) {
            org.name = name.to_string();
        }
        self.keys.insert(name_key, idx);
        if let Some(k) = acr_key {
            self.keys.insert(k, idx);
        }
        let start = doc.words[first].start;
        let stop = doc.words[end - 1].end;
        let text = doc.text[start..stop].to_string();
        if !org.variants.contains(&text) {
            org.variants.push(text.clone());
        }
        org.mentions.push(Mention {
            start,
            end: stop,
            text,
        });
        self.spans.push(OrgSpan {
            first_word: first,
            end_word: end,
            start,
            end: stop,
            org: idx,
        });
    }
}

/// A capitalised run starting at `i`: name words joined by connectors, within the sentence.
fn cap_run(doc: &Document, i: usize, place_words: &[bool]) -> usize {
    let words = &doc.words;
    let end_limit = doc.sentence_of(i).end_word;
    let mut j = i;
    let mut last_cap = i;
    while j < end_limit {
        let w = &words[j];
        if j > i {
            let gap = doc.gap(j - 1, j);
            let joined = gap == " "
                || gap == "\u{a0}"
                || (gap == "'s " || gap == "’s ") && words[j - 1].possessive;
            if !(joined || words[j - 1].possessive && gap.ends_with(' ') && gap.len() <= 4) {
                break;
            }
            if words[j - 1].possessive && !w.cap {
                break;
            }
        }
        if w.cap
            && !w.numeric
            && !crate::lexicon::is_month(&w.folded)
            && !crate::lexicon::is_weekday(&w.folded)
        {
            last_cap = j;
            j += 1;
        } else if j > i && is_connector(&w.folded) && !w.cap {
            j += 1;
        } else {
            break;
        }
        let _ = place_words;
    }
    last_cap + 1
}

pub fn find_organizations(doc: &Document, places: &[PlaceSpan]) -> OrgsFound {
    let words = &doc.words;
    let mut place_words = vec![false; words.len()];
    for p in places {
        for w in place_words.iter_mut().take(p.end_word).skip(p.first_word) {
            *w = true;
        }
    }
    let mut b = Builder {
        orgs: Vec::new(),
        spans: Vec::new(),
        keys: HashMap::new(),
    };
    let cur = &*CURATED;

    // 1. Expansion (ACRONYM).
    for i in 1..words.len() {
        let w = &words[i];
        if !w.all_caps || doc.sentence_of(i).shouting {
            continue;
        }
        let before = &doc.text[words[i - 1].end..w.start];
        let after_ok = doc.text[w.end..].starts_with(')');
        if !(before.ends_with('(') && after_ok && before.trim_end_matches('(').trim().is_empty()) {
            continue;
        }
        // Walk back over the capitalised run before the bracket.
        let end = i;
        let sentence_start = doc.sentence_of(i).first_word;
        let mut start = end;
        while start > sentence_start {
            let p = &words[start - 1];
            let gap = doc.gap(start - 1, start);
            if !(gap == " " || gap == "-") && start != end {
                break;
            }
            if p.cap || is_connector(&p.folded) {
                start -= 1;
            } else {
                break;
            }
        }
        let acronym = doc.word_text(i);
        // The shortest suffix of the run whose initials spell the acronym.
        let mut best = None;
        for s in (start..end).rev() {
            if !words[s].cap {
                continue;
            }
            let ws: Vec<&str> = (s..end).map(|k| doc.word_text(k)).collect();
            if acronym_matches(acronym, &ws) {
                best = Some(s);
                break;
            }
        }
        if let Some(s) = best {
            let s = if words[s].folded == "the" { s + 1 } else { s };
            let name = doc.text[words[s].start..words[end - 1].end].to_string();
            let curated_name = cur
                .by_key
                .get(&key_words(acronym).join(" "))
                .or_else(|| cur.by_key.get(&key_words(&name).join(" ")))
                .map(|id| cur.orgs[*id].name.clone());
            let canonical = curated_name.unwrap_or(name.clone());
            b.add(doc, s, end, &canonical, Some(acronym));
            b.add(doc, i, i + 1, &canonical, Some(acronym));
        }
    }

    // 2. Curated names (longest match), 3. headed runs, 4. introduced names, in text order.
    let keys = &doc.keys;
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let sentence = doc.sentence_of(i);
        if sentence.shouting || !(w.cap || w.all_caps) || w.numeric {
            i += 1;
            continue;
        }
        if w.folded == "the" || b.spans.iter().any(|s| s.first_word <= i && i < s.end_word) {
            i += 1;
            continue;
        }
        // 2. Curated.
        let max = if cur.first_words.contains(&keys[i]) {
            cur.max_words.min(sentence.end_word - i)
        } else {
            0
        };
        let mut matched = None;
        let (joined, ends) = doc.joined_keys(i, max);
        for n in (1..=max).rev() {
            if (i + 1..i + n).any(|j| !matches!(doc.gap(j - 1, j), " " | "-" | "\u{a0}")) {
                continue;
            }
            if let Some(id) = cur.by_key.get(&joined[..ends[n - 1]]) {
                matched = Some((n, *id));
                break;
            }
        }
        if let Some((n, id)) = matched {
            let c = &cur.orgs[id];
            // A curated acronym must be written in capitals ("UN", not "Un").
            if n > 1 || w.all_caps || w.folded.chars().count() > 4 {
                b.add(doc, i, i + n, &c.name.clone(), c.acronym.clone().as_deref());
                i += n;
                continue;
            }
        }
        // 3a. Ukrainian/Russian names: only the first word is capitalised, the head noun may be
        // lowercase and the rest in the genitive ("Міжнародного комітету Червоного Хреста").
        if w.cyrillic {
            if let Some(end) = cyrillic_org_end(doc, i) {
                let name = doc.text[words[i].start..words[end - 1].end].to_string();
                match cur.by_key.get(&key_words(&name).join(" ")) {
                    Some(id) => {
                        let c = &cur.orgs[*id];
                        b.add(doc, i, end, &c.name.clone(), c.acronym.clone().as_deref());
                    }
                    None => b.add(doc, i, end, &name, None),
                }
                i = end;
                continue;
            }
        }
        // 3. Run with an organization head noun.
        let end = cap_run(doc, i, &place_words);
        let mut start = i;
        while start < end
            && (is_leading_non_name(&words[start].folded)
                || words[start].possessive && place_words[start])
        {
            start += 1;
        }
        // "Prosecutors of the Office of ...", "Staff of the Belarusian Red Cross": a noun that is
        // not an organization head, before "of", names people of the organization, not it.
        while start + 2 < end
            && !ORG_HEADS.contains(&words[start].folded)
            && words[start + 1].folded == "of"
        {
            start += if words[start + 2].folded == "the" {
                3
            } else {
                2
            };
        }
        // A run that is exactly a place ("Russian Federation") is the place.
        let is_place_run = start < end && (start..end).all(|k| place_words[k]);
        // Sentence-initial "The" / "In" are not part of the name; keep "Union"/"State" heads.
        let has_head = (start..end).any(|k| words[k].cap && ORG_HEADS.contains(&words[k].folded));
        let content = (start..end).filter(|k| words[*k].cap).count();
        if has_head && content >= 2 && !is_place_run && !all_demonym_and_head(doc, start, end) {
            // "Office of the Prosecutor of the International Criminal Court": two organizations,
            // the known one after the last "of (the)" and the office before it.
            if let Some((left_end, right_start, id)) = known_org_after_of(doc, start, end) {
                let c = &cur.orgs[id];
                let left_has_head =
                    (start..left_end).any(|k| words[k].cap && ORG_HEADS.contains(&words[k].folded));
                if left_has_head && (start..left_end).filter(|k| words[*k].cap).count() >= 2 {
                    let left = doc.text[words[start].start..words[left_end - 1].end].to_string();
                    b.add(doc, start, left_end, &left, None);
                }
                b.add(
                    doc,
                    right_start,
                    end,
                    &c.name.clone(),
                    c.acronym.clone().as_deref(),
                );
                i = end;
                continue;
            }
            let name = doc.text[words[start].start..words[end - 1].end].to_string();
            match cur.by_key.get(&key_words(&name).join(" ")) {
                Some(id) => {
                    let c = &cur.orgs[*id];
                    b.add(
                        doc,
                        start,
                        end,
                        &c.name.clone(),
                        c.acronym.clone().as_deref(),
                    );
                }
                None => b.add(doc, start, end, &name, None),
            }
            i = end;
            continue;
        }
        // 4. Introduced by a descriptive noun ("news agency Belta", "організація «X»").
        if i > 0 && ORG_INTRODUCERS.contains(&words[i - 1].folded) && !words[i - 1].cap {
            let gap = doc.gap(i - 1, i);
            if matches!(gap.trim(), "" | "«" | "\"" | "“") {
                let quoted = gap.trim().is_empty().not();
                let end = if quoted {
                    quoted_end(doc, i).unwrap_or(i + 1)
                } else {
                    cap_run(doc, i, &place_words)
                };
                let is_place = place_words[i] && end == i + 1;
                if !is_place && !crate::lexicon::is_given_name(&w.folded) {
                    let name = doc.text[words[i].start..words[end - 1].end].to_string();
                    b.add(doc, i, end, &name, None);
                    i = end;
                    continue;
                }
            }
        }
        // Acronyms seen before in this text ("the NAM team").
        if w.all_caps && b.keys.contains_key(&format!("acr:{}", w.folded)) {
            let id = b.keys[&format!("acr:{}", w.folded)];
            let name = b.orgs[id].name.clone();
            b.add(doc, i, i + 1, &name, Some(doc.word_text(i)));
        }
        i += 1;
    }

    // Acronyms not defined anywhere: organizations when written twice or after "the".
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (k, w) in words.iter().enumerate() {
        if w.all_caps && !doc.sentence_of(k).shouting {
            *counts.entry(w.folded.as_str()).or_default() += 1;
        }
    }
    for k in 0..words.len() {
        let w = &words[k];
        if !w.all_caps
            || doc.sentence_of(k).shouting
            || place_words[k]
            || NOT_ACRONYMS.contains(&w.folded.as_str())
            || w.folded.chars().count() > 6
            || b.spans.iter().any(|s| s.first_word <= k && k < s.end_word)
        {
            continue;
        }
        let after_the = k > 0 && words[k - 1].folded == "the";
        let known = b.keys.contains_key(&format!("acr:{}", w.folded));
        if known || counts[w.folded.as_str()] >= 2 || after_the {
            let name = b
                .keys
                .get(&format!("acr:{}", w.folded))
                .map(|id| b.orgs[*id].name.clone())
                .unwrap_or_else(|| doc.word_text(k).to_string());
            b.add(doc, k, k + 1, &name, Some(doc.word_text(k)));
        }
    }

    merge_bracketed_acronyms(doc, &mut b);
    for o in &mut b.orgs {
        o.mentions.sort_by_key(|m| m.start);
    }
    // Organizations emptied by merging are dropped and indexes renumbered.
    let keep: Vec<bool> = b.orgs.iter().map(|o| !o.mentions.is_empty()).collect();
    let mut new_index = vec![0usize; b.orgs.len()];
    let mut n = 0;
    for (k, kept) in keep.iter().enumerate() {
        new_index[k] = n;
        if *kept {
            n += 1;
        }
    }
    b.orgs.retain(|o| !o.mentions.is_empty());
    for s in &mut b.spans {
        s.org = new_index[s.org];
    }
    b.spans.sort_by_key(|s| s.start);
    OrgsFound {
        organizations: b.orgs,
        spans: b.spans,
    }
}

/// The known (curated) organization that ends the run `start..end` after an "of (the)":
/// (end of the part before "of", first word of the known name, its index).
fn known_org_after_of(doc: &Document, start: usize, end: usize) -> Option<(usize, usize, usize)> {
    let words = &doc.words;
    (start + 2..end).find_map(|k| {
        if words[k - 1].folded == "of"
            || words[k - 1].folded == "the" && words[k - 2].folded == "of"
        {
            if !words[k].cap || words[k].folded == "the" {
                return None;
            }
            let id = *CURATED.by_key.get(&doc.keys[k..end].join(" "))?;
            let left_end = if words[k - 1].folded == "the" {
                k - 2
            } else {
                k - 1
            };
            (left_end > start).then_some((left_end, k, id))
        } else {
            None
        }
    })
}

/// "Дитячого фонду ООН (ЮНІСЕФ)": a name followed by an acronym in brackets is one
/// organization even when the acronym comes from another language's expansion.
fn merge_bracketed_acronyms(doc: &Document, b: &mut Builder) {
    let mut spans = b.spans.clone();
    spans.sort_by_key(|s| s.start);
    for pair in spans.windows(2) {
        let (a, c) = (&pair[0], &pair[1]);
        if a.org == c.org
            || doc.text[a.end..c.start].trim() != "("
            || !doc.text[c.end..].starts_with(')')
        {
            continue;
        }
        if !doc.words[c.first_word].all_caps || c.end_word - c.first_word != 1 {
            continue;
        }
        let (keep, gone) = (a.org, c.org);
        let moved = std::mem::take(&mut b.orgs[gone].mentions);
        let variants = std::mem::take(&mut b.orgs[gone].variants);
        let acronym = b.orgs[gone]
            .acronym
            .take()
            .or_else(|| Some(doc.text[c.start..c.end].to_string()));
        let target = &mut b.orgs[keep];
        target.mentions.extend(moved);
        for v in variants {
            if !target.variants.contains(&v) {
                target.variants.push(v);
            }
        }
        if target.acronym.is_none() {
            target.acronym = acronym;
        }
        for s in &mut b.spans {
            if s.org == gone {
                s.org = keep;
            }
        }
        for v in b.keys.values_mut() {
            if *v == gone {
                *v = keep;
            }
        }
    }
}

/// The end of a quoted name that starts at `i` (the word after the opening quote).
fn quoted_end(doc: &Document, i: usize) -> Option<usize> {
    let s = doc.sentence_of(i);
    (i + 1..=(i + 8).min(s.end_word)).find(|e| {
        let after = if *e < s.end_word {
            doc.gap(e - 1, *e)
        } else {
            &doc.text[doc.words[e - 1].end..s.end]
        };
        after.starts_with(['»', '"', '”'])
    })
}

/// Stems of Ukrainian/Russian organization head nouns (folded).
const CYRILLIC_ORG_HEADS: &[&str] = &[
    "комітет",
    "комитет",
    "товариств",
    "обществ",
    "суд",
    "фонд",
    "управлін",
    "управлени",
    "лабораторі",
    "лаборатори",
    "офіс",
    "офис",
    "міністерств",
    "министерств",
    "служб",
    "асамбле",
    "ассамбле",
    "центр",
    "комісі",
    "комисси",
    "організаці",
    "организаци",
    "агентств",
    "палат",
    "парламент",
    "уряд",
    "правительств",
    "прокуратур",
    "поліці",
    "полици",
    "інститут",
    "институт",
    "університет",
    "университет",
    "академі",
    "академи",
    "банк",
    "парті",
    "парти",
    "рух",
    "движени",
    "союз",
    "спілк",
    "корпораці",
    "корпораци",
    "компані",
    "компани",
    "місі",
    "мисси",
    "трибунал",
    "бюро",
    "департамент",
    "адміністраці",
    "администраци",
    "дум",
    "рад",
    "сов",
    "школ",
    "коалиці",
    "коалици",
    "мережа",
    "сеть",
    "платформ",
];

fn is_cyrillic_org_head(folded: &str) -> bool {
    is_cyrillic_org_head_key(&crate::normalize::stem_parts(folded))
}

/// Heads that do not decline, which stemming cuts all the same ("бюро" -> "бюр").
const INDECLINABLE_ORG_HEADS: &[&str] = &["бюро"];

/// The heads, and the indeclinable heads less their last letter, for lookups by hash
/// instead of a scan of the list.
static CYRILLIC_HEADS: LazyLock<(
    rustc_hash::FxHashSet<&'static str>,
    rustc_hash::FxHashSet<&'static str>,
)> = LazyLock::new(|| {
    let whole = CYRILLIC_ORG_HEADS.iter().copied().collect();
    let truncated = INDECLINABLE_ORG_HEADS
        .iter()
        .filter_map(|h| h.char_indices().last().map(|(at, _)| &h[..at]))
        .collect();
    (whole, truncated)
});

/// As [`is_cyrillic_org_head`], for a word already stemmed: the head itself, a head of four
/// or more letters with at most two letters more, or an indeclinable head less its last letter.
fn is_cyrillic_org_head_key(stem: &str) -> bool {
    let (whole, truncated) = &*CYRILLIC_HEADS;
    if whole.contains(stem) {
        return true;
    }
    let len = stem.chars().count();
    if len >= 3 && truncated.contains(stem) {
        return true;
    }
    stem.char_indices()
        .skip(4)
        .map(|(at, _)| at)
        .enumerate()
        .any(|(k, at)| {
            let n = k + 4;
            len <= n + 2 && whole.contains(&stem[..at])
        })
}

/// Words that end a Ukrainian/Russian organization name: function words and verb forms.
fn ends_cyrillic_name(folded: &str) -> bool {
    matches!(
        folded,
        "з" | "із"
            | "зі"
            | "до"
            | "в"
            | "у"
            | "на"
            | "про"
            | "щодо"
            | "та"
            | "і"
            | "и"
            | "а"
            | "що"
            | "як"
            | "який"
            | "яка"
            | "які"
            | "не"
            | "вже"
            | "також"
            | "с"
            | "со"
            | "к"
            | "о"
            | "об"
            | "по"
            | "что"
            | "как"
            | "который"
            | "которая"
            | "которые"
            | "уже"
            | "тоже"
            | "для"
            | "від"
            | "от"
            | "за"
            | "під"
            | "под"
            | "при"
            | "через"
            | "пра"
            | "ад"
            | "да"
            | "ў"
            | "што"
            | "але"
            | "па"
            | "прынамсі"
            | "каля"
            | "пасля"
    ) || [
        "ала", "али", "ало", "ила", "или", "ило", "ела", "ели", "ыли", "ыла", "ать", "ить", "ють",
        "ять", "ає", "ує", "ает", "ует", "ит", "ав", "ив", "ув",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

/// The end of a Ukrainian/Russian organization name starting at `i`, if one starts there.
fn cyrillic_org_end(doc: &Document, i: usize) -> Option<usize> {
    let words = &doc.words;
    let s = doc.sentence_of(i);
    // The head noun must come within the first three words.
    let head = (i..(i + 3).min(s.end_word))
        .take_while(|k| *k == i || matches!(doc.gap(*k - 1, *k), " " | "\u{a0}"))
        .find(|k| words[*k].cyrillic && is_cyrillic_org_head_key(&doc.keys[*k]))?;
    // A capitalised opener that is a given name, a role or a function word starts no organization.
    let opener = &words[i].folded;
    if crate::lexicon::is_given_name(opener)
        || crate::lexicon::ROLES.contains(opener)
        || ends_cyrillic_name(opener)
    {
        return None;
    }
    // The opener is the head itself or an adjective agreeing with it ("Міжнародний комітет",
    // "Дитячого фонду"); a noun or verb before a head ("Паездкі арганізуе фонд") is not a name.
    if head != i && !is_adjective_like(opener) {
        return None;
    }
    let mut end = head + 1;
    while end < s.end_word && end < i + 8 {
        let gap = doc.gap(end - 1, end);
        if !matches!(gap, " " | "\u{a0}") {
            break;
        }
        let w = &words[end];
        if w.numeric || ends_cyrillic_name(&w.folded) || crate::lexicon::is_given_name(&w.folded) {
            break;
        }
        // Another known organization starts here ("Палата ... Международного уголовного суда").
        let rest: &[String] = &doc.keys[end..(end + 4).min(s.end_word)];
        // Only a name with its own head noun is separate; "Червоного Хреста" is part of this one.
        let separate = (1..=rest.len()).any(|n| {
            CURATED.by_key.contains_key(&rest[..n].join(" "))
                && (end..end + n).any(|k| is_cyrillic_org_head(&words[k].folded))
        });
        if w.cap && separate {
            break;
        }
        // Continue over genitive words and capitalised words (names of places, people's names in titles).
        end += 1;
    }
    // Trailing lowercase words that are not genitive-like are dropped back to the last capitalised
    // or head word, so "Офіс Генерального прокурора передав" stops before the verb.
    while end > head + 1 && !words[end - 1].cap && !is_genitive_like(&words[end - 1].folded) {
        end -= 1;
    }
    // A lone head noun ("Суд вважає") is not a name.
    (end - i >= 2).then_some(end)
}

/// Adjectival endings (folded) of Ukrainian, Russian and Belarusian adjectives in any case.
fn is_adjective_like(folded: &str) -> bool {
    [
        "ии", "ыи", "іи", "ая", "яя", "ое", "ее", "ого", "ому", "оі", "ои", "ую", "юю", "ые", "ие",
        "ых", "их", "іх", "ым", "им", "ім", "ы", "ага", "ае", "ай", "ей", "ої", "е", "а", "я",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

fn is_genitive_like(folded: &str) -> bool {
    [
        "ого", "ої", "оі", "их", "ів", "ия", "ння", "ства", "ва", "ки", "ти", "ди", "ни", "ря",
        "ру", "ду", "ту", "ку", "я", "ї", "і", "и", "у", "а",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

/// Capitalised words that open a sentence before an organization's name ("In", "However").
fn is_leading_non_name(folded: &str) -> bool {
    matches!(
        folded,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "since"
            | "from"
            | "to"
            | "for"
            | "with"
            | "by"
            | "as"
            | "but"
            | "and"
            | "or"
            | "however"
            | "meanwhile"
            | "this"
            | "these"
            | "that"
            | "while"
            | "although"
            | "when"
            | "if"
            | "also"
            | "its"
            | "their"
            | "his"
            | "her"
            | "furthermore"
            | "moreover"
            | "overall"
            | "both"
            | "then"
            | "according"
    )
}

/// "Russian Army" is an organization, but "Belarusian President" is not: a run
/// made only of a demonym and a head that is also a title is rejected.
fn all_demonym_and_head(doc: &Document, start: usize, end: usize) -> bool {
    (start..end).all(|k| {
        let f = &doc.words[k].folded;
        DEMONYMS.contains(f) || crate::lexicon::ROLES.contains(f)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<Organization> {
        let d = Document::new(text);
        let p = crate::places::find_places(&d);
        find_organizations(&d, &p.spans).organizations
    }

    #[test]
    fn expansion_and_acronym_are_one_organization() {
        let o = orgs(
            "The Free Parents Alliance of Kharkiv (FPAK) wrote to the mayor. Later FPAK sued.",
        );
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(o[0].acronym.as_deref(), Some("FPAK"));
        assert_eq!(o[0].mentions.len(), 3);
    }

    #[test]
    fn curated_acronyms_join_their_expansions() {
        let o = orgs("The International Criminal Court ruled. The ICC did so again.");
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(o[0].name, "International Criminal Court");
    }

    #[test]
    fn headed_runs_and_introduced_names() {
        let o = orgs("Officials at the Kharkiv Regional Hospital spoke to the news agency Ukrpress on Monday.");
        let names: Vec<&str> = o.iter().map(|o| o.name.as_str()).collect();
        assert!(names.contains(&"Kharkiv Regional Hospital"), "{names:?}");
        assert!(names.contains(&"Ukrpress"), "{names:?}");
    }

    #[test]
    fn titles_are_not_organizations() {
        let o = orgs("Belarusian President Alexander Lukashenko spoke.");
        assert!(o.is_empty(), "{o:?}");
    }
}
