use clap::Args;

use super::grant::{change_all, describe, BulkArgs};
use crate::bulk;
use crate::context::Context;
use crate::error::Result;
use crate::provision::{check_changeable, Change};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl revoke jane.doe@acme.com --group 'Figma Users'
  oktactl revoke --from leavers.csv --group 00g1a2b3c4d5e6f7g8h9 --yes --ticket HD-1234
  oktactl revoke --from leavers.csv --group 'Figma Users' --dry-run")]
pub struct RevokeArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// The group to remove them from: an id (00g…) or exact name
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

pub fn run(ctx: &Context, args: RevokeArgs) -> Result<()> {
    let targets = bulk::read_targets(&args.users, args.bulk.from.as_deref())?;
    let users = match targets.as_slice() {
        [one] => one.clone(),
        many => format!("{} users", many.len()),
    };
    let what = format!("removing {users} from group '{}'", args.group);
    // Without a terminal to ask at, refuse before anything is sent.
    if !ctx.out.term.interactive() {
        ctx.confirm(&what, "")?;
    }
    let client = ctx.client()?;
    let group = client.find_group(&args.group)?;
    check_changeable(client, &group)?;
    let described = describe(client, &group);
    let prefix = if ctx.global.dry_run { "dry run: " } else { "" };
    ctx.out
        .status(&format!("{prefix}removing {users} from {described}"));
    let single = match targets.as_slice() {
        [one] => {
            let user = ctx.resolve_user(one);
            if let Ok(u) = &user {
                ctx.show_identity(u);
                ctx.confirm(&what, &format!("Remove {} from {described}?", u.login()))?;
            }
            Some(user)
        }
        many => {
            ctx.confirm(
                &what,
                &format!("Remove {} users from {described}?", many.len()),
            )?;
            None
        }
    };
    change_all(ctx, Change::Remove, &group, &targets, &args.bulk, single)
}
