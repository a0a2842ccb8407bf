//! Report generation time for a large case: 1,000 synthetic sources
//! (`casefile_bench::synthetic`, ingested with extraction) topped up with
//! human-style statements (count claims with places and asserters, dated
//! transfers with parties and places, relations between persons and
//! organizations, each with a span into its source) until the case holds
//! at least 100,000 statements. Then times, through `casefile_app::report`
//! as the CLI calls it: the routes, the GeoJSON, and the HTML report
//! (gathering from the store, the children guard, rendering).
//!
//! `cargo run --release -p casefile-bench --bin bench-report -- [--docs N] [--statements N] [--runs N]`

use anyhow::{bail, Context, Result};
use casefile_app::sources::{self, IngestRequest};
use casefile_app::{cases, report, Actor, NoProgress, SourceKind};
use casefile_bench::synthetic;
use casefile_core::property::*;
use casefile_core::{
    Entity, EntityId, EntityKind, Origin, Span, Statement, StatementFilter, Status,
};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ORIGINS: [&str; 6] = [
    "Lysychansk",
    "Kherson",
    "Melitopol",
    "Donetsk Oblast",
    "Luhansk Oblast",
    "Mariupol",
];
const DESTINATIONS: [&str; 6] = [
    "Dubrava sanatorium",
    "Artek",
    "Belarus",
    "Russia",
    "Orlyonok",
    "Moscow Oblast",
];
const PARTIES: [&str; 5] = [
    "Children of Chernobyl",
    "Belaruskali",
    "Belarusian Red Cross",
    "Ministry of Education",
    "United Russia",
];
const PERSONS: [&str; 6] = [
    "Aliaksei Talai",
    "Aliaksandr Lukashenko",
    "Maria Lvova-Belova",
    "Dzmitry Shautsou",
    "Ivan Petrov",
    "Olga Sidorova",
];

fn main() -> Result<()> {
    let (mut docs, mut wanted, mut runs) = (1_000usize, 100_000u64, 3usize);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        let n: u64 = value
            .parse()
            .with_context(|| format!("{flag}: {value:?} is not a number"))?;
        match flag.as_str() {
            "--docs" => docs = n as usize,
            "--statements" => wanted = n,
            "--runs" => runs = n.max(1) as usize,
            other => bail!("unknown option {other}"),
        }
    }
    let actor = Actor::local("bench");
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus)?;
    for i in 0..docs {
        let doc = synthetic::document(2023, i, 2_000);
        std::fs::write(corpus.join(&doc.name), &doc.bytes)?;
    }
    let mut project = sources::init(&dir.path().join("p"), &actor)?;
    let started = Instant::now();
    sources::ingest(
        &mut project,
        &actor,
        &IngestRequest {
            paths: vec![corpus],
            kind: Some(SourceKind::News),
            ..Default::default()
        },
        &NoProgress,
    )?;
    let ingest_s = started.elapsed().as_secs_f64();
    let listed = project.store().sources()?;

    // Top up with claims, transfers and relations, spread over the sources.
    let extracted = project.store().statement_count()?;
    let mut statements = Vec::new();
    let mut n = 0usize;
    let mut total = extracted;
    while total + (statements.len() as u64) < wanted {
        let summary = &listed[n % listed.len()];
        let source = project.store().source(&summary.id.0)?;
        let text = &source.text;
        // A span of the first few words: what a person would have marked.
        let end = text.char_indices().nth(40).map_or(text.len(), |(i, _)| i);
        let span = Span::of(text, 0, end);
        let mut say = |entity: &EntityId, property: &str, value: String| {
            statements.push(Statement {
                id: None,
                entity: entity.clone(),
                property: property.into(),
                value,
                source: Some(source.id.clone()),
                span: span.clone(),
                origin: Origin::Human,
                confidence: 1.0,
                status: Status::Confirmed,
            });
        };
        let (claim, event, person) = (
            EntityId(format!("bench-claim-{n}")),
            EntityId(format!("bench-event-{n}")),
            EntityId(format!("bench-person-{n}")),
        );
        say(&claim, CLAIM_KIND, "child-count".into());
        say(&claim, NUMBER, (10 + (n * 37) % 3_000).to_string());
        say(
            &claim,
            QUALIFIER,
            ["exact", "at_least", "more_than", "about"][n % 4].into(),
        );
        say(&claim, ORIGIN, ORIGINS[n % ORIGINS.len()].into());
        say(
            &claim,
            DESTINATION,
            DESTINATIONS[n % DESTINATIONS.len()].into(),
        );
        say(&claim, TIME_SCOPE, format!("in {}", 2022 + n % 3));
        say(&claim, ASSERTED_BY, PARTIES[n % PARTIES.len()].into());
        say(&event, EVENT_KIND, "transfer".into());
        say(
            &event,
            DATE,
            format!("{}-{:02}-{:02}", 2022 + n % 3, 1 + n % 12, 1 + n % 28),
        );
        say(&event, ORIGIN, ORIGINS[(n + 1) % ORIGINS.len()].into());
        say(
            &event,
            DESTINATION,
            DESTINATIONS[(n + 2) % DESTINATIONS.len()].into(),
        );
        say(&event, ORGANIZER, PARTIES[n % PARTIES.len()].into());
        say(&event, FUNDER, PARTIES[(n + 1) % PARTIES.len()].into());
        say(&person, NAME, PERSONS[n % PERSONS.len()].into());
        say(
            &person,
            [HEAD_OF, MEMBER_OF, SPOKESPERSON_OF, SUPPORTS][n % 4],
            PARTIES[(n + 3) % PARTIES.len()].into(),
        );
        for (id, kind) in [
            (&claim, EntityKind::Claim),
            (&event, EntityKind::Event),
            (&person, EntityKind::Person),
        ] {
            project.store_mut().put_entity(
                &Entity {
                    id: id.clone(),
                    kind,
                    caption: id.0.clone(),
                },
                "bench",
            )?;
        }
        n += 1;
        if statements.len() >= 20_000 {
            total += statements.len() as u64;
            project.store_mut().add_statements(&statements, "bench")?;
            statements.clear();
        }
    }
    project.store_mut().add_statements(&statements, "bench")?;
    let total = project.store().statement_count()?;
    let relation_statements = project
        .store()
        .statements(&StatementFilter {
            origin: Some(Origin::Human),
            ..Default::default()
        })?
        .len();

    cases::new(&mut project, &actor, "bench", "every source")?;
    let items: Vec<String> = listed
        .iter()
        .map(|s| format!("source:{}", s.id.0))
        .collect();
    cases::add(&mut project, &actor, "bench", &items)?;

    println!(
        "bench-report: {} sources, {} statements ({} extracted, {} added as a person would), ingest {:.1} s",
        listed.len(),
        total,
        extracted,
        relation_statements,
        ingest_s
    );
    let mut best = [f64::MAX; 3];
    for run in 0..runs {
        let t = Instant::now();
        let routes = report::routes(&mut project, &actor, Some("bench"))?;
        let routes_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (geo, _) = report::geojson(&mut project, &actor, Some("bench"), None)?;
        let geo_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (html, text) = report::html(&mut project, &actor, Some("bench"))?;
        let html_s = t.elapsed().as_secs_f64();
        println!(
            "run {}: routes {:.2} s ({} routes), GeoJSON {:.2} s ({} bytes), HTML report {:.2} s ({} counts, {} events, {} relations, {:.1} MB)",
            run + 1,
            routes_s,
            routes.routes.len(),
            geo_s,
            geo.bytes,
            html_s,
            html.claims,
            html.events,
            html.relations,
            text.len() as f64 / 1e6
        );
        best = [
            best[0].min(routes_s),
            best[1].min(geo_s),
            best[2].min(html_s),
        ];
    }
    println!(
        "best of {runs}: routes {:.2} s, GeoJSON {:.2} s, HTML report {:.2} s (goal: under 5 s)",
        best[0], best[1], best[2]
    );
    Ok(())
}
