//! One behaviour suite for every [`AccountStore`] backend: users, tokens and
//! sessions on SQLite (module `sqlite`) and on PostgreSQL (module
//! `postgres`, in a schema of its own). Each case checks the records, that
//! every change is an audit entry in the one chain, and that the log never
//! holds a secret.
//!
//! Without PostgreSQL the `postgres` cases fail under `CI` and are skipped
//! otherwise.

use casefile_store::testing::PgTestSchema;
use casefile_store::{
    now_rfc3339, AccountStore, PgAccountStore, SessionRecord, SqliteAccountStore, SqliteStore,
    Store, StoreError, UserRecord,
};

/// A fresh account store and the main store that holds its audit log.
struct Backend {
    accounts: Box<dyn AccountStore>,
    main: Box<dyn Store>,
    _keep: Box<dyn std::any::Any>,
}

fn sqlite_backend() -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let main = SqliteStore::open(&path).unwrap();
    let accounts = SqliteAccountStore::open(&path).unwrap();
    Backend {
        accounts: Box::new(accounts),
        main: Box::new(main),
        _keep: Box::new(dir),
    }
}

fn pg_backend() -> Option<Backend> {
    let schema = PgTestSchema::create()?;
    let main = schema.store();
    Some(Backend {
        accounts: Box::new(PgAccountStore::new(schema.store())),
        main: Box::new(main),
        _keep: Box::new(schema),
    })
}

macro_rules! suite {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $case() { super::$case(&mut super::sqlite_backend()); } )*
        }
        mod postgres {
            $( #[test] fn $case() {
                let Some(mut backend) = super::pg_backend() else { return };
                super::$case(&mut backend);
            } )*
        }
    };
}

suite!(
    changes_are_audited_without_secrets_and_disable_ends_everything,
    passwords_roles_and_listing,
    tokens_are_found_by_hash_and_revoked_once,
    sessions_end_and_expired_ones_are_cleared,
    a_user_keeps_a_language,
);

fn user(name: &str) -> UserRecord {
    UserRecord {
        name: name.into(),
        role: "analyst".into(),
        password_hash: "$argon2id$v=19$secret-hash".into(),
        disabled: false,
        created_at: now_rfc3339(),
        language: None,
    }
}

/// A session id's hash as the app stores it (SHA-256 hex): the audit log
/// may name a short prefix of it, never the whole.
const SESSION_HASH: &str = "5e5510a4c0ffee5e5510a4c0ffee5e5510a4c0ffee5e5510a4c0ffee5e5510a4";

fn actions(b: &Backend) -> Vec<String> {
    b.main
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.record.action)
        .collect()
}

fn chain_intact(b: &Backend) {
    let entries = b.main.audit_entries().unwrap();
    assert!(casefile_core::verify_chain(&entries, b.main.audit_head().unwrap()).is_empty());
}

fn changes_are_audited_without_secrets_and_disable_ends_everything(b: &mut Backend) {
    let accounts = b.accounts.as_mut();
    accounts.add_user(&user("olena"), "admin").unwrap();
    assert!(
        matches!(
            accounts.add_user(&user("olena"), "admin"),
            Err(StoreError::Invalid { .. })
        ),
        "duplicate name"
    );
    accounts
        .add_token("t1", "olena", "tokenhash", "admin")
        .unwrap();
    let session = SessionRecord {
        user: "olena".into(),
        expires_at: "2999-01-01T00:00:00Z".into(),
        csrf_hash: "csrfhash".into(),
    };
    accounts
        .add_session(SESSION_HASH, &session, "olena")
        .unwrap();
    assert_eq!(accounts.session(SESSION_HASH).unwrap(), Some(session));
    accounts.set_role("olena", "tracer", "admin").unwrap();
    assert_eq!(accounts.user("olena").unwrap().unwrap().role, "tracer");
    accounts.disable_user("olena", "admin").unwrap();
    assert!(accounts.user("olena").unwrap().unwrap().disabled);
    assert_eq!(accounts.session(SESSION_HASH).unwrap(), None);
    assert!(
        accounts
            .token_by_hash("tokenhash")
            .unwrap()
            .unwrap()
            .revoked
    );
    assert!(!accounts.revoke_token("nope", "admin").unwrap());
    assert!(matches!(
        accounts.set_role("nobody", "viewer", "admin"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        accounts.disable_user("nobody", "admin"),
        Err(StoreError::NotFound { .. })
    ));

    assert_eq!(
        actions(b),
        [
            "user.add",
            "user.token.add",
            "user.login",
            "user.role",
            "user.disable"
        ]
    );
    let log = serde_json::to_string(&b.main.audit_entries().unwrap()).unwrap();
    for secret in ["secret-hash", "tokenhash", SESSION_HASH, "csrfhash"] {
        assert!(!log.contains(secret), "the audit log holds {secret}");
    }
    assert!(
        log.contains(&SESSION_HASH[..12]),
        "the session is named by a prefix"
    );
    chain_intact(b);
}

fn passwords_roles_and_listing(b: &mut Backend) {
    let accounts = b.accounts.as_mut();
    for name in ["taras", "anna", "mykola"] {
        accounts.add_user(&user(name), "admin").unwrap();
    }
    let names: Vec<String> = accounts
        .users()
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["anna", "mykola", "taras"], "listed by name");
    assert_eq!(accounts.user("nobody").unwrap(), None);

    let session = SessionRecord {
        user: "anna".into(),
        expires_at: "2999-01-01T00:00:00Z".into(),
        csrf_hash: "csrf".into(),
    };
    accounts
        .add_session(SESSION_HASH, &session, "anna")
        .unwrap();
    accounts
        .set_password_hash("anna", "$argon2id$v=19$new-hash", "admin")
        .unwrap();
    let anna = accounts.user("anna").unwrap().unwrap();
    assert_eq!(anna.password_hash, "$argon2id$v=19$new-hash");
    assert!(!anna.disabled);
    assert_eq!(
        accounts.session(SESSION_HASH).unwrap(),
        None,
        "a new password ends the old sessions"
    );
    assert!(matches!(
        accounts.set_password_hash("nobody", "x", "admin"),
        Err(StoreError::NotFound { .. })
    ));
    let log = serde_json::to_string(&b.main.audit_entries().unwrap()).unwrap();
    assert!(
        !log.contains("new-hash"),
        "the audit log holds a password hash"
    );
    assert!(actions(b).contains(&"user.passwd".to_string()));
    chain_intact(b);
}

fn tokens_are_found_by_hash_and_revoked_once(b: &mut Backend) {
    let accounts = b.accounts.as_mut();
    accounts.add_user(&user("olena"), "admin").unwrap();
    accounts.add_user(&user("petro"), "admin").unwrap();
    accounts
        .add_token("t1", "olena", "hash-1", "admin")
        .unwrap();
    accounts
        .add_token("t2", "petro", "hash-2", "admin")
        .unwrap();
    accounts
        .add_token("t3", "olena", "hash-3", "olena")
        .unwrap();
    assert!(
        accounts
            .add_token("t4", "nobody", "hash-4", "admin")
            .is_err(),
        "a token for no user"
    );
    assert!(
        accounts
            .add_token("t5", "olena", "hash-1", "admin")
            .is_err(),
        "two tokens with one secret"
    );
    let found = accounts.token_by_hash("hash-3").unwrap().unwrap();
    assert_eq!((found.id.as_str(), found.user.as_str()), ("t3", "olena"));
    assert!(!found.revoked);
    assert_eq!(accounts.token_by_hash("hash-9").unwrap(), None);
    let listed: Vec<(String, String)> = accounts
        .tokens()
        .unwrap()
        .into_iter()
        .map(|t| (t.user, t.id))
        .collect();
    assert_eq!(listed.len(), 3);
    assert_eq!(
        listed[2],
        ("petro".to_string(), "t2".to_string()),
        "by user"
    );

    assert!(accounts.revoke_token("t1", "admin").unwrap());
    assert!(accounts.token_by_hash("hash-1").unwrap().unwrap().revoked);
    assert!(!accounts.token_by_hash("hash-3").unwrap().unwrap().revoked);
    let revokes = actions(b)
        .iter()
        .filter(|a| *a == "user.token.revoke")
        .count();
    assert_eq!(revokes, 1);
    chain_intact(b);
}

fn sessions_end_and_expired_ones_are_cleared(b: &mut Backend) {
    let accounts = b.accounts.as_mut();
    accounts.add_user(&user("olena"), "admin").unwrap();
    let expired = SessionRecord {
        user: "olena".into(),
        expires_at: "2000-01-01T00:00:00Z".into(),
        csrf_hash: "c1".into(),
    };
    let old_hash = "0000000000000000000000000000000000000000000000000000000000000001";
    accounts.add_session(old_hash, &expired, "olena").unwrap();
    assert_eq!(
        accounts.session(old_hash).unwrap(),
        Some(expired),
        "stored as given; the app refuses it by its expiry"
    );
    let live = SessionRecord {
        user: "olena".into(),
        expires_at: "2999-01-01T00:00:00Z".into(),
        csrf_hash: "c2".into(),
    };
    accounts.add_session(SESSION_HASH, &live, "olena").unwrap();
    assert_eq!(
        accounts.session(old_hash).unwrap(),
        None,
        "a new session clears the expired ones"
    );
    assert!(accounts.end_session(SESSION_HASH, "olena").unwrap());
    assert!(!accounts.end_session(SESSION_HASH, "olena").unwrap());
    assert_eq!(accounts.session(SESSION_HASH).unwrap(), None);
    assert!(
        accounts
            .add_session(
                "0000000000000000000000000000000000000000000000000000000000000002",
                &SessionRecord {
                    user: "nobody".into(),
                    expires_at: "2999-01-01T00:00:00Z".into(),
                    csrf_hash: "c3".into(),
                },
                "nobody"
            )
            .is_err(),
        "a session for no user"
    );
    let logins = actions(b).iter().filter(|a| *a == "user.login").count();
    let logouts = actions(b).iter().filter(|a| *a == "user.logout").count();
    assert_eq!((logins, logouts), (2, 1));
    chain_intact(b);
}

fn a_user_keeps_a_language(b: &mut Backend) {
    let accounts = b.accounts.as_mut();
    accounts.add_user(&user("oksana"), "admin").unwrap();
    assert_eq!(accounts.user("oksana").unwrap().unwrap().language, None);
    accounts
        .set_language("oksana", Some("en"), "oksana")
        .unwrap();
    assert_eq!(
        accounts
            .user("oksana")
            .unwrap()
            .unwrap()
            .language
            .as_deref(),
        Some("en")
    );
    accounts.set_language("oksana", None, "oksana").unwrap();
    assert_eq!(accounts.user("oksana").unwrap().unwrap().language, None);
    assert!(matches!(
        accounts.set_language("nobody", Some("uk"), "admin"),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(actions(b), ["user.add", "user.language", "user.language"]);
    chain_intact(b);
}

/// Account tables made before users had a language gain the column on open,
/// keeping their users.
#[test]
fn sqlite_accounts_made_without_a_language_are_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let _main = SqliteStore::open(&path).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL,
                password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL);
             INSERT INTO users VALUES ('old', 'viewer', 'h', 0, '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let mut accounts = SqliteAccountStore::open(&path).unwrap();
    assert_eq!(accounts.user("old").unwrap().unwrap().language, None);
    accounts.set_language("old", Some("uk"), "old").unwrap();
    let again = SqliteAccountStore::open(&path).unwrap();
    assert_eq!(
        again.user("old").unwrap().unwrap().language.as_deref(),
        Some("uk")
    );
}
