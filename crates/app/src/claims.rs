//! Counts of children across sources: the same claim repeated by several
//! sources is one row, with every source that repeats it; counts that only
//! share a number are separate rows, listed together, each saying what sets
//! it apart. The grouping itself is `casefile_extract::group_claims`.

use crate::entities::load_locals;
use crate::{Actor, AppError, Permission, Result, Scope};
use casefile_core::claim_kind::CHILD_COUNT;
use casefile_core::property::{
    AGE_MAX, AGE_MIN, ASSERTED_BY, CLAIM_ACTION, CLAIM_KIND, DESTINATION, NUMBER, ORIGIN,
    QUALIFIER, TIME_SCOPE,
};
use casefile_core::{EntityKind, SourceId};
use casefile_extract::{group_claims, ClaimFacts};
use casefile_store::{Project, Store};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// The claims of `kind` (`child-count`) across all sources, the most
/// repeated first.
pub fn claims(project: &Project, actor: &Actor, kind: &str) -> Result<Vec<ClaimRow>> {
    Ok(grouped(project, actor, kind)?.as_ref().clone())
}

/// One page of [`claims`]: the rows from `offset`, at most `limit`.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimsPage {
    pub rows: Vec<ClaimRow>,
    /// How many rows there are in all.
    pub total: usize,
    pub offset: usize,
}

/// [`claims`] a page at a time: rows from `offset`, at most `limit`.
pub fn claims_page(
    project: &Project,
    actor: &Actor,
    kind: &str,
    offset: usize,
    limit: usize,
) -> Result<ClaimsPage> {
    let all = grouped(project, actor, kind)?;
    Ok(ClaimsPage {
        rows: all.iter().skip(offset).take(limit).cloned().collect(),
        total: all.len(),
        offset,
    })
}

/// The grouped rows as `actor` may see them. Grouping reads every count
/// and every source's publisher, so its result is made once per state of
/// the database and shared until the next write ([`Project::derived`]), as
/// the entities' resolution is: one for those who see everything, one for
/// the restricted scope (viewers).
fn grouped(project: &Project, actor: &Actor, kind: &str) -> Result<Arc<Vec<ClaimRow>>> {
    actor.require(Permission::ReadFindings)?;
    if kind != CHILD_COUNT {
        return Err(AppError::Invalid(format!(
            "unknown claim kind {kind:?} (expected {CHILD_COUNT})"
        )));
    }
    let restricted = !Scope::of(actor, project.store()).is_everything();
    let key = if restricted {
        "claims.child-count.restricted"
    } else {
        "claims.child-count"
    };
    project.derived(key, crate::derived::keeps_findings, |store| {
        child_count_rows_in(store, &Scope::limited(store, restricted))
    })
}

/// Groups the claims ahead of the first request that needs them (a server
/// calls this at start).
pub fn warm(project: &Project) -> Result<()> {
    grouped(project, &Actor::local("warm"), CHILD_COUNT).map(drop)
}

/// One count of children as asserted in one source.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimSource {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub qualifier: String,
    pub action: Option<String>,
    pub asserted_by: Option<String>,
    pub time_scope: Option<String>,
    pub origin: Vec<String>,
    pub destination: Option<String>,
}

/// Counts that repeat one claim across sources (same number, and nothing
/// else they say disagrees: `casefile_extract::group_claims`), with every
/// source that repeats it. Rows that share a number but not the rest are
/// listed next to each other, each naming what sets it apart (`differs`).
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    pub number: Option<u64>,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    /// What happened to the children (removed, returned, adopted, ...).
    pub actions: Vec<String>,
    pub origins: Vec<String>,
    pub destinations: Vec<String>,
    pub qualifiers: Vec<String>,
    pub asserted_by: Vec<String>,
    pub time_scopes: Vec<String>,
    /// The properties on which this row disagrees with the other rows of
    /// the same number (`claimAction`, `destination`, `assertedBy`, ...).
    pub differs: Vec<String>,
    /// A count that would fit more than one row of its number, kept apart
    /// rather than guessed.
    pub ambiguous: bool,
    pub sources: Vec<ClaimSource>,
}

/// Counts of children across all sources, the most repeated first.
pub fn child_count_rows(store: &dyn Store) -> Result<Vec<ClaimRow>> {
    child_count_rows_in(store, &Scope::of(&Actor::local("claims"), store))
}

/// [`child_count_rows`] from only the statements `scope` may see.
fn child_count_rows_in(store: &dyn Store, scope: &Scope) -> Result<Vec<ClaimRow>> {
    let locals = load_locals(store, EntityKind::Claim, scope)?;
    let publishers: HashMap<SourceId, Option<String>> = store
        .sources()?
        .into_iter()
        .map(|s| (s.id, s.meta.publisher))
        .collect();
    let mut facts: Vec<ClaimFacts> = Vec::new();
    let mut seen: Vec<ClaimSource> = Vec::new();
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
        if one(CLAIM_KIND).as_deref() != Some(CHILD_COUNT) {
            continue;
        }
        let Some((source, span)) = statements
            .iter()
            .find_map(|s| Some((s.source.clone()?, s.span.clone()?)))
        else {
            continue;
        };
        let origin: Vec<String> = statements
            .iter()
            .filter(|s| s.property == ORIGIN)
            .map(|s| s.value.clone())
            .collect();
        let claim = ClaimFacts {
            number: one(NUMBER).and_then(|n| n.parse().ok()),
            qualifier: one(QUALIFIER).unwrap_or_else(|| "exact".into()),
            action: one(CLAIM_ACTION),
            age_min: one(AGE_MIN).and_then(|n| n.parse().ok()),
            age_max: one(AGE_MAX).and_then(|n| n.parse().ok()),
            origins: origin.clone(),
            destination: one(DESTINATION),
            time_scope: one(TIME_SCOPE),
            asserted_by: one(ASSERTED_BY),
            publisher: publishers.get(&source).cloned().flatten(),
        };
        seen.push(ClaimSource {
            source,
            start: span.start,
            end: span.end,
            quote: span.quote,
            qualifier: claim.qualifier.clone(),
            action: claim.action.clone(),
            asserted_by: claim.asserted_by.clone(),
            time_scope: claim.time_scope.clone(),
            origin,
            destination: claim.destination.clone(),
        });
        facts.push(claim);
    }
    let mut seen: Vec<Option<ClaimSource>> = seen.into_iter().map(Some).collect();
    let mut rows: Vec<ClaimRow> = Vec::new();
    for group in group_claims(&facts) {
        let mut row = ClaimRow {
            number: facts[group.members[0]].number,
            age_min: None,
            age_max: None,
            actions: Vec::new(),
            origins: Vec::new(),
            destinations: Vec::new(),
            qualifiers: Vec::new(),
            asserted_by: Vec::new(),
            time_scopes: Vec::new(),
            differs: group.differs.iter().map(|p| p.to_string()).collect(),
            ambiguous: group.ambiguous,
            sources: Vec::new(),
        };
        for &m in &group.members {
            let claim = &facts[m];
            row.age_min = row.age_min.or(claim.age_min);
            row.age_max = row.age_max.or(claim.age_max);
            push_unique(&mut row.actions, claim.action.clone());
            for o in &claim.origins {
                push_unique(&mut row.origins, Some(o.clone()));
            }
            push_unique(&mut row.destinations, claim.destination.clone());
            push_unique(&mut row.qualifiers, Some(claim.qualifier.clone()));
            push_unique(&mut row.asserted_by, claim.asserted_by.clone());
            push_unique(&mut row.time_scopes, claim.time_scope.clone());
            if let Some(source) = seen[m].take() {
                row.sources.push(source);
            }
        }
        rows.push(row);
    }
    // The rows of one number stay together, the most repeated number first;
    // within a number, the most repeated row first.
    let mut per_number: HashMap<Option<u64>, usize> = HashMap::new();
    for row in &rows {
        if row.number.is_some() {
            *per_number.entry(row.number).or_default() += row.sources.len();
        }
    }
    let total = |row: &ClaimRow| {
        per_number
            .get(&row.number)
            .copied()
            .unwrap_or(row.sources.len())
    };
    rows.sort_by(|a, b| {
        total(b)
            .cmp(&total(a))
            .then(b.number.cmp(&a.number))
            .then(b.sources.len().cmp(&a.sources.len()))
    });
    Ok(rows)
}

fn push_unique(list: &mut Vec<String>, value: Option<String>) {
    if let Some(v) = value {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}
