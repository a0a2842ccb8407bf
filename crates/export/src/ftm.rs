//! FollowTheMoney entities (the JSON of Aleph and OpenSanctions) of a
//! prepared case, one object per line of `data/ftm.jsonl`.
//!
//! Persons, child records and organizations map to `Person` and
//! `Organization`, places to `Address`, events to `Event`, sources to
//! `Document` or `Article` with their `contentHash`. FtM entities carry no
//! provenance per value, so each statement read in a source of the bag also
//! becomes a `Documentation` linking that document to the entity, with the
//! property as its role and the quote as its summary. Child records are
//! exported through the profile: in a public bag they carry only their
//! pseudonymous id and banded data. Rejected statements are not exported;
//! claims (counts of children) have no FtM schema and stay in
//! `statements.json`. The property table is `ftm-properties.txt`.

use crate::bundle::CaseBundle;
use crate::error::ExportError;
use crate::redact::{prepare, Prepared, Profile};
use casefile_core::property::{DATE, PERIOD, SEX};
use casefile_core::{EntityKind, SourceKind, Statement, Status};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

/// `casefile-schema property ftm-property` lines.
const PROPERTY_TABLE: &str = include_str!("../data/ftm-properties.txt");

/// (FtM schema, casefile property) → FtM property.
fn property_map() -> &'static HashMap<(&'static str, &'static str), &'static str> {
    static MAP: OnceLock<HashMap<(&str, &str), &str>> = OnceLock::new();
    MAP.get_or_init(|| {
        PROPERTY_TABLE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                Some(((parts.next()?, parts.next()?), parts.next()?))
            })
            .collect()
    })
}

/// The FtM schema of a casefile entity kind, if it has one.
fn schema_of(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person | EntityKind::Child => Some("Person"),
        EntityKind::Organization => Some("Organization"),
        EntityKind::Place => Some("Address"),
        EntityKind::Event => Some("Event"),
        EntityKind::Claim => None,
    }
}

/// An id FtM accepts (letters, digits, `.`, `-`, `_`): casefile ids that have
/// other characters (`child:ua:17`) get them replaced and a short hash
/// appended, so that two ids never collide.
pub(crate) fn ftm_id(id: &str) -> String {
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    if !id.is_empty() && id.chars().all(ok) {
        return id.to_string();
    }
    let cleaned: String = id.chars().map(|c| if ok(c) { c } else { '-' }).collect();
    format!(
        "{}-{}",
        cleaned.trim_matches('-'),
        &casefile_core::sha256_hex(id.as_bytes())[..8]
    )
}

fn source_ftm_id(source_id: &str) -> String {
    format!("source-{source_id}")
}

/// FtM's values for a person's gender.
fn gender(value: &str) -> Option<&'static str> {
    match value.trim().to_lowercase().as_str() {
        "m" | "male" | "м" | "ч" | "чол" | "чоловіча" | "мужской" | "муж" => {
            Some("male")
        }
        "f" | "female" | "ж" | "жін" | "жіноча" | "женский" | "жен" => {
            Some("female")
        }
        _ => None,
    }
}

/// The entities of the prepared case as JSON lines, and how many there are.
pub(crate) fn json_lines(
    prepared: &Prepared<'_>,
    file: &str,
) -> Result<(Vec<u8>, usize), ExportError> {
    let entities = entities(prepared);
    let mut lines = Vec::new();
    for entity in &entities {
        serde_json::to_writer(&mut lines, entity).map_err(|e| ExportError::Render {
            file: file.to_string(),
            reason: e.to_string(),
        })?;
        lines.push(b'\n');
    }
    Ok((lines, entities.len()))
}

/// Writes the FollowTheMoney entities of `bundle` under `profile` (without
/// a bag) to a new file at `path`, one JSON object a line; returns how many
/// were written. The file appears complete or not at all, is never written
/// over an existing one, and under [`Profile::Public`] is refused when it
/// would hold a protected value of a child.
pub fn write_ftm(bundle: &CaseBundle, profile: Profile, path: &Path) -> Result<usize, ExportError> {
    if path.symlink_metadata().is_ok() {
        return Err(ExportError::OutputExists {
            path: path.to_path_buf(),
        });
    }
    let prepared = prepare(bundle, profile)?;
    let file = path.display().to_string();
    let (lines, count) = json_lines(&prepared, &file)?;
    if prepared
        .guard
        .as_ref()
        .is_some_and(|g| g.bytes_have(&lines))
    {
        return Err(ExportError::PublicLeak { file });
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".casefile-ftm-")
        .tempfile_in(parent)
        .map_err(ExportError::io(parent))?;
    temp.write_all(&lines)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(ExportError::io(temp.path()))?;
    temp.persist_noclobber(path).map_err(|e| ExportError::Io {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(count)
}

/// Every FtM entity of the prepared case, in a stable order.
pub(crate) fn entities(prepared: &Prepared<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    let in_bag: HashSet<&str> = prepared
        .sources
        .iter()
        .map(|s| s.source.id.0.as_str())
        .collect();
    for bundled in &prepared.sources {
        out.push(document(&bundled.source));
    }

    let mut by_entity: HashMap<&str, Vec<&Statement>> = HashMap::new();
    for s in prepared
        .statements
        .iter()
        .filter(|s| s.status != Status::Rejected)
    {
        by_entity.entry(s.entity.0.as_str()).or_default().push(s);
    }
    let map = property_map();
    for entity in &prepared.entities {
        let Some(schema) = schema_of(entity.kind) else {
            continue;
        };
        let statements = by_entity
            .get(entity.id.0.as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut props: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for s in statements {
            let value = s.value.trim();
            if value.is_empty() {
                continue;
            }
            let value = match s.property.as_str() {
                SEX => match gender(value) {
                    Some(g) => g.to_string(),
                    None => continue,
                },
                p if map.get(&(schema, p)) == Some(&"country") => value.to_lowercase(),
                p if [DATE, PERIOD].contains(&p) || map.get(&(schema, p)) == Some(&"birthDate") => {
                    if prepared.profile == crate::Profile::Public
                        && entity.kind == EntityKind::Child
                    {
                        continue; // a pseudonym is not a date
                    }
                    value.to_string()
                }
                _ => value.to_string(),
            };
            if let Some(ftm_prop) = map.get(&(schema, s.property.as_str())) {
                let values = props.entry(ftm_prop).or_default();
                if !values.contains(&value) {
                    values.push(value);
                }
            }
        }
        // The caption is the name FtM shows; a child's is its pseudonym. An
        // Address needs a name too, and shows its `full` form.
        let name_props: &[&str] = if schema == "Address" {
            &["name", "full"]
        } else {
            &["name"]
        };
        for name_prop in name_props {
            let names = props.entry(name_prop).or_default();
            if entity.kind == EntityKind::Child {
                *names = vec![entity.caption.clone()];
            } else if !names.contains(&entity.caption) {
                names.insert(0, entity.caption.clone());
            }
        }
        out.push(json!({"id": ftm_id(&entity.id.0), "schema": schema, "properties": props}));

        for s in statements {
            let (Some(source), Some(span)) = (&s.source, &s.span) else {
                continue;
            };
            if !in_bag.contains(source.0.as_str()) {
                continue;
            }
            let key = format!(
                "{}|{}|{}|{}|{}",
                entity.id.0, s.property, source.0, span.start, span.end
            );
            out.push(json!({
                "id": format!("doc-{}", &casefile_core::sha256_hex(key.as_bytes())[..24]),
                "schema": "Documentation",
                "properties": {
                    "document": [source_ftm_id(&source.0)],
                    "entity": [ftm_id(&entity.id.0)],
                    "role": [s.property],
                    "summary": [span.quote],
                }
            }));
        }
    }
    out
}

fn document(source: &casefile_core::Source) -> Value {
    let schema = match source.kind {
        SourceKind::News => "Article",
        _ => "Document",
    };
    let mut props = Map::new();
    let mut put = |key: &str, value: Option<&str>| {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            props.insert(key.into(), json!([v]));
        }
    };
    let meta = &source.meta;
    // FtM requires a name and a file name: the title (or the hash) and the
    // original's name inside the bag.
    put("name", Some(meta.title.as_deref().unwrap_or(&source.id.0)));
    put("fileName", Some(&source.id.0));
    put("title", meta.title.as_deref());
    put("publisher", meta.publisher.as_deref());
    put("publishedAt", meta.published.as_deref());
    // FtM's url type takes web addresses only (a source may claim any scheme).
    put("sourceUrl", meta.url.as_deref().filter(|u| is_web_url(u)));
    put("language", source.language.as_deref().and_then(iso639_3));
    put("mimeType", Some(source.media_type.as_str()));
    put("contentHash", Some(&source.id.0));
    put("fileSize", Some(&source.custody.size.to_string()));
    put("encoding", Some(&source.encoding));
    json!({"id": source_ftm_id(&source.id.0), "schema": schema, "properties": props})
}

/// An `http(s)://` address without spaces.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && lower.len() > "https://".len()
        && !url.trim().contains(char::is_whitespace)
}

/// FtM languages are ISO 639-3 codes.
fn iso639_3(code: &str) -> Option<&'static str> {
    Some(match code {
        "en" => "eng",
        "uk" => "ukr",
        "ru" => "rus",
        "be" => "bel",
        "de" => "deu",
        "fr" => "fra",
        "pl" => "pol",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ftm_safe_and_distinct() {
        assert_eq!(ftm_id("person-00a5c9fc"), "person-00a5c9fc");
        let a = ftm_id("child:ua:DV-1");
        let b = ftm_id("child-ua-DV-1");
        assert!(a.starts_with("child-ua-DV-1-"), "{a}");
        assert_ne!(a, b);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c)));
    }

    #[test]
    fn property_table_is_read() {
        assert_eq!(property_map().get(&("Person", "role")), Some(&"position"));
        assert_eq!(gender("Ж"), Some("female"));
        assert_eq!(gender("?"), None);
        assert!(is_web_url("https://example.org/a?b=c"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://"));
    }
}
