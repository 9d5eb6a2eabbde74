//! Password policies: which one applies to a user, and when the password expires.
//!
//! Okta stores no expiry date: it is `passwordChanged` + `maxAgeDays` of the
//! first ACTIVE `PASSWORD` policy by priority whose group and auth-provider
//! conditions match the user and that has an active rule not excluding them.
//!
//! The policies are listed with `expand=rules`, so that their rules can come
//! embedded in the one list (UNCONFIRMED: Okta documents `expand=rules` for
//! one policy, up to 20 rules; the list takes `expand` without naming its
//! values). A policy whose rules do not come embedded, or come 20 or more,
//! has its rules listed on their own, and a list refused with 400 is asked
//! again without `expand`: the same answer either way.

use std::collections::HashSet;

use serde::Deserialize;

use super::models::Group;
use super::Client;
use crate::error::Result;

/// Embedded rules beyond this may have been cut short: list them instead.
const MAX_EMBEDDED_RULES: usize = 20;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct RawPolicy {
    id: String,
    name: String,
    status: Option<String>,
    priority: Option<i64>,
    conditions: Option<serde_json::Value>,
    settings: Option<serde_json::Value>,
    #[serde(rename = "_embedded")]
    embedded: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RawRule {
    status: Option<String>,
    conditions: Option<serde_json::Value>,
}

/// How the policies' groups are told to be Everyone (`BUILT_IN`).
#[derive(Debug, Clone, Copy)]
pub enum Everyone<'a> {
    /// One `GET /groups/{id}` per group a policy includes.
    Lookup,
    /// The ids of the BUILT_IN groups, already known (from a user's groups).
    Ids(&'a [String]),
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
    /// whether each includes the Everyone group (asked per group).
    pub fn password_policies(&self) -> Result<Vec<Policy>> {
        self.password_policies_with(Everyone::Lookup)
    }

    /// The ACTIVE password policies by priority, with their rules; which
    /// groups are Everyone is told by `everyone`.
    pub fn password_policies_with(&self, everyone: Everyone<'_>) -> Result<Vec<Policy>> {
        let mut out = Vec::new();
        for raw in self.raw_password_policies()? {
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
            let rules = self.rules_of(&raw)?;
            let everyone = match everyone {
                Everyone::Ids(ids) => groups.iter().any(|g| ids.contains(g)),
                Everyone::Lookup => {
                    let mut any = false;
                    for g in &groups {
                        let group: Group = self.get(self.api(&["groups", g])?)?;
                        any |= group.kind == "BUILT_IN";
                    }
                    any
                }
            };
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

    /// `GET /policies?type=PASSWORD&status=ACTIVE&expand=rules`; asked again
    /// without `expand` when Okta refuses it (400).
    fn raw_password_policies(&self) -> Result<Vec<RawPolicy>> {
        let query = [("type", "PASSWORD"), ("status", "ACTIVE")];
        let expanded = [query[0], query[1], ("expand", "rules")];
        let url = self.api_query(&["policies"], &expanded)?;
        match self.pages::<RawPolicy>(url).collect::<Result<Vec<_>>>() {
            Err(e) if e.status() == Some(400) => {
                let url = self.api_query(&["policies"], &query)?;
                self.pages::<RawPolicy>(url).collect()
            }
            other => other,
        }
    }

    /// The excluded users of each active rule: from the embedded rules when
    /// Okta sent them (fewer than 20), else from the policy's rule list.
    fn rules_of(&self, raw: &RawPolicy) -> Result<Vec<HashSet<String>>> {
        let embedded = raw
            .embedded
            .as_ref()
            .and_then(|e| e.get("rules"))
            .and_then(|r| serde_json::from_value::<Vec<RawRule>>(r.clone()).ok())
            .filter(|r| r.len() < MAX_EMBEDDED_RULES);
        let listed = match embedded {
            Some(rules) => rules,
            None => self
                .pages::<RawRule>(self.api(&["policies", &raw.id, "rules"])?)
                .collect::<Result<_>>()?,
        };
        Ok(listed
            .into_iter()
            .filter(|rule| rule.status.as_deref().is_none_or(|s| s == "ACTIVE"))
            .map(|rule| {
                strings(
                    rule.conditions
                        .as_ref()
                        .and_then(|c| c.pointer("/people/users/exclude")),
                )
                .into_iter()
                .collect()
            })
            .collect())
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
