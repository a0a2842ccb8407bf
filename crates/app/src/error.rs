//! The errors of an operation, as a front end needs to tell them apart: a
//! request that cannot be carried out, something that does not exist, a
//! role that does not allow it, a bad input file, or a failure of the
//! project itself.
//!
//! Messages name ids, paths, registries and properties; they never quote a
//! statement's value, a record's field or a search query.

use crate::{Permission, Role};
use casefile_store::StoreError;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AppError {
    /// The request itself is wrong (an unknown kind, a missing reason, …).
    #[error("{0}")]
    Invalid(String),
    /// What the request names does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Who is asking could not be established (a wrong password, token or session).
    #[error("{0}")]
    Unauthenticated(String),
    /// The actor's role does not allow the operation.
    #[error("the {role} role does not allow this ({permission:?})")]
    Forbidden { role: Role, permission: Permission },
    /// An input file cannot be used.
    #[error("{}: {reason}", path.display())]
    Input { path: PathBuf, reason: String },
    /// The project could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An export could not be written (the message names the file or source).
    #[error(transparent)]
    Export(#[from] casefile_export::ExportError),
}

impl AppError {
    pub(crate) fn input(path: impl Into<PathBuf>, reason: impl ToString) -> AppError {
        AppError::Input {
            path: path.into(),
            reason: reason.to_string(),
        }
    }
}

/// A report that cannot be made is a refused request (a report that would
/// name a child, or a template failure); the message never quotes a value.
impl From<casefile_report::ReportError> for AppError {
    fn from(e: casefile_report::ReportError) -> AppError {
        AppError::Invalid(e.to_string())
    }
}
