//! `oktactl unsuspend`: return SUSPENDED users to ACTIVE, one or many,
//! through the change gate (`shared::suspension`, the other way; no
//! confirmation: it gives access back).

use clap::Args;

use crate::commands::shared::suspension::run_lifecycle;
use crate::context::{ChangeArgs, Context};
use crate::error::Result;
use crate::gate::targets::BulkArgs;

/// Unsuspend users: SUSPENDED back to ACTIVE
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl unsuspend jane.doe@acme.com --ticket HD-1234
  oktactl unsuspend --from cleared.csv

Only SUSPENDED users can be unsuspended; anyone else is reported \
not_suspended and nothing is sent.")]
pub struct UnsuspendArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: UnsuspendArgs) -> Result<()> {
    run_lifecycle(ctx, &args.users, &args.bulk, false)
}
