//! The root of the command line: `Cli` flattens the global options
//! (`context::GlobalArgs`) and holds the command (`commands::Command`).

use clap::Parser;

use crate::commands::Command;
use crate::context::GlobalArgs;
use crate::error;

/// What the root command's long help says after the options.
fn after_long_help() -> String {
    format!("{}\n{CREDENTIAL}", error::exit_codes_help())
}

const CREDENTIAL: &str = "\
Credential: OKTA_API_TOKEN (or OKTA_CLIENT_TOKEN); else an OAuth service app,
OKTA_CLIENT_ID with OKTA_PRIVATE_KEY (PEM text) or OKTA_PRIVATE_KEY_FILE;
else the OS keyring entry that `oktactl auth login` stores. A token or key
is never taken as an argument.";

/// Okta help-desk administration from the command line
#[derive(Debug, Parser)]
#[command(name = "oktactl", version, after_long_help = after_long_help(), propagate_version = true)]
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
