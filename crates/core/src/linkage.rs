//! Linkage that persists: files appended to an imported registry, and the
//! clusters of records that `link` and `dedupe` found, kept with stable ids
//! from run to run and the lineage of merges and splits.
//!
//! A cluster's id never changes while its members only grow; when clusters
//! merge or one splits, the old ones are retired (never deleted) and the new
//! ones name them as parents.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A file appended to a registry after its import: kept as a blob like the
/// first, its records read through the registry's column map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryAppend {
    pub registry: String,
    /// 1 for the first file appended, then 2, … (given by the store).
    pub part: u32,
    /// SHA-256 of the appended CSV bytes (a blob).
    pub blob: String,
    pub original_path: String,
    /// Records added (rows read, less those refused).
    pub records: u64,
    /// Rows refused, each reported when appended.
    pub row_errors: u64,
    pub added_at: String,
    pub added_by: String,
}

/// A record of a registry, as a member of a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClusterMember {
    pub registry: String,
    pub record: String,
}

/// How a cluster came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClusterOrigin {
    /// From records that were in no cluster before.
    New,
    /// From the members of two or more earlier clusters (its parents).
    Merge,
    /// From a part of one earlier cluster (its parent).
    Split,
}

impl ClusterOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            ClusterOrigin::New => "new",
            ClusterOrigin::Merge => "merge",
            ClusterOrigin::Split => "split",
        }
    }
}

impl fmt::Display for ClusterOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClusterOrigin {
    type Err = crate::ParseError;
    fn from_str(s: &str) -> Result<ClusterOrigin, crate::ParseError> {
        match s {
            "new" => Ok(ClusterOrigin::New),
            "merge" => Ok(ClusterOrigin::Merge),
            "split" => Ok(ClusterOrigin::Split),
            _ => Err(crate::ParseError {
                what: "cluster origin",
                value: s.to_string(),
                expected: "new, merge or split",
            }),
        }
    }
}

/// A member with the run that added it to its cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterMemberSince {
    #[serde(flatten)]
    pub member: ClusterMember,
    pub since_run: i64,
}

/// A stored cluster: live while `retired_run` is `None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkageCluster {
    pub id: i64,
    /// What was linked: `["dedupe","NAME"]` or `["link","LEFT","RIGHT"]`.
    pub scope: String,
    pub origin: ClusterOrigin,
    /// The clusters it was made from (merge or split), by id.
    pub parents: Vec<i64>,
    pub created_run: i64,
    pub retired_run: Option<i64>,
    /// In member order (registry, record).
    pub members: Vec<ClusterMemberSince>,
}

/// One stored run of `link` or `dedupe`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkageRun {
    pub id: i64,
    pub scope: String,
    pub time: String,
    pub actor: String,
    /// Records linked in the run.
    pub records: u64,
    pub threshold: f64,
}

/// A cluster a run makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCluster {
    pub origin: ClusterOrigin,
    pub parents: Vec<i64>,
    pub members: Vec<ClusterMember>,
}

/// What a run changes in the clusters of its scope, written in one
/// transaction: clusters that keep their id and gain members, clusters
/// retired, clusters made.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClusterChanges {
    pub scope: String,
    pub records: u64,
    pub threshold: f64,
    /// The linkage model this run fitted (its stored text, see
    /// `casefile_link::Model::to_stored`), kept for later runs of the
    /// scope; `None` when the run scored with the model kept before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// What the run kept for the next run of the scope (bytes of
    /// `casefile_link::KeptPairs`: record indices and comparison patterns,
    /// no record content), replacing what an earlier run kept; `None`
    /// drops it. Not part of the serialized changes (it may be megabytes).
    #[serde(skip)]
    pub pairs: Option<Vec<u8>>,
    pub grown: Vec<(i64, Vec<ClusterMember>)>,
    pub retired: Vec<i64>,
    pub created: Vec<NewCluster>,
}

/// The ids a stored run was given: the run's, and those of the clusters it
/// made (in the order of [`ClusterChanges::created`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRun {
    pub run: i64,
    pub created: Vec<i64>,
}
