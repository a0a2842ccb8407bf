//! Reproduction of published log-linear results on the classic tables in
//! `data/` (sources in `data/SOURCES.md`): every figure within the rounding
//! it was published with.

use casefile_estimate::{fit_model, profile_interval, Model, OverlapTable};

fn table(name: &str, text: &str) -> OverlapTable {
    OverlapTable::from_csv_str(name, text).unwrap_or_else(|e| panic!("{e}"))
}

/// `value` rounds to `published` at `decimals` decimals.
fn rounds_to(value: f64, published: f64, decimals: i32) -> bool {
    let scale = 10f64.powi(decimals);
    ((value * scale).round() - published * scale).abs() < 0.5
}

#[track_caller]
fn check(value: f64, published: f64, decimals: i32, what: &str) {
    assert!(
        rounds_to(value, published, decimals),
        "{what}: got {value}, published {published}"
    );
}

fn darroch() -> OverlapTable {
    table("darroch_r3.csv", include_str!("../data/darroch_r3.csv"))
}

#[test]
fn darroch_r3_saturated_and_two_interaction_models() {
    let t = darroch();
    let sat = fit_model(&t, Model::with_pairs(3, &[(0, 1), (0, 2), (1, 2)]));
    check(sat.n_hat, 1240.0, 0, "saturated N");
    check(sat.stderr, 451.0, 0, "saturated se");
    let inter2 = fit_model(&t, Model::with_pairs(3, &[(0, 1), (1, 2)]));
    check(inter2.n_hat, 850.0, 0, "inter2 N");
    check(inter2.stderr, 186.0, 0, "inter2 se");
    check(inter2.deviance, 3.8, 1, "inter2 deviance");
    assert_eq!(inter2.df, 1);
}

#[test]
fn diabetes_bruno_and_rivest_models() {
    let t = table("diabetes.csv", include_str!("../data/diabetes.csv"));
    let all_but_14 = Model::with_pairs(4, &[(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]);
    let bruno = fit_model(&t, all_but_14);
    check(bruno.n_hat, 2771.0, 0, "Bruno N");
    check(bruno.stderr, 145.0, 0, "Bruno se");
    check(bruno.deviance, 7.62, 2, "Bruno deviance");
    assert_eq!(bruno.df, 5);
    let rivest = fit_model(&t, Model::with_pairs(4, &[(0, 2), (1, 3), (2, 3)]));
    check(rivest.n_hat, 2472.0, 0, "Rivest N");
    check(rivest.stderr, 53.0, 0, "Rivest se");
    check(rivest.deviance, 21.97, 2, "Rivest deviance");
    assert_eq!(rivest.df, 7);
}

#[test]
fn cormack_four_lists() {
    let t = table("cormack_4.csv", include_str!("../data/cormack_4.csv"));
    let mt = fit_model(&t, Model::INDEPENDENCE);
    check(mt.n_hat, 215.0, 0, "Mt N");
    check(mt.deviance, 87.1, 1, "Mt deviance");
    assert_eq!(mt.df, 10);
    let all_pairs = fit_model(
        &t,
        Model {
            interactions: 0b11_1111,
        },
    );
    // Published as "more than a million": the estimate runs off to infinity.
    assert!(
        !all_pairs.exists || all_pairs.n_hat > 1e6,
        "all pairs N {}",
        all_pairs.n_hat
    );
    assert_eq!(all_pairs.df, 4);
    check(all_pairs.deviance, 1.3, 1, "all pairs deviance");
    let a3 = fit_model(&t, Model::with_pairs(4, &[(2, 3)]));
    check(a3.n_hat, 215.0, 0, "a3 N");
    assert_eq!(a3.df, 9);
    let a4 = fit_model(&t, Model::with_pairs(4, &[(2, 3), (0, 2)]));
    check(a4.deviance, 7.7, 1, "a4 deviance");
    assert_eq!(a4.df, 8);
    let a5 = fit_model(&t, Model::with_pairs(4, &[(0, 1), (0, 2), (2, 3)]));
    check(a5.n_hat, 218.0, 0, "a5 N");
    check(a5.deviance, 2.6, 1, "a5 deviance");
    assert_eq!(a5.df, 7);
    let a6 = fit_model(&t, Model::with_pairs(4, &[(0, 1), (0, 2), (0, 3), (2, 3)]));
    assert!(!a6.exists || a6.n_hat > 1e6, "a6 N {}", a6.n_hat);
    assert_eq!(a6.df, 6);
}

#[test]
fn cormack_three_lists_with_profile_intervals() {
    let t = table("cormack_3.csv", include_str!("../data/cormack_3.csv"));
    let b1 = fit_model(&t, Model::INDEPENDENCE);
    check(b1.n_hat, 209.0, 0, "b1 N");
    check(b1.deviance, 75.1, 1, "b1 deviance");
    assert_eq!(b1.df, 3);
    let ci = profile_interval(&t, Model::INDEPENDENCE).expect("b1 profile");
    check(ci.lower, 203.0, 0, "b1 lower");
    check(ci.upper.expect("b1 upper"), 217.0, 0, "b1 upper");
    let b2_model = Model::with_pairs(3, &[(1, 2)]);
    let b2 = fit_model(&t, b2_model);
    check(b2.deviance, 1.2, 1, "b2 deviance");
    assert_eq!(b2.df, 2);
    check(
        profile_interval(&t, b2_model).expect("b2 profile").lower,
        210.0,
        0,
        "b2 lower",
    );
    let b3 = fit_model(&t, Model::with_pairs(3, &[(0, 1), (1, 2)]));
    check(b3.deviance, 0.6, 1, "b3 deviance");
    assert_eq!(b3.df, 1);
    let b4_model = Model::with_pairs(3, &[(0, 2), (1, 2)]);
    let b4 = fit_model(&t, b4_model);
    check(b4.n_hat, 233.0, 0, "b4 N");
    assert_eq!(b4.df, 1);
    check(
        profile_interval(&t, b4_model).expect("b4 profile").lower,
        204.0,
        0,
        "b4 lower",
    );
    let b5 = fit_model(
        &t,
        Model {
            interactions: 0b111,
        },
    );
    check(b5.deviance, 0.0, 1, "b5 deviance");
    assert_eq!(b5.df, 0);
}

/// Rcapture's HIV example (Abeni et al. 1994): the printed figures, within 0.1%.
#[test]
fn hiv_rome_within_a_tenth_of_a_percent() {
    let t = table("hiv_rome.csv", include_str!("../data/hiv_rome.csv"));
    let close = |value: f64, published: f64, what: &str| {
        assert!(
            (value / published - 1.0).abs() < 0.001,
            "{what}: got {value}, published {published}"
        );
    };
    let all_pairs = Model {
        interactions: 0b11_1111,
    };
    let m1 = fit_model(&t, all_pairs);
    close(m1.n_hat, 23443.5, "all pairs N");
    close(m1.stderr, 9594.9, "all pairs se");
    close(m1.deviance, 3.037, "all pairs deviance");
    close(m1.aic, 92.073, "all pairs AIC");
    assert_eq!(m1.df, 4);
    let ci = profile_interval(&t, all_pairs).expect("all pairs profile");
    close(ci.n_hat, 23269.8, "all pairs multinomial N");
    close(ci.lower, 10027.6, "all pairs lower");
    close(ci.upper.expect("upper"), 50046.3, "all pairs upper");
    let one_two = Model::with_pairs(4, &[(0, 1)]);
    let m2 = fit_model(&t, one_two);
    close(m2.n_hat, 12318.5, "1×2 N");
    close(m2.stderr, 1188.7, "1×2 se");
    close(m2.deviance, 7.614, "1×2 deviance");
    close(m2.aic, 86.65, "1×2 AIC");
    assert_eq!(m2.df, 9);
    let ci = profile_interval(&t, one_two).expect("1×2 profile");
    close(ci.n_hat, 12308.0, "1×2 multinomial N");
    close(ci.lower, 10266.0, "1×2 lower");
    close(ci.upper.expect("upper"), 14992.3, "1×2 upper");
}

/// The UK 2013 strategic assessment (five lists): the Home Office published
/// 10,000-13,000 from a log-linear model chosen by information criterion.
#[test]
fn uk_modern_slavery_best_model_inside_the_published_range() {
    let t = table(
        "uk_modern_slavery_2013_5.csv",
        include_str!("../data/uk_modern_slavery_2013_5.csv"),
    );
    assert_eq!(t.observed(), 2744);
    let report = casefile_estimate::estimate_loglinear(&t, 0, 1);
    let best = report.best.expect("a best model");
    assert!(
        (10_000.0..=13_000.0).contains(&best.n_hat),
        "AIC-best {} N {}",
        best.label,
        best.n_hat
    );
    let profile = report.profile.expect("profile interval");
    assert!(
        profile.lower < best.n_hat && profile.upper.is_some_and(|u| u > best.n_hat),
        "{profile:?}"
    );
}

/// The SparseMSE tables have lists that share nobody: every model still
/// gets an answer or an honest "no estimate", never a runaway fit.
#[test]
fn sparse_tables_with_empty_overlaps_fit() {
    for (name, text) in [
        (
            "us_western_site.csv",
            include_str!("../data/us_western_site.csv"),
        ),
        (
            "new_orleans_5.csv",
            include_str!("../data/new_orleans_5.csv"),
        ),
        (
            "netherlands_5.csv",
            include_str!("../data/netherlands_5.csv"),
        ),
    ] {
        let t = table(name, text);
        let fits = casefile_estimate::fit_all(&t);
        assert_eq!(fits.len(), 1024);
        let with_infinite = fits
            .iter()
            .filter(|f| !f.infinite_interactions.is_empty())
            .count();
        if name != "netherlands_5.csv" {
            assert!(
                with_infinite > 0,
                "{name}: expected models with an empty pair"
            );
        }
        for fit in fits.iter().filter(|f| f.exists) {
            assert!(
                fit.n_hat.is_finite() && fit.n_hat >= t.observed() as f64,
                "{name} {}: {}",
                fit.label,
                fit.n_hat
            );
        }
        assert!(fits.iter().filter(|f| f.exists).count() > 500, "{name}");
    }
}

/// Every table in `data/` has its source in `data/SOURCES.md` and reads.
#[test]
fn every_data_table_has_a_source_and_reads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let sources = std::fs::read_to_string(dir.join("SOURCES.md"))
        .unwrap_or_else(|e| panic!("SOURCES.md: {e}"));
    let mut tables = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().is_some_and(|e| e == "csv") {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            assert!(
                sources.contains(&format!("`{name}`")),
                "{name} is not in SOURCES.md"
            );
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            table(&name, &text);
            tables += 1;
        }
    }
    assert_eq!(tables, 10);
}
