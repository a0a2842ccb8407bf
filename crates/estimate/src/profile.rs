//! The profile-likelihood 95% interval of a log-linear model's total
//! (Cormack 1992), computed as Rcapture's `closedpCI.t` does: the
//! multinomial log-likelihood of the total N, profiled over the model's
//! parameters, is the Poisson deviance of the complete table (the unseen cell
//! filled with N − n) plus a correction for the multinomial coefficient; the
//! interval is where it lies within χ²₁(0.95)/2 of its maximum.

use serde::{Deserialize, Serialize};

use crate::loglinear::{irls, Design, Model};
use crate::table::OverlapTable;

/// Half the 95% quantile of χ² with one degree of freedom.
const HALF_CHI2_95: f64 = 3.841_458_820_694_124 / 2.0;
/// Beyond this many unseen people the upper limit is reported as unbounded.
const MAX_UNOBSERVED: f64 = 1e9;

/// A profile-likelihood interval of the total.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProfileInterval {
    /// The multinomial maximum-likelihood total (close to, not equal to, the Poisson N̂).
    pub n_hat: f64,
    pub lower: f64,
    /// `None` when the likelihood never drops far enough: no upper limit.
    pub upper: Option<f64>,
}

/// The multinomial profile log-likelihood at `unobserved` unseen people,
/// up to a constant; `None` when the fit fails.
struct Profile {
    design: Design,
    y: Vec<f64>,
    observed: f64,
}

impl Profile {
    fn log_likelihood(&self, unobserved: f64, start: &mut Option<Vec<f64>>) -> Option<f64> {
        let mut y = self.y.clone();
        y[0] = unobserved;
        // A warm start from a far-away total can fail to converge; the
        // default start then decides.
        let fit = irls(&self.design, &y, true, start.as_deref())
            .or_else(|_| irls(&self.design, &y, true, None))
            .ok()?;
        *start = Some(fit.beta);
        let total = self.observed + unobserved;
        // log[ N! n0^n0 / (N^N n0!) ]: the multinomial coefficient's share.
        let correction = libm::lgamma(total + 1.0) - libm::lgamma(unobserved + 1.0)
            + x_log_x(unobserved)
            - x_log_x(total);
        Some(-(fit.deviance - 2.0 * correction) / 2.0)
    }
}

fn x_log_x(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// The 95% profile-likelihood interval of the model's total; `None` when the
/// model cannot be fitted to the complete table.
pub fn profile_interval(table: &OverlapTable, model: Model) -> Option<ProfileInterval> {
    let design = Design::new(table, model);
    let y = table.counts().iter().map(|&c| c as f64).collect();
    let profile = Profile {
        design,
        y,
        observed: table.observed() as f64,
    };
    let mut start = None;
    let mut f = |n0: f64| {
        profile
            .log_likelihood(n0, &mut start)
            .unwrap_or(f64::NEG_INFINITY)
    };

    // Bracket the maximum: grow the upper end until the likelihood falls.
    let mut hi = 10.0f64.max(profile.observed);
    while f(hi) > f(hi / 2.0) && hi < MAX_UNOBSERVED {
        hi *= 2.0;
    }
    let (mut a, mut b) = (0.0f64, hi);
    // Golden-section search on the unimodal profile.
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..200 {
        if b - a < 1e-6 * (1.0 + b) {
            break;
        }
        let c = b - ratio * (b - a);
        let d = a + ratio * (b - a);
        if f(c) >= f(d) {
            b = d;
        } else {
            a = c;
        }
    }
    let best = (a + b) / 2.0;
    let peak = f(best);
    if !peak.is_finite() {
        return None;
    }
    let cut = peak - HALF_CHI2_95;
    let lower = if f(0.0) >= cut {
        0.0
    } else {
        bisect(&mut f, 0.0, best, cut)
    };
    let mut top = best.max(1.0) * 2.0;
    while f(top) > cut {
        top *= 2.0;
        if top > MAX_UNOBSERVED {
            let observed = profile.observed;
            return Some(ProfileInterval {
                n_hat: observed + best,
                lower: observed + lower,
                upper: None,
            });
        }
    }
    let upper = bisect(&mut f, best, top, cut);
    let observed = profile.observed;
    Some(ProfileInterval {
        n_hat: observed + best,
        lower: observed + lower,
        upper: Some(observed + upper),
    })
}

/// The crossing of `cut` between `inside` (above it) and `outside` (below).
fn bisect(f: &mut impl FnMut(f64) -> f64, inside: f64, outside: f64, cut: f64) -> f64 {
    let (mut a, mut b) = (inside, outside);
    // `a` or `b` may be the above-cut end; keep `a` above.
    if f(a) < cut {
        std::mem::swap(&mut a, &mut b);
    }
    for _ in 0..100 {
        let mid = (a + b) / 2.0;
        if (b - a).abs() < 1e-7 * (1.0 + mid.abs()) {
            break;
        }
        if f(mid) >= cut {
            a = mid;
        } else {
            b = mid;
        }
    }
    (a + b) / 2.0
}
