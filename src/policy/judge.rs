//! Judging one change against the policy, read-only, in this order (the
//! first refusal wins; the cheap rules first): verification, `[grant]`,
//! `protect.admins`, `protect.groups`, the cooldown.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, Once, OnceLock};

use super::commands::{self, Command};
use super::history::History;
use super::protect::Admin;
use super::{duration, Finding, Policy, Verdict};
use crate::error::{Error, Result};
use crate::okta::Client;
use crate::output::Stderr;

/// What a change is about, as the gate planned it.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'s> {
    pub user_id: &'s str,
    /// The login, for messages.
    pub user: &'s str,
    /// The group's name, for membership changes.
    pub group: Option<&'s str>,
}

/// The policy of one run of one command, with what it has read so far.
pub struct Judge<'a> {
    pub(super) policy: Policy,
    pub(super) client: &'a Client,
    /// The command as the gate was opened for it (`reset-mfa`).
    pub(super) name: String,
    pub(super) command: Command,
    exempt: bool,
    /// The org's origin, as the audit lines name it.
    pub(super) org: String,
    pub(super) err: Arc<Stderr>,
    pub(super) history: OnceLock<std::result::Result<History, Error>>,
    pub(super) groups_looked_up: Once,
    said: Mutex<HashSet<&'static str>>,
}

impl<'a> Judge<'a> {
    pub fn new(
        policy: Policy,
        client: &'a Client,
        command: &str,
        org: String,
        err: Arc<Stderr>,
    ) -> Judge<'a> {
        Judge {
            policy,
            client,
            name: command.to_string(),
            command: commands::of(command),
            exempt: commands::exempt(command),
            org,
            err,
            history: OnceLock::new(),
            groups_looked_up: Once::new(),
            said: Mutex::new(HashSet::new()),
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The ticket rules, for the whole run before anything is sent.
    pub fn ticket(&self, ticket: Option<&str>) -> Option<Finding> {
        if self.exempt {
            return None;
        }
        self.policy.ticket_refusal(&self.name, ticket)
    }

    /// The verdict for one change. `Err`: a rule could not be checked (a
    /// read failed); nothing may be sent then.
    pub fn judge(&self, s: &Subject<'_>) -> Result<Verdict> {
        if self.exempt {
            return Ok(Verdict::Allow(None));
        }
        if let Some(f) = self.verification(s) {
            return Ok(Verdict::Refuse(f));
        }
        if self.command.membership {
            if let Some(f) = self.grant(s) {
                return Ok(Verdict::Refuse(f));
            }
        }
        let mut caveat = None;
        if self.command.protected {
            if self.policy.protect.admins.value {
                match self.admin(s)? {
                    Admin::Holds(f) => return Ok(Verdict::Refuse(f)),
                    Admin::Unreadable(f) => caveat = Some(f),
                    Admin::No => {}
                }
            }
            if !self.policy.protect.groups.value.is_empty() {
                if let Some(f) = self.protected_group(s)? {
                    return Ok(Verdict::Refuse(f));
                }
            }
        }
        if let Some(every) = self.policy.cooldown_of(&self.name) {
            if let Some(f) = self.cooldown(s, every)? {
                return Ok(Verdict::Refuse(f));
            }
        }
        Ok(Verdict::Allow(caveat))
    }

    pub(super) fn file_hint(&self, what: &str) -> String {
        format!("the policy file {} {what}", self.policy.file.display())
    }

    /// A warning said once a run, whichever row meets it first.
    pub(super) fn say_once(&self, key: &'static str, msg: &str) {
        let first = self.said.lock().map(|mut s| s.insert(key)).unwrap_or(false);
        if first {
            self.err.warn(msg);
        }
    }

    /// `verification.required_for`. The verification itself (`oktactl
    /// verify`, `--verify`, `--require-verified`, `--skip-verification`)
    /// comes with the verify work of issue 12, which replaces this refusal
    /// with its check; until then every such change is refused, which is
    /// safe whatever that work decides.
    fn verification(&self, s: &Subject<'_>) -> Option<Finding> {
        let window = self.policy.verification_required(&self.name)?;
        let within = duration::show(window);
        Some(Finding {
            rule: "verification.required_for".into(),
            reason: format!(
                "{} requires the caller to be verified within {within} before it, and {} was not",
                self.command.name, s.user
            ),
            hints: vec![
                format!("verify the caller first: `oktactl verify {}`", s.user),
                self.file_hint("lists the commands that need a verified caller"),
            ],
        })
    }

    /// `[grant] allow`/`deny` on the group's name (grant and revoke): a
    /// deny pattern that matches refuses; with allow patterns, one must match.
    fn grant(&self, s: &Subject<'_>) -> Option<Finding> {
        let group = s.group.unwrap_or("");
        let g = &self.policy.grant;
        let finding = |rule: &str, reason: String| Finding {
            rule: rule.into(),
            reason,
            hints: vec![
                self.file_hint("sets the groups the help desk may change ([grant] allow, deny)")
            ],
        };
        if let Some(p) = g.deny.value.iter().find(|p| p.regex.is_match(group)) {
            return Some(finding(
                "grant.deny",
                format!("the group '{group}' matches the deny pattern {}", p.text),
            ));
        }
        let allowed =
            g.allow.value.is_empty() || g.allow.value.iter().any(|p| p.regex.is_match(group));
        (!allowed).then(|| {
            let all: Vec<&str> = g.allow.value.iter().map(|p| p.text.as_str()).collect();
            finding(
                "grant.allow",
                format!(
                    "the group '{group}' matches none of the allow patterns ({})",
                    all.join(", ")
                ),
            )
        })
    }
}
