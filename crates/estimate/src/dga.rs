//! Bayesian model averaging over decomposable graphical models (Madigan and
//! York 1997; the method of the R package `dga`). Each decomposable graph on
//! the lists is a model of their dependence; with a hyper-Dirichlet prior
//! (δ = 2^-k per cell of the complete table) its marginal likelihood has a
//! closed form over its cliques and separators, so the joint posterior of
//! graph and total is computed exactly on a grid of totals, with no
//! sampling.

use serde::{Deserialize, Serialize};

use crate::loglinear::pair_index;
use crate::sampling::seeded;
use crate::summary::Interval;
use crate::table::OverlapTable;

/// The prior on the total N.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TotalPrior {
    /// p(N) ∝ 1/N: scale-invariant, the usual default.
    Inverse,
    /// p(N) flat.
    Flat,
}

/// A graph's share of the posterior.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GraphWeight {
    /// Cliques, e.g. "[A,B][C]".
    pub label: String,
    pub posterior: f64,
    /// The posterior median total under this graph alone.
    pub n_hat: f64,
}

/// The model-averaged posterior of the total.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DgaReport {
    pub prior: TotalPrior,
    pub graphs: usize,
    /// Posterior median.
    pub n_hat: f64,
    pub mean: f64,
    /// Central 95% posterior interval; no upper limit when the posterior
    /// still has more than 2.5% of its mass at the top of the grid.
    pub interval: Interval,
    /// Graphs with at least 1% posterior probability, most probable first.
    pub leading_graphs: Vec<GraphWeight>,
    /// Draws from the posterior of the total, for summing strata.
    #[serde(skip)]
    pub draws: Vec<f64>,
}

/// An undirected graph on the lists as a bit set over [`pairs`].
#[derive(Debug, Clone, Copy)]
struct Graph {
    edges: u32,
}

impl Graph {
    fn adjacent(&self, k: usize, a: usize, b: usize) -> bool {
        a != b && self.edges & (1 << pair_index(k, a, b)) != 0
    }

    /// A perfect ordering of the vertices with each vertex's earlier
    /// neighbours (by maximum cardinality search), or `None` when the graph
    /// is not decomposable (chordal).
    fn perfect_order(&self, k: usize) -> Option<Vec<(usize, u32)>> {
        let mut numbered = 0u32;
        let mut order = Vec::with_capacity(k);
        for _ in 0..k {
            let v = (0..k)
                .filter(|&v| numbered & (1 << v) == 0)
                .max_by_key(|&v| (count_adjacent(self, k, v, numbered), std::cmp::Reverse(v)))?;
            let earlier: u32 = (0..k)
                .filter(|&u| numbered & (1 << u) != 0 && self.adjacent(k, u, v))
                .map(|u| 1 << u)
                .sum();
            let members: Vec<usize> = (0..k).filter(|&u| earlier & (1 << u) != 0).collect();
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    if !self.adjacent(k, a, b) {
                        return None;
                    }
                }
            }
            order.push((v, earlier));
            numbered |= 1 << v;
        }
        Some(order)
    }
}

fn count_adjacent(graph: &Graph, k: usize, v: usize, set: u32) -> usize {
    (0..k)
        .filter(|&u| set & (1 << u) != 0 && graph.adjacent(k, u, v))
        .count()
}

/// The maximal cliques of a perfect order, as bit sets.
fn cliques(order: &[(usize, u32)]) -> Vec<u32> {
    let candidates: Vec<u32> = order
        .iter()
        .map(|&(v, earlier)| earlier | (1 << v))
        .collect();
    let mut maximal: Vec<u32> = candidates
        .iter()
        .copied()
        .filter(|&c| !candidates.iter().any(|&d| d != c && d & c == c))
        .collect();
    maximal.sort_unstable();
    maximal.dedup();
    maximal
}

fn clique_label(cliques: &[u32], lists: &[String]) -> String {
    cliques
        .iter()
        .map(|&c| {
            let names: Vec<&str> = (0..lists.len())
                .filter(|&i| c & (1 << i) != 0)
                .map(|i| lists[i].as_str())
                .collect();
            format!("[{}]", names.join(","))
        })
        .collect()
}

/// Grid of unseen counts: every integer up to this, then geometric steps.
const UNIT_STEPS: usize = 2000;
const GEOMETRIC_STEP: f64 = 1.005;
/// Draws kept for strata sums.
const DRAWS: usize = 4000;

/// The grid of unseen totals and each point's width (for integrating).
fn grid(observed: f64) -> (Vec<f64>, Vec<f64>) {
    // Far beyond any credible total: 200 times the observed, at least 20,000.
    let cap = (200.0 * observed).max(20_000.0);
    let mut points: Vec<f64> = (0..=UNIT_STEPS).map(|i| i as f64).collect();
    let mut x = UNIT_STEPS as f64;
    while x < cap {
        x = (x * GEOMETRIC_STEP).round();
        points.push(x);
    }
    let widths = (0..points.len())
        .map(|i| {
            let left = if i == 0 {
                points[0]
            } else {
                (points[i - 1] + points[i]) / 2.0
            };
            let right = if i + 1 == points.len() {
                points[i] + 0.5
            } else {
                (points[i] + points[i + 1]) / 2.0
            };
            (right - left).max(1.0)
        })
        .collect();
    (points, widths)
}

/// The posterior over decomposable graphs and the total.
pub fn estimate_dga(table: &OverlapTable, prior: TotalPrior, seed: u64) -> DgaReport {
    let k = table.list_count();
    let observed = table.observed() as f64;
    let (unseen, widths) = grid(observed);
    let delta = 1.0 / (1usize << k) as f64;
    // log marginal of every margin S (bit set of lists) at each grid point.
    let margins: Vec<Vec<f64>> = (0..1u32 << k)
        .map(|s| margin_log_marginal(table, s, delta, &unseen))
        .collect();
    let base: Vec<f64> = unseen
        .iter()
        .zip(&widths)
        .map(|(&n0, &w)| {
            let total = observed + n0;
            let prior_term = match prior {
                TotalPrior::Inverse => -total.ln(),
                TotalPrior::Flat => 0.0,
            };
            prior_term + libm::lgamma(total + 1.0) - libm::lgamma(n0 + 1.0) + w.ln()
        })
        .collect();
    let mut graphs: Vec<(String, Vec<f64>)> = Vec::new();
    for edges in 0..1u32 << (k * (k - 1) / 2) {
        let graph = Graph { edges };
        let Some(order) = graph.perfect_order(k) else {
            continue;
        };
        let mut log_post = base.clone();
        for &(v, earlier) in &order {
            let with = &margins[(earlier | (1 << v)) as usize];
            let without = &margins[earlier as usize];
            for ((p, a), b) in log_post.iter_mut().zip(with).zip(without) {
                *p += a - b;
            }
        }
        graphs.push((clique_label(&cliques(&order), table.lists()), log_post));
    }
    // Normalise jointly over graphs and grid (uniform prior over graphs).
    let top = graphs
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .fold(f64::NEG_INFINITY, f64::max);
    let mut mass = vec![0.0; unseen.len()];
    let mut graph_mass = Vec::with_capacity(graphs.len());
    for (_, log_post) in &graphs {
        let mut this = 0.0;
        for (m, &lp) in mass.iter_mut().zip(log_post) {
            let p = (lp - top).exp();
            *m += p;
            this += p;
        }
        graph_mass.push(this);
    }
    let total_mass: f64 = mass.iter().sum();
    let cdf = cumulative(&mass, total_mass);
    let at = |q: f64| observed + unseen[cdf.partition_point(|&c| c < q).min(unseen.len() - 1)];
    let upper_open = cdf.len() > 1 && cdf[cdf.len() - 2] < 0.975;
    let mean = observed + unseen.iter().zip(&mass).map(|(n0, m)| n0 * m).sum::<f64>() / total_mass;
    let mut leading: Vec<GraphWeight> = graphs
        .iter()
        .zip(&graph_mass)
        .filter(|(_, &m)| m / total_mass >= 0.01)
        .map(|((label, log_post), &m)| {
            let own: Vec<f64> = log_post.iter().map(|lp| (lp - top).exp()).collect();
            let own_cdf = cumulative(&own, m);
            GraphWeight {
                label: label.clone(),
                posterior: m / total_mass,
                n_hat: observed
                    + unseen[own_cdf.partition_point(|&c| c < 0.5).min(unseen.len() - 1)],
            }
        })
        .collect();
    leading.sort_by(|a, b| b.posterior.total_cmp(&a.posterior));
    let mut rng = seeded(seed, 0);
    let draws = (0..DRAWS)
        .map(|_| {
            let u: f64 = rand::Rng::gen(&mut rng);
            observed + unseen[cdf.partition_point(|&c| c < u).min(unseen.len() - 1)]
        })
        .collect();
    DgaReport {
        prior,
        graphs: graphs.len(),
        n_hat: at(0.5),
        mean,
        interval: Interval {
            lower: at(0.025),
            upper: (!upper_open).then(|| at(0.975)),
        },
        leading_graphs: leading,
        draws,
    }
}

fn cumulative(mass: &[f64], total: f64) -> Vec<f64> {
    let mut running = 0.0;
    mass.iter()
        .map(|m| {
            running += m / total;
            running
        })
        .collect()
}

/// The log Dirichlet-multinomial marginal of the margin over lists `s`,
/// with the unseen people added to its all-absent cell.
fn margin_log_marginal(table: &OverlapTable, s: u32, delta: f64, unseen: &[f64]) -> Vec<f64> {
    let k = table.list_count();
    let size = s.count_ones() as usize;
    // Every margin cell carries δ times the full-table cells it pools.
    let alpha = delta * (1usize << (k - size)) as f64;
    let alpha_total = alpha * (1usize << size) as f64;
    let mut cells = vec![0u64; 1 << k];
    for (pattern, &count) in table.counts().iter().enumerate() {
        cells[pattern & s as usize] += count;
    }
    let fixed: f64 = (0..1usize << k)
        .filter(|&c| c & !(s as usize) == 0 && c != 0)
        .map(|c| libm::lgamma(alpha + cells[c] as f64) - libm::lgamma(alpha))
        .sum();
    let observed = table.observed() as f64;
    let absent_observed = cells[0] as f64;
    unseen
        .iter()
        .map(|&n0| {
            libm::lgamma(alpha_total) - libm::lgamma(alpha_total + observed + n0)
                + fixed
                + libm::lgamma(alpha + absent_observed + n0)
                - libm::lgamma(alpha)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposable_graphs_are_counted_right() {
        // Known counts of labelled chordal graphs: 8 on 3 vertices, 61 on 4, 822 on 5.
        for (k, expected) in [(3usize, 8usize), (4, 61), (5, 822)] {
            let count = (0..1u32 << (k * (k - 1) / 2))
                .filter(|&e| Graph { edges: e }.perfect_order(k).is_some())
                .count();
            assert_eq!(count, expected, "k = {k}");
        }
    }

    /// With plenty of data from independent lists, the independence graph's
    /// posterior median sits at the log-linear independence estimate.
    #[test]
    fn independence_graph_agrees_with_the_independence_model() {
        let (p, n) = ([0.3f64, 0.2, 0.25], 20_000.0f64);
        let counts: Vec<u64> = (0..8usize)
            .map(|pat| {
                let pr: f64 = p
                    .iter()
                    .enumerate()
                    .map(|(i, &q)| if pat & (1 << i) != 0 { q } else { 1.0 - q })
                    .product();
                if pat == 0 {
                    0
                } else {
                    (n * pr).round() as u64
                }
            })
            .collect();
        let table = OverlapTable::new(vec!["A".into(), "B".into(), "C".into()], counts).unwrap();
        let report = estimate_dga(&table, TotalPrior::Inverse, 1);
        let independent = report
            .leading_graphs
            .iter()
            .find(|g| g.label == "[A][B][C]")
            .expect("independence graph listed");
        let loglinear = crate::loglinear::fit_model(&table, crate::loglinear::Model::INDEPENDENCE);
        assert!(
            (independent.n_hat / loglinear.n_hat - 1.0).abs() < 0.01,
            "{} vs {}",
            independent.n_hat,
            loglinear.n_hat
        );
        assert!(
            report.interval.lower < n && report.interval.upper.unwrap() > n,
            "{:?}",
            report.interval
        );
    }

    #[test]
    fn four_cycle_is_not_decomposable_and_a_chain_has_two_cliques() {
        let k = 4;
        let edges_of =
            |wanted: &[(usize, usize)]| crate::loglinear::Model::with_pairs(k, wanted).interactions;
        let cycle = Graph {
            edges: edges_of(&[(0, 1), (1, 2), (2, 3), (0, 3)]),
        };
        assert!(cycle.perfect_order(k).is_none());
        let chain = Graph {
            edges: edges_of(&[(0, 1), (1, 2)]),
        };
        let order = chain.perfect_order(k).unwrap();
        let lists: Vec<String> = ["A", "B", "C", "D"].map(String::from).to_vec();
        let mut label = clique_label(&cliques(&order), &lists);
        label = label.replace("][", "] [");
        for clique in ["[A,B]", "[B,C]", "[D]"] {
            assert!(label.contains(clique), "{label}");
        }
    }
}
