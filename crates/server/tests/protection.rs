//! Protection of a real server on loopback: security headers, cookie
//! sessions with CSRF, login limits, body limits, originals as downloads,
//! jobs, and the OpenAPI document.

mod common;

use casefile_app::Role;
use reqwest::blocking::multipart;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use serde_json::{json, Value};

#[test]
fn sessions_csrf_headers_limits_and_downloads() {
    let server = common::start();
    let client = common::client();
    let admin = server.token(Role::Admin).to_string();

    // Security headers on every response, errors included.
    for path in ["/openapi.json", "/api/sources", "/api/nowhere"] {
        let r = client.get(server.url(path)).send().unwrap();
        let h = r.headers();
        assert_eq!(
            h["content-security-policy"], "default-src 'self'; frame-ancestors 'none'",
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(h["referrer-policy"], "no-referrer");
    }

    // Login sets an HttpOnly, SameSite=Strict session cookie and gives a CSRF token.
    let login = client
        .post(server.url("/api/login"))
        .json(&json!({"name": "analyst-user", "password": common::PASSWORD}))
        .send()
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookies: Vec<String> = login
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session_cookie = cookies
        .iter()
        .find(|c| c.starts_with("casefile_session="))
        .unwrap();
    assert!(session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Strict"));
    let csrf_cookie = cookies
        .iter()
        .find(|c| c.starts_with("casefile_csrf="))
        .unwrap();
    assert!(
        !csrf_cookie.contains("HttpOnly"),
        "the page must be able to read the CSRF token"
    );
    let body: Value = login.json().unwrap();
    assert_eq!(body["role"], "analyst");
    let csrf = body["csrf"].as_str().unwrap().to_string();
    let session = session_cookie.split(';').next().unwrap().to_string();

    // Reads work with the cookie alone; writes need the CSRF header as well.
    let who = client
        .get(server.url("/api/whoami"))
        .header("cookie", &session)
        .send()
        .unwrap();
    assert_eq!(who.status(), 200);
    let merge = json!({"a": "x", "b": "y", "reason": "csrf test"});
    let forged = client
        .post(server.url("/api/merge"))
        .header("cookie", &session)
        .json(&merge)
        .send()
        .unwrap();
    assert_eq!(forged.status(), 403, "cookie without CSRF token");
    let wrong = client
        .post(server.url("/api/merge"))
        .header("cookie", &session)
        .header("x-csrf-token", "guess")
        .json(&merge)
        .send()
        .unwrap();
    assert_eq!(wrong.status(), 403);
    let right = client
        .post(server.url("/api/merge"))
        .header("cookie", &session)
        .header("x-csrf-token", &csrf)
        .json(&merge)
        .send()
        .unwrap();
    assert_eq!(right.status(), 404, "allowed through; the ids do not exist");

    // Logout ends the session.
    let out = client
        .post(server.url("/api/logout"))
        .header("cookie", &session)
        .header("x-csrf-token", &csrf)
        .send()
        .unwrap();
    assert_eq!(out.status(), 204);
    let after = client
        .get(server.url("/api/whoami"))
        .header("cookie", &session)
        .send()
        .unwrap();
    assert_eq!(after.status(), 401);

    // Wrong passwords: refused alike, then limited.
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let r = client
            .post(server.url("/api/login"))
            .json(&json!({"name": "viewer-user", "password": "not the password"}))
            .send()
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    assert_eq!(&statuses[..5], &[401; 5]);
    assert!(statuses[5..].iter().all(|s| *s == 429), "{statuses:?}");
    let limited = client
        .post(server.url("/api/login"))
        .json(&json!({"name": "viewer-user", "password": common::PASSWORD}))
        .send()
        .unwrap();
    assert_eq!(limited.status(), 429, "even the right password waits");

    // An HTML source comes back as a download, never as a page.
    let sources: Vec<Value> = client
        .get(server.url("/api/sources"))
        .bearer_auth(&admin)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let html = sources
        .iter()
        .find(|s| s["media_type"] == "text/html")
        .expect("the demo has HTML sources");
    let original = client
        .get(server.url(&format!(
            "/api/sources/{}/original",
            html["id"].as_str().unwrap()
        )))
        .bearer_auth(&admin)
        .send()
        .unwrap();
    assert_eq!(original.status(), 200);
    assert_eq!(original.headers()[CONTENT_TYPE], "application/octet-stream");
    assert!(original.headers()[CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(String::from_utf8_lossy(&original.bytes().unwrap()).contains('<'));

    // Bodies over the limit are refused.
    let huge = vec![b'a'; 65 * 1024 * 1024];
    let r = client
        .post(server.url("/api/sources"))
        .bearer_auth(&admin)
        .multipart(
            multipart::Form::new().part("file", multipart::Part::bytes(huge).file_name("big.txt")),
        )
        .send();
    // The server may answer 413 or close the connection before reading it all.
    if let Ok(r) = r {
        assert!(r.status() == 413 || r.status() == 400, "{}", r.status());
    }

    // The server closed that connection: a new client for what follows.
    let client = common::client();

    // An upload job: one result per file, a bad file named with its reason, the rest stored.
    let form = multipart::Form::new()
        .part(
            "file",
            multipart::Part::bytes(b"Children were moved to Dubrava camp in 2023.".to_vec())
                .file_name("good.txt"),
        )
        .part(
            "file",
            multipart::Part::bytes(Vec::new()).file_name("empty.txt"),
        )
        .part(
            "file",
            multipart::Part::bytes(vec![0, 159, 146, 150, 0, 0]).file_name("../binary.bin"),
        );
    let r = client
        .post(server.url("/api/sources"))
        .bearer_auth(&admin)
        .multipart(form)
        .send()
        .unwrap();
    assert_eq!(r.status(), 202);
    let job: Value = r.json().unwrap();
    let view = common::wait_job(&server.base, &admin, job["job"].as_str().unwrap());
    assert_eq!(view["state"], "done", "{view}");
    let result = &view["result"];
    assert_eq!(result["stored"], 1);
    assert_eq!(result["failed"], 2);
    let files = result["files"].as_array().unwrap();
    let status_of = |name: &str| {
        files
            .iter()
            .find(|f| f["path"] == name)
            .map(|f| f["status"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no result for {name}: {view}"))
    };
    assert_eq!(status_of("good.txt"), "stored");
    assert_eq!(status_of("empty.txt"), "failed");
    // Only the last component of a client's name.
    assert_eq!(status_of("binary.bin"), "failed");
    assert!(!view.to_string().contains("/tmp"), "no server path leaks");
    // Another user cannot see the job.
    let other = client
        .get(server.url(&format!("/api/jobs/{}", job["job"].as_str().unwrap())))
        .bearer_auth(server.token(Role::Analyst))
        .send()
        .unwrap();
    assert_eq!(other.status(), 404);

    // Bad input is a 4xx naming the problem, never a 500.
    for (path, want) in [
        ("/api/sources/zz", 400),
        ("/api/sources/0000000000", 404),
        ("/api/search?q=Dubrava&limit=0", 400),
        ("/api/search?q=%22unclosed", 200),
        ("/api/statements/999999999", 404),
        ("/api/entities/nobody", 404),
        ("/api/claims?kind=other", 422),
        ("/api/review?left=nope", 404),
    ] {
        let r = client
            .get(server.url(path))
            .bearer_auth(&admin)
            .send()
            .unwrap();
        let status = r.status().as_u16();
        assert!(
            status == want || (want == 200 && status == 400),
            "{path}: {status}"
        );
        let body: Value = r.json().unwrap_or(Value::Null);
        if status >= 400 {
            assert!(body["error"].is_string(), "{path}: an error message");
        }
    }

    // The OpenAPI document names every endpoint.
    let doc: Value = client
        .get(server.url("/openapi.json"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/sources",
        "/api/search",
        "/api/review",
        "/api/jobs/{id}",
        "/api/login",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
}

#[test]
fn a_disabled_user_is_refused_everywhere() {
    let server = common::start();
    let client = common::client();
    let token = server.token(Role::Viewer).to_string();
    assert_eq!(
        client
            .get(server.url("/api/whoami"))
            .bearer_auth(&token)
            .send()
            .unwrap()
            .status(),
        200
    );
    let project = server.dir.path().join("demo");
    let mut p = casefile_app::sources::open(&project).unwrap();
    casefile_app::accounts::disable(
        &mut p,
        &casefile_app::Actor::local("test-admin"),
        "viewer-user",
    )
    .unwrap();
    assert_eq!(
        client
            .get(server.url("/api/whoami"))
            .bearer_auth(&token)
            .send()
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        client
            .get(server.url("/api/sources"))
            .bearer_auth(&token)
            .send()
            .unwrap()
            .status(),
        401
    );
    let login = client
        .post(server.url("/api/login"))
        .json(&json!({"name": "viewer-user", "password": common::PASSWORD}))
        .send()
        .unwrap();
    assert_eq!(login.status(), 401);
}
