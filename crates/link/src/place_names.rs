//! Settlements known by more than one name.
//!
//! Lists of one child name the home town as each agency knows it: a
//! Ukrainian list writes the names of the 2016 renamings (Бахмут, Кадіївка,
//! Сорокине), a Russian list or an occupation authority the old ones
//! (Артёмовск, Стаханов, Краснодон), and a Russian name may be a word of
//! its own (Счастье / Щастя, Первомайское / Першотравневе). Equal Latin
//! keys cannot see that these are one place. The gazetteer and the
//! renamings that `casefile-extract` reads its texts' places by
//! (`crates/extract/data/`, one copy of the data for both crates) give
//! each Ukrainian settlement's names in every script; here every such name
//! is keyed and pointed to its settlement.
//!
//! A key that names two settlements stands for the larger only when it is
//! far the larger (Артёмовск: Бахмут, not Кипуче), else for any of them
//! (there are many Первомайское). Only Ukrainian settlements are read: the
//! lists are of children from Ukraine, and a namesake abroad would make
//! more names ambiguous than it would settle.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::names_bridge::latin_key_of_text;

/// The gazetteer: kind, country, population, canonical name, names (`|`).
const GAZETTEER: &str = include_str!("../../extract/data/gazetteer.tsv");
/// The renamings: entry, country, names (`|`), years, source, and for a
/// row whose names hold in some regions only, those regions.
const RENAMINGS: &str = include_str!("../../extract/data/renamings.tsv");

/// The country whose settlements are read.
const COUNTRY: &str = "UA";

/// The settlements a place name's key may stand for (ids with no meaning
/// outside this table): the one Ukrainian settlement with a name of that
/// key, or the larger namesake of several (see [`LARGER_NAMESAKE`]), or,
/// when none stands out, every one of them (Первомайское: Мангуш, once
/// Першотравневе, or any village of the name). Two cells whose names may
/// stand for one settlement are not two different places.
pub(crate) fn settlements_of(key: &str) -> &'static [u32] {
    table().get(key).map_or(&[], |ids| &ids[..])
}

/// How many times as populous as every other settlement of a name one
/// must be for the bare name to stand for it: the rule `casefile-extract`
/// reads texts' places by (`name_kinds::larger_namesake`). Артёмовск alone
/// is Бахмут (80,000), not Кипуче (7,000), which bore the name too;
/// Первомайское is none of its half-dozen villages.
const LARGER_NAMESAKE: u64 = 4;

/// Key → the settlements it may stand for (see [`settlements_of`]).
fn table() -> &'static HashMap<String, Vec<u32>> {
    static TABLE: OnceLock<HashMap<String, Vec<u32>>> = OnceLock::new();
    TABLE.get_or_init(|| build(GAZETTEER, RENAMINGS))
}

/// Every settlement named by each key, with each settlement's population.
#[derive(Default)]
struct Names {
    of_key: HashMap<String, Vec<u32>>,
    population: Vec<u64>,
}

impl Names {
    /// A new settlement of `population` (0 when unknown).
    fn settlement(&mut self, population: u64) -> u32 {
        self.population.push(population);
        (self.population.len() - 1) as u32
    }

    /// Every name's key now also names settlement `id`.
    fn add<'a>(&mut self, id: u32, names: impl Iterator<Item = &'a str>) {
        for name in names {
            let key = latin_key_of_text(name.trim());
            if key.is_empty() {
                continue;
            }
            let ids = self.of_key.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// The settlement `key` stands for: its only one, or the larger
    /// namesake; `None` when it names none or no one stands out.
    fn resolve(&self, key: &str) -> Option<u32> {
        let ids = self.of_key.get(key)?;
        let population = |id: &u32| self.population.get(*id as usize).copied().unwrap_or(0);
        let largest = *ids.iter().max_by_key(|id| population(id))?;
        let others = ids
            .iter()
            .filter(|&&id| id != largest)
            .map(population)
            .max();
        match others {
            None => Some(largest),
            Some(other) if population(&largest) > other.saturating_mul(LARGER_NAMESAKE) => {
                Some(largest)
            }
            Some(_) => None,
        }
    }
}

/// Reads the two tables (see the module documentation). A renamings row
/// joins the settlement its entry stands for, or is a place of its own
/// (of unknown population) when the gazetteer has none; region-bound rows
/// are left out, their names holding only with a region given.
fn build(gazetteer: &str, renamings: &str) -> HashMap<String, Vec<u32>> {
    let mut names = Names::default();
    for row in rows(gazetteer) {
        let [kind, country, population, canonical, listed] = columns(row);
        if kind != "settlement" || country != COUNTRY {
            continue;
        }
        let id = names.settlement(population.parse().unwrap_or(0));
        names.add(id, std::iter::once(canonical).chain(listed.split('|')));
    }
    for row in rows(renamings) {
        let [entry, country, listed, _years, _source] = columns(row);
        let region_bound = row.split('\t').nth(5).is_some_and(|r| !r.trim().is_empty());
        if country != COUNTRY || region_bound || entry.is_empty() {
            continue;
        }
        let key = latin_key_of_text(entry);
        let id = match (names.of_key.contains_key(&key), names.resolve(&key)) {
            (_, Some(id)) => id,
            (true, None) => continue,
            (false, None) => names.settlement(0),
        };
        names.add(id, std::iter::once(entry).chain(listed.split('|')));
    }
    names
        .of_key
        .iter()
        .map(|(key, ids)| {
            let ids = names
                .resolve(key)
                .map_or_else(|| ids.clone(), |id| vec![id]);
            (key.clone(), ids)
        })
        .collect()
}

/// The data lines of a table (comments and blank lines aside).
fn rows(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The first five tab-separated columns of a row, empty where missing.
fn columns(row: &str) -> [&str; 5] {
    let mut out = [""; 5];
    for (slot, value) in out.iter_mut().zip(row.split('\t')) {
        *slot = value;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether two place names stand for one settlement and no other.
    fn same(a: &str, b: &str) -> bool {
        let (a, b) = (latin_key_of_text(a), latin_key_of_text(b));
        settlements_of(&a).len() == 1 && settlements_of(&a) == settlements_of(&b)
    }

    #[test]
    fn renamed_towns_are_one_place() {
        assert!(same("Артёмовск", "Бахмут"));
        assert!(same("Стаханов", "Kadiivka"));
        assert!(same("Краснодон", "Сорокине"));
        assert!(same("Счастье", "Shchastia"));
        assert!(same("Свердловск", "Довжанськ"));
        assert!(!same("Бахмут", "Кадіївка"));
    }

    #[test]
    fn a_name_of_several_places_names_the_far_larger_or_any() {
        let table = build(
            "settlement\tUA\t100\tAlpha\tAlpha|Common|Shared\n\
             settlement\tUA\t30\tBeta\tBeta|Common\n\
             settlement\tUA\t20\tGamma\tGamma|Shared\n",
            "",
        );
        let ids = |name: &str| {
            table
                .get(&latin_key_of_text(name))
                .cloned()
                .unwrap_or_default()
        };
        let (alpha, beta) = (ids("Alpha"), ids("Beta"));
        assert_eq!(alpha.len(), 1);
        assert_eq!(ids("Shared"), alpha);
        let mut common = ids("Common");
        common.sort_unstable();
        let mut both = [alpha, beta].concat();
        both.sort_unstable();
        assert_eq!(common, both);
        assert!(ids("Nowhere").is_empty());
    }

    #[test]
    fn a_town_under_its_old_name_is_the_larger_namesake() {
        assert!(same("Артёмовск", "Бахмут"));
        assert!(same("Краснодон", "Sorokyne"));
        // Первомайское is no one village's alone, Мангуш's among them.
        let of = |name: &str| settlements_of(&latin_key_of_text(name));
        let manhush = of("Мангуш");
        assert_eq!(manhush.len(), 1);
        assert!(of("Первомайское").len() > 1);
        assert!(of("Первомайское").contains(&manhush[0]));
    }

    #[test]
    fn renamings_join_their_settlement_unless_region_bound() {
        let table = build(
            "settlement\tUA\t1\tAlpha\tAlpha\nsettlement\tRU\t1\tGamma\tGamma\n",
            "Alpha\tUA\tOldname\t2016\tact\n\
             Alpha\tUA\tLocalname\t2016\tact\tSomewhere Oblast\n\
             Delta\tUA\tEpsilon\t2016\tact\n",
        );
        let id = |name: &str| match table.get(&latin_key_of_text(name)).map(|ids| &ids[..]) {
            Some([id]) => Some(*id),
            _ => None,
        };
        assert_eq!(id("Oldname"), id("Alpha"));
        assert_eq!(id("Localname"), None);
        assert_eq!(id("Gamma"), None);
        assert!(id("Epsilon").is_some());
        assert_eq!(id("Epsilon"), id("Delta"));
        assert_ne!(id("Delta"), id("Alpha"));
    }
}
