//! Linkage that persists: each run of `link` or `dedupe` through this
//! module stores its clusters with stable ids, and `cluster history` tells
//! where a cluster came from and what became of it.
//!
//! The first run of a linkage fits the model (`u` from random pairs, `m`
//! and the prior by EM) and stores it with the run; later runs score with
//! that model instead of estimating again, so that a run after appends
//! gives exactly the clusters of a run on the whole list with the same
//! model, and records appended do not move the clusters of the records
//! already linked through a new estimate. `--refit`
//! ([`LinkOptions::refit`]) fits again and keeps the new model (its
//! clusters may then change beyond the records added). Every run keeps
//! the candidate pairs near and above the report floor with their
//! comparison patterns (`casefile_link::KeptPairs`, stored per linkage,
//! replaced by each run); a run after an append with the kept model
//! compares only the new records (with all and with each other) and
//! weighs the kept pairs again, with the pairs of a run that compares
//! every pair. Every record is still read and encoded, and the clusters
//! are made from all the pairs; they are then reconciled with the live clusters
//! of the same linkage ([`reconcile`]): a cluster whose old members all
//! stay together, with no member of another cluster, keeps its id (it may
//! gain members); otherwise the old clusters are retired and the new ones
//! get new ids with them as parents (a merge, or a split). Human decisions
//! are statements (see [`crate::registries::decide`]): every run applies
//! them and the review queue leaves decided pairs out, so none is lost or
//! asked again.

use crate::registries::{self, LinkOptions};
use crate::{Actor, AppError, Permission, Result};
use casefile_core::{
    ClusterChanges, ClusterMember, ClusterOrigin, LinkageCluster, LinkageRun, NewCluster,
};
use casefile_link::LinkResult;
use casefile_store::Project;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeSet;

/// The scope of a linkage: which registries were linked.
pub fn scope(left: &str, right: Option<&str>) -> String {
    let parts: Vec<&str> = match right {
        Some(right) if right != left => vec!["link", left, right],
        _ => vec!["dedupe", left],
    };
    // A list of strings always serializes.
    serde_json::to_string(&parts).unwrap_or_default()
}

/// What reconciling a run's clusters with the stored ones decided.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Per new cluster (in the run's order): the old id it keeps, if any.
    pub kept: Vec<Option<i64>>,
    /// The changes to store (the created clusters in the run's order of
    /// those that keep no id).
    pub changes: ClusterChanges,
}

/// Reconciles the clusters of a run (`new`, each a list of members) with
/// the live clusters of the linkage (`old`, as (id, member)). Records in no
/// cluster count as clusters of one: a cluster whose member ends alone has
/// split.
pub fn reconcile(old: &[(i64, ClusterMember)], new: &[Vec<ClusterMember>]) -> Plan {
    // Every member gets an index, the live ones first, so that the live
    // cluster of each is a list by index (0 past its end: in none), as
    // `reconcile_indexed` reads it. Fx hashing: a million members are
    // hashed here on a run that reads the live clusters.
    let mut index: FxHashMap<&ClusterMember, u32> = FxHashMap::default();
    index.reserve(old.len());
    let mut named: Vec<&ClusterMember> = Vec::with_capacity(old.len());
    let mut live: Vec<i64> = Vec::with_capacity(old.len());
    for (id, m) in old {
        index.entry(m).or_insert_with(|| {
            named.push(m);
            live.push(*id);
            (named.len() - 1) as u32
        });
    }
    let new: Vec<Vec<u32>> = new
        .iter()
        .map(|members| {
            members
                .iter()
                .map(|m| {
                    *index.entry(m).or_insert_with(|| {
                        named.push(m);
                        (named.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    reconcile_indexed(&live, &new, |i| named[i as usize].clone())
}

/// As [`reconcile`], with the live clusters given per record of the run
/// (`old[i]`: the live cluster record `i` is in, 0 for none; records past
/// its end are new) and the run's clusters as record indices: what a run
/// after an append does when the last run kept which cluster each record
/// was in, so that neither the live clusters nor a member per record are
/// read or hashed. `member` names a record for the changes (only the
/// records of clusters made or grown are named). Gives the plan of
/// [`reconcile`] on the same clusters.
pub fn reconcile_indexed(
    old: &[i64],
    new: &[Vec<u32>],
    member: impl Fn(u32) -> ClusterMember,
) -> Plan {
    let old_of = |r: u32| old.get(r as usize).copied().unwrap_or(0);
    let mut old_size: FxHashMap<i64, usize> = FxHashMap::default();
    for &id in old.iter().filter(|&&id| id != 0) {
        *old_size.entry(id).or_default() += 1;
    }
    let drawn: Vec<Vec<(i64, usize)>> = new
        .iter()
        .map(|members| {
            let mut counts: Vec<(i64, usize)> = Vec::new();
            for id in members.iter().map(|&m| old_of(m)).filter(|&id| id != 0) {
                match counts.iter_mut().find(|(c, _)| *c == id) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((id, 1)),
                }
            }
            counts
        })
        .collect();
    let mut pieces: FxHashMap<i64, usize> = FxHashMap::default();
    for counts in &drawn {
        for (id, _) in counts {
            *pieces.entry(*id).or_default() += 1;
        }
    }
    let whole =
        |id: i64, count: usize| pieces.get(&id) == Some(&1) && old_size.get(&id) == Some(&count);
    let mut plan = Plan::default();
    let mut kept_ids = rustc_hash::FxHashSet::default();
    for (members, counts) in new.iter().zip(&drawn) {
        let keep = match counts.first() {
            Some(&(id, count)) if counts.len() == 1 && whole(id, count) => Some(id),
            _ => None,
        };
        plan.kept.push(keep);
        match keep {
            Some(id) => {
                kept_ids.insert(id);
                // Members the cluster had are all still in it: only those
                // in no cluster before can be new to it.
                if members.len() > old_size.get(&id).copied().unwrap_or(0) {
                    let gained: Vec<ClusterMember> = members
                        .iter()
                        .filter(|&&m| old_of(m) == 0)
                        .map(|&m| member(m))
                        .collect();
                    plan.changes.grown.push((id, gained));
                }
            }
            None => {
                let mut parents: Vec<i64> = counts.iter().map(|(id, _)| *id).collect();
                parents.sort_unstable();
                let origin = match parents.len() {
                    0 => ClusterOrigin::New,
                    1 => ClusterOrigin::Split,
                    _ => ClusterOrigin::Merge,
                };
                let mut members: Vec<ClusterMember> = members.iter().map(|&m| member(m)).collect();
                members.sort();
                plan.changes.created.push(NewCluster {
                    origin,
                    parents,
                    members,
                });
            }
        }
    }
    plan.changes.retired = old_size
        .keys()
        .copied()
        .filter(|id| !kept_ids.contains(id))
        .collect();
    plan.changes.retired.sort_unstable();
    plan
}

/// What a run keeps for the next beside its candidate pairs: per record
/// (in the run's order, a link's left list first), the cluster it ended in.
/// Stored with the pairs in the `linkage_pairs` row that the run writes in
/// the transaction that stores its clusters, and replaced by every run, so
/// it always describes the live clusters of the scope. A cluster the run
/// made is named by its place among the clusters made
/// ([`ClusterChanges::created`]), its id being given only when stored
/// (read back by `Store::kept_run_clusters`). Derived data: when it is
/// missing, unreadable or not of the run's records, the next run reads the
/// live clusters from the store instead.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeptClusters {
    /// Records of the left list (all of them for a dedupe).
    pub left: usize,
    /// Per record: 0 in no cluster, `id` > 0 a cluster kept from before,
    /// `-(k + 1)` the `k`-th cluster the run made.
    pub labels: Vec<i64>,
}

const KEPT_MAGIC: &[u8; 4] = b"CFLC";
const KEPT_VERSION: u32 = 1;

/// The bytes a run keeps: [`KeptClusters`], then the kept pairs' bytes
/// (`casefile_link::KeptPairs::to_bytes`) as they are.
pub fn kept_to_bytes(clusters: &KeptClusters, pairs: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 + clusters.labels.len() * 3 + pairs.len());
    out.extend_from_slice(KEPT_MAGIC);
    out.extend_from_slice(&KEPT_VERSION.to_le_bytes());
    out.extend_from_slice(&(clusters.left as u64).to_le_bytes());
    out.extend_from_slice(&(clusters.labels.len() as u64).to_le_bytes());
    for &label in &clusters.labels {
        // Zigzag, then LEB128: a record alone is one byte.
        let mut n = ((label << 1) ^ (label >> 63)) as u64;
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
    out.extend_from_slice(pairs);
    out
}

/// Splits what a run kept into its clusters (`None` when it kept none, as
/// before they were kept, or they cannot be read) and its pairs' bytes.
pub fn kept_from_bytes(bytes: &[u8]) -> (Option<KeptClusters>, &[u8]) {
    fn read(bytes: &[u8]) -> Option<(KeptClusters, &[u8])> {
        let rest = bytes.strip_prefix(KEPT_MAGIC)?;
        let (version, rest) = rest.split_first_chunk::<4>()?;
        if u32::from_le_bytes(*version) != KEPT_VERSION {
            return None;
        }
        let (left, rest) = rest.split_first_chunk::<8>()?;
        let (count, mut rest) = rest.split_first_chunk::<8>()?;
        let count = usize::try_from(u64::from_le_bytes(*count)).ok()?;
        let mut labels = Vec::with_capacity(count.min(rest.len()));
        for _ in 0..count {
            let (mut n, mut shift) = (0u64, 0u32);
            loop {
                let (&byte, after) = rest.split_first()?;
                rest = after;
                if shift > 63 {
                    return None;
                }
                n |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            labels.push(((n >> 1) as i64) ^ -((n & 1) as i64));
        }
        let left = usize::try_from(u64::from_le_bytes(*left)).ok()?;
        Some((KeptClusters { left, labels }, rest))
    }
    if !bytes.starts_with(KEPT_MAGIC) {
        // Kept before clusters were: the pairs alone.
        return (None, bytes);
    }
    match read(bytes) {
        Some((clusters, pairs)) => (Some(clusters), pairs),
        None => (None, &[]),
    }
}

/// What a stored run did to the clusters.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub run: i64,
    pub scope: String,
    /// The stable id of each cluster of the result, in the order of
    /// [`LinkResult::clusters`].
    pub ids: Vec<i64>,
    /// Clusters that kept their id (unchanged or grown).
    pub kept: usize,
    /// Of those, the ones that gained members.
    pub grown: usize,
    /// New clusters of records that were in none.
    pub new: usize,
    pub merged: usize,
    pub split: usize,
    /// Old clusters retired by a merge or a split (or whose members all
    /// ended alone).
    pub retired: usize,
    /// Whether this run fitted the model it scored with (the linkage's
    /// first run, `--refit`, or a kept model that no longer has the lists'
    /// fields) and kept it for later runs, rather than scoring with the
    /// model kept before.
    pub model_fitted: bool,
    /// Whether a model was kept for this linkage and not used although no
    /// refit was asked for: it no longer has the lists' fields (a column
    /// appeared or disappeared), so this run fitted a new one.
    pub model_replaced: bool,
    /// Records the model was fitted on.
    pub model_records: usize,
    /// Records appended since the last run, when this run compared only
    /// those with all and each other and took the other pairs from what
    /// the last run kept (`None`: it compared every candidate pair).
    pub new_records: Option<usize>,
    /// Pairs kept for the next run, and their size stored.
    pub kept_pairs: usize,
    pub kept_bytes: usize,
    /// Whether the live clusters were taken from what the last run kept
    /// (which cluster each record was in, see [`KeptClusters`]) rather
    /// than read from the store member by member.
    pub clusters_from_kept: bool,
    /// Wall seconds of the parts of the run: reading the records and
    /// linking them, reading the live clusters, reconciling, storing.
    pub stage_seconds: Vec<(&'static str, f64)>,
}

/// A run of `link` or `dedupe` with its clusters stored.
#[derive(Debug)]
pub struct LinkRun {
    pub result: LinkResult,
    pub summary: RunSummary,
}

/// Links `left` with `right` (`None`: dedupes `left`), as
/// [`registries::link`] and [`registries::dedupe`] do, and stores the
/// clusters with stable ids.
pub fn run(
    project: &mut Project,
    actor: &Actor,
    left: &str,
    right: Option<&str>,
    options: &LinkOptions,
) -> Result<LinkRun> {
    actor.require(Permission::ReviewLinks)?;
    let mut clock = std::time::Instant::now();
    let mut stage_seconds = Vec::new();
    let mut lap = |stage: &'static str| {
        let now = std::time::Instant::now();
        stage_seconds.push((stage, now.duration_since(clock).as_secs_f64()));
        clock = now;
    };
    let kept_model = project.store().linkage_model(&scope(left, right))?;
    let kept_before = kept_model.is_some();
    let result = match right {
        Some(right) => registries::link(project, actor, left, right, options)?,
        None => registries::dedupe(project, actor, left, options)?,
    };
    let scope = scope(left, right);
    let right = right.unwrap_or(left);
    let ids = result.ids();
    let left_len = if right == left {
        ids.len()
    } else {
        result.stats.left_records
    };
    let member = |index: u32| {
        let i = index as usize;
        ClusterMember {
            registry: (if i < left_len { left } else { right }).to_string(),
            record: ids.get(i).cloned().unwrap_or_default(),
        }
    };
    lap("read and link");
    // After an append, the live clusters per record as the last run kept
    // them (see [`KeptClusters`]); otherwise read from the store.
    let old_labels = match result.stats.new_records {
        Some(added) => kept_labels(project, &scope, ids.len() - added, left_len)?,
        None => None,
    };
    let mut plan = match &old_labels {
        Some(old) => {
            lap("live clusters");
            reconcile_indexed(old, result.cluster_indices(), member)
        }
        None => {
            let new: Vec<Vec<ClusterMember>> = result
                .cluster_indices()
                .iter()
                .map(|c| c.iter().map(|&i| member(i)).collect())
                .collect();
            let old = project.store().live_cluster_members(&scope)?;
            lap("live clusters");
            reconcile(&old, &new)
        }
    };
    let clusters_from_kept = old_labels.is_some();
    lap("reconcile");
    plan.changes.scope = scope.clone();
    plan.changes.records = ids.len() as u64;
    plan.changes.threshold = result.threshold;
    let model_fitted = !result.stats.frozen_model;
    // A model fitted here, or given by the caller, is the one later runs
    // use; so is a kept one to which this run added blocking windows (a
    // model kept before windows were).
    let model_text = result.model.to_stored();
    plan.changes.model = (model_fitted
        || options.model.is_some()
        || kept_model.as_deref() != Some(model_text.as_str()))
    .then_some(model_text);
    // What the next run after an append starts from: the cluster of every
    // record, and the pairs.
    plan.changes.pairs = result.kept.as_ref().map(|kept| {
        let mut labels = vec![0i64; ids.len()];
        let mut made = 0i64;
        for (members, keep) in result.cluster_indices().iter().zip(&plan.kept) {
            let label = keep.unwrap_or_else(|| {
                made += 1;
                -made
            });
            for &r in members {
                if let Some(l) = labels.get_mut(r as usize) {
                    *l = label;
                }
            }
        }
        let clusters = KeptClusters {
            left: left_len,
            labels,
        };
        kept_to_bytes(&clusters, &kept.to_bytes())
    });
    let kept_bytes = plan.changes.pairs.as_ref().map_or(0, Vec::len);
    let saved = project
        .store_mut()
        .save_clusters(&plan.changes, &actor.name)?;
    lap("store");
    let mut created = saved.created.iter();
    let ids: Vec<i64> = plan
        .kept
        .iter()
        .map(|keep| keep.or_else(|| created.next().copied()).unwrap_or(0))
        .collect();
    let count = |origin| {
        plan.changes
            .created
            .iter()
            .filter(|c| c.origin == origin)
            .count()
    };
    let summary = RunSummary {
        run: saved.run,
        scope,
        ids,
        kept: plan.kept.iter().filter(|k| k.is_some()).count(),
        grown: plan.changes.grown.len(),
        new: count(ClusterOrigin::New),
        merged: count(ClusterOrigin::Merge),
        split: count(ClusterOrigin::Split),
        retired: plan.changes.retired.len(),
        model_fitted,
        model_replaced: model_fitted && kept_before && !options.refit,
        model_records: result.model.records,
        new_records: result.stats.new_records,
        kept_pairs: result.stats.kept_pairs,
        kept_bytes,
        clusters_from_kept,
        stage_seconds,
    };
    Ok(LinkRun { result, summary })
}

/// The live cluster of each record of a run after an append (`then`
/// records were linked by the last run, `left` of them in the left list
/// now), from what the last run kept: `None` when it kept none, or what it
/// kept does not agree with the records or the stored clusters.
fn kept_labels(
    project: &Project,
    scope: &str,
    then: usize,
    left: usize,
) -> Result<Option<Vec<i64>>> {
    let store = project.store();
    let Some(bytes) = store.linkage_pairs(scope)? else {
        return Ok(None);
    };
    let Some(kept) = kept_from_bytes(&bytes).0 else {
        return Ok(None);
    };
    if kept.labels.len() != then || kept.left > left {
        return Ok(None);
    }
    let created = store.kept_run_clusters(scope)?;
    let made = kept.labels.iter().filter(|&&l| l < 0).map(|&l| -l).max();
    if made.unwrap_or(0) != created.len() as i64 {
        return Ok(None);
    }
    // The left list's records keep their indices; the right list's move
    // by the records appended to the left.
    let mut labels = vec![0i64; then + (left - kept.left)];
    for (i, &label) in kept.labels.iter().enumerate() {
        let at = if i < kept.left {
            i
        } else {
            i + left - kept.left
        };
        labels[at] = if label < 0 {
            created[(-label - 1) as usize]
        } else {
            label
        };
    }
    Ok(Some(labels))
}

/// A cluster related to the one whose history is told.
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub id: i64,
    pub origin: ClusterOrigin,
    pub members: usize,
    pub live: bool,
}

/// Where a cluster came from and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterHistory {
    pub cluster: LinkageCluster,
    pub created: Option<LinkageRun>,
    pub retired: Option<LinkageRun>,
    /// The runs that added members after the first, in order.
    pub grown_in: Vec<LinkageRun>,
    pub parents: Vec<Related>,
    /// The clusters made from it by a merge or a split.
    pub children: Vec<Related>,
}

/// The history of cluster `id`: its members (record ids, with the run that
/// added each), the run that made it and how (new, merge, split), its
/// parents, and the run that retired it with the clusters made from it.
pub fn history(project: &Project, actor: &Actor, id: i64) -> Result<ClusterHistory> {
    actor.require(Permission::ReadRegistries)?;
    let store = project.store();
    let cluster = store
        .linkage_cluster(id)?
        .ok_or_else(|| AppError::NotFound(format!("no cluster {id}")))?;
    let related = |id: i64| -> Result<Option<Related>> {
        Ok(store.linkage_cluster(id)?.map(|c| Related {
            id: c.id,
            origin: c.origin,
            members: c.members.len(),
            live: c.retired_run.is_none(),
        }))
    };
    let parents = cluster
        .parents
        .iter()
        .filter_map(|&p| related(p).transpose())
        .collect::<Result<Vec<_>>>()?;
    let children = store
        .cluster_children(id)?
        .into_iter()
        .filter_map(|c| related(c).transpose())
        .collect::<Result<Vec<_>>>()?;
    let runs: BTreeSet<i64> = cluster
        .members
        .iter()
        .map(|m| m.since_run)
        .filter(|&r| r != cluster.created_run)
        .collect();
    let grown_in = runs
        .into_iter()
        .filter_map(|r| store.linkage_run(r).transpose())
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(ClusterHistory {
        created: store.linkage_run(cluster.created_run)?,
        retired: match cluster.retired_run {
            Some(r) => store.linkage_run(r)?,
            None => None,
        },
        cluster,
        grown_in,
        parents,
        children,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(record: &str) -> ClusterMember {
        ClusterMember {
            registry: "r".into(),
            record: record.into(),
        }
    }

    fn old(clusters: &[(i64, &[&str])]) -> Vec<(i64, ClusterMember)> {
        clusters
            .iter()
            .flat_map(|(id, ms)| ms.iter().map(move |r| (*id, m(r))))
            .collect()
    }

    fn new(clusters: &[&[&str]]) -> Vec<Vec<ClusterMember>> {
        clusters
            .iter()
            .map(|c| c.iter().map(|r| m(r)).collect())
            .collect()
    }

    #[test]
    fn a_cluster_that_gains_members_keeps_its_id() {
        let plan = reconcile(
            &old(&[(1, &["a", "b"]), (2, &["c", "d"])]),
            &new(&[&["c", "d"], &["a", "b", "e"], &["f", "g"]]),
        );
        assert_eq!(plan.kept, vec![Some(2), Some(1), None]);
        assert_eq!(plan.changes.grown, vec![(1, vec![m("e")])]);
        assert!(plan.changes.retired.is_empty());
        assert_eq!(plan.changes.created.len(), 1);
        assert_eq!(plan.changes.created[0].origin, ClusterOrigin::New);
        assert!(plan.changes.created[0].parents.is_empty());
    }

    #[test]
    fn a_merge_retires_both_and_names_them_as_parents() {
        let plan = reconcile(
            &old(&[(1, &["a", "b"]), (2, &["c", "d"])]),
            &new(&[&["a", "b", "c", "d", "e"]]),
        );
        assert_eq!(plan.kept, vec![None]);
        assert_eq!(plan.changes.retired, vec![1, 2]);
        let made = &plan.changes.created[0];
        assert_eq!(made.origin, ClusterOrigin::Merge);
        assert_eq!(made.parents, vec![1, 2]);
        assert_eq!(made.members.len(), 5);
    }

    #[test]
    fn a_split_including_a_member_left_alone_retires_the_old_cluster() {
        let plan = reconcile(
            &old(&[(7, &["a", "b", "c", "d", "e"])]),
            &new(&[&["a", "b"], &["c", "d"]]),
        );
        assert_eq!(plan.kept, vec![None, None]);
        assert_eq!(plan.changes.retired, vec![7]);
        assert!(plan
            .changes
            .created
            .iter()
            .all(|c| c.origin == ClusterOrigin::Split && c.parents == vec![7]));
        // Only "e" left: still a split, one piece is a record alone.
        let plan = reconcile(&old(&[(7, &["a", "b", "e"])]), &new(&[&["a", "b"]]));
        assert_eq!(plan.kept, vec![None]);
        assert_eq!(plan.changes.retired, vec![7]);
        assert_eq!(plan.changes.created[0].origin, ClusterOrigin::Split);
    }

    #[test]
    fn a_cluster_whose_members_all_end_alone_is_retired() {
        let plan = reconcile(&old(&[(3, &["a", "b"])]), &new(&[]));
        assert!(plan.kept.is_empty());
        assert_eq!(plan.changes.retired, vec![3]);
        assert!(plan.changes.created.is_empty());
    }

    /// The indexed reconcile against the one by members, on clusters
    /// over records "0".."9" (`old` as (id, record numbers)).
    fn both_ways(old_clusters: &[(i64, &[u32])], new_clusters: &[&[u32]]) -> Plan {
        let name = |r: u32| m(&r.to_string());
        let by_member: Vec<(i64, ClusterMember)> = old_clusters
            .iter()
            .flat_map(|(id, rs)| rs.iter().map(move |&r| (*id, name(r))))
            .collect();
        let new_members: Vec<Vec<ClusterMember>> = new_clusters
            .iter()
            .map(|c| c.iter().map(|&r| name(r)).collect())
            .collect();
        let mut labels = vec![0i64; 8];
        for (id, rs) in old_clusters {
            for &r in rs.iter() {
                labels[r as usize] = *id;
            }
        }
        let new_indices: Vec<Vec<u32>> = new_clusters.iter().map(|c| c.to_vec()).collect();
        let indexed = reconcile_indexed(&labels, &new_indices, name);
        assert_eq!(indexed, reconcile(&by_member, &new_members));
        indexed
    }

    #[test]
    fn the_indexed_reconcile_plans_as_the_one_by_members() {
        // Grown, kept, new (record 9 is past the old labels: appended).
        let plan = both_ways(
            &[(1, &[0, 1]), (2, &[2, 3])],
            &[&[3, 2], &[0, 1, 8], &[9, 4]],
        );
        assert_eq!(plan.kept, vec![Some(2), Some(1), None]);
        // Merge with a new member, split, all alone.
        let plan = both_ways(
            &[(1, &[0, 1]), (2, &[2, 3]), (3, &[4, 5, 6]), (4, &[7])],
            &[&[0, 1, 2, 3, 9], &[4, 5]],
        );
        assert_eq!(plan.changes.retired, vec![1, 2, 3, 4]);
        assert_eq!(plan.changes.created[0].origin, ClusterOrigin::Merge);
        assert_eq!(plan.changes.created[1].origin, ClusterOrigin::Split);
    }

    #[test]
    fn kept_clusters_read_back_and_older_kept_pairs_read_alone() {
        let clusters = KeptClusters {
            left: 3,
            labels: vec![0, 7, -1, 1 << 40, -300, 0],
        };
        let bytes = kept_to_bytes(&clusters, b"CFKP pairs");
        let (back, pairs) = kept_from_bytes(&bytes);
        assert_eq!(back, Some(clusters));
        assert_eq!(pairs, b"CFKP pairs");
        // Pairs kept before clusters were are read as pairs alone.
        assert_eq!(kept_from_bytes(b"CFKP old"), (None, &b"CFKP old"[..]));
        // Cut short: nothing kept is used.
        let (back, pairs) = kept_from_bytes(&bytes[..20]);
        assert_eq!((back, pairs), (None, &b""[..]));
    }

    #[test]
    fn the_same_clusters_change_nothing() {
        let plan = reconcile(
            &old(&[(1, &["a", "b"]), (2, &["c", "d"])]),
            &new(&[&["b", "a"], &["d", "c"]]),
        );
        assert_eq!(plan.kept, vec![Some(1), Some(2)]);
        assert!(plan.changes.grown.is_empty());
        assert!(plan.changes.retired.is_empty());
        assert!(plan.changes.created.is_empty());
    }
}
