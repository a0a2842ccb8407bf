//! Links FEBRL4 (dataset4a × dataset4b) with default settings and prints
//! precision, recall and F1 at the default threshold, with wall time.
//!
//! The linker sees only the column map; `rec_id` is used as the record id
//! and read back only to score (truth: `rec-N-org` ↔ `rec-N-dup-0`).
//!
//! Usage: eval-febrl [FEBRL4_DIR] [--json] [--errors] [--threshold P] [--blocking FILE.toml]

// Many small allocations (one string per cell of a million rows) are a
// visible share of the run time with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use casefile_link::evaluation::PairCounts;
use casefile_link::{link, parse_registry_reader, ColumnMap};

const FEBRL_MAP: &str = "id=rec_id, given=given_name, surname=surname, birth_date=date_of_birth, \
    extra.street_number=street_number, extra.address_1=address_1, extra.address_2=address_2, \
    extra.suburb=suburb, extra.postcode=postcode, extra.state=state, extra.soc_sec_id=soc_sec_id";

fn truth_key(id: &str) -> Option<&str> {
    let rest = id.strip_prefix("rec-")?;
    let (number, _) = rest.split_once('-')?;
    Some(number)
}

mod common;

/// Links FEBRL4 and scores the result.
#[derive(Debug, clap::Parser)]
struct Cli {
    /// Folder with dataset4a.csv and dataset4b.csv (default: ../shared/data/febrl4).
    dir: Option<PathBuf>,
    /// List false positives, false negatives and pairs below the threshold
    /// (FEBRL is public synthetic data, so this leaks no one's data).
    #[arg(long)]
    errors: bool,
    #[command(flatten)]
    link: common::LinkOptions,
}

fn main() -> Result<()> {
    let started = Instant::now();
    let cli = <Cli as clap::Parser>::parse();
    let json = cli.link.json;
    let show_errors = cli.errors;
    let dir = cli.dir.clone().unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/febrl4")
    });
    let map: ColumnMap = FEBRL_MAP.parse()?;
    let read = |name: &str| -> Result<_> {
        let path = dir.join(name);
        let file =
            std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?;
        let (records, errors) = parse_registry_reader(std::io::BufReader::new(file), &map)
            .with_context(|| format!("reading {}", path.display()))?;
        Ok((records, errors.len()))
    };
    let (left, left_errors) = read("dataset4a.csv")?;
    let (right, right_errors) = read("dataset4b.csv")?;
    let read_s = started.elapsed().as_secs_f64();

    let linked = Instant::now();
    let mut settings = cli.link.settings()?;
    if show_errors {
        settings.report_threshold = 1e-6;
    }
    let result = link(&left, &right, &settings);
    let link_s = linked.elapsed().as_secs_f64();

    let truth: HashSet<&str> = left.iter().filter_map(|r| truth_key(&r.id)).collect();
    let mut predicted = 0u64;
    let mut correct = 0u64;
    let mut found = HashSet::new();
    for (i, j, p) in result.matches() {
        predicted += 1;
        let (a, b) = (truth_key(&left[i].id), truth_key(&right[j].id));
        if a.is_some() && a == b {
            correct += 1;
            found.insert(a);
        } else if show_errors {
            println!("false positive {} {} p={p:.4}", left[i].id, right[j].id);
        }
    }
    if show_errors {
        for r in &right {
            if !found.contains(&truth_key(&r.id)) {
                println!("false negative {}", r.id);
            }
        }
        for pair in result.pairs() {
            let (a, b) = (truth_key(&pair.left), truth_key(&pair.right));
            if pair.probability < result.threshold && a == b {
                println!("below threshold {}", serde_json::to_string(&pair)?);
            }
        }
    }
    let truth_pairs = right
        .iter()
        .filter(|r| truth_key(&r.id).is_some_and(|k| truth.contains(k)))
        .count() as u64;
    let counts = PairCounts::new(predicted, truth_pairs, correct);
    let wall_s = started.elapsed().as_secs_f64();
    if json {
        println!(
            "{}",
            serde_json::json!({
                "tool": "casefile-link",
                "precision": counts.precision(),
                "recall": counts.recall(),
                "f1": counts.f1(),
                "counts": counts,
                "wall_s": wall_s,
                "read_s": read_s,
                "link_s": link_s,
                "peak_rss_mib": common::peak_rss_mib(),
                "stats": result.stats,
                "lambda": result.model.lambda,
                "em_iterations": result.model.em_iterations,
            })
        );
    } else {
        println!(
            "FEBRL4: {} × {} records ({} + {} cell errors)",
            left.len(),
            right.len(),
            left_errors,
            right_errors
        );
        println!(
            "candidate pairs {}  patterns {}  reported {}  matched {}  EM iterations {} (converged {})  lambda {:.4}",
            result.stats.candidate_pairs,
            result.stats.distinct_patterns,
            result.stats.reported_pairs,
            result.stats.matched_pairs,
            result.model.em_iterations,
            result.model.em_converged,
            result.model.lambda
        );
        println!(
            "threshold {:.2}: precision {:.4}  recall {:.4}  F1 {:.4}  (tp {} fp {} fn {})",
            result.threshold,
            counts.precision(),
            counts.recall(),
            counts.f1(),
            counts.true_positives,
            counts.false_positives,
            counts.false_negatives
        );
        println!(
            "wall time {wall_s:.3} s (read {read_s:.3} s, link {link_s:.3} s)  peak RSS {} MiB",
            common::peak_rss_mib().map_or("?".into(), |p| format!("{p:.0}"))
        );
    }
    Ok(())
}
