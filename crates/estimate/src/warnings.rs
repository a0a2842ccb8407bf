//! Warnings in plain words, as data: each says what in the lists makes an
//! estimate less trustworthy. They name lists and give counts, never a
//! person's data.

use serde::{Deserialize, Serialize};

use crate::heterogeneity::HeterogeneityBound;
use crate::table::OverlapTable;

/// What the caller knows about a list that the counts cannot show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMetadata {
    pub name: String,
    /// Who the list covers, e.g. "children deported to Belarus".
    pub scope: Option<String>,
    /// The period the list covers, as ISO dates (compared as given).
    pub period_start: Option<String>,
    pub period_end: Option<String>,
}

/// Something that weakens an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    ListTooSmall {
        list: String,
        size: u64,
        minimum: u64,
    },
    NoOverlap {
        first: String,
        second: String,
    },
    /// Some log-linear models have no maximum-likelihood estimate of N.
    EstimateMissing {
        models: usize,
        of: usize,
    },
    SparseCells {
        sparse: usize,
        cells: usize,
    },
    FarAboveObserved {
        method: String,
        estimate: f64,
        observed: u64,
    },
    MethodsDisagree {
        low_method: String,
        low: f64,
        high_method: String,
        high: f64,
    },
    ListLooksDerived {
        list: String,
        source: String,
        share: f64,
    },
    /// Linked clusters holding two records of one list that the list's own
    /// deduplication did not match: joined only through other lists. The
    /// caller who links the records finds them (the table cannot show them).
    ChainedClusters {
        clusters: usize,
        of: u64,
    },
    DifferentScope {
        first: String,
        second: String,
    },
    DifferentPeriod {
        first: String,
        second: String,
    },
    NoUpperLimit {
        method: String,
    },
    ChainsNotConverged {
        r_hat: f64,
        effective_sample_size: f64,
    },
    /// Even the lower end of Chao's heterogeneity bound lies above every
    /// method's estimate: a group of people whom the lists rarely see is
    /// probably missing from the estimate.
    UnevenVisibility {
        bound: f64,
        bound_lower: f64,
        highest_method: String,
        highest: f64,
    },
}

impl Warning {
    /// The warning in plain words.
    pub fn message(&self) -> String {
        match self {
            Warning::ListTooSmall { list, size, minimum } => format!(
                "list {list} has only {size} people (fewer than {minimum}): its overlaps are too small to say much about dependence"
            ),
            Warning::NoOverlap { first, second } => format!(
                "lists {first} and {second} share nobody: models with their interaction fit it at minus infinity, and the estimate leans on assumptions the data cannot check"
            ),
            Warning::EstimateMissing { models, of } => format!(
                "{models} of {of} log-linear models have no maximum-likelihood estimate (it runs off to infinity); they are left out"
            ),
            Warning::SparseCells { sparse, cells } => format!(
                "{sparse} of {cells} overlap cells hold fewer than 3 people: the data are mostly sparse, so models and intervals are fragile"
            ),
            Warning::FarAboveObserved { method, estimate, observed } => format!(
                "{method} estimates {estimate:.0}, more than 10 times the {observed} people seen: the lists see too little of the population for a reliable total"
            ),
            Warning::MethodsDisagree { low_method, low, high_method, high } => format!(
                "the methods disagree by more than 2×: {low_method} gives {low:.0}, {high_method} {high:.0}; no single number should be quoted"
            ),
            Warning::ListLooksDerived { list, source, share } => format!(
                "{:.0}% of list {list} is also on list {source}: it may be copied from it, and copies make the estimate too low",
                share * 100.0
            ),
            Warning::ChainedClusters { clusters, of } => format!(
                "{clusters} of the {of} children counted ({:.1}%) hold two records of one list that the list's own deduplication did not match: they were joined only through other lists. If they are different children, these false merges fake overlap and make every estimate too low (false merges between children who share no list cannot be seen this way, so there may be more)",
                *clusters as f64 / (*of).max(1) as f64 * 100.0
            ),
            Warning::DifferentScope { first, second } => format!(
                "lists {first} and {second} cover different populations: people outside one list's scope cannot be on it, which biases the estimate"
            ),
            Warning::DifferentPeriod { first, second } => format!(
                "lists {first} and {second} cover different periods: people outside one list's period cannot be on it, which biases the estimate"
            ),
            Warning::NoUpperLimit { method } => format!("{method}: the data put no upper limit on the total"),
            Warning::ChainsNotConverged { r_hat, effective_sample_size } => format!(
                "the latent-class sampler has not settled (R-hat {r_hat:.2}, effective sample size {effective_sample_size:.0}): run it longer before reading its interval"
            ),
            Warning::UnevenVisibility { bound, bound_lower, highest_method, highest } => format!(
                "too many people are on one list only for the models: by Chao's heterogeneity bound the total is at least {bound:.0} (95% interval from {bound_lower:.0}), above even the highest estimate ({highest_method}: {highest:.0}); some group is probably seen far less often by every list, and all the estimates here are too low"
            ),
        }
    }
}

/// Thresholds of the table warnings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WarningThresholds {
    /// A list with fewer people is "too small".
    pub min_list_size: u64,
    /// Share of a list also on another above which it "looks derived".
    pub derived_share: f64,
}

impl Default for WarningThresholds {
    fn default() -> Self {
        Self {
            min_list_size: 30,
            derived_share: 0.9,
        }
    }
}

/// Warnings that the table and the lists' metadata alone give.
pub fn table_warnings(
    table: &OverlapTable,
    metadata: &[ListMetadata],
    thresholds: &WarningThresholds,
) -> Vec<Warning> {
    let lists = table.lists();
    let k = lists.len();
    let mut warnings = Vec::new();
    for (i, list) in lists.iter().enumerate() {
        let size = table.list_size(i);
        if size < thresholds.min_list_size {
            warnings.push(Warning::ListTooSmall {
                list: list.clone(),
                size,
                minimum: thresholds.min_list_size,
            });
        }
    }
    for a in 0..k {
        for b in a + 1..k {
            if table.pair_overlap(a, b) == 0 {
                warnings.push(Warning::NoOverlap {
                    first: lists[a].clone(),
                    second: lists[b].clone(),
                });
            }
        }
    }
    let cells = (1usize << k) - 1;
    let sparse = (1..=cells).filter(|&p| table.count(p) < 3).count();
    if sparse * 2 > cells {
        warnings.push(Warning::SparseCells { sparse, cells });
    }
    for a in 0..k {
        let size = table.list_size(a);
        if size < thresholds.min_list_size {
            continue;
        }
        for b in 0..k {
            if a == b || table.list_size(b) < size {
                continue;
            }
            let share = table.pair_overlap(a, b) as f64 / size as f64;
            if share >= thresholds.derived_share {
                warnings.push(Warning::ListLooksDerived {
                    list: lists[a].clone(),
                    source: lists[b].clone(),
                    share,
                });
            }
        }
    }
    for (i, first) in metadata.iter().enumerate() {
        for second in &metadata[i + 1..] {
            if first.scope.is_some() && second.scope.is_some() && first.scope != second.scope {
                warnings.push(Warning::DifferentScope {
                    first: first.name.clone(),
                    second: second.name.clone(),
                });
            }
            let period = |m: &ListMetadata| (m.period_start.clone(), m.period_end.clone());
            let (p1, p2) = (period(first), period(second));
            if (p1.0.is_some() || p1.1.is_some()) && (p2.0.is_some() || p2.1.is_some()) && p1 != p2
            {
                warnings.push(Warning::DifferentPeriod {
                    first: first.name.clone(),
                    second: second.name.clone(),
                });
            }
        }
    }
    warnings
}

/// Warnings from the methods' answers: far above the observed,
/// disagreement between methods (each given as name and point estimate),
/// and all of them below the heterogeneity bound.
pub fn result_warnings(
    observed: u64,
    estimates: &[(String, f64)],
    bound: Option<&HeterogeneityBound>,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (method, estimate) in estimates {
        if estimate.is_finite() && *estimate > 10.0 * observed as f64 {
            warnings.push(Warning::FarAboveObserved {
                method: method.clone(),
                estimate: *estimate,
                observed,
            });
        }
    }
    let finite: Vec<&(String, f64)> = estimates
        .iter()
        .filter(|(_, e)| e.is_finite() && *e > 0.0)
        .collect();
    let low = finite.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let high = finite.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(low), Some(high)) = (low, high) {
        if high.1 > 2.0 * low.1 {
            warnings.push(Warning::MethodsDisagree {
                low_method: low.0.clone(),
                low: low.1,
                high_method: high.0.clone(),
                high: high.1,
            });
        }
        if let Some(bound) = bound.filter(|b| b.interval.lower > high.1) {
            warnings.push(Warning::UnevenVisibility {
                bound: bound.n_hat,
                bound_lower: bound.interval.lower,
                highest_method: high.0.clone(),
                highest: high.1,
            });
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(counts: Vec<u64>) -> OverlapTable {
        OverlapTable::new(vec!["A".into(), "B".into(), "C".into()], counts).unwrap()
    }

    #[test]
    fn small_lists_no_overlap_sparse_cells_and_copies_are_flagged() {
        // A (bit 0) is small and inside C; A and B share nobody.
        let t = table(vec![0, 1, 400, 0, 300, 2, 40, 0]);
        let w = table_warnings(&t, &[], &WarningThresholds::default());
        assert!(
            w.contains(&Warning::ListTooSmall {
                list: "A".into(),
                size: 3,
                minimum: 30
            }),
            "{w:?}"
        );
        assert!(
            w.contains(&Warning::NoOverlap {
                first: "A".into(),
                second: "B".into()
            }),
            "{w:?}"
        );
        assert!(
            w.iter().any(|w| matches!(w, Warning::SparseCells { .. })),
            "{w:?}"
        );
        let big = table(vec![0, 5, 400, 0, 300, 95, 40, 0]);
        let w = table_warnings(&big, &[], &WarningThresholds::default());
        assert!(w.iter().any(|w| matches!(w, Warning::ListLooksDerived { list, source, .. } if list == "A" && source == "C")), "{w:?}");
    }

    #[test]
    fn scope_period_disagreement_and_far_estimates_are_flagged() {
        let t = table(vec![0, 100, 100, 20, 100, 20, 20, 5]);
        let meta = vec![
            ListMetadata {
                name: "A".into(),
                scope: Some("Belarus".into()),
                ..Default::default()
            },
            ListMetadata {
                name: "B".into(),
                scope: Some("Russia".into()),
                period_start: Some("2022-02-24".into()),
                ..Default::default()
            },
            ListMetadata {
                name: "C".into(),
                period_start: Some("2023-01-01".into()),
                ..Default::default()
            },
        ];
        let w = table_warnings(&t, &meta, &WarningThresholds::default());
        assert!(
            w.contains(&Warning::DifferentScope {
                first: "A".into(),
                second: "B".into()
            }),
            "{w:?}"
        );
        assert!(
            w.contains(&Warning::DifferentPeriod {
                first: "B".into(),
                second: "C".into()
            }),
            "{w:?}"
        );
        let r = result_warnings(365, &[("a".into(), 400.0), ("b".into(), 4000.0)], None);
        assert!(r
            .iter()
            .any(|w| matches!(w, Warning::FarAboveObserved { .. })));
        assert!(r
            .iter()
            .any(|w| matches!(w, Warning::MethodsDisagree { .. })));
        assert!(result_warnings(365, &[("a".into(), 400.0), ("b".into(), 700.0)], None).is_empty());
        for warning in w.iter().chain(&r) {
            assert!(!warning.message().is_empty());
        }
        let chained = Warning::ChainedClusters {
            clusters: 12,
            of: 800,
        }
        .message();
        assert!(
            chained.starts_with("12 of the 800 children counted (1.5%)"),
            "{chained}"
        );
    }

    #[test]
    fn estimates_under_the_heterogeneity_floor_are_flagged() {
        let bound = |lower: f64| HeterogeneityBound {
            seen_once: 300,
            seen_twice: 20,
            n_hat: lower + 200.0,
            interval: crate::summary::Interval {
                lower,
                upper: Some(lower + 600.0),
            },
        };
        let estimates = [("a".to_string(), 900.0), ("b".to_string(), 1000.0)];
        let above = bound(1200.0);
        let r = result_warnings(800, &estimates, Some(&above));
        assert!(
            r.iter().any(|w| matches!(w, Warning::UnevenVisibility { highest_method, highest, .. } if highest_method == "b" && *highest == 1000.0)),
            "{r:?}"
        );
        assert!(r.iter().all(|w| !w.message().is_empty()));
        // A floor whose interval reaches down to the estimates says nothing.
        let overlapping = bound(950.0);
        assert!(result_warnings(800, &estimates, Some(&overlapping)).is_empty());
    }
}
