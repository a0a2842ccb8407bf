//! Entities, an entity's page (merge, split, co-occurring entities), the
//! review status of a statement, and the child-count claims.

use super::{back_to, Ctx, PageError};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use casefile_app::browse;
use casefile_app::entities::{self, parse_kind};
use casefile_app::{claims, statements, AppError, StatementId, Status};
use casefile_server::pool::Access;
use casefile_server::AppState;
use serde::Deserialize;
use serde_json::json;

/// A change of a statement's review status.
#[derive(Deserialize)]
pub struct StatusForm {
    csrf: String,
    status: String,
    reason: String,
    back: Option<String>,
}

/// Confirms, disputes or rejects a statement, with a reason.
pub async fn set_status(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<StatusForm>,
) -> Result<Response, PageError> {
    let status = f
        .status
        .parse::<Status>()
        .map_err(|e| ctx.fail(AppError::Invalid(e.to_string())))?;
    let reason = f.reason;
    ctx.act_form(&s, &f.csrf, move |p, a| {
        statements::set_status(p, a, StatementId(id), status, &reason)
    })
    .await?;
    Ok(back_to(f.back.as_deref()))
}

/// Entity listing parameters.
#[derive(Deserialize)]
pub struct EntitiesParams {
    kind: Option<String>,
    page: Option<usize>,
}

/// Entities on one page of the list.
const ENTITIES_PER_PAGE: usize = 100;

/// Persons, organizations and places, the most mentioned first.
pub async fn entities(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<EntitiesParams>,
) -> Result<Response, PageError> {
    let kind = q.kind.clone().filter(|k| !k.is_empty());
    let (me, list) = ctx
        .act(&s, Access::Read, move |p, a| {
            let kind = kind.as_deref().map(parse_kind).transpose()?;
            entities::entities(p, a, kind)
        })
        .await?;
    let page = q.page.unwrap_or(1).max(1);
    let url = |page: usize| match &q.kind {
        Some(k) if !k.is_empty() => format!("/entities?kind={}&page={page}", super::encode(k)),
        _ => format!("/entities?page={page}"),
    };
    let start = (page - 1).saturating_mul(ENTITIES_PER_PAGE);
    let shown: Vec<_> = list.iter().skip(start).take(ENTITIES_PER_PAGE).collect();
    let data = json!({
        "entities": shown,
        "kind": q.kind,
        "total": list.len(),
        "page": page,
        "prev": (page > 1).then(|| url(page - 1)),
        "next": (start + ENTITIES_PER_PAGE < list.len()).then(|| url(page + 1)),
    });
    ctx.page(&me, "entities.html", &me.t("entities"), &data)
}

/// Statements on one page of an entity.
const STATEMENTS_PER_PAGE: usize = 50;

/// The page of a paged table (an entity's statements, the claims), kept
/// in the URL.
#[derive(Deserialize)]
pub struct PageParams {
    page: Option<usize>,
}

/// One entity: names across scripts, its statements with sources and
/// quotes a page at a time, merge and split, the entities seen with it.
pub async fn entity(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<PageParams>,
) -> Result<Response, PageError> {
    let page = q.page.unwrap_or(1).max(1);
    let offset = (page - 1).saturating_mul(STATEMENTS_PER_PAGE);
    let (me, (found, (with, cases))) = ctx
        .act(&s, Access::Read, move |p, a| {
            let found = entities::entity_page(p, a, &id, offset, STATEMENTS_PER_PAGE)?;
            let with = browse::co_occurring(p, a, &found.entity, 20)?;
            let cases = super::cases::cases_for_forms(p, a)?;
            Ok((found, (with, cases)))
        })
        .await?;
    let e = &found.entity;
    let title = e.name.clone();
    let search_url = format!(
        "/search?q={}&entity={}",
        super::encode(&e.name),
        super::encode(&e.id)
    );
    let url = |page: usize| format!("/entities/{}?page={page}", super::encode(&e.id));
    let last = found.statements_total.div_ceil(STATEMENTS_PER_PAGE).max(1);
    // The members quoted on this page, for the split form: an entity read
    // in a thousand sources has a thousand members.
    let mut members: Vec<&str> = Vec::new();
    for st in &found.statements {
        if !members.contains(&st.entity.0.as_str()) {
            members.push(&st.entity.0);
        }
    }
    let entity = json!({
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "variants": e.variants,
        "roles": e.roles,
        "mentions": e.mentions,
        "source_count": e.sources.len(),
        "member_count": e.members.len(),
    });
    ctx.page(
        &me,
        "entity.html",
        &title,
        &json!({
            "e": entity,
            "statements": found.statements,
            "total": found.statements_total,
            "first": offset + 1,
            "page": page,
            "pages": last,
            "prev": (page > 1).then(|| url(page - 1)),
            "next": (offset + found.statements.len() < found.statements_total).then(|| url(page + 1)),
            "members": members,
            "with": with,
            "search_url": search_url,
            "cases": cases,
        }),
    )
}

/// Records that two entities are the same (the form names them as `a` and
/// `b`, or as two checked `pick` boxes of the list); shows the merged entity.
pub async fn merge(
    State(s): State<AppState>,
    ctx: Ctx,
    body: String,
) -> Result<Response, PageError> {
    let (mut csrf, mut reason, mut ids) = (String::new(), String::new(), Vec::new());
    let (mut a, mut b) = (None, None);
    for (k, v) in form_urlencoded::parse(body.as_bytes()) {
        let v = v.trim().to_string();
        match k.as_ref() {
            "csrf" => csrf = v,
            "reason" => reason = v,
            "a" => a = Some(v),
            "b" => b = Some(v),
            "pick" => ids.push(v),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (a, b) {
        ids = vec![a, b];
    }
    let [a, b] = <[String; 2]>::try_from(ids).map_err(|_| {
        ctx.fail(AppError::Invalid(
            "choose exactly two entities to merge".to_string(),
        ))
    })?;
    let back = format!("/entities/{}", super::encode(&a));
    ctx.act_form(&s, &csrf, move |p, actor| {
        entities::merge(p, actor, &a, &b, &reason)
    })
    .await?;
    Ok(back_to(Some(&back)))
}

/// Records that some members of an entity are someone else.
pub async fn split(
    State(s): State<AppState>,
    ctx: Ctx,
    body: String,
) -> Result<Response, PageError> {
    let mut members = Vec::new();
    let (mut csrf, mut id, mut reason) = (String::new(), String::new(), String::new());
    for (k, v) in form_urlencoded::parse(body.as_bytes()) {
        match k.as_ref() {
            "members" => members.push(v.into_owned()),
            "csrf" => csrf = v.into_owned(),
            "id" => id = v.into_owned(),
            "reason" => reason = v.into_owned(),
            _ => {}
        }
    }
    // The form repeats `members`, once per checked box.
    let back = format!("/entities/{}", super::encode(&id));
    ctx.act_form(&s, &csrf, move |p, a| {
        entities::split(p, a, &id, &members, &reason)
    })
    .await?;
    Ok(back_to(Some(&back)))
}

/// Rows on one page of the claims table.
const CLAIMS_PER_PAGE: usize = 50;

/// Counts of children grouped across sources, each row opening its
/// quotes, a page at a time.
pub async fn claims(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageParams>,
) -> Result<Response, PageError> {
    let page = q.page.unwrap_or(1).max(1);
    let offset = (page - 1).saturating_mul(CLAIMS_PER_PAGE);
    let (me, found) = ctx
        .act(&s, Access::Read, move |p, a| {
            claims::claims_page(p, a, "child-count", offset, CLAIMS_PER_PAGE)
        })
        .await?;
    let rows: Vec<_> = found
        .rows
        .iter()
        .map(|r| {
            let mut origins: Vec<&String> = Vec::new();
            for o in r.sources.iter().flat_map(|s| &s.origin) {
                if !origins.contains(&o) {
                    origins.push(o);
                }
            }
            let mut row = json!(r);
            row["origins"] = json!(origins);
            row
        })
        .collect();
    let url = |page: usize| format!("/claims?page={page}");
    ctx.page(
        &me,
        "claims.html",
        &me.t("claims"),
        &json!({
            "rows": rows,
            "total": found.total,
            "first": offset + 1,
            "page": page,
            "pages": found.total.div_ceil(CLAIMS_PER_PAGE).max(1),
            "prev": (page > 1).then(|| url(page - 1)),
            "next": (offset + found.rows.len() < found.total).then(|| url(page + 1)),
        }),
    )
}
