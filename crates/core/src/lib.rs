//! Domain types shared by every casefile crate.
//!
//! This crate is the bottom of the layering: it does no I/O and depends on
//! nothing else of casefile. It defines what a [`Source`], a [`Span`], an
//! [`Entity`], a [`Statement`] and a [`Case`] are (see `DESIGN.md`), the
//! identifiers that name them, the audit entry and its hash chain, and which
//! properties hold a child's personal data ([`sensitivity`]).
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

pub mod audit;
pub mod calendar;
pub mod chars;
pub mod hash;
mod lang;
pub mod model;
pub mod sensitivity;
mod sex;
pub mod vocab;

pub use audit::{verify_chain, AuditEntry, AuditRecord, ChainFault, GENESIS_HASH};
pub use hash::{sha256_hex, Sha256Hex};
pub use lang::Lang;
pub use model::*;
pub use sex::Sex;
