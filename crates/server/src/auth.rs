//! Who is asking: a bearer token (scripts) or a session cookie (browsers).
//!
//! Credentials are only read from the request here ([`Credentials`]); they
//! are checked against the project's accounts on the same blocking thread
//! that then runs the operation ([`authenticate`]), so a request costs one
//! trip to the database's thread, not two.
//!
//! A cookie is sent by the browser whatever page asks, so a request that
//! changes something and is authenticated by cookie must also carry the
//! session's CSRF token in the `X-CSRF-Token` header (double submit: the
//! token is given at login, and in a cookie a page of this origin can read).
//! Bearer tokens are never sent by a browser on its own and need no such check.

use crate::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum_extra::extract::CookieJar;
use casefile_app::{accounts, Actor, Project};
use std::convert::Infallible;

/// Name of the session cookie (HttpOnly).
pub const SESSION_COOKIE: &str = "casefile_session";
/// Name of the cookie holding the CSRF token (readable by the page).
pub const CSRF_COOKIE: &str = "casefile_csrf";
/// Header that must echo the CSRF token on unsafe requests with a cookie.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// What a request presents to prove who sends it.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    pub bearer: Option<String>,
    pub session: Option<String>,
    pub csrf: Option<String>,
    /// True for methods that may change something (all but GET, HEAD, OPTIONS).
    pub unsafe_method: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Credentials {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string());
        let jar = CookieJar::from_headers(&parts.headers);
        let session = jar.get(SESSION_COOKIE).map(|c| c.value().to_string());
        let csrf = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
        Ok(Credentials {
            bearer,
            session,
            csrf,
            unsafe_method,
        })
    }
}

/// The actor behind `credentials`: the bearer token when one is given, else
/// the session cookie (with its CSRF token on unsafe methods).
pub fn authenticate(project: &Project, credentials: &Credentials) -> Result<Actor, ApiError> {
    if let Some(token) = &credentials.bearer {
        return accounts::authenticate_token(project, token).map_err(|_| ApiError::unauthorized());
    }
    let Some(session) = &credentials.session else {
        return Err(ApiError::unauthorized());
    };
    let session =
        accounts::authenticate_session(project, session).map_err(|_| ApiError::unauthorized())?;
    if credentials.unsafe_method
        && !credentials
            .csrf
            .as_deref()
            .is_some_and(|t| session.csrf_matches(t))
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "a request with a session cookie that changes something needs the X-CSRF-Token header given at login",
        ));
    }
    Ok(session.actor)
}
