//! `casefile demo`: builds a project from the sample corpus compiled into the
//! binary and prints a short tour of what casefile does with it.

use crate::commands::{ingest_options, tally};
use anyhow::{bail, Context, Result};
use casefile_core::SourceKind;
use casefile_ingest::{IngestReport, NoProgress};
use casefile_store::{verify_project, Project, SearchQuery, Store};
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The sample corpus (written by the casefile team; see corpus/README.md).
static CORPUS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../corpus");

/// A file inside a demo project that lets `demo` replace it safely.
pub const DEMO_MARKER: &str = "DEMO-PROJECT";

/// Corpus folders and the kind of source each holds.
const FOLDERS: &[(&str, SourceKind)] = &[
    ("news", SourceKind::News),
    ("ngo", SourceKind::NgoStatement),
    ("reports", SourceKind::Report),
    ("official", SourceKind::Official),
    ("web", SourceKind::WebCapture),
];

const TOUR_QUERIES: &[(&str, Option<&str>)] = &[
    ("Lvova-Belova warrant", None),
    ("Лукашенко", None),
    ("оздоровлення дітей", Some("uk")),
    ("Dubrava", None),
];

/// Writes the embedded corpus under `dir` and returns the folder per kind.
fn unpack_corpus(dir: &Path) -> Result<Vec<(PathBuf, SourceKind)>> {
    CORPUS
        .extract(dir)
        .with_context(|| format!("cannot write the sample corpus to {}", dir.display()))?;
    Ok(FOLDERS
        .iter()
        .map(|(name, kind)| (dir.join(name), *kind))
        .collect())
}

pub fn run(dir: &Path, actor: &str) -> Result<u8> {
    ensure_replaceable_demo(dir)?;
    let started = Instant::now();
    let mut project = Project::init(dir, actor)?;
    std::fs::write(
        dir.join(DEMO_MARKER),
        "Built by `casefile demo`; the next `casefile demo` replaces this directory.\n",
    )
    .with_context(|| format!("cannot write to {}", dir.display()))?;
    let corpus = tempfile::tempdir().context("cannot create a temporary folder")?;
    let mut report = IngestReport::default();
    let mut bytes = 0u64;
    for (folder, kind) in unpack_corpus(corpus.path())? {
        let options = ingest_options(&project, actor, Some(kind));
        let part = casefile_ingest::ingest(&mut project, &[folder], &options, &NoProgress)?;
        for outcome in &part.outcomes {
            if let casefile_ingest::FileOutcome::Stored { bytes: b, .. } = outcome {
                bytes += b;
            }
        }
        report.indexed += part.indexed;
        report.outcomes.extend(part.outcomes);
    }
    crate::commands::print_ingest_report(&report, true, false)?;
    let elapsed = started.elapsed();

    println!("casefile demo: project built in {}", dir.display());
    println!(
        "ingested {} sources ({:.1} KiB) in {:.2} s: {} stored, {} already present, {} failed",
        report.outcomes.len(),
        bytes as f64 / 1024.0,
        elapsed.as_secs_f64(),
        report.stored(),
        report.already_present(),
        report.failed()
    );
    let sources = project.store.sources()?;
    println!(
        "by language: {}",
        tally(
            sources
                .iter()
                .map(|s| s.language.as_deref().unwrap_or("??"))
        )
    );
    println!(
        "by kind:     {}",
        tally(sources.iter().map(|s| s.kind.as_str()))
    );
    println!(
        "by format:   {}",
        tally(sources.iter().map(|s| s.media_type.as_str()))
    );

    let index = project.search_index()?;
    for (text, language) in TOUR_QUERIES {
        let query = SearchQuery {
            text: text.to_string(),
            language: language.map(str::to_string),
            limit: 3,
        };
        let hits = index.search(&project.store, &query)?;
        let scope = language.map(|l| format!(" [lang {l}]")).unwrap_or_default();
        println!();
        println!("search {text:?}{scope}: {} shown", hits.len());
        for hit in &hits {
            println!(
                "  {} [{}] {}",
                hit.source_id.short(),
                hit.language.as_deref().unwrap_or("??"),
                hit.title.as_deref().unwrap_or("(untitled)")
            );
            println!("    …{}…", hit.snippet.marked("«", "»"));
        }
    }

    println!();
    println!(
        "extraction: {} statements with spans; most mentioned persons:",
        project.store.statement_count()?
    );
    for person in crate::findings::resolve(&project.store, casefile_core::EntityKind::Person)?
        .iter()
        .take(4)
    {
        let others = person.variants.len().saturating_sub(1);
        println!(
            "  {} — {} mentions in {} sources, {others} other spellings",
            person.name,
            person.mentions,
            person.sources.len()
        );
    }
    println!("counts of children repeated across sources:");
    for row in crate::findings::child_count_rows(&project.store)?
        .iter()
        .take(3)
    {
        println!("  {}", row.summary());
    }

    let verdict = verify_project(&project)?;
    println!();
    println!(
        "verify: {} — {} originals re-hashed, {} audit entries in an unbroken chain",
        if verdict.ok() { "OK" } else { "FAILED" },
        verdict.blobs_checked,
        verdict.audit_entries
    );
    for fault in &verdict.faults {
        println!("  FAULT: {fault}");
    }
    println!();
    println!(
        "next: casefile --project {} search \"Dubrava\"",
        dir.display()
    );
    println!("      casefile --project {} sources", dir.display());
    Ok(if verdict.ok() && report.failed() == 0 {
        0
    } else {
        1
    })
}

/// Fails with a clear message unless `dir` is absent or an earlier demo project.
fn ensure_replaceable_demo(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    let marker = dir.join(DEMO_MARKER);
    if marker.is_file() {
        std::fs::remove_dir_all(dir)
            .with_context(|| format!("cannot remove the earlier demo project {}", dir.display()))?;
        return Ok(());
    }
    bail!(
        "{} exists and is not a demo project; choose another --dir",
        dir.display()
    )
}
