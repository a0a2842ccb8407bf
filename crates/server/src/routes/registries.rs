//! Child registries: list, import (upload with a column map), append (an
//! upload read through the registry's map), link and dedupe runs (jobs),
//! the history of a stored cluster, the review queue and decisions. Names of children
//! appear only in the review queue, to roles that may see them: the
//! application layer decides.

use super::check_limit;
use super::uploads::{read_form, Form};
use crate::auth::Credentials;
use crate::error::{ApiError, ErrorBody};
use crate::jobs::JobStarted;
use crate::pool::Access;
use crate::{AppState, JsonBytes};
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use casefile_app::linkage;
use casefile_app::registries::{self, LinkOptions, Verdict};
use casefile_app::{AppError, LinkResult, Pair, Permission};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The one uploaded registry file of a form: its stored path and the
/// client's file name (for error messages).
fn the_file(form: &Form) -> Result<(std::path::PathBuf, String), ApiError> {
    let [file] = form.files.as_slice() else {
        return Err(ApiError::bad_request(
            "the form needs exactly one part named \"file\"",
        ));
    };
    Ok((file.path.clone(), file.name.clone()))
}

/// Every imported registry.
#[utoipa::path(get, path = "/api/registries", tag = "registries",
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(State(s): State<AppState>, c: Credentials) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, |p, a| registries::list(p, a)).await
}

/// The form of a registry import (`multipart/form-data`).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct RegistryUpload {
    /// The registry's name in this project.
    name: String,
    /// Column map, e.g. `id=ID,surname=Фамилия,given=Имя,birth_date=Дата`;
    /// when absent or blank, found from the header and first rows.
    map: Option<String>,
    /// The CSV file.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Imports a CSV registry of child records under a name, with its column map.
#[utoipa::path(post, path = "/api/registries", tag = "registries",
    request_body(content = RegistryUpload, content_type = "multipart/form-data"),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn import(
    State(s): State<AppState>,
    c: Credentials,
    multipart: Multipart,
) -> Result<JsonBytes, ApiError> {
    let actor = s.pool.actor(c).await?;
    actor.require(Permission::AddRegistries)?;
    let form = read_form(multipart, "file").await?;
    let field = |k: &str| {
        form.fields
            .get(k)
            .cloned()
            .ok_or_else(|| ApiError::bad_request(format!("the form has no field {k:?}")))
    };
    let name = field("name")?;
    // Without a map (or with a blank one) the columns are found from the header.
    let map = form
        .fields
        .get("map")
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty());
    let (path, file_name) = the_file(&form)?;
    s.pool
        .run(Access::Write, move |p| {
            let imported = registries::import(p, &actor, &name, &path, map.as_deref()).map_err(
                |e| match e {
                    // The reason with the client's file name, not the temporary path.
                    AppError::Input { reason, .. } => {
                        ApiError::bad_request(format!("{file_name}: {reason}"))
                    }
                    e => ApiError::from(e),
                },
            )?;
            drop(form);
            JsonBytes::of(&imported)
        })
        .await
}

/// The form of an append to a registry (`multipart/form-data`).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct AppendUpload {
    /// The CSV file, with the columns of the registry's map.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Appends the records of a CSV file to an imported registry, read through
/// its column map; rows whose id the registry already holds are refused
/// (listed in `row_errors`), never overwritten.
#[utoipa::path(post, path = "/api/registries/{name}/append", tag = "registries",
    params(("name" = String, Path, description = "Registry name")),
    request_body(content = AppendUpload, content_type = "multipart/form-data"),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn append(
    State(s): State<AppState>,
    c: Credentials,
    Path(name): Path<String>,
    multipart: Multipart,
) -> Result<JsonBytes, ApiError> {
    let actor = s.pool.actor(c).await?;
    actor.require(Permission::AddRegistries)?;
    let form = read_form(multipart, "file").await?;
    let (path, file_name) = the_file(&form)?;
    s.pool
        .run(Access::Write, move |p| {
            let appended = registries::append(p, &actor, &name, &path).map_err(|e| match e {
                // The reason with the client's file name, not the temporary path.
                AppError::Input { reason, .. } => {
                    ApiError::bad_request(format!("{file_name}: {reason}"))
                }
                e => ApiError::from(e),
            })?;
            drop(form);
            JsonBytes::of(&appended)
        })
        .await
}

/// Where a stored cluster of records came from (new, a merge, a split), the
/// run that added each member, and what became of it. Record ids only.
#[utoipa::path(get, path = "/api/clusters/{id}/history", tag = "registries",
    params(("id" = i64, Path, description = "Cluster id")),
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn cluster_history(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<i64>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, move |p, a| linkage::history(p, a, id))
        .await
}

/// A link run between two registries.
#[derive(Deserialize, ToSchema)]
pub struct LinkRequest {
    left: String,
    right: String,
    /// Match probability at or above which a pair is a match (default 0.5).
    threshold: Option<f64>,
    /// Blocking rules as TOML; the defaults suit most child registries.
    blocking: Option<String>,
}

/// A dedupe run inside one registry.
#[derive(Deserialize, ToSchema)]
pub struct DedupeRequest {
    registry: String,
    threshold: Option<f64>,
    blocking: Option<String>,
}

/// Most matched pairs a link or dedupe job returns (all are counted).
const MAX_PAIRS: usize = 10_000;

/// What a link or dedupe job gives: counts and matched pairs, named by
/// record ids (no names or dates).
#[derive(Serialize, ToSchema)]
pub struct LinkSummary {
    pub threshold: f64,
    #[schema(value_type = Object)]
    pub stats: serde_json::Value,
    /// Pairs that match (a person's decision outranks the model).
    pub matches: usize,
    /// The first of them, at most 10,000.
    #[schema(value_type = Vec<Object>)]
    pub pairs: Vec<Pair>,
    /// Groups of records of one child, by record id.
    pub clusters: Vec<Vec<String>>,
    /// Pairs that await a person's decision.
    pub awaiting_review: usize,
}

fn summary(result: &LinkResult) -> Result<LinkSummary, ApiError> {
    let matched = || {
        result
            .pairs()
            .filter(|p| registries::is_match(p, result.threshold))
    };
    Ok(LinkSummary {
        threshold: result.threshold,
        stats: serde_json::to_value(&result.stats).map_err(|_| ApiError::internal())?,
        matches: matched().count(),
        pairs: matched().take(MAX_PAIRS).collect(),
        clusters: result.clusters(),
        awaiting_review: result.review_queue().count(),
    })
}

fn options(threshold: Option<f64>, blocking: Option<String>) -> LinkOptions {
    LinkOptions {
        threshold,
        blocking_toml: blocking,
        ..LinkOptions::default()
    }
}

/// Links the records of two registries, as a job (poll `/api/jobs/{id}`).
#[utoipa::path(post, path = "/api/link", tag = "registries", request_body = LinkRequest,
    responses((status = 202, body = JobStarted), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn link(
    State(s): State<AppState>,
    c: Credentials,
    Json(r): Json<LinkRequest>,
) -> Result<(StatusCode, Json<JobStarted>), ApiError> {
    let actor = s.pool.actor(c).await?;
    actor.require(Permission::ReadRegistries)?;
    let (pool, job_actor) = (s.pool.clone(), actor.clone());
    let started = s.jobs.start(&actor, "link", move |_| {
        let options = options(r.threshold, r.blocking);
        // Reading records appends audit entries: a write.
        pool.run_blocking(Access::Write, |p| {
            summary(&registries::link(
                p, &job_actor, &r.left, &r.right, &options,
            )?)
        })
    });
    Ok((StatusCode::ACCEPTED, Json(started)))
}

/// Finds records of the same child inside one registry, as a job.
#[utoipa::path(post, path = "/api/dedupe", tag = "registries", request_body = DedupeRequest,
    responses((status = 202, body = JobStarted), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn dedupe(
    State(s): State<AppState>,
    c: Credentials,
    Json(r): Json<DedupeRequest>,
) -> Result<(StatusCode, Json<JobStarted>), ApiError> {
    let actor = s.pool.actor(c).await?;
    actor.require(Permission::ReadRegistries)?;
    let (pool, job_actor) = (s.pool.clone(), actor.clone());
    let started = s.jobs.start(&actor, "dedupe", move |_| {
        let options = options(r.threshold, r.blocking);
        pool.run_blocking(Access::Write, |p| {
            summary(&registries::dedupe(p, &job_actor, &r.registry, &options)?)
        })
    });
    Ok((StatusCode::ACCEPTED, Json(started)))
}

fn default_review_limit() -> usize {
    50
}

/// Review queue parameters.
#[derive(Deserialize, IntoParams)]
pub struct ReviewParams {
    left: String,
    /// The other registry (absent: duplicates inside `left`).
    right: Option<String>,
    threshold: Option<f64>,
    #[serde(default = "default_review_limit")]
    #[param(minimum = 1, maximum = 1000)]
    limit: usize,
}

/// The uncertain pairs, the most uncertain first, with the records' names
/// and birth dates for roles that may see them (redacted, and marked so, for others).
#[utoipa::path(get, path = "/api/review", tag = "registries", params(ReviewParams),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn review(
    State(s): State<AppState>,
    c: Credentials,
    Query(q): Query<ReviewParams>,
) -> Result<JsonBytes, ApiError> {
    let limit = check_limit(q.limit)?;
    // Reading records appends audit entries: a write.
    s.json(c, Access::Write, move |p, a| {
        registries::review_queue(
            p,
            a,
            &q.left,
            q.right.as_deref(),
            &options(q.threshold, None),
            limit,
        )
    })
    .await
}

/// A reviewer's verdict.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum VerdictParam {
    Accept,
    Reject,
}

/// A decision on one pair of records.
#[derive(Deserialize, ToSchema)]
pub struct DecisionRequest {
    left: String,
    /// The other registry (absent: a duplicate inside `left`).
    right: Option<String>,
    left_id: String,
    right_id: String,
    verdict: VerdictParam,
    reason: Option<String>,
}

/// Records that two records are the same child, or different children.
#[utoipa::path(post, path = "/api/review/decisions", tag = "registries", request_body = DecisionRequest,
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decide(
    State(s): State<AppState>,
    c: Credentials,
    Json(d): Json<DecisionRequest>,
) -> Result<JsonBytes, ApiError> {
    let verdict = match d.verdict {
        VerdictParam::Accept => Verdict::Accept,
        VerdictParam::Reject => Verdict::Reject,
    };
    s.json(c, Access::Write, move |p, a| {
        registries::decide(
            p,
            a,
            &d.left,
            d.right.as_deref(),
            &d.left_id,
            &d.right_id,
            verdict,
            d.reason.as_deref(),
        )
    })
    .await
}
