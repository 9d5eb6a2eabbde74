//! The local policy in the gate: the ticket rules once, when the gate
//! opens; every other rule for each change, in the plan phase (so a
//! refused change is never confirmed) and again in `apply` (so no change
//! passes unjudged), judged once per change and run. A refused change is
//! `refused`, with the rule and the reason, and nothing is sent; outside a
//! dry run it is written to the audit log as an intent line and an outcome
//! line `refused`, both carrying the refusal.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, OnceLock};

use super::{Applied, Gate, Outcome, Planned};
use crate::audit::{self, PolicyMark, Subject};
use crate::error::{Error, Kind, Result};
use crate::policy::{self, Finding, Judge, Verdict};

/// The verdicts of a run, by user id and call.
pub(super) type Screens = Mutex<HashMap<String, Arc<OnceLock<Screened>>>>;

#[derive(Debug, Clone)]
pub(super) enum Screened {
    /// Go on; the audit lines' `policy` field.
    Pass(Option<PolicyMark>),
    /// Not sent: refused (`Refused`) or not checkable (`Failed`).
    Stop {
        outcome: Outcome,
        error: Error,
        change_id: Option<String>,
        mark: Option<PolicyMark>,
    },
}

/// The error of a refusal: exit 8, the rule and the reason, the rule's hints.
pub fn refusal(f: &Finding) -> Error {
    let mut e = Error::new(
        Kind::Policy,
        format!(
            "refused by policy ({}): {}; nothing was sent",
            f.rule, f.reason
        ),
    );
    for h in &f.hints {
        e = e.hint(h.clone());
    }
    e
}

impl Gate<'_> {
    /// The ticket rules, before anything is sent or read: `Err` (exit 8)
    /// ends the run; outside a dry run the refusal is written to the audit
    /// log, a pair of lines with no user and no call.
    pub(super) fn check_ticket(&self, ticket: Option<&str>) -> Result<()> {
        let Some(judge) = &self.policy else {
            return Ok(());
        };
        let Some(f) = judge.ticket(ticket) else {
            return Ok(());
        };
        let e = refusal(&f);
        let mark = judge.policy().mark(&Verdict::Refuse(f));
        if let Some(audit) = &self.audit {
            let id = audit::new_change_id();
            if let Err(ae) = audit.refused(&id, Subject::default(), None, &e.short(), &mark) {
                return Err(e.hint(format!(
                    "the refusal could not be written to the audit log: {}",
                    ae.message
                )));
            }
        }
        Err(e)
    }

    /// The policy's verdict on a planned change whose call is `request`:
    /// `Ok` with the audit lines' `policy` field (`None`: no policy file)
    /// to go on; `Err` with what became of a change that must not be sent.
    pub fn screen(
        &self,
        p: &Planned,
        request: &str,
    ) -> std::result::Result<Option<PolicyMark>, Box<Applied>> {
        let Some(judge) = &self.policy else {
            return Ok(None);
        };
        let cell = {
            let mut map = self.screens.lock().unwrap_or_else(|e| e.into_inner());
            let key = format!("{}\n{request}", p.user_id);
            Arc::clone(map.entry(key).or_default())
        };
        match cell.get_or_init(|| self.judge(judge, p, request)).clone() {
            Screened::Pass(mark) => Ok(mark),
            Screened::Stop {
                outcome,
                error,
                change_id,
                mark,
            } => Err(Box::new(Applied {
                outcome,
                request: request.to_string(),
                change_id,
                request_id: None,
                reply: None,
                error: Some(error),
                detail: None,
                policy: mark,
            })),
        }
    }

    fn judge(&self, judge: &Judge<'_>, p: &Planned, request: &str) -> Screened {
        let subject = policy::Subject {
            user_id: &p.user_id,
            user: &p.user,
            group: p.group.as_ref().map(|g| g.1.as_str()),
        };
        let verdict = match judge.judge(&subject) {
            Ok(v) => v,
            Err(error) => {
                return Screened::Stop {
                    outcome: Outcome::Failed,
                    error: error.hint("the policy could not be checked, so nothing was sent"),
                    change_id: None,
                    mark: None,
                }
            }
        };
        let mark = judge.policy().mark(&verdict);
        let Verdict::Refuse(f) = verdict else {
            return Screened::Pass(Some(mark));
        };
        let error = refusal(&f);
        let mut change_id = None;
        match &self.audit {
            None => self.ctx.out.status(&format!(
                "dry run: refused by policy ({}): {}; would not send {request}",
                f.rule, f.reason
            )),
            Some(audit) => {
                let id = audit::new_change_id();
                match audit.refused(&id, p.subject(), Some(request), &error.short(), &mark) {
                    Ok(()) => change_id = Some(id),
                    // Nothing was sent; the run ends naming the log.
                    Err(_) => self.broken.store(true, Ordering::SeqCst),
                }
            }
        }
        Screened::Stop {
            outcome: Outcome::Refused,
            error,
            change_id,
            mark: Some(mark),
        }
    }
}
