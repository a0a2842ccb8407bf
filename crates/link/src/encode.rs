//! Records turned into compact integer columns, once, before any pair is compared.
//!
//! Linking a million records compares tens of millions of pairs; doing any
//! string work per pair (folding, transliterating, hashing) would dominate.
//! So every text value is interned per field, its Latin key is computed once
//! per distinct value (in parallel), dates become day numbers, and ages become
//! the span of birth days they allow. A pair comparison is then a few integer
//! tests and, only when values differ, one Jaro-Winkler on two short keys.

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::names_bridge;
use crate::record::Record;
use crate::registry::birth_range_from_age;
use casefile_core::Sex;

/// Marks a missing value in an id column.
pub(crate) const NONE: u32 = u32::MAX;
/// Marks a missing day number.
const NO_DAY: i32 = i32::MIN;

/// Where a text field's values come from in a [`Record`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TextSource {
    Given,
    Surname,
    Patronymic,
    Birthplace,
    LastPlace,
    /// A link of a list that gives only a birthplace with one that gives
    /// only a home town (or last place): the one place each record has,
    /// compared across (see `Encoded::without_ids`).
    Place,
    Guardian,
    Extra(String),
}

impl TextSource {
    pub(crate) fn name(&self) -> String {
        match self {
            TextSource::Given => "given".into(),
            TextSource::Surname => "surname".into(),
            TextSource::Patronymic => "patronymic".into(),
            TextSource::Birthplace => "birthplace".into(),
            TextSource::LastPlace => "last_place".into(),
            TextSource::Place => "place".into(),
            TextSource::Guardian => "guardian".into(),
            TextSource::Extra(name) => format!("extra.{name}"),
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<TextSource> {
        Some(match name {
            "given" => TextSource::Given,
            "surname" => TextSource::Surname,
            "patronymic" => TextSource::Patronymic,
            "birthplace" => TextSource::Birthplace,
            "last_place" => TextSource::LastPlace,
            "place" => TextSource::Place,
            "guardian" => TextSource::Guardian,
            other => TextSource::Extra(other.strip_prefix("extra.")?.to_string()),
        })
    }

    fn get<'r>(&self, record: &'r Record) -> Option<&'r str> {
        let value = match self {
            TextSource::Given => record.given.as_deref(),
            TextSource::Surname => record.surname.as_deref(),
            TextSource::Patronymic => record.patronymic.as_deref(),
            // A place cell naming a region only ("ДНР", "Запорожская обл.")
            // names no settlement, which is what a place field compares: a
            // camp list's "ДНР" against "г. Горловка" is no disagreement,
            // and two lists' "ДНР" no agreement on a town.
            TextSource::Birthplace => record
                .birthplace
                .as_deref()
                .filter(|v| names_bridge::names_a_settlement(v)),
            TextSource::LastPlace => record
                .last_place
                .as_deref()
                .filter(|v| names_bridge::names_a_settlement(v)),
            TextSource::Place => TextSource::LastPlace
                .get(record)
                .or_else(|| TextSource::Birthplace.get(record)),
            TextSource::Guardian => record.guardian.as_deref(),
            TextSource::Extra(name) => record.extra_value(name),
        };
        value.filter(|v| !v.trim().is_empty())
    }

    /// Names carry given-name / surname knowledge and term frequencies;
    /// other text is compared by its key alone.
    fn is_name(&self) -> bool {
        matches!(
            self,
            TextSource::Given | TextSource::Surname | TextSource::Patronymic
        )
    }
}

/// Every knowledge id of the keys that carry more than [`VARIANT_IDS`].
pub(crate) type Overflow = FxHashMap<u32, Box<[u32]>>;

/// Name-knowledge ids kept per key (see `TextColumn::key_variants`).
pub(crate) const VARIANT_IDS: usize = 4;

/// One interned text field over all records being linked.
pub(crate) struct TextColumn {
    pub source: TextSource,
    /// Per record: id of the value as written, or [`NONE`].
    pub raw: Vec<u32>,
    /// Per key id: the key.
    pub keys: Vec<Box<str>>,
    /// Per record: id of its key, or [`NONE`] (saves a lookup per comparison).
    pub record_key: Vec<u32>,
    /// The keys again, end to end: comparisons read them from one block of
    /// memory instead of chasing a pointer per key.
    pub key_text: PackedStrings,
    /// Per key id: how many records carry it (term frequency).
    pub key_counts: Vec<u32>,
    /// Per key id, for given names, surnames and patronymics: up to
    /// [`VARIANT_IDS`] ids of the name knowledge it carries (given-name
    /// groups, diminutives included; the surname's sound keys under each
    /// reading of its spelling; the father's name group of a patronymic),
    /// [`NONE`] padded; empty for other columns. Two keys sharing
    /// an id are "name variants" of each other.
    pub key_variants: Vec<[u32; VARIANT_IDS]>,
    /// Every name-knowledge id of the given-name or patronymic keys that
    /// carry more than [`VARIANT_IDS`] (Слава is short for some fifteen
    /// names: Ярослава, Владислав, Святослав…); their first ids are also
    /// in `key_variants`.
    pub variants_overflow: Overflow,
    /// Per name-knowledge id: how many records' keys carry it.
    pub variant_counts: Vec<u32>,
    /// Per key id, for surnames only: up to [`VARIANT_IDS`] ids of its
    /// spelling forms (see `casefile_names::surname_form_keys`), [`NONE`]
    /// padded. Two keys sharing one are the same surname up to a language
    /// ending or akanye: much stronger evidence than a shared sound key.
    pub key_forms: Vec<[u32; VARIANT_IDS]>,
    /// Per key id, for surnames only: up to [`VARIANT_IDS`] ids of the keys
    /// of its spelling under its other plausible readings (see
    /// `casefile_names::SurnameKeys::readings`): the id of a key of this
    /// column when the reading is one, an id past the keys otherwise;
    /// [`NONE`] padded (a Cyrillic spelling has none). A key among another's
    /// readings is the same surname in another romanisation (Tkatschenko,
    /// Tkatchenko / Ткаченко): as good as equal keys.
    pub key_readings: Vec<[u32; VARIANT_IDS]>,
    /// Per form id: how many records' keys carry it.
    pub form_counts: Vec<u32>,
    /// Per form id: its stem (`form_stems.bytes(id)`) and the sex of its
    /// ending (`b'f'`, `b'm'` or 0), for typos on top of a form.
    pub form_stems: PackedStrings,
    pub form_sexes: Vec<u8>,
    /// Per written value: how many records carry it (term frequency of
    /// exact agreement, which is rarer than agreement on the key).
    pub raw_counts: Vec<u32>,
    /// Records that have this field.
    pub present: u32,
    /// For surnames: per record, the key id of a former surname its note
    /// gives ("прежняя фамилия — Руденко", "former surname Rudenko": an
    /// adopted child renamed), or [`NONE`]; empty when no record has one.
    /// The keys of former surnames are keys of the column (with their
    /// knowledge) but count for no record's term frequency.
    pub former: Vec<u32>,
    /// For surnames: per record, whether its note says the surname was
    /// changed without naming the former one
    /// ([`names_bridge::surname_changed`]); empty when no record's does.
    /// Such a record's surname that disagrees with another's is compared
    /// as missing: it may be a new family's.
    pub renamed: Vec<bool>,
}

impl TextColumn {
    #[inline]
    pub(crate) fn key_of(&self, record: usize) -> u32 {
        self.record_key[record]
    }

    /// The key id of record `record`'s former surname, or [`NONE`].
    #[inline]
    pub(crate) fn former_of(&self, record: usize) -> u32 {
        self.former.get(record).copied().unwrap_or(NONE)
    }

    /// Whether record `record`'s note says its surname was changed,
    /// naming no former one (see `renamed`).
    pub(crate) fn renamed(&self, record: usize) -> bool {
        self.renamed.get(record).copied().unwrap_or(false)
    }

    /// The bytes of key `key`.
    #[inline]
    pub(crate) fn key_bytes(&self, key: u32) -> &[u8] {
        self.key_text.bytes(key as usize)
    }

    /// `counts[id]` as a share of the records that have this field, at
    /// least one record's worth.
    fn share(&self, counts: &[u32], id: u32) -> f64 {
        let count = counts.get(id as usize).copied().unwrap_or(1).max(1);
        f64::from(count) / f64::from(self.present.max(1))
    }

    /// Share of records carrying this key (at least one record's worth).
    pub(crate) fn key_frequency(&self, key: u32) -> f64 {
        self.share(&self.key_counts, key)
    }

    /// Whether a key carries any name knowledge (a known given name, a
    /// patronymic of a known father's name).
    #[inline]
    pub(crate) fn is_known_name(&self, key: u32) -> bool {
        self.key_variants
            .get(key as usize)
            .is_some_and(|v| v[0] != NONE)
    }

    /// Whether two keys are variants of one name (see `key_variants`).
    pub(crate) fn variants_meet(&self, a: u32, b: u32) -> bool {
        self.shared_variant(a, b).is_some()
    }

    /// The name-knowledge id two keys share, if any.
    #[inline]
    pub(crate) fn shared_variant(&self, a: u32, b: u32) -> Option<u32> {
        let shared = shared_id(&self.key_variants, a, b);
        if shared.is_some() || self.variants_overflow.is_empty() {
            return shared;
        }
        let all = |k: u32| -> &[u32] {
            match self.variants_overflow.get(&k) {
                Some(ids) => ids,
                None => self.key_variants.get(k as usize).map_or(&[], |v| &v[..]),
            }
        };
        let (x, y) = (all(a), all(b));
        x.iter().copied().find(|&v| v != NONE && y.contains(&v))
    }

    /// Share of records whose key carries name-knowledge id `variant`.
    pub(crate) fn variant_frequency(&self, variant: u32) -> f64 {
        self.share(&self.variant_counts, variant)
    }

    /// The surname spelling form two keys share, if any.
    #[inline]
    pub(crate) fn shared_form(&self, a: u32, b: u32) -> Option<u32> {
        shared_id(&self.key_forms, a, b)
    }

    /// Whether some spelling form of `a` is one typing slip from one of
    /// `b`'s, with the same sex: a typo on top of another language's form
    /// or another romanisation (Хяльченко / Hâlʹčekno).
    pub(crate) fn forms_one_edit_apart(&self, a: u32, b: u32) -> bool {
        let (Some(x), Some(y)) = (
            self.key_forms.get(a as usize),
            self.key_forms.get(b as usize),
        ) else {
            return false;
        };
        let real = |f: &&u32| **f != NONE;
        x.iter().filter(real).any(|&fa| {
            y.iter().filter(real).any(|&fb| {
                let (fa, fb) = (fa as usize, fb as usize);
                self.form_sexes.get(fa) == self.form_sexes.get(fb)
                    && self
                        .form_stems
                        .len_of(fa)
                        .abs_diff(self.form_stems.len_of(fb))
                        <= 1
                    && crate::compare::within_one_edit(
                        self.form_stems.bytes(fa),
                        self.form_stems.bytes(fb),
                    )
            })
        })
    }

    /// Whether one key is the other's under another reading of a Latin
    /// spelling, or two Latin spellings share a reading (see `key_readings`).
    pub(crate) fn readings_meet(&self, a: u32, b: u32) -> bool {
        let (Some(x), Some(y)) = (
            self.key_readings.get(a as usize),
            self.key_readings.get(b as usize),
        ) else {
            return false;
        };
        x.contains(&b) || y.contains(&a) || shared_id(&self.key_readings, a, b).is_some()
    }

    /// Share of records whose key carries spelling form `form`.
    pub(crate) fn form_frequency(&self, form: u32) -> f64 {
        self.share(&self.form_counts, form)
    }

    /// Share of records carrying this written value (at least one record's worth).
    pub(crate) fn raw_frequency(&self, raw: u32) -> f64 {
        self.share(&self.raw_counts, raw)
    }
}

/// Birth evidence of one record as day numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Birth {
    /// Days since 1 Jan of year 1, or [`NO_DAY`].
    pub day: i32,
    /// Year, month, day as the decimal number YYYYMMDD (for digit typos).
    pub ymd: u32,
    /// Earliest and latest birth day an age allows, or [`NO_DAY`].
    pub earliest: i32,
    pub latest: i32,
    /// For a stated age, the year of birth it names when reckoned by the
    /// year (the year of `age_at` less the age); 0 otherwise.
    pub by_year: i32,
}

impl Birth {
    const UNKNOWN: Birth = Birth {
        day: NO_DAY,
        ymd: 0,
        earliest: NO_DAY,
        latest: NO_DAY,
        by_year: 0,
    };

    pub(crate) fn has_date(&self) -> bool {
        self.day != NO_DAY
    }

    /// The span of possible birth days: the exact day, or the age's span.
    pub(crate) fn span(&self) -> Option<(i32, i32)> {
        if self.day != NO_DAY {
            Some((self.day, self.day))
        } else if self.earliest != NO_DAY {
            Some((self.earliest, self.latest))
        } else {
            None
        }
    }

    /// Years of birth the record allows (one for a date, up to two for an age).
    pub(crate) fn possible_years(&self) -> impl Iterator<Item = i32> {
        let (first, last) = match self.span() {
            Some((lo, hi)) => (year_of_day(lo), year_of_day(hi)),
            None => (1, 0),
        };
        first..=last
    }
}

fn year_of_day(day: i32) -> i32 {
    NaiveDate::from_num_days_from_ce_opt(day).map_or(0, |d| d.year())
}

fn birth_of(record: &Record) -> Birth {
    if let Some(date) = record.birth_date {
        return Birth {
            day: date.num_days_from_ce(),
            ymd: date.year().max(0) as u32 * 10_000 + date.month() * 100 + date.day(),
            ..Birth::UNKNOWN
        };
    }
    // A year of birth alone is a span of the year's days, as tight as an
    // age; with an age as well, the days both allow (the year's, when a
    // slip in one leaves none).
    let year = record.birth_year.and_then(|y| {
        let first = NaiveDate::from_ymd_opt(y, 1, 1)?.num_days_from_ce();
        let last = NaiveDate::from_ymd_opt(y, 12, 31)?.num_days_from_ce();
        Some((first, last))
    });
    let aged = match (record.age, record.age_at) {
        (Some(age), Some(at)) => birth_range_from_age(age, at).map(|(earliest, latest)| Birth {
            earliest: earliest.num_days_from_ce(),
            latest: latest.num_days_from_ce(),
            by_year: i32::try_from(age).map_or(0, |age| at.year() - age),
            ..Birth::UNKNOWN
        }),
        _ => None,
    };
    match (year, aged) {
        (None, Some(aged)) => aged,
        (None, None) => Birth::UNKNOWN,
        (Some((first, last)), aged) => {
            let (earliest, latest) = match aged {
                Some(a) if a.earliest.max(first) <= a.latest.min(last) => {
                    (a.earliest.max(first), a.latest.min(last))
                }
                _ => (first, last),
            };
            Birth {
                earliest,
                latest,
                by_year: record.birth_year.unwrap_or(0),
                ..Birth::UNKNOWN
            }
        }
    }
}

/// All records of one linkage job (for linking two registries, the left
/// registry's records come first, then the right's).
pub(crate) struct Encoded {
    /// Per record: its registry's own id. The records themselves are not
    /// kept: everything compared is encoded below, so a caller that hands
    /// its records over can free them before blocking (see `from_owned`).
    pub ids: Vec<String>,
    /// Records `0..left_len` are the left registry; equal to the total for a dedupe.
    pub left_len: usize,
    pub text: Vec<TextColumn>,
    /// Per record, side by side: (written-value id, key id) of every text
    /// column, `2 · text.len()` numbers a record. A comparison then touches
    /// one or two cache lines per record instead of two per column.
    pub text_ids: Vec<u32>,
    pub birth: Vec<Birth>,
    pub sex: Vec<u8>,
    pub has_birth: bool,
    pub has_sex: bool,
}

impl Encoded {
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// (written-value id, key id) of text column `column` of `record`.
    #[inline]
    pub(crate) fn text_pair(&self, record: usize, column: usize) -> (u32, u32) {
        let at = (record * self.text.len() + column) * 2;
        (self.text_ids[at], self.text_ids[at + 1])
    }

    /// Asks the CPU to start loading record `record`'s text ids and birth:
    /// comparing a pair reads them from a random place in memory, so a loop
    /// over pairs issues this some pairs ahead.
    #[inline]
    pub(crate) fn prefetch(&self, record: usize) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let stride = self.text.len() * 2;
            if let Some(ids) = self.text_ids.get(record * stride) {
                // SAFETY: prefetching is a hint; it never faults, whatever the address.
                unsafe { _mm_prefetch::<_MM_HINT_T0>((ids as *const u32).cast()) };
            }
            if let Some(birth) = self.birth.get(record) {
                // SAFETY: as above.
                unsafe { _mm_prefetch::<_MM_HINT_T0>((birth as *const Birth).cast()) };
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = record;
    }

    pub(crate) fn is_link(&self) -> bool {
        self.left_len < self.ids.len()
    }

    pub(crate) fn column(&self, source: &TextSource) -> Option<usize> {
        self.text.iter().position(|c| c.source == *source)
    }

    /// Encodes `left` followed by `right` (empty for a dedupe). A field
    /// is kept only when both sides have it somewhere: a field one side never
    /// records carries no evidence.
    pub(crate) fn new(left: &[Record], right: &[Record]) -> Encoded {
        let mut encoded = Encoded::without_ids(left, right);
        encoded.ids = left.iter().chain(right).map(|r| r.id.clone()).collect();
        encoded
    }

    /// As [`Encoded::new`], taking the records: each record's id is moved
    /// out and the rest freed (in parallel) before this returns, which at a
    /// million records is a third of the memory a job would otherwise hold.
    pub(crate) fn from_owned(left: Vec<Record>, right: Vec<Record>) -> Encoded {
        let mut encoded = Encoded::without_ids(&left, &right);
        let mut ids: Vec<String> = left.into_par_iter().map(|r| r.id).collect();
        ids.par_extend(right.into_par_iter().map(|r| r.id));
        encoded.ids = ids;
        encoded
    }

    fn without_ids(left: &[Record], right: &[Record]) -> Encoded {
        let records: Vec<&Record> = left.iter().chain(right).collect();
        let linking = !right.is_empty();
        let on_both_sides = |present: &dyn Fn(&Record) -> bool| {
            left.iter().any(present) && (!linking || right.iter().any(present))
        };
        let mut sources = vec![
            TextSource::Given,
            TextSource::Surname,
            TextSource::Patronymic,
            TextSource::Birthplace,
            TextSource::LastPlace,
        ];
        // One list gives a birthplace only, the other a home town (or the
        // last place) only: most children live where they were born (a
        // guardianship register's birthplace against a tracing list's
        // place of origin), so the two are compared as one place field,
        // whose `m` EM reads like any other's. Without it such a link had
        // no place at all, and two strangers of one given name and birth
        // date in two towns looked like one child.
        if linking {
            let only =
                |records: &[Record], has: fn(&Record) -> bool, lacks: fn(&Record) -> bool| {
                    records.iter().any(has) && !records.iter().any(lacks)
                };
            let born = |r: &Record| TextSource::Birthplace.get(r).is_some();
            let lives = |r: &Record| TextSource::LastPlace.get(r).is_some();
            if (only(left, born, lives) && only(right, lives, born))
                || (only(left, lives, born) && only(right, born, lives))
            {
                sources.push(TextSource::Place);
            }
        }
        sources.push(TextSource::Guardian);
        let mut extra_names: Vec<&str> = Vec::new();
        for record in left {
            for (name, _) in &record.extra {
                if !extra_names.contains(&name.as_str()) {
                    extra_names.push(name);
                }
            }
        }
        sources.extend(extra_names.iter().map(|n| TextSource::Extra(n.to_string())));
        let sources: Vec<TextSource> = sources
            .into_iter()
            .filter(|s| on_both_sides(&|r: &Record| s.get(r).is_some()))
            .collect();
        // Columns are independent: each is interned on its own core (a
        // column's pass over every record is serial), in the order given,
        // so every id is the one a column-by-column encode gives.
        let text = sources
            .into_par_iter()
            .map(|source| intern_column(&records, source))
            .collect();
        let birth: Vec<Birth> = records.iter().map(|r| birth_of(r)).collect();
        let sex = records
            .iter()
            .map(|r| match r.sex {
                None => 0,
                Some(Sex::Female) => 1,
                Some(Sex::Male) => 2,
            })
            .collect();
        let text: Vec<TextColumn> = text;
        let mut text_ids = Vec::with_capacity(records.len() * text.len() * 2);
        for r in 0..records.len() {
            for column in &text {
                text_ids.push(column.raw[r]);
                text_ids.push(column.record_key[r]);
            }
        }
        Encoded {
            text_ids,
            has_birth: on_both_sides(&|r: &Record| {
                r.birth_date.is_some()
                    || r.birth_year.is_some()
                    || (r.age.is_some() && r.age_at.is_some())
            }),
            has_sex: on_both_sides(&|r: &Record| r.sex.is_some()),
            ids: Vec::new(),
            left_len: left.len(),
            text,
            birth,
            sex,
        }
    }
}

/// An id that keys `a` and `b` both carry in `per_key` (name knowledge or
/// spelling forms), if any.
#[inline]
fn shared_id(per_key: &[[u32; VARIANT_IDS]], a: u32, b: u32) -> Option<u32> {
    let (x, y) = (per_key.get(a as usize)?, per_key.get(b as usize)?);
    x.iter().copied().find(|&v| v != NONE && y.contains(&v))
}

/// A surname key's sound keys, spelling forms and readings.
type SurnameKnowledge = (Vec<String>, Vec<String>, Vec<String>);

fn intern_column<'r>(records: &[&'r Record], source: TextSource) -> TextColumn {
    let mut ids: FxHashMap<&'r str, u32> = FxHashMap::default();
    let mut raw_values: Vec<&'r str> = Vec::new();
    let mut present = 0u32;
    let raw: Vec<u32> = records
        .iter()
        .map(|record| match source.get(record) {
            None => NONE,
            Some(value) => {
                present += 1;
                *ids.entry(value).or_insert_with(|| {
                    raw_values.push(value);
                    (raw_values.len() - 1) as u32
                })
            }
        })
        .collect();
    // A former surname a note gives is interned as a value of the column
    // (its key and knowledge computed like any other), after the records'
    // own values and counted for none of them.
    let former_raw: Vec<u32> = if source == TextSource::Surname {
        let mut former: Vec<u32> = vec![NONE; records.len()];
        let mut any = false;
        for (slot, record) in former.iter_mut().zip(records) {
            let Some(name) = record
                .note
                .as_deref()
                .and_then(names_bridge::former_surname)
            else {
                continue;
            };
            let name: &'r str = name;
            any = true;
            *slot = *ids.entry(name).or_insert_with(|| {
                raw_values.push(name);
                (raw_values.len() - 1) as u32
            });
        }
        if any {
            former
        } else {
            Vec::new()
        }
    } else {
        Vec::new()
    };
    drop(ids);
    // A note of a change with no former surname: the surname may be a new family's.
    let renamed: Vec<bool> = if source == TextSource::Surname {
        let renamed: Vec<bool> = records
            .iter()
            .enumerate()
            .map(|(r, record)| {
                former_raw.get(r).is_none_or(|&f| f == NONE)
                    && record
                        .note
                        .as_deref()
                        .is_some_and(names_bridge::surname_changed)
            })
            .collect();
        if renamed.contains(&true) {
            renamed
        } else {
            Vec::new()
        }
    } else {
        Vec::new()
    };
    // Keys are computed a batch of values at a time on every core and
    // interned as they come, so that one batch of computed keys is held at
    // once. A surname's three keys come from one reading of its spelling;
    // only the first value of each key keeps its sound keys and forms.
    const BATCH: usize = 1 << 15;
    let mut key_ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut keys: Vec<Box<str>> = Vec::new();
    let mut raw_to_key: Vec<u32> = Vec::with_capacity(raw_values.len());
    let mut surname_knowledge: Vec<SurnameKnowledge> = Vec::new();
    for batch in raw_values.chunks(BATCH) {
        let computed: Vec<(String, Option<SurnameKnowledge>)> = batch
            .par_iter()
            .map(|value| match source {
                TextSource::Surname => {
                    let k = names_bridge::surname_keys(value);
                    (k.latin, Some((k.sound, k.forms, k.readings)))
                }
                _ if source.is_name() => (names_bridge::latin_key(value), None),
                TextSource::Birthplace | TextSource::LastPlace | TextSource::Place => {
                    (names_bridge::place_key(value), None)
                }
                _ => (names_bridge::latin_key_of_text(value), None),
            })
            .collect();
        for (latin, knowledge) in computed {
            let latin = latin.into_boxed_str();
            let id = match key_ids.get(&latin) {
                Some(&id) => id,
                None => {
                    let id = keys.len() as u32;
                    keys.push(latin.clone());
                    key_ids.insert(latin, id);
                    if let Some(knowledge) = knowledge {
                        surname_knowledge.push(knowledge);
                    }
                    id
                }
            };
            raw_to_key.push(id);
        }
    }
    // A surname spelling's other readings (see `key_readings`), as ids
    // that are key ids when the reading is a key of the column and ids
    // past them otherwise, so that one integer test finds either.
    let key_readings: Vec<[u32; VARIANT_IDS]> = if source == TextSource::Surname {
        let mut others: FxHashMap<&str, u32> = FxHashMap::default();
        surname_knowledge
            .iter()
            .zip(&keys)
            .map(|((_, _, readings), key)| {
                let mut out = [NONE; VARIANT_IDS];
                let alternatives = readings.iter().filter(|r| **r != **key && !r.is_empty());
                for (slot, reading) in out.iter_mut().zip(alternatives) {
                    *slot = match key_ids.get(reading.as_str()) {
                        Some(&id) => id,
                        None => {
                            let next = (keys.len() + others.len()) as u32;
                            *others.entry(reading.as_str()).or_insert(next)
                        }
                    };
                }
                out
            })
            .collect()
    } else {
        Vec::new()
    };
    drop(key_ids);
    let to_key = |r: &u32| {
        if *r == NONE {
            NONE
        } else {
            raw_to_key[*r as usize]
        }
    };
    let former: Vec<u32> = former_raw.iter().map(to_key).collect();
    let mut key_counts = vec![0u32; keys.len()];
    let mut raw_counts = vec![0u32; raw_values.len()];
    for &r in &raw {
        if r != NONE {
            key_counts[raw_to_key[r as usize] as usize] += 1;
            raw_counts[r as usize] += 1;
        }
    }
    let record_key = raw.iter().map(to_key).collect();
    let (key_variants, key_forms, form_text) = if source == TextSource::Surname {
        let (variants, _, _) = key_knowledge(keys.len(), |k| surname_knowledge[k].0.clone());
        let (forms, form_text, _) = key_knowledge(keys.len(), |k| surname_knowledge[k].1.clone());
        ((variants, FxHashMap::default()), forms, form_text)
    } else {
        (
            key_variants(&source, &raw_values, &raw_to_key, keys.len()),
            Vec::new(),
            Vec::new(),
        )
    };
    let (key_variants, variants_overflow) = key_variants;
    drop(surname_knowledge);
    let mut variant_counts = knowledge_counts(&key_variants, &key_counts);
    for (&key, ids) in &variants_overflow {
        for &v in ids.iter().skip(VARIANT_IDS) {
            if let Some(count) = variant_counts.get_mut(v as usize) {
                *count += key_counts[key as usize];
            }
        }
    }
    let form_counts = knowledge_counts(&key_forms, &key_counts);
    let (form_stems, form_sexes) = split_forms(&form_text);
    let key_text = PackedStrings::new(keys.iter().map(|k| k.as_bytes()));
    TextColumn {
        source,
        raw,
        keys,
        record_key,
        key_text,
        key_counts,
        key_variants,
        variants_overflow,
        variant_counts,
        key_forms,
        key_readings,
        form_counts,
        form_stems,
        form_sexes,
        raw_counts,
        present,
        former,
        renamed,
    }
}

/// The name-knowledge ids of every key of a given-name or patronymic column
/// (see `TextColumn::key_variants`), computed once per key from the first
/// value written with it; surnames get theirs in `intern_column`, from
/// [`names_bridge::surname_keys`].
fn key_variants(
    source: &TextSource,
    raw_values: &[&str],
    raw_to_key: &[u32],
    key_count: usize,
) -> (Vec<[u32; VARIANT_IDS]>, Overflow) {
    let groups: fn(&str) -> Vec<u32> = match source {
        TextSource::Given => names_bridge::given_groups,
        TextSource::Patronymic => names_bridge::father_groups,
        // One settlement under its old and new names (Артёмовск / Бахмут):
        // compared as name variants are.
        TextSource::Birthplace | TextSource::LastPlace | TextSource::Place => {
            names_bridge::place_groups
        }
        _ => return (Vec::new(), FxHashMap::default()),
    };
    let mut first_value: Vec<usize> = vec![usize::MAX; key_count];
    for (raw, &key) in raw_to_key.iter().enumerate().rev() {
        first_value[key as usize] = raw;
    }
    let known: Vec<Vec<u32>> = (0..key_count)
        .into_par_iter()
        .map(|k| {
            raw_values
                .get(first_value[k])
                .map(|v| groups(v))
                .unwrap_or_default()
        })
        .collect();
    let known = if matches!(source, TextSource::Given | TextSource::Patronymic) {
        with_slips_of_known_names(known, raw_values, &first_value)
    } else {
        known
    };
    let (ids, _, overflow) = key_knowledge(key_count, |k| {
        known[k].iter().map(|g| g.to_string()).collect()
    });
    (ids, overflow)
}

/// Shortest given name (in letters) read as a slip of a known one: shorter
/// names are a letter apart from too many others (Ян / Яна, Ия / Ира).
const SLIP_MIN_LETTERS: usize = 5;

/// Given names no table knows that are one typing slip (a letter changed,
/// added, dropped or two swapped, as written, in lower case) from names of
/// the column that the tables know, all of one group, take that group:
/// Аляксондр is Аляксандр mistyped, Nzzar Nazar, Яўгеняі Яўгенія; so do
/// patronymics, by their father's name (Юріївга is Юріївна). A slip on
/// a known name's other-language form (the Belarusian Аляксандр against
/// Oleksandr) otherwise leaves two spellings no comparison can bring
/// together; a name a slip away from two groups' names is left unknown.
fn with_slips_of_known_names(
    mut known: Vec<Vec<u32>>,
    raw_values: &[&str],
    first_value: &[usize],
) -> Vec<Vec<u32>> {
    let letters = |k: usize| -> Option<Vec<char>> {
        let value = raw_values.get(first_value[k])?;
        Some(value.trim().to_lowercase().chars().collect())
    };
    let deletions = |word: &[char]| -> Vec<Vec<char>> {
        (0..word.len())
            .map(|i| {
                word.iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &c)| c)
                    .collect()
            })
            .collect()
    };
    // Every known spelling, and it with each letter deleted: a slip of one
    // letter leaves the two words one of these in common.
    let mut index: FxHashMap<Vec<char>, Vec<usize>> = FxHashMap::default();
    for (k, groups) in known.iter().enumerate() {
        if groups.is_empty() {
            continue;
        }
        let Some(word) = letters(k) else { continue };
        if word.len() + 1 < SLIP_MIN_LETTERS {
            continue;
        }
        for variant in deletions(&word).into_iter().chain(std::iter::once(word)) {
            index.entry(variant).or_default().push(k);
        }
    }
    let found: Vec<(usize, Vec<u32>)> = (0..known.len())
        .into_par_iter()
        .filter(|&k| known[k].is_empty())
        .filter_map(|k| {
            let word = letters(k)?;
            if word.len() < SLIP_MIN_LETTERS || !word.iter().all(|c| c.is_alphabetic()) {
                return None;
            }
            let mut groups: Vec<u32> = Vec::new();
            for variant in deletions(&word)
                .into_iter()
                .chain(std::iter::once(word.clone()))
            {
                for &other in index.get(&variant).into_iter().flatten() {
                    let Some(near) = letters(other) else { continue };
                    if !one_slip(&word, &near) {
                        continue;
                    }
                    for &g in &known[other] {
                        if !groups.contains(&g) {
                            groups.push(g);
                        }
                    }
                }
            }
            (groups.len() == 1).then_some((k, groups))
        })
        .collect();
    for (k, groups) in found {
        known[k] = groups;
    }
    known
}

/// Whether two different words are one typing slip apart (`compare::within_one_edit`, which
/// also calls a word one slip from itself).
fn one_slip(a: &[char], b: &[char]) -> bool {
    a != b && crate::compare::within_one_edit(a, b)
}

/// Strings end to end in one block of memory, read by index: comparisons
/// touch one array instead of chasing a pointer per string.
#[derive(Default)]
pub(crate) struct PackedStrings {
    text: Vec<u8>,
    start: Vec<u32>,
}

impl PackedStrings {
    fn new<'s>(strings: impl Iterator<Item = &'s [u8]>) -> PackedStrings {
        let mut packed = PackedStrings::default();
        for s in strings {
            packed.start.push(packed.text.len() as u32);
            packed.text.extend_from_slice(s);
        }
        packed.start.push(packed.text.len() as u32);
        packed
    }

    #[inline]
    pub(crate) fn bytes(&self, i: usize) -> &[u8] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.text[a as usize..b as usize],
            _ => &[],
        }
    }

    #[inline]
    pub(crate) fn len_of(&self, i: usize) -> usize {
        self.bytes(i).len()
    }
}

/// Surname forms split into stems and sexes (`f`, `m`, or 0 for an ending
/// that tells none; see `form_stems`).
fn split_forms(forms: &[Box<str>]) -> (PackedStrings, Vec<u8>) {
    fn split(form: &str) -> (&str, &str) {
        form.rfind('/').map_or((form, ""), |at| form.split_at(at))
    }
    let stems = PackedStrings::new(forms.iter().map(|f| split(f).0.as_bytes()));
    let sexes = forms
        .iter()
        .map(|f| split(f).1.as_bytes().get(1).copied().unwrap_or(0))
        .collect();
    (stems, sexes)
}

/// Per record-count of each knowledge id (how many records' keys carry it).
fn knowledge_counts(per_key: &[[u32; VARIANT_IDS]], key_counts: &[u32]) -> Vec<u32> {
    let ids = per_key
        .iter()
        .flatten()
        .filter(|&&v| v != NONE)
        .map(|&v| v as usize + 1)
        .max()
        .unwrap_or(0);
    let mut counts = vec![0u32; ids];
    for (ids, &count) in per_key.iter().zip(key_counts) {
        for &v in ids.iter().filter(|&&v| v != NONE) {
            counts[v as usize] += count;
        }
    }
    counts
}

/// Interned ids of what `knowledge` says about each key (asked once per
/// key, in parallel), so that comparing two records for it is an integer
/// compare; and the text of each id.
fn key_knowledge(
    key_count: usize,
    knowledge: impl Fn(usize) -> Vec<String> + Sync + Send,
) -> (Vec<[u32; VARIANT_IDS]>, Vec<Box<str>>, Overflow) {
    let known: Vec<Vec<String>> = (0..key_count).into_par_iter().map(&knowledge).collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut texts: Vec<Box<str>> = Vec::new();
    let mut overflow = FxHashMap::default();
    let per_key = known
        .iter()
        .enumerate()
        .map(|(k, values)| {
            let all: Vec<u32> = values
                .iter()
                .filter(|v| !v.is_empty())
                .map(|value| {
                    *ids.entry(value.as_str()).or_insert_with(|| {
                        texts.push(value.as_str().into());
                        (texts.len() - 1) as u32
                    })
                })
                .collect();
            let mut out = [NONE; VARIANT_IDS];
            for (slot, &id) in out.iter_mut().zip(&all) {
                *slot = id;
            }
            if all.len() > VARIANT_IDS {
                overflow.insert(k as u32, all.into_boxed_slice());
            }
            out
        })
        .collect();
    (per_key, texts, overflow)
}
