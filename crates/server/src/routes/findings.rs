//! Findings: entities and entity pages, statements and their review status,
//! merge and split, child-count claims.

use super::{check_limit, Shared, MAX_LIMIT};
use crate::auth::Credentials;
use crate::error::{ApiError, ErrorBody};
use crate::pool::Access;
use crate::{AppState, JsonBytes};
use axum::extract::{Path, Query, State};
use axum::http::HeaderName;
use axum::response::{IntoResponse, Response};
use axum::Json;
use casefile_app::entities::{self, parse_kind};
use casefile_app::{claims, statements, StatementId, Status};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// Entity listing parameters.
#[derive(Deserialize, IntoParams)]
pub struct EntitiesParams {
    /// person, organization or place (all three when absent).
    kind: Option<String>,
}

/// Persons, organizations and places resolved across sources, the most mentioned first.
#[utoipa::path(get, path = "/api/entities", tag = "findings", params(EntitiesParams),
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    c: Credentials,
    Query(params): Query<EntitiesParams>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, move |p, a| {
        let kind = params.kind.as_deref().map(parse_kind).transpose()?;
        entities::entities(p, a, kind)
    })
    .await
}

/// Entity page parameters: without them, every statement; with them, a page.
#[derive(Deserialize, IntoParams)]
pub struct EntityParams {
    /// Statements to skip (default 0).
    #[param(minimum = 0)]
    offset: Option<usize>,
    /// At most this many statements (1 to 1000; all when absent).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<usize>,
}

/// One entity (by any member id) and the statements about it, with sources
/// and quotes: all of them, or a page with `offset` and `limit`
/// (`statements_total` counts them all, `offset` is where the page starts).
#[utoipa::path(get, path = "/api/entities/{id}", tag = "findings",
    params(("id" = String, Path, description = "Any member id of the entity"), EntityParams),
    responses((status = 200, body = Object), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<String>,
    Query(params): Query<EntityParams>,
) -> Result<JsonBytes, ApiError> {
    let offset = params.offset.unwrap_or(0);
    let limit = match params.limit {
        Some(limit) => check_limit(limit)?,
        None => usize::MAX,
    };
    s.json(c, Access::Read, move |p, a| {
        // Shared with other requests for the same page: serialized from the
        // shared copy.
        let page = entities::entity_page(p, a, &id, offset, limit)?;
        Ok(Shared(page))
    })
    .await
}

/// One statement.
#[utoipa::path(get, path = "/api/statements/{id}", tag = "findings",
    params(("id" = i64, Path, description = "Statement id")),
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn statement(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<i64>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Read, move |p, a| {
        statements::statement(p, a, StatementId(id))
    })
    .await
}

/// A review status.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    Proposed,
    Confirmed,
    Disputed,
    Rejected,
}

impl From<ReviewStatus> for Status {
    fn from(s: ReviewStatus) -> Status {
        match s {
            ReviewStatus::Proposed => Status::Proposed,
            ReviewStatus::Confirmed => Status::Confirmed,
            ReviewStatus::Disputed => Status::Disputed,
            ReviewStatus::Rejected => Status::Rejected,
        }
    }
}

/// A change of review status, with its reason.
#[derive(Deserialize, ToSchema)]
pub struct StatusChange {
    status: ReviewStatus,
    /// Why (recorded in the audit log).
    reason: String,
}

/// Confirms, disputes or rejects a statement (or sets it back to proposed).
#[utoipa::path(post, path = "/api/statements/{id}/status", tag = "findings",
    params(("id" = i64, Path, description = "Statement id")), request_body = StatusChange,
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_status(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<i64>,
    Json(change): Json<StatusChange>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Write, move |p, a| {
        statements::set_status(p, a, StatementId(id), change.status.into(), &change.reason)
    })
    .await
}

/// Two entities that are the same.
#[derive(Deserialize, ToSchema)]
pub struct MergeRequest {
    a: String,
    b: String,
    reason: String,
}

/// Records that two entities are the same (reversible with split).
#[utoipa::path(post, path = "/api/merge", tag = "findings", request_body = MergeRequest,
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn merge(
    State(s): State<AppState>,
    c: Credentials,
    Json(r): Json<MergeRequest>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Write, move |p, a| {
        entities::merge(p, a, &r.a, &r.b, &r.reason)
    })
    .await
}

/// Members of an entity that are someone else.
#[derive(Deserialize, ToSchema)]
pub struct SplitRequest {
    /// The entity (any member id).
    id: String,
    members: Vec<String>,
    reason: String,
}

/// Records that some members of an entity are someone else.
#[utoipa::path(post, path = "/api/split", tag = "findings", request_body = SplitRequest,
    responses((status = 200, body = Object), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn split(
    State(s): State<AppState>,
    c: Credentials,
    Json(r): Json<SplitRequest>,
) -> Result<JsonBytes, ApiError> {
    s.json(c, Access::Write, move |p, a| {
        entities::split(p, a, &r.id, &r.members, &r.reason)
    })
    .await
}

fn child_count() -> String {
    "child-count".to_string()
}

/// Claim listing parameters: without `offset` and `limit`, every row.
#[derive(Deserialize, IntoParams)]
pub struct ClaimsParams {
    /// The kind of claim: child-count.
    #[serde(default = "child_count")]
    kind: String,
    /// Rows to skip (default 0).
    #[param(minimum = 0)]
    offset: Option<usize>,
    /// At most this many rows (1 to 1000).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<usize>,
}

/// Counts of children grouped across the sources that repeat them: every
/// row, or with `offset` or `limit` a page of rows; `X-Total-Count` tells
/// how many rows there are in all.
#[utoipa::path(get, path = "/api/claims", tag = "findings", params(ClaimsParams),
    responses((status = 200, body = Vec<Object>,
            headers(("X-Total-Count" = u64, description = "Rows in all, whatever the page"))),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn claims(
    State(s): State<AppState>,
    c: Credentials,
    Query(params): Query<ClaimsParams>,
) -> Result<Response, ApiError> {
    let paged = params.offset.is_some() || params.limit.is_some();
    let offset = params.offset.unwrap_or(0);
    let limit = if paged {
        check_limit(params.limit.unwrap_or(MAX_LIMIT))?
    } else {
        usize::MAX
    };
    let page = s
        .pool
        .act(c, Access::Read, move |p, a| {
            claims::claims_page(p, a, &params.kind, offset, limit)
        })
        .await?;
    let rows = JsonBytes::of(&page.rows)?;
    Ok(([(TOTAL_COUNT, page.total.to_string())], rows).into_response())
}

/// The header that tells how many rows a paged list has in all.
const TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");
