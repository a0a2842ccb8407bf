//! One call for the whole answer: every method side by side on one table,
//! with the warnings that the table, the lists' metadata and the methods'
//! answers give.

use serde::{Deserialize, Serialize};

use crate::dga::{estimate_dga, DgaReport, TotalPrior};
use crate::error::EstimateError;
use crate::heterogeneity::{chao_lower_bound, HeterogeneityBound};
use crate::lcmcr::{estimate_lcmcr, LcmcrOptions, LcmcrReport};
use crate::selection::{estimate_loglinear, LoglinearReport};
use crate::summary::Interval;
use crate::table::OverlapTable;
use crate::warnings::{result_warnings, table_warnings, ListMetadata, Warning, WarningThresholds};

/// What to run and how.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EstimateOptions {
    /// Seed of every random draw: the same seed gives the same answer.
    pub seed: u64,
    /// Bootstrap replicates of the log-linear selection (0: none).
    pub bootstrap_replicates: usize,
    pub total_prior: TotalPrior,
    /// `None` skips the latent-class model.
    pub lcmcr: Option<LcmcrOptions>,
    /// Skips Bayesian model averaging over decomposable graphs.
    pub skip_dga: bool,
    pub thresholds: WarningThresholds,
    /// Scope and period of the lists, when known (matched by name).
    pub metadata: Vec<ListMetadata>,
}

impl Default for EstimateOptions {
    fn default() -> Self {
        Self {
            seed: 17,
            bootstrap_replicates: 200,
            total_prior: TotalPrior::Inverse,
            lcmcr: Some(LcmcrOptions::default()),
            skip_dga: false,
            thresholds: WarningThresholds::default(),
            metadata: Vec::new(),
        }
    }
}

/// Every method's answer on one table, never one number alone.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Estimate {
    pub table: OverlapTable,
    pub observed: u64,
    pub loglinear: LoglinearReport,
    pub dga: Option<DgaReport>,
    pub lcmcr: Option<LcmcrReport>,
    /// Chao's lower bound under heterogeneous visibility: a check on the
    /// methods, not an estimate to quote (see `heterogeneity`).
    #[serde(default)]
    pub heterogeneity: Option<HeterogeneityBound>,
    pub warnings: Vec<Warning>,
    /// The warnings in plain words, in the same order.
    pub messages: Vec<String>,
}

impl Estimate {
    /// The point estimates by method, as (method name, total).
    pub fn point_estimates(&self) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        if let Some(a) = &self.loglinear.aic_average {
            out.push(("log-linear (AIC average)".to_string(), a.n_hat));
        }
        if let Some(b) = &self.loglinear.bic_average {
            out.push(("log-linear (BIC average)".to_string(), b.n_hat));
        }
        if let Some(d) = &self.dga {
            out.push(("decomposable-graph averaging".to_string(), d.n_hat));
        }
        if let Some(l) = &self.lcmcr {
            out.push(("latent classes (LCMCR)".to_string(), l.n_hat));
        }
        out
    }
}

/// One method's answer as a report shows it: its name, estimate, 95%
/// interval and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodRow {
    pub method: String,
    pub n_hat: f64,
    pub interval: Interval,
    pub detail: Option<String>,
}

impl Estimate {
    /// Every method that answered, in the order a report lists them.
    pub fn method_rows(&self) -> Vec<MethodRow> {
        let row = |method: &str, n_hat, interval, detail| MethodRow {
            method: method.to_string(),
            n_hat,
            interval,
            detail,
        };
        let loglinear = &self.loglinear;
        let mut rows = Vec::new();
        if let Some(a) = &loglinear.aic_average {
            rows.push(row("log-linear, AIC average", a.n_hat, a.interval, None));
        }
        if let Some(b) = &loglinear.bic_average {
            rows.push(row("log-linear, BIC average", b.n_hat, b.interval, None));
        }
        let same_model = match (&loglinear.best, &loglinear.best_bic) {
            (Some(a), Some(b)) => a.model == b.model,
            _ => false,
        };
        let best_models = [
            (
                if same_model {
                    "log-linear best model (AIC and BIC), profile likelihood"
                } else {
                    "log-linear AIC-best model, profile likelihood"
                },
                &loglinear.best,
                &loglinear.profile,
            ),
            (
                "log-linear BIC-best model, profile likelihood",
                &loglinear.best_bic,
                &loglinear.profile_bic,
            ),
        ];
        for (i, (method, best, profile)) in best_models.into_iter().enumerate() {
            if i == 1 && same_model {
                continue;
            }
            if let (Some(best), Some(profile)) = (best, profile) {
                let interval = Interval {
                    lower: profile.lower,
                    upper: profile.upper,
                };
                rows.push(row(
                    method,
                    profile.n_hat,
                    interval,
                    Some(format!("model: {}", best.label)),
                ));
            }
        }
        if let Some(b) = &loglinear.bootstrap {
            rows.push(row(
                "log-linear bootstrap",
                b.median,
                b.interval,
                Some(format!(
                    "{} replicates, model selection repeated in each",
                    b.replicates
                )),
            ));
        }
        if let Some(d) = &self.dga {
            rows.push(row(
                "decomposable-graph averaging (Madigan–York)",
                d.n_hat,
                d.interval,
                None,
            ));
        }
        if let Some(l) = &self.lcmcr {
            rows.push(row(
                "latent classes (LCMCR)",
                l.n_hat,
                l.interval,
                Some(if l.extensions_run > 0 {
                    format!(
                        "R-hat {:.2}, effective sample size {:.0}, after running the chains {} more block(s)",
                        l.r_hat, l.effective_sample_size, l.extensions_run
                    )
                } else {
                    format!(
                        "R-hat {:.2}, effective sample size {:.0}",
                        l.r_hat, l.effective_sample_size
                    )
                }),
            ));
        }
        rows
    }
}

/// Runs every requested method on the table.
pub fn estimate(
    table: &OverlapTable,
    options: &EstimateOptions,
) -> Result<Estimate, EstimateError> {
    let loglinear = estimate_loglinear(table, options.bootstrap_replicates, options.seed);
    let dga = (!options.skip_dga).then(|| estimate_dga(table, options.total_prior, options.seed));
    let lcmcr = options
        .lcmcr
        .as_ref()
        .map(|o| estimate_lcmcr(table, o, options.seed))
        .transpose()?;
    let mut warnings = table_warnings(table, &options.metadata, &options.thresholds);
    let missing = loglinear.models_without_estimate;
    if missing > 0 {
        warnings.push(Warning::EstimateMissing {
            models: missing,
            of: loglinear.models_fitted,
        });
    }
    if loglinear
        .profile
        .as_ref()
        .is_some_and(|p| p.upper.is_none())
    {
        warnings.push(Warning::NoUpperLimit {
            method: "log-linear profile likelihood".to_string(),
        });
    }
    if dga.as_ref().is_some_and(|d| d.interval.upper.is_none()) {
        warnings.push(Warning::NoUpperLimit {
            method: "decomposable-graph averaging".to_string(),
        });
    }
    if let Some(l) = &lcmcr {
        let unsettled = l.r_hat.is_nan() || l.r_hat >= crate::lcmcr::SETTLED_R_HAT;
        let few = l.effective_sample_size.is_nan()
            || l.effective_sample_size < crate::lcmcr::SETTLED_SAMPLE_SIZE;
        if unsettled || few {
            warnings.push(Warning::ChainsNotConverged {
                r_hat: l.r_hat,
                effective_sample_size: l.effective_sample_size,
            });
        }
    }
    let mut result = Estimate {
        table: table.clone(),
        observed: table.observed(),
        loglinear,
        dga,
        lcmcr,
        heterogeneity: chao_lower_bound(table),
        warnings,
        messages: Vec::new(),
    };
    result.warnings.extend(result_warnings(
        result.observed,
        &result.point_estimates(),
        result.heterogeneity.as_ref(),
    ));
    result.messages = result.warnings.iter().map(Warning::message).collect();
    Ok(result)
}
