//! Deduplicates a registry made by `gen-registries` and scores the result
//! against its `child` column: pairwise precision, recall and F1 of the
//! clusters (and of the matched pairs), wall time and peak memory
//! (VmHWM from /proc/self/status).
//!
//! The `child` column is not mapped, so the linker never sees it.
//!
//! Usage: eval-synth FILE.csv [--json] [--threshold P] [--blocking FILE.toml]
//! [--age-slack-days D] [--conflict-probability P] [--blocking-recall] [--model]
//!
//! With `--blocking-recall`, SHOW_MISSED=1 prints the first missed pair of
//! each combination of levels and 40 true pairs no rule met;
//! SHOW_MISSED="LEVELS" (e.g. "different | different | exact", the given
//! name, surname and birth levels) the first 20 missed pairs of those levels.

// Many small allocations (one string per cell of a million rows) are a
// visible share of the run time with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use anyhow::{Context, Result};
use casefile_link::{cluster_pairs, PairCounts};
use casefile_link::{dedupe_owned, parse_registry_reader, ColumnMap};
use rustc_hash::FxHashMap;

const SYNTH_MAP: &str = "id=id,surname=surname,given=given,patronymic=patronymic,\
    full_name=full_name,sex=sex,birth_date=birth_date,age=age,age_at=age_at,birthplace=birthplace";

/// Deduplicates a synthetic registry and scores it against its `child` column.
#[derive(Debug, clap::Parser)]
struct Cli {
    /// A CSV written by gen-registries.
    file: String,
    /// Report every candidate pair, and print blocking recall and the
    /// missed and wrong pairs by comparison levels (SHOW_MISSED=1 and
    /// SHOW_WRONG=1 print examples: synthetic records, no one's data).
    #[arg(long)]
    blocking_recall: bool,
    /// Print the fitted model's m, u and weight of every level.
    #[arg(long)]
    model: bool,
    #[command(flatten)]
    link: casefile_bench::LinkOptions,
}

/// Truth: the child of each row, in file order (scoring only; read
/// separately from the same file, so the linker never sees it), with each
/// row's id to check that records are in the same order.
fn truth(path: &str) -> Result<Vec<(String, u32)>> {
    let mut reader = csv::Reader::from_path(path).with_context(|| format!("opening {path}"))?;
    let headers = reader.byte_headers()?.clone();
    let column = |name: &[u8]| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("no {} column", String::from_utf8_lossy(name)))
    };
    let (id, child) = (column(b"id")?, column(b"child")?);
    let mut children: FxHashMap<Vec<u8>, u32> = FxHashMap::default();
    let mut out = Vec::new();
    let mut row = csv::ByteRecord::new();
    while reader.read_byte_record(&mut row)? {
        let next = children.len() as u32;
        let c = *children.entry(row[child].to_vec()).or_insert(next);
        out.push((String::from_utf8_lossy(&row[id]).into_owned(), c));
    }
    Ok(out)
}

fn main() -> Result<()> {
    let cli = <Cli as clap::Parser>::parse();
    let json = cli.link.json;
    let path = cli.file.clone();
    let started = Instant::now();
    let map: ColumnMap = SYNTH_MAP.parse()?;
    let file = std::fs::File::open(&path).with_context(|| format!("opening {path}"))?;
    let (records, row_errors) =
        parse_registry_reader(std::io::BufReader::with_capacity(1 << 20, file), &map)?;
    let read_s = started.elapsed().as_secs_f64();
    let linking = Instant::now();
    let mut settings = cli.link.settings()?;
    // Diagnostics: report every candidate pair to measure blocking recall.
    let blocking_recall = cli.blocking_recall;
    if blocking_recall {
        settings.report_threshold = 0.0;
    }
    let record_count = records.len();
    // Handing the records over frees them once encoded, as the CLI does.
    let result = dedupe_owned(records, &settings);
    let link_s = linking.elapsed().as_secs_f64();
    let wall_s = started.elapsed().as_secs_f64();
    let peak = casefile_bench::peak_rss_mib();

    // Scoring (not timed): the truth is read only now.
    let truth = truth(&path)?;
    let ids = result.ids();
    let in_order = truth.len() == ids.len() && truth.iter().zip(ids).all(|((id, _), r)| id == r);
    let child_of: Vec<u32> = if in_order {
        truth.into_iter().map(|(_, c)| c).collect()
    } else {
        let by_id: FxHashMap<String, u32> = truth.into_iter().collect();
        ids.iter()
            .map(|id| by_id.get(id).copied().unwrap_or(u32::MAX))
            .collect()
    };
    let mut per_child: FxHashMap<u32, u64> = FxHashMap::default();
    for &c in &child_of {
        *per_child.entry(c).or_default() += 1;
    }
    let true_pairs: u64 = per_child.values().map(|n| n * (n - 1) / 2).sum();
    let clusters = result.cluster_indices();
    let (mut predicted, mut correct) = (0u64, 0u64);
    for (a, b) in cluster_pairs(clusters) {
        predicted += 1;
        correct += u64::from(child_of[a as usize] == child_of[b as usize]);
    }
    let by_clusters = PairCounts::new(predicted, true_pairs, correct);
    let (mut predicted, mut correct) = (0u64, 0u64);
    for (a, b, _) in result.matches() {
        predicted += 1;
        correct += u64::from(child_of[a] == child_of[b]);
    }
    let by_pairs = PairCounts::new(predicted, true_pairs, correct);

    if blocking_recall {
        let index: FxHashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| (id.as_str(), k))
            .collect();
        let show_missed = std::env::var("SHOW_MISSED").ok();
        let show_wrong = std::env::var_os("SHOW_WRONG").is_some();
        let mut blocked_true = 0u64;
        // Calibration: per tenth of predicted probability, pairs and true pairs.
        let mut calibration = [(0u64, 0u64); 10];
        let mut by_level: FxHashMap<String, (u64, u64)> = FxHashMap::default();
        for pair in result.pairs() {
            let (a, b) = (index[pair.left.as_str()], index[pair.right.as_str()]);
            let same = child_of[a] == child_of[b];
            blocked_true += u64::from(same);
            let bin = &mut calibration[((pair.probability * 10.0) as usize).min(9)];
            bin.0 += 1;
            bin.1 += u64::from(same);
            let key = pair
                .fields
                .iter()
                .filter(|f| f.field == "birth" || f.field == "given" || f.field == "surname")
                .map(|f| f.level)
                .collect::<Vec<_>>()
                .join(" | ");
            let entry = by_level.entry(key.clone()).or_default();
            if same && pair.probability < result.threshold {
                entry.0 += 1;
                // SHOW_MISSED=LEVELS (e.g. "different | different | exact")
                // shows the missed pairs of those levels, any other value
                // the first of each.
                let show = match show_missed.as_deref() {
                    Some(levels) if levels == key => entry.0 <= 20,
                    Some(_) => entry.0 == 1,
                    None => false,
                };
                if show {
                    // Synthetic records only: printing them leaks no one's data.
                    println!("{}", serde_json::to_string(&pair)?);
                }
            }
            if !same && pair.probability >= result.threshold {
                entry.1 += 1;
                if entry.1 <= 2 && show_wrong {
                    println!("{}", serde_json::to_string(&pair)?);
                }
            }
        }
        println!(
            "blocking recall {:.4} ({blocked_true} of {true_pairs})",
            blocked_true as f64 / true_pairs as f64
        );
        println!("calibration (predicted probability: pairs, share true):");
        for (tenth, (pairs, true_pairs)) in calibration.iter().enumerate() {
            println!(
                "  {:.1}-{:.1}: {pairs:9} {:.3}",
                tenth as f64 / 10.0,
                (tenth + 1) as f64 / 10.0,
                *true_pairs as f64 / (*pairs).max(1) as f64
            );
        }
        if show_missed.is_some() {
            let blocked: std::collections::HashSet<(String, String)> =
                result.pairs().map(|p| (p.left, p.right)).collect();
            let mut members: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
            for (k, &c) in child_of.iter().enumerate() {
                members.entry(c).or_default().push(k);
            }
            let mut shown = 0;
            'children: for list in members.values() {
                for (x, &a) in list.iter().enumerate() {
                    for &b in &list[x + 1..] {
                        let key = (ids[a].clone(), ids[b].clone());
                        if !blocked.contains(&key) {
                            println!("unblocked {} {}", key.0, key.1);
                            shown += 1;
                            if shown == 40 {
                                break 'children;
                            }
                        }
                    }
                }
            }
        }
        let mut rows: Vec<_> = by_level.into_iter().collect();
        rows.sort_by_key(|(_, (missed, wrong))| std::cmp::Reverse(missed + wrong));
        for (levels, (missed, wrong)) in rows.into_iter().take(15) {
            println!("  missed {missed:6} wrong {wrong:6}  {levels}");
        }
    }
    if cli.model {
        for field in &result.model.fields {
            for level in &field.levels {
                println!(
                    "  {:12} {:32} m {:.4}  u {:.6}  w {:+.2}",
                    field.field, level.level, level.m, level.u, level.weight
                );
            }
        }
    }
    if json {
        println!(
            "{}",
            serde_json::json!({
                "tool": "casefile-link",
                "records": record_count,
                "row_errors": row_errors.len(),
                "f1": by_clusters.f1(),
                "precision": by_clusters.precision(),
                "recall": by_clusters.recall(),
                "pairs_f1": by_pairs.f1(),
                "wall_s": wall_s,
                "read_s": read_s,
                "link_s": link_s,
                "peak_rss_mib": peak,
                "stats": result.stats,
            })
        );
    } else {
        println!(
            "{} records ({} cell errors), {} true pairs",
            record_count,
            row_errors.len(),
            true_pairs
        );
        println!(
            "candidate pairs {}  patterns {}  matched pairs {}  clusters {}  lambda {:.3e}",
            result.stats.candidate_pairs,
            result.stats.distinct_patterns,
            result.stats.matched_pairs,
            result.stats.clusters,
            result.model.lambda
        );
        let stages: Vec<String> = result
            .stats
            .stage_seconds
            .iter()
            .map(|(stage, s)| format!("{stage} {s:.2}"))
            .collect();
        println!("stages (s): {}", stages.join(", "));
        for (rule, pairs) in &result.stats.pairs_per_rule {
            println!("  rule {rule}: {pairs} pairs");
        }
        println!("clusters: {by_clusters}");
        println!("matched pairs: {by_pairs}");
        println!(
            "wall time {wall_s:.3} s (read {read_s:.3} s, dedupe {link_s:.3} s)  peak RSS {} MiB",
            peak.map_or("?".into(), |p| format!("{p:.0}"))
        );
    }
    Ok(())
}
