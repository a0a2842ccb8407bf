//! [`AccountStore`] on PostgreSQL: users, API tokens and browser sessions in
//! the tables of migration `0002_accounts.sql`, sharing the pool of a
//! [`PgStore`]. Every change is a write transaction of [`Writer`], so its
//! audit entry joins the one chain in the same transaction, exactly as the
//! SQLite accounts do.

use super::write::Writer;
use super::PgStore;
use crate::accounts::{AccountStore, SessionRecord, TokenRecord, UserRecord};
use crate::records::audit_record;
use crate::{now_rfc3339, Result, StoreError};
use tokio_postgres::Row;

/// The accounts of a team server, in the PostgreSQL database of its store.
/// Clones share the store's pool.
#[derive(Clone, Debug)]
pub struct PgAccountStore {
    store: PgStore,
}

impl PgAccountStore {
    /// The accounts in the same database (and schema) as `store`, whose
    /// migrations created their tables.
    pub fn new(store: PgStore) -> PgAccountStore {
        PgAccountStore { store }
    }
}

fn no_user(name: &str) -> StoreError {
    StoreError::NotFound {
        what: "user",
        id: name.to_string(),
    }
}

fn user_from_row(row: &Row) -> Result<UserRecord> {
    Ok(UserRecord {
        name: row.try_get(0)?,
        role: row.try_get(1)?,
        password_hash: row.try_get(2)?,
        disabled: row.try_get(3)?,
        created_at: row.try_get(4)?,
        language: row.try_get(5)?,
    })
}

fn token_from_row(row: &Row) -> Result<TokenRecord> {
    Ok(TokenRecord {
        id: row.try_get(0)?,
        user: row.try_get(1)?,
        created_at: row.try_get(2)?,
        revoked: row.try_get(3)?,
    })
}

const USER_COLUMNS: &str = "name, role, password_hash, disabled, created_at, language";
const TOKEN_COLUMNS: &str = "id, user_name, created_at, revoked";

/// The first 12 characters of a session's hash: enough to tell sessions
/// apart in the log, useless to take one over.
fn session_prefix(id_hash: &str) -> &str {
    id_hash.get(..id_hash.len().min(12)).unwrap_or("")
}

impl PgAccountStore {
    /// Runs one write transaction holding the audit head's lock.
    fn write<T>(
        &self,
        f: impl for<'w> FnOnce(
            &'w mut Writer<'_>,
        )
            -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<T>> + 'w>>,
    ) -> Result<T> {
        self.store.runtime.block_on(async {
            let mut client = self.store.client().await?;
            let mut w = Writer::begin(&mut client, &self.store.head).await?;
            let out = f(&mut w).await?;
            w.commit().await?;
            Ok(out)
        })
    }

    /// Sets one text column of a user's row (`role`, `language`), audited
    /// as `user.COLUMN` with the new value.
    fn set_field(
        &self,
        name: &str,
        column: &'static str,
        value: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        let (name, actor) = (name.to_string(), actor.to_string());
        let value = value.map(str::to_string);
        self.write(move |w| {
            Box::pin(async move {
                let sql = format!("UPDATE users SET {column} = $2 WHERE name = $1");
                let changed = w.tx.execute(sql.as_str(), &[&name, &value]).await?;
                if changed == 0 {
                    return Err(no_user(&name));
                }
                w.audit(audit_record(
                    &actor,
                    &format!("user.{column}"),
                    vec![name.clone()],
                    serde_json::json!({ column: value }).to_string(),
                ))
                .await?;
                Ok(())
            })
        })
    }

    fn read_opt<T>(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
        map: fn(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        self.store.runtime.block_on(async {
            let client = self.store.client().await?;
            let statement = client.prepare_cached(sql).await?;
            match client.query_opt(&statement, params).await? {
                Some(row) => Ok(Some(map(&row)?)),
                None => Ok(None),
            }
        })
    }

    fn read_all<T>(&self, sql: &str, map: fn(&Row) -> Result<T>) -> Result<Vec<T>> {
        self.store.runtime.block_on(async {
            let client = self.store.client().await?;
            let statement = client.prepare_cached(sql).await?;
            client
                .query(&statement, &[])
                .await?
                .iter()
                .map(map)
                .collect()
        })
    }
}

impl AccountStore for PgAccountStore {
    fn add_user(&mut self, user: &UserRecord, actor: &str) -> Result<()> {
        let user = user.clone();
        let actor = actor.to_string();
        self.write(move |w| {
            Box::pin(async move {
                let added =
                    w.tx.execute(
                        "INSERT INTO users (name, role, password_hash, disabled, created_at)
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING",
                        &[
                            &user.name,
                            &user.role,
                            &user.password_hash,
                            &user.disabled,
                            &user.created_at,
                        ],
                    )
                    .await?;
                if added == 0 {
                    return Err(StoreError::Invalid {
                        what: "user",
                        reason: format!("a user named {:?} already exists", user.name),
                    });
                }
                w.audit(audit_record(
                    &actor,
                    "user.add",
                    vec![user.name.clone()],
                    serde_json::json!({ "role": user.role }).to_string(),
                ))
                .await?;
                Ok(())
            })
        })
    }

    fn user(&self, name: &str) -> Result<Option<UserRecord>> {
        self.read_opt(
            &format!("SELECT {USER_COLUMNS} FROM users WHERE name = $1"),
            &[&name],
            user_from_row,
        )
    }

    fn users(&self) -> Result<Vec<UserRecord>> {
        self.read_all(
            &format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"),
            user_from_row,
        )
    }

    fn set_password_hash(&mut self, name: &str, hash: &str, actor: &str) -> Result<()> {
        let (name, hash, actor) = (name.to_string(), hash.to_string(), actor.to_string());
        self.write(move |w| {
            Box::pin(async move {
                let changed =
                    w.tx.execute(
                        "UPDATE users SET password_hash = $2 WHERE name = $1",
                        &[&name, &hash],
                    )
                    .await?;
                if changed == 0 {
                    return Err(no_user(&name));
                }
                // A new password ends every session opened with the old one.
                let ended =
                    w.tx.execute("DELETE FROM sessions WHERE user_name = $1", &[&name])
                        .await?;
                w.audit(audit_record(
                    &actor,
                    "user.passwd",
                    vec![name.clone()],
                    serde_json::json!({ "sessions_ended": ended }).to_string(),
                ))
                .await?;
                Ok(())
            })
        })
    }

    fn set_role(&mut self, name: &str, role: &str, actor: &str) -> Result<()> {
        self.set_field(name, "role", Some(role), actor)
    }

    fn set_language(&mut self, name: &str, language: Option<&str>, actor: &str) -> Result<()> {
        self.set_field(name, "language", language, actor)
    }

    fn disable_user(&mut self, name: &str, actor: &str) -> Result<()> {
        let (name, actor) = (name.to_string(), actor.to_string());
        self.write(move |w| {
            Box::pin(async move {
                let changed =
                    w.tx.execute("UPDATE users SET disabled = TRUE WHERE name = $1", &[&name])
                        .await?;
                if changed == 0 {
                    return Err(no_user(&name));
                }
                let sessions =
                    w.tx.execute("DELETE FROM sessions WHERE user_name = $1", &[&name])
                        .await?;
                let tokens =
                    w.tx.execute(
                        "UPDATE api_tokens SET revoked = TRUE WHERE user_name = $1 AND NOT revoked",
                        &[&name],
                    )
                    .await?;
                w.audit(audit_record(
                    &actor,
                    "user.disable",
                    vec![name.clone()],
                    serde_json::json!({ "sessions_ended": sessions, "tokens_revoked": tokens })
                        .to_string(),
                ))
                .await?;
                Ok(())
            })
        })
    }

    fn add_token(&mut self, id: &str, user: &str, secret_hash: &str, actor: &str) -> Result<()> {
        let (id, user, secret_hash, actor) = (
            id.to_string(),
            user.to_string(),
            secret_hash.to_string(),
            actor.to_string(),
        );
        self.write(move |w| {
            Box::pin(async move {
                if w.tx
                    .query_opt("SELECT 1 FROM users WHERE name = $1", &[&user])
                    .await?
                    .is_none()
                {
                    return Err(no_user(&user));
                }
                w.tx.execute(
                    "INSERT INTO api_tokens (id, user_name, secret_hash, created_at)
                     VALUES ($1, $2, $3, $4)",
                    &[&id, &user, &secret_hash, &now_rfc3339()],
                )
                .await?;
                w.audit(audit_record(
                    &actor,
                    "user.token.add",
                    vec![user.clone(), id.clone()],
                    "{}".to_string(),
                ))
                .await?;
                Ok(())
            })
        })
    }

    fn token_by_hash(&self, secret_hash: &str) -> Result<Option<TokenRecord>> {
        self.read_opt(
            &format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE secret_hash = $1"),
            &[&secret_hash],
            token_from_row,
        )
    }

    fn tokens(&self) -> Result<Vec<TokenRecord>> {
        self.read_all(
            &format!("SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY user_name, created_at, id"),
            token_from_row,
        )
    }

    fn revoke_token(&mut self, id: &str, actor: &str) -> Result<bool> {
        let (id, actor) = (id.to_string(), actor.to_string());
        self.write(move |w| {
            Box::pin(async move {
                let row =
                    w.tx.query_opt("SELECT user_name FROM api_tokens WHERE id = $1", &[&id])
                        .await?;
                let Some(row) = row else { return Ok(false) };
                let user: String = row.try_get(0)?;
                w.tx.execute("UPDATE api_tokens SET revoked = TRUE WHERE id = $1", &[&id])
                    .await?;
                w.audit(audit_record(
                    &actor,
                    "user.token.revoke",
                    vec![user, id.clone()],
                    "{}".to_string(),
                ))
                .await?;
                Ok(true)
            })
        })
    }

    fn add_session(&mut self, id_hash: &str, session: &SessionRecord, actor: &str) -> Result<()> {
        let (id_hash, session, actor) = (id_hash.to_string(), session.clone(), actor.to_string());
        self.write(move |w| {
            Box::pin(async move {
                // Expired sessions are cleared whenever a new one starts.
                let now = now_rfc3339();
                w.tx.execute("DELETE FROM sessions WHERE expires_at <= $1", &[&now])
                    .await?;
                w.tx.execute(
                    "INSERT INTO sessions (id_hash, user_name, csrf_hash, created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5)",
                    &[
                        &id_hash,
                        &session.user,
                        &session.csrf_hash,
                        &now,
                        &session.expires_at,
                    ],
                )
                .await?;
                w.audit(audit_record(
                    &actor,
                    "user.login",
                    vec![session.user.clone()],
                    serde_json::json!({
                        "session": session_prefix(&id_hash),
                        "expires_at": session.expires_at,
                    })
                    .to_string(),
                ))
                .await?;
                Ok(())
            })
        })
    }

    fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>> {
        self.read_opt(
            "SELECT user_name, expires_at, csrf_hash FROM sessions WHERE id_hash = $1",
            &[&id_hash],
            |r| {
                Ok(SessionRecord {
                    user: r.try_get(0)?,
                    expires_at: r.try_get(1)?,
                    csrf_hash: r.try_get(2)?,
                })
            },
        )
    }

    fn end_session(&mut self, id_hash: &str, actor: &str) -> Result<bool> {
        let (id_hash, actor) = (id_hash.to_string(), actor.to_string());
        self.write(move |w| {
            Box::pin(async move {
                let row =
                    w.tx.query_opt(
                        "SELECT user_name FROM sessions WHERE id_hash = $1",
                        &[&id_hash],
                    )
                    .await?;
                let Some(row) = row else { return Ok(false) };
                let user: String = row.try_get(0)?;
                w.tx.execute("DELETE FROM sessions WHERE id_hash = $1", &[&id_hash])
                    .await?;
                w.audit(audit_record(
                    &actor,
                    "user.logout",
                    vec![user],
                    serde_json::json!({ "session": session_prefix(&id_hash) }).to_string(),
                ))
                .await?;
                Ok(true)
            })
        })
    }
}
