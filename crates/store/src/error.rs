//! [`StoreError`], the one error type of the store, and the crate-private
//! conversions from the database and index libraries into it.
//!
//! The public type names no type of `rusqlite` or `tantivy`: a backend is an
//! implementation detail (a PostgreSQL store reports through the same
//! variants), and a library's message can quote its input. What each variant
//! keeps of the library's error is its message, chosen so that no document
//! text, statement value or search query reaches it.

use std::path::PathBuf;
use thiserror::Error;

/// Everything that can go wrong in the store layer.
///
/// Messages name the object or path concerned and never carry document text,
/// a search query or a child's personal data.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The database failed an operation (`operation` says which, e.g.
    /// "insert statements"; `message` is the database's own reason).
    #[error("database: cannot {operation}: {message}")]
    Database {
        operation: &'static str,
        message: String,
    },
    /// The full-text index failed an operation.
    #[error("search index: cannot {operation}: {message}")]
    Index {
        operation: &'static str,
        message: String,
    },
    /// A search query could not be parsed. The reason never quotes the
    /// query: it may hold a child's name.
    #[error("invalid search query: {reason}")]
    Query { reason: &'static str },
    /// PostgreSQL failed: the server's message and SQLSTATE, or the client's
    /// own error; never the query, never a row's values.
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    /// The object store holding the blobs failed.
    #[error("blob store {location}: {reason}")]
    ObjectStore { location: String, reason: String },
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

/// `.db("operation")?` on a SQLite result: the error becomes
/// [`StoreError::Database`] naming the operation. (A `From` impl would put
/// `rusqlite` into the public API of [`StoreError`].)
pub(crate) trait DbContext<T> {
    fn db(self, operation: &'static str) -> Result<T, StoreError>;
}

impl<T> DbContext<T> for Result<T, rusqlite::Error> {
    fn db(self, operation: &'static str) -> Result<T, StoreError> {
        // SQLite's messages name tables, columns and constraints, never the
        // bound values (every value is a parameter).
        self.map_err(|e| StoreError::Database {
            operation,
            message: e.to_string(),
        })
    }
}

/// `.index("operation")?` on a Tantivy result: the error becomes
/// [`StoreError::Index`] naming the operation.
pub(crate) trait IndexContext<T> {
    fn index(self, operation: &'static str) -> Result<T, StoreError>;
}

impl<T> IndexContext<T> for Result<T, tantivy::TantivyError> {
    fn index(self, operation: &'static str) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::Index {
            operation,
            message: e.to_string(),
        })
    }
}

/// Why a query did not parse, in words that never quote it: Tantivy's own
/// messages repeat parts of the query (a word before `:` is read as a field
/// name and quoted back), and a query can hold a child's name.
pub(crate) fn query_error(error: &tantivy::query::QueryParserError) -> StoreError {
    use tantivy::query::QueryParserError as E;
    let reason = match error {
        E::SyntaxError(_) => "syntax error (check quotes, brackets and operators)",
        E::FieldDoesNotExist(_) => {
            "a word followed by ':' is read as a field name; only title and body exist \
             (put the words in quotes to search for them)"
        }
        E::AllButQueryForbidden => "it only excludes words; give at least one word to find",
        E::UnsupportedQuery(_) => "this kind of query is not supported",
        _ => "it cannot be read as words, \"phrases\", OR and -exclusions",
    };
    StoreError::Query { reason }
}
