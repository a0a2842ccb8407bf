//! What a `Project` keeps between reads, beyond the store itself.

mod common;

use casefile_store::Project;

/// Sources read by id are kept by the project (a source never changes):
/// read in the order asked, unknown ids left out, the same rows after
/// other writes, and the same whether kept or read from the database.
#[test]
fn source_rows_are_kept_and_match_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::init(dir.path(), "t").unwrap();
    let (first, _, _) = common::article(1, 0);
    let (second, _, _) = common::article(2, 0);
    project
        .store_mut()
        .insert_source(&first, &[], &[], "t")
        .unwrap();
    let unknown = casefile_core::SourceId("0".repeat(64));
    let asked = [second.id.clone(), unknown.clone(), first.id.clone()];
    // Not kept yet: the second is not in the database.
    let rows = project.source_rows(&asked).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(*rows[0], project.store().source(&first.id.0).unwrap());
    project
        .store_mut()
        .insert_source(&second, &[], &[], "t")
        .unwrap();
    // The first kept, the second read now; the order is the order asked.
    let rows = project.source_rows(&asked).unwrap();
    let ids: Vec<&str> = rows.iter().map(|s| s.id.0.as_str()).collect();
    assert_eq!(ids, [second.id.0.as_str(), first.id.0.as_str()]);
    for row in &rows {
        assert_eq!(**row, project.store().source(&row.id.0).unwrap());
    }
    // A sibling shares what is kept: the very same rows.
    let sibling = project.sibling().unwrap();
    let again = sibling
        .source_rows(std::slice::from_ref(&first.id))
        .unwrap();
    assert!(std::sync::Arc::ptr_eq(&again[0], &rows[1]));
    assert!(sibling.source_rows(&[unknown]).unwrap().is_empty());
}
