//! What the jobs need from the credential's admin roles, and how held roles
//! meet it. Pure: no requests, so `check-perms` and the preflight can be
//! reasoned about and tested here.

mod rights;

use crate::error::{Error, Kind};
use crate::okta::roles::{GroupRef, ScopedRole};
pub use rights::{
    required, Jobs, Right, Scope, GROUP_MEMBERSHIP, ORG_WIDE, PASSWORD_RESET, RIGHTS, SESSIONS,
    SUSPEND, TAC,
};

/// A 403 on a help-desk call: say which role the credential needs.
pub fn needs_role(e: Error, role: &str) -> Error {
    needs_role_for(e, role, Jobs::Passwords)
}

/// A 403 on a call of `jobs`: say which role the credential needs, and
/// which `check-perms --for` shows what it holds.
pub fn needs_role_for(e: Error, role: &str, jobs: Jobs) -> Error {
    if e.kind != Kind::Permission || e.why.is_some() {
        return e;
    }
    e.why(format!(
        "the credential needs {role}; `oktactl check-perms --for {}` shows what it holds (when it cannot list its own roles, an auditor runs `oktactl check-perms --subject ACCOUNT`)",
        jobs.name()
    ))
}

/// The roles the lifecycle calls (unlock, reset-password, reset-mfa) need.
pub const HELP_DESK: &str = "Help Desk Admin (HELP_DESK_ADMIN) or Group Admin (USER_ADMIN) targeted at a group the user is in, or Super/Org Admin";
/// The roles clearing sessions needs (Group Admin UNCONFIRMED).
pub const SESSION_ROLES: &str = "Help Desk Admin (HELP_DESK_ADMIN) or Group Admin (USER_ADMIN; UNCONFIRMED by Okta) targeted at a group the user is in, or Super/Org Admin";
/// The roles suspend and unsuspend need.
pub const SUSPEND_ROLES: &str = "Group Admin (USER_ADMIN) targeted at a group the user is in, or Super/Org Admin (Help Desk Admin cannot suspend)";
/// What issuing or revoking a Temporary Access Code needs.
pub const TAC_ROLES: &str = "a custom admin role with the permission okta.users.credentials.manageTemporaryAccessCode (\"Manage user's temporary access code\") over the user, or Super Admin";
/// The roles the System Log needs.
pub const REPORTS: &str =
    "Report Admin (REPORT_ADMIN) or Read-only Admin (READ_ONLY_ADMIN), or Super/Org Admin";
/// The roles reading password policies needs (UNCONFIRMED by Okta's docs).
pub const POLICIES: &str =
    "a role that may read password policies: Read-only Admin (READ_ONLY_ADMIN; UNCONFIRMED), or Super/Org Admin";

/// A held role counts unless Okta marks it inactive.
pub fn active(roles: &[ScopedRole]) -> impl Iterator<Item = &ScopedRole> {
    roles
        .iter()
        .filter(|r| r.role.status.as_deref().is_none_or(|s| s == "ACTIVE"))
}

/// How the held roles meet one right.
#[derive(Debug)]
pub enum Outcome<'r> {
    /// Given by these roles of the right's own types.
    Pass(Vec<&'r ScopedRole>),
    /// Given only by SUPER_ADMIN/ORG_ADMIN.
    OrgWide(Vec<&'r ScopedRole>),
    Fail,
}

/// The active roles of the right's own types.
pub fn giving<'r>(right: &Right, roles: &'r [ScopedRole]) -> Vec<&'r ScopedRole> {
    active(roles)
        .filter(|r| right.roles.contains(&r.role.kind.as_str()))
        .collect()
}

pub fn evaluate<'r>(right: &Right, roles: &'r [ScopedRole]) -> Outcome<'r> {
    let own = giving(right, roles);
    if !own.is_empty() {
        return Outcome::Pass(own);
    }
    let org: Vec<&ScopedRole> = active(roles)
        .filter(|r| ORG_WIDE.contains(&r.role.kind.as_str()))
        .collect();
    if org.is_empty() {
        Outcome::Fail
    } else {
        Outcome::OrgWide(org)
    }
}

/// "USER_ADMIN", or "USER_ADMIN (via group Admins)" for a group-held role.
pub fn role_name(r: &ScopedRole) -> String {
    match &r.via_group {
        Some(g) => format!("{} (via group {})", r.role.kind, g.name),
        None => r.role.kind.clone(),
    }
}

/// The role types, deduplicated: "HELP_DESK_ADMIN, USER_ADMIN".
pub fn kinds(roles: &[&ScopedRole]) -> String {
    dedup(roles.iter().map(|r| r.role.kind.clone()).collect()).join(", ")
}

/// The role names as tables show them, deduplicated.
pub fn names(roles: &[&ScopedRole]) -> String {
    dedup(roles.iter().map(|r| role_name(r)).collect()).join(", ")
}

/// The group a right rests on when every role giving it is held through a
/// group (the first such group); `None` when one is held directly.
pub fn via_group(roles: &[&ScopedRole]) -> Option<GroupRef> {
    if roles.iter().any(|r| r.via_group.is_none()) {
        return None;
    }
    roles.iter().find_map(|r| r.via_group.clone())
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// What the roles giving a right reach: "all groups", "groups: A, B", "org".
pub fn scope_text(right: &Right, roles: &[ScopedRole]) -> String {
    let own = giving(right, roles);
    if own.is_empty() {
        return "whole org".into();
    }
    let (all, noun) = match right.scope {
        Scope::Org => return "org".into(),
        Scope::Groups => (own.iter().any(|r| r.groups.is_empty()), "groups"),
        Scope::Apps => (own.iter().any(|r| r.apps.is_empty()), "apps"),
    };
    if all {
        return format!("all {noun}");
    }
    let names: Vec<String> = own
        .iter()
        .flat_map(|r| {
            let groups = r.groups.iter().map(|g| g.profile.name.clone());
            let apps = r
                .apps
                .iter()
                .map(|a| a.label.clone().unwrap_or(a.name.clone()));
            groups.chain(apps)
        })
        .collect();
    format!("{noun}: {}", dedup(names).join(", "))
}

/// Do the roles giving a group-scoped right reach group `gid`?
pub fn covers(right: &Right, roles: &[ScopedRole], gid: &str) -> bool {
    active(roles).any(|r| {
        let kind = r.role.kind.as_str();
        ORG_WIDE.contains(&kind)
            || (right.roles.contains(&kind)
                && (r.groups.is_empty() || r.groups.iter().any(|g| g.id == gid)))
    })
}

/// Held role types the selected jobs do not need (SUPER_ADMIN and ORG_ADMIN
/// always). A role that gives any selected right is needed: with passwords
/// selected, a Group Admin (USER_ADMIN) gives `password_reset`.
pub fn excess(jobs: Jobs, roles: &[ScopedRole]) -> Vec<String> {
    let needed: Vec<&str> = required(jobs)
        .iter()
        .flat_map(|r| r.roles.iter().copied())
        .collect();
    dedup(
        active(roles)
            .map(|r| r.role.kind.clone())
            .filter(|k| !needed.contains(&k.as_str()))
            .collect(),
    )
}

#[cfg(test)]
mod tests;
