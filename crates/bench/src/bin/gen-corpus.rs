//! Writes the synthetic corpus (`casefile_bench::synthetic`) as files, for
//! benchmarks that ingest through the `casefile` binary or the server (the
//! load benchmark `crates/server/bench/load.sh`, the soak test).
//!
//! `cargo run --release -p casefile-bench --bin gen-corpus -- --out DIR [--docs N] [--size BYTES] [--seed S] [--first I]`
//!
//! Documents are numbered from `--first` (default 0), so that two runs with
//! different ranges write disjoint corpora; file names and a marker word in
//! each text (`docmarker<i>`) carry the number.

use anyhow::{bail, Context, Result};
use casefile_bench::synthetic;
use std::path::PathBuf;

fn main() -> Result<()> {
    let mut out: Option<PathBuf> = None;
    let (mut docs, mut size, mut seed, mut first) = (1_000usize, 2_000usize, 2023u64, 0usize);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .with_context(|| format!("{flag}: {value:?} is not a number"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(&value)),
            "--docs" => docs = number()? as usize,
            "--size" => size = number()? as usize,
            "--seed" => seed = number()?,
            "--first" => first = number()? as usize,
            other => bail!("unknown option {other}"),
        }
    }
    let Some(out) = out else {
        bail!("--out DIR is required");
    };
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut bytes = 0u64;
    for i in first..first + docs {
        let doc = synthetic::document(seed, i, size);
        bytes += doc.bytes.len() as u64;
        let path = out.join(&doc.name);
        std::fs::write(&path, &doc.bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!(
        "gen-corpus: {docs} documents, {:.1} MB in {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
