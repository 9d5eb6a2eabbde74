//! `oktactl reset-mfa`: remove a user's MFA factors (all, or one by id or
//! type), or every factor of many users, through the change gate. What is
//! enrolled is listed before the change (from the authenticator enrolments
//! where the org has them, else the Factors API) and again after it, and
//! what went is recorded in the result and the audit log.

mod job;
mod pick;
mod plan;

use clap::Args;
use serde::Serialize;

use crate::commands::shared::sessions::follow::{self, SessionsOut};
use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};
use crate::gate::report::{finish, Ending};
use crate::gate::run::run as run_rows;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Gate, Outcome, Row};
use crate::okta::factors::{Enrolled, Source};
use crate::output::{Format, Tabular};
use crate::perms::PASSWORD_RESET;
use crate::preflight;
use crate::verify::{before, CallerArgs};
pub use job::ResetMfa;

/// Reset a user's MFA factors, all of them or one
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-mfa jane.doe@acme.com --ticket HD-1234      # all factors
  oktactl reset-mfa jane.doe@acme.com --verify push   # verify the caller first
  oktactl reset-mfa jane.doe@acme.com --factor sms
  oktactl reset-mfa jane.doe@acme.com --factor sms --remove-recovery-phone
  oktactl reset-mfa jane.doe@acme.com --factor mbl1abcd --dry-run
  oktactl reset-mfa --from lost-phones.csv --yes --ticket HD-1300
  oktactl reset-mfa jane.doe@acme.com --clear-sessions   # maybe an impostor

Enrolments are listed from the authenticator enrolments where the org has \
them, else from the Factors API (which may not show them all: a warning says \
so). Removing push or signed_nonce also removes the user's other TOTP, \
signed_nonce and Okta Verify push factors. After the reset the list is read \
again, and what went is shown and written to the audit log.

--clear-sessions then ends the sessions, OAuth tokens and remembered devices \
of each user whose factors were reset, as a second change (as `sessions clear` does).")]
pub struct ResetMfaArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Remove only this factor: its id, or its type (sms, push, token:software:totp, …); one user
    #[arg(long, value_name = "TYPE|ID")]
    pub factor: Option<String>,
    /// With --factor naming an sms or call factor: remove the phone number as a recovery method too
    #[arg(long, requires = "factor")]
    pub remove_recovery_phone: bool,
    /// Then end the user's sessions, OAuth tokens and remembered devices (a second change)
    #[arg(long)]
    pub clear_sessions: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub caller: CallerArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Clone, Serialize)]
struct FactorOut {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    provider: String,
}

impl From<&Enrolled> for FactorOut {
    fn from(f: &Enrolled) -> Self {
        FactorOut {
            id: f.id.clone(),
            kind: f.kind.clone(),
            provider: f.provider.clone(),
        }
    }
}

impl Tabular for FactorOut {
    fn columns() -> Vec<&'static str> {
        vec!["type", "provider", "id"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.kind.clone(), self.provider.clone(), self.id.clone()]
    }
}

#[derive(Debug, Serialize)]
struct Outcome1 {
    user: String,
    user_id: Option<String>,
    result: Outcome,
    /// What the change removes, as planned.
    factors_reset: Vec<FactorOut>,
    /// `authenticator_enrollments` or `factors`.
    listed_from: &'static str,
    /// Whether the list shows every enrolment (only the enrolments list does).
    list_complete: bool,
    /// Read back after the change: gone from the list, and still in it.
    removed: Option<Vec<FactorOut>>,
    remaining: Option<Vec<FactorOut>>,
    change_id: Option<String>,
    request_id: Option<String>,
    /// The sessions change of `--clear-sessions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    sessions: Option<SessionsOut>,
}

pub fn run(ctx: &Context, args: ResetMfaArgs) -> Result<()> {
    let mut targets = read_targets(&args.users, &args.bulk)?;
    if args.factor.is_some() && targets.len() > 1 {
        return Err(Error::usage("--factor takes a single user")
            .hint("without --factor, every factor of each user is reset"));
    }
    let mut gate = Gate::open(ctx, "reset-mfa")?;
    preflight::check(
        ctx,
        PASSWORD_RESET,
        None,
        targets.len(),
        args.bulk.no_preflight,
    )?;
    before(&mut gate, &mut targets, &args.caller)?;
    let job = ResetMfa::new(args.factor, args.remove_recovery_phone, args.clear_sessions);
    let pace = args.bulk.pace();
    let (rows, ending) = run_rows(&gate, &job, &targets, pace)?;
    // Only a reset that was done (or may have been, or would be) is followed.
    let reset = |o| matches!(o, Outcome::Reset | Outcome::WouldReset | Outcome::Unknown);
    let (sessions, later) = match args.clear_sessions {
        true => follow::after(&gate, &rows, pace, reset)?,
        false => (Vec::new(), Ending::default()),
    };
    match rows.as_slice() {
        [row] if ending.audit_failed.is_none() && !ending.interrupted && row.failure.is_none() => {
            print_one(ctx, row, &job, sessions.first())?;
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

fn print_one(ctx: &Context, row: &Row, job: &ResetMfa, sessions: Option<&Row>) -> Result<()> {
    let id = row.user_id.as_deref().unwrap_or_default();
    let plan = job.plan_of(id);
    let outs = |v: &[Enrolled]| v.iter().map(FactorOut::from).collect::<Vec<_>>();
    let after = job.after_of(id).and_then(|a| a.ok());
    let o = Outcome1 {
        user: row.who().to_string(),
        user_id: row.user_id.clone(),
        result: row.result,
        factors_reset: plan.as_ref().map(|p| outs(&p.removes)).unwrap_or_default(),
        listed_from: plan
            .as_ref()
            .map_or(Source::Factors, |p| p.before.source)
            .as_str(),
        list_complete: plan.as_ref().is_some_and(|p| p.before.complete()),
        removed: after.as_ref().map(|a| outs(&a.removed)),
        remaining: after.as_ref().map(|a| outs(&a.remaining)),
        change_id: row.change_id.clone(),
        request_id: row.request_id.clone(),
        sessions: sessions.map(SessionsOut::from),
    };
    // A table and CSV show what went, once read back; else what is planned.
    let shown = o.removed.as_ref().unwrap_or(&o.factors_reset);
    match ctx.out.format {
        Format::Json => ctx.out.json(&o),
        Format::Csv => ctx.out.list(shown.iter().map(Ok)).map(|_| ()),
        Format::Table if shown.is_empty() => Ok(()),
        Format::Table => {
            let rows = shown.iter().map(|f| f.row()).collect();
            ctx.out
                .data(&ctx.out.table(&FactorOut::columns(), rows).to_string())
        }
    }
}
