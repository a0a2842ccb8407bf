//! Long operations as jobs: the request that starts one returns its id at
//! once; the work goes on on a blocking thread whether or not the client
//! stays, and `GET /api/jobs/{id}` gives its progress and, at the end, its
//! result or error.
//!
//! Jobs live in the server's memory: a restart forgets them (what a finished
//! job stored is in the project, and its audit entries say so). A job is
//! visible to the user who started it and to those who manage users.

use crate::error::{ApiError, ErrorBody};
use casefile_app::{Actor, Permission, Progress};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use utoipa::ToSchema;

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    Running,
    Done,
    Failed,
}

/// A job as its owner sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JobView {
    pub id: String,
    /// `ingest`, `link` or `dedupe`.
    pub kind: String,
    pub state: JobState,
    pub started_at: String,
    pub finished_at: Option<String>,
    /// Files and bytes to do and done, when the operation reports them.
    pub files_total: u64,
    pub bytes_total: u64,
    pub bytes_done: u64,
    /// The operation's result, once done (the same JSON as its own endpoint would give).
    #[schema(value_type = Option<Object>)]
    pub result: Option<serde_json::Value>,
    pub error: Option<ErrorBody>,
}

/// A job just started.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JobStarted {
    pub job: String,
}

struct Job {
    owner: String,
    kind: &'static str,
    started_at: String,
    files_total: AtomicU64,
    bytes_total: AtomicU64,
    bytes_done: AtomicU64,
    outcome: Mutex<Option<(String, Result<serde_json::Value, ErrorBody>)>>,
}

impl Progress for Job {
    fn start(&self, files: u64, bytes: u64) {
        self.files_total.store(files, Ordering::Relaxed);
        self.bytes_total.store(bytes, Ordering::Relaxed);
    }
    fn advance(&self, bytes: u64) {
        self.bytes_done.fetch_add(bytes, Ordering::Relaxed);
    }
    fn finish(&self) {}
}

/// Every job of this server run.
#[derive(Default)]
pub struct Jobs {
    jobs: Mutex<HashMap<String, Arc<Job>>>,
}

use casefile_app::now_rfc3339 as now;

impl Jobs {
    /// Starts `work` on a blocking thread as a job of `actor`; it gets a
    /// [`Progress`] to report to. Returns the job's id.
    pub fn start<T, F>(self: &Arc<Self>, actor: &Actor, kind: &'static str, work: F) -> JobStarted
    where
        T: Serialize,
        F: FnOnce(&dyn Progress) -> Result<T, ApiError> + Send + 'static,
    {
        let id = casefile_app::accounts::random_id();
        let job = Arc::new(Job {
            owner: actor.name.clone(),
            kind,
            started_at: now(),
            files_total: AtomicU64::new(0),
            bytes_total: AtomicU64::new(0),
            bytes_done: AtomicU64::new(0),
            outcome: Mutex::new(None),
        });
        self.jobs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), Arc::clone(&job));
        // Not awaited: the job outlives the request that started it.
        tokio::task::spawn_blocking(move || {
            let result = work(job.as_ref())
                .and_then(|value| serde_json::to_value(value).map_err(|_| ApiError::internal()))
                .map_err(|e| ErrorBody { error: e.message });
            *job.outcome.lock().unwrap_or_else(|p| p.into_inner()) = Some((now(), result));
        });
        JobStarted { job: id }
    }

    /// The job `id` as `actor` may see it.
    pub fn view(&self, actor: &Actor, id: &str) -> Result<JobView, ApiError> {
        let job = self
            .jobs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned()
            .filter(|j| j.owner == actor.name || actor.role.allows(Permission::ManageUsers))
            .ok_or_else(|| {
                ApiError::new(axum::http::StatusCode::NOT_FOUND, format!("no job {id:?}"))
            })?;
        let outcome = job
            .outcome
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let (state, finished_at, result, error) = match outcome {
            None => (JobState::Running, None, None, None),
            Some((at, Ok(v))) => (JobState::Done, Some(at), Some(v), None),
            Some((at, Err(e))) => (JobState::Failed, Some(at), None, Some(e)),
        };
        Ok(JobView {
            id: id.to_string(),
            kind: job.kind.to_string(),
            state,
            started_at: job.started_at.clone(),
            finished_at,
            files_total: job.files_total.load(Ordering::Relaxed),
            bytes_total: job.bytes_total.load(Ordering::Relaxed),
            bytes_done: job.bytes_done.load(Ordering::Relaxed),
            result,
            error,
        })
    }
}
