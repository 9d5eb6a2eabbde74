//! `oktactl tac revoke USER`: find the user's TAC enrolment and delete it
//! through the change gate (confirmation: it takes access away).

use clap::Args;

use super::feature;
use crate::context::{ChangeArgs, Context};
use crate::error::Result;
use crate::gate::run::run_all;
use crate::gate::run::Pace;
use crate::gate::targets::one_target;
use crate::gate::{Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::factors::Source;
use crate::okta::models::User;

/// Revoke a user's Temporary Access Code
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl tac revoke jane.doe@acme.com --ticket HD-1234
  oktactl tac revoke jane.doe@acme.com --dry-run

The code is found among the user's authenticator enrolments (type tac) and \
deleted; a user without one is reported no_tac and nothing is sent.")]
pub struct RevokeArgs {
    /// The user: id (00u…), login or email
    #[arg(value_name = "USER")]
    pub user: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

struct Revoke;

impl Job for Revoke {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, feature::lookup) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let mut row = Row::new(t.row, &t.input, Outcome::NoTac);
        row.user = user.login().to_string();
        row.user_id = Some(user.id.clone());
        let listed = gate
            .client
            .list_enrolled(&user.id, Source::Enrollments)
            .map_err(|e| {
                feature::explain(e.context(format!("listing the enrolments of {}", user.login())))
            });
        let tacs: Vec<String> = match listed {
            Ok(l) => l
                .items
                .into_iter()
                .filter(|e| e.kind == "tac")
                .map(|e| e.id)
                .collect(),
            Err(e) => {
                row.result = Outcome::Failed;
                return Step::Done(Box::new(row.with_failure(e)));
            }
        };
        let Some(first) = tacs.first() else {
            if single {
                gate.ctx.out.status(&format!(
                    "{} holds no Temporary Access Code: nothing to revoke, nothing sent",
                    user.login()
                ));
            }
            return Step::Done(Box::new(row));
        };
        if tacs.len() > 1 {
            gate.ctx.out.warn(&format!(
                "{} lists {} Temporary Access Code enrolments ({}): revoking {first}; run the command again for the next",
                user.login(),
                tacs.len(),
                tacs.join(", ")
            ));
        }
        let planned = Planned {
            call: Call::delete_enrollment(&user.id, first),
            user_id: user.id.clone(),
            user: user.login().to_string(),
            group: None,
            done: Outcome::TacRevoked,
            would: Outcome::WouldRevokeTac,
            // Gone since it was listed (expired, or revoked by someone else).
            noop: Some(("E0000007", Outcome::NoTac)),
        };
        Step::Change(Box::new(planned), Box::new(user))
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        row.explain(|e| feature::explain(e.context(format!("revoking the TAC of {}", p.user))));
        if single && row.result == Outcome::TacRevoked {
            gate.ctx
                .out
                .status(&format!("revoked the Temporary Access Code of {}", p.user));
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        let u = user?;
        Some(format!(
            "Revoke the Temporary Access Code of {} ({})?",
            u.name(),
            u.login()
        ))
    }

    fn what(&self, _: usize) -> String {
        "revoking a Temporary Access Code".into()
    }
}

pub fn run(ctx: &Context, args: RevokeArgs) -> Result<()> {
    let targets = one_target(&args.user)?;
    let gate = Gate::open(ctx, "tac revoke")?;
    let pace = Pace {
        concurrency: 1,
        max_errors: None,
    };
    run_all(&gate, &Revoke, &targets, pace)
}
