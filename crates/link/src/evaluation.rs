//! Precision, recall and F1 of predicted pairs against known truth, for the
//! evaluation binaries and tests.

use serde::Serialize;

/// Counts of a pairwise comparison with the truth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PairCounts {
    pub true_positives: u64,
    pub false_positives: u64,
    pub false_negatives: u64,
}

/// "precision P  recall R  F1 F  (tp N fp N fn N)", as the evaluation tools print it.
impl std::fmt::Display for PairCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision {:.4}  recall {:.4}  F1 {:.4}  (tp {} fp {} fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.true_positives,
            self.false_positives,
            self.false_negatives
        )
    }
}

impl PairCounts {
    /// From the number of predicted pairs, true pairs and pairs in both.
    pub fn new(predicted: u64, truth: u64, correct: u64) -> PairCounts {
        PairCounts {
            true_positives: correct,
            false_positives: predicted.saturating_sub(correct),
            false_negatives: truth.saturating_sub(correct),
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Pairs implied by clusters: every two members of a cluster, as `(min, max)`.
pub fn cluster_pairs<T: Copy + Ord>(clusters: &[Vec<T>]) -> impl Iterator<Item = (T, T)> + '_ {
    clusters.iter().flat_map(|members| {
        members.iter().enumerate().flat_map(move |(k, &a)| {
            members[k + 1..]
                .iter()
                .map(move |&b| if a < b { (a, b) } else { (b, a) })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        let c = PairCounts::new(10, 8, 6);
        assert!((c.precision() - 0.6).abs() < 1e-12);
        assert!((c.recall() - 0.75).abs() < 1e-12);
        assert!((c.f1() - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-12);
        assert_eq!(PairCounts::new(0, 0, 0).f1(), 0.0);
    }

    #[test]
    fn pairs_of_clusters() {
        let clusters = vec![vec![3, 1, 2], vec![7, 5]];
        let pairs: Vec<(i32, i32)> = cluster_pairs(&clusters).collect();
        assert_eq!(pairs, vec![(1, 3), (2, 3), (1, 2), (5, 7)]);
    }
}
