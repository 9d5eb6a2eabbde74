//! The reset-password job: plan each user (status and source checks), and
//! after the change take the one-time secret from Okta's answer.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Deserialize;

use super::source::{directory_of, directory_refusal, refuse_by_status};
use crate::error::{Error, Result};
use crate::gate::{Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::User;
use crate::perms::{needs_role, HELP_DESK};

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Secrets {
    reset_password_url: Option<String>,
    temp_password: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Email,
    Url,
    Temp,
    /// `--expire`: the password expires, nothing is sent to anyone.
    Expire,
}

impl Mode {
    /// Whether a one-time secret comes back (one user only).
    pub(super) fn secret(self) -> bool {
        matches!(self, Mode::Url | Mode::Temp)
    }
}

pub(crate) struct Reset {
    pub mode: Mode,
    /// `revokeSessions=true` on the reset call (the follow-up sessions
    /// change comes after, in `run`).
    pub revoke_sessions: bool,
    /// The one-time secret of a single-user run, straight from Okta's answer.
    pub secret: Mutex<Option<String>>,
    /// The primary email of a single-user run's user, where Okta sends the link.
    pub email: Mutex<Option<String>>,
    /// Users sourced from a directory (id → "Active Directory", "LDAP"):
    /// a refusal is explained in the directory's terms.
    pub directory: Mutex<HashMap<String, &'static str>>,
}

impl Reset {
    pub(crate) fn new(mode: Mode, revoke_sessions: bool) -> Reset {
        Reset {
            mode,
            revoke_sessions,
            secret: Mutex::new(None),
            email: Mutex::new(None),
            directory: Mutex::new(HashMap::new()),
        }
    }

    fn says(&self) -> &'static str {
        match self.mode {
            Mode::Email => "have Okta email a reset link",
            Mode::Url => "create a one-time reset URL (printed here once, no email)",
            Mode::Temp => "expire the password and set a temporary one (printed here once)",
            Mode::Expire => "expire the password: they choose a new one at their next sign-in (no email, no temporary password)",
        }
    }

    fn call(&self, id: &str) -> (Call, Outcome, Outcome) {
        let revoke = self.revoke_sessions;
        match self.mode {
            Mode::Email => (
                Call::reset_password(id, true, revoke),
                Outcome::EmailSent,
                Outcome::WouldEmail,
            ),
            Mode::Url => (
                Call::reset_password(id, false, revoke),
                Outcome::ResetUrl,
                Outcome::WouldResetUrl,
            ),
            Mode::Temp => (
                Call::expire_password_with_temp(id, revoke),
                Outcome::TempPassword,
                Outcome::WouldTempPassword,
            ),
            // expire_password has no revokeSessions: the follow-up alone ends them.
            Mode::Expire => (
                Call::expire_password(id),
                Outcome::Expired,
                Outcome::WouldExpire,
            ),
        }
    }
}

/// Whether a reset row's password was reset (or may have been, or would be):
/// its user's sessions follow.
pub(super) fn reset_done(o: Outcome) -> bool {
    use Outcome::*;
    matches!(
        o,
        EmailSent
            | ResetUrl
            | TempPassword
            | Expired
            | WouldEmail
            | WouldResetUrl
            | WouldTempPassword
            | WouldExpire
            | Unknown
    )
}

impl Job for Reset {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, |e| needs_role(e, HELP_DESK)) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let (call, done, would) = self.call(&user.id);
        let planned = Planned {
            call,
            user_id: user.id.clone(),
            user: user.login().to_string(),
            group: None,
            done,
            would,
            noop: None,
        };
        if let Err(e) = refuse_by_status(&user) {
            let row = Row::planned(t.row, &t.input, &planned, Outcome::Refused);
            return Step::Done(Box::new(row.with_failure(e)));
        }
        if let Some(dir) = directory_of(&user) {
            if single {
                gate.ctx.out.status(&format!(
                    "{} is sourced from {dir}: Okta hands the reset to the {dir} agent, so the directory's rules apply",
                    user.login()
                ));
            }
            if let Ok(mut d) = self.directory.lock() {
                d.insert(user.id.clone(), dir);
            }
        }
        if single {
            if let Ok(mut slot) = self.email.lock() {
                *slot = user.profile.email.clone().filter(|e| !e.trim().is_empty());
            }
        }
        Step::Change(Box::new(planned), Box::new(user))
    }

    fn done(&self, _: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let secrets: Option<Result<Secrets>> = a.reply.as_ref().map(|r| r.json_or_default());
        let mut row = Row::applied(t.row, &t.input, p, a);
        let dir = self
            .directory
            .lock()
            .ok()
            .and_then(|d| d.get(&p.user_id).copied());
        if row.explain(|e| {
            let e = e.context(format!("resetting the password of {}", p.user));
            match dir {
                Some(dir) if e.status() == Some(403) || e.error_code() == Some("E0000017") => {
                    directory_refusal(e, dir)
                }
                _ => needs_role(e, HELP_DESK),
            }
        }) {
            return row;
        }
        let wanted = match (self.mode, secrets) {
            (Mode::Email | Mode::Expire, _) | (_, None) => return row,
            (Mode::Url, Some(s)) => s.map(|s| s.reset_password_url),
            (Mode::Temp, Some(s)) => s.map(|s| s.temp_password),
        };
        match wanted {
            Ok(Some(secret)) if single => {
                if let Ok(mut slot) = self.secret.lock() {
                    *slot = Some(secret);
                }
            }
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => {
                let what = if self.mode == Mode::Url {
                    "reset URL"
                } else {
                    "temporary password"
                };
                let e = Error::network(format!(
                    "the password of {} was reset, but Okta's answer held no {what}",
                    p.user
                ))
                .hint("run the command again to get a new one");
                row.result = Outcome::Unknown;
                return row.with_failure(e);
            }
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        let sessions = if self.revoke_sessions {
            ", and end all sessions"
        } else {
            ""
        };
        Some(match (user, self.mode) {
            (Some(u), _) => format!(
                "Reset the password of {} ({}): {}{sessions}?",
                u.name(),
                u.login(),
                self.says()
            ),
            (None, Mode::Expire) => format!("Expire the passwords of {{n}} users{sessions}"),
            (None, _) => format!("Email a password reset link{sessions} to {{n}} users"),
        })
    }

    fn what(&self, rows: usize) -> String {
        let verb = if self.mode == Mode::Expire {
            "expiring"
        } else {
            "resetting"
        };
        match rows {
            1 => format!("{verb} a password"),
            n => format!("{verb} the passwords of {n} users"),
        }
    }
}
