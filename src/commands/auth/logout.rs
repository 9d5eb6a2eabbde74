//! `auth logout`: delete the profile's token or private key from the OS
//! keyring; with `--revoke`, first revoke the API token at Okta.

use clap::Args;

use crate::context::{ChangeArgs, Context};
use crate::error::{Kind, Result};

/// Delete the profile's token or private key from the OS keyring
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl auth logout
  oktactl auth logout --revoke         # asks, then revokes the token at Okta
  oktactl auth logout --revoke --yes   # in a script
  oktactl auth logout --revoke --dry-run")]
pub struct LogoutArgs {
    /// First revoke the API token at Okta (DELETE /api/v1/api-tokens/current), after a confirmation
    #[arg(long)]
    pub revoke: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: LogoutArgs) -> Result<()> {
    let revoked = args.revoke && super::revoke::run(ctx)?;
    let store = ctx.store();
    let profile = ctx.profile();
    if ctx.change().dry_run {
        ctx.out.status(&format!(
            "dry run: would delete the credential of profile '{profile}' from {}",
            store.backend()
        ));
        return Ok(());
    }
    match store.delete(profile) {
        Ok(true) => ctx.out.status(&format!(
            "Deleted the credential of profile '{profile}' from {}",
            store.backend()
        )),
        Ok(false) => ctx.out.status(&format!(
            "No credential was stored for profile '{profile}' in {}",
            store.backend()
        )),
        // The token is revoked already: a keyring that cannot be reached
        // holds nothing this profile used.
        Err(e) if revoked && e.kind == Kind::Auth => ctx.out.warn(&e.message),
        Err(e) => return Err(e),
    }
    if std::env::var("OKTA_API_TOKEN").is_ok_and(|v| !v.trim().is_empty()) {
        ctx.out.warn(if revoked {
            "OKTA_API_TOKEN still holds the revoked token: unset it"
        } else {
            "OKTA_API_TOKEN is still set in the environment and is still used"
        });
    }
    Ok(())
}
