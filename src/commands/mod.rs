//! One file per command; one exhaustive match.

pub mod audit;
pub mod auth;
pub mod check_perms;
pub mod completions;
pub mod expiring;
pub mod grant;
pub mod log;
pub mod reset_mfa;
pub mod reset_password;
pub mod revoke;
pub mod unlock;
pub mod user;
pub mod whoami;
mod whoami_app;

use crate::cli::Command;
use crate::context::Context;
use crate::error::Result;

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Auth(c) => auth::run(ctx, c),
        Command::Whoami(a) => whoami::run(ctx, a),
        Command::User(c) => user::run(ctx, c),
        Command::Grant(a) => grant::run(ctx, a),
        Command::Revoke(a) => revoke::run(ctx, a),
        Command::Unlock(a) => unlock::run(ctx, a),
        Command::ResetPassword(a) => reset_password::run(ctx, a),
        Command::ResetMfa(a) => reset_mfa::run(ctx, a),
        Command::Log(a) => log::run(ctx, a),
        Command::Audit(a) => audit::run(ctx, a),
        Command::Expiring(a) => expiring::run(ctx, a),
        Command::CheckPerms(a) => check_perms::run(ctx, a),
        Command::Completions(a) => completions::run(ctx, a),
    }
}
