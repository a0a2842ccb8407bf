//! `verify`: re-hashes every original and re-walks the audit chain.
//!
//! Reports each fault by name: which blob is missing or altered, which audit
//! entry was altered, removed or re-linked, which source lost its ingest
//! record, which clean text no longer matches the hash recorded at ingest.

use crate::blobs::BlobState;
use crate::project::Project;
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

/// Checks every blob, the clean text of every source, and the audit chain.
pub fn verify_project(project: &Project) -> Result<VerifyReport> {
    let store = project.store();
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
    for entry in entries
        .iter()
        .filter(|e| e.record.action == "source.ingest")
    {
        let text_sha = serde_json::from_str::<serde_json::Value>(&entry.record.detail)
            .ok()
            .and_then(|v| v.get("text_sha256")?.as_str().map(str::to_string));
        for object in &entry.record.objects {
            ingest_records.insert(object.as_str(), (entry.seq, text_sha.clone()));
        }
    }

    let mut source_ids = HashSet::new();
    for summary in &sources {
        let id = summary.id.0.as_str();
        source_ids.insert(id);
        match project.blobs.check(id) {
            BlobState::Intact => {}
            BlobState::Missing => faults.push(format!(
                "blob {id} is missing (original of source {})",
                summary.id.short()
            )),
            BlobState::Altered { actual } => faults.push(format!(
                "blob {id} was altered: its bytes now hash to {actual}"
            )),
        }
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
        match project.blobs.check(&registry.blob) {
            BlobState::Intact => {}
            BlobState::Missing => faults.push(format!(
                "blob {} is missing (original of registry {:?})",
                registry.blob, registry.name
            )),
            BlobState::Altered { actual } => faults.push(format!(
                "blob {} was altered (original of registry {:?}): its bytes now hash to {actual}",
                registry.blob, registry.name
            )),
        }
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

    let unreferenced_blobs = project
        .blobs
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
