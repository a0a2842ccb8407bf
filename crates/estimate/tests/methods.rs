//! The three methods together on real and simulated tables: determinism
//! for a seed, strata sums, the linkage spread and a small coverage check
//! (the full one is `mse-bench coverage`).

use casefile_estimate::{
    coverage_scenarios, estimate, estimate_lcmcr, estimate_strata, linkage_spread, simulate,
    EstimateOptions, LcmcrOptions, OverlapTable, Scenario, StrataBuilder, VisibilityClass, Warning,
};

/// Short chains: tests run unoptimised.
fn quick() -> EstimateOptions {
    EstimateOptions {
        bootstrap_replicates: 40,
        lcmcr: Some(LcmcrOptions {
            burn_in: 1000,
            samples: 400,
            thinning: 5,
            ..LcmcrOptions::default()
        }),
        ..EstimateOptions::default()
    }
}

fn kosovo() -> OverlapTable {
    OverlapTable::from_csv_str("kosovo_1999.csv", include_str!("../data/kosovo_1999.csv"))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn lcmcr_is_deterministic_for_a_seed() {
    let options = LcmcrOptions {
        burn_in: 200,
        samples: 100,
        thinning: 2,
        ..LcmcrOptions::default()
    };
    let a = estimate_lcmcr(&kosovo(), &options, 5).unwrap();
    let b = estimate_lcmcr(&kosovo(), &options, 5).unwrap();
    let c = estimate_lcmcr(&kosovo(), &options, 6).unwrap();
    assert_eq!(a.draws, b.draws);
    assert_ne!(a.draws, c.draws);
    assert!(a.r_hat.is_finite() && a.effective_sample_size > 0.0);
}

/// Chains that have not settled run on for another block, once by
/// default, and say so; the draws read are the last block's. Chains that
/// settled in the first block are not run on.
#[test]
fn unsettled_lcmcr_chains_run_on_for_another_block() {
    let uk = OverlapTable::from_csv_str(
        "uk_modern_slavery_2013_5.csv",
        include_str!("../data/uk_modern_slavery_2013_5.csv"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Far too short to settle: 10 sweeps of burn-in and 20 draws per chain.
    let short = LcmcrOptions {
        burn_in: 10,
        samples: 20,
        thinning: 1,
        ..LcmcrOptions::default()
    };
    let once = estimate_lcmcr(&uk, &short, 3).unwrap();
    assert_eq!(once.extensions_run, 1, "R-hat {}", once.r_hat);
    assert_eq!(once.draws.len(), 2 * 20, "only the last block is read");
    let never = estimate_lcmcr(
        &uk,
        &LcmcrOptions {
            extensions: 0,
            ..short.clone()
        },
        3,
    )
    .unwrap();
    assert_eq!(never.extensions_run, 0);
    assert_ne!(once.draws, never.draws, "the kept block moved on");
    // Independent lists: one class, which the chains find at once.
    let independent = simulate(&coverage_scenarios()[9], 1).unwrap();
    let long = LcmcrOptions {
        burn_in: 2000,
        samples: 500,
        thinning: 40,
        ..LcmcrOptions::default()
    };
    let first_block = estimate_lcmcr(
        &independent,
        &LcmcrOptions {
            extensions: 0,
            ..long.clone()
        },
        5,
    )
    .unwrap();
    assert!(
        first_block.r_hat < 1.1 && first_block.effective_sample_size >= 100.0,
        "R-hat {}, ESS {}",
        first_block.r_hat,
        first_block.effective_sample_size
    );
    let settled = estimate_lcmcr(&independent, &long, 5).unwrap();
    assert_eq!(settled.extensions_run, 0);
    assert_eq!(settled.draws, first_block.draws);
}

/// Kosovo 1999 (Ball et al. 2002 estimated 10,356 killings, 95% CI
/// 9,002-12,122, by stratified log-linear models): every method's interval
/// reaches that figure's neighbourhood and lies above the 4,400 seen.
#[test]
fn kosovo_all_methods_side_by_side() {
    let result = estimate(&kosovo(), &quick()).unwrap();
    assert_eq!(result.observed, 4400);
    let lcmcr = result.lcmcr.as_ref().unwrap();
    assert!(lcmcr.interval.lower > 4400.0);
    assert!(
        lcmcr.interval.lower < 12_122.0 && lcmcr.interval.upper.unwrap() > 9_002.0,
        "{:?}",
        lcmcr.interval
    );
    let dga = result.dga.as_ref().unwrap();
    assert!(
        dga.interval.lower < 12_122.0 && dga.interval.upper.unwrap() > 9_002.0,
        "{:?}",
        dga.interval
    );
    assert_eq!(result.point_estimates().len(), 4);
    assert_eq!(result.messages.len(), result.warnings.len());
    let json = serde_json::to_string(&result).unwrap();
    assert!(json.contains("\"aic_average\"") && json.contains("\"r_hat\""));
}

#[test]
fn strata_sum_to_about_the_whole() {
    // Two independent halves of one scenario: the summed total covers the truth.
    let scenario = Scenario {
        name: "independent".into(),
        population: 1500,
        classes: vec![VisibilityClass {
            share: 1.0,
            capture: vec![0.3, 0.25, 0.35],
        }],
        dependence: 1.0,
        missed_merges: 0.0,
        false_merges: 0.0,
    };
    // Built the way the application will: clusters with their stratum label.
    let mut builder = StrataBuilder::new(vec!["L1".into(), "L2".into(), "L3".into()]).unwrap();
    for (label, seed) in [("south", 2), ("north", 1)] {
        let table = simulate(&scenario, seed).unwrap();
        for pattern in 1..8usize {
            let lists: Vec<usize> = (0..3).filter(|j| pattern & (1 << j) != 0).collect();
            for _ in 0..table.count(pattern) {
                builder.add_cluster(label, &lists).unwrap();
            }
        }
    }
    let strata = builder.build().unwrap();
    let names: Vec<&str> = strata.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["north", "south"]);
    assert_eq!(strata[0].1, simulate(&scenario, 1).unwrap());
    let result = estimate_strata(&strata, &quick()).unwrap();
    assert_eq!(
        result.observed,
        strata.iter().map(|(_, t)| t.observed()).sum::<u64>()
    );
    assert_eq!(result.totals.len(), 4, "{:?}", result.totals);
    for total in &result.totals {
        let upper = total.interval.upper.unwrap();
        assert!(
            total.interval.lower <= 3000.0 && 3000.0 <= upper,
            "{}: {:?}",
            total.method,
            total.interval
        );
        // Summing adds the strata: the total is near the sum of the parts.
        assert!(
            total.n_hat > 2500.0 && total.n_hat < 3500.0,
            "{}: {}",
            total.method,
            total.n_hat
        );
    }
    let err = estimate_strata(&[], &quick()).unwrap_err();
    assert!(err.to_string().contains("no strata"), "{err}");
}

#[test]
fn linkage_spread_reports_each_method_across_thresholds() {
    let clean = &coverage_scenarios()[1];
    let loose = Scenario {
        false_merges: 0.1,
        ..clean.clone()
    };
    let strict = Scenario {
        missed_merges: 0.1,
        ..clean.clone()
    };
    let alternatives: Vec<(String, OverlapTable)> =
        [("strict", &strict), ("middle", clean), ("loose", &loose)]
            .iter()
            .map(|(label, s)| (label.to_string(), simulate(s, 9).unwrap()))
            .collect();
    let options = EstimateOptions {
        lcmcr: None,
        bootstrap_replicates: 0,
        ..quick()
    };
    let spread = linkage_spread(&alternatives, &options).unwrap();
    assert_eq!(spread.alternatives.len(), 3);
    assert!(spread.observed_range.0 < spread.observed_range.1);
    assert_eq!(spread.spreads.len(), 3);
    for s in &spread.spreads {
        assert!(
            s.lowest <= s.median && s.median <= s.highest && s.relative_spread > 0.0,
            "{s:?}"
        );
    }
}

/// A few replicates where every method's model is right (independent
/// lists, one visibility class, no linkage errors): each covers the truth.
/// Hidden classes, dependence and linkage errors are in `mse-bench coverage`.
#[test]
fn small_coverage_check() {
    let scenario = Scenario {
        name: "independent lists".into(),
        population: 2000,
        classes: vec![VisibilityClass {
            share: 1.0,
            capture: vec![0.2, 0.25, 0.3, 0.2],
        }],
        dependence: 1.0,
        missed_merges: 0.0,
        false_merges: 0.0,
    };
    let truth = 2000.0;
    let (mut lcmcr_covered, mut dga_covered, mut aic_covered) = (0, 0, 0);
    let replicates = 6;
    for r in 0..replicates {
        let table = simulate(&scenario, 100 + r).unwrap();
        let result = estimate(
            &table,
            &EstimateOptions {
                seed: r,
                bootstrap_replicates: 0,
                ..quick()
            },
        )
        .unwrap();
        let covers =
            |lower: f64, upper: Option<f64>| lower <= truth && upper.is_none_or(|u| truth <= u);
        let l = result.lcmcr.as_ref().unwrap();
        lcmcr_covered += usize::from(covers(l.interval.lower, l.interval.upper));
        let d = result.dga.as_ref().unwrap();
        dga_covered += usize::from(covers(d.interval.lower, d.interval.upper));
        let a = result.loglinear.aic_average.as_ref().unwrap();
        aic_covered += usize::from(covers(a.interval.lower, a.interval.upper));
    }
    assert!(
        lcmcr_covered >= 5,
        "LCMCR covered {lcmcr_covered} of {replicates}"
    );
    assert!(
        dga_covered >= 5,
        "DGA covered {dga_covered} of {replicates}"
    );
    assert!(
        aic_covered >= 5,
        "AIC average covered {aic_covered} of {replicates}"
    );
}

#[test]
fn fewer_than_three_lists_are_refused_and_warnings_name_lists() {
    let err = OverlapTable::new(vec!["A".into(), "B".into()], vec![0, 5, 5, 2]).unwrap_err();
    assert!(err.to_string().contains("3 to 5 lists"), "{err}");
    let western = OverlapTable::from_csv_str(
        "us_western_site.csv",
        include_str!("../data/us_western_site.csv"),
    )
    .unwrap();
    let result = estimate(
        &western,
        &EstimateOptions {
            lcmcr: None,
            bootstrap_replicates: 0,
            ..quick()
        },
    )
    .unwrap();
    assert!(result.warnings.iter().any(
        |w| matches!(w, Warning::NoOverlap { first, second } if first == "A" && second == "B")
    ));
    assert!(result
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::SparseCells { .. })));
}

/// Nobody is on exactly lists A and B, yet some are on all three: the
/// model with every pairwise interaction fits that zero with a total that
/// runs off to infinity (no maximum-likelihood estimate), and the answer
/// says how many models were left out for it.
#[test]
fn a_model_without_an_estimate_is_flagged() {
    let table = OverlapTable::new(
        vec!["A".into(), "B".into(), "C".into()],
        vec![0, 50, 40, 0, 30, 10, 12, 5],
    )
    .unwrap();
    let result = estimate(
        &table,
        &EstimateOptions {
            lcmcr: None,
            bootstrap_replicates: 0,
            ..quick()
        },
    )
    .unwrap();
    let missing = result.warnings.iter().find_map(|w| match w {
        Warning::EstimateMissing { models, of } => Some((*models, *of)),
        _ => None,
    });
    let (models, of) = missing.unwrap_or_else(|| panic!("{:?}", result.warnings));
    assert!(models >= 1 && models < of, "{models} of {of}");
    assert_eq!(of, 8);
    assert!(result
        .messages
        .iter()
        .any(|m| m.contains("no maximum-likelihood estimate")));
    // The models that have one still answer.
    assert!(result.loglinear.aic_average.is_some());
}

/// Data drawn from LCMCR's own model (two latent classes, lists
/// independent within each, every class well seen): its interval covers
/// the truth and its median is near it. The 200-replicate run of this
/// scenario is in `crates/estimate/bench/coverage-200.txt`.
#[test]
fn lcmcr_covers_the_truth_on_its_own_model() {
    let scenario = &coverage_scenarios()[10];
    assert!(scenario.name.contains("LCMCR model"), "{}", scenario.name);
    let truth = scenario.population as f64;
    let replicates = 4;
    let mut covered = 0;
    let mut bias = 0.0;
    for r in 0..replicates {
        let table = simulate(scenario, 500 + r).unwrap();
        let l = estimate_lcmcr(&table, quick().lcmcr.as_ref().unwrap(), r).unwrap();
        covered +=
            usize::from(l.interval.lower <= truth && l.interval.upper.is_none_or(|u| truth <= u));
        bias += (l.n_hat - truth) / truth / replicates as f64;
    }
    assert!(covered >= 3, "covered {covered} of {replicates}");
    assert!(bias.abs() < 0.06, "mean relative bias {bias}");
}

/// A referral from the first list to the second, in one class: the model
/// with that one interaction is right. BIC, whose penalty grows with the
/// data, picks it more often than AIC, which keeps spurious interactions;
/// the report shows both best models' profile intervals, as one row when
/// they are the same model.
#[test]
fn bic_picks_the_right_model_more_often_and_both_best_models_are_shown() {
    let scenario = &coverage_scenarios()[12];
    assert!(scenario.name.contains("referral"), "{}", scenario.name);
    let right = casefile_estimate::Model::with_pairs(4, &[(0, 1)]);
    let (mut by_aic, mut by_bic, mut two_rows) = (0, 0, 0);
    let replicates = 20;
    for r in 0..replicates {
        let table = simulate(scenario, 500 + r).unwrap();
        let ll = casefile_estimate::estimate_loglinear(&table, 0, r);
        let (aic, bic) = (ll.best.clone().unwrap(), ll.best_bic.clone().unwrap());
        by_aic += usize::from(aic.model == right);
        by_bic += usize::from(bic.model == right);
        let result = estimate(
            &table,
            &EstimateOptions {
                bootstrap_replicates: 0,
                lcmcr: None,
                ..EstimateOptions::default()
            },
        )
        .unwrap();
        let rows: Vec<String> = result
            .method_rows()
            .into_iter()
            .map(|row| row.method)
            .filter(|m| m.contains("profile likelihood"))
            .collect();
        if aic.model == bic.model {
            assert_eq!(
                rows,
                ["log-linear best model (AIC and BIC), profile likelihood"]
            );
        } else {
            two_rows += 1;
            assert_eq!(
                rows,
                [
                    "log-linear AIC-best model, profile likelihood",
                    "log-linear BIC-best model, profile likelihood"
                ]
            );
        }
    }
    assert!(
        by_bic >= 17 && by_bic > by_aic,
        "right model picked by BIC {by_bic}, by AIC {by_aic} of {replicates}"
    );
    assert!(two_rows > 0, "AIC and BIC never disagreed");
}
