//! Comparison levels: how alike two records are, field by field.
//!
//! Each field compares to one small level number (0 = one side missing,
//! which is neutral evidence). The levels of all fields of a pair pack into
//! one `u64` *pattern*, four bits a field, so that the model is estimated on
//! counts of distinct patterns rather than on the pairs themselves.
//!
//! Names and other text: exact as written; equal Latin keys (the same name
//! in another script or transliteration standard); for surnames, one
//! spelling form (the same surname up to a Ukrainian / Russian / Belarusian
//! ending or akanye: Коваленко / Каваленка, Ковальська / Ковальская, the
//! sex kept), a level of its own because unrelated surnames rarely share
//! it while they often share a loose sound key; a name variant (given
//! names of one group, diminutives included: Oleksandr / Sasha; surnames
//! with one sound key: Шевцов / Шаўцоў / Shautsou, Коваленко / Kowalenko),
//! an integer compare of ids computed once per key in `encode`;
//! Jaro-Winkler on the Latin keys ≥ 0.92, ≥ 0.88, ≥ 0.70; different. When
//! both names disagree but each is close to the other side's other name,
//! both fields take the "swapped" level; when only one crossed name is
//! close (≥ 0.88) and the other only alike (≥ 0.70: a diminutive or a typo
//! on top of the swap), the weaker "swapped, one unlike" level.
//! Birth: exact; day and month transposed; one digit differs (a typing
//! slip); within N days; same year; consistent with a stated age, exactly
//! or only within the age slack; two stated ages that overlap (a weaker
//! agreement: two one-year spans meet by chance about twice as often as a
//! date falls in one); an age that cannot fit (by
//! up to two years, or by more); different.

use crate::encode::{Encoded, TextSource, NONE};

/// Bits of a pattern given to one field.
pub(crate) const BITS_PER_FIELD: u32 = 4;
/// Fields a pattern can hold.
pub(crate) const MAX_FIELDS: usize = (u64::BITS / BITS_PER_FIELD) as usize;
/// The level of a missing value.
pub(crate) const MISSING: u8 = 0;

pub(crate) const TEXT_LEVELS: [&str; 12] = [
    "missing",
    "exact",
    "transliteration",
    "surname form",
    "name variant",
    "jaro-winkler >= 0.92",
    "jaro-winkler >= 0.88",
    "jaro-winkler >= 0.70",
    "different",
    "given name and surname swapped",
    "given name and surname swapped, one unlike",
    "one edit apart",
];
pub(crate) const TEXT_EXACT: u8 = 1;
pub(crate) const TEXT_TRANSLITERATION: u8 = 2;
pub(crate) const TEXT_FORM: u8 = 3;
pub(crate) const TEXT_VARIANT: u8 = 4;
pub(crate) const TEXT_JW92: u8 = 5;
pub(crate) const TEXT_JW88: u8 = 6;
pub(crate) const TEXT_JW70: u8 = 7;
pub(crate) const TEXT_DIFFERENT: u8 = 8;
pub(crate) const TEXT_SWAPPED: u8 = 9;
pub(crate) const TEXT_SWAPPED_ONE_UNLIKE: u8 = 10;
/// Last in number only (the levels above keep their numbers); in strength
/// it comes between "name variant" and the Jaro-Winkler bands.
const TEXT_ONE_EDIT: u8 = 11;

pub(crate) const BIRTH_LEVELS: [&str; 14] = [
    "missing",
    "exact",
    "day and month transposed",
    "one digit differs",
    "within days",
    "same year",
    "age consistent",
    "different",
    "age inconsistent",
    "age consistent within slack",
    "ages consistent",
    "ages consistent within slack",
    "age years off",
    "age by the year",
];
/// An age that misses the other record's birth date or age by more than
/// [`AGE_YEARS_OFF_DAYS`]: a stated age a year off is a common slip (a
/// birthday since the list was made, a rounded age), one several years
/// off is far rarer in the records of one child than among namesakes,
/// whose ages spread over the whole of childhood. Last in number only.
pub(crate) const BIRTH_AGE_YEARS_OFF: u8 = 12;
/// Two birth dates that disagree at every level (see `model`, which caps
/// how many matches may show it).
pub(crate) const BIRTH_DIFFERENT: u8 = 7;
/// Two birth dates of one year with day and month swapped.
pub(crate) const BIRTH_TRANSPOSED: u8 = 2;
/// Two birth dates one digit apart.
pub(crate) const BIRTH_ONE_DIGIT: u8 = 3;
/// Two birth dates within the window of days that no single slip explains.
pub(crate) const BIRTH_WITHIN_DAYS: u8 = 4;
/// Two birth dates of one year that differ in both day and month.
pub(crate) const BIRTH_SAME_YEAR: u8 = 5;
/// A birth date outside the span a stated age allows but in the year the
/// age names when reckoned by the year (the list's year less the age): a
/// common way of stating a child's age ("born 2012, so 10 in 2022"), as
/// tight a fit as an age that fits exactly, where "within slack" takes
/// any date some months either side. Last in number only.
const BIRTH_AGE_BY_YEAR: u8 = 13;
/// Days beyond the span a stated age allows at which it is "years off".
const AGE_YEARS_OFF_DAYS: i32 = 730;

pub(crate) const SEX_LEVELS: [&str; 3] = ["missing", "same", "different"];

/// How a field is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comparator {
    /// A text column; `name` marks given names, surnames and patronymics.
    Text {
        column: usize,
        name: NameKind,
    },
    Birth,
    Sex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Given,
    Surname,
    Other,
    NotAName,
}

/// One compared field.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub name: String,
    pub comparator: Comparator,
    /// Whether exact and transliteration matches are weighted by how rare the name is.
    pub term_frequency: bool,
}

impl Field {
    pub(crate) fn level_names(&self) -> &'static [&'static str] {
        match self.comparator {
            Comparator::Text { .. } => &TEXT_LEVELS,
            Comparator::Birth => &BIRTH_LEVELS,
            Comparator::Sex => &SEX_LEVELS,
        }
    }
}

/// The fields compared for a job, chosen from what the records hold.
pub(crate) fn fields_for(encoded: &Encoded, term_frequency: bool) -> Vec<Field> {
    let mut fields = Vec::new();
    for (column, text) in encoded.text.iter().enumerate() {
        let name = match text.source {
            TextSource::Given => NameKind::Given,
            TextSource::Surname => NameKind::Surname,
            TextSource::Patronymic | TextSource::Guardian => NameKind::Other,
            _ => NameKind::NotAName,
        };
        fields.push(Field {
            name: text.source.name(),
            comparator: Comparator::Text { column, name },
            // A guardian's name is compared as written, not weighed by how
            // common it is: it is one whole name, not a name's part.
            term_frequency: term_frequency
                && (matches!(name, NameKind::Given | NameKind::Surname)
                    || text.source == TextSource::Patronymic),
        });
        if encoded.has_birth && text.source == TextSource::Surname {
            // Birth after the names, so that explanations read naturally.
            fields.push(Field {
                name: "birth".into(),
                comparator: Comparator::Birth,
                term_frequency: false,
            });
        }
    }
    if encoded.has_birth && !fields.iter().any(|f| f.comparator == Comparator::Birth) {
        fields.push(Field {
            name: "birth".into(),
            comparator: Comparator::Birth,
            term_frequency: false,
        });
    }
    if encoded.has_sex {
        fields.push(Field {
            name: "sex".into(),
            comparator: Comparator::Sex,
            term_frequency: false,
        });
    }
    fields.truncate(MAX_FIELDS);
    fields
}

/// Compares pairs of encoded records.
pub(crate) struct Comparer<'a> {
    pub encoded: &'a Encoded,
    pub fields: &'a [Field],
    pub within_days: i32,
    pub age_slack_days: i32,
    /// Field and column indices of the given name and the surname, for swaps.
    swap: Option<[(usize, usize); 2]>,
    /// Distinguishes this job's entries in the per-thread level cache.
    generation: u32,
}

/// Entries of the per-thread cache of text levels (a power of two).
const LEVEL_CACHE_BITS: u32 = 16;

thread_local! {
    /// (column, key, key) tag, generation, level: names repeat across
    /// pairs, so most Jaro-Winkler computations are repeats.
    static LEVEL_CACHE: std::cell::RefCell<Vec<(u64, u32, u8)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

static GENERATION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

fn cache_slot(tag: u64) -> usize {
    (tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LEVEL_CACHE_BITS)) as usize
}

fn cached_level(tag: u64, generation: u32) -> Option<u8> {
    LEVEL_CACHE.with(|cache| {
        let cache = cache.borrow();
        let &(t, g, level) = cache.get(cache_slot(tag))?;
        (t == tag && g == generation).then_some(level)
    })
}

fn remember_level(tag: u64, generation: u32, level: u8) {
    LEVEL_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.is_empty() {
            cache.resize(1 << LEVEL_CACHE_BITS, (0, 0, 0));
        }
        cache[cache_slot(tag)] = (tag, generation, level);
    })
}

impl<'a> Comparer<'a> {
    pub(crate) fn new(
        encoded: &'a Encoded,
        fields: &'a [Field],
        within_days: i32,
        age_slack_days: i32,
    ) -> Comparer<'a> {
        let find = |kind: NameKind| {
            fields
                .iter()
                .enumerate()
                .find_map(|(f, field)| match field.comparator {
                    Comparator::Text { column, name } if name == kind => Some((f, column)),
                    _ => None,
                })
        };
        let swap = find(NameKind::Given)
            .zip(find(NameKind::Surname))
            .map(|(g, s)| [g, s]);
        Comparer {
            encoded,
            fields,
            within_days,
            age_slack_days,
            swap,
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The packed levels of all fields for records `i` and `j`.
    #[inline]
    pub(crate) fn pattern(&self, i: usize, j: usize) -> u64 {
        let mut pattern = self
            .fields
            .iter()
            .enumerate()
            .fold(0u64, |pattern, (f, field)| {
                pattern | (u64::from(self.level(field, i, j)) << (f as u32 * BITS_PER_FIELD))
            });
        if let Some([(given_field, given), (surname_field, surname)]) = self.swap {
            let poor = |f: usize| (TEXT_JW88..=TEXT_DIFFERENT).contains(&level_in(pattern, f));
            // One crossed name must agree well; the other may be a diminutive
            // or carry a typo (Irka / Opanasenko against Opanasienka / Irina).
            let swapped = if poor(given_field) && poor(surname_field) {
                let (x, y) = (
                    self.cross_similarity(given, surname, i, j),
                    self.cross_similarity(surname, given, i, j),
                );
                match (x.max(y), x.min(y)) {
                    (_, low) if low >= 0.88 => Some(TEXT_SWAPPED),
                    (high, low) if high >= 0.88 && low >= 0.70 => Some(TEXT_SWAPPED_ONE_UNLIKE),
                    _ => None,
                }
            } else {
                None
            };
            if let Some(level) = swapped {
                // Two pieces of evidence (each name agrees with the other
                // side's other column), each weighted by its own level.
                for f in [given_field, surname_field] {
                    let shift = f as u32 * BITS_PER_FIELD;
                    pattern = (pattern & !(0xf << shift)) | (u64::from(level) << shift);
                }
            }
        }
        pattern
    }

    /// How alike column `a` of record `i` is to column `b` of record `j`
    /// (Jaro-Winkler on the Latin keys; 0 when either is missing).
    fn cross_similarity(&self, a: usize, b: usize, i: usize, j: usize) -> f64 {
        let (ca, cb) = (&self.encoded.text[a], &self.encoded.text[b]);
        let ((_, ka), (_, kb)) = (self.encoded.text_pair(i, a), self.encoded.text_pair(j, b));
        if ka == NONE || kb == NONE {
            return 0.0;
        }
        let (x, y) = (ca.key_bytes(ka), cb.key_bytes(kb));
        if x == y {
            1.0
        } else {
            jaro_winkler_bytes(x, y)
        }
    }

    #[inline]
    pub(crate) fn level(&self, field: &Field, i: usize, j: usize) -> u8 {
        match field.comparator {
            Comparator::Text { column, .. } => self.text_level(column, i, j),
            Comparator::Birth => self.birth_level(i, j),
            Comparator::Sex => match (self.encoded.sex[i], self.encoded.sex[j]) {
                (0, _) | (_, 0) => MISSING,
                (a, b) if a == b => 1,
                _ => 2,
            },
        }
    }

    /// The level of a text column; for a surname with a former one in a
    /// note (see `TextColumn::former`), the strongest level of the current
    /// and former surnames of either record against the other's; for a
    /// surname a note says was changed (`TextColumn::renamed`), missing
    /// where it disagrees.
    fn text_level(&self, column: usize, i: usize, j: usize) -> u8 {
        let level = self.own_text_level(column, i, j);
        let col = &self.encoded.text[column];
        let best = self.through_former(col, column, level, i, j);
        // A surname a note says was changed (the former one not given) that
        // disagrees may be the new family's: no evidence either way.
        if !col.renamed.is_empty()
            && matches!(best, TEXT_JW70 | TEXT_DIFFERENT)
            && (col.renamed(i) || col.renamed(j))
        {
            return MISSING;
        }
        best
    }

    /// `level` or, for a surname with a former one in a note, the
    /// strongest level of the current and former surnames of either
    /// record against the other's.
    fn through_former(
        &self,
        col: &crate::encode::TextColumn,
        column: usize,
        level: u8,
        i: usize,
        j: usize,
    ) -> u8 {
        if col.former.is_empty() || matches!(level, MISSING | TEXT_EXACT | TEXT_TRANSLITERATION) {
            return level;
        }
        let (fi, fj) = (col.former_of(i), col.former_of(j));
        if fi == NONE && fj == NONE {
            return level;
        }
        let (ki, kj) = (col.key_of(i), col.key_of(j));
        let mut best = level;
        for (a, b) in [(fi, kj), (ki, fj), (fi, fj)] {
            if a == NONE || b == NONE {
                continue;
            }
            let other = if a == b {
                TEXT_TRANSLITERATION
            } else {
                self.keys_level(column, a, b)
            };
            if strength(other) < strength(best) {
                best = other;
            }
        }
        best
    }

    fn own_text_level(&self, column: usize, i: usize, j: usize) -> u8 {
        let ((a, ka), (b, kb)) = (
            self.encoded.text_pair(i, column),
            self.encoded.text_pair(j, column),
        );
        if a == NONE || b == NONE {
            return MISSING;
        }
        if a == b {
            return TEXT_EXACT;
        }
        if ka == kb {
            return TEXT_TRANSLITERATION;
        }
        self.keys_level(column, ka, kb)
    }

    /// The level of two different keys of a column.
    fn keys_level(&self, column: usize, ka: u32, kb: u32) -> u8 {
        let col = &self.encoded.text[column];
        // The level of two different keys depends on the keys alone (unless
        // name knowledge looks at the written values): remember it.
        let cacheable = ka < 1 << 28 && kb < 1 << 28;
        let tag = ((column as u64) << 56) | (u64::from(ka) << 28) | u64::from(kb);
        if cacheable {
            if let Some(level) = cached_level(tag, self.generation) {
                return level;
            }
        }
        let level = self.compare_keys(col, ka, kb);
        if cacheable {
            remember_level(tag, self.generation, level);
        }
        level
    }

    fn compare_keys(&self, col: &crate::encode::TextColumn, ka: u32, kb: u32) -> u8 {
        // A surname form is checked first: its keys also share a sound
        // key, but it is far rarer among different surnames.
        if col.shared_form(ka, kb).is_some() {
            // The same spelling under another reading (Tkatschenko read
            // German-style is Ткаченко) is the same name in another
            // romanisation, as equal keys are. Forms are taken of every
            // reading, so such keys always share one: the readings are
            // looked up only then (a pair of random records seldom does).
            if col.readings_meet(ka, kb) {
                return TEXT_TRANSLITERATION;
            }
            return TEXT_FORM;
        }
        let (x, y) = (col.key_bytes(ka), col.key_bytes(kb));
        if col.variants_meet(ka, kb) {
            // Surnames sharing a loose sound key are weak evidence, a
            // surname one slip away strong: when both hold (Mulnyk /
            // Мельник) the slip is the better reading. Given names of one
            // group are stronger than a slip (Oleksandr / Oleksandra are
            // one edit apart and two names).
            if col.source == TextSource::Surname && within_one_edit(x, y) {
                return TEXT_ONE_EDIT;
            }
            return TEXT_VARIANT;
        }
        let similarity = jaro_winkler_bytes(x, y);
        // Two patronymics of known fathers' names that share no name (and
        // are no slip apart) name two fathers, however alike their letters:
        // Миколайович / Вікторович share the ending every patronymic has,
        // and as "alike" they told namesakes of one town (cousins, another
        // father) little from one child.
        if col.source == TextSource::Patronymic
            && col.is_known_name(ka)
            && col.is_known_name(kb)
            && !within_one_edit(x, y)
        {
            return TEXT_DIFFERENT;
        }
        // A slip leaves most letters in place: names that are not even
        // alike (most pairs) need no edit check.
        if similarity >= 0.70 && (within_one_edit(x, y) || col.forms_one_edit_apart(ka, kb)) {
            return TEXT_ONE_EDIT;
        }
        match similarity {
            s if s >= 0.92 => TEXT_JW92,
            s if s >= 0.88 => TEXT_JW88,
            s if s >= 0.70 => TEXT_JW70,
            _ => TEXT_DIFFERENT,
        }
    }

    /// The birth level of two records read as if one of them gave an age:
    /// two dates as a date against an age (the same day, or within the age
    /// slack, or not), two ages as an age against a date. For two records
    /// of one list when the model knows only ages against dates (see
    /// `Scorer::same_list_weight`).
    pub(crate) fn birth_level_as_age(&self, i: usize, j: usize, level: u8) -> u8 {
        let (a, b) = (self.encoded.birth[i], self.encoded.birth[j]);
        match level {
            10 => 6,
            11 => 9,
            _ if a.has_date() && b.has_date() => {
                let apart = (a.day - b.day).abs();
                if apart == 0 {
                    6
                } else if apart <= self.age_slack_days {
                    9
                } else if apart > AGE_YEARS_OFF_DAYS {
                    BIRTH_AGE_YEARS_OFF
                } else {
                    8
                }
            }
            BIRTH_AGE_YEARS_OFF => 8,
            other => other,
        }
    }

    fn birth_level(&self, i: usize, j: usize) -> u8 {
        let (a, b) = (self.encoded.birth[i], self.encoded.birth[j]);
        if a.has_date() && b.has_date() {
            if a.day == b.day {
                return 1;
            }
            let (ya, ma, da) = (a.ymd / 10_000, a.ymd / 100 % 100, a.ymd % 100);
            let (yb, mb, db) = (b.ymd / 10_000, b.ymd / 100 % 100, b.ymd % 100);
            if ya == yb && ma == db && da == mb {
                return BIRTH_TRANSPOSED;
            }
            if differing_digits(a.ymd, b.ymd) == 1 {
                return BIRTH_ONE_DIGIT;
            }
            if (a.day - b.day).abs() <= self.within_days {
                return BIRTH_WITHIN_DAYS;
            }
            if ya == yb {
                return BIRTH_SAME_YEAR;
            }
            return BIRTH_DIFFERENT;
        }
        match (a.span(), b.span()) {
            (Some((lo_a, hi_a)), Some((lo_b, hi_b))) => {
                // An age that fits exactly is stronger evidence than one
                // that fits only with the slack (an age a year off).
                let slack = self.age_slack_days;
                if lo_a <= hi_b && lo_b <= hi_a {
                    // Two stated ages overlap by chance about twice as
                    // often as a birth date falls inside one stated age.
                    if a.has_date() || b.has_date() {
                        6
                    } else {
                        10
                    }
                } else if reckoned_by_year(a, b) || reckoned_by_year(b, a) {
                    BIRTH_AGE_BY_YEAR
                } else if lo_a - slack <= hi_b && lo_b - slack <= hi_a {
                    if a.has_date() || b.has_date() {
                        9
                    } else {
                        11
                    }
                } else if (lo_a - hi_b).max(lo_b - hi_a) > AGE_YEARS_OFF_DAYS {
                    BIRTH_AGE_YEARS_OFF
                } else {
                    8
                }
            }
            _ => MISSING,
        }
    }
}

/// The order of text levels by strength, strongest 0 (see [`TEXT_ONE_EDIT`]).
fn strength(level: u8) -> u8 {
    match level {
        TEXT_EXACT => 0,
        TEXT_TRANSLITERATION => 1,
        TEXT_FORM => 2,
        TEXT_VARIANT => 3,
        TEXT_ONE_EDIT => 4,
        TEXT_JW92 => 5,
        TEXT_JW88 => 6,
        TEXT_JW70 => 7,
        _ => 8,
    }
}

/// Whether `date`'s birth date falls in the year `age`'s stated age names
/// when reckoned by the year (see [`BIRTH_AGE_BY_YEAR`]).
fn reckoned_by_year(date: crate::encode::Birth, age: crate::encode::Birth) -> bool {
    date.has_date()
        && !age.has_date()
        && age.by_year != 0
        && date.ymd / 10_000 == age.by_year as u32
}

/// Jaro-Winkler similarity; short ASCII keys (the usual case) are compared
/// on bytes with stack buffers, anything else by `strsim`.
#[cfg(test)]
pub(crate) fn jaro_winkler(a: &str, b: &str) -> f64 {
    jaro_winkler_bytes(a.as_bytes(), b.as_bytes())
}

/// [`jaro_winkler`] on the UTF-8 bytes of two keys.
pub(crate) fn jaro_winkler_bytes(a: &[u8], b: &[u8]) -> f64 {
    const MAX: usize = 64;
    if a.len() > MAX || b.len() > MAX || !a.is_ascii() || !b.is_ascii() {
        return strsim::jaro_winkler(
            std::str::from_utf8(a).unwrap_or(""),
            std::str::from_utf8(b).unwrap_or(""),
        );
    }
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Short keys: a direct scan of the window beats any lookup table (no
    // table to clear); used positions of b are bits of one word.
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_used, mut b_used) = (0u64, 0u64);
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for (k, &d) in b.iter().enumerate().take(hi).skip(lo) {
            if d == c && b_used & (1 << k) == 0 {
                b_used |= 1 << k;
                a_used |= 1 << i;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let (mut a_left, mut b_left) = (a_used, b_used);
    while a_left != 0 {
        let (i, k) = (a_left.trailing_zeros(), b_left.trailing_zeros());
        transpositions += usize::from(a[i as usize] != b[k as usize]);
        a_left &= a_left - 1;
        b_left &= b_left - 1;
    }
    let m = matches as f64;
    let jaro =
        (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// Whether two different keys are one typing slip apart: one letter
/// changed, added or dropped, or two neighbours swapped (Damerau-Levenshtein
/// distance 1). Jaro-Winkler bands mix such slips with unrelated names
/// that share letters (Kovalenko / Kovalchuk); a single slip is far rarer
/// between different names.
pub(crate) fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            let (rest_a, rest_b) = (&short[prefix..], &long[prefix..]);
            let suffix = rest_a
                .iter()
                .rev()
                .zip(rest_b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count();
            let differing = rest_a.len() - suffix;
            differing <= 1 || (differing == 2 && rest_a[0] == rest_b[1] && rest_a[1] == rest_b[0])
        }
        1 => short[prefix..] == long[prefix + 1..],
        _ => false,
    }
}

/// Decimal digits that differ between two YYYYMMDD numbers.
fn differing_digits(mut a: u32, mut b: u32) -> u32 {
    let mut count = 0;
    for _ in 0..8 {
        count += u32::from(a % 10 != b % 10);
        a /= 10;
        b /= 10;
    }
    count
}

/// The level of field `f` in a pattern.
#[inline]
pub(crate) fn level_in(pattern: u64, f: usize) -> u8 {
    ((pattern >> (f as u32 * BITS_PER_FIELD)) & ((1 << BITS_PER_FIELD) - 1)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;
    use chrono::NaiveDate;

    fn record(id: &str, given: &str, surname: &str, birth: Option<(i32, u32, u32)>) -> Record {
        Record {
            given: Some(given.into()),
            surname: Some(surname.into()),
            birth_date: birth.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
            ..Record::new(id)
        }
    }

    fn levels(a: Record, b: Record) -> Vec<(String, &'static str)> {
        levels_with_slack(a, b, 0)
    }

    fn levels_with_slack(a: Record, b: Record, slack: i32) -> Vec<(String, &'static str)> {
        let left = [a];
        let right = [b];
        let encoded = Encoded::new(&left, &right);
        let fields = fields_for(&encoded, true);
        let comparer = Comparer::new(&encoded, &fields, 30, slack);
        let pattern = comparer.pattern(0, 1);
        fields
            .iter()
            .enumerate()
            .map(|(f, field)| {
                (
                    field.name.clone(),
                    field.level_names()[level_in(pattern, f) as usize],
                )
            })
            .collect()
    }

    fn level_of<'a>(levels: &'a [(String, &'static str)], field: &str) -> &'a str {
        levels.iter().find(|(f, _)| f == field).unwrap().1
    }

    #[test]
    fn text_levels() {
        let l = levels(
            record("a", "Olena", "Kovalenko", None),
            record("b", "olena", "Kovalenko", None),
        );
        assert_eq!(level_of(&l, "surname"), "exact");
        assert_eq!(level_of(&l, "given"), "transliteration");
        let l = levels(
            record("a", "Olena", "Kovalenko", None),
            record("b", "Olina", "Kovalchuk", None),
        );
        // Olina, which no table knows, is a slip of Olena, which the
        // tables know: read as Olena mistyped, a name of her group.
        assert_eq!(level_of(&l, "given"), "name variant");
        // Hard negative: alike in spelling only, so a similarity band, never "variant".
        assert!(level_of(&l, "surname").starts_with("jaro-winkler"));
        let l = levels(
            record("a", "Olena", "Kovalenko", None),
            record("b", "Alina", "Kovalenko", None),
        );
        assert_eq!(level_of(&l, "given"), "jaro-winkler >= 0.70");
        let l = levels(
            record("a", "Olena", "Kovalenko", None),
            record("b", "Dmytro", "Bondar", None),
        );
        assert_eq!(level_of(&l, "given"), "different");
        assert_eq!(level_of(&l, "surname"), "different");
    }

    /// An adopted child renamed, the old surname in the list's note: the
    /// surnames agree through it, and only through it.
    #[test]
    fn a_former_surname_in_a_note_is_compared_too() {
        let mut adopted = record("a", "Марія", "Козлова", Some((2015, 9, 1)));
        adopted.note = Some("усыновление; прежняя фамилия — Руденко".into());
        let other = record("b", "Марія", "Руденко", Some((2015, 9, 1)));
        let l = levels(adopted.clone(), other.clone());
        assert_eq!(level_of(&l, "surname"), "transliteration");
        adopted.note = Some("смена 2".into());
        let l = levels(adopted, other);
        assert_eq!(level_of(&l, "surname"), "different");
    }

    /// A note that the surname was changed, the old one not given: a
    /// surname that disagrees says nothing (it may be the adoptive
    /// family's); one that agrees still counts; a note of something else
    /// leaves the disagreement as it is.
    #[test]
    fn a_surname_a_note_says_was_changed_disagrees_as_missing() {
        let mut adopted = record("a", "Марія", "Козлова", Some((2015, 9, 1)));
        adopted.note = Some("фамилия изменена".into());
        let other = record("b", "Марія", "Руденко", Some((2015, 9, 1)));
        let l = levels(adopted.clone(), other.clone());
        assert_eq!(level_of(&l, "surname"), "missing");
        let same = record("b", "Марія", "Козлова", Some((2015, 9, 1)));
        let l = levels(adopted.clone(), same);
        assert_eq!(level_of(&l, "surname"), "exact");
        adopted.note = Some("опека".into());
        let l = levels(adopted, other);
        assert_eq!(level_of(&l, "surname"), "different");
    }

    /// Two patronymics of known fathers that differ are "different", not
    /// "alike" by their shared ending; a slip of one stays a slip.
    #[test]
    fn patronymics_of_two_known_fathers_are_different() {
        let with = |patronymic: &str, name: &str| {
            let mut r = record(name, "Максим", "Ковальчук", Some((2015, 1, 19)));
            r.patronymic = Some(patronymic.into());
            r
        };
        let l = levels(with("Миколайович", "a"), with("Вікторович", "b"));
        assert_eq!(level_of(&l, "patronymic"), "different");
        let l = levels(with("Николаевич", "a"), with("Николаевчи", "b"));
        assert_ne!(level_of(&l, "patronymic"), "different");
    }

    /// A list of birthplaces linked with one of home towns compares the one
    /// place each record has; two lists that both give a home town compare
    /// that alone, as before.
    #[test]
    fn a_birthplace_against_a_home_town_is_one_place() {
        let mut born = record("a", "Марія", "Козлова", Some((2015, 9, 1)));
        born.birthplace = Some("г. Мариуполь".into());
        let mut lives = record("b", "Mariia", "Kozlova", Some((2015, 9, 1)));
        lives.last_place = Some("Mariupol".into());
        let l = levels(born.clone(), lives.clone());
        assert_eq!(level_of(&l, "place"), "transliteration");
        let mut elsewhere = lives.clone();
        elsewhere.last_place = Some("Kherson".into());
        let l = levels(born, elsewhere);
        assert_eq!(level_of(&l, "place"), "different");
        let mut both = lives.clone();
        both.last_place = Some("Маріуполь".into());
        let l = levels(both, lives);
        assert!(l.iter().all(|(f, _)| f != "place"));
        assert_eq!(level_of(&l, "last_place"), "transliteration");
    }

    /// A given name no table knows, one slip from a known name of the
    /// lists (Аляксондр beside Аляксандр), is that name: a variant of its
    /// other-language forms. A slip away from names of two groups, or a
    /// short name, stays unknown.
    #[test]
    fn a_slip_of_a_known_given_name_is_that_name() {
        let given_level = |typo: &str, known: &str, other: &str| {
            let left = [
                record("a", typo, "Олейнік", None),
                record("c", known, "Коваль", None),
            ];
            let right = [record("b", other, "Oliinyk", None)];
            let encoded = Encoded::new(&left, &right);
            let fields = fields_for(&encoded, true);
            let comparer = Comparer::new(&encoded, &fields, 30, 0);
            let f = fields.iter().position(|f| f.name == "given").unwrap();
            TEXT_LEVELS[level_in(comparer.pattern(0, 2), f) as usize]
        };
        assert_eq!(
            given_level("Аляксондр", "Аляксандр", "Oleksandr"),
            "name variant"
        );
        assert_ne!(
            given_level("Аляксондр", "Мікалай", "Oleksandr"),
            "name variant"
        );
    }

    /// A year of birth alone fits a date of that year as a stated age does.
    #[test]
    fn a_year_of_birth_alone_fits_a_date_in_that_year() {
        let mut a = record("a", "Олена", "Коваленко", None);
        a.birth_year = Some(2014);
        let l = levels(
            a.clone(),
            record("b", "Olena", "Kovalenko", Some((2014, 5, 3))),
        );
        assert_eq!(level_of(&l, "birth"), "age consistent");
        let l = levels(a, record("b", "Olena", "Kovalenko", Some((2010, 5, 3))));
        assert_eq!(level_of(&l, "birth"), "age years off");
    }

    #[test]
    fn name_variants() {
        // The Belarusian form of a surname (its own, tighter level), a
        // diminutive of the given name: neither has the same Latin key.
        let l = levels(
            record("a", "Олександр", "Шевцов", None),
            record("b", "Sasha", "Shautsou", None),
        );
        assert_eq!(level_of(&l, "surname"), "surname form");
        assert_eq!(level_of(&l, "given"), "name variant");
        // A short form of many names (Слава: Ярослава, Владислав,
        // Святослав… more groups than a key keeps inline) still meets each.
        for full in ["Ярослава", "Zoreslava", "Ростислав"] {
            let l = levels(
                record("a", "Слава", "Коваленко", None),
                record("b", full, "Коваленко", None),
            );
            assert_eq!(level_of(&l, "given"), "name variant", "{full}");
        }
        let l = levels(
            record("a", "Олена", "Коваленко", None),
            record("b", "Олена", "Каваленка", None),
        );
        assert_eq!(level_of(&l, "surname"), "surname form");
        // The other sex's form is no spelling correspondence.
        let l = levels(
            record("a", "Олена", "Шевцова", None),
            record("b", "Олена", "Шаўцоў", None),
        );
        assert_ne!(level_of(&l, "surname"), "surname form");
        let l = levels(
            record("a", "Олена", "Мельничук", None),
            record("b", "Olena", "Melnitchouk", None),
        );
        // Read French-style, the spelling is the Cyrillic one exactly: the
        // same surname in another romanisation, as good as equal keys.
        assert_eq!(level_of(&l, "surname"), "transliteration");
        for (german, french) in [("Tkatschenko", "TKATCHENKO"), ("Kutscher", "Koutcher")] {
            let l = levels(
                record("a", "Olena", german, None),
                record("b", "Olena", french, None),
            );
            assert_eq!(level_of(&l, "surname"), "transliteration", "{german}");
        }
        // Only the consonants agree: the loose sound-key level.
        let l = levels(
            record("a", "Олена", "Савченко", None),
            record("b", "Олена", "Сивчинко", None),
        );
        assert_eq!(level_of(&l, "surname"), "name variant");
        // One slip away as well: the slip is the stronger reading.
        let l = levels(
            record("a", "Олена", "Савченко", None),
            record("b", "Олена", "Сивченко", None),
        );
        assert_eq!(level_of(&l, "surname"), "one edit apart");
        let l = levels(
            record("a", "Oleksandr", "Kovalenko", None),
            record("b", "Oleksii", "Kovalchuk", None),
        );
        assert_ne!(level_of(&l, "surname"), "name variant");
        assert_ne!(level_of(&l, "given"), "name variant");
    }

    #[test]
    fn swapped_names() {
        let l = levels(
            record("a", "Olena", "Kovalenko", None),
            record("b", "Kovalenko", "Olena", None),
        );
        assert_eq!(level_of(&l, "given"), "given name and surname swapped");
        assert_eq!(level_of(&l, "surname"), "given name and surname swapped");
        // A diminutive on top of the swap: only the surname crosses well.
        let l = levels(
            record("a", "Irka", "Opanasenko", None),
            record("b", "Opanasenko", "Irina", None),
        );
        assert_eq!(
            level_of(&l, "given"),
            "given name and surname swapped, one unlike"
        );
        // Two unrelated children whose names merely differ are not swapped.
        let l = levels(
            record("a", "Olena", "Kovalenko", None),
            record("b", "Taras", "Melnyk", None),
        );
        assert_eq!(level_of(&l, "given"), "different");
    }

    #[test]
    fn one_edit_apart() {
        for (a, b, one) in [
            ("marchenko", "machenko", true),
            ("skliaryk", "slkiaryk", true),
            ("bohdan", "bohdam", true),
            ("olena", "olenaa", true),
            ("kovalenko", "kovalchuk", false),
            ("skliaryk", "skliar", false),
            ("abcd", "badc", false),
        ] {
            assert_eq!(within_one_edit(a.as_bytes(), b.as_bytes()), one, "{a} {b}");
            assert_eq!(within_one_edit(b.as_bytes(), a.as_bytes()), one, "{b} {a}");
        }
        // A typo the surname-form and sound keys cannot explain.
        let l = levels(
            record("a", "Людмила", "Склярик", None),
            record("b", "Людмила", "Слкярик", None),
        );
        assert_eq!(level_of(&l, "surname"), "one edit apart");
        // A slip on top of another romanisation: one edit between the
        // spelling forms, not between the Latin keys.
        let l = levels(
            record("a", "Андрій", "Хяльченко", None),
            record("b", "Andrij", "Hâlʹčekno", None),
        );
        assert_eq!(level_of(&l, "surname"), "one edit apart");
        // The feminine and masculine forms of one surname share a stem but
        // are no typo of each other.
        let records = [
            record("a", "Олена", "Шевцова", None),
            record("b", "Олена", "Шевцов", None),
            record("c", "Олена", "Хяльченко", None),
            record("d", "Олена", "Hâlʹčekno", None),
        ];
        let encoded = Encoded::new(&records, &[]);
        let surname = encoded.column(&crate::encode::TextSource::Surname).unwrap();
        let column = &encoded.text[surname];
        let one_edit =
            |a: usize, b: usize| column.forms_one_edit_apart(column.key_of(a), column.key_of(b));
        assert!(!one_edit(0, 1));
        assert!(one_edit(2, 3));
    }

    #[test]
    fn byte_jaro_winkler_agrees_with_strsim() {
        for (a, b) in [
            ("martha", "marhta"),
            ("dixon", "dicksonx"),
            ("kovalenko", "kovalchuk"),
            ("a", "b"),
            ("", "abc"),
            ("oleksandr", "aleksandr"),
            ("thredgold", "thred gold"),
        ] {
            let ours = jaro_winkler(a, b);
            let theirs = strsim::jaro_winkler(a, b);
            assert!((ours - theirs).abs() < 1e-9, "{a} {b}: {ours} vs {theirs}");
        }
    }

    #[test]
    fn birth_levels() {
        let pair = |a, b| {
            let l = levels(
                record("a", "x", "y", Some(a)),
                record("b", "x", "y", Some(b)),
            );
            level_of(&l, "birth").to_string()
        };
        assert_eq!(pair((2015, 3, 4), (2015, 3, 4)), "exact");
        assert_eq!(pair((2015, 3, 4), (2015, 4, 3)), "day and month transposed");
        assert_eq!(pair((2015, 3, 4), (2015, 3, 9)), "one digit differs");
        assert_eq!(pair((2015, 3, 4), (2015, 3, 28)), "within days");
        assert_eq!(pair((2015, 3, 4), (2015, 11, 28)), "same year");
        assert_eq!(pair((2015, 3, 4), (2011, 11, 28)), "different");
    }

    #[test]
    fn a_renamed_town_is_a_name_variant() {
        let at = |place: &str| Record {
            last_place: Some(place.into()),
            ..record("a", "Марко", "Бойко", None)
        };
        let level = |a: &str, b: &str| {
            let levels = levels(at(a), at(b));
            level_of(&levels, "last_place").to_string()
        };
        assert_eq!(
            level("ДНР, г. Артёмовск", "м. Бахмут, Донецька обл."),
            "name variant"
        );
        assert_eq!(level("Стаханов", "Kadiivka"), "name variant");
        assert_eq!(level("г. Бахмут", "Bakhmut"), "transliteration");
        assert_eq!(level("Стаханов", "Бахмут"), "different");
        // A name of several villages, Мангуш's old one among them.
        assert_eq!(level("пгт Первомайское", "смт Мангуш"), "name variant");
    }

    #[test]
    fn age_levels() {
        let at = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
        let aged = |age| Record {
            age: Some(age),
            age_at: Some(at),
            ..record("b", "x", "y", None)
        };
        let born = record("a", "x", "y", Some((2015, 9, 1)));
        assert_eq!(
            level_of(&levels(born.clone(), aged(7)), "birth"),
            "age consistent"
        );
        assert_eq!(
            level_of(&levels(born.clone(), aged(9)), "birth"),
            "age inconsistent"
        );
        assert_eq!(
            level_of(&levels(aged(9), aged(9)), "birth"),
            "ages consistent"
        );
        // Two stated ages a year apart: consistent only within the slack.
        assert_eq!(
            level_of(&levels_with_slack(aged(8), aged(9), 183), "birth"),
            "ages consistent within slack"
        );
        // Born three months before the earliest day age 7 allows.
        let early = record("a", "x", "y", Some((2015, 3, 1)));
        assert_eq!(
            level_of(&levels_with_slack(early.clone(), aged(7), 183), "birth"),
            "age consistent within slack"
        );
        assert_eq!(
            level_of(&levels_with_slack(early, aged(7), 30), "birth"),
            "age inconsistent"
        );
        // Born three months after the latest day age 8 allows, but in 2015:
        // 8 is 2023 − 2015, the age reckoned by the year, whatever the slack.
        for slack in [0, 183] {
            assert_eq!(
                level_of(&levels_with_slack(born.clone(), aged(8), slack), "birth"),
                "age by the year"
            );
            assert_eq!(
                level_of(&levels_with_slack(aged(8), born.clone(), slack), "birth"),
                "age by the year"
            );
        }
        // Two stated ages never reckon a year between them.
        assert_eq!(
            level_of(&levels_with_slack(aged(8), aged(8), 0), "birth"),
            "ages consistent"
        );
        // An age several years off is a level of its own.
        assert_eq!(
            level_of(&levels_with_slack(born.clone(), aged(12), 183), "birth"),
            "age years off"
        );
        assert_eq!(
            level_of(&levels_with_slack(aged(3), aged(12), 183), "birth"),
            "age years off"
        );
        let unknown = record("b", "x", "y", None);
        let with_date_elsewhere = [born, unknown];
        let encoded = Encoded::new(&with_date_elsewhere[..1], &with_date_elsewhere[1..]);
        // The right side never records a birth: the field is not compared at all.
        assert!(!encoded.has_birth);
    }
}
