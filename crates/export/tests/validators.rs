//! The receivers' own tools accept our bags: `bagit.py --validate` (the
//! Library of Congress's BagIt tool) and the `followthemoney` package for
//! every exported entity. Both come from PyPI through `.ci/export-tools.sh`,
//! into `$CASEFILE_EXPORT_VENV` or `target/export-venv` at the repository root.

mod common;

use casefile_export::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn venv() -> PathBuf {
    std::env::var_os("CASEFILE_EXPORT_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/export-venv"))
}

/// The venv's python, when it has both validators.
fn python() -> Option<PathBuf> {
    let python = venv().join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import bagit, followthemoney"])
        .output()
        .is_ok_and(|o| o.status.success());
    common::require(
        &format!("{} with bagit and followthemoney", venv().display()),
        ready,
    )
    .then_some(python)
}

fn run(python: &Path, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = Command::new(python)
        .args(args)
        .output()
        .expect("python runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn bagit_validate(python: &Path, bag: &Path) -> (bool, String) {
    // bagit.py is installed as a script; `python -m bagit` is the same tool.
    run(
        python,
        &[
            "-m".as_ref(),
            "bagit".as_ref(),
            "--validate".as_ref(),
            bag.as_os_str(),
        ],
    )
}

#[test]
fn bagit_py_validates_court_and_public_bags_and_rejects_a_changed_one() {
    let Some(python) = python() else { return };
    for profile in [Profile::Court, Profile::Public] {
        let (_tmp, out) = common::out_dir();
        write_bag(&common::bundle(), &out, profile, &generate_signing_key()).unwrap();
        let (ok, said) = bagit_validate(&python, &out);
        assert!(ok, "bagit.py rejects our {profile} bag: {said}");
        assert!(said.contains("is valid"), "{said}");

        let text = std::fs::read_dir(out.join("data/text"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        std::fs::write(text.path(), "changed").unwrap();
        let (ok, said) = bagit_validate(&python, &out);
        assert!(!ok, "bagit.py accepted a changed bag: {said}");
    }
}

#[test]
fn followthemoney_accepts_every_exported_entity() {
    let Some(python) = python() else { return };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validate_ftm.py");
    for profile in [Profile::Court, Profile::Public] {
        let (_tmp, out) = common::out_dir();
        let report = write_bag(&common::bundle(), &out, profile, &generate_signing_key()).unwrap();
        assert!(report.ftm_entities > 5);
        let ftm = out.join("data/ftm.jsonl");
        let (ok, said) = run(&python, &[script.as_os_str(), ftm.as_os_str()]);
        assert!(ok, "followthemoney rejects the {profile} export:\n{said}");
        assert!(
            said.contains(&format!("{} entities, 0 faults", report.ftm_entities)),
            "{said}"
        );
    }
}

#[test]
fn the_ftm_validator_is_not_a_rubber_stamp() {
    let Some(python) = python() else { return };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/validate_ftm.py");
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        concat!(
            r#"{"id": "p1", "schema": "Person", "properties": {"name": ["A"], "birthDate": ["not a date"]}}"#, "\n",
            r#"{"id": "p2", "schema": "Person", "properties": {"colour": ["red"]}}"#, "\n",
            r#"{"id": "d1", "schema": "Documentation", "properties": {"document": ["nowhere"], "entity": ["p1"]}}"#, "\n",
        ),
    )
    .unwrap();
    let (ok, said) = run(&python, &[script.as_os_str(), bad.as_os_str()]);
    assert!(!ok, "{said}");
    for needle in ["birthDate", "colour", "nowhere"] {
        assert!(said.contains(needle), "{needle} not reported:\n{said}");
    }
}
