//! Extraction from the shell: `extract`, `entities`, `entity`, `merge`,
//! `split`, `claims`, `statement`.
//!
//! Findings are stored per source (see `casefile_extract::to_statements`); here
//! they are resolved across sources on the fly and human judgements (merge,
//! split) are replayed on top, so the listing always reflects every source
//! and every correction.

use crate::commands::open;
use anyhow::{bail, Context, Result};
use casefile_core::{
    AuditRecord, Entity, EntityId, EntityKind, Origin, SourceId, Statement, StatementFilter,
    StatementId, Status,
};
use casefile_extract::{
    apply_judgements, organization_from_statements, person_from_statements, Judgement,
};
use casefile_store::{now_rfc3339, Project, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

const SAME_AS: &str = "sameAs";
const SPLIT_OFF: &str = "splitOff";
/// The largest file `extract` reads (it has no project to take a limit from).
const EXTRACT_MAX_BYTES: u64 = 50 * 1024 * 1024;

pub fn extract_file(path: &Path, json: bool) -> Result<u8> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("{}: cannot read", path.display()))?
        .len();
    if size > EXTRACT_MAX_BYTES {
        bail!(
            "{}: file is {size} bytes, over the limit of {EXTRACT_MAX_BYTES} bytes",
            path.display()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let name = path.file_name().and_then(|n| n.to_str());
    let doc = casefile_text::prepare_document(&bytes, name)
        .with_context(|| format!("{}", path.display()))?;
    let extraction =
        casefile_ingest::extract_text(&doc.text, doc.language, doc.meta.published.as_deref());
    if json {
        println!("{}", serde_json::to_string_pretty(&extraction)?);
        return Ok(0);
    }
    println!(
        "language {} · published {}",
        extraction.language.as_deref().unwrap_or("?"),
        extraction.published.as_deref().unwrap_or("?")
    );
    for p in &extraction.persons {
        println!(
            "person  {} ({} mentions) {}",
            p.name,
            p.mentions.len(),
            p.roles.join("; ")
        );
    }
    for o in &extraction.organizations {
        let acronym = o
            .acronym
            .as_deref()
            .map(|a| format!(" = {a}"))
            .unwrap_or_default();
        println!(
            "org     {}{acronym} ({} mentions)",
            o.name,
            o.mentions.len()
        );
    }
    for p in &extraction.places {
        println!(
            "place   {} [{}] ({} mentions)",
            p.name,
            p.kind.as_str(),
            p.mentions.len()
        );
    }
    for c in &extraction.count_claims {
        println!("count   {}", c.text);
    }
    for e in &extraction.events {
        println!(
            "event   {} {} {}",
            e.kind,
            e.date.as_deref().unwrap_or("-"),
            e.text
        );
    }
    Ok(0)
}

/// One entity across sources, as printed by `entities` and `entity`.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub variants: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: usize,
    pub sources: Vec<SourceId>,
    /// The source-local entities grouped here (what `merge` and `split` name).
    pub members: Vec<String>,
}

/// Source-local entities of one kind with their statements.
struct Locals {
    entities: Vec<Entity>,
    statements: HashMap<EntityId, Vec<Statement>>,
}

fn load_locals(store: &dyn Store, kind: EntityKind) -> Result<Locals> {
    let entities = store.entities(Some(kind))?;
    let mut statements: HashMap<EntityId, Vec<Statement>> = HashMap::new();
    let filter = StatementFilter {
        entity_kind: Some(kind),
        ..Default::default()
    };
    for s in store.statements(&filter)? {
        if s.status != Status::Rejected {
            statements.entry(s.entity.clone()).or_default().push(s);
        }
    }
    Ok(Locals {
        entities,
        statements,
    })
}

fn judgements(store: &dyn Store) -> Result<Vec<Judgement>> {
    let mut all = Vec::new();
    for property in [SAME_AS, SPLIT_OFF] {
        let filter = StatementFilter {
            property: Some(property.into()),
            origin: Some(Origin::Human),
            ..Default::default()
        };
        all.extend(
            store
                .statements(&filter)?
                .into_iter()
                .filter(|s| s.status != Status::Rejected),
        );
    }
    all.sort_by_key(|s| s.id);
    Ok(all
        .into_iter()
        .map(|s| {
            if s.property == SAME_AS {
                Judgement::Merge {
                    a: s.entity.0,
                    b: s.value,
                }
            } else {
                let mut members = vec![s.entity.0];
                members.extend(s.value.split_whitespace().map(str::to_string));
                Judgement::Split { members }
            }
        })
        .collect())
}

fn machine_clusters(kind: EntityKind, locals: &Locals) -> Vec<Vec<String>> {
    let about = |e: &Entity| -> Vec<&Statement> {
        locals
            .statements
            .get(&e.id)
            .map(|v| v.iter().collect())
            .unwrap_or_default()
    };
    let doc_key = |e: &Entity| -> String {
        locals
            .statements
            .get(&e.id)
            .and_then(|v| v.iter().find_map(|s| s.source.clone()))
            .map(|s| s.0)
            .unwrap_or_default()
    };
    let groups: Vec<Vec<usize>> = match kind {
        EntityKind::Person => {
            let items: Vec<_> = locals
                .entities
                .iter()
                .map(|e| (doc_key(e), person_from_statements(&e.caption, &about(e))))
                .collect();
            casefile_extract::resolve_persons(&items)
                .into_iter()
                .map(|r| r.members)
                .collect()
        }
        EntityKind::Organization => {
            let items: Vec<_> = locals
                .entities
                .iter()
                .map(|e| {
                    (
                        doc_key(e),
                        organization_from_statements(&e.caption, &about(e)),
                    )
                })
                .collect();
            casefile_extract::resolve_organizations(&items)
                .into_iter()
                .map(|r| r.members)
                .collect()
        }
        _ => {
            // Places come from the gazetteer: one canonical name and kind is one place.
            let mut by_key: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
            for (i, e) in locals.entities.iter().enumerate() {
                let place_kind = about(e)
                    .iter()
                    .find(|s| s.property == "placeKind")
                    .map(|s| s.value.clone())
                    .unwrap_or_default();
                by_key
                    .entry((casefile_text::fold(&e.caption), place_kind))
                    .or_default()
                    .push(i);
            }
            by_key.into_values().collect()
        }
    };
    let mut seen = vec![false; locals.entities.len()];
    let mut clusters: Vec<Vec<String>> = Vec::new();
    for group in groups {
        let ids: Vec<String> = group
            .into_iter()
            .filter(|&i| i < seen.len() && !std::mem::replace(&mut seen[i], true))
            .map(|i| locals.entities[i].id.0.clone())
            .collect();
        if !ids.is_empty() {
            clusters.push(ids);
        }
    }
    // Anything resolution left out stands alone rather than disappearing.
    for (i, e) in locals.entities.iter().enumerate() {
        if !seen[i] {
            clusters.push(vec![e.id.0.clone()]);
        }
    }
    clusters
}

/// Every entity of `kind` across sources, human judgements applied.
pub fn resolve(store: &dyn Store, kind: EntityKind) -> Result<Vec<Resolved>> {
    let locals = load_locals(store, kind)?;
    let clusters = apply_judgements(machine_clusters(kind, &locals), &judgements(store)?);
    let captions: HashMap<&str, &str> = locals
        .entities
        .iter()
        .map(|e| (e.id.0.as_str(), e.caption.as_str()))
        .collect();
    let mut out = Vec::new();
    for members in clusters {
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        let mut variants = BTreeSet::new();
        let mut roles = BTreeSet::new();
        let mut sources = BTreeSet::new();
        let mut mentions = 0;
        for m in &members {
            let Some(caption) = captions.get(m.as_str()) else {
                continue;
            };
            variants.insert(caption.to_string());
            let statements = locals
                .statements
                .get(&EntityId(m.clone()))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let count = statements
                .iter()
                .filter(|s| s.property == "mention")
                .count();
            *names.entry(caption.to_string()).or_default() += count.max(1);
            mentions += count;
            for s in statements {
                match s.property.as_str() {
                    "alias" | "acronym" => {
                        variants.insert(s.value.clone());
                    }
                    "role" => {
                        roles.insert(s.value.clone());
                    }
                    _ => {}
                }
                if let Some(source) = &s.source {
                    sources.insert(source.clone());
                }
            }
        }
        // The display name: the fullest spelling among the most mentioned.
        let Some(name) = names
            .iter()
            .max_by_key(|(n, c)| (n.split_whitespace().count().min(3), **c, n.len()))
            .map(|(n, _)| n.clone())
        else {
            continue;
        };
        out.push(Resolved {
            id: members[0].clone(),
            kind,
            name,
            variants: variants.into_iter().collect(),
            roles: roles.into_iter().collect(),
            mentions,
            sources: sources.into_iter().collect(),
            members,
        });
    }
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    Ok(out)
}

const RESOLVED_KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

fn parse_kind(kind: &str) -> Result<EntityKind> {
    Ok(match kind {
        "person" => EntityKind::Person,
        "organization" | "org" => EntityKind::Organization,
        "place" => EntityKind::Place,
        other => bail!("unknown entity kind {other:?} (expected person, organization or place)"),
    })
}

pub fn entities(dir: &Path, kind: Option<&str>, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let kinds = match kind {
        Some(k) => vec![parse_kind(k)?],
        None => RESOLVED_KINDS.to_vec(),
    };
    let mut all = Vec::new();
    for kind in kinds {
        all.extend(resolve(&project.store, kind)?);
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&all)?);
        return Ok(0);
    }
    for e in &all {
        let others: Vec<&String> = e
            .variants
            .iter()
            .filter(|v| **v != e.name)
            .take(5)
            .collect();
        let others = others
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        println!(
            "{:<22} {:<12} {:>4} mentions {:>3} sources  {}{}",
            e.id,
            e.kind.as_str(),
            e.mentions,
            e.sources.len(),
            e.name,
            if others.is_empty() {
                String::new()
            } else {
                format!("  ({others})")
            }
        );
    }
    eprintln!("{} entities", all.len());
    Ok(0)
}

/// The kind of the source-local entity `id`, when it is one that resolves.
fn resolved_kind(store: &dyn Store, id: &str) -> Result<EntityKind> {
    match store.entity(&EntityId(id.to_string()))? {
        Some(e) if RESOLVED_KINDS.contains(&e.kind) => Ok(e.kind),
        _ => bail!("no person, organization or place has the id {id:?} (see `casefile entities`)"),
    }
}

/// The entity among `resolved` that has `id` among its members.
fn member_of(resolved: &[Resolved], id: &str) -> Result<Resolved> {
    resolved
        .iter()
        .find(|r| r.members.iter().any(|m| m == id))
        .cloned()
        .with_context(|| format!("{id:?} is in no resolved entity"))
}

/// The resolved entity that has `id` among its members (resolving only its kind).
fn find(store: &dyn Store, id: &str) -> Result<Resolved> {
    let kind = resolved_kind(store, id)?;
    member_of(&resolve(store, kind)?, id)
}

pub fn entity(dir: &Path, id: &str, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let found = find(&project.store, id)?;
    let mut statements = Vec::new();
    for member in &found.members {
        statements.extend(project.store.statements(&StatementFilter {
            entity: Some(EntityId(member.clone())),
            ..Default::default()
        })?);
    }
    if json {
        let out = serde_json::json!({ "entity": found, "statements": statements });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(0);
    }
    println!("{} [{}] {}", found.id, found.kind.as_str(), found.name);
    println!("variants: {}", found.variants.join(" / "));
    if !found.roles.is_empty() {
        println!("roles:    {}", found.roles.join("; "));
    }
    println!(
        "{} mentions in {} sources; members: {}",
        found.mentions,
        found.sources.len(),
        found.members.join(" ")
    );
    for s in &statements {
        let source = s.source.as_ref().map_or("-", |s| s.short());
        let quote = s
            .span
            .as_ref()
            .map(|sp| format!("{}..{} \"{}\"", sp.start, sp.end, sp.quote))
            .unwrap_or_default();
        println!(
            "  #{:<6} {:<9} {:<28} {} {} {:.2} {}",
            s.id.map_or(0, |i| i.0),
            s.property,
            truncate(&s.value, 28),
            source,
            s.origin,
            s.confidence,
            quote
        );
    }
    Ok(0)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn judgement_statement(entity: &str, property: &str, value: String) -> Statement {
    Statement {
        id: None,
        entity: EntityId(entity.to_string()),
        property: property.to_string(),
        value,
        source: None,
        span: None,
        origin: Origin::Human,
        confidence: 1.0,
        status: Status::Confirmed,
    }
}

fn record_judgement(
    project: &mut Project,
    statement: Statement,
    action: &str,
    objects: Vec<String>,
    reason: &str,
    actor: &str,
) -> Result<StatementId> {
    let ids = project.store.add_statements(&[statement], actor)?;
    let id = ids
        .first()
        .copied()
        .context("the judgement was not stored")?;
    project.store.append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.to_string(),
        action: action.to_string(),
        objects,
        detail: serde_json::json!({ "reason": reason, "statement": id.0 }).to_string(),
    })?;
    Ok(id)
}

pub fn merge(dir: &Path, a: &str, b: &str, reason: &str, actor: &str) -> Result<u8> {
    let mut project = open(dir)?;
    let (kind_a, kind_b) = (
        resolved_kind(&project.store, a)?,
        resolved_kind(&project.store, b)?,
    );
    if kind_a != kind_b {
        bail!("cannot merge a {kind_a} with a {kind_b}");
    }
    // One resolution serves both lookups.
    let resolved = resolve(&project.store, kind_a)?;
    let (left, right) = (member_of(&resolved, a)?, member_of(&resolved, b)?);
    if left.id == right.id {
        println!("{a} and {b} are already one entity ({})", left.id);
        return Ok(0);
    }
    let statement = judgement_statement(a, SAME_AS, b.to_string());
    let id = record_judgement(
        &mut project,
        statement,
        "entity.merge",
        vec![a.to_string(), b.to_string()],
        reason,
        actor,
    )?;
    println!(
        "merged {} ({}) and {} ({}) as statement #{id}; undo with `casefile split` or `casefile statement {id} --set rejected`",
        left.id, left.name, right.id, right.name
    );
    Ok(0)
}

pub fn split(dir: &Path, id: &str, members: &[String], reason: &str, actor: &str) -> Result<u8> {
    let mut project = open(dir)?;
    let cluster = find(&project.store, id)?;
    for m in members {
        if !cluster.members.contains(m) {
            bail!(
                "{m} is not a member of {} (its members: {})",
                cluster.id,
                cluster.members.join(" ")
            );
        }
    }
    if members.len() >= cluster.members.len() {
        bail!(
            "splitting off every member leaves nothing behind; name only the members to separate"
        );
    }
    let Some((first, rest)) = members.split_first() else {
        bail!("name the members to split off (see `casefile entity {id}`)");
    };
    let statement = judgement_statement(first, SPLIT_OFF, rest.join(" "));
    let statement_id = record_judgement(
        &mut project,
        statement,
        "entity.split",
        members.to_vec(),
        reason,
        actor,
    )?;
    println!(
        "split {} member(s) off {} as statement #{statement_id}",
        members.len(),
        cluster.id
    );
    Ok(0)
}

pub fn set_statement_status(
    dir: &Path,
    id: i64,
    status: Option<Status>,
    reason: Option<&str>,
    actor: &str,
) -> Result<u8> {
    let mut project = open(dir)?;
    if let Some(status) = status {
        let Some(reason) = reason else {
            bail!("a status change needs --reason");
        };
        project
            .store
            .set_statement_status(StatementId(id), status, reason, actor)?;
    }
    let found = project
        .store
        .statement(StatementId(id))?
        .with_context(|| format!("no statement #{id}"))?;
    println!("{}", serde_json::to_string_pretty(&found)?);
    Ok(0)
}

/// One count of children as asserted in one source.
#[derive(Debug, Serialize)]
pub struct ClaimSource {
    source: SourceId,
    start: usize,
    end: usize,
    quote: String,
    qualifier: String,
    asserted_by: Option<String>,
    time_scope: Option<String>,
    origin: Vec<String>,
}

/// Claims that count the same children (same number and ages), with every
/// source that repeats them; what the sources add (destination, scope, who
/// asserts it) is listed, not used to split the row.
#[derive(Debug, Serialize)]
pub struct ClaimRow {
    number: Option<u64>,
    age_min: Option<u32>,
    age_max: Option<u32>,
    destinations: Vec<String>,
    qualifiers: Vec<String>,
    asserted_by: Vec<String>,
    time_scopes: Vec<String>,
    sources: Vec<ClaimSource>,
}

/// Number, minimum and maximum age, and (for counts without a number) the
/// claim's own id, so that "dozens" in two sources stay two rows.
type ClaimKey = (Option<u64>, Option<u32>, Option<u32>, String);

/// Counts of children across all sources, the most repeated first.
pub fn child_count_rows(store: &dyn Store) -> Result<Vec<ClaimRow>> {
    let locals = load_locals(store, EntityKind::Claim)?;
    let mut rows: BTreeMap<ClaimKey, ClaimRow> = BTreeMap::new();
    for entity in &locals.entities {
        let Some(statements) = locals.statements.get(&entity.id) else {
            continue;
        };
        let one = |p: &str| {
            statements
                .iter()
                .find(|s| s.property == p)
                .map(|s| s.value.clone())
        };
        if one("claimKind").as_deref() != Some("child-count") {
            continue;
        }
        let Some((source, span)) = statements
            .iter()
            .find_map(|s| Some((s.source.clone()?, s.span.clone()?)))
        else {
            continue;
        };
        let number = one("number").and_then(|n| n.parse().ok());
        let age_min = one("ageMin").and_then(|n| n.parse().ok());
        let age_max = one("ageMax").and_then(|n| n.parse().ok());
        let destination = one("destination");
        // A count without a number ("dozens") only repeats itself in its own source.
        let distinct = if number.is_none() {
            entity.id.0.clone()
        } else {
            String::new()
        };
        let key = (number, age_min, age_max, distinct);
        let row = rows.entry(key).or_insert_with(|| ClaimRow {
            number,
            age_min,
            age_max,
            destinations: Vec::new(),
            qualifiers: Vec::new(),
            asserted_by: Vec::new(),
            time_scopes: Vec::new(),
            sources: Vec::new(),
        });
        let qualifier = one("qualifier").unwrap_or_else(|| "exact".into());
        let asserted_by = one("assertedBy");
        let time_scope = one("timeScope");
        push_unique(&mut row.qualifiers, Some(qualifier.clone()));
        push_unique(&mut row.destinations, destination);
        push_unique(&mut row.asserted_by, asserted_by.clone());
        push_unique(&mut row.time_scopes, time_scope.clone());
        row.sources.push(ClaimSource {
            source,
            start: span.start,
            end: span.end,
            quote: span.quote,
            qualifier,
            asserted_by,
            time_scope,
            origin: statements
                .iter()
                .filter(|s| s.property == "origin")
                .map(|s| s.value.clone())
                .collect(),
        });
    }
    let mut rows: Vec<ClaimRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(b.number.cmp(&a.number))
    });
    Ok(rows)
}

pub fn claims(dir: &Path, kind: &str, json: bool) -> Result<u8> {
    if kind != "child-count" {
        bail!("unknown claim kind {kind:?} (expected child-count)");
    }
    let project = open(dir)?;
    let rows = child_count_rows(&project.store)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(0);
    }
    for row in &rows {
        println!("{}", row.summary());
        for s in &row.sources {
            println!(
                "    {} {}..{} \"{}\"",
                s.source.short(),
                s.start,
                s.end,
                s.quote
            );
        }
    }
    eprintln!("{} distinct counts", rows.len());
    Ok(0)
}

impl ClaimRow {
    /// One line: the count, ages, destinations, how many sources, qualifiers,
    /// who asserts it and in what time scope.
    pub fn summary(&self) -> String {
        let row = self;
        let number = row
            .number
            .map_or("(no number)".to_string(), |n| n.to_string());
        let ages = match (row.age_min, row.age_max) {
            (Some(a), Some(b)) => format!(" aged {a}-{b}"),
            (Some(a), None) => format!(" aged {a}+"),
            (None, Some(b)) => format!(" aged up to {b}"),
            (None, None) => String::new(),
        };
        let dest = if row.destinations.is_empty() {
            String::new()
        } else {
            format!(" → {}", row.destinations.join(" / "))
        };
        format!(
            "{number} children{ages}{dest} — {} source(s); {}; asserted by: {}{}",
            row.sources.len(),
            row.qualifiers.join("/"),
            if row.asserted_by.is_empty() {
                "-".into()
            } else {
                row.asserted_by.join("; ")
            },
            if row.time_scopes.is_empty() {
                String::new()
            } else {
                format!("; scope: {}", row.time_scopes.join("; "))
            }
        )
    }
}

fn push_unique(list: &mut Vec<String>, value: Option<String>) {
    if let Some(v) = value {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}
