//! Writes the `casefile extract FILE --json` output of every given file into one
//! folder (one `.json` per file, named after its path), so that a change meant to
//! keep outputs identical (a speed-up) can be checked with `diff -r` against a
//! snapshot taken before it. Documents are prepared exactly as `casefile extract`
//! prepares them (`casefile_text::prepare_document`, its language and date).
//!
//! Usage: `cargo run --release -p casefile-extract --example snapshot -- OUT_DIR FILE...`

use std::path::Path;

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().context("usage: snapshot OUT_DIR FILE...")?;
    std::fs::create_dir_all(&out).with_context(|| format!("{out}: cannot create"))?;
    for file in args {
        let path = Path::new(&file);
        let bytes = std::fs::read(path).with_context(|| format!("{file}: cannot read"))?;
        let name = path.file_name().and_then(|n| n.to_str());
        let doc = casefile_text::prepare_document(&bytes, name).with_context(|| file.clone())?;
        let published = doc
            .meta
            .published
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let extraction = casefile_extract::extract(&doc.text, doc.language, published);
        let target = Path::new(&out).join(format!("{}.json", file.replace('/', "__")));
        std::fs::write(&target, serde_json::to_string_pretty(&extraction)? + "\n")
            .with_context(|| format!("{}: cannot write", target.display()))?;
    }
    Ok(())
}
