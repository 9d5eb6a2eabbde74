//! `oktactl grant`: add users to a group, or give them an app through the
//! Okta group assigned to it, one user or many, through the change gate.

use clap::Args;

use crate::context::Context;
use crate::error::Result;
use crate::gate::run::run_all;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Gate};
use crate::provision::{check_changeable, pick_group, Change, GroupArgs, Membership};

/// Add users to a group, or give them an app through its Okta group
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl grant jane.doe@acme.com --group 'Figma Users'
  oktactl grant jane.doe@acme.com --app Figma --ticket HD-1234
  oktactl grant --from new-hires.csv --group 00g1a2b3c4d5e6f7g8h9 -o json
  oktactl user list --query jane -o csv | oktactl grant --from - --group 'Figma Users'
  oktactl grant --from staff.txt --app Slack --concurrency 8 --max-errors 10 --dry-run")]
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

/// Grant or revoke: the group, its check, the announcement, then the rows.
pub fn change(
    ctx: &Context,
    change: Change,
    users: &[String],
    group: &GroupArgs,
    bulk: &BulkArgs,
    include_inactive: bool,
) -> Result<()> {
    let targets = read_targets(users, bulk.from.as_deref())?;
    let command = match change {
        Change::Add => "grant",
        Change::Remove => "revoke",
    };
    let gate = Gate::open(ctx, command)?;
    let group = pick_group(ctx, group)?;
    check_changeable(gate.client, &group)?;
    let mut job = Membership::new(gate.client, change, &group, targets.len())?;
    job.include_inactive = include_inactive;
    let prefix = if ctx.global.dry_run { "dry run: " } else { "" };
    let users = match targets.len() {
        1 => "1 user".to_string(),
        n => format!("{n} users"),
    };
    let doing = match change {
        Change::Add => "adding",
        Change::Remove => "checking",
    };
    let to = match change {
        Change::Add => "to",
        Change::Remove => "in",
    };
    ctx.out
        .status(&format!("{prefix}{doing} {users} {to} {}", job.described));
    run_all(&gate, &job, &targets, bulk.pace())
}
