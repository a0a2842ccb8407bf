//! A project made before schema version 3 (no `capture` and `pages`
//! columns), 4 (no registry appends or linkage clusters), 5 (no linkage
//! model) or 6 (no kept linkage pairs) opens, is migrated in place, and its
//! data reads as before.

mod common;

use casefile_store::{SqliteStore, Store};
use common::source;

#[test]
fn a_version_2_database_is_migrated_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let old = source(b"old bytes", "old text");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .insert_sources(&[(&old, &[][..], &[][..])], "tester")
            .unwrap();
    }
    // Back to version 2 as an older casefile left it.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "ALTER TABLE sources DROP COLUMN capture;
             ALTER TABLE sources DROP COLUMN pages;
             UPDATE meta SET value = '2' WHERE key = 'schema_version';",
        )
        .unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
    let read = store.source(&old.id.0).unwrap();
    assert_eq!(read, old);
    let version: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, "6");
    let mut new = source(b"new bytes", "new text");
    new.pages = Some(casefile_core::PageMap {
        starts: vec![0, 4],
        needs_ocr: vec![],
    });
    store
        .insert_sources(&[(&new, &[][..], &[][..])], "tester")
        .unwrap();
    assert_eq!(store.source(&new.id.0).unwrap().pages, new.pages);
}

#[test]
fn a_version_3_database_gains_the_linkage_tables_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let registry = casefile_core::RegistryInfo {
        name: "camp".into(),
        blob: casefile_core::sha256_hex(b"camp"),
        map: "id=id".into(),
        original_path: "camp.csv".into(),
        records: 3,
        row_errors: 0,
        imported_at: casefile_store::now_rfc3339(),
        imported_by: "tester".into(),
    };
    SqliteStore::open(&path)
        .unwrap()
        .add_registry(&registry, "tester")
        .unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TABLE registry_appends; DROP TABLE linkage_lineage; DROP TABLE linkage_members;
             DROP TABLE linkage_clusters; DROP TABLE linkage_runs;
             UPDATE meta SET value = '3' WHERE key = 'schema_version';",
        )
        .unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.registry("camp").unwrap(), Some(registry));
    let append = casefile_core::RegistryAppend {
        registry: "camp".into(),
        part: 0,
        blob: casefile_core::sha256_hex(b"day 2"),
        original_path: "camp-2.csv".into(),
        records: 2,
        row_errors: 0,
        added_at: casefile_store::now_rfc3339(),
        added_by: "tester".into(),
    };
    assert_eq!(store.append_registry(&append, "tester").unwrap(), 1);
    assert!(store.live_cluster_members("[]").unwrap().is_empty());
}

#[test]
fn a_version_4_database_gains_the_linkage_model_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let scope = r#"["dedupe","camp"]"#;
    let run = casefile_core::ClusterChanges {
        scope: scope.into(),
        records: 3,
        threshold: 0.5,
        ..Default::default()
    };
    SqliteStore::open(&path)
        .unwrap()
        .save_clusters(&run, "tester")
        .unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "ALTER TABLE linkage_runs DROP COLUMN model;
             UPDATE meta SET value = '4' WHERE key = 'schema_version';",
        )
        .unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.linkage_model(scope).unwrap(), None);
    let fitted = casefile_core::ClusterChanges {
        model: Some("{}".into()),
        ..run
    };
    let saved = store.save_clusters(&fitted, "tester").unwrap();
    assert_eq!(store.linkage_model(scope).unwrap().as_deref(), Some("{}"));
    assert_eq!(store.linkage_run(saved.run).unwrap().unwrap().records, 3);
}

#[test]
fn a_version_5_database_gains_kept_linkage_pairs_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let scope = r#"["dedupe","camp"]"#;
    let run = casefile_core::ClusterChanges {
        scope: scope.into(),
        records: 3,
        threshold: 0.5,
        model: Some("{}".into()),
        ..Default::default()
    };
    SqliteStore::open(&path)
        .unwrap()
        .save_clusters(&run, "tester")
        .unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TABLE linkage_pairs;
             UPDATE meta SET value = '5' WHERE key = 'schema_version';",
        )
        .unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.linkage_pairs(scope).unwrap(), None);
    assert_eq!(store.linkage_model(scope).unwrap().as_deref(), Some("{}"));
    let kept = casefile_core::ClusterChanges {
        pairs: Some(vec![7; 10]),
        ..run
    };
    store.save_clusters(&kept, "tester").unwrap();
    assert_eq!(store.linkage_pairs(scope).unwrap(), Some(vec![7; 10]));
    let version: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, "6");
}
