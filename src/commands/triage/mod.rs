//! `oktactl triage`: at a terminal, the locked-out users one by one (the
//! lock-out finder's queue, oldest first): the identity card, why it
//! locked (the user's last lock events, as `log --type lock` reads them),
//! and one key each (`v` verifies the caller, as `oktactl verify`). The
//! keys act through the very jobs of `unlock` and
//! `reset-password` on one target (`act.rs`), so the gate, the policy and
//! the audit log treat them exactly as those commands. In a pipe it refuses.

mod act;
mod screen;

use clap::Args;
use jiff::SignedDuration;

use crate::commands::lockouts::{self, find::refused_filter, Query};
use crate::commands::log::parse_duration;
use crate::context::{ChangeArgs, Context};
use crate::error::{Error, Result};
use crate::interrupt;
use crate::perms::{needs_role, REPORTS};
use crate::prompt::{self, Key};
use act::{Done, Session, Verb};

/// The keys, as the prompt lists them.
const PROMPT: &str = "[v]erify  [u]nlock  [r]eset password  [l]og  [s]kip  [q]uit: ";
const KEYS: &str = "vurlsq";

/// Walk the locked-out users one by one: see why, then unlock, reset or skip
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl triage                          # the last 24 h, oldest lock first
  oktactl triage --since 7d --ticket HD-1234
  oktactl triage --dry-run                # show what each key would send

Keys: v verifies the caller (as `oktactl verify USER`: a push with a \
number to read out, else a code they read back) and stays on the user; a \
verified caller passes a policy that requires verification for unlock or \
reset-password in this session; u unlocks and moves on to the next user; r has Okta email a password \
reset link (after a confirmation) and stays on the user; l shows the user's \
full System Log (as `oktactl log USER`); s skips; q, Esc or Ctrl-C quits.

Each unlock and reset passes the change gate as `oktactl unlock` and \
`oktactl reset-password` do: the same policy rules, and audit lines under \
those command names. The ticket is given once, for the session (--ticket).

Needs a terminal; in a script use `oktactl lockouts` and `oktactl unlock --from -`.

DURATION is a number and a unit: s, m, h, d or w (e.g. 30m, 24h, 7d).")]
pub struct TriageArgs {
    /// How far back to look for lock-outs (and for each user's events)
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub since: SignedDuration,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &Context, args: TriageArgs) -> Result<()> {
    if !ctx.out.term.interactive() {
        return Err(Error::usage(
            "triage reads one key per user, and standard input or standard error is not a terminal",
        )
        .hint("use `oktactl lockouts` and `oktactl unlock --from -` (e.g. `oktactl lockouts -o csv | oktactl unlock --from -`)"));
    }
    let client = ctx.client()?;
    interrupt::install()?;
    let query = Query {
        since: args.since,
        all: false,
    };
    let found = lockouts::find(client, &query).map_err(|e| {
        let e = needs_role(e, REPORTS);
        if refused_filter(&e) {
            e.hint(format!(
                "the filter sent: {}",
                lockouts::find::simple_filter()
            ))
        } else {
            e
        }
    })?;
    for note in &found.notes {
        ctx.out.warn(note);
    }
    let total = found.lockouts.len();
    if total == 0 {
        ctx.out.status("nobody is locked out: nothing to triage");
        return Ok(());
    }
    let mut session = Session::new(ctx);
    'users: for (i, lock) in found.lockouts.iter().enumerate() {
        if interrupt::requested() {
            break;
        }
        let Some(user) = screen::show(ctx, client, lock, i + 1, total, args.since) else {
            session.tally.skipped += 1;
            continue;
        };
        loop {
            match prompt::read_key(PROMPT, KEYS)? {
                Key::Char('u') => match session.act(Verb::Unlock, &user)? {
                    Done::Yes => continue 'users,
                    Done::No => {}
                },
                // UNCONFIRMED whether the emailed reset of a LOCKED_OUT user
                // also unlocks it (live-suite point `reset_unlocks`): stay on
                // the user, so `u` can follow either way.
                Key::Char('r') => {
                    session.act(Verb::Reset, &user)?;
                }
                Key::Char('v') => session.verify(&user)?,
                Key::Char('l') => screen::full_log(ctx, &user.id, args.since),
                Key::Char('s') => {
                    session.tally.skipped += 1;
                    continue 'users;
                }
                _ => break 'users,
            }
            if interrupt::requested() {
                break 'users;
            }
        }
    }
    session.finish(total)
}
