//! casefile's application layer: every user-level operation, once, for every
//! front end.
//!
//! The CLI, the HTTP server and the web pages are front ends: they parse
//! their input, call one function here, and render what it returns. Each
//! operation takes the open [`Project`] (whose database is reached only
//! through the [`casefile_store::Store`] trait, so any backend serves) and the
//! [`Actor`] doing it, checks what the actor's [`Role`] allows, appends the
//! audit entries the operation owes (reads of children's records included),
//! and returns plain data that serializes with serde. Nothing here prints,
//! parses command lines or knows of HTTP.
//!
//! Where to start:
//! - [`accounts`]: users, roles, passwords, API tokens and sessions.
//! - [`sources`]: init, ingest, list, show, search, verify, the audit log.
//! - [`entities`]: persons, organizations and places resolved across sources;
//!   merge and split as reversible human statements.
//! - [`claims`]: counts of children grouped across sources.
//! - [`browse`]: what the web pages show: the overview, search with
//!   metadata filters by page, a source with its statements, co-occurring
//!   entities.
//! - [`statements`]: one statement, and its review status.
//! - [`cases`]: cases gathering sources, entities and statements for one
//!   submission.
//! - [`export`]: signed BagIt evidence packages of a case (court and public
//!   profiles), FollowTheMoney entities, checking a package.
//! - [`keys`]: the project's signing key.
//! - [`report`]: routes of transfer, GeoJSON, and the HTML and PDF report of
//!   a case (counts only for children).
//! - [`registries`]: child registries: import, append, link, dedupe, the
//!   review queue and decisions.
//! - [`linkage`]: link and dedupe runs whose clusters are stored with stable
//!   ids (kept while they grow, new ids with their lineage on a merge or a
//!   split), and a cluster's history.
//! - [`estimate`]: how many children no registry recorded (multiple-systems
//!   estimation over 3–5 linked registries; counts only).
//! - [`extraction`]: extraction of one file without a project.
//! - [`names`]: how two names compare across scripts.
//! - [`demo`]: the demo project built from the embedded sample corpus.
//!
//! Invariants:
//! - A child's personal data leaves this crate only in values marked
//!   [`Protected`], and only to roles that may see it; every read of a
//!   registry's records is an audit entry.
//! - Error messages carry ids, paths, names of registries and property names,
//!   never statement values, record fields or search queries.

mod access;
pub mod accounts;
pub mod browse;
pub mod capture;
pub mod cases;
pub mod claims;
pub mod demo;
mod derived;
pub mod entities;
mod error;
pub mod estimate;
pub mod export;
pub mod extraction;
pub mod keys;
pub mod linkage;
pub mod names;
pub mod registries;
pub mod report;
pub mod sources;
pub mod statements;

pub use access::{is_public, Actor, Permission, Protected, Role, Scope};
pub use error::AppError;

// The types of the lower crates that operations take and return, so that a
// front end needs no other casefile crate.
pub use casefile_core::{
    AuditEntry, Case, CaseId, CaseItem, ClusterMember, ClusterOrigin, EntityKind, LinkageCluster,
    LinkageRun, RegistryAppend, Source, SourceId, SourceKind, SourceMeta, SourceSummary, Statement,
    StatementId, Status,
};
pub use casefile_estimate::{
    Estimate, EstimateOptions, Interval, LcmcrOptions, LinkageSpread, OverlapTable,
    StratifiedEstimate,
};
pub use casefile_extract::Extraction;
pub use casefile_ingest::{NoProgress, Progress};
pub use casefile_link::{LinkResult, Pair};
pub use casefile_store::{
    now_rfc3339, AuditQuery, Backends, PgOptions, Project, S3Options, SearchHit, SearchQuery,
    StoreError, VerifyReport,
};

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, AppError>;

/// `casefile <version>`, recorded in every custody record.
pub fn tool() -> String {
    format!("casefile {}", env!("CARGO_PKG_VERSION"))
}
