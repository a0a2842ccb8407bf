//! Benchmark of the estimators (prints figures, asserts nothing):
//!
//! `mse-bench speed` — a 5-list estimate with all three methods (the UK
//! modern-slavery table and a simulated population of 10,000), wall and CPU
//! seconds.
//!
//! `mse-bench coverage [--replicates 200] [--bootstrap 100] [--scenario I]`
//! — bias, 95% interval coverage, width and how often it warns, per method,
//! on the simulated scenarios of `casefile_estimate::coverage_scenarios`.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::time::Instant;

use casefile_estimate::{
    coverage_scenarios, estimate, simulate, simulate_linkage, Estimate, EstimateOptions, Interval,
    OverlapTable, Scenario, Warning,
};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| -> Result<Option<usize>, Box<dyn Error>> {
        match args.iter().position(|a| a == name) {
            Some(i) => {
                let value = args
                    .get(i + 1)
                    .ok_or_else(|| format!("{name} needs a number"))?;
                Ok(Some(value.parse().map_err(|_| {
                    format!("{name}: `{value}` is not a number")
                })?))
            }
            None => Ok(None),
        }
    };
    match args.first().map(String::as_str) {
        Some("speed") => speed(),
        Some("coverage") => coverage(
            flag("--replicates")?.unwrap_or(200),
            flag("--bootstrap")?.unwrap_or(100),
            flag("--scenario")?,
        ),
        _ => Err(
            "usage: mse-bench speed | coverage [--replicates N] [--bootstrap B] [--scenario I]"
                .into(),
        ),
    }
}

/// CPU seconds of this process so far (user + system), from /proc.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    // Kernel clock ticks are 100 per second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

fn speed() -> Result<(), Box<dyn Error>> {
    let uk = OverlapTable::from_csv_str(
        "uk_modern_slavery_2013_5.csv",
        include_str!("../../data/uk_modern_slavery_2013_5.csv"),
    )?;
    let simulated = simulate(&coverage_scenarios()[2], 1)?;
    println!("threads: {}", rayon::current_num_threads());
    for (name, table) in [
        ("UK 2013, 5 lists", uk),
        ("simulated N=10000, 5 lists", simulated),
    ] {
        let options = EstimateOptions::default();
        let (wall, cpu) = (Instant::now(), cpu_seconds());
        let result = estimate(&table, &options)?;
        println!(
            "{name}: observed {}, all three methods (bootstrap {} replicates, LCMCR {} chains × {} sweeps): {:.2} s wall, {:.2} s CPU",
            table.observed(),
            options.bootstrap_replicates,
            options.lcmcr.as_ref().map_or(0, |l| l.chains),
            options.lcmcr.as_ref().map_or(0, |l| l.burn_in + l.samples * l.thinning),
            wall.elapsed().as_secs_f64(),
            cpu_seconds() - cpu
        );
        for (method, value) in result.point_estimates() {
            println!("  {method:<32} {value:>10.0}");
        }
        if let Some(l) = &result.lcmcr {
            println!(
                "  LCMCR R-hat {:.3}, effective sample size {:.0}",
                l.r_hat, l.effective_sample_size
            );
        }
        time_parts(&table, &options)?;
    }
    Ok(())
}

/// Each method alone.
fn time_parts(table: &OverlapTable, options: &EstimateOptions) -> Result<(), Box<dyn Error>> {
    let timed = |label: &str,
                 run: &mut dyn FnMut() -> Result<(), Box<dyn Error>>|
     -> Result<(), Box<dyn Error>> {
        let (wall, cpu) = (Instant::now(), cpu_seconds());
        run()?;
        println!(
            "    {label:<40} {:.2} s wall, {:.2} s CPU",
            wall.elapsed().as_secs_f64(),
            cpu_seconds() - cpu
        );
        Ok(())
    };
    timed("log-linear: all models + profile", &mut || {
        casefile_estimate::estimate_loglinear(table, 0, options.seed);
        Ok(())
    })?;
    timed("log-linear bootstrap", &mut || {
        let fits = casefile_estimate::fit_all(table);
        casefile_estimate::selection::bootstrap(
            table,
            &fits,
            casefile_estimate::Criterion::Aic,
            options.bootstrap_replicates,
            1,
        );
        Ok(())
    })?;
    timed("decomposable-graph averaging", &mut || {
        casefile_estimate::estimate_dga(table, options.total_prior, options.seed);
        Ok(())
    })?;
    timed("LCMCR", &mut || {
        if let Some(l) = &options.lcmcr {
            casefile_estimate::estimate_lcmcr(table, l, options.seed)?;
        }
        Ok(())
    })
}

/// One method's figures over the replicates of a scenario.
#[derive(Default)]
struct Tally {
    estimates: Vec<f64>,
    covered: usize,
    widths: Vec<f64>,
    unbounded: usize,
}

impl Tally {
    fn add(&mut self, truth: f64, n_hat: f64, interval: Interval) {
        self.estimates.push(n_hat);
        match interval.upper {
            Some(upper) => {
                if interval.lower <= truth && truth <= upper {
                    self.covered += 1;
                }
                self.widths.push((upper - interval.lower) / truth);
            }
            None => {
                self.unbounded += 1;
                if interval.lower <= truth {
                    self.covered += 1;
                }
            }
        }
    }
}

const METHODS: [&str; 6] = [
    "LL AIC average",
    "LL best, profile",
    "LL BIC best, profile",
    "LL bootstrap",
    "DGA (Madigan-York)",
    "LCMCR",
];

fn tallies(estimate: &Estimate, truth: f64, tallies: &mut [Tally; 6]) {
    let ll = &estimate.loglinear;
    if let Some(a) = &ll.aic_average {
        tallies[0].add(truth, a.n_hat, a.interval);
    }
    if let (Some(best), Some(p)) = (&ll.best, &ll.profile) {
        tallies[1].add(
            truth,
            best.n_hat,
            Interval {
                lower: p.lower,
                upper: p.upper,
            },
        );
    }
    if let (Some(best), Some(p)) = (&ll.best_bic, &ll.profile_bic) {
        tallies[2].add(
            truth,
            best.n_hat,
            Interval {
                lower: p.lower,
                upper: p.upper,
            },
        );
    }
    if let Some(b) = &ll.bootstrap {
        tallies[3].add(truth, b.median, b.interval);
    }
    if let Some(d) = &estimate.dga {
        tallies[4].add(truth, d.n_hat, d.interval);
    }
    if let Some(l) = &estimate.lcmcr {
        tallies[5].add(truth, l.n_hat, l.interval);
    }
}

fn coverage(
    replicates: usize,
    bootstrap: usize,
    only: Option<usize>,
) -> Result<(), Box<dyn Error>> {
    let options = EstimateOptions {
        bootstrap_replicates: bootstrap,
        ..EstimateOptions::default()
    };
    println!(
        "{replicates} replicates per scenario, bootstrap {bootstrap}, threads {}",
        rayon::current_num_threads()
    );
    println!(
        "{:<46} {:<20} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8}",
        "scenario", "method", "answers", "rel.bias", "coverage", "width", "no-upper", "warns"
    );
    for (index, scenario) in coverage_scenarios().iter().enumerate() {
        if only.is_some_and(|o| o != index) {
            continue;
        }
        let wall = Instant::now();
        run_scenario(scenario, replicates, &options)?;
        println!("  ({:.0} s)", wall.elapsed().as_secs_f64());
    }
    Ok(())
}

fn run_scenario(
    scenario: &Scenario,
    replicates: usize,
    options: &EstimateOptions,
) -> Result<(), Box<dyn Error>> {
    let truth = scenario.population as f64;
    let results: Vec<Result<Estimate, String>> = (0..replicates)
        .into_par_iter()
        .map(|r| {
            let simulated =
                simulate_linkage(scenario, 1000 + r as u64).map_err(|e| e.to_string())?;
            let mut estimate = estimate(
                &simulated.table,
                &EstimateOptions {
                    seed: r as u64,
                    ..options.clone()
                },
            )
            .map_err(|e| e.to_string())?;
            // As `casefile estimate` warns of clusters joined only through
            // other lists, which the linker sees and the table does not.
            if simulated.chained_clusters > 0 {
                estimate.warnings.push(Warning::ChainedClusters {
                    clusters: simulated.chained_clusters,
                    of: estimate.observed,
                });
            }
            Ok(estimate)
        })
        .collect();
    let mut tally: [Tally; 6] = Default::default();
    let mut warned = 0usize;
    let mut uneven = 0usize;
    let mut failed = 0usize;
    // Replicates in which each kind of warning fired at least once.
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    for result in &results {
        match result {
            Ok(estimate) => {
                tallies(estimate, truth, &mut tally);
                warned += usize::from(!estimate.warnings.is_empty());
                uneven += usize::from(
                    estimate
                        .warnings
                        .iter()
                        .any(|w| matches!(w, Warning::UnevenVisibility { .. })),
                );
                let fired: BTreeSet<&'static str> =
                    estimate.warnings.iter().map(warning_kind).collect();
                for kind in fired {
                    *kinds.entry(kind).or_default() += 1;
                }
            }
            Err(_) => failed += 1,
        }
    }
    let answered = results.len() - failed;
    for (method, t) in METHODS.iter().zip(&tally) {
        let n = t.estimates.len().max(1) as f64;
        let finite: Vec<f64> = t
            .estimates
            .iter()
            .copied()
            .filter(|e| e.is_finite())
            .collect();
        let bias =
            finite.iter().map(|e| (e - truth) / truth).sum::<f64>() / finite.len().max(1) as f64;
        let mut widths = t.widths.clone();
        widths.sort_by(f64::total_cmp);
        let width = widths.get(widths.len() / 2).copied().unwrap_or(f64::NAN);
        println!(
            "{:<46} {:<20} {:>8} {:>+8.1}% {:>8.1}% {:>8.2} {:>8} {:>7.0}%",
            scenario.name,
            method,
            t.estimates.len(),
            bias * 100.0,
            t.covered as f64 / n * 100.0,
            width,
            t.unbounded,
            warned as f64 / answered.max(1) as f64 * 100.0
        );
    }
    println!(
        "  warned of uneven visibility (Chao's bound above every estimate): {:.0}%",
        uneven as f64 / answered.max(1) as f64 * 100.0
    );
    if !kinds.is_empty() {
        let listed: Vec<String> = kinds
            .iter()
            .map(|(kind, n)| format!("{kind} {:.0}%", *n as f64 / answered.max(1) as f64 * 100.0))
            .collect();
        println!(
            "  warnings by kind (share of replicates): {}",
            listed.join(", ")
        );
    }
    if failed > 0 {
        println!("  {failed} replicates gave no estimate");
    }
    Ok(())
}

/// A warning's kind, as its serialised tag names it.
fn warning_kind(warning: &Warning) -> &'static str {
    match warning {
        Warning::ListTooSmall { .. } => "list_too_small",
        Warning::NoOverlap { .. } => "no_overlap",
        Warning::EstimateMissing { .. } => "estimate_missing",
        Warning::SparseCells { .. } => "sparse_cells",
        Warning::FarAboveObserved { .. } => "far_above_observed",
        Warning::MethodsDisagree { .. } => "methods_disagree",
        Warning::ListLooksDerived { .. } => "list_looks_derived",
        Warning::ChainedClusters { .. } => "chained_clusters",
        Warning::DifferentScope { .. } => "different_scope",
        Warning::DifferentPeriod { .. } => "different_period",
        Warning::NoUpperLimit { .. } => "no_upper_limit",
        Warning::ChainsNotConverged { .. } => "chains_not_converged",
        Warning::UnevenVisibility { .. } => "uneven_visibility",
    }
}
