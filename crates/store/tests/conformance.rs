//! One test suite for every [`Store`] backend: each case is a function over a
//! fresh backend, run once on SQLite (module `sqlite`) and once on PostgreSQL
//! (module `postgres`, in a schema of its own that is dropped afterwards).
//!
//! PostgreSQL is at `DATABASE_URL` (default the local test database); when it
//! is unreachable the `postgres` cases fail under `CI` and are skipped
//! otherwise. `cargo test -p casefile-store --test conformance sqlite::` runs
//! one backend.

mod common;

use casefile_core::{
    verify_chain, AuditRecord, CaseItem, ChainFault, EntityId, EntityKind, Origin, SourceKind,
    Statement, StatementFilter, StatementId, Status,
};
use casefile_store::testing::PgTestSchema;
use casefile_store::{audit_record, AuditQuery, Inserted, SqliteStore, Store, StoreError};
use common::{article, entity, source, source_with_id, statement};

/// A fresh store and a way to run SQL on its tables behind its back (as
/// someone with access to the database could).
struct Backend {
    store: Box<dyn Store>,
    raw_sql: Box<dyn Fn(&str)>,
    _keep: Box<dyn std::any::Any>,
}

impl Backend {
    fn tamper(&self, sql: &str) {
        (self.raw_sql)(sql)
    }
}

fn sqlite_backend() -> Backend {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casefile.db");
    let store = SqliteStore::open(&path).unwrap();
    Backend {
        store: Box::new(store),
        raw_sql: Box::new(move |sql| {
            rusqlite::Connection::open(&path)
                .unwrap()
                .execute_batch(sql)
                .unwrap()
        }),
        _keep: Box::new(dir),
    }
}

fn pg_backend() -> Option<Backend> {
    let schema = PgTestSchema::create()?;
    let store = schema.store();
    let schema = std::rc::Rc::new(schema);
    let for_sql = schema.clone();
    Some(Backend {
        store: Box::new(store),
        raw_sql: Box::new(move |sql| for_sql.execute(sql)),
        _keep: Box::new(schema),
    })
}

macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $case() { super::$case(&mut super::sqlite_backend()); } )*
        }
        mod postgres {
            $( #[test] fn $case() {
                let Some(mut backend) = super::pg_backend() else { return };
                super::$case(&mut backend);
            } )*
        }
    };
}

conformance!(
    sources_insert_once_and_are_found_by_prefix,
    captures_and_page_maps_round_trip,
    an_ambiguous_prefix_is_refused,
    a_failing_batch_leaves_nothing,
    duplicates_in_one_batch_are_stored_once,
    entities_are_created_updated_and_filtered,
    statements_round_trip_and_filter,
    statement_ids_increase_across_calls,
    status_changes_are_audited,
    registries_are_recorded_once,
    appends_are_numbered_per_registry_and_audited,
    clusters_keep_ids_grow_and_record_lineage,
    a_run_touching_a_cluster_that_is_not_live_writes_nothing,
    cases_hold_sources,
    case_items_of_every_kind_are_added_removed_and_audited,
    the_audit_chain_verifies_and_names_tampering,
    audit_pages_go_back_and_filter,
    sources_are_counted_by_language_and_kind,
    the_head_is_not_reused_after_a_tail_removal,
    index_flags_follow_marks,
    nul_characters_are_refused_everywhere,
    errors_carry_no_document_text_or_values,
    a_judgement_is_one_transaction,
    statements_about_several_entities_come_in_one_list,
    statements_about_come_a_page_at_a_time,
    sources_by_id_gives_the_stored_ones,
    statements_are_counted_by_status,
);

fn actions(store: &dyn Store) -> Vec<String> {
    store
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.record.action)
        .collect()
}

fn sources_insert_once_and_are_found_by_prefix(b: &mut Backend) {
    let store = b.store.as_mut();
    let s = source(b"bytes one", "Діти з Лисичанська were moved.");
    assert_eq!(
        store.insert_source(&s, &[], &[], "tester").unwrap(),
        Inserted::New
    );
    assert_eq!(
        store.insert_source(&s, &[], &[], "tester").unwrap(),
        Inserted::AlreadyPresent
    );
    assert!(store.has_source(&s.id).unwrap());
    assert!(!store.has_source(&source(b"other", "x").id).unwrap());
    assert_eq!(store.source(&s.id.0[..6]).unwrap(), s);
    assert_eq!(store.source(&s.id.0.to_uppercase()).unwrap(), s);
    assert!(matches!(
        store.source("zzzz"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(matches!(
        store.source("abc"),
        Err(StoreError::Invalid { .. })
    ));
    let absent = if s.id.0.starts_with("0000") {
        "ffff"
    } else {
        "0000"
    };
    assert!(matches!(
        store.source(absent),
        Err(StoreError::NotFound { .. })
    ));

    let later = source(b"bytes two", "Second.");
    store.insert_source(&later, &[], &[], "tester").unwrap();
    let summaries = store.sources().unwrap();
    assert_eq!(summaries.len(), 2);
    let first = summaries.iter().find(|x| x.id == s.id).unwrap();
    assert_eq!(first.text_len, s.text.len(), "length in bytes");
    assert_eq!(first.meta, s.meta);
    assert_eq!(first.size, s.custody.size);
    assert_eq!(actions(store), ["source.ingest", "source.ingest"]);
}

fn captures_and_page_maps_round_trip(b: &mut Backend) {
    let mut page = source(b"<html>captured</html>", "captured page");
    page.media_type = casefile_core::MediaType::Html;
    page.custody.capture = Some(casefile_core::WebCapture {
        warc_sha256: "ab".repeat(32),
        record_id: "<urn:uuid:0b7e4f1c-0000-4000-8000-000000000001>".into(),
        target_uri: "http://127.0.0.1:8000/a?q=1".into(),
        warc_date: "2024-01-05T10:00:00Z".into(),
        payload_digest: Some("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ".into()),
        http_status: 200,
        content_type: "text/html".into(),
        record_offset: 1234,
        compressed_offset: Some(567),
    });
    let mut pdf = source(b"%PDF-1.7 report", "page one\n\npage two");
    pdf.media_type = casefile_core::MediaType::Pdf;
    pdf.pages = Some(casefile_core::PageMap {
        starts: vec![0, 10],
        needs_ocr: vec![3],
    });
    let plain = source(b"plain", "plain text");
    let batch = [
        (&page, &[][..], &[][..]),
        (&pdf, &[][..], &[][..]),
        (&plain, &[][..], &[][..]),
    ];
    b.store.insert_sources(&batch, "tester").unwrap();
    for expected in [&page, &pdf, &plain] {
        let got = b.store.source(&expected.id.0).unwrap();
        assert_eq!(got.custody.capture, expected.custody.capture);
        assert_eq!(got.pages, expected.pages);
        assert_eq!(got.media_type, expected.media_type);
    }
    let entries = b.store.audit_entries().unwrap();
    let detail = &entries[0].record.detail;
    assert!(detail.contains("warc_record_id"), "{detail}");
    assert!(
        !detail.contains("127.0.0.1"),
        "no URI in the audit log: {detail}"
    );
}

fn an_ambiguous_prefix_is_refused(b: &mut Backend) {
    let store = b.store.as_mut();
    let one = source_with_id(&format!("abcd1{}", "0".repeat(59)), 1, "one");
    let two = source_with_id(&format!("abcd2{}", "0".repeat(59)), 1, "two");
    store.insert_source(&one, &[], &[], "t").unwrap();
    store.insert_source(&two, &[], &[], "t").unwrap();
    match store.source("abcd") {
        Err(StoreError::Ambiguous { count, .. }) => assert_eq!(count, 2),
        other => panic!("expected ambiguity, got {other:?}"),
    }
    assert_eq!(store.source("abcd2").unwrap().text, "two");
}

fn a_failing_batch_leaves_nothing(b: &mut Backend) {
    let store = b.store.as_mut();
    let (s1, e1, st1) = article(1, 3);
    let (s2, e2, st2) = article(2, 3);
    let (s3, _, _) = article(3, 0);
    // The third source's statement is about an entity that does not exist:
    // the database refuses it only after the first two were written.
    let ghost = entity("ghost", EntityKind::Person, "nobody");
    let orphan = [statement(&ghost, "name", "x", Some(&s3), None)];
    let batch = [
        (&s1, &e1[..], &st1[..]),
        (&s2, &e2[..], &st2[..]),
        (&s3, &[][..], &orphan[..]),
    ];
    assert!(store.insert_sources(&batch, "t").is_err());
    assert!(store.sources().unwrap().is_empty());
    assert!(store.entities(None).unwrap().is_empty());
    assert_eq!(store.statement_count().unwrap(), 0);
    assert!(store.audit_entries().unwrap().is_empty());
    assert_eq!(store.audit_head().unwrap(), 0);

    // Refused before any write: a confidence outside [0, 1].
    let mut bad = st2.clone();
    bad[0].confidence = 1.5;
    let batch = [(&s1, &e1[..], &st1[..]), (&s2, &e2[..], &bad[..])];
    assert!(matches!(
        store.insert_sources(&batch, "t"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(store.sources().unwrap().is_empty());

    // The same batch without the fault stores everything.
    let batch = [(&s1, &e1[..], &st1[..]), (&s2, &e2[..], &st2[..])];
    assert_eq!(
        store.insert_sources(&batch, "t").unwrap(),
        [Inserted::New, Inserted::New]
    );
    assert_eq!(store.statement_count().unwrap(), 6);
    assert_eq!(
        actions(store),
        [
            "source.ingest",
            "statement.add",
            "source.ingest",
            "statement.add"
        ]
    );
}

fn duplicates_in_one_batch_are_stored_once(b: &mut Backend) {
    let store = b.store.as_mut();
    let (s, e, st) = article(7, 2);
    let batch = [(&s, &e[..], &st[..]), (&s, &e[..], &st[..])];
    assert_eq!(
        store.insert_sources(&batch, "t").unwrap(),
        [Inserted::New, Inserted::AlreadyPresent]
    );
    assert_eq!(store.statement_count().unwrap(), 2);
    assert_eq!(store.entities(None).unwrap(), e);

    // One already stored before, two new around it: only those are written,
    // each with its entries in batch order.
    let (s8, e8, st8) = article(8, 1);
    let (s9, e9, st9) = article(9, 3);
    let batch = [
        (&s8, &e8[..], &st8[..]),
        (&s, &e[..], &st[..]),
        (&s9, &e9[..], &st9[..]),
    ];
    assert_eq!(
        store.insert_sources(&batch, "t").unwrap(),
        [Inserted::New, Inserted::AlreadyPresent, Inserted::New]
    );
    assert_eq!(store.statement_count().unwrap(), 6);
    assert_eq!(
        actions(store)[2..],
        [
            "source.ingest",
            "statement.add",
            "source.ingest",
            "statement.add"
        ]
    );
    let about_9 = store
        .statements(&StatementFilter {
            source: Some(s9.id.clone()),
            ..Default::default()
        })
        .unwrap();
    let about_8 = store
        .statements(&StatementFilter {
            source: Some(s8.id.clone()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((about_8.len(), about_9.len()), (1, 3));
    assert!(about_8[0].id < about_9[0].id, "ids follow the batch order");
    let log = store.audit_entries().unwrap();
    assert!(verify_chain(&log, store.audit_head().unwrap()).is_empty());
}

fn entities_are_created_updated_and_filtered(b: &mut Backend) {
    let store = b.store.as_mut();
    let person = entity("person-a", EntityKind::Person, "Maria Lvova-Belova");
    let place = entity("place-a", EntityKind::Place, "Lysychansk");
    store.put_entity(&person, "t").unwrap();
    store.put_entity(&place, "t").unwrap();
    store.put_entity(&person, "t").unwrap(); // unchanged: nothing logged
    let renamed = entity(
        "person-a",
        EntityKind::Person,
        "Maria Lvova-Belova (ombudsman)",
    );
    store.put_entity(&renamed, "t").unwrap();
    assert_eq!(
        actions(store),
        ["entity.create", "entity.create", "entity.update"]
    );
    assert_eq!(store.entity(&person.id).unwrap(), Some(renamed.clone()));
    assert_eq!(
        store
            .entity(&casefile_core::EntityId("nobody".into()))
            .unwrap(),
        None
    );
    assert_eq!(
        store.entities(None).unwrap(),
        [renamed.clone(), place.clone()]
    );
    assert_eq!(store.entities(Some(EntityKind::Place)).unwrap(), [place]);
    assert!(store.entities(Some(EntityKind::Child)).unwrap().is_empty());
    // The caption is not in the log.
    let log = serde_json::to_string(&store.audit_entries().unwrap()).unwrap();
    assert!(!log.contains("Lvova"), "{log}");
}

fn statements_round_trip_and_filter(b: &mut Backend) {
    let store = b.store.as_mut();
    let s = source(b"s", "Lukashenko met Putin in Minsk.");
    let lukashenko = entity("p-luk", EntityKind::Person, "Lukashenko");
    let minsk = entity("pl-minsk", EntityKind::Place, "Minsk");
    store
        .insert_source(&s, &[lukashenko.clone(), minsk.clone()], &[], "t")
        .unwrap();
    let mut human = statement(&lukashenko, "position", "President", None, None);
    human.origin = Origin::Human;
    human.confidence = 1.0;
    let given = [
        statement(&lukashenko, "name", "Lukashenko", Some(&s), Some((0, 10))),
        statement(&minsk, "name", "Minsk", Some(&s), Some((24, 29))),
        human,
    ];
    let ids = store.add_statements(&given, "t").unwrap();
    assert_eq!(ids.len(), 3);
    assert!(ids.windows(2).all(|w| w[0].0 < w[1].0), "{ids:?}");
    assert_eq!(store.statement_count().unwrap(), 3);

    let back = store.statement(ids[1]).unwrap().unwrap();
    assert_eq!(back.id, Some(ids[1]));
    assert_eq!(back.span.as_ref().unwrap().quote, "Minsk");
    assert_eq!(back.confidence, 0.9);
    let mut expected = given[1].clone();
    expected.id = Some(ids[1]);
    assert_eq!(back, expected);
    assert_eq!(store.statement(StatementId(ids[2].0 + 100)).unwrap(), None);

    let count = |filter: StatementFilter| store.statements(&filter).unwrap().len();
    assert_eq!(count(StatementFilter::default()), 3);
    assert_eq!(
        count(StatementFilter {
            entity: Some(lukashenko.id.clone()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(StatementFilter {
            source: Some(s.id.clone()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(StatementFilter {
            property: Some("name".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(StatementFilter {
            origin: Some(Origin::Human),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(StatementFilter {
            entity_kind: Some(EntityKind::Place),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(StatementFilter {
            status: Some(Status::Confirmed),
            ..Default::default()
        }),
        0
    );
    let all = store.statements(&StatementFilter::default()).unwrap();
    let listed: Vec<_> = all.iter().map(|s| s.id.unwrap()).collect();
    assert_eq!(listed, ids, "in id order");
}

fn statement_ids_increase_across_calls(b: &mut Backend) {
    let store = b.store.as_mut();
    let person = entity("p", EntityKind::Person, "P");
    store.put_entity(&person, "t").unwrap();
    let mut last = 0;
    for round in 0..3 {
        let batch: Vec<_> = (0..round + 2)
            .map(|i| statement(&person, "note", &format!("{round}-{i}"), None, None))
            .collect();
        let ids = store.add_statements(&batch, "t").unwrap();
        assert_eq!(ids.len(), batch.len());
        for id in ids {
            assert!(id.0 > last, "{} after {last}", id.0);
            last = id.0;
        }
    }
    assert!(store.add_statements(&[], "t").unwrap().is_empty());
    let log = store.audit_entries().unwrap();
    // One entry per non-empty call, naming its range.
    assert_eq!(
        log.iter()
            .filter(|e| e.record.action == "statement.add")
            .count(),
        3
    );
}

fn status_changes_are_audited(b: &mut Backend) {
    let store = b.store.as_mut();
    let person = entity("p", EntityKind::Person, "P");
    store.put_entity(&person, "t").unwrap();
    let ids = store
        .add_statements(&[statement(&person, "name", "P", None, None)], "t")
        .unwrap();
    store
        .set_statement_status(
            ids[0],
            Status::Confirmed,
            "checked against source",
            "reviewer",
        )
        .unwrap();
    assert_eq!(
        store.statement(ids[0]).unwrap().unwrap().status,
        Status::Confirmed
    );
    let entries = store.audit_entries().unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last.record.action, "statement.status");
    assert_eq!(last.record.actor, "reviewer");
    assert_eq!(last.record.objects, [format!("statement:{}", ids[0].0)]);
    let detail: serde_json::Value = serde_json::from_str(&last.record.detail).unwrap();
    assert_eq!(detail["from"], "proposed");
    assert_eq!(detail["to"], "confirmed");
    assert_eq!(detail["reason"], "checked against source");

    let before = store.audit_head().unwrap();
    assert!(matches!(
        store.set_statement_status(StatementId(ids[0].0 + 50), Status::Rejected, "r", "t"),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.audit_head().unwrap(), before);
}

fn registry(name: &str) -> casefile_core::RegistryInfo {
    casefile_core::RegistryInfo {
        name: name.into(),
        blob: casefile_core::sha256_hex(name.as_bytes()),
        map: "surname=Прізвище,given=Ім'я".into(),
        original_path: "lists/camp.csv".into(),
        records: 120,
        row_errors: 2,
        imported_at: casefile_store::now_rfc3339(),
        imported_by: "tracer".into(),
    }
}

fn registries_are_recorded_once(b: &mut Backend) {
    let store = b.store.as_mut();
    let camp = registry("camp-list");
    store.add_registry(&camp, "tracer").unwrap();
    assert_eq!(store.registry("camp-list").unwrap(), Some(camp.clone()));
    assert_eq!(store.registry("other").unwrap(), None);
    assert!(matches!(
        store.add_registry(&camp, "tracer"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(matches!(
        store.add_registry(&registry("  "), "tracer"),
        Err(StoreError::Invalid { .. })
    ));
    let missing = registry("missing-list");
    store.add_registry(&missing, "tracer").unwrap();
    assert_eq!(store.registries().unwrap().len(), 2);
    assert_eq!(actions(store), ["registry.import", "registry.import"]);
    let first = &store.audit_entries().unwrap()[0];
    assert_eq!(first.record.objects, std::slice::from_ref(&camp.blob));
    assert_eq!(first.record.time, camp.imported_at);
}

fn append_of(name: &str, bytes: &str) -> casefile_core::RegistryAppend {
    casefile_core::RegistryAppend {
        registry: name.into(),
        part: 0,
        blob: casefile_core::sha256_hex(bytes.as_bytes()),
        original_path: format!("lists/{bytes}.csv"),
        records: 10,
        row_errors: 1,
        added_at: casefile_store::now_rfc3339(),
        added_by: "tracer".into(),
    }
}

fn appends_are_numbered_per_registry_and_audited(b: &mut Backend) {
    let store = b.store.as_mut();
    store.add_registry(&registry("camp"), "tracer").unwrap();
    store.add_registry(&registry("web"), "tracer").unwrap();
    assert_eq!(
        store
            .append_registry(&append_of("camp", "day 2"), "tracer")
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .append_registry(&append_of("camp", "day 3"), "tracer")
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .append_registry(&append_of("web", "day 2"), "tracer")
            .unwrap(),
        1
    );
    assert!(matches!(
        store.append_registry(&append_of("nowhere", "x"), "tracer"),
        Err(StoreError::NotFound { .. })
    ));
    let camp = store.registry_appends("camp").unwrap();
    assert_eq!(camp.iter().map(|a| a.part).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(camp[1].blob, append_of("camp", "day 3").blob);
    assert_eq!(camp[1].original_path, "lists/day 3.csv");
    assert_eq!((camp[1].records, camp[1].row_errors), (10, 1));
    assert!(store.registry_appends("nowhere").unwrap().is_empty());
    assert_eq!(
        actions(store),
        [
            "registry.import",
            "registry.import",
            "registry.append",
            "registry.append",
            "registry.append"
        ]
    );
    let last = store.audit_entries().unwrap().pop().unwrap();
    assert_eq!(last.record.objects, [append_of("web", "day 2").blob]);
    assert!(last.record.detail.contains("\"part\":1"));
}

fn member(record: &str) -> casefile_core::ClusterMember {
    casefile_core::ClusterMember {
        registry: "camp".into(),
        record: record.into(),
    }
}

fn changes(scope: &str) -> casefile_core::ClusterChanges {
    casefile_core::ClusterChanges {
        scope: scope.into(),
        records: 100,
        threshold: 0.5,
        ..Default::default()
    }
}

fn new_cluster(
    origin: casefile_core::ClusterOrigin,
    parents: &[i64],
    records: &[&str],
) -> casefile_core::NewCluster {
    casefile_core::NewCluster {
        origin,
        parents: parents.to_vec(),
        members: records.iter().map(|r| member(r)).collect(),
    }
}

fn clusters_keep_ids_grow_and_record_lineage(b: &mut Backend) {
    use casefile_core::ClusterOrigin::{Merge, New, Split};
    let store = b.store.as_mut();
    let scope = r#"["dedupe","camp"]"#;
    assert_eq!(store.linkage_model(scope).unwrap(), None);
    assert_eq!(store.linkage_pairs(scope).unwrap(), None);
    let mut first = changes(scope);
    first.model = Some(r#"{"fitted":1}"#.into());
    first.pairs = Some(vec![1, 2, 3, 0, 255]);
    first.created = vec![
        new_cluster(New, &[], &["a", "b"]),
        new_cluster(New, &[], &["c", "d"]),
        new_cluster(New, &[], &["e", "f", "g"]),
    ];
    assert!(store.kept_run_clusters(scope).unwrap().is_empty());
    let run1 = store.save_clusters(&first, "tracer").unwrap();
    assert_eq!(run1.created.len(), 3);
    assert_eq!(store.kept_run_clusters(scope).unwrap(), run1.created);
    assert!(run1.created.windows(2).all(|w| w[0] < w[1]));
    let [ab, cd, efg] = [run1.created[0], run1.created[1], run1.created[2]];
    // Another linkage's clusters stay apart.
    let mut other = changes(r#"["dedupe","web"]"#);
    other.created = vec![new_cluster(New, &[], &["a", "b"])];
    store.save_clusters(&other, "tracer").unwrap();

    // Run 2: ab gains h, cd and ab? no: cd merges with nothing; efg splits.
    let mut second = changes(scope);
    second.grown = vec![(ab, vec![member("h")])];
    second.retired = vec![efg];
    second.created = vec![
        new_cluster(Split, &[efg], &["e", "f"]),
        new_cluster(Merge, &[cd], &["c", "d", "g"]),
    ];
    second.retired.push(cd);
    // Each run's kept pairs replace the last run's; other scopes keep theirs.
    assert_eq!(
        store.linkage_pairs(scope).unwrap().as_deref(),
        Some(&[1u8, 2, 3, 0, 255][..])
    );
    assert_eq!(store.linkage_pairs(r#"["dedupe","web"]"#).unwrap(), None);
    second.pairs = Some(vec![9; 100_000]);
    let run2 = store.save_clusters(&second, "tracer").unwrap();
    assert!(run2.run > run1.run);
    assert_eq!(store.linkage_pairs(scope).unwrap(), Some(vec![9; 100_000]));
    // The kept run is the second: its clusters in the order it made them.
    assert_eq!(store.kept_run_clusters(scope).unwrap(), run2.created);
    let (ef, cdg) = (run2.created[0], run2.created[1]);

    let grown = store.linkage_cluster(ab).unwrap().unwrap();
    assert_eq!(grown.retired_run, None);
    assert_eq!(grown.created_run, run1.run);
    let since: Vec<(&str, i64)> = grown
        .members
        .iter()
        .map(|m| (m.member.record.as_str(), m.since_run))
        .collect();
    assert_eq!(since, [("a", run1.run), ("b", run1.run), ("h", run2.run)]);

    let old = store.linkage_cluster(efg).unwrap().unwrap();
    assert_eq!(old.retired_run, Some(run2.run));
    assert_eq!(store.cluster_children(efg).unwrap(), [ef]);
    assert_eq!(store.cluster_children(cd).unwrap(), [cdg]);
    let split = store.linkage_cluster(ef).unwrap().unwrap();
    assert_eq!((split.origin, split.parents.clone()), (Split, vec![efg]));
    assert_eq!(split.scope, scope);
    assert!(store.linkage_cluster(9_999_999).unwrap().is_none());

    let mut live: Vec<(i64, String)> = store
        .live_cluster_members(scope)
        .unwrap()
        .into_iter()
        .map(|(id, m)| (id, m.record))
        .collect();
    live.sort();
    let mut expected = vec![
        (ab, "a".to_string()),
        (ab, "b".into()),
        (ab, "h".into()),
        (ef, "e".into()),
        (ef, "f".into()),
        (cdg, "c".into()),
        (cdg, "d".into()),
        (cdg, "g".into()),
    ];
    expected.sort();
    assert_eq!(live, expected);

    // The second run reused the first's model: the first's stays the
    // scope's; a later fit replaces it, and other scopes have none.
    assert_eq!(
        store.linkage_model(scope).unwrap().as_deref(),
        Some(r#"{"fitted":1}"#)
    );
    let run = store.linkage_run(run2.run).unwrap().unwrap();
    assert_eq!(
        (run.scope.as_str(), run.records, run.actor.as_str()),
        (scope, 100, "tracer")
    );
    assert_eq!(run.threshold, 0.5);
    assert_eq!(
        actions(store),
        ["linkage.run", "linkage.run", "linkage.run"]
    );
    let entry = store.audit_entries().unwrap().pop().unwrap();
    assert_eq!(entry.record.objects, [format!("linkage-run:{}", run2.run)]);
    assert!(entry.record.detail.contains("\"created\":2"));
    // Record ids stay out of the log.
    assert!(!entry.record.detail.contains("\"h\""));

    let mut third = changes(scope);
    third.model = Some(r#"{"fitted":3}"#.into());
    store.save_clusters(&third, "tracer").unwrap();
    // A run that keeps nothing drops what was kept.
    assert_eq!(store.linkage_pairs(scope).unwrap(), None);
    assert!(store.kept_run_clusters(scope).unwrap().is_empty());
    assert_eq!(
        store.linkage_model(scope).unwrap().as_deref(),
        Some(r#"{"fitted":3}"#)
    );
    assert_eq!(store.linkage_model(r#"["dedupe","web"]"#).unwrap(), None);
}

fn a_run_touching_a_cluster_that_is_not_live_writes_nothing(b: &mut Backend) {
    use casefile_core::ClusterOrigin::{New, Split};
    let store = b.store.as_mut();
    let scope = r#"["link","camp","web"]"#;
    let mut first = changes(scope);
    first.created = vec![new_cluster(New, &[], &["a", "b", "c"])];
    let abc = store.save_clusters(&first, "tracer").unwrap().created[0];
    let mut split = changes(scope);
    split.retired = vec![abc];
    split.created = vec![new_cluster(Split, &[abc], &["a", "b"])];
    store.save_clusters(&split, "tracer").unwrap();
    let head = store.audit_head().unwrap();
    let live = store.live_cluster_members(scope).unwrap();
    for bad in [
        // Retired already.
        ClusterChangesCase::Retire(abc),
        ClusterChangesCase::Grow(abc),
        // Another linkage's scope.
        ClusterChangesCase::OtherScope,
    ] {
        let mut c = changes(scope);
        c.created = vec![new_cluster(New, &[], &["x", "y"])];
        match bad {
            ClusterChangesCase::Retire(id) => c.retired = vec![id],
            ClusterChangesCase::Grow(id) => c.grown = vec![(id, vec![member("z")])],
            ClusterChangesCase::OtherScope => {
                c.scope = r#"["dedupe","camp"]"#.into();
                c.grown = vec![(live[0].0, vec![member("z")])];
            }
        }
        assert!(matches!(
            store.save_clusters(&c, "tracer"),
            Err(StoreError::Invalid { .. })
        ));
        assert_eq!(store.audit_head().unwrap(), head);
        assert_eq!(store.live_cluster_members(scope).unwrap(), live);
        assert!(store
            .live_cluster_members(r#"["dedupe","camp"]"#)
            .unwrap()
            .is_empty());
    }
}

enum ClusterChangesCase {
    Retire(i64),
    Grow(i64),
    OtherScope,
}

fn cases_hold_sources(b: &mut Backend) {
    let store = b.store.as_mut();
    let s = source(b"case source", "text");
    store.insert_source(&s, &[], &[], "t").unwrap();
    let case = store
        .create_case("Belarus camps", "transfers via Minsk", "analyst")
        .unwrap();
    assert_eq!(case.name, "Belarus camps");
    assert!(matches!(
        store.create_case("Belarus camps", "again", "analyst"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(matches!(
        store.create_case(" ", "", "analyst"),
        Err(StoreError::Invalid { .. })
    ));
    let other = store.create_case("Adoptions", "", "analyst").unwrap();
    assert!(other.id.0 > case.id.0);
    assert_eq!(store.cases().unwrap(), [case.clone(), other.clone()]);

    store.add_source_to_case(case.id, &s.id, "analyst").unwrap();
    store.add_source_to_case(case.id, &s.id, "analyst").unwrap(); // no-op
    assert_eq!(
        store.case_sources(case.id).unwrap(),
        std::slice::from_ref(&s.id)
    );
    assert!(store.case_sources(other.id).unwrap().is_empty());
    let head = store.audit_head().unwrap();
    assert!(matches!(
        store.add_source_to_case(casefile_core::CaseId(999), &s.id, "analyst"),
        Err(StoreError::NotFound { what: "case", .. })
    ));
    assert!(matches!(
        store.add_source_to_case(case.id, &source(b"absent", "x").id, "analyst"),
        Err(StoreError::NotFound { what: "source", .. })
    ));
    assert_eq!(store.audit_head().unwrap(), head);
    assert_eq!(
        actions(store),
        ["source.ingest", "case.create", "case.create", "case.add"]
    );
}

fn case_items_of_every_kind_are_added_removed_and_audited(b: &mut Backend) {
    let store = b.store.as_mut();
    let s = source(b"case bytes", "Talai met the children.");
    let person = entity("person-talai", EntityKind::Person, "Alexei Talai");
    store
        .insert_source(&s, std::slice::from_ref(&person), &[], "t")
        .unwrap();
    let ids = store
        .add_statements(
            &[
                statement(&person, "name", "Talai", Some(&s), Some((0, 5))),
                statement(&person, "name", "Talai", Some(&s), Some((0, 5))),
            ],
            "t",
        )
        .unwrap();
    let case = store.create_case("dubrava", "", "t").unwrap();
    // Given out of order, listed sources first, then entities, then
    // statements by id.
    let high = StatementId(ids[1].0 + 9);
    let items = [
        CaseItem::Statement(ids[1]),
        CaseItem::Statement(ids[0]),
        CaseItem::Entity(person.id.clone()),
        CaseItem::Source(s.id.clone()),
    ];
    let head = store.audit_head().unwrap();
    assert_eq!(store.add_case_items(case.id, &items, "t").unwrap().len(), 4);
    // Adding again changes nothing and logs nothing.
    assert!(store
        .add_case_items(case.id, &items, "t")
        .unwrap()
        .is_empty());
    assert_eq!(store.audit_head().unwrap(), head + 4);
    assert_eq!(
        store.case_items(case.id).unwrap(),
        [
            items[3].clone(),
            items[2].clone(),
            items[1].clone(),
            items[0].clone()
        ]
    );
    assert_eq!(
        store.case_sources(case.id).unwrap(),
        std::slice::from_ref(&s.id)
    );

    // An unknown item refuses the whole batch, and names the item.
    assert_eq!(
        store
            .remove_case_items(case.id, &items[..1], "t")
            .unwrap()
            .len(),
        1
    );
    let head = store.audit_head().unwrap();
    let err = store
        .add_case_items(case.id, &[items[0].clone(), CaseItem::Statement(high)], "t")
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound { what: "statement", ref id } if *id == high.0.to_string()),
        "{err}"
    );
    assert_eq!(store.case_items(case.id).unwrap().len(), 3);
    assert_eq!(store.audit_head().unwrap(), head);
    assert!(matches!(
        store.add_case_items(casefile_core::CaseId(42), &items[..1], "t"),
        Err(StoreError::NotFound { what: "case", .. })
    ));
    // Removing what is not in the case logs nothing.
    assert!(store
        .remove_case_items(case.id, &items[..1], "t")
        .unwrap()
        .is_empty());

    let log = store.audit_entries().unwrap();
    assert_eq!(
        log.iter().filter(|e| e.record.action == "case.add").count(),
        4
    );
    let removal = log
        .iter()
        .find(|e| e.record.action == "case.remove")
        .unwrap();
    assert_eq!(
        removal.record.objects,
        [
            format!("case:{}", case.id.0),
            format!("statement:{}", ids[1].0)
        ]
    );
    assert!(verify_chain(&log, store.audit_head().unwrap()).is_empty());
}

fn the_audit_chain_verifies_and_names_tampering(b: &mut Backend) {
    let (s, e, st) = article(11, 4);
    {
        let store = b.store.as_mut();
        store.insert_source(&s, &e, &st, "t").unwrap();
        let appended = store
            .append_audit(audit_record(
                "t",
                "export.bagit",
                vec![s.id.0.clone()],
                "{}".into(),
            ))
            .unwrap();
        assert_eq!(appended.seq, store.audit_head().unwrap());
        let log = store.audit_entries().unwrap();
        assert_eq!(log.len(), 3);
        assert_eq!(log.last(), Some(&appended));
        assert!(verify_chain(&log, store.audit_head().unwrap()).is_empty());
    }
    b.tamper("UPDATE audit SET detail = '{\"count\":1}' WHERE seq = 2");
    let store = b.store.as_mut();
    let faults = verify_chain(&store.audit_entries().unwrap(), store.audit_head().unwrap());
    assert_eq!(faults, [ChainFault::Altered { seq: 2 }]);
}

fn sources_are_counted_by_language_and_kind(b: &mut Backend) {
    let store = b.store.as_mut();
    assert!(store.source_counts().unwrap().is_empty());
    for (seed, language, kind) in [
        (1, Some("uk"), SourceKind::News),
        (2, Some("uk"), SourceKind::News),
        (3, Some("uk"), SourceKind::Report),
        (4, None, SourceKind::News),
        (5, Some("en"), SourceKind::News),
    ] {
        let (mut s, e, st) = article(seed, 0);
        s.language = language.map(str::to_string);
        s.kind = kind;
        store.insert_source(&s, &e, &st, "t").unwrap();
    }
    let mut counts = store.source_counts().unwrap();
    counts.sort();
    assert_eq!(
        counts,
        [
            (None, SourceKind::News, 1),
            (Some("en".to_string()), SourceKind::News, 1),
            (Some("uk".to_string()), SourceKind::News, 2),
            (Some("uk".to_string()), SourceKind::Report, 1),
        ]
    );
}

fn audit_pages_go_back_and_filter(b: &mut Backend) {
    let store = b.store.as_mut();
    for (actor, action) in [
        ("olena", "case.add"),
        ("taras", "export.bagit"),
        ("olena", "export.ftm"),
        ("olena", "exported.other"),
        ("taras", "case.add"),
    ] {
        store
            .append_audit(audit_record(actor, action, vec![], "{}".into()))
            .unwrap();
    }
    let page = |q: AuditQuery| -> Vec<u64> {
        store
            .audit_page(&q)
            .unwrap()
            .into_iter()
            .map(|e| e.seq)
            .collect()
    };
    let all = AuditQuery {
        limit: 2,
        ..Default::default()
    };
    assert_eq!(page(all.clone()), [5, 4], "newest first, at most the limit");
    assert_eq!(
        page(AuditQuery {
            before: Some(4),
            ..all.clone()
        }),
        [3, 2]
    );
    assert_eq!(
        page(AuditQuery {
            before: Some(2),
            ..all.clone()
        }),
        [1]
    );
    let export = AuditQuery {
        action: Some("export".into()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(page(export.clone()), [3, 2], "a prefix up to a dot");
    assert_eq!(
        page(AuditQuery {
            action: Some("export.bagit".into()),
            ..export.clone()
        }),
        [2]
    );
    assert_eq!(
        page(AuditQuery {
            actor: Some("olena".into()),
            ..export
        }),
        [3]
    );
    assert_eq!(
        page(AuditQuery {
            action: Some("case.add".into()),
            actor: Some("taras".into()),
            limit: 10,
            ..Default::default()
        }),
        [5]
    );
}

fn the_head_is_not_reused_after_a_tail_removal(b: &mut Backend) {
    let record = |n: u32| AuditRecord {
        time: casefile_store::now_rfc3339(),
        actor: "t".into(),
        action: format!("test.{n}"),
        objects: vec![],
        detail: "{}".into(),
    };
    for n in 1..=3 {
        b.store.append_audit(record(n)).unwrap();
    }
    b.tamper("DELETE FROM audit WHERE seq = 3");
    let store = b.store.as_mut();
    assert_eq!(store.audit_head().unwrap(), 3);
    assert_eq!(
        verify_chain(&store.audit_entries().unwrap(), 3),
        [ChainFault::Truncated { last: 2, head: 3 }]
    );
    let next = store.append_audit(record(4)).unwrap();
    assert_eq!(next.seq, 4, "position 3 is never written again");
    let faults = verify_chain(&store.audit_entries().unwrap(), store.audit_head().unwrap());
    assert!(
        faults.contains(&ChainFault::Missing { from: 3, to: 3 }),
        "{faults:?}"
    );
}

fn index_flags_follow_marks(b: &mut Backend) {
    let store = b.store.as_mut();
    let one = source(b"one", "one");
    let two = source(b"two", "two");
    store.insert_source(&one, &[], &[], "t").unwrap();
    store.insert_source(&two, &[], &[], "t").unwrap();
    assert_eq!(store.unindexed_sources(10).unwrap().len(), 2);
    assert_eq!(store.unindexed_sources(1).unwrap().len(), 1);
    store.mark_indexed(std::slice::from_ref(&one.id)).unwrap();
    assert_eq!(
        store.unindexed_sources(10).unwrap(),
        std::slice::from_ref(&two)
    );
    store.mark_all_unindexed().unwrap();
    assert_eq!(store.unindexed_sources(10).unwrap().len(), 2);
    // Index bookkeeping is derived state: nothing in the log.
    assert_eq!(actions(store), ["source.ingest", "source.ingest"]);
}

fn nul_characters_are_refused_everywhere(b: &mut Backend) {
    let store = b.store.as_mut();
    let s = source(b"nul", "before\0after");
    let err = store.insert_source(&s, &[], &[], "t").unwrap_err();
    assert!(err.to_string().contains("NUL"), "{err}");
    let person = entity("p", EntityKind::Person, "bad\0caption");
    assert!(store.put_entity(&person, "t").is_err());
    let fine = entity("p", EntityKind::Person, "P");
    store.put_entity(&fine, "t").unwrap();
    let bad = statement(&fine, "name", "x\0y", None, None);
    assert!(store.add_statements(&[bad], "t").is_err());
    assert!(store.create_case("a\0b", "", "t").is_err());
    assert!(store
        .append_audit(audit_record("t", "x", vec![], "\0".into()))
        .is_err());
    assert!(store.sources().unwrap().is_empty());
    assert_eq!(store.statement_count().unwrap(), 0);
    assert_eq!(actions(store), ["entity.create"]);
}

fn errors_carry_no_document_text_or_values(b: &mut Backend) {
    let store = b.store.as_mut();
    // A child's name in the text and in a statement value; the batch fails
    // on a database constraint (an unknown entity).
    let s = source(
        b"child",
        "Olena Kovalenko, born 2014-03-02, was taken to Minsk.",
    );
    let child = entity("child-1", EntityKind::Child, "Olena Kovalenko");
    let orphan = statement(&child, "birthDate", "2014-03-02", Some(&s), Some((0, 15)));
    let err = store
        .insert_source(&s, &[], &[orphan], "t")
        .unwrap_err()
        .to_string();
    for secret in ["Olena", "Kovalenko", "2014-03-02", "INSERT", "SELECT"] {
        assert!(!err.contains(secret), "{secret:?} in {err:?}");
    }
    store
        .insert_source(&s, std::slice::from_ref(&child), &[], "t")
        .unwrap();
    let err = store
        .create_case("", "Olena Kovalenko", "t")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("Kovalenko"), "{err}");
}

/// A review decision's two children, its statement and its entry: all or
/// nothing, whichever step fails.
fn a_judgement_is_one_transaction(b: &mut Backend) {
    let store = b.store.as_mut();
    let a = entity("child-a", EntityKind::Child, "registry a record 1");
    let c = entity("child-b", EntityKind::Child, "registry b record 7");
    let mut decision = statement(&a, "recordMatch", "child-b", None, None);
    decision.origin = Origin::Human;
    decision.confidence = 1.0;
    decision.status = Status::Confirmed;
    let record = |reason: &'static str| {
        move |ids: &[StatementId]| {
            audit_record(
                "t",
                "registry.review.accept",
                vec!["child-a".into(), "child-b".into()],
                format!("{{\"reason\":\"{reason}\",\"statement\":{}}}", ids[0].0),
            )
        }
    };
    // Refused at its last step (the judgement's own entry, which may not
    // hold a NUL): the children and the statement written before it go too.
    let refused = store.add_judgement(
        &[a.clone(), c.clone()],
        std::slice::from_ref(&decision),
        &record("bad\0reason"),
        "t",
    );
    assert!(
        matches!(refused, Err(StoreError::Invalid { .. })),
        "{refused:?}"
    );
    assert!(store.entities(None).unwrap().is_empty());
    assert_eq!(store.statement_count().unwrap(), 0);
    assert_eq!(store.audit_head().unwrap(), 0);

    let ids = store
        .add_judgement(
            &[a.clone(), c.clone()],
            std::slice::from_ref(&decision),
            &record("the same child"),
            "t",
        )
        .unwrap();
    assert_eq!(ids.len(), 1);
    assert_eq!(store.entities(None).unwrap(), [a.clone(), c.clone()]);
    assert_eq!(store.statement(ids[0]).unwrap().unwrap().value, "child-b");
    assert_eq!(
        actions(store),
        [
            "entity.create",
            "entity.create",
            "statement.add",
            "registry.review.accept"
        ]
    );
    let log = store.audit_entries().unwrap();
    let detail = &log.last().unwrap().record.detail;
    assert!(
        detail.contains(&format!("\"statement\":{}", ids[0].0)),
        "{detail}"
    );
    assert!(verify_chain(&log, store.audit_head().unwrap()).is_empty());

    // Children already stored are not logged again.
    let again = store
        .add_judgement(&[a, c], &[decision], &record("still the same"), "t")
        .unwrap();
    assert!(again[0].0 > ids[0].0);
    assert_eq!(
        actions(store)[4..],
        ["statement.add", "registry.review.accept"]
    );
}

/// Every statement about each of `entities` in turn, each entity's by id.
fn statements_of_each(store: &dyn Store, entities: &[EntityId]) -> Vec<Statement> {
    entities
        .iter()
        .flat_map(|id| {
            store
                .statements(&StatementFilter {
                    entity: Some(id.clone()),
                    ..Default::default()
                })
                .unwrap()
        })
        .collect()
}

fn statements_about_several_entities_come_in_one_list(b: &mut Backend) {
    let store = b.store.as_mut();
    let (s1, e1, st1) = article(21, 3);
    let (s2, e2, st2) = article(22, 3);
    store.insert_source(&s1, &e1, &st1, "t").unwrap();
    store.insert_source(&s2, &e2, &st2, "t").unwrap();
    let wanted = [e1[0].id.clone(), e2[0].id.clone()];
    let about = store.statements_about(&wanted).unwrap();
    let expected = statements_of_each(store, &wanted);
    assert!(!expected.is_empty());
    assert_eq!(about, expected, "by id, every statement of each");
    assert!(store.statements_about(&[]).unwrap().is_empty());
}

fn statements_about_come_a_page_at_a_time(b: &mut Backend) {
    let store = b.store.as_mut();
    let (s1, e1, st1) = article(23, 5);
    let (s2, e2, st2) = article(24, 4);
    store.insert_source(&s1, &e1, &st1, "t").unwrap();
    store.insert_source(&s2, &e2, &st2, "t").unwrap();
    // The second source's entity first: the page keeps the order asked for.
    let wanted = [e2[0].id.clone(), e1[0].id.clone()];
    let whole = statements_of_each(store, &wanted);
    assert!(whole.len() > 3, "{whole:?}");
    let (all, total) = store.statements_about_page(&wanted, 0, usize::MAX).unwrap();
    assert_eq!(all, whole);
    assert_eq!(total, whole.len() as u64);
    let mut paged = Vec::new();
    for offset in (0..whole.len()).step_by(2) {
        let (page, total) = store.statements_about_page(&wanted, offset, 2).unwrap();
        assert_eq!(total, whole.len() as u64);
        paged.extend(page);
    }
    assert_eq!(paged, whole, "the pages add up to the whole, in order");
    let (past, _) = store
        .statements_about_page(&wanted, whole.len(), 5)
        .unwrap();
    assert!(past.is_empty());
    assert_eq!(store.statements_about_page(&[], 0, 5).unwrap(), (vec![], 0));
}

fn sources_by_id_gives_the_stored_ones(b: &mut Backend) {
    let store = b.store.as_mut();
    let s1 = source(b"one", "Перший текст.");
    let s2 = source(b"two", "Second text.");
    store.insert_source(&s1, &[], &[], "t").unwrap();
    store.insert_source(&s2, &[], &[], "t").unwrap();
    let absent = source(b"three", "x").id;
    let mut got = store
        .sources_by_id(&[s2.id.clone(), absent, s1.id.clone()])
        .unwrap();
    got.sort_by(|x, y| x.id.cmp(&y.id));
    let mut expected = vec![s1, s2];
    expected.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(got, expected);
}

fn statements_are_counted_by_status(b: &mut Backend) {
    let store = b.store.as_mut();
    assert!(store.statement_status_counts().unwrap().is_empty());
    let person = entity("p", EntityKind::Person, "P");
    store.put_entity(&person, "t").unwrap();
    let ids = store
        .add_statements(
            &[
                statement(&person, "name", "P", None, None),
                statement(&person, "alias", "Q", None, None),
                statement(&person, "alias", "R", None, None),
            ],
            "t",
        )
        .unwrap();
    store
        .set_statement_status(ids[1], Status::Rejected, "wrong person", "t")
        .unwrap();
    let mut counts = store.statement_status_counts().unwrap();
    counts.sort_by_key(|(status, _)| status.as_str());
    assert_eq!(counts, [(Status::Proposed, 2), (Status::Rejected, 1)]);
    let total: u64 = counts.iter().map(|(_, n)| n).sum();
    assert_eq!(total, store.statement_count().unwrap());
}
