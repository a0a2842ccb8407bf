//! What the benchmark, evaluation and generator binaries of casefile share.
//!
//! The binaries themselves are in `src/bin/` and keep the names they are
//! documented under (`cargo run --release -p casefile-bench --bin eval-febrl`):
//! `bench-ingest`, `bench-text`, `bench-names`, `eval-names`, `bench-extract`,
//! `eval-extract`, `eval-febrl`, `eval-synth` and `gen-registries`. They live
//! here, not in the library crates they measure, so that the libraries carry
//! library dependencies only (no clap, anyhow, allocator or `rand`).
//!
//! The library part is small:
//! - [`attribution`]: how a count claim's asserter is scored, for `eval-extract` and
//!   `train-count-model --attribution`;
//! - [`synthetic`]: a deterministic corpus of report-like documents, for
//!   `bench-ingest` and the crash test of the `casefile` binary;
//! - [`registries2`]: the truth file of a `gen-registries2` directory, for
//!   `eval-registries2` and `diag-registries2`;
//! - [`measure`]: CPU time, percentiles and the search queries of the
//!   ingest benchmarks;
//! - [`LinkOptions`]: the linker options that `eval-febrl` and `eval-synth`
//!   read the same way, and [`peak_rss_mib`].

pub mod attribution;
mod link_options;
pub mod measure;
pub mod registries2;
pub mod synthetic;
mod weighted;

pub use link_options::{peak_rss_mib, LinkOptions};
pub use weighted::Weighted;
