//! The embedded [`Store`]: SQLite in WAL mode. All of casefile's SQL lives here.

use crate::error::DbContext;
use crate::records::{
    append_record, case_item_from_stored, case_item_key, case_item_record, case_record,
    check_append, check_audit_record, check_case, check_cluster_changes, check_entity,
    check_findings, check_registry, check_source, check_statements, duplicate_case,
    duplicate_registry, entity_record, ingest_record, linkage_record, not_live_cluster,
    objects_json, parse_objects, registry_record, statement_conditions, statements_record,
    status_record, unknown_registry,
};
use crate::store::{AuditQuery, Inserted, NewSource, Store};
use crate::{now_rfc3339, Result, StoreError};
use casefile_core::GENESIS_HASH;
use casefile_core::{
    AuditEntry, AuditRecord, Case, CaseId, CaseItem, ClusterChanges, ClusterMember,
    ClusterMemberSince, ClusterOrigin, Custody, Entity, EntityId, EntityKind, LinkageCluster,
    LinkageRun, MediaType, RegistryAppend, RegistryInfo, SavedRun, Source, SourceId, SourceKind,
    SourceMeta, SourceSummary, Span, Statement, StatementFilter, StatementId, Status,
};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use std::path::Path;
use std::str::FromStr;

/// Bumped whenever the schema changes; older projects are migrated on open.
/// Version 3 adds the WARC record a captured page came from and the page
/// map of a PDF to `sources`, as JSON (NULL for other sources). Version 4
/// adds the files appended to registries and the linkage clusters with
/// their runs and lineage (new tables only, made by `SCHEMA` on open).
/// Version 5 adds the model a linkage run fitted to `linkage_runs`.
/// Version 6 adds `linkage_pairs`, what the latest run of a linkage kept
/// for the next (a new table, made by `SCHEMA` on open).
pub const SCHEMA_VERSION: u32 = 6;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    id            TEXT PRIMARY KEY,          -- SHA-256 of the original bytes
    kind          TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    encoding      TEXT NOT NULL,
    language      TEXT,
    title         TEXT,
    publisher     TEXT,
    published     TEXT,
    url           TEXT,
    original_path TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    ingested_by   TEXT NOT NULL,
    tool          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    text          TEXT NOT NULL,
    indexed       INTEGER NOT NULL DEFAULT 0,
    capture       TEXT,                      -- JSON WebCapture of a page read from a WARC
    pages         TEXT                       -- JSON PageMap of a PDF
);  -- a rowid table: rows carry whole texts, too large for WITHOUT ROWID
CREATE INDEX IF NOT EXISTS sources_unindexed ON sources(indexed) WHERE indexed = 0;
CREATE INDEX IF NOT EXISTS sources_language_kind ON sources(language, kind);
CREATE TABLE IF NOT EXISTS entities (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    caption    TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind);
CREATE TABLE IF NOT EXISTS statements (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    property   TEXT NOT NULL,
    value      TEXT NOT NULL,
    source_id  TEXT REFERENCES sources(id),
    span_start INTEGER,
    span_end   INTEGER,
    quote      TEXT,
    origin     TEXT NOT NULL,
    confidence REAL NOT NULL,
    status     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_entity ON statements(entity_id);
CREATE INDEX IF NOT EXISTS statements_source ON statements(source_id);
CREATE INDEX IF NOT EXISTS statements_property ON statements(property);
CREATE INDEX IF NOT EXISTS statements_status ON statements(status);
CREATE TABLE IF NOT EXISTS registries (
    name          TEXT PRIMARY KEY,
    blob          TEXT NOT NULL,             -- SHA-256 of the original CSV
    map           TEXT NOT NULL,
    original_path TEXT NOT NULL,
    records       INTEGER NOT NULL,
    row_errors    INTEGER NOT NULL,
    imported_at   TEXT NOT NULL,
    imported_by   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS registry_appends (
    registry      TEXT NOT NULL REFERENCES registries(name),
    part          INTEGER NOT NULL,          -- 1, 2, … in the order appended
    blob          TEXT NOT NULL,             -- SHA-256 of the appended CSV
    original_path TEXT NOT NULL,
    records       INTEGER NOT NULL,
    row_errors    INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL,
    PRIMARY KEY (registry, part)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS linkage_runs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    scope     TEXT NOT NULL,               -- ["dedupe","NAME"] or ["link","LEFT","RIGHT"]
    time      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    records   INTEGER NOT NULL,
    threshold REAL NOT NULL,
    model     TEXT                         -- the model the run fitted (JSON), or NULL
);
CREATE TABLE IF NOT EXISTS linkage_clusters (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scope       TEXT NOT NULL,
    origin      TEXT NOT NULL,             -- new, merge or split
    created_run INTEGER NOT NULL REFERENCES linkage_runs(id),
    retired_run INTEGER REFERENCES linkage_runs(id)
);
CREATE INDEX IF NOT EXISTS linkage_clusters_live ON linkage_clusters(scope)
    WHERE retired_run IS NULL;
CREATE TABLE IF NOT EXISTS linkage_members (
    cluster_id INTEGER NOT NULL REFERENCES linkage_clusters(id),
    registry   TEXT NOT NULL,
    record     TEXT NOT NULL,
    since_run  INTEGER NOT NULL REFERENCES linkage_runs(id),
    PRIMARY KEY (cluster_id, registry, record)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS linkage_lineage (
    child  INTEGER NOT NULL REFERENCES linkage_clusters(id),
    parent INTEGER NOT NULL REFERENCES linkage_clusters(id),
    PRIMARY KEY (child, parent)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS linkage_lineage_parent ON linkage_lineage(parent);
CREATE TABLE IF NOT EXISTS linkage_pairs (
    scope TEXT PRIMARY KEY,                -- one row a linkage: the latest run's
    run   INTEGER NOT NULL REFERENCES linkage_runs(id),
    pairs BLOB NOT NULL                    -- casefile_link::KeptPairs bytes
);
CREATE TABLE IF NOT EXISTS cases (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_items (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind    TEXT NOT NULL,                 -- source, entity or statement
    item    TEXT NOT NULL,                 -- source id, entity id or statement id
    PRIMARY KEY (case_id, kind, item)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit (
    seq       INTEGER PRIMARY KEY,
    time      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    objects   TEXT NOT NULL,             -- JSON array of ids
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
"#;

/// A [`Store`] on one SQLite database file.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if absent) the database at `path` and brings its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let conn = Connection::open(path).db("open the database")?;
        // WAL: readers never block the writer and a crash never leaves a
        // half-applied transaction. NORMAL sync is durable in WAL mode except
        // for the last transactions before a power cut, never corrupting.
        let configure = "configure the database";
        conn.pragma_update(None, "journal_mode", "WAL")
            .db(configure)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .db(configure)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .db(configure)?;
        // 64 MiB of page cache: statement inserts touch three indexes each.
        conn.pragma_update(None, "cache_size", -65536)
            .db(configure)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .db(configure)?;
        conn.execute_batch(SCHEMA).db("create the schema")?;
        let found: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()
            .db("read the schema version")?;
        match found.as_deref().map(u32::from_str) {
            None => {
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)",
                    [SCHEMA_VERSION.to_string()],
                )
                .db("record the schema version")?;
            }
            Some(Ok(v)) if v > SCHEMA_VERSION => {
                return Err(StoreError::UnsupportedVersion {
                    found: v,
                    supported: SCHEMA_VERSION,
                })
            }
            Some(Ok(v)) => {
                if v < SCHEMA_VERSION {
                    migrate(&conn, v)?;
                }
            }
            Some(Err(_)) => {
                return Err(StoreError::Corrupt {
                    what: "meta.schema_version".into(),
                    reason: "not a number".into(),
                })
            }
        }
        Ok(SqliteStore { conn })
    }

    /// Runs `f` in one immediate transaction and commits it.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .db("begin a transaction")?;
        let out = f(&tx)?;
        tx.commit().db("commit a transaction")?;
        Ok(out)
    }

    fn resolve_prefix(
        &self,
        table: &'static str,
        what: &'static str,
        prefix: &str,
    ) -> Result<String> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if prefix.len() < 4 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(StoreError::Invalid {
                what,
                reason: format!("{prefix:?} is not an id (give at least 4 hex digits)"),
            });
        }
        let sql = format!("SELECT id FROM {table} WHERE id >= ?1 AND id < ?2 LIMIT 2");
        let upper = format!("{prefix}g"); // 'g' sorts after every hex digit
        let ids: Vec<String> = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                let ids = stmt
                    .query_map(params![prefix, upper], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>();
                ids
            })
            .db("look up an id prefix")?;
        match ids.len() {
            0 => Err(StoreError::NotFound {
                what,
                id: prefix.to_string(),
            }),
            1 => Ok(ids.into_iter().next().unwrap_or_default()),
            _ => {
                let count: usize = self
                    .conn
                    .query_row(
                        &format!("SELECT COUNT(*) FROM {table} WHERE id >= ?1 AND id < ?2"),
                        params![prefix, upper],
                        |r| r.get(0),
                    )
                    .db("look up an id prefix")?;
                Err(StoreError::Ambiguous {
                    what,
                    id: prefix.to_string(),
                    count,
                })
            }
        }
    }
}

/// Brings a database of schema `from` up to [`SCHEMA_VERSION`] in one
/// transaction.
fn migrate(conn: &Connection, from: u32) -> Result<()> {
    let tx = conn
        .unchecked_transaction()
        .db("begin a schema migration")?;
    if from < 2 {
        // Version 1 kept only the sources of a case; version 2 keeps sources,
        // entities and statements in `case_items`.
        tx.execute_batch(
            "INSERT OR IGNORE INTO case_items (case_id, kind, item)
                 SELECT case_id, 'source', source_id FROM case_sources;
             DROP TABLE case_sources;",
        )
        .db("migrate case sources to case items")?;
    }
    if from < 5 {
        // Version 4 made linkage runs without the model they fitted.
        let present: bool = tx
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM pragma_table_info('linkage_runs') WHERE name = 'model')",
                [],
                |r| r.get(0),
            )
            .db("read the columns of linkage_runs")?;
        if !present {
            tx.execute_batch("ALTER TABLE linkage_runs ADD COLUMN model TEXT")
                .db("add the model column to linkage_runs")?;
        }
    }
    // Version 6 only adds `linkage_pairs`, which `SCHEMA` made on open:
    // a linkage without kept pairs compares every pair on its next run.
    if from < 3 {
        // Each column once, even where the table was already made with it.
        for column in ["capture", "pages"] {
            let present: bool = tx
                .query_row(
                    "SELECT EXISTS(SELECT 1 FROM pragma_table_info('sources') WHERE name = ?1)",
                    [column],
                    |r| r.get(0),
                )
                .db("read the columns of sources")?;
            if !present {
                tx.execute_batch(&format!("ALTER TABLE sources ADD COLUMN {column} TEXT"))
                    .db("add the capture and pages columns to sources")?;
            }
        }
    }
    tx.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
        [SCHEMA_VERSION.to_string()],
    )
    .db("record the schema version")?;
    tx.commit().db("commit a schema migration")
}

/// Fails unless the case and every item exist (inside `tx`).
fn check_case_items(tx: &Transaction<'_>, case: CaseId, items: &[CaseItem]) -> Result<()> {
    let case_exists: bool = tx
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM cases WHERE id = ?1)")
        .and_then(|mut stmt| stmt.query_row([case.0], |r| r.get(0)))
        .db("check a case")?;
    if !case_exists {
        return Err(StoreError::NotFound {
            what: "case",
            id: case.0.to_string(),
        });
    }
    for item in items {
        let (sql, key) = match item {
            CaseItem::Source(id) => (
                "SELECT EXISTS(SELECT 1 FROM sources WHERE id = ?1)",
                id.0.clone(),
            ),
            CaseItem::Entity(id) => (
                "SELECT EXISTS(SELECT 1 FROM entities WHERE id = ?1)",
                id.0.clone(),
            ),
            CaseItem::Statement(id) => (
                "SELECT EXISTS(SELECT 1 FROM statements WHERE id = ?1)",
                id.0.to_string(),
            ),
        };
        let exists: bool = tx
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row([&key], |r| r.get(0)))
            .db("check a case item")?;
        if !exists {
            return Err(StoreError::NotFound {
                what: item.kind(),
                id: key,
            });
        }
    }
    Ok(())
}

/// Appends `record` to the log inside `tx`, chained to the current head.
pub(crate) fn append_audit_in(tx: &Transaction<'_>, record: AuditRecord) -> Result<AuditEntry> {
    let last: Option<(i64, String)> = tx
        .prepare_cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        .and_then(|mut stmt| {
            stmt.query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
        })
        .db("read the audit log")?;
    let head = read_head(tx)?;
    let (last_seq, prev_hash) = match last {
        Some((seq, hash)) => (seq as u64, hash),
        None => (0, GENESIS_HASH.to_string()),
    };
    // Never reuse a position that was once written, even if the tail was
    // removed: the gap stays visible to `verify`.
    let seq = last_seq.max(head) + 1;
    let entry = AuditEntry::chain(seq, record, &prev_hash);
    let objects = objects_json(&entry.record.objects)?;
    tx.prepare_cached(
        "INSERT INTO audit (seq, time, actor, action, objects, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            entry.seq as i64,
            entry.record.time,
            entry.record.actor,
            entry.record.action,
            objects,
            entry.record.detail,
            entry.prev_hash,
            entry.hash
        ])
    })
    .db("append to the audit log")?;
    tx.prepare_cached(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .and_then(|mut stmt| stmt.execute([seq.to_string()]))
    .db("append to the audit log")?;
    Ok(entry)
}

/// A count or position as SQL takes it (`LIMIT`, `OFFSET`): "all" stays all.
fn sql_count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn read_head(conn: &Connection) -> Result<u64> {
    let head: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'audit_head'")
        .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)).optional())
        .db("read the audit head")?;
    match head {
        None => Ok(0),
        Some(v) => v.parse().map_err(|_| StoreError::Corrupt {
            what: "meta.audit_head".into(),
            reason: format!("{v:?} is not a number"),
        }),
    }
}

fn parse_col<T: FromStr<Err = casefile_core::ParseError>>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    text.parse().map_err(|e: casefile_core::ParseError| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

const SOURCE_COLUMNS: &str =
    "id, kind, media_type, encoding, language, title, publisher, published, url,
     original_path, ingested_at, ingested_by, tool, size, text, capture, pages";

/// A JSON column read into `T`; NULL is `None`.
fn json_col<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| serde_json::from_str(&t))
        .transpose()
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
        })
}

fn source_from_row(row: &Row<'_>) -> rusqlite::Result<Source> {
    let id: String = row.get(0)?;
    let size: i64 = row.get(13)?;
    Ok(Source {
        id: SourceId(id.clone()),
        kind: parse_col::<SourceKind>(row, 1)?,
        media_type: parse_col::<MediaType>(row, 2)?,
        encoding: row.get(3)?,
        language: row.get(4)?,
        meta: SourceMeta {
            title: row.get(5)?,
            publisher: row.get(6)?,
            published: row.get(7)?,
            url: row.get(8)?,
        },
        custody: Custody {
            original_path: row.get(9)?,
            ingested_at: row.get(10)?,
            ingested_by: row.get(11)?,
            tool: row.get(12)?,
            size: size as u64,
            sha256: id,
            capture: json_col(row, 15)?,
        },
        text: row.get(14)?,
        pages: json_col(row, 16)?,
    })
}

fn statement_from_row(row: &Row<'_>) -> rusqlite::Result<Statement> {
    let start: Option<i64> = row.get(5)?;
    let end: Option<i64> = row.get(6)?;
    let quote: Option<String> = row.get(7)?;
    let span = match (start, end, quote) {
        (Some(s), Some(e), Some(q)) => Some(Span {
            start: s as usize,
            end: e as usize,
            quote: q,
        }),
        _ => None,
    };
    Ok(Statement {
        id: Some(StatementId(row.get(0)?)),
        entity: EntityId(row.get(1)?),
        property: row.get(2)?,
        value: row.get(3)?,
        source: row.get::<_, Option<String>>(4)?.map(SourceId),
        span,
        origin: parse_col(row, 8)?,
        confidence: row.get::<_, f64>(9)? as f32,
        status: parse_col(row, 10)?,
    })
}

const REGISTRY_COLUMNS: &str =
    "name, blob, map, original_path, records, row_errors, imported_at, imported_by";

fn registry_from_row(row: &Row<'_>) -> rusqlite::Result<RegistryInfo> {
    Ok(RegistryInfo {
        name: row.get(0)?,
        blob: row.get(1)?,
        map: row.get(2)?,
        original_path: row.get(3)?,
        records: row.get::<_, i64>(4)? as u64,
        row_errors: row.get::<_, i64>(5)? as u64,
        imported_at: row.get(6)?,
        imported_by: row.get(7)?,
    })
}

fn entity_from_row(row: &Row<'_>) -> rusqlite::Result<Entity> {
    Ok(Entity {
        id: EntityId(row.get(0)?),
        kind: parse_col(row, 1)?,
        caption: row.get(2)?,
    })
}

/// Inserts `statements` and appends one audit entry naming their id range.
fn insert_statements_in(
    tx: &Transaction<'_>,
    statements: &[Statement],
    actor: &str,
) -> Result<Vec<StatementId>> {
    let now = now_rfc3339();
    let mut ids = Vec::with_capacity(statements.len());
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO statements (entity_id, property, value, source_id, span_start,
                span_end, quote, origin, confidence, status, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )
            .db("insert statements")?;
        for s in statements {
            insert
                .execute(params![
                    s.entity.0,
                    s.property,
                    s.value,
                    s.source.as_ref().map(|id| &id.0),
                    s.span.as_ref().map(|sp| sp.start as i64),
                    s.span.as_ref().map(|sp| sp.end as i64),
                    s.span.as_ref().map(|sp| &sp.quote),
                    s.origin.as_str(),
                    s.confidence as f64,
                    s.status.as_str(),
                    now,
                    actor,
                ])
                .db("insert statements")?;
            ids.push(StatementId(tx.last_insert_rowid()));
        }
    }
    if let Some(record) = statements_record(statements, &ids, actor) {
        append_audit_in(tx, record)?;
    }
    Ok(ids)
}

/// Creates `entity` unless it exists; returns whether it was created.
/// Creates `entity` or updates its caption, with its audit entry (none
/// when it is stored as it is).
fn put_entity_in(tx: &Transaction<'_>, entity: &Entity, actor: &str) -> Result<()> {
    let existing: Option<String> = tx
        .query_row(
            "SELECT caption FROM entities WHERE id = ?1",
            [&entity.id.0],
            |r| r.get(0),
        )
        .optional()
        .db("read an entity")?;
    let created = match existing {
        Some(caption) if caption == entity.caption => return Ok(()),
        Some(_) => {
            tx.execute(
                "UPDATE entities SET caption = ?2 WHERE id = ?1",
                params![entity.id.0, entity.caption],
            )
            .db("update an entity")?;
            false
        }
        None => insert_entity_in(tx, entity, &now_rfc3339())?,
    };
    append_audit_in(tx, entity_record(entity, created, actor))?;
    Ok(())
}

fn insert_entity_in(tx: &Transaction<'_>, entity: &Entity, now: &str) -> Result<bool> {
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO entities (id, kind, caption, created_at) VALUES (?1, ?2, ?3, ?4)",
        )
        .and_then(|mut stmt| {
            stmt.execute(params![entity.id.0, entity.kind.as_str(), entity.caption, now])
        })
        .db("insert an entity")?;
    Ok(added > 0)
}

/// Inserts one source, its findings and their audit entries inside `tx`.
fn insert_source_in(
    tx: &Transaction<'_>,
    source: &Source,
    entities: &[Entity],
    statements: &[Statement],
    actor: &str,
) -> Result<Inserted> {
    let exists: bool = tx
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM sources WHERE id = ?1)")
        .and_then(|mut stmt| stmt.query_row([&source.id.0], |r| r.get(0)))
        .db("insert a source")?;
    if exists {
        return Ok(Inserted::AlreadyPresent);
    }
    let c = &source.custody;
    tx.prepare_cached(&format!(
        "INSERT INTO sources ({SOURCE_COLUMNS}, indexed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 0)"
    ))
    .db("prepare a source insert")?
    .execute(params![
        source.id.0,
        source.kind.as_str(),
        source.media_type.as_str(),
        source.encoding,
        source.language,
        source.meta.title,
        source.meta.publisher,
        source.meta.published,
        source.meta.url,
        c.original_path,
        c.ingested_at,
        c.ingested_by,
        c.tool,
        c.size as i64,
        source.text,
        c.capture.as_ref().map(crate::records::to_json),
        source.pages.as_ref().map(crate::records::to_json),
    ])
    .db("insert a source")?;
    append_audit_in(tx, ingest_record(source, actor))?;
    // Entities derived from a source are its own: their creation is
    // covered by the ingest and statement entries, not logged one by one.
    for entity in entities {
        insert_entity_in(tx, entity, &c.ingested_at)?;
    }
    insert_statements_in(tx, statements, actor)?;
    Ok(Inserted::New)
}

impl Store for SqliteStore {
    fn insert_sources(&mut self, batch: &[NewSource<'_>], actor: &str) -> Result<Vec<Inserted>> {
        for (source, entities, statements) in batch {
            check_source(source)?;
            check_findings(entities, statements)?;
        }
        self.write(|tx| {
            batch
                .iter()
                .map(|(source, entities, statements)| {
                    insert_source_in(tx, source, entities, statements, actor)
                })
                .collect()
        })
    }

    fn has_source(&self, id: &SourceId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM sources WHERE id = ?1)")
            .and_then(|mut stmt| stmt.query_row([&id.0], |r| r.get(0)))
            .db("read a source")
    }

    fn source(&self, id_or_prefix: &str) -> Result<Source> {
        let id = self.resolve_prefix("sources", "source", id_or_prefix)?;
        self.conn
            .query_row(
                &format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ?1"),
                [id],
                source_from_row,
            )
            .db("read a source")
    }

    fn sources_by_id(&self, ids: &[SourceId]) -> Result<Vec<Source>> {
        let ids: Vec<&str> = ids.iter().map(|id| id.0.as_str()).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| StoreError::Invalid {
            what: "source ids",
            reason: e.to_string(),
        })?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SOURCE_COLUMNS} FROM sources WHERE id IN (SELECT value FROM json_each(?1))"
            ))
            .db("read sources")?;
        let rows = stmt.query_map([ids], source_from_row).db("read sources")?;
        rows.collect::<rusqlite::Result<_>>().db("read sources")
    }

    fn source_counts(&self) -> Result<Vec<(Option<String>, SourceKind, u64)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT language, kind, COUNT(*) FROM sources GROUP BY language, kind
                 ORDER BY language, kind",
            )
            .db("count sources")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    parse_col(row, 1)?,
                    row.get::<_, i64>(2)? as u64,
                ))
            })
            .db("count sources")?;
        rows.collect::<rusqlite::Result<_>>().db("count sources")
    }

    fn sources(&self) -> Result<Vec<SourceSummary>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, kind, media_type, language, title, publisher, published, url,
                    ingested_at, size, length(CAST(text AS BLOB))
             FROM sources ORDER BY ingested_at, id",
            )
            .db("list sources")?;
        let rows = stmt
            .query_map([], |row| {
                Ok(SourceSummary {
                    id: SourceId(row.get(0)?),
                    kind: parse_col(row, 1)?,
                    media_type: parse_col(row, 2)?,
                    language: row.get(3)?,
                    meta: SourceMeta {
                        title: row.get(4)?,
                        publisher: row.get(5)?,
                        published: row.get(6)?,
                        url: row.get(7)?,
                    },
                    ingested_at: row.get(8)?,
                    size: row.get::<_, i64>(9)? as u64,
                    text_len: row.get::<_, i64>(10)? as usize,
                })
            })
            .db("list sources")?;
        rows.collect::<rusqlite::Result<_>>().db("list sources")
    }

    fn unindexed_sources(&self, limit: usize) -> Result<Vec<Source>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SOURCE_COLUMNS} FROM sources WHERE indexed = 0 LIMIT ?1"
            ))
            .db("read unindexed sources")?;
        let rows = stmt
            .query_map([limit as i64], source_from_row)
            .db("read unindexed sources")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("read unindexed sources")
    }

    fn mark_indexed(&mut self, ids: &[SourceId]) -> Result<()> {
        // Index bookkeeping is derived state, not evidence: no audit entry.
        self.write(|tx| {
            let mut stmt = tx
                .prepare_cached("UPDATE sources SET indexed = 1 WHERE id = ?1")
                .db("mark sources indexed")?;
            for id in ids {
                stmt.execute([&id.0]).db("mark sources indexed")?;
            }
            Ok(())
        })
    }

    fn mark_all_unindexed(&mut self) -> Result<()> {
        self.conn
            .execute("UPDATE sources SET indexed = 0", [])
            .db("mark sources unindexed")?;
        Ok(())
    }

    fn put_entity(&mut self, entity: &Entity, actor: &str) -> Result<()> {
        check_entity(entity)?;
        self.write(|tx| put_entity_in(tx, entity, actor))
    }

    fn entity(&self, id: &EntityId) -> Result<Option<Entity>> {
        self.conn
            .query_row(
                "SELECT id, kind, caption FROM entities WHERE id = ?1",
                [&id.0],
                entity_from_row,
            )
            .optional()
            .db("read an entity")
    }

    fn entities(&self, kind: Option<EntityKind>) -> Result<Vec<Entity>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, kind, caption FROM entities WHERE ?1 IS NULL OR kind = ?1 ORDER BY id",
            )
            .db("list entities")?;
        let rows = stmt
            .query_map([kind.map(|k| k.as_str())], entity_from_row)
            .db("list entities")?;
        rows.collect::<rusqlite::Result<_>>().db("list entities")
    }

    fn add_statements(
        &mut self,
        statements: &[Statement],
        actor: &str,
    ) -> Result<Vec<StatementId>> {
        check_statements(statements)?;
        self.write(|tx| insert_statements_in(tx, statements, actor))
    }

    fn set_statement_status(
        &mut self,
        id: StatementId,
        status: Status,
        reason: &str,
        actor: &str,
    ) -> Result<()> {
        self.write(|tx| {
            let old: Option<String> = tx
                .query_row("SELECT status FROM statements WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .optional()
                .db("read a statement")?;
            let Some(old) = old else {
                return Err(StoreError::NotFound {
                    what: "statement",
                    id: id.to_string(),
                });
            };
            tx.execute(
                "UPDATE statements SET status = ?2 WHERE id = ?1",
                params![id.0, status.as_str()],
            )
            .db("change a statement's status")?;
            append_audit_in(tx, status_record(id, &old, status, reason, actor))?;
            Ok(())
        })
    }

    fn add_judgement(
        &mut self,
        entities: &[Entity],
        statements: &[Statement],
        record: &dyn Fn(&[StatementId]) -> AuditRecord,
        actor: &str,
    ) -> Result<Vec<StatementId>> {
        check_findings(entities, statements)?;
        self.write(|tx| {
            for entity in entities {
                put_entity_in(tx, entity, actor)?;
            }
            let ids = insert_statements_in(tx, statements, actor)?;
            let record = record(&ids);
            check_audit_record(&record)?;
            append_audit_in(tx, record)?;
            Ok(ids)
        })
    }

    fn statements(&self, filter: &StatementFilter) -> Result<Vec<Statement>> {
        let conditions = statement_conditions(filter);
        let mut sql = String::from(
            "SELECT id, entity_id, property, value, source_id, span_start, span_end, quote,
                    origin, confidence, status
             FROM statements WHERE 1",
        );
        for (n, condition) in conditions.iter().enumerate() {
            sql.push_str(" AND ");
            sql.push_str(&condition.sql.replace("{}", &format!("?{}", n + 1)));
        }
        sql.push_str(" ORDER BY id");
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .db("prepare a statement query")?;
        let values = rusqlite::params_from_iter(conditions.iter().map(|c| c.value));
        let rows = stmt
            .query_map(values, statement_from_row)
            .db("read statements")?;
        rows.collect::<rusqlite::Result<_>>().db("read statements")
    }

    fn statements_about(&self, entities: &[EntityId]) -> Result<Vec<Statement>> {
        let ids: Vec<&str> = entities.iter().map(|e| e.0.as_str()).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| StoreError::Invalid {
            what: "entity ids",
            reason: e.to_string(),
        })?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, entity_id, property, value, source_id, span_start, span_end, quote,
                        origin, confidence, status
                 FROM statements WHERE entity_id IN (SELECT value FROM json_each(?1))
                 ORDER BY id",
            )
            .db("prepare a statement query")?;
        let rows = stmt
            .query_map([ids], statement_from_row)
            .db("read statements")?;
        rows.collect::<rusqlite::Result<_>>().db("read statements")
    }

    fn statements_about_page(
        &self,
        entities: &[EntityId],
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Statement>, u64)> {
        let ids: Vec<&str> = entities.iter().map(|e| e.0.as_str()).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| StoreError::Invalid {
            what: "entity ids",
            reason: e.to_string(),
        })?;
        let total: i64 = self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FROM statements
                 WHERE entity_id IN (SELECT value FROM json_each(?1))",
            )
            .and_then(|mut stmt| stmt.query_row([&ids], |r| r.get(0)))
            .db("count statements")?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.entity_id, s.property, s.value, s.source_id, s.span_start,
                        s.span_end, s.quote, s.origin, s.confidence, s.status
                 FROM json_each(?1) AS m JOIN statements AS s ON s.entity_id = m.value
                 ORDER BY m.key, s.id LIMIT ?2 OFFSET ?3",
            )
            .db("prepare a statement query")?;
        let (limit, offset) = (sql_count(limit), sql_count(offset));
        let rows = stmt
            .query_map(params![ids, limit, offset], statement_from_row)
            .db("read statements")?;
        let page = rows
            .collect::<rusqlite::Result<_>>()
            .db("read statements")?;
        Ok((page, u64::try_from(total).unwrap_or(0)))
    }

    fn statement(&self, id: StatementId) -> Result<Option<Statement>> {
        self.conn
            .prepare_cached(
                "SELECT id, entity_id, property, value, source_id, span_start, span_end, quote,
                        origin, confidence, status
                 FROM statements WHERE id = ?1",
            )
            .and_then(|mut stmt| stmt.query_row([id.0], statement_from_row).optional())
            .db("read a statement")
    }

    fn add_registry(&mut self, registry: &RegistryInfo, actor: &str) -> Result<()> {
        check_registry(registry)?;
        self.write(|tx| {
            let added = tx
                .execute(
                    "INSERT OR IGNORE INTO registries (name, blob, map, original_path, records,
                    row_errors, imported_at, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        registry.name,
                        registry.blob,
                        registry.map,
                        registry.original_path,
                        registry.records as i64,
                        registry.row_errors as i64,
                        registry.imported_at,
                        registry.imported_by
                    ],
                )
                .db("add a registry")?;
            if added == 0 {
                return Err(duplicate_registry(&registry.name));
            }
            append_audit_in(tx, registry_record(registry, actor))?;
            Ok(())
        })
    }

    fn registry(&self, name: &str) -> Result<Option<RegistryInfo>> {
        self.conn
            .query_row(
                &format!("SELECT {REGISTRY_COLUMNS} FROM registries WHERE name = ?1"),
                [name],
                registry_from_row,
            )
            .optional()
            .db("read a registry")
    }

    fn registries(&self) -> Result<Vec<RegistryInfo>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {REGISTRY_COLUMNS} FROM registries ORDER BY imported_at, name"
            ))
            .db("list registries")?;
        let rows = stmt
            .query_map([], registry_from_row)
            .db("list registries")?;
        rows.collect::<rusqlite::Result<_>>().db("list registries")
    }

    fn append_registry(&mut self, append: &RegistryAppend, actor: &str) -> Result<u32> {
        check_append(append)?;
        self.write(|tx| {
            let known: bool = tx
                .query_row(
                    "SELECT EXISTS(SELECT 1 FROM registries WHERE name = ?1)",
                    [&append.registry],
                    |r| r.get(0),
                )
                .db("append to a registry")?;
            if !known {
                return Err(unknown_registry(&append.registry));
            }
            let part: i64 = tx
                .query_row(
                    "SELECT COALESCE(MAX(part), 0) + 1 FROM registry_appends WHERE registry = ?1",
                    [&append.registry],
                    |r| r.get(0),
                )
                .db("append to a registry")?;
            tx.execute(
                "INSERT INTO registry_appends (registry, part, blob, original_path, records,
                     row_errors, added_at, added_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    append.registry,
                    part,
                    append.blob,
                    append.original_path,
                    append.records as i64,
                    append.row_errors as i64,
                    append.added_at,
                    append.added_by
                ],
            )
            .db("append to a registry")?;
            let part = part as u32;
            append_audit_in(tx, append_record(append, part, actor))?;
            Ok(part)
        })
    }

    fn registry_appends(&self, name: &str) -> Result<Vec<RegistryAppend>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT registry, part, blob, original_path, records, row_errors, added_at, added_by
                 FROM registry_appends WHERE registry = ?1 ORDER BY part",
            )
            .db("list a registry's appends")?;
        let rows = stmt
            .query_map([name], |r| {
                Ok(RegistryAppend {
                    registry: r.get(0)?,
                    part: r.get::<_, i64>(1)? as u32,
                    blob: r.get(2)?,
                    original_path: r.get(3)?,
                    records: r.get::<_, i64>(4)? as u64,
                    row_errors: r.get::<_, i64>(5)? as u64,
                    added_at: r.get(6)?,
                    added_by: r.get(7)?,
                })
            })
            .db("list a registry's appends")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("list a registry's appends")
    }

    fn live_cluster_members(&self, scope: &str) -> Result<Vec<(i64, ClusterMember)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.cluster_id, m.registry, m.record
                 FROM linkage_clusters c JOIN linkage_members m ON m.cluster_id = c.id
                 WHERE c.scope = ?1 AND c.retired_run IS NULL
                 ORDER BY m.cluster_id",
            )
            .db("read the live clusters")?;
        let rows = stmt
            .query_map([scope], |r| {
                Ok((
                    r.get(0)?,
                    ClusterMember {
                        registry: r.get(1)?,
                        record: r.get(2)?,
                    },
                ))
            })
            .db("read the live clusters")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("read the live clusters")
    }

    fn linkage_cluster(&self, id: i64) -> Result<Option<LinkageCluster>> {
        let what = "read a cluster";
        let Some((scope, origin, created_run, retired_run)) = self
            .conn
            .query_row(
                "SELECT scope, origin, created_run, retired_run FROM linkage_clusters WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        parse_col::<ClusterOrigin>(r, 1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                    ))
                },
            )
            .optional()
            .db(what)?
        else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT registry, record, since_run FROM linkage_members
                 WHERE cluster_id = ?1 ORDER BY registry, record",
            )
            .db(what)?;
        let members = stmt
            .query_map([id], |r| {
                Ok(ClusterMemberSince {
                    member: ClusterMember {
                        registry: r.get(0)?,
                        record: r.get(1)?,
                    },
                    since_run: r.get(2)?,
                })
            })
            .db(what)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .db(what)?;
        let mut stmt = self
            .conn
            .prepare("SELECT parent FROM linkage_lineage WHERE child = ?1 ORDER BY parent")
            .db(what)?;
        let parents = stmt
            .query_map([id], |r| r.get(0))
            .db(what)?
            .collect::<rusqlite::Result<Vec<i64>>>()
            .db(what)?;
        Ok(Some(LinkageCluster {
            id,
            scope,
            origin,
            parents,
            created_run,
            retired_run,
            members,
        }))
    }

    fn cluster_children(&self, id: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT child FROM linkage_lineage WHERE parent = ?1 ORDER BY child")
            .db("read a cluster's children")?;
        let rows = stmt
            .query_map([id], |r| r.get(0))
            .db("read a cluster's children")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("read a cluster's children")
    }

    fn linkage_run(&self, id: i64) -> Result<Option<LinkageRun>> {
        self.conn
            .query_row(
                "SELECT id, scope, time, actor, records, threshold FROM linkage_runs WHERE id = ?1",
                [id],
                |r| {
                    Ok(LinkageRun {
                        id: r.get(0)?,
                        scope: r.get(1)?,
                        time: r.get(2)?,
                        actor: r.get(3)?,
                        records: r.get::<_, i64>(4)? as u64,
                        threshold: r.get(5)?,
                    })
                },
            )
            .optional()
            .db("read a linkage run")
    }

    fn linkage_model(&self, scope: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT model FROM linkage_runs WHERE scope = ?1 AND model IS NOT NULL
                 ORDER BY id DESC LIMIT 1",
                [scope],
                |r| r.get(0),
            )
            .optional()
            .db("read a linkage model")
    }

    fn linkage_pairs(&self, scope: &str) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row(
                "SELECT pairs FROM linkage_pairs WHERE scope = ?1",
                [scope],
                |r| r.get(0),
            )
            .optional()
            .db("read the kept pairs of a linkage")
    }

    fn kept_run_clusters(&self, scope: &str) -> Result<Vec<i64>> {
        // The run's clusters are all live (only a later run retires them,
        // and that run replaces the kept pairs): the live index serves.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.id FROM linkage_clusters c
                 WHERE c.scope = ?1 AND c.retired_run IS NULL
                   AND c.created_run = (SELECT run FROM linkage_pairs WHERE scope = ?1)
                 ORDER BY c.id",
            )
            .db("read the clusters of the kept run")?;
        let rows = stmt
            .query_map([scope], |r| r.get(0))
            .db("read the clusters of the kept run")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("read the clusters of the kept run")
    }

    fn save_clusters(&mut self, changes: &ClusterChanges, actor: &str) -> Result<SavedRun> {
        check_cluster_changes(changes)?;
        let what = "store the clusters of a linkage run";
        self.write(|tx| {
            tx.execute(
                "INSERT INTO linkage_runs (scope, time, actor, records, threshold, model)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    changes.scope,
                    now_rfc3339(),
                    actor,
                    changes.records as i64,
                    changes.threshold,
                    changes.model
                ],
            )
            .db(what)?;
            let run = tx.last_insert_rowid();
            match &changes.pairs {
                Some(pairs) => tx.execute(
                    "INSERT INTO linkage_pairs (scope, run, pairs) VALUES (?1, ?2, ?3)
                     ON CONFLICT (scope) DO UPDATE SET run = excluded.run, pairs = excluded.pairs",
                    params![changes.scope, run, pairs],
                ),
                None => tx.execute(
                    "DELETE FROM linkage_pairs WHERE scope = ?1",
                    [&changes.scope],
                ),
            }
            .db(what)?;
            let mut retire = tx
                .prepare_cached(
                    "UPDATE linkage_clusters SET retired_run = ?1
                     WHERE id = ?2 AND scope = ?3 AND retired_run IS NULL",
                )
                .db(what)?;
            for &id in &changes.retired {
                if retire.execute(params![run, id, changes.scope]).db(what)? == 0 {
                    return Err(not_live_cluster(id));
                }
            }
            let mut live = tx
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM linkage_clusters
                     WHERE id = ?1 AND scope = ?2 AND retired_run IS NULL)",
                )
                .db(what)?;
            let mut member = tx
                .prepare_cached(
                    "INSERT INTO linkage_members (cluster_id, registry, record, since_run)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                )
                .db(what)?;
            for (id, members) in &changes.grown {
                let is_live: bool = live
                    .query_row(params![id, changes.scope], |r| r.get(0))
                    .db(what)?;
                if !is_live {
                    return Err(not_live_cluster(*id));
                }
                for m in members {
                    member
                        .execute(params![id, m.registry, m.record, run])
                        .db(what)?;
                }
            }
            let mut cluster = tx
                .prepare_cached(
                    "INSERT INTO linkage_clusters (scope, origin, created_run) VALUES (?1, ?2, ?3)",
                )
                .db(what)?;
            let mut lineage = tx
                .prepare_cached("INSERT INTO linkage_lineage (child, parent) VALUES (?1, ?2)")
                .db(what)?;
            let mut created = Vec::with_capacity(changes.created.len());
            for c in &changes.created {
                cluster
                    .execute(params![changes.scope, c.origin.as_str(), run])
                    .db(what)?;
                let id = tx.last_insert_rowid();
                for m in &c.members {
                    member
                        .execute(params![id, m.registry, m.record, run])
                        .db(what)?;
                }
                for parent in &c.parents {
                    lineage.execute(params![id, parent]).db(what)?;
                }
                created.push(id);
            }
            append_audit_in(tx, linkage_record(changes, run, &created, actor))?;
            Ok(SavedRun { run, created })
        })
    }

    fn statement_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM statements", [], |r| r.get(0))
            .db("count statements")?;
        Ok(n as u64)
    }

    fn statement_status_counts(&self) -> Result<Vec<(Status, u64)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT status, COUNT(*) FROM statements GROUP BY status")
            .db("count statements")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((parse_col(row, 0)?, row.get::<_, i64>(1)? as u64))
            })
            .db("count statements")?;
        rows.collect::<rusqlite::Result<_>>().db("count statements")
    }

    fn create_case(&mut self, name: &str, description: &str, actor: &str) -> Result<Case> {
        check_case(name, description)?;
        self.write(|tx| {
            let created_at = now_rfc3339();
            let added = tx
                .execute(
                    "INSERT INTO cases (name, description, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO NOTHING",
                    params![name, description, created_at],
                )
                .db("add a registry")?;
            if added == 0 {
                return Err(duplicate_case(name));
            }
            let id = CaseId(tx.last_insert_rowid());
            append_audit_in(tx, case_record(id, name, actor))?;
            Ok(Case {
                id,
                name: name.to_string(),
                description: description.to_string(),
                created_at,
            })
        })
    }

    fn cases(&self) -> Result<Vec<Case>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, description, created_at FROM cases ORDER BY id")
            .db("list cases")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Case {
                    id: CaseId(r.get(0)?),
                    name: r.get(1)?,
                    description: r.get(2)?,
                    created_at: r.get(3)?,
                })
            })
            .db("list cases")?;
        rows.collect::<rusqlite::Result<_>>().db("list cases")
    }

    fn add_case_items(
        &mut self,
        case: CaseId,
        items: &[CaseItem],
        actor: &str,
    ) -> Result<Vec<CaseItem>> {
        self.write(|tx| {
            check_case_items(tx, case, items)?;
            let mut added = Vec::new();
            for item in items {
                let (kind, id) = case_item_key(item);
                let inserted = tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO case_items (case_id, kind, item) VALUES (?1, ?2, ?3)",
                    )
                    .and_then(|mut stmt| stmt.execute(params![case.0, kind, id]))
                    .db("add an item to a case")?;
                if inserted > 0 {
                    append_audit_in(tx, case_item_record("case.add", case, item, actor))?;
                    added.push(item.clone());
                }
            }
            Ok(added)
        })
    }

    fn remove_case_items(
        &mut self,
        case: CaseId,
        items: &[CaseItem],
        actor: &str,
    ) -> Result<Vec<CaseItem>> {
        self.write(|tx| {
            let mut removed = Vec::new();
            for item in items {
                let (kind, id) = case_item_key(item);
                let deleted = tx
                    .prepare_cached(
                        "DELETE FROM case_items WHERE case_id = ?1 AND kind = ?2 AND item = ?3",
                    )
                    .and_then(|mut stmt| stmt.execute(params![case.0, kind, id]))
                    .db("remove an item from a case")?;
                if deleted > 0 {
                    append_audit_in(tx, case_item_record("case.remove", case, item, actor))?;
                    removed.push(item.clone());
                }
            }
            Ok(removed)
        })
    }

    fn case_items(&self, case: CaseId) -> Result<Vec<CaseItem>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT kind, item FROM case_items WHERE case_id = ?1
                 ORDER BY CASE kind WHEN 'source' THEN 0 WHEN 'entity' THEN 1 ELSE 2 END,
                          CASE kind WHEN 'statement' THEN CAST(item AS INTEGER) END, item",
            )
            .db("list a case's items")?;
        let rows = stmt
            .query_map([case.0], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .db("list a case's items")?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, item) = row.db("list a case's items")?;
            out.push(case_item_from_stored(&kind, item)?);
        }
        Ok(out)
    }

    fn append_audit(&mut self, record: AuditRecord) -> Result<AuditEntry> {
        check_audit_record(&record)?;
        self.write(|tx| append_audit_in(tx, record))
    }

    fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, time, actor, action, objects, detail, prev_hash, hash FROM audit ORDER BY seq",
        ).db("read the audit log")?;
        let rows = stmt
            .query_map([], audit_from_row)
            .db("read the audit log")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("read the audit log")
    }

    fn audit_page(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>> {
        let before = query
            .before
            .map_or(i64::MAX, |b| i64::try_from(b).unwrap_or(i64::MAX));
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, time, actor, action, objects, detail, prev_hash, hash FROM audit
                 WHERE seq < ?1
                   AND (?2 IS NULL OR action = ?2 OR substr(action, 1, length(?3)) = ?3)
                   AND (?4 IS NULL OR actor = ?4)
                 ORDER BY seq DESC LIMIT ?5",
            )
            .db("read the audit log")?;
        let rows = stmt
            .query_map(
                params![
                    before,
                    query.action,
                    query.action_prefix(),
                    query.actor,
                    query.limit as i64
                ],
                audit_from_row,
            )
            .db("read the audit log")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("read the audit log")
    }

    fn audit_head(&self) -> Result<u64> {
        read_head(&self.conn)
    }
}

/// One row of `SELECT seq, time, actor, action, objects, detail, prev_hash,
/// hash FROM audit`.
fn audit_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get::<_, i64>(0)? as u64,
        record: AuditRecord {
            time: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            objects: parse_objects(r.get(4)?),
            detail: r.get(5)?,
        },
        prev_hash: r.get(6)?,
        hash: r.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_case_sources_become_case_items() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        {
            let mut store = SqliteStore::open(&path).unwrap();
            store.create_case("old", "", "t").unwrap();
            // Back to the version 1 layout, as an older casefile left it.
            store
                .conn
                .execute_batch(
                    "DROP TABLE case_items;
                     CREATE TABLE case_sources (case_id INTEGER, source_id TEXT,
                         PRIMARY KEY (case_id, source_id)) WITHOUT ROWID;
                     INSERT INTO case_sources VALUES (1, 'abcd');
                     UPDATE meta SET value = '1' WHERE key = 'schema_version';",
                )
                .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(
            store.case_items(CaseId(1)).unwrap(),
            [CaseItem::Source(SourceId("abcd".into()))]
        );
        let version: String = store
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION.to_string());
        let old_table: bool = store
            .conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE name = 'case_sources')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!old_table);
    }
}
