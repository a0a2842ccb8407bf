//! One statement, and its review status.

use crate::entities::require_reason;
use crate::{Actor, AppError, Permission, Result, Scope};
use casefile_core::{Statement, StatementId, Status};
use casefile_store::Project;

/// The statement `id`.
pub fn statement(project: &Project, actor: &Actor, id: StatementId) -> Result<Statement> {
    actor.require(Permission::ReadFindings)?;
    let not_found = || AppError::NotFound(format!("no statement #{id}"));
    let statement = project.store().statement(id)?.ok_or_else(not_found)?;
    // A viewer is told of no statement it may not see.
    if Scope::of(actor, project.store()).one_statement_visible(&statement)? {
        Ok(statement)
    } else {
        Err(not_found())
    }
}

/// Sets the review status of statement `id` (confirmed, disputed, rejected,
/// or back to proposed), with the reason in the audit log; returns it as it
/// now stands.
pub fn set_status(
    project: &mut Project,
    actor: &Actor,
    id: StatementId,
    status: Status,
    reason: &str,
) -> Result<Statement> {
    actor.require(Permission::JudgeFindings)?;
    require_reason(reason)?;
    // Checked first so that an unknown id is "not found", whatever the store says.
    statement(project, actor, id)?;
    project
        .store_mut()
        .set_statement_status(id, status, reason, &actor.name)?;
    statement(project, actor, id)
}
