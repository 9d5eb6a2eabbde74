//! `[verification]`: a change of a command that needs a verified caller
//! passes when this run verified the user (`--verify`), or when the audit
//! log holds a `verified` line for the user id within the window (the
//! policy's `window`, or `--require-verified`'s, whichever is shorter);
//! else it is refused before anything is sent. What needs it: the commands
//! of `required_for`, `tac` always (built in: whoever holds the code signs
//! in as the user), and any verifiable change run with `--verify` or
//! `--require-verified`. A caller who cannot verify (a lost device):
//! `--skip-verification --reason`, allowed where `allow_skip` is true (and
//! without a policy file), recorded in the audit lines' `policy`.

use jiff::{SignedDuration, Timestamp};

use super::judge::{Judge, Subject};
use super::verified::Verifications;
use super::{duration, Finding, Verdict};
use crate::error::{Error, Result};

/// The commands that need a verified caller whatever the policy says.
pub const ALWAYS: &[&str] = &["tac"];

/// The rule a missing verification is refused by, and a skip's.
pub const REQUIRED: &str = "verification.required_for";
pub const SKIP: &str = "verification.allow_skip";

/// What the run knows of the caller, from the operator's flags and the
/// verification it ran; handed to the gate before any change is planned.
#[derive(Debug, Clone, Default)]
pub struct Caller {
    /// `--verify` was given: this run's verification is required.
    pub verify: bool,
    /// User ids this run verified (`--verify`).
    pub verified: Vec<String>,
    /// `--verify` under `--dry-run`: the verification would come first.
    pub would_verify: bool,
    /// `--require-verified SPAN`.
    pub require: Option<SignedDuration>,
    /// `--skip-verification --reason TEXT`: the reason.
    pub skip: Option<String>,
}

impl Judge<'_> {
    pub(super) fn verification(&self, s: &Subject<'_>) -> Result<Verdict> {
        let c = &self.caller;
        let by_policy = self.policy.verification_required(&self.name);
        let always = ALWAYS.contains(&self.command.name);
        let required = by_policy.or(always.then_some(self.policy.verification.window.value));
        if required.is_none() && c.require.is_none() && !c.verify {
            return Ok(Verdict::Allow(c.skip.as_ref().map(|r| self.skipped(s, r))));
        }
        if c.would_verify || c.verified.iter().any(|id| id == s.user_id) {
            return Ok(Verdict::Allow(None));
        }
        let window = match (required, c.require) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mut last = None;
        if let (Some(w), false) = (window, c.verify) {
            let now = Timestamp::now();
            last = self.last_verified(s.user_id)?;
            if last.is_some_and(|at| now.duration_since(at) <= w) {
                return Ok(Verdict::Allow(None));
            }
        }
        if let (Some(reason), Some(_)) = (&c.skip, required) {
            if self.builtin || self.policy.allow_skip() {
                return Ok(Verdict::Allow(Some(self.skipped(s, reason))));
            }
            return Ok(Verdict::Refuse(Finding {
                rule: SKIP.into(),
                reason: format!(
                    "the caller of {} was not verified, and the policy does not allow --skip-verification",
                    s.user
                ),
                hints: vec![
                    format!("verify the caller: `oktactl verify {}`", s.user),
                    self.file_hint("allows skipping only with [verification] allow_skip = true"),
                ],
            }));
        }
        Ok(Verdict::Refuse(self.unverified(
            s,
            window,
            last,
            by_policy.is_some(),
        )))
    }

    /// `--skip-verification`: allowed, said loudly (once a run, when the
    /// first change goes ahead with it) and recorded in the audit lines.
    fn skipped(&self, s: &Subject<'_>, reason: &str) -> Finding {
        self.say_once(
            "skip-verification",
            &format!(
                "the caller was NOT verified (--skip-verification: {}); the audit log records it with each change",
                reason.trim()
            ),
        );
        Finding {
            rule: SKIP.into(),
            reason: format!(
                "the caller of {} was NOT verified (--skip-verification): {}",
                s.user,
                reason.trim()
            ),
            hints: Vec::new(),
        }
    }

    fn unverified(
        &self,
        s: &Subject<'_>,
        window: Option<SignedDuration>,
        last: Option<Timestamp>,
        by_policy: bool,
    ) -> Finding {
        let cmd = match self.command.name {
            "" => self.name.as_str(),
            n => n,
        };
        let last = match last {
            Some(at) => format!(" (last verified {})", whole(at)),
            None => String::new(),
        };
        let reason = match window {
            None => format!("{cmd} was run with --verify, and {} was not verified by it", s.user),
            Some(w) => format!(
                "{cmd} requires the caller to be verified within {} before it, and {} was not{last}",
                duration::show(w),
                s.user
            ),
        };
        let mut hints = vec![
            format!("verify the caller first: `oktactl verify {}`", s.user),
            format!(
                "or verify and act in one go: `oktactl {cmd} {} --verify`",
                s.user
            ),
        ];
        if by_policy {
            hints.push(self.file_hint("lists the commands that need a verified caller"));
        } else if ALWAYS.contains(&cmd) {
            hints.push("a Temporary Access Code always needs a verified caller; for one who lost every factor: --skip-verification --reason TEXT".into());
        }
        Finding {
            rule: REQUIRED.into(),
            reason,
            hints,
        }
    }

    /// When the audit log last saw the user verified, read once a run from
    /// the longest window back (a day at least, to say when it was).
    fn last_verified(&self, user_id: &str) -> Result<Option<Timestamp>> {
        let read = self.verifications.get_or_init(|| {
            let longest = [
                Some(self.policy.verification.window.value),
                self.caller.require,
                Some(SignedDuration::from_hours(24)),
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or_default();
            let since = Timestamp::now()
                .checked_sub(longest)
                .unwrap_or(Timestamp::MIN);
            Verifications::read(&crate::audit::path()?, &self.org, since)
        });
        read.as_ref()
            .map(|v| v.last_verified(user_id))
            .map_err(Error::clone)
    }
}

fn whole(t: Timestamp) -> Timestamp {
    Timestamp::from_second(t.as_second()).unwrap_or(t)
}
