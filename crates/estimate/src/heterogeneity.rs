//! A check for people whom the lists rarely see: Chao's lower bound under
//! heterogeneous visibility (model M_h; Chao 1987, "Estimating the population
//! size for capture-recapture data with unequal catchability", Biometrics
//! 43, with the small-sample factor (k−1)/k for k lists).
//!
//! Log-linear and graphical models with pairwise terms cannot represent a
//! group that every list reaches with a much lower probability than the
//! rest: the people it does see mostly turn up on one list, and the models
//! read the many singletons as ordinary noise. Chao's bound uses only how
//! many people were seen on exactly one list (f1) and on exactly two (f2):
//! whatever the hidden visibility classes, the expected total is at least
//! `n + (k−1)/k · f1² / (2 f2)`. When even the lower end of that bound's own
//! interval lies above every method's estimate, the methods have missed such
//! a group, and the report says so in plain words.

use serde::{Deserialize, Serialize};

use crate::summary::{log_normal_interval, Interval};
use crate::table::OverlapTable;

/// Chao's heterogeneity lower bound of the total, with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HeterogeneityBound {
    /// People seen on exactly one list.
    pub seen_once: u64,
    /// People seen on exactly two lists.
    pub seen_twice: u64,
    /// The lower bound of the total.
    pub n_hat: f64,
    /// Chao's log-normal 95% interval around it.
    pub interval: Interval,
}

/// The bound, or `None` when nobody was seen on exactly two lists (the
/// bound is then unlimited, which the table warnings already report as
/// missing overlap).
pub fn chao_lower_bound(table: &OverlapTable) -> Option<HeterogeneityBound> {
    let k = table.list_count();
    let (mut f1, mut f2) = (0u64, 0u64);
    for (pattern, &count) in table.counts().iter().enumerate() {
        match pattern.count_ones() {
            1 => f1 += count,
            2 => f2 += count,
            _ => {}
        }
    }
    if f2 == 0 || k < 2 {
        return None;
    }
    let observed = table.observed() as f64;
    let a = (k as f64 - 1.0) / k as f64;
    let (f1f, f2f) = (f1 as f64, f2 as f64);
    let ratio = f1f / f2f;
    let n_hat = observed + a * f1f * f1f / (2.0 * f2f);
    // Chao (1987), eq. 11, with the factor a carried through.
    let variance =
        f2f * (a * a / 4.0 * ratio.powi(4) + a * a * ratio.powi(3) + a / 2.0 * ratio.powi(2));
    Some(HeterogeneityBound {
        seen_once: f1,
        seen_twice: f2,
        n_hat,
        interval: log_normal_interval(observed, n_hat, variance.sqrt()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::{simulate, Scenario, VisibilityClass};

    fn table(counts: Vec<u64>) -> OverlapTable {
        OverlapTable::new(vec!["A".into(), "B".into(), "C".into()], counts).unwrap()
    }

    #[test]
    fn bound_follows_chaos_formula() {
        // f1 = 100 + 80 + 60 = 240, f2 = 20 + 15 + 10 = 45, triple 5.
        let t = table(vec![0, 100, 80, 20, 60, 15, 10, 5]);
        let b = chao_lower_bound(&t).unwrap();
        assert_eq!((b.seen_once, b.seen_twice), (240, 45));
        let expected = 290.0 + (2.0 / 3.0) * 240.0 * 240.0 / 90.0;
        assert!((b.n_hat - expected).abs() < 1e-9, "{b:?}");
        let upper = b.interval.upper.unwrap();
        assert!(b.interval.lower > 290.0 && b.interval.lower < b.n_hat && upper > b.n_hat);
    }

    #[test]
    fn no_pairs_no_bound() {
        assert!(chao_lower_bound(&table(vec![0, 100, 80, 0, 60, 0, 0, 5])).is_none());
    }

    #[test]
    fn a_rarely_seen_class_raises_the_bound_above_the_seen() {
        // Two classes: most people are seen often, a third almost never.
        let scenario = Scenario {
            name: "test".into(),
            population: 3000,
            classes: vec![
                VisibilityClass {
                    share: 0.7,
                    capture: vec![0.4, 0.35, 0.4, 0.3],
                },
                VisibilityClass {
                    share: 0.3,
                    capture: vec![0.04, 0.03, 0.05, 0.04],
                },
            ],
            dependence: 1.0,
            missed_merges: 0.0,
            false_merges: 0.0,
        };
        let t = simulate(&scenario, 5).unwrap();
        let b = chao_lower_bound(&t).unwrap();
        assert!(
            b.n_hat > t.observed() as f64 * 1.05,
            "{b:?} {}",
            t.observed()
        );
        assert!(b.n_hat < 3000.0 * 1.1, "{b:?}");
    }
}
