//! Small shared pieces of every method's answer: an interval, quantiles of
//! draws, and the log-normal interval of capture-recapture (Chao 1987).

use serde::{Deserialize, Serialize};

/// A 95% interval of the total; `upper` is `None` when the data put no
/// upper limit on it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub lower: f64,
    pub upper: Option<f64>,
}

/// The `q`-quantile (0..=1) of `sorted` (ascending), by linear interpolation.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let position = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let share = position - below as f64;
    sorted[below] * (1.0 - share) + sorted[above] * share
}

/// The central 95% interval of draws (they are sorted in place).
pub fn percentile_interval(draws: &mut [f64]) -> Interval {
    draws.sort_by(f64::total_cmp);
    Interval {
        lower: quantile(draws, 0.025),
        upper: Some(quantile(draws, 0.975)),
    }
}

/// Chao's log-normal 95% interval for a total `n_hat` with standard error
/// `stderr` when `observed` people were seen: it never goes below the
/// observed count and is skewed upwards, as estimates of the unseen are.
pub fn log_normal_interval(observed: f64, n_hat: f64, stderr: f64) -> Interval {
    let unseen = n_hat - observed;
    if unseen.is_nan() || unseen <= 0.0 || !stderr.is_finite() {
        return Interval {
            lower: observed.max(n_hat.min(observed)),
            upper: n_hat.is_finite().then_some(n_hat),
        };
    }
    let c = (1.959_963_984_540_054 * (1.0 + stderr * stderr / (unseen * unseen)).ln().sqrt()).exp();
    Interval {
        lower: observed + unseen / c,
        upper: Some(observed + unseen * c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let sorted = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&sorted, 0.5), 3.0);
        assert_eq!(quantile(&sorted, 0.25), 2.0);
        assert!((quantile(&sorted, 0.1) - 1.4).abs() < 1e-12);
    }

    #[test]
    fn log_normal_interval_stays_above_the_observed_and_is_skewed() {
        let i = log_normal_interval(1000.0, 1500.0, 200.0);
        let upper = i.upper.unwrap();
        assert!(i.lower > 1000.0 && i.lower < 1500.0 && upper > 1500.0);
        assert!(upper - 1500.0 > 1500.0 - i.lower, "{i:?}");
    }
}
