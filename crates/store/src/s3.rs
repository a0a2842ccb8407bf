//! [`Blobs`] on an S3-compatible object store, through the `object_store`
//! crate, driven by a small owned runtime ([`crate::runtime`]) so that the
//! trait stays sync.
//!
//! Layout: `s3://bucket/prefix` holds `prefix/sha256/<2 hex>/<64 hex>`, as
//! the folder does. A put returns once the store has acknowledged the object
//! (S3 acknowledges only durable writes), so [`Blobs::sync`] has nothing left
//! to do. An existing object is read back and checked, never rewritten; the
//! write itself is conditional (`If-None-Match: *`), so two clients storing
//! the same original at once cannot replace each other's copy either.

use crate::blobs::{checked_name, damaged, state_of, BlobState, Blobs};
use crate::runtime::BlockingRuntime;
use crate::{Result, StoreError};
use casefile_core::is_sha256_hex;
use futures_util::TryStreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder, S3ConditionalPut};
use object_store::path::Path;
use object_store::{BackoffConfig, ObjectStore, PutMode, PutOptions, PutPayload, RetryConfig};
use std::time::Duration;

/// Settings for [`S3Blobs::open`] beyond the URL. Each `None` falls back to
/// the usual environment variable: `AWS_ENDPOINT_URL`, `AWS_REGION`,
/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_ALLOW_HTTP` (and the
/// others `object_store` reads, such as `AWS_SESSION_TOKEN`).
#[derive(Debug, Clone, Default)]
pub struct S3Options {
    /// e.g. `http://127.0.0.1:9000` for a server other than AWS.
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    /// Allow a plain `http://` endpoint (loopback test servers).
    pub allow_http: Option<bool>,
}

/// Originals in an S3 bucket under a prefix.
pub struct S3Blobs {
    store: AmazonS3,
    /// `prefix/sha256`: the parent of every blob's key.
    root: Path,
    url: String,
    runtime: BlockingRuntime,
}

impl std::fmt::Debug for S3Blobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Blobs").field("url", &self.url).finish()
    }
}

/// Splits `s3://bucket/prefix` into the bucket and the prefix.
fn parse_url(url: &str) -> Result<(&str, &str)> {
    let invalid = |reason: &str| StoreError::Invalid {
        what: "blob store URL",
        reason: format!("{url:?} {reason}; expected s3://bucket/prefix"),
    };
    let rest = url
        .strip_prefix("s3://")
        .ok_or_else(|| invalid("does not start with s3://"))?;
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    if bucket.is_empty() {
        return Err(invalid("names no bucket"));
    }
    Ok((bucket, prefix.trim_matches('/')))
}

/// True for `http://` URLs of this machine: 127.0.0.0/8, `[::1]`, `localhost`.
fn is_loopback_http(endpoint: &str) -> bool {
    let Some(rest) = endpoint.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or("");
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl S3Blobs {
    /// Opens the blobs at `url` (`s3://bucket/prefix`) and checks that the
    /// bucket answers.
    pub fn open(url: &str, options: &S3Options) -> Result<S3Blobs> {
        let (bucket, prefix) = parse_url(url)?;
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .with_conditional_put(S3ConditionalPut::ETagMatch)
            // Fail within a minute rather than object_store's default of
            // three: a caller (a request, a verify) is waiting.
            .with_retry(RetryConfig {
                backoff: BackoffConfig::default(),
                max_retries: 3,
                retry_timeout: Duration::from_secs(60),
            });
        if let Some(endpoint) = &options.endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        if let Some(region) = &options.region {
            builder = builder.with_region(region);
        }
        if let Some(key) = &options.access_key_id {
            builder = builder.with_access_key_id(key);
        }
        if let Some(secret) = &options.secret_access_key {
            builder = builder.with_secret_access_key(secret);
        }
        if let Some(allow) = options.allow_http {
            builder = builder.with_allow_http(allow);
        } else if std::env::var_os("AWS_ALLOW_HTTP").is_none() {
            // Plain HTTP is allowed to a server on this machine only, where
            // no one else can listen in (a test server, a local gateway).
            let endpoint = options.endpoint.clone().or_else(|| {
                std::env::var("AWS_ENDPOINT_URL")
                    .or_else(|_| std::env::var("AWS_ENDPOINT"))
                    .ok()
            });
            if endpoint.as_deref().is_some_and(is_loopback_http) {
                builder = builder.with_allow_http(true);
            }
        }
        let url = format!("s3://{bucket}/{prefix}");
        let store = builder.build().map_err(|e| StoreError::ObjectStore {
            location: url.clone(),
            reason: e.to_string(),
        })?;
        let root = if prefix.is_empty() {
            Path::from("sha256")
        } else {
            Path::from(prefix).child("sha256")
        };
        let blobs = S3Blobs {
            store,
            root,
            url,
            runtime: BlockingRuntime::new("casefile-s3")?,
        };
        blobs.runtime.block_on(async {
            blobs
                .store
                .list_with_delimiter(Some(&blobs.root))
                .await
                .map_err(|e| blobs.error(e))
        })?;
        Ok(blobs)
    }

    fn key(&self, sha256: &str) -> Path {
        let fan_out = sha256.get(..2).unwrap_or("xx");
        self.root.child(fan_out).child(sha256)
    }

    fn error(&self, e: object_store::Error) -> StoreError {
        StoreError::ObjectStore {
            location: self.url.clone(),
            reason: e.to_string(),
        }
    }

    /// The bytes stored under `sha256`, or `None` when there is no such object.
    fn read(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        let key = self.key(checked_name(sha256)?);
        self.runtime.block_on(async {
            let got = match self.store.get(&key).await {
                Ok(got) => got,
                Err(object_store::Error::NotFound { .. }) => return Ok(None),
                Err(e) => return Err(self.error(e)),
            };
            let bytes = got.bytes().await.map_err(|e| self.error(e))?;
            Ok(Some(bytes.to_vec()))
        })
    }

    /// Writes `bytes` under `sha256` whatever is there: for tests that must
    /// damage evidence the way someone with the bucket's keys could.
    pub(crate) fn overwrite_unchecked(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        let key = self.key(checked_name(sha256)?);
        self.runtime.block_on(async {
            self.store
                .put(&key, PutPayload::from(bytes.to_vec()))
                .await
                .map_err(|e| self.error(e))?;
            Ok(())
        })
    }

    /// Deletes blob `sha256` (tests of a missing original use it).
    pub(crate) fn delete_unchecked(&self, sha256: &str) -> Result<()> {
        let key = self.key(checked_name(sha256)?);
        self.runtime
            .block_on(self.store.delete(&key))
            .map_err(|e| self.error(e))
    }

    /// Deletes every blob under the prefix (tests clean up with it).
    pub(crate) fn delete_all_unchecked(&self) -> Result<()> {
        self.runtime.block_on(async {
            let keys: Vec<Path> = self
                .store
                .list(Some(&self.root))
                .map_ok(|meta| meta.location)
                .try_collect()
                .await
                .map_err(|e| self.error(e))?;
            for key in keys {
                self.store.delete(&key).await.map_err(|e| self.error(e))?;
            }
            Ok(())
        })
    }
}

impl Blobs for S3Blobs {
    fn put_unsynced(&self, sha256: &str, bytes: &[u8]) -> Result<bool> {
        let key = self.key(checked_name(sha256)?);
        if self.exists(sha256)? {
            return match self.check(sha256)? {
                BlobState::Intact => Ok(false),
                _ => Err(damaged(sha256)),
            };
        }
        let created = self.runtime.block_on(async {
            let options = PutOptions {
                mode: PutMode::Create,
                ..PutOptions::default()
            };
            match self
                .store
                .put_opts(&key, PutPayload::from(bytes.to_vec()), options)
                .await
            {
                Ok(_) => Ok(true),
                // Someone stored it between the check and the write.
                Err(object_store::Error::AlreadyExists { .. }) => Ok(false),
                Err(e) => Err(self.error(e)),
            }
        })?;
        if !created && self.check(sha256)? != BlobState::Intact {
            return Err(damaged(sha256));
        }
        Ok(created)
    }

    fn sync(&self) -> Result<()> {
        Ok(())
    }

    fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        self.read(sha256)?.ok_or_else(|| StoreError::NotFound {
            what: "blob",
            id: sha256.to_string(),
        })
    }

    fn exists(&self, sha256: &str) -> Result<bool> {
        let key = self.key(checked_name(sha256)?);
        self.runtime.block_on(async {
            match self.store.head(&key).await {
                Ok(_) => Ok(true),
                Err(object_store::Error::NotFound { .. }) => Ok(false),
                Err(e) => Err(self.error(e)),
            }
        })
    }

    fn check(&self, sha256: &str) -> Result<BlobState> {
        Ok(match self.read(sha256)? {
            Some(bytes) => state_of(sha256, &bytes),
            None => BlobState::Missing,
        })
    }

    fn list(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = self.runtime.block_on(async {
            self.store
                .list(Some(&self.root))
                .map_ok(|meta| meta.location.filename().unwrap_or_default().to_string())
                .try_collect()
                .await
                .map_err(|e| self.error(e))
        })?;
        names.retain(|name| is_sha256_hex(name));
        names.sort();
        Ok(names)
    }

    fn location(&self) -> String {
        self.url.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_this_machine() {
        for yes in [
            "http://127.0.0.1:9317",
            "http://localhost:9000/",
            "http://[::1]:9000",
        ] {
            assert!(is_loopback_http(yes), "{yes}");
        }
        for no in [
            "https://127.0.0.1:9317",
            "http://s3.example.org",
            "http://127.0.0.1.example.org",
            "http://10.0.0.1:9000",
        ] {
            assert!(!is_loopback_http(no), "{no}");
        }
    }

    #[test]
    fn urls_name_a_bucket_and_an_optional_prefix() {
        assert_eq!(
            parse_url("s3://evidence/team-a/").unwrap(),
            ("evidence", "team-a")
        );
        assert_eq!(parse_url("s3://evidence").unwrap(), ("evidence", ""));
        for bad in ["evidence/x", "s3:///x", "http://evidence/x"] {
            let err = parse_url(bad).unwrap_err().to_string();
            assert!(err.contains("s3://bucket/prefix"), "{err}");
        }
    }
}
