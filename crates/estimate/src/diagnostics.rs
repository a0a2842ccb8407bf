//! Convergence figures of Markov chains: the split potential scale
//! reduction R̂ and the effective sample size (Gelman et al., *Bayesian Data
//! Analysis*, 3rd ed., §11.4-11.5; Geyer's initial positive sequence).

/// Split R̂ of several equal-length chains: each chain is halved, and the
/// between-half variance compared with the within; near 1 when they agree.
pub fn split_r_hat(chains: &[Vec<f64>]) -> f64 {
    let halves: Vec<&[f64]> = chains
        .iter()
        .flat_map(|c| {
            let half = c.len() / 2;
            [&c[..half], &c[half..2 * half]]
        })
        .filter(|h| h.len() >= 2)
        .collect();
    if halves.len() < 2 {
        return f64::NAN;
    }
    let n = halves[0].len() as f64;
    let means: Vec<f64> = halves.iter().map(|h| mean(h)).collect();
    let grand = mean(&means);
    let between =
        n * means.iter().map(|m| (m - grand).powi(2)).sum::<f64>() / (means.len() - 1) as f64;
    let within = halves
        .iter()
        .zip(&means)
        .map(|(h, m)| variance(h, *m))
        .sum::<f64>()
        / halves.len() as f64;
    if within <= 0.0 {
        return if between <= 0.0 { 1.0 } else { f64::INFINITY };
    }
    let pooled = (n - 1.0) / n * within + between / n;
    (pooled / within).sqrt()
}

/// Effective sample size of the pooled chains: draws / (1 + 2 Σ ρ_t), the
/// autocorrelations averaged over chains and summed in positive pairs.
pub fn effective_sample_size(chains: &[Vec<f64>]) -> f64 {
    let len = chains.iter().map(Vec::len).min().unwrap_or(0);
    if len < 4 || chains.is_empty() {
        return f64::NAN;
    }
    let total = (len * chains.len()) as f64;
    let means: Vec<f64> = chains.iter().map(|c| mean(&c[..len])).collect();
    let variances: Vec<f64> = chains
        .iter()
        .zip(&means)
        .map(|(c, m)| variance(&c[..len], *m))
        .collect();
    if variances.iter().all(|&v| v <= 0.0) {
        return total;
    }
    let rho = |lag: usize| -> f64 {
        let mut sum = 0.0;
        for ((c, m), v) in chains.iter().zip(&means).zip(&variances) {
            if *v <= 0.0 {
                continue;
            }
            let cov: f64 = (0..len - lag)
                .map(|i| (c[i] - m) * (c[i + lag] - m))
                .sum::<f64>()
                / len as f64;
            sum += cov / (v * (len - 1) as f64 / len as f64);
        }
        sum / chains.len() as f64
    };
    let mut tau = 1.0;
    let mut lag = 1;
    while lag + 1 < len {
        let pair = rho(lag) + rho(lag + 1);
        if pair <= 0.0 {
            break;
        }
        tau += 2.0 * pair;
        lag += 2;
    }
    total / tau
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Sample variance (n − 1).
fn variance(v: &[f64], mean: f64) -> f64 {
    v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (v.len() - 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sampling::seeded;
    use rand_distr::{Distribution, StandardNormal};

    fn ar1(seed: u64, phi: f64, shift: f64, len: usize) -> Vec<f64> {
        let mut rng = seeded(seed, 0);
        let mut x = 0.0;
        (0..len)
            .map(|_| {
                let e: f64 = StandardNormal.sample(&mut rng);
                x = phi * x + e;
                x + shift
            })
            .collect()
    }

    #[test]
    fn independent_draws_have_full_ess_and_r_hat_near_one() {
        let chains = vec![ar1(1, 0.0, 0.0, 4000), ar1(2, 0.0, 0.0, 4000)];
        let ess = effective_sample_size(&chains);
        assert!(ess > 6000.0 && ess < 10000.0, "{ess}");
        let r = split_r_hat(&chains);
        assert!((r - 1.0).abs() < 0.01, "{r}");
    }

    #[test]
    fn autocorrelation_lowers_ess_and_disagreeing_chains_raise_r_hat() {
        // AR(1) with φ = 0.9: τ = (1 + φ)/(1 − φ) = 19.
        let chains = vec![ar1(3, 0.9, 0.0, 20000), ar1(4, 0.9, 0.0, 20000)];
        let ess = effective_sample_size(&chains);
        assert!(ess > 40000.0 / 30.0 && ess < 40000.0 / 12.0, "{ess}");
        let apart = vec![ar1(5, 0.0, 0.0, 1000), ar1(6, 0.0, 3.0, 1000)];
        assert!(split_r_hat(&apart) > 1.5);
    }
}
