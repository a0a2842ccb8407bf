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

use casefile_core::{Custody, MediaType, Source, SourceId, SourceKind, SourceMeta};
use casefile_extract::{to_statements, Derived};
use casefile_store::{Inserted, NewSource, Project, StoreError};
use casefile_text::{prepare_document, PrepareError, PreparedDocument};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
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

/// A file read and hashed, ready to be checked against the store.
struct ReadFile {
    path: PathBuf,
    bytes: Vec<u8>,
    sha256: String,
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
    })
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
    for chunk in chunks(&files) {
        let read: Vec<Result<ReadFile, (PathBuf, IngestError)>> = chunk
            .par_iter()
            .map(|f| read_file(f, options.max_file_size).map_err(|e| (f.path.clone(), e)))
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
        let prepared: Vec<(ReadFile, Result<Prepared, PrepareError>)> = fresh
            .into_par_iter()
            .map(|file| {
                let name = file.path.file_name().and_then(|n| n.to_str());
                let doc = prepare_document(&file.bytes, name)
                    .map(|doc| prepare_findings(&file, doc, options));
                (file, doc)
            })
            .collect();
        let mut written = Vec::with_capacity(prepared.len());
        for (file, doc) in prepared {
            progress.advance(file.bytes.len() as u64);
            match doc {
                Err(e) => outcomes.push(failed(file.path, e.into())),
                Ok(doc) => match project.blobs.put_unsynced(&file.sha256, &file.bytes) {
                    Err(e) => outcomes.push(failed(file.path, e.into())),
                    Ok(_) => written.push((file, doc)),
                },
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
        url: options.meta.url.clone().or_else(|| doc.meta.url.clone()),
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
            MediaType::Html => SourceKind::WebCapture,
            MediaType::PlainText | MediaType::Markdown => SourceKind::Document,
        });
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
                original_path: file.path.display().to_string(),
                tool: options.tool.clone(),
                size: file.bytes.len() as u64,
                sha256: file.sha256.clone(),
            },
            text: doc.text,
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
