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
//! The API, all at the crate root:
//! - [`Project`] opens the three parts of a project together (settings in
//!   [`ProjectConfig`]; the database and originals elsewhere with
//!   [`Backends`]: PostgreSQL, S3);
//! - [`Store`], the database behind a trait, with its embedded
//!   implementation [`SqliteStore`] and [`PgStore`] for a team server on
//!   PostgreSQL (all SQL lives in their two modules, with PostgreSQL's
//!   migrations; nothing above this crate sees a SQL string or a driver
//!   type); [`Inserted`] and [`NewSource`] are its batch-insert types;
//! - [`Blobs`], the originals: the folder [`BlobStore`], or [`S3Blobs`] in an
//!   S3-compatible bucket; checked into a [`BlobState`];
//! - [`SearchIndex`]: the derived full text, queried with a [`SearchQuery`]
//!   into [`SearchHit`]s with a [`Snippet`] each; its kind and source
//!   filters are answered by the index, a page at a time ([`HitPage`]),
//!   other metadata filters read each hit's stored [`HitMeta`];
//! - [`verify`] (any store, any blobs) and [`verify_project`] → [`VerifyReport`];
//! - [`StoreError`] (messages carry ids and paths, never document text, a
//!   statement value or a search query), [`Result`], [`now_rfc3339`].
//!
//! Every write method of [`Store`] appends its audit entry inside the same
//! transaction as the write itself, so the log can never disagree with the
//! data after a crash. What each write checks and logs is written once, in
//! `records`, for both backends.

mod accounts;
mod blobs;
mod error;
mod postgres;
mod project;
mod records;
mod runtime;
mod s3;
mod search;
mod snippet;
mod sqlite;
mod store;
pub mod testing;
mod verify;

pub use accounts::{AccountStore, SessionRecord, SqliteAccountStore, TokenRecord, UserRecord};
pub use blobs::{BlobState, BlobStore, Blobs};
pub use error::StoreError;
pub use postgres::{PgAccountStore, PgOptions, PgStore, PG_SCHEMA_VERSION};
pub use project::{Backends, MemoTable, Project, ProjectConfig};
pub use records::audit_record;
pub use s3::{S3Blobs, S3Options};
pub use search::{HitFilter, HitMeta, HitPage, SearchHit, SearchIndex, SearchQuery};
pub use snippet::Snippet;
pub use sqlite::SqliteStore;
pub use store::{AuditQuery, Inserted, NewSource, Store};
pub use verify::{verify, verify_project, VerifyReport};

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, StoreError>;

/// The current UTC time as RFC 3339 with second precision, the one format
/// every stored timestamp uses.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
