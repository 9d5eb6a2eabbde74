//! `policy show` and `policy check`: the local policy every change passes
//! (see `crate::policy`), shown with where each value came from, and a
//! file checked before it is put in place.

mod check;
mod show;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

/// Show or check the local policy that every change must pass
#[derive(Debug, Subcommand)]
#[command(after_help = "Examples:
  oktactl policy show
  oktactl policy check new-policy.toml")]
pub enum PolicyCommand {
    Show(show::ShowArgs),
    Check(check::CheckArgs),
}

pub fn run(ctx: &Context, command: PolicyCommand) -> Result<()> {
    match command {
        PolicyCommand::Show(a) => show::run(ctx, a),
        PolicyCommand::Check(a) => check::run(ctx, a),
    }
}
