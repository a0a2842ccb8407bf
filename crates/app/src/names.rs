//! Names across scripts and spellings: how two names of a kind (person,
//! place, organisation) compare, and the spellings counted as one name.
//! Places go through the gazetteer and organisations through the curated
//! list (`casefile_extract::compare_names`), persons through
//! `casefile_names::compare`.

pub use casefile_names::{Comparison, NameKind, UnknownKind, DEFAULT_THRESHOLD};

/// Scores two names of `kind` (any script, any order) with an explanation of each step.
pub fn compare(a: &str, b: &str, kind: NameKind) -> Comparison {
    casefile_extract::compare_names(kind, a, b)
}

/// The spellings the matcher counts as the same name as `name`.
pub fn variants(name: &str) -> Vec<String> {
    casefile_names::variants(name)
}
