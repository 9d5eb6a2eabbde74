//! `oktactl reset-password`: an emailed reset link (one user or many), a
//! one-time reset URL, or a temporary password (one user), through the
//! change gate. Secrets are printed once, on stdout, never audited.
//! Users sourced from Active Directory or LDAP are tried (Okta hands the
//! reset to the directory agent); a refusal is explained in the
//! directory's terms (`source.rs`).

mod print;
mod source;

use std::collections::HashMap;
use std::sync::Mutex;

use clap::Args;
use serde::Deserialize;

use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};
use crate::gate::report::finish;
use crate::gate::run::run as run_rows;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::User;
use crate::perms::{needs_role, HELP_DESK, PASSWORD_RESET};
use crate::preflight;
use print::print_one;
use source::{directory_of, directory_refusal, refuse_by_status};

/// Reset a user's password: an emailed link, a one-time URL, or a temporary password
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-password jane.doe@acme.com --ticket HD-1234
  oktactl reset-password jane.doe@acme.com --no-email   # prints a one-time URL
  oktactl reset-password jane.doe@acme.com --temp-password --revoke-sessions
  oktactl reset-password --from team.csv --yes          # emails each a link
  oktactl reset-password jane.doe@acme.com --dry-run

The reset URL and the temporary password are printed once, on stdout only, \
and are never written to the audit log; they need a single user.")]
pub struct ResetPasswordArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Send no email; print the one-time reset URL to hand over yourself (one user)
    #[arg(long, conflicts_with = "temp_password")]
    pub no_email: bool,
    /// Expire the password and print a temporary one, to be changed at next sign-in (one user)
    #[arg(long)]
    pub temp_password: bool,
    /// Also end the user's current sessions
    #[arg(long)]
    pub revoke_sessions: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Secrets {
    reset_password_url: Option<String>,
    temp_password: Option<String>,
}

struct Reset {
    mode: Mode,
    revoke_sessions: bool,
    /// The one-time secret of a single-user run, straight from Okta's answer.
    secret: Mutex<Option<String>>,
    /// The primary email of a single-user run's user, where Okta sends the link.
    email: Mutex<Option<String>>,
    /// Users sourced from a directory (id → "Active Directory", "LDAP"):
    /// a refusal is explained in the directory's terms.
    directory: Mutex<HashMap<String, &'static str>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Email,
    Url,
    Temp,
}

impl Reset {
    fn says(&self) -> &'static str {
        match self.mode {
            Mode::Email => "have Okta email a reset link",
            Mode::Url => "create a one-time reset URL (printed here once, no email)",
            Mode::Temp => "expire the password and set a temporary one (printed here once)",
        }
    }
}

impl Job for Reset {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, |e| needs_role(e, HELP_DESK)) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let (call, done, would) = match self.mode {
            Mode::Email => (
                Call::reset_password(&user.id, true, self.revoke_sessions),
                Outcome::EmailSent,
                Outcome::WouldEmail,
            ),
            Mode::Url => (
                Call::reset_password(&user.id, false, self.revoke_sessions),
                Outcome::ResetUrl,
                Outcome::WouldResetUrl,
            ),
            Mode::Temp => (
                Call::expire_password_with_temp(&user.id, self.revoke_sessions),
                Outcome::TempPassword,
                Outcome::WouldTempPassword,
            ),
        };
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
            (Mode::Email, _) | (_, None) => return row,
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
        Some(match user {
            Some(u) => format!(
                "Reset the password of {} ({}): {}{sessions}?",
                u.name(),
                u.login(),
                self.says()
            ),
            None => format!("Email a password reset link{sessions} to {{n}} users"),
        })
    }

    fn what(&self, rows: usize) -> String {
        match rows {
            1 => "resetting a password".into(),
            n => format!("resetting the passwords of {n} users"),
        }
    }
}

pub fn run(ctx: &Context, args: ResetPasswordArgs) -> Result<()> {
    let targets = read_targets(&args.users, &args.bulk)?;
    let mode = match (args.no_email, args.temp_password) {
        (true, _) => Mode::Url,
        (_, true) => Mode::Temp,
        _ => Mode::Email,
    };
    if mode != Mode::Email && targets.len() > 1 {
        return Err(Error::usage(
            "--no-email and --temp-password take a single user: their secret is printed once, to you",
        )
        .hint("reset several users without them: Okta emails each a reset link"));
    }
    let gate = Gate::open(ctx, "reset-password")?;
    preflight::check(
        ctx,
        PASSWORD_RESET,
        None,
        targets.len(),
        args.bulk.no_preflight,
    )?;
    let job = Reset {
        mode,
        revoke_sessions: args.revoke_sessions,
        secret: Mutex::new(None),
        email: Mutex::new(None),
        directory: Mutex::new(HashMap::new()),
    };
    let (rows, ending) = run_rows(&gate, &job, &targets, args.bulk.pace())?;
    let secret = job.secret.lock().ok().and_then(|mut s| s.take());
    let email = job.email.lock().ok().and_then(|mut s| s.take());
    match rows.as_slice() {
        [row] if ending.audit_failed.is_none() && !ending.interrupted && row.failure.is_none() => {
            print_one(ctx, row, mode, secret, email)
        }
        _ => finish(ctx, rows, ending),
    }
}
