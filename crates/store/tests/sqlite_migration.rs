//! A project made before schema version 3 (no `capture` and `pages`
//! columns) opens, is migrated in place, and its sources read as before.

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
    assert_eq!(version, "3");
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
