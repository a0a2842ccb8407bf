//! Appending to a linked registry and linking again: how long `registry
//! append` and the next `dedupe` take on a large registry whose clusters
//! are stored (`casefile_app::linkage`), as the CLI runs them.
//!
//! The registry is a CSV made by `gen-registries`; its last `--append` rows
//! become the appended file and the rest is imported. Then: import, a
//! first dedupe (every cluster stored as new), the append, and a second
//! dedupe, each timed; the second run's clusters are reconciled with the
//! first's (ids kept, grown, new, merged, split), and the time of the run
//! is split into the linkage itself (its stages) and the rest (reading the
//! records back from their originals, reconciling and storing). The
//! second run scores with the model the first fitted and kept (`--refit`:
//! fits again, as every run did before models were kept). The first run
//! keeps its candidate pairs near and above the report floor
//! (`casefile_link::KeptPairs`), so the second compares only the records
//! appended; the sizes kept are printed. It also keeps the cluster of
//! every record (`casefile_app::linkage::KeptClusters`), which the second
//! run reconciles with instead of reading the live clusters from the store.
//! `--check` then
//! imports the whole file into a second project and deduplicates it with
//! the kept model, and says whether its clusters are those of the
//! incremental run.
//!
//! ```text
//! cargo run --release -p casefile-bench --bin gen-registries -- --records 101000 --out /tmp/r.csv
//! cargo run --release -p casefile-bench --bin bench-incremental -- --registry /tmp/r.csv [--append 1000] [--refit] [--check]
//! ```

use anyhow::{bail, Context, Result};
use casefile_app::linkage::{self, LinkRun};
use casefile_app::registries::{self, LinkOptions};
use casefile_app::{sources, Actor};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The column map of `gen-registries`' output.
const MAP: &str = "id=id,surname=surname,given=given,patronymic=patronymic,full_name=full_name,sex=sex,birth_date=birth_date,age=age,age_at=age_at,birthplace=birthplace";

fn main() -> Result<()> {
    let (mut registry, mut append) = (None::<PathBuf>, 1_000usize);
    let (mut refit, mut check) = (false, false);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().context("a flag without its value");
        match flag.as_str() {
            "--registry" => registry = Some(PathBuf::from(value()?)),
            "--append" => append = value()?.parse().context("--append N")?,
            "--refit" => refit = true,
            "--check" => check = true,
            other => bail!(
                "unknown flag {other:?} (--registry FILE.csv [--append N] [--refit] [--check])"
            ),
        }
    }
    let Some(registry) = registry else {
        bail!("give --registry FILE.csv (made by gen-registries)");
    };
    let text = std::fs::read_to_string(&registry)
        .with_context(|| format!("{}: cannot read", registry.display()))?;
    let mut lines = text.lines();
    let header = lines.next().context("an empty registry")?;
    let rows: Vec<&str> = lines.collect();
    if rows.len() <= append {
        bail!(
            "the registry has {} rows, not more than --append {append}",
            rows.len()
        );
    }
    let (base, added) = rows.split_at(rows.len() - append);
    let dir = tempfile::tempdir()?;
    let write = |name: &str, rows: &[&str]| -> Result<PathBuf> {
        let path = dir.path().join(name);
        let mut out = String::with_capacity(rows.len() * 96);
        out.push_str(header);
        out.push('\n');
        for r in rows {
            out.push_str(r);
            out.push('\n');
        }
        std::fs::write(&path, out)?;
        Ok(path)
    };
    let (base_file, added_file) = (write("base.csv", base)?, write("added.csv", added)?);
    let actor = Actor::local("bench");
    let mut project = sources::init(&dir.path().join("p"), &actor)?;
    let options = LinkOptions::default();

    let t = Instant::now();
    registries::import(&mut project, &actor, "list", &base_file, Some(MAP))?;
    println!(
        "import            {:>8} records  {:>7.2} s",
        base.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let first = linkage::run(&mut project, &actor, "list", None, &options)?;
    report("first dedupe", &first, t.elapsed().as_secs_f64());

    let t = Instant::now();
    let appended = registries::append(&mut project, &actor, "list", &added_file)?;
    let append_s = t.elapsed().as_secs_f64();
    println!(
        "append            {:>8} records  {:>7.2} s  ({} rows refused)",
        appended.append.records, append_s, appended.append.row_errors
    );
    let again = LinkOptions {
        refit,
        ..LinkOptions::default()
    };
    let t = Instant::now();
    let second = linkage::run(&mut project, &actor, "list", None, &again)?;
    let relink_s = t.elapsed().as_secs_f64();
    report("dedupe again", &second, relink_s);
    let s = &second.summary;
    println!(
        "clusters: {} kept their id ({} grew), {} new, {} merged, {} split, {} retired",
        s.kept, s.grown, s.new, s.merged, s.split, s.retired
    );
    println!(
        "pairs kept by the first run: {} ({:.1} MiB stored); the second {} ({} pairs kept, {:.1} MiB)",
        first.summary.kept_pairs,
        first.summary.kept_bytes as f64 / (1024.0 * 1024.0),
        match s.new_records {
            Some(n) => format!("compared only the {n} new records"),
            None => "compared every candidate pair".to_string(),
        },
        s.kept_pairs,
        s.kept_bytes as f64 / (1024.0 * 1024.0)
    );
    println!(
        "live clusters: {}",
        if s.clusters_from_kept {
            "per record as the first run kept them"
        } else {
            "read from the store"
        }
    );
    println!(
        "model: {}, fitted on {} records",
        if s.model_fitted {
            "fitted again"
        } else {
            "kept from the first run"
        },
        s.model_records
    );
    println!(
        "append + dedupe again: {:.2} s at {} records",
        append_s + relink_s,
        base.len() + appended.append.records as usize
    );
    if check {
        let scope = linkage::scope("list", None);
        let model = project.store().linkage_model(&scope)?;
        let whole = write("whole.csv", &rows)?;
        let mut full = sources::init(&dir.path().join("full"), &actor)?;
        registries::import(&mut full, &actor, "list", &whole, Some(MAP))?;
        let given = LinkOptions {
            model,
            ..LinkOptions::default()
        };
        let t = Instant::now();
        let run = linkage::run(&mut full, &actor, "list", None, &given)?;
        report("full, kept model", &run, t.elapsed().as_secs_f64());
        let members = |run: &LinkRun| -> BTreeSet<Vec<String>> {
            run.result
                .clusters()
                .into_iter()
                .map(|mut c| {
                    c.sort();
                    c
                })
                .collect()
        };
        let (incremental, full) = (members(&second), members(&run));
        println!(
            "check: the incremental run's {} clusters {} the full run's {} ({} only in the incremental run, {} only in the full run)",
            incremental.len(),
            if incremental == full { "equal" } else { "differ from" },
            full.len(),
            incremental.difference(&full).count(),
            full.difference(&incremental).count()
        );
    }
    if let Some(mib) = casefile_bench::peak_rss_mib() {
        println!("peak RSS {mib:.0} MiB");
    }
    Ok(())
}

fn report(what: &str, run: &LinkRun, seconds: f64) {
    let stages: f64 = run.result.stats.stage_seconds.iter().map(|(_, s)| s).sum();
    let detail: Vec<String> = run
        .result
        .stats
        .stage_seconds
        .iter()
        .map(|(name, s)| format!("{name} {s:.2}"))
        .collect();
    // "read and link" less the linkage's stages: reading the records
    // back from their originals (and the decisions and kept state).
    let parts: Vec<String> = run
        .summary
        .stage_seconds
        .iter()
        .map(|&(name, s)| match name {
            "read and link" => format!("reading records {:.2}", s - stages),
            _ => format!("{name} {s:.2}"),
        })
        .collect();
    println!(
        "{what:<17} {:>8} clusters  {seconds:>7.2} s  (linkage {stages:.2} s: {}; reading, reconciling and storing {:.2} s: {})",
        run.summary.ids.len(),
        detail.join(", "),
        seconds - stages,
        parts.join(", ")
    );
}
