//! The root of the command line: `Cli` flattens the global options
//! (`context::GlobalArgs`) and holds the command (`commands::Command`);
//! `parse` also hands back the change options of the command given
//! (`context::ChangeArgs`), which only commands that change things take.

use std::ffi::OsString;

use clap::{FromArgMatches, Parser};

use crate::commands::Command;
use crate::context::{ChangeArgs, GlobalArgs};
use crate::error;

/// What the root command's help says after the options.
const EXAMPLES: &str = "\
Examples:
  oktactl auth login --org https://acme.okta.com
  oktactl user show jane.doe@acme.com
  oktactl unlock jane.doe@acme.com --ticket HD-1234
  oktactl grant jane.doe@acme.com --app Figma --dry-run
  oktactl check-perms --for all

`oktactl COMMAND --help` shows a command's options and examples.";

/// What the root command's long help says after the options.
fn after_long_help() -> String {
    format!("{EXAMPLES}\n\n{}\n{CREDENTIAL}", error::exit_codes_help())
}

const CREDENTIAL: &str = "\
Credential: OKTA_API_TOKEN (or OKTA_CLIENT_TOKEN); else an OAuth service app, \
OKTA_CLIENT_ID with OKTA_PRIVATE_KEY (PEM text) or OKTA_PRIVATE_KEY_FILE; \
else the OS keyring entry that `oktactl auth login` stores. A token or key \
is never taken as an argument.";

/// Okta help-desk administration from the command line
#[derive(Debug, Parser)]
#[command(
    name = "oktactl",
    version,
    after_help = EXAMPLES,
    after_long_help = after_long_help(),
    propagate_version = true
)]
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

    /// Parse the arguments (the first is the program): the command line,
    /// and the change options of the command given (`None` when it takes
    /// none).
    pub fn parse_args<I, T>(args: I) -> Result<(Cli, Option<ChangeArgs>), clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let mut cmd = Cli::command();
        let matches = cmd.try_get_matches_from_mut(args)?;
        let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
        Ok((cli, ChangeArgs::of_command(&matches)))
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;

    #[test]
    fn clap_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn change_options_are_read_from_the_command_that_takes_them() {
        let (_, change) = Cli::parse_args([
            "oktactl",
            "unlock",
            "u1",
            "--dry-run",
            "-y",
            "--ticket",
            "HD-1",
        ])
        .unwrap();
        let change = change.unwrap();
        assert!(change.dry_run && change.yes);
        assert_eq!(change.ticket.as_deref(), Some("HD-1"));
        let (_, change) = Cli::parse_args(["oktactl", "auth", "logout", "--revoke"]).unwrap();
        let change = change.unwrap();
        assert!(!change.dry_run && !change.yes && change.ticket.is_none());
    }

    #[test]
    fn a_command_that_changes_nothing_takes_no_change_options() {
        let (_, change) = Cli::parse_args(["oktactl", "user", "show", "u1"]).unwrap();
        assert!(change.is_none());
        // `audit --ticket` is a filter of its own, not the ticket of a change.
        let (_, change) = Cli::parse_args(["oktactl", "audit", "--ticket", "HD-1"]).unwrap();
        assert!(change.is_none());
        for args in [
            &["oktactl", "user", "show", "u1", "--dry-run"][..],
            &["oktactl", "whoami", "--yes"],
            &["oktactl", "log", "u1", "--ticket", "HD-1"],
            &["oktactl", "--dry-run", "unlock", "u1"],
        ] {
            assert!(Cli::parse_args(args).is_err(), "{args:?}");
        }
    }
}
