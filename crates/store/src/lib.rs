//! The project directory and everything that persists in it.
//!
//! A project is one directory (DESIGN.md principle 6):
//!
//! ```text
//! DIR/casefile.toml        marker and settings
//! DIR/casefile.db          SQLite in WAL mode: sources, entities, statements, cases, audit log
//! DIR/blobs/sha256/ab/…    original bytes, named by their SHA-256, read-only, never modified
//! DIR/index/               Tantivy full-text index (derived; rebuilt from the database at will)
//! ```
//!
//! Callers talk to [`Store`] (the database behind a trait, so that a
//! PostgreSQL backend fits in later without changing them), [`BlobStore`]
//! (originals) and [`SearchIndex`] (derived full text). [`Project`] opens all
//! three together. All SQL lives in [`sqlite`]; nothing above this crate sees
//! a SQL string or a `rusqlite` type.
//!
//! Every write method of [`Store`] appends its audit entry inside the same
//! transaction as the write itself, so the log can never disagree with the
//! data after a crash.

pub mod accounts;
pub mod blobs;
mod error;
pub mod project;
pub mod search;
pub mod snippet;
pub mod sqlite;
mod store;
pub mod verify;

pub use accounts::{AccountStore, SessionRecord, SqliteAccountStore, TokenRecord, UserRecord};
pub use blobs::BlobStore;
pub use error::StoreError;
pub use project::{Project, ProjectConfig};
pub use search::{SearchHit, SearchIndex, SearchQuery};
pub use sqlite::SqliteStore;
pub use store::{Inserted, NewSource, Store};
pub use verify::{verify_project, VerifyReport};

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, StoreError>;

/// The current UTC time as RFC 3339 with second precision, the one format
/// every stored timestamp uses.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
