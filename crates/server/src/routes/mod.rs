//! The API's endpoints, one module per area. Each handler reads its input,
//! calls one operation of `casefile_app` through the [`crate::pool`] as the
//! authenticated actor, and returns the operation's result as JSON.

pub mod account;
pub mod findings;
pub mod jobs;
pub mod registries;
pub mod sources;
pub mod uploads;

use crate::error::ApiError;

/// Largest `limit` a listing accepts.
pub const MAX_LIMIT: usize = 1000;

/// `limit` when it is within 1..=[`MAX_LIMIT`].
pub fn check_limit(limit: usize) -> Result<usize, ApiError> {
    if (1..=MAX_LIMIT).contains(&limit) {
        Ok(limit)
    } else {
        Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_LIMIT}"
        )))
    }
}

/// A value shared with other requests (kept by `app` for the state of the
/// database), serialized as the value.
pub(crate) struct Shared<T>(pub(crate) std::sync::Arc<T>);

impl<T: serde::Serialize> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}
