//! Projects and sources: init, open, ingest, list, show, search, verify, and
//! the audit log.

use crate::{tool, Actor, AppError, Permission, Result, Scope};
use casefile_core::{AuditEntry, Source, SourceId, SourceKind, SourceMeta, SourceSummary};
use casefile_ingest::{FileOutcome, IngestOptions, Progress};
use casefile_store::{
    verify_project, AuditQuery, Backends, Project, SearchHit, SearchQuery, VerifyReport,
};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Creates a project in `dir` (absent or empty), with its signing key.
pub fn init(dir: &Path, actor: &Actor) -> Result<Project> {
    init_with(dir, actor, &Backends::default())
}

/// Opens the project in `dir`.
pub fn open(dir: &Path) -> Result<Project> {
    Ok(Project::open(dir)?)
}

/// Creates a project in `dir` whose database and originals are in `backends`
/// (PostgreSQL, S3); the directory then holds the settings and this
/// machine's search index. The signing key is made either way.
pub fn init_with(dir: &Path, actor: &Actor, backends: &Backends) -> Result<Project> {
    let mut project = Project::init_with(dir, &actor.name, backends)?;
    crate::keys::create(&mut project, &actor.name)?;
    Ok(project)
}

/// Opens the project in `dir` with its database and originals in `backends`.
pub fn open_with(dir: &Path, backends: &Backends) -> Result<Project> {
    Ok(Project::open_with(dir, backends)?)
}

/// The nearest directory at or above `start` that holds a project.
pub fn discover(start: &Path) -> Option<PathBuf> {
    Project::discover(start)
}

/// What to ingest, and how.
#[derive(Debug, Clone, Default)]
pub struct IngestRequest {
    /// Files and directories (walked recursively).
    pub paths: Vec<PathBuf>,
    /// Kind of every source; inferred from the format when `None`.
    pub kind: Option<SourceKind>,
    /// Metadata given by the user; each field set overrides the document's.
    pub meta: SourceMeta,
    /// Language (ISO 639-1) overriding detection.
    pub language: Option<String>,
    /// Skip extraction.
    pub no_extract: bool,
}

/// What happened to one input file.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FileResult {
    Stored {
        path: String,
        id: SourceId,
        language: Option<String>,
        kind: SourceKind,
        /// Size of the original.
        #[serde(skip)]
        bytes: u64,
    },
    AlreadyPresent {
        path: String,
        id: SourceId,
    },
    /// The reason names the file's problem, never its content.
    Failed {
        path: String,
        error: String,
    },
}

/// The outcome of an ingest: one result per input file, in input order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    pub files: Vec<FileResult>,
    pub stored: usize,
    pub already_present: usize,
    pub failed: usize,
}

impl IngestSummary {
    /// Bytes of the originals stored by this run.
    pub fn bytes_stored(&self) -> u64 {
        self.files
            .iter()
            .map(|f| match f {
                FileResult::Stored { bytes, .. } => *bytes,
                _ => 0,
            })
            .sum()
    }

    /// Adds another run's results after this one's.
    pub fn extend(&mut self, other: IngestSummary) {
        self.files.extend(other.files);
        self.stored += other.stored;
        self.already_present += other.already_present;
        self.failed += other.failed;
    }
}

/// Stores files and directories as sources: originals by hash, clean text,
/// findings, custody and audit; per-file problems are results, not errors.
pub fn ingest(
    project: &mut Project,
    actor: &Actor,
    request: &IngestRequest,
    progress: &dyn Progress,
) -> Result<IngestSummary> {
    actor.require(Permission::AddSources)?;
    let options = IngestOptions {
        kind: request.kind,
        meta: request.meta.clone(),
        language: request.language.clone(),
        max_file_size: project.config.max_file_size,
        actor: actor.name.clone(),
        tool: tool(),
        extract: !request.no_extract,
    };
    let report = casefile_ingest::ingest(project, &request.paths, &options, progress)?;
    let mut summary = IngestSummary {
        stored: report.stored(),
        already_present: report.already_present(),
        failed: report.failed(),
        files: Vec::with_capacity(report.outcomes.len()),
    };
    for outcome in report.outcomes {
        let path = outcome.path().display().to_string();
        summary.files.push(match outcome {
            FileOutcome::Stored {
                id,
                language,
                kind,
                bytes,
                ..
            } => FileResult::Stored {
                path,
                id,
                language,
                kind,
                bytes,
            },
            FileOutcome::AlreadyPresent { id, .. } => FileResult::AlreadyPresent { path, id },
            FileOutcome::Failed { error, .. } => FileResult::Failed {
                path,
                error: error.to_string(),
            },
        });
    }
    Ok(summary)
}

/// Every source, oldest first, without its text.
/// (Public sources only for a viewer.)
pub fn sources(project: &Project, actor: &Actor) -> Result<Vec<SourceSummary>> {
    actor.require(Permission::ReadSources)?;
    let scope = Scope::of(actor, project.store());
    let mut all = project.store().sources()?;
    all.retain(|s| scope.source_kind_visible(s.kind));
    Ok(all)
}

/// The source, unless `actor` may not see it: then "not found", as for an
/// id that does not exist (a viewer learns nothing of a non-public source).
fn visible_source(project: &Project, actor: &Actor, id_or_prefix: &str) -> Result<Arc<Source>> {
    let whole = id_or_prefix.trim().to_ascii_lowercase();
    let source = if casefile_core::is_sha256_hex(&whole) {
        // Kept once read (a source never changes); a prefix is looked up
        // each time, as one unique today may not be after the next ingest.
        let kept = project.source_rows(&[SourceId(whole.clone())])?;
        match kept.into_iter().next() {
            Some(source) => source,
            None => {
                let missing = casefile_store::StoreError::NotFound {
                    what: "source",
                    id: whole,
                };
                return Err(missing.into());
            }
        }
    } else {
        Arc::new(project.store().source(id_or_prefix)?)
    };
    if Scope::of(actor, project.store()).source_kind_visible(source.kind) {
        Ok(source)
    } else {
        Err(AppError::NotFound(format!("no source {id_or_prefix:?}")))
    }
}

/// One source by id or unique prefix: metadata, custody, clean text.
pub fn show(project: &Project, actor: &Actor, id_or_prefix: &str) -> Result<Arc<Source>> {
    actor.require(Permission::ReadSources)?;
    visible_source(project, actor, id_or_prefix)
}

/// The original bytes of a source, exactly as ingested, with its full id.
pub fn original(
    project: &Project,
    actor: &Actor,
    id_or_prefix: &str,
) -> Result<(SourceId, Vec<u8>)> {
    actor.require(Permission::ReadSources)?;
    let id = visible_source(project, actor, id_or_prefix)?.id.clone();
    let bytes = project.blobs.get(&id.0)?;
    Ok((id, bytes))
}

/// Full-text search: ranked sources with snippets and hit offsets.
pub fn search(project: &mut Project, actor: &Actor, query: &SearchQuery) -> Result<Vec<SearchHit>> {
    actor.require(Permission::ReadSources)?;
    let mut hits = project.search(query)?;
    let scope = Scope::of(actor, project.store());
    if !scope.is_everything() {
        let mut visible = Vec::with_capacity(hits.len());
        for hit in hits {
            if scope.source_visible(&hit.source_id)? {
                visible.push(hit);
            }
        }
        hits = visible;
    }
    Ok(hits)
}

/// Opens the search index and indexes what it lacks, ahead of the first
/// search (a server calls this at start).
pub fn warm(project: &mut Project) -> Result<()> {
    Ok(project.open_search()?)
}

/// Re-hashes every original and re-walks the audit chain.
pub fn verify(project: &Project, actor: &Actor) -> Result<VerifyReport> {
    actor.require(Permission::ReadAudit)?;
    Ok(verify_project(project)?)
}

/// The audit log in order; only the last `last` entries when given.
pub fn log(project: &Project, actor: &Actor, last: Option<usize>) -> Result<Vec<AuditEntry>> {
    actor.require(Permission::ReadAudit)?;
    let mut entries = project.store().audit_entries()?;
    if let Some(n) = last {
        let skip = entries.len().saturating_sub(n);
        entries.drain(..skip);
    }
    Ok(entries)
}

/// One page of the audit log, newest first (see [`AuditQuery`]); at most
/// 1,000 entries a page.
pub fn audit_page(project: &Project, actor: &Actor, query: &AuditQuery) -> Result<Vec<AuditEntry>> {
    actor.require(Permission::ReadAudit)?;
    let query = AuditQuery {
        limit: query.limit.clamp(1, 1000),
        action: query.action.clone().filter(|a| !a.trim().is_empty()),
        actor: query.actor.clone().filter(|a| !a.trim().is_empty()),
        ..query.clone()
    };
    Ok(project.store().audit_page(&query)?)
}

/// Fails unless `path`'s file is at most `limit` bytes; returns its bytes.
pub(crate) fn read_limited(path: &Path, limit: u64, setting: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let size = std::fs::metadata(path)
        .map_err(|e| AppError::input(path, format!("cannot read: {e}")))?
        .len();
    if size > limit {
        return Err(AppError::input(
            path,
            format!("file is {size} bytes, over the limit of {limit} bytes{setting}"),
        ));
    }
    // The size the file system reports is not a bound: a device or a pipe
    // (`/dev/zero`, `<(...)`) reports 0 and never ends, and a file may grow
    // after it is measured. At most one byte past the limit is read.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| AppError::input(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(AppError::input(
            path,
            format!("file is over the limit of {limit} bytes{setting}"),
        ));
    }
    Ok(bytes)
}
