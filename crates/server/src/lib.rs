//! casefile's team server: the HTTP API over the application layer.
//!
//! The server holds no domain logic. Each handler reads its input,
//! authenticates the caller ([`auth`]), calls one operation of
//! `casefile_app` as that actor on a blocking thread with a project of the
//! [`pool`], and returns the operation's result as JSON; what a role may do
//! and see is decided there, once, for every front end. Failures become
//! status codes in [`error`]. Long operations run as [`jobs`].
//!
//! Protection: security headers on every response and login limits
//! ([`protect`]), CSRF checks for cookie sessions ([`auth`]), a body size
//! limit, and originals served only as downloads.
//!
//! The OpenAPI 3 document is generated from the handlers ([`ApiDoc`]) and
//! served at `/openapi.json`.

pub mod auth;
pub mod error;
pub mod jobs;
pub mod pool;
pub mod protect;
pub mod routes;

use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use casefile_app::{Actor, AppError, Backends, Project};
use pool::{Access, ProjectPool};
use serde::Serialize;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use thiserror::Error;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

pub use error::ApiError;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The project directory: everything of an embedded project; with
    /// [`ServerConfig::backends`] elsewhere, the settings and this server's
    /// search index.
    pub project: PathBuf,
    /// Where the database and originals are when not in the directory.
    pub backends: Backends,
    pub bind: SocketAddr,
    /// Mark cookies Secure (off only for plain HTTP on loopback).
    pub secure_cookies: bool,
    /// Largest request body accepted (bytes).
    pub max_body: usize,
}

impl ServerConfig {
    /// Defaults for `project` on `bind`: Secure cookies unless the address is
    /// loopback (where browsers talk plain HTTP), bodies up to the project's
    /// file limit plus room for the form.
    pub fn new(project: PathBuf, bind: SocketAddr) -> ServerConfig {
        ServerConfig {
            project,
            backends: Backends::default(),
            secure_cookies: !bind.ip().is_loopback(),
            bind,
            max_body: 64 * 1024 * 1024,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub pool: Arc<ProjectPool>,
    pub jobs: Arc<jobs::Jobs>,
    pub limiter: Arc<protect::LoginLimiter>,
    pub config: Arc<ServerConfig>,
}

/// A JSON body already serialized (on the blocking thread that made it).
pub struct JsonBytes(Vec<u8>);

impl JsonBytes {
    pub fn of<T: Serialize>(value: &T) -> Result<JsonBytes, ApiError> {
        serde_json::to_vec(value)
            .map(JsonBytes)
            .map_err(|_| ApiError::internal())
    }
}

impl IntoResponse for JsonBytes {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

impl AppState {
    /// Runs `f` as the authenticated actor and serializes its result.
    pub async fn json<T, F>(
        &self,
        credentials: auth::Credentials,
        access: Access,
        f: F,
    ) -> Result<JsonBytes, ApiError>
    where
        T: Serialize + 'static,
        F: FnOnce(&mut Project, &Actor) -> Result<T, AppError> + Send + 'static,
    {
        self.pool
            .act(credentials, access, move |p, a| {
                let value = f(p, a)?;
                // Serialization failing is the server's fault, never the data's.
                JsonBytes::of(&value).map_err(|_| {
                    AppError::Invalid("the result could not be serialized".to_string())
                })
            })
            .await
    }
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(auth::SESSION_COOKIE))),
        );
    }
}

/// The OpenAPI 3 document, generated from the handlers and their types.
#[derive(OpenApi)]
#[openapi(
    info(title = "casefile", description = "Evidence and case database for documenting the forced transfer of children: the team server's API. Children's protected fields are shown only to roles that may see them, and marked `{\"redacted\": true}` for others."),
    modifiers(&Security),
    security(("bearer" = []), ("session" = [])),
    paths(
        routes::account::login, routes::account::logout, routes::account::whoami,
        routes::sources::list, routes::sources::show, routes::sources::original, routes::sources::upload,
        routes::sources::search, routes::sources::audit, routes::sources::verify,
        routes::findings::list, routes::findings::one, routes::findings::statement, routes::findings::set_status,
        routes::findings::merge, routes::findings::split, routes::findings::claims,
        routes::registries::list, routes::registries::import, routes::registries::link, routes::registries::dedupe,
        routes::registries::review, routes::registries::decide, routes::registries::append,
        routes::registries::cluster_history,
        routes::jobs::get,
    ),
)]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The server's routes over `state`.
pub fn router(state: AppState) -> Router {
    protect_all(api_routes(state))
}

/// Security headers on every response of `app` (its fallback included).
pub fn protect_all(mut app: Router) -> Router {
    for layer in protect::security_headers() {
        app = app.layer(layer);
    }
    app
}

/// The API's routes over `state`, without the security headers (for a
/// front end that serves more routes beside them: see [`protect_all`]).
pub fn api_routes(state: AppState) -> Router {
    use routes::{account, findings, jobs, registries, sources};
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/api/login", post(account::login))
        .route("/api/logout", post(account::logout))
        .route("/api/whoami", get(account::whoami))
        .route("/api/sources", get(sources::list).post(sources::upload))
        .route("/api/sources/{id}", get(sources::show))
        .route("/api/sources/{id}/original", get(sources::original))
        .route("/api/search", get(sources::search))
        .route("/api/audit", get(sources::audit))
        .route("/api/verify", get(sources::verify))
        .route("/api/entities", get(findings::list))
        .route("/api/entities/{id}", get(findings::one))
        .route("/api/statements/{id}", get(findings::statement))
        .route("/api/statements/{id}/status", post(findings::set_status))
        .route("/api/merge", post(findings::merge))
        .route("/api/split", post(findings::split))
        .route("/api/claims", get(findings::claims))
        .route(
            "/api/registries",
            get(registries::list).post(registries::import),
        )
        .route("/api/registries/{name}/append", post(registries::append))
        .route(
            "/api/clusters/{id}/history",
            get(registries::cluster_history),
        )
        .route("/api/link", post(registries::link))
        .route("/api/dedupe", post(registries::dedupe))
        .route("/api/review", get(registries::review))
        .route("/api/review/decisions", post(registries::decide))
        .route("/api/jobs/{id}", get(jobs::get))
        .layer(DefaultBodyLimit::max(state.config.max_body))
        .with_state(state)
}

/// Why the server could not start or stopped.
#[derive(Debug, Error)]
pub enum ServerError {
    #[error(transparent)]
    Project(#[from] AppError),
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        bind: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Opens the project and the shared state for `config`.
pub fn state(config: ServerConfig) -> Result<AppState, ServerError> {
    Ok(AppState {
        pool: Arc::new(ProjectPool::open(
            config.project.clone(),
            config.backends.clone(),
        )?),
        jobs: Arc::default(),
        limiter: Arc::default(),
        config: Arc::new(config),
    })
}

/// Serves `config` until Ctrl-C or SIGTERM; `ready` is called with the
/// bound address (useful with port 0) once the server accepts connections.
pub fn serve(config: ServerConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    serve_with(config, ready, router)
}

/// [`serve`] with the routes `app` makes of the shared state (the API and
/// the web pages, for instance).
pub fn serve_with(
    config: ServerConfig,
    ready: impl FnOnce(SocketAddr),
    app: impl FnOnce(AppState) -> Router,
) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let bind = config.bind;
        let state = state(config)?;
        state.pool.warm();
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|source| ServerError::Bind { bind, source })?;
        ready(listener.local_addr()?);
        let app = app(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(())
    })
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
