//! Protection that every response or login gets, whatever the endpoint:
//! strict security headers, and limits on login attempts.

use crate::error::ApiError;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use tower_http::set_header::SetResponseHeaderLayer;

/// The headers set on every response: no script, frame or style from
/// elsewhere, no sniffing of a download into HTML, no framing, no referrer,
/// and no caching of what may be a child's record.
pub fn security_headers() -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ]
    .into_iter()
    .map(|(name, value): (HeaderName, &'static str)| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    })
    .collect()
}

/// Login attempts allowed per minute for one user name.
pub const PER_USER_PER_MINUTE: u32 = 5;
/// Login attempts allowed per minute from one address (a team behind one NAT).
pub const PER_ADDRESS_PER_MINUTE: u32 = 30;

/// Limits on login attempts, per user name and per client address.
pub struct LoginLimiter {
    by_user: DefaultKeyedRateLimiter<String>,
    by_address: DefaultKeyedRateLimiter<IpAddr>,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter {
            by_user: RateLimiter::keyed(per_minute(PER_USER_PER_MINUTE)),
            by_address: RateLimiter::keyed(per_minute(PER_ADDRESS_PER_MINUTE)),
        }
    }
}

impl LoginLimiter {
    /// Counts an attempt; refuses it when either limit is reached.
    pub fn check(&self, user: &str, address: IpAddr) -> Result<(), ApiError> {
        // Forget keys that are back to full allowance, so memory stays bounded.
        if self.by_user.len() > 10_000 {
            self.by_user.retain_recent();
        }
        if self.by_address.len() > 10_000 {
            self.by_address.retain_recent();
        }
        let over = self.by_address.check_key(&address).is_err()
            || self.by_user.check_key(&user.to_string()).is_err();
        if over {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too many sign-in attempts; wait a minute",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_name_is_limited_across_addresses() {
        let limiter = LoginLimiter::default();
        let ips: Vec<IpAddr> = (1..=10).map(|i| IpAddr::from([127, 0, 0, i])).collect();
        let allowed = ips
            .iter()
            .filter(|ip| limiter.check("olena", **ip).is_ok())
            .count();
        assert_eq!(allowed, PER_USER_PER_MINUTE as usize);
        assert!(
            limiter.check("ivan", ips[0]).is_ok(),
            "another user is not held up"
        );
    }
}
