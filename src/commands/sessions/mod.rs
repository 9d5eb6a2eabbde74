//! `oktactl sessions`: a user's Okta sessions.

mod clear;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

/// End users' Okta sessions
#[derive(Debug, Subcommand)]
#[command(after_help = "Examples:
  oktactl sessions clear jane.doe@acme.com --ticket HD-1234")]
pub enum SessionsCommand {
    Clear(clear::ClearArgs),
}

pub fn run(ctx: &Context, command: SessionsCommand) -> Result<()> {
    match command {
        SessionsCommand::Clear(a) => clear::run(ctx, a),
    }
}
