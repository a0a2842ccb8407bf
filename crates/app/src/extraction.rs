//! Extraction of one file, without a project: what `casefile extract` shows.

use crate::sources::read_limited;
use crate::{AppError, Result};
use casefile_core::PageMap;
use casefile_extract::Extraction;
use serde::Serialize;
use std::path::Path;

/// The largest file read here (there is no project to take a limit from).
pub const EXTRACT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// Prepares `path` as ingest would (decoding, HTML to text, language, date)
/// and extracts its findings; offsets index the clean text that `show`
/// prints for the same file.
pub fn extract_file(path: &Path) -> Result<Extraction> {
    Ok(extract_document(path)?.extraction)
}

/// A file's findings with the page map of a paginated original (a PDF), by
/// which every offset can be cited as a page.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractedDocument {
    #[serde(flatten)]
    pub extraction: Extraction,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageMap>,
}

/// [`extract_file`] with the page map of a PDF.
pub fn extract_document(path: &Path) -> Result<ExtractedDocument> {
    let bytes = read_limited(path, EXTRACT_MAX_BYTES, "")?;
    let name = path.file_name().and_then(|n| n.to_str());
    let doc = casefile_ingest::prepare_file(&bytes, name).map_err(|e| AppError::input(path, e))?;
    let extraction =
        casefile_ingest::extract_text(&doc.text, doc.language, doc.meta.published.as_deref());
    Ok(ExtractedDocument {
        extraction,
        pages: doc.pages,
    })
}
