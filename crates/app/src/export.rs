//! Exports of a case for courts and the public: signed BagIt evidence
//! packages, FollowTheMoney entities, the web sources as a WARC file of
//! their original records, and checking a package as a receiver would.
//!
//! The application layer gathers the case from the store into a
//! [`CaseBundle`] (`casefile-export` knows nothing of the store):
//! - sources: the case's own, and every source a statement of the bundle
//!   was read in, so that each quote can be checked against its original;
//!   originals are streamed from the blob files, never held in memory;
//! - entities: the case's entities with every source-local entity they
//!   gather across sources, the entities of the case's statements and of
//!   its sources' statements, and the other side of each record decision;
//! - statements: the case's own, those of its sources, those about its
//!   entities; a child record (`child:REGISTRY:RECORD`) also carries its
//!   registry record's fields as `import` statements (read from the
//!   registry's original, an audited read), so that a court gets the child
//!   and a public bag has something to pseudonymise;
//! - the audit entries that name any of these objects, the case or the key,
//!   and the hash of the log's last entry.
//!
//! Who may export: [`Permission::Export`] for a public package, and
//! [`Permission::SeeProtected`] as well for a court one. Every package
//! written is an audit entry (case, profile, SHA-256 of the tag manifest,
//! key fingerprint).

use crate::cases::{find, EntityGroups};
use crate::keys::signing_key;
use crate::registries::{load, parse_child_entity, record_fields};
use crate::{Actor, AppError, Permission, Result};
use casefile_core::property::{RECORD_MATCH, RECORD_NON_MATCH, SAME_AS};
use casefile_core::{
    AuditEntry, AuditRecord, Case, CaseId, CaseItem, Entity, EntityId, EntityKind, Origin,
    SourceId, Statement, StatementFilter, StatementId, Status,
};
use casefile_export::{
    verify_package as verify_bag, write_bag, write_ftm, BundleSource, CaseBundle, Organisation,
    Original,
};
pub use casefile_export::{BagReport, PackageReport, Problem, Profile, SignatureCheck};
use casefile_formats::{copied_record, gzip_member, warcinfo_record, WarcData, WarcLimits};
use casefile_link::Record;
use casefile_store::{now_rfc3339, Project};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Fails unless `actor` may export a package of `profile` (also for a
/// front end that hands out a package written earlier).
pub fn require(actor: &Actor, profile: Profile) -> Result<()> {
    actor.require(Permission::Export)?;
    if profile == Profile::Court {
        // A court package holds children's data as it is.
        actor.require(Permission::SeeProtected)?;
    }
    Ok(())
}

/// Writes the case `case` (name or number) as a signed BagIt package at
/// `out` (which must not exist) and records the export in the audit log.
pub fn bagit(
    project: &mut Project,
    actor: &Actor,
    case: &str,
    out: &Path,
    profile: Profile,
) -> Result<BagReport> {
    require(actor, profile)?;
    let case = find(project.store(), case)?;
    let key = signing_key(project, &actor.name)?;
    let bundle = gather(project, actor, &case)?;
    let report = write_bag(&bundle, out, profile, &key)?;
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: "export.bagit".into(),
        objects: vec![case_object(case.id)],
        detail: serde_json::json!({
            "profile": profile.as_str(),
            "path": out.display().to_string(),
            "package_sha256": report.tag_manifest_sha256,
            "key": report.key_fingerprint,
            "sources": report.sources,
            "withheld_sources": report.withheld_sources,
            "statements": report.statements,
        })
        .to_string(),
    })?;
    Ok(report)
}

/// What [`ftm`] wrote.
#[derive(Debug, Clone, Serialize)]
pub struct FtmReport {
    pub path: String,
    pub profile: String,
    /// The case exported, or none for the whole project.
    pub case: Option<Case>,
    pub entities: usize,
}

/// Writes FollowTheMoney entities (JSON lines) of one case, or of the whole
/// project when `case` is `None`, to the new file `out`.
pub fn ftm(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
    out: &Path,
    profile: Profile,
) -> Result<FtmReport> {
    require(actor, profile)?;
    let case = case.map(|c| find(project.store(), c)).transpose()?;
    let bundle = match &case {
        Some(case) => gather(project, actor, case)?,
        None => gather_project(project, actor)?,
    };
    let entities = write_ftm(&bundle, profile, out)?;
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: "export.ftm".into(),
        objects: case.iter().map(|c| case_object(c.id)).collect(),
        detail: serde_json::json!({
            "profile": profile.as_str(),
            "path": out.display().to_string(),
            "entities": entities,
        })
        .to_string(),
    })?;
    Ok(FtmReport {
        path: out.display().to_string(),
        profile: profile.as_str().to_string(),
        case,
        entities,
    })
}

/// Checks a package: every hash, the payload count, and the signature,
/// against the public key in the PEM file `key` when given (else the key
/// the package carries). Needs no project.
pub fn verify_package(dir: &Path, key: Option<&Path>) -> Result<PackageReport> {
    let expected = match key {
        Some(path) => {
            let pem = std::fs::read_to_string(path).map_err(|e| AppError::input(path, e))?;
            Some(casefile_export::public_key_from_pem(&pem).map_err(|e| AppError::input(path, e))?)
        }
        None => None,
    };
    Ok(verify_bag(dir, expected.as_ref()))
}

fn case_object(id: CaseId) -> String {
    format!("case:{}", id.0)
}

/// Everything of `case` that goes into a package.
fn gather(project: &mut Project, actor: &Actor, case: &Case) -> Result<CaseBundle> {
    let store = project.store();
    let mut sources: BTreeSet<SourceId> = BTreeSet::new();
    let mut entity_ids: BTreeSet<EntityId> = BTreeSet::new();
    let mut statements: BTreeMap<StatementId, Statement> = BTreeMap::new();
    let add = |list: Vec<Statement>, statements: &mut BTreeMap<StatementId, Statement>| {
        for s in list {
            if let Some(id) = s.id {
                statements.insert(id, s);
            }
        }
    };
    let mut groups = EntityGroups::default();
    for item in store.case_items(case.id)? {
        match item {
            CaseItem::Source(id) => {
                add(
                    store.statements(&StatementFilter {
                        source: Some(id.clone()),
                        ..Default::default()
                    })?,
                    &mut statements,
                );
                sources.insert(id);
            }
            CaseItem::Entity(id) => {
                for member in groups.entity(store, &id)?.members {
                    add(
                        store.statements(&StatementFilter {
                            entity: Some(member.clone()),
                            ..Default::default()
                        })?,
                        &mut statements,
                    );
                    entity_ids.insert(member);
                }
            }
            CaseItem::Statement(id) => {
                if let Some(s) = store.statement(id)? {
                    statements.insert(id, s);
                }
            }
        }
    }
    for s in statements.values() {
        entity_ids.insert(s.entity.clone());
        if let Some(source) = &s.source {
            sources.insert(source.clone());
        }
        // The other side of a judgement is part of what it says.
        if [SAME_AS, RECORD_MATCH, RECORD_NON_MATCH].contains(&s.property.as_str()) {
            entity_ids.insert(EntityId(s.value.clone()));
        }
    }
    let mut entities = Vec::new();
    for id in &entity_ids {
        if let Some(e) = store.entity(id)? {
            entities.push(e);
        }
    }
    let mut statements: Vec<Statement> = statements.into_values().collect();
    statements.extend(registry_statements(project, actor, &entities)?);
    bundle(project, case.clone(), sources, entities, statements)
}

/// The whole project as one bundle (for a FollowTheMoney export of everything).
fn gather_project(project: &mut Project, actor: &Actor) -> Result<CaseBundle> {
    let store = project.store();
    let sources = store.sources()?.into_iter().map(|s| s.id).collect();
    let entities = store.entities(None)?;
    let mut statements = store.statements(&StatementFilter::default())?;
    statements.extend(registry_statements(project, actor, &entities)?);
    let case = Case {
        id: CaseId(0),
        name: "whole project".into(),
        description: String::new(),
        created_at: now_rfc3339(),
    };
    bundle(project, case, sources, entities, statements)
}

/// Fills the bundle's sources (streamed from the blobs), audit entries and
/// organisation.
/// The original bytes of source `sha256`: streamed from its file when the
/// blobs are files here, read from the object store when it is opened.
fn original(project: &Project, sha256: &str) -> Original {
    if let Some(path) = project.blobs.local_path(sha256) {
        return Original::File(path);
    }
    let blobs = project.blobs.clone();
    let sha256 = sha256.to_string();
    Original::Open(Box::new(move || {
        let bytes = blobs.get(&sha256).map_err(std::io::Error::other)?;
        Ok(Box::new(std::io::Cursor::new(bytes)) as Box<dyn std::io::Read + Send>)
    }))
}

fn bundle(
    project: &Project,
    case: Case,
    source_ids: BTreeSet<SourceId>,
    entities: Vec<Entity>,
    statements: Vec<Statement>,
) -> Result<CaseBundle> {
    let store = project.store();
    let mut sources = Vec::with_capacity(source_ids.len());
    let mut captures = BTreeSet::new();
    for id in &source_ids {
        let source = store.source(&id.0)?;
        if let Some(capture) = &source.custody.capture {
            captures.insert(capture.warc_sha256.clone());
        }
        sources.push(BundleSource {
            source,
            original: original(project, &id.0),
            restricted: false,
        });
    }
    let captures = captures
        .into_iter()
        .map(|sha256| {
            let original = original(project, &sha256);
            (sha256, original)
        })
        .collect();
    let log = store.audit_entries()?;
    let audit_head_hash = log.last().map(|e| e.hash.clone()).unwrap_or_default();
    let audit = concerning(log, &case, &source_ids, &entities, &statements);
    let config = &project.config;
    Ok(CaseBundle {
        case,
        sources,
        entities,
        statements,
        audit,
        audit_head_hash,
        organisation: Organisation {
            name: config.organisation.clone().unwrap_or_default(),
            contact_name: config.contact_name.clone(),
            contact_email: config.contact_email.clone(),
        },
        captures,
    })
}

/// The entries of `log` that name the case, one of its sources, entities or
/// statements (alone or in a `statements:A..=B` range), or the signing key.
fn concerning(
    log: Vec<AuditEntry>,
    case: &Case,
    sources: &BTreeSet<SourceId>,
    entities: &[Entity],
    statements: &[Statement],
) -> Vec<AuditEntry> {
    let mut names: BTreeSet<String> = sources.iter().map(|s| s.0.clone()).collect();
    names.extend(entities.iter().map(|e| e.id.0.clone()));
    names.insert(case_object(case.id));
    let ids: BTreeSet<i64> = statements
        .iter()
        .filter_map(|s| s.id)
        .map(|i| i.0)
        .collect();
    let names_statement = |object: &str| {
        if let Some(n) = object.strip_prefix("statement:") {
            return n.parse().is_ok_and(|n: i64| ids.contains(&n));
        }
        let Some(range) = object.strip_prefix("statements:") else {
            return false;
        };
        let Some((a, b)) = range.split_once("..=") else {
            return false;
        };
        match (a.parse::<i64>(), b.parse::<i64>()) {
            (Ok(a), Ok(b)) if a <= b => ids.range(a..=b).next().is_some(),
            _ => false,
        }
    };
    log.into_iter()
        .filter(|e| {
            e.record.action == "key.create"
                || e.record
                    .objects
                    .iter()
                    .any(|o| names.contains(o) || names_statement(o))
        })
        .collect()
}

/// The registry record of each child entity, as statements (origin
/// `import`, not stored): read from the registry's original, once per
/// registry, each read audited.
fn registry_statements(
    project: &mut Project,
    actor: &Actor,
    entities: &[Entity],
) -> Result<Vec<Statement>> {
    let mut wanted: BTreeMap<String, Vec<(&EntityId, String)>> = BTreeMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Child) {
        if let Some((registry, record)) = parse_child_entity(&e.id) {
            wanted
                .entry(registry.to_string())
                .or_default()
                .push((&e.id, record.to_string()));
        }
    }
    let mut out = Vec::new();
    for (registry, children) in wanted {
        if project.store().registry(&registry)?.is_none() {
            continue;
        }
        let records = load(project, &registry, actor, "export")?;
        let by_id: HashMap<&str, &Record> = records.iter().map(|r| (r.id.as_str(), r)).collect();
        for (entity, record) in children {
            if let Some(r) = by_id.get(record.as_str()) {
                out.extend(record_statements(entity, r));
            }
        }
    }
    Ok(out)
}

fn record_statements(entity: &EntityId, r: &Record) -> Vec<Statement> {
    record_fields(r)
        .into_iter()
        .map(|(property, value)| Statement {
            id: None,
            entity: entity.clone(),
            property,
            value,
            source: None,
            span: None,
            origin: Origin::Import,
            confidence: 1.0,
            status: Status::Confirmed,
        })
        .collect()
}

/// What [`warc`] wrote.
#[derive(Debug, Clone, Serialize)]
pub struct WarcExportReport {
    pub path: String,
    /// The case exported, or none for the whole project.
    pub case: Option<Case>,
    /// Web sources exported (their response or resource record).
    pub pages: usize,
    /// Records written, the export's own `warcinfo` included.
    pub records: usize,
    /// Captures (stored WARC files) the records were copied from.
    pub captures: usize,
    pub bytes: u64,
}

/// Writes the web sources of one case, or of the whole project, to the new
/// WARC file `out` (gzipped record by record when its name ends in `.gz`).
///
/// Each source read from a WARC is copied from its stored capture byte for
/// byte: its `response` (or `resource`) record, and the records of the same
/// capture tied to it (`WARC-Concurrent-To`, `WARC-Refers-To`: the request,
/// the screenshot, the PDF print, the metadata), each capture's own
/// `warcinfo` first, after a `warcinfo` of the export. Originals cannot be
/// pseudonymised: exporting them needs [`Permission::SeeProtected`] as a
/// court package does.
pub fn warc(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
    out: &Path,
) -> Result<WarcExportReport> {
    require(actor, Profile::Court)?;
    if out.exists() {
        return Err(AppError::input(out, "already exists; choose a new file"));
    }
    let case = case.map(|c| find(project.store(), c)).transpose()?;
    let source_ids: Vec<SourceId> = match &case {
        Some(case) => project
            .store()
            .case_items(case.id)?
            .into_iter()
            .filter_map(|item| match item {
                CaseItem::Source(id) => Some(id),
                _ => None,
            })
            .collect(),
        None => project
            .store()
            .sources()?
            .into_iter()
            .map(|s| s.id)
            .collect(),
    };
    // Which records of which stored WARC, in the order sources were listed.
    let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut pages = 0;
    for id in &source_ids {
        let source = project.store().source(&id.0)?;
        if let Some(capture) = &source.custody.capture {
            pages += 1;
            wanted
                .entry(capture.warc_sha256.clone())
                .or_default()
                .insert(capture.record_id.clone());
        }
    }
    let gzip = out
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".gz"));
    let frame = |record: Vec<u8>| if gzip { gzip_member(&record) } else { record };
    let mut file = frame(export_warcinfo(actor, case.as_ref(), pages));
    let mut records = 1;
    for (warc_sha256, record_ids) in &wanted {
        let bytes = project.blobs.get(warc_sha256)?;
        let data = WarcData::new(&bytes, &WarcLimits::default()).map_err(|e| {
            AppError::Invalid(format!(
                "the stored capture {warc_sha256} cannot be read: {e}"
            ))
        })?;
        for record in data.records() {
            let record = record
                .map_err(|e| AppError::Invalid(format!("the stored capture {warc_sha256}: {e}")))?;
            let id = record.header("WARC-Record-ID").unwrap_or_default();
            let tied = ["WARC-Concurrent-To", "WARC-Refers-To"]
                .iter()
                .any(|field| {
                    record
                        .header(field)
                        .is_some_and(|to| record_ids.contains(to))
                });
            let info = record
                .header("WARC-Type")
                .is_some_and(|t| t.eq_ignore_ascii_case("warcinfo"));
            if info || tied || record_ids.contains(id) {
                file.extend(frame(copied_record(record.raw)));
                records += 1;
            }
        }
    }
    write_new_file(out, &file)?;
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: "export.warc".into(),
        objects: case.iter().map(|c| case_object(c.id)).collect(),
        detail: serde_json::json!({
            "path": out.display().to_string(),
            "pages": pages,
            "records": records,
            "sha256": casefile_core::sha256_hex(&file),
        })
        .to_string(),
    })?;
    Ok(WarcExportReport {
        path: out.display().to_string(),
        case,
        pages,
        records,
        captures: wanted.len(),
        bytes: file.len() as u64,
    })
}

/// The export's own `warcinfo` record: what wrote the file, for whom, when.
fn export_warcinfo(actor: &Actor, case: Option<&Case>, pages: usize) -> Vec<u8> {
    let description = match case {
        Some(case) => format!("the web sources of case {} ({pages} pages)", case.name),
        None => format!("the web sources of a casefile project ({pages} pages)"),
    };
    let now = now_rfc3339();
    let id = format!(
        "<urn:sha256:{}>",
        casefile_core::sha256_hex(format!("{now}{}{description}", actor.name).as_bytes())
    );
    let date = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    warcinfo_record(&id, &date, &crate::tool(), &actor.name, Some(&description))
}

/// Writes `bytes` to `path`, which must not exist, through a temporary file
/// beside it, so that a failure leaves no half-written file.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| AppError::input(path, format!("cannot be written: {e}")))?;
    std::io::Write::write_all(&mut temp, bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| AppError::input(path, format!("cannot be written: {e}")))?;
    temp.persist_noclobber(path)
        .map_err(|e| AppError::input(path, format!("cannot be written: {}", e.error)))?;
    Ok(())
}
