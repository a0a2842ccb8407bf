//! Extraction from the shell: `extract`, `entities`, `entity`, `merge`,
//! `split`, `claims`, `statement`; each calls `casefile_app` and renders.

use crate::commands::open;
use anyhow::{bail, Result};
use casefile_app::claims::ClaimRow;
use casefile_app::entities::{self, MergeOutcome};
use casefile_app::{claims, extraction, statements, Actor, StatementId, Status};
use std::path::Path;

pub fn extract_file(path: &Path, json: bool) -> Result<u8> {
    let document = extraction::extract_document(path)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&document)?);
        return Ok(0);
    }
    let extraction = &document.extraction;
    // ", p. 1–2" after a finding of a paginated original.
    let pages = |starts: Vec<usize>| -> String {
        let Some(map) = &document.pages else {
            return String::new();
        };
        let mut numbers: Vec<u32> = starts.into_iter().filter_map(|s| map.page_of(s)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        match numbers.as_slice() {
            [] => String::new(),
            [one] => format!(", p. {one}"),
            many => format!(
                ", pp. {}",
                many.iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    println!(
        "language {} · published {}",
        extraction.language.as_deref().unwrap_or("?"),
        extraction.published.as_deref().unwrap_or("?")
    );
    for p in &extraction.persons {
        println!(
            "person  {} ({} mentions{}) {}",
            p.name,
            p.mentions.len(),
            pages(p.mentions.iter().map(|m| m.start).collect()),
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
            "org     {}{acronym} ({} mentions{})",
            o.name,
            o.mentions.len(),
            pages(o.mentions.iter().map(|m| m.start).collect())
        );
    }
    for p in &extraction.places {
        println!(
            "place   {} [{}] ({} mentions{})",
            p.name,
            p.kind.as_str(),
            p.mentions.len(),
            pages(p.mentions.iter().map(|m| m.start).collect())
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

pub fn entities(dir: &Path, actor: &Actor, kind: Option<&str>, json: bool) -> Result<u8> {
    let kind = kind.map(entities::parse_kind).transpose()?;
    let project = open(dir)?;
    let all = entities::entities(&project, actor, kind)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&all)?);
        return Ok(0);
    }
    for e in &all {
        let others: Vec<&str> = e
            .variants
            .iter()
            .filter(|v| **v != e.name)
            .take(5)
            .map(String::as_str)
            .collect();
        let others = others.join(" / ");
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

pub fn entity(dir: &Path, actor: &Actor, id: &str, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let page = entities::entity(&project, actor, id)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&*page)?);
        return Ok(0);
    }
    let found = &page.entity;
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
    for s in &page.statements {
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

pub fn merge(dir: &Path, a: &str, b: &str, reason: &str, actor: &Actor) -> Result<u8> {
    let mut project = open(dir)?;
    match entities::merge(&mut project, actor, a, b, reason)? {
        MergeOutcome::AlreadyOne { entity } => {
            println!("{a} and {b} are already one entity ({entity})");
        }
        MergeOutcome::Merged {
            left,
            right,
            statement,
        } => println!(
            "merged {} ({}) and {} ({}) as statement #{statement}; undo with `casefile split` or `casefile statement {statement} --set rejected`",
            left.id, left.name, right.id, right.name
        ),
    }
    Ok(0)
}

pub fn split(dir: &Path, id: &str, members: &[String], reason: &str, actor: &Actor) -> Result<u8> {
    let mut project = open(dir)?;
    let outcome = entities::split(&mut project, actor, id, members, reason)?;
    println!(
        "split {} member(s) off {} as statement #{}",
        outcome.members.len(),
        outcome.entity,
        outcome.statement
    );
    Ok(0)
}

pub fn set_statement_status(
    dir: &Path,
    id: i64,
    status: Option<Status>,
    reason: Option<&str>,
    actor: &Actor,
) -> Result<u8> {
    let mut project = open(dir)?;
    let id = StatementId(id);
    let found = match status {
        Some(status) => {
            let Some(reason) = reason else {
                bail!("a status change needs --reason");
            };
            statements::set_status(&mut project, actor, id, status, reason)?
        }
        None => statements::statement(&project, actor, id)?,
    };
    println!("{}", serde_json::to_string_pretty(&found)?);
    Ok(0)
}

pub fn claims(dir: &Path, actor: &Actor, kind: &str, json: bool) -> Result<u8> {
    let project = open(dir)?;
    let rows = claims::claims(&project, actor, kind)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(0);
    }
    for row in &rows {
        println!("{}", claim_summary(row));
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

/// One line: the count, what happened, ages, destinations, how many
/// sources, qualifiers, who asserts it and in what time scope; then, for a
/// number with several rows, what sets this row apart.
pub fn claim_summary(row: &ClaimRow) -> String {
    let number = row
        .number
        .map_or("(no number)".to_string(), |n| n.to_string());
    let action = if row.actions.is_empty() {
        String::new()
    } else {
        format!(" {}", row.actions.join("/"))
    };
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
    let apart = if row.ambiguous {
        " [fits more than one row of this number; kept apart]".to_string()
    } else if row.differs.is_empty() {
        String::new()
    } else {
        format!(
            " [differs from the other rows of this number by: {}]",
            row.differs.join(", ")
        )
    };
    format!(
        "{number} children{action}{ages}{dest} — {} source(s); {}; asserted by: {}{}{apart}",
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
