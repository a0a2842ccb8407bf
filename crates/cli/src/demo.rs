//! `casefile demo`: builds the demo project (`casefile_app::demo`) and prints
//! its tour.

use crate::commands::{print_ingest_summary, tally};
use crate::findings::claim_summary;
use anyhow::Result;
use casefile_app::{demo, Actor};
use std::path::Path;

pub fn run(dir: &Path, actor: &Actor) -> Result<u8> {
    let report = demo::build(dir, actor)?;
    print_ingest_summary(&report.ingest, true, false)?;
    let ingest = &report.ingest;
    println!("casefile demo: project built in {}", dir.display());
    println!(
        "ingested {} sources ({:.1} KiB) in {:.2} s: {} stored, {} already present, {} failed",
        ingest.files.len(),
        ingest.bytes_stored() as f64 / 1024.0,
        report.seconds,
        ingest.stored,
        ingest.already_present,
        ingest.failed
    );
    println!("by language: {}", tally(&report.by_language));
    println!("by kind:     {}", tally(&report.by_kind));
    println!("by format:   {}", tally(&report.by_format));

    for search in &report.searches {
        let scope = search
            .language
            .as_deref()
            .map(|l| format!(" [lang {l}]"))
            .unwrap_or_default();
        println!();
        println!(
            "search {:?}{scope}: {} shown",
            search.query,
            search.hits.len()
        );
        for hit in &search.hits {
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
        report.statements
    );
    for person in &report.top_persons {
        let others = person.variants.len().saturating_sub(1);
        println!(
            "  {} — {} mentions in {} sources, {others} other spellings",
            person.name,
            person.mentions,
            person.sources.len()
        );
    }
    println!("counts of children repeated across sources:");
    for row in &report.top_claims {
        println!("  {}", claim_summary(row));
    }

    println!();
    println!("child registries (fictional children; `casefile review` is where names are shown):");
    let sizes: Vec<String> = report
        .registries
        .iter()
        .map(|r| format!("{} {} records", r.name, r.records))
        .collect();
    println!("  {}", sizes.join(", "));
    for link in &report.links {
        println!(
            "  link {} ↔ {}: {} matches at p ≥ {} among {} candidate pairs; \
             against TRUTH.csv precision {:.2}, recall {:.2}; {} pairs await review",
            link.left,
            link.right,
            link.matches,
            link.threshold,
            link.candidate_pairs,
            link.precision,
            link.recall,
            link.awaiting_review
        );
        if let Some(p) = &link.example {
            let fields: Vec<String> = p
                .fields
                .iter()
                .map(|f| format!("{} {} ({:+.1})", f.field, f.level, f.weight))
                .collect();
            println!(
                "    e.g. {} ↔ {} p {:.3}: {}",
                p.left,
                p.right,
                p.probability,
                fields.join(", ")
            );
        }
    }

    let verdict = &report.verify;
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
    println!(
        "      casefile --project {} routes --case {}",
        dir.display(),
        casefile_app::demo::DEMO_CASE
    );
    println!(
        "      casefile --project {} report {} --html report.html --pdf report.pdf",
        dir.display(),
        casefile_app::demo::DEMO_CASE
    );
    Ok(if report.ok() { 0 } else { 1 })
}
