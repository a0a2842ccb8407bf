//! Reads after writes: the server's requests share one resolution of the
//! entities and one search index (made once per state of the database), so
//! a write must be visible to the very next read on whichever of the
//! pool's projects it lands. Reads run from several threads at once, so
//! that the pool holds several projects when the write comes.

mod common;

use casefile_app::Role;
use reqwest::blocking::multipart;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const ARTICLE: &str = "<html><head><title>Transfer from Kherson</title></head>\
<body><article><p>According to the regional ombudsman, Zakhar Ostapchuk organised the transfer \
of 31 children from Kherson to a camp near Minsk in August 2023. Ostapchuk said the trip was \
a rest programme.</p></article></body></html>";

fn get(base: &str, token: &str, path: &str) -> Value {
    let response = common::client()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "GET {path}");
    response.json().unwrap()
}

/// Reads `path` from `threads` threads at once, each several times; returns every answer.
fn read_together(base: &str, token: &str, path: &str, threads: usize) -> Vec<Value> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| (0..3).map(|_| get(base, token, path)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

fn members(page: &Value) -> BTreeSet<String> {
    page["entity"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_merge_and_a_new_source_show_on_the_next_read() {
    let server = common::start();
    let base = server.base.as_str();
    let token = server.token(Role::Investigator);

    let persons = get(base, token, "/api/entities?kind=person");
    let persons = persons.as_array().unwrap();
    assert!(persons.len() >= 2, "the demo has persons");
    let (a, b) = (
        persons[0]["id"].as_str().unwrap().to_string(),
        persons[1]["id"].as_str().unwrap().to_string(),
    );
    let (a_members, b_members) = (
        members(&get(base, token, &format!("/api/entities/{a}"))),
        members(&get(base, token, &format!("/api/entities/{b}"))),
    );
    assert!(a_members.is_disjoint(&b_members));
    for page in read_together(base, token, &format!("/api/entities/{a}"), 6) {
        assert_eq!(members(&page), a_members);
    }

    let merged = common::client()
        .post(format!("{base}/api/merge"))
        .bearer_auth(token)
        .json(&json!({ "a": a, "b": b, "reason": "the same person in two spellings" }))
        .send()
        .unwrap();
    assert_eq!(merged.status().as_u16(), 200, "{}", merged.text().unwrap());

    // Every project of the pool answers with the merged entity at once.
    let both: BTreeSet<String> = a_members.union(&b_members).cloned().collect();
    for page in read_together(base, token, &format!("/api/entities/{b}"), 6) {
        assert_eq!(members(&page), both);
        let judged = page["statements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["property"] == "sameAs" && s["origin"] == "human");
        assert!(judged, "the merge statement is on the page");
    }

    // A new source: its person is listed, and its words found, next time.
    let search = "/api/search?q=Ostapchuk";
    assert!(get(base, token, search).as_array().unwrap().is_empty());
    let upload = common::client()
        .post(format!("{base}/api/sources"))
        .bearer_auth(token)
        .multipart(multipart::Form::new().part(
            "file",
            multipart::Part::bytes(ARTICLE.as_bytes().to_vec()).file_name("kherson.html"),
        ))
        .send()
        .unwrap();
    assert_eq!(upload.status().as_u16(), 202);
    let job: Value = upload.json().unwrap();
    let done = common::wait_job(base, token, job["job"].as_str().unwrap());
    assert_eq!(done["state"], "done", "{done}");
    for listing in read_together(base, token, "/api/entities?kind=person", 4) {
        let named = listing
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"].as_str().is_some_and(|n| n.contains("Ostapchuk")));
        assert!(named, "the new source's person is listed");
    }
    for hits in read_together(base, token, search, 4) {
        assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
    }
}
