//! Scores linkage on the lists of `gen-registries2` the way a user runs it:
//! each list imported into a fresh project with `registry import` (its
//! column map detected from the header unless `--map FILE=SPEC` gives one),
//! then `link` of every two lists, three or more read together
//! (`registries::link_together`; REG2_PAIRWISE=1 links them one by one),
//! or `dedupe` of the one list (latin mode), with the default settings
//! unless options say otherwise.
//! Precision, recall and F1 of the matched pairs against `truth.csv`
//! (which the linker never sees), per pair of lists and pooled; for a
//! dedupe also of the pairs implied by the clusters. Wall time of import
//! plus linkage and peak memory (VmHWM).
//!
//! Usage: eval-registries2 DIR [--map FILE=SPEC]... [--threshold P] [--json]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use casefile_app::registries;
use casefile_app::{sources, Actor};
use casefile_link::{cluster_pairs, PairCounts};

/// Scores linkage of gen-registries2 lists against their truth.
#[derive(Debug, clap::Parser)]
struct Cli {
    /// A directory written by gen-registries2.
    dir: PathBuf,
    /// A column map for one list, FILE=SPEC (e.g. camp_ru.tsv=id=№ п/п,full_name=ФИО,...);
    /// lists without one have their map detected.
    #[arg(long = "map", value_name = "FILE=SPEC")]
    maps: Vec<String>,
    /// Match threshold; the default when absent.
    #[arg(long)]
    threshold: Option<f64>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// Print the first N wrong and N missed reported pairs of each link with
    /// their comparison levels (synthetic records: no one's data).
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Where the throwaway project goes (default: a temporary directory).
    #[arg(long)]
    work: Option<PathBuf>,
}

fn main() -> Result<()> {
    let cli = <Cli as clap::Parser>::parse();
    let casefile_bench::registries2::Truth {
        child: truth,
        files,
    } = casefile_bench::registries2::read_truth(&cli.dir)?;
    let mut maps: HashMap<String, String> = HashMap::new();
    for m in &cli.maps {
        let (file, spec) = m
            .split_once('=')
            .with_context(|| format!("--map {m:?} is not FILE=SPEC"))?;
        maps.insert(file.to_string(), spec.to_string());
    }

    let temp = tempfile::tempdir_in(cli.work.clone().unwrap_or_else(std::env::temp_dir))?;
    let actor = Actor::local("eval");
    let mut project = sources::init(&temp.path().join("p"), &actor)?;
    let options = registries::LinkOptions {
        threshold: cli.threshold,
        ..Default::default()
    };
    let started = Instant::now();
    let mut detected = Vec::new();
    for file in &files {
        let imported = registries::import(
            &mut project,
            &actor,
            file,
            &cli.dir.join(file),
            maps.get(file).map(String::as_str),
        )?;
        detected.push((file.clone(), imported.info.map.clone()));
    }
    let import_s = started.elapsed().as_secs_f64();

    // (left, right, counts)
    let mut results: Vec<(String, String, PairCounts)> = Vec::new();
    let mut cluster_counts = None;
    let child = |file: &str, id: &str| truth.get(&(file.to_string(), id.to_string()));
    let true_pairs = |a: &str, b: &str| -> u64 {
        let count = |f: &str| {
            let mut per: HashMap<&String, u64> = HashMap::new();
            for ((file, _), c) in &truth {
                if file == f {
                    *per.entry(c).or_default() += 1;
                }
            }
            per
        };
        let (ca, cb) = (count(a), count(b));
        if a == b {
            ca.values().map(|n| n * (n - 1) / 2).sum()
        } else {
            ca.iter()
                .map(|(c, n)| n * cb.get(c).copied().unwrap_or(0))
                .sum()
        }
    };
    if files.len() == 1 {
        let file = &files[0];
        let result = registries::dedupe(&mut project, &actor, file, &options)?;
        let ids = result.ids();
        let (mut predicted, mut correct) = (0u64, 0u64);
        for (a, b, _) in result.matches() {
            predicted += 1;
            correct += u64::from(child(file, &ids[a]) == child(file, &ids[b]));
        }
        if cli.errors > 0 {
            print_errors(&result, file, file, cli.errors, &child);
        }
        let all = true_pairs(file, file);
        results.push((
            file.clone(),
            file.clone(),
            PairCounts::new(predicted, all, correct),
        ));
        let (mut predicted, mut correct) = (0u64, 0u64);
        for (a, b) in cluster_pairs(result.cluster_indices()) {
            predicted += 1;
            correct += u64::from(child(file, &ids[a as usize]) == child(file, &ids[b as usize]));
        }
        cluster_counts = Some(PairCounts::new(predicted, all, correct));
    } else {
        // Two lists are linked as such; three or more together, each link
        // reading the others (`registries::link_together`), unless
        // REG2_PAIRWISE is set (the links one by one, as before).
        let links: Vec<(String, String, casefile_link::LinkResult)> =
            if files.len() >= 3 && std::env::var_os("REG2_PAIRWISE").is_none() {
                registries::link_together(&mut project, &actor, &files, &options)?
                    .into_iter()
                    .map(|l| (l.left, l.right, l.result))
                    .collect()
            } else {
                let mut links = Vec::new();
                for (k, left) in files.iter().enumerate() {
                    for right in &files[k + 1..] {
                        let result = registries::link(&mut project, &actor, left, right, &options)?;
                        links.push((left.clone(), right.clone(), result));
                    }
                }
                links
            };
        for (left, right, result) in &links {
            let (left, right) = (left.as_str(), right.as_str());
            {
                let ids = result.ids();
                let left_len = result.stats.left_records;
                let (mut predicted, mut correct) = (0u64, 0u64);
                for (a, b, _) in result.matches() {
                    predicted += 1;
                    let same = child(left, &ids[a]).is_some()
                        && child(left, &ids[a]) == child(right, &ids[left_len + b]);
                    correct += u64::from(same);
                }
                if cli.errors > 0 {
                    print_errors(result, left, right, cli.errors, &child);
                }
                results.push((
                    left.to_string(),
                    right.to_string(),
                    PairCounts::new(predicted, true_pairs(left, right), correct),
                ));
            }
        }
    }
    let wall_s = started.elapsed().as_secs_f64();
    let pooled = results
        .iter()
        .fold(PairCounts::new(0, 0, 0), |acc, (_, _, c)| PairCounts {
            true_positives: acc.true_positives + c.true_positives,
            false_positives: acc.false_positives + c.false_positives,
            false_negatives: acc.false_negatives + c.false_negatives,
        });
    let peak = casefile_bench::peak_rss_mib();
    if cli.json {
        let per: Vec<_> = results
            .iter()
            .map(|(l, r, c)| {
                serde_json::json!({"left": l, "right": r, "precision": c.precision(),
                    "recall": c.recall(), "f1": c.f1()})
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({
                "tool": "casefile",
                "precision": pooled.precision(), "recall": pooled.recall(), "f1": pooled.f1(),
                "cluster_f1": cluster_counts.map(|c| c.f1()),
                "per_pair": per, "maps": detected,
                "import_s": import_s, "wall_s": wall_s, "peak_rss_mib": peak,
            })
        );
    } else {
        for (file, map) in &detected {
            println!("map of {file}: {map}");
        }
        for (l, r, c) in &results {
            println!("{l} × {r}: {c}");
        }
        if results.len() > 1 {
            println!("pooled: {pooled}");
        }
        if let Some(c) = cluster_counts {
            println!("cluster pairs: {c}");
        }
        println!(
            "import {import_s:.2} s, import + linkage {wall_s:.2} s, peak RSS {} MiB",
            peak.map_or("?".into(), |p| format!("{p:.0}"))
        );
    }
    if results.is_empty() {
        bail!("no lists in {}", cli.dir.display());
    }
    Ok(())
}

/// Prints the first `limit` wrong and `limit` missed reported pairs of a
/// link (or a dedupe: `left` and `right` the same file) with their levels.
fn print_errors<'a>(
    result: &casefile_link::LinkResult,
    left: &str,
    right: &str,
    limit: usize,
    child: &impl Fn(&str, &str) -> Option<&'a String>,
) {
    let (mut wrong, mut missed) = (0, 0);
    for pair in result.pairs() {
        let same = child(left, &pair.left).is_some()
            && child(left, &pair.left) == child(right, &pair.right);
        let matched = registries::is_match(&pair, result.threshold);
        let show = if matched && !same {
            wrong += 1;
            wrong <= limit
        } else if !matched && same {
            missed += 1;
            missed <= limit
        } else {
            false
        };
        if show {
            let levels: Vec<String> = pair
                .fields
                .iter()
                .map(|f| format!("{}:{}({:+.1})", f.field, f.level, f.weight))
                .collect();
            println!(
                "{} {left}:{} {right}:{} p={:.3} {}",
                if same { "MISSED" } else { "WRONG" },
                pair.left,
                pair.right,
                pair.probability,
                levels.join(" ")
            );
        }
    }
}
