//! `oktactl suspend`: suspend ACTIVE users, one or many, through the change
//! gate (confirmation: it takes access away). The job is shared with
//! `unsuspend` (`shared::suspension`).

use clap::Args;

use crate::commands::shared::suspension::run_lifecycle;
use crate::context::{ChangeArgs, Context};
use crate::error::Result;
use crate::gate::targets::BulkArgs;

/// Suspend users: they cannot sign in until unsuspended (groups and apps are kept)
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl suspend jane.doe@acme.com --ticket HD-1234
  oktactl suspend --from compromised.csv --yes
  oktactl suspend jane.doe@acme.com --dry-run
  oktactl unsuspend jane.doe@acme.com

Only ACTIVE users can be suspended; anyone else is reported not_active and \
nothing is sent. Whether a suspension ends sessions that are already open is \
not documented by Okta: run `oktactl sessions clear` too.")]
pub struct SuspendArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: SuspendArgs) -> Result<()> {
    run_lifecycle(ctx, &args.users, &args.bulk, true)
}
