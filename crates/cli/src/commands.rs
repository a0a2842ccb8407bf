//! The project commands: each opens the project, calls one operation of
//! `casefile_app`, and renders its result.

use crate::progress::Bar;
use crate::{EXIT_PARTIAL, EXIT_VERIFY_FAILED};
use anyhow::Result;
use casefile_app::sources::{self, FileResult, IngestRequest, IngestSummary};
use casefile_app::{Actor, Backends, Project, SearchQuery, SourceKind, SourceMeta};
use clap::Args;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The acting user: `--actor`, `CASEFILE_ACTOR`, `$USER`, else "unknown".
pub fn actor_name(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Where the database and originals are when not in the project directory
/// (`--database`, `--blobs`): connected once per run, before any command.
static BACKENDS: OnceLock<Backends> = OnceLock::new();

pub fn set_backends(backends: Backends) {
    let _ = BACKENDS.set(backends);
}

/// The backends of this run (embedded unless `--database`/`--blobs`).
pub fn current_backends() -> Backends {
    backends()
}

fn backends() -> Backends {
    BACKENDS.get().cloned().unwrap_or_default()
}

/// Opens the project in `dir`. With a database or blobs elsewhere, a
/// missing (or empty) directory is made the local part of the project: its
/// settings and this machine's search index.
pub fn open(dir: &Path) -> Result<Project> {
    let backends = backends();
    if !backends.is_embedded() && !dir.join("casefile.toml").exists() {
        let fresh = std::fs::read_dir(dir).map_or(true, |mut d| d.next().is_none());
        if fresh {
            let actor = Actor::local(actor_name(None));
            return Ok(sources::init_with(dir, &actor, &backends)?);
        }
    }
    Ok(sources::open_with(dir, &backends)?)
}

pub fn init(dir: &Path, actor: &Actor) -> Result<u8> {
    sources::init_with(dir, actor, &backends())?;
    println!("created casefile project in {}", dir.display());
    Ok(0)
}

#[derive(Args)]
pub struct IngestArgs {
    /// Files and directories (directories are walked recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Kind of every source: news, ngo-statement, report, official, web-capture, registry, document.
    #[arg(long)]
    kind: Option<SourceKind>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    publisher: Option<String>,
    /// Publication date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    published: Option<String>,
    #[arg(long)]
    url: Option<String>,
    /// Language (ISO 639-1), overriding detection.
    #[arg(long)]
    lang: Option<String>,
    /// Store the sources without running extraction.
    #[arg(long)]
    no_extract: bool,
    /// No progress bar, no per-file lines (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
    #[arg(long)]
    json: bool,
}

fn parse_date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

pub fn ingest(dir: &Path, actor: &Actor, args: IngestArgs) -> Result<u8> {
    let mut project = open(dir)?;
    let request = IngestRequest {
        paths: args.paths,
        kind: args.kind,
        meta: SourceMeta {
            title: args.title,
            publisher: args.publisher,
            published: args.published,
            url: args.url,
        },
        language: args.lang,
        no_extract: args.no_extract,
    };
    let bar = Bar::new(args.quiet || args.json);
    let summary = sources::ingest(&mut project, actor, &request, &bar)?;
    print_ingest_summary(&summary, args.quiet, args.json)?;
    Ok(if summary.failed > 0 { EXIT_PARTIAL } else { 0 })
}

/// Prints one line per file (errors always, on stderr) and a summary.
pub fn print_ingest_summary(summary: &IngestSummary, quiet: bool, json: bool) -> Result<()> {
    for file in &summary.files {
        match file {
            FileResult::Stored {
                path,
                id,
                language,
                kind,
                ..
            } => {
                if !quiet && !json {
                    let lang = language.as_deref().unwrap_or("??");
                    println!("stored   {} {lang} {kind:<13} {path}", id.short());
                }
            }
            FileResult::AlreadyPresent { path, id } => {
                if !quiet && !json {
                    println!(
                        "present  {} already stored, nothing written: {path}",
                        id.short()
                    );
                }
            }
            FileResult::Failed { path, error } => eprintln!("error: {path}: {error}"),
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(summary)?);
    } else if !quiet || summary.failed > 0 {
        eprintln!(
            "{} stored, {} already present, {} failed",
            summary.stored, summary.already_present, summary.failed
        );
    }
    Ok(())
}

pub fn sources(dir: &Path, actor: &Actor, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let sources = sources::sources(&project, actor)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&sources)?);
        return Ok(0);
    }
    for s in &sources {
        println!(
            "{}  {:<2}  {:<13}  {:<10}  {}",
            s.id.short(),
            s.language.as_deref().unwrap_or("??"),
            s.kind.as_str(),
            s.meta.published.as_deref().unwrap_or("-"),
            s.meta.title.as_deref().unwrap_or("(untitled)")
        );
    }
    eprintln!("{} sources", sources.len());
    Ok(0)
}

pub fn show(dir: &Path, actor: &Actor, id: &str, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let source = sources::show(&project, actor, id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(source.as_ref())?);
        return Ok(0);
    }
    let m = &source.meta;
    let c = &source.custody;
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    println!("id:          {}", source.id);
    println!("title:       {}", or_dash(&m.title));
    println!("publisher:   {}", or_dash(&m.publisher));
    println!("published:   {}", or_dash(&m.published));
    println!("url:         {}", or_dash(&m.url));
    println!("kind:        {}", source.kind);
    println!("format:      {} ({})", source.media_type, source.encoding);
    println!("language:    {}", or_dash(&source.language));
    println!(
        "custody:     ingested {} by {} from {} with {}",
        c.ingested_at, c.ingested_by, c.original_path, c.tool
    );
    println!("             {} bytes, sha256 {}", c.size, c.sha256);
    if let Some(w) = &c.capture {
        println!(
            "captured:    {} at {} (HTTP {}, {})",
            w.target_uri, w.warc_date, w.http_status, w.content_type
        );
        println!(
            "             WARC record {} at byte {} of WARC sha256 {}",
            w.record_id, w.record_offset, w.warc_sha256
        );
        println!(
            "             payload digest {} (checked at ingest)",
            w.payload_digest.as_deref().unwrap_or("none in the record")
        );
    }
    if let Some(pages) = &source.pages {
        let starts: Vec<String> = pages
            .starts
            .iter()
            .enumerate()
            .map(|(i, s)| format!("p. {} at byte {s}", i + 1))
            .collect();
        println!("pages:       {} ({})", pages.pages(), starts.join(", "));
        if !pages.needs_ocr.is_empty() {
            let list: Vec<String> = pages.needs_ocr.iter().map(u32::to_string).collect();
            println!(
                "             needs OCR: no text layer on p. {}",
                list.join(", ")
            );
        }
    }
    println!(
        "text:        {} bytes (span offsets index this text)",
        source.text.len()
    );
    println!();
    println!("{}", source.text);
    Ok(0)
}

#[derive(Args)]
pub struct SearchArgs {
    /// Words (all must occur), "quoted phrases", OR, -excluded.
    query: String,
    /// Only sources in this language (ISO 639-1).
    #[arg(long)]
    lang: Option<String>,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn search(dir: &Path, actor: &Actor, args: SearchArgs) -> Result<u8> {
    let mut project = open(dir)?;
    let query = SearchQuery {
        text: args.query,
        language: args.lang,
        limit: args.limit,
        ..Default::default()
    };
    let hits = sources::search(&mut project, actor, &query)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(0);
    }
    for (rank, hit) in hits.iter().enumerate() {
        println!(
            "{:>2}. {} [{}] {:.2} {}",
            rank + 1,
            hit.source_id.short(),
            hit.language.as_deref().unwrap_or("??"),
            hit.score,
            hit.title.as_deref().unwrap_or("(untitled)")
        );
        println!("    …{}…", hit.snippet.marked("«", "»"));
        let offsets: Vec<String> = hit
            .hits
            .iter()
            .take(8)
            .map(|(s, e)| format!("{s}..{e}"))
            .collect();
        let more = hit.hits.len().saturating_sub(8);
        let more = if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        };
        println!("    hits at bytes {}{more}", offsets.join(", "));
    }
    eprintln!("{} results", hits.len());
    Ok(0)
}

pub fn verify(dir: &Path, actor: &Actor, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let report = sources::verify(&project, actor)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for fault in &report.faults {
            println!("FAULT: {fault}");
        }
        let verdict = if report.ok() { "OK" } else { "FAILED" };
        println!(
            "verify {verdict}: {} originals re-hashed, {} audit entries checked, {} faults",
            report.blobs_checked,
            report.audit_entries,
            report.faults.len()
        );
        if let Some(head) = &report.audit_head_hash {
            println!("audit head: {head}");
        }
        if report.unreferenced_blobs > 0 {
            println!(
                "note: {} stored originals belong to no source (left by an interrupted ingest; harmless)",
                report.unreferenced_blobs
            );
        }
    }
    Ok(if report.ok() { 0 } else { EXIT_VERIFY_FAILED })
}

pub fn log(dir: &Path, actor: &Actor, json: bool, last: Option<usize>) -> Result<u8> {
    let project = open(dir)?;
    let entries = sources::log(&project, actor, last)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(0);
    }
    for e in entries {
        let objects: Vec<String> = e
            .record
            .objects
            .iter()
            .map(|o| o.chars().take(16).collect())
            .collect();
        println!(
            "{:>5} {} {:<10} {:<18} {} {}",
            e.seq,
            e.record.time,
            e.record.actor,
            e.record.action,
            objects.join(","),
            e.record.detail
        );
    }
    Ok(0)
}

/// Counts by key, sorted by count then key, as "key n · key n".
pub fn tally(counts: &BTreeMap<String, usize>) -> String {
    let mut pairs: Vec<_> = counts.iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    pairs
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}
