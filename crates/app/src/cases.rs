//! Cases: what goes into one submission (to the ICC, a UN commission, a
//! publication). A case gathers sources, entities and statements; every
//! change is an audit entry written with it.
//!
//! Items are named as users see them elsewhere: a source by its id or a
//! unique prefix (`casefile sources`), an entity by its id (`casefile
//! entities`, `child:REGISTRY:RECORD` for registry records), a statement by
//! its number. When one text could name two kinds (`1234` is a statement
//! number and a source prefix), the operation refuses and asks for
//! `source:`, `entity:` or `statement:` in front.

use crate::entities::{resolve, ResolvedKind, RESOLVED_KINDS};
use crate::registries::{child_record_entity, load, parse_child_entity};
use crate::{Actor, AppError, Permission, Protected, Result, Scope};
use casefile_core::is_sensitive;
use casefile_core::{
    Case, CaseItem, EntityId, EntityKind, SourceId, SourceKind, StatementId, Status,
};
use casefile_store::{Project, Store, StoreError};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Creates a case; names are unique.
pub fn new(project: &mut Project, actor: &Actor, name: &str, description: &str) -> Result<Case> {
    actor.require(Permission::JudgeFindings)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid("a case needs a name".into()));
    }
    if project.store().cases()?.iter().any(|c| c.name == name) {
        return Err(AppError::Invalid(format!(
            "a case named {name:?} already exists"
        )));
    }
    Ok(project
        .store_mut()
        .create_case(name, description.trim(), &actor.name)?)
}

/// A case with how many items of each kind it holds.
#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    #[serde(flatten)]
    pub case: Case,
    pub sources: usize,
    pub entities: usize,
    pub statements: usize,
}

/// Every case, oldest first.
pub fn list(project: &Project, actor: &Actor) -> Result<Vec<CaseSummary>> {
    actor.require(Permission::ReadFindings)?;
    let store = project.store();
    let mut out = Vec::new();
    for case in store.cases()? {
        let items = store.case_items(case.id)?;
        let count = |kind: &str| items.iter().filter(|i| i.kind() == kind).count();
        out.push(CaseSummary {
            sources: count("source"),
            entities: count("entity"),
            statements: count("statement"),
            case,
        });
    }
    Ok(out)
}

/// The case named `name_or_id` (its name, or its number).
pub fn find(store: &dyn Store, name_or_id: &str) -> Result<Case> {
    let cases = store.cases()?;
    let wanted = name_or_id.trim();
    cases
        .iter()
        .find(|c| c.name == wanted)
        .or_else(|| {
            let id: i64 = wanted.parse().ok()?;
            cases.iter().find(|c| c.id.0 == id)
        })
        .cloned()
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "no case named {wanted:?} (see `casefile case list`)"
            ))
        })
}

/// What [`add`] or [`remove`] changed.
#[derive(Debug, Clone, Serialize)]
pub struct ItemsChanged {
    pub case: Case,
    /// The items added (or removed), each with its audit entry.
    pub changed: Vec<CaseItem>,
    /// Items named that were already in the case (or, for remove, not in it).
    pub unchanged: Vec<CaseItem>,
}

/// Adds items (see the module doc for how they are named) to a case. An
/// item that names nothing, or could name two things, refuses the whole
/// request; nothing is written.
pub fn add(
    project: &mut Project,
    actor: &Actor,
    case: &str,
    items: &[String],
) -> Result<ItemsChanged> {
    change(project, actor, case, items, true)
}

/// Removes items from a case.
pub fn remove(
    project: &mut Project,
    actor: &Actor,
    case: &str,
    items: &[String],
) -> Result<ItemsChanged> {
    change(project, actor, case, items, false)
}

fn change(
    project: &mut Project,
    actor: &Actor,
    case: &str,
    items: &[String],
    adding: bool,
) -> Result<ItemsChanged> {
    actor.require(Permission::JudgeFindings)?;
    if items.is_empty() {
        return Err(AppError::Invalid("name at least one item".into()));
    }
    let case = find(project.store(), case)?;
    if adding {
        ensure_child_entities(project, actor, items)?;
    }
    let mut resolved = Vec::with_capacity(items.len());
    for text in items {
        let item = resolve_item(project.store(), text)?;
        if !resolved.contains(&item) {
            resolved.push(item);
        }
    }
    let store = project.store_mut();
    let changed = if adding {
        store.add_case_items(case.id, &resolved, &actor.name)?
    } else {
        store.remove_case_items(case.id, &resolved, &actor.name)?
    };
    let unchanged = resolved
        .into_iter()
        .filter(|i| !changed.contains(i))
        .collect();
    Ok(ItemsChanged {
        case,
        changed,
        unchanged,
    })
}

/// Registry records named as `child:REGISTRY:RECORD` (with or without
/// `entity:` in front) become their pseudonymous entities when the registry
/// holds them, as a review decision would make them: a case can hold a
/// child before anyone has judged a match. Each registry is read once (an
/// audited read) and needs [`Permission::ReadRegistries`].
fn ensure_child_entities(project: &mut Project, actor: &Actor, items: &[String]) -> Result<()> {
    let mut wanted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for text in items {
        let text = text.trim();
        let id = EntityId(text.strip_prefix("entity:").unwrap_or(text).to_string());
        let Some((registry, record)) = parse_child_entity(&id) else {
            continue;
        };
        if project.store().entity(&id)?.is_none() {
            wanted
                .entry(registry.to_string())
                .or_default()
                .push(record.to_string());
        }
    }
    for (registry, records) in wanted {
        actor.require(Permission::ReadRegistries)?;
        let held: HashSet<String> = load(project, &registry, actor, "case")?
            .into_iter()
            .map(|r| r.id)
            .collect();
        for record in records {
            if !held.contains(&record) {
                return Err(AppError::NotFound(format!(
                    "registry {registry:?} has no record {record:?}"
                )));
            }
            project
                .store_mut()
                .put_entity(&child_record_entity(&registry, &record), &actor.name)?;
        }
    }
    Ok(())
}

/// What a user's text names: `source:…`, `entity:…` or `statement:…`
/// explicitly, else whichever of a statement number, a source id or prefix
/// and an entity id exists, when exactly one does.
pub fn resolve_item(store: &dyn Store, text: &str) -> Result<CaseItem> {
    let text = text.trim();
    let unknown = |kind: &str| {
        AppError::NotFound(format!(
            "no {kind} matches {text:?} (see `casefile sources`, `casefile entities`, `casefile entity ID`)"
        ))
    };
    if let Some(id) = text.strip_prefix("source:") {
        return Ok(CaseItem::Source(store.source(id)?.id));
    }
    if let Some(id) = text.strip_prefix("entity:") {
        let id = EntityId(id.to_string());
        return match store.entity(&id)? {
            Some(_) => Ok(CaseItem::Entity(id)),
            None => Err(unknown("entity")),
        };
    }
    if let Some(id) = text.strip_prefix("statement:") {
        let id = parse_statement_id(id).ok_or_else(|| unknown("statement"))?;
        return match store.statement(id)? {
            Some(_) => Ok(CaseItem::Statement(id)),
            None => Err(unknown("statement")),
        };
    }

    let mut found = Vec::new();
    if let Some(id) = parse_statement_id(text) {
        if store.statement(id)?.is_some() {
            found.push(CaseItem::Statement(id));
        }
    }
    // A source prefix is at least 4 hex digits; anything else cannot be one.
    let source_error = match store.source(text) {
        Ok(source) => {
            found.push(CaseItem::Source(source.id));
            None
        }
        Err(e @ StoreError::Ambiguous { .. }) => Some(e),
        Err(_) => None,
    };
    let entity = EntityId(text.to_string());
    if store.entity(&entity)?.is_some() {
        found.push(CaseItem::Entity(entity));
    }
    match (found.len(), source_error) {
        (1, _) => Ok(found.remove(0)),
        (0, Some(ambiguous)) => Err(ambiguous.into()),
        (0, None) => Err(unknown("source, entity or statement")),
        _ => {
            let kinds: Vec<&str> = found.iter().map(CaseItem::kind).collect();
            Err(AppError::Invalid(format!(
                "{text:?} names a {}; write {} to choose",
                kinds.join(" and a "),
                kinds
                    .iter()
                    .map(|k| format!("{k}:{text}"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            )))
        }
    }
}

fn parse_statement_id(text: &str) -> Option<StatementId> {
    text.parse::<i64>().ok().filter(|n| *n > 0).map(StatementId)
}

/// A source of a case, as `case show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseSource {
    pub id: SourceId,
    pub kind: SourceKind,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    /// SHA-256 of the original (the id itself: sources are content-addressed).
    pub sha256: String,
    pub size: u64,
}

/// An entity of a case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseEntity {
    pub id: EntityId,
    pub kind: EntityKind,
    /// The resolved name across sources (persons, organizations, places), or
    /// the stored caption (a child record's caption is a pseudonym).
    pub name: String,
    /// The source-local entities it gathers (itself when it does not resolve).
    pub members: Vec<EntityId>,
}

/// A statement of a case, with the words it was read in.
#[derive(Debug, Clone, Serialize)]
pub struct CaseStatement {
    pub id: StatementId,
    pub entity: EntityId,
    pub property: String,
    /// Redacted for roles that may not see a child's protected data.
    pub value: Protected<String>,
    pub source: Option<SourceId>,
    pub quote: Option<Protected<String>>,
    pub status: Status,
}

/// A case with its items resolved (a page of them: see [`show_page`]).
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    pub case: Case,
    /// How many items of each kind the case holds, on every page.
    pub totals: ItemTotals,
    /// Position of the page's first item among the case's items.
    pub offset: usize,
    pub sources: Vec<CaseSource>,
    pub entities: Vec<CaseEntity>,
    pub statements: Vec<CaseStatement>,
    /// Items left out because the actor's role may not see them (a
    /// viewer: sources that are not public, statements not confirmed).
    pub withheld: usize,
}

/// How many sources, entities and statements a case holds (before any is
/// withheld from a role).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct ItemTotals {
    pub items: usize,
    pub sources: usize,
    pub entities: usize,
    pub statements: usize,
}

/// The case with its sources (titles and hashes), entities (names) and
/// statements (quotes), as much of it as the actor's [`Scope`] allows.
pub fn show(project: &Project, actor: &Actor, case: &str) -> Result<CaseView> {
    show_page(project, actor, case, 0, usize::MAX)
}

/// [`show`] for at most `limit` of the case's items from position
/// `offset` on (in the order they were added): a case can gather
/// thousands, and a page reads each of its items from the database.
/// `withheld` counts the withheld items of this page.
pub fn show_page(
    project: &Project,
    actor: &Actor,
    case: &str,
    offset: usize,
    limit: usize,
) -> Result<CaseView> {
    actor.require(Permission::ReadFindings)?;
    let store = project.store();
    let case = find(store, case)?;
    let items = store.case_items(case.id)?;
    let mut totals = ItemTotals {
        items: items.len(),
        ..ItemTotals::default()
    };
    for item in &items {
        match item {
            CaseItem::Source(_) => totals.sources += 1,
            CaseItem::Entity(_) => totals.entities += 1,
            CaseItem::Statement(_) => totals.statements += 1,
        }
    }
    let scope = Scope::of(actor, store);
    let mut view = CaseView {
        case,
        totals,
        offset,
        sources: Vec::new(),
        entities: Vec::new(),
        statements: Vec::new(),
        withheld: 0,
    };
    let mut groups = EntityGroups::default();
    for item in items.into_iter().skip(offset).take(limit) {
        match item {
            CaseItem::Source(id) => {
                let s = store.source(&id.0)?;
                if !scope.source_kind_visible(s.kind) {
                    view.withheld += 1;
                    continue;
                }
                view.sources.push(CaseSource {
                    sha256: s.custody.sha256.clone(),
                    size: s.custody.size,
                    id: s.id,
                    kind: s.kind,
                    title: s.meta.title,
                    publisher: s.meta.publisher,
                    published: s.meta.published,
                });
            }
            CaseItem::Entity(id) => view.entities.push(groups.entity_for(project, actor, &id)?),
            CaseItem::Statement(id) => {
                let Some(s) = store.statement(id)? else {
                    return Err(AppError::NotFound(format!("statement {id} is gone")));
                };
                if !scope.one_statement_visible(&s)? {
                    view.withheld += 1;
                    continue;
                }
                let kind = store
                    .entity(&s.entity)?
                    .map_or(EntityKind::Person, |e| e.kind);
                let protected = is_sensitive(kind, &s.property);
                let guard = |text: String| {
                    if protected {
                        actor.protect(text)
                    } else {
                        Protected::Shown(text)
                    }
                };
                view.statements.push(CaseStatement {
                    id,
                    value: guard(s.value),
                    quote: s.span.map(|span| guard(span.quote)),
                    entity: s.entity,
                    property: s.property,
                    source: s.source,
                    status: s.status,
                });
            }
        }
    }
    Ok(view)
}

/// Resolved entities across sources, each kind resolved once and only when
/// a case names one of its entities.
#[derive(Default)]
pub(crate) struct EntityGroups {
    resolved: HashMap<EntityKind, Arc<ResolvedKind>>,
}

impl EntityGroups {
    /// [`EntityGroups::entity`] from the entities as `actor` sees them,
    /// through the project's shared resolution (a page reads a case often;
    /// resolution is a pass over every statement of a kind, made once per
    /// state of the database).
    pub(crate) fn entity_for(
        &mut self,
        project: &Project,
        actor: &Actor,
        id: &EntityId,
    ) -> Result<CaseEntity> {
        let stored = stored_entity(project.store(), id)?;
        if RESOLVED_KINDS.contains(&stored.kind) && !self.resolved.contains_key(&stored.kind) {
            let kind = crate::entities::resolved_for(project, actor, stored.kind)?;
            self.resolved.insert(stored.kind, kind);
        }
        Ok(self.named(id, stored.kind, &stored.caption))
    }

    fn named(&self, id: &EntityId, kind: EntityKind, caption: &str) -> CaseEntity {
        let group = self
            .resolved
            .get(&kind)
            .and_then(|resolved| resolved.member_of(&id.0).ok());
        let (name, members) = match group {
            Some(group) => (
                group.name.clone(),
                group.members.iter().cloned().map(EntityId).collect(),
            ),
            None => (caption.to_string(), vec![id.clone()]),
        };
        CaseEntity {
            id: id.clone(),
            kind,
            name,
            members,
        }
    }

    /// The entity `id` with its name and the source-local entities it gathers.
    pub(crate) fn entity(&mut self, store: &dyn Store, id: &EntityId) -> Result<CaseEntity> {
        let stored = stored_entity(store, id)?;
        if RESOLVED_KINDS.contains(&stored.kind) && !self.resolved.contains_key(&stored.kind) {
            let kind = ResolvedKind::new(resolve(store, stored.kind)?);
            self.resolved.insert(stored.kind, Arc::new(kind));
        }
        Ok(self.named(id, stored.kind, &stored.caption))
    }
}

fn stored_entity(store: &dyn Store, id: &EntityId) -> Result<casefile_core::Entity> {
    store
        .entity(id)?
        .ok_or_else(|| AppError::NotFound(format!("entity {id} is gone")))
}
