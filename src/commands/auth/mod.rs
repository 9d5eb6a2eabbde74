//! `auth login`, `auth status`, `auth logout`.

mod login;
mod logout;
mod status;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Verify an API token and store it in the OS keyring
    Login(login::LoginArgs),
    /// Show the org, profile, where the token comes from and whether it works
    Status(status::StatusArgs),
    /// Delete the profile's token from the OS keyring
    Logout(logout::LogoutArgs),
}

pub fn run(ctx: &Context, command: AuthCommand) -> Result<()> {
    match command {
        AuthCommand::Login(a) => login::run(ctx, a),
        AuthCommand::Status(a) => status::run(ctx, a),
        AuthCommand::Logout(a) => logout::run(ctx, a),
    }
}
