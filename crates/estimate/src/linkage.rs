//! Linkage uncertainty: the same lists linked several ways (one overlap
//! table per match threshold, or per clustering drawn from the linker) give
//! several estimates; their spread is part of the answer.

use serde::{Deserialize, Serialize};

use crate::error::EstimateError;
use crate::report::{estimate, Estimate, EstimateOptions};
use crate::summary::quantile;
use crate::table::OverlapTable;

/// One method's estimates across the linkage alternatives.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MethodSpread {
    pub method: String,
    pub lowest: f64,
    pub median: f64,
    pub highest: f64,
    /// (highest − lowest) / median.
    pub relative_spread: f64,
}

/// Estimates per linkage alternative and their spread per method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkageSpread {
    /// (label, e.g. "threshold 0.9", and its estimate).
    pub alternatives: Vec<(String, Estimate)>,
    /// People seen, lowest and highest across alternatives.
    pub observed_range: (u64, u64),
    pub spreads: Vec<MethodSpread>,
}

/// Estimates every labelled alternative (same lists in the same order).
pub fn linkage_spread(
    alternatives: &[(String, OverlapTable)],
    options: &EstimateOptions,
) -> Result<LinkageSpread, EstimateError> {
    let first = alternatives.first().ok_or(EstimateError::NoTables)?;
    let mut results = Vec::with_capacity(alternatives.len());
    for (label, table) in alternatives {
        if table.lists() != first.1.lists() {
            return Err(EstimateError::MismatchedTables {
                reason: format!("`{label}` has other lists than `{}`", first.0),
            });
        }
        results.push((label.clone(), estimate(table, options)?));
    }
    let observed: Vec<u64> = results.iter().map(|(_, r)| r.observed).collect();
    let observed_range = (
        observed.iter().copied().min().unwrap_or(0),
        observed.iter().copied().max().unwrap_or(0),
    );
    let methods: Vec<String> = results[0]
        .1
        .point_estimates()
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    let spreads = methods
        .into_iter()
        .filter_map(|method| {
            let mut values: Vec<f64> = results
                .iter()
                .filter_map(|(_, r)| {
                    r.point_estimates()
                        .into_iter()
                        .find(|(m, _)| *m == method)
                        .map(|(_, v)| v)
                })
                .filter(|v| v.is_finite())
                .collect();
            if values.is_empty() {
                return None;
            }
            values.sort_by(f64::total_cmp);
            let median = quantile(&values, 0.5);
            let (lowest, highest) = (values[0], values[values.len() - 1]);
            Some(MethodSpread {
                method,
                lowest,
                median,
                highest,
                relative_spread: (highest - lowest) / median,
            })
        })
        .collect();
    Ok(LinkageSpread {
        alternatives: results,
        observed_range,
        spreads,
    })
}
