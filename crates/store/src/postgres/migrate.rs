//! PostgreSQL schema migrations: numbered SQL files under
//! `migrations/postgres/`, each applied once at connect in its own
//! transaction, under an advisory lock, and recorded with its SHA-256.

use crate::{Result, StoreError};
use deadpool_postgres::{Object, Transaction};

/// One migration: applied once, in its own transaction, and recorded in
/// `schema_migrations` with the SHA-256 of its text.
pub(super) struct Migration {
    version: i32,
    name: &'static str,
    sql: &'static str,
}

/// Every migration in order. A new one is a new numbered file here; an
/// applied one is never edited (its checksum is checked at every connect).
pub(super) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial.sql",
        sql: include_str!("../../migrations/postgres/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "0002_case_items.sql",
        sql: include_str!("../../migrations/postgres/0002_case_items.sql"),
    },
    Migration {
        version: 3,
        name: "0003_team_server.sql",
        sql: include_str!("../../migrations/postgres/0003_team_server.sql"),
    },
    Migration {
        version: 4,
        name: "0004_source_capture_pages.sql",
        sql: include_str!("../../migrations/postgres/0004_source_capture_pages.sql"),
    },
    Migration {
        version: 5,
        name: "0005_pages.sql",
        sql: include_str!("../../migrations/postgres/0005_pages.sql"),
    },
    Migration {
        version: 6,
        name: "0006_statement_status.sql",
        sql: include_str!("../../migrations/postgres/0006_statement_status.sql"),
    },
    Migration {
        version: 7,
        name: "0007_linkage.sql",
        sql: include_str!("../../migrations/postgres/0007_linkage.sql"),
    },
    Migration {
        version: 8,
        name: "0008_linkage_model.sql",
        sql: include_str!("../../migrations/postgres/0008_linkage_model.sql"),
    },
    Migration {
        version: 9,
        name: "0009_linkage_pairs.sql",
        sql: include_str!("../../migrations/postgres/0009_linkage_pairs.sql"),
    },
    Migration {
        version: 10,
        name: "0010_audit_head_notify.sql",
        sql: include_str!("../../migrations/postgres/0010_audit_head_notify.sql"),
    },
];

/// The schema version this build creates and understands.
pub const PG_SCHEMA_VERSION: i32 = 10;

pub(super) const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)";

/// First key of the advisory lock that serialises migrations ("case").
pub(super) const MIGRATION_LOCK: i32 = 0x6361_7365;

/// Applies every migration the database lacks. An advisory lock keyed by the
/// schema makes servers that start together apply each exactly once.
pub(super) async fn migrate(client: &mut Object, schema: Option<&str>) -> Result<()> {
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

pub(super) async fn lock_migrations(tx: &Transaction<'_>, key: &str) -> Result<()> {
    tx.execute(
        "SELECT pg_advisory_xact_lock($1, hashtext($2))",
        &[&MIGRATION_LOCK, &key],
    )
    .await?;
    Ok(())
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
}
