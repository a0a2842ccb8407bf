//! Finds organizations and ties acronyms to their expansions.
//!
//! Four patterns, from most to least certain:
//! 1. an expansion followed by its acronym in brackets ("National Anti-Crisis
//!    Management (NAM)"), checked by initials, which defines the acronym for
//!    the rest of the text;
//! 2. names from the curated list `data/organizations.tsv` (ICC, PACE, UN...,
//!    with their Ukrainian and Russian forms);
//! 3. capitalised runs headed by an organization noun ("European Parliament",
//!    "Yale University", "Commission of Inquiry on Ukraine"), a body named after
//!    an organization's acronym as one name ("UN Committee on the Rights of the
//!    Child"), and Ukrainian/Russian/Belarusian names opened by a capitalised
//!    adjective or head noun and continued in the genitive, over genitives joined
//!    by "і"/"и"/"та" ("Міністерство освіти і науки України") and set complements
//!    ("з прав людини", "по правам ребенка");
//! 4. a capitalised name introduced by a descriptive phrase ("the news agency
//!    Belta", "an opposition organization National Anti-Crisis Management",
//!    "a Kyiv-based group called Hope Bridge", "фонд «X»"; a lowercase description
//!    before a «quoted» name is not itself the name), and acronyms seen twice or
//!    after "the".

use std::collections::HashMap;
use std::ops::Not;
use std::sync::LazyLock;

use crate::gazetteer::{key_words, name_key};
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
    /// The keys of the forms written with a comma inside ("Міністерство соціальної політики,
    /// сім'ї та єдності"): only these are matched over a comma in the text.
    with_commas: rustc_hash::FxHashSet<String>,
}

static CURATED: LazyLock<CuratedIndex> = LazyLock::new(|| {
    let mut orgs = Vec::new();
    let mut by_key = rustc_hash::FxHashMap::default();
    let mut with_commas = rustc_hash::FxHashSet::default();
    let mut max_words = 1;
    for line in crate::wordlist::entries(include_str!("../data/organizations.tsv")) {
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
            if f.contains(',') {
                with_commas.insert(k.join(" "));
            }
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
        with_commas,
    }
});

/// Acronyms that are not organizations.
const NOT_ACRONYMS: &[&str] = &[
    "ai", "pm", "am", "tv", "usa", "us", "uk", "ok", "id", "dna", "covid", "ceo", "mep", "meps",
    "mp", "mps", "ngo", "ngos", "pdf", "faq", "url", "gps", "sms", "it", "ii", "iii", "iv", "vi",
    "vii", "viii", "ix", "xi", "xx", "xxi", "i", "a", "ad", "bc", "gmt", "utc", "est", "cet",
    "eet", "msk", "km", "kg", "hq", "vs", "etc", "cv", "rss", "nb", "ps", "pr", "hr", "it's", "rf",
    "рф", "сша", "ес", "лнр", "днр", "dpr", "lpr", "ussr", "срср", "ссср", "war",
    // Criminal codes and codes of procedure ("ст. 438 КК України", "УК России"): laws, not
    // bodies, though they take the state's genitive as a national body does.
    "кк", "ук", "кпк", "упк",
    // Technical acronyms used as nouns ("SIM cards", "USB drives").
    "sim", "usb", "dvd", "vpn", "qr", "nfc", "led", "hiv", "aids", "icu", "atm", "pin",
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
                // Cyrillic prepositions and conjunctions too ("… поліції в Харківській
                // області", "спілка з прав людини").
                let connector = matches!(
                    fold(part).as_str(),
                    "of" | "the"
                        | "for"
                        | "on"
                        | "and"
                        | "in"
                        | "de"
                        | "в"
                        | "у"
                        | "з"
                        | "і"
                        | "и"
                        | "та"
                        | "по"
                        | "па"
                        | "при"
                        | "для"
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
    /// Grouping key (acronym or folded name) -> org index. A fixed hasher, so that the
    /// search for a longer name that contains this one visits keys in the same order every run.
    keys: rustc_hash::FxHashMap<String, usize>,
    /// Per word, whether a span already holds it: spans never overlap.
    covered: Vec<bool>,
    /// Name -> its grouping key, for names seen before in this text.
    name_keys: rustc_hash::FxHashMap<String, String>,
}

impl Builder {
    fn key_of(name: &str) -> String {
        name_key(name.trim_start_matches("The ").trim_start_matches("the "))
    }

    fn add(&mut self, doc: &Document, first: usize, end: usize, name: &str, acronym: Option<&str>) {
        if end <= first || self.covered[first..end].contains(&true) {
            return;
        }
        // A single letter («Э», "Ъ", a list's "А" and "Б") names no organisation: it is a
        // logo, a label or a quoted letter, and a key of one letter would join anything.
        if name.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return;
        }
        // "ГА «БРСМ»", "ГО «Відкриті двері»": a name that holds its opening quote mark
        // holds the closing one after its last word too.
        let start = doc.words[first].start;
        let mut stop = doc.words[end - 1].end;
        let unclosed = |t: &str| t.matches('«').count() > t.matches('»').count();
        let closed_name;
        let name = if unclosed(&doc.text[start..stop]) && doc.text[stop..].starts_with('»') {
            stop += '»'.len_utf8();
            closed_name = if unclosed(name) {
                format!("{name}»")
            } else {
                name.to_string()
            };
            closed_name.as_str()
        } else {
            name
        };
        let name_key = match self.name_keys.get(name) {
            Some(key) => key.clone(),
            None => {
                let key = Self::key_of(name);
                self.name_keys.insert(name.to_string(), key.clone());
                key
            }
        };
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
                            && (ends_with_words(k, &name_key) || ends_with_words(&name_key, k))
                    })
                    .map(|(_, v)| *v)
            })
            .or_else(|| {
                // "Дніпровського районного суду" and "Дніпровський районний суд міста
                // Херсона": one name is the start of the other (as stems), the one such name
                // of the text; not between curated names ("United Nations" and "United
                // Nations Children's Fund" are two bodies). Cyrillic names only: they are
                // cut short by their case endings; in English "Office of the Prosecutor" and
                // "Office of the Prosecutor General" are two offices.
                let cur = &*CURATED;
                let cyrillic = name.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'));
                if !cyrillic
                    || name_key.split(' ').count() < 2
                    || cur.by_key.contains_key(&name_key)
                {
                    return None;
                }
                let starts = |long: &str, short: &str| {
                    long.len() > short.len()
                        && long.starts_with(short)
                        && long.as_bytes()[short.len()] == b' '
                };
                let mut found = self.keys.iter().filter(|(k, _)| {
                    !k.starts_with("acr:")
                        && k.split(' ').count() >= 2
                        && !cur.by_key.contains_key(k.as_str())
                        && (starts(k, &name_key) || starts(&name_key, k))
                });
                match (found.next(), found.next()) {
                    (Some((_, v)), None) => Some(*v),
                    _ => None,
                }
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
        let text = doc.text[start..stop].to_string();
        if !org.variants.contains(&text) {
            org.variants.push(text.clone());
        }
        org.mentions.push(Mention {
            start,
            end: stop,
            text,
        });
        self.covered[first..end].fill(true);
        self.spans.push(OrgSpan {
            first_word: first,
            end_word: end,
            start,
            end: stop,
            org: idx,
        });
    }
}

/// Whether `key` ends with the whole words of `tail` after a space ("a b c" ends with "b c").
fn ends_with_words(key: &str, tail: &str) -> bool {
    key.len() > tail.len()
        && key.ends_with(tail)
        && key.as_bytes()[key.len() - tail.len() - 1] == b' '
}

/// A capitalised run starting at `i`: name words joined by connectors, within the sentence.
fn cap_run(doc: &Document, i: usize, place_words: &[bool]) -> usize {
    let words = &doc.words;
    let end_limit = doc.sentence_of(i).end_word;
    let mut j = i;
    let mut last_cap = i;
    // The first word after a comma inside the run ("Children, Families and Schools
    // Committee"): a list inside one name, kept only if an "and" or "&" closes it.
    let mut after_comma: Option<usize> = None;
    while j < end_limit {
        let w = &words[j];
        if j > i {
            let gap = doc.gap(j - 1, j);
            if gap == ", " && w.cap && !w.numeric && words[j - 1].cap && after_comma.is_none() {
                after_comma = Some(j);
                last_cap = j;
                j += 1;
                continue;
            }
            // "Brighton & Hove City Council": an ampersand between capitalised words joins.
            let joined = gap == " "
                || gap == "\u{a0}"
                || gap == " & " && w.cap
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
            && !doc.is(
                j,
                crate::lexicon::class::MONTH | crate::lexicon::class::WEEKDAY,
            )
        {
            last_cap = j;
            j += 1;
        } else if j > i
            && !w.cap
            && (is_connector(&w.folded)
                // "Coordination Centre for the Support of Victims and Witnesses": "and"
                // between capitalised words of one name (cut below where it joins two).
                || w.folded == "and" && words.get(j + 1).is_some_and(|n| n.cap && !n.all_caps)
                // "Embassy of Canada to Ukraine": a mission is named by where it is sent.
                || w.folded == "to"
                    && place_words.get(j + 1).copied().unwrap_or(false)
                    && (i..j).any(|k| is_mission_head(&words[k].folded)))
        {
            // "... Prisoners of War in Kyiv": a known place after "in" says where
            // the body sits, and is no part of its name ("of Ukraine" may be), except for a
            // state's mission, named by where it sits ("Embassy of Ukraine in Australia").
            if w.folded == "in"
                && place_words.get(j + 1).copied().unwrap_or(false)
                && !(i..j).any(|k| is_mission_head(&words[k].folded))
            {
                break;
            }
            j += 1;
        } else {
            break;
        }
    }
    let mut end = last_cap + 1;
    if let Some(c) = after_comma {
        // The list's middle item is one word: "Families and", "Commonwealth &".
        let closed = c + 1 < end && (words[c + 1].folded == "and" || doc.gap(c, c + 1) == " & ");
        if !closed {
            end = c;
        }
    }
    // "the Estonian Police and the Border Guard Board", "Police and Border Guard Board": an
    // "and" between two headed names joins two bodies, not one.
    let headed = |a: usize, b: usize| has_capitalised_head(doc, a, b);
    // "the Russian Federation and Belarus": nor does an "and" before or after a place.
    let place = |a: usize, b: usize| (a..b).all(|k| place_words.get(k).copied().unwrap_or(false));
    match (i + 1..end).find(|k| words[*k].folded == "and") {
        Some(and)
            if headed(i, and) && headed(and + 1, end) || place(i, and) || place(and + 1, end) =>
        {
            and
        }
        _ => end,
    }
}

/// Legal forms and kinds of body before an association's quoted name
/// (`data/lexicon/legal_forms.txt`), folded.
static LEGAL_FORMS: LazyLock<rustc_hash::FxHashSet<String>> =
    LazyLock::new(|| crate::wordlist::folded_set(include_str!("../data/lexicon/legal_forms.txt")));

/// The end of the quoted name after a body's name ending at `end` in a legal form or a
/// party ("… камітэт ГА «БРСМ»", "отделение партии «Единая Россия»"): the quoted name is
/// the association's, and part of the body's name.
fn quoted_after_legal_form(doc: &Document, end: usize) -> Option<usize> {
    if end == 0 || !LEGAL_FORMS.contains(doc.words[end - 1].folded.as_str()) {
        return None;
    }
    doc.quoted_name_end(end, 5)
}

/// Stems (and "=word" whole words) of nouns naming works, programmes, events, vehicles,
/// cards and places of rest before their «quoted» title
/// (`data/lexicon/quoted_title_kinds.txt`), folded: (stems, whole words).
static QUOTED_TITLE_KINDS: LazyLock<(Vec<String>, rustc_hash::FxHashSet<String>)> =
    LazyLock::new(|| {
        let (mut stems, mut whole) = (Vec::new(), rustc_hash::FxHashSet::default());
        for e in crate::wordlist::entries(include_str!("../data/lexicon/quoted_title_kinds.txt")) {
            match e.strip_prefix('=') {
                Some(w) => {
                    whole.insert(fold(w));
                }
                None => stems.push(fold(e)),
            }
        }
        (stems, whole)
    });

fn is_title_kind(folded: &str) -> bool {
    let (stems, whole) = &*QUOTED_TITLE_KINDS;
    whole.contains(folded) || stems.iter().any(|s| folded.starts_with(s.as_str()))
}

/// Whether the «quoted» name opening at word `i` is the title of a work, a programme, an
/// event, a vehicle or a place of rest: the word before the opening mark names such a
/// thing ("спектакля «Морозко»"), or the word before that does when the nearer one is an
/// organisation noun or a capitalised genitive ("программа Сбербанка «…»", "оздоровительном
/// центре «…»").
fn titles_a_non_body(doc: &Document, i: usize) -> bool {
    let words = &doc.words;
    let first = doc.sentence_of(i).first_word;
    if i <= first
        || !doc
            .gap(i - 1, i)
            .trim_start()
            .ends_with(['«', '"', '“', '„'])
    {
        return false;
    }
    // "программе «Движения первых»": a quoted name led by an organisation noun is the body
    // the programme or the work belongs to.
    if doc.words[i].cyrillic && is_cyrillic_org_head(&doc.words[i].folded) {
        return false;
    }
    let near = &words[i - 1];
    if is_title_kind(&near.folded) {
        return true;
    }
    let linking = ORG_INTRODUCERS.contains(near.folded.as_str())
        || is_cyrillic_org_head(&near.folded)
        || near.cap && !near.all_caps;
    i - 1 > first
        && linking
        && matches!(doc.gap(i - 2, i - 1), " " | "-")
        && is_title_kind(&words[i - 2].folded)
}

/// The end of a «quoted» name whose first word is `i` (the word after the opening mark),
/// quotes nested in it included ("«Центр содействия семейному воспитанию «Берёзка»»"), within
/// `max_words` words of its sentence; inside, words are separated by spaces, hyphens and
/// quotation marks only.
fn nested_quoted_end(doc: &Document, i: usize, max_words: usize) -> Option<usize> {
    if i == 0 || !doc.gap(i - 1, i).trim_start().ends_with('«') {
        return doc.quoted_name_end(i, max_words);
    }
    let s = doc.sentence_of(i);
    let mut depth = 1usize;
    for e in i + 1..=(i + max_words).min(s.end_word) {
        let after = if e < s.end_word {
            doc.gap(e - 1, e)
        } else {
            &doc.text[doc.words[e - 1].end..s.end]
        };
        for c in after.chars() {
            match c {
                '«' => depth += 1,
                '»' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(e);
                    }
                }
                _ => {}
            }
        }
        if e >= s.end_word
            || !after
                .chars()
                .all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '«' | '»'))
        {
            return None;
        }
    }
    None
}

/// The end and the name of "АО «Аэропорт Рощино»" when word `i` is a Cyrillic acronym (a
/// legal form, an institution's type: ААТ, ГКУ, ТОГБУЗ, ДУ) followed by a «quoted» name
/// opening with a capital: the whole, closing marks included, is the organisation's name.
fn acronym_quoted_name(doc: &Document, i: usize, place_words: &[bool]) -> Option<(usize, String)> {
    let words = &doc.words;
    let w = &words[i];
    let s = doc.sentence_of(i);
    let len = w.folded.chars().count();
    if !w.all_caps
        || !w.cyrillic
        || place_words[i]
        || !(2..=7).contains(&len)
        || NOT_ACRONYMS.contains(&w.folded.as_str())
        // "Администрация МО ГО «Сыктывкар»": after another acronym it is a word of a
        // longer name (a municipality's kind), no legal form.
        || i > s.first_word && words[i - 1].all_caps && doc.gap(i - 1, i) == " "
        // A listed body's acronym before a quoted name names its programme or course
        // ("ЮНІСЕФ «Психологічна перша допомога»"), unless a legal form.
        || CURATED.by_key.contains_key(doc.keys[i].as_str())
            && !LEGAL_FORMS.contains(w.folded.as_str())
        || i + 1 >= s.end_word
        || !matches!(doc.gap(i, i + 1), " «" | "\u{a0}«" | "«")
        || !words[i + 1].cap
        || words[i + 1].numeric
    {
        return None;
    }
    let end = nested_quoted_end(doc, i + 1, 10)?;
    // "ДОЛ «Звездный»": the acronym of a camp's kind names a facility, a place.
    if crate::places::is_facility_head_key(doc.keys[i].as_str()) {
        return None;
    }
    let stop = words[end - 1].end;
    let closing = doc.text[stop..]
        .chars()
        .take_while(|c| *c == '»')
        .map(char::len_utf8)
        .sum::<usize>();
    Some((end, doc.text[w.start..stop + closing].to_string()))
}

/// Whether a capitalised organization head noun ("Committee", "Board") stands in words
/// `a..b`.
fn has_capitalised_head(doc: &Document, a: usize, b: usize) -> bool {
    (a..b).any(|k| doc.words[k].cap && ORG_HEADS.contains(doc.words[k].folded.as_str()))
}

/// The end of the run of place words from word `k`, within `limit`.
fn place_run_end(place_words: &[bool], k: usize, limit: usize) -> usize {
    let mut end = k;
    while end < limit && place_words[end] {
        end += 1;
    }
    end
}

/// Words after "Press" naming a unit or a document of an unnamed body
/// (`data/lexicon/press_unit_words.txt`), folded.
static PRESS_UNIT_WORDS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/press_unit_words.txt"))
});

/// Whether words `start..end` end in "Press" and a unit, a document or a person of a body
/// ("Press Release", "Press Service", "Committee Press Office", "Press Contact"): a page's
/// furniture, no body of its own.
fn is_press_unit(doc: &Document, start: usize, end: usize) -> bool {
    end >= start + 2
        && doc.words[end - 2].folded == "press"
        && PRESS_UNIT_WORDS.contains(doc.words[end - 1].folded.as_str())
}

/// "пресс-службе", "прес-службі", "прэс-службе" (folded, any case): a body's press service.
pub(crate) fn is_press_service(folded: &str) -> bool {
    ["пресс-служб", "прес-служб", "прэс-служб"]
        .iter()
        .any(|p| folded.starts_with(p))
}

/// The organisations found so far that a regional administration's acronym ("ОВА", "РВА")
/// abbreviates: a form the text gave them ends in words with its initials ("обласна військова
/// адміністрація"), after a place's adjective whose stem is `adjective` when one is given.
fn admin_expansions<'a>(
    b: &'a Builder,
    acronym: &'a str,
    adjective: Option<&'a str>,
) -> impl Iterator<Item = usize> + 'a {
    let n = acronym.chars().count();
    (0..b.orgs.len()).filter(move |&o| {
        let org = &b.orgs[o];
        std::iter::once(&org.name)
            .chain(org.variants.iter())
            .any(|form| {
                let parts: Vec<String> = form.split_whitespace().map(fold).collect();
                if parts.len() < n + 1 {
                    return false;
                }
                let tail = &parts[parts.len() - n..];
                let initials = tail
                    .iter()
                    .filter_map(|p| p.chars().next())
                    .eq(acronym.chars());
                let before = &parts[parts.len() - n - 1];
                initials
                    && adjective.is_none_or(|a| crate::normalize::stem(before) == a)
                    && (adjective.is_some() || tail.iter().all(|p| p.chars().count() > 2))
            })
    })
}

/// Adds the organization named by words `first..end`, under its curated name and acronym
/// when the list knows the name. A press service before the body's name ("Прэс-служба
/// Міністэрства адукацыі", a release's signature) is the body's unit: the body is named.
fn add_named(doc: &Document, b: &mut Builder, first: usize, end: usize) {
    let first = if end > first + 1 && is_press_service(&doc.words[first].folded) {
        first + 1
    } else {
        first
    };
    let name = doc.text[doc.words[first].start..doc.words[end - 1].end].to_string();
    match CURATED.by_key.get(&name_key(&name)) {
        Some(id) => {
            let c = &CURATED.orgs[*id];
            b.add(
                doc,
                first,
                end,
                &c.name.clone(),
                c.acronym.clone().as_deref(),
            );
        }
        None => b.add(doc, first, end, &name, None),
    }
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
        keys: rustc_hash::FxHashMap::default(),
        covered: vec![false; words.len()],
        name_keys: rustc_hash::FxHashMap::default(),
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
            let mut s = if words[s].folded == "the" { s + 1 } else { s };
            // "UN Human Rights Monitoring Mission in Ukraine (HRMMU)": a known acronym right
            // before the expansion names the parent organization and belongs to the name.
            if s > sentence_start
                && words[s - 1].all_caps
                && doc.gap(s - 1, s) == " "
                && cur.by_key.contains_key(doc.keys[s - 1].as_str())
            {
                s -= 1;
            }
            let name = doc.text[words[s].start..words[end - 1].end].to_string();
            let curated_name = cur
                .by_key
                .get(&name_key(acronym))
                .or_else(|| cur.by_key.get(&name_key(&name)))
                .map(|id| cur.orgs[*id].name.clone());
            let canonical = curated_name.unwrap_or(name.clone());
            b.add(doc, s, end, &canonical, Some(acronym));
            b.add(doc, i, i + 1, &canonical, Some(acronym));
        }
    }

    // 2. Curated names (longest match), 3. headed runs, 4. introduced names, in text order.
    let keys = &doc.keys;
    let (mut joined, mut ends) = (String::new(), Vec::new());
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let sentence = doc.sentence_of(i);
        // "фонд Олексія Талая", "фонда Алексея Талая", "the Alexei Talai Foundation": a
        // foundation named after a person is one organization, not a person and a fragment.
        if !sentence.shouting && !b.covered[i] {
            if let Some(end) = fund_named_after_person(doc, i) {
                let name = doc.text[words[i].start..words[end - 1].end].to_string();
                b.add(doc, i, end, &name, None);
                i = end;
                continue;
            }
        }
        // "министерстве образования и науки ДНР", "правительства Ленинградской области": a
        // state body in lowercase, named by its head and genitives up to the state or region
        // it belongs to.
        if !sentence.shouting && !w.cap && w.cyrillic && !b.covered[i] {
            if let Some(end) = lowercase_state_body_end(doc, i, &place_words) {
                let name = doc.text[words[i].start..words[end - 1].end].to_string();
                b.add(doc, i, end, &name, None);
                i = end;
                continue;
            }
        }
        if sentence.shouting || !(w.cap || w.all_caps) || w.numeric {
            i += 1;
            continue;
        }
        if w.folded == "the" || b.covered[i] {
            i += 1;
            continue;
        }
        // "АО «Аэропорт Рощино»", "ГКУ «Центр … «Берёзка»»", "ДУ «Мазырскі … цэнтр …»": a legal
        // form's or an institution type's acronym before a quoted name is one organisation
        // with it.
        if let Some((end, name)) = acronym_quoted_name(doc, i, &place_words) {
            // The quoted name named alone before ("Детектор медіа") is the same body.
            let quoted = &doc.text[words[i + 1].start..words[end - 1].end];
            let name = b
                .keys
                .get(&Builder::key_of(quoted))
                .map_or(name, |id| b.orgs[*id].name.clone());
            b.add(doc, i, end, &name, None);
            // The quoted name alone, later in the text («Нафтану»), is the same body.
            if let Some(span) = b.spans.last().filter(|s| s.first_word == i) {
                b.keys.insert(Builder::key_of(quoted), span.org);
            }
            i = end;
            continue;
        }
        // 2. Curated.
        let max = if cur.first_words.contains(keys[i].as_str()) {
            cur.max_words.min(sentence.end_word - i)
        } else {
            0
        };
        let mut matched = None;
        doc.joined_keys_into(
            i,
            max,
            // A brand written with a dot or a bang inside ("Слідство.Інфо", "Za!TV").
            // A list of fields after a comma inside a listed name is matched below only
            // against the names written so.
            |gap| matches!(gap, " " | "-" | "\u{a0}" | "." | "!" | ", "),
            &mut joined,
            &mut ends,
        );
        for n in (1..=ends.len()).rev() {
            let over_comma = (i + 1..i + n).any(|k| doc.gap(k - 1, k) == ", ");
            if over_comma && !cur.with_commas.contains(&joined[..ends[n - 1]]) {
                continue;
            }
            // Initials with dots ("U.N.") are an abbreviation, read whole elsewhere, not a
            // brand of two words.
            let initials = (i + 1..i + n)
                .any(|k| doc.gap(k - 1, k) == "." && words[k - 1].folded.chars().count() == 1);
            if initials {
                continue;
            }
            if let Some(id) = cur.by_key.get(&joined[..ends[n - 1]]) {
                matched = Some((n, *id));
                break;
            }
        }
        if let Some((n, id)) = matched {
            let c = &cur.orgs[id];
            // "UN Committee on the Rights of the Child", "EU Council": an organization's acronym
            // before a headed name names one of its bodies, as one organization.
            if n == 1 && w.all_caps {
                if let Some(end) = body_of_acronym(doc, i, &place_words) {
                    let end = channel_number_end(doc, end);
                    let whole = doc.text[words[i].start..words[end - 1].end].to_string();
                    let body = &doc.text[words[i + 1].start..words[end - 1].end];
                    // A known body keeps its known name ("UN Commission of Inquiry on Ukraine").
                    let name = [whole.as_str(), body]
                        .iter()
                        .find_map(|n| cur.by_key.get(&name_key(n)))
                        .map_or(whole.clone(), |id| cur.orgs[*id].name.clone());
                    b.add(doc, i, end, &name, None);
                    i = end;
                    continue;
                }
            }
            // "Министерства просвещения Республики Башкортостан", "… и воспитания Ульяновской
            // области": a national body's listed name opening a longer one that goes on to a
            // region names the region's body, which is not the listed one.
            let regional = w.cyrillic
                && n > 1
                && cyrillic_org_end(doc, i).is_some_and(|e| {
                    e > i + n
                        && (i + n..e).any(|k| {
                            let f = words[k].folded.as_str();
                            is_region_word(f) || words[k].cap && is_republic_word(f)
                        })
                });
            // A curated acronym must be written in capitals ("UN", not "Un").
            // A short name in quotes is a name («Схем»).
            let quoted = i > 0 && doc.gap(i - 1, i).trim_start().ends_with(['«', '"', '“']);
            if !regional && (n > 1 || w.all_caps || w.folded.chars().count() > 4 || quoted) {
                let end = i + n + usize::from(qualified_by_next(doc, i, i + n));
                // "BBC One", "BBC Two": each numbered channel is a body of its own name.
                let channel = if w.cyrillic {
                    end
                } else {
                    channel_number_end(doc, end)
                };
                if channel > end {
                    let name = doc.text[w.start..words[channel - 1].end].to_string();
                    b.add(doc, i, channel, &name, None);
                    i = channel;
                    continue;
                }
                // "Save the Children Sweden", "SOS Children's Villages Ukraine": a listed
                // body's name and a country is its national organisation, another body.
                let country = end < sentence.end_word
                    && !w.cyrillic
                    && n > 1
                    && spaced_at(doc, end)
                    && words[end].cap
                    && place_words[end]
                    && !words
                        .get(end + 1)
                        .is_some_and(|x| x.cap && spaced_at(doc, end + 1));
                if country {
                    let name = doc.text[w.start..words[end].end].to_string();
                    b.add(doc, i, end + 1, &name, None);
                    i = end + 1;
                    continue;
                }
                b.add(doc, i, end, &c.name.clone(), c.acronym.clone().as_deref());
                i = end;
                continue;
            }
        }
        // "Совбеза ООН", "Генсекретариата ОБСЕ": a body named by one word and the acronym of
        // the organisation it belongs to.
        if w.cyrillic
            && !w.all_caps
            && i > sentence.first_word
            && !place_words[i]
            && i + 1 < sentence.end_word
            && doc.gap(i, i + 1) == " "
            && words[i + 1].all_caps
            && matches!(
                words[i + 1].folded.as_str(),
                "оон" | "аан" | "єс" | "ес" | "обсє" | "обсе" | "абсе"
            )
            && !crate::lexicon::ROLES.contains(w.folded.as_str())
            && !crate::lexicon::NOT_NAMES.contains(w.folded.as_str())
            && !crate::lexicon::is_given_name(&w.folded)
        {
            // "Комитет ООН по правам ребенка": with the set complement institutions take.
            let mut end = i + 2;
            let spaced = |k: usize| k < sentence.end_word && doc.gap(k - 1, k) == " ";
            if spaced(end + 1)
                && is_complement_preposition(&words[end].folded)
                && is_complement_noun(&words[end + 1].folded)
            {
                end += 2;
                if spaced(end) && !words[end].cap && is_genitive_like(&words[end].folded) {
                    end += 1;
                }
            }
            let name = doc.text[w.start..words[end - 1].end].to_string();
            b.add(doc, i, end, &name, None);
            i = end;
            continue;
        }
        // "Мінреінтеграції", "Минобороны": a ministry's short one-word name.
        if w.cyrillic && !place_words[i] && is_ministry_short_name(&w.folded) {
            // "Минобрнауки Херсонской области": a region's ministry is named with its region.
            let mut end = i + 1;
            if end < sentence.end_word
                && spaced_at(doc, end)
                && place_words[end]
                && words[end].cap
                && is_genitive_like(&words[end].folded)
            {
                end = place_run_end(&place_words, end, sentence.end_word);
            }
            let name = doc.text[w.start..words[end - 1].end].to_string();
            b.add(doc, i, end, &name, None);
            i = end;
            continue;
        }
        // A «quoted» Cyrillic name of one or two words that no rule above took and that is
        // no place: outlets, movements and groups, in any case ("как паведаміла «Звяздзе»",
        // "актывісты «Маладой гвардыі»", "отделением «Движения первых»").
        // Not opening a sentence: a headline's ironic quote («Оздоровление» ...) names nothing.
        if w.cyrillic && !w.all_caps && i > sentence.first_word && !titles_a_non_body(doc, i) {
            if let Some(end) = doc.quoted_name_end(i, 3) {
                if end - i <= 2
                    && !(i..end).any(|k| place_words[k])
                    && !inflects_a_place_word(doc, i, places)
                {
                    let (first, end) = quoted_named_after(doc, i, end);
                    let name = doc.text[words[first].start..words[end - 1].end].to_string();
                    b.add(doc, first, end, &name, None);
                    i = end;
                    continue;
                }
            }
        }
        // 3a. Ukrainian/Russian names: only the first word is capitalised, the head noun may be
        // lowercase and the rest in the genitive ("Міжнародного комітету Червоного Хреста").
        // "В Москве решения суда": a place named by its noun opens no name whose head comes
        // later; such a name opens with the place's adjective ("Московского городского суда").
        let place_noun_opener = place_words[i]
            && !is_cyrillic_org_head_key(&doc.keys[i])
            && !is_strict_adjective(&w.folded)
            && !is_feminine_nominative_adjective(&w.folded)
            && !["скі", "цкі"].iter().any(|e| w.folded.ends_with(e));
        if w.cyrillic && !place_noun_opener {
            if let Some(mut end) = cyrillic_org_end(doc, i) {
                if (i..end).any(|k| is_mission_head(&doc.keys[k])) {
                    end = mission_seat_end(doc, end, &place_words).unwrap_or(end);
                }
                end = quoted_after_legal_form(doc, end).unwrap_or(end);
                // "Благотворительный фонд «Теплый дом»": a lowercase description before a
                // quoted name introduces the name, which is the organization's.
                if describes_quoted_name(doc, i, end) {
                    i = end;
                    continue;
                }
                // "Дзяржаўнае агенцтва БелТА", "Информационное агентство ТАСС": a description
                // before a listed name is no part of it; the listed name is read on its own.
                if let Some(k) = listed_after_description(doc, i, end, &place_words) {
                    i = k;
                    continue;
                }
                add_named(doc, &mut b, i, end);
                i = end;
                continue;
            }
        }
        // 3. Run with an organization head noun.
        let end = cap_run(doc, i, &place_words);
        let mut start = i;
        // "the Kyiv-based Regional Centre …": where the body is based is no part of its name.
        while start + 1 < end && words[start].folded.ends_with("-based") {
            start += 1;
        }
        while start < end
            && (is_leading_non_name(&words[start].folded)
                || words[start].possessive && place_words[start]
                || opens_with_participle(doc, start))
        {
            start += 1;
        }
        // "Prosecutors of the Office of ...", "Staff of the Belarusian Red Cross": a noun that is
        // not an organization head, before "of", names people of the organization, not it.
        // A singular noun that is no title ("House of Commons …") heads a name instead.
        let people = |k: usize| {
            let f = words[k].folded.as_str();
            f.ends_with('s')
                || matches!(f, "staff" | "personnel" | "police")
                || doc.is(k, crate::lexicon::class::ROLE)
        };
        // "Press Service of the Ministry of …" (a release's signature): the service is the
        // body's unit; the body is named.
        if start + 3 < end
            && words[start].folded == "press"
            && words[start + 1].folded == "service"
            && words[start + 2].folded == "of"
        {
            start += if words[start + 3].folded == "the" {
                4
            } else {
                3
            };
        }
        while start + 2 < end
            && !ORG_HEADS.contains(words[start].folded.as_str())
            && people(start)
            && words[start + 1].folded == "of"
        {
            start += if words[start + 2].folded == "the" {
                3
            } else {
                2
            };
        }
        // "Dr Oleh Marchenko of the Ukrainian Catholic University": a person (a given name
        // or a title before "of", and no organization head) is of the organization, not in
        // its name.
        if let Some(of) = (start + 1..end.saturating_sub(1)).find(|k| words[*k].folded == "of") {
            let person = (start..of).any(|k| {
                crate::lexicon::is_given_name(&words[k].folded)
                    || doc.is(k, crate::lexicon::class::ROLE)
            });
            let headed = (start..of).any(|k| ORG_HEADS.contains(words[k].folded.as_str()));
            if person && !headed {
                start = if words[of + 1].folded == "the" {
                    of + 2
                } else {
                    of + 1
                };
            }
        }
        // "St. Columba's College": the abbreviation of "Saint" before the name is part of it.
        if start == i
            && start >= 1
            && words[start - 1].cap
            && matches!(words[start - 1].folded.as_str(), "st" | "ste" | "sts")
            && doc.gap(start - 1, start) == ". "
            && !b.covered[start - 1]
            && (start..end).any(|k| ORG_HEADS.contains(words[k].folded.as_str()))
        {
            start -= 1;
        }
        // "U.S. Agency for International Development": a state's initials with dots
        // before the name are part of it.
        if start == i
            && start >= 2
            && words[start - 1].folded.chars().count() == 1
            && words[start - 2].folded.chars().count() == 1
            && words[start - 1].cap
            && words[start - 2].cap
            && doc.gap(start - 2, start - 1) == "."
            && doc.gap(start - 1, start) == ". "
            && !b.covered[start - 2]
        {
            start -= 2;
        }
        // A run that is exactly a place ("Russian Federation") is the place.
        let is_place_run = start < end && (start..end).all(|k| place_words[k]);
        // Sentence-initial "The" / "In" are not part of the name; keep "Union"/"State" heads.
        let has_head = has_capitalised_head(doc, start, end);
        let content = (start..end).filter(|k| words[*k].cap).count();
        if has_head
            && content >= 2
            && !is_place_run
            && !all_demonym_and_head(doc, start, end)
            && !is_press_unit(doc, start, end)
        {
            // "Office of the Prosecutor of the International Criminal Court": two organizations,
            // the known one after the last "of (the)" and the office before it.
            if let Some((left_end, right_start, id)) = known_org_after_of(doc, start, end) {
                let c = &cur.orgs[id];
                let left_has_head = has_capitalised_head(doc, start, left_end);
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
            add_named(doc, &mut b, start, end);
            i = end;
            continue;
        }
        // 4. Introduced by a descriptive noun ("news agency Belta", "організація «X»"), also
        // through "called" / "named" ("a Kyiv-based group called Hope Bridge").
        if let Some(called) = introduced_at(doc, i).filter(|_| !titles_a_non_body(doc, i)) {
            let gap = doc.gap(i - 1, i);
            if matches!(gap.trim(), "" | "«" | "\"" | "“") {
                let quoted = gap.trim().is_empty().not();
                let end = if quoted {
                    quoted_end(doc, i).unwrap_or(i + 1)
                } else {
                    // "арганізацыі ДТСААФ Уладзімір Канаваленка": a given name after the
                    // introduced name starts the person who speaks for it.
                    let run = cap_run(doc, i, &place_words);
                    (i + 1..run.saturating_sub(1))
                        .find(|k| !called && crate::lexicon::is_given_name(&words[*k].folded))
                        .unwrap_or(run)
                };
                let is_place = place_words[i] && end == i + 1;
                // A given name after a bare descriptive noun starts a person's name ("the
                // charity's head Maria ..."); after "called" it starts the organization's.
                if !is_place && (called || !crate::lexicon::is_given_name(&w.folded)) {
                    let (first, end) = if quoted {
                        quoted_named_after(doc, i, end)
                    } else {
                        (i, end)
                    };
                    let name = doc.text[words[first].start..words[end - 1].end].to_string();
                    b.add(doc, first, end, &name, None);
                    i = end;
                    continue;
                }
            }
        }
        // "Family Compass, a volunteer network based in Dnipro", "a Kyiv-based charity, Light
        // Bridge, and …": an English name in apposition to a descriptive noun.
        if w.cap
            && !w.all_caps
            && w.folded.is_ascii()
            && !place_words[i]
            && !crate::lexicon::is_given_name(&w.folded)
        {
            let end = cap_run(doc, i, &place_words);
            if end > i
                && (appositive_before(doc, i) || appositive_after(doc, end))
                && !(i..end).any(|k| place_words[k])
                && !(i..end).all(|k| is_leading_non_name(&words[k].folded))
                // "On Friday, a charity said …": a day or a month is no name.
                && !(i..end).any(|k| {
                    doc.is(k, crate::lexicon::class::WEEKDAY)
                        || doc.is(k, crate::lexicon::class::MONTH)
                })
            {
                let name = doc.text[words[i].start..words[end - 1].end].to_string();
                b.add(doc, i, end, &name, None);
                i = end;
                continue;
            }
        }
        // Acronyms seen before in this text ("the NAM team").
        if let Some(&id) = w
            .all_caps
            .then(|| b.keys.get(&format!("acr:{}", w.folded)))
            .flatten()
        {
            let name = b.orgs[id].name.clone();
            b.add(doc, i, i + 1, &name, Some(doc.word_text(i)));
        }
        i += 1;
    }

    add_outlet_domains(doc, &mut b);

    // Acronyms not defined anywhere: organizations when written twice or after "the".
    let mut counts: HashMap<&str, usize> = HashMap::new();
    // Speakers' labels of a transcript or an interview ("BIRCH: …", "ВОПРОС: …"), a word in
    // capitals opening a line before a colon more than once, are no acronyms.
    let mut labels: HashMap<&str, usize> = HashMap::new();
    for (k, w) in words.iter().enumerate() {
        if w.all_caps && !doc.sentence_of(k).shouting && !in_shouted_run(doc, k) {
            *counts.entry(w.folded.as_str()).or_default() += 1;
        }
        if w.all_caps && opens_line_before_colon(doc, k) {
            *labels.entry(w.folded.as_str()).or_default() += 1;
        }
    }
    for k in 0..words.len() {
        let w = &words[k];
        if !w.all_caps
            || doc.sentence_of(k).shouting
            || in_shouted_run(doc, k)
            || place_words[k]
            || NOT_ACRONYMS.contains(&w.folded.as_str())
            || w.folded.chars().count() > 6
            || b.covered[k]
            || labels.get(w.folded.as_str()).is_some_and(|&n| n >= 2)
        {
            continue;
        }
        // "ANDRIY HONCHAR:": a given name in capitals is a person's, no acronym.
        if crate::lexicon::is_given_name(&w.folded) {
            continue;
        }
        let after_the = k > 0 && words[k - 1].folded == "the";
        // "МИД Беларуси", "МНС Беларусі", "СК России": an acronym before the genitive of a
        // state is that state's body, named with it.
        if w.cyrillic
            && k + 1 < words.len()
            && doc.gap(k, k + 1) == " "
            && is_state_genitive(&words[k + 1])
        {
            // "УМВД России по Оренбургской области": a state body's regional branch is
            // named with the region it serves.
            let end =
                region_complement_end(doc, k + 2, doc.sentence_of(k).end_word).unwrap_or(k + 2);
            let name = doc.text[w.start..words[end - 1].end].to_string();
            b.add(doc, k, end, &name, None);
            continue;
        }
        // "Пологівської РВА", "Харківська ОВА": an administration's acronym after the
        // adjective of the place it governs is named with it.
        if w.cyrillic
            && k > 0
            && doc.gap(k - 1, k) == " "
            && words[k - 1].cap
            && words[k - 1].cyrillic
            && !b.covered[k - 1]
            && is_adjective_like(&words[k - 1].folded)
            && REGIONAL_ADMIN_ACRONYMS.contains(w.folded.as_str())
        {
            // The same administration named in full earlier ("Пологівської районної військової
            // адміністрації"): the place's adjective and the initials of the rest, in any
            // form the text gave it (a curated body is named in English).
            let adjective = crate::normalize::stem(&words[k - 1].folded);
            let expansion = admin_expansions(&b, &w.folded, Some(adjective)).next();
            let name = expansion.map_or_else(
                || doc.text[words[k - 1].start..w.end].to_string(),
                |o| b.orgs[o].name.clone(),
            );
            b.add(doc, k - 1, k + 1, &name, None);
            continue;
        }
        // "Начальник ОВА заявив": the one administration of that kind the text named in full.
        if w.cyrillic && REGIONAL_ADMIN_ACRONYMS.contains(w.folded.as_str()) {
            let found: Vec<usize> = admin_expansions(&b, &w.folded, None).take(2).collect();
            if let [o] = found[..] {
                let name = b.orgs[o].name.clone();
                b.add(doc, k, k + 1, &name, None);
                continue;
            }
        }
        // "Белорусский МИД", "беларускае МНС": an acronym after a state's adjective is that
        // state's body.
        if w.cyrillic
            && k > 0
            && doc.gap(k - 1, k) == " "
            && STATE_ADJECTIVES
                .iter()
                .any(|p| words[k - 1].folded.starts_with(p))
        {
            let name = doc.word_text(k).to_string();
            b.add(doc, k, k + 1, &name, Some(doc.word_text(k)));
            continue;
        }
        let known = b.keys.get(&format!("acr:{}", w.folded)).copied();
        if known.is_some() || counts[w.folded.as_str()] >= 2 || after_the {
            let name = known
                .map(|id| b.orgs[id].name.clone())
                .unwrap_or_else(|| doc.word_text(k).to_string());
            b.add(doc, k, k + 1, &name, Some(doc.word_text(k)));
        }
    }

    merge_bracketed_acronyms(doc, &mut b);
    merge_acronyms_by_initials(&mut b);
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

/// The end of a broadcaster's numbered channel after its name ending at `end` ("BBC One",
/// "BBC Radio 4"): a capitalised English number word, or a number of one or two digits
/// after a word for a station.
fn channel_number_end(doc: &Document, end: usize) -> usize {
    let words = &doc.words;
    if end == 0 || end >= doc.sentence_of(end - 1).end_word || doc.gap(end - 1, end) != " " {
        return end;
    }
    let w = &words[end];
    let number_word = w.cap
        && matches!(
            w.folded.as_str(),
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
    // Digits only after a word for a station ("Radio 4"), not a count after a name.
    let digits = w.numeric
        && w.folded.len() <= 2
        && w.folded.bytes().all(|c| c.is_ascii_digit())
        && matches!(words[end - 1].folded.as_str(), "radio" | "tv" | "channel");
    if number_word || digits {
        end + 1
    } else {
        end
    }
}

/// Whether the word after a known name `i..end` belongs to it: the parent's acronym after an
/// acronym ("УВКПЛ ООН", "УВКБ ООН") or the genitive of the state a national body belongs to
/// ("Верховної Ради України", "Генпрокуратуры России").
fn qualified_by_next(doc: &Document, i: usize, end: usize) -> bool {
    let words = &doc.words;
    if end >= doc.sentence_of(i).end_word || doc.gap(end - 1, end) != " " {
        return false;
    }
    let next = &words[end];
    let parent = words[end - 1].all_caps
        && next.all_caps
        && matches!(next.folded.as_str(), "оон" | "аан" | "un" | "єс" | "ес");
    let state = is_state_genitive(next);
    // "Союзна держава Росії і Білорусі": a body of two states is not a national one.
    let listed = words
        .get(end + 1)
        .is_some_and(|w| matches!(w.folded.as_str(), "і" | "и" | "та" | "й" | "and"));
    parent || state && !listed
}

/// The genitive of the states whose national bodies the texts name ("України", "Беларуси").
fn is_state_genitive(w: &crate::scan::Word) -> bool {
    w.cyrillic
        && w.cap
        && matches!(
            w.folded.as_str(),
            "украіни"
                | "украины"
                | "украіны"
                | "беларусі"
                | "беларуси"
                | "білорусі"
                | "белоруссии"
                | "росіі"
                | "россии"
                | "расіі"
        )
}

/// The adjectives of the states whose bodies the texts name by acronym, as folded prefixes
/// (any case and gender: "белорусский", "беларускага", "російське").
const STATE_ADJECTIVES: &[&str] = &[
    "белорусск",
    "беларуск",
    "білоруськ",
    "российск",
    "расійск",
    "російськ",
    "украинск",
    "украінськ",
    "украінск",
];

/// What may follow "Мін-"/"Мин-" in a ministry's one-word name
/// (`data/lexicon/ministry_short_stems.txt`).
static MINISTRY_SHORT_STEMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/ministry_short_stems.txt")).collect()
});

/// "Мінреінтеграції", "Минобороны", "Мінрэінтэграцыі": "Мін-"/"Мин-" and a ministry's field.
/// A prefix test on capitalised words starting so (few), against a list of some thirty.
fn is_ministry_short_name(folded: &str) -> bool {
    let Some(rest) = folded
        .strip_prefix("мін")
        .or_else(|| folded.strip_prefix("мин"))
    else {
        return false;
    };
    rest.chars().count() >= 3 && MINISTRY_SHORT_STEMS.iter().any(|s| rest.starts_with(s))
}

/// Heads of state bodies named in lowercase ("министерство", "правительство", "уряд"), as
/// stems.
fn is_state_body_head(key: &str) -> bool {
    // Most words start otherwise: one look at the first letter first.
    if !key.starts_with(['м', 'п', 'у']) {
        return false;
    }
    [
        "міністерств",
        "министерств",
        "міністэрств",
        "правительств",
        "уряд",
        "урад",
        // "прокуратуре Нижегородской области": a prosecutor's office is named by its region.
        "прокуратур",
        "пракуратур",
        // "посольства Катара": an embassy is named by its state.
        "посольств",
        "пасольств",
    ]
    .iter()
    .any(|h| key.starts_with(h))
}

/// Heads of the lowercase branches of a body or of a local administration, named by their
/// field and by the body or place they belong to ("управління освіти Ізюмської міської
/// ради", "администрации Рыбинска", "аддзела адукацыі Нясвіжскага райвыканкама"), as stems.
/// Unlike a ministry, such a head is also a common noun ("управління" is "management"), so a
/// name it opens must end in the genitive of its place or body.
fn is_branch_body_head(key: &str) -> bool {
    BRANCH_HEADS.0.iter().any(|h| key.starts_with(h.as_str()))
}

/// Heads of a state's missions abroad, named by the state and where they sit ("Посольства
/// Швеції в Україні", "Embassy of Ukraine in Australia"), as stems or folded words.
pub(crate) fn is_mission_head(key: &str) -> bool {
    BRANCH_HEADS.1.iter().any(|h| key.starts_with(h.as_str()))
}

/// Whether a folded word is the word for a republic ("Республики", "Рэспубліцы").
fn is_republic_word(folded: &str) -> bool {
    BRANCH_HEADS
        .2
        .iter()
        .any(|h| folded.starts_with(h.as_str()))
}

/// The prefixes of `data/lexicon/branch_heads.tsv`, by kind: branch heads, mission heads and
/// the word for a republic.
static BRANCH_HEADS: LazyLock<(Vec<String>, Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let (mut branch, mut mission, mut republic) = (Vec::new(), Vec::new(), Vec::new());
    for line in crate::wordlist::entries(include_str!("../data/lexicon/branch_heads.tsv")) {
        match line.split_once('\t') {
            Some(("branch", w)) => branch.push(fold(w.trim())),
            Some(("mission", w)) => mission.push(fold(w.trim())),
            Some(("republic", w)) => republic.push(fold(w.trim())),
            _ => {}
        }
    }
    (branch, mission, republic)
});

/// The end of "в Україні", "у Польшчы" after a mission's name ending at `end`: where the
/// mission sits is part of its name.
fn mission_seat_end(doc: &Document, end: usize, place_words: &[bool]) -> Option<usize> {
    let words = &doc.words;
    let s = doc.sentence_of(end.saturating_sub(1));
    if end + 1 >= s.end_word
        || !spaced_at(doc, end)
        || !spaced_at(doc, end + 1)
        || !matches!(words[end].folded.as_str(), "в" | "у" | "ў" | "in")
    {
        return None;
    }
    // "ў Рэспубліцы Беларусь", "в Республике Казахстан": the word for a republic before it.
    let republic = words[end + 1].cap
        && is_republic_word(&words[end + 1].folded)
        && spaced_at(doc, end + 2)
        && place_words.get(end + 2) == Some(&true);
    if !place_words[end + 1] && !republic {
        return None;
    }
    Some(place_run_end(
        place_words,
        if republic { end + 2 } else { end + 1 },
        s.end_word,
    ))
}

/// "министерстве образования и науки ДНР", "правительства Ленинградской области",
/// "управлении образования и науки Тамбовской области", "камітэта па адукацыі Мінскага
/// аблвыканкама": a lowercase head of a state body or of a branch, its fields (genitives
/// joined by "и"/"і"/"та", after "по"/"па", a set complement), then the state, region or
/// place found as a place, or the capitalised body it belongs to, which ends the name. A
/// branch of a body named in lowercase ("аддзела адукацыі, спорту і турызму райвыканкама")
/// ends at that body's head. At most eight words before the end.
fn lowercase_state_body_end(doc: &Document, i: usize, place_words: &[bool]) -> Option<usize> {
    let words = &doc.words;
    let s = doc.sentence_of(i);
    let spaced = |k: usize| k < s.end_word && matches!(doc.gap(k - 1, k), " " | "\u{a0}");
    // "галоўнага ўпраўлення адукацыі …", "епархиального отдела …": an adjective that forms
    // a branch's name (`data/lexicon/branch_name_adjectives.txt`) opens it.
    let opened_by_adjective = spaced(i + 1)
        && is_branch_body_head(&doc.keys[i + 1])
        && BRANCH_NAME_ADJECTIVES
            .iter()
            .any(|a| words[i].folded.starts_with(a.as_str()));
    let i = if opened_by_adjective { i + 1 } else { i };
    let key = &doc.keys[i];
    let state_head = is_state_body_head(key);
    if !state_head && !is_branch_body_head(key) {
        return None;
    }
    // A branch head after another adjective ("окупаційної адміністрації", "Галоўнае
    // ўпраўленне") is described, or opens a capitalised name read from that adjective; after
    // a title ("главы администрации Северодонецка") it is part of the title unless its
    // fields name it ("начальника управления образования …").
    let mut after_title = false;
    if !state_head && !opened_by_adjective && i > s.first_word && spaced(i) {
        let before = words[i - 1].folded.as_str();
        if is_strict_adjective(before) {
            return None;
        }
        after_title = crate::lexicon::ROLES.contains(before);
    }
    let named = |end: usize| (!after_title || end > i + 2).then_some(end);
    // The end of a branch named after a body in lowercase, if the words stop after it.
    let mut body_in_lowercase = None;
    // Whether a field after "по"/"па" was read: the fields listed after it share its case.
    let mut after_po = false;
    let mut k = i + 1;
    while k < s.end_word && k <= i + 8 {
        if !spaced(k) {
            // "адукацыі, спорту і турызму": a list of the fields goes on after a comma.
            let and = |j: usize| {
                j < s.end_word && matches!(words[j].folded.as_str(), "и" | "і" | "та" | "й")
            };
            // After "па" the fields are in the locative ("па адукацыі, спорце і турызме").
            let field = |j: usize| {
                !words[j].cap
                    && (is_genitive_like(&words[j].folded) || after_po)
                    && !ends_cyrillic_name(&words[j].folded)
            };
            if doc.gap(k - 1, k) == ", "
                && field(k)
                && and(k + 1)
                && spaced(k + 1)
                && spaced(k + 2)
                && field(k + 2)
            {
                k += 3;
                continue;
            }
            break;
        }
        let f = words[k].folded.as_str();
        if place_words[k] {
            // A branch head needs the place's genitive ("управління Запорізькою АЕС" is
            // running it, not a body).
            if !state_head && !is_genitive_like(f) {
                return None;
            }
            let mut end = place_run_end(place_words, k, s.end_word);
            // "Кировской области" where the gazetteer took the adjective alone.
            if spaced(end) && is_region_word(&words[end].folded) {
                end += 1;
            }
            // "камітэта па адукацыі Мінскага аблвыканкама": the place's adjective opens the
            // body the branch belongs to.
            if words[k].cap {
                if let Some(body_end) = cyrillic_org_end(doc, k).filter(|e| *e > end) {
                    return named(body_end);
                }
            }
            if is_mission_head(key) {
                end = mission_seat_end(doc, end, place_words).unwrap_or(end);
            }
            return named(end);
        }
        // "уряді Нижньогородської області": a region the gazetteer lacks, named by its
        // adjective and the word for a region, ends the name as a found one does.
        if words[k].cap
            && is_adjective_like(f)
            && k + 1 < s.end_word
            && doc.gap(k, k + 1) == " "
            && is_region_word(&words[k + 1].folded)
        {
            return named(k + 2);
        }
        if words[k].cap {
            if let Some(end) = quoted_after_legal_form(doc, k) {
                return named(end);
            }
            if !is_genitive_like(f) && !words[k].all_caps {
                return None;
            }
            // "Харківської ОДА", "Навагрудскага райвыканкама", "Одеської міської ради": the
            // body the branch belongs to.
            if spaced(k + 1)
                && is_adjective_like(f)
                && REGIONAL_ADMIN_ACRONYMS.contains(words[k + 1].folded.as_str())
            {
                return named(k + 2);
            }
            // "отдела по делам несовершеннолетних УМВД России по Оренбургской области": a
            // state body's acronym, its state, and the region the branch serves.
            if words[k].all_caps && k >= i + 2 {
                let mut end = k + 1;
                if spaced(end) && is_state_genitive(&words[end]) {
                    end += 1;
                }
                let end = region_complement_end(doc, end, s.end_word).unwrap_or(end);
                // A bare acronym ("служба пошуку БТЧК") names the body, not the branch's name.
                return (end > k + 1).then_some(end).and_then(named);
            }
            // A branch named after its body alone ("відділ Союзу українок Америки",
            // "отделению Российского детского фонда") is the body's part, not a name: a
            // field comes first. A directorate's body goes on to the region the directorate
            // serves ("управления Федеральной службы судебных приставов по Красноярскому краю").
            // The body as the list names it ("Российского Красного Креста") when no head
            // noun opens it.
            let body_end = cyrillic_org_end(doc, k).or_else(|| {
                (1..=CURATED.max_words.min(s.end_word - k))
                    .rev()
                    .find(|n| CURATED.by_key.contains_key(&doc.keys[k..k + n].join(" ")))
                    .map(|n| k + n)
            })?;
            let region_end = is_branch_head(&words[i].folded)
                .then(|| region_complement_end(doc, body_end, s.end_word))
                .flatten();
            if k < i + 2 && !opened_by_adjective && region_end.is_none() {
                return None;
            }
            return named(region_end.unwrap_or(body_end));
        }
        // "па адукацыі", "по делам несовершеннолетних", "з питань освіти": a field after a
        // preposition.
        if spaced(k + 1)
            && (matches!(f, "по" | "па")
                && !words[k + 1].cap
                && !ends_cyrillic_name(&words[k + 1].folded)
                || is_complement_preposition(f) && is_complement_noun(&words[k + 1].folded))
        {
            after_po = matches!(f, "по" | "па");
            k += 2;
            continue;
        }
        // "образования и науки": fields are joined, not the head ("отделения и сотрудники").
        // "отдел опеки и попечительства по Касимовскому району": the region or district a
        // branch serves ends its name.
        if let Some(end) = region_complement_end(doc, k, s.end_word) {
            return named(end);
        }
        let joiner = matches!(f, "и" | "і" | "та" | "й") && k >= i + 2;
        // "администрации городского округа город Воронеж": the word for a city before its
        // name, which ends the body's.
        let city =
            matches!(f, "город" | "місто" | "горад") && place_words.get(k + 1) == Some(&true);
        // After "по"/"па" the fields keep its case ("по труду и социальной защите населения").
        let field = is_genitive_like(f) || after_po && !is_finite_verb(f);
        if !(joiner || city || field && !ends_cyrillic_name(f)) {
            break;
        }
        if !joiner && k >= i + 2 && is_cyrillic_org_head_key(&doc.keys[k]) {
            body_in_lowercase = Some(k + 1);
        }
        k += 1;
    }
    body_in_lowercase.filter(|_| !state_head).and_then(named)
}

/// Adjectives that form a branch's name before its lowercase head
/// (`data/lexicon/branch_name_adjectives.txt`), as folded prefixes.
static BRANCH_NAME_ADJECTIVES: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/branch_name_adjectives.txt"))
        .map(fold)
        .collect()
});

/// The words for a region after its adjective, in the cases a body's name puts them
/// ("Харківській області", "Ростовской области", "Гомельскай вобласці", "Краснодарского
/// края"), singular or plural ("в Донецькій та Луганській областях").
fn is_region_word(folded: &str) -> bool {
    ["област", "обласц", "края", "краю", "краі"]
        .iter()
        .any(|p| folded.starts_with(p))
        || matches!(folded, "вобласці" | "вобласцях" | "краи" | "крае")
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
        merge_into(b, a.org, c.org, &doc.text[c.start..c.end]);
    }
}

/// Moves organization `gone` (named by `acronym`) into `keep`: mentions, variants, spans, keys.
fn merge_into(b: &mut Builder, keep: usize, gone: usize, acronym: &str) {
    let moved = std::mem::take(&mut b.orgs[gone].mentions);
    let variants = std::mem::take(&mut b.orgs[gone].variants);
    let acronym = b.orgs[gone]
        .acronym
        .take()
        .or_else(|| Some(acronym.to_string()));
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

/// "Головне управління Національної поліції в Харківській області" … "начальник ГУНП": an
/// acronym of three or more capitals that no list knows, whose letters are the initials of a
/// name found in the same text, is that organization, though no bracket defined it.
fn merge_acronyms_by_initials(b: &mut Builder) {
    let cur = &*CURATED;
    for gone in 0..b.orgs.len() {
        let acronym = b.orgs[gone].name.clone();
        let letters = acronym.chars().count();
        if b.orgs[gone].mentions.is_empty()
            || letters < 3
            || !acronym.chars().all(|c| c.is_uppercase())
            || cur.by_key.contains_key(&name_key(&acronym))
        {
            continue;
        }
        let expansions: Vec<usize> = (0..b.orgs.len())
            .filter(|&k| k != gone && !b.orgs[k].mentions.is_empty())
            .filter(|&k| {
                let words: Vec<&str> = b.orgs[k].name.split_whitespace().collect();
                words.len() >= letters && acronym_matches(&acronym, &words)
            })
            .collect();
        // Only one name in the text can be spelt out by it.
        if let [keep] = expansions[..] {
            merge_into(b, keep, gone, &acronym);
        }
    }
}

/// Whether word `i` is another case of a one-word «quoted» place named in this text: «Бярозцы»
/// of the camp «Бярозка», «Чайцы» of «Чайка» (the stem's last consonant may alternate, so the
/// two share all but their last two letters).
fn inflects_a_place_word(doc: &Document, i: usize, places: &[PlaceSpan]) -> bool {
    let w = doc.words[i].folded.as_str();
    places.iter().any(|p| {
        p.first_word != i
            && p.end_word == p.first_word + 1
            && doc.quoted_name_end(p.first_word, 1).is_some()
            && crate::places::same_word_in_other_case(w, &doc.words[p.first_word].folded)
    })
}

/// Whether word `i` starts a name introduced by a descriptive noun: right after it
/// ("the charity Warm Home", "фонд «Теплый дом»"), or after it and a word of naming
/// ("a group called Hope Bridge", "an NGO named Free Childhood", "an initiative known as
/// X", "організація під назвою «X»", "the group called the X"). Some(true) when a word of
/// naming introduces it.
fn introduced_at(doc: &Document, i: usize) -> Option<bool> {
    let words = &doc.words;
    let first = doc.sentence_of(i).first_word;
    let is_introducer = |k: usize| {
        ORG_INTRODUCERS.contains(words[k].folded.as_str()) && (!words[k].cap || words[k].all_caps)
    };
    let folded = |k: usize| words[k].folded.as_str();
    if i > first && ORG_INTRODUCERS.contains(folded(i - 1)) {
        // A capitalised descriptive noun opens a sentence before a quoted name ("Фонд «X»").
        let quoted = doc.gap(i - 1, i).trim_start().starts_with(['«', '"', '“']);
        if !words[i - 1].cap || quoted {
            return Some(false);
        }
    }
    // "called the X": the article belongs to the phrase, not the name.
    let mut k = i;
    if k > first && folded(k - 1) == "the" && doc.gap(k - 1, k) == " " {
        k -= 1;
    }
    let naming = |at: usize| -> Option<usize> {
        match folded(at) {
            "called" | "named" | "titled" | "dubbed" => Some(at),
            "as" if at > first && folded(at - 1) == "known" => Some(at - 1),
            "назвою" | "названием" | "назвай"
                if at > first && matches!(folded(at - 1), "під" | "под" | "пад") =>
            {
                Some(at - 1)
            }
            _ => None,
        }
    };
    (k > first + 1 && naming(k - 1).is_some_and(|start| start > first && is_introducer(start - 1)))
        .then_some(true)
}

/// The words between an article and a descriptive noun of an English apposition: at most
/// four lowercase modifiers ("a volunteer network", "an autonomous non-profit organization",
/// "a Kyiv-based charity"), no preposition or article among them. The descriptive noun's
/// position, if `from` starts such a phrase.
fn descriptive_phrase_at(doc: &Document, from: usize, limit: usize) -> Option<usize> {
    let words = &doc.words;
    if !matches!(words.get(from)?.folded.as_str(), "a" | "an") {
        return None;
    }
    (from + 1..limit.min(from + 6))
        .take_while(|&k| {
            doc.gap(k - 1, k) == " "
                && !is_leading_non_name(&words[k].folded)
                && !matches!(words[k].folded.as_str(), "of" | "who" | "which" | "that")
        })
        .find(|&k| {
            ORG_INTRODUCERS.contains(words[k].folded.as_str())
                && !words[k].cap
                && (from + 1..k).all(|j| !words[j].cap || words[j].folded.ends_with("-based"))
        })
}

/// Whether the English name starting at word `i` follows "a … charity," ("a Kyiv-based
/// charity, Light Bridge,").
fn appositive_before(doc: &Document, i: usize) -> bool {
    let words = &doc.words;
    let first = doc.sentence_of(i).first_word;
    i > first + 1
        && doc.gap(i - 1, i) == ", "
        && (i.saturating_sub(7).max(first)..i - 1)
            .any(|a| descriptive_phrase_at(doc, a, i) == Some(i - 1))
        && !words[i - 1].cap
}

/// Whether the English name ending before word `end` is followed by ", a … network" ("Family
/// Compass, a volunteer network based in Dnipro"). A descriptive noun followed by "of" counts or
/// sorts what follows ("On Christmas Eve, a group of seven teenagers …") and describes nothing
/// before it.
fn appositive_after(doc: &Document, end: usize) -> bool {
    let s = doc.sentence_of(end.saturating_sub(1));
    end + 1 < s.end_word
        && doc.gap(end - 1, end) == ", "
        && descriptive_phrase_at(doc, end, s.end_word)
            .is_some_and(|noun| doc.words.get(noun + 1).is_none_or(|w| w.folded != "of"))
}

/// Whether the Cyrillic name `i..end` is only a lowercase description (an adjective and a
/// head noun: "Благотворительный фонд", "Громадська організація") before a quoted name.
fn describes_quoted_name(doc: &Document, i: usize, end: usize) -> bool {
    let s = doc.sentence_of(i);
    end < s.end_word
        && (i + 1..end).all(|k| !doc.words[k].cap)
        && ORG_INTRODUCERS.contains(doc.words[end - 1].folded.as_str())
        && doc
            .gap(end - 1, end)
            .trim_start()
            .starts_with(['«', '"', '“'])
}

/// The first word of a listed name that ends the Cyrillic name `i..end` after a lowercase
/// description ending in a descriptive noun ("Дзяржаўнае агенцтва БелТА").
fn listed_after_description(
    doc: &Document,
    i: usize,
    end: usize,
    place_words: &[bool],
) -> Option<usize> {
    let words = &doc.words;
    // "Ляхавіцкай раённай арганізацыі БРСМ": a place's or a level's adjective names the
    // listed body's branch, a body of its own.
    (i + 1..end).find(|&k| {
        ORG_INTRODUCERS.contains(words[k - 1].folded.as_str())
            && (i..k).all(|j| !place_words[j] && !is_level_adjective(&words[j].folded))
            && (i + 1..k).all(|j| !words[j].cap)
            && words[k].cap
            && CURATED.by_key.contains_key(&doc.keys[k..end].join(" "))
    })
}

/// "UN Committee on the Rights of the Child": after an acronym at `i`, a capitalised run whose
/// head is an organization noun (not a title) names a body of that organization. The end
/// of the body's name, if one follows.
fn body_of_acronym(doc: &Document, i: usize, place_words: &[bool]) -> Option<usize> {
    let words = &doc.words;
    let next = i + 1;
    if next >= doc.sentence_of(i).end_word
        || doc.gap(i, next) != " "
        || !words[next].cap
        || words[next].all_caps
    {
        return None;
    }
    let end = cap_run(doc, next, place_words);
    let headed = (next..end).any(|k| {
        let f = words[k].folded.as_str();
        words[k].cap && ORG_HEADS.contains(f) && !crate::lexicon::ROLES.contains(f)
    });
    let named_after_place = (next..end).all(|k| place_words[k] || !words[k].cap);
    (headed && !named_after_place).then_some(end)
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

fn is_cyrillic_org_head(folded: &str) -> bool {
    is_cyrillic_org_head_key(&crate::normalize::stem_parts(folded))
}

/// Heads that do not decline, which stemming cuts all the same ("бюро" -> "бюр").
const INDECLINABLE_ORG_HEADS: &[&str] = &["бюро"];

/// The stems of Cyrillic organization head nouns (`data/lexicon/cyrillic_org_heads.txt`),
/// and the indeclinable heads less their last letter, for lookups by hash instead of a
/// scan of the list.
static CYRILLIC_HEADS: LazyLock<(
    rustc_hash::FxHashSet<&'static str>,
    rustc_hash::FxHashSet<&'static str>,
    rustc_hash::FxHashSet<String>,
)> = LazyLock::new(|| {
    let whole: rustc_hash::FxHashSet<&'static str> =
        crate::wordlist::entries(include_str!("../data/lexicon/cyrillic_org_heads.txt")).collect();
    let truncated = INDECLINABLE_ORG_HEADS
        .iter()
        .filter_map(|h| h.char_indices().last().map(|(at, _)| &h[..at]))
        .collect();
    // A compound head whose root ends like an instrumental or dative ending ("райвыканкам",
    // "облисполком") is keyed without it ("раивыканк"), shorter than the head: that key is the
    // head's too. (Other heads keyed short, "администрация", stay as they were: their
    // nominative opens no name by its key.)
    let keyed = whole
        .iter()
        .filter(|h| h.ends_with("ам") || h.ends_with("ом"))
        .map(|h| crate::gazetteer::word_key(&crate::normalize::fold(h)).to_string())
        .filter(|k| k.chars().count() >= 5)
        .collect();
    (whole, truncated, keyed)
});

/// As [`is_cyrillic_org_head`], for a word already stemmed: the head itself, a head of four
/// or more letters with at most two letters more, or an indeclinable head less its last letter.
fn is_cyrillic_org_head_key(stem: &str) -> bool {
    let (whole, truncated, keyed) = &*CYRILLIC_HEADS;
    if whole.contains(stem) || keyed.contains(stem) {
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
        // Belarusian past tense ("пацвердзіла", "заявіў", "паведамілі").
        "іла", "ілі", "іло", "іў", "алі", "элі", "эла",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

/// The end of a Ukrainian/Russian organization name starting at `i`, if one starts there.
fn cyrillic_org_end(doc: &Document, i: usize) -> Option<usize> {
    let words = &doc.words;
    let s = doc.sentence_of(i);
    // The head noun must come within the first three words, or fourth after three adjectives
    // ("Пологівської районної військової адміністрації").
    let head = (i..(i + 4).min(s.end_word))
        .take_while(|k| *k == i || matches!(doc.gap(*k - 1, *k), " " | "\u{a0}"))
        .find(|k| words[*k].cyrillic && is_cyrillic_org_head_key(&doc.keys[*k]))?;
    // Ukrainian writes the feminine nominative with "-а" ("Полтавська обласна військова
    // адміністрація"), which the strict endings leave out as shared with nouns; three such
    // words before the head are adjectives.
    let adjective = |k: usize| {
        is_strict_adjective(&words[k].folded) || is_feminine_nominative_adjective(&words[k].folded)
    };
    if head == i + 3 && !(adjective(i) && (i + 1..head).all(|k| !words[k].cap && adjective(k))) {
        return None;
    }
    // A capitalised opener that is a given name, a role or a function word starts no organization.
    let opener = words[i].folded.as_str();
    // Sentence adverbs that end like adjectives ("Ранее фонд ..."): no part of a name.
    let adverb = matches!(
        opener,
        "ранее"
            | "позднее"
            | "более"
            | "далее"
            | "менее"
            | "раніше"
            | "пізніше"
            | "далі"
    );
    // "Афіцыйна Міністэрства …", "Официально министерство …": an adverb of manner opening
    // the sentence.
    let manner = matches!(
        opener,
        "официально" | "офіційно" | "афіцыйна" | "officially"
    );
    // "Головне управління …", "Главное управление …": a word that opens sentences as no name
    // ("Головне — …") is an adjective of the name right before its lowercase head noun.
    // Not a pronoun ("Мы рады …"), short words ending like an adjective.
    let adjective_of_head = head == i + 1
        && !words[head].cap
        && opener.chars().count() >= 5
        && is_adjective_like(opener)
        && spaced_at(doc, head);
    // "Вчера в министерстве …", "Учора суд …": the day opening the sentence.
    let day = crate::dates::is_relative_day(opener);
    // "Паводле пракуратуры, …", "Згідно з …": a preposition of attribution, which ends like
    // an adjective but heads no name.
    let attribution_preposition = matches!(
        opener,
        "паводле" | "згодна" | "згідно" | "відповідно" | "согласно" | "соответственно"
    );
    if adverb
        || manner
        || day
        || attribution_preposition
        || crate::lexicon::NOT_NAMES.contains(opener) && !adjective_of_head
        || crate::lexicon::is_given_name(opener)
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
    // No preposition between: "Энергодара в библиотеке" is a place's genitive and a phrase of
    // the sentence, no name ("Міжнароднай федэрацыі таварыстваў": a noun between is).
    if (i + 1..head).any(|k| words[k].folded.chars().count() <= 2) {
        return None;
    }
    // "Заявление бюро", "Опитування проведено Фондом", "Горячева поблагодарила банк": a
    // verbal noun or a verb before the head is the sentence's, not a name's adjective.
    let verbal_noun = ["ння", "ние", "нне", "ння", "ття", "тие"]
        .iter()
        .any(|e| opener.ends_with(e));
    // "Художественный руководитель театра": a noun before the head names a person of it.
    if head != i
        && (verbal_noun
            || (i..head).any(|k| {
                is_finite_verb(&words[k].folded) || doc.is(k, crate::lexicon::class::ROLE)
            }))
    {
        return None;
    }
    let mut end = head + 1;
    // Words up to here stay in the name whatever follows (a complement "з прав людини").
    let mut kept = end;
    // After a title ("Уповноважений Верховної Ради з прав людини") the complement is the
    // title's, and the organization's name ends before it.
    let after_title = i > s.first_word && doc.is(i - 1, crate::lexicon::class::ROLE);
    let spaced = |k: usize| k < s.end_word && matches!(doc.gap(k - 1, k), " " | "\u{a0}");
    while end < s.end_word && end < i + 8 {
        if !spaced(end) {
            // "Министерство образования, науки и молодежи …", "освіти, науки та молоді": a
            // list of the fields a ministry covers goes on after a comma.
            let and = |k: usize| {
                k < s.end_word && matches!(words[k].folded.as_str(), "и" | "і" | "та" | "й")
            };
            let field = |k: usize| {
                k < s.end_word
                    && spaced(k)
                    && !words[k].cap
                    && is_genitive_like(&words[k].folded)
                    && !ends_cyrillic_name(&words[k].folded)
            };
            if doc.gap(end - 1, end) == ", "
                && !words[end - 1].cap
                && is_genitive_like(&words[end - 1].folded)
                && !words[end].cap
                && is_genitive_like(&words[end].folded)
                && and(end + 1)
                && spaced(end + 1)
                && field(end + 2)
            {
                end += 3;
                kept = end;
                continue;
            }
            break;
        }
        let w = &words[end];
        // "Мядзельскі райвыканкам дапаможа", "Лідскага райвыканкама наведаў": a head that names
        // a whole body takes no genitive; a lowercase word after it is the sentence's.
        if end == head + 1
            && !w.cap
            && CLOSED_BODY_HEADS
                .iter()
                .any(|h| words[head].folded.contains(h.as_str()))
        {
            break;
        }
        // "Кировский районный суд г. Ростова-на-Дону", "администрации г. Мариуполя": the
        // city a court or an administration serves, after the abbreviation of "city", ends
        // the name.
        if matches!(w.folded.as_str(), "г" | "м")
            && end + 1 < s.end_word
            && doc.gap(end, end + 1) == ". "
            && words[end + 1].cap
            && !words[end + 1].all_caps
            && !words[end + 1].numeric
        {
            end += 2;
            kept = end;
            break;
        }
        // "Департамента общего образования Томской области сведения": after its region the
        // name ends, but for a set complement ("… области по делам молодежи").
        if !w.cap
            && end > head + 1
            && is_region_word(&words[end - 1].folded)
            && !is_complement_preposition(&w.folded)
            && !matches!(w.folded.as_str(), "по" | "па")
        {
            break;
        }
        // "Спілка з прав людини", "Комитет ООН по правам ребенка", "з питань": a complement
        // of the head, in the set phrases institutions are named with.
        if !after_title
            && is_complement_preposition(&w.folded)
            && spaced(end + 1)
            && is_complement_noun(&words[end + 1].folded)
        {
            end += 2;
            kept = end;
            continue;
        }
        // "центру прав людини", "по правам ребенка" without a preposition: the rights of whom.
        if w.folded == "прав"
            && spaced(end + 1)
            && matches!(
                words[end + 1].folded.as_str(),
                "людини" | "человека" | "чалавека" | "дитини" | "ребенка" | "дзіцяці"
            )
        {
            end += 2;
            kept = end;
            continue;
        }
        // "… таварыстваў Чырвонага Крыжа і Чырвонага Паўмесяца": after "і" the name goes on
        // when it repeats the capitalised adjective of the genitive before, a second
        // emblem or field of the same body, not a second body.
        if matches!(w.folded.as_str(), "і" | "и" | "та" | "й")
            && words[end - 1].cap
            && spaced(end + 1)
            && spaced(end + 2)
            && words[end + 1].cap
            && words[end + 2].cap
            && is_strict_adjective(&words[end + 1].folded)
            && (head + 1..end - 1).any(|k| words[k].folded == words[end + 1].folded)
        {
            end += 3;
            kept = end;
            continue;
        }
        // "Савета Рэспублікі наведаў", "Фонде Лаврентьева съёмочной": after a capitalised
        // noun that names whose body it is (a state, a person), a lowercase word is the
        // sentence's, not the name's; set complements and regions were taken above.
        if !w.cap
            && (head + 1..end).any(|k| {
                words[k].cap && !words[k].all_caps && !is_strict_adjective(&words[k].folded)
            })
            && !is_region_word(&w.folded)
            // "… з прав дитини": the complement's own genitive.
            && !is_complement_noun(&words[end - 1].folded)
        {
            break;
        }
        // A nominative plural adjective ("суд новыя доказы") starts the next phrase.
        if !w.cap && (w.folded.ends_with("ыя") || w.folded.ends_with("ые")) {
            break;
        }
        // "Міністерство освіти і науки": two genitive nouns joined by "і" / "и" / "та".
        if matches!(w.folded.as_str(), "і" | "и" | "та" | "й")
            && !words[end - 1].cap
            && is_genitive_like(&words[end - 1].folded)
            && spaced(end + 1)
            && !words[end + 1].cap
            && is_genitive_like(&words[end + 1].folded)
            && !ends_cyrillic_name(&words[end + 1].folded)
            // "райвыканкама і актывісты …": people after "і" start a phrase of their own.
            && !crate::lexicon::is_role_form(&words[end + 1].folded)
        {
            end += 2;
            continue;
        }
        // "Управління освіти і науки Сумської ОВА": an administration's acronym after its
        // place's adjective is the body the branch belongs to, and ends the name.
        if w.all_caps
            && REGIONAL_ADMIN_ACRONYMS.contains(w.folded.as_str())
            && words[end - 1].cap
            && !words[end - 1].all_caps
            && is_adjective_like(&words[end - 1].folded)
        {
            end += 1;
            kept = end;
            break;
        }
        // "Министерстве образования Беларуси БЕЛТА": an acronym after the state's genitive
        // is the next name (an agency's byline), not part of this one.
        if w.all_caps && end - 1 > head && words[end - 1].cap && !words[end - 1].all_caps {
            break;
        }
        // "... Червоного Хреста отримати", "… Хреста домогтися": an infinitive (reflexive
        // too) after a capitalised word ends the name.
        if !w.cap
            && end - 1 > head
            && words[end - 1].cap
            && ["ти", "ть", "тися", "тись", "ться", "ць", "цца"]
                .iter()
                .any(|e| w.folded.ends_with(e))
            && !is_cyrillic_org_head(&w.folded)
            && !matches!(w.folded.as_str(), "области" | "області")
        {
            break;
        }
        // "Фінансовому управлінню передбачити кошти": after a lowercase word too, a long
        // infinitive is the sentence's verb (not "-сти", "-яти": "власти", "памяти" are
        // genitives of names; seven letters or more: "палати" is one).
        if !w.cap
            && end - 1 > head
            && w.folded.chars().count() >= 7
            && ["ити", "ати", "іти", "ути", "ить", "тися", "тись", "ться"]
                .iter()
                .any(|e| w.folded.ends_with(e))
            && !is_cyrillic_org_head(&w.folded)
        {
            break;
        }
        // "Благотворительный фонд имени Антонины Зарецкой": the person it is named after.
        if let Some(person_end) = named_after_end(doc, end).filter(|_| spaced(end)) {
            end = person_end;
            kept = end;
            break;
        }
        // "Арганізацыя запрашае жыхароў …": right after a head noun that opens the name,
        // a Belarusian present tense (which ends as a neuter adjective elsewhere) is the
        // sentence's verb.
        if head == i
            && end == head + 1
            && !w.cap
            && w.folded.chars().count() >= 5
            && ["ае", "уе", "яе", "юе", "іць", "ыць", "аюць", "уюць"]
                .iter()
                .any(|e| w.folded.ends_with(e))
        {
            break;
        }
        // "Міністэрства адукацыі падвяло вынікі …": the sentence's verb ends the name.
        if !w.cap && is_finite_verb(&w.folded) {
            break;
        }
        // "Міністэрства адукацыі дзеці …": children, the subject that follows, are no
        // genitive of the name ("Службы у справах дітей" keeps its "дітей").
        if matches!(w.folded.as_str(), "дзеці" | "діти" | "дети") {
            break;
        }
        // A given name starts the person who speaks for the body, but a noun agreeing with
        // a capitalised adjective of the name is the name's ("Верховної Ради": "Ради" is a
        // given name too).
        let agrees = words[end - 1].cap && is_strict_adjective(&words[end - 1].folded);
        if w.numeric
            || ends_cyrillic_name(&w.folded)
            || crate::lexicon::is_given_name(&w.folded) && !agrees
            || !w.cap && NAME_BREAKING_ADVERBS.contains(w.folded.as_str())
        {
            break;
        }
        // Another known organization starts here ("Палата ... Международного уголовного суда").
        let rest: &[compact_str::CompactString] = &doc.keys[end..(end + 4).min(s.end_word)];
        // Only a name with its own head noun is separate; "Червоного Хреста" is part of this one.
        let separate = (1..=rest.len()).any(|n| {
            CURATED.by_key.contains_key(&rest[..n].join(" "))
                && (end..end + n).any(|k| is_cyrillic_org_head(&words[k].folded))
        });
        // A directorate or department of a known body is named with it ("Головного
        // управління Національної поліції"); so is the office of a title the known body
        // confers ("Офіс Уповноваженого Верховної Ради України з прав людини": the
        // commissioner is the parliament's, and the office is the commissioner's).
        let office_of_title = (head + 1..end).any(|k| doc.is(k, crate::lexicon::class::ROLE));
        if w.cap
            && separate
            && !is_branch_head(&words[head].folded)
            && !is_regional_organisation(doc, i, head)
            && !office_of_title
        {
            break;
        }
        // Continue over genitive words and capitalised words (names of places, people's names in titles).
        end += 1;
    }
    // Trailing lowercase words that are not genitive-like are dropped back to the last capitalised
    // or head word, so "Офіс Генерального прокурора передав" stops before the verb.
    // A noun right after the head is its genitive even with no ending ("Агенцтва
    // тэленавін", "театра кукол", "Союзу українок").
    let zero_genitive = |k: usize| {
        let f = words[k].folded.as_str();
        k == head + 1
            && f.chars().count() >= 5
            // A consonant ends it, not an instrumental's "-ом" ("протягом").
            && !f.ends_with(['а', 'е', 'и', 'і', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ь'])
            && !f.ends_with("ом")
            && !f.ends_with("ем")
            // A masculine past tense ("Суд рассмотрел", "Фонд передал"), no genitive plural.
            && !["ел", "ал", "ял", "ыл"].iter().any(|e| f.ends_with(e))
            && !is_strict_adjective(&words[head].folded)
            && !is_finite_verb(f)
            && !ends_cyrillic_name(f)
            && !NAME_BREAKING_ADVERBS.contains(f)
            && !crate::lexicon::NOT_NAMES.contains(f)
    };
    while end > kept
        && !words[end - 1].cap
        && !is_genitive_like(&words[end - 1].folded)
        && !zero_genitive(end - 1)
    {
        end -= 1;
    }
    // "... з прав дитини та благодійного": a joined adjective whose noun the word limit cut
    // off starts the next name, not this one.
    if end >= kept + 2
        && !words[end - 1].cap
        && is_oblique_adjective(&words[end - 1].folded)
        && matches!(words[end - 2].folded.as_str(), "і" | "и" | "та" | "й")
    {
        end -= 2;
    }
    // "Центру громадянських свобод", "центра гражданских инициатив": an adjective does not end
    // a name; the noun it agrees with follows even when its ending looks like no genitive.
    if end > head + 1
        && end < s.end_word
        && spaced(end)
        && !words[end - 1].cap
        && is_oblique_adjective(&words[end - 1].folded)
        && !words[end].cap
        && !words[end].numeric
        && !is_adjective_like(&words[end].folded)
        // A plural adjective's noun may end like a verb ("ініціатив", "инициатив"); only
        // function words and adverbs are ruled out after one.
        && (if is_plural_oblique_adjective(&words[end - 1].folded) {
            words[end].folded.chars().count() > 3
        } else {
            !ends_cyrillic_name(&words[end].folded)
        })
        && !NAME_BREAKING_ADVERBS.contains(words[end].folded.as_str())
    {
        end += 1;
    }
    // "Головного управління СБУ в Донецькій та Луганській областях": a directorate or
    // department is named with the region it serves.
    if (head..end).any(|k| is_branch_head(&words[k].folded)) {
        if let Some(region_end) = region_complement_end(doc, end, s.end_word) {
            end = region_end;
        }
    }
    // A lone head noun ("Суд вважає") is not a name.
    (end - i >= 2).then_some(end)
}

/// Whether word `k` is one of three or more words in capitals in a row: a label or a shouted
/// phrase opening a paragraph ("CHILDREN ON THE AGENDA:", "VOICES FROM THE GROUND:"), whose
/// words are no acronyms.
fn in_shouted_run(doc: &Document, k: usize) -> bool {
    let words = &doc.words;
    let joined = |a: usize| matches!(doc.gap(a, a + 1), " " | "\u{a0}");
    let mut first = k;
    while first > 0 && words[first - 1].all_caps && joined(first - 1) {
        first -= 1;
    }
    let mut end = k + 1;
    while end < words.len() && words[end].all_caps && joined(end - 1) {
        end += 1;
    }
    end - first >= 3
}

/// Endings of finite verbs (`data/lexicon/finite_verb_endings.txt`), folded.
static FINITE_VERB_ENDINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/finite_verb_endings.txt"))
        .map(fold)
        .collect()
});

/// Whether a folded Cyrillic word of six letters or more ends like a finite verb (past,
/// present, reflexive) or a short passive participle: no word of an organisation's name.
pub(crate) fn is_finite_verb(folded: &str) -> bool {
    folded.chars().count() >= 6
        && FINITE_VERB_ENDINGS
            .iter()
            .any(|e| folded.ends_with(e.as_str()))
}

/// Whether word `k` follows the word before it after a plain space.
fn spaced_at(doc: &Document, k: usize) -> bool {
    k > 0 && matches!(doc.gap(k - 1, k), " " | "\u{a0}")
}

/// Whether word `k` opens its line (or the text) and a colon follows it: a speaker's label.
fn opens_line_before_colon(doc: &Document, k: usize) -> bool {
    let line_start = if k == 0 {
        doc.text[..doc.words[0].start]
            .trim_matches([' ', '\t'])
            .is_empty()
    } else {
        doc.gap(k - 1, k).contains('\n')
    };
    let colon = if k + 1 < doc.words.len() {
        doc.gap(k, k + 1).starts_with(':')
    } else {
        doc.text[doc.words[k].end..].starts_with(':')
    };
    line_start && colon
}

/// Top-level domains after which a site's address names an outlet
/// (`data/lexicon/outlet_domains.txt`).
pub(crate) static OUTLET_DOMAINS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/outlet_domains.txt"))
});

/// Outlets called by their site's address ("пише 0552.ua", "E1.RU reported", "«Газета.Ru»"):
/// a word, a dot and a top-level domain, with nothing of a link around them (no scheme, path,
/// "www." or subdomain before, no path or further dot after, no "@"). A name the text also
/// gives without the domain ("ТСН" and "ТСН.ua") is one organisation.
fn add_outlet_domains(doc: &Document, b: &mut Builder) {
    let words = &doc.words;
    for i in 0..words.len().saturating_sub(1) {
        let tld = i + 1;
        if b.covered[i]
            || b.covered[tld]
            || doc.gap(i, tld) != "."
            || !OUTLET_DOMAINS.contains(words[tld].folded.as_str())
            || doc.sentence_of(i).shouting && !words[i].all_caps
        {
            continue;
        }
        let before = if i == 0 { "" } else { doc.gap(i - 1, i) };
        let after = if tld + 1 < words.len() {
            doc.gap(tld, tld + 1)
        } else {
            &doc.text[words[tld].end..]
        };
        let linked_before = before.ends_with(['/', '.', '@', ':', '-', '_']);
        // A dot right before another word is the address going on ("site.ua.com"); a dot
        // ending the text is the sentence's.
        let linked_after =
            after.starts_with(['/', '@', '-', '_']) || after == "." && tld + 1 < words.len();
        if linked_before || linked_after {
            continue;
        }
        let name = doc.text[words[i].start..words[tld].end].to_string();
        // "ТСН.ua" of "ТСН": the outlet named already without its domain.
        let known = b
            .keys
            .get(&Builder::key_of(doc.word_text(i)))
            .map(|&id| b.orgs[id].name.clone());
        b.add(doc, i, tld + 1, known.as_deref().unwrap_or(&name), None);
    }
}

/// Parts of head nouns that name a whole body by themselves, executive committees
/// (`data/lexicon/closed_body_heads.txt`): no genitive complement follows them.
static CLOSED_BODY_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/closed_body_heads.txt"))
        .map(crate::normalize::fold)
        .collect()
});

/// Acronyms of regional, district and town administrations
/// (`data/lexicon/regional_admin_acronyms.txt`).
static REGIONAL_ADMIN_ACRONYMS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/regional_admin_acronyms.txt"))
});

/// Adverbs that follow a body named as a sentence's subject ("Міністэрства замежных спраў
/// Украіны раней называла"; `data/lexicon/earlier_adverbs.txt`): folded, "раней" ends like a
/// genitive, so the ending rules alone would keep it in the name.
static NAME_BREAKING_ADVERBS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    crate::wordlist::folded_set(include_str!("../data/lexicon/earlier_adverbs.txt"))
});

/// The full adjectival endings (folded: "й" is "и"), without the one-letter endings
/// [`is_adjective_like`] also takes, so that a noun ("Путина", "Актывісты") is not read as
/// an adjective.
fn is_strict_adjective(folded: &str) -> bool {
    folded.chars().count() > 4
        && [
            "ии", "ыи", "іи", "ая", "яя", "ое", "ее", "ого", "ому", "ои", "оі", "ую", "юю", "ые",
            "ие", "ых", "их", "іх", "ым", "им", "ім", "ага", "ае", "аи", "еи", "ою", "ыя", "ія",
            "ом",
        ]
        .iter()
        .any(|e| folded.ends_with(e))
}

/// Ukrainian and Belarusian feminine nominative adjectives (folded): "полтавська",
/// "обласна", "військова", "гомельская" is strict already.
fn is_feminine_nominative_adjective(folded: &str) -> bool {
    folded.chars().count() > 4
        && ["ська", "цька", "зька", "на", "ва"]
            .iter()
            .any(|e| folded.ends_with(e))
}

/// Adjectival endings of the oblique cases (folded): the genitive, dative, instrumental and
/// locative forms an adjective inside a name takes ("громадянських", "гражданских",
/// "социальной", "благодійного", "беларускага").
fn is_oblique_adjective(folded: &str) -> bool {
    folded.chars().count() > 4
        && ["ых", "их", "іх", "ого", "ої", "оі", "ои", "ага", "аи"]
            .iter()
            .any(|e| folded.ends_with(e))
}

/// The genitive and locative plural of an adjective ("громадянських", "правовых").
fn is_plural_oblique_adjective(folded: &str) -> bool {
    folded.chars().count() > 4 && ["ых", "их", "іх"].iter().any(|e| folded.ends_with(e))
}

/// Heads of the bodies named with the region they serve: directorates and departments
/// ("управління", "управление", "упраўленне", "департамент"), folded, in any case.
fn is_branch_head(folded: &str) -> bool {
    [
        "управлін",
        "управлени",
        "упрауленн",
        "департамент",
        // A regional branch of a known body ("регионального отделения Российского Красного
        // Креста", "Астраханское региональное отделение партии …").
        "отделени",
        "відділенн",
        "аддзялен",
    ]
    .iter()
    .any(|h| folded.starts_with(h))
}

/// Whether words `i..=head` name a regional or local organisation of a larger one, whose
/// name follows in the genitive: an adjective of level before the word for an organisation
/// ("Гомельскай абласной арганізацыі Беларускага таварыства Чырвонага Крыжа", "районной
/// организации Белорусского общества Красного Креста").
fn is_regional_organisation(doc: &Document, i: usize, head: usize) -> bool {
    let organisation = ["организац", "організац", "арганізац"]
        .iter()
        .any(|h| doc.words[head].folded.starts_with(h));
    organisation && (i..head).any(|k| is_level_adjective(&doc.words[k].folded))
}

/// Whether a folded word ("ё" folded to "е") is an adjective of a level of government or
/// organisation
/// ("абласной", "районной", "региональное", "міської", "первичной").
fn is_level_adjective(folded: &str) -> bool {
    [
        "областн",
        "обласн",
        "абласн",
        "районн",
        "раенн",
        "региональн",
        "регіональн",
        "рэгіянальн",
        "городск",
        "міськ",
        "гарадск",
        "местн",
        "місцев",
        "мясцов",
        "первичн",
        "первинн",
        "першасн",
    ]
    .iter()
    .any(|p| folded.starts_with(p))
}

/// The end of "в Донецькій та Луганській областях", "по Ростовской области", "у Гомельскай
/// вобласці" starting at `k`: a preposition, one or two capitalised adjectives joined by
/// "та"/"і"/"и", and the word for a region.
fn region_complement_end(doc: &Document, k: usize, sentence_end: usize) -> Option<usize> {
    let words = &doc.words;
    let spaced = |j: usize| j < sentence_end && matches!(doc.gap(j - 1, j), " " | "\u{a0}");
    if !spaced(k) || !matches!(words[k].folded.as_str(), "в" | "у" | "ў" | "по" | "па") {
        return None;
    }
    let mut j = k + 1;
    loop {
        if !spaced(j) || !words[j].cap || !is_adjective_like(&words[j].folded) {
            return None;
        }
        j += 1;
        if spaced(j) && (is_region_word(&words[j].folded) || is_district_word(&words[j].folded)) {
            return Some(j + 1);
        }
        if !(spaced(j) && matches!(words[j].folded.as_str(), "та" | "і" | "и" | "й") && j < k + 5)
        {
            return None;
        }
        j += 1;
    }
}

/// "району", "раёне", "района" (folded): a district a branch serves ("по Касимовскому
/// району"), named at the end of its name as a region is.
pub(crate) fn is_district_word(folded: &str) -> bool {
    ["раион", "раен"].iter().any(|d| folded.starts_with(d)) && folded.chars().count() <= 7
}

/// Whether an organization's span is a foundation named after a person ("фонд Олексія
/// Талая"): the person it is named after is still a person named in the text.
pub fn is_named_after_person(doc: &Document, span: &OrgSpan) -> bool {
    fund_named_after_person(doc, span.first_word) == Some(span.end_word)
}

/// "имени", "імені", "імя", "им.": a body named after a person follows (folded).
fn is_named_after_word(folded: &str) -> bool {
    matches!(folded, "имени" | "імені" | "імя" | "им" | "ім")
}

/// The end of "имени Валентины Комаровой", "імя Ўладзімера Зорына", "им. А. С. Пушкина" when
/// word `k` is such a word: the person's name after it, up to three capitalised words or
/// initials, is part of the body's name ("фонд «Добрая справа» імя Ніны Кавальчук").
fn named_after_end(doc: &Document, k: usize) -> Option<usize> {
    let words = &doc.words;
    let s = doc.sentence_of(k);
    if k == 0 || k + 1 >= s.end_word || !is_named_after_word(&words[k].folded) {
        return None;
    }
    let joined = |j: usize| {
        let gap = doc.gap(j - 1, j);
        gap == " "
            || gap == "\u{a0}"
            || words[j - 1].initial && matches!(gap, ". " | ".")
            || words[j - 1].folded == "им" && gap == ". "
    };
    let mut end = k + 1;
    while end < s.end_word && end < k + 4 && joined(end) && words[end].cap && !words[end].numeric {
        end += 1;
    }
    // At least one word that is no initial: a surname.
    (end > k + 1 && (k + 1..end).any(|j| !words[j].initial)).then_some(end)
}

/// A quoted name `i..end` extended by the person it is named after and by the descriptive
/// head before its opening quote: "фонд «Доброе сердце» имени Валентины Комаровой" is one
/// organization; a quoted name without "имени" stays as it is.
fn quoted_named_after(doc: &Document, i: usize, end: usize) -> (usize, usize) {
    let s = doc.sentence_of(i);
    if end >= s.end_word
        || !doc.gap(end - 1, end).trim_end().ends_with(['»', '"', '”'])
        || doc.gap(end - 1, end).trim().chars().count() != 1
    {
        return (i, end);
    }
    let Some(person_end) = named_after_end(doc, end) else {
        return (i, end);
    };
    let mut start = i;
    if i > s.first_word && ORG_INTRODUCERS.contains(doc.words[i - 1].folded.as_str()) {
        start = i - 1;
        // "Благотворительный фонд", "дабрачынны фонд": an adjective before the head.
        if start > s.first_word
            && doc.gap(start - 1, start) == " "
            && is_adjective_like(&doc.words[start - 1].folded)
        {
            start -= 1;
        }
    }
    (start, person_end)
}

/// Words for a foundation that a person's name can follow (folded, any case).
fn is_fund_word(folded: &str) -> bool {
    folded.starts_with('ф')
        && ["фонд", "фундац", "фундаці"]
            .iter()
            .any(|f| folded.starts_with(f))
        && folded.chars().count() <= 9
}

/// The end of "фонд Олексія Талая" starting at `i`: a foundation word, then a given name
/// and a surname, both capitalised; or "the Alexei Talai Foundation" (given name,
/// surname, "Foundation"/"Fund").
fn fund_named_after_person(doc: &Document, i: usize) -> Option<usize> {
    let words = &doc.words;
    let end = doc.sentence_of(i).end_word;
    let spaced = |k: usize| k < end && doc.gap(k - 1, k) == " ";
    // "Благодійним фондом Олександра Гордієнка": an adjective before the foundation word
    // opens the name.
    // "благодійного фонду імені Степана Гречка": in lowercase too, before a foundation
    // named after someone by "імені"/"имени".
    let named_after_next =
        |k: usize| k + 2 < end && spaced(k + 2) && is_named_after_word(&words[k + 2].folded);
    let i = if words[i].cyrillic
        && (words[i].cap
            // Not a noun's instrumental ("кіраўніком фонду імя …": the head of it).
            || named_after_next(i)
                && !words[i].folded.ends_with("ом")
                && !doc.is(i, crate::lexicon::class::ROLE))
        && is_strict_adjective(&words[i].folded)
        // Masculine or neuter, agreeing with "фонд" ("Ранее" is an adverb).
        && ["ии", "ыи", "іи", "ого", "ага", "ому", "аму", "им", "ым", "ім", "ом"]
            .iter()
            .any(|e| words[i].folded.ends_with(e))
        && !is_finite_verb(&words[i].folded)
        && spaced(i + 1)
        && words[i + 1].cyrillic
        && is_fund_word(&words[i + 1].folded)
    {
        i + 1
    } else {
        i
    };
    let w = &words[i];
    let fund = w.cyrillic && is_fund_word(&w.folded);
    let given = w.cap && !w.cyrillic && crate::lexicon::is_given_name(&w.folded);
    if !fund && !given {
        return None;
    }
    if fund {
        // "фонду імені Степана Гречка", "фонда имени Ивана Петрова": the person after the word
        // for "named after" is part of the foundation's name.
        if spaced(i + 1) {
            if let Some(e) = named_after_end(doc, i + 1) {
                return Some(e);
            }
        }
        // "Директор фонда Андрей Гусев": a given name in the nominative is the head's name in
        // apposition; a fund is named after a person in the genitive ("фонд Алексея Талая").
        let nominative = |f: &str| {
            let readings = crate::morph::readings(f);
            let given = |r: &&crate::morph::Reading| r.kind == crate::morph::Kind::Given;
            readings.iter().filter(given).any(|r| r.is_nominative())
                && !readings.iter().filter(given).any(|r| !r.is_nominative())
        };
        let named = spaced(i + 1)
            && spaced(i + 2)
            && words[i + 1].cap
            && words[i + 2].cap
            && crate::lexicon::is_given_name(&words[i + 1].folded)
            && !crate::lexicon::is_given_name(&words[i + 2].folded)
            && !nominative(&words[i + 1].folded)
            // "директоркою фонду Оксаною Лісовою", "с главой фонда Еленой Карпенко": a given
            // name in the instrumental is the head's, in apposition to the fund's.
            && !["ою", "ею", "єю", "ой", "ей", "ом", "ем", "єм"]
                .iter()
                .any(|e| words[i + 1].folded.ends_with(e));
        if !named {
            return None;
        }
        // "фонд Олександра Гордієнка «Дім поруч»": the foundation's own quoted name after
        // the person's is part of it.
        let quoted =
            i + 3 < end && matches!(doc.gap(i + 2, i + 3), " «" | " \"" | " “") && words[i + 3].cap;
        return Some(
            quoted
                .then(|| nested_quoted_end(doc, i + 3, 6))
                .flatten()
                .unwrap_or(i + 3),
        );
    }
    if given {
        let named = spaced(i + 1)
            && spaced(i + 2)
            && words[i + 1].cap
            && matches!(words[i + 2].folded.as_str(), "foundation" | "fund");
        return named.then_some(i + 3);
    }
    None
}

/// Prepositions that open a complement in an institution's name ("з", "по", "па", "у").
pub(crate) fn is_complement_preposition(folded: &str) -> bool {
    matches!(folded, "з" | "із" | "по" | "па" | "у" | "в")
}

/// Nouns of the set complements institutions are named with: "з прав людини", "по правам
/// ребенка", "з питань", "по вопросам", "по делам", "у справах", "па пытаннях".
pub(crate) fn is_complement_noun(folded: &str) -> bool {
    matches!(
        folded,
        "прав"
            | "правам"
            | "правах"
            | "питань"
            | "вопросам"
            | "делам"
            | "справах"
            | "пытаннях"
    )
}

/// Adjectival endings (folded) of Ukrainian, Russian and Belarusian adjectives in any case.
fn is_adjective_like(folded: &str) -> bool {
    [
        "ии", "ыи", "іи", "ая", "яя", "ое", "ее", "ого", "ому", "оі", "ои", "ую", "юю", "ые", "ие",
        "ых", "их", "іх", "ым", "им", "ім", "ы", "ага", "ае", "ай", "ей", "ої", "е", "а", "я",
        // Russian masculine and neuter locative ("Главном", "Херсонском"), not a noun's
        // instrumental ("Вироком").
        "ском", "цком", "ном",
        // Belarusian feminine "-ай" ("Вярхоўнай"), folded; masculine "-скі"/"-цкі"
        // ("Еўрапейскі").
        "аи", "скі", "цкі",
        // Ukrainian feminine instrumental ("Сумською обласною прокуратурою", "Національною
        // соціальною службою").
        "ою",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

fn is_genitive_like(folded: &str) -> bool {
    [
        "ого", "его", "ої", "оі", "их", "ых", "ів", "ия", "ння", "ства", "ва", "ки", "ти", "ди",
        "ни", "ря", "ру", "ду", "ту", "ку", "я", "ї", "і", "и", "у", "а",
        // Belarusian feminine genitive ("абароны").
        "ы",
    ]
    .iter()
    .any(|e| folded.ends_with(e))
}

/// Capitalised words that open a sentence before an organization's name ("In", "However").
/// Whether word `k` opens its sentence with an English participle that governs the words
/// after it ("Presenting the Commission's update, its chair said", "Speaking for the
/// ministry, …"): a lowercase word follows, so it is no part of a name ("Missing Children
/// Europe" goes on in capitals).
pub(crate) fn opens_with_participle(doc: &Document, k: usize) -> bool {
    let words = &doc.words;
    let w = &words[k];
    k == doc.sentence_of(k).first_word
        && w.cap
        && w.folded.len() >= 6
        && w.folded.ends_with("ing")
        && w.folded.is_ascii()
        && words
            .get(k + 1)
            .is_some_and(|n| !n.cap && n.sentence == w.sentence)
}

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
            // Prepositions that open a sentence before a name ("Through the Conflict
            // Observatory, …").
            | "through"
            | "via"
            | "under"
            | "among"
            | "despite"
            | "until"
            | "without"
            | "within"
            | "against"
            | "into"
            | "towards"
            // Openers of clauses and imperatives of page furniture ("Whereas the Ministry of
            // Justice …", "Follow the Court on X").
            | "whereas"
            | "because"
            | "unless"
            | "therefore"
            | "thus"
            | "hence"
            | "nevertheless"
            | "nonetheless"
            | "notably"
            | "additionally"
            | "instead"
            | "follow"
    )
}

/// "Russian Army" is an organization, but "Belarusian President" is not: a run
/// made only of a demonym and a head that is also a title is rejected.
fn all_demonym_and_head(doc: &Document, start: usize, end: usize) -> bool {
    (start..end).all(|k| {
        let f = doc.words[k].folded.as_str();
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
    fn a_given_name_in_the_instrumental_after_a_fund_is_its_heads() {
        let names: Vec<String> =
            orgs("Ми поговорили з директоркою фонду Оксаною Мельник про повернення дітей.")
                .into_iter()
                .map(|o| o.name)
                .collect();
        assert!(!names.iter().any(|n| n.contains("Оксаною")), "{names:?}");
    }

    #[test]
    fn words_of_a_label_in_capitals_are_no_acronyms() {
        let text = "WHAT TO WATCH: the committee votes on the report.\n\nFROM THE GROUND: \
            a survey by UNICEF found that 300 children need help. UNICEF said so.";
        let names: Vec<String> = orgs(text).into_iter().map(|o| o.name).collect();
        assert!(
            !names
                .iter()
                .any(|n| matches!(n.as_str(), "WHAT" | "WATCH" | "THE" | "GROUND")),
            "{names:?}"
        );
        assert!(
            names
                .iter()
                .any(|n| n.contains("UNICEF") || n.contains("Children")),
            "{names:?}"
        );
    }

    #[test]
    fn a_body_named_after_a_person_includes_the_person() {
        // A quoted name with its head and "имени …", in Russian and Belarusian.
        let n =
            names("Летом детей принял фонд «Тёплый берег» имени Марии Соколовой в Подмосковье.");
        assert!(
            n.contains(&"фонд «Тёплый берег» имени Марии Соколовой".to_string()),
            "{n:?}"
        );
        let n = names("Паездку аплаціў дабрачынны фонд «Светлы шлях» імя Андрэя Лісоўскага.");
        assert!(
            n.contains(&"дабрачынны фонд «Светлы шлях» імя Андрэя Лісоўскага".to_string()),
            "{n:?}"
        );
        // Without quotes: the head noun, "имени" and the person.
        let n = names(
            "Благотворительный фонд имени Ольги Ветровой, по словам его главы, принял детей.",
        );
        assert!(
            n.contains(&"Благотворительный фонд имени Ольги Ветровой".to_string()),
            "{n:?}"
        );
        // A quoted name without "имени" stays the quoted name.
        let n = names("Поездку оплатил фонд «Тёплый берег», сообщили в мэрии.");
        assert!(n.contains(&"Тёплый берег".to_string()), "{n:?}");
    }

    #[test]
    fn a_verb_ends_a_cyrillic_name() {
        let n = names("Міністэрства адукацыі падвяло вынікі летняга аздараўлення дзяцей.");
        assert!(n.contains(&"Міністэрства адукацыі".to_string()), "{n:?}");
        let n = names("У Новоселівському будинку культури відбулося засідання.");
        assert!(n.iter().all(|n| !n.contains("відбулося")), "{n:?}");
    }

    #[test]
    fn a_place_after_in_is_not_part_of_the_name() {
        let o = orgs(
            "The Mission met the Coordination Headquarters for the Treatment of Prisoners of War in Kyiv.",
        );
        let names: Vec<&str> = o.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(
            names,
            ["Coordination Headquarters for the Treatment of Prisoners of War"]
        );
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

    fn names(text: &str) -> Vec<String> {
        orgs(text).into_iter().map(|o| o.name).collect()
    }

    #[test]
    fn a_place_named_by_its_noun_opens_no_name() {
        // "В Москве решения суда": the city's locative, then the sentence's words; the court
        // named by the city's adjective and the committee in Belarusian are names.
        let n = names("В Москве решения суда считают ничтожными.");
        assert!(n.is_empty(), "{n:?}");
        let n = names("В Курске полиция составила протокол.");
        assert!(n.is_empty(), "{n:?}");
        let n = names("Иск рассмотрел Московский городской суд.");
        assert_eq!(n.len(), 1, "{n:?}");
        let n = names("Дзяцей сустрэў Столінскі раённы камітэт ГА «БРСМ».");
        assert!(n.iter().any(|o| o.starts_with("Столінскі")), "{n:?}");
        // Its name closes the quote it opens.
        assert!(n.iter().any(|o| o.ends_with("ГА «БРСМ»")), "{n:?}");
    }

    #[test]
    fn names_after_called_or_named_are_organizations() {
        let n = names("A Lviv-based group called Hope Shelter and an NGO named Grace Line met.");
        assert!(n.contains(&"Hope Shelter".to_string()), "{n:?}");
        assert!(n.contains(&"Grace Line".to_string()), "{n:?}");
        // A bare descriptive noun before a given name still starts a person's name.
        assert!(names("The charity head Maria Petrenko spoke.").is_empty());
    }

    #[test]
    fn a_body_named_after_an_acronym_is_one_organization() {
        // A made-up committee: the Committee against Torture is listed (organizations.tsv).
        let n =
            names("They wrote to the UN Committee against Hunger and to the UN Security Council.");
        assert!(n.contains(&"UN Committee".to_string()), "{n:?}");
        assert!(n.contains(&"UN Security Council".to_string()), "{n:?}");
        assert!(!n.contains(&"United Nations".to_string()), "{n:?}");
    }

    #[test]
    fn cyrillic_names_with_complements_and_joined_genitives() {
        let n = names("Лист отримало Міністерство культури та інформаційної політики України.");
        assert_eq!(
            n,
            vec!["Міністерство культури та інформаційної політики України"]
        );
        let n = names("Обращение направлено в Комитет ООН по правам ребенка.");
        assert_eq!(n, vec!["UN Committee on the Rights of the Child"]);
        let n = names("Звіт підготувала Харківська обласна спілка з питань захисту дітей.");
        assert_eq!(n, vec!["Харківська обласна спілка з питань захисту дітей"]);
        // After a title the complement is the title's ("з прав дитини" is no part of the
        // parliament's name).
        let n = names("Заяву зробив уповноважений Верховної Ради з прав дитини.");
        assert_eq!(n, vec!["Verkhovna Rada"]);
        // The ombudsman's full title is the institution (organizations.tsv).
        let n = names("Заяву зробив Уповноважений Верховної Ради з прав людини.");
        assert_eq!(
            n,
            vec!["Ukrainian Parliament Commissioner for Human Rights"]
        );
    }

    #[test]
    fn a_description_before_a_quoted_name_is_not_the_name() {
        let n = names("Благотворительный фонд «Светлый путь» помог семьям.");
        assert_eq!(n, vec!["Светлый путь"]);
    }

    #[test]
    fn a_capitalised_description_opening_a_sentence_introduces_a_quoted_name() {
        let n = names("Фонд «Светлый путь» собирал деньги.");
        assert_eq!(n, vec!["Светлый путь"]);
    }

    #[test]
    fn an_acronym_before_a_bracketed_expansion_belongs_to_it() {
        let o = orgs("Data went to the UN Refugee Support Office (RSO). RSO replied.");
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(o[0].name, "UN Refugee Support Office");
        assert_eq!(o[0].acronym.as_deref(), Some("RSO"));
    }

    #[test]
    fn belarusian_ministry_ends_before_the_verb() {
        let n = names("Міністэрства аховы здароўя Беларусі паведаміла пра гэта.");
        assert_eq!(n, vec!["Ministry of Health of Belarus"]);
    }

    #[test]
    fn a_region_after_a_ministry_stays_in_its_name() {
        let n = names(
            "Детей навещали сотрудники Министерства труда и социальной защиты Ростовской области.",
        );
        assert_eq!(
            n,
            vec!["Министерства труда и социальной защиты Ростовской области"]
        );
    }

    #[test]
    fn a_descriptive_noun_ending_a_headline_introduces_nothing_after_it() {
        let n = names(
            "Из Луганска в Беларусь: очередная группа\n\nОколо сорока детей прибыли в Минск.",
        );
        assert!(n.is_empty(), "{n:?}");
    }

    #[test]
    fn outlets_in_quotes_and_in_oblique_cases() {
        let n = names("Журналісти «Схем» (Радіо Свобода) встановили це, повідомляє «Суспільне».");
        for outlet in ["Schemes", "Radio Liberty", "Suspilne"] {
            assert!(n.contains(&outlet.to_string()), "{outlet} in {n:?}");
        }
    }

    #[test]
    fn where_a_body_is_based_is_not_its_name() {
        let n =
            names("An investigation by the Kyiv-based Regional Centre for Human Rights found it.");
        assert_eq!(n, vec!["Regional Center for Human Rights"]);
    }

    #[test]
    fn a_parent_acronym_or_a_state_after_a_known_name_belongs_to_it() {
        let o = orgs("Дані передали до УВКПЛ ООН.");
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(o[0].mentions[0].text, "УВКПЛ ООН");
        let o = orgs("Про це заявили в Союзна держава Росії і Білорусі.");
        assert!(
            o.iter().all(|o| !o.mentions[0].text.contains("Росії")),
            "{o:?}"
        );
    }

    #[test]
    fn state_bodies_in_lowercase_acronyms_of_a_state_and_short_ministry_names() {
        let n = names("Делегацию встретили в министерстве образования и науки ДНР.");
        assert!(
            n.contains(&"министерстве образования и науки ДНР".to_string()),
            "{n:?}"
        );
        let n = names("Поездку оплатили при поддержке правительства Ленинградской области.");
        assert!(
            n.contains(&"правительства Ленинградской области".to_string()),
            "{n:?}"
        );
        let n = names("Об этом сообщили в МИД Беларуси и МНС Беларусі.");
        assert!(
            n.contains(&"Ministry of Foreign Affairs of Belarus".to_string())
                && n.contains(&"Ministry of Emergency Situations of Belarus".to_string()),
            "{n:?}"
        );
        let n = names("Ва ўкраінскім Мінрэінтэграцыі раней называлі такія паездкі дэпартацыяй.");
        assert_eq!(n, ["Мінрэінтэграцыі"], "{n:?}");
        // A town is no ministry.
        assert!(names("Дзяцей прывезлі ў Мінск.").is_empty());
    }

    #[test]
    fn the_verb_after_a_whole_body_or_a_court_is_no_part_of_its_name() {
        for (text, name) in [
            (
                "Спадзяемся, што Мядзельскі райвыканкам дапаможа ўжо ў наступным годзе.",
                "Мядзельскі райвыканкам",
            ),
            (
                "Учора старшыня Лідскага райвыканкама наведаў аздараўленчы лагер.",
                "Лідскага райвыканкама",
            ),
            (
                "Кировский районный суд рассмотрел дело в закрытом заседании.",
                "Кировский районный суд",
            ),
        ] {
            assert_eq!(names(text), vec![name.to_string()], "{text}");
        }
        // An impersonal participle in -то is the sentence's ("лікарні оглянуто дітей").
        assert_eq!(
            names("У Любомльській лікарні оглянуто всіх дітей."),
            vec!["Любомльській лікарні".to_string()]
        );
        // The genitive of a body that is no executive committee still belongs to the name.
        assert_eq!(
            names("Представители Союза женщин Украины приехали в лагерь."),
            vec!["Союза женщин Украины".to_string()]
        );
    }

    #[test]
    fn institutions_named_by_their_place_and_kind() {
        for (text, name) in [
            (
                "Дітей оглянули лікарі Миколаївської обласної дитячої лікарні.",
                "Миколаївської обласної дитячої лікарні",
            ),
            (
                "Выставу падрыхтавала Смаргонская цэнтральная раённая бібліятэка.",
                "Смаргонская цэнтральная раённая бібліятэка",
            ),
            (
                "Дзяцей агледзелі ўрачы Быхаўскай цэнтральнай раённай бальніцы.",
                "Быхаўскай цэнтральнай раённай бальніцы",
            ),
            (
                "Сюжэт зняла Гомельская абласная тэлерадыёкампанія.",
                "Гомельская абласная тэлерадыёкампанія",
            ),
        ] {
            assert_eq!(names(text), vec![name.to_string()], "{text}");
        }
        // A place's genitive and a preposition before the institution's word name nothing.
        assert!(names("Дети из Энергодара в библиотеке читали стихи.").is_empty());
    }

    #[test]
    fn a_group_of_people_after_a_comma_describes_no_name_before_it() {
        assert!(
            names("Then, on Christmas Eve, a group of seven teenagers reached Kyiv.").is_empty()
        );
        let n = names("They called Family Compass, a volunteer network based in Dnipro.");
        assert_eq!(n, vec!["Family Compass".to_string()]);
    }

    #[test]
    fn a_press_unit_at_the_end_of_a_run_is_page_furniture() {
        let n = names("Press Contact: Committee Press Office. The Associated Press reported it.");
        assert_eq!(n, vec!["Associated Press".to_string()]);
    }

    #[test]
    fn outlets_called_by_their_site_address() {
        let n = names("Про це пише 0552.ua. Раніше E1.RU повідомив про табір.");
        assert_eq!(n, vec!["0552.ua".to_string(), "E1.RU".to_string()]);
        assert_eq!(names("Про це написав E1.RU."), vec!["E1.RU".to_string()]);
        // Links, addresses and subdomains are no outlet's name.
        for text in [
            "Details at https://example.com/news today.",
            "Write to help@childrenofwar.gov.ua for help.",
            "The form is on www.example.org now.",
            "Звертайтеся на сайт kids.gov.ua щодня.",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn speakers_labels_are_no_acronyms() {
        let text =
            "BIRCH: The coaches went to a camp.\n\nDOROSH: He rang me.\n\nBIRCH: She cannot \
                    go.\n\nDOROSH: I wait.\n\nThe ICRC and the ICRC staff said nothing.";
        let n = names(text);
        assert_eq!(
            n,
            vec!["International Committee of the Red Cross".to_string()]
        );
    }

    #[test]
    fn quoted_names_in_oblique_cases() {
        let n = names("Як паведаміла «Звяздзе» прэс-сакратар, групу суправаджалі актывісты «Маладой гвардыі».");
        assert_eq!(n, ["Звяздзе", "Маладой гвардыі"], "{n:?}");
        // A headline's ironic quote opening the sentence names nothing.
        assert!(names("«Оздоровление» в Беларуси продолжается.").is_empty());
    }

    #[test]
    fn bodies_named_by_a_word_and_a_parent_acronym_or_a_state_adjective() {
        let n = names("В Гааге обвинили постоянного члена Совбеза ООН.");
        assert!(n.contains(&"UN Security Council".to_string()), "{n:?}");
        let n = names("Доклад передали в Комитет ООН по правам ребенка в Женеве.");
        assert!(
            n.contains(&"UN Committee on the Rights of the Child".to_string()),
            "{n:?}"
        );
        let n = names("Белорусский МИД называет эти данные фальсификацией.");
        assert_eq!(n, ["МИД"], "{n:?}");
    }

    #[test]
    fn a_name_does_not_end_on_an_adjective_or_run_into_an_adverb() {
        // A genitive plural noun without a genitive-looking ending still closes the name.
        let n = names(
            "Звіт підготували юристи Харківського центру громадянських ініціатив минулого тижня.",
        );
        assert!(
            n.contains(&"Харківського центру громадянських ініціатив".to_string()),
            "{n:?}"
        );
        let n = names("Заяву поширив Таврический центр правовых инициатив в субботу.");
        assert!(
            n.contains(&"Таврический центр правовых инициатив".to_string()),
            "{n:?}"
        );
        // An adverb after the subject ("раней", "ранее") is not part of it.
        let n = names("Міністэрства аховы здароўя Беларусі раней не адказвала на запыты.");
        assert_eq!(n, ["Ministry of Health of Belarus"], "{n:?}");
        // A joined adjective cut off from its noun belongs to the next name.
        let n = names("Листа підписали Офіс Уповноваженого Верховної Ради з прав людини та громадської організації «Крок».");
        assert!(n.iter().all(|x| !x.ends_with("громадської")), "{n:?}");
    }

    #[test]
    fn a_directorate_is_named_with_the_region_it_serves() {
        let n = names("Справу розслідують слідчі Головного управління СБУ в Запорізькій та Херсонській областях.");
        assert!(
            n.contains(
                &"Головного управління СБУ в Запорізькій та Херсонській областях".to_string()
            ),
            "{n:?}"
        );
        let n = names("Об этом сообщили в Главном управлении МВД по Курской области.");
        assert!(
            n.contains(&"Главном управлении МВД по Курской области".to_string()),
            "{n:?}"
        );
        // Any other body stops before "в": a fund in a region is not named with it.
        let n = names("Благодійний фонд «Промінь» у Київській області зібрав кошти.");
        assert!(n.iter().all(|x| !x.contains("області")), "{n:?}");
    }

    #[test]
    fn administrations_by_adjective_acronym_and_four_word_names() {
        let n = names(
            "За даними Бериславської районної військової адміністрації, у Бериславської РВА немає списків.",
        );
        assert_eq!(
            n,
            ["Бериславської районної військової адміністрації"],
            "{n:?}"
        );
        let n = names("Про це повідомила Сумська ОВА.");
        assert_eq!(n, ["Сумська ОВА"], "{n:?}");
        // A person's genitive before a known body is no adjective of it.
        let n = names(
            "После ордера на арест Владимира Путина Международный уголовный суд продолжил работу.",
        );
        assert!(n.iter().all(|x| !x.contains("Путина")), "{n:?}");
    }

    #[test]
    fn codes_of_law_are_no_bodies_and_heads_in_short_stems() {
        assert!(names("Обвинение предъявлено по статье 438 УК России.").is_empty());
        assert!(names("Йдеться про ч. 1 ст. 438 КК України.").is_empty());
        let n = names("Следователи Национальной полиции Украины открыли дело.");
        assert_eq!(n, ["National Police of Ukraine"], "{n:?}");
        let n = names("Паводле Беларускага праваабарончага цэнтра, дзяцей было больш.");
        assert!(
            n.contains(&"Беларускага праваабарончага цэнтра".to_string()),
            "{n:?}"
        );
        // An embassy and a government in lowercase, named by their state or region.
        let n = names("Лист передали до посольства Норвегії та уряду Тульської області.");
        assert!(n.contains(&"посольства Норвегії".to_string()), "{n:?}");
        assert!(n.contains(&"уряду Тульської області".to_string()), "{n:?}");
    }

    #[test]
    fn a_given_name_after_an_introduced_name_is_the_persons() {
        let n = names("Кіраўнік грамадскай арганізацыі ДАСААФ Пётр Сідарэнка не адказаў.");
        assert_eq!(n, ["ДАСААФ"], "{n:?}");
    }

    #[test]
    fn the_region_a_body_serves_stays_a_place() {
        let ex = crate::extract(
            "Справу розслідують слідчі Головного управління СБУ в Запорізькій та Херсонській областях.",
            None,
            None,
        );
        let places: Vec<&str> = ex.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"Zaporizhzhia Oblast"), "{places:?}");
        assert!(places.contains(&"Kherson Oblast"), "{places:?}");
        // The state ending a ministry's name is the country the text names too (session 22:
        // the annotated splits list it).
        let ex = crate::extract("Міністерство освіти України відповіло.", None, None);
        let places: Vec<&str> = ex.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(places, ["Ukraine"], "{places:?}");
    }

    /// Every organisation mention's text, in text order.
    fn mentions(text: &str) -> Vec<String> {
        let mut m: Vec<(usize, String)> = orgs(text)
            .into_iter()
            .flat_map(|o| o.mentions.into_iter().map(|m| (m.start, m.text)))
            .collect();
        m.sort();
        m.into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn a_lowercase_branch_is_named_with_its_fields_and_its_body_or_place() {
        let m = mentions("Лист надіслали до управління освіти Ізюмської міської ради вчора.");
        assert!(
            m.contains(&"управління освіти Ізюмської міської ради".to_string()),
            "{m:?}"
        );
        let m = mentions("Спіс склаў аддзел па адукацыі, спорце і турызме Слуцкага райвыканкама.");
        assert!(
            m.contains(&"аддзел па адукацыі, спорце і турызме Слуцкага райвыканкама".to_string()),
            "{m:?}"
        );
        let m =
            mentions("Об этом сообщили в управлении общего образования администрации города Орла.");
        assert!(
            m.contains(&"управлении общего образования администрации города Орла".to_string()),
            "{m:?}"
        );
        // A naming adjective opens the branch; the listed body it belongs to closes it.
        let m = mentions("Помогли волонтеры регионального отделения Российского Красного Креста.");
        assert!(
            m.contains(&"регионального отделения Российского Красного Креста".to_string()),
            "{m:?}"
        );
        // The district a branch serves, and a state body's acronym with its region.
        let m = mentions("В отделе опеки и попечительства по Касимовскому району ответили.");
        assert!(
            m.contains(&"отделе опеки и попечительства по Касимовскому району".to_string()),
            "{m:?}"
        );
        let m =
            mentions("Ответ дал отдел по делам несовершеннолетних УМВД России по Курской области.");
        assert!(
            m.contains(
                &"отдел по делам несовершеннолетних УМВД России по Курской области".to_string()
            ),
            "{m:?}"
        );
    }

    #[test]
    fn a_described_or_titled_branch_head_is_no_name() {
        // A describing adjective, a title without fields, a branch of a body with no field.
        let m =
            mentions("Суд заочно засудив посадовця окупаційної адміністрації Херсонської області.");
        assert!(!m.iter().any(|t| t.contains("адміністрації")), "{m:?}");
        let m = mentions("Группу сопровождал заместитель главы администрации Рубежного.");
        assert!(!m.iter().any(|t| t.contains("администрации")), "{m:?}");
        let m = mentions("Збір організував відділ Союзу українок Америки в Чикаго.");
        assert!(!m.iter().any(|t| t.starts_with("відділ")), "{m:?}");
        // "Отдельно" and "Отдельное" open no department.
        let m = mentions("Отдельно хочу поблагодарить волонтеров из Твери.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn the_office_of_a_title_keeps_the_body_that_confers_it() {
        let m = mentions(
            "Про це повідомив Офіс Уповноваженого Верховної Ради України з прав людини у вівторок.",
        );
        assert!(
            m.contains(&"Офіс Уповноваженого Верховної Ради України з прав людини".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn missions_keep_their_seat_and_the_places_they_are_named_by() {
        let m = mentions("The papers went to the Embassy of Ukraine in Ireland last week.");
        assert!(
            m.contains(&"Embassy of Ukraine in Ireland".to_string()),
            "{m:?}"
        );
        let m = mentions("Документи передали до Посольства Швеції в Україні.");
        assert!(
            m.contains(&"Посольства Швеції в Україні".to_string()),
            "{m:?}"
        );
        let ex = crate::extract(
            "The papers went to the Embassy of Ukraine in Ireland.",
            None,
            None,
        );
        let places: Vec<&str> = ex.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"Ireland"), "{places:?}");
    }

    #[test]
    fn english_names_with_lists_national_bodies_and_persons_of_a_body() {
        let m = mentions("The Children, Families and Schools Committee met on Monday.");
        assert!(
            m.contains(&"Children, Families and Schools Committee".to_string()),
            "{m:?}"
        );
        // Two headed names joined by "and" stay two; a place after "and" is no part.
        let m = mentions("Officers of the Regional Police and Border Guard Board arrived.");
        assert!(!m.iter().any(|t| t.contains(" and ")), "{m:?}");
        let m = mentions("Save the Children Sweden funded the trip.");
        assert!(m.contains(&"Save the Children Sweden".to_string()), "{m:?}");
        let m = mentions("Dr Marta Hnatiuk of the Ukrainian Catholic University said so.");
        assert!(
            m.contains(&"Ukrainian Catholic University".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn an_associations_quoted_name_after_its_legal_form_is_the_bodys() {
        let m = mentions("Акцыю правёў Мінскі абласны камітэт ГА «БРСМ» у суботу.");
        assert!(
            m.contains(&"Мінскі абласны камітэт ГА «БРСМ»".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn an_acronym_of_a_legal_form_before_a_quoted_name_is_one_body() {
        let n = names("Вчера сотрудники ООО «Северный порт» передали подарки.");
        assert!(n.contains(&"ООО «Северный порт»".to_string()), "{n:?}");
        // A quoted name inside the quoted name.
        let n = names("Дети живут в ГБУ «Дом для детей «Ромашка»» под Тулой.");
        assert!(
            n.contains(&"ГБУ «Дом для детей «Ромашка»»".to_string()),
            "{n:?}"
        );
        assert!(!n.iter().any(|x| x == "Ромашка"), "{n:?}");
        let n = names("Праверку правяла ДУ «Лідскі цэнтр гігіены» на мінулым тыдні.");
        assert!(
            n.contains(&"ДУ «Лідскі цэнтр гігіены»".to_string()),
            "{n:?}"
        );
        // Quoted speech after an acronym is no name.
        let n = names("Как сообщили РБК «в ближайшие дни, по плану»");
        assert!(!n.iter().any(|x| x.contains('«')), "{n:?}");
    }

    #[test]
    fn a_foundation_named_after_a_person_keeps_its_adjective_and_quoted_name() {
        let m = mentions(
            "Угоду підписали з Благодійним фондом Марії Левченко «Теплий дім» у вівторок.",
        );
        assert!(
            m.contains(&"Благодійним фондом Марії Левченко «Теплий дім»".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn a_quoted_title_of_a_work_programme_or_vehicle_is_no_body() {
        for text in [
            "Для детей показали спектакль «Снежная королева» в субботу.",
            "Волонтери запустили програму «Дім поруч» для родин.",
            "Школьники посидели в бронеавтомобиле «Барс» на площади.",
            "Дзеці адпачываюць у санаторыі «Лясная казка» пад Мінскам.",
            "Дети отдыхают в детском оздоровительном центре «Солнечный берег» с января.",
            "Проводится благотворительная программа Сбербанка «Добрые дела» по всей стране.",
        ] {
            let n = names(text);
            assert!(!n.iter().any(|x| !x.contains("Сбербанк")), "{text}: {n:?}");
        }
        // An organisation noun before the quote still introduces an outlet's or a group's
        // name.
        let n = names("Об этом сообщило информационное агентство «Новый день».");
        assert!(n.iter().any(|x| x.contains("Новый день")), "{n:?}");
    }

    #[test]
    fn a_branch_ends_with_its_administration_and_a_pronoun_opens_no_name() {
        let m = mentions("Лист підписало Управління освіти і науки Рівненської ОВА вчора.");
        assert!(
            m.contains(&"Управління освіти і науки Рівненської ОВА".to_string()),
            "{m:?}"
        );
        let m = mentions("«Мы рады, что всё получилось», — сказала она.");
        assert!(m.is_empty(), "{m:?}");
        let m = mentions("Арганізацыя запрашае валанцёраў Віцебшчыны.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_regional_organisation_of_a_listed_body_and_a_second_emblem_are_one_name() {
        let m = mentions(
            "Падарункі перадала Брэсцкая абласная арганізацыя Беларускага таварыства Чырвонага Крыжа ў панядзелак.",
        );
        assert!(
            m.contains(
                &"Брэсцкая абласная арганізацыя Беларускага таварыства Чырвонага Крыжа".to_string()
            ),
            "{m:?}"
        );
        let m = mentions("Заяву падтрымала Еўрапейская асацыяцыя таварыстваў Чырвонага Крыжа і Чырвонага Паўмесяца ўчора.");
        assert!(
            m.iter().any(|t| t.ends_with("Чырвонага Паўмесяца")),
            "{m:?}"
        );
    }

    #[test]
    fn ukrainian_instrumental_names_are_found() {
        let n = names("Перевірку провели разом із Сумською обласною прокуратурою.");
        assert_eq!(n, ["Сумською обласною прокуратурою"]);
        let n = names("Допомогу надано Національною соціальною службою.");
        assert_eq!(n, ["Національною соціальною службою"]);
    }

    #[test]
    fn a_description_before_a_listed_name_is_not_part_of_it() {
        let n = names("Пра гэта паведаміла Дзяржаўнае агенцтва БелТА ў панядзелак.");
        assert!(n.iter().all(|x| !x.contains("агенцтва")), "{n:?}");
    }

    #[test]
    fn english_saint_house_and_capitalised_given_names() {
        let m = mentions("She studied at St. Brigid's College last year.");
        assert!(m.contains(&"St. Brigid's College".to_string()), "{m:?}");
        let m = mentions("Watch it on BBC Two at 9pm, or hear it on BBC Radio 5 later.");
        assert!(m.contains(&"BBC Two".to_string()), "{m:?}");
        assert!(m.contains(&"BBC Radio 5".to_string()), "{m:?}");
        let m = mentions("The House of Lords Constitution Committee heard evidence.");
        assert!(
            m.contains(&"House of Lords Constitution Committee".to_string()),
            "{m:?}"
        );
        let m = mentions(
            "OLENA MARCHUK: We left. OLENA MARCHUK: They stayed. Free SIM cards, SIM packs.",
        );
        assert!(m.is_empty(), "{m:?}");
    }
}
