//! The change tools' jobs: the same `gate::Job`s the commands run, for one
//! user, planned and applied by `gate::run::run`.

use super::args::Args;
use super::catalog::Name;
use crate::commands::reset_mfa::ResetMfa;
use crate::commands::reset_password::EmailReset;
use crate::commands::shared::sessions::ClearSessions;
use crate::commands::unlock;
use crate::error::{Error, Result};
use crate::gate::report::{Ending, Row};
use crate::gate::run::{run, Pace};
use crate::gate::{Gate, Target};
use crate::provision::{check_changeable, Change, Membership};

const ONE: Pace = Pace {
    concurrency: 1,
    max_errors: None,
};

/// The arguments a change tool takes besides user, ticket, requester and
/// dry run.
#[derive(Debug, Default, Clone)]
pub struct Extra {
    pub force: bool,
    pub factor: Option<String>,
    pub group: Option<String>,
}

impl Extra {
    pub fn read(name: Name, args: &mut Args) -> Result<Extra> {
        let mut e = Extra::default();
        match name {
            Name::Unlock => e.force = args.flag("force")?,
            Name::ResetMfa => e.factor = args.text("factor")?,
            Name::Grant | Name::Revoke => e.group = Some(args.required("group")?),
            _ => {}
        }
        Ok(e)
    }
}

/// What a job said besides its row.
#[derive(Debug, Default)]
pub struct Notes {
    /// reset_password: where Okta sends the link.
    pub email: Option<String>,
    /// grant, revoke: the group and the apps it provisions.
    pub group: Option<String>,
}

/// Plan and apply the tool's change for the one target. `Err` only when
/// nothing was sent (the confirmation refused, or the group unusable).
pub fn run_one(
    gate: &Gate<'_>,
    name: Name,
    extra: &Extra,
    targets: &[Target],
) -> Result<(Vec<Row>, Ending, Notes)> {
    let mut notes = Notes::default();
    let (rows, ending) = match name {
        Name::Unlock => {
            let job = unlock::Unlock { force: extra.force };
            run(gate, &job, targets, ONE)?
        }
        Name::ResetPassword => {
            let reset = EmailReset::new();
            let out = run(gate, reset.job(), targets, ONE)?;
            notes.email = reset.email();
            out
        }
        Name::ResetMfa => {
            let job = ResetMfa::new(extra.factor.clone(), false, false);
            run(gate, &job, targets, ONE)?
        }
        Name::SessionsClear => run(gate, &ClearSessions::everything(), targets, ONE)?,
        Name::Grant | Name::Revoke => {
            let what = extra.group.as_deref().unwrap_or_default();
            let group = gate.client.find_group(what)?;
            check_changeable(gate.client, &group)?;
            let change = match name {
                Name::Grant => Change::Add,
                _ => Change::Remove,
            };
            let job = Membership::new(gate.client, change, &group, targets.len())?;
            notes.group = Some(job.described.clone());
            run(gate, &job, targets, ONE)?
        }
        _ => return Err(Error::failed("not a change tool")),
    };
    Ok((rows, ending, notes))
}
