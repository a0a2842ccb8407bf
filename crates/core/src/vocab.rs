//! The vocabulary of statements: every property name casefile writes or
//! reads, in one list.
//!
//! Extraction writes these names, the application layer reads them,
//! [`crate::sensitivity`] decides which of them are a child's personal data,
//! and exports map them to other schemas. A property name spelled anywhere
//! else as a string literal is a bug waiting to happen: use these constants.

/// Names of statement properties.
pub mod property {
    // --- any entity -------------------------------------------------------
    /// The entity's name as written in its source.
    pub const NAME: &str = "name";
    /// Another spelling of the name in the same source.
    pub const ALIAS: &str = "alias";
    /// One occurrence of the entity in a source (the span is the words).
    pub const MENTION: &str = "mention";

    // --- persons and organizations -------------------------------------------
    /// A person's title or function ("Children's Rights Commissioner").
    pub const ROLE: &str = "role";
    /// An organization's acronym.
    pub const ACRONYM: &str = "acronym";

    // --- places ----------------------------------------------------------------
    /// country, region, settlement or facility.
    pub const PLACE_KIND: &str = "placeKind";
    /// ISO 3166 code of the country a place is in.
    pub const COUNTRY: &str = "country";

    // --- claims (counts of children) --------------------------------------------
    /// What a claim counts (`child-count`).
    pub const CLAIM_KIND: &str = "claimKind";
    pub const NUMBER: &str = "number";
    /// exact, at_least, more_than, about or up_to.
    pub const QUALIFIER: &str = "qualifier";
    pub const AGE_MIN: &str = "ageMin";
    pub const AGE_MAX: &str = "ageMax";
    /// Where the children were taken from (one statement per place).
    pub const ORIGIN: &str = "origin";
    /// Where the children were taken to.
    pub const DESTINATION: &str = "destination";
    /// The period the count covers ("since 2022").
    pub const TIME_SCOPE: &str = "timeScope";
    /// Who asserts the count ("according to …").
    pub const ASSERTED_BY: &str = "assertedBy";
    /// What the count says happened to the children: removed, returned,
    /// adopted, killed, injured or missing.
    pub const CLAIM_ACTION: &str = "claimAction";

    // --- events ----------------------------------------------------------------
    pub const EVENT_KIND: &str = "eventKind";
    /// A day, `YYYY-MM-DD`.
    pub const DATE: &str = "date";
    /// A month or year (`YYYY-MM`, `YYYY`) when no day is given.
    pub const PERIOD: &str = "period";

    // --- relations (issue 12) -----------------------------------------------------
    // A relation is a statement whose span is the words that state it and whose
    // value is the *name* of the other end, exactly as extraction names that
    // entity in the same source (a person's or organization's `name`, a
    // place's canonical gazetteer name), as claims name their origin.
    //
    // Between persons and organizations: on the subject entity.
    /// The subject (a person) heads the organization named in the value.
    pub const HEAD_OF: &str = "headOf";
    /// The subject (a person) belongs to or works for the organization named.
    pub const MEMBER_OF: &str = "memberOf";
    /// The subject (a person) speaks for the organization named.
    pub const SPOKESPERSON_OF: &str = "spokespersonOf";
    /// The subject (a person or organization) backs, sponsors or patronises
    /// the organization named.
    pub const SUPPORTS: &str = "supports";
    // The parties and places of a transfer or other event: on the event entity
    // (the value names a person or organization; for places see `ORIGIN`,
    // `VIA` and `DESTINATION`, which events share with claims).
    /// Who organised the event.
    pub const ORGANIZER: &str = "organizer";
    /// Who paid for it.
    pub const FUNDER: &str = "funder";
    /// Who carried the children.
    pub const TRANSPORTER: &str = "transporter";
    /// Who received and housed them (a camp, a sanatorium, a family's organization).
    pub const HOST: &str = "host";
    /// A place the children passed through on the way.
    pub const VIA: &str = "via";

    // --- human judgements ------------------------------------------------------------
    /// Two entities are the same (value: the other entity's id).
    pub const SAME_AS: &str = "sameAs";
    /// Members split off an entity (value: the other member ids, space-separated).
    pub const SPLIT_OFF: &str = "splitOff";
    /// Two registry records are the same child (value: the other record's entity id).
    pub const RECORD_MATCH: &str = "recordMatch";
    /// Two registry records are different children.
    pub const RECORD_NON_MATCH: &str = "recordNonMatch";

    // --- a child's record (protected: see `sensitivity`) -----------------------------
    pub const GIVEN_NAME: &str = "givenName";
    pub const SURNAME: &str = "surname";
    pub const PATRONYMIC: &str = "patronymic";
    pub const FULL_NAME: &str = "fullName";
    pub const BIRTH_DATE: &str = "birthDate";
    pub const BIRTH_PLACE: &str = "birthPlace";
    pub const PHOTO: &str = "photo";
    pub const ADDRESS: &str = "address";
    pub const LAST_PLACE: &str = "lastPlace";
    pub const GUARDIAN: &str = "guardian";
    pub const NOTE: &str = "note";
    pub const SEX: &str = "sex";
    pub const AGE: &str = "age";
}

use property::*;

/// Every property name, for validation and for exports that map them.
pub const PROPERTIES: &[&str] = &[
    NAME,
    ALIAS,
    MENTION,
    ROLE,
    ACRONYM,
    PLACE_KIND,
    COUNTRY,
    CLAIM_KIND,
    NUMBER,
    QUALIFIER,
    AGE_MIN,
    AGE_MAX,
    ORIGIN,
    DESTINATION,
    TIME_SCOPE,
    ASSERTED_BY,
    CLAIM_ACTION,
    EVENT_KIND,
    DATE,
    PERIOD,
    HEAD_OF,
    MEMBER_OF,
    SPOKESPERSON_OF,
    SUPPORTS,
    ORGANIZER,
    FUNDER,
    TRANSPORTER,
    HOST,
    VIA,
    SAME_AS,
    SPLIT_OFF,
    RECORD_MATCH,
    RECORD_NON_MATCH,
    GIVEN_NAME,
    SURNAME,
    PATRONYMIC,
    FULL_NAME,
    BIRTH_DATE,
    BIRTH_PLACE,
    PHOTO,
    ADDRESS,
    LAST_PLACE,
    GUARDIAN,
    NOTE,
    SEX,
    AGE,
];

/// The relation properties between persons and organizations (on the subject).
pub const PARTY_RELATIONS: &[&str] = &[HEAD_OF, MEMBER_OF, SPOKESPERSON_OF, SUPPORTS];

/// The relation properties of an event: its parties and its places.
pub const EVENT_RELATIONS: &[&str] = &[
    ORGANIZER,
    FUNDER,
    TRANSPORTER,
    HOST,
    ORIGIN,
    VIA,
    DESTINATION,
];

/// True when `name` is a property of this vocabulary.
pub fn is_property(name: &str) -> bool {
    PROPERTIES.contains(&name)
}

/// Claim kinds (the value of [`property::CLAIM_KIND`]).
pub mod claim_kind {
    /// A number of children.
    pub const CHILD_COUNT: &str = "child-count";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_property_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for p in PROPERTIES {
            assert!(seen.insert(*p), "{p} is listed twice");
        }
        assert!(is_property(SAME_AS));
        assert!(!is_property("Name"));
    }
}
