//! A public bag holds none of the children's protected values: every byte of
//! every file is searched for each value as written, lowercased, uppercased
//! and folded (no case, no accents), and for the FtM export in particular.

mod common;

use casefile_export::*;
use std::fs;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn forms(value: &str) -> Vec<String> {
    vec![
        value.to_string(),
        value.to_lowercase(),
        value.to_uppercase(),
        fold(value),
    ]
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn no_protected_value_of_a_child_is_in_any_file_of_a_public_bag() {
    let bundle = common::bundle();
    let (_tmp, out) = common::out_dir();
    let report = write_bag(&bundle, &out, Profile::Public, &generate_signing_key()).unwrap();
    let files = common::all_files(&out);
    assert!(files.len() > 10);
    for (path, bytes) in &files {
        let folded = fold(&String::from_utf8_lossy(bytes));
        for value in common::CHILD_VALUES {
            for form in forms(value) {
                assert!(
                    !contains(bytes, &form),
                    "{} holds a protected value",
                    path.display()
                );
            }
            assert!(
                !folded.contains(&fold(value)),
                "{} holds a protected value (folded)",
                path.display()
            );
        }
        // Record ids of child registries are pseudonymised too.
        assert!(
            !contains(bytes, "DV-0101") && !contains(bytes, "Z-7\""),
            "{}",
            path.display()
        );
    }
    // The NGO list names a child, the witness statement is restricted.
    assert_eq!(report.withheld_sources, 2);
    assert_eq!(report.sources, 1);
    assert!(verify_package(&out, None).is_valid());
}

#[test]
fn public_ftm_keeps_children_as_pseudonymous_persons_with_banded_ages() {
    let bundle = common::bundle();
    let (_tmp, out) = common::out_dir();
    write_bag(&bundle, &out, Profile::Public, &generate_signing_key()).unwrap();
    let ftm = fs::read_to_string(out.join("data/ftm.jsonl")).unwrap();
    let entities: Vec<serde_json::Value> = ftm
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let children: Vec<_> = entities
        .iter()
        .filter(|e| e["id"].as_str().unwrap().starts_with("child-"))
        .collect();
    assert_eq!(children.len(), 2, "{ftm}");
    for child in &children {
        assert_eq!(child["schema"], "Person");
        assert!(child["properties"].get("birthDate").is_none());
        assert!(child["properties"].get("address").is_none());
        let name = child["properties"]["name"][0].as_str().unwrap();
        assert_eq!(
            name,
            child["id"].as_str().unwrap(),
            "named by its pseudonym"
        );
    }
    let statements: Vec<serde_json::Value> =
        serde_json::from_slice(&fs::read(out.join("data/statements.json")).unwrap()).unwrap();
    let ages: Vec<&str> = statements
        .iter()
        .filter(|s| s["property"] == "age")
        .map(|s| s["value"].as_str().unwrap())
        .collect();
    assert_eq!(ages.len(), 2);
    assert!(ages.contains(&"10-14") && ages.contains(&"5-9"), "{ages:?}");
    assert!(!statements.iter().any(|s| s["property"] == "address"));
    // Pseudonyms are stable within the package: the given name appears once
    // per child, and the non-match decision points at the second child's
    // pseudonymous id.
    let non_match = statements
        .iter()
        .find(|s| s["property"] == "recordNonMatch")
        .unwrap();
    let ids: Vec<&str> = children.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&non_match["value"].as_str().unwrap()));
    assert!(ids.contains(&non_match["entity"].as_str().unwrap()));
    // Public figures stay as they are.
    assert!(ftm.contains("Maria Lvova-Belova"));
    assert!(
        !ftm.contains("Witness W-3"),
        "a statement of a restricted source was exported"
    );
}

#[test]
fn pseudonyms_differ_between_packages() {
    let bundle = common::bundle();
    let key = generate_signing_key();
    let (_a, one) = common::out_dir();
    let (_b, two) = common::out_dir();
    write_bag(&bundle, &one, Profile::Public, &key).unwrap();
    write_bag(&bundle, &two, Profile::Public, &key).unwrap();
    let read = |dir: &std::path::Path| fs::read_to_string(dir.join("data/entities.json")).unwrap();
    assert_ne!(read(&one), read(&two), "pseudonyms must not link packages");
}

#[test]
fn a_protected_value_in_a_case_description_stops_the_export() {
    let mut bundle = common::bundle();
    bundle.case.description = "About Олександра Мирошниченко".into();
    let (tmp, out) = common::out_dir();
    let err = write_bag(&bundle, &out, Profile::Public, &generate_signing_key()).unwrap_err();
    assert!(matches!(err, ExportError::PublicLeak { .. }), "{err}");
    assert!(
        !err.to_string().contains("Олександра"),
        "the error repeats the value"
    );
    assert!(!out.exists());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn ftm_alone_under_the_public_profile_holds_no_protected_value() {
    let bundle = common::bundle();
    let (_tmp, out) = common::out_dir();
    let court_file = out.with_extension("court.jsonl");
    let public_file = out.with_extension("public.jsonl");
    let court = write_ftm(&bundle, Profile::Court, &court_file).unwrap();
    let public = write_ftm(&bundle, Profile::Public, &public_file).unwrap();
    assert!(court > 5 && public > 5);
    let court_bytes = fs::read(&court_file).unwrap();
    let public_bytes = fs::read(&public_file).unwrap();
    // The court file names the children; the public one none of their values.
    assert!(common::CHILD_VALUES
        .iter()
        .any(|v| contains(&court_bytes, v)));
    for value in common::CHILD_VALUES {
        for form in forms(value) {
            assert!(!contains(&public_bytes, &form), "public FtM holds {form:?}");
        }
    }
    // Never written over an existing file.
    let again = write_ftm(&bundle, Profile::Court, &court_file).unwrap_err();
    assert!(again.to_string().contains("already exists"), "{again}");
    assert_eq!(fs::read(&court_file).unwrap(), court_bytes);
}
