//! The project's Ed25519 signing key, which signs every evidence package.
//!
//! Kept in `DIR/keys/signing-key.pem` (PKCS#8, readable by its owner only)
//! with the public key beside it (`signing-key.pub.pem`). It is created at
//! `init`; a project made before keys existed gets one at its first export.
//! Either way the creation is an audit entry naming the key's fingerprint,
//! so a receiver can tie a package to the project's log. The private key
//! never goes into an export.

use crate::{AppError, Result};
use casefile_core::AuditRecord;
use casefile_export::{
    generate_signing_key, public_key_fingerprint, public_key_to_pem, read_signing_key,
    write_signing_key, SigningKey,
};
use casefile_store::{now_rfc3339, Project};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The directory of the keys, inside the project.
pub const KEY_DIR: &str = "keys";
/// The private key file in [`KEY_DIR`].
pub const PRIVATE_KEY_FILE: &str = "signing-key.pem";
/// The public key file in [`KEY_DIR`].
pub const PUBLIC_KEY_FILE: &str = "signing-key.pub.pem";

/// The public half of the project's key.
#[derive(Debug, Clone, Serialize)]
pub struct KeyInfo {
    /// Where the public key is kept.
    pub path: PathBuf,
    /// SubjectPublicKeyInfo PEM, as OpenSSL reads it.
    pub public_key_pem: String,
    /// SHA-256 of the raw 32-byte public key.
    pub fingerprint: String,
}

fn private_path(project: &Project) -> PathBuf {
    project.root.join(KEY_DIR).join(PRIVATE_KEY_FILE)
}

fn public_path(project: &Project) -> PathBuf {
    project.root.join(KEY_DIR).join(PUBLIC_KEY_FILE)
}

fn key_error(path: &Path) -> impl Fn(casefile_export::KeyError) -> AppError + '_ {
    move |e| AppError::input(path, e)
}

/// Creates the project's key pair and records it in the audit log; fails if
/// a private key exists (it is never replaced).
pub(crate) fn create(project: &mut Project, actor: &str) -> Result<KeyInfo> {
    let dir = project.root.join(KEY_DIR);
    fs::create_dir_all(&dir).map_err(|e| AppError::input(&dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| AppError::input(&dir, e))?;
    }
    let key = generate_signing_key();
    let private = private_path(project);
    write_signing_key(&private, &key).map_err(key_error(&private))?;
    let info = public_info(project, &key)?;
    fs::write(&info.path, &info.public_key_pem).map_err(|e| AppError::input(&info.path, e))?;
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.to_string(),
        action: "key.create".into(),
        objects: vec![format!("key:{}", info.fingerprint)],
        detail: serde_json::json!({
            "algorithm": "Ed25519",
            "fingerprint": info.fingerprint,
            "public_key": format!("{KEY_DIR}/{PUBLIC_KEY_FILE}"),
        })
        .to_string(),
    })?;
    Ok(info)
}

fn public_info(project: &Project, key: &SigningKey) -> Result<KeyInfo> {
    let verifying = key.verifying_key();
    let path = public_path(project);
    Ok(KeyInfo {
        public_key_pem: public_key_to_pem(&verifying).map_err(key_error(&path))?,
        fingerprint: public_key_fingerprint(&verifying),
        path,
    })
}

/// The project's signing key, created (and audited) when the project has none.
pub(crate) fn signing_key(project: &mut Project, actor: &str) -> Result<SigningKey> {
    let private = private_path(project);
    if !private.exists() {
        create(project, actor)?;
    }
    read_signing_key(&private).map_err(key_error(&private))
}

/// The project's public key and its fingerprint (derived from the private
/// key, which is the one that signs). Public data: no role is needed.
pub fn show(project: &Project) -> Result<KeyInfo> {
    let private = private_path(project);
    if !private.exists() {
        return Err(AppError::NotFound(format!(
            "{}: the project has no signing key yet; its first export creates one",
            private.display()
        )));
    }
    let key = read_signing_key(&private).map_err(key_error(&private))?;
    public_info(project, &key)
}
