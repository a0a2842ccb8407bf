//! How many children no list recorded: multiple-systems estimation over 3–5
//! imported registries.
//!
//! The registries are read (each read audited; the report hands over the
//! records it has read already, [`estimate_records`]), every pair of them is linked
//! and each is deduplicated, with the human review decisions applied as in
//! `link`. The records of all lists are then clustered by union-find over
//! the matched pairs, so that each child is counted once, by the set of lists
//! it appears on; that overlap table goes to [`casefile_estimate`], whose
//! methods are always reported side by side with their intervals. Linkage is
//! uncertain, so the table is rebuilt at several match thresholds and the
//! estimates' spread across them is part of the answer; and clusters that
//! hold two records of one list which that list's own deduplication did not
//! match (joined only through other lists) are counted and warned of, a
//! floor on the false merges that push every estimate down.
//!
//! Strata (`--strata sex age_band …`): a cluster's value of a field is the
//! first non-empty value among its records, taking the lists in the order
//! they were named (name the most reliable list first), then records in file
//! order; a cluster with no value goes to the stratum `unknown`. Ages are
//! banded as in public exports (0-4, 5-9, 10-14, 15-17, 18+) on one date for
//! every list (the request's `age_on`, by default [`DEFAULT_AGE_ON`]), from a
//! birth date or from an age stated on a date. Places are read through the
//! gazetteer and stand as its canonical name; a place it does not know goes
//! to `unknown`, so no free text of a record ever becomes a label.
//!
//! Only counts leave: list names, cells, estimates, intervals, warnings and
//! stratum labels made of categories; never a record's field.

use crate::demo::RegistrySize;
use crate::registries::{self, LinkOptions};
use crate::{Actor, AppError, Permission, Project, Result};
use casefile_core::Sex;
use casefile_estimate::{
    estimate_strata, linkage_spread, Estimate, EstimateOptions, LinkageSpread, OverlapTable,
    StrataBuilder, StratifiedEstimate, TableBuilder, Warning, MAX_LISTS, MIN_LISTS,
};
use casefile_link::{LinkResult, Pair, Record, Settings};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Match thresholds of the linkage-uncertainty spread when none are given.
pub const DEFAULT_SPREAD_THRESHOLDS: [f64; 4] = [0.3, 0.5, 0.7, 0.9];

/// The date on which age bands are taken when the request names none: the
/// start of the full-scale invasion (2022-02-24), from which the transfers
/// are counted. One date for every list keeps a child in one band whichever
/// list gives the age.
pub const DEFAULT_AGE_ON: (i32, u32, u32) = (2022, 2, 24);

/// The name of the stratum of clusters without a value.
pub const UNKNOWN_STRATUM: &str = "unknown";

/// What the spread leaves out, in plain words (it re-runs every estimate at
/// each threshold, so the slow methods are off there).
pub const SPREAD_NOTE: &str = "the spread re-estimates at each threshold with the log-linear models and decomposable-graph averaging only: the latent-class model and the bootstrap are off there to keep it fast";

/// A field of the records by which clusters can be stratified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StratumField {
    Sex,
    /// From a birth date, or an age stated on a date.
    AgeBand,
    LastPlace,
    Birthplace,
}

impl StratumField {
    pub const ALL: [StratumField; 4] = [
        StratumField::Sex,
        StratumField::AgeBand,
        StratumField::LastPlace,
        StratumField::Birthplace,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StratumField::Sex => "sex",
            StratumField::AgeBand => "age_band",
            StratumField::LastPlace => "last_place",
            StratumField::Birthplace => "birthplace",
        }
    }

    /// The record's category for this field, if it has one.
    fn value(self, record: &Record, age_on: NaiveDate) -> Option<String> {
        match self {
            StratumField::Sex => record.sex.map(|s| match s {
                Sex::Female => "female".to_string(),
                Sex::Male => "male".to_string(),
            }),
            StratumField::AgeBand => {
                age_on_date(record, age_on).map(|a| casefile_export::age_band(a).to_string())
            }
            StratumField::LastPlace => record.last_place.as_deref().and_then(known_place),
            StratumField::Birthplace => record.birthplace.as_deref().and_then(known_place),
        }
    }
}

impl fmt::Display for StratumField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StratumField {
    type Err = AppError;
    fn from_str(s: &str) -> Result<StratumField> {
        StratumField::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                AppError::Invalid(format!(
                    "unknown stratum field {s:?} (expected sex, age_band, last_place or birthplace)"
                ))
            })
    }
}

/// The child's age in whole years on `on`: from the birth date, else from an
/// age stated on a date (taken as half a year past that birthday).
fn age_on_date(record: &Record, on: NaiveDate) -> Option<u32> {
    let born = match (record.birth_date, record.age, record.age_at) {
        (Some(born), _, _) => born,
        (None, Some(age), Some(stated_on)) => {
            stated_on.checked_sub_months(Months::new(age.checked_mul(12)?.checked_add(6)?))?
        }
        _ => return None,
    };
    // Born after the date: a baby then, in the youngest band.
    Some(on.years_since(born).unwrap_or(0))
}

/// The gazetteer's canonical name of a place written as in a registry
/// ("м. Нова Каховка, Херсонська обл.", "Gorlovka"): each comma-separated
/// part is tried, dropping leading words such as "м." or "г." until a name
/// is found.
pub(crate) fn known_place(text: &str) -> Option<String> {
    text.split(',').find_map(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (0..words.len()).find_map(|skip| {
            casefile_extract::lookup_place(&words[skip..].join(" "))
                .first()
                .map(|entry| entry.canonical.clone())
        })
    })
}

/// What to estimate from which registries, and how.
#[derive(Debug, Clone, Default)]
pub struct EstimateRequest {
    /// 3–5 imported registries, by name; the order sets the order of the
    /// table's lists and which list's value a stratum takes first.
    pub registries: Vec<String>,
    /// Fields to stratify by (none: one estimate over everyone).
    pub strata: Vec<StratumField>,
    /// Match thresholds of the linkage-uncertainty spread (empty:
    /// [`DEFAULT_SPREAD_THRESHOLDS`]); the estimate's own threshold is
    /// always among them.
    pub spread_thresholds: Vec<f64>,
    /// The linkage: its `threshold` is the estimate's (default 0.5).
    pub link: LinkOptions,
    /// The date of the age bands (default [`DEFAULT_AGE_ON`]).
    pub age_on: Option<NaiveDate>,
    /// The estimators' options: seed, bootstrap replicates, latent-class chains.
    pub options: EstimateOptions,
}

/// How many matched pairs one linkage job found (a registry with itself:
/// duplicates within it).
#[derive(Debug, Clone, Serialize)]
pub struct LinkCount {
    pub left: String,
    pub right: String,
    /// Pairs matched at the estimate's threshold (or accepted by a person).
    pub matched: usize,
    /// Uncertain pairs no one has decided yet (see `casefile review`).
    pub awaiting_review: usize,
}

/// The estimate over everyone, or per stratum and summed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Estimated {
    Whole(Box<Estimate>),
    Stratified {
        fields: Vec<StratumField>,
        estimate: StratifiedEstimate,
    },
}

/// The answer of [`estimate`]: counts only, never a record's field.
#[derive(Debug, Serialize)]
pub struct EstimateAnswer {
    /// The lists in table order, with the records read from each.
    pub lists: Vec<RegistrySize>,
    /// The match threshold of the table and the estimate.
    pub threshold: f64,
    pub links: Vec<LinkCount>,
    /// Children (clusters) holding two records of one list that the list's
    /// own deduplication did not match, joined only through other lists: a
    /// floor on false merges. With no strata, a warning of the estimate
    /// when above zero.
    pub chained_clusters: usize,
    /// Children by the set of lists they appear on (over all strata).
    pub table: OverlapTable,
    pub estimate: Estimated,
    /// The estimate recomputed at each spread threshold.
    pub spread: LinkageSpread,
    /// What the spread leaves out ([`SPREAD_NOTE`]).
    pub spread_note: String,
}

/// A matched-or-not pair between two records, by index into all records of
/// the request (lists in order, records in file order).
struct Candidate {
    a: usize,
    b: usize,
    pair: Pair,
}

/// Estimates how many children the named registries together missed.
/// Needs [`Permission::ReadRegistries`]; every registry read is audited.
pub fn estimate(
    project: &mut Project,
    actor: &Actor,
    request: &EstimateRequest,
) -> Result<EstimateAnswer> {
    actor.require(Permission::ReadRegistries)?;
    // A request refused for its form reads nothing.
    check_request(request)?;
    // Every registry must exist before any is read.
    for name in &request.registries {
        registries::registry_info(project.store(), name)?;
    }
    let mut lists = Vec::with_capacity(request.registries.len());
    for name in &request.registries {
        lists.push(registries::load(project, name, actor, "estimate")?);
    }
    let lists: Vec<&[Record]> = lists.iter().map(Vec::as_slice).collect();
    estimate_records(project, request, &lists)
}

/// [`estimate`] over records the caller has already read (and audited),
/// one slice per registry of the request, in its order: the report reads
/// each registry once for its tallies, this estimate and its children guard.
/// The caller checks the actor's permission.
pub(crate) fn estimate_records(
    project: &Project,
    request: &EstimateRequest,
    lists: &[&[Record]],
) -> Result<EstimateAnswer> {
    let (threshold, thresholds, age_on) = check_request(request)?;
    let names = &request.registries;
    if lists.len() != names.len() {
        return Err(AppError::Invalid(format!(
            "{} registries named but {} read",
            names.len(),
            lists.len()
        )));
    }

    let lowest = thresholds.iter().copied().fold(threshold, f64::min);
    let (candidates, links) = link_all(project, names, lists, &request.link, lowest)?;
    let list_of: Vec<usize> = lists
        .iter()
        .enumerate()
        .flat_map(|(i, records)| std::iter::repeat_n(i, records.len()))
        .collect();
    let clusters = |t: f64| clusters_at(&candidates, list_of.len(), t);
    let invalid = |e: casefile_estimate::EstimateError| AppError::Invalid(format!("estimate: {e}"));

    let main = clusters(threshold);
    let table = overlap_table(names, &list_of, &main).map_err(invalid)?;
    let chained = chained_clusters(&candidates, &list_of, &main, threshold);
    let estimate = if request.strata.is_empty() {
        let mut estimate =
            casefile_estimate::estimate(&table, &request.options).map_err(invalid)?;
        if chained > 0 {
            let warning = Warning::ChainedClusters {
                clusters: chained,
                of: table.observed(),
            };
            estimate.messages.push(warning.message());
            estimate.warnings.push(warning);
        }
        Estimated::Whole(Box::new(estimate))
    } else {
        let records: Vec<&Record> = lists.iter().flat_map(|l| l.iter()).collect();
        let tables = strata_tables(names, &list_of, &records, &main, &request.strata, age_on)
            .map_err(invalid)?;
        Estimated::Stratified {
            fields: request.strata.clone(),
            estimate: estimate_strata(&tables, &request.options).map_err(invalid)?,
        }
    };

    let mut alternatives = Vec::with_capacity(thresholds.len());
    for &t in &thresholds {
        let table = overlap_table(names, &list_of, &clusters(t)).map_err(invalid)?;
        alternatives.push((format!("threshold {t:.2}"), table));
    }
    let mut spread_options = request.options.clone();
    spread_options.lcmcr = None;
    spread_options.bootstrap_replicates = 0;
    let spread = linkage_spread(&alternatives, &spread_options).map_err(invalid)?;

    Ok(EstimateAnswer {
        lists: names
            .iter()
            .zip(lists)
            .map(|(name, records)| RegistrySize {
                name: name.clone(),
                records: records.len() as u64,
            })
            .collect(),
        threshold,
        links,
        chained_clusters: chained,
        table,
        estimate,
        spread,
        spread_note: SPREAD_NOTE.to_string(),
    })
}

/// What is wrong with the request's form, before anything is read: the
/// number of lists, a list named twice, thresholds outside [0, 1]. Returns
/// the estimate's threshold, the spread's thresholds and the age date.
fn check_request(request: &EstimateRequest) -> Result<(f64, Vec<f64>, NaiveDate)> {
    let names = &request.registries;
    if !(MIN_LISTS..=MAX_LISTS).contains(&names.len()) {
        return Err(AppError::Invalid(format!(
            "{} registries given; an estimate needs {MIN_LISTS} to {MAX_LISTS} (with fewer, how the lists depend on one another cannot be checked)",
            names.len()
        )));
    }
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(AppError::Invalid(format!(
                "registry {name:?} is named twice; each list counts once"
            )));
        }
    }
    let threshold = request
        .link
        .threshold
        .unwrap_or(Settings::default().threshold);
    let thresholds = spread_thresholds(&request.spread_thresholds, threshold)?;
    let age_on = match request.age_on {
        Some(date) => date,
        None => {
            let (y, m, d) = DEFAULT_AGE_ON;
            NaiveDate::from_ymd_opt(y, m, d)
                .ok_or_else(|| AppError::Invalid("the default age date is not a date".into()))?
        }
    };
    Ok((threshold, thresholds, age_on))
}

/// The spread's thresholds: the given ones (or the defaults) and the
/// estimate's own, each a probability, ascending, without repeats.
fn spread_thresholds(given: &[f64], threshold: f64) -> Result<Vec<f64>> {
    let mut thresholds: Vec<f64> = if given.is_empty() {
        DEFAULT_SPREAD_THRESHOLDS.to_vec()
    } else {
        given.to_vec()
    };
    thresholds.push(threshold);
    for &t in &thresholds {
        if !(0.0..=1.0).contains(&t) {
            return Err(AppError::Invalid(format!(
                "--threshold {t} is not a probability in [0, 1]"
            )));
        }
    }
    thresholds.sort_by(f64::total_cmp);
    thresholds.dedup();
    Ok(thresholds)
}

/// Links every pair of lists and deduplicates each list; returns every
/// reported pair by record index, and the counts of each job.
fn link_all(
    project: &Project,
    names: &[String],
    lists: &[&[Record]],
    options: &LinkOptions,
    lowest_threshold: f64,
) -> Result<(Vec<Candidate>, Vec<LinkCount>)> {
    let offsets: Vec<usize> = lists
        .iter()
        .scan(0, |next, records| {
            let start = *next;
            *next += records.len();
            Some(start)
        })
        .collect();
    let index: Vec<HashMap<&str, usize>> = lists
        .iter()
        .map(|records| {
            records
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id.as_str(), i))
                .collect()
        })
        .collect();
    let mut candidates = Vec::new();
    let mut counts = Vec::new();
    for left in 0..lists.len() {
        for right in left..lists.len() {
            let mut settings =
                registries::settings(project.store(), options, &names[left], &names[right])?;
            // Pairs below the lowest threshold of the spread must still be reported.
            settings.report_threshold = settings.report_threshold.min(lowest_threshold);
            let result: LinkResult = if left == right {
                casefile_link::dedupe(lists[left], &settings)
            } else {
                casefile_link::link(lists[left], lists[right], &settings)
            };
            let mut matched = 0;
            for mut pair in result.pairs() {
                let (Some(&a), Some(&b)) = (
                    index[left].get(pair.left.as_str()),
                    index[right].get(pair.right.as_str()),
                ) else {
                    continue;
                };
                if registries::is_match(&pair, result.threshold) {
                    matched += 1;
                }
                // Only the probability and the decision are needed from here on.
                pair.fields = Vec::new();
                candidates.push(Candidate {
                    a: offsets[left] + a,
                    b: offsets[right] + b,
                    pair,
                });
            }
            counts.push(LinkCount {
                left: names[left].clone(),
                right: names[right].clone(),
                matched,
                awaiting_review: result.review_queue().count(),
            });
        }
    }
    Ok((candidates, counts))
}

/// The cluster (its root record) of every record, by union-find over the
/// pairs matched at `threshold`.
fn clusters_at<'a>(
    candidates: impl IntoIterator<Item = &'a Candidate>,
    records: usize,
    threshold: f64,
) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..records).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for c in candidates {
        if registries::is_match(&c.pair, threshold) {
            let (ra, rb) = (root(&mut parent, c.a), root(&mut parent, c.b));
            if ra != rb {
                // The smaller index stays the root, so roots do not depend on pair order.
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    (0..records).map(|x| root(&mut parent, x)).collect()
}

/// How many clusters hold two records of one list that the list's own
/// deduplication did not put together (not joined by matches within that
/// list alone): the links through other lists say one child, the list
/// says two. Either a link across lists is a false merge or the
/// deduplication missed a duplicate; false merges fake overlap and push
/// every estimate down. Only false merges of children who share a list
/// show this way, so the count is a floor.
fn chained_clusters(
    candidates: &[Candidate],
    list_of: &[usize],
    roots: &[usize],
    threshold: f64,
) -> usize {
    let within = clusters_at(
        candidates.iter().filter(|c| list_of[c.a] == list_of[c.b]),
        list_of.len(),
        threshold,
    );
    // Per (cluster, list): the first within-list group seen.
    let mut first: HashMap<(usize, usize), usize> = HashMap::new();
    let mut chained: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (record, &root) in roots.iter().enumerate() {
        let group = *first
            .entry((root, list_of[record]))
            .or_insert(within[record]);
        if group != within[record] {
            chained.insert(root);
        }
    }
    chained.len()
}

/// Per cluster root, the indices of the lists its records are on.
fn cluster_lists(list_of: &[usize], roots: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let mut lists: HashMap<usize, Vec<usize>> = HashMap::new();
    for (record, &root) in roots.iter().enumerate() {
        let on = lists.entry(root).or_default();
        if !on.contains(&list_of[record]) {
            on.push(list_of[record]);
        }
    }
    let mut out: Vec<(usize, Vec<usize>)> = lists.into_iter().collect();
    out.sort_unstable_by_key(|(root, _)| *root);
    out
}

fn overlap_table(
    names: &[String],
    list_of: &[usize],
    roots: &[usize],
) -> std::result::Result<OverlapTable, casefile_estimate::EstimateError> {
    let mut builder = TableBuilder::new(names.to_vec())?;
    for (_, on) in cluster_lists(list_of, roots) {
        builder.add_cluster(&on)?;
    }
    builder.build()
}

/// One overlap table per stratum; see the module's doc for how a cluster's
/// stratum is chosen.
fn strata_tables(
    names: &[String],
    list_of: &[usize],
    records: &[&Record],
    roots: &[usize],
    fields: &[StratumField],
    age_on: NaiveDate,
) -> std::result::Result<Vec<(String, OverlapTable)>, casefile_estimate::EstimateError> {
    // Records come lists first, then file order: the first value seen wins.
    let mut values: HashMap<usize, Vec<Option<String>>> = HashMap::new();
    for (record, &root) in roots.iter().enumerate() {
        let slots = values
            .entry(root)
            .or_insert_with(|| vec![None; fields.len()]);
        for (slot, field) in slots.iter_mut().zip(fields) {
            if slot.is_none() {
                *slot = field.value(records[record], age_on);
            }
        }
    }
    let mut builder = StrataBuilder::new(names.to_vec())?;
    for (root, on) in cluster_lists(list_of, roots) {
        let label = values
            .get(&root)
            .map(|slots| {
                slots
                    .iter()
                    .map(|v| v.as_deref().unwrap_or(UNKNOWN_STRATUM))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_else(|| UNKNOWN_STRATUM.to_string());
        builder.add_cluster(&label, &on)?;
    }
    builder.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(probability: f64, decision: Option<&'static str>) -> Pair {
        Pair {
            left: String::new(),
            right: String::new(),
            probability,
            match_weight: 0.0,
            fields: Vec::new(),
            decision,
        }
    }

    #[test]
    fn clusters_follow_the_threshold_and_decisions() {
        let candidates = vec![
            Candidate {
                a: 0,
                b: 2,
                pair: pair(0.6, None),
            },
            Candidate {
                a: 2,
                b: 3,
                pair: pair(0.95, None),
            },
            Candidate {
                a: 1,
                b: 3,
                pair: pair(0.99, Some("rejected")),
            },
            Candidate {
                a: 1,
                b: 4,
                pair: pair(0.05, Some("accepted")),
            },
        ];
        assert_eq!(clusters_at(&candidates, 5, 0.5), [0, 1, 0, 0, 1]);
        assert_eq!(clusters_at(&candidates, 5, 0.9), [0, 1, 2, 2, 1]);
        let list_of = [0, 0, 1, 2, 2];
        let on = cluster_lists(&list_of, &clusters_at(&candidates, 5, 0.5));
        assert_eq!(on, [(0, vec![0, 1, 2]), (1, vec![0, 2])]);
    }

    #[test]
    fn records_of_one_list_joined_only_through_another_are_chained() {
        // Records 0-2 on list 0, 3-4 on list 1. 0 and 1 are matched to the
        // same record 3 but not to each other: chained. 2 with 4 is one
        // record of each list: not chained.
        let candidates = vec![
            Candidate {
                a: 0,
                b: 3,
                pair: pair(0.9, None),
            },
            Candidate {
                a: 1,
                b: 3,
                pair: pair(0.9, None),
            },
            Candidate {
                a: 0,
                b: 1,
                pair: pair(0.2, None),
            },
            Candidate {
                a: 2,
                b: 4,
                pair: pair(0.9, None),
            },
        ];
        let list_of = [0, 0, 0, 1, 1];
        let roots = clusters_at(&candidates, 5, 0.5);
        assert_eq!(chained_clusters(&candidates, &list_of, &roots, 0.5), 1);
        // The list's own deduplication matching 0 and 1: one child, listed twice.
        let mut deduped = candidates;
        deduped[2].pair = pair(0.8, None);
        let roots = clusters_at(&deduped, 5, 0.5);
        assert_eq!(chained_clusters(&deduped, &list_of, &roots, 0.5), 0);
        // A person's rejection of the within-list pair counts as "two children".
        deduped[2].pair = pair(0.8, Some("rejected"));
        let roots = clusters_at(&deduped, 5, 0.5);
        assert_eq!(chained_clusters(&deduped, &list_of, &roots, 0.5), 1);
    }

    #[test]
    fn ages_are_banded_on_one_date_from_a_birth_date_or_a_stated_age() {
        let on = NaiveDate::from_ymd_opt(2022, 2, 24).unwrap();
        let mut r = Record::new("x");
        assert_eq!(age_on_date(&r, on), None);
        r.age = Some(12);
        assert_eq!(age_on_date(&r, on), None, "an age without its date");
        r.age_at = NaiveDate::from_ymd_opt(2023, 9, 1);
        // 12 on 2023-09-01: born about 2011-03, so 10 on 2022-02-24.
        assert_eq!(age_on_date(&r, on), Some(10));
        r.birth_date = NaiveDate::from_ymd_opt(2008, 2, 25);
        assert_eq!(age_on_date(&r, on), Some(13), "the birth date wins");
        assert_eq!(
            StratumField::AgeBand.value(&r, on).as_deref(),
            Some("10-14")
        );
        r.birth_date = NaiveDate::from_ymd_opt(2023, 1, 1);
        assert_eq!(StratumField::AgeBand.value(&r, on).as_deref(), Some("0-4"));
    }

    #[test]
    fn places_become_gazetteer_names_or_nothing() {
        assert_eq!(
            known_place("м. Лисичанськ, Луганська обл.").as_deref(),
            Some("Lysychansk")
        );
        assert_eq!(known_place("Lisichansk").as_deref(), Some("Lysychansk"));
        assert_eq!(known_place("вул. Невідома 5, кв. 12"), None);
    }

    #[test]
    fn thresholds_are_checked_sorted_and_include_the_estimates_own() {
        assert_eq!(
            spread_thresholds(&[], 0.6).unwrap(),
            [0.3, 0.5, 0.6, 0.7, 0.9]
        );
        assert_eq!(spread_thresholds(&[0.8, 0.5], 0.5).unwrap(), [0.5, 0.8]);
        let err = spread_thresholds(&[1.5], 0.5).unwrap_err().to_string();
        assert!(err.contains("1.5"), "{err}");
        let err = "gender".parse::<StratumField>().unwrap_err().to_string();
        assert!(err.contains("age_band"), "{err}");
    }
}
