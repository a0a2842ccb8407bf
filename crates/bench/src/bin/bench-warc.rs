//! WARC ingest benchmark.
//!
//! Writes a capture of N pages (default 10,000 synthetic HTML pages of
//! ~5 KB, each a request and a response record, gzipped record by record as
//! wget writes them), ingests it into a fresh project, and prints the
//! throughput in MB/s of the WARC as stored and as decompressed, and pages/s.
//!
//! `cargo run --release -p casefile-bench --bin bench-warc -- [--pages N] [--size BYTES] [--dir DIR] [--no-extract]`

use casefile_bench::synthetic;
use casefile_ingest::{ingest, IngestOptions, NoProgress};
use casefile_store::Project;
use std::io::Write;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    pages: usize,
    size: usize,
    seed: u64,
    dir: Option<std::path::PathBuf>,
    no_extract: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        pages: 10_000,
        size: 5_000,
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
        match flag.as_str() {
            "--dir" => args.dir = Some(value.into()),
            "--pages" | "--size" | "--seed" => {
                let n = value
                    .parse::<u64>()
                    .map_err(|_| format!("{flag}: {value:?} is not a number"))?;
                match flag.as_str() {
                    "--pages" => args.pages = n as usize,
                    "--size" => args.size = n as usize,
                    _ => args.seed = n,
                }
            }
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(args)
}

/// Page `i` as HTML: the synthetic HTML documents as they are, the others
/// wrapped in a page.
fn page(seed: u64, i: usize, size: usize) -> Vec<u8> {
    let doc = synthetic::document(seed, i, size);
    if doc.name.ends_with(".html") {
        return doc.bytes;
    }
    let text = String::from_utf8_lossy(&doc.bytes);
    let body: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", p.trim_start_matches("# ")))
        .collect();
    format!("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article>{body}</article></body></html>")
        .into_bytes()
}

fn record(kind: &str, n: usize, uri: &str, block: &[u8], digest: Option<&[u8]>) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\n\
         WARC-Date: 2024-01-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={kind}\r\n"
    );
    if let Some(payload) = digest {
        head.push_str(&format!(
            "WARC-Payload-Digest: sha1:{}\r\n",
            casefile_formats::sha1_base32(payload)
        ));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut out = head.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data)?;
    enc.finish()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let work = match &args.dir {
        Some(dir) => tempfile::tempdir_in(dir)?,
        None => tempfile::tempdir()?,
    };
    let warc_path = work.path().join("capture.warc.gz");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&warc_path)?);
    let mut raw_bytes = 0u64;
    for i in 0..args.pages {
        let uri = format!("http://127.0.0.1:8000/page/{i}.html");
        let request = format!("GET /page/{i}.html HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n");
        let body = page(args.seed, i, args.size);
        let mut response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        response.extend_from_slice(&body);
        for rec in [
            record("request", 2 * i, &uri, request.as_bytes(), None),
            record("response", 2 * i + 1, &uri, &response, Some(&body)),
        ] {
            raw_bytes += rec.len() as u64;
            file.write_all(&gzip(&rec)?)?;
        }
    }
    file.flush()?;
    drop(file);
    let gz_bytes = std::fs::metadata(&warc_path)?.len();
    let (gz_mb, raw_mb) = (gz_bytes as f64 / 1e6, raw_bytes as f64 / 1e6);
    println!(
        "capture: {} pages, {gz_mb:.1} MB gzipped per record, {raw_mb:.1} MB decompressed",
        args.pages
    );

    let mut project = Project::init(&work.path().join("project"), "bench")?;
    let options = IngestOptions {
        kind: None,
        meta: Default::default(),
        language: None,
        max_file_size: gz_bytes.max(project.config.max_file_size),
        actor: "bench".into(),
        tool: "casefile bench".into(),
        extract: !args.no_extract,
    };
    let started = Instant::now();
    let report = ingest(
        &mut project,
        std::slice::from_ref(&warc_path),
        &options,
        &NoProgress,
    )?;
    let wall = started.elapsed().as_secs_f64();
    println!(
        "ingest: {} pages stored, {} failed, {} indexed in {wall:.2} s wall (extraction {})",
        report.stored(),
        report.failed(),
        report.indexed,
        if args.no_extract { "off" } else { "on" }
    );
    println!(
        "WARC ingest throughput: {:.1} MB/s of WARC as stored, {:.1} MB/s decompressed, {:.0} pages/s ({} cores available)",
        gz_mb / wall,
        raw_mb / wall,
        report.stored() as f64 / wall,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // The reading alone: decompress, parse, check digests, decode bodies.
    let bytes = std::fs::read(&warc_path)?;
    let started = Instant::now();
    let scan = casefile_formats::read_pages(
        &bytes,
        &casefile_formats::WarcLimits {
            max_decompressed: raw_bytes * 2,
            max_body: 64 << 20,
        },
    )?;
    let read = started.elapsed().as_secs_f64();
    println!(
        "WARC reading alone: {} pages in {read:.2} s, {:.1} MB/s decompressed (one core)",
        scan.pages.len(),
        raw_mb / read
    );
    Ok(())
}
