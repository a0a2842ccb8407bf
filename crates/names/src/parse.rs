//! Splitting a full name into tokens and deciding which token is the given
//! name, the patronymic, the surname and which are initials.
//!
//! Why heuristics and not position: registries and reports use both orders
//! ("Лукашенко Александр Григорьевич", "Alexander Lukashenko",
//! "Lukashenko, Alexander"), so the role of a token is decided by what it is
//! (a known given name, a patronymic suffix, a single letter) and only then
//! by where it stands.

use crate::given;
use crate::key::{primary_key, token_keys};
use casefile_core::Sex;
use serde::Serialize;

/// The role of one token in a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Role {
    /// A given (first) name, full or diminutive.
    Given,
    /// A patronymic (Олександрович, Ivanovna).
    Patronymic,
    /// (Part of) the surname.
    Surname,
    /// An initial ("A." or "О"); the first stands for the given name, the
    /// second for the patronymic.
    Initial,
}

/// The order in which the name was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NameOrder {
    /// "Alexander Lukashenko".
    GivenFirst,
    /// "Lukashenko Alexander", "Lukashenko, Alexander".
    SurnameFirst,
    /// Only one of the parts is present.
    Unknown,
}

/// One token of a parsed name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameToken {
    /// The token as written (initials without the dot).
    pub text: String,
    /// Its role.
    pub role: Role,
    /// Its script-independent key.
    pub key: String,
}

/// A name split into classified tokens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedName {
    /// Tokens in the order written.
    pub tokens: Vec<NameToken>,
    /// Detected order.
    pub order: NameOrder,
}

impl ParsedName {
    fn texts(&self, role: Role) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| t.role == role)
            .map(|t| t.text.as_str())
            .collect()
    }

    /// The given name, if written in full.
    pub fn given(&self) -> Option<&str> {
        self.texts(Role::Given).first().copied()
    }

    /// The patronymic, if written in full.
    pub fn patronymic(&self) -> Option<&str> {
        self.texts(Role::Patronymic).first().copied()
    }

    /// Surname parts in written order ("Lvova-Belova" and "Lvova Belova" both give two parts).
    pub fn surname_parts(&self) -> Vec<&str> {
        self.texts(Role::Surname)
            .into_iter()
            .flat_map(|t| t.split('-'))
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The surname as one string (parts joined by '-'), if any.
    pub fn surname(&self) -> Option<String> {
        let parts = self.surname_parts();
        (!parts.is_empty()).then(|| parts.join("-"))
    }

    /// Initials in written order.
    pub fn initials(&self) -> Vec<&str> {
        self.texts(Role::Initial)
    }

    /// The sex suggested by the given name, when unambiguous.
    pub fn given_sex(&self) -> Option<Sex> {
        self.given().and_then(given::sex_of)
    }
}

/// Raw token before classification.
struct RawToken {
    text: String,
    initial: bool,
    after_comma: bool,
}

fn split_tokens(s: &str) -> Vec<RawToken> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut comma_seen = false;
    let flush = |cur: &mut String, dot: bool, out: &mut Vec<RawToken>, comma: bool| {
        let t = cur.trim_matches(|c: char| c == '-' || crate::key::is_apostrophe_like(c));
        if !t.is_empty() {
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            // "A", "A.", "Yu." — one or two letters (a digraph initial needs its dot).
            let initial = letters == 1 || (letters == 2 && dot && !t.contains('-'));
            out.push(RawToken {
                text: t.to_string(),
                initial,
                after_comma: comma,
            });
        }
        cur.clear();
    };
    for c in s.chars() {
        if c.is_alphabetic() || c == '-' || crate::key::is_apostrophe_like(c) {
            cur.push(c);
        } else if c == '.' {
            flush(&mut cur, true, &mut out, comma_seen);
        } else {
            flush(&mut cur, false, &mut out, comma_seen);
            if c == ',' {
                comma_seen = true;
            }
        }
    }
    flush(&mut cur, false, &mut out, comma_seen);
    out
}

/// Endings of a patronymic's key (see `key::skeleton`: C is ч).
const PATRONYMIC_ENDINGS: [&str; 8] = [
    "oviC", "eviC", "aviC", "ovna", "evna", "ivna", "avna", "iCna",
];
const FEMININE_PATRONYMIC_ENDINGS: [&str; 5] = ["ovna", "evna", "ivna", "avna", "iCna"];

/// Whether some reading of `token` (its standard-style key or another
/// romanisation's: Iwanowitsch read German-style, Oleksiiovytch
/// French-style) ends like a patronymic. The primary key alone misses
/// press spellings, and a patronymic taken for a word of the surname
/// (Stepanow-Iwanowitsch) spoils the name's every comparison.
fn ends_like(token: &str, endings: &[&str]) -> bool {
    token_keys(token)
        .iter()
        .any(|k| k.key.chars().count() >= 7 && endings.iter().any(|e| k.key.ends_with(e)))
}

pub(crate) fn looks_patronymic(token: &str) -> bool {
    ends_like(token, &PATRONYMIC_ENDINGS) || short_patronymic(token)
}

/// A patronymic shorter than [`ends_like`] trusts (Іллівна, Ilyich's
/// daughter: "ilivna"), whose stem is a given name of the table.
fn short_patronymic(token: &str) -> bool {
    let t = given::table();
    token_keys(token).iter().any(|k| {
        let n = k.key.chars().count();
        (5..7).contains(&n)
            && PATRONYMIC_ENDINGS.iter().any(|e| k.key.ends_with(e))
            && patronymic_stems(token)
                .iter()
                .filter_map(|s| t.by_key.get(s))
                .flatten()
                .any(|m| !m.diminutive)
    })
}

fn looks_feminine_patronymic(token: &str) -> bool {
    ends_like(token, &FEMININE_PATRONYMIC_ENDINGS)
}

/// The father's given-name keys a patronymic points to
/// (Олександрович → "oleksandr"; Сергеевич → "serHe", "serHei").
pub(crate) fn patronymic_stems(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Every reading, as in `looks_patronymic`: Iwanowitsch is Ivan's.
    for key in token_keys(token).iter() {
        for e in PATRONYMIC_ENDINGS {
            if let Some(stem) = key.key.strip_suffix(e) {
                out.push(stem.to_string());
                out.push(format!("{stem}i"));
                out.push(format!("{stem}o"));
                out.push(format!("{stem}a"));
                out.push(format!("{stem}ei"));
                // Ілля / Іллівна, Илья / Ильич: the father's name ends in -я.
                out.push(format!("{stem}ia"));
            }
        }
    }
    out.dedup();
    out
}

/// Surname-shaped endings (of keys): a token ending so is probably a surname.
const SURNAME_ENDINGS: [&str; 16] = [
    "enko", "enka", "ov", "ova", "ev", "eva", "in", "ina", "ski", "ska", "skaia", "uk", "iuk",
    "iC", "Tki", "Tka",
];

pub(crate) fn looks_surname(token: &str) -> bool {
    let k = primary_key(token);
    k.chars().count() >= 4 && SURNAME_ENDINGS.iter().any(|e| k.ends_with(e))
}

fn tok(text: &str, role: Role) -> NameToken {
    NameToken {
        text: text.to_string(),
        role,
        key: primary_key(text),
    }
}

/// Splits a person's name into tokens and classifies them. Works for any
/// script and either order; see the module documentation.
pub fn parse_name(s: &str) -> ParsedName {
    let raw = split_tokens(s);
    let n = raw.len();
    let mut roles: Vec<Option<Role>> = vec![None; n];
    for (i, r) in raw.iter().enumerate() {
        if r.initial {
            roles[i] = Some(Role::Initial);
        }
    }
    let full: Vec<usize> = (0..n).filter(|&i| roles[i].is_none()).collect();
    let is_given = |i: usize| given::is_given_name(&raw[i].text) && !looks_patronymic(&raw[i].text);
    let is_pat = |i: usize| looks_patronymic(&raw[i].text);

    // The given name: one followed by a patronymic is certain; then
    // first-or-last by whether the other end looks like a given name.
    let mut given_idx: Option<usize> = None;
    for w in full.windows(2) {
        if is_given(w[0]) && is_pat(w[1]) {
            given_idx = Some(w[0]);
            break;
        }
    }
    if given_idx.is_none() && !full.is_empty() {
        let first = full[0];
        let last = full[full.len() - 1];
        let comma_split = raw.iter().any(|r| r.after_comma);
        if full.len() == 1 {
            if is_given(first) && !looks_surname(&raw[first].text) && raw.iter().all(|r| !r.initial)
            {
                given_idx = Some(first);
            }
        } else if comma_split {
            // "Surname, Given": the first full token after the comma.
            given_idx = full
                .iter()
                .copied()
                .find(|&i| raw[i].after_comma && is_given(i));
        } else if is_given(first) && !(looks_surname(&raw[first].text) && is_given(last)) {
            given_idx = Some(first);
        } else if is_given(last) {
            given_idx = Some(last);
        }
    }
    if let Some(g) = given_idx {
        roles[g] = Some(Role::Given);
        // Patronymic: right after the given name, and only if a surname
        // remains or it is unmistakably a patronymic (feminine ending).
        if let Some(&p) = full.iter().find(|&&i| i > g) {
            if p == g + 1 && is_pat(p) {
                let others = full.iter().filter(|&&i| i != g && i != p).count();
                if others > 0 || looks_feminine_patronymic(&raw[p].text) {
                    roles[p] = Some(Role::Patronymic);
                }
            }
        }
    }
    let tokens: Vec<NameToken> = raw
        .iter()
        .zip(roles.iter())
        .map(|(r, role)| tok(&r.text, role.unwrap_or(Role::Surname)))
        .collect();
    let gpos = tokens
        .iter()
        .position(|t| matches!(t.role, Role::Given | Role::Initial));
    let spos = tokens.iter().position(|t| t.role == Role::Surname);
    let order = match (gpos, spos) {
        (Some(g), Some(s)) if g < s => NameOrder::GivenFirst,
        (Some(_), Some(_)) => NameOrder::SurnameFirst,
        _ => NameOrder::Unknown,
    };
    ParsedName { tokens, order }
}

/// The alternative reading of a two-token name with the roles swapped, when
/// both tokens are known given names ("Ivan Pavlo" might be either way round).
pub(crate) fn swapped_reading(p: &ParsedName) -> Option<ParsedName> {
    if p.tokens.len() != 2 {
        return None;
    }
    let roles = (p.tokens[0].role, p.tokens[1].role);
    let both_given_like = p.tokens.iter().all(|t| given::is_given_name(&t.text));
    let swapped = match roles {
        (Role::Given, Role::Surname) => (Role::Surname, Role::Given),
        (Role::Surname, Role::Given) => (Role::Given, Role::Surname),
        _ => return None,
    };
    if !both_given_like {
        return None;
    }
    let mut q = p.clone();
    q.tokens[0].role = swapped.0;
    q.tokens[1].role = swapped.1;
    q.order = if swapped.0 == Role::Given {
        NameOrder::GivenFirst
    } else {
        NameOrder::SurnameFirst
    };
    Some(q)
}

/// Readings of a name without a recognised given name in which one of its
/// words (the first, or the last) is an unknown given name: "Ярема Гнатюк"
/// has no given name from the table, but when the other side has one, the
/// two must be compared given-to-given, not as a double surname.
pub(crate) fn unknown_given_readings(p: &ParsedName) -> Vec<ParsedName> {
    let has_given = p
        .tokens
        .iter()
        .any(|t| matches!(t.role, Role::Given | Role::Initial));
    let surname_idx: Vec<usize> = p
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.role == Role::Surname && !t.text.contains('-'))
        .map(|(i, _)| i)
        .collect();
    if has_given || surname_idx.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (pos, order) in [
        (surname_idx[0], NameOrder::GivenFirst),
        (surname_idx[surname_idx.len() - 1], NameOrder::SurnameFirst),
    ] {
        let mut q = p.clone();
        if let Some(t) = q.tokens.get_mut(pos) {
            t.role = Role::Given;
        }
        q.order = order;
        out.push(q);
    }
    out
}

/// True if the name has a given name or an initial.
pub(crate) fn has_given_part(p: &ParsedName) -> bool {
    p.tokens
        .iter()
        .any(|t| matches!(t.role, Role::Given | Role::Initial))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_first_and_surname_first() {
        let p = parse_name("Alexander Lukashenko");
        assert_eq!(p.given(), Some("Alexander"));
        assert_eq!(p.surname().as_deref(), Some("Lukashenko"));
        assert_eq!(p.order, NameOrder::GivenFirst);
        let q = parse_name("Lukashenko Alexander");
        assert_eq!(q.given(), Some("Alexander"));
        assert_eq!(q.order, NameOrder::SurnameFirst);
        let r = parse_name("Лукашенко Александр Григорьевич");
        assert_eq!(r.given(), Some("Александр"));
        assert_eq!(r.patronymic(), Some("Григорьевич"));
        assert_eq!(r.surname().as_deref(), Some("Лукашенко"));
    }

    #[test]
    fn comma_and_initials() {
        let p = parse_name("Lukashenko, Alexander");
        assert_eq!(p.given(), Some("Alexander"));
        let q = parse_name("A. G. Lukashenko");
        assert_eq!(q.initials(), vec!["A", "G"]);
        assert_eq!(q.surname().as_deref(), Some("Lukashenko"));
        let r = parse_name("А.Г.Лукашенко");
        assert_eq!(r.initials().len(), 2);
        assert_eq!(r.surname().as_deref(), Some("Лукашенко"));
    }

    #[test]
    fn surname_in_ovych_is_not_a_patronymic() {
        let p = parse_name("Viktor Yanukovych");
        assert_eq!(p.surname().as_deref(), Some("Yanukovych"));
        assert_eq!(p.patronymic(), None);
        let q = parse_name("Yanukovych Viktor Fedorovych");
        assert_eq!(q.surname().as_deref(), Some("Yanukovych"));
        assert_eq!(q.patronymic(), Some("Fedorovych"));
    }

    #[test]
    fn hyphenated_and_spaced_double_surnames() {
        assert_eq!(
            parse_name("Maria Lvova-Belova").surname_parts(),
            vec!["Lvova", "Belova"]
        );
        assert_eq!(
            parse_name("Мария Львова Белова").surname_parts(),
            vec!["Львова", "Белова"]
        );
    }

    #[test]
    fn press_spellings_of_patronymics() {
        for p in [
            "Iwanowitsch",
            "Mychajlowytsch",
            "Oleksiiovytch",
            "Ruslanowitsch",
        ] {
            assert!(looks_patronymic(p), "{p}");
        }
        assert!(patronymic_stems("Iwanowitsch").contains(&primary_key("Ivan")));
        let parsed = parse_name("Stepanow, Artjom Iwanowitsch");
        assert_eq!(parsed.surname().as_deref(), Some("Stepanow"));
        assert_eq!(parsed.patronymic(), Some("Iwanowitsch"));
        let parsed = parse_name("Kirill Ruslanowitsch Sawtschenko");
        assert_eq!(parsed.surname().as_deref(), Some("Sawtschenko"));
        assert!(!looks_patronymic("Sawtschenko"));
        assert!(!looks_patronymic("Abramowitz"));
    }

    #[test]
    fn patronymic_stems_point_to_father_name() {
        assert!(patronymic_stems("Олександрович").contains(&primary_key("Олександр")));
        assert!(patronymic_stems("Сергеевич").contains(&primary_key("Сергей")));
        assert!(patronymic_stems("Grigoryevich").contains(&primary_key("Grigorii")));
    }
}
