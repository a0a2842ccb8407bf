//! Child registries: import, append, list, link, dedupe, the review queue
//! and decisions.
//!
//! A registry's CSV is kept as an original (a blob, like any source) with
//! the column map it was imported with, and so is every file appended to
//! it later (read through the same map, in the order appended); records are parsed from it again
//! whenever they are needed, so nothing derived can drift from the original.
//! Records are a child's personal data: only the review queue carries names,
//! to roles that may see them, and every operation that reads records
//! appends a `registry.read` audit entry. Review decisions are statements
//! about pseudonymous Child entities named `child:REGISTRY:RECORD_ID`; every
//! run applies them, and they enter the estimate of `m` whenever the model
//! is fitted.
//!
//! A linkage (a dedupe of one registry, or a link of two) scores with the
//! model its first stored run fitted (see [`crate::linkage`]): the model is
//! read from the store for `link`, `dedupe` and the review queue alike,
//! unless [`LinkOptions::refit`] asks for a new fit.

use crate::{Actor, AppError, Permission, Protected, Result};
use casefile_core::property::{
    AGE, BIRTH_DATE, BIRTH_PLACE, FULL_NAME, GIVEN_NAME, GUARDIAN, LAST_PLACE, NOTE, PATRONYMIC,
    RECORD_MATCH, RECORD_NON_MATCH, SEX, SURNAME,
};
use casefile_core::{
    is_sensitive, AuditRecord, Entity, EntityId, EntityKind, Origin, RegistryAppend, RegistryInfo,
    Statement, StatementFilter, StatementId, Status,
};
use casefile_link::{BlockingConfig, ColumnMap, LinkResult, Model, Pair, Record, Settings};
use casefile_store::{now_rfc3339, Project, Store};
use casefile_text::DecodeError;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// A registry just imported.
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub info: RegistryInfo,
    /// The encoding the file was read in.
    pub encoding: &'static str,
    /// Rows that could not be read, each naming its line and reason.
    pub row_errors: Vec<String>,
}

fn parse_map(spec: &str) -> Result<ColumnMap> {
    spec.parse::<ColumnMap>()
        .map_err(|e| AppError::Invalid(format!("--map {spec:?}: {e}")))
}

/// Imports `file` as registry `name` with the column map `map` (see
/// [`ColumnMap`]; `None`: found from the header and first rows by
/// [`casefile_link::detect_column_map`], and kept with the registry like a
/// given one): keeps the original as a blob and records the registry.
pub fn import(
    project: &mut Project,
    actor: &Actor,
    name: &str,
    file: &Path,
    map: Option<&str>,
) -> Result<Imported> {
    actor.require(Permission::AddRegistries)?;
    if project.store().registry(name)?.is_some() {
        return Err(AppError::Invalid(format!(
            "a registry named {name:?} already exists"
        )));
    }
    let bytes = read_registry_file(project, file)?;
    let (text, encoding) = registry_text(&bytes).map_err(|e| AppError::input(file, e))?;
    let (column_map, map) = match map {
        Some(spec) => (parse_map(spec)?, spec.to_string()),
        None => {
            let detected = casefile_link::detect_column_map(text.as_ref())
                .map_err(|e| AppError::input(file, e))?;
            let spec = detected.to_string();
            (detected, spec)
        }
    };
    let (records, row_errors) = casefile_link::parse_registry_bytes(&text, &column_map, &|_| false)
        .map_err(|e| AppError::input(file, e))?;
    let blob = project.blobs.put(&bytes)?;
    let info = RegistryInfo {
        name: name.to_string(),
        blob,
        map,
        original_path: file.display().to_string(),
        records: records.len() as u64,
        row_errors: row_errors.len() as u64,
        imported_at: now_rfc3339(),
        imported_by: actor.name.clone(),
    };
    project.store_mut().add_registry(&info, &actor.name)?;
    Ok(Imported {
        info,
        encoding,
        row_errors: row_errors.iter().map(ToString::to_string).collect(),
    })
}

/// Every imported registry.
pub fn list(project: &Project, actor: &Actor) -> Result<Vec<RegistryInfo>> {
    actor.require(Permission::ReadRegistries)?;
    Ok(project.store().registries()?)
}

/// The registry's bytes as UTF-8, and the encoding they were read from.
///
/// Lists exported from office software in the region often come in
/// Windows-1251 or UTF-16; they are decoded like any source. A file that is
/// UTF-8 except for a few broken rows stays as it is, so that the CSV
/// reader skips (and reports) only those rows instead of refusing the file.
/// Decoding is deterministic, so reading the kept original again later
/// yields the same records.
///
/// Memory, for a file of the largest size a project accepts
/// (`max_registry_size`): decoding holds the bytes and their decoded copy
/// (twice the file; up to three times for a Windows-1251 file, whose
/// letters take two bytes in UTF-8). A UTF-8 file decodes to its own bytes,
/// and that copy is dropped at once, so rows are read from the file's bytes
/// alone; the reader borrows the text and bounds each cell and row
/// (`casefile_link::MAX_CELL_BYTES`, `MAX_COLUMNS`), so what is added is
/// the records, never a further copy of the file.
fn registry_text(bytes: &[u8]) -> std::result::Result<(Cow<'_, [u8]>, &'static str), DecodeError> {
    match casefile_text::decode(bytes) {
        Ok(decoded) if decoded.text.as_bytes() == bytes => {
            Ok((Cow::Borrowed(bytes), decoded.encoding))
        }
        Ok(decoded) => Ok((Cow::Owned(decoded.text.into_bytes()), decoded.encoding)),
        Err(DecodeError::InvalidUtf8 { .. } | DecodeError::TruncatedUtf8 { .. }) => {
            Ok((Cow::Borrowed(bytes), "UTF-8 with invalid rows"))
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn registry_info(store: &dyn Store, name: &str) -> Result<RegistryInfo> {
    store.registry(name)?.ok_or_else(|| {
        AppError::NotFound(format!(
            "no registry named {name:?} (see `casefile registry list`)"
        ))
    })
}

/// The bytes of a registry file being imported or appended, within the
/// project's size limit.
fn read_registry_file(project: &Project, file: &Path) -> Result<Vec<u8>> {
    crate::sources::read_limited(
        file,
        project.config.max_registry_size,
        " (raise max_registry_size in casefile.toml)",
    )
}

/// Reads a registry's records from its original and the files appended to
/// it, and records the read.
pub(crate) fn load(
    project: &mut Project,
    name: &str,
    actor: &Actor,
    purpose: &str,
) -> Result<Vec<Record>> {
    let info = registry_info(project.store(), name)?;
    let appends = project.store().registry_appends(name)?;
    let map = parse_map(&info.map)?;
    let mut records = read_part(project, name, &info.blob, &map)?;
    let mut blobs = vec![info.blob.clone()];
    if !appends.is_empty() {
        // An appended row whose id is already present was refused when it
        // was appended: it is skipped on every read, the earlier record kept.
        // The original's ids are borrowed, not copied (a million of them
        // cost a third of a second to copy); the appended ones are few.
        let mut added: Vec<Record> = Vec::new();
        {
            // The appended ids are few: the original's records are looked
            // up in a set of them, not the other way round (a set of a
            // million ids costs a third of a second).
            let mut parts = Vec::with_capacity(appends.len());
            for part in &appends {
                parts.push(read_part(project, name, &part.blob, &map)?);
                blobs.push(part.blob.clone());
            }
            let appended: std::collections::HashSet<&str> = parts
                .iter()
                .flat_map(|p| p.iter().map(|r| r.id.as_str()))
                .collect();
            let in_original: std::collections::HashSet<&str> = records
                .iter()
                .filter(|r| appended.contains(r.id.as_str()))
                .map(|r| r.id.as_str())
                .collect();
            let mut seen_added: std::collections::HashSet<String> =
                std::collections::HashSet::new();
            for r in parts.into_iter().flatten() {
                if !in_original.contains(r.id.as_str()) && seen_added.insert(r.id.clone()) {
                    added.push(r);
                }
            }
        }
        records.append(&mut added);
    }
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: "registry.read".into(),
        objects: blobs,
        detail:
            serde_json::json!({ "registry": name, "records": records.len(), "purpose": purpose })
                .to_string(),
    })?;
    Ok(records)
}

/// The ids of a registry's records that `wanted` accepts (see
/// [`casefile_link::registry_ids_among`]), read from its original and
/// appended files without reading the records; the read is recorded as
/// [`load`]'s is.
fn load_ids(
    project: &mut Project,
    name: &str,
    actor: &Actor,
    purpose: &str,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> Result<std::collections::HashSet<String>> {
    let info = registry_info(project.store(), name)?;
    let appends = project.store().registry_appends(name)?;
    let map = parse_map(&info.map)?;
    let blobs: Vec<String> = std::iter::once(info.blob)
        .chain(appends.into_iter().map(|a| a.blob))
        .collect();
    let mut ids = std::collections::HashSet::new();
    for blob in &blobs {
        let bytes = project.blobs.get(blob)?;
        let unreadable = |reason: String| AppError::Invalid(format!("registry {name:?}: {reason}"));
        let (text, _) = registry_text(&bytes).map_err(|e| unreadable(e.to_string()))?;
        ids.extend(
            casefile_link::registry_ids_among(text.as_ref(), &map, wanted)
                .map_err(|e| unreadable(e.to_string()))?,
        );
    }
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: "registry.read".into(),
        objects: blobs,
        detail: serde_json::json!({ "registry": name, "records": ids.len(), "purpose": purpose })
            .to_string(),
    })?;
    Ok(ids)
}

/// The records of one stored file of a registry (its original or an append).
fn read_part(project: &Project, name: &str, blob: &str, map: &ColumnMap) -> Result<Vec<Record>> {
    let bytes = project.blobs.get(blob)?;
    let unreadable = |reason: String| AppError::Invalid(format!("registry {name:?}: {reason}"));
    let (text, _) = registry_text(&bytes).map_err(|e| unreadable(e.to_string()))?;
    let (records, _) = casefile_link::parse_registry_bytes(&text, map, &|_| false)
        .map_err(|e| unreadable(e.to_string()))?;
    Ok(records)
}

/// A file just appended to a registry.
#[derive(Debug, Clone, Serialize)]
pub struct Appended {
    pub append: RegistryAppend,
    /// The encoding the file was read in.
    pub encoding: &'static str,
    /// Rows refused, each naming its line and reason (an id the registry
    /// already holds is one of them: records are never overwritten).
    pub row_errors: Vec<String>,
    /// Records in the registry after the append.
    pub total_records: u64,
}

/// Appends the records of `file` to registry `name`, read through the
/// registry's column map. Bad rows are reported one by one and skipped, as
/// on import; a row whose id the registry already holds (or an earlier row
/// of the file holds) is refused, never overwritten. The file is kept as a
/// blob and recorded with its `registry.append` entry in one transaction; a
/// file with no record to add writes nothing.
pub fn append(project: &mut Project, actor: &Actor, name: &str, file: &Path) -> Result<Appended> {
    actor.require(Permission::AddRegistries)?;
    let info = registry_info(project.store(), name)?;
    let map = parse_map(&info.map)?;
    let bytes = read_registry_file(project, file)?;
    let (text, encoding) = registry_text(&bytes).map_err(|e| AppError::input(file, e))?;
    // The ids the file holds, then those of them the registry holds: a
    // registry's million ids are read but not copied.
    let (incoming, _) = casefile_link::parse_registry_bytes(&text, &map, &|_| false)
        .map_err(|e| AppError::input(file, e))?;
    let incoming: std::collections::HashSet<String> = incoming.into_iter().map(|r| r.id).collect();
    let present = load_ids(project, name, actor, "append", &|id: &str| {
        incoming.contains(id)
    })?;
    let (records, errors) =
        casefile_link::parse_registry_bytes(&text, &map, &|id: &str| present.contains(id))
            .map_err(|e| AppError::input(file, e))?;
    let row_errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let added = records.len() as u64;
    if added == 0 {
        return Err(AppError::input(
            file,
            format!(
                "no record to append ({} rows refused: {})",
                row_errors.len(),
                row_errors
                    .first()
                    .map_or("the file has no rows", String::as_str)
            ),
        ));
    }
    let blob = project.blobs.put(&bytes)?;
    let mut append = RegistryAppend {
        registry: name.to_string(),
        part: 0,
        blob,
        original_path: file.display().to_string(),
        records: added,
        row_errors: row_errors.len() as u64,
        added_at: now_rfc3339(),
        added_by: actor.name.clone(),
    };
    // Each file's records were counted without the ids held before it.
    let held = info.records
        + project
            .store()
            .registry_appends(name)?
            .iter()
            .map(|a| a.records)
            .sum::<u64>();
    append.part = project.store_mut().append_registry(&append, &actor.name)?;
    Ok(Appended {
        append,
        encoding,
        row_errors,
        total_records: held + added,
    })
}

/// The pseudonymous entity of a registry record.
pub fn child_entity(registry: &str, record: &str) -> EntityId {
    EntityId(format!("child:{registry}:{record}"))
}

/// The pseudonymous entity of a registry record as stored: its caption is
/// the registry and record id, never the child's name.
pub(crate) fn child_record_entity(registry: &str, record: &str) -> Entity {
    Entity {
        id: child_entity(registry, record),
        kind: EntityKind::Child,
        caption: format!("{registry} record {record}"),
    }
}

/// The registry and record id of a child entity made by [`child_entity`].
pub fn parse_child_entity(id: &EntityId) -> Option<(&str, &str)> {
    id.0.strip_prefix("child:")?.split_once(':')
}

/// Accepted and rejected pairs between `left` and `right` (the same name for dedupe),
/// as (left record id, right record id).
type Decisions = (Vec<(String, String)>, Vec<(String, String)>);

fn decisions(store: &dyn Store, left: &str, right: &str) -> Result<Decisions> {
    let (lp, rp) = (format!("child:{left}:"), format!("child:{right}:"));
    let mut out: Decisions = (Vec::new(), Vec::new());
    let filter = StatementFilter {
        entity_kind: Some(EntityKind::Child),
        origin: Some(Origin::Human),
        ..Default::default()
    };
    let mut latest: HashMap<(String, String), bool> = HashMap::new();
    for s in store.statements(&filter)? {
        if s.status == Status::Rejected
            || !(s.property == RECORD_MATCH || s.property == RECORD_NON_MATCH)
        {
            continue;
        }
        let (a, b) = (s.entity.0.as_str(), s.value.as_str());
        let pair = if let (Some(l), Some(r)) = (a.strip_prefix(&lp), b.strip_prefix(&rp)) {
            (l.to_string(), r.to_string())
        } else if let (Some(l), Some(r)) = (b.strip_prefix(&lp), a.strip_prefix(&rp)) {
            (l.to_string(), r.to_string())
        } else {
            continue;
        };
        // Statements come in id order: a later decision on a pair replaces an earlier one.
        latest.insert(pair, s.property == RECORD_MATCH);
    }
    for (pair, accepted) in latest {
        if accepted {
            out.0.push(pair);
        } else {
            out.1.push(pair);
        }
    }
    out.0.sort();
    out.1.sort();
    Ok(out)
}

/// Options of `link`, `dedupe` and the review queue.
#[derive(Debug, Clone, Default)]
pub struct LinkOptions {
    /// Match probability at or above which a pair is a match (default 0.5).
    pub threshold: Option<f64>,
    /// Blocking rules as TOML text; the defaults suit most child registries.
    pub blocking_toml: Option<String>,
    /// Fit the model again instead of scoring with the one kept with the
    /// linkage (a run that stores its clusters then keeps the new one):
    /// after a list has grown by a large share, or after many review
    /// decisions. Clusters may then change beyond the records added.
    pub refit: bool,
    /// A model to score with (its stored text, see
    /// `casefile_link::Model::to_stored`), instead of the one kept with the
    /// linkage: to link a copy of a project exactly as the original.
    pub model: Option<String>,
    /// Further registries a link is read together with ([`link_together`]):
    /// a pair that a record of one of them bridges rises, a pair it
    /// contradicts falls. Link only; empty for a link of two lists alone.
    pub with: Vec<String>,
}

pub(crate) fn settings(
    store: &dyn Store,
    options: &LinkOptions,
    left: &str,
    right: &str,
) -> Result<Settings> {
    let mut settings = Settings::default();
    if let Some(t) = options.threshold {
        if !(0.0..=1.0).contains(&t) {
            return Err(AppError::Invalid(format!(
                "--threshold {t} is not a probability in [0, 1]"
            )));
        }
        settings.threshold = t;
    }
    if let Some(text) = &options.blocking_toml {
        settings.blocking = BlockingConfig::from_toml(text)
            .map_err(|e| AppError::Invalid(format!("blocking rules: {e}")))?;
    }
    settings.model = if options.refit {
        None
    } else if let Some(text) = &options.model {
        Some(Model::from_stored(text).map_err(|e| AppError::Invalid(e.to_string()))?)
    } else {
        // A kept model that this build cannot read is fitted again (and the
        // run says so); the records, not the model, are the evidence.
        store
            .linkage_model(&crate::linkage::scope(left, Some(right)))?
            .and_then(|text| Model::from_stored(&text).ok())
    };
    // What the last run kept: with the same model (checked by the linker,
    // with the records and settings), a run after an append compares only
    // the new records. Kept pairs that cannot be read are left unused.
    if !options.refit {
        settings.kept = store
            .linkage_pairs(&crate::linkage::scope(left, Some(right)))?
            .and_then(|bytes| {
                casefile_link::KeptPairs::from_bytes(crate::linkage::kept_from_bytes(&bytes).1).ok()
            });
    }
    let (accepted, rejected) = decisions(store, left, right)?;
    Ok(settings.with_decisions(&accepted, &rejected))
}

/// Whether a reported pair is a match: a person's decision outranks the
/// model's probability.
pub fn is_match(pair: &Pair, threshold: f64) -> bool {
    match pair.decision {
        Some("accepted") => true,
        Some("rejected") => false,
        _ => pair.probability >= threshold,
    }
}

/// Links the records of two registries (reads audited, decisions applied).
pub fn link(
    project: &mut Project,
    actor: &Actor,
    left: &str,
    right: &str,
    options: &LinkOptions,
) -> Result<LinkResult> {
    actor.require(Permission::ReadRegistries)?;
    if left == right {
        return Err(AppError::Invalid(format!(
            "to find duplicates inside one registry, use `casefile dedupe {left}`"
        )));
    }
    if !options.with.is_empty() {
        let mut names = vec![left.to_string(), right.to_string()];
        names.extend(options.with.iter().cloned());
        // The first link of `link_together` is the first two registries'.
        let mut links = link_together(project, actor, &names, options)?;
        return Ok(links.swap_remove(0).result);
    }
    // Both registries must exist before either is read.
    registry_info(project.store(), left)?;
    registry_info(project.store(), right)?;
    let a = load(project, left, actor, "link")?;
    let b = load(project, right, actor, "link")?;
    let settings = settings(project.store(), options, left, right)?;
    Ok(casefile_link::link_owned(a, b, &settings))
}

/// One link of [`link_together`].
#[derive(Debug, Clone)]
pub struct JointLink {
    pub left: String,
    pub right: String,
    pub result: LinkResult,
}

/// Links every two of three or more registries and reads the links
/// together (`casefile_link::join`): a pair whose two records are each the
/// likely match of the same record of a third registry rises, a pair whose
/// records are each another child's likely match there falls. Each
/// registry is read once (audited); decisions and kept models apply per
/// link as in [`link`]. The links come in the order of the registries,
/// every left one before its right.
pub fn link_together(
    project: &mut Project,
    actor: &Actor,
    registries: &[String],
    options: &LinkOptions,
) -> Result<Vec<JointLink>> {
    actor.require(Permission::ReadRegistries)?;
    for (k, name) in registries.iter().enumerate() {
        if registries[..k].contains(name) {
            return Err(AppError::Invalid(format!(
                "registry {name} is named twice: to find duplicates inside one registry, use `casefile dedupe {name}`"
            )));
        }
        registry_info(project.store(), name)?;
    }
    let mut records = Vec::with_capacity(registries.len());
    for name in registries {
        records.push(load(project, name, actor, "link")?);
    }
    let mut links = Vec::new();
    let mut lists = Vec::new();
    for (a, left) in registries.iter().enumerate() {
        for (b, right) in registries.iter().enumerate().skip(a + 1) {
            let settings = settings(project.store(), options, left, right)?;
            let result =
                casefile_link::link_owned(records[a].clone(), records[b].clone(), &settings);
            links.push(result);
            lists.push((a, b));
        }
    }
    // Pairs a third list bridges that a link did not report (blocking
    // never paired them, or they fell under the report floor) are compared
    // too: the link runs again with its own model and kept pairs, so only
    // those pairs are new, and the join then weighs the bridge.
    let bridged = casefile_link::bridged_pairs(&links, &lists)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    for ((link, &(a, b)), also) in links.iter_mut().zip(&lists).zip(bridged) {
        if also.is_empty() {
            continue;
        }
        let mut settings = settings(project.store(), options, &registries[a], &registries[b])?;
        settings.model = Some(link.model.clone());
        settings.kept = link.kept.take();
        settings.compare_also = also;
        *link = casefile_link::link_owned(records[a].clone(), records[b].clone(), &settings);
    }
    drop(records);
    casefile_link::join(&mut links, &lists).map_err(|e| AppError::Invalid(e.to_string()))?;
    Ok(links
        .into_iter()
        .zip(lists)
        .map(|(result, (a, b))| JointLink {
            left: registries[a].clone(),
            right: registries[b].clone(),
            result,
        })
        .collect())
}

/// Finds records of the same child inside one registry.
pub fn dedupe(
    project: &mut Project,
    actor: &Actor,
    registry: &str,
    options: &LinkOptions,
) -> Result<LinkResult> {
    actor.require(Permission::ReadRegistries)?;
    let records = load(project, registry, actor, "dedupe")?;
    let settings = settings(project.store(), options, registry, registry)?;
    Ok(casefile_link::dedupe_owned(records, &settings))
}

/// The properties of a registry record, in the order a person reads them.
pub const RECORD_PROPERTIES: [&str; 11] = [
    FULL_NAME,
    SURNAME,
    GIVEN_NAME,
    PATRONYMIC,
    BIRTH_DATE,
    SEX,
    AGE,
    BIRTH_PLACE,
    LAST_PLACE,
    GUARDIAN,
    NOTE,
];

/// The fields a record holds, as `(property, value)` in the vocabulary of
/// statements (`fullName`, `birthDate`, …) and the order of
/// [`RECORD_PROPERTIES`], empty cells left out.
pub(crate) fn record_fields(r: &Record) -> Vec<(String, String)> {
    let text = |v: &Option<String>| {
        v.as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let fields = [
        (FULL_NAME, text(&r.full_name)),
        (SURNAME, text(&r.surname)),
        (GIVEN_NAME, text(&r.given)),
        (PATRONYMIC, text(&r.patronymic)),
        (
            BIRTH_DATE,
            r.birth_date.map(|d| d.format("%Y-%m-%d").to_string()),
        ),
        (
            SEX,
            r.sex.map(|s| match s {
                casefile_core::Sex::Female => "female".to_string(),
                casefile_core::Sex::Male => "male".to_string(),
            }),
        ),
        (AGE, r.age.map(|a| a.to_string())),
        (BIRTH_PLACE, text(&r.birthplace)),
        (LAST_PLACE, text(&r.last_place)),
        (GUARDIAN, text(&r.guardian)),
        (NOTE, text(&r.note)),
    ];
    fields
        .into_iter()
        .filter_map(|(property, value)| Some((property.to_string(), value?)))
        .collect()
}

/// One field of a record as an actor may see it.
#[derive(Debug, Clone, Serialize)]
pub struct RecordField {
    /// `fullName`, `birthDate`, `age`, … or `extra.NAME`.
    pub property: String,
    pub value: Protected<String>,
}

/// Every field of `r` (the extra columns, mapped as `extra.NAME`, last); a child's protected fields (and the extra columns,
/// whose content nobody declared) only for roles that may see them.
fn visible_fields(actor: &Actor, r: &Record) -> Vec<RecordField> {
    let mut fields: Vec<RecordField> = record_fields(r)
        .into_iter()
        .map(|(property, value)| RecordField {
            value: if is_sensitive(EntityKind::Child, &property) {
                actor.protect(value)
            } else {
                Protected::Shown(value)
            },
            property,
        })
        .collect();
    fields.extend(r.extra.iter().map(|(name, value)| RecordField {
        property: format!("extra.{name}"),
        value: actor.protect(value.clone()),
    }));
    fields
}

/// One pair of the review queue: the model's comparison, and the two
/// records as the actor may see them.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    pub pair: Pair,
    /// Name and birth date (or age) of the left record.
    pub left: Protected<String>,
    pub right: Protected<String>,
    /// Every field of the left record, protected ones redacted for roles
    /// that may not see them.
    pub left_fields: Vec<RecordField>,
    pub right_fields: Vec<RecordField>,
}

/// The review queue: how many pairs await a decision, and the first of them.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewQueue {
    /// Pairs in the whole queue.
    pub total: usize,
    /// The first `limit` of them, the most uncertain first.
    pub items: Vec<ReviewItem>,
}

/// The uncertain pairs between `left` and `right` (`None`: dedupe of
/// `left`), the most uncertain first, at most `limit`.
pub fn review_queue(
    project: &mut Project,
    actor: &Actor,
    left: &str,
    right: Option<&str>,
    options: &LinkOptions,
    limit: usize,
) -> Result<ReviewQueue> {
    actor.require(Permission::ReviewLinks)?;
    let right = right.unwrap_or(left);
    let left_records = load(project, left, actor, "review")?;
    let right_records = if right == left {
        left_records.clone()
    } else {
        load(project, right, actor, "review")?
    };
    let settings = settings(project.store(), options, left, right)?;
    let result = if right == left {
        casefile_link::dedupe(&left_records, &settings)
    } else {
        casefile_link::link(&left_records, &right_records, &settings)
    };
    let by_id = |records: &[Record]| -> HashMap<String, usize> {
        records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect()
    };
    let (left_ids, right_ids) = (by_id(&left_records), by_id(&right_records));
    let record = |records: &'_ [Record],
                  ids: &HashMap<String, usize>,
                  id: &str|
     -> Option<Record> { ids.get(id).and_then(|&i| records.get(i)).cloned() };
    let items = result
        .review_queue()
        .take(limit)
        .map(|pair| {
            let l = record(&left_records, &left_ids, &pair.left);
            let r = record(&right_records, &right_ids, &pair.right);
            let label = |r: &Option<Record>| {
                actor.protect(r.as_ref().map_or_else(|| "?".to_string(), display_name))
            };
            let fields = |r: &Option<Record>| {
                r.as_ref()
                    .map_or_else(Vec::new, |r| visible_fields(actor, r))
            };
            ReviewItem {
                left: label(&l),
                right: label(&r),
                left_fields: fields(&l),
                right_fields: fields(&r),
                pair,
            }
        })
        .collect();
    Ok(ReviewQueue {
        total: result.review_queue().count(),
        items,
    })
}

/// A record's name and birth date (or age), as a reviewer reads it.
fn display_name(r: &Record) -> String {
    let parts: Vec<&str> = [&r.surname, &r.given, &r.patronymic]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    let name = if parts.is_empty() {
        r.full_name.clone().unwrap_or_default()
    } else {
        parts.join(" ")
    };
    let born = r
        .birth_date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .or_else(|| r.age.map(|a| format!("age {a}")))
        .unwrap_or_else(|| "-".into());
    format!("{name} ({born})")
}

/// A reviewer's verdict on a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The same child.
    Accept,
    /// Different children.
    Reject,
}

/// What [`decide`] recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub verdict: Verdict,
    pub left: EntityId,
    pub right: EntityId,
    pub statement: StatementId,
}

/// Records that `left_id` of `left` and `right_id` of `right` (`None`: of
/// `left`, for dedupe) are the same child, or different children. The next
/// link or dedupe uses the decision.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    project: &mut Project,
    actor: &Actor,
    left: &str,
    right: Option<&str>,
    left_id: &str,
    right_id: &str,
    verdict: Verdict,
    reason: Option<&str>,
) -> Result<Decision> {
    actor.require(Permission::ReviewLinks)?;
    let right = right.unwrap_or(left);
    // Both ids must exist in their registries.
    let left_records = load(project, left, actor, "review decision")?;
    if !left_records.iter().any(|r| r.id == left_id) {
        return Err(AppError::NotFound(format!(
            "registry {left:?} has no record {left_id:?}"
        )));
    }
    let right_records = if right == left {
        left_records
    } else {
        load(project, right, actor, "review decision")?
    };
    if !right_records.iter().any(|r| r.id == right_id) {
        return Err(AppError::NotFound(format!(
            "registry {right:?} has no record {right_id:?}"
        )));
    }
    let (a, b) = (child_entity(left, left_id), child_entity(right, right_id));
    let children = vec![
        child_record_entity(left, left_id),
        child_record_entity(right, right_id),
    ];
    let property = match verdict {
        Verdict::Accept => RECORD_MATCH,
        Verdict::Reject => RECORD_NON_MATCH,
    };
    let statement = Statement {
        id: None,
        entity: a.clone(),
        property: property.to_string(),
        value: b.0.clone(),
        source: None,
        span: None,
        origin: Origin::Human,
        confidence: 1.0,
        status: Status::Confirmed,
    };
    let verb = match verdict {
        Verdict::Accept => "accept",
        Verdict::Reject => "reject",
    };
    let record = |ids: &[StatementId]| AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: format!("registry.review.{verb}"),
        objects: vec![a.0.clone(), b.0.clone()],
        detail: serde_json::json!({
            "reason": reason.unwrap_or(""),
            "statement": ids.first().map(|id| id.0),
        })
        .to_string(),
    };
    // The children's entities, the decision and its entry: one transaction,
    // so a crash leaves the decision whole or absent.
    let ids = project
        .store_mut()
        .add_judgement(&children, &[statement], &record, &actor.name)?;
    let statement = ids
        .first()
        .copied()
        .ok_or_else(|| AppError::Invalid("the decision was not stored".to_string()))?;
    Ok(Decision {
        verdict,
        left: a,
        right: b,
        statement,
    })
}

/// Writes every reported pair as CSV, one row each: the two record ids, the
/// probability, the decision if a person made one, and each field's
/// comparison level and weight in its own columns so that a spreadsheet can
/// sort and filter them. Record ids only: no names or dates leave this way.
pub fn write_pairs_csv<W: Write>(result: &LinkResult, out: W) -> std::io::Result<()> {
    let mut out = csv::Writer::from_writer(out);
    let fields: Vec<String> = result
        .contribution_names()
        .into_iter()
        .map(String::from)
        .collect();
    let mut header = vec![
        "left".to_string(),
        "right".to_string(),
        "probability".to_string(),
        "match_weight".to_string(),
        "decision".to_string(),
    ];
    for f in &fields {
        header.push(format!("{f}_level"));
        header.push(format!("{f}_weight"));
    }
    out.write_record(&header)?;
    for p in result.pairs() {
        let mut row = vec![
            p.left.clone(),
            p.right.clone(),
            format!("{:.6}", p.probability),
            format!("{:.4}", p.match_weight),
            p.decision.unwrap_or("").to_string(),
        ];
        for name in &fields {
            match p.fields.iter().find(|f| f.field == *name) {
                Some(f) => {
                    row.push(f.level.to_string());
                    row.push(format!("{:.4}", f.weight));
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        out.write_record(&row)?;
    }
    out.flush()
}
