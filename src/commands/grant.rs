//! `oktactl grant`: add users to a group, or give them an app through the
//! Okta group assigned to it, one user or many, through the change gate.

use clap::Args;

use crate::context::{ChangeArgs, Context};
use crate::error::Result;
use crate::gate::targets::BulkArgs;
use crate::provision::{change, Change, GroupArgs};

/// Add users to a group, or give them an app through its Okta group
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl grant jane.doe@acme.com --group 'Figma Users'
  oktactl grant jane.doe@acme.com --app Figma --ticket HD-1234
  oktactl grant --from new-hires.csv --group 00g1a2b3c4d5e6f7g8h9 -o json
  oktactl user list --query jan -o csv | oktactl grant --from - --group Sales
  oktactl grant --from staff.txt --app Slack --max-errors 10 --dry-run")]
pub struct GrantArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    #[command(flatten)]
    pub group: GroupArgs,
    /// Also add users who are not active (DEPROVISIONED, STAGED, SUSPENDED)
    #[arg(long)]
    pub include_inactive: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: GrantArgs) -> Result<()> {
    change(
        ctx,
        Change::Add,
        &args.users,
        &args.group,
        &args.bulk,
        args.include_inactive,
    )
}
