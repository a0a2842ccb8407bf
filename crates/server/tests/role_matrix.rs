//! Every role × every endpoint: the status each role gets, and which of the
//! children's protected values (names from the sample registries, which are
//! fictional) may appear in what it receives. Run against a real server on
//! loopback over the demo project; the table is printed.

mod common;

use casefile_app::Role;
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// What a role may see of children's protected values in a response.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Protected {
    /// No protected value at all.
    None,
    /// Protected values, shown: at least one child's name appears.
    Shown,
    /// The protected values marked `{"redacted": true}`, and no name.
    Redacted,
}
use Protected::{None as N, Redacted as R, Shown as S};

/// Roles in the table's column order.
const ROLES: [Role; 5] = [
    Role::Admin,
    Role::Investigator,
    Role::Analyst,
    Role::Tracer,
    Role::Viewer,
];

/// (endpoint, expected status and protected values for admin, investigator,
/// analyst, tracer, viewer). A 422 means the role was allowed and the
/// request (deliberately wrong) was refused for its content.
const MATRIX: &[(&str, [(u16, Protected); 5])] = &[
    (
        "GET /api/whoami",
        [(200, N), (200, N), (200, N), (200, N), (200, N)],
    ),
    (
        "GET /api/sources",
        [(200, N), (200, N), (200, N), (403, N), (200, N)],
    ),
    (
        "GET /api/sources/{source}",
        [(200, N), (200, N), (200, N), (403, N), (200, N)],
    ),
    (
        "GET /api/sources/{source}/original",
        [(200, N), (200, N), (200, N), (403, N), (200, N)],
    ),
    (
        "POST /api/sources (upload)",
        [(202, N), (202, N), (202, N), (403, N), (403, N)],
    ),
    (
        "GET /api/search?q=Dubrava",
        [(200, N), (200, N), (200, N), (403, N), (200, N)],
    ),
    (
        "GET /api/entities?kind=person",
        [(200, N), (200, N), (200, N), (403, N), (200, N)],
    ),
    // The viewer sees confirmed statements only: this entity has none yet
    // (see `viewers_see_only_confirmed_statements_and_public_sources`).
    (
        "GET /api/entities/{entity}",
        [(200, N), (200, N), (200, N), (403, N), (404, N)],
    ),
    (
        "GET /api/statements/{statement}",
        [(200, N), (200, N), (200, N), (403, N), (404, N)],
    ),
    (
        "POST /api/statements/{statement}/status",
        [(200, N), (200, N), (200, N), (403, N), (403, N)],
    ),
    (
        "POST /api/merge",
        [(200, N), (200, N), (200, N), (403, N), (403, N)],
    ),
    (
        "POST /api/split (not a member)",
        [(422, N), (422, N), (422, N), (403, N), (403, N)],
    ),
    (
        "GET /api/claims",
        [(200, N), (200, N), (200, N), (403, N), (200, N)],
    ),
    (
        "GET /api/registries",
        [(200, N), (200, N), (200, N), (200, N), (403, N)],
    ),
    (
        "POST /api/registries (import)",
        [(200, N), (200, N), (200, N), (200, N), (403, N)],
    ),
    // Allowed, and refused for its content: the form's file lacks the
    // registry's columns.
    (
        "POST /api/registries/ua_missing/append (wrong columns)",
        [(400, N), (400, N), (400, N), (400, N), (403, N)],
    ),
    // Allowed, and not found: the demo project has no stored clusters.
    (
        "GET /api/clusters/1/history",
        [(404, N), (404, N), (404, N), (404, N), (403, N)],
    ),
    (
        "POST /api/link",
        [(202, N), (202, N), (202, N), (202, N), (403, N)],
    ),
    (
        "GET /api/jobs/{link_job}",
        [(200, N), (200, N), (200, N), (200, N), (404, N)],
    ),
    (
        "POST /api/dedupe",
        [(202, N), (202, N), (202, N), (202, N), (403, N)],
    ),
    (
        "GET /api/review?left=ua_missing&right=ru_camp",
        [(200, S), (200, S), (200, R), (200, S), (403, N)],
    ),
    (
        "POST /api/review/decisions",
        [(200, N), (200, N), (200, N), (200, N), (403, N)],
    ),
    (
        "GET /api/audit?last=50",
        [(200, N), (200, N), (200, N), (403, N), (403, N)],
    ),
    (
        "GET /api/verify",
        [(200, N), (200, N), (200, N), (403, N), (403, N)],
    ),
    (
        "GET /openapi.json",
        [(200, N), (200, N), (200, N), (200, N), (200, N)],
    ),
];

/// Every child's full name in the sample registries, as the review queue shows it.
fn child_names() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/registries");
    let mut names = BTreeSet::new();
    let columns: [(&str, &[&str]); 3] = [
        ("ua_missing_children.csv", &["ПІБ"]),
        ("ru_camp_list.csv", &["Фамилия", "Имя", "Отчество"]),
        ("latin_web_list.csv", &["name"]),
    ];
    for (file, cols) in columns {
        let mut reader = csv::Reader::from_path(dir.join(file)).unwrap();
        let headers = reader.headers().unwrap().clone();
        let idx: Vec<usize> = cols
            .iter()
            .map(|c| headers.iter().position(|h| h == *c).unwrap())
            .collect();
        for row in reader.records() {
            let row = row.unwrap();
            let parts: Vec<&str> = idx
                .iter()
                .map(|&i| row[i].trim())
                .filter(|p| !p.is_empty())
                .collect();
            if !parts.is_empty() {
                names.insert(parts.join(" "));
            }
        }
    }
    assert!(
        names.len() > 100,
        "the sample registries hold the children's names"
    );
    names.into_iter().collect()
}

struct Ids {
    source: String,
    entity: String,
    other_entity: String,
    statement: i64,
    link_jobs: Vec<String>,
}

fn request(
    client: &reqwest::blocking::Client,
    base: &str,
    token: Option<&str>,
    endpoint: &str,
    ids: &Ids,
    role: Role,
    link_job: Option<&str>,
) -> (u16, String) {
    let (method, rest) = endpoint.split_once(' ').unwrap();
    let path = rest
        .split(' ')
        .next()
        .unwrap()
        .replace("{source}", &ids.source)
        .replace("{entity}", &ids.entity)
        .replace("{statement}", &ids.statement.to_string())
        .replace("{link_job}", link_job.unwrap_or("none"));
    let mut builder = client.request(
        Method::from_bytes(method.as_bytes()).unwrap(),
        format!("{base}{path}"),
    );
    if let Some(t) = token {
        builder = builder.bearer_auth(t);
    }
    builder = match endpoint {
        e if e.starts_with("POST /api/statements") => {
            builder.json(&json!({"status": "confirmed", "reason": "matrix test"}))
        }
        "POST /api/merge" => {
            builder.json(&json!({"a": ids.entity, "b": ids.other_entity, "reason": "matrix test"}))
        }
        e if e.starts_with("POST /api/split") => builder.json(
            &json!({"id": ids.entity, "members": ["no-such-member"], "reason": "matrix test"}),
        ),
        e if e.starts_with("POST /api/sources") => with_form(
            builder,
            &[(
                "file",
                Some(&format!("{role}.txt")),
                format!("A note by the {role} role about Dubrava, written for the matrix test.")
                    .as_bytes(),
            )],
        ),
        e if e.starts_with("POST /api/registries") => with_form(
            builder,
            &[
                ("name", None, format!("list_{role}").as_bytes()),
                ("map", None, b"id=ID,surname=Surname,given=Given"),
                (
                    "file",
                    Some("list.csv"),
                    b"ID,Surname,Given\n1,Testenko,Ivan\n",
                ),
            ],
        ),
        "POST /api/link" => builder.json(&json!({"left": "ua_missing", "right": "ru_camp"})),
        "POST /api/dedupe" => builder.json(&json!({"registry": "ua_missing"})),
        "POST /api/review/decisions" => builder.json(&json!({
            "left": "ua_missing", "right": "ru_camp", "left_id": "DV-01722", "right_id": "RU-1459",
            "verdict": "reject", "reason": "matrix test"
        })),
        _ => builder,
    };
    let response = builder.send().unwrap();
    let status = response.status().as_u16();
    let body = String::from_utf8_lossy(&response.bytes().unwrap()).into_owned();
    (status, body)
}

/// A multipart form as one body of known length. (reqwest streams its own
/// forms: a server that refuses the request before reading the body then
/// closes the connection under the stream, and the client reports a send
/// error instead of the refusal.)
fn with_form(
    builder: reqwest::blocking::RequestBuilder,
    fields: &[(&str, Option<&str>, &[u8])],
) -> reqwest::blocking::RequestBuilder {
    const BOUNDARY: &str = "casefile-role-matrix-boundary";
    let mut body = Vec::new();
    for (name, file_name, value) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        let disposition = match file_name {
            Some(file) => format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            ),
            None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
        };
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    builder
        .header(
            reqwest::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body)
}

#[test]
fn every_role_gets_exactly_what_it_may_see_and_do() {
    let server = common::start();
    let client = common::unpooled_client();
    let admin = server.token(Role::Admin).to_string();
    let get = |path: &str| -> Value {
        client
            .get(server.url(path))
            .bearer_auth(&admin)
            .send()
            .unwrap()
            .json()
            .unwrap()
    };
    let source = get("/api/sources")[0]["id"].as_str().unwrap().to_string();
    let persons = get("/api/entities?kind=person");
    let entity = persons[0]["id"].as_str().unwrap().to_string();
    let other_entity = persons[1]["id"].as_str().unwrap().to_string();
    let page = get(&format!("/api/entities/{entity}"));
    let statement = page["statements"][0]["id"].as_i64().unwrap();
    let mut ids = Ids {
        source,
        entity,
        other_entity,
        statement,
        link_jobs: Vec::new(),
    };
    let names = child_names();

    let mut table = String::from("| endpoint | admin | investigator | analyst | tracer | viewer | no credentials |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    let mut failures = Vec::new();
    for (endpoint, expected) in MATRIX {
        let mut row = format!("| `{endpoint}` |");
        for (i, role) in ROLES.iter().enumerate() {
            let (want_status, want_protected) = expected[i];
            let token = server.token(*role).to_string();
            let link_job = ids
                .link_jobs
                .get(i)
                .cloned()
                .or_else(|| ids.link_jobs.first().cloned());
            // The viewer asks for the admin's link job: it is not theirs to see.
            let (status, body) = request(
                &client,
                &server.base,
                Some(&token),
                endpoint,
                &ids,
                *role,
                link_job.as_deref(),
            );
            if *endpoint == "POST /api/link" && status == 202 {
                let v: Value = serde_json::from_str(&body).unwrap();
                ids.link_jobs.push(v["job"].as_str().unwrap().to_string());
            }
            let shown: Vec<&String> = names.iter().filter(|n| body.contains(n.as_str())).collect();
            let redacted = body.contains(r#"{"redacted":true}"#);
            let protected_ok = match want_protected {
                N => shown.is_empty(),
                S => !shown.is_empty() && !redacted,
                R => shown.is_empty() && redacted,
            };
            if status != want_status || !protected_ok {
                failures.push(format!(
                    "{endpoint} as {role}: status {status} (want {want_status}), {} names shown, redacted marker {redacted} (want {want_protected:?})",
                    shown.len()
                ));
            }
            let mark = match want_protected {
                N => "",
                S => " names",
                R => " redacted",
            };
            row.push_str(&format!(" {status}{mark} |"));
        }
        if *endpoint != "GET /openapi.json" {
            let (status, _) = request(
                &client,
                &server.base,
                None,
                endpoint,
                &ids,
                Role::Viewer,
                ids.link_jobs.first().map(String::as_str),
            );
            if status != 401 {
                failures.push(format!(
                    "{endpoint} without credentials: status {status} (want 401)"
                ));
            }
            row.push_str(&format!(" {status} |\n"));
        } else {
            row.push_str(" 200 |\n");
        }
        table.push_str(&row);
    }
    println!("{table}");

    // Link jobs finish with record ids only, for every role that may run them.
    for (i, job) in ids.link_jobs.iter().enumerate() {
        let token = server.token(ROLES[i]);
        let view = common::wait_job(&server.base, token, job);
        assert_eq!(view["state"], "done", "{view}");
        assert!(view["result"]["matches"].as_u64().unwrap() > 0);
        let text = view.to_string();
        assert!(
            names.iter().all(|n| !text.contains(n.as_str())),
            "a link result names a child"
        );
    }
    // Every read of children's records is in the audit log, by who read them.
    let audit = get("/api/audit");
    let readers: BTreeSet<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "registry.read")
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    for role in [Role::Admin, Role::Investigator, Role::Analyst, Role::Tracer] {
        assert!(
            readers.contains(format!("{role}-user").as_str()),
            "no registry.read by {role}"
        );
    }
    assert!(
        audit.to_string().find("Testenko").is_none(),
        "the audit log holds a record's name"
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The viewer's scope: confirmed statements from public sources, and public
/// sources only; an unconfirmed statement or a team document is "not found"
/// for it, while the analyst sees both.
#[test]
fn viewers_see_only_confirmed_statements_and_public_sources() {
    let server = common::start();
    let client = common::client();
    let get = |role: Role, path: &str| -> (u16, Value) {
        let response = client
            .get(server.url(path))
            .bearer_auth(server.token(role))
            .send()
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().unwrap_or(Value::Null))
    };
    let ids_of = |v: &Value, key: &str| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x[key].as_str().unwrap().to_string())
            .collect()
    };

    // Before any review the viewer sees no entity, claim or statement.
    let (_, persons) = get(Role::Analyst, "/api/entities?kind=person");
    let entity = persons[0]["id"].as_str().unwrap().to_string();
    let (_, page) = get(Role::Analyst, &format!("/api/entities/{entity}"));
    let statements = page["statements"].as_array().unwrap().clone();
    assert!(statements.len() >= 2, "{page}");
    assert!(statements.iter().all(|s| s["status"] == "proposed"));
    let (status, viewer_persons) = get(Role::Viewer, "/api/entities?kind=person");
    assert_eq!(status, 200);
    assert_eq!(
        viewer_persons.as_array().unwrap().len(),
        0,
        "{viewer_persons}"
    );
    let (_, claims) = get(Role::Viewer, "/api/claims");
    assert_eq!(claims.as_array().unwrap().len(), 0, "{claims}");
    let (_, analyst_claims) = get(Role::Analyst, "/api/claims");
    assert!(!analyst_claims.as_array().unwrap().is_empty());
    // A page of claims: rows of the whole list, X-Total-Count counts them all.
    let all = analyst_claims.as_array().unwrap();
    let response = client
        .get(server.url("/api/claims?offset=1&limit=1"))
        .bearer_auth(server.token(Role::Analyst))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let total = response.headers()["x-total-count"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(total, all.len().to_string());
    let page: Value = response.json().unwrap();
    let expected: Vec<_> = all.iter().skip(1).take(1).cloned().collect();
    assert_eq!(page.as_array().unwrap(), &expected);
    assert_eq!(get(Role::Analyst, "/api/claims?limit=0").0, 400);

    // One statement confirmed: the viewer sees it, its entity, and nothing else of it.
    let confirmed = statements[0]["id"].as_i64().unwrap();
    let proposed = statements[1]["id"].as_i64().unwrap();
    let response = client
        .post(server.url(&format!("/api/statements/{confirmed}/status")))
        .bearer_auth(server.token(Role::Analyst))
        .json(&json!({"status": "confirmed", "reason": "checked against the source"}))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        get(Role::Viewer, &format!("/api/statements/{confirmed}")).0,
        200
    );
    assert_eq!(
        get(Role::Viewer, &format!("/api/statements/{proposed}")).0,
        404
    );
    assert_eq!(
        get(Role::Analyst, &format!("/api/statements/{proposed}")).0,
        200
    );
    let (status, viewer_page) = get(Role::Viewer, &format!("/api/entities/{entity}"));
    assert_eq!(status, 200, "{viewer_page}");
    let seen: Vec<i64> = viewer_page["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(seen, [confirmed]);
    let (_, viewer_persons) = get(Role::Viewer, "/api/entities?kind=person");
    assert_eq!(
        viewer_persons.as_array().unwrap().len(),
        1,
        "{viewer_persons}"
    );

    // A team document (plain text upload: kind `document`) is not public material.
    let upload = client
        .post(server.url("/api/sources"))
        .bearer_auth(server.token(Role::Analyst));
    let upload = with_form(
        upload,
        &[(
            "file",
            Some("note.txt"),
            b"Internal note casefilemarker: the Dubrava camp list was received from a witness.",
        )],
    )
    .send()
    .unwrap();
    assert_eq!(upload.status().as_u16(), 202);
    let job: Value = upload.json().unwrap();
    let done = common::wait_job(
        &server.base,
        server.token(Role::Analyst),
        job["job"].as_str().unwrap(),
    );
    assert_eq!(done["state"], "done", "{done}");
    let note = done.to_string();
    let (_, all) = get(Role::Analyst, "/api/sources");
    let (_, public) = get(Role::Viewer, "/api/sources");
    let (all, public) = (ids_of(&all, "id"), ids_of(&public, "id"));
    let hidden: Vec<&String> = all.difference(&public).collect();
    assert_eq!(hidden.len(), 1, "only the document is hidden");
    let document = hidden[0].clone();
    assert!(note.contains(&document), "{note}");
    assert_eq!(
        get(Role::Viewer, &format!("/api/sources/{document}")).0,
        404
    );
    assert_eq!(
        get(Role::Viewer, &format!("/api/sources/{document}/original")).0,
        404
    );
    assert_eq!(
        get(Role::Analyst, &format!("/api/sources/{document}")).0,
        200
    );
    // Read once, the source is kept for every request: who may see it is
    // still decided on each.
    assert_eq!(
        get(Role::Viewer, &format!("/api/sources/{document}")).0,
        404
    );
    let (_, hits) = get(Role::Analyst, "/api/search?q=casefilemarker");
    assert!(ids_of(&hits, "source_id").contains(&document), "{hits}");
    let (_, hits) = get(Role::Viewer, "/api/search?q=casefilemarker");
    assert!(!ids_of(&hits, "source_id").contains(&document), "{hits}");
    let (_, hits) = get(Role::Viewer, "/api/search?q=Dubrava");
    assert!(
        !hits.as_array().unwrap().is_empty(),
        "public sources are found"
    );
}
