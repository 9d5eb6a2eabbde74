//! `oktactl reset-password`: an emailed reset link (one user or many), a
//! one-time reset URL, or a temporary password (one user), through the
//! change gate. Secrets are printed once, on stdout, never audited.

use std::sync::Mutex;

use clap::Args;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::report::finish;
use crate::gate::run::run as run_rows;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::User;
use crate::output::{or_dash, Format, Tabular};
use crate::perms::{needs_role, HELP_DESK, PASSWORD_RESET};
use crate::preflight;

/// Reset a user's password: an emailed link, a one-time URL, or a temporary password
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-password jane.doe@acme.com --ticket HD-1234
  oktactl reset-password jane.doe@acme.com --no-email          # prints the one-time reset URL
  oktactl reset-password jane.doe@acme.com --temp-password --revoke-sessions
  oktactl reset-password --from team.csv --yes                  # emails each a reset link
  oktactl reset-password jane.doe@acme.com --dry-run

The reset URL and the temporary password are printed once, on stdout only,
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
}

#[derive(Debug, Serialize)]
struct Outcome1 {
    user: String,
    user_id: Option<String>,
    action: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    reset_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temp_password: Option<String>,
    change_id: Option<String>,
    request_id: Option<String>,
}

impl Tabular for Outcome1 {
    fn columns() -> Vec<&'static str> {
        vec!["user", "user_id", "action", "reset_url", "temp_password"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user.clone(),
            or_dash(&self.user_id),
            self.action.to_string(),
            or_dash(&self.reset_url),
            or_dash(&self.temp_password),
        ]
    }
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
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
        Step::Change(Box::new(planned), Box::new(user))
    }

    fn done(&self, _: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let secrets: Option<Result<Secrets>> = a.reply.as_ref().map(|r| r.json_or_default());
        let mut row = Row::applied(t.row, &t.input, p, a);
        if row.explain(|e| {
            needs_role(
                e.context(format!("resetting the password of {}", p.user)),
                HELP_DESK,
            )
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
    let targets = read_targets(&args.users, args.bulk.from.as_deref())?;
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
    };
    let (rows, ending) = run_rows(&gate, &job, &targets, args.bulk.pace())?;
    let secret = job.secret.lock().ok().and_then(|mut s| s.take());
    match rows.as_slice() {
        [row] if ending.audit_failed.is_none() && !ending.interrupted && row.failure.is_none() => {
            print_one(ctx, row, mode, secret)
        }
        _ => finish(ctx, rows, ending),
    }
}

/// One user: the secret alone on stdout in a table (so `$(…)` captures
/// it); JSON and CSV: the whole outcome.
fn print_one(ctx: &Context, row: &Row, mode: Mode, secret: Option<String>) -> Result<()> {
    let who = row.who();
    match (row.result, mode) {
        (Outcome::EmailSent, _) => ctx
            .out
            .status(&format!("Okta emailed {who} a password reset link")),
        (Outcome::ResetUrl, _) => ctx.out.status(&format!(
            "one-time reset URL for {who} (shown once; give it to them over a trusted channel):"
        )),
        (Outcome::TempPassword, _) => ctx.out.status(&format!(
            "temporary password for {who} (shown once; they must change it at sign-in):"
        )),
        _ => {}
    }
    let out = Outcome1 {
        user: who.to_string(),
        user_id: row.user_id.clone(),
        action: row.result,
        reset_url: secret.clone().filter(|_| mode == Mode::Url),
        temp_password: secret.filter(|_| mode == Mode::Temp),
        change_id: row.change_id.clone(),
        request_id: row.request_id.clone(),
    };
    match ctx.out.format {
        Format::Json => ctx.out.json(&out),
        Format::Csv => ctx.out.one(&out),
        Format::Table => match out.reset_url.as_ref().or(out.temp_password.as_ref()) {
            Some(secret) => ctx.out.data(secret),
            None => Ok(()),
        },
    }
}

/// Statuses and sources where Okta refuses or the reset belongs elsewhere.
fn refuse_by_status(user: &User) -> Result<()> {
    let who = user.login();
    let (why, what) = match user.status.as_str() {
        "DEPROVISIONED" => (
            "is deactivated (DEPROVISIONED)",
            "reactivate the user in the Okta Admin Console first, if they should have access",
        ),
        "STAGED" => (
            "was never activated (STAGED)",
            "activate the user instead; Okta then sends the activation email",
        ),
        "SUSPENDED" => (
            "is SUSPENDED",
            "unsuspend the user in the Okta Admin Console first",
        ),
        _ => match user.provider_type() {
            "ACTIVE_DIRECTORY" => (
                "gets its password from Active Directory",
                "reset the password in Active Directory",
            ),
            "LDAP" => (
                "gets its password from an LDAP directory",
                "reset the password in that directory",
            ),
            "FEDERATION" => (
                "signs in through an external identity provider (FEDERATION)",
                "reset the password at that identity provider",
            ),
            _ => return Ok(()),
        },
    };
    Err(Error::failed(format!(
        "cannot reset the password of {who}: the user {why}; nothing was sent"
    ))
    .hint(what))
}
