//! Helpers shared by the integration tests: run the real `casefile` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn casefile() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casefile"));
    cmd.env_remove("CASEFILE_PROJECT")
        .env("CASEFILE_ACTOR", "test-runner");
    cmd
}

/// Runs `casefile --project DIR ARGS...`.
pub fn run(project: &Path, args: &[&str]) -> Output {
    casefile()
        .arg("--project")
        .arg(project)
        .args(args)
        .output()
        .expect("casefile runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            stdout(out),
            stderr(out)
        )
    })
}

/// A fresh project in a temporary directory.
pub fn new_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("project");
    let out = casefile()
        .arg("init")
        .arg(&dir)
        .output()
        .expect("init runs");
    assert!(out.status.success(), "init failed: {}", stderr(&out));
    (tmp, dir)
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared/` beside the repository. Missing: the test fails under CI, and
/// is skipped (returns None) elsewhere.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = repo_root().join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{} is missing, and CI is set: shared data is required",
            dir.display()
        );
    }
    eprintln!("skipping: {} is missing", dir.display());
    None
}

pub fn source_count(project: &Path) -> usize {
    let out = run(project, &["sources", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    json(&out).as_array().map_or(0, Vec::len)
}

/// The strings of a JSON array.
pub fn strings(array: &serde_json::Value) -> Vec<String> {
    array
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
