//! Services for the tests of this crate and of the crates above it: a
//! throwaway PostgreSQL schema and a throwaway prefix in an S3 test bucket,
//! each removed when dropped, and the project's rule for a missing service:
//! with `CI` set the test fails, otherwise it says it was skipped.
//!
//! Environment read:
//! - `DATABASE_URL` (default [`DEFAULT_DATABASE_URL`]);
//! - `CASEFILE_TEST_S3_ENDPOINT` (default [`DEFAULT_S3_ENDPOINT`], where
//!   `.ci/services.sh` starts moto) and `CASEFILE_TEST_S3_BUCKET` (default
//!   [`DEFAULT_S3_BUCKET`], which the script creates).

use crate::postgres::{PgOptions, PgStore};
use crate::s3::{S3Blobs, S3Options};
use std::net::{TcpStream, ToSocketAddrs};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The PostgreSQL of the development and CI machines.
pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/test";
/// Where `.ci/services.sh` starts the S3-compatible test server.
pub const DEFAULT_S3_ENDPOINT: &str = "http://127.0.0.1:9317";
/// The bucket `.ci/services.sh` creates.
pub const DEFAULT_S3_BUCKET: &str = "casefile-test";

/// `DATABASE_URL`, or the local default.
pub fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string())
}

/// Applies the rule for a missing service: panics under `CI`, otherwise
/// prints that the test was skipped (the caller then returns).
pub fn service_missing(service: &str, detail: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{service} is required under CI but is unreachable: {detail}");
    }
    eprintln!("skipped: no {service} ({detail})");
}

/// True when something accepts TCP connections at `host:port`.
fn reachable(host: &str, port: u16) -> bool {
    let Ok(addrs) = (host, port).to_socket_addrs() else {
        return false;
    };
    addrs
        .into_iter()
        .any(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok())
}

/// A name no other test process or thread uses at the same time.
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{nanos:x}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A schema of its own in the test database, dropped with everything in it
/// when this value is dropped.
pub struct PgTestSchema {
    pub url: String,
    pub schema: String,
    store: PgStore,
}

impl PgTestSchema {
    /// Creates a fresh schema with casefile's tables, or returns `None` after
    /// [`service_missing`] when PostgreSQL is unreachable.
    pub fn create() -> Option<PgTestSchema> {
        let url = database_url();
        let config = match tokio_postgres::Config::from_str(&url) {
            Ok(config) => config,
            Err(e) => panic!("DATABASE_URL is not a PostgreSQL URL: {e}"),
        };
        let host = match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
            _ => "127.0.0.1".to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        if !reachable(&host, port) {
            service_missing("PostgreSQL", &format!("nothing answers at {host}:{port}"));
            return None;
        }
        let schema = unique_name("casefile_test");
        let store = match PgStore::connect_with(&url, &PgTestSchema::options(&schema)) {
            Ok(store) => store,
            Err(e) => panic!("cannot create test schema {schema}: {e}"),
        };
        Some(PgTestSchema { url, schema, store })
    }

    fn options(schema: &str) -> PgOptions {
        PgOptions {
            schema: Some(schema.to_string()),
            pool_size: 4,
        }
    }

    /// A handle on the schema's store (sharing one pool).
    pub fn store(&self) -> PgStore {
        self.store.clone()
    }

    /// A new client with its own pool, as a second server would connect.
    pub fn connect(&self) -> PgStore {
        match PgStore::connect_with(&self.url, &PgTestSchema::options(&self.schema)) {
            Ok(store) => store,
            Err(e) => panic!("cannot connect to test schema {}: {e}", self.schema),
        }
    }

    /// Runs SQL in the schema as it is (to tamper with tables in tests).
    pub fn execute(&self, sql: &str) {
        if let Err(e) = self.store.execute_unchecked(sql) {
            panic!("test SQL failed: {e}");
        }
    }
}

impl Drop for PgTestSchema {
    fn drop(&mut self) {
        // The name was made by `unique_name`: safe to quote.
        let _ = self
            .store
            .execute_unchecked(&format!("DROP SCHEMA \"{}\" CASCADE", self.schema));
    }
}

/// A prefix of its own in the S3 test bucket, emptied when dropped.
pub struct S3TestPrefix {
    pub url: String,
    pub options: S3Options,
    blobs: S3Blobs,
}

impl S3TestPrefix {
    /// Opens a fresh prefix, or returns `None` after [`service_missing`] when
    /// the S3 test server is unreachable.
    pub fn create() -> Option<S3TestPrefix> {
        let endpoint = std::env::var("CASEFILE_TEST_S3_ENDPOINT")
            .unwrap_or_else(|_| DEFAULT_S3_ENDPOINT.to_string());
        let bucket = std::env::var("CASEFILE_TEST_S3_BUCKET")
            .unwrap_or_else(|_| DEFAULT_S3_BUCKET.to_string());
        let authority = endpoint
            .split_once("://")
            .map_or(endpoint.as_str(), |(_, rest)| rest)
            .trim_end_matches('/');
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().unwrap_or(80)),
            None => (authority, 80),
        };
        if !reachable(host, port) {
            service_missing(
                "S3 server",
                &format!("nothing answers at {endpoint}; start it with .ci/services.sh"),
            );
            return None;
        }
        let options = S3Options {
            endpoint: Some(endpoint.clone()),
            region: Some("us-east-1".into()),
            // The test server accepts any credentials.
            access_key_id: Some("casefile-test".into()),
            secret_access_key: Some("casefile-test".into()),
            allow_http: Some(true),
        };
        let url = format!("s3://{bucket}/{}", unique_name("test"));
        let blobs = match S3Blobs::open(&url, &options) {
            Ok(blobs) => blobs,
            Err(e) => panic!(
                "cannot open {url} at {endpoint} (does the bucket exist? .ci/services.sh creates it): {e}"
            ),
        };
        Some(S3TestPrefix {
            url,
            options,
            blobs,
        })
    }

    /// A new client on the prefix.
    pub fn open(&self) -> S3Blobs {
        match S3Blobs::open(&self.url, &self.options) {
            Ok(blobs) => blobs,
            Err(e) => panic!("cannot open {}: {e}", self.url),
        }
    }

    /// Replaces the bytes of blob `sha256` behind the store's back, as
    /// someone holding the bucket's keys could.
    pub fn tamper(&self, sha256: &str, bytes: &[u8]) {
        if let Err(e) = self.blobs.overwrite_unchecked(sha256, bytes) {
            panic!("cannot tamper with {sha256}: {e}");
        }
    }
}

impl S3TestPrefix {
    /// Deletes blob `sha256` behind the store's back.
    pub fn remove(&self, sha256: &str) {
        if let Err(e) = self.blobs.delete_unchecked(sha256) {
            panic!("cannot delete {sha256}: {e}");
        }
    }
}

impl Drop for S3TestPrefix {
    fn drop(&mut self) {
        let _ = self.blobs.delete_all_unchecked();
    }
}
