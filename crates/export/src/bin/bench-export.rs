//! Export and verify benchmark: writes a signed bag of a generated case of
//! about 1 GB of originals and verifies it, printing MB/s for each.
//!
//! `cargo run --release -p casefile-export --bin bench-export -- [--mb 1024] [--files 256] [--dir /tmp/casefile-bench-export] [--profile court|public]`
//!
//! The originals are generated once into `DIR/originals` (reused when they
//! are already there) and streamed from their files, as the application
//! streams blobs. The bag goes to `DIR/bag` (replaced on each run). Verify
//! reads the bag right after it was written, so mostly from the page cache;
//! the figure is the hashing and walking cost, not the disk's.

use casefile_core::*;
use casefile_export::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Args {
    mb: u64,
    files: u64,
    dir: PathBuf,
    profile: Profile,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        mb: 1024,
        files: 256,
        dir: std::env::temp_dir().join("casefile-bench-export"),
        profile: Profile::Court,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: {value:?} is not a number"))
        };
        match flag.as_str() {
            "--mb" => args.mb = number()?,
            "--files" => args.files = number()?.max(1),
            "--dir" => args.dir = value.into(),
            "--profile" => args.profile = value.parse().map_err(|e| format!("{e}"))?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(args)
}

/// Deterministic text-like bytes (words of a small alphabet), fast to make.
fn fill(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        for b in state.to_le_bytes() {
            out.push(if b % 7 == 0 { b' ' } else { b'a' + b % 26 });
        }
    }
    out.truncate(len);
    out
}

/// Generates (or finds) the originals; returns their paths and hashes.
fn originals(
    dir: &Path,
    files: u64,
    bytes_each: usize,
) -> Result<Vec<(PathBuf, String, u64)>, String> {
    let dir = dir.join("originals");
    let marker = dir.join(format!("complete-{files}x{bytes_each}"));
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    let reuse = marker.exists();
    for i in 0..files {
        let path = dir.join(format!("original-{i:05}.txt"));
        let bytes = if reuse {
            fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?
        } else {
            let bytes = fill(i + 1, bytes_each);
            let mut file =
                fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            file.write_all(&bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            bytes
        };
        out.push((path, sha256_hex(&bytes), bytes.len() as u64));
    }
    if !reuse {
        fs::write(&marker, b"").map_err(|e| format!("{}: {e}", marker.display()))?;
    }
    Ok(out)
}

fn bundle(originals: Vec<(PathBuf, String, u64)>) -> CaseBundle {
    let mut sources = Vec::new();
    let mut entities = Vec::new();
    let mut statements = Vec::new();
    for (i, (path, sha, size)) in originals.into_iter().enumerate() {
        // The clean text is a short excerpt: what matters here are the originals.
        let text =
            format!("Report {i}: Maria Lvova-Belova said 48 children were taken to Belarus.");
        let source = Source {
            id: SourceId(sha.clone()),
            kind: SourceKind::Report,
            media_type: MediaType::PlainText,
            encoding: "UTF-8".into(),
            language: Some("en".into()),
            meta: SourceMeta {
                title: Some(format!("Generated report {i}")),
                ..SourceMeta::default()
            },
            custody: Custody {
                ingested_at: "2026-01-01T00:00:00Z".into(),
                ingested_by: "bench".into(),
                original_path: path.display().to_string(),
                tool: "casefile bench".into(),
                size,
                sha256: sha,
                capture: None,
            },
            text,
            pages: None,
        };
        let quote = "Maria Lvova-Belova";
        let start = source.text.find(quote).unwrap_or(0);
        let entity = EntityId(format!("person-{i}"));
        entities.push(Entity {
            id: entity.clone(),
            kind: EntityKind::Person,
            caption: quote.into(),
        });
        statements.push(Statement {
            id: Some(StatementId(i as i64 + 1)),
            entity,
            property: "name".into(),
            value: quote.into(),
            source: Some(source.id.clone()),
            span: Span::of(&source.text, start, start + quote.len()),
            origin: Origin::Rule,
            confidence: 0.9,
            status: Status::Proposed,
        });
        sources.push(BundleSource {
            source,
            original: Original::File(path),
            restricted: false,
        });
    }
    // One child record (from a registry, no source), so that a public export
    // searches every original for the child's protected values.
    let child = EntityId("child:bench:1".into());
    entities.push(Entity {
        id: child.clone(),
        kind: EntityKind::Child,
        caption: "bench record 1".into(),
    });
    for (property, value) in [
        ("fullName", "Олександра Мирошниченко"),
        ("birthDate", "2011-04-17"),
    ] {
        statements.push(Statement {
            id: None,
            entity: child.clone(),
            property: property.into(),
            value: value.into(),
            source: None,
            span: None,
            origin: Origin::Import,
            confidence: 1.0,
            status: Status::Confirmed,
        });
    }
    CaseBundle {
        case: Case {
            id: CaseId(1),
            name: "bench".into(),
            description: String::new(),
            created_at: "2026-01-01T00:00:00Z".into(),
        },
        sources,
        entities,
        statements,
        audit: Vec::new(),
        audit_head_hash: casefile_core::GENESIS_HASH.into(),
        organisation: Organisation {
            name: "bench".into(),
            ..Organisation::default()
        },
        captures: Vec::new(),
    }
}

/// CPU seconds (user + system) this process has used so far, from
/// `/proc/self/stat` (Linux; `None` elsewhere). The machine is shared, so
/// MB per CPU-second is the figure that does not depend on the neighbours.
fn cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0) // USER_HZ is 100 on Linux
}

fn per_cpu(mb: f64, before: Option<f64>) -> String {
    match (before, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => {
            format!("{:.2} CPU-s, {:.0} MB per CPU-second", b - a, mb / (b - a))
        }
        _ => "CPU time unknown".into(),
    }
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let bytes_each = (args.mb * 1_048_576 / args.files) as usize;
    let started = Instant::now();
    let originals = originals(&args.dir, args.files, bytes_each)?;
    println!(
        "originals: {} files of {} bytes in {} ({:.1} s to generate or read)",
        args.files,
        bytes_each,
        args.dir.join("originals").display(),
        started.elapsed().as_secs_f64()
    );
    let bundle = bundle(originals);
    let out = args.dir.join("bag");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let key = generate_signing_key();

    let cpu = cpu_seconds();
    let started = Instant::now();
    let report = write_bag(&bundle, &out, args.profile, &key).map_err(|e| e.to_string())?;
    let write_s = started.elapsed().as_secs_f64();
    let mb = report.payload_bytes as f64 / 1_000_000.0;
    println!(
        "export ({}): {} payload files, {:.0} MB in {:.2} s = {:.0} MB/s ({})",
        args.profile,
        report.payload_files,
        mb,
        write_s,
        mb / write_s,
        per_cpu(mb, cpu)
    );

    let cpu = cpu_seconds();
    let started = Instant::now();
    let check = verify_package(&out, Some(&key.verifying_key()));
    let verify_s = started.elapsed().as_secs_f64();
    if !check.is_valid() {
        return Err(format!("the bag does not verify: {:?}", check.problems));
    }
    let mb = check.payload_bytes as f64 / 1_000_000.0;
    println!(
        "verify: {} payload files, {:.0} MB in {:.2} s = {:.0} MB/s ({})",
        check.payload_files,
        mb,
        verify_s,
        mb / verify_s,
        per_cpu(mb, cpu)
    );
    Ok(())
}
