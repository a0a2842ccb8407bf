//! How an operation's failure becomes an HTTP response: a status code and a
//! JSON body `{"error": "..."}`.
//!
//! Messages of the application layer name ids, paths and properties, never
//! a child's data, so they are passed on; a failure of the project itself
//! (the database, the disk) becomes a generic 500, because its detail could
//! hold anything (a path, a query, part of a record).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use casefile_app::AppError;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, naming the input and the reason.
    pub error: String,
}

/// An error on its way to the client.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "sign in first: a bearer token, or a session from POST /api/login",
        )
    }

    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server could not complete the request; the project may need `casefile verify`",
        )
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        use casefile_app::StoreError as S;
        match e {
            AppError::Invalid(m) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, m),
            AppError::NotFound(m) => ApiError::new(StatusCode::NOT_FOUND, m),
            AppError::Unauthenticated(m) => ApiError::new(StatusCode::UNAUTHORIZED, m),
            e @ AppError::Forbidden { .. } => ApiError::new(StatusCode::FORBIDDEN, e.to_string()),
            AppError::Input { reason, .. } => ApiError::bad_request(reason),
            // The store's own refusals of a request are the client's to fix.
            AppError::Store(e @ S::NotFound { .. }) => {
                ApiError::new(StatusCode::NOT_FOUND, e.to_string())
            }
            AppError::Store(e @ (S::Ambiguous { .. } | S::Invalid { .. })) => {
                ApiError::bad_request(e.to_string())
            }
            // The reason, not the query: a query may name a child.
            AppError::Store(S::Query { reason, .. }) => {
                ApiError::bad_request(format!("the search query cannot be read: {reason}"))
            }
            // The operator's to see (store and export messages name ids,
            // paths and SQLSTATEs, never a value), not the client's.
            e @ (AppError::Store(_) | AppError::Export(_)) => {
                eprintln!("casefile serve: {e}");
                ApiError::internal()
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(ErrorBody {
                error: self.message,
            }),
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_failures_carry_no_detail() {
        let e = AppError::Store(casefile_app::StoreError::Corrupt {
            what: "statements".into(),
            reason: "Коваленко".into(),
        });
        let api = ApiError::from(e);
        assert_eq!(api.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!api.message.contains("Коваленко"));
        let q = AppError::Store(casefile_app::StoreError::Query {
            reason: "unbalanced quotes or parentheses",
        });
        let api = ApiError::from(q);
        assert_eq!(api.status, StatusCode::BAD_REQUEST);
        assert!(!api.message.contains("Коваленко"));
    }
}
