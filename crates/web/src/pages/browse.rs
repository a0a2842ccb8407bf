//! The overview, search, a source with its highlighted statements, the
//! audit log and `verify`.

use super::{Ctx, PageError};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use casefile_app::browse::{self, SearchFilters, SpanStatement};
use casefile_app::{sources, AuditQuery, Permission, SourceKind, VerifyReport};
use casefile_server::pool::Access;
use casefile_server::AppState;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::Mutex;

/// Results on one page of search.
pub const PER_PAGE: usize = 10;

/// The last `verify` run from the pages: when, and what it found.
static LAST_VERIFY: Mutex<Option<(String, VerifyReport)>> = Mutex::new(None);

fn last_verify() -> Option<(String, VerifyReport)> {
    LAST_VERIFY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone()
}

/// The project overview (tracers, who see only the registries, go to the review queue).
pub async fn overview(State(s): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let (me, overview) = ctx
        .act(&s, Access::Read, |p, a| {
            if !a.role.allows(Permission::ReadSources) {
                return Ok(None);
            }
            Ok(Some(browse::overview(p, a)?))
        })
        .await?;
    let Some(overview) = overview else {
        return Ok(Redirect::to("/review").into_response());
    };
    let verify = last_verify().map(|(at, r)| json!({"at": at, "ok": r.ok(), "report": r}));
    ctx.page(
        &me,
        "overview.html",
        &me.t("overview"),
        &json!({"o": overview, "verify": verify}),
    )
}

/// Search parameters, all kept in the URL.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    lang: Option<String>,
    kind: Option<String>,
    publisher: Option<String>,
    from: Option<String>,
    to: Option<String>,
    entity: Option<String>,
    page: Option<usize>,
}

fn given(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A snippet cut into plain and highlighted pieces (escaped by the template).
fn pieces(text: &str, highlights: &[(usize, usize)]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in highlights {
        if s < at || e > text.len() || s > e {
            continue;
        }
        if let (Some(before), Some(hit)) = (text.get(at..s), text.get(s..e)) {
            out.push((before.to_string(), false));
            out.push((hit.to_string(), true));
            at = e;
        }
    }
    out.push((text.get(at..).unwrap_or("").to_string(), false));
    out
}

/// Search with filters and pages; the query is kept in the URL.
pub async fn search(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SearchParams>,
) -> Result<Response, PageError> {
    let page = q.page.unwrap_or(1).max(1);
    let kind = match given(&q.kind) {
        Some(k) => Some(
            k.parse::<SourceKind>()
                .map_err(|e| ctx.fail(casefile_app::AppError::Invalid(e.to_string())))?,
        ),
        None => None,
    };
    let filters = SearchFilters {
        text: q.q.trim().to_string(),
        language: given(&q.lang),
        kind,
        publisher: given(&q.publisher),
        from: given(&q.from),
        to: given(&q.to),
        entity: given(&q.entity),
        offset: (page - 1) * PER_PAGE,
        limit: PER_PAGE,
    };
    let (me, (found, cases)) = ctx
        .act(&s, Access::Read, move |p, a| {
            a.require(Permission::ReadSources)?;
            if filters.text.is_empty() {
                return Ok((None, Vec::new()));
            }
            let found = browse::search(p, a, &filters)?;
            Ok((Some(found), super::cases::cases_for_forms(p, a)?))
        })
        .await?;
    let hits: Vec<_> = found
        .as_ref()
        .map(|f| {
            f.hits
                .iter()
                .map(|h| {
                    json!({
                        "id": h.hit.source_id.0,
                        "title": h.hit.title,
                        "language": h.hit.language,
                        "kind": h.kind.as_str(),
                        "publisher": h.publisher,
                        "published": h.published,
                        "pieces": pieces(&h.hit.snippet.text, &h.hit.snippet.highlights),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let url_for = |page: usize| {
        let mut url = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("q", Some(q.q.clone())),
            ("lang", given(&q.lang)),
            ("kind", given(&q.kind)),
            ("publisher", given(&q.publisher)),
            ("from", given(&q.from)),
            ("to", given(&q.to)),
            ("entity", given(&q.entity)),
        ] {
            if let Some(v) = v {
                url.append_pair(k, &v);
            }
        }
        url.append_pair("page", &page.to_string());
        format!("/search?{}", url.finish())
    };
    let more = found.as_ref().is_some_and(|f| f.more);
    let data = json!({
        "q": q,
        "searched": found.is_some(),
        "hits": hits,
        "page": page,
        "first": (page - 1) * PER_PAGE + 1,
        "prev": (page > 1).then(|| url_for(page - 1)),
        "next": more.then(|| url_for(page + 1)),
        "kinds": SourceKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "cases": cases,
    });
    ctx.page(&me, "search.html", &me.t("search"), &data)
}

/// A piece of a source's text: plain, or a span that links to its statements.
#[derive(Serialize)]
struct Piece<'a> {
    text: &'a str,
    /// The entity's kind (for the highlight's colour) and the first statement.
    kind: Option<&'static str>,
    statement: Option<i64>,
}

fn kind_class(s: &SpanStatement) -> &'static str {
    match s.kind.as_str() {
        "Person" => "person",
        "Organization" => "org",
        "Place" => "place",
        "Claim" => "claim",
        "Event" => "event",
        _ => "other",
    }
}

/// The text cut at the spans of `statements` (sorted by start); where spans
/// overlap, the first one is highlighted and the others are listed beside.
fn highlight<'a>(text: &'a str, statements: &[SpanStatement]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for s in statements {
        if s.start < at {
            continue;
        }
        let (Some(before), Some(span)) = (text.get(at..s.start), text.get(s.start..s.end)) else {
            continue;
        };
        if span.is_empty() {
            continue;
        }
        out.push(Piece {
            text: before,
            kind: None,
            statement: None,
        });
        out.push(Piece {
            text: span,
            kind: Some(kind_class(s)),
            statement: Some(s.id.0),
        });
        at = s.end;
    }
    out.push(Piece {
        text: text.get(at..).unwrap_or(""),
        kind: None,
        statement: None,
    });
    out
}

/// One source: metadata, custody, the text with its spans, and the statements.
pub async fn source(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (me, (view, cases)) = ctx
        .act(&s, Access::Read, move |p, a| {
            let view = browse::source(p, a, &id)?;
            Ok((view, super::cases::cases_for_forms(p, a)?))
        })
        .await?;
    let pieces = highlight(&view.source.text, &view.statements);
    let statements: Vec<_> = view
        .statements
        .iter()
        .map(|st| {
            // `None` for a child's protected value the actor may not see.
            let value: Option<&String> = st.value.shown();
            json!({
                "id": st.id.0,
                "entity": st.entity.0,
                "kind": kind_class(st),
                "property": st.property,
                "value": value,
                "quote": view.source.text.get(st.start..st.end).unwrap_or(""),
                "status": st.status.as_str(),
                "origin": st.origin.as_str(),
                "confidence": st.confidence,
            })
        })
        .collect();
    let title = view
        .source
        .meta
        .title
        .clone()
        .unwrap_or_else(|| view.source.id.0.chars().take(12).collect());
    let data = json!({
        "source": {
            "id": view.source.id.0,
            "kind": view.source.kind.as_str(),
            "media_type": view.source.media_type.as_str(),
            "encoding": view.source.encoding,
            "language": view.source.language,
            "meta": view.source.meta,
            "custody": view.source.custody,
        },
        "pieces": pieces,
        "statements": statements,
        "cases": cases,
    });
    ctx.page(&me, "source.html", &title, &data)
}

/// Audit log parameters: a page ends before `before`; `action` (a prefix
/// such as `export` or a whole action) and `actor` filter.
#[derive(Deserialize)]
pub struct AuditParams {
    before: Option<u64>,
    action: Option<String>,
    actor: Option<String>,
}

/// Entries on one page of the audit log.
const AUDIT_PAGE: usize = 100;

/// The audit log, newest first, a page at a time, filtered by action and actor.
pub async fn audit(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AuditParams>,
) -> Result<Response, PageError> {
    let query = AuditQuery {
        before: q.before,
        action: given(&q.action),
        actor: given(&q.actor),
        // One more than shown: whether an older page exists.
        limit: AUDIT_PAGE + 1,
    };
    let (me, mut entries) = ctx
        .act(&s, Access::Read, move |p, a| {
            sources::audit_page(p, a, &query)
        })
        .await?;
    let more = entries.len() > AUDIT_PAGE;
    entries.truncate(AUDIT_PAGE);
    let url = |before: Option<u64>| {
        let mut url = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("action", given(&q.action)), ("actor", given(&q.actor))] {
            if let Some(v) = v {
                url.append_pair(k, &v);
            }
        }
        if let Some(b) = before {
            url.append_pair("before", &b.to_string());
        }
        format!("/audit?{}", url.finish())
    };
    let older = more
        .then(|| entries.last().map(|e| url(Some(e.seq))))
        .flatten();
    let newest = q.before.is_some().then(|| url(None));
    let verify = last_verify().map(|(at, r)| json!({"at": at, "ok": r.ok(), "report": r}));
    ctx.page(
        &me,
        "audit.html",
        &me.t("audit"),
        &json!({
            "entries": entries,
            "older": older,
            "newest": newest,
            "action": given(&q.action),
            "actor": given(&q.actor),
            "verify": verify,
        }),
    )
}

/// Runs `verify` (re-hashes every original, walks the audit chain); the
/// result is shown on the overview and the audit page.
pub async fn verify(
    State(s): State<AppState>,
    ctx: Ctx,
    Form(f): Form<super::account::CsrfForm>,
) -> Result<Response, PageError> {
    let (_, report) = ctx
        .act_form(&s, &f.csrf, |p, a| sources::verify(p, a))
        .await?;
    *LAST_VERIFY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) =
        Some((casefile_app::now_rfc3339(), report));
    Ok(super::back_to(f.back.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn snippets_are_cut_on_their_highlights() {
        let p = pieces("a <b>x</b> c", &[(2, 10)]);
        assert_eq!(p[1], ("<b>x</b>".to_string(), true));
        assert_eq!(p.len(), 3);
        // A highlight out of range is skipped, not a panic.
        assert_eq!(pieces("abc", &[(2, 9)]).len(), 1);
    }
}
