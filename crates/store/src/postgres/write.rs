//! Write transactions on PostgreSQL: the [`Writer`] that holds the audit
//! head's lock and chains entries, and the inserts of sources, entities and
//! statements, with independent requests pipelined on one connection.

use super::rows::SOURCE_COLUMNS;
use crate::records::{ingest_record, objects_json, statements_record};
use crate::store::Inserted;
use crate::{now_rfc3339, Result, StoreError};
use casefile_core::GENESIS_HASH;
use casefile_core::{AuditEntry, AuditRecord, Entity, Source, Statement, StatementId};
use deadpool_postgres::{Object, Transaction};

/// A write transaction holding the audit head's lock, with the end of the
/// log it appends to.
pub(super) struct Writer<'a> {
    pub(super) tx: Transaction<'a>,
    /// Position and hash of the last entry in the log.
    pub(super) last: Option<(u64, String)>,
    /// The recorded head: the last position ever appended.
    pub(super) head: u64,
}

impl<'a> Writer<'a> {
    pub(super) async fn begin(client: &'a mut Object) -> Result<Writer<'a>> {
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
    pub(super) fn chain(&mut self, record: AuditRecord) -> AuditEntry {
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
    pub(super) async fn audit(&mut self, record: AuditRecord) -> Result<AuditEntry> {
        let entry = self.chain(record);
        write_entry(&self.tx, &entry).await?;
        Ok(entry)
    }

    pub(super) async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// Stores a chained entry and moves the head to it. Entries sent on one
/// connection are applied in the order sent, even when pipelined.
pub(super) async fn write_entry(tx: &Transaction<'_>, entry: &AuditEntry) -> Result<()> {
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

/// Creates the entities that do not exist yet, in one round trip.
pub(super) async fn insert_entities(
    tx: &Transaction<'_>,
    entities: &[Entity],
    now: &str,
) -> Result<()> {
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
pub(super) async fn next_statement_ids(tx: &Transaction<'_>, count: usize) -> Result<Vec<i64>> {
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
pub(super) async fn insert_statements(
    w: &mut Writer<'_>,
    statements: &[Statement],
    actor: &str,
) -> Result<Vec<StatementId>> {
    let ids = next_statement_ids(&w.tx, statements.len()).await?;
    insert_statements_with_ids(w, statements, ids, actor).await
}

/// Inserts `statements` under `ids` (from [`next_statement_ids`]) and their
/// audit entry, both sent at once (one round trip).
pub(super) async fn insert_statements_with_ids(
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
pub(super) async fn insert_source(
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
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, FALSE)
             ON CONFLICT (id) DO NOTHING"
        ))
        .await?;
    let size = c.size as i64;
    let capture = c.capture.as_ref().map(crate::records::to_json);
    let pages = source.pages.as_ref().map(crate::records::to_json);
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
                &capture,
                &pages,
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
