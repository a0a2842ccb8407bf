//! Checking a bag as a receiver would: `bagit.txt`, every payload and tag
//! file against its manifest, `Payload-Oxum`, and the Ed25519 signature of
//! the tag manifest. Each problem names the file (and manifest line) it is
//! about; the check goes on after a problem so that all are reported.

use crate::manifest::{hash_reader, parse_manifest, ManifestEntry, MANIFEST, TAG_MANIFEST};
use crate::sign::{self, VerifyingKey, PUBLIC_KEY_FILE, SIGNATURE_FILE};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

/// One way in which a bag does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    /// The directory cannot be read as a bag at all.
    NotABag { reason: String },
    /// A required tag file is absent or malformed (`bagit.txt`, a manifest, `bag-info.txt`).
    BadTagFile { file: String, reason: String },
    /// A line of a manifest cannot be read.
    BadManifestLine {
        manifest: String,
        line: usize,
        reason: String,
    },
    /// A manifest lists a file that is not there.
    Missing { file: String, manifest: String },
    /// A file's SHA-256 differs from its manifest's.
    Altered {
        file: String,
        manifest: String,
        expected: String,
        actual: String,
    },
    /// A file no manifest lists.
    Extra { file: String },
    /// A manifest path leaves the bag or a file is a symbolic link.
    UnsafePath { file: String, reason: String },
    /// A file that cannot be read.
    Unreadable { file: String, reason: String },
    /// `Payload-Oxum` of `bag-info.txt` disagrees with the payload.
    OxumMismatch { expected: String, actual: String },
    /// No signature file.
    SignatureMissing,
    /// The signature does not check out.
    SignatureInvalid { reason: String },
    /// The bag carries another public key than the one expected.
    KeyMismatch { expected: String, found: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotABag { reason } => write!(f, "not a bag: {reason}"),
            Problem::BadTagFile { file, reason } => write!(f, "{file}: {reason}"),
            Problem::BadManifestLine {
                manifest,
                line,
                reason,
            } => write!(f, "{manifest} line {line}: {reason}"),
            Problem::Missing { file, manifest } => {
                write!(f, "{file}: missing (listed in {manifest})")
            }
            Problem::Altered {
                file,
                manifest,
                expected,
                actual,
            } => write!(
                f,
                "{file}: altered (SHA-256 {actual}, {manifest} says {expected})"
            ),
            Problem::Extra { file } => write!(f, "{file}: extra file, not listed in any manifest"),
            Problem::UnsafePath { file, reason } => write!(f, "{file}: {reason}"),
            Problem::Unreadable { file, reason } => write!(f, "{file}: cannot be read: {reason}"),
            Problem::OxumMismatch { expected, actual } => write!(
                f,
                "bag-info.txt: Payload-Oxum is {expected} but the payload is {actual} (bytes.files)"
            ),
            Problem::SignatureMissing => {
                write!(f, "{SIGNATURE_FILE}: missing (the bag is not signed)")
            }
            Problem::SignatureInvalid { reason } => write!(f, "{SIGNATURE_FILE}: {reason}"),
            Problem::KeyMismatch { expected, found } => write!(
                f,
                "{PUBLIC_KEY_FILE}: the bag carries key {found}, not the expected key {expected}"
            ),
        }
    }
}

/// What the signature check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "signature", rename_all = "kebab-case")]
pub enum SignatureCheck {
    /// Valid under the key the caller expected: signed by its holder.
    ValidUnderExpectedKey { fingerprint: String },
    /// Valid under the key shipped in the bag: unchanged since it was signed,
    /// but who signed is only as sure as that key (pass the expected key).
    ValidUnderBagKey { fingerprint: String },
    /// Absent, or does not check out (see the problems).
    Invalid,
}

impl fmt::Display for SignatureCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureCheck::ValidUnderExpectedKey { fingerprint } => {
                write!(f, "signature valid, made by the expected key {fingerprint}")
            }
            SignatureCheck::ValidUnderBagKey { fingerprint } => write!(
                f,
                "signature valid under the key the bag carries ({fingerprint}); \
                 give the sender's public key to check who signed"
            ),
            SignatureCheck::Invalid => f.write_str("signature not valid"),
        }
    }
}

/// The result of [`verify_package`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackageReport {
    pub dir: PathBuf,
    pub payload_files: usize,
    pub payload_bytes: u64,
    pub signature: SignatureCheck,
    pub problems: Vec<Problem>,
}

impl PackageReport {
    /// True when every hash, the payload count and the signature hold.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.signature != SignatureCheck::Invalid
    }
}

/// Checks the bag at `dir`. With `expected_key`, the signature must be made
/// by that key; without, by the key the bag carries.
pub fn verify_package(dir: &Path, expected_key: Option<&VerifyingKey>) -> PackageReport {
    let mut report = PackageReport {
        dir: dir.to_path_buf(),
        payload_files: 0,
        payload_bytes: 0,
        signature: SignatureCheck::Invalid,
        problems: Vec::new(),
    };
    let files = match list_files(dir, &mut report.problems) {
        Ok(files) => files,
        Err(reason) => {
            report.problems.push(Problem::NotABag { reason });
            return report;
        }
    };
    check_bagit_txt(dir, &files, &mut report.problems);

    let payload: BTreeSet<&String> = files.keys().filter(|f| f.starts_with("data/")).collect();
    report.payload_files = payload.len();
    report.payload_bytes = payload.iter().map(|f| files[*f]).sum();
    let mut listed = BTreeSet::new();
    check_manifest(dir, MANIFEST, &files, &mut listed, &mut report.problems);
    check_manifest(dir, TAG_MANIFEST, &files, &mut listed, &mut report.problems);
    for file in files.keys() {
        let unlisted = !listed.contains(file.as_str());
        let exempt = [MANIFEST, TAG_MANIFEST, SIGNATURE_FILE].contains(&file.as_str());
        if unlisted && !exempt {
            report.problems.push(Problem::Extra { file: file.clone() });
        }
    }
    if let Some(problem) = check_oxum(dir, &report) {
        report.problems.push(problem);
    }
    report.signature = check_signature(dir, expected_key, &mut report.problems);
    report
}

/// Every regular file of the bag, relative with `/`, and its size. Symbolic
/// links are problems and not followed.
fn list_files(dir: &Path, problems: &mut Vec<Problem>) -> Result<BTreeMap<String, u64>, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let file = e
                    .path()
                    .and_then(|p| p.strip_prefix(dir).ok())
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                problems.push(Problem::Unreadable {
                    file,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map(|p| {
                p.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default();
        let kind = entry.file_type();
        if kind.is_symlink() {
            problems.push(Problem::UnsafePath {
                file: rel,
                reason: "a symbolic link (not followed)".into(),
            });
        } else if kind.is_file() {
            let size = entry.metadata().map_or(0, |m| m.len());
            files.insert(rel, size);
        }
    }
    Ok(files)
}

fn check_bagit_txt(dir: &Path, files: &BTreeMap<String, u64>, problems: &mut Vec<Problem>) {
    let file = "bagit.txt";
    let bad = |reason: &str| Problem::BadTagFile {
        file: file.into(),
        reason: reason.into(),
    };
    if !files.contains_key(file) {
        problems.push(bad("missing: this is not a bag"));
        return;
    }
    match fs::read_to_string(dir.join(file)) {
        Err(e) => problems.push(bad(&format!("cannot be read: {e}"))),
        Ok(text) => {
            let text = text.trim_start_matches('\u{feff}');
            let version = field(text, "BagIt-Version");
            if !matches!(version.as_deref(), Some("1.0") | Some("0.97")) {
                problems.push(bad("no BagIt-Version 1.0 or 0.97"));
            }
            let encoding = field(text, "Tag-File-Character-Encoding");
            if !encoding.is_some_and(|e| e.eq_ignore_ascii_case("UTF-8")) {
                problems.push(bad("Tag-File-Character-Encoding is not UTF-8"));
            }
        }
    }
}

/// The first value of `label` in a tag file of `Label: value` lines.
fn field(text: &str, label: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (l, v) = line.split_once(':')?;
        (l.trim() == label).then(|| v.trim().to_string())
    })
}

/// Checks every entry of `manifest` and adds the files it lists to `listed`.
fn check_manifest(
    dir: &Path,
    manifest: &str,
    files: &BTreeMap<String, u64>,
    listed: &mut BTreeSet<String>,
    problems: &mut Vec<Problem>,
) {
    if !files.contains_key(manifest) {
        problems.push(Problem::BadTagFile {
            file: manifest.into(),
            reason: "missing".into(),
        });
        return;
    }
    let text = match fs::read_to_string(dir.join(manifest)) {
        Ok(text) => text,
        Err(e) => {
            problems.push(Problem::Unreadable {
                file: manifest.into(),
                reason: e.to_string(),
            });
            return;
        }
    };
    let (entries, errors) = parse_manifest(&text);
    for e in errors {
        problems.push(Problem::BadManifestLine {
            manifest: manifest.into(),
            line: e.line,
            reason: e.reason.into(),
        });
    }
    let is_payload_manifest = manifest == MANIFEST;
    let mut to_hash = Vec::new();
    for ManifestEntry { path, sha256 } in entries {
        if let Some(reason) = unsafe_path(&path, is_payload_manifest) {
            problems.push(Problem::UnsafePath { file: path, reason });
            continue;
        }
        if !listed.insert(path.clone()) {
            continue;
        }
        if !files.contains_key(&path) {
            problems.push(Problem::Missing {
                file: path,
                manifest: manifest.into(),
            });
            continue;
        }
        to_hash.push((path, sha256));
    }
    // Hashing is the whole cost of verifying a large bag: one file per core.
    let found: Vec<Option<Problem>> = to_hash
        .into_par_iter()
        .map(
            |(path, sha256)| match File::open(dir.join(&path)).and_then(hash_reader) {
                Err(e) => Some(Problem::Unreadable {
                    file: path,
                    reason: e.to_string(),
                }),
                Ok((actual, _)) if actual != sha256 => Some(Problem::Altered {
                    file: path,
                    manifest: manifest.into(),
                    expected: sha256,
                    actual,
                }),
                Ok(_) => None,
            },
        )
        .collect();
    problems.extend(found.into_iter().flatten());
}

/// Why a manifest path may not be opened, if it may not.
fn unsafe_path(path: &str, payload: bool) -> Option<String> {
    if path.starts_with('/') || path.split('/').any(|part| part == ".." || part.is_empty()) {
        return Some("the manifest path leaves the bag or is not relative".into());
    }
    if payload != path.starts_with("data/") {
        return Some(if payload {
            "the payload manifest lists a file outside data/".into()
        } else {
            "the tag manifest lists a payload file".into()
        });
    }
    None
}

/// `Payload-Oxum` against the payload found (`bag-info.txt` and the field
/// are optional in RFC 8493; casefile always writes them).
fn check_oxum(dir: &Path, report: &PackageReport) -> Option<Problem> {
    let text = fs::read_to_string(dir.join("bag-info.txt")).ok()?;
    let expected = field(&text, "Payload-Oxum")?;
    let actual = crate::manifest::payload_oxum(report.payload_bytes, report.payload_files);
    (expected != actual).then_some(Problem::OxumMismatch { expected, actual })
}

fn check_signature(
    dir: &Path,
    expected_key: Option<&VerifyingKey>,
    problems: &mut Vec<Problem>,
) -> SignatureCheck {
    let signature = match fs::read(dir.join(SIGNATURE_FILE)) {
        Ok(bytes) => bytes,
        Err(_) => {
            problems.push(Problem::SignatureMissing);
            return SignatureCheck::Invalid;
        }
    };
    let bag_key = match fs::read_to_string(dir.join(PUBLIC_KEY_FILE)) {
        Ok(pem) => match sign::public_key_from_pem(&pem) {
            Ok(key) => Some(key),
            Err(e) => {
                problems.push(Problem::BadTagFile {
                    file: PUBLIC_KEY_FILE.into(),
                    reason: e.to_string(),
                });
                None
            }
        },
        Err(_) => {
            if expected_key.is_none() {
                problems.push(Problem::BadTagFile {
                    file: PUBLIC_KEY_FILE.into(),
                    reason: "missing, and no key was given to check the signature with".into(),
                });
            }
            None
        }
    };
    if let (Some(expected), Some(found)) = (expected_key, &bag_key) {
        if expected != found {
            problems.push(Problem::KeyMismatch {
                expected: sign::public_key_fingerprint(expected),
                found: sign::public_key_fingerprint(found),
            });
        }
    }
    let Some(key) = expected_key.or(bag_key.as_ref()) else {
        return SignatureCheck::Invalid;
    };
    let message = match fs::read(dir.join(TAG_MANIFEST)) {
        Ok(bytes) => bytes,
        Err(_) => return SignatureCheck::Invalid, // already reported as missing
    };
    match sign::check(key, &message, &signature) {
        Err(e) => {
            problems.push(Problem::SignatureInvalid {
                reason: e.to_string(),
            });
            SignatureCheck::Invalid
        }
        Ok(()) => {
            let fingerprint = sign::public_key_fingerprint(key);
            if expected_key.is_some() {
                SignatureCheck::ValidUnderExpectedKey { fingerprint }
            } else {
                SignatureCheck::ValidUnderBagKey { fingerprint }
            }
        }
    }
}
