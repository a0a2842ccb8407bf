//! PDF text extraction benchmark: pages per second through what ingest runs
//! on a PDF (`formats::pdf_pages`, then `text::prepare_pages`).
//!
//! `cargo run --release -p casefile-bench --bin bench-pdf -- [--rounds N] [FILE.pdf ...]`
//!
//! Without files it reads the test PDFs in `crates/formats/tests/data/`
//! (made from the sample corpus; the encrypted one is skipped).

use std::path::PathBuf;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut rounds = 50usize;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--rounds" {
            rounds = args.next().ok_or("--rounds needs a value")?.parse()?;
        } else {
            files.push(arg.into());
        }
    }
    if files.is_empty() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/data");
        files = ["report_uk.pdf", "scan_en.pdf"]
            .iter()
            .map(|f| dir.join(f))
            .collect();
    }
    let docs: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|f| std::fs::read(&f).map(|b| (f, b)))
        .collect::<Result<_, _>>()?;
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let (mut pages, mut text_bytes) = (0usize, 0usize);
    let started = Instant::now();
    for _ in 0..rounds {
        for (path, doc) in &docs {
            let texts =
                casefile_formats::pdf_pages(doc).map_err(|e| format!("{}: {e}", path.display()))?;
            pages += texts.len();
            text_bytes += casefile_text::prepare_pages(&texts).text.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "PDF text: {} documents × {rounds} rounds, {pages} pages, {:.1} MB of PDF, {:.1} MB of text in {secs:.2} s",
        docs.len(),
        (bytes * rounds) as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    println!(
        "PDF text extraction: {:.0} pages/s, {:.1} MB of PDF per second (one core)",
        pages as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs
    );
    Ok(())
}
