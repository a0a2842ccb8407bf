//! Extraction of one file, without a project: what `casefile extract` shows.

use crate::sources::read_limited;
use crate::{AppError, Result};
use casefile_extract::Extraction;
use std::path::Path;

/// The largest file read here (there is no project to take a limit from).
pub const EXTRACT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Prepares `path` as ingest would (decoding, HTML to text, language, date)
/// and extracts its findings; offsets index the clean text that `show`
/// prints for the same file.
pub fn extract_file(path: &Path) -> Result<Extraction> {
    let bytes = read_limited(path, EXTRACT_MAX_BYTES, "")?;
    let name = path.file_name().and_then(|n| n.to_str());
    let doc =
        casefile_text::prepare_document(&bytes, name).map_err(|e| AppError::input(path, e))?;
    Ok(casefile_ingest::extract_text(
        &doc.text,
        doc.language,
        doc.meta.published.as_deref(),
    ))
}
