//! The one `Command` enum and its one exhaustive match; each command lives in
//! its own file (args and run together), a group in its own folder.

pub mod audit;
pub mod auth;
pub mod check_perms;
pub mod completions;
pub mod expiring;
pub mod grant;
pub mod lockouts;
pub mod log;
#[cfg(feature = "mcp")]
pub mod mcp;
pub mod policy;
pub mod reset_mfa;
pub mod reset_password;
pub mod revoke;
pub mod sessions;
pub mod shared;
pub mod suspend;
pub mod tac;
pub mod triage;
pub mod unlock;
pub mod unsuspend;
pub mod user;
pub mod verify;
pub mod whoami;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(subcommand)]
    Auth(auth::AuthCommand),
    Whoami(whoami::WhoamiArgs),
    #[command(subcommand)]
    User(user::UserCommand),
    Verify(verify::VerifyArgs),
    Grant(grant::GrantArgs),
    Revoke(revoke::RevokeArgs),
    Unlock(unlock::UnlockArgs),
    ResetPassword(reset_password::ResetPasswordArgs),
    ResetMfa(reset_mfa::ResetMfaArgs),
    #[command(subcommand)]
    Sessions(sessions::SessionsCommand),
    Suspend(suspend::SuspendArgs),
    Unsuspend(unsuspend::UnsuspendArgs),
    Tac(tac::TacArgs),
    Log(log::LogArgs),
    Lockouts(lockouts::LockoutsArgs),
    Triage(triage::TriageArgs),
    Audit(audit::AuditArgs),
    Expiring(expiring::ExpiringArgs),
    CheckPerms(check_perms::CheckPermsArgs),
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    Completions(completions::CompletionsArgs),
    #[cfg(feature = "mcp")]
    Mcp(mcp::McpArgs),
}

pub fn run(ctx: &Context, command: Command) -> Result<()> {
    match command {
        Command::Auth(c) => auth::run(ctx, c),
        Command::Whoami(a) => whoami::run(ctx, a),
        Command::User(c) => user::run(ctx, c),
        Command::Verify(a) => verify::run(ctx, a),
        Command::Grant(a) => grant::run(ctx, a),
        Command::Revoke(a) => revoke::run(ctx, a),
        Command::Unlock(a) => unlock::run(ctx, a),
        Command::ResetPassword(a) => reset_password::run(ctx, a),
        Command::ResetMfa(a) => reset_mfa::run(ctx, a),
        Command::Sessions(c) => sessions::run(ctx, c),
        Command::Suspend(a) => suspend::run(ctx, a),
        Command::Unsuspend(a) => unsuspend::run(ctx, a),
        Command::Tac(a) => tac::run(ctx, a),
        Command::Log(a) => log::run(ctx, a),
        Command::Lockouts(a) => lockouts::run(ctx, a),
        Command::Triage(a) => triage::run(ctx, a),
        Command::Audit(a) => audit::run(ctx, a),
        Command::Expiring(a) => expiring::run(ctx, a),
        Command::CheckPerms(a) => check_perms::run(ctx, a),
        Command::Policy(c) => policy::run(ctx, c),
        Command::Completions(a) => completions::run(ctx, a),
        #[cfg(feature = "mcp")]
        Command::Mcp(a) => mcp::run(ctx, a),
    }
}
