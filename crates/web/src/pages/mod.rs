//! What every page shares: who is asking and in which language ([`Ctx`]),
//! running an operation as the signed-in actor, rendering a template with
//! the frame every page has (the menu for the actor's role, the language
//! switch, the CSRF token for forms), and failures as pages.
//!
//! A page never decides what a role may do: the operation refuses, and the
//! refusal is shown. The menu only hides links a role could not follow.

pub mod account;
pub mod browse;
pub mod cases;
pub mod findings;
pub mod review;

use crate::i18n::{Lang, LANG_COOKIE};
use crate::render::render;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use casefile_app::{accounts, Actor, AppError, Permission, Project};
use casefile_server::auth::{Credentials, CSRF_COOKIE};
use casefile_server::pool::Access;
use casefile_server::{ApiError, AppState};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::convert::Infallible;

/// Who asks for a page, in which language, from which address.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub credentials: Credentials,
    pub lang: Lang,
    /// The session's CSRF token (from its cookie), echoed in every form.
    pub csrf: String,
    /// The path and query of this request (where to come back to).
    pub here: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Infallible> {
        let credentials = Credentials::from_request_parts(parts, state).await?;
        let jar = CookieJar::from_headers(&parts.headers);
        let accept = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let lang = Lang::choose(jar.get(LANG_COOKIE).map(|c| c.value()), accept);
        let csrf = jar
            .get(CSRF_COOKIE)
            .map(|c| c.value().to_string())
            .unwrap_or_default();
        let here = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".to_string());
        Ok(Ctx {
            // Pages are for browsers: a session, never a bearer token.
            credentials: Credentials {
                bearer: None,
                ..credentials
            },
            lang,
            csrf,
            here,
        })
    }
}

/// The signed-in user as a page needs them: the actor, and the language of
/// their interface (their account's choice, else the cookie's or the
/// browser's).
#[derive(Debug, Clone)]
pub struct Me {
    pub actor: Actor,
    pub lang: Lang,
}

impl Me {
    /// The message `key` in the user's language.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }
}

/// A page's failure: sign in first, or a page that says what went wrong.
pub struct PageError {
    pub error: ApiError,
    pub lang: Lang,
    pub here: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let PageError { error, lang, here } = self;
        if error.status == StatusCode::UNAUTHORIZED {
            return Redirect::to(&format!("/login?next={}", encode(&here))).into_response();
        }
        let title = match error.status {
            StatusCode::FORBIDDEN => lang.t("error-forbidden"),
            StatusCode::NOT_FOUND => lang.t("error-not-found"),
            s if s.is_server_error() => lang.t("error-server"),
            _ => lang.t("error-request"),
        };
        let context = json!({
            "lang": lang.code(),
            "t": lang.messages(),
            "title": title,
            "message": error.message,
            "status": error.status.as_u16(),
        });
        let body = render("error.html", minijinja::Value::from_serialize(&context))
            .unwrap_or_else(|_| error.status.to_string());
        (error.status, Html(body)).into_response()
    }
}

/// A string as one component of a URL query.
pub fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// `target` when it is a path of this site, else the overview (a sign-in
/// link must not send anyone elsewhere).
pub fn local_path(target: Option<&str>) -> String {
    match target {
        Some(t) if t.starts_with('/') && !t.starts_with("//") && !t.contains('\\') => t.to_string(),
        _ => "/".to_string(),
    }
}

impl Ctx {
    pub fn fail(&self, error: impl Into<ApiError>) -> PageError {
        PageError {
            error: error.into(),
            lang: self.lang,
            here: self.here.clone(),
        }
    }

    /// Runs `f` as the signed-in actor on a blocking thread; the user (the
    /// actor and their language) comes back with the result, for the page's frame.
    pub async fn act<T, F>(
        &self,
        state: &AppState,
        access: Access,
        f: F,
    ) -> Result<(Me, T), PageError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Project, &Actor) -> Result<T, AppError> + Send + 'static,
    {
        self.run(state, self.credentials.clone(), access, f).await
    }

    /// [`Ctx::act`] for a form: the CSRF token comes from the form's field.
    pub async fn act_form<T, F>(
        &self,
        state: &AppState,
        csrf: &str,
        f: F,
    ) -> Result<(Me, T), PageError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Project, &Actor) -> Result<T, AppError> + Send + 'static,
    {
        let mut credentials = self.credentials.clone();
        credentials.csrf = Some(csrf.to_string());
        credentials.unsafe_method = true;
        self.run(state, credentials, Access::Write, f).await
    }

    async fn run<T, F>(
        &self,
        state: &AppState,
        credentials: Credentials,
        access: Access,
        f: F,
    ) -> Result<(Me, T), PageError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Project, &Actor) -> Result<T, AppError> + Send + 'static,
    {
        let fallback = self.lang;
        let (me, out) = state
            .pool
            .act(credentials, access, move |p, a| {
                let out = f(p, a)?;
                // Read after the operation, which may have changed it.
                let chosen = accounts::me(p, a)
                    .ok()
                    .and_then(|u| u.language)
                    .and_then(|l| Lang::parse(&l));
                let me = Me {
                    actor: a.clone(),
                    lang: chosen.unwrap_or(fallback),
                };
                Ok((me, out))
            })
            .await
            .map_err(|e| self.fail(e))?;
        Ok((me, out))
    }

    /// Renders `template` with `data` (an object) inside the frame for `me`.
    pub fn page<T: Serialize>(
        &self,
        me: &Me,
        template: &str,
        title: &str,
        data: &T,
    ) -> Result<Response, PageError> {
        let mut context = match serde_json::to_value(data) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        let (actor, lang) = (&me.actor, me.lang);
        let role = actor.role;
        let can = json!({
            "sources": role.allows(Permission::ReadSources),
            "findings": role.allows(Permission::ReadFindings),
            "judge": role.allows(Permission::JudgeFindings),
            "review": role.allows(Permission::ReviewLinks),
            "audit": role.allows(Permission::ReadAudit),
            "protected": role.allows(Permission::SeeProtected),
            "export": role.allows(Permission::Export),
        });
        let other = Lang::ALL
            .into_iter()
            .filter(|l| *l != lang)
            .map(|l| json!({"code": l.code(), "name": l.t("language-name")}))
            .collect::<Vec<_>>();
        for (k, v) in [
            ("lang", json!(lang.code())),
            ("t", json!(lang.messages())),
            ("me", json!({"name": actor.name, "role": role.as_str()})),
            ("can", can),
            ("csrf", json!(self.csrf)),
            ("here", json!(self.here)),
            ("back", json!(encode(&self.here))),
            ("other_langs", json!(other)),
            ("title", json!(title)),
        ] {
            context.insert(k.to_string(), v);
        }
        let body = render(template, minijinja::Value::from_serialize(&context)).map_err(|e| {
            // A template fault is ours; its text names the template, never data.
            eprintln!("template {template}: {}", e.kind());
            self.fail(ApiError::internal())
        })?;
        Ok(Html(body).into_response())
    }
}

/// After a form: back to the page it was sent from.
pub fn back_to(target: Option<&str>) -> Response {
    Redirect::to(&local_path(target)).into_response()
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/search?q=x")), "/search?q=x");
        assert_eq!(local_path(Some("//evil.example")), "/");
        assert_eq!(local_path(Some("https://evil.example")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(None), "/");
    }
}
