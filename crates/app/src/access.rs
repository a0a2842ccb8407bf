//! Who is acting, and what their role lets them do.
//!
//! The roles are those of a documentation team (see the team-server issue):
//! an admin; investigators, who read and write everything and see
//! children's protected fields; analysts, who read and write but see
//! children's protected fields redacted; tracers, who work the registries
//! and the review queue with protected fields; viewers, who read confirmed
//! statements and public material only. The table of what each role may do
//! is data ([`GRANTS`]), checked in one place ([`Actor::require`]) by every
//! operation; what a viewer may not see is left out by [`Scope`].

use crate::{AppError, Result};
use casefile_core::{SourceId, SourceKind, Statement, Status};
use casefile_store::Store;
use serde::{Serialize, Serializer};
use std::cell::OnceCell;
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

/// A role within a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Investigator,
    Analyst,
    Tracer,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Investigator,
        Role::Analyst,
        Role::Tracer,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Investigator => "investigator",
            Role::Analyst => "analyst",
            Role::Tracer => "tracer",
            Role::Viewer => "viewer",
        }
    }

    /// True when this role may do `permission`.
    pub fn allows(self, permission: Permission) -> bool {
        GRANTS
            .iter()
            .any(|(role, granted)| *role == self && granted.contains(&permission))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                AppError::Invalid(format!(
                    "unknown role {s:?} (expected admin, investigator, analyst, tracer or viewer)"
                ))
            })
    }
}

/// Something an operation needs the actor to be allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Sources, their text, search.
    ReadSources,
    /// Ingest.
    AddSources,
    /// Entities, statements, claims.
    ReadFindings,
    /// Merge, split, review status of statements.
    JudgeFindings,
    /// Registries, link and dedupe results (record ids, no names).
    ReadRegistries,
    /// Registry import.
    AddRegistries,
    /// Accept or reject a pair of records.
    ReviewLinks,
    /// Children's protected fields (names, birth dates, places).
    SeeProtected,
    /// The audit log and `verify`.
    ReadAudit,
    /// Users, their roles and tokens.
    ManageUsers,
    /// Evidence packages and other exports; a court package (children's
    /// data as it is) also needs [`Permission::SeeProtected`].
    Export,
    /// Statements not yet confirmed (proposed, disputed, rejected) and
    /// sources that are not public material (documents, registries): without
    /// it, only confirmed statements from public sources are seen.
    ReadUnconfirmed,
}

use Permission::*;

impl Permission {
    pub const ALL: [Permission; 12] = [
        ReadSources,
        AddSources,
        ReadFindings,
        JudgeFindings,
        ReadRegistries,
        AddRegistries,
        ReviewLinks,
        SeeProtected,
        ReadAudit,
        ManageUsers,
        Export,
        ReadUnconfirmed,
    ];
}

/// What each role may do.
pub const GRANTS: &[(Role, &[Permission])] = &[
    // The admin may do everything there is.
    (Role::Admin, &Permission::ALL),
    (
        Role::Investigator,
        &[
            ReadSources,
            AddSources,
            ReadFindings,
            JudgeFindings,
            ReadRegistries,
            AddRegistries,
            ReviewLinks,
            SeeProtected,
            ReadAudit,
            Export,
            ReadUnconfirmed,
        ],
    ),
    (
        Role::Analyst,
        &[
            ReadSources,
            AddSources,
            ReadFindings,
            JudgeFindings,
            ReadRegistries,
            AddRegistries,
            ReviewLinks,
            ReadAudit,
            Export,
            ReadUnconfirmed,
        ],
    ),
    (
        Role::Tracer,
        &[ReadRegistries, AddRegistries, ReviewLinks, SeeProtected],
    ),
    (Role::Viewer, &[ReadSources, ReadFindings]),
];

/// The person (or script) doing an operation: the name recorded in the audit
/// log, and the role that decides what they may do and see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub name: String,
    pub role: Role,
}

impl Actor {
    pub fn new(name: impl Into<String>, role: Role) -> Actor {
        Actor {
            name: name.into(),
            role,
        }
    }

    /// The owner of an embedded project working on their own machine: every
    /// operation is theirs to do.
    pub fn local(name: impl Into<String>) -> Actor {
        Actor::new(name, Role::Admin)
    }

    /// Fails with [`AppError::Forbidden`] unless the role allows `permission`.
    pub fn require(&self, permission: Permission) -> Result<()> {
        if self.role.allows(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden {
                role: self.role,
                permission,
            })
        }
    }

    /// `value` when the actor may see children's protected fields, else
    /// [`Protected::Redacted`].
    pub fn protect<T>(&self, value: T) -> Protected<T> {
        if self.role.allows(SeeProtected) {
            Protected::Shown(value)
        } else {
            Protected::Redacted
        }
    }
}

/// True for the kinds of source that are public material (published news,
/// NGO statements, reports, official statements, web captures); documents
/// and registries uploaded by the team are not.
pub fn is_public(kind: SourceKind) -> bool {
    !matches!(kind, SourceKind::Document | SourceKind::Registry)
}

/// What of the sources and findings one actor may see: everything, or (for
/// roles without [`Permission::ReadUnconfirmed`], i.e. viewers) confirmed
/// statements and public sources only. A statement about a non-public
/// source is hidden even when confirmed: its quote is that source's text.
pub struct Scope<'a> {
    store: &'a dyn Store,
    restricted: bool,
    /// The public sources, read once when a bulk check first needs them.
    public: OnceCell<HashSet<SourceId>>,
}

impl<'a> Scope<'a> {
    pub fn of(actor: &Actor, store: &'a dyn Store) -> Scope<'a> {
        Scope {
            store,
            restricted: !actor.role.allows(ReadUnconfirmed),
            public: OnceCell::new(),
        }
    }

    /// Everything (`restricted` false), or what a viewer may see: a scope
    /// depends on the role only through this one choice.
    pub(crate) fn limited(store: &'a dyn Store, restricted: bool) -> Scope<'a> {
        Scope {
            store,
            restricted,
            public: OnceCell::new(),
        }
    }

    /// True when nothing is left out.
    pub fn is_everything(&self) -> bool {
        !self.restricted
    }

    /// Whether a source of `kind` may be seen.
    pub fn source_kind_visible(&self, kind: SourceKind) -> bool {
        !self.restricted || is_public(kind)
    }

    /// Whether source `id` may be seen (one lookup; for a few ids).
    pub fn source_visible(&self, id: &SourceId) -> Result<bool> {
        if !self.restricted {
            return Ok(true);
        }
        if let Some(public) = self.public.get() {
            return Ok(public.contains(id));
        }
        Ok(is_public(self.store.source(&id.0)?.kind))
    }

    fn public_sources(&self) -> Result<&HashSet<SourceId>> {
        if let Some(public) = self.public.get() {
            return Ok(public);
        }
        let public = self
            .store
            .sources()?
            .into_iter()
            .filter(|s| is_public(s.kind))
            .map(|s| s.id)
            .collect();
        Ok(self.public.get_or_init(|| public))
    }

    /// Whether the one statement `s` may be seen (looks up its source alone).
    pub fn one_statement_visible(&self, s: &Statement) -> Result<bool> {
        if !self.restricted {
            return Ok(true);
        }
        if s.status != Status::Confirmed {
            return Ok(false);
        }
        match &s.source {
            None => Ok(true),
            Some(id) => self.source_visible(id),
        }
    }

    /// Whether statement `s` may be seen (bulk: reads the public sources once).
    pub fn statement_visible(&self, s: &Statement) -> Result<bool> {
        if !self.restricted {
            return Ok(true);
        }
        if s.status != Status::Confirmed {
            return Ok(false);
        }
        match &s.source {
            None => Ok(true),
            Some(id) => Ok(self.public_sources()?.contains(id)),
        }
    }
}

/// A child's protected value as one actor may see it. Serialized as the
/// value itself, or as `{"redacted": true}`: redaction is marked, never a
/// silent gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protected<T> {
    Shown(T),
    Redacted,
}

impl<T> Protected<T> {
    /// The value, if shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Protected::Shown(v) => Some(v),
            Protected::Redacted => None,
        }
    }
}

impl<T: Serialize> Serialize for Protected<T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Redacted {
            redacted: bool,
        }
        match self {
            Protected::Shown(v) => v.serialize(s),
            Protected::Redacted => Redacted { redacted: true }.serialize(s),
        }
    }
}

impl<T: fmt::Display> fmt::Display for Protected<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Protected::Shown(v) => v.fmt(f),
            Protected::Redacted => f.write_str("[redacted]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_is_in_the_table_once() {
        for role in Role::ALL {
            assert_eq!(GRANTS.iter().filter(|(r, _)| *r == role).count(), 1);
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
        }
    }

    #[test]
    fn only_roles_that_need_them_see_protected_fields() {
        let seeing: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.allows(SeeProtected))
            .collect();
        assert_eq!(seeing, [Role::Admin, Role::Investigator, Role::Tracer]);
        let analyst = Actor::new("a", Role::Analyst);
        assert_eq!(analyst.protect("Коваленко"), Protected::Redacted);
        assert_eq!(
            serde_json::to_string(&analyst.protect("x")).unwrap(),
            r#"{"redacted":true}"#
        );
        assert!(Actor::new("v", Role::Viewer).require(AddSources).is_err());
        assert!(Actor::new("t", Role::Tracer).require(ReadSources).is_err());
    }

    #[test]
    fn only_viewers_are_limited_to_confirmed_and_public() {
        let limited: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.allows(ReadSources) && !r.allows(ReadUnconfirmed))
            .collect();
        assert_eq!(limited, [Role::Viewer]);
        assert!(is_public(SourceKind::News) && is_public(SourceKind::WebCapture));
        assert!(!is_public(SourceKind::Document) && !is_public(SourceKind::Registry));
    }
}
