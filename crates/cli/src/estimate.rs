//! `casefile estimate`: how many children the named registries together
//! missed. Calls `casefile_app::estimate` and renders its answer: the
//! overlap table, every method's estimate beside its 95% interval (never one
//! number alone), the warnings in plain words, and the spread across match
//! thresholds.

use crate::commands::open;
use anyhow::{Context, Result};
use casefile_app::estimate::{self, EstimateAnswer, EstimateRequest, Estimated, StratumField};
use casefile_app::registries::LinkOptions;
use casefile_app::{Actor, Estimate, EstimateOptions, Interval, LcmcrOptions, OverlapTable};
use chrono::NaiveDate;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct EstimateArgs {
    /// 3 to 5 imported registries; with --strata, a field's value is taken
    /// from the first list (in this order) that has one.
    #[arg(required = true)]
    registries: Vec<String>,
    /// Estimate per stratum and sum: sex, age_band, last_place, birthplace.
    #[arg(long, num_args = 1..)]
    strata: Vec<String>,
    /// Match thresholds of the linkage-uncertainty spread (default 0.3 0.5 0.7 0.9).
    #[arg(long, num_args = 1..)]
    threshold: Vec<f64>,
    /// Match threshold of the overlap table and the estimate (default 0.5).
    #[arg(long)]
    match_threshold: Option<f64>,
    /// Blocking rules (TOML) for the linkage; the defaults suit most child registries.
    #[arg(long)]
    blocking: Option<PathBuf>,
    /// Seed of every random draw: the same seed gives the same answer.
    #[arg(long)]
    seed: Option<u64>,
    /// Date on which age bands are taken, YYYY-MM-DD (default 2022-02-24).
    #[arg(long)]
    age_on: Option<NaiveDate>,
    /// A first look: 50 bootstrap replicates and short latent-class chains
    /// (check the R-hat it prints before quoting that interval).
    #[arg(long)]
    quick: bool,
    #[arg(long)]
    json: bool,
}

impl EstimateArgs {
    fn to_request(&self) -> Result<EstimateRequest> {
        let blocking_toml = match &self.blocking {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?,
            ),
            None => None,
        };
        let strata = self
            .strata
            .iter()
            .map(|s| s.parse::<StratumField>())
            .collect::<casefile_app::Result<Vec<_>>>()?;
        let mut options = EstimateOptions::default();
        if let Some(seed) = self.seed {
            options.seed = seed;
        }
        if self.quick {
            options.bootstrap_replicates = 50;
            options.lcmcr = Some(LcmcrOptions {
                burn_in: 1_000,
                samples: 500,
                thinning: 5,
                ..LcmcrOptions::default()
            });
        }
        Ok(EstimateRequest {
            registries: self.registries.clone(),
            strata,
            spread_thresholds: self.threshold.clone(),
            link: LinkOptions {
                threshold: self.match_threshold,
                blocking_toml,
                ..LinkOptions::default()
            },
            age_on: self.age_on,
            options,
        })
    }
}

pub fn run(dir: &Path, args: &EstimateArgs, actor: &Actor) -> Result<u8> {
    let request = args.to_request()?;
    let mut project = open(dir)?;
    let answer = estimate::estimate(&mut project, actor, &request)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
    } else {
        print!("{}", render(&answer));
    }
    Ok(0)
}

/// The answer as text.
fn render(answer: &EstimateAnswer) -> String {
    let mut out = String::new();
    let letters: Vec<char> = ('A'..='E').take(answer.lists.len()).collect();
    out.push_str(&format!(
        "Lists (records linked at match probability ≥ {:.2}):\n",
        answer.threshold
    ));
    for (letter, list) in letters.iter().zip(&answer.lists) {
        out.push_str(&format!(
            "  {letter}  {:<24} {:>8} records\n",
            list.name, list.records
        ));
    }
    out.push_str("Matched pairs:\n");
    for link in &answer.links {
        let between = if link.left == link.right {
            format!("within {}", link.left)
        } else {
            format!("{} – {}", link.left, link.right)
        };
        out.push_str(&format!(
            "  {between:<40} {:>6} matched, {} awaiting review\n",
            link.matched, link.awaiting_review
        ));
    }
    out.push_str("\nChildren by the lists they appear on (each child counted once):\n");
    out.push_str(&overlap(&answer.table, &letters));

    match &answer.estimate {
        Estimated::Whole(estimate) => {
            out.push_str("\nEstimated total, seen and never recorded (95% intervals):\n");
            out.push_str(&methods(estimate));
            out.push_str(&warnings(&estimate.messages, ""));
        }
        Estimated::Stratified { fields, estimate } => {
            let fields: Vec<&str> = fields.iter().map(|f| f.as_str()).collect();
            out.push_str(&format!(
                "\nEstimated per stratum of {} (95% intervals):\n",
                fields.join(" × ")
            ));
            for (label, stratum) in &estimate.strata {
                out.push_str(&format!("\n[{label}]  {} seen\n", stratum.observed));
                out.push_str(&methods(stratum));
                out.push_str(&warnings(&stratum.messages, &format!("{label}: ")));
            }
            out.push_str(&format!(
                "\nSummed over the strata ({} seen):\n",
                estimate.observed
            ));
            if estimate.totals.is_empty() {
                out.push_str("  no method gave an answer in every stratum\n");
            }
            for total in &estimate.totals {
                out.push_str(&method_line(
                    &total.method,
                    total.n_hat,
                    &total.interval,
                    "",
                ));
            }
        }
    }

    out.push_str("\nLinkage uncertainty: the estimate at each match threshold\n");
    for (label, alternative) in &answer.spread.alternatives {
        out.push_str(&format!("  {label}: {} seen\n", alternative.observed));
        for row in alternative.method_rows() {
            out.push_str(&method_line(&row.method, row.n_hat, &row.interval, "  "));
        }
    }
    for spread in &answer.spread.spreads {
        out.push_str(&format!(
            "  {:<46} from {:.0} to {:.0} across thresholds ({:.0}% of the median)\n",
            spread.method,
            spread.lowest,
            spread.highest,
            spread.relative_spread * 100.0
        ));
    }
    out.push_str(&format!("  note: {}\n", answer.spread_note));
    out
}

/// The overlap table, one capture pattern a row: `x` on the list, `.` not.
fn overlap(table: &OverlapTable, letters: &[char]) -> String {
    let header: Vec<String> = letters.iter().map(char::to_string).collect();
    let mut out = format!("  {}   children\n", header.join(" "));
    for (pattern, &count) in table.counts().iter().enumerate().skip(1) {
        let marks: Vec<&str> = (0..letters.len())
            .map(|i| if pattern & (1 << i) != 0 { "x" } else { "." })
            .collect();
        out.push_str(&format!("  {}   {count:>8}\n", marks.join(" ")));
    }
    out.push_str(&format!(
        "  seen on at least one list: {}\n",
        table.observed()
    ));
    out
}

fn methods(estimate: &Estimate) -> String {
    let rows = estimate.method_rows();
    if rows.is_empty() {
        return "  no method gave an estimate\n".to_string();
    }
    let mut out = String::new();
    for row in rows {
        out.push_str(&method_line(&row.method, row.n_hat, &row.interval, ""));
        if let Some(detail) = row.detail {
            out.push_str(&format!("      {detail}\n"));
        }
    }
    if let Some(bound) = &estimate.heterogeneity {
        out.push_str(&method_line(
            "check: Chao's lower bound, uneven visibility",
            bound.n_hat,
            &bound.interval,
            "",
        ));
        out.push_str(&format!(
            "      a floor, not an estimate: {} seen on one list only, {} on exactly two\n",
            bound.seen_once, bound.seen_twice
        ));
    }
    out
}

/// One method: the estimate and its interval, side by side.
fn method_line(method: &str, n_hat: f64, interval: &Interval, indent: &str) -> String {
    let upper = match interval.upper {
        Some(upper) => format!("{upper:.0}"),
        None => "no upper limit".to_string(),
    };
    format!(
        "{indent}  {method:<46} {n_hat:>9.0}   95% interval {:.0} to {upper}\n",
        interval.lower
    )
}

fn warnings(messages: &[String], prefix: &str) -> String {
    if messages.is_empty() {
        return format!("Warnings: {prefix}none\n");
    }
    let mut out = String::from("Warnings:\n");
    for message in messages {
        out.push_str(&format!("  - {prefix}{message}\n"));
    }
    out
}
