//! Domain types shared by every casefile crate.
//!
//! This crate is the bottom of the layering: it does no I/O and depends on
//! nothing else of casefile. Its API, all at the crate root:
//! - the records of DESIGN.md: [`Source`] (with its [`SourceMeta`],
//!   [`Custody`] with the [`WebCapture`] a captured page came from, the
//!   [`PageMap`] of a paginated original, and [`SourceSummary`]), [`Span`], [`Entity`],
//!   [`Statement`] (and the [`StatementFilter`] to select them), [`Case`],
//!   [`RegistryInfo`] (with the files appended to it, [`RegistryAppend`]);
//!   linkage clusters kept with stable ids ([`LinkageCluster`] of
//!   [`ClusterMember`]s, made by a [`LinkageRun`] from [`ClusterChanges`]);
//!   the identifiers that name them ([`SourceId`],
//!   [`EntityId`], [`StatementId`], [`CaseId`]) and their closed
//!   vocabularies ([`SourceKind`], [`MediaType`], [`EntityKind`], [`Origin`],
//!   [`Status`], parsed with [`ParseError`]);
//! - the audit log: [`AuditRecord`], [`AuditEntry`] chained by hash from
//!   [`GENESIS_HASH`], checked by [`verify_chain`] into [`ChainFault`]s;
//! - hashing: [`sha256_hex`], [`is_sha256_hex`];
//! - the statement vocabulary: the [`property`] names (all of them in
//!   [`PROPERTIES`], checked by [`is_property`]) and the [`claim_kind`]s;
//! - privacy: [`is_sensitive`] (with [`SENSITIVE_CHILD_PROPERTIES`]), the one
//!   rule for what is a child's personal data.
//!
//! It also holds the vocabulary every other crate shares, so that no crate
//! keeps its own copy: property names ([`vocab`]), [`Sex`], the language
//! code [`Lang`], month and weekday names ([`calendar`]) and the apostrophes
//! that join a word ([`chars`]).
//!
//! Invariants that every other crate relies on:
//! - A [`SourceId`] *is* the SHA-256 of the original bytes: the same bytes
//!   always get the same id, in any project.
//! - A [`Span`] is a half-open byte range `[start, end)` into the clean text of
//!   its source, always on UTF-8 character boundaries, and `quote` equals
//!   that slice of the text.
//! - Statements are never deleted; corrections are new statements or status
//!   changes, both recorded in the audit log.

mod audit;
pub mod calendar;
pub mod chars;
mod hash;
mod lang;
mod linkage;
mod model;
mod sensitivity;
mod sex;
mod vocab;

pub use audit::{verify_chain, AuditEntry, AuditRecord, ChainFault, GENESIS_HASH};
pub use hash::{is_sha256_hex, sha256_hex, Sha256Hex};
pub use lang::Lang;
pub use linkage::{
    ClusterChanges, ClusterMember, ClusterMemberSince, ClusterOrigin, LinkageCluster, LinkageRun,
    NewCluster, RegistryAppend, SavedRun,
};
pub use model::{
    Case, CaseId, CaseItem, Custody, Entity, EntityId, EntityKind, MediaType, Origin, PageMap,
    ParseError, RegistryInfo, Source, SourceId, SourceKind, SourceMeta, SourceSummary, Span,
    Statement, StatementFilter, StatementId, Status, WebCapture,
};
pub use sensitivity::{is_sensitive, SENSITIVE_CHILD_PROPERTIES};
pub use sex::Sex;
pub use vocab::{claim_kind, is_property, property, EVENT_RELATIONS, PARTY_RELATIONS, PROPERTIES};
