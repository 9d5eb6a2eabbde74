//! Suspending and unsuspending, one job both ways (`suspend`, `unsuspend`):
//! a user not in the status the change starts from is a no-op
//! (`not_active`, `not_suspended`), counted ok, and nothing is sent.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::run::run_all;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::User;
use crate::perms::{needs_role_for, Jobs, SUSPEND, SUSPEND_ROLES};
use crate::preflight;

/// Suspend (`true`) or unsuspend (`false`).
struct Lifecycle {
    pub suspend: bool,
}

/// Statuses where a user who is not suspended may still get in (after an
/// unlock, a reset, an activation): a containment must know.
const NOT_CONTAINED: [&str; 4] = ["LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY", "PROVISIONED"];

fn explain(e: Error) -> Error {
    needs_role_for(e, SUSPEND_ROLES, Jobs::Containment)
}

impl Lifecycle {
    /// The status the change starts from, its call, outcomes and no-op.
    fn shape(&self, id: &str) -> (&'static str, Call, Outcome, Outcome, Outcome) {
        match self.suspend {
            true => (
                "ACTIVE",
                Call::suspend(id),
                Outcome::Suspended,
                Outcome::WouldSuspend,
                Outcome::NotActiveNoop,
            ),
            false => (
                "SUSPENDED",
                Call::unsuspend(id),
                Outcome::Unsuspended,
                Outcome::WouldUnsuspend,
                Outcome::NotSuspended,
            ),
        }
    }
}

impl Job for Lifecycle {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, explain) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let (from, call, done, would, noop) = self.shape(&user.id);
        let planned = Planned {
            call,
            user_id: user.id.clone(),
            user: user.login().to_string(),
            group: None,
            done,
            would,
            // A status changed since the lookup: Okta's "not allowed in the
            // user's current status" (which code it gives here is UNCONFIRMED).
            noop: Some(("E0000038", noop)),
        };
        if user.status == from {
            return Step::Change(Box::new(planned), Box::new(user));
        }
        let mut row = Row::planned(t.row, &t.input, &planned, noop);
        let open = self.suspend && NOT_CONTAINED.contains(&user.status.as_str());
        if open {
            row.detail = Some(format!(
                "{}: may still get access; Okta suspends only ACTIVE users",
                user.status
            ));
        }
        if single {
            let what = if self.suspend { "suspend" } else { "unsuspend" };
            gate.ctx.out.status(&format!(
                "{} is {}, not {from}: nothing to {what}, nothing sent",
                user.login(),
                user.status
            ));
            if open {
                gate.ctx.out.warn(&format!(
                    "{} is not contained: a {} user may get access again (an unlock, a password reset); end the sessions with `oktactl sessions clear {}`, or deactivate the user in the Admin Console",
                    user.login(),
                    user.status,
                    user.id
                ));
            }
        }
        Step::Done(Box::new(row))
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        let doing = if self.suspend {
            "suspending"
        } else {
            "unsuspending"
        };
        row.explain(|e| explain(e.context(format!("{doing} {}", p.user))));
        if single {
            let out = &gate.ctx.out;
            match row.result {
                Outcome::Suspended => out.status(&format!(
                    "suspended {}: they cannot sign in until `oktactl unsuspend {}`",
                    p.user, p.user
                )),
                Outcome::Unsuspended => {
                    out.status(&format!("unsuspended {}: ACTIVE again", p.user))
                }
                Outcome::NotActiveNoop | Outcome::NotSuspended => out.status(&format!(
                    "{}: Okta says its status no longer allows this; nothing changed",
                    p.user
                )),
                _ => {}
            }
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        if !self.suspend {
            return None;
        }
        Some(match user {
            Some(u) => format!(
                "Suspend {} ({})? They cannot sign in until unsuspended",
                u.name(),
                u.login()
            ),
            None => "Suspend {n} users".into(),
        })
    }

    fn what(&self, rows: usize) -> String {
        let verb = if self.suspend {
            "suspending"
        } else {
            "unsuspending"
        };
        match rows {
            1 => format!("{verb} a user"),
            n => format!("{verb} {n} users"),
        }
    }
}

/// Suspend or unsuspend the users given.
pub fn run_lifecycle(
    ctx: &Context,
    users: &[String],
    bulk: &BulkArgs,
    suspend: bool,
) -> Result<()> {
    let targets = read_targets(users, bulk)?;
    let command = if suspend { "suspend" } else { "unsuspend" };
    let gate = Gate::open(ctx, command)?;
    preflight::check(ctx, SUSPEND, None, targets.len(), bulk.no_preflight)?;
    run_all(&gate, &Lifecycle { suspend }, &targets, bulk.pace())
}
