//! Comparing two names of a given kind with the knowledge this crate holds:
//! places through the gazetteer (`data/gazetteer.tsv`, `curated_places.tsv`)
//! and the renamings (`data/renamings.tsv`: Dnipropetrovsk → Dnipro,
//! Artemivsk → Bakhmut, with the act each is known from), organisations
//! through the multilingual lists (`data/organizations.tsv`, which extraction
//! also reads, and `data/organization_names.tsv`, for comparison only), persons as
//! `casefile_names::compare` does.
//!
//! Places: the same gazetteer entry is the same place, two different entries
//! are different places however alike they are spelled (Balta / Bălți,
//! Pokrovsk / Pokrov) unless the two are one name spelled two ways
//! (homonymous villages); a name the gazetteer lacks (a camp, a village) is
//! compared with every name of the entry the other side found, and without
//! one on either side by `casefile_names::compare_place`. A gazetteer
//! look-up is stemmed (it finds inflected forms in running text), so an
//! entry counts only when one of its names compares as the same name
//! (≥ [`STRICT`]): "Balta" does not find Bălți through a shared stem; and
//! an entry whose own name it is wins over entries that list it among their
//! other names (the data packages' alternate names hold some errors).
//!
//! Organisations: the same way through the curated list (МВД / MVD /
//! Министерство внутренних дел Российской Федерации are one entry), then
//! `casefile_names::compare_organization` (acronyms across languages,
//! generic words translated, countries that must agree).
//!
//! Both kinds then fall back on `name_words` (seven languages): two names
//! are one when their generic words are the same concepts and their other
//! words pair up across scripts, or when one is the other's acronym in one
//! of the languages; two organisation names of different countries are
//! never one (МЧС России / МЧС Беларуси), before the list is consulted. A
//! place name with a place after its last comma ("Kirovsk, Luhansk Oblast")
//! is the name in that place: the places must agree where both sides give
//! one, a region must be in the country of the other side's place, and the
//! names decide.
//!
//! A place name cut from running text with its preposition ("под Минском",
//! "pod Mińskiem") is compared without it (`data/lexicon/place_prepositions.tsv`;
//! after a Polish preposition the Polish case endings of
//! `place_polish_endings.tsv` give the nominative the gazetteer knows).
//! Two facilities whose descriptors differ (a baby home and an orphanage),
//! and a facility against a region or a settlement named as one (санаторий
//! «Истра» / село Истра), are different places. An organisation's name in
//! Ukrainian or Belarusian that names no country is that country's body
//! (Верховний Суд is not the Supreme Court of Russia); a bare acronym is
//! not a list entry that has its own, other acronyms in that script.
//!
//! Session 23: a place named after a person is also compared without "імені
//! …"; a name given with a region whose country holds only some of the
//! places of that name is the one of that country, and a renamed city's
//! former name given with a region is the town that bears it now
//! (Куйбышев, Новосибирская область is not Самара); a country written as
//! a Cyrillic acronym (… РФ) is the body's own, not a branch's.

use std::collections::HashMap;
use std::sync::LazyLock;

use casefile_names::{Comparison, NameKind, Scheme, Step};

use crate::gazetteer::{lookup_place, GazetteerEntry, GAZETTEER};

/// Score at which a gazetteer entry's name counts as the name looked up.
pub const STRICT: f64 = 0.9;

/// Population from which a settlement is a town whose bare name denotes it
/// rather than a facility named after it (`facility_apart`).
const TOWN_POPULATION: u64 = 5_000;

const RENAMINGS: &str = include_str!("../data/renamings.tsv");
/// Session 30: facilities by their names in several languages, acronyms and
/// informal names (ЮУАЭС / South Ukraine Nuclear Power Plant), rows of the
/// renamings' columns read with them: a facility the gazetteer lacks is a
/// place of its own, so that it is neither the town it is named after nor
/// another facility of that town.
const FACILITY_NAMES: &str = include_str!("../data/facility_names.tsv");
const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const ORGANIZATION_NAMES: &str = include_str!("../data/organization_names.tsv");

/// English words for a region read as one another (`data/lexicon/region_words.tsv`).
static REGION_WORDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/region_words.tsv"))
        .filter_map(|l| {
            let (w, o) = l.split_once('\t')?;
            Some((w.trim().to_string(), o.trim().to_string()))
        })
        .collect()
});

/// A place group: a gazetteer entry (by index), or a renaming row the
/// gazetteer lacks (by row, offset past the entries).
type PlaceId = usize;

struct Renamings {
    /// `latin_key` of a name → places.
    by_key: HashMap<String, Vec<PlaceId>>,
    /// Names of the rows the gazetteer lacks, by place id.
    own_names: HashMap<PlaceId, Vec<String>>,
    /// Rows with a region column: names that are this place only when it
    /// is given with one of those regions (Калининград, Московская область
    /// is Королёв; Калининград alone is the city on the Baltic).
    bound: Vec<BoundRow>,
    /// Session 30: the places of `data/facility_names.tsv`'s rows.
    facilities: std::collections::HashSet<PlaceId>,
}

/// A renamings row whose names hold in its regions only.
struct BoundRow {
    id: PlaceId,
    names: Vec<String>,
    regions: Vec<String>,
}

fn entry_index(e: &GazetteerEntry) -> Option<usize> {
    GAZETTEER.entries.iter().position(|x| std::ptr::eq(x, e))
}

static RENAMED: LazyLock<Renamings> = LazyLock::new(|| {
    let mut by_key: HashMap<String, Vec<PlaceId>> = HashMap::new();
    let mut own_names = HashMap::new();
    let mut bound = Vec::new();
    let mut own_by_entry: HashMap<String, PlaceId> = HashMap::new();
    let mut facilities = std::collections::HashSet::new();
    let renaming_rows = crate::wordlist::entries(RENAMINGS).count();
    let rows = crate::wordlist::entries(RENAMINGS).chain(crate::wordlist::entries(FACILITY_NAMES));
    for (row, line) in rows.enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(entry), Some(country), Some(names)) = (cols.first(), cols.get(1), cols.get(2))
        else {
            continue;
        };
        let names: Vec<String> = names
            .split('|')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        let found = lookup_place(entry)
            .into_iter()
            .filter(|e| e.country.as_deref() == Some(*country))
            .find(|e| e.canonical == *entry || e.names.iter().any(|n| n == entry))
            .and_then(entry_index);
        // Two rows of one place the gazetteer lacks (one of them bound to a
        // region) are one place: the first row's id.
        let id = match found {
            Some(i) => i,
            None => {
                let id = *own_by_entry
                    .entry((*entry).to_string())
                    .or_insert(GAZETTEER.entries.len() + row);
                let all: &mut Vec<String> = own_names.entry(id).or_default();
                all.extend(names.iter().cloned());
                all.push((*entry).to_string());
                id
            }
        };
        if row >= renaming_rows {
            facilities.insert(id);
        }
        let regions: Vec<String> = cols
            .get(5)
            .map(|r| {
                r.split('|')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        if !regions.is_empty() {
            let mut names = names;
            names.push((*entry).to_string());
            bound.push(BoundRow { id, names, regions });
            continue;
        }
        for n in names
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(*entry))
        {
            let list = by_key.entry(casefile_names::latin_key(n)).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }
    Renamings {
        by_key,
        own_names,
        bound,
        facilities,
    }
});

/// The places of the region-bound renamings rows that a name given with its
/// region or district after a comma denotes ("Калининград, Московская
/// область": Королёв; "Комсомольське, Зміївський район": Слобожанське);
/// empty when the name has no comma or no such row names it.
fn bound_ids(name: &str) -> Vec<PlaceId> {
    let Some((head, tail)) = name
        .rsplit_once(',')
        .map(|(h, t)| (h.trim().to_string(), t.trim().to_string()))
        .or_else(|| genitive_region_split(name))
    else {
        return Vec::new();
    };
    let (head, tail) = (head.as_str(), tail.as_str());
    if head.is_empty() || tail.is_empty() {
        return Vec::new();
    }
    let same = |x: &str, y: &str| {
        casefile_names::latin_key(x) == casefile_names::latin_key(y)
            || casefile_names::compare_place(x, y).score >= STRICT
    };
    let mut ids = Vec::new();
    for row in &RENAMED.bound {
        if !ids.contains(&row.id)
            && row.names.iter().any(|n| same(head, n))
            && row.regions.iter().any(|r| same(tail, r))
        {
            ids.push(row.id);
        }
    }
    ids
}

/// Region words in the genitive that follow a place's name without a comma
/// ("Калининград Московской области").
const GENITIVE_REGION_WORDS: &[&str] = &["области", "області", "вобласці"];

/// Session 28: a place's name and its region named after it in the
/// genitive, without a comma ("Калининград Московской области",
/// "Олександрія Кіровоградської області"): the name and the region in the
/// nominative ("Московская область"), as after a comma. `None` unless the
/// name ends in an adjective and a region word of [`GENITIVE_REGION_WORDS`]
/// after at least one word of its own.
fn genitive_region_split(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let n = words.len();
    if n < 3 || !GENITIVE_REGION_WORDS.contains(&words[n - 1].to_lowercase().as_str()) {
        return None;
    }
    let head = words[..n - 2].join(" ");
    let tail = nominative_phrase(&words[n - 2..].join(" "));
    Some((head, tail))
}

/// The population of a place group (0 for a renamings row of its own).
fn population(id: PlaceId) -> u64 {
    GAZETTEER.entries.get(id).map_or(0, |e| e.population)
}

/// A name that several places share, alone, stands for the largest of
/// them: the largest of `ids` not among `others`, when it is more than
/// four times as populous as every place of `others` among `ids` (a
/// neighbouring district's or village's namesake is not enough; Подольск, a
/// city of 180,000 near Moscow, is not Подільськ, a town of 40,000 whose
/// Russian name it also is; Донецк alone is not the Донецк of the Rostov
/// region).
fn larger_namesake(ids: &[PlaceId], others: &[PlaceId]) -> Option<PlaceId> {
    // A row of its own has no population to weigh.
    let shared = ids
        .iter()
        .filter(|i| others.contains(i))
        .map(|i| population(*i))
        .max()
        .filter(|p| *p > 0)?;
    ids.iter()
        .filter(|i| !others.contains(i))
        .copied()
        .max_by_key(|i| population(*i))
        .filter(|i| population(*i) > shared.saturating_mul(4))
}

/// Two places of which at least one is given with a region that a
/// region-bound renamings row names it in: the places those rows give
/// against the other side's (its own bound rows', or the gazetteer's for
/// its name before a comma); a bare name there stands for its largest
/// place ([`larger_namesake`]). `None` when no row binds either name, or
/// the other side is unknown.
fn region_bound(a: &str, b: &str) -> Option<Comparison> {
    let (ba, bb) = (bound_ids(a), bound_ids(b));
    for (x, bx, y, by) in [(a, &ba, b, &bb), (b, &bb, a, &ba)] {
        if bx.is_empty() {
            continue;
        }
        let bare = !y.contains(',');
        // The other side given with a place of its own that binds it to no
        // row: its name can show the two apart, but whether its place
        // agrees is for the comparison of the places (Донецьк, Україна is
        // not Донецк, Ростовская область).
        let located = by.is_empty() && !bare;
        let oy = if !by.is_empty() {
            by.clone()
        } else {
            let head = y.rsplit_once(',').map_or(y, |(h, _)| h.trim());
            place_ids(head)
        };
        if oy.is_empty() {
            return None;
        }
        let label = |ids: &[PlaceId]| {
            ids.iter()
                .map(|i| place_label(*i))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        if !oy.iter().any(|i| bx.contains(i)) {
            return Some(decided(
                0.05,
                vec![step(
                    "renamings",
                    format!(
                        "{x} is {} by the name it had or has in that region, and {y} is {}: different places",
                        label(bx),
                        label(&oy)
                    ),
                )],
            ));
        }
        if located {
            return None;
        }
        if bare {
            if let Some(big) = larger_namesake(&oy, bx) {
                return Some(decided(
                    0.05,
                    vec![step(
                        "renamings",
                        format!(
                            "{x} is {}; {y} alone is the larger place of that name, {}",
                            label(bx),
                            place_label(big)
                        ),
                    )],
                ));
            }
        }
        return Some(decided(
            0.95,
            vec![step(
                "renamings",
                format!("{x} is {}, which {y} names", label(bx)),
            )],
        ));
    }
    None
}

/// The names of a place group.
fn place_names(id: PlaceId) -> Vec<String> {
    match GAZETTEER.entries.get(id) {
        Some(e) => {
            let mut v = e.names.clone();
            v.push(e.canonical.clone());
            v
        }
        None => RENAMED.own_names.get(&id).cloned().unwrap_or_default(),
    }
}

fn place_label(id: PlaceId) -> String {
    match GAZETTEER.entries.get(id) {
        Some(e) => match &e.country {
            Some(c) => format!("{} ({c})", e.canonical),
            None => e.canonical.clone(),
        },
        None => place_names(id).last().cloned().unwrap_or_default(),
    }
}

/// The places a name denotes: those the renamings give it, and the gazetteer entries
/// one of whose names is this name (not merely a stem of it), those whose
/// own (canonical) name it is before those that merely list it among their
/// other names (the data packages list some neighbours' names too: the
/// entry of Mykolaivka lists "Mykolaiv"). A Cyrillic name is also looked up
/// by its romanisations, for entries known only by Latin names.
fn place_ids(name: &str) -> Vec<PlaceId> {
    // Kept per thread: organisation comparisons ask it of every word group of both names
    // (is it a place, a place's adjective?), thousands of times for one name in a project.
    crate::memo::kept(&PLACE_IDS, name, 100_000, || place_ids_uncached(name))
}

thread_local! {
    static PLACE_IDS: crate::memo::Memo<Vec<PlaceId>> = Default::default();
}

fn place_ids_uncached(name: &str) -> Vec<PlaceId> {
    let (mut ids, own, listed) = place_candidates(name);
    // A renaming row of a place the gazetteer lacks, which names the place
    // itself, beats gazetteer entries that merely list a like name:
    // Jarosław, a Polish town with a row of its own, is not Yaroslavl,
    // whose entry lists "Jaroslav". A row tied to an entry does not (two
    // towns were Voroshilovsk, and the data packages list one of them).
    let own_rows = !ids.is_empty() && ids.iter().all(|i| *i >= GAZETTEER.entries.len());
    // Session 30: and beats an entry whose own name only resembles it (the
    // stemmed look-up finds Дніпро in ДніпроГЕС, a facility of its own):
    // beside such a row, only an entry one of whose names is this name.
    let key = casefile_names::latin_key(name);
    let found = if own_rows {
        own.into_iter()
            .filter(|i| {
                place_names(*i)
                    .iter()
                    .any(|n| casefile_names::latin_key(n) == key)
            })
            .collect()
    } else if !own.is_empty() {
        own
    } else {
        listed
    };
    for id in found {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The gazetteer entries of the countries `countries` that have `name` as
/// their own or one of their other names: "Александрия" given with a
/// Ukrainian region is Oleksandriya, which lists it, though the name is
/// Alexandria's own.
fn place_ids_in(name: &str, countries: &[String]) -> Vec<PlaceId> {
    let (_, own, listed) = place_candidates(name);
    own.into_iter()
        .chain(listed)
        .filter(|i| {
            GAZETTEER
                .entries
                .get(*i)
                .and_then(|e| e.country.as_ref())
                .is_some_and(|c| countries.contains(c))
        })
        .collect()
}

/// The places a name may denote: the renamings' rows, the gazetteer
/// entries whose own name it is, and those that list it among their other
/// names.
fn place_candidates(name: &str) -> (Vec<PlaceId>, Vec<PlaceId>, Vec<PlaceId>) {
    let stripped = casefile_names::strip_descriptors(name);
    let mut ids: Vec<PlaceId> = Vec::new();
    // Session 30: a facility of the table named as written is that
    // facility; its name without its descriptor (ДніпроГЕС: Дніпро) is
    // another place's.
    let facility_as_written = RENAMED
        .by_key
        .get(&casefile_names::latin_key(name))
        .is_some_and(|l| !l.is_empty() && l.iter().all(|i| RENAMED.facilities.contains(i)));
    let forms = if facility_as_written {
        vec![name]
    } else {
        vec![name, stripped.as_str()]
    };
    for form in forms {
        if let Some(list) = RENAMED.by_key.get(&casefile_names::latin_key(form)) {
            for id in list {
                if !ids.contains(id) {
                    ids.push(*id);
                }
            }
        }
    }
    let mut forms: Vec<String> = vec![name.to_string(), stripped.clone()];
    // "Mogilev Oblast" is the "Mogilev Region" the gazetteer lists.
    for (word, other) in REGION_WORDS.iter() {
        let swapped: Vec<&str> = stripped
            .split(' ')
            .map(|w| if w == word { other.as_str() } else { w })
            .collect();
        let swapped = swapped.join(" ");
        if swapped != stripped && !forms.contains(&swapped) {
            forms.push(swapped);
        }
    }
    if stripped
        .chars()
        .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        for scheme in [Scheme::RuBgnPcgn, Scheme::UkNational2010] {
            forms.push(casefile_names::transliterate(&stripped, scheme));
        }
    }
    let mut own: Vec<PlaceId> = Vec::new();
    let mut listed: Vec<PlaceId> = Vec::new();
    // The name itself, before a region given after a comma.
    let unit = names_a_unit(name.split(',').next().unwrap_or(name));
    for form in &forms {
        for e in lookup_place(form) {
            let Some(i) = entry_index(e) else { continue };
            if own.contains(&i) || listed.contains(&i) {
                continue;
            }
            // A region's or a district's name is not a settlement's, even
            // where the data packages list it among the city's names
            // (Воронежская область on Voronezh): a city and the region
            // named after it are two places.
            if unit && e.kind == crate::PlaceKind::Settlement {
                continue;
            }
            let matches = |n: &str| {
                casefile_names::compare_place(&stripped, n).score >= STRICT
                    || casefile_names::compare_place(form, n).score >= STRICT
            };
            if matches(&e.canonical) {
                own.push(i);
            } else if e.names.iter().any(|n| matches(n)) {
                listed.push(i);
            }
        }
    }
    (ids, own, listed)
}

/// Words that make a name a region's or a district's
/// (`data/lexicon/region_unit_words.txt`), folded to lower case.
static REGION_UNIT_WORDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/region_unit_words.txt"))
        .map(|w| w.trim().to_lowercase())
        .collect()
});

/// Whether a place name has a word of a region or a district in it
/// ("Воронежская область", "Pokrovsk Raion").
fn names_a_unit(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '—' | '–'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '.'))
        .any(|w| !w.is_empty() && REGION_UNIT_WORDS.contains(&w.to_lowercase()))
}

/// Whether two words name one gazetteer place (Москвы / Moscow): for the
/// proper words of translated names (`name_words`).
pub(crate) fn same_place(a: &str, b: &str) -> bool {
    let ia = place_ids(a);
    if !ia.is_empty() && place_ids(b).iter().any(|i| ia.contains(i)) {
        return true;
    }
    // The stemmed look-up finds inflected forms (Москвы) that `place_ids`,
    // which wants the name itself, leaves out.
    let la: Vec<usize> = lookup_place(a)
        .into_iter()
        .filter_map(entry_index)
        .collect();
    !la.is_empty()
        && lookup_place(b)
            .into_iter()
            .filter_map(entry_index)
            .any(|i| la.contains(&i))
}

/// Whether the gazetteer or the renamings know a name.
pub(crate) fn is_known_place(name: &str) -> bool {
    !place_ids(name).is_empty()
}

/// The countries of the gazetteer entries a name denotes (empty when one
/// of them has none, or the name is unknown).
fn place_countries(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for id in place_ids(name) {
        match GAZETTEER.entries.get(id).and_then(|e| e.country.clone()) {
            Some(c) => {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            None => return Vec::new(),
        }
    }
    out
}

fn step(rule: &str, detail: String) -> Step {
    Step::new(rule, detail)
}

/// `c` with a first step saying why it was reached (a name read again, another kind's rules).
fn explained(mut c: Comparison, rule: &str, detail: String) -> Comparison {
    c.explanation.insert(0, step(rule, detail));
    c
}

/// Either name read another way (`readings`: its other names, its formal
/// name, its case ending replaced …) and compared with the other by
/// `compare`: the first reading found the same, explained by `why` (the name
/// and its reading) under `rule`.
fn either_reading(
    (a, b): (&str, &str),
    readings: impl Fn(&str) -> Vec<String>,
    compare: impl Fn(&str, &str) -> Comparison,
    rule: &str,
    why: impl Fn(&str, &str) -> String,
) -> Option<Comparison> {
    for (x, y) in [(a, b), (b, a)] {
        for r in readings(x) {
            let n = compare(&r, y);
            if n.same {
                return Some(explained(n, rule, why(x, &r)));
            }
        }
    }
    None
}

fn decided(score: f64, steps: Vec<Step>) -> Comparison {
    Comparison::decided(score, steps)
}

/// Endings of `data/lexicon/name_case_endings.tsv`, longest first.
static CASE_ENDINGS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut v: Vec<(String, String)> =
        crate::wordlist::entries(include_str!("../data/lexicon/name_case_endings.tsv"))
            .filter_map(|l| {
                let (from, to) = l.split_once('\t')?;
                Some((from.trim().to_string(), to.trim().to_string()))
            })
            .collect();
    v.sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
    v
});

/// One word of a place or organisation name in the nominative: the
/// morphological dictionaries' reading as a place or a word of a place name
/// (Сумской → Сумская, Краснодарского → Краснодарский), else the ending
/// rules (Belarusian, common nouns of bodies); a word with a nominative
/// reading, and a Latin word, as written.
fn nominative_word(word: &str) -> String {
    if !word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return word.to_string();
    }
    let readings = crate::morph::readings(&crate::normalize::fold(word));
    let mut named: Vec<&crate::morph::Reading> = readings
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                crate::morph::Kind::Place | crate::morph::Kind::NameWord
            ) && !r.plural
        })
        .collect();
    // A place named in the plural only (Олешки, з Олешок; Черкассы) when
    // no singular reading is there.
    if named.is_empty() {
        named = readings
            .iter()
            .filter(|r| r.kind == crate::morph::Kind::Place && r.plural)
            .collect();
    }
    if named.iter().any(|r| r.is_nominative()) {
        return word.to_string();
    }
    if let Some(r) = named.first() {
        return r.nominative(word);
    }
    let lower = word.to_lowercase();
    for (from, to) in CASE_ENDINGS.iter() {
        if let Some(stem) = lower.strip_suffix(from.as_str()) {
            if stem.chars().count() < 2 {
                continue;
            }
            // Keep the word's own letters (its capitals) before the ending.
            let keep = word.chars().count() - from.chars().count();
            let mut out: String = word.chars().take(keep).collect();
            out.push_str(to);
            return out;
        }
    }
    word.to_string()
}

/// A place or organisation name with each word in the nominative
/// ([`nominative_word`]; a hyphenated word whole, as the dictionaries list
/// "Ростова-на-Дону"), punctuation kept: "Сумской области" → "Сумская область", "Мінскай вобласці" →
/// "Мінская вобласць".
fn nominative_phrase(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            out.push_str(&nominative_word(word));
            word.clear();
        }
    };
    for c in name.chars() {
        if c.is_alphabetic() || matches!(c, '\'' | '’' | 'ʼ' | '-') {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `cmp` as written, and when that finds two names different and one of
/// them changes in the nominative, `cmp` of the nominatives: "Сумской
/// области" is "Sumy Oblast", "Національної поліції України" the "National
/// Police of Ukraine".
/// A name `known` finds (in the gazetteer or the list) is a form of its own
/// and stays as written: "Генеральная прокуратура Российской Федерации" is
/// in the list, and its nominative words would lose that.
fn in_nominative(
    a: &str,
    b: &str,
    cmp: fn(&str, &str) -> Comparison,
    known: fn(&str) -> bool,
) -> Comparison {
    let c = cmp(a, b);
    if c.same {
        return c;
    }
    let nominative = |n: &str| {
        if known(n) {
            n.to_string()
        } else {
            nominative_phrase(n)
        }
    };
    again_in_nominative(a, b, c, nominative(a), nominative(b), cmp)
}

/// `c`, the comparison of `a` and `b` as written, unless their nominatives
/// `na` and `nb` differ from them and `cmp` finds those the same: then that
/// comparison, its first step saying why.
fn again_in_nominative(
    a: &str,
    b: &str,
    c: Comparison,
    na: String,
    nb: String,
    cmp: impl Fn(&str, &str) -> Comparison,
) -> Comparison {
    if na == a && nb == b {
        return c;
    }
    let n = cmp(&na, &nb);
    if !n.same {
        return c;
    }
    explained(
        n,
        "inflection",
        format!("{a} / {b} are compared in the nominative: {na} / {nb}"),
    )
}

/// One side found in the gazetteer or the list, the other not: the other is
/// compared with every name of what the first denotes, and with the first
/// as written; the better comparison counts.
struct Known {
    rule: &'static str,
    what: String,
    names: Vec<String>,
}

impl Known {
    fn compare(
        self,
        (a, b): (&str, &str),
        other: &str,
        cmp: fn(&str, &str) -> Comparison,
    ) -> Comparison {
        let direct = cmp(a, b);
        // A written name is compared with the entry's written names only: an
        // acronym is shared by unrelated bodies (ICC: the International
        // Criminal Court and the International Chamber of Commerce).
        let other_is_acronym = crate::name_words::split_words(other)
            .iter()
            .all(|w| crate::name_words::is_acronym(w));
        let best = self
            .names
            .iter()
            .filter(|n| {
                other_is_acronym
                    || !crate::name_words::split_words(n)
                        .iter()
                        .all(|w| crate::name_words::is_acronym(w))
            })
            .map(|n| (n, cmp(other, n)))
            .max_by(|x, y| x.1.score.total_cmp(&y.1.score));
        match best {
            Some((n, c)) if c.score > direct.score => {
                let mut steps = vec![step(
                    self.rule,
                    format!("{}; {other} is compared with its name {n}", self.what),
                )];
                steps.extend(c.explanation.into_iter().filter(|s| s.rule != "score"));
                decided(c.score, steps)
            }
            _ => direct,
        }
    }
}

/// A name with a place after its last comma ("Kirovsk, Luhansk Oblast",
/// "Дом ребенка «Елочка», Симферополь"): the name and the place it is in.
fn split_locality(name: &str) -> Option<(&str, &str)> {
    let (head, tail) = name.rsplit_once(',')?;
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || tail.is_empty() || place_ids(tail).is_empty() {
        return None;
    }
    Some((head, tail))
}

/// Compares two places (settlements, regions, facilities); see the module
/// documentation. A name with its region or town after a comma is read as
/// the name in that place: when both sides name one, the two must agree;
/// the names decide.
pub fn compare_places(a: &str, b: &str) -> Comparison {
    let c = compare_places_outer(a, b);
    if c.same {
        return c;
    }
    // Session 29: a place with its region in the genitive after it, without
    // a comma ("Васильевка Запорожской области"), read as the place with its
    // region after a comma, as the other side may give it.
    let with_comma = |x: &str| -> Option<String> {
        if x.contains(',') {
            return None;
        }
        genitive_region_split(x).map(|(head, region)| format!("{head}, {region}"))
    };
    // A facility with its district or region after a comma that the
    // gazetteer does not know as a place ("санаторий «Дубровенка»,
    // Жлобинский район": the district named by its town's adjective),
    // against a name with no comma: the facility without it (one the
    // gazetteer knows is weighed by the comparison of the places).
    for (x, y) in [(a, b), (b, a)] {
        if y.contains(',') {
            continue;
        }
        let Some((head, tail)) = x.split_once(',') else {
            continue;
        };
        let (head, tail) = (head.trim(), tail.trim());
        let unit = names_a_unit(tail);
        let facility = !crate::name_words::qualifiers(head).0.is_empty();
        if head.is_empty() || !unit || !facility || !place_ids(tail).is_empty() {
            continue;
        }
        let r = compare_places(head, y);
        if r.same {
            return explained(
                r,
                "locality",
                format!("{x} is compared without its district or region {tail}"),
            );
        }
    }
    // And a facility's town after a preposition at its end ("в санатории
    // «Лазурный» в Алуште"), read as its town after a comma.
    let with_comma = |x: &str| with_comma(x).or_else(|| trailing_locality(x));
    if let (Some(_), _) | (_, Some(_)) = (with_comma(a), with_comma(b)) {
        let (ra, rb) = (
            with_comma(a).unwrap_or_else(|| a.to_string()),
            with_comma(b).unwrap_or_else(|| b.to_string()),
        );
        let r = compare_places(&ra, &rb);
        if r.same {
            return explained(
                r,
                "region",
                format!("{a} / {b}: a region in the genitive read as after a comma"),
            );
        }
    }
    // A region's official name with its other name inside it ("Республика
    // Саха (Якутия)", "Кемеровская область — Кузбасс"): either name.
    if let Some(n) = either_reading(
        (a, b),
        place_inner_names,
        compare_places,
        "other name",
        |x, inner| format!("{x} gives itself the name {inner}"),
    ) {
        return n;
    }
    // Session 23: a facility named after a person, named without it ("Донецький міжнародний
    // аеропорт імені Сергія Прокоф'єва" / "Donetsk Airport"). Session 26: only when the other
    // name names no person: two facilities named after two persons are told apart by them
    // (школа имени Ивана Петрова / школа имени Петра Петрова).
    let named = |x: &str| crate::name_words::without_named_after(x).is_some();
    if named(a) && named(b) {
        return c;
    }
    either_reading(
        (a, b),
        |x| {
            crate::name_words::without_named_after(x)
                .into_iter()
                .collect()
        },
        compare_places,
        "named after",
        |x, r| format!("{x} is compared without the person it is named after: {r}"),
    )
    .unwrap_or(c)
}

/// A region's names inside its official name: the part in brackets or
/// after a spaced dash, and the name without it, when the name is a
/// region's (a word of `region_unit_words.txt`: "Республика Саха
/// (Якутия)", "Ханты-Мансийский автономный округ — Югра"). A part that is a
/// country or a region given for a settlement ("Новоалександровка
/// (Донецкая область)") is not another name of it.
fn place_inner_names(name: &str) -> Vec<String> {
    let (head, parts) = inner_parts(name, true);
    if parts.is_empty() || !names_a_unit(&head) {
        return Vec::new();
    }
    let country = |p: &str| {
        place_ids(p).iter().any(|i| {
            GAZETTEER
                .entries
                .get(*i)
                .is_some_and(|e| e.kind == crate::PlaceKind::Country)
        })
    };
    if parts.iter().any(|p| country(p)) {
        return Vec::new();
    }
    std::iter::once(head).chain(parts).collect()
}

/// A body's names inside its name: the part in brackets, and the name
/// without it ("Государственное Собрание (Ил Тумэн)", "Office for
/// Democratic Institutions and Human Rights (ODIHR)"). A part that is a
/// place says where the body is, or names a region inside the name
/// ("… Республики Саха (Якутия)"): not the body's name, though the
/// name without it is still one.
fn organization_inner_names(name: &str) -> Vec<String> {
    let (head, parts) = inner_parts(name, false);
    if parts.is_empty() {
        return Vec::new();
    }
    std::iter::once(head)
        .chain(parts.into_iter().filter(|p| place_ids(p).is_empty()))
        .collect()
}

/// `name` less its bracketed parts (and, with `dash`, less a last part
/// after a spaced dash), and those parts; no parts when it has none.
fn inner_parts(name: &str, dash: bool) -> (String, Vec<String>) {
    let mut head = String::new();
    let mut parts: Vec<String> = Vec::new();
    let mut part = String::new();
    let mut depth = 0usize;
    for ch in name.chars() {
        match ch {
            '(' => {
                if depth == 0 {
                    part.clear();
                } else {
                    part.push(ch);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    parts.push(part.trim().to_string());
                } else {
                    part.push(ch);
                }
            }
            _ if depth > 0 => part.push(ch),
            _ => head.push(ch),
        }
    }
    if dash {
        for sep in [" — ", " – ", " - "] {
            if let Some((h, t)) = head.rsplit_once(sep) {
                parts.push(t.trim().to_string());
                head = h.to_string();
                break;
            }
        }
    }
    let head = head.split_whitespace().collect::<Vec<_>>().join(" ");
    parts.retain(|p| !p.is_empty() && *p != head);
    if head.is_empty() {
        return (name.to_string(), Vec::new());
    }
    (head, parts)
}

/// [`compare_places`] without the names inside a name.
fn compare_places_outer(a: &str, b: &str) -> Comparison {
    let c = in_nominative(a, b, compare_places_as_written, is_known_place);
    if c.same {
        return c;
    }
    // A region by the informal name made of its centre's ("Свердловщина",
    // "Гомельшчына"): the formal name it stands for.
    if let Some(n) = either_reading(
        (a, b),
        |x| {
            formal_regions(x)
                .into_iter()
                .chain(compound_region(x))
                .collect()
        },
        |f, y| in_nominative(f, y, compare_places_as_written, is_known_place),
        "region",
        |x, f| format!("{x} is the informal name of {f}"),
    ) {
        return n;
    }
    // A name cut from running text with its preposition ("под Минском",
    // "pod Mińskiem"): the name after it, in the nominative.
    let (pa, pb) = (without_preposition(a), without_preposition(b));
    if pa.is_none() && pb.is_none() {
        return c;
    }
    let xa = pa.unwrap_or_else(|| a.to_string());
    let xb = pb.unwrap_or_else(|| b.to_string());
    let n = in_nominative(&xa, &xb, compare_places_as_written, is_known_place);
    if !n.same {
        return c;
    }
    explained(
        n,
        "preposition",
        format!("{a} / {b} are compared without their prepositions: {xa} / {xb}"),
    )
}

/// Region words a Soviet-style compound name ends in, after the first
/// letters of the region's adjective (Ленобласть, Мособласть): the word and
/// the formal names' word for it.
const COMPOUND_REGION_WORDS: &[(&str, &str)] = &[
    ("область", "область"),
    ("области", "область"),
    ("області", "область"),
    ("вобласць", "вобласць"),
    ("вобласці", "вобласць"),
];

/// The formal name a one-word compound region name stands for: the first
/// letters of one region's adjective, three at least, and the word for
/// region ("Ленобласть" → "Ленинградская область"). `None` when no region
/// or more than one begins so.
fn compound_region(name: &str) -> Option<String> {
    let word = name.trim();
    if word.contains(char::is_whitespace) {
        return None;
    }
    let lower = word.to_lowercase();
    let (head, region) = COMPOUND_REGION_WORDS.iter().find_map(|(w, formal)| {
        let head = lower.strip_suffix(w)?;
        (head.chars().count() >= 3).then_some((head, *formal))
    })?;
    let mut found: Vec<String> = Vec::new();
    for e in GAZETTEER
        .entries
        .iter()
        .filter(|e| e.kind == crate::PlaceKind::Region)
    {
        let hit = e.names.iter().find(|n| {
            let l = n.to_lowercase();
            let mut words = l.split_whitespace();
            matches!(
                (words.next(), words.next(), words.next()),
                (Some(adj), Some(w), None) if w == region && adj.starts_with(head) && adj.len() > head.len()
            )
        });
        if let Some(n) = hit {
            if found.len() > 1 {
                return None;
            }
            found.push(n.clone());
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Endings of a region's informal name made of its centre's name
/// (Харківщина, Свердловщина, Гомельшчына) and the endings of its formal
/// name that replace them (`data/lexicon/region_informal_endings.tsv`).
static INFORMAL_REGION_ENDINGS: LazyLock<Endings> =
    LazyLock::new(|| endings_table(include_str!("../data/lexicon/region_informal_endings.tsv")));

/// The formal names the gazetteer knows that a one-word informal region
/// name stands for: "Свердловщина" → "Свердловская область",
/// "Черкащина" → "Черкаська область". Empty for any other name.
fn formal_regions(name: &str) -> Vec<String> {
    let word = name.trim();
    if word.contains(char::is_whitespace) {
        return Vec::new();
    }
    let lower = word.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for (from, to) in INFORMAL_REGION_ENDINGS.iter() {
        let Some(stem) = lower.strip_suffix(from.as_str()) else {
            continue;
        };
        if stem.chars().count() < 3 {
            continue;
        }
        let keep: String = word.chars().take(stem.chars().count()).collect();
        let formal = format!("{keep}{to}");
        if !out.contains(&formal) && is_known_place(&formal) {
            out.push(formal);
        }
    }
    out
}

/// Prepositions a place name may carry from running text
/// (`data/lexicon/place_prepositions.tsv`), lower case, with their language.
static PLACE_PREPOSITIONS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/place_prepositions.tsv"))
        .filter_map(|l| {
            let (p, lang) = l.split_once('\t')?;
            Some((p.trim().to_lowercase(), lang.trim().to_string()))
        })
        .collect()
});

/// Case endings of place names and their nominative endings, in one
/// language's table: (ending, nominative ending).
type Endings = Vec<(String, String)>;

fn endings_table(text: &str) -> Endings {
    crate::wordlist::entries(text)
        .map(|l| {
            let (from, to) = l.split_once('\t').unwrap_or((l, ""));
            (from.trim().to_string(), to.trim().to_string())
        })
        .filter(|(from, _)| !from.is_empty())
        .collect()
}

/// Polish case endings of place names and their nominative endings
/// (`data/lexicon/place_polish_endings.tsv`).
static POLISH_ENDINGS: LazyLock<Endings> =
    LazyLock::new(|| endings_table(include_str!("../data/lexicon/place_polish_endings.tsv")));

/// Belarusian case endings of place names and their nominative endings
/// (`data/lexicon/place_belarusian_endings.tsv`): "у Оршы", "з Бабруйска",
/// "у Магілёве", which the Russian and Ukrainian dictionaries do not read.
static BELARUSIAN_ENDINGS: LazyLock<Endings> =
    LazyLock::new(|| endings_table(include_str!("../data/lexicon/place_belarusian_endings.tsv")));

/// Case endings of Ukrainian and Russian place names that are plural only
/// (`data/lexicon/place_plural_endings.tsv`): "з Олешок" is Олешки.
static PLURAL_ENDINGS: LazyLock<Endings> =
    LazyLock::new(|| endings_table(include_str!("../data/lexicon/place_plural_endings.tsv")));

/// Case endings of Ukrainian and Russian singular place names
/// (`data/lexicon/place_singular_endings.tsv`): "к Северодонецку" is
/// Северодонецк.
static SINGULAR_ENDINGS: LazyLock<Endings> =
    LazyLock::new(|| endings_table(include_str!("../data/lexicon/place_singular_endings.tsv")));

/// A place name less the preposition it starts with ("под Минском" →
/// "Минском"), or `None` when it starts with none or nothing follows it.
/// After a Polish or a Belarusian preposition the last word is read in the
/// nominative by that language's endings when the gazetteer then knows the
/// name ("pod Mińskiem" → "Mińsk", "у Оршы" → "Орша"); a preposition of
/// several languages (у: Russian, Ukrainian, Belarusian) tries each.
fn without_preposition(name: &str) -> Option<String> {
    let trimmed = name.trim();
    let lower = trimmed.to_lowercase();
    let (p, rest) = PLACE_PREPOSITIONS.iter().find_map(|(p, _)| {
        let rest = lower.strip_prefix(p.as_str())?;
        let rest = rest.strip_prefix(' ')?.trim_start();
        // The same letters of the name as written (its capitals).
        let cut = lower.chars().count() - rest.chars().count();
        (!rest.is_empty()).then(|| (p.clone(), trimmed.chars().skip(cut).collect::<String>()))
    })?;
    if is_known_place(&rest) {
        // Session 27: the name as written may be another place's name in
        // the nominative ("в Красноярске": Красноярское, a village, which
        // the locative of Krasnoyarsk spells one letter apart); the
        // nominative the case endings give wins when it is a known place
        // ten times as large.
        let largest = |n: &str| place_ids(n).into_iter().map(population).max().unwrap_or(0);
        return Some(
            nominative_after_preposition(&p, &rest)
                .filter(|n| *n != rest && largest(n) > largest(&rest).saturating_mul(10))
                .unwrap_or(rest),
        );
    }
    Some(nominative_after_preposition(&p, &rest).unwrap_or(rest))
}

/// Session 29: a name that ends in a preposition of place and a known
/// place's name, with words before it ("санаторий «Лазурный» в Алуште"):
/// the name with that place, in the nominative, after a comma
/// ("санаторий «Лазурный», Алушта"). `None` for a name with a comma, or
/// when the words after the preposition are no known place.
fn trailing_locality(name: &str) -> Option<String> {
    if name.contains(',') {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // The last preposition with one or two words after it and words before it.
    let at = (1..words.len().saturating_sub(1))
        .rev()
        .take(2)
        .find(|&i| {
            PLACE_PREPOSITIONS
                .iter()
                .any(|(p, _)| *p == words[i].to_lowercase())
        })?;
    let head = words[..at].join(" ");
    let rest = words[at + 1..].join(" ");
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let p = words[at].to_lowercase();
    let place = nominative_after_preposition(&p, &rest)
        .or_else(|| is_known_place(&rest).then(|| rest.clone()))?;
    Some(format!("{head}, {place}"))
}

/// The nominative of a place name after the preposition `p`, by the case
/// endings of the preposition's languages, when it is a known place (a
/// Polish one also when it is not); `None` otherwise.
fn nominative_after_preposition(p: &str, rest: &str) -> Option<String> {
    let rest = rest.to_string();
    let langs = PLACE_PREPOSITIONS
        .iter()
        .filter(|(q, _)| *q == p)
        .map(|(_, lang)| lang.as_str());
    for lang in langs {
        let (table, polish) = match lang {
            "pl" => (&*POLISH_ENDINGS, true),
            "be" => (&*BELARUSIAN_ENDINGS, false),
            "uk" | "ru" => (&*PLURAL_ENDINGS, false),
            _ => continue,
        };
        if let Some(n) = nominative_by_endings(&rest, table, polish) {
            return Some(n);
        }
        if matches!(lang, "uk" | "ru") {
            if let Some(n) = nominative_by_endings(&rest, &SINGULAR_ENDINGS, false) {
                return Some(n);
            }
        }
        // A Polish name the gazetteer does not spell (Horłówka, a Polish
        // rendering of Горлівка): the reading by the longest ending, to be
        // compared across scripts.
        if polish {
            if let Some(n) = longest_ending_reading(&rest, table) {
                return Some(n);
            }
        }
    }
    None
}

/// `rest` with its last word's longest case ending in `table` replaced by
/// its nominative ending (three letters of stem at least), known or not.
fn longest_ending_reading(rest: &str, table: &Endings) -> Option<String> {
    let (head, last) = match rest.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), rest),
    };
    let lower = last.to_lowercase();
    let (from, to) = table
        .iter()
        .filter(|(from, _)| {
            lower
                .strip_suffix(from.as_str())
                .is_some_and(|stem| stem.chars().count() >= 3)
        })
        .max_by_key(|(from, _)| from.chars().count())?;
    let keep: String = last
        .chars()
        .take(lower.chars().count() - from.chars().count())
        .collect();
    Some(format!("{head}{keep}{to}"))
}

/// Adjective case endings of Ukrainian and Russian place names and the
/// nominative endings that may replace them
/// (`data/lexicon/place_adjective_endings.tsv`): "у Кривому Розі" is Кривий
/// Ріг, "в Нижнем Новгороде" Нижний Новгород.
static ADJECTIVE_ENDINGS: LazyLock<Endings> =
    LazyLock::new(|| endings_table(include_str!("../data/lexicon/place_adjective_endings.tsv")));

/// Each reading of `word` with a case ending of `table` taken off, in the
/// table's order: the stem as written (at least `min_stem` letters) and the
/// nominative ending that replaces the case ending.
fn ending_readings<'t>(
    word: &'t str,
    table: &'t Endings,
    min_stem: usize,
) -> impl Iterator<Item = (String, &'t str)> + 't {
    let lower = word.to_lowercase();
    table.iter().filter_map(move |(from, to)| {
        let stem = lower.strip_suffix(from.as_str())?.chars().count();
        (stem >= min_stem).then(|| (word.chars().take(stem).collect(), to.as_str()))
    })
}

/// Session 28: the nominatives a Ukrainian or Russian adjective of a place
/// name may have, by [`ADJECTIVE_ENDINGS`] (the word as written first).
fn adjective_nominatives(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for (keep, to) in ending_readings(word, &ADJECTIVE_ENDINGS, 3) {
        let n = format!("{keep}{to}");
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Session 28: a Ukrainian nominative ending in a consonant with the vowel
/// of its last syllable read as і (ї for є): Ukrainian writes о and е there
/// when a case ending opens the syllable and і when it is closed (Львові →
/// Львов → Львів, Розі → Рог → Ріг, Києві → Києв → Київ). `None` when the
/// word ends in a vowel or its last vowel is another.
fn ukrainian_closed_syllable(word: &str) -> Option<String> {
    let mut chars: Vec<char> = word.chars().collect();
    let i = chars
        .iter()
        .rposition(|c| "аеєиіїоуюяАЕЄИІЇОУЮЯ".contains(*c))?;
    let to = match chars[i] {
        'о' | 'е' => 'і',
        'є' => 'ї',
        _ => return None,
    };
    // The vowel must close its syllable: a consonant after it ends the word.
    if i + 1 >= chars.len() || i == 0 {
        return None;
    }
    chars[i] = to;
    Some(chars.into_iter().collect())
}

/// `rest` with its last word's case ending replaced by a nominative one
/// from `table`, the first reading the gazetteer knows; Polish also raises
/// the o of the last syllable to ó (Lwowem → Lwów). Session 28: Ukrainian
/// and Russian adjectives before the last word, and after its hyphen, are
/// read in the nominative too (у Кривому Розі, у Кам'янці-Подільському),
/// and a Ukrainian stem's о or е as і (Розі → Ріг).
fn nominative_by_endings(rest: &str, table: &Endings, polish: bool) -> Option<String> {
    let direct = nominative_by_endings_last(rest, table, polish);
    if direct.is_some() || polish {
        return direct;
    }
    let words: Vec<&str> = rest.split(' ').collect();
    let (last, head) = words.split_last()?;
    let (first_part, after_hyphen) = match last.split_once('-') {
        Some((f, a)) => (f, Some(a)),
        None => (*last, None),
    };
    // Every combination of the adjectives' readings, the first known.
    let mut heads: Vec<String> = vec![String::new()];
    for w in head {
        let options = adjective_nominatives(w);
        heads = heads
            .iter()
            .flat_map(|h| options.iter().map(move |o| format!("{h}{o} ")))
            .take(16)
            .collect();
    }
    let tails: Vec<String> = match after_hyphen {
        Some(a) => adjective_nominatives(a)
            .into_iter()
            .map(|t| format!("-{t}"))
            .collect(),
        None => vec![String::new()],
    };
    let mut nouns = vec![first_part.to_string()];
    for (keep, to) in ending_readings(first_part, table, 2) {
        let n = format!("{keep}{to}");
        let raised = ukrainian_closed_syllable(&n);
        for n in std::iter::once(n).chain(raised) {
            if !nouns.contains(&n) {
                nouns.push(n);
            }
        }
    }
    for h in &heads {
        for n in &nouns {
            for t in &tails {
                let candidate = format!("{h}{n}{t}");
                if candidate != rest && is_known_place(&candidate) {
                    return Some(candidate);
                }
            }
        }
    }
    None
}

/// [`nominative_by_endings`] of the last word alone.
fn nominative_by_endings_last(rest: &str, table: &Endings, polish: bool) -> Option<String> {
    let (head, last) = match rest.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), rest),
    };
    for (keep, to) in ending_readings(last, table, 3) {
        // Polish ó of the nominative's last syllable is o in the other
        // cases (Lwów, Lwowem).
        let raised = keep
            .rfind('o')
            .filter(|_| polish)
            .map(|i| format!("{}ó{}", &keep[..i], &keep[i + 1..]));
        for stem in std::iter::once(keep).chain(raised) {
            let candidate = format!("{head}{stem}{to}");
            if is_known_place(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

/// [`compare_places`] of the names as written.
fn compare_places_as_written(a: &str, b: &str) -> Comparison {
    if let Some(c) = region_bound(a, b) {
        return c;
    }
    // A town with the district named after it ("Жлобін, Жлобінскі раён")
    // against a bare name: the town, the district adding nothing the other
    // side could contradict. Against a name with a place of its own the
    // two places are compared as they are (Миколаїв, Миколаївська область
    // is not Миколаїв, Львівська область).
    let (a, b) = match (a.contains(','), b.contains(',')) {
        (true, false) => (without_own_district(a).unwrap_or(a), b),
        (false, true) => (a, without_own_district(b).unwrap_or(b)),
        _ => (a, b),
    };
    let (sa, sb) = (split_locality(a), split_locality(b));
    if sa.is_none() && sb.is_none() {
        return compare_places_whole(a, b);
    }
    let (ha, la) = sa.map_or((a, None), |(h, l)| (h, Some(l)));
    let (hb, lb) = sb.map_or((b, None), |(h, l)| (h, Some(l)));
    if let (Some(la), Some(lb)) = (la, lb) {
        let c = compare_places_whole(la, lb);
        if !c.same {
            return decided(
                0.05,
                vec![step(
                    "gazetteer",
                    format!("{a} is in {la} and {b} in {lb}: different places"),
                )],
            );
        }
    }
    // A region on one side only must be in the other's country (Кировск,
    // Мурманская область is not Голубівка).
    for (l, other) in [(la, hb), (lb, ha)] {
        let Some(l) = l.filter(|_| la.is_none() || lb.is_none()) else {
            continue;
        };
        let (cl, co) = (place_countries(l), place_countries(other));
        if !cl.is_empty() && !co.is_empty() && !cl.iter().any(|c| co.contains(c)) {
            return decided(
                0.05,
                vec![step(
                    "gazetteer",
                    format!(
                        "{a} / {b}: {l} is in {} and {other} in {}: different places",
                        cl.join(", "),
                        co.join(", ")
                    ),
                )],
            );
        }
    }
    // A name given with its region on one side only, which the gazetteer
    // gives to several places (Rostov: Rostov Veliky, and Rostov-on-Don by
    // a short name), is not the other side's place by that shared name
    // alone: the other side must spell the name itself.
    if la.is_some() != lb.is_some() {
        let (h, other) = if la.is_some() { (ha, hb) } else { (hb, ha) };
        let renamed = RENAMED.by_key.contains_key(&casefile_names::latin_key(h));
        if !renamed
            && place_ids(h).len() > 1
            && casefile_names::compare_place(h, other).score < STRICT
        {
            // Session 23: the region's country may leave one of those places, which the
            // other side's name is a name of (Иваново, Брестская область: the Belarusian
            // Ivanava, not the Russian Ivanovo).
            let region = la.or(lb).unwrap_or_default();
            let inside = place_ids_in(h, &place_countries(region));
            if !inside.is_empty()
                && inside.len() < place_ids(h).len()
                && place_ids(other).iter().any(|i| inside.contains(i))
            {
                return decided(
                    0.95,
                    vec![step(
                        "gazetteer",
                        format!("{a} / {b}: {h} in {region} is the place of that country also named {other}"),
                    )],
                );
            }
            return decided(
                0.3,
                vec![step(
                    "gazetteer",
                    format!(
                        "{a} / {b}: {h} names several places, and its region does not make it {other}"
                    ),
                )],
            );
        }
    }
    // A region that excludes every place the gazetteer gives the name
    // (Светлогорск, Калининградская область: the gazetteer has only the
    // Belarusian town) leaves the name unknown; the other name, if it is one
    // of those excluded places (Svietlahorsk), is another place.
    for (h, l, other) in [(ha, la, hb), (hb, lb, ha)] {
        let Some(l) = l else { continue };
        let lc = place_countries(l);
        let hc = place_countries(h);
        if lc.is_empty() || hc.is_empty() || hc.iter().any(|c| lc.contains(c)) {
            continue;
        }
        // The region's own country may have a place that lists the name
        // (Александрия, Кировоградская область: Oleksandriya, not the
        // Alexandria whose own name it is); that place decides.
        let in_region: Vec<String> = place_ids_in(h, &lc)
            .into_iter()
            .flat_map(place_names)
            .collect();
        if let Some(n) = in_region
            .iter()
            .find(|n| casefile_names::compare_place(other, n).score >= STRICT)
        {
            return decided(
                0.95,
                vec![step(
                    "gazetteer",
                    format!("{a} / {b}: {h} in {l} is the place also named {n}"),
                )],
            );
        }
        let excluded: Vec<String> = place_ids(h).into_iter().flat_map(place_names).collect();
        let names_excluded = excluded
            .iter()
            .any(|n| casefile_names::compare_place(other, n).score >= STRICT);
        if names_excluded && casefile_names::compare_place(h, other).score < STRICT {
            return decided(
                0.05,
                vec![step(
                    "gazetteer",
                    format!(
                        "{a} / {b}: {h} in {l} is not the {} place {other} names",
                        hc.join(", ")
                    ),
                )],
            );
        }
    }
    let c = compare_places_whole(ha, hb);
    if c.same {
        let one_region = match (la, lb) {
            (Some(l), None) => Some((ha, l, hb)),
            (None, Some(l)) => Some((hb, l, ha)),
            _ => None,
        };
        if let Some(n) = one_region.and_then(|(h, l, other)| former_name_in_region(h, l, other)) {
            return n;
        }
    }
    // Both in one place, named by their kind alone ("Будинок дитини, Ліда"
    // / "Дом ребёнка, Лида"): the kind and the place name the facility.
    if !c.same && la.is_some() && lb.is_some() && crate::name_words::same_kind_alone(ha, hb) {
        return decided(
            0.9,
            vec![step(
                "gazetteer",
                format!("{a} / {b}: one kind of facility, named by its kind alone, in one place"),
            )],
        );
    }
    if !c.same && la.is_some() != lb.is_some() {
        let (h, l, other) = match (la, lb) {
            (Some(l), None) => (ha, l, hb),
            (None, Some(l)) => (hb, l, ha),
            _ => (ha, "", hb),
        };
        if let Some(rest) = without_own_town(other, l) {
            let n = compare_places_whole(h, &rest);
            if n.same {
                return explained(
                    n,
                    "gazetteer",
                    format!("{other} names its town {l} inside the name: {rest} in {l}"),
                );
            }
        }
    }
    explained(c, "gazetteer", format!("{a} / {b}: the names {ha} / {hb} are compared, the place after the comma only where both give one"))
}

/// Session 23: a former name given with a region (`h` in `l`), which a
/// town of the region's country bears as its own name now, against a name
/// `other` of the renamed place: the bearer, a namesake, not the renamed
/// place ("Куйбышев, Новосибирская область" is the town Kuybyshev, not
/// Samara, named Kuibyshev until 1991). A region named after the name
/// itself (Куйбышевская область) is the renamed place's own. Only for a
/// renamed city more than four times as populous as the town (a city's
/// former name is what a region is given to set apart; a renamed town and
/// a village of the same name, or a renaming the data packages have not
/// caught up with, are left to the names). `None` when the rule does not
/// apply.
fn former_name_in_region(h: &str, l: &str, other: &str) -> Option<Comparison> {
    let renamed = RENAMED.by_key.get(&casefile_names::latin_key(h))?;
    let first = l.split_whitespace().next()?;
    if crate::name_words::adjective_names(first, h) {
        return None;
    }
    let countries = place_countries(l);
    let (_, own, _) = place_candidates(h);
    let bearers: Vec<PlaceId> = own
        .into_iter()
        .filter(|i| !renamed.contains(i))
        .filter(|i| {
            GAZETTEER.entries.get(*i).is_some_and(|e| {
                e.kind == crate::PlaceKind::Settlement
                    && e.population >= TOWN_POPULATION
                    && e.country.as_ref().is_some_and(|c| countries.contains(c))
            })
        })
        .collect();
    let theirs = place_ids(other);
    let largest_bearer = bearers.iter().map(|i| population(*i)).max().unwrap_or(0);
    // The renamed city's own name now is not a former name (Південне, renamed from Южне).
    let current = |i: &PlaceId| {
        GAZETTEER
            .entries
            .get(*i)
            .is_some_and(|e| casefile_names::compare_place(h, &e.canonical).score >= STRICT)
    };
    let city = theirs.iter().any(|i| {
        renamed.contains(i) && !current(i) && population(*i) > largest_bearer.saturating_mul(4)
    });
    if bearers.is_empty() || theirs.iter().any(|i| bearers.contains(i)) || !city {
        return None;
    }
    let bearer = bearers.first().map(|i| place_label(*i)).unwrap_or_default();
    Some(decided(
        0.05,
        vec![step(
            "renamings",
            format!("{h} in {l} is {bearer}, which bears that name now; {other} is the place once named so"),
        )],
    ))
}

/// A name less its district or region after the last comma when that unit
/// is named by the name's own adjective ("Жлобін, Жлобінскі раён",
/// "Суми, Сумська область"): a town is in the unit named after it.
fn without_own_district(name: &str) -> Option<&str> {
    let (head, tail) = name.rsplit_once(',')?;
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || head.contains(',') || !names_a_unit(tail) {
        return None;
    }
    let first = tail.split_whitespace().next()?;
    crate::name_words::adjective_names(first, head).then_some(head)
}

/// A facility's name that names its town inside it rather than after a
/// comma, less the town: the town's adjective first ("Берегівська
/// спеціальна школа-інтернат" in Берегове) or the town in the genitive
/// last ("Дом ребенка №2 Санкт-Петербурга"). `None` when the name does not
/// name `town` so, or has nothing else.
fn without_own_town(name: &str, town: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let town_ids = place_ids(town);
    if town_ids.is_empty() {
        return None;
    }
    let first = words[0];
    if crate::name_words::adjective_names(first, town) {
        return Some(words[1..].join(" "));
    }
    let last = words[words.len() - 1];
    let nominative = nominative_phrase(last);
    let names_town = [last, nominative.as_str()]
        .iter()
        .any(|w| place_ids(w).iter().any(|i| town_ids.contains(i)));
    names_town.then(|| words[..words.len() - 1].join(" "))
}

/// [`compare_places_whole_gazetteer`], and then, for names it does not find
/// one, the translation word by word of `name_words` (Запорізька АЕС /
/// Zaporizhzhia Nuclear Power Plant; Дом ребенка «Елочка» / Будинок дитини
/// «Ялинка») and a facility's acronym (ЗАЕС).
/// Session 30: the endings of a Cyrillic adjective after its -ськ-, -ск-,
/// -цьк-, -цк-, -зьк- (Ukrainian, Russian, Belarusian; every case).
const ADJECTIVE_CASE_ENDINGS: &[&str] = &[
    "ого", "ому", "ими", "ої", "ою", "ій", "ий", "им", "их", "ая", "ое", "ой", "ом", "ым", "ых",
    "ую", "ае", "ага", "аму", "ай", "ім", "іх", "ыя", "ые", "а", "е", "і", "я",
];

/// The suffix groups of place adjectives, before their case ending.
const PLACE_ADJECTIVE_GROUPS: &[&str] = &["ськ", "цьк", "зьк", "ск", "цк", "зк"];

/// Session 30: the places a capitalised Cyrillic adjective is made of
/// (Бахмутська: Бахмут; Омской: Омск; Бахмацька: Бахмач; Брэсцкага:
/// Брэст; Красноармійська: Красноармійськ, now Покровськ), each a place
/// one of whose names the noun is exactly (not a look-alike the stemmed
/// look-up finds). Empty for any other word.
fn place_adjective_ids(word: &str) -> Vec<PlaceId> {
    if !word.chars().next().is_some_and(char::is_uppercase) || !crate::name_words::is_cyrillic(word)
    {
        return Vec::new();
    }
    let lower = word.to_lowercase();
    let Some((rest, group)) = ADJECTIVE_CASE_ENDINGS.iter().find_map(|e| {
        let rest = lower.strip_suffix(e)?;
        let g = PLACE_ADJECTIVE_GROUPS.iter().find(|g| rest.ends_with(*g))?;
        Some((rest, *g))
    }) else {
        return Vec::new();
    };
    let stem = &rest[..rest.len() - group.len()];
    if stem.chars().count() < 2 {
        return Vec::new();
    }
    // The town's name: the adjective's base (Омск, Покровськ), without its
    // soft sign (Бахмутськ → Бахмутск), or the stem before the suffix
    // with the ending a town's name may have (Бахмут, Полтава); before a
    // -ц(ь)к- suffix the stem's ч, к, ц or т became ц (Бахмач, Брэст).
    let mut nouns: Vec<String> = vec![rest.to_string(), rest.replace('ь', "")];
    if stem.chars().count() >= 3 {
        if group.starts_with('ц') {
            nouns.extend(["ч", "к", "ц", "т"].iter().map(|t| format!("{stem}{t}")));
            // A plural town name in -ці/-цы, whose adjective puts a vowel
            // before its ц (Чернівці: Чернівецький; Черновцы: Черновицкий).
            if let Some(short) = stem
                .strip_suffix(['е', 'о', 'и', 'і'])
                .filter(|t| t.chars().count() >= 3)
            {
                nouns.extend(["ці", "цы", "ци"].iter().map(|t| format!("{short}{t}")));
            }
        } else {
            // The town's own final с merges with the suffix's (Черкаси:
            // Черкаський, Одеса: Одеський).
            nouns.extend(
                ["", "а", "о", "е", "и", "с", "си", "сы", "са"]
                    .iter()
                    .map(|t| format!("{stem}{t}")),
            );
        }
    }
    let mut ids: Vec<PlaceId> = Vec::new();
    for noun in nouns {
        let mut chars = noun.chars();
        let Some(first) = chars.next() else { continue };
        let noun: String = first.to_uppercase().chain(chars).collect();
        let key = casefile_names::latin_key(&noun);
        let renamed = RENAMED.by_key.get(&key);
        for id in place_ids(&noun) {
            let exact = renamed.is_some_and(|r| r.contains(&id))
                || place_names(id)
                    .iter()
                    .any(|n| casefile_names::latin_key(n) == key);
            if exact && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// Session 30: whether two words are adjectives of one place (Брестского /
/// Брэсцкага), for the words of translated names (`name_words`).
pub(crate) fn adjectives_of_one_place(x: &str, y: &str) -> bool {
    let px = place_adjective_ids(x);
    !px.is_empty() && place_adjective_ids(y).iter().any(|i| px.contains(i))
}

/// Session 30: two Cyrillic names that differ in one word only, a place's
/// adjective on each side: the places decide. Adjectives of two different
/// places make two bodies or facilities however alike they are spelled
/// (Бахмутська / Бахмацька гімназія № 2, Правительство Омской / Томской
/// области); adjectives of one place (a town's former and present name,
/// Красноармійська / Покровська школа-інтернат) one. `None` when the
/// names differ otherwise, or a word is no place's adjective.
fn place_adjectives_decide(a: &str, b: &str) -> Option<Comparison> {
    if !crate::name_words::is_cyrillic(a) || !crate::name_words::is_cyrillic(b) {
        return None;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    if wa.len() != wb.len() || wa.len() < 2 {
        return None;
    }
    let fold = crate::normalize::fold;
    let mut differing = wa.iter().zip(&wb).filter(|(x, y)| fold(x) != fold(y));
    let (x, y) = differing.next()?;
    if differing.next().is_some() {
        return None;
    }
    let (px, py) = (place_adjective_ids(x), place_adjective_ids(y));
    if px.is_empty() || py.is_empty() {
        return None;
    }
    if px.iter().any(|i| py.contains(i)) {
        let place = px.iter().find(|i| py.contains(i)).map(|i| place_label(*i));
        return Some(decided(
            0.9,
            vec![step(
                "gazetteer",
                format!(
                    "{x} and {y} are adjectives of one place, {}: the names are otherwise the same",
                    place.unwrap_or_default()
                ),
            )],
        ));
    }
    Some(decided(
        0.1,
        vec![step(
            "gazetteer",
            format!(
                "{x} is the adjective of {} and {y} of {}: different places",
                px.first().map(|i| place_label(*i)).unwrap_or_default(),
                py.first().map(|i| place_label(*i)).unwrap_or_default()
            ),
        )],
    ))
}

fn compare_places_whole(a: &str, b: &str) -> Comparison {
    if let Some(c) = numbers_differ(a, b) {
        return c;
    }
    if let Some(c) = place_adjectives_decide(a, b) {
        return c;
    }
    if let Some(c) = facility_apart(a, b) {
        return c;
    }
    let c = compare_places_whole_gazetteer(a, b);
    if c.same {
        return c;
    }
    // Session 30: two places of which one is a facility of the table
    // (`data/facility_names.tsv`, which gives its names in every language)
    // and the other another place are two, whatever a translation word by
    // word makes of them (Курский вокзал, a Moscow terminal, is not "вокзал
    // Курск").
    let (ia, ib) = (place_ids(a), place_ids(b));
    let facility =
        |ids: &[PlaceId]| !ids.is_empty() && ids.iter().all(|i| RENAMED.facilities.contains(i));
    if (facility(&ia) || facility(&ib))
        && !ia.is_empty()
        && !ib.is_empty()
        && !ia.iter().any(|i| ib.contains(i))
    {
        return c;
    }
    if let Some((true, why)) = crate::name_words::translated(a, b) {
        return decided(0.9, vec![step("translated", why)]);
    }
    if crate::name_words::acronym_of(a, b) || crate::name_words::acronym_of(b, a) {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: an acronym of the other"),
            )],
        );
    }
    // A facility's acronym among its other words (Казанское СВУ: Казанское
    // суворовское военное училище).
    if crate::name_words::acronym_within(a, b) || crate::name_words::acronym_within(b, a) {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: an acronym in one stands for words of the other"),
            )],
        );
    }
    // Two namings of a facility around its own name, which the gazetteer
    // knows as one facility (НДЦ «Зубраня» / Национальный детский
    // образовательно-оздоровительный центр «Зубрёнок» / National Children's
    // … Centre Zubrenok): the own name decides, the words around it being a
    // translation, an acronym or a longer form of its kind (two kinds in one
    // script were told apart above).
    if let (Some(na), Some(nb)) = (facility_own_name(a), facility_own_name(b)) {
        let (fa, fb) = (na.0.as_str(), nb.0.as_str());
        let ia = place_ids(fa);
        let agree = facility_words_agree(&na, &nb);
        if let Some(shared) = place_ids(fb).into_iter().filter(|_| agree).find(|i| {
            ia.contains(i)
                && GAZETTEER
                    .entries
                    .get(*i)
                    .is_some_and(|e| e.kind == crate::PlaceKind::Facility)
        }) {
            return decided(
                0.9,
                vec![step(
                    "gazetteer",
                    format!(
                        "{a} / {b}: the facility {} by its own name ({fa} / {fb}) in both",
                        place_label(shared)
                    ),
                )],
            );
        }
    }
    c
}

/// How a facility's own name is named around ([`facility_own_name`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum FacilityWords {
    /// Words that only say what kind of place it is.
    Generic,
    /// An acronym.
    Acronym,
    /// Other words.
    Other,
}

/// A facility's own name inside a longer naming, the words around it and
/// what they are: its quoted name after words that only say what kind of
/// place it is ("Национальный детский образовательно-оздоровительный центр
/// «Зубрёнок»", `quoted_core`), after an acronym ("НДЦ «Зубраня»") or after
/// other words, or, unquoted, a capitalised last word after words of its
/// kind ("… Health Centre Zubrenok"). `None` for a name of one part, or a
/// name with a place after a comma (the places decide).
fn facility_own_name(name: &str) -> Option<(String, String, FacilityWords)> {
    use crate::name_words::{is_acronym, quoted_core, quoted_parts, split_words};
    if name.contains(',') {
        return None;
    }
    if let Some((inner, outside)) = quoted_parts(name) {
        let words = split_words(&outside);
        let kind = if quoted_core(name).is_some() {
            FacilityWords::Generic
        } else if !words.is_empty() && words.iter().all(|w| is_acronym(w)) {
            FacilityWords::Acronym
        } else {
            FacilityWords::Other
        };
        return Some((inner, outside, kind));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (last, rest) = words.split_last()?;
    if rest.is_empty() || !last.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let rest = rest.join(" ");
    quoted_core(&format!("{rest} «{last}»")).map(|core| (core, rest, FacilityWords::Generic))
}

/// Whether the words around two namings of one facility's own name can
/// name one facility: words of its kind or an acronym on each side, or
/// other words against an acronym; an acronym against words of the same
/// script must begin and end with their first and last words' initials
/// (НДЦ: Национальный … центр; ВДЦ is not Суднобудівний завод), and two
/// acronyms of one script must be one.
fn facility_words_agree(
    a: &(String, String, FacilityWords),
    b: &(String, String, FacilityWords),
) -> bool {
    use crate::name_words::{is_cyrillic, split_words};
    use FacilityWords::{Acronym, Other};
    let initials = |acronym: &str, words: &str| {
        let ws = split_words(words);
        let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
            return false;
        };
        let letters: Vec<char> = acronym
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let initial = |w: &str| w.to_lowercase().chars().next();
        letters.first().copied() == initial(first) && letters.last().copied() == initial(last)
    };
    match (a.2, b.2) {
        (Other, Other) => false,
        (Other, k) | (k, Other) if k != Acronym => false,
        (Acronym, Acronym) => {
            is_cyrillic(&a.1) != is_cyrillic(&b.1)
                || split_words(&a.1).join(" ").to_lowercase()
                    == split_words(&b.1).join(" ").to_lowercase()
        }
        (Acronym, _) if is_cyrillic(&a.1) == is_cyrillic(&b.1) => {
            split_words(&a.1).concat().chars().count() >= 2
                && initials(&split_words(&a.1).concat(), &b.1)
        }
        (_, Acronym) if is_cyrillic(&a.1) == is_cyrillic(&b.1) => {
            split_words(&b.1).concat().chars().count() >= 2
                && initials(&split_words(&b.1).concat(), &a.1)
        }
        _ => true,
    }
}

/// Session 29: the concepts that tell two facilities of one kind apart by
/// whom or which level they serve (`data/lexicon/facility_modifiers.txt`).
fn facility_modifiers() -> &'static [String] {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        crate::wordlist::entries(include_str!("../data/lexicon/facility_modifiers.txt"))
            .map(str::to_string)
            .collect()
    })
}

/// Session 29: two names in one script that share a generic word of what
/// kind of place they are (лікарня, інтернат) and differ in the words of
/// whom or which level it serves (дитяча / міська, a children's one or
/// not): two facilities.
fn modifiers_differ(a: &str, b: &str) -> Option<Comparison> {
    if crate::name_words::is_cyrillic(a) != crate::name_words::is_cyrillic(b) {
        return None;
    }
    let modifiers = facility_modifiers();
    // The words before a comma: a district after it ("Жлобинский район")
    // says where the facility is, not whom it serves.
    let own = |x: &str| x.split(',').next().unwrap_or(x).to_string();
    let (ca, cb) = (
        crate::name_words::generic_concepts(&own(a)),
        crate::name_words::generic_concepts(&own(b)),
    );
    let is_modifier = |c: &String| modifiers.contains(c);
    let head = ca
        .iter()
        .find(|c| !is_modifier(c) && c.as_str() != "settlement" && cb.contains(c))?;
    let (ma, mb): (Vec<&String>, Vec<&String>) = (
        ca.iter().filter(|c| is_modifier(c)).collect(),
        cb.iter().filter(|c| is_modifier(c)).collect(),
    );
    let (mut sa, mut sb) = (ma.clone(), mb.clone());
    sa.dedup();
    sb.dedup();
    // Session 30: the children's word alone against a name with no word of
    // whom or which level is no difference: a short naming leaves it out
    // (ВДЦ «Орлёнок» / Всероссийский детский центр «Орлёнок», Lesnaya
    // Skazka / Lesnaya Skazka Children's Centre). Against a name that
    // states the level it is one (обласна дитяча клінічна / обласна
    // клінічна лікарня).
    let children_alone = |x: &[&String], y: &[&String]| {
        y.is_empty() && !x.is_empty() && x.iter().all(|c| c.as_str() == "children")
    };
    if children_alone(&sa, &sb) || children_alone(&sb, &sa) {
        return None;
    }
    (sa != sb).then(|| {
        decided(
            0.1,
            vec![step(
                "descriptor",
                format!("{a} and {b} are both a {head} but of different kinds (whom or which level it serves): different facilities"),
            )],
        )
    })
}

/// Two names that say they are different kinds of place: two facilities
/// in one script whose descriptors differ (будинок дитини, a baby home, and
/// дитячий будинок, an orphanage), or a facility (санаторий «Истра») and a region
/// or country the gazetteer knows, or a settlement named as one (село
/// Истра): a facility named after a place is not that place. A bare name
/// without such a mark (Artek, a camp's own name) may still be the facility.
fn facility_apart(a: &str, b: &str) -> Option<Comparison> {
    if let Some(c) = modifiers_differ(a, b) {
        return Some(c);
    }
    let (da, _) = crate::name_words::qualifiers(a);
    let (db, _) = crate::name_words::qualifiers(b);
    if da.is_empty() && db.is_empty() {
        return None;
    }
    if !da.is_empty() && !db.is_empty() {
        // A translation into another script may render a kind of home
        // loosely (будинок дитини as "children's home"): within one script
        // the words are the names' own.
        let one_script = crate::name_words::is_cyrillic(a) == crate::name_words::is_cyrillic(b);
        return (one_script && da != db).then(|| {
            decided(
                0.1,
                vec![step(
                    "descriptor",
                    format!(
                        "{a} is a {} and {b} a {}: different facilities",
                        da.join(", "),
                        db.join(", ")
                    ),
                )],
            )
        });
    }
    let (facility, bare) = if da.is_empty() { (b, a) } else { (a, b) };
    // A name in quotation marks is a facility's own (санаторий «Сосновый
    // бор» / «Сосновый бор»), not the town that shares it.
    if crate::name_words::wholly_quoted(bare) {
        return None;
    }
    let settlement = casefile_names::descriptor_concepts(bare)
        .iter()
        .any(|c| c == "settlement");
    let bare_ids = place_ids(bare);
    let entries = || bare_ids.iter().filter_map(|i| GAZETTEER.entries.get(*i));
    let area =
        entries().any(|e| matches!(e.kind, crate::PlaceKind::Region | crate::PlaceKind::Country));
    // A town's bare name is the town (санаторий «Ессентуки» is not
    // Ессентуки), unless the gazetteer also knows a facility of that name
    // (Artek, a camp and a village). A village of a few hundred may share
    // a camp's name by chance, so only a town counts.
    // Within one script only: a translation may leave a camp's descriptor
    // out and give its own name, which a town may share (Pine Forest camp /
    // Сосновый бор).
    // And only a facility named after the town itself (a port named
    // Петровск-Порт is not Махачкала, the town it lies in).
    let one_script = crate::name_words::is_cyrillic(a) == crate::name_words::is_cyrillic(b);
    let core = casefile_names::strip_descriptors(facility);
    // Named after the town by its name, or by its adjective alone
    // (Лисичанський дитячий будинок, an orphanage of Лисичанськ).
    let by_adjective = core.split_whitespace().count() == 1
        && crate::name_words::adjective_names(core.trim(), bare);
    let named_after = !core.trim().is_empty()
        && (by_adjective
            || (place_ids(&core).iter().any(|i| bare_ids.contains(i))
                && casefile_names::compare_place(&core, bare).score >= STRICT));
    let town = one_script
        && named_after
        && entries()
            .any(|e| e.kind == crate::PlaceKind::Settlement && e.population >= TOWN_POPULATION)
        && !entries().any(|e| e.kind == crate::PlaceKind::Facility);
    // Session 27: a town the gazetteer lacks whose one-word name the
    // morphological dictionary knows as a place name (санаторий
    // «Белокуриха» / Белокуриха), the facility named by that very word.
    let dictionary_town = one_script
        && bare_ids.is_empty()
        && bare.split_whitespace().count() == 1
        && org_key(&core) == org_key(bare)
        && crate::morph::readings(&crate::normalize::fold(bare.trim()))
            .iter()
            .any(|r| r.kind == crate::morph::Kind::Place && !r.plural && r.is_nominative());
    (settlement || area || town || dictionary_town).then(|| {
        decided(
            0.1,
            vec![step(
                "descriptor",
                format!("{facility} is a facility and {bare} a place: a facility named after a place is not that place"),
            )],
        )
    })
}

fn compare_places_whole_gazetteer(a: &str, b: &str) -> Comparison {
    let ia = place_ids(a);
    let ib = place_ids(b);
    let mut steps = Vec::new();
    match (ia.is_empty(), ib.is_empty()) {
        (false, false) => {
            if let Some(shared) = ia.iter().find(|i| ib.contains(i)) {
                steps.push(step(
                    "gazetteer",
                    format!(
                        "{a} and {b} are names of one place: {}",
                        place_label(*shared)
                    ),
                ));
                decided(1.0, steps)
            } else {
                // One name in two spellings (Василівка / Васильевка) that the
                // data packages file under different homonymous villages: the
                // gazetteer cannot tell them apart, the spelling decides.
                let direct = casefile_names::compare_place(a, b);
                // Session 30: not a facility of the table, which is no
                // village's homonym (ДніпроГЕС is not Дніпро, though its name
                // without the descriptor is).
                let facility = |ids: &[PlaceId]| ids.iter().all(|i| RENAMED.facilities.contains(i));
                if direct.score >= STRICT && !facility(&ia) && !facility(&ib) {
                    return explained(direct, "gazetteer", format!(
                                "{a} and {b} are spellings of one name, which the gazetteer gives to several places"
                            ));
                }
                let label = |ids: &[PlaceId]| {
                    ids.iter()
                        .map(|i| place_label(*i))
                        .collect::<Vec<_>>()
                        .join(" or ")
                };
                steps.push(step(
                    "gazetteer",
                    format!(
                        "{a} is {} and {b} is {}: different places",
                        label(&ia),
                        label(&ib)
                    ),
                ));
                decided(0.05, steps)
            }
        }
        (true, true) => casefile_names::compare_place(a, b),
        _ => {
            let (known, ids, other) = if ia.is_empty() {
                (b, &ib, a)
            } else {
                (a, &ia, b)
            };
            let names: Vec<String> = ids.iter().flat_map(|i| place_names(*i)).collect();
            let label = ids
                .iter()
                .map(|i| place_label(*i))
                .collect::<Vec<_>>()
                .join(" or ");
            let known = Known {
                rule: "gazetteer",
                what: format!("{known} is {label}; {other} is not in the gazetteer"),
                names,
            };
            known.compare((a, b), other, casefile_names::compare_place)
        }
    }
}

/// One organisation of the curated list.
struct Org {
    forms: Vec<String>,
}

struct OrgIndex {
    orgs: Vec<Org>,
    by_key: HashMap<String, Vec<usize>>,
}

fn org_key(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '«' | '»' | '"' | '“' | '”' | '„') {
                ' '
            } else {
                c
            }
        })
        .collect();
    // Session 27: a number written in digits is part of the name (5 канал
    // is not 24 Канал), which `latin_key` leaves out with every word that
    // has no letter.
    let mut numbers: Vec<&str> = cleaned
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let key = casefile_names::latin_key(&cleaned);
    if numbers.is_empty() {
        return key;
    }
    numbers.sort_unstable();
    format!("{key} #{}", numbers.join(" "))
}

static ORGS: LazyLock<OrgIndex> = LazyLock::new(|| {
    let mut orgs: Vec<Org> = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let lines =
        crate::wordlist::entries(ORGANIZATIONS).chain(crate::wordlist::entries(ORGANIZATION_NAMES));
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let mut forms: Vec<String> = Vec::new();
        for (i, col) in cols.iter().enumerate().take(3) {
            let parts: Vec<&str> = if i == 2 {
                col.split('|').collect()
            } else {
                vec![*col]
            };
            forms.extend(
                parts
                    .into_iter()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
        if forms.is_empty() {
            continue;
        }
        // A row whose canonical name an earlier row has adds its forms to
        // that row (organization_names.tsv completes organizations.tsv).
        let joined = forms
            .first()
            .and_then(|c| by_key.get(&org_key(c)))
            .and_then(|ids| ids.first().copied());
        let id = joined.unwrap_or(orgs.len());
        for f in &forms {
            let k = org_key(f);
            if k.is_empty() {
                continue;
            }
            let list = by_key.entry(k).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
        match orgs.get_mut(id) {
            Some(o) => o.forms.extend(forms),
            None => orgs.push(Org { forms }),
        }
    }
    OrgIndex { orgs, by_key }
});

/// The list's organisations a name is a form of; failing that, those its
/// words without the country are a form of, when the organisation's own
/// forms name that country ("EMERCOM of Russia": EMERCOM, whose row has
/// "МЧС России"; "Russian Red Cross" is not the International Committee).
fn org_ids(name: &str) -> Vec<usize> {
    // Kept per thread: every comparison of a name asks it again.
    crate::memo::kept(&ORG_IDS, name, 100_000, || org_ids_uncached(name))
}

thread_local! {
    static ORG_IDS: crate::memo::Memo<Vec<usize>> = Default::default();
}

fn org_ids_uncached(name: &str) -> Vec<usize> {
    if let Some(ids) = ORGS.by_key.get(&org_key(name)) {
        return ids.clone();
    }
    let r = crate::name_words::read(name);
    if r.countries.is_empty() || r.rest.is_empty() {
        return Vec::new();
    }
    let Some(ids) = ORGS.by_key.get(&org_key(&r.rest.join(" "))) else {
        return Vec::new();
    };
    ids.iter()
        .copied()
        .filter(|i| {
            ORGS.orgs.get(*i).is_some_and(|o| {
                o.forms
                    .iter()
                    .any(|f| !crate::name_words::countries(f).is_disjoint(&r.countries))
            })
        })
        .collect()
}

/// Whether the organisation list gives two names to one body (OSCE /
/// ОБСЕ): for the acronyms inside names translated word by word.
pub(crate) fn same_listed_organization(a: &str, b: &str) -> bool {
    let ia = org_ids(a);
    !ia.is_empty() && org_ids(b).iter().any(|i| ia.contains(i))
}

/// Two organisation names without the list: `casefile_names::compare_organization`,
/// then the translation word by word of `name_words` (seven languages) and the
/// acronyms it derives in each.
fn compare_org_names(a: &str, b: &str) -> Comparison {
    let mut c = casefile_names::compare_organization(a, b);
    if c.same && different_acronyms(a, b) {
        c = decided(
            0.3,
            vec![step(
                "organizations",
                format!("{a} and {b} are different acronyms"),
            )],
        );
    }
    if c.same {
        return c;
    }
    if crate::name_words::spoken_un_acronym(a, b) {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: a UN body's acronym written in Cyrillic as it is read aloud (ЮН- for UN-)"),
            )],
        );
    }
    match crate::name_words::translated_located(a, b) {
        Some((true, why)) => return decided(0.9, vec![step("translated", why)]),
        Some((false, why)) => return decided(0.1, vec![step("organizations", why)]),
        None => {}
    }
    if crate::name_words::acronym_of(a, b) || crate::name_words::acronym_of(b, a) {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: one is the acronym of the other in one of seven languages"),
            )],
        );
    }
    for (x, y) in [(a, b), (b, a)] {
        if crate::name_words::named_short(x, y) {
            return decided(
                0.9,
                vec![step(
                    "translated",
                    format!("{x} is {y} named short, by its kind and the person it is named after"),
                )],
            );
        }
    }
    if crate::name_words::acronym_within(a, b) || crate::name_words::acronym_within(b, a) {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: an acronym in one stands for words of the other"),
            )],
        );
    }
    if crate::name_words::foreign_words(a, b) {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: the same words in two scripts, read as they sound"),
            )],
        );
    }
    if crate::name_words::compound_abbreviation(a, b)
        || crate::name_words::compound_abbreviation(b, a)
    {
        return decided(
            0.9,
            vec![step(
                "translated",
                format!("{a} / {b}: one is the other's compound abbreviation (the first letters of each word)"),
            )],
        );
    }
    c
}

/// Compares two organisations; see the module documentation. Two names of
/// different countries (МЧС России / МЧС Беларуси, Russian Red Cross /
/// Belarusian Red Cross) are different organisations before anything else.
pub fn compare_organizations(a: &str, b: &str) -> Comparison {
    let c = compare_organizations_outer(a, b);
    if c.same {
        return c;
    }
    // A body named with its other name or acronym in brackets: either name.
    either_reading(
        (a, b),
        organization_inner_names,
        compare_organizations,
        "other name",
        |x, inner| format!("{x} gives itself the name {inner}"),
    )
    .or_else(|| {
        either_reading(
            (a, b),
            without_domain,
            compare_organizations,
            "outlet",
            |x, r| format!("{x} is the site of {r}"),
        )
    })
    .unwrap_or(c)
}

/// Session 30: an outlet called by its site's address ("Babel.ua",
/// "Fontanka.ru"): its name without the top-level domain, which names the
/// outlet as its brand does («Бабель», «Фонтанка»). The domains are those
/// after which extraction takes an address for an outlet
/// (`data/lexicon/outlet_domains.txt`); one word and one dot only, so that
/// an address with a path or a subdomain is no such name.
fn without_domain(name: &str) -> Vec<String> {
    let n = name
        .trim()
        .trim_matches(|c: char| matches!(c, '«' | '»' | '"' | '“' | '”' | '„'))
        .trim();
    let Some((base, tld)) = n.rsplit_once('.') else {
        return Vec::new();
    };
    let one_word = !base.is_empty()
        && !base.contains('.')
        && !base.contains(char::is_whitespace)
        && base.chars().any(char::is_alphabetic);
    if !one_word || !crate::orgs::OUTLET_DOMAINS.contains(&crate::normalize::fold(tld)) {
        return Vec::new();
    }
    vec![base.to_string()]
}

/// [`compare_organizations`] without the names inside a name.
fn compare_organizations_outer(a: &str, b: &str) -> Comparison {
    let c = in_nominative(a, b, compare_organizations_as_written, |n| {
        !org_ids(n).is_empty()
    });
    if c.same {
        return c;
    }
    // The same words in other cases, word for word ("Конституційним Судом
    // України" / "Конституційний Суд України"), where the dictionaries and
    // the ending rules give no nominative.
    if crate::name_words::same_words_in_other_cases(a, b) {
        return decided(
            0.9,
            vec![step(
                "inflection",
                format!("{a} / {b}: the same words, word for word, in other cases"),
            )],
        );
    }
    // A name not in the list that is one of a listed body's forms in other
    // cases, word for word, against another name of that body
    // ("Международным уголовным судом" / "Міжнародний кримінальний суд",
    // "Реєстру збитків для України" / "Register of Damage for Ukraine").
    for (x, y) in [(a, b), (b, a)] {
        if !org_ids(x).is_empty() {
            continue;
        }
        let form = org_ids(y)
            .into_iter()
            .filter_map(|i| ORGS.orgs.get(i))
            .flat_map(|o| o.forms.iter())
            .find(|f| crate::name_words::same_words_in_other_cases(x, f));
        if let Some(form) = form {
            return decided(
                0.9,
                vec![step(
                    "inflection",
                    format!("{x} is {form}, a name in the list of what {y} names, in other cases"),
                )],
            );
        }
    }
    // A one-word name the dictionaries do not decline, in an oblique case
    // («Шпигеля», «Дождя»): read with a case ending replaced.
    if let Some(n) = either_reading(
        (a, b),
        one_word_readings,
        compare_organizations_as_written,
        "inflection",
        |x, r| format!("{x} is compared as {r}, its case ending replaced"),
    ) {
        return n;
    }
    // A short naming of a body, its kind and its quoted name ("фонд «X»"),
    // against the full one with more words around the same quoted name
    // ("Государственный фонд поддержки … «X»"): one body when the quoted
    // names are one and the short one's kind is among the full one's words.
    // Session 24: the full one's other words may be generic words too
    // (фонд помощи детям-сиротам «X»), as long as they are more than the
    // short one's kind.
    for (x, y) in [(a, b), (b, a)] {
        let (Some(core), Some((inner, outside))) = (
            crate::name_words::quoted_core(x),
            crate::name_words::quoted_parts(y),
        ) else {
            continue;
        };
        let (kinds, theirs) = (
            crate::name_words::generic_concepts(x),
            crate::name_words::generic_concepts(&outside),
        );
        if kinds.is_empty() || !kinds.iter().all(|k| theirs.contains(k)) {
            continue;
        }
        if crate::name_words::quoted_core(y).is_some() && theirs.len() <= kinds.len() {
            continue;
        }
        let n = compare_organizations(&core, &inner);
        if n.same {
            return explained(
                n,
                "descriptor",
                format!("{x} is {y} named short: the same quoted name {core}, and its kind among the other's words"),
            );
        }
    }
    // A body named with what kind of body it is before its quoted name
    // ("правозахисна організація «Truth Hounds»"): the quoted name, against
    // a name that has no such descriptor of its own. Two descriptors were
    // compared above: "табір «X»" and "санаторій «X»" are two places, not
    // one by their common quoted name.
    for (x, y) in [(a, b), (b, a)] {
        if crate::name_words::quoted_core(y).is_some() || descriptor_tail(y).is_some() {
            continue;
        }
        // Or its own name after words of its kind, unquoted
        // ("благодійна організація Save Ukraine"), or after words of its kind and its country
        // when the other names none (Session 23: "Российское движение детей и молодёжи
        // «Движение первых»" / "Движение первых").
        let core = crate::name_words::quoted_core(x)
            .or_else(|| descriptor_tail(x))
            .or_else(|| {
                crate::name_words::countries(y)
                    .is_empty()
                    .then(|| crate::name_words::quoted_core_of_country(x))
                    .flatten()
            });
        if let Some(core) = core {
            let n = compare_organizations(&core, y);
            if n.same {
                return explained(
                    n,
                    "descriptor",
                    format!("{x} is compared as its quoted name {core}"),
                );
            }
        }
    }
    // Session 28: a body with its seat after a comma ("Южный окружной
    // военный суд, Ростов-на-Дону"), against a name with no comma: the
    // body without its seat.
    for (x, y) in [(a, b), (b, a)] {
        if y.contains(',') {
            continue;
        }
        let Some((body, seat)) = x.rsplit_once(',') else {
            continue;
        };
        let (body, seat) = (body.trim(), seat.trim());
        if body.is_empty() || seat.is_empty() || !is_known_place(seat) {
            continue;
        }
        let n = compare_organizations(body, y);
        if n.same {
            return explained(
                n,
                "seat",
                format!("{x} is compared without its seat {seat}"),
            );
        }
    }
    // Session 29: a town's body with its region in the genitive after it
    // ("Херсонський міський суд Херсонської області"), against a name
    // that names no region: the body without it, when its own words name
    // the region's town by an adjective of the region's stem (the region
    // only repeats where the body is).
    for (x, y) in [(a, b), (b, a)] {
        let Some((body, region)) = genitive_region_split(x) else {
            continue;
        };
        if genitive_region_split(y).is_some() || y.contains(',') {
            continue;
        }
        let stem = |w: &str| -> String { crate::normalize::fold(w).chars().take(5).collect() };
        let Some(region_stem) = region.split_whitespace().next().map(stem) else {
            continue;
        };
        let repeats = region_stem.chars().count() >= 4
            && body.split_whitespace().any(|w| stem(w) == region_stem);
        if !repeats {
            continue;
        }
        let n = compare_organizations(&body, y);
        if n.same {
            return explained(
                n,
                "seat",
                format!("{x} is compared without its region {region}, which its own words name"),
            );
        }
    }
    c
}

/// Concepts that say what kind of body a name is
/// (`data/lexicon/body_kind_concepts.txt`).
static BODY_KINDS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/body_kind_concepts.txt"))
        .map(|w| w.trim().to_string())
        .collect()
});

/// A body's own name after Cyrillic words that only say what kind of body
/// it is, one of them a kind of body ([`BODY_KINDS`]), no country among
/// them: the name in Latin letters ("благодійна організація Save Ukraine",
/// "Центр прав людини ZMINA"), or a listed body's name that is no acronym
/// ("агентства Рейтер"; an acronym after generic words is usually a body
/// of it: "Фонд ООН"). `None` otherwise.
fn descriptor_tail(name: &str) -> Option<String> {
    use crate::name_words::{countries, generic_concepts, is_acronym, is_cyrillic, split_words};
    let words: Vec<&str> = name.split_whitespace().collect();
    let k = words
        .iter()
        .take_while(|w| {
            is_cyrillic(w) && !generic_concepts(w).is_empty() && countries(w).is_empty()
        })
        .count();
    if k == 0 || k >= words.len() {
        return None;
    }
    let (prefix, tail) = (words[..k].join(" "), words[k..].join(" "));
    let concepts = generic_concepts(&prefix);
    if !concepts.iter().any(|c| BODY_KINDS.contains(c)) || !countries(&prefix).is_empty() {
        return None;
    }
    let latin = !tail.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let tail_words = split_words(&tail);
    let listed = !org_ids(&tail).is_empty() && !tail_words.iter().all(|w| is_acronym(w));
    (latin || listed).then_some(tail)
}

/// The readings of a one-word Cyrillic name (its quotation marks aside)
/// with a case ending replaced (`casefile_names::declined_readings`).
fn one_word_readings(name: &str) -> Vec<String> {
    let bare = name.trim_matches(|c: char| {
        matches!(c, '«' | '»' | '"' | '“' | '”' | '„') || c.is_whitespace()
    });
    let words = crate::name_words::split_words(bare);
    // Session 27: a name the list knows as written is that body's name in
    // the nominative, not another word in an oblique case («Правда»).
    if words.len() != 1 || !org_ids(name).is_empty() {
        return Vec::new();
    }
    casefile_names::declined_readings(bare)
}

/// A name that is another name followed by a country in the nominative, as
/// a body's national branch or edition is named ("РБК-Україна", "UNICEF
/// Ukraine", "Interfax-Ukraine"): the base and the country. A country after a
/// connecting word ("National Police of Ukraine") or in another case ("МЧС
/// России") names the body's own country, not a branch.
fn country_branch(name: &str) -> Option<(&str, &str)> {
    let name = name
        .trim()
        .trim_matches(|c: char| matches!(c, '«' | '»' | '"' | '“' | '”' | '„'))
        .trim();
    let (cut, sep) = name
        .char_indices()
        .rfind(|(_, c)| *c == '-' || *c == ' ' || *c == '–')?;
    let mut base = name[..cut].trim_end();
    let country = name[cut + sep.len_utf8()..].trim();
    let last = base.split_whitespace().last()?;
    if country.is_empty() {
        return None;
    }
    // "… в Украине", "… in Ukraine": the body's office in that country
    // (Комсомольская правда в Украине), where "of" names the country of
    // the body itself (National Police of Ukraine).
    let located = BRANCH_PREPOSITIONS.contains(&last.to_lowercase().as_str());
    if crate::name_words::is_stop(last) && !located {
        return None;
    }
    // Session 23: a country written as its Cyrillic acronym ("… суд РФ": Российской
    // Федерации) or as the end of its formal name ("… Республики Беларусь") is in the
    // genitive, the body's own country.
    let country_acronym = crate::name_words::is_cyrillic(country)
        && crate::name_words::split_words(country)
            .iter()
            .all(|w| crate::name_words::is_acronym(w));
    if !located
        && (country_acronym || crate::name_words::only_countries(&format!("{last} {country}")))
    {
        return None;
    }
    if located {
        base = base[..base.len() - last.len()].trim_end();
        if base.is_empty() {
            return None;
        }
    }
    let lower = country.to_lowercase();
    let is_country = lookup_place(country).into_iter().any(|e| {
        e.kind == crate::PlaceKind::Country
            && std::iter::once(&e.canonical)
                .chain(e.names.iter())
                .any(|n| n.to_lowercase() == lower)
    }) || (located && !crate::name_words::countries(country).is_empty());
    is_country.then_some((base, country))
}

/// Session 30: a national member named by its country (SOS-Дитячі
/// містечка Україна) against a name that calls itself international and
/// names no country (SOS Children's Villages International): the member is
/// not the federation, even where the list gives both as forms of one row
/// (a row that lists a national edition beside its parent). The word is the
/// concept "international" of `data/name_words.tsv` in any of its languages.
fn branch_against_international(a: &str, b: &str) -> Option<Comparison> {
    let international = |n: &str| {
        crate::name_words::generic_concepts(n)
            .iter()
            .any(|c| c == "international")
    };
    for (x, y) in [(a, b), (b, a)] {
        let Some((_, country)) = country_branch(x) else {
            continue;
        };
        if !crate::name_words::countries(y).is_empty() || !international(y) || international(x) {
            continue;
        }
        return Some(decided(
            0.1,
            vec![step(
                "organizations",
                format!("{x} is a member in {country} and {y} the international body: different organizations"),
            )],
        ));
    }
    None
}

/// Prepositions of a body's office in a country ("в Украине", "у
/// Беларусі", "in Ukraine", "w Polsce"), for [`country_branch`].
const BRANCH_PREPOSITIONS: &[&str] = &["в", "во", "у", "ў", "in", "w", "we"];

/// Two acronyms written differently (БРСМ / РСМ, after folding the letters
/// one acronym writes differently across languages): one letter more is
/// another word, so spelling alone never makes them one.
fn different_acronyms(a: &str, b: &str) -> bool {
    let all_acronyms = |n: &str| {
        let w = crate::name_words::split_words(n);
        !w.is_empty() && w.iter().all(|w| crate::name_words::is_acronym(w))
    };
    // Session 30: a Latin acronym written in Cyrillic letters for letters
    // (HIAS / ХІАС, HRW / ХРВ) writes its H as Х, which the Latin key
    // reads as "kh": across scripts the two are one letter.
    let key = |n: &str| {
        let k = casefile_names::latin_key(n);
        if crate::name_words::is_cyrillic(a) == crate::name_words::is_cyrillic(b) {
            k
        } else {
            k.replace("kh", "h")
        }
    };
    all_acronyms(a) && all_acronyms(b) && key(a) != key(b)
}

/// The country a national body's name implies by its language when it
/// names none: a name in Ukrainian is Ukraine's ("Верховний Суд"), one in
/// Belarusian Belarus's; a Russian name implies none (Russia's, Belarus's
/// and Ukraine's bodies are all named in Russian).
fn implied_country(name: &str) -> Option<&'static str> {
    if !crate::name_words::countries(name).is_empty() {
        return None;
    }
    match crate::name_words::cyrillic_language(name)? {
        "uk" => Some("UA"),
        "be" => Some("BY"),
        _ => None,
    }
}

/// A name of one country against a name in another country's language
/// without one ("Верховный суд Российской Федерации" / "Верховний Суд",
/// which is Ukraine's): different bodies. International names (the UN's)
/// imply nothing.
fn implied_country_differs(a: &str, b: &str) -> Option<Comparison> {
    for (x, y) in [(a, b), (b, a)] {
        let cx = crate::name_words::countries(x);
        if cx.is_empty() || cx.contains("UN") {
            continue;
        }
        let Some(implied) = implied_country(y) else {
            continue;
        };
        if !cx.contains(implied) {
            return Some(decided(
                0.1,
                vec![step(
                    "organizations",
                    format!("{x} names {}; {y}, named in the language of {implied} without a country, is {implied}'s", cx.iter().cloned().collect::<Vec<_>>().join(", ")),
                )],
            ));
        }
    }
    None
}

/// Words that make a name a media outlet's (`data/lexicon/outlet_words.tsv`),
/// folded to lower case, with the language their spelling is (`-`: none).
static OUTLET_WORDS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/outlet_words.tsv"))
        .filter_map(|l| {
            let (w, lang) = l.split_once('\t')?;
            Some((w.trim().to_lowercase(), lang.trim().to_string()))
        })
        .collect()
});

/// The country a media outlet's name implies by its language, when it
/// names none: the name's own words ([`implied_country`]), else its outlet
/// word's spelling (радыё: Belarus). `None` for a name that is no outlet's.
fn outlet_country(name: &str) -> Option<&'static str> {
    let words = crate::name_words::split_words(name);
    let langs: Vec<&String> = words
        .iter()
        .filter_map(|w| OUTLET_WORDS.get(&w.to_lowercase()))
        .collect();
    if langs.is_empty() || !crate::name_words::countries(name).is_empty() {
        return None;
    }
    implied_country(name).or_else(|| {
        langs.iter().find_map(|l| match l.as_str() {
            "uk" => Some("UA"),
            "be" => Some("BY"),
            _ => None,
        })
    })
}

/// Two names of a media outlet, one in Ukrainian and one in Belarusian,
/// neither naming a country ("Радіо Свобода" / "Радыё Свабода"): a
/// broadcaster's national services, each in its country's language, are
/// two newsrooms, whatever the list files them under.
fn outlet_languages_differ(a: &str, b: &str) -> Option<Comparison> {
    let (la, lb) = (outlet_country(a)?, outlet_country(b)?);
    (la != lb).then(|| {
        decided(
            0.1,
            vec![step(
                "organizations",
                format!("{a} / {b}: a media outlet named in the languages of {la} and {lb}: two national services"),
            )],
        )
    })
}

/// Two names in one Cyrillic language, one led by its country's adjective
/// and the other ending in the country's name ("Украинская православная
/// церковь" / "Православная церковь Украины"): within one language an
/// official name is fixed, and the two orders name two bodies.
fn country_moved(a: &str, b: &str) -> Option<Comparison> {
    use crate::name_words::{countries, cyrillic_language, is_cyrillic, split_words};
    if !is_cyrillic(a) || !is_cyrillic(b) || cyrillic_language(a) != cyrillic_language(b) {
        return None;
    }
    let (wa, wb) = (split_words(a), split_words(b));
    if wa.len() < 3 || wb.len() < 3 {
        return None;
    }
    let country_of = |w: &str| countries(w);
    for (x, y) in [(&wa, &wb), (&wb, &wa)] {
        let (Some(xf), Some(xl), Some(yf), Some(yl)) = (x.first(), x.last(), y.first(), y.last())
        else {
            continue;
        };
        let (cx, cy) = (country_of(xf), country_of(yl));
        if !cx.is_empty() && cx == cy && country_of(xl).is_empty() && country_of(yf).is_empty() {
            return Some(decided(
                0.1,
                vec![step(
                    "organizations",
                    format!("{a} / {b}: one language, the country leads one name and ends the other: two bodies"),
                )],
            ));
        }
    }
    None
}

/// The numbers written in a name in digits ("Беларусь 24", "Дом ребёнка
/// № 2"), in order of size.
fn numbers(name: &str) -> Vec<&str> {
    let mut v: Vec<&str> = name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.trim_start_matches('0'))
        .collect();
    v.sort_unstable();
    v
}

/// Two names that both carry numbers, different ones: two channels, homes
/// or schools of one network (Беларусь 1 / Беларусь 24, France 2 / France
/// 24, Дом ребёнка № 2 / № 3), whatever else they share. The keys the
/// names are compared by leave digits out.
fn numbers_differ(a: &str, b: &str) -> Option<Comparison> {
    let (na, nb) = (numbers(a), numbers(b));
    (!na.is_empty() && !nb.is_empty() && na != nb).then(|| {
        decided(
            0.1,
            vec![step(
                "numbers",
                format!("{a} and {b} carry different numbers: different names"),
            )],
        )
    })
}

/// An acronym standing alone against a longer name that has it as one of
/// its words besides others that are no country (NATO / NATO Parliamentary
/// Assembly, OSCE / OSCE Special Monitoring Mission, СБУ / Управління СБУ
/// в Сумській області): the longer name is a body, office or branch of the
/// one the acronym names, not that one.
fn organ_named_by_acronym(a: &str, b: &str) -> Option<Comparison> {
    use crate::name_words::{countries, is_acronym, is_stop, split_words};
    for (x, y) in [(a, b), (b, a)] {
        let xw = split_words(x);
        let [acronym] = xw.as_slice() else { continue };
        if !is_acronym(acronym) || acronym.chars().any(char::is_lowercase) {
            continue;
        }
        // The acronym as a word of its own: joined by a hyphen it is part
        // of a compound name (ИТАР-ТАСС, a former name of ТАСС).
        let own_word = y
            .split_whitespace()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == *acronym);
        if !own_word {
            continue;
        }
        // Other words that are not acronyms as well, connecting words and
        // countries aside (UNICEF Ukraine is a national branch, decided
        // elsewhere).
        let others = split_words(y)
            .iter()
            .filter(|w| *w != acronym && !is_acronym(w) && !is_stop(w) && countries(w).is_empty())
            .count();
        if others > 0 {
            return Some(decided(
                0.1,
                vec![step(
                    "organizations",
                    format!("{y} names {acronym} among other words: a body of {acronym}, not {acronym} itself"),
                )],
            ));
        }
    }
    None
}

/// [`compare_organizations`] of the names as written.
fn compare_organizations_as_written(a: &str, b: &str) -> Comparison {
    // A national branch is not its parent (РБК-Україна / РБК, UNICEF
    // Ukraine / UNICEF): a wrong merge joins two newsrooms or offices. When
    // the list gives both as forms of one row, only against the parent's
    // name itself (a row that lists a national edition, Sputnik Беларусь,
    // beside Sputnik): a name that ends in a country may be the body's own
    // (Channel One Russia is Первый канал).
    let listed_together = {
        let ia = org_ids(a);
        !ia.is_empty() && org_ids(b).iter().any(|i| ia.contains(i))
    };
    for (x, y) in [(a, b), (b, a)] {
        let Some((base, country)) = country_branch(x) else {
            continue;
        };
        if listed_together && org_key(base) != org_key(y) {
            continue;
        }
        if country_branch(y).is_none()
            && crate::name_words::countries(y).is_empty()
            && compare_organizations_as_written(base, y).same
        {
            return decided(
                0.1,
                vec![step(
                    "organizations",
                    format!("{x} is the {country} branch of {base}, not {y}"),
                )],
            );
        }
    }
    if let Some(c) = branch_against_international(a, b) {
        return c;
    }
    if let Some(c) = place_adjectives_decide(a, b) {
        return c;
    }
    if let Some(c) = numbers_differ(a, b) {
        return c;
    }
    // Two forms of one row of the list are that body's names, an acronym
    // among other words included (ZMINA / Центр прав людини ZMINA).
    if !listed_together {
        if let Some(c) = organ_named_by_acronym(a, b) {
            return c;
        }
    }
    if let Some(c) = outlet_languages_differ(a, b) {
        return c;
    }
    let (ca, cb) = (
        crate::name_words::countries(a),
        crate::name_words::countries(b),
    );
    if !ca.is_empty() && !cb.is_empty() && ca.is_disjoint(&cb) {
        return decided(
            0.1,
            vec![step(
                "organizations",
                format!("{a} and {b} name different countries: different organizations"),
            )],
        );
    }
    if let Some(c) = implied_country_differs(a, b) {
        return c;
    }
    if let Some(c) = country_moved(a, b) {
        return c;
    }
    let ia = org_ids(a);
    let ib = org_ids(b);
    let first = |ids: &[usize]| {
        ids.first()
            .and_then(|i| ORGS.orgs.get(*i))
            .and_then(|o| o.forms.first().cloned())
            .unwrap_or_default()
    };
    let mut steps = Vec::new();
    match (ia.is_empty(), ib.is_empty()) {
        (false, false) => {
            if let Some(shared) = ia.iter().find(|i| ib.contains(i)) {
                steps.push(step(
                    "organizations",
                    format!(
                        "{a} and {b} are names of one organization in the list: {}",
                        first(&[*shared])
                    ),
                ));
                decided(1.0, steps)
            } else {
                steps.push(step(
                    "organizations",
                    format!(
                        "{a} is {} and {b} is {} in the list: different organizations",
                        first(&ia),
                        first(&ib)
                    ),
                ));
                decided(0.1, steps)
            }
        }
        (true, true) => {
            let c = compare_org_names(a, b);
            if c.same {
                return c;
            }
            // A Latin acronym of a name in a language the table lacks,
            // when neither is in the list (a listed acronym is that body's:
            // ICC is the court, not the International Chamber of Commerce).
            if crate::name_words::latin_initials(a, b) || crate::name_words::latin_initials(b, a) {
                return decided(
                    0.9,
                    vec![step(
                        "organizations",
                        format!("{a} / {b}: the acronym's letters are the initials of the other's words"),
                    )],
                );
            }
            c
        }
        _ => {
            let (known, ids, other) = if ia.is_empty() {
                (b, &ib, a)
            } else {
                (a, &ia, b)
            };
            let names: Vec<String> = ids
                .iter()
                .filter_map(|i| ORGS.orgs.get(*i))
                .flat_map(|o| o.forms.clone())
                .collect();
            // A bare acronym against an entry that has its own acronyms in
            // the same script, none of them this one, which spells the
            // entry's full name only without its country: another country's
            // body (СЗР is not the СВР whose Ukrainian name, less "Росії",
            // it spells).
            let acronym_only = |n: &str| {
                let w = crate::name_words::split_words(n);
                !w.is_empty() && w.iter().all(|w| crate::name_words::is_acronym(w))
            };
            // Session 29: a bare Cyrillic acronym against a listed body
            // named by a Cyrillic acronym too (ДМС / ДПСУ, КС РФ / СК РФ):
            // written as two acronyms that are not one (`different_acronyms`),
            // nor the one the other's beginning, they are two bodies,
            // whatever words of the entry the letters could be the
            // initials of in some language's order. Not across scripts or
            // in Latin letters, where an acronym may be another language's
            // (OTAN / NATO, APCE / ПАРЄ).
            let begins_other = |x: &str, y: &str| {
                casefile_names::latin_key(y).starts_with(&casefile_names::latin_key(x))
            };
            if acronym_only(other)
                && acronym_only(known)
                && crate::name_words::is_cyrillic(other)
                && crate::name_words::is_cyrillic(known)
                && different_acronyms(other, known)
                && !begins_other(other, known)
                && !begins_other(known, other)
            {
                return decided(
                    0.3,
                    vec![step(
                        "organizations",
                        format!(
                            "{known} is {} in the list; {other} is another acronym",
                            first(ids)
                        ),
                    )],
                );
            }
            if acronym_only(other) {
                let script = crate::name_words::is_cyrillic(other);
                let own: Vec<&String> = names
                    .iter()
                    .filter(|n| acronym_only(n) && crate::name_words::is_cyrillic(n) == script)
                    .collect();
                // An acronym that begins the entry's own (СЗР, СЗРУ with
                // the country's letter) is not another one.
                let begins = |n: &str| {
                    casefile_names::latin_key(n).starts_with(&casefile_names::latin_key(other))
                };
                // It spells a form of the entry only with that form's
                // country left out (СЗР: Служба зовнішньої розвідки Росії),
                // and no form without a country: the body of another country.
                let derived = |with_country: bool| {
                    names.iter().any(|n| {
                        crate::name_words::countries(n).is_empty() != with_country
                            && crate::name_words::acronym_of(other, n)
                    })
                };
                if !own.is_empty()
                    && own
                        .iter()
                        .all(|n| different_acronyms(other, n) && !begins(n))
                    && derived(true)
                    && !derived(false)
                {
                    return decided(
                        0.3,
                        vec![step(
                            "organizations",
                            format!(
                                "{known} is {} in the list, whose acronyms are {}; {other} is another acronym",
                                first(ids),
                                own.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        )],
                    );
                }
            }
            let known = Known {
                rule: "organizations",
                what: format!("{known} is {} in the list", first(ids)),
                names,
            };
            known.compare((a, b), other, compare_org_names)
        }
    }
}

/// Blocking keys of an organisation name for [`compare_organizations`]: a
/// resolver files every name under `index` and looks a name up by `query`
/// instead of comparing it with every name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganizationBlocks {
    /// The keys a name is filed under.
    pub index: Vec<u64>,
    /// The query is the union of one set (any one) from each part: for
    /// every `b` with `compare_organizations(a, b).same` or
    /// `compare_organizations(b, a).same`, whatever set is chosen from each
    /// part, the union shares a key with `b`'s `index`.
    pub query: Vec<Vec<Vec<u64>>>,
}

/// Blocking keys of an organisation name; see [`OrganizationBlocks`].
///
/// Why they are enough, branch by branch of [`compare_organizations`]:
/// two names both in the list are the same only when they share an entry
/// (the entry's key, `org`); neither in the list, as
/// `casefile_names::compare_organization`, whose keys
/// (`casefile_names::organization_keys`) are built for it; one in the list
/// (`known`) and the other (`other`) not, the better of the comparison as
/// written and of `other` with every name of `known`'s entries, so `known`
/// is filed under the keys of those names as well as its own, and queried
/// with one set of each of them as well as of its own; and for the
/// translations and acronyms `compare_org_names` accepts after the names
/// crate's comparison, the keys of `add_translation_keys`, for the name and
/// for every name of its entries.
pub fn organization_blocks(name: &str) -> OrganizationBlocks {
    let mut blocks = organization_blocks_as_written(name);
    // `compare_organizations` also compares the names in the nominative,
    // and a one-word name with a case ending replaced: an inflected name is
    // filed and asked under those readings' keys too.
    let nominative = nominative_phrase(name);
    let readings = std::iter::once(nominative)
        .chain(one_word_readings(name))
        .filter(|r| r != name);
    for r in readings {
        let n = organization_blocks_as_written(&r);
        blocks.index.extend(n.index);
        blocks.index.sort_unstable();
        blocks.index.dedup();
        blocks.query.extend(n.query);
    }
    // And the keys of the person it may be named after (a foundation
    // named short, or with the person's name in another language's cases).
    let person: Vec<u64> = crate::name_words::person_block_keys(name)
        .iter()
        .map(|k| casefile_names::block_hash("orgperson", k))
        .collect();
    if !person.is_empty() {
        blocks.index.extend(&person);
        blocks.index.sort_unstable();
        blocks.index.dedup();
        blocks.query.push(vec![person]);
    }
    // And the keys of its words in other cases (`compare_organizations`
    // joins the same words in other cases word for word).
    let inflected: Vec<u64> = crate::name_words::inflection_block_keys(name)
        .iter()
        .map(|k| casefile_names::block_hash("orginfl", k))
        .collect();
    if !inflected.is_empty() {
        blocks.index.extend(&inflected);
        blocks.index.sort_unstable();
        blocks.index.dedup();
        blocks.query.push(vec![inflected]);
    }
    // And a name with another name in brackets under each of its names'
    // keys (`compare_organizations` compares each).
    for inner in organization_inner_names(name) {
        let n = organization_blocks(&inner);
        blocks.index.extend(n.index);
        blocks.index.sort_unstable();
        blocks.index.dedup();
        blocks.query.extend(n.query);
    }
    // And a name with more words around its quoted name under the quoted
    // name's keys too (`compare_organizations` compares a short naming's
    // quoted name with it).
    if crate::name_words::quoted_core(name).is_none() {
        if let Some((inner, _)) = crate::name_words::quoted_parts(name) {
            let n = organization_blocks(&inner);
            blocks.index.extend(n.index);
            blocks.index.sort_unstable();
            blocks.index.dedup();
            blocks.query.extend(n.query);
        }
    }
    // And a name with a descriptor before its quoted name, or before its
    // own name unquoted, under that name's keys (`compare_organizations`
    // compares it so).
    if let Some(core) = crate::name_words::quoted_core(name).or_else(|| descriptor_tail(name)) {
        let n = organization_blocks(&core);
        blocks.index.extend(n.index);
        blocks.index.sort_unstable();
        blocks.index.dedup();
        blocks.query.extend(n.query);
    }
    blocks
}

fn organization_blocks_as_written(name: &str) -> OrganizationBlocks {
    let own = casefile_names::organization_keys(name);
    let ids = org_ids(name);
    let mut blocks = OrganizationBlocks {
        index: own.index,
        query: vec![own.queries],
    };
    add_translation_keys(&mut blocks, name);
    if ids.is_empty() {
        blocks.index.sort_unstable();
        blocks.index.dedup();
        return blocks;
    }
    let entries: Vec<u64> = ids
        .iter()
        .map(|i| casefile_names::block_hash("org", &i.to_string()))
        .collect();
    blocks.index.extend(&entries);
    blocks.query.push(vec![entries]);
    for form in ids
        .iter()
        .filter_map(|i| ORGS.orgs.get(*i))
        .flat_map(|o| o.forms.iter())
    {
        let keys = casefile_names::organization_keys(form);
        blocks.index.extend(keys.index);
        blocks.query.push(keys.queries);
        add_translation_keys(&mut blocks, form);
        // `compare_organizations` joins a form in other cases, word for
        // word, with every name of the entry.
        let inflected: Vec<u64> = crate::name_words::inflection_block_keys(form)
            .iter()
            .map(|k| casefile_names::block_hash("orginfl", k))
            .collect();
        if !inflected.is_empty() {
            blocks.index.extend(&inflected);
            blocks.query.push(vec![inflected]);
        }
    }
    blocks.index.sort_unstable();
    blocks.index.dedup();
    blocks
}

/// Files and queries `name` under the keys of the comparisons
/// `compare_org_names` makes after `casefile_names::compare_organization`:
/// a translation word by word (the same concepts) or an acronym in one of
/// seven languages. Two names either calls the same share one of
/// `name_words::block_keys` (its tests check it), so the keys are one exact
/// set, both filed and asked.
fn add_translation_keys(blocks: &mut OrganizationBlocks, name: &str) {
    let keys: Vec<u64> = crate::name_words::block_keys(name)
        .iter()
        .map(|k| casefile_names::block_hash("orgword", k))
        .collect();
    if keys.is_empty() {
        return;
    }
    blocks.index.extend(&keys);
    blocks.query.push(vec![keys]);
}

/// Compares two names of one kind with the gazetteer and the organisation
/// list where the kind has one: the one comparison the CLI, the resolver
/// and the evaluation call.
///
/// Under [`NameKind::Person`] (the default) two names that do not read as a
/// person's (no given name, patronymic or surname form: "Dnipropetrovsk",
/// "МВД") are compared as places when the gazetteer knows one of them, and
/// as organisations when the list does, instead of word by word.
pub fn compare_names(kind: NameKind, a: &str, b: &str) -> Comparison {
    match kind {
        NameKind::Person => {
            // A name cut from running text with its preposition ("об
            // Алексее Смирнове"): the name without it.
            if let Some((x, y)) = [(a, b), (b, a)]
                .into_iter()
                .find_map(|(x, y)| person_without_preposition(x).map(|x| (x, y)))
            {
                let c = compare_names(kind, &x, y);
                return explained(
                    c,
                    "preposition",
                    format!("{x} is compared without the preposition before it"),
                );
            }
            let c = casefile_names::compare(a, b);
            let not_persons = c
                .explanation
                .first()
                .is_some_and(|s| s.rule == "parse" && s.detail.starts_with("place or other"));
            if !not_persons {
                return compare_persons(a, b, c);
            }
            let (other, what) = if !place_ids(a).is_empty() || !place_ids(b).is_empty() {
                (compare_places(a, b), "places (the gazetteer knows them)")
            } else if !org_ids(a).is_empty() || !org_ids(b).is_empty() {
                (
                    compare_organizations(a, b),
                    "organizations (the list knows them)",
                )
            } else {
                return names_part_by_part(a, b).unwrap_or(c);
            };
            explained(
                other,
                "parse",
                format!("not person names: compared as {what}"),
            )
        }
        NameKind::Place => compare_places(a, b),
        NameKind::Organization => compare_organizations(a, b),
    }
}

/// Prepositions before a person's name in running text
/// (`data/lexicon/person_prepositions.txt`).
static PERSON_PREPOSITIONS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    crate::wordlist::entries(include_str!("../data/lexicon/person_prepositions.txt"))
        .map(|w| w.trim().to_string())
        .collect()
});

/// A person's name less a preposition written in lower case before it,
/// when a word with a capital follows ("об Алексее Смирнове": "Алексее
/// Смирнове"); `None` otherwise.
fn person_without_preposition(name: &str) -> Option<String> {
    let trimmed = name.trim();
    let (first, rest) = trimmed.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let capital = rest.chars().next().is_some_and(char::is_uppercase);
    let lower = first.chars().all(|c| !c.is_uppercase());
    (lower && capital && PERSON_PREPOSITIONS.contains(first)).then(|| rest.to_string())
}

/// Session 26: two persons' names the names crate reads as no Slavic
/// person's (no given name of its table on either side) nor a place, each of
/// two words or more and no initials: compared part by part as surnames are
/// (`casefile_names::compare_surname`: each part with the other side's,
/// Belarusian and Russian spellings of one word, parts on one side only
/// costing a little): "Франак Вячорка" / "Франак Вечёрка". `None` below the
/// threshold.
fn names_part_by_part(a: &str, b: &str) -> Option<Comparison> {
    let words = |s: &str| -> Option<usize> {
        let ws: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let initial = ws
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() < 2);
        (!initial).then_some(ws.len())
    };
    if words(a)? < 2 || words(b)? < 2 {
        return None;
    }
    let score = casefile_names::compare_surname(a, b);
    (score >= casefile_names::DEFAULT_THRESHOLD).then(|| {
        decided(
            score,
            vec![step(
                "parse",
                format!(
                    "{a} / {b}: no given name the table knows; the names compared part by part"
                ),
            )],
        )
    })
}

/// Whether two names are one person's, as [`compare_names`] compares
/// persons (in the nominative too): for the person a foundation is named
/// after (`name_words::translated`).
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    // Kept per thread: organisations named after a person (and names with a
    // person's name inside) meet the same persons' names at every comparison.
    let key = format!("{a}{}{b}", crate::memo::SEPARATOR);
    crate::memo::kept(&SAME_PERSONS, &key, 100_000, || {
        compare_persons(a, b, casefile_names::compare(a, b)).same
    })
}

thread_local! {
    static SAME_PERSONS: crate::memo::Memo<bool> = Default::default();
}

/// Two persons' names given `c`, the names crate's comparison as written:
/// in an oblique case a name is compared again in the nominative
/// (`lemma::nominative_name`: "Марії Львової-Бєлової" is "Maria
/// Lvova-Belova"). Only a name two of whose words change counts as
/// oblique: one word alone may be a name of its own in the nominative
/// ("Ярослава Левченко" is a woman, not the genitive of Ярослав), unless
/// that word is no given name the lists know as written and becomes one
/// ("Оксаною Мельник": a woman's surname in -ук, -ник, -енко does not
/// decline, so her given name alone shows the case).
fn compare_persons(a: &str, b: &str, c: Comparison) -> Comparison {
    if c.same {
        return c;
    }
    let oblique = |name: &str| {
        let n = crate::lemma::nominative_name(name);
        let changed: Vec<(&str, &str)> = name
            .split_whitespace()
            .zip(n.split_whitespace())
            .filter(|(x, y)| x != y)
            .collect();
        // Neither list may know the word as written as a given name
        // (Ярослава is a woman's name, Олександрою no name's nominative).
        // Session 28: nor the dictionary as a nominative; a word it knows
        // only as an oblique form of a given name is declined even when the
        // names crate's table reads it as another name's spelling (Юлії,
        // which its key reads as Юлій), and a nominative the dictionary
        // knows counts beside the short list's (Ярославою → Ярослава).
        let given_declined = match changed.as_slice() {
            [(x, y)] if !crate::lemma::is_nominative_given(x) => {
                let form = crate::lemma::dictionary_given_form(x);
                !form.nominative
                    && (casefile_names::given_name_group(x).is_none() || form.oblique)
                    && (crate::lemma::is_nominative_given(y)
                        || crate::lemma::dictionary_given_form(y).nominative)
            }
            _ => false,
        };
        if changed.len() >= 2 || given_declined {
            n
        } else {
            name.to_string()
        }
    };
    let c = again_in_nominative(a, b, c, oblique(a), oblique(b), casefile_names::compare);
    if c.same {
        return c;
    }
    // Session 27: a pen name and the birth name of one person
    // (`data/pen_names.tsv`: Марко Вовчок / Марія Вілінська).
    let rows = |n: &str| -> Vec<usize> {
        let mut out = Vec::new();
        for k in [
            casefile_names::latin_key(n),
            casefile_names::latin_key(&oblique(n)),
        ] {
            for r in PEN_NAMES.by_key.get(&k).into_iter().flatten() {
                if !out.contains(r) {
                    out.push(*r);
                }
            }
        }
        out
    };
    let ra = rows(a);
    match rows(b).into_iter().find(|r| ra.contains(r)) {
        Some(r) => decided(
            0.9,
            vec![step(
                "pen name",
                format!(
                    "{a} and {b} are names of one person, {} (a pen name or another name)",
                    PEN_NAMES.labels.get(r).map(String::as_str).unwrap_or("?")
                ),
            )],
        ),
        None => c,
    }
}

/// Pen names and birth names (`data/pen_names.tsv`): `latin_key` of each
/// name → the rows it is a name of.
struct PenNames {
    labels: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
}

static PEN_NAMES: LazyLock<PenNames> = LazyLock::new(|| {
    let mut labels = Vec::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for line in crate::wordlist::entries(include_str!("../data/pen_names.tsv")) {
        let Some((label, names)) = line.split_once('\t') else {
            continue;
        };
        let row = labels.len();
        labels.push(label.trim().to_string());
        for n in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
            let list = by_key.entry(casefile_names::latin_key(n)).or_default();
            if !list.contains(&row) {
                list.push(row);
            }
        }
    }
    PenNames { labels, by_key }
});

/// A key that groups place names: the gazetteer entry (or renaming) they
/// denote, else `casefile_names::place_key` (descriptors dropped, generic
/// words translated). For the resolver.
pub fn place_group_key(name: &str) -> String {
    let mut ids = place_ids(name);
    if ids.is_empty() {
        // An inflected name (Сумской области) groups with its nominative.
        ids = place_ids(&nominative_phrase(name));
    }
    match ids.into_iter().min() {
        Some(id) => format!("#{id}"),
        None => casefile_names::place_key(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the blocking keys `x` is looked up by (the first set of each
    /// part) meet the keys `y` is filed under: the resolver then compares them.
    pub(super) fn first_keys_meet(x: &str, y: &str) -> bool {
        let (asked, filed) = (organization_blocks(x), organization_blocks(y));
        asked
            .query
            .iter()
            .filter_map(|part| part.first())
            .flatten()
            .any(|k| filed.index.contains(k))
    }

    /// Every way `compare_org_names` joins two names after the names
    /// crate's comparison (a translation word by word, an acronym in
    /// another language) meets in the blocks, whichever set of each query
    /// part a resolver asks.
    #[test]
    fn translated_and_acronym_organizations_share_a_block() {
        for (a, b) in [
            (
                "Federal Ministry of Sport",
                "Федеральне міністерство спорту",
            ),
            ("Ministerstwo Sportu", "Министерство спорта"),
            (
                "OBWE",
                "Организация по безопасности и сотрудничеству в Европе",
            ),
            ("Justizministerium", "Ministry of Justice"),
        ] {
            assert!(compare_organizations(a, b).same, "{a} / {b}");
            for (x, y) in [(a, b), (b, a)] {
                let (asked, filed) = (organization_blocks(x), organization_blocks(y));
                for pick in 0..3 {
                    let keys: Vec<u64> = asked
                        .query
                        .iter()
                        .filter_map(|part| part.get(pick.min(part.len().saturating_sub(1))))
                        .flatten()
                        .copied()
                        .collect();
                    assert!(
                        keys.iter().any(|k| filed.index.contains(k)),
                        "{x} does not find {y} (set {pick} of each part)"
                    );
                }
            }
        }
    }

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    #[test]
    fn inflected_names_compare_as_their_nominative() {
        for (kind, a, b) in [
            (NameKind::Place, "Житомирської області", "Zhytomyr Oblast"),
            (NameKind::Place, "Тамбовской области", "Tambov Oblast"),
            (NameKind::Place, "Гродзенскай вобласці", "Grodno Region"),
            (NameKind::Person, "Олександра Усика", "Oleksandr Usyk"),
        ] {
            assert!(
                same(kind, a, b),
                "{a} / {b}: {:?}",
                compare_names(kind, a, b)
            );
        }
        // The nominative does not join what differs in the nominative too.
        assert!(!same(NameKind::Place, "Житомирської області", "Zhytomyr"));
    }

    #[test]
    fn exonyms_and_short_names_of_regions() {
        assert_same_places(&[
            ("Russland", "Россия"),
            ("Mołdawia", "Moldova"),
            ("Забайкалье", "Zabaykalsky Krai"),
            ("Vitebsk Oblast", "Вітебська область"),
        ]);
        assert!(!same(NameKind::Place, "Russland", "Białoruś"));
    }

    #[test]
    fn a_name_qualified_by_region_is_not_a_namesake_by_a_short_name() {
        let c = compare_places("Ростов, Ярославская область", "Ростов-на-Дону");
        assert!(!c.same, "{c:?}");
        assert!(same(NameKind::Place, "Kirovsk, Luhansk Oblast", "Кировск"));
    }

    #[test]
    fn a_national_branch_is_not_its_parent() {
        for (a, b) in [
            ("Amnesty International Ukraine", "Amnesty International"),
            ("Forbes-Україна", "Forbes"),
        ] {
            let c = compare_organizations(a, b);
            assert!(!c.same, "{a} / {b}: {c:?}");
        }
        // A country after "of", or in another case, is the body's own.
        assert!(same(
            NameKind::Organization,
            "National Guard of Ukraine",
            "НГУ"
        ));
    }

    #[test]
    fn acronyms_one_letter_apart_are_different() {
        let c = compare_organizations("ГУР", "ГУРМ");
        assert!(!c.same, "{c:?}");
    }

    #[test]
    fn bodies_translated_between_languages() {
        for (a, b) in [
            ("Дніпровський апеляційний суд", "Dnipro Court of Appeal"),
            (
                "Западный окружной военный суд",
                "Western District Military Court",
            ),
            ("Бобруйская крепость", "Bobruisk Fortress"),
            ("Запорізький аеропорт", "Zaporizhzhia Airport"),
            ("Украинская железная дорога", "Ukrainian Railway"),
        ] {
            let kind = if a.contains("крепость") || a.contains("аеропорт") {
                NameKind::Place
            } else {
                NameKind::Organization
            };
            assert!(
                same(kind, a, b),
                "{a} / {b}: {:?}",
                compare_names(kind, a, b)
            );
        }
        assert!(!same(
            NameKind::Organization,
            "Дніпровський апеляційний суд",
            "Dnipro District Court"
        ));
    }

    #[test]
    fn inflected_organizations_share_a_block_with_their_nominative() {
        let (a, b) = ("Національної гвардії України", "National Guard of Ukraine");
        assert!(
            compare_organizations(a, b).same,
            "{:?}",
            compare_organizations(a, b)
        );
        assert!(first_keys_meet(a, b));
    }

    #[test]
    fn renamed_places_are_one_place() {
        assert_same_places(&[
            ("Dnipropetrovsk", "Дніпро"),
            ("Кировоград", "Kropyvnytskyi"),
            ("Артемовск", "Bakhmut"),
            ("Комсомольск", "Horishni Plavni"),
        ]);
    }

    fn assert_same_places(pairs: &[(&str, &str)]) {
        for (a, b) in pairs {
            assert!(
                same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
    }

    #[test]
    fn different_gazetteer_entries_stay_apart() {
        for (a, b) in [
            ("Balta", "Bălți"),
            ("Pokrovsk", "Pokrov"),
            ("Samar", "Samara"),
        ] {
            let c = compare_places(a, b);
            assert!(!c.same, "{a} / {b}: {c:?}");
        }
    }

    #[test]
    fn a_city_is_not_its_district_or_region() {
        for (a, b) in [
            ("Бахмут", "Бахмутский район"),
            ("Donetsk", "Донецька область"),
        ] {
            let c = compare_places(a, b);
            assert!(!c.same, "{a} / {b}: {c:?}");
        }
    }

    #[test]
    fn facilities_with_descriptors_and_translations() {
        assert!(same(NameKind::Place, "лагерь «Артек»", "Artek camp"));
        assert!(same(
            NameKind::Place,
            "Lesnaya Skazka",
            "Forest Fairy Tale camp"
        ));
        assert!(!same(NameKind::Place, "Лесная сказка", "Лесная поляна"));
    }

    #[test]
    fn organizations_through_the_list_and_acronyms() {
        assert!(same(
            NameKind::Organization,
            "МВД",
            "Ministry of Internal Affairs"
        ));
        assert!(same(
            NameKind::Organization,
            "MVD",
            "Министерство внутренних дел"
        ));
        assert!(same(NameKind::Organization, "ЮНИСЕФ", "UNICEF"));
        assert!(!same(NameKind::Organization, "МВД", "МИД"));
        assert!(!same(NameKind::Organization, "МВД России", "МВД Беларуси"));
    }

    #[test]
    fn names_that_are_no_persons_use_the_gazetteer_and_the_list_by_default() {
        assert!(same(NameKind::Person, "Dnipropetrovsk", "Дніпро"));
        assert!(!same(NameKind::Person, "Balta", "Bălți"));
        assert!(same(
            NameKind::Person,
            "МВД",
            "Ministry of Internal Affairs of Russia"
        ));
    }

    #[test]
    fn persons_compare_as_before() {
        let a = compare_names(NameKind::Person, "Shevchenko", "Шевченко");
        assert_eq!(a, casefile_names::compare("Shevchenko", "Шевченко"));
        assert!(!same(NameKind::Person, "Шевченко", "Шевчук"));
    }

    /// Made-up pairs, one class at a time (issue 16, session 14): none is a
    /// pair of the evaluation sets.
    #[test]
    fn classes_of_places() {
        for (a, b) in [
            // renamings of 2016, with a region after a comma
            ("Торез, Донецкая область", "Chystiakove"),
            ("Тельманово", "Бойківське"),
            ("Фрунзівка, Одеська область", "Zakharivka"),
            ("Красные Окны", "Okny"),
            // Crimean Tatar names
            ("Kezlev", "Євпаторія"),
            ("Aqyar", "Sevastopol"),
            // facilities by their generic words
            ("Хмельницька АЕС", "Khmelnytskyi Nuclear Power Plant"),
            ("Дніпровська ГЕС", "Dnipro Hydroelectric Power Plant"),
            (
                "Бердянський дитячий будинок-інтернат",
                "Berdiansk Children's Boarding Home",
            ),
            (
                "Дом ребёнка «Солнышко», Херсон",
                "Будинок дитини «Сонечко», Херсон",
            ),
            ("табір «Чайка»", "лагерь «Чайка»"),
        ] {
            assert!(
                same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
        for (a, b) in [
            ("Хмельницька АЕС", "Рівненська АЕС"),
            ("Дніпровська ГЕС", "Дніпро"),
            ("Кировск, Мурманская область", "Kirovsk, Luhansk Oblast"),
            ("Кировск, Мурманская область", "Голубівка"),
            (
                "Дом ребёнка «Солнышко», Херсон",
                "Дом ребёнка «Солнышко», Мелитополь",
            ),
        ] {
            assert!(
                !same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
    }

    #[test]
    fn classes_of_organizations() {
        for (a, b) in [
            // translated word by word, in seven languages
            (
                "Ministerstwo Sportu Ukrainy",
                "Ministry of Sport of Ukraine",
            ),
            (
                "Державна міграційна служба України",
                "State Migration Service of Ukraine",
            ),
            ("Комитет по правам человека", "Human Rights Committee"),
            (
                "Bundesministerium für Gesundheit",
                "Federal Ministry of Health",
            ),
            (
                "Ministère de la Culture de l'Ukraine",
                "Міністерство культури України",
            ),
            (
                "Ministerstva kultury Respubliki Biełaruś",
                "Министерство культуры Республики Беларусь",
            ),
            // acronyms derived in each language
            ("ДМС", "Державна міграційна служба"),
            ("МКУ", "Міністерство культури України"),
            // the list, with the country after the name
            ("EMERCOM of Russia", "МЧС России"),
        ] {
            assert!(
                same(NameKind::Organization, a, b),
                "{a} / {b}: {:?}",
                compare_organizations(a, b)
            );
        }
        for (a, b) in [
            // countries must agree
            (
                "Ministry of Culture of Ukraine",
                "Ministry of Culture of Russia",
            ),
            ("Ukrainian Red Cross", "Russian Red Cross"),
            ("МВД России", "МВД Беларуси"),
            (
                "Министерство спорта России",
                "Ministerstwo Sportu Białorusi",
            ),
            // generic words alone
            ("State Migration Service", "State Emergency Service"),
            ("Council of Europe", "European Council"),
            ("Ministry of Sport", "Ministry of Culture"),
            // one acronym, two bodies
            (
                "International Chamber of Commerce",
                "International Criminal Court",
            ),
        ] {
            assert!(
                !same(NameKind::Organization, a, b),
                "{a} / {b}: {:?}",
                compare_organizations(a, b)
            );
        }
    }

    #[test]
    fn renamings_have_a_source_and_resolve() {
        let rows =
            crate::wordlist::entries(RENAMINGS).chain(crate::wordlist::entries(FACILITY_NAMES));
        for line in rows {
            let cols: Vec<&str> = line.split('\t').collect();
            // Five columns, or six with the regions of a region-bound row.
            assert!(cols.len() == 5 || cols.len() == 6, "{line}");
            assert!(!cols[4].trim().is_empty(), "{line}");
            if let Some(regions) = cols.get(5) {
                assert!(!regions.trim().is_empty(), "{line}");
            }
        }
        assert!(!RENAMED.by_key.is_empty());
        assert!(!RENAMED.bound.is_empty());
    }
}
/// A second set of made-up pairs, written after the rules as a probe of
/// classes (renamings, facilities, translations, countries), kept as a test.
#[cfg(test)]
mod made_up_pairs {
    use super::*;
    #[test]
    fn classes_hold_on_pairs_written_for_them() {
        let p: &[(&str, &str, bool)] = &[
            ("Червоноармійськ, Житомирська область", "Pulyny", true),
            ("Дзержинск, Донецкая область", "Торецьк", true),
            ("Dzerzhinsk, Minsk Region", "Торецьк", false),
            ("Щорс", "Сновськ", true),
            ("Кузнецовськ", "Varash", true),
            ("Цюрупинск", "Олешки", true),
            ("Южноукраинск", "Південноукраїнськ", true),
            ("Krasnohrad", "Берестин", true),
            ("Червоноград", "Sheptytskyi", true),
            ("Первомайский, Харьковская область", "Zlatopil", true),
            ("Comintern", "Odesa", false),
            ("Bilohirsk", "Karasubazar", true),
            ("Akmescit", "Simferopol", true),
            (
                "Южно-Украинская АЭС",
                "South Ukraine Nuclear Power Plant",
                true,
            ),
            ("Запорожская ТЭС", "Zaporizhzhia Thermal Power Plant", true),
            ("Запорожская ТЭС", "Запорізька АЕС", false),
            ("Трипільська ТЕС", "Trypillia Thermal Power Plant", true),
            ("Санаторій «Сонячний»", "Sanatorium Sonyachny", true),
            (
                "Херсонська обласна дитяча лікарня",
                "Kherson Regional Children's Hospital",
                true,
            ),
            ("Маріупольський дитячий будинок", "Mariupol Orphanage", true),
            (
                "Маріупольський дитячий будинок",
                "Бердянський дитячий будинок",
                false,
            ),
            (
                "дитячий табір «Лісова казка»",
                "лагерь «Лесная сказка»",
                true,
            ),
        ];
        let o: &[(&str, &str, bool)] = &[
            (
                "Министерство юстиции Российской Федерации",
                "Ministry of Justice of the Russian Federation",
                true,
            ),
            (
                "Міністерство юстиції України",
                "Ministerstwo Sprawiedliwości Ukrainy",
                true,
            ),
            (
                "Justizministerium der Ukraine",
                "Ministry of Justice of Ukraine",
                true,
            ),
            (
                "Министерство обороны Республики Беларусь",
                "Ministry of Defence of Belarus",
                true,
            ),
            ("Минобороны Беларуси", "Минобороны России", false),
            (
                "Office of the Prosecutor General of Ukraine",
                "Офіс Генерального прокурора",
                true,
            ),
            (
                "Генпрокуратура России",
                "Prosecutor General's Office of Russia",
                true,
            ),
            (
                "Генеральная прокуратура Украины",
                "Генеральная прокуратура России",
                false,
            ),
            (
                "Державна прикордонна служба України",
                "State Border Guard Service of Ukraine",
                true,
            ),
            ("Supreme Court of Ukraine", "Верховний суд України", true),
            ("Верховный суд России", "Верховний суд України", false),
            ("UN Human Rights Council", "Рада ООН з прав людини", true),
            ("European Parliament", "Європейський парламент", true),
            ("ЄС", "European Union", true),
            ("Parlament Europejski", "European Parliament", true),
            ("UNICEF", "Дитячий фонд ООН", true),
            (
                "Комісія з питань помилування",
                "Commission on Pardons",
                true,
            ),
            (
                "Ministry of Education and Science of Ukraine",
                "Міністерство освіти і науки України",
                true,
            ),
            (
                "Ministry of Education and Science of Ukraine",
                "Ministry of Education of Ukraine",
                false,
            ),
            (
                "Ministry of Health of Ukraine",
                "Ministry of Health of Russia",
                false,
            ),
            (
                "Ukrainian Helsinki Human Rights Union",
                "Українська Гельсінська спілка з прав людини",
                true,
            ),
            (
                "Belarusian Helsinki Committee",
                "Беларускі Хельсінкскі камітэт",
                true,
            ),
            (
                "Międzynarodowy Komitet Czerwonego Krzyża",
                "International Committee of the Red Cross",
                true,
            ),
            ("МККК", "International Committee of the Red Cross", true),
            (
                "Internationales Komitee vom Roten Kreuz",
                "Міжнародний комітет Червоного Хреста",
                true,
            ),
            (
                "Kyiv District Court",
                "Pecherskyi District Court of Kyiv",
                false,
            ),
            (
                "Печерський районний суд Києва",
                "Pecherskyi District Court of Kyiv",
                true,
            ),
        ];
        let mut misses = Vec::new();
        for (kind, set) in [(NameKind::Place, p), (NameKind::Organization, o)] {
            for (a, b, want) in set {
                let c = compare_names(kind, a, b);
                if c.same != *want {
                    misses.push(format!("{a} | {b}: {:?}", c.explanation));
                }
            }
        }
        assert!(misses.is_empty(), "{misses:#?}");
    }
}
/// The renamings of 2016 and 2024, the Soviet names and the restored Crimean
/// Tatar names, each old name (in Ukrainian) against the new one (in Latin).
#[cfg(test)]
mod renamings_known {
    use super::*;
    #[test]
    fn old_names_are_the_new_places() {
        let mut misses = Vec::new();
        for (a, b) in [
            ("Артемівськ", "Bakhmut"),
            ("Дніпродзержинськ", "Kamianske"),
            ("Дніпропетровськ", "Dnipro"),
            ("Кіровоград", "Kropyvnytskyi"),
            ("Комсомольськ", "Horishni Plavni"),
            ("Іллічівськ", "Chornomorsk"),
            ("Красноармійськ", "Pokrovsk"),
            ("Димитров", "Myrnohrad"),
            ("Дзержинськ", "Toretsk"),
            ("Краснодон", "Sorokyne"),
            ("Кіровськ", "Holubivka"),
            ("Стаханов", "Kadiivka"),
            ("Свердловськ", "Dovzhansk"),
            ("Красний Луч", "Khrustalnyi"),
            ("Красный Луч", "Хрустальний"),
            ("Красний Лиман", "Lyman"),
            ("Котовськ", "Podilsk"),
            ("Щорс", "Snovsk"),
            ("Цюрупинськ", "Oleshky"),
            ("Орджонікідзе", "Pokrov"),
            ("Кузнецовськ", "Varash"),
            ("Южне", "Pivdenne"),
            ("Червоноармійськ", "Pulyny"),
            ("Торез", "Chystiakove"),
            ("Теплогірськ", "Irmino"),
            ("Новомосковськ", "Samar"),
            ("Червоноград", "Sheptytskyi"),
            ("Южноукраїнськ", "Pivdennoukrainsk"),
            ("Первомайський", "Zlatopil"),
            ("Красноград", "Berestyn"),
            ("Новгородське", "New York"),
            ("Красногвардійське", "Kurman"),
            ("Совєтський", "Ichki"),
            ("Нижньогірський", "Seitler"),
            ("Роздольне", "Ak-Sheikh"),
            ("Чорноморське", "Ak-Mechet"),
            ("Красноперекопськ", "Yany Kapu"),
            ("Білогірськ", "Karasubazar"),
            ("Ворошиловград", "Luhansk"),
            ("Жданов", "Mariupol"),
            ("Сталіно", "Donetsk"),
            ("Станіслав", "Ivano-Frankivsk"),
            ("Проскурів", "Khmelnytskyi"),
            ("Переяслав-Хмельницький", "Pereiaslav"),
            ("Новоград-Волинський", "Zviahel"),
            ("Володимир-Волинський", "Volodymyr"),
            ("Куйбишеве", "Bilmak"),
            ("Тельманове", "Boikivske"),
            ("Володарське", "Nikolske"),
            ("Першотравневе", "Manhush"),
            ("Комсомольське", "Kalmiuske"),
            ("Ульянівка", "Blahovishchenske"),
            ("Комінтернівське", "Dobroslav"),
            ("Фрунзівка", "Zakharivka"),
            ("Червонозаводське", "Zavodske"),
            ("Карло-Лібкнехтовськ", "Soledar"),
        ] {
            let c = compare_places(a, b);
            if !c.same {
                misses.push(format!("{a} | {b}: {:?}", c.explanation));
            }
        }
        assert!(misses.is_empty(), "{misses:#?}");
    }
}

/// The mechanisms of session 16 (issue 16), on made-up names.
#[cfg(test)]
mod session16 {
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    #[test]
    fn a_place_after_a_preposition_is_the_place() {
        for (a, b) in [
            ("под Киевом", "Київ"),
            ("пад Гомелем", "Gomel"),
            ("pod Warszawą", "Варшава"),
            ("во Владимире", "Vladimir"),
            ("под Харьковом", "Kharkiv"),
        ] {
            assert!(
                same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_names(NameKind::Place, a, b)
            );
        }
        // The preposition goes, the name still decides.
        assert!(!same(NameKind::Place, "под Киевом", "Харків"));
        assert_eq!(without_preposition("Київ"), None);
        assert_eq!(without_preposition("под"), None);
    }

    #[test]
    fn facilities_of_different_kinds_or_and_their_regions_stay_apart() {
        for (a, b) in [
            (
                "Харківський обласний будинок дитини",
                "Харківський обласний дитячий будинок",
            ),
            ("лагерь «Кубань»", "санаторий «Кубань»"),
            ("санаторий «Кубань»", "Краснодарский край"),
            ("лагерь «Березка»", "село Березка"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
        // A bare name without a mark of a place may be the facility itself.
        assert!(same(NameKind::Place, "лагерь «Артек»", "Artek"));
    }

    #[test]
    fn bodies_known_through_translation_word_by_word() {
        for (a, b) in [
            (
                "Правительство Курской области",
                "Government of Kursk Oblast",
            ),
            (
                "Кабінет Міністрів Республіки Молдова",
                "Cabinet of Ministers of Moldova",
            ),
            (
                "Министерства социального развития",
                "Ministry of Social Development",
            ),
            ("Фонд Андрея Сахарова", "Andrei Sakharov Foundation"),
            (
                "Мосгорисполком",
                "Московский городской исполнительный комитет",
            ),
            ("Брестский облисполком", "Брэсцкі аблвыканкам"),
            (
                "Минздрав Чувашии",
                "Министерство здравоохранения Чувашской Республики",
            ),
            (
                "Советский районный суд Казани",
                "Советский районный суд города Казани",
            ),
            ("«Известий»", "Известия"),
            ("Süddeutsche Zeitung", "Зюддойче цайтунг"),
        ] {
            assert!(
                same(NameKind::Organization, a, b),
                "{a} / {b}: {:?}",
                compare_names(NameKind::Organization, a, b)
            );
        }
        for (a, b) in [
            ("Фонд Андрея Сахарова", "Andrei Sakharov University"),
            ("Фонд Андрея Сахарова", "Alexei Sakharov Foundation"),
            (
                "Мосгорисполком",
                "Московский областной исполнительный комитет",
            ),
        ] {
            assert!(!same(NameKind::Organization, a, b), "{a} / {b}");
        }
    }

    #[test]
    fn branches_and_bodies_named_in_another_order_stay_apart() {
        for (a, b) in [
            (
                "Белорусская православная церковь",
                "Православная церковь Беларуси",
            ),
            ("Верховний Суд", "Верховный суд Республики Беларусь"),
        ] {
            assert!(!same(NameKind::Organization, a, b), "{a} / {b}");
        }
        assert!(same(
            NameKind::Organization,
            "Верховний Суд",
            "Верховний Суд України"
        ));
    }

    #[test]
    fn compound_abbreviations_share_a_block() {
        for (a, b) in [
            ("Мосгорсуд", "Московский городской суд"),
            ("Минздрав", "Министерство здравоохранения"),
        ] {
            assert!(compare_organizations(a, b).same, "{a} / {b}");
            assert!(super::tests::first_keys_meet(a, b), "{a} / {b}");
        }
    }

    /// Session 17's classes, by made-up pairs (the held-out sets' pairs stay
    /// out of the tests): exonyms and former names as data, a row of its own
    /// beating an entry that merely lists a like name, Belarusian case
    /// endings after a preposition, informal region names, a place given
    /// with a region whose country has an entry that lists it.
    #[test]
    fn exonyms_informal_regions_and_belarusian_cases() {
        for (a, b) in [
            ("Königsberg", "Калининград"),
            ("Ревель", "Tallinn"),
            ("Симбирск", "Ульяновск"),
            ("пад Оршай", "Orsha"),
            ("у Бабруйску", "Бобруйск"),
            ("Белгородчина", "Белгородская область"),
            ("Башкирия", "Республика Башкортостан"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Jaroslaw", "Yaroslavl"),
            ("Белгородчина", "Белгород"),
            ("Харківщина", "Херсонська область"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
    }

    /// Translated facility types: a military school and its acronym, a
    /// boarding school with its number, a lyceum named after someone.
    #[test]
    fn translated_facility_types() {
        for (a, b) in [
            (
                "Московское суворовское военное училище",
                "Moscow Suvorov Military School",
            ),
            ("Московское СВУ", "Московское суворовское военное училище"),
            (
                "Одеська загальноосвітня школа-інтернат № 5",
                "Odesa boarding school No. 5",
            ),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Place,
            "Одеська загальноосвітня школа-інтернат № 5",
            "Odesa boarding school No. 6"
        ));
        assert!(!same(
            NameKind::Place,
            "Московское суворовское военное училище",
            "Moscow Cadet School"
        ));
    }

    /// Organisations: word-by-word translations with new words and
    /// countries, a descriptor before a quoted name, a Latin acronym of a
    /// name in a language the table lacks, acronyms inside translated names.
    #[test]
    fn organisations_translated_described_and_abbreviated() {
        for (a, b) in [
            ("Polish Refugee Council", "Польский совет по делам беженцев"),
            ("ініціатива «Save Ukraine»", "Save Ukraine"),
            ("KRRiT", "Krajowa Rada Radiofonii i Telewizji"),
            ("Committee to Protect Children", "Комитет защиты детей"),
        ] {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
            for (x, y) in [(a, b), (b, a)] {
                assert!(super::tests::first_keys_meet(x, y), "{x} / {y}");
            }
        }
        for (a, b) in [
            (
                "Polish Refugee Council",
                "Норвежский совет по делам беженцев",
            ),
            ("KRS", "Krajowa Rada Radiofonii i Telewizji"),
            ("ініціатива «Save Ukraine»", "Save the Children"),
        ] {
            assert!(!same(NameKind::Organization, a, b), "{a} / {b}");
        }
    }
}

/// The classes of session 20 (issue 16): each a kind of pair, with made-up
/// examples that are in none of the evaluation sets.
#[cfg(test)]
mod class_tests {
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    #[test]
    fn a_region_gives_itself_another_name_in_brackets_or_after_a_dash() {
        for (a, b) in [
            ("Алания", "Республика Северная Осетия — Алания"),
            ("Кузбасс", "Кемеровская область — Кузбасс"),
            ("Чувашская Республика", "Чувашская Республика — Чувашия"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        // A region after a settlement, or a country after a region, is
        // where it is, not another name of it.
        for (a, b) in [
            ("Донецкая область", "Новоалександровка (Донецкая область)"),
            ("Украина", "Донецкая область (Украина)"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_body_gives_itself_another_name_in_brackets() {
        assert!(same(
            NameKind::Organization,
            "UNIDO",
            "United Nations Industrial Development Organization (UNIDO)"
        ));
        let (a, b) = (
            "UNIDO",
            "United Nations Industrial Development Organization (UNIDO)",
        );
        for (x, y) in [(a, b), (b, a)] {
            assert!(super::tests::first_keys_meet(x, y), "{x} / {y}");
        }
        // A place in brackets says where the body is.
        assert!(!same(
            NameKind::Organization,
            "Москва",
            "Фонд поддержки детей (Москва)"
        ));
    }

    #[test]
    fn a_city_is_not_the_region_or_district_named_after_it() {
        for (a, b) in [
            ("Курск", "Курская область"),
            ("Брест", "Брестская область"),
            ("Kursk", "Kursk Oblast"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
        assert!(names_a_unit("Курская область"));
        assert!(!names_a_unit("Курск, Россия"));
    }

    #[test]
    fn a_facility_named_after_a_town_is_not_the_town() {
        for (a, b) in [
            ("санаторий «Ессентуки»", "Ессентуки"),
            ("санаторий «Анапа»", "Анапа"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
        // A camp the gazetteer knows as a facility too keeps its bare name.
        assert!(same(NameKind::Place, "лагерь «Орлёнок»", "Орлёнок"));
    }

    #[test]
    fn a_compound_region_name_is_the_region() {
        assert!(same(NameKind::Place, "Мособласть", "Московская область"));
        assert!(same(NameKind::Place, "Мособласть", "Moscow Oblast"));
        assert!(!same(NameKind::Place, "Мособласть", "Мурманская область"));
        // Too few letters to tell one region.
        assert_eq!(compound_region("Мообласть"), None);
    }

    #[test]
    fn a_facility_names_its_town_inside_its_name_or_after_a_comma() {
        for (a, b) in [
            ("Дом ребенка № 3, Гомель", "Дом ребенка № 3 Гомеля"),
            ("Гомельская школа-интернат", "школа-интернат, Гомель"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        // Another town's, or another home's.
        for (a, b) in [
            ("Дом ребенка № 3, Гомель", "Дом ребенка № 3 Бреста"),
            ("Гомельская школа-интернат", "детский дом, Гомель"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_belarusian_town_in_ichy_after_a_preposition_without_an_ending() {
        assert!(same(NameKind::Place, "з Ляхавіч", "Ляхавічы"));
        assert!(!same(NameKind::Place, "з Ляхавіч", "Ганцавічы"));
    }

    #[test]
    fn a_proper_name_is_not_a_generic_word_it_begins_with() {
        // "Интерфакс" begins with the stem of "interim" but goes on for
        // four letters more: another word, not a form of it.
        assert!(!same(NameKind::Organization, "Інтер", "Интерфакс-Украина"));
        assert!(!same(NameKind::Organization, "Интер", "Интерфакс"));
    }

    #[test]
    fn a_landmark_by_its_towns_adjective_is_translated() {
        for (a, b) in [
            ("Ливадийский дворец", "Livadia Palace"),
            ("Соловецкий монастырь", "Solovetsky Monastery"),
            ("Канівський заповідник", "Kaniv Nature Reserve"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        // Another kind of landmark, or the town itself.
        assert!(!same(
            NameKind::Place,
            "Соловецкий монастырь",
            "Solovetsky Palace"
        ));
        assert!(!same(NameKind::Place, "Ливадийский дворец", "Ливадия"));
    }

    #[test]
    fn a_short_naming_by_kind_and_quoted_name_is_the_full_one() {
        let (a, b) = (
            "фонд «Милосердие»",
            "Благотворительный фонд помощи детям-сиротам «Милосердие»",
        );
        assert!(same(NameKind::Organization, a, b));
        for (x, y) in [(a, b), (b, a)] {
            assert!(super::tests::first_keys_meet(x, y), "{x} / {y}");
        }
        // Another kind of body of the same quoted name.
        assert!(!same(
            NameKind::Organization,
            "газета «Милосердие»",
            "Благотворительный фонд помощи детям-сиротам «Милосердие»"
        ));
    }

    #[test]
    fn different_numbers_are_different_names() {
        assert!(!same(NameKind::Organization, "Euronews 1", "Euronews 2"));
        assert!(!same(
            NameKind::Place,
            "Детский дом № 4, Гомель",
            "Детский дом № 7, Гомель"
        ));
        assert!(numbers_differ("Школа № 12", "Школа № 21").is_some());
        assert!(numbers_differ("Школа № 012", "Школа №12").is_none());
    }

    #[test]
    fn an_acronym_among_other_words_names_a_body_of_it() {
        for (a, b) in [
            ("OSCE", "OSCE Project Co-ordinator in Ukraine"),
            ("СБУ", "Управління СБУ в Херсонській області"),
        ] {
            assert!(!same(NameKind::Organization, a, b), "{a} / {b}");
        }
        // A compound of two acronyms is a name of its own (ИТАР-ТАСС was
        // ТАСС's), and a country after the acronym is no other word.
        assert!(organ_named_by_acronym("ТАСС", "ИТАР-ТАСС").is_none());
        assert!(organ_named_by_acronym("МВД", "МВД России").is_none());
    }

    #[test]
    fn soviet_compounds_with_the_district_prefix() {
        for (a, b) in [
            (
                "Пинский райисполком",
                "Пинский районный исполнительный комитет",
            ),
            ("Лидский райисполком", "Лідскі раённы выканаўчы камітэт"),
            (
                "Ляховичский райисполком",
                "Ляхавіцкі раённы выканаўчы камітэт",
            ),
        ] {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Organization,
            "Пинский райисполком",
            "Пинский горисполком"
        ));
    }

    #[test]
    fn un_acronyms_read_aloud_in_cyrillic() {
        for (a, b) in [("ЮНИТАР", "UNITAR"), ("ЮНЕП", "UNEP"), ("ЮНКТАД", "UNCTAD")]
        {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
            assert!(super::tests::first_keys_meet(a, b), "{a} / {b}");
        }
        assert!(!same(NameKind::Organization, "ЮНИТАР", "UNEP"));
    }

    #[test]
    fn a_newspaper_is_its_quoted_name() {
        assert!(same(
            NameKind::Organization,
            "газета «Коммерсантъ»",
            "Коммерсантъ"
        ));
        assert!(same(NameKind::Organization, "журнал «Огонёк»", "Огонёк"));
    }

    #[test]
    fn inflected_regional_administrations_and_their_acronyms() {
        for (a, b) in [
            ("Сумської обласної військової адміністрації", "Сумська ОВА"),
            (
                "Полтавська обласна державна адміністрація",
                "Полтавська ОДА",
            ),
            ("Одеська міська військова адміністрація", "Одеська МВА"),
        ] {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
        }
        assert!(!same(NameKind::Organization, "Сумська ОВА", "Сумська ОДА"));
    }
}

/// Session 21 (issue 16): the classes of kinds_heldout8's first run, with
/// made-up names.
#[cfg(test)]
mod s21_tests {
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    fn assert_pairs(kind: NameKind, pairs: &[(&str, &str)], expected: bool) {
        for (a, b) in pairs {
            assert_eq!(
                same(kind, a, b),
                expected,
                "{a} / {b}: {:?}",
                compare_names(kind, a, b)
            );
        }
    }

    #[test]
    fn persons_in_the_instrumental_and_in_belarusian_cases() {
        // A man's surname in -а takes -ою in the instrumental, as a
        // woman's does: the given name tells the sex.
        assert_pairs(
            NameKind::Person,
            &[
                ("Богданом Кулигою", "Богдан Кулига"),
                ("Святланы Пятроўскай", "Святлана Пятроўская"),
            ],
            true,
        );
    }

    /// Session 26: a woman's surname that does not decline leaves her given
    /// name alone to show the case; Belarusian -скі in the genitive; a
    /// woman's -ская is not read as a man's name in the genitive.
    #[test]
    fn a_declined_given_name_alone_and_belarusian_adjectival_surnames() {
        assert_pairs(
            NameKind::Person,
            &[
                ("Оксаною Мельник", "Оксана Мельник"),
                ("Дар'єю Мельник", "Daria Melnyk"),
                ("Аляксея Шыманскага", "Aliaksei Shymanski"),
            ],
            true,
        );
        assert_pairs(
            NameKind::Person,
            &[
                ("Аляксей Шыманскі", "Аляксандра Шыманская"),
                ("Ярослава Мельник", "Ярослав Мельник"),
            ],
            false,
        );
    }

    /// Session 26: two facilities named after two persons are two; one named
    /// without its person is still the one.
    #[test]
    fn facilities_named_after_two_persons() {
        assert!(!same(
            NameKind::Place,
            "школа имени Ивана Петрова, Тверь",
            "школа имени Петра Петрова, Тверь"
        ));
        assert!(!same(
            NameKind::Place,
            "Красноярський край",
            "Краснодарський край"
        ));
        assert!(same(
            NameKind::Place,
            "Краснодарський край",
            "Krasnodar Krai"
        ));
        // Belarusian regions by their classical names.
        assert!(same(
            NameKind::Place,
            "Менская вобласьць",
            "Минская область"
        ));
        assert!(!same(
            NameKind::Place,
            "Менская вобласьць",
            "Гомельская вобласць"
        ));
    }

    /// Session 26: persons' names with no given name the table knows are
    /// compared part by part.
    #[test]
    fn persons_without_a_known_given_name_part_by_part() {
        assert!(same(
            NameKind::Person,
            "Франак Пятроўскі",
            "Франак Петровский"
        ));
        assert!(same(
            NameKind::Person,
            "Lolwah Al-Mansour",
            "Lolwah bint Khalid Al-Mansour"
        ));
        assert!(!same(
            NameKind::Person,
            "Франак Пятроўскі",
            "Франак Пятрэнка"
        ));
        assert!(!same(
            NameKind::Person,
            "Lolwah Al-Mansour",
            "Noura Al-Mansour"
        ));
    }

    /// Session 26: Ukrainian г, к, х become з, ц, с before the -і of the
    /// locative.
    #[test]
    fn places_in_the_ukrainian_locative_with_a_changed_consonant() {
        assert_pairs(
            NameKind::Place,
            &[("у Гамбурзі", "Hamburg"), ("у Празі", "Prague")],
            true,
        );
        assert!(!same(NameKind::Place, "у Гамбурзі", "Magdeburg"));
    }

    #[test]
    fn cyrillic_surnames_two_letters_apart_are_two_families() {
        assert_pairs(
            NameKind::Person,
            &[
                ("Ірина Гарбузова", "Ірина Гарбуцева"),
                ("Наталья Коржанова", "Наталья Коржетова"),
            ],
            false,
        );
        // In two languages' spelling a surname may differ more.
        assert!(same(NameKind::Person, "Алесь Беляцкий", "Алесь Бяляцкі"));
    }

    #[test]
    fn bodies_in_other_cases_word_for_word() {
        assert_pairs(
            NameKind::Organization,
            &[
                ("Кременецьким районним судом", "Кременецький районний суд"),
                ("Генпрокуратурой Молдовы", "Генпрокуратура Молдовы"),
                ("Заречного районного суда", "Заречный районный суд"),
            ],
            true,
        );
        // The same words, but another country's body.
        assert!(!same(
            NameKind::Organization,
            "Генпрокуратурой Молдовы",
            "Генпрокуратура России"
        ));
    }

    #[test]
    fn a_court_with_and_without_its_descriptor_and_city() {
        assert_pairs(
            NameKind::Organization,
            &[
                ("Ольховский суд", "Ольховский районный суд Москвы"),
                (
                    "Заріченський районний суд м. Києва",
                    "Зареченский районный суд Киева",
                ),
            ],
            true,
        );
        assert_pairs(
            NameKind::Organization,
            &[
                (
                    "Ольховский районный суд Москвы",
                    "Ольховский районный суд Казани",
                ),
                ("Ольховский суд", "Ольшанский суд"),
            ],
            false,
        );
    }

    #[test]
    fn foundations_named_after_a_person() {
        assert_pairs(
            NameKind::Organization,
            &[
                ("Фонд Вершиніна", "Vershynin Foundation"),
                (
                    "Фонд Остапа Вершиніна",
                    "Ostap Vershynin Charitable Foundation",
                ),
                (
                    "Fundacja im. Jana Wierzbickiego",
                    "Jan Wierzbicki Foundation",
                ),
                ("Фонд Марка Кадена", "Fundacja Kadena"),
                ("Фонду Гарольда Бримлі", "Harold T. Brimley Foundation"),
                (
                    "Фонд поддержки сельских школ имени О. П. Вершинина",
                    "Фонд Вершинина",
                ),
            ],
            true,
        );
        assert_pairs(
            NameKind::Organization,
            &[
                ("Фонд Остапа Вершиніна", "Фонд Остапа Гнатюка"),
                ("Фонд Вершиніна", "Фонд Гнатюка"),
                ("Фонд Полтави", "Фонд розвитку Полтави"),
            ],
            false,
        );
    }

    #[test]
    fn a_national_office_named_with_in_is_not_its_parent() {
        assert!(!same(
            NameKind::Organization,
            "«Вечерняя почта в Украине»",
            "«Вечерняя почта»"
        ));
    }

    #[test]
    fn homes_translated_loosely_across_scripts_only() {
        assert!(same(
            NameKind::Place,
            "Бериславський дитячий будинок-інтернат",
            "Beryslav children's home"
        ));
        assert!(!same(
            NameKind::Place,
            "Бериславський дитячий будинок-інтернат",
            "Бериславський дитячий будинок"
        ));
    }

    #[test]
    fn a_quoted_name_is_the_facility_not_the_town() {
        assert!(same(
            NameKind::Place,
            "санаторий «Зелёный Бор»",
            "«Зелёный Бор»"
        ));
    }

    #[test]
    fn plural_places_after_a_preposition() {
        assert!(same(NameKind::Place, "з Ромнів", "Romny"));
    }
}

#[cfg(test)]
mod s22_tests {
    use super::*;

    #[track_caller]
    fn assert_pairs(kind: NameKind, pairs: &[(&str, &str)], expected: bool) {
        for (a, b) in pairs {
            for (x, y) in [(a, b), (b, a)] {
                let c = compare_names(kind, x, y);
                assert_eq!(c.same, expected, "{x} / {y}: {c:?}");
            }
        }
    }

    /// A name that a renamings row binds to a region is that place only
    /// with the region: the old name of Korolyov, still the name of the
    /// city on the Baltic, and the Soviet name of Slobozhanske, shared
    /// with Kalmiuske in another region.
    #[test]
    fn renamed_settlements_bound_to_their_region() {
        assert_pairs(
            NameKind::Place,
            &[
                ("Калининград, Московская область", "Королёв"),
                ("Kaliningrad, Moscow Oblast", "Korolyov"),
                (
                    "Калінінград, Московська область",
                    "Королёв, Московская область",
                ),
                ("Комсомольский, Харьковская область", "Слобожанское"),
                (
                    "Комсомольське, Зміївський район",
                    "Слобожанське, Харківська область",
                ),
            ],
            true,
        );
        assert_pairs(
            NameKind::Place,
            &[
                ("Калининград, Московская область", "Калининград"),
                ("Калининград, Московская область", "Kaliningrad"),
                ("Комсомольське, Харківська область", "Кальміуське"),
                ("Комсомольское, Харьковская область", "Кальмиусское"),
            ],
            false,
        );
    }

    /// Two rows of one place the gazetteer lacks are one place; a common
    /// name bound to its region; a Soviet name another, larger city bore.
    #[test]
    fn renamed_settlements_of_common_and_shared_names() {
        assert_pairs(
            NameKind::Place,
            &[
                ("Каменка, Запорожская область", "Більмак"),
                (
                    "Kuibysheve, Zaporizhzhia Oblast",
                    "Кам'янка, Запорізька область",
                ),
                ("New York, Donetsk Oblast", "Новгородське"),
                ("Орджоникидзе, Днепропетровская область", "Pokrov"),
                ("Osipenko", "Berdiansk"),
                ("Pokrovsk, Saratov Oblast", "Энгельс"),
            ],
            true,
        );
        assert_pairs(
            NameKind::Place,
            &[
                ("Нью-Йорк, Донецкая область", "Нью-Йорк, штат Нью-Йорк"),
                ("New York, Donetsk Oblast", "New York City"),
                ("Орджоникидзе, Днепропетровская область", "Орджоникидзе"),
                ("Кам'янка, Запорізька область", "Кам'янське"),
                ("Покровск, Саратовская область", "Покровськ"),
            ],
            false,
        );
    }

    /// A smaller town that shares a larger one's name is that town with its
    /// region only; the name alone is the larger town.
    #[test]
    fn a_namesake_with_its_region_is_not_the_larger_town() {
        assert_pairs(
            NameKind::Place,
            &[
                ("Донецк, Ростовская область", "Донецк"),
                ("Donetsk, Rostov Oblast", "Донецьк"),
                ("Ялта, Донецька область", "Yalta"),
            ],
            false,
        );
        assert_pairs(
            NameKind::Place,
            &[
                ("Донецк, Ростовская область", "Donetsk, Rostov Oblast"),
                ("Ялта, Донецкая область", "Ялта, Мангушський район"),
            ],
            true,
        );
        // A place of its own on the other side decides as before.
        assert_pairs(
            NameKind::Place,
            &[("Донецьк, Україна", "Донецк, Ростовская область")],
            false,
        );
    }

    /// A town with the district or region named after it, against the bare
    /// name, is the town; against the town in another region it is not.
    #[test]
    fn a_town_with_the_district_named_after_it() {
        assert_pairs(
            NameKind::Place,
            &[
                ("Жлобин", "Жлобин, Жлобинский район"),
                ("Бабруйск", "Бабруйск, Бабруйскі раён"),
            ],
            true,
        );
        assert_pairs(
            NameKind::Place,
            &[(
                "Миколаїв, Миколаївська область",
                "Миколаїв, Львівська область",
            )],
            false,
        );
    }

    /// A facility named by its town's adjective is not the town.
    #[test]
    fn a_facility_named_by_its_towns_adjective_is_not_the_town() {
        assert_pairs(
            NameKind::Place,
            &[
                ("Сумський дитячий будинок", "Суми"),
                ("Херсонский дом ребенка", "Херсон"),
            ],
            false,
        );
    }

    /// A Russian place in the dative after к/ко, and other singular cases
    /// after a preposition that the gazetteer knows once the ending is
    /// replaced.
    #[test]
    fn singular_places_after_a_preposition() {
        assert_pairs(
            NameKind::Place,
            &[
                ("к Мариуполю", "Маріуполь"),
                ("к Харькову", "Kharkiv"),
                ("из Мелитополя", "Мелітополь"),
            ],
            true,
        );
        assert_pairs(NameKind::Place, &[("к Харькову", "Херсон")], false);
    }

    /// Two forms of one row of the list name the body, an acronym among
    /// other words included; an acronym alone against a body of it stays
    /// apart.
    #[test]
    fn listed_forms_with_an_acronym_among_other_words() {
        assert_pairs(
            NameKind::Organization,
            &[
                ("ZMINA", "Цэнтр правоў чалавека ZMINA"),
                ("ТАСС", "Інформаційне агентство Росії ТАРС"),
            ],
            true,
        );
        assert_pairs(
            NameKind::Organization,
            &[("NATO", "NATO Parliamentary Assembly")],
            false,
        );
    }

    /// A media outlet named in Ukrainian and in Belarusian without a
    /// country is two national services; Russian spelling implies no
    /// country.
    #[test]
    fn an_outlet_in_ukrainian_and_in_belarusian_is_two_services() {
        assert_pairs(
            NameKind::Organization,
            &[("Радыё Свабода", "Радіо Свобода")],
            false,
        );
        assert_pairs(
            NameKind::Organization,
            &[
                ("Радіо Свобода", "Радио Свобода"),
                ("Радыё Свабода", "Radio Liberty"),
            ],
            true,
        );
    }

    /// A Ukrainian name in the instrumental, nouns in -ія taking -ією.
    #[test]
    fn ukrainian_instrumental_of_nouns_in_ia() {
        assert_pairs(
            NameKind::Organization,
            &[(
                "Харківською обласною військовою адміністрацією",
                "Харківська обласна військова адміністрація",
            )],
            true,
        );
        assert_pairs(
            NameKind::Organization,
            &[(
                "Харківською обласною військовою адміністрацією",
                "Сумська обласна військова адміністрація",
            )],
            false,
        );
    }
    /// A name not in the list that is a listed form in other cases, word
    /// for word, against another name of that body.
    #[test]
    fn a_listed_form_in_other_cases() {
        assert_pairs(
            NameKind::Organization,
            &[
                (
                    "Международным уголовным судом",
                    "International Criminal Court",
                ),
                ("Міжнародного кримінального суду", "ICC"),
            ],
            true,
        );
        assert_pairs(
            NameKind::Organization,
            &[(
                "Международным уголовным судом",
                "Европейский суд по правам человека",
            )],
            false,
        );
        // The resolver finds the pair through the blocking keys.
        assert!(tests::first_keys_meet(
            "Международным уголовным судом",
            "International Criminal Court"
        ));
        assert!(tests::first_keys_meet(
            "International Criminal Court",
            "Международным уголовным судом"
        ));
    }

    /// Two namings of a facility the gazetteer knows around its own name:
    /// an acronym, a kind in another language; not a body of other words
    /// named after it (a shipyard), nor an acronym of other initials.
    #[test]
    fn a_known_facility_named_around_its_own_name() {
        assert_pairs(
            NameKind::Place,
            &[
                (
                    "НДЦ «Зубрёнок»",
                    "Национальный детский образовательно-оздоровительный центр «Зубрёнок»",
                ),
                (
                    "Национальный детский центр «Зубрёнок»",
                    "National Children's Centre Zubrionok",
                ),
                (
                    "Национальный детский образовательно-оздоровительный центр «Зубрёнок»",
                    "National Children's Educational and Health Centre Zubrenok",
                ),
            ],
            true,
        );
        assert_pairs(
            NameKind::Place,
            &[
                ("Суднобудівний завод «Зубрёнок»", "НДЦ «Зубрёнок»"),
                ("ВДЦ «Зубрёнок»", "НДЦ «Зубрёнок»"),
            ],
            false,
        );
    }
}

#[cfg(test)]
mod s22_descriptor_tests {
    use super::*;

    #[track_caller]
    fn assert_pairs(pairs: &[(&str, &str)], expected: bool) {
        for (a, b) in pairs {
            for (x, y) in [(a, b), (b, a)] {
                let c = compare_names(NameKind::Organization, x, y);
                assert_eq!(c.same, expected, "{x} / {y}: {c:?}");
            }
        }
    }

    /// Words of a body's kind before its own name, unquoted: the name in
    /// Latin letters, or a listed body's name; not an organ of a body
    /// (assembly, office) nor an acronym after generic words.
    #[test]
    fn a_kind_of_body_before_its_own_name() {
        assert_pairs(
            &[
                ("благотворительная организация Save Ukraine", "Save Ukraine"),
                ("агентство Рейтер", "Reuters"),
                ("правозахисна організація Truth Hounds", "Truth Hounds"),
            ],
            true,
        );
        assert_pairs(
            &[
                ("Парламентская ассамблея NATO", "NATO"),
                ("агентство ООН", "ООН"),
            ],
            false,
        );
        assert!(tests::first_keys_meet(
            "правозахисна організація Truth Hounds",
            "Truth Hounds"
        ));
        assert!(tests::first_keys_meet(
            "Truth Hounds",
            "правозахисна організація Truth Hounds"
        ));
    }
}

#[cfg(test)]
mod s22_landmark_tests {
    use super::*;

    /// A landmark named by its town's Belarusian adjective, against the
    /// Russian adjective or the town's name in another script; not another
    /// town's.
    #[test]
    fn a_landmark_by_a_belarusian_adjective() {
        for (a, b) in [
            ("Нясвіжскі палац", "Несвижский дворец"),
            ("Нясвіжскі палац", "Nesvizh Palace"),
        ] {
            assert!(compare_names(NameKind::Place, a, b).same, "{a} / {b}");
        }
        assert!(!compare_names(NameKind::Place, "Нясвіжскі палац", "Гродненский дворец").same);
        assert!(!compare_names(NameKind::Place, "Нясвіжскі палац", "Nesvizh Castle").same);
    }
}

#[cfg(test)]
mod s23_tests {
    //! Session 23's rules, on names written for these tests.
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    /// Penitentiary facilities by their descriptor or its acronym in each
    /// language, their number and their town (an adjective, a name after
    /// the acronym, a genitive after "м."); a number on one side only.
    #[test]
    fn penitentiary_facilities_across_languages() {
        for (a, b) in [
            ("СІЗО-3 Харків", "Слідчий ізолятор № 3 м. Харкова"),
            ("Харківське СІЗО", "СИЗО-3 Харьков"),
            ("Житомирське СІЗО", "Житомирский следственный изолятор"),
            ("ІТТ Харків", "ИВС Харькова"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("СІЗО-3 Харків", "СІЗО-4 Харків"),
            (
                "Харківська виправна колонія № 25",
                "Харківський слідчий ізолятор",
            ),
            ("Житомирське СІЗО", "Житомир"),
            ("ІТТ Харків", "СІЗО Харків"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
    }

    /// Two adjectives of one place in two languages whose stems differ by
    /// more than spelling, through the place names they are made of.
    #[test]
    fn adjectives_of_one_place_through_the_gazetteer() {
        assert!(same(
            NameKind::Place,
            "Костянтинівський дитячий будинок",
            "Константиновский детский дом"
        ));
        assert!(!same(
            NameKind::Place,
            "Костянтинівський дитячий будинок",
            "Краматорский детский дом"
        ));
    }

    /// Descriptors alone name a facility when both names name one country
    /// by them; two countries are two facilities.
    #[test]
    fn a_facility_named_by_its_country() {
        assert!(same(
            NameKind::Place,
            "Литовська АЕС",
            "Lithuanian Nuclear Power Plant"
        ));
        assert!(!same(NameKind::Place, "Литовська АЕС", "Латвийская АЭС"));
        assert!(!same(
            NameKind::Place,
            "Литовська АЕС",
            "Lithuanian Hydroelectric Power Plant"
        ));
    }

    /// The words children's camps are named by, translated; two words are
    /// two camps.
    #[test]
    fn camp_names_translated() {
        assert!(same(
            NameKind::Place,
            "лагерь «Ласточка», Курская область",
            "табір «Ластівка», Курська область"
        ));
        assert!(same(
            NameKind::Place,
            "ДОЛ «Берёзка»",
            "дитячий табір «Берізка»"
        ));
        assert!(same(
            NameKind::Place,
            "ДЗОВ «Сосновий бір», Одеська область",
            "ДОЛ «Сосновый бор», Одесская область"
        ));
        assert!(same(
            NameKind::Place,
            "лагерь «Огонёк», Крым",
            "табір «Вогник», Крим"
        ));
        assert!(!same(
            NameKind::Place,
            "лагерь «Ласточка»",
            "лагерь «Берёзка»"
        ));
        assert!(!same(
            NameKind::Place,
            "санаторій «Юність»",
            "санаторий «Спутник»"
        ));
    }

    /// A former name given with a region that a town bears now is that
    /// town, not the renamed city; without the region, or with the region
    /// named after it, the renamed city. (The gazetteer's only such town.)
    #[test]
    fn a_former_name_with_a_region() {
        assert!(!same(
            NameKind::Place,
            "Kuybyshev, Novosibirsk Oblast",
            "Samara"
        ));
        assert!(same(NameKind::Place, "Куйбышев", "Samara"));
    }

    /// A country given as its Cyrillic acronym, or at the end of its formal
    /// name, is the body's own country, not a branch's; a branch stays one.
    #[test]
    fn a_country_acronym_is_no_branch() {
        assert!(same(
            NameKind::Organization,
            "Центральный окружной военный суд РФ",
            "Центральный окружной военный суд"
        ));
        assert!(same(
            NameKind::Organization,
            "Верховный суд Республики Беларусь",
            "Вярхоўны суд"
        ));
        assert!(!same(
            NameKind::Organization,
            "Верховный суд Республики Беларусь",
            "Верховний Суд"
        ));
        assert!(!same(NameKind::Organization, "UNICEF USA", "UNICEF"));
    }

    /// Acronyms: without an optional word, with an acronym among the words,
    /// in English order with the country first; a Cyrillic acronym keeps
    /// its language's order.
    #[test]
    fn acronyms_of_translated_and_optional_words() {
        for (a, b) in [
            ("Окружний адміністративний суд міста Львова", "ОАСЛ"),
            (
                "УСБУ в Харківській області",
                "Управління СБУ в Харківській області",
            ),
            ("ERC", "Естонська рада у справах біженців"),
        ] {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Organization,
            "ОАСЛ",
            "Львівський окружний адміністративний суд"
        ));
    }

    /// A facility named after a person, against its name without that.
    #[test]
    fn a_facility_named_without_its_person() {
        assert!(same(
            NameKind::Place,
            "Львівський міжнародний аеропорт імені Данила Галицького",
            "Lviv Airport"
        ));
        assert!(!same(
            NameKind::Place,
            "Львівський міжнародний аеропорт імені Данила Галицького",
            "Kharkiv Airport"
        ));
    }

    /// A quoted name after words of the body's kind and its country, against
    /// the quoted name alone; not against another country's.
    #[test]
    fn a_quoted_name_after_its_kind_and_country() {
        assert!(same(
            NameKind::Organization,
            "Українська асоціація «Світанок»",
            "Світанок"
        ));
        assert!(!same(
            NameKind::Organization,
            "Українська асоціація «Світанок»",
            "Світанок Росії"
        ));
    }

    /// A compound adjective of a part of a country; a town's name is none.
    #[test]
    fn compound_adjectives_of_a_country() {
        assert!(same(
            NameKind::Organization,
            "Західноукраїнський центр громадських ініціатив",
            "Western Ukrainian Center for Civic Initiatives"
        ));
        assert!(crate::name_words::countries("Південноукраїнськ").is_empty());
    }

    /// A court in other cases, "м." on one side only.
    #[test]
    fn an_inflected_court_with_the_city_word() {
        assert!(same(
            NameKind::Organization,
            "Шевченківським районним судом міста Львова",
            "Шевченківський районний суд Львова"
        ));
        assert!(!same(
            NameKind::Organization,
            "Шевченківським районним судом міста Львова",
            "Франківський районний суд Львова"
        ));
    }

    /// The commercial court of Ukraine translated; Russia's arbitrazh court
    /// is another court.
    #[test]
    fn a_commercial_court_translated() {
        assert!(same(
            NameKind::Organization,
            "Господарський суд Київської області",
            "Хозяйственный суд Киевской области"
        ));
        assert!(!same(
            NameKind::Organization,
            "Господарський суд Київської області",
            "Арбитражный суд Московской области"
        ));
    }

    /// A foundation named after a foreign person written as it sounds.
    #[test]
    fn a_foundation_named_after_a_foreign_person() {
        assert!(same(
            NameKind::Organization,
            "Фонд Фрідріха Еберта",
            "Friedrich Ebert Foundation"
        ));
        assert!(!same(
            NameKind::Organization,
            "Фонд Фрідріха Еберта",
            "Konrad Adenauer Foundation"
        ));
    }

    /// A Belarusian town in -ак after a preposition, its а dropped.
    #[test]
    fn a_belarusian_town_in_ak_after_a_preposition() {
        assert!(same(NameKind::Place, "з Навагрудка", "Navahrudak"));
    }
}

#[cfg(test)]
mod s24_tests {
    //! Session 24's data and rules, on names written for these tests.
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    /// Camps and sanatoria named by words of `name_words.tsv`'s `name`
    /// class, translated word by word; another word is another camp.
    #[test]
    fn camps_named_by_translated_words() {
        for (a, b) in [
            ("лагерь «Голубое озеро»", "табір «Блакитне озеро»"),
            ("Blue Lake camp", "лагерь «Голубое озеро»"),
            ("санаторий «Серебряный бор»", "санаторій «Срібний бір»"),
            ("лагерь «Солнечная долина»", "Sunny Valley camp"),
            ("табір «Дружба»", "лагер «Сяброўства»"),
            ("лагерь «Чудесный остров»", "табір «Чудесний острів»"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("лагерь «Голубое озеро»", "лагерь «Белое озеро»"),
            ("лагерь «Солнечная долина»", "лагерь «Зелёная долина»"),
            ("Blue Lake camp", "Blue River camp"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
    }

    /// Kinds of facility added as descriptors: one kind in two languages is
    /// one, two kinds in one script are two facilities.
    #[test]
    fn new_kinds_of_facility() {
        for (a, b) in [
            ("детский сад «Ромашка»", "дитячий садок «Ромашка»"),
            ("пансионат «Волна»", "пансіонат «Хвиля»"),
            ("гимназия № 3", "гімназія № 3"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("пансионат «Волна»", "санаторий «Волна»"),
            ("детский сад «Ромашка»", "детский приют «Ромашка»"),
            ("гимназия № 3", "гимназия № 4"),
        ] {
            assert!(!same(NameKind::Place, a, b), "{a} / {b}");
        }
    }

    /// An adjective of a common word spelled in Russian, Ukrainian and
    /// Belarusian (-ический / -ичний / -ычны); another adjective stays
    /// another institution.
    #[test]
    fn cognate_adjectives_across_languages() {
        for (a, b) in [
            (
                "Львовский академический театр",
                "Львівський академічний театр",
            ),
            (
                "Гомельский технический колледж",
                "Гомельскі тэхнічны каледж",
            ),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Place,
            "Львовский академический театр",
            "Львовский кукольный театр"
        ));
    }

    /// Bodies named by the words added in session 24, across languages.
    #[test]
    fn bodies_named_by_new_words() {
        for (a, b) in [
            (
                "Ассоциация приёмных семей",
                "Association of Foster Families",
            ),
            (
                "Министерство труда и социальной защиты",
                "Міністэрства працы і сацыяльнай абароны",
            ),
            ("Центр поддержки семьи", "Центр підтримки сім'ї"),
        ] {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Organization,
            "Министерство труда и социальной защиты",
            "Министерство обороны"
        ));
        assert!(!same(
            NameKind::Organization,
            "Центр поддержки семьи",
            "Центр поддержки детей"
        ));
    }

    /// A bare one-word adjective, unquoted, may be a town the gazetteer
    /// lacks: a camp named by its word's translation is not it, while the
    /// camp's own name quoted is.
    #[test]
    fn a_bare_adjective_is_no_camp_named_alike() {
        assert!(!same(NameKind::Place, "лагерь «Янтарь»", "Янтарное"));
        assert!(same(NameKind::Place, "лагерь «Янтарный»", "«Бурштиновий»"));
        assert!(same(NameKind::Place, "лагерь «Янтарь»", "Amber"));
    }

    /// Session 27: former and foreign names of Baltic, Polish, Caucasian and
    /// Central Asian towns (`data/renamings.tsv`).
    #[test]
    fn former_names_of_towns_beyond_ukraine() {
        for (a, b) in [
            ("Stettin", "Szczecin"),
            ("Либава", "Liepāja"),
            ("Кировабад", "Гянджа"),
            ("Ленинабад", "Худжанд"),
            ("Гурьев", "Атырау"),
            ("Пернов", "Пярну"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        assert!(!same(NameKind::Place, "Stettin", "Gdańsk"));
        assert!(!same(NameKind::Place, "Ленинабад", "Душанбе"));
        // The second block: western Ukraine, Poland, the Baltic states, Central Asia.
        for (a, b) in [
            ("Równe", "Рівне"),
            ("Swinemünde", "Świnoujście"),
            ("Чарджоу", "Туркменабад"),
            ("Nagyszőlős", "Виноградів"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        assert!(!same(NameKind::Place, "Valga", "Valka"));
    }

    /// Session 27: bodies the list gained (ministries by their short names,
    /// state companies with their legal form, another country's body of one
    /// kind kept apart).
    #[test]
    fn bodies_the_list_gained() {
        for (a, b) in [
            (
                "Минфин России",
                "Министерство финансов Российской Федерации",
            ),
            ("Мінфін", "Ministry of Finance of Ukraine"),
            ("ПАО «Газпром»", "Gazprom"),
            ("Сбербанк России", "Сбер"),
            ("Мосгордума", "Московская городская дума"),
        ] {
            assert!(same(NameKind::Organization, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Organization,
            "Policja",
            "Національна поліція України"
        ));
        assert!(!same(
            NameKind::Organization,
            "Минфин России",
            "Міністерство фінансів України"
        ));
    }

    /// Session 27: a name the list knows as written is not read as another
    /// word in an oblique case.
    #[test]
    fn a_listed_one_word_name_is_no_case_form() {
        assert!(!same(
            NameKind::Organization,
            "«Правда»",
            "«Комсомольская правда»"
        ));
    }

    /// Session 27: a person's name cut from running text with its
    /// preposition, and Belarusian case forms of -іч surnames.
    #[test]
    fn persons_after_a_preposition_and_belarusian_ich() {
        for (a, b) in [
            ("про Олену Коваль", "Олена Коваль"),
            ("з Іваном Петренком", "Іван Петренко"),
            ("Сымона Лапковіча", "Сымон Лапковіч"),
            ("Зміцерам Лапковічам", "Зміцер Лапковіч"),
        ] {
            assert!(same(NameKind::Person, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Person,
            "про Олену Коваль",
            "Олена Ковальчук"
        ));
    }

    /// Session 28: a given name declined that the dictionary knows as an
    /// oblique form only, with a nominative the short list lacks
    /// (Станіслава) or that the names table reads as another name's
    /// spelling (Юлії, read as Юлій); the stressed Belarusian instrumental
    /// of a soft stem and of a -скі surname. A nominative the dictionary
    /// knows stays one (Станіслава is no genitive of Станіслав).
    #[test]
    fn given_names_declined_that_the_short_list_lacks() {
        for (a, b) in [
            ("Станіславою Шевчук", "Станіслава Шевчук"),
            ("Юлії Гончаренко", "Юлія Гончаренко"),
            ("Алесём Жукоўскім", "Алесь Жукоўскі"),
        ] {
            assert!(same(NameKind::Person, a, b), "{a} / {b}");
        }
        assert!(!same(
            NameKind::Person,
            "Станіслава Шевчук",
            "Станіслав Шевчук"
        ));
    }

    /// Session 28: after a preposition, the adjectives of a place's name
    /// before its last word and after its hyphen are read in the
    /// nominative, and a Ukrainian stem's о or е as the nominative's і
    /// (Рог → Ріг, Києв → Київ); a fleeting е before a final -ць comes back
    /// (Кам'янці → Кам'янець).
    #[test]
    fn ukrainian_locatives_of_compound_place_names() {
        for (a, b) in [
            ("у Кам'янці-Дніпровській", "Кам'янка-Дніпровська"),
            ("у Переяславі-Хмельницькому", "Переяслав-Хмельницький"),
            ("у Новому Бузі", "Новый Буг"),
        ] {
            assert!(same(NameKind::Place, a, b), "{a} / {b}");
        }
        assert_eq!(ukrainian_closed_syllable("Рог").as_deref(), Some("Ріг"));
        assert_eq!(ukrainian_closed_syllable("Києв").as_deref(), Some("Київ"));
        assert_eq!(ukrainian_closed_syllable("Знам'янка"), None);
    }

    /// Session 28: a region named after a place in the genitive without a
    /// comma binds it as a comma does (Шевченко in Mangyshlak Oblast is
    /// Aktau; Донецк of Rostov Oblast is not Ukraine's Donetsk); "voblast"
    /// is a region word; a body's seat after a comma is left out against a
    /// name without one.
    #[test]
    fn regions_in_the_genitive_voblast_and_seats() {
        assert!(same(
            NameKind::Place,
            "Шевченко Мангышлакской области",
            "Актау"
        ));
        assert!(!same(
            NameKind::Place,
            "Донецк Ростовской области",
            "Donetsk"
        ));
        assert!(same(
            NameKind::Place,
            "Магілёўская вобласць",
            "Mahiliou voblast"
        ));
        assert!(same(
            NameKind::Organization,
            "Центральный окружной военный суд, Екатеринбург",
            "Центральный окружной военный суд"
        ));
        assert!(!same(
            NameKind::Organization,
            "Центральный окружной военный суд, Екатеринбург",
            "Южный окружной военный суд"
        ));
    }

    /// Session 27: a sanatorium named after a town the gazetteer lacks but
    /// the dictionary knows is not the town; after a preposition, a city's
    /// locative is the city, not a village whose nominative it resembles.
    #[test]
    fn dictionary_towns_and_locatives_of_cities() {
        assert!(!same(NameKind::Place, "санаторий «Беломорск»", "Беломорск"));
        assert!(same(NameKind::Place, "в Красноярске", "Krasnoyarsk"));
    }

    /// Session 27: a pen name and the birth name of one person are one
    /// person (`data/pen_names.tsv`); two persons of one family are not.
    #[test]
    fn pen_names_and_birth_names() {
        assert!(same(NameKind::Person, "Марко Вовчок", "Марія Вілінська"));
        assert!(same(NameKind::Person, "Максим Горький", "Alexei Peshkov"));
        assert!(!same(NameKind::Person, "Леся Українка", "Олена Пчілка"));
    }

    /// Session 27: a number in digits is part of an organisation's name;
    /// a facility's descriptor in the locative is that descriptor.
    #[test]
    fn numbers_of_organizations_and_descriptors_in_the_locative() {
        assert!(!same(NameKind::Organization, "5 канал", "24 Канал"));
        assert!(same(
            NameKind::Place,
            "в детском доме № 7 г. Омска",
            "Детский дом № 7 г. Омска"
        ));
    }
}

/// Session 30: kinds_heldout16's classes, on pairs of the same classes that
/// no set holds where one could be written (rows of the tables beside the
/// set's own).
#[cfg(test)]
mod session30 {
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    /// `data/facility_names.tsv`: a facility by its acronym, its names in
    /// other languages and its informal name is one place; it is neither
    /// the town it is named after nor another facility of that town.
    #[test]
    fn facilities_by_their_names_in_the_table() {
        for (a, b) in [
            ("ЧАЭС", "Chornobyl Nuclear Power Plant"),
            ("Киево-Печерская лавра", "Kyiv Pechersk Lavra"),
            ("аэропорт Минск-2", "Национальный аэропорт Минск"),
            ("ЮУАЭС", "South Ukraine Nuclear Power Plant"),
            ("меткомбинат «Азовсталь»", "Azovstal"),
        ] {
            assert!(
                same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
        for (a, b) in [
            ("Курский вокзал", "вокзал Курск"),
            ("ДніпроГЕС", "Дніпро"),
            ("Каховська ГЕС", "Каховка"),
            (
                "мемориальный комплекс «Хатынь»",
                "мемориальный комплекс «Катынь»",
            ),
        ] {
            assert!(
                !same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
    }

    /// `data/renamings.tsv`: former names, a region's abbreviations, a
    /// namesake bound to its region, a village the data packages list among
    /// a town's names.
    #[test]
    fn renamings_abbreviations_and_namesakes() {
        for (a, b) in [
            ("Корсунь", "Korsun-Shevchenkivskyi"),
            ("Переяславль-Рязанский", "Рязань"),
            ("Бахчисарай, АР Крим", "Bakhchysarai"),
            ("Киров, Калужская область", "Песочня"),
        ] {
            assert!(
                same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
        for (a, b) in [
            ("Киров, Калужская область", "Вятка"),
            ("Стары Быхаў", "Быхаў"),
        ] {
            assert!(
                !same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
    }

    /// `data/organization_names.tsv`: compound abbreviations of state
    /// bodies, NGOs in the languages they are reported in; a Ukrainian name
    /// without its country is not Russia's body.
    #[test]
    fn organisations_of_the_table() {
        for (a, b) in [
            ("Росавтодор", "Федеральное дорожное агентство"),
            (
                "Норвезька рада у справах біженців",
                "Norwegian Refugee Council",
            ),
            ("ОЕСР", "OECD"),
            ("Рахункова палата", "Accounting Chamber of Ukraine"),
        ] {
            assert!(
                same(NameKind::Organization, a, b),
                "{a} / {b}: {:?}",
                compare_organizations(a, b)
            );
        }
        assert!(!same(
            NameKind::Organization,
            "Рахункова палата",
            "Счётная палата России"
        ));
        // A bank's national subsidiary is another row, not its parent.
        assert!(!same(NameKind::Organization, "ВТБ", "Банк ВТБ (Беларусь)"));
        assert!(same(NameKind::Organization, "ВТБ", "Банк ВТБ (ПАО)"));
    }

    /// A national member named by its country is not the international
    /// body, though the list gives both as one row's forms.
    #[test]
    fn a_national_member_is_not_the_international_body() {
        for (a, b) in [
            (
                "SOS Children's Villages Ukraine",
                "SOS Children's Villages International",
            ),
            (
                "SOS-Дитячі містечка Україна",
                "SOS Children's Villages International",
            ),
        ] {
            assert!(
                !same(NameKind::Organization, a, b),
                "{a} / {b}: {:?}",
                compare_organizations(a, b)
            );
        }
        assert!(same(
            NameKind::Organization,
            "SOS Дитячі містечка",
            "SOS Children's Villages"
        ));
    }

    /// `data/lexicon/facility_modifiers.txt` names the concept of the
    /// children's words as `data/name_words.tsv` labels it: a children's
    /// clinical hospital is not the clinical hospital of the same region.
    #[test]
    fn a_childrens_hospital_is_not_the_hospital() {
        for (a, b) in [
            (
                "Гомельская областная детская клиническая больница",
                "Гомельская областная клиническая больница",
            ),
            (
                "Київська міська дитяча клінічна лікарня",
                "Київська міська клінічна лікарня",
            ),
        ] {
            assert!(
                !same(NameKind::Place, a, b),
                "{a} / {b}: {:?}",
                compare_places(a, b)
            );
        }
    }

    /// An outlet called by its site's address is the outlet named by its
    /// brand; the domain alone decides nothing.
    #[test]
    fn an_outlet_by_its_address() {
        assert!(same(NameKind::Organization, "«Медуза»", "Meduza.io"));
        assert!(same(NameKind::Organization, "Hromadske.ua", "Громадське"));
        assert!(!same(NameKind::Organization, "«Медуза»", "Mediazona.ru"));
        assert_eq!(without_domain("news.bbc.co.uk"), Vec::<String>::new());
    }

    /// Two names that differ in a place's adjective alone: the places
    /// decide, however alike the adjectives are spelled.
    #[test]
    fn place_adjectives_decide_between_otherwise_equal_names() {
        assert_eq!(place_adjective_ids("Омской"), place_ids("Омск"));
        assert!(place_adjective_ids("Обласна").is_empty());
        for (kind, a, b) in [
            (
                NameKind::Organization,
                "Правительство Омской области",
                "Правительство Томской области",
            ),
            (
                NameKind::Place,
                "Бахмутська гімназія № 2",
                "Бахмацька гімназія № 2",
            ),
            (
                NameKind::Place,
                "Луганська обласна лікарня",
                "Лубенська обласна лікарня",
            ),
        ] {
            assert!(
                !same(kind, a, b),
                "{a} / {b}: {:?}",
                compare_names(kind, a, b)
            );
        }
        assert!(same(
            NameKind::Place,
            "Артемівська загальноосвітня школа № 3",
            "Бахмутська загальноосвітня школа № 3"
        ));
    }

    /// A body's name translated into Belarusian: the adjectives of its
    /// region's town in two spellings are one place's.
    #[test]
    fn adjectives_of_one_place_in_two_languages() {
        assert!(adjectives_of_one_place("Брестского", "Брэсцкага"));
        assert!(!adjectives_of_one_place("Брестского", "Гомельскага"));
        assert!(same(
            NameKind::Organization,
            "Главное управление по образованию Гродненского облисполкома",
            "Галоўнае ўпраўленне па адукацыі Гродзенскага аблвыканкама"
        ));
    }

    /// A facility of the table is neither a town whose name resembles its
    /// own nor another place a word-by-word translation makes of it; the
    /// children's word alone is no difference against a short naming.
    #[test]
    fn facilities_of_the_table_stand_apart() {
        assert!(!same(NameKind::Place, "ДніпроГЕС", "Дніпро"));
        assert!(same(NameKind::Place, "Дніпровська ГЕС", "ДніпроГЕС"));
        assert!(!same(NameKind::Place, "Курский вокзал", "вокзал Курск"));
        assert!(same(
            NameKind::Place,
            "Днепрогэс",
            "Dnipro Hydroelectric Station"
        ));
        assert!(same(
            NameKind::Place,
            "ВДЦ «Орлёнок»",
            "Всероссийский детский центр «Орлёнок»"
        ));
        assert!(!same(
            NameKind::Organization,
            "Чернівецький національний університет",
            "Черкаський національний університет"
        ));
        assert!(adjectives_of_one_place("Одеський", "Одесский"));
    }

    /// `data/name_words.tsv`: a Belarusian form of a word camps and
    /// sanatoria are named by.
    #[test]
    fn a_sanatorium_named_in_belarusian() {
        assert!(same(
            NameKind::Place,
            "санаторий «Серебряные ключи»",
            "санаторый «Сярэбраныя ключы»"
        ));
    }

    /// A Latin acronym and its letters written in Cyrillic are one
    /// acronym; another acronym is not.
    #[test]
    fn an_acronym_in_cyrillic_letters() {
        assert!(!different_acronyms("HIAS", "ХІАС"));
        assert!(!different_acronyms("HRW", "ХРВ"));
        assert!(different_acronyms("HIAS", "ХІАТ"));
        assert!(different_acronyms("ХІАС", "КІАС"));
    }

    /// `data/pen_names.tsv`: a pen name and the birth name.
    #[test]
    fn pen_names_of_session_30() {
        assert!(same(NameKind::Person, "Олег Ольжич", "Oleh Kandyba"));
        assert!(same(
            NameKind::Person,
            "Андрей Платонов",
            "Andrei Klimentov"
        ));
        assert!(!same(NameKind::Person, "Олег Ольжич", "Олександр Кандиба"));
    }
}
