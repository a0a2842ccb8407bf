//! The errors of writing a bag. Messages carry paths, source ids and
//! reasons, never a statement value or document text (a child's data could
//! be in either).

use std::io;
use std::path::PathBuf;
use thiserror::Error;

/// Why a bag could not be written; nothing is left at the output path.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{}: already exists; a bag is never written over anything", path.display())]
    OutputExists { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("source {source_id}: its original cannot be read: {source}")]
    OriginalUnreadable {
        source_id: String,
        #[source]
        source: io::Error,
    },
    #[error("source {source_id}: its original hashes to {actual}, not to its id (altered or wrong file)")]
    OriginalMismatch { source_id: String, actual: String },
    #[error("source {source_id}: the id is not a SHA-256 hex digest")]
    BadSourceId { source_id: String },
    #[error("{file}: cannot be rendered: {reason}")]
    Render { file: String, reason: String },
    #[error(
        "{file}: a protected value of a child was found in the public bag; nothing was written"
    )]
    PublicLeak { file: String },
    #[error("signing the tag manifest: {0}")]
    Sign(#[from] crate::sign::KeyError),
}

impl ExportError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> ExportError {
        let path = path.into();
        move |source| ExportError::Io { path, source }
    }
}
