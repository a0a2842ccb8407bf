//! What every [`crate::Store`] backend checks before a write and the audit
//! records it appends, written once so that SQLite and PostgreSQL refuse the
//! same input and log the same entries.
//!
//! Audit details carry ids, counts, property names and paths, never statement
//! values, captions or document text: a child's data could be in any of them.

use crate::{now_rfc3339, Result, StoreError};
use casefile_core::{
    AuditRecord, CaseId, CaseItem, ClusterChanges, Entity, RegistryAppend, RegistryInfo, Source,
    SourceId, Statement, StatementFilter, StatementId, Status,
};

/// One condition of a [`StatementFilter`]: SQL with `{}` where the backend
/// writes its placeholder, and the value bound to it.
pub(crate) struct Condition<'a> {
    pub sql: &'static str,
    pub value: &'a str,
}

/// The conditions of `filter`, only those it sets: a query written with
/// `(? IS NULL OR column = ?)` for every field cannot use the indexes, and
/// reads every statement to find one entity's.
pub(crate) fn statement_conditions(filter: &StatementFilter) -> Vec<Condition<'_>> {
    let fields = [
        (
            "entity_id = {}",
            filter.entity.as_ref().map(|e| e.0.as_str()),
        ),
        (
            "source_id = {}",
            filter.source.as_ref().map(|s| s.0.as_str()),
        ),
        ("property = {}", filter.property.as_deref()),
        ("status = {}", filter.status.map(|s| s.as_str())),
        ("origin = {}", filter.origin.map(|o| o.as_str())),
        (
            "entity_id IN (SELECT id FROM entities WHERE kind = {})",
            filter.entity_kind.map(|k| k.as_str()),
        ),
    ];
    fields
        .into_iter()
        .filter_map(|(sql, value)| Some(Condition { sql, value: value? }))
        .collect()
}

/// An audit record stamped now.
pub fn audit_record(
    actor: &str,
    action: &str,
    objects: Vec<String>,
    detail: String,
) -> AuditRecord {
    AuditRecord {
        time: now_rfc3339(),
        actor: actor.to_string(),
        action: action.to_string(),
        objects,
        detail,
    }
}

/// Refuses a NUL character in a text field: PostgreSQL cannot store one, and
/// both backends must accept the same input.
fn no_nul(what: &'static str, field: &str, value: &str) -> Result<()> {
    if value.contains('\0') {
        return Err(StoreError::Invalid {
            what,
            reason: format!("its {field} contains a NUL character (U+0000)"),
        });
    }
    Ok(())
}

/// Checks a record given to [`crate::Store::append_audit`].
pub(crate) fn check_audit_record(record: &AuditRecord) -> Result<()> {
    no_nul("audit record", "actor", &record.actor)?;
    no_nul("audit record", "action", &record.action)?;
    no_nul("audit record", "time", &record.time)?;
    no_nul("audit record", "detail", &record.detail)?;
    for object in &record.objects {
        no_nul("audit record", "object list", object)?;
    }
    Ok(())
}

/// Checks a source before it is stored.
pub(crate) fn check_source(source: &Source) -> Result<()> {
    let c = &source.custody;
    let m = &source.meta;
    for (field, value) in [
        ("text", Some(source.text.as_str())),
        ("encoding", Some(source.encoding.as_str())),
        ("language", source.language.as_deref()),
        ("title", m.title.as_deref()),
        ("publisher", m.publisher.as_deref()),
        ("published date", m.published.as_deref()),
        ("url", m.url.as_deref()),
        ("original path", Some(c.original_path.as_str())),
        ("actor", Some(c.ingested_by.as_str())),
        ("tool", Some(c.tool.as_str())),
    ] {
        no_nul("source", field, value.unwrap_or_default())?;
    }
    Ok(())
}

/// Checks entities and statements about to be written together.
pub(crate) fn check_findings(entities: &[Entity], statements: &[Statement]) -> Result<()> {
    for entity in entities {
        check_entity(entity)?;
    }
    check_statements(statements)
}

/// Checks an entity before it is stored.
pub(crate) fn check_entity(entity: &Entity) -> Result<()> {
    no_nul("entity", "id", &entity.id.0)?;
    no_nul("entity", "caption", &entity.caption)
}

/// Checks statements before they are stored.
pub(crate) fn check_statements(statements: &[Statement]) -> Result<()> {
    for s in statements {
        if !(0.0..=1.0).contains(&s.confidence) {
            return Err(StoreError::Invalid {
                what: "statement",
                reason: format!("confidence {} is outside [0, 1]", s.confidence),
            });
        }
        if let Some(span) = &s.span {
            if span.start > span.end {
                return Err(StoreError::Invalid {
                    what: "statement",
                    reason: format!("span {}..{} is reversed", span.start, span.end),
                });
            }
            no_nul("statement", "quote", &span.quote)?;
        }
        no_nul("statement", "property", &s.property)?;
        no_nul("statement", "value", &s.value)?;
        no_nul("statement", "entity id", &s.entity.0)?;
    }
    Ok(())
}

/// Checks a registry before it is recorded.
pub(crate) fn check_registry(registry: &RegistryInfo) -> Result<()> {
    if registry.name.trim().is_empty() {
        return Err(StoreError::Invalid {
            what: "registry",
            reason: "the name is empty".into(),
        });
    }
    no_nul("registry", "name", &registry.name)?;
    no_nul("registry", "column map", &registry.map)?;
    no_nul("registry", "original path", &registry.original_path)
}

/// Checks a file appended to a registry before it is recorded.
pub(crate) fn check_append(append: &RegistryAppend) -> Result<()> {
    no_nul("registry append", "registry", &append.registry)?;
    no_nul("registry append", "original path", &append.original_path)
}

/// The error for an append to a registry that was never imported.
pub(crate) fn unknown_registry(name: &str) -> StoreError {
    StoreError::NotFound {
        what: "registry",
        id: name.to_string(),
    }
}

/// `registry.append`, stamped with the time of the append.
pub(crate) fn append_record(append: &RegistryAppend, part: u32, actor: &str) -> AuditRecord {
    let detail = serde_json::json!({
        "name": append.registry,
        "part": part,
        "path": append.original_path,
        "records": append.records,
        "row_errors": append.row_errors,
    });
    AuditRecord {
        time: append.added_at.clone(),
        actor: actor.to_string(),
        action: "registry.append".into(),
        objects: vec![append.blob.clone()],
        detail: detail.to_string(),
    }
}

/// Checks the changes of a linkage run before they are written: text
/// without NUL, no cluster both grown and retired, no empty new cluster.
pub(crate) fn check_cluster_changes(changes: &ClusterChanges) -> Result<()> {
    no_nul("linkage run", "scope", &changes.scope)?;
    if let Some(model) = &changes.model {
        no_nul("linkage run", "model", model)?;
    }
    let members = changes
        .grown
        .iter()
        .flat_map(|(_, m)| m)
        .chain(changes.created.iter().flat_map(|c| &c.members));
    for m in members {
        no_nul("cluster member", "registry", &m.registry)?;
        no_nul("cluster member", "record", &m.record)?;
    }
    if let Some((id, _)) = changes
        .grown
        .iter()
        .find(|(id, _)| changes.retired.contains(id))
    {
        return Err(StoreError::Invalid {
            what: "linkage run",
            reason: format!("cluster {id} cannot both grow and be retired"),
        });
    }
    if changes.created.iter().any(|c| c.members.is_empty()) {
        return Err(StoreError::Invalid {
            what: "linkage run",
            reason: "a new cluster has no members".into(),
        });
    }
    Ok(())
}

/// The error for a cluster a run changes that is not live in its scope.
pub(crate) fn not_live_cluster(id: i64) -> StoreError {
    StoreError::Invalid {
        what: "linkage run",
        reason: format!("cluster {id} is not a live cluster of this linkage"),
    }
}

/// `linkage.run`: counts only (a first run at a million records makes
/// hundreds of thousands of clusters; which ones is in the clusters' tables,
/// each with the run that made or retired it).
pub(crate) fn linkage_record(
    changes: &ClusterChanges,
    run: i64,
    created: &[i64],
    actor: &str,
) -> AuditRecord {
    let detail = serde_json::json!({
        "scope": changes.scope,
        "run": run,
        "records": changes.records,
        "threshold": changes.threshold,
        "grown": changes.grown.len(),
        "retired": changes.retired.len(),
        "created": created.len(),
    });
    AuditRecord {
        time: now_rfc3339(),
        actor: actor.to_string(),
        action: "linkage.run".into(),
        objects: vec![format!("linkage-run:{run}")],
        detail: detail.to_string(),
    }
}

/// Checks a new case's name and description.
pub(crate) fn check_case(name: &str, description: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(StoreError::Invalid {
            what: "case",
            reason: "the name is empty".into(),
        });
    }
    no_nul("case", "name", name)?;
    no_nul("case", "description", description)
}

/// The error for a second case of the same name.
pub(crate) fn duplicate_case(name: &str) -> StoreError {
    StoreError::Invalid {
        what: "case",
        reason: format!("a case named {name:?} already exists"),
    }
}

/// The error for a second registry of the same name.
pub(crate) fn duplicate_registry(name: &str) -> StoreError {
    StoreError::Invalid {
        what: "registry",
        reason: format!("a registry named {name:?} already exists"),
    }
}

/// A custody or page-map value as stored in its JSON column.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serializing these plain structs of strings and numbers cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// `source.ingest`: the custody of one source and the hash of its clean text,
/// which `verify` later checks the stored text against.
pub(crate) fn ingest_record(source: &Source, actor: &str) -> AuditRecord {
    let c = &source.custody;
    let mut detail = serde_json::json!({
        "path": c.original_path,
        "size": c.size,
        "media_type": source.media_type.as_str(),
        "encoding": source.encoding,
        "kind": source.kind.as_str(),
        "tool": c.tool,
        "text_sha256": casefile_core::sha256_hex(source.text.as_bytes()),
    });
    // Ids and counts only: a target URI may carry a child's name.
    if let Some(capture) = &c.capture {
        detail["warc_sha256"] = capture.warc_sha256.clone().into();
        detail["warc_record_id"] = capture.record_id.clone().into();
        detail["payload_digest"] = capture.payload_digest.clone().into();
    }
    if let Some(pages) = &source.pages {
        detail["pages"] = pages.pages().into();
        detail["pages_needing_ocr"] = pages.needs_ocr.len().into();
    }
    AuditRecord {
        time: c.ingested_at.clone(),
        actor: actor.to_string(),
        action: "source.ingest".into(),
        objects: vec![source.id.0.clone()],
        detail: detail.to_string(),
    }
}

/// `statement.add`: the id range of statements stored together (ids and
/// property names only: values may be a child's data). `None` when no
/// statement was stored.
pub(crate) fn statements_record(
    statements: &[Statement],
    ids: &[StatementId],
    actor: &str,
) -> Option<AuditRecord> {
    let (first, last) = (ids.first()?, ids.last()?);
    let mut properties: Vec<&str> = statements.iter().map(|s| s.property.as_str()).collect();
    properties.sort_unstable();
    properties.dedup();
    let mut entities: Vec<&str> = statements.iter().map(|s| s.entity.0.as_str()).collect();
    entities.sort_unstable();
    entities.dedup();
    let detail = serde_json::json!({
        "count": statements.len(),
        "properties": properties,
        "entities": entities.len(),
    })
    .to_string();
    let objects = vec![format!("statements:{}..={}", first.0, last.0)];
    Some(audit_record(actor, "statement.add", objects, detail))
}

/// `entity.create` or `entity.update` (the caption is not logged: for a
/// child it could be identifying).
pub(crate) fn entity_record(entity: &Entity, created: bool, actor: &str) -> AuditRecord {
    let action = if created {
        "entity.create"
    } else {
        "entity.update"
    };
    let detail = serde_json::json!({ "kind": entity.kind.as_str() }).to_string();
    audit_record(actor, action, vec![entity.id.0.clone()], detail)
}

/// `statement.status`: a review decision with its reason.
pub(crate) fn status_record(
    id: StatementId,
    from: &str,
    to: Status,
    reason: &str,
    actor: &str,
) -> AuditRecord {
    let detail =
        serde_json::json!({ "from": from, "to": to.as_str(), "reason": reason }).to_string();
    audit_record(
        actor,
        "statement.status",
        vec![format!("statement:{}", id.0)],
        detail,
    )
}

/// `registry.import`, stamped with the import time.
pub(crate) fn registry_record(registry: &RegistryInfo, actor: &str) -> AuditRecord {
    let detail = serde_json::json!({
        "name": registry.name,
        "path": registry.original_path,
        "map": registry.map,
        "records": registry.records,
        "row_errors": registry.row_errors,
    });
    AuditRecord {
        time: registry.imported_at.clone(),
        actor: actor.to_string(),
        action: "registry.import".into(),
        objects: vec![registry.blob.clone()],
        detail: detail.to_string(),
    }
}

/// `case.create`.
pub(crate) fn case_record(id: CaseId, name: &str, actor: &str) -> AuditRecord {
    audit_record(
        actor,
        "case.create",
        vec![format!("case:{}", id.0)],
        serde_json::json!({ "name": name }).to_string(),
    )
}

/// `case.add` or `case.remove` of one item, naming the case and the item as
/// the rest of the log names them.
pub(crate) fn case_item_record(
    action: &str,
    case: CaseId,
    item: &CaseItem,
    actor: &str,
) -> AuditRecord {
    audit_record(
        actor,
        action,
        vec![format!("case:{}", case.0), item.object_id()],
        serde_json::json!({ "kind": item.kind() }).to_string(),
    )
}

/// The stored form of a case item: (kind, item id as text).
pub(crate) fn case_item_key(item: &CaseItem) -> (&'static str, String) {
    let id = match item {
        CaseItem::Source(id) => id.0.clone(),
        CaseItem::Entity(id) => id.0.clone(),
        CaseItem::Statement(id) => id.0.to_string(),
    };
    (item.kind(), id)
}

/// A case item from its stored (kind, item); anything else is corruption.
pub(crate) fn case_item_from_stored(kind: &str, item: String) -> Result<CaseItem> {
    Ok(match kind {
        "source" => CaseItem::Source(SourceId(item)),
        "entity" => CaseItem::Entity(casefile_core::EntityId(item)),
        "statement" => CaseItem::Statement(StatementId(item.parse().map_err(|_| {
            StoreError::Corrupt {
                what: "case_items".into(),
                reason: format!("statement id {item:?} is not a number"),
            }
        })?)),
        other => {
            return Err(StoreError::Corrupt {
                what: "case_items".into(),
                reason: format!("unknown item kind {other:?}"),
            })
        }
    })
}

/// The objects of an audit entry from their stored JSON. An unparsable list
/// is tampering too: the raw text becomes the only object, so that the
/// entry's hash fails to match and `verify` names it.
pub(crate) fn parse_objects(stored: String) -> Vec<String> {
    serde_json::from_str(&stored).unwrap_or_else(|_| vec![stored])
}

/// The objects of an audit entry as stored JSON.
pub(crate) fn objects_json(objects: &[String]) -> Result<String> {
    serde_json::to_string(objects).map_err(|e| StoreError::Corrupt {
        what: "audit objects".into(),
        reason: e.to_string(),
    })
}
