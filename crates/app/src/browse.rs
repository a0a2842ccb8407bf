//! Views for browsing a project, as the web pages show it: the overview of
//! a project, search with metadata filters and pages, a source with the
//! statements read from it, and the entities seen with an entity.
//!
//! Like every operation, each checks the actor's role first and returns
//! plain data; the pages only render it. A statement's value about a child
//! is [`Protected`] (see `casefile_core::is_sensitive`), and a viewer sees
//! only confirmed statements.

use crate::entities::{self, Resolved, RESOLVED_KINDS};
use crate::{Actor, AppError, Permission, Protected, Result};
use casefile_core::{
    is_sensitive, AuditEntry, EntityId, EntityKind, Origin, Source, SourceId, SourceKind,
    StatementFilter, StatementId, Status,
};
use casefile_store::{AuditQuery, Project, SearchHit, SearchQuery};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Sources by language and kind, statements by status, the audit head and
/// (for roles that may read the log) the latest activity.
pub fn overview(project: &Project, actor: &Actor) -> Result<Overview> {
    actor.require(Permission::ReadSources)?;
    let store = project.store();
    let counts = store.source_counts()?;
    let statements = store.statement_count()?;
    // Reviewed statements are few; the rest are proposed.
    let mut by_status = Vec::new();
    let mut reviewed = 0;
    for status in [Status::Confirmed, Status::Disputed, Status::Rejected] {
        let n = store
            .statements(&StatementFilter {
                status: Some(status),
                ..Default::default()
            })?
            .len() as u64;
        reviewed += n;
        by_status.push((status, n));
    }
    by_status.insert(0, (Status::Proposed, statements.saturating_sub(reviewed)));
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
/// entity, from `offset`, at most `limit` results.
pub fn search(project: &mut Project, actor: &Actor, filters: &SearchFilters) -> Result<SearchPage> {
    actor.require(Permission::ReadSources)?;
    if filters.limit == 0 || filters.limit > 100 {
        return Err(AppError::Invalid(
            "a page holds 1 to 100 results".to_string(),
        ));
    }
    let by_meta = filters.kind.is_some()
        || filters.publisher.is_some()
        || filters.from.is_some()
        || filters.to.is_some()
        || filters.entity.is_some();
    let wanted = filters.offset + filters.limit + 1;
    if wanted > FILTERED_WINDOW {
        return Err(AppError::Invalid(format!(
            "results go up to {FILTERED_WINDOW}; narrow the search"
        )));
    }
    let query = SearchQuery {
        text: filters.text.clone(),
        language: filters.language.clone(),
        limit: if by_meta { FILTERED_WINDOW } else { wanted },
    };
    // The index kept open and shared by the server's requests.
    let hits = project.search(&query)?;
    let store = project.store();
    let mentioned: Option<BTreeSet<SourceId>> = match &filters.entity {
        Some(id) => Some(
            entities::entity(project, actor, id)?
                .entity
                .sources
                .into_iter()
                .collect(),
        ),
        None => None,
    };
    let meta: HashMap<SourceId, (SourceKind, Option<String>, Option<String>)> = if by_meta {
        store
            .sources()?
            .into_iter()
            .map(|s| (s.id, (s.kind, s.meta.publisher, s.meta.published)))
            .collect()
    } else {
        HashMap::new()
    };
    let publisher = filters.publisher.as_deref().map(str::to_lowercase);
    let mut out = Vec::new();
    let mut matching = 0;
    for hit in hits {
        let (kind, publisher_of, published) = match meta.get(&hit.source_id) {
            Some(m) => m.clone(),
            None => {
                if by_meta {
                    continue;
                }
                // Only the page's own hits are looked up.
                if matching < filters.offset || out.len() >= filters.limit {
                    matching += 1;
                    continue;
                }
                let s = store.source(&hit.source_id.0)?;
                (s.kind, s.meta.publisher, s.meta.published)
            }
        };
        let keep = filters.kind.is_none_or(|k| k == kind)
            && publisher.as_deref().is_none_or(|p| {
                publisher_of
                    .as_deref()
                    .is_some_and(|have| have.to_lowercase().contains(p))
            })
            && in_range(
                published.as_deref(),
                filters.from.as_deref(),
                filters.to.as_deref(),
            )
            && mentioned
                .as_ref()
                .is_none_or(|set| set.contains(&hit.source_id));
        if !keep {
            continue;
        }
        if matching >= filters.offset && out.len() < filters.limit {
            out.push(PageHit {
                hit,
                kind,
                publisher: publisher_of,
                published,
            });
        }
        matching += 1;
    }
    Ok(SearchPage {
        more: matching > filters.offset + out.len(),
        hits: out,
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
/// most `limit`.
pub fn co_occurring(
    project: &Project,
    actor: &Actor,
    entity: &Resolved,
    limit: usize,
) -> Result<Vec<CoOccurring>> {
    actor.require(Permission::ReadFindings)?;
    let own: BTreeSet<&SourceId> = entity.sources.iter().collect();
    let mut out = Vec::new();
    for kind in RESOLVED_KINDS {
        // What the actor may see, resolved once until the next write.
        for other in entities::resolved_for(project, actor, kind)?
            .entities
            .iter()
        {
            if other.id == entity.id {
                continue;
            }
            let shared = other.sources.iter().filter(|s| own.contains(s)).count();
            if shared > 0 {
                out.push(CoOccurring {
                    id: other.id.clone(),
                    kind: other.kind,
                    name: other.name.clone(),
                    shared,
                });
            }
        }
    }
    out.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.name.cmp(&b.name)));
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
