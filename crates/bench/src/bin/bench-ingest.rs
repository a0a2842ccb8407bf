//! Ingest and search benchmark.
//!
//! Generates a corpus (default 10,000 documents, ~50 MB), ingests it into a
//! fresh project, and prints ingest throughput (MB/s and documents/s, per wall
//! second and per CPU second) and search latency p50/p99 over 1,000 queries.
//!
//! `cargo run --release -p casefile-bench --bin bench-ingest -- [--docs N] [--size BYTES] [--queries N] [--dir DIR] [--no-extract]`
//!
//! `--dir` chooses the filesystem: creating one file per original is most of
//! the system time on a disk with many recently deleted files, so compare
//! with a tmpfs (`--dir /dev/shm`) to see the software's own cost.

use casefile_bench::measure::{cpu_time, print_search_latencies};
use casefile_bench::synthetic;
use casefile_ingest::{ingest, IngestOptions, NoProgress};
use casefile_store::Project;
use std::time::Instant;

/// The allocator the `casefile` binary uses, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    docs: usize,
    size: usize,
    queries: usize,
    seed: u64,
    /// Where to generate the corpus and the project (default: the system temp dir).
    dir: Option<std::path::PathBuf>,
    /// Skip extraction (measure decoding, storing and indexing alone).
    no_extract: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        docs: 10_000,
        size: 5_000,
        queries: 1_000,
        seed: 2023,
        dir: None,
        no_extract: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--no-extract" {
            args.no_extract = true;
            continue;
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        if flag == "--dir" {
            args.dir = Some(value.into());
            continue;
        }
        let number = value
            .parse::<u64>()
            .map_err(|_| format!("{flag}: {value:?} is not a number"))?;
        match flag.as_str() {
            "--docs" => args.docs = number as usize,
            "--size" => args.size = number as usize,
            "--queries" => args.queries = number as usize,
            "--seed" => args.seed = number,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(args)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let work = match &args.dir {
        Some(dir) => tempfile::tempdir_in(dir)?,
        None => tempfile::tempdir()?,
    };
    let corpus = work.path().join("corpus");
    let bytes = synthetic::write_corpus(&corpus, args.seed, args.docs, args.size)?;
    let mb = bytes as f64 / 1e6;
    println!("corpus: {} documents, {mb:.1} MB", args.docs);

    let mut project = Project::init(&work.path().join("project"), "bench")?;
    let options = IngestOptions {
        kind: None,
        meta: Default::default(),
        language: None,
        max_file_size: project.config.max_file_size,
        actor: "bench".into(),
        tool: "casefile bench".into(),
        extract: !args.no_extract,
    };
    let cpu_before = cpu_time();
    let started = Instant::now();
    let report = ingest(&mut project, &[corpus], &options, &NoProgress)?;
    let wall = started.elapsed().as_secs_f64();
    let cpu = match (cpu_before, cpu_time()) {
        (Some(a), Some(b)) => Some(((b.0 - a.0).as_secs_f64(), (b.1 - a.1).as_secs_f64())),
        _ => None,
    };
    println!(
        "ingest: {} stored, {} failed, {} indexed in {wall:.2} s wall",
        report.stored(),
        report.failed(),
        report.indexed
    );
    println!(
        "ingest throughput: {:.1} MB/s, {:.0} documents/s (wall, {} cores available)",
        mb / wall,
        args.docs as f64 / wall,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    if let Some((user, system)) = cpu {
        println!(
            "ingest per core: {:.1} MB/s per CPU-second ({:.2} CPU-s: {user:.2} user, {system:.2} system); {:.1} MB/s per user CPU-second",
            mb / (user + system),
            user + system,
            mb / user
        );
    }

    let statements = project.store().statement_count()?;
    println!(
        "statements stored: {statements} ({:.0} per document)",
        statements as f64 / args.docs.max(1) as f64
    );
    let index = project.search_index()?;
    print_search_latencies(&index, project.store(), args.queries)?;
    Ok(())
}
