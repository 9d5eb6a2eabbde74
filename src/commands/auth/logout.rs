//! `auth logout`: delete the profile's token or private key from the OS keyring.

use clap::Args;

use crate::context::Context;
use crate::error::Result;

/// Delete the profile's token or private key from the OS keyring
#[derive(Debug, Args)]
pub struct LogoutArgs {}

pub fn run(ctx: &Context, _args: LogoutArgs) -> Result<()> {
    let store = ctx.store();
    let profile = ctx.profile();
    if ctx.global.dry_run {
        ctx.out.status(&format!(
            "dry run: would delete the credential of profile '{profile}' from {}",
            store.backend()
        ));
        return Ok(());
    }
    if store.delete(profile)? {
        ctx.out.status(&format!(
            "Deleted the credential of profile '{profile}' from {}",
            store.backend()
        ));
    } else {
        ctx.out.status(&format!(
            "No credential was stored for profile '{profile}' in {}",
            store.backend()
        ));
    }
    if std::env::var("OKTA_API_TOKEN").is_ok_and(|v| !v.trim().is_empty()) {
        ctx.out
            .warn("OKTA_API_TOKEN is still set in the environment and is still used");
    }
    Ok(())
}
