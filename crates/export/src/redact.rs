//! Export profiles and the redaction of a public bag.
//!
//! [`Profile::Court`] exports the case as it is. [`Profile::Public`]:
//! - every protected property of a child (`casefile_core::sensitivity`) is
//!   replaced by a pseudonym: an HMAC-SHA-256 of property and folded value
//!   under a random salt made for this package and never written anywhere,
//!   so the same name gets the same pseudonym within one package and cannot
//!   be linked across packages or reversed by hashing guesses;
//! - child record ids (`child:REGISTRY:RECORD`) become pseudonyms too;
//! - ages are banded (0-4, 5-9, 10-14, 15-17, 18+); exact addresses dropped;
//! - sources marked restricted are left out with every statement citing
//!   them; a source is also left out when a child's protected statement
//!   cites it or when its text or original contains a protected value;
//! - any other statement, caption or audit entry in which a protected value
//!   appears is left out;
//! - the [`Guard`] that found those values scans every file written to the
//!   bag, and the export fails rather than finish a bag that holds one.
//!
//! Protected values shorter than three letters are pseudonymised but not
//! searched for in texts (they would match inside ordinary words).

use crate::bundle::{BundleSource, CaseBundle};
use crate::error::ExportError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use casefile_core::is_sensitive;
use casefile_core::property::{ADDRESS, AGE, RECORD_MATCH, RECORD_NON_MATCH, SAME_AS};
use casefile_core::{AuditEntry, Entity, EntityId, EntityKind, SourceId, Statement};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rayon::prelude::*;
use sha2::Sha256;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, Read};
use std::str::FromStr;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Who a bag is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// A court or commission: everything, children's data included.
    Court,
    /// Anyone: children pseudonymised, restricted sources left out.
    Public,
}

impl Profile {
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Court => "court",
            Profile::Public => "public",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Profile {
    type Err = casefile_core::ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "court" => Ok(Profile::Court),
            "public" => Ok(Profile::Public),
            _ => Err(casefile_core::ParseError {
                what: "export profile",
                value: s.to_string(),
                expected: "court public",
            }),
        }
    }
}

/// The band a public bag shows instead of an exact age.
pub fn age_band(age: u32) -> &'static str {
    match age {
        0..=4 => "0-4",
        5..=9 => "5-9",
        10..=14 => "10-14",
        15..=17 => "15-17",
        _ => "18+",
    }
}

/// What replaces a caption or path that would reveal a child.
pub(crate) const WITHHELD: &str = "[withheld]";

/// Lowercase, without diacritics (NFD, combining marks dropped): the form in
/// which protected values are searched, so that case and accents hide nothing.
pub(crate) fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds protected values of the input in texts and bytes.
pub(crate) struct Guard {
    /// Folded values, matched against folded text.
    folded: AhoCorasick,
    /// The values as given, lowercased and uppercased, matched against raw
    /// bytes (ASCII case ignored), for originals and files that may not be UTF-8.
    raw: AhoCorasick,
}

impl Guard {
    fn new(values: &HashSet<String>) -> Result<Option<Guard>, ExportError> {
        let mut folded = HashSet::new();
        let mut raw = HashSet::new();
        for value in values {
            let value = value.trim();
            let f = fold(value);
            if f.chars().count() < 3 {
                continue;
            }
            raw.insert(value.nfc().collect::<String>());
            raw.insert(value.to_lowercase());
            raw.insert(value.to_uppercase());
            raw.insert(f.clone());
            folded.insert(f);
        }
        if folded.is_empty() {
            return Ok(None);
        }
        let build = |patterns: HashSet<String>| {
            // A DFA: a few hundred patterns at most, and originals of a
            // large case stream through it (2-3x the default NFA's speed).
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)
                .map_err(|e| ExportError::Render {
                    file: "public profile".into(),
                    reason: e.to_string(),
                })
        };
        Ok(Some(Guard {
            folded: build(folded)?,
            raw: build(raw)?,
        }))
    }

    /// True when `text` holds a protected value in any case or accenting.
    pub(crate) fn text_has(&self, text: &str) -> bool {
        self.folded.is_match(&fold(text))
    }

    /// True when `bytes` hold a protected value (folded if UTF-8, raw anyway).
    pub(crate) fn bytes_have(&self, bytes: &[u8]) -> bool {
        self.raw.is_match(bytes) || std::str::from_utf8(bytes).is_ok_and(|t| self.text_has(t))
    }

    /// Streams `reader` looking for a protected value in its raw bytes.
    pub(crate) fn stream_has(&self, reader: impl Read) -> io::Result<bool> {
        match self.raw.stream_find_iter(reader).next() {
            None => Ok(false),
            Some(Ok(_)) => Ok(true),
            Some(Err(e)) => Err(e),
        }
    }
}

/// The case as it goes into the bag, after the profile was applied.
pub(crate) struct Prepared<'a> {
    pub profile: Profile,
    pub sources: Vec<&'a BundleSource>,
    /// Sources left out (restricted, or holding a child's data in a public bag).
    pub withheld_sources: usize,
    pub entities: Vec<Entity>,
    pub statements: Vec<Statement>,
    /// Statements left out by the public profile.
    pub withheld_statements: usize,
    pub audit: Vec<&'a AuditEntry>,
    /// Set for a public bag: every file written is scanned with it.
    pub guard: Option<Guard>,
}

/// Applies `profile` to `bundle`.
pub(crate) fn prepare(bundle: &CaseBundle, profile: Profile) -> Result<Prepared<'_>, ExportError> {
    match profile {
        Profile::Court => Ok(Prepared {
            profile,
            sources: bundle.sources.iter().collect(),
            withheld_sources: 0,
            entities: bundle.entities.clone(),
            statements: bundle.statements.clone(),
            withheld_statements: 0,
            audit: bundle.audit.iter().collect(),
            guard: None,
        }),
        Profile::Public => prepare_public(bundle),
    }
}

/// Keyed pseudonyms under this package's salt.
struct Pseudonyms {
    salt: [u8; 32],
}

impl Pseudonyms {
    fn new() -> Self {
        let mut salt = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        Pseudonyms { salt }
    }

    fn keyed(&self, tag: &str, value: &str) -> String {
        // HMAC accepts keys of any length: this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.salt)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(tag.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        hex::encode(&mac.finalize().into_bytes()[..8])
    }

    /// The pseudonym of a protected value of `property`.
    fn value(&self, property: &str, value: &str) -> String {
        format!("anon-{}", self.keyed(property, &fold(value.trim())))
    }

    /// The pseudonymous id of a child record.
    fn child(&self, id: &EntityId) -> EntityId {
        EntityId(format!("child-{}", self.keyed("entity", &id.0)))
    }
}

fn prepare_public(bundle: &CaseBundle) -> Result<Prepared<'_>, ExportError> {
    let pseudonyms = Pseudonyms::new();
    let children: HashSet<&EntityId> = bundle
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Child)
        .map(|e| &e.id)
        .collect();
    let kind_of: HashMap<&EntityId, EntityKind> =
        bundle.entities.iter().map(|e| (&e.id, e.kind)).collect();
    let is_child = |id: &EntityId| {
        children.contains(id) || !kind_of.contains_key(id) && id.0.starts_with("child:")
    };
    let protected = |s: &Statement| {
        let kind = if is_child(&s.entity) {
            EntityKind::Child
        } else {
            kind_of
                .get(&s.entity)
                .copied()
                .unwrap_or(EntityKind::Person)
        };
        is_sensitive(kind, &s.property)
    };

    // Every protected value of the input, and the sources they were read in.
    let mut values = HashSet::new();
    let mut child_sources = HashSet::new();
    for s in bundle.statements.iter().filter(|s| protected(s)) {
        values.insert(s.value.clone());
        if let Some(span) = &s.span {
            values.insert(span.quote.clone());
        }
        if let Some(source) = &s.source {
            child_sources.insert(source.clone());
        }
    }
    let guard = Guard::new(&values)?;
    let has = |text: &str| guard.as_ref().is_some_and(|g| g.text_has(text));

    let restricted: HashSet<&SourceId> = bundle
        .sources
        .iter()
        .filter(|b| b.restricted)
        .map(|b| &b.source.id)
        .collect();
    // Searching the originals is most of a public export's work: one
    // source per core.
    let kept: Vec<Option<&BundleSource>> = bundle
        .sources
        .par_iter()
        .filter(|b| !b.restricted)
        .map(|bundled| {
            let source = &bundled.source;
            let meta = &source.meta;
            let holds_child = child_sources.contains(&source.id)
                || has(&source.text)
                || [&meta.title, &meta.publisher, &meta.url]
                    .into_iter()
                    .flatten()
                    .any(|v| has(v))
                || match &guard {
                    Some(g) => bundled
                        .original
                        .open()
                        .and_then(|r| g.stream_has(r))
                        .map_err(|e| ExportError::OriginalUnreadable {
                            source_id: source.id.0.clone(),
                            source: e,
                        })?,
                    None => false,
                };
            Ok((!holds_child).then_some(bundled))
        })
        .collect::<Result<_, ExportError>>()?;
    let sources: Vec<&BundleSource> = kept.into_iter().flatten().collect();
    let withheld_sources = bundle.sources.len() - sources.len();

    let public_id = |id: &EntityId| {
        if is_child(id) {
            pseudonyms.child(id)
        } else {
            id.clone()
        }
    };
    let entities: Vec<Entity> = bundle
        .entities
        .iter()
        .map(|e| {
            let id = public_id(&e.id);
            let caption = if e.kind == EntityKind::Child {
                id.0.clone()
            } else if has(&e.caption) {
                WITHHELD.to_string()
            } else {
                e.caption.clone()
            };
            Entity {
                id,
                kind: e.kind,
                caption,
            }
        })
        .collect();

    let mut statements = Vec::new();
    for s in &bundle.statements {
        if s.source.as_ref().is_some_and(|id| restricted.contains(id)) {
            continue;
        }
        let mut out = s.clone();
        out.entity = public_id(&s.entity);
        if protected(s) {
            if s.property == ADDRESS {
                continue;
            }
            out.value = pseudonyms.value(&s.property, &s.value);
            out.span = None;
        } else if is_child(&s.entity) && s.property == AGE {
            match s.value.trim().parse::<u32>() {
                Ok(age) => out.value = age_band(age).to_string(),
                Err(_) => continue,
            }
            out.span = None;
        } else if [SAME_AS, RECORD_MATCH, RECORD_NON_MATCH].contains(&s.property.as_str()) {
            out.value = public_id(&EntityId(s.value.clone())).0;
        }
        if has(&out.value) || out.span.as_ref().is_some_and(|span| has(&span.quote)) {
            continue;
        }
        statements.push(out);
    }
    let withheld_statements = bundle.statements.len() - statements.len();
    // An entity known only from what was left out is left out too (the
    // witness of a restricted statement must not surface by name).
    let stated: HashSet<EntityId> = bundle
        .statements
        .iter()
        .map(|s| public_id(&s.entity))
        .collect();
    let kept: HashSet<&EntityId> = statements.iter().map(|s| &s.entity).collect();
    let entities: Vec<Entity> = entities
        .into_iter()
        .filter(|e| kept.contains(&e.id) || !stated.contains(&e.id))
        .collect();

    let audit = bundle
        .audit
        .iter()
        .filter(|entry| {
            let r = &entry.record;
            !r.objects.iter().any(|o| {
                let id = EntityId(o.clone());
                is_child(&id) || o.contains("child:") || restricted.iter().any(|s| s.0 == *o)
            }) && !has(&r.detail)
                && !has(&r.actor)
                && !r.objects.iter().any(|o| has(o))
        })
        .collect();

    Ok(Prepared {
        profile: Profile::Public,
        sources,
        withheld_sources,
        entities,
        statements,
        withheld_statements,
        audit,
        guard,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_fall_in_bands() {
        let bands: Vec<_> = [0, 4, 5, 9, 10, 14, 15, 17, 18, 40]
            .into_iter()
            .map(age_band)
            .collect();
        assert_eq!(
            bands,
            ["0-4", "0-4", "5-9", "5-9", "10-14", "10-14", "15-17", "15-17", "18+", "18+"]
        );
    }

    #[test]
    fn pseudonyms_are_stable_within_a_package_and_differ_across() {
        let a = Pseudonyms::new();
        let b = Pseudonyms::new();
        assert_eq!(a.value("name", "Олена"), a.value("name", " олена "));
        assert_ne!(a.value("name", "Олена"), b.value("name", "Олена"));
        assert_ne!(a.value("name", "Олена"), a.value("name", "Оксана"));
        let id = EntityId("child:ua:DV-1".into());
        assert_eq!(a.child(&id), a.child(&id));
        assert!(!a.child(&id).0.contains("DV-1"));
    }

    #[test]
    fn guard_sees_values_in_any_case_and_accent() {
        let values: HashSet<String> = ["Zoë Kowalczyk", "Мар'яна Петренко", "ab"]
            .into_iter()
            .map(String::from)
            .collect();
        let g = Guard::new(&values).unwrap().unwrap();
        assert!(g.text_has("report on ZOE KOWALCZYK today"));
        assert!(g.text_has("мар'яна петренко"));
        assert!(g.bytes_have("МАР'ЯНА ПЕТРЕНКО".as_bytes()));
        assert!(
            !g.text_has("about a cab driver"),
            "two-letter values are not searched"
        );
        assert!(g.stream_has("x zoë kowalczyk y".as_bytes()).unwrap());
        assert!(!g.stream_has("nothing here".as_bytes()).unwrap());
    }

    #[test]
    fn profile_parses() {
        assert_eq!("public".parse::<Profile>(), Ok(Profile::Public));
        assert!("Public".parse::<Profile>().is_err());
    }
}
