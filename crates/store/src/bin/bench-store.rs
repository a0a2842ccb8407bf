//! Insert and read throughput of each [`Store`] backend, printed as figures.
//!
//! `cargo run --release -p casefile-store --bin bench-store -- [SOURCES] [STATEMENTS] [BATCH]`
//! (defaults 2000 sources of 100 statements each, 16 sources per
//! transaction). SQLite runs in a temporary directory; PostgreSQL at
//! `DATABASE_URL` (default the local test database) in a throwaway schema,
//! skipped with a note when unreachable.

use casefile_core::{
    Custody, Entity, EntityId, EntityKind, MediaType, Origin, Source, SourceId, SourceKind,
    SourceMeta, Span, Statement, StatementFilter, Status,
};
use casefile_store::testing::PgTestSchema;
use casefile_store::{now_rfc3339, SqliteStore, Store};
use std::time::Instant;

/// One generated article with its person and `statements` statements.
fn article(seed: usize, statements: usize) -> (Source, Vec<Entity>, Vec<Statement>) {
    let text = format!(
        "Article {seed}. Children were moved from Lysychansk to a camp in Belarus, according \
         to the ombudsman. {}",
        "Officials named in the report were Latushka and Lukashenka. ".repeat(20)
    );
    let id = casefile_core::sha256_hex(format!("bench article {seed}").as_bytes());
    let source = Source {
        id: SourceId(id.clone()),
        kind: SourceKind::News,
        media_type: MediaType::PlainText,
        encoding: "UTF-8".into(),
        language: Some("en".into()),
        meta: SourceMeta::default(),
        custody: Custody {
            ingested_at: now_rfc3339(),
            ingested_by: "bench".into(),
            original_path: format!("bench/{seed}.txt"),
            tool: "bench-store".into(),
            size: text.len() as u64,
            sha256: id,
            capture: None,
        },
        text,
        pages: None,
    };
    let person = Entity {
        id: EntityId(format!("person-{seed}")),
        kind: EntityKind::Person,
        caption: "Pavel Latushka".into(),
    };
    let statements = (0..statements)
        .map(|i| Statement {
            id: None,
            entity: person.id.clone(),
            property: if i % 2 == 0 { "name" } else { "mentionedIn" }.into(),
            value: "Latushka".into(),
            source: Some(source.id.clone()),
            span: Span::of(&source.text, 0, 7),
            origin: Origin::Rule,
            confidence: 0.8,
            status: Status::Proposed,
        })
        .collect();
    (source, vec![person], statements)
}

fn run(name: &str, store: &mut dyn Store, sources: usize, statements: usize, batch: usize) {
    let articles: Vec<_> = (0..sources).map(|i| article(i, statements)).collect();
    let started = Instant::now();
    for chunk in articles.chunks(batch) {
        let refs: Vec<_> = chunk
            .iter()
            .map(|(s, e, st)| (s, &e[..], &st[..]))
            .collect();
        if let Err(e) = store.insert_sources(&refs, "bench") {
            eprintln!("{name}: insert failed: {e}");
            return;
        }
    }
    let insert = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let reads = sources.min(2000);
    for (source, _, _) in articles.iter().take(reads) {
        let ok = store.source(&source.id.0).map(|s| s.id == source.id);
        if !matches!(ok, Ok(true)) {
            eprintln!("{name}: read of a stored source failed");
            return;
        }
    }
    let read = started.elapsed().as_secs_f64();

    let started = Instant::now();
    for (source, _, _) in articles.iter().take(reads) {
        let filter = StatementFilter {
            source: Some(source.id.clone()),
            ..Default::default()
        };
        match store.statements(&filter) {
            Ok(found) if found.len() == statements => {}
            _ => {
                eprintln!("{name}: statements of a stored source are wrong");
                return;
            }
        }
    }
    let by_source = started.elapsed().as_secs_f64();

    println!(
        "{name:<10} insert {sources} sources x {statements} statements, {batch} per transaction: \
         {insert:.2} s = {:.0} sources/s, {:.0} statements/s",
        sources as f64 / insert,
        (sources * statements) as f64 / insert
    );
    println!(
        "{name:<10} read: source by id {:.0}/s ({:.3} ms each); {statements} statements of a source {:.0}/s ({:.3} ms each)",
        reads as f64 / read,
        read * 1000.0 / reads as f64,
        reads as f64 / by_source,
        by_source * 1000.0 / reads as f64
    );
}

fn main() {
    let arg = |i: usize, default: usize| {
        std::env::args()
            .nth(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (sources, statements, batch) = (arg(1, 2000), arg(2, 100), arg(3, 16).max(1));

    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("cannot create a temporary directory: {e}");
            std::process::exit(1);
        }
    };
    match SqliteStore::open(&dir.path().join("casefile.db")) {
        Ok(mut store) => run("sqlite", &mut store, sources, statements, batch),
        Err(e) => eprintln!("sqlite: {e}"),
    }
    if let Some(schema) = PgTestSchema::create() {
        run("postgres", &mut schema.store(), sources, statements, batch);
    }
}
