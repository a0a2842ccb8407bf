//! The team [`Store`]: PostgreSQL. All of casefile's PostgreSQL SQL lives
//! here and in the numbered migrations under `migrations/postgres/`.
//!
//! Client: `tokio-postgres` pooled by `deadpool-postgres`, driven through a
//! small owned runtime ([`crate::runtime`]) because the [`Store`] trait is
//! sync. The pool lets many request threads read at once through `&self`,
//! and its per-connection statement cache saves the parse round trip that a
//! sync client without one pays on every query. [`PgStore`] is a cheap
//! handle: clones share the pool.
//!
//! Writers take turns: every write transaction first locks the one row of
//! `audit_head` (`SELECT … FOR UPDATE`), then reads the end of the log in a
//! fresh statement (in READ COMMITTED each statement sees what was committed
//! before it started, so it sees the previous writer's entries). Audit
//! positions, statement ids and commit order therefore agree, as with
//! SQLite's single writer, and two servers appending at once still form one
//! chain. Reads take no lock.
//!
//! Errors become [`StoreError::Postgres`] with the server's message and
//! SQLSTATE only: never the query, and never the `detail` of a constraint
//! error, which quotes the row's values.

use crate::records::{
    case_record, case_source_record, check_audit_record, check_case, check_entity, check_registry,
    check_source, check_statements, duplicate_case, duplicate_registry, entity_record,
    ingest_record, objects_json, parse_objects, registry_record, statement_conditions,
    statements_record, status_record,
};
use crate::runtime::BlockingRuntime;
use crate::store::{Inserted, NewSource, Store};
use crate::{now_rfc3339, Result, StoreError};
use casefile_core::audit::GENESIS_HASH;
use casefile_core::{
    AuditEntry, AuditRecord, Case, CaseId, Custody, Entity, EntityId, EntityKind, MediaType,
    RegistryInfo, Source, SourceId, SourceKind, SourceMeta, SourceSummary, Span, Statement,
    StatementFilter, StatementId, Status,
};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::types::ToSql;
use tokio_postgres::{NoTls, Row};

/// One migration: applied once, in its own transaction, and recorded in
/// `schema_migrations` with the SHA-256 of its text.
struct Migration {
    version: i32,
    name: &'static str,
    sql: &'static str,
}

/// Every migration in order. A new one is a new numbered file here; an
/// applied one is never edited (its checksum is checked at every connect).
const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "0001_initial.sql",
    sql: include_str!("../migrations/postgres/0001_initial.sql"),
}];

/// The schema version this build creates and understands.
pub const PG_SCHEMA_VERSION: i32 = 1;

const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)";

/// First key of the advisory lock that serialises migrations ("case").
const MIGRATION_LOCK: i32 = 0x6361_7365;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How to connect beyond the URL.
#[derive(Debug, Clone)]
pub struct PgOptions {
    /// Keep the project's tables in this schema (created if absent) instead
    /// of the connection's default search path: one database can then hold
    /// several projects, or a test its own throwaway copy. Lowercase ASCII
    /// letters, digits and `_`, not starting with a digit.
    pub schema: Option<String>,
    /// At most this many connections are open at once.
    pub pool_size: usize,
}

impl Default for PgOptions {
    fn default() -> Self {
        PgOptions {
            schema: None,
            pool_size: 8,
        }
    }
}

/// A [`Store`] on a PostgreSQL database. Clones share one connection pool.
#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
    runtime: Arc<BlockingRuntime>,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").finish_non_exhaustive()
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        StoreError::Postgres(describe(&e))
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        StoreError::Postgres(describe_pool_error(e))
    }
}

fn describe_pool_error(e: deadpool_postgres::PoolError) -> String {
    match e {
        deadpool_postgres::PoolError::Backend(e) => describe(&e),
        other => format!("connection pool: {other}"),
    }
}

/// The server's message and SQLSTATE, or the client's own error: never the
/// query and never a constraint error's detail (it quotes the row's values).
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} (SQLSTATE {})", db.message(), db.code().code()),
        None => e.to_string(),
    }
}

/// `host:port/dbname` of a configuration, for messages (never the password).
fn describe_target(config: &tokio_postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
        #[cfg(unix)]
        Some(tokio_postgres::config::Host::Unix(path)) => path.display().to_string(),
        None => "localhost".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let dbname = config.get_dbname().unwrap_or("(default database)");
    format!("{host}:{port}/{dbname}")
}

fn check_schema_name(schema: &str) -> Result<()> {
    let valid = !schema.is_empty()
        && schema.len() <= 63
        && !schema.starts_with(|c: char| c.is_ascii_digit())
        && schema
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            what: "schema name",
            reason: format!(
                "{schema:?} must be 1 to 63 lowercase ASCII letters, digits or '_', not starting with a digit"
            ),
        })
    }
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user[:password]@host[:port]/db`
    /// or `key=value` form) and brings its schema up to date.
    pub fn connect(url: &str) -> Result<PgStore> {
        PgStore::connect_with(url, &PgOptions::default())
    }

    /// [`PgStore::connect`] with a schema of its own and a pool size.
    pub fn connect_with(url: &str, options: &PgOptions) -> Result<PgStore> {
        let mut config =
            tokio_postgres::Config::from_str(url).map_err(|e| StoreError::Invalid {
                what: "database URL",
                reason: e.to_string(),
            })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if let Some(schema) = &options.schema {
            check_schema_name(schema)?;
            config.options(format!("-c search_path={schema}"));
        }
        let target = describe_target(&config);
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(options.pool_size.max(1))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .create_timeout(Some(CONNECT_TIMEOUT))
            .build()
            .map_err(|e| StoreError::Postgres(format!("connection pool: {e}")))?;
        let store = PgStore {
            pool,
            runtime: Arc::new(BlockingRuntime::new("casefile-postgres")?),
        };
        store.runtime.block_on(async {
            let mut client = store.pool.get().await.map_err(|e| {
                StoreError::Postgres(format!(
                    "cannot connect to {target}: {}",
                    describe_pool_error(e)
                ))
            })?;
            migrate(&mut client, options.schema.as_deref()).await
        })?;
        Ok(store)
    }

    /// The schema version recorded in the database.
    pub fn schema_version(&self) -> Result<i32> {
        self.runtime.block_on(async {
            let client = self.pool.get().await?;
            let row = client
                .query_one(
                    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                    &[],
                )
                .await?;
            Ok(row.try_get(0)?)
        })
    }

    /// Runs SQL as it is, for tests that must tamper with the tables the way
    /// an attacker with database access would.
    #[doc(hidden)]
    pub fn execute_unchecked(&self, sql: &str) -> Result<()> {
        self.runtime.block_on(async {
            let client = self.pool.get().await?;
            client.batch_execute(sql).await?;
            Ok(())
        })
    }

    async fn client(&self) -> Result<Object> {
        Ok(self.pool.get().await?)
    }
}

/// Applies every migration the database lacks. An advisory lock keyed by the
/// schema makes servers that start together apply each exactly once.
async fn migrate(client: &mut Object, schema: Option<&str>) -> Result<()> {
    let lock_key = schema.unwrap_or("");
    let applied: Vec<(i32, String)> = {
        let tx = client.transaction().await?;
        lock_migrations(&tx, lock_key).await?;
        if let Some(schema) = schema {
            // The name was checked by `check_schema_name`: safe to quote.
            tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\""))
                .await?;
        }
        tx.batch_execute(MIGRATIONS_TABLE).await?;
        let rows = tx
            .query("SELECT version, sha256 FROM schema_migrations", &[])
            .await?;
        tx.commit().await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect::<Result<_>>()?
    };
    for (version, sha) in &applied {
        match MIGRATIONS.iter().find(|m| m.version == *version) {
            None => {
                return Err(StoreError::UnsupportedVersion {
                    found: (*version).max(0) as u32,
                    supported: PG_SCHEMA_VERSION as u32,
                })
            }
            Some(m) if &casefile_core::sha256_hex(m.sql.as_bytes()) != sha => {
                return Err(StoreError::Corrupt {
                    what: format!("schema_migrations version {version}"),
                    reason: format!(
                        "the database applied a different {} than this build ships",
                        m.name
                    ),
                })
            }
            Some(_) => {}
        }
    }
    for migration in MIGRATIONS {
        if applied.iter().any(|(v, _)| *v == migration.version) {
            continue;
        }
        let tx = client.transaction().await?;
        lock_migrations(&tx, lock_key).await?;
        // Another server may have applied it while this one waited.
        let done = tx
            .query_opt(
                "SELECT 1 FROM schema_migrations WHERE version = $1",
                &[&migration.version],
            )
            .await?;
        if done.is_none() {
            tx.batch_execute(migration.sql).await?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)",
                &[
                    &migration.version,
                    &migration.name,
                    &casefile_core::sha256_hex(migration.sql.as_bytes()),
                ],
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

async fn lock_migrations(tx: &Transaction<'_>, key: &str) -> Result<()> {
    tx.execute(
        "SELECT pg_advisory_xact_lock($1, hashtext($2))",
        &[&MIGRATION_LOCK, &key],
    )
    .await?;
    Ok(())
}

/// A write transaction holding the audit head's lock, with the end of the
/// log it appends to.
struct Writer<'a> {
    tx: Transaction<'a>,
    /// Position and hash of the last entry in the log.
    last: Option<(u64, String)>,
    /// The recorded head: the last position ever appended.
    head: u64,
}

impl<'a> Writer<'a> {
    async fn begin(client: &'a mut Object) -> Result<Writer<'a>> {
        let tx = client.transaction().await?;
        let head_row = tx
            .query_one(
                &tx.prepare_cached("SELECT seq FROM audit_head FOR UPDATE")
                    .await?,
                &[],
            )
            .await?;
        let head: i64 = head_row.try_get(0)?;
        // A statement of its own, started after the lock was granted: one
        // joined to the locking query would see the log as it was before
        // waiting, and chain to an entry that is no longer the last.
        let last = tx
            .query_opt(
                &tx.prepare_cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
                    .await?,
                &[],
            )
            .await?;
        let last = match last {
            Some(row) => Some((row.try_get::<_, i64>(0)? as u64, row.try_get(1)?)),
            None => None,
        };
        Ok(Writer {
            tx,
            last,
            head: head as u64,
        })
    }

    /// Chains `record` after the last entry (in memory; [`write_entry`]
    /// stores it). Positions once written are never reused, even after the
    /// tail was removed: the gap stays visible to `verify`.
    fn chain(&mut self, record: AuditRecord) -> AuditEntry {
        let (last_seq, prev_hash) = match &self.last {
            Some((seq, hash)) => (*seq, hash.as_str()),
            None => (0, GENESIS_HASH),
        };
        let seq = last_seq.max(self.head) + 1;
        let entry = AuditEntry::chain(seq, record, prev_hash);
        self.head = seq;
        self.last = Some((seq, entry.hash.clone()));
        entry
    }

    /// Appends `record` to the log and moves the head.
    async fn audit(&mut self, record: AuditRecord) -> Result<AuditEntry> {
        let entry = self.chain(record);
        write_entry(&self.tx, &entry).await?;
        Ok(entry)
    }

    async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// Stores a chained entry and moves the head to it. Entries sent on one
/// connection are applied in the order sent, even when pipelined.
async fn write_entry(tx: &Transaction<'_>, entry: &AuditEntry) -> Result<()> {
    let objects = objects_json(&entry.record.objects)?;
    let statement = tx
        .prepare_cached(
            "WITH appended AS (
                INSERT INTO audit (seq, time, actor, action, objects, detail, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8))
             UPDATE audit_head SET seq = $1",
        )
        .await?;
    tx.execute(
        &statement,
        &[
            &(entry.seq as i64),
            &entry.record.time,
            &entry.record.actor,
            &entry.record.action,
            &objects,
            &entry.record.detail,
            &entry.prev_hash,
            &entry.hash,
        ],
    )
    .await?;
    Ok(())
}

fn parse_col<T: FromStr<Err = casefile_core::ParseError>>(row: &Row, idx: usize) -> Result<T> {
    let text: &str = row.try_get(idx)?;
    text.parse()
        .map_err(|e: casefile_core::ParseError| StoreError::Corrupt {
            what: format!(
                "column {}",
                row.columns().get(idx).map_or("?", |c| c.name())
            ),
            reason: e.to_string(),
        })
}

const SOURCE_COLUMNS: &str =
    "id, kind, media_type, encoding, language, title, publisher, published, url,
     original_path, ingested_at, ingested_by, tool, size, text";

fn source_from_row(row: &Row) -> Result<Source> {
    let id: String = row.try_get(0)?;
    let size: i64 = row.try_get(13)?;
    Ok(Source {
        id: SourceId(id.clone()),
        kind: parse_col::<SourceKind>(row, 1)?,
        media_type: parse_col::<MediaType>(row, 2)?,
        encoding: row.try_get(3)?,
        language: row.try_get(4)?,
        meta: SourceMeta {
            title: row.try_get(5)?,
            publisher: row.try_get(6)?,
            published: row.try_get(7)?,
            url: row.try_get(8)?,
        },
        custody: Custody {
            original_path: row.try_get(9)?,
            ingested_at: row.try_get(10)?,
            ingested_by: row.try_get(11)?,
            tool: row.try_get(12)?,
            size: size as u64,
            sha256: id,
        },
        text: row.try_get(14)?,
    })
}

const STATEMENT_COLUMNS: &str = "id, entity_id, property, value, source_id, span_start, span_end,
     quote, origin, confidence, status";

fn statement_from_row(row: &Row) -> Result<Statement> {
    let start: Option<i64> = row.try_get(5)?;
    let end: Option<i64> = row.try_get(6)?;
    let quote: Option<String> = row.try_get(7)?;
    let span = match (start, end, quote) {
        (Some(s), Some(e), Some(q)) => Some(Span {
            start: s as usize,
            end: e as usize,
            quote: q,
        }),
        _ => None,
    };
    Ok(Statement {
        id: Some(StatementId(row.try_get(0)?)),
        entity: EntityId(row.try_get(1)?),
        property: row.try_get(2)?,
        value: row.try_get(3)?,
        source: row.try_get::<_, Option<String>>(4)?.map(SourceId),
        span,
        origin: parse_col(row, 8)?,
        confidence: row.try_get(9)?,
        status: parse_col(row, 10)?,
    })
}

const REGISTRY_COLUMNS: &str =
    "name, blob, map, original_path, records, row_errors, imported_at, imported_by";

fn registry_from_row(row: &Row) -> Result<RegistryInfo> {
    Ok(RegistryInfo {
        name: row.try_get(0)?,
        blob: row.try_get(1)?,
        map: row.try_get(2)?,
        original_path: row.try_get(3)?,
        records: row.try_get::<_, i64>(4)? as u64,
        row_errors: row.try_get::<_, i64>(5)? as u64,
        imported_at: row.try_get(6)?,
        imported_by: row.try_get(7)?,
    })
}

fn entity_from_row(row: &Row) -> Result<Entity> {
    Ok(Entity {
        id: EntityId(row.try_get(0)?),
        kind: parse_col(row, 1)?,
        caption: row.try_get(2)?,
    })
}

fn case_from_row(row: &Row) -> Result<Case> {
    Ok(Case {
        id: CaseId(row.try_get(0)?),
        name: row.try_get(1)?,
        description: row.try_get(2)?,
        created_at: row.try_get(3)?,
    })
}

/// Runs `query` (prepared once per connection) and converts every row.
async fn query_all<T>(
    client: &Object,
    query: &str,
    params: &[&(dyn ToSql + Sync)],
    convert: fn(&Row) -> Result<T>,
) -> Result<Vec<T>> {
    let statement = client.prepare_cached(query).await?;
    client
        .query(&statement, params)
        .await?
        .iter()
        .map(convert)
        .collect()
}

/// [`query_all`] for at most one row.
async fn query_opt<T>(
    client: &Object,
    query: &str,
    params: &[&(dyn ToSql + Sync)],
    convert: fn(&Row) -> Result<T>,
) -> Result<Option<T>> {
    let statement = client.prepare_cached(query).await?;
    match client.query_opt(&statement, params).await? {
        Some(row) => Ok(Some(convert(&row)?)),
        None => Ok(None),
    }
}

/// Creates the entities that do not exist yet, in one round trip.
async fn insert_entities(tx: &Transaction<'_>, entities: &[Entity], now: &str) -> Result<()> {
    if entities.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = entities.iter().map(|e| e.id.0.as_str()).collect();
    let kinds: Vec<&str> = entities.iter().map(|e| e.kind.as_str()).collect();
    let captions: Vec<&str> = entities.iter().map(|e| e.caption.as_str()).collect();
    let statement = tx
        .prepare_cached(
            "INSERT INTO entities (id, kind, caption, created_at)
             SELECT id, kind, caption, $4 FROM UNNEST($1::text[], $2::text[], $3::text[])
                 AS t(id, kind, caption)
             ON CONFLICT (id) DO NOTHING",
        )
        .await?;
    tx.execute(&statement, &[&ids, &kinds, &captions, &now])
        .await?;
    Ok(())
}

/// Ids for `count` new statements in increasing order, taken from the
/// sequence before the rows are inserted so that they follow the input order.
async fn next_statement_ids(tx: &Transaction<'_>, count: usize) -> Result<Vec<i64>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let next_ids = tx
        .prepare_cached(
            "SELECT nextval(pg_get_serial_sequence('statements', 'id'))
             FROM generate_series(1, $1::bigint)",
        )
        .await?;
    let mut ids: Vec<i64> = tx
        .query(&next_ids, &[&(count as i64)])
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<std::result::Result<_, _>>()?;
    ids.sort_unstable();
    Ok(ids)
}

/// Inserts `statements` and appends one audit entry naming their range.
async fn insert_statements(
    w: &mut Writer<'_>,
    statements: &[Statement],
    actor: &str,
) -> Result<Vec<StatementId>> {
    let ids = next_statement_ids(&w.tx, statements.len()).await?;
    insert_statements_with_ids(w, statements, ids, actor).await
}

/// Inserts `statements` under `ids` (from [`next_statement_ids`]) and their
/// audit entry, both sent at once (one round trip).
async fn insert_statements_with_ids(
    w: &mut Writer<'_>,
    statements: &[Statement],
    ids: Vec<i64>,
    actor: &str,
) -> Result<Vec<StatementId>> {
    if statements.is_empty() {
        return Ok(Vec::new());
    }
    let column = |f: fn(&Statement) -> &str| statements.iter().map(f).collect::<Vec<&str>>();
    let entity_ids = column(|s| &s.entity.0);
    let properties = column(|s| &s.property);
    let values = column(|s| &s.value);
    let origins = column(|s| s.origin.as_str());
    let statuses = column(|s| s.status.as_str());
    let sources: Vec<Option<&str>> = statements
        .iter()
        .map(|s| s.source.as_ref().map(|id| id.0.as_str()))
        .collect();
    let starts: Vec<Option<i64>> = statements
        .iter()
        .map(|s| s.span.as_ref().map(|sp| sp.start as i64))
        .collect();
    let ends: Vec<Option<i64>> = statements
        .iter()
        .map(|s| s.span.as_ref().map(|sp| sp.end as i64))
        .collect();
    let quotes: Vec<Option<&str>> = statements
        .iter()
        .map(|s| s.span.as_ref().map(|sp| sp.quote.as_str()))
        .collect();
    let confidences: Vec<f32> = statements.iter().map(|s| s.confidence).collect();
    let now = now_rfc3339();
    let typed_ids: Vec<StatementId> = ids.iter().copied().map(StatementId).collect();
    let entry = statements_record(statements, &typed_ids, actor).map(|r| w.chain(r));
    let tx = &w.tx;
    let rows = async {
        let insert = tx
            .prepare_cached(
                "INSERT INTO statements (id, entity_id, property, value, source_id, span_start,
                     span_end, quote, origin, confidence, status, created_at, created_by)
                 SELECT t.*, $12, $13 FROM UNNEST($1::bigint[], $2::text[], $3::text[],
                     $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[], $9::text[],
                     $10::real[], $11::text[]) AS t",
            )
            .await?;
        tx.execute(
            &insert,
            &[
                &ids,
                &entity_ids,
                &properties,
                &values,
                &sources,
                &starts,
                &ends,
                &quotes,
                &origins,
                &confidences,
                &statuses,
                &now,
                &actor,
            ],
        )
        .await?;
        Ok::<(), StoreError>(())
    };
    let audit = async {
        match &entry {
            Some(entry) => write_entry(tx, entry).await,
            None => Ok(()),
        }
    };
    futures_util::try_join!(rows, audit)?;
    Ok(typed_ids)
}

/// Inserts one source, its findings and their audit entries.
async fn insert_source(
    w: &mut Writer<'_>,
    source: &Source,
    entities: &[Entity],
    statements: &[Statement],
    actor: &str,
) -> Result<Inserted> {
    let c = &source.custody;
    let insert =
        w.tx.prepare_cached(&format!(
            "INSERT INTO sources ({SOURCE_COLUMNS}, indexed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, FALSE)
             ON CONFLICT (id) DO NOTHING"
        ))
        .await?;
    let size = c.size as i64;
    let added =
        w.tx.execute(
            &insert,
            &[
                &source.id.0,
                &source.kind.as_str(),
                &source.media_type.as_str(),
                &source.encoding,
                &source.language,
                &source.meta.title,
                &source.meta.publisher,
                &source.meta.published,
                &source.meta.url,
                &c.original_path,
                &c.ingested_at,
                &c.ingested_by,
                &c.tool,
                &size,
                &source.text,
            ],
        )
        .await?;
    if added == 0 {
        return Ok(Inserted::AlreadyPresent);
    }
    // Independent requests go out together: tokio-postgres pipelines
    // futures polled at once on one connection, saving round trips.
    let ingest = w.chain(ingest_record(source, actor));
    let (_, _, ids) = futures_util::try_join!(
        write_entry(&w.tx, &ingest),
        // Entities derived from a source are its own: their creation is
        // covered by the ingest and statement entries, not logged one by one.
        insert_entities(&w.tx, entities, &c.ingested_at),
        next_statement_ids(&w.tx, statements.len()),
    )?;
    insert_statements_with_ids(w, statements, ids, actor).await?;
    Ok(Inserted::New)
}

/// The id whose text starts with `prefix` in `table` (ids are hex).
async fn resolve_prefix(
    client: &Object,
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
    let upper = format!("{prefix}g"); // 'g' sorts after every hex digit
    let ids: Vec<String> = query_all(
        client,
        &format!("SELECT id FROM {table} WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 2"),
        &[&prefix, &upper],
        |r| Ok(r.try_get(0)?),
    )
    .await?;
    let mut ids = ids.into_iter();
    match (ids.next(), ids.next()) {
        (None, _) => Err(StoreError::NotFound { what, id: prefix }),
        (Some(id), None) => Ok(id),
        (Some(_), Some(_)) => {
            let count: i64 = client
                .query_one(
                    &client
                        .prepare_cached(&format!(
                            "SELECT COUNT(*) FROM {table} WHERE id >= $1 AND id < $2"
                        ))
                        .await?,
                    &[&prefix, &upper],
                )
                .await?
                .try_get(0)?;
            Err(StoreError::Ambiguous {
                what,
                id: prefix,
                count: count as usize,
            })
        }
    }
}

impl Store for PgStore {
    fn insert_sources(&mut self, batch: &[NewSource<'_>], actor: &str) -> Result<Vec<Inserted>> {
        for (source, entities, statements) in batch {
            check_source(source)?;
            for entity in *entities {
                check_entity(entity)?;
            }
            check_statements(statements)?;
        }
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let mut out = Vec::with_capacity(batch.len());
            for (source, entities, statements) in batch {
                out.push(insert_source(&mut w, source, entities, statements, actor).await?);
            }
            w.commit().await?;
            Ok(out)
        })
    }

    fn has_source(&self, id: &SourceId) -> Result<bool> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            let found = query_opt(
                &client,
                "SELECT 1 FROM sources WHERE id = $1",
                &[&id.0],
                |_| Ok(()),
            )
            .await?;
            Ok(found.is_some())
        })
    }

    fn source(&self, id_or_prefix: &str) -> Result<Source> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            let id = resolve_prefix(&client, "sources", "source", id_or_prefix).await?;
            query_opt(
                &client,
                &format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE id = $1"),
                &[&id],
                source_from_row,
            )
            .await?
            .ok_or(StoreError::NotFound { what: "source", id })
        })
    }

    fn sources(&self) -> Result<Vec<SourceSummary>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT id, kind, media_type, language, title, publisher, published, url,
                        ingested_at, size, octet_length(text)
                 FROM sources ORDER BY ingested_at, id",
                &[],
                |row| {
                    Ok(SourceSummary {
                        id: SourceId(row.try_get(0)?),
                        kind: parse_col(row, 1)?,
                        media_type: parse_col(row, 2)?,
                        language: row.try_get(3)?,
                        meta: SourceMeta {
                            title: row.try_get(4)?,
                            publisher: row.try_get(5)?,
                            published: row.try_get(6)?,
                            url: row.try_get(7)?,
                        },
                        ingested_at: row.try_get(8)?,
                        size: row.try_get::<_, i64>(9)? as u64,
                        text_len: row.try_get::<_, i32>(10)? as usize,
                    })
                },
            )
            .await
        })
    }

    fn unindexed_sources(&self, limit: usize) -> Result<Vec<Source>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                &format!(
                    "SELECT {SOURCE_COLUMNS} FROM sources WHERE NOT indexed ORDER BY id LIMIT $1"
                ),
                &[&(limit as i64)],
                source_from_row,
            )
            .await
        })
    }

    fn mark_indexed(&mut self, ids: &[SourceId]) -> Result<()> {
        // Index bookkeeping is derived state, not evidence: no audit entry.
        let ids: Vec<&str> = ids.iter().map(|id| id.0.as_str()).collect();
        self.runtime.block_on(async {
            let client = self.client().await?;
            let statement = client
                .prepare_cached("UPDATE sources SET indexed = TRUE WHERE id = ANY($1)")
                .await?;
            client.execute(&statement, &[&ids]).await?;
            Ok(())
        })
    }

    fn mark_all_unindexed(&mut self) -> Result<()> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            client
                .execute("UPDATE sources SET indexed = FALSE WHERE indexed", &[])
                .await?;
            Ok(())
        })
    }

    fn put_entity(&mut self, entity: &Entity, actor: &str) -> Result<()> {
        check_entity(entity)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let existing =
                w.tx.query_opt(
                    "SELECT caption FROM entities WHERE id = $1",
                    &[&entity.id.0],
                )
                .await?;
            let created = match existing {
                Some(row) if row.try_get::<_, &str>(0)? == entity.caption => return Ok(()),
                Some(_) => {
                    w.tx.execute(
                        "UPDATE entities SET caption = $2 WHERE id = $1",
                        &[&entity.id.0, &entity.caption],
                    )
                    .await?;
                    false
                }
                None => {
                    insert_entities(&w.tx, std::slice::from_ref(entity), &now_rfc3339()).await?;
                    true
                }
            };
            w.audit(entity_record(entity, created, actor)).await?;
            w.commit().await
        })
    }

    fn entity(&self, id: &EntityId) -> Result<Option<Entity>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_opt(
                &client,
                "SELECT id, kind, caption FROM entities WHERE id = $1",
                &[&id.0],
                entity_from_row,
            )
            .await
        })
    }

    fn entities(&self, kind: Option<EntityKind>) -> Result<Vec<Entity>> {
        let kind = kind.map(|k| k.as_str());
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT id, kind, caption FROM entities
                 WHERE $1::text IS NULL OR kind = $1 ORDER BY id",
                &[&kind],
                entity_from_row,
            )
            .await
        })
    }

    fn add_statements(
        &mut self,
        statements: &[Statement],
        actor: &str,
    ) -> Result<Vec<StatementId>> {
        check_statements(statements)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let ids = insert_statements(&mut w, statements, actor).await?;
            w.commit().await?;
            Ok(ids)
        })
    }

    fn set_statement_status(
        &mut self,
        id: StatementId,
        status: Status,
        reason: &str,
        actor: &str,
    ) -> Result<()> {
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let old =
                w.tx.query_opt("SELECT status FROM statements WHERE id = $1", &[&id.0])
                    .await?;
            let Some(old) = old else {
                return Err(StoreError::NotFound {
                    what: "statement",
                    id: id.to_string(),
                });
            };
            let old: String = old.try_get(0)?;
            w.tx.execute(
                "UPDATE statements SET status = $2 WHERE id = $1",
                &[&id.0, &status.as_str()],
            )
            .await?;
            w.audit(status_record(id, &old, status, reason, actor))
                .await?;
            w.commit().await
        })
    }

    fn statements(&self, filter: &StatementFilter) -> Result<Vec<Statement>> {
        let conditions = statement_conditions(filter);
        let mut sql = format!("SELECT {STATEMENT_COLUMNS} FROM statements WHERE TRUE");
        for (n, condition) in conditions.iter().enumerate() {
            sql.push_str(" AND ");
            sql.push_str(&condition.sql.replace("{}", &format!("${}", n + 1)));
        }
        sql.push_str(" ORDER BY id");
        let params: Vec<&(dyn ToSql + Sync)> = conditions
            .iter()
            .map(|c| &c.value as &(dyn ToSql + Sync))
            .collect();
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(&client, &sql, &params, statement_from_row).await
        })
    }

    fn statement(&self, id: StatementId) -> Result<Option<Statement>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_opt(
                &client,
                &format!("SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = $1"),
                &[&id.0],
                statement_from_row,
            )
            .await
        })
    }

    fn statement_count(&self) -> Result<u64> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            let n: i64 = client
                .query_one("SELECT COUNT(*) FROM statements", &[])
                .await?
                .try_get(0)?;
            Ok(n as u64)
        })
    }

    fn add_registry(&mut self, registry: &RegistryInfo, actor: &str) -> Result<()> {
        check_registry(registry)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let added =
                w.tx.execute(
                    &format!(
                        "INSERT INTO registries ({REGISTRY_COLUMNS})
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                         ON CONFLICT (name) DO NOTHING"
                    ),
                    &[
                        &registry.name,
                        &registry.blob,
                        &registry.map,
                        &registry.original_path,
                        &(registry.records as i64),
                        &(registry.row_errors as i64),
                        &registry.imported_at,
                        &registry.imported_by,
                    ],
                )
                .await?;
            if added == 0 {
                return Err(duplicate_registry(&registry.name));
            }
            w.audit(registry_record(registry, actor)).await?;
            w.commit().await
        })
    }

    fn registry(&self, name: &str) -> Result<Option<RegistryInfo>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_opt(
                &client,
                &format!("SELECT {REGISTRY_COLUMNS} FROM registries WHERE name = $1"),
                &[&name],
                registry_from_row,
            )
            .await
        })
    }

    fn registries(&self) -> Result<Vec<RegistryInfo>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                &format!("SELECT {REGISTRY_COLUMNS} FROM registries ORDER BY imported_at, name"),
                &[],
                registry_from_row,
            )
            .await
        })
    }

    fn create_case(&mut self, name: &str, description: &str, actor: &str) -> Result<Case> {
        check_case(name, description)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let created_at = now_rfc3339();
            let row =
                w.tx.query_opt(
                    "INSERT INTO cases (name, description, created_at) VALUES ($1, $2, $3)
                     ON CONFLICT (name) DO NOTHING RETURNING id",
                    &[&name, &description, &created_at],
                )
                .await?;
            let Some(row) = row else {
                return Err(duplicate_case(name));
            };
            let id = CaseId(row.try_get(0)?);
            w.audit(case_record(id, name, actor)).await?;
            w.commit().await?;
            Ok(Case {
                id,
                name: name.to_string(),
                description: description.to_string(),
                created_at,
            })
        })
    }

    fn cases(&self) -> Result<Vec<Case>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT id, name, description, created_at FROM cases ORDER BY id",
                &[],
                case_from_row,
            )
            .await
        })
    }

    fn add_source_to_case(&mut self, case: CaseId, source: &SourceId, actor: &str) -> Result<()> {
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            if w.tx
                .query_opt("SELECT 1 FROM cases WHERE id = $1", &[&case.0])
                .await?
                .is_none()
            {
                return Err(StoreError::NotFound {
                    what: "case",
                    id: case.0.to_string(),
                });
            }
            if w.tx
                .query_opt("SELECT 1 FROM sources WHERE id = $1", &[&source.0])
                .await?
                .is_none()
            {
                return Err(StoreError::NotFound {
                    what: "source",
                    id: source.0.clone(),
                });
            }
            let added =
                w.tx.execute(
                    "INSERT INTO case_sources (case_id, source_id) VALUES ($1, $2)
                     ON CONFLICT DO NOTHING",
                    &[&case.0, &source.0],
                )
                .await?;
            if added > 0 {
                w.audit(case_source_record(case, source, actor)).await?;
            }
            w.commit().await
        })
    }

    fn case_sources(&self, case: CaseId) -> Result<Vec<SourceId>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT source_id FROM case_sources WHERE case_id = $1 ORDER BY source_id",
                &[&case.0],
                |r| Ok(SourceId(r.try_get(0)?)),
            )
            .await
        })
    }

    fn append_audit(&mut self, record: AuditRecord) -> Result<AuditEntry> {
        check_audit_record(&record)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client).await?;
            let entry = w.audit(record).await?;
            w.commit().await?;
            Ok(entry)
        })
    }

    fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT seq, time, actor, action, objects, detail, prev_hash, hash
                 FROM audit ORDER BY seq",
                &[],
                |r| {
                    Ok(AuditEntry {
                        seq: r.try_get::<_, i64>(0)? as u64,
                        record: AuditRecord {
                            time: r.try_get(1)?,
                            actor: r.try_get(2)?,
                            action: r.try_get(3)?,
                            objects: parse_objects(r.try_get(4)?),
                            detail: r.try_get(5)?,
                        },
                        prev_hash: r.try_get(6)?,
                        hash: r.try_get(7)?,
                    })
                },
            )
            .await
        })
    }

    fn audit_head(&self) -> Result<u64> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            let head: i64 = client
                .query_one("SELECT seq FROM audit_head", &[])
                .await?
                .try_get(0)?;
            Ok(head as u64)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_listed_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/postgres");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = MIGRATIONS.iter().map(|m| m.name).collect();
        assert_eq!(files, listed, "add each new migration file to MIGRATIONS");
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
            assert!(m.name.starts_with(&format!("{:04}_", m.version)));
        }
        assert_eq!(
            MIGRATIONS.last().map(|m| m.version),
            Some(PG_SCHEMA_VERSION)
        );
    }

    #[test]
    fn schema_names_are_plain_identifiers() {
        assert!(check_schema_name("casefile_t_1a2b").is_ok());
        for bad in [
            "",
            "1abc",
            "Abc",
            "a-b",
            "a\"; DROP TABLE x; --",
            "a".repeat(64).as_str(),
        ] {
            assert!(check_schema_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_bad_url_is_named_without_its_password() {
        let err = PgStore::connect("postgres://me:s3cret@127.0.0.1:notaport/db").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("database URL"), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
    }
}
