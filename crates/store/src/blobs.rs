//! Content-addressed storage of original bytes.
//!
//! Each original is written once under `blobs/sha256/<2 hex>/<64 hex>`, made
//! read-only and never modified. Writes go to a temporary file in the same
//! filesystem and are renamed into place, so a crash leaves either no blob or
//! a whole one. A stray temporary file is harmless and swept on open.
//!
//! Durability: [`BlobStore::put`] syncs each blob. For batches,
//! [`BlobStore::put_unsynced`] followed by one [`BlobStore::sync`] costs one
//! filesystem sync instead of two per file; callers must call `sync` before
//! they commit anything that refers to those blobs.

use crate::{Result, StoreError};
use casefile_core::{is_sha256_hex, sha256_hex};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of originals of one project.
#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
}

/// What [`BlobStore::check`] found for one blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobState {
    Intact,
    Missing,
    /// The file's bytes now hash to `actual`.
    Altered {
        actual: String,
    },
}

impl BlobStore {
    /// Opens (and creates if needed) the blob folder at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<BlobStore> {
        let root = root.into();
        let store = BlobStore { root };
        fs::create_dir_all(store.sha_dir()).map_err(|e| StoreError::io(store.sha_dir(), e))?;
        fs::create_dir_all(store.tmp_dir()).map_err(|e| StoreError::io(store.tmp_dir(), e))?;
        store.sweep_temporaries();
        Ok(store)
    }

    fn sha_dir(&self) -> PathBuf {
        self.root.join("sha256")
    }

    fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    /// Where the blob named `sha256` lives (whether or not it exists).
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("xx");
        self.sha_dir().join(prefix).join(sha256)
    }

    /// Stores `bytes` and returns their SHA-256. Storing bytes that are already
    /// present writes nothing.
    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        let sha = sha256_hex(bytes);
        self.put_hashed(&sha, bytes)?;
        Ok(sha)
    }

    /// Stores `bytes` whose SHA-256 the caller already computed, durably.
    pub fn put_hashed(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        if self.put_unsynced(sha256, bytes)? {
            self.sync()?;
        }
        Ok(())
    }

    /// Makes every blob written so far durable (one filesystem sync).
    pub fn sync(&self) -> Result<()> {
        sync_filesystem(&self.root).map_err(|e| StoreError::io(&self.root, e))
    }

    /// Stores `bytes` (whose SHA-256 the caller computed) without waiting for
    /// the disk; returns whether anything was written. Call [`BlobStore::sync`]
    /// before committing references to it.
    pub fn put_unsynced(&self, sha256: &str, bytes: &[u8]) -> Result<bool> {
        let target = self.path_of(sha256);
        if target.exists() {
            if self.check(sha256) == BlobState::Intact {
                return Ok(false);
            }
            // A damaged copy is never silently overwritten: `verify` must be
            // able to report it, and the user decides what to do.
            return Err(StoreError::Corrupt {
                what: format!("blob {sha256}"),
                reason:
                    "a file with this name exists but its bytes do not match; run `casefile verify`"
                        .into(),
            });
        }
        let dir = target.parent().unwrap_or(&self.root).to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let mut tmp = tempfile::NamedTempFile::new_in(self.tmp_dir())
            .map_err(|e| StoreError::io(self.tmp_dir(), e))?;
        tmp.write_all(bytes)
            .map_err(|e| StoreError::io(tmp.path(), e))?;
        let mut perms = tmp
            .as_file()
            .metadata()
            .map_err(|e| StoreError::io(tmp.path(), e))?
            .permissions();
        perms.set_readonly(true);
        fs::set_permissions(tmp.path(), perms).map_err(|e| StoreError::io(tmp.path(), e))?;
        tmp.persist(&target)
            .map_err(|e| StoreError::io(&target, e.error))?;
        Ok(true)
    }

    /// The original bytes of blob `sha256`.
    pub fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        let path = self.path_of(sha256);
        fs::read(&path).map_err(|e| StoreError::io(path, e))
    }

    /// Re-hashes blob `sha256` from disk.
    pub fn check(&self, sha256: &str) -> BlobState {
        match fs::read(self.path_of(sha256)) {
            Ok(bytes) => {
                let actual = sha256_hex(&bytes);
                if actual == sha256 {
                    BlobState::Intact
                } else {
                    BlobState::Altered { actual }
                }
            }
            Err(_) => BlobState::Missing,
        }
    }

    /// Names of every file in the blob folder that looks like a blob.
    pub fn list(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let sha_dir = self.sha_dir();
        let dirs = fs::read_dir(&sha_dir).map_err(|e| StoreError::io(&sha_dir, e))?;
        for dir in dirs.flatten() {
            let Ok(files) = fs::read_dir(dir.path()) else {
                continue;
            };
            for file in files.flatten() {
                if let Some(name) = file.file_name().to_str() {
                    if is_sha256_hex(name) {
                        out.push(name.to_string());
                    }
                }
            }
        }
        out.sort();
        Ok(out)
    }

    fn sweep_temporaries(&self) {
        if let Ok(entries) = fs::read_dir(self.tmp_dir()) {
            for entry in entries.flatten() {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Flushes the filesystem holding `path`: file contents and the renames that
/// put them in place, in one call.
#[cfg(target_os = "linux")]
fn sync_filesystem(path: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let handle = fs::File::open(path)?;
    // SAFETY: `syncfs` only reads the descriptor, which `handle` keeps open.
    let rc = unsafe { libc::syncfs(handle.as_raw_fd()) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_filesystem(_path: &Path) -> std::io::Result<()> {
    // Without syncfs, a global sync is the portable equivalent.
    std::process::Command::new("sync").status().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_is_idempotent_and_detects_tampering() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = BlobStore::open(dir.path().join("blobs")).unwrap();
        let sha = blobs.put(b"original words").unwrap();
        assert_eq!(blobs.put(b"original words").unwrap(), sha);
        assert_eq!(blobs.get(&sha).unwrap(), b"original words");
        assert_eq!(blobs.check(&sha), BlobState::Intact);
        assert_eq!(blobs.list().unwrap(), vec![sha.clone()]);

        let path = blobs.path_of(&sha);
        let mut perms = fs::metadata(&path).unwrap().permissions();
        assert!(perms.readonly());
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&path, perms).unwrap();
        fs::write(&path, b"forged words").unwrap();
        assert!(matches!(blobs.check(&sha), BlobState::Altered { .. }));
        assert!(
            blobs.put(b"original words").is_err(),
            "never overwrite evidence"
        );
        fs::remove_file(&path).unwrap();
        assert_eq!(blobs.check(&sha), BlobState::Missing);
    }
}
