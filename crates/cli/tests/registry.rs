//! Child registries through the binary: import with Cyrillic column names,
//! link across scripts against the corpus truth, review decisions that feed
//! back, and no child's name in link output or the audit log.

mod common;

use common::*;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const UA_MAP: &str = "id=Номер запису,full_name=ПІБ,birth_date=Дата народження,sex=Стать,last_place=Останнє місце перебування";
const RU_MAP: &str = "id=ID,surname=Фамилия,given=Имя,patronymic=Отчество,age=Возраст,age_at=Дата списка,sex=Пол,birthplace=Откуда прибыл";

fn registries() -> std::path::PathBuf {
    repo_root().join("corpus/registries")
}

/// `registry import NAME PATH --map MAP`, whatever its outcome.
fn try_import(project: &Path, name: &str, path: &Path, map: &str) -> std::process::Output {
    run(
        project,
        &[
            "registry",
            "import",
            name,
            path.to_str().unwrap(),
            "--map",
            map,
        ],
    )
}

/// Imports a corpus registry, which must succeed.
fn import(project: &Path, name: &str, file: &str, map: &str) {
    let out = try_import(project, name, &registries().join(file), map);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Truth pairs (ua record, ru record) from TRUTH.csv.
fn truth_pairs() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(registries().join("TRUTH.csv")).unwrap();
    let mut by_child: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let entry = by_child.entry(cols[0].to_string()).or_default();
        match cols[1] {
            "ua_missing" => entry.0.push(cols[2].to_string()),
            "ru_camp" => entry.1.push(cols[2].to_string()),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for (ua, ru) in by_child.values() {
        for a in ua {
            for b in ru {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

fn linked(project: &Path) -> (BTreeSet<(String, String)>, serde_json::Value) {
    let out = run(project, &["link", "ua", "ru", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    (matched_pairs(&v), v)
}

/// The (left, right) record ids of the matched pairs in `link --json` output.
fn matched_pairs(output: &serde_json::Value) -> BTreeSet<(String, String)> {
    output["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["left"].as_str().unwrap().to_string(),
                p["right"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn cross_script_registries_link_with_reasons_and_decisions_feed_back() {
    let (_tmp, project) = new_project();
    import(&project, "ua", "ua_missing_children.csv", UA_MAP);
    import(&project, "ru", "ru_camp_list.csv", RU_MAP);
    let truth = truth_pairs();
    assert!(truth.len() >= 20, "the corpus has overlap to find");
    let (found, raw) = linked(&project);
    // One pair a line, so that line tools can read a million of them.
    let text = String::from_utf8(run(&project, &["link", "ua", "ru", "--json"]).stdout).unwrap();
    let pair_lines = text.lines().filter(|l| l.starts_with("{\"left\":")).count();
    assert_eq!(pair_lines, raw["pairs"].as_array().unwrap().len());
    let correct = found.intersection(&truth).count() as f64;
    let (precision, recall) = (correct / found.len() as f64, correct / truth.len() as f64);
    let f1 = 2.0 * precision * recall / (precision + recall);
    eprintln!("corpus ua↔ru: precision {precision:.3} recall {recall:.3} F1 {f1:.3}");
    assert!(f1 >= 0.85, "F1 {f1:.3} (P {precision:.3}, R {recall:.3})");
    for p in raw["pairs"].as_array().unwrap() {
        let prob = p["probability"].as_f64().unwrap();
        assert!((0.5..=1.0).contains(&prob) || p["decision"] == "accepted");
        assert!(
            !p["fields"].as_array().unwrap().is_empty(),
            "every pair explains itself"
        );
    }

    // Privacy: link output names records by id only; the log holds no names.
    let ua_csv = std::fs::read_to_string(registries().join("ua_missing_children.csv")).unwrap();
    let some_name = ua_csv.lines().nth(1).unwrap().split(',').nth(1).unwrap();
    let surname = some_name.split_whitespace().next().unwrap();
    let text = raw.to_string();
    assert!(
        !text.contains(surname),
        "link output leaks a child's surname"
    );
    let log = stdout(&run(&project, &["log"]));
    assert!(!log.contains(surname), "audit log leaks a child's surname");
    assert!(
        log.contains("registry.read"),
        "reading children's records is audited"
    );

    // Reject a matched pair and accept a missed or uncertain one: the next run obeys.
    let wrong = found.iter().next().unwrap().clone();
    let out = run(
        &project,
        &[
            "review", "ua", "ru", "--reject", &wrong.0, &wrong.1, "--reason", "test",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let missed = truth.difference(&found).next().cloned();
    if let Some(missed) = &missed {
        let out = run(
            &project,
            &["review", "ua", "ru", "--accept", &missed.0, &missed.1],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let (after, _) = linked(&project);
    assert!(
        !after.contains(&wrong),
        "a rejected pair is no longer a match"
    );
    if let Some(missed) = missed {
        assert!(after.contains(&missed), "an accepted pair is a match");
    }
    let out = run(
        &project,
        &["review", "ua", "ru", "--accept", "DV-none", &wrong.1],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("has no record"));
    assert!(run(&project, &["verify"]).status.success());
}

#[test]
fn bad_maps_and_unknown_registries_are_clear_errors() {
    let (_tmp, project) = new_project();
    let path = registries().join("ru_camp_list.csv");
    // No id column; a column that is not in the header.
    for (map, expected) in [("given=Имя", "id="), ("id=ID,surname=Нет", "Нет")] {
        let out = try_import(&project, "ru", &path, map);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }
    let out = run(&project, &["dedupe", "nothing"]);
    assert!(stderr(&out).contains("no registry named"));
    // Over the registry size limit: refused with the setting to change.
    let config = project.join("casefile.toml");
    let settings = std::fs::read_to_string(&config).unwrap();
    assert!(
        settings.contains("max_registry_size = 1073741824"),
        "{settings}"
    );
    std::fs::write(
        &config,
        settings.replace("max_registry_size = 1073741824", "max_registry_size = 100"),
    )
    .unwrap();
    let out = try_import(&project, "ru", &path, RU_MAP);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("max_registry_size"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        json(&run(&project, &["registry", "list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn febrl4_links_through_the_cli_with_only_a_column_map() {
    let Some(shared) = shared_dir() else { return };
    let (_tmp, project) = new_project();
    let map = "id=rec_id,given=given_name,surname=surname,birth_date=date_of_birth,\
               extra.street_number=street_number,extra.address_1=address_1,\
               extra.address_2=address_2,extra.suburb=suburb,extra.postcode=postcode,\
               extra.state=state,extra.soc_sec_id=soc_sec_id";
    for (name, file) in [("a", "dataset4a.csv"), ("b", "dataset4b.csv")] {
        let path = shared.join("data/febrl4").join(file);
        let out = try_import(&project, name, &path, map);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = run(&project, &["link", "a", "b", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pairs = json(&out)["pairs"].as_array().unwrap().clone();
    // Truth: rec-N-org ↔ rec-N-dup-0 (read only to score).
    let number = |id: &str| id.split('-').nth(1).map(str::to_string);
    let correct = pairs
        .iter()
        .filter(|p| number(p["left"].as_str().unwrap()) == number(p["right"].as_str().unwrap()))
        .count() as f64;
    let (precision, recall) = (correct / pairs.len() as f64, correct / 5000.0);
    let f1 = 2.0 * precision * recall / (precision + recall);
    // At least Splink 5's F1 in crates/link/bench/compare_peers.sh (0.9994).
    assert!(
        f1 >= 0.9994,
        "FEBRL4 F1 {f1:.4} (P {precision:.4}, R {recall:.4})"
    );
}

/// Lists exported from office software come in Windows-1251 with semicolons;
/// they must give the same records and links as the UTF-8 original. The CSV
/// of pairs carries one column per field and no child's name.
#[test]
fn a_windows_1251_registry_links_like_its_utf8_original_and_csv_output_has_no_names() {
    let (tmp, project) = new_project();
    import(&project, "ua", "ua_missing_children.csv", UA_MAP);
    import(&project, "ru", "ru_camp_list.csv", RU_MAP);
    let original = std::fs::read_to_string(registries().join("ru_camp_list.csv")).unwrap();
    let semicolons = original.replace(',', ";");
    let (legacy, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&semicolons);
    assert!(!unmappable);
    let legacy_path = tmp.path().join("ru_camp_list_cp1251.csv");
    std::fs::write(&legacy_path, &legacy).unwrap();
    let out = try_import(&project, "ru1251", &legacy_path, RU_MAP);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("windows-1251"), "{}", stdout(&out));
    let list = json(&run(&project, &["registry", "list", "--json"]));
    let records = |name: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap()["records"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(records("ru1251"), records("ru"));
    assert_eq!(
        list.as_array()
            .unwrap()
            .iter()
            .map(|r| r["row_errors"].as_u64().unwrap())
            .sum::<u64>(),
        0
    );

    let (utf8_pairs, _) = linked(&project);
    let csv_path = tmp.path().join("pairs.csv");
    let out = run(
        &project,
        &[
            "link",
            "ua",
            "ru1251",
            "--json",
            "--csv",
            csv_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let legacy_pairs = matched_pairs(&json(&out));
    assert_eq!(legacy_pairs, utf8_pairs);

    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(
        &header[..5],
        ["left", "right", "probability", "match_weight", "decision"]
    );
    assert!(header.iter().any(|h| h.ends_with("_level")), "{header:?}");
    assert!(
        csv.lines().count() > legacy_pairs.len(),
        "every reported pair is a row"
    );
    let first_data_row = original.lines().nth(1).unwrap();
    let surname = first_data_row.split(',').nth(2).unwrap();
    assert!(
        !csv.contains(surname),
        "the pairs CSV leaks a child's surname"
    );
}

#[test]
fn appends_keep_cluster_ids_and_history_tells_where_a_cluster_came_from() {
    let (tmp, project) = new_project();
    import(&project, "ua", "ua_missing_children.csv", UA_MAP);
    // The camp list arrives in two halves.
    let ru = std::fs::read_to_string(registries().join("ru_camp_list.csv")).unwrap();
    let mut lines = ru.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let (first, second) = rows.split_at(rows.len() / 2);
    let half = |name: &str, rows: &[&str]| {
        let path = tmp.path().join(name);
        std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
        path
    };
    let (first, second) = (half("ru1.csv", first), half("ru2.csv", second));
    let out = try_import(&project, "ru", &first, RU_MAP);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = json(&run(&project, &["link", "ua", "ru", "--json"]));
    let ids_before: Vec<i64> = before["run"]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(
        ids_before.len(),
        before["clusters"].as_array().unwrap().len()
    );
    assert!(!ids_before.is_empty());

    let out = run(
        &project,
        &["registry", "append", "ru", second.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(part 1)"), "{}", stdout(&out));
    // The same file again: every row's id is there already; nothing is added.
    let again = run(
        &project,
        &["registry", "append", "ru", second.to_str().unwrap()],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("no record to append"),
        "{}",
        stderr(&again)
    );

    let model = tmp.path().join("model.json");
    let after = json(&run(
        &project,
        &[
            "link",
            "ua",
            "ru",
            "--json",
            "--save-model",
            model.to_str().unwrap(),
        ],
    ));
    // The run after the append scored with the model the first run kept.
    assert_eq!(after["run"]["model_fitted"], false, "{}", after["run"]);
    assert_eq!(after["stats"]["frozen_model"], true);
    let clusters = |v: &serde_json::Value| -> HashMap<i64, BTreeSet<String>> {
        v["run"]["ids"]
            .as_array()
            .unwrap()
            .iter()
            .zip(v["clusters"].as_array().unwrap())
            .map(|(id, c)| {
                let members = c.as_array().unwrap().iter();
                (
                    id.as_i64().unwrap(),
                    members.map(|m| m.as_str().unwrap().to_string()).collect(),
                )
            })
            .collect()
    };
    let (old, new) = (clusters(&before), clusters(&after));
    // A cluster with the same members keeps its id.
    let unchanged: Vec<&i64> = old
        .iter()
        .filter(|(_, m)| new.values().any(|n| n == *m))
        .map(|(id, _)| id)
        .collect();
    assert!(!unchanged.is_empty());
    for id in &unchanged {
        assert_eq!(new.get(id), old.get(id));
    }
    // The same clusters as linking the whole list at once with that model.
    let (_full_tmp, full) = new_project();
    import(&full, "ua", "ua_missing_children.csv", UA_MAP);
    import(&full, "ru", "ru_camp_list.csv", RU_MAP);
    let whole = json(&run(
        &full,
        &[
            "link",
            "ua",
            "ru",
            "--json",
            "--model",
            model.to_str().unwrap(),
        ],
    ));
    assert_eq!(whole["stats"]["frozen_model"], true);
    let sets = |c: HashMap<i64, BTreeSet<String>>| c.into_values().collect::<BTreeSet<_>>();
    assert_eq!(sets(clusters(&after)), sets(clusters(&whole)));

    let id = unchanged[0].to_string();
    let out = run(&project, &["cluster", "history", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("cluster {id} of [\"link\",\"ua\",\"ru\"]")),
        "{text}"
    );
    assert!(
        text.contains("from records in no cluster") && text.contains("live"),
        "{text}"
    );
    let out = run(&project, &["cluster", "history", "999999"]);
    assert!(!out.status.success());
    let log = stdout(&run(&project, &["log"]));
    assert!(
        log.contains("registry.append") && log.contains("linkage.run"),
        "{log}"
    );
}
