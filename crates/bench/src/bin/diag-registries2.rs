//! Diagnoses a cross-script link of `gen-registries2` lists: for every
//! true pair, whether the default run matched it, reported it below the
//! threshold, scored it under the report floor, or never compared it (no
//! blocking rule paired it); and every false match. One TSV line a pair,
//! with both records and the comparison levels, for analysis by class.
//! Synthetic records only: no one's data.
//!
//! Usage: diag-registries2 DIR > pairs.tsv
//!
//! A directory of one list (latin mode) is deduplicated instead: every
//! false match (FP), every true pair reported under the threshold
//! (FN_below) or not reported (FN_unreported), and the TP, one line each.
//!
//! JOINT=1 reads three or more lists together (`casefile_link::join`, as
//! `eval-registries2` does). The last column says, per third list, whether
//! the two records' best matches there (p >= threshold) are one record
//! (bridged), two (apart), or one side's only (left_only, right_only).
//!
//! ALL_REPORTED=1 adds the reported pairs under the threshold that are
//! not true (TN_reported), for calibration; SHOW_MODEL=1 prints each
//! link's fitted model (m, u and weight of every level) on stderr.
//! Status: TP, FN_below (reported under the threshold), FN_floor (scored
//! under the report floor), FN_unblocked (no blocking rule paired it), FP.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, Result};
use casefile_link::{detect_column_map, link, parse_registry_bytes, Record, Settings};

#[derive(Debug, clap::Parser)]
struct Cli {
    /// A directory written by gen-registries2.
    dir: PathBuf,
}

fn read(path: &std::path::Path) -> Result<Vec<Record>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = casefile_text::decode(&bytes)
        .map(|d| d.text)
        .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
    let map = detect_column_map(text.as_bytes())?;
    let (records, _) = parse_registry_bytes(text.as_bytes(), &map, &|_| false)?;
    Ok(records)
}

/// A pair's comparison levels, one "field:level(weight)" a field, space-separated.
fn levels_of(fields: &[casefile_link::FieldContribution]) -> String {
    fields
        .iter()
        .map(|f| format!("{}:{}({:+.1})", f.field, f.level, f.weight))
        .collect::<Vec<_>>()
        .join(" ")
}

fn show(r: &Record) -> String {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}",
        r.id,
        o(&r.full_name),
        o(&r.surname),
        o(&r.given),
        o(&r.patronymic),
        r.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        r.age.map(|a| a.to_string()).unwrap_or_default(),
        r.sex.map(|s| format!("{s:?}")).unwrap_or_default(),
        o(&r.last_place).to_string() + &o(&r.birthplace),
    )
}

/// A one-list (Latin) dedupe: every false match above the threshold and
/// every true pair under it, with the levels, as for a link.
fn dedupe_diag(
    file: &str,
    list: &[Record],
    truth: &HashMap<(String, String), String>,
) -> Result<()> {
    let result = casefile_link::dedupe(list, &Settings::default());
    let by_id: HashMap<&str, &Record> = list.iter().map(|r| (r.id.as_str(), r)).collect();
    let child = |id: &str| truth.get(&(file.to_string(), id.to_string()));
    let mut reported = HashSet::new();
    for p in result.pairs() {
        let levels = levels_of(&p.fields);
        let same = child(&p.left).is_some() && child(&p.left) == child(&p.right);
        let status = match (same, p.probability >= result.threshold) {
            (true, true) => "TP",
            (true, false) => "FN_below",
            (false, true) => "FP",
            (false, false) => continue,
        };
        if same {
            reported.insert((p.left.clone(), p.right.clone()));
            reported.insert((p.right.clone(), p.left.clone()));
        }
        let (Some(l), Some(r)) = (by_id.get(p.left.as_str()), by_id.get(p.right.as_str())) else {
            continue;
        };
        println!(
            "dedupe\t{status}\t{:.3}\t-\t{}\t{}\t{}\t",
            p.probability,
            show(l),
            show(r),
            levels
        );
    }
    let mut by_child: HashMap<&String, Vec<&Record>> = HashMap::new();
    for r in list {
        if let Some(c) = child(&r.id) {
            by_child.entry(c).or_default().push(r);
        }
    }
    for rs in by_child.values() {
        for i in 0..rs.len() {
            for j in i + 1..rs.len() {
                if !reported.contains(&(rs[i].id.clone(), rs[j].id.clone())) {
                    println!(
                        "dedupe\tFN_unreported\t0\t-\t{}\t{}\t\t",
                        show(rs[i]),
                        show(rs[j])
                    );
                }
            }
        }
    }
    Ok(())
}

fn main() -> Result<()> {
    let cli = <Cli as clap::Parser>::parse();
    let casefile_bench::registries2::Truth {
        child: truth,
        files,
    } = casefile_bench::registries2::read_truth(&cli.dir)?;
    let lists: Vec<Vec<Record>> = files
        .iter()
        .map(|f| read(&cli.dir.join(f)))
        .collect::<Result<_>>()?;
    println!("link\tstatus\tp\tp_all\tleft\tright\tlevels\tbridge");
    if files.len() == 1 {
        return dedupe_diag(&files[0], &lists[0], &truth);
    }
    // Every link first (default settings), read together when JOINT is set
    // (as `registries::link_together` does), and once more with every
    // blocked pair reported, for the statuses under the report floor.
    let mut pairs_of = Vec::new();
    let mut results = Vec::new();
    for a in 0..files.len() {
        for b in a + 1..files.len() {
            pairs_of.push((a, b));
            results.push(link(&lists[a], &lists[b], &Settings::default()));
        }
    }
    if std::env::var_os("JOINT").is_some() && files.len() >= 3 {
        casefile_link::join(&mut results, &pairs_of)?;
    }
    // Per link, each record's best match (p >= threshold) on the other side.
    let best: Vec<(HashMap<String, String>, HashMap<String, String>)> = results
        .iter()
        .map(|r| {
            let mut l2r: HashMap<String, (f64, String)> = HashMap::new();
            let mut r2l: HashMap<String, (f64, String)> = HashMap::new();
            for p in r.pairs() {
                if p.probability < r.threshold {
                    continue;
                }
                let e = l2r.entry(p.left.clone()).or_insert((0.0, String::new()));
                if p.probability > e.0 {
                    *e = (p.probability, p.right.clone());
                }
                let e = r2l.entry(p.right.clone()).or_insert((0.0, String::new()));
                if p.probability > e.0 {
                    *e = (p.probability, p.left.clone());
                }
            }
            (
                l2r.into_iter()
                    .map(|(k, v)| (k, format!("{}\t{:.3}", v.1, v.0)))
                    .collect(),
                r2l.into_iter()
                    .map(|(k, v)| (k, format!("{}\t{:.3}", v.1, v.0)))
                    .collect(),
            )
        })
        .collect();
    // The best match of record `id` of list `from` in list `to`.
    let best_in = |from: usize, id: &str, to: usize| -> Option<&String> {
        let k = pairs_of
            .iter()
            .position(|&(x, y)| (x, y) == (from.min(to), from.max(to)))?;
        if from < to {
            best[k].0.get(id)
        } else {
            best[k].1.get(id)
        }
    };
    // BRIDGES=1: every pair of records of two lists that are each the best
    // match of one record of a third list, with whether the link reported
    // it and whether it is true: what comparing bridged pairs would add.
    if std::env::var_os("BRIDGES").is_some() {
        for (k, &(a, b)) in pairs_of.iter().enumerate() {
            let reported: HashMap<(String, String), f64> = results[k]
                .pairs()
                .map(|p| ((p.left, p.right), p.probability))
                .collect();
            let every: HashMap<(String, String), (f64, String)> = link(
                &lists[a],
                &lists[b],
                &Settings {
                    report_threshold: 1e-9,
                    ..Settings::default()
                },
            )
            .pairs()
            .map(|p| {
                let levels = levels_of(&p.fields);
                ((p.left, p.right), (p.probability, levels))
            })
            .collect();
            for (c, list) in lists.iter().enumerate().take(files.len()) {
                if c == a || c == b {
                    continue;
                }
                for u in list {
                    let (Some(x), Some(y)) = (best_in(c, &u.id, a), best_in(c, &u.id, b)) else {
                        continue;
                    };
                    let (Some((x, px)), Some((y, py))) = (x.split_once('\t'), y.split_once('\t'))
                    else {
                        continue;
                    };
                    let (x, y) = (x.to_string(), y.to_string());
                    let p = reported
                        .get(&(x.clone(), y.clone()))
                        .copied()
                        .unwrap_or(-1.0);
                    let same = truth.contains_key(&(files[a].clone(), x.clone()))
                        && truth.get(&(files[a].clone(), x.clone()))
                            == truth.get(&(files[b].clone(), y.clone()));
                    let (p_all, levels) = every
                        .get(&(x.clone(), y.clone()))
                        .map_or((-1.0, ""), |(p, l)| (*p, l.as_str()));
                    println!(
                        "BRIDGE\t{}x{}\t{}\t{p:.3}\t{p_all:.5}\t{x}\t{y}\t{}\t{px}\t{py}\t{levels}",
                        files[a],
                        files[b],
                        if same { "true" } else { "false" },
                        u.id
                    );
                }
            }
        }
    }
    for (k, &(a, b)) in pairs_of.iter().enumerate() {
        {
            let (left, right) = (&lists[a], &lists[b]);
            let result = &results[k];
            let bridge = |l: &str, r: &str| -> String {
                let mut out = Vec::new();
                for c in 0..files.len() {
                    if c == a || c == b {
                        continue;
                    }
                    let s = match (best_in(a, l, c), best_in(b, r, c)) {
                        (Some(x), Some(y)) if x.split('\t').next() == y.split('\t').next() => {
                            "bridged"
                        }
                        (Some(_), Some(_)) => "apart",
                        (Some(_), None) => "left_only",
                        (None, Some(_)) => "right_only",
                        (None, None) => "none",
                    };
                    out.push(s);
                }
                out.join(",")
            };
            if std::env::var_os("SHOW_MODEL").is_some() {
                eprintln!(
                    "MODEL {}x{} lambda {:.3e}",
                    files[a], files[b], result.model.lambda
                );
                for (((rule, pairs), (_, window)), fit) in result
                    .stats
                    .pairs_per_rule
                    .iter()
                    .zip(&result.model.block_windows)
                    .zip(
                        result
                            .model
                            .rule_fits
                            .iter()
                            .map(Some)
                            .chain(std::iter::repeat(None)),
                    )
                {
                    let fit = fit.map_or(String::new(), |f| {
                        format!(
                            "; EM {:.1} matches of {:.0} (for λ {}), recall {}, {}",
                            f.matches,
                            f.pairs,
                            f.lambda_matches
                                .map_or("-".to_string(), |x| format!("{x:.1}")),
                            f.recall.map_or("-".to_string(), |r| format!("{r:.4}")),
                            if f.used { "used" } else { "left out" }
                        )
                    });
                    eprintln!("  rule {rule}: {pairs} pairs, window {window}{fit}");
                }
                for f in &result.model.fields {
                    for l in &f.levels {
                        eprintln!(
                            "  {}\t{}\tm={:.4}\tu={:.5}\tw={:+.2}",
                            f.field, l.level, l.m, l.u, l.weight
                        );
                    }
                }
            }
            let all = link(
                left,
                right,
                &Settings {
                    report_threshold: 1e-9,
                    ..Settings::default()
                },
            );
            let child = |f: usize, id: &str| truth.get(&(files[f].clone(), id.to_string()));
            let mut reported: HashMap<(String, String), (f64, String)> = HashMap::new();
            for p in result.pairs() {
                let levels = levels_of(&p.fields);
                reported.insert((p.left, p.right), (p.probability, levels));
            }
            let mut blocked: HashMap<(String, String), (f64, String)> = HashMap::new();
            for p in all.pairs() {
                let levels = levels_of(&p.fields);
                blocked.insert((p.left, p.right), (p.probability, levels));
            }
            let by_child_right: HashMap<&String, Vec<&Record>> =
                right.iter().fold(HashMap::new(), |mut m, r| {
                    if let Some(c) = child(b, &r.id) {
                        m.entry(c).or_default().push(r);
                    }
                    m
                });
            let right_by_id: HashMap<&str, &Record> =
                right.iter().map(|r| (r.id.as_str(), r)).collect();
            let name = format!("{}x{}", files[a], files[b]);
            let mut seen = HashSet::new();
            for l in left {
                let Some(c) = child(a, &l.id) else { continue };
                for r in by_child_right.get(c).into_iter().flatten() {
                    let key = (l.id.clone(), r.id.clone());
                    seen.insert(key.clone());
                    let (status, p, levels) = match reported.get(&key) {
                        Some((p, lv)) if *p >= result.threshold => ("TP", *p, lv.clone()),
                        Some((p, lv)) => ("FN_below", *p, lv.clone()),
                        None => match blocked.get(&key) {
                            Some((p, lv)) => ("FN_floor", *p, lv.clone()),
                            None => ("FN_unblocked", 0.0, String::new()),
                        },
                    };
                    let p_all = blocked.get(&key).map_or(-1.0, |x| x.0);
                    println!(
                        "{name}\t{status}\t{p:.3}\t{p_all:.3}\t{}\t{}\t{levels}\t{}",
                        show(l),
                        show(r),
                        bridge(&l.id, &r.id)
                    );
                }
            }
            let left_by_id: HashMap<&str, &Record> =
                left.iter().map(|r| (r.id.as_str(), r)).collect();
            let every = std::env::var_os("ALL_REPORTED").is_some();
            for ((li, ri), (p, levels)) in &reported {
                if seen.contains(&(li.clone(), ri.clone())) || (*p < result.threshold && !every) {
                    continue;
                }
                let (Some(l), Some(r)) =
                    (left_by_id.get(li.as_str()), right_by_id.get(ri.as_str()))
                else {
                    continue;
                };
                let status = if *p < result.threshold {
                    "TN_reported"
                } else {
                    "FP"
                };
                println!(
                    "{name}\t{status}\t{p:.3}\t{p:.3}\t{}\t{}\t{levels}\t{}",
                    show(l),
                    show(r),
                    bridge(li, ri)
                );
            }
        }
    }
    Ok(())
}
