//! Signing in and out, and who one is.
//!
//! Login sets two cookies: the session id (HttpOnly, so no script can read
//! it) and the CSRF token (readable by the page, which echoes it in
//! `X-CSRF-Token`); both SameSite=Strict, and Secure unless the server was
//! told it serves plain HTTP on loopback. Attempts are limited per user name
//! and per client address (see [`crate::protect::LoginLimiter`]).

use crate::auth::{Credentials, CSRF_COOKIE, SESSION_COOKIE};
use crate::error::{ApiError, ErrorBody};
use crate::pool::Access;
use crate::AppState;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::Json;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use casefile_app::{accounts, Permission, Role};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use utoipa::ToSchema;

/// A name and password.
#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    name: String,
    password: String,
}

/// Who is signed in, and what their role lets them do.
#[derive(Serialize, ToSchema)]
pub struct WhoAmI {
    pub name: String,
    #[schema(value_type = String)]
    pub role: Role,
    #[schema(value_type = Vec<String>)]
    pub permissions: Vec<Permission>,
    /// The CSRF token to echo in `X-CSRF-Token` (given at login only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csrf: Option<String>,
}

fn who(name: String, role: Role, csrf: Option<String>) -> WhoAmI {
    WhoAmI {
        name,
        role,
        permissions: Permission::ALL
            .into_iter()
            .filter(|p| role.allows(*p))
            .collect(),
        csrf,
    }
}

/// A cookie of this server's sessions: the whole site, same-site strict,
/// secure unless the server was started for plain-http testing. The web
/// pages set theirs with it too.
pub fn cookie(
    state: &AppState,
    name: &'static str,
    value: String,
    http_only: bool,
) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(http_only)
        .secure(state.config.secure_cookies)
        .same_site(SameSite::Strict)
        .build()
}

/// Signs in with a name and password: sets the session cookie and returns the CSRF token.
#[utoipa::path(post, path = "/api/login", tag = "account", request_body = LoginRequest, security(()),
    responses((status = 200, body = WhoAmI), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    Json(r): Json<LoginRequest>,
) -> Result<(CookieJar, Json<WhoAmI>), ApiError> {
    s.limiter.check(&r.name, peer.ip())?;
    let session = s
        .pool
        .run(Access::Write, move |p| {
            Ok(accounts::login(p, &r.name, &r.password)?)
        })
        .await?;
    let jar = jar
        .add(cookie(&s, SESSION_COOKIE, session.session, true))
        .add(cookie(&s, CSRF_COOKIE, session.csrf.clone(), false));
    let actor = session.actor;
    Ok((jar, Json(who(actor.name, actor.role, Some(session.csrf)))))
}

/// Signs out: ends the session and clears its cookies.
#[utoipa::path(post, path = "/api/logout", tag = "account",
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn logout(
    State(s): State<AppState>,
    c: Credentials,
    jar: CookieJar,
) -> Result<(StatusCode, CookieJar), ApiError> {
    let session = c.session.clone();
    s.pool
        .act(c, Access::Write, move |p, _| match session {
            Some(id) => accounts::logout(p, &id),
            None => Ok(()),
        })
        .await?;
    let jar = jar
        .remove(Cookie::build(SESSION_COOKIE).path("/"))
        .remove(Cookie::build(CSRF_COOKIE).path("/"));
    Ok((StatusCode::NO_CONTENT, jar))
}

/// Who is signed in (by session or token) and what their role allows.
#[utoipa::path(get, path = "/api/whoami", tag = "account",
    responses((status = 200, body = WhoAmI), (status = 401, body = ErrorBody)))]
pub async fn whoami(State(s): State<AppState>, c: Credentials) -> Result<Json<WhoAmI>, ApiError> {
    let actor = s.pool.actor(c).await?;
    Ok(Json(who(actor.name, actor.role, None)))
}
