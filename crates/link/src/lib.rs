//! Probabilistic record linkage (Fellegi–Sunter, EM) of child registries.
//!
//! Children moved out of occupied Ukraine appear in many lists — a missing
//! list in Ukrainian, a camp list in Russian, an adoption page in Latin
//! letters — each spelling them differently, some with ages instead of
//! birth dates. This crate finds the records of the same child across such
//! lists ([`link`]) or within one ([`dedupe`]), with a probability and the
//! per-field reasons for every pair, without any labelled training data.
//!
//! The pipeline: `registry` reads a CSV through a [`ColumnMap`] into
//! [`Record`]s; `encode` interns every value once (with its Latin key from
//! `casefile-names`); `blocking` picks candidate pairs by sort-based keys
//! ([`BlockingConfig`]); `compare` turns each pair into a pattern of
//! comparison levels; `model` estimates `u` from random pairs and `m` and the
//! prior by EM on pattern counts, with term-frequency adjustment of names;
//! `cluster` groups matches with a guard against chaining.
//!
//! The API, all at the crate root:
//! - [`link`] / [`dedupe`] (and [`link_owned`] / [`dedupe_owned`], which free
//!   the records once encoded) with [`Settings`] → [`LinkResult`]: the
//!   [`Model`] (per field a [`FieldModel`] of [`LevelModel`]s; kept as text
//!   by [`Model::to_stored`] and given back through [`Settings::model`] so
//!   that later runs score with it, [`ModelError`] when it cannot be read), every
//!   [`Pair`] above the review floor with its [`FieldContribution`]s, the
//!   clusters and [`LinkStats`]; [`PairRef`] names a pair by record index;
//! - [`parse_registry`] / [`parse_registry_reader`] (and
//!   [`parse_registry_reader_except`] for rows appended to a registry, and
//!   [`parse_registry_bytes`] on borrowed text, and [`registry_ids`], the
//!   ids alone, to check appended rows against): CSV → [`Record`]s
//!   through a [`ColumnMap`] (of [`MapKey`]s, with a [`DateOrder`]; a bad
//!   map is a [`MapError`]), row problems as [`RowError`]s, a failed read as a
//!   [`RegistryError`] (a file of more than [`MAX_COLUMNS`] columns or
//!   [`MAX_ROWS`] lines is refused, a cell over [`MAX_CELL_BYTES`] is a row
//!   error);
//!   [`detect_column_map`] finds the map from the header
//!   and a sample of rows (a [`DetectError`] when it cannot);
//! - [`join`]: the links of three or more lists read together, each pair
//!   raised or lowered by what the third lists say of its two records
//!   ([`JointStats`], [`JointError`]);
//! - [`KeptPairs`] (with [`KeptError`]): what a run keeps
//!   ([`LinkResult::kept`]) so that the next run after an append, given it
//!   through [`Settings::kept`] with the same model, compares only the new
//!   records and gives the result of a run that compares every pair;
//! - [`BlockingConfig`] of [`BlockingRule`]s, read from TOML (a
//!   [`BlockingError`] when it is wrong);
//! - scoring against a truth: [`PairCounts`], [`cluster_pairs`].
//!
//! The library does no I/O. Records hold children's personal data: nothing
//! here logs or puts record content into errors.

mod blocking;
mod cluster;
mod compare;
mod dates;
mod detect;
mod encode;
mod evaluation;
mod joint;
mod kept;
mod layout;
mod linker;
mod list_date;
mod model;
mod names_bridge;
mod place_names;
mod record;
mod registry;
mod rows;

pub use blocking::{BlockingConfig, BlockingError, BlockingRule};
pub use dates::DateOrder;
pub use detect::{detect_column_map, DetectError};
pub use evaluation::{cluster_pairs, PairCounts};
pub use joint::{bridged_pairs, join, JointError, JointStats};
pub use kept::{KeptError, KeptPairs};
pub use linker::{
    dedupe, dedupe_owned, link, link_owned, FieldContribution, LinkResult, LinkStats, Pair,
    PairRef, Settings,
};
pub use model::{Dependence, FieldModel, LevelModel, Model, ModelError, RuleFit};
pub use record::Record;
pub use registry::{
    parse_registry, parse_registry_bytes, parse_registry_reader, parse_registry_reader_except,
    registry_ids, registry_ids_among, ColumnMap, MapError, MapKey, RegistryError, RowError,
    MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROWS,
};
