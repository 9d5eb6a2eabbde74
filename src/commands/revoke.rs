//! `oktactl revoke`: remove users from a group (or the Okta group of an
//! app), one user or many, after a confirmation that names them.

use clap::Args;

use crate::context::{ChangeArgs, Context};
use crate::error::Result;
use crate::gate::targets::BulkArgs;
use crate::provision::{change, Change, GroupArgs};

/// Remove users from a group, or take an app away through its Okta group
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl revoke jane.doe@acme.com --group 'Figma Users'
  oktactl revoke jane.doe@acme.com --app Figma --ticket HD-1234
  oktactl revoke --from leavers.csv --group 00g1a2b3c4d5e6f7g8h9 --yes
  oktactl revoke --from leavers.csv --group 'Figma Users' --dry-run

Users who are not members need no confirmation; above 10 removals the \
confirmation asks for their number to be typed.")]
pub struct RevokeArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    #[command(flatten)]
    pub group: GroupArgs,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: RevokeArgs) -> Result<()> {
    change(
        ctx,
        Change::Remove,
        &args.users,
        &args.group,
        &args.bulk,
        false,
    )
}
