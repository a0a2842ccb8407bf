//! Blocking: which pairs are worth comparing at all.
//!
//! Comparing every pair of a million records is 5·10¹¹ comparisons; blocking
//! compares only pairs that agree on some cheap key. Each rule builds a key
//! per record from a few parts (e.g. Latin surname + birth year), the
//! records are sorted by key, and records sharing a key are paired.
//!
//! Big blocks (a common name in a common year, one birth date among a
//! million children) are not paired all-to-all: within a block the records
//! are ordered by surname and given name and each is paired with its next
//! W neighbours (a sorted neighbourhood). W is the largest window, at most
//! `max_block_size`, that keeps the rule within `pairs_per_record` pairs per
//! record (or 250,000 pairs, whichever is more), so no rule can blow up
//! quadratically, and a rule whose blocks are all small pairs them completely.
//!
//! With `identifier_rules` (the default), every extra column whose values
//! are mostly distinct, or each shared by a few records only (a document or
//! social-security number, once per record of a child), also gets an exact
//! rule of its own, and each pair of moderately distinct extra
//! columns (street and postcode, school and town) a rule of the two
//! together, as long as there is room for 16 rules in all.
//!
//! Rules come from TOML:
//!
//! ```toml
//! max_block_size = 100
//! pairs_per_record = 1.5
//! identifier_rules = true
//!
//! [[rules]]
//! name = "surname + birth year"
//! keys = ["surname:latin", "birth:year"]
//! ```
//!
//! A key part is `FIELD[:TRANSFORM]`. Text fields (`given`, `surname`,
//! `patronymic`, `birthplace`, `last_place`, `guardian`, `extra.NAME`) take
//! `raw` (as written), `latin` (the script-independent key, the default),
//! `prefixN` (first N letters of the Latin key), `initial` (= `prefix1`),
//! `soundex` (a Soundex code of the Latin key) or `skeleton` / `skeletonN`
//! (the consonant skeleton of the Latin key, at most N classes); `given` and
//! `surname` also take `sound` (the given name's groups, Олександр = one of
//! Sasha's; the surname's loose sound keys, Шевцов = Шаўцоў = Shautsou,
//! one per reading of a Latin spelling; a name without one, its Latin key).
//! A record with several joins the block of each: a diminutive meets every
//! name it may stand for (Саша: Oleksandr and Oleksandra).
//! `birth` takes `date` or
//! `year` (a record with only an age gets the one or two years it allows).
//! `names` (given name and surname as an unordered pair, for swapped
//! columns) takes `sorted` (Latin keys), `initials`, `soundex` or
//! `skeleton`; `names:either` is the surname's skeleton and, when no table
//! knows the given name, the given-name column's skeleton too (a record
//! joins both blocks: a surname written in the given-name column meets
//! the other record's surname whatever became of the given name). `sex` takes no transform. A rule naming a field the records do not
//! have is skipped.

use casefile_names::{consonant_class_skeleton, soundex};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use serde::{Deserialize, Serialize};
use std::hash::Hasher;

use crate::encode::{Encoded, TextSource, NONE};

/// Blocking rules and the block-size cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockingConfig {
    #[serde(default = "default_max_block_size")]
    pub max_block_size: usize,
    #[serde(default = "default_pairs_per_record")]
    pub pairs_per_record: f64,
    #[serde(default = "default_identifier_rules")]
    pub identifier_rules: bool,
    pub rules: Vec<BlockingRule>,
}

/// One rule: records whose key parts are all present and equal are paired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockingRule {
    pub name: String,
    pub keys: Vec<String>,
}

fn default_max_block_size() -> usize {
    100
}

/// 1.5 pairs per record and rule: at a million synthetic records, 2.5
/// gave 11.6M candidate pairs and F1 0.939, 1.5 gave 6.4M and 0.939.
fn default_pairs_per_record() -> f64 {
    1.5
}

fn default_identifier_rules() -> bool {
    true
}

/// Pairs any rule may produce however few the records: small jobs are
/// never windowed, only large ones need protecting from quadratic growth.
const MIN_RULE_BUDGET: usize = 250_000;

/// Share of distinct values above which an extra column counts as an identifier.
const IDENTIFIER_DISTINCT_SHARE: f64 = 0.5;

/// A column whose values are each shared by at most this many records, and
/// at least [`REPEATED_IDENTIFIER_DISTINCT_SHARE`] of them distinct, is an
/// identifier too: in a list where each child has several records, a
/// document number repeats once per record of the child (FEBRL3: up to 6
/// times, 46 % distinct), while an address or a postcode is shared by
/// dozens. Blocks this small cost nothing.
const IDENTIFIER_MAX_SHARED: u32 = 8;
/// See [`IDENTIFIER_MAX_SHARED`]; below it, a short code list of a small
/// registry (a handful of postcodes) would pass for an identifier.
const REPEATED_IDENTIFIER_DISTINCT_SHARE: f64 = 0.35;

/// Share of distinct values above which an extra column is a quasi-identifier
/// (an address, a postcode, a school): not distinctive alone, but two of
/// them together usually name one household.
const QUASI_IDENTIFIER_DISTINCT_SHARE: f64 = 0.2;

/// Rules in all; rules derived from the data are added only while there is
/// room. The pair packing tells 16 apart (4 bits): the 17th and 18th share
/// bit 15 with the 16th (all derived rules of the extra columns, whose
/// pairs then count as any's in the rule estimates), which keeps the four
/// quasi-identifier rules of FEBRL-like data (street, suburb, postcode,
/// document number) beside the 14 name rules: without the last one
/// FEBRL4 lost two pairs.
const MAX_RULES: usize = 18;

/// Whether an extra column is an identifier (a document number): most of
/// its values distinct, or each shared by only a few records.
pub(crate) fn is_identifier_column(column: &crate::encode::TextColumn) -> bool {
    if !matches!(column.source, TextSource::Extra(_)) || column.present <= 1 {
        return false;
    }
    let share = column.keys.len() as f64 / f64::from(column.present.max(1));
    let most_shared = column.key_counts.iter().copied().max().unwrap_or(0);
    share >= IDENTIFIER_DISTINCT_SHARE
        || (share >= REPEATED_IDENTIFIER_DISTINCT_SHARE && most_shared <= IDENTIFIER_MAX_SHARED)
}

/// Rules derived from the extra columns: an exact rule for each identifier
/// column, then one for each pair of quasi-identifier columns, most
/// distinctive first. These find duplicates whose names and birth dates
/// were both garbled but whose address or document number survived.
fn identifier_rules(encoded: &Encoded) -> Vec<BlockingRule> {
    let share = |column: &crate::encode::TextColumn| {
        column.keys.len() as f64 / f64::from(column.present.max(1))
    };
    let extras: Vec<_> = encoded
        .text
        .iter()
        .filter(|c| matches!(c.source, TextSource::Extra(_)) && c.present > 1)
        .collect();
    let most_shared =
        |column: &crate::encode::TextColumn| column.key_counts.iter().copied().max().unwrap_or(0);
    let is_identifier = |column: &crate::encode::TextColumn| is_identifier_column(column);
    let mut identifiers: Vec<_> = extras.iter().filter(|c| is_identifier(c)).collect();
    identifiers.sort_by_key(|c| most_shared(c));
    let mut rules: Vec<BlockingRule> = identifiers
        .iter()
        .map(|c| BlockingRule {
            name: format!("{} (identifier)", c.source.name()),
            keys: vec![c.source.name()],
        })
        .collect();
    let mut quasi: Vec<_> = extras
        .iter()
        .filter(|c| !is_identifier(c) && share(c) >= QUASI_IDENTIFIER_DISTINCT_SHARE)
        .collect();
    quasi.sort_by(|a, b| share(b).total_cmp(&share(a)));
    for (i, a) in quasi.iter().enumerate() {
        for b in &quasi[i + 1..] {
            rules.push(BlockingRule {
                name: format!(
                    "{} + {} (quasi-identifiers)",
                    a.source.name(),
                    b.source.name()
                ),
                keys: vec![a.source.name(), b.source.name()],
            });
        }
    }
    rules
}

/// A blocking configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BlockingError {
    #[error("blocking TOML is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("blocking rule {rule:?}: key part {part:?} is not FIELD[:TRANSFORM] with a known field and transform")]
    BadKey { rule: String, part: String },
    #[error("blocking rule {rule:?} has no key parts")]
    EmptyRule { rule: String },
    #[error("blocking needs at least one rule")]
    NoRules,
    #[error("max_block_size must be at least 2")]
    BlockTooSmall,
    #[error("pairs_per_record must be at least 1")]
    BudgetTooSmall,
}

impl Default for BlockingConfig {
    /// Rules that catch the usual disagreements between lists: a typo or
    /// another language's form in the given name (1), in the surname (2–4),
    /// a slip in the birth date or an age instead of it (1, 3, 4), a
    /// missing birth date (5–7, 10, 11: names alike), given name and surname
    /// swapped (6–8), both names garbled but the birth date right (8, 9).
    /// Rule 10 uses the surname's sound key, so Belarusian forms
    /// (Шаўцоў / Шевцов, Коваленка / Коваленко) meet without a birth date;
    /// rule 11 (surname alone) finds FEBRL's pairs with typos in both the
    /// given name and the birth date; rule 12 (surname sound key + birth
    /// year) finds a surname in another language's or a press spelling
    /// (Schewtschenko / Шевченко) when the given name has a typo too.
    /// Rule 13 finds swapped columns when one name changed as well (a
    /// diminutive or a typo in the given name, a typo in the surname).
    /// Rules 3 and 7 use consonant skeletons ([`skeleton`]), so German or
    /// French press spellings (Schewtschenko, Chevtchenko) and dropped or
    /// doubled letters still meet their Cyrillic forms; rule 3 adds the
    /// given name's skeleton so its blocks stay small at a million records.
    /// Rules 4 and 10 use the given name's group (a name outside the table
    /// stands for itself), so a diminutive or another language's form
    /// (Сашко / Aleksandr, Настя / Anastasiia) meets the full name.
    /// Rule 14 (the given name's group and the home town's settlement, its
    /// old and new names one, see `place_names`) finds a child whose
    /// surname has a typo in a list that gives no birth date or age
    /// (Бондсрь София, Мариуполь / Бондар Софія, Маріуполь): every other
    /// rule needs the surname intact or a birth year.
    fn default() -> BlockingConfig {
        let rule = |name: &str, keys: &[&str]| BlockingRule {
            name: name.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        };
        BlockingConfig {
            max_block_size: default_max_block_size(),
            rules: vec![
                rule("surname + birth year", &["surname:latin", "birth:year"]),
                rule("given + birth date", &["given:latin", "birth:date"]),
                rule(
                    "name skeletons + birth year",
                    &["surname:skeleton", "given:skeleton3", "birth:year"],
                ),
                rule("given sound + birth year", &["given:sound", "birth:year"]),
                rule(
                    "surname sound + given initial",
                    &["surname:soundex", "given:initial"],
                ),
                rule("names in either order", &["names:sorted"]),
                rule("name skeletons in either order", &["names:skeleton"]),
                rule("birth date + initials", &["birth:date", "names:initials"]),
                rule("birth date", &["birth:date"]),
                rule(
                    "surname sound + given sound",
                    &["surname:sound", "given:sound"],
                ),
                rule("surname", &["surname:latin"]),
                rule(
                    "surname sound + birth year",
                    &["surname:sound", "birth:year"],
                ),
                rule(
                    "surname in either column + birth year",
                    &["names:either", "birth:year"],
                ),
                rule("given sound + place", &["given:sound", "last_place:sound"]),
            ],
            pairs_per_record: default_pairs_per_record(),
            identifier_rules: default_identifier_rules(),
        }
    }
}

impl BlockingConfig {
    /// Reads and checks a TOML configuration (see the module documentation).
    pub fn from_toml(text: &str) -> Result<BlockingConfig, BlockingError> {
        let config: BlockingConfig = toml::from_str(text)?;
        config.validate()?;
        Ok(config)
    }

    /// Checks every rule's key parts.
    pub fn validate(&self) -> Result<(), BlockingError> {
        if self.rules.is_empty() {
            return Err(BlockingError::NoRules);
        }
        if self.max_block_size < 2 {
            return Err(BlockingError::BlockTooSmall);
        }
        if self.pairs_per_record.is_nan() || self.pairs_per_record < 1.0 {
            return Err(BlockingError::BudgetTooSmall);
        }
        for rule in &self.rules {
            if rule.keys.is_empty() {
                return Err(BlockingError::EmptyRule {
                    rule: rule.name.clone(),
                });
            }
            for part in &rule.keys {
                parse_part(part).ok_or_else(|| BlockingError::BadKey {
                    rule: rule.name.clone(),
                    part: part.clone(),
                })?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum KeyPart {
    Text(TextSource, Transform),
    BirthDate,
    BirthYear,
    NamesSorted,
    NamesInitials,
    NamesSoundex,
    NamesSkeleton,
    /// The surname's consonant skeleton, and the given-name column's too
    /// when no table knows it as a given name: a surname written in the
    /// given-name column (swapped columns) meets the surname of the other
    /// record even when the given name was shortened or mistyped too.
    NamesEither,
    Sex,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Transform {
    Raw,
    Latin,
    Prefix(usize),
    Soundex,
    /// The consonant skeleton (see [`skeleton`]), cut to at most N classes.
    Skeleton(usize),
    /// Name knowledge: a given name's group, a surname's sound key (the
    /// first of `TextColumn::key_variants`).
    Sound,
}

fn parse_part(part: &str) -> Option<KeyPart> {
    let mut pieces = part.trim().splitn(2, ':');
    let field = pieces.next()?.trim();
    let transform = pieces.next().map(str::trim);
    match (field, transform) {
        ("birth", Some("date")) => Some(KeyPart::BirthDate),
        ("birth", Some("year")) => Some(KeyPart::BirthYear),
        ("names", Some("sorted")) => Some(KeyPart::NamesSorted),
        ("names", Some("initials")) => Some(KeyPart::NamesInitials),
        ("names", Some("soundex")) => Some(KeyPart::NamesSoundex),
        ("names", Some("skeleton")) => Some(KeyPart::NamesSkeleton),
        ("names", Some("either")) => Some(KeyPart::NamesEither),
        ("sex", None) => Some(KeyPart::Sex),
        ("birth" | "sex" | "names", _) => None,
        (field, transform) => {
            let source = TextSource::from_name(field)?;
            let transform = match transform {
                None | Some("latin") => Transform::Latin,
                Some("raw") => Transform::Raw,
                Some("initial") => Transform::Prefix(1),
                Some("soundex") => Transform::Soundex,
                Some("sound") => Transform::Sound,
                Some("skeleton") => Transform::Skeleton(usize::MAX),
                Some(other) if other.starts_with("skeleton") => {
                    Transform::Skeleton(other["skeleton".len()..].parse().ok().filter(|n| *n > 0)?)
                }
                Some(other) => Transform::Prefix(
                    other
                        .strip_prefix("prefix")?
                        .parse()
                        .ok()
                        .filter(|n| *n > 0)?,
                ),
            };
            Some(KeyPart::Text(source, transform))
        }
    }
}

/// Per-record values of one key part; a record may have several (ages).
enum PartValues {
    /// One value per record, or [`NONE`].
    Single(Vec<u32>),
    /// Birth years: a record's span of possible years.
    Years,
    /// Up to two values per record, [`NONE`] padded (the first `NONE`:
    /// none at all).
    Two(Vec<[u32; 2]>),
    /// Several values per key, [`NONE`] padded (a record's key has none
    /// when the first is `NONE`): a Latin spelling's sound key under each
    /// plausible reading (Schewtschenko read German-style is Шевченко's), a
    /// diminutive's every group (Саша: Oleksandr's and Oleksandra's). A
    /// record joins the block of each, so a reading or group that is not
    /// the first still meets its other forms.
    Several {
        per_key: Vec<[u32; crate::encode::VARIANT_IDS]>,
        column: usize,
    },
}

/// Candidate pairs of an encoded job, and how many each rule contributed.
pub(crate) struct Candidates {
    /// `(i << 32) | j` with `i < j`, sorted, without repeats.
    pub pairs: Vec<u64>,
    /// Per pair: bit r set when rule r paired it within a whole block
    /// (rules past the 16th share bit 15). Pairs from a window of a cut
    /// block lean towards alike names (the window follows name order), so
    /// they would bias the rule's estimates and are left out of them.
    pub whole_block_masks: Vec<u16>,
    pub per_rule: Vec<(String, usize)>,
    /// Per rule: the compared fields its keys are built from (they agree by
    /// construction in the rule's pairs, so they say nothing there).
    pub rule_fields: Vec<Vec<String>>,
    /// Per rule: the comparison levels a true match must show to share the
    /// rule's key, field by field — when the rule's keys map onto levels
    /// exactly (latin/raw text, birth date, names in either order).
    pub rule_recall: Vec<Option<Vec<RecallTerm>>>,
    /// Per rule: whether some block was cut to a sorted-neighbourhood
    /// window (its pairs then lean towards alike names).
    pub rule_windowed: Vec<bool>,
    /// Per pair: bit r set when rule r paired it at all (whole block or
    /// window; rules past the 16th share bit 15), kept with the pairs of a
    /// run so that a later run knows when no rule pairs them any more.
    pub rule_masks: Vec<u16>,
    /// The window each rule that ran paired its blocks with, by rule name.
    pub windows: Vec<(String, usize)>,
    /// After an append ([`candidate_pairs`] given which records are new):
    /// pairs of earlier records that a rule paired before and pairs no
    /// more (new records came between them in a cut block), with the bits
    /// of those rules. Empty otherwise.
    pub lost: FxHashMap<u64, u16>,
    /// Whether every rule that ran was given its window (otherwise pairs
    /// paired with `new` are not those of a run on all the records).
    pub complete: bool,
}

/// A field and the levels of it a pair must show to be blocked together.
#[derive(Debug, Clone)]
pub(crate) struct RecallTerm {
    pub field: String,
    pub levels: &'static [u8],
}

fn recall_of_rule(rule: &BlockingRule) -> Option<Vec<RecallTerm>> {
    const KEY_EQUAL: &[u8] = &[1, 2];
    const RAW_EQUAL: &[u8] = &[1];
    use crate::compare::{TEXT_EXACT, TEXT_SWAPPED, TEXT_TRANSLITERATION};
    const NAME_EITHER_ORDER: &[u8] = &[TEXT_EXACT, TEXT_TRANSLITERATION, TEXT_SWAPPED];
    const GIVEN_EITHER_ORDER: &[u8] = &[TEXT_EXACT, TEXT_TRANSLITERATION, TEXT_SWAPPED];
    let mut terms = Vec::new();
    for part in rule.keys.iter().map(|k| parse_part(k)) {
        let term = |field: &str, levels| RecallTerm {
            field: field.to_string(),
            levels,
        };
        match part? {
            KeyPart::Text(source, Transform::Latin) => terms.push(term(&source.name(), KEY_EQUAL)),
            KeyPart::Text(source, Transform::Raw) => terms.push(term(&source.name(), RAW_EQUAL)),
            KeyPart::BirthDate => terms.push(term("birth", RAW_EQUAL)),
            KeyPart::NamesSorted => {
                // A swap shows as "swapped" in both name fields.
                terms.push(term("given", GIVEN_EITHER_ORDER));
                terms.push(term("surname", NAME_EITHER_ORDER));
            }
            _ => return None,
        }
    }
    Some(terms)
}

/// The compared fields a rule's key parts are built from.
fn fields_of_rule(rule: &BlockingRule) -> Vec<String> {
    let mut fields = Vec::new();
    for part in rule.keys.iter().filter_map(|k| parse_part(k)) {
        match part {
            KeyPart::Text(source, _) => fields.push(source.name()),
            KeyPart::BirthDate | KeyPart::BirthYear => fields.push("birth".into()),
            KeyPart::NamesSorted
            | KeyPart::NamesInitials
            | KeyPart::NamesSoundex
            | KeyPart::NamesSkeleton
            | KeyPart::NamesEither => {
                fields.push("given".into());
                fields.push("surname".into());
            }
            KeyPart::Sex => fields.push("sex".into()),
        }
    }
    fields
}

/// The rules a job blocks with: the configured ones, then those derived
/// from its identifier columns while there is room.
pub(crate) fn rules_for(encoded: &Encoded, config: &BlockingConfig) -> Vec<BlockingRule> {
    let mut rules = config.rules.clone();
    if config.identifier_rules {
        let room = MAX_RULES.saturating_sub(rules.len());
        rules.extend(identifier_rules(encoded).into_iter().take(room));
    }
    rules
}

/// The candidate pairs of a job. `windows` gives the window a rule's cut
/// blocks are paired with (kept with the model, see
/// [`crate::Model::block_windows`]); a rule without one takes the largest
/// window within its budget.
///
/// `new` (per record: whether it was appended since the run whose pairs
/// are kept) pairs only what involves a new record: each rule's keys are
/// built for every record, but only the blocks holding a new record are
/// sorted and paired, and only the pairs with a new record are returned
/// (the others are the kept ones), with [`Candidates::lost`]. Records keep
/// their order within a block when others are added (name order, then
/// record index, and new records come last), so a block's pairs are those
/// of a run on all the records: the new records' pairs within the window,
/// and the earlier pairs the window no longer spans. Such a run needs the
/// window of every rule that runs ([`Candidates::complete`]).
pub(crate) fn candidate_pairs(
    encoded: &Encoded,
    config: &BlockingConfig,
    windows: &(dyn Fn(&str) -> Option<usize> + Sync),
    new: Option<&[bool]>,
) -> Candidates {
    // After an append only the blocks of new records are paired: their
    // records alone are put in name order, not every record.
    let ranks = NameRanks::new(encoded);
    let order = new
        .is_none()
        .then(|| ranks.dense_order(encoded, 0..encoded.len()));
    let order = Order {
        ranks: &ranks,
        all: order.as_deref(),
    };
    let rules = rules_for(encoded, config);
    let budget = ((config.pairs_per_record * encoded.len() as f64) as usize).max(MIN_RULE_BUDGET);
    // Packed as i << 38 | j << 12 | cut << 4 | rule, so one sort removes
    // repeats and keeps which rules found each pair, and whether in a whole
    // block or in a window of a cut one.
    // Rules run side by side: building one rule's keys is mostly serial
    // work over every record.
    let found: Vec<Option<RulePairs>> = rules
        .par_iter()
        .map(|rule| {
            let parts: Option<Vec<KeyPart>> = rule.keys.iter().map(|k| parse_part(k)).collect();
            let values = parts.and_then(|parts| {
                parts
                    .iter()
                    .map(|part| part_values(encoded, part))
                    .collect::<Option<Vec<_>>>()
            })?;
            Some(rule_pairs(
                encoded,
                &values,
                order,
                config.max_block_size,
                budget,
                windows(&rule.name),
                new,
            ))
        })
        .collect();
    let complete = found
        .iter()
        .zip(&rules)
        .all(|(f, rule)| f.is_none() || windows(&rule.name).is_some());
    let mut all: Vec<u64> = Vec::with_capacity(
        found
            .iter()
            .map(|f| f.as_ref().map_or(0, |found| found.pairs.len()))
            .sum(),
    );
    let mut per_rule = Vec::new();
    let mut rule_windowed = Vec::new();
    let mut windows = Vec::new();
    let mut lost: FxHashMap<u64, u16> = FxHashMap::default();
    let rule_fields: Vec<_> = rules.iter().map(fields_of_rule).collect();
    let rule_recall: Vec<_> = rules.iter().map(recall_of_rule).collect();
    for (rule_index, (rule, found)) in rules.iter().zip(found).enumerate() {
        let rule_bit = rule_index.min(15) as u64;
        let RulePairs {
            pairs,
            windowed,
            window,
            lost: lost_here,
        } = match found {
            Some(found) => {
                windows.push((rule.name.clone(), found.window));
                found
            }
            None => RulePairs::default(),
        };
        for key in lost_here {
            *lost.entry(key).or_default() |= 1 << rule_bit;
        }
        let _ = window;
        rule_windowed.push(windowed);
        per_rule.push((rule.name.clone(), pairs.len()));
        all.extend(pairs.into_iter().map(|p| p | rule_bit));
    }
    all.par_sort_unstable();
    let mut pairs = Vec::with_capacity(all.len());
    let mut whole_block_masks: Vec<u16> = Vec::with_capacity(all.len());
    let mut rule_masks: Vec<u16> = Vec::with_capacity(all.len());
    let mut last = u64::MAX;
    for packed in all {
        let pair = packed >> 12;
        let rule = 1u16 << (packed & 0xf);
        let whole = if packed & 0x10 == 0 { rule } else { 0 };
        if pair == last {
            if let Some(mask) = whole_block_masks.last_mut() {
                *mask |= whole;
            }
            if let Some(mask) = rule_masks.last_mut() {
                *mask |= rule;
            }
        } else {
            last = pair;
            pairs.push(((pair >> 26) << 32) | (pair & ((1 << 26) - 1)));
            whole_block_masks.push(whole);
            rule_masks.push(rule);
        }
    }
    Candidates {
        pairs,
        whole_block_masks,
        per_rule,
        rule_fields,
        rule_recall,
        rule_windowed,
        rule_masks,
        windows,
        lost,
        complete,
    }
}

fn part_values(encoded: &Encoded, part: &KeyPart) -> Option<PartValues> {
    match part {
        KeyPart::BirthDate => {
            if !encoded.has_birth {
                return None;
            }
            Some(PartValues::Single(
                encoded
                    .birth
                    .iter()
                    .map(|b| if b.has_date() { b.day as u32 } else { NONE })
                    .collect(),
            ))
        }
        KeyPart::BirthYear => encoded.has_birth.then_some(PartValues::Years),
        KeyPart::NamesSorted
        | KeyPart::NamesInitials
        | KeyPart::NamesSoundex
        | KeyPart::NamesSkeleton => {
            let given = &encoded.text[encoded.column(&TextSource::Given)?];
            let surname = &encoded.text[encoded.column(&TextSource::Surname)?];
            let reduce = |keys: &[Box<str>]| -> Vec<String> {
                keys.par_iter()
                    .map(|k| match part {
                        KeyPart::NamesInitials => first_char(k).to_string(),
                        KeyPart::NamesSoundex => soundex(k),
                        KeyPart::NamesSkeleton => consonant_class_skeleton(k, usize::MAX),
                        _ => k.to_string(),
                    })
                    .collect()
            };
            let (given_keys, surname_keys) = (reduce(&given.keys), reduce(&surname.keys));
            let mut ids: FxHashMap<(&str, &str), u32> = FxHashMap::default();
            let values = (0..encoded.len())
                .map(|r| {
                    let (g, s) = (given.key_of(r), surname.key_of(r));
                    if g == NONE || s == NONE {
                        return NONE;
                    }
                    let (a, b) = (
                        given_keys[g as usize].as_str(),
                        surname_keys[s as usize].as_str(),
                    );
                    if a.is_empty() || b.is_empty() {
                        return NONE;
                    }
                    let pair = if a <= b { (a, b) } else { (b, a) };
                    let next = ids.len() as u32;
                    *ids.entry(pair).or_insert(next)
                })
                .collect();
            Some(PartValues::Single(values))
        }
        KeyPart::NamesEither => {
            let given = &encoded.text[encoded.column(&TextSource::Given)?];
            let surname = &encoded.text[encoded.column(&TextSource::Surname)?];
            let skeletons = |keys: &[Box<str>]| -> Vec<String> {
                keys.par_iter()
                    .map(|k| consonant_class_skeleton(k, usize::MAX))
                    .collect()
            };
            let (given_skeletons, surname_skeletons) =
                (skeletons(&given.keys), skeletons(&surname.keys));
            // A given name counts as known when the tables give it a group.
            let known_given = |key: u32| {
                given
                    .key_variants
                    .get(key as usize)
                    .is_some_and(|ids| ids[0] != NONE)
            };
            let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
            let values = (0..encoded.len())
                .map(|r| {
                    let mut out = [NONE; 2];
                    let (g, s) = (given.key_of(r), surname.key_of(r));
                    let mut slot = 0;
                    for text in [
                        (s != NONE).then(|| surname_skeletons[s as usize].as_str()),
                        (g != NONE && !known_given(g))
                            .then(|| given_skeletons[g as usize].as_str()),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        // Skeletons of one or two classes pair nearly anything.
                        if text.chars().count() < 3 {
                            continue;
                        }
                        let next = ids.len() as u32;
                        let id = *ids.entry(text).or_insert(next);
                        if !out[..slot].contains(&id) {
                            out[slot] = id;
                            slot += 1;
                        }
                    }
                    out
                })
                .collect();
            Some(PartValues::Two(values))
        }
        KeyPart::Sex => encoded.has_sex.then(|| {
            PartValues::Single(
                encoded
                    .sex
                    .iter()
                    .map(|&s| if s == 0 { NONE } else { u32::from(s) })
                    .collect(),
            )
        }),
        KeyPart::Text(source, transform) => {
            let column = &encoded.text[encoded.column(source)?];
            let derived: Vec<u32> = match transform {
                Transform::Raw => return Some(PartValues::Single(column.raw.clone())),
                Transform::Latin => (0..column.keys.len() as u32).collect(),
                Transform::Prefix(n) => {
                    intern_derived(&column.keys, |k| k.chars().take(*n).collect())
                }
                Transform::Soundex => intern_derived(&column.keys, soundex),
                Transform::Skeleton(n) => {
                    intern_derived(&column.keys, |k| consonant_class_skeleton(k, *n))
                }
                Transform::Sound => {
                    if column.key_variants.is_empty() {
                        return None;
                    }
                    // A name no table knows stands for itself (its Latin
                    // key, apart from the knowledge ids by the top bit).
                    let per_key = column
                        .key_variants
                        .iter()
                        .enumerate()
                        .map(|(key, ids)| match ids[0] {
                            NONE => {
                                let mut own = [NONE; crate::encode::VARIANT_IDS];
                                own[0] = key as u32 | 1 << 31;
                                own
                            }
                            _ => *ids,
                        })
                        .collect();
                    return Some(PartValues::Several {
                        per_key,
                        column: encoded.column(source)?,
                    });
                }
            };
            let of = |key: u32| match key {
                NONE => NONE,
                key => derived[key as usize],
            };
            if column.former.is_empty() {
                return Some(PartValues::Single(
                    (0..encoded.len()).map(|r| of(column.key_of(r))).collect(),
                ));
            }
            // A surname with a former one in a note joins the blocks of both.
            Some(PartValues::Two(
                (0..encoded.len())
                    .map(|r| {
                        let (now, then) = (of(column.key_of(r)), of(column.former_of(r)));
                        match (now, then) {
                            (NONE, _) => [NONE; 2],
                            (now, then) if then == now => [now, NONE],
                            (now, then) => [now, then],
                        }
                    })
                    .collect(),
            ))
        }
    }
}

fn first_char(text: &str) -> &str {
    text.char_indices()
        .nth(1)
        .map_or(text, |(end, _)| &text[..end])
}

/// Maps each key to the id of a value derived from it (equal derived values share an id).
fn intern_derived(keys: &[Box<str>], derive: impl Fn(&str) -> String + Sync) -> Vec<u32> {
    let derived: Vec<String> = keys.par_iter().map(|k| derive(k)).collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    derived
        .iter()
        .map(|d| {
            if d.is_empty() {
                return NONE;
            }
            let next = ids.len() as u32;
            *ids.entry(d.as_str()).or_insert(next)
        })
        .collect()
}

/// A rank per record putting similar names next to each other, for windows in big blocks.
struct NameRanks {
    surname: Option<(usize, Vec<u32>)>,
    given: Option<(usize, Vec<u32>)>,
}

impl NameRanks {
    /// Each surname and given-name key's rank among its column's keys.
    fn new(encoded: &Encoded) -> NameRanks {
        let rank_of = |source: TextSource| -> Option<(usize, Vec<u32>)> {
            let column_index = encoded.column(&source)?;
            let keys = &encoded.text[column_index].keys;
            let mut sorted: Vec<u32> = (0..keys.len() as u32).collect();
            sorted.par_sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
            let mut rank = vec![0u32; keys.len()];
            for (position, &key) in sorted.iter().enumerate() {
                rank[key as usize] = position as u32;
            }
            Some((column_index, rank))
        };
        NameRanks {
            surname: rank_of(TextSource::Surname),
            given: rank_of(TextSource::Given),
        }
    }

    /// A record's place in name order (surname, then given name).
    fn of(&self, encoded: &Encoded, record: usize) -> u64 {
        let rank = |ranked: &Option<(usize, Vec<u32>)>| -> u64 {
            match ranked {
                Some((column, rank)) => match encoded.text[*column].key_of(record) {
                    NONE => u64::from(u32::MAX),
                    key => u64::from(rank[key as usize]),
                },
                None => 0,
            }
        };
        (rank(&self.surname) << 32) | rank(&self.given)
    }

    /// Dense ranks of `records`' name order among themselves: they fit in
    /// 32 bits next to a record index, which keeps each rule's block
    /// entries at 16 bytes, and order the records as their full order does.
    fn dense_order(
        &self,
        encoded: &Encoded,
        records: impl IntoParallelIterator<Item = usize>,
    ) -> Vec<u32> {
        let order: Vec<u64> = records
            .into_par_iter()
            .map(|r| self.of(encoded, r))
            .collect();
        let mut distinct = order.clone();
        distinct.par_sort_unstable();
        distinct.dedup();
        order
            .par_iter()
            .map(|o| distinct.partition_point(|d| d < o) as u32)
            .collect()
    }
}

/// The name order blocks are paired in: of every record, or (after an
/// append) made for the records of the blocks paired.
#[derive(Clone, Copy)]
struct Order<'a> {
    ranks: &'a NameRanks,
    all: Option<&'a [u32]>,
}

/// Every hasher continued with every value (a record with several values
/// of a key part gets one key per combination); `scratch` is reused so that
/// no record allocates.
fn fan_out<T: Copy>(
    hashers: &mut Vec<FxHasher>,
    scratch: &mut Vec<FxHasher>,
    values: impl Iterator<Item = T> + Clone,
    write: impl Fn(&mut FxHasher, T),
) {
    scratch.clear();
    for hasher in hashers.iter() {
        for value in values.clone() {
            let mut next = hasher.clone();
            write(&mut next, value);
            scratch.push(next);
        }
    }
    std::mem::swap(hashers, scratch);
}

/// What one rule paired (see [`rule_pairs`]).
#[derive(Default)]
struct RulePairs {
    /// Packed as in [`candidate_pairs`], without the rule's bits.
    pairs: Vec<u64>,
    /// Whether some block was cut to the window.
    windowed: bool,
    window: usize,
    /// After an append: pairs of earlier records the window no longer
    /// spans, as [`crate::cluster::pair_key`]s.
    lost: Vec<u64>,
}

/// A rule's pairs: its key per record (several for records that join
/// several blocks), blocks as runs of one key in name order, each paired
/// within `window` (or the largest window within `budget`). With `new`,
/// only blocks holding a new record are paired (see [`candidate_pairs`]).
fn rule_pairs(
    encoded: &Encoded,
    values: &[PartValues],
    order: Order<'_>,
    max_block_size: usize,
    budget: usize,
    window: Option<usize>,
    new: Option<&[bool]>,
) -> RulePairs {
    // (key, neighbourhood rank << 32 | record): sorted, blocks are runs of
    // one key with their records in name order.
    let mut entries: Vec<(u64, u64)> = Vec::with_capacity(encoded.len());
    let (mut hashers, mut scratch): (Vec<FxHasher>, Vec<FxHasher>) = (Vec::new(), Vec::new());
    'records: for record in 0..encoded.len() {
        hashers.clear();
        hashers.push(FxHasher::default());
        for part in values {
            match part {
                PartValues::Single(v) => match v[record] {
                    NONE => continue 'records,
                    value => hashers.iter_mut().for_each(|h| h.write_u32(value)),
                },
                PartValues::Two(v) => {
                    let ids = v[record];
                    if ids[0] == NONE {
                        continue 'records;
                    }
                    let ids = ids.into_iter().filter(|&v| v != NONE);
                    fan_out(&mut hashers, &mut scratch, ids, |h, id| h.write_u32(id));
                }
                PartValues::Several { per_key, column } => {
                    let text = &encoded.text[*column];
                    let key = text.key_of(record);
                    let Some(ids) = per_key.get(key as usize).filter(|ids| ids[0] != NONE) else {
                        continue 'records;
                    };
                    // A short form of many names (Слава: Ярослава,
                    // Вячеслав, Владислав…) joins the block of every one,
                    // not only of the first few kept inline: the
                    // comparison reads them all (`shared_variant`), so
                    // blocking must too, or the pair is never compared.
                    let ids: &[u32] = text.variants_overflow.get(&key).map_or(&ids[..], |all| all);
                    let ids = ids.iter().copied().filter(|&v| v != NONE);
                    fan_out(&mut hashers, &mut scratch, ids, |h, id| h.write_u32(id));
                }
                PartValues::Years => {
                    let mut possible = encoded.birth[record].possible_years();
                    let Some(first) = possible.next() else {
                        continue 'records;
                    };
                    let last = possible.last().unwrap_or(first);
                    fan_out(&mut hashers, &mut scratch, first..=last, |h, year| {
                        h.write_i32(year)
                    });
                }
            }
        }
        let rank = order.all.map_or(0, |all| u64::from(all[record]));
        for hasher in &hashers {
            entries.push((hasher.finish(), (rank << 32) | record as u64));
        }
    }
    let record_of = |entry: &(u64, u64)| entry.1 as u32;
    if let Some(new) = new {
        // Only the blocks of the new records' keys, their records then
        // put in name order.
        let touched: FxHashSet<u64> = entries
            .iter()
            .filter(|e| new.get(record_of(e) as usize).copied().unwrap_or(false))
            .map(|e| e.0)
            .collect();
        entries.retain(|e| touched.contains(&e.0));
        let records: Vec<usize> = entries.iter().map(|e| record_of(e) as usize).collect();
        let ranks = order.ranks.dense_order(encoded, records);
        for (entry, rank) in entries.iter_mut().zip(ranks) {
            entry.1 = (u64::from(rank) << 32) | u64::from(record_of(entry));
        }
    }
    entries.par_sort_unstable();
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=entries.len() {
        if i == entries.len() || entries[i].0 != entries[start].0 {
            if i - start > 1 {
                blocks.push((start, i));
            }
            start = i;
        }
    }
    let window = window.unwrap_or_else(|| window_within_budget(&blocks, max_block_size, budget));
    let windowed = blocks.iter().any(|&(start, end)| end - start > window + 1);
    let left_len = encoded.left_len as u32;
    let linking = encoded.is_link();
    // The packed pair of records `a` and `b`, unless they are one record
    // or on one side of a link.
    let pack = move |a: u32, b: u32, cut: u64| -> Option<u64> {
        if a == b || (linking && (a < left_len) == (b < left_len)) {
            return None;
        }
        let (i, j) = if a < b { (a, b) } else { (b, a) };
        Some(((u64::from(i) << 38) | (u64::from(j) << 12)) | (cut << 4))
    };
    let Some(new) = new else {
        let pairs = blocks
            .par_iter()
            .flat_map_iter(|&(start, end)| {
                let block = &entries[start..end];
                let cut = u64::from(block.len() > window + 1);
                (0..block.len()).flat_map(move |k| {
                    let a = block[k].1 as u32;
                    block[k + 1..(k + 1 + window).min(block.len())]
                        .iter()
                        .filter_map(move |entry| pack(a, entry.1 as u32, cut))
                })
            })
            .collect();
        return RulePairs {
            pairs,
            windowed,
            window,
            lost: Vec::new(),
        };
    };
    let is_new = |record: u32| new.get(record as usize).copied().unwrap_or(false);
    let (mut pairs, mut lost) = (Vec::new(), Vec::new());
    for &(start, end) in &blocks {
        let records: Vec<u32> = entries[start..end].iter().map(record_of).collect();
        let cut = u64::from(records.len() > window + 1);
        // A new record pairs with the `window` records after it and the
        // earlier records among the `window` before it (a new one there
        // paired with it already).
        for (k, &a) in records.iter().enumerate() {
            if !is_new(a) {
                continue;
            }
            let after = &records[k + 1..(k + 1 + window).min(records.len())];
            pairs.extend(after.iter().filter_map(|&b| pack(a, b, cut)));
            let before = &records[k.saturating_sub(window)..k];
            pairs.extend(
                before
                    .iter()
                    .filter(|&&b| !is_new(b))
                    .filter_map(|&b| pack(b, a, cut)),
            );
        }
        // Earlier records that were within the window of each other among
        // the earlier records alone, and are not with new ones between.
        let earlier: Vec<usize> = (0..records.len())
            .filter(|&k| !is_new(records[k]))
            .collect();
        for p in 0..earlier.len() {
            let last = (p + window).min(earlier.len() - 1);
            if last <= p || earlier[last] - earlier[p] == last - p {
                continue;
            }
            for q in p + 1..=last {
                if earlier[q] - earlier[p] > window
                    && pack(records[earlier[p]], records[earlier[q]], 0).is_some()
                {
                    lost.push(crate::cluster::pair_key(
                        records[earlier[p]],
                        records[earlier[q]],
                    ));
                }
            }
        }
    }
    RulePairs {
        pairs,
        windowed,
        window,
        lost,
    }
}

/// Pairs a sorted-neighbourhood window of `window` gives in a block of `size`.
fn pairs_in_block(size: usize, window: usize) -> usize {
    if size <= window + 1 {
        size * (size - 1) / 2
    } else {
        // Each of the first size-window records pairs with `window` followers,
        // the last `window` records with all that follow them.
        (size - window) * window + window * (window - 1) / 2
    }
}

/// The largest window up to `max_block_size` whose pairs fit in `budget`.
fn window_within_budget(blocks: &[(usize, usize)], max_block_size: usize, budget: usize) -> usize {
    let total = |window: usize| -> usize {
        blocks
            .iter()
            .map(|&(start, end)| pairs_in_block(end - start, window))
            .sum()
    };
    let (mut low, mut high) = (1usize, max_block_size.max(1));
    if total(high) <= budget {
        return high;
    }
    while low < high {
        let mid = (low + high).div_ceil(2);
        if total(mid) <= budget {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A duplicate whose names and birth date were all garbled but whose
    /// street and postcode survived is found only through the pair of
    /// quasi-identifier columns.
    #[test]
    fn quasi_identifier_pairs_find_a_household() {
        use crate::Record;
        const GIVEN: [&str; 10] = [
            "Harrison", "Amber", "Oliver", "Madeline", "Joshua", "Ruby", "Lachlan", "Chloe",
            "Mitchell", "Tahlia",
        ];
        const SURNAME: [&str; 10] = [
            "Capurso", "Hoist", "Bradshaw", "David", "Ryan", "Jeffries", "Bissett", "Dowdney",
            "Wallace", "Nguyen",
        ];
        let record = |id: String, given: &str, surname: &str, i: usize| {
            let mut r = Record::new(id);
            r.given = Some(given.into());
            r.surname = Some(surname.into());
            r.extra = vec![
                ("street".into(), format!("{} street", SURNAME[i % 6])),
                ("postcode".into(), format!("{}", 6000 + i % 5)),
            ];
            r
        };
        let left: Vec<Record> = (0..10)
            .map(|i| record(format!("a{i}"), GIVEN[i], SURNAME[i], i))
            .collect();
        // Right record 0 is left record 0 with other names; the rest are other people.
        let right: Vec<Record> = (0..10)
            .map(|i| {
                record(
                    format!("b{i}"),
                    GIVEN[(i + 5) % 10],
                    SURNAME[(i + 3) % 10],
                    i,
                )
            })
            .collect();
        let encoded = Encoded::new(&left, &right);
        let wanted = 10u64; // left 0 with right 0, which follows the 10 left records
        let found = candidate_pairs(&encoded, &BlockingConfig::default(), &|_| None, None);
        assert!(found.pairs.contains(&wanted), "{:?}", found.per_rule);
        assert!(found
            .per_rule
            .iter()
            .any(|(name, n)| name.contains("quasi-identifiers") && *n > 0));
        let without = BlockingConfig {
            identifier_rules: false,
            ..BlockingConfig::default()
        };
        assert!(!candidate_pairs(&encoded, &without, &|_| None, None)
            .pairs
            .contains(&wanted));
    }

    /// A document number repeated once per record of a child (three records
    /// each, a third of the values distinct) is still an identifier; a
    /// postcode shared by a dozen records is not.
    #[test]
    fn a_repeated_document_number_is_an_identifier() {
        use crate::Record;
        let records: Vec<Record> = (0..60)
            .map(|i| {
                let mut r = Record::new(format!("r{i}"));
                r.surname = Some(format!("S{i}"));
                r.extra = vec![
                    ("document".into(), format!("{}", 1000 + i / 3 + i % 2 * 7)),
                    ("postcode".into(), format!("{}", 6000 + i % 5)),
                ];
                r
            })
            .collect();
        let encoded = Encoded::new(&records, &[]);
        let rules = identifier_rules(&encoded);
        let names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
        assert!(names.contains(&"extra.document (identifier)"), "{names:?}");
        assert!(!names.contains(&"extra.postcode (identifier)"), "{names:?}");
    }

    #[test]
    fn a_diminutive_meets_every_name_it_may_stand_for() {
        use crate::Record;
        let record = |id: &str, given: &str| {
            let mut r = Record::new(id);
            r.given = Some(given.into());
            r.surname = Some("Петренко".into());
            r
        };
        // Саша is short for Oleksandr and for Oleksandra: blocking on the
        // given name's group must pair it with both, not only the first.
        let left = [record("a", "Саша")];
        let right = [
            record("b", "Олександр"),
            record("c", "Олександра"),
            record("d", "Ірина"),
        ];
        let encoded = Encoded::new(&left, &right);
        let config = BlockingConfig::from_toml(
            "[[rules]]\nname = \"given sound\"\nkeys = [\"given:sound\"]\n",
        )
        .unwrap();
        let found = candidate_pairs(&encoded, &config, &|_| None, None);
        assert_eq!(found.pairs, vec![1, 2], "{:?}", found.per_rule);
    }

    #[test]
    fn a_given_name_meets_its_namesakes_of_the_same_town_under_either_name() {
        use crate::Record;
        let record = |id: &str, surname: &str, given: &str, place: &str| {
            let mut r = Record::new(id);
            r.surname = Some(surname.into());
            r.given = Some(given.into());
            r.last_place = Some(place.into());
            r
        };
        // A surname with a typo and no birth on the left: only the given
        // name and the town are left to meet by, the town under its old
        // name (Артёмовск) on one side and its new one (Бахмут) on the other.
        let left = [
            record("a", "Бондсрь", "София", "г. Мариуполь"),
            record("b", "Гончарек", "Иван", "ДНР, г. Артёмовск"),
        ];
        let right = [
            record("c", "Бондар", "Софія", "м. Маріуполь"),
            record("d", "Гончарук", "Іван", "м. Бахмут, Донецька обл."),
            record("e", "Бондар", "Софія", "м. Бердянськ"),
        ];
        let encoded = Encoded::new(&left, &right);
        let rule = BlockingConfig::default()
            .rules
            .into_iter()
            .find(|r| r.name == "given sound + place");
        let config = BlockingConfig {
            rules: rule.into_iter().collect(),
            identifier_rules: false,
            ..BlockingConfig::default()
        };
        let found = candidate_pairs(&encoded, &config, &|_| None, None);
        let pair = |i: u64, j: u64| (i << 32) | j;
        assert!(found.pairs.contains(&pair(0, 2)), "{:?}", found.pairs);
        assert!(found.pairs.contains(&pair(1, 3)), "{:?}", found.pairs);
        assert!(!found.pairs.contains(&pair(0, 4)), "{:?}", found.pairs);
    }

    #[test]
    fn default_rules_are_valid_and_toml_round_trips() {
        let config = BlockingConfig::default();
        config.validate().unwrap();
        let text = toml::to_string(&config).unwrap();
        assert_eq!(BlockingConfig::from_toml(&text).unwrap(), config);
    }

    #[test]
    fn toml_rules_and_errors() {
        let config = BlockingConfig::from_toml(
            "max_block_size = 50\n[[rules]]\nname = \"dob\"\nkeys = [\"birth:date\", \"surname:prefix3\"]\n",
        )
        .unwrap();
        assert_eq!(config.max_block_size, 50);
        assert_eq!(config.rules[0].keys.len(), 2);
        let bad = BlockingConfig::from_toml("[[rules]]\nname = \"x\"\nkeys = [\"birth:decade\"]\n");
        assert!(matches!(bad, Err(BlockingError::BadKey { .. })));
        let bad =
            BlockingConfig::from_toml("[[rules]]\nname = \"x\"\nkeys = [\"surname:prefix0\"]\n");
        assert!(matches!(bad, Err(BlockingError::BadKey { .. })));
        assert!(matches!(
            BlockingConfig::from_toml("rules = []\n"),
            Err(BlockingError::NoRules)
        ));
    }

    #[test]
    fn window_respects_budget() {
        assert_eq!(pairs_in_block(5, 10), 10);
        assert_eq!(pairs_in_block(5, 4), 10);
        assert_eq!(pairs_in_block(5, 1), 4);
        assert_eq!(pairs_in_block(5, 2), 7);
        let blocks = [(0, 1000), (1000, 1003)];
        let window = window_within_budget(&blocks, 100, 10_000);
        assert!(pairs_in_block(1000, window) + 3 <= 10_000);
        assert!(pairs_in_block(1000, window + 1) + 3 > 10_000);
        assert_eq!(window_within_budget(&blocks, 100, 1_000_000), 100);
    }
}
