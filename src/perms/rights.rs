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
    /// sessions clear, suspend, unsuspend, tac
    Containment,
    /// provisioning and passwords (containment only when asked for)
    All,
}

impl Jobs {
    pub fn name(self) -> &'static str {
        match self {
            Jobs::Provisioning => "provisioning",
            Jobs::Passwords => "passwords",
            Jobs::Containment => "containment",
            Jobs::All => "all",
        }
    }

    /// `all` leaves containment out: its TAC right is given by a custom
    /// role, which check-perms does not evaluate, so it would fail every
    /// credential but a Super/Org Admin; `--for containment` checks it.
    pub fn includes(self, job: Jobs) -> bool {
        self == job || (self == Jobs::All && job != Jobs::Containment)
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
pub const SESSIONS: &Right = &RIGHTS[5];
pub const SUSPEND: &Right = &RIGHTS[6];
pub const TAC: &Right = &RIGHTS[7];

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
    // [HELP] help desk: "Clear user session". [ADMIN-CMP] marks "Clear user
    // sessions" for three roles, two of them scoped to managed groups; the
    // group-admin page does not list it, so Group Admin is UNCONFIRMED
    // (counted: a wrong PASS fails at Okta with a 403 naming the roles).
    Right {
        key: "sessions_clear",
        what: "end sessions (sessions clear, --revoke-sessions, --clear-sessions)",
        job: Jobs::Containment,
        roles: &["HELP_DESK_ADMIN", "USER_ADMIN"],
        scope: Scope::Groups,
        probe: None,
        scopes: &["okta.users.manage"],
        fix: "assign Help Desk Administrator (HELP_DESK_ADMIN) (or Group Administrator, USER_ADMIN: UNCONFIRMED by Okta), for all groups or the groups of the employees it serves",
    },
    // [HELP] group admin: "Suspend users" in its groups; help desk: "Suspend
    // and delete users" excluded.
    Right {
        key: "suspend",
        what: "suspend and unsuspend users",
        job: Jobs::Containment,
        roles: &["USER_ADMIN"],
        scope: Scope::Groups,
        probe: None,
        scopes: &["okta.users.manage"],
        fix: "assign Group Administrator (USER_ADMIN), for all groups or the groups of the employees it serves (Help Desk Administrator cannot suspend)",
    },
    // [S] createTacAuthenticatorEnrollment: the permission
    // okta.users.credentials.manageTemporaryAccessCode. Okta's TAC setup
    // page has admins create a custom role with it; which standard roles
    // hold it is UNCONFIRMED, so none is counted (Super/Org Admin give
    // every right here; Org Admin UNCONFIRMED too).
    Right {
        key: "tac",
        what: "issue and revoke Temporary Access Codes (tac)",
        job: Jobs::Containment,
        roles: &[],
        scope: Scope::Org,
        probe: None,
        scopes: &["okta.users.manage"],
        fix: "create a custom admin role with the permission \"Manage user's temporary access code\" (okta.users.credentials.manageTemporaryAccessCode) over a resource set of the users, and assign it (check-perms does not evaluate custom roles); a service app also needs okta.authenticators.read to find the TAC authenticator, or pass --authenticator-id",
    },
];

/// The rights the selected jobs need, in table order.
pub fn required(jobs: Jobs) -> Vec<&'static Right> {
    RIGHTS.iter().filter(|r| jobs.includes(r.job)).collect()
}
