//! The Fellegi–Sunter model and its estimation without labels.
//!
//! For each field level, `m` is the chance a true match shows it and `u` the
//! chance a non-match does; a pair's match weight is the prior log-odds
//! plus Σ log2(m/u) over its fields (missing fields add nothing).
//!
//! `u` comes from random pairs (almost all non-matches), counted per level.
//! `m` and the prior λ (the share of matches among blocked pairs) come from
//! expectation–maximisation with `u` held fixed — run on the counts of
//! distinct comparison patterns, so a million pairs with a few hundred
//! patterns cost a few hundred operations per iteration. Pairs a person has
//! accepted or rejected enter EM with their answer fixed instead of guessed.
//!
//! Blocked pairs agree on their blocking keys by construction, so EM over
//! all of them with random-pair `u` would read "same surname" as evidence of
//! a match and may call every pair a match. As in Splink, EM therefore runs
//! once per blocking rule on that rule's pairs with the rule's own fields
//! left out; each field's `m` is the average over the rules that did not
//! block on it (weighted by the rule's expected matches).
//!
//! The prior λ must then be the chance that two *random* records match,
//! because `u` describes random pairs (a prior over blocked pairs would
//! count the blocking keys' agreement twice and match every namesake). It
//! is estimated as in Splink: a rule with λ_r over its N_r pairs finds
//! λ_r·N_r matches, which is the share `recall_r` of all matches that agree
//! on its keys — computable from `m` (and how often the keys are present)
//! when the keys map onto comparison levels. The median over such rules of
//! λ_r·N_r / recall_r, divided by the number of possible pairs, is λ. A
//! rule whose EM reads one field only (every other blocked on) counts the
//! fewest matches its pairs can hold instead: with `u` fixed, one field's
//! levels among its pairs are fitted as well by any λ above that floor,
//! and EM may drift to none (see `fewest_matches`).
//!
//! Term frequencies: agreeing on a rare surname says more than agreeing on
//! the commonest one. For the exact and transliteration levels of given
//! names and surnames, the level's `u` is replaced by the name's own
//! frequency among the records (the approach of Splink), adding
//! log2(u_level / frequency) to the weight.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::compare::{
    level_in, Comparator, Field, NameKind, BIRTH_LEVELS, MISSING, SEX_LEVELS, TEXT_LEVELS,
};

/// Estimated probabilities of one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelModel {
    pub level: &'static str,
    pub m: f64,
    pub u: f64,
    /// log2(m / u), what this level adds to a pair's match weight.
    pub weight: f64,
}

/// The levels of one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldModel {
    pub field: String,
    pub term_frequency: bool,
    /// Level 0 ("missing") is included with weight 0.
    pub levels: Vec<LevelModel>,
}

/// A fitted model. Two models are equal when they score alike: `rule_fits`, what the fit
/// saw on the way, takes no part (a model read back from the store has none).
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub fields: Vec<FieldModel>,
    /// Prior probability that two random records are a match.
    pub lambda: f64,
    pub em_iterations: usize,
    pub em_converged: bool,
    /// Random pairs the `u` probabilities were counted on.
    pub u_sample_pairs: usize,
    /// Records the model was fitted on.
    pub records: usize,
    /// Per blocking rule (by name): the sorted-neighbourhood window its
    /// blocks were paired with when the model was fitted (see `blocking`).
    /// Runs that score with this model pair with the same windows, however
    /// the lists grew since, so that the pairs of records already linked
    /// stay those of the first run and a run after an append can pair only
    /// the new records (see [`crate::KeptPairs`]). Empty in a model stored
    /// before windows were kept: a run with it computes them and they are
    /// kept from then on.
    pub block_windows: Vec<(String, usize)>,
    /// Fields whose agreement among random pairs depends on an earlier
    /// field's (see [`Dependence`]): what each adds is read given that
    /// field. Empty in a model stored before dependences were fitted.
    pub dependences: Vec<Dependence>,
    /// Per blocking rule, in the rules' order, what its EM found (see
    /// [`RuleFit`]); for diagnosis, not stored, empty in a model read back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rule_fits: Vec<RuleFit>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.fields == other.fields
            && self.lambda == other.lambda
            && self.em_iterations == other.em_iterations
            && self.em_converged == other.em_converged
            && self.u_sample_pairs == other.u_sample_pairs
            && self.records == other.records
            && self.block_windows == other.block_windows
            && self.dependences == other.dependences
    }
}

/// What one blocking rule's EM found: how many matches among its pairs,
/// the share of all matches its key can find (by the fitted `m`, when the
/// rule's key maps onto levels and it cut no block), and whether `m` and λ
/// read it. A rule skipped for too few pairs shows zero matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleFit {
    pub pairs: f64,
    pub matches: f64,
    pub recall: Option<f64>,
    pub used: bool,
    /// The matches counted for λ: EM's, or for a rule reading one field
    /// the fewest its pairs can hold; `None` when it counted for none.
    pub lambda_matches: Option<f64>,
}

/// A field that non-matches agree on mostly when they agree on an earlier
/// field: a home town and a birthplace (most children live where they
/// were born). Fellegi–Sunter takes fields as independent, so such a pair
/// would count one piece of evidence twice: two children of one given
/// name from one town would get the town's weight once for each place
/// column. The field's `u` is read given its parent's agreement, from the
/// random pairs that gave `u` (each field one parent at most: the earlier
/// field it depends on most, a chain of conditionals that stays one
/// distribution). Only fields that are no name, date or sex (places, other
/// text columns) read a parent: two records of one child tend to agree on
/// their names together too (one clerk's transliteration writes both),
/// which random pairs cannot tell, and a sex read given the given name
/// (which nearly always tells it) made the Latin dedupes of two
/// generators worse.
/// `bits[a][b]` is added when the parent is in class `a` and the field in
/// class `b` (0: agrees, a level of positive weight; 1: disagrees), both
/// present; a class pair too rare among random pairs adds nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dependence {
    pub field: usize,
    pub parent: usize,
    pub bits: [[f64; 2]; 2],
}

/// A stored model that cannot be read back (its text is a model's
/// parameters only, never records, so the reason may be shown).
#[derive(Debug, thiserror::Error)]
#[error("the stored linkage model cannot be read: {0}")]
pub struct ModelError(String);

/// The stored form of a [`Model`] (see [`Model::to_stored`]). Probabilities
/// are written as Rust prints an `f64` and read back by Rust's parser,
/// which round-trips every bit: a run with a stored model scores exactly as
/// the run that fitted it.
#[derive(Serialize, Deserialize)]
struct StoredModel {
    version: u32,
    lambda: String,
    em_iterations: usize,
    em_converged: bool,
    u_sample_pairs: usize,
    records: usize,
    fields: Vec<StoredField>,
    /// `[rule name, window]` per blocking rule (absent before windows were kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    block_windows: Vec<(String, usize)>,
    /// `[field, parent, bits…]` per dependence (absent before they were fitted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dependences: Vec<(usize, usize, [String; 4])>,
}

#[derive(Serialize, Deserialize)]
struct StoredField {
    field: String,
    term_frequency: bool,
    /// `[level, m, u]` per level, level 0 ("missing") first.
    levels: Vec<[String; 3]>,
}

const STORED_VERSION: u32 = 1;

impl Model {
    /// The model as JSON text to keep with a linkage, so that later runs
    /// score with it instead of estimating again ([`Model::from_stored`]).
    pub fn to_stored(&self) -> String {
        let stored = StoredModel {
            version: STORED_VERSION,
            lambda: format!("{:?}", self.lambda),
            em_iterations: self.em_iterations,
            em_converged: self.em_converged,
            u_sample_pairs: self.u_sample_pairs,
            records: self.records,
            fields: self
                .fields
                .iter()
                .map(|f| StoredField {
                    field: f.field.clone(),
                    term_frequency: f.term_frequency,
                    levels: f
                        .levels
                        .iter()
                        .map(|l| {
                            [
                                l.level.to_string(),
                                format!("{:?}", l.m),
                                format!("{:?}", l.u),
                            ]
                        })
                        .collect(),
                })
                .collect(),
            block_windows: self.block_windows.clone(),
            dependences: self
                .dependences
                .iter()
                .map(|d| {
                    let b = |x: f64| format!("{x:?}");
                    (
                        d.field,
                        d.parent,
                        [
                            b(d.bits[0][0]),
                            b(d.bits[0][1]),
                            b(d.bits[1][0]),
                            b(d.bits[1][1]),
                        ],
                    )
                })
                .collect(),
        };
        // Strings, numbers and booleans always serialize.
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Reads a model written by [`Model::to_stored`]; each level's weight
    /// is computed again from its `m` and `u`, as the fit computed it.
    pub fn from_stored(text: &str) -> Result<Model, ModelError> {
        let stored: StoredModel =
            serde_json::from_str(text).map_err(|e| ModelError(e.to_string()))?;
        if stored.version != STORED_VERSION {
            return Err(ModelError(format!(
                "version {} is not known",
                stored.version
            )));
        }
        let number = |text: &str| -> Result<f64, ModelError> {
            text.parse::<f64>()
                .map_err(|_| ModelError(format!("{text:?} is not a number")))
        };
        let fields = stored
            .fields
            .into_iter()
            .map(|f| {
                let levels = f
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(i, [name, m, u])| {
                        let level = known_level(name)
                            .ok_or_else(|| ModelError(format!("level {name:?} is not known")))?;
                        let (m, u) = (number(m)?, number(u)?);
                        Ok(LevelModel {
                            level,
                            m,
                            u,
                            weight: if i == MISSING as usize {
                                0.0
                            } else {
                                (m / u).log2()
                            },
                        })
                    })
                    .collect::<Result<Vec<_>, ModelError>>()?;
                Ok(FieldModel {
                    field: f.field,
                    term_frequency: f.term_frequency,
                    levels,
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        let dependences = stored
            .dependences
            .iter()
            .map(|(field, parent, [a, b, c, d])| {
                if *field >= fields.len() || *parent >= fields.len() {
                    return Err(ModelError(format!(
                        "dependence of field {field} is not known"
                    )));
                }
                Ok(Dependence {
                    field: *field,
                    parent: *parent,
                    bits: [[number(a)?, number(b)?], [number(c)?, number(d)?]],
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        Ok(Model {
            dependences,
            fields,
            lambda: number(&stored.lambda)?,
            em_iterations: stored.em_iterations,
            em_converged: stored.em_converged,
            u_sample_pairs: stored.u_sample_pairs,
            records: stored.records,
            block_windows: stored.block_windows,
            rule_fits: Vec::new(),
        })
    }

    /// Whether the model is one of `fields`: the same fields in the same
    /// order, each with the same levels (a list that gained or lost a
    /// column needs a model fitted again).
    pub(crate) fn fits(&self, fields: &[Field]) -> bool {
        self.fields.len() == fields.len()
            && self.fields.iter().zip(fields).all(|(model, field)| {
                model.field == field.name
                    && model.term_frequency == field.term_frequency
                    && model.levels.len() == field.level_names().len()
                    && model
                        .levels
                        .iter()
                        .zip(field.level_names())
                        .all(|(l, name)| l.level == *name)
            })
    }

    /// The window kept for blocking rule `rule`, if any.
    pub(crate) fn block_window(&self, rule: &str) -> Option<usize> {
        self.block_windows
            .iter()
            .find(|(name, _)| name == rule)
            .map(|(_, w)| *w)
    }

    pub(crate) fn prior_weight(&self) -> f64 {
        (self.lambda / (1.0 - self.lambda)).log2()
    }

    /// Sum of level weights of a pattern, dependences included, without
    /// the prior or term frequencies.
    pub(crate) fn pattern_weight(&self, pattern: u64) -> f64 {
        self.fields
            .iter()
            .enumerate()
            .map(|(f, field)| field.levels[level_in(pattern, f) as usize].weight)
            .sum::<f64>()
            + self.dependences_weight(pattern)
    }

    /// The class of field `f`'s level in a pattern: agrees (0), disagrees
    /// (1), or missing (`None`).
    fn class_of(&self, pattern: u64, f: usize) -> Option<usize> {
        let level = level_in(pattern, f);
        if level == MISSING {
            return None;
        }
        let weight = self.fields.get(f)?.levels.get(level as usize)?.weight;
        Some(usize::from(weight <= 0.0))
    }

    /// What one dependence adds to a pattern: its bits for the classes of
    /// the parent and the field, nothing when either is missing.
    fn dependence_bits(&self, pattern: u64, d: &Dependence) -> f64 {
        match (
            self.class_of(pattern, d.parent),
            self.class_of(pattern, d.field),
        ) {
            (Some(a), Some(b)) => d.bits[a][b],
            _ => 0.0,
        }
    }

    /// What field `f`'s dependence on its parent adds to a pattern (see [`Dependence`]).
    pub(crate) fn dependence_of(&self, pattern: u64, f: usize) -> f64 {
        self.dependences
            .iter()
            .filter(|d| d.field == f)
            .map(|d| self.dependence_bits(pattern, d))
            .sum()
    }

    /// What every dependence adds to a pattern.
    pub(crate) fn dependences_weight(&self, pattern: u64) -> f64 {
        self.dependences
            .iter()
            .map(|d| self.dependence_bits(pattern, d))
            .sum()
    }

    /// Fits [`Dependence`]s from the patterns of the random pairs that gave
    /// `u`: each field's parent is the earlier field it shares most
    /// information with among the pairs where both are present, when the
    /// dependence is clear (a G-test at p < 0.001); its bits are
    /// log2 P(a)·P(b) / P(a, b) of each class pair seen often enough.
    pub(crate) fn fit_dependences(&mut self, fields: &[Field], sample: &[u64]) {
        self.dependences.clear();
        let n = self.fields.len().min(fields.len());
        // A random pair is now and then a match, and matches agree on
        // everything at once: few as they are, they would fill the cells
        // of rare joint agreement (a given name and a surname). Each pair
        // counts for its chance of being a non-match under the fields
        // taken as independent.
        let prior = self.prior_weight();
        let weighed: Vec<(u64, f64)> = sample
            .iter()
            .map(|&p| {
                let weight = prior + self.pattern_weight(p);
                (p, 1.0 - 1.0 / (1.0 + (-weight).exp2()))
            })
            .collect();
        for (f, field) in fields.iter().enumerate().take(n).skip(1) {
            // Places and other text only (see `Dependence`).
            if !matches!(field.comparator, Comparator::Text { name, .. } if name == NameKind::NotAName)
            {
                continue;
            }
            let mut best: Option<(f64, Dependence)> = None;
            for parent in 0..f {
                let mut cells = [[0f64; 2]; 2];
                for &(p, non_match) in &weighed {
                    if let (Some(a), Some(b)) = (self.class_of(p, parent), self.class_of(p, f)) {
                        cells[a][b] += non_match;
                    }
                }
                let total: f64 = cells.iter().flatten().sum();
                if total <= 0.0 {
                    continue;
                }
                let rows = [cells[0][0] + cells[0][1], cells[1][0] + cells[1][1]];
                let cols = [cells[0][0] + cells[1][0], cells[0][1] + cells[1][1]];
                let mut information = 0.0;
                let mut bits = [[0.0; 2]; 2];
                for a in 0..2 {
                    for b in 0..2 {
                        let c = cells[a][b];
                        if c <= 0.0 {
                            continue;
                        }
                        let ratio = c * total / (rows[a] * cols[b]);
                        information += c / total * ratio.ln();
                        if c >= MIN_DEPENDENCE_CELL {
                            bits[a][b] = -ratio.log2();
                        }
                    }
                }
                // G = 2·N·I (nats), χ² with one degree of freedom.
                if 2.0 * total * information < DEPENDENCE_G {
                    continue;
                }
                if best.as_ref().is_none_or(|(i, _)| information > *i) {
                    best = Some((
                        information,
                        Dependence {
                            field: f,
                            parent,
                            bits,
                        },
                    ));
                }
            }
            if let Some((_, dependence)) = best {
                self.dependences.push(dependence);
            }
        }
    }
}

/// Random pairs a class pair must show for its dependence to be read.
const MIN_DEPENDENCE_CELL: f64 = 25.0;

/// The G statistic of a clear dependence (χ², one degree of freedom, p < 0.001).
const DEPENDENCE_G: f64 = 10.83;

/// The static name of a comparison level read back from a stored model.
fn known_level(name: &str) -> Option<&'static str> {
    TEXT_LEVELS
        .iter()
        .chain(&BIRTH_LEVELS)
        .chain(&SEX_LEVELS)
        .find(|l| **l == name)
        .copied()
}

/// Counts of each level of each field, for `u`.
pub(crate) type LevelCounts = Vec<Vec<f64>>;

pub(crate) fn empty_level_counts(fields: &[Field]) -> LevelCounts {
    fields
        .iter()
        .map(|f| vec![0.0; f.level_names().len()])
        .collect()
}

pub(crate) fn add_pattern(counts: &mut LevelCounts, pattern: u64, times: f64) {
    for (f, field_counts) in counts.iter_mut().enumerate() {
        field_counts[level_in(pattern, f) as usize] += times;
    }
}

/// Probabilities per level from counts, ignoring "missing", with a small
/// pseudo-count so that a level never seen does not get probability 0
/// (which would make its weight infinite).
fn normalise(counts: &[f64], pseudo_count: f64) -> Vec<f64> {
    let total: f64 = counts.iter().skip(1).map(|c| c + pseudo_count).sum();
    counts
        .iter()
        .enumerate()
        .map(|(level, c)| {
            if level == MISSING as usize || total <= 0.0 {
                0.0
            } else {
                (c + pseudo_count) / total
            }
        })
        .collect()
}

/// Pairs with a fixed answer from human review, as pattern counts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Labelled {
    pub matches: FxHashMap<u64, f64>,
    pub non_matches: FxHashMap<u64, f64>,
}

/// EM options.
pub(crate) struct EmOptions {
    pub max_iterations: usize,
    pub tolerance: f64,
}

/// Pattern counts of one blocking rule's pairs, with the fields it blocks on masked.
pub(crate) struct RuleCounts {
    pub counts: FxHashMap<u64, f64>,
    /// Per field: whether the rule blocks on it.
    pub masked: Vec<bool>,
    /// Per field the rule's key needs: the levels a true match must show,
    /// and the share of pairs where both records have the key.
    pub recall: RecallSpec,
}

/// `(field, levels, presence)` terms of a rule's recall, when computable.
pub(crate) type RecallSpec = Option<Vec<(usize, &'static [u8], f64)>>;

/// What random pairs say: level counts for `u`, how many were sampled,
/// and how many pairs there are in all (for the prior).
pub(crate) struct RandomPairs {
    pub level_counts: LevelCounts,
    pub sampled: usize,
    pub possible: f64,
    /// The most matches the job can hold: in a link, the records of the
    /// shorter list (each is one child, matched by the records of that
    /// child on the other side, a few at most); in a dedupe, the records.
    /// A rule's EM that finds more has fitted something else (see
    /// [`fit_by_rules`]).
    pub most_matches: f64,
}

/// A pattern with the given fields set to "missing".
pub(crate) fn mask_pattern(pattern: u64, masked: &[bool]) -> u64 {
    masked.iter().enumerate().fold(pattern, |p, (f, &m)| {
        if m {
            p & !(0xf << (f as u32 * crate::compare::BITS_PER_FIELD))
        } else {
            p
        }
    })
}

/// The fewest matches the pairs of a rule reading one field (every other
/// blocked on) can hold, counted for λ instead of EM's. With `u` fixed,
/// one field's levels among a rule's pairs are a mixture that any λ above
/// a floor fits exactly (`m` takes up the rest), so EM's λ there is
/// wherever it stopped: on the 30,000-child link of a camp list (surname
/// and given name, birth year) with a Latin list without places, the one
/// rule whose keys map onto levels (the names in either order, leaving
/// the birth year alone) fell to no matches at all and λ with it, and the
/// link reported no pair. The floor is identified: the level most
/// non-matches show (the largest `u`: dates years apart) is shown by a
/// share `p` of the rule's pairs, and non-matches alone would show it `u`
/// of the time, so at least `1 − p / u` of the pairs are matches (exactly
/// that many when no match shows the level). `None` when the field is
/// missing from every pair or the floor is none.
fn fewest_matches(counts: &FxHashMap<u64, f64>, field: usize, u_counts: &[f64]) -> Option<f64> {
    let u = normalise(u_counts, 1.0);
    let (level, &u_level) = u
        .iter()
        .enumerate()
        .skip(1)
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    let (mut shown, mut present) = (0.0, 0.0);
    for (&pattern, &count) in counts {
        let l = usize::from(level_in(pattern, field));
        if l != usize::from(MISSING) {
            present += count;
            shown += if l == level { count } else { 0.0 };
        }
    }
    if present <= 0.0 || u_level <= 0.0 {
        return None;
    }
    // A floor of none says nothing (the pairs show the level as often as
    // non-matches do, or more): counted, it would pull λ to nothing again.
    let fewest = (1.0 - shown / present / u_level) * present;
    (fewest > 0.0).then_some(fewest)
}

/// Fits `m` per blocking rule and λ over all pairs (see the module documentation).
pub(crate) fn fit_by_rules(
    fields: &[Field],
    rules: &[RuleCounts],
    all: &FxHashMap<u64, f64>,
    random: &RandomPairs,
    labelled: &Labelled,
    options: &EmOptions,
) -> Model {
    let (u_counts, u_sample_pairs, possible_pairs) =
        (&random.level_counts, random.sampled, random.possible);
    // Rules with too few pairs say nothing reliable.
    const MIN_RULE_PAIRS: f64 = 20.0;
    let mut m_sum: Vec<Vec<f64>> = fields
        .iter()
        .map(|f| vec![0.0; f.level_names().len()])
        .collect();
    let mut m_weight = vec![0.0; fields.len()];
    let mut iterations = 0;
    let mut converged = true;
    let mut rule_matches: Vec<(usize, f64, &RecallSpec)> = Vec::new();
    let mut fits = Vec::new();
    let mut rule_fits: Vec<RuleFit> = Vec::with_capacity(rules.len());
    for (r, rule) in rules.iter().enumerate() {
        let total: f64 = rule.counts.values().sum();
        rule_fits.push(RuleFit {
            pairs: total,
            matches: 0.0,
            recall: None,
            used: false,
            lambda_matches: None,
        });
        if total < MIN_RULE_PAIRS || rule.masked.iter().all(|&m| m) {
            continue;
        }
        let masked_labels = Labelled {
            matches: remask(&labelled.matches, &rule.masked),
            non_matches: remask(&labelled.non_matches, &rule.masked),
        };
        let model = fit(
            fields,
            &rule.counts,
            u_counts,
            u_sample_pairs,
            &masked_labels,
            options,
        );
        iterations += model.em_iterations;
        converged &= model.em_converged;
        let expected_matches = (model.lambda * total).max(1e-9);
        rule_fits[r].matches = expected_matches;
        fits.push((model, expected_matches, rule, r));
    }
    // A rule whose EM finds more matches than the job can hold has taken
    // something else for matches (the families of its blocks: one surname,
    // one father, one mother): it is left out, unless every rule did so.
    let possible =
        |&(_, expected, _, _): &(Model, f64, &RuleCounts, usize)| expected <= random.most_matches;
    let any_possible = fits.iter().any(possible);
    for fitted in &fits {
        if any_possible && !possible(fitted) {
            continue;
        }
        let (model, expected_matches, rule, r) = (&fitted.0, fitted.1, fitted.2, fitted.3);
        rule_fits[r].used = true;
        // A rule reading one field counts the fewest matches its pairs can
        // hold instead of EM's (see `fewest_matches`).
        let read: Vec<usize> = (0..fields.len()).filter(|&f| !rule.masked[f]).collect();
        let counted = match read[..] {
            [f] => fewest_matches(&rule.counts, f, &u_counts[f]),
            _ => Some(expected_matches),
        };
        if let Some(counted) = counted {
            rule_fits[r].lambda_matches = Some(counted);
            rule_matches.push((r, counted, &rule.recall));
        }
        for (f, field) in model.fields.iter().enumerate() {
            if rule.masked[f] {
                continue;
            }
            m_weight[f] += expected_matches;
            for (level, l) in field.levels.iter().enumerate() {
                m_sum[f][level] += expected_matches * l.m;
            }
        }
    }
    // Fields no rule could estimate: EM over all pairs, unmasked.
    let fallback = m_weight
        .iter()
        .any(|&w| w <= 0.0)
        .then(|| fit(fields, all, u_counts, u_sample_pairs, labelled, options));
    let m: Vec<Vec<f64>> = (0..fields.len())
        .map(|f| match (&fallback, m_weight[f] > 0.0) {
            (Some(model), false) => model.fields[f].levels.iter().map(|l| l.m).collect(),
            _ => m_sum[f].iter().map(|x| x / m_weight[f]).collect(),
        })
        .collect();
    let mut m = m;
    apply_swap_floor(fields, &mut m);
    let u: Vec<Vec<f64>> = u_counts.iter().map(|c| normalise(c, 1.0)).collect();
    cap_swaps(fields, &mut m, &u);
    cap_birth_different(fields, &mut m);
    cap_birth_same_year(fields, &mut m);
    let mut estimates: Vec<f64> = rule_matches
        .iter()
        .filter_map(|&(r, expected, recall)| {
            let recall: f64 = recall
                .as_ref()?
                .iter()
                .map(|&(f, levels, presence)| {
                    presence
                        * levels
                            .iter()
                            .map(|&l| m[f].get(l as usize).copied().unwrap_or(0.0))
                            .sum::<f64>()
                })
                .product();
            rule_fits[r].recall = Some(recall);
            (recall > 1e-6).then(|| expected / recall)
        })
        .collect();
    estimates.sort_by(f64::total_cmp);
    let lambda = match estimates.get(estimates.len() / 2) {
        Some(&matches) if possible_pairs > 0.0 => {
            // No more matches than the job can hold (see `most_matches`).
            let matches = matches.min(random.most_matches);
            (matches / possible_pairs).clamp(1e-12, 0.5)
        }
        // No rule maps onto levels: assume blocking finds every match, and
        // no more matches than the job can hold (EM over all candidate
        // pairs takes namesakes for matches).
        _ => {
            let blocked = fit_lambda(fields, &m, &u, all, labelled, options);
            let candidates: f64 = all.values().sum();
            let matches = (blocked * candidates).min(random.most_matches);
            (matches / possible_pairs.max(1.0)).clamp(1e-12, 0.5)
        }
    };
    let mut model = build_model(
        fields,
        &m,
        &u,
        lambda,
        iterations,
        converged,
        u_sample_pairs,
    );
    model.rule_fits = rule_fits;
    model
}

/// Share of true matches assumed, at least, to have the given name and
/// surname columns swapped. The rules that find swapped pairs block on the
/// names, so EM can hardly see this level; without a floor a swap would
/// count as strong evidence *against* a match.
const SWAPPED_M_FLOOR: f64 = 0.01;

fn apply_swap_floor(fields: &[Field], m: &mut [Vec<f64>]) {
    use crate::compare::{TEXT_LEVELS, TEXT_SWAPPED, TEXT_SWAPPED_ONE_UNLIKE};
    for (f, field) in fields.iter().enumerate() {
        if field.name != "surname" && field.name != "given" {
            continue;
        }
        let names = field.level_names();
        for level in [TEXT_SWAPPED, TEXT_SWAPPED_ONE_UNLIKE] {
            let Some(swapped) = names
                .iter()
                .position(|l| *l == TEXT_LEVELS[usize::from(level)])
            else {
                continue;
            };
            if m[f][swapped] >= SWAPPED_M_FLOOR {
                continue;
            }
            let others: f64 = m[f]
                .iter()
                .enumerate()
                .filter(|(l, _)| *l != swapped)
                .map(|(_, x)| x)
                .sum();
            let scale = if others > 0.0 {
                (1.0 - SWAPPED_M_FLOOR) / others
            } else {
                0.0
            };
            for (l, x) in m[f].iter_mut().enumerate() {
                *x = if l == swapped {
                    SWAPPED_M_FLOOR
                } else {
                    *x * scale
                };
            }
        }
    }
}

/// A swap of the given name and surname columns says the names agree,
/// crossed: no more than agreeing as transliterations would (the crossing
/// may come from a wrong split of a whole-name cell, and a swapped pair
/// gets no term-frequency adjustment, so the commonest names would count
/// like the rarest). Random pairs almost never show a swap, so its `u` is
/// tiny and, left alone, its weight would exceed even an exact agreement.
/// The swapped levels' `m` is lowered until their weight is at most that
/// of the transliteration level (the "one unlike" swap: of the
/// Jaro-Winkler ≥ 0.92 level).
fn cap_swaps(fields: &[Field], m: &mut [Vec<f64>], u: &[Vec<f64>]) {
    use crate::compare::{
        TEXT_LEVELS, TEXT_SWAPPED, TEXT_SWAPPED_ONE_UNLIKE, TEXT_TRANSLITERATION,
    };
    for (f, field) in fields.iter().enumerate() {
        if field.name != "surname" && field.name != "given" {
            continue;
        }
        let names = field.level_names();
        let at = |level: u8| {
            names
                .iter()
                .position(|l| *l == TEXT_LEVELS[usize::from(level)])
        };
        for (swap, reference) in [
            (TEXT_SWAPPED, TEXT_TRANSLITERATION),
            (TEXT_SWAPPED_ONE_UNLIKE, 5),
        ] {
            let (Some(s), Some(r)) = (at(swap), at(reference)) else {
                continue;
            };
            if u[f][s] <= 0.0 || u[f][r] <= 0.0 {
                continue;
            }
            let most = u[f][s] * m[f][r] / u[f][r];
            if m[f][s] > most {
                m[f][s] = most;
            }
        }
    }
}

/// The most of true matches assumed to show two birth dates that disagree
/// at every level: not the same day, not a slip of one digit, not day and
/// month transposed, not within days, not the same year. A child's birth
/// date is the steadiest thing two registries write of it; EM, fitted on
/// blocks full of namesakes (same given name and surname, or same given
/// name and town), can take a share of them for matches and learn that
/// matches often disagree on the date (a sixth or more of them), so that a
/// wholly different date hardly counted against a pair. A stated age
/// years off the other record's birth date or age is the same evidence
/// between a date and an age (a list of birth years and ages against one
/// of dates), and shares the cap: EM on a link of a guardianship register
/// with a list of birth years, its blocks full of one family's children,
/// had put three fifths of its matches there.
const BIRTH_DIFFERENT_M_CAP: f64 = 0.05;

/// Lowers the `m` of the birth date's "different" and "age years off"
/// levels together to at most [`BIRTH_DIFFERENT_M_CAP`], each in
/// proportion, the rest going to the other levels in proportion.
fn cap_birth_different(fields: &[Field], m: &mut [Vec<f64>]) {
    use crate::compare::{Comparator, BIRTH_AGE_YEARS_OFF, BIRTH_DIFFERENT};
    for (f, field) in fields.iter().enumerate() {
        if field.comparator == Comparator::Birth {
            let capped = [
                usize::from(BIRTH_DIFFERENT),
                usize::from(BIRTH_AGE_YEARS_OFF),
            ];
            cap_levels(&mut m[f], &capped, BIRTH_DIFFERENT_M_CAP, &[]);
        }
    }
}

/// Two birth dates of one year that differ in both day and month (not by
/// one digit, not transposed, not within days) need two slips in one date,
/// so true matches show it about as often as the square of the share that
/// show one slip (one digit, day and month transposed, within days). EM on
/// blocks of namesakes and cousins born the same year (one surname, one
/// given name, one town) took them for matches and read "same year" as
/// evidence for a match. Its `m` is held to that square, read off the
/// model's own `m` (no constant), the rest going to the other levels
/// except the capped "different" ones.
fn cap_birth_same_year(fields: &[Field], m: &mut [Vec<f64>]) {
    use crate::compare::{
        Comparator, BIRTH_AGE_YEARS_OFF, BIRTH_DIFFERENT, BIRTH_ONE_DIGIT, BIRTH_SAME_YEAR,
        BIRTH_TRANSPOSED, BIRTH_WITHIN_DAYS,
    };
    const ONE_SLIP: [u8; 3] = [BIRTH_TRANSPOSED, BIRTH_ONE_DIGIT, BIRTH_WITHIN_DAYS];
    const SAME_YEAR: usize = BIRTH_SAME_YEAR as usize;
    for (f, field) in fields.iter().enumerate() {
        if field.comparator != Comparator::Birth || m[f].len() <= SAME_YEAR {
            continue;
        }
        let one_slip: f64 = ONE_SLIP.iter().map(|&l| m[f][usize::from(l)]).sum();
        let fixed = [
            usize::from(BIRTH_DIFFERENT),
            usize::from(BIRTH_AGE_YEARS_OFF),
        ];
        cap_levels(&mut m[f], &[SAME_YEAR], one_slip * one_slip, &fixed);
    }
}

/// Lowers the summed `m` of the `capped` levels of one field to at most
/// `cap`, each in proportion, and raises the other levels (but "missing"
/// and the `fixed` ones) in proportion so that the field's `m` still sums
/// to one.
fn cap_levels(m: &mut [f64], capped: &[usize], cap: f64, fixed: &[usize]) {
    if capped.iter().any(|&l| l >= m.len()) {
        return;
    }
    let current: f64 = capped.iter().map(|&l| m[l]).sum();
    if current <= cap {
        return;
    }
    let free = |l: usize| !capped.contains(&l) && !fixed.contains(&l) && l != usize::from(MISSING);
    let others: f64 = (0..m.len()).filter(|&l| free(l)).map(|l| m[l]).sum();
    if others <= 0.0 {
        return;
    }
    let (down, up) = (cap / current, (others + current - cap) / others);
    for (l, x) in m.iter_mut().enumerate() {
        if capped.contains(&l) {
            *x *= down;
        } else if free(l) {
            *x *= up;
        }
    }
}

fn remask(counts: &FxHashMap<u64, f64>, masked: &[bool]) -> FxHashMap<u64, f64> {
    let mut out = FxHashMap::default();
    for (&p, &c) in counts {
        *out.entry(mask_pattern(p, masked)).or_default() += c;
    }
    out
}

fn log_ratio(fields: &[Field], m: &[Vec<f64>], u: &[Vec<f64>], pattern: u64) -> f64 {
    (0..fields.len())
        .map(|f| {
            let level = level_in(pattern, f) as usize;
            if level == MISSING as usize {
                0.0
            } else {
                (m[f][level] / u[f][level]).ln()
            }
        })
        .sum()
}

/// λ by EM with `m` and `u` fixed.
fn fit_lambda(
    fields: &[Field],
    m: &[Vec<f64>],
    u: &[Vec<f64>],
    all: &FxHashMap<u64, f64>,
    labelled: &Labelled,
    options: &EmOptions,
) -> f64 {
    let ratios: Vec<(f64, f64)> = all
        .iter()
        .map(|(&p, &c)| (log_ratio(fields, m, u, p), c))
        .collect();
    let known: f64 = labelled.matches.values().sum();
    let total: f64 = ratios.iter().map(|(_, c)| c).sum::<f64>()
        + known
        + labelled.non_matches.values().sum::<f64>();
    if total <= 0.0 {
        return 0.5;
    }
    let mut lambda = 0.1f64;
    for _ in 0..options.max_iterations.max(1) * 10 {
        let prior = (lambda / (1.0 - lambda)).ln();
        let expected: f64 = ratios
            .iter()
            .map(|&(r, c)| c / (1.0 + (-(prior + r)).exp()))
            .sum::<f64>()
            + known;
        let next = (expected / total).clamp(1e-9, 1.0 - 1e-9);
        let change = (next - lambda).abs();
        lambda = next;
        if change < options.tolerance * 1e-3 {
            break;
        }
    }
    lambda
}

/// Fits `m` and λ by EM on pattern counts of blocked pairs, `u` given.
pub(crate) fn fit(
    fields: &[Field],
    patterns: &FxHashMap<u64, f64>,
    u_counts: &LevelCounts,
    u_sample_pairs: usize,
    labelled: &Labelled,
    options: &EmOptions,
) -> Model {
    let u: Vec<Vec<f64>> = u_counts.iter().map(|c| normalise(c, 1.0)).collect();
    // Start from "matches mostly agree": m falls off across the levels.
    let mut m: Vec<Vec<f64>> = fields
        .iter()
        .map(|field| {
            let levels = field.level_names().len();
            let raw: Vec<f64> = (0..levels)
                .map(|l| {
                    if l == 0 {
                        0.0
                    } else {
                        0.5f64.powi(l as i32 * 2 - 1)
                    }
                })
                .collect();
            normalise(&raw, 0.0)
        })
        .collect();
    let patterns: Vec<(u64, f64)> = patterns.iter().map(|(&p, &c)| (p, c)).collect();
    let labelled_matches: f64 = labelled.matches.values().sum();
    let total: f64 = patterns.iter().map(|(_, c)| c).sum::<f64>()
        + labelled_matches
        + labelled.non_matches.values().sum::<f64>();
    let mut lambda = 0.1f64.min(0.5);
    let mut iterations = 0;
    let mut converged = false;
    while iterations < options.max_iterations && total > 0.0 {
        iterations += 1;
        let mut match_counts = empty_level_counts(fields);
        let mut expected_matches = labelled_matches;
        let prior = (lambda / (1.0 - lambda)).ln();
        for &(pattern, count) in &patterns {
            let log_odds = prior + log_ratio(fields, &m, &u, pattern);
            let p = 1.0 / (1.0 + (-log_odds).exp());
            expected_matches += p * count;
            add_pattern(&mut match_counts, pattern, p * count);
        }
        for (&pattern, &count) in &labelled.matches {
            add_pattern(&mut match_counts, pattern, count);
        }
        let new_m: Vec<Vec<f64>> = match_counts.iter().map(|c| normalise(c, 0.5)).collect();
        let new_lambda = (expected_matches / total).clamp(1e-9, 1.0 - 1e-9);
        let change = new_m
            .iter()
            .flatten()
            .zip(m.iter().flatten())
            .map(|(a, b)| (a - b).abs())
            .fold((new_lambda - lambda).abs(), f64::max);
        m = new_m;
        lambda = new_lambda;
        if change < options.tolerance {
            converged = true;
            break;
        }
    }
    build_model(
        fields,
        &m,
        &u,
        lambda,
        iterations,
        converged,
        u_sample_pairs,
    )
}

fn build_model(
    fields: &[Field],
    m: &[Vec<f64>],
    u: &[Vec<f64>],
    lambda: f64,
    iterations: usize,
    converged: bool,
    u_sample_pairs: usize,
) -> Model {
    let fields = fields
        .iter()
        .enumerate()
        .map(|(f, field)| FieldModel {
            field: field.name.clone(),
            term_frequency: field.term_frequency,
            levels: field
                .level_names()
                .iter()
                .enumerate()
                .map(|(level, &name)| {
                    let (mf, uf) = (m[f][level], u[f][level]);
                    LevelModel {
                        level: name,
                        m: mf,
                        u: uf,
                        weight: if level == MISSING as usize {
                            0.0
                        } else {
                            (mf / uf).log2()
                        },
                    }
                })
                .collect(),
        })
        .collect();
    Model {
        fields,
        lambda,
        em_iterations: iterations,
        em_converged: converged,
        u_sample_pairs,
        records: 0,
        block_windows: Vec::new(),
        dependences: Vec::new(),
        rule_fits: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::BITS_PER_FIELD;
    use rand_chacha::ChaCha12Rng;
    use rand_core::{RngCore, SeedableRng};

    /// A uniform draw in [0, 1) from 53 random bits.
    fn unit(rng: &mut ChaCha12Rng) -> f64 {
        (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A stated age years off shares the cap of wholly different dates: EM
    /// that put three fifths of its matches there is held to a twentieth
    /// for both levels together, each keeping its share of it.
    #[test]
    fn ages_years_off_share_the_cap_of_different_dates() {
        let fields = vec![Field {
            name: "birth".into(),
            comparator: Comparator::Birth,
            term_frequency: false,
        }];
        let mut birth = vec![0.0; 14];
        birth[6] = 0.3;
        birth[7] = 0.1;
        birth[12] = 0.6;
        let mut m = vec![birth];
        cap_birth_different(&fields, &mut m);
        assert!((m[0][7] + m[0][12] - BIRTH_DIFFERENT_M_CAP).abs() < 1e-12);
        assert!((m[0][12] / m[0][7] - 6.0).abs() < 1e-9);
        assert!((m[0][6] - 0.95).abs() < 1e-12);
    }

    /// "Same year" is held to the square of the one-slip levels' share:
    /// here a tenth show one slip, so at most a hundredth "same year"; the
    /// capped "different" level keeps its value, the others share the rest.
    #[test]
    fn the_same_year_is_as_rare_as_two_slips() {
        let fields = vec![Field {
            name: "birth".into(),
            comparator: Comparator::Birth,
            term_frequency: false,
        }];
        let mut birth = vec![0.0; 14];
        birth[1] = 0.6;
        birth[3] = 0.1;
        birth[5] = 0.25;
        birth[7] = 0.05;
        let mut m = vec![birth];
        cap_birth_same_year(&fields, &mut m);
        assert!((m[0][5] - 0.01).abs() < 1e-12, "{}", m[0][5]);
        assert_eq!(m[0][7], 0.05);
        assert!((m[0].iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((m[0][1] / m[0][3] - 6.0).abs() < 1e-9);
    }

    /// Given name, surname and birth date: the fields of the λ tests.
    fn given_surname_birth() -> Vec<Field> {
        let text = |name: &str, column: usize, kind: NameKind| Field {
            name: name.into(),
            comparator: Comparator::Text { column, name: kind },
            term_frequency: false,
        };
        vec![
            text("given", 0, NameKind::Given),
            text("surname", 1, NameKind::Surname),
            Field {
                name: "birth".into(),
                comparator: Comparator::Birth,
                term_frequency: false,
            },
        ]
    }

    /// The comparison pattern of [`given_surname_birth`]'s levels.
    fn given_surname_birth_pattern(given: u64, surname: u64, birth: u64) -> u64 {
        given | (surname << BITS_PER_FIELD) | (birth << (2 * BITS_PER_FIELD))
    }

    /// A rule whose EM finds more matches than the job can hold (here all
    /// its thousand pairs, in a job of a hundred records a side) has fitted
    /// something else and is left out: the given name's `m` comes from the
    /// rule that found fifty, where matches agree on it exactly.
    #[test]
    fn a_rule_finding_more_matches_than_records_is_left_out() {
        let fields = given_surname_birth();
        let pattern = given_surname_birth_pattern;
        let masked = vec![false, false, true];
        let mut families = FxHashMap::default();
        families.insert(pattern(7, 1, 0), 1000.0);
        let mut names = FxHashMap::default();
        names.insert(pattern(1, 1, 0), 50.0);
        names.insert(pattern(8, 8, 0), 150.0);
        let mut all = FxHashMap::default();
        all.insert(pattern(7, 1, 7), 1000.0);
        all.insert(pattern(1, 1, 1), 50.0);
        all.insert(pattern(8, 8, 7), 150.0);
        let mut u_counts = empty_level_counts(&fields);
        add_pattern(&mut u_counts, pattern(1, 1, 1), 10.0);
        add_pattern(&mut u_counts, pattern(7, 8, 7), 100.0);
        add_pattern(&mut u_counts, pattern(8, 8, 7), 890.0);
        let rules = [families, names].map(|counts| RuleCounts {
            counts,
            masked: masked.clone(),
            recall: None,
        });
        let fit_with = |most_matches: f64| {
            fit_by_rules(
                &fields,
                &rules,
                &all,
                &RandomPairs {
                    level_counts: u_counts.clone(),
                    sampled: 1000,
                    possible: 10_000.0,
                    most_matches,
                },
                &Labelled::default(),
                &EmOptions {
                    max_iterations: 200,
                    tolerance: 1e-9,
                },
            )
        };
        let exact = |model: &Model| model.fields[0].levels[1].m;
        assert!(exact(&fit_with(100.0)) > 0.9, "{}", exact(&fit_with(100.0)));
        // With room for a thousand matches both rules count, the first most.
        assert!(exact(&fit_with(10_000.0)) < 0.5);
    }

    /// A rule whose EM reads one field only counts for λ the fewest
    /// matches its pairs can hold, whatever EM found: here 440 of its 520
    /// pairs show dates years apart, which 999 of 1013 random pairs do, so
    /// at least 520 · (1 − (440/520)/(999/1013)) are matches.
    #[test]
    fn a_rule_reading_one_field_counts_its_fewest_matches() {
        let fields = given_surname_birth();
        let pattern = given_surname_birth_pattern;
        let mut all = FxHashMap::default();
        all.insert(pattern(1, 1, 1), 80.0);
        all.insert(pattern(1, 1, 7), 40.0);
        all.insert(pattern(8, 1, 7), 400.0);
        let mut u_counts = empty_level_counts(&fields);
        add_pattern(&mut u_counts, pattern(1, 1, 1), 2.0);
        add_pattern(&mut u_counts, pattern(8, 8, 7), 998.0);
        let names: &'static [u8] = &[1];
        let fit_with = |masked: Vec<bool>, recall: RecallSpec| {
            let counts = all
                .iter()
                .map(|(&p, &c)| (mask_pattern(p, &masked), c))
                .fold(FxHashMap::default(), |mut m, (p, c)| {
                    *m.entry(p).or_default() += c;
                    m
                });
            let rules = [RuleCounts {
                counts,
                masked,
                recall,
            }];
            fit_by_rules(
                &fields,
                &rules,
                &all,
                &RandomPairs {
                    level_counts: u_counts.clone(),
                    sampled: 1000,
                    possible: 100_000.0,
                    most_matches: 10_000.0,
                },
                &Labelled::default(),
                &EmOptions {
                    max_iterations: 200,
                    tolerance: 1e-9,
                },
            )
        };
        let floor = 520.0 * (1.0 - (440.0 / 520.0) / (999.0 / 1013.0));
        let spec = Some(vec![(0, names, 1.0), (1, names, 1.0)]);
        let model = fit_with(vec![true, true, false], spec);
        let fit = &model.rule_fits[0];
        let counted = fit.lambda_matches.unwrap_or(0.0);
        assert!((counted - floor).abs() < 1e-6, "{counted} {floor}");
        let recall = fit.recall.unwrap_or(0.0);
        assert!((model.lambda * 100_000.0 * recall - floor).abs() < 1e-6);
        // A rule reading two fields counts what EM found.
        let two = fit_with(vec![false, true, false], Some(vec![(1, names, 1.0)]));
        assert_eq!(
            two.rule_fits[0].lambda_matches,
            Some(two.rule_fits[0].matches)
        );
    }

    /// A rule's pairs that show the level most non-matches show as often
    /// as non-matches do hold no floor of matches: none is counted (it
    /// would set λ to nothing), and a field missing from every pair none.
    #[test]
    fn a_floor_of_no_matches_is_not_counted() {
        let mut counts = FxHashMap::default();
        counts.insert(7u64, 100.0);
        let mut u = vec![0.0; 14];
        u[7] = 900.0;
        u[1] = 100.0;
        assert_eq!(fewest_matches(&counts, 0, &u), None);
        counts.insert(1u64, 100.0);
        let floor = fewest_matches(&counts, 0, &u).unwrap_or(0.0);
        let expected = 200.0 * (1.0 - 0.5 / (901.0 / 1013.0));
        assert!((floor - expected).abs() < 1e-9, "{floor} {expected}");
        let mut missing = FxHashMap::default();
        missing.insert(0u64, 50.0);
        assert_eq!(fewest_matches(&missing, 0, &u), None);
    }

    /// EM that took namesakes for matches (a sixth of "matches" with wholly
    /// different birth dates) is held to the cap; the other levels keep
    /// their proportions, missing stays 0, and a name field is untouched.
    #[test]
    fn birth_dates_wholly_different_in_at_most_a_twentieth_of_matches() {
        let fields = vec![
            Field {
                name: "surname".into(),
                comparator: Comparator::Text {
                    column: 0,
                    name: NameKind::Surname,
                },
                term_frequency: true,
            },
            Field {
                name: "birth".into(),
                comparator: Comparator::Birth,
                term_frequency: false,
            },
        ];
        let mut birth = vec![0.0; 14];
        birth[1] = 0.6;
        birth[5] = 0.2;
        birth[7] = 0.2;
        let mut surname = vec![0.0; 12];
        surname[1] = 0.7;
        surname[7] = 0.3;
        let mut m = vec![surname.clone(), birth];
        cap_birth_different(&fields, &mut m);
        assert_eq!(m[0], surname);
        assert!((m[1][7] - BIRTH_DIFFERENT_M_CAP).abs() < 1e-12);
        assert!((m[1].iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((m[1][1] / m[1][5] - 3.0).abs() < 1e-9);
        assert_eq!(m[1][0], 0.0);
        // Below the cap: unchanged.
        let before = m.clone();
        cap_birth_different(&fields, &mut m);
        assert_eq!(m, before);
    }

    /// Two place columns that random pairs agree on together (a home town
    /// that is mostly the birthplace): the second is read given the first,
    /// so agreeing on both counts as agreeing on one, and the model stored
    /// and read back keeps it; a surname, a name, reads no parent.
    #[test]
    fn a_place_is_read_given_the_other_place() {
        let text = |name: &str, column: usize, kind: NameKind| Field {
            name: name.into(),
            comparator: Comparator::Text { column, name: kind },
            term_frequency: false,
        };
        let fields = vec![
            text("birthplace", 0, NameKind::NotAName),
            text("last_place", 1, NameKind::NotAName),
            text("surname", 2, NameKind::Surname),
        ];
        let levels = TEXT_LEVELS.len();
        let probabilities = |agree: f64| -> Vec<f64> {
            let mut p = vec![0.0; levels];
            p[1] = agree;
            p[8] = 1.0 - agree;
            p
        };
        let m = vec![probabilities(0.9), probabilities(0.9), probabilities(0.9)];
        let u = vec![probabilities(0.1), probabilities(0.1), probabilities(0.1)];
        let mut model = build_model(&fields, &m, &u, 1e-6, 1, true, 1000);
        let pattern =
            |a: u64, b: u64, c: u64| a | (b << BITS_PER_FIELD) | (c << (2 * BITS_PER_FIELD));
        // 1,000 random pairs: the places agree together for a tenth of
        // them, the surname for every tenth pair whatever the places say.
        let sample: Vec<u64> = (0..1000u64)
            .map(|k| {
                let place = if k % 10 == 0 { 1 } else { 8 };
                let surname = if k % 10 == 3 || k == 0 { 1 } else { 8 };
                pattern(place, place, surname)
            })
            .collect();
        let independent = model.pattern_weight(pattern(1, 1, 8));
        model.fit_dependences(&fields, &sample);
        assert_eq!(model.dependences.len(), 1, "{:?}", model.dependences);
        let d = &model.dependences[0];
        assert_eq!((d.field, d.parent), (1, 0));
        // P(both) = 0.1 = P(one): log2(0.1 · 0.1 / 0.1) off the pair.
        assert!((d.bits[0][0] - 0.1f64.log2()).abs() < 0.05, "{:?}", d.bits);
        let weight = model.pattern_weight(pattern(1, 1, 8));
        assert!((independent - weight - 0.1f64.log2().abs()).abs() < 0.05);
        // Agreeing on both places is now worth what agreeing on one is.
        let one = model.fields[0].levels[1].weight;
        assert!((weight - (one + model.fields[2].levels[8].weight)).abs() < 0.2);
        let stored = Model::from_stored(&model.to_stored()).unwrap();
        assert_eq!(stored.dependences, model.dependences);
    }

    /// Three independent text fields with known m and u; pairs drawn from the
    /// mixture; EM must recover m and λ without labels.
    #[test]
    fn em_recovers_known_m_and_lambda() {
        let fields: Vec<Field> = (0..3)
            .map(|i| Field {
                name: format!("f{i}"),
                comparator: Comparator::Text {
                    column: i,
                    name: NameKind::NotAName,
                },
                term_frequency: false,
            })
            .collect();
        // Levels 1 (exact), 4 (close), 7 (different).
        let m_true = [0.85, 0.10, 0.05];
        let u_true = [0.02, 0.08, 0.90];
        let levels = [1u64, 4, 7];
        let draw = |rng: &mut ChaCha12Rng, probs: &[f64; 3]| {
            let x = unit(rng);
            if x < probs[0] {
                levels[0]
            } else if x < probs[0] + probs[1] {
                levels[1]
            } else {
                levels[2]
            }
        };
        let mut rng = ChaCha12Rng::seed_from_u64(7);
        let lambda_true = 0.2;
        let mut patterns: FxHashMap<u64, f64> = FxHashMap::default();
        for _ in 0..200_000 {
            let is_match = unit(&mut rng) < lambda_true;
            let probs = if is_match { &m_true } else { &u_true };
            let pattern = (0..3).fold(0u64, |p, f| {
                p | (draw(&mut rng, probs) << (f * BITS_PER_FIELD))
            });
            *patterns.entry(pattern).or_default() += 1.0;
        }
        let mut u_counts = empty_level_counts(&fields);
        for _ in 0..200_000 {
            let pattern = (0..3).fold(0u64, |p, f| {
                p | (draw(&mut rng, &u_true) << (f * BITS_PER_FIELD))
            });
            add_pattern(&mut u_counts, pattern, 1.0);
        }
        let model = fit(
            &fields,
            &patterns,
            &u_counts,
            200_000,
            &Labelled::default(),
            &EmOptions {
                max_iterations: 500,
                tolerance: 1e-7,
            },
        );
        assert!(model.em_converged);
        assert!(
            (model.lambda - lambda_true).abs() < 0.01,
            "lambda {}",
            model.lambda
        );
        for field in &model.fields {
            for (k, &level) in levels.iter().enumerate() {
                let m = field.levels[level as usize].m;
                assert!(
                    (m - m_true[k]).abs() < 0.02,
                    "{} level {level}: m {m}",
                    field.field
                );
            }
        }
    }
}
