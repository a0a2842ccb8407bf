//! Estimates per stratum (e.g. region × period × age band) summed into one
//! total with an interval. Bootstrap and posterior draws are summed draw by
//! draw (strata are independent); the averaged log-linear totals add their
//! variances.

use serde::{Deserialize, Serialize};

use crate::error::EstimateError;
use crate::report::{estimate, Estimate, EstimateOptions};
use crate::summary::{log_normal_interval, percentile_interval, quantile, Interval};
use crate::table::{OverlapTable, TableBuilder};

/// Builds one overlap table per stratum from linked clusters, each cluster
/// with its stratum label (e.g. "Kherson|2022|6-11").
#[derive(Debug, Clone)]
pub struct StrataBuilder {
    lists: Vec<String>,
    builders: std::collections::BTreeMap<String, TableBuilder>,
}

impl StrataBuilder {
    /// A builder over these lists (3-5, names distinct).
    pub fn new(lists: Vec<String>) -> Result<Self, EstimateError> {
        TableBuilder::new(lists.clone())?;
        Ok(Self {
            lists,
            builders: Default::default(),
        })
    }

    /// Counts one person of `stratum` seen on the given lists.
    pub fn add_cluster(
        &mut self,
        stratum: &str,
        list_indices: &[usize],
    ) -> Result<(), EstimateError> {
        if !self.builders.contains_key(stratum) {
            self.builders
                .insert(stratum.to_string(), TableBuilder::new(self.lists.clone())?);
        }
        match self.builders.get_mut(stratum) {
            Some(builder) => builder.add_cluster(list_indices),
            None => Err(EstimateError::BadStratum {
                stratum: stratum.to_string(),
                reason: "could not be created".into(),
            }),
        }
    }

    /// The strata's tables, in label order.
    pub fn build(self) -> Result<Vec<(String, OverlapTable)>, EstimateError> {
        self.builders
            .into_iter()
            .map(|(name, builder)| {
                builder
                    .build()
                    .map(|t| (name.clone(), t))
                    .map_err(|e| EstimateError::BadStratum {
                        stratum: name,
                        reason: e.to_string(),
                    })
            })
            .collect()
    }
}

/// One method's total over the strata.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SummedTotal {
    pub method: String,
    pub n_hat: f64,
    pub interval: Interval,
}

/// Every stratum's estimate and the summed totals.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StratifiedEstimate {
    pub strata: Vec<(String, Estimate)>,
    pub observed: u64,
    /// Only methods that gave an answer in every stratum are summed.
    pub totals: Vec<SummedTotal>,
}

/// Estimates each named stratum and sums them.
pub fn estimate_strata(
    strata: &[(String, OverlapTable)],
    options: &EstimateOptions,
) -> Result<StratifiedEstimate, EstimateError> {
    if strata.is_empty() {
        return Err(EstimateError::BadStratum {
            stratum: String::new(),
            reason: "no strata given".into(),
        });
    }
    let lists = strata[0].1.lists();
    let mut results = Vec::with_capacity(strata.len());
    for (name, table) in strata {
        if table.lists() != lists {
            return Err(EstimateError::BadStratum {
                stratum: name.clone(),
                reason: "its lists differ from the first stratum's".into(),
            });
        }
        let result = estimate(table, options).map_err(|e| EstimateError::BadStratum {
            stratum: name.clone(),
            reason: e.to_string(),
        })?;
        results.push((name.clone(), result));
    }
    let observed: u64 = results.iter().map(|(_, r)| r.observed).sum();
    let mut totals = Vec::new();
    let averages: Option<Vec<_>> = results
        .iter()
        .map(|(_, r)| r.loglinear.aic_average.as_ref())
        .collect();
    if let Some(averages) = averages {
        let n_hat: f64 = averages.iter().map(|a| a.n_hat).sum();
        let stderr = averages
            .iter()
            .map(|a| a.stderr * a.stderr)
            .sum::<f64>()
            .sqrt();
        totals.push(SummedTotal {
            method: "log-linear (AIC average)".into(),
            n_hat,
            interval: log_normal_interval(observed as f64, n_hat, stderr),
        });
    }
    let draw_sets: [(&str, Option<Vec<&Vec<f64>>>); 3] = [
        (
            "log-linear bootstrap",
            results
                .iter()
                .map(|(_, r)| r.loglinear.bootstrap.as_ref().map(|b| &b.draws))
                .collect(),
        ),
        (
            "decomposable-graph averaging",
            results
                .iter()
                .map(|(_, r)| r.dga.as_ref().map(|d| &d.draws))
                .collect(),
        ),
        (
            "latent classes (LCMCR)",
            results
                .iter()
                .map(|(_, r)| r.lcmcr.as_ref().map(|l| &l.draws))
                .collect(),
        ),
    ];
    for (method, sets) in draw_sets {
        if let Some(sets) = sets {
            if let Some(summed) = sum_draws(&sets) {
                totals.push(summed_total(method, summed));
            }
        }
    }
    Ok(StratifiedEstimate {
        strata: results,
        observed,
        totals,
    })
}

/// Draw-by-draw sums, as many as the shortest set has.
fn sum_draws(sets: &[&Vec<f64>]) -> Option<Vec<f64>> {
    let len = sets.iter().map(|s| s.len()).min()?;
    (len > 0).then(|| (0..len).map(|i| sets.iter().map(|s| s[i]).sum()).collect())
}

fn summed_total(method: &str, mut draws: Vec<f64>) -> SummedTotal {
    let interval = percentile_interval(&mut draws);
    SummedTotal {
        method: method.to_string(),
        n_hat: quantile(&draws, 0.5),
        interval,
    }
}
