//! Sources: list, show, original bytes, upload (ingest, as a job), search;
//! and the project's audit log and `verify`.

use super::uploads::read_form;
use super::{check_limit, Shared};
use crate::auth::Credentials;
use crate::error::{ApiError, ErrorBody};
use crate::jobs::JobStarted;
use crate::pool::Access;
use crate::AppState;
use crate::JsonBytes;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use casefile_app::sources::{self, FileResult, IngestRequest};
use casefile_app::{Permission, SearchQuery, SourceKind, SourceMeta};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// Every source, oldest first, without its text.
#[utoipa::path(get, path = "/api/sources", tag = "sources",
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(State(s): State<AppState>, c: Credentials) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, |p, a| sources::sources(p, a)).await
}

/// One source: metadata, custody record and clean text (spans index this text).
#[utoipa::path(get, path = "/api/sources/{id}", tag = "sources",
    params(("id" = String, Path, description = "Source id or a unique prefix of at least 4 hex digits")),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<String>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, move |p, a| {
        Ok(Shared(sources::show(p, a, &id)?))
    })
    .await
}

/// The original bytes, as ingested: always a download, never rendered (sources are hostile input).
#[utoipa::path(get, path = "/api/sources/{id}/original", tag = "sources",
    params(("id" = String, Path, description = "Source id or a unique prefix")),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn original(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (id, bytes) = s
        .pool
        .act(c, Access::Read, move |p, a| sources::original(p, a, &id))
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.bin\"", id.0),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The form of an upload (`multipart/form-data`).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct SourceUpload {
    /// One or more files (repeat the part).
    #[schema(value_type = Vec<String>, format = Binary)]
    file: Vec<Vec<u8>>,
    /// news, ngo-statement, report, official, web-capture, registry, document.
    kind: Option<String>,
    title: Option<String>,
    publisher: Option<String>,
    /// YYYY-MM-DD.
    published: Option<String>,
    url: Option<String>,
    /// ISO 639-1, overriding detection.
    lang: Option<String>,
    /// `true` to store without extraction.
    no_extract: Option<String>,
}

/// Ingests the uploaded files as a job: one result per file, failures named
/// per file, nothing of a failed file stored. Poll `/api/jobs/{id}`.
#[utoipa::path(post, path = "/api/sources", tag = "sources",
    request_body(content = SourceUpload, content_type = "multipart/form-data"),
    responses((status = 202, body = JobStarted), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn upload(
    State(s): State<AppState>,
    c: Credentials,
    multipart: Multipart,
) -> Result<(StatusCode, Json<JobStarted>), ApiError> {
    let actor = s.pool.actor(c).await?;
    actor.require(Permission::AddSources)?;
    let form = read_form(multipart, "file").await?;
    if form.files.is_empty() {
        return Err(ApiError::bad_request("the form has no part named \"file\""));
    }
    let field = |k: &str| form.fields.get(k).filter(|v| !v.is_empty()).cloned();
    let kind = match field("kind") {
        Some(k) => Some(
            k.parse::<SourceKind>()
                .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?,
        ),
        None => None,
    };
    let request = IngestRequest {
        paths: form.files.iter().map(|u| u.path.clone()).collect(),
        kind,
        meta: SourceMeta {
            title: field("title"),
            publisher: field("publisher"),
            published: field("published"),
            url: field("url"),
        },
        language: field("lang"),
        no_extract: field("no_extract").is_some_and(|v| v == "true" || v == "1"),
    };
    let pool = s.pool.clone();
    let job_actor = actor.clone();
    let started = s.jobs.start(&actor, "ingest", move |progress| {
        let mut summary = pool.run_blocking(Access::Write, |p| {
            Ok(sources::ingest(p, &job_actor, &request, progress)?)
        })?;
        // Paths as the client named them, not the server's temporary folder.
        for file in &mut summary.files {
            let (FileResult::Stored { path, .. }
            | FileResult::AlreadyPresent { path, .. }
            | FileResult::Failed { path, .. }) = file;
            *path = form.name_of(path);
        }
        drop(form);
        Ok(summary)
    });
    Ok((StatusCode::ACCEPTED, Json(started)))
}

fn default_limit() -> usize {
    10
}

/// Search parameters.
#[derive(Deserialize, IntoParams)]
pub struct SearchParams {
    /// Words (all must occur), "quoted phrases", OR, -excluded.
    q: String,
    /// Only sources in this language (ISO 639-1).
    lang: Option<String>,
    /// At most this many results (1 to 1000).
    #[serde(default = "default_limit")]
    #[param(minimum = 1, maximum = 1000)]
    limit: usize,
}

/// Full-text search: ranked sources with a snippet and the byte offsets of every hit.
#[utoipa::path(get, path = "/api/search", tag = "sources", params(SearchParams),
    responses((status = 200, body = Vec<Object>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn search(
    State(s): State<AppState>,
    c: Credentials,
    Query(params): Query<SearchParams>,
) -> Result<JsonBytes, ApiError> {
    let query = SearchQuery {
        text: params.q,
        language: params.lang,
        limit: check_limit(params.limit)?,
        ..Default::default()
    };
    s.json(c, Access::Read, move |p, a| sources::search(p, a, &query))
        .await
}

/// Audit log parameters.
#[derive(Deserialize, IntoParams)]
pub struct AuditParams {
    /// Only the last N entries.
    #[param(minimum = 0)]
    last: Option<usize>,
}

/// The audit log, in order.
#[utoipa::path(get, path = "/api/audit", tag = "audit", params(AuditParams),
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn audit(
    State(s): State<AppState>,
    c: Credentials,
    Query(params): Query<AuditParams>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, move |p, a| sources::log(p, a, params.last))
        .await
}

/// Re-hashes every original and walks the audit chain.
#[utoipa::path(get, path = "/api/verify", tag = "audit",
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn verify(State(s): State<AppState>, c: Credentials) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, |p, a| sources::verify(p, a)).await
}
