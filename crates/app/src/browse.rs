//! Views for browsing a project, as the web pages show it: the overview of
//! a project, search with metadata filters and pages, a source with the
//! statements read from it, and the entities seen with an entity.
//!
//! Like every operation, each checks the actor's role first and returns
//! plain data; the pages only render it. A statement's value about a child
//! is [`Protected`] (see `casefile_core::is_sensitive`), and a viewer sees
//! only confirmed statements.

use crate::entities::{self, Resolved, RESOLVED_KINDS};
use crate::{Actor, AppError, Permission, Protected, Result, Scope};
use casefile_core::{
    is_sensitive, AuditEntry, EntityId, EntityKind, Origin, Source, SourceKind, StatementFilter,
    StatementId, Status,
};
use casefile_store::{AuditQuery, HitFilter, HitMeta, Project, SearchHit, SearchQuery};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Entries of the latest activity on the overview.
const ACTIVITY: usize = 8;

/// A project at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub sources: usize,
    /// Sources per language (`??` when not detected), the most first.
    pub by_language: Vec<(String, usize)>,
    /// Sources per kind, the most first.
    pub by_kind: Vec<(String, usize)>,
    pub statements: u64,
    /// Statements per review status, in the order of [`Status::ALL`].
    pub by_status: Vec<(Status, u64)>,
    /// Position and hash of the last audit entry.
    pub audit_head: u64,
    pub audit_hash: Option<String>,
    /// The latest audit entries, newest first (empty for roles that may not read the log).
    pub activity: Vec<AuditEntry>,
}

fn tally(keys: impl Iterator<Item = (String, usize)>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (k, n) in keys {
        *counts.entry(k).or_default() += n;
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The overview's counts: sources by language and kind, statements by
/// status.
struct Counts {
    sources: Vec<(Option<String>, SourceKind, u64)>,
    statuses: Vec<(Status, u64)>,
}

/// The overview's counts, from aggregates the database answers by index,
/// made once per state of the database and shared until the next write
/// ([`Project::derived`]).
fn counts(project: &Project) -> Result<std::sync::Arc<Counts>> {
    project.derived(
        "overview.counts",
        crate::derived::keeps_counts,
        |store| -> Result<Counts> {
            Ok(Counts {
                sources: store.source_counts()?,
                statuses: store.statement_status_counts()?,
            })
        },
    )
}

/// Counts the overview's figures ahead of the first request that shows
/// them (a server calls this at start).
pub fn warm(project: &Project) -> Result<()> {
    counts(project).map(drop)
}

/// Sources by language and kind, statements by status, the audit head and
/// (for roles that may read the log) the latest activity.
pub fn overview(project: &Project, actor: &Actor) -> Result<Overview> {
    actor.require(Permission::ReadSources)?;
    let store = project.store();
    let counted = counts(project)?;
    let counts = &counted.sources;
    let by_status: Vec<(Status, u64)> = Status::ALL
        .iter()
        .map(|&status| {
            let n = counted
                .statuses
                .iter()
                .filter(|(s, _)| *s == status)
                .map(|(_, n)| n)
                .sum();
            (status, n)
        })
        .collect();
    let statements = by_status.iter().map(|(_, n)| n).sum();
    let audit_head = store.audit_head()?;
    let (audit_hash, activity) = if actor.role.allows(Permission::ReadAudit) {
        let latest = store.audit_page(&AuditQuery {
            limit: ACTIVITY,
            ..Default::default()
        })?;
        (latest.first().map(|e| e.hash.clone()), latest)
    } else {
        (None, Vec::new())
    };
    let each = |key: fn(&(Option<String>, SourceKind, u64)) -> String| {
        counts.iter().map(move |c| (key(c), c.2 as usize))
    };
    Ok(Overview {
        sources: counts.iter().map(|c| c.2 as usize).sum(),
        by_language: tally(each(|c| c.0.clone().unwrap_or_else(|| "??".into()))),
        by_kind: tally(each(|c| c.1.as_str().to_string())),
        statements,
        by_status,
        audit_head,
        audit_hash,
        activity,
    })
}

/// A search with filters on the sources' metadata, one page at a time.
#[derive(Debug, Clone, Default)]
pub struct SearchFilters {
    pub text: String,
    /// ISO 639-1.
    pub language: Option<String>,
    pub kind: Option<SourceKind>,
    /// Sources whose publisher contains this (case-insensitive).
    pub publisher: Option<String>,
    /// Published on or after (`YYYY-MM-DD`, or a prefix such as `2023`).
    pub from: Option<String>,
    /// Published on or before.
    pub to: Option<String>,
    /// Only sources that mention this entity (any member id).
    pub entity: Option<String>,
    /// Results to skip, and the most to return.
    pub offset: usize,
    pub limit: usize,
}

/// Results filtered on metadata are taken from this many ranked hits.
pub const FILTERED_WINDOW: usize = 1000;

/// One result with the metadata the filters read.
#[derive(Debug, Clone, Serialize)]
pub struct PageHit {
    pub hit: SearchHit,
    pub kind: SourceKind,
    pub publisher: Option<String>,
    pub published: Option<String>,
}

/// One page of results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    pub hits: Vec<PageHit>,
    /// True when there are results after this page.
    pub more: bool,
}

fn in_range(published: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(date) = published else {
        return false;
    };
    // Dates are ISO: comparing the common prefix compares the dates.
    let cut = |bound: &str| {
        date.get(..bound.len().min(date.len()))
            .unwrap_or(date)
            .to_string()
    };
    from.is_none_or(|f| cut(f).as_str() >= f) && to.is_none_or(|t| cut(t).as_str() <= t)
}

/// Full-text search, filtered on language, kind, publisher, date range and
/// entity, from `offset`, at most `limit` results. The index answers the
/// language, the kind and the entity (as the set of its sources); the
/// publisher and the dates are read from each ranked hit's stored metadata,
/// within the first [`FILTERED_WINDOW`] hits. Snippets are made for the
/// page's hits only. A viewer finds public sources only.
pub fn search(project: &mut Project, actor: &Actor, filters: &SearchFilters) -> Result<SearchPage> {
    actor.require(Permission::ReadSources)?;
    if filters.limit == 0 || filters.limit > 100 {
        return Err(AppError::Invalid(
            "a page holds 1 to 100 results".to_string(),
        ));
    }
    let wanted = filters.offset + filters.limit + 1;
    if wanted > FILTERED_WINDOW {
        return Err(AppError::Invalid(format!(
            "results go up to {FILTERED_WINDOW}; narrow the search"
        )));
    }
    let mut kinds: Vec<SourceKind> = filters.kind.into_iter().collect();
    let scope = Scope::of(actor, project.store());
    if !scope.is_everything() {
        if kinds.is_empty() {
            kinds = SourceKind::ALL.to_vec();
        }
        kinds.retain(|k| scope.source_kind_visible(*k));
        if kinds.is_empty() {
            return Ok(SearchPage {
                hits: Vec::new(),
                more: false,
            });
        }
    }
    let sources = match &filters.entity {
        Some(id) => Some(entities::sources_of(project, actor, id)?),
        None => None,
    };
    let query = SearchQuery {
        text: filters.text.clone(),
        language: filters.language.clone(),
        kinds,
        sources,
        offset: filters.offset,
        limit: filters.limit,
    };
    let publisher = filters.publisher.as_deref().map(str::to_lowercase);
    let (from, to) = (filters.from.as_deref(), filters.to.as_deref());
    let keep = |meta: &HitMeta<'_>| {
        publisher.as_deref().is_none_or(|p| {
            meta.publisher
                .is_some_and(|have| have.to_lowercase().contains(p))
        }) && in_range(meta.published, from, to)
    };
    let by_meta = publisher.is_some() || from.is_some() || to.is_some();
    // The index kept open and shared by the server's requests.
    let found = project.search_page(
        &query,
        by_meta.then_some(&keep as HitFilter<'_>),
        FILTERED_WINDOW,
    )?;
    Ok(SearchPage {
        more: found.more,
        hits: found
            .hits
            .into_iter()
            .map(|hit| PageHit {
                kind: hit.kind,
                publisher: hit.publisher.clone(),
                published: hit.published.clone(),
                hit,
            })
            .collect(),
    })
}

/// A statement read from a source, with its entity's kind and a value the
/// actor may see.
#[derive(Debug, Clone, Serialize)]
pub struct SpanStatement {
    pub id: StatementId,
    pub entity: EntityId,
    pub kind: EntityKind,
    pub property: String,
    pub value: Protected<String>,
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
    pub confidence: f32,
    pub status: Status,
}

/// A source and the statements read from it, in text order.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub source: Source,
    pub statements: Vec<SpanStatement>,
}

/// A source (by id or unique prefix) with every statement that quotes it;
/// a viewer sees only confirmed ones.
pub fn source(project: &Project, actor: &Actor, id_or_prefix: &str) -> Result<SourceView> {
    actor.require(Permission::ReadSources)?;
    actor.require(Permission::ReadFindings)?;
    let store = project.store();
    let source = store.source(id_or_prefix)?;
    let found = store.statements(&StatementFilter {
        source: Some(source.id.clone()),
        ..Default::default()
    })?;
    let mut kinds: HashMap<EntityId, EntityKind> = HashMap::new();
    let mut statements = Vec::new();
    for s in found {
        let (Some(id), Some(span)) = (s.id, s.span.as_ref()) else {
            continue;
        };
        if actor.role == crate::Role::Viewer && s.status != Status::Confirmed {
            continue;
        }
        let kind = match kinds.get(&s.entity) {
            Some(k) => *k,
            None => {
                let Some(e) = store.entity(&s.entity)? else {
                    continue;
                };
                kinds.insert(s.entity.clone(), e.kind);
                e.kind
            }
        };
        let value = if is_sensitive(kind, &s.property) {
            actor.protect(s.value)
        } else {
            Protected::Shown(s.value)
        };
        statements.push(SpanStatement {
            id,
            kind,
            property: s.property,
            value,
            start: span.start,
            end: span.end,
            origin: s.origin,
            confidence: s.confidence,
            status: s.status,
            entity: s.entity,
        });
    }
    statements.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.id));
    Ok(SourceView { source, statements })
}

/// An entity seen in the same sources as another.
#[derive(Debug, Clone, Serialize)]
pub struct CoOccurring {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Sources both appear in.
    pub shared: usize,
}

/// The entities that appear in the sources of `entity` (as
/// [`entities::entity`] returned it), the most shared sources first, at
/// most `limit`. Counted from the entity's own sources through the
/// resolution's index of the entities each source holds, not by a pass
/// over every entity.
pub fn co_occurring(
    project: &Project,
    actor: &Actor,
    entity: &Resolved,
    limit: usize,
) -> Result<Vec<CoOccurring>> {
    actor.require(Permission::ReadFindings)?;
    let mut out = Vec::new();
    for kind in RESOLVED_KINDS {
        // What the actor may see, resolved once until the next write.
        let resolved = entities::resolved_for(project, actor, kind)?;
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for source in &entity.sources {
            for &i in resolved.in_source(source) {
                *shared.entry(i).or_default() += 1;
            }
        }
        for (i, shared) in shared {
            let Some(other) = resolved.entities.get(i) else {
                continue;
            };
            if other.id == entity.id {
                continue;
            }
            out.push(CoOccurring {
                id: other.id.clone(),
                kind: other.kind,
                name: other.name.clone(),
                shared,
            });
        }
    }
    out.sort_by(|a, b| {
        b.shared
            .cmp(&a.shared)
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    out.truncate(limit);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::in_range;

    #[test]
    fn date_ranges_compare_iso_prefixes() {
        assert!(in_range(Some("2023-03-17"), Some("2023"), Some("2023-12")));
        assert!(!in_range(Some("2022-12-31"), Some("2023"), None));
        assert!(!in_range(None, Some("2023"), None));
        assert!(in_range(None, None, None));
        assert!(in_range(Some("2023-03-17"), None, Some("2023-03-17")));
    }
}
