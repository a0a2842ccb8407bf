//! `casefile capture`: web pages preserved at the moment they are seen and
//! ingested as sources.
//!
//! Each address is captured on its own (`casefile-capture`: the HTTP
//! exchange, a screenshot and a PDF print, a metadata record, one WARC),
//! the WARC is written to a file (in the folder the user keeps, or a
//! temporary one) and ingested like any WARC: the page becomes a source
//! whose custody names the record, and the WARC, screenshot and print
//! included, is kept as a blob. One address that fails is reported and the
//! others go on; nothing of a failed capture is stored.

use crate::sources::{ingest, IngestRequest, IngestSummary};
use crate::{tool, Actor, AppError, Permission, Result};
use casefile_capture::{capture_file, capture_url, Capture, CaptureError, CaptureOptions};
pub use casefile_capture::{Artifact, BrowserChoice};
use casefile_core::{SourceKind, SourceMeta};
use casefile_ingest::Progress;
use casefile_store::Project;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What to capture and how.
#[derive(Debug, Clone)]
pub struct CaptureRequest {
    pub urls: Vec<String>,
    pub note: Option<String>,
    pub browser: BrowserChoice,
    pub sandbox: bool,
    pub timeout: Duration,
    /// A folder to keep the WARC files in (they are ingested from there);
    /// a temporary folder when `None` (the WARC lives on as a blob).
    pub keep: Option<PathBuf>,
}

/// A capture made elsewhere: the file, the address it came from, its type.
#[derive(Debug, Clone)]
pub struct FileCaptureRequest {
    pub file: PathBuf,
    pub url: String,
    pub note: Option<String>,
    pub keep: Option<PathBuf>,
}

/// What happened to one address.
#[derive(Debug, Clone, Serialize)]
pub struct CaptureOutcome {
    pub url: String,
    /// The capture, when the address could be fetched.
    pub capture: Option<Capture>,
    /// The WARC file written and ingested.
    pub warc_path: Option<String>,
    /// Its ingestion: the page as a source, or why it is not one.
    pub ingest: Option<IngestSummary>,
    /// Why nothing was captured.
    pub error: Option<String>,
}

/// What [`capture`] did.
#[derive(Debug, Clone, Serialize)]
pub struct CaptureSummary {
    pub captured: usize,
    pub failed: usize,
    pub outcomes: Vec<CaptureOutcome>,
}

/// Captures each address of `request` and ingests it (see the module docs).
pub fn capture(
    project: &mut Project,
    actor: &Actor,
    request: &CaptureRequest,
    progress: &dyn Progress,
) -> Result<CaptureSummary> {
    actor.require(Permission::AddSources)?;
    let mut options = CaptureOptions::new(&actor.name, &tool());
    options.note = request.note.clone();
    options.browser = request.browser.clone();
    options.sandbox = request.sandbox;
    options.timeout = request.timeout;
    options.max_body = project.config.max_file_size;
    let folder = Folder::new(request.keep.as_deref())?;
    let mut outcomes = Vec::with_capacity(request.urls.len());
    for (n, url) in request.urls.iter().enumerate() {
        let captured = capture_url(url, &options);
        outcomes.push(store_capture(
            project, actor, &folder, n, url, captured, progress,
        )?);
    }
    Ok(summary(outcomes))
}

/// Records a capture made elsewhere (see [`casefile_capture::capture_file`]).
pub fn capture_made_elsewhere(
    project: &mut Project,
    actor: &Actor,
    request: &FileCaptureRequest,
    progress: &dyn Progress,
) -> Result<CaptureSummary> {
    actor.require(Permission::AddSources)?;
    let mut options = CaptureOptions::new(&actor.name, &tool());
    options.note = request.note.clone();
    let media_type = page_type(&request.file)?;
    let bytes = std::fs::read(&request.file)
        .map_err(|e| AppError::input(request.file.clone(), format!("cannot be read: {e}")))?;
    let folder = Folder::new(request.keep.as_deref())?;
    let captured = capture_file(&bytes, &request.url, media_type, &options);
    let outcome = store_capture(project, actor, &folder, 0, &request.url, captured, progress)?;
    Ok(summary(vec![outcome]))
}

fn summary(outcomes: Vec<CaptureOutcome>) -> CaptureSummary {
    // `store_capture` sets an error whenever nothing could be stored.
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    CaptureSummary {
        captured: outcomes.len() - failed,
        failed,
        outcomes,
    }
}

/// The type of a page captured elsewhere, from its file name: a WARC
/// page is HTML or text (other files are ingested as they are).
fn page_type(file: &Path) -> Result<&'static str> {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm" | "xhtml") => Ok("text/html"),
        Some("txt") => Ok("text/plain"),
        _ => Err(AppError::Input {
            path: file.to_path_buf(),
            reason: "a capture made elsewhere is an HTML (.html, .htm) or text (.txt) page; \
                     ingest other files with `casefile ingest --url`"
                .into(),
        }),
    }
}

/// Where WARC files are written before they are ingested.
struct Folder {
    path: PathBuf,
    /// Held so the temporary folder lives until the captures are ingested.
    _temp: Option<tempfile::TempDir>,
}

impl Folder {
    fn new(keep: Option<&Path>) -> Result<Folder> {
        match keep {
            Some(path) => {
                std::fs::create_dir_all(path).map_err(|e| {
                    AppError::input(path.to_path_buf(), format!("cannot be created: {e}"))
                })?;
                Ok(Folder {
                    path: path.to_path_buf(),
                    _temp: None,
                })
            }
            None => {
                let temp = tempfile::tempdir().map_err(|e| {
                    AppError::input(std::env::temp_dir(), format!("no temporary folder: {e}"))
                })?;
                Ok(Folder {
                    path: temp.path().to_path_buf(),
                    _temp: Some(temp),
                })
            }
        }
    }
}

fn store_capture(
    project: &mut Project,
    actor: &Actor,
    folder: &Folder,
    n: usize,
    url: &str,
    captured: std::result::Result<Capture, CaptureError>,
    progress: &dyn Progress,
) -> Result<CaptureOutcome> {
    let capture = match captured {
        Ok(capture) => capture,
        Err(e) => {
            return Ok(CaptureOutcome {
                url: url.to_string(),
                capture: None,
                warc_path: None,
                ingest: None,
                error: Some(e.to_string()),
            })
        }
    };
    let stamp = capture.captured_at.replace([':', '-'], "");
    let path = folder
        .path
        .join(format!("capture-{stamp}-{}.warc.gz", n + 1));
    std::fs::write(&path, &capture.warc)
        .map_err(|e| AppError::input(path.to_path_buf(), format!("cannot be written: {e}")))?;
    let summary = ingest(
        project,
        actor,
        &IngestRequest {
            paths: vec![path.clone()],
            kind: Some(SourceKind::WebCapture),
            meta: SourceMeta {
                url: Some(capture.final_url.clone()),
                ..SourceMeta::default()
            },
            language: None,
            no_extract: false,
        },
        progress,
    )?;
    let error = (summary.stored + summary.already_present == 0).then(|| {
        if capture.http_status != 0 && !(200..300).contains(&capture.http_status) {
            format!(
                "the server answered HTTP {}: the exchange is in the WARC, but there is no page to ingest",
                capture.http_status
            )
        } else {
            "the capture holds no HTML or text page to ingest".to_string()
        }
    });
    Ok(CaptureOutcome {
        url: url.to_string(),
        capture: Some(capture),
        warc_path: Some(path.display().to_string()),
        ingest: Some(summary),
        error,
    })
}
