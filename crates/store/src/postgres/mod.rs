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
//! Several servers may share one database, each with a search index of its
//! own: a store made by [`PgStore::with_index_owner`] keeps its index
//! bookkeeping in `source_index` under that owner's name.
//!
//! Errors become [`StoreError::Postgres`] with the server's message and
//! SQLSTATE only: never the query, and never the `detail` of a constraint
//! error, which quotes the row's values.

mod accounts;
mod head_watch;
mod migrate;
mod rows;
mod write;

pub use accounts::PgAccountStore;
pub use migrate::PG_SCHEMA_VERSION;

use crate::records::{
    append_record, case_item_from_stored, case_item_key, case_item_record, case_record,
    check_append, check_audit_record, check_case, check_cluster_changes, check_entity,
    check_findings, check_registry, check_source, check_statements, duplicate_case,
    duplicate_registry, linkage_record, not_live_cluster, parse_objects, registry_record,
    statement_conditions, status_record, unknown_registry,
};
use crate::runtime::BlockingRuntime;
use crate::store::{AuditQuery, Inserted, NewSource, Store};
use crate::{now_rfc3339, Result, StoreError};
use casefile_core::{
    AuditEntry, AuditRecord, Case, CaseId, CaseItem, ClusterChanges, ClusterMember,
    ClusterMemberSince, Entity, EntityId, EntityKind, LinkageCluster, LinkageRun, RegistryAppend,
    RegistryInfo, SavedRun, Source, SourceId, SourceKind, SourceMeta, SourceSummary, Statement,
    StatementFilter, StatementId, Status,
};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use head_watch::HeadWatch;
use migrate::migrate;
use rows::{
    case_from_row, entity_from_row, parse_col, query_all, query_opt, registry_from_row,
    resolve_prefix, source_from_row, statement_from_row, REGISTRY_COLUMNS, SOURCE_COLUMNS,
    STATEMENT_COLUMNS, STATEMENT_COLUMN_COUNT,
};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::types::ToSql;
use tokio_postgres::NoTls;
use write::{insert_sources, insert_statements, put_entity, Writer};

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
    /// Whose search index the index bookkeeping (`unindexed_sources`,
    /// `mark_indexed`, `mark_all_unindexed`) is about: `None` uses the one
    /// `indexed` flag of each source (one index per database), a name uses
    /// that server's rows of `source_index`.
    index_owner: Option<Arc<str>>,
    /// How to open a connection outside the pool (the head's watch).
    config: Arc<tokio_postgres::Config>,
    /// The audit head as announced by the database, once watched.
    head: Arc<HeadWatch>,
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
            config.clone(),
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
            index_owner: None,
            config: Arc::new(config),
            head: Arc::default(),
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

    /// This store (sharing its pool) with the index bookkeeping of the
    /// search index named `owner`: each server on one database keeps its
    /// own index, and catches up on what its own index lacks.
    pub fn with_index_owner(&self, owner: &str) -> PgStore {
        PgStore {
            index_owner: Some(Arc::from(owner)),
            ..self.clone()
        }
    }

    /// Keeps the audit head in memory from now on, as the database
    /// announces it (see `head_watch.rs`): [`Store::recent_audit_head`]
    /// then asks the database only while the watch has not heard from it
    /// recently. For a server, whose every request reads the head; shared
    /// with this store's clones, and started once however often asked.
    pub fn watch_audit_head(&self) {
        if self.head.start() {
            self.runtime.spawn(head_watch::listen(
                Arc::clone(&self.head),
                (*self.config).clone(),
            ));
        }
    }

    async fn client(&self) -> Result<Object> {
        Ok(self.pool.get().await?)
    }
}

impl Store for PgStore {
    fn insert_sources(&mut self, batch: &[NewSource<'_>], actor: &str) -> Result<Vec<Inserted>> {
        for (source, entities, statements) in batch {
            check_source(source)?;
            check_findings(entities, statements)?;
        }
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
            let out = insert_sources(&mut w, batch, actor).await?;
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
            // A whole id needs no prefix lookup (a round trip saved per read).
            let whole = id_or_prefix.trim().to_ascii_lowercase();
            let id = if casefile_core::is_sha256_hex(&whole) {
                whole
            } else {
                resolve_prefix(&client, "sources", "source", id_or_prefix).await?
            };
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

    fn sources_by_id(&self, ids: &[SourceId]) -> Result<Vec<Source>> {
        let ids: Vec<&str> = ids.iter().map(|id| id.0.as_str()).collect();
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                &format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE id = ANY($1::text[])"),
                &[&ids],
                source_from_row,
            )
            .await
        })
    }

    fn source_counts(&self) -> Result<Vec<(Option<String>, SourceKind, u64)>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT language, kind, COUNT(*) FROM sources GROUP BY language, kind
                 ORDER BY language, kind",
                &[],
                |row| {
                    Ok((
                        row.try_get(0)?,
                        parse_col(row, 1)?,
                        row.try_get::<_, i64>(2)? as u64,
                    ))
                },
            )
            .await
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
        if let Some(owner) = &self.index_owner {
            let owner: &str = owner;
            return self.runtime.block_on(async {
                let client = self.client().await?;
                query_all(
                    &client,
                    &format!(
                        "SELECT {SOURCE_COLUMNS} FROM sources s WHERE NOT EXISTS
                           (SELECT 1 FROM source_index i WHERE i.owner = $2 AND i.source_id = s.id)
                         ORDER BY id LIMIT $1"
                    ),
                    &[&(limit as i64), &owner],
                    source_from_row,
                )
                .await
            });
        }
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
            match &self.index_owner {
                Some(owner) => {
                    let owner: &str = owner;
                    let statement = client
                        .prepare_cached(
                            "INSERT INTO source_index (owner, source_id)
                             SELECT $1, UNNEST($2::text[]) ON CONFLICT DO NOTHING",
                        )
                        .await?;
                    client.execute(&statement, &[&owner, &ids]).await?;
                }
                None => {
                    let statement = client
                        .prepare_cached("UPDATE sources SET indexed = TRUE WHERE id = ANY($1)")
                        .await?;
                    client.execute(&statement, &[&ids]).await?;
                }
            }
            Ok(())
        })
    }

    fn mark_all_unindexed(&mut self) -> Result<()> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            match &self.index_owner {
                Some(owner) => {
                    let owner: &str = owner;
                    client
                        .execute("DELETE FROM source_index WHERE owner = $1", &[&owner])
                        .await?
                }
                None => {
                    client
                        .execute("UPDATE sources SET indexed = FALSE WHERE indexed", &[])
                        .await?
                }
            };
            Ok(())
        })
    }

    fn put_entity(&mut self, entity: &Entity, actor: &str) -> Result<()> {
        check_entity(entity)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
            put_entity(&mut w, entity, actor).await?;
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
            let mut w = Writer::begin(&mut client, &self.head).await?;
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
            let mut w = Writer::begin(&mut client, &self.head).await?;
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

    fn add_judgement(
        &mut self,
        entities: &[Entity],
        statements: &[Statement],
        record: &dyn Fn(&[StatementId]) -> AuditRecord,
        actor: &str,
    ) -> Result<Vec<StatementId>> {
        check_findings(entities, statements)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
            for entity in entities {
                put_entity(&mut w, entity, actor).await?;
            }
            let ids = insert_statements(&mut w, statements, actor).await?;
            let record = record(&ids);
            check_audit_record(&record)?;
            w.audit(record).await?;
            w.commit().await?;
            Ok(ids)
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

    fn statements_about(&self, entities: &[EntityId]) -> Result<Vec<Statement>> {
        let ids: Vec<&str> = entities.iter().map(|e| e.0.as_str()).collect();
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                &format!(
                    "SELECT {STATEMENT_COLUMNS} FROM statements
                     WHERE entity_id = ANY($1::text[]) ORDER BY id"
                ),
                &[&ids],
                statement_from_row,
            )
            .await
        })
    }

    fn statements_about_page(
        &self,
        entities: &[EntityId],
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Statement>, u64)> {
        let ids: Vec<&str> = entities.iter().map(|e| e.0.as_str()).collect();
        let (limit, offset) = (
            i64::try_from(limit).unwrap_or(i64::MAX),
            i64::try_from(offset).unwrap_or(i64::MAX),
        );
        self.runtime.block_on(async {
            let client = self.client().await?;
            // The count of all rows rides on each row of the page (a window
            // is counted before LIMIT): one round trip for both.
            let statement = client
                .prepare_cached(&format!(
                    "SELECT {STATEMENT_COLUMNS}, COUNT(*) OVER ()
                     FROM unnest($1::text[]) WITH ORDINALITY AS m(member, position)
                     JOIN statements ON statements.entity_id = m.member
                     ORDER BY m.position, statements.id LIMIT $2 OFFSET $3"
                ))
                .await?;
            let rows = client.query(&statement, &[&ids, &limit, &offset]).await?;
            let total: i64 = match rows.first() {
                Some(row) => row.try_get(STATEMENT_COLUMN_COUNT)?,
                // A page past the end: the count alone.
                None => {
                    let count = client
                        .prepare_cached(
                            "SELECT COUNT(*) FROM statements WHERE entity_id = ANY($1::text[])",
                        )
                        .await?;
                    client.query_one(&count, &[&ids]).await?.try_get(0)?
                }
            };
            let page = rows
                .iter()
                .map(statement_from_row)
                .collect::<Result<Vec<_>>>()?;
            Ok((page, u64::try_from(total).unwrap_or(0)))
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

    fn statement_status_counts(&self) -> Result<Vec<(Status, u64)>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT status, COUNT(*) FROM statements GROUP BY status",
                &[],
                |row| Ok((parse_col(row, 0)?, row.try_get::<_, i64>(1)? as u64)),
            )
            .await
        })
    }

    fn add_registry(&mut self, registry: &RegistryInfo, actor: &str) -> Result<()> {
        check_registry(registry)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
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

    fn append_registry(&mut self, append: &RegistryAppend, actor: &str) -> Result<u32> {
        check_append(append)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
            if w.tx
                .query_opt(
                    "SELECT 1 FROM registries WHERE name = $1",
                    &[&append.registry],
                )
                .await?
                .is_none()
            {
                return Err(unknown_registry(&append.registry));
            }
            let part: i32 =
                w.tx.query_one(
                    "INSERT INTO registry_appends (registry, part, blob, original_path, records,
                         row_errors, added_at, added_by)
                     SELECT $1::text, COALESCE(MAX(part), 0) + 1, $2::text, $3::text,
                         $4::bigint, $5::bigint, $6::text, $7::text
                     FROM registry_appends WHERE registry = $1
                     RETURNING part",
                    &[
                        &append.registry,
                        &append.blob,
                        &append.original_path,
                        &(append.records as i64),
                        &(append.row_errors as i64),
                        &append.added_at,
                        &append.added_by,
                    ],
                )
                .await?
                .try_get(0)?;
            let part = part as u32;
            w.audit(append_record(append, part, actor)).await?;
            w.commit().await?;
            Ok(part)
        })
    }

    fn registry_appends(&self, name: &str) -> Result<Vec<RegistryAppend>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT registry, part, blob, original_path, records, row_errors, added_at, added_by
                 FROM registry_appends WHERE registry = $1 ORDER BY part",
                &[&name],
                |r| {
                    Ok(RegistryAppend {
                        registry: r.try_get(0)?,
                        part: r.try_get::<_, i32>(1)? as u32,
                        blob: r.try_get(2)?,
                        original_path: r.try_get(3)?,
                        records: r.try_get::<_, i64>(4)? as u64,
                        row_errors: r.try_get::<_, i64>(5)? as u64,
                        added_at: r.try_get(6)?,
                        added_by: r.try_get(7)?,
                    })
                },
            )
            .await
        })
    }

    fn live_cluster_members(&self, scope: &str) -> Result<Vec<(i64, ClusterMember)>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT m.cluster_id, m.registry, m.record
                 FROM linkage_clusters c JOIN linkage_members m ON m.cluster_id = c.id
                 WHERE c.scope = $1 AND c.retired_run IS NULL
                 ORDER BY m.cluster_id",
                &[&scope],
                |r| {
                    Ok((
                        r.try_get(0)?,
                        ClusterMember {
                            registry: r.try_get(1)?,
                            record: r.try_get(2)?,
                        },
                    ))
                },
            )
            .await
        })
    }

    fn linkage_cluster(&self, id: i64) -> Result<Option<LinkageCluster>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            let Some(row) = client
                .query_opt(
                    "SELECT scope, origin, created_run, retired_run FROM linkage_clusters
                     WHERE id = $1",
                    &[&id],
                )
                .await?
            else {
                return Ok(None);
            };
            let members = query_all(
                &client,
                "SELECT registry, record, since_run FROM linkage_members
                 WHERE cluster_id = $1 ORDER BY registry, record",
                &[&id],
                |r| {
                    Ok(ClusterMemberSince {
                        member: ClusterMember {
                            registry: r.try_get(0)?,
                            record: r.try_get(1)?,
                        },
                        since_run: r.try_get(2)?,
                    })
                },
            )
            .await?;
            let parents = query_all(
                &client,
                "SELECT parent FROM linkage_lineage WHERE child = $1 ORDER BY parent",
                &[&id],
                |r| Ok(r.try_get(0)?),
            )
            .await?;
            Ok(Some(LinkageCluster {
                id,
                scope: row.try_get(0)?,
                origin: parse_col(&row, 1)?,
                parents,
                created_run: row.try_get(2)?,
                retired_run: row.try_get(3)?,
                members,
            }))
        })
    }

    fn cluster_children(&self, id: i64) -> Result<Vec<i64>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT child FROM linkage_lineage WHERE parent = $1 ORDER BY child",
                &[&id],
                |r| Ok(r.try_get(0)?),
            )
            .await
        })
    }

    fn linkage_run(&self, id: i64) -> Result<Option<LinkageRun>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_opt(
                &client,
                "SELECT id, scope, time, actor, records, threshold FROM linkage_runs WHERE id = $1",
                &[&id],
                |r| {
                    Ok(LinkageRun {
                        id: r.try_get(0)?,
                        scope: r.try_get(1)?,
                        time: r.try_get(2)?,
                        actor: r.try_get(3)?,
                        records: r.try_get::<_, i64>(4)? as u64,
                        threshold: r.try_get(5)?,
                    })
                },
            )
            .await
        })
    }

    fn linkage_model(&self, scope: &str) -> Result<Option<String>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            let model: Option<Option<String>> = query_opt(
                &client,
                "SELECT model FROM linkage_runs WHERE scope = $1 AND model IS NOT NULL
                 ORDER BY id DESC LIMIT 1",
                &[&scope],
                |r| Ok(r.try_get(0)?),
            )
            .await?;
            Ok(model.flatten())
        })
    }

    fn linkage_pairs(&self, scope: &str) -> Result<Option<Vec<u8>>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_opt(
                &client,
                "SELECT pairs FROM linkage_pairs WHERE scope = $1",
                &[&scope],
                |r| Ok(r.try_get(0)?),
            )
            .await
        })
    }

    fn kept_run_clusters(&self, scope: &str) -> Result<Vec<i64>> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            // Ids were taken from the sequence in the order the run made
            // its clusters (see `save_clusters`).
            client
                .query(
                    "SELECT c.id FROM linkage_clusters c
                     WHERE c.scope = $1 AND c.retired_run IS NULL
                       AND c.created_run = (SELECT run FROM linkage_pairs WHERE scope = $1)
                     ORDER BY c.id",
                    &[&scope],
                )
                .await?
                .iter()
                .map(|r| Ok(r.try_get(0)?))
                .collect()
        })
    }

    fn save_clusters(&mut self, changes: &ClusterChanges, actor: &str) -> Result<SavedRun> {
        check_cluster_changes(changes)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
            let run: i64 =
                w.tx.query_one(
                    "INSERT INTO linkage_runs (scope, time, actor, records, threshold, model)
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    &[
                        &changes.scope,
                        &now_rfc3339(),
                        &actor,
                        &(changes.records as i64),
                        &changes.threshold,
                        &changes.model,
                    ],
                )
                .await?
                .try_get(0)?;
            match &changes.pairs {
                Some(pairs) => {
                    w.tx.execute(
                        "INSERT INTO linkage_pairs (scope, run, pairs) VALUES ($1, $2, $3)
                         ON CONFLICT (scope) DO UPDATE SET run = excluded.run, pairs = excluded.pairs",
                        &[&changes.scope, &run, pairs],
                    )
                    .await?
                }
                None => {
                    w.tx.execute(
                        "DELETE FROM linkage_pairs WHERE scope = $1",
                        &[&changes.scope],
                    )
                    .await?
                }
            };
            // Retired and grown clusters must be live in the scope: the ids
            // that are not fail the run.
            let touched: Vec<i64> = changes
                .retired
                .iter()
                .copied()
                .chain(changes.grown.iter().map(|(id, _)| *id))
                .collect();
            let live: Vec<i64> =
                w.tx.query(
                    "SELECT id FROM linkage_clusters
                     WHERE id = ANY($1) AND scope = $2 AND retired_run IS NULL",
                    &[&touched, &changes.scope],
                )
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<std::result::Result<_, _>>()?;
            if let Some(id) = touched.iter().find(|id| !live.contains(id)) {
                return Err(not_live_cluster(*id));
            }
            w.tx.execute(
                "UPDATE linkage_clusters SET retired_run = $1 WHERE id = ANY($2)",
                &[&run, &changes.retired],
            )
            .await?;
            // New clusters' ids, taken from the identity's sequence in order.
            let mut created: Vec<i64> =
                w.tx.query(
                    "SELECT nextval(pg_get_serial_sequence('linkage_clusters', 'id'))
                     FROM generate_series(1, $1::bigint)",
                    &[&(changes.created.len() as i64)],
                )
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<std::result::Result<_, _>>()?;
            created.sort_unstable();
            let origins: Vec<&str> = changes.created.iter().map(|c| c.origin.as_str()).collect();
            w.tx.execute(
                "INSERT INTO linkage_clusters (id, scope, origin, created_run)
                 SELECT id, $2::text, origin, $3::bigint
                 FROM UNNEST($1::bigint[], $4::text[]) AS t(id, origin)",
                &[&created, &changes.scope, &run, &origins],
            )
            .await?;
            let (mut cluster_ids, mut registries, mut records) =
                (Vec::new(), Vec::new(), Vec::new());
            let grown = changes.grown.iter().map(|(id, m)| (*id, m));
            let made = created
                .iter()
                .zip(&changes.created)
                .map(|(id, c)| (*id, &c.members));
            for (id, members) in grown.chain(made) {
                for m in members {
                    cluster_ids.push(id);
                    registries.push(m.registry.as_str());
                    records.push(m.record.as_str());
                }
            }
            w.tx.execute(
                "INSERT INTO linkage_members (cluster_id, registry, record, since_run)
                 SELECT c, r, m, $4::bigint FROM UNNEST($1::bigint[], $2::text[], $3::text[]) AS t(c, r, m)
                 ON CONFLICT DO NOTHING",
                &[&cluster_ids, &registries, &records, &run],
            )
            .await?;
            let (mut children, mut parents) = (Vec::new(), Vec::new());
            for (id, c) in created.iter().zip(&changes.created) {
                for p in &c.parents {
                    children.push(*id);
                    parents.push(*p);
                }
            }
            w.tx.execute(
                "INSERT INTO linkage_lineage (child, parent)
                 SELECT * FROM UNNEST($1::bigint[], $2::bigint[])",
                &[&children, &parents],
            )
            .await?;
            w.audit(linkage_record(changes, run, &created, actor))
                .await?;
            w.commit().await?;
            Ok(SavedRun { run, created })
        })
    }

    fn create_case(&mut self, name: &str, description: &str, actor: &str) -> Result<Case> {
        check_case(name, description)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
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

    fn add_case_items(
        &mut self,
        case: CaseId,
        items: &[CaseItem],
        actor: &str,
    ) -> Result<Vec<CaseItem>> {
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
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
            for item in items {
                let found = match item {
                    CaseItem::Source(id) => {
                        w.tx.query_opt("SELECT 1 FROM sources WHERE id = $1", &[&id.0])
                            .await?
                    }
                    CaseItem::Entity(id) => {
                        w.tx.query_opt("SELECT 1 FROM entities WHERE id = $1", &[&id.0])
                            .await?
                    }
                    CaseItem::Statement(id) => {
                        w.tx.query_opt("SELECT 1 FROM statements WHERE id = $1", &[&id.0])
                            .await?
                    }
                };
                if found.is_none() {
                    return Err(StoreError::NotFound {
                        what: item.kind(),
                        id: case_item_key(item).1,
                    });
                }
            }
            let mut added = Vec::new();
            for item in items {
                let (kind, id) = case_item_key(item);
                let inserted =
                    w.tx.execute(
                        "INSERT INTO case_items (case_id, kind, item) VALUES ($1, $2, $3)
                         ON CONFLICT DO NOTHING",
                        &[&case.0, &kind, &id],
                    )
                    .await?;
                if inserted > 0 {
                    w.audit(case_item_record("case.add", case, item, actor))
                        .await?;
                    added.push(item.clone());
                }
            }
            w.commit().await?;
            Ok(added)
        })
    }

    fn remove_case_items(
        &mut self,
        case: CaseId,
        items: &[CaseItem],
        actor: &str,
    ) -> Result<Vec<CaseItem>> {
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
            let mut removed = Vec::new();
            for item in items {
                let (kind, id) = case_item_key(item);
                let deleted =
                    w.tx.execute(
                        "DELETE FROM case_items WHERE case_id = $1 AND kind = $2 AND item = $3",
                        &[&case.0, &kind, &id],
                    )
                    .await?;
                if deleted > 0 {
                    w.audit(case_item_record("case.remove", case, item, actor))
                        .await?;
                    removed.push(item.clone());
                }
            }
            w.commit().await?;
            Ok(removed)
        })
    }

    fn case_items(&self, case: CaseId) -> Result<Vec<CaseItem>> {
        let stored: Vec<(String, String)> = self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT kind, item FROM case_items WHERE case_id = $1
                 ORDER BY CASE kind WHEN 'source' THEN 0 WHEN 'entity' THEN 1 ELSE 2 END,
                          CASE WHEN kind = 'statement' THEN length(item) END, item",
                &[&case.0],
                |r| Ok((r.try_get(0)?, r.try_get(1)?)),
            )
            .await
        })?;
        stored
            .into_iter()
            .map(|(kind, item)| case_item_from_stored(&kind, item))
            .collect()
    }

    fn append_audit(&mut self, record: AuditRecord) -> Result<AuditEntry> {
        check_audit_record(&record)?;
        self.runtime.block_on(async {
            let mut client = self.client().await?;
            let mut w = Writer::begin(&mut client, &self.head).await?;
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
                audit_from_row,
            )
            .await
        })
    }

    fn audit_page(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>> {
        let before = query
            .before
            .map_or(i64::MAX, |b| i64::try_from(b).unwrap_or(i64::MAX));
        let limit = i64::try_from(query.limit).unwrap_or(i64::MAX);
        let prefix = query.action_prefix();
        self.runtime.block_on(async {
            let client = self.client().await?;
            query_all(
                &client,
                "SELECT seq, time, actor, action, objects, detail, prev_hash, hash FROM audit
                 WHERE seq < $1
                   AND ($2::TEXT IS NULL OR action = $2 OR starts_with(action, $3::TEXT))
                   AND ($4::TEXT IS NULL OR actor = $4)
                 ORDER BY seq DESC LIMIT $5",
                &[&before, &query.action, &prefix, &query.actor, &limit],
                audit_from_row,
            )
            .await
        })
    }

    fn audit_head(&self) -> Result<u64> {
        self.runtime.block_on(async {
            let client = self.client().await?;
            // Prepared once per connection: one round trip per read of the head.
            let statement = client.prepare_cached("SELECT seq FROM audit_head").await?;
            let head: i64 = client.query_one(&statement, &[]).await?.try_get(0)?;
            let head = head.max(0) as u64;
            self.head.saw(head);
            Ok(head)
        })
    }

    fn recent_audit_head(&self) -> Result<u64> {
        match self.head.current() {
            Some(head) => Ok(head),
            None => self.audit_head(),
        }
    }
}

fn audit_from_row(r: &tokio_postgres::Row) -> Result<AuditEntry> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
