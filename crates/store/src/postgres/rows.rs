//! Reading PostgreSQL rows into casefile's types, prepared queries, and the
//! lookup of an id by its prefix.

use crate::{Result, StoreError};
use casefile_core::{
    Case, CaseId, Custody, Entity, EntityId, MediaType, RegistryInfo, Source, SourceId, SourceKind,
    SourceMeta, Span, Statement, StatementId,
};
use deadpool_postgres::Object;
use std::str::FromStr;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

pub(super) fn parse_col<T: FromStr<Err = casefile_core::ParseError>>(
    row: &Row,
    idx: usize,
) -> Result<T> {
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

pub(super) const SOURCE_COLUMNS: &str =
    "id, kind, media_type, encoding, language, title, publisher, published, url,
     original_path, ingested_at, ingested_by, tool, size, text, capture, pages";

/// A JSON column read into `T`; NULL is `None`.
fn json_col<T: serde::de::DeserializeOwned>(row: &Row, idx: usize) -> Result<Option<T>> {
    let text: Option<String> = row.try_get(idx)?;
    text.map(|t| serde_json::from_str(&t))
        .transpose()
        .map_err(|e| StoreError::Corrupt {
            what: format!(
                "column {}",
                row.columns().get(idx).map_or("?", |c| c.name())
            ),
            reason: e.to_string(),
        })
}

pub(super) fn source_from_row(row: &Row) -> Result<Source> {
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
            capture: json_col(row, 15)?,
        },
        text: row.try_get(14)?,
        pages: json_col(row, 16)?,
    })
}

pub(super) const STATEMENT_COLUMNS: &str =
    "id, entity_id, property, value, source_id, span_start, span_end,
     quote, origin, confidence, status";
/// How many columns [`STATEMENT_COLUMNS`] names.
pub(super) const STATEMENT_COLUMN_COUNT: usize = 11;

pub(super) fn statement_from_row(row: &Row) -> Result<Statement> {
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

pub(super) const REGISTRY_COLUMNS: &str =
    "name, blob, map, original_path, records, row_errors, imported_at, imported_by";

pub(super) fn registry_from_row(row: &Row) -> Result<RegistryInfo> {
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

pub(super) fn entity_from_row(row: &Row) -> Result<Entity> {
    Ok(Entity {
        id: EntityId(row.try_get(0)?),
        kind: parse_col(row, 1)?,
        caption: row.try_get(2)?,
    })
}

pub(super) fn case_from_row(row: &Row) -> Result<Case> {
    Ok(Case {
        id: CaseId(row.try_get(0)?),
        name: row.try_get(1)?,
        description: row.try_get(2)?,
        created_at: row.try_get(3)?,
    })
}

/// Runs `query` (prepared once per connection) and converts every row.
pub(super) async fn query_all<T>(
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
pub(super) async fn query_opt<T>(
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

/// The id whose text starts with `prefix` in `table` (ids are hex).
pub(super) async fn resolve_prefix(
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
