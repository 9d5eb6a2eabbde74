//! `protect`: administrators (`protect.admins`) and the members of named
//! groups (`protect.groups`) are out of reach of credential, session and
//! lifecycle changes.

use super::judge::{Judge, Subject};
use super::Finding;
use crate::error::{Error, Kind, Result};
use crate::okta::models::Group;
use crate::okta::paths::quoted;

/// Groups of one user read, at most (far more than any user has).
const MAX_USER_GROUPS: usize = 10_000;

pub(super) enum Admin {
    No,
    Holds(Finding),
    /// Okta would not say: allowed, with the reason.
    Unreadable(Finding),
}

impl Judge<'_> {
    /// `protect.admins`: the user holds an admin role. UNCONFIRMED: whether
    /// a token without Super Admin may read another user's roles; third
    /// parties report 403 (facts §A). On a 403 the change goes on, since
    /// Okta's own rule keeps administrators out of reach of admins who are
    /// not Super Admins: Okta then refuses the change itself (UNCONFIRMED
    /// for every kind of change). A service app without `okta.roles.read`
    /// proves nothing by its 403, so that fails the row instead.
    pub(super) fn admin(&self, s: &Subject<'_>) -> Result<Admin> {
        match self.client.roles_of(s.user_id) {
            Ok(roles) if roles.is_empty() => Ok(Admin::No),
            Ok(roles) => {
                let mut kinds: Vec<String> = roles.into_iter().map(|r| r.kind).collect();
                kinds.sort();
                kinds.dedup();
                Ok(Admin::Holds(Finding {
                    rule: "protect.admins".into(),
                    reason: format!("{} holds an admin role ({})", s.user, kinds.join(", ")),
                    hints: vec![
                        "a change to an administrator's account is for a Super Admin, in the Admin Console".into(),
                        self.file_hint("protects administrators ([protect] admins)"),
                    ],
                }))
            }
            Err(e) if e.kind == Kind::Permission && !self.lacks_scope("okta.roles.read") => {
                let reason = "Okta does not show this credential other users' admin roles (403), so protect.admins could not be checked; Okta's own rule keeps administrators out of reach of admins who are not Super Admins, so Okta refuses the change itself if the user is one";
                self.say_once("protect.admins", reason);
                Ok(Admin::Unreadable(Finding {
                    rule: "protect.admins".into(),
                    reason: reason.into(),
                    hints: Vec::new(),
                }))
            }
            Err(e) => Err(e.context(format!(
                "checking whether {} is an administrator (the policy's protect.admins)",
                s.user
            ))),
        }
    }

    /// A service app that was not granted `scope`.
    fn lacks_scope(&self, scope: &str) -> bool {
        match self.client.oauth() {
            None => false,
            Some(session) => session
                .access(self.client)
                .map(|a| !a.granted.iter().any(|g| g == scope))
                .unwrap_or(true),
        }
    }

    /// `protect.groups`: the user is in a group of that name (any case).
    pub(super) fn protected_group(&self, s: &Subject<'_>) -> Result<Option<Finding>> {
        self.look_up_groups();
        let wanted: Vec<String> = self
            .policy
            .protect
            .groups
            .value
            .iter()
            .map(|g| g.to_lowercase())
            .collect();
        let context = |e: Error| {
            e.context(format!(
                "listing the groups of {} (the policy's protect.groups)",
                s.user
            ))
        };
        let url = self
            .client
            .api(&["users", s.user_id, "groups"])
            .map_err(context)?;
        for (i, g) in self.client.pages::<Group>(url).enumerate() {
            if i >= MAX_USER_GROUPS {
                return Err(context(Error::failed(format!(
                    "more than {MAX_USER_GROUPS} groups; stopped"
                ))));
            }
            let g = g.map_err(context)?;
            if wanted.contains(&g.profile.name.to_lowercase()) {
                return Ok(Some(Finding {
                    rule: "protect.groups".into(),
                    reason: format!(
                        "{} is a member of '{}', a protected group",
                        s.user, g.profile.name
                    ),
                    hints: vec![
                        self.file_hint("protects the members of these groups ([protect] groups)")
                    ],
                }));
            }
        }
        Ok(None)
    }

    /// Once a run: warn about protected group names no group has (a typo
    /// protects no one).
    fn look_up_groups(&self) {
        self.groups_looked_up.call_once(|| {
            for name in &self.policy.protect.groups.value {
                let expr = format!("profile.name eq {}", quoted(name));
                let found = self
                    .client
                    .api_query(&["groups"], &[("search", &expr), ("limit", "200")])
                    .and_then(|url| {
                        let mut any = false;
                        for g in self.client.pages::<Group>(url).take(1000) {
                            any |= g?.profile.name.to_lowercase() == name.to_lowercase();
                        }
                        Ok(any)
                    });
                match found {
                    Ok(true) => {}
                    Ok(false) => self.err.warn(&format!(
                        "protect.groups: no group named '{name}' is visible to this credential: it protects no one"
                    )),
                    Err(e) => self.err.warn(&format!(
                        "protect.groups: could not look up '{name}' ({}); members are still matched by the name",
                        e.short()
                    )),
                }
            }
        });
    }
}
