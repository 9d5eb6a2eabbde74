//! `auth login`, `auth status`, `auth logout`.

mod login;
mod login_app;
mod logout;
mod revoke;
mod status;

use clap::Subcommand;

use crate::config::Profile;
use crate::context::Context;
use crate::credentials::{Entry, Secret};
use crate::error::Result;

/// Store, check or remove the API token or service-app key
#[derive(Debug, Subcommand)]
#[command(after_help = "Examples:
  oktactl auth login --org https://acme.okta.com
  oktactl auth status
  oktactl auth logout --revoke")]
pub enum AuthCommand {
    Login(login::LoginArgs),
    Status(status::StatusArgs),
    Logout(logout::LogoutArgs),
}

pub fn run(ctx: &Context, command: AuthCommand) -> Result<()> {
    match command {
        AuthCommand::Login(a) => login::run(ctx, a),
        AuthCommand::Status(a) => status::run(ctx, a),
        AuthCommand::Logout(a) => logout::run(ctx, a),
    }
}

/// After a verified login: the secret with its org into the keyring (it is
/// sent only there), then the profile (org, and for a service app its client
/// id and scopes) into the config.
fn remember(ctx: &Context, org: &str, secret: Secret, profile: Profile) -> Result<()> {
    // A config that cannot be used (not private, too large) stops the login
    // before anything is stored.
    let (path, cfg) = ctx.config()?;
    ctx.store().set(ctx.profile(), &Entry::new(org, secret))?;
    let mut cfg = cfg.clone();
    cfg.profiles.insert(ctx.profile().to_string(), profile);
    cfg.save(path)
}
