//! Persons, organizations and places across sources, and the human
//! judgements on them.
//!
//! Findings are stored per source (see `casefile_extract::statements`); here
//! they are resolved across sources on the fly and human judgements (merge,
//! split) are replayed on top, in statement order, so a listing always
//! reflects every source and every correction, and each judgement can be
//! undone by another (or by rejecting its statement).

use crate::{Actor, AppError, Permission, Result, Scope};
use casefile_core::property::{ACRONYM, ALIAS, MENTION, PLACE_KIND, ROLE, SAME_AS, SPLIT_OFF};
use casefile_core::{
    AuditRecord, Entity, EntityId, EntityKind, Origin, SourceId, Statement, StatementFilter,
    StatementId, Status,
};
use casefile_extract::{
    apply_judgements, organization_from_statements, person_from_statements, Judgement,
};
use casefile_store::{now_rfc3339, MemoTable, Project, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// One entity across sources.
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

/// Source-local entities of one kind with their statements (rejected ones left out).
pub(crate) struct Locals {
    pub(crate) entities: Vec<Entity>,
    pub(crate) statements: HashMap<EntityId, Vec<Statement>>,
}

///
/// With a limited `scope` (a viewer), only the statements it may see, and
/// only the entities with at least one of them: an entity's caption comes
/// from its statements, so one with none visible is not shown at all.
pub(crate) fn load_locals(store: &dyn Store, kind: EntityKind, scope: &Scope) -> Result<Locals> {
    let mut entities = store.entities(Some(kind))?;
    let mut statements: HashMap<EntityId, Vec<Statement>> = HashMap::new();
    let filter = StatementFilter {
        entity_kind: Some(kind),
        ..Default::default()
    };
    for s in store.statements(&filter)? {
        if s.status != Status::Rejected && scope.statement_visible(&s)? {
            statements.entry(s.entity.clone()).or_default().push(s);
        }
    }
    if !scope.is_everything() {
        entities.retain(|e| statements.contains_key(&e.id));
    }
    Ok(Locals {
        entities,
        statements,
    })
}

fn judgements(store: &dyn Store, scope: &Scope) -> Result<Vec<Judgement>> {
    let mut all = Vec::new();
    for property in [SAME_AS, SPLIT_OFF] {
        let filter = StatementFilter {
            property: Some(property.to_string()),
            origin: Some(Origin::Human),
            ..Default::default()
        };
        for s in store.statements(&filter)? {
            if s.status != Status::Rejected && scope.statement_visible(&s)? {
                all.push(s);
            }
        }
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
            // Places come from the gazetteer: one entry (or renamed place)
            // and kind is one place; a name it lacks (a camp) is grouped by
            // its words, descriptors dropped and generic words translated.
            let mut by_key: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
            // The key of each caption once: a place is named alike in
            // thousands of sources, and its key costs gazetteer look-ups.
            let mut keys: HashMap<&str, String> = HashMap::new();
            for (i, e) in locals.entities.iter().enumerate() {
                let place_kind = about(e)
                    .iter()
                    .find(|s| s.property == PLACE_KIND)
                    .map(|s| s.value.clone())
                    .unwrap_or_default();
                let key = keys
                    .entry(e.caption.as_str())
                    .or_insert_with(|| casefile_extract::place_group_key(&e.caption))
                    .clone();
                by_key.entry((key, place_kind)).or_default().push(i);
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
    resolve_in(store, kind, &Scope::of(&Actor::local("resolve"), store))
}

/// [`resolve`] from only what `scope` may see.
fn resolve_in(store: &dyn Store, kind: EntityKind, scope: &Scope) -> Result<Vec<Resolved>> {
    Ok(MachineLayer::read(store, kind, scope)?.resolve(&judgements(store, scope)?))
}

/// What resolution reads of one source-local entity: enough to name and
/// describe the entity it joins, so that the statements themselves need not
/// be kept.
struct LocalSummary {
    caption: String,
    mentions: usize,
    /// Aliases and acronyms.
    variants: Vec<String>,
    roles: Vec<String>,
    sources: BTreeSet<SourceId>,
}

/// Resolution across sources before human judgements: the machine's
/// clusters of source-local entities, and what each entity contributes.
/// Judgements (merge, split) only regroup these clusters, so this layer is
/// kept across them (see [`resolved`]) and a merge costs no new pass over
/// the statements.
struct MachineLayer {
    kind: EntityKind,
    clusters: Vec<Vec<String>>,
    locals: HashMap<String, LocalSummary>,
}

impl MachineLayer {
    fn read(store: &dyn Store, kind: EntityKind, scope: &Scope) -> Result<MachineLayer> {
        let locals = load_locals(store, kind, scope)?;
        let clusters = machine_clusters(kind, &locals);
        let mut summaries = HashMap::with_capacity(locals.entities.len());
        for e in &locals.entities {
            let statements = locals
                .statements
                .get(&e.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut summary = LocalSummary {
                caption: e.caption.clone(),
                mentions: 0,
                variants: Vec::new(),
                roles: Vec::new(),
                sources: BTreeSet::new(),
            };
            for s in statements {
                match s.property.as_str() {
                    MENTION => summary.mentions += 1,
                    ALIAS | ACRONYM => summary.variants.push(s.value.clone()),
                    ROLE => summary.roles.push(s.value.clone()),
                    _ => {}
                }
                if let Some(source) = &s.source {
                    summary.sources.insert(source.clone());
                }
            }
            summaries.insert(e.id.0.clone(), summary);
        }
        Ok(MachineLayer {
            kind,
            clusters,
            locals: summaries,
        })
    }

    /// The entities once `judgements` are applied, the most mentioned first.
    fn resolve(&self, judgements: &[Judgement]) -> Vec<Resolved> {
        let clusters = apply_judgements(self.clusters.clone(), judgements);
        let mut out = Vec::new();
        for members in clusters {
            let mut names: BTreeMap<&str, usize> = BTreeMap::new();
            let mut variants = BTreeSet::new();
            let mut roles = BTreeSet::new();
            let mut sources = BTreeSet::new();
            let mut mentions = 0;
            for m in &members {
                let Some(local) = self.locals.get(m.as_str()) else {
                    continue;
                };
                variants.insert(local.caption.as_str());
                *names.entry(local.caption.as_str()).or_default() += local.mentions.max(1);
                mentions += local.mentions;
                variants.extend(local.variants.iter().map(String::as_str));
                roles.extend(local.roles.iter().map(String::as_str));
                sources.extend(local.sources.iter());
            }
            // The display name: the fullest spelling among the most mentioned.
            let Some(name) = names
                .iter()
                .max_by_key(|(n, c)| (n.split_whitespace().count().min(3), **c, n.len()))
                .map(|(n, _)| n.to_string())
            else {
                continue;
            };
            out.push(Resolved {
                id: members[0].clone(),
                kind: self.kind,
                name,
                variants: variants.into_iter().map(str::to_string).collect(),
                roles: roles.into_iter().map(str::to_string).collect(),
                mentions,
                sources: sources.into_iter().cloned().collect(),
                members,
            });
        }
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
        out
    }
}

/// The kinds of entity that resolve across sources.
pub const RESOLVED_KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

/// Reads a kind as users write it: person, organization (or org), place.
pub fn parse_kind(kind: &str) -> Result<EntityKind> {
    Ok(match kind {
        "person" => EntityKind::Person,
        "organization" | "org" => EntityKind::Organization,
        "place" => EntityKind::Place,
        other => {
            return Err(AppError::Invalid(format!(
                "unknown entity kind {other:?} (expected person, organization or place)"
            )))
        }
    })
}

/// Every resolved entity of `kind` (all three kinds when `None`), the most
/// mentioned first within each kind.
pub fn entities(
    project: &Project,
    actor: &Actor,
    kind: Option<EntityKind>,
) -> Result<Vec<Resolved>> {
    actor.require(Permission::ReadFindings)?;
    let kinds = match kind {
        Some(k) => vec![k],
        None => RESOLVED_KINDS.to_vec(),
    };
    let scope = Scope::of(actor, project.store());
    let mut all = Vec::new();
    for kind in kinds {
        all.extend(resolved(project, kind, &scope)?.entities.iter().cloned());
    }
    Ok(all)
}

/// The kind of the source-local entity `id`, when it is one that resolves.
fn resolved_kind(store: &dyn Store, id: &str) -> Result<EntityKind> {
    match store.entity(&EntityId(id.to_string()))? {
        Some(e) if RESOLVED_KINDS.contains(&e.kind) => Ok(e.kind),
        _ => Err(AppError::NotFound(format!(
            "no person, organization or place has the id {id:?} (see `casefile entities`)"
        ))),
    }
}

/// Every entity of one kind across sources, with where each member is and
/// which entities each source holds.
pub struct ResolvedKind {
    /// The most mentioned first.
    pub entities: Vec<Resolved>,
    /// Position in `entities` of the entity each member id belongs to.
    by_member: HashMap<String, usize>,
    /// Positions in `entities` of the entities seen in each source: the
    /// entities that appear with one are counted from its own sources.
    by_source: HashMap<SourceId, Vec<usize>>,
}

impl ResolvedKind {
    pub(crate) fn new(entities: Vec<Resolved>) -> ResolvedKind {
        let by_member = entities
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.members.iter().map(move |m| (m.clone(), i)))
            .collect();
        let mut by_source: HashMap<SourceId, Vec<usize>> = HashMap::new();
        for (i, r) in entities.iter().enumerate() {
            for source in &r.sources {
                by_source.entry(source.clone()).or_default().push(i);
            }
        }
        ResolvedKind {
            entities,
            by_member,
            by_source,
        }
    }

    /// The entity that has `id` among its members.
    pub fn member_of(&self, id: &str) -> Result<&Resolved> {
        self.by_member
            .get(id)
            .and_then(|&i| self.entities.get(i))
            .ok_or_else(|| AppError::NotFound(format!("{id:?} is in no resolved entity")))
    }

    /// The entities (positions in `entities`) seen in `source`.
    pub fn in_source(&self, source: &SourceId) -> &[usize] {
        self.by_source.get(source).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Every entity of `kind` as `scope` may see it. Resolution across sources
/// is a pass over every statement of the kind, so its result is made once
/// per state of the database and shared by every request until the next
/// write that can change it ([`Project::derived`]): one for those who see
/// everything, one for the restricted scope (viewers), which depends on the
/// database alone too. The machine's layer under it ([`MachineLayer`])
/// outlives merges and splits as well.
fn resolved(project: &Project, kind: EntityKind, scope: &Scope) -> Result<Arc<ResolvedKind>> {
    let restricted = !scope.is_everything();
    let Some((key, machine_key)) = cache_keys(kind, restricted) else {
        return Ok(Arc::new(ResolvedKind::new(resolve_in(
            project.store(),
            kind,
            scope,
        )?)));
    };
    project.derived(key, crate::derived::keeps_findings, |store| {
        let machine = project.derived(
            machine_key,
            crate::derived::keeps_machine_clusters,
            |store| MachineLayer::read(store, kind, &Scope::limited(store, restricted)),
        )?;
        let scope = Scope::limited(store, restricted);
        Ok(ResolvedKind::new(
            machine.resolve(&judgements(store, &scope)?),
        ))
    })
}

/// The names under which [`Project::derived`] keeps the entities of `kind`
/// and their machine layer, for everyone or for the restricted scope.
fn cache_keys(kind: EntityKind, restricted: bool) -> Option<(&'static str, &'static str)> {
    Some(match (kind, restricted) {
        (EntityKind::Person, false) => ("entities.person", "machine.person"),
        (EntityKind::Organization, false) => ("entities.organization", "machine.organization"),
        (EntityKind::Place, false) => ("entities.place", "machine.place"),
        (EntityKind::Person, true) => ("entities.person.restricted", "machine.person.restricted"),
        (EntityKind::Organization, true) => (
            "entities.organization.restricted",
            "machine.organization.restricted",
        ),
        (EntityKind::Place, true) => ("entities.place.restricted", "machine.place.restricted"),
        _ => return None,
    })
}

/// Every entity of `kind` as `actor` may see it, shared until the next write.
pub fn resolved_for(
    project: &Project,
    actor: &Actor,
    kind: EntityKind,
) -> Result<Arc<ResolvedKind>> {
    actor.require(Permission::ReadFindings)?;
    resolved(project, kind, &Scope::of(actor, project.store()))
}

/// Resolves every kind ahead of the first request that needs it (a server
/// calls this at start, so that no request waits for a resolution).
pub fn warm(project: &Project) -> Result<()> {
    let scope = Scope::limited(project.store(), false);
    for kind in RESOLVED_KINDS {
        resolved(project, kind, &scope)?;
    }
    Ok(())
}

fn find(project: &Project, id: &str, scope: &Scope) -> Result<Resolved> {
    let kind = resolved_kind(project.store(), id)?;
    resolved(project, kind, scope)?.member_of(id).cloned()
}

/// The sources of the resolved entity that has `id` among its members, as
/// `actor` may see it (what a search restricted to the entity looks in).
pub fn sources_of(project: &Project, actor: &Actor, id: &str) -> Result<Vec<SourceId>> {
    actor.require(Permission::ReadFindings)?;
    let kind = resolved_kind(project.store(), id)?;
    let resolved = resolved(project, kind, &Scope::of(actor, project.store()))?;
    Ok(resolved.member_of(id)?.sources.clone())
}

/// One entity and the statements about its members: all of them, or one
/// page of them.
#[derive(Debug, Clone, Serialize)]
pub struct EntityPage {
    pub entity: Resolved,
    /// Member by member as the entity lists them, each by id; from
    /// `offset`, at most the page's limit.
    pub statements: Vec<Statement>,
    /// How many statements there are about the entity's members in all.
    pub statements_total: usize,
    /// Position of the first of `statements` among them all.
    pub offset: usize,
}

/// The resolved entity that has `id` (any member id) among its members,
/// with every statement about it, with sources and quotes.
pub fn entity(project: &Project, actor: &Actor, id: &str) -> Result<Arc<EntityPage>> {
    entity_page(project, actor, id, 0, usize::MAX)
}

/// The pages of entities already read, for each state of the database:
/// kept through the writes that keep the resolved entities (the same
/// writes leave the statements about them as they were), at most this many
/// statements in all.
const PAGES: MemoTable = MemoTable {
    name: "entities.pages",
    kept_by: crate::derived::keeps_findings,
    capacity: 200_000,
};

/// [`entity`] with the statements from `offset`, at most `limit` (a
/// much-mentioned person has thousands). A page depends on the database,
/// the request and the actor's [`Scope`] alone (entities hold no child's
/// protected field, and reading one is no audited read), so a page once
/// read is shared by every request for it until a write can change it
/// ([`Project::memo`]): on PostgreSQL, a page read again costs no round
/// trip.
pub fn entity_page(
    project: &Project,
    actor: &Actor,
    id: &str,
    offset: usize,
    limit: usize,
) -> Result<Arc<EntityPage>> {
    actor.require(Permission::ReadFindings)?;
    if limit == 0 {
        return Err(AppError::Invalid(
            "a page holds at least one statement".to_string(),
        ));
    }
    let scope = Scope::of(actor, project.store());
    let key = format!("{}:{offset}:{limit}:{id}", scope.is_everything());
    project.memo(&PAGES, &key, |_| {
        let page = read_page(project, &scope, id, offset, limit)?;
        let weight = page.statements.len() + 1;
        Ok((page, weight))
    })
}

/// An entity's page as [`entity_page`] makes it, from the database.
fn read_page(
    project: &Project,
    scope: &Scope,
    id: &str,
    offset: usize,
    limit: usize,
) -> Result<EntityPage> {
    let store = project.store();
    let found = find(project, id, scope)?;
    let members: Vec<EntityId> = found.members.iter().cloned().map(EntityId).collect();
    if scope.is_everything() {
        // The page is read alone.
        let (statements, total) = store.statements_about_page(&members, offset, limit)?;
        return Ok(EntityPage {
            entity: found,
            statements,
            statements_total: usize::try_from(total).unwrap_or(usize::MAX),
            offset,
        });
    }
    let mut statements = Vec::new();
    // One query for every member (a much-mentioned person has hundreds).
    for s in store.statements_about(&members)? {
        if scope.statement_visible(&s)? {
            statements.push(s);
        }
    }
    // Member by member as the entity lists them, each by id.
    let position: HashMap<&EntityId, usize> =
        members.iter().enumerate().map(|(i, m)| (m, i)).collect();
    statements.sort_by_key(|s| position.get(&s.entity).copied().unwrap_or(usize::MAX));
    let statements_total = statements.len();
    let statements = if offset == 0 && limit >= statements_total {
        statements
    } else {
        statements.into_iter().skip(offset).take(limit).collect()
    };
    Ok(EntityPage {
        entity: found,
        statements,
        statements_total,
        offset,
    })
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

/// Stores a human judgement and its audit entry (with the reason), in one
/// transaction.
pub(crate) fn record_judgement(
    project: &mut Project,
    statement: Statement,
    action: &str,
    objects: Vec<String>,
    reason: &str,
    actor: &Actor,
) -> Result<StatementId> {
    let record = |ids: &[StatementId]| AuditRecord {
        time: now_rfc3339(),
        actor: actor.name.clone(),
        action: action.to_string(),
        objects: objects.clone(),
        detail: serde_json::json!({ "reason": reason, "statement": ids.first().map(|id| id.0) })
            .to_string(),
    };
    let ids = project
        .store_mut()
        .add_judgement(&[], &[statement], &record, &actor.name)?;
    ids.first()
        .copied()
        .ok_or_else(|| AppError::Invalid("the judgement was not stored".to_string()))
}

/// What [`merge`] did.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum MergeOutcome {
    /// The two ids were already one entity; nothing was recorded.
    AlreadyOne { entity: String },
    /// The judgement was recorded as `statement`.
    Merged {
        left: Box<Resolved>,
        right: Box<Resolved>,
        statement: StatementId,
    },
}

/// Records that the entities with members `a` and `b` are the same
/// (reversible with [`split`] or by rejecting the statement).
pub fn merge(
    project: &mut Project,
    actor: &Actor,
    a: &str,
    b: &str,
    reason: &str,
) -> Result<MergeOutcome> {
    actor.require(Permission::JudgeFindings)?;
    require_reason(reason)?;
    let (kind_a, kind_b) = (
        resolved_kind(project.store(), a)?,
        resolved_kind(project.store(), b)?,
    );
    if kind_a != kind_b {
        return Err(AppError::Invalid(format!(
            "cannot merge a {kind_a} with a {kind_b}"
        )));
    }
    // One resolution serves both lookups.
    let resolved = resolved(project, kind_a, &Scope::of(actor, project.store()))?;
    let (left, right) = (
        resolved.member_of(a)?.clone(),
        resolved.member_of(b)?.clone(),
    );
    if left.id == right.id {
        return Ok(MergeOutcome::AlreadyOne { entity: left.id });
    }
    let statement = judgement_statement(a, SAME_AS, b.to_string());
    let id = record_judgement(
        project,
        statement,
        "entity.merge",
        vec![a.to_string(), b.to_string()],
        reason,
        actor,
    )?;
    Ok(MergeOutcome::Merged {
        left: Box::new(left),
        right: Box::new(right),
        statement: id,
    })
}

/// What [`split`] did.
#[derive(Debug, Clone, Serialize)]
pub struct SplitOutcome {
    /// The entity the members were split off.
    pub entity: String,
    pub members: Vec<String>,
    pub statement: StatementId,
}

/// Records that `members` of the entity `id` are someone else.
pub fn split(
    project: &mut Project,
    actor: &Actor,
    id: &str,
    members: &[String],
    reason: &str,
) -> Result<SplitOutcome> {
    actor.require(Permission::JudgeFindings)?;
    require_reason(reason)?;
    let cluster = find(project, id, &Scope::of(actor, project.store()))?;
    for m in members {
        if !cluster.members.contains(m) {
            return Err(AppError::Invalid(format!(
                "{m} is not a member of {} (its members: {})",
                cluster.id,
                cluster.members.join(" ")
            )));
        }
    }
    if members.len() >= cluster.members.len() {
        return Err(AppError::Invalid(
            "splitting off every member leaves nothing behind; name only the members to separate"
                .to_string(),
        ));
    }
    let Some((first, rest)) = members.split_first() else {
        return Err(AppError::Invalid(format!(
            "name the members to split off (see `casefile entity {id}`)"
        )));
    };
    let statement = judgement_statement(first, SPLIT_OFF, rest.join(" "));
    let statement = record_judgement(
        project,
        statement,
        "entity.split",
        members.to_vec(),
        reason,
        actor,
    )?;
    Ok(SplitOutcome {
        entity: cluster.id,
        members: members.to_vec(),
        statement,
    })
}

/// A judgement needs its reason: it is what a later reader weighs.
pub(crate) fn require_reason(reason: &str) -> Result<()> {
    if reason.trim().is_empty() {
        return Err(AppError::Invalid("a reason is required".to_string()));
    }
    Ok(())
}
