//! casefile's web pages: server-rendered HTML served beside the team
//! server's API by `casefile serve`.
//!
//! Pages hold no domain logic. Each handler authenticates the browser's
//! session with the server's own [`casefile_server::auth`], calls the same
//! `casefile_app` operations as the JSON API as that actor on the server's
//! [`casefile_server::pool`], and renders the result with a template
//! ([`render`]); what a role may see and do is decided there. Forms carry
//! the session's CSRF token in a hidden field, checked like the API's
//! header. Every page reads without JavaScript; the one script
//! (`static/app.js`, keyboard shortcuts of the review queue) is served from
//! this origin under the server's Content-Security-Policy, which allows no
//! inline script or style.
//!
//! Where to start: [`router`], then [`pages`]. Strings are in
//! `messages/en.toml` and `messages/uk.toml` ([`i18n`]).

pub mod i18n;
pub mod pages;
pub mod render;

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use casefile_server::{AppState, ServerConfig, ServerError};
use std::net::SocketAddr;

const CSS: &str = include_str!("../static/app.css");
const JS: &str = include_str!("../static/app.js");

async fn css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS)
}

/// No icon: an empty answer, so that a browser's request for one is not a
/// 404 in the server's log and the browser's console.
async fn favicon() -> impl IntoResponse {
    (
        StatusCode::NO_CONTENT,
        [(header::CACHE_CONTROL, "max-age=86400")],
    )
}

async fn js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        JS,
    )
}

/// The pages and their assets over `state` (without the API).
pub fn page_routes(state: AppState) -> Router {
    use pages::{account, browse, cases, findings, review};
    Router::new()
        .route("/", get(browse::overview))
        .route("/login", get(account::login_form).post(account::login))
        .route("/logout", post(account::logout))
        .route("/lang/{code}", get(account::language))
        .route("/account", get(account::account))
        .route("/account/language", post(account::set_language))
        .route("/search", get(browse::search))
        .route("/sources/{id}", get(browse::source))
        .route("/statements/{id}/status", post(findings::set_status))
        .route("/entities", get(findings::entities))
        .route("/entities/{id}", get(findings::entity))
        .route("/merge", post(findings::merge))
        .route("/split", post(findings::split))
        .route("/claims", get(findings::claims))
        .route("/review", get(review::queue))
        .route("/review/decide", post(review::decide))
        .route("/cases", get(cases::list).post(cases::create))
        .route("/cases/add", post(cases::add))
        .route("/cases/{id}", get(cases::show))
        .route("/cases/{id}/remove", post(cases::remove))
        .route("/cases/{id}/export", post(cases::start_export))
        .route("/jobs/{id}", get(cases::job))
        .route("/jobs/{id}/download", get(cases::download))
        .route("/audit", get(browse::audit))
        .route("/verify", post(browse::verify))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        .route("/favicon.ico", get(favicon))
        .with_state(state)
}

/// The API and the pages over `state`, with the server's security headers
/// on every response.
pub fn router(state: AppState) -> Router {
    casefile_server::protect_all(
        page_routes(state.clone()).merge(casefile_server::api_routes(state)),
    )
}

/// Serves the API and the pages until Ctrl-C or SIGTERM (see
/// [`casefile_server::serve`]).
pub fn serve(config: ServerConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    casefile_server::serve_with(config, ready, router)
}
