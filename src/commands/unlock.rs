//! `oktactl unlock`: unlock locked-out users, one or many, through the
//! change gate (dry run, audit, bulk pacing, interrupts).

use clap::Args;

use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};
use crate::gate::run::run_all;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::User;
use crate::perms::{needs_role, HELP_DESK, PASSWORD_RESET};
use crate::preflight;
use crate::verify::{before, CallerArgs};

/// Unlock locked-out users
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl unlock jane.doe@acme.com
  oktactl unlock jane.doe@acme.com --require-verified 15m  # verified before
  oktactl unlock jane.doe@acme.com bob@acme.com --ticket HD-1234
  oktactl unlock --from locked.csv -o json --concurrency 8 --max-errors 5
  oktactl user list --status LOCKED_OUT -o csv | oktactl unlock --from -
  oktactl unlock jane.doe@acme.com --force   # ACTIVE, blocked from new devices")]
pub struct UnlockArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Send the unlock even when the user is not LOCKED_OUT
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub caller: CallerArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The unlock job, for `unlock` and `triage`.
pub struct Unlock {
    pub force: bool,
}

impl Job for Unlock {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, |e| needs_role(e, HELP_DESK)) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let login = user.login().to_string();
        let planned = Planned {
            call: Call::unlock(&user.id),
            user_id: user.id.clone(),
            user: login.clone(),
            group: None,
            done: Outcome::Unlocked,
            would: Outcome::WouldUnlock,
            noop: Some(("E0000032", Outcome::NotLocked)),
        };
        if let Some(e) = directory_sourced(&user) {
            let row = Row::planned(t.row, &t.input, &planned, Outcome::Refused);
            return Step::Done(Box::new(row.with_failure(e)));
        }
        if user.status != "LOCKED_OUT" && !self.force {
            if single {
                gate.ctx.out.status(&format!(
                    "{login} is {}, not locked out: nothing sent (--force sends the unlock anyway)",
                    user.status
                ));
            }
            let mut row = Row::planned(t.row, &t.input, &planned, Outcome::NotLocked);
            row.error = None;
            return Step::Done(Box::new(row));
        }
        Step::Change(Box::new(planned), Box::new(user))
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        row.explain(|e| needs_role(e.context(format!("unlocking {}", p.user)), HELP_DESK));
        if single {
            match row.result {
                Outcome::Unlocked => gate.ctx.out.status(&format!("unlocked {}", p.user)),
                Outcome::NotLocked => gate
                    .ctx
                    .out
                    .status(&format!("{}: Okta says there is nothing to unlock", p.user)),
                _ => {}
            }
        }
        row
    }

    fn what(&self, rows: usize) -> String {
        format!("unlocking {rows} users")
    }
}

pub fn run(ctx: &Context, args: UnlockArgs) -> Result<()> {
    let mut targets = read_targets(&args.users, &args.bulk)?;
    let mut gate = Gate::open(ctx, "unlock")?;
    preflight::check(
        ctx,
        PASSWORD_RESET,
        None,
        targets.len(),
        args.bulk.no_preflight,
    )?;
    before(&mut gate, &mut targets, &args.caller)?;
    run_all(
        &gate,
        &Unlock { force: args.force },
        &targets,
        args.bulk.pace(),
    )
}

/// Okta's unlock applies to Okta-sourced users only, not to accounts from
/// Active Directory or LDAP: refuse those before anything is sent (also
/// with `--force`, which is about the status, not the source).
fn directory_sourced(user: &User) -> Option<Error> {
    let (directory, fix) = match user.provider_type() {
        "ACTIVE_DIRECTORY" => (
            "Active Directory",
            "unlock the account in Active Directory (Active Directory Users and Computers, or `Unlock-ADAccount`)",
        ),
        "LDAP" => (
            "an LDAP directory",
            "unlock the account in the LDAP directory",
        ),
        _ => return None,
    };
    Some(
        Error::failed(format!(
            "cannot unlock {}: the account comes from {directory}, and Okta's unlock applies only to users sourced in Okta; nothing was sent",
            user.login()
        ))
        .why(format!("Okta's unlock does not apply to users sourced from {directory}"))
        .hint(fix),
    )
}
