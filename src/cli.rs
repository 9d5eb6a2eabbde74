//! The command-line tree (clap derive).

use clap::{Args, Parser};

use crate::commands::Command;
use crate::output::Format;

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

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The Okta org, e.g. https://acme.okta.com (also read: OKTA_CLIENT_ORGURL)
    #[arg(long, global = true, env = "OKTA_ORG_URL", value_name = "URL")]
    pub org: Option<String>,

    /// A named profile from the config file
    #[arg(
        long,
        global = true,
        env = "OKTACTL_PROFILE",
        value_name = "NAME",
        default_value = "default"
    )]
    pub profile: String,

    /// Output format
    #[arg(short, long, global = true, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub output: Format,

    /// Answer yes to every confirmation
    #[arg(short, long, global = true)]
    pub yes: bool,

    /// Print what a mutating command would do and send no mutating request
    #[arg(long, global = true)]
    pub dry_run: bool,

    /// One stderr line per HTTP request (never the token)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Only errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// No ANSI colour (also: NO_COLOR, or stdout not a terminal)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// The help-desk ticket a mutating command serves, for the audit log
    #[arg(long, global = true, env = "OKTACTL_TICKET", value_name = "ID")]
    pub ticket: Option<String>,

    /// Seconds to wait for each HTTP request
    #[arg(long, global = true, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
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
