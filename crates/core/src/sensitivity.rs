//! Which properties hold a child's personal data.
//!
//! DESIGN.md principle 3: names, birth dates, photos and exact locations of
//! children are protected by default. Every layer that logs, prints an error or
//! exports asks this module, so the rule lives in one place.

use crate::vocab::property::*;
use crate::EntityKind;

/// Properties of a [`EntityKind::Child`] record that identify the child.
pub const SENSITIVE_CHILD_PROPERTIES: &[&str] = &[
    NAME,
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
];

/// True when `property` of an entity of `kind` must be protected: never logged,
/// never in an error message, pseudonymised in public exports.
pub fn is_sensitive(kind: EntityKind, property: &str) -> bool {
    kind == EntityKind::Child && SENSITIVE_CHILD_PROPERTIES.contains(&property)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn child_names_are_sensitive_public_figures_are_not() {
        assert!(is_sensitive(EntityKind::Child, "birthDate"));
        assert!(is_sensitive(EntityKind::Child, "name"));
        assert!(!is_sensitive(EntityKind::Person, "name"));
        assert!(!is_sensitive(EntityKind::Child, "age"));
    }
}
