//! `verify`: re-hashes every original and re-walks the audit chain.
//!
//! Reports each fault by name: which blob is missing or altered, which audit
//! entry was altered, removed or re-linked, which source lost its ingest
//! record, which clean text no longer matches the hash recorded at ingest.
//! [`verify`] works on any [`Store`] and any [`Blobs`]; [`verify_project`]
//! is it for an open project directory.

use crate::blobs::{BlobState, Blobs};
use crate::project::Project;
use crate::store::Store;
use crate::Result;
use casefile_core::{verify_chain, ChainFault};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The outcome of [`verify_project`].
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub sources: usize,
    pub blobs_checked: usize,
    pub audit_entries: usize,
    /// Hash of the last audit entry: record it elsewhere to detect a rewrite
    /// of the whole log later.
    pub audit_head_hash: Option<String>,
    /// Blob files no source refers to (left by an interrupted ingest; harmless).
    pub unreferenced_blobs: usize,
    /// Everything that does not hold; empty when the project verifies.
    pub faults: Vec<String>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.faults.is_empty()
    }
}

/// Checks every blob, the clean text of every source, and the audit chain
/// of an open project.
pub fn verify_project(project: &Project) -> Result<VerifyReport> {
    verify(project.store(), project.blobs.as_ref())
}

/// What a blob's state means for the report, or `None` when it is intact.
fn blob_fault(id: &str, state: BlobState, original_of: &str) -> Option<String> {
    match state {
        BlobState::Intact => None,
        BlobState::Missing => Some(format!("blob {id} is missing (original of {original_of})")),
        BlobState::Altered { actual } => Some(format!(
            "blob {id} was altered (original of {original_of}): its bytes now hash to {actual}"
        )),
        BlobState::Unreadable { reason } => Some(format!(
            "blob {id} cannot be read (original of {original_of}): {reason}"
        )),
    }
}

/// Checks every blob in `blobs` that `store` refers to, the clean text of
/// every source, and the audit chain.
pub fn verify(store: &dyn Store, blobs: &dyn Blobs) -> Result<VerifyReport> {
    let sources = store.sources()?;
    let entries = store.audit_entries()?;
    let head = store.audit_head()?;
    let mut faults = Vec::new();

    for fault in verify_chain(&entries, head) {
        faults.push(match fault {
            ChainFault::Altered { seq } => {
                let action = entries
                    .iter()
                    .find(|e| e.seq == seq)
                    .map(|e| e.record.action.as_str())
                    .unwrap_or("?");
                format!("{fault} [action {action}]")
            }
            other => other.to_string(),
        });
    }

    // The ingest record of each source: its entry and the text hash it vouches for.
    let mut ingest_records: HashMap<&str, (u64, Option<String>)> = HashMap::new();
    // The WARC files that captured pages were read from: blobs too.
    let mut warcs: HashMap<String, String> = HashMap::new();
    for entry in entries
        .iter()
        .filter(|e| e.record.action == "source.ingest")
    {
        let detail = serde_json::from_str::<serde_json::Value>(&entry.record.detail).ok();
        let text_sha = detail
            .as_ref()
            .and_then(|v| v.get("text_sha256")?.as_str().map(str::to_string));
        if let Some(warc) = detail
            .as_ref()
            .and_then(|v| v.get("warc_sha256")?.as_str().map(str::to_string))
        {
            let page = entry.record.objects.first().cloned().unwrap_or_default();
            warcs.entry(warc).or_insert(page);
        }
        for object in &entry.record.objects {
            ingest_records.insert(object.as_str(), (entry.seq, text_sha.clone()));
        }
    }

    let mut source_ids = HashSet::new();
    for summary in &sources {
        let id = summary.id.0.as_str();
        source_ids.insert(id);
        let original_of = format!("source {}", summary.id.short());
        faults.extend(blob_fault(id, blobs.check(id)?, &original_of));
        match ingest_records.get(id) {
            None => faults.push(format!("source {id} has no ingest entry in the audit log")),
            Some((seq, Some(expected))) => {
                let source = store.source(id)?;
                let actual = casefile_core::sha256_hex(source.text.as_bytes());
                if &actual != expected {
                    faults.push(format!(
                        "clean text of source {id} was altered (it no longer matches audit entry {seq})"
                    ));
                }
            }
            Some((_, None)) => {}
        }
    }
    let registries = store.registries()?;
    let mut checked = sources.len();
    for registry in &registries {
        source_ids.insert(registry.blob.as_str());
        checked += 1;
        let original_of = format!("registry {:?}", registry.name);
        faults.extend(blob_fault(
            &registry.blob,
            blobs.check(&registry.blob)?,
            &original_of,
        ));
    }
    let mut warcs: Vec<(String, String)> = warcs.into_iter().collect();
    warcs.sort();
    for (warc, page) in &warcs {
        checked += 1;
        let original_of = format!("the WARC of source {}", &page[..page.len().min(12)]);
        faults.extend(blob_fault(warc, blobs.check(warc)?, &original_of));
    }
    for (warc, _) in &warcs {
        source_ids.insert(warc.as_str());
    }
    for (id, (seq, _)) in &ingest_records {
        if !source_ids.contains(id) {
            faults.push(format!(
                "source {id} recorded by audit entry {seq} is missing from the database"
            ));
        }
    }
    faults.sort();
    faults.dedup();

    let unreferenced_blobs = blobs
        .list()?
        .iter()
        .filter(|b| !source_ids.contains(b.as_str()))
        .count();

    Ok(VerifyReport {
        sources: sources.len(),
        blobs_checked: checked,
        audit_entries: entries.len(),
        audit_head_hash: entries.last().map(|e| e.hash.clone()),
        unreferenced_blobs,
        faults,
    })
}
