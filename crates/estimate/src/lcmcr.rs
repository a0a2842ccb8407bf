//! The Bayesian non-parametric latent-class model of Manrique-Vallier
//! (2016), as in the R package `LCMCR`: people fall into up to K* hidden
//! classes (a Dirichlet process truncated by stick-breaking) and, within a
//! class, lists capture independently. Heterogeneity of visibility — the
//! main reason lists overlap more than independence predicts — is what the
//! classes absorb.
//!
//! Gibbs sampling with data augmentation: the unseen people are drawn each
//! sweep (negative binomial under the prior p(N) ∝ 1/N) and join the classes
//! like the seen. Everything works on counts per (pattern, class), so a
//! sweep costs 2^k·K* draws whatever the number of people.

use rand::Rng;
use rand_distr::{Beta, Distribution, Gamma, Poisson};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{effective_sample_size, split_r_hat};
use crate::error::EstimateError;
use crate::sampling::{multinomial_into, seeded, SeededRng};
use crate::summary::{percentile_interval, quantile, Interval};
use crate::table::OverlapTable;

/// Sampler settings; the defaults follow the `LCMCR` examples (K* = 10,
/// α ~ Gamma(0.25, 0.25), 10,000 sweeps of burn-in) with 2 chains of 2,000
/// draws thinned by 40; the convergence figures say whether that was enough.
/// When they say it was not (split R̂ at or above [`SETTLED_R_HAT`] or fewer
/// than [`SETTLED_SAMPLE_SIZE`] effective draws), the chains run on, up to
/// `extensions` times, each time for as many sweeps again; the draws before
/// each extension count as burn-in, so only the last block is read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LcmcrOptions {
    /// Truncation level K* of the stick-breaking process.
    pub classes: usize,
    pub chains: usize,
    /// Sweeps discarded at the start of each chain.
    pub burn_in: usize,
    /// Draws kept per chain.
    pub samples: usize,
    /// Sweeps between kept draws.
    pub thinning: usize,
    /// Shape and rate of the Gamma prior on the concentration α.
    pub alpha_shape: f64,
    pub alpha_rate: f64,
    /// Times the chains may run on when they have not settled.
    #[serde(default = "default_extensions")]
    pub extensions: usize,
}

/// Split R̂ below which the chains are read as settled.
pub const SETTLED_R_HAT: f64 = 1.1;
/// Effective draws (all chains) at or above which the total is read as settled.
pub const SETTLED_SAMPLE_SIZE: f64 = 100.0;

/// One: a second block at most doubles the sampler's time (the 5-list
/// speed goal is 10 s), and chains that disagree after twice the sweeps
/// are stuck in different modes rather than slow (the UK 2013 table).
fn default_extensions() -> usize {
    1
}

impl Default for LcmcrOptions {
    fn default() -> Self {
        Self {
            classes: 10,
            chains: 2,
            burn_in: 10_000,
            samples: 2_000,
            thinning: 40,
            alpha_shape: 0.25,
            alpha_rate: 0.25,
            extensions: default_extensions(),
        }
    }
}

impl LcmcrOptions {
    fn check(&self) -> Result<(), EstimateError> {
        let bad = |option, reason: &str| {
            Err(EstimateError::BadOption {
                option,
                reason: reason.to_string(),
            })
        };
        if self.classes < 2 {
            return bad("classes", "needs at least 2 latent classes");
        }
        if self.chains < 2 {
            return bad("chains", "needs at least 2 chains for R-hat");
        }
        if self.samples < 20 || self.thinning == 0 {
            return bad(
                "samples",
                "needs at least 20 kept draws per chain and thinning ≥ 1",
            );
        }
        if !(self.alpha_shape > 0.0 && self.alpha_rate > 0.0) {
            return bad(
                "alpha_shape",
                "the Gamma prior's shape and rate must be positive",
            );
        }
        Ok(())
    }
}

/// The posterior of the total under the latent-class model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LcmcrReport {
    pub options: LcmcrOptions,
    /// Posterior median.
    pub n_hat: f64,
    pub mean: f64,
    /// Central 95% posterior interval.
    pub interval: Interval,
    /// Split R̂ of the total across chains (below 1.05 is converged enough to read).
    pub r_hat: f64,
    /// Effective sample size of the total, all chains pooled.
    pub effective_sample_size: f64,
    /// Posterior mean number of classes holding at least one person.
    pub occupied_classes: f64,
    /// Times the chains ran on because they had not settled (see
    /// [`LcmcrOptions::extensions`]); the kept draws are the last block's.
    #[serde(default)]
    pub extensions_run: usize,
    /// The kept draws of the total, all chains, for summing strata.
    #[serde(skip)]
    pub draws: Vec<f64>,
}

/// One chain's state.
struct Chain {
    /// λ[j·K + k]: probability that list j records a member of class k.
    lambda: Vec<f64>,
    /// Class weights π.
    pi: Vec<f64>,
    alpha: f64,
    /// Counts by (pattern, class), row-major; pattern 0 holds the unseen.
    allocation: Vec<u64>,
    unseen: u64,
    /// Scratch of each sweep, kept to spare 2^k allocations a sweep:
    /// class weights of a pattern, members per class, caught per (list, class).
    weights: Vec<f64>,
    members: Vec<u64>,
    caught: Vec<u64>,
}

/// Runs the chains and summarises the total.
pub fn estimate_lcmcr(
    table: &OverlapTable,
    options: &LcmcrOptions,
    seed: u64,
) -> Result<LcmcrReport, EstimateError> {
    options.check()?;
    let mut runs: Vec<ChainRun> = (0..options.chains)
        .map(|c| ChainRun::start(table, options, seeded(seed, c as u64)))
        .collect();
    let block = options.samples * options.thinning;
    runs.par_iter_mut()
        .for_each(|run| run.advance(table, options, options.burn_in + block));
    let mut extensions_run = 0;
    loop {
        let chains: Vec<Vec<f64>> = runs.iter().map(|r| r.trace.clone()).collect();
        let (r_hat, ess) = (split_r_hat(&chains), effective_sample_size(&chains));
        let settled = r_hat < SETTLED_R_HAT && ess >= SETTLED_SAMPLE_SIZE;
        if settled || extensions_run == options.extensions {
            return Ok(summarise(options, &runs, r_hat, ess, extensions_run));
        }
        extensions_run += 1;
        runs.par_iter_mut().for_each(|run| {
            run.trace.clear();
            run.occupied_sum = 0.0;
            run.advance(table, options, block);
        });
    }
}

fn summarise(
    options: &LcmcrOptions,
    runs: &[ChainRun],
    r_hat: f64,
    effective_sample_size: f64,
    extensions_run: usize,
) -> LcmcrReport {
    let occupied = runs
        .iter()
        .map(|r| r.occupied_sum / r.trace.len().max(1) as f64)
        .sum::<f64>()
        / runs.len() as f64;
    let draws: Vec<f64> = runs.iter().flat_map(|r| r.trace.iter().copied()).collect();
    let mean = draws.iter().sum::<f64>() / draws.len() as f64;
    // Sorted apart: the kept draws stay in chain order for strata sums.
    let mut sorted = draws.clone();
    let interval = percentile_interval(&mut sorted);
    LcmcrReport {
        options: options.clone(),
        n_hat: quantile(&sorted, 0.5),
        mean,
        interval,
        r_hat,
        effective_sample_size,
        occupied_classes: occupied,
        extensions_run,
        draws,
    }
}

/// One chain with its random stream, run in blocks of sweeps.
struct ChainRun {
    chain: Chain,
    rng: SeededRng,
    /// Sweeps run so far.
    sweeps: usize,
    /// Kept totals of the current block.
    trace: Vec<f64>,
    /// Sum over the kept draws of the number of occupied classes.
    occupied_sum: f64,
}

impl ChainRun {
    fn start(table: &OverlapTable, options: &LcmcrOptions, mut rng: SeededRng) -> ChainRun {
        let k = table.list_count();
        let classes = options.classes;
        let cells = 1usize << k;
        let chain = Chain {
            lambda: (0..k * classes)
                .map(|_| rng.gen_range(0.05..0.95))
                .collect(),
            pi: vec![1.0 / classes as f64; classes],
            alpha: 1.0,
            allocation: vec![0; cells * classes],
            unseen: table.observed() / 2,
            weights: vec![0.0; classes],
            members: vec![0; classes],
            caught: vec![0; k * classes],
        };
        ChainRun {
            chain,
            rng,
            sweeps: 0,
            trace: Vec::with_capacity(options.samples),
            occupied_sum: 0.0,
        }
    }

    /// Runs `sweeps` more sweeps, keeping every `thinning`-th draw after
    /// the burn-in.
    fn advance(&mut self, table: &OverlapTable, options: &LcmcrOptions, sweeps: usize) {
        let classes = options.classes;
        let cells = 1usize << table.list_count();
        let observed = table.observed();
        for _ in 0..sweeps {
            sweep_once(table, options, &mut self.chain, &mut self.rng);
            let sweep = self.sweeps;
            self.sweeps += 1;
            if sweep >= options.burn_in
                && (sweep - options.burn_in + 1).is_multiple_of(options.thinning)
            {
                self.trace.push((observed + self.chain.unseen) as f64);
                let chain = &self.chain;
                self.occupied_sum += (0..classes)
                    .filter(|&c| (0..cells).any(|p| chain.allocation[p * classes + c] > 0))
                    .count() as f64;
            }
        }
    }
}

/// Probability that a member of class `c` shows pattern `p`.
fn pattern_probability(chain: &Chain, k: usize, classes: usize, p: usize, c: usize) -> f64 {
    (0..k)
        .map(|j| {
            if p & (1 << j) != 0 {
                chain.lambda[j * classes + c]
            } else {
                1.0 - chain.lambda[j * classes + c]
            }
        })
        .product()
}

fn sweep_once(
    table: &OverlapTable,
    options: &LcmcrOptions,
    chain: &mut Chain,
    rng: &mut SeededRng,
) {
    let k = table.list_count();
    let classes = options.classes;
    let cells = 1usize << k;
    let observed = table.observed();
    // 1. The unseen: p0 = P(on no list); with p(N) ∝ 1/N the unseen count is
    //    negative binomial(n, 1 − p0), drawn as a Gamma-Poisson mixture.
    let mut weights = std::mem::take(&mut chain.weights);
    for (c, w) in weights.iter_mut().enumerate() {
        *w = chain.pi[c] * pattern_probability(chain, k, classes, 0, c);
    }
    let p0: f64 = weights.iter().sum::<f64>();
    chain.unseen = draw_unseen(rng, observed, p0);
    // 2. Classes of everyone, pattern by pattern (the unseen with the
    //    weights of step 1).
    for p in 0..cells {
        let count = if p == 0 {
            chain.unseen
        } else {
            for (c, w) in weights.iter_mut().enumerate() {
                *w = chain.pi[c] * pattern_probability(chain, k, classes, p, c);
            }
            table.count(p)
        };
        multinomial_into(
            rng,
            count,
            &weights,
            &mut chain.allocation[p * classes..(p + 1) * classes],
        );
    }
    chain.weights = weights;
    // 3. Capture probabilities within classes: Beta(1 + caught, 1 + missed),
    //    drawn list by list, class by class.
    chain.members.fill(0);
    chain.caught.fill(0);
    for p in 0..cells {
        for c in 0..classes {
            let n = chain.allocation[p * classes + c];
            chain.members[c] += n;
            for j in (0..k).filter(|j| p & (1 << j) != 0) {
                chain.caught[j * classes + c] += n;
            }
        }
    }
    for j in 0..k {
        for c in 0..classes {
            let caught = chain.caught[j * classes + c];
            let missed = chain.members[c] - caught;
            chain.lambda[j * classes + c] =
                draw_beta(rng, 1.0 + caught as f64, 1.0 + missed as f64);
        }
    }
    let members = &chain.members;
    // 4. Stick-breaking weights, then 5. the concentration α.
    let mut remaining: u64 = members.iter().sum();
    let mut stick = 1.0;
    let mut log_rest = 0.0;
    for (c, &in_class) in members.iter().enumerate() {
        remaining -= in_class;
        let v = if c + 1 == classes {
            1.0
        } else {
            draw_beta(rng, 1.0 + in_class as f64, chain.alpha + remaining as f64).min(1.0 - 1e-12)
        };
        chain.pi[c] = stick * v;
        if c + 1 < classes {
            log_rest += (1.0 - v).ln();
        }
        stick *= 1.0 - v;
    }
    let shape = options.alpha_shape + (classes - 1) as f64;
    let rate = options.alpha_rate - log_rest;
    chain.alpha = Gamma::new(shape, 1.0 / rate)
        .map(|g| g.sample(rng))
        .unwrap_or(chain.alpha)
        .max(1e-6);
}

/// The number of people on no list given the `observed` and the chance
/// `p0` of being on none: negative binomial, P(u) ∝ C(n + u − 1, u)·p0^u,
/// which is what the prior p(N) ∝ 1/N gives (as `gsl_ran_negative_binomial(1
/// − p0, n)` in the R package). Drawn as a Poisson whose mean is Gamma with
/// shape n and scale p0 / (1 − p0).
fn draw_unseen(rng: &mut SeededRng, observed: u64, p0: f64) -> u64 {
    let p0 = p0.clamp(0.0, 1.0 - 1e-12);
    let odds = p0 / (1.0 - p0);
    // rand_distr's Gamma takes (shape, scale), not a rate.
    let Ok(gamma) = Gamma::new(observed as f64, odds) else {
        return 0;
    };
    let mean: f64 = gamma.sample(rng);
    if mean > 0.0 {
        Poisson::new(mean)
            .map(|d| d.sample(rng) as u64)
            .unwrap_or(0)
    } else {
        0
    }
}

fn draw_beta(rng: &mut SeededRng, a: f64, b: f64) -> f64 {
    Beta::new(a, b)
        .map(|d| d.sample(rng))
        .unwrap_or(a / (a + b))
        .clamp(1e-12, 1.0 - 1e-12)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unseen count follows the negative binomial of the model: mean
    /// n·p0/(1 − p0) and variance n·p0/(1 − p0)²; a Gamma read as a rate
    /// rather than a scale, or a binomial in its place, would miss both.
    #[test]
    fn the_unseen_are_negative_binomial() {
        let mut rng = seeded(3, 0);
        let (n, p0) = (400u64, 0.3f64);
        let draws: Vec<f64> = (0..20_000)
            .map(|_| draw_unseen(&mut rng, n, p0) as f64)
            .collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let variance =
            draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (draws.len() - 1) as f64;
        let expected_mean = n as f64 * p0 / (1.0 - p0);
        let expected_variance = expected_mean / (1.0 - p0);
        assert!(
            (mean - expected_mean).abs() < 0.01 * expected_mean,
            "mean {mean}, expected {expected_mean}"
        );
        assert!(
            (variance - expected_variance).abs() < 0.05 * expected_variance,
            "variance {variance}, expected {expected_variance}"
        );
        // Nobody can be missed when every list sees everyone.
        assert_eq!(draw_unseen(&mut rng, n, 0.0), 0);
    }
}
