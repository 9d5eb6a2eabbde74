//! The keys that change something. Each runs the job of its command
//! (`unlock`'s, `reset-password`'s) on one target through `gate::run`, in a
//! gate opened for that command the first time its key is pressed: the
//! confirmation, the local policy (its `unlock` and `reset-password` rules:
//! verification, cooldown, protect, ticket) and the audit lines are those
//! of the command itself. A gate named `triage` would let a policy rule on
//! `unlock` pass unseen, so there is none.
//!
//! `v` verifies the caller as `oktactl verify USER` does (`verify::run`,
//! method auto: the same audit lines and the same push cap). A `verified`
//! result is handed to every gate of the session as `--verify` hands it
//! (`Gate::set_caller`, the user id in `Caller::verified`), so a policy
//! requiring verification for `unlock` or `reset-password` lets that user
//! pass; the audit log's `verified` line is not relied on, as the gate
//! reads it once, possibly before the verification.

use crate::commands::reset_password::job::{Mode, Reset};
use crate::commands::unlock::Unlock;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::gate::run::{run, Pace};
use crate::gate::{Class, Gate, Job, Outcome, Target};
use crate::okta::models::User;
use crate::policy::Caller;
use crate::verify::{self, Method, DEFAULT_WAIT};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Unlock,
    /// An emailed reset link, as `reset-password USER`.
    Reset,
}

impl Verb {
    /// The command whose gate, policy rules and audit name it shares.
    fn command(self) -> &'static str {
        match self {
            Verb::Unlock => "unlock",
            Verb::Reset => "reset-password",
        }
    }
}

/// Whether the change was made (or, under `--dry-run`, would be).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Yes,
    No,
}

#[derive(Debug, Default)]
pub struct Tally {
    pub unlocked: usize,
    pub reset: usize,
    pub skipped: usize,
    pub verified: usize,
    pub failed: usize,
}

pub struct Session<'a> {
    ctx: &'a Context,
    unlock: Option<Gate<'a>>,
    reset: Option<Gate<'a>>,
    /// The users whose caller `v` verified (or, under `--dry-run`, would).
    verified: Vec<String>,
    pub tally: Tally,
}

impl<'a> Session<'a> {
    pub fn new(ctx: &'a Context) -> Session<'a> {
        Session {
            ctx,
            unlock: None,
            reset: None,
            verified: Vec::new(),
            tally: Tally::default(),
        }
    }

    /// Do `verb` to `user`. `Err` only when the session must end (the
    /// audit log failed, an interrupt); a refusal, a failure or a "no" at
    /// the confirmation is said and the user stays on screen.
    pub fn act(&mut self, verb: Verb, user: &User) -> Result<Done> {
        let ctx = self.ctx;
        let slot = match verb {
            Verb::Unlock => &mut self.unlock,
            Verb::Reset => &mut self.reset,
        };
        if slot.is_none() {
            match Gate::open(ctx, verb.command()) {
                Ok(g) => *slot = Some(g),
                Err(e) => {
                    ctx.out.warn(&format!("{}: not sent", e.short()));
                    for h in &e.hints {
                        ctx.out.status(&format!("hint: {h}"));
                    }
                    self.tally.failed += 1;
                    return Ok(Done::No);
                }
            }
        }
        let Some(gate) = slot.as_mut() else {
            return Ok(Done::No);
        };
        gate.set_caller(Caller {
            verified: self.verified.clone(),
            ..Caller::default()
        });
        let gate = &*gate;
        let target = Target {
            row: 1,
            input: user.id.clone(),
        };
        let job: Box<dyn Job> = match verb {
            Verb::Unlock => Box::new(Unlock { force: false }),
            Verb::Reset => Box::new(Reset::new(Mode::Email, false)),
        };
        let pace = Pace {
            concurrency: 1,
            max_errors: None,
        };
        let (rows, ending) = match run(gate, job.as_ref(), &[target], pace) {
            Ok(done) => done,
            Err(e) if e.kind == Kind::Cancelled => {
                ctx.out.status("not sent");
                return Ok(Done::No);
            }
            Err(e) => {
                ctx.out.warn(&e.short());
                self.tally.failed += 1;
                return Ok(Done::No);
            }
        };
        if let Some((path, _)) = ending.audit_failed {
            return Err(Error::failed(format!(
                "the audit log {path} could not be written; triage stops"
            )));
        }
        let Some(row) = rows.into_iter().next() else {
            return Ok(Done::No);
        };
        let login = row.user.clone();
        if let Some(e) = &row.failure {
            ctx.out.warn(&e.short());
            for h in &e.hints {
                ctx.out.status(&format!("hint: {h}"));
            }
        }
        let done = match row.result {
            Outcome::Unlocked | Outcome::WouldUnlock => {
                if row.result == Outcome::WouldUnlock {
                    ctx.out
                        .status(&format!("dry run: {login} would be unlocked"));
                }
                self.tally.unlocked += 1;
                Done::Yes
            }
            Outcome::EmailSent | Outcome::WouldEmail => {
                let said = if row.result == Outcome::EmailSent {
                    "Okta emailed a password reset link to"
                } else {
                    "dry run: Okta would email a password reset link to"
                };
                ctx.out.status(&format!("{said} {login}"));
                self.tally.reset += 1;
                Done::Yes
            }
            other => {
                if other.class() == Class::Failed || other == Outcome::Refused {
                    self.tally.failed += 1;
                } else if row.failure.is_none() {
                    ctx.out.status(&format!("{login}: {}", other.as_str()));
                }
                Done::No
            }
        };
        if ending.interrupted {
            return Err(crate::interrupt::error("interrupted; triage stops"));
        }
        Ok(done)
    }

    /// `v`: verify the caller for `user`, as `oktactl verify USER`. `Err`
    /// only when the session must end (the audit log failed, an interrupt).
    pub fn verify(&mut self, user: &User) -> Result<()> {
        let ctx = self.ctx;
        let ticket = ctx.change().ticket.clone();
        let channel = crate::audit::Channel::cli();
        let tried = crate::commands::verify::check_ticket(ctx, ticket.as_deref(), channel)
            .and_then(|()| {
                let client = ctx.client()?;
                verify::run(ctx, client, user, Method::Auto, DEFAULT_WAIT)
            });
        let v = match tried {
            Ok(v) => v,
            // The audit log could not be opened or written (`Failed`,
            // `Usage`), or an interrupt: the session ends, as for a change.
            Err(e) if matches!(e.kind, Kind::Failed | Kind::Usage | Kind::Interrupted) => {
                return Err(e)
            }
            // The factors could not be listed, the push cap, the ticket
            // pattern: said, and the user stays on screen.
            Err(e) => {
                ctx.out.warn(&format!("{}: not verified", e.short()));
                for h in &e.hints {
                    ctx.out.status(&format!("hint: {h}"));
                }
                self.tally.failed += 1;
                return Ok(());
            }
        };
        let login = user.login();
        let how = v.method.map_or("-", verify::Factor::as_str);
        match v.result {
            Outcome::Verified => {
                ctx.out.status(&format!(
                    "verified: the caller holds {login}'s {how} factor"
                ));
            }
            Outcome::WouldVerify => {}
            _ => {
                if let Some(e) = v.error("nothing else was done") {
                    if e.kind == Kind::Interrupted {
                        return Err(e);
                    }
                    ctx.out.warn(&e.short());
                    for h in &e.hints {
                        ctx.out.status(&format!("hint: {h}"));
                    }
                }
                self.tally.failed += 1;
                return Ok(());
            }
        }
        self.tally.verified += 1;
        self.verified.push(user.id.clone());
        Ok(())
    }

    /// The session's summary on stderr; exit 1 when an action failed.
    pub fn finish(self, total: usize) -> Result<()> {
        let t = &self.tally;
        self.ctx.out.status(&format!(
            "triage: {total} locked out; {} verified, {} unlocked, {} reset links, {} skipped, {} failed",
            t.verified, t.unlocked, t.reset, t.skipped, t.failed
        ));
        if t.failed > 0 {
            return Err(Error::failed(format!(
                "{} of the session's actions failed (see above)",
                t.failed
            )));
        }
        Ok(())
    }
}
