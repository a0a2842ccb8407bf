//! Which writes leave the values derived from the whole database as they
//! were (`Project::derived`): the entities resolved across sources, the
//! grouped claims and the overview's counts are each a pass over many rows,
//! and a team server writes to the audit log all the time for reasons that
//! change none of them (a tracer reading a registry, a case edited, a
//! report written). Each predicate is true of an audit entry whose write
//! cannot change the value; anything not named here makes it again.

use casefile_core::{property, AuditRecord, EntityKind};

/// Prefixes of the actions that write nothing a source's findings are made
/// of: registries, their reads, linkage and review decisions (statements
/// about children's records, never about the persons, organisations, places
/// or counts read from sources), accounts, exports and reports, keys and
/// cases.
const OUTSIDE_FINDINGS: &[&str] = &[
    "registry.",
    "linkage.",
    "user.",
    "export.",
    "report.",
    "key.",
    "case.",
];

fn outside_findings(record: &AuditRecord) -> bool {
    OUTSIDE_FINDINGS
        .iter()
        .any(|prefix| record.action.starts_with(prefix))
}

/// A child's pseudonymous entity made or renamed (by a review decision or
/// a case taking a registry record): children are not resolved across
/// sources and hold no count.
fn child_entity(record: &AuditRecord) -> bool {
    matches!(record.action.as_str(), "entity.create" | "entity.update")
        && serde_json::from_str::<serde_json::Value>(&record.detail)
            .is_ok_and(|detail| detail["kind"] == EntityKind::Child.as_str())
}

/// Entries that leave the entities resolved across sources and the grouped
/// claims as they were.
pub(crate) fn keeps_findings(record: &AuditRecord) -> bool {
    outside_findings(record) || child_entity(record)
}

/// A human judgement on entities (a merge or a split) and the statement
/// that records it: they regroup the machine's clusters without changing
/// them.
fn judgement(record: &AuditRecord) -> bool {
    match record.action.as_str() {
        "entity.merge" | "entity.split" => true,
        "statement.add" => {
            serde_json::from_str::<serde_json::Value>(&record.detail).is_ok_and(|detail| {
                detail["properties"].as_array().is_some_and(|properties| {
                    !properties.is_empty()
                        && properties
                            .iter()
                            .all(|p| p == property::SAME_AS || p == property::SPLIT_OFF)
                })
            })
        }
        _ => false,
    }
}

/// Entries that leave the machine's clusters of entities (resolution before
/// human judgements) as they were.
pub(crate) fn keeps_machine_clusters(record: &AuditRecord) -> bool {
    keeps_findings(record) || judgement(record)
}

/// Entries that leave the overview's counts (sources by language and kind,
/// statements by status) as they were: review decisions are statements, so
/// they change the counts by status.
pub(crate) fn keeps_counts(record: &AuditRecord) -> bool {
    keeps_findings(record) && !record.action.starts_with("registry.review.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(action: &str, detail: &str) -> AuditRecord {
        AuditRecord {
            time: "2026-12-02T00:00:00Z".into(),
            actor: "t".into(),
            action: action.into(),
            objects: vec![],
            detail: detail.into(),
        }
    }

    #[test]
    fn reads_cases_and_children_keep_findings_ingest_and_judgements_do_not() {
        for kept in ["registry.read", "case.add", "report.html", "user.login"] {
            assert!(keeps_findings(&record(kept, "{}")), "{kept}");
        }
        assert!(keeps_findings(&record(
            "entity.create",
            r#"{"kind":"Child"}"#
        )));
        for changed in [
            "source.ingest",
            "statement.status",
            "statement.add",
            "entity.merge",
            "entity.split",
            "casefile.unknown",
        ] {
            assert!(!keeps_findings(&record(changed, "{}")), "{changed}");
        }
        assert!(!keeps_findings(&record(
            "entity.create",
            r#"{"kind":"Person"}"#
        )));
        assert!(!keeps_findings(&record("entity.create", "not json")));
    }

    #[test]
    fn judgements_keep_the_machine_clusters_and_nothing_else() {
        for judgement in [
            record("entity.merge", "{}"),
            record("entity.split", "{}"),
            record("statement.add", r#"{"count":1,"properties":["sameAs"]}"#),
            record("statement.add", r#"{"count":1,"properties":["splitOff"]}"#),
        ] {
            assert!(keeps_machine_clusters(&judgement), "{judgement:?}");
            assert!(!keeps_findings(&judgement), "{judgement:?}");
        }
        for finding in [
            r#"{"count":2,"properties":["sameAs","alias"]}"#,
            r#"{"count":0,"properties":[]}"#,
            "not json",
        ] {
            assert!(!keeps_machine_clusters(&record("statement.add", finding)));
        }
        assert!(!keeps_machine_clusters(&record("source.ingest", "{}")));
        assert!(keeps_machine_clusters(&record("registry.read", "{}")));
    }

    #[test]
    fn review_decisions_change_the_counts_by_status() {
        let decision = record("registry.review.accept", "{}");
        assert!(keeps_findings(&decision));
        assert!(!keeps_counts(&decision));
        assert!(keeps_counts(&record("registry.read", "{}")));
    }
}
