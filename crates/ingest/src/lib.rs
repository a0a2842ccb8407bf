//! Ingest: from paths on disk to stored, indexed sources.
//!
//! The flow for a batch (DESIGN.md "Data flow"):
//!
//! 1. [`collect_files`] walks the given files and directories (following
//!    symlinks, detecting loops, skipping hidden entries inside directories).
//! 2. In chunks, files are read and hashed in parallel; bytes already stored
//!    are reported as such and go no further (re-ingest is a no-op).
//! 3. New files are decoded and cleaned in parallel by
//!    [`casefile_text::prepare_document`], and their findings extracted by
//!    [`casefile_extract::extract`] into entities and statements with spans.
//! 4. The chunk's originals are written to the blob store (atomic renames)
//!    and made durable with one sync; then the chunk's source rows, their
//!    findings and their audit entries are committed in one transaction. A crash leaves at most an unreferenced blob, never a
//!    source without its original or without its audit entry.
//! 5. The search index catches up with every source it lacks.
//!
//! A file that fails at any step gets one [`FileOutcome::Failed`] naming the
//! reason; the batch goes on. Nothing of a failed file is stored.
//!
//! Two kinds of file are more than one document or not text at all:
//! - a WARC file (`.warc`, `.warc.gz`, or content that starts like one) is
//!   expanded in step 2 into its HTML and text pages
//!   ([`casefile_formats::read_pages`]): each page is a source of its own,
//!   whose original is the page's body as served and whose custody names
//!   the WARC record ([`casefile_core::WebCapture`]); the WARC file itself
//!   is stored as a blob before any of its pages' rows commit. A record
//!   that fails (digest mismatch, truncation, malformed header) is an
//!   outcome of its own, `path#record N <id>`; the other records go on;
//! - a PDF (`%PDF-`) is read page by page ([`casefile_formats::pdf_pages`])
//!   into a text with a page map; pages without a text layer are flagged
//!   as needing OCR, and a PDF with no text at all is still stored.

use casefile_core::{Custody, MediaType, Source, SourceId, SourceKind, SourceMeta, WebCapture};
use casefile_extract::{to_statements, Derived};
use casefile_formats::{PdfError, WarcError, WarcLimits, WarcPage};
use casefile_store::{Inserted, NewSource, Project, StoreError};
use casefile_text::{
    prepare_document, prepare_document_with_charset, prepare_pages, PrepareError, PreparedDocument,
};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Files handled per parallel chunk: enough to keep every core busy and to
/// share one filesystem sync among many originals...
const CHUNK_FILES: usize = 256;
/// ...while a chunk's bytes stay bounded in memory.
const CHUNK_BYTES: u64 = 256 * 1024 * 1024;

/// Why one input could not be ingested. The path is printed beside it by the
/// caller; the message never quotes the file's content.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Read(std::io::Error),
    #[error("no such file or directory")]
    NotFound,
    #[error("not a regular file")]
    NotAFile,
    #[error("directory loop via symlinks: it leads back to {0}")]
    Loop(PathBuf),
    #[error("file is {size} bytes, over the limit of {limit} bytes (raise max_file_size in casefile.toml)")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Prepare(#[from] PrepareError),
    #[error("WARC: {0}")]
    Warc(#[from] WarcError),
    #[error("WARC: no HTML or text page among its {records} records")]
    NoPages { records: usize },
    #[error("PDF: {0}")]
    Pdf(#[from] PdfError),
    #[error("cannot store: {0}")]
    Store(#[from] StoreError),
}

/// What happened to one input file.
#[derive(Debug)]
pub enum FileOutcome {
    Stored {
        path: PathBuf,
        id: SourceId,
        language: Option<String>,
        kind: SourceKind,
        bytes: u64,
    },
    AlreadyPresent {
        path: PathBuf,
        id: SourceId,
    },
    Failed {
        path: PathBuf,
        error: IngestError,
    },
}

impl FileOutcome {
    pub fn path(&self) -> &Path {
        match self {
            FileOutcome::Stored { path, .. }
            | FileOutcome::AlreadyPresent { path, .. }
            | FileOutcome::Failed { path, .. } => path,
        }
    }
}

/// Settings of one ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Kind for every file; inferred from the format when `None`.
    pub kind: Option<SourceKind>,
    /// Metadata given by the user; each field set here overrides the document's.
    pub meta: SourceMeta,
    /// Language given by the user, overriding detection.
    pub language: Option<String>,
    pub max_file_size: u64,
    pub actor: String,
    /// `casefile <version>`, recorded in the custody record.
    pub tool: String,
    /// Run extraction and store its findings as statements.
    pub extract: bool,
}

/// Receives progress; the CLI draws a bar with it.
pub trait Progress: Sync {
    fn start(&self, files: u64, bytes: u64);
    fn advance(&self, bytes: u64);
    fn finish(&self);
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64, _: u64) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

/// The result of a run: one outcome per input, in input order.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub outcomes: Vec<FileOutcome>,
    /// Sources added to the search index by this run (including catch-up).
    pub indexed: usize,
}

impl IngestReport {
    pub fn stored(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Stored { .. }))
    }
    pub fn already_present(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::AlreadyPresent { .. }))
    }
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, FileOutcome::Failed { .. }))
    }
    fn count(&self, f: impl Fn(&FileOutcome) -> bool) -> usize {
        self.outcomes.iter().filter(|o| f(o)).count()
    }
}

/// A file found by [`collect_files`], with its size.
#[derive(Debug, Clone)]
pub struct FoundFile {
    pub path: PathBuf,
    pub size: u64,
}

/// Expands `inputs` into files (directories recursively, in name order).
/// Inputs that cannot be used become failures; the rest goes on.
pub fn collect_files(inputs: &[PathBuf]) -> (Vec<FoundFile>, Vec<FileOutcome>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(meta) => meta,
            Err(e) => {
                failures.push(failed(input.clone(), io_error(e)));
                continue;
            }
        };
        if meta.is_file() {
            files.push(FoundFile {
                path: input.clone(),
                size: meta.len(),
            });
            continue;
        }
        if !meta.is_dir() {
            failures.push(failed(input.clone(), IngestError::NotAFile));
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                    files.push(FoundFile {
                        path: entry.into_path(),
                        size,
                    });
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| input.clone());
                    let ancestor = e.loop_ancestor().map(Path::to_path_buf);
                    let error = match (ancestor, e.into_io_error()) {
                        (Some(ancestor), _) => IngestError::Loop(ancestor),
                        (None, Some(io)) => io_error(io),
                        (None, None) => IngestError::NotAFile,
                    };
                    failures.push(failed(path, error));
                }
            }
        }
    }
    (files, failures)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn io_error(e: std::io::Error) -> IngestError {
    if e.kind() == std::io::ErrorKind::NotFound {
        IngestError::NotFound
    } else {
        IngestError::Read(e)
    }
}

fn failed(path: PathBuf, error: IngestError) -> FileOutcome {
    FileOutcome::Failed { path, error }
}

/// Splits `files` into runs of at most [`CHUNK_FILES`] files and, unless a
/// single file is larger, [`CHUNK_BYTES`] bytes.
fn chunks(files: &[FoundFile]) -> Vec<&[FoundFile]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, file) in files.iter().enumerate() {
        let full = i - start == CHUNK_FILES || (i > start && bytes + file.size > CHUNK_BYTES);
        if full {
            out.push(&files[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += file.size;
    }
    if start < files.len() {
        out.push(&files[start..]);
    }
    out
}

/// A file read and hashed, ready to be checked against the store; or one
/// page of a WARC file.
struct ReadFile {
    /// What outcomes name: the path, and for a WARC page `#record N <id>`.
    path: PathBuf,
    bytes: Vec<u8>,
    sha256: String,
    page: Option<CapturedPage>,
}

/// A WARC file being ingested: stored as a blob once, before the rows of
/// any of its pages.
struct Container {
    sha256: String,
    bytes: Vec<u8>,
}

/// Where a page read from a WARC came from.
struct CapturedPage {
    /// The WARC's path as given (the custody's original path).
    warc_path: PathBuf,
    warc: Arc<Container>,
    capture: WebCapture,
    charset: Option<String>,
    media_type: String,
}

fn read_file(found: &FoundFile, limit: u64) -> Result<ReadFile, IngestError> {
    if found.size > limit {
        return Err(IngestError::TooLarge {
            size: found.size,
            limit,
        });
    }
    let bytes = std::fs::read(&found.path).map_err(io_error)?;
    // The file may have grown between listing and reading.
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    let sha256 = casefile_core::sha256_hex(&bytes);
    Ok(ReadFile {
        path: found.path.clone(),
        bytes,
        sha256,
        page: None,
    })
}

/// True when the file name says WARC (`.warc`, `.warc.gz`).
fn named_warc(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// The limits of reading a WARC, from the project's file size limit: the
/// decompressed file may be 8 times it, each page as large as it.
fn warc_limits(max_file_size: u64) -> WarcLimits {
    WarcLimits {
        max_decompressed: max_file_size.saturating_mul(8),
        max_body: max_file_size,
    }
}

/// A WARC file becomes one item per page (or per failed record); any other
/// file stays itself. A file named `.warc` that is not one is an error.
fn expand(file: ReadFile, limits: &WarcLimits) -> Vec<Result<ReadFile, (PathBuf, IngestError)>> {
    let by_name = named_warc(&file.path);
    if !by_name && !casefile_formats::is_warc(&file.bytes) {
        return vec![Ok(file)];
    }
    let scan = match casefile_formats::read_pages(&file.bytes, limits) {
        Ok(scan) => scan,
        Err(e) => return vec![Err((file.path, e.into()))],
    };
    if scan.pages.is_empty() {
        let records = scan.records;
        return vec![Err((file.path, IngestError::NoPages { records }))];
    }
    let warc = Arc::new(Container {
        sha256: file.sha256,
        bytes: file.bytes,
    });
    scan.pages
        .into_iter()
        .map(|page| match page {
            Err(e) => {
                let path = match &e {
                    WarcError::Truncated { record, .. }
                    | WarcError::Malformed { record, .. }
                    | WarcError::DigestMismatch { record, .. }
                    | WarcError::Unsupported { record, .. }
                    | WarcError::BodyTooLarge { record, .. } => record_path(&file.path, record),
                    _ => file.path.clone(),
                };
                Err((path, e.into()))
            }
            Ok(page) => Ok(page_file(&file.path, &warc, page)),
        })
        .collect()
}

/// `crawl.warc.gz#record 3 <urn:uuid:…>`: how outcomes name a record.
fn record_path(warc: &Path, record: &casefile_formats::RecordName) -> PathBuf {
    let mut name = warc.as_os_str().to_owned();
    name.push(format!("#record {}", record.number));
    if let Some(id) = &record.id {
        name.push(format!(" {id}"));
    }
    PathBuf::from(name)
}

fn page_file(warc_path: &Path, warc: &Arc<Container>, page: WarcPage) -> ReadFile {
    let sha256 = casefile_core::sha256_hex(&page.body);
    let capture = WebCapture {
        warc_sha256: warc.sha256.clone(),
        record_id: page.record.id.clone().unwrap_or_default(),
        target_uri: page.target_uri,
        warc_date: page.date,
        payload_digest: page.payload_digest,
        http_status: page.http_status,
        content_type: page.content_type.clone(),
        record_offset: page.record.offset,
        compressed_offset: page.compressed_offset,
    };
    ReadFile {
        path: record_path(warc_path, &page.record),
        bytes: page.body,
        sha256,
        page: Some(CapturedPage {
            warc_path: warc_path.to_path_buf(),
            warc: Arc::clone(warc),
            capture,
            charset: page.charset,
            media_type: page.content_type,
        }),
    }
}

/// Why a document could not be prepared.
enum Unprepared {
    Text(PrepareError),
    Pdf(PdfError),
}

impl From<Unprepared> for IngestError {
    fn from(e: Unprepared) -> Self {
        match e {
            Unprepared::Text(e) => IngestError::Prepare(e),
            Unprepared::Pdf(e) => IngestError::Pdf(e),
        }
    }
}

/// Clean text and metadata of one file's bytes as ingest makes them: a PDF
/// page by page (with its page map), anything else by
/// [`casefile_text::prepare_document`]. What `casefile extract` reads a
/// file with, so that its offsets are those of the stored text.
pub fn prepare_file(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<PreparedDocument, IngestError> {
    if casefile_formats::is_pdf(bytes) {
        let pages = casefile_formats::pdf_pages(bytes)?;
        return Ok(prepare_pages(&pages));
    }
    Ok(prepare_document(bytes, file_name)?)
}

/// Clean text and metadata of a file, a WARC page or a PDF.
fn prepare(file: &ReadFile) -> Result<PreparedDocument, Unprepared> {
    if let Some(page) = &file.page {
        // The page's media type as served decides how it is read.
        let hint = if page.media_type == "text/plain" {
            "page.txt"
        } else {
            "page.html"
        };
        return prepare_document_with_charset(&file.bytes, Some(hint), page.charset.as_deref())
            .map_err(Unprepared::Text);
    }
    if casefile_formats::is_pdf(&file.bytes) {
        let pages = casefile_formats::pdf_pages(&file.bytes).map_err(Unprepared::Pdf)?;
        return Ok(prepare_pages(&pages));
    }
    let name = file.path.file_name().and_then(|n| n.to_str());
    prepare_document(&file.bytes, name).map_err(Unprepared::Text)
}

/// Ingests `inputs` into `project`. Per-file problems are outcomes, not errors;
/// an `Err` means the project itself could not be written (disk full, ...).
pub fn ingest(
    project: &mut Project,
    inputs: &[PathBuf],
    options: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestReport, StoreError> {
    let (files, mut outcomes) = collect_files(inputs);
    let total_bytes = files.iter().map(|f| f.size).sum();
    progress.start(files.len() as u64, total_bytes);
    let limits = warc_limits(options.max_file_size);
    for chunk in chunks(&files) {
        let read: Vec<Result<ReadFile, (PathBuf, IngestError)>> = chunk
            .par_iter()
            .map(|f| match read_file(f, options.max_file_size) {
                Ok(file) => expand(file, &limits),
                Err(e) => vec![Err((f.path.clone(), e))],
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect();
        let mut fresh = Vec::new();
        for item in read {
            match item {
                Err((path, error)) => outcomes.push(failed(path, error)),
                Ok(file) => {
                    let id = SourceId(file.sha256.clone());
                    if project.store().has_source(&id)? {
                        progress.advance(file.bytes.len() as u64);
                        outcomes.push(FileOutcome::AlreadyPresent {
                            path: file.path,
                            id,
                        });
                    } else {
                        fresh.push(file);
                    }
                }
            }
        }
        let prepared: Vec<(ReadFile, Result<Prepared, Unprepared>)> = fresh
            .into_par_iter()
            .map(|file| {
                let doc = prepare(&file).map(|doc| prepare_findings(&file, doc, options));
                (file, doc)
            })
            .collect();
        let mut written = Vec::with_capacity(prepared.len());
        let mut containers_written: Vec<String> = Vec::new();
        for (file, doc) in prepared {
            progress.advance(file.bytes.len() as u64);
            let doc = match doc {
                Err(e) => {
                    outcomes.push(failed(file.path, e.into()));
                    continue;
                }
                Ok(doc) => doc,
            };
            // The WARC a page came from is stored before the page itself.
            if let Some(page) = &file.page {
                if !containers_written.contains(&page.warc.sha256) {
                    if let Err(e) = project
                        .blobs
                        .put_unsynced(&page.warc.sha256, &page.warc.bytes)
                    {
                        outcomes.push(failed(file.path, e.into()));
                        continue;
                    }
                    containers_written.push(page.warc.sha256.clone());
                }
            }
            match project.blobs.put_unsynced(&file.sha256, &file.bytes) {
                Err(e) => outcomes.push(failed(file.path, e.into())),
                Ok(_) => written.push((file, doc)),
            }
        }
        // One sync for the chunk; no source row may commit before its original is durable.
        if !written.is_empty() {
            project.blobs.sync()?;
        }
        outcomes.extend(store_chunk(project, written, options)?);
    }
    let (_, indexed) = project.search_index_caught_up()?;
    progress.finish();
    Ok(IngestReport { outcomes, indexed })
}

/// A document ready to store: its clean text and metadata, and what
/// extraction found in it.
struct Prepared {
    doc: PreparedDocument,
    language: Option<String>,
    meta: SourceMeta,
    findings: Derived,
}

/// Applies the user's metadata, then extracts findings from the clean text.
fn prepare_findings(file: &ReadFile, doc: PreparedDocument, options: &IngestOptions) -> Prepared {
    let language = options
        .language
        .clone()
        .or_else(|| doc.language.map(str::to_string));
    let meta = SourceMeta {
        title: options
            .meta
            .title
            .clone()
            .or_else(|| doc.meta.title.clone()),
        publisher: options
            .meta
            .publisher
            .clone()
            .or_else(|| doc.meta.publisher.clone()),
        published: options
            .meta
            .published
            .clone()
            .or_else(|| doc.meta.published.clone()),
        // A captured page's address is where the capture tool fetched it.
        url: options.meta.url.clone().or_else(|| {
            file.page
                .as_ref()
                .map(|p| p.capture.target_uri.clone())
                .or_else(|| doc.meta.url.clone())
        }),
    };
    let findings = if options.extract {
        let extraction = extract_text(&doc.text, language.as_deref(), meta.published.as_deref());
        let id = SourceId(file.sha256.clone());
        to_statements(&id, &doc.text, &extraction)
    } else {
        Derived::default()
    };
    Prepared {
        doc,
        language,
        meta,
        findings,
    }
}

/// Runs extraction on a clean text whose publication date (`YYYY-MM-DD`), when
/// known, anchors relative dates; the one place ingest and `casefile extract`
/// turn a document into findings.
pub fn extract_text(
    text: &str,
    language: Option<&str>,
    published: Option<&str>,
) -> casefile_extract::Extraction {
    let published = published.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    casefile_extract::extract(text, language, published)
}

/// Commits the chunk's source rows, their findings and audit entries in one
/// transaction (their originals are already durable): each source is whole or
/// absent, and one commit serves the chunk. A failure here is a failure of the
/// project itself and aborts the run.
fn store_chunk(
    project: &mut Project,
    written: Vec<(ReadFile, Prepared)>,
    options: &IngestOptions,
) -> Result<Vec<FileOutcome>, StoreError> {
    let ingested_at = casefile_store::now_rfc3339();
    let mut rows = Vec::with_capacity(written.len());
    for (file, prepared) in written {
        let Prepared {
            doc,
            language,
            meta,
            findings,
        } = prepared;
        let kind = options.kind.unwrap_or(match doc.media_type {
            _ if file.page.is_some() => SourceKind::WebCapture,
            MediaType::Html => SourceKind::WebCapture,
            MediaType::PlainText | MediaType::Markdown | MediaType::Pdf => SourceKind::Document,
        });
        let (original_path, capture) = match file.page {
            Some(page) => (page.warc_path.display().to_string(), Some(page.capture)),
            None => (file.path.display().to_string(), None),
        };
        let source = Source {
            id: SourceId(file.sha256.clone()),
            kind,
            media_type: doc.media_type,
            encoding: doc.encoding.to_string(),
            language,
            meta,
            custody: Custody {
                ingested_at: ingested_at.clone(),
                ingested_by: options.actor.clone(),
                original_path,
                tool: options.tool.clone(),
                size: file.bytes.len() as u64,
                sha256: file.sha256.clone(),
                capture,
            },
            text: doc.text,
            pages: doc.pages,
        };
        rows.push((file.path, source, findings));
    }
    let batch: Vec<NewSource<'_>> = rows
        .iter()
        .map(|(_, source, f)| (source, f.entities.as_slice(), f.statements.as_slice()))
        .collect();
    let inserted = project.store_mut().insert_sources(&batch, &options.actor)?;
    Ok(rows
        .into_iter()
        .zip(inserted)
        .map(|((path, source, _), inserted)| match inserted {
            Inserted::New => FileOutcome::Stored {
                path,
                language: source.language,
                kind: source.kind,
                bytes: source.custody.size,
                id: source.id,
            },
            Inserted::AlreadyPresent => FileOutcome::AlreadyPresent {
                path,
                id: source.id,
            },
        })
        .collect())
}
