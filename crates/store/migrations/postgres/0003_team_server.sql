-- casefile on PostgreSQL, version 2: what a team server adds.
--
-- 1. The accounts (users, API tokens, browser sessions), as in the SQLite
--    store (crates/store/src/accounts.rs). `user` is a reserved word here,
--    so the owner columns are `user_name`. Secrets are stored hashed only.
-- 2. Which sources each server's own search index holds: every server keeps
--    a derived index of its own (named by the `index_owner` of its project
--    directory), so the one `indexed` flag of a source cannot say it.

CREATE TABLE users (
    name          TEXT COLLATE "C" PRIMARY KEY,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id          TEXT COLLATE "C" PRIMARY KEY,
    user_name   TEXT COLLATE "C" NOT NULL REFERENCES users (name),
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TEXT COLLATE "C" NOT NULL,
    revoked     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX api_tokens_user ON api_tokens (user_name);

CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    user_name  TEXT COLLATE "C" NOT NULL REFERENCES users (name),
    csrf_hash  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE source_index (
    owner     TEXT COLLATE "C" NOT NULL,
    source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id),
    PRIMARY KEY (owner, source_id)
);
