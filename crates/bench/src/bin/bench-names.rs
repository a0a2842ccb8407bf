//! Throughput of the public comparison functions, on the names of the
//! labelled pair set (so the figures reflect realistic mixed-script input).
//!
//! Usage: `cargo run --release -p casefile-bench --bin bench-names [PAIRS.tsv]`

use casefile_names::{compare, compare_given, compare_surname, latin_key, parse_name};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn per_call(label: &str, n: usize, f: impl FnMut()) {
    let mut f = f;
    let start = Instant::now();
    f();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label:16} {n:8} calls  {:9.2} µs/call  {:10.0} calls/s",
        secs * 1e6 / n as f64,
        n as f64 / secs
    );
}

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../names/data/pairs.tsv")
        });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench-names: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let pairs: Vec<(String, String)> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?.to_string(), c.next()?.to_string()))
        })
        .collect();
    // Field-level inputs: the given name and surname of each parsed side.
    let mut givens = Vec::new();
    let mut surnames = Vec::new();
    for (a, b) in &pairs {
        let (pa, pb) = (parse_name(a), parse_name(b));
        if let (Some(x), Some(y)) = (pa.given(), pb.given()) {
            givens.push((x.to_string(), y.to_string()));
        }
        if let (Some(x), Some(y)) = (pa.surname(), pb.surname()) {
            surnames.push((x, y));
        }
    }
    const ROUNDS: usize = 5;
    // Warm the lazily built tables.
    black_box(compare("Олександр", "Alexander"));
    println!(
        "bench-names on {} ({} pairs, {ROUNDS} rounds)",
        path.display(),
        pairs.len()
    );
    per_call("compare", pairs.len() * ROUNDS, || {
        for _ in 0..ROUNDS {
            for (a, b) in &pairs {
                black_box(compare(a, b));
            }
        }
    });
    per_call("compare_given", givens.len() * ROUNDS, || {
        for _ in 0..ROUNDS {
            for (a, b) in &givens {
                black_box(compare_given(a, b));
            }
        }
    });
    per_call("compare_surname", surnames.len() * ROUNDS, || {
        for _ in 0..ROUNDS {
            for (a, b) in &surnames {
                black_box(compare_surname(a, b));
            }
        }
    });
    per_call("latin_key", pairs.len() * ROUNDS, || {
        for _ in 0..ROUNDS {
            for (a, _) in &pairs {
                black_box(latin_key(a));
            }
        }
    });
    ExitCode::SUCCESS
}
