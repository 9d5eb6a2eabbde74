//! The command-line tree (clap derive).

use clap::Parser;

use crate::commands::Command;
use crate::context::GlobalArgs;

const EXIT_CODES: &str = "\
Exit codes:
  0  success, including no-ops (already a member, not locked)
  1  the operation failed: a gap found, or some rows of a bulk command failed
  2  usage: bad flags or values, invalid org URL, confirmation needed but impossible
  3  not found, or ambiguous: a user, group or app
  4  authentication: no token, or Okta rejected it
  5  permission denied: the token's admin lacks a role
  6  rate limited: Okta still answered 429 after the allowed waiting
  7  network or server: connection, timeout, 5xx, an answer that is not Okta's JSON

Credential: OKTA_API_TOKEN (or OKTA_CLIENT_TOKEN); else an OAuth service app,
OKTA_CLIENT_ID with OKTA_PRIVATE_KEY (PEM text) or OKTA_PRIVATE_KEY_FILE;
else the OS keyring entry that `oktactl auth login` stores. A token or key
is never taken as an argument.";

/// Okta help-desk administration from the command line
#[derive(Debug, Parser)]
#[command(name = "oktactl", version, after_long_help = EXIT_CODES, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    pub fn command() -> clap::Command {
        <Cli as clap::CommandFactory>::command()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn clap_tree_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
