//! `oktactl mcp`: serve the help-desk tools to an agent (a help-desk bot)
//! over the Model Context Protocol, on stdin and stdout. The server itself
//! is `crate::mcp`.

use clap::Args;

use crate::context::Context;
use crate::error::Result;

/// Serve the help-desk tools to an agent over the Model Context Protocol (stdio)
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl mcp                              # the read tools only
  oktactl mcp --allow-writes               # and the change tools proven
  oktactl -v mcp --allow-writes 2>>mcp.log # a stderr line per tool call

Stdout carries only protocol messages; everything else goes to stderr.

Change tools take a user id (00u…), a ticket and the requester, pass the change gate and the policy, are written to the audit log with channel \"mcp\", and ask for confirmation through the client (elicitation) where the change takes something away.")]
pub struct McpArgs {
    /// Also offer the change tools (unlock, reset_password, reset_mfa, grant, revoke) whose rights the credential is proven to hold
    #[arg(long)]
    pub allow_writes: bool,
    /// Serve even when the credential holds SUPER_ADMIN or ORG_ADMIN (refused by default: an agent's credential holds the least roles)
    #[arg(long)]
    pub allow_excess: bool,
}

pub fn run(ctx: &Context, args: McpArgs) -> Result<()> {
    crate::mcp::serve(
        ctx,
        crate::mcp::Options {
            allow_writes: args.allow_writes,
            allow_excess: args.allow_excess,
        },
    )
}
