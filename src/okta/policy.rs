//! Password policies: which one applies to a user, and when the password expires.
//!
//! Okta stores no expiry date: it is `passwordChanged` + `maxAgeDays` of the
//! first ACTIVE `PASSWORD` policy by priority whose group and auth-provider
//! conditions match the user and that has an active rule not excluding them.

use std::collections::HashSet;

use serde::Deserialize;

use super::models::Group;
use super::Client;
use crate::error::Result;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawPolicy {
    id: String,
    name: String,
    status: Option<String>,
    priority: Option<i64>,
    conditions: Option<serde_json::Value>,
    settings: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RawRule {
    status: Option<String>,
    conditions: Option<serde_json::Value>,
}

/// One ACTIVE password policy, ready to match users against.
#[derive(Debug, Clone)]
pub struct Policy {
    pub id: String,
    pub name: String,
    pub priority: i64,
    /// Group ids the policy includes; `everyone` when one of them is Everyone.
    pub groups: Vec<String>,
    pub everyone: bool,
    /// OKTA, ACTIVE_DIRECTORY, LDAP or ANY.
    pub provider: String,
    /// 0: never expires.
    pub max_age_days: i64,
    pub warn_days: i64,
    /// Excluded users of each active rule; no active rule → never applies.
    pub rules: Vec<HashSet<String>>,
}

impl Policy {
    /// Does it apply to this user (id, provider type, membership test)?
    pub fn applies(&self, user_id: &str, provider: &str, in_group: &dyn Fn(&str) -> bool) -> bool {
        let provider_ok = self.provider == "ANY" || self.provider.eq_ignore_ascii_case(provider);
        let group_ok = self.everyone || self.groups.iter().any(|g| in_group(g));
        provider_ok
            && group_ok
            && self
                .rules
                .iter()
                .any(|excluded| !excluded.contains(user_id))
    }
}

fn strings(v: Option<&serde_json::Value>) -> Vec<String> {
    v.and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

impl Client {
    /// The ACTIVE password policies by priority, with their rules, and
    /// whether each includes the Everyone group.
    pub fn password_policies(&self) -> Result<Vec<Policy>> {
        let url = self.api_query(&["policies"], &[("type", "PASSWORD"), ("status", "ACTIVE")])?;
        let mut out = Vec::new();
        for raw in self.pages::<RawPolicy>(url) {
            let raw = raw?;
            if raw.status.as_deref().is_some_and(|s| s != "ACTIVE") {
                continue;
            }
            let cond = raw.conditions.as_ref();
            let groups = strings(cond.and_then(|c| c.pointer("/people/groups/include")));
            let provider = cond
                .and_then(|c| c.pointer("/authProvider/provider"))
                .and_then(|p| p.as_str())
                .unwrap_or("ANY")
                .to_string();
            let age = raw
                .settings
                .as_ref()
                .and_then(|s| s.pointer("/password/age"));
            let num = |k: &str| {
                age.and_then(|a| a.get(k))
                    .and_then(|v| v.as_i64())
                    .unwrap_or(0)
            };
            let mut rules = Vec::new();
            for rule in self.pages::<RawRule>(self.api(&["policies", &raw.id, "rules"])?) {
                let rule = rule?;
                if rule.status.as_deref().is_none_or(|s| s == "ACTIVE") {
                    let ex = strings(
                        rule.conditions
                            .as_ref()
                            .and_then(|c| c.pointer("/people/users/exclude")),
                    );
                    rules.push(ex.into_iter().collect());
                }
            }
            let mut everyone = false;
            for g in &groups {
                let group: Group = self.get(self.api(&["groups", g])?)?;
                everyone |= group.kind == "BUILT_IN";
            }
            out.push(Policy {
                id: raw.id,
                name: raw.name,
                priority: raw.priority.unwrap_or(i64::MAX),
                groups,
                everyone,
                provider,
                max_age_days: num("maxAgeDays"),
                warn_days: num("expireWarnDays"),
                rules,
            });
        }
        out.sort_by_key(|p| p.priority);
        Ok(out)
    }
}

/// The first policy that applies.
pub fn policy_for<'p>(
    policies: &'p [Policy],
    user_id: &str,
    provider: &str,
    in_group: &dyn Fn(&str) -> bool,
) -> Option<&'p Policy> {
    policies
        .iter()
        .find(|p| p.applies(user_id, provider, in_group))
}

/// `passwordChanged` + `maxAgeDays` days, or `None` when it never expires.
pub fn expires_at(password_changed: &str, policy: &Policy) -> Option<jiff::Timestamp> {
    if policy.max_age_days <= 0 {
        return None;
    }
    let changed: jiff::Timestamp = password_changed.parse().ok()?;
    changed
        .checked_add(jiff::SignedDuration::from_hours(24 * policy.max_age_days))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(priority: i64, groups: &[&str], max: i64, excluded: &[&str]) -> Policy {
        Policy {
            id: format!("p{priority}"),
            name: format!("P{priority}"),
            priority,
            groups: groups.iter().map(|s| s.to_string()).collect(),
            everyone: groups.contains(&"everyone"),
            provider: "OKTA".into(),
            max_age_days: max,
            warn_days: 5,
            rules: vec![excluded.iter().map(|s| s.to_string()).collect()],
        }
    }

    #[test]
    fn first_matching_policy_by_priority_wins() {
        let ps = vec![
            policy(1, &["g1"], 30, &["u9"]),
            policy(2, &["everyone"], 90, &[]),
        ];
        let in_g1 = |g: &str| g == "g1";
        assert_eq!(
            policy_for(&ps, "u1", "OKTA", &in_g1).map(|p| p.max_age_days),
            Some(30)
        );
        assert_eq!(
            policy_for(&ps, "u9", "OKTA", &in_g1).map(|p| p.max_age_days),
            Some(90)
        );
        assert_eq!(
            policy_for(&ps, "u1", "OKTA", &|_| false).map(|p| p.max_age_days),
            Some(90)
        );
        assert!(policy_for(&ps, "u1", "ACTIVE_DIRECTORY", &in_g1).is_none());
    }

    #[test]
    fn expiry_adds_max_age() {
        let p = policy(1, &["everyone"], 30, &[]);
        let t = expires_at("2026-01-01T10:00:00.000Z", &p).unwrap();
        assert_eq!(t.to_string(), "2026-01-31T10:00:00Z");
        assert!(expires_at("2026-01-01T10:00:00.000Z", &policy(1, &[], 0, &[])).is_none());
    }
}
