//! Progress and result of a job.

use crate::auth::Credentials;
use crate::error::{ApiError, ErrorBody};
use crate::jobs::JobView;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;

/// A job's state, progress and, once finished, its result or error.
#[utoipa::path(get, path = "/api/jobs/{id}", tag = "jobs",
    params(("id" = String, Path, description = "The id a POST returned")),
    responses((status = 200, body = JobView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    c: Credentials,
    Path(id): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    let actor = s.pool.actor(c).await?;
    Ok(Json(s.jobs.view(&actor, &id)?))
}
