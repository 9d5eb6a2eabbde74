//! Judging one change against the policy, read-only, in this order (the
//! first refusal wins; the cheap rules first): verification, `[grant]`,
//! `protect.admins`, `protect.groups`, the cooldown. Without a policy file
//! a command that may need a verified caller still gets a judge, of the
//! built-in rules only (`Judge::open`): `tac` always needs one, and so does
//! a change run with `--verify` or `--require-verified`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex, Once, OnceLock};

use super::commands::{self, Command};
use super::history::History;
use super::protect::Admin;
use super::verification::Caller;
use super::verified::Verifications;
use super::{Finding, Policy, Verdict};
use crate::audit::PolicyMark;
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
    /// No policy file: the built-in rules only, and no `policy` in the
    /// audit lines unless one of them decided.
    pub(super) builtin: bool,
    /// What the run knows of the caller's verification.
    pub(super) caller: Caller,
    pub(super) verifications: OnceLock<std::result::Result<Verifications, Error>>,
}

/// What the audit lines name as the file of a built-in rule's decision.
pub const BUILTIN: &str = "(built-in)";

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
            builtin: false,
            caller: Caller::default(),
            verifications: OnceLock::new(),
        }
    }

    /// The judge of a gate: the policy file's, when there is one; else,
    /// for a command that may need a verified caller, one of the built-in
    /// rules (every rule of the file off); else none.
    pub fn open(
        policy: Option<Policy>,
        client: &'a Client,
        command: &str,
        org: String,
        err: Arc<Stderr>,
    ) -> Option<Judge<'a>> {
        match policy {
            Some(p) => Some(Judge::new(p, client, command, org, err)),
            None if commands::find(command).is_some_and(|c| c.verifiable) => {
                let mut j = Judge::new(
                    Policy::defaults(Path::new(BUILTIN)),
                    client,
                    command,
                    org,
                    err,
                );
                j.builtin = true;
                Some(j)
            }
            None => None,
        }
    }

    /// What the run knows of the caller (`--verify`, `--require-verified`,
    /// `--skip-verification`), before any change is judged.
    pub fn set_caller(&mut self, caller: Caller) {
        self.caller = caller;
    }

    /// The audit lines' `policy` for a verdict: without a policy file,
    /// only when a built-in rule decided something.
    pub fn mark(&self, verdict: &Verdict) -> Option<PolicyMark> {
        match verdict {
            Verdict::Allow(None) if self.builtin => None,
            v => Some(self.policy.mark(v)),
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
        let skipped = match self.verification(s)? {
            Verdict::Refuse(f) => return Ok(Verdict::Refuse(f)),
            Verdict::Allow(note) => note,
        };
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
        Ok(Verdict::Allow(both(skipped, caveat)))
    }

    pub(super) fn file_hint(&self, what: &str) -> String {
        if self.builtin {
            return format!(
                "without a policy file, the built-in rules apply; a policy file {what}"
            );
        }
        format!("the policy file {} {what}", self.policy.file.display())
    }

    /// A warning said once a run, whichever row meets it first.
    pub(super) fn say_once(&self, key: &'static str, msg: &str) {
        let first = self.said.lock().map(|mut s| s.insert(key)).unwrap_or(false);
        if first {
            self.err.warn(msg);
        }
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

/// An allowed change's notes: the verification skipped, and a rule that
/// could not be checked; both are kept, the first rule named.
fn both(first: Option<Finding>, second: Option<Finding>) -> Option<Finding> {
    match (first, second) {
        (Some(a), Some(b)) => Some(Finding {
            reason: format!("{}; and {}: {}", a.reason, b.rule, b.reason),
            hints: [a.hints, b.hints].concat(),
            rule: a.rule,
        }),
        (a, b) => a.or(b),
    }
}
