//! The [`Store`] trait: every read and write of the case database.
//!
//! Implementations: [`crate::SqliteStore`] (embedded) and [`crate::PgStore`]
//! (a team server); callers never know which one they hold, and one
//! conformance suite (`tests/conformance.rs`) runs against both.

use crate::Result;
use casefile_core::{
    AuditEntry, AuditRecord, Case, CaseId, CaseItem, ClusterChanges, ClusterMember, Entity,
    EntityId, EntityKind, LinkageCluster, LinkageRun, RegistryAppend, RegistryInfo, SavedRun,
    Source, SourceId, SourceKind, SourceSummary, Statement, StatementFilter, StatementId, Status,
};

/// A source to store with the entities and statements derived from it.
pub type NewSource<'a> = (&'a Source, &'a [Entity], &'a [Statement]);

/// What [`Store::insert_source`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The source is new and was stored.
    New,
    /// A source with the same bytes was already stored; nothing was written.
    AlreadyPresent,
}

/// A page of the audit log, newest first: at most `limit` entries before
/// position `before` (all when `None`), whose action is `action` or starts
/// with it followed by a dot (`export` finds `export.bagit`), and whose
/// actor is `actor`, when given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub before: Option<u64>,
    pub action: Option<String>,
    pub actor: Option<String>,
    pub limit: usize,
}

impl AuditQuery {
    /// The pattern an action must equal, or start with, to match.
    pub fn action_prefix(&self) -> Option<String> {
        self.action
            .as_ref()
            .map(|a| format!("{}.", a.trim_end_matches('.')))
    }
}

/// The case database. Every write appends its audit entry in the same
/// transaction; `actor` names who did it.
pub trait Store {
    // --- sources ---------------------------------------------------------
    /// Stores `source` (its blob must already be stored) unless the same bytes
    /// are present, together with the entities and statements derived from it,
    /// all in one transaction.
    fn insert_source(
        &mut self,
        source: &Source,
        entities: &[Entity],
        statements: &[Statement],
        actor: &str,
    ) -> Result<Inserted> {
        let inserted = self.insert_sources(&[(source, entities, statements)], actor)?;
        Ok(inserted
            .first()
            .copied()
            .unwrap_or(Inserted::AlreadyPresent))
    }
    /// [`Store::insert_source`] for many sources in one transaction: each
    /// source is whole (with its findings and audit entries) or absent, and
    /// one commit serves them all.
    fn insert_sources(&mut self, batch: &[NewSource<'_>], actor: &str) -> Result<Vec<Inserted>>;
    /// True when a source with this id is stored.
    fn has_source(&self, id: &SourceId) -> Result<bool>;
    /// The source whose id is `id_or_prefix` or starts with it (at least 4 hex digits).
    fn source(&self, id_or_prefix: &str) -> Result<Source>;
    /// The sources among `ids` that are stored, in no particular order (one
    /// query for a page of search hits).
    fn sources_by_id(&self, ids: &[SourceId]) -> Result<Vec<Source>>;
    /// All sources, oldest first, without their text.
    fn sources(&self) -> Result<Vec<SourceSummary>>;
    /// How many sources there are per language (`None`: not detected) and
    /// kind, without reading them (an index answers).
    fn source_counts(&self) -> Result<Vec<(Option<String>, SourceKind, u64)>>;
    /// Ids and texts of sources not yet in the search index.
    fn unindexed_sources(&self, limit: usize) -> Result<Vec<Source>>;
    /// Records that these sources are now in the committed search index.
    fn mark_indexed(&mut self, ids: &[SourceId]) -> Result<()>;
    /// Forgets that any source is indexed (before a full rebuild).
    fn mark_all_unindexed(&mut self) -> Result<()>;

    // --- entities and statements ----------------------------------------
    /// Creates the entity, or updates its caption when it exists.
    fn put_entity(&mut self, entity: &Entity, actor: &str) -> Result<()>;
    fn entity(&self, id: &EntityId) -> Result<Option<Entity>>;
    fn entities(&self, kind: Option<EntityKind>) -> Result<Vec<Entity>>;
    /// Stores statements in one transaction; returns their new ids in order.
    fn add_statements(&mut self, statements: &[Statement], actor: &str)
        -> Result<Vec<StatementId>>;
    /// Changes a statement's review status, with the reason recorded in the audit log.
    fn set_statement_status(
        &mut self,
        id: StatementId,
        status: Status,
        reason: &str,
        actor: &str,
    ) -> Result<()>;
    /// A human judgement, all in one transaction: `entities` created (or
    /// their caption updated, each with its audit entry), `statements`
    /// added, and the audit entry that `record` makes of the new
    /// statements' ids (the judgement itself, with its reason). Returns
    /// those ids.
    fn add_judgement(
        &mut self,
        entities: &[Entity],
        statements: &[Statement],
        record: &dyn Fn(&[StatementId]) -> AuditRecord,
        actor: &str,
    ) -> Result<Vec<StatementId>>;
    fn statements(&self, filter: &StatementFilter) -> Result<Vec<Statement>>;
    /// Every statement about any of `entities`, by id (one query however
    /// many entities: a resolved entity has one member per source).
    fn statements_about(&self, entities: &[EntityId]) -> Result<Vec<Statement>>;
    /// A page of the statements about `entities`, in the order of
    /// `entities` and each entity's by id: at most `limit` from position
    /// `offset`, and how many there are in all. For an entity read in a
    /// thousand sources, a page costs a page, not the thousand.
    fn statements_about_page(
        &self,
        entities: &[EntityId],
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Statement>, u64)>;
    fn statement(&self, id: StatementId) -> Result<Option<Statement>>;
    /// How many statements are stored.
    fn statement_count(&self) -> Result<u64>;
    /// How many statements there are per review status (statuses with none
    /// left out), without reading them (an index on the status answers).
    fn statement_status_counts(&self) -> Result<Vec<(Status, u64)>>;

    // --- registries ----------------------------------------------------------
    /// Records an imported registry (its blob must already be stored).
    fn add_registry(&mut self, registry: &RegistryInfo, actor: &str) -> Result<()>;
    fn registry(&self, name: &str) -> Result<Option<RegistryInfo>>;
    fn registries(&self) -> Result<Vec<RegistryInfo>>;
    /// Records a file appended to an imported registry (its blob must
    /// already be stored), with a `registry.append` entry; returns the part
    /// number it was given (`append.part` is ignored). An unknown registry
    /// is [`crate::StoreError::NotFound`].
    fn append_registry(&mut self, append: &RegistryAppend, actor: &str) -> Result<u32>;
    /// The files appended to registry `name`, in the order appended.
    fn registry_appends(&self, name: &str) -> Result<Vec<RegistryAppend>>;

    // --- linkage clusters ----------------------------------------------------
    /// The members of every live cluster of `scope`, as (cluster id,
    /// member), by cluster id.
    fn live_cluster_members(&self, scope: &str) -> Result<Vec<(i64, ClusterMember)>>;
    /// A cluster, live or retired, with its members and parents.
    fn linkage_cluster(&self, id: i64) -> Result<Option<LinkageCluster>>;
    /// The clusters made from cluster `id` (by a merge or a split), by id.
    fn cluster_children(&self, id: i64) -> Result<Vec<i64>>;
    fn linkage_run(&self, id: i64) -> Result<Option<LinkageRun>>;
    /// The model the latest run of `scope` that fitted one stored with it
    /// ([`ClusterChanges::model`]), if any.
    fn linkage_model(&self, scope: &str) -> Result<Option<String>>;
    /// What the latest run of `scope` kept for the next
    /// ([`ClusterChanges::pairs`]), if any.
    fn linkage_pairs(&self, scope: &str) -> Result<Option<Vec<u8>>>;
    /// The clusters made by the run whose kept pairs
    /// ([`Store::linkage_pairs`]) `scope` holds, in the order it made them
    /// ([`SavedRun::created`]); empty when it holds none. What a run keeps
    /// may name its clusters by that order, as their ids are given only
    /// when they are stored.
    fn kept_run_clusters(&self, scope: &str) -> Result<Vec<i64>>;
    /// Stores a run of `link` or `dedupe` and what it changes in one
    /// transaction with its `linkage.run` entry: the grown clusters gain
    /// their new members, the retired ones are retired, the new ones are made
    /// with their parents. A grown or retired cluster that is not live in
    /// the scope makes the whole run fail and nothing is written.
    fn save_clusters(&mut self, changes: &ClusterChanges, actor: &str) -> Result<SavedRun>;

    // --- cases -------------------------------------------------------------
    fn create_case(&mut self, name: &str, description: &str, actor: &str) -> Result<Case>;
    fn cases(&self) -> Result<Vec<Case>>;
    /// Adds sources, entities and statements to a case in one transaction,
    /// with one `case.add` audit entry per item not yet in it; returns those
    /// items. An unknown case or item writes nothing and is an error naming it.
    fn add_case_items(
        &mut self,
        case: CaseId,
        items: &[CaseItem],
        actor: &str,
    ) -> Result<Vec<CaseItem>>;
    /// Removes items from a case in one transaction, with one `case.remove`
    /// audit entry per item that was in it; returns those items.
    fn remove_case_items(
        &mut self,
        case: CaseId,
        items: &[CaseItem],
        actor: &str,
    ) -> Result<Vec<CaseItem>>;
    /// The items of a case: sources, then entities, then statements, each by id.
    fn case_items(&self, case: CaseId) -> Result<Vec<CaseItem>>;
    /// [`Store::add_case_items`] for one source.
    fn add_source_to_case(&mut self, case: CaseId, source: &SourceId, actor: &str) -> Result<()> {
        self.add_case_items(case, &[CaseItem::Source(source.clone())], actor)
            .map(drop)
    }
    /// The sources among [`Store::case_items`].
    fn case_sources(&self, case: CaseId) -> Result<Vec<SourceId>> {
        Ok(self
            .case_items(case)?
            .into_iter()
            .filter_map(|item| match item {
                CaseItem::Source(id) => Some(id),
                _ => None,
            })
            .collect())
    }

    // --- audit -------------------------------------------------------------
    /// Appends an entry for an action that changed nothing else in the store
    /// (e.g. an export written to disk).
    fn append_audit(&mut self, record: AuditRecord) -> Result<AuditEntry>;
    /// The whole log in order.
    fn audit_entries(&self) -> Result<Vec<AuditEntry>>;
    /// One page of the log, newest first (see [`AuditQuery`]).
    fn audit_page(&self, query: &AuditQuery) -> Result<Vec<AuditEntry>>;
    /// The position of the last entry ever appended, recorded beside the log.
    fn audit_head(&self) -> Result<u64>;
    /// [`Store::audit_head`] as this process last learned it: never behind
    /// this process's own writes, and behind another process's by at most
    /// the moment its announcement takes to arrive (PostgreSQL watched by a
    /// server, see `postgres/head_watch.rs`); the exact head otherwise. For
    /// the caches of a server's requests, not for `verify`.
    fn recent_audit_head(&self) -> Result<u64> {
        self.audit_head()
    }
}
