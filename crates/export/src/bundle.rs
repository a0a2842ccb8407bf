//! The input of an export: one case and everything that goes into it, as
//! plain data the application layer fills from the store.
//!
//! Originals are not held in memory: each [`BundleSource`] says where its
//! bytes can be read ([`Original`]), and the writer streams them into the bag
//! while hashing, so a case of many gigabytes costs a buffer, not its size.

use casefile_core::{AuditEntry, Case, Entity, Source, Statement};
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

/// Opens a fresh reader of an original's bytes (called once per pass).
pub type OpenOriginal = dyn Fn() -> io::Result<Box<dyn Read + Send>> + Send + Sync;

/// Where an original's bytes come from.
pub enum Original {
    /// Bytes already in memory (small originals, tests).
    Bytes(Vec<u8>),
    /// A file, e.g. the store's blob `blobs/sha256/xx/<sha256>`.
    File(PathBuf),
    /// Anything else that can be read (an object store, a decrypting reader).
    Open(Box<OpenOriginal>),
}

impl Original {
    /// A new reader over the original's bytes, from the start.
    pub fn open(&self) -> io::Result<Box<dyn Read + Send + '_>> {
        Ok(match self {
            Original::Bytes(bytes) => Box::new(bytes.as_slice()),
            Original::File(path) => Box::new(File::open(path)?),
            Original::Open(open) => open()?,
        })
    }
}

impl fmt::Debug for Original {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never the bytes: an original may hold a child's data.
        match self {
            Original::Bytes(bytes) => write!(f, "Original::Bytes({} bytes)", bytes.len()),
            Original::File(path) => write!(f, "Original::File({})", path.display()),
            Original::Open(_) => f.write_str("Original::Open(..)"),
        }
    }
}

/// A source of the case with the way to read its original.
#[derive(Debug)]
pub struct BundleSource {
    /// Metadata, custody record and clean text; `source.id` is the SHA-256 the
    /// original must hash to (the writer checks it).
    pub source: Source,
    pub original: Original,
    /// Left out of public bags (e.g. a witness statement given in confidence).
    pub restricted: bool,
}

/// Who hands the package over: written to `bag-info.txt`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organisation {
    /// `Source-Organization`.
    pub name: String,
    /// `Contact-Name`, when set in the project's settings.
    pub contact_name: Option<String>,
    /// `Contact-Email`, when set.
    pub contact_email: Option<String>,
}

/// Everything an evidence package of one case holds.
#[derive(Debug)]
pub struct CaseBundle {
    pub case: Case,
    pub sources: Vec<BundleSource>,
    /// The case's entities, including child records (`EntityKind::Child`).
    pub entities: Vec<Entity>,
    /// Statements about those entities, with their spans and quotes.
    pub statements: Vec<Statement>,
    /// The audit entries that concern the case's objects, in log order. The
    /// caller chooses them: it knows how each action names its objects.
    pub audit: Vec<AuditEntry>,
    /// Hash of the last entry of the project's whole audit log at export time,
    /// so that a receiver can later check the log was not rewritten.
    pub audit_head_hash: String,
    pub organisation: Organisation,
    /// The web captures (WARC files, by SHA-256) the case's web sources were
    /// read from: a court bag carries each byte for byte, so that a receiver
    /// can check a page against the capture it came from; a public bag
    /// leaves them out (a capture holds whole pages and their exchanges,
    /// which cannot be pseudonymised).
    pub captures: Vec<(String, Original)>,
}
