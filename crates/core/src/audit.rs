//! The audit log's entries and their hash chain.
//!
//! Every write appends one entry; each entry carries the hash of the one before
//! it, and its own hash covers all of its fields. Changing, removing or
//! reordering any entry therefore breaks the chain at a point that
//! [`verify_chain`] names. Storage of the entries lives in the store crate;
//! the rule for hashing them lives here, once.

use crate::hash::sha256_hex;
use serde::{Deserialize, Serialize};

/// The `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What is being recorded: the content of an entry before it is chained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// RFC 3339 UTC.
    pub time: String,
    pub actor: String,
    /// A dotted verb such as `project.init`, `source.ingest`, `statement.add`.
    pub action: String,
    /// Ids of the objects the action touched (source ids, entity ids, ...).
    pub objects: Vec<String>,
    /// Non-sensitive details as compact JSON (never a child's personal data).
    pub detail: String,
}

/// A stored entry: its position in the log, its record and its links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// 1-based position in the log; gaps mean removed entries.
    pub seq: u64,
    #[serde(flatten)]
    pub record: AuditRecord,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditEntry {
    /// Chains `record` after an entry at `seq - 1` whose hash is `prev_hash`.
    pub fn chain(seq: u64, record: AuditRecord, prev_hash: &str) -> AuditEntry {
        let hash = entry_hash(seq, &record, prev_hash);
        AuditEntry {
            seq,
            record,
            prev_hash: prev_hash.to_string(),
            hash,
        }
    }

    /// The hash this entry should carry given its current fields.
    pub fn expected_hash(&self) -> String {
        entry_hash(self.seq, &self.record, &self.prev_hash)
    }
}

/// Length-prefixed fields, so that no two different records hash alike by
/// shifting text from one field to the next.
fn entry_hash(seq: u64, record: &AuditRecord, prev_hash: &str) -> String {
    let mut buf = Vec::with_capacity(256);
    let mut field = |bytes: &[u8]| {
        buf.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        buf.extend_from_slice(bytes);
    };
    field(&seq.to_le_bytes());
    field(record.time.as_bytes());
    field(record.actor.as_bytes());
    field(record.action.as_bytes());
    field(&(record.objects.len() as u64).to_le_bytes());
    for object in &record.objects {
        field(object.as_bytes());
    }
    field(record.detail.as_bytes());
    field(prev_hash.as_bytes());
    sha256_hex(&buf)
}

/// One way in which a chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ChainFault {
    /// The entry's fields no longer produce its stored hash.
    Altered { seq: u64 },
    /// The entry does not point at the hash of the entry before it.
    Broken { seq: u64 },
    /// Entries with these positions are absent.
    Missing { from: u64, to: u64 },
    /// The log ends before the recorded head.
    Truncated { last: u64, head: u64 },
}

impl std::fmt::Display for ChainFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainFault::Altered { seq } => {
                write!(f, "audit entry {seq} was altered (its hash does not match its content)")
            }
            ChainFault::Broken { seq } => write!(
                f,
                "audit entry {seq} does not link to the entry before it (chain broken)"
            ),
            ChainFault::Missing { from, to } if from == to => {
                write!(f, "audit entry {from} is missing")
            }
            ChainFault::Missing { from, to } => write!(f, "audit entries {from}..={to} are missing"),
            ChainFault::Truncated { last, head } => write!(
                f,
                "audit log ends at entry {last} but the recorded head is entry {head}: entries {}..={head} are missing",
                last + 1
            ),
        }
    }
}

/// Checks `entries` (in `seq` order) as one chain whose last entry should be
/// `head_seq` (the head recorded beside the log). Returns every fault found.
pub fn verify_chain(entries: &[AuditEntry], head_seq: u64) -> Vec<ChainFault> {
    let mut faults = Vec::new();
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS_HASH.to_string();
    for entry in entries {
        if entry.seq > expected_seq {
            faults.push(ChainFault::Missing {
                from: expected_seq,
                to: entry.seq - 1,
            });
        }
        if entry.expected_hash() != entry.hash {
            faults.push(ChainFault::Altered { seq: entry.seq });
        } else if entry.prev_hash != prev_hash && entry.seq == expected_seq {
            faults.push(ChainFault::Broken { seq: entry.seq });
        }
        prev_hash = entry.hash.clone();
        expected_seq = entry.seq + 1;
    }
    let last = expected_seq - 1;
    if last < head_seq {
        faults.push(ChainFault::Truncated {
            last,
            head: head_seq,
        });
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(action: &str) -> AuditRecord {
        AuditRecord {
            time: "2026-01-01T00:00:00Z".into(),
            actor: "tester".into(),
            action: action.into(),
            objects: vec!["abc".into()],
            detail: "{}".into(),
        }
    }

    fn chain(n: u64) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for seq in 1..=n {
            let prev = out
                .last()
                .map_or(GENESIS_HASH.to_string(), |e| e.hash.clone());
            out.push(AuditEntry::chain(seq, record(&format!("a{seq}")), &prev));
        }
        out
    }

    #[test]
    fn intact_chain_has_no_fault() {
        assert!(verify_chain(&chain(5), 5).is_empty());
    }

    #[test]
    fn altered_entry_is_named() {
        let mut c = chain(5);
        c[2].record.actor = "mallory".into();
        assert_eq!(verify_chain(&c, 5), vec![ChainFault::Altered { seq: 3 }]);
    }

    #[test]
    fn rehashed_entry_breaks_the_next_link() {
        let mut c = chain(5);
        c[2].record.actor = "mallory".into();
        c[2].hash = c[2].expected_hash();
        assert_eq!(verify_chain(&c, 5), vec![ChainFault::Broken { seq: 4 }]);
    }

    #[test]
    fn removed_and_truncated_entries_are_named() {
        let mut c = chain(5);
        c.remove(1);
        let faults = verify_chain(&c, 5);
        assert_eq!(faults[0], ChainFault::Missing { from: 2, to: 2 });
        let c = chain(5);
        assert_eq!(
            verify_chain(&c[..3], 5),
            vec![ChainFault::Truncated { last: 3, head: 5 }]
        );
        assert!(ChainFault::Truncated { last: 3, head: 5 }
            .to_string()
            .contains("4..=5"));
    }

    #[test]
    fn fields_cannot_be_shifted_into_each_other() {
        let mut a = record("x");
        a.actor = "ab".into();
        a.action = "c".into();
        let mut b = record("x");
        b.actor = "a".into();
        b.action = "bc".into();
        assert_ne!(
            AuditEntry::chain(1, a, GENESIS_HASH).hash,
            AuditEntry::chain(1, b, GENESIS_HASH).hash
        );
    }
}
