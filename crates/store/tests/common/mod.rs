//! Builders of sources, entities and statements shared by the store's
//! integration tests, and a fresh store of either backend.
#![allow(dead_code)]

use casefile_core::{
    Custody, Entity, EntityId, EntityKind, MediaType, Origin, Source, SourceId, SourceKind,
    SourceMeta, Span, Statement, Status,
};
use casefile_store::now_rfc3339;

/// A source whose id is the SHA-256 of `bytes`.
pub fn source(bytes: &[u8], text: &str) -> Source {
    source_with_id(&casefile_core::sha256_hex(bytes), bytes.len(), text)
}

/// A source with a chosen id (to make ids share a prefix).
pub fn source_with_id(id: &str, size: usize, text: &str) -> Source {
    Source {
        id: SourceId(id.to_string()),
        kind: SourceKind::News,
        media_type: MediaType::PlainText,
        encoding: "UTF-8".into(),
        language: Some("uk".into()),
        meta: SourceMeta {
            title: Some("Депортація дітей".into()),
            publisher: None,
            published: Some("2023-06-01".into()),
            url: Some("https://example.org/a".into()),
        },
        custody: Custody {
            ingested_at: now_rfc3339(),
            ingested_by: "tester".into(),
            original_path: "a.txt".into(),
            tool: "casefile test".into(),
            size: size as u64,
            sha256: id.to_string(),
            capture: None,
        },
        text: text.into(),
        pages: None,
    }
}

pub fn entity(id: &str, kind: EntityKind, caption: &str) -> Entity {
    Entity {
        id: EntityId(id.into()),
        kind,
        caption: caption.into(),
    }
}

/// A proposed rule statement about `entity`, quoting `text[start..end]` of
/// `source` when one is given.
pub fn statement(
    entity: &Entity,
    property: &str,
    value: &str,
    source: Option<&Source>,
    span: Option<(usize, usize)>,
) -> Statement {
    Statement {
        id: None,
        entity: entity.id.clone(),
        property: property.into(),
        value: value.into(),
        source: source.map(|s| s.id.clone()),
        span: match (source, span) {
            (Some(s), Some((start, end))) => Span::of(&s.text, start, end),
            _ => None,
        },
        origin: Origin::Rule,
        confidence: 0.9,
        status: Status::Proposed,
    }
}

/// The original bytes of [`article`] `seed`.
pub fn article_bytes(seed: u64) -> Vec<u8> {
    format!("article {seed}").into_bytes()
}

/// A source of `n` words with `statements` statements about one person, as
/// the ingest of an article with its extraction produces.
pub fn article(seed: u64, statements: usize) -> (Source, Vec<Entity>, Vec<Statement>) {
    let text = format!(
        "Article {seed}. Children were moved from Lysychansk to a camp in Belarus, \
         according to the ombudsman. {}",
        "Officials named in the report were Latushka and Lukashenka. ".repeat(4)
    );
    let source = source(&article_bytes(seed), &text);
    let person = entity(
        &format!("person-{seed}"),
        EntityKind::Person,
        "Pavel Latushka",
    );
    let statements = (0..statements)
        .map(|i| {
            statement(
                &person,
                if i % 2 == 0 { "name" } else { "mentionedIn" },
                "Latushka",
                Some(&source),
                Some((0, 7)),
            )
        })
        .collect();
    (source, vec![person], statements)
}
