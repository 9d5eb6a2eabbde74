//! One user's row: the policy that applies and when the password expires.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use serde::Serialize;

use crate::okta::models::User;
use crate::okta::policy::{expires_at, policy_for, Policy};
use crate::output::{or_dash, Tabular};

/// One listed user.
#[derive(Debug, Serialize)]
pub struct Expiring {
    pub id: String,
    pub login: String,
    pub email: Option<String>,
    pub name: String,
    pub status: String,
    pub password_changed: String,
    pub expires: String,
    pub days_left: i64,
    pub policy: String,
    pub warn_days: i64,
    #[serde(skip)]
    pub at: Timestamp,
}

impl Tabular for Expiring {
    fn columns() -> Vec<&'static str> {
        vec![
            "id",
            "login",
            "email",
            "name",
            "status",
            "password_changed",
            "expires",
            "days_left",
            "policy",
            "warn_days",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.login.clone(),
            or_dash(&self.email),
            self.name.clone(),
            self.status.clone(),
            self.password_changed.clone(),
            self.expires.clone(),
            self.days_left.to_string(),
            self.policy.clone(),
            self.warn_days.to_string(),
        ]
    }
    fn table_columns() -> Vec<&'static str> {
        vec![
            "login",
            "name",
            "status",
            "expires",
            "days_left",
            "policy",
            "warn_days",
        ]
    }
}

/// Why a candidate was not evaluated.
pub enum Skip {
    Directory,
    NoPassword,
    NoPolicy,
    Never,
}

const DAY_SECS: i64 = 86_400;

/// The user's expiry, or why it has none.
pub fn row_for(
    user: User,
    policies: &[Policy],
    members: &HashMap<String, HashSet<String>>,
    now: Timestamp,
) -> std::result::Result<Expiring, Skip> {
    if matches!(user.provider_type(), "ACTIVE_DIRECTORY" | "LDAP") {
        return Err(Skip::Directory);
    }
    let changed = user.password_changed.clone().ok_or(Skip::NoPassword)?;
    let in_group = |g: &str| members.get(g).is_some_and(|m| m.contains(&user.id));
    let policy =
        policy_for(policies, &user.id, user.provider_type(), &in_group).ok_or(Skip::NoPolicy)?;
    let expired = user.status == "PASSWORD_EXPIRED";
    let at = match expires_at(&changed, policy) {
        // An admin expired it before the policy would: since the status change.
        Some(t) if expired && t > now => status_changed(&user, now),
        Some(t) => t,
        None if expired => status_changed(&user, now),
        None if policy.max_age_days <= 0 => return Err(Skip::Never),
        None => return Err(Skip::NoPassword),
    };
    let days_left = at.duration_since(now).as_secs().div_euclid(DAY_SECS);
    Ok(Expiring {
        login: user.login().to_string(),
        name: user.name(),
        id: user.id,
        email: user.profile.email,
        status: user.status,
        password_changed: changed,
        expires: at.to_string(),
        days_left,
        policy: policy.name.clone(),
        warn_days: policy.warn_days,
        at,
    })
}

fn status_changed(user: &User, now: Timestamp) -> Timestamp {
    user.status_changed
        .as_deref()
        .and_then(|s| s.parse::<Timestamp>().ok())
        .filter(|t| *t <= now)
        .unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;

    fn days_left(expires_in_hours: i64) -> i64 {
        let now: Timestamp = "2026-11-28T12:00:00Z".parse().unwrap();
        let changed = now - SignedDuration::from_hours(24 * 30 - expires_in_hours);
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "u1", "status": "ACTIVE", "passwordChanged": changed.to_string(),
            "profile": {"login": "u1@x.com"}
        }))
        .unwrap();
        let policy = Policy {
            id: "p".into(),
            name: "P".into(),
            priority: 1,
            groups: vec![],
            everyone: true,
            provider: "ANY".into(),
            max_age_days: 30,
            warn_days: 5,
            rules: vec![HashSet::new()],
        };
        let row = row_for(user, &[policy], &HashMap::new(), now);
        row.map(|r| r.days_left).unwrap_or(i64::MIN)
    }

    #[test]
    fn days_left_rounds_down() {
        assert_eq!(days_left(23), 0);
        assert_eq!(days_left(25), 1);
        assert_eq!(days_left(-1), -1);
        assert_eq!(days_left(-25), -2);
    }
}
