//! The readable `data/index.html` of a bag: the case, its sources with
//! titles and hashes, its entities and their statements with quotes.
//!
//! Sources are hostile input, so every value goes through the template
//! engine's HTML escaping (minijinja escapes all values of an `.html`
//! template); URLs are shown as text, never as links, and a Content Security
//! Policy forbids scripts.

use crate::bagit::payload;
use crate::bundle::CaseBundle;
use crate::redact::Prepared;
use casefile_core::Statement;
use minijinja::{context, Environment};
use serde::Serialize;
use std::collections::HashMap;

const TEMPLATE: &str = include_str!("../templates/index.html");

#[derive(Serialize)]
struct SourceRow<'a> {
    id: &'a str,
    title: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    kind: &'a str,
    language: Option<&'a str>,
    size: u64,
    original: String,
    text: String,
}

#[derive(Serialize)]
struct EntityRow<'a> {
    id: &'a str,
    kind: &'a str,
    caption: &'a str,
    statements: Vec<&'a Statement>,
}

/// Renders the index page of the prepared case.
pub(crate) fn index(bundle: &CaseBundle, prepared: &Prepared<'_>) -> Result<String, String> {
    let sources: Vec<SourceRow<'_>> = prepared
        .sources
        .iter()
        .map(|b| {
            let s = &b.source;
            SourceRow {
                id: &s.id.0,
                title: s.meta.title.as_deref(),
                publisher: s.meta.publisher.as_deref(),
                url: s.meta.url.as_deref(),
                published: s.meta.published.as_deref(),
                kind: s.kind.as_str(),
                language: s.language.as_deref(),
                size: s.custody.size,
                // Relative to data/, where index.html is.
                original: relative(&payload::original(&s.id.0)),
                text: relative(&payload::text(&s.id.0)),
            }
        })
        .collect();
    let mut by_entity: HashMap<&str, Vec<&Statement>> = HashMap::new();
    for s in &prepared.statements {
        by_entity.entry(s.entity.0.as_str()).or_default().push(s);
    }
    let entities: Vec<EntityRow<'_>> = prepared
        .entities
        .iter()
        .map(|e| EntityRow {
            id: &e.id.0,
            kind: e.kind.as_str(),
            caption: &e.caption,
            statements: by_entity.remove(e.id.0.as_str()).unwrap_or_default(),
        })
        .collect();

    let mut env = Environment::new();
    env.add_template("index.html", TEMPLATE)
        .map_err(|e| e.to_string())?;
    let template = env.get_template("index.html").map_err(|e| e.to_string())?;
    template
        .render(context! {
            case => &bundle.case,
            profile => prepared.profile.as_str(),
            organisation => &bundle.organisation.name,
            version => env!("CARGO_PKG_VERSION"),
            audit_head => &bundle.audit_head_hash,
            withheld_sources => prepared.withheld_sources,
            withheld_statements => prepared.withheld_statements,
            sources => sources,
            entities => entities,
        })
        .map_err(|e| e.to_string())
}

fn relative(path: &str) -> String {
    path.strip_prefix("data/").unwrap_or(path).to_string()
}
