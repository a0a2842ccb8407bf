//! Accounts of a team server: users with a role and a password hash, API
//! tokens and browser sessions, persisted behind the [`AccountStore`] trait.
//!
//! This module only keeps records: hashing passwords, making secrets and
//! deciding who may do what is the application layer's (`casefile_app::accounts`).
//! Secrets arrive here already hashed (Argon2id for passwords, SHA-256 for
//! tokens and session ids), so the database never holds one in the clear.
//! Every change is an audit entry in the same transaction, naming the user
//! and the token or session id, never a password hash or a secret.
//!
//! [`SqliteAccountStore`] keeps its tables in the project's database, on a
//! connection of its own; its `write` uses immediate transactions like the
//! main store, so both append to one audit chain safely. The PostgreSQL
//! one is `postgres::accounts`. One behaviour suite runs against both
//! (`tests/accounts.rs`).

use crate::error::DbContext;
use crate::records::audit_record;
use crate::sqlite::append_audit_in;
use crate::{now_rfc3339, Result, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use std::path::Path;

/// A user of the project as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub name: String,
    /// The role's name (`admin`, `investigator`, …); the application layer parses it.
    pub role: String,
    /// A PHC string (`$argon2id$…`).
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: String,
    /// The language of the interface the user chose (`en`, `uk`, …), if any.
    pub language: Option<String>,
}

/// An API token as stored: its public id, never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenRecord {
    pub id: String,
    pub user: String,
    pub created_at: String,
    pub revoked: bool,
}

/// A browser session as stored (looked up by the hash of its id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: String,
    /// RFC 3339 UTC; the session is refused from then on.
    pub expires_at: String,
    /// The hash of the session's CSRF token (double submit).
    pub csrf_hash: String,
}

/// Persistence of users, tokens and sessions. Every write appends its audit
/// entry (with `actor`) in the same transaction.
pub trait AccountStore {
    fn add_user(&mut self, user: &UserRecord, actor: &str) -> Result<()>;
    fn user(&self, name: &str) -> Result<Option<UserRecord>>;
    fn users(&self) -> Result<Vec<UserRecord>>;
    fn set_password_hash(&mut self, name: &str, hash: &str, actor: &str) -> Result<()>;
    fn set_role(&mut self, name: &str, role: &str, actor: &str) -> Result<()>;
    /// Sets (or with `None` clears) the language of the user's interface.
    fn set_language(&mut self, name: &str, language: Option<&str>, actor: &str) -> Result<()>;
    /// Disables the user, ends their sessions and revokes their tokens.
    fn disable_user(&mut self, name: &str, actor: &str) -> Result<()>;

    fn add_token(&mut self, id: &str, user: &str, secret_hash: &str, actor: &str) -> Result<()>;
    /// The token whose secret hashes to `secret_hash`.
    fn token_by_hash(&self, secret_hash: &str) -> Result<Option<TokenRecord>>;
    fn tokens(&self) -> Result<Vec<TokenRecord>>;
    /// Revokes token `id`; false when no such token exists.
    fn revoke_token(&mut self, id: &str, actor: &str) -> Result<bool>;

    fn add_session(&mut self, id_hash: &str, session: &SessionRecord, actor: &str) -> Result<()>;
    fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>>;
    /// Ends the session; false when there was none.
    fn end_session(&mut self, id_hash: &str, actor: &str) -> Result<bool>;
}

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    language      TEXT
);
CREATE TABLE IF NOT EXISTS api_tokens (
    id          TEXT PRIMARY KEY,
    user        TEXT NOT NULL REFERENCES users(name),
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
    id_hash    TEXT PRIMARY KEY,
    user       TEXT NOT NULL REFERENCES users(name),
    csrf_hash  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user);
"#;

/// The accounts of an embedded project, in its SQLite database.
pub struct SqliteAccountStore {
    conn: Connection,
}

impl SqliteAccountStore {
    /// Opens the accounts of the database at `path`, creating their tables
    /// when absent (the main schema must already exist: see `SqliteStore::open`).
    pub fn open(path: &Path) -> Result<SqliteAccountStore> {
        let conn = Connection::open(path).db("use the account tables")?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .db("use the account tables")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .db("use the account tables")?;
        conn.execute_batch(SCHEMA).db("use the account tables")?;
        add_language_column(&conn)?;
        Ok(SqliteAccountStore { conn })
    }

    /// Sets one column of a user's row (`role`, `language`), audited as
    /// `user.COLUMN` with the new value.
    fn set_field<V: rusqlite::ToSql + Serialize>(
        &mut self,
        name: &str,
        column: &'static str,
        value: V,
        actor: &str,
    ) -> Result<()> {
        self.write(|tx| {
            let sql = format!("UPDATE users SET {column} = ?2 WHERE name = ?1");
            if tx
                .execute(&sql, params![name, value])
                .db("use the account tables")?
                == 0
            {
                return Err(no_user(name));
            }
            audit(
                tx,
                actor,
                &format!("user.{column}"),
                vec![name.to_string()],
                serde_json::json!({ column: value }),
            )
        })
    }

    fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .db("use the account tables")?;
        let out = f(&tx)?;
        tx.commit().db("use the account tables")?;
        Ok(out)
    }
}

/// Tables made before users had a language get the column (once; the
/// account tables' only change of schema so far).
fn add_language_column(conn: &Connection) -> Result<()> {
    let present: bool = conn
        .query_row(
            "SELECT EXISTS(SELECT 1 FROM pragma_table_info('users') WHERE name = 'language')",
            [],
            |r| r.get(0),
        )
        .db("read the columns of users")?;
    if !present {
        conn.execute_batch("ALTER TABLE users ADD COLUMN language TEXT")
            .db("add the language column to users")?;
    }
    Ok(())
}

fn audit(
    tx: &Transaction<'_>,
    actor: &str,
    action: &str,
    objects: Vec<String>,
    detail: serde_json::Value,
) -> Result<()> {
    append_audit_in(tx, audit_record(actor, action, objects, detail.to_string()))?;
    Ok(())
}

fn no_user(name: &str) -> StoreError {
    StoreError::NotFound {
        what: "user",
        id: name.to_string(),
    }
}

fn user_from_row(row: &Row<'_>) -> rusqlite::Result<UserRecord> {
    Ok(UserRecord {
        name: row.get(0)?,
        role: row.get(1)?,
        password_hash: row.get(2)?,
        disabled: row.get(3)?,
        created_at: row.get(4)?,
        language: row.get(5)?,
    })
}

fn token_from_row(row: &Row<'_>) -> rusqlite::Result<TokenRecord> {
    Ok(TokenRecord {
        id: row.get(0)?,
        user: row.get(1)?,
        created_at: row.get(2)?,
        revoked: row.get(3)?,
    })
}

const USER_COLUMNS: &str = "name, role, password_hash, disabled, created_at, language";
const TOKEN_COLUMNS: &str = "id, user, created_at, revoked";

impl AccountStore for SqliteAccountStore {
    fn add_user(&mut self, user: &UserRecord, actor: &str) -> Result<()> {
        self.write(|tx| {
            let exists: bool = tx
                .query_row("SELECT 1 FROM users WHERE name = ?1", [&user.name], |_| Ok(()))
                .optional().db("use the account tables")?
                .is_some();
            if exists {
                return Err(StoreError::Invalid {
                    what: "user",
                    reason: format!("a user named {:?} already exists", user.name),
                });
            }
            tx.execute(
                "INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![user.name, user.role, user.password_hash, user.disabled, user.created_at],
            ).db("use the account tables")?;
            audit(tx, actor, "user.add", vec![user.name.clone()], serde_json::json!({ "role": user.role }))
        })
    }

    fn user(&self, name: &str) -> Result<Option<UserRecord>> {
        self.conn
            .prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"))
            .db("use the account tables")?
            .query_row([name], user_from_row)
            .optional()
            .db("use the account tables")
    }

    fn users(&self) -> Result<Vec<UserRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"))
            .db("use the account tables")?;
        let rows = stmt
            .query_map([], user_from_row)
            .db("use the account tables")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("use the account tables")
    }

    fn set_password_hash(&mut self, name: &str, hash: &str, actor: &str) -> Result<()> {
        self.write(|tx| {
            if tx
                .execute(
                    "UPDATE users SET password_hash = ?2 WHERE name = ?1",
                    params![name, hash],
                )
                .db("use the account tables")?
                == 0
            {
                return Err(no_user(name));
            }
            // A new password ends every session opened with the old one.
            let ended = tx
                .execute("DELETE FROM sessions WHERE user = ?1", [name])
                .db("use the account tables")?;
            audit(
                tx,
                actor,
                "user.passwd",
                vec![name.to_string()],
                serde_json::json!({ "sessions_ended": ended }),
            )
        })
    }

    fn set_role(&mut self, name: &str, role: &str, actor: &str) -> Result<()> {
        self.set_field(name, "role", role, actor)
    }

    fn set_language(&mut self, name: &str, language: Option<&str>, actor: &str) -> Result<()> {
        self.set_field(name, "language", language, actor)
    }

    fn disable_user(&mut self, name: &str, actor: &str) -> Result<()> {
        self.write(|tx| {
            if tx
                .execute("UPDATE users SET disabled = 1 WHERE name = ?1", [name])
                .db("use the account tables")?
                == 0
            {
                return Err(no_user(name));
            }
            let sessions = tx
                .execute("DELETE FROM sessions WHERE user = ?1", [name])
                .db("use the account tables")?;
            let tokens = tx
                .execute(
                    "UPDATE api_tokens SET revoked = 1 WHERE user = ?1 AND revoked = 0",
                    [name],
                )
                .db("use the account tables")?;
            audit(
                tx,
                actor,
                "user.disable",
                vec![name.to_string()],
                serde_json::json!({ "sessions_ended": sessions, "tokens_revoked": tokens }),
            )
        })
    }

    fn add_token(&mut self, id: &str, user: &str, secret_hash: &str, actor: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO api_tokens (id, user, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, user, secret_hash, now_rfc3339()],
            ).db("use the account tables")?;
            audit(tx, actor, "user.token.add", vec![user.to_string(), id.to_string()], serde_json::json!({}))
        })
    }

    fn token_by_hash(&self, secret_hash: &str) -> Result<Option<TokenRecord>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE secret_hash = ?1"
            ))
            .db("use the account tables")?
            .query_row([secret_hash], token_from_row)
            .optional()
            .db("use the account tables")
    }

    fn tokens(&self) -> Result<Vec<TokenRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY user, created_at, id"
            ))
            .db("use the account tables")?;
        let rows = stmt
            .query_map([], token_from_row)
            .db("use the account tables")?;
        rows.collect::<rusqlite::Result<_>>()
            .db("use the account tables")
    }

    fn revoke_token(&mut self, id: &str, actor: &str) -> Result<bool> {
        self.write(|tx| {
            let user: Option<String> = tx
                .query_row("SELECT user FROM api_tokens WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()
                .db("use the account tables")?;
            let Some(user) = user else { return Ok(false) };
            tx.execute("UPDATE api_tokens SET revoked = 1 WHERE id = ?1", [id])
                .db("use the account tables")?;
            audit(
                tx,
                actor,
                "user.token.revoke",
                vec![user, id.to_string()],
                serde_json::json!({}),
            )?;
            Ok(true)
        })
    }

    fn add_session(&mut self, id_hash: &str, session: &SessionRecord, actor: &str) -> Result<()> {
        self.write(|tx| {
            // Expired sessions are cleared whenever a new one starts.
            let now = now_rfc3339();
            tx.execute("DELETE FROM sessions WHERE expires_at <= ?1", [&now]).db("use the account tables")?;
            tx.execute(
                "INSERT INTO sessions (id_hash, user, csrf_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id_hash, session.user, session.csrf_hash, now, session.expires_at],
            ).db("use the account tables")?;
            // The audit names the session by a prefix of its hash: enough to
            // tell sessions apart, useless to take one over.
            audit(
                tx,
                actor,
                "user.login",
                vec![session.user.clone()],
                serde_json::json!({ "session": &id_hash[..id_hash.len().min(12)], "expires_at": session.expires_at }),
            )
        })
    }

    fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>> {
        self.conn
            .prepare_cached("SELECT user, expires_at, csrf_hash FROM sessions WHERE id_hash = ?1")
            .db("use the account tables")?
            .query_row([id_hash], |r| {
                Ok(SessionRecord {
                    user: r.get(0)?,
                    expires_at: r.get(1)?,
                    csrf_hash: r.get(2)?,
                })
            })
            .optional()
            .db("use the account tables")
    }

    fn end_session(&mut self, id_hash: &str, actor: &str) -> Result<bool> {
        self.write(|tx| {
            let user: Option<String> = tx
                .query_row(
                    "SELECT user FROM sessions WHERE id_hash = ?1",
                    [id_hash],
                    |r| r.get(0),
                )
                .optional()
                .db("use the account tables")?;
            let Some(user) = user else { return Ok(false) };
            tx.execute("DELETE FROM sessions WHERE id_hash = ?1", [id_hash])
                .db("use the account tables")?;
            audit(
                tx,
                actor,
                "user.logout",
                vec![user],
                serde_json::json!({ "session": &id_hash[..id_hash.len().min(12)] }),
            )?;
            Ok(true)
        })
    }
}
