//! [`StoreError`]: everything that can go wrong in the store layer.

use std::path::PathBuf;
use thiserror::Error;

/// Everything that can go wrong in the store layer.
///
/// Messages name the object or path concerned and never carry document text or
/// a child's personal data.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// PostgreSQL failed: the server's message and SQLSTATE, or the client's
    /// own error; never the query, never a row's values.
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    /// The object store holding the blobs failed.
    #[error("blob store {location}: {reason}")]
    ObjectStore { location: String, reason: String },
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search query {query:?}: {reason}")]
    Query { query: String, reason: String },
    #[error(
        "{0} is not a casefile project (no casefile.toml); create one with `casefile init {0}`"
    )]
    NotAProject(PathBuf),
    #[error("{0} already holds a casefile project")]
    AlreadyAProject(PathBuf),
    #[error("{path}: directory is not empty; choose an empty or new directory for a project")]
    NotEmpty { path: PathBuf },
    #[error("{path}: invalid project settings: {reason}")]
    Config { path: PathBuf, reason: String },
    #[error(
        "project format version {found} is newer than this casefile understands ({supported})"
    )]
    UnsupportedVersion { found: u32, supported: u32 },
    #[error("no {what} matches {id:?}")]
    NotFound { what: &'static str, id: String },
    #[error("{id:?} is ambiguous: it is a prefix of {count} {what}s; give more characters")]
    Ambiguous {
        what: &'static str,
        id: String,
        count: usize,
    },
    #[error("invalid stored value in {what}: {reason}")]
    Corrupt { what: String, reason: String },
    #[error("invalid {what}: {reason}")]
    Invalid { what: &'static str, reason: String },
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }
}
