//! `verify` names exactly what was altered or removed.

mod common;

use common::*;
use std::fs;
use std::path::Path;

fn project_with_three_sources() -> (tempfile::TempDir, std::path::PathBuf, Vec<String>) {
    let (tmp, project) = new_project();
    let inputs = tmp.path().join("in");
    fs::create_dir_all(&inputs).unwrap();
    for (i, text) in [
        "The group of 35 children arrived in Minsk on Tuesday.",
        "Діти з Херсонщини були вивезені до Криму восени 2022 року.",
        "Более 2 тысяч детей были вывезены в Беларусь.",
    ]
    .iter()
    .enumerate()
    {
        fs::write(inputs.join(format!("{i}.txt")), text).unwrap();
    }
    let out = run(&project, &["ingest", "--quiet", inputs.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids = json(&run(&project, &["sources", "--json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    (tmp, project, ids)
}

fn verify_faults(project: &Path) -> (i32, String) {
    let out = run(project, &["verify"]);
    (out.status.code().unwrap_or(-1), stdout(&out))
}

/// A raw connection, as someone tampering with the file would open it:
/// without the foreign-key checks casefile itself runs with.
fn db(project: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(project.join("casefile.db")).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn
}

fn blob_path(project: &Path, id: &str) -> std::path::PathBuf {
    project.join("blobs/sha256").join(&id[..2]).join(id)
}

#[test]
fn an_intact_project_verifies() {
    let (_tmp, project, _) = project_with_three_sources();
    let (code, out) = verify_faults(&project);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 originals re-hashed"));
}

#[test]
fn an_altered_original_is_named() {
    let (_tmp, project, ids) = project_with_three_sources();
    let path = blob_path(&project, &ids[1]);
    let mut perms = fs::metadata(&path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(&path, perms).unwrap();
    fs::write(
        &path,
        "Діти з Херсонщини були вивезені до Криму навесні 2022 року.",
    )
    .unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(
        out.contains(&format!("blob {} was altered", ids[1])),
        "{out}"
    );
    assert!(out.contains("1 faults"), "{out}");
}

#[test]
fn a_missing_original_is_named() {
    let (_tmp, project, ids) = project_with_three_sources();
    fs::remove_file(blob_path(&project, &ids[2])).unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(
        out.contains(&format!("blob {} is missing", ids[2])),
        "{out}"
    );
}

#[test]
fn an_altered_audit_entry_is_named() {
    let (_tmp, project, _) = project_with_three_sources();
    db(&project)
        .execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2", [])
        .unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(out.contains("audit entry 2 was altered"), "{out}");
}

#[test]
fn removed_audit_entries_are_named() {
    let (_tmp, project, _) = project_with_three_sources();
    db(&project)
        .execute("DELETE FROM audit WHERE seq = 3", [])
        .unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(out.contains("audit entry 3 is missing"), "{out}");

    // The last entry: only the head recorded beside the log can tell.
    let (_tmp, project, _) = project_with_three_sources();
    let conn = db(&project);
    let last: i64 = conn
        .query_row("SELECT MAX(seq) FROM audit", [], |r| r.get(0))
        .unwrap();
    conn.execute("DELETE FROM audit WHERE seq = ?1", [last])
        .unwrap();
    let (_, out) = verify_faults(&project);
    assert!(
        out.contains(&format!("entries {last}..={last} are missing")),
        "{out}"
    );
}

#[test]
fn a_rewritten_entry_breaks_the_chain_after_it() {
    let (_tmp, project, _) = project_with_three_sources();
    let conn = db(&project);
    // Re-hash entry 2 consistently: only the link from entry 3 can tell.
    let entry: (i64, String, String, String, String, String, String) = conn
        .query_row(
            "SELECT seq, time, actor, action, objects, detail, prev_hash FROM audit WHERE seq = 2",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .unwrap();
    let record = casefile_core::AuditRecord {
        time: entry.1,
        actor: "mallory".into(),
        action: entry.3,
        objects: serde_json::from_str(&entry.4).unwrap(),
        detail: entry.5,
    };
    let forged = casefile_core::AuditEntry::chain(2, record, &entry.6);
    conn.execute(
        "UPDATE audit SET actor = 'mallory', hash = ?1 WHERE seq = 2",
        [&forged.hash],
    )
    .unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(out.contains("audit entry 3 does not link"), "{out}");
}

#[test]
fn a_removed_source_or_altered_text_is_named() {
    let (_tmp, project, ids) = project_with_three_sources();
    db(&project)
        .execute("DELETE FROM sources WHERE id = ?1", [&ids[0]])
        .unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(
        out.contains(&format!("source {} recorded by audit entry", ids[0])),
        "{out}"
    );

    let (_tmp, project, ids) = project_with_three_sources();
    db(&project)
        .execute(
            "UPDATE sources SET text = text || ' (edited)' WHERE id = ?1",
            [&ids[0]],
        )
        .unwrap();
    let (code, out) = verify_faults(&project);
    assert_ne!(code, 0);
    assert!(
        out.contains(&format!("clean text of source {} was altered", ids[0])),
        "{out}"
    );
}
