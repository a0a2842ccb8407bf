//! `casefile routes`, `casefile export geojson` and `casefile report` on the
//! demo project (the sample corpus, its registries and its case): each
//! command's output, and no child of the sample registries named anywhere.

mod common;

use common::*;

/// The full names of the first records of the sample registry of missing children.
fn registry_names() -> Vec<String> {
    let text =
        std::fs::read_to_string(repo_root().join("corpus/registries/ua_missing_children.csv"))
            .unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = headers
        .iter()
        .position(|h| h == "ПІБ")
        .expect("a name column");
    reader
        .records()
        .take(200)
        .filter_map(|r| r.ok()?.get(column).map(str::to_string))
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect()
}

#[test]
fn routes_geojson_and_the_report_of_the_demo_case() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let out = casefile()
        .args(["demo", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("report sample-corpus --html"));

    let out = run(&dir, &["routes", "--case", "sample-corpus", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let routes = json(&out);
    let list = routes["routes"].as_array().unwrap();
    assert!(list.len() >= 10, "{} routes", list.len());
    let to_belarus = list
        .iter()
        .filter(|r| r["destination"] == "Belarus")
        .flat_map(|r| r["claims"].as_array().unwrap().clone())
        .count();
    assert!(
        to_belarus >= 5,
        "counts of children taken to Belarus: {to_belarus}"
    );
    // Several counts on one route are a range, never their sum.
    for r in list {
        let claims: Vec<u64> = r["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["number"].as_u64())
            .collect();
        let sum: u64 = claims.iter().sum();
        if let (Some(max), true) = (
            claims.iter().max(),
            r["registry"].as_array().unwrap().is_empty(),
        ) {
            assert_eq!(r["count"]["high"].as_u64(), Some(*max), "{r}");
            if claims.len() > 1 && claims.iter().filter(|n| **n > 0).count() > 1 {
                assert_ne!(r["count"]["high"].as_u64(), Some(sum), "a sum: {r}");
            }
        }
    }
    let text = run(&dir, &["routes", "--case", "sample-corpus"]);
    assert!(stdout(&text).contains("not added up"), "{}", stdout(&text));

    let geo = tmp.path().join("routes.geojson");
    let out = run(&dir, &["export", "geojson", "--out", geo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&geo).unwrap()).unwrap();
    assert_eq!(value["type"], "FeatureCollection");
    assert!(value["features"].as_array().unwrap().len() >= 10);

    let html = tmp.path().join("report.html");
    let out = run(
        &dir,
        &["report", "sample-corpus", "--html", html.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    for id in [
        "summary", "map", "routes", "timeline", "claims", "estimate", "network", "notes", "sources",
    ] {
        assert!(
            page.contains(&format!("<section id=\"{id}\"")),
            "no {id} section"
        );
    }
    // The demo case holds the three sample registries' records: the report
    // estimates how many children none of them recorded, every method
    // beside its interval, with the lists named and counted.
    let estimate = section(&page, "estimate");
    for expected in [
        "latin_web (44)",
        "ru_camp (56)",
        "ua_missing (72)",
        "log-linear, AIC average",
        "decomposable-graph averaging",
        "latent classes (LCMCR)",
        "Chao&#x27;s lower bound",
        "Linkage uncertainty",
    ] {
        assert!(estimate.contains(expected), "{expected}: {estimate}");
    }
    // Writing over the report is refused, with the path named.
    let again = run(
        &dir,
        &["report", "sample-corpus", "--html", html.to_str().unwrap()],
    );
    assert!(!again.status.success());
    assert!(stderr(&again).contains("report.html"), "{}", stderr(&again));
    let none = run(&dir, &["report", "sample-corpus"]);
    assert!(stderr(&none).contains("--html"), "{}", stderr(&none));

    let names = registry_names();
    assert!(names.len() >= 50);
    let geo_text = std::fs::read_to_string(&geo).unwrap().to_lowercase();
    let routes_text = stdout(&text).to_lowercase();
    for name in &names {
        let name = name.to_lowercase();
        assert!(
            !page.to_lowercase().contains(&name),
            "the report names a child"
        );
        assert!(!geo_text.contains(&name), "the GeoJSON names a child");
        assert!(!routes_text.contains(&name), "routes name a child");
    }
}

/// The text of `<section id="ID">` up to its end.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} section"));
    let end = page[start..]
        .find("</section>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}
