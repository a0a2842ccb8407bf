//! From an [`Extraction`] to entities and statements with spans, and back.
//!
//! Each finding becomes an entity local to its source (a person as named in
//! one article, one count claim, one event); every fact about it is a
//! [`Statement`] whose span quotes the exact words. Cross-source identity is
//! not stored here: `casefile entities` resolves the source-local persons and
//! organizations on the fly and applies the human merge and split judgements
//! on top, so that adding a source never invalidates an earlier judgement.
//!
//! Entity ids are derived from the source id and what was found, so
//! re-extracting the same text yields the same ids.

use crate::{
    CountClaim, Event, Extraction, Mention, Organization, Person, Place, Relation, RelationEndKind,
};
use casefile_core::{claim_kind, property, EVENT_RELATIONS, PARTY_RELATIONS};
use casefile_core::{
    sha256_hex, Entity, EntityId, EntityKind, Origin, SourceId, Span, Statement, Status,
};

/// Confidence of rule-made statements, per kind of finding. Gazetteer places
/// are the surest; counts and events depend on longer patterns.
const CONFIDENCE_PERSON: f32 = 0.8;
const CONFIDENCE_ORGANIZATION: f32 = 0.8;
const CONFIDENCE_PLACE: f32 = 0.9;
const CONFIDENCE_CLAIM: f32 = 0.7;
const CONFIDENCE_EVENT: f32 = 0.6;
const CONFIDENCE_RELATION: f32 = 0.6;

/// Entities and statements derived from one source.
#[derive(Debug, Default, Clone)]
pub struct Derived {
    pub entities: Vec<Entity>,
    pub statements: Vec<Statement>,
}

fn local_id(prefix: &str, source: &SourceId, key: &str) -> EntityId {
    let digest = sha256_hex(format!("{}\u{1f}{key}", source.0).as_bytes());
    EntityId(format!("{prefix}-{}", &digest[..16]))
}

struct Builder<'a> {
    source: &'a SourceId,
    text: &'a str,
    out: Derived,
}

impl Builder<'_> {
    fn entity(&mut self, id: &EntityId, kind: EntityKind, caption: &str) {
        self.out.entities.push(Entity {
            id: id.clone(),
            kind,
            caption: caption.to_string(),
        });
    }

    fn say(
        &mut self,
        entity: &EntityId,
        property: &str,
        value: impl Into<String>,
        span: Option<(usize, usize)>,
        confidence: f32,
    ) {
        self.out.statements.push(Statement {
            id: None,
            entity: entity.clone(),
            property: property.to_string(),
            value: value.into(),
            source: Some(self.source.clone()),
            // A span that does not quote the text exactly is dropped, never stored wrong.
            span: span.and_then(|(s, e)| Span::of(self.text, s, e)),
            origin: Origin::Rule,
            confidence,
            status: Status::Proposed,
        });
    }

    fn mentions(&mut self, id: &EntityId, mentions: &[Mention], confidence: f32) {
        for m in mentions {
            self.say(
                id,
                property::MENTION,
                &m.text,
                Some((m.start, m.end)),
                confidence,
            );
        }
    }

    /// The span of the first mention spelled `form`, if any.
    fn span_of(mentions: &[Mention], form: &str) -> Option<(usize, usize)> {
        mentions
            .iter()
            .find(|m| m.text == form)
            .map(|m| (m.start, m.end))
    }

    fn person(&mut self, p: &Person) {
        let id = self.person_id(&p.name);
        self.entity(&id, EntityKind::Person, &p.name);
        let first = p.mentions.first().map(|m| (m.start, m.end));
        self.say(&id, property::NAME, &p.name, first, CONFIDENCE_PERSON);
        for v in p.variants.iter().filter(|v| **v != p.name) {
            let span = Self::span_of(&p.mentions, v);
            self.say(&id, property::ALIAS, v, span, CONFIDENCE_PERSON);
        }
        for role in &p.roles {
            let span = self.text.find(role.as_str()).map(|s| (s, s + role.len()));
            self.say(&id, property::ROLE, role, span, CONFIDENCE_PERSON);
        }
        self.mentions(&id, &p.mentions, CONFIDENCE_PERSON);
    }

    fn organization(&mut self, o: &Organization) {
        let id = self.organization_id(o);
        self.entity(&id, EntityKind::Organization, &o.name);
        let first = o.mentions.first().map(|m| (m.start, m.end));
        self.say(&id, property::NAME, &o.name, first, CONFIDENCE_ORGANIZATION);
        if let Some(acronym) = &o.acronym {
            let span = Self::span_of(&o.mentions, acronym);
            self.say(
                &id,
                property::ACRONYM,
                acronym,
                span,
                CONFIDENCE_ORGANIZATION,
            );
        }
        for v in o.variants.iter().filter(|v| **v != o.name) {
            let span = Self::span_of(&o.mentions, v);
            self.say(&id, property::ALIAS, v, span, CONFIDENCE_ORGANIZATION);
        }
        self.mentions(&id, &o.mentions, CONFIDENCE_ORGANIZATION);
    }

    fn place(&mut self, p: &Place) {
        let key = format!("{}\u{1f}{}", casefile_text::fold(&p.name), p.kind.as_str());
        let id = local_id("place", self.source, &key);
        self.entity(&id, EntityKind::Place, &p.name);
        let first = p.mentions.first().map(|m| (m.start, m.end));
        self.say(&id, property::NAME, &p.name, first, CONFIDENCE_PLACE);
        self.say(
            &id,
            property::PLACE_KIND,
            p.kind.as_str(),
            None,
            CONFIDENCE_PLACE,
        );
        if let Some(country) = &p.country {
            self.say(&id, property::COUNTRY, country, None, CONFIDENCE_PLACE);
        }
        self.mentions(&id, &p.mentions, CONFIDENCE_PLACE);
    }

    fn claim(&mut self, c: &CountClaim) {
        let id = local_id("claim", self.source, &format!("{}-{}", c.start, c.end));
        self.entity(&id, EntityKind::Claim, &c.text);
        let span = Some((c.start, c.end));
        let conf = CONFIDENCE_CLAIM;
        self.say(
            &id,
            property::CLAIM_KIND,
            claim_kind::CHILD_COUNT,
            span,
            conf,
        );
        self.say(&id, property::QUALIFIER, c.qualifier.as_str(), span, conf);
        if let Some(n) = c.number {
            self.say(&id, property::NUMBER, n.to_string(), span, conf);
        }
        if let Some(a) = c.age_min {
            self.say(&id, property::AGE_MIN, a.to_string(), span, conf);
        }
        if let Some(a) = c.age_max {
            self.say(&id, property::AGE_MAX, a.to_string(), span, conf);
        }
        for o in &c.origin {
            self.say(&id, property::ORIGIN, o, span, conf);
        }
        if let Some(d) = &c.destination {
            self.say(&id, property::DESTINATION, d, span, conf);
        }
        if let Some(t) = &c.time_scope {
            self.say(&id, property::TIME_SCOPE, t, span, conf);
        }
        if let Some(a) = &c.asserted_by {
            self.say(&id, property::ASSERTED_BY, a, span, conf);
        }
        if let Some(a) = &c.action {
            self.say(&id, property::CLAIM_ACTION, a, span, conf);
        }
    }

    fn person_id(&self, name: &str) -> EntityId {
        local_id("person", self.source, &casefile_text::fold(name))
    }

    fn organization_id(&self, o: &Organization) -> EntityId {
        let key = o.acronym.as_deref().unwrap_or(&o.name);
        local_id("org", self.source, &casefile_text::fold(key))
    }

    fn event_id(&self, e: &Event) -> EntityId {
        local_id("event", self.source, &format!("{}-{}", e.start, e.end))
    }

    /// A relation as a statement on its subject (a person, an organization or an event)
    /// whose value names the other end and whose span quotes the words that state it.
    fn relation(&mut self, r: &Relation, extraction: &Extraction) {
        let subject = match r.subject.kind {
            RelationEndKind::Person => self.person_id(&r.subject.name),
            RelationEndKind::Organization => {
                let Some(o) = extraction
                    .organizations
                    .iter()
                    .find(|o| o.name == r.subject.name)
                else {
                    return;
                };
                self.organization_id(o)
            }
            RelationEndKind::Event => {
                let Some(e) = r.subject.event.and_then(|i| extraction.events.get(i)) else {
                    return;
                };
                self.event_id(e)
            }
            // No relation has a place for its subject.
            RelationEndKind::Place => return,
        };
        // Only the vocabulary's relation properties are written.
        let Some(property) = PARTY_RELATIONS
            .iter()
            .chain(EVENT_RELATIONS)
            .find(|p| **p == r.predicate)
        else {
            return;
        };
        self.say(
            &subject,
            property,
            &r.object.name,
            Some((r.start, r.end)),
            CONFIDENCE_RELATION,
        );
    }

    fn event(&mut self, e: &Event) {
        let id = self.event_id(e);
        self.entity(&id, EntityKind::Event, &e.text);
        let span = Some((e.start, e.end));
        self.say(&id, property::EVENT_KIND, &e.kind, span, CONFIDENCE_EVENT);
        if let Some(date) = &e.date {
            self.say(&id, property::DATE, date, span, CONFIDENCE_EVENT);
        }
        if let Some(period) = &e.period {
            self.say(&id, property::PERIOD, period, span, CONFIDENCE_EVENT);
        }
    }
}

/// The entities and statements of `extraction`, made from the clean `text`
/// of `source` (the text the extraction ran on).
pub fn to_statements(source: &SourceId, text: &str, extraction: &Extraction) -> Derived {
    let mut b = Builder {
        source,
        text,
        out: Derived::default(),
    };
    for p in &extraction.persons {
        b.person(p);
    }
    for o in &extraction.organizations {
        b.organization(o);
    }
    for p in &extraction.places {
        b.place(p);
    }
    for c in &extraction.count_claims {
        b.claim(c);
    }
    for e in &extraction.events {
        b.event(e);
    }
    for r in &extraction.relations {
        b.relation(r, extraction);
    }
    // Two findings with one key (the same name twice) are one entity.
    b.out.entities.sort_by(|x, y| x.id.cmp(&y.id));
    b.out.entities.dedup_by(|x, y| x.id == y.id);
    b.out
}

fn mentions_of(statements: &[&Statement]) -> Vec<Mention> {
    statements
        .iter()
        .filter(|s| s.property == property::MENTION)
        .filter_map(|s| {
            let span = s.span.as_ref()?;
            Some(Mention {
                start: span.start,
                end: span.end,
                text: span.quote.clone(),
            })
        })
        .collect()
}

fn values(statements: &[&Statement], property: &str) -> Vec<String> {
    let mut out: Vec<String> = statements
        .iter()
        .filter(|s| s.property == property)
        .map(|s| s.value.clone())
        .collect();
    out.dedup();
    out
}

/// Rebuilds a source-local person from its stored statements (for resolution).
pub fn person_from_statements(name: &str, statements: &[&Statement]) -> Person {
    let mut variants = vec![name.to_string()];
    variants.extend(values(statements, property::ALIAS));
    Person {
        name: name.to_string(),
        variants,
        roles: values(statements, property::ROLE),
        mentions: mentions_of(statements),
    }
}

/// Rebuilds a source-local organization from its stored statements.
pub fn organization_from_statements(name: &str, statements: &[&Statement]) -> Organization {
    let mut variants = vec![name.to_string()];
    variants.extend(values(statements, property::ALIAS));
    Organization {
        name: name.to_string(),
        acronym: values(statements, property::ACRONYM).into_iter().next(),
        variants,
        mentions: mentions_of(statements),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_span_quotes_the_text_and_ids_are_stable() {
        let text = "Belarusian President Alexander Lukashenko met 48 children from Luhansk in Minsk on 4 January 2024. Лукашенко said nothing.";
        let extraction = crate::extract(text, Some("en"), None);
        let source = SourceId("ab".repeat(32));
        let derived = to_statements(&source, text, &extraction);
        assert!(!derived.statements.is_empty());
        for s in &derived.statements {
            if let Some(span) = &s.span {
                assert!(span.matches(text), "{span:?}");
            }
            assert!(derived.entities.iter().any(|e| e.id == s.entity));
        }
        let again = to_statements(&source, text, &extraction);
        assert_eq!(derived.entities, again.entities);
        let person = derived
            .entities
            .iter()
            .find(|e| e.kind == EntityKind::Person)
            .expect("a person");
        let about: Vec<&Statement> = derived
            .statements
            .iter()
            .filter(|s| s.entity == person.id)
            .collect();
        let rebuilt = person_from_statements(&person.caption, &about);
        assert!(!rebuilt.mentions.is_empty());
        assert!(derived
            .statements
            .iter()
            .any(|s| s.property == "number" && s.value == "48"));
    }

    #[test]
    fn relations_are_statements_on_their_subject_quoting_their_words() {
        let text = "Mykola Kuleba, the head of Save Ukraine, said 40 children were taken from Mariupol to Rostov-on-Don.";
        let extraction = crate::extract(text, Some("en"), None);
        let source = SourceId("cd".repeat(32));
        let derived = to_statements(&source, text, &extraction);
        // Claims state origins and destinations too: the statement of a relation is the
        // one whose entity is not a claim.
        let on = |property: &str| {
            derived
                .statements
                .iter()
                .filter(|s| s.property == property)
                .map(|s| {
                    let kind = derived
                        .entities
                        .iter()
                        .find(|e| e.id == s.entity)
                        .map(|e| e.kind);
                    (kind, s.value.clone(), s.span.clone())
                })
                .find(|(kind, _, _)| *kind != Some(EntityKind::Claim))
        };
        let (kind, value, span) = on(property::HEAD_OF).expect("a headOf statement");
        assert_eq!(kind, Some(EntityKind::Person));
        assert_eq!(value, "Save Ukraine");
        let span = span.expect("a span");
        assert!(
            span.matches(text) && span.quote.contains("head of Save Ukraine"),
            "{span:?}"
        );
        for p in [property::ORIGIN, property::DESTINATION] {
            let (kind, _, span) = on(p).unwrap_or_else(|| panic!("{p}: {:?}", derived.statements));
            assert_eq!(kind, Some(EntityKind::Event), "{p}");
            assert!(span.is_some_and(|s| s.matches(text)), "{p}");
        }
        for s in &derived.statements {
            assert!(casefile_core::is_property(&s.property), "{}", s.property);
        }
    }
}
