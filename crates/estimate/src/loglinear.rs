//! Poisson log-linear models of the observed cells (Fienberg 1972; Cormack
//! 1989): main effects of every list plus any subset of pairwise
//! interactions, fitted by iteratively reweighted least squares. The
//! people on no list are the cell with every list effect at zero, so
//! N̂ = observed + exp(intercept).
//!
//! An interaction between two lists that share nobody has its maximum
//! likelihood at minus infinity (Chan, Silverman and Vincent 2019): its
//! cells are fitted as exactly zero and left out of the fit, and the
//! parameter is reported as infinite rather than letting IRLS run away.

use serde::{Deserialize, Serialize};

use crate::linalg::Cholesky;
use crate::table::OverlapTable;

/// A hierarchical model: all main effects plus the pairwise interactions
/// whose bits are set (bit `p` = the `p`-th pair of [`pairs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Model {
    pub interactions: u32,
}

/// The position of the pair {a, b} (a ≠ b) in [`pairs`] of `k` lists.
pub fn pair_index(k: usize, a: usize, b: usize) -> usize {
    let (a, b) = (a.min(b), a.max(b));
    a * (2 * k - a - 1) / 2 + (b - a - 1)
}

/// The list pairs of `k` lists in a fixed order: (0,1), (0,2), …, (k-2,k-1).
pub fn pairs(k: usize) -> Vec<(usize, usize)> {
    (0..k)
        .flat_map(|a| (a + 1..k).map(move |b| (a, b)))
        .collect()
}

impl Model {
    /// Main effects only (independent lists).
    pub const INDEPENDENCE: Model = Model { interactions: 0 };

    /// The model with exactly these pairwise interactions.
    pub fn with_pairs(k: usize, wanted: &[(usize, usize)]) -> Model {
        let mut interactions = 0;
        for (p, &(a, b)) in pairs(k).iter().enumerate() {
            if wanted
                .iter()
                .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
            {
                interactions |= 1 << p;
            }
        }
        Model { interactions }
    }

    /// Every hierarchical model up to pairwise interactions of `k` lists.
    pub fn all(k: usize) -> impl Iterator<Item = Model> {
        let n_pairs = k * (k - 1) / 2;
        (0..1u32 << n_pairs).map(|interactions| Model { interactions })
    }

    /// The interaction pairs of the model.
    pub fn terms(&self, k: usize) -> Vec<(usize, usize)> {
        pairs(k)
            .into_iter()
            .enumerate()
            .filter(|(p, _)| self.interactions & (1 << p) != 0)
            .map(|(_, t)| t)
            .collect()
    }

    /// A readable name: "independence" or "A×B + B×C".
    pub fn label(&self, lists: &[String]) -> String {
        let terms = self.terms(lists.len());
        if terms.is_empty() {
            return "independence".to_string();
        }
        terms
            .iter()
            .map(|&(a, b)| format!("{}×{}", lists[a], lists[b]))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// One fitted model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ModelFit {
    pub model: Model,
    pub label: String,
    /// False when the maximum likelihood estimate of N does not exist (it
    /// runs off to infinity, or a parameter is not identified); such fits
    /// are left out of averages and model selection.
    pub exists: bool,
    /// Estimated people on no list.
    pub unobserved: f64,
    /// Estimated total: observed + unobserved.
    pub n_hat: f64,
    /// Standard error of `n_hat` (Poisson, delta method).
    pub stderr: f64,
    /// Deviance over the observed cells (when the estimate does not exist:
    /// the deviance the fit approaches).
    pub deviance: f64,
    /// Residual degrees of freedom.
    pub df: i64,
    pub aic: f64,
    pub bic: f64,
    /// Interactions between lists that share nobody, fitted at minus infinity.
    pub infinite_interactions: Vec<String>,
    /// Coefficients in design order (intercept, main effects, finite
    /// interactions): the warm start of bootstrap and profile refits.
    #[serde(skip)]
    pub(crate) coefficients: Vec<f64>,
}

/// The model's design. Every column of a hierarchical log-linear model is
/// the indicator "the pattern contains this set of lists" (the intercept is
/// the empty set, a main effect one list, an interaction two), so XᵀWX and
/// XᵀWz are sums of weights over supersets and the linear predictor a sum
/// of coefficients over subsets: each a k·2^k transform instead of a pass
/// over an explicit matrix. This makes the 2^10 models of five lists, and
/// their bootstrap refits, cheap.
#[derive(Debug, Clone)]
pub(crate) struct Design {
    pub k: usize,
    /// The list set of each column: ∅, {0}, …, {k-1}, then finite interactions.
    pub sets: Vec<usize>,
    /// Which observed patterns take part (cells of an infinite interaction do not).
    pub kept: Vec<bool>,
    /// The model's full parameter count (infinite interactions included).
    pub model_parameters: usize,
    pub infinite: Vec<(usize, usize)>,
}

impl Design {
    pub(crate) fn new(table: &OverlapTable, model: Model) -> Design {
        let k = table.list_count();
        let terms = model.terms(k);
        let (infinite, finite): (Vec<_>, Vec<_>) = terms
            .iter()
            .partition(|&&(a, b)| table.pair_overlap(a, b) == 0);
        let mut sets = vec![0usize];
        sets.extend((0..k).map(|i| 1 << i));
        sets.extend(finite.iter().map(|&(a, b)| (1 << a) | (1 << b)));
        let kept = (0..1usize << k)
            .map(|p| {
                p != 0
                    && !infinite
                        .iter()
                        .any(|&(a, b)| p & (1 << a) != 0 && p & (1 << b) != 0)
            })
            .collect();
        Design {
            k,
            sets,
            kept,
            model_parameters: 1 + k + terms.len(),
            infinite,
        }
    }

    pub(crate) fn columns(&self) -> usize {
        self.sets.len()
    }

    /// Observed cells in the fit.
    pub(crate) fn kept_cells(&self) -> usize {
        self.kept.iter().filter(|&&k| k).count()
    }
}

/// In place: `v[t] = Σ_{c ⊇ t} v[c]` over the 2^k patterns.
fn superset_sums(v: &mut [f64], k: usize) {
    for bit in 0..k {
        for t in 0..v.len() {
            if t & (1 << bit) == 0 {
                v[t] += v[t | (1 << bit)];
            }
        }
    }
}

/// In place: `v[c] = Σ_{t ⊆ c} v[t]` over the 2^k patterns.
fn subset_sums(v: &mut [f64], k: usize) {
    for bit in 0..k {
        for c in 0..v.len() {
            if c & (1 << bit) != 0 {
                v[c] += v[c ^ (1 << bit)];
            }
        }
    }
}

/// The outcome of IRLS.
pub(crate) struct Irls {
    pub beta: Vec<f64>,
    /// Fitted counts by pattern (0 outside the fit).
    pub mu: Vec<f64>,
    pub deviance: f64,
    /// The (0,0) entry of (XᵀWX)⁻¹: the variance of the intercept.
    pub intercept_variance: f64,
}

/// An intercept above this (e^40 ≈ 2·10^17 unseen people) means the
/// estimate runs off to infinity.
const MAX_INTERCEPT: f64 = 40.0;

/// Why IRLS found no maximum: the deviance it had reached (the limit the
/// fit approaches when the estimate runs off to infinity; NaN if none).
pub(crate) struct NoMaximum {
    pub deviance: f64,
}

/// Fits a Poisson GLM with log link to the counts `y` (indexed by pattern)
/// of the cells in `kept` (plus pattern 0 when `with_unseen`); `Err` when it
/// does not converge, runs off to infinity or a parameter is not identified.
pub(crate) fn irls(
    design: &Design,
    y: &[f64],
    with_unseen: bool,
    start: Option<&[f64]>,
) -> Result<Irls, NoMaximum> {
    let k = design.k;
    let cells = 1usize << k;
    let columns = design.columns();
    let in_fit: Vec<bool> = (0..cells)
        .map(|c| design.kept[c] || (c == 0 && with_unseen))
        .collect();
    let predictor = |beta: &[f64]| {
        let mut eta = vec![0.0; cells];
        for (&set, &b) in design.sets.iter().zip(beta) {
            eta[set] += b;
        }
        subset_sums(&mut eta, k);
        eta
    };
    let mut eta: Vec<f64> = match start {
        Some(beta) if beta.len() == columns => predictor(beta),
        _ => y.iter().map(|&v| (v + 0.5).ln()).collect(),
    };
    let fitted = |eta: &[f64]| -> Vec<f64> {
        (0..cells)
            .map(|c| if in_fit[c] { eta[c].exp() } else { 0.0 })
            .collect()
    };
    let mut mu = fitted(&eta);
    let mut deviance = poisson_deviance(y, &mu, &in_fit);
    let mut last: Option<Irls> = None;
    let mut intercept_step = f64::INFINITY;
    let mut xtwx = vec![0.0; columns * columns];
    let mut xtwz = vec![0.0; columns];
    let mut w = vec![0.0; cells];
    let mut wz = vec![0.0; cells];
    for _ in 0..100 {
        for c in 0..cells {
            w[c] = mu[c];
            wz[c] = if in_fit[c] {
                mu[c] * eta[c] + (y[c] - mu[c])
            } else {
                0.0
            };
        }
        superset_sums(&mut w, k);
        superset_sums(&mut wz, k);
        for (a, &set_a) in design.sets.iter().enumerate() {
            xtwz[a] = wz[set_a];
            for (b, &set_b) in design.sets.iter().enumerate() {
                xtwx[a * columns + b] = w[set_a | set_b];
            }
        }
        let Some(chol) = Cholesky::factor(&xtwx, columns) else {
            // Parameters running to -infinity take their cells' weights to
            // zero until the system is singular; if N̂ had settled by then,
            // the last step is the answer.
            return match last {
                Some(fit) if intercept_step < 1e-7 => Ok(fit),
                _ => Err(NoMaximum { deviance }),
            };
        };
        let beta = chol.solve(&xtwz);
        if beta.iter().any(|b| !b.is_finite()) || beta[0] > MAX_INTERCEPT {
            return Err(NoMaximum { deviance });
        }
        eta = predictor(&beta);
        mu = fitted(&eta);
        let new_deviance = poisson_deviance(y, &mu, &in_fit);
        // Other parameters may run to ±infinity (cells fitted at zero, where
        // the data have zeros) while the intercept, and so N̂, settles: that
        // N̂ exists. An intercept that keeps growing means it does not.
        intercept_step = last
            .as_ref()
            .map_or(f64::INFINITY, |fit| (beta[0] - fit.beta[0]).abs());
        let converged = intercept_step < 1e-9
            && (new_deviance - deviance).abs() < 1e-10 * (new_deviance.abs() + 0.1);
        deviance = new_deviance;
        let mut unit = vec![0.0; columns];
        unit[0] = 1.0;
        let intercept_variance = chol.solve(&unit)[0];
        let fit = Irls {
            beta,
            mu: mu.clone(),
            deviance,
            intercept_variance,
        };
        if converged {
            return Ok(fit);
        }
        last = Some(fit);
    }
    Err(NoMaximum { deviance })
}

/// 2 Σ [y log(y/μ) − (y − μ)] over the cells in the fit.
pub(crate) fn poisson_deviance(y: &[f64], mu: &[f64], in_fit: &[bool]) -> f64 {
    2.0 * (0..y.len())
        .filter(|&c| in_fit[c])
        .map(|c| {
            if y[c] > 0.0 {
                y[c] * (y[c] / mu[c]).ln() - (y[c] - mu[c])
            } else {
                mu[c]
            }
        })
        .sum::<f64>()
}

/// Fits one model to the table (`start`: coefficients of an earlier fit of
/// the same model, to converge in fewer steps).
pub fn fit_model(table: &OverlapTable, model: Model) -> ModelFit {
    fit_with_start(table, model, None)
}

pub(crate) fn fit_with_start(
    table: &OverlapTable,
    model: Model,
    start: Option<&[f64]>,
) -> ModelFit {
    fit_design(table, model, &Design::new(table, model), start)
}

/// Fits a model whose design is already built (the bootstrap reuses designs).
pub(crate) fn fit_design(
    table: &OverlapTable,
    model: Model,
    design: &Design,
    start: Option<&[f64]>,
) -> ModelFit {
    let y: Vec<f64> = table.counts().iter().map(|&c| c as f64).collect();
    let observed = table.observed() as f64;
    let label = model.label(table.lists());
    let lists = table.lists();
    let infinite_interactions = design
        .infinite
        .iter()
        .map(|&(a, b)| format!("{}×{}", lists[a], lists[b]))
        .collect();
    let df = design.kept_cells() as i64 - design.columns() as i64;
    let failed = |deviance: f64| ModelFit {
        model,
        label: label.clone(),
        exists: false,
        unobserved: f64::INFINITY,
        n_hat: f64::INFINITY,
        stderr: f64::INFINITY,
        deviance,
        df,
        aic: f64::INFINITY,
        bic: f64::INFINITY,
        infinite_interactions: Vec::new(),
        coefficients: Vec::new(),
    };
    let fit = match irls(design, &y, false, start) {
        Ok(fit) => fit,
        Err(no_maximum) => {
            return ModelFit {
                infinite_interactions,
                ..failed(no_maximum.deviance)
            }
        }
    };
    let unobserved = fit.beta[0].exp();
    let log_likelihood: f64 = (1..y.len())
        .filter(|&c| design.kept[c])
        .map(|c| y[c] * fit.mu[c].ln() - fit.mu[c] - libm::lgamma(y[c] + 1.0))
        .sum();
    let parameters = design.model_parameters as f64;
    ModelFit {
        model,
        label,
        exists: true,
        unobserved,
        n_hat: observed + unobserved,
        stderr: (unobserved + unobserved * unobserved * fit.intercept_variance).sqrt(),
        deviance: fit.deviance,
        df,
        aic: -2.0 * log_likelihood + 2.0 * parameters,
        bic: -2.0 * log_likelihood + parameters * observed.ln(),
        infinite_interactions,
        coefficients: fit.beta,
    }
}

/// Every hierarchical model up to pairwise interactions, fitted.
pub fn fit_all(table: &OverlapTable) -> Vec<ModelFit> {
    Model::all(table.list_count())
        .map(|m| fit_model(table, m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(counts: &[u64]) -> OverlapTable {
        let k = counts.len().trailing_zeros() as usize;
        OverlapTable::new((0..k).map(|i| format!("L{i}")).collect(), counts.to_vec()).unwrap()
    }

    #[test]
    fn independence_on_two_way_data_matches_lincoln_petersen_shape() {
        // Lists 0 and 1 independent, list 2 independent of both: counts built
        // from a product so the independence model fits exactly.
        let (p0, p1, p2, n) = (0.5f64, 0.4f64, 0.3f64, 10_000.0f64);
        let counts: Vec<u64> = (0..8usize)
            .map(|pat| {
                if pat == 0 {
                    return 0;
                }
                let pr = [p0, p1, p2]
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| if pat & (1 << i) != 0 { p } else { 1.0 - p })
                    .product::<f64>();
                (n * pr).round() as u64
            })
            .collect();
        let fit = fit_model(&table(&counts), Model::INDEPENDENCE);
        assert!(fit.exists);
        assert!((fit.n_hat - n).abs() < 20.0, "{}", fit.n_hat);
        assert!(fit.deviance < 1.0, "{}", fit.deviance);
        assert_eq!(fit.df, 3);
    }

    #[test]
    fn zero_overlap_interaction_is_infinite_not_divergent() {
        // Lists 0 and 1 share nobody.
        let fit = fit_model(
            &table(&[0, 40, 50, 0, 30, 6, 8, 0]),
            Model::with_pairs(3, &[(0, 1)]),
        );
        assert!(fit.exists);
        assert_eq!(fit.infinite_interactions, vec!["L0×L1".to_string()]);
        assert!(fit.n_hat.is_finite() && fit.n_hat > 134.0);
    }

    #[test]
    fn pair_index_matches_the_pair_order() {
        for k in 3..=5 {
            for (i, &(a, b)) in pairs(k).iter().enumerate() {
                assert_eq!(pair_index(k, a, b), i);
                assert_eq!(pair_index(k, b, a), i);
            }
        }
    }

    #[test]
    fn model_enumeration_and_labels() {
        assert_eq!(Model::all(3).count(), 8);
        assert_eq!(Model::all(5).count(), 1024);
        let lists: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        let m = Model::with_pairs(3, &[(2, 1), (0, 1)]);
        assert_eq!(m.label(&lists), "A×B + B×C");
        assert_eq!(Model::INDEPENDENCE.label(&lists), "independence");
    }
}
