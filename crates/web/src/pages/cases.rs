//! Cases: the list, one case with its sources, entities and statements,
//! creating one, adding items (from search results, an entity's page, a
//! statement of a source) and removing them, and exports of a case run as
//! the server's jobs with a page for their progress and the download.
//!
//! What a role may do is the operations' to decide (`casefile_app::cases`,
//! `export`, `report`); the pages show a control only where the role's
//! grants allow it. Exports are written under the project directory's
//! `exports/` folder (each a new name; an evidence package as its BagIt
//! folder and a tar of it for the download) and handed only to the user
//! who started the job, if their role still allows that export.

use super::{Ctx, Me, PageError};
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use casefile_app::export::Profile;
use casefile_app::{cases, export, report, AppError, Permission};
use casefile_server::jobs::{JobState, JobView};
use casefile_server::pool::Access;
use casefile_server::{ApiError, AppState};
use serde::Deserialize;
use serde_json::json;
use std::path::PathBuf;

/// The cases a user may add to, for the forms of other pages (empty for
/// roles that may not change a case).
pub fn cases_for_forms(
    p: &casefile_app::Project,
    a: &casefile_app::Actor,
) -> Result<Vec<serde_json::Value>, AppError> {
    if !a.role.allows(Permission::JudgeFindings) {
        return Ok(Vec::new());
    }
    Ok(cases::list(p, a)?
        .into_iter()
        .map(|c| json!({"id": c.case.id.0, "name": c.case.name}))
        .collect())
}

/// Every case with how much it holds, and the form to create one.
pub async fn list(State(s): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let (me, list) = ctx.act(&s, Access::Read, |p, a| cases::list(p, a)).await?;
    ctx.page(&me, "cases.html", &me.t("cases"), &json!({ "cases": list }))
}

/// The form that creates a case.
#[derive(Deserialize)]
pub struct NewCase {
    csrf: String,
    name: String,
    #[serde(default)]
    description: String,
}

/// Creates a case and opens it.
pub async fn create(
    State(s): State<AppState>,
    ctx: Ctx,
    axum::Form(f): axum::Form<NewCase>,
) -> Result<Response, PageError> {
    let (_, case) = ctx
        .act_form(&s, &f.csrf, move |p, a| {
            cases::new(p, a, &f.name, &f.description)
        })
        .await?;
    Ok(Redirect::to(&format!("/cases/{}", case.id.0)).into_response())
}

/// What the case page says after items were added.
#[derive(Deserialize)]
pub struct ShowParams {
    added: Option<usize>,
    unchanged: Option<usize>,
    page: Option<usize>,
}

/// Items of a case on one page: each is read from the database, and a case
/// can gather thousands.
const ITEMS_PER_PAGE: usize = 100;

/// One case: its sources, entities and statements (as the role may see
/// them), with removal and exports for the roles that may.
pub async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ShowParams>,
) -> Result<Response, PageError> {
    let page = q.page.unwrap_or(1).max(1);
    let offset = (page - 1).saturating_mul(ITEMS_PER_PAGE);
    let (me, view) = ctx
        .act(&s, Access::Read, move |p, a| {
            cases::show_page(p, a, &id, offset, ITEMS_PER_PAGE)
        })
        .await?;
    let role = me.actor.role;
    let exports = json!({
        "public": export::require(&me.actor, Profile::Public).is_ok(),
        "court": export::require(&me.actor, Profile::Court).is_ok(),
        "report": role.allows(Permission::ReadFindings),
    });
    let title = view.case.name.clone();
    let url = |page: usize| format!("/cases/{}?page={page}", view.case.id.0);
    let on_page = view.totals.items.saturating_sub(offset).min(ITEMS_PER_PAGE);
    ctx.page(
        &me,
        "case.html",
        &title,
        &json!({
            "c": view,
            "exports": exports,
            "added": q.added,
            "unchanged": q.unchanged,
            "first": offset + 1,
            "on_page": on_page,
            "page": page,
            "pages": view.totals.items.div_ceil(ITEMS_PER_PAGE).max(1),
            "prev": (page > 1).then(|| url(page - 1)),
            "next": (offset + on_page < view.totals.items).then(|| url(page + 1)),
        }),
    )
}

/// A form naming items: `case` (for adding from another page), `csrf`, and
/// `item` once per item (`source:ID`, `entity:ID`, `statement:N`).
struct ItemsForm {
    csrf: String,
    case: Option<String>,
    items: Vec<String>,
}

fn items_form(body: &str) -> ItemsForm {
    let mut form = ItemsForm {
        csrf: String::new(),
        case: None,
        items: Vec::new(),
    };
    for (k, v) in form_urlencoded::parse(body.as_bytes()) {
        match k.as_ref() {
            "csrf" => form.csrf = v.into_owned(),
            "case" => form.case = Some(v.trim().to_string()).filter(|c| !c.is_empty()),
            "item" => form.items.push(v.into_owned()),
            _ => {}
        }
    }
    form
}

/// Adds the checked items to the chosen case and opens it.
pub async fn add(State(s): State<AppState>, ctx: Ctx, body: String) -> Result<Response, PageError> {
    let form = items_form(&body);
    let Some(case) = form.case else {
        return Err(ctx.fail(AppError::Invalid("choose a case to add to".into())));
    };
    if form.items.is_empty() {
        return Err(ctx.fail(AppError::Invalid("check at least one item to add".into())));
    }
    let items = form.items;
    let (_, changed) = ctx
        .act_form(&s, &form.csrf, move |p, a| cases::add(p, a, &case, &items))
        .await?;
    Ok(Redirect::to(&format!(
        "/cases/{}?added={}&unchanged={}",
        changed.case.id.0,
        changed.changed.len(),
        changed.unchanged.len()
    ))
    .into_response())
}

/// Removes the checked items from the case.
pub async fn remove(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: String,
) -> Result<Response, PageError> {
    let form = items_form(&body);
    let items = form.items;
    let (_, changed) = ctx
        .act_form(&s, &form.csrf, move |p, a| cases::remove(p, a, &id, &items))
        .await?;
    Ok(Redirect::to(&format!("/cases/{}", changed.case.id.0)).into_response())
}

/// What can be exported of a case from the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportKind {
    Bag(Profile),
    Html,
    GeoJson,
}

impl ExportKind {
    fn parse(s: &str) -> Option<ExportKind> {
        match s {
            "bag-public" => Some(ExportKind::Bag(Profile::Public)),
            "bag-court" => Some(ExportKind::Bag(Profile::Court)),
            "report-html" => Some(ExportKind::Html),
            "geojson" => Some(ExportKind::GeoJson),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            ExportKind::Bag(Profile::Public) => "bag-public",
            ExportKind::Bag(Profile::Court) => "bag-court",
            ExportKind::Html => "report-html",
            ExportKind::GeoJson => "geojson",
        }
    }

    /// May `actor` have this export (to start it, and to download it later)?
    fn allowed(self, actor: &casefile_app::Actor) -> Result<(), AppError> {
        match self {
            ExportKind::Bag(profile) => export::require(actor, profile),
            ExportKind::Html | ExportKind::GeoJson => actor.require(Permission::ReadFindings),
        }
    }
}

/// Where the pages' exports are written: `exports/` in the project directory.
fn exports_dir(s: &AppState) -> PathBuf {
    s.config.project.join("exports")
}

/// The export form.
#[derive(Deserialize)]
pub struct ExportForm {
    csrf: String,
    kind: String,
}

/// Starts an export of the case as a job and opens the job's page.
pub async fn start_export(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(f): axum::Form<ExportForm>,
) -> Result<Response, PageError> {
    let kind = ExportKind::parse(&f.kind).ok_or_else(|| {
        ctx.fail(AppError::Invalid(
            "the export is bag-public, bag-court, report-html or geojson".into(),
        ))
    })?;
    // Checks the session, the form's token, the role and that the case
    // exists before a job starts.
    let (me, case) = ctx
        .act_form(&s, &f.csrf, move |p, a| {
            kind.allowed(a)?;
            cases::find(p.store(), &id)
        })
        .await?;
    let dir = exports_dir(&s);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let suffix = &casefile_app::accounts::random_id()[..6];
    let stem = format!("case-{}-{}-{stamp}-{suffix}", case.id.0, kind.as_str());
    let (pool, actor) = (s.pool.clone(), me.actor.clone());
    let case_id = case.id.0.to_string();
    let started = s.jobs.start(&me.actor, "export", move |_| {
        std::fs::create_dir_all(&dir).map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the server cannot write its exports folder",
            )
        })?;
        pool.run_blocking(Access::Write, move |p| {
            let (file, summary) = match kind {
                ExportKind::Bag(profile) => {
                    let bag = dir.join(&stem);
                    let report = export::bagit(p, &actor, &case_id, &bag, profile)?;
                    let file = format!("{stem}.tar");
                    archive(&bag, &dir.join(&file), &stem)?;
                    (file, json!(report))
                }
                ExportKind::Html => {
                    let file = format!("{stem}.html");
                    let written = report::write_html(p, &actor, Some(&case_id), &dir.join(&file))?;
                    (file, json!(written))
                }
                ExportKind::GeoJson => {
                    let file = format!("{stem}.geojson");
                    let (written, _) =
                        report::geojson(p, &actor, Some(&case_id), Some(&dir.join(&file)))?;
                    (file, json!(written))
                }
            };
            Ok(json!({
                "case": case.id.0,
                "case_name": case.name,
                "export": kind.as_str(),
                "file": file,
                "summary": summary,
            }))
        })
    });
    Ok(Redirect::to(&format!("/jobs/{}", started.job)).into_response())
}

/// A tar of the folder `dir` at `out`, its entries under `name/`.
fn archive(dir: &std::path::Path, out: &std::path::Path, name: &str) -> Result<(), ApiError> {
    let failed = |_| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the package was written but could not be archived for download",
        )
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(failed)?;
    let mut tar = tar::Builder::new(std::io::BufWriter::new(file));
    tar.follow_symlinks(false);
    tar.append_dir_all(name, dir).map_err(failed)?;
    let mut writer = tar.into_inner().map_err(failed)?;
    std::io::Write::flush(&mut writer).map_err(failed)?;
    writer
        .into_inner()
        .map_err(|e| failed(e.into_error()))?
        .sync_all()
        .map_err(failed)
}

/// The job `id` as the signed-in user may see it.
async fn job_view(s: &AppState, ctx: &Ctx, id: String) -> Result<(Me, JobView), PageError> {
    let jobs = s.jobs.clone();
    ctx.act(s, Access::Read, move |_, a| {
        jobs.view(a, &id).map_err(|e| AppError::NotFound(e.message))
    })
    .await
}

/// A job's progress; once done, what it wrote and the download.
pub async fn job(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (me, view) = job_view(&s, &ctx, id).await?;
    let running = view.state == JobState::Running;
    let title = me.t(&format!("job-{}", view.kind));
    ctx.page(
        &me,
        "job.html",
        &title,
        &json!({ "job": view, "running": running }),
    )
}

/// The file an export job wrote, as a download.
pub async fn download(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (me, view) = job_view(&s, &ctx, id).await?;
    let result = view
        .result
        .as_ref()
        .filter(|_| view.state == JobState::Done);
    let export = result
        .and_then(|r| r["export"].as_str())
        .and_then(ExportKind::parse);
    let file = result.and_then(|r| r["file"].as_str());
    let (Some(kind), Some(file)) = (export, file) else {
        return Err(ctx.fail(AppError::NotFound("this job wrote no file".into())));
    };
    // The role may have changed since the job started.
    kind.allowed(&me.actor).map_err(|e| ctx.fail(e))?;
    if file.contains(['/', '\\']) || file.starts_with('.') {
        return Err(ctx.fail(ApiError::internal()));
    }
    let path = exports_dir(&s).join(file);
    let opened = tokio::fs::File::open(&path).await.map_err(|_| {
        ctx.fail(AppError::NotFound(
            "the exported file is no longer on the server".into(),
        ))
    })?;
    let length = opened.metadata().await.map(|m| m.len()).ok();
    let content_type = match kind {
        ExportKind::Bag(_) => "application/x-tar",
        ExportKind::Html => "text/html; charset=utf-8",
        ExportKind::GeoJson => "application/geo+json",
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(opened));
    let mut response = (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            // Always a download: a report is never shown in this origin.
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response();
    if let Some(n) = length {
        response
            .headers_mut()
            .insert(header::CONTENT_LENGTH, n.into());
    }
    Ok(response)
}
