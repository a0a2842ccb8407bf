//! The scale benchmark of issue 14: a project of many generated sources
//! (default 100,000; the goal is 1,000,000, ~5.5 GB) ingested with
//! extraction, then searched, listed, resolved and verified, with the
//! figures printed.
//!
//! `cargo run --release -p casefile-bench --bin bench-scale -- --dir DIR [--sources N] [--batch N] [--size BYTES] [--queries N] [--seed N] [--no-extract] [--no-entities] [--database URL --schema NAME]`
//!
//! Everything is kept in `DIR` between runs, so that a million sources are
//! generated and ingested once and measured many times:
//! - `DIR/corpus-seedS-sizeZ-batchB/bNNNN/`: the generated documents, one
//!   directory of `--batch` documents per batch (a `.complete` file marks a
//!   batch written whole; a batch interrupted is written again). The
//!   folder is named by what shapes the documents, so a run with other
//!   parameters never reads batches made for another; a larger `--sources`
//!   only adds batches, and the project then ingests just those;
//! - `DIR/project` (or `DIR/project-SCHEMA` on PostgreSQL): the project, and
//!   `DIR/ingested-BACKEND-CORPUS.txt` the batches of that corpus already
//!   ingested into it. A run
//!   ingests the batches not yet listed, one `ingest` call each (a killed
//!   run loses nothing: the next one carries on with the batch it was in,
//!   whose stored files are found already present).
//!
//! Then, on the project as it is: search p50/p99 (top 10 with snippets),
//! `entities` (every kind resolved across sources: the first call resolves,
//! the second is kept), one `entity` page, `claims`, the whole `sources`
//! listing as `sources --json` writes it, `verify`, the disk footprint per
//! source and the peak resident memory of this process.

use anyhow::{bail, Context, Result};
use casefile_app::{entities, sources, Actor, Role};
use casefile_bench::measure::{cpu_seconds_since, cpu_time, print_search_latencies};
use casefile_bench::{peak_rss_mib, synthetic};
use casefile_ingest::{ingest, IngestOptions, NoProgress};
use casefile_store::{Backends, PgOptions, Project, S3Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The allocator the `casefile` binary uses, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    dir: PathBuf,
    sources: usize,
    batch: usize,
    size: usize,
    queries: usize,
    seed: u64,
    no_extract: bool,
    /// Skip `entities` and `entity` (resolution on the fly; quadratic in
    /// distinct organisation names today).
    no_entities: bool,
    database: Option<String>,
    schema: Option<String>,
}

fn parse_args() -> Result<Args> {
    let mut dir = None;
    let mut args = Args {
        dir: PathBuf::new(),
        sources: 100_000,
        batch: 10_000,
        size: 5_000,
        queries: 1_000,
        seed: 2023,
        no_extract: false,
        no_entities: false,
        database: None,
        schema: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--no-extract" {
            args.no_extract = true;
            continue;
        }
        if flag == "--no-entities" {
            args.no_entities = true;
            continue;
        }
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .with_context(|| format!("{flag}: {value:?} is not a number"))
        };
        match flag.as_str() {
            "--dir" => dir = Some(PathBuf::from(&value)),
            "--database" => args.database = Some(value.clone()),
            "--schema" => args.schema = Some(value.clone()),
            "--sources" => args.sources = number()? as usize,
            "--batch" => args.batch = number()?.max(1) as usize,
            "--size" => args.size = number()? as usize,
            "--queries" => args.queries = number()? as usize,
            "--seed" => args.seed = number()?,
            _ => bail!("unknown flag {flag}"),
        }
    }
    args.dir = dir.context("--dir DIR is required (the corpus and project are kept there)")?;
    if !args.sources.is_multiple_of(args.batch) {
        bail!(
            "--sources {} is not a multiple of --batch {}: a batch is written once and never grows",
            args.sources,
            args.batch
        );
    }
    if args.database.is_some() && args.schema.is_none() {
        bail!("--database needs --schema NAME (the project's tables are kept in that schema)");
    }
    Ok(args)
}

/// The corpus's folder in `DIR`, named by what shapes its documents.
fn corpus_name(args: &Args) -> String {
    format!(
        "corpus-seed{}-size{}-batch{}",
        args.seed, args.size, args.batch
    )
}

/// Writes the batches of the corpus that are not complete yet; returns the
/// batch directories and the corpus's size in bytes.
fn corpus(args: &Args) -> Result<(Vec<PathBuf>, u64)> {
    let root = args.dir.join(corpus_name(args));
    let batches = args.sources.div_ceil(args.batch);
    let mut dirs = Vec::with_capacity(batches);
    let mut total = 0u64;
    let started = Instant::now();
    let mut written = 0usize;
    for b in 0..batches {
        let dir = root.join(format!("b{b:04}"));
        let complete = dir.join(".complete");
        let first = b * args.batch;
        let last = ((b + 1) * args.batch).min(args.sources);
        if complete.exists() {
            total += std::fs::read_to_string(&complete)
                .ok()
                .and_then(|s| s.trim().parse::<u64>().ok())
                .with_context(|| format!("{} holds no size", complete.display()))?;
        } else {
            std::fs::create_dir_all(&dir)?;
            let mut bytes = 0u64;
            for i in first..last {
                let doc = synthetic::document(args.seed, i, args.size);
                bytes += doc.bytes.len() as u64;
                std::fs::write(dir.join(&doc.name), &doc.bytes)
                    .with_context(|| format!("writing {}", dir.display()))?;
            }
            std::fs::write(&complete, bytes.to_string())?;
            total += bytes;
            written += last - first;
        }
        dirs.push(dir);
    }
    if written > 0 {
        println!(
            "corpus: wrote {written} documents in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    println!(
        "corpus: {} documents, {:.1} MB in {} batches of {}",
        args.sources,
        total as f64 / 1e6,
        batches,
        args.batch
    );
    Ok((dirs, total))
}

fn open_project(args: &Args, actor: &Actor) -> Result<(Project, PathBuf, String)> {
    let (root, label) = match &args.schema {
        Some(schema) => (args.dir.join(format!("project-{schema}")), schema.clone()),
        None => (args.dir.join("project"), "embedded".to_string()),
    };
    let backends = Backends::connect(
        args.database.as_deref(),
        &PgOptions {
            schema: args.schema.clone(),
            ..PgOptions::default()
        },
        None,
        &S3Options::default(),
    )?;
    let project = if root.join("casefile.toml").exists() {
        sources::open_with(&root, &backends)?
    } else {
        sources::init_with(&root, actor, &backends)?
    };
    Ok((project, root, label))
}

/// The batches already ingested into the project, from its state file.
fn ingested(state: &Path) -> Result<Vec<String>> {
    match std::fs::read_to_string(state) {
        Ok(text) => Ok(text.lines().map(str::to_string).collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).with_context(|| format!("reading {}", state.display())),
    }
}

fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(t) if t.is_dir() => dir_bytes(&entry.path()),
            Ok(_) => entry.metadata().map_or(0, |m| m.len()),
            Err(_) => 0,
        })
        .sum()
}

/// Runs `f` and prints how long it took, wall and CPU.
fn timed<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<(T, Duration)> {
    let cpu = cpu_time();
    let started = Instant::now();
    let value = f()?;
    let wall = started.elapsed();
    let cpu = cpu_seconds_since(cpu).unwrap_or(f64::NAN);
    println!("{what}: {:.3} s wall, {cpu:.2} CPU-s", wall.as_secs_f64());
    Ok((value, wall))
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let actor = Actor::new("bench", Role::Admin);
    let (batches, corpus_bytes) = corpus(&args)?;
    let (mut project, root, label) = open_project(&args, &actor)?;
    println!("project: {} ({label})", root.display());

    let state = args
        .dir
        .join(format!("ingested-{label}-{}.txt", corpus_name(&args)));
    let done = ingested(&state)?;
    let options = IngestOptions {
        kind: None,
        meta: Default::default(),
        language: None,
        max_file_size: project.config.max_file_size,
        actor: actor.name.clone(),
        tool: "casefile bench-scale".into(),
        extract: !args.no_extract,
    };
    let (mut bytes, mut wall, mut cpu, mut stored, mut failed) = (0u64, 0f64, 0f64, 0usize, 0usize);
    for dir in &batches {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if done.contains(&name) {
            continue;
        }
        let batch_bytes = dir_bytes(dir);
        let before = cpu_time();
        let started = Instant::now();
        let report = ingest(
            &mut project,
            std::slice::from_ref(dir),
            &options,
            &NoProgress,
        )?;
        let batch_wall = started.elapsed().as_secs_f64();
        let batch_cpu = cpu_seconds_since(before).unwrap_or(f64::NAN);
        println!(
            "ingest {name}: {} stored, {} already present, {} failed, {:.1} MB in {batch_wall:.1} s wall, {:.1} MB per CPU-second",
            report.stored(),
            report.already_present(),
            report.failed(),
            batch_bytes as f64 / 1e6,
            batch_bytes as f64 / 1e6 / batch_cpu
        );
        bytes += batch_bytes;
        wall += batch_wall;
        cpu += batch_cpu;
        stored += report.stored();
        failed += report.failed();
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&state)?;
        writeln!(file, "{name}")?;
    }
    if bytes > 0 {
        println!(
            "ingest{}: {stored} stored, {failed} failed, {:.1} MB in {wall:.1} s: {:.1} MB/s wall, {:.1} MB per CPU-second",
            if args.no_extract { " (no extraction)" } else { " with extraction" },
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / wall,
            bytes as f64 / 1e6 / cpu
        );
    }
    drop(project);

    // Measured on the project opened afresh, as a new server or CLI sees it.
    let (mut project, _, _) = open_project(&args, &actor)?;
    let count = project.store().sources()?.len();
    let statements = project.store().statement_count()?;
    println!(
        "project: {count} sources, {statements} statements ({:.0} per source)",
        statements as f64 / count.max(1) as f64
    );

    let index = project.search_index()?;
    print_search_latencies(&index, project.store(), args.queries)?;

    let resolved = if args.no_entities {
        println!("entities: skipped (--no-entities)");
        Vec::new()
    } else {
        timed("entities, first call (resolution)", || {
            Ok(entities::entities(&project, &actor, None)?)
        })?
        .0
    };
    if !args.no_entities {
        timed("entities, second call (kept)", || {
            Ok(entities::entities(&project, &actor, None)?.len())
        })?;
        println!("entities: {} resolved", resolved.len());
    }
    if let Some(top) = resolved.iter().max_by_key(|e| e.mentions) {
        let (page, _) = timed("entity page of the most mentioned", || {
            Ok(entities::entity(&project, &actor, &top.id)?)
        })?;
        println!(
            "entity: {} mentions in {} sources; the page holds {} of its {} statements",
            top.mentions,
            top.sources.len(),
            page.statements.len(),
            page.statements_total
        );
    }
    let (rows, _) = timed("claims, first call", || {
        Ok(casefile_app::claims::claims(
            &project,
            &actor,
            "child-count",
        )?)
    })?;
    timed("claims, second call (kept)", || {
        Ok(casefile_app::claims::claims(&project, &actor, "child-count")?.len())
    })?;
    println!("claims: {} rows", rows.len());
    let (listing, _) = timed("sources listing as `sources --json`", || {
        let all = sources::sources(&project, &actor)?;
        Ok(serde_json::to_vec(&all)?)
    })?;
    println!("sources --json: {:.1} MB", listing.len() as f64 / 1e6);
    let (report, _) = timed("verify", || Ok(sources::verify(&project, &actor)?))?;
    println!(
        "verify: {} sources, {} blobs, {} audit entries, {} faults",
        report.sources,
        report.blobs_checked,
        report.audit_entries,
        report.faults.len()
    );
    let disk = dir_bytes(&root);
    println!(
        "disk: project folder {:.1} MB, {:.0} bytes per source; corpus {:.1} MB ({:.2}× the corpus){}",
        disk as f64 / 1e6,
        disk as f64 / count.max(1) as f64,
        corpus_bytes as f64 / 1e6,
        disk as f64 / corpus_bytes.max(1) as f64,
        if args.database.is_some() {
            " — the database is in PostgreSQL, not counted here"
        } else {
            ""
        }
    );
    if let Some(peak) = peak_rss_mib() {
        println!("peak memory: {peak:.0} MiB resident");
    }
    Ok(())
}
