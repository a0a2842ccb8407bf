//! Multiple-systems estimation: from how 3-5 linked lists overlap, how many
//! people no list recorded. Three families of methods, always reported side
//! by side: log-linear models (averaged by AIC and BIC, profile-likelihood
//! and bootstrap intervals), Bayesian model averaging over decomposable
//! graphical models (Madigan and York 1997), and the latent-class model with
//! a Dirichlet process (Manrique-Vallier 2016); with warnings in plain words,
//! strata and the spread over linkage alternatives.
//!
//! Pure logic: no I/O, every random draw from a caller-given seed.

pub mod dga;
pub mod diagnostics;
mod error;
pub mod heterogeneity;
pub mod lcmcr;
mod linalg;
pub mod linkage;
pub mod loglinear;
pub mod profile;
pub mod report;
pub mod sampling;
pub mod selection;
pub mod simulate;
pub mod strata;
pub mod summary;
mod table;
pub mod warnings;

pub use dga::{estimate_dga, DgaReport, TotalPrior};
pub use error::EstimateError;
pub use heterogeneity::{chao_lower_bound, HeterogeneityBound};
pub use lcmcr::{estimate_lcmcr, LcmcrOptions, LcmcrReport};
pub use linkage::{linkage_spread, LinkageSpread, MethodSpread};
pub use loglinear::{fit_all, fit_model, Model, ModelFit};
pub use profile::{profile_interval, ProfileInterval};
pub use report::{estimate, Estimate, EstimateOptions, MethodRow};
pub use selection::{estimate_loglinear, Criterion, LoglinearReport, ModelAverage};
pub use simulate::{
    coverage_scenarios, simulate, simulate_linkage, Scenario, SimulatedLinkage, VisibilityClass,
};
pub use strata::{estimate_strata, StrataBuilder, StratifiedEstimate, SummedTotal};
pub use summary::Interval;
pub use table::{OverlapTable, TableBuilder, MAX_LISTS, MIN_LISTS};
pub use warnings::{ListMetadata, Warning, WarningThresholds};
