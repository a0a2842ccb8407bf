//! Keeps ARCHITECTURE.md true: the layering table there is the rule, and
//! this test fails when a crate's manifest depends on a casefile crate the
//! table does not allow, when a crate is missing from the table, or when a
//! module has no top doc comment.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The layering table: package name → the casefile packages it may depend on.
fn allowed_by_table() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let mut table = BTreeMap::new();
    let mut in_table = false;
    for line in text.lines() {
        if line.starts_with("| crate | path | may depend on |") {
            in_table = true;
            continue;
        }
        if in_table && !line.starts_with('|') {
            break;
        }
        if !in_table || line.starts_with("| ---") {
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let name = cells[1].trim_matches('`').to_string();
        let allowed = cells[3]
            .split(',')
            .map(|c| c.trim().trim_matches('`'))
            .filter(|c| !c.is_empty() && *c != "—")
            .map(|c| format!("casefile-{c}"))
            .collect();
        table.insert(name, allowed);
    }
    assert!(
        !table.is_empty(),
        "ARCHITECTURE.md has no table headed `| crate | path | may depend on |`"
    );
    table
}

/// Each workspace crate's package name and the casefile crates among its
/// normal dependencies.
fn manifests() -> BTreeMap<String, (PathBuf, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let manifest = dir.join("Cargo.toml");
        if !manifest.is_file() {
            continue;
        }
        let value: toml::Value = std::fs::read_to_string(&manifest).unwrap().parse().unwrap();
        let name = value["package"]["name"].as_str().unwrap().to_string();
        let deps = value
            .get("dependencies")
            .and_then(|d| d.as_table())
            .map(|t| {
                t.keys()
                    .filter(|k| k.starts_with("casefile"))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        out.insert(name, (dir, deps));
    }
    out
}

#[test]
fn every_crate_depends_only_on_what_the_layering_table_allows() {
    let table = allowed_by_table();
    let mut faults = Vec::new();
    for (name, (_, deps)) in manifests() {
        // The binary's package is `casefile`; the table names it so too.
        let Some(allowed) = table.get(&name) else {
            faults.push(format!("{name} is not in ARCHITECTURE.md's layering table"));
            continue;
        };
        for dep in deps.difference(allowed) {
            faults.push(format!(
                "{name} depends on {dep}, which the layering table does not allow"
            ));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    let mut missing = Vec::new();
    for (_, (dir, _)) in manifests() {
        let mut stack = vec![dir.join("src")];
        while let Some(path) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&path) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if !text.trim_start().starts_with("//!") {
                        missing.push(path.display().to_string());
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "modules without a top doc comment:\n{}",
        missing.join("\n")
    );
}
