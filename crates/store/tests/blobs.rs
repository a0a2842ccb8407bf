//! One suite for every [`Blobs`] backend (the folder, and S3 on a loopback
//! test server), and `verify` over a store and a blob backend together:
//! SQLite with the folder, PostgreSQL with S3.
//!
//! The S3 cases need the server `.ci/services.sh` starts (moto on
//! `CASEFILE_TEST_S3_ENDPOINT`, default http://127.0.0.1:9317); without it
//! they fail under `CI` and are skipped otherwise.

mod common;

use casefile_core::sha256_hex;
use casefile_store::testing::{PgTestSchema, S3TestPrefix};
use casefile_store::{verify, BlobState, BlobStore, Blobs, SqliteStore, Store, StoreError};
use std::fs;
use std::path::PathBuf;

/// Replaces a blob's bytes behind the backend's back.
type Tamper = Box<dyn Fn(&str, &[u8])>;

/// A fresh blob backend and ways to damage it behind its back.
struct BlobBackend {
    blobs: Box<dyn Blobs>,
    tamper: Tamper,
    remove: Box<dyn Fn(&str)>,
    _keep: Box<dyn std::any::Any>,
}

fn writable(path: &PathBuf) {
    let mut perms = fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(path, perms).unwrap();
}

fn folder_backend() -> BlobBackend {
    let dir = tempfile::tempdir().unwrap();
    let blobs = BlobStore::open(dir.path().join("blobs")).unwrap();
    let (for_tamper, for_remove) = (blobs.clone(), blobs.clone());
    BlobBackend {
        blobs: Box::new(blobs),
        tamper: Box::new(move |sha, bytes| {
            let path = for_tamper.path_of(sha);
            writable(&path);
            fs::write(&path, bytes).unwrap();
        }),
        remove: Box::new(move |sha| fs::remove_file(for_remove.path_of(sha)).unwrap()),
        _keep: Box::new(dir),
    }
}

fn s3_backend() -> Option<BlobBackend> {
    let prefix = std::rc::Rc::new(S3TestPrefix::create()?);
    let (for_tamper, for_remove) = (prefix.clone(), prefix.clone());
    Some(BlobBackend {
        blobs: Box::new(prefix.open()),
        tamper: Box::new(move |sha, bytes| for_tamper.tamper(sha, bytes)),
        remove: Box::new(move |sha| for_remove.remove(sha)),
        _keep: Box::new(prefix),
    })
}

macro_rules! blob_suite {
    ($($case:ident),* $(,)?) => {
        mod folder {
            $( #[test] fn $case() { super::$case(&mut super::folder_backend()); } )*
        }
        mod s3 {
            $( #[test] fn $case() {
                let Some(mut backend) = super::s3_backend() else { return };
                super::$case(&mut backend);
            } )*
        }
    };
}

blob_suite!(
    put_is_idempotent_and_named_by_hash,
    damaged_blobs_are_reported_never_overwritten,
    names_must_be_hashes,
    batches_are_durable_after_sync,
);

fn put_is_idempotent_and_named_by_hash(b: &mut BlobBackend) {
    let blobs = b.blobs.as_ref();
    let sha = blobs.put(b"original words").unwrap();
    assert_eq!(sha, sha256_hex(b"original words"));
    assert_eq!(blobs.put(b"original words").unwrap(), sha);
    assert!(!blobs.put_unsynced(&sha, b"original words").unwrap());
    assert_eq!(blobs.get(&sha).unwrap(), b"original words");
    assert!(blobs.exists(&sha).unwrap());
    assert_eq!(blobs.check(&sha).unwrap(), BlobState::Intact);
    let other = blobs.put("Лисичанськ".as_bytes()).unwrap();
    let mut expected = vec![sha, other];
    expected.sort();
    assert_eq!(blobs.list().unwrap(), expected);

    let absent = sha256_hex(b"never stored");
    assert!(!blobs.exists(&absent).unwrap());
    assert_eq!(blobs.check(&absent).unwrap(), BlobState::Missing);
    assert!(blobs.get(&absent).is_err());
}

fn damaged_blobs_are_reported_never_overwritten(b: &mut BlobBackend) {
    let sha = b.blobs.put(b"original words").unwrap();
    (b.tamper)(&sha, b"forged words");
    assert_eq!(
        b.blobs.check(&sha).unwrap(),
        BlobState::Altered {
            actual: sha256_hex(b"forged words")
        }
    );
    let err = b.blobs.put(b"original words").unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(
        b.blobs.get(&sha).unwrap(),
        b"forged words",
        "the damaged copy stays for verify to report"
    );
    (b.remove)(&sha);
    assert_eq!(b.blobs.check(&sha).unwrap(), BlobState::Missing);
}

fn names_must_be_hashes(b: &mut BlobBackend) {
    for bad in ["../../etc/passwd", "abc", "G".repeat(64).as_str()] {
        assert!(matches!(b.blobs.get(bad), Err(StoreError::Invalid { .. })));
        assert!(b.blobs.put_unsynced(bad, b"x").is_err());
        assert!(b.blobs.exists(bad).is_err());
    }
}

fn batches_are_durable_after_sync(b: &mut BlobBackend) {
    let items: Vec<Vec<u8>> = (0..5).map(|i| format!("doc {i}").into_bytes()).collect();
    for bytes in &items {
        assert!(b.blobs.put_unsynced(&sha256_hex(bytes), bytes).unwrap());
    }
    b.blobs.sync().unwrap();
    for bytes in &items {
        assert_eq!(b.blobs.get(&sha256_hex(bytes)).unwrap(), *bytes);
    }
    assert_eq!(b.blobs.list().unwrap().len(), 5);
}

/// Ingests two sources and a registry, then damages one original, removes
/// another, and checks that `verify` names exactly those.
fn verify_names_damaged_originals(store: &mut dyn Store, b: &BlobBackend) {
    let (s1, e1, st1) = common::article(1, 3);
    let (s2, e2, st2) = common::article(2, 3);
    let bytes1 = b"article 1".to_vec();
    let bytes2 = b"article 2".to_vec();
    assert_eq!(b.blobs.put(&bytes1).unwrap(), s1.id.0);
    assert_eq!(b.blobs.put(&bytes2).unwrap(), s2.id.0);
    let stray = b.blobs.put(b"left by an interrupted ingest").unwrap();
    store
        .insert_sources(&[(&s1, &e1[..], &st1[..]), (&s2, &e2[..], &st2[..])], "t")
        .unwrap();
    let csv = "surname,given\nКоваленко,Олена\n".as_bytes();
    let registry = casefile_core::RegistryInfo {
        name: "camp".into(),
        blob: b.blobs.put(csv).unwrap(),
        map: "surname=surname".into(),
        original_path: "camp.csv".into(),
        records: 1,
        row_errors: 0,
        imported_at: casefile_store::now_rfc3339(),
        imported_by: "t".into(),
    };
    store.add_registry(&registry, "t").unwrap();

    let report = verify(store, b.blobs.as_ref()).unwrap();
    assert!(report.ok(), "{:?}", report.faults);
    assert_eq!(report.sources, 2);
    assert_eq!(report.blobs_checked, 3);
    assert_eq!(report.unreferenced_blobs, 1);
    assert_eq!(report.audit_entries, 5);

    (b.tamper)(&s1.id.0, b"article 1, edited");
    (b.remove)(&registry.blob);
    let report = verify(store, b.blobs.as_ref()).unwrap();
    assert_eq!(report.faults.len(), 2, "{:?}", report.faults);
    assert!(report
        .faults
        .iter()
        .any(|f| f.contains(&format!("blob {} was altered", s1.id.0))));
    assert!(report
        .faults
        .iter()
        .any(|f| f.contains(&format!("blob {} is missing", registry.blob))));
    assert!(!report.faults.iter().any(|f| f.contains(&stray)));
}

#[test]
fn verify_on_sqlite_with_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("casefile.db")).unwrap();
    verify_names_damaged_originals(&mut store, &folder_backend());
}

#[test]
fn verify_on_postgres_with_s3() {
    let Some(schema) = PgTestSchema::create() else {
        return;
    };
    let Some(blobs) = s3_backend() else {
        return;
    };
    verify_names_damaged_originals(&mut schema.store(), &blobs);
}

/// A project keeps its originals where it was made to: an embedded project
/// opened with S3 blobs (or an S3 one without them, or with another
/// bucket) is refused with the reason, since its sources would name
/// originals that are not there; the same blobs open it.
#[test]
fn a_project_opens_only_with_the_blobs_it_was_made_with() {
    use casefile_store::{Backends, Project};
    use std::sync::Arc;
    let Some(prefix) = S3TestPrefix::create() else {
        return;
    };
    let Some(other) = S3TestPrefix::create() else {
        return;
    };
    let s3 = Backends {
        postgres: None,
        blobs: Some(Arc::new(prefix.open())),
    };
    let other_s3 = Backends {
        postgres: None,
        blobs: Some(Arc::new(other.open())),
    };
    let dir = tempfile::tempdir().unwrap();
    let refused =
        |dir: &std::path::Path, backends: &Backends| match Project::open_with(dir, backends) {
            Ok(_) => panic!("{} opened with {backends:?}", dir.display()),
            Err(e) => e.to_string(),
        };

    let embedded = dir.path().join("embedded");
    Project::init(&embedded, "t").unwrap();
    let message = refused(&embedded, &s3);
    assert!(
        message.contains("project folder") && message.contains("--blobs"),
        "{message}"
    );
    assert!(Project::open(&embedded).is_ok());

    // SQLite with S3 is a consistent pair when made so: recorded, then required.
    let on_s3 = dir.path().join("on-s3");
    let project = Project::init_with(&on_s3, "t", &s3).unwrap();
    let location = project.blobs.location();
    assert!(location.starts_with("s3://"), "{location}");
    assert_eq!(project.config.blobs.as_deref(), Some(location.as_str()));
    drop(project);
    let message = refused(&on_s3, &Backends::default());
    assert!(
        message.contains(&location) && message.contains("--blobs"),
        "{message}"
    );
    let message = refused(&on_s3, &other_s3);
    assert!(
        message.contains(&location) && message.contains(&other.open().location()),
        "{message}"
    );
    let project = Project::open_with(&on_s3, &s3).unwrap();
    assert_eq!(project.blobs.location(), location);
}
