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

use std::collections::HashMap;
use std::sync::LazyLock;

use casefile_names::{Comparison, NameKind, Scheme, Step};

use crate::gazetteer::{lookup_place, GazetteerEntry, GAZETTEER};

/// Score at which a gazetteer entry's name counts as the name looked up.
pub const STRICT: f64 = 0.9;

const RENAMINGS: &str = include_str!("../data/renamings.tsv");
const ORGANIZATIONS: &str = include_str!("../data/organizations.tsv");
const ORGANIZATION_NAMES: &str = include_str!("../data/organization_names.tsv");

/// A place group: a gazetteer entry (by index), or a renaming row the
/// gazetteer lacks (by row, offset past the entries).
type PlaceId = usize;

struct Renamings {
    /// `latin_key` of a name → places.
    by_key: HashMap<String, Vec<PlaceId>>,
    /// Names of the rows the gazetteer lacks, by place id.
    own_names: HashMap<PlaceId, Vec<String>>,
}

fn entry_index(e: &GazetteerEntry) -> Option<usize> {
    GAZETTEER.entries.iter().position(|x| std::ptr::eq(x, e))
}

static RENAMED: LazyLock<Renamings> = LazyLock::new(|| {
    let mut by_key: HashMap<String, Vec<PlaceId>> = HashMap::new();
    let mut own_names = HashMap::new();
    for (row, line) in crate::wordlist::entries(RENAMINGS).enumerate() {
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
        let id = match found {
            Some(i) => i,
            None => {
                let id = GAZETTEER.entries.len() + row;
                let mut all = names.clone();
                all.push((*entry).to_string());
                own_names.insert(id, all);
                id
            }
        };
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
    Renamings { by_key, own_names }
});

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
    let stripped = casefile_names::strip_descriptors(name);
    let mut ids: Vec<PlaceId> = Vec::new();
    for form in [name, stripped.as_str()] {
        if let Some(list) = RENAMED.by_key.get(&casefile_names::latin_key(form)) {
            for id in list {
                if !ids.contains(id) {
                    ids.push(*id);
                }
            }
        }
    }
    let mut forms: Vec<String> = vec![name.to_string(), stripped.clone()];
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
    for form in &forms {
        for e in lookup_place(form) {
            let Some(i) = entry_index(e) else { continue };
            if own.contains(&i) || listed.contains(&i) {
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
    let found = if own.is_empty() { listed } else { own };
    for id in found {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

fn step(rule: &str, detail: String) -> Step {
    Step::new(rule, detail)
}

fn decided(score: f64, steps: Vec<Step>) -> Comparison {
    Comparison::decided(score, steps)
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
        let best = self
            .names
            .iter()
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

/// Compares two places (settlements, regions, facilities); see the module
/// documentation.
pub fn compare_places(a: &str, b: &str) -> Comparison {
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
                if direct.score >= STRICT {
                    let mut c = direct;
                    c.explanation.insert(
                        0,
                        step(
                            "gazetteer",
                            format!(
                                "{a} and {b} are spellings of one name, which the gazetteer gives to several places"
                            ),
                        ),
                    );
                    return c;
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
    casefile_names::latin_key(&cleaned)
}

static ORGS: LazyLock<OrgIndex> = LazyLock::new(|| {
    let mut orgs = Vec::new();
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
        let id = orgs.len();
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
        orgs.push(Org { forms });
    }
    OrgIndex { orgs, by_key }
});

fn org_ids(name: &str) -> Vec<usize> {
    ORGS.by_key.get(&org_key(name)).cloned().unwrap_or_default()
}

/// Compares two organisations; see the module documentation.
pub fn compare_organizations(a: &str, b: &str) -> Comparison {
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
        (true, true) => casefile_names::compare_organization(a, b),
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
            let known = Known {
                rule: "organizations",
                what: format!("{known} is {} in the list", first(ids)),
                names,
            };
            known.compare((a, b), other, casefile_names::compare_organization)
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
/// with one set of each of them as well as of its own.
pub fn organization_blocks(name: &str) -> OrganizationBlocks {
    let own = casefile_names::organization_keys(name);
    let ids = org_ids(name);
    let mut blocks = OrganizationBlocks {
        index: own.index,
        query: vec![own.queries],
    };
    if ids.is_empty() {
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
    }
    blocks.index.sort_unstable();
    blocks.index.dedup();
    blocks
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
            let c = casefile_names::compare(a, b);
            let not_persons = c
                .explanation
                .first()
                .is_some_and(|s| s.rule == "parse" && s.detail.starts_with("place or other"));
            if !not_persons {
                return c;
            }
            let (mut other, what) = if !place_ids(a).is_empty() || !place_ids(b).is_empty() {
                (compare_places(a, b), "places (the gazetteer knows them)")
            } else if !org_ids(a).is_empty() || !org_ids(b).is_empty() {
                (
                    compare_organizations(a, b),
                    "organizations (the list knows them)",
                )
            } else {
                return c;
            };
            other.explanation.insert(
                0,
                step("parse", format!("not person names: compared as {what}")),
            );
            other
        }
        NameKind::Place => compare_places(a, b),
        NameKind::Organization => compare_organizations(a, b),
    }
}

/// A key that groups place names: the gazetteer entry (or renaming) they
/// denote, else `casefile_names::place_key` (descriptors dropped, generic
/// words translated). For the resolver.
pub fn place_group_key(name: &str) -> String {
    match place_ids(name).into_iter().min() {
        Some(id) => format!("#{id}"),
        None => casefile_names::place_key(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(kind: NameKind, a: &str, b: &str) -> bool {
        compare_names(kind, a, b).same
    }

    #[test]
    fn renamed_places_are_one_place() {
        for (a, b) in [
            ("Dnipropetrovsk", "Дніпро"),
            ("Кировоград", "Kropyvnytskyi"),
            ("Артемовск", "Bakhmut"),
            ("Комсомольск", "Horishni Plavni"),
        ] {
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

    #[test]
    fn renamings_have_a_source_and_resolve() {
        for line in crate::wordlist::entries(RENAMINGS) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 5, "{line}");
            assert!(!cols[4].trim().is_empty(), "{line}");
        }
        assert!(!RENAMED.by_key.is_empty());
    }
}
