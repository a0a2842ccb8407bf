//! The linkage job: encode, block, estimate, score, cluster.
//!
//! [`link`] finds the same child across two registries, [`dedupe`] within
//! one. Both return every pair at or above the report threshold with its
//! probability and per-field reasons, and the clusters of matched records,
//! all named by the registries' own record ids.

use rand_chacha::ChaCha12Rng;
use rand_core::{RngCore, SeedableRng};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::time::Instant;

use crate::blocking::{
    candidate_pairs, is_identifier_column, rules_for, BlockingConfig, Candidates,
};
use crate::cluster::{cluster, pair_key, ClusterOptions};
use crate::compare::{
    fields_for, level_in, Comparator, Comparer, Field, BIRTH_AGE_YEARS_OFF, BIRTH_DIFFERENT,
    BIRTH_SAME_YEAR, BIRTH_WITHIN_DAYS, MISSING, TEXT_DIFFERENT, TEXT_EXACT, TEXT_FORM, TEXT_JW70,
    TEXT_JW88, TEXT_JW92, TEXT_TRANSLITERATION, TEXT_VARIANT,
};
use crate::encode::{Encoded, NONE};
use crate::kept::{Header, KeptPair, KeptPairs};
use crate::list_date::{date_ages, needs_dates};
use crate::model::{
    add_pattern, empty_level_counts, fit_by_rules, mask_pattern, EmOptions, Labelled, LevelCounts,
    Model, RandomPairs, RuleCounts,
};
use crate::record::Record;

/// Everything a linkage job can be tuned by; [`Settings::default`] is meant to work as is.
#[derive(Debug, Clone)]
pub struct Settings {
    pub blocking: BlockingConfig,
    /// A pair is a match at or above this probability.
    pub threshold: f64,
    /// Pairs at or above this probability are reported (those below
    /// `threshold` form the review queue).
    pub report_threshold: f64,
    /// Two clusters with a pair below this probability "clearly differ" and are never merged.
    pub conflict_probability: f64,
    pub max_cluster_size: usize,
    /// Birth dates this many days apart or less count as "within days".
    pub date_within_days: u32,
    /// Slack when checking a stated age against a birth date or another age.
    pub age_slack_days: u32,
    /// Random pairs compared to estimate `u`.
    pub u_sample_pairs: usize,
    pub em_max_iterations: usize,
    pub em_tolerance: f64,
    pub term_frequency: bool,
    /// Seed of the random pair sample (results are deterministic for a seed).
    pub seed: u64,
    /// Pairs a person accepted as the same child (record ids; for `link`, left then right).
    pub accepted: Vec<(String, String)>,
    /// Pairs a person rejected.
    pub rejected: Vec<(String, String)>,
    /// A model fitted before (kept with a linkage, see
    /// [`Model::to_stored`]) to score with instead of estimating one: the
    /// same records then always get the same pairs and clusters, however
    /// the list grew since. Used only when it has the job's fields (see
    /// [`LinkStats::frozen_model`]); otherwise a model is fitted.
    pub model: Option<Model>,
    /// The pairs the last run of this linkage kept ([`LinkResult::kept`]):
    /// with the same model, a run after an append then compares only the
    /// new records with all and with each other, and weighs the kept pairs
    /// again (see [`KeptPairs`]), with the result of a run that compares
    /// every pair. Ignored unless it is of the same records (then, and new
    /// ones after them), settings and model.
    pub kept: Option<KeptPairs>,
    /// Pairs to compare besides those the blocking rules find (record ids;
    /// for `link`, left then right): pairs a third list bridges (see
    /// [`crate::bridged_pairs`]). Each is reported, whatever the report
    /// floor, when its fields together speak for it (its weight above the
    /// prior's), so that [`crate::join`] can weigh the bridge.
    pub compare_also: Vec<(String, String)>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            blocking: BlockingConfig::default(),
            threshold: 0.5,
            report_threshold: 0.1,
            conflict_probability: 0.01,
            max_cluster_size: 50,
            date_within_days: 31,
            age_slack_days: 183,
            u_sample_pairs: 100_000,
            em_max_iterations: 100,
            em_tolerance: 1e-6,
            term_frequency: true,
            seed: 0x5eed,
            accepted: Vec::new(),
            rejected: Vec::new(),
            model: None,
            kept: None,
            compare_also: Vec::new(),
        }
    }
}

impl Settings {
    /// Adds human review decisions: accepted pairs count as known matches
    /// and rejected ones as known non-matches when `m` is re-estimated, and
    /// a rejected pair never ends up in one cluster.
    pub fn with_decisions(
        mut self,
        accepted: &[(String, String)],
        rejected: &[(String, String)],
    ) -> Settings {
        self.accepted.extend_from_slice(accepted);
        self.rejected.extend_from_slice(rejected);
        self
    }
}

/// What one field added to a pair's match weight. `S` is how the field's
/// name is held: owned, or borrowed from its result (see [`PairRef`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldContribution<S = String> {
    pub field: S,
    pub level: &'static str,
    /// log2(m/u) of the level, term-frequency adjustment and the field's
    /// dependence on an earlier one (see [`crate::Dependence`]) included.
    #[serde(serialize_with = "four_decimals")]
    pub weight: f64,
    /// The part of `weight` due to how common the name is, when adjusted.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "four_decimals_or_none"
    )]
    pub term_frequency_adjustment: Option<f64>,
}

/// A scored pair of records, named by their registry ids. `S` is how ids
/// and field names are held: owned, or borrowed from the result
/// ([`PairRef`], for writing a million pairs without copying them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<S = String> {
    pub left: S,
    pub right: S,
    pub probability: f64,
    /// Prior log-odds plus the sum of the field weights, in bits.
    #[serde(serialize_with = "four_decimals")]
    pub match_weight: f64,
    pub fields: Vec<FieldContribution<S>>,
    /// "accepted" or "rejected" when a person decided this pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<&'static str>,
}

/// Weights are written to 1/10,000 of a bit: finer digits are noise of the
/// estimate, and at a million pairs they are a sixth of the output.
fn four_decimals<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((value * 10_000.0).round() / 10_000.0)
}

fn four_decimals_or_none<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => four_decimals(v, serializer),
        None => serializer.serialize_none(),
    }
}

/// Counts that describe a job.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LinkStats {
    pub left_records: usize,
    pub right_records: usize,
    pub candidate_pairs: usize,
    /// Pairs each blocking rule produced (before removing repeats across
    /// rules; after an append, see [`LinkStats::new_records`], those with a
    /// new record).
    pub pairs_per_rule: Vec<(String, usize)>,
    pub distinct_patterns: usize,
    pub reported_pairs: usize,
    pub matched_pairs: usize,
    pub clusters: usize,
    /// Wall seconds of each stage (encode, block, u sample, patterns, EM,
    /// score, cluster; no u sample or EM with a given model), for profiling.
    pub stage_seconds: Vec<(&'static str, f64)>,
    /// Whether the job scored with the model of [`Settings::model`]
    /// instead of fitting one.
    pub frozen_model: bool,
    /// Records appended since the run whose pairs were kept, when the job
    /// compared only those (see [`Settings::kept`]); `None` when it
    /// compared every candidate pair.
    pub new_records: Option<usize>,
    /// Pairs the job kept for the next ([`LinkResult::kept`]).
    pub kept_pairs: usize,
    /// The date taken for the ages of a side ("left", "right" or "records")
    /// whose list gives ages without the date they were stated on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub age_dates: Vec<(&'static str, String)>,
}

/// A pair kept compactly; expanded into a [`Pair`] on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub(crate) left: u32,
    pub(crate) right: u32,
    pub(crate) weight: f64,
    pattern: u64,
    /// Term-frequency adjustments of up to [`TF_FIELDS`] fields (given
    /// name, surname, patronymic).
    tf: [f32; TF_FIELDS],
    /// What the other candidates of either record took off the weight
    /// (bits, ≤ 0; see [`compete`]); included in `weight`.
    competition: f32,
    /// Whether another candidate of either record took part in `competition`.
    rivals: bool,
    /// Whether the pair is held for review (its given names tell two
    /// children apart, see [`Scorer::score_pattern`]): nothing lifts it.
    pub(crate) held: bool,
    /// What the links with other lists added to the weight (bits; see
    /// `joint`); included in `weight`.
    pub(crate) joint: f32,
    pub(crate) decision: Decision,
}

impl Scored {
    /// A pair as its own fields weigh it: nothing taken off by rivals or added by other
    /// lists yet, not held.
    fn new(
        left: u32,
        right: u32,
        weight: f64,
        pattern: u64,
        tf: [f32; TF_FIELDS],
        decision: Decision,
    ) -> Self {
        Scored {
            left,
            right,
            weight,
            pattern,
            tf,
            competition: 0.0,
            rivals: false,
            held: false,
            joint: 0.0,
            decision,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    None,
    Accepted,
    Rejected,
}

/// The result of [`link`] or [`dedupe`].
#[derive(Debug, Clone)]
pub struct LinkResult {
    pub model: Model,
    pub stats: LinkStats,
    pub threshold: f64,
    ids: Vec<String>,
    pub(crate) left_len: usize,
    pub(crate) linking: bool,
    pub(crate) scored: Vec<Scored>,
    tf_fields: [Option<usize>; TF_FIELDS],
    pub(crate) clusters: Vec<Vec<u32>>,
    /// Per record: index of its cluster in `clusters`, or `NONE` when alone.
    pub(crate) cluster_of: Vec<u32>,
    /// Whether the link was read together with links to other lists
    /// (`joint`): its pairs then list the "other lists" contribution.
    pub(crate) joined: bool,
    /// The pairs to give the next run of this linkage
    /// ([`Settings::kept`]), with the model the job scored with.
    pub kept: Option<KeptPairs>,
}

pub(crate) fn probability_of(weight: f64) -> f64 {
    1.0 / (1.0 + (-weight).exp2())
}

impl LinkResult {
    /// Reported pairs, strongest first.
    pub fn pairs(&self) -> impl Iterator<Item = Pair> + '_ {
        self.scored.iter().map(|s| self.expand(s))
    }

    pub fn pair_count(&self) -> usize {
        self.scored.len()
    }

    /// Matched pairs, as `(left, right, probability)` indices: for `link`,
    /// into the left and right registries; for `dedupe`, both into the one
    /// registry. A matched pair is at or above the match threshold (or
    /// accepted by a person) and its records ended in the same cluster: a
    /// pair the chaining guard kept apart is not a match.
    pub fn matches(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        self.scored
            .iter()
            .filter(|s| self.is_match(s) && self.same_cluster(s.left, s.right))
            .map(|s| {
                (
                    s.left as usize,
                    self.side_index(s.right),
                    probability_of(s.weight),
                )
            })
    }

    /// Pairs for human review: reported, undecided and below the match threshold.
    pub fn review_queue(&self) -> impl Iterator<Item = Pair> + '_ {
        self.scored
            .iter()
            .filter(|s| s.decision == Decision::None && probability_of(s.weight) < self.threshold)
            .map(|s| self.expand(s))
    }

    /// Clusters of two or more records, by record id.
    pub fn clusters(&self) -> Vec<Vec<String>> {
        self.clusters
            .iter()
            .map(|c| c.iter().map(|&r| self.ids[r as usize].clone()).collect())
            .collect()
    }

    /// The names of the contributions a pair may list, in their order: the
    /// model's fields, then, for a link, "other candidates" (absent from
    /// the pairs a person decided).
    pub fn contribution_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.model.fields.iter().map(|f| f.field.as_str()).collect();
        if self.linking {
            names.push(COMPETITION_FIELD);
        }
        if self.joined {
            names.push(crate::joint::JOINT_FIELD);
        }
        names
    }

    /// Every record's registry id, by index into the concatenation left ++ right.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Clusters as record indices into the concatenation left ++ right.
    pub fn cluster_indices(&self) -> &[Vec<u32>] {
        &self.clusters
    }

    fn side_index(&self, record: u32) -> usize {
        if self.linking {
            record as usize - self.left_len
        } else {
            record as usize
        }
    }

    fn same_cluster(&self, a: u32, b: u32) -> bool {
        let cluster = self.cluster_of[a as usize];
        cluster != NONE && cluster == self.cluster_of[b as usize]
    }

    fn is_match(&self, s: &Scored) -> bool {
        match s.decision {
            Decision::Accepted => true,
            Decision::Rejected => false,
            Decision::None => probability_of(s.weight) >= self.threshold,
        }
    }

    fn expand(&self, s: &Scored) -> Pair {
        self.view(s).to_owned()
    }

    fn view<'a>(&'a self, s: &Scored) -> PairRef<'a> {
        let fields = self
            .model
            .fields
            .iter()
            .enumerate()
            .map(|(f, field)| {
                let level = &field.levels[level_in(s.pattern, f) as usize];
                let tf = self
                    .tf_fields
                    .iter()
                    .position(|&t| t == Some(f))
                    .map(|k| f64::from(s.tf[k]))
                    .filter(|adj| *adj != 0.0);
                FieldContribution {
                    field: field.field.as_str(),
                    level: level.level,
                    weight: level.weight
                        + tf.unwrap_or(0.0)
                        + self.model.dependence_of(s.pattern, f),
                    term_frequency_adjustment: tf,
                }
            })
            .chain(
                (self.linking && s.decision == Decision::None).then(|| FieldContribution {
                    field: COMPETITION_FIELD,
                    level: if s.rivals {
                        COMPETITION_RIVALS
                    } else {
                        COMPETITION_ALONE
                    },
                    weight: f64::from(s.competition),
                    term_frequency_adjustment: None,
                }),
            )
            .chain(
                (self.joined && s.decision == Decision::None).then(|| FieldContribution {
                    field: crate::joint::JOINT_FIELD,
                    level: crate::joint::level_of(s.joint),
                    weight: f64::from(s.joint),
                    term_frequency_adjustment: None,
                }),
            )
            .collect();
        Pair {
            left: self.ids[s.left as usize].as_str(),
            right: self.ids[s.right as usize].as_str(),
            probability: probability_of(s.weight),
            match_weight: s.weight,
            fields,
            decision: match s.decision {
                Decision::None => None,
                Decision::Accepted => Some("accepted"),
                Decision::Rejected => Some("rejected"),
            },
        }
    }

    /// The bits a pair's fields speak against it: the sum of the fields'
    /// contributions that are negative (a patronymic or a birth date that
    /// differs), zero when none is. See `joint`: a third list that bridges
    /// the pair vouches for what its records agree on, not for this.
    pub(crate) fn disagreement(&self, s: &Scored) -> f64 {
        self.model
            .fields
            .iter()
            .enumerate()
            .map(|(f, field)| {
                let Some(level) = field.levels.get(level_in(s.pattern, f) as usize) else {
                    return 0.0;
                };
                let tf = self
                    .tf_fields
                    .iter()
                    .position(|&t| t == Some(f))
                    .map_or(0.0, |k| f64::from(s.tf[k]));
                (level.weight + tf + self.model.dependence_of(s.pattern, f)).min(0.0)
            })
            .sum()
    }

    /// Reported pair `k` (in the order of [`LinkResult::pairs`]) as a
    /// [`PairRef`] when it is a match (at or above
    /// the threshold, or accepted by a person; the chaining guard aside, as
    /// for [`Pair`]s): what `link --json` writes, without copying ids.
    pub fn matched_pair_ref(&self, k: usize) -> Option<PairRef<'_>> {
        self.scored
            .get(k)
            .filter(|s| self.is_match(s))
            .map(|s| self.view(s))
    }
}

#[cfg(test)]
impl LinkResult {
    /// A link of `left` and `right` records (ids: the list's name, then
    /// the index) whose reported pairs are `pairs` (left index, right
    /// index, probability), each matched pair of two free records its own
    /// cluster: for tests of what reads links.
    pub(crate) fn constructed(
        (left_name, left): (&str, usize),
        (right_name, right): (&str, usize),
        pairs: &[(u32, u32, f64)],
    ) -> LinkResult {
        let ids: Vec<String> = (0..left)
            .map(|k| format!("{left_name}{k}"))
            .chain((0..right).map(|k| format!("{right_name}{k}")))
            .collect();
        let mut scored: Vec<Scored> = pairs
            .iter()
            .map(|&(l, r, p)| {
                Scored::new(
                    l,
                    left as u32 + r,
                    (p / (1.0 - p)).log2(),
                    0,
                    [0.0; TF_FIELDS],
                    Decision::None,
                )
            })
            .collect();
        scored.sort_unstable_by(|a, b| b.weight.total_cmp(&a.weight));
        let mut result = LinkResult {
            model: Model {
                fields: Vec::new(),
                lambda: 0.0,
                em_iterations: 0,
                em_converged: true,
                u_sample_pairs: 0,
                records: left + right,
                block_windows: Vec::new(),
                dependences: Vec::new(),
                rule_fits: Vec::new(),
            },
            stats: LinkStats::default(),
            threshold: 0.5,
            ids,
            left_len: left,
            linking: true,
            scored,
            tf_fields: [None; TF_FIELDS],
            clusters: Vec::new(),
            cluster_of: vec![NONE; left + right],
            joined: false,
            kept: None,
        };
        crate::joint::recluster(&mut result);
        result
    }
}

/// A reported pair borrowed from its [`LinkResult`]: serializes exactly as
/// the owned [`Pair`] it stands for.
pub type PairRef<'a> = Pair<&'a str>;

impl PairRef<'_> {
    pub fn to_owned(&self) -> Pair {
        Pair {
            left: self.left.to_string(),
            right: self.right.to_string(),
            probability: self.probability,
            match_weight: self.match_weight,
            fields: self
                .fields
                .iter()
                .map(|f| FieldContribution {
                    field: f.field.to_string(),
                    level: f.level,
                    weight: f.weight,
                    term_frequency_adjustment: f.term_frequency_adjustment,
                })
                .collect(),
            decision: self.decision,
        }
    }
}

/// Finds records of the same child across two registries (up to 2^26
/// records in all: pair and rule index share one 64-bit word in blocking).
/// Ages without the date they were stated on are dated first (see
/// `list_date`), on copies of the records.
pub fn link(left: &[Record], right: &[Record], settings: &Settings) -> LinkResult {
    let started = Instant::now();
    if needs_dates(left) || needs_dates(right) {
        return link_owned(left.to_vec(), right.to_vec(), settings);
    }
    run(Encoded::new(left, right), settings, started, Vec::new())
}

/// As [`link`], taking the records so that their memory is freed once
/// they are encoded (for large registries: a third less memory at peak).
pub fn link_owned(
    mut left: Vec<Record>,
    mut right: Vec<Record>,
    settings: &Settings,
) -> LinkResult {
    let started = Instant::now();
    let mut dates = Vec::new();
    if let Some(date) = date_ages(&mut left, &[&right]) {
        dates.push(("left", date.to_string()));
    }
    if let Some(date) = date_ages(&mut right, &[&left]) {
        dates.push(("right", date.to_string()));
    }
    run(Encoded::from_owned(left, right), settings, started, dates)
}

/// Finds records of the same child within one registry.
pub fn dedupe(records: &[Record], settings: &Settings) -> LinkResult {
    let started = Instant::now();
    if needs_dates(records) {
        return dedupe_owned(records.to_vec(), settings);
    }
    run(Encoded::new(records, &[]), settings, started, Vec::new())
}

/// As [`dedupe`], taking the records (see [`link_owned`]).
pub fn dedupe_owned(mut records: Vec<Record>, settings: &Settings) -> LinkResult {
    let started = Instant::now();
    let mut dates = Vec::new();
    if needs_dates(&records) {
        let dated: Vec<Record> = records
            .iter()
            .filter(|r| r.birth_date.is_some())
            .cloned()
            .collect();
        if let Some(date) = date_ages(&mut records, &[&dated]) {
            dates.push(("records", date.to_string()));
        }
    }
    run(
        Encoded::from_owned(records, Vec::new()),
        settings,
        started,
        dates,
    )
}

/// Scores pairs under a fitted model.
struct Scorer<'a> {
    comparer: Comparer<'a>,
    model: &'a Model,
    pattern_weights: FxHashMap<u64, f64>,
    tf_fields: [Option<usize>; TF_FIELDS],
    /// The given-name field, its text column, and the weight a pair whose
    /// given names differ outright is held to (see [`Scorer::score_pattern`]).
    given_veto: Option<(usize, usize, f64)>,
    /// Fields of identifier columns (document numbers): agreeing on one
    /// lifts the hold on differing given names (a list may write a child's
    /// other name; siblings never share a document).
    identifier_fields: Vec<usize>,
    /// The birth field, the levels at which two birth dates tell two
    /// children apart, and the weight such a pair is held to (see
    /// [`Scorer::held_at`]).
    birth_veto: Option<(usize, &'static [u8], f64)>,
    /// In a link: how many records give each birth day, and how many give
    /// one (see [`Scorer::same_list_weight`]); empty for a dedupe.
    day_counts: FxHashMap<i32, u32>,
    dated: u32,
}

impl Scorer<'_> {
    fn tf_adjustments(&self, pattern: u64, i: usize, j: usize) -> [f32; TF_FIELDS] {
        let mut out = [0f32; TF_FIELDS];
        for (k, f) in self.tf_fields.iter().enumerate() {
            let Some(f) = *f else { continue };
            let level = level_in(pattern, f);
            if ![TEXT_EXACT, TEXT_TRANSLITERATION, TEXT_FORM, TEXT_VARIANT].contains(&level) {
                continue;
            }
            let Comparator::Text { column, .. } = self.comparer.fields[f].comparator else {
                continue;
            };
            let encoded = self.comparer.encoded;
            let col = &encoded.text[column];
            // A level reached through a former surname says nothing of how
            // common the current ones are.
            if !col.former.is_empty() && (col.former_of(i) != NONE || col.former_of(j) != NONE) {
                continue;
            }
            // Read from the interleaved ids, which the scoring loop prefetches.
            let ((ri, ki), (rj, kj)) = (encoded.text_pair(i, column), encoded.text_pair(j, column));
            if ki == NONE || kj == NONE {
                continue;
            }
            // Agreement as written is judged by how common the written
            // value is; agreement on the key by how common the key is.
            // Agreement as a name variant by how common the shared variant
            // (sound key, name group) is, as a surname form by how common
            // the form is. A weaker level means "agree this way but not in
            // a stronger one", so the records that would agree more
            // strongly (the same key, the same written value) are not
            // chances of agreeing at this level: Коваленко against
            // Каваленка is judged by the other spellings of the form, not
            // by every Коваленко. For a form, the rarer of the two sides'
            // stronger shares is taken out, so the estimate errs towards
            // common; for a variant, see below.
            let (key_i, key_j) = (col.key_frequency(ki), col.key_frequency(kj));
            let one_record = 1.0 / f64::from(col.present.max(1));
            let beyond_key = |shared: f64| (shared - key_i.min(key_j)).max(one_record);
            let frequency = if level == TEXT_EXACT {
                col.raw_frequency(ri).max(col.raw_frequency(rj))
            } else if level == TEXT_VARIANT {
                // The chance of agreeing so seen from each side (the
                // group beyond each record's own key) differs most for a
                // rare diminutive of a common name (Савушка / Savelii):
                // the geometric mean of the two, not the commoner alone.
                match col.shared_variant(ki, kj) {
                    Some(v) => {
                        let shared = col.variant_frequency(v);
                        let side = |key: f64| (shared - key).max(one_record);
                        (side(key_i) * side(key_j)).sqrt()
                    }
                    None => continue,
                }
            } else if level == TEXT_FORM {
                match col.shared_form(ki, kj) {
                    Some(v) => beyond_key(col.form_frequency(v)),
                    None => continue,
                }
            } else {
                let written = col.raw_frequency(ri).min(col.raw_frequency(rj));
                (key_i.max(key_j) - written).max(one_record)
            };
            let u_level = self.model.fields[f].levels[level as usize].u;
            out[k] = (u_level / frequency).log2() as f32;
        }
        out
    }

    fn weight_of_pattern(&self, pattern: u64) -> f64 {
        match self.pattern_weights.get(&pattern) {
            Some(&w) => w,
            None => self.model.prior_weight() + self.model.pattern_weight(pattern),
        }
    }

    fn score(&self, i: usize, j: usize) -> (f64, u64, [f32; TF_FIELDS]) {
        let pattern = self.comparer.pattern(i, j);
        self.score_pattern(pattern, i, j)
    }

    /// A pair's weight. Two records whose given names are both known names
    /// of different groups (not a variant, diminutive, swap or slip of one
    /// another: Нестор and Добромир, not a misspelt Olena) are held at the
    /// report threshold however much else agrees: they are the brothers
    /// and sisters of one family (same surname, patronymic, town, even
    /// birth date for twins), whom the independent fields of the model
    /// would otherwise call one child. Such a pair waits for a person in
    /// the review queue.
    fn score_pattern(&self, pattern: u64, i: usize, j: usize) -> (f64, u64, [f32; TF_FIELDS]) {
        let tf = self.tf_adjustments(pattern, i, j);
        let mut weight =
            self.weight_of_pattern(pattern) + tf.iter().map(|&t| f64::from(t)).sum::<f64>();
        if let Some(held) = self.held_at(pattern, i, j) {
            weight = weight.min(held);
        }
        (weight, pattern, tf)
    }

    /// Whether two records of a link come from the same list.
    fn same_side(&self, i: usize, j: usize) -> bool {
        let encoded = self.comparer.encoded;
        encoded.is_link() && (i < encoded.left_len) == (j < encoded.left_len)
    }

    /// The weight of a pair of any two records: for two records of one list
    /// in a link, [`Scorer::same_list_weight`].
    fn any_weight(&self, i: usize, j: usize) -> f64 {
        if self.same_side(i, j) {
            self.same_list_weight(i, j)
        } else {
            self.score(i, j).0
        }
    }

    /// The weight of two records of the same list under a model fitted on
    /// pairs across two lists, for telling a duplicate from a namesake (see
    /// [`compete`], and the clustering guard). The cross-list model knows
    /// some levels only by name: across scripts "exact as written" never
    /// happens, so its `u` is a pseudo-count and its term-frequency
    /// adjustment (that `u` over the name's frequency) would count two
    /// identical records as strangers; two ages, or two birth dates, may
    /// never have been compared. So, within one list, agreement as written
    /// or by key is one level (its `m` the two levels' together, its `u`
    /// the key's own frequency for names), a level that no random pair
    /// showed counts as the nearest one that was seen (two dates as a date
    /// against an age, two ages as an age against a date), or as nothing.
    fn same_list_weight(&self, i: usize, j: usize) -> f64 {
        let pattern = self.comparer.pattern(i, j);
        let encoded = self.comparer.encoded;
        let model = self.model;
        let seen_in = |levels: &[crate::model::LevelModel], level: u8| {
            let level = level as usize;
            level < levels.len()
                && (model.u_sample_pairs == 0
                    || levels[level].u * (model.u_sample_pairs + levels.len()) as f64 >= 1.5)
        };
        let tf = self.tf_adjustments(pattern, i, j);
        let mut weight = model.prior_weight();
        for (f, field) in self.comparer.fields.iter().enumerate() {
            let level = level_in(pattern, f);
            let levels = &model.fields[f].levels;
            if level == MISSING || usize::from(level) >= levels.len() {
                continue;
            }
            weight += match field.comparator {
                Comparator::Text { column, .. }
                    if level == TEXT_EXACT || level == TEXT_TRANSLITERATION =>
                {
                    let m = levels[usize::from(TEXT_EXACT)].m
                        + levels[usize::from(TEXT_TRANSLITERATION)].m;
                    let u = if field.term_frequency {
                        let key = encoded.text_pair(i, column).1;
                        encoded.text[column].key_frequency(key)
                    } else {
                        levels[usize::from(TEXT_EXACT)].u
                            + levels[usize::from(TEXT_TRANSLITERATION)].u
                    };
                    if m > 0.0 && u > 0.0 {
                        (m / u).log2()
                    } else {
                        0.0
                    }
                }
                Comparator::Text { .. } => {
                    if seen_in(levels, level) {
                        let adjusted = self.tf_fields.iter().position(|&t| t == Some(f));
                        levels[usize::from(level)].weight
                            + adjusted.map_or(0.0, |k| f64::from(tf[k]))
                    } else {
                        0.0
                    }
                }
                Comparator::Birth if level == 1 && !seen_in(levels, level) => {
                    // The same birth date, never compared across the lists
                    // (one of them gives ages): as likely in a duplicate as
                    // a consistent age, and by chance as often as the date
                    // recurs among the records.
                    let m = levels.get(6).map_or(0.0, |l| l.m);
                    let day = encoded.birth[i].day;
                    let share = f64::from(self.day_counts.get(&day).copied().unwrap_or(1))
                        / f64::from(self.dated.max(1));
                    if m > 0.0 {
                        (m / share).log2()
                    } else {
                        0.0
                    }
                }
                Comparator::Birth => {
                    let level = if seen_in(levels, level) {
                        level
                    } else {
                        self.comparer.birth_level_as_age(i, j, level)
                    };
                    if seen_in(levels, level) {
                        levels[usize::from(level)].weight
                    } else {
                        0.0
                    }
                }
                Comparator::Sex => levels[usize::from(level)].weight,
            };
        }
        weight += model.dependences_weight(pattern);
        match self.held_at(pattern, i, j) {
            Some(held) => weight.min(held),
            None => weight,
        }
    }

    /// Whether an identifier column (a document number) agrees in
    /// `pattern`: siblings never share a document, so such a pair is never
    /// held.
    fn identified(&self, pattern: u64) -> bool {
        self.identifier_fields
            .iter()
            .any(|&g| matches!(level_in(pattern, g), TEXT_EXACT | TEXT_TRANSLITERATION))
    }

    /// The weight a pair is held to when its given names tell two children
    /// apart (see [`Scorer::score_pattern`]).
    fn held_at(&self, pattern: u64, i: usize, j: usize) -> Option<f64> {
        if let Some((f, column, held)) = self.given_veto {
            // Known names of different groups that are merely alike in
            // spelling (Наталья / Василиса, Борис / Гордій) are as much
            // two children as outright different ones: a slip in a known
            // name seldom lands on another group's name without being a
            // single edit away (Єгор / Ігор stays "one edit apart").
            if matches!(
                level_in(pattern, f),
                TEXT_DIFFERENT | TEXT_JW70 | TEXT_JW88 | TEXT_JW92
            ) {
                let encoded = self.comparer.encoded;
                let col = &encoded.text[column];
                let (ki, kj) = (
                    encoded.text_pair(i, column).1,
                    encoded.text_pair(j, column).1,
                );
                if col.is_known_name(ki) && col.is_known_name(kj) && !self.identified(pattern) {
                    return Some(held);
                }
            }
        }
        if let Some((f, levels, held)) = self.birth_veto {
            let level = level_in(pattern, f);
            let encoded = self.comparer.encoded;
            // The days are read only at the levels where both dates are known.
            let (a, b) = (encoded.birth[i].day, encoded.birth[j].day);
            let two_children = levels.contains(&level)
                && match level {
                    // A year written wrong is a slip, not another child.
                    BIRTH_DIFFERENT => !a_year_apart(a, b, self.comparer.within_days),
                    // A day a few out, or a month and a day or two, is a slip.
                    BIRTH_WITHIN_DAYS => {
                        let apart = (a - b).abs();
                        apart > DAYS_OF_A_SLIP && (apart - 30).abs() > DAYS_OF_A_SLIP
                    }
                    _ => true,
                };
            if two_children && !self.identified(pattern) {
                return Some(held);
            }
        }
        None
    }
}

/// The birth levels at which a pair is held for review, however much its
/// names agree (see [`Scorer::held_at`]). A list holds namesakes: cousins
/// named after one grandparent, born in one town, often with one
/// patronymic, and the model, reading each field as independent evidence,
/// adds up full names that agree to far more than one disagreeing date
/// takes off (a wholly different date weighs −4 bits against +30 for the
/// names: its `m` is capped at a twentieth of matches, session 26, since EM
/// reads the namesake families as matches). Within one list (a dedupe) a
/// child's records copy one document's date, so dates of different days,
/// months and years ("different"), two slips in one date ("same year"), an
/// age years off the date, or dates within the window that no slip explains
/// ([`DAYS_OF_A_SLIP`]) are namesakes: on gen5's and gen4's Latin
/// lists these were 300 of 850 wrong pairs and 5 of 6,600 right ones.
/// Across two lists nothing is held: a child may stand under a reissued
/// date (gen4's Russian placement list, a child re-registered there), and
/// holding wholly different dates there lost a true pair for every false
/// one taken out; nor an age years off, since a list may give each child's
/// age at its own date of placement, which the list's one estimated date
/// does not know (gen6's placement list: holding it cost a fifth of that
/// list's true pairs on seeds 11–14 and took out no false one).
fn birth_veto_levels(link: bool) -> &'static [u8] {
    if link {
        &[]
    } else {
        &[
            BIRTH_DIFFERENT,
            BIRTH_SAME_YEAR,
            BIRTH_AGE_YEARS_OFF,
            BIRTH_WITHIN_DAYS,
        ]
    }
}

/// The most days that two dates of one child in one list are apart, or
/// off a month (30 days), when no digit slip explains them: a day written
/// a few out, a month and a day or two. Namesakes of one list born in one
/// month fall anywhere in it: in a dedupe, dates 5 to 25 days apart are
/// held as two children (gen5's Latin list: dates 5 to 29 days apart were
/// 63 false pairs and 2 true ones, 0 to 4 days 11 false and 24 true; on
/// gen2's Latin list the true pairs 25 to 34 days apart were a month and
/// a day or two out).
const DAYS_OF_A_SLIP: i32 = 4;

/// Whether two birth days (days since year 1) are a year apart, give or
/// take `within_days`: a year written wrong (2019 for 2020 changes two
/// digits, so it is no "one digit" slip), or a date reckoned from an age
/// with the birthday a few days out. A list's namesakes seldom fall so
/// (cousins' dates spread over every day of several years), so such a
/// pair is not held; on gen4's and gen2's Latin lists holding it lost true
/// pairs and no false one.
fn a_year_apart(a: i32, b: i32, within_days: i32) -> bool {
    ((a - b).abs() - 365).abs() <= within_days
}

/// The most a record's chance of having a match in the other list is
/// taken to be (the lift of [`unmatched_lift`] stays under log2(10) bits).
const MAX_MATCHED_SHARE: f64 = 0.9;

/// Bits added to every pair of a link for what the pair model leaves out:
/// with a prior λ per random pair, a record of one list has a match in the
/// other with chance π = λ·n (n the other list's size), and the odds that
/// `a` is `b` rather than that `a` has no match at all are O(a,b) / (1 − π)
/// (competitors aside, see [`compete`]). The smaller π of the two sides is
/// taken, so the lift errs low.
fn unmatched_lift(lambda: f64, (left, right): (usize, usize)) -> f64 {
    let share = (lambda * left.min(right) as f64).clamp(0.0, MAX_MATCHED_SHARE);
    -(1.0 - share).log2()
}

/// The explanation entry of [`compete`]'s adjustment.
const COMPETITION_FIELD: &str = "other candidates";
const COMPETITION_RIVALS: &str = "other records fit too";
const COMPETITION_ALONE: &str = "no other record fits";

/// The least rivalry (odds taken off, as a share of 1) that an explanation
/// names: a duplicate of the other record is a rival only by a hair.
const RIVALS_SHOWN: f64 = 0.05;

/// Rounds of the fixed point that reads the share of matched records.
const MAX_SHARE_ROUNDS: usize = 20;

/// The least probability at which a pair counts as taking its records
/// from their other candidates (see [`compete`]).
const TAKEN_AT: f64 = 0.2;

/// Candidates of one record considered as its competitors (the strongest).
const MAX_COMPETITORS: usize = 16;

/// Linking two lists, a child is in each list once, or a few times as
/// duplicates. The pair model scores every pair on its own, so a camp-list
/// record named like two children of the other list (namesakes, siblings
/// written alike) scores high with both. Read as one assignment, the
/// chance that `a` is `b` is shared with every other record `b′` that fits
/// `a` (and every `a′` that fits `b`): the posterior odds of `a ~ b`
/// become O(a,b) / (1 + Σ O(a,b′)·P(b′ ≠ b) + Σ O(a′,b)·P(a′ ≠ a)), where
/// P(b′ ≠ b) is how unlike the two competitors are to each other by the
/// same model (two records of one child in one list do not compete: a
/// duplicate keeps both its pairs). A pair without rivals keeps its
/// weight. No parameter is fitted; the competitors are the reported pairs
/// (below the report floor their odds are under 1/9).
fn compete(scored: &mut [Scored], scorer: &Scorer<'_>, sides: (usize, usize)) {
    let mut by_record: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (k, s) in scored.iter().enumerate() {
        by_record.entry(s.left).or_default().push(k);
        by_record.entry(s.right).or_default().push(k);
    }
    for list in by_record.values_mut() {
        list.sort_unstable_by(|&x, &y| scored[y].weight.total_cmp(&scored[x].weight));
        list.truncate(MAX_COMPETITORS);
    }
    let lift = unmatched_lift(scorer.model.lambda, sides);
    // Weights before any adjustment, so that the order of pairs is moot.
    let weights: Vec<f64> = scored.iter().map(|s| s.weight).collect();
    // The odds that the rivals of `s` at its record `own` take from it, each
    // rival weighed by `free(rival, own)`, the share of it still unclaimed.
    let rivalry_of = |s: &Scored, own: u32, free: &dyn Fn(u32, u32) -> f64| -> f64 {
        let other = if own == s.left { s.right } else { s.left };
        let Some(list) = by_record.get(&own) else {
            return 0.0;
        };
        list.iter()
            .map(|&k| {
                let c = &scored[k];
                let rival = if c.left == own { c.right } else { c.left };
                if rival == other || c.decision == Decision::Rejected {
                    return 0.0;
                }
                let distinct =
                    1.0 - probability_of(scorer.any_weight(rival as usize, other as usize));
                weights[k].exp2() * distinct * free(rival, own)
            })
            .sum()
    };
    let rivalry = |s: &Scored, own: u32| -> f64 { rivalry_of(s, own, &|_, _| 1.0) };
    let rivalries: Vec<Option<f64>> = scored
        .par_iter()
        .map(|s| (s.decision == Decision::None).then(|| rivalry(s, s.left) + rivalry(s, s.right)))
        .collect();
    let adjustment = |rivalry: f64, lift: f64| lift - (1.0 + rivalry * lift.exp2()).log2();
    // The share of matched records, read from the pairs themselves: the
    // expected number of matches is the sum of their probabilities, which
    // depends on the share; a few rounds of this fixed point settle it.
    let smaller = sides.0.min(sides.1).max(1) as f64;
    let mut lift = lift;
    for _ in 0..MAX_SHARE_ROUNDS {
        let expected: f64 = scored
            .iter()
            .zip(&rivalries)
            .map(|(s, r)| match (s.decision, r) {
                (Decision::Accepted, _) => 1.0,
                (Decision::Rejected, _) => 0.0,
                (_, Some(r)) => probability_of(s.weight + adjustment(*r, lift)),
                (_, None) => probability_of(s.weight),
            })
            .sum();
        let share = (expected / smaller).clamp(0.0, MAX_MATCHED_SHARE);
        let next = -(1.0 - share).log2();
        let settled = (next - lift).abs() < 0.01;
        lift = next;
        if settled {
            break;
        }
    }
    // One assignment also means a rival already matched to another record
    // is no rival: each record's chance of being taken by a record other
    // than the pair's own (one round of the assignment's mean field, with
    // the probabilities just read), and the rivalries weighed again with
    // what of each rival is still free.
    let first: Vec<f64> = scored
        .iter()
        .zip(&rivalries)
        .map(|(s, r)| match (s.decision, r) {
            (Decision::Accepted, _) => 1.0,
            (Decision::Rejected, _) => 0.0,
            (_, Some(r)) => probability_of(s.weight + adjustment(*r, lift)),
            (_, None) => probability_of(s.weight),
        })
        .collect();
    let taken = |rival: u32, own: u32| -> f64 {
        let Some(list) = by_record.get(&rival) else {
            return 0.0;
        };
        let taken: f64 = list
            .iter()
            .filter(|&&k| first[k] >= TAKEN_AT)
            .map(|&k| {
                let c = &scored[k];
                let taker = if c.left == rival { c.right } else { c.left };
                if taker == own {
                    return 0.0;
                }
                // A duplicate of the pair's own record taking the rival
                // leaves it a rival.
                let distinct =
                    1.0 - probability_of(scorer.any_weight(taker as usize, own as usize));
                first[k] * distinct
            })
            .sum();
        taken.min(1.0)
    };
    let free_rivalry =
        |s: &Scored, own: u32| -> f64 { rivalry_of(s, own, &|rival, own| 1.0 - taken(rival, own)) };
    let rivalries: Vec<Option<f64>> = scored
        .par_iter()
        .zip(&rivalries)
        .map(|(s, r)| {
            r.map(|r| {
                if r * lift.exp2() < RIVALS_SHOWN {
                    r
                } else {
                    free_rivalry(s, s.left) + free_rivalry(s, s.right)
                }
            })
        })
        .collect();
    let adjustments: Vec<(f64, bool, bool)> = rivalries
        .par_iter()
        .zip(scored.par_iter())
        .map(|(r, s)| match r {
            Some(r) => {
                let mut adjustment = adjustment(*r, lift);
                // A pair held for review stays held: no lift takes it out.
                let (i, j) = (s.left as usize, s.right as usize);
                let held = scorer.held_at(s.pattern, i, j).is_some();
                if adjustment > 0.0 && held {
                    adjustment = 0.0;
                }
                (adjustment, *r * lift.exp2() >= RIVALS_SHOWN, held)
            }
            None => (0.0, false, false),
        })
        .collect();
    for (s, (adjustment, rivals, held)) in scored.iter_mut().zip(adjustments) {
        s.weight += adjustment;
        s.competition = adjustment as f32;
        s.rivals = rivals;
        s.held = held;
    }
}

/// Random pairs for `u`: across the two sides when linking, any two records when deduplicating.
fn random_pairs(encoded: &Encoded, wanted: usize, seed: u64) -> Vec<(u32, u32)> {
    let n = encoded.len();
    let (left, right) = if encoded.is_link() {
        (encoded.left_len, n - encoded.left_len)
    } else {
        (n, n)
    };
    if left == 0 || right == 0 || n < 2 {
        return Vec::new();
    }
    let possible = if encoded.is_link() {
        left as u128 * right as u128
    } else {
        n as u128 * (n as u128 - 1) / 2
    };
    let wanted = (wanted as u128).min(possible) as usize;
    // Deterministic for a seed: the same records always give the same model.
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    let mut pairs = Vec::with_capacity(wanted);
    while pairs.len() < wanted {
        let i = index_below(&mut rng, left);
        let j = if encoded.is_link() {
            encoded.left_len + index_below(&mut rng, right)
        } else {
            index_below(&mut rng, n)
        };
        if i != j {
            pairs.push((i as u32, j as u32));
        }
    }
    pairs
}

/// A uniform index in `0..n` (`n > 0`), drawn exactly as rand 0.8's
/// `gen_range(0..n)` draws a `usize` on 64-bit targets (a widening multiply
/// with a conservative rejection zone), so that a seed gives the same `u`
/// sample, and the same model, as the figures published with rand.
fn index_below(rng: &mut ChaCha12Rng, n: usize) -> usize {
    let range = n as u64;
    let zone = (range << range.leading_zeros()).wrapping_sub(1);
    loop {
        let wide = u128::from(rng.next_u64()) * u128::from(range);
        if wide as u64 <= zone {
            return (wide >> 64) as usize;
        }
    }
}

fn index_decisions(encoded: &Encoded, decisions: &[(String, String)]) -> Vec<(u32, u32)> {
    if decisions.is_empty() {
        return Vec::new();
    }
    let (left_ids, right_ids): (FxHashMap<&str, u32>, FxHashMap<&str, u32>) = {
        let index = |range: std::ops::Range<usize>| {
            range
                .map(|r| (encoded.ids[r].as_str(), r as u32))
                .collect::<FxHashMap<_, _>>()
        };
        if encoded.is_link() {
            (
                index(0..encoded.left_len),
                index(encoded.left_len..encoded.len()),
            )
        } else {
            let all = index(0..encoded.len());
            (all.clone(), all)
        }
    };
    decisions
        .iter()
        .filter_map(|(a, b)| {
            let direct = left_ids.get(a.as_str()).zip(right_ids.get(b.as_str()));
            let swapped = left_ids.get(b.as_str()).zip(right_ids.get(a.as_str()));
            direct.or(swapped).map(|(&i, &j)| (i, j))
        })
        .filter(|(i, j)| i != j)
        .collect()
}

/// Estimates the model of a job (see `model`): `u` from random pairs, `m`
/// per blocking rule by EM on the pattern counts, and the prior.
#[allow(clippy::too_many_arguments)]
fn estimate(
    encoded: &Encoded,
    settings: &Settings,
    fields: &[Field],
    comparer: &Comparer<'_>,
    candidates: &Candidates,
    patterns: &[u64],
    pattern_counts: &FxHashMap<u64, f64>,
    decided: &FxHashMap<u64, Decision>,
    labelled: &Labelled,
    clock: &mut StageClock,
) -> Model {
    // u from random pairs.
    let sample: Vec<u64> = random_pairs(encoded, settings.u_sample_pairs, settings.seed)
        .par_iter()
        .map(|&(i, j)| comparer.pattern(i as usize, j as usize))
        .collect();
    let u_counts: LevelCounts = sample
        .par_iter()
        .fold(
            || empty_level_counts(fields),
            |mut counts, &pattern| {
                add_pattern(&mut counts, pattern, 1.0);
                counts
            },
        )
        .reduce(
            || empty_level_counts(fields),
            |mut a, b| {
                for (fa, fb) in a.iter_mut().zip(b) {
                    for (x, y) in fa.iter_mut().zip(fb) {
                        *x += y;
                    }
                }
                a
            },
        );
    let u_sample_pairs = sample.len();
    clock.lap("u sample");

    // Per blocking rule: its pairs' patterns with the rule's own fields masked.
    let rule_masked: Vec<Vec<bool>> = candidates
        .rule_fields
        .iter()
        .map(|rule_fields| masked_by_rule(rule_fields, fields.iter().map(|f| f.name.as_str())))
        .collect();
    let rule_count = rule_masked.len().min(16);
    let per_rule_counts: Vec<FxHashMap<u64, f64>> = candidates
        .pairs
        .par_iter()
        .zip(candidates.whole_block_masks.par_iter())
        .zip(patterns.par_iter())
        .filter(|((key, _), _)| !decided.contains_key(key))
        .fold(
            || vec![FxHashMap::<u64, f64>::default(); rule_count],
            |mut counts, ((_, &mask), &pattern)| {
                for (r, rule_counts) in counts.iter_mut().enumerate() {
                    if mask & (1 << r) != 0 {
                        *rule_counts
                            .entry(mask_pattern(pattern, &rule_masked[r]))
                            .or_default() += 1.0;
                    }
                }
                counts
            },
        )
        .reduce(
            || vec![FxHashMap::default(); rule_count],
            |mut a, b| {
                for (ra, rb) in a.iter_mut().zip(b) {
                    for (p, c) in rb {
                        *ra.entry(p).or_default() += c;
                    }
                }
                a
            },
        );
    // The share of pairs whose field is not "missing": `m` is read among
    // those. A rule on the birth date needs two dates, but its level
    // ("exact") already counts only the matches that show two equal dates
    // among all those with any birth evidence (a date against an age is an
    // age level), so the share is of records with any, not with a date:
    // with dates only, the lists' undated records were counted out twice,
    // and a Russian list with a sixth of its dates missing and another
    // sixth in two-digit years had λ twice the true one.
    let presence = |field: &str| -> f64 {
        let n = encoded.len().max(1) as f64;
        let share = if field == "birth" {
            let with = encoded.birth.iter().filter(|b| b.span().is_some()).count();
            with as f64 / n
        } else {
            encoded
                .text
                .iter()
                .find(|c| c.source.name() == field)
                .map_or(0.0, |c| f64::from(c.present) / n)
        };
        share * share
    };
    let rules: Vec<RuleCounts> = per_rule_counts
        .into_iter()
        .zip(rule_masked)
        .zip(candidates.rule_recall.iter().zip(&candidates.rule_windowed))
        .map(|((counts, masked), (recall, &windowed))| RuleCounts {
            counts,
            masked,
            // A rule that cut blocks counts only its whole blocks' pairs,
            // so it cannot say how many matches there are.
            recall: recall.as_ref().filter(|_| !windowed).and_then(|terms| {
                terms
                    .iter()
                    .map(|t| {
                        let f = fields.iter().position(|f| f.name == t.field)?;
                        Some((f, t.levels, presence(&t.field)))
                    })
                    .collect()
            }),
        })
        .collect();
    let n = encoded.len() as f64;
    let possible_pairs = if encoded.is_link() {
        encoded.left_len as f64 * (n - encoded.left_len as f64)
    } else {
        n * (n - 1.0) / 2.0
    };
    let model = fit_by_rules(
        fields,
        &rules,
        pattern_counts,
        &RandomPairs {
            level_counts: u_counts,
            sampled: u_sample_pairs,
            possible: possible_pairs,
            most_matches: if encoded.is_link() {
                (encoded.left_len as f64).min(n - encoded.left_len as f64)
            } else {
                n
            },
        },
        labelled,
        &EmOptions {
            max_iterations: settings.em_max_iterations,
            tolerance: settings.em_tolerance,
        },
    );
    drop(rules);
    let mut model = model;
    model.fit_dependences(fields, &sample);
    clock.lap("EM");

    model
}

/// Times the stages of a job.
struct StageClock {
    last: Instant,
    stages: Vec<(&'static str, f64)>,
}

impl StageClock {
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.stages
            .push((stage, now.duration_since(self.last).as_secs_f64()));
        self.last = now;
    }
}

/// How many pairs ahead a loop over candidate pairs asks for the right
/// record's data (see [`Encoded::prefetch`]): far enough for memory to
/// answer, near enough that the data is still in cache when its turn comes.
const PREFETCH_AHEAD: usize = 8;

fn run(
    encoded: Encoded,
    settings: &Settings,
    started: Instant,
    list_dates: Vec<(&'static str, String)>,
) -> LinkResult {
    let mut result = run_encoded(&encoded, settings, started, &list_dates);
    result.stats.age_dates = list_dates;
    LinkResult {
        ids: encoded.ids,
        ..result
    }
}

/// The whole job on encoded records; the result's `ids` are left empty for
/// [`run`] to move in.
fn run_encoded(
    encoded: &Encoded,
    settings: &Settings,
    started: Instant,
    list_dates: &[(&'static str, String)],
) -> LinkResult {
    let mut clock = StageClock {
        last: started,
        stages: Vec::new(),
    };
    clock.lap("encode");
    let fields: Vec<Field> = fields_for(encoded, settings.term_frequency);
    let comparer = Comparer::new(
        encoded,
        &fields,
        settings.date_within_days as i32,
        settings.age_slack_days as i32,
    );

    // A given model that fits the job's fields is used as it is: no `u`
    // sample, no EM; its blocking windows are kept.
    let frozen = settings.model.as_ref().filter(|m| m.fits(&fields)).cloned();
    let window_of = |rule: &str| frozen.as_ref().and_then(|m| m.block_window(rule));
    let tf_fields = tf_fields_of(&fields);
    let identifier_fields: Vec<usize> = fields
        .iter()
        .enumerate()
        .filter_map(|(f, field)| match field.comparator {
            Comparator::Text { column, .. } if is_identifier_column(&encoded.text[column]) => {
                Some(f)
            }
            _ => None,
        })
        .collect();
    let report_weight = (settings.report_threshold / (1.0 - settings.report_threshold)).log2();
    let header = |model: &Model, left: usize, right: usize, floor: f64| Header {
        left: left as u32,
        right: right as u32,
        linking: encoded.is_link(),
        ids: ids_hash(encoded, left, right),
        fingerprint: fingerprint(settings, model),
        rules: rules_for(encoded, &settings.blocking)
            .into_iter()
            .map(|r| r.name)
            .collect(),
        identifier_fields: identifier_fields.clone(),
        age_dates: list_dates
            .iter()
            .map(|(side, date)| (side.to_string(), date.clone()))
            .collect(),
        present: present_counts(encoded, &fields, &tf_fields),
        floor,
    };
    // The pairs kept by the last run, when they are of these records (and
    // new ones after them), settings and model: how far a term-frequency
    // adjustment may have risen since, and which records are new.
    let growth = frozen
        .as_ref()
        .zip(settings.kept.as_ref())
        .and_then(|(model, kept)| {
            let then = &kept.header;
            let (left, right) = (encoded.left_len, encoded.len() - encoded.left_len);
            if then.left as usize > left || then.right as usize > right {
                return None;
            }
            let now = header(model, then.left as usize, then.right as usize, then.floor);
            let same = Header {
                present: then.present.clone(),
                ..now.clone()
            };
            if same != *then || now.present.len() != then.present.len() {
                return None;
            }
            let mut rise = TF_ROUNDING;
            for (&was, &is) in then.present.iter().zip(&now.present) {
                if is < was || (was == 0 && is > 0) {
                    return None;
                }
                if was > 0 {
                    rise += (f64::from(is) / f64::from(was)).log2();
                }
            }
            let floor = then.floor + rise;
            if floor > report_weight {
                return None;
            }
            let new: Vec<bool> = (0..encoded.len())
                .map(|r| {
                    if r < left {
                        r >= then.left as usize
                    } else {
                        r - left >= then.right as usize
                    }
                })
                .collect();
            Some((kept, new, floor))
        });
    let (mut candidates, growth) = match growth {
        Some(growth) => {
            let after = candidate_pairs(encoded, &settings.blocking, &window_of, Some(&growth.1));
            if after.complete {
                (after, Some(growth))
            } else {
                let all = candidate_pairs(encoded, &settings.blocking, &window_of, None);
                (all, None)
            }
        }
        None => (
            candidate_pairs(encoded, &settings.blocking, &window_of, None),
            None,
        ),
    };
    clock.lap("block");

    let accepted = index_decisions(encoded, &settings.accepted);
    let rejected = index_decisions(encoded, &settings.rejected);
    let mut decided: FxHashMap<u64, Decision> = FxHashMap::default();
    for &(i, j) in &accepted {
        decided.insert(pair_key(i, j), Decision::Accepted);
    }
    for &(i, j) in &rejected {
        decided.insert(pair_key(i, j), Decision::Rejected);
    }
    let mut labelled = Labelled::default();
    for (&key, &decision) in &decided {
        let pattern = comparer.pattern((key >> 32) as usize, (key & 0xffff_ffff) as usize);
        let counts = match decision {
            Decision::Accepted => &mut labelled.matches,
            _ => &mut labelled.non_matches,
        };
        *counts.entry(pattern).or_default() += 1.0;
    }

    // Patterns of the blocked pairs, and their counts (for EM, and the
    // weight of each distinct pattern).
    let new_patterns: Vec<u64> = {
        let pairs = &candidates.pairs;
        (0..pairs.len())
            .into_par_iter()
            .map(|k| {
                if let Some(&ahead) = pairs.get(k + PREFETCH_AHEAD) {
                    encoded.prefetch((ahead & 0xffff_ffff) as usize);
                }
                let key = pairs[k];
                comparer.pattern((key >> 32) as usize, (key & 0xffff_ffff) as usize)
            })
            .collect()
    };
    // After an append: the kept pairs of earlier records that some rule
    // still pairs, beside the new records' pairs.
    let patterns: Vec<u64> = match &growth {
        None => new_patterns,
        Some((kept, _, _)) => {
            let left_len = encoded.left_len as u32;
            let linking = encoded.is_link();
            let mut all: Vec<(u64, u64, u16)> = kept
                .pairs
                .par_iter()
                .filter_map(|p| {
                    let right = if linking { p.right + left_len } else { p.right };
                    let key = pair_key(p.left, right);
                    let rules = p.rules & !candidates.lost.get(&key).copied().unwrap_or(0);
                    (rules != 0).then_some((key, p.pattern, rules))
                })
                .collect();
            all.extend(
                candidates
                    .pairs
                    .iter()
                    .zip(&new_patterns)
                    .zip(&candidates.rule_masks)
                    .map(|((&key, &pattern), &rules)| (key, pattern, rules)),
            );
            drop(new_patterns);
            all.par_sort_unstable_by_key(|p| p.0);
            candidates.pairs = all.iter().map(|p| p.0).collect();
            candidates.rule_masks = all.iter().map(|p| p.2).collect();
            candidates.whole_block_masks = vec![0; all.len()];
            all.into_iter().map(|p| p.1).collect()
        }
    };
    let pairs = &candidates.pairs;
    let pattern_counts: FxHashMap<u64, f64> = candidates
        .pairs
        .par_iter()
        .zip(patterns.par_iter())
        .filter(|(key, _)| !decided.contains_key(key))
        .fold(
            FxHashMap::default,
            |mut counts: FxHashMap<u64, f64>, (_, &p)| {
                *counts.entry(p).or_default() += 1.0;
                counts
            },
        )
        .reduce(FxHashMap::default, |mut a, b| {
            for (p, c) in b {
                *a.entry(p).or_default() += c;
            }
            a
        });
    clock.lap("patterns");
    let frozen_model = frozen.is_some();
    let model = match frozen {
        Some(model) => model,
        None => {
            let mut model = estimate(
                encoded,
                settings,
                &fields,
                &comparer,
                &candidates,
                &patterns,
                &pattern_counts,
                &decided,
                &labelled,
                &mut clock,
            );
            model.records = encoded.len();
            model
        }
    };
    // The windows this job paired with are kept with its model.
    let mut model = model;
    for (rule, window) in &candidates.windows {
        if model.block_window(rule).is_none() {
            model.block_windows.push((rule.clone(), *window));
        }
    }

    let pattern_weights: FxHashMap<u64, f64> = pattern_counts
        .keys()
        .map(|&p| (p, model.prior_weight() + model.pattern_weight(p)))
        .collect();
    let given_veto = fields
        .iter()
        .enumerate()
        .find_map(|(f, field)| match field.comparator {
            Comparator::Text { column, .. } if field.name == "given" => {
                Some((f, column, report_weight))
            }
            _ => None,
        });
    let birth_veto = fields
        .iter()
        .position(|field| matches!(field.comparator, Comparator::Birth))
        .map(|f| (f, birth_veto_levels(encoded.is_link()), report_weight));
    let mut day_counts: FxHashMap<i32, u32> = FxHashMap::default();
    if encoded.is_link() {
        for birth in encoded.birth.iter().filter(|b| b.has_date()) {
            *day_counts.entry(birth.day).or_default() += 1;
        }
    }
    let dated = day_counts.values().sum();
    let scorer = Scorer {
        comparer,
        model: &model,
        pattern_weights,
        tf_fields,
        given_veto,
        identifier_fields: identifier_fields.clone(),
        birth_veto,
        day_counts,
        dated,
    };

    // Pairs down to the floor of those kept for the next run (below the
    // report floor: see `kept`).
    let keep_floor = match &growth {
        Some((_, _, floor)) => *floor,
        None => report_weight - KEPT_MARGIN,
    };
    let keep_floor = if keep_floor.is_finite() {
        keep_floor
    } else {
        report_weight
    };
    let weighed: Vec<(Scored, u16)> = (0..pairs.len())
        .into_par_iter()
        .filter_map(|k| {
            if let Some(&ahead) = pairs.get(k + PREFETCH_AHEAD) {
                encoded.prefetch((ahead & 0xffff_ffff) as usize);
            }
            let (key, pattern) = (pairs[k], patterns[k]);
            let (i, j) = ((key >> 32) as usize, (key & 0xffff_ffff) as usize);
            let (weight, pattern, tf) = scorer.score_pattern(pattern, i, j);
            let decision = decided.get(&key).copied().unwrap_or(Decision::None);
            let rules = candidates.rule_masks.get(k).copied().unwrap_or(0);
            (weight >= keep_floor.min(report_weight) || decision != Decision::None).then_some((
                Scored::new(i as u32, j as u32, weight, pattern, tf, decision),
                rules,
            ))
        })
        .collect();
    drop(patterns);
    let left_len = encoded.left_len as u32;
    let kept_pairs: Vec<KeptPair> = weighed
        .iter()
        .filter(|(s, _)| s.weight >= keep_floor)
        .map(|(s, rules)| KeptPair {
            left: s.left,
            right: if encoded.is_link() {
                s.right - left_len
            } else {
                s.right
            },
            pattern: s.pattern,
            rules: *rules,
        })
        .collect();
    let mut scored: Vec<Scored> = weighed
        .into_iter()
        .filter(|(s, _)| s.weight >= report_weight || s.decision != Decision::None)
        .map(|(s, _)| s)
        .collect();
    // Decided pairs that blocking did not produce are still reported.
    let blocked: FxHashSet<u64> = scored
        .iter()
        .filter(|s| s.decision != Decision::None)
        .map(|s| pair_key(s.left, s.right))
        .collect();
    for (&key, &decision) in &decided {
        if !blocked.contains(&key) && candidates.pairs.binary_search(&key).is_err() {
            let (i, j) = ((key >> 32) as usize, (key & 0xffff_ffff) as usize);
            let (weight, pattern, tf) = scorer.score(i, j);
            scored.push(Scored::new(
                i as u32, j as u32, weight, pattern, tf, decision,
            ));
        }
    }
    // Pairs the caller asks for besides blocking's (a third list bridges
    // them): kept when the fields speak for the pair, above the prior, so
    // that a bridge never stands in for records that disagree.
    if !settings.compare_also.is_empty() {
        let prior = model.prior_weight();
        let mut present: FxHashSet<u64> =
            scored.iter().map(|s| pair_key(s.left, s.right)).collect();
        for (i, j) in index_decisions(encoded, &settings.compare_also) {
            if !present.insert(pair_key(i, j)) {
                continue;
            }
            let (weight, pattern, tf) = scorer.score(i as usize, j as usize);
            if weight > prior {
                scored.push(Scored::new(i, j, weight, pattern, tf, Decision::None));
            }
        }
    }
    if encoded.is_link() {
        compete(
            &mut scored,
            &scorer,
            (encoded.left_len, encoded.len() - encoded.left_len),
        );
    }
    scored.par_sort_unstable_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.left.cmp(&b.left))
            .then(a.right.cmp(&b.right))
    });

    clock.lap("score");
    let threshold_weight = (settings.threshold / (1.0 - settings.threshold)).log2();
    let matched: Vec<(u32, u32)> = scored
        .iter()
        .filter(|s| match s.decision {
            Decision::Accepted => true,
            Decision::Rejected => false,
            Decision::None => s.weight >= threshold_weight,
        })
        .map(|s| (s.left, s.right))
        .collect();
    let cannot_link: FxHashSet<u64> = rejected.iter().map(|&(i, j)| pair_key(i, j)).collect();
    let must_link: FxHashSet<u64> = accepted.iter().map(|&(i, j)| pair_key(i, j)).collect();
    let clusters = cluster(
        encoded.len(),
        &matched,
        &cannot_link,
        |x, y| {
            if must_link.contains(&pair_key(x, y)) {
                1.0
            } else {
                probability_of(scorer.any_weight(x as usize, y as usize))
            }
        },
        &ClusterOptions {
            threshold: settings.threshold,
            conflict_probability: settings.conflict_probability,
            max_cluster_size: settings.max_cluster_size,
        },
    );

    clock.lap("cluster");
    let mut cluster_of = vec![NONE; encoded.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &r in members {
            cluster_of[r as usize] = c as u32;
        }
    }
    let stats = LinkStats {
        left_records: encoded.left_len,
        right_records: encoded.len() - encoded.left_len,
        candidate_pairs: candidates.pairs.len(),
        pairs_per_rule: candidates.per_rule,
        distinct_patterns: pattern_counts.len(),
        reported_pairs: scored.len(),
        matched_pairs: matched.len(),
        clusters: clusters.len(),
        stage_seconds: clock.stages,
        age_dates: Vec::new(),
        frozen_model,
        new_records: growth
            .as_ref()
            .map(|(kept, _, _)| encoded.len() - kept.records()),
        kept_pairs: kept_pairs.len(),
    };
    let kept = KeptPairs {
        header: header(
            &model,
            encoded.left_len,
            encoded.len() - encoded.left_len,
            keep_floor,
        ),
        pairs: kept_pairs,
    };
    LinkResult {
        stats,
        threshold: settings.threshold,
        ids: Vec::new(),
        left_len: encoded.left_len,
        linking: encoded.is_link(),
        scored,
        tf_fields,
        clusters,
        cluster_of,
        joined: false,
        model,
        kept: Some(kept),
    }
}

/// Bits a term-frequency adjustment may differ by from rounding alone
/// (they are kept as `f32`).
const TF_ROUNDING: f64 = 1e-4;

/// How far below the report floor the pairs kept for the next run go: the
/// list can grow by about 26 % (three adjusted fields, 2^(1/3) each) before
/// a run must compare every pair again.
const KEPT_MARGIN: f64 = 1.0;

/// Fields whose agreement is weighed by how common the value is: the given
/// name, the surname and the patronymic. A patronymic names the father,
/// and fathers' names are as unevenly common as children's: two records
/// agreeing on a rare father's name are far likelier one child than two
/// agreeing on the commonest, which one flat weight treated alike.
pub(crate) const TF_FIELDS: usize = 3;

/// The term-frequency adjusted fields (see [`TF_FIELDS`]), in field order.
fn tf_fields_of(fields: &[Field]) -> [Option<usize>; TF_FIELDS] {
    let mut tf_fields = [None; TF_FIELDS];
    for (slot, f) in tf_fields.iter_mut().zip(
        fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.term_frequency)
            .map(|(f, _)| f),
    ) {
        *slot = Some(f);
    }
    tf_fields
}

/// Per term-frequency field: how many records have it.
fn present_counts(
    encoded: &Encoded,
    fields: &[Field],
    tf_fields: &[Option<usize>; TF_FIELDS],
) -> Vec<u32> {
    tf_fields
        .iter()
        .flatten()
        .map(|&f| match fields[f].comparator {
            Comparator::Text { column, .. } => encoded.text[column].present,
            _ => 0,
        })
        .collect()
}

/// A hash of the ids of the first `left` records of the left list and the
/// first `right` of the right (its own records for a dedupe).
fn ids_hash(encoded: &Encoded, left: usize, right: usize) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let right_ids = encoded.ids.get(encoded.left_len..).unwrap_or(&[]);
    for id in encoded
        .ids
        .iter()
        .take(left)
        .chain(right_ids.iter().take(right))
    {
        hasher.write(id.as_bytes());
        hasher.write_u8(0xff);
    }
    hasher.finish()
}

/// The settings and model that decide a job's candidate pairs and their
/// weights, as text to compare.
fn fingerprint(settings: &Settings, model: &Model) -> String {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(model.to_stored().as_bytes());
    format!(
        "{:?}|{}|{}|{}|{:?}|{:016x}",
        settings.blocking,
        settings.date_within_days,
        settings.age_slack_days,
        settings.term_frequency,
        settings.report_threshold,
        hasher.finish()
    )
}

/// The fields EM leaves out on one blocking rule's pairs: the rule's own
/// fields, and those that follow from them, which agree within the rule's
/// blocks far more often than on the random pairs their `u` comes from and
/// would read as evidence of a match there. Sex follows from the given name.
/// The birthplace and the home town are mostly one town (a child is mostly
/// born where the family lives), so a rule that blocks on either place makes
/// the other agree too: left in, every child of a town with the same given
/// name looked like a match to EM, and it learnt that true matches mostly
/// disagree on surname and birth date. A guardian's or representative's
/// name carries the family's surname (a mother, a grandmother, an adoptive
/// parent whose surname the child took), so a rule on the surname makes
/// the guardians agree in part: left in, EM on a guardianship register took
/// the children of one family for matches.
fn masked_by_rule<'a>(rule_fields: &[String], fields: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let blocked = |name: &str| rule_fields.iter().any(|f| f == name);
    let place_blocked = blocked("last_place") || blocked("birthplace") || blocked("place");
    fields
        .map(|name| {
            blocked(name)
                || (name == "sex" && blocked("given"))
                || (place_blocked && matches!(name, "last_place" | "birthplace" | "place"))
                || (name == "guardian" && blocked("surname"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, Rng};

    #[test]
    fn a_link_holds_no_pair_by_its_birth_dates_a_dedupe_holds_namesakes() {
        // Across lists a date may be reissued and an age given at each child's own date of
        // placement: no birth level holds a pair there.
        assert!(birth_veto_levels(true).is_empty());
        let dedupe = birth_veto_levels(false);
        for level in [BIRTH_DIFFERENT, BIRTH_SAME_YEAR, BIRTH_AGE_YEARS_OFF] {
            assert!(dedupe.contains(&level), "{level}");
        }
    }

    #[test]
    fn a_rule_on_one_place_leaves_out_the_other_and_one_on_the_given_name_sex() {
        let fields = [
            "surname",
            "given",
            "birth",
            "sex",
            "birthplace",
            "last_place",
        ];
        let rule = |keys: &[&str]| -> Vec<bool> {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            masked_by_rule(&keys, fields.iter().copied())
        };
        assert_eq!(
            rule(&["given", "last_place"]),
            [false, true, false, true, true, true]
        );
        assert_eq!(
            rule(&["birthplace"]),
            [false, false, false, false, true, true]
        );
        assert_eq!(
            rule(&["surname", "birth"]),
            [true, false, true, false, false, false]
        );
    }

    /// A guardian's name carries the family's surname: a rule on the
    /// surname leaves the guardian out, one on the given name does not.
    #[test]
    fn a_rule_on_the_surname_leaves_out_the_guardian() {
        let fields = ["given", "surname", "birth", "guardian"];
        let rule = |keys: &[&str]| -> Vec<bool> {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            masked_by_rule(&keys, fields.iter().copied())
        };
        assert_eq!(rule(&["surname", "birth"]), [false, true, true, true]);
        assert_eq!(rule(&["given", "birth"]), [true, false, true, false]);
    }

    /// The u sample of every published figure was drawn with rand 0.8's
    /// `StdRng::seed_from_u64` and `gen_range`; these draws must be the same.
    #[test]
    fn indices_are_drawn_as_rand_drew_them() {
        for seed in [0u64, 1, 42, u64::MAX] {
            let mut ours = ChaCha12Rng::seed_from_u64(seed);
            let mut theirs = <StdRng as rand::SeedableRng>::seed_from_u64(seed);
            for n in [1usize, 2, 3, 7, 1000, 100_000, 1 << 40, usize::MAX / 3 + 7] {
                for _ in 0..200 {
                    assert_eq!(index_below(&mut ours, n), theirs.gen_range(0..n), "n={n}");
                }
            }
        }
    }
}
