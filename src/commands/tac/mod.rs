//! `oktactl tac`: a Temporary Access Code (TAC) for a caller who lost their
//! device, printed once; `tac revoke` deletes it. Both through the change
//! gate. The code never reaches the audit log, a file or stderr.

mod feature;
mod issue;
mod print;
mod revoke;

use clap::{Args, Subcommand};

use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};

/// Issue a Temporary Access Code for a user who cannot sign in otherwise
#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Examples:
  oktactl tac jane.doe@acme.com --ticket HD-1234   # valid 1 hour, single use
  oktactl tac jane.doe@acme.com --ttl 4h --multi-use
  code=$(oktactl tac jane.doe@acme.com --yes)
  oktactl tac revoke jane.doe@acme.com

The code is printed once, alone on stdout, and never written to the audit log \
or any file; it is printed only when stdout is a terminal, or with --yes (you \
take charge of where it goes). Okta does not deliver it: give it to the \
verified caller over a trusted channel. A new code replaces the user's \
earlier one. Temporary Access Codes are a LIMITED_GA feature of Okta \
Identity Engine: an org without it is told so in one line."
)]
pub struct TacArgs {
    #[command(subcommand)]
    pub command: Option<TacCommand>,
    /// The user: id (00u…), login or email
    #[arg(value_name = "USER", required = true)]
    pub user: Option<String>,
    /// How long the code is valid, from 10m to 10d (30m, 1h, 2d); the org's TAC authenticator may allow less
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = parse_ttl)]
    pub ttl: u32,
    /// Let the code be used more than once until it expires (the org's TAC authenticator must allow it)
    #[arg(long)]
    pub multi_use: bool,
    /// The org's TAC authenticator id (aut…), instead of finding it by listing the org's authenticators
    #[arg(long, value_name = "ID")]
    pub authenticator_id: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Subcommand)]
pub enum TacCommand {
    Revoke(revoke::RevokeArgs),
}

pub fn run(ctx: &Context, args: TacArgs) -> Result<()> {
    match (args.command, args.user) {
        (Some(TacCommand::Revoke(a)), _) => revoke::run(ctx, a),
        (None, Some(user)) => issue::run(
            ctx,
            &user,
            issue::Settings {
                ttl_minutes: args.ttl,
                multi_use: args.multi_use,
                authenticator_id: args.authenticator_id,
            },
        ),
        (None, None) => Err(Error::usage("no user given").hint("oktactl tac USER")),
    }
}

/// The shortest and longest TAC lifetimes Okta accepts, in minutes.
const TTL_MINUTES: (u32, u32) = (10, 14_400);

/// `30m`, `1h`, `2d` → minutes, within Okta's 10 minutes to 10 days.
fn parse_ttl(text: &str) -> std::result::Result<u32, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (num, unit) = text.split_at(split);
    let n: u32 = num
        .parse()
        .map_err(|_| format!("'{text}' is not a duration like 30m, 1h or 2d"))?;
    let per = match unit.trim().to_ascii_lowercase().as_str() {
        "m" => 1,
        "h" => 60,
        "d" => 1_440,
        _ => {
            return Err(format!(
                "'{text}': the unit must be m, h or d (e.g. 30m, 1h, 2d)"
            ))
        }
    };
    let minutes = n.saturating_mul(per);
    let (min, max) = TTL_MINUTES;
    if !(min..=max).contains(&minutes) {
        return Err(format!(
            "'{text}': a Temporary Access Code lives from 10m to 10d"
        ));
    }
    Ok(minutes)
}

/// "90 minutes" → "1h30m", as messages show a lifetime.
fn ttl_text(minutes: u32) -> String {
    let (d, h, m) = (minutes / 1_440, minutes % 1_440 / 60, minutes % 60);
    let mut s = String::new();
    for (n, unit) in [(d, "d"), (h, "h"), (m, "m")] {
        if n > 0 {
            s.push_str(&format!("{n}{unit}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_takes_minutes_hours_days_within_okta_range() {
        assert_eq!(parse_ttl("1h"), Ok(60));
        assert_eq!(parse_ttl("90m"), Ok(90));
        assert_eq!(parse_ttl("10d"), Ok(14_400));
        assert_eq!(parse_ttl("10m"), Ok(10));
        for bad in ["9m", "11d", "1w", "h", "", "30s", "-1h", "99999999999d"] {
            assert!(parse_ttl(bad).is_err(), "{bad}");
        }
        assert_eq!(ttl_text(90), "1h30m");
        assert_eq!(ttl_text(1_440 * 2), "2d");
    }
}
