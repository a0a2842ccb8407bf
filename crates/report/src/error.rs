//! Errors of report generation.

use thiserror::Error;

/// Why a report could not be made.
#[derive(Debug, Error)]
pub enum ReportError {
    /// The template failed (a bug, not bad input).
    #[error("cannot render the report: {0}")]
    Render(String),
    /// The children guard could not be built.
    #[error("cannot check the report for children's data: {0}")]
    Guard(String),
    /// A finished output still holds a protected value; nothing is written.
    #[error("the {output} would name a child ({places} places); it was not written")]
    Leak { output: String, places: usize },
}
