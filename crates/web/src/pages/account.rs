//! Signing in and out, the account page, and the choice of language.
//!
//! A signed-in user's language is kept with their account (any device they
//! sign in on speaks it); before sign-in, a cookie keeps the choice.
//!
//! The sign-in form is protected against forged sign-ins by its own
//! double-submit token (a random value in a SameSite cookie and in the
//! form); a successful sign-in sets the same session and CSRF cookies as
//! the API's login, with the same limits on attempts.

use super::{back_to, local_path, Ctx, PageError};
use crate::i18n::{Lang, LANG_COOKIE};
use crate::render::render;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use casefile_app::accounts;
use casefile_server::auth::{CSRF_COOKIE, SESSION_COOKIE};
use casefile_server::pool::Access;
use casefile_server::routes::account::cookie;
use casefile_server::{ApiError, AppState};
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;

/// The cookie of the sign-in form's own token.
const LOGIN_COOKIE: &str = "casefile_login";

/// Where to go after signing in.
#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

fn login_page(ctx: &Ctx, token: &str, next: &str, failed: Option<String>) -> Response {
    let lang = ctx.lang;
    let other: Vec<_> = Lang::ALL
        .into_iter()
        .filter(|l| *l != lang)
        .map(|l| json!({"code": l.code(), "name": l.t("language-name")}))
        .collect();
    let context = json!({
        "lang": lang.code(),
        "t": lang.messages(),
        "title": lang.t("sign-in"),
        "token": token,
        "next": next,
        "failed": failed,
        "other_langs": other,
        "back": super::encode(&ctx.here),
    });
    match render("login.html", minijinja::Value::from_serialize(&context)) {
        Ok(body) => Html(body).into_response(),
        Err(_) => ctx.fail(ApiError::internal()).into_response(),
    }
}

/// The sign-in form.
pub async fn login_form(
    State(s): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Query(q): Query<Next>,
) -> (CookieJar, Response) {
    let token = accounts::random_id();
    let jar = jar.add(cookie(&s, LOGIN_COOKIE, token.clone(), true));
    let next = local_path(q.next.as_deref());
    (jar, login_page(&ctx, &token, &next, None))
}

/// The sign-in form's fields.
#[derive(Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
    token: String,
    next: Option<String>,
}

/// Signs in: sets the session cookies and goes on to `next`.
pub async fn login(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ctx: Ctx,
    jar: CookieJar,
    Form(f): Form<LoginForm>,
) -> Result<(CookieJar, Response), PageError> {
    let next = local_path(f.next.as_deref());
    let expected = jar.get(LOGIN_COOKIE).map(|c| c.value().to_string());
    if expected.as_deref() != Some(f.token.as_str()) || f.token.is_empty() {
        let token = accounts::random_id();
        let jar = jar.add(cookie(&s, LOGIN_COOKIE, token.clone(), true));
        let page = login_page(&ctx, &token, &next, Some(ctx.lang.t("sign-in-expired")));
        return Ok((jar, page));
    }
    if let Err(e) = s.limiter.check(&f.name, peer.ip()) {
        return Err(ctx.fail(e));
    }
    let (name, password) = (f.name, f.password);
    let session = s
        .pool
        .run(Access::Write, move |p| {
            Ok(accounts::login(p, &name, &password)?)
        })
        .await;
    match session {
        Ok(session) => {
            let jar = jar
                .remove(Cookie::build(LOGIN_COOKIE).path("/"))
                .add(cookie(&s, SESSION_COOKIE, session.session, true))
                .add(cookie(&s, CSRF_COOKIE, session.csrf, false));
            Ok((jar, Redirect::to(&next).into_response()))
        }
        Err(_) => {
            let token = accounts::random_id();
            let jar = jar.add(cookie(&s, LOGIN_COOKIE, token.clone(), true));
            let page = login_page(&ctx, &token, &next, Some(ctx.lang.t("sign-in-failed")));
            Ok((jar, page))
        }
    }
}

/// A form with nothing but its CSRF token (and where to go back to).
#[derive(Deserialize)]
pub struct CsrfForm {
    pub csrf: String,
    pub back: Option<String>,
}

/// Signs out: ends the session and clears its cookies.
pub async fn logout(
    State(s): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Form(f): Form<CsrfForm>,
) -> Result<(CookieJar, Response), PageError> {
    let session = ctx.credentials.session.clone();
    ctx.act_form(&s, &f.csrf, move |p, _| match session {
        Some(id) => accounts::logout(p, &id),
        None => Ok(()),
    })
    .await?;
    let jar = jar
        .remove(Cookie::build(SESSION_COOKIE).path("/"))
        .remove(Cookie::build(CSRF_COOKIE).path("/"));
    Ok((jar, Redirect::to("/login").into_response()))
}

/// Where to return after switching language.
#[derive(Deserialize)]
pub struct Back {
    back: Option<String>,
}

/// Switches the interface's language before sign-in (a lasting cookie).
pub async fn language(
    State(s): State<AppState>,
    jar: CookieJar,
    Path(code): Path<String>,
    Query(q): Query<Back>,
) -> (CookieJar, Response) {
    let Some(lang) = Lang::parse(&code) else {
        return (jar, back_to(q.back.as_deref()));
    };
    (jar.add(lang_cookie(&s, lang)), back_to(q.back.as_deref()))
}

/// The account page: who the user is, and the language of their interface.
pub async fn account(State(s): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let (me, info) = ctx.act(&s, Access::Read, |p, a| accounts::me(p, a)).await?;
    let langs: Vec<_> = Lang::ALL
        .into_iter()
        .map(|l| json!({"code": l.code(), "name": l.t("language-name")}))
        .collect();
    ctx.page(
        &me,
        "account.html",
        &me.t("account"),
        &json!({"user": info, "langs": langs}),
    )
}

/// The language form: a language code, or empty to follow the browser.
#[derive(Deserialize)]
pub struct LanguageForm {
    csrf: String,
    language: String,
    back: Option<String>,
}

/// Keeps the user's language with their account (and in the cookie, for
/// the sign-in page).
pub async fn set_language(
    State(s): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Form(f): Form<LanguageForm>,
) -> Result<(CookieJar, Response), PageError> {
    let lang = match f.language.trim() {
        "" => None,
        code => Some(Lang::parse(code).ok_or_else(|| {
            ctx.fail(casefile_app::AppError::Invalid(format!(
                "the interface speaks {}, not {code:?}",
                Lang::ALL.map(Lang::code).join(" and ")
            )))
        })?),
    };
    ctx.act_form(&s, &f.csrf, move |p, a| {
        accounts::set_language(p, a, &a.name.clone(), lang.map(Lang::code))
    })
    .await?;
    let jar = match lang {
        Some(lang) => jar.add(lang_cookie(&s, lang)),
        None => jar.remove(Cookie::build(LANG_COOKIE).path("/")),
    };
    Ok((jar, back_to(f.back.as_deref().or(Some("/account")))))
}

fn lang_cookie(s: &AppState, lang: Lang) -> Cookie<'static> {
    Cookie::build((LANG_COOKIE, lang.code().to_string()))
        .path("/")
        .http_only(true)
        .secure(s.config.secure_cookies)
        .same_site(SameSite::Lax)
        .permanent()
        .build()
}
