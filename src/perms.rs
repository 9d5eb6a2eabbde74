//! What the jobs need from the token's admin roles, and how held roles meet it.
//! Pure: no requests, so `check-perms` can be reasoned about and tested here.

use clap::ValueEnum;

use crate::error::{Error, Kind};
use crate::okta::roles::ScopedRole;

/// A 403 on a help-desk call: say which role the credential needs.
pub fn needs_role(e: Error, role: &str) -> Error {
    if e.kind != Kind::Permission || e.why.is_some() {
        return e;
    }
    e.why(format!(
        "the token's admin needs {role}; `oktactl check-perms --for passwords` shows what it holds"
    ))
}

/// The role the lifecycle calls need.
pub const HELP_DESK: &str =
    "Help Desk Admin (HELP_DESK_ADMIN), or a Group Admin role covering the user's groups";
/// The role the System Log needs.
pub const REPORTS: &str = "Report Admin (REPORT_ADMIN)";

/// The jobs `check-perms --for` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Jobs {
    /// grant, revoke
    Provisioning,
    /// reset-password, unlock, reset-mfa, expiring, log
    Passwords,
    /// both
    All,
}

impl Jobs {
    pub fn name(self) -> &'static str {
        match self {
            Jobs::Provisioning => "provisioning",
            Jobs::Passwords => "passwords",
            Jobs::All => "all",
        }
    }

    pub fn includes(self, job: Jobs) -> bool {
        self == Jobs::All || self == job
    }
}

/// What a role's targets limit it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Groups,
    Apps,
    Org,
}

/// One right a job needs, and the roles that give it.
#[derive(Debug)]
pub struct Right {
    pub key: &'static str,
    pub what: &'static str,
    pub job: Jobs,
    pub roles: &'static [&'static str],
    pub scope: Scope,
    /// The read-only probe that proves it when roles are unreadable.
    pub probe: Option<&'static str>,
    /// The fix when nothing gives it.
    pub fix: &'static str,
}

/// Roles that give every right, and are excess under `--strict`.
pub const ORG_WIDE: &[&str] = &["SUPER_ADMIN", "ORG_ADMIN"];

pub const RIGHTS: &[Right] = &[
    Right {
        key: "group_membership",
        what: "change group membership (grant, revoke)",
        job: Jobs::Provisioning,
        roles: &["USER_ADMIN", "GROUP_MEMBERSHIP_ADMIN"],
        scope: Scope::Groups,
        probe: None,
        fix: "assign Group Membership Administrator (GROUP_MEMBERSHIP_ADMIN) or Group Administrator (USER_ADMIN), targeted at the groups the jobs change",
    },
    Right {
        key: "app_read",
        what: "resolve --app to its groups",
        job: Jobs::Provisioning,
        roles: &["APP_ADMIN"],
        scope: Scope::Apps,
        probe: Some("apps"),
        fix: "assign Application Administrator (APP_ADMIN), for all apps or the apps the jobs name",
    },
    Right {
        key: "password_reset",
        what: "reset passwords, unlock, reset MFA",
        job: Jobs::Passwords,
        roles: &["HELP_DESK_ADMIN"],
        scope: Scope::Groups,
        probe: None,
        fix: "assign Help Desk Administrator (HELP_DESK_ADMIN), for all groups or the groups of the employees it serves",
    },
    Right {
        key: "log_read",
        what: "read the System Log and reports (log, expiring)",
        job: Jobs::Passwords,
        roles: &["REPORT_ADMIN"],
        scope: Scope::Org,
        probe: Some("logs"),
        fix: "assign Report Administrator (REPORT_ADMIN)",
    },
];

/// The rights the selected jobs need, in table order.
pub fn required(jobs: Jobs) -> Vec<&'static Right> {
    RIGHTS.iter().filter(|r| jobs.includes(r.job)).collect()
}

/// A held role counts unless Okta marks it inactive.
pub fn active(roles: &[ScopedRole]) -> impl Iterator<Item = &ScopedRole> {
    roles
        .iter()
        .filter(|r| r.role.status.as_deref().is_none_or(|s| s == "ACTIVE"))
}

/// How the held roles meet one right.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Given by these roles of the right's own types.
    Pass(Vec<String>),
    /// Given only by SUPER_ADMIN/ORG_ADMIN.
    OrgWide(Vec<String>),
    Fail,
}

pub fn evaluate(right: &Right, roles: &[ScopedRole]) -> Outcome {
    let own: Vec<String> = active(roles)
        .filter(|r| right.roles.contains(&r.role.kind.as_str()))
        .map(role_name)
        .collect();
    if !own.is_empty() {
        return Outcome::Pass(dedup(own));
    }
    let org: Vec<String> = active(roles)
        .filter(|r| ORG_WIDE.contains(&r.role.kind.as_str()))
        .map(role_name)
        .collect();
    if org.is_empty() {
        Outcome::Fail
    } else {
        Outcome::OrgWide(dedup(org))
    }
}

/// "USER_ADMIN", or "USER_ADMIN (via group 00g…)" for a group-assigned role.
pub fn role_name(r: &ScopedRole) -> String {
    match r.role.assignee_group() {
        Some(g) if r.role.assignment_type.as_deref() == Some("GROUP") => {
            format!("{} (via group {g})", r.role.kind)
        }
        _ => r.role.kind.clone(),
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// What the roles giving a right reach: "all groups", "groups: A, B", "org".
pub fn scope_text(right: &Right, roles: &[ScopedRole]) -> String {
    let own: Vec<&ScopedRole> = active(roles)
        .filter(|r| right.roles.contains(&r.role.kind.as_str()))
        .collect();
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
    let mut names: Vec<String> = own
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
    names = dedup(names);
    format!("{noun}: {}", names.join(", "))
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

/// Held role types the selected jobs do not need (SUPER_ADMIN and ORG_ADMIN always).
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
mod tests {
    use super::*;
    use crate::okta::models::{Group, Role};

    fn held(kind: &str, groups: &[&str]) -> ScopedRole {
        ScopedRole {
            role: Role {
                kind: kind.into(),
                ..Role::default()
            },
            groups: groups
                .iter()
                .map(|g| Group {
                    id: g.to_string(),
                    ..Group::default()
                })
                .collect(),
            apps: Vec::new(),
        }
    }

    #[test]
    fn jobs_select_rights() {
        let keys = |j| required(j).iter().map(|r| r.key).collect::<Vec<_>>();
        assert_eq!(keys(Jobs::Provisioning), ["group_membership", "app_read"]);
        assert_eq!(keys(Jobs::Passwords), ["password_reset", "log_read"]);
        assert_eq!(keys(Jobs::All).len(), 4);
    }

    #[test]
    fn org_wide_roles_give_everything_and_are_excess() {
        let roles = vec![held("SUPER_ADMIN", &[])];
        let r = &RIGHTS[2];
        assert_eq!(
            evaluate(r, &roles),
            Outcome::OrgWide(vec!["SUPER_ADMIN".into()])
        );
        assert!(covers(&RIGHTS[0], &roles, "00gX"));
        assert_eq!(excess(Jobs::All, &roles), ["SUPER_ADMIN"]);
    }

    #[test]
    fn scoped_roles_cover_only_their_targets() {
        let roles = vec![held("USER_ADMIN", &["00gA"]), held("REPORT_ADMIN", &[])];
        assert!(covers(&RIGHTS[0], &roles, "00gA"));
        assert!(!covers(&RIGHTS[0], &roles, "00gB"));
        assert!(covers(&RIGHTS[0], &[held("USER_ADMIN", &[])], "00gB"));
        assert_eq!(evaluate(&RIGHTS[2], &roles), Outcome::Fail);
        assert_eq!(excess(Jobs::Provisioning, &roles), ["REPORT_ADMIN"]);
        assert!(excess(Jobs::All, &roles).is_empty());
    }
}
