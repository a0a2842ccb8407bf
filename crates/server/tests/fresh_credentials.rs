//! What the server keeps between requests (who each token and session is,
//! the pages of entities) is kept for one state of the database only: a
//! write by another process on the same database (the CLI, a second
//! server) shows on the server's requests as soon as the server knows of
//! it. The other process here is a project of its own, on a connection
//! (pool) of its own.
//!
//! Embedded (a second SQLite connection), the server reads the head on
//! every request: the write shows on the very next one. On PostgreSQL
//! (the test fails under `CI` without it and is skipped otherwise) the
//! server learns the head from the database's announcements: the write
//! shows once announced, which must take well under the watch's limit of
//! 1.5 s (casefile_store's `head_watch.rs`).

mod common;

use casefile_app::{
    accounts, entities, sources, statements, Actor, Backends, EntityKind, NoProgress, Project,
    Role, StatementId, Status,
};
use casefile_store::testing::PgTestSchema;
use serde_json::{json, Value};
use std::path::Path;

const ARTICLE: &str = "<html><head><title>Transfer from Kherson</title></head>\
<body><article><p>According to the regional ombudsman, Zakhar Ostapchuk organised the transfer \
of 31 children from Kherson to a camp near Minsk in August 2023. Ostapchuk said the trip was \
a rest programme. The deputy governor Oleksii Petrenko signed the order, and Petrenko later \
denied it.</p></article></body></html>";

/// The status of `GET path` with a bearer token, and its body.
fn get(base: &str, token: &str, path: &str) -> (u16, Value) {
    let response = common::client()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().unwrap_or(Value::Null))
}

/// The status of `GET path` with a session cookie.
fn get_with_session(base: &str, session: &str, path: &str) -> u16 {
    common::client()
        .get(format!("{base}{path}"))
        .header(
            "Cookie",
            format!("{}={session}", casefile_server::auth::SESSION_COOKIE),
        )
        .send()
        .unwrap()
        .status()
        .as_u16()
}

/// Reads `path` a few times, so that whatever the server keeps is kept.
fn read_twice(base: &str, token: &str, path: &str) -> Value {
    let (status, first) = get(base, token, path);
    assert_eq!(status, 200, "GET {path}: {first}");
    let (status, again) = get(base, token, path);
    assert_eq!(status, 200, "GET {path}: {again}");
    assert_eq!(first, again);
    again
}

/// Logs `name` in through the API; returns the session cookie's value.
fn login(base: &str, name: &str) -> String {
    let response = common::client()
        .post(format!("{base}/api/login"))
        .json(&json!({ "name": name, "password": common::PASSWORD }))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let prefix = format!("{}=", casefile_server::auth::SESSION_COOKIE);
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(prefix.as_str()))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .expect("a session cookie")
}

/// Builds a project in `dir` with one article and three users; returns
/// the tokens of `ana` (analyst, two tokens) and `vic` (investigator).
fn build(dir: &Path, backends: &Backends) -> (String, String, String, String) {
    let admin = Actor::local("test-admin");
    let mut project = sources::init_with(dir, &admin, backends).unwrap();
    let file = dir.with_extension("article.html");
    std::fs::write(&file, ARTICLE).unwrap();
    let request = sources::IngestRequest {
        paths: vec![file],
        ..Default::default()
    };
    let summary = sources::ingest(&mut project, &admin, &request, &NoProgress).unwrap();
    assert_eq!(summary.stored, 1);
    for (name, role) in [
        ("ana", Role::Analyst),
        ("vic", Role::Investigator),
        ("eve", Role::Investigator),
    ] {
        accounts::add_user(&mut project, &admin, name, role, common::PASSWORD).unwrap();
    }
    let token = |project: &mut Project, name: &str| {
        let t = accounts::create_token(project, &admin, name).unwrap();
        (t.id, t.token)
    };
    let (ana_id, ana) = token(&mut project, "ana");
    let (_, ana_second) = token(&mut project, "ana");
    let (_, vic) = token(&mut project, "vic");
    (ana_id, ana, ana_second, vic)
}

/// How soon a write elsewhere must show.
#[derive(Clone, Copy)]
enum Shows {
    /// On the very next request.
    NextRequest,
    /// Once the database has announced it: within a second.
    Announced,
}

impl Shows {
    /// Asserts that `seen` holds (at once, or within a second).
    fn check(self, what: &str, mut seen: impl FnMut() -> bool) {
        let start = std::time::Instant::now();
        loop {
            if seen() {
                return;
            }
            match self {
                Shows::NextRequest => panic!("{what}: not on the next request"),
                Shows::Announced if start.elapsed().as_secs_f64() > 1.0 => {
                    panic!("{what}: not within a second")
                }
                Shows::Announced => std::thread::sleep(std::time::Duration::from_millis(2)),
            }
        }
    }
}

/// The checks, with the server at `base` and `other` writing on its own.
fn writes_elsewhere_show(
    base: &str,
    other: &mut Project,
    tokens: (String, String, String, String),
    shows: Shows,
) {
    let admin = Actor::local("other-admin");
    let (ana_id, ana, ana_second, vic) = tokens;

    // A role changed elsewhere.
    assert_eq!(read_twice(base, &ana, "/api/whoami")["role"], "analyst");
    assert_eq!(get(base, &ana, "/api/audit?last=1").0, 200);
    accounts::set_role(other, &admin, "ana", Role::Viewer).unwrap();
    shows.check("role", || {
        get(base, &ana, "/api/whoami").1["role"] == "viewer"
    });
    assert_eq!(get(base, &ana, "/api/audit?last=1").0, 403);

    // A statement's status changed elsewhere shows on a page already read.
    let persons = entities::entities(other, &admin, Some(EntityKind::Person)).unwrap();
    assert!(persons.len() >= 2, "the article names two persons");
    let (a, b) = (persons[0].id.clone(), persons[1].id.clone());
    let page_path = format!("/api/entities/{a}?limit=50");
    let page = read_twice(base, &vic, &page_path);
    let statement = &page["statements"][0];
    assert_eq!(statement["status"], "proposed", "{page}");
    let id = StatementId(statement["id"].as_i64().unwrap());
    statements::set_status(other, &admin, id, Status::Disputed, "checked elsewhere").unwrap();
    shows.check("status", || {
        get(base, &vic, &page_path).1["statements"][0]["status"] == "disputed"
    });

    // A merge elsewhere: the page already read shows both.
    let whole = read_twice(base, &vic, &format!("/api/entities/{a}"));
    let members = whole["entity"]["members"].as_array().unwrap().len();
    entities::merge(other, &admin, &a, &b, "the same person, merged elsewhere").unwrap();
    let whole_now = || get(base, &vic, &format!("/api/entities/{a}")).1;
    shows.check("merge", || {
        whole_now()["entity"]["members"].as_array().unwrap().len() > members
    });
    let whole = whole_now();
    assert_eq!(
        get(base, &vic, &format!("/api/entities/{b}")).1["entity"]["id"],
        whole["entity"]["id"]
    );

    // A token revoked elsewhere is refused at once; the user's other token is not.
    read_twice(base, &ana, "/api/whoami");
    read_twice(base, &ana_second, "/api/whoami");
    accounts::revoke_token(other, &admin, &ana_id).unwrap();
    shows.check("revoked token", || get(base, &ana, "/api/whoami").0 == 401);
    assert_eq!(get(base, &ana_second, "/api/whoami").0, 200);

    // A new password set elsewhere ends the sessions at once.
    let session = login(base, "eve");
    assert_eq!(get_with_session(base, &session, "/api/whoami"), 200);
    assert_eq!(get_with_session(base, &session, "/api/whoami"), 200);
    accounts::set_password(other, &admin, "eve", "another long password").unwrap();
    shows.check("new password", || {
        get_with_session(base, &session, "/api/whoami") == 401
    });

    // A user disabled elsewhere: every token and session refused at once.
    // (Waited for on the later of the two writes: the earlier one is then
    // known too.)
    let session = login(base, "vic");
    assert_eq!(get_with_session(base, &session, "/api/whoami"), 200);
    read_twice(base, &ana_second, "/api/whoami");
    accounts::disable(other, &admin, "ana").unwrap();
    accounts::disable(other, &admin, "vic").unwrap();
    shows.check("disabled user", || get(base, &vic, &page_path).0 == 401);
    assert_eq!(get(base, &ana_second, "/api/whoami").0, 401);
    assert_eq!(get_with_session(base, &session, "/api/whoami"), 401);
}

#[test]
fn on_postgres_writes_by_another_connection_show_once_announced() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let backends = Backends {
        postgres: Some(schema.connect()),
        blobs: None,
    };
    let dir = work.path().join("server");
    let tokens = build(&dir, &backends);
    let base = common::serve(&dir, &backends);
    // Another process: its own pool, its own directory, the same database.
    let elsewhere = Backends {
        postgres: Some(schema.connect()),
        blobs: None,
    };
    let mut other = sources::init_with(
        &work.path().join("cli"),
        &Actor::local("other-admin"),
        &elsewhere,
    )
    .unwrap();
    writes_elsewhere_show(&base, &mut other, tokens, Shows::Announced);
}

#[test]
fn embedded_writes_by_another_connection_show_on_the_next_request() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("server");
    let tokens = build(&dir, &Backends::default());
    let base = common::serve(&dir, &Backends::default());
    let mut other = sources::open(&dir).unwrap();
    writes_elsewhere_show(&base, &mut other, tokens, Shows::NextRequest);
}
