//! `lockouts`: who is locked out now, from one filtered System Log query
//! joined with the users' current status; `--watch` and `--once`: new
//! lock-outs as they happen. The finder (`find::find`) is a library
//! function that `triage` shares.

pub mod cursor;
pub mod find;
pub mod fold;
pub mod hook;
pub mod lock;
mod poll;
pub mod status;
pub mod stream;
pub mod view;
pub mod watch;

use std::time::Duration;

use clap::Args;
use jiff::SignedDuration;

use crate::commands::log::parse_duration;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::perms::{needs_role, REPORTS};

pub use find::{find, Findings, Lockout, Query};

/// The shortest `--interval`: twelve polls a minute, a fifth of an API
/// token's default share (50 %) of the historical 120 a minute of the
/// System Log's bucket ([RL-OLD], [RL-TOK]); a poll that finds the bucket
/// used up waits for its reset, as every request does.
pub const MIN_INTERVAL: u64 = 5;
const DEFAULT_INTERVAL: u64 = 30;
const MAX_INTERVAL: u64 = 3600;

/// Show who is locked out now, or watch for new lock-outs as they happen
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl lockouts                        # who is locked out now (last 24 h)
  oktactl lockouts --since 7d --all       # also those unlocked since
  oktactl lockouts -o csv | oktactl unlock --from -    # unlock them all
  oktactl lockouts --watch                # a live table; Ctrl-C ends it
  oktactl lockouts --watch -o json | my-notifier       # a JSON object a line
  oktactl lockouts --once --exec 'notify --channel \"#it\"'   # from cron

Reads the System Log: Report Admin or Read-only Admin.

A watch keeps its place in lockouts.cursor in the state directory, one per org and profile, so a restart neither misses nor repeats a lock-out; --from-now starts afresh.

DURATION is a number and a unit: s, m, h, d or w (e.g. 30s, 24h, 7d).")]
pub struct LockoutsArgs {
    /// How far back to look; a first watch (no saved cursor) starts this far back
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub since: SignedDuration,
    /// Also list users unlocked since their lock-out
    #[arg(long, conflicts_with_all = ["watch", "once"])]
    pub all: bool,
    /// Stream new lock-outs as they happen, until Ctrl-C
    #[arg(long)]
    pub watch: bool,
    /// Print the lock-outs new since the last run, then exit (for cron)
    #[arg(long)]
    pub once: bool,
    /// Time between polls while watching: 5s to 1h, default 30s
    #[arg(long, value_name = "DURATION", value_parser = parse_interval, conflicts_with = "once")]
    pub interval: Option<SignedDuration>,
    /// Forget the saved cursor and start watching from now
    #[arg(long)]
    pub from_now: bool,
    /// Run CMD once per new lock-out with the event as JSON on stdin (split into words, no shell)
    #[arg(long, value_name = "CMD")]
    pub exec: Option<String>,
    /// Seconds a --exec program may run before it is stopped
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub exec_timeout: u64,
}

/// `--interval`: a duration of 5 s to 1 h.
fn parse_interval(text: &str) -> Result<SignedDuration, String> {
    let d = parse_duration(text)?;
    let secs = d.as_secs();
    if !(MIN_INTERVAL as i64..=MAX_INTERVAL as i64).contains(&secs) {
        return Err(format!(
            "'{text}': give an interval from {MIN_INTERVAL}s to 1h (the System Log's rate limit allows no more)"
        ));
    }
    Ok(d)
}

pub fn run(ctx: &Context, args: LockoutsArgs) -> Result<()> {
    let watching = args.watch || args.once;
    if !watching {
        let given = [
            ("--interval", args.interval.is_some()),
            ("--from-now", args.from_now),
            ("--exec", args.exec.is_some()),
        ];
        if let Some((flag, _)) = given.iter().find(|(_, on)| *on) {
            return Err(Error::usage(format!("{flag} needs --watch or --once")));
        }
        return list(ctx, &args);
    }
    let hook = args
        .exec
        .as_deref()
        .map(|cmd| hook::Hook::parse(cmd, Duration::from_secs(args.exec_timeout)))
        .transpose()?;
    let interval = args
        .interval
        .map_or(DEFAULT_INTERVAL, |d| d.as_secs().unsigned_abs());
    watch::run(
        ctx,
        watch::Options {
            since: args.since,
            interval: Duration::from_secs(interval),
            once: args.once,
            from_now: args.from_now,
            hook,
        },
    )
}

fn list(ctx: &Context, args: &LockoutsArgs) -> Result<()> {
    let client = ctx.client()?;
    let q = Query {
        since: args.since,
        all: args.all,
    };
    let found = find(client, &q).map_err(|e| {
        let e = needs_role(e, REPORTS);
        if find::refused_filter(&e) {
            e.hint(format!("the filter sent: {}", find::simple_filter()))
        } else {
            e
        }
    })?;
    for note in &found.notes {
        ctx.out.warn(note);
    }
    view::print(ctx, &found.lockouts, args.all)
}
