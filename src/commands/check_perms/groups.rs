//! `check-perms --group G`: can the jobs change G, and do the scoped roles reach it?

use serde::Serialize;

use crate::error::{Kind, Result};
use crate::okta::models::{Group, Role};
use crate::okta::roles::ScopedRole;
use crate::okta::Client;
use crate::perms::{self, Jobs, Scope};

#[derive(Debug, Serialize)]
pub struct GroupCheck {
    pub group: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub covered: bool,
    /// Why it is not covered, each with its fix.
    pub reasons: Vec<String>,
}

/// Check one group; warnings (not failures) are pushed onto `warnings`.
pub fn check(
    client: &Client,
    group: Group,
    jobs: Jobs,
    roles: Option<&[ScopedRole]>,
    warnings: &mut Vec<String>,
) -> Result<GroupCheck> {
    let name = group.profile.name.clone();
    let mut reasons = Vec::new();
    if jobs.includes(Jobs::Provisioning) {
        match group.kind.as_str() {
            "OKTA_GROUP" => {
                if let Some(r) = admin_roles(client, &group, roles, warnings)? {
                    reasons.push(r);
                }
            }
            "APP_GROUP" => reasons.push(
                "it is an APP_GROUP: its members come from its source directory or app, and Okta cannot change them; choose an OKTA_GROUP".into(),
            ),
            "BUILT_IN" => reasons.push(
                "it is BUILT_IN (Everyone): its members cannot be changed; choose an OKTA_GROUP".into(),
            ),
            other => reasons.push(format!(
                "it is a {other} group: only OKTA_GROUP members can be changed"
            )),
        }
    }
    for right in perms::required(jobs) {
        if right.scope != Scope::Groups {
            continue;
        }
        let Some(roles) = roles else {
            reasons.push(format!(
                "{}: cannot tell whether the token's roles reach it, because Okta refused to list them",
                right.key
            ));
            continue;
        };
        if perms::covers(right, roles, &group.id) {
            continue;
        }
        let held: Vec<String> = perms::active(roles)
            .filter(|r| right.roles.contains(&r.role.kind.as_str()))
            .map(perms::role_name)
            .collect();
        reasons.push(if held.is_empty() {
            format!(
                "{}: no role gives it ({})",
                right.key,
                right.roles.join(" or ")
            )
        } else {
            format!(
                "{}: outside the targets of {}; add '{name}' to that role's target groups",
                right.key,
                held.join(", ")
            )
        });
    }
    if let Some(roles) = roles {
        let scoped_group_admin = perms::active(roles)
            .any(|r| r.role.kind == "USER_ADMIN" && r.groups.iter().any(|g| g.id == group.id));
        let other = perms::active(roles).any(|r| {
            perms::ORG_WIDE.contains(&r.role.kind.as_str())
                || (r.role.kind == "GROUP_MEMBERSHIP_ADMIN"
                    && (r.groups.is_empty() || r.groups.iter().any(|g| g.id == group.id)))
                || (r.role.kind == "USER_ADMIN" && r.groups.is_empty())
        });
        if jobs.includes(Jobs::Provisioning) && scoped_group_admin && !other {
            warnings.push(format!(
                "'{name}': a scoped Group Admin (USER_ADMIN) can add to it only users who are already in one of its target groups; Okta refuses the others (403)"
            ));
        }
    }
    Ok(GroupCheck {
        group: name,
        id: group.id,
        kind: group.kind,
        covered: reasons.is_empty(),
        reasons,
    })
}

/// A group that holds admin roles can be changed only by a Super Admin.
fn admin_roles(
    client: &Client,
    group: &Group,
    roles: Option<&[ScopedRole]>,
    warnings: &mut Vec<String>,
) -> Result<Option<String>> {
    let url = client.api(&["groups", &group.id, "roles"])?;
    let held: Vec<Role> = match client.pages(url).collect::<Result<_>>() {
        Ok(h) => h,
        Err(e) if matches!(e.kind, Kind::Permission | Kind::NotFound) => {
            warnings.push(format!(
                "'{}': cannot tell whether it holds admin roles (Okta did not list them); if it does, only a Super Admin can change its members",
                group.profile.name
            ));
            return Ok(None);
        }
        Err(e) => {
            return Err(e.context(format!(
                "listing the admin roles of group '{}'",
                group.profile.name
            )))
        }
    };
    if held.is_empty() {
        return Ok(None);
    }
    let super_admin = roles.is_some_and(|r| perms::active(r).any(|r| r.role.kind == "SUPER_ADMIN"));
    if super_admin {
        return Ok(None);
    }
    let mut kinds: Vec<&str> = held.iter().map(|r| r.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    Ok(Some(format!(
        "it holds admin roles ({}): only a Super Admin can change its members; choose a group without admin roles",
        kinds.join(", ")
    )))
}
