//! Names across scripts and spellings: how two names compare, and the
//! spellings counted as one name.

pub use casefile_names::{Comparison, DEFAULT_THRESHOLD};

/// Scores two names (any script, any order) with an explanation of each step.
pub fn compare(a: &str, b: &str) -> Comparison {
    casefile_names::compare(a, b)
}

/// The spellings the matcher counts as the same name as `name`.
pub fn variants(name: &str) -> Vec<String> {
    casefile_names::variants(name)
}
