//! The team server on PostgreSQL and S3 end to end: a project whose
//! database is a PostgreSQL schema of its own and whose originals are in a
//! prefix of the S3 test bucket (moto, started by `.ci/services.sh`); users
//! and tokens in PostgreSQL; sources uploaded through the API, read back,
//! searched and verified; nothing in the local directory but the settings
//! and the derived index, which a second server rebuilds from the database.
//!
//! Without PostgreSQL or the S3 server the test fails under `CI` and is
//! skipped otherwise.

mod common;

use casefile_app::{accounts, sources, Actor, Backends, Role};
use casefile_store::testing::{PgTestSchema, S3TestPrefix};
use casefile_store::{Blobs, Store};
use reqwest::blocking::multipart;
use serde_json::Value;
use std::sync::Arc;

const ARTICLE: &str = "<html><head><title>Deportation of children from Lysychansk</title></head>\
<body><article><p>According to the regional ombudsman, 48 children were taken from Lysychansk \
to the Dubrava camp in Belarus on 12 May 2023. The organiser, Oleksii Petrenko, said the trip \
was a holiday.</p></article></body></html>";

#[test]
fn serve_on_postgres_and_s3_ingest_read_back_and_verify() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    let Some(prefix) = S3TestPrefix::create() else {
        return;
    };
    let blobs: Arc<dyn Blobs> = Arc::new(prefix.open());
    let backends = Backends {
        postgres: Some(schema.connect()),
        blobs: Some(blobs.clone()),
    };
    let work = tempfile::tempdir().unwrap();
    let dir = work.path().join("server-a");
    let admin = Actor::local("test-admin");
    let mut project = sources::init_with(&dir, &admin, &backends).unwrap();
    accounts::add_user(
        &mut project,
        &admin,
        "olena",
        Role::Investigator,
        common::PASSWORD,
    )
    .unwrap();
    let token = accounts::create_token(&mut project, &admin, "olena")
        .unwrap()
        .token;
    drop(project);
    // The directory holds only the settings, the index and this server's
    // signing key (a private key never goes into the shared database).
    let mut local: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    local.sort();
    assert_eq!(local, ["casefile.toml", "index", "keys"]);
    // An embedded open of it is refused, not mixed with an empty SQLite file.
    assert!(sources::open(&dir).is_err());

    let base = common::serve(&dir, &backends);
    let client = common::client();
    let upload = client
        .post(format!("{base}/api/sources"))
        .bearer_auth(&token)
        .multipart(
            multipart::Form::new()
                .part(
                    "file",
                    multipart::Part::bytes(ARTICLE.as_bytes().to_vec()).file_name("article.html"),
                )
                .part(
                    "file",
                    multipart::Part::bytes(vec![0u8, 159, 146, 150, 0, 1, 2, 255, 0])
                        .file_name("garbage.bin"),
                ),
        )
        .send()
        .unwrap();
    assert_eq!(upload.status().as_u16(), 202);
    let job: Value = upload.json().unwrap();
    let done = common::wait_job(&base, &token, job["job"].as_str().unwrap());
    assert_eq!(done["state"], "done", "{done}");
    let files = done["result"]["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{done}");
    let by_path = |path: &str| {
        files
            .iter()
            .find(|f| f["path"] == path)
            .unwrap_or_else(|| panic!("no result for {path}: {done}"))
    };
    assert_eq!(by_path("article.html")["status"], "stored", "{done}");
    let bad = by_path("garbage.bin");
    assert_eq!(
        bad["status"], "failed",
        "one clear error per bad file: {done}"
    );
    assert!(bad["error"].as_str().unwrap().contains("binary"), "{done}");
    let id = by_path("article.html")["id"].as_str().unwrap().to_string();

    // Read back through the API.
    let source: Value = client
        .get(format!("{base}/api/sources/{id}"))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(
        source["text"].as_str().unwrap().contains("48 children"),
        "{source}"
    );
    let original = client
        .get(format!("{base}/api/sources/{id}/original"))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    assert_eq!(&original[..], ARTICLE.as_bytes());
    let hits: Value = client
        .get(format!("{base}/api/search?q=Dubrava"))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(hits[0]["source_id"], id.as_str(), "{hits}");
    let persons: Value = client
        .get(format!("{base}/api/entities?kind=person"))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert!(!persons.as_array().unwrap().is_empty(), "{persons}");
    let report: Value = client
        .get(format!("{base}/api/verify"))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(report["faults"], Value::Array(vec![]), "{report}");
    assert_eq!(report["sources"], 1, "{report}");

    // Where it all is: the row and audit in PostgreSQL, the original in S3,
    // nothing of either in the directory.
    let store = schema.store();
    assert_eq!(store.sources().unwrap().len(), 1);
    assert_eq!(blobs.list().unwrap(), vec![id.clone()]);
    assert_eq!(
        blobs.get(&id).unwrap(),
        ARTICLE.as_bytes(),
        "the original, byte for byte"
    );
    let actions: Vec<String> = store
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.record.action)
        .collect();
    for action in [
        "project.init",
        "user.add",
        "user.token.add",
        "source.ingest",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    assert!(!dir.join("casefile.db").exists() && !dir.join("blobs").exists());

    // A second server with a directory of its own: same users, same sources,
    // its own index rebuilt from the database.
    let dir_b = work.path().join("server-b");
    drop(sources::init_with(&dir_b, &admin, &backends).unwrap());
    let base_b = common::serve(&dir_b, &backends);
    let hits: Value = client
        .get(format!("{base_b}/api/search?q=Lysychansk"))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(hits[0]["source_id"], id.as_str(), "{hits}");
    let inits = schema
        .store()
        .audit_entries()
        .unwrap()
        .iter()
        .filter(|e| e.record.action == "project.init")
        .count();
    assert_eq!(inits, 1, "a joining server logs no second init");
}
