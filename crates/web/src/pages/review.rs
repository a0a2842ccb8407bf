//! The link review queue: two records side by side, the field-by-field
//! comparison and the match probability, accept or reject with a reason.
//! Names and birth dates appear only for roles that may see children's
//! protected fields (the operation redacts them for the others); keyboard
//! shortcuts come from `static/app.js`.

use super::{back_to, Ctx, PageError};
use axum::extract::{Query, State};
use axum::response::Response;
use axum::Form;
use casefile_app::registries::{self, LinkOptions, RecordField, Verdict};
use casefile_app::{AppError, Protected};
use casefile_server::pool::Access;
use casefile_server::AppState;
use serde::Deserialize;
use serde_json::json;

/// Pairs shown at once.
const QUEUE_PAGE: usize = 20;

/// Which registries to review.
#[derive(Deserialize)]
pub struct QueueParams {
    left: Option<String>,
    right: Option<String>,
}

fn shown(p: &Protected<String>) -> Option<&String> {
    p.shown()
}

/// The two records' fields as rows: the property, and each side's value
/// (`None`: redacted for this role; absent: the record has no such field).
fn side_by_side(left: &[RecordField], right: &[RecordField]) -> Vec<serde_json::Value> {
    let mut order: Vec<&str> = Vec::new();
    for f in left.iter().chain(right) {
        if !order.contains(&f.property.as_str()) {
            order.push(&f.property);
        }
    }
    // As a person reads a record; extra columns last, as they came.
    order.sort_by_key(|p| {
        registries::RECORD_PROPERTIES
            .iter()
            .position(|q| q == p)
            .unwrap_or(usize::MAX)
    });
    let value = |side: &[RecordField], property: &str| {
        side.iter()
            .find(|f| f.property == property)
            .map(|f| json!({"shown": f.value.shown(), "redacted": f.value.shown().is_none()}))
    };
    order
        .into_iter()
        .map(|property| {
            let (l, r) = (value(left, property), value(right, property));
            let same = matches!((&l, &r), (Some(a), Some(b)) if a["shown"].is_string() && a == b);
            json!({"property": property, "left": l, "right": r, "same": same})
        })
        .collect()
}

/// The queue between two registries (or inside one: duplicates).
pub async fn queue(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<QueueParams>,
) -> Result<Response, PageError> {
    let (left, right) = (
        q.left.filter(|v| !v.is_empty()),
        q.right.filter(|v| !v.is_empty()),
    );
    let (me, (list, chosen, queue)) = ctx
        .act(&s, Access::Write, move |p, a| {
            let list = registries::list(p, a)?;
            // Without a choice: the first registry against the second.
            let left = left.or_else(|| list.first().map(|r| r.name.clone()));
            let right = right.or_else(|| list.get(1).map(|r| r.name.clone()));
            let Some(l) = left.clone() else {
                return Ok((list, (None, None), None));
            };
            let queue = registries::review_queue(
                p,
                a,
                &l,
                right.as_deref(),
                &LinkOptions::default(),
                QUEUE_PAGE,
            )?;
            Ok((list, (left, right), Some(queue)))
        })
        .await?;
    let items: Vec<_> = queue
        .as_ref()
        .map(|queue| {
            queue
                .items
                .iter()
                .map(|item| {
                    json!({
                        "left_id": item.pair.left,
                        "right_id": item.pair.right,
                        "left": shown(&item.left),
                        "right": shown(&item.right),
                        "records": side_by_side(&item.left_fields, &item.right_fields),
                        "probability": item.pair.probability,
                        "weight": item.pair.match_weight,
                        "fields": item.pair.fields,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let data = json!({
        "registries": list.iter().map(|r| json!({"name": r.name, "records": r.records})).collect::<Vec<_>>(),
        "left": chosen.0,
        "right": chosen.1,
        "total": queue.as_ref().map(|q| q.total),
        "items": items,
    });
    ctx.page(&me, "review.html", &me.t("review"), &data)
}

/// A decision on one pair.
#[derive(Deserialize)]
pub struct DecisionForm {
    csrf: String,
    left: String,
    right: Option<String>,
    left_id: String,
    right_id: String,
    verdict: String,
    reason: Option<String>,
}

/// Records that two records are the same child, or different children.
pub async fn decide(
    State(s): State<AppState>,
    ctx: Ctx,
    Form(f): Form<DecisionForm>,
) -> Result<Response, PageError> {
    let verdict = match f.verdict.as_str() {
        "accept" => Verdict::Accept,
        "reject" => Verdict::Reject,
        _ => {
            return Err(ctx.fail(AppError::Invalid(
                "the verdict is accept or reject".to_string(),
            )))
        }
    };
    let right = f.right.filter(|r| !r.is_empty());
    let back = {
        let mut url = form_urlencoded::Serializer::new(String::new());
        url.append_pair("left", &f.left);
        if let Some(r) = &right {
            url.append_pair("right", r);
        }
        format!("/review?{}", url.finish())
    };
    let reason = f.reason.filter(|r| !r.trim().is_empty());
    let (left, left_id, right_id) = (f.left, f.left_id, f.right_id);
    ctx.act_form(&s, &f.csrf, move |p, a| {
        registries::decide(
            p,
            a,
            &left,
            right.as_deref(),
            &left_id,
            &right_id,
            verdict,
            reason.as_deref(),
        )
    })
    .await?;
    Ok(back_to(Some(&back)))
}
