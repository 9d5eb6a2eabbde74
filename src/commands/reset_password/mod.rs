//! `oktactl reset-password`: an emailed reset link (one user or many), a
//! one-time reset URL, or a temporary password (one user), or an expired
//! password (`--expire`, one user or many), through the change gate.
//! Secrets are printed once, on stdout, never audited. Users sourced from
//! Active Directory or LDAP are tried (Okta hands the reset to the
//! directory agent); a refusal is explained in the directory's terms
//! (`source.rs`). `--revoke-sessions` also ends the sessions of each user
//! reset, as a second change (`shared::sessions::follow`).

pub(crate) mod job;
mod print;
mod source;

use clap::Args;

use crate::commands::shared::sessions::follow;
use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};
use crate::gate::report::{finish, Ending};
use crate::gate::run::run as run_rows;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Gate};
use crate::perms::PASSWORD_RESET;
use crate::preflight;
use crate::verify::{before, CallerArgs};
use job::{reset_done, Mode, Reset};
use print::print_one;

/// Reset a user's password: an emailed link, a one-time URL, a temporary password, or expire it
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-password jane.doe@acme.com --ticket HD-1234
  oktactl reset-password jane.doe@acme.com --verify    # verify the caller first
  oktactl reset-password jane.doe@acme.com --no-email   # prints a one-time URL
  oktactl reset-password jane.doe@acme.com --temp-password --revoke-sessions
  oktactl reset-password jane.doe@acme.com --expire     # new one at sign-in
  oktactl reset-password --from team.csv --yes          # emails each a link
  oktactl reset-password jane.doe@acme.com --dry-run

The reset URL and the temporary password are printed once, on stdout only, \
and are never written to the audit log; they need a single user.

--revoke-sessions sends revokeSessions=true with the reset (where Okta takes \
it), then ends the user's sessions, OAuth tokens and remembered devices as a \
second change (DELETE /api/v1/users/{id}/sessions), as `sessions clear` does.")]
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
    /// Expire the password, without a temporary one: the user chooses a new one at the next sign-in
    #[arg(long, conflicts_with_all = ["no_email", "temp_password"])]
    pub expire: bool,
    /// Also end the user's sessions, OAuth tokens and remembered devices (a second change)
    #[arg(long)]
    pub revoke_sessions: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub caller: CallerArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The emailed reset link of one user, for another front end (`oktactl
/// mcp`): it never yields a reset URL or a temporary password.
pub struct EmailReset(Reset);

impl EmailReset {
    pub fn new() -> EmailReset {
        EmailReset(Reset::new(Mode::Email, false))
    }

    pub fn job(&self) -> &dyn crate::gate::Job {
        &self.0
    }

    /// Where Okta sends the link (the user's primary email), once planned.
    pub fn email(&self) -> Option<String> {
        self.0.email.lock().ok().and_then(|e| e.clone())
    }
}

impl Default for EmailReset {
    fn default() -> Self {
        Self::new()
    }
}

pub fn run(ctx: &Context, args: ResetPasswordArgs) -> Result<()> {
    let mut targets = read_targets(&args.users, &args.bulk)?;
    let mode = match (args.no_email, args.temp_password, args.expire) {
        (true, _, _) => Mode::Url,
        (_, true, _) => Mode::Temp,
        (_, _, true) => Mode::Expire,
        _ => Mode::Email,
    };
    if mode.secret() && targets.len() > 1 {
        return Err(Error::usage(
            "--no-email and --temp-password take a single user: their secret is printed once, to you",
        )
        .hint("reset several users without them: Okta emails each a reset link (or --expire)"));
    }
    let mut gate = Gate::open(ctx, "reset-password")?;
    preflight::check(
        ctx,
        PASSWORD_RESET,
        None,
        targets.len(),
        args.bulk.no_preflight,
    )?;
    before(&mut gate, &mut targets, &args.caller)?;
    let job = Reset::new(mode, args.revoke_sessions);
    let pace = args.bulk.pace();
    let (rows, ending) = run_rows(&gate, &job, &targets, pace)?;
    let (sessions, later) = match args.revoke_sessions {
        true => follow::after(&gate, &rows, pace, reset_done)?,
        false => (Vec::new(), Ending::default()),
    };
    let secret = job.secret.lock().ok().and_then(|mut s| s.take());
    let email = job.email.lock().ok().and_then(|mut s| s.take());
    match rows.as_slice() {
        [row] if ending.audit_failed.is_none() && !ending.interrupted && row.failure.is_none() => {
            print_one(ctx, row, mode, secret, email, sessions.first())?;
            follow::tell(ctx, sessions.first());
            follow::verdict(sessions, later)
        }
        _ => finish(
            ctx,
            follow::merge(rows, sessions),
            follow::combine(ending, later),
        ),
    }
}
