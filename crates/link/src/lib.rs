//! Probabilistic record linkage (Fellegi–Sunter, EM) of child registries.
//!
//! Children moved out of occupied Ukraine appear in many lists — a missing
//! list in Ukrainian, a camp list in Russian, an adoption page in Latin
//! letters — each spelling them differently, some with ages instead of
//! birth dates. This crate finds the records of the same child across such
//! lists ([`link`]) or within one ([`dedupe`]), with a probability and the
//! per-field reasons for every pair, without any labelled training data.
//!
//! The pipeline: [`registry`] reads a CSV through a column map into
//! [`Record`]s; `encode` interns every value once (with its Latin key from
//! `casefile-names`); [`blocking`] picks candidate pairs by sort-based
//! keys; `compare` turns each pair into a pattern of comparison levels;
//! [`model`] estimates `u` from random pairs and `m` and the prior by EM on
//! pattern counts, with term-frequency adjustment of names; `cluster`
//! groups matches with a guard against chaining.
//!
//! The library does no I/O. Records hold children's personal data: nothing
//! here logs or puts record content into errors.

pub mod blocking;
mod cluster;
mod compare;
pub mod dates;
mod encode;
pub mod evaluation;
mod linker;
pub mod model;
pub mod names_bridge;
pub mod record;
pub mod registry;

pub use blocking::{BlockingConfig, BlockingError, BlockingRule};
pub use linker::{
    dedupe, dedupe_owned, link, link_owned, FieldContribution, LinkResult, LinkStats, Pair,
    PairRef, Settings,
};
pub use model::Model;
pub use record::Record;
pub use registry::{parse_registry, parse_registry_reader, ColumnMap, RegistryError, RowError};
