//! The changes oktactl makes, as prepared calls: commands name the change,
//! only this file spells Okta's endpoints for them, and only the change gate
//! (`crate::gate`) sends them.

use reqwest::Method;
use url::Url;

use super::{Client, Reply};
use crate::error::Result;

/// One prepared mutating request: method, path below the org, query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub method: Method,
    /// Path segments below `/api/v1`, each encoded when the URL is built.
    segments: Vec<String>,
    query: Vec<(String, String)>,
}

impl Call {
    fn new(method: Method, segments: &[&str], query: &[(&str, &str)]) -> Call {
        Call {
            method,
            segments: segments.iter().map(|s| s.to_string()).collect(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// `POST /api/v1/users/{id}/lifecycle/unlock`.
    pub fn unlock(user_id: &str) -> Call {
        Call::new(
            Method::POST,
            &["users", user_id, "lifecycle", "unlock"],
            &[],
        )
    }

    /// `POST …/lifecycle/reset_password?sendEmail=…[&revokeSessions=true]`.
    pub fn reset_password(user_id: &str, send_email: bool, revoke_sessions: bool) -> Call {
        let mut q = vec![("sendEmail", if send_email { "true" } else { "false" })];
        if revoke_sessions {
            q.push(("revokeSessions", "true"));
        }
        Call::new(
            Method::POST,
            &["users", user_id, "lifecycle", "reset_password"],
            &q,
        )
    }

    /// `POST …/lifecycle/expire_password_with_temp_password[?revokeSessions=true]`.
    pub fn expire_password_with_temp(user_id: &str, revoke_sessions: bool) -> Call {
        let q: &[(&str, &str)] = if revoke_sessions {
            &[("revokeSessions", "true")]
        } else {
            &[]
        };
        Call::new(
            Method::POST,
            &[
                "users",
                user_id,
                "lifecycle",
                "expire_password_with_temp_password",
            ],
            q,
        )
    }

    /// `POST …/lifecycle/reset_factors`: every factor of the user.
    pub fn reset_factors(user_id: &str) -> Call {
        Call::new(
            Method::POST,
            &["users", user_id, "lifecycle", "reset_factors"],
            &[],
        )
    }

    /// `DELETE /api/v1/users/{id}/factors/{factorId}[?removeRecoveryEnrollment=true]`.
    /// With `remove_recovery_phone`, an `sms` or `call` factor's number goes
    /// as a recovery method too (Okta ignores it for other factor types;
    /// the caller sends it only for those two).
    pub fn delete_factor(user_id: &str, factor_id: &str, remove_recovery_phone: bool) -> Call {
        let q: &[(&str, &str)] = if remove_recovery_phone {
            &[("removeRecoveryEnrollment", "true")]
        } else {
            &[]
        };
        Call::new(Method::DELETE, &["users", user_id, "factors", factor_id], q)
    }

    /// `PUT /api/v1/groups/{groupId}/users/{userId}`.
    pub fn add_member(group_id: &str, user_id: &str) -> Call {
        Call::new(Method::PUT, &["groups", group_id, "users", user_id], &[])
    }

    /// `DELETE /api/v1/groups/{groupId}/users/{userId}`.
    pub fn remove_member(group_id: &str, user_id: &str) -> Call {
        Call::new(Method::DELETE, &["groups", group_id, "users", user_id], &[])
    }

    /// `DELETE /api/v1/api-tokens/current`: revokes the API token the
    /// request is sent with (SSWS only).
    pub fn revoke_current_token() -> Call {
        Call::new(Method::DELETE, &["api-tokens", "current"], &[])
    }

    /// Whether sending it twice does no more than sending it once: Okta's
    /// PUT and DELETE of a membership or factor are, and so are unlock and
    /// reset_factors; the password POSTs are not (a second reset email or
    /// temporary password replaces the first).
    pub fn idempotent(&self) -> bool {
        self.method != Method::POST
            || self
                .segments
                .last()
                .is_some_and(|s| s == "unlock" || s == "reset_factors")
    }

    /// The URL at the client's org.
    pub fn url(&self, client: &Client) -> Result<Url> {
        let segments: Vec<&str> = self.segments.iter().map(String::as_str).collect();
        let query: Vec<(&str, &str)> = self
            .query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        client.api_query(&segments, &query)
    }

    /// `METHOD /api/v1/…?query`, as printed by a dry run and the audit log.
    pub fn text(&self, client: &Client) -> Result<String> {
        let url = self.url(client)?;
        Ok(match url.query() {
            Some(q) => format!("{} {}?{q}", self.method, url.path()),
            None => format!("{} {}", self.method, url.path()),
        })
    }
}

impl Client {
    /// Send a prepared change. Only the change gate calls this.
    pub(crate) fn send_call(&self, call: &Call) -> Result<Reply> {
        self.send(call.method.clone(), call.url(self)?, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_safety() {
        assert!(Call::add_member("g", "u").idempotent());
        assert!(Call::remove_member("g", "u").idempotent());
        assert!(Call::unlock("u").idempotent());
        assert!(!Call::reset_password("u", true, false).idempotent());
        assert!(Call::reset_factors("u").idempotent());
        assert!(!Call::expire_password_with_temp("u", false).idempotent());
        assert!(Call::revoke_current_token().idempotent());
        assert!(Call::delete_factor("u", "f", true).idempotent());
    }

    #[test]
    fn recovery_phone_only_when_asked() {
        let plain = Call::delete_factor("u", "sms1", false);
        assert!(plain.query.is_empty());
        let both = Call::delete_factor("u", "sms1", true);
        assert_eq!(
            both.query,
            vec![("removeRecoveryEnrollment".to_string(), "true".to_string())]
        );
    }
}
