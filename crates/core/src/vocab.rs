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

    // --- events ----------------------------------------------------------------
    pub const EVENT_KIND: &str = "eventKind";
    /// A day, `YYYY-MM-DD`.
    pub const DATE: &str = "date";
    /// A month or year (`YYYY-MM`, `YYYY`) when no day is given.
    pub const PERIOD: &str = "period";

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
    EVENT_KIND,
    DATE,
    PERIOD,
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
