//! Signed evidence packages of a case: BagIt 1.0 bags (RFC 8493) that a
//! court, a UN commission or the public can check without casefile.
//!
//! The crate takes plain data ([`CaseBundle`], filled by the application
//! layer from the store) and writes files; it knows nothing of the store.
//!
//! - [`write_bag`] writes `data/` (originals byte for byte, clean texts,
//!   statements and entities with spans and quotes, FollowTheMoney entities,
//!   custody records, audit entries, a readable `index.html`), the manifests
//!   and `bag-info.txt`, and signs `tagmanifest-sha256.txt` with Ed25519.
//!   A bag appears at its path complete or not at all.
//! - [`write_ftm`] writes the FollowTheMoney entities alone, as JSON lines.
//! - [`verify_package`] checks a bag and names each file that is missing,
//!   altered or extra, and whether the signature holds.
//! - [`Profile::Public`] pseudonymises every protected field of a child
//!   (`casefile_core::sensitivity`), bands ages, drops exact addresses and
//!   leaves out restricted sources; a final scan refuses to finish a public
//!   bag in which any protected value of the input still appears.
//!
//! A receiver checks the signature with OpenSSL alone:
//! `openssl pkeyutl -verify -pubin -inkey casefile-signing-key.pub.pem -rawin
//! -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig`.

mod bagit;
mod bundle;
mod error;
mod ftm;
mod html;
mod manifest;
mod redact;
mod sign;
mod verify;

pub use bagit::{write_bag, BagReport, BAGIT_VERSION};
pub use bundle::{BundleSource, CaseBundle, Organisation, Original};
pub use error::ExportError;
pub use ftm::write_ftm;
pub use redact::{age_band, Profile};
pub use sign::{
    generate_signing_key, public_key_fingerprint, public_key_from_pem, public_key_to_pem,
    read_signing_key, signing_key_from_pem, signing_key_to_pem, write_signing_key, KeyError,
    SigningKey, VerifyingKey, PUBLIC_KEY_FILE, SIGNATURE_FILE,
};
pub use verify::{verify_package, PackageReport, Problem, SignatureCheck};
