//! Content-addressed storage of original bytes: the [`Blobs`] trait and its
//! folder implementation, [`BlobStore`] (the S3 one is [`crate::S3Blobs`]).
//!
//! Every backend names a blob by the SHA-256 of its bytes, never overwrites
//! one (a damaged copy is reported, not silently replaced: `verify` must be
//! able to name it), and has it durable before a write that refers to it
//! commits.
//!
//! In the folder, each original is written once under
//! `blobs/sha256/<2 hex>/<64 hex>`, made read-only and never modified. Writes
//! go to a temporary file in the same filesystem and are renamed into place,
//! so a crash leaves either no blob or a whole one. A stray temporary file is
//! harmless and swept on open.
//!
//! Durability: [`Blobs::put`] makes each blob durable. For batches,
//! [`Blobs::put_unsynced`] followed by one [`Blobs::sync`] costs the folder
//! one filesystem sync instead of two per file; callers must call `sync`
//! before they commit anything that refers to those blobs.

use crate::{Result, StoreError};
use casefile_core::{is_sha256_hex, sha256_hex};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where originals are kept, by the SHA-256 of their bytes.
pub trait Blobs: Send + Sync {
    /// Stores `bytes` durably and returns their SHA-256. Storing bytes that
    /// are already present writes nothing.
    fn put(&self, bytes: &[u8]) -> Result<String> {
        let sha = sha256_hex(bytes);
        self.put_hashed(&sha, bytes)?;
        Ok(sha)
    }
    /// Stores `bytes` whose SHA-256 the caller already computed, durably.
    fn put_hashed(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        if self.put_unsynced(sha256, bytes)? {
            self.sync()?;
        }
        Ok(())
    }
    /// Stores `bytes` (whose SHA-256 the caller computed) without waiting for
    /// durability; returns whether anything was written. Call [`Blobs::sync`]
    /// before committing references to it. An existing blob is checked, never
    /// rewritten: a damaged one is an error.
    fn put_unsynced(&self, sha256: &str, bytes: &[u8]) -> Result<bool>;
    /// Makes every blob written so far durable.
    fn sync(&self) -> Result<()>;
    /// The original bytes of blob `sha256`.
    fn get(&self, sha256: &str) -> Result<Vec<u8>>;
    /// True when a blob of this name is stored (whatever its bytes).
    fn exists(&self, sha256: &str) -> Result<bool>;
    /// Re-hashes blob `sha256` as stored.
    fn check(&self, sha256: &str) -> Result<BlobState>;
    /// Names of every stored blob, sorted.
    fn list(&self) -> Result<Vec<String>>;
    /// Where the blobs are, for messages (a folder path or an `s3://` URL).
    fn location(&self) -> String;
    /// The file holding blob `sha256`, when blobs are files on this machine
    /// (an export then streams it instead of holding it in memory).
    fn local_path(&self, _sha256: &str) -> Option<PathBuf> {
        None
    }
}

/// Refuses a name that is not 64 lowercase hex digits, before it becomes a
/// path or an object key.
pub(crate) fn checked_name(sha256: &str) -> Result<&str> {
    if is_sha256_hex(sha256) {
        Ok(sha256)
    } else {
        Err(StoreError::Invalid {
            what: "blob name",
            reason: format!("{sha256:?} is not a SHA-256 in hex"),
        })
    }
}

/// Whether `bytes` stored as `sha256` are intact.
pub(crate) fn state_of(sha256: &str, bytes: &[u8]) -> BlobState {
    let actual = sha256_hex(bytes);
    if actual == sha256 {
        BlobState::Intact
    } else {
        BlobState::Altered { actual }
    }
}

/// The error for a stored blob whose bytes no longer match its name.
pub(crate) fn damaged(sha256: &str) -> StoreError {
    StoreError::Corrupt {
        what: format!("blob {sha256}"),
        reason: "a blob with this name exists but its bytes do not match; run `casefile verify`"
            .into(),
    }
}

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
    /// The stored bytes now hash to `actual`.
    Altered {
        actual: String,
    },
    /// The blob is there but could not be read.
    Unreadable {
        reason: String,
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

    // The methods callers used before [`Blobs`] existed, kept so that they
    // need not import the trait; each is the trait's.

    /// [`Blobs::put`].
    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        Blobs::put(self, bytes)
    }

    /// [`Blobs::put_hashed`].
    pub fn put_hashed(&self, sha256: &str, bytes: &[u8]) -> Result<()> {
        Blobs::put_hashed(self, sha256, bytes)
    }

    /// [`Blobs::put_unsynced`].
    pub fn put_unsynced(&self, sha256: &str, bytes: &[u8]) -> Result<bool> {
        Blobs::put_unsynced(self, sha256, bytes)
    }

    /// [`Blobs::sync`].
    pub fn sync(&self) -> Result<()> {
        Blobs::sync(self)
    }

    /// [`Blobs::get`].
    pub fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        Blobs::get(self, sha256)
    }

    fn sweep_temporaries(&self) {
        if let Ok(entries) = fs::read_dir(self.tmp_dir()) {
            for entry in entries.flatten() {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

impl Blobs for BlobStore {
    fn put_unsynced(&self, sha256: &str, bytes: &[u8]) -> Result<bool> {
        let target = self.path_of(checked_name(sha256)?);
        if target.exists() {
            return match Blobs::check(self, sha256)? {
                BlobState::Intact => Ok(false),
                _ => Err(damaged(sha256)),
            };
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

    fn sync(&self) -> Result<()> {
        sync_filesystem(&self.root).map_err(|e| StoreError::io(&self.root, e))
    }

    fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        let path = self.path_of(checked_name(sha256)?);
        fs::read(&path).map_err(|e| StoreError::io(path, e))
    }

    fn exists(&self, sha256: &str) -> Result<bool> {
        Ok(self.path_of(checked_name(sha256)?).exists())
    }

    fn check(&self, sha256: &str) -> Result<BlobState> {
        match fs::read(self.path_of(checked_name(sha256)?)) {
            Ok(bytes) => Ok(state_of(sha256, &bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BlobState::Missing),
            Err(e) => Ok(BlobState::Unreadable {
                reason: e.to_string(),
            }),
        }
    }

    fn list(&self) -> Result<Vec<String>> {
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

    fn local_path(&self, sha256: &str) -> Option<PathBuf> {
        checked_name(sha256).ok().map(|name| self.path_of(name))
    }

    fn location(&self) -> String {
        self.root.display().to_string()
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
        assert_eq!(blobs.check(&sha).unwrap(), BlobState::Intact);
        assert!(blobs.exists(&sha).unwrap());
        assert_eq!(blobs.list().unwrap(), vec![sha.clone()]);

        let path = blobs.path_of(&sha);
        let mut perms = fs::metadata(&path).unwrap().permissions();
        assert!(perms.readonly());
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&path, perms).unwrap();
        fs::write(&path, b"forged words").unwrap();
        assert!(matches!(
            blobs.check(&sha).unwrap(),
            BlobState::Altered { .. }
        ));
        assert!(
            blobs.put(b"original words").is_err(),
            "never overwrite evidence"
        );
        fs::remove_file(&path).unwrap();
        assert_eq!(blobs.check(&sha).unwrap(), BlobState::Missing);
        assert!(!blobs.exists(&sha).unwrap());
    }
}
