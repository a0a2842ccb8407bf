//! Users of a shared project: who they are, their role, how they prove it.
//!
//! Passwords are hashed with Argon2id (PHC strings, a fresh salt each);
//! API tokens and session ids are 32 random bytes shown once and stored as
//! their SHA-256, so a copy of the database lets no one in. A disabled user
//! is refused whatever they present: their sessions end and their tokens
//! are revoked. Records live behind `casefile_store::AccountStore`; every
//! change is an audit entry there, never with a password or a secret.
//!
//! Refusals to authenticate all say the same thing, so that a caller cannot
//! learn which names exist or which are disabled.

use crate::{Actor, AppError, Permission, Result, Role};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use casefile_core::{sha256_hex, AuditRecord};
use casefile_store::{now_rfc3339, MemoTable, Project, SessionRecord, UserRecord};
use serde::Serialize;
use std::sync::OnceLock;

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// How long a browser session lasts.
pub const SESSION_HOURS: i64 = 12;
/// What every failed authentication says.
const REFUSED: &str = "wrong name, password, token or session";

/// A user as others may see them (no hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserInfo {
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: String,
    /// The language of the interface the user chose, if any.
    pub language: Option<String>,
}

/// A token just made: `token` is the secret, shown this once.
#[derive(Debug, Clone, Serialize)]
pub struct NewToken {
    pub id: String,
    pub user: String,
    pub token: String,
}

/// A session just opened: the secret session id and CSRF token, shown this once.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub session: String,
    pub csrf: String,
    pub expires_at: String,
    pub actor: Actor,
}

/// Who a session belongs to, and the hash its CSRF token must match.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: Actor,
    csrf_hash: String,
}

impl Session {
    /// True when `csrf` is the token issued with this session.
    pub fn csrf_matches(&self, csrf: &str) -> bool {
        sha256_hex(csrf.as_bytes()) == self.csrf_hash
    }
}

fn refused() -> AppError {
    AppError::Unauthenticated(REFUSED.to_string())
}

/// `prefix` and 32 random bytes in hex.
fn secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", hex::encode(bytes))
}

/// 8 random bytes in hex: a public id (of a token, a job).
pub fn random_id() -> String {
    let mut id = [0u8; 8];
    OsRng.fill_bytes(&mut id);
    hex::encode(id)
}

fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(AppError::Invalid(
            "a user name is 1 to 64 characters of letters, digits, '.', '_', '-' or '@'"
                .to_string(),
        ))
    }
}

fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::Invalid(format!(
            "a password needs at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Invalid(format!("cannot hash the password: {e}")))
}

fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to check unknown names against, so that they take as long to refuse as known ones.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password never used").unwrap_or_default())
}

fn info(record: UserRecord) -> Result<UserInfo> {
    Ok(UserInfo {
        role: record.role.parse()?,
        name: record.name,
        disabled: record.disabled,
        created_at: record.created_at,
        language: record.language,
    })
}

fn user(project: &Project, name: &str) -> Result<UserRecord> {
    project
        .accounts()
        .user(name)?
        .ok_or_else(|| AppError::NotFound(format!("no user named {name:?}")))
}

/// Fails unless `actor` manages users, or is `name` acting on themself.
fn require_self_or_manager(actor: &Actor, name: &str) -> Result<()> {
    if actor.name == name {
        Ok(())
    } else {
        actor.require(Permission::ManageUsers)
    }
}

/// Adds a user with a role and a password.
pub fn add_user(
    project: &mut Project,
    actor: &Actor,
    name: &str,
    role: Role,
    password: &str,
) -> Result<UserInfo> {
    actor.require(Permission::ManageUsers)?;
    check_name(name)?;
    let record = UserRecord {
        name: name.to_string(),
        role: role.as_str().to_string(),
        password_hash: hash_password(password)?,
        disabled: false,
        created_at: now_rfc3339(),
        language: None,
    };
    project.accounts_mut().add_user(&record, &actor.name)?;
    info(record)
}

/// Every user, by name.
pub fn users(project: &Project, actor: &Actor) -> Result<Vec<UserInfo>> {
    actor.require(Permission::ManageUsers)?;
    project.accounts().users()?.into_iter().map(info).collect()
}

/// Sets a user's password (their own, or anyone's for an admin); ends their sessions.
pub fn set_password(
    project: &mut Project,
    actor: &Actor,
    name: &str,
    password: &str,
) -> Result<()> {
    require_self_or_manager(actor, name)?;
    user(project, name)?;
    let hash = hash_password(password)?;
    Ok(project
        .accounts_mut()
        .set_password_hash(name, &hash, &actor.name)?)
}

/// Gives a user another role.
pub fn set_role(project: &mut Project, actor: &Actor, name: &str, role: Role) -> Result<UserInfo> {
    actor.require(Permission::ManageUsers)?;
    user(project, name)?;
    project
        .accounts_mut()
        .set_role(name, role.as_str(), &actor.name)?;
    info(user(project, name)?)
}

/// The actor's own account (any signed-in user may read theirs).
pub fn me(project: &Project, actor: &Actor) -> Result<UserInfo> {
    info(user(project, &actor.name)?)
}

/// Sets the language of a user's interface (their own, or anyone's for an
/// admin): a language code of two or three lowercase letters (`en`, `uk`),
/// or `None` to follow the browser again. Which languages exist is the
/// front end's to say; this keeps the choice.
pub fn set_language(
    project: &mut Project,
    actor: &Actor,
    name: &str,
    language: Option<&str>,
) -> Result<UserInfo> {
    require_self_or_manager(actor, name)?;
    let language = language.map(str::trim).filter(|l| !l.is_empty());
    if let Some(code) = language {
        let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !ok {
            return Err(AppError::Invalid(format!(
                "{code:?} is not a language code (two or three lowercase letters, e.g. en or uk)"
            )));
        }
    }
    user(project, name)?;
    project
        .accounts_mut()
        .set_language(name, language, &actor.name)?;
    info(user(project, name)?)
}

/// Disables a user: every session and token of theirs is refused from now on.
pub fn disable(project: &mut Project, actor: &Actor, name: &str) -> Result<UserInfo> {
    actor.require(Permission::ManageUsers)?;
    user(project, name)?;
    project.accounts_mut().disable_user(name, &actor.name)?;
    info(user(project, name)?)
}

/// Makes an API token for `name` (their own, or anyone's for an admin).
pub fn create_token(project: &mut Project, actor: &Actor, name: &str) -> Result<NewToken> {
    require_self_or_manager(actor, name)?;
    if user(project, name)?.disabled {
        return Err(AppError::Invalid(format!("user {name:?} is disabled")));
    }
    let id = random_id();
    let token = secret("cft_");
    project
        .accounts_mut()
        .add_token(&id, name, &sha256_hex(token.as_bytes()), &actor.name)?;
    Ok(NewToken {
        id,
        user: name.to_string(),
        token,
    })
}

/// Revokes the token with public id `id`.
pub fn revoke_token(project: &mut Project, actor: &Actor, id: &str) -> Result<()> {
    actor.require(Permission::ManageUsers)?;
    if project.accounts_mut().revoke_token(id, &actor.name)? {
        Ok(())
    } else {
        Err(AppError::NotFound(format!("no token with id {id:?}")))
    }
}

/// The actor of an enabled user, or the one refusal.
fn enabled_actor(project: &Project, name: &str) -> Result<Actor> {
    match project.accounts().user(name)? {
        Some(u) if !u.disabled => Ok(Actor::new(u.name, u.role.parse()?)),
        _ => Err(refused()),
    }
}

/// Checks a name and password and opens a browser session.
pub fn login(project: &mut Project, name: &str, password: &str) -> Result<NewSession> {
    let record = project.accounts().user(name)?;
    let matches = match &record {
        Some(u) => password_matches(&u.password_hash, password),
        None => {
            password_matches(decoy_hash(), password);
            false
        }
    };
    let Some(record) = record.filter(|u| matches && !u.disabled) else {
        return Err(refused());
    };
    let actor = Actor::new(record.name, record.role.parse()?);
    let (session, csrf) = (secret("cfs_"), secret(""));
    let expires_at = (chrono::Utc::now() + chrono::Duration::hours(SESSION_HOURS))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    project.accounts_mut().add_session(
        &sha256_hex(session.as_bytes()),
        &SessionRecord {
            user: actor.name.clone(),
            expires_at: expires_at.clone(),
            csrf_hash: sha256_hex(csrf.as_bytes()),
        },
        &actor.name,
    )?;
    Ok(NewSession {
        session,
        csrf,
        expires_at,
        actor,
    })
}

/// Whose each token and session is, for each state of the database: every
/// change to users, tokens and sessions is a `user.*` audit entry (in the
/// same transaction), so any such entry, from this process or another,
/// empties the table, and any other leaves it. Only credentials that were
/// accepted are kept (a flood of wrong ones cannot fill it); a session's
/// expiry is checked on every use.
const CREDENTIALS: MemoTable = MemoTable {
    name: "accounts.credentials",
    kept_by: keeps_credentials,
    capacity: 10_000,
};

fn keeps_credentials(record: &AuditRecord) -> bool {
    !record.action.starts_with("user.")
}

/// The actor whose API token this is.
pub fn authenticate_token(project: &Project, token: &str) -> Result<Actor> {
    let hash = sha256_hex(token.as_bytes());
    let actor = project.memo(&CREDENTIALS, &format!("token:{hash}"), |_| {
        match project.accounts().token_by_hash(&hash)? {
            Some(t) if !t.revoked => Ok((enabled_actor(project, &t.user)?, 1)),
            _ => Err(refused()),
        }
    })?;
    Ok(Actor::clone(&actor))
}

/// The session with this id, unless it expired or its user is disabled.
pub fn authenticate_session(project: &Project, session: &str) -> Result<Session> {
    let hash = sha256_hex(session.as_bytes());
    let found = project.memo(&CREDENTIALS, &format!("session:{hash}"), |_| {
        let Some(record) = project.accounts().session(&hash)? else {
            return Err(refused());
        };
        let session = Session {
            actor: enabled_actor(project, &record.user)?,
            csrf_hash: record.csrf_hash,
        };
        Ok(((session, record.expires_at), 1))
    })?;
    let (session, expires_at) = &*found;
    // RFC 3339 UTC with second precision, as every stored time: compares as text.
    if *expires_at <= now_rfc3339() {
        return Err(refused());
    }
    Ok(session.clone())
}

/// Ends the session with this id (nothing happens if there is none).
pub fn logout(project: &mut Project, session: &str) -> Result<()> {
    let hash = sha256_hex(session.as_bytes());
    let actor = match project.accounts().session(&hash)? {
        Some(s) => s.user,
        None => return Ok(()),
    };
    project.accounts_mut().end_session(&hash, &actor)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::init(&dir.path().join("p"), "admin").unwrap();
        (dir, project)
    }

    #[test]
    fn password_token_and_session_authenticate_until_disabled() {
        let (_dir, mut p) = project();
        let admin = Actor::local("admin");
        let added = add_user(
            &mut p,
            &admin,
            "olena",
            Role::Tracer,
            "correct horse battery",
        )
        .unwrap();
        assert_eq!(added.role, Role::Tracer);
        let stored = p.accounts().user("olena").unwrap().unwrap();
        assert!(
            stored.password_hash.starts_with("$argon2id$"),
            "Argon2id PHC string"
        );
        assert!(!stored.password_hash.contains("correct horse"));

        assert!(matches!(
            login(&mut p, "olena", "wrong password!"),
            Err(AppError::Unauthenticated(_))
        ));
        let unknown = login(&mut p, "nobody", "correct horse battery").unwrap_err();
        let wrong = login(&mut p, "olena", "wrong password!").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            wrong.to_string(),
            "no hint which names exist"
        );

        let session = login(&mut p, "olena", "correct horse battery").unwrap();
        let s = authenticate_session(&p, &session.session).unwrap();
        assert_eq!(s.actor, Actor::new("olena", Role::Tracer));
        assert!(s.csrf_matches(&session.csrf));
        assert!(!s.csrf_matches("forged"));

        let token = create_token(&mut p, &admin, "olena").unwrap();
        assert!(token.token.len() >= 64);
        assert_eq!(
            authenticate_token(&p, &token.token).unwrap().role,
            Role::Tracer
        );
        assert!(authenticate_token(&p, "cft_guess").is_err());

        set_role(&mut p, &admin, "olena", Role::Viewer).unwrap();
        assert_eq!(
            authenticate_token(&p, &token.token).unwrap().role,
            Role::Viewer
        );

        let ivan = Actor::new("ivan", Role::Analyst);
        assert!(matches!(
            set_language(&mut p, &ivan, "olena", Some("en")),
            Err(AppError::Forbidden { .. })
        ));
        let olena = Actor::new("olena", Role::Viewer);
        assert!(matches!(
            set_language(&mut p, &olena, "olena", Some("EN<script>")),
            Err(AppError::Invalid(_))
        ));
        assert_eq!(me(&p, &olena).unwrap().language, None);
        set_language(&mut p, &olena, "olena", Some("en")).unwrap();
        assert_eq!(me(&p, &olena).unwrap().language.as_deref(), Some("en"));
        set_language(&mut p, &olena, "olena", Some("")).unwrap();
        assert_eq!(me(&p, &olena).unwrap().language, None);

        disable(&mut p, &admin, "olena").unwrap();
        assert!(authenticate_token(&p, &token.token).is_err());
        assert!(authenticate_session(&p, &session.session).is_err());
        assert!(login(&mut p, "olena", "correct horse battery").is_err());
    }

    #[test]
    fn only_admins_manage_others_and_weak_passwords_are_refused() {
        let (_dir, mut p) = project();
        let admin = Actor::local("admin");
        add_user(&mut p, &admin, "ivan", Role::Analyst, "long enough pass").unwrap();
        let ivan = Actor::new("ivan", Role::Analyst);
        assert!(matches!(
            add_user(&mut p, &ivan, "x", Role::Admin, "long enough pass"),
            Err(AppError::Forbidden { .. })
        ));
        assert!(matches!(
            set_role(&mut p, &ivan, "ivan", Role::Admin),
            Err(AppError::Forbidden { .. })
        ));
        assert!(matches!(
            set_password(&mut p, &ivan, "ivan", "short"),
            Err(AppError::Invalid(_))
        ));
        set_password(&mut p, &ivan, "ivan", "another long one").unwrap();
        assert!(login(&mut p, "ivan", "another long one").is_ok());
        assert!(add_user(
            &mut p,
            &admin,
            "bad name!",
            Role::Viewer,
            "long enough pass"
        )
        .is_err());

        let t = create_token(&mut p, &ivan, "ivan").unwrap();
        revoke_token(&mut p, &admin, &t.id).unwrap();
        assert!(authenticate_token(&p, &t.token).is_err());
        assert!(matches!(
            revoke_token(&mut p, &admin, "nope"),
            Err(AppError::NotFound(_))
        ));

        let log = serde_json::to_string(&p.store().audit_entries().unwrap()).unwrap();
        assert!(!log.contains("long enough pass") && !log.contains(&t.token));
    }
}
