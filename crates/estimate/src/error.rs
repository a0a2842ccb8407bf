//! The one error type of the crate: every refusal names the input and the
//! reason, and never carries a record's content (only list names, counts and
//! positions, which are not a child's personal data).

use thiserror::Error;

/// Why an overlap table or an estimate request was refused.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum EstimateError {
    /// Multiple-systems estimation needs at least three lists to see list
    /// dependence at all; with two, the independence assumption is untestable.
    #[error("{lists} list(s) given; multiple-systems estimation needs 3 to 5 lists")]
    TooFewLists { lists: usize },
    /// The model space grows as 2^(k(k-1)/2); beyond 5 lists merge lists first.
    #[error("{lists} lists given; at most 5 are supported (merge the smallest lists first)")]
    TooManyLists { lists: usize },
    #[error("{lists} lists need {expected} cells (one per capture pattern), got {got}")]
    WrongCellCount {
        lists: usize,
        expected: usize,
        got: usize,
    },
    #[error("the cell of people on no list must be 0 (it is what is estimated), got {got}")]
    UnobservedCellGiven { got: u64 },
    #[error("list name {position} is empty")]
    EmptyListName { position: usize },
    #[error("list name `{name}` is given twice")]
    DuplicateListName { name: String },
    #[error("cluster {cluster} names list index {index}, but there are only {lists} lists")]
    ListIndexOutOfRange {
        cluster: usize,
        index: usize,
        lists: usize,
    },
    #[error("cluster {cluster} is on no list; every linked person is on at least one")]
    EmptyCluster { cluster: usize },
    #[error("the table has no observed person")]
    NoObservations,
    #[error("count table `{source_name}`: {reason}")]
    BadTable { source_name: String, reason: String },
    #[error("stratum `{stratum}`: {reason}")]
    BadStratum { stratum: String, reason: String },
    #[error("no overlap tables given for the linkage-uncertainty spread")]
    NoTables,
    #[error("linkage alternatives disagree on the lists: {reason}")]
    MismatchedTables { reason: String },
    #[error("option `{option}`: {reason}")]
    BadOption {
        option: &'static str,
        reason: String,
    },
}
