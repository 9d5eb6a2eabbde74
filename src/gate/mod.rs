//! The one gate every change to Okta passes, in this order: dry run (print
//! the exact call, send nothing), confirmation (or refusal when nobody can
//! answer), an intent line in the audit log, the request, and an outcome
//! line with the same `change_id`, a typed outcome and Okta's request id.
//! Commands plan their changes (`run`), the gate sends them. The local
//! policy (`screen`) judges every change before any of that.

mod confirm;
mod input;
pub mod outcome;
pub mod report;
pub mod run;
mod screen;
pub mod targets;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crate::audit::{self, Audit, Channel, PolicyMark, Run, Said, Subject};
use crate::config;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::interrupt;
use crate::okta::changes::Call;
use crate::okta::{Client, Reply};
use crate::policy::{self, Judge};
pub use confirm::{
    cancelled as confirm_cancelled, password_home, show_identity, since_label, Ask, Confirmer,
};
pub use outcome::{Class, Outcome};
pub use report::Row;
pub use run::{Job, Step};
pub use screen::refusal;
pub use targets::{read_targets, Target};

/// A change ready to send, and what it is about.
#[derive(Debug, Clone)]
pub struct Planned {
    pub call: Call,
    pub user_id: String,
    /// The user's login.
    pub user: String,
    /// The group's id and name, for membership changes.
    pub group: Option<(String, String)>,
    /// The outcome when Okta says yes, and the one a dry run reports.
    pub done: Outcome,
    pub would: Outcome,
    /// An Okta `errorCode` that means there was nothing to do, and the outcome it stands for.
    pub noop: Option<(&'static str, Outcome)>,
}

impl Planned {
    fn subject(&self) -> Subject<'_> {
        Subject {
            user_id: Some(&self.user_id),
            user: Some(&self.user),
            group: self.group.as_ref().map(|g| g.0.as_str()),
        }
    }
}

/// What sending one planned change came to.
#[derive(Debug)]
pub struct Applied {
    pub outcome: Outcome,
    /// `METHOD /path?query` of the call.
    pub request: String,
    pub change_id: Option<String>,
    pub request_id: Option<String>,
    /// Okta's answer when it said yes (reset-password reads its body).
    pub reply: Option<Reply>,
    /// Why it failed, was not sent, or may not have happened.
    pub error: Option<Error>,
    /// What the job read back after sending (`Job::read_back`).
    pub detail: Option<String>,
    /// The local policy's decision (`None`: no policy file).
    pub policy: Option<PolicyMark>,
}

/// The gate of one command run, shared by its workers.
pub struct Gate<'a> {
    pub ctx: &'a Context,
    pub client: &'a Client,
    /// `None` under `--dry-run`.
    audit: Option<Audit>,
    /// Set when the audit log failed: no further change is sent.
    broken: AtomicBool,
    /// Changes sent whose outcome line could not be written.
    unlogged: Mutex<Vec<String>>,
    /// The local policy, when there is a policy file (or, for a command
    /// that may need a verified caller, the built-in rules).
    policy: Option<Judge<'a>>,
    screens: screen::Screens,
    /// Who confirms, when not a person at this terminal.
    confirmer: Option<&'a dyn Confirmer>,
}

/// Where a run's changes come from, when not this command line's options:
/// an agent's call (`oktactl mcp`) brings its own ticket and dry run, and
/// its client confirms.
pub struct Via<'v> {
    pub channel: Channel,
    pub ticket: Option<String>,
    pub dry_run: bool,
    pub confirmer: Option<&'v dyn Confirmer>,
}

impl<'a> Gate<'a> {
    /// Read the policy file, check the credential, then open the audit log
    /// (unless `--dry-run`) before anything is sent, take over
    /// SIGINT/SIGTERM, and judge the ticket rules of the policy.
    /// `--dry-run`, `--yes` and `--ticket` are those of the command run
    /// (`Context::change`): a command that changes things flattens
    /// `context::ChangeArgs` into its args, and one that does not is
    /// refused here, before anything is sent.
    pub fn open(ctx: &'a Context, command: &str) -> Result<Gate<'a>> {
        let Some(change) = &ctx.change else {
            return Err(Error::failed(format!(
                "`{command}` cannot change anything: it takes no --dry-run, --yes or --ticket"
            ))
            .why("a bug in oktactl: the command does not flatten ChangeArgs into its options; nothing was sent"));
        };
        let via = Via {
            channel: Channel::cli(),
            ticket: change.ticket.clone(),
            dry_run: change.dry_run,
            confirmer: None,
        };
        Gate::open_via(ctx, command, via)
    }

    /// `open`, for changes that come `via` another channel.
    pub fn open_via(ctx: &'a Context, command: &str, via: Via<'a>) -> Result<Gate<'a>> {
        let policy = match policy::load(ctx.global.policy.as_deref()) {
            Ok(p) => p,
            // Revoking the tool's own token is never held up.
            Err(e) if policy::commands::exempt(command) => {
                ctx.out.warn(&format!("{}; going on without it", e.message));
                None
            }
            Err(e) => return Err(e),
        };
        let client = ctx.client()?;
        let org = config::origin_text(client.origin());
        let ticket = via.ticket.filter(|t| !t.trim().is_empty());
        let audit = if via.dry_run {
            None
        } else {
            Some(Audit::open_checked(Run {
                org: org.clone(),
                profile: ctx.profile().to_string(),
                command: command.to_string(),
                ticket: ticket.clone(),
                channel: via.channel,
            })?)
        };
        interrupt::install()?;
        let err = Arc::clone(&ctx.out.err);
        let gate = Gate {
            ctx,
            client,
            audit,
            broken: AtomicBool::new(false),
            unlogged: Mutex::new(Vec::new()),
            policy: Judge::open(policy, client, command, org, err),
            screens: Default::default(),
            confirmer: via.confirmer,
        };
        gate.check_ticket(ticket.as_deref())?;
        Ok(gate)
    }

    /// Hand the policy what this run knows of the caller's verification
    /// (`--verify`, `--require-verified`, `--skip-verification`: see
    /// `crate::verify`), before any change is planned.
    pub fn set_caller(&mut self, caller: policy::Caller) {
        if let Some(judge) = &mut self.policy {
            judge.set_caller(caller);
        }
    }

    /// The policy in force, when there is a policy file.
    pub fn policy(&self) -> Option<&policy::Policy> {
        self.policy.as_ref().map(Judge::policy)
    }

    /// A change refused before anything was sent, written to the audit log
    /// (not under a dry run): `call` is what it would have sent, if planned.
    pub fn refused(&self, subject: Subject<'_>, call: Option<&str>, why: &Error) -> Result<()> {
        match &self.audit {
            Some(audit) => audit.refusal(subject, call, &why.short()),
            None => Ok(()),
        }
    }

    pub fn dry_run(&self) -> bool {
        self.audit.is_none()
    }

    /// The audit log stopped being writable during the run.
    pub fn broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    /// Change ids (and users) sent without an outcome line.
    pub fn unlogged(&self) -> Vec<String> {
        self.unlogged
            .lock()
            .map(|v| v.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    pub fn audit_path(&self) -> Option<&std::path::Path> {
        self.audit.as_ref().map(Audit::path)
    }

    /// Send one planned change through the gate. Never sends when
    /// interrupted, when the audit log has failed, or under `--dry-run`.
    pub fn apply(&self, p: &Planned) -> Applied {
        self.apply_for(p, None)
    }

    /// `apply`, and a change done (or whose answer was lost) is read back
    /// by `job` before its outcome line is written.
    pub fn apply_for(&self, p: &Planned, job: Option<&dyn Job>) -> Applied {
        let request = p.call.text(self.client).unwrap_or_else(|e| e.message);
        let policy = match self.screen(p, &request) {
            Ok(mark) => mark,
            Err(refused) => return *refused,
        };
        let mut applied = Applied {
            outcome: Outcome::Skipped,
            request,
            change_id: None,
            request_id: None,
            reply: None,
            error: None,
            detail: None,
            policy,
        };
        let Some(audit) = &self.audit else {
            let allowed = match applied.policy {
                Some(_) => " (policy: allowed)",
                None => "",
            };
            self.ctx
                .out
                .status(&format!("dry run: would send {}{allowed}", applied.request));
            applied.outcome = p.would;
            return applied;
        };
        if interrupt::requested() {
            applied.error = Some(interrupt::error("interrupted before it was sent; not sent"));
            return applied;
        }
        if self.broken() {
            applied.error = Some(Error::failed(
                "not sent: the audit log could not be written for an earlier change",
            ));
            return applied;
        }
        let change_id = audit::new_change_id();
        let mark = applied.policy.as_ref();
        if let Err(e) = audit.intent(&change_id, p.subject(), &applied.request, mark) {
            self.broken.store(true, Ordering::SeqCst);
            applied.error = Some(e.context("not sent, because its intent line was not written"));
            return applied;
        }
        let sent = self.client.send_call(&p.call);
        applied.change_id = Some(change_id.clone());
        match sent {
            Ok(reply) => {
                applied.outcome = p.done;
                applied.request_id = reply.request_id();
                applied.reply = Some(reply);
            }
            Err(e) => {
                applied.request_id = e.request_id().map(str::to_string);
                applied.outcome = match p.noop {
                    Some((code, noop)) if e.error_code() == Some(code) => noop,
                    _ if e.maybe_applied => Outcome::Unknown,
                    _ if e.kind == Kind::Interrupted => Outcome::Skipped,
                    _ => Outcome::Failed,
                };
                if applied.outcome.class() != Class::Ok {
                    applied.error = Some(if applied.outcome == Outcome::Unknown {
                        unknown_hint(e, p.call.idempotent())
                    } else {
                        e
                    });
                }
            }
        }
        if applied.outcome == p.done || applied.outcome == Outcome::Unknown {
            applied.detail = job.and_then(|j| j.read_back(self, p));
        }
        let short = applied.error.as_ref().map(Error::short);
        let said = Said {
            outcome: applied.outcome.as_str(),
            request_id: applied.request_id.as_deref(),
            error: short.as_deref(),
            detail: applied.detail.as_deref(),
        };
        if let Err(e) = audit.outcome(&change_id, p.subject(), said, applied.policy.as_ref()) {
            self.broken.store(true, Ordering::SeqCst);
            let note = format!("{change_id} ({} {})", p.user, applied.request);
            match self.unlogged.lock() {
                Ok(mut v) => v.push(note),
                Err(p) => p.into_inner().push(note),
            }
            if applied.error.is_none() {
                applied.error = Some(e.context("the change was made, but its outcome line"));
            }
        }
        applied
    }
}

/// The answer to a sent change was lost: say what that means.
fn unknown_hint(e: Error, idempotent: bool) -> Error {
    let mut e = e;
    e.kind = Kind::Network;
    if idempotent {
        e.why("the request reached Okta but its answer was lost: Okta may have applied it; running the same command again is safe (a change already made is a no-op)")
    } else {
        e.why("the request reached Okta but its answer was lost: Okta may have applied it; it was not repeated, since repeating it is not harmless; check with `oktactl log USER` before trying again")
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::context::GlobalArgs;

    #[derive(Parser)]
    struct Root {
        #[command(flatten)]
        global: GlobalArgs,
    }

    #[test]
    fn a_command_that_takes_no_change_options_cannot_open_the_gate() {
        let global = Root::parse_from(["oktactl"]).global;
        let ctx = Context::new(global, None, || clap::Command::new("oktactl"));
        let Err(e) = Gate::open(&ctx, "whoami") else {
            panic!("the gate opened");
        };
        assert_eq!(e.exit_code(), 1);
        assert!(e.message.contains("takes no --dry-run"), "{}", e.message);
    }
}
