//! Reports of a case (or of the whole project): routes of transfer, GeoJSON,
//! and the HTML and PDF report.
//!
//! This module gathers what `casefile-report` needs from the store into its
//! plain [`ReportInput`]:
//! - the statements of the case (of its sources, about its entities, and
//!   its own), and every other statement about the claims, events, persons
//!   and organizations they touch, without rejected ones, as the actor's
//!   [`Scope`] allows;
//! - count claims (`child-count`) with their scope and who asserts them;
//!   events with their date, places and parties (`organizer`, `funder`,
//!   `transporter`, `host`, `origin`, `via`, `destination`); relations
//!   between persons and organizations (`headOf`, `memberOf`,
//!   `spokespersonOf`, `supports`), whether extraction or a person added
//!   them;
//! - every place they name, found in the gazetteer, with its point and the
//!   region it lies in;
//! - for child registries (of the case's child entities, or all of them for
//!   the whole project): how many records have their last known place in
//!   each region — counts only;
//! - with 3–5 child registries (those of the case's child entities, whole
//!   lists, or every registry for the whole project): the multiple-systems
//!   estimate of how many children none of them recorded, every method with
//!   its interval, the warnings and the spread over match thresholds, as
//!   `casefile estimate` gives it — counts only; when it cannot be made,
//!   why, in plain words;
//! - the last evidence package exported of the case (its hash), from the
//!   audit log.
//!
//! Every registry is read once per report (one audited `registry.read`
//! each), and those records serve the tallies, the estimate and the guard.
//!
//! Children are never identified: the names of every registry's children
//! and every protected statement feed a [`Guard`] that withholds any text
//! holding one and refuses a finished report that still does. Every file
//! written is an audit entry.

use crate::cases::{find, EntityGroups};
use crate::estimate::{known_place, EstimateRequest, Estimated};
use crate::registries::{load, parse_child_entity};
use crate::{Actor, AppError, Permission, Result, Scope};
use casefile_core::claim_kind::CHILD_COUNT;
use casefile_core::property::{
    AGE_MAX, AGE_MIN, ASSERTED_BY, CLAIM_KIND, DATE, DESTINATION, EVENT_KIND, NAME, NUMBER, ORIGIN,
    PERIOD, QUALIFIER, TIME_SCOPE, VIA,
};
use casefile_core::{
    is_sensitive, AuditRecord, Case, CaseItem, EntityId, EntityKind, PageMap, SourceId, Statement,
    StatementFilter, StatementId, Status, EVENT_RELATIONS, PARTY_RELATIONS,
};
use casefile_estimate::{Interval, MAX_LISTS, MIN_LISTS};
use casefile_link::Record;
use casefile_report::{
    point_of, region_at, EstimateRow, EstimateSection, Guard, ListSize, SpreadRow,
};
pub use casefile_report::{
    thousands, Cite, Claim, CountRange, Event, Package, Party, Place, Point, RegistryTally,
    Relation, ReportInput, Route, RouteClaim, RouteEvent, SourceRef,
};
use casefile_store::{now_rfc3339, Project, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The routes of a case (or the whole project).
#[derive(Debug, Clone, Serialize)]
pub struct RoutesReport {
    /// The case, or none for the whole project.
    pub case: Option<Case>,
    pub routes: Vec<Route>,
    /// The places on the routes, with their points.
    pub places: Vec<Place>,
}

/// The routes of `case` (name or number), or of the whole project.
pub fn routes(project: &mut Project, actor: &Actor, case: Option<&str>) -> Result<RoutesReport> {
    let (case, input) = gather_checked(project, actor, case)?;
    let routes = casefile_report::routes(&input);
    let on_routes: BTreeSet<&str> = routes
        .iter()
        .flat_map(|r| {
            std::iter::once(r.origin.as_str())
                .chain(r.via.iter().map(String::as_str))
                .chain(std::iter::once(r.destination.as_str()))
        })
        .collect();
    let places = input
        .places
        .iter()
        .filter(|p| on_routes.contains(p.name.as_str()))
        .cloned()
        .collect();
    Ok(RoutesReport {
        case,
        routes,
        places,
    })
}

/// What a report command wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    pub path: String,
    /// html, pdf or geojson.
    pub format: String,
    pub case: Option<Case>,
    pub bytes: u64,
    pub routes: usize,
    pub claims: usize,
    pub events: usize,
    pub relations: usize,
    pub sources: usize,
    /// Texts withheld because they held a child's name.
    pub withheld: usize,
}

/// The GeoJSON of the routes of `case` (or the whole project), checked for
/// children's names; written to `out` (which must not exist) when given.
/// Either way the export is an audit entry.
pub fn geojson(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
    out: Option<&Path>,
) -> Result<(Written, String)> {
    let (case, input, guard, withheld) = gather_guarded(project, actor, case)?;
    let text = serde_json::to_string_pretty(&casefile_report::geojson(&input))
        .map_err(|e| AppError::Invalid(format!("cannot write GeoJSON: {e}")))?;
    guard.check("GeoJSON", &text)?;
    let mut written = summary(
        "geojson",
        case,
        &input,
        Path::new("-"),
        text.len() as u64,
        withheld,
    );
    if let Some(out) = out {
        write_new(out, text.as_bytes())?;
        written = done(project, actor, written, out)?;
    } else {
        audit(project, actor, &written)?;
    }
    Ok((written, text))
}

/// Renders the HTML report of `case` (or the whole project), checked for
/// children's names.
pub fn html(project: &mut Project, actor: &Actor, case: Option<&str>) -> Result<(Written, String)> {
    let (case, input, guard, withheld) = gather_guarded(project, actor, case)?;
    let html = casefile_report::render_html(&input)?;
    guard.check("report", &html)?;
    let written = summary(
        "html",
        case,
        &input,
        Path::new(""),
        html.len() as u64,
        withheld,
    );
    Ok((written, html))
}

/// Writes the HTML report to `out` (which must not exist).
pub fn write_html(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
    out: &Path,
) -> Result<Written> {
    let (written, html) = html(project, actor, case)?;
    write_new(out, html.as_bytes())?;
    done(project, actor, written, out)
}

/// Writes the report as PDF to `out` (which must not exist), printing the
/// HTML with headless Chromium (`chromium`, default `/usr/bin/chromium`):
/// no network, no script; the page is read from a private temporary file.
pub fn write_pdf(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
    out: &Path,
    chromium: Option<&Path>,
) -> Result<Written> {
    if out.exists() {
        return Err(AppError::input(out, "already exists"));
    }
    let (mut written, html) = html(project, actor, case)?;
    print_pdf(&html, out, chromium)?;
    written.format = "pdf".into();
    done(project, actor, written, out)
}

/// Records a written file: its path and size, and the audit entry.
fn done(project: &mut Project, actor: &Actor, mut written: Written, out: &Path) -> Result<Written> {
    written.path = out.display().to_string();
    written.bytes = std::fs::metadata(out).map_or(written.bytes, |m| m.len());
    audit(project, actor, &written)?;
    Ok(written)
}

/// Prints `html` to the PDF file `out` with headless Chromium.
pub fn print_pdf(html: &str, out: &Path, chromium: Option<&Path>) -> Result<()> {
    let chromium = chromium.map_or_else(|| PathBuf::from("/usr/bin/chromium"), Path::to_path_buf);
    if !chromium.is_file() {
        return Err(AppError::input(
            &chromium,
            "Chromium is needed to print a PDF (Debian: apt-get install chromium)",
        ));
    }
    let dir = tempfile::tempdir().map_err(|e| AppError::input(out, e))?;
    let page = dir.path().join("report.html");
    std::fs::write(&page, html).map_err(|e| AppError::input(&page, e))?;
    let target = dir.path().join("report.pdf");
    let output = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", target.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| AppError::input(&chromium, e))?;
    let pdf = std::fs::read(&target).map_err(|_| {
        AppError::input(
            &chromium,
            format!(
                "printed no PDF (exit {:?}): {}",
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ),
        )
    })?;
    if !pdf.starts_with(b"%PDF-") {
        return Err(AppError::input(
            &chromium,
            "printed a file that is not a PDF",
        ));
    }
    write_new(out, &pdf)
}

fn summary(
    format: &str,
    case: Option<Case>,
    input: &ReportInput,
    out: &Path,
    bytes: u64,
    withheld: usize,
) -> Written {
    Written {
        path: out.display().to_string(),
        format: format.into(),
        case,
        bytes,
        routes: casefile_report::routes(input).len(),
        claims: input.claims.len(),
        events: input.events.len(),
        relations: input.relations.len(),
        sources: input.sources.len(),
        withheld,
    }
}

fn audit(project: &mut Project, actor: &Actor, written: &Written) -> Result<()> {
    project.store_mut().append_audit(AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: format!("report.{}", written.format),
        objects: written
            .case
            .iter()
            .map(|c| format!("case:{}", c.id.0))
            .collect(),
        detail: serde_json::json!({
            "path": written.path,
            "bytes": written.bytes,
            "withheld": written.withheld,
        })
        .to_string(),
    })?;
    Ok(())
}

fn write_new(out: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(|e| AppError::input(out, e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| AppError::input(out, e))
}

/// The input with every text naming a child withheld, the guard that
/// checks the output, and how many texts were withheld.
fn gather_guarded(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
) -> Result<(Option<Case>, ReportInput, Guard, usize)> {
    let registries = read_registries(project, actor, case)?;
    let (case, mut input) = gather_from(project, actor, case, &registries)?;
    let guard = Guard::new(protected_values(project, &registries)?)?;
    let before = serde_json::to_string(&input).unwrap_or_default();
    guard.redact(&mut input);
    let withheld = serde_json::to_string(&input)
        .unwrap_or_default()
        .matches(casefile_report::WITHHELD)
        .count()
        .saturating_sub(before.matches(casefile_report::WITHHELD).count());
    Ok((case, input, guard, withheld))
}

fn gather_checked(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
) -> Result<(Option<Case>, ReportInput)> {
    let (case, input, _, _) = gather_guarded(project, actor, case)?;
    Ok((case, input))
}

/// Every registry's records, read once for a report (one audited read
/// each) and shared by the children guard, the tallies and the estimate.
type RegistryRecords = Vec<(String, Vec<Record>)>;

/// Reads every registry of the project for a report of `case`, after the
/// checks that refuse the report (so a refused report reads nothing). A
/// registry that cannot be read refuses the report: the guard needs every
/// registry's names to withhold them.
fn read_registries(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
) -> Result<RegistryRecords> {
    actor.require(Permission::ReadFindings)?;
    if let Some(case) = case {
        find(project.store(), case)?;
    }
    let mut out = Vec::new();
    for info in project.store().registries()? {
        let records = load(project, &info.name, actor, "report").map_err(|e| {
            AppError::Invalid(format!(
                "registry {:?} cannot be read ({e}); a report needs the names of every registry's children to withhold them, so none is made until it can be read",
                info.name
            ))
        })?;
        out.push((info.name, records));
    }
    Ok(out)
}

/// Every name of a child the project holds: the name fields of each
/// registry's records, and protected statements of child entities.
fn protected_values(project: &Project, registries: &RegistryRecords) -> Result<Vec<String>> {
    let mut values = Vec::new();
    for s in project.store().statements(&StatementFilter {
        entity_kind: Some(EntityKind::Child),
        ..Default::default()
    })? {
        if is_sensitive(EntityKind::Child, &s.property) {
            values.push(s.value);
        }
    }
    for (_, records) in registries {
        for r in records {
            // Full names and surnames; a given name alone ("Anna") names no
            // one and would withhold every quote about an official who shares it.
            let fields = [&r.full_name, &r.surname, &r.guardian];
            values.extend(fields.into_iter().flatten().cloned());
            if let (Some(g), Some(s)) = (&r.given, &r.surname) {
                values.push(format!("{g} {s}"));
                values.push(format!("{s} {g}"));
            }
        }
    }
    Ok(values)
}

/// Above this many entities touched by a case, their statements are read
/// by kind in one pass each rather than entity by entity.
const BULK: usize = 2_000;

/// The kinds of entity whose statements a report shows.
const REPORTED_KINDS: [EntityKind; 4] = [
    EntityKind::Claim,
    EntityKind::Event,
    EntityKind::Person,
    EntityKind::Organization,
];

/// Calls `f` with every statement about an entity of the reported kinds,
/// reading one kind at a time.
fn each_reported_statement(
    store: &dyn Store,
    mut f: impl FnMut(Statement) -> Result<()>,
) -> Result<()> {
    for kind in REPORTED_KINDS {
        for s in store.statements(&StatementFilter {
            entity_kind: Some(kind),
            ..Default::default()
        })? {
            f(s)?;
        }
    }
    Ok(())
}

/// Everything of `case` (or the whole project) a report shows.
pub fn gather(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
) -> Result<(Option<Case>, ReportInput)> {
    let registries = read_registries(project, actor, case)?;
    gather_from(project, actor, case, &registries)
}

/// [`gather`] with the registries already read.
fn gather_from(
    project: &mut Project,
    actor: &Actor,
    case: Option<&str>,
    registries: &RegistryRecords,
) -> Result<(Option<Case>, ReportInput)> {
    actor.require(Permission::ReadFindings)?;
    let case = case.map(|c| find(project.store(), c)).transpose()?;
    let store = project.store();
    let scope = Scope::of(actor, store);
    let mut kinds: HashMap<EntityId, EntityKind> = HashMap::new();
    for kind in REPORTED_KINDS {
        for e in store.entities(Some(kind))? {
            kinds.insert(e.id, kind);
        }
    }
    // The statements: by entity, each once.
    let mut by_entity: BTreeMap<EntityId, BTreeMap<StatementId, Statement>> = BTreeMap::new();
    let keep = |s: Statement, by_entity: &mut BTreeMap<_, BTreeMap<_, _>>| -> Result<()> {
        if s.status == Status::Rejected || !kinds.contains_key(&s.entity) {
            return Ok(());
        }
        if !scope.statement_visible(&s)? {
            return Ok(());
        }
        if let Some(id) = s.id {
            by_entity.entry(s.entity.clone()).or_default().insert(id, s);
        }
        Ok(())
    };
    let mut child_entities: Vec<EntityId> = Vec::new();
    match &case {
        None => each_reported_statement(store, |s| keep(s, &mut by_entity))?,
        Some(case) => {
            let mut groups = EntityGroups::default();
            let mut touched: BTreeSet<EntityId> = BTreeSet::new();
            for item in store.case_items(case.id)? {
                match item {
                    CaseItem::Source(id) => {
                        for s in store.statements(&StatementFilter {
                            source: Some(id),
                            ..Default::default()
                        })? {
                            touched.insert(s.entity.clone());
                            keep(s, &mut by_entity)?;
                        }
                    }
                    CaseItem::Entity(id) => {
                        if id.0.starts_with("child:") {
                            child_entities.push(id);
                            continue;
                        }
                        for member in groups.entity(store, &id)?.members {
                            touched.insert(member);
                        }
                    }
                    CaseItem::Statement(id) => {
                        if let Some(s) = store.statement(id)? {
                            touched.insert(s.entity.clone());
                            keep(s, &mut by_entity)?;
                        }
                    }
                }
            }
            // Every statement about what the case touches: a claim named by
            // one statement brings its number, scope and asserter.
            touched.retain(|e| kinds.contains_key(e));
            if touched.len() > BULK {
                // Many entities: one pass over each kind's statements beats
                // a query per entity.
                each_reported_statement(store, |s| {
                    if touched.contains(&s.entity) {
                        keep(s, &mut by_entity)?;
                    }
                    Ok(())
                })?;
            } else {
                for entity in touched {
                    for s in store.statements(&StatementFilter {
                        entity: Some(entity),
                        ..Default::default()
                    })? {
                        keep(s, &mut by_entity)?;
                    }
                }
            }
        }
    }

    let mut pages: HashMap<SourceId, Option<PageMap>> = HashMap::new();
    let mut sources: BTreeMap<SourceId, SourceRef> = BTreeMap::new();
    let mut cite_of = |s: &Statement| -> Result<Option<Cite>> {
        let (Some(source), Some(span)) = (&s.source, &s.span) else {
            return Ok(None);
        };
        if !pages.contains_key(source) {
            let full = store.source(&source.0)?;
            sources.insert(
                source.clone(),
                SourceRef {
                    id: source.0.clone(),
                    title: full.meta.title,
                    publisher: full.meta.publisher,
                    published: full.meta.published,
                    url: full.meta.url,
                },
            );
            pages.insert(source.clone(), full.pages);
        }
        let page = pages
            .get(source)
            .and_then(Option::as_ref)
            .and_then(|p| p.page_of(span.start));
        Ok(Some(Cite {
            source: source.0.clone(),
            start: span.start,
            end: span.end,
            quote: span.quote.clone(),
            page,
        }))
    };

    let mut input = ReportInput {
        title: case
            .as_ref()
            .map_or_else(|| "Whole project".to_string(), |c| c.name.clone()),
        description: case
            .as_ref()
            .map(|c| c.description.clone())
            .unwrap_or_default(),
        generated_at: now_rfc3339(),
        generator: crate::tool(),
        ..Default::default()
    };
    for (entity, statements) in &by_entity {
        let list: Vec<&Statement> = statements.values().collect();
        let one = |p: &str| list.iter().find(|s| s.property == p).copied();
        let all = |p: &str| -> Vec<String> {
            let mut v: Vec<String> = Vec::new();
            for s in list.iter().filter(|s| s.property == p) {
                if !v.contains(&s.value) {
                    v.push(s.value.clone());
                }
            }
            v
        };
        match kinds.get(entity) {
            Some(EntityKind::Claim) => {
                if one(CLAIM_KIND).map(|s| s.value.as_str()) != Some(CHILD_COUNT) {
                    continue;
                }
                // The claim's words: its number's span, else any of its spans.
                let Some(cited) = one(NUMBER)
                    .filter(|s| s.span.is_some())
                    .or_else(|| list.iter().find(|s| s.span.is_some()).copied())
                else {
                    continue;
                };
                let Some(cite) = cite_of(cited)? else {
                    continue;
                };
                input.claims.push(Claim {
                    id: entity.0.clone(),
                    number: one(NUMBER).and_then(|s| s.value.parse().ok()),
                    qualifier: one(QUALIFIER).map_or_else(|| "exact".into(), |s| s.value.clone()),
                    age_min: one(AGE_MIN).and_then(|s| s.value.parse().ok()),
                    age_max: one(AGE_MAX).and_then(|s| s.value.parse().ok()),
                    origins: all(ORIGIN),
                    via: all(VIA),
                    destinations: all(DESTINATION),
                    time_scope: one(TIME_SCOPE).map(|s| s.value.clone()),
                    asserted_by: one(ASSERTED_BY).map(|s| s.value.clone()),
                    // Filled below, once every source is read.
                    published: None,
                    cite,
                });
            }
            Some(EntityKind::Event) => {
                let Some(kind) = one(EVENT_KIND) else {
                    continue;
                };
                let Some(cite) = cite_of(kind)? else { continue };
                let mut parties = Vec::new();
                for s in &list {
                    if EVENT_RELATIONS.contains(&s.property.as_str())
                        && ![ORIGIN, VIA, DESTINATION].contains(&s.property.as_str())
                    {
                        parties.push(Party {
                            role: s.property.clone(),
                            name: s.value.clone(),
                            cite: cite_of(s)?,
                        });
                    }
                }
                input.events.push(Event {
                    id: entity.0.clone(),
                    kind: kind.value.clone(),
                    date: one(DATE).map(|s| s.value.clone()),
                    period: one(PERIOD).map(|s| s.value.clone()),
                    origins: all(ORIGIN),
                    via: all(VIA),
                    destinations: all(DESTINATION),
                    parties,
                    cite,
                });
            }
            Some(kind @ (EntityKind::Person | EntityKind::Organization)) => {
                let relations: Vec<&&Statement> = list
                    .iter()
                    .filter(|s| PARTY_RELATIONS.contains(&s.property.as_str()))
                    .collect();
                if relations.is_empty() {
                    continue;
                }
                let Some(name) = one(NAME).map(|s| s.value.clone()) else {
                    continue;
                };
                for s in relations {
                    input.relations.push(Relation {
                        subject: name.clone(),
                        subject_kind: kind.as_str().to_string(),
                        relation: s.property.clone(),
                        object: s.value.clone(),
                        cite: cite_of(s)?,
                    });
                }
            }
            _ => {}
        }
    }
    for c in &mut input.claims {
        c.published = sources
            .get(&SourceId(c.cite.source.clone()))
            .and_then(|s| s.published.clone());
    }
    input.sources = sources.into_values().collect();
    input.package = case
        .as_ref()
        .map(|c| last_package(project, c))
        .transpose()?
        .flatten();
    input.registries = tallies(registries, actor, case.is_none(), &child_entities);
    match estimate_section(project, actor, registries, case.is_none(), &child_entities)? {
        Ok(section) => input.estimate = Some(section),
        Err(reason) => input.estimate_unavailable = Some(reason),
    }
    input.places = places(&input);
    Ok((case, input))
}

/// The estimate of the children no list recorded, over the whole registry
/// lists that the case's child records come from (every registry for the
/// whole project), from the records the report has read. When it cannot be
/// made — the role may not read registries, fewer than 3 or more than 5
/// lists, a table the methods refuse — the reason in plain words (counts
/// and list names only); reading or linking failures of the store are errors.
fn estimate_section(
    project: &Project,
    actor: &Actor,
    registries: &RegistryRecords,
    whole_project: bool,
    children: &[EntityId],
) -> Result<std::result::Result<EstimateSection, String>> {
    if !actor.role.allows(Permission::ReadRegistries) {
        return Ok(Err(format!(
            "The estimate is made from the children's registry lists, which the {} role may not read.",
            actor.role
        )));
    }
    let mut names: Vec<String> = Vec::new();
    if whole_project {
        names.extend(registries.iter().map(|(name, _)| name.clone()));
    } else {
        for id in children {
            if let Some((registry, _)) = parse_child_entity(id) {
                if !names.iter().any(|n| n == registry) {
                    names.push(registry.to_string());
                }
            }
        }
    }
    let whose = if whole_project {
        "the project"
    } else {
        "this case"
    };
    if !(MIN_LISTS..=MAX_LISTS).contains(&names.len()) {
        let has = match names.len() {
            0 => "none".to_string(),
            n => n.to_string(),
        };
        return Ok(Err(format!(
            "An estimate of the children no list recorded needs {MIN_LISTS} to {MAX_LISTS} registry lists (with fewer, how the lists depend on one another cannot be checked); {whose} has {has}."
        )));
    }
    let mut lists: Vec<&[Record]> = Vec::with_capacity(names.len());
    for name in &names {
        match registries.iter().find(|(n, _)| n == name) {
            Some((_, records)) => lists.push(records),
            None => {
                return Ok(Err(format!(
                    "The estimate needs registry {name:?}, which {whose} names but the project does not hold."
                )))
            }
        }
    }
    let request = EstimateRequest {
        registries: names,
        ..Default::default()
    };
    let answer = match crate::estimate::estimate_records(project, &request, &lists) {
        Ok(answer) => answer,
        Err(AppError::Invalid(reason)) => {
            return Ok(Err(format!(
                "The estimate could not be made from these lists: {reason}."
            )))
        }
        Err(e) => return Err(e),
    };
    let Estimated::Whole(estimate) = &answer.estimate else {
        return Ok(Err(
            "The estimate came back by strata, which the report does not show.".to_string(),
        ));
    };
    let row = |method: &str, n_hat: f64, interval: &Interval, detail: Option<String>| EstimateRow {
        method: method.to_string(),
        n_hat,
        lower: interval.lower,
        upper: interval.upper,
        detail,
    };
    Ok(Ok(EstimateSection {
        lists: answer
            .lists
            .iter()
            .map(|l| ListSize {
                name: l.name.clone(),
                records: l.records,
            })
            .collect(),
        threshold: answer.threshold,
        observed: estimate.observed,
        methods: estimate
            .method_rows()
            .iter()
            .map(|r| row(&r.method, r.n_hat, &r.interval, r.detail.clone()))
            .collect(),
        floor: estimate.heterogeneity.as_ref().map(|b| {
            row(
                "check: Chao's lower bound, uneven visibility",
                b.n_hat,
                &b.interval,
                Some(format!(
                    "a floor, not an estimate: {} seen on one list only, {} on exactly two",
                    b.seen_once, b.seen_twice
                )),
            )
        }),
        warnings: estimate.messages.clone(),
        spread: answer
            .spread
            .spreads
            .iter()
            .map(|s| SpreadRow {
                method: s.method.clone(),
                lowest: s.lowest,
                highest: s.highest,
            })
            .collect(),
        spread_note: answer.spread_note.clone(),
    }))
}

/// The last `export.bagit` of the case in the audit log.
fn last_package(project: &Project, case: &Case) -> Result<Option<Package>> {
    let object = format!("case:{}", case.id.0);
    let log = project.store().audit_entries()?;
    Ok(log
        .iter()
        .rev()
        .find(|e| e.record.action == "export.bagit" && e.record.objects.contains(&object))
        .and_then(|e| {
            let detail: serde_json::Value = serde_json::from_str(&e.record.detail).ok()?;
            let text = |k: &str| detail.get(k).and_then(|v| v.as_str()).map(str::to_string);
            Some(Package {
                sha256: text("package_sha256")?,
                profile: text("profile").unwrap_or_default(),
                exported_at: e.record.time.clone(),
                key: text("key").unwrap_or_default(),
            })
        }))
}

/// Records per registry and region of last known place: all records for
/// the whole project, the case's child records for a case.
fn tallies(
    registries: &RegistryRecords,
    actor: &Actor,
    whole_project: bool,
    children: &[EntityId],
) -> Vec<RegistryTally> {
    if !actor.role.allows(Permission::ReadRegistries) {
        return Vec::new();
    }
    let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for id in children {
        if let Some((registry, record)) = parse_child_entity(id) {
            wanted
                .entry(registry.to_string())
                .or_default()
                .insert(record.to_string());
        }
    }
    let mut out = Vec::new();
    for (name, records) in registries {
        if !whole_project && !wanted.contains_key(name) {
            continue;
        }
        let mut by_place: BTreeMap<Option<String>, u64> = BTreeMap::new();
        for r in records {
            if !whole_project && !wanted.get(name).is_some_and(|w| w.contains(&r.id)) {
                continue;
            }
            let place = r.last_place.as_deref().and_then(known_place);
            *by_place.entry(place).or_default() += 1;
        }
        out.extend(by_place.into_iter().map(|(origin, records)| RegistryTally {
            registry: name.clone(),
            origin,
            records,
        }));
    }
    out
}

/// Every place the input names, with its point and region; the regions
/// that routes are aggregated to are added as places of their own.
fn places(input: &ReportInput) -> Vec<Place> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for c in &input.claims {
        names.extend(
            c.origins
                .iter()
                .chain(&c.via)
                .chain(&c.destinations)
                .cloned(),
        );
    }
    for e in &input.events {
        names.extend(
            e.origins
                .iter()
                .chain(&e.via)
                .chain(&e.destinations)
                .cloned(),
        );
    }
    names.extend(input.registries.iter().filter_map(|t| t.origin.clone()));
    let mut out: BTreeMap<String, Place> = BTreeMap::new();
    for name in names {
        let place = place(&name);
        if let Some(region) = place.region.clone() {
            out.entry(region.clone()).or_insert_with(|| Place {
                region: None,
                ..self::place(&region)
            });
        }
        out.insert(name, place);
    }
    out.into_values().collect()
}

fn place(name: &str) -> Place {
    let Some(entry) = casefile_extract::lookup_place(name).into_iter().next() else {
        return Place {
            name: name.to_string(),
            kind: String::new(),
            country: None,
            point: None,
            region: None,
        };
    };
    let kind = entry.kind.as_str();
    let country = entry.country.clone().unwrap_or_default();
    let point = point_of(kind, &country, entry.population, &entry.canonical);
    let region = match (kind, point) {
        ("settlement" | "facility", Some(p)) => region_at(p.lat, p.lon)
            .filter(|r| *r != name)
            .map(str::to_string),
        _ => None,
    };
    Place {
        name: name.to_string(),
        kind: kind.to_string(),
        country: entry.country.clone(),
        point,
        region,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registries::child_entity;

    /// Each way the estimate cannot be made gives its reason in words:
    /// lists the methods refuse (here: nobody on them), too few lists, a
    /// registry the case names that the project does not hold.
    #[test]
    fn a_missing_estimate_gives_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let actor = Actor::local("tester");
        let project = crate::sources::init(&dir.path().join("p"), &actor).unwrap();
        let empty: RegistryRecords = ["a", "b", "c"]
            .map(|name| (name.to_string(), Vec::new()))
            .into();
        let reason = estimate_section(&project, &actor, &empty, true, &[])
            .unwrap()
            .unwrap_err();
        assert!(
            reason.contains("could not be made") && reason.contains("no observed person"),
            "{reason}"
        );
        let two = empty[..2].to_vec();
        let reason = estimate_section(&project, &actor, &two, true, &[])
            .unwrap()
            .unwrap_err();
        assert!(reason.contains("the project has 2"), "{reason}");
        let children = [
            child_entity("a", "1"),
            child_entity("b", "1"),
            child_entity("gone", "1"),
        ];
        let reason = estimate_section(&project, &actor, &empty, false, &children)
            .unwrap()
            .unwrap_err();
        assert!(
            reason.contains("\"gone\"") && reason.contains("does not hold"),
            "{reason}"
        );
    }
}
