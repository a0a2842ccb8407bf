//! Three or more lists linked together: each link reads the others.
//!
//! A pair model scores two records on what the two hold. Two lists that
//! both give ages only and spell names differently (a camp list in Russian,
//! a site in Latin letters) cannot tell namesakes apart, however the model
//! is fitted; a third list with birth dates and patronymics (a missing
//! children's list) can: when a camp record and a Latin record are each
//! the likely match of the same record of the third list, they are likely
//! one child, and when each is the likely match of a different child of
//! the third list, they are not. [`join`] reads every link of a set of
//! lists this way, after each was scored on its own (with its one-to-one
//! competition, see `compete` in `linker.rs`).
//!
//! The model, for a pair `a ~ b` of lists A and B and a third list C: a
//! child of A and B is in C once or not at all, so the records `a` and `b`
//! fall into one of these arrangements, each weighed by the posterior odds
//! the links already give (O(x, y) = p / (1 − p) of a reported pair; a pair
//! under the report floor counts as no support, as in `compete`):
//!
//! - `a` and `b` different children: `a` is some `u` of C or none, and `b`
//!   some `u′` or none, but never the same `u` (that would make them one
//!   child): (1 + Σ O(a,u)) · (1 + Σ O(b,u)) − Σ O(a,u)·O(b,u);
//! - `a` and `b` one child not in C (or not found there): O(a,b);
//! - `a`, `b` and `u` one child: O(a,u) · O(b,u) · ρ · 2^D(a,b). The three
//!   records' evidence is the evidence of two of their pairs, not three:
//!   when `a` and `b` each agree with `u` on a name, their agreeing with
//!   each other on it is no further news (the product of all three pairs'
//!   odds would count the name twice). What `a` and `b` disagree on is
//!   news, though (a patronymic or a birth date the third list lacks, and
//!   so cannot vouch for): D(a,b) is the sum of the pair's negative field
//!   weights, zero when none is. ρ turns the prior of two pairs into the
//!   prior of the triple: with λ the share of random pairs of a link that
//!   match, ρ = λ(A,B) / √(λ(A,C)·λ(B,C)), 1 when the lists are drawn
//!   alike.
//!
//! The pair's new odds are the second and third arrangements over the
//! first: a bridged pair rises, a pair whose records are each another
//! child's likely match in C falls. The pair odds are the links' posterior
//! odds, not independent evidence, so the arrangements would count a
//! link's doubt twice (a camp record's two namesakes on the site lowering
//! its sure match in the missing list); so C is read only when each of
//! the two records has a candidate there surer than the pair itself, and
//! a record without one (a child C lacks, or did not find) says nothing:
//! evidence flows from the surer links to the less sure. With more
//! than three lists each third list multiplies the odds by its own
//! factor. Records of one list that a link put in one cluster (duplicates
//! of one child) count as one record of that list. A person's decision is
//! never changed, and a pair held for review (siblings) never rises.
//!
//! A bridge can also find a pair its link never reported: blocking never
//! paired the two records (a typo in each name), or their fields put
//! them under the report floor (a diminutive against a common name, with
//! ages only). [`bridged_pairs`] lists, per link, the pairs whose records
//! are each matched to one record of a third list and that the link did
//! not report; the caller compares them ([`crate::Settings::compare_also`],
//! reported when their fields speak for them) before the links are joined.
//!
//! Afterwards each link's clusters of two are made again from its matches,
//! strongest first, each record taken once; a larger cluster (duplicates,
//! which the chaining guard checked) stays as it was.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::cluster::root;
use crate::encode::NONE;
use crate::linker::{probability_of, Decision, LinkResult};

/// The explanation entry of [`join`]'s adjustment.
pub(crate) const JOINT_FIELD: &str = "other lists";
const JOINT_SUPPORTS: &str = "the same child there";
const JOINT_CONTRADICTS: &str = "other children there";
const JOINT_NONE: &str = "no record there";

/// The explanation's level of an adjustment of `bits`.
pub(crate) fn level_of(bits: f32) -> &'static str {
    if bits > JOINT_SHOWN {
        JOINT_SUPPORTS
    } else if bits < -JOINT_SHOWN {
        JOINT_CONTRADICTS
    } else {
        JOINT_NONE
    }
}

/// The least adjustment (bits) the explanation names as support or
/// contradiction.
const JOINT_SHOWN: f32 = 0.05;

/// The odds a pair a person accepted stands for (they are certain).
const ACCEPTED_ODDS: f64 = 1e6;

/// What [`join`] changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct JointStats {
    /// Pairs brought to or over the threshold by the other lists.
    pub raised: usize,
    /// Pairs brought under the threshold by the other lists.
    pub dropped: usize,
}

/// Why links cannot be read together.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum JointError {
    #[error("{links} links but {lists} pairs of lists")]
    Count { links: usize, lists: usize },
    #[error("link {0} is a dedupe, or of a list with itself")]
    NotALink(usize),
    #[error("list {0} has other records in one link than in another")]
    Records(usize),
}

/// Reads links of three or more lists together (see the module
/// documentation). `lists[k]` names the two lists link `k` joins, as
/// indices of the caller's lists, left list first. Links of two lists
/// only, or lists without a third linked to both, are left as they are.
pub fn join(links: &mut [LinkResult], lists: &[(usize, usize)]) -> Result<JointStats, JointError> {
    if links.len() != lists.len() {
        return Err(JointError::Count {
            links: links.len(),
            lists: lists.len(),
        });
    }
    // Each list's records, by their ids, the same in every link.
    let mut ids_of: FxHashMap<usize, &[String]> = FxHashMap::default();
    for (k, (link, &(a, b))) in links.iter().zip(lists).enumerate() {
        if !link.linking || a == b {
            return Err(JointError::NotALink(k));
        }
        let (left, right) = link.ids().split_at(link.left_len);
        for (list, ids) in [(a, left), (b, right)] {
            match ids_of.get(&list) {
                Some(seen) if *seen != ids => return Err(JointError::Records(list)),
                Some(_) => {}
                None => {
                    ids_of.insert(list, ids);
                }
            }
        }
    }
    let sizes: FxHashMap<usize, usize> = ids_of.iter().map(|(&l, ids)| (l, ids.len())).collect();
    let views: Vec<LinkView> = links
        .iter()
        .zip(lists)
        .map(|(link, &pair)| LinkView::new(link, pair, &sizes))
        .collect();
    let groups = duplicate_groups(links, lists, &sizes);
    let link_of: FxHashMap<(usize, usize), (usize, bool)> = lists
        .iter()
        .enumerate()
        .flat_map(|(k, &(a, b))| [((a, b), (k, false)), ((b, a), (k, true))])
        .collect();

    let mut stats = JointStats::default();
    let mut adjusted: Vec<Vec<f64>> = Vec::with_capacity(links.len());
    for (k, &(a_list, b_list)) in lists.iter().enumerate() {
        let view = &views[k];
        // Each third list linked to both sides, with ρ of the triple.
        let thirds: Vec<Third> = sizes
            .keys()
            .filter(|&&c| c != a_list && c != b_list)
            .filter_map(|&c| {
                let &(ac, ac_flip) = link_of.get(&(a_list, c))?;
                let &(bc, bc_flip) = link_of.get(&(b_list, c))?;
                let rho = view.lambda / (views[ac].lambda * views[bc].lambda).sqrt();
                let rho = if rho.is_finite() && rho > 0.0 {
                    rho
                } else {
                    1.0
                };
                Some(Third {
                    a_link: (ac, ac_flip),
                    b_link: (bc, bc_flip),
                    groups: groups[&c].as_slice(),
                    rho,
                })
            })
            .collect();
        let bits: Vec<f64> = view
            .pairs
            .iter()
            .map(|&(a, b, odds, movable, against)| {
                if !movable {
                    return 0.0;
                }
                let mut total = 0.0;
                for third in &thirds {
                    let ((ac, ac_flip), (bc, bc_flip)) = (third.a_link, third.b_link);
                    let from_a = views[ac].candidates(a, ac_flip, third.groups);
                    let from_b = views[bc].candidates(b, bc_flip, third.groups);
                    total += factor_bits(odds, &from_a, &from_b, third.rho, against);
                }
                total
            })
            .collect();
        adjusted.push(bits);
    }
    drop(views);
    for (link, bits) in links.iter_mut().zip(adjusted) {
        let threshold = link.threshold;
        let mut k = 0;
        for s in link.scored.iter_mut() {
            if s.decision != Decision::Rejected {
                // `LinkView::pairs` skips rejected pairs, in the same order.
                let mut b = bits[k];
                k += 1;
                if s.held && b > 0.0 {
                    b = 0.0;
                }
                let before = probability_of(s.weight) >= threshold;
                s.weight += b;
                s.joint = b as f32;
                let after = probability_of(s.weight) >= threshold;
                if s.decision == Decision::None {
                    stats.raised += usize::from(after && !before);
                    stats.dropped += usize::from(before && !after);
                }
            }
        }
        link.joined = true;
        link.scored.sort_unstable_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then(a.left.cmp(&b.left))
                .then(a.right.cmp(&b.right))
        });
        recluster(link);
    }
    Ok(stats)
}

/// The pairs of each link that a third list bridges and the link did not
/// report: a record `a` of A and `b` of B that are each matched to the
/// same record of a list C linked to both (by [`LinkResult::matches`]),
/// when blocking never paired them or their own evidence fell under the
/// report floor (a typo in each name, a diminutive on one side). Per link,
/// in the order of `links`, as record ids, left then right: to be compared
/// through [`crate::Settings::compare_also`] before the links are
/// [`join`]ed, which then weighs the bridge.
pub fn bridged_pairs(
    links: &[LinkResult],
    lists: &[(usize, usize)],
) -> Result<Vec<Vec<(String, String)>>, JointError> {
    if links.len() != lists.len() {
        return Err(JointError::Count {
            links: links.len(),
            lists: lists.len(),
        });
    }
    // Per link and side: each record's matches on the other side.
    let matched: Vec<[FxHashMap<u32, Vec<u32>>; 2]> = links
        .iter()
        .map(|link| {
            let mut sides: [FxHashMap<u32, Vec<u32>>; 2] = Default::default();
            for (l, r, _) in link.matches() {
                sides[0].entry(l as u32).or_default().push(r as u32);
                sides[1].entry(r as u32).or_default().push(l as u32);
            }
            sides
        })
        .collect();
    let link_of: FxHashMap<(usize, usize), (usize, usize)> = lists
        .iter()
        .enumerate()
        .flat_map(|(k, &(a, b))| [((a, b), (k, 0)), ((b, a), (k, 1))])
        .collect();
    let mut thirds: Vec<usize> = lists.iter().flat_map(|&(a, b)| [a, b]).collect();
    thirds.sort_unstable();
    thirds.dedup();
    let mut out = Vec::with_capacity(links.len());
    for (k, (link, &(a, b))) in links.iter().zip(lists).enumerate() {
        if !link.linking || a == b {
            return Err(JointError::NotALink(k));
        }
        let left_len = link.left_len as u32;
        let reported: FxHashSet<(u32, u32)> = link
            .scored
            .iter()
            .map(|s| (s.left, s.right - left_len))
            .collect();
        let mut found: Vec<(u32, u32)> = Vec::new();
        for &c in &thirds {
            if c == a || c == b {
                continue;
            }
            let (Some(&(ac, ac_side)), Some(&(bc, bc_side))) =
                (link_of.get(&(c, a)), link_of.get(&(c, b)))
            else {
                continue;
            };
            // Side `ac_side` of link `ac` holds C's records (0: the left).
            for (u, in_a) in &matched[ac][ac_side] {
                let Some(in_b) = matched[bc][bc_side].get(u) else {
                    continue;
                };
                for &l in in_a {
                    for &r in in_b {
                        if !reported.contains(&(l, r)) {
                            found.push((l, r));
                        }
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        let ids = link.ids();
        out.push(
            found
                .into_iter()
                .map(|(l, r)| {
                    (
                        ids[l as usize].clone(),
                        ids[(left_len + r) as usize].clone(),
                    )
                })
                .collect(),
        );
    }
    Ok(out)
}

/// A third list as one link reads it: the links of its left and its right
/// list with it (index, and whether the link has the third list on the
/// left), its records' duplicate groups, and ρ of the triple.
struct Third<'a> {
    a_link: (usize, bool),
    b_link: (usize, bool),
    groups: &'a [u32],
    rho: f64,
}

/// The bits the third list adds to a pair of odds `odds` whose records'
/// candidates there are `from_a` and `from_b` (group, odds); see the
/// module documentation. The third list speaks only when each record has
/// a candidate there surer than the pair itself: evidence flows from the
/// surer links to the less sure, so that a namesake's doubt in one link
/// never drags down the confident pairs that could resolve it, and a
/// record without a sure candidate there (a child the third list lacks,
/// or did not find) says nothing either way.
fn factor_bits(
    odds: f64,
    from_a: &[(u32, f64)],
    from_b: &[(u32, f64)],
    rho: f64,
    against: f64,
) -> f64 {
    let surer = |c: &[(u32, f64)]| c.iter().any(|&(_, o)| o > odds);
    if !surer(from_a) || !surer(from_b) {
        return 0.0;
    }
    let sum = |c: &[(u32, f64)]| c.iter().map(|&(_, o)| o).sum::<f64>();
    let shared: f64 = from_a
        .iter()
        .filter_map(|&(g, oa)| {
            from_b
                .iter()
                .find(|&&(h, _)| h == g)
                .map(|&(_, ob)| oa * ob)
        })
        .sum();
    // The arrangements in which `a` and `b` are different children, each
    // the child of at most one record there and never of the same one.
    let apart = (1.0 + sum(from_a)) * (1.0 + sum(from_b)) - shared;
    // The arrangements in which they are one child: not in the third list
    // (the pair's own odds), or there as record `u`. What `a` and `b` agree
    // on is no news once each agrees with `u`; what they disagree on is
    // (a field the third list lacks, a patronymic, a birth date): one of
    // the two bridging pairs is then likely wrong.
    let together = odds + rho * shared * against.min(0.0).exp2();
    // `apart` ≥ 1: each shared product is also a term of the product of sums.
    (together / apart.max(1.0)).log2() - odds.log2()
}

/// One link's reported pairs by list-local record index, with their odds.
struct LinkView {
    /// (left record, right record, odds, whether [`join`] may move it,
    /// the bits its fields speak against it), rejected pairs left out, in
    /// the link's order.
    pairs: Vec<(u32, u32, f64, bool, f64)>,
    /// Per left record, its pairs (right record, odds); and per right record.
    by_left: FxHashMap<u32, Vec<(u32, f64)>>,
    by_right: FxHashMap<u32, Vec<(u32, f64)>>,
    /// The share of random pairs that match: the sum of the probabilities
    /// over the number of pairs.
    lambda: f64,
}

impl LinkView {
    fn new(link: &LinkResult, (a, b): (usize, usize), sizes: &FxHashMap<usize, usize>) -> LinkView {
        let left_len = link.left_len as u32;
        let mut pairs = Vec::with_capacity(link.scored.len());
        let mut by_left: FxHashMap<u32, Vec<(u32, f64)>> = FxHashMap::default();
        let mut by_right: FxHashMap<u32, Vec<(u32, f64)>> = FxHashMap::default();
        let mut expected = 0.0;
        for s in &link.scored {
            let odds = match s.decision {
                Decision::Rejected => continue,
                Decision::Accepted => ACCEPTED_ODDS,
                Decision::None => s.weight.exp2(),
            };
            let (l, r) = (s.left, s.right - left_len);
            pairs.push((
                l,
                r,
                odds,
                s.decision == Decision::None,
                link.disagreement(s),
            ));
            by_left.entry(l).or_default().push((r, odds));
            by_right.entry(r).or_default().push((l, odds));
            expected += odds / (1.0 + odds);
        }
        let all =
            sizes.get(&a).copied().unwrap_or(0) as f64 * sizes.get(&b).copied().unwrap_or(0) as f64;
        LinkView {
            pairs,
            by_left,
            by_right,
            lambda: if all > 0.0 { expected / all } else { 0.0 },
        }
    }

    /// The candidates of `record` (of the left list, or of the right when
    /// `flip`) on the other side, by duplicate group there, each group with
    /// the odds of its strongest record (two records of one child are one
    /// candidate, not two).
    fn candidates(&self, record: u32, flip: bool, group: &[u32]) -> Vec<(u32, f64)> {
        let side = if flip { &self.by_right } else { &self.by_left };
        let mut out: Vec<(u32, f64)> = Vec::new();
        for &(other, odds) in side.get(&record).map_or(&[][..], Vec::as_slice) {
            let g = group.get(other as usize).copied().unwrap_or(other);
            match out.iter_mut().find(|(h, _)| *h == g) {
                Some((_, o)) => *o = o.max(odds),
                None => out.push((g, odds)),
            }
        }
        out
    }
}

/// Per list, each record's duplicate group: the least record of the list
/// that some link put in one cluster with it (itself when none did).
fn duplicate_groups(
    links: &[LinkResult],
    lists: &[(usize, usize)],
    sizes: &FxHashMap<usize, usize>,
) -> FxHashMap<usize, Vec<u32>> {
    let mut parent: FxHashMap<usize, Vec<u32>> = sizes
        .iter()
        .map(|(&l, &n)| (l, (0..n as u32).collect()))
        .collect();
    for (link, &(a, b)) in links.iter().zip(lists) {
        let left_len = link.left_len as u32;
        for members in &link.clusters {
            for (list, side) in [(a, false), (b, true)] {
                let mut own = members
                    .iter()
                    .filter(|&&r| (r >= left_len) == side)
                    .map(|&r| if side { r - left_len } else { r });
                let Some(first) = own.next() else { continue };
                if let Some(p) = parent.get_mut(&list) {
                    for r in own {
                        let (x, y) = (root(p, first), root(p, r));
                        p[x.max(y) as usize] = x.min(y);
                    }
                }
            }
        }
    }
    for p in parent.values_mut() {
        for r in 0..p.len() as u32 {
            let top = root(p, r);
            p[r as usize] = top;
        }
    }
    parent
}

/// Makes a link's clusters again after its weights moved (see the module
/// documentation): the chaining guard's clusters of three or more records
/// stay; the matches of two records in none of them, strongest first, each
/// record taken once, become clusters of two (as the guard, which checks
/// nothing between two single records, would make them).
pub(crate) fn recluster(link: &mut LinkResult) {
    let threshold = link.threshold;
    let is_match = |decision: Decision, weight: f64| match decision {
        Decision::Accepted => true,
        Decision::Rejected => false,
        Decision::None => probability_of(weight) >= threshold,
    };
    let mut clusters: Vec<Vec<u32>> = std::mem::take(&mut link.clusters)
        .into_iter()
        .filter(|c| c.len() > 2)
        .collect();
    let mut taken = vec![false; link.cluster_of.len()];
    for c in &clusters {
        for &r in c {
            taken[r as usize] = true;
        }
    }
    // `scored` is in order of weight, strongest first.
    for s in &link.scored {
        let (l, r) = (s.left as usize, s.right as usize);
        if is_match(s.decision, s.weight) && !taken[l] && !taken[r] {
            taken[l] = true;
            taken[r] = true;
            clusters.push(vec![s.left, s.right]);
        }
    }
    clusters.sort_unstable_by_key(|m| m[0]);
    link.cluster_of.fill(NONE);
    for (c, members) in clusters.iter().enumerate() {
        for &r in members {
            link.cluster_of[r as usize] = c as u32;
        }
    }
    link.stats.clusters = clusters.len();
    link.stats.matched_pairs = link
        .scored
        .iter()
        .filter(|s| is_match(s.decision, s.weight))
        .count();
    link.clusters = clusters;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_raises_and_other_children_lower() {
        // Both records likely the same child of the third list.
        assert!(factor_bits(0.5, &[(7, 3.0)], &[(7, 3.0)], 1.0, 0.0) > 1.0);
        // Each the likely match of a different child there.
        assert!(factor_bits(0.5, &[(7, 3.0)], &[(8, 3.0)], 1.0, 0.0) < -3.0);
        // No candidate there, or one on one side only: nothing changes.
        assert_eq!(factor_bits(0.5, &[], &[], 1.0, 0.0), 0.0);
        assert_eq!(factor_bits(0.5, &[(7, 3.0)], &[], 1.0, 0.0), 0.0);
        // Candidates less sure than the pair itself say nothing.
        assert_eq!(factor_bits(4.0, &[(7, 3.0)], &[(8, 3.0)], 1.0, 0.0), 0.0);
    }

    #[test]
    fn a_bridge_does_not_vouch_for_what_the_pair_disagrees_on() {
        // A pair never compared (odds 0.001) whose records are each the
        // sure match (odds 99) of one record of the third list.
        let bridged = |against: f64| factor_bits(0.001, &[(7, 99.0)], &[(7, 99.0)], 1.0, against);
        let lifted = |against: f64| (0.001f64.log2() + bridged(against)).exp2();
        assert!(lifted(0.0) > 10.0, "{}", lifted(0.0));
        // Their patronymics differ (-9 bits): the bridge no longer matches them.
        assert!(lifted(-9.0) < 0.5, "{}", lifted(-9.0));
        // Agreements beyond the bridge's are not counted twice.
        assert_eq!(bridged(3.0), bridged(0.0));
    }

    fn matched(link: &LinkResult) -> Vec<(usize, usize)> {
        let mut m: Vec<(usize, usize)> = link.matches().map(|(a, b, _)| (a, b)).collect();
        m.sort_unstable();
        m
    }

    /// Three lists: 0, a camp list with ages only; 1, a Latin list with
    /// ages only; 2, a missing children's list with birth dates, which
    /// tells the camp list's namesakes apart. Camp records 0 and 1 are
    /// namesakes, as are Latin records 0 and 1; the pair model gives each
    /// camp namesake a probability of 0.4 with each Latin one.
    /// - Camp 0 and Latin 0 are each the likely match (0.8) of missing
    ///   record 0: bridged, linked.
    /// - Camp 1 and Latin 1 have no candidate in the missing list: no
    ///   bridge, left under the threshold.
    /// - Camp 2 and Latin 2 match at 0.7, but camp 2 is the likely match
    ///   of missing record 2 and Latin 2 of missing record 3, two other
    ///   children: contradicted, dropped.
    #[test]
    fn three_lists_read_together() {
        let camp_latin = [
            (0, 0, 0.4),
            (0, 1, 0.4),
            (1, 0, 0.4),
            (1, 1, 0.4),
            (2, 2, 0.7),
        ];
        let camp_missing = [(0, 0, 0.8), (2, 2, 0.85)];
        let latin_missing = [(0, 0, 0.8), (2, 3, 0.85)];
        let (camp, latin, missing) = (("camp", 3), ("latin", 3), ("missing", 4));
        let mut links = vec![
            LinkResult::constructed(camp, latin, &camp_latin),
            LinkResult::constructed(camp, missing, &camp_missing),
            LinkResult::constructed(latin, missing, &latin_missing),
        ];
        // Alone, the camp × Latin link matches only the contradicted pair.
        assert_eq!(matched(&links[0]), vec![(2, 2)]);
        let stats = join(&mut links, &[(0, 1), (0, 2), (1, 2)]).unwrap();
        assert_eq!(matched(&links[0]), vec![(0, 0)]);
        let p = |l: u32, r: u32| {
            links[0]
                .pairs()
                .find(|p| p.left == format!("camp{l}") && p.right == format!("latin{r}"))
                .map(|p| p.probability)
                .unwrap()
        };
        assert!(p(0, 0) > 0.6, "bridged: {}", p(0, 0));
        // Namesakes without a sure candidate there stay as they were (and
        // unmatched: the bridged pair took camp 0 and Latin 0).
        for (l, r) in [(0, 1), (1, 0), (1, 1)] {
            assert!((p(l, r) - 0.4).abs() < 1e-9, "no bridge: {}", p(l, r));
        }
        assert!(p(2, 2) < 0.2, "contradicted: {}", p(2, 2));
        // The bridges themselves stand: each is confirmed by the others.
        assert_eq!(matched(&links[1]), vec![(0, 0), (2, 2)]);
        assert_eq!(matched(&links[2]), vec![(0, 0), (2, 3)]);
        assert!(stats.raised >= 1 && stats.dropped >= 1, "{stats:?}");
        // The explanation names the step.
        let explained = links[0].pairs().next().unwrap();
        assert_eq!(explained.fields.last().unwrap().field, JOINT_FIELD);
        assert_eq!(explained.fields.last().unwrap().level, JOINT_SUPPORTS);
    }

    #[test]
    fn bridged_pairs_are_those_the_link_did_not_report() {
        // Camp 0 and Latin 0 are each matched to missing 0, camp 1 and
        // Latin 1 to missing 1; the camp × Latin link reported only the
        // second pair (under the threshold), camp 2 has no bridge.
        let mut links = vec![
            LinkResult::constructed(("camp", 3), ("latin", 2), &[(1, 1, 0.3)]),
            LinkResult::constructed(("camp", 3), ("missing", 2), &[(0, 0, 0.9), (1, 1, 0.9)]),
            LinkResult::constructed(("latin", 2), ("missing", 2), &[(0, 0, 0.9), (1, 1, 0.8)]),
        ];
        let lists = [(0, 1), (0, 2), (1, 2)];
        let bridged = bridged_pairs(&links, &lists).unwrap();
        assert_eq!(
            bridged[0],
            vec![("camp0".to_string(), "latin0".to_string())]
        );
        // The other links report every pair the camp × Latin link bridges
        // (it matches none).
        assert!(
            bridged[1].is_empty() && bridged[2].is_empty(),
            "{bridged:?}"
        );
        // A link matching camp 2 to Latin 1 bridges camp 2 to missing 1.
        links[0] = LinkResult::constructed(("camp", 3), ("latin", 2), &[(2, 1, 0.9)]);
        let bridged = bridged_pairs(&links, &lists).unwrap();
        assert_eq!(
            bridged[1],
            vec![("camp2".to_string(), "missing1".to_string())]
        );
        assert!(bridged_pairs(&links, &lists[..2]).is_err());
    }

    #[test]
    fn links_of_other_records_are_refused() {
        let mut links = vec![
            LinkResult::constructed(("a", 2), ("b", 2), &[]),
            LinkResult::constructed(("a", 3), ("c", 2), &[]),
        ];
        assert_eq!(
            join(&mut links, &[(0, 1), (0, 2)]),
            Err(JointError::Records(0))
        );
        assert_eq!(
            join(&mut links, &[(0, 1)]),
            Err(JointError::Count { links: 2, lists: 1 })
        );
    }
}
