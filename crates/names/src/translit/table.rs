//! The letter tables of the transliteration schemes, read once from
//! `data/translit.tsv` (a base table plus each scheme's overrides, with the
//! positional rules as conditions) into arrays indexed by a letter's offset
//! in the Cyrillic block. Transliterating a letter is then one array access,
//! plus one test of its context for the few letters that have a positional
//! rule; entity resolution and linkage transliterate every name they meet.
//! The Latin → Cyrillic groups of `to_cyrillic` come from
//! `data/translit_reverse.tsv`, read the same way.

use std::sync::OnceLock;

use super::{is_cyr_vowel, Ctx, Lang, Scheme};

/// The tables; the file's header says how to read it.
const TABLE_TSV: &str = include_str!("../../data/translit.tsv");

/// The Latin → Cyrillic groups of `to_cyrillic`; the file's header says how to read it.
const REVERSE_TSV: &str = include_str!("../../data/translit_reverse.tsv");

/// The first code point a table holds (а, U+0430); the last is ґ (U+0491),
/// so every letter of the Ukrainian, Russian and Belarusian alphabets has a slot.
const FIRST: u32 = 0x430;
const SLOTS: usize = 0x492 - FIRST as usize;

/// The slot of a lowercase letter, if it lies in the tables' range.
fn slot(c: char) -> Option<usize> {
    let i = (c as u32).wrapping_sub(FIRST) as usize;
    (i < SLOTS).then_some(i)
}

/// Where a spelling applies instead of the letter's plain one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Condition {
    /// The letter starts a word.
    Initial,
    /// Starts a word, or follows a vowel, й, ъ, ь, ў or an apostrophe (the
    /// BGN/PCGN and Belarusian "ye/je" positions).
    Iotated,
    /// A vowel on each side (German and French double the s there).
    BetweenVowels,
    /// The previous letter is one of these.
    After(&'static str),
    /// The next letter is one of these.
    Before(&'static str),
}

impl Condition {
    fn parse(text: &'static str) -> Option<Condition> {
        let letters = |s: &'static str| (!s.is_empty()).then_some(s);
        Some(match text {
            "initial" => Condition::Initial,
            "iotated" => Condition::Iotated,
            "between-vowels" => Condition::BetweenVowels,
            _ => {
                if let Some(set) = text.strip_prefix("after:") {
                    Condition::After(letters(set)?)
                } else {
                    Condition::Before(letters(text.strip_prefix("before:")?)?)
                }
            }
        })
    }

    fn holds(self, ctx: &Ctx) -> bool {
        match self {
            Condition::Initial => ctx.word_start,
            Condition::Iotated => {
                ctx.word_start
                    || ctx
                        .prev
                        .is_some_and(|p| is_cyr_vowel(p) || matches!(p, 'й' | 'ъ' | 'ь' | 'ў'))
            }
            Condition::BetweenVowels => {
                ctx.prev.is_some_and(is_cyr_vowel) && ctx.next.is_some_and(is_cyr_vowel)
            }
            Condition::After(set) => ctx.prev.is_some_and(|p| set.contains(p)),
            Condition::Before(set) => ctx.next.is_some_and(|n| set.contains(n)),
        }
    }
}

/// One Latin spelling of a letter, in the three forms a text needs: after a
/// lowercase letter, as a capital ("Shch"), inside an all-capital word ("SHCH").
#[derive(Debug)]
pub(super) struct Spelling {
    pub(super) lower: &'static str,
    pub(super) capital: Box<str>,
    pub(super) upper: Box<str>,
}

impl Spelling {
    fn new(lower: &'static str) -> Spelling {
        let mut capital = String::with_capacity(lower.len());
        let mut rest = lower.chars();
        if let Some(first) = rest.next() {
            capital.extend(first.to_uppercase());
            capital.push_str(rest.as_str());
        }
        Spelling {
            lower,
            capital: capital.into(),
            upper: lower.to_uppercase().into(),
        }
    }
}

/// How one scheme writes one letter.
#[derive(Debug)]
pub(super) struct Letter {
    plain: Spelling,
    /// Positional rules, tried in the order of the file before `plain`.
    positional: Vec<(Condition, Spelling)>,
}

impl Letter {
    /// The spelling that applies in `ctx`.
    pub(super) fn spelling(&self, ctx: &Ctx) -> &Spelling {
        self.positional
            .iter()
            .find(|(condition, _)| condition.holds(ctx))
            .map_or(&self.plain, |(_, spelling)| spelling)
    }
}

/// One scheme's letters, by slot.
pub(super) struct Letters(Vec<Option<Letter>>);

impl Letters {
    /// The scheme's entry for a lowercase letter; `None` for a character the
    /// scheme leaves as it is.
    pub(super) fn get(&self, lowercase: char) -> Option<&Letter> {
        self.0.get(slot(lowercase)?)?.as_ref()
    }
}

/// All schemes' letters and the comparison-key spelling.
pub(super) struct Tables {
    schemes: Vec<Letters>,
    key: Vec<Option<&'static str>>,
}

impl Tables {
    pub(super) fn letters(&self, scheme: Scheme) -> &Letters {
        &self.schemes[scheme as usize]
    }

    /// The comparison-key spelling of a lowercase letter (see `key_letters`).
    pub(super) fn key(&self, lowercase: char) -> Option<&'static str> {
        *self.key.get(slot(lowercase)?)?
    }
}

/// A line of `data/translit.tsv` that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("data/{file} line {line}: {reason}")]
pub(super) struct TableError {
    file: &'static str,
    line: usize,
    reason: String,
}

/// The tables, read from `data/translit.tsv` on first use. The file is part
/// of the source, so a mistake in it is a bug that the tests catch, not an input error.
pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| parse(TABLE_TSV).unwrap_or_else(|e| panic!("{e}")))
}

/// Whom a row of the file is for.
#[derive(Clone, Copy, PartialEq)]
enum Target {
    Base,
    Key,
    Scheme(Scheme),
}

struct Row {
    line: usize,
    target: Target,
    slots: Vec<usize>,
    value: &'static str,
    condition: Option<Condition>,
}

fn read_rows(text: &'static str) -> Result<Vec<Row>, TableError> {
    let mut rows = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let fail = |reason: String| TableError {
            file: "translit.tsv",
            line,
            reason,
        };
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&'static str> = raw.split('\t').collect();
        let (target, letters, value, condition) = match fields[..] {
            [t, l, v] => (t, l, v, None),
            [t, l, v, c] => (t, l, v, Some(c)),
            _ => return Err(fail(format!("{} columns, expected 3 or 4", fields.len()))),
        };
        let target = match target {
            "base" => Target::Base,
            "key" => Target::Key,
            name => Target::Scheme(
                Scheme::parse(name).ok_or_else(|| fail(format!("unknown scheme {name:?}")))?,
            ),
        };
        let mut slots = Vec::new();
        for letter in letters.split(' ') {
            let mut chars = letter.chars();
            let c = match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => return Err(fail(format!("{letter:?} is not one letter"))),
            };
            let lowercase = c.to_lowercase().eq([c]);
            match slot(c) {
                Some(s) if lowercase => slots.push(s),
                _ => {
                    return Err(fail(format!(
                        "{c:?} is not a lowercase letter of the table range"
                    )))
                }
            }
        }
        let condition = match condition {
            None => None,
            Some(c) => {
                Some(Condition::parse(c).ok_or_else(|| fail(format!("unknown condition {c:?}")))?)
            }
        };
        match (target, condition) {
            (Target::Base, Some(_)) => return Err(fail("the base table has no conditions".into())),
            (Target::Key, Some(_)) => {
                return Err(fail("the key spelling has no conditions".into()))
            }
            _ => {}
        }
        let value = if value == "-" { "" } else { value };
        rows.push(Row {
            line,
            target,
            slots,
            value,
            condition,
        });
    }
    Ok(rows)
}

fn parse(text: &'static str) -> Result<Tables, TableError> {
    let rows = read_rows(text)?;
    let mut base: Vec<Option<&'static str>> = vec![None; SLOTS];
    for row in rows.iter().filter(|r| r.target == Target::Base) {
        for &s in &row.slots {
            if base[s].replace(row.value).is_some() {
                return Err(TableError {
                    file: "translit.tsv",
                    line: row.line,
                    reason: "letter already in the base table".into(),
                });
            }
        }
    }
    let mut key = base.clone();
    let mut schemes: Vec<Vec<Option<Letter>>> = Scheme::ALL
        .iter()
        .map(|_| {
            base.iter()
                .map(|v| {
                    v.map(|v| Letter {
                        plain: Spelling::new(v),
                        positional: Vec::new(),
                    })
                })
                .collect()
        })
        .collect();
    for row in rows.iter().filter(|r| r.target != Target::Base) {
        let fail = |reason: &str| TableError {
            file: "translit.tsv",
            line: row.line,
            reason: reason.into(),
        };
        for &s in &row.slots {
            if base[s].is_none() {
                return Err(fail("letter not in the base table"));
            }
            match row.target {
                Target::Base => {}
                Target::Key => key[s] = Some(row.value),
                Target::Scheme(scheme) => {
                    let Some(letter) = schemes[scheme as usize][s].as_mut() else {
                        return Err(fail("letter not in the base table"));
                    };
                    match row.condition {
                        None => letter.plain = Spelling::new(row.value),
                        Some(condition) => {
                            if letter.positional.iter().any(|(c, _)| *c == condition) {
                                return Err(fail("the same condition twice for a letter"));
                            }
                            letter
                                .positional
                                .push((condition, Spelling::new(row.value)));
                        }
                    }
                }
            }
        }
    }
    Ok(Tables {
        schemes: schemes.into_iter().map(Letters).collect(),
        key,
    })
}

/// The Latin → Cyrillic groups of `to_cyrillic`: each language's own, then
/// the ones common to all, in the order of the file.
pub(super) struct ReverseGroups {
    uk: Vec<(&'static str, &'static str)>,
    ru: Vec<(&'static str, &'static str)>,
    be: Vec<(&'static str, &'static str)>,
    common: Vec<(&'static str, &'static str)>,
}

impl ReverseGroups {
    /// The groups of `lang`'s own spelling; none for English, which has no
    /// Cyrillic spelling of its own.
    pub(super) fn of(&self, lang: Lang) -> &[(&'static str, &'static str)] {
        match lang {
            Lang::Uk => &self.uk,
            Lang::Ru => &self.ru,
            Lang::Be => &self.be,
            Lang::En => &[],
        }
    }

    pub(super) fn common(&self) -> &[(&'static str, &'static str)] {
        &self.common
    }
}

/// The groups, read from `data/translit_reverse.tsv` on first use (a mistake
/// in the file is a bug that the tests catch).
pub(super) fn reverse_groups() -> &'static ReverseGroups {
    static GROUPS: OnceLock<ReverseGroups> = OnceLock::new();
    GROUPS.get_or_init(|| parse_reverse(REVERSE_TSV).unwrap_or_else(|e| panic!("{e}")))
}

fn parse_reverse(text: &'static str) -> Result<ReverseGroups, TableError> {
    let mut groups = ReverseGroups {
        uk: Vec::new(),
        ru: Vec::new(),
        be: Vec::new(),
        common: Vec::new(),
    };
    for (n, raw) in text.lines().enumerate() {
        let fail = |reason: String| TableError {
            file: "translit_reverse.tsv",
            line: n + 1,
            reason,
        };
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let [lang, latin, cyrillic] = raw.split('\t').collect::<Vec<_>>()[..] else {
            return Err(fail("expected 3 columns".into()));
        };
        if latin.is_empty() || !latin.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(fail(format!("{latin:?} is not a lowercase Latin group")));
        }
        let list = match lang {
            "uk" => &mut groups.uk,
            "ru" => &mut groups.ru,
            "be" => &mut groups.be,
            "all" => &mut groups.common,
            other => return Err(fail(format!("unknown language {other:?}"))),
        };
        list.push((latin, cyrillic));
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_file_reads() {
        let tables = parse(TABLE_TSV).unwrap();
        assert_eq!(tables.schemes.len(), Scheme::ALL.len());
        // Every scheme writes the 38 letters of the three alphabets.
        for letters in &tables.schemes {
            assert_eq!(letters.0.iter().flatten().count(), 38);
        }
    }

    #[test]
    fn the_reverse_file_reads() {
        let groups = parse_reverse(REVERSE_TSV).unwrap();
        for lang in [Lang::Uk, Lang::Ru, Lang::Be] {
            assert!(groups.of(lang).iter().any(|&(latin, _)| latin == "y"));
        }
        assert!(groups.common().contains(&("shch", "щ")));
        let e = parse_reverse("xx\ta\tа\n").err().unwrap();
        assert!(e.to_string().contains("unknown language"), "{e}");
        let e = parse_reverse("# c\nuk\tA\tа\n").err().unwrap();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn mistakes_in_the_file_are_named_with_their_line() {
        let bad = [
            ("base\tа\ta\nuk\tщ\tshch\n", 2, "not in the base table"),
            ("base\tа\ta\nklingon\tа\ta\n", 2, "unknown scheme"),
            ("base\tа\ta\tinitial\n", 1, "no conditions"),
            ("base\tа\ta\nuk\tа\ta\tsomewhere\n", 2, "unknown condition"),
            ("base\tA\ta\n", 1, "not a lowercase letter"),
            ("base\tа\n", 1, "columns"),
            (
                "base\tа\ta\nuk\tа\tb\tinitial\nuk\tа\tc\tinitial\n",
                3,
                "the same condition twice",
            ),
        ];
        for (text, line, reason) in bad {
            let text: &'static str = Box::leak(text.to_string().into_boxed_str());
            let e = parse(text).err().unwrap();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.to_string().contains(reason), "{e} for {text:?}");
        }
    }
}
