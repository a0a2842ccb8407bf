//! `casefile demo`: builds a project from the sample corpus compiled into the
//! binary and prints a short tour of what casefile does with it.

use crate::commands::{ingest_options, tally};
use crate::registry::{self, LinkOptions};
use anyhow::{bail, Context, Result};
use casefile_core::SourceKind;
use casefile_ingest::{IngestReport, NoProgress};
use casefile_link::PairCounts;
use casefile_store::{verify_project, Project, SearchQuery, Store};
use include_dir::{include_dir, Dir};
use std::collections::{HashMap, HashSet};
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

/// The sample registries (see corpus/README.md) under the names their
/// truth file uses, with the column maps a user would pass to
/// `registry import`.
const DEMO_REGISTRIES: &[(&str, &str, &str)] = &[
    (
        "ua_missing",
        "ua_missing_children.csv",
        "id=Номер запису,full_name=ПІБ,birth_date=Дата народження,sex=Стать,last_place=Останнє місце перебування",
    ),
    (
        "ru_camp",
        "ru_camp_list.csv",
        "id=ID,surname=Фамилия,given=Имя,patronymic=Отчество,age=Возраст,age_at=Дата списка,sex=Пол,birthplace=Откуда прибыл",
    ),
    (
        "latin_web",
        "latin_web_list.csv",
        "id=record_id,full_name=name,birth_date=dob,age=age,age_at=captured,sex=sex,last_place=location",
    ),
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

    registry_tour(&mut project, &corpus.path().join("registries"), actor)?;

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

/// Imports the sample registries and links the Ukrainian list with the two
/// others, scoring the result against the corpus's own truth file. Records
/// are named by id only: even fictional children's names stay out of the tour.
fn registry_tour(project: &mut Project, folder: &Path, actor: &str) -> Result<()> {
    println!();
    println!("child registries (fictional children; `casefile review` is where names are shown):");
    let mut sizes = Vec::new();
    for (name, file, map) in DEMO_REGISTRIES {
        let (info, _) = registry::import_into(project, name, &folder.join(file), map, actor)?;
        sizes.push(format!("{name} {} records", info.records));
    }
    println!("  {}", sizes.join(", "));
    let truth = std::fs::read(folder.join("TRUTH.csv")).context("the sample truth file")?;
    for right in ["ru_camp", "latin_web"] {
        let left = "ua_missing";
        let result = registry::link_in(project, left, right, &LinkOptions::default(), actor)?;
        let expected = truth_pairs(&truth, left, right)?;
        let matched: Vec<_> = result
            .pairs()
            .filter(|p| registry::is_match(p, result.threshold))
            .collect();
        let correct = matched
            .iter()
            .filter(|p| expected.contains(&(p.left.clone(), p.right.clone())))
            .count();
        let scores = PairCounts::new(matched.len() as u64, expected.len() as u64, correct as u64);
        println!(
            "  link {left} ↔ {right}: {} matches at p ≥ {} among {} candidate pairs; \
             against TRUTH.csv precision {:.2}, recall {:.2}; {} pairs await review",
            matched.len(),
            result.threshold,
            result.stats.candidate_pairs,
            scores.precision(),
            scores.recall(),
            result.review_queue().count()
        );
        if let Some(p) = matched.first() {
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
    Ok(())
}

/// The (left, right) record pairs that TRUTH.csv says are the same child.
fn truth_pairs(truth_csv: &[u8], left: &str, right: &str) -> Result<HashSet<(String, String)>> {
    let mut by_child: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
    for row in csv::Reader::from_reader(truth_csv).records() {
        let row = row.context("the sample truth file")?;
        let (Some(child), Some(registry), Some(record)) = (row.get(0), row.get(1), row.get(2))
        else {
            continue;
        };
        let entry = by_child.entry(child.to_string()).or_default();
        if registry == left {
            entry.0.push(record.to_string());
        } else if registry == right {
            entry.1.push(record.to_string());
        }
    }
    Ok(by_child
        .into_values()
        .flat_map(|(l, r)| {
            l.iter()
                .flat_map(|a| r.iter().map(move |b| (a.clone(), b.clone())))
                .collect::<Vec<_>>()
        })
        .collect())
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
