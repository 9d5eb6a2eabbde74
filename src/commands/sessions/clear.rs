//! `oktactl sessions clear`: end users' Okta sessions, OAuth tokens and
//! remembered devices, one or many, through the change gate.

use clap::Args;

use crate::commands::shared::sessions::ClearSessions;
use crate::context::{ChangeArgs, Context};
use crate::error::Result;
use crate::gate::run::run_all;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Gate};
use crate::perms::SESSIONS;
use crate::preflight;

/// End users' Okta sessions, with their OAuth tokens and remembered devices
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl sessions clear jane.doe@acme.com --ticket HD-1234
  oktactl sessions clear jane.doe@acme.com --keep-devices
  oktactl sessions clear --from compromised.csv --yes
  oktactl sessions clear jane.doe@acme.com --dry-run

Sends DELETE /api/v1/users/{id}/sessions with oauthTokens and forgetDevices \
always given (both true unless kept; Okta's own defaults differ). Sessions \
that apps created themselves are not ended.")]
pub struct ClearArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Keep the user's OAuth and OpenID Connect tokens (oauthTokens=false)
    #[arg(long)]
    pub keep_oauth_tokens: bool,
    /// Keep remembered factors on the user's devices (forgetDevices=false)
    #[arg(long)]
    pub keep_devices: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: ClearArgs) -> Result<()> {
    let targets = read_targets(&args.users, &args.bulk)?;
    let gate = Gate::open(ctx, "sessions clear")?;
    preflight::check(ctx, SESSIONS, None, targets.len(), args.bulk.no_preflight)?;
    let job = ClearSessions {
        oauth_tokens: !args.keep_oauth_tokens,
        forget_devices: !args.keep_devices,
        known: None,
    };
    run_all(&gate, &job, &targets, args.bulk.pace())
}
