//! Extraction through the binary: the `extract` JSON contract, statements with
//! spans stored at ingest, entities resolved across sources, reversible
//! merges and splits, and child-count claims grouped across sources.

mod common;

use common::*;
use std::collections::BTreeSet;

fn seeds_project() -> Option<(tempfile::TempDir, std::path::PathBuf, std::path::PathBuf)> {
    let shared = shared_dir()?;
    let (tmp, project) = new_project();
    let seeds = shared.join("seeds");
    let out = run(&project, &["ingest", "--quiet", seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    Some((tmp, project, seeds))
}

#[test]
fn extract_json_follows_the_contract_and_offsets_index_the_shown_text() {
    let Some((_tmp, project, seeds)) = seeds_project() else {
        return;
    };
    for entry in std::fs::read_dir(&seeds).unwrap().flatten() {
        let path = entry.path();
        let out = casefile()
            .args(["extract", "--json"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let x = json(&out);
        for key in [
            "language",
            "published",
            "persons",
            "organizations",
            "places",
            "count_claims",
            "events",
        ] {
            assert!(x.get(key).is_some(), "{key} missing for {}", path.display());
        }
        // The same bytes are stored in the project: offsets index its `show` text.
        let sha = casefile_core::sha256_hex(&std::fs::read(&path).unwrap());
        let shown = json(&run(&project, &["show", &sha, "--json"]));
        let text = shown["text"].as_str().unwrap();
        let mut spans = Vec::new();
        for group in ["persons", "organizations", "places"] {
            for item in x[group].as_array().unwrap() {
                spans.extend(item["mentions"].as_array().unwrap().iter().cloned());
            }
        }
        spans.extend(x["count_claims"].as_array().unwrap().iter().cloned());
        spans.extend(x["events"].as_array().unwrap().iter().cloned());
        assert!(!spans.is_empty());
        for s in spans {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        }
    }
}

#[test]
fn seed_counts_are_found_with_qualifiers_and_ages() {
    let Some(shared) = shared_dir() else { return };
    let seed = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("001_"))
        .unwrap()
        .path();
    let x = json(
        &casefile()
            .args(["extract", "--json"])
            .arg(&seed)
            .output()
            .unwrap(),
    );
    let claims = x["count_claims"].as_array().unwrap();
    let find = |n: u64| claims.iter().find(|c| c["number"] == n);
    let nam = find(2100).expect("the 2,100 claim");
    assert_eq!(nam["qualifier"], "at_least");
    let yale = find(2400).expect("the 2,400 claim");
    assert_eq!(yale["qualifier"], "more_than");
    assert_eq!(
        (yale["age_min"].as_u64(), yale["age_max"].as_u64()),
        (Some(6), Some(17))
    );
    assert_eq!(x["published"], "2024-01-04");
}

fn person_ids(project: &std::path::Path) -> Vec<serde_json::Value> {
    json(&run(project, &["entities", "--kind", "person", "--json"]))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn persons_resolve_across_sources_and_judgements_are_reversible() {
    let Some((_tmp, project, _)) = seeds_project() else {
        return;
    };
    let persons = person_ids(&project);
    let by_name = |needle: &str| {
        persons
            .iter()
            .find(|p| {
                p["variants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|v| v.as_str().unwrap().contains(needle))
            })
            .unwrap_or_else(|| panic!("no person with a variant {needle}: {persons:#?}"))
            .clone()
    };
    let lukashenko = by_name("Lukashenko");
    let variants = strings(&lukashenko["variants"]);
    assert!(
        variants.iter().any(|v| v.contains("Lukashenka")),
        "{variants:?}"
    );
    assert!(lukashenko["sources"].as_array().unwrap().len() >= 4);
    let talai = by_name("Talai");
    assert_ne!(lukashenko["id"], talai["id"], "Lukashenko is not Talai");
    let latushka = by_name("Latushk");
    let lat_variants = strings(&latushka["variants"]);
    assert!(
        lat_variants.iter().any(|v| v.contains("Latushka"))
            && lat_variants.iter().any(|v| v.contains("Latushko")),
        "{lat_variants:?}"
    );

    // A (wrong, for the test) merge, then the split that undoes it.
    let before = persons.len();
    let (a, b) = (
        lukashenko["id"].as_str().unwrap(),
        talai["id"].as_str().unwrap(),
    );
    let out = run(&project, &["merge", a, b, "--reason", "test merge"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(person_ids(&project).len(), before - 1);
    let merged = json(&run(&project, &["entity", a, "--json"]));
    let members = strings(&merged["entity"]["members"]);
    let talai_members = strings(&talai["members"]);
    assert!(talai_members.iter().all(|m| members.contains(m)));

    let mut args = vec!["split", a];
    args.extend(talai_members.iter().map(String::as_str));
    args.extend(["--reason", "different people"]);
    let out = run(&project, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(person_ids(&project).len(), before);

    let log = stdout(&run(&project, &["log"]));
    assert!(log.contains("entity.merge") && log.contains("test merge"));
    assert!(log.contains("entity.split") && log.contains("different people"));
    assert!(run(&project, &["verify"]).status.success());
}

#[test]
fn repeated_claims_are_one_row_and_different_scopes_stay_apart() {
    let Some((_tmp, project, _)) = seeds_project() else {
        return;
    };
    let rows = json(&run(
        &project,
        &["claims", "--kind", "child-count", "--json"],
    ));
    let rows = rows.as_array().unwrap();
    let row = |n: u64| {
        rows.iter()
            .find(|r| r["number"] == n)
            .unwrap_or_else(|| panic!("no {n} row: {rows:#?}"))
    };
    // The 2,100 figure: one claim repeated by several outlets, plus other
    // sources giving the same number on someone else's word. The rows of
    // one number sit together; the most repeated comes first and holds
    // more than one source; the others say what sets them apart.
    let nam = row(2100);
    let sources: BTreeSet<&str> = nam["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source"].as_str().unwrap())
        .collect();
    assert!(
        sources.len() >= 2,
        "2,100 is repeated by several sources: {nam:#}"
    );
    let all: Vec<&serde_json::Value> = rows.iter().filter(|r| r["number"] == 2100).collect();
    let together: usize = all
        .iter()
        .map(|r| r["sources"].as_array().unwrap().len())
        .sum();
    assert!(together >= 3, "{all:#?}");
    let first = rows.iter().position(|r| r["number"] == 2100).unwrap();
    assert!(rows[first..first + all.len()]
        .iter()
        .all(|r| r["number"] == 2100));
    for r in &all[1..] {
        let apart = r["ambiguous"] == true || !r["differs"].as_array().unwrap().is_empty();
        assert!(apart, "{r:#}");
    }
    for n in [48, 2400, 19500] {
        assert_eq!(row(n)["sources"].as_array().unwrap().len(), 1, "{n}");
    }
    assert_eq!(row(2400)["age_min"], 6);
}
