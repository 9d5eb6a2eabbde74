//! `oktactl verify`: prove that the caller holds the employee's enrolled
//! factor, before a reset (`crate::verify`). Exit 0 only for `verified`.

use std::time::Duration;

use clap::Args;

use crate::audit::{self, Audit, Channel, Run, Subject};
use crate::config;
use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};
use crate::gate::{refusal, Outcome};
use crate::interrupt;
use crate::policy::{self, duration, Verdict};
use crate::verify::{self, Method};

/// Verify a caller: an Okta Verify push with a number to read out, or a code they read back
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl verify jane.doe@acme.com                 # push, else a code
  oktactl verify jane.doe@acme.com --method sms --ticket HD-1234
  oktactl verify jane.doe@acme.com --method push --wait 2m
  echo 123456 | oktactl verify jane.doe@acme.com --method email
  oktactl reset-mfa jane.doe@acme.com --verify push   # verify, then reset

Push: Okta Verify shows the employee a choice of numbers; read out the one \
printed here, and they tap it. SMS, call, email: Okta sends a code, the \
caller reads it back, you type it at the prompt (a script gives it as one \
line on stdin; never as an argument). TOTP: the code their authenticator \
app shows. The result is verified, rejected, timed_out, wrong_code or \
no_factor; the exit code is 0 only for verified (no_factor: 3).

The audit log records each verification (method, factor, transaction, \
result; never a code), and changes run with --require-verified DURATION, or \
under a policy's verification.required_for, accept it for that long. At most \
3 challenges per user per 10 minutes (push bombing): the next is refused \
with exit 8 and nothing is sent.")]
pub struct VerifyArgs {
    /// The user: id (00u…), login or email
    #[arg(value_name = "USER")]
    pub user: String,
    /// How to verify: auto (a push if the user has Okta Verify, else the first of totp, sms, call, email)
    #[arg(long, value_enum, value_name = "METHOD", default_value_t = Method::Auto)]
    pub method: Method,
    /// How long to wait for the answer to a push, from 10s to 10m
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_wait)]
    pub wait: Duration,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// `--wait`: 10 seconds to 10 minutes (Okta's push expires after about 5).
fn parse_wait(text: &str) -> std::result::Result<Duration, String> {
    let d = duration::span(text).map_err(|e| format!("'{text}': {e}"))?;
    let secs = d.as_secs();
    if !(10..=600).contains(&secs) {
        return Err(format!("'{text}': from 10s to 10m"));
    }
    Ok(Duration::from_secs(secs.unsigned_abs()))
}

pub fn run(ctx: &Context, args: VerifyArgs) -> Result<()> {
    if args.user.trim().eq_ignore_ascii_case("me") {
        return Err(
            Error::usage("'me' names the credential's own admin account, not a caller")
                .hint("name the employee by id, login or email"),
        );
    }
    let ticket = ctx.change().ticket.clone();
    check_ticket(ctx, ticket.as_deref(), Channel::cli())?;
    interrupt::install()?;
    let client = ctx.client()?;
    let user = ctx.resolve_user(&args.user)?;
    let v = verify::run(ctx, client, &user, args.method, args.wait)?;
    let failed = v.error("nothing else was done");
    if v.result == Outcome::Verified {
        ctx.out.status(&format!(
            "verified: the caller holds {}'s {} factor",
            v.user,
            v.method.map_or("-", verify::Factor::as_str)
        ));
    }
    ctx.out.one(&v)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The policy's ticket pattern applies to a verification's ticket too
/// (`verify` is no command a policy can name: nothing else of it applies);
/// a refusal is written to the audit log, as the gate writes one.
/// `channel`: who asked (`oktactl mcp`'s `verify_caller` passes its own).
pub fn check_ticket(ctx: &Context, ticket: Option<&str>, channel: Channel) -> Result<()> {
    let ticket = ticket.filter(|t| !t.trim().is_empty()).map(str::to_string);
    let Some(policy) = policy::load(ctx.global.policy.as_deref())? else {
        return Ok(());
    };
    let Some(f) = policy.ticket_refusal("verify", ticket.as_deref()) else {
        return Ok(());
    };
    let e = refusal(&f);
    if !ctx.change().dry_run {
        let client = ctx.client()?;
        let audit = Audit::open_checked(Run {
            org: config::origin_text(client.origin()),
            profile: ctx.profile().to_string(),
            command: "verify".into(),
            ticket,
            channel,
        })?;
        let mark = policy.mark(&Verdict::Refuse(f));
        let id = audit::new_change_id();
        if let Err(ae) = audit.refused(&id, Subject::default(), None, &e.short(), &mark) {
            return Err(e.hint(format!(
                "the refusal could not be written to the audit log: {}",
                ae.message
            )));
        }
    }
    Err(e)
}
