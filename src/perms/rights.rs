//! The rights the jobs need and the standard roles that give each, from
//! Okta's role pages ([ADMIN-CMP], [HELP], [RO-ADMIN] in the fact sheet).

use clap::ValueEnum;

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
    /// For a service app: the Okta API scopes that allow its endpoints (any
    /// one; `manage` implies `read`).
    pub scopes: &'static [&'static str],
    /// The fix when nothing gives it.
    pub fix: &'static str,
}

/// Roles that give every right, and are excess under `--strict`.
pub const ORG_WIDE: &[&str] = &["SUPER_ADMIN", "ORG_ADMIN"];

pub const GROUP_MEMBERSHIP: &Right = &RIGHTS[0];
pub const PASSWORD_RESET: &Right = &RIGHTS[2];

pub const RIGHTS: &[Right] = &[
    Right {
        key: "group_membership",
        what: "change group membership (grant, revoke)",
        job: Jobs::Provisioning,
        roles: &["USER_ADMIN", "GROUP_MEMBERSHIP_ADMIN"],
        scope: Scope::Groups,
        probe: None,
        scopes: &["okta.groups.manage"],
        fix: "assign Group Membership Administrator (GROUP_MEMBERSHIP_ADMIN) or Group Administrator (USER_ADMIN), targeted at the groups the jobs change",
    },
    Right {
        key: "app_read",
        what: "resolve --app to its groups",
        job: Jobs::Provisioning,
        roles: &["APP_ADMIN"],
        scope: Scope::Apps,
        probe: Some("apps"),
        scopes: &["okta.apps.read", "okta.apps.manage"],
        fix: "assign Application Administrator (APP_ADMIN), for all apps or the apps the jobs name",
    },
    // [ADMIN-CMP] "Password resets, MFA resets": Group Admin and Help Desk
    // Admin, each only in the groups it manages.
    Right {
        key: "password_reset",
        what: "reset passwords, unlock, reset MFA",
        job: Jobs::Passwords,
        roles: &["HELP_DESK_ADMIN", "USER_ADMIN"],
        scope: Scope::Groups,
        probe: None,
        scopes: &["okta.users.manage"],
        fix: "assign Help Desk Administrator (HELP_DESK_ADMIN), or Group Administrator (USER_ADMIN), for all groups or the groups of the employees it serves",
    },
    // [HELP] report admin; [RO-ADMIN]: both view the System Log.
    Right {
        key: "log_read",
        what: "read the System Log (log, lockouts)",
        job: Jobs::Passwords,
        roles: &["REPORT_ADMIN", "READ_ONLY_ADMIN"],
        scope: Scope::Org,
        probe: Some("logs"),
        scopes: &["okta.logs.read"],
        fix: "assign Report Administrator (REPORT_ADMIN) or Read-only Administrator (READ_ONLY_ADMIN)",
    },
    // UNCONFIRMED: no Okta page says which standard roles may read password
    // policies through the API. [RO-ADMIN] says a Read-only Admin views
    // users, groups, "Okta settings" and sign-on policies; password policies
    // are not named. Super and Org Admins manage policies.
    Right {
        key: "policy_read",
        what: "read password policies and users (expiring)",
        job: Jobs::Passwords,
        roles: &["READ_ONLY_ADMIN"],
        scope: Scope::Org,
        probe: Some("policies"),
        scopes: &["okta.policies.read", "okta.policies.manage"],
        fix: "assign Read-only Administrator (READ_ONLY_ADMIN) (UNCONFIRMED by Okta for password policies; the policies probe settles it)",
    },
];

/// The rights the selected jobs need, in table order.
pub fn required(jobs: Jobs) -> Vec<&'static Right> {
    RIGHTS.iter().filter(|r| jobs.includes(r.job)).collect()
}
