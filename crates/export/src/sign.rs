//! The project's Ed25519 key: generation, PEM files (PKCS#8 for the private
//! key, SubjectPublicKeyInfo for the public one, both as OpenSSL writes and
//! reads them), and the signature of a bag's tag manifest.
//!
//! The signature is the raw 64 bytes of Ed25519 over the exact bytes of
//! `tagmanifest-sha256.txt`, which is what `openssl pkeyutl -verify -rawin
//! -sigfile` checks. The private key never goes into a bag.

use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, KeypairBytes,
};
use ed25519_dalek::{Signature, Signer};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The signature of the tag manifest, a tag file of the bag (raw 64 bytes).
pub const SIGNATURE_FILE: &str = "tagmanifest-sha256.txt.sig";
/// The public key that checks it, in PEM, a tag file of the bag.
pub const PUBLIC_KEY_FILE: &str = "casefile-signing-key.pub.pem";

/// A key that cannot be read, written or used.
#[derive(Debug, Error)]
pub enum KeyError {
    #[error("{}: {reason}", path.display())]
    File { path: PathBuf, reason: String },
    #[error("not a PEM Ed25519 {what} key: {reason}")]
    Pem { what: &'static str, reason: String },
    #[error("the signature is not 64 bytes (found {0})")]
    SignatureLength(usize),
    #[error("the signature does not match the signed bytes under this key")]
    BadSignature,
}

/// A new key from the operating system's random source.
pub fn generate_signing_key() -> SigningKey {
    SigningKey::generate(&mut rand::rngs::OsRng)
}

/// The private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
///
/// Written as PKCS#8 v1 (the private key alone), the form `openssl genpkey`
/// writes: OpenSSL 3.0 refuses the v2 form with the public key embedded,
/// which is what `SigningKey::to_pkcs8_pem` would produce.
pub fn signing_key_to_pem(key: &SigningKey) -> Result<String, KeyError> {
    let private_only = KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    };
    private_only
        .to_pkcs8_pem(LineEnding::LF)
        .map(|pem| pem.as_str().to_owned())
        .map_err(|e| KeyError::Pem {
            what: "private",
            reason: e.to_string(),
        })
}

/// Reads a PKCS#8 PEM private key (as written by [`signing_key_to_pem`] or
/// `openssl genpkey -algorithm ed25519`).
pub fn signing_key_from_pem(pem: &str) -> Result<SigningKey, KeyError> {
    SigningKey::from_pkcs8_pem(pem).map_err(|e| KeyError::Pem {
        what: "private",
        reason: e.to_string(),
    })
}

/// The public key as SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
pub fn public_key_to_pem(key: &VerifyingKey) -> Result<String, KeyError> {
    key.to_public_key_pem(LineEnding::LF)
        .map_err(|e| KeyError::Pem {
            what: "public",
            reason: e.to_string(),
        })
}

/// Reads a SubjectPublicKeyInfo PEM public key.
pub fn public_key_from_pem(pem: &str) -> Result<VerifyingKey, KeyError> {
    VerifyingKey::from_public_key_pem(pem).map_err(|e| KeyError::Pem {
        what: "public",
        reason: e.to_string(),
    })
}

/// SHA-256 of the raw 32-byte public key: a short name to compare keys by.
pub fn public_key_fingerprint(key: &VerifyingKey) -> String {
    casefile_core::sha256_hex(key.as_bytes())
}

/// Writes the private key to a new file readable by its owner only; an
/// existing file is never replaced.
pub fn write_signing_key(path: &Path, key: &SigningKey) -> Result<(), KeyError> {
    let file_error = |e: std::io::Error| KeyError::File {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let pem = signing_key_to_pem(key)?;
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(file_error)?;
    file.write_all(pem.as_bytes()).map_err(file_error)?;
    file.sync_all().map_err(file_error)
}

/// Reads a private key file written by [`write_signing_key`].
pub fn read_signing_key(path: &Path) -> Result<SigningKey, KeyError> {
    let pem = fs::read_to_string(path).map_err(|e| KeyError::File {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    signing_key_from_pem(&pem).map_err(|e| KeyError::File {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The raw signature of `message`.
pub(crate) fn sign(key: &SigningKey, message: &[u8]) -> [u8; 64] {
    key.sign(message).to_bytes()
}

/// Checks a raw signature of `message` (strict: no malleable signatures).
pub(crate) fn check(key: &VerifyingKey, message: &[u8], signature: &[u8]) -> Result<(), KeyError> {
    let bytes: [u8; 64] = signature
        .try_into()
        .map_err(|_| KeyError::SignatureLength(signature.len()))?;
    key.verify_strict(message, &Signature::from_bytes(&bytes))
        .map_err(|_| KeyError::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trips_and_signatures_check() {
        let key = generate_signing_key();
        let pem = signing_key_to_pem(&key).unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        let again = signing_key_from_pem(&pem).unwrap();
        assert_eq!(again.to_bytes(), key.to_bytes());
        let public = public_key_to_pem(&key.verifying_key()).unwrap();
        assert!(public.starts_with("-----BEGIN PUBLIC KEY-----"));
        let verifying = public_key_from_pem(&public).unwrap();
        let sig = sign(&key, b"manifest");
        assert!(check(&verifying, b"manifest", &sig).is_ok());
        assert!(matches!(
            check(&verifying, b"manifesT", &sig),
            Err(KeyError::BadSignature)
        ));
        assert!(matches!(
            check(&verifying, b"manifest", &sig[..63]),
            Err(KeyError::SignatureLength(63))
        ));
        let other = generate_signing_key().verifying_key();
        assert!(check(&other, b"manifest", &sig).is_err());
    }

    #[test]
    fn bad_pem_is_an_error_not_a_panic() {
        assert!(signing_key_from_pem("not a key").is_err());
        assert!(public_key_from_pem(
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"
        )
        .is_err());
    }

    #[test]
    fn key_file_is_private_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing-key.pem");
        let key = generate_signing_key();
        write_signing_key(&path, &key).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by others: {mode:o}");
        }
        assert_eq!(read_signing_key(&path).unwrap().to_bytes(), key.to_bytes());
        let err = write_signing_key(&path, &generate_signing_key()).unwrap_err();
        assert!(err.to_string().contains("signing-key.pem"), "{err}");
    }
}
