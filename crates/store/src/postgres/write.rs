//! Write transactions on PostgreSQL: the [`Writer`] that holds the audit
//! head's lock and chains entries, and the inserts of sources, entities and
//! statements, with independent requests pipelined on one connection.

use super::head_watch::HeadWatch;
use super::rows::SOURCE_COLUMNS;
use crate::records::{entity_record, ingest_record, objects_json, statements_record};
use crate::store::{Inserted, NewSource};
use crate::{now_rfc3339, Result};
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
    /// Told the new head at commit: this process reads its own writes.
    watch: &'a HeadWatch,
}

impl<'a> Writer<'a> {
    pub(super) async fn begin(client: &'a mut Object, watch: &'a HeadWatch) -> Result<Writer<'a>> {
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
            watch,
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
        self.watch.saw(self.head);
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

/// Creates `entity` or updates its caption, with its audit entry (none
/// when it is stored as it is).
pub(super) async fn put_entity(w: &mut Writer<'_>, entity: &Entity, actor: &str) -> Result<()> {
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
    let typed_ids: Vec<StatementId> = ids.iter().copied().map(StatementId).collect();
    let entry = statements_record(statements, &typed_ids, actor).map(|r| w.chain(r));
    let rows: Vec<(i64, &Statement)> = ids.into_iter().zip(statements.iter()).collect();
    let audit = async {
        match &entry {
            Some(entry) => write_entry(&w.tx, entry).await,
            None => Ok(()),
        }
    };
    futures_util::try_join!(insert_statement_rows(&w.tx, &rows, actor), audit)?;
    Ok(typed_ids)
}

/// Inserts statements under their ids, in one request.
async fn insert_statement_rows(
    tx: &Transaction<'_>,
    rows: &[(i64, &Statement)],
    actor: &str,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
    let column = |f: fn(&Statement) -> &str| rows.iter().map(|(_, s)| f(s)).collect::<Vec<&str>>();
    let entity_ids = column(|s| &s.entity.0);
    let properties = column(|s| &s.property);
    let values = column(|s| &s.value);
    let origins = column(|s| s.origin.as_str());
    let statuses = column(|s| s.status.as_str());
    let sources: Vec<Option<&str>> = rows
        .iter()
        .map(|(_, s)| s.source.as_ref().map(|id| id.0.as_str()))
        .collect();
    let starts: Vec<Option<i64>> = rows
        .iter()
        .map(|(_, s)| s.span.as_ref().map(|sp| sp.start as i64))
        .collect();
    let ends: Vec<Option<i64>> = rows
        .iter()
        .map(|(_, s)| s.span.as_ref().map(|sp| sp.end as i64))
        .collect();
    let quotes: Vec<Option<&str>> = rows
        .iter()
        .map(|(_, s)| s.span.as_ref().map(|sp| sp.quote.as_str()))
        .collect();
    let confidences: Vec<f32> = rows.iter().map(|(_, s)| s.confidence).collect();
    let now = now_rfc3339();
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
    Ok(())
}

/// Stores a chunk of sources with their findings in three round trips
/// whatever its size: the rows of every new source at once (`UNNEST`), then
/// their entities beside the ids of all their statements, then the
/// statements beside the audit entries. The audit entries are chained in the same order
/// as one source at a time would give (each source's `source.ingest`, then
/// its `statement.add`), so the log is the same either way.
pub(super) async fn insert_sources(
    w: &mut Writer<'_>,
    batch: &[NewSource<'_>],
    actor: &str,
) -> Result<Vec<Inserted>> {
    // A source twice in one chunk is stored once: the later copies are present.
    let mut seen = std::collections::HashSet::new();
    let first: Vec<bool> = batch
        .iter()
        .map(|(source, _, _)| seen.insert(source.id.0.as_str()))
        .collect();
    let candidates: Vec<&Source> = batch
        .iter()
        .zip(&first)
        .filter(|(_, first)| **first)
        .map(|((source, _, _), _)| *source)
        .collect();
    let column = |f: fn(&Source) -> &str| candidates.iter().map(|s| f(s)).collect::<Vec<&str>>();
    let optional =
        |f: fn(&Source) -> Option<&str>| candidates.iter().map(|s| f(s)).collect::<Vec<_>>();
    let captures: Vec<Option<String>> = candidates
        .iter()
        .map(|s| s.custody.capture.as_ref().map(crate::records::to_json))
        .collect();
    let pages: Vec<Option<String>> = candidates
        .iter()
        .map(|s| s.pages.as_ref().map(crate::records::to_json))
        .collect();
    let sizes: Vec<i64> = candidates.iter().map(|s| s.custody.size as i64).collect();
    let insert =
        w.tx.prepare_cached(&format!(
            "INSERT INTO sources ({SOURCE_COLUMNS}, indexed)
             SELECT t.*, FALSE FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[],
                 $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                 $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::text[],
                 $17::text[]) AS t
             ON CONFLICT (id) DO NOTHING
             RETURNING id"
        ))
        .await?;
    let added: std::collections::HashSet<String> =
        w.tx.query(
            &insert,
            &[
                &column(|s| &s.id.0),
                &column(|s| s.kind.as_str()),
                &column(|s| s.media_type.as_str()),
                &column(|s| &s.encoding),
                &optional(|s| s.language.as_deref()),
                &optional(|s| s.meta.title.as_deref()),
                &optional(|s| s.meta.publisher.as_deref()),
                &optional(|s| s.meta.published.as_deref()),
                &optional(|s| s.meta.url.as_deref()),
                &column(|s| &s.custody.original_path),
                &column(|s| &s.custody.ingested_at),
                &column(|s| &s.custody.ingested_by),
                &column(|s| &s.custody.tool),
                &sizes,
                &column(|s| &s.text),
                &captures,
                &pages,
            ],
        )
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<std::result::Result<_, _>>()?;
    let new: Vec<bool> = batch
        .iter()
        .zip(&first)
        .map(|((source, _, _), first)| *first && added.contains(&source.id.0))
        .collect();
    let stored = || {
        batch
            .iter()
            .zip(&new)
            .filter(|(_, new)| **new)
            .map(|(b, _)| b)
    };
    let total: usize = stored().map(|(_, _, statements)| statements.len()).sum();
    let entities: Vec<(&Entity, &str)> = stored()
        .flat_map(|(source, entities, _)| {
            entities
                .iter()
                .map(|e| (e, source.custody.ingested_at.as_str()))
        })
        .collect();
    // The entities must be in before the statements that name them: a
    // request of its own, sent beside the one that takes the ids.
    let (_, ids) = futures_util::try_join!(
        insert_entities_at(&w.tx, &entities),
        next_statement_ids(&w.tx, total),
    )?;
    let mut ids = ids.into_iter();

    // In memory, in order: each new source's entries and its statements' ids.
    let mut entries = Vec::new();
    let mut rows: Vec<(i64, &Statement)> = Vec::with_capacity(total);
    for (source, _, statements) in stored() {
        entries.push(w.chain(ingest_record(source, actor)));
        let own: Vec<i64> = ids.by_ref().take(statements.len()).collect();
        let typed: Vec<StatementId> = own.iter().copied().map(StatementId).collect();
        if let Some(record) = statements_record(statements, &typed, actor) {
            entries.push(w.chain(record));
        }
        rows.extend(own.into_iter().zip(statements.iter()));
    }
    futures_util::try_join!(
        write_entries(&w.tx, &entries),
        insert_statement_rows(&w.tx, &rows, actor),
    )?;
    Ok(new
        .into_iter()
        .map(|new| {
            if new {
                Inserted::New
            } else {
                Inserted::AlreadyPresent
            }
        })
        .collect())
}

/// Stores chained entries (in order) and moves the head to the last, in one request.
async fn write_entries(tx: &Transaction<'_>, entries: &[AuditEntry]) -> Result<()> {
    let Some(last) = entries.last() else {
        return Ok(());
    };
    let objects: Vec<String> = entries
        .iter()
        .map(|e| objects_json(&e.record.objects))
        .collect::<Result<_>>()?;
    let column = |f: fn(&AuditEntry) -> &str| entries.iter().map(f).collect::<Vec<&str>>();
    let seqs: Vec<i64> = entries.iter().map(|e| e.seq as i64).collect();
    let statement = tx
        .prepare_cached(
            "WITH appended AS (
                INSERT INTO audit (seq, time, actor, action, objects, detail, prev_hash, hash)
                SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[],
                    $5::text[], $6::text[], $7::text[], $8::text[]))
             UPDATE audit_head SET seq = $9",
        )
        .await?;
    tx.execute(
        &statement,
        &[
            &seqs,
            &column(|e| &e.record.time),
            &column(|e| &e.record.actor),
            &column(|e| &e.record.action),
            &objects,
            &column(|e| &e.record.detail),
            &column(|e| &e.prev_hash),
            &column(|e| &e.hash),
            &(last.seq as i64),
        ],
    )
    .await?;
    Ok(())
}

/// Creates the entities that do not exist yet, each with its own creation
/// time, in one request.
async fn insert_entities_at(tx: &Transaction<'_>, entities: &[(&Entity, &str)]) -> Result<()> {
    if entities.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = entities.iter().map(|(e, _)| e.id.0.as_str()).collect();
    let kinds: Vec<&str> = entities.iter().map(|(e, _)| e.kind.as_str()).collect();
    let captions: Vec<&str> = entities.iter().map(|(e, _)| e.caption.as_str()).collect();
    let times: Vec<&str> = entities.iter().map(|(_, at)| *at).collect();
    let statement = tx
        .prepare_cached(
            "INSERT INTO entities (id, kind, caption, created_at)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[])
             ON CONFLICT (id) DO NOTHING",
        )
        .await?;
    tx.execute(&statement, &[&ids, &kinds, &captions, &times])
        .await?;
    Ok(())
}
