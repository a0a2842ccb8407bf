//! Random draws shared by the bootstrap, the Gibbs sampler and the simulator:
//! the seeded generator and multinomial counts (by sequential binomials,
//! which `rand_distr` 0.4 does not offer directly).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};

/// The generator every stochastic method uses: its stream is fixed by the
/// crate version, so a seed reproduces a result exactly.
pub type SeededRng = ChaCha8Rng;

/// A generator for stream `stream` of `seed` (independent streams for
/// parallel chains and bootstrap replicates, whatever their run order).
pub fn seeded(seed: u64, stream: u64) -> SeededRng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Up to this many trials are drawn one by one.
const FEW_TRIALS: u64 = 24;

/// `trials` draws over categories with the given (unnormalised, non-negative)
/// weights, as counts per category.
pub fn multinomial<R: Rng + ?Sized>(rng: &mut R, trials: u64, weights: &[f64]) -> Vec<u64> {
    let mut counts = vec![0u64; weights.len()];
    multinomial_into(rng, trials, weights, &mut counts);
    counts
}

/// [`multinomial`] into `counts` (as long as `weights`), without allocating:
/// the Gibbs sampler draws 2^k of these each sweep. The same draws for the
/// same generator state.
pub fn multinomial_into<R: Rng + ?Sized>(
    rng: &mut R,
    trials: u64,
    weights: &[f64],
    counts: &mut [u64],
) {
    counts.fill(0);
    if trials <= FEW_TRIALS {
        // Few trials: one categorical draw each beats a binomial per category.
        let total: f64 = weights.iter().sum();
        if total.is_nan() || total <= 0.0 {
            return;
        }
        for _ in 0..trials {
            let mut u = rng.gen::<f64>() * total;
            let mut chosen = weights.len() - 1;
            for (i, &w) in weights.iter().enumerate() {
                if u < w {
                    chosen = i;
                    break;
                }
                u -= w;
            }
            // Rounding can leave u just past the last weight: take the last
            // category with weight.
            if weights[chosen] <= 0.0 {
                chosen = weights.iter().rposition(|&w| w > 0.0).unwrap_or(chosen);
            }
            counts[chosen] += 1;
        }
        return;
    }
    let mut left = trials;
    let mut mass_left: f64 = weights.iter().sum();
    for (i, &w) in weights.iter().enumerate() {
        if left == 0 || mass_left <= 0.0 {
            break;
        }
        let p = (w / mass_left).clamp(0.0, 1.0);
        let drawn = if i + 1 == weights.len() || p >= 1.0 {
            left
        } else if p <= 0.0 {
            0
        } else {
            // p is in (0, 1) here, so the distribution is always valid.
            Binomial::new(left, p).map(|b| b.sample(rng)).unwrap_or(0)
        };
        counts[i] = drawn;
        left -= drawn;
        mass_left -= w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multinomial_keeps_the_total_and_follows_the_weights() {
        let mut rng = seeded(7, 0);
        let counts = multinomial(&mut rng, 100_000, &[1.0, 0.0, 3.0]);
        assert_eq!(counts.iter().sum::<u64>(), 100_000);
        assert_eq!(counts[1], 0);
        let share = counts[2] as f64 / 100_000.0;
        assert!((share - 0.75).abs() < 0.01, "{share}");
        // The one-by-one path for few trials, summed over many calls.
        let mut small = [0u64; 3];
        for _ in 0..10_000 {
            let c = multinomial(&mut rng, 10, &[1.0, 0.0, 3.0]);
            assert_eq!(c.iter().sum::<u64>(), 10);
            small.iter_mut().zip(&c).for_each(|(s, c)| *s += c);
        }
        assert_eq!(small[1], 0);
        let share = small[2] as f64 / 100_000.0;
        assert!((share - 0.75).abs() < 0.01, "{share}");
    }

    #[test]
    fn a_seed_and_stream_reproduce_the_draws() {
        let a: Vec<u64> = (0..5).map(|_| seeded(1, 2).gen()).collect();
        let b: Vec<u64> = (0..5).map(|_| seeded(1, 2).gen()).collect();
        assert_eq!(a, b);
        assert_ne!(seeded(1, 2).gen::<u64>(), seeded(1, 3).gen::<u64>());
    }
}
