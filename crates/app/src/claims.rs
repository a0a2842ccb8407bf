//! Counts of children across sources: the same count repeated by several
//! sources is one row, with every source that repeats it.

use crate::entities::load_locals;
use crate::{Actor, AppError, Permission, Result, Scope};
use casefile_core::claim_kind::CHILD_COUNT;
use casefile_core::property::{
    AGE_MAX, AGE_MIN, ASSERTED_BY, CLAIM_KIND, DESTINATION, NUMBER, ORIGIN, QUALIFIER, TIME_SCOPE,
};
use casefile_core::{EntityKind, SourceId};
use casefile_store::{Project, Store};
use serde::Serialize;
use std::collections::BTreeMap;

/// The claims of `kind` (`child-count`) across all sources, the most
/// repeated first.
pub fn claims(project: &Project, actor: &Actor, kind: &str) -> Result<Vec<ClaimRow>> {
    actor.require(Permission::ReadFindings)?;
    if kind != CHILD_COUNT {
        return Err(AppError::Invalid(format!(
            "unknown claim kind {kind:?} (expected {CHILD_COUNT})"
        )));
    }
    child_count_rows_in(project.store(), &Scope::of(actor, project.store()))
}

/// One count of children as asserted in one source.
#[derive(Debug, Serialize)]
pub struct ClaimSource {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub qualifier: String,
    pub asserted_by: Option<String>,
    pub time_scope: Option<String>,
    pub origin: Vec<String>,
}

/// Claims that count the same children (same number and ages), with every
/// source that repeats them; what the sources add (destination, scope, who
/// asserts it) is listed, not used to split the row.
#[derive(Debug, Serialize)]
pub struct ClaimRow {
    pub number: Option<u64>,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub destinations: Vec<String>,
    pub qualifiers: Vec<String>,
    pub asserted_by: Vec<String>,
    pub time_scopes: Vec<String>,
    pub sources: Vec<ClaimSource>,
}

/// Number, minimum and maximum age, and (for counts without a number) the
/// claim's own id, so that "dozens" in two sources stay two rows.
type ClaimKey = (Option<u64>, Option<u32>, Option<u32>, String);

/// Counts of children across all sources, the most repeated first.
pub fn child_count_rows(store: &dyn Store) -> Result<Vec<ClaimRow>> {
    child_count_rows_in(store, &Scope::of(&Actor::local("claims"), store))
}

/// [`child_count_rows`] from only the statements `scope` may see.
fn child_count_rows_in(store: &dyn Store, scope: &Scope) -> Result<Vec<ClaimRow>> {
    let locals = load_locals(store, EntityKind::Claim, scope)?;
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
        if one(CLAIM_KIND).as_deref() != Some(CHILD_COUNT) {
            continue;
        }
        let Some((source, span)) = statements
            .iter()
            .find_map(|s| Some((s.source.clone()?, s.span.clone()?)))
        else {
            continue;
        };
        let number = one(NUMBER).and_then(|n| n.parse().ok());
        let age_min = one(AGE_MIN).and_then(|n| n.parse().ok());
        let age_max = one(AGE_MAX).and_then(|n| n.parse().ok());
        let destination = one(DESTINATION);
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
        let qualifier = one(QUALIFIER).unwrap_or_else(|| "exact".into());
        let asserted_by = one(ASSERTED_BY);
        let time_scope = one(TIME_SCOPE);
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
                .filter(|s| s.property == ORIGIN)
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

fn push_unique(list: &mut Vec<String>, value: Option<String>) {
    if let Some(v) = value {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}
