//! Grouping matched pairs into clusters (one cluster = one child), guarded
//! against chaining.
//!
//! Plain connected components chain: A matches B, B matches C, so A, B and
//! C become one child even when A and C plainly differ (two siblings linked
//! through a record that has only their shared surname). The rule here:
//! matched pairs are taken strongest first, and two clusters are merged
//! only if
//!
//! 1. no pair across them was rejected by a person, and
//! 2. no pair across them scores below `conflict_probability` (they "clearly
//!    differ"), and
//! 3. at least half of the pairs across them score at or above the match
//!    threshold, and
//! 4. the merged cluster has at most `max_cluster_size` records.
//!
//! Every pair across the two clusters is scored for this, whether or not
//! blocking produced it, so the guard does not depend on blocking luck.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Clustering limits.
pub(crate) struct ClusterOptions {
    pub threshold: f64,
    pub conflict_probability: f64,
    pub max_cluster_size: usize,
}

/// Clusters of two or more records, each sorted, in order of their first record.
///
/// The guard only ever looks at pairs inside one connected component of the
/// match graph, so components are clustered independently, on every core,
/// with the same result as one pass over all matches in their order.
pub(crate) fn cluster(
    record_count: usize,
    matches: &[(u32, u32)],
    cannot_link: &FxHashSet<u64>,
    probability: impl Fn(u32, u32) -> f64 + Sync,
    options: &ClusterOptions,
) -> Vec<Vec<u32>> {
    let mut parent: Vec<u32> = (0..record_count as u32).collect();
    for &(i, j) in matches {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        parent[ri.max(rj) as usize] = ri.min(rj);
    }
    // Each component's matches, in their original order.
    let mut component: FxHashMap<u32, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<(u32, u32)>> = Vec::new();
    for &(i, j) in matches {
        let r = root(&mut parent, i);
        let g = *component.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push((i, j));
    }
    // Each component's rejected pairs (a person's decisions: few).
    let mut rejected: Vec<Vec<(u32, u32)>> = vec![Vec::new(); groups.len()];
    for &key in cannot_link {
        let (a, b) = ((key >> 32) as u32, key as u32);
        if (a as usize) < record_count && (b as usize) < record_count {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if let (true, Some(&g)) = (ra == rb, component.get(&ra)) {
                rejected[g].push((a, b));
            }
        }
    }
    drop(parent);
    let mut clusters: Vec<Vec<u32>> = groups
        .par_iter()
        .zip(rejected.par_iter())
        .flat_map_iter(|(pairs, rejected)| {
            cluster_component(pairs, rejected, &probability, options)
        })
        .collect();
    clusters.sort_unstable_by_key(|m| m[0]);
    clusters
}

/// The root of `x` in a union-find forest, halving the path on the way.
pub(crate) fn root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// [`cluster_greedy`] on one component, in indices local to it.
fn cluster_component(
    matches: &[(u32, u32)],
    rejected: &[(u32, u32)],
    probability: &(impl Fn(u32, u32) -> f64 + Sync),
    options: &ClusterOptions,
) -> Vec<Vec<u32>> {
    let mut records: Vec<u32> = matches.iter().flat_map(|&(i, j)| [i, j]).collect();
    records.sort_unstable();
    records.dedup();
    let local = |r: u32| records.binary_search(&r).ok().map(|k| k as u32);
    let local_matches: Vec<(u32, u32)> = matches
        .iter()
        .filter_map(|&(i, j)| Some((local(i)?, local(j)?)))
        .collect();
    let global = |k: u32| records[k as usize];
    let cannot_link: FxHashSet<u64> = rejected
        .iter()
        .filter_map(|&(a, b)| Some(pair_key(local(a)?, local(b)?)))
        .collect();
    cluster_greedy(
        records.len(),
        &local_matches,
        &cannot_link,
        |a, b| probability(global(a), global(b)),
        options,
    )
    .into_iter()
    .map(|members| members.into_iter().map(global).collect())
    .collect()
}

/// Matched pairs taken strongest first, merging under the guard (see the
/// module documentation).
fn cluster_greedy(
    record_count: usize,
    matches: &[(u32, u32)],
    cannot_link: &FxHashSet<u64>,
    probability: impl Fn(u32, u32) -> f64,
    options: &ClusterOptions,
) -> Vec<Vec<u32>> {
    let mut cluster_of: Vec<u32> = (0..record_count as u32).collect();
    let mut members: Vec<Vec<u32>> = Vec::new();
    // Members are kept only for clusters with two or more records; a
    // singleton's cluster id is its own record index.
    let mut member_slot: FxHashMap<u32, usize> = FxHashMap::default();
    for &(i, j) in matches {
        let (ci, cj) = (cluster_of[i as usize], cluster_of[j as usize]);
        if ci == cj {
            continue;
        }
        let a = members_of(ci, &member_slot, &members);
        let b = members_of(cj, &member_slot, &members);
        if a.len() + b.len() > options.max_cluster_size {
            continue;
        }
        if a.len() + b.len() > 2 || cannot_link.contains(&pair_key(i, j)) {
            let mut agreeing = 0usize;
            let mut conflict = false;
            'check: for &x in &a {
                for &y in &b {
                    if cannot_link.contains(&pair_key(x, y)) {
                        conflict = true;
                        break 'check;
                    }
                    let p = probability(x, y);
                    if p < options.conflict_probability {
                        conflict = true;
                        break 'check;
                    }
                    agreeing += usize::from(p >= options.threshold);
                }
            }
            if conflict || agreeing * 2 < a.len() * b.len() {
                continue;
            }
        }
        // Merge the smaller into the larger cluster.
        let (keep, gone, gone_members) = if a.len() >= b.len() {
            (ci, cj, b)
        } else {
            (cj, ci, a)
        };
        for &r in &gone_members {
            cluster_of[r as usize] = keep;
        }
        if let Some(s) = member_slot.remove(&gone) {
            members[s].clear();
        }
        match member_slot.get(&keep) {
            Some(&s) => members[s].extend(gone_members),
            None => {
                member_slot.insert(keep, members.len());
                let mut new_members = vec![keep];
                new_members.extend(gone_members);
                members.push(new_members);
            }
        }
    }
    let mut clusters: Vec<Vec<u32>> = members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect();
    clusters.sort_unstable_by_key(|m| m[0]);
    clusters
}

fn members_of(cluster: u32, slot: &FxHashMap<u32, usize>, members: &[Vec<u32>]) -> Vec<u32> {
    match slot.get(&cluster) {
        Some(&s) => members[s].clone(),
        None => vec![cluster],
    }
}

/// One number for an unordered pair of records.
pub(crate) fn pair_key(a: u32, b: u32) -> u64 {
    let (i, j) = if a < b { (a, b) } else { (b, a) };
    (u64::from(i) << 32) | u64::from(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ClusterOptions {
        ClusterOptions {
            threshold: 0.9,
            conflict_probability: 0.01,
            max_cluster_size: 10,
        }
    }

    #[test]
    fn chain_through_a_weak_record_is_not_merged() {
        // A-B and B-C match, A and C clearly differ.
        let p = |x: u32, y: u32| match pair_key(x, y) {
            k if k == pair_key(0, 1) => 0.99,
            k if k == pair_key(1, 2) => 0.95,
            _ => 0.0001,
        };
        let clusters = cluster(3, &[(0, 1), (1, 2)], &FxHashSet::default(), p, &options());
        assert_eq!(clusters, vec![vec![0, 1]]);
    }

    #[test]
    fn a_true_group_merges_even_with_one_weak_link() {
        // Three records of one child: A-B strong, A-C match, B-C uncertain but not conflicting.
        let p = |x: u32, y: u32| match pair_key(x, y) {
            k if k == pair_key(0, 1) => 0.99,
            k if k == pair_key(0, 2) => 0.95,
            _ => 0.4,
        };
        let clusters = cluster(3, &[(0, 1), (0, 2)], &FxHashSet::default(), p, &options());
        assert_eq!(clusters, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn rejected_pairs_never_share_a_cluster() {
        let mut rejected = FxHashSet::default();
        rejected.insert(pair_key(0, 2));
        let clusters = cluster(3, &[(0, 1), (1, 2)], &rejected, |_, _| 0.99, &options());
        assert_eq!(clusters, vec![vec![0, 1]]);
    }

    /// Clustering components apart gives what one pass over every match gives.
    #[test]
    fn components_apart_equal_one_pass() {
        // A tangle of 300 records: matches between nearby records, pair
        // probabilities from a fixed hash, a few rejections.
        let noise = |x: u32, y: u32| {
            let h = pair_key(x, y).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
            (h % 1000) as f64 / 1000.0
        };
        let matches: Vec<(u32, u32)> = (0..300u32)
            .flat_map(|i| [(i, i + 1), (i, i + 3)])
            .filter(|&(i, j)| j < 300 && noise(i, j) > 0.35)
            .collect();
        let rejected: FxHashSet<u64> = (0..300u32)
            .step_by(17)
            .map(|i| pair_key(i, i + 1))
            .collect();
        let options = options();
        let apart = cluster(300, &matches, &rejected, noise, &options);
        let mut one_pass = cluster_greedy(300, &matches, &rejected, noise, &options);
        one_pass.sort_unstable_by_key(|m| m[0]);
        assert!(apart.len() > 10, "{} clusters", apart.len());
        assert_eq!(apart, one_pass);
    }

    #[test]
    fn cluster_size_is_capped() {
        let matches: Vec<(u32, u32)> = (1..20).map(|j| (0, j)).collect();
        let clusters = cluster(20, &matches, &FxHashSet::default(), |_, _| 0.99, &options());
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].len(), 10);
    }
}
