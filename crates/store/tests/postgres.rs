//! What only the PostgreSQL backend has to prove: migrations applied once
//! and checked, clients writing at once forming one audit chain, a writer
//! killed mid-transaction leaving a consistent store, clear connect errors.
//!
//! Each test works in a schema of its own (dropped afterwards); without
//! PostgreSQL the tests fail under `CI` and are skipped otherwise.

mod common;

use casefile_core::verify_chain;
use casefile_store::testing::{database_url, PgTestSchema};
use casefile_store::PG_SCHEMA_VERSION;
use casefile_store::{audit_record, verify, BlobStore, PgOptions, PgStore, Store, StoreError};
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn migrations_are_recorded_and_checked() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    // Servers starting together: each migration still runs once.
    let clients: Vec<PgStore> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..3).map(|_| scope.spawn(|| schema.connect())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for client in &clients {
        assert_eq!(client.schema_version().unwrap(), PG_SCHEMA_VERSION);
    }

    schema.execute("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1");
    let err = PgStore::connect_with(&schema.url, &options(&schema.schema)).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("0001_initial.sql"), "{err}");

    schema.execute(&format!(
        "UPDATE schema_migrations SET sha256 = '{}' WHERE version = 1;
         INSERT INTO schema_migrations (version, name, sha256) VALUES (99, '0099_future.sql', 'x')",
        casefile_core::sha256_hex(include_bytes!("../migrations/postgres/0001_initial.sql"))
    ));
    let err = PgStore::connect_with(&schema.url, &options(&schema.schema)).unwrap_err();
    assert!(
        matches!(err, StoreError::UnsupportedVersion { found: 99, .. }),
        "{err}"
    );
}

fn options(schema: &str) -> PgOptions {
    PgOptions {
        schema: Some(schema.to_string()),
        pool_size: 2,
    }
}

#[test]
fn clients_writing_at_once_form_one_chain() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    const CLIENTS: usize = 6;
    const ROUNDS: usize = 15;
    std::thread::scope(|scope| {
        for client in 0..CLIENTS {
            let schema = &schema;
            scope.spawn(move || {
                // Its own pool, as another server process would have.
                let mut store = schema.connect();
                for round in 0..ROUNDS {
                    let seed = (client * 1000 + round) as u64;
                    let (s, e, st) = common::article(seed, 5);
                    store.insert_source(&s, &e, &st, "t").unwrap();
                    store
                        .append_audit(audit_record("t", "test.append", vec![], "{}".into()))
                        .unwrap();
                }
            });
        }
    });
    let store = schema.store();
    let log = store.audit_entries().unwrap();
    // Per round: source.ingest, statement.add, test.append.
    let expected = CLIENTS * ROUNDS * 3;
    assert_eq!(log.len(), expected);
    let seqs: Vec<u64> = log.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, (1..=expected as u64).collect::<Vec<_>>());
    assert_eq!(store.audit_head().unwrap(), expected as u64);
    assert!(verify_chain(&log, expected as u64).is_empty());
    // Statement ranges named by the log never overlap.
    let mut ranges: Vec<(i64, i64)> = log
        .iter()
        .filter(|e| e.record.action == "statement.add")
        .map(|e| {
            let range = e.record.objects[0].trim_start_matches("statements:");
            let (a, b) = range.split_once("..=").unwrap();
            (a.parse().unwrap(), b.parse().unwrap())
        })
        .collect();
    ranges.sort();
    assert!(ranges.windows(2).all(|w| w[0].1 < w[1].0), "{ranges:?}");
    assert_eq!(
        store.statement_count().unwrap(),
        (CLIENTS * ROUNDS * 5) as u64
    );
}

#[test]
fn an_unreachable_server_is_named_without_the_password() {
    let err = PgStore::connect("postgres://casefile:hunter2@127.0.0.1:1/evidence").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("cannot connect to 127.0.0.1:1/evidence"),
        "{text}"
    );
    assert!(!text.contains("hunter2"), "{text}");
}

/// Sources each with this many statements are written by the crash child.
const CRASH_STATEMENTS: usize = 20;

/// The child of [`a_killed_writer_leaves_a_consistent_store`]: stores
/// originals and sources in a loop until it is killed. Does nothing when run
/// as an ordinary test.
#[test]
fn crash_child_writer() {
    let (Ok(schema), Ok(blob_dir)) = (
        std::env::var("CASEFILE_CRASH_SCHEMA"),
        std::env::var("CASEFILE_CRASH_BLOBS"),
    ) else {
        return;
    };
    let mut store = PgStore::connect_with(&database_url(), &options(&schema)).unwrap();
    let blobs = BlobStore::open(blob_dir).unwrap();
    for round in 0u64.. {
        let batch: Vec<_> = (0..4)
            .map(|i| common::article(round * 4 + i, CRASH_STATEMENTS))
            .collect();
        for (i, (source, _, _)) in batch.iter().enumerate() {
            let bytes = common::article_bytes(round * 4 + i as u64);
            blobs.put_unsynced(&source.id.0, &bytes).unwrap();
        }
        blobs.sync().unwrap();
        let refs: Vec<_> = batch
            .iter()
            .map(|(s, e, st)| (s, &e[..], &st[..]))
            .collect();
        store.insert_sources(&refs, "crash-child").unwrap();
    }
}

#[test]
fn a_killed_writer_leaves_a_consistent_store() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    let blob_dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child_writer",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CASEFILE_CRASH_SCHEMA", &schema.schema)
        .env("CASEFILE_CRASH_BLOBS", blob_dir.path())
        .spawn()
        .unwrap();
    let store = schema.store();
    let started = Instant::now();
    while store.sources().unwrap().len() < 200 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the child wrote too little"
        );
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the child stopped by itself: {status}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL: no chance to finish a transaction
    child.wait().unwrap();
    // A COMMIT the child sent just before it died still completes on the
    // server, after the kill: wait until the count stops moving, so that
    // sources and statements are counted after it and not on either side.
    let mut sources = store.sources().unwrap().len();
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let now = store.sources().unwrap().len();
        if now == sources {
            break;
        }
        sources = now;
    }

    assert!(sources >= 200);
    assert_eq!(
        store.statement_count().unwrap(),
        (sources * CRASH_STATEMENTS) as u64,
        "every source is whole, with all its statements"
    );
    let blobs = BlobStore::open(blob_dir.path()).unwrap();
    let report = verify(&store, &blobs).unwrap();
    assert!(report.ok(), "{:?}", report.faults);
    assert_eq!(report.sources, sources);
    assert_eq!(report.audit_entries, sources * 2);
    // The store goes on after the crash.
    let (s, e, st) = common::article(1_000_000, 2);
    let mut store = store;
    store.insert_source(&s, &e, &st, "t").unwrap();
    let log = store.audit_entries().unwrap();
    assert!(verify_chain(&log, store.audit_head().unwrap()).is_empty());
}

/// A watched store (a server's) learns the head from the database's
/// announcements: its own writes at once, another process's within
/// moments, two projects in one database apart; the exact head is still
/// read from the database by `audit_head` (verify's).
#[test]
fn a_watched_head_follows_every_writer() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    let Some(neighbour) = PgTestSchema::create() else {
        return;
    };
    let mut server = schema.connect();
    server.watch_audit_head();
    let mut elsewhere = schema.connect();
    let mut other_project = neighbour.connect();

    // Heard from once the listening connection has read the head.
    let caught_up = |store: &PgStore, head: u64| {
        let start = Instant::now();
        while store.recent_audit_head().unwrap() < head {
            assert!(
                start.elapsed() < Duration::from_secs(3),
                "the watched head stayed behind {head}"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        start.elapsed()
    };
    let first = elsewhere
        .append_audit(audit_record("tester", "test.note", vec![], String::new()))
        .unwrap();
    caught_up(&server, first.seq);

    // Its own writes: the very next read.
    for _ in 0..20 {
        let own = server
            .append_audit(audit_record("tester", "test.note", vec![], String::new()))
            .unwrap();
        assert_eq!(server.recent_audit_head().unwrap(), own.seq);
    }

    // Another process's: once announced.
    let mut waits = Vec::new();
    for _ in 0..100 {
        let theirs = elsewhere
            .append_audit(audit_record("tester", "test.note", vec![], String::new()))
            .unwrap();
        waits.push(caught_up(&server, theirs.seq));
        assert_eq!(server.audit_head().unwrap(), theirs.seq);
    }
    waits.sort();
    eprintln!(
        "announcement of another process's write: median {:?}, slowest {:?}",
        waits[waits.len() / 2],
        waits[waits.len() - 1]
    );

    // Another project in the same database moves its own head only.
    let mine = server.recent_audit_head().unwrap();
    for _ in 0..3 {
        other_project
            .append_audit(audit_record("tester", "test.note", vec![], String::new()))
            .unwrap();
    }
    let theirs = other_project.audit_head().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(server.recent_audit_head().unwrap(), mine);
    assert!(theirs > 0);
}
